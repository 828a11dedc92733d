"""Whether two event mentions report the same happening.

A mention is what one stored event says: its CAMEO code, trigger, status, date (an interval at a
granularity, and whether the article's own words date it or only its publication does), actors in
their roles, places, and the words of its sentence. `same_happening(a, b)` looks at two mentions
only, and is symmetric: the happenings are the connected groups of mentions it links (and of the
analyst's merges), so they do not depend on the order in which articles were loaded.

Two mentions report one happening when
- they are not in one sentence (one sentence does not report one act twice), and neither is a
  statement, a negated or a hypothetical act;
- their codes are compatible: the same root, or kinds of violence that the news names
  interchangeably ("the bombing" / "attacked" / "killed": roots 18, 19 and 20);
- their dates overlap, each at its own granularity; a date that only the publication gives is the
  month up to that day (a report tells of what has happened);
- no role conflicts: the sources of one are not all other countries than those of the other (and
  likewise the targets), nor are their places in different countries or far apart;
- and enough of what they say agrees: shared actors in their roles, a shared place, the same
  trigger or event noun, the same precise day, and the sentence's own words (a name, a number, a
  rare word shared). Each counts a few points; `THRESHOLD` is what a pair needs.

`window(m)` is the date interval within which another mention's date must fall to be linked:
the store looks up candidates by it (and by actor and place).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

# roots whose mentions may report one act: "the bombing" (183) and "attacked" (190), "killed"
COMPATIBLE = {"18": "violence", "19": "violence", "20": "violence"}
# no happening is grouped from these: plain statements
NEVER = {"01"}
SKIPPED_STATUS = {"negated", "hypothetical"}
WEAK_SOURCES = {"publication", "context"}
# how far back a date given only by the publication reaches
REPORT_LAG = timedelta(days=60)
# precise dates are at most this far apart at most (each side's granularity aside)
SLACK = timedelta(days=1)
# mentions whose dates are further apart than this are never linked (wrong dates aside)
REACH = timedelta(days=400)
FAR_KM = 300.0
THRESHOLD = 3.5
SAME_ARTICLE = 2.0

STOP = frozenset(
    """a an the and or but of to in on at by for with from as is was were be been being are has
    have had do did does not no it its this that these those he she they them his her their our
    we you i who whom which what when where while after before since during about over into than
    then there here said says say told also would will could should may might can one two three
    more most some any all other such only just up out new last first year years day days week
    weeks month months time people mr mrs ms monday tuesday wednesday thursday friday saturday
    sunday yesterday today tonight morning afternoon evening night ago early late""".split()
)


@dataclass(frozen=True)
class Mention:
    """What one stored event says, as the matcher compares it."""

    event_id: int
    article_id: int
    sentence_start: int
    code: str
    lemma: str
    status: str
    granularity: str
    date_start: date | None
    date_end: date | None
    date_source: str
    published: date | None = None
    sources: frozenset = frozenset()  # actor ids
    targets: frozenset = frozenset()
    source_countries: frozenset = frozenset()
    target_countries: frozenset = frozenset()
    places: frozenset = frozenset()  # location ids
    place_countries: frozenset = frozenset()
    points: tuple = ()  # (latitude, longitude) of its places
    words: frozenset = field(default_factory=frozenset)  # the sentence's content words
    names: frozenset = field(default_factory=frozenset)  # of them, those written as names

    @property
    def root(self) -> str:
        return self.code[:2]

    @property
    def groupable(self) -> bool:
        return self.root not in NEVER and self.status not in SKIPPED_STATUS


def sentence_words(sentence: str) -> frozenset:
    """The content words of a sentence, lower-cased: names, numbers, rare words."""
    found = re.findall(r"[A-Za-z][A-Za-z'-]+|\d+", sentence)
    return frozenset(w.lower().strip("'") for w in found if w.lower() not in STOP and len(w) > 2)


def sentence_names(sentence: str) -> frozenset:
    """The words of a sentence written with a capital letter, but its first: names."""
    found = re.findall(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z'-]+", sentence.strip())
    return frozenset(w.lower() for w in found if w.lower() not in STOP and len(w) > 2)


def compatible_roots(root: str) -> list[str]:
    kind = COMPATIBLE.get(root)
    if kind is None:
        return [root]
    return sorted(r for r, k in COMPATIBLE.items() if k == kind)


def compatible_codes(a: str, b: str) -> bool:
    """Codes one act may be reported under: roots the news names interchangeably, and within
    them, kinds that do not differ ("the bombing" 183 is no killing 1823; either may be "the
    attack" 180 or 190)."""
    if COMPATIBLE.get(a[:2], a[:2]) != COMPATIBLE.get(b[:2], b[:2]):
        return False
    if len(a) < 3 or len(b) < 3 or a[2] == "0" or b[2] == "0":
        return True
    return a[:3] == b[:3]


def anchored(a: Mention, b: Mention) -> bool:
    """What the store looks candidates up by: one article, an actor, a place or the trigger."""
    return bool(
        a.article_id == b.article_id
        or (a.sources | a.targets) & (b.sources | b.targets)
        or a.places & b.places
        or a.lemma == b.lemma
    )


def near(a: Mention, b: Mention) -> bool:
    """Whether two mentions' dates are within REACH of each other (both undated: they are)."""
    x, y = reach(a), interval(b)
    if x is None or y is None:
        return x is None and y is None
    return x[0] <= y[1] and y[0] <= x[1]


def reach(m: Mention) -> tuple[date, date] | None:
    """The days within which another mention's date must lie to be linked with this one."""
    span = interval(m)
    return None if span is None else (span[0] - REACH, span[1] + REACH)


def interval(m: Mention) -> tuple[date, date] | None:
    """The days a mention's date may cover: a publication's date reaches back REPORT_LAG."""
    if m.date_start is None or m.date_end is None:
        return None
    if m.date_source in WEAK_SOURCES:
        return m.date_end - REPORT_LAG, m.date_end
    return m.date_start, m.date_end


def window(m: Mention) -> tuple[date, date] | None:
    """The interval another mention's date must overlap to be linked with this one."""
    span = interval(m)
    if span is None:
        return None
    return span[0] - SLACK, span[1] + SLACK


def _overlap(a: Mention, b: Mention) -> bool:
    x, y = window(a), interval(b)
    if x is None or y is None:
        return False
    return x[0] <= y[1] and y[0] <= x[1]


def _km(p: tuple, q: tuple) -> float:
    (a, b), (c, d) = p, q
    p1, p2, dl = math.radians(a), math.radians(c), math.radians(d - b)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def _conflict(mine: frozenset, theirs: frozenset) -> bool:
    return bool(mine) and bool(theirs) and not (mine & theirs)


def score(a: Mention, b: Mention) -> float:
    """How much two mentions agree that they report one happening (see the module docstring)."""
    if a.event_id == b.event_id or not (a.groupable and b.groupable):
        return -9.0
    if a.article_id == b.article_id and a.sentence_start == b.sentence_start:
        return -9.0
    if not compatible_codes(a.code, b.code) or not anchored(a, b) or not near(a, b):
        return -9.0
    points = SAME_ARTICLE * (a.article_id == b.article_id)
    points += _date_points(a, b)
    points += 1.5 * bool(a.sources & b.sources) + 1.5 * bool(a.targets & b.targets)
    points += 0.5 * bool(a.source_countries & b.source_countries)
    points += 0.5 * bool(a.target_countries & b.target_countries)
    points -= 2.0 * _conflict(a.source_countries, b.source_countries)
    points -= 2.0 * _conflict(a.target_countries, b.target_countries)
    if a.places & b.places:
        points += 1.0
    elif _conflict(a.place_countries, b.place_countries):
        points -= 1.5
    elif a.points and b.points and min(_km(p, q) for p in a.points for q in b.points) > FAR_KM:
        points -= 1.0
    if a.lemma == b.lemma:
        points += 1.5
    elif a.lemma[:4] == b.lemma[:4]:
        points += 1.0
    points += 0.5 * (a.code == b.code)
    names = a.names & b.names
    points += min(len(names), 3) * 1.0
    points += min(len((a.words & b.words) - names), 4) * 0.5
    return points


def _date_points(a: Mention, b: Mention) -> float:
    strong = a.date_source not in WEAK_SOURCES and b.date_source not in WEAK_SOURCES
    if _overlap(a, b):
        if strong and a.granularity == b.granularity and a.date_start == b.date_start:
            return 1.5
        return 0.5 if strong else 0.0
    return -3.0 if strong else -1.5


def same_happening(a: Mention, b: Mention) -> bool:
    return score(a, b) >= THRESHOLD
