"""How a client and the daemon talk: a message is a length and a marshalled dict, the
client's word to go carrying its standard input, output and error.

marshal because both ends are the same Python (the daemon declines a client of another
interpreter) and it costs no import.
"""

from __future__ import annotations

import marshal
import os
import socket

_LENGTH_BYTES = 4
MAX_MESSAGE = 16 * 1024 * 1024


def send(conn: socket.socket, message: dict, fds: list[int] | None = None) -> None:
    body = marshal.dumps(message)
    data = len(body).to_bytes(_LENGTH_BYTES, "big") + body
    if fds:
        sent = socket.send_fds(conn, [data], fds)
        data = data[sent:]
    if data:
        conn.sendall(data)


def receive(conn: socket.socket, max_fds: int = 0) -> tuple[dict | None, list[int]]:
    """The next message and the open files sent with it; (None, []) when the other end
    closed the connection before a whole message."""
    fds: list[int] = []
    head = b""
    while len(head) < _LENGTH_BYTES:
        if max_fds and not fds and not head:
            chunk, fds, _flags, _address = socket.recv_fds(conn, _LENGTH_BYTES, max_fds)
        else:
            chunk = conn.recv(_LENGTH_BYTES - len(head))
        if not chunk:
            close_all(fds)
            return None, []
        head += chunk
    length = int.from_bytes(head, "big")
    if length > MAX_MESSAGE:
        close_all(fds)
        return None, []
    body = bytearray()
    while len(body) < length:
        chunk = conn.recv(min(length - len(body), 1 << 16))
        if not chunk:
            close_all(fds)
            return None, []
        body += chunk
    try:
        message = marshal.loads(bytes(body))
    except (ValueError, EOFError, TypeError):
        message = None
    if not isinstance(message, dict):
        close_all(fds)
        return None, []
    return message, fds


def close_all(fds: list[int]) -> None:
    for fd in fds:
        try:
            os.close(fd)
        except OSError:
            pass
