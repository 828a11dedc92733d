"""The HTML timeline page, opened in a real headless browser (Debian's Chromium via Playwright).

Each test exports stored events to a file, opens it from a file:// URL and checks what an analyst
sees: no console message or page error, no network request beyond the file, events in date order,
filters that hide the other events, a click that shows the sentence with its trigger highlighted,
zoom and pan, and text from articles shown as text (a <script> in a sentence never runs).

Without Chromium (/usr/bin/chromium or `chromium` on PATH) the tests are skipped, saying why,
unless TIMELINE_TEST_REQUIRE_BROWSER=1 (CI), where they fail.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from conftest import ROOT
from records_factory import extraction

from timeline.database.filters import EventFilter
from timeline.database.listing import iter_events
from timeline.database.record import EventRecord, Participant
from timeline.database.store import save
from timeline.outputs.events import event_json
from timeline.outputs.html import script_json, write_html
from timeline.records import (
    DATE,
    ActorMention,
    Article,
    Event,
    Extraction,
    PlaceMention,
    TimeExpression,
)

ARTIFACTS = ROOT / "tests" / "artifacts"
BROWSER_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
XSS = "<script>alert(1)</script>"


def chromium_path() -> str | None:
    if Path("/usr/bin/chromium").exists():
        return "/usr/bin/chromium"
    return shutil.which("chromium")


@pytest.fixture(scope="module")
def browser():
    required = os.environ.get("TIMELINE_TEST_REQUIRE_BROWSER") == "1"
    path = chromium_path()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        path, missing = None, "Playwright is not installed (pip install -e '.[test]')"
    else:
        missing = "Chromium is not installed (/usr/bin/chromium or chromium on PATH)"
    if path is None:
        if required:
            pytest.fail(f"{missing}, and TIMELINE_TEST_REQUIRE_BROWSER=1 requires it")
        pytest.skip(f"{missing}: the HTML timeline is not tested in a browser")

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=BROWSER_ARGS)
        yield browser
        browser.close()


# --- a second article, written for these tests: a week, a month, and markup in the text -------

PUBLISHED = datetime(2017, 4, 12, 8, 0, tzinfo=UTC)
TEXT = (
    "Russia held talks with the United States in Geneva during the week. "
    "In March the European Union imposed sanctions on Syria. "
    f"Protesters in Damascus chanted {XSS} outside the embassy on Sunday."
)


def _span(text: str, words: str, after: int = 0) -> tuple[int, int]:
    start = text.index(words, after)
    return start, start + len(words)


def _sentence(words: str) -> tuple[str, int, int]:
    start = TEXT.index(words)
    end = TEXT.index(".", start + len(words) - 1) + 1
    return TEXT[start:end], start, end


def _event(
    trigger: str,
    sentence_words: str,
    code: str,
    label: str,
    quad: int,
    goldstein: float,
    value: str,
    granularity: str,
    start: date,
    end: date,
    actors,
    places,
) -> Event:
    sentence, s_start, s_end = _sentence(sentence_words)
    t_start, t_end = _span(TEXT, trigger, s_start)
    return Event(
        trigger=trigger,
        trigger_start=t_start,
        trigger_end=t_end,
        lemma=trigger.lower(),
        sentence=sentence,
        sentence_start=s_start,
        sentence_end=s_end,
        event_code=code,
        event_label=label,
        quad_class=quad,
        goldstein=goldstein,
        actors=actors,
        locations=places,
        date_source="text",
        date_value=value,
        granularity=granularity,
        date_start=start,
        date_end=end,
    )


def second_article() -> Extraction:
    article = Article(
        text=TEXT,
        published_at=PUBLISHED,
        title=f"{XSS} Geneva & Damascus",
        url="javascript:alert(2)",
        source="Wire <b>service</b>",
        origin="second.txt",
    )
    week = TimeExpression(
        "during the week",
        *_span(TEXT, "during the week"),
        DATE,
        "2017-W15",
        "week",
        date(2017, 4, 10),
        date(2017, 4, 16),
        PUBLISHED,
    )
    russia = ActorMention("Russia", "country", "source", "Russia", 0, 6, "RUS", "RUS")
    usa = ActorMention("United States", "country", "target", "United States", 25, 38, "USA", "USA")
    eu = ActorMention("European Union", "organization", "source", code="IGO")
    syria = ActorMention("Syria", "country", "target", country_code="SYR", code="SYR")
    protesters = ActorMention("protesters", "group", "source", code="CVL")
    geneva = PlaceMention(
        "Geneva", "Geneva", country_code="CHE", latitude=46.20222, longitude=6.14569, feature="city"
    )
    damascus = PlaceMention(
        "Damascus",
        "Damascus",
        country_code="SYR",
        latitude=33.5102,
        longitude=36.29128,
        feature="city",
    )
    talks = _event(
        "held talks",
        "Russia held",
        "046",
        "Engage in negotiation",
        1,
        7.0,
        "2017-W15",
        "week",
        date(2017, 4, 10),
        date(2017, 4, 16),
        [russia, usa],
        [geneva],
    )
    sanctions = _event(
        "imposed",
        "In March",
        "163",
        "Impose embargo, boycott, or sanctions",
        4,
        -8.0,
        "2017-03",
        "month",
        date(2017, 3, 1),
        date(2017, 3, 31),
        [eu, syria],
        [],
    )
    protest = _event(
        "chanted",
        "Protesters in",
        "140",
        "Engage in political dissent",
        4,
        -6.5,
        "2017-04-09",
        "day",
        date(2017, 4, 9),
        date(2017, 4, 9),
        [protesters],
        [damascus],
    )
    talks.time = week
    return Extraction(article=article, expressions=[week], events=[talks, sanctions, protest])


# --- opening a page -------------------------------------------------------------------------


@dataclass
class Opened:
    page: object
    url: str
    events: list[dict]
    messages: list[str] = field(default_factory=list)  # console messages and page errors
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def attr(self, selector: str, name: str) -> list[str]:
        return self.page.eval_on_selector_all(
            selector, "(nodes, name) => nodes.map(n => n.getAttribute(name))", name
        )

    def shown_rows(self) -> list[int]:
        return [int(i) for i in self.attr("#events > li:not([hidden])", "data-event-id")]

    def shown_marks(self) -> list[int]:
        return [int(i) for i in self.attr("#lanes > .mark:not([hidden])", "data-event-id")]

    def view(self) -> tuple[float, float]:
        timeline = self.page.locator("#timeline")
        return (
            float(timeline.get_attribute("data-view-start")),
            float(timeline.get_attribute("data-view-end")),
        )


@pytest.fixture
def opened(database, browser, tmp_path):
    """A function that exports the stored events to a page and opens it."""
    with database.session() as session:
        save(session, extraction())
        save(session, second_article())
        events = list(iter_events(session, EventFilter()))
    pages = []
    shown = [event_json(event) for event in events]  # what the page holds of each event

    def open_page(title: str = "Test timeline", width: int = 1280, height: int = 900) -> Opened:
        path = tmp_path / "timeline.html"
        with open(path, "w", encoding="utf-8") as out:
            assert write_html(iter(events), out, title=title) == len(events)
        page = browser.new_page(viewport={"width": width, "height": height})
        pages.append(page)
        opened = Opened(page=page, url=path.as_uri(), events=shown)
        page.on("console", lambda m: opened.messages.append(f"console {m.type}: {m.text}"))
        page.on("pageerror", lambda e: opened.messages.append(f"page error: {e}"))
        page.on("request", lambda r: opened.requests.append(r.url))

        def dialog(d) -> None:
            opened.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", dialog)
        page.goto(opened.url)
        page.wait_for_selector("#events > li")
        return opened

    yield open_page
    for page in pages:
        page.close()


def by_date(events: list[dict]) -> list[int]:
    return [
        e["id"] for e in sorted(events, key=lambda e: (e["date_start"], e["date_end"], e["id"]))
    ]


# --- tests ------------------------------------------------------------------------------------


def test_page_lists_events_in_date_order_without_errors_or_network(opened):
    shown = opened()
    page = shown.page
    assert shown.shown_rows() == by_date(shown.events)
    starts = shown.attr("#events > li", "data-date-start")
    assert starts == sorted(starts) and starts[0] == "2017-03-01"
    # one mark per happening: its first report in date order
    leads: dict = {}
    for event_id in by_date(shown.events):
        event = next(e for e in shown.events if e["id"] == event_id)
        leads.setdefault(event["happening_id"], event_id)
    assert sorted(shown.shown_marks()) == sorted(leads.values())
    actors = [json.loads(a) for a in shown.attr("#events > li", "data-actors")]
    assert ["United States", "Syria"] in actors
    # a week and a month are bars, a day a point
    kinds = dict(
        zip(shown.attr(".mark", "data-date-start"), shown.attr(".mark", "class"), strict=True)
    )
    assert "bar" in kinds["2017-03-01"] and "bar" in kinds["2017-04-10"]
    assert "point" in kinds["2017-04-06"]
    assert page.locator("#summary").inner_text().startswith("5 events")
    assert f"{len(leads)} happenings" in page.locator("#summary").inner_text()
    # the month bar is wider than the week bar
    month = page.locator('.mark[data-date-start="2017-03-01"]').bounding_box()
    week = page.locator('.mark[data-date-start="2017-04-10"]').bounding_box()
    assert month["width"] > 3 * week["width"] > 0
    assert shown.messages == []
    assert shown.requests == [shown.url]


def test_actor_filter_hides_the_other_events(opened):
    shown = opened()
    page = shown.page
    page.select_option("#filter-actor", "United States")
    with_us = {e["id"] for e in shown.events if "United States" in {a["name"] for a in e["actors"]}}
    assert len(with_us) == 2
    assert set(shown.shown_rows()) == with_us
    assert set(shown.shown_marks()) == with_us
    for event in shown.events:  # neither the row nor the mark of another event is visible
        if event["id"] not in with_us:
            assert page.locator(f'[data-event-id="{event["id"]}"]:visible').count() == 0
    for actors in shown.attr("#events > li", "data-actors"):
        assert "United States" in json.loads(actors)
    assert page.locator("#shown").inner_text() == "2 of 5 events shown"

    page.select_option("#filter-actor", "")
    page.select_option("#filter-type", "16")  # CAMEO root: reduce relations
    assert shown.shown_rows() == [e["id"] for e in shown.events if e["event_code"] == "163"]
    page.select_option("#filter-type", "")
    page.uncheck("#quad-4")
    assert set(shown.shown_rows()) == {e["id"] for e in shown.events if e["quad_class"] != 4}
    page.check("#quad-4")
    page.fill("#filter-text", "negotiation")
    assert shown.shown_rows() == [e["id"] for e in shown.events if e["trigger"] == "held talks"]
    assert shown.messages == []


def test_click_shows_the_sentence_with_its_trigger_and_the_article(opened):
    shown = opened()
    page = shown.page
    strike = next(e for e in shown.events if e["trigger"] == "launched")
    page.locator(f'#lanes > .mark[data-event-id="{strike["id"]}"]').click()
    row = page.locator(f'#events > li[data-event-id="{strike["id"]}"]')
    assert row.locator(".sentence").inner_text() == strike["sentence"]
    assert row.locator(".sentence mark").inner_text() == "launched"
    link = row.locator(".facts a")
    assert link.inner_text() == "Tillerson to Moscow"
    assert link.get_attribute("href") == "https://example.org/a"
    facts = row.locator(".facts").inner_text()
    assert "AP, 7 Apr 2017 09:30 UTC" in facts
    assert row.locator(".facts .url").inner_text() == "https://example.org/a"
    assert "195 Employ aerial weapons" in facts
    assert page.locator(".ev-detail").count() == 1
    # a click on the row itself closes it; another row opens alone
    row.locator(".ev-head").click()
    assert page.locator(".ev-detail").count() == 0
    visit = next(e for e in shown.events if e["trigger"] == "arrives")
    page.locator(f'#events > li[data-event-id="{visit["id"]}"] .ev-head').focus()
    page.keyboard.press("Enter")  # rows open from the keyboard too
    assert page.locator(".sentence mark").inner_text() == "arrives"
    assert shown.messages == []


def test_markup_in_articles_is_shown_as_text_and_never_runs(opened):
    shown = opened(title=f"{XSS} & timeline")
    page = shown.page
    assert page.title() == f"{XSS} & timeline"
    assert page.locator("h1").inner_text() == f"{XSS} & timeline"
    assert page.locator("script").count() == 3  # the lookup table, the events, the code
    protest = next(e for e in shown.events if e["trigger"] == "chanted")
    row = page.locator(f'#events > li[data-event-id="{protest["id"]}"]')
    row.locator(".ev-head").click()
    assert row.locator(".sentence").inner_text() == protest["sentence"]
    assert XSS in row.locator(".sentence").inner_text()
    assert row.locator(".sentence mark").inner_text() == "chanted"
    facts = row.locator(".facts").inner_text()
    assert f"{XSS} Geneva & Damascus" in facts and "Wire <b>service</b>" in facts
    assert row.locator(".facts a").count() == 0  # a javascript: URL is not made a link
    assert row.locator(".facts .url").inner_text() == "javascript:alert(2)"
    assert page.locator("b").count() == 0
    assert shown.dialogs == []
    assert shown.messages == []
    assert shown.requests == [shown.url]


def test_zoom_with_buttons_and_wheel_and_pan_by_dragging(opened):
    shown = opened()
    page = shown.page
    start, end = shown.view()
    page.click("#zoom-in")
    zoomed = shown.view()
    assert zoomed[1] - zoomed[0] == pytest.approx((end - start) / 1.6, rel=1e-3)
    page.click("#zoom-out")
    assert shown.view() == pytest.approx((start, end), abs=1e-2)

    box = page.locator("#timeline").bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.75, box["y"] + box["height"] - 8)
    page.mouse.wheel(0, -200)
    page.wait_for_function(
        f"document.getElementById('timeline').dataset.viewStart !== '{start:.3f}'"
    )
    wheeled = shown.view()
    assert wheeled[1] - wheeled[0] < end - start
    assert wheeled[0] > start  # zoomed towards the pointer, right of the middle

    y = box["y"] + box["height"] - 8  # below the marks: a drag, not a click
    page.mouse.move(box["x"] + 600, y)
    page.mouse.down()
    page.mouse.move(box["x"] + 400, y, steps=5)
    page.mouse.up()
    panned = shown.view()
    assert panned[1] - panned[0] == pytest.approx(wheeled[1] - wheeled[0], rel=1e-6)
    assert panned[0] > wheeled[0]  # dragged left: later days come into view
    assert page.locator(".ev-detail").count() == 0

    page.click("#zoom-fit")
    assert shown.view() == pytest.approx((start, end), abs=1e-2)
    assert shown.messages == []


def test_screenshot(opened):
    """The page as analysts see it, saved for review: tests/artifacts/html-timeline.png."""
    shown = opened(title="Tillerson to Moscow and after", width=1280, height=820)
    page = shown.page
    strike = next(e for e in shown.events if e["trigger"] == "launched")
    page.locator(f'#lanes > .mark[data-event-id="{strike["id"]}"]').click()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / "html-timeline.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shown.messages == []


# --- without a browser --------------------------------------------------------------------------


def test_embedded_json_cannot_close_its_script_element():
    text = script_json({"sentence": f"a {XSS} b </SCRIPT> & \u2028", "n": 1})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"sentence": f"a {XSS} b </SCRIPT> & \u2028", "n": 1}


def test_page_is_self_contained_and_streams(tmp_path):
    import io

    from timeline.outputs.html import cameo_roots

    out = io.StringIO()
    seen = []

    def events():
        for i in range(3):
            seen.append(out.getvalue().count('"event_code":'))
            yield one_day_event(i + 1, f"2017-04-0{i + 1}")

    assert write_html(events(), out) == 3
    assert seen == [0, 1, 2]  # each event is written before the next is asked for
    page = out.getvalue()
    for outside in ('src="http', "src='http", 'href="http', "@import", "url(", "fetch("):
        assert outside not in page
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page)
    assert html.unescape(policy[1]).startswith("default-src 'none'; script-src 'sha256-")
    assert cameo_roots()["19"] == "Fight" and len(cameo_roots()) == 20


def one_day_event(number: int, day: str, quad_class: int = 1) -> EventRecord:
    """A one-day visit by an envoy (of seven), in an article of visits."""
    return EventRecord(
        id=number,
        date_start=day,
        date_end=day,
        date_value=day,
        granularity="day",
        date_source="text",
        event_code="042",
        event_label="Make a visit",
        quad_class=quad_class,
        goldstein=1.9,
        trigger="visited",
        status="asserted",
        sentence=f"Envoy {number - 1} visited the capital.",
        actors=[Participant(f"Envoy {(number - 1) % 7}", "source", "person", None, None)],
        locations=[],
        article_id=1,
        article_title="Visits",
        article_url=None,
        article_source=None,
        article_published_at=None,
        article_published_granularity=None,
    )


def synthetic(n: int) -> list[EventRecord]:
    """n one-day events, one a day from 1 January 2017, cycling through the quad classes."""
    days = (date.fromordinal(date(2017, 1, 1).toordinal() + i).isoformat() for i in range(n))
    return [one_day_event(i + 1, day, i % 4 + 1) for i, day in enumerate(days)]


def test_many_events_draw_as_counts_and_list_in_pages(browser, tmp_path):
    path = tmp_path / "many.html"
    with open(path, "w", encoding="utf-8") as out:
        assert write_html(synthetic(1200), out) == 1200
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text))
    try:
        page.goto(path.as_uri())
        page.wait_for_selector("#events > li")
        # too many to draw one by one: a density chart, no single marks
        assert page.locator("#density").is_visible()
        assert page.locator("#lanes > .mark:visible").count() == 0
        assert page.locator("#dense-note").inner_text().startswith("1200 events in view")
        # the list comes in pages
        assert page.locator("#events > li").count() == 500
        assert page.locator("#more").inner_text() == "Show 500 more (700 not listed yet)"
        # zoomed in far enough, the events are drawn one by one again
        for _ in range(8):
            page.click("#zoom-in")
        assert not page.locator("#density").is_visible()
        marks = page.locator("#lanes > .mark:visible")
        assert 0 < marks.count() < 800
        # a click on a mark further down than the list reaches lists and opens its row
        mark = marks.first
        mark_id = int(mark.get_attribute("data-event-id"))
        assert mark_id > 500
        mark.click()
        assert page.locator(".ev.open").get_attribute("data-event-id") == str(mark_id)
        assert page.locator(".ev.open .sentence mark").inner_text() == "visited"
        assert page.locator("#events > li").count() == 1000
        ids = page.eval_on_selector_all("#events > li", "ns => ns.map(n => +n.dataset.eventId)")
        assert ids == list(range(1, 1001))
        page.click("#more")
        assert page.locator("#events > li").count() == 1200
        assert page.locator("#more").is_hidden()
        # a filter lists its events from the first page again
        page.select_option("#filter-actor", "Envoy 3")
        assert page.locator("#events > li").count() == len(range(3, 1200, 7))
        assert page.locator("#more").is_hidden()
        assert errors == []
    finally:
        page.close()


# --- the axis: where the events are, "Fit", periods under days ------------------------------------


def an_event(
    number: int, start: str, end: str, granularity: str, actor: str, quad: int = 1
) -> EventRecord:
    """An event of `actor` over [start, end] with its value written at that granularity."""
    value = {"year": start[:4], "month": start[:7]}.get(granularity, start)
    return one_day_event(number, start, quad)._replace(
        date_end=end,
        date_value=value,
        granularity=granularity,
        actors=[Participant(actor, "source", "person", None, None)],
    )


def open_records(browser, tmp_path, records, width: int = 1280):
    path = tmp_path / "axis.html"
    with open(path, "w", encoding="utf-8") as out:
        write_html(records, out)
    page = browser.new_page(viewport={"width": width, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text))
    page.goto(path.as_uri())
    page.wait_for_selector("#events > li")
    return page, errors


def view_days(page) -> tuple[date, date]:
    timeline = page.locator("#timeline")
    start = float(timeline.get_attribute("data-view-start"))
    end = float(timeline.get_attribute("data-view-end"))
    epoch = date(1970, 1, 1).toordinal()
    return date.fromordinal(epoch + int(start)), date.fromordinal(epoch + int(end))


def april(day: int) -> str:
    return f"2017-04-{day:02d}"


def test_the_axis_opens_where_the_events_are_and_an_outlier_is_a_zoom_away(browser, tmp_path):
    records = [an_event(i, april(i), april(i), "day", "Envoy") for i in range(1, 21)]
    records.append(an_event(21, "1990-06-01", "1990-06-01", "day", "Envoy"))  # a wrong old date
    records.append(an_event(22, "2017-01-01", "2017-12-31", "year", "Envoy"))
    page, errors = open_records(browser, tmp_path, records)
    try:
        first, last = view_days(page)
        # the days of April, not 1990 to 2017 nor the whole year the year-level event spans
        assert date(2017, 3, 25) <= first <= date(2017, 4, 1)
        assert date(2017, 4, 20) <= last <= date(2017, 4, 30)
        assert page.locator('.mark[data-event-id="21"]:visible').count() == 0
        note = page.locator("#outside-note")
        assert note.is_visible() and note.inner_text().startswith("1 earlier out of view")
        for _ in range(30):  # zoom out until the outlier is in view
            if page.locator("#timeline").get_attribute("data-outside") == "0":
                break
            page.click("#zoom-out")
        assert page.locator('.mark[data-event-id="21"]:visible').count() == 1
        assert note.is_hidden()
        page.click("#zoom-fit")
        assert view_days(page) == (first, last)
        assert errors == []
    finally:
        page.close()


def test_fit_fits_the_events_the_filters_show(browser, tmp_path):
    records = [an_event(i, april(3 + i), april(3 + i), "day", "Envoy") for i in range(14)]
    records.append(an_event(20, "2017-01-01", "2017-12-31", "year", "Envoy"))
    records += [
        an_event(30 + i, f"{2014 + i}-07-01", f"{2014 + i}-07-01", "day", "Minister", quad=4)
        for i in range(6)
    ]
    page, errors = open_records(browser, tmp_path, records)
    try:
        first, last = view_days(page)
        assert first <= date(2014, 7, 1) and last >= date(2019, 7, 1)  # everyone's years
        page.select_option("#filter-actor", "Envoy")
        first, last = view_days(page)
        # two weeks of days: the year-level event is not allowed to stretch it to a year
        assert (last - first).days < 25, (first, last)
        assert first <= date(2017, 4, 3) and last >= date(2017, 4, 16)
        page.select_option("#filter-actor", "")
        assert view_days(page)[0] <= date(2014, 7, 1)
        page.uncheck("#quad-4")  # the minister's events go; the view stays ...
        assert view_days(page)[0] <= date(2014, 7, 1)
        page.click("#zoom-fit")  # ... until Fit fits what is shown
        first, last = view_days(page)
        assert (last - first).days < 25 and first <= date(2017, 4, 3) <= last
        assert errors == []
    finally:
        page.close()


def test_months_and_years_never_cover_a_day(browser, tmp_path):
    records = [an_event(i, april(i), april(i), "day", f"Envoy {i % 3}") for i in range(1, 29)]
    records.append(an_event(40, "2017-04-01", "2017-04-30", "month", "Envoy 1"))
    records.append(an_event(41, "2017-01-01", "2017-12-31", "year", "Envoy 2"))
    records.append(an_event(42, "2017-04-10", "2017-04-16", "week", "Envoy 0"))
    page, errors = open_records(browser, tmp_path, records)
    try:
        points = page.locator("#lanes > .mark.point:visible")
        assert points.count() == 28
        on_top = page.evaluate(
            """() => [...document.querySelectorAll('#lanes > .mark.point')].map(m => {
                const box = m.getBoundingClientRect();
                const x = box.x + box.width / 2, y = box.y + box.height / 2;
                const hit = document.elementFromPoint(x, y);
                return hit && hit.closest('.mark') === m;
            })"""
        )
        assert all(on_top)
        periods = page.locator("#lanes > .mark.period:visible")
        assert periods.count() == 2  # the month and the year; the week stays among the days
        lowest_day = max(
            box["y"] + box["height"] for box in (p.bounding_box() for p in points.all())
        )
        for period in periods.all():
            box = period.bounding_box()
            assert box["y"] >= lowest_day and box["height"] < 14
        assert "period" not in page.locator('.mark[data-event-id="42"]').get_attribute("class")
        assert errors == []
    finally:
        page.close()


def test_events_dated_by_publication_are_marked_on_the_axis_and_in_the_list(browser, tmp_path):
    dated_by_text = one_day_event(1, "2017-04-06", 4)
    by_publication = one_day_event(2, "2017-04-07", 1)._replace(date_source="publication")
    path = tmp_path / "marks.html"
    with open(path, "w", encoding="utf-8") as out:
        write_html([dated_by_text, by_publication], out)
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    try:
        page.goto(path.as_uri())
        page.wait_for_selector("#events > li")
        marked = page.locator('.mark[data-event-id="2"]')
        assert "by-publication" in marked.get_attribute("class")
        assert "dated by the article's publication" in marked.get_attribute("title")
        assert "by-publication" not in page.locator('.mark[data-event-id="1"]').get_attribute(
            "class"
        )
        cell = page.locator('#events > li[data-event-id="2"] .ev-date')
        assert cell.get_attribute("title") == "dated by the article's publication"
        assert (
            page.locator('#events > li[data-event-id="1"] .ev-date').get_attribute("title") is None
        )
    finally:
        page.close()


def test_one_mark_per_happening_with_its_reports(browser, tmp_path):
    """Three reports of one visit (two articles) and another visit: two marks; the visit's mark
    says how many reports it has, and opened, lists them."""
    records = [
        one_day_event(1, "2017-04-03")._replace(happening_id=7, happening_mentions=3),
        one_day_event(2, "2017-04-03")._replace(happening_id=7, happening_mentions=3),
        one_day_event(3, "2017-04-04")._replace(
            happening_id=7, happening_mentions=3, article_id=2, article_title="Visits again"
        ),
        one_day_event(4, "2017-04-05")._replace(happening_id=8, happening_mentions=1),
    ]
    page, errors = open_records(browser, tmp_path, records)
    try:
        marks = page.locator("#lanes > .mark:visible")
        assert marks.count() == 2
        visit = page.locator('#lanes > .mark[data-happening-id="7"]')
        assert visit.get_attribute("data-event-id") == "1"
        assert visit.get_attribute("data-reports") == "3"
        assert "3 reports in 2 articles" in visit.get_attribute("title")
        assert page.locator("#events > li").count() == 4  # the list keeps every report
        visit.click()
        reports = page.locator(".ev.open .reports li")
        assert reports.count() == 3
        assert "Visits again" in reports.nth(2).inner_text()
        # a filter that hides the first report keeps the mark while another report shows
        page.fill("#filter-text", "again")
        page.wait_for_timeout(50)
        assert page.locator('#lanes > .mark[data-happening-id="7"]:visible').count() == 1
        assert page.locator('#lanes > .mark[data-happening-id="8"]:visible').count() == 0
        assert errors == []
    finally:
        page.close()
