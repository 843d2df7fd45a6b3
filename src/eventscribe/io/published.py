"""Publication dates from metadata: ISO 8601 and RFC 2822 (feeds), strictly."""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

from eventscribe.errors import EventscribeError

MIN_YEAR = 1800
MAX_YEAR = 2200
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_SLASH_DATE = re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$")


def _checked(d: date, raw: object) -> date:
    if not (MIN_YEAR <= d.year <= MAX_YEAR):
        raise EventscribeError("E009", f"publication date {raw!r} is outside {MIN_YEAR}-{MAX_YEAR}")
    return d


def parse_published(value: object) -> date | None:
    """Parse a publication date from a metadata field.

    Accepts ``None``/empty (-> None), ``date``/``datetime`` objects, ISO dates
    (``2021-06-03``, ``2021/6/3``), ISO date-times (``2021-06-03T08:15:00Z``; the date as
    written, in the publisher's own offset) and RFC 2822 (``Thu, 03 Jun 2021 08:15:00 GMT``).

    Raises:
        EventscribeError: E009 for anything else, impossible dates (``2021-02-30``) or years
            outside 1800-2200.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return _checked(value.date(), value)
    if isinstance(value, date):
        return _checked(value, value)
    if not isinstance(value, str):
        raise EventscribeError("E009", f"publication date must be a string, got {value!r}")
    s = value.strip()
    if not s:
        return None
    try:
        m = _ISO_DATE.match(s) or _SLASH_DATE.match(s)
        if m:
            return _checked(date(int(m.group(1)), int(m.group(2)), int(m.group(3))), value)
        if re.match(r"^\d{4}-\d{2}-\d{2}[T ]", s):
            iso = s[:-1] + "+00:00" if s.endswith(("Z", "z")) else s
            return _checked(datetime.fromisoformat(iso).date(), value)
        if re.search(r"[A-Za-z]{3}", s):
            return _checked(parsedate_to_datetime(s).date(), value)
    except (ValueError, TypeError, IndexError) as exc:
        raise EventscribeError("E009", f"invalid publication date {value!r}: {exc}") from None
    raise EventscribeError("E009", f"invalid publication date {value!r} (use YYYY-MM-DD)")
