"""The database: the schema (`models`, SQLModel classes, the only definition of the tables), the
connection and its migrations (`engine`: `Database`), writing an article's extraction (`store`)
and reading events back (`query`).

    from timeline.database import Database
"""

from timeline.database.engine import Database

__all__ = ["Database"]
