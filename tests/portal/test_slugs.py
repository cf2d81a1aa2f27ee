from inepa_portal.slugs import transliterated_slug, unique_slug


def test_slovenian_letters_are_transliterated():
    assert transliterated_slug("Čas za žabe, šČ in đake ćuk") == "cas-za-zabe-sc-in-dake-cuk"


def test_capital_slovenian_letters_are_transliterated():
    assert transliterated_slug("ŽUPAN ČRNOMELJ ŠOŠTANJ ĐURĐA ĆIRIL") == (
        "zupan-crnomelj-sostanj-durda-ciril"
    )


def test_taken_slug_gets_a_number():
    taken = {"e-uprava", "e-uprava-2"}

    assert unique_slug("E-uprava", is_taken=taken.__contains__) == "e-uprava-3"


def test_title_without_letters_still_gets_a_slug():
    assert unique_slug("!!!", is_taken=lambda slug: False) == "untitled"


def test_long_titles_are_cut_without_a_trailing_hyphen():
    slug = unique_slug("a " * 300, is_taken={"a-" * 99 + "a"}.__contains__, max_length=199)

    assert len(slug) <= 199
    assert slug.endswith("-2")
    assert "--" not in slug
