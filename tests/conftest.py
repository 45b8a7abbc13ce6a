"""Every test starts from an English locale, whatever the machine running it says, and
from an empty working folder, so this repository's own configuration and baseline
never change what a test sees."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")


@pytest.fixture(autouse=True)
def _empty_working_folder(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path_factory.mktemp("cwd"))


def pytest_configure(config: pytest.Config) -> None:
    # `-m "not slow"` skips the end-to-end tests that install goals-lint with the real pre-commit.
    config.addinivalue_line("markers", "slow: end-to-end tests that build and install goals-lint (tens of seconds)")
