"""`python -m lhasa_news` is the `lhasa-news` command."""

from lhasa_news.cli import main

main()
