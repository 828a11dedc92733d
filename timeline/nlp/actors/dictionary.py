"""The actor dictionary: people, bodies, groups and international organisations by name, with
their CAMEO actor codes and the days each code held ("Hosni Mubarak": EGYGOV from 1981-10-14 to
2011-02-11, EGYELI otherwise).

The shipped entries are timeline/data/petrarch_actors.tsv (the Phoenix dictionaries, converted by
scripts/convert_petrarch.py; they stop in 2017). The user's entries (`timeline actors import`,
kept in the database) are laid over them with `use_user_entries`: a user's entry with the name
of a shipped one replaces its codes (its other names stay its own), and a name or alias the user
gives is the user's entry's alone.

Names are found as the dictionary writes them, by their key (`lookup.key`): a main name or an
alias. A short one-word name ("un", "fbi", "ins") is found only where the text writes it in
capitals. A name several entries share ("President Bush") is the one entry that held a dated
code on the day asked for, else the one whose main name it is, else none; a bare surname the
dictionary does not list is the one person of that surname in office on the day, if there is
one ("Reagan" in 1987); a full name it does not list is the one entry that held a code on the
day and that it spells with a letter doubled or not ("Francois Mitterand"). `code_on` gives the
code an entry held on a day: a dated code that covers the day (the latest begun), else the code
it has otherwise, else the last one before the day, else the first; without a day, the code
held from a day on with no end (the office it holds as far as the dictionary knows) first.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path

from timeline.data import parse_table, read_table
from timeline.nlp.actors.countries import country_lexicon
from timeline.nlp.lookup import key
from timeline.records import DatedCode

SHIPPED, USER = "dictionary", "user"
# What the codes of organisations open with before a country's code: a multinational company
# of the United States (MNCUSA), an NGO of one country (NGOUSA)
COUNTRY_AFTER = ("MNC", "NGO")
COMPANY, BUSINESS = "MNC", "BUS"  # a multinational company is a business
# Words a name writes in lower case after its first word ("Bashar al-Assad", "Bank of England")
LOWER_PARTICLES = frozenset("of the and for in on al el bin ibn de del da di van von la le".split())
INITIALISMS = frozenset("un eu us uk".split())  # written in capitals before a name: "UN envoy"


def name_key(text: str, memo: bool = True) -> str:
    """The key a name is found by: `lookup.key` without dots, hyphens as spaces
    ("Jean-Bertrand Aristide" is "jean bertrand aristide", "George W Bush" "george w bush")."""
    folded = key(text) if memo else key.__wrapped__(text)
    return " ".join(folded.replace(".", "").replace("-", " ").split())


_PLAIN = re.compile(r"[a-z0-9 .&/-]*")  # what most of the dictionary's names are made of


def _key(text: str) -> str:
    """`name_key` of a name of the dictionary (computed once each: not memoised), quickly for the
    plain ones: lower case words between single spaces, as the converter writes them."""
    if not _PLAIN.fullmatch(text) or "  " in text or text != text.strip():
        return name_key(text, memo=False)
    if text.startswith("the "):
        text = text[4:]
    if "." in text or "-" in text:
        text = " ".join(text.replace(".", "").replace("-", " ").split())
    return text


@dataclass(frozen=True)
class Entry:
    """One actor of the dictionary: its main name (lower case) and its dated codes."""

    name: str
    roles: tuple[DatedCode, ...]
    aliases: tuple[str, ...] = ()

    def code_on(self, day: date | None) -> str | None:
        return code_on(self.roles, day)

    @property
    def display_name(self) -> str:
        """The main name as a name is written: "George W. Bush", "Bashar al-Assad", "NATO"."""
        words = self.name.split()
        if len(words) == 1 and len(self.name) <= 5:
            return self.name.upper()
        if words[0] in INITIALISMS:  # "un general assembly"
            return " ".join([words[0].upper(), Entry(" ".join(words[1:]), ()).display_name])
        return " ".join(
            "-".join(
                part if part in LOWER_PARTICLES and (n or i) else part[:1].upper() + part[1:]
                for n, part in enumerate(word.split("-"))
            )
            for i, word in enumerate(words)
        )

    @property
    def countries(self) -> frozenset[str]:
        """The countries its codes name."""
        return frozenset(c for r in self.roles if (c := code_country(r.code)) is not None)


@dataclass
class Index:
    """Entries and the keys of their names: key -> entry numbers. An entry is kept as the text of
    its rows (name, other names, codes and dates) and made an `Entry` when first asked for: an
    article asks for a few dozen of the twenty-five thousand."""

    names: dict[str, list[int]] = field(default_factory=dict)
    main: set[tuple[str, int]] = field(default_factory=set)  # (key, entry) of main names
    rows: list[tuple] = field(default_factory=list)  # (name, aliases, ((code, from, until),))
    origin: str = SHIPPED
    built: dict[int, Entry] = field(default_factory=dict)
    squeezed: dict[str, list[int]] = field(default_factory=dict)  # see `_squeezed_names`

    def add(self, name: str, aliases, roles) -> int:
        number = len(self.rows)
        aliases = tuple(aliases)
        self.rows.append((name, aliases, tuple(roles)))
        main = _key(name)
        self.main.add((main, number))
        names = self.names
        for k in (main, *map(_key, aliases)):
            numbers = names.get(k)
            if numbers is None:
                names[k] = [number]
            elif number not in numbers:
                numbers.append(number)
        return number

    def add_entry(self, entry: Entry) -> int:
        number = self.add(entry.name, entry.aliases, ())
        self.built[number] = entry
        return number

    def entry(self, number: int) -> Entry:
        entry = self.built.get(number)
        if entry is None:
            name, aliases, roles = self.rows[number]
            codes = tuple(
                DatedCode(code, _day(start), _day(end), self.origin) for code, start, end in roles
            )
            entry = self.built[number] = Entry(name, codes, aliases)
        return entry

    @property
    def entries(self) -> list[Entry]:
        return [self.entry(n) for n in range(len(self.rows))]


def code_country(code: str | None) -> str | None:
    """The country a CAMEO actor code names: EGYGOV -> EGY, MNCUSA -> USA, IGOUNO -> None."""
    if not code:
        return None
    countries = country_lexicon().countries
    if code[:3] in countries:
        return code[:3]
    if code[:3] in cameo_countries():  # "ANGREB" (UNITA): Angola
        return cameo_countries()[code[:3]]
    if code[:3] in COUNTRY_AFTER and code[3:6] in countries:
        return code[3:6]
    return None


@lru_cache(maxsize=1)
def cameo_countries() -> dict[str, str]:
    """cameo_country_codes.tsv: CAMEO's own country codes -> ISO alpha-3 ("ANG" -> "AGO")."""
    return dict(read_table("cameo_country_codes.tsv").rows)


