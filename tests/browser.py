"""A real headless Chromium for the tests, driven by selenium through the system's chromedriver.

`.ci/run` installs Debian's `chromium`, `chromium-driver` and `fonts-noto-cjk`. Where they are
missing the browser tests are skipped on a developer's machine and fail in CI (CI=true): a
browser test skipped in CI would prove nothing.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

# What Chromium needs to start headless here: no sandbox (root in a container), no GPU, and
# nothing that reaches out to the network on its own.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
)


def _executables() -> tuple[str, str]:
    browser = next((found for name in ("chromium", "chromium-browser") if (found := shutil.which(name))), None)
    driver = shutil.which("chromedriver")
    if browser is None or driver is None:
        message = "Chromium and chromedriver are needed (apt-get install chromium chromium-driver fonts-noto-cjk)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return browser, driver


@contextmanager
def chromium(*, scripts: bool = True, width: int = 1400, height: int = 1000) -> Iterator[Any]:
    """A selenium driver of a fresh headless Chromium profile; its console log is kept."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    browser, driver_path = _executables()
    with tempfile.TemporaryDirectory(prefix="goals-lint-chromium-") as profile:
        options = webdriver.ChromeOptions()
        options.binary_location = browser
        for flag in CHROMIUM_FLAGS:
            options.add_argument(flag)
        options.add_argument(f"--user-data-dir={profile}")
        options.add_argument(f"--window-size={width},{height}")
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        if not scripts:
            options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
        driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
        try:
            yield driver
        finally:
            driver.quit()


def console_errors(driver: Any) -> list[str]:
    """What the page logged at error level (script errors, blocked requests, CSP violations)."""
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def screenshot(driver: Any, path: str) -> None:
    """The whole page, not just the window: the window is made as tall as the page first."""
    height = driver.execute_script("return document.documentElement.scrollHeight")
    width = driver.execute_script("return document.documentElement.scrollWidth")
    driver.set_window_size(max(width, 1200), min(height + 100, 16000))
    driver.save_screenshot(path)
