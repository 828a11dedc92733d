"""The project's data files: word lists, codes and dictionaries as tab-separated tables.

Every `.tsv` file in this folder is read by `read_table`, by one rule:
- UTF-8 text, split into lines;
- blank lines and comment lines (first non-blank character `#`) are skipped;
- the first other line names the columns (the header);
- every other line is a row: its cells split on tabs and stripped of surrounding whitespace.

Rows keep the cells they have: a row may have fewer cells than the header names (an empty
optional last column), never more. Each file's comments say what it holds and where it came from.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources


class DataFileError(ValueError):
    """A data file that does not follow the rule above (a defect of the package, not the input)."""


@dataclass(frozen=True)
class Table:
    """The rows of one data file, under its header's column names."""

    name: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    def __iter__(self) -> Iterator[tuple[str, ...]]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def records(self) -> Iterator[dict[str, str]]:
        """Each row as {column: cell}; missing trailing cells are empty strings."""
        for row in self.rows:
            yield {column: row[i] if i < len(row) else "" for i, column in enumerate(self.columns)}


def parse_table(name: str, text: str) -> Table:
    """A table from a data file's text (see the module's rule)."""
    columns: tuple[str, ...] | None = None
    rows: list[tuple[str, ...]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = tuple(map(str.strip, line.split("\t")))
        if columns is None:
            columns = cells
            continue
        if len(cells) > len(columns):
            raise DataFileError(
                f"{name}:{number}: {len(cells)} cells, but the header names {len(columns)}"
            )
        rows.append(cells)
    if columns is None:
        raise DataFileError(f"{name}: no header line")
    return Table(name, columns, tuple(rows))


@cache
def read_table(name: str) -> Table:
    """The table of `timeline/data/<name>`, read once per process."""
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    return parse_table(name, text)


def table_names() -> list[str]:
    """Every data file of the package, by name."""
    return sorted(
        entry.name for entry in resources.files(__name__).iterdir() if entry.name.endswith(".tsv")
    )
