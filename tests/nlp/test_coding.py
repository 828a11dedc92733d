"""The CAMEO coding lexicons under timeline/data parse and mean what they say."""

from __future__ import annotations

from importlib import resources

import pytest

from timeline.nlp.coding import cameo_lexicon


def _codes_of(table):
    return {entry.code for entries in table.values() for entry in entries}


def test_code_table_parses_with_quad_class_and_goldstein_of_each_root():
    lex = cameo_lexicon()
    assert len(lex.codes) > 250
    for code, info in lex.codes.items():
        assert code.isdigit() and 2 <= len(code) <= 4
        root = int(code[:2])
        assert 1 <= root <= 20
        expected = 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
        assert info.quad_class == expected, code
        assert -10.0 <= info.goldstein <= 10.0
        assert info.label
        if len(code) > 2:
            assert code[:2] in lex.codes, f"{code} has no root row"


@pytest.mark.parametrize(
    ("code", "label", "goldstein"),
    [
        ("010", "Make statement, not specified below", 0.0),
        ("036", "Express intent to meet or negotiate", 4.0),
        ("042", "Make a visit", 1.9),
        ("057", "Sign formal agreement", 8.0),
        ("112", "Accuse", -2.0),
        ("173", "Arrest, detain, or charge with legal action", -5.0),
        ("195", "Employ aerial weapons", -10.0),
        # values of the standard scale that are easy to get wrong
        ("13", "Threaten", -6.0),
        ("016", "Deny responsibility", -2.0),
        ("035", "Express intent to yield", 7.0),
        ("124", "Decline to yield", -4.0),
        ("165", "Halt mediation", -6.5),
        ("1822", "Torture", -9.0),
    ],
)
def test_code_rows_mean_what_cameo_says(code, label, goldstein):
    info = cameo_lexicon().code_info(code)
    assert info.label == label
    assert info.goldstein == goldstein


def test_every_lexicon_code_exists_and_maps_to_plover():
    lex = cameo_lexicon()
    for code in _codes_of(lex.verbs) | _codes_of(lex.nouns):
        if code == "---":  # a row saying the word is no event in that context
            continue
        assert code in lex.codes, code
        if code.startswith("01"):  # PLOVER has no type for public statements
            continue
        assert lex.plover_info(code) is not None, code


def test_every_non_statement_code_maps_to_plover():
    lex = cameo_lexicon()
    for code in lex.codes:
        if len(code) > 2 and not code.startswith("01"):
            assert lex.plover_info(code) is not None, code


@pytest.mark.parametrize(
    ("code", "kind", "mode"),
    [
        ("042", "CONSULT", "visit"),
        ("036", "AGREE", None),
        ("195", "ASSAULT", "heavy-weapons"),
        ("173", "COERCE", "arrest"),
        ("026", "REQUEST", "meet"),
        ("1053", "REQUEST", "yield"),
    ],
)
def test_plover_rows(code, kind, mode):
    info = cameo_lexicon().plover_info(code)
    assert info.type == kind
    assert info.mode == mode


def test_plover_table_keeps_its_attribution():
    text = resources.files("timeline.data").joinpath("cameo_plover.tsv").read_text()
    head = "\n".join(line for line in text.splitlines() if line.startswith("#"))
    assert "MIT" in head and "PLOVER" in head and "CAMEO2PLOVER" in head


@pytest.mark.parametrize(
    ("lemma", "root"),
    [
        ("say", "01"),
        ("urge", "02"),
        ("agree", "03"),
        ("meet", "04"),
        ("visit", "04"),
        ("negotiate", "04"),
        ("praise", "05"),
        ("sign", "05"),
        ("aid", "07"),
        ("withdraw", "08"),
        ("investigate", "09"),
        ("demand", "10"),
        ("accuse", "11"),
        ("criticize", "11"),
        ("condemn", "11"),
        ("reject", "12"),
        ("threaten", "13"),
        ("protest", "14"),
        ("sanction", "16"),
        ("arrest", "17"),
        ("attack", "19"),
        ("fight", "19"),
        ("invade", "19"),
        ("kill", "19"),
    ],
)
def test_common_news_verbs_have_their_root(lemma, root):
    entries = cameo_lexicon().verbs[lemma]
    default = [e for e in entries if not e.conditions]
    assert default, f"{lemma} has no unconditional row"
    assert default[0].code.startswith(root)


