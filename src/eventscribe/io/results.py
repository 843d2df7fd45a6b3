"""What a reader yields: a Doc, or a ReadError that names the input and carries a coded error."""

from __future__ import annotations

from dataclasses import dataclass

from eventscribe.errors import CODES, EventscribeError
from eventscribe.model import Doc


@dataclass(frozen=True, slots=True)
class ReadError:
    """One input (a file, or a line/record inside one) that could not become a document."""

    path: str
    line: int | None
    code: str
    message: str

    @classmethod
    def of(cls, path: str, exc: EventscribeError, line: int | None = None) -> ReadError:
        """Wrap a coded error raised while reading ``path`` (``line``: 1-based, for JSONL)."""
        return cls(path=path, line=line, code=exc.code, message=exc.message)

    @property
    def key(self) -> str:
        """``path`` or ``path:line``: how the error is keyed in the store's errors table."""
        return self.path if self.line is None else f"{self.path}:{self.line}"

    def to_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "code": self.code,
            "message": self.message,
            "kind": CODES.get(self.code, ""),
        }


ReadResult = Doc | ReadError
"""Each item :func:`eventscribe.io.iter_inputs` yields."""
