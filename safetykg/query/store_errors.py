"""How a remote store fails, in a module of its own: the command line catches these for every command without
importing the remote store (and its HTTP client) for the commands that never use one."""

from safetykg.core.errors import SafetykgError


class StoreUnavailable(SafetykgError):
    """The remote store did not answer in time, or could not be reached: the server answers 503."""


class StoreFailed(SafetykgError):
    """The remote store answered with an error or with something unreadable: the server answers 502."""
