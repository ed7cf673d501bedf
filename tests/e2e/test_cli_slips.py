"""A user's slips do no harm: honest summaries and exit codes, nothing overwritten or created by
mistake, strict dates and kinds, spreadsheet-safe CSV, languages told apart (issue 15)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chancery.cli import app
from chancery.ledger import open_ledger

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
ONE = EXAMPLES / "01-russia-recognises-taliban.txt"
QUERIES = (("events",), ("quotes",), ("relations",), ("export", "events"))


def _line(**fields) -> str:
    return json.dumps(fields, ensure_ascii=False) + "\n"


def test_summary_does_not_count_failed_articles_as_already_stored(run_cli, tmp_path):
    """Issue 15: articles that failed to code or that the ledger refused were reported "already stored"."""
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        _line(text="MOSCOW (Reuters) - Russia recognised the Taliban government on Thursday, officials said.")
        + _line(text="KABUL (AFP) - The Taliban welcomed Russia's decision on Thursday.", date="0001-01-01")
        + _line(
            text="BEIJING (Reuters) - China said on Friday it respected Russia's choice.", id="x" * 10_000
        )
        + "{not json\n"
    )
    result = run_cli("ingest", str(feed), "--quiet")
    lines = result.stderr.splitlines()
    assert lines[-1].startswith("ingested 1 article(s): 1 new, 0 already stored, ")
    assert lines[-1].endswith(" event(s), 3 problem(s)")
    assert result.exit_code == 1
    assert lines[0].startswith("chancery: created a new ledger at sqlite:///")
    assert lines[1].startswith(f"chancery: {feed}:2: could not be coded: ")
    assert lines[2] == (
        f"chancery: {feed}:3: article {_id(feed, 3)} was not stored, nothing of it was kept: "
        "its articles.external_id is 10,000 characters, over the ledger's limit of 200"
    )
    assert lines[3] == (
        f"chancery: {feed}:4: not valid JSON (Expecting property name enclosed in double quotes at column 2)"
    )
    assert len(lines) == 5
    again = run_cli("ingest", str(feed), "--quiet")
    assert (
        again.stderr.splitlines()[-1]
        == "ingested 1 article(s): 0 new, 1 already stored, 0 event(s), 3 problem(s)"
    )


def _id(feed: Path, line: int) -> str:
    from chancery.ingest import read_inputs

    return next(a.id for a in read_inputs([str(feed)]) if a.source == f"{feed}:{line}")


def test_exit_codes_say_all_stored_some_refused_or_nothing_could_run(run_cli, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    assert run_cli("ingest", str(ONE), "-q").exit_code == 0
    assert run_cli("ingest", str(ONE), "-q").exit_code == 0  # already stored is no failure
    assert run_cli("ingest", str(ONE), str(empty), "-q").exit_code == 1
    cannot = run_cli("ingest", str(ONE), "-q", "--db", f"sqlite:///{tmp_path}/missing/folder/l.db")
    assert cannot.exit_code == 2
    assert cannot.stderr == (
        f"chancery: error: cannot create a ledger at {tmp_path}/missing/folder/l.db: folder "
        f"{tmp_path}/missing/folder does not exist; pass another with --db or CHANCERY_DB\n"
    )


def test_export_onto_the_ledgers_own_file_is_refused_and_the_ledger_kept(run_cli, tmp_path):
    """Issue 15: `export -o` onto the ledger's file replaced the SQLite ledger with CSV, exit 0."""
    run_cli("ingest", str(ONE), "-q")
    ledger_file = Path(run_cli.db.removeprefix("sqlite:///"))
    before = ledger_file.read_bytes()
    for target in (ledger_file, Path(f"{ledger_file}-wal")):
        result = run_cli("export", "events", "-o", str(target))
        assert result.exit_code == 2
        assert result.stderr == (
            f"chancery: error: refusing to write over {target}: it is the ledger being read; "
            "choose another -o\n"
        )
    assert ledger_file.read_bytes() == before
    with open_ledger(run_cli.db, create=False) as ledger:
        assert ledger.counts()["articles"] == 1


def test_export_over_any_sqlite_database_is_refused(run_cli, tmp_path):
    run_cli("ingest", str(ONE), "-q")
    other = tmp_path / "other.db"
    with open_ledger(f"sqlite:///{other}"):
        pass
    before = other.read_bytes()
    result = run_cli("export", "quotes", "-o", str(other))
    assert (
        result.stderr
        == f"chancery: error: refusing to write over {other}: it is a SQLite database; choose another -o\n"
    )
    assert other.read_bytes() == before


def test_export_into_a_missing_folder_is_one_line(run_cli, tmp_path):
    """Issue 15: `-o` into a missing folder gave a raw traceback."""
    run_cli("ingest", str(ONE), "-q")
    result = run_cli("export", "events", "-o", str(tmp_path / "nowhere" / "events.csv"))
    assert (result.exit_code, result.stderr) == (
        2,
        f"chancery: error: cannot write {tmp_path}/nowhere/events.csv: folder {tmp_path}/nowhere does not "
        "exist; create it first\n",
    )


