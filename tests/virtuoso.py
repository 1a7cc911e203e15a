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

VIRTUOSO, ISQL = "virtuoso-t", "isql-vt"
USER, PASSWORD = "dba", "dba"  # the account a fresh Virtuoso database starts with; loopback only


@dataclass
class Virtuoso:
    sparql: str
    sql_port: int
    log: Path
    process: subprocess.Popen[bytes]
    password: str = PASSWORD

    @property
    def credentials(self) -> dict[str, str]:
        return {"SAFETYKG_STORE_USER": USER, "SAFETYKG_STORE_PASSWORD": self.password, "SAFETYKG_STORE_AUTH": "digest"}

    def set_password(self, password: str) -> None:
        """Give the dba account another password (through Virtuoso's SQL client, isql-vt)."""
        subprocess.run(
            [ISQL, str(self.sql_port), USER, self.password, f"exec=USER_SET_PASSWORD('{USER}', '{password}');"],
            check=True,
            capture_output=True,
            timeout=30,
        )
        self.password = password

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(5)


def available() -> str | None:
    """Why Virtuoso cannot run here, or None when it can."""
    for program in (VIRTUOSO, ISQL):
        if shutil.which(program) is None:
            return f"{program} is not installed (apt-get install virtuoso-opensource-7-bin)"
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
MaxQueryExecutionTime = 10
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
        server = Virtuoso(sparql, sql_port, log, process)
        yield server
    finally:
        Virtuoso(sparql, sql_port, log, process).stop()
