"""The review page in a real browser (headless Chromium, see tests/browser.py): what an editor does
with it. Skipped, with the reason, only where no browser is installed."""
from __future__ import annotations

import io
import json
import time
from pathlib import Path

import pytest

from mtqa.fix.engine import FixResult
from mtqa.fix.review import decide, page_fixes
from mtqa.model import Confidence, Finding, Segment, SegmentResult, Severity
from mtqa.report import Report, RunInfo
from mtqa.reporters.html import render
from tests import browser
from tests.conftest import ROOT, SAMPLE_HYP, SAMPLE_REF

pytestmark = pytest.mark.skipif(browser.missing() is not None, reason=f"browser tests: {browser.missing()}")


@pytest.fixture(scope="module")
def driver():
    d = browser.make_driver()
    yield d
    d.quit()


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    """The sample article's page and its JSON report (same run, same findings)."""
    from mtqa.cli.main import main
    import contextlib

    folder = tmp_path_factory.mktemp("sample")
    args = ["check", "--isolated", "--doc", "--hyp", str(SAMPLE_HYP), "--ref", str(SAMPLE_REF), "--fail-on", "never"]
    for fmt in ("html", "json"):
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            assert main([*args, "--format", fmt, "--output", str(folder / f"page.{fmt}")]) == 0
    return folder / "page.html", json.loads((folder / "page.json").read_text(encoding="utf-8"))


def open_page(driver, path: Path, width: int = 1280):
    driver.set_window_size(width, 900)
    driver.get(path.as_uri())
    assert driver.execute_script("return document.documentElement.classList.contains('js')"), "the script ran"


def click(driver, css: str):
    """Click as a reader does: the element in the middle of the screen, not under the toolbar."""
    el = driver.find_element("css selector", css)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", el)
    el.click()
    return el


def visible_items(driver) -> list[str]:
    return driver.execute_script(
        "return [...document.querySelectorAll('li.item')].filter(li => li.offsetParent !== null).map(li => li.id)")


def test_one_highlight_per_finding_links_resolve_nothing_external(driver, sample):
    page, report = sample
    open_page(driver, page)
    ids = driver.execute_script("return [...document.querySelectorAll('.finding')].map(e => e.id)")
    expected = [f"f-{s['index']}-{n}" for s in report["segments"] for n in range(1, len(s["findings"]) + 1)]
    assert sorted(ids) == sorted(expected) and len(ids) == report["summary"]["findings"]
    for fid in ids:
        el = driver.find_element("id", fid)
        assert el.get_attribute("data-rule") and el.get_attribute("data-severity") and el.get_attribute("data-confidence")
    broken = driver.execute_script(
        "return [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))"
        ".filter(h => !h.startsWith('#') || !document.getElementById(h.slice(1)))")
    assert broken == [], "every link is to an element of the page"
    assert driver.execute_script("return performance.getEntriesByType('resource').length") == 0, \
        "the page loads nothing"
    assert driver.execute_script("return [...document.querySelectorAll('[src]')].length") == 0


def test_a_batch_page_has_one_highlight_per_json_finding(driver, tmp_path):
    wires = ROOT / "corpora" / "cases" / "wires.jsonl"
    page = tmp_path / "wires.html"
    _run(["check", "--isolated", str(wires), "--format", "html", "--output", str(page)])
    report = json.loads(_run(["check", "--isolated", str(wires), "--format", "json"]))
    open_page(driver, page)
    ids = driver.execute_script("return [...document.querySelectorAll('.finding')].map(e => e.id)")
    assert sorted(ids) == sorted(f"f-{s['index']}-{n}" for s in report["segments"]
                                 for n in range(1, len(s["findings"]) + 1))
    assert len(ids) == report["summary"]["findings"] > 10


