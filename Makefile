# Two entry points (see README): `make run` and `make test`. Both create .venv on first use.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.planqa-installed

.PHONY: install run test chromium postgresql clean

install: $(STAMP)

# torch goes first and pinned: the CPU wheel is on local disk, while letting
# sentence-transformers pull torch would download a multi-GB CUDA build.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# The main job: the chat UI on the bundled plan at http://127.0.0.1:7860. The first start
# builds the offline default model (~20 s) and the index (~25 s); later starts load them.
run: install
	$(BIN)/planqa serve --host 127.0.0.1 --port 7860

test: install chromium postgresql
	HF_HUB_OFFLINE=1 $(BIN)/python -m pytest

# The browser test drives Debian's Chromium through Playwright (Playwright's own browser
# download cannot work offline); installed from Debian's packages when missing.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium chromium-driver >/dev/null; }

# The staff-database tests run against a real, throwaway PostgreSQL server (tests/conftest.py starts
# one on a free loopback port); Debian's postgresql package is installed when its initdb is missing.
postgresql:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq postgresql >/dev/null; }

clean:
	rm -rf $(VENV) data/build
