"""HTTP content negotiation: pick the offered media type the Accept header likes best."""

import functools


def _parse(accept: str) -> list[tuple[str, float]]:
    ranges = []
    for part in accept.split(","):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        quality = 1.0
        for field in fields[1:]:
            if field.lower().startswith("q="):
                try:
                    quality = float(field[2:])
                except ValueError:
                    quality = 0.0
        ranges.append((fields[0].lower(), quality))
    return ranges


def _quality(offer: str, ranges: list[tuple[str, float]]) -> float:
    """The quality of the most specific range that matches the offer (exact, then type/*, then */*)."""
    major = offer.split("/")[0]
    for pattern in (offer, f"{major}/*", "*/*"):
        for media_range, quality in ranges:
            if media_range == pattern:
                return quality
    return 0.0


def negotiate(accept: str | None, offers: list[str], default: str) -> str | None:
    """The best offer for the Accept header: None when nothing offered is acceptable."""
    if not accept or not accept.strip():
        return default
    if len(accept) > CACHED_ACCEPT:
        return _best(accept, tuple(offers), default)
    return _best_kept(accept, tuple(offers), default)


CACHED_ACCEPT = 256  # characters of the longest Accept header whose choice is kept (a client sends the same one)


@functools.lru_cache(maxsize=1024)
def _best_kept(accept: str, offers: tuple[str, ...], default: str) -> str | None:
    return _best(accept, offers, default)


def _best(accept: str, offers: tuple[str, ...], default: str) -> str | None:
    ranges = _parse(accept)
    scored = [(_quality(offer, ranges), -index, offer) for index, offer in enumerate(offers)]
    if default in offers:
        scored.append((_quality(default, ranges), 1, default))  # the default wins ties
    best = max(scored)
    return best[2] if best[0] > 0 else None
