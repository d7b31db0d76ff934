"""Article text is escaped, links are http(s) only, CSP 'self', CSRF on every form, cookie flags."""
import re

from onrecord.web import create_app
from fastapi.testclient import TestClient

from .conftest import PASSWORD, XSS_QUOTE, XSS_TITLE, csrf_of, sign_in


def test_script_and_attribute_payloads_show_as_text(client, ledger):
    _, ids = ledger
    for path in (f"/articles/{ids['xss']}", "/articles", f"/people/{ids['stone']}", "/search?q=onerror"):
        html = client.get(path).text
        assert "<script>alert" not in html and "<img src=x" not in html, path
    html = client.get(f"/articles/{ids['xss']}").text
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in html
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<script" not in html  # the page itself needs no script


def test_javascript_url_is_never_a_link(client, ledger):
    _, ids = ledger
    html = client.get(f"/articles/{ids['xss']}").text
    assert 'href="javascript:' not in html.lower()
    assert '<span class="url">javascript:alert(document.cookie)</span>' in html


def test_every_response_carries_a_self_only_csp(client, ledger):
    for path in ("/", "/articles/1", "/docs", "/api/scores", "/static/style.css"):
        csp = client.get(path).headers["content-security-policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp


def test_docs_load_swagger_from_the_app_itself(client):
    html = client.get("/docs").text
    srcs = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert srcs and all(s.startswith("/static/") for s in srcs)
    for s in srcs:
        assert client.get(s).status_code == 200
    assert client.get("/openapi.json").json()["paths"]["/api/forecasts/{forecast_id}/resolutions"]


def test_a_form_without_its_csrf_token_is_refused(editor, ledger):
    _, ids = ledger
    fid = ids["forecasts"][1]
    r = editor.post(f"/forecasts/{fid}/resolve", data={"outcome": "no", "evidence": "still shut"})
    assert r.status_code == 403 and "CSRF" in r.text
    r = editor.post(f"/forecasts/{fid}/resolve", data={"outcome": "no", "evidence": "x", "csrf": "forged"})
    assert r.status_code == 403
    assert "not resolved" in editor.get(f"/forecasts/{fid}").text


def test_login_needs_its_token_and_the_right_password(client):
    assert client.post("/login", data={"name": "editor", "password": PASSWORD}).status_code == 403
    r = sign_in(client, password="wrong password")
    assert r.status_code == 401 and "wrong name or password" in r.text
    assert sign_in(client, name="nobody").status_code == 401


def test_session_cookie_is_httponly_and_samesite(client):
    r = sign_in(client)
    cookie = [v for k, v in r.headers.multi_items() if k == "set-cookie" and v.startswith("onrecord_session=")][0]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie.replace("samesite", "SameSite")
    assert r.headers["location"] == "/"


def test_login_never_redirects_off_site(client):
    token = csrf_of(client.get("/login").text)
    r = client.post("/login", data={"name": "editor", "password": PASSWORD, "csrf": token,
                                    "next": "//evil.example/"}, follow_redirects=False)
    assert r.headers["location"] == "/"


def test_a_forged_session_cookie_is_nobody(client, ledger):
    client.cookies.set("onrecord_session", "eyJ1IjoxfQ.forged.sig")
    assert "Editor sign-in" in client.get("/").text


def test_writes_need_a_signed_in_editor(client, ledger):
    _, ids = ledger
    token = csrf_of(client.get("/login").text)
    r = client.post(f"/forecasts/{ids['forecasts'][0]}/resolve", data={"outcome": "no", "evidence": "x",
                                                                        "csrf": token}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/login")


def test_private_ledger_needs_sign_in_to_read(ledger):
    with TestClient(create_app(ledger[0], private=True, secret="t")) as c:
        r = c.get("/people", follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/login?next=/people"
        assert c.get("/api/people").status_code == 401
        assert sign_in(c).status_code == 303
        assert "Mara Quist" in c.get("/people").text
