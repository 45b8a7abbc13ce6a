"""The command line: ``goals-lint [PATH ...]``.

Exit codes: 0 nothing failing; 1 failing diagnostics (unreadable files included);
2 usage or configuration error, no files found, or an internal error.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Sequence
from typing import TextIO

from validator import __version__
from validator.atomic import write_text_atomically
from validator.baseline import (
    BASELINE_STALE,
    BASELINE_WRITTEN,
    Stale,
    entry_message,
    write_baseline,
)
from validator.config import Config, load_config, parse_size
from validator.diagnostics import Severity
from validator.errors import CheckCrashed, ConfigError, MessageError, OutputError, UsageError
from validator.linter import Selection, lint_files
from validator.messages import ENTRY, LANGUAGES, PROBLEM, counted, define, language_from_environment, ref, render
from validator.paths import repository_root, shown_path
from validator.project import DEFAULT_BASELINE, apply_baseline_file, baseline_file, context_files
from validator.registry import RULES, find_rule, rules_matching
from validator.reporters import REPORTER_MODULES, get_reporter
from validator.reporters.messages import REPORT_CANNOT_WRITE
from validator.result import LintResult
from validator.usage import Parser, goal_files, language_for_errors

# --- messages (zh, en) ---
CLI_ERROR = define(
    "cli.error",
    zh="goals-lint: 错误：{detail}",
    en="goals-lint: error: {detail}",
)
CLI_CONFIG_ERROR = define(
    "cli.config_error",
    zh="goals-lint: {detail}",
    en="goals-lint: {detail}",
)
CLI_UNKNOWN_SELECTOR = define(
    "cli.unknown_selector",
    zh="{option}：`{selector}` 不对应任何规则；见 `goals-lint --list-rules`",
    en="{option}: `{selector}` names no rule; see `goals-lint --list-rules`",
)
CLI_UNKNOWN_RULE = define(
    "cli.unknown_rule",
    zh="--explain：没有名为 `{name}` 的规则；见 `goals-lint --list-rules`",
    en="--explain: no rule named `{name}`; see `goals-lint --list-rules`",
)
CLI_BAD_SIZE = define(
    "cli.bad_size",
    zh='--max-file-size：应为文件大小，例如 1048576、"512KiB" 或 "2MiB"',
    en='--max-file-size: should be a size such as 1048576, "512KiB" or "2MiB"',
)
CLI_INTERNAL_ERROR_IN_FILE = define(
    "cli.internal_error_in_file",
    zh="goals-lint: 内部错误（检查 {path} 时）：{detail}\n请连同该文件一起报告此问题（加 --debug 运行可看到详细的出错位置）。",
    en="goals-lint: internal error while checking {path}: {detail}\nPlease report this with that file (--debug shows where it failed).",
)
CLI_INTERNAL_ERROR = define(
    "cli.internal_error",
    zh="goals-lint: 内部错误：{detail}",
    en="goals-lint: internal error: {detail}",
)
CLI_INTERRUPTED = define(
    "cli.interrupted",
    zh="goals-lint: 已中断",
    en="goals-lint: interrupted",
)
CLI_SAME_OUTPUT_FILE = define(
    "cli.same_output_file",
    zh="--format：`{first}` 和 `{second}` 写入同一个文件 {path}，后一个会覆盖前一个；请为每种格式指定不同的文件",
    en="--format: `{first}` and `{second}` write the same file, {path}, and the second would overwrite the first; give each format its own file",
)
CLI_UNKNOWN_FORMAT = define(
    "cli.unknown_format",
    zh="--format：未知的输出格式 `{format}`；可选：{known}（可写作 格式:文件，例如 sarif:results.sarif）",
    en="--format: unknown output format `{format}`; use one of: {known} (as FORMAT or FORMAT:FILE, e.g. sarif:results.sarif)",
)
CLI_FORMAT_WITHOUT_FILE = define(
    "cli.format_without_file",
    zh="--format {format}:：冒号后缺少文件名",
    en="--format {format}:: the file name after the colon is missing",
)
CLI_TWO_CONSOLE_OUTPUTS = define(
    "cli.two_console_outputs",
    zh="--format：只有一种格式可以输出到控制台（`{first}` 和 `{second}`）；其他格式请写入文件，例如 --format sarif:results.sarif",
    en="--format: only one format can print to the console (`{first}` and `{second}`); write the others to a file, e.g. --format sarif:results.sarif",
)


EXIT_OK = 0
EXIT_FAILED = 1
EXIT_ERROR = 2
DEFAULT_PATHS = ("goals",)


def _build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="goals-lint",
        description="Check performance-goal files (项目支出绩效目标) against the schema and compliance rules.",
    )
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help="goal files or folders (searched for *.yaml, *.yml); default: goals/"
    )
    parser.add_argument(
        "--format",
        action="append",
        default=None,
        metavar="FORMAT[:FILE]",
        help=f"output format ({', '.join(REPORTER_MODULES)}), to the console or, "
        "as FORMAT:FILE, to a file; repeat for several outputs. Default: text "
        "(github when GITHUB_ACTIONS=true)",
    )
    parser.add_argument(
        "--select",
        action="append",
        default=None,
        metavar="RULES",
        help="only these rules: codes, code prefixes or names, comma-separated",
    )
    parser.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="RULES",
        help="skip these rules: codes, code prefixes or names, comma-separated",
    )
    parser.add_argument("--lang", choices=LANGUAGES, help="message language (default: config, then locale)")
    parser.add_argument("--strict", action="store_true", help="warnings and stale baseline entries fail the run too")
    parser.add_argument("--exit-zero", action="store_true", help="exit 0 even when problems are found")
    parser.add_argument("--config", metavar="FILE", help="use this config file instead of searching for one")
    parser.add_argument(
        "--max-file-size",
        metavar="SIZE",
        help='files larger than this are reported, not read (default: 1MiB; e.g. "2MiB")',
    )
    parser.add_argument(
        "--context",
        metavar="DIR",
        help="goal files that cross-file rules compare against without reporting them "
        "(default: config `context`, else goals/ under the config root when the paths "
        "are inside it)",
    )
    baseline = parser.add_mutually_exclusive_group()
    baseline.add_argument(
        "--baseline",
        metavar="FILE",
        help=f"hide the problems recorded in FILE (default: {DEFAULT_BASELINE} at the config root, when it exists)",
    )
    baseline.add_argument("--no-baseline", action="store_true", help="show every problem, recorded or not")
    # A flag, not `--write-baseline [FILE]`: `goals-lint --write-baseline goals/` must lint goals/.
    parser.add_argument(
        "--write-baseline",
        action="store_true",
        help=f"record the problems found now in the baseline (--baseline FILE, default: "
        f"{DEFAULT_BASELINE} at the config root) and exit 0",
    )
    parser.add_argument("--list-rules", action="store_true", help="list the rules and exit")
    parser.add_argument("--explain", metavar="RULE", help="print a rule's documentation and exit")
    parser.add_argument("--version", action="version", version=f"goals-lint {__version__}")
    # Read before parsing (an error may come first); listed here so that it is accepted.
    parser.add_argument("--debug", action="store_true", help="show the traceback of an internal error")
    return parser


def _split_selectors(values: Sequence[str] | None, option: str) -> list[str] | None:
    if values is None:
        return None
    selectors = [part.strip() for value in values for part in value.split(",") if part.strip()]
    for selector in selectors:
        if not rules_matching(selector):
            raise UsageError(CLI_UNKNOWN_SELECTOR, option=option, selector=selector)
    return selectors


def main(argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    argv = sys.argv[1:] if argv is None else list(argv)

    def say(message_id: str, **params: object) -> int:
        err.write(render(message_id, params, language_for_errors(argv)) + "\n")
        return EXIT_ERROR

    try:
        return _main(argv, out, err)
    except ConfigError as error:
        return say(CLI_CONFIG_ERROR, detail=ref(error.message_id, **error.params))
    except MessageError as error:  # usage, baseline, an output that cannot be written
        return say(CLI_ERROR, detail=ref(error.message_id, **error.params))
    except BrokenPipeError:
        # The reader (`| head`) left early: stop quietly, as other command-line tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FAILED
    except KeyboardInterrupt:
        return say(CLI_INTERRUPTED)
    except CheckCrashed as error:
        _show_traceback(argv, err)
        return say(CLI_INTERNAL_ERROR_IN_FILE, path=error.path, detail=error.detail)
    except Exception as error:  # a bug: say so briefly, never a bare traceback (unless asked)
        _show_traceback(argv, err)
        return say(CLI_INTERNAL_ERROR, detail=f"{type(error).__name__}: {error}")


def _show_traceback(argv: Sequence[str], err: TextIO) -> None:
    """With --debug or GOALS_LINT_DEBUG=1, the traceback of an internal error, for a bug report."""
    if "--debug" in argv or os.environ.get("GOALS_LINT_DEBUG") == "1":
        import traceback

        traceback.print_exc(file=err)


# Subcommands that convert published tables; everything else is linting.
TABLE_COMMANDS = ("import", "export")


def _main(argv: Sequence[str], out: TextIO, err: TextIO) -> int:
    if argv and argv[0] == "server":
        # The language server: pygls and lsprotocol load only for it.
        from validator.server.command import main as server_main

        return server_main(argv[1:], out, err)
    if argv and argv[0] in TABLE_COMMANDS:
        # Imported only when asked for: table formats must not slow down linting.
        from validator.table.cli import main as table_main

        return table_main(argv, out, err)
    args = _build_parser().parse_args(argv)
    config = load_config(args.config)
    lang = args.lang or config.lang or language_from_environment()

    if args.list_rules:
        _list_rules(config, lang, out)
        return EXIT_OK
    if args.explain:
        rule = find_rule(args.explain)
        if rule is None:
            raise UsageError(CLI_UNKNOWN_RULE, name=args.explain)
        from validator.docs import explanation  # only --explain reads the docs

        out.write(explanation(rule, lang))
        return EXIT_OK

    if args.max_file_size is not None:
        try:
            config = config._replace(max_file_size=parse_size(args.max_file_size))
        except ValueError:
            raise UsageError(CLI_BAD_SIZE) from None
    outputs = _outputs(args.format)

    selection = Selection.build(
        config,
        _split_selectors(args.select, "--select"),
        _split_selectors(args.ignore, "--ignore") or (),
    )
    paths = args.paths or list(DEFAULT_PATHS)
    files = goal_files(paths)

    result = lint_files(files, selection, context_files(args.context, config, paths, selection))
    result.root = repository_root(config.root)

    if args.write_baseline:
        return _write_baseline(args.baseline or os.path.join(config.root, DEFAULT_BASELINE), result, lang, err)
    stale: list[Stale] = []
    baseline_path = None if args.no_baseline else baseline_file(args.baseline, config)
    if baseline_path is not None:
        stale = apply_baseline_file(baseline_path, result)

    for name, target in outputs:
        if target is None:
            get_reporter(name)(result, lang, out, strict=args.strict, err=err)
    for name, target in outputs:
        if target is not None:
            _write_report(name, target, result, lang, strict=args.strict, err=err)
    if stale:
        _say_stale(stale, result, lang, err)

    if args.exit_zero:
        return EXIT_OK
    failing = {Severity.ERROR, Severity.WARNING} if args.strict else {Severity.ERROR}
    if any(d.severity in failing for d in result.diagnostics) or (args.strict and stale):
        return EXIT_FAILED
    return EXIT_OK


def _outputs(values: Sequence[str] | None) -> list[tuple[str, str | None]]:
    """``--format`` values as (format, file or None for the console).

    The console always gets one report: the format given without a file, else
    text, or GitHub annotations when running in GitHub Actions.
    """
    outputs: list[tuple[str, str | None]] = []
    console: str | None = None
    files: dict[str, str] = {}  # each output file, as the OS sees it, and the --format value that names it
    for value in values or ():
        name, colon, target = value.partition(":")
        if name not in REPORTER_MODULES:
            raise UsageError(CLI_UNKNOWN_FORMAT, format=name, known=", ".join(REPORTER_MODULES))
        if colon and not target:
            raise UsageError(CLI_FORMAT_WITHOUT_FILE, format=name)
        if not colon:
            if console is not None:
                raise UsageError(CLI_TWO_CONSOLE_OUTPUTS, first=console, second=name)
            console = name
        else:
            # `x.json`, `./x.json` and a link to it are one file: the second report would replace the first.
            same = os.path.normcase(os.path.realpath(target))
            if same in files:
                raise UsageError(CLI_SAME_OUTPUT_FILE, first=files[same], second=value, path=target)
            files[same] = value
        outputs.append((name, target or None))
    if console is None:
        default = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
        outputs.insert(0, (default, None))
    return outputs


def _write_report(name: str, target: str, result: LintResult, lang: str, *, strict: bool, err: TextIO) -> None:
    buffer = io.StringIO()
    get_reporter(name)(result, lang, buffer, strict=strict, err=err)
    try:
        # CI jobs name report folders that do not exist yet (`reports/goals.sarif`).
        os.makedirs(os.path.dirname(os.path.abspath(target)), exist_ok=True)
        write_text_atomically(target, buffer.getvalue())
    except OSError as error:
        raise OutputError(REPORT_CANNOT_WRITE, path=target, reason=error.strerror or str(error)) from None


def _say_stale(stale: list[Stale], result: LintResult, lang: str, err: TextIO) -> None:
    stale_count = counted(ENTRY, len(stale))
    err.write(render(BASELINE_STALE, {"path": result.baseline_path, "count": stale_count}, lang) + "\n")
    for problem, entry, missing in stale:
        times = f" ×{missing}" if missing > 1 else ""
        message = entry_message(problem, lang, entry.params)
        err.write(f"  {problem.file}: {problem.code} {message} [{entry.rule or problem.code}]{times}\n")


def _write_baseline(path: str, result: LintResult, lang: str, err: TextIO) -> int:
    try:
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        problems, entries = write_baseline(path, result.diagnostics, result.root, result.paths)
    except OSError as error:
        raise OutputError(REPORT_CANNOT_WRITE, path=path, reason=error.strerror or str(error)) from None
    params = {
        "path": shown_path(path),
        "problems": counted(PROBLEM, problems),
        "entries": counted(ENTRY, entries),
    }
    err.write(render(BASELINE_WRITTEN, params, lang) + "\n")
    return EXIT_OK


def _list_rules(config: Config, lang: str, out: TextIO) -> None:
    for rule in RULES:
        severity = config.severity.get(rule.code, rule.default_severity).value
        out.write(f"{rule.code}  {rule.slug:<24} {severity:<8} {rule.summary[lang]}\n")


def run() -> None:
    """Console-script entry point."""
    # A console that cannot show a character (a GBK terminal and `≥`) must not crash the report.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    raise SystemExit(main())
