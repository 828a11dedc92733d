"""Outputs: what the listings and exports write, from the records the database stage yields.

    formatting  CSV, JSON, JSON Lines and terminal tables
    html        a self-contained page with an interactive timeline
    geo         GeoJSON
    profiles    CSV in ACLED's or GDELT's columns
    sheets      an .xlsx workbook
    view        the terminal timeline and one event with its provenance
    chart       bar charts (PNG)
    parallel    a large CSV export in several processes

Nothing is imported here: each command loads only the module it writes with.
"""
