"""Files: an output written beside its path and renamed over it once complete.

A failed export or chart leaves no half-written file and never clobbers an earlier complete one.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from typing import TypeVar

from timeline.errors import InputError

Result = TypeVar("Result")


def write_file(output: str, write: Callable[..., Result], *, by_path: bool = False) -> Result:
    """Run `write` on a file beside OUTPUT, then rename it over OUTPUT. `write` gets an open text
    stream, or with `by_path` the partial file's path (binary formats: xlsx, png).

    An OUTPUT that exists and is not a regular file (/dev/null, a named pipe) is written in place:
    renaming over it would replace the device or pipe with a file."""
    in_place = os.path.exists(output) and not os.path.isfile(output)
    target = output if in_place else f"{output}.part"
    try:
        if by_path:
            result = write(target)
        else:
            with open(target, "w", encoding="utf-8", newline="") as handle:
                result = write(handle)
        if not in_place:
            os.replace(target, output)
    except BaseException as exc:
        if not in_place:
            with contextlib.suppress(OSError):
                os.unlink(target)
        if isinstance(exc, OSError):
            raise InputError(f"cannot write {output}: {exc.strerror or exc}") from None
        raise
    return result
