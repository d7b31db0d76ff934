"""Honest scores on SQLite and PostgreSQL: the author per outlet, groups unranked, void apart,
every score with its n; and the calibration plot drawn from score rows."""
import datetime as dt
import json
import struct
import zlib

from onrecord.ledger import plot, png, scoring, store
from onrecord.ledger.db import open_ledger
from onrecord.ledger.ingest import ingest

AUTHOR = "Oil prices will probably rise by next year.\n"
AUTHOR_TOO = "Wheat prices will probably rise by next year.\n"
GROUP = "Analysts said that oil prices will probably fall by next year.\n"
PERSON = "Tom Berg, an economist, said that inflation will probably fall below 2% by next year.\n"


def _ledger(db_url, tmp_path):
    rows = [{"id": "a", "text": AUTHOR, "url": "https://www.outlet-one.example/a", "published": "2024-03-06"},
            {"id": "b", "text": AUTHOR_TOO, "url": "https://outlet-two.example/b", "published": "2024-03-06"},
            {"id": "c", "text": GROUP, "url": "https://outlet-one.example/c", "published": "2024-03-06"},
            {"id": "d", "text": PERSON, "url": "https://outlet-two.example/d", "published": "2024-03-06"}]
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert ingest([str(path)], db_url).added == 4
    Session = open_ledger(db_url)
    with Session.begin() as s:
        for f in store.forecasts(s):
            store.resolve(s, f["id"], "void" if f["text"].startswith("Wheat") else "yes", "what happened",
                          dt.date(2026, 1, 1))
    return Session


def test_author_per_outlet_groups_unranked_void_apart(db_url, tmp_path, nlp):
    Session = _ledger(db_url, tmp_path)
    with Session() as s:
        rows = {r["owner"]: r for r in scoring.scores(s)}
    # the group's forecast is not anyone's record; the void one leaves outlet-two's author unscored
    assert set(rows) == {"(author, outlet-one.example)", "Tom Berg"}
    author = rows["(author, outlet-one.example)"]
    assert (author["kind"], author["outlet"], author["made"], author["resolved"], author["n"]) == \
        ("author", "outlet-one.example", 1, 1, 1)
    assert author["calibration"] == [{"bin": "0.6-0.8", "n": 1, "stated": 0.75, "observed": 1.0}]
    with Session() as s:
        everyone = scoring.scores(s, min_resolved=0)
    assert "(author, outlet-two.example)" not in {r["owner"] for r in everyone}  # n=0 is never a score


def test_void_counts_apart_from_resolved(db_url, tmp_path, nlp):
    Session = _ledger(db_url, tmp_path)
    with Session.begin() as s:
        berg = next(f for f in store.forecasts(s) if f["owner"] == "Tom Berg")
        store.resolve(s, berg["id"], "void", "the statistic was discontinued", dt.date(2026, 1, 2))
    with Session() as s:
        assert "Tom Berg" not in {r["owner"] for r in scoring.scores(s)}


def test_byline_splits_the_author_of_one_outlet():
    class FakeArticle:
        def __init__(self, authors):
            self.analysis = {"article": {"authors": authors}}
    assert scoring.byline(FakeArticle(["Jane Roe", "Sam Poe"])) == "Jane Roe, Sam Poe"
    assert scoring.byline(FakeArticle([])) is None


def test_merged_bins_are_the_bins_of_all_forecasts():
    a = [(0.7, 1), (0.75, 0)]
    b = [(0.65, 1), (0.1, 0)]
    rows = [{"calibration": scoring.calibration(a)}, {"calibration": scoring.calibration(b)}]
    assert plot.merged_bins(rows) == scoring.calibration(a + b)


def test_svg_standalone_is_escaped_and_styled():
    bins = [{"bin": "0.6-0.8", "n": 2, "stated": 0.7, "observed": 0.5}]
    svg = plot.svg(bins, "Calibration of <Roe & Poe>", standalone=True)
    assert svg.startswith("<?xml") and "<style>" in svg and "&lt;Roe &amp; Poe&gt;" in svg
    assert 'class="diagonal"' in svg and "n=2" in svg


def test_png_is_a_valid_image_with_the_dots_drawn():
    data = png.png([{"bin": "0.6-0.8", "n": 2, "stated": 0.7, "observed": 0.5}])
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert width == height == plot.SIZE * png.SCALE
    idat = data.index(b"IDAT")
    raw = zlib.decompress(data[idat + 4:idat + 4 + struct.unpack(">I", data[idat - 4:idat])[0]])
    x, y = (round(v * png.SCALE) for v in plot.xy(0.7, 0.5))
    row = raw[y * (1 + 3 * width) + 1:]
    assert tuple(row[3 * x:3 * x + 3]) != (255, 255, 255)  # the dot's centre is not background
    assert tuple(row[0:3]) == (255, 255, 255)
