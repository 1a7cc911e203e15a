"""Writing a published snapshot to dist/: every file replaced atomically, the manifest last."""

import hashlib
import json
import os
import tempfile
from pathlib import Path

from safetykg.core.snapshot import STORE


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write a file so that readers see the old content or the new one, never half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(payload)
        os.chmod(temp_name, 0o644)
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def write_store(dist: Path, nquads: str) -> dict[str, str]:
    """The snapshot's on-disk store (dist/store/), loaded from the canonical N-Quads: written beside the old one
    and swapped in, so a server reading the old one keeps its files. Not byte-identical between builds (the
    engine's own files), so the manifest records the sha256 of the N-Quads it was loaded from instead."""
    import shutil

    import pyoxigraph as ox

    target = dist / STORE
    fresh = Path(tempfile.mkdtemp(prefix=".store.", dir=dist))
    try:
        store = ox.Store(str(fresh))
        store.bulk_load(input=nquads.encode("utf-8"), format=ox.RdfFormat.N_QUADS)
        store.flush()
        store.optimize()
        del store
        old = dist / f".store.old.{os.getpid()}"
        if target.exists():
            os.replace(target, old)
        os.replace(fresh, target)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    return {"path": STORE, "nquads_sha256": sha256_of(nquads)}


def sha256_of(data: str | bytes) -> str:
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


def write_manifest(dist: Path, files: dict[str, str], extra: dict[str, object]) -> dict[str, object]:
    """Record each published file with its size and sha256; written last, so it marks a complete build."""
    manifest = {
        **extra,
        "files": {
            name: {"bytes": len(text.encode("utf-8")), "sha256": sha256_of(text)}
            for name, text in sorted(files.items())
        },
    }
    write_atomic(dist / "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    return manifest
