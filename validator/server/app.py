"""The language server itself: pygls over stdio, wired to the plain modules beside it.

- Diagnostics: every open goal document is linted (``session``) when it opens, when it
  is saved, and a moment after typing stops (``DEBOUNCE_SECONDS``), in a worker thread,
  so hover and completion answer while a lint runs. Each diagnostic has the rule code as
  ``code``, a link to the rule's documentation when ``docs-url`` is configured, the
  severity, and the first of two duplicates as ``relatedInformation``.
- Code actions: a problem's fix as ``--fix`` makes it (checked by the fix engine; safe
  ones preferred, unsafe ones marked), "disable this rule here" and "disable it in this
  file" (``suppress``), and "fix all" (``source.fixAll.goals-lint``: ``--fix`` on the text).
- Hover (``hover``) and completion of category values (``completion``).

A configuration or baseline error is shown once as a message (the run would stop on
it too); an internal error is logged with its traceback and never ends the session.
"""

from __future__ import annotations

import asyncio
import logging
import os
import traceback
from concurrent.futures import ThreadPoolExecutor
from typing import TextIO

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path
from pygls.workspace import TextDocument

from validator import __version__
from validator.diagnostics import Applicability, Diagnostic, Severity, Span
from validator.errors import MessageError
from validator.messages import ref, render
from validator.registry import find_rule
from validator.rule import CommentRule, ReaderRule
from validator.server import completion, hover, positions, suppress
from validator.server.messages import (
    SERVER_CATEGORY,
    SERVER_DISABLE_FILE,
    SERVER_DISABLE_LINE,
    SERVER_ERROR,
    SERVER_FIX_ALL,
    SERVER_RELATED,
    SERVER_SUBCATEGORY,
    SERVER_UNSAFE_FIX,
)
from validator.server.session import Linted, Options, fix_all, lint_documents, path_key

# Long enough that a lint does not run on every key stroke, short enough to feel live.
DEBOUNCE_SECONDS = 0.3
SOURCE = "goals-lint"
# `source.fixAll.goals-lint`: what editors run on save for "fix all" (VS Code's codeActionsOnSave).
FIX_ALL_KIND = f"{types.CodeActionKind.SourceFixAll.value}.goals-lint"
_SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
_ENCODINGS: dict[str, str] = {
    types.PositionEncodingKind.Utf8.value: positions.UTF8,
    types.PositionEncodingKind.Utf16.value: positions.UTF16,
    types.PositionEncodingKind.Utf32.value: positions.UTF32,
}

logger = logging.getLogger(__name__)


class GoalsLintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("goals-lint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.options = Options()
        self.command_line_lang: str | None = None
        self.client_locale: str | None = None
        self.lang = "en"
        # By path_key: (uri, the document's version when linted, its diagnostics).
        self.linted: dict[str, tuple[str, int | None, list[Diagnostic]]] = {}
        self.published: set[str] = set()  # uris that have diagnostics in the editor
        self.pending: asyncio.Task[None] | None = None
        self.generation = 0
        self.last_error: str | None = None
        self.last: Linted | None = None  # the last lint published: its language and configuration
        self.by_path: dict[str, TextDocument] = {}  # the open files' documents at the last lint, by path_key
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="goals-lint")

    # --- documents -------------------------------------------------------------------

    def open_documents(self) -> dict[str, str]:
        """Text of the open files by path (documents that are not files are left out), and
        each file's document, by :func:`path_key`, for publishing under the client's own URI."""
        documents = {}
        self.by_path = {}
        for document in list(self.workspace.text_documents.values()):
            path = to_fs_path(document.uri) if document.uri.startswith("file:") else None
            if path is not None:
                documents[path] = document.source
                self.by_path[path_key(path)] = document
        return documents

    def lines_of(self, path: str) -> list[str]:
        """The lines of an open document, or of the file on disk (a related place in another file)."""
        document = self.by_path.get(path_key(path))
        if document is not None:
            return positions.lines_of(document.source)
        try:
            with open(path, encoding="utf-8", errors="replace") as stream:
                return positions.lines_of(stream.read())
        except OSError:
            return []

    def uri_of(self, path: str) -> str:
        """The URI the client used for an open file (editors spell them differently), else one of ours."""
        document = self.by_path.get(path_key(path))
        return document.uri if document is not None else from_fs_path(os.path.abspath(path)) or path

    @property
    def encoding(self) -> str:
        agreed = self.workspace.position_encoding  # pygls chose it from what the client offered
        name = agreed.value if isinstance(agreed, types.PositionEncodingKind) else str(agreed or "utf-16")
        return _ENCODINGS.get(name, positions.UTF16)

    # --- linting ---------------------------------------------------------------------

    def schedule_lint(self, delay: float) -> None:
        """Lint after ``delay`` seconds; a later call replaces one that has not started."""
        if self.pending is not None and not self.pending.done():
            self.pending.cancel()
        self.generation += 1
        self.pending = asyncio.get_running_loop().create_task(self._lint_after(delay, self.generation))

    async def _lint_after(self, delay: float, generation: int) -> None:
        await asyncio.sleep(delay)
        documents = self.open_documents()
        loop = asyncio.get_running_loop()
        try:
            linted = await loop.run_in_executor(
                self.worker, lint_documents, documents, self.options, self.client_locale
            )
        except MessageError as error:
            self._show_error(render(SERVER_ERROR, {"detail": ref(error.message_id, **error.params)}, self.lang))
            return
        except Exception as error:  # a bug: say so, keep serving
            self.window_log_message(types.LogMessageParams(types.MessageType.Error, traceback.format_exc()))
            self._show_error(f"goals-lint: internal error: {type(error).__name__}: {error}")
            return
        if generation != self.generation:
            return  # the text changed meanwhile: a newer lint publishes
        self.last_error = None
        self.publish(linted)

    def _show_error(self, message: str) -> None:
        if message != self.last_error:  # once, not on every key stroke
            self.last_error = message
            self.window_show_message(types.ShowMessageParams(types.MessageType.Error, message))

    def publish(self, linted: Linted) -> None:
        self.lang = linted.lang
        self.last = linted
        self.linted = {}
        uris = set()
        for path, diagnostics in linted.diagnostics.items():
            uri = self.uri_of(path)
            uris.add(uri)
            lines = self.lines_of(path)
            document = self.by_path.get(path_key(path))
            self.linted[path_key(path)] = (uri, document.version if document is not None else None, diagnostics)
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(
                    uri=uri,
                    version=document.version if document is not None else None,
                    diagnostics=[self.to_lsp(diagnostic, lines, linted) for diagnostic in diagnostics],
                )
            )
        for uri in self.published - uris:  # closed, or no longer a goal file
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
        self.published = uris

    def to_range(self, lines: list[str], span: Span) -> types.Range:
        (start_line, start), (end_line, end) = positions.span_to_editor(lines, span, self.encoding)
        return types.Range(types.Position(start_line, start), types.Position(end_line, end))

    def to_lsp(self, diagnostic: Diagnostic, lines: list[str], linted: Linted) -> types.Diagnostic:
        rule = find_rule(diagnostic.code)
        url = linted.config.rule_docs_url(rule) if rule is not None else None
        related = [
            types.DiagnosticRelatedInformation(
                location=types.Location(
                    uri=self.uri_of(other.path),
                    range=self.to_range(
                        lines if other.path == diagnostic.path else self.lines_of(other.path), other.span
                    ),
                ),
                message=render(SERVER_RELATED, {"rule": diagnostic.rule}, linted.lang),
            )
            for other in diagnostic.related
        ]
        return types.Diagnostic(
            range=self.to_range(lines, diagnostic.span),
            message=diagnostic.message(linted.lang),
            severity=_SEVERITIES[diagnostic.severity],
            code=diagnostic.code,
            code_description=types.CodeDescription(href=url) if url else None,
            source=SOURCE,
            related_information=related or None,
            data={"rule": diagnostic.rule, "pointer": diagnostic.pointer},
        )

    def diagnostics_of(self, uri: str) -> list[Diagnostic]:
        path = to_fs_path(uri)
        if path is None:
            return []
        found = self.linted.get(path_key(path))
        return found[2] if found is not None else []

    def linted_version(self, uri: str) -> int | None:
        path = to_fs_path(uri)
        found = self.linted.get(path_key(path)) if path is not None else None
        return found[1] if found is not None else None


def _overlaps(editor_range: types.Range, start: tuple[int, int], end: tuple[int, int]) -> bool:
    asked_start = (editor_range.start.line, editor_range.start.character)
    asked_end = (editor_range.end.line, editor_range.end.character)
    return start <= asked_end and asked_start <= end


