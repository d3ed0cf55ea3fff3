"""The `policylint` command: through the daemon when one is running for this
installation, else in this process, which then starts one for the runs after it (see
policylint.daemon.starts_automatically).

Kept to what deciding needs (a socket and a few bytes), so that a run through the daemon
costs little more than starting Python.
"""

from __future__ import annotations

import os
import sys


def main() -> None:
    # `policylint daemon ...` manages the daemon itself, always from here.
    start_one = False
    if len(sys.argv) < 2 or sys.argv[1] != "daemon":
        from policylint.daemon import OFF_ENV, existing_socket, is_on, starts_automatically

        path = None if is_on(os.environ.get(OFF_ENV)) else existing_socket()
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
        start_one = starts_automatically(sys.argv)
    from policylint.cli import main as in_this_process

    try:
        in_this_process()
    except SystemExit:
        # After the run, its output written: starting costs it a fork, and the daemon
        # warms up in the background while the user reads the report.
        if start_one:
            from policylint.daemon import control

            control.start_in_background()
        raise
