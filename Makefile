# All set-up happens here, into .venv, which later runs reuse.
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

# The tests compare our tokeniser with camel-tools, which depends on PyTorch; without this
# pin pip would fetch a multi-GB CUDA build. policylint itself needs neither.
TORCH := torch==2.13.0

.PHONY: demo test test-slow install clean readme bench

# The pip that comes with Python 3.11 installs everything here; upgrading it first cost
# a trip to the registry and seconds of make test's 3-minute budget.
$(PY):
	python3 -m venv $(VENV)

# --no-compile: pip would byte-compile every module of PyTorch and camel-tools' stack at
# install, most of which the tests never import (half of make test's set-up time); what
# is imported is compiled when first imported.
$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --no-compile $(TORCH)
	$(PY) -m pip install --quiet --no-compile -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	@$(VENV)/bin/policylint --today 2026-11-23 fixtures/ || echo "(exit code $$?: the templates and incomplete policies have findings, as they should)"

# The pre-commit test installs the real hook into an environment of its own from a
# local cache of wheels, made here, so that the test itself never reaches the network.
WHEELS := .wheels
$(WHEELS)/.made: pyproject.toml | $(PY)
	$(PY) -m pip wheel --quiet --wheel-dir $(WHEELS) . 'setuptools>=77' wheel
	touch $@

# On every core (pytest-xdist): the whole suite takes some 100 s on one.
test: $(STAMP) $(WHEELS)/.made
	$(PY) -m pytest -m "not slow" -n auto

# Tests marked slow too: the daemon's runs in the text and SARIF formats (make test runs
# the JSON one). The pre-commit test is not slow since the install no longer brings PyTorch.
test-slow: $(STAMP) $(WHEELS)/.made
	$(PY) -m pytest -n auto

clean:
	rm -rf $(VENV) build *.egg-info

# Regenerate the README's rule table from the rule packs (a test fails when they drift).
readme: $(STAMP)
	$(PY) -c "from pathlib import Path; from policylint.ruledocs import with_rule_table; from policylint.rulepacks import load_rules; p = Path('README.md'); p.write_text(with_rule_table(p.read_text(encoding='utf-8'), load_rules()), encoding='utf-8')"

# Time the command line on a few hundred policies, each rule on one policy, the inputs
# that were once quadratic, and the 1,000-policy run beside textlint (bench/README.md).
# In a venv of its own holding what `pip install policylint` installs, not the test
# tools (camel-tools brings scipy and scikit-learn, which NLTK imports when present).
BENCH_VENV := .venv-bench
$(BENCH_VENV)/.installed: pyproject.toml $(shell find policylint rules -name '*.py' -o -name '*.yaml')
	python3 -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(BENCH_VENV)/bin/python -m pip install --quiet .
	touch $@

bench: $(BENCH_VENV)/.installed
	$(BENCH_VENV)/bin/python bench/bench.py
	$(BENCH_VENV)/bin/python bench/peers.py