def test_export_writes_a_new_file_whole(run_cli, tmp_path):
    run_cli("ingest", str(ONE), "-q")
    target = tmp_path / "events.csv"
    assert run_cli("export", "events", "-o", str(target)).exit_code == 0
    assert target.read_text() == run_cli("export", "events").stdout
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no partial file left


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: " ".join(q))
def test_a_query_on_a_mistyped_db_path_says_so_and_creates_nothing(run_cli, tmp_path, query):
    """Issue 15: a mistyped --db path silently created a new empty ledger and printed "(no events)"."""
    typo = tmp_path / "ledegr.db"
    result = run_cli(*query, "--db", str(typo))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (
        f"chancery: error: no ledger at {typo} (nothing was created): `chancery ingest` creates one, "
        "or pass another with --db or CHANCERY_DB\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_a_query_with_no_db_given_leaves_no_chancery_db_behind(tmp_path, monkeypatch):
    """Issue 15: a path that does not exist still left an empty ./chancery.db."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CHANCERY_DB", raising=False)
    monkeypatch.setenv("CHANCERY_CONFIG", "")
    result = CliRunner().invoke(app, ["events"])
    assert "no ledger at chancery.db" in str(result.exception)
    assert list(tmp_path.iterdir()) == []


def test_a_garbage_db_setting_is_no_ledger_not_a_new_one(run_cli, tmp_path, monkeypatch):
    """Issue 15: db = "garbage" silently created a new empty ledger."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "chancery.toml").write_text('db = "garbage"\n')
    monkeypatch.setenv("CHANCERY_CONFIG", str(tmp_path / "chancery.toml"))
    monkeypatch.delenv("CHANCERY_DB")
    result = run_cli("events")
    assert result.stderr.startswith("chancery: error: no ledger at garbage (nothing was created)")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chancery.toml"]


def test_an_empty_chancery_db_is_refused(run_cli, monkeypatch):
    """Issue 15: an empty CHANCERY_DB silently created a new empty ledger."""
    monkeypatch.setenv("CHANCERY_DB", "")
    for command in (("events",), ("ingest", str(ONE))):
        result = run_cli(*command)
        assert result.exit_code == 2
        assert result.stderr == (
            "chancery: error: setting 'db' (from CHANCERY_DB) is empty; give a value or leave it unset\n"
        )


def test_a_misspelled_variable_stops_the_command(run_cli, monkeypatch):
    """Issue 15: a misspelled CHANCERY_* variable was ignored."""
    monkeypatch.setenv("CHANCERY_WORKES", "2")
    result = run_cli("ingest", str(ONE))
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "chancery: error: unknown environment variable CHANCERY_WORKES (did you mean CHANCERY_WORKERS?)"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("events", "--since", "2025-02-30"),
            "since must be a real date written YYYY-MM-DD, not '2025-02-30'",
        ),
        (
            ("events", "--until", "2025-13-01"),
            "until must be a real date written YYYY-MM-DD, not '2025-13-01'",
        ),
        (
            ("relations", "--as-of", "2025-04-31"),
            "as_of must be a real date written YYYY-MM-DD, not '2025-04-31'",
        ),
        (
            ("relations", "--summary", "AFGGOV", "--as-of", "2025-02-29"),
            "as_of must be a real date written YYYY-MM-DD, not '2025-02-29'",
        ),
        (
            ("relations", "--kind", "bogus"),
            "unknown relation kind 'bogus'; use one of: recognition, diplomatic_relations, representation, "
            "position, condition",
        ),
    ],
)
def test_impossible_dates_and_unknown_kinds_are_refused(run_cli, examples_db, args, message):
    """Issue 15: --since 2025-02-30 and --kind bogus were accepted."""
    result = run_cli(*args, "--db", examples_db)
    assert (result.exit_code, result.stderr) == (2, f"chancery: error: {message}\n")


def _cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_csv_cells_that_start_a_formula_are_neutralised(run_cli, tmp_path):
    """Issue 15: a crafted title, quote, URL or sentence became a spreadsheet formula."""
    feed = tmp_path / "crafted.jsonl"
    feed.write_text(
        _line(
            text='=HYPERLINK("http://x.example","y") Russia recognised the Taliban government on Thursday. '
            '"-Moscow will work with Kabul," said Zamir Kabulov.',
            title="@SUM(1+1)",
            url="+cmd",
            date="2025-07-03",
        )
    )
    run_cli("ingest", str(feed), "-q")
    outputs = {
        "code": run_cli("code", str(feed), "-f", "csv").stdout,
        "events": run_cli("events", "-f", "csv").stdout,
        "export events": run_cli("export", "events").stdout,
        "export quotes": run_cli("export", "quotes").stdout,
        "quotes": run_cli("quotes", "-f", "csv").stdout,
    }
    for name, text in outputs.items():
        body = [cell for row in _cells(text)[1:] for cell in row]
        assert any(cell.startswith("'=HYPERLINK") or cell.startswith("'-Moscow") for cell in body), name
        risky = [c for c in body if c[:1] in ("=", "+", "@", "\t", "\r") or (c[:1] == "-" and not _number(c))]
        assert risky == [], name
    raw = _cells(run_cli("events", "-f", "csv", "--csv-raw").stdout)
    assert any(cell.startswith("=HYPERLINK") for row in raw for cell in row)


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def test_events_csv_names_each_column_once(run_cli, examples_db):
    """Issue 15: the events CSV header named `target` twice."""
    for args in (
        ("events", "-f", "csv"),
        ("export", "events"),
        ("export", "quotes"),
        ("quotes", "-f", "csv"),
    ):
        header = _cells(run_cli(*args, "--db", examples_db).stdout)[0]
        assert len(header) == len(set(header)), args
        assert not any(f"{name}." in other for name in header for other in header), args