def _edit(server: GoalsLintServer, uri: str, lines: list[str], edit: suppress.TextEdit) -> types.WorkspaceEdit:
    line_text = lines[edit.line] if edit.line < len(lines) else ""
    encoding = server.encoding
    start = positions.units(line_text[: edit.start], encoding)
    end = positions.units(line_text[: edit.end], encoding)
    text_edit = types.TextEdit(
        range=types.Range(types.Position(edit.line, start), types.Position(edit.line, end)), new_text=edit.text
    )
    return types.WorkspaceEdit(changes={uri: [text_edit]})


def build_server() -> GoalsLintServer:
    server = GoalsLintServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: GoalsLintServer, params: types.InitializeParams) -> None:
        ls.options = Options.from_client(params.initialization_options)
        if ls.options.lang is None and ls.command_line_lang is not None:
            ls.options = ls.options._replace(lang=ls.command_line_lang)
        ls.client_locale = params.locale
        # Run where `goals-lint` runs: the workspace root, so the config, the context folder
        # and the baseline are found as on the command line, and paths read the same.
        root_uri = params.workspace_folders[0].uri if params.workspace_folders else params.root_uri
        root = to_fs_path(root_uri) if root_uri else params.root_path
        if root and os.path.isdir(root):
            os.chdir(root)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: GoalsLintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule_lint(0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: GoalsLintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule_lint(DEBOUNCE_SECONDS)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: GoalsLintServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.schedule_lint(0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: GoalsLintServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.schedule_lint(0)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def files_changed(ls: GoalsLintServer, params: types.DidChangeWatchedFilesParams) -> None:
        ls.schedule_lint(0)  # a goal file, the config or the baseline changed on disk

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL_KIND]),
    )
    def code_action(ls: GoalsLintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        document = ls.workspace.get_text_document(uri)
        text = document.source
        lines = positions.lines_of(text)
        wanted = params.context.only
        actions: list[types.CodeAction] = []
        if wanted is None or any(_asked(kind, types.CodeActionKind.QuickFix) for kind in wanted):
            # A fix's edits are positions in the text that was linted: none while a newer text waits.
            current = ls.linted_version(uri) == document.version
            for diagnostic in ls.diagnostics_of(uri):
                start, end = positions.span_to_editor(lines, diagnostic.span, ls.encoding)
                if not _overlaps(params.range, start, end):
                    continue
                if current:
                    actions += _fix_actions(ls, uri, text, lines, diagnostic)
                actions += _suppression_actions(ls, uri, text, lines, diagnostic)
        if wanted is None or any(_asked(kind, FIX_ALL_KIND) for kind in wanted):
            actions += _fix_all_actions(ls, uri, text, lines)
        return actions

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def on_hover(ls: GoalsLintServer, params: types.HoverParams) -> types.Hover | None:
        uri = params.text_document.uri
        lines = positions.lines_of(ls.workspace.get_text_document(uri).source)
        line, index = positions.from_editor(lines, params.position.line, params.position.character, ls.encoding)
        line_text = lines[line] if line < len(lines) else ""
        text = hover.hover_text(ls.diagnostics_of(uri), line_text, line + 1, index + 1, ls.lang)
        if text is None:
            return None
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text))

    @server.feature(types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=[":", " "]))
    def on_completion(ls: GoalsLintServer, params: types.CompletionParams) -> types.CompletionList | None:
        lines = positions.lines_of(ls.workspace.get_text_document(params.text_document.uri).source)
        line, index = positions.from_editor(lines, params.position.line, params.position.character, ls.encoding)
        found = completion.complete(lines, line, index)
        if found is None:
            return None
        start = positions.units(lines[line][: found.start], ls.encoding)
        replaced = types.Range(types.Position(line, start), params.position)
        items = []
        for order, choice in enumerate(found.choices):
            detail = (
                render(SERVER_CATEGORY, {}, ls.lang)
                if choice.category is None
                else render(SERVER_SUBCATEGORY, {"category": choice.category}, ls.lang)
            )
            items.append(
                types.CompletionItem(
                    label=choice.value,
                    kind=types.CompletionItemKind.EnumMember,
                    detail=detail,
                    sort_text=f"{order:02d}",
                    text_edit=types.TextEdit(range=replaced, new_text=choice.value),
                )
            )
        return types.CompletionList(is_incomplete=False, items=items)

    return server


def _asked(asked: str, kind: str) -> bool:
    """Whether a client asking for ``asked`` wants actions of ``kind`` (``source`` covers ``source.fixAll.…``)."""
    return kind == asked or kind.startswith(asked + ".")


