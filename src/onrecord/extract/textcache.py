"""`Doc.text` joins every token on each access; components read it often, so it is kept once."""
from __future__ import annotations

from spacy.tokens import Doc


def text_of(doc: Doc) -> str:
    text = doc.user_data.get("onrecord.text")
    if text is None:
        text = doc.user_data["onrecord.text"] = doc.text
    return text
