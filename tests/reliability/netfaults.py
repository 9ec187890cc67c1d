"""Network faults on loopback: a TCP proxy in front of PostgreSQL that can be partitioned.

Partitioned, it behaves like a link that drops every packet while the kernel still says yes: new
connections are accepted and never relayed, and connections already open stop relaying in both
directions (their bytes are read and thrown away, so nothing is ever refused or reset). Healed,
new connections relay again; the stuck ones stay stuck, as after a real partition.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator

from sqlalchemy import make_url


class Blackhole:
    """A relay on 127.0.0.1:{port} to target; partition() and heal() switch it."""

    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self.listener.getsockname()[1])
        self.partitioned = threading.Event()
        self.closed = threading.Event()
        self.sockets: list[socket.socket] = []
        self.lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def url_for(self, database_url: str) -> str:
        """database_url with its host and port replaced by this proxy's."""
        url = make_url(database_url).set(host="127.0.0.1", port=self.port)
        return url.render_as_string(hide_password=False)

    def partition(self) -> None:
        self.partitioned.set()

    def heal(self) -> None:
        self.partitioned.clear()

    def close(self) -> None:
        self.closed.set()
        self.listener.close()
        with self.lock:
            for each in self.sockets:
                with contextlib.suppress(OSError):
                    each.close()

    def _keep(self, each: socket.socket) -> None:
        with self.lock:
            self.sockets.append(each)

    def _accept(self) -> None:
        while not self.closed.is_set():
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            self._keep(client)
            if self.partitioned.is_set():
                threading.Thread(target=self._swallow, args=(client,), daemon=True).start()
                continue
            try:
                server = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            server.settimeout(None)
            self._keep(server)
            for source, sink in ((client, server), (server, client)):
                threading.Thread(target=self._relay, args=(source, sink), daemon=True).start()

    def _swallow(self, source: socket.socket) -> None:
        """Read and drop everything, so the sender's kernel never pushes back."""
        with contextlib.suppress(OSError):
            while source.recv(65536):
                pass

    def _relay(self, source: socket.socket, sink: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while True:
                data = source.recv(65536)
                if not data:
                    break
                if self.partitioned.is_set():
                    self._swallow(source)
                    return
                sink.sendall(data)
        with contextlib.suppress(OSError):
            sink.shutdown(socket.SHUT_WR)


@contextlib.contextmanager
def blackhole_in_front_of(database_url: str) -> Iterator[Blackhole]:
    """A Blackhole relaying to the server of database_url, closed afterwards."""
    url = make_url(database_url)
    proxy = Blackhole(url.host or "127.0.0.1", int(url.port or 5432))
    try:
        yield proxy
    finally:
        proxy.close()
