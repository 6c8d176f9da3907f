"""Screenshots of the sample review page (reports/sample.html) in headless Chromium, for the README
and for reviewing a change to the page by eye:

    .venv/bin/python reports/screenshots.py     # writes sample.desktop.png and sample.phone.png

Run it after `reports/regenerate.py` when the page changes. It needs Debian's chromium and
chromium-driver (see tests/browser.py); PNG bytes differ between Chromium versions, so the
screenshots are not goldens and no test compares them.
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from tests import browser  # noqa: E402  (after the path is set)

#: file name -> (window width, height kept) in CSS pixels: a laptop and a 390 px phone; the top
#: of the page (header, key, fix first, the article, the start of the list) is what shows a change
SHOTS = {"sample.desktop.png": (1280, 4200), "sample.phone.png": (390, 6000)}


def main() -> int:
    why = browser.missing()
    if why:
        print(f"screenshots.py: {why}", file=sys.stderr)
        return 2
    driver = browser.make_driver()
    try:
        for name, (width, height) in SHOTS.items():
            driver.set_window_size(width, 900)
            driver.get((HERE / "sample.html").as_uri())
            browser.full_page_screenshot(driver, str(HERE / name), width, height)
            print(f"wrote reports/{name}")
    finally:
        driver.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
