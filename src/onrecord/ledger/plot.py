"""The calibration plot: stated probability against observed frequency per bin, each bin a dot
sized by its count and labelled n=…, with the diagonal of perfect calibration. A pure function of
score rows (ledger.scoring), drawn once as shapes: `svg` writes them for the web page and for
`onrecord scores --plot FILE.svg`, ledger.png rasterises the same shapes for FILE.png."""
from __future__ import annotations

from dataclasses import dataclass
from html import escape

SIZE, PAD = 300, 40
TICKS = (0, 0.25, 0.5, 0.75, 1)
# a file on its own has no page stylesheet: the look the web's style.css gives, inline
STANDALONE_STYLE = (".frame{fill:none;stroke:#bbb}.diagonal{stroke:#999;stroke-dasharray:4 3}"
                    ".bin{fill:#1f5fa8;fill-opacity:.75}text{font:10px sans-serif;fill:#444}"
                    ".axis{font-size:11px}.count{fill:#1f5fa8}")


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    r: float
    n: int
    bin: str
    stated: float
    observed: float


def merged_bins(rows: list[dict]) -> list[dict]:
    """The calibration of several score rows together. Each bin's stated and observed values are
    means, so the count-weighted mean of the rows' bins is exactly the bin of all their forecasts."""
    acc: dict[str, list[float]] = {}
    for row in rows:
        for b in row["calibration"]:
            n, stated, observed = acc.setdefault(b["bin"], [0, 0.0, 0.0])
            acc[b["bin"]] = [n + b["n"], stated + b["stated"] * b["n"], observed + b["observed"] * b["n"]]
    return [{"bin": k, "n": int(n), "stated": round(s / n, 3), "observed": round(o / n, 3)}
            for k, (n, s, o) in sorted(acc.items())]


def xy(stated: float, observed: float) -> tuple[float, float]:
    inner = SIZE - 2 * PAD
    return PAD + stated * inner, SIZE - PAD - observed * inner


def dots(bins: list[dict]) -> list[Dot]:
    """One dot per bin, its area growing with its count."""
    biggest = max((b["n"] for b in bins), default=1)
    return [Dot(*xy(b["stated"], b["observed"]), 4 + 8 * (b["n"] / biggest) ** 0.5, b["n"], b["bin"],
                b["stated"], b["observed"]) for b in bins]


def svg(bins: list[dict], title: str = "Calibration", standalone: bool = False) -> str:
    """`bins` are ledger.scoring.calibration rows: {"bin", "n", "stated", "observed"}. Every text
    is escaped; `standalone` adds the XML declaration and the styles a file on its own needs."""
    t = escape(title)
    (x0, y0), (x1, y1) = xy(0, 0), xy(1, 1)
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n'] if standalone else []
    out.append(f'<svg class="calibration" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {SIZE} {SIZE}" '
               f'width="{SIZE}" height="{SIZE}" role="img" aria-label="{t}"><title>{t}</title>')
    if standalone:
        out.append(f'<style>{STANDALONE_STYLE}</style><rect width="{SIZE}" height="{SIZE}" fill="#fff"/>')
    out.append(f'<rect x="{PAD}" y="{PAD}" width="{SIZE - 2 * PAD}" height="{SIZE - 2 * PAD}" class="frame"/>')
    out.append(f'<line x1="{x0}" y1="{y0}" x2="{x1}" y2="{y1}" class="diagonal"/>')
    for tick in TICKS:
        x, y = xy(tick, tick)
        out.append(f'<text x="{x:.1f}" y="{SIZE - PAD + 14}" class="tick" text-anchor="middle">{tick:g}</text>')
        out.append(f'<text x="{PAD - 4}" y="{y + 4:.1f}" class="tick" text-anchor="end">{tick:g}</text>')
    out.append(f'<text x="{SIZE / 2}" y="{SIZE - 6}" class="axis" text-anchor="middle">stated probability</text>')
    out.append(f'<text x="12" y="{SIZE / 2}" class="axis" text-anchor="middle" transform="rotate(-90 12 {SIZE / 2})">'
               'observed frequency</text>')
    for d in dots(bins):
        out.append(f'<circle cx="{d.x:.1f}" cy="{d.y:.1f}" r="{d.r:.1f}" class="bin"><title>{escape(d.bin)}: '
                   f'stated {d.stated:.2f}, observed {d.observed:.2f}, n={d.n}</title></circle>')
        out.append(f'<text x="{d.x + d.r + 2:.1f}" y="{d.y - d.r:.1f}" class="count">n={d.n}</text>')
    out.append("</svg>")
    return "".join(out)
