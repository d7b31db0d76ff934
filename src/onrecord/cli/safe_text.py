"""Data on the terminal: article text, titles, URLs, names and file names are shown as they are,
never read as Rich markup ("[the rebels]", "[/]", "[link=javascript:…]"), and never carry terminal
control (escape sequences that clear the screen, set the window title, colour or link)."""
from __future__ import annotations

import re

from rich.text import Text

# ECMA-48 sequences, 7- and 8-bit: CSI (colours, cursor, clear), OSC (window title, hyperlinks) and
# the other string controls (DCS, SOS, PM, APC), then any lone two-byte escape.
_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -~]?")
# What is left of C0/C1 (tab and newline kept), DEL, the bidirectional overrides and isolates that
# reorder what the reader sees, and lone surrogates that no terminal encoding can write.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def clean(value: object) -> str:
    """`value` as a string fit for a terminal: escape sequences and control characters removed,
    lone surrogates shown as U+FFFD."""
    s = value if isinstance(value, str) else str(value)
    s = _SEQUENCE.sub("", s)
    return _CONTROL.sub(lambda m: "\ufffd" if "\ud800" <= m.group() <= "\udfff" else "", s)


def data(value: object, style: str = "") -> Text:
    """A Rich renderable that shows `value` literally (Text is never parsed as markup)."""
    return Text(clean(value), style=style)


def line(*parts: object) -> Text:
    """One line assembled from (text, style) pairs and plain values, every part taken literally."""
    out = Text()
    for p in parts:
        if isinstance(p, tuple):
            out.append(clean(p[0]), style=p[1])
        else:
            out.append(clean(p))
    return out
