"""``goals-lint import SOURCE --out DIR`` and ``goals-lint export PATH --to FORMAT --output FILE``.

Exit codes: 0 done; 1 the source had something the importer could not understand
(nothing is written: the folder always holds a whole table or nothing new), or some
goal files could not be exported (the others are); 2 usage errors, including files
that exist when ``--force`` was not given and files that cannot be written.
"""

from __future__ import annotations

import errno
import os
import shlex
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TextIO

from validator.atomic import write_all_atomically
from validator.config import Config
from validator.diagnostics import Severity, Span
from validator.errors import OutputError, UsageError
from validator.loader import read_goal_file
from validator.messages import ERROR, FILE, WARNING, counted, render
from validator.rules.schema import check as schema_check
from validator.schema import year_range
from validator.table.categories import NO_SUBCATEGORY, CategoryNames
from validator.table.export import FORMATS, grouped, unexportable, write_table
from validator.table.messages import (
    GOAL_FILE,
    PLACE,
    PROJECT,
    TABLE_CANNOT_WRITE,
    TABLE_CATEGORY_MAPPED,
    TABLE_EXPORT_DESCRIPTION,
    TABLE_EXPORT_NOT_COMPLIANT,
    TABLE_EXPORT_REFUSED,
    TABLE_EXPORTED,
    TABLE_FIELD_LEFT_OUT,
    TABLE_FILES_EXIST,
    TABLE_HELP_EXPORT_STRICT,
    TABLE_HELP_FORCE,
    TABLE_HELP_FROM,
    TABLE_HELP_OUT,
    TABLE_HELP_OUTPUT,
    TABLE_HELP_PATHS,
    TABLE_HELP_SOURCE,
    TABLE_HELP_TO,
    TABLE_HELP_YEAR,
    TABLE_IMPORT_DESCRIPTION,
    TABLE_IMPORTED,
    TABLE_INTEGER,
    TABLE_NO_PROJECTS,
    TABLE_NO_YEAR,
    TABLE_NOT_EXPORTED,
    TABLE_NOTHING_EXPORTED,
    TABLE_NOTHING_WRITTEN,
    TABLE_OUT_NOT_A_FOLDER,
    TABLE_OUTPUT_IS_A_FOLDER,
    TABLE_READ_AS_GB18030,
    TABLE_SOURCE_MISSING,
    TABLE_SOURCE_NOT_TEXT,
    TABLE_SOURCE_UNREADABLE,
    TABLE_SUBCATEGORY_LEFT_OUT,
    TABLE_SUBCATEGORY_MAPPED,
    TABLE_TITLE_YEAR_OUT_OF_RANGE,
    TABLE_UNKNOWN_EXPORT_FORMAT,
    TABLE_UNKNOWN_SOURCE_FORMAT,
    TABLE_WROTE,
    TABLE_YEAR_OUT_OF_RANGE,
    TIME,
)
from validator.table.model import Project, TableProblem
from validator.table.sheet_source import UnreadableWorkbook, csv_rows, read_sheet_rows, xlsx_sheets
from validator.table.slug import project_file_name
from validator.table.text_source import NotText, decoded, read_text_table
from validator.table.writer import goal_file_text, schema_comment_for
from validator.usage import Parser, chosen_language, config_for, goal_files

EXIT_OK = 0
EXIT_FAILED = 1

SOURCE_FORMATS = {".txt": "text", ".csv": "csv", ".xlsx": "xlsx", ".xlsm": "xlsx"}
EXPORT_SUFFIXES = {".xlsx": "xlsx", ".csv": "csv", ".md": "md", ".html": "html", ".htm": "html"}


def _cannot_write(path: str, error: OSError) -> OutputError:
    return OutputError(TABLE_CANNOT_WRITE, path=path, reason=error.strerror or str(error))


