"""``python -m chancery``: the same as the ``chancery`` console script."""

from chancery.cli import main

main()
