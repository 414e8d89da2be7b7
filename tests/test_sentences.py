"""Sentences as answers quote them and the index embeds them."""

from __future__ import annotations

import pytest

from ingest.sentences import paragraph_sentences, split_sentences


def test_abbreviations_do_not_end_a_sentence():
    assert split_sentences("Mr. Jones met the DfE. See para 5.3 for details.") == [
        "Mr. Jones met the DfE.",
        "See para 5.3 for details.",
    ]


@pytest.mark.parametrize(
    "text, label",
    [("117. Very high use of agency staff. Morale is good.", "117"),
     ("5.1 Very high use of agency staff. Morale is good.", "5.1"),
     ("61.\nVery high use of agency staff. Morale is good.", "61")],
)  # fmt: skip
def test_the_printed_number_is_not_quoted_as_a_sentence(text, label):
    assert paragraph_sentences(text, label) == [
        "Very high use of agency staff.",
        "Morale is good.",
    ]
