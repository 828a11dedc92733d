"""Convert the PETRARCH/Phoenix coding dictionaries into the project's data files.

    .venv/bin/python scripts/convert_petrarch.py [DICTIONARY_DIR]

DICTIONARY_DIR (default ../shared/dictionaries/petrarch) holds the dictionaries as the Open Event
Data Alliance published them (openeventdata/UniversalPetrarch, data/dictionaries, commit
067552d8; MIT licence, copyright the Open Event Data Alliance). The output is committed under
timeline/data/, each file opening with its provenance and the licence notice, so that the
package needs neither the originals nor this script:

- petrarch_verbs.tsv: every verb of the verb dictionary (CAMEO.2.0.txt) with its synonym block,
  its CAMEO code (its own, else the block's; `---` when the verb alone codes nothing) and its
  irregular forms;
- petrarch_verb_patterns.tsv: the block patterns that refine a verb's code by the words around
  it (its object, prepositional phrases, subject), tokens as written, lower case;
- petrarch_synsets.tsv: the word classes (`&WEAPON`, `&MILITARY` ...) those patterns use;
- petrarch_actors.tsv: people, bodies and groups (Phoenix.Countries, .International and
  .MilNonState actors) with their codes and the dates each code held (the format of
  `timeline actors import`: name, aliases separated by `|`, code, from, until as ISO dates);
  the entries of countries and territories themselves are left to countries.tsv: the original
  lists a country's towns and provinces as names of the country (even where it dates the
  country's codes: "IRAQ_ [IRQ <030320]"), and a town is never another name of its country;
- petrarch_agents.tsv: generic agents and their sector codes (Phoenix.agents.txt), with the
  `!PERSON!`-style substitutions expanded and regular plurals marked;
- petrarch_discards.tsv: phrases that mark a sentence or a story as not codable.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT.parent / "shared" / "dictionaries" / "petrarch"
OUT = ROOT / "timeline" / "data"

PROVENANCE = """\
# Converted by scripts/convert_petrarch.py from the PETRARCH/Phoenix coding dictionaries
# ({source}), as published by the Open Event Data Alliance in openeventdata/UniversalPetrarch,
# data/dictionaries, commit 067552d8 (2019-06-04); the same files ship with
# openeventdata/petrarch2. Do not edit by hand: change the conversion and run it again.
#
# The MIT License (MIT). Copyright (c) 2014-2015 Open Event Data Alliance.
# Permission is hereby granted, free of charge, to any person obtaining a copy of this software
# and associated documentation files (the "Software"), to deal in the Software without
# restriction, including without limitation the rights to use, copy, modify, merge, publish,
# distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the
# Software is furnished to do so, subject to the following conditions: The above copyright
# notice and this permission notice shall be included in all copies or substantial portions of
# the Software. THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
# IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A
# PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE
# LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
# OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER
# DEALINGS IN THE SOFTWARE.
#
"""


def strip_comment(line: str) -> str:
    """A line without its `#` comment (and without the old `;` comments of TABARI files)."""
    line = re.sub(r"<!--.*?-->", "", line)
    line = line.split("#", 1)[0]
    return line.rstrip()


def phrase(text: str) -> str:
    """A dictionary phrase as words: `HOSNI_MUBARAK_` -> `hosni mubarak`; empty when the
    original's encoding damaged it (a control character where a letter was)."""
    if any(ord(ch) < 32 for ch in text.replace("\t", " ")):
        return ""
    return " ".join(text.replace("_", " ").lower().split())


