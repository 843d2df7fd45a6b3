"""The committed gazetteer files are exactly what scripts/build_gazetteer.py generates."""

from __future__ import annotations

import hashlib
import importlib.util
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "src" / "eventscribe" / "resources" / "data"


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("build_gazetteer",
                                                  ROOT / "scripts" / "build_gazetteer.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules["build_gazetteer"] = mod
    spec.loader.exec_module(mod)
    return mod


def test_gazetteer_integrity_every_alias_row_has_source() -> None:
    rows = _script().read_aliases()
    assert len(rows) > 50
    missing = [r["name"] for r in rows if not r["source"].strip()]
    assert missing == []
    kinds = {r["kind"] for r in rows}
    assert kinds <= {"place", "alias", "point", "abbrev", "demonym", "notplace"}


@pytest.mark.slow
def test_gazetteer_integrity_regenerates_committed_files() -> None:
    mod = _script()
    try:
        files = mod.build()
    except mod.BuildError as e:  # pinned input packages missing
        pytest.skip(str(e))
    for name, data in files.items():
        committed = (DATA / name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == hashlib.sha256(committed).hexdigest(), (
            f"{name} differs from the build output: run `make gazetteer`, never edit by hand"
        )
