"""``python -m essgraph.cli``: the command line."""
from essgraph.cli import main

if __name__ == "__main__":
    main()
