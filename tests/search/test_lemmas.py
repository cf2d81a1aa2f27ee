"""Lemmas of Slovenian and English words: an inflected form and its dictionary form agree."""

import pytest

from search.lemmas import lemmas, query_lemmas


@pytest.mark.parametrize(
    "form",
    [
        "posvetovanja",
        "posvetovanju",
        "posvetovanjem",
        "posvetovanjih",
        "posvetovanj",
        "Posvetovanje",
    ],
)
def test_slovenian_inflections_share_the_lemma_of_posvetovanje(form):
    assert lemmas(form, "sl") == ["posvetovanje"]


def test_english_plurals_and_verb_forms_become_their_dictionary_form():
    assert lemmas("Consultations were running", "en") == ["consultation", "be", "run"]


def test_underscores_and_hyphens_separate_words_as_both_engines_do():
    assert lemmas("zakon_2024 e-pošta", "sl") == ["zakon", "2024", "e", "pošta"]


def test_a_query_keeps_each_lemma_once_in_order():
    assert query_lemmas("zakona zakon o zakonu", "sl") == ["zakon", "o"]
