"""The user's actor dictionary files (`timeline actors import FILE`): entries that add to and
override the shipped dictionary, read into rows of (name, aliases, code, from, until).

Two formats:

* CSV with the header `name,aliases,code,from,until`: aliases separated by `|`, a CAMEO actor code
  (USAGOV, IGOUNO), the first and last day the code held as ISO dates (empty for open). Several
  rows of one name are one entry with several dated codes:

      name,aliases,code,from,until
      Donald Trump,Trump|President Trump,USAGOV,2017-01-20,2021-01-20
      Donald Trump,,USAELI,,

* the Phoenix (PETRARCH) format: a name in capitals with `_` between words, its other names on
  `+` lines, its codes in brackets with optional dates (YYMMDD or YYYYMMDD: `from-until`,
  `>from`, `<until`), `#` comments:

      DONALD_TRUMP_
      +PRESIDENT_TRUMP_
      [USAGOV 20170120-20210120]
      [USAELI]

Every bad row is reported (file, line and what is wrong); a file with any is not imported.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date

Row = tuple[str, str, str, str, str]  # name, aliases, code, from, until (ISO or empty)
CSV_COLUMNS = ("name", "aliases", "code", "from", "until")
CODE = re.compile(r"[A-Z0-9]{3,24}")
BRACKET = re.compile(r"\[([^\]]*)\]")


def read_entries(text: str, origin: str) -> tuple[list[Row], list[str]]:
    """The rows of a dictionary file and the errors of its bad rows ("FILE:LINE: why")."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    if first.lower().replace(" ", "").startswith("name,"):
        return _read_csv(text, origin)
    return _read_phoenix(text, origin)


def _read_csv(text: str, origin: str) -> tuple[list[Row], list[str]]:
    rows: list[Row] = []
    errors: list[str] = []
    reader = csv.reader(io.StringIO(text))
    header = [cell.strip().lower() for cell in next(reader)]
    if tuple(header) != CSV_COLUMNS:
        return [], [f"{origin}:1: the header must be {','.join(CSV_COLUMNS)}"]
    for cells in reader:
        number = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(CSV_COLUMNS):
            errors.append(f"{origin}:{number}: {len(cells)} cells, the header names 5")
            continue
        name, aliases, code, start, end = (cell.strip() for cell in cells)
        problem = _check(name, aliases, code, start, end)
        if problem:
            errors.append(f"{origin}:{number}: {problem}")
            continue
        rows.append((name, _aliases(aliases), code, start, end))
    return rows, errors


def _check(name: str, aliases: str, code: str, start: str, end: str) -> str | None:
    """What is wrong with a row, if anything."""
    if not name:
        return "no name"
    if not CODE.fullmatch(code):
        return f"{code!r} is not a CAMEO actor code (capitals and digits: USAGOV, IGOUNO)"
    if any(not alias.strip() for alias in aliases.split("|")) and aliases.strip():
        return "an empty alias (aliases are separated by |)"
    days = []
    for label, value in (("from", start), ("until", end)):
        try:
            days.append(date.fromisoformat(value) if value else None)
        except ValueError:
            return f"{label} {value!r} is not an ISO date (2017-01-20) or empty"
    if days[0] and days[1] and days[0] > days[1]:
        return f"from {start} is after until {end}"
    return None


def _aliases(cell: str) -> str:
    return "|".join(alias.strip() for alias in cell.split("|") if alias.strip())


def _read_phoenix(text: str, origin: str) -> tuple[list[Row], list[str]]:
    rows: list[Row] = []
    errors: list[str] = []
    name: str | None = None
    aliases: list[str] = []
    codes: list[tuple[int, str]] = []

    def flush() -> None:
        nonlocal name, aliases, codes
        if name is not None:
            if not codes:
                errors.append(f"{origin}: {name!r} has no code")
            for number, text in codes:
                parsed = _phoenix_code(text)
                if isinstance(parsed, str):
                    errors.append(f"{origin}:{number}: {parsed}")
                    continue
                first = not any(row[0] == name for row in rows)
                rows.append((name, "|".join(aliases) if first else "", *parsed))
        name, aliases, codes = None, [], []

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        brackets = BRACKET.findall(line)
        words = BRACKET.sub(" ", line).strip()
        if words.startswith("+"):
            if name is None:
                errors.append(f"{origin}:{number}: an alias before any name")
            else:
                aliases.append(_words(words[1:]))
            codes += [(number, b) for b in brackets]
        elif words:
            flush()
            name = _words(words)
            codes = [(number, b) for b in brackets]
        elif name is None:
            errors.append(f"{origin}:{number}: a code before any name")
        else:
            codes += [(number, b) for b in brackets]
    flush()
    return rows, errors


def _words(text: str) -> str:
    """`DONALD_TRUMP_` -> "donald trump"."""
    return " ".join(text.replace("_", " ").lower().split())


def _phoenix_code(text: str) -> tuple[str, str, str] | str:
    """(code, from, until) of `USAGOV 20170120-20210120`, `USAGOV >170120`, `USAELI`; else why
    it is wrong."""
    parts = text.split()
    if not parts or not CODE.fullmatch(parts[0]):
        return f"[{text}] is not a CAMEO actor code with optional dates"
    span = "".join(parts[1:])
    try:
        if not span:
            return parts[0], "", ""
        if span.startswith(">"):
            return parts[0], _day(span[1:]), ""
        if span.startswith("<"):
            return parts[0], "", _day(span[1:])
        first, _, last = span.partition("-")
        start, end = _day(first), _day(last) if last else ""
    except ValueError:
        return f"[{text}]: dates are YYMMDD or YYYYMMDD (>from, <until, from-until)"
    if end and start > end:
        return f"[{text}]: the first day is after the last"
    return parts[0], start, end


def _day(text: str) -> str:
    """A Phoenix date as ISO: YYMMDD (years up to 30 are 20YY) or YYYYMMDD."""
    if not re.fullmatch(r"\d{6}|\d{8}", text):
        raise ValueError(text)
    if len(text) == 6:
        year = int(text[:2])
        text = f"{year + (2000 if year <= 30 else 1900)}{text[2:]}"
    return date(int(text[:4]), int(text[4:6]), int(text[6:8])).isoformat()
