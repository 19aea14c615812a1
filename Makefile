# The two commands of the README. Both create .venv/ on first use.
.PHONY: run test lint format

run:
	./scripts/run.sh

test:
	./scripts/test.sh

lint:
	./scripts/bootstrap.sh && .venv/bin/ruff check src benchmarks && .venv/bin/ruff format --check src benchmarks

format:
	.venv/bin/ruff format src benchmarks && .venv/bin/ruff check --fix src benchmarks
