"""Load and render the prompt templates that live in ``prompts/``.

Templates are Jinja2 files rendered in a sandboxed environment with ``StrictUndefined``.
A template's variables are the ones it uses; rendering with a missing or an unexpected
variable is an error, so a typo can never silently drop text from a prompt.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from jinja2 import StrictUndefined, meta
from jinja2.sandbox import SandboxedEnvironment

_ENV = SandboxedEnvironment(
    undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False
)


class PromptError(KeyError):
    """A prompt is missing, or was rendered with the wrong variables (a programming error)."""


@cache
def _source(name: str) -> str:
    path = resources.files("prompts").joinpath(f"{name}.jinja")
    if not path.is_file():
        available = sorted(
            p.name.removesuffix(".jinja")
            for p in resources.files("prompts").iterdir()
            if p.name.endswith(".jinja")
        )
        raise PromptError(f"no prompt {name!r}; available: {', '.join(available)}")
    return path.read_text(encoding="utf-8")


def variables(name: str) -> frozenset[str]:
    """The variables the prompt ``name`` declares (uses)."""
    return frozenset(meta.find_undeclared_variables(_ENV.parse(_source(name))))


def render(name: str, **values: Any) -> str:
    """Render ``prompts/<name>.jinja`` with exactly its declared variables."""
    declared = variables(name)
    missing = declared - values.keys()
    extra = values.keys() - declared
    if missing or extra:
        raise PromptError(
            f"prompt {name!r} takes {sorted(declared)}; missing {sorted(missing)}, "
            f"unexpected {sorted(extra)}"
        )
    return _ENV.from_string(_source(name)).render(**values).strip()
