"""The word classes the event rules test: which verbs pass their status on, which are support
verbs, which prepositions introduce places and targets, and so on.

Lists of words are lexicon; the closed classes of grammar (auxiliaries, pronouns, prepositions)
and the labels of the parser and entity recogniser define the rules' structure.
"""

from __future__ import annotations

from timeline.data import read_table
from timeline.nlp.lookup import optional_cell, word_set

# -- lexicon: lists of words, in timeline/data ------------------------------------------------

# Verbs that pass their subject, status and time to the infinitive they govern, which is the event
# ("plans to meet", "helped broker", "is going to add"); the value is the status they give it
PASS_THROUGH = {
    lemma: optional_cell(status) for lemma, status in read_table("frames_pass_through_verbs.tsv")
}
# Verbs whose subject intends the action they govern: the action is coded as intent (CAMEO 03)
INTENT = word_set("frames_intent_verbs.tsv")
# Nouns of a feeling: an act only when someone has it ("expressed its displeasure")
FEELING_NOUNS = word_set("frames_feeling_nouns.tsv")
# Verbs of charging in court: the crime they name is the charge's content ("charged with murder")
CHARGING_VERBS = word_set("frames_charging_verbs.tsv")
# Adjectives of being able or free to do something: the act is possible, not done
ABILITY = word_set("frames_ability_adjectives.tsv")
# Verbs of wishing: with a plain object, a standing wish, no act ("wants him back")
WISH_VERBS = word_set("frames_wish_verbs.tsv")
# Nouns whose infinitive names an act tried, not done ("the attempt to take Elian")
TRYING_NOUNS = word_set("frames_trying_nouns.tsv")
# Verbs that introduce an action and are the event themselves, coded from that action.
INTRODUCERS = word_set("frames_introducing_verbs.tsv")
# Verbs whose object is the subject of the infinitive ("urged Iran to stop")
OBJECT_CONTROL = word_set("frames_object_control_verbs.tsv")
# Support verbs: the event is their object noun ("make a visit", "hold talks", "launch strikes")
SUPPORT_VERBS = word_set("frames_support_verbs.tsv")
# "sent letters of protest to Reno": documents that carry an act from their sender
CARRIER_NOUNS = word_set("frames_carrier_nouns.tsv")
# "told the council, urging it to act": verbs whose object is whom they address
ADDRESSING_VERBS = word_set("frames_addressing_verbs.tsv")
# "in protest against X", "in defiance of X": the stance an act is done in names its target
STANCE_NOUNS = word_set("frames_stance_nouns.tsv")
# Verbs and nouns of saying whose clause is reported ("said Russia failed", "a statement that")
SPEECH_VERBS = word_set("speech_verbs.tsv")
REPORTING_VERBS = SPEECH_VERBS | word_set("frames_belief_verbs.tsv")
REPORTING_NOUNS = word_set("frames_reporting_nouns.tsv")
# Nouns for groups of people whose affiliation is given by a place: "protesters in Cairo"
PEOPLE_NOUNS = word_set("frames_people_nouns.tsv")
POLICING_WORDS = word_set("frames_policing_words.tsv")  # arrests and searches the police make
OUTCOME_VERBS = word_set("frames_outcome_verbs.tsv")  # "shot and killed": what violence ends in
DESCRIBING_VERBS = word_set("frames_describing_verbs.tsv")  # "the charge carries a fine"
CIRCUMSTANCE_VERBS = word_set("frames_circumstance_verbs.tsv")  # "were forced to use"
BODY_NOUNS = word_set("frames_body_nouns.tsv")  # "the Hizbollah group": the name is the actor
COUNT_NOUNS = word_set("frames_count_nouns.tsv")  # "hundreds of children": who they count
# Words of quantity that head a phrase counting the people of their "of" phrase ("some of the
# protesters", "most of them"), as numbers do ("one of the two men")
QUANTIFIERS = {"some", "many", "most", "several", "all", "both", "few", "each", "none", "any"}
# Participles whose passive subject is the one who acts: "is opposed to", "is committed to"
STATIVE_PASSIVES = word_set("frames_stative_passives.tsv")
# Common nouns for a kind of place, named by their modifier: "Montenegro province", "Gaza city"
PLACE_NOUNS = word_set("frames_place_nouns.tsv")
# A country's premises in another country: "the U.S. embassy in Kenya" is in Kenya
MISSION_NOUNS = word_set("places_mission_nouns.tsv")
# Nouns whose "to" infinitive is the act they are of ("a decision to reject"), not what a thing
# is for ("evidence to support the charges")
CONTENT_NOUNS = word_set("frames_content_nouns.tsv")
# Offices held over an activity: "the head of the investigation" names an office, no act
OFFICE_NOUNS = word_set("frames_office_nouns.tsv")
# Gatherings held somewhere: their "in" place is no actor ("a ceremony in Independence, Mo.")
OCCASION_NOUNS = word_set("frames_occasion_nouns.tsv")
# Words that spread an act over many places: "an international manhunt", "a worldwide search"
SCOPE_WORDS = word_set("places_scope_words.tsv")
# Nouns that refer back to the company just named: "the company said", "the airline signed"
COMPANY_NOUNS = word_set("frames_company_nouns.tsv")
# Verbs whose "in" phrase names the event: "engaged in fighting", "took part in talks"
ENGAGE_VERBS = word_set("frames_engage_verbs.tsv")
# Verbs whose passive "with" phrase names the event ("was met with outrage")
RECEPTION_VERBS = word_set("frames_reception_verbs.tsv")

