"""Starting a real `safetykg serve` process on a free loopback port, for tests that talk HTTP to it."""

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def live_server(dist: Path, extra_env: dict[str, str] | None = None, **settings: object) -> Iterator[str]:
    port = free_port()
    args = [sys.executable, "-m", "safetykg.cli", "serve", "--dist", str(dist), "--port", str(port)]
    for name, value in settings.items():
        args += ["--" + name.replace("_", "-"), str(value)]
    log = open(dist / f"server-{port}.log", "w")  # noqa: SIM115 - closed below
    process = subprocess.Popen(
        args, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1", **(extra_env or {})}
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"server exited: {(dist / f'server-{port}.log').read_text()}")
            try:
                if httpx.get(base + "/sparql", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("server did not start within 60 s")
            time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()
