"""The database: the schema (`models`, SQLModel classes, the only definition of the tables), the
connection and its migrations (`engine`: `Database`), writing an article's extraction (`store`),
and reading events back: a filter's conditions (`filters`), the first page of a listing
(`pages`), the events as records (`listing`, `record`), counts (`aggregates`).

    from timeline.database import Database
"""

from timeline.database.engine import Database

__all__ = ["Database"]
