"""The evidence tools and the claim checker as an MCP server, on the official SDK's
low-level :class:`mcp.server.Server` (we hand it our own JSON schemas: each tool's input
model, and an evidence record whose ``data`` is the tool's output model).

What a client gets:

- one MCP tool per registered evidence tool (``attribute``, ``confidence``, ``what_if``,
  ``logit_lens``, ``probe``, ``faithfulness``, ``trace``, ``steer``, ``cot_faithfulness``,
  ``neuron``, …; ``attribute_endpoint`` over stdio only, as it makes the server call a
  URL the client names). Arguments are validated by the tool's
  own model (unknown fields are an error); the result is an **evidence record**: ``id``
  (``E1``, ``E2``, … per server process), ``tool``, ``arguments``, ``summary`` (one line
  made by code), ``data`` (the whole result) and ``facts`` (the atomic numbers a sentence
  may cite);
- ``verify``: a text and evidence records (those returned above, or ``explain --json``
  output) → the same report as ``explainer verify``: every sentence read into typed
  claims, every claim checked by code.

Models are named, never given as paths: ``smollm2`` (the default) or a ``--target NAME``
of ``explainer mcp``. Each computation runs in a worker thread, one at a time per loaded
model (the tools' own lock), so the server keeps answering while a tool runs.

Failures are results with ``is_error`` set and a reason (bad arguments, an unknown model,
a backend that failed); an unexpected error is logged with an incident id and only the id
is sent. An unknown tool name is a protocol error.
"""

from __future__ import annotations

import itertools
import logging
import threading
import uuid
from typing import Any

import anyio
import mcp_types as types
from mcp.server import Server
from mcp.shared.exceptions import MCPError
from pydantic import BaseModel, Field, create_model

from agent.errors import ExplainerError
from agent.grounding.evidence import Evidence
from agent.usecases.verify import VerifyReport, load_evidence, verify_text
from tools.base import Tool
from tools.errors import ToolError
from tools.models import DEFAULT_TARGET, registered_targets
from tools.registry import all_tools

log = logging.getLogger(__name__)

#: Tools that make the server call an address the client names: local (stdio) use only.
LOCAL_ONLY = frozenset({"attribute_endpoint"})

VERIFY_DESCRIPTION = (
    "Check a text against evidence records: each sentence is read into typed claims "
    "(values, signs, ranks, comparisons, changes, thresholds, significance, counts) and "
    "code checks every claim against the records' facts. Give the records other tools of "
    "this server returned, or the 'evidence' list of `explainer explain --json`."
)


class VerifyArguments(BaseModel):
    """``verify``'s arguments."""

    model_config = {"extra": "forbid"}

    text: str = Field(description="The text to check, sentence by sentence.")
    evidence: list[dict[str, Any]] = Field(
        min_length=1,
        description="Evidence records (id, tool, summary, facts; data and arguments optional).",
    )