def test_readable_on_a_phone(driver, sample):
    page, _ = sample
    open_page(driver, page, 390)
    wide = driver.execute_script(
        "const w = document.documentElement.clientWidth;"
        "return [document.documentElement.scrollWidth - w, "
        "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1"
        " && e.offsetParent !== null).map(e => e.tagName + '.' + e.className).slice(0, 5)]")
    assert wide[0] <= 0 and wide[1] == [], f"horizontal overflow at 390 px: {wide}"
    size = driver.execute_script("return parseFloat(getComputedStyle(document.querySelector('.row:not(.head) .cell.hyp')).fontSize)")
    assert size >= 14, "text stays readable"


def test_a_severity_filter_hides_the_other_findings(driver, sample):
    page, report = sample
    open_page(driver, page)
    sev = {f"l-{s['index']}-{n}": f["severity"] for s in report["segments"] for n, f in enumerate(s["findings"], 1)}
    assert len(visible_items(driver)) == len(sev)
    driver.find_element("css selector", '#toolbar input[name="severity"][value="minor"]').click()
    shown = visible_items(driver)
    assert shown and all(sev[i] != "minor" for i in shown)
    assert len(shown) == sum(v != "minor" for v in sev.values())
    minor_mark = next(i for i, v in sev.items() if v == "minor").replace("l-", "f-", 1)
    style = driver.execute_script(
        "const s = getComputedStyle(document.getElementById(arguments[0]));"
        "return [s.backgroundColor, s.textDecorationLine]", minor_mark)
    assert style == ["rgba(0, 0, 0, 0)", "none"], "a hidden finding is no longer highlighted"
    # and the keyboard skips it: j goes through the major and critical findings only
    driver.find_element("css selector", "body").send_keys("j")
    current = driver.execute_script("return document.activeElement.id")
    assert current.startswith("f-") and sev[current.replace("f-", "l-", 1)] != "minor"


def test_a_list_number_scrolls_to_its_highlight_and_back(driver, sample):
    page, report = sample
    open_page(driver, page)
    last = f"{report['segments'][0]['index']}-{len(report['segments'][0]['findings'])}"
    driver.execute_script("window.scrollTo(0, document.body.scrollHeight)")
    click(driver, f'a.num[href="#f-{last}"]')
    time.sleep(0.2)
    in_view = driver.execute_script(
        "const r = document.getElementById(arguments[0]).getBoundingClientRect();"
        "return r.top >= 0 && r.bottom <= innerHeight", f"f-{last}")
    assert in_view and driver.execute_script("return location.hash") == f"#f-{last}"
    assert driver.find_element("id", "detail").is_displayed(), "its message shows without hovering"
    click(driver, f'a.fn[href="#l-{last}"]')
    time.sleep(0.2)
    assert driver.execute_script(
        "const r = document.getElementById(arguments[0]).getBoundingClientRect();"
        "return r.top >= 0 && r.top <= innerHeight", f"l-{last}")


def _wait_for(path: Path, timeout=10.0) -> str:
    end = time.time() + timeout
    while time.time() < end:
        if path.exists() and path.stat().st_size:
            return path.read_text(encoding="utf-8")
        time.sleep(0.1)
    raise AssertionError(f"{path.name} was not downloaded")


def test_dismiss_and_download_a_baseline_that_check_accepts(driver, tmp_path, cli):
    article = tmp_path / "wire.en.txt"
    article.write_text("Home News\n\nThe minister said it ended.The talks resume on Monday .\n", encoding="utf-8")
    page = tmp_path / "wire.html"
    first = cli("check", "--isolated", "--doc", "--hyp", article, "--format", "json")
    findings = first.json["segments"][0]["findings"]
    assert findings, "the article has findings to dismiss"
    assert cli("check", "--isolated", "--doc", "--hyp", article, "--format", "html", "--output", page).code in (0, 1)
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    open_page(driver, page)
    browser.allow_downloads(driver, str(downloads))
    click(driver, '#l-0-1 button[data-act="dismiss"]')
    assert "dismissed" in driver.find_element("id", "f-0-1").get_attribute("class")
    driver.find_element("id", "download-baseline").click()
    baseline = downloads / "mtqa-baseline.json"
    data = json.loads(_wait_for(baseline))
    assert data["findings"] == [{"segment": first.json["segments"][0]["id"], "rule": findings[0]["rule"],
                                 "field": findings[0]["field"], "text": findings[0]["text"], "count": 1}]
    again = cli("check", "--isolated", "--doc", "--hyp", article, "--format", "json", "--baseline", baseline)
    assert again.code in (0, 1), again.err
    assert again.json["summary"]["findings"] == len(findings) - 1, "the dismissed finding stays dismissed"
    assert [f["rule"] for f in again.json["segments"][0]["findings"]] == [f["rule"] for f in findings[1:]]


