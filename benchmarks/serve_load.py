"""Load on `onrecord serve`: 100 concurrent clients on loopback for 30 s against a ledger of the 924
PolNeAR articles (train + dev). Prints requests/s, p50 and p99 latency and the errors (must be 0).

    nice python benchmarks/serve_load.py [--clients 100] [--seconds 30] [--ledger /tmp/onrecord-polnear.db]

The ledger is built once (about 4 minutes of analysis) into --ledger, outside the repository, and
reused. The server is started on 127.0.0.1 only, on a free port, and stopped at the end; every
client stops at the deadline, so the run is bounded in time whatever the server does.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POLNEAR = ROOT.parent / "shared" / "eval" / "polnear"
DATED_NAME = re.compile(r"_(\d{4}-\d{2}-\d{2})_")


def build_ledger(path: Path) -> None:
    """Ingest PolNeAR train + dev as JSON Lines, each with the date its file name carries."""
    from onrecord.ledger.ingest import ingest
    files = sorted((POLNEAR / "train" / "text").glob("*.txt")) + sorted((POLNEAR / "dev" / "text").glob("*.txt"))
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as jl:
        for f in files:
            m = DATED_NAME.search(f.name)
            jl.write(json.dumps({"id": f.stem, "text": f.read_text(encoding="utf-8"),
                                 "published": m.group(1) if m else None}) + "\n")
    print(f"building the ledger {path} from {len(files)} articles (once)…", file=sys.stderr)
    t = time.perf_counter()
    c = ingest([jl.name], str(path) + ".partial")
    Path(jl.name).unlink()
    Path(str(path) + ".partial").rename(path)
    print(f"{c.added} added, {c.failed} failed in {time.perf_counter() - t:.0f} s", file=sys.stderr)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def paths_to_hit(ledger: Path) -> list[str]:
    """A reader's mix: home, lists, searches, article, person and forecast pages, and the API."""
    from sqlalchemy import select

    from onrecord.ledger.db import open_ledger
    from onrecord.ledger.schema import Article, Forecast, Person
    with open_ledger(str(ledger))() as s:
        arts = list(s.scalars(select(Article.id).order_by(Article.id).limit(40)))
        people = list(s.scalars(select(Person.id).where(Person.merged_into.is_(None)).order_by(Person.id).limit(40)))
        fcs = list(s.scalars(select(Forecast.id).order_by(Forecast.id).limit(40)))
    mix = ["/", "/articles", "/articles?q=Clinton", "/people?q=Trump", "/forecasts?status=open",
           "/search?q=election", "/api/articles?limit=20", "/api/scores"]
    mix += [f"/articles/{i}" for i in arts] + [f"/people/{i}" for i in people] + [f"/forecasts/{i}" for i in fcs]
    mix += [f"/api/articles/{i}" for i in arts[:10]] + [f"/api/people/{i}" for i in people[:10]]
    return mix


async def client(http, base: str, mix: list[str], offset: int, deadline: float, lat: list, errors: list) -> None:
    i = offset
    while time.perf_counter() < deadline:
        path = mix[i % len(mix)]
        i += 7
        t = time.perf_counter()
        try:
            r = await http.get(base + path, timeout=max(1.0, deadline + 30 - t))
            if r.status_code != 200:
                errors.append(f"{path}: HTTP {r.status_code}")
        except Exception as e:  # a refused or dropped connection counts as an error, and the run goes on
            errors.append(f"{path}: {e.__class__.__name__}")
            continue
        lat.append(time.perf_counter() - t)


async def load(base: str, mix: list[str], clients: int, seconds: float) -> tuple[list, list, float]:
    import httpx
    lat: list[float] = []
    errors: list[str] = []
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(limits=limits) as http:
        start = time.perf_counter()
        await asyncio.gather(*(client(http, base, mix, k, start + seconds, lat, errors) for k in range(clients)))
        return lat, errors, time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--clients", type=int, default=100)
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--ledger", type=Path, default=Path(tempfile.gettempdir()) / "onrecord-polnear.db")
    args = ap.parse_args()
    if not args.ledger.exists():
        if not (POLNEAR / "train" / "text").is_dir():
            sys.exit(f"skipped: {POLNEAR} is not beside this checkout")
        build_ledger(args.ledger)
    mix = paths_to_hit(args.ledger)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "onrecord", "serve", "--db", str(args.ledger),
                               "--host", "127.0.0.1", "--port", str(port)], stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        import httpx
        for _ in range(300):  # up to 30 s for the server to start
            try:
                httpx.get(base + "/", timeout=5)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        lat, errors, elapsed = asyncio.run(load(base, mix, args.clients, args.seconds))
    finally:
        server.terminate()
        server.wait(timeout=30)
    lat.sort()
    p = (lambda q: lat[min(len(lat) - 1, int(q * len(lat)))] * 1000) if lat else (lambda q: float("nan"))
    print(f"{args.clients} clients, {elapsed:.1f} s, {len(mix)} distinct pages: {len(lat) / elapsed:.1f} requests/s, "
          f"p50 {p(0.50):.0f} ms, p99 {p(0.99):.0f} ms, mean {statistics.fmean(lat) * 1000 if lat else 0:.0f} ms, "
          f"{len(errors)} errors")
    for e in sorted(set(errors))[:10]:
        print("  error:", e)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
