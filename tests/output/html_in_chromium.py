#!/usr/bin/env python3
"""Renders `primsim report --html` in headless Chromium: the file must be self-contained, every
chart's <svg> and the "Who was selected and why" section must be in the rendered DOM, the warnings
section first when /warnings has rows, and the screenshot must show the charts' colours."""
import os
import re
import shutil
import struct
import subprocess
import sys
import zlib

import h5py

CHARTS = ["funnel", "turnout", "platform", "composition"]
# Colours the charts draw with (bars and mean lines in blue, platform failures in red).
CHART_BLUE = (0x4E, 0x79, 0xA7)
FAILURE_RED = (0xE1, 0x57, 0x59)


def chromium(chromium_path, profile, *args):
    command = [chromium_path, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
               "--no-first-run", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", f"--user-data-dir={profile}", "--window-size=1200,2000", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=180)


def png_pixels(path):
    """Decodes an 8-bit RGB or RGBA PNG into a list of (r, g, b) tuples."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise AssertionError(f"{path} is not a PNG")
    offset, idat = 8, b""
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        body = data[offset + 8:offset + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour_type = struct.unpack(">IIBB", body[:10])
        elif kind == b"IDAT":
            idat += body
        offset += 12 + length
    if depth != 8 or colour_type not in (2, 6):
        raise AssertionError(f"unexpected PNG format: depth {depth}, colour type {colour_type}")
    channels = 3 if colour_type == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    previous = bytearray(stride)
    pixels = []
    for row in range(height):
        start = row * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            up_left = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - up_left
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - up_left)
                predictor = left if pa <= pb and pa <= pc else up if pb <= pc else up_left
                line[i] = (line[i] + predictor) & 0xFF
        pixels.extend(tuple(line[i:i + 3]) for i in range(0, stride, channels))
        previous = line
    return pixels


def main(primsim, chromium_path, sample, work):
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    report = os.path.join(work, "report.html")
    result = subprocess.run([primsim, "report", sample, "--html", report], capture_output=True, text=True,
                            timeout=60)
    if result.returncode != 0:
        raise AssertionError(f"primsim report failed ({result.returncode}):\n{result.stderr}")

    with open(report, encoding="utf-8") as f:
        html = f.read()
    # Self-contained: no script, stylesheet, image or font fetched from anywhere.
    for pattern in [r"<script", r"<link", r"<img", r"<iframe", r"@import", r"url\(", r"src="]:
        if re.search(pattern, html):
            raise AssertionError(f"the report is not self-contained: found {pattern}")
    outside = set(re.findall(r"https?://[^\s\"'<>]+", html)) - {"http://www.w3.org/2000/svg"}
    if outside:
        raise AssertionError(f"the report links outside itself: {sorted(outside)}")

    url = "file://" + os.path.abspath(report)
    dom = chromium(chromium_path, os.path.join(work, "profile-dom"), "--dump-dom", url)
    if dom.returncode != 0:
        raise AssertionError(f"chromium --dump-dom failed ({dom.returncode}):\n{dom.stderr[-2000:]}")
    for chart in CHARTS:
        match = re.search(rf'<svg id="{chart}".*?</svg>', dom.stdout, re.S)
        if not match:
            raise AssertionError(f"chart {chart}: no <svg id=\"{chart}\"> in the rendered DOM")
        marks = len(re.findall(r"<(?:rect|polyline|polygon)\b", match.group(0)))
        if marks < 3:
            raise AssertionError(f"chart {chart}: only {marks} drawn marks")
        print(f"ok: chart {chart} rendered with {marks} marks")
    # Who was selected and why: a section per office with candidates, from /candidates.
    if not re.search(r'<section class="selection" id="selection-office-0">.*?<table class="candidates">',
                     dom.stdout, re.S):
        raise AssertionError("no 'Who was selected and why' section with a candidate table in the rendered DOM")
    # Departures from the scenario head the report when /warnings has rows, and only then.
    with h5py.File(sample, "r") as f:
        has_warnings = f["warnings"].shape[0] > 0
    position = dom.stdout.find('<section id="warnings"')
    if has_warnings != (position >= 0) or (has_warnings and position > dom.stdout.find("<svg")):
        raise AssertionError(f"/warnings has rows: {has_warnings}, but the warnings section is at {position}")
    print(f"ok: selection section rendered; warnings section {'first' if has_warnings else 'absent'}")

    screenshot = os.path.join(work, "report.png")
    shot = chromium(chromium_path, os.path.join(work, "profile-shot"), f"--screenshot={screenshot}", url)
    if shot.returncode != 0 or not os.path.exists(screenshot):
        raise AssertionError(f"chromium --screenshot failed ({shot.returncode}):\n{shot.stderr[-2000:]}")
    pixels = png_pixels(screenshot)
    colours = set(pixels)
    not_white = sum(1 for p in pixels if p != (255, 255, 255)) / len(pixels)
    blue = sum(1 for p in pixels if p == CHART_BLUE)
    red = sum(1 for p in pixels if p == FAILURE_RED)
    print(f"ok: screenshot {len(pixels)} pixels, {len(colours)} colours, {not_white:.1%} not white, "
          f"{blue} chart-blue, {red} failure-red")
    if len(colours) < 50 or not_white < 0.05:
        raise AssertionError("the screenshot is blank or nearly so")
    if blue < 1000 or red < 50:
        raise AssertionError("the charts' colours are missing from the screenshot")


if __name__ == "__main__":
    main(*sys.argv[1:5])
