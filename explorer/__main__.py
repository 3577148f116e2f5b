"""`python -m explorer` / the `cnn-explorer` entry point.

No arguments (or only ``--lang zh_CN|en``) start the app; anything else is a CLI command
(which reads ``--lang`` itself)."""

import sys


def main(argv=None) -> int:
    from explorer.language import split_lang_option

    argv = sys.argv[1:] if argv is None else list(argv)
    language, rest = split_lang_option(argv)
    if rest:
        from explorer.cli import main as cli_main

        return cli_main(argv)
    from explorer.app import run_app

    return run_app(language=language)


if __name__ == "__main__":
    sys.exit(main())
