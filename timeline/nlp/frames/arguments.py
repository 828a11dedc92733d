"""The arguments of an event frame: who acts (sources) and who is acted on (targets).

The source of a verb is its subject, also through the verbs above it: the subject of the verb an
infinitive depends on ("plans to meet"), or its object for verbs of asking and ordering ("urged
Iran to stop"), the noun a relative clause describes; of a passive verb, its "by" agent ("were
arrested by police"), a participle joined to it sharing its subject ("arrested and charged").
Targets are the objects, the passive subject, and the partners and patients in prepositional
phrases ("met with X", "fired at X", "aid to X", "sanctions on Russia"). A place after a motion
preposition is not an actor: the target is the country it lies in ("travel to Moscow"), unless the
place is a country named as such ("sent aid to Greece").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline.nlp.coding import RULE_CODES
from timeline.nlp.words import (
    MOTION_PREPS,
    NOUN_TARGET_PREPS,
    OBJECT_CONTROL,
    PARTNER_PREPS,
    PLACE_PREPS,
    RELATIVE_PRONOUNS,
    STATIVE_PASSIVES,
    STRUCK_PREPS,
    TARGET_PREPS,
)
from timeline.records import ActorMention

if TYPE_CHECKING:
    from spacy.tokens import Token

    from timeline.nlp.coding import EventCoder
    from timeline.nlp.frames.phrases import PhraseReader
    from timeline.nlp.frames.predicates import EventFrame


class ArgumentFinder:
    """The sources and targets of one article's frames, read from the parse."""

    def __init__(self, phrases: PhraseReader, coder: EventCoder) -> None:
        self.phrases = phrases
        self.coder = coder

    def governing_verb(self, noun: Token) -> Token | None:
        """The verb a noun is the object of, directly or through a preposition."""
        token = noun
        for _ in range(3):
            if token.dep_ == "pobj" and token.head.dep_ == "prep":
                token = token.head.head
            elif token.dep_ in ("dobj", "nsubjpass"):
                token = token.head
            else:
                return None
            if token.pos_ == "VERB":
                return token
        return None

    def struck(self, prep: Token) -> list[ActorMention]:
        """The actors, not places, where violence struck: "outside the U.S. Embassy"."""
        found: list[ActorMention] = []
        for pobj in prep.children:
            if pobj.dep_ == "pobj" and not self.phrases.is_place(pobj):
                found += self.phrases.actors(pobj, loose=True)
        return found

    def accused(self, frame: EventFrame, head: Token) -> list[ActorMention]:
        """Whom an accusation accuses, when its clause says what they did: the clause's subject
        ("alleging Gonzalez abused his son", "accusations that X had mistreated him")."""
        if not any(frame.code.startswith(code) for code in RULE_CODES.accusation_clause):
            return []
        for clause in head.children:
            if clause.dep_ in ("ccomp", "acl") and clause.pos_ in ("VERB", "AUX"):
                return self.clause_subject(clause)
        return []

    def warned(self, frame: EventFrame, verb: Token) -> list[ActorMention]:
        """Whom a threat is aimed at, when it says what they must do to avert it: the subject of
        its "unless" clause ("threatened to strike unless Israel revokes the annexation")."""
        if frame.code[:2] not in RULE_CODES.conditional_target:
            return []
        for clause in (verb, *(c for c in verb.children if c.dep_ == "xcomp")):
            for condition in clause.children:
                if condition.dep_ == "advcl" and any(
                    m.dep_ == "mark" and m.lower_ == "unless" for m in condition.children
                ):
                    return self.clause_subject(condition)
        return []

    def clause_subject(self, clause: Token) -> list[ActorMention]:
        """The actors of a clause's subject, active or passive."""
        for subject in clause.children:
            if subject.dep_ in ("nsubj", "nsubjpass"):
                return self.phrases.actors(subject)
        return []

    def noun_targets(self, frame: EventFrame, noun: Token) -> None:
        """Add an event noun's partners, patients and places: "talks with X", "a visit to Kyiv"."""
        if not frame.targets:
            frame.targets += self.accused(frame, noun)
        for child in noun.children:
            if child.dep_ != "prep":
                continue
            if child.lemma_.lower() in STRUCK_PREPS and frame.code[:2] in RULE_CODES.violence:
                frame.targets += self.struck(child)  # "the bomb outside the embassy"
                continue
            beneficiary = child.lemma_.lower() == "for" and frame.code[:2] in RULE_CODES.beneficiary
            if child.lemma_.lower() not in NOUN_TARGET_PREPS and not beneficiary:
                continue
            for pobj in child.children:
                if pobj.dep_ != "pobj":
                    continue
                if self.phrases.is_place(pobj) and child.lemma_.lower() in PLACE_PREPS:
                    places = self.phrases.places(pobj)
                    if places:
                        frame.places += places
                        if (
                            frame.code[:2] in RULE_CODES.consult
                            or child.lemma_.lower() in MOTION_PREPS
                        ):
                            frame.targets += self.phrases.destination(pobj, places)
                        continue
                frame.targets += self.phrases.actors(pobj, loose=True)

    def agents(self, pobj: Token) -> list[ActorMention]:
        """The actors of a subject or of a passive verb's "by" phrase; for a thing that has an
        owner, the owner: "killed by a sniper's bullet" (the sniper), "the army's shells hit"."""
        found = self.phrases.actors(pobj)
        if not found and pobj.lower_ in RELATIVE_PRONOUNS and pobj.head.dep_ == "relcl":
            pobj = pobj.head.head  # "the bullet that tore through": the bullet's owner
        if not found:
            owner = next((c for c in pobj.children if c.dep_ == "poss"), None)
            if owner is not None:
                found = self.phrases.actors(owner)
        return found

    def shares_passive_subject(self, verb: Token) -> bool:
        """A participle joined to a passive verb shares its subject: "were arrested and charged
        by police", "are selected and purchased by the government"."""
        return (
            verb.dep_ == "conj"
            and verb.tag_ == "VBN"
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
            and any(c.dep_ == "auxpass" for c in verb.head.children)
        )

    def verb_arguments(self, frame: EventFrame, verb: Token) -> None:
        """Set a verb frame's sources and targets from its subject, agent, objects and phrases."""
        if frame.passive:
            if self.shares_passive_subject(verb):
                for child in verb.head.children:
                    if child.dep_ == "nsubjpass":
                        frame.targets += self.phrases.actors(child, loose=True)
            for child in verb.children:
                if child.dep_ == "nsubjpass":
                    frame.targets += self.phrases.actors(child, loose=True)
                elif child.dep_ == "agent":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            frame.sources += self.agents(pobj)
        else:
            frame.sources = self.subject(verb)
        if frame.passive and not frame.sources and verb.lemma_.lower() in STATIVE_PASSIVES:
            frame.sources, frame.targets = frame.targets, []  # "Israel is opposed to ..."
            frame.passive = False
        if verb.dep_ == "acl" and verb.tag_ == "VBN" and not frame.targets:
            frame.passive = True
            frame.targets += self.phrases.actors(verb.head)
            for child in verb.children:
                if child.dep_ == "agent":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            frame.sources += self.phrases.actors(pobj)
        # the addressee of a statement ("told the council"), never the subject of what it
        # reports ("said Russia failed": that is its own event when it is one)
        frame.targets += self.objects(verb)
        self.prep_targets(frame, verb)
        if not frame.targets:
            frame.targets = self.accused(frame, verb) or self.warned(frame, verb)

    def prep_targets(self, frame: EventFrame, verb: Token) -> None:
        """Partners and patients in prepositional phrases: "met with X", "fired at X", "provide
        aid to X"."""
        for child in verb.children:
            if child.dep_ == "dobj" and self.coder.is_event_noun(child):
                self.noun_targets(frame, child)
            elif child.dep_ == "dobj":  # "break off relations with Congo", "mortar and rocket
                # fire against the camps"
                beneficiary = frame.code[:2] in RULE_CODES.beneficiary  # "$70 million for Poland"
                for prep in (c for obj in (child, *child.conjuncts) for c in obj.children):
                    if prep.dep_ == "prep" and (
                        prep.lemma_.lower() in PARTNER_PREPS
                        or (beneficiary and prep.lemma_.lower() == "for")
                    ):
                        for pobj in prep.children:
                            if pobj.dep_ == "pobj":
                                frame.targets += self.phrases.actors(pobj, loose=True)
            if (
                child.dep_ == "prep"
                and child.lemma_.lower() == "from"
                and frame.code[:2] in RULE_CODES.taking_from
            ):  # "confiscated weapons from armed groups"
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and not self.phrases.is_place(pobj):
                        frame.targets += self.phrases.actors(pobj, loose=True)
            if (
                child.dep_ == "prep"
                and child.lemma_.lower() in STRUCK_PREPS
                and frame.code[:2] in RULE_CODES.violence
            ):
                frame.targets += self.struck(child)
            if child.dep_ in ("prep", "dative") and child.lemma_.lower() in TARGET_PREPS:
                lemma = child.lemma_.lower()
                for pobj in child.children:
                    if pobj.dep_ != "pobj":
                        continue
                    if self.phrases.is_place(pobj) and lemma in PLACE_PREPS:
                        if lemma in MOTION_PREPS:  # "travel to Moscow", "send aid to Greece"
                            frame.targets += self.phrases.destination(
                                pobj, self.phrases.places(pobj)
                            )
                        continue
                    if lemma == "over" and frame.code[:2] not in RULE_CODES.over_target:
                        continue  # "complained over the raids", not "fought over the town"
                    if lemma == "for" and frame.code[:2] not in RULE_CODES.beneficiary:
                        continue
                    frame.targets += self.phrases.actors(pobj, loose=True)

    def subject(self, verb: Token, depth: int = 0) -> list[ActorMention]:
        """The actors of a verb's subject, also through the verbs above it (see the module)."""
        if depth > 6:
            return []
        for child in verb.children:
            if child.dep_ in ("nsubj", "csubj"):
                return self.agents(child)  # "the army's shells hit the school": the army
            if child.dep_ == "nsubjpass":
                return []
        head = verb.head
        if head is verb:
            return []
        if verb.dep_ == "xcomp":
            if head.lemma_.lower() in OBJECT_CONTROL:
                objects = self.objects(head)
                if objects:
                    return objects
            return self.subject(head, depth + 1)
        if verb.dep_ in ("conj", "acomp"):
            return self.subject(head, depth + 1)
        if (
            verb.dep_ in ("relcl", "acl")
            and verb.tag_ == "VB"
            and head.pos_ == "NOUN"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        ):
            governor = self.governing_verb(head)  # "a visit to Lucca to meet ..."
            return self.subject(governor, depth + 1) if governor is not None else []
        if verb.dep_ in ("relcl", "acl") and verb.tag_ != "VBN":
            return self.agents(head)  # "the assassin's bullet that tore through ..."

        if verb.dep_ in ("advcl", "pcomp") and verb.tag_ in ("VBG", "VB"):
            reason = verb.dep_ == "pcomp" and head.lower_ == "for" and verb.tag_ == "VBG"
            if verb.dep_ == "pcomp":
                head = head.head
            if head.pos_ not in ("VERB", "AUX"):
                return []
            for child in head.children:  # "was arrested for protesting": who was arrested;
                # "arrested Kopp for protesting", "criticized him for failing": the one blamed
                if (child.dep_ == "nsubjpass" and verb.tag_ == "VBG") or (
                    child.dep_ == "dobj" and reason
                ):
                    return self.phrases.actors(child)
            return self.subject(head, depth + 1)
        return []

    def objects(self, verb: Token) -> list[ActorMention]:
        """The actors of a verb's objects ("met Lavrov", "called on Iran")."""
        found: list[ActorMention] = []
        has_object = any(c.dep_ == "dobj" for c in verb.children)
        for child in verb.children:
            if child.dep_ in ("dobj", "dative", "iobj") or (
                child.dep_ == "oprd" and child.pos_ == "PROPN" and not has_object
            ):  # a name the parser took for a predicate: "called Munero a ruffian"
                found += self.phrases.actors(child, loose=True)
            elif (
                child.dep_ == "prep"
                and child.lemma_.lower() in ("on", "upon")
                and (verb.lemma_.lower() in ("call",))
            ):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        found += self.phrases.actors(pobj)
        return found

    # -- actors and places ----------------------------------------------------------------------
