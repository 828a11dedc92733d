"""The word lists of the NLP rules (timeline/data) parse and mean what they say."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from timeline.data import read_table
from timeline.nlp.actors.affiliations import RELATION_PARTICIPLES, TITLE_ADJECTIVES
from timeline.nlp.actors.coreference import COUNTRY_NOUNS, SPEAKER_VERBS
from timeline.nlp.actors.people import (
    HONORIFICS,
    HONORIFICS_ANY,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    NOT_NAMES,
)
from timeline.nlp.coding import cameo_lexicon
from timeline.nlp.events import extract_events
from timeline.nlp.resolution import DIRECTIONS
from timeline.nlp.toponyms import DEMONYM_PLACE_NOUNS, PLACE_SUBJECT_VERBS
from timeline.nlp.words import (
    ADDRESSING_VERBS,
    BODY_NOUNS,
    CARRIER_NOUNS,
    CIRCUMSTANCE_VERBS,
    COMPANY_NOUNS,
    COUNT_NOUNS,
    DESCRIBING_VERBS,
    ENGAGE_VERBS,
    INTENT,
    INTRODUCERS,
    OBJECT_CONTROL,
    PASS_THROUGH,
    PEOPLE_NOUNS,
    PLACE_NOUNS,
    POLICING_WORDS,
    REPORTING_NOUNS,
    REPORTING_VERBS,
    SPEECH_VERBS,
    STANCE_NOUNS,
    STATIVE_PASSIVES,
    SUPPORT_VERBS,
)

# file -> (the words it must list, words it must not: another list's, or ones it is no place for)
WORD_LISTS = {
    "frames_intent_verbs.tsv": ({"plan", "intend", "want", "ready"}, {"say", "agree"}),
    "frames_introducing_verbs.tsv": ({"agree", "refuse", "threaten", "urge", "demand"}, {"say"}),
    "frames_object_control_verbs.tsv": ({"urge", "ask", "order", "force"}, {"say", "plan"}),
    "frames_support_verbs.tsv": (
        {"make", "hold", "launch", "stage", "pay", "tighten"},
        {"say", "meet"},
    ),
    "speech_verbs.tsv": ({"say", "tell", "deny", "accuse", "ask", "recall"}, {"believe"}),
    "frames_belief_verbs.tsv": ({"believe", "think", "predict"}, {"say"}),
    "frames_reporting_nouns.tsv": ({"statement", "claim", "warning"}, {"say", "talks"}),
    "frames_people_nouns.tsv": ({"protester", "civilian", "soldier", "thousand"}, {"protesters"}),
    "frames_stative_passives.tsv": ({"oppose", "commit"}, {"arrest"}),
    # the police arrest and search; prosecutors charge, courts try
    "frames_describing_verbs.tsv": ({"carry", "require"}, {"be", "have"}),
    "frames_circumstance_verbs.tsv": ({"force", "compel"}, {"order", "ask"}),
    "frames_body_nouns.tsv": ({"group", "movement", "militia"}, {"government"}),
    "frames_count_nouns.tsv": ({"hundred", "thousand", "dozen", "group"}, {"people"}),
    "frames_policing_words.tsv": ({"arrest", "custody", "search", "seek"}, {"charge", "try"}),
    "frames_place_nouns.tsv": ({"province", "city", "region"}, {"country"}),
    "frames_company_nouns.tsv": ({"company", "airline", "bank"}, {"government"}),
    "frames_engage_verbs.tsv": ({"engage", "participate", "take"}, {"make"}),
    # "in protest against X", "in defiance of X"; "in support of" is no stance against anyone
    "frames_stance_nouns.tsv": ({"protest", "defiance", "opposition"}, {"support", "solidarity"}),
    # "told the council", "wrote Reno": whom they address; "said" has what is said as object
    "frames_addressing_verbs.tsv": ({"tell", "inform", "write"}, {"say", "announce"}),
    "frames_carrier_nouns.tsv": ({"letter", "note", "message"}, {"protest", "statement"}),
    "country_nouns.tsv": ({"country", "nation"}, {"state"}),
    "name_particles.tsv": ({"al", "bin", "von", "de"}, {"mr"}),
    "name_suffixes.tsv": ({"jr.", "jr", "iii"}, {"al"}),
    "not_names.tsv": ({"monday", "may", "today"}, {"trump"}),
    "relation_participles.tsv": ({"backed", "occupied", "funded"}, {"new"}),
    "title_adjectives.tsv": ({"former", "new", "visiting", "acting"}, {"backed"}),
    "place_directions.tsv": ({"north", "northern", "central", "upper"}, {"new"}),
    # "Syrian territory" names Syria; "German cars" names nothing
    "places_demonym_nouns.tsv": ({"territory", "soil", "airspace", "border"}, {"car", "people"}),
    # "Texas has 254 counties" is a place; "Moscow expelled ..." an actor
    "places_subject_verbs.tsv": ({"be", "have", "lie", "border"}, {"expel", "say", "warn"}),
}


@pytest.mark.parametrize("name", sorted(WORD_LISTS))
def test_word_list_files_list_lower_case_words_once(name):
    table = read_table(name)
    words = [row[0] for row in table]
    assert len(table.columns) == 1 and words
    assert all(word == word.lower() and word.strip() and " " not in word for word in words)
    assert len(set(words)) == len(words), name
    present, absent = WORD_LISTS[name]
    assert present <= set(words), present - set(words)
    assert not absent & set(words), absent & set(words)


def test_the_modules_read_their_lists():
    for words, name in [
        (INTENT, "frames_intent_verbs.tsv"),
        (INTRODUCERS, "frames_introducing_verbs.tsv"),
        (OBJECT_CONTROL, "frames_object_control_verbs.tsv"),
        (SUPPORT_VERBS, "frames_support_verbs.tsv"),
        (SPEECH_VERBS, "speech_verbs.tsv"),
        (REPORTING_NOUNS, "frames_reporting_nouns.tsv"),
        (PEOPLE_NOUNS, "frames_people_nouns.tsv"),
        (STATIVE_PASSIVES, "frames_stative_passives.tsv"),
        (POLICING_WORDS, "frames_policing_words.tsv"),
        (COUNT_NOUNS, "frames_count_nouns.tsv"),
        (BODY_NOUNS, "frames_body_nouns.tsv"),
        (CIRCUMSTANCE_VERBS, "frames_circumstance_verbs.tsv"),
        (DESCRIBING_VERBS, "frames_describing_verbs.tsv"),
        (PLACE_NOUNS, "frames_place_nouns.tsv"),
        (COMPANY_NOUNS, "frames_company_nouns.tsv"),
        (ENGAGE_VERBS, "frames_engage_verbs.tsv"),
        (STANCE_NOUNS, "frames_stance_nouns.tsv"),
        (ADDRESSING_VERBS, "frames_addressing_verbs.tsv"),
        (CARRIER_NOUNS, "frames_carrier_nouns.tsv"),
        (SPEAKER_VERBS, "speech_verbs.tsv"),
        (COUNTRY_NOUNS, "country_nouns.tsv"),
        (NAME_PARTICLES, "name_particles.tsv"),
        (NAME_SUFFIXES, "name_suffixes.tsv"),
        (NOT_NAMES, "not_names.tsv"),
        (RELATION_PARTICIPLES, "relation_participles.tsv"),
        (TITLE_ADJECTIVES, "title_adjectives.tsv"),
        (DIRECTIONS, "place_directions.tsv"),
        (DEMONYM_PLACE_NOUNS, "places_demonym_nouns.tsv"),
        (PLACE_SUBJECT_VERBS, "places_subject_verbs.tsv"),
    ]:
        assert words == {row[0] for row in read_table(name)}, name


def test_one_list_of_speech_verbs_for_every_stage():
    from timeline.nlp.dates.lexicons import direction_words

    speech = {row[0] for row in read_table("speech_verbs.tsv")}
    assert speech == SPEAKER_VERBS  # who says "I"
    assert direction_words().reporting_verbs == speech  # dates
    beliefs = {row[0] for row in read_table("frames_belief_verbs.tsv")}
    assert speech | beliefs == REPORTING_VERBS  # reported status


def test_pass_through_verbs_give_a_status_or_none():
    table = read_table("frames_pass_through_verbs.tsv")
    assert table.columns == ("lemma", "status")
    assert {status for _, status in table} == {"planned", "negated", "-"}
    assert PASS_THROUGH["plan"] == "planned" and PASS_THROUGH["fail"] == "negated"
    assert PASS_THROUGH["help"] is None and PASS_THROUGH["continue"] is None
    assert "say" not in PASS_THROUGH
    # intending is planning: every verb of intent passes "planned" on
    assert all(PASS_THROUGH.get(verb) == "planned" for verb in INTENT)


def test_introducing_verbs_are_coded_as_introducing_acts():
    lex = cameo_lexicon()
    for verb in INTRODUCERS:
        roots = {entry.code[:2] for entry in lex.verbs[verb]}
        assert roots & set(lex.introducers), verb


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Russia held talks with Syria.", "talks"),  # a support verb: the event is its object
        ("Syrian troops engaged in fighting with rebels.", "fighting"),  # an engage verb's "in"
    ],
)
def test_the_event_of_support_and_engage_verbs_is_their_noun(nlp, text, trigger):
    events = extract_events(nlp(text), [], datetime(2017, 4, 7, tzinfo=UTC))
    assert [event.trigger for event in events] == [trigger]


def test_honorifics_give_a_gender_or_none():
    table = read_table("honorifics.tsv")
    assert table.columns == ("word", "gender")
    assert {gender for _, gender in table} == {"m", "f", "-"}
    assert HONORIFICS["mr."] == "m" and HONORIFICS["mrs"] == "f" and HONORIFICS["miss"] == "f"
    assert {"dr.", "sir", "sheikh"} <= HONORIFICS_ANY
    assert not HONORIFICS.keys() & HONORIFICS_ANY


def test_people_known_by_what_they_did_are_of_a_sector_with_a_label():
    from timeline.nlp.actors.groups import perpetrator_nouns, sector_lexicon

    table = read_table("perpetrator_nouns.tsv")
    assert table.columns == ("noun", "sector")
    nouns = perpetrator_nouns()
    assert {"sniper", "gunman", "killer"} <= set(nouns) and "police" not in nouns
    assert all(n == n.lower() and " " not in n for n in nouns)
    assert set(nouns.values()) <= set(sector_lexicon().labels)
