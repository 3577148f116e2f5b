"""The worked examples say whose numbers they show (issue 17): the book is named where its
figure is cited, and values chosen here are said to be."""

from explorer.engine.conv_examples import CONV_EXAMPLES, POOL_EXAMPLES


def test_every_example_names_the_book_and_whose_numbers_it_shows():
    for ex in CONV_EXAMPLES + POOL_EXAMPLES:
        text = ex.description
        figure = text.index("Figure 7-")
        assert text.index("Deep Learning from Scratch") - figure < 20, ex.key  # cited together
        assert "chapter 7" in text and "book's" in text, ex.key
        if ex.expected is None:          # the book prints no result: the values are ours
            assert "chosen here" in text, ex.key
        else:
            assert "chosen here" not in text, ex.key