def test_conditional_rows_are_more_specific_than_defaults():
    lex = cameo_lexicon()
    launch = {e.code: e.conditions for e in lex.verbs["launch"]}
    assert "195" in launch and dict(launch["195"])["obj"] >= {"missile", "rocket"}
    strike_noun = [e for e in lex.nouns["strike"] if e.code == "195"]
    assert strike_noun and "air" in dict(strike_noun[0].conditions)["mod"]
    for table in (lex.verbs, lex.nouns):
        for lemma, entries in table.items():
            counts = [len(e.conditions) for e in entries]
            assert counts == sorted(counts, reverse=True), lemma


# --- the refinements of introducing acts and the codes the rules single out ---------------------

# kind -> the root of its codes
KIND_ROOTS = {"intent": "03", "reject": "12", "threaten": "13", "appeal": "02", "demand": "10"}


def test_introducers_name_each_kind_by_its_root_and_general_code():
    lex = cameo_lexicon()
    assert {root: i.kind for root, i in lex.introducers.items()} == {
        root: kind for kind, root in KIND_ROOTS.items()
    }
    for root, introducer in lex.introducers.items():
        assert introducer.general == root + "0" and introducer.general in lex.codes
        if introducer.yield_family is not None:  # "Express intent to yield", "Demand that ..."
            assert introducer.yield_family in lex.codes
            assert lex.plover_info(introducer.yield_family + "1") is not None
    assert lex.introducers["13"].yield_family is None


def test_refinements_are_codes_of_their_kind_about_their_action():
    lex = cameo_lexicon()
    assert set(lex.refinements) == set(KIND_ROOTS)
    for kind, table in lex.refinements.items():
        for action, code in table.items():
            assert action in lex.codes and len(action) == 2, (kind, action)
            if code is not None:
                assert code in lex.codes and code.startswith(KIND_ROOTS[kind]), (kind, code)
    assert lex.code_info(lex.refinements["intent"]["04"]).label.startswith("Express intent to meet")
    assert lex.code_info(lex.refinements["threaten"]["19"]).label.startswith("Threaten")
    assert lex.refinements["intent"]["03"] is None  # "agreed to agree": the action's own code


def test_yield_concessions_complete_each_family():
    lex = cameo_lexicon()
    assert lex.yield_digits["081"] == "1" and lex.yield_digits["087"] == "6"
    for code, digit in lex.yield_digits.items():
        assert code.startswith("08") and code in lex.codes
        for introducer in lex.introducers.values():
            if introducer.yield_family is not None:
                assert introducer.yield_family + digit in lex.codes, (code, introducer)


def test_refining_an_introduced_action():
    from timeline.nlp.coding import EventCoder

    coder = EventCoder(cameo_lexicon())
    assert coder.refine("intent", "042") == "036"  # agreed to visit: intent to meet
    assert coder.refine("intent", "190") == "138"  # intent to fight: a threat of war
    assert coder.refine("demand", "081") == "1051"  # demand to ease administrative sanctions
    assert coder.refine("reject", None) == "120" and coder.intent_code("010") == "030"
    assert coder.refine("appeal", "011", base="021") == "021"  # not refined: the verb's own


def test_rule_codes_are_cameo_roots_or_codes():
    from dataclasses import fields

    from timeline.data import read_table
    from timeline.nlp.coding import RULE_CODES, RuleCodes

    lex = cameo_lexicon()
    table = read_table("cameo_rule_codes.tsv")
    assert table.columns == ("rule", "codes", "use")
    assert [rule for rule, *_ in table] == [field.name for field in fields(RuleCodes)]
    for rule, codes, use in table:
        assert use, rule
        for code in codes.split():
            assert code in lex.codes, (rule, code)
            assert len(code) == 2 or rule in (
                "trade",
                "travel",
                "private_rescue",
                "accusation_clause",
            ), (rule, code)
    assert RULE_CODES.statement == {"01"} and RULE_CODES.trade == {"061"}
    assert RULE_CODES.planned_force == {"14", "16", "17", "18", "19", "20"}
    assert RULE_CODES.force == RULE_CODES.planned_force | {"15"}
    assert lex.code_info("18").label == "Assault" and "18" in RULE_CODES.violence
