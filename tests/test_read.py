"""Tests for the read stage: files of every format -> Article records or one-line InputErrors."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.errors import InputError
from timeline.read import FORMATS, format_for, iter_articles, parse_published
from timeline.read.published import ISO_HINT
from timeline.records import Article

SEED = Path(__file__).resolve().parent.parent / "seeds" / "tillerson-moscow-2017.txt"
EDT = timezone(timedelta(hours=-4))


def read(*paths: Path | str, **kwargs: object) -> list[Article | InputError]:
    items = list(iter_articles([str(path) for path in paths], **kwargs))  # type: ignore[arg-type]
    for item in items:
        assert isinstance(item, Article | InputError)
        if isinstance(item, InputError):
            assert "\n" not in str(item), "error messages are one line"
    return items


def articles(items: list[Article | InputError]) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


def errors(items: list[Article | InputError]) -> list[str]:
    return [str(item) for item in items if isinstance(item, InputError)]


def only_article(items: list[Article | InputError]) -> Article:
    assert errors(items) == []
    assert len(items) == 1
    return items[0]  # type: ignore[return-value]


def only_error(items: list[Article | InputError]) -> str:
    assert articles(items) == []
    assert len(items) == 1
    return str(items[0])


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode("utf-8"))
    return path


# --- publication times -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2017-04-07", datetime(2017, 4, 7, tzinfo=UTC)),
        ("2017-04-07T09:30:00-04:00", datetime(2017, 4, 7, 9, 30, tzinfo=EDT)),
        ("2017-04-07 09:30", datetime(2017, 4, 7, 9, 30, tzinfo=UTC)),
        ("2017-04-07T09:30Z", datetime(2017, 4, 7, 9, 30, tzinfo=UTC)),
        ("  2017-04-07T13:30:00+00:00 ", datetime(2017, 4, 7, 13, 30, tzinfo=UTC)),
        ("Fri, 07 Apr 2017 09:30:00 -0400", datetime(2017, 4, 7, 9, 30, tzinfo=EDT)),
        ("Fri, 07 Apr 2017 13:30:00 GMT", datetime(2017, 4, 7, 13, 30, tzinfo=UTC)),
    ],
)
def test_parse_published_accepts_iso_and_rfc2822(value: str, expected: datetime) -> None:
    parsed = parse_published(value)
    assert parsed == expected
    assert parsed.utcoffset() == expected.utcoffset()  # the offset is kept, not converted


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2017-02-30", f"invalid publication time '2017-02-30': {ISO_HINT}"),
        ("", f"invalid publication time '': {ISO_HINT}"),
        ("   ", f"invalid publication time '   ': {ISO_HINT}"),
        ("April 7th", f"invalid publication time 'April 7th': {ISO_HINT}"),
        ("Fri, 30 Feb 2017 09:30:00 GMT", "invalid publication time 'Fri, 30 Feb 2017 09:30:0"),
        ("yesterday", "'yesterday' is relative to the day it is read, not a publication time"),
    ],
)
def test_parse_published_rejects_invalid_dates(value: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_published(value)
    assert str(caught.value).startswith(message)


# --- plain text and front matter ---------------------------------------------------------------


def test_seed_article_is_read_verbatim() -> None:
    article = only_article(read(SEED))
    assert article.text == SEED.read_text(encoding="utf-8")
    assert article.origin == str(SEED)
    assert article.published_at is None  # never guessed from the file's time
    assert article.title is None and article.source is None and article.url is None


def test_front_matter_fields_and_body_offsets(tmp_path: Path) -> None:
    body = "Tillerson arrives in Moscow on Tuesday.\n\nHe meets Lavrov on Wednesday.\n"
    path = write(
        tmp_path / "a.md",
        "---\n"
        "Title: Tillerson heads to Moscow\n"
        "url: https://example.org/a\n"
        "SOURCE: Associated Press\n"
        "published: 2017-04-07T09:30:00-04:00\n"
        "author: Somebody\n"
        "---\n" + body,
    )
    article = only_article(read(path))
    assert article.text == body
    assert article.title == "Tillerson heads to Moscow"
    assert article.url == "https://example.org/a"
    assert article.source == "Associated Press"
    assert article.published_at == datetime(2017, 4, 7, 9, 30, tzinfo=EDT)
    start = article.text.index("Moscow")
    assert article.text[start : start + 6] == "Moscow"
    assert start == body.index("Moscow")


@pytest.mark.parametrize("key", ["date", "published_at", "Published_At", "DATE"])
def test_front_matter_date_aliases(tmp_path: Path, key: str) -> None:
    path = write(tmp_path / "a.txt", f"---\n{key}: 2017-04-07\n---\nThe talks began.\n")
    assert only_article(read(path)).published_at == datetime(2017, 4, 7, tzinfo=UTC)


def test_front_matter_quoted_values_and_blank_line_kept(tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.txt",
        "---\ntitle: \"Lavrov: 'no deal'\"\nsource: 'Reuters'\n---\n\nLavrov spoke on Monday.",
    )
    article = only_article(read(path))
    assert article.title == "Lavrov: 'no deal'"
    assert article.source == "Reuters"
    # only the newline that ends the closing '---' is removed
    assert article.text == "\nLavrov spoke on Monday."


def test_crlf_is_normalized_and_front_matter_still_found(tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.txt",
        b"---\r\ntitle: Strike\r\n---\r\nMissiles struck the base.\r\nRussia protested.\r\n",
    )
    article = only_article(read(path))
    assert article.title == "Strike"
    assert article.text == "Missiles struck the base.\nRussia protested.\n"


def test_leading_rule_without_fields_is_body_text(tmp_path: Path) -> None:
    content = "---\nA line of prose, not a field\n---\nMore prose.\n"
    path = write(tmp_path / "a.txt", content)
    assert only_article(read(path)).text == content


def test_unclosed_front_matter_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "---\ntitle: Strike\nurl: https://example.org/s\n")
    message = only_error(read(path))
    assert message == f"{path}: front matter that starts on line 1 is never closed by a '---' line"
    path = write(tmp_path / "b.txt", "---\ntitle: Strike\nMissiles struck the base.\n")
    assert only_error(read(path)) == (
        f"{path}:3: front matter line 'Missiles struck the base.' is not 'key: value' "
        "(is the closing '---' line missing?)"
    )


def test_bad_front_matter_line_names_its_line(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "---\ntitle: Strike\nno colon here\n---\nText.\n")
    assert only_error(read(path)) == (
        f"{path}:3: front matter line 'no colon here' is not 'key: value' "
        "(is the closing '---' line missing?)"
    )


def test_front_matter_without_body_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "---\ntitle: Strike\n---\n\n  \n")
    assert only_error(read(path)) == f"{path}: no article text after the front matter"


def test_invalid_front_matter_date_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "---\npublished: 2017-02-30\n---\nText.\n")
    assert only_error(read(path)) == (f"{path}: invalid publication time '2017-02-30': {ISO_HINT}")


# --- encodings ---------------------------------------------------------------------------------


def test_utf8_bom_is_stripped(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", b"\xef\xbb\xbfPutin met Tillerson.")
    assert only_article(read(path)).text == "Putin met Tillerson."


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom_is_decoded(tmp_path: Path, codec: str) -> None:
    bom = b"\xff\xfe" if codec.endswith("le") else b"\xfe\xff"
    text = "---\ntitle: Gespräch\n---\nLawrow traf Tillerson in Moskau."
    path = write(tmp_path / "a.txt", bom + text.encode(codec))
    article = only_article(read(path))
    assert article.title == "Gespräch"
    assert article.text == "Lawrow traf Tillerson in Moskau."


def test_invalid_utf8_names_byte_and_offset(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", b"Caf\xe9 talks in Moscow")
    message = only_error(read(path))
    assert message.startswith(f"{path}: not UTF-8 text (byte 0xe9 at offset 3)")


def test_invalid_utf8_offset_counts_the_bom(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", b"\xef\xbb\xbfab\xff")
    assert "(byte 0xff at offset 5)" in only_error(read(path))


def test_binary_file_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    message = only_error(read(path))
    assert message.startswith(f"{path}: binary data, not text (NUL byte at offset 8)")


@pytest.mark.parametrize("content", [b"", b"   \n\t\n", b"\xef\xbb\xbf\n"])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = write(tmp_path / "a.txt", content)
    assert only_error(read(path)) == f"{path}: empty file"


@pytest.mark.parametrize("name", ["a.json", "a.jsonl", "a.csv", "a.html"])
def test_empty_file_in_every_format(tmp_path: Path, name: str) -> None:
    path = write(tmp_path / name, "\n \n")
    assert only_error(read(path)) == f"{path}: empty file"


# --- JSON --------------------------------------------------------------------------------------


def test_json_single_object(tmp_path: Path) -> None:
    record = {
        "title": "Strike on Shayrat",
        "body": "US cruise missiles struck the Shayrat air base on Thursday.",
        "url": "https://example.org/s",
        "source": "Reuters",
        "published_at": "2017-04-07T04:40:00+03:00",
    }
    path = write(tmp_path / "one.json", json.dumps(record))
    article = only_article(read(path))
    assert article.text == record["body"]
    assert article.title == "Strike on Shayrat"
    assert article.url == "https://example.org/s"
    assert article.source == "Reuters"
    assert article.published_at == datetime(2017, 4, 7, 1, 40, tzinfo=UTC)
    assert article.origin == str(path)


def test_json_list_gives_indexed_origins_and_bad_records_do_not_stop_good(tmp_path: Path) -> None:
    records = [
        {"text": "Lavrov met Tillerson.", "date": "2017-04-12"},
        {"text": 42},
        "not an object",
        {"title": "no text here"},
        {"content": "Putin received Tillerson.", "published": "2017-02-30"},
        {"content": "Trump spoke with Xi.", "title": ["a", "list"]},
        {"text": "   "},
        {"TEXT": "Xi visited Mar-a-Lago.", "Published": "Thu, 06 Apr 2017 20:00:00 -0400"},
        {"text": "Actors, not an outlet.", "source": [{"actorText": "Russia"}]},
        {"text": "Epoch seconds.", "date": 1491571800},
    ]
    path = write(tmp_path / "many.json", json.dumps(records))
    items = read(path)
    good = articles(items)
    assert [a.origin for a in good] == [f"{path}[0]", f"{path}[7]"]
    assert good[0].published_at == datetime(2017, 4, 12, tzinfo=UTC)
    assert good[1].published_at == datetime(2017, 4, 7, 0, 0, tzinfo=UTC)
    assert errors(items) == [
        f"{path}[1]: 'text' must be a string, got a number",
        f"{path}[2]: expected a JSON object, got a string",
        f"{path}[3]: no 'text' field (fields found: 'title'); put the article text under 'text'",
        f"{path}[4]: invalid publication time '2017-02-30': {ISO_HINT}",
        f"{path}[5]: 'title' must be a string, got a list",
        f"{path}[6]: 'text' is empty",
        f"{path}[8]: 'source' must be a string (the outlet's name; --source sets it for every "
        "article), got a list",
        f"{path}[9]: 'date' must be a string (such as 2017-04-07T09:30:00-04:00; --published "
        "sets it for every article), got a number",
    ]
    # with the overrides, the fields that were wrong are not consulted
    when = datetime(2017, 4, 7, tzinfo=UTC)
    fixed = articles(read(path, published=when, source="Wire"))
    assert [a.origin for a in fixed][-2:] == [f"{path}[8]", f"{path}[9]"]


def test_truncated_json_reports_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path / "cut.json", '[\n  {"text": "Tillerson arrives",\n   "title": "Mos')
    message = only_error(read(path))
    assert message.startswith(f"{path}: not valid JSON at line 3, column 13 (")
    assert "is the file complete?" in message


def test_json_top_level_scalar_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "n.json", "17")
    assert only_error(read(path)) == (
        f"{path}: expected a JSON object or a list of objects, got a number"
    )


def test_paths_inside_records_are_never_opened(tmp_path: Path) -> None:
    secret = write(tmp_path / "secret.txt", "do not read me")
    records = [{"text": str(secret), "path": str(secret), "url": secret.as_uri()}]
    path = write(tmp_path / "r.json", json.dumps(records))
    article = only_article(read(path))
    assert article.text == str(secret)
    assert "do not read me" not in repr(article)


# --- JSON Lines --------------------------------------------------------------------------------


def test_jsonl_lines_blank_lines_and_errors_per_line(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": "Assad denied the attack.", "source": "AFP"}),
        "",
        "   ",
        '{"text": "cut off',
        json.dumps(["a", "list"]),
        json.dumps({"text": "Russia vetoed the resolution.", "published": "2017-04-12"}),
        json.dumps({"text": "The envoy\u2028resigned."}),  # U+2028 inside a string: one record
    ]
    path = write(tmp_path / "feed.ndjson", "\n".join(lines) + "\n")
    items = read(path)
    good = articles(items)
    assert [a.origin for a in good] == [f"{path}:1", f"{path}:6", f"{path}:7"]
    assert good[0].source == "AFP"
    assert good[1].published_at == datetime(2017, 4, 12, tzinfo=UTC)
    assert good[2].text == "The envoy\u2028resigned."
    assert errors(items) == [
        f"{path}:4: not valid JSON at column 10 (Unterminated string starting at)",
        f"{path}:5: expected a JSON object, got a list",
    ]


def test_jsonl_text_escapes_crlf_normalized(tmp_path: Path) -> None:
    path = write(tmp_path / "a.jsonl", json.dumps({"text": "Line one.\r\nLine two."}))
    assert only_article(read(path)).text == "Line one.\nLine two."


# --- CSV ---------------------------------------------------------------------------------------


def test_csv_case_insensitive_header_and_embedded_newlines(tmp_path: Path) -> None:
    content = (
        "Title, TEXT ,Published,URL,Source,extra\r\n"
        '"Moscow talks","Tillerson met Lavrov.\r\n\r\nThey disagreed on Syria.",'
        "2017-04-12T15:00:00+03:00,https://example.org/m,TASS,x\r\n"
        'Second,"Short, with a comma.",,,,\r\n'
    )
    path = write(tmp_path / "a.csv", content)
    items = read(path)
    first, second = articles(items)
    assert errors(items) == []
    assert first.title == "Moscow talks"
    assert first.text == "Tillerson met Lavrov.\n\nThey disagreed on Syria."
    assert first.published_at == datetime(2017, 4, 12, 12, 0, tzinfo=UTC)
    assert first.url == "https://example.org/m"
    assert first.source == "TASS"
    assert first.origin == f"{path}:2"
    # the first record spans lines 2-4, so the second starts on line 5
    assert second.origin == f"{path}:5"
    assert second.text == "Short, with a comma."
    assert second.published_at is None and second.url is None and second.source is None


def test_csv_missing_text_column_names_the_columns_found(tmp_path: Path) -> None:
    path = write(tmp_path / "a.csv", "headline,date\nStrike,2017-04-07\n")
    assert only_error(read(path)) == (
        f"{path}: no 'text' column (columns found: 'headline', 'date'); "
        "the first row must name the columns, one of them 'text'"
    )


def test_csv_bad_rows_do_not_stop_good_ones(tmp_path: Path) -> None:
    content = (
        "text,published\n"
        "Tillerson landed in Moscow.,2017-04-11\n"
        ",2017-04-11\n"
        "Lavrov greeted him.,2017-02-30\n"
        "\n"
        "Too,many,fields\n"
        "Putin kept him waiting.\n"
    )
    path = write(tmp_path / "a.csv", content)
    items = read(path)
    assert [a.origin for a in articles(items)] == [f"{path}:2", f"{path}:7"]
    assert articles(items)[1].published_at is None  # short row: missing cells are absent
    assert errors(items) == [
        f"{path}:3: 'text' is empty",
        f"{path}:4: invalid publication time '2017-02-30': {ISO_HINT}",
        f"{path}:6: 3 fields but the header names 2 columns; quote fields that contain commas",
    ]


def test_csv_bad_quoting_is_reported_per_record(tmp_path: Path) -> None:
    content = 'text,title\nGood row.,x\n"bad"quote,y\nLater row.,z\n"never closed,w\nlost,v\n'
    path = write(tmp_path / "a.csv", content)
    items = read(path)
    assert [a.origin for a in articles(items)] == [f"{path}:2", f"{path}:4"]
    assert errors(items) == [
        f"{path}:3: not valid CSV (',' expected after '\"'); check the quoting",
        # an unterminated quoted field runs to the end of the file
        f"{path}:5: not valid CSV (unexpected end of data); check the quoting",
    ]


def test_csv_long_field(tmp_path: Path) -> None:
    text = "Tillerson arrives in Moscow on Tuesday. " * 5000  # over csv's default 128 KiB cell
    path = write(tmp_path / "a.csv", f'text\n"{text}"\n')
    assert only_article(read(path)).text == text


# --- HTML --------------------------------------------------------------------------------------

ARTICLE_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Tillerson heads to Moscow | World News Daily</title>
  <meta property="og:title" content="Tillerson heads to Moscow">
  <meta property="og:site_name" content="World News Daily">
  <meta property="og:url" content="https://news.example.org/2017/04/07/tillerson-moscow">
  {published_meta}
</head>
<body>
  <header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
  </header>
  <main>
    <article>
      <h1>Tillerson heads to Moscow</h1>
      <p class="byline">By a staff reporter,
        <time datetime="{time_datetime}">April 7, 2017</time></p>
      <p>Secretary of State Rex Tillerson will travel to Moscow next week, days after the
      United States launched cruise missiles against an air base in Syria.</p>
      <p>Tillerson arrives in Moscow on Tuesday after a brief visit to Lucca, Italy, to meet
      with counterparts from the Group of 7 industrialized economies.</p>
      <p>While in Russia, Tillerson plans to meet with Russian Foreign Minister Sergey Lavrov,
      officials said on Friday.</p>
    </article>
  </main>
  <footer><p>Copyright 2017 World News Daily. All rights reserved.</p></footer>
</body>
</html>
"""


