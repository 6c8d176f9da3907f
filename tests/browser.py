"""Headless Chromium for the review page's tests and screenshots: Debian's `chromium` and
`chromium-driver` packages driven by Selenium, nothing downloaded at run time.

`.ci/run` installs the packages when they are missing. `driver_or_skip()` skips (with the reason)
only when no browser is installed; a browser that is installed but fails to start is an error.
"""
from __future__ import annotations

import os
import shutil
import tempfile

INSTALL_HINT = "apt-get install -y chromium chromium-driver (Debian packages; .ci/run does it)"

#: flags for a quiet, isolated headless run: no sandbox (CI runs as root), no network of its own
ARGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync")


def _find(env: str, *names: str) -> str | None:
    if os.environ.get(env):
        return os.environ[env]
    for name in names:
        path = shutil.which(name) or (f"/usr/bin/{name}" if os.path.exists(f"/usr/bin/{name}") else None)
        if path:
            return path
    return None


def missing() -> str | None:
    """Why no browser test can run here, or None when one can."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    if _find("MTQA_CHROMIUM", "chromium", "chromium-browser") is None:
        return f"no Chromium found: {INSTALL_HINT}"
    if _find("MTQA_CHROMEDRIVER", "chromedriver") is None:
        return f"no chromedriver found: {INSTALL_HINT}"
    return None


def make_driver(width: int = 1280, height: int = 900):
    """A headless Chromium with a fresh profile (the caller quits it)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = _find("MTQA_CHROMIUM", "chromium", "chromium-browser")
    for arg in ARGS:
        options.add_argument(arg)
    options.add_argument(f"--user-data-dir={tempfile.mkdtemp(prefix='mtqa-chromium-')}")
    options.add_argument(f"--window-size={width},{height}")
    driver = webdriver.Chrome(service=Service(_find("MTQA_CHROMEDRIVER", "chromedriver")), options=options)
    driver.set_window_size(width, height)
    return driver


def allow_downloads(driver, directory: str) -> None:
    """Save downloads to `directory` without asking (headless Chromium refuses them by default)."""
    driver.execute_cdp_cmd("Browser.setDownloadBehavior",
                           {"behavior": "allow", "downloadPath": directory, "eventsEnabled": False})


def full_page_screenshot(driver, path: str, width: int, max_height: int = 16000) -> None:
    """A PNG of the page at `width` CSS pixels, from the top down to `max_height` (the window
    grows to the page's height; + 120 for the window's own chrome)."""
    driver.set_window_size(width, 900)
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(width, min(int(height) + 120, max_height))
    driver.save_screenshot(path)
