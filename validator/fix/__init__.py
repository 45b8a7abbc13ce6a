"""Fixing goal files: ``--fix``, ``--unsafe-fixes`` and ``--diff``.

A rule attaches a ``Fix`` to its problem (``validator.diagnostics``): how safe it is,
a message saying what it does, and its edits — in terms of the data (``SetValue``,
``RenameKey``) for rules that see data, as text (``TextEdit``) for comments and for
what keeps YAML from reading a file. The modules here, each loaded only when a file
has something to fix:

- ``text_edits``: every edit as replacements of line:column ranges in the file's text
  (what SARIF's ``replacements`` and an editor's text edits need), and applying them;
- ``lexical``: the typing slips that stop YAML from reading a file, and their fix;
- ``verify``: the safety net — the fixed text must read back (with goals-lint's reader
  and with ruamel.yaml), hold the same data but for the fields the fixes meant to
  change, and keep every comment;
- ``engine``: fixing one text until nothing applicable is left, and one file on disk
  (read, fix, write atomically, or keep its diff);
- ``diff``: the unified diff ``--diff`` prints.

This ``__init__`` imports nothing, so that ``validator.fix.lexical`` can be loaded
by the linter without the engine.
"""
