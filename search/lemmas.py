"""Words to lemmas, per language, for the index and for queries alike (simplemma's dictionaries).

Slovenian inflects nouns in six cases: "posvetovanja", "posvetovanju" and "posvetovanje" all
become the lemma "posvetovanje", so a search for one form finds the others. Both the indexed
text and the query go through `lemmas()`, so they always agree. A word is a run of letters and
digits (no underscore, no hyphen), which PostgreSQL's parser and SQLite's unicode61 tokenizer
both keep as one token: the two engines then see the same lemmas.
"""

import re
from collections.abc import Iterator
from functools import lru_cache

import simplemma

WORD = re.compile(r"[^\W_]+")
# A query longer than this many words is cut here (each word is one more index condition).
MAX_QUERY_WORDS = 12
# Languages whose words the dictionary lacks more often are also cut to a known stem
# (simplemma's greedy mode: Slovenian "posvetovanjem" and "posvetovanjih" too become
# "posvetovanje"); English is looked up as written.
GREEDY = frozenset({"sl"})


@lru_cache(maxsize=65536)
def lemma(word: str, language: str) -> str:
    """The dictionary form of `word` in `language`, lower-cased (the word itself if unknown)."""
    return simplemma.lemmatize(word.lower(), lang=language, greedy=language in GREEDY).lower()


def words(text: str) -> Iterator[re.Match]:
    return WORD.finditer(text)


def lemmas(text: str, language: str) -> list[str]:
    """The lemma of each word of `text`, in order."""
    return [lemma(match.group(), language) for match in words(text)]


def query_lemmas(query: str, language: str) -> list[str]:
    """The distinct lemmas of a query, in order, at most MAX_QUERY_WORDS."""
    found = dict.fromkeys(lemmas(query, language))
    return list(found)[:MAX_QUERY_WORDS]
