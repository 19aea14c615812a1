"""The codec and the calendar are plain Python: importing them must not import Django
(STYLE.md), so a worker, a CLI or a benchmark can use them alone."""

import subprocess
import sys

import pytest

PURE = ["klantreis.termijnen.kalender", "klantreis.istandaarden", "klantreis.clients.bsn"]


@pytest.mark.parametrize("module", PURE)
def test_module_imports_no_django(module):
    code = (
        f"import sys, importlib; importlib.import_module({module!r}); "
        "bad = sorted(m for m in sys.modules if m == 'django' or m.startswith('django.')); "
        "print(','.join(bad)); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, f"{module} imports Django: {result.stdout} {result.stderr}"
