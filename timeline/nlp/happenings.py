"""Mentions of one happening share their dates.

Once every frame of an article is dated (`dating`), a noun that names a happening ("the
bombings", "the blast", "the slaying") and that its own words do not date takes the date of a
mention of that kind of act its words do date, rather than the day of the narrative it is
mentioned in; one its words date only to a month or year takes the day such a mention gives
(`_recall_mentions`). Then any other mention that its own words do not date (dated by the
publication, by the narrative, or by a time of day whose day the text did not name there: "was
shot at 10 p.m.") takes the date of a mention of the same happening that its own words date
("shot to death last Oct. 23"): same CAMEO root and a shared actor, or one refers back to the
other ("the talks"). The date must suit the mention's tense: a past act is not dated ahead of the
reference day, a plan not behind it. A definite event noun with no words of its own ("after the
rally") takes the last one of its kind dated before it; an anaphoric mention dates its antecedent
the other way too. Statements, negated and hypothetical acts share nothing."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from timeline.nlp.coding import RULE_CODES
from timeline.nlp.dates.lexicons import direction_words
from timeline.nlp.dating import CLAUSE, CONTEXT, PUBLICATION, SENTENCE, mentioned_happening
from timeline.nlp.frames.grammar import introduced
from timeline.nlp.narrative import tense_of

if TYPE_CHECKING:
    from timeline.nlp.frames.predicates import EventFrame
    from timeline.records import TimeExpression


# a mention dated only to its month or year takes the day another mention of it gives
_COARSE = frozenset({"year", "half", "season", "quarter", "month"})
_DAYS = frozenset({"day", "part_of_day", "hour", "minute", "second"})
# codes of what any act of their root may end in: a killing, by a bombing, a shooting, a beating
_OUTCOMES = frozenset({"1823"})


def share_dates(frames: list[EventFrame], reference: date | None) -> None:
    """Mentions of one happening share the best date among them (see the module docstring)."""
    _dates_of_outcomes(frames)

    def named(actors) -> set[str]:  # "civilians", "police": a kind of people, no one in particular
        return {x.name for x in actors if x.kind != "group" or x.country_code}

    def overlap(a: EventFrame, b: EventFrame) -> bool:
        if named(a.sources) & named(b.sources):
            return True
        return bool(named(a.targets) & named(b.targets))

    def own(frame: EventFrame) -> bool:
        return frame.date_source in (CLAUSE, SENTENCE) and not _weak(frame.time)

    recalled = _recall_mentions(frames, own, reference)
    sentence = {f.trigger.i: f.trigger.sent.start for f in frames}  # (Token.sent is slow)
    for frame in frames:
        weak = frame.date_source in (CLAUSE, SENTENCE) and _weak(frame.time)
        mentioned = mentioned_happening(frame)
        if own(frame) or frame.code[:2] in RULE_CODES.statement or id(frame) in recalled:
            continue
        if frame.date_source == CONTEXT and frame.antecedent is None and not frame.targets:
            continue
        if frame.status in ("negated", "hypothetical"):
            continue
        best = None
        best_rank = (-1, 0)
        for other in frames:
            if other is frame or other.time is None or other.code[:2] != frame.code[:2]:
                continue
            if sentence[other.trigger.i] == sentence[frame.trigger.i]:
                continue  # "charged his brother, who had been arrested in 2015": two acts
            if other.trigger.i > frame.trigger.i and introduced(other.trigger):
                continue  # "the attacks" ... "an attack in 2006": another happening
            if other.status in ("negated", "hypothetical") or not _suits(frame, other, reference):
                continue
            if _conflict(frame, other):
                continue  # the shooting of one officer is not that of another
            linked = other.antecedent is frame or frame.antecedent is other
            if not linked and not overlap(frame, other):
                continue
            chained = linked and other.date_source == CONTEXT  # "the meeting" of "the talks"
            if (frame.date_source == CONTEXT or weak) and not (own(other) or chained):
                continue
            if mentioned and not own(other):
                continue  # a mention of a happening takes only a date its other words give
            rank = (
                (2 if own(other) else 0) + (other.code == frame.code),
                -abs(other.trigger.i - frame.trigger.i),
            )
            if rank > best_rank:
                best, best_rank = other, rank
        if best is not None:
            frame.time, frame.date_source = best.time, CONTEXT
    for frame in frames:  # "the bombings" left undated: the report of that act its words date
        if frame.time is not None or not mentioned_happening(frame):
            continue
        if frame.status in ("negated", "hypothetical"):
            continue
        dated = [
            other
            for other in frames
            if other is not frame
            and own(other)
            and other.code[:2] == frame.code[:2]
            and other.status not in ("negated", "hypothetical")
            and _compatible(frame, other)
            and _suits(frame, other, reference)
        ]
        before = [o for o in dated if o.trigger.i < frame.trigger.i]
        after = [o for o in dated if o.trigger.i > frame.trigger.i and not introduced(o.trigger)]
        nearest = before[-1] if before else (after[0] if after else None)
        if nearest is not None:
            frame.time, frame.date_source = nearest.time, CONTEXT
    for frame in frames:  # "the rally" with no words of its own: the last one named before
        if frame.date_source == PUBLICATION and _definite_bare_noun(frame):
            earlier = [
                other
                for other in frames
                if other.trigger.i < frame.trigger.i
                and other.trigger.lemma_ == frame.trigger.lemma_
                and own(other)
            ]
            if earlier:
                frame.time, frame.date_source = earlier[-1].time, CONTEXT
    for frame in frames:  # an anaphoric mention its words date dates its antecedent too
        ante = frame.antecedent
        if ante is not None and ante.date_source == PUBLICATION and own(frame):
            ante.time, ante.date_source = frame.time, CONTEXT


def _dates_of_outcomes(frames: list[EventFrame]) -> None:
    """An act takes the day its own words do not give from what it ended in ("the bombing
    which killed four people on June 2, 2016"), told in the same sentence."""
    by_trigger = {f.trigger.i: f for f in frames}
    for frame in frames:
        act = by_trigger.get(frame.act.i) if frame.act is not None else None
        if act is None or frame.time is None or frame.date_source not in (CLAUSE, SENTENCE):
            continue
        if act.date_source not in (CLAUSE, SENTENCE) or _weak(act.time):
            act.time, act.date_source = frame.time, frame.date_source


def _recall_mentions(frames: list[EventFrame], own, reference: date | None) -> set[int]:
    """A noun that names a happening its own words do not date ("the bombings", "the blast")
    takes the date of a mention of that kind of act (`_same_kind`) whose words do, whose actors
    do not conflict with its own (`_conflict`): "the Aug. 7 blasts ... the investigation into
    the bombings". So does an act of violence or coercion told in the past that nothing else
    dates (`_untold_act`: "near where the sniper fired"). Of several, one its own words date
    rather than the story's line ("On Aug. 7 ... the bomb went off, killing 247 people"), one
    its own clause dates rather than its sentence; then one that names an actor it names; then
    one of its very code; then one within a year of the article's day (not the story's
    background; never one over a year back for what goes on now); then one before it (one after
    it only with the same actors); then the first the article tells (news tells its own
    happening first). The means of a dated act of that kind ("killed in 2015 in a bombing")
    takes its time before any of these. The narrative's day and a mention it merely refers back
    to are no date of its own. Such a noun names what has happened, unless planned (and never
    when it names what nobody schedules: "the murder"). A mention its words date only to a
    month or year ("the October slaying") takes the day of such a mention within it ("shot to
    death last Oct. 23"). Returns the ids of the frames dated so."""
    recalled: set[int] = set()
    incidents = direction_words().incident_nouns  # "shooting", "murder": what has happened
    dated = [f for f in frames if own(f) and f.status not in ("negated", "hypothetical")]
    for frame in dated:  # "last year's blasts" ... "the bombings on Aug. 7, 1998"
        if mentioned_happening(frame) and frame.time.granularity in _COARSE:
            finer = [
                o
                for o in dated
                if o.time.granularity in _DAYS
                and _same_kind(frame.code, o.code)
                and not _conflict(frame, o)
                and _within(o.time, frame.time)
            ]
            if finer:
                names = _names(frame)
                best = max(
                    finer,
                    key=lambda o: (bool(names & _names(o)), -abs(o.trigger.i - frame.trigger.i)),
                )
                frame.time, frame.date_source = best.time, CONTEXT
                recalled.add(id(frame))
    dated += [f for f in frames if id(f) in recalled]
    told = [  # "On Aug. 7 ... the bomb went off, killing 247 people": the act the story tells
        f
        for f in frames
        if f.date_source == CONTEXT
        and not mentioned_happening(f)
        and f.status not in ("negated", "hypothetical")
        and f.time is not None
        and f.time.granularity in _DAYS
        and not _weak(f.time)
        and _named_before(f)
    ]
    for frame in frames:
        if own(frame) or frame.status == "hypothetical":
            continue
        if not (mentioned_happening(frame) or _untold_act(frame)):
            continue
        if id(frame) in recalled:
            continue
        means = _means_of(frame, frames)
        if means is not None:  # "killed in a bombing in 1995": the bombing's time too
            frame.time, frame.date_source = means.time, CONTEXT
            recalled.add(id(frame))
            continue
        planned = frame.status == "planned" and frame.trigger.lower_ not in incidents
        candidates = [
            other
            for other in dated + told
            if other is not frame
            and _same_kind(frame.code, other.code)
            and not _conflict(frame, other)
            and _happened(other, planned, reference)
        ]
        names = _names(frame)
        present = tense_of(frame.clause) == "present"  # what goes on now, not years back
        candidates = [
            o
            for o in candidates
            if (o.trigger.i < frame.trigger.i or _told_later(frame, o))
            and not (present and _background(o.time, reference))
        ]
        nearest = max(
            candidates,
            key=lambda o: (
                own(o) or id(o) in recalled,
                o.date_source == CLAUSE,
                bool(names & _names(o)),
                o.code == frame.code,
                not _background(o.time, reference),
                o.trigger.i < frame.trigger.i,
                -o.trigger.i,
            ),
            default=None,
        )
        if nearest is not None:
            frame.time, frame.date_source = nearest.time, CONTEXT
            recalled.add(id(frame))
    return recalled


def _means_of(frame: EventFrame, frames: list[EventFrame]) -> EventFrame | None:
    """The dated act a noun names the means of: "were killed in a bombing", "wounded in the
    attack", "killed by the blast" happened when the bombing, the attack, the blast did."""
    trigger = frame.trigger
    prep = trigger.head
    if trigger.dep_ != "pobj" or prep.lower_ not in ("in", "by") or prep.head == prep:
        return None
    verb = prep.head
    return next(
        (
            f
            for f in frames
            if f.trigger.i == verb.i
            and f.time is not None
            and f.status not in ("negated", "hypothetical")
            and _same_kind(frame.code, f.code)
        ),
        None,
    )


def _untold_act(frame: EventFrame) -> bool:
    """An act of violence or coercion told in the past that nothing in the text dates, not even
    the narrative's paragraph ("near where the sniper fired"; nor does the lede's day when that
    is the day of writing: "a statement today ... The bomb had gone off at the gate"):
    the one of its kind the article dates."""
    return (
        (frame.date_source in (PUBLICATION, None) or frame.story_day)
        and frame.code[:2] in RULE_CODES.happenings
        and tense_of(frame.clause) in ("past", "past perfect")
    )


def _background(time: TimeExpression, reference: date | None) -> bool:
    """Whether a date lies over a year before the article's day: a story's background ("the
    war of 1972"), not its own happening."""
    if reference is None or time.date_end is None:
        return False
    return (reference - time.date_end).days > 365


def _named_before(frame: EventFrame) -> bool:
    """Whether the day the narrative gave a frame is written before it in its paragraph ("On
    Aug. 7, they had just ended their talks. They were talking when the bomb went off")."""
    time = frame.time
    text = frame.trigger.doc.text
    return time.end <= frame.trigger.idx and "\n\n" not in text[time.end : frame.trigger.idx]


def _within(inner: TimeExpression, outer: TimeExpression) -> bool:
    return (
        None not in (inner.date_start, inner.date_end, outer.date_start, outer.date_end)
        and outer.date_start <= inner.date_start
        and inner.date_end <= outer.date_end
    )


def _conflict(frame: EventFrame, other: EventFrame) -> bool:
    """Whether two mentions name different actors of one kind in one role (a bombing of Kenya
    and one of Tanzania, a shooting of one doctor and of another). A group is a description,
    not a name: "doctors" and "a physician" may be the same people."""
    for role in ("sources", "targets"):
        for kind in ("person", "country", "organization"):
            mine = {a.name for a in getattr(frame, role) if a.kind == kind}
            theirs = {a.name for a in getattr(other, role) if a.kind == kind}
            if mine and theirs and not mine & theirs:
                return True
    return False


def _told_later(frame: EventFrame, other: EventFrame) -> bool:
    """Whether a later mention may tell the date of an earlier one: an actor named on both, or
    none named on one of them ("the sniper slaying of a doctor" of the lead, "Slepian was shot
    on Oct. 23" further on; "the bombing of the embassy", "On Aug. 7 ... the bomb went off");
    never one that introduces a happening of its own ("an attack in 2006")."""
    if introduced(other.trigger):
        return False  # "an Al-Qaeda suicide attack" in 2006 is another than "the attacks" before
    mine, theirs = _names(frame), _names(other)
    return not mine or not theirs or bool(mine & theirs)


def _names(frame: EventFrame) -> set[str]:
    return {a.name for a in [*frame.sources, *frame.targets] if a.kind != "group"}


def _same_kind(code: str, other: str) -> bool:
    """Whether two codes may name one act: the same code, or the same root with one of them
    not said more precisely ("the attack" and "the bombing"; not "the subpoena" and "the
    arrest") or naming what any act of that root may end in ("killing 247 people" and "the
    blast")."""
    root = code[:2]
    if other[:2] != root:
        return False
    return code == other or bool({root + "0", *_OUTCOMES} & {code, other})


def _happened(other: EventFrame, planned: bool, reference: date | None) -> bool:
    """Whether the other mention's date suits a noun of what has happened (or, planned, of
    what is to happen): told as done and not ahead of the article's day (or the other way)."""
    time = other.time
    if time is None or time.date_start is None:
        return False
    tense = tense_of(other.clause)
    ahead = tense in ("future", "modal") or other.status == "planned"
    if reference is not None:
        ahead = ahead or time.date_start > reference
    return ahead == planned


def _compatible(frame: EventFrame, other: EventFrame) -> bool:
    """Whether two mentions may be of one act: no one named on either side, or someone named on
    both (a bombing of the embassy is not the bombing of a clinic)."""
    for role in ("sources", "targets"):
        mine = {a.name for a in getattr(frame, role)}
        theirs = {a.name for a in getattr(other, role)}
        if mine and theirs and not mine & theirs:
            return False
    return True


def _suits(frame: EventFrame, other: EventFrame, reference: date | None) -> bool:
    """Whether the other mention's date suits the frame's tense: a past act is not dated ahead
    of the reference day, a plan not behind it, what goes on now not years back ("fighting is
    expected to continue" is not the fighting of 1972)."""
    time = other.time
    if reference is None or time is None or time.date_start is None:
        return True
    tense = tense_of(frame.clause)
    if tense in ("past", "past perfect", "present perfect"):
        return time.date_start <= reference
    if tense in ("future", "modal") or frame.status == "planned":
        return time.date_end is None or time.date_end >= reference
    return tense != "present" or not _background(time, reference)


def _weak(time: TimeExpression | None) -> bool:
    """A time of day whose day the text did not name there ("at 10 p.m."): it took the last
    day the text named, which may be another happening's."""
    return (
        time is not None
        and time.granularity in ("part_of_day", "hour", "minute", "second")
        and time.anchor_source == "text"
    )


def _definite_bare_noun(frame: EventFrame) -> bool:
    """An event noun named as known, with no words of its own that say whose or of what: "after
    the rally", "the meeting"."""
    children = list(frame.trigger.children)
    return (
        frame.trigger.pos_ == "NOUN"
        and any(c.dep_ == "det" and c.lower_ in ("the", "that", "this") for c in children)
        and not any(c.dep_ in ("poss", "compound", "prep", "amod", "nmod") for c in children)
    )
