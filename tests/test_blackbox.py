"""The black-box scorer against the embedded server running the same SmolLM2 file."""

from __future__ import annotations

import httpx
import numpy as np
import pytest

from evals.blackbox_agreement import PAIRS as BENCH_PAIRS
from tools.errors import BackendFeatureError
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
