"""The one exception family. Raised inside the library, turned into one line at the CLI edge."""


class TimelineError(Exception):
    """Base class: a problem the user can act on. The message is the whole story, one line."""


class InputError(TimelineError, ValueError):
    """A file, format or value given by the user cannot be read."""


class DatabaseError(TimelineError):
    """The database cannot be reached, is at an unknown schema version, or refused a write."""


class ModelError(TimelineError):
    """The spaCy English model is not installed."""


class UsageError(InputError):
    """A value typed on the command line that cannot mean anything (exit status 2, one line)."""
