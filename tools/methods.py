"""The names of the attribution methods, importable without loading torch (the chat's
routing names them; :mod:`tools.attribution` runs them)."""

from __future__ import annotations

from typing import Literal

Method = Literal[
    "occlusion",
    "integrated_gradients",
    "grad_x_input",
    "attention",
    "attention_rollout",
    "shapley",
    "context_cite",
]
