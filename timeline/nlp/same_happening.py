"""Whether two event mentions report the same happening.

A mention is what one stored event says: its CAMEO code, trigger, status, date (an interval at a
granularity, and whether the article's own words date it or only its publication does), actors in
their roles, places, and the words of its sentence. `same_happening(a, b)` looks at two mentions
only, and is symmetric: the happenings are the connected groups of mentions it links (and of the
analyst's merges), so they do not depend on the order in which articles were loaded.

Two mentions report one happening when
- they are not in one sentence (one sentence does not report one act twice), and neither is a
  statement or a hypothetical act (a negated clause still names the act it is about: "the
  bombings will not make America retreat");
- their codes are compatible: the same root, or kinds of violence that the news names
  interchangeably ("the bombing" / "attacked": roots 18, 19 and 20), and within a root, kinds that
  do not differ (a bombing, 183, is no killing, 1823; either may be an attack, 180);
- they are in one article, or share an actor or a place (what the store looks candidates up by:
  one word for an act is not enough across articles), and their dates are within REACH of each
  other;
- and what they say agrees enough: each agreement counts (`WEIGHTS`: one article, actors in their
  roles, places, the trigger, the code, dates, the names and other words both sentences use) and
  each disagreement costs (actors of a role none of whom the other has, other countries, places
  far apart, dates that do not overlap: a date that only the publication gives is the REPORT_LAG
  up to it, since a report tells of what has happened); the sum must reach THRESHOLD.

The weights were set on annotated news (the killing of one doctor reported by eight articles, two
embassy bombings on one day, a child custody story of hundreds of small acts), choosing among the
settings that reach the target those whose pairs F1 stays within a point and a half when every
weight is moved by up to 15 %.
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
SKIPPED_STATUS = {"hypothetical"}
WEAK_SOURCES = {"publication"}
# how far back a date given only by the publication reaches
REPORT_LAG = timedelta(days=60)
# dates this far apart still overlap (each side's granularity aside)
SLACK = timedelta(days=1)
# mentions whose dates are further apart than this are never linked (wrong dates aside)
REACH = timedelta(days=400)
FAR_KM = 100.0
THRESHOLD = 5.0
# what each kind of agreement (or disagreement) counts
WEIGHTS = {
    "same_article": 2.0,
    "actor": 1.0,  # a shared actor in a role (each role)
    "actor_conflict": 7.0,  # actors in a role that none of the other's are (each role)
    "country": 0.25,  # a shared country of the actors in a role
    "country_conflict": 0.75,  # the actors of a role are of other countries
    "place": 2.25,
    "place_conflict": 1.25,  # the places are in other countries
    "far": 1.5,  # or further apart than FAR_KM
    "other_place": 0.5,  # or other places
    "lemma": 1.5,
    "stem": 0.5,  # triggers of one stem ("bomb", "bombing")
    "code": 0.5,
    "name": 1.5,  # each name shared by the sentences (up to three)
    "word": 1.25,  # each other word (up to four)
    "same_date": 0.75,  # the same date, each given by the articles' words
    "overlap": 0.25,  # or overlapping dates
    "apart": 3.75,  # dates the articles' words give that do not overlap
    "weak_apart": 1.0,  # or that only the publication gives
}

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
    """What the store looks candidates up by: one article, an actor or a place in common."""
    return bool(
        a.article_id == b.article_id
        or (a.sources | a.targets) & (b.sources | b.targets)
        or a.places & b.places
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
    w = WEIGHTS
    points = w["same_article"] * (a.article_id == b.article_id)
    points += _date_points(a, b)
    points += w["actor"] * (bool(a.sources & b.sources) + bool(a.targets & b.targets))
    points += w["country"] * bool(a.source_countries & b.source_countries)
    points += w["country"] * bool(a.target_countries & b.target_countries)
    conflicts = _conflict(a.sources, b.sources) + _conflict(a.targets, b.targets)
    points -= w["actor_conflict"] * conflicts
    points -= w["country_conflict"] * _conflict(a.source_countries, b.source_countries)
    points -= w["country_conflict"] * _conflict(a.target_countries, b.target_countries)
    if a.places & b.places:
        points += w["place"]
    elif _conflict(a.place_countries, b.place_countries):
        points -= w["place_conflict"]
    elif a.points and b.points and min(_km(p, q) for p in a.points for q in b.points) > FAR_KM:
        points -= w["far"]
    elif a.places and b.places:
        points -= w["other_place"]
    if a.lemma == b.lemma:
        points += w["lemma"]
    elif a.lemma[:4] == b.lemma[:4]:
        points += w["stem"]
    points += w["code"] * (a.code == b.code)
    names = a.names & b.names
    points += min(len(names), 3) * w["name"]
    points += min(len((a.words & b.words) - names), 4) * w["word"]
    return points


def _date_points(a: Mention, b: Mention) -> float:
    strong = a.date_source not in WEAK_SOURCES and b.date_source not in WEAK_SOURCES
    if _overlap(a, b):
        if strong and a.granularity == b.granularity and a.date_start == b.date_start:
            return WEIGHTS["same_date"]
        return WEIGHTS["overlap"] if strong else 0.0
    return -WEIGHTS["apart"] if strong else -WEIGHTS["weak_apart"]


def same_happening(a: Mention, b: Mention) -> bool:
    return score(a, b) >= THRESHOLD