@pytest.mark.parametrize("what", ["events", "gdelt", "ledger-events", "quotes", "relations"])
def test_an_empty_csv_still_has_its_header(run_cli, examples_db, what):
    """Issue 15: an empty result printed no header."""
    with open_ledger(run_cli.db):  # a new, empty ledger
        pass
    full = _cells(run_cli("export", what, "--db", examples_db).stdout)
    assert len(full) > 1
    assert _cells(run_cli("export", what).stdout) == [full[0]]


def test_a_french_or_arabic_article_gets_a_note_and_is_stored_without_events(run_cli, tmp_path):
    """Issue 15: a French or Arabic article gave 0 events and no warning."""
    french = tmp_path / "fr.txt"
    french.write_text(
        "PARIS (AFP) - La Russie est devenue jeudi le premier pays à reconnaître le gouvernement des "
        "talibans, a annoncé le ministère des affaires étrangères, qui a reçu les lettres de créance."
    )
    arabic = tmp_path / "ar.txt"
    arabic.write_text(
        "أعلنت روسيا يوم الخميس اعترافها الرسمي بحكومة طالبان في أفغانستان، لتصبح أول دولة تقوم بذلك."
    )
    result = run_cli("ingest", str(french), str(arabic), str(ONE), "-q")
    assert result.exit_code == 0
    assert result.stderr.splitlines()[1:3] == [
        f"chancery: note: {french}: written in French (fr), not coded (chancery codes English only); "
        "kept without events",
        f"chancery: note: {arabic}: written in Arabic (ar), not coded (chancery codes English only); "
        "kept without events",
    ]
    assert result.stderr.splitlines()[3].startswith("ingested 3 article(s): 3 new, 0 already stored,")
    with open_ledger(run_cli.db, create=False) as ledger:
        languages = {a.source: a.language for a in ledger.articles()}
        assert languages == {str(french): "fr", str(arabic): "ar", str(ONE): "en"}
        assert {e.article_id for e in ledger.events()} == {_article_id(ONE)}


def _article_id(path: Path) -> str:
    from chancery.ingest import read_inputs

    return next(iter(read_inputs([str(path)]))).id


def test_other_languages_refuse_makes_a_foreign_article_a_problem(run_cli, tmp_path, monkeypatch):
    french = tmp_path / "fr.txt"
    french.write_text(
        "La Russie est devenue jeudi le premier pays à reconnaître le gouvernement des talibans, a annoncé "
        "le ministère des affaires étrangères, qui a reçu les lettres de créance de l'ambassadeur."
    )
    monkeypatch.setenv("CHANCERY_OTHER_LANGUAGES", "refuse")
    result = run_cli("code", str(french), "-f", "jsonl")
    assert result.exit_code == 1
    assert result.stderr == (
        f"chancery: {french}: written in French (fr); chancery codes English only "
        "(other_languages = refuse)\n"
    )


def test_version_is_printed(run_cli):
    from chancery import __version__

    result = run_cli("--version")
    assert (result.exit_code, result.stdout) == (0, f"chancery {__version__}\n")


def test_on_off_flags_show_no_value_placeholder(run_cli):
    from chancery.cli import app as cli_app

    for command in cli_app.registered_commands:
        name = command.name or command.callback.__name__
        text = run_cli(name, "--help").stdout
        flags = [
            line for line in text.splitlines() if line.strip().startswith(("--counted", "-q,", "--csv-raw"))
        ]
        assert all("<" not in flag for flag in flags), (name, flags)
        assert "<bool>" not in text, name


def test_code_json_names_the_language_of_an_article_it_did_not_code(run_cli):
    german = (
        "Russland hat als erstes Land die Regierung der Taliban anerkannt, wie das Außenministerium in "
        "Moskau am Donnerstag mitteilte. Der neue Botschafter wurde im Ministerium empfangen."
    )
    result = run_cli("code", "-", "-f", "json", stdin=german)
    [article] = json.loads(result.stdout)["articles"]
    assert (article["language"], article["events"], result.exit_code) == ("de", [], 0)
    assert result.stderr.startswith("chancery: note: -: written in German (de), not coded")
