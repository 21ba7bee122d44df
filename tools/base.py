"""The tool contract: typed input and output models, atomic facts, and the registry.

A tool is a plain function ``fn(args: InputModel) -> OutputModel``. Its input model forbids
extra fields and describes every field; its output model says in one line what it found
(:meth:`ToolOutput.summary`) and lists atomic :class:`Fact` records that a verifier can
check sentences against. The registry validates arguments, so a caller (the agent, a
LangChain agent, a test) can never run a tool with arguments its schema does not allow.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from tools.errors import ToolInputError


class Fact(BaseModel):
    """One atomic, checkable claim: ``subject`` has ``quantity`` equal to ``value``."""

    model_config = ConfigDict(frozen=True)

    subject: str = Field(description="What the number is about: a word, layer, column, ...")
    quantity: str = Field(description="What was measured, e.g. 'attribution', 'accuracy'.")
    value: float = Field(description="The measured value.")
    unit: str | None = Field(default=None, description="Unit, e.g. 'nats', '%', 's'.")


class ToolInput(BaseModel):
    """Base of every tool's arguments: unknown fields are an error."""

    model_config = ConfigDict(extra="forbid")


class ToolOutput(BaseModel):
    """Base of every tool's result."""

    def summary(self) -> str:
        """One line, made by code, saying what the result shows."""
        raise NotImplementedError

    def facts(self) -> list[Fact]:
        """The atomic facts a sentence about this result may cite."""
        raise NotImplementedError


In = TypeVar("In", bound=ToolInput)
Out = TypeVar("Out", bound=ToolOutput)


@dataclass(frozen=True)
class Tool(Generic[In, Out]):
    """A registered tool: its name, description, models and function."""

    name: str
    description: str
    input_model: type[In]
    output_model: type[Out]
    fn: Callable[[In], Out]

    def validate(self, arguments: dict[str, Any] | In) -> In:
        if isinstance(arguments, self.input_model):
            return arguments
        try:
            return self.input_model.model_validate(arguments)
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(str(p) for p in e['loc']) or '(root)'}: {e['msg']}"
                for e in exc.errors(include_url=False)
            )
            raise ToolInputError(f"invalid arguments for tool {self.name!r}: {problems}") from exc

    def __call__(self, arguments: dict[str, Any] | In) -> Out:
        return self.fn(self.validate(arguments))

    def openai_schema(self) -> dict[str, Any]:
        """The tool as an OpenAI function-calling tool definition."""
        return {
            "type": "function",
            "function": {
                "name": self.name,
                "description": self.description,
                "parameters": self.input_model.model_json_schema(),
            },
        }


_REGISTRY: dict[str, Tool[Any, Any]] = {}


def register(name: str, description: str) -> Callable[[Callable[[In], Out]], Callable[[In], Out]]:
    """Register ``fn`` as tool ``name``; its models come from its type annotations."""

    def decorate(fn: Callable[[In], Out]) -> Callable[[In], Out]:
        hints = fn.__annotations__
        input_model = _resolve(fn, hints["args"])
        output_model = _resolve(fn, hints["return"])
        if name in _REGISTRY:
            raise ValueError(f"tool {name!r} is registered twice")
        _REGISTRY[name] = Tool(name, description, input_model, output_model, fn)
        return fn

    return decorate


def target_tool(
    name: str, description: str
) -> Callable[[Callable[[Any, In], Out]], Callable[[Any, In], Out]]:
    """Register ``fn(target, args)`` as tool ``name``; the tool first loads the target
    model that ``args.model`` names (see :func:`tools.models.load_target`)."""

    def decorate(fn: Callable[[Any, In], Out]) -> Callable[[Any, In], Out]:
        from tools.models import load_target, owner

        hints = fn.__annotations__
        input_model = _resolve(fn, hints["args"])
        if name in _REGISTRY:
            raise ValueError(f"tool {name!r} is registered twice")

        def run(args: In) -> Out:
            target = load_target(args.model)  # type: ignore[attr-defined]
            with owner(target):  # one computation at a time on one loaded model
                return fn(target, args)

        _REGISTRY[name] = Tool(name, description, input_model, _resolve(fn, hints["return"]), run)
        return fn

    return decorate


def _resolve(fn: Callable[..., Any], hint: Any) -> type[Any]:
    if isinstance(hint, str):
        hint = inspect.unwrap(fn).__globals__[hint]  # past decorators such as no_grad
    return hint  # type: ignore[no-any-return]


def registered(name: str) -> Tool[Any, Any] | None:
    """The tool registered as ``name`` so far (see :mod:`tools.registry`), or None."""
    return _REGISTRY.get(name)


def registered_names() -> list[str]:
    return sorted(_REGISTRY)
