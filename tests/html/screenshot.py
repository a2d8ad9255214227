#!/usr/bin/python3
"""The HTML page in a real browser: ku writes the 2025 proposal as a page, headless Chromium
takes a screenshot of it, and the image must show a page and its chart.

    screenshot.py --ku PATH --source-dir REPO [--chromium PATH] [--keep DIR]

Runs `ku proposal data/proposal_2025.toml --format html --output X.html`, then
`chromium --headless --no-sandbox --disable-gpu --screenshot=OUT.png --window-size=1280,2000
file://X.html`, and checks with PIL that the image is not blank (many distinct colours) and
that the chart's colours are there: the first bar colour (#1f77b4, the first fee's segments and
its legend swatch) and the first four fees' colours over a fair area. With
--keep the page and the screenshot stay in DIR. Exits 0 when the checks pass, 1 otherwise.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile

from PIL import Image

BAR_COLOUR = (0x1F, 0x77, 0xB4)  # the palette's first colour, src/io/html.cpp
# The first four colours of the palette: the first four fees counted in Summa.
FEE_COLOURS = [BAR_COLOUR, (0xFF, 0x7F, 0x0E), (0x2C, 0xA0, 0x2C), (0xD6, 0x27, 0x28)]


def fail(message):
    print(f"FAIL {message}")
    sys.exit(1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ku", required=True, help="the ku binary")
    parser.add_argument("--source-dir", required=True, help="the repository (data/)")
    parser.add_argument("--chromium", default="/usr/bin/chromium", help="the browser")
    parser.add_argument("--keep", metavar="DIR", help="write the page and the screenshot here and keep them")
    options = parser.parse_args()

    folder = options.keep or tempfile.mkdtemp(prefix="ku-html-")
    os.makedirs(folder, exist_ok=True)
    try:
        page = os.path.join(folder, "proposal_2025.html")
        shot = os.path.join(folder, "proposal_2025.png")
        if os.path.exists(shot):
            os.remove(shot)
        spec = os.path.join(options.source_dir, "data", "proposal_2025.toml")
        result = subprocess.run([options.ku, "proposal", spec, "--format", "html", "--output", page],
                                capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            fail(f"ku exited {result.returncode}: {result.stderr}")
        with open(page, encoding="utf-8") as f:
            html = f.read()
        if "<svg" not in html or 'lang="sv"' not in html:
            fail(f"{page} is not the page with a chart")

        # A private profile folder, so that no other Chromium's settings or lock take part.
        profile = os.path.join(folder, "profile")
        command = [options.chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                   f"--user-data-dir={profile}", f"--screenshot={shot}", "--window-size=1280,2000",
                   "file://" + os.path.abspath(page)]
        result = subprocess.run(command, capture_output=True, text=True, timeout=180)
        if result.returncode != 0 or not os.path.exists(shot):
            fail(f"chromium exited {result.returncode} without a screenshot: {result.stderr[-2000:]}")

        with Image.open(shot) as image:
            rgb = image.convert("RGB")
            width, height = rgb.size
            if (width, height) != (1280, 2000):
                fail(f"the screenshot is {width}x{height}, expected 1280x2000")
            colours = rgb.getcolors(maxcolors=width * height)
            distinct = len(colours)
            # Chromium may blend a colour by a step or two; count pixels within 6 of a colour.
            def pixels(wanted):
                return sum(count for count, colour in colours
                           if all(abs(a - b) <= 6 for a, b in zip(colour, wanted)))
            bar_pixels = pixels(BAR_COLOUR)
            chart_pixels = sum(pixels(colour) for colour in FEE_COLOURS)
        print(f"{shot}: {width}x{height}, {distinct} distinct colours, {bar_pixels} pixels of the bar colour, "
              f"{chart_pixels} of the first four fees' colours")
        if distinct < 50:
            fail(f"the screenshot has only {distinct} distinct colours: the page looks blank")
        # The first fee (Familjecentralsamordnare) is a thin segment of each bar and a 14 x 14
        # swatch in the legend.
        if bar_pixels < 14 * 14:
            fail(f"the chart's bar colour #1f77b4 covers only {bar_pixels} pixels")
        # The four first fees make up a good part of 13 bars 18 px high.
        if chart_pixels < 13 * 18 * 30:
            fail(f"the colours of the chart's first four fees cover only {chart_pixels} pixels")
        print("PASS the page renders in Chromium with its chart")
        return 0
    finally:
        if not options.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
