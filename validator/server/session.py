"""The open documents of an editor, linted exactly as ``goals-lint`` lints files.

A lint takes the configuration found from the working folder (the server runs in the
workspace root, as ``goals-lint`` runs in the repository root), the same context folder
for cross-file rules and the same baseline, and reads every open document's unsaved
text instead of its file: two unsaved copies of one project find each other.

Which open documents are goal files: YAML files under the context folder (``goals/``
under the config root, or the config's ``context``), and any YAML file that names the
goal schema in its ``# yaml-language-server: $schema=`` line. Other YAML files
(workflows, pre-commit settings) are left alone.
"""

# Annotations are evaluated (no `from __future__ import annotations`): NamedTuple fields.

import os
from collections.abc import Mapping
from typing import Any, NamedTuple

from validator.baseline import apply_baseline, load_baseline
from validator.config import Config, load_config
from validator.diagnostics import Diagnostic
from validator.linter import YAML_SUFFIXES, Selection, lint_files, text_key
from validator.messages import LANGUAGES, language_from_environment
from validator.paths import repository_root, shown_path
from validator.project import DEFAULT_CONTEXT, apply_baseline_to, baseline_file, context_files

GOAL_SCHEMA_NAME = "goal.schema.json"


class Options(NamedTuple):
    """The command line's options that an editor can set (``initializationOptions``)."""

    lang: str | None = None
    config: str | None = None
    baseline: str | None = None  # a baseline file other than the default
    no_baseline: bool = False
    context: str | None = None

    @classmethod
    def from_client(cls, given: Any) -> "Options":
        """The options an editor sent; what is not understood is left at its default."""
        if not isinstance(given, Mapping):
            return cls()

        def text(key: str) -> str | None:
            value = given.get(key)
            return value if isinstance(value, str) and value else None

        lang = text("lang")
        baseline = given.get("baseline")
        return cls(
            lang=lang if lang in LANGUAGES else None,
            config=text("config"),
            baseline=baseline if isinstance(baseline, str) and baseline else None,
            no_baseline=baseline is False,
            context=text("context"),
        )


class Linted(NamedTuple):
    """One lint of the open goal documents: diagnostics by path, in the language to show them."""

    lang: str
    diagnostics: dict[str, list[Diagnostic]]  # by the path as linted; every open goal document has a list
    config: Config


def client_language(locale: str | None) -> str | None:
    if not locale:
        return None
    return "zh" if locale.lower().startswith("zh") else "en"


def is_goal_document(path: str, text: str, config: Config, context_option: str | None) -> bool:
    if not path.lower().endswith(YAML_SUFFIXES):
        return False
    folder = context_option or config.context or os.path.join(config.root, DEFAULT_CONTEXT)
    inside = os.path.abspath(path).startswith(os.path.abspath(folder) + os.sep)
    if inside:
        return True
    head = text[:2000]
    return "yaml-language-server" in head and GOAL_SCHEMA_NAME in head


def lint_documents(documents: Mapping[str, str], options: Options, client_locale: str | None = None) -> Linted:
    """Lint the open documents (text by path) that are goal files, as the command line would.

    Raises ``validator.errors.MessageError`` (a configuration, context or baseline
    error) where the command line would stop on it.
    """
    config = load_config(options.config)
    lang = options.lang or config.lang or client_language(client_locale) or language_from_environment()
    selection = Selection.build(config)
    paths = [
        shown_path(path) for path, text in documents.items() if is_goal_document(path, text, config, options.context)
    ]
    diagnostics: dict[str, list[Diagnostic]] = {path: [] for path in paths}
    if not paths:
        return Linted(lang, diagnostics, config)
    texts = {text_key(path): text for path, text in documents.items()}
    result = lint_files(paths, selection, context_files(options.context, config, paths, selection), texts=texts)
    result.root = repository_root(config.root)
    if not options.no_baseline:
        baseline = baseline_file(options.baseline, config)
        if baseline is not None:
            apply_baseline_to(load_baseline(baseline), result)
    for diagnostic in result.diagnostics:
        diagnostics.setdefault(diagnostic.path, []).append(diagnostic)
    return Linted(lang, diagnostics, config)


def fix_all(path: str, text: str, options: Options) -> str | None:
    """``text`` (the open file ``path``'s) with every safe fix ``--fix`` would make, verified by
    the fix engine as ``--fix`` verifies it, or None when nothing changes. Problems the
    baseline hides are left alone, as ``--fix`` leaves them."""
    from validator.fix.engine import fix_text  # loaded when an editor asks for it

    config = load_config(options.config)
    selection = Selection.build(config)
    shown = None
    baseline_path = None if options.no_baseline else baseline_file(options.baseline, config)
    if baseline_path is not None:
        baseline = load_baseline(baseline_path)
        root = repository_root(config.root)

        def shown(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
            return apply_baseline(baseline, diagnostics, root, {d.path for d in diagnostics}).shown

    fixed = fix_text(shown_path(path), text, selection, shown=shown)
    return fixed.text if fixed.applied and fixed.text != text else None


def path_key(path: str) -> str:
    """One spelling of a path, to match a diagnostic's path with an open document."""
    return text_key(path)
