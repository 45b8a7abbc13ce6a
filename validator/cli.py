"""The command line: ``goals-lint [PATH ...]``.

Exit codes: 0 nothing failing; 1 failing diagnostics (unreadable files included);
2 usage or configuration error, no files found, or an internal error.
"""

from __future__ import annotations

import io
import os
import sys
from argparse import Namespace
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from validator import __version__
from validator.atomic import write_text_atomically
from validator.baseline import (
    BASELINE_STALE,
    BASELINE_WRITTEN,
    Baseline,
    Stale,
    apply_baseline,
    entry_message,
    load_baseline,
    write_baseline,
)
from validator.config import Config, parse_size
from validator.diagnostics import Diagnostic, Severity
from validator.errors import CheckCrashed, ConfigError, MessageError, OutputError, UsageError
from validator.linter import Fixer, Selection, lint_files
from validator.messages import ENTRY, FILE, PROBLEM, counted, define, ref, render
from validator.paths import repository_root, shown_path
from validator.project import DEFAULT_BASELINE, apply_baseline_to, baseline_file, context_files
from validator.registry import RULES, find_rule, rules_matching
from validator.reporters import REPORTER_MODULES, get_reporter
from validator.reporters.messages import REPORT_CANNOT_WRITE, SEVERITY_NAMES
from validator.result import LintResult
from validator.usage import (
    COMMANDS,
    HelpShown,
    Parser,
    ShowText,
    chosen_language,
    command_entry,
    config_for,
    goal_files,
    language_for_errors,
    split_command,
)

if TYPE_CHECKING:
    from validator.fix.engine import FileFixer

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
CLI_DIFF_WITH_REPORT = define(
    "cli.diff_with_report",
    zh="--diff 只输出修复前后的差异，不写报告，也不写基线；请去掉 {option}",
    en="--diff prints what --fix would change and writes no report or baseline; leave out {option}",
)
CLI_WOULD_FIX = define(
    "cli.would_fix",
    zh="--fix 会修复 {count} 个问题（{files} 个文件）。",
    en="--fix would fix {count} in {files}.",
)
CLI_NOTHING_TO_FIX = define(
    "cli.nothing_to_fix",
    zh="没有 --fix 可以修复的问题。",
    en="Nothing for --fix to fix.",
)

