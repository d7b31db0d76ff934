"""Fuzzing `analyze` and `onrecord analyze`: random and mutated articles built from synthetic
sentences (quotes, forecasts, dates), publication dates at both ends of the calendar, absurd
numbers of years, control characters, lone surrogates, Rich markup and HTML fragments.

For every case: no exception, every span inside the text, every span with a text beside it equal
to text[start:end] (FORMAT.md), and the same JSON for the same input twice. The generator is
seeded, so a failure reproduces: ONRECORD_FUZZ_SEED picks the seed, ONRECORD_FUZZ_EXAMPLES the
number of cases (the default suite runs a few hundred; a long run is e.g. 5000)."""
from __future__ import annotations

import datetime as dt
import json
import os
import random

import pytest
from typer.testing import CliRunner

from onrecord import analyze, analyze_many
from onrecord.analysis import Request
from onrecord.cli import app

EXAMPLES = int(os.environ.get("ONRECORD_FUZZ_EXAMPLES", "240"))
SEED = int(os.environ.get("ONRECORD_FUZZ_SEED", "11"))

NAMES = ["Maria Lund", "Peter Okafor", "Ada Brown", "the minister", "officials", "Dr. Jon Doe", "Lund", "she"]
CLAIMS = ["the port will reopen", "prices could fall", "the bridge may never open", "rates are likely to rise",
          "the talks will fail", "we will not give up", "there is a 40% chance of rain", "the dam is safe"]
WHENS = ["on Tuesday", "last week", "today", "2500 years ago", "9999 years later", "within two weeks",
         "by 31 December 9999", "in 0001", "next year", "by the end of the decade", "in 18 months",
         "within " + "9" * 400 + " years", "in " + "1" * 400 + " years", "by 1 January 0001", "tomorrow",
         "a year and a half at the most", "in the year 10000", "by February 30", "in -5 years", "Tuesday"]
CUES = ["said", "told reporters", "warned", "predicted", "wrote", "believes", "according to"]
NOISE = ["\x00", "\x07", "\x1b[2J", "\x1b]0;title\x07", "\r", "\f", "\u200b", "\ufeff", "\ud800", "\udfff",
         "\ud83d", "[/]", "[link=javascript:alert(1)]x[/link]", "[bold red]", "[sic]", "<b>", "</p>", "<br/>",
         "<script>alert(1)</script>", "&amp;", "&#0;", "<!--", "“", "”", "\"", "'", "«", "»", "\n\n", "—",
         "\u202e", "\U0001f600", "%s", "{0}", "\\", "…"]
PUBLISHED = [None, "0001-01-01", "9999-12-31", "0001-01-02", "9999-12-30", "2024-02-29", "1970-01-01", "2024-03-06"]


def _sentence(rng: random.Random) -> str:
    who, claim, when, cue = rng.choice(NAMES), rng.choice(CLAIMS), rng.choice(WHENS), rng.choice(CUES)
    return rng.choice([
        f"“{claim.capitalize()} {when},” {who} {cue}.",
        f"{who.capitalize()} {cue} that {claim} {when}.",
        f"\"{claim.capitalize()},\" {who} {cue} {when}. \"And {claim}.\"",
        f"{when.capitalize()}, {who} {cue}: “{claim}”",
        f"According to {who}, {claim} {when}.",
        f"“{claim.capitalize()} {when}",  # a quote never closed
        f"{claim.capitalize()} {when}, {who} {cue}",
    ])


def _mutate(rng: random.Random, text: str) -> str:
    for _ in range(rng.randint(0, 6)):
        if not text:
            break
        i = rng.randrange(len(text) + 1)
        op = rng.random()
        if op < 0.45:
            text = text[:i] + rng.choice(NOISE) + text[i:]
        elif op < 0.65:
            text = text[:i] + text[i + rng.randint(1, 12):]
        elif op < 0.8:
            j = rng.randrange(len(text) + 1)
            text = text[:i] + text[min(i, j):max(i, j)] + text[i:]
        elif op < 0.9:
            text = text[:i]  # cut mid-sentence, mid-quote
        else:
            text = text[:i] + chr(rng.randrange(0x20, 0x3000)) + text[i:]
    return text


