"""At a real terminal (a pseudo-terminal for stdin and stderr), output redirected to a file is complete:
the progress display draws on stderr and never captures standard output."""
from __future__ import annotations

import json
import os
import pty
import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")


def _records(n: int) -> str:
    return "".join(json.dumps({"id": f"a{i}", "published": "2024-03-06",
                               "text": f"“The bridge will open by June {2025 + i},” Ada Brown said. The mayor agreed."}) + "\n"
                   for i in range(n))


def _at_terminal(args: list[str], stdout_path, cwd) -> tuple[int, str]:
    """Run with stdin and stderr on a pseudo-terminal and stdout into a file; return the exit code
    and what the terminal showed."""
    leader, follower = pty.openpty()
    with open(stdout_path, "wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "onrecord", *args], stdin=follower, stdout=out,
                                stderr=follower, cwd=cwd, env={**os.environ, "TERM": "xterm", "COLUMNS": "100"})
        os.close(follower)
        shown = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the follower side closed: the process has exited
                break
            if not chunk:
                break
            shown += chunk
        code = proc.wait(timeout=300)
    os.close(leader)
    return code, shown.decode("utf-8", "replace")


def test_jsonl_redirected_at_a_terminal_is_complete(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(_records(6) + "{not json\n", encoding="utf-8")
    code, shown = _at_terminal(["analyze", str(src), "--jsonl"], tmp_path / "out.jsonl", tmp_path)
    lines = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 7, shown
    rows = [json.loads(x) for x in lines]
    assert [r.get("id") for r in rows[:6]] == [f"a{i}" for i in range(6)]
    assert all(r["quotes"] for r in rows[:6])
    assert rows[6]["line"] == 7 and "error" in rows[6]
    assert code == 6  # one record failed
    assert "Ada Brown" not in shown  # the analysis went to the file, not the terminal


def test_ingest_at_a_terminal_prints_counts(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(_records(3), encoding="utf-8")
    code, shown = _at_terminal(["ingest", str(src), "--db", str(tmp_path / "l.db"), "--workers", "1"],
                               tmp_path / "out.txt", tmp_path)
    assert code == 0, shown
    assert "3 added" in (tmp_path / "out.txt").read_text(encoding="utf-8")
    assert "None" not in shown
