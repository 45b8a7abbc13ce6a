"""Published tables (项目支出绩效目标表) in and out of goal files.

``goals-lint import`` reads the table as published — the PDF's extracted text, or a
CSV/XLSX sheet — and writes one goal file per project; ``goals-lint export`` writes
the published table again from goal files. Nothing here is imported by plain linting:
``validator.cli`` loads this package only for the two subcommands.
"""
