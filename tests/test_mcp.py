"""``explainer mcp``: an MCP client (the official SDK's) lists the tools, calls
``attribute`` and ``verify`` and gets typed results, in process, over stdio and over
streamable HTTP under the service's access rules."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from typing import Any

import anyio
import httpx
import pytest
from mcp import Client
from mcp.client.stdio import StdioServerParameters
from mcp.shared.exceptions import MCPError

from agent.mcp import ToolServer, http_app
from tests.live import live_server
from tests.planted import TRIGGER, planted_model
from tools.models import register_target
from tools.registry import get_tool

TEXT = "the zebra was not at home"
TOKEN = "mcp-s3cret"


@pytest.fixture(scope="module", autouse=True)
def _planted() -> None:
    register_target("planted", planted_model())


def _run(fn: Any) -> Any:
    return anyio.run(fn)


def test_a_client_lists_the_tools_with_their_own_schemas() -> None:
    async def go() -> Any:
        async with Client(ToolServer(["planted"], local=False).server) as client:
            return (await client.list_tools()).tools

    tools = {t.name: t for t in _run(go)}
    assert {"attribute", "confidence", "what_if", "logit_lens", "probe", "verify"} <= set(tools)
    assert "attribute_endpoint" not in tools  # calls a client-named URL: stdio only
    assert tools["attribute"].input_schema == get_tool("attribute").input_model.model_json_schema()
    data = tools["attribute"].output_schema["properties"]["data"]
    assert "units" in json.dumps(tools["attribute"].output_schema["$defs"]), data


def test_attribute_then_verify_give_typed_results() -> None:
    async def go() -> tuple[Any, Any, Any]:
        async with Client(ToolServer(["planted"], local=False).server) as client:
            found = await client.call_tool(
                "attribute", {"text": TEXT, "method": "occlusion", "model": "planted"}
            )
            record = found.structured_content
            text = (
                f"'{TRIGGER}' mattered most [{record['id']}]. "
                f"'{TRIGGER}' did not change the answer [{record['id']}]."
            )
            checked = await client.call_tool("verify", {"text": text, "evidence": [record]})
            again = await client.call_tool(
                "attribute", {"text": TEXT, "method": "occlusion", "model": "planted"}
            )
            return found, checked, again

    found, checked, again = _run(go)
    assert not found.is_error
    record = found.structured_content
    assert record["tool"] == "attribute" and record["id"].startswith("E")
    assert again.structured_content["id"] != record["id"]  # ids never repeat
    units = sorted(record["data"]["units"], key=lambda u: -abs(u["score"]))
    assert units[0]["text"].strip() == TRIGGER
    assert any(f["subject"] == TRIGGER for f in record["facts"])
    assert found.content[0].text == record["summary"]
    report = checked.structured_content
    verdicts = [s["verdict"] for s in report["sentences"]]
    assert verdicts == ["supported", "unsupported"], report
    assert report["all_supported"] is False and report["unsupported"] == 1


@pytest.mark.parametrize(
    ("name", "arguments", "says"),
    [
        ("attribute", {"text": TEXT, "model": "planted", "bogus": 1}, "bogus"),
        ("attribute", {"text": TEXT, "model": "/etc/passwd"}, "unknown model"),
        ("attribute", {"text": "", "model": "planted"}, "text"),
        ("verify", {"text": "x is 3.", "evidence": []}, "evidence"),
        ("verify", {"text": "x is 3.", "evidence": [{"id": "E1"}]}, "facts"),
    ],
)
def test_bad_arguments_are_error_results_with_the_reason(
    name: str, arguments: dict[str, Any], says: str
) -> None:
    async def go() -> Any:
        async with Client(ToolServer(["planted"], local=False).server) as client:
            return await client.call_tool(name, arguments)

    result = _run(go)
    assert result.is_error
    assert says in result.content[0].text


def test_an_unknown_tool_is_a_protocol_error() -> None:
    async def go() -> str:
        async with Client(ToolServer(["planted"]).server) as client:
            try:
                await client.call_tool("rm_rf", {})
            except MCPError as exc:
                return exc.message
        return "no error"

    assert _run(go).startswith("no tool 'rm_rf'; available: attribute")


def test_stdio_server_answers_verify() -> None:
    evidence = [{"id": "E1", "tool": "attribute", "summary": "s",
                 "facts": [{"subject": "not", "quantity": "attribution", "value": 1.5,
                            "unit": "nats"}]}]  # fmt: skip
    params = StdioServerParameters(
        command=sys.executable,
        args=["-m", "agent.cli", "mcp", "--transport", "stdio"],
        env={**os.environ, "HF_HUB_OFFLINE": "1"},
    )

    async def go() -> tuple[set[str], Any]:
        async with Client(params) as client:
            names = {t.name for t in (await client.list_tools()).tools}
            text = "'not' has attribution 1.5 nats [E1]. 'not' has attribution 4 nats [E1]."
            return names, await client.call_tool("verify", {"text": text, "evidence": evidence})

    names, result = _run(go)
    assert "attribute_endpoint" in names  # local use: every tool
    assert [s["verdict"] for s in result.structured_content["sentences"]] == [
        "supported",
        "unsupported",
    ]


@pytest.fixture
def http_server(request: Any) -> Iterator[str]:
    app = http_app(ToolServer(["planted"], local=False), token=request.param)
    with live_server(app) as url:
        yield f"{url}/mcp"


@pytest.mark.parametrize("http_server", [TOKEN], indirect=True)
def test_http_with_a_token_needs_it(http_server: str) -> None:
    import httpx2

    ping = {"jsonrpc": "2.0", "id": 1, "method": "tools/list", "params": {}}
    refused = httpx.post(http_server, json=ping)
    assert refused.status_code == 401 and refused.headers["www-authenticate"] == "Bearer"

    async def go() -> Any:
        headers = {"Authorization": f"Bearer {TOKEN}"}
        async with httpx2.AsyncClient(headers=headers) as http:
            from mcp.client.streamable_http import streamable_http_client

            async with Client(streamable_http_client(http_server, http_client=http)) as client:
                return await client.call_tool(
                    "attribute", {"text": TEXT, "method": "occlusion", "model": "planted"}
                )

    result = _run(go)
    assert not result.is_error and result.structured_content["tool"] == "attribute"


@pytest.mark.parametrize("http_server", [None], indirect=True)
def test_http_without_a_token_answers_loopback_hosts_only(http_server: str) -> None:
    ping = {"jsonrpc": "2.0", "id": 1, "method": "tools/list", "params": {}}
    foreign = httpx.post(http_server, json=ping, headers={"Host": "evil.example.com"})
    assert foreign.status_code == 403 and "evil.example.com" in foreign.json()["detail"]
    cross_site = httpx.post(http_server, json=ping, headers={"Origin": "https://evil.example"})
    assert cross_site.status_code == 403

    async def go() -> set[str]:
        async with Client(http_server) as client:
            return {t.name for t in (await client.list_tools()).tools}

    assert "verify" in _run(go)