def code_sector(code: str | None) -> str | None:
    """The sector a code names: after a country's code (EGYGOV -> GOV), a multinational company's
    (MNCUSA -> BUS); None otherwise."""
    if not code:
        return None
    if code.startswith(COMPANY):
        return BUSINESS
    country = code_country(code)
    if country is None or code[:3] not in (country, *cameo_countries()) or len(code) < 6:
        return None
    return code[3:6]


def code_on(roles: tuple[DatedCode, ...], day: date | None) -> str | None:
    """The code held on `day` (see the module docstring); None without codes."""
    if not roles:
        return None
    if day is None:  # no day: the office held today, as far as the dictionary knows
        current = [r for r in roles if r.start is not None and r.end is None]
        if current:
            return max(current, key=lambda r: r.start).code
    else:
        covering = [
            r
            for r in roles
            if (r.start or r.end)
            and (r.start is None or r.start <= day)
            and (r.end is None or day <= r.end)
        ]
        if covering:
            return max(covering, key=lambda r: r.start or date.min).code
    undated = [r for r in roles if r.start is None and r.end is None]
    if undated:
        return undated[0].code
    if day is not None:
        past = [r for r in roles if r.end is not None and r.end < day]
        if past:
            return max(past, key=lambda r: r.end).code
    return min(roles, key=lambda r: r.start or date.min).code


def _day(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


def entries_of(rows, origin: str) -> list[Entry]:
    """Entries from rows of (name, aliases separated by `|`, code, from, until): the rows of one
    name are one entry."""
    grouped: dict[str, tuple[list[str], list[DatedCode]]] = {}
    for row in rows:
        name, aliases, code, start, end = (list(row) + [""] * 5)[:5]
        name = " ".join(name.lower().split())
        if not name:
            continue
        names, roles = grouped.setdefault(name, ([], []))
        names += [" ".join(a.lower().split()) for a in aliases.split("|") if a.strip()]
        if code and code != "---":
            role = DatedCode(code, _day(start), _day(end), origin)
            if role not in roles:
                roles.append(role)
    return [
        Entry(name, tuple(roles), tuple(dict.fromkeys(a for a in names if a != name)))
        for name, (names, roles) in grouped.items()
        if roles
    ]


ACTORS_FILE = "petrarch_actors.tsv"
CACHE_VERSION = 2  # of the cached index's layout


@lru_cache(maxsize=1)
def shipped_index() -> Index:
    """petrarch_actors.tsv, indexed once per process: read from the index cached for that
    version of the file in the user's cache folder (`cache_folder`), else built and cached."""
    text = resources.files("timeline.data").joinpath(ACTORS_FILE).read_text(encoding="utf-8")
    digest = hashlib.sha1(f"{CACHE_VERSION}:{text}".encode()).hexdigest()[:16]
    folder = cache_folder()
    path = folder / f"actors-{digest}.pickle"
    try:
        with open(path, "rb") as file:
            names, main, rows, squeezed = pickle.load(file)
        return Index(names=names, main=main, rows=rows, squeezed=squeezed)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError):
        pass  # no cached index yet, or a damaged one: build it again
    index = _build_index(parse_table(ACTORS_FILE, text))
    try:  # written whole, then renamed: concurrent processes never read half a file
        folder.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.part")
        with open(partial, "wb") as file:
            pickle.dump((index.names, index.main, index.rows, index.squeezed), file, protocol=5)
        os.replace(partial, path)
    except OSError:
        pass  # a read-only cache folder: each process builds the index
    return index


