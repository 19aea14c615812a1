"""The ``klantreis`` console command: a thin wrapper around Django's management commands.

``klantreis routes --json`` is ``django-admin routes --json`` with klantreis's settings.
"""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "klantreis.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["klantreis", *sys.argv[1:]])


if __name__ == "__main__":
    main()
