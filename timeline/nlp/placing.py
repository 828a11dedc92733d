"""Where each event happened, when the article says it: the places of its own phrases, else of
its sentence, else of its paragraph, else the dateline's place; never a place the article does not
tie to it.

* `phrase`: the places of the event's own locative phrases ("arrives in Moscow", found by the frames
  stage; an embassy's is where it stands, not its owner's country; "there": the place named last
  before it), or of the earlier mention of the same happening it refers back to ("the bombings");
* `sentence`: the place a "where" clause it is in is said of ("Oklahoma City, where 168 people were
  killed in a bombing"), before any earlier mention it may refer back to; where a journey it is the
  purpose or outcome of ends ("flew to Washington to appeal ...", "returned to Cuba, only to be
  jailed"; a continent is no place to put it in, nor is the dateline then), else a place its
  sentence puts everything in: a locative phrase of the clause the event is in or of a clause above
  it ("In Nairobi, police said they arrested ..."), not a phrase of origin ("from Chad") or of a
  person's or a group's description ("officials in Tanzania"); above a clause with a subject of its
  own, only a phrase before the verb it belongs to ("In Nairobi, police said they arrested ...",
  not "X arrived in Nairobi, and police arrested ...");
* `paragraph`: the same in the sentence before it, in its paragraph, when that sentence ends on
  that place (no other place named after it), for an event told of a pronoun ("They arrested
  three men": the same people, going on) that is no supposition nor background in the perfect;
* `phrase` again, for an act of violence placed by none of these: the places the article's
  other mentions of violence of its kind name in their own phrases (one or two of them);
* `dateline`: the wire story's dateline, for an event of the story's own news (a plan too; see
  nlp/story_news.py for what is not: background, history, standing states, obligations, courses of
  acts, acts spread over many places or done where a journey goes, another country's government at
  home), not in a sentence that puts another act in another place (a place of what the event is
  about or of someone in it does not count: "condemned the bombing of the embassy in Nairobi"; what
  a speaker is quoted saying there is news of that place too: "'We will not back down,' she
  declared"); but once a paragraph opens on a town ("In Dar es Salaam, she laid a wreath ..."),
  that town (`paragraph`) until a later paragraph opens on or names another; the scene counts even
  for another country's government.

A town that describes the people or the act a locative phrase is about places only them ("lashed
out at his Miami relatives", "charged in three Atlanta attacks"); a demanded act's place is not
the demand's ("demanded that the boy be returned to him in Cuba").

Violence put in a country is put in the one town of that country the article names, if it names
exactly one ("the embassy in Kenya" in a story that names Nairobi), with precision 2 (see
nlp/violence_places.py).

Each place carries its `place_source` and its geo precision (ACLED: 1 the town itself, 2 near it
or a part of a region, 3 a region or a country).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from timeline.nlp.coding import RULE_CODES
from timeline.nlp.gazetteer import gazetteer
from timeline.nlp.placing_grammar import (
    CLAUSE_DEPS,
    PRONOUNS,
    mission_owner,
    people,
    title,
)
from timeline.nlp.resolution import city_place
from timeline.nlp.story_news import (
    background,
    foreign_government,
    journey_goals,
    story_news,
)
from timeline.nlp.violence_places import VIOLENCE_ROOTS, ArticleViolence
from timeline.nlp.words import MISSION_NOUNS, PEOPLE_NOUNS, PLACE_NOUNS

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Token

    from timeline.nlp.article import ArticleView
    from timeline.nlp.frames.predicates import EventFrame
    from timeline.nlp.places import PlaceResolver
    from timeline.records import ActorMention, PlaceMention

# Grammar: prepositions that say where something happens ("in Nairobi", "outside Baghdad");
# "near" and "outside" put it close to the place rather than in it (ACLED precision 2)
WHERE_PREPS = {"in", "at", "near", "outside", "inside", "across", "throughout", "around", "within"}
NEAR_PREPS = {"near", "outside", "around"}
# CAMEO roots of force (threats, protests, blockades, assaults, fights, mass violence) and of
# yielding (withdrawals), and the prepositions of the place they are done to or leave
FORCE_ROOTS = {"15", "17", "18", "19", "20"}
PATIENT_PREPS = {"of", "on", "against", "into"}
WITHDRAWAL_ROOTS = {"08"}
WITHDRAWAL_PREPS = {"from", "of", "out"}


class EventPlacing:
    """The places of one article's events (see the module docstring)."""

    def __init__(
        self,
        view: ArticleView,
        resolver: PlaceResolver,
        frames: Sequence[EventFrame] = (),
        published: date | None = None,
    ) -> None:
        self.view = view
        self.published = published
        self.resolver = resolver
        self.frames = list(frames)
        self.dateline = resolver.dateline_place()
        self._sentence_places: dict[int, list[PlaceMention]] = {}
        self.violence = ArticleViolence(
            resolver,
            self.frames,
            lambda f: self._own_places(f) or self._patient_places(f, victims=False),
            self.view.quoted,
        )
        self._scenes: list[PlaceMention | None] | None = None
        self._triggers = {f.trigger.i for f in self.frames}
        self.violence.seats = [  # "the U.S. embassies in Kenya": Nairobi
            place
            for token in view.doc
            if token.lemma_.lower() in MISSION_NOUNS
            for place in self._mission_places(token)
        ]

    def place(self, frame: EventFrame, actors: Sequence[ActorMention]) -> list[PlaceMention]:
        """The event's places, each with where it came from; an act of violence put in a country
        is put in the one town of that country the article names, if it names one. `actors` are
        the event's participants as its record has them (roles, dictionary countries)."""
        places = self._place(frame, actors)
        if frame.code[:2] in VIOLENCE_ROOTS:
            places = [self.violence.town_of(p) for p in places]
            places = list({(p.name, p.country_code): p for p in places}.values())
        return places

    def _place(self, frame: EventFrame, actors: Sequence[ActorMention]) -> list[PlaceMention]:
        trigger = frame.trigger
        n = self.view.sentence_of[trigger.i]
        own = self._own_places(frame) or self._patient_places(frame)
        # a locative phrase of the trigger itself that the frames stage did not take
        own = own or [place for token, place, _ in self._where(n) if token.head.head == trigger]
        own = own or self._there(frame)
        if own:
            return [self._sourced(p, "phrase") for p in own]
        found = self._where_clause(trigger)
        if found:
            return [self._sourced(p, "sentence") for p in found]
        antecedent = frame.antecedent  # "the bombings": where the happening it refers to was
        while antecedent is not None and not self._own_places(antecedent):
            antecedent = antecedent.antecedent
        if antecedent is not None:
            return [self._sourced(p, "phrase") for p in self._own_places(antecedent)]
        found = self._journey_end(frame)
        if found:
            return [self._sourced(p, "sentence") for p in found]
        found = self._clause_places(trigger, n)
        if found:
            return [self._sourced(p, "sentence") for p in found]
        found = [] if not self._continues(frame) else self._paragraph_places(n)
        if found:
            return [self._sourced(p, "paragraph") for p in found]
        found = self.violence.places(frame)
        if found:
            return [self._sourced(p, "phrase") for p in found]
        if self.dateline is not None and self._own_news(frame):
            scene = self._scene(n)
            if scene is not None:
                return [self._sourced(scene, "paragraph")]
            home = self.dateline.country_code
            if foreign_government(actors, home, self.frames, self.resolver):
                return []  # "Cuban President Fidel Castro promised ..." in a story from Miami
            return [self._sourced(self.dateline, "dateline")]
        return []

    def _own_places(self, frame: EventFrame) -> list[PlaceMention]:
        """The places of the frame's own phrases, but a place that only describes a participant
        or a thing ("asked his Miami relatives", "charged in three Atlanta attacks"), unless the
        act is one of force done to it ("struck a Syrian air base"; the victims' nationality is
        no place: "killed three Israeli soldiers")."""
        force = frame.code[:2] in FORCE_ROOTS
        doc = self.view.doc
        kept = []
        for place in frame.places:
            span = doc.char_span(place.start, place.end, alignment_mode="expand")
            if span is not None and len(span):
                token = span.root
                head = token.head
                if force and not (
                    token.dep_ in ("amod", "compound")
                    and (head.lemma_.lower() in PEOPLE_NOUNS or self._other_act(head, frame))
                ):
                    kept.append(place)  # "struck a Syrian air base"; not "killed Israeli soldiers"
                    continue
                if (
                    token.dep_ in ("compound", "amod", "nmod", "poss")
                    and head.pos_ == "NOUN"
                    and head.lemma_.lower() not in PLACE_NOUNS
                    and head.i != frame.trigger.i  # "the Paris talks": the event's own place
                ):
                    continue
            kept.append(place)
        return kept

    def _other_act(self, noun: Token, frame: EventFrame) -> bool:
        """Whether a noun is the trigger of another event ("charged in three Atlanta attacks")."""
        return noun.i in self._triggers and noun.i != frame.trigger.i

    @staticmethod
    def _sourced(place: PlaceMention, source: str) -> PlaceMention:
        if place.place_source is not None:
            return place
        return replace(place, place_source=source)

    def _patient_places(self, frame: EventFrame, victims: bool = True) -> list[PlaceMention]:
        """The town an event noun names before it ("the Paris talks", "the Atlanta bombing"),
        the place an act of force is done to ("the invasion of Kuwait", "attacks on Baghdad")
        or withdrawn from ("pulled its troops out of Kuwait", "a withdrawal from Kuwait")."""
        root = frame.code[:2]
        preps: set[str] = set()
        if root in FORCE_ROOTS:
            preps = PATIENT_PREPS
        elif root in WITHDRAWAL_ROOTS:
            preps = WITHDRAWAL_PREPS
        places: list[PlaceMention] = []
        trigger = frame.trigger
        if trigger.pos_ == "NOUN":  # "the Paris talks"; a country before it is a participant
            for child in trigger.children:  # ("the US embargo", "an anti-Iraq blockade")
                if child.dep_ in ("compound", "amod", "nmod") and child.i < trigger.i:
                    found = self.resolver.mentioned_in(child.i, child.i + 1)
                    places += [p for _, p in found if p.feature not in ("country", "region")]
        for token in (frame.trigger, *frame.trigger.children):
            if token.dep_ != "dobj" and token.i != frame.trigger.i:
                continue  # the trigger's prepositions, and its object's
            for prep in token.children:
                if prep.dep_ != "prep" or prep.lower_ not in preps:
                    continue
                for pobj in prep.children:  # the object's own words, not its clauses
                    if pobj.dep_ != "pobj":
                        continue
                    if pobj.lemma_.lower() in MISSION_NOUNS:  # "attacks on the U.S. embassies
                        places += self._mission_places(pobj)  # in Kenya and Tanzania"
                        continue
                    found = self.resolver.mentioned_in(pobj.left_edge.i, pobj.i + 1)
                    places += [p for _, p in found]
                    if victims and root in FORCE_ROOTS:  # "the slaying of a doctor in Buffalo"
                        places += self._where_they_are(pobj)
        unique: dict[tuple[str, str | None], PlaceMention] = {}
        for place in places:
            unique.setdefault((place.name, place.country_code), place)
        return list(unique.values())

    def _there(self, frame: EventFrame) -> list[PlaceMention]:
        """The place "there" of the event's own clause refers back to: the last place named
        before it, in its sentence or the one before ("the FBI investigation in Dar es Salaam
        ... has questioned more than 100 people there")."""
        objects = [c for c in frame.trigger.children if c.dep_ == "dobj"]
        for word in (frame.trigger, frame.clause, *objects):  # "questioned people there"
            there = next(
                (c for c in word.children if c.dep_ == "advmod" and c.lower_ == "there"), None
            )
            if there is None:
                continue
            n = self.view.sentence_of[there.i]
            start = self.view.sentences[max(n - 1, 0)].start
            named = self.resolver.mentioned_in(start, there.i)
            return [named[-1][1]] if named else []
        return []

    def _where_clause(self, trigger: Token) -> list[PlaceMention]:
        """The place a "where" clause the event is in is said of: "Oklahoma City, where 168
        people were killed in a bombing"."""
        token = trigger
        for _ in range(12):
            if token.dep_ == "relcl" and any(
                c.dep_ == "advmod" and c.lower_ == "where" for c in token.children
            ):
                head = token.head
                return [p for _, p in self.resolver.mentioned_in(head.left_edge.i, head.i + 1)]
            if token.head.i == token.i:
                break
            token = token.head
        return []

    def _journey_end(self, frame: EventFrame) -> list[PlaceMention]:
        """Where a journey an act is the purpose or the outcome of ends: "flew to Washington to
        appeal to the attorney general" (the appeal is made there), "returned to Cuba, only to be
        jailed"."""
        clause = frame.clause
        if not journey_goals(frame):
            return []
        journey = next((f for f in self.frames if f.trigger.i == clause.head.i), None)
        if journey is not None and journey.code in RULE_CODES.travel:
            return self._own_places(journey)
        places: list[PlaceMention] = []
        for goal in journey_goals(frame):  # a continent is no place an event is put in
            found = self.resolver.mentioned_in(goal.left_edge.i, goal.i + 1)
            places += [p for _, p in found if p.country_code]
        return places

    def _where_they_are(self, noun: Token) -> list[PlaceMention]:
        """Where people an act of force is done to are: the places of the "in", "at" or "near"
        phrase of the noun naming them or of its apposition ("the killing of Dr. Slepian, a
        gynecologist in Buffalo")."""
        places: list[PlaceMention] = []
        if not (people(noun.lemma_) or noun.ent_type_ == "PERSON"):
            return places
        for word in (noun, *(c for c in noun.children if c.dep_ == "appos")):
            for prep in word.children:
                if prep.dep_ != "prep" or prep.lower_ not in ("in", "at", "near"):
                    continue
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        found = self.resolver.mentioned_in(pobj.left_edge.i, pobj.i + 1)
                        places += [p for _, p in found]
        return places

    def _mission_places(self, noun: Token) -> list[PlaceMention]:
        """Where an embassy or a consulate is: the places of its own "in" or "at" phrase; an
        embassy "in Kenya" is in the city the country's government sat in on the day of the
        story, where embassies are (Nairobi; Dar es Salaam for Tanzania in 1998)."""
        places: list[PlaceMention] = []
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "at"):
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        found = self.resolver.mentioned_in(pobj.left_edge.i, pobj.right_edge.i + 1)
                        places += [self._seat_of(p) for _, p in found]
        return places

    def _seat_of(self, place: PlaceMention) -> PlaceMention:
        """A country's seat of government on the story's day, written by the country's words."""
        if place.feature != "country" or not place.country_code:
            return place
        city = gazetteer().capital(place.country_code, self.published)
        return city_place(city, place.text, place.start, place.end) if city else place

    # -- the sentence ---------------------------------------------------------------------------

    def _where(self, n: int) -> list[tuple[Token, PlaceMention, Token]]:
        """(object of the preposition, place, the word the phrase attaches to) of each locative
        phrase of sentence n."""
        sentence = self.view.sentences[n]
        found = []
        for toponym, place in self.resolver.mentioned_in(sentence.start, sentence.end):
            token = self.view.doc[toponym.start : toponym.end].root
            if mission_owner(token):
                continue  # "outside the U.S. embassy in Nairobi": in Nairobi
            if self._describes(token):  # "lashed out at his Miami relatives", "charged in three
                found.append((token, place, token.head))  # Atlanta attacks": their place only
                continue
            while token.dep_ in ("compound", "conj", "appos") and token.head.i != token.i:
                token = token.head
            if token.dep_ == "poss" and token.head.dep_ == "pobj":
                token = token.head  # "in Havana's streets", "outside the Miami relatives' home"
                while token.dep_ in ("conj", "appos") and token.head.i != token.i:
                    token = token.head
            prep = token.head
            if token.dep_ != "pobj" or prep.lower_ not in WHERE_PREPS | {"of"}:
                continue
            while prep.dep_ == "conj" and prep.head.dep_ == "prep":
                prep = prep.head  # "in and around Miami"
            attached = prep.head
            if prep.lower_ == "of" and not (
                attached.dep_ in ("nsubj", "nsubjpass")
                and (attached.lemma_.lower() in PEOPLE_NOUNS or title(attached.lemma_))
            ):
                continue  # "the mayor of Moscow condemned": where the subject holds office
            if prep.lower_ == "of":
                found.append((token, place, attached.head))
                continue
            if attached.pos_ in ("NOUN", "PROPN") and (
                people(attached.lemma_) or attached.ent_type_ in ("PERSON", "ORG")
            ):
                # "protesters in Miami marched", "clashed with rebels near Goma": where the
                # event's participants are, it happens; "said officials in Tanzania hoped ...":
                # where they are from, not where it happened
                if attached.dep_ in ("nsubj", "nsubjpass", "dobj"):
                    attached = attached.head
                elif attached.dep_ == "pobj" and attached.head.dep_ == "prep":
                    attached = attached.head.head
                else:
                    continue
            if prep.lower_ in NEAR_PREPS and place.precision == 1:
                place = replace(place, precision=2)
            # a locative phrase inside the trigger's own locative phrases: "shot through the
            # window of his home in Amherst" (never inside its object: "condemned the bombings
            # of the embassies in Kenya" says where the bombings were, nor past another event:
            # "condemned the handling of the meeting at a house in Miami Beach")
            for _ in range(4):
                if attached.dep_ != "pobj" or attached.head.dep_ != "prep":
                    break
                if attached.i in self._triggers:
                    break
                attached = attached.head.head
            found.append((token, place, attached))
        return found

    def _describes(self, token: Token) -> bool:
        """Whether a place name only describes the people or the act a phrase is about ("at his
        Miami relatives": where they live; "in the Atlanta attacks": where those were), not
        where anything the phrase is attached to happens."""
        head = token.head
        if token.dep_ not in ("compound", "amod", "nmod") or head.pos_ != "NOUN":
            return False
        if head.dep_ != "pobj" or head.head.lower_ not in WHERE_PREPS:
            return False
        return people(head.lemma_) or head.i in self._triggers

    def _clause_places(self, trigger: Token, n: int) -> list[PlaceMention]:
        """The places of locative phrases attached to the trigger's clause or a clause above it;
        of a clause above one with a subject of its own, only those before its verb, which set
        the scene of the whole sentence ("In Nairobi, police said they arrested ..."), not those
        after it, which say where its own act was ("X arrived in the United States, and Reno
        ordered ...")."""
        heads: dict[int, bool] = {}  # the head, and whether only its fronted phrases count
        token = trigger
        fronted_only = False
        for _ in range(12):
            heads[token.i] = fronted_only
            if token.head.i == token.i:
                break
            if token.dep_ in CLAUSE_DEPS and any(
                c.dep_ in ("nsubj", "nsubjpass") for c in token.children
            ):
                fronted_only = True
            token = token.head
        places = []
        for where, place, attached in self._where(n):
            if attached.i not in heads or place in places:
                continue
            if heads[attached.i] and where.i > attached.i:
                continue
            places.append(place)
        return places

    def _paragraph_places(self, n: int) -> list[PlaceMention]:
        """The place of the last locative phrase of the sentence before, in the same paragraph,
        when that sentence names no other place after it."""
        view = self.view
        if n == 0 or view.paragraph_index(view.sentences[n].start_char) != view.paragraph_index(
            view.sentences[n - 1].start_char
        ):
            return []
        where = self._where(n - 1)
        if not where:
            return []
        last_token, last, _ = where[-1]
        before = view.sentences[n - 1]
        named = self.resolver.mentioned_in(before.start, before.end)
        return [] if any(t.start > last_token.i for t, _ in named) else [last]

    # -- the dateline ---------------------------------------------------------------------------

    def _continues(self, frame: EventFrame) -> bool:
        """Whether an event goes on from the sentence before with the same people: told of a
        pronoun ("They arrested three men"), and no supposition nor background."""
        if background(frame):
            return False
        subjects = [c for c in frame.clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        return any(c.pos_ == "PRON" and c.lower_ in PRONOUNS for c in subjects)

    def _scene(self, n: int) -> PlaceMention | None:
        """The town the story has moved to by sentence n: that of the last paragraph before it
        (or its own) that opens on a locative phrase of its main clause ("In Dar es Salaam, she
        laid a wreath ..."), until a later paragraph names another town."""
        if self._scenes is None:
            self._scenes = []
            view = self.view
            scene: PlaceMention | None = None
            scene_paragraph = last = -1
            for m, sentence in enumerate(view.sentences):
                self._scenes.append(scene)
                here = view.paragraph_index(sentence.start_char)
                opening = self._opening_town(m) if here != last else None
                last = here
                if opening is not None:
                    scene, scene_paragraph = opening, here
                elif scene is not None and here != scene_paragraph:
                    named = self.resolver.mentioned_in(sentence.start, sentence.end)
                    if any(p.feature == "city" and p.name != scene.name for _, p in named):
                        scene = None
        return self._scenes[n]

    def _opening_town(self, m: int) -> PlaceMention | None:
        """The town sentence m opens on with a locative phrase of its main clause ("In Dar es
        Salaam, she ..."; a country is an aside: "In Cuba, meanwhile, ...")."""
        first = self.view.sentences[m][0]
        if first.lower_ not in WHERE_PREPS or first.head.dep_ != "ROOT":
            return None
        for token, place, _ in self._where(m):
            if token.head.i == first.i:
                return place if place.feature == "city" else None
        return None

    def _own_news(self, frame: EventFrame) -> bool:
        """An event the story reports from its dateline: no supposition nor background, nor a
        standing state told in the present passive ("is accused of", "is being sought"), and in
        a sentence that puts nothing in another place (which may be where it happened: "as
        protesters gathered in Miami, ...")."""
        if not story_news(frame, self.published):
            return False
        trigger = frame.trigger
        dateline = self.dateline
        for token, place, _ in self._where(self.view.sentence_of[trigger.i]):
            if (place.name, place.country_code) == (dateline.name, dateline.country_code):
                continue
            if token.head.head.pos_ not in ("VERB", "AUX"):
                continue  # where a thing or someone is ("the bombings of the embassies in
                # Kenya", "its enemies in Miami"), not where an act is put
            if place.feature in ("country", "region") and place.country_code in (
                dateline.country_code,
                None,
            ):
                continue  # "Kenya" in a story from Nairobi
            return False
        return True
