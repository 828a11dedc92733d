"""How the words of an article are looked up in the lexicons: the keys names are folded to.

Every lexicon of actors and places (countries, organisations, institutions, titles, sectors, US
states, regions, GeoNames cities) is indexed by `key` (case, accents, curly quotes, a leading "the"
and a trailing 's folded away); short all-capital forms (US, U.S., NATO, G7) are indexed as written
(`is_abbreviation`, `exact_form`) so that "us" is never the United States.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from timeline.data import read_table

# Lookups of words and phrases are memoised: an article asks for the same few thousand again and
# again (every n-gram of a capitalised word, every title candidate), and the answers never change.
MEMO_SIZE = 1 << 16


def word_set(name: str) -> frozenset[str]:
    """The words a data file lists, one a row (its first column)."""
    return frozenset(row[0] for row in read_table(name))


def split_cell(cell: str) -> list[str]:
    """The items of a data file's cell that lists several, separated by semicolons."""
    return [part.strip() for part in cell.split(";") if part.strip()]


def optional_cell(cell: str) -> str | None:
    """A data file's cell that may be empty or "-" (nothing)."""
    return None if cell in ("", "-") else cell


@lru_cache(maxsize=MEMO_SIZE)
def key(text: str) -> str:
    """A lookup key: accents, case, curly quotes, a leading "the" and a trailing 's dropped."""
    if not text.isascii():
        text = plain(text)
    text = " ".join(text.lower().split())
    text = text.strip(' ,;:"()[]')
    if text.startswith("the "):
        text = text[4:]
    if text.endswith("'s"):
        text = text[:-2].rstrip()
    elif text.endswith("'"):
        text = text[:-1].rstrip()
    return text


def plain(text: str) -> str:
    """Accents dropped and typographic quotes and dashes made ASCII: "‘Afrīn" -> "'Afrin"."""
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    for fancy, simple in (("\u2019", "'"), ("\u2018", "'"), ("\u02bf", "'"), ("\u02bc", "'")):
        text = text.replace(fancy, simple)
    return text.replace("\u2013", "-").replace("\u2014", "-")


def is_abbreviation(text: str) -> bool:
    """All-capital short forms (US, U.S., UAE, NATO, G7) match only as written."""
    bare = text.replace(".", "").replace("-", "").replace(" ", "")
    return (
        bool(bare) and text.upper() == text and any(ch.isalpha() for ch in bare) and len(bare) <= 5
    )


@lru_cache(maxsize=MEMO_SIZE)
def exact_form(text: str) -> str:
    """A name as written, for the lookup of abbreviations: without "the" and a trailing 's."""
    text = text.replace("\u2019", "'").strip()
    if text.lower().startswith("the "):
        text = text[4:]
    if text.endswith("'s"):
        text = text[:-2]
    return text.strip()