class ToolServer:
    """The MCP server's state: which tools and models it offers, and the next record id.

    Args:
        targets: Model names clients may pass as ``model`` (default: ``smollm2`` and every
            target registered or aliased in this process).
        local: Offer the tools that reach out to client-named addresses (stdio only).
    """

    def __init__(self, targets: list[str] | None = None, *, local: bool = True):
        self.targets = targets
        self.tools: dict[str, Tool[Any, Any]] = {
            t.name: t for t in all_tools() if local or t.name not in LOCAL_ONLY
        }
        self._ids = itertools.count(1)
        self._ids_lock = threading.Lock()
        self.server: Server[Any] = Server(
            "explainer",
            version="0.1.0",
            instructions=(
                "Evidence tools over a white-box target model, and a checker for claims "
                "about their results. Every tool returns an evidence record; pass records "
                "to `verify` to check a text against them."
            ),
            on_list_tools=self._list_tools,
            on_call_tool=self._call_tool,
        )

    # ----------------------------------------------------------------- listing

    def served(self) -> list[str]:
        return self.targets if self.targets is not None else [DEFAULT_TARGET, *registered_targets()]

    def descriptors(self) -> list[types.Tool]:
        """The MCP tool list: our schemas, as they are."""
        out = [
            types.Tool(
                name=tool.name,
                description=tool.description,
                input_schema=tool.input_model.model_json_schema(),
                output_schema=record_model(tool).model_json_schema(),
            )
            for tool in self.tools.values()
        ]
        out.append(
            types.Tool(
                name="verify",
                description=VERIFY_DESCRIPTION,
                input_schema=VerifyArguments.model_json_schema(),
                output_schema=VerifyReport.model_json_schema(),
            )
        )
        return out

    async def _list_tools(self, ctx: Any, params: Any) -> types.ListToolsResult:
        return types.ListToolsResult(tools=self.descriptors())

    # ----------------------------------------------------------------- calling

    async def _call_tool(
        self, ctx: Any, params: types.CallToolRequestParams
    ) -> types.CallToolResult:
        name, arguments = params.name, dict(params.arguments or {})
        if name != "verify" and name not in self.tools:
            known = ", ".join([*self.tools, "verify"])
            raise MCPError(types.INVALID_PARAMS, f"no tool {name!r}; available: {known}")
        try:
            if name == "verify":
                result: BaseModel = await anyio.to_thread.run_sync(self.verify, arguments)
            else:
                result = await anyio.to_thread.run_sync(self.run_tool, name, arguments)
        except (ToolError, ExplainerError) as exc:
            return _failure(str(exc))
        except Exception as exc:  # a bug: the client gets an id, the log the details
            incident = uuid.uuid4().hex[:12]
            log.error("incident %s in MCP tool %s", incident, name, exc_info=exc)
            return _failure(f"internal error (incident {incident}); the server log has details")
        content = result.model_dump(mode="json")
        summary = content.get("summary") if name != "verify" else _verify_line(content)
        return types.CallToolResult(
            content=[types.TextContent(type="text", text=str(summary))],
            structured_content=content,
        )

    def run_tool(self, name: str, arguments: dict[str, Any]) -> Evidence:
        """Validate, run (in this worker thread) and record one tool call."""
        tool = self.tools[name]
        args = tool.validate(arguments)
        model = getattr(args, "model", None)
        if model is not None and model not in self.served():
            raise ToolError(
                f"unknown model {model!r}; available: {', '.join(sorted(set(self.served())))} "
                "(models are named, not given as paths: see `explainer mcp --target`)"
            )
        output = tool.fn(args)
        with self._ids_lock:
            number = next(self._ids)
        return Evidence(
            id=f"E{number}",
            tool=name,
            arguments=args.model_dump(mode="json"),
            summary=output.summary(),
            data=output.model_dump(mode="json"),
            facts=output.facts(),
        )

    def verify(self, arguments: dict[str, Any]) -> VerifyReport:
        try:
            args = VerifyArguments.model_validate(arguments)
        except ValueError as exc:
            raise ToolError(f"invalid arguments for tool 'verify': {exc}") from None
        return verify_text(args.text, load_evidence(args.evidence))


def record_model(tool: Tool[Any, Any]) -> type[BaseModel]:
    """The evidence record of ``tool``: :class:`Evidence` with ``data`` typed as the
    tool's output model (so the output schema says what ``data`` holds)."""
    fields: Any = {"data": (tool.output_model, Field(description="The tool's whole result."))}
    name = "".join(p.title() for p in tool.name.split("_")) + "Evidence"
    return create_model(name, __base__=Evidence, **fields)


def _failure(reason: str) -> types.CallToolResult:
    text = types.TextContent(type="text", text=reason)
    return types.CallToolResult(content=[text], is_error=True)


def _verify_line(report: dict[str, Any]) -> str:
    return (
        f"{report['supported']} sentence(s) supported, {report['unsupported']} unsupported, "
        f"{report['no_claim']} without a checkable claim"
    )
