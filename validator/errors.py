"""Errors that stop a command, each carrying a message id and its parameters.

A check never raises these: what a file gets wrong is a diagnostic. These are for the
run itself — a bad option, a broken config or baseline, a report that cannot be
written — and the command line turns each into one line on stderr and exit code 2.
The messages live with the code that raises them; this module only holds the types,
so every layer can raise them without importing the command line.
"""

from __future__ import annotations

from typing import Any


class MessageError(Exception):
    """An error whose text is a message of the catalogue, rendered in the user's language."""

    def __init__(self, message_id: str, **params: Any) -> None:
        super().__init__(message_id, params)
        self.message_id = message_id
        self.params = params


class UsageError(MessageError):
    """A mistake on the command line."""


class ConfigError(MessageError):
    """A configuration file that cannot be used; the message names the exact key."""


class BaselineError(MessageError):
    """A baseline file that cannot be used."""


class OutputError(MessageError):
    """A report, baseline or table that cannot be written."""


class CheckCrashed(Exception):
    """A check failed on a file: a bug in goals-lint, reported with the file that showed it."""

    def __init__(self, path: str, error: Exception) -> None:
        self.path = path
        self.detail = f"{type(error).__name__}: {error}"
        super().__init__(f"while checking {path}: {self.detail}")
