#!/usr/bin/env python3
"""Draws the app's icons (PNG, standard library only): a white bending figure on the brand's green.

Run from the repository root: python3 member-app/src/build/icons.py
The maskable icon keeps the figure inside the central 80% safe zone and fills the whole square.
"""
import math
import struct
import zlib
from pathlib import Path

GREEN = (11, 93, 80)
WHITE = (255, 255, 255)
OUT = Path(__file__).resolve().parents[1] / "main/resources/META-INF/resources/icons"


def png(path, size, pixels):
    raw = b"".join(b"\x00" + bytes(c for px in row for c in px) for row in pixels)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0))
    data += chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
    path.write_bytes(data)


def distance_to_segment(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def icon(size, scale, rounded):
    """A head and a curved back (the figure stretching), drawn in a box of `scale` of the icon."""
    c = size / 2
    u = size * scale / 2
    head = (c + 0.45 * u, c - 0.55 * u, 0.17 * u)
    spine = [(c + 0.3 * u, c - 0.3 * u), (c, c - 0.05 * u), (c - 0.35 * u, c + 0.05 * u), (c - 0.5 * u, c + 0.6 * u)]
    legs = [(c - 0.35 * u, c + 0.05 * u), (c + 0.1 * u, c + 0.6 * u)]
    width = 0.11 * u
    radius = size * 0.2
    rows = []
    for y in range(size):
        row = []
        for x in range(size):
            px, py = x + 0.5, y + 0.5
            inside = True
            if rounded:
                cx = min(max(px, radius), size - radius)
                cy = min(max(py, radius), size - radius)
                inside = math.hypot(px - cx, py - cy) <= radius
            if not inside:
                row.append(WHITE)
                continue
            figure = math.hypot(px - head[0], py - head[1]) <= head[2]
            for a, b in zip(spine, spine[1:]):
                figure = figure or distance_to_segment(px, py, *a, *b) <= width
            figure = figure or distance_to_segment(px, py, *legs[0], *legs[1]) <= width
            row.append(WHITE if figure else GREEN)
        rows.append(row)
    return rows


OUT.mkdir(parents=True, exist_ok=True)
png(OUT / "icon-192.png", 192, icon(192, 0.8, True))
png(OUT / "icon-512.png", 512, icon(512, 0.8, True))
png(OUT / "icon-maskable-512.png", 512, icon(512, 0.6, False))
