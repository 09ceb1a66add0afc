"""The `palermo` console command: Django's management commands under friendlier names.

`palermo load-reference` runs the `load_reference` management command, `palermo serve` the
`serve` command, and so on; any other Django command passes through unchanged.
"""

from __future__ import annotations

import os
import sys

# Names people type, mapped to the management commands that do the work.
ALIASES = {
    "check": "preflight",
    "import": "import_records",
}


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "palermo.settings")
    from django.core.management import execute_from_command_line

    if not args:
        args = ["help"]
    command = args[0]
    command = ALIASES.get(command, command).replace("-", "_")
    execute_from_command_line(["palermo", command, *args[1:]])


if __name__ == "__main__":
    main()
