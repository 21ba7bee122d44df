"""A black-box target: an OpenAI-compatible endpoint, explained by perturbation.

It scores ``log p(answer | prompt)`` per answer token through the endpoint's log-probs.
Which servers can do that correctly (see README, "Black-box scoring"):

* **llama.cpp's server** (our embedded xllamacpp engine, or ``llama-server``): correct. The
  answer's token ids are forced with a token-level grammar (``root ::= <[id]> <[id]> ...``)
  and the returned log-probs are the model's own, unconstrained ones. Forcing the *text*
  instead is wrong: the sampler may spell it with other tokens (" big" as " ", "b", "ig").
* **llama-cpp-python**: refused. Its ``echo`` prompt log-probs are shifted by one position
  for models without a BOS token (its issue #1983), SmolLM2 among them.
* **vLLM**: correct. The prompt is tokenized by the server with its chat template
  (``/tokenize`` with messages), the answer's token ids are appended, and one completion
  request with ``prompt_logprobs`` returns every prompt token's log-prob: the answer's are
  the last ones. Checked against the white-box model on vLLM's CPU build (README).
* **Others** (OpenAI, llama-cpp-python): refused, with a message naming the missing
  feature.
"""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx

from tools.errors import BackendFeatureError, ToolInputError

log = logging.getLogger(__name__)


