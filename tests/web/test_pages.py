"""The reader's pages, on SQLite and PostgreSQL."""
import re
from html import unescape as html_unescape

from .conftest import PORT


def test_home_shows_counts_and_coming_due(client, ledger):
    html = client.get("/").text
    assert re.search(r"<strong>3</strong> articles", html)
    assert "Most quoted" in html and "Mara Quist" in html
    assert "Prices will fall within a year" in html  # coming due (2099-03-06) while open


def test_articles_filters_and_pagination(client):
    html = client.get("/articles").text
    assert "Valmora port strike" in html and "Valmora port still shut" in html
    only = client.get("/articles", params={"q": "officials"}).text
    assert "Valmora port still shut" in only and "Valmora port strike" not in only
    assert "Valmora port strike" not in client.get("/articles", params={"since": "2024-04-01"}).text
    assert "Valmora port strike" in client.get("/articles", params={"until": "2024-03-06", "outlet": "news.example"}).text
    assert "no article matches" in client.get("/articles", params={"outlet": "elsewhere.example"}).text
    r = client.get("/articles", params={"since": "March"})
    assert r.status_code == 400 and "YYYY-MM-DD" in r.text


def test_article_page_highlights_quotes_with_speakers_and_sets_structure_apart(client, ledger):
    _, ids = ledger
    html = client.get(f"/articles/{ids['port']}").text
    body = html[html.index('<article class="text">'):html.index("</article>")]
    assert re.search(r'<span class="quote speech forecast">Prices will fall within a year</span>', body)
    assert f'<a class="badge who" href="/people/{ids["quist"]}">Mara Quist</a>' in body
    assert re.search(r'<span class="quote stance forecast">the port could reopen before June</span>', body)
    assert '<span class="badge p">p 0.40 · will</span>' in body and "by 2024-06-30" in body
    assert '<span class="set-apart credit">Photo: Jon Vik / Harbour Agency</span>' in body
    assert '<span class="set-apart related">Read also: Ferries return to Valmora</span>' in body
    words = re.sub(r'<(a|span) class="badge[^"]*"[^>]*>[^<]*</\1>', "", body[len('<article class="text">'):])
    assert html_unescape(re.sub(r"<[^>]+>", "", words)) == PORT  # every character of the text, in order, once
    assert '<a href="https://news.example/valmora" rel="noopener noreferrer nofollow">original</a>' in html


def test_person_page_has_record_plot_and_stances_apart(client, ledger):
    _, ids = ledger
    html = client.get(f"/people/{ids['quist']}").text
    assert "an economist at Ostby Bank" in html and "Mara Quist</span> <span class=\"muted\">×1" in html
    said = html[html.index("<h2>Said"):html.index("<h2>Reported stances")]
    stances = html[html.index("<h2>Reported stances"):html.index("<h2>Timeline")]
    assert "Prices will fall" in said and "the port could reopen" not in said
    assert "the port could reopen" in stances
    assert "No resolved forecast yet" in html and "<svg" not in html
    assert "2024-03-06" in html[html.index("<h2>Timeline"):]


def test_forecasts_filters(client):
    assert client.get("/forecasts").text.count('<tr><td><a href="/forecasts/') == 2
    due = client.get("/forecasts", params={"status": "due"}).text
    assert "the port could reopen" in due and "Prices will fall" not in due
    high = client.get("/forecasts", params={"min_p": "0.9", "owner": "quist"}).text
    assert "Prices will fall" in high and "the port could reopen" not in high
    assert "Prices will fall" not in client.get("/forecasts", params={"due_before": "2024-12-31"}).text
    assert client.get("/forecasts", params={"min_p": "2"}).status_code == 400
    assert client.get("/forecasts", params={"status": "late"}).status_code == 400


def test_forecast_page_shows_sentence_and_suggests_later_evidence(client, ledger):
    _, ids = ledger
    fid = ids["forecasts"][1]
    html = client.get(f"/forecasts/{fid}").text
    assert '<blockquote class="sentence">Quist believes that <span class="forecast">the port could reopen before June' in html
    assert "not resolved" in html
    suggested = html[html.index("Suggested evidence"):]
    assert "Valmora port still shut" in suggested and "did not reopen before June" in suggested
    assert "Resolve</h2>" not in html  # no forms for readers


def test_search_finds_quotes_and_forecasts(client):
    html = client.get("/search", params={"q": "reopen June"}).text
    assert html.count("the port could reopen before June") >= 2
    assert "no quote" in client.get("/search", params={"q": "zeppelin"}).text


def test_missing_things_are_404_pages(client):
    r = client.get("/articles/9999")
    assert r.status_code == 404 and "no article with id 9999" in r.text and "<html" in r.text
    assert client.get("/people/9999").status_code == 404
    assert client.get("/forecasts/9999").status_code == 404
