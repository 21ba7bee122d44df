"""The black-box scorer against the embedded server running the same SmolLM2 file."""

from __future__ import annotations

import json

import httpx
import numpy as np
import pytest

from evals.blackbox_agreement import PAIRS as BENCH_PAIRS
from tools.errors import BackendFeatureError, ToolInputError
from tools.models import load_target
from tools.models.blackbox import BlackBoxLM
from tools.registry import get_tool

PAIRS = BENCH_PAIRS[:5]


@pytest.mark.llm
@pytest.mark.model
def test_black_box_scores_agree_with_white_box(embedded_server: str) -> None:
    lm = load_target()
    target = BlackBoxLM(embedded_server)
    white, black = [], []
    for text, answer in PAIRS:
        ids = lm.answer_ids(answer)
        assert target.tokenize(answer) == ids
        white += lm.score([lm.encode(text).ids], ids)[0].tolist()
        black += target.score([text], ids)[0]
    target.close()
    assert np.corrcoef(white, black)[0, 1] >= 0.95
    assert np.mean(np.abs(np.array(white) - np.array(black))) < 0.25


@pytest.mark.llm
def test_black_box_occlusion_through_the_registry(embedded_server: str) -> None:
    result = get_tool("attribute_endpoint")(
        {"text": "Answer yes or no: is fire hot?", "endpoint": embedded_server,
         "answer": "Yes"}
    )  # fmt: skip
    assert [u.text for u in result.units] == ["Answer", "yes", "or", "no", ":", "is", "fire",
                                              "hot", "?"]  # fmt: skip
    assert result.forward_passes == 10 and result.target_logprob < 0


@pytest.mark.llm
def test_llama_cpp_python_is_refused_with_the_reason(llama_cpp_server: str) -> None:
    with pytest.raises(BackendFeatureError, match="shifted by one token"):
        BlackBoxLM(llama_cpp_server)


def test_endpoint_without_logprobs_is_a_clear_error() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/props":
            return httpx.Response(200, json={"chat_template": "x", "model_alias": "m"})
        if request.url.path == "/apply-template":
            return httpx.Response(200, json={"prompt": "P"})
        return httpx.Response(200, json={"choices": [{"text": "ok", "logprobs": None}]})

    with (
        BlackBoxLM("http://fake.invalid/v1", transport=httpx.MockTransport(handler)) as target,
        pytest.raises(BackendFeatureError, match="gives no \\(or too few\\) logprobs"),
    ):
        target.score(["hi"], [1, 2])


@pytest.mark.llm
def test_black_box_explains_the_decision_and_its_contrast(embedded_server: str) -> None:
    """The endpoint's decision is the option its own answer names; the contrast with the
    runner-up option is log p(decision) - log p(foil) after the same answer words."""
    text = "The movie was not good. Was the review positive or negative?"
    tool = get_tool("attribute_endpoint")
    decision = tool({"text": text, "endpoint": embedded_server})
    assert decision.options == ["positive", "negative"]
    said = (decision.generated or "").casefold()
    others = [o for o in decision.options if o != decision.decision]
    if decision.addressed:  # the option its answer names first
        first = min(decision.options, key=lambda o: said.find(o) if o in said else len(said))
        assert decision.decision == first
    else:  # none named: the option it would start with
        assert decision.decision == max(decision.options, key=decision.option_scores.__getitem__)
    assert decision.target == f"the decision {decision.decision!r}"
    contrast = tool({"text": text, "endpoint": embedded_server, "contrast": True})
    assert contrast.foil == others[0]
    assert contrast.target == f"{decision.decision!r} rather than {others[0]!r}"
    assert contrast.forward_passes == 2 * (len(contrast.units) + 1)
    # the contrast's f is the decision's log-prob less the foil's, at the same position
    assert contrast.target_logprob == pytest.approx(
        decision.option_scores[decision.decision] - decision.option_scores[others[0]], abs=0.05
    )
    for unit in contrast.units:  # percentage points of P(decision | decision or foil)
        assert unit.points is not None and (unit.points > 0) == (unit.score > 0)
    assert 0 < contrast.probability < 1
    with pytest.raises(ToolInputError, match="decision is"):
        tool({"text": text, "endpoint": embedded_server, "foil": decision.decision})


@pytest.mark.llm
def test_black_box_without_options_explains_the_first_sentence(embedded_server: str) -> None:
    result = get_tool("attribute_endpoint")(
        {"text": "Tell me about the moon.", "endpoint": embedded_server, "max_new_tokens": 24}
    )
    assert result.target == "the answer's first sentence"
    assert result.decision is not None and result.decision == result.answer
    assert result.answer.strip() and result.answer.strip() in (result.generated or "")
    with pytest.raises(ToolInputError, match="no option to contrast with"):
        get_tool("attribute_endpoint")(
            {"text": "Tell me about the moon.", "endpoint": embedded_server, "contrast": True}
        )


def _fake_vllm(prompt_logprobs: bool = True) -> httpx.MockTransport:
    """vLLM's wire format as its CPU build answered (``make vllm-check``): no /props,
    /version and a model owned by vllm; /tokenize with messages returns the templated
    prompt's ids; completions return ``prompt_logprobs``, one {id: {logprob}} per prompt
    token after the first."""

    def handler(request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path == "/props":
            return httpx.Response(404, json={"detail": "Not Found"})
        if path == "/version":
            return httpx.Response(200, json={"version": "0.32.0"})
        if path == "/v1/models":
            return httpx.Response(200, json={"data": [{"id": "m", "owned_by": "vllm"}]})
        body = json.loads(request.content)
        if path == "/tokenize":
            ids = [1, 2, 3] if "messages" in body else [40 + len(w) for w in body["prompt"].split()]
            return httpx.Response(200, json={"count": len(ids), "tokens": ids})
        assert path == "/v1/completions" and body["prompt_logprobs"] == 0
        rows = [None] + [{str(t): {"logprob": -t / 100, "rank": 1}} for t in body["prompt"][1:]]
        choice = {"text": "x", "prompt_logprobs": rows if prompt_logprobs else None}
        return httpx.Response(200, json={"choices": [choice]})

    return httpx.MockTransport(handler)


def test_vllm_scores_the_answer_tokens_from_prompt_logprobs() -> None:
    with BlackBoxLM("http://fake.invalid/v1", transport=_fake_vllm()) as target:
        assert target.kind == "vllm" and target.name == "m"
        answer = target.tokenize("ab abc")
        assert answer == [42, 43]
        assert target.score(["hi"], answer) == [[-0.42, -0.43]]  # the last two, in order


def test_vllm_without_prompt_logprobs_is_a_clear_error() -> None:
    with (
        BlackBoxLM("http://fake.invalid/v1", transport=_fake_vllm(False)) as target,
        pytest.raises(BackendFeatureError, match="prompt log-probs"),
    ):
        target.score(["hi"], [42])


def test_an_endpoint_that_is_neither_is_refused_with_the_reason() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v1/models":
            return httpx.Response(200, json={"data": [{"id": "gpt", "owned_by": "openai"}]})
        return httpx.Response(404)

    with pytest.raises(BackendFeatureError, match=r"llama.cpp.s server .* or vLLM"):
        BlackBoxLM("http://fake.invalid/v1", transport=httpx.MockTransport(handler))
