.PHONY: install demo test lint schemas bench t2s

install:
	python3 -m venv .venv && .venv/bin/pip install -q -e '.[dev]'

demo:
	.venv/bin/lhasa-news demo

test:
	.venv/bin/python -m pytest -q

lint:
	.venv/bin/ruff check lhasa_news tests benchmarks tools && .venv/bin/ruff format --check lhasa_news tests benchmarks tools && .venv/bin/mypy

schemas:
	.venv/bin/lhasa-news schema --out schemas

bench:
	.venv/bin/pip install -q -e '.[bench]' && .venv/bin/python benchmarks/bench_quantities.py

t2s:
	.venv/bin/pip install -q -e '.[tools]' && .venv/bin/python tools/gen_t2s.py
