"""goals-lint: a rules-based compliance validator for government performance goals."""

__version__ = "0.1.0"
