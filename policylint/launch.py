"""The `policylint` command: through the daemon when one is running for this
installation (`policylint daemon start`), else in this process.

Kept to what deciding needs (a socket and a few bytes), so that a run through the daemon
costs little more than starting Python.
"""

from __future__ import annotations

import os
import sys


def main() -> None:
    # `policylint daemon ...` manages the daemon itself, always from here.
    if len(sys.argv) < 2 or sys.argv[1] != "daemon":
        from policylint.daemon import OFF_ENV, SUPPORTED, UnsafeFolder, socket_path

        try:
            path = socket_path() if SUPPORTED and not os.environ.get(OFF_ENV) else None
        except UnsafeFolder:
            path = None
        if path and os.path.exists(path):
            from policylint.daemon import client

            try:
                code = client.run(path, sys.argv)
            except KeyboardInterrupt:
                # Before the run was the daemon's, or as it became so (the copy ends
                # when this process does): the run did not happen, as without a daemon.
                sys.stderr.write("policylint: interrupted; the run did not finish\n")
                sys.exit(130)
            if code is not None:
                sys.exit(code)
    from policylint.cli import main as in_this_process

    in_this_process()
