# Two entry points (see README): `make run` and `make test`. Both create .venv on first use.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.planqa-installed

.PHONY: install run test chromium clean

install: $(STAMP)

# torch goes first and pinned: the CPU wheel is on local disk, while letting
# sentence-transformers pull torch would download a multi-GB CUDA build.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# The main job: the chat UI on the bundled plan at http://127.0.0.1:7860. The first start
# builds the offline default model (~20 s) and the index (~15 s); later starts load them.
run: install
	$(BIN)/planqa serve --host 127.0.0.1 --port 7860

test: install chromium
	HF_HUB_OFFLINE=1 $(BIN)/python -m pytest

# The browser test drives Debian's Chromium through Playwright (Playwright's own browser
# download cannot work offline); installed from Debian's packages when missing.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium chromium-driver >/dev/null; }

clean:
	rm -rf $(VENV) data/build
