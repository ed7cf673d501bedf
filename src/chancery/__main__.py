"""``python -m chancery``: the same as the ``chancery`` console script."""

from chancery.cli import main

if __name__ == "__main__":  # worker processes import this module again; only the parent runs the CLI
    main()
