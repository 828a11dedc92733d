"""Every data file is read by one loader (timeline.data.read_table), and it reads each file as
the reader that file had before did.

The five readers below are the ones the stages used to have, kept here as the reference. Files
that had no header line then have one now: the reference reads them without it.
"""

from __future__ import annotations

from importlib import resources

import pytest

from timeline.data import DataFileError, parse_table, read_table, table_names


def _text(name: str) -> str:
    return resources.files("timeline.data").joinpath(name).read_text(encoding="utf-8")


def _without_header(text: str) -> str:
    lines = text.splitlines(keepends=True)
    for i, line in enumerate(lines):
        if line.strip() and not line.lstrip().startswith("#"):
            return "".join(lines[:i] + lines[i + 1 :])
    return text


def dates_reader(text: str) -> list[list[str]]:  # timeline/dates.py, _read_table
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.split("\t"))
    return rows


def events_reader(text: str) -> list[list[str]]:  # timeline/events.py, _data_lines
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append([cell.strip() for cell in line.rstrip("\n").split("\t")])
    return rows


def header_reader(text: str) -> list[list[str]]:  # resolve.py _read_tsv, profiles.py _rows
    rows: list[list[str]] = []
    header = True
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if header:
            header = False
            continue
        rows.append([cell.strip() for cell in line.split("\t")])
    return rows


def html_roots_reader(text: str) -> dict[str, str]:  # export/html.py, cameo_roots
    roots: dict[str, str] = {}
    for line in text.splitlines():
        cells = line.split("\t")
        if line.startswith("#") or len(cells) < 2:
            continue
        if len(cells[0]) == 2 and cells[0].isdigit():
            roots[cells[0]] = cells[1].strip()
    return roots


# file -> (the reader it had, whether the file had no header line then)
READERS = {
    "dates_holidays.tsv": (dates_reader, True),
    "dates_months.tsv": (dates_reader, True),
    "dates_numbers.tsv": (dates_reader, True),
    "dates_ordinals.tsv": (dates_reader, True),
    "dates_parts_of_day.tsv": (dates_reader, True),
    "dates_references.tsv": (dates_reader, True),
    "dates_seasons.tsv": (dates_reader, True),
    "dates_tense_cues.tsv": (dates_reader, True),
    "dates_units.tsv": (dates_reader, True),
    "dates_weekdays.tsv": (dates_reader, True),
    "cameo_codes.tsv": (events_reader, True),
    "cameo_plover.tsv": (events_reader, True),
    "cameo_verbs.tsv": (events_reader, True),
    "cameo_nouns.tsv": (events_reader, True),
}


@pytest.mark.parametrize("name", table_names())
def test_each_file_reads_as_its_former_reader_read_it(name):
    text = _text(name)
    table = read_table(name)
    if name in READERS:
        reader, had_no_header = READERS[name]
        expected = reader(_without_header(text) if had_no_header else text)
    else:
        expected = header_reader(text)
    assert [list(row) for row in table] == expected
    assert table.columns and all(table.columns), name
    assert all(len(row) <= len(table.columns) for row in table)


def test_the_html_page_reads_the_same_root_labels():
    roots = {code: label for code, label, *_ in read_table("cameo_codes.tsv") if len(code) == 2}
    assert roots == html_roots_reader(_without_header(_text("cameo_codes.tsv")))
    assert len(roots) == 20


def test_every_data_file_has_a_described_header():
    for name in table_names():
        text = _text(name)
        assert text.lstrip().startswith("#"), f"{name} says nothing about what it holds"
        assert read_table(name).columns


def test_the_rule_comments_blanks_header_and_stripped_cells():
    table = parse_table("t.tsv", "# about\n\nword\tvalue\n  # indented comment\n a \t 1 \nb\n")
    assert table.columns == ("word", "value")
    assert table.rows == (("a", "1"), ("b",))
    assert list(table.records()) == [{"word": "a", "value": "1"}, {"word": "b", "value": ""}]


def test_a_row_longer_than_its_header_is_a_defect():
    with pytest.raises(DataFileError, match="t.tsv:3: 3 cells"):
        parse_table("t.tsv", "a\tb\nx\ty\nx\ty\tz\n")
    with pytest.raises(DataFileError, match="no header"):
        parse_table("t.tsv", "# only a comment\n")