# -- grammar: closed classes and the labels of the parser and entity recogniser ----------------

# Auxiliaries that make an act hypothetical ("would meet") or planned ("will meet")
HYPOTHETICAL_AUX = {"would", "could", "might", "may", "should", "'d"}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
# Auxiliaries of what could be ("might come", "cannot apply": no act) and of what ought to be
# ("must not be allowed": an opinion when it is the sentence's own clause)
SPECULATION_AUX = {"could", "might", "can", "ca"}
# Claiming an act as one's own: "claimed responsibility for the attacks", "took credit for"
CLAIM_VERBS = {"claim", "take", "accept", "bear", "admit"}
CLAIM_NOUNS = {"responsibility", "credit"}
# Verbs of refusing what their infinitive says: "refused to take responsibility"
REFUSING_VERBS = {"refuse", "decline", "deny"}
# Prepositions by which an event noun names what it struck or where: "the attack on the hotel"
SPECIFYING_PREPS = {"on", "of", "against", "at", "in", "near", "outside"}
# Verbs of blame, with the preposition of the act they name its doer for: "accused Ukraine of an
# attack", "blamed Iran for the attacks", "was charged with the slaying"
BLAME_VERBS = {
    "accuse": "of", "blame": "for", "charge": "with", "convict": "of", "suspect": "of",
}  # fmt: skip
# Spans of time an activity is kept up over, no one act: "had been traveling for years"
LONG_SPANS = {"years", "decades", "generations", "centuries"}
# Verbs of speaking a participle of describes the speaker: "the minister, speaking at a news
# conference, said ..."
SPEAKING_VERBS = {"speak", "talk", "address", "testify", "comment"}
# People named by what they suffered: "bombing victims", "attack survivors"
SUFFERER_NOUNS = {"victim", "survivor", "casualty"}
# Verbs of keeping an act from happening: their object is no act told ("prevents the removal")
# (not "stop" or "halt", which end what is under way, nor "block": "blocked the march")
PREVENTING_VERBS = {"prevent", "bar", "forbid", "prohibit", "avert"}
# Words that give an act as only nearly what it says: "practically kidnapped", "a virtual coup"
HEDGES = {"practically", "virtually", "almost", "nearly", "virtual"}
OBLIGATION_AUX = {"must", "should", "ought"}
MODAL_AUX = HYPOTHETICAL_AUX | FUTURE_AUX | SPECULATION_AUX | OBLIGATION_AUX
# Adjectives of what may or may not be: "it is unlikely that ..." (not "likely": a forecast)
DOUBTFUL_ADJECTIVES = {"unlikely", "possible", "impossible", "conceivable", "doubtful"}
# Verbs of deciding: what they say must or can be done is decided ("ruled that he can stay")
DECIDING_VERBS = {"rule", "decide", "order", "determine", "hold", "find"}
# Adverbs of what was done at last: "could finally visit the site"
COMPLETIVE_ADVERBS = {"finally", "eventually", "ultimately"}
# Indefinite pronouns: a clause about anyone at all reports no act ("anyone with information
# is asked to call the police")
INDEFINITE_PRONOUNS = {
    "anyone", "anybody", "everyone", "everybody", "someone", "somebody", "whoever", "nobody",
}  # fmt: skip
# Subordinators that make a clause a condition ("if they meet")
CONDITIONAL_MARKS = {"if", "unless", "whether"}
RELATIVE_PRONOUNS = {"who", "whom", "that", "which", "whose"}
# Pronouns that refer to a country, organisation or group, never to a person
NON_PERSONAL_PRONOUNS = {"it", "its", "they", "their", "them", "itself", "themselves"}
# Prepositions of a locative phrase ("in Moscow", "across the region")
PLACE_PREPS = {
    "in", "at", "to", "near", "into", "inside", "outside", "across", "throughout", "toward",
    "towards", "around", "within", "from", "along", "over",
}  # fmt: skip
# Prepositions of motion: their place is a destination ("travel to Moscow")
MOTION_PREPS = {"to", "into", "toward", "towards"}
# Prepositions of a verb's partner or patient ("met with X", "fired at X")
TARGET_PREPS = {
    "over", "with", "against", "on", "at", "toward", "towards", "to", "upon", "into", "for",
}  # fmt: skip
# Prepositions of where violence struck: an actor there, not a place, is its target ("a bomb
# exploded outside the U.S. Embassy", "an explosion ripped through the embassy")
STRUCK_PREPS = {"outside", "inside", "near", "through"}
# Prepositions of an event noun's agent ("a visit by X"), of a noun of saying also "from"
NOUN_AGENT_PREPS = {"by"}
SAYING_AGENT_PREPS = {"by", "from"}
# Prepositions of an event noun's partner or patient ("talks with X", "a meeting between ...")
NOUN_TARGET_PREPS = {
    "of", "against", "on", "with", "to", "at", "toward", "towards", "over", "between", "among",
}  # fmt: skip
# Prepositions of what a demand, a criticism or a protest is about ("object to", "angry about")
OWNED_PREPS = {"to", "against", "over", "about", "at", "of", "for"}
# Prepositions of a state someone is put in or kept in ("in custody", "under arrest")
STATE_PREPS = {"in", "into", "under"}
# Prepositions of a verb's object's partner ("break off relations with Congo")
PARTNER_PREPS = {"with", "against", "to", "toward", "towards", "on", "between", "among"}
# Prepositions of time: their phrase dates, never places, the act ("after the talks")
TEMPORAL_PREPS = {"after", "before", "since", "until", "till", "following", "prior", "ahead"}
# Entity labels: those that name actors, places, and anything with a name
ENTITY_TYPES = {"PERSON", "NORP", "ORG", "GPE", "LOC", "FAC"}
PLACE_TYPES = {"GPE", "LOC", "FAC"}
NAME_TYPES = {"ORG", "GPE", "PERSON", "NORP", "FAC", "LOC", "WORK_OF_ART", "LAW", "PRODUCT"}
# Dependencies that leave the noun phrase of an argument: the actor is the phrase without them
OUTSIDE_PHRASE = {
    "relcl", "acl", "advcl", "prep", "appos", "conj", "cc", "punct", "ccomp", "xcomp",
    "parataxis", "dep",
}  # fmt: skip
# Words that make a statement about someone a criticism or an accusation of them ("said their
# assumptions were untrue"): lemma -> CAMEO code
CHARGE_WORDS = dict(read_table("cameo_charge_words.tsv"))