def test_html_article_text_title_date_and_site(tmp_path: Path) -> None:
    page = ARTICLE_PAGE.format(
        published_meta='<meta property="article:published_time" '
        'content="2017-04-07T09:30:00-04:00">',
        time_datetime="2017-04-07T09:30:00-04:00",
    )
    path = write(tmp_path / "page.html", page)
    article = only_article(read(path))
    assert "Tillerson arrives in Moscow on Tuesday" in article.text
    assert "Sergey Lavrov" in article.text
    assert "All rights reserved" not in article.text
    assert "Sport" not in article.text
    assert article.title == "Tillerson heads to Moscow"
    assert article.source == "World News Daily"
    assert article.url == "https://news.example.org/2017/04/07/tillerson-moscow"
    assert article.published_at == datetime(2017, 4, 7, 9, 30, tzinfo=EDT)
    assert article.origin == str(path)


def test_html_date_from_time_element_alone(tmp_path: Path) -> None:
    page = ARTICLE_PAGE.format(published_meta="", time_datetime="2017-04-07T15:30:00+02:00")
    path = write(tmp_path / "page.htm", page)
    article = only_article(read(path))
    assert article.published_at == datetime(2017, 4, 7, 13, 30, tzinfo=UTC)


def test_html_published_override_wins(tmp_path: Path) -> None:
    page = ARTICLE_PAGE.format(published_meta="", time_datetime="2017-04-07")
    path = write(tmp_path / "page.html", page)
    when = datetime(2017, 4, 8, 12, 0, tzinfo=UTC)
    article = only_article(read(path, published=when, source="Wire"))
    assert article.published_at == when
    assert article.source == "Wire"


