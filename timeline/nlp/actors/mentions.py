"""Actor records for token ranges of the article (words, offsets, codes and country aliases), the
actor codes the rules single out (timeline/data/actor_rule_codes.tsv), and an actor's code on an
event's date (`dated`: the actor dictionary's dated codes read on that day)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from timeline.data import read_table
from timeline.nlp.actors.countries import country_name, name_or_code
from timeline.nlp.actors.dictionary import Entry, code_country, code_on, code_sector
from timeline.records import ActorMention

if TYPE_CHECKING:
    from timeline.nlp.actors.people import Person
    from timeline.nlp.article import ArticleView


@dataclass(frozen=True)
class ActorCodes:
    """The sector and organisation codes some rules single out (see actor_rule_codes.tsv)."""

    government: str  # a government with a country is the country itself
    business: str  # the sector of companies
    military: str  # a source's own military is not its target
    police: str  # who arrested or searched, when the text does not say
    international: tuple[str, ...]  # the codes of international organisations
    state: frozenset[str]  # office holders of the state
    force: frozenset[str]  # a state's armed force: its violence is military (19)


@lru_cache(maxsize=1)
def actor_codes() -> ActorCodes:
    """actor_rule_codes.tsv, read once per process."""
    rules = {rule: codes.split() for rule, codes, _ in read_table("actor_rule_codes.tsv")}
    (government,), (business,), (military,), (police,) = (
        rules["government"], rules["business"], rules["military"], rules["police"]
    )  # fmt: skip
    return ActorCodes(
        government,
        business,
        military,
        police,
        tuple(rules["international"]),
        frozenset(rules["state"]),
        frozenset(rules["force"]),
    )


def actor_code(country: str | None, sector: str | None) -> str | None:
    """CAMEO-style code: country + sector (RUSGOV), the country alone (USA), the sector (REB)."""
    code = (country or "") + (sector or "")
    return code or None


def country_aliases(view: ArticleView, alpha3: str) -> tuple[str, ...]:
    """The other names the article gives a country ("US", "U.S.", "America")."""
    name = name_or_code(alpha3)
    forms = view.named.country_forms.get(alpha3, ())
    return tuple(dict.fromkeys(f for f in forms if f != name))


def actor_mention(
    view: ArticleView,
    name: str,
    kind: str,
    start: int,
    end: int,
    country: str | None = None,
    code: str | None = None,
    sector: str | None = None,
) -> ActorMention:
    """An actor written by the tokens doc[start:end]."""
    aliases = country_aliases(view, country) if kind == "country" and country else ()
    return ActorMention(
        name=name,
        kind=kind,
        role="other",
        text=view.span_text(start, end),
        start=view.idx[start],
        end=view.end_char(end),
        country_code=country,
        code=code,
        sector=sector,
        aliases=aliases,
    )


def person_mention(
    view: ArticleView, person: Person, start: int, end: int, day: date | None = None
) -> ActorMention:
    """A person of the article, written by the tokens doc[start:end]; one the actor dictionary
    knows has its codes, read on `day` until the event is dated."""
    mention = ActorMention(
        name=person.name,
        kind="person",
        role="other",
        text=view.span_text(start, end),
        start=view.idx[start],
        end=view.end_char(end),
        country_code=person.country,
        code=(
            person.organization.code
            if person.country is None and person.organization is not None
            else actor_code(person.country, person.sector)
        ),
        title=person.title,
        sector=person.sector,
        aliases=tuple(person.aliases),
    )
    return known(mention, person.entry, day)


def known(mention: ActorMention, entry: Entry | None, day: date | None) -> ActorMention:
    """An actor the dictionary knows: its dated codes, the code and country held on `day`, and
    the dictionary's name among its other names (the store joins its mentions by it)."""
    if entry is None:
        return mention
    aliases = tuple(dict.fromkeys((*mention.aliases, entry.display_name)))
    return dated(dataclasses.replace(mention, roles=entry.roles, aliases=aliases), day)