def _fix_actions(
    ls: GoalsLintServer, uri: str, text: str, lines: list[str], diagnostic: Diagnostic
) -> list[types.CodeAction]:
    """The fix ``--fix`` (or ``--unsafe-fixes``) would make for this problem, checked by the
    fix engine as ``--fix`` checks it; a safe one is the preferred action, an unsafe one says so."""
    fix = diagnostic.fix
    path = to_fs_path(uri)
    if fix is None or not fix.text_edits or ls.last is None or path is None:
        return []
    from validator.fix.engine import apply_fixes  # only a file with a fix loads the engine
    from validator.loader import read_goal_text

    _, applied, _ = apply_fixes(read_goal_text(path, text), [diagnostic])
    if not applied:
        return []  # the engine declined it (it would change more than it says, or not read back)
    title = render(fix.message_id, fix.params, ls.lang)
    safe = fix.applicability is Applicability.SAFE
    if not safe:
        title = render(SERVER_UNSAFE_FIX, {"fix": title}, ls.lang)
    edits = []
    for edit in fix.text_edits:
        start = positions.to_editor(lines, edit.span.line, edit.span.column, ls.encoding)
        end = positions.to_editor(lines, edit.span.end_line, edit.span.end_column, ls.encoding)
        edits.append(
            types.TextEdit(range=types.Range(types.Position(*start), types.Position(*end)), new_text=edit.text)
        )
    return [
        types.CodeAction(
            title=title,
            kind=types.CodeActionKind.QuickFix,
            diagnostics=[ls.to_lsp(diagnostic, lines, ls.last)],
            is_preferred=safe,
            edit=types.WorkspaceEdit(changes={uri: edits}),
        )
    ]


def _fix_all_actions(ls: GoalsLintServer, uri: str, text: str, lines: list[str]) -> list[types.CodeAction]:
    """Every safe fix of the file at once, as ``goals-lint --fix`` would make them: one edit of
    the whole text (editors run it on save with ``source.fixAll``)."""
    path = to_fs_path(uri)
    if path is None or not any(d.fix is not None for d in ls.diagnostics_of(uri)):
        return []
    try:
        fixed = fix_all(path, text, ls.options)
    except MessageError:
        return []  # a configuration error: the lint shows it
    if fixed is None:
        return []
    last = len(lines) - 1  # the whole text is replaced, up to its very end
    whole = types.Range(types.Position(0, 0), types.Position(last, positions.units(lines[last], ls.encoding)))
    return [
        types.CodeAction(
            title=render(SERVER_FIX_ALL, {}, ls.lang),
            kind=FIX_ALL_KIND,
            edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(range=whole, new_text=fixed)]}),
        )
    ]


def _suppression_actions(
    ls: GoalsLintServer, uri: str, text: str, lines: list[str], diagnostic: Diagnostic
) -> list[types.CodeAction]:
    rule = find_rule(diagnostic.code)
    # Reading problems stop the file before comments are read; a comment rule judges comments.
    if rule is None or isinstance(rule, ReaderRule | CommentRule) or ls.last is None:
        return []
    shown = ls.to_lsp(diagnostic, lines, ls.last)
    actions = []
    line_edit = suppress.disable_on_line(text, diagnostic.span.line, rule.slug)
    if line_edit is not None:
        actions.append(
            types.CodeAction(
                title=render(SERVER_DISABLE_LINE, {"rule": rule.slug}, ls.lang),
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[shown],
                edit=_edit(ls, uri, lines, line_edit),
            )
        )
    file_edit = suppress.disable_in_file(text, rule.slug)
    if file_edit is not None:
        actions.append(
            types.CodeAction(
                title=render(SERVER_DISABLE_FILE, {"rule": rule.slug}, ls.lang),
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[shown],
                edit=_edit(ls, uri, lines, file_edit),
            )
        )
    return actions


def serve(err: TextIO, lang: str | None = None) -> int:
    """Serve one editor over stdin and stdout until it exits; ``lang`` is ``--lang``, which
    the editor's ``lang`` setting overrides."""
    # pygls logs to stderr, which editors show in their output panel; stdout is the protocol.
    logging.basicConfig(level=logging.WARNING, stream=err)
    server = build_server()
    server.command_line_lang = lang
    try:
        server.start_io()
    finally:
        server.worker.shutdown(wait=False, cancel_futures=True)
    return 0
