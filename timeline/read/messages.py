"""How the read stage quotes a bad value back in its one-line messages."""

from __future__ import annotations

from timeline.errors import InputError

_MAX_SHOWN = 60  # characters of a bad value quoted back in a message


def shown(value: str) -> str:
    """A value quoted back in a one-line message: control characters escaped, long ones cut."""
    value = value.encode("unicode_escape").decode("ascii") if not value.isprintable() else value
    return value if len(value) <= _MAX_SHOWN else value[: _MAX_SHOWN - 3] + "..."


def input_error(origin: str, reason: str) -> InputError:
    message = f"{origin}: {reason}"
    return InputError(message.replace("\r", "\\r").replace("\n", "\\n"))  # one line
