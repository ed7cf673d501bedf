"""The web layer's own pieces: loopback rules, text marks, and charts that stay inside their box."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from chancery.errors import ChanceryError
from chancery.web import charts
from chancery.web.highlight import Mark, pieces
from chancery.web.security import check_bind, is_loopback


@pytest.mark.parametrize("host", ["127.0.0.1", "127.8.9.10", "::1", "[::1]", "localhost"])
def test_loopback_addresses_need_no_token(host):
    assert is_loopback(host)
    check_bind(host, None)


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20", "example.org", "10.0.0.1"])
def test_other_addresses_need_a_token(host):
    assert not is_loopback(host)
    with pytest.raises(ChanceryError, match=f"refusing to listen on {host}: .* set CHANCERY_API_TOKEN"):
        check_bind(host, None)
    check_bind(host, "a-token")


def test_serve_refuses_a_public_bind_without_a_token_in_one_line(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHANCERY_")}
    command = [sys.executable, "-m", "chancery", "serve", "--host", "0.0.0.0", "--db", str(tmp_path / "x.db")]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60, env=env, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("chancery: error: refusing to listen on 0.0.0.0")
    assert len(result.stderr.strip().splitlines()) == 1


def test_nested_and_overlapping_marks_cut_the_text_at_every_edge():
    text = "Russia recognised the Taliban."
    marks = [
        Mark(0, 30, "selected"),
        Mark(0, 6, "actor", "RUSGOV"),
        Mark(7, 17, "trigger", "054"),
        Mark(22, 29, "actor", "AFGGOV"),
        Mark(25, 40, "ignored-beyond-the-text"),
    ]
    cut = pieces(text, marks)
    assert "".join(p.text for p in cut) == text
    assert [(p.text, p.css, p.title) for p in cut] == [
        ("Russia", "actor selected", "RUSGOV"),
        (" ", "selected", None),
        ("recognised", "selected trigger", "054"),
        (" the ", "selected", None),
        ("Taliban", "actor selected", "AFGGOV"),
        (".", "selected", None),
    ]
    assert pieces("plain", []) == [pieces("plain", [])[0]] and pieces("plain", [])[0].css == ""


def test_a_timeline_bar_runs_from_its_start_to_its_end_on_the_year_axis():
    bars = [
        charts.Bar("A", "2020-01-01", "2022-01-01", "recognized", "/a", "a"),
        charts.Bar("B", "2021-01-01", None, "severed", "/b", "b <&>"),
    ]
    svg = str(charts.timeline(bars, marker="2021-07-01", last_day="2021-12-31"))
    # 2020-01-01 .. 2022-01-01 spans the 600-pixel plot from x=190: A fills it, B starts halfway.
    assert 'x="190.0" y="24" width="600.0"' in svg
    assert 'x="490.4"' in svg  # 2021-01-01 is 366 of the 731 days
    assert "b &lt;&amp;&gt;" in svg and svg.count("<rect") == 2 and 'class="marker"' in svg
    assert charts.timeline([], marker=None, last_day="2021-01-01") == ""


def test_the_network_puts_each_node_on_the_circle_and_bends_repeated_pairs_apart():
    nodes = [("RUS", "/actors/RUS"), ("AFG", "/actors/AFG")]
    edges = [
        charts.Edge("RUS", "AFG", "recognition", "#r0", "t"),
        charts.Edge("RUS", "AFG", "representation", "#r1", "t"),
    ]
    svg = str(charts.network(nodes, edges))
    assert 'cx="320.0" cy="70.0"' in svg and 'cx="320.0" cy="570.0"' in svg  # top and bottom of the circle
    straight, bent = re.findall(r'href="#r\d" class="edge \w+"><path d="([^"]+)"', svg)
    assert "Q320.0,320.0" in straight and "Q320.0,320.0" not in bent
