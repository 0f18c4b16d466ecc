"""`python -m bot` is `feedwatch run`."""

import sys

from bot.cli.main import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["run"]))
