"""The frames found before: what an event noun refers back to ("the talks", "the slaying") and
who did or suffered an act of violence told without them ("Slepian was killed", "where the
sniper fired"). `FrameFinder` keeps every frame it accepts here, in the order found."""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.nlp.actors.groups import unnamed_doer
from timeline.nlp.coding import RULE_CODES
from timeline.nlp.frames.grammar import bare_definite, weapon_subject
from timeline.nlp.nominalizations import source_verbs

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Token

    from timeline.nlp.article import ArticleView
    from timeline.nlp.frames.predicates import EventFrame
    from timeline.records import ActorMention


class EarlierFrames:
    """The frames of one article accepted so far, in the order found."""

    def __init__(self, view: ArticleView) -> None:
        self.view = view
        self.frames: list[EventFrame] = []

    def antecedent(
        self, code: str, noun: Token, *, whole_article: bool = False
    ) -> EventFrame | None:
        """The earlier frame "the talks" refers back to: of the frames of its root (any root of
        violence for one of violence) within the last paragraphs, one of the same word
        ("launched strikes" ... "the strikes"), else one of its own root with a source, else one
        with a target; with `whole_article`, a frame of the same word with actors anywhere
        before ("the bombing of the embassy" ... "the bombing") comes first, and when nothing
        is near, the acts of its kind named earlier if they all had the same victims ("Slepian
        was killed" ... "the slaying"); else any near one."""
        paragraph = self.view.paragraph_index(noun.idx)
        words = self._family(noun)
        near = []
        earlier = []
        violence = RULE_CODES.violence
        for frame in reversed(self.frames):
            if frame.status in ("negated", "hypothetical") or frame.outcome:
                continue  # "the blast" refers to the blast, not to the killing it did
            # a shooting coded as fighting until its actors say it is an assault is still one
            if frame.code[:2] != code[:2] and not (
                code[:2] in violence and frame.code[:2] in violence
            ):
                continue
            if paragraph - self.view.paragraph_index(frame.trigger.idx) > 2:
                earlier.append(frame)
            else:
                near.append(frame)
        same_word = [f for f in near if self._frame_family(f) & words]
        if whole_article:
            same_word += [
                f for f in earlier if (f.sources or f.targets) and self._frame_family(f) & words
            ]
        if same_word:
            return same_word[0]
        for frame in near:  # an act someone is named doing, before one no one is
            if frame.sources and frame.code[:2] == code[:2]:
                return frame
        for frame in near:  # then one someone is named suffering
            if frame.targets:
                return frame
        if whole_article:  # "the slaying" of the doctor "killed" earlier: the one act of its
            # kind the article has named a victim of, if it named the victim of only one
            victims = [f for f in earlier if f.targets]
            if victims and len({frozenset(a.name for a in f.targets) for f in victims}) == 1:
                return victims[0]
        return near[0] if near else None

    def _frame_family(self, frame: EventFrame) -> set[str]:
        """The words of a frame's trigger and of the action it took ("launched air strikes")."""
        words = self._family(frame.trigger)
        if frame.action is not None:
            words |= self._family(frame.action)
        return words

    def _family(self, token: Token) -> set[str]:
        """The lemma of a trigger and the verbs it may be made from ("strikes" -> strike)."""
        lemma = token.lemma_.lower()
        return {lemma, *source_verbs(lemma)} if token.pos_ != "VERB" else {lemma}

    def victims(self, frame: EventFrame) -> list[ActorMention]:
        """Whom an act of violence told without them struck: the people the same unnamed doer
        struck in the act told before ("a sniper shot Dr. Slepian ... where the sniper fired"),
        or, for a weapon that went off ("the bombs went off"), the victims of the act of violence
        it refers back to ("the bombings of the U.S. embassies"); for a bare "the slaying", whom
        two thirds of the article's acts of violence before it struck."""
        doers = {a.name for a in frame.sources if unnamed_doer(a)}
        if doers:
            other = self._earlier_violence(
                lambda f: not f.outcome and f.targets and doers & {a.name for a in f.sources}
            )
            if other is not None:
                return list(other.targets)
        if not frame.sources and (frame.trigger.pos_ == "VERB" and weapon_subject(frame.clause)):
            antecedent = self.antecedent(frame.code, frame.trigger, whole_article=True)
            if antecedent is not None:
                return list(antecedent.targets)
        if frame.trigger.i == frame.clause.i and bare_definite(frame.trigger):
            struck = [  # (not "the 1996 Olympic bombing": it says more of itself)
                frozenset(a.name for a in f.targets)
                for f in self.frames
                if f.code[:2] in RULE_CODES.violence and f.targets and not f.outcome
            ]
            if struck:
                main = max(set(struck), key=struck.count)
                if 3 * struck.count(main) >= 2 * len(struck):
                    other = self._earlier_violence(
                        lambda f: frozenset(a.name for a in f.targets) == main, any_status=True
                    )
                    return list(other.targets) if other is not None else []
        return []

    def doers(self, frame: EventFrame) -> list[ActorMention]:
        """Who did an act of violence a passive verb tells without them ("Slepian was killed"):
        the people known only by what they did ("a sniper shot and killed a doctor") of the last
        act of violence before it on the same victim."""
        victims = {a.name for a in frame.targets if a.kind == "person"}
        other = self._earlier_violence(
            lambda f: (
                victims & {a.name for a in f.targets} and any(unnamed_doer(a) for a in f.sources)
            )
        )
        return [a for a in other.sources if unnamed_doer(a)] if other is not None else []

    def _earlier_violence(
        self, holds: Callable[[EventFrame], object], *, any_status: bool = False
    ) -> EventFrame | None:
        """The last act of violence found so far, told as happening (or in any status), for
        which `holds` is true."""
        for other in reversed(self.frames):
            if (
                other.code[:2] in RULE_CODES.violence
                and (any_status or other.status not in ("negated", "hypothetical"))
                and holds(other)
            ):
                return other
        return None
