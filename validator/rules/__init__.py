"""One module per rule; each defines ``RULE`` and documents itself in its docstring."""
