# The two commands of the README. Both create .venv/ on first use.
.PHONY: run test lint format bench

run:
	./scripts/run.sh

test:
	./scripts/test.sh

lint:
	./scripts/bootstrap.sh && .venv/bin/ruff check src benchmarks && .venv/bin/ruff format --check src benchmarks

format:
	.venv/bin/ruff format src benchmarks && .venv/bin/ruff check --fix src benchmarks

# The 323 benchmark (docs/performance.md) on SQLite, and on PostgreSQL when BENCH_PG is a
# server URL (make bench BENCH_PG=postgres://postgres@127.0.0.1:5432/test). Installs xmllint
# (Debian's libxml2-utils) for the comparison the targets are stated in.
bench:
	./scripts/bootstrap.sh
	./scripts/debian-pakket.sh xmllint libxml2-utils "de benchmark meldt geen xmllint-vergelijking"
	.venv/bin/python benchmarks/declaratie_323.py
	$(if $(BENCH_PG),.venv/bin/python benchmarks/declaratie_323.py --postgres $(BENCH_PG))
