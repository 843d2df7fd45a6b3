"""Coded errors. Each document-level failure is recorded with one of these codes."""

from __future__ import annotations

CODES: dict[str, str] = {
    "E001": "empty document: no text after normalisation",
    "E002": "binary content: not a text, HTML or JSON document",
    "E003": "invalid text encoding: the bytes are not valid UTF-8 (or a declared charset)",
    "E004": "document too large",
    "E005": "HTML with no extractable article text",
    "E006": "span offsets outside the text",
    "E007": "malformed input record (JSONL line or field)",
    "E008": "unreadable input path",
    "E009": "invalid publication date",
    "E010": "absurd number rejected",
    "E011": "absurd or impossible date rejected",
    "E020": "internal error in a pipeline stage",
    "E030": "database error",
    "E031": "database schema is newer than this version of eventscribe",
    "E032": "database is corrupted",
    "E040": "malformed gold file",
    "E051": "event-type model file missing or unreadable",
    "E052": "event-type model was trained with other features; retrain it",
    "E053": "too few labelled records for the requested cross-validation",
    "E056": "no such event or merged event",
    "E057": "a manual merge needs at least two different events",
    "E058": "the event is not merged with another report",
    "E066": "a merged event's report events are missing from the store",
}


class EventscribeError(Exception):
    """An error with a stable code (see :data:`CODES`) and a readable message."""

    def __init__(self, code: str, message: str) -> None:
        if code not in CODES:
            raise ValueError(f"unknown error code {code}")
        super().__init__(f"{code} {message}")
        self.code = code
        self.message = message

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message, "kind": CODES[self.code]}