class _Printer:
    """Messages in the user's language: results on ``out``, problems and notes on ``err``."""

    def __init__(self, lang: str, out: TextIO, err: TextIO) -> None:
        self.lang, self.out, self.err = lang, out, err

    def result(self, message_id: str, **params: Any) -> None:
        self.out.write(render(message_id, params, self.lang) + "\n")

    def problem(self, where: str, message_id: str, **params: Any) -> None:
        self.err.write(f"{where}: {render(message_id, params, self.lang)}\n")


# --- import ---


def _import_parser(lang: str) -> Parser:
    parser = Parser(prog="goals-lint import", lang=lang, description=render(TABLE_IMPORT_DESCRIPTION, {}, lang))
    say = parser.say
    parser.add_argument("source", metavar="SOURCE", help=say(TABLE_HELP_SOURCE))
    parser.add_argument("--out", required=True, metavar="DIR", help=say(TABLE_HELP_OUT))
    parser.add_argument("--force", action="store_true", help=say(TABLE_HELP_FORCE))
    parser.add_argument("--year", type=integer(lang), metavar="YEAR", help=say(TABLE_HELP_YEAR))
    parser.add_argument(
        "--from",
        dest="source_format",
        choices=sorted(set(SOURCE_FORMATS.values())),
        help=say(TABLE_HELP_FROM),
    )
    parser.add_common_options()
    return parser


def integer(lang: str) -> Callable[[str], int]:
    """``int``, named in the user's language in argparse's "not a valid int" message."""

    def parse(text: str) -> int:
        return int(text)

    parse.__name__ = render(TABLE_INTEGER, {}, lang)
    return parse


def import_command(argv: Sequence[str], out: TextIO, err: TextIO) -> int:
    """``goals-lint import SOURCE --out DIR``."""
    found_config, config_error = config_for(argv)
    lang = chosen_language(argv, found_config)
    args = _import_parser(lang).parse_args(argv)
    if config_error is not None:
        raise config_error
    printer = _Printer(lang, out, err)
    minimum, maximum = year_range()
    if args.year is not None and not minimum <= args.year <= maximum:
        raise UsageError(TABLE_YEAR_OUT_OF_RANGE, year=args.year, minimum=minimum, maximum=maximum)
    source_format = args.source_format or SOURCE_FORMATS.get(os.path.splitext(args.source)[1].lower())
    if source_format is None:
        raise UsageError(TABLE_UNKNOWN_SOURCE_FORMAT, path=args.source)
    if not os.path.isfile(args.source):
        raise UsageError(TABLE_SOURCE_MISSING, path=args.source)

    names = CategoryNames()
    projects, problems = _read_source(args.source, source_format, names, printer)
    if not projects and not problems:
        problems.append(TableProblem("1", TABLE_NO_PROJECTS, {}))
    if problems:
        for place, message_id, params in problems:
            printer.problem(f"{args.source}:{place}", message_id, **params)
        printer.result(TABLE_NOTHING_WRITTEN, count=counted(PLACE, len(problems)))
        return EXIT_FAILED
    years: list[int] = []
    for project in projects:
        year = args.year if args.year is not None else project.year
        if year is None:
            raise UsageError(TABLE_NO_YEAR, path=args.source)
        years.append(year)
    if args.year is None:
        for project in projects:
            if project.year is not None and not minimum <= project.year <= maximum:
                raise UsageError(
                    TABLE_TITLE_YEAR_OUT_OF_RANGE,
                    path=args.source,
                    year=project.year,
                    minimum=minimum,
                    maximum=maximum,
                )

    if os.path.exists(args.out) and not os.path.isdir(args.out):
        raise UsageError(TABLE_OUT_NOT_A_FOLDER, path=args.out)
    planned = []
    for position, (project, year) in enumerate(zip(projects, years, strict=True), 1):
        file_name = project_file_name(position, len(projects), project.project)
        path = os.path.join(args.out, file_name)
        # The slug cannot leave --out; this says so once more, where it matters.
        if os.path.dirname(os.path.abspath(path)) != os.path.abspath(args.out):
            raise RuntimeError(f"file name {file_name!r} leaves the output folder")
        planned.append((path, project.goal_data(year)))
    existing = [path for path, _ in planned if os.path.lexists(path)]
    if existing and not args.force:
        raise UsageError(TABLE_FILES_EXIST, count=counted(GOAL_FILE, len(existing)), path=existing[0])
    for path in existing:
        if os.path.isdir(path):  # --force replaces files, never a folder: found now, nothing is written
            raise OutputError(TABLE_CANNOT_WRITE, path=path, reason=os.strerror(errno.EISDIR))

    try:
        os.makedirs(args.out, exist_ok=True)
    except OSError as error:
        raise _cannot_write(args.out, error) from None
    comment = schema_comment_for(args.out, found_config.schema if found_config is not None else None)
    files = [(path, goal_file_text(data, comment).encode("utf-8")) for path, data in planned]
    try:
        write_all_atomically(files, follow_links=True)
    except OSError as error:
        # Every file goes into --out, and none was written: name the folder, not a temporary file.
        raise _cannot_write(args.out, error) from None
    for path, _ in files:
        printer.result(TABLE_WROTE, path=path.replace(os.sep, "/"))
    for note in names.notes():
        if note.level == "category":
            message_id = TABLE_CATEGORY_MAPPED
        else:
            message_id = TABLE_SUBCATEGORY_MAPPED if note.standard != NO_SUBCATEGORY else TABLE_SUBCATEGORY_LEFT_OUT
        printer.problem(
            f"{args.source}:{note.first_place}",
            message_id,
            original=note.original,
            standard=note.standard,
            count=counted(TIME, note.times),
        )
    printer.result(TABLE_IMPORTED, count=counted(PROJECT, len(planned)), source=args.source, out=args.out)
    return EXIT_OK