CLI_USAGE_LINE = define(
    "cli.usage_line",
    zh="goals-lint [选项] [PATH ...]\n      goals-lint {{{commands}}} ...",
    en="goals-lint [options] [PATH ...]\n       goals-lint {{{commands}}} ...",
)
CLI_DESCRIPTION = define(
    "cli.description",
    zh="按目标文件的结构（JSON Schema）和合规规则检查项目支出绩效目标文件，把每个问题指到具体的行和列。",
    en="Check performance-goal files (项目支出绩效目标) against the goal-file schema and the compliance "
    "rules;\nevery problem is reported at its line and column.",
)
CLI_COMMANDS_TITLE = define(
    "cli.commands_title",
    zh="命令：",
    en="commands:",
)
CLI_COMMANDS_NOTE = define(
    "cli.commands_note",
    zh="不写命令时检查给出的路径；“goals-lint 命令 --help”显示该命令的帮助。",
    en="Without a command, the paths given are checked; `goals-lint COMMAND --help` shows a command's help.",
)
HELP_PATHS = define(
    "cli.help.paths",
    zh="要检查的目标文件或文件夹（在文件夹中查找 *.yaml、*.yml）；默认：goals/",
    en="goal files or folders (searched for *.yaml, *.yml); default: goals/",
)
HELP_FORMAT = define(
    "cli.help.format",
    zh="输出格式（{formats}）：只写格式时输出到控制台，写成 FORMAT:FILE 时写入文件；可重复使用以同时输出多种格式。"
    "默认：text（在 GitHub Actions 中，即 GITHUB_ACTIONS=true 时为 github）",
    en="output format ({formats}), to the console or, as FORMAT:FILE, to a file; repeat for several outputs. "
    "Default: text (github when GITHUB_ACTIONS=true)",
)
HELP_SELECT = define(
    "cli.help.select",
    zh="只运行这些规则：规则代码、代码前缀或规则名称，用逗号分隔（例如 GL1,schema）",
    en="only these rules: codes, code prefixes or names, comma-separated (e.g. GL1,schema)",
)
HELP_IGNORE = define(
    "cli.help.ignore",
    zh="跳过这些规则：规则代码、代码前缀或规则名称，用逗号分隔",
    en="skip these rules: codes, code prefixes or names, comma-separated",
)
HELP_STRICT = define(
    "cli.help.strict",
    zh="警告和基线中过时的记录也算作失败（退出码 1）",
    en="warnings and stale baseline entries fail the run too (exit code 1)",
)
HELP_EXIT_ZERO = define(
    "cli.help.exit_zero",
    zh="即使发现问题也以退出码 0 结束：只报告，不判失败（JUnit 报告中也没有失败的测试）",
    en="exit 0 even when problems are found: report them, fail nothing (a JUnit report then has no failed test)",
)
HELP_CONFIG = define(
    "cli.help.config",
    zh="使用这个配置文件，而不是自动查找 .goals-lint.toml 或 pyproject.toml",
    en="use this config file instead of searching for .goals-lint.toml or pyproject.toml",
)
HELP_MAX_FILE_SIZE = define(
    "cli.help.max_file_size",
    zh="超过这个大小的文件只报告、不读取（默认 1MiB；例如 2MiB）",
    en="files larger than this are reported, not read (default: 1MiB; e.g. 2MiB)",
)
HELP_CONTEXT = define(
    "cli.help.context",
    zh="跨文件规则用来比对、但不报告其问题的目标文件夹（默认：配置中的 context；"
    "若给出的路径都在配置根目录的 goals/ 下，则为 goals/）",
    en="goal files that cross-file rules compare against without reporting them (default: the config's "
    "context, else goals/ under the config root when the paths are inside it)",
)
HELP_BASELINE = define(
    "cli.help.baseline",
    zh="隐藏基线文件中记录的已知问题（默认：配置根目录下的 {default}，存在时）",
    en="hide the problems recorded in this baseline file (default: {default} at the config root, when it exists)",
)
HELP_NO_BASELINE = define(
    "cli.help.no_baseline",
    zh="不使用基线，显示所有问题",
    en="show every problem, recorded in a baseline or not",
)
HELP_WRITE_BASELINE = define(
    "cli.help.write_baseline",
    zh="把当前发现的问题记录到基线文件（--baseline 指定，默认为配置根目录下的 {default}），然后以 0 退出",
    en="record the problems found now in the baseline (--baseline FILE, default: {default} at the config root) "
    "and exit 0",
)
HELP_FIX = define(
    "cli.help.fix",
    zh="自动修复可以安全修复的问题（写回文件），然后报告剩下的问题",
    en="apply the safe fixes to the files, then report what is left",
)
HELP_UNSAFE_FIXES = define(
    "cli.help.unsafe_fixes",
    zh="与 --fix 或 --diff 一起使用时，也应用需要人工确认的修复；单独使用时，只把它们计为可修复",
    en="with --fix or --diff, apply the unsafe fixes too (changes a reviewer should look at); alone, "
    "count them as fixable",
)
HELP_DIFF = define(
    "cli.help.diff",
    zh="只输出 --fix 会做的修改（统一差异格式），不写任何文件；有修改时退出码为 1，否则为 0",
    en="print a unified diff of what --fix would change and write nothing; exit 1 if there is something "
    "to change, else 0",
)
HELP_LIST_RULES = define(
    "cli.help.list_rules",
    zh="列出所有规则（代码、名称、级别、说明）后退出",
    en="list the rules (code, name, severity, summary) and exit",
)
HELP_EXPLAIN = define(
    "cli.help.explain",
    zh="显示一条规则的说明文档（含错误示例和正确写法）后退出",
    en="print a rule's documentation (with a failing and a passing example) and exit",
)
HELP_VERSION = define(
    "cli.help.version",
    zh="显示版本号后退出",
    en="print the version and exit",
)


EXIT_OK = 0
EXIT_FAILED = 1
EXIT_ERROR = 2
DEFAULT_PATHS = ("goals",)
# The folder of goal files under the config root: its files are the context of
# cross-file rules when only some of them are checked (pre-commit's changed files).