def test_html_without_article_text(tmp_path: Path) -> None:
    page = (
        "<html><head><title>World News Daily</title></head><body>"
        "<nav><ul><li><a href='/world'>World</a></li><li><a href='/sport'>Sport</a></li>"
        "<li><a href='/a'>Tillerson heads to Moscow</a></li></ul></nav>"
        "<footer>Copyright 2017</footer></body></html>"
    )
    path = write(tmp_path / "index.html", page)
    assert only_error(read(path)).startswith(f"{path}: no article text found")


def test_html_in_a_declared_legacy_charset(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="windows-1252"><title>Caf\u00e9 diplomacy</title></head>'
        "<body><article><p>The ministers met at a caf\u00e9 in Lucca on Monday and talked "
        "about Syria for an hour before the G7 session began.</p></article></body></html>"
    )
    path = write(tmp_path / "legacy.html", page.encode("cp1252"))
    article = only_article(read(path))
    assert "caf\u00e9 in Lucca" in article.text


# --- standard input ----------------------------------------------------------------------------


def test_stdin_text_by_default() -> None:
    stdin = io.StringIO("---\ntitle: Piped\n---\nTillerson flew to Moscow.\n")
    article = only_article(read("-", stdin=stdin))
    assert article.title == "Piped"
    assert article.text == "Tillerson flew to Moscow.\n"
    assert article.origin == "<stdin>"


