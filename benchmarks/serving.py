"""Starting `safetykg serve` for a benchmark: on a free loopback port, waited for until it answers."""

import subprocess
import sys
import time

import httpx

from tests.live_server import free_port


def start_server(*options: str, within: float = 120) -> tuple[subprocess.Popen[bytes], str]:
    """The server process and its base URL, once `ASK {}` is answered; options go to `safetykg serve`."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "safetykg.cli", "serve", "--port", str(port), *options],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with code {process.returncode}")
        try:
            if httpx.get(f"{base}/sparql", params={"query": "ASK {}"}, timeout=1).status_code == 200:
                return process, base
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"the server did not answer within {within:g} s")
