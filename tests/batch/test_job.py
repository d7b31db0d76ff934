"""`onrecord batch` on a local Dask cluster: a CC-NEWS-like WARC of synthetic pages, Parquet read
back, results equal to a single-process analyze, and the output loaded into a ledger."""
from __future__ import annotations

import io
import json
import subprocess
import sys

import pyarrow.parquet as pq
import pytest
from sqlalchemy import func, select

from onrecord.analysis import analyze_many
from onrecord.batch import dataset
from onrecord.batch.job import plan
from onrecord.ledger.db import open_ledger
from onrecord.ledger.ingest import ingest
from onrecord.ledger.schema import Article, Forecast, Person, Quote
from onrecord.sources import corpus

FIRST = ["Maria", "Peter", "Ada", "Hugo", "Lena", "Tomas", "Grace", "Omar"]
LAST = ["Lund", "Okafor", "Brown", "Varga", "Moreau", "Sato", "Kowalski", "Haddad"]
THINGS = ["bridge", "port", "rail line", "power plant", "airport", "tunnel", "dam", "ferry"]


def page(i: int) -> bytes:
    a, b = f"{FIRST[i % 8]} {LAST[(i // 8) % 8]}", f"{FIRST[(i + 3) % 8]} {LAST[(i + 5) % 8]}"
    thing = THINGS[i % 8]
    if i % 50 == 7:  # CC-NEWS has pages in many languages
        body = ("<p>Le pont de la ville sera rouvert au printemps prochain, a déclaré le maire lors d'une "
                f"réunion publique numéro {i}. Les travaux ont pris du retard à cause de la pluie.</p>")
    else:
        body = (f"<p>“The {thing} will reopen within {i % 9 + 2} weeks,” {a}, the minister for transport, "
                f"said on Tuesday.</p><p>{b} said that the {thing} was probably too old and would fail "
                f"before the winter of {2020 + i % 5}.</p><p>Work on section {i} started in May.</p>")
    return (f"<html><head><title>The {thing} plan, part {i}</title></head><body><article><h1>The {thing} "
            f"plan, part {i}</h1>{body}</article></body></html>").encode()


def write_warc(path, n: int) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as out:
        w = WARCWriter(out, gzip=True)
        for i in range(n):
            records = [(f"https://news.example.org/{i}", "text/html; charset=utf-8", page(i))]
            if i % 40 == 0:
                records.append((f"https://news.example.org/{i}.png", "image/png", b"\x89PNG...."))
            for uri, ctype, body in records:
                headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
                w.write_record(w.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers,
                                                    warc_headers_dict={"WARC-Date": f"2024-03-{i % 28 + 1:02d}T12:00:00Z"}))


N = 240


@pytest.fixture(scope="module")
def job(tmp_path_factory):
    root = tmp_path_factory.mktemp("batch")
    warc = root / "CC-NEWS-20240301.warc.gz"
    write_warc(warc, N)
    out = root / "out"
    proc = subprocess.run([sys.executable, "-m", "onrecord", "batch", str(warc), "--out", str(out), "--workers", "2"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return warc, out, proc.stdout


def test_a_shard_is_cut_into_partitions_in_order(tmp_path, job):
    warc, _, _ = job
    units = plan([str(warc)], workers=2)
    assert len(units) == -(-N // 64) and [u.part for u in units] == list(range(len(units)))
    assert units[0].start == 0 and units[1].start == units[0].stop


def test_parquet_datasets_read_back(job):
    _, out, stdout = job
    assert f"{N - 5} analysed, 5 skipped (not English), 0 failed" in stdout
    marker = json.loads((out / dataset.MARKER).read_text())
    assert marker["counts"]["analysed"] == N - 5
    articles = pq.read_table(out / "articles").to_pylist()
    assert len(articles) == N and {a["status"] for a in articles} == {"analysed", "not_english"}
    quotes = pq.read_table(out / "quotes").to_pylist()
    forecasts = pq.read_table(out / "forecasts").to_pylist()
    mentions = pq.read_table(out / "mentions").to_pylist()
    hashes = {a["input_hash"] for a in articles}
    assert quotes and forecasts and mentions
    assert all(r["input_hash"] in hashes for r in quotes + forecasts + mentions)
    first = next(a for a in articles if a["status"] == "analysed")
    assert first["url"] == "https://news.example.org/0" and first["published"]


def test_results_equal_a_single_process_analyze(job):
    warc, out, _ = job
    rows = [r for r in dataset.read_articles(out)]
    expected = list(analyze_many(item.request for item in corpus.items([str(warc)])))
    assert [r["where"] for r in rows] == [item.where for item in corpus.items([str(warc)])]
    for row, a in zip(rows, expected):
        if a.article.language != "en":
            assert row["status"] == "not_english"
        else:
            assert json.loads(row["analysis"]) == json.loads(json.dumps(a.to_dict()))


def test_ingest_loads_the_output_without_analysing(job, tmp_path, monkeypatch):
    _, out, _ = job
    from onrecord.ledger import workers
    monkeypatch.setattr(workers, "analyse_chunk", lambda *a: pytest.fail("analysed again"))
    db = str(tmp_path / "l.db")
    c = ingest([str(out)], db)
    assert (c.added, c.not_english, c.failed) == (N - 5, 5, 0)
    with open_ledger(db)() as s:
        n_quotes = s.scalar(select(func.count()).select_from(Quote))
        n_people = s.scalar(select(func.count()).select_from(Person))
        assert s.scalar(select(func.count()).select_from(Article)) == N - 5
        assert s.scalar(select(func.count()).select_from(Forecast)) > 0
    assert n_quotes == len(pq.read_table(out / "quotes"))
    assert 0 < n_people < len(pq.read_table(out / "mentions"))  # identities resolved across articles
    again = ingest([str(out)], db)
    assert (again.added, again.duplicate, again.not_english) == (0, N - 5, 5)


def test_a_scheduler_nobody_runs_is_one_line(tmp_path):
    (tmp_path / "a.txt").write_text("Maria Lund said the port was safe.\n")
    proc = subprocess.run([sys.executable, "-m", "onrecord", "batch", str(tmp_path / "a.txt"), "--out",
                           str(tmp_path / "o"), "--scheduler", "tcp://127.0.0.1:9"], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1, proc.stderr
