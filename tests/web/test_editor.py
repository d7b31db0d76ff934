"""Editors' writes from the web go through the CLI's functions and change what readers see."""
from onrecord.ledger import corrections, scoring, store
from onrecord.ledger.db import open_ledger

from .conftest import csrf_of


def _post(c, path, data):
    token = csrf_of(c.get("/").text)
    return c.post(path, data=data | {"csrf": token}, follow_redirects=False)


def test_resolving_a_forecast_changes_the_score(editor, ledger):
    db, ids = ledger
    fid = ids["forecasts"][1]
    form = editor.get(f"/forecasts/{fid}").text
    assert 'action="/forecasts/%d/resolve"' % fid in form
    r = _post(editor, f"/forecasts/{fid}/resolve", {"outcome": "no", "evidence": "https://news.example/l",
                                                    "on": "2024-07-01"})
    assert r.status_code == 303 and r.headers["location"] == f"/forecasts/{fid}"
    page = editor.get(f"/forecasts/{fid}").text
    assert '<a href="https://news.example/l" rel="noopener noreferrer nofollow">' in page and "on 2024-07-01" in page
    person = editor.get(f"/people/{ids['quist']}").text
    assert "<dt>Brier</dt><dd>0.160</dd>" in person and '<svg class="calibration"' in person
    with open_ledger(db)() as s:
        assert [r["brier"] for r in scoring.scores(s)] == [0.16]


def test_a_bad_resolution_is_a_400_page(editor, ledger):
    _, ids = ledger
    r = _post(editor, f"/forecasts/{ids['forecasts'][1]}/resolve", {"outcome": "maybe", "evidence": "x"})
    assert r.status_code == 400 and "outcome must be yes, no or void" in r.text


def test_correcting_a_speaker_and_an_owner(editor, ledger):
    db, ids = ledger
    with open_ledger(db)() as s:
        quote = s.scalars(store.select(store.Quote).where(store.Quote.article_id == ids["xss"])).first()
    r = _post(editor, f"/quotes/{quote.id}/speaker", {"person": str(ids["quist"]), "back": f"/articles/{ids['xss']}"})
    assert r.status_code == 303 and r.headers["location"] == f"/articles/{ids['xss']}"
    assert f'href="/people/{ids["quist"]}">Mara Quist</a>' in editor.get(f"/articles/{ids['xss']}").text
    fid = ids["forecasts"][0]
    assert _post(editor, f"/forecasts/{fid}/owner", {"person": ""}).status_code == 303
    with open_ledger(db)() as s:
        assert store.forecasts(s)[0]["owner"] is None
        # the same rules as `onrecord correct`, recorded with the editor's name
        listed = corrections.listing(s)
    assert [(c["target"], c["field"]) for c in listed] == [("forecast", "owner"), ("quote", "speaker")]
    assert {c["by"] for c in listed} == {"editor"}


def test_merge_and_split_people(editor, ledger):
    db, ids = ledger
    r = _post(editor, f"/people/{ids['quist']}/merge", {"other": str(ids["stone"])})
    assert r.status_code == 303
    merged = editor.get(f"/people/{ids['quist']}").text
    assert "Eve Stone" in merged
    r = _post(editor, f"/people/{ids['quist']}/split", {"name": "Eve Stone"})
    assert r.status_code == 303
    new = int(r.headers["location"].rsplit("/", 1)[1])
    with open_ledger(db)() as s:
        assert {p["name"] for p in store.people(s)} == {"Mara Quist", "Eve Stone"}
        assert new in {p["id"] for p in store.people(s, "Stone")}
    assert _post(editor, f"/people/{ids['quist']}/merge", {"other": str(ids["quist"])}).status_code == 400