def _html(rng: random.Random, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return rng.choice([f"<html><head><title>{paragraphs[0][:20]}</title></head><body><article>{body}</article>"
                       f"</body></html>", f"<p>{paragraphs[0]}", f"<div>{body}", "<html><body><script>x</script>"])


def cases(n: int, seed: int) -> list[tuple[str, str | None]]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        paragraphs = [" ".join(_sentence(rng) for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(1, 5))]
        text = "\n\n".join(paragraphs)
        if rng.random() < 0.7:
            text = _mutate(rng, text)
        if rng.random() < 0.15:
            text = _html(rng, paragraphs)
        if rng.random() < 0.05:
            text = rng.choice(["", " ", "\n", "\x00", "\ud800", "[/]", "“", "9" * 400 + " years"])
        published = rng.choice(PUBLISHED) if rng.random() < 0.8 else \
            (dt.date(1, 1, 1) + dt.timedelta(days=rng.randrange(3_652_059))).isoformat()
        out.append((text, published))
    return out


def check_spans(node, text: str, where: str = "") -> None:
    """Every [start, end] inside the text; a span with a "text" beside it is that slice."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("span", "mention") and value is not None:
                s, e = value
                assert 0 <= s <= e <= len(text), f"{where}.{key} {value} outside a text of {len(text)}"
                if key == "span" and isinstance(node.get("text"), str):
                    assert text[s:e] == node["text"], f"{where}: {text[s:e]!r} != {node['text']!r}"
            elif key in ("parts", "mentions", "also", "captions", "photo_credits", "subheadings",
                         "related_links", "pull_quotes") and value:
                for s, e in value:
                    assert 0 <= s <= e <= len(text), f"{where}.{key} {[s, e]} outside a text of {len(text)}"
            else:
                check_spans(value, text, f"{where}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            check_spans(value, text, f"{where}[{i}]")


def check(d: dict) -> None:
    text = d["article"]["text"]
    check_spans({k: v for k, v in d.items() if k != "article"}, text)
    check_spans(d["article"].get("structure") or {}, text)
    for f in d["forecasts"]:
        if f["deadline"] is not None:
            dt.date.fromisoformat(f["deadline"])  # a calendar date, not an overflow


@pytest.fixture(scope="module")
def generated():
    return cases(EXAMPLES, SEED)


def test_generator_is_seeded():
    assert cases(20, 3) == cases(20, 3) and cases(20, 3) != cases(20, 4)
    assert any("\ud800" in t or "\udfff" in t or "\ud83d" in t for t, _ in cases(200, SEED))


def test_analyze_never_fails_spans_hold_and_output_is_deterministic(nlp, generated):
    first = [json.dumps(a.to_dict(), ensure_ascii=False, sort_keys=True)
             for a in analyze_many([Request(t, published=p) for t, p in generated])]
    assert len(first) == len(generated)
    for (text, published), out in zip(generated, first):
        d = json.loads(out)
        try:
            check(d)
        except AssertionError as e:
            raise AssertionError(f"{e}\ninput: {text!r} published={published}") from None
    # the same inputs again, one at a time: nothing depends on the batch or on earlier articles
    for (text, published), out in zip(generated, first):
        again = json.dumps(analyze(text, published=published).to_dict(), ensure_ascii=False, sort_keys=True)
        assert again == out, f"not deterministic: {text!r} published={published}"


def test_cli_survives_the_same_cases(nlp, generated, tmp_path):
    """Through `onrecord analyze --jsonl`: one JSON line per record, errors one line each."""
    path = tmp_path / "fuzz.jsonl"
    sample = generated[:60]
    with open(path, "w", encoding="utf-8", errors="surrogatepass") as f:
        for i, (text, published) in enumerate(sample):
            f.write(json.dumps({"id": f"f{i}", "text": text, "published": published}) + "\n")
    r = CliRunner().invoke(app, ["analyze", str(path), "--jsonl"])
    assert r.exit_code in (0, 5, 6) and "Traceback" not in r.output, r.output[-2000:]
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    assert len(lines) == len(sample)
    for d in lines:
        if "error" not in d:
            check(d)
        else:
            assert "internal error" not in d["error"] and "please report" not in d["error"], d["error"]