def _read_source(
    path: str, source_format: str, names: Any, printer: _Printer
) -> tuple[list[Project], list[TableProblem]]:
    """Projects and problems (as (place, message id, params)) from the source file."""

    problems: list[TableProblem] = []
    try:
        if source_format == "xlsx":
            sheets = xlsx_sheets(path)
        else:
            with open(path, "rb") as stream:
                text, encoding = decoded(stream.read())
            if encoding != "UTF-8":
                printer.problem(path, TABLE_READ_AS_GB18030)
            if source_format == "text":
                table = read_text_table(text, names)
                return table.projects, list(table.problems)
            sheets = [csv_rows(text)]
    except OSError as error:
        raise UsageError(TABLE_SOURCE_UNREADABLE, path=path, reason=error.strerror or str(error)) from None
    except UnreadableWorkbook as error:
        raise UsageError(TABLE_SOURCE_UNREADABLE, path=path, reason=str(error)) from None
    except NotText as error:
        raise UsageError(TABLE_SOURCE_NOT_TEXT, path=path, line=error.line, byte=f"0x{error.byte:02X}") from None
    projects = []
    for rows in sheets:
        projects += read_sheet_rows(rows, names, problems)
    return projects, problems


# --- export ---


def _export_parser(lang: str) -> Parser:
    parser = Parser(prog="goals-lint export", lang=lang, description=render(TABLE_EXPORT_DESCRIPTION, {}, lang))
    say = parser.say
    parser.add_argument("paths", nargs="+", metavar="PATH", help=say(TABLE_HELP_PATHS))
    parser.add_argument("--to", choices=FORMATS, help=say(TABLE_HELP_TO))
    parser.add_argument("--output", required=True, metavar="FILE", help=say(TABLE_HELP_OUTPUT))
    parser.add_argument("--strict", action="store_true", help=say(TABLE_HELP_EXPORT_STRICT))
    parser.add_common_options()
    return parser


