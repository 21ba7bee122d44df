"""The browser page in headless Chromium (Debian's `chromium`, installed by `make
setup-dev`), driven by Playwright against a real server on a local port: ask "why?" about
a prompt and see the heatmap and the evidence panel; upload a CSV and an audit file and
see their reports. Screenshots go to ``test-artifacts/`` (or $TEST_ARTIFACTS)."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from agent.chat.agent import Agent
from agent.chat.sessions import SessionStore
from agent.llm.testing import ScriptedLLM
from agent.service import create_app
from tests.live import live_server
from tests.planted import planted_model
from tests.planted_data import write_planted
from tools.models import register_target

TOKEN = "browser-token"
ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS", "test-artifacts"))

#: Prose narration without decomposition: these tests script the narrator's sentences.
PROSE: dict[str, Any] = {"narration": "prose", "decompose": False}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, ScriptedLLM]]:
    register_target("planted", planted_model())
    root = tmp_path_factory.mktemp("browser")
    llm = ScriptedLLM()
    store = SessionStore(root / "sessions.sqlite")
    app = create_app(lambda: Agent(llm.provider(max_retries=0), store, **PROSE),
                     token=TOKEN, data_dir=root / "service", targets=["planted"])  # fmt: skip
    with live_server(app) as url:
        yield url, llm


def _chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    assert path, "Debian's chromium is missing: `make setup-dev` installs it"
    return path


def open_page(p: Any) -> tuple[Any, Any, list[str]]:
    """Headless Chromium from a playwright handle: (browser, page, the page's JS errors)."""
    browser = p.chromium.launch(executable_path=_chromium(), headless=True, args=["--no-sandbox"])
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    return browser, page, errors


def run_job(page: Any, tab: str, prefix: str, file: Path, field: str, value: str,
            expected: str) -> None:  # fmt: skip
    """Upload ``file`` on the tab, run its job, and find ``expected`` in the report."""
    from playwright.sync_api import expect

    page.click(f"nav button[data-tab={tab}]")
    page.set_input_files(f"#{prefix}-file", str(file))
    page.fill(field, value)
    page.click(f"#{prefix}-run")
    report = page.frame_locator(f"#{prefix}-report")
    expect(report.locator("h1")).to_contain_text(file.name, timeout=120_000)
    expect(report.locator("body")).to_contain_text(expected)
    expect(page.locator(f"#{prefix}-stage")).to_have_text("done")
    page.screenshot(path=str(ARTIFACTS / f"{tab}.png"), full_page=True)


def test_page_explains_and_shows_reports(server: tuple[str, ScriptedLLM], tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    url, llm = server
    # This server serves only the planted target; the page takes the model from its URL.
    llm.reply("The word 'zebra' pushed the model towards its answer most [E1].")
    llm.reply("Here is where the answer is computed [E2].")  # the trace turn
    llm.reply("The file holds 2150 rows.")  # the dataset job's LLM summary
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    csv = write_planted(tmp_path / "planted.csv", n=2000)
    outputs = tmp_path / "outputs.jsonl"
    outputs.write_text("".join(
        json.dumps({"prompt": f"q{i}", "output": "I'm sorry, but I can't help with that."
                    if i % 3 == 0 and i % 2 == 0 else f"Sure: {i}.", "group": "AB"[i % 2]}) + "\n"
        for i in range(300)))  # fmt: skip

    with sync_playwright() as p:
        browser, page, errors = open_page(p)
        page.goto(f"{url}/?model=planted")
        page.fill("#token", TOKEN)
        page.dispatch_event("#token", "change")
        page.fill("#input-text", "the zebra was not at home")
        page.fill("#question", "why?")
        page.click("#ask")

        expect(page.locator("#evidence .ev")).to_have_count(1, timeout=60_000)
        expect(page.locator("#grounding")).to_have_text("100%")
        expect(page.locator("#conversation .assistant").first).to_contain_text(
            "The word 'zebra' pushed the model towards its answer most [E1].")  # fmt: skip
        spans = page.locator("#heatmap span")
        words = spans.all_text_contents()
        scores = [float(s) for s in spans.evaluate_all("els => els.map(e => e.dataset.score)")]
        assert "".join(page.locator("#heatmap").inner_text().split("\n")[:1]).startswith(
            "the zebra was not at home")  # fmt: skip
        assert words[scores.index(max(scores))].strip() == "zebra"
        expect(page.locator("#evidence .ev h3")).to_have_text("E1 · attribute")
        page.screenshot(path=str(ARTIFACTS / "chat.png"), full_page=True)

        # Causal tracing's layer x token map, drawn from the record's data.
        page.fill("#question", "where does the model work out the answer from 'zebra'?")
        page.click("#ask")
        expect(page.locator("#evidence .ev")).to_have_count(2, timeout=60_000)
        expect(page.locator("#evidence .ev h3").nth(1)).to_have_text("E2 · trace")
        grid = page.locator("#evidence .ev table.map")
        expect(grid).to_have_count(1)
        layers = int(grid.get_attribute("data-layers") or 0)
        assert layers == 2  # the planted model's 2 blocks
        header = grid.locator("tr").first.locator("th").all_text_contents()
        assert '" zebra"' in header or '"zebra"' in header
        effects = [float(x) for x in grid.locator("td").evaluate_all(
            "els => els.map(e => e.dataset.effect)")]  # fmt: skip
        assert len(effects) == layers * (len(header) - 1) and max(effects) > 0
        page.screenshot(path=str(ARTIFACTS / "trace.png"), full_page=True)

        run_job(page, "dataset", "csv", csv, "#csv-target", "y",
                "The 'y' = '1' rate by 'lin'")  # fmt: skip
        page.fill("#csv-question", "y rate by region?")
        page.click("#csv-ask")
        expect(page.locator("#csv-answer")).to_contain_text("'region = east' has rate y")
        page.screenshot(path=str(ARTIFACTS / "dataset-ask.png"), full_page=True)
        run_job(page, "audit", "audit", outputs, "#audit-groups", "group",
                "'group' = 'A' is refused at")  # fmt: skip

        page.reload()  # the session list brings the conversation back
        page.click("nav button[data-tab=chat]")
        expect(page.locator("#session-list option")).to_have_count(2)
        page.select_option("#session-list", index=1)
        expect(page.locator("#conversation .assistant").first).to_contain_text(
            "The word 'zebra' pushed the model towards its answer most [E1].")  # fmt: skip
        expect(page.locator("#input-text")).to_have_value("the zebra was not at home")
        expect(page.locator("#heatmap span")).to_have_count(len(words))
        expect(page.locator("#evidence .ev table.map")).to_have_count(1)  # the trace map too
        page.screenshot(path=str(ARTIFACTS / "resumed.png"), full_page=True)
        browser.close()
    assert errors == []
