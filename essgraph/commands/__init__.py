"""CLI commands, one module per area; each module exports ``COMMANDS``."""
