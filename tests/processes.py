"""Finding a server's query workers among its processes, for tests that watch their memory or namespaces."""

from pathlib import Path


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            found += [int(child) for child in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def command_line(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
    except OSError:
        return b""


def worker_pids(server_pid: int) -> list[int]:
    """The query workers: the processes the server's fork server forked (or, with spawn, its spawned children)."""
    workers = []
    for child in children(server_pid):
        line = command_line(child)
        if b"forkserver" in line:
            workers += children(child)
        elif b"spawn_main" in line and b"resource_tracker" not in line:
            workers.append(child)
    return workers