def _finding(rule, text, a, b, fix=None, suggestion=None, sev=Severity.MINOR, conf=Confidence.HIGH):
    return Finding(rule, "name", sev, "fluency/punctuation", "msg", "hyp", a, b, text[a:b], suggestion,
                   conf, (), fix)


def _fixed_text(driver) -> str:
    return driver.execute_script("return document.getElementById('fixed-text').value")


def test_corrected_text_follows_review_decide(driver, tmp_path):
    """The script applies the edits Python decided (mtqa/fix/review.py), as `decide` does."""
    # an emoji before the spans: offsets are code points, which JavaScript must count the same way
    text = "Home News 🚀\n\nIt ended.The talks resume  on Monday .\nBy admin"
    at = text.index
    findings = (
        _finding("BP001", text, 0, at("🚀") + 1, fix=""),
        _finding("SP001", text, at("ended.The"), at("ended.The") + 9, fix="ended. The"),
        _finding("SP004", text, at("  on"), at("  on") + 2, fix=" "),
        _finding("SP002", text, at(" ."), at(" .") + 2, fix="."),
        _finding("CA001", text, at("The talks"), at("The talks") + 3, fix="the"),  # inside SP001: skipped
        _finding("BP002", text, at("By admin"), len(text), suggestion="", sev=Severity.MAJOR),  # no fix
        _finding("SP003", text, at("resume"), at("resume") + 6, fix="resume!", conf=Confidence.MEDIUM),
    )
    seg = Segment("wire", 0, text, is_document=True)
    result = SegmentResult(seg, findings, 0.0, 10)
    # a fix engine that needed two passes: with no decision the page gives its text, not its own
    engine = FixResult("It ended. The talks resume on Monday.\nBy admin!", (), rounds=2)
    out = io.StringIO()
    render(Report(RunInfo("0.0", "document", {"hyp": "wire.txt"}, {}, "major", ()), iter([result])), out,
           fixer=lambda s: engine)
    page = tmp_path / "fixes.html"
    page.write_text(out.getvalue(), encoding="utf-8")
    open_page(driver, page)
    driver.find_element("id", "apply-fixes").click()
    assert driver.find_element("id", "fixed-text").is_displayed()
    px = page_fixes(result, engine)
    assert _fixed_text(driver) == decide(text, px) == engine.text
    assert len(driver.find_elements("css selector", ".item .safe")) == 4, "the medium-confidence fix is not safe"
    click(driver, '#l-0-7 button[data-act="dismiss"]')  # a finding with no edit: nothing changes
    assert _fixed_text(driver) == engine.text
    # accepting the byline's suggestion deletes its line; dismissing a fix leaves its span alone
    click(driver, '#l-0-6 button[data-act="accept"]')
    click(driver, '#l-0-3 button[data-act="dismiss"]')
    assert _fixed_text(driver) == decide(text, px, accepted={5}, dismissed={2, 6}) == \
        "It ended. The talks resume  on Monday."
    assert "run mtqa fix" in driver.find_element("id", "fixed-note").text, "the later passes are owed"
    click(driver, '#l-0-3 button[data-act="dismiss"]')  # undo: a second click
    click(driver, '#l-0-6 button[data-act="accept"]')
    assert _fixed_text(driver) == engine.text


SAMPLE_ARTICLE = ROOT / "mtqa" / "data" / "samples" / "drones-alabuga.en.txt"


def _run(args: list[str]) -> bytes:
    """`mtqa ARGS` in-process: its standard output, as bytes."""
    import contextlib

    from mtqa.cli.main import main

    buf = io.BytesIO()
    out = io.TextIOWrapper(buf, encoding="utf-8", newline="")
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        assert main(args) in (0, 1)
    out.flush()
    return buf.getvalue()


