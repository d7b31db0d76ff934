"""`onrecord users` and `onrecord serve`: editors from the command line, one-line errors."""
import socket

from typer.testing import CliRunner

from onrecord.cli import app
from onrecord.ledger.db import open_ledger
from onrecord.web import users

runner = CliRunner()


def test_users_add_list_token_remove(db_url):
    r = runner.invoke(app, ["users", "add", "alice", "--db", db_url], input="long enough password\n")
    assert r.exit_code == 0 and "user alice added" in r.output
    with open_ledger(db_url)() as s:
        u = users.get(s, "alice")
        assert u.password_hash.startswith("$argon2id$") and "long enough" not in u.password_hash
        assert users.check_password(s, "alice", "long enough password") is not None
        assert users.check_password(s, "alice", "wrong") is None
    token = runner.invoke(app, ["users", "token", "alice", "--db", db_url]).output.strip()
    with open_ledger(db_url)() as s:
        assert users.by_token(s, token).name == "alice" and u.token_hash != token
    assert '"token": true' in runner.invoke(app, ["users", "list", "--json", "--db", db_url]).output
    r = runner.invoke(app, ["users", "add", "alice", "--db", db_url], input="another password\n")
    assert r.exit_code == 3 and "exists already" in r.output
    assert runner.invoke(app, ["users", "remove", "alice", "--db", db_url]).exit_code == 0
    with open_ledger(db_url)() as s:
        assert users.by_token(s, token) is None


def test_users_add_refuses_short_or_missing_passwords(tmp_path):
    db = str(tmp_path / "l.db")
    r = runner.invoke(app, ["users", "add", "bob", "--db", db], input="short\n")
    assert r.exit_code == 3 and "at least 8 characters" in r.output
    r = runner.invoke(app, ["users", "add", "bob", "--db", db], input="")
    assert r.exit_code == 2 and "no password" in r.output


def test_serve_refuses_a_taken_port(tmp_path):
    from onrecord.ledger.db import open_ledger
    open_ledger(str(tmp_path / "l.db"), create=True)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        r = runner.invoke(app, ["serve", "--db", str(tmp_path / "l.db"), "--port", str(port)])
    assert r.exit_code == 7 and f"cannot listen on 127.0.0.1:{port}" in r.output


def test_serve_with_two_processes_signs_in_across_them(tmp_path):
    """Both processes share one signing secret: a form served by one is accepted by the other."""
    import os
    import re
    import subprocess
    import sys
    import time

    import httpx
    db = str(tmp_path / "l.db")
    assert runner.invoke(app, ["users", "add", "ed", "--db", db], input="long enough password\n").exit_code == 0
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k != "ONRECORD_SECRET"}
    server = subprocess.Popen([sys.executable, "-m", "onrecord", "serve", "--db", db, "--port", str(port),
                               "--workers", "2"], env=env, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                httpx.get(base + "/", timeout=2)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        for _ in range(6):  # fresh connections, so both processes serve some of them
            with httpx.Client(base_url=base) as c:
                page = c.get("/login")
                token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
                r = c.post("/login", data={"name": "ed", "password": "long enough password", "csrf": token,
                                           "next": "/"})
                assert r.status_code == 303, r.text
    finally:
        server.terminate()
        _, err = server.communicate(timeout=30)
    assert "with 2 processes" in err
