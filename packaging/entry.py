"""The frozen program's entry script: PyInstaller needs a file, not an entry point."""

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