class BlackBoxLM:
    """Score answers through a llama.cpp-compatible HTTP endpoint.

    Args:
        base_url: The endpoint, with or without the trailing ``/v1``.
        api_key: Bearer key, if the server wants one.
        timeout: Seconds per request.
        concurrency: Requests in flight at once (llama.cpp serves parallel slots).
        transport: An httpx transport (tests).
    """

    def __init__(
        self,
        base_url: str,
        *,
        api_key: str | None = None,
        timeout: float = 120.0,
        concurrency: int = 4,
        transport: httpx.BaseTransport | None = None,
    ):
        self.root = base_url.rstrip("/").removesuffix("/v1")
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self.client = httpx.Client(
            base_url=self.root, timeout=timeout, headers=headers, transport=transport
        )
        self.concurrency = concurrency
        self.kind = "llama.cpp"
        try:
            self.name = self._detect()
        except BaseException:
            self.client.close()
            raise

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> BlackBoxLM:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        try:
            response = self.client.post(path, json=body)
        except httpx.HTTPError as exc:
            raise BackendFeatureError(f"the endpoint at {self.root} did not answer: {exc}") from exc
        if response.status_code != 200:
            raise BackendFeatureError(
                f"the endpoint at {self.root} answered {path} with HTTP "
                f"{response.status_code}: {response.text[:200]}"
            )
        data: dict[str, Any] = response.json()
        return data

    def _detect(self) -> str:
        """The served model's name, once we know the server can score answers: llama.cpp's
        server (``/props`` with a chat template) or vLLM (``/version`` and a model owned by
        vllm)."""
        try:
            props = self.client.get("/props")
        except httpx.HTTPError as exc:
            raise BackendFeatureError(f"no endpoint answers at {self.root}: {exc}") from exc
        info = props.json() if props.status_code == 200 else {}
        if isinstance(info, dict) and "chat_template" in info:
            self.kind = "llama.cpp"
            return str(info.get("model_alias") or info.get("model_path") or "llama.cpp")
        served = self._vllm_model()
        if served is None:
            raise BackendFeatureError(
                f"the endpoint at {self.root} cannot score a given answer: that needs "
                "llama.cpp's server (/props, /tokenize, token grammars) or vLLM "
                "(/tokenize, prompt_logprobs). llama-cpp-python is refused (its echo "
                "log-probs are shifted by one token for models without BOS, issue #1983)"
            )
        self.kind = "vllm"
        return served

    def _vllm_model(self) -> str | None:
        try:
            version = self.client.get("/version")
            models = self.client.get("/v1/models")
        except httpx.HTTPError:
            return None
        if version.status_code != 200 or models.status_code != 200:
            return None
        listed = models.json().get("data") or []
        owned = [m for m in listed if isinstance(m, dict) and m.get("owned_by") == "vllm"]
        return str(owned[0]["id"]) if owned else None

    # ----------------------------------------------------------------- text

    def render(self, text: str) -> str | list[int]:
        """The full prompt for ``text`` as the user's message, in the server's template:
        text (llama.cpp) or token ids (vLLM)."""
        if not text.strip():
            raise ToolInputError("the text to explain is empty")
        messages = [{"role": "user", "content": text}]
        if self.kind == "vllm":
            body = {"model": self.name, "messages": messages, "add_generation_prompt": True,
                    "add_special_tokens": False}  # fmt: skip
            return [int(t) for t in self._post("/tokenize", body)["tokens"]]
        data = self._post("/apply-template", {"messages": messages})
        return str(data["prompt"])

    def tokenize(self, text: str) -> list[int]:
        if self.kind == "vllm":
            body = {"model": self.name, "prompt": text, "add_special_tokens": False}
            return [int(t) for t in self._post("/tokenize", body)["tokens"]]
        data = self._post("/tokenize", {"content": text, "add_special": False})
        return [int(t) for t in data["tokens"]]

    def generate(self, text: str, max_new_tokens: int = 16) -> str:
        """The endpoint's own greedy answer to ``text``."""
        data = self._post(
            "/v1/chat/completions",
            {
                "model": self.name,
                "messages": [{"role": "user", "content": text}],
                "max_tokens": max_new_tokens,
                "temperature": 0,
            },
        )
        return str(data["choices"][0]["message"]["content"] or "")

    # ----------------------------------------------------------------- scoring

    def score_prompt(self, prompt: str | list[int], answer: list[int]) -> list[float]:
        """``log p(answer_t | prompt, answer_<t)`` for each answer token id."""
        if not answer:
            raise ToolInputError("the answer to score is empty")
        if isinstance(prompt, list):
            return self._score_vllm(prompt, answer)
        data = self._post(
            "/v1/completions",
            {
                "prompt": prompt,
                "max_tokens": len(answer),
                "temperature": 0,
                "logprobs": 1,
                "grammar": "root ::= " + " ".join(f"<[{t}]>" for t in answer),
                "cache_prompt": True,
            },
        )
        logprobs = (data.get("choices") or [{}])[0].get("logprobs") or {}
        content = logprobs.get("content") or []
        if len(content) < len(answer):
            raise BackendFeatureError(
                f"the endpoint at {self.root} returned {len(content)} token log-probs for "
                f"{len(answer)} answer tokens: it gives no (or too few) logprobs"
            )
        got = [int(t["id"]) for t in content[: len(answer)]]
        if got != answer:
            raise BackendFeatureError(
                f"the endpoint at {self.root} did not honour the token grammar "
                f"(forced {answer[:8]}, got {got[:8]})"
            )
        return [float(t["logprob"]) for t in content[: len(answer)]]

    def _score_vllm(self, prompt: list[int], answer: list[int]) -> list[float]:
        """vLLM: the answer appended to the prompt's ids; its tokens' prompt log-probs."""
        data = self._post(
            "/v1/completions",
            {"model": self.name, "prompt": prompt + answer, "max_tokens": 1,
             "temperature": 0, "prompt_logprobs": 0},
        )  # fmt: skip
        rows = (data.get("choices") or [{}])[0].get("prompt_logprobs") or []
        if len(rows) != len(prompt) + len(answer):
            raise BackendFeatureError(
                f"the endpoint at {self.root} returned {len(rows)} prompt log-probs for a "
                f"prompt of {len(prompt) + len(answer)} tokens: it gives no (or too few) "
                "prompt_logprobs"
            )
        out = []
        for token, row in zip(answer, rows[-len(answer) :], strict=True):
            entry = (row or {}).get(str(token))
            if entry is None:
                raise BackendFeatureError(
                    f"the endpoint at {self.root} returned no prompt log-prob for answer "
                    f"token {token}: it gives no (or too few) prompt_logprobs"
                )
            out.append(float(entry["logprob"]))
        return out

    def score(self, texts: list[str], answer: list[int]) -> list[list[float]]:
        """Per-token answer log-probs for each user text, requests in parallel."""
        prompts = [self.render(t) for t in texts]
        with ThreadPoolExecutor(self.concurrency) as pool:
            return list(pool.map(lambda p: self.score_prompt(p, answer), prompts))
