"""The calibration plot as PNG, written in pure Python (zlib and struct): the shapes of
ledger.plot rasterised at twice their size. No imaging library is needed (matplotlib would weigh
more than the whole tool; cairosvg needs the system's cairo). Its text is the counts and the
ticks, in a 3×5 pixel font; the SVG carries the axis titles."""
from __future__ import annotations

import struct
import zlib

from . import plot

SCALE = 2
WHITE, FRAME, DIAGONAL, DOT, INK = (255, 255, 255), (187, 187, 187), (153, 153, 153), (31, 95, 168), (68, 68, 68)
GLYPHS = {  # 3 columns × 5 rows, one string per row
    "0": ("111", "101", "101", "101", "111"), "1": ("010", "110", "010", "010", "111"),
    "2": ("111", "001", "111", "100", "111"), "3": ("111", "001", "111", "001", "111"),
    "4": ("101", "101", "111", "001", "001"), "5": ("111", "100", "111", "001", "111"),
    "6": ("111", "100", "111", "101", "111"), "7": ("111", "001", "010", "010", "010"),
    "8": ("111", "101", "111", "101", "111"), "9": ("111", "101", "111", "001", "111"),
    ".": ("000", "000", "000", "000", "010"), "=": ("000", "111", "000", "111", "000"),
    "n": ("000", "110", "101", "101", "101"),
}


class Canvas:
    def __init__(self, size: int):
        self.size = size
        self.px = [bytearray(WHITE * size) for _ in range(size)]

    def put(self, x: int, y: int, color: tuple[int, int, int], alpha: float = 1.0) -> None:
        if 0 <= x < self.size and 0 <= y < self.size:
            row, i = self.px[y], 3 * x
            for k in range(3):
                row[i + k] = round(row[i + k] * (1 - alpha) + color[k] * alpha)

    def line(self, x0: float, y0: float, x1: float, y1: float, color, dash: int = 0, width: int = 1) -> None:
        steps = int(max(abs(x1 - x0), abs(y1 - y0))) + 1
        for i in range(steps + 1):
            if dash and (i // dash) % 2:
                continue
            x, y = x0 + (x1 - x0) * i / steps, y0 + (y1 - y0) * i / steps
            for d in range(width):
                self.put(round(x), round(y) + d, color)

    def disc(self, cx: float, cy: float, r: float, color, alpha: float) -> None:
        for y in range(int(cy - r), int(cy + r) + 2):
            for x in range(int(cx - r), int(cx + r) + 2):
                if (x - cx) ** 2 + (y - cy) ** 2 <= r * r:
                    self.put(x, y, color, alpha)

    def text(self, x: int, y: int, s: str, color, size: int = 2, anchor: str = "start") -> None:
        """`y` is the text's baseline, as in SVG."""
        width = len(s) * 4 * size
        x -= width if anchor == "end" else width // 2 if anchor == "middle" else 0
        for c in s:
            for r, bits in enumerate(GLYPHS.get(c, ("000",) * 5)):
                for col, bit in enumerate(bits):
                    if bit == "1":
                        for dy in range(size):
                            for dx in range(size):
                                self.put(x + col * size + dx, y - 5 * size + r * size + dy, color)
            x += 4 * size

    def png(self) -> bytes:
        raw = b"".join(b"\x00" + bytes(row) for row in self.px)

        def chunk(kind: bytes, body: bytes) -> bytes:
            return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
        header = struct.pack(">IIBBBBB", self.size, self.size, 8, 2, 0, 0, 0)  # 8-bit RGB
        return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def png(bins: list[dict]) -> bytes:
    """`bins` as for ledger.plot.svg."""
    s = SCALE
    c = Canvas(plot.SIZE * s)
    lo, hi = plot.PAD * s, (plot.SIZE - plot.PAD) * s
    for a, b in (((lo, lo), (hi, lo)), ((hi, lo), (hi, hi)), ((hi, hi), (lo, hi)), ((lo, hi), (lo, lo))):
        c.line(*a, *b, FRAME, width=s)
    (x0, y0), (x1, y1) = plot.xy(0, 0), plot.xy(1, 1)
    c.line(x0 * s, y0 * s, x1 * s, y1 * s, DIAGONAL, dash=4 * s, width=s)
    for tick in plot.TICKS:
        x, y = plot.xy(tick, tick)
        c.text(round(x * s), hi + 16 * s, f"{tick:g}", INK, anchor="middle")
        c.text(lo - 4 * s, round((y + 4) * s), f"{tick:g}", INK, anchor="end")
    for d in plot.dots(bins):
        c.disc(d.x * s, d.y * s, d.r * s, DOT, 0.75)
        c.text(round((d.x + d.r + 2) * s), round((d.y - d.r) * s), f"n={d.n}", DOT)
    return c.png()