def _build_parser(lang: str) -> Parser:
    parser = Parser(
        prog="goals-lint",
        lang=lang,
        usage=render(CLI_USAGE_LINE, {"commands": ",".join(command.name for command in COMMANDS)}, lang),
        description=_description(lang),
    )
    say = parser.say
    parser.add_argument("paths", nargs="*", metavar="PATH", help=say(HELP_PATHS))
    parser.add_argument(
        "--format",
        action="append",
        default=None,
        metavar="FORMAT[:FILE]",
        help=say(HELP_FORMAT, formats=", ".join(REPORTER_MODULES)),
    )
    parser.add_argument("--select", action="append", default=None, metavar="RULES", help=say(HELP_SELECT))
    parser.add_argument("--ignore", action="append", default=[], metavar="RULES", help=say(HELP_IGNORE))
    parser.add_common_options()
    parser.add_argument("--strict", action="store_true", help=say(HELP_STRICT))
    parser.add_argument("--exit-zero", action="store_true", help=say(HELP_EXIT_ZERO))
    parser.add_argument("--config", metavar="FILE", help=say(HELP_CONFIG))
    parser.add_argument("--max-file-size", metavar="SIZE", help=say(HELP_MAX_FILE_SIZE))
    parser.add_argument("--context", metavar="DIR", help=say(HELP_CONTEXT))
    baseline = parser.add_mutually_exclusive_group()
    baseline.add_argument("--baseline", metavar="FILE", help=say(HELP_BASELINE, default=DEFAULT_BASELINE))
    baseline.add_argument("--no-baseline", action="store_true", help=say(HELP_NO_BASELINE))
    # A flag, not `--write-baseline [FILE]`: `goals-lint --write-baseline goals/` must lint goals/.
    parser.add_argument(
        "--write-baseline", action="store_true", help=say(HELP_WRITE_BASELINE, default=DEFAULT_BASELINE)
    )
    parser.add_argument("--fix", action="store_true", help=say(HELP_FIX))
    parser.add_argument("--unsafe-fixes", action="store_true", help=say(HELP_UNSAFE_FIXES))
    parser.add_argument("--diff", action="store_true", help=say(HELP_DIFF))
    parser.add_argument("--list-rules", action="store_true", help=say(HELP_LIST_RULES))
    parser.add_argument("--explain", metavar="RULE", help=say(HELP_EXPLAIN))
    parser.add_argument("--version", action=ShowText, const=f"goals-lint {__version__}\n", help=say(HELP_VERSION))
    return parser


def _description(lang: str) -> str:
    """What goals-lint does, then its commands (argparse cannot list commands beside an
    optional list of paths: it would read `goals/` as an unknown command)."""
    width = max(len(command.name) for command in COMMANDS)
    commands = [f"  {command.name:<{width}}  {render(command.summary, {}, lang)}" for command in COMMANDS]
    parts = [render(CLI_DESCRIPTION, {}, lang), "", render(CLI_COMMANDS_TITLE, {}, lang), *commands]
    return "\n".join([*parts, "", render(CLI_COMMANDS_NOTE, {}, lang)])


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
        command, arguments = split_command(argv)
        if command is not None:
            return int(command_entry(command)(arguments, out, err))
        return _main(argv, out, err)
    except HelpShown as shown:
        out.write(shown.text)
        return EXIT_OK
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


