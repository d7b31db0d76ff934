"""The JSON API mirrors the CLI's --json output and writes with a bearer token."""
from fastapi.testclient import TestClient

from onrecord.ledger import queries, scoring, store
from onrecord.ledger.db import open_ledger
from onrecord.web import create_app, readers, users


def _token(db, name="editor"):
    with open_ledger(db).begin() as s:
        return users.new_token(s, name)


def test_reads_are_what_the_cli_prints(client, ledger):
    db, ids = ledger
    with open_ledger(db)() as s:
        cli_people, cli_forecasts, cli_scores = store.people(s), queries.forecasts(s), scoring.scores(s)
        analysis = store.article(s, ids["port"]).analysis
    assert client.get("/api/people").json() == cli_people
    assert client.get("/api/forecasts").json() == cli_forecasts
    assert client.get("/api/scores").json() == cli_scores
    art = client.get(f"/api/articles/{ids['port']}").json()
    assert {k: v for k, v in art.items() if k != "ledger"} == analysis
    assert [q["speaker"]["name"] for q in art["ledger"]["quotes"]] == ["Mara Quist", "Mara Quist"]


def test_people_listing_agrees_with_the_store_when_searching(ledger):
    db, _ = ledger
    with open_ledger(db)() as s:
        for q in (None, "quist", "Stone", "nobody"):
            assert readers.people_listing(s, q) == store.people(s, q)


def test_lists_filter_and_page(client, ledger):
    _, ids = ledger
    page = client.get("/api/articles", params={"limit": 1, "offset": 1}).json()
    assert page["total"] == 3 and len(page["articles"]) == 1
    assert [a["title"] for a in client.get("/api/articles", params={"search": "officials"}).json()["articles"]] == \
        ["Valmora port still shut"]
    stance = client.get("/api/quotes", params={"kind": "stance"}).json()
    assert [q["text"] for q in stance] == ["the port could reopen before June"]
    assert len(client.get("/api/quotes", params={"speaker": "stone"}).json()) == 1
    assert len(client.get("/api/forecasts", params={"status": "due"}).json()) == 1
    assert client.get("/api/forecasts", params={"status": "late"}).status_code == 422
    found = client.get("/api/search", params={"q": "reopen"}).json()
    assert len(found["quotes"]) == 1 and len(found["forecasts"]) == 1
    person = client.get(f"/api/people/{ids['quist']}").json()
    assert person["descriptions"] == ["an economist at Ostby Bank"] and len(person["stance"]) == 1
    one = client.get(f"/api/forecasts/{ids['forecasts'][1]}").json()
    assert one["sentence"]["text"] == "Quist believes that the port could reopen before June."
    assert one["suggested_evidence"][0]["title"] == "Valmora port still shut"
    assert client.get("/api/forecasts/999").json() == {"detail": "no forecast with id 999"}


def test_writes_need_a_valid_bearer_token(client, ledger):
    db, ids = ledger
    fid = ids["forecasts"][1]
    body = {"outcome": "no", "evidence": "https://news.example/l", "on": "2024-07-01"}
    assert client.post(f"/api/forecasts/{fid}/resolutions", json=body).status_code == 401
    assert client.post(f"/api/forecasts/{fid}/resolutions", json=body,
                       headers={"Authorization": "Bearer nope"}).status_code == 401
    auth = {"Authorization": f"Bearer {_token(db)}"}
    r = client.post(f"/api/forecasts/{fid}/resolutions", json=body, headers=auth)
    assert r.status_code == 201 and r.json()["by"] == "editor"
    assert client.get("/api/scores").json()[0]["brier"] == 0.16
    assert client.post(f"/api/forecasts/{fid}/resolutions", json=body | {"outcome": "maybe"},
                       headers=auth).status_code == 422
    assert client.post("/api/forecasts/999/resolutions", json=body, headers=auth).status_code == 404


def test_a_new_token_revokes_the_old_one(client, ledger):
    db, ids = ledger
    old = _token(db)
    _token(db)
    r = client.put(f"/api/forecasts/{ids['forecasts'][0]}/owner", json={"person": None},
                   headers={"Authorization": f"Bearer {old}"})
    assert r.status_code == 401


def test_corrections_through_the_api(client, ledger):
    db, ids = ledger
    auth = {"Authorization": f"Bearer {_token(db)}"}
    quote = client.get("/api/quotes", params={"speaker": "stone"}).json()[0]
    r = client.put(f"/api/quotes/{quote['id']}/speaker", json={"person": ids["quist"]}, headers=auth)
    assert r.status_code == 200 and r.json()["speaker"]["name"] == "Mara Quist"
    r = client.put(f"/api/forecasts/{ids['forecasts'][0]}/owner", json={"person": None}, headers=auth)
    assert r.status_code == 200 and r.json()["owner"] is None
    assert client.put(f"/api/quotes/{quote['id']}/speaker", json={"person": 999}, headers=auth).status_code == 404


def test_private_api_takes_the_token_for_reads(ledger):
    db, _ = ledger
    with TestClient(create_app(db, private=True, secret="t")) as c:
        assert c.get("/api/scores").status_code == 401
        assert c.get("/api/scores", headers={"Authorization": f"Bearer {_token(db)}"}).status_code == 200
