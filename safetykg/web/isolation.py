"""Cuts a query worker off the network: a network namespace of its own, with no interface up.

The embedded engine can perform SPARQL SERVICE calls itself. The guard refuses SERVICE before a
query reaches a worker; this is the second wall: a worker that runs the embedded store lives in a
new network namespace (unshare(2) with CLONE_NEWNET), where only a loopback interface exists and it
is down, so no connection can leave the process, not even to the machine's own loopback. The pipe
to the server is an already-open socket pair and keeps working.

Python 3.11 has no ``os.unshare``, so the call goes through ``ctypes``. Without CAP_SYS_ADMIN the
worker tries a user namespace first (CLONE_NEWUSER | CLONE_NEWNET), which unprivileged users may
create on most Linux systems.
"""

import ctypes
import errno
import os

CLONE_NEWNET = 0x40000000
CLONE_NEWUSER = 0x10000000


class IsolationFailed(Exception):
    """The network namespace could not be entered; the message says why."""


def network_namespace(pid: int | str = "self") -> str:
    """The identity of a process's network namespace, as the kernel names it (``net:[4026531840]``)."""
    return os.readlink(f"/proc/{pid}/ns/net")


def leave_network() -> None:
    """Move the calling process into a new, empty network namespace, or raise IsolationFailed."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        unshare = libc.unshare
    except (OSError, AttributeError) as err:
        raise IsolationFailed(f"unshare(2) is not available here: {err}") from err
    if unshare(CLONE_NEWNET) == 0:
        return
    first = ctypes.get_errno()
    if first in (errno.EPERM, errno.EINVAL) and unshare(CLONE_NEWUSER | CLONE_NEWNET) == 0:
        return
    second = ctypes.get_errno()
    raise IsolationFailed(
        f"unshare(CLONE_NEWNET) failed: {os.strerror(first)}; "
        f"unshare(CLONE_NEWUSER | CLONE_NEWNET) failed: {os.strerror(second)}"
    )