def _compliance(paths: list[str], config: Config | None, *, strict: bool) -> tuple[int, int, bool]:
    """(errors, warnings, failing) of the rules on the files to export, as `goals-lint` would
    report them with this folder's configuration; the baseline is not applied: it hides known
    problems from CI, and a published table is judged as it is."""
    from validator.linter import Selection, lint_files

    assert config is not None  # a configuration that failed to load has stopped the command
    result = lint_files(paths, Selection.build(config))
    errors = sum(1 for diagnostic in result.diagnostics if diagnostic.severity is Severity.ERROR)
    warnings = sum(1 for diagnostic in result.diagnostics if diagnostic.severity is Severity.WARNING)
    return errors, warnings, bool(errors or (strict and warnings))


# Fields a goal file may have that the published five-column table has no place for.
_NOT_IN_THE_TABLE = ("code", "notes", "subcategory")


def export_command(argv: Sequence[str], out: TextIO, err: TextIO) -> int:
    """``goals-lint export PATH ... --output FILE``."""
    found_config, config_error = config_for(argv)
    lang = chosen_language(argv, found_config)
    args = _export_parser(lang).parse_args(argv)
    if config_error is not None:
        raise config_error
    printer = _Printer(lang, out, err)
    to = args.to or EXPORT_SUFFIXES.get(os.path.splitext(args.output)[1].lower())
    if to is None:
        raise UsageError(TABLE_UNKNOWN_EXPORT_FORMAT, path=args.output)
    files = goal_files(args.paths)

    goals = []
    exported_paths = []
    left_out: dict[str, int] = {}
    rejected = 0
    for path in files:
        goal_file = read_goal_file(path)
        problems: list[tuple[Span, str, Mapping[str, Any]]] = [
            (read.span, read.message_id, read.params) for read in goal_file.problems
        ]
        source_map = goal_file.source_map
        if goal_file.readable and source_map is not None:
            problems += [
                (source_map.span(problem.pointer, problem.at_key), problem.message_id, problem.params)
                for problem in schema_check(goal_file.data, source_map)
            ]
            if not problems:
                problems += [
                    (source_map.span(problem.pointer), problem.message_id, problem.params)
                    for problem in unexportable(goal_file.data)
                ]
        if problems:
            rejected += 1
            for span, message_id, params in problems:
                printer.problem(f"{path}:{span.line}:{span.column}", message_id, **params)
            printer.problem(path, TABLE_NOT_EXPORTED)
            continue
        goals.append(goal_file.data)
        exported_paths.append(path)
        for field in _NOT_IN_THE_TABLE:
            holders = [goal_file.data] if field != "subcategory" else goal_file.data["indicators"]
            if any(field in holder for holder in holders):
                left_out[field] = left_out.get(field, 0) + 1
    if not goals:
        printer.result(TABLE_NOTHING_EXPORTED)
        return EXIT_FAILED
    if os.path.isdir(args.output):
        raise UsageError(TABLE_OUTPUT_IS_A_FOLDER, path=args.output)
    errors, warnings, failing = _compliance(exported_paths, found_config, strict=args.strict)
    counts = {
        "errors": counted(ERROR, errors),
        "warnings": counted(WARNING, warnings),
        "paths": " ".join(shlex.quote(path) for path in args.paths),
    }
    if failing and args.strict:
        err.write(render(TABLE_EXPORT_REFUSED, counts, printer.lang) + "\n")
        return EXIT_FAILED
    for field, count in left_out.items():
        printer.problem(args.output, TABLE_FIELD_LEFT_OUT, field=field, count=counted(FILE, count))
    try:
        # Like the linter's --format x:FILE: `reports/table.xlsx` may name a folder not made yet.
        os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
        write_table(grouped(goals), to, args.output)
    except OSError as error:
        raise _cannot_write(args.output, error) from None
    printer.result(TABLE_EXPORTED, count=counted(PROJECT, len(goals)), output=args.output)
    if failing:
        err.write(render(TABLE_EXPORT_NOT_COMPLIANT, counts, printer.lang) + "\n")
    return EXIT_FAILED if rejected else EXIT_OK