def cache_folder() -> Path:
    """Where the dictionary's index is cached: $TIMELINE_CACHE_DIR, else $XDG_CACHE_HOME/timeline,
    else ~/.cache/timeline (the folder the place index is cached in too)."""
    explicit = os.environ.get("TIMELINE_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "timeline"


def _build_index(rows) -> Index:
    grouped: dict[str, tuple[list[str], list[tuple[str, str, str]]]] = {}
    for row in rows:
        name, aliases, code, start, end = (row + ("",) * 5)[:5]
        names, roles = grouped.setdefault(name, ([], []))
        if aliases:
            names += aliases.split("|")
        if code and code != "---" and (code, start, end) not in roles:
            roles.append((code, start, end))
    index = Index()
    for name, (names, roles) in grouped.items():
        if roles:
            index.add(name, dict.fromkeys(a for a in names if a != name), roles)
    index.squeezed = _squeezed_names(index)
    return index


class ActorDictionary:
    """The shipped entries with the user's laid over them (see the module docstring)."""

    def __init__(self, user_entries: list[Entry] | tuple[Entry, ...] = ()) -> None:
        self.shipped = shipped_index()
        self.user = Index(origin=USER)
        self.replaced: dict[int, int] = {}  # shipped entry -> the user's entry replacing it
        self._surnames: dict[str, list[int]] | None = None  # built when first asked for
        for entry in user_entries:
            shipped = [
                n
                for n in self.shipped.names.get(_key(entry.name), ())
                if (_key(entry.name), n) in self.shipped.main
            ]
            if shipped:  # the user's codes, with the shipped entry's other names too
                old = self.shipped.entry(shipped[0])
                entry = Entry(entry.name, entry.roles, tuple(dict.fromkeys(entry.aliases)))
                number = self.user.add_entry(entry)
                for n in shipped:
                    self.replaced[n] = number
                for alias in old.aliases:
                    self.user.names.setdefault(_key(alias), [number])
            else:
                self.user.add_entry(entry)

    def candidates(self, text: str) -> list[tuple[Entry, bool]]:
        """The entries a name written in the text may be, each with whether it is their main
        name: the user's alone when the user gave that name."""
        k = name_key(text)
        if not k:
            return []
        if " " not in k and len(k) <= 3 and not text.isupper():
            return []  # "un", "ins": only as written in capitals
        if k in self.user.names:
            return [(self.user.entry(n), (k, n) in self.user.main) for n in self.user.names[k]]
        found = []
        for n in self.shipped.names.get(k, ()):
            if n in self.replaced:
                found.append((self.user.entry(self.replaced[n]), False))
            else:
                found.append((self.shipped.entry(n), (k, n) in self.shipped.main))
        return found

    def in_office(self, surname: str, day: date) -> Entry | None:
        """The one person of that surname who held an office on that day ("Reagan" in 1987),
        when the dictionary lists the surname alone for nobody."""
        k = name_key(surname)
        if " " in k or not k:
            return None
        if self._surnames is None:
            self._surnames = _surnames(self.shipped)
        held = set()
        for n in self._surnames.get(k, ()):
            entry = self.user.entry(self.replaced[n]) if n in self.replaced else None
            entry = entry or self.shipped.entry(n)
            if _held_on(entry, day, True):
                held.add(entry)
        return held.pop() if len(held) == 1 else None

    def find(self, forms, day: date | None = None) -> Entry | None:
        """The entry the first of these names that identifies one names (see the module
        docstring)."""
        for text in forms:
            found = self.candidates(text)
            if not found:
                continue
            found.sort(key=lambda pair: not pair[1])  # main names first
            entries = list(dict.fromkeys(entry for entry, _ in found))
            if len({entry.roles for entry in entries}) == 1:  # "un" and "the un": one body
                return entries[0]
            if day is not None:
                for office in (True, False):  # an office held first, then any dated code
                    held = [e for e in entries if _held_on(e, day, office)]
                    if len(held) == 1:
                        return held[0]
                    if held:
                        break
            main = list(dict.fromkeys(entry for entry, is_main in found if is_main))
            if len(main) == 1:
                return main[0]
        return self._spelled_otherwise(forms, day)

    def _spelled_otherwise(self, forms, day: date | None) -> Entry | None:
        """The one entry a full name the dictionary does not list is a spelling of, written with
        a letter doubled or not ("Francois Mitterand" is "francois mitterrand"), as names are
        spelled in the news; only names of two words or more, only when one entry fits, and
        only one that held a dated code on the day (a common name is more often someone else:
        "Mohammed Ahmed" is no minister of the Comoros of 1978)."""
        if day is None:
            return None
        for text in forms:
            k = name_key(text)
            if " " not in k or len(k) < 8:
                continue
            numbers = self.shipped.squeezed.get(_squeeze(k), ())
            entries = {
                self.user.entry(self.replaced[n]) if n in self.replaced else self.shipped.entry(n)
                for n in numbers
            }
            if len(entries) == 1 and _held_on(entry := entries.pop(), day, False):
                return entry
        return None


_DOUBLED = re.compile(r"([a-z])\1+")


def _squeeze(name_key: str) -> str:
    """A name's key with its doubled letters written once: "mitterrand" and "mitterand" alike."""
    return _DOUBLED.sub(r"\1", name_key)


def _squeezed_names(index: Index) -> dict[str, list[int]]:
    """The entries of an index by the squeezed keys of their names of two words or more."""
    found: dict[str, list[int]] = {}
    for k, numbers in index.names.items():
        if " " in k:
            found.setdefault(_squeeze(k), []).extend(numbers)
    return found


def _surnames(index: Index) -> dict[str, list[int]]:
    """The entries of the people of an index by the last word of their main name."""
    found: dict[str, list[int]] = {}
    for number, (name, _, _) in enumerate(index.rows):
        words = _key(name).split()
        if len(words) > 1:
            found.setdefault(words[-1], []).append(number)
    return found


def _held_on(entry: Entry, day: date, office: bool) -> bool:
    """Whether a dated code of the entry covers the day; with `office`, a code other than an
    elite's (ELI: a former or future office holder, a public figure)."""
    return any(
        (r.start or r.end)
        and (r.start is None or r.start <= day)
        and (r.end is None or day <= r.end)
        and not (office and r.code.endswith("ELI"))
        for r in entry.roles
    )


_current: ActorDictionary | None = None


def actor_dictionary() -> ActorDictionary:
    """The dictionary the actors stage uses: the shipped entries, with the user's laid over them
    when `use_user_entries` gave some."""
    global _current
    if _current is None:
        _current = ActorDictionary()
    return _current


def use_user_entries(rows) -> None:
    """Lay the user's entries (rows of name, aliases, code, from, until) over the shipped ones
    for the extractions of this process."""
    global _current
    _current = ActorDictionary(entries_of(rows, USER))


def person_entry(person, day: date | None) -> Entry | None:
    """The dictionary's entry for a person of the article (`people.Person`), by the names the
    article gives them: the fullest, the other full ones, then each with the title written
    before it ("President Bush", "President George Bush"). A bare surname is looked up only when
    the article never gives a fuller name: "Mubarak" alone is Hosni Mubarak, "Gamal Mubarak"
    is not. An entry found only through a title must agree with the given names the article
    writes ("Gov. Jeb Bush" is not George W. Bush), and an entry whose codes name countries must
    name the one the text gives the person, if any (a namesake is not the dictionary's man)."""
    from timeline.nlp.actors.people import compatible

    dictionary = actor_dictionary()
    full = [person.name] + [a for a in person.aliases if len(a.split()) > 1]
    for name in list(full):  # and without a middle initial: "Dmitry A. Medvedev"
        words = name.split()
        bare = [w for w in words[1:-1] if len(w.rstrip(".")) > 1]
        if len(words) > 2 and len(bare) < len(words) - 2:
            full.append(" ".join([words[0], *bare, words[-1]]))
    entry = dictionary.find(full, day)
    if entry is None and len(person.words) == 1 and day is not None:
        entry = dictionary.in_office(person.name, day)
    if entry is None and person.title:
        names = [person.name, *person.aliases]
        entry = dictionary.find([f"{person.title} {n}" for n in names], day)
        if entry is not None and not compatible(entry.name.split(), person.words):
            entry = None
    if entry is not None and person.country and person.country not in entry.countries:
        return None if entry.countries else entry
    return entry
