"""`python -m explorer` / the `cnn-explorer` entry point."""

import sys


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv:
        from explorer.cli import main as cli_main

        return cli_main(argv)
    from explorer.app import run_app

    return run_app()


if __name__ == "__main__":
    sys.exit(main())
