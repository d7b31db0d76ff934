"""Inputs → Article: plain text, HTML, JSON Lines, feeds and WARC; encodings and language.

`files` reads what the user names (and says what is wrong with it), `corpus` walks corpora for
ingest, `html` extracts a page's body, `language` tells English from the rest, and `article`
turns any of them into the Request that analysis takes.
"""
