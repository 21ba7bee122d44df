"""Does the black-box scorer agree with the white-box model on the same SmolLM2 file?

Starts the embedded llama.cpp server (xllamacpp), and for 20 prompt-answer pairs compares
per-token ``log p(answer | prompt)`` from the endpoint (token-grammar-forced answer) with
the white-box transformers model (de-quantized from the same GGUF). Prints the Pearson
correlation over all tokens and the mean absolute gap (quantized arithmetic differs a
little).

    python evals/blackbox_agreement.py
    python evals/blackbox_agreement.py --url http://127.0.0.1:PORT/v1   # e.g. vLLM
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import numpy as np

from agent.llm.serving import ServerManager
from agent.settings import Settings
from tools.models import load_target
from tools.models.blackbox import BlackBoxLM

PAIRS = [
    ("What is the capital of France?", "The capital of France is Paris."),
    ("Is the soup hot?", "Yes, the soup is very hot today."),
    ("Name a primary colour.", "Red is a primary colour."),
    ("How many legs does a spider have?", "A spider has eight legs."),
    ("Translate 'bonjour' to English.", "Bonjour means hello."),
    ("What do bees make?", "Bees make honey from nectar."),
    ("Who painted the Mona Lisa?", "Leonardo da Vinci painted it."),
    ("What is 7 times 6?", "7 times 6 is 42."),
    ("Is the movie not bad?", "No, the movie is quite good."),
    ("Give me a synonym for happy.", "Joyful is a synonym for happy."),
    ("Where do penguins live?", "Most penguins live in Antarctica."),
    ("What is the opposite of cold?", "The opposite of cold is hot."),
    ("Describe the sky on a clear day.", "The sky is bright blue."),
    ("What fruit is yellow and curved?", "A banana is yellow and curved."),
    ("How do you greet someone in the morning?", "You say good morning."),
    ("What is the freezing point of water?", "Water freezes at 0 degrees Celsius."),
    ("Which ocean is the largest?", "The Pacific Ocean is the largest."),
    ("What does a thermometer measure?", "A thermometer measures temperature."),
    ("Name a musical instrument with keys.", "The piano has keys."),
    ("Why do we sleep?", "Sleep lets the body and brain rest."),
]


def compare(url: str) -> tuple[list[float], list[float], int]:
    """White-box and endpoint log-probs of every answer token, and tokenization misses."""
    lm = load_target()
    white: list[float] = []
    black: list[float] = []
    mismatched = 0
    with BlackBoxLM(url) as target:
        for text, answer in PAIRS:
            ids = lm.answer_ids(answer)
            if target.tokenize(answer) != ids:
                mismatched += 1
                continue
            white += lm.score([lm.encode(text).ids], ids)[0].tolist()
            black += target.score([text], ids)[0]
    return white, black, mismatched


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", help="A running endpoint (e.g. vLLM) instead of xllamacpp.")
    url = parser.parse_args().url
    if url:
        white, black, mismatched = compare(url)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            manager = ServerManager(Settings(state_dir=Path(tmp)))
            record, _ = manager.serve("xllamacpp")
            try:
                white, black, mismatched = compare(record.url)
            finally:
                manager.stop()
    w, b = np.array(white), np.array(black)
    print(f"# {url or 'xllamacpp'}: {len(PAIRS)} pairs, {len(w)} answer tokens, "
          f"{mismatched} tokenization mismatches")  # fmt: skip
    print(f"Pearson r = {np.corrcoef(w, b)[0, 1]:.4f}")
    print(
        f"mean |gap| = {np.mean(np.abs(w - b)):.4f} nats, max |gap| = {np.max(np.abs(w - b)):.4f}"
    )
    print(f"sum log p: white {w.sum():.2f}, black {b.sum():.2f}")


if __name__ == "__main__":
    main()
