"""Event nouns made from coded verbs: "the bombing", "the killing", "an explosion", "deportation".

English makes a noun of nearly every verb of acting, by a few regular endings (bomb -> bombing,
explode -> explosion, deport -> deportation, harass -> harassment, refuse -> refusal, seize ->
seizure, assist -> assistance) or by none (attack, raid, murder, arrest). A noun the noun lexicon
does not list is read back to the verbs it may come from, and takes the code the verb lexicons
give the first of them that they code without a pattern, for the roots cameo_rule_codes.tsv
lists under `derived_nouns` (elsewhere such nouns are too often something else: "the
government", "a decision", "a call").
"""

from __future__ import annotations

# (ending of the noun, endings of the verb it may come from), tried in order; grammar, not
# lexicon: these are the regular suffixes of English nominalizations.
SUFFIXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ication", ("y",)),  # notification -> notify
    ("ation", ("", "e", "ate")),  # deportation -> deport, invitation -> invite, investigation
    ("ition", ("ish", "e")),  # abolition -> abolish, opposition -> oppose
    ("ssion", ("ss", "t")),  # suppression -> suppress, admission -> admit
    ("sion", ("de", "d", "t")),  # explosion -> explode, invasion -> invade, diversion -> divert
    ("ction", ("ct",)),  # abduction -> abduct, protection -> protect
    ("tion", ("te", "t")),  # execution -> execute, assertion -> assert
    ("ment", ("",)),  # harassment -> harass, imprisonment -> imprison
    ("ial", ("y",)),  # denial -> deny
    ("al", ("", "e")),  # withdrawal -> withdraw, refusal -> refuse
    ("ure", ("e", "")),  # seizure -> seize, departure -> depart
    ("ance", ("", "e")),  # assistance -> assist, acceptance -> accept
    ("ence", ("e", "")),  # interference -> interfere
    ("ing", ("", "e", "DOUBLE")),  # bombing -> bomb, shooting -> shoot, kidnapping -> kidnap
)


def source_verbs(noun: str) -> list[str]:
    """The verbs a noun may be made from, most likely first ("explosion" -> explode, explod,
    explot); the noun itself last (zero derivation)."""
    found: list[str] = []
    for ending, replacements in SUFFIXES:
        if not noun.endswith(ending) or len(noun) - len(ending) < 3:
            continue
        stem = noun[: -len(ending)]
        for replacement in replacements:
            if replacement == "DOUBLE":
                if len(stem) > 3 and stem[-1] == stem[-2]:
                    found.append(stem[:-1])
            else:
                found.append(stem + replacement)
        break
    found.append(noun)
    return list(dict.fromkeys(found))
