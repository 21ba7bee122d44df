"""The demo prompt on the real stack, in the browser: the page (headless Chromium) asks
"why did it say negative?" with the embedded SmolLM2 narrator and the SmolLM2 target, and
shows an answer whose first line names 'not' or 'good' (the code-written lead, a verified
claim), the heatmap's hottest word among them, and the decision explained."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from agent.chat.agent import Agent
from agent.chat.sessions import SessionStore
from agent.llm import LLMProvider
from agent.service import create_app
from tests.live import live_server
from tests.test_browser import ARTIFACTS, open_page
from tests.test_decision import DEMO

pytestmark = pytest.mark.llm
TOKEN = "demo-token"


@pytest.fixture(scope="module")
def server(embedded_server: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root: Path = tmp_path_factory.mktemp("browser-demo")
    store = SessionStore(root / "sessions.sqlite")
    app = create_app(lambda: Agent(LLMProvider(embedded_server), store),
                     token=TOKEN, data_dir=root / "service")  # fmt: skip
    with live_server(app) as url:
        yield url


def test_the_page_answers_why_negative_with_the_deciding_word(server: str) -> None:
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser, page, errors = open_page(p)
        page.goto(server)
        page.fill("#token", TOKEN)
        page.dispatch_event("#token", "change")
        page.fill("#input-text", DEMO)
        page.fill("#question", "why did it say negative?")
        page.click("#ask")
        # the lead streams first; the evidence panel fills when the turn is done
        expect(page.locator("#evidence .ev")).to_have_count(1, timeout=180_000)
        answer = page.locator("#conversation .assistant").first
        expect(answer).to_contain_text("[E1]")
        first = answer.inner_text().strip().split("\n")[0]
        assert "'not'" in first or "'good'" in first, answer.inner_text()
        spans = page.locator("#heatmap span")
        words = spans.all_text_contents()
        points = [float(s) for s in spans.evaluate_all("els => els.map(e => e.dataset.points)")]
        assert words[points.index(max(points))].strip() in {"not", "good"}
        expect(page.locator("#heatmap")).to_contain_text("explained: the decision 'negative'")
        page.screenshot(path=str(ARTIFACTS / "demo-why-negative.png"), full_page=True)
        browser.close()
    assert errors == []
