"""The calibration plot as SVG drawn on the server: stated probability against observed frequency
per bin, each bin a dot sized by its count and labelled n=…, with the diagonal of perfect calibration."""
from __future__ import annotations

from markupsafe import Markup

SIZE, PAD = 300, 40


def _xy(stated: float, observed: float) -> tuple[float, float]:
    inner = SIZE - 2 * PAD
    return PAD + stated * inner, SIZE - PAD - observed * inner


def calibration_svg(bins: list[dict], title: str = "Calibration") -> Markup:
    """`bins` are ledger.scoring.calibration rows: {"bin", "n", "stated", "observed"}."""
    lo, hi = _xy(0, 0), _xy(1, 1)
    out = [Markup('<svg class="calibration" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {0} {0}" '
                  'width="{0}" height="{0}" role="img" aria-label="{1}"><title>{1}</title>').format(SIZE, title),
           Markup('<rect x="{0}" y="{0}" width="{1}" height="{1}" class="frame"/>').format(PAD, SIZE - 2 * PAD),
           Markup('<line x1="{}" y1="{}" x2="{}" y2="{}" class="diagonal"/>').format(*lo, *hi)]
    for t in (0, 0.25, 0.5, 0.75, 1):
        x, y = _xy(t, t)
        out.append(Markup('<text x="{:.1f}" y="{}" class="tick" text-anchor="middle">{}</text>').format(
            x, SIZE - PAD + 14, f"{t:g}"))
        out.append(Markup('<text x="{}" y="{:.1f}" class="tick" text-anchor="end">{}</text>').format(
            PAD - 4, y + 4, f"{t:g}"))
    out.append(Markup('<text x="{}" y="{}" class="axis" text-anchor="middle">stated probability</text>').format(
        SIZE / 2, SIZE - 6))
    out.append(Markup('<text x="12" y="{0}" class="axis" text-anchor="middle" transform="rotate(-90 12 {0})">'
                      'observed frequency</text>').format(SIZE / 2))
    biggest = max((b["n"] for b in bins), default=1)
    for b in bins:
        x, y = _xy(b["stated"], b["observed"])
        r = 4 + 8 * (b["n"] / biggest) ** 0.5
        out.append(Markup('<circle cx="{:.1f}" cy="{:.1f}" r="{:.1f}" class="bin"><title>{}: stated {:.2f}, '
                          'observed {:.2f}, n={}</title></circle>').format(x, y, r, b["bin"], b["stated"],
                                                                          b["observed"], b["n"]))
        out.append(Markup('<text x="{:.1f}" y="{:.1f}" class="count">n={}</text>').format(x + r + 2, y - r, b["n"]))
    out.append(Markup("</svg>"))
    return Markup("").join(out)
