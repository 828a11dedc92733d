"""Which CAMEO event types a filter selects: `--type` as an analyst writes it.

    --type 04            a code or a prefix of codes (04 is every code of the root Consult)
    --type 18,19,20      a comma list: any of them
    --type '!01'         an exclusion: every event but these (statements, here)
    --type '19,!195'     both: fights, but not aerial weapons
    --type visit         words of a label: the codes whose label has every word ("Make a visit",
                         "Host a visit")

Codes are checked against CAMEO's own list (timeline/data/cameo_codes.tsv): a code that is no
CAMEO code or prefix of one (99), or words that are in no label, are an error that says what
would be valid, never a filter that silently selects nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from timeline.data import read_table
from timeline.errors import UsageError

FORMS = (
    "give CAMEO codes or prefixes (04, 042), a comma list (18,19,20), exclusions ('!01') "
    "or words of a label (visit)"
)


@dataclass(frozen=True)
class TypeSelection:
    """Code prefixes an event's code must start with (any of them; none: every code) and
    prefixes it must not start with."""

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()


@cache
def cameo_labels() -> dict[str, str]:
    """Every CAMEO code (roots included) and its label."""
    return {row[0]: row[1] for row in read_table("cameo_codes.tsv")}


def codes_with_words(words: str) -> list[str]:
    """The codes whose label holds every one of these words (case-insensitive), sorted."""
    wanted = words.casefold().split()
    return sorted(
        code
        for code, label in cameo_labels().items()
        if all(word in label.casefold() for word in wanted)
    )


def parse_types(text: str) -> TypeSelection:
    """The selection a `--type` value names; raises UsageError for a code that is not CAMEO, words
    that are in no label, or nothing at all."""
    include: list[str] = []
    exclude: list[str] = []
    items = [item.strip() for item in text.split(",")]
    if not any(item.lstrip("!").strip() for item in items):
        raise UsageError(f"--type {text!r}: nothing to select; {FORMS}")
    codes = cameo_labels()
    for item in items:
        negated = item.startswith("!")
        item = item.lstrip("!").strip()
        if not item:
            continue
        if item.isdigit():
            if not any(code.startswith(item) for code in codes):
                raise UsageError(f"--type {item}: not a CAMEO code or prefix; {FORMS}")
            found = [item]
        else:
            found = codes_with_words(item)
            if not found:
                raise UsageError(f"--type {item!r}: no CAMEO label has these words; {FORMS}")
        (exclude if negated else include).extend(found)
    return TypeSelection(include=_shortest(include), exclude=_shortest(exclude))


def _shortest(prefixes: list[str]) -> tuple[str, ...]:
    """The prefixes without those another one already covers (19 covers 195), sorted."""
    kept: list[str] = []
    for prefix in sorted(set(prefixes), key=lambda p: (len(p), p)):
        if not any(prefix.startswith(shorter) for shorter in kept):
            kept.append(prefix)
    return tuple(sorted(kept))


QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
                4: "material conflict"}  # fmt: skip


def parse_quads(text: str) -> tuple[int, ...]:
    """The quad classes a `--quad` value names ("1,2", "4"); raises UsageError otherwise."""
    quads = set()
    for item in text.split(","):
        item = item.strip()
        if item not in {str(q) for q in QUAD_CLASSES}:
            named = ", ".join(f"{q} {name}" for q, name in QUAD_CLASSES.items())
            raise UsageError(f"--quad {text!r}: give quad classes 1-4 as a comma list ({named})")
        quads.add(int(item))
    return tuple(sorted(quads))
