"""The ``sayso`` command (``python -m sayso`` or the ``sayso`` console script)."""

from __future__ import annotations

import signal
import sys


def main() -> None:
    """Run the command line with ``sys.argv`` and exit with its code."""
    from sayso._sayso import cli_main

    # The command runs in Rust with the GIL released, where Python's own
    # handlers would only set a flag nobody reads: restore the default
    # behaviour so Ctrl-C stops it and `sayso ... | head` ends quietly.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    argv = ["sayso", *sys.argv[1:]]
    sys.exit(cli_main(argv))


if __name__ == "__main__":
    main()
