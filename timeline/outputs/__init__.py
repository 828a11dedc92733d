"""Outputs: what the listings and exports write, from the records the database stage yields.

    formatting  CSV, JSON, JSON Lines and terminal tables
    events      an event record as JSON, a CSV row, a table row
    export      the events of a filter, in one export format, to a file or a stream
    files       a file written beside its path, renamed once complete
    html        a self-contained page with an interactive timeline
    geo         GeoJSON
    profiles    CSV in ACLED's or GDELT's columns
    sheets      an .xlsx workbook
    parquet     a Parquet file of the CSV's columns, typed
    view        the terminal timeline and one event with its provenance
    chart       bar charts (PNG)
    parallel    a large CSV export in several processes

Nothing is imported here: each command loads only the module it writes with.
"""

# What a listing can be written as, on every command that prints one.
LISTING_FORMATS = ("table", "json", "jsonl", "csv")
# What an export can be written as: a listing's formats and the documents made of events.
EXPORT_FORMATS = (*LISTING_FORMATS, "html", "xlsx", "geojson", "parquet")
# Formats written to a path, never to a stream.
BINARY_FORMATS = ("xlsx", "parquet")