def _apply_and_download(driver, page: Path, downloads: Path, name: str) -> tuple[str, bytes]:
    downloads.mkdir()
    open_page(driver, page)
    browser.allow_downloads(driver, str(downloads))
    click(driver, "#apply-fixes")
    shown = _fixed_text(driver)
    click(driver, "#download-fixed")
    _wait_for(downloads / name)
    return shown, (downloads / name).read_bytes()


def test_apply_safe_fixes_on_the_sample_equals_mtqa_fix(driver, tmp_path):
    """The bundled sample's page (`mtqa check --format html`, no input: the article with its
    reference): "Apply safe fixes" and no other decision gives `mtqa fix`'s output, byte for byte."""
    page = tmp_path / "sample.html"
    _run(["check", "--isolated", "--format", "html", "--output", str(page)])
    expected = _run(["fix", "--isolated", "--doc", str(SAMPLE_ARTICLE)])
    assert expected != SAMPLE_ARTICLE.read_bytes(), "the sample has fixes to apply"
    shown, downloaded = _apply_and_download(driver, page, tmp_path / "downloads", "mtqa-fixed.txt")
    assert downloaded == expected
    assert shown.encode("utf-8") == expected


def test_apply_safe_fixes_on_a_batch_equals_mtqa_fix(driver, tmp_path):
    """corpora/cases/wires.jsonl: each segment's corrected text is the `hyp` `mtqa fix` writes."""
    wires = ROOT / "corpora" / "cases" / "wires.jsonl"
    page = tmp_path / "wires.html"
    _run(["check", "--isolated", str(wires), "--format", "html", "--output", str(page)])
    fixed = {r["id"]: r["hyp"] for r in map(json.loads, _run(["fix", "--isolated", str(wires)]).splitlines())}
    original = {r["id"]: r["hyp"] for r in map(json.loads, wires.read_text(encoding="utf-8").splitlines())}
    shown, downloaded = _apply_and_download(driver, page, tmp_path / "downloads", "mtqa-fixed.jsonl")
    assert shown.encode("utf-8") == downloaded
    lines = [json.loads(line) for line in downloaded.decode("utf-8").splitlines()]
    assert {r["id"]: r["hyp"] for r in lines} == {k: v for k, v in fixed.items() if k in {r["id"] for r in lines}}
    assert sum(fixed[r["id"]] != original[r["id"]] for r in lines) >= 2, "fixes were applied"
    assert all(fixed[k] == original[k] for k in fixed if k not in {r["id"] for r in lines}), \
        "a segment the page leaves out (no finding) is one mtqa fix leaves alone"


def test_scripts_off_the_page_still_reads(driver, sample):
    """No toolbar without the script, but every message, suggestion and link is in the markup."""
    page, report = sample
    html = page.read_text(encoding="utf-8")
    without = page.with_name("noscript.html")
    without.write_text(html.replace("<script>", '<script type="text/plain">'), encoding="utf-8")
    driver.get(without.as_uri())
    assert not driver.find_element("id", "toolbar").is_displayed()
    f = report["segments"][0]["findings"][0]
    item = driver.find_element("id", "l-0-1")
    assert item.is_displayed() and f["message"] in item.text


def test_on_a_phone_the_matched_reference_shows_on_focus(driver, sample):
    page, _ = sample
    open_page(driver, page, 390)
    row_of = "return document.getElementById(arguments[0]).closest('.row').querySelector('.cell.ref')"
    ref = driver.execute_script(row_of, "f-0-6")
    assert not ref.is_displayed(), "one column on a phone: the reference waits for focus"
    driver.find_element("css selector", "body").send_keys("j")  # keyboard: the first finding
    driver.execute_script("document.getElementById('f-0-6').focus()")
    assert ref.is_displayed() and ref.text.strip(), "the focused finding's row shows its reference sentence"
    assert driver.find_element("id", "detail").is_displayed()
