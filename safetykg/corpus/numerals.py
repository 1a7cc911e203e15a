"""Chinese numerals (一 … 九百九十九) to integers and back, as used in article and item numbers."""

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100}
CHINESE_NUMERAL_CHARS = "".join(_DIGITS) + "".join(_UNITS)


def parse_chinese_numeral(text: str) -> int:
    """Return the value of a Chinese numeral such as 十二, 二十, 八十六 or 一百零五."""
    if not text or any(ch not in _DIGITS and ch not in _UNITS for ch in text):
        raise ValueError(f"not a Chinese numeral: {text!r}")
    total = 0
    pending = 0
    for ch in text:
        if ch in _DIGITS:
            pending = _DIGITS[ch]
        else:
            total += (pending or 1) * _UNITS[ch]
            pending = 0
    return total + pending


def to_chinese_numeral(value: int) -> str:
    """Write 1–999 the way Chinese regulations number articles: 十二, 二十, 一百零五."""
    if not 0 < value < 1000:
        raise ValueError(f"out of range for an article number: {value}")
    digits = "零一二三四五六七八九"
    hundreds, rest = divmod(value, 100)
    tens, ones = divmod(rest, 10)
    out = ""
    if hundreds:
        out += digits[hundreds] + "百"
        if tens == 0 and ones:
            return out + "零" + digits[ones]
    if tens:
        out += ("" if tens == 1 and not hundreds else digits[tens]) + "十"
    if ones:
        out += digits[ones]
    return out


# 之一, 之二 …: an article an amendment inserted after 第N条 keeps the numbering of the rest (第九条之一)
INSERTED_LETTERS = "abcdefghi"


def inserted_designation(number: int, inserted: int) -> str:
    """An article's number as its IRI and the gold write it: 9, or 9a for 第九条之一 (9b for 之二)."""
    return f"{number}{INSERTED_LETTERS[inserted - 1]}" if inserted else str(number)


def inserted_marker(inserted: int) -> str:
    """The words after 第N条 that number an inserted article: 之一, 之二 … ("" for an article of the first text)."""
    return f"之{to_chinese_numeral(inserted)}" if inserted else ""
