"""Starting `safetykg serve` for a benchmark: on a free loopback port, waited for until it answers."""

import subprocess
import sys
import time

import httpx

from tests.live_server import free_port


def first_answer(process: subprocess.Popen[bytes], url: str, started: float, within: float = 120) -> float:
    """Seconds from ``started`` until ``url`` answers 200. One client polls every 10 ms: a client made per attempt
    (``httpx.get``) costs milliseconds of processor each time, which a starting server on two cores would feel."""
    deadline = time.monotonic() + within
    with httpx.Client(timeout=5) as client:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"the server exited with code {process.returncode}")
            try:
                if client.get(url).status_code == 200:
                    return time.perf_counter() - started
            except httpx.TransportError:
                time.sleep(0.01)
    process.kill()
    raise RuntimeError(f"the server did not answer within {within:g} s")


def start_server(*options: str, within: float = 120) -> tuple[subprocess.Popen[bytes], str]:
    """The server process and its base URL, once `ASK {}` is answered; options go to `safetykg serve`."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "safetykg.cli", "serve", "--port", str(port), *options],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    first_answer(process, f"{base}/sparql?query=ASK%7B%7D", time.perf_counter(), within)
    return process, base
