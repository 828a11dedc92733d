"""timeline: a geopolitical event-timeline database.

The stages, one module each, run in this order:

    read     files -> Article
    parse    Article.text -> spaCy Doc (the English model, loaded once per process)
    dates    Doc/text + publication time -> TimeExpression
    events   Doc + TimeExpression -> Event (predicate, participants, places, date, CAMEO code)
    resolve  actor and place mentions -> canonical actors (countries, people) and GeoNames places
    store    Article + Events -> database rows (schema: the SQLModel classes of timeline.models,
             under Alembic)
    query    filters -> events from the database;  export: events -> CSV / JSON / JSON Lines

`timeline.pipeline` runs read -> resolve for one article; `timeline.cli` is the thin command line.
"""

__version__ = "0.1.0"
