"""`gitstudio serve`'s websocket implementation (gitstudio.cli.serve_ws): the lean protocol
when it imports, uvicorn's own websockets-sansio with a warning when it does not (a uvicorn
whose internals gitstudio/ws_server.py builds on have moved)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from gitstudio.cli import serve_ws
from gitstudio.ws_server import LeanWebSocketProtocol

# A module built like gitstudio/ws_server.py against a uvicorn that lacks what it imports.
BROKEN = """\
from uvicorn.protocols.websockets.websockets_sansio_impl import NoSuchProtocol
"""


@pytest.fixture
def broken(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    (tmp_path / "gitstudio_broken_lean.py").write_text(BROKEN)
    monkeypatch.syspath_prepend(str(tmp_path))
    return "gitstudio_broken_lean"


def test_lean_is_the_protocol_of_gitstudio_ws_server() -> None:
    assert serve_ws("lean") is LeanWebSocketProtocol
    assert serve_ws("wsproto") == "wsproto"
    with pytest.raises(ValueError, match="GITSTUDIO_WS_PROTOCOL"):
        serve_ws("tornado")


def test_lean_falls_back_to_websockets_sansio_with_a_warning(
    broken: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, "gitstudio"):
        assert serve_ws("lean", broken) == "websockets-sansio"
    (record,) = [r for r in caplog.records if r.name == "gitstudio"]
    assert record.levelno == logging.WARNING
    assert "websockets-sansio" in record.getMessage()
    assert "NoSuchProtocol" in record.getMessage()  # what failed to import


def test_uvicorns_own_implementations_need_no_lean_module(
    broken: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, "gitstudio"):
        assert serve_ws("websockets", broken) == "websockets"
        assert serve_ws("websockets-sansio", broken) == "websockets-sansio"
    assert [r for r in caplog.records if r.name == "gitstudio"] == []