def test_stdin_bytes_with_format() -> None:
    data = (json.dumps({"text": "One."}) + "\n" + "{oops\n").encode()
    items = read("-", format="jsonl", stdin=io.BytesIO(data))
    assert [a.origin for a in articles(items)] == ["<stdin>:1"]
    assert errors(items)[0].startswith("<stdin>:2: not valid JSON")


def test_stdin_text_wrapper_is_decoded_from_its_bytes() -> None:
    raw = io.BytesIO(b"\xff\xfe" + "Lawrow sprach.".encode("utf-16-le"))
    wrapper = io.TextIOWrapper(raw, encoding="latin-1")  # a wrong declared encoding is ignored
    assert only_article(read("-", stdin=wrapper)).text == "Lawrow sprach."


def test_stdin_invalid_utf8() -> None:
    message = only_error(read("-", stdin=io.BytesIO(b"ok \xc3(")))
    assert message.startswith("<stdin>: not UTF-8 text (byte 0xc3 at offset 3)")


# --- paths, directories, overrides -------------------------------------------------------------


def test_directory_is_recursive_sorted_and_skips_hidden_and_unknown(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", "B text.")
    write(tmp_path / "a.md", "A text.")
    write(tmp_path / "sub" / "c.jsonl", json.dumps({"text": "C text."}))
    write(
        tmp_path / "sub" / "deeper" / "d.HTM",
        ARTICLE_PAGE.format(published_meta="", time_datetime="2017-04-07"),
    )
    write(tmp_path / "e.csv", "text\nE text.\n")
    write(tmp_path / "f.json", json.dumps([{"text": "F text."}]))
    write(tmp_path / "notes.docx", b"PK\x03\x04binary")
    write(tmp_path / "image.png", b"\x89PNG\r\n\x1a\n")
    write(tmp_path / ".hidden.txt", "hidden text")
    write(tmp_path / ".git" / "x.txt", "hidden dir text")
    items = read(tmp_path)
    assert errors(items) == []
    assert [a.origin for a in articles(items)] == [
        str(tmp_path / "a.md"),
        str(tmp_path / "b.txt"),
        f"{tmp_path / 'e.csv'}:2",
        f"{tmp_path / 'f.json'}[0]",
        f"{tmp_path / 'sub' / 'c.jsonl'}:1",
        str(tmp_path / "sub" / "deeper" / "d.HTM"),
    ]


def test_seed_directory() -> None:
    items = read(SEED.parent)
    assert errors(items) == []
    found = {Path(a.origin).name: a for a in articles(items)}
    assert "README.md" not in found  # documentation next to the articles is not an article
    assert len(found) == len(list(SEED.parent.glob("*.txt")))
    assert found[SEED.name].published_at is None
    dated = [a for name, a in found.items() if name != SEED.name]
    assert dated and all(a.published_at and a.title and a.url for a in dated)
    assert all(a.source == "Wikinews" and not a.text.startswith("---") for a in dated)


def test_directory_with_no_article_files(tmp_path: Path) -> None:
    write(tmp_path / "notes.docx", b"PK")
    write(tmp_path / ".hidden.txt", "x")
    write(tmp_path / "README.md", "# Notes")
    write(tmp_path / "LICENSE.txt", "MIT")
    message = only_error(read(tmp_path))
    assert message.startswith(f"{tmp_path}: no article files in this directory (looked for ")
    # a README named explicitly is read like any other text file
    assert only_article(read(tmp_path / "README.md")).text == "# Notes"


def test_directory_is_read_lazily(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "First.")
    second = write(tmp_path / "b.txt", "Second.")
    items = iter_articles([str(tmp_path)])
    first = next(items)
    assert isinstance(first, Article) and first.text == "First."
    second.unlink()  # the second file is opened only when it is reached
    (rest,) = list(items)
    assert isinstance(rest, InputError)
    assert str(rest).startswith(f"{second}: cannot read file (")


def test_nonexistent_path(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    good = write(tmp_path / "good.txt", "Still read.")
    items = read(missing, good)
    assert errors(items) == [f"{missing}: no such file or directory"]
    assert [a.text for a in articles(items)] == ["Still read."]


def test_named_file_with_unknown_extension(tmp_path: Path) -> None:
    path = write(tmp_path / "article.dat", "Tillerson met Putin.")
    assert only_error(read(path)) == (
        f"{path}: cannot tell the format from the file name; "
        "give --input-format (text, json, jsonl, csv, html)"
    )
    assert only_article(read(path, format="text")).text == "Tillerson met Putin."


def test_format_overrides_extension(tmp_path: Path) -> None:
    path = write(tmp_path / "export.txt", json.dumps([{"text": "A."}, {"text": "B."}]))
    assert [a.text for a in articles(read(path, format="json"))] == ["A.", "B."]
    assert only_article(read(path)).text.startswith('[{"text"')
    write(tmp_path / "sub" / "more.txt", json.dumps({"text": "C."}))
    assert [a.text for a in articles(read(tmp_path, format="json"))] == ["A.", "B.", "C."]


def test_unknown_format_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "Text.")
    assert only_error(read(path, format="xml")) == (
        "unknown format 'xml': expected one of text, json, jsonl, csv, html"
    )


def test_published_and_source_override_everything(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "---\npublished: 2017-04-07\nsource: AP\n---\nText A.\n")
    write(tmp_path / "b.jsonl", json.dumps({"text": "Text B.", "published": "2017-02-30"}))
    when = datetime(2017, 4, 10, 8, 0, tzinfo=EDT)
    items = read(tmp_path, published=when, source="Reuters")
    assert errors(items) == []  # the bad date in b.jsonl is never consulted
    assert [(a.published_at, a.source) for a in articles(items)] == [(when, "Reuters")] * 2


def test_naive_published_override_is_utc(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "Text.")
    article = only_article(read(path, published=datetime(2017, 4, 7, 9, 30)))
    assert article.published_at == datetime(2017, 4, 7, 9, 30, tzinfo=UTC)


def test_format_table() -> None:
    assert FORMATS == ("text", "json", "jsonl", "csv", "html")
    expected = {
        "a.txt": "text",
        "a.text": "text",
        "a.md": "text",
        "a.json": "json",
        "a.jsonl": "jsonl",
        "a.ndjson": "jsonl",
        "a.csv": "csv",
        "A.HTML": "html",
        "a.htm": "html",
        "a.xml": None,
        "README": None,
    }
    assert {name: format_for(name) for name in expected} == expected


def test_a_single_path_string_is_one_path(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "One path.")
    assert [a.text for a in iter_articles(str(path))] == ["One path."]  # type: ignore[arg-type]


def test_newline_in_a_file_name_keeps_the_message_on_one_line(tmp_path: Path) -> None:
    path = write(tmp_path / "two\nlines.txt", "")
    assert only_error(read(path)) == f"{tmp_path}/two\\nlines.txt: empty file"


@pytest.mark.parametrize("format", FORMATS)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    data=st.one_of(
        st.binary(max_size=300),
        st.text(max_size=300).map(lambda text: text.encode("utf-8")),
        st.lists(
            st.sampled_from(["---", "title: x", "text,published", '{"text": "a"}', "<p>", '"', ""]),
            max_size=8,
        ).map(lambda lines: "\n".join(lines).encode("utf-8")),
    )
)
def test_any_input_gives_articles_or_one_line_errors_never_exceptions(
    format: str, data: bytes
) -> None:
    items = list(iter_articles(["-"], format=format, stdin=io.BytesIO(data)))
    for item in items:
        if isinstance(item, InputError):
            assert str(item).startswith("<stdin>") and "\n" not in str(item)
        else:
            assert isinstance(item, Article) and item.text.strip()
            assert item.published_at is None or item.published_at.tzinfo is not None
