"""Excel export: the CSV columns as an .xlsx workbook that analysts can sort and filter at once.

Sheet "events" has one row per event (the columns of `events.CSV_COLUMNS`), with dates as real
Excel dates, a frozen header row and an autofilter over the whole table. Sheet "actors" lists
every actor of the exported events (name, kind, country, CAMEO code) with its event count. The
workbook is written in openpyxl's write-only mode, so rows stream to disk as they come.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import UTC, date, datetime
from pathlib import Path

from timeline.database.record import EventRecord
from timeline.outputs.events import CSV_COLUMNS, csv_cells

ACTOR_COLUMNS = ("name", "kind", "country_code", "code", "events")
DATE_COLUMNS = {"date_start", "date_end"}
DATETIME_COLUMNS = {"published_at"}
NUMBER_COLUMNS = {
    "event_id",
    "quad_class",
    "goldstein",
    "latitude",
    "longitude",
    "article_id",
    "happening_id",
    "happening_mentions",
    "happening_articles",
    "happening_sources",
}
WIDTHS = {
    "event_id": 9,
    "date_start": 12,
    "date_end": 12,
    "date_value": 12,
    "event_label": 32,
    "trigger": 14,
    "source_actors": 24,
    "target_actors": 24,
    "source_actor_codes": 16,
    "target_actor_codes": 16,
    "locations": 18,
    "sentence": 80,
    "article_title": 40,
    "article_url": 40,
    "published_at": 18,
}


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)


def _value(column: str, value):
    """A cell value of the right Python type: dates as dates, numbers as numbers."""
    if value is None or value == "":
        return None
    if column in DATE_COLUMNS:
        return date.fromisoformat(value) if isinstance(value, str) else value
    if column in DATETIME_COLUMNS:
        moment = datetime.fromisoformat(value) if isinstance(value, str) else value
        if moment.tzinfo is not None:  # Excel has no time zones: write UTC
            moment = moment.astimezone(UTC).replace(tzinfo=None)
        return moment
    return value


def write_xlsx(events: Iterable[EventRecord], path: str | Path) -> int:
    """Write the events to an .xlsx workbook at `path`; returns the number of events written."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("events")
    bold = Font(bold=True)

    def cell(ws, column: str, value):
        """A plain value where openpyxl writes it right, a styled cell where it would not."""
        value = _value(column, value)
        if isinstance(value, str):
            if ILLEGAL_CHARACTERS_RE.search(value):
                value = ILLEGAL_CHARACTERS_RE.sub("", value)
            if value.startswith("="):  # text, never a formula
                result = WriteOnlyCell(ws, value=value)
                result.data_type = "s"
                return result
        # dates and datetimes need nothing more: openpyxl gives them the formats yyyy-mm-dd and
        # yyyy-mm-dd h:mm:ss, so Excel shows them as dates and sorts them as dates
        return value

    def header(ws, columns: tuple[str, ...]) -> None:
        cells = []
        for column in columns:
            head = WriteOnlyCell(ws, value=column)
            head.font = bold
            cells.append(head)
        ws.append(cells)

    sheet.freeze_panes = "A2"
    for index, column in enumerate(CSV_COLUMNS, start=1):
        sheet.column_dimensions[_column_letter(index)].width = WIDTHS.get(column, 14)
    header(sheet, CSV_COLUMNS)

    counts: Counter[tuple] = Counter()
    count = 0
    for event in events:
        row = csv_cells(event)
        sheet.append([cell(sheet, column, row[column]) for column in CSV_COLUMNS])
        count += 1
        seen = {(a.name, a.kind, a.country_code, a.code) for a in event.actors}
        counts.update(seen)
    last = _column_letter(len(CSV_COLUMNS))
    sheet.auto_filter.ref = f"A1:{last}{count + 1}"

    actors = workbook.create_sheet("actors")
    actors.freeze_panes = "A2"
    for index, width in enumerate((32, 14, 12, 12, 8), start=1):
        actors.column_dimensions[_column_letter(index)].width = width
    header(actors, ACTOR_COLUMNS)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0][0].casefold()))
    for (name, kind, country, code), n in ranked:
        actors.append(
            [
                cell(actors, "name", name),
                cell(actors, "kind", kind),
                cell(actors, "country_code", country),
                cell(actors, "code", code),
                n,
            ]
        )
    actors.auto_filter.ref = f"A1:E{len(ranked) + 1}"
    workbook.save(str(path))
    return count