def _main(argv: Sequence[str], out: TextIO, err: TextIO) -> int:
    found_config, config_error = config_for(argv)
    lang = chosen_language(argv, found_config)
    args = _build_parser(lang).parse_args(argv)
    if config_error is not None:  # after the command line's own mistakes
        raise config_error
    assert found_config is not None
    config = found_config

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
    if args.diff and (args.format or args.write_baseline):
        raise UsageError(CLI_DIFF_WITH_REPORT, option="--format" if args.format else "--write-baseline")
    paths = args.paths or list(DEFAULT_PATHS)
    files = goal_files(paths)
    context = context_files(args.context, config, paths, selection)
    root = repository_root(config.root)
    baseline = None
    if not args.no_baseline and not args.write_baseline:
        baseline_path = baseline_file(args.baseline, config)
        baseline = load_baseline(baseline_path) if baseline_path is not None else None

    fixer = _fixer(args, selection, baseline, root)
    result, stale = _lint(files, selection, context, root, baseline, fixer)
    if fixer is not None and fixer.add_pending(result.diagnostics):
        # Fixes only the whole run finds (a suppression that hid a cross-file problem): once more.
        result, stale = _lint(files, selection, context, root, baseline, fixer)
    result.unsafe_fixes = args.unsafe_fixes
    if fixer is not None:
        for note in fixer.notes(lang):
            err.write(note + "\n")
        if args.diff:
            return _show_diff(fixer, lang, out, err)
        fixed = fixer.fixed()
        result.fixed = sum(len(outcome.applied) for outcome in fixed)
        result.files_fixed = len(fixed)

    if args.write_baseline:
        return _write_baseline(args.baseline or os.path.join(config.root, DEFAULT_BASELINE), result, lang, err)

    result.failing = _failing_severities(strict=args.strict, exit_zero=args.exit_zero)
    for name, target in outputs:
        if target is None:
            get_reporter(name)(result, lang, out, err=err)
    for name, target in outputs:
        if target is not None:
            _write_report(name, target, result, lang, err=err)
    if stale:
        _say_stale(stale, result, lang, err)

    if args.exit_zero:
        return EXIT_OK
    if any(d.severity in result.failing for d in result.diagnostics) or (args.strict and stale):
        return EXIT_FAILED
    if fixer is not None and fixer.failed():
        return EXIT_FAILED  # asked to fix, and a file could not be written
    return EXIT_OK


def _fixer(args: Namespace, selection: Selection, baseline: Baseline | None, root: str) -> FileFixer | None:
    """The fix engine, for --fix and --diff; it fixes what the run would show (not what the
    baseline hides)."""
    if not (args.fix or args.diff):
        return None
    from validator.fix.engine import FileFixer  # only a run that fixes loads it

    shown = None
    if baseline is not None:

        def shown(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
            if not diagnostics:
                return diagnostics
            return apply_baseline(baseline, diagnostics, root, {d.path for d in diagnostics}).shown

    return FileFixer(selection, unsafe=args.unsafe_fixes, write=not args.diff, shown=shown)


def _lint(
    files: list[str],
    selection: Selection,
    context: list[str],
    root: str,
    baseline: Baseline | None,
    fixer: Fixer | None,
) -> tuple[LintResult, list[Stale]]:
    result = lint_files(files, selection, context, fixer)
    result.root = root
    stale = apply_baseline_to(baseline, result) if baseline is not None else []
    return result, stale


def _show_diff(fixer: FileFixer, lang: str, out: TextIO, err: TextIO) -> int:
    """--diff: the diff of every file --fix would change, and how many problems it would fix."""
    from validator.fix.diff import unified_diff

    changed = fixer.fixed()
    for outcome in changed:
        out.write(unified_diff(outcome.path, outcome.before, outcome.after, outcome.encoding))
    count = sum(len(outcome.applied) for outcome in changed)
    if changed:
        params = {"count": counted(PROBLEM, count), "files": counted(FILE, len(changed))}
        err.write(render(CLI_WOULD_FIX, params, lang) + "\n")
        return EXIT_FAILED
    err.write(render(CLI_NOTHING_TO_FIX, {}, lang) + "\n")
    return EXIT_OK


def _failing_severities(*, strict: bool, exit_zero: bool) -> frozenset[Severity]:
    """What fails the run, for the exit code and for reports that show failures (JUnit)."""
    if exit_zero:
        return frozenset()
    return frozenset({Severity.ERROR, Severity.WARNING}) if strict else frozenset({Severity.ERROR})


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


def _write_report(name: str, target: str, result: LintResult, lang: str, *, err: TextIO) -> None:
    buffer = io.StringIO()
    get_reporter(name)(result, lang, buffer, err=err)
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
        severity = config.severity.get(rule.code, rule.default_severity)
        shown = render(SEVERITY_NAMES[severity], {}, lang)
        # Padded by display width: a Chinese severity name is two columns a character.
        padding = " " * (8 - len(shown) * (2 if lang == "zh" else 1))
        fix_label = rule.fix_label()
        fixes = f"  [{render(fix_label, {}, lang)}]" if fix_label is not None else ""
        out.write(f"{rule.code}  {rule.slug:<24} {shown}{padding} {rule.summary[lang]}{fixes}\n")


def run() -> None:
    """Console-script entry point."""
    # A console that cannot show a character (a GBK terminal and `≥`) must not crash the report.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    raise SystemExit(main())
