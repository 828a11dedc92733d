"""timeline: a geopolitical event-timeline database.

The stages, one module each, run in this order:

    read     files -> Article
    parse    Article.text -> spaCy Doc (the English model, loaded once per process)
    dates    Doc/text + publication time -> TimeExpression
    events   Doc + TimeExpression -> Event (predicate, participants, places, date, CAMEO code)
    resolve  actor and place mentions -> canonical actors (countries, people) and GeoNames places
    store    Article + Events -> database rows (timeline.database; the schema is the SQLModel
             classes of timeline.database.models, under Alembic)
    query    filters -> event records from the database (timeline.database)
    outputs  event records -> CSV, JSON, tables, HTML, GeoJSON, spreadsheets, charts
             (timeline.outputs)

`timeline.pipeline` runs read -> resolve for one article; `timeline.cli` is the thin command line.
"""

__version__ = "0.1.0"
