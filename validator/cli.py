"""The command line: ``goals-lint [PATH ...]``.

Exit codes: 0 nothing failing; 1 failing diagnostics (unreadable files included);
2 usage or configuration error, no files found, or an internal error.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Sequence, TextIO

from validator import __version__
from validator.config import Config, ConfigError, load_config, parse_size
from validator.diagnostics import Severity
from validator.linter import CheckCrashed, Selection, discover, lint_files
from validator.messages import LANGUAGES, language_from_environment, ref, render
from validator.registry import RULES, find_rule, rules_matching
from validator.reporters import REPORTERS

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_ERROR = 2
DEFAULT_PATHS = ("goals",)


class UsageError(Exception):
    """A mistake on the command line, as a message id and parameters."""

    def __init__(self, message_id: str, **params: object) -> None:
        super().__init__(message_id, params)
        self.message_id = message_id
        self.params = params


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        # argparse would exit; main() must return the code instead.
        raise UsageError("cli.usage", detail=message)


def _build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="goals-lint",
        description="Check performance-goal files (项目支出绩效目标) against the schema and compliance rules.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="goal files or folders (searched for *.yaml, *.yml); default: goals/")
    parser.add_argument("--format", choices=sorted(REPORTERS), default="text", help="output format")
    parser.add_argument("--select", action="append", default=None, metavar="RULES",
                        help="only these rules: codes, code prefixes or names, comma-separated")
    parser.add_argument("--ignore", action="append", default=[], metavar="RULES",
                        help="skip these rules: codes, code prefixes or names, comma-separated")
    parser.add_argument("--lang", choices=LANGUAGES, help="message language (default: config, then locale)")
    parser.add_argument("--strict", action="store_true", help="warnings fail the run too")
    parser.add_argument("--exit-zero", action="store_true", help="exit 0 even when problems are found")
    parser.add_argument("--config", metavar="FILE",
                        help="use this config file instead of searching for one")
    parser.add_argument("--max-file-size", metavar="SIZE", help='skip larger files (e.g. "2MiB")')
    parser.add_argument("--list-rules", action="store_true", help="list the rules and exit")
    parser.add_argument("--explain", metavar="RULE", help="print a rule's documentation and exit")
    parser.add_argument("--version", action="version", version=f"goals-lint {__version__}")
    return parser


def _split_selectors(values: Sequence[str] | None, option: str) -> list[str] | None:
    if values is None:
        return None
    selectors = [part.strip() for value in values for part in value.split(",") if part.strip()]
    for selector in selectors:
        if not rules_matching(selector):
            raise UsageError("cli.unknown_selector", option=option, selector=selector)
    return selectors


def main(argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    argv = sys.argv[1:] if argv is None else list(argv)

    def say(message_id: str, **params: object) -> int:
        err.write(render(message_id, params, _language_for_errors(argv)) + "\n")
        return EXIT_ERROR

    try:
        return _main(argv, out, err)
    except UsageError as error:
        return say("cli.error", detail=ref(error.message_id, **error.params))
    except ConfigError as error:
        return say("cli.config_error", detail=ref(error.message_id, **error.params))
    except BrokenPipeError:
        # The reader (`| head`) left early: stop quietly, as other command-line tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_FAILED
    except KeyboardInterrupt:
        return say("cli.interrupted")
    except CheckCrashed as error:
        return say("cli.internal_error_in_file", path=error.path, detail=error.detail)
    except Exception as error:  # a bug: say so briefly, never a bare traceback
        return say("cli.internal_error", detail=f"{type(error).__name__}: {error}")


def _language_for_errors(argv: Sequence[str]) -> str:
    """--lang if the command line has it, else the locale: the config may be what failed."""
    for index, argument in enumerate(argv):
        if argument.startswith("--lang="):
            value = argument.split("=", 1)[1]
        elif argument == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        else:
            continue
        if value in LANGUAGES:
            return value
    return language_from_environment()


# Subcommands that convert published tables; everything else is linting.
TABLE_COMMANDS = ("import", "export")


def _main(argv: Sequence[str], out: TextIO, err: TextIO) -> int:
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
            raise UsageError("cli.unknown_rule", name=args.explain)
        out.write(f"{rule.code} {rule.slug}: {rule.summary[lang]}\n\n{rule.doc.strip()}\n")
        return EXIT_OK

    if args.max_file_size is not None:
        try:
            config = config._replace(max_file_size=parse_size(args.max_file_size))
        except ValueError:
            raise UsageError("cli.bad_size") from None

    selection = Selection.build(
        config,
        _split_selectors(args.select, "--select"),
        _split_selectors(args.ignore, "--ignore") or (),
    )
    paths = args.paths or list(DEFAULT_PATHS)
    try:
        files = discover(paths)
    except FileNotFoundError as missing:
        raise UsageError("cli.path_missing", path=str(missing)) from None
    if not files:
        raise UsageError("cli.no_files", paths=" ".join(paths))

    result = lint_files(files, selection)
    REPORTERS[args.format](result, lang, out)

    if args.exit_zero:
        return EXIT_OK
    failing = {Severity.ERROR, Severity.WARNING} if args.strict else {Severity.ERROR}
    return EXIT_FAILED if any(d.severity in failing for d in result.diagnostics) else EXIT_OK


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
