"""``goals-lint server``: the rules in the editor, as a Language Server over stdio.

The parts that know nothing of the protocol library are plain modules, tested as such:
``session`` (open documents, linted exactly as the command line lints files: same
config, context folder and baseline), ``positions`` (line:column to the editor's
units), ``suppress`` (the "disable here" edit), ``hover`` and ``completion``. ``app``
wires them to pygls and lsprotocol, which only ``goals-lint server`` imports.
"""
