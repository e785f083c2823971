# Two entry points (see README): `make run` and `make test`. Both create .venv on first use.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.planqa-installed

.PHONY: install run test clean

install: $(STAMP)

# torch goes first and pinned: the CPU wheel is on local disk, while letting
# sentence-transformers pull torch would download a multi-GB CUDA build.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet torch==2.13.0
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# Until the chat exists (next issue) the main job ingests the plan, builds the index
# (and, on first use, the offline default model) and runs one example search.
run: install
	$(BIN)/planqa ingest
	$(BIN)/planqa index
	$(BIN)/planqa search "大型ごみをインターネットで申し込みたい" --k 3

test: install
	HF_HUB_OFFLINE=1 $(BIN)/python -m pytest

clean:
	rm -rf $(VENV) data/build