def dated(actor: ActorMention, day: date | None) -> ActorMention:
    """The actor with the code (and the country and sector it names) its dictionary entry gave
    it on `day`: Hosni Mubarak is EGYGOV in 2005 and EGYELI in 2012. Actors the dictionary does
    not know keep the code the text gave them."""
    if not actor.roles:
        return actor
    code = code_on(actor.roles, day)
    return dataclasses.replace(
        actor,
        code=code,
        country_code=code_country(code),
        sector=code_sector(code) or (actor.sector if code_country(code) is None else None),
    )


def country_actor(alpha3: str) -> ActorMention:
    """A country as the target of an act, written by no words of the article: the country a
    visited city lies in, the source's own country of a protest."""
    return ActorMention(
        name=country_name(alpha3) or alpha3,
        kind="country",
        role="target",
        country_code=alpha3,
        code=alpha3,
    )


def implied_police() -> ActorMention:
    """The police as who arrested or searched when the text does not say ("he was arrested"),
    written by no words of the article; its country is that of the place, as for any group."""
    police = actor_codes().police
    return ActorMention(name="police", kind="group", role="source", code=police, sector=police)


def with_country(actor: ActorMention, alpha3: str) -> ActorMention:
    """An actor given the country the context names; an unnamed group ("military", "civilians")
    is then named and coded as the resolver names groups with a country: "Liberia military",
    LBRMIL."""
    code = actor.code
    name = actor.name
    if actor.sector and code in (None, actor.sector):
        code = alpha3 + actor.sector
        if actor.kind == "group" and " " not in name and name.islower():
            name = f"{country_name(alpha3) or alpha3} {name}"
    return dataclasses.replace(actor, name=name, country_code=alpha3, code=code)


def dateline_country(view: ArticleView) -> str | None:
    """The country of the place a wire story's dateline names: "NAIROBI, Kenya (AP) _" is Kenya,
    "BUFFALO, N.Y. (AP) --" and "JORDAN, Minn. (AP) --" the United States, "HAVANA (AP) --"
    Cuba; None without a dateline or when its place is not known."""
    from timeline.nlp.places import resolve_place

    if view.dateline is None:
        return None
    start, end = view.dateline
    name, _, qualifier = view.text[start:end].partition(", ")
    if qualifier:
        found = view.country_named(qualifier.strip(), capitals=False)
        if found is not None:
            return found[0]
        place = resolve_place(view, name.title(), qualifier.strip())
    else:
        found = view.country_named(name)
        if found is not None:
            return found[0]
        place = resolve_place(view, name.title())
    return place.country_code if place is not None else None


def story_country(view: ArticleView, places: list) -> str | None:
    """The country a story is from: its dateline's, else the country of most of the places it
    names when one clearly dominates (at least 3 mentions and two thirds of them: a New York
    paper's local story that names only New York towns)."""
    home = dateline_country(view)
    if home is not None:
        return home
    countries = [p.country_code for p in places if p.country_code]
    if len(countries) < 3:
        return None
    top = max(set(countries), key=countries.count)
    return top if 3 * countries.count(top) >= 2 * len(countries) else None


def at_home(actor: ActorMention, home: str | None) -> ActorMention:
    """An actor that nothing gave a country (no dictionary entry, title, demonym or apposition),
    in a story from a country (`story_country`): of that country, as the people and bodies of
    local news are ("NAIROBI, Kenya (AP) _ Police said": Kenyan police; "BUFFALO, N.Y. (AP) --
    Dr. Jane Roe" an American). A place named near the actor never gives one ("met Sarkozy in
    Paris")."""
    if home is None or actor.country_code is not None:
        return actor
    if actor.kind == "group":
        return with_country(actor, home)
    if actor.kind == "organization" and not actor.code and not actor.roles:
        return dataclasses.replace(actor, country_code=home, code=home)
    if actor.kind == "person" and not actor.roles and actor.code in (None, actor.sector):
        return with_country(actor, home)  # "Rep. Jane Roe" of a MIAMI story: USALEG
    return actor