def write(name: str, source: str, description: str, columns: list[str], rows: list[list]) -> None:
    lines = [PROVENANCE.format(source=source)]
    lines += [f"# {line}".rstrip() for line in description.strip().splitlines()]
    lines.append("\t".join(columns))
    for row in rows:
        cells = ["" if cell is None else str(cell) for cell in row]
        for cell in cells:
            if "\t" in cell or "\n" in cell:
                raise ValueError(f"{name}: a cell holds a tab or a newline: {cell!r}")
        while cells and cells[-1] == "":
            cells.pop()
        lines.append("\t".join(cells))
    (OUT / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{name}: {len(rows)} rows", file=sys.stderr)


# --- the verb dictionary ------------------------------------------------------------------------

CODE = re.compile(r"\[([^\]]*)\]")


@dataclass
class Block:
    name: str
    code: str
    verbs: list[tuple[str, str | None, list[str]]] = field(default_factory=list)
    patterns: list[tuple[str, str, str | None, str]] = field(default_factory=list)


def read_verbs(path: Path) -> tuple[dict[str, list[tuple[str, bool]]], list[Block]]:
    """The synonym sets ({&NAME: [(phrase, plurals)]}) and the verb blocks of CAMEO.2.0.txt."""
    synsets: dict[str, list[tuple[str, bool]]] = {}
    blocks: list[Block] = []
    current_set: str | None = None
    block: Block | None = None
    for raw in path.read_text(encoding="utf-8").splitlines():
        header = re.match(r"^---\s+(.*?)\s+\[([^\]]*)\]\s+---", raw)
        if header:
            block = Block(header.group(1).strip(), header.group(2).strip())
            blocks.append(block)
            current_set = None
            continue
        if raw.startswith("#"):
            continue
        line = strip_comment(raw).strip()
        if not line:
            current_set = None
            continue
        if line.startswith("&"):
            current_set = line.split()[0]
            synsets[current_set] = []
            continue
        if current_set is not None and line.startswith("+") and block is None:
            word = line[1:].strip()
            plurals = not word.endswith("_") and not current_set.endswith("_")
            synsets[current_set].append((phrase(word), plurals))
            continue
        if block is None:
            continue
        if line.startswith("-"):
            codes = CODE.findall(line)
            if not codes:
                continue
            body = CODE.sub(" ", line[1:]).strip()
            primary, _, reciprocal = codes[-1].strip().partition(":")
            origin = raw.split("#", 1)[1].strip() if "#" in raw else ""
            block.patterns.append(
                (
                    " ".join(body.lower().split()),
                    primary.strip(),
                    reciprocal.strip() or None,
                    origin.split()[0].lower() if origin else "",
                )
            )
            continue
        codes = CODE.findall(line)
        forms_match = re.search(r"\{([^}]*)\}", line)
        forms = forms_match.group(1).split() if forms_match else []
        word = re.sub(r"\{[^}]*\}|\[[^\]]*\]", " ", line).strip().split()
        if not word:
            continue
        verb = phrase(word[0].lstrip("+"))
        own = codes[0].strip().partition(":")[0] if codes else None  # "041:041": its own first
        block.verbs.append((verb, own or None, [phrase(f.lstrip("+")) for f in forms]))
    return synsets, blocks


def convert_verbs(source: Path) -> None:
    synsets, blocks = read_verbs(source / "CAMEO.2.0.txt")
    verb_rows, pattern_rows, seen = [], [], set()
    for block in blocks:
        for verb, own, forms in block.verbs:
            code = own or block.code
            key = (verb, block.name)
            if key in seen:
                continue
            seen.add(key)
            verb_rows.append([verb, block.name.lower(), code, "|".join(forms)])
        for body, code, reciprocal, origin in block.patterns:
            if "*" not in body.split():
                continue
            pattern_rows.append([block.name.lower(), body, code, reciprocal, origin])
    write(
        "petrarch_verbs.tsv",
        "CAMEO.2.0.txt",
        """Verbs of the CAMEO verb dictionary (about 400 synonym blocks). verb: the lemma, or a
phrasal verb in words ("ask for"); block: its synonym block, whose patterns
(petrarch_verb_patterns.tsv) apply to every verb of the block; code: the CAMEO code of the verb
alone (its own, else its block's), `---` when the verb codes nothing without a pattern; forms:
irregular forms, separated by `|`.""",
        ["verb", "block", "code", "forms"],
        verb_rows,
    )
    write(
        "petrarch_verb_patterns.tsv",
        "CAMEO.2.0.txt",
        """Patterns of the CAMEO verb dictionary: words around a verb of the block that give the
event another code. pattern: tokens in order, `*` the verb; words before it are on the subject's
side, words after it follow the verb (its object, its prepositional phrases); `(PREP WORDS)` a
prepositional phrase; `{WORDS}` consecutive words; `&NAME` a word class of
petrarch_synsets.tsv; `$` the source, `+` the target, `^` any noun phrase skipped, `%` a compound
actor; a word ending in `_` must end there (no plural). code: the CAMEO code (`---`: no event);
reciprocal: the code of the reverse event, for symmetric codes; verb: the verb the pattern was
first written for.""",
        ["block", "pattern", "code", "reciprocal", "verb"],
        pattern_rows,
    )
    rows = [
        [name.lower(), words, "yes" if plurals else "no"]
        for name, members in synsets.items()
        for words, plurals in members
    ]
    write(
        "petrarch_synsets.tsv",
        "CAMEO.2.0.txt",
        """Word classes of the verb patterns (`&WEAPON`, `&MILITARY` ...). phrase: consecutive
words; plurals: whether regular plurals of the phrase also belong to the class.""",
        ["synset", "phrase", "plurals"],
        rows,
    )


# --- the actor dictionaries ---------------------------------------------------------------


def iso(day: str) -> str:
    """A dictionary date (YYMMDD or YYYYMMDD) as ISO; two-digit years up to 30 are 20YY."""
    digits = re.sub(r"\D", "", day)
    if len(digits) == 6:
        year = int(digits[:2])
        year += 2000 if year <= 30 else 1900
        month, dom = int(digits[2:4]), int(digits[4:6])
    elif len(digits) == 8:
        year, month, dom = int(digits[:4]), int(digits[4:6]), int(digits[6:8])
    else:
        raise ValueError(day)
    return date(year, max(1, min(12, month)), max(1, min(28, dom) if dom > 28 else dom)).isoformat()


def restriction(text: str) -> tuple[str, str, str] | None:
    """`EGYGOV 811014-110211` / `USAGOV >090120` / `IGOUNO <921231` / `EGYELI` -> (code, from,
    until); None when malformed."""
    parts = text.split()
    if not parts:
        return None
    code = parts[0].strip()
    if not re.fullmatch(r"[A-Z0-9~]+|---", code):
        return None
    if len(parts) == 1:
        return code, "", ""
    span = "".join(parts[1:])
    try:
        if span.startswith(">"):
            return code, iso(span[1:]), ""
        if span.startswith("<"):
            return code, "", iso(span[1:])
        first, _, last = span.partition("-")
        start, end = iso(first), iso(last) if last else ""
        if end and end < start:
            return None  # a range that ends before it begins: a typing error of the original
        return code, start, end
    except ValueError:
        return None


@dataclass
class Actor:
    name: str
    aliases: list[str] = field(default_factory=list)
    roles: list[tuple[str, str, str]] = field(default_factory=list)


def read_actors(path: Path) -> tuple[list[Actor], int]:
    actors: list[Actor] = []
    current: Actor | None = None
    bad = 0
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.lstrip().startswith("#") or not raw.strip():
            continue
        line = strip_comment(raw)
        if not line.strip():
            continue
        codes = CODE.findall(line)
        words = CODE.sub(" ", line).strip()
        if raw[0] in " \t" and not words:  # an indented date restriction of the current actor
            if current is not None:
                for text in codes:
                    found = restriction(text)
                    if found:
                        current.roles.append(found)
                    else:
                        bad += 1
            continue
        if words.startswith("+"):
            if current is not None:
                for alias in re.split(r"(?<=_)\+", words[1:]):
                    if phrase(alias):
                        current.aliases.append(phrase(alias))
                for text in codes:
                    found = restriction(text)
                    if found:
                        current.roles.append(found)
            continue
        current = Actor(phrase(words))
        actors.append(current)
        for text in codes:
            found = restriction(text)
            if found:
                current.roles.append(found)
            else:
                bad += 1
    return [actor for actor in actors if actor.name], bad


def is_place(actor: Actor, roles: list[tuple[str, str, str]]) -> bool:
    """A country or territory of the countries' dictionary: named as a country, or coded with a
    country's code alone (AFG) or with a territory's after it (USAGUM, GBRVGB: the second part
    is itself a country or territory code, where a person or body has a sector: GOV, ELI)."""
    sys.path.insert(0, str(ROOT))
    from timeline.nlp.actors.countries import country_lexicon, country_of

    codes = set(country_lexicon().countries)
    if country_of(actor.name, capitals=False) is not None:
        return True
    for code, _, _ in roles:
        if re.fullmatch(r"[A-Z]{3}", code) and code in codes:
            return True
        if len(code) == 6 and code[:3] in codes and code[3:] in codes | TERRITORIES:
            return True
    return False


# Codes of places after a country's code that are not ISO 3166 codes: Gaza (PSEGZA), the
# unrecognised and occupied states of the countries' dictionary (USRUNR, ..OCC), Republika Srpska
TERRITORIES = {"GZA", "UNR", "OCC", "SRP", "ERI", "IMY"}


def split_parenthesis(name: str, aliases: list[str]) -> tuple[str, list[str]]:
    """A name without what the original wrote in parentheses after it: "aden abyan islamic army
    (aaia)" -> the name and the alias "aaia"; an unclosed one ("stanko todorov (acting") is a
    remark, dropped. The aliases likewise."""

    def parts(text: str) -> tuple[str, str | None]:
        match = re.fullmatch(r"(.*?)\s*\((.*?)(\))?\s*", text)
        if not match:
            return text, None
        inner = match.group(2).strip() if match.group(3) else None
        return match.group(1).strip(), inner or None

    name, extra = parts(name)
    out = [extra] if extra else []
    for alias in aliases:
        bare, inner = parts(alias)
        out += [bare] + ([inner] if inner else [])
    return name, [a for a in out if a]


def convert_actors(source: Path) -> None:
    rows, dropped, bad_total = [], 0, 0
    for file in (
        "Phoenix.Countries.actors.txt",
        "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt",
    ):
        actors, bad = read_actors(source / file)
        bad_total += bad
        for actor in actors:
            roles = list(dict.fromkeys(actor.roles)) or [("", "", "")]
            if all(code in ("", "---") for code, _, _ in roles):
                continue
            if file.startswith("Phoenix.Countries") and is_place(actor, roles):
                # a country ("AFGHANISTAN_ [AFG]", "IRAQ_ [IRQ <030320] [IRQ >060520]") or a
                # territory ("GUAM_ [USAGUM]"): its names are in countries.tsv; the original
                # also lists its towns and provinces as its names ("+KABUL_", "+HELMAND"),
                # and a town is a place, never another name of its country
                dropped += 1
                continue
            name, aliases = split_parenthesis(actor.name, actor.aliases)
            if not name:
                continue
            actor.name = name
            aliases = [a for a in dict.fromkeys(aliases) if a and a != actor.name]
            for number, (code, start, end) in enumerate(roles):
                if code in ("", "---"):
                    continue
                rows.append(
                    [
                        actor.name,
                        "|".join(aliases) if number == 0 else "",
                        code,
                        start,
                        end,
                        file.split(".")[1].lower(),
                    ]
                )
    print(
        f"actors: {dropped} country entries left to countries.tsv, {bad_total} malformed "
        "date restrictions skipped",
        file=sys.stderr,
    )
    write(
        "petrarch_actors.tsv",
        "Phoenix.Countries.actors.txt, Phoenix.International.actors.txt, "
        "Phoenix.MilNonState.actors.txt",
        """People, bodies and groups with their CAMEO actor codes and the dates each code held
(the dictionaries stop in 2017). name: the main name in words; aliases: other names, separated
by `|` (on the actor's first row); code: a CAMEO actor code (EGYGOV, IGOUNO, USAELI ...); from,
until: the first and last day the code held (ISO dates; empty for open); a row with both empty is
the code otherwise. Rows with the same name are one actor. Countries themselves are not here
(see countries.tsv): the original lists a country's towns and provinces among its names, and a
town is a place, never another name of its country. list: the dictionary the row comes from.""",
        ["name", "aliases", "code", "from", "until", "list"],
        rows,
    )


# --- agents and discards ------------------------------------------------------------------


def convert_agents(source: Path) -> None:
    substitutions: dict[str, list[str]] = {}
    rows = []
    for raw in (source / "Phoenix.agents.txt").read_text(encoding="utf-8").splitlines():
        line = strip_comment(raw).strip()
        if not line:
            continue
        macro = re.match(r"^(![A-Z]+!)\s*=\s*(.*)$", line)
        if macro:
            substitutions[macro.group(1)] = [w.strip() for w in macro.group(2).split(",")]
            continue
        code = re.search(r"\[([^\]}]*)[\]}]", line)
        if not code:
            continue
        body = line[: code.start()].strip()
        plural_match = re.search(r"\{([^}]*)\}", body)
        plural = plural_match.group(1).strip() if plural_match else None
        body = re.sub(r"\{[^}]*\}", "", body).strip()
        variants = [body]
        for marker, values in substitutions.items():
            if marker in body:
                variants = [v.replace(marker, value) for v in variants for value in values]
        for variant in variants:
            words = phrase(variant)
            if not words:
                continue
            if plural is None:
                plurals = "regular" if "!" not in body else "none"
            else:
                plurals = phrase(plural) if plural else "none"
            rows.append([words, code.group(1).strip(), plurals])
    write(
        "petrarch_agents.tsv",
        "Phoenix.agents.txt",
        """Generic agents: a noun (phrase) for a kind of actor and its code. code: `~XXX` adds
the sector XXX after the actor's country ("police" ~COP: Kenyan police = KENCOP), `XXX~` puts it
before (organisations: NGO~). plural: `regular` (add -s/-es/-ies), `none` (the phrase is its
own plural or has none), or the irregular plural in words.""",
        ["agent", "code", "plural"],
        rows,
    )


def convert_discards(source: Path) -> None:
    rows = []
    for raw in (source / "Phoenix.discards.txt").read_text(encoding="utf-8").splitlines():
        line = strip_comment(raw.split(";", 1)[0]).strip()
        if not line:
            continue
        story = line.startswith("+")
        words = " ".join(line.lstrip("+").split()).lower()
        if words:
            rows.append([words, "story" if story else "sentence"])
    write(
        "petrarch_discards.tsv",
        "Phoenix.discards.txt",
        """Phrases whose sentence (or whole story) the Phoenix coder did not code: sports, awards,
chronologies. scope: sentence or story.""",
        ["phrase", "scope"],
        rows,
    )


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SOURCE
    convert_verbs(source)
    convert_actors(source)
    convert_agents(source)
    convert_discards(source)


if __name__ == "__main__":
    main()
