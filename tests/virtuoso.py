"""Starting Virtuoso open source (Debian's virtuoso-opensource) on loopback, for the remote-store tests."""

import os
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from tests.live_server import free_port

VIRTUOSO = "virtuoso-t"
USER, PASSWORD = "dba", "dba"  # the account a fresh Virtuoso database starts with; loopback only


@dataclass(frozen=True)
class Virtuoso:
    sparql: str
    log: Path
    process: subprocess.Popen[bytes]

    @property
    def credentials(self) -> dict[str, str]:
        return {"SAFETYKG_STORE_USER": USER, "SAFETYKG_STORE_PASSWORD": PASSWORD, "SAFETYKG_STORE_AUTH": "digest"}


def available() -> str | None:
    """Why Virtuoso cannot run here, or None when it can."""
    if shutil.which(VIRTUOSO) is None:
        return f"{VIRTUOSO} is not installed (apt-get install virtuoso-opensource-7-bin)"
    return None


def _ini(folder: Path, sql_port: int, http_port: int) -> str:
    return f"""[Database]
DatabaseFile = {folder}/virtuoso.db
ErrorLogFile = {folder}/virtuoso.log
LockFile = {folder}/virtuoso.lck
TransactionFile = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {folder}/virtuoso-temp.db
TransactionFile = {folder}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
ServerThreads = 10
CheckpointInterval = 60
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = {folder}

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {folder}
MaxClientConnections = 10
ServerThreads = 10
EnabledDavVSP = 0

[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
"""


@contextmanager
def running_virtuoso(folder: Path, timeout: float = 60.0) -> Iterator[Virtuoso]:
    """A fresh Virtuoso database in ``folder``, listening on free loopback ports until the block ends."""
    folder.mkdir(parents=True, exist_ok=True)
    sql_port, http_port = free_port(), free_port()
    (folder / "virtuoso.ini").write_text(_ini(folder, sql_port, http_port), encoding="utf-8")
    log = folder / "virtuoso.out"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [VIRTUOSO, "-f", "-c", str(folder / "virtuoso.ini")],
            cwd=folder,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            env={**os.environ, "HOME": str(folder)},
        )
    sparql = f"http://127.0.0.1:{http_port}/sparql"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"Virtuoso exited with {process.returncode}: {log.read_text(errors='replace')}")
            try:
                if httpx.get(sparql, params={"query": "ASK {}"}, timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"Virtuoso did not answer within {timeout:g} s: {log.read_text(errors='replace')}")
            time.sleep(0.2)
        yield Virtuoso(sparql, log, process)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(5)
