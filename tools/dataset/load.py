"""Loading a CSV or Parquet file into DuckDB, with every rejection said in one clear line.

The whole file is read (no sample) into an in-process DuckDB table ``data`` that spills to
disk past the memory limit. Before DuckDB sees a CSV we look at its first bytes ourselves:
empty files, binary files and non-UTF-8 text get a specific answer instead of a parser
stack trace. Rows with the wrong number of fields are an error that names the first lines
(``allow_bad_rows`` skips them instead, and the count is reported).
"""

from __future__ import annotations

import codecs
import csv
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import duckdb

from tools.dataset import reading
from tools.errors import ToolInputError

Kind = Literal["numeric", "boolean", "datetime", "categorical", "text"]

SNIFF_BYTES = 1 << 20
MAX_COLUMNS = 20_000
_NUMERIC = (
    "TINYINT",
    "SMALLINT",
    "INTEGER",
    "BIGINT",
    "HUGEINT",
    "UTINYINT",
    "USMALLINT",
    "UINTEGER",
    "UBIGINT",
    "UHUGEINT",
    "FLOAT",
    "DOUBLE",
    "REAL",
)
_STRUCTURAL = (
    "MISSING COLUMNS",
    "TOO MANY COLUMNS",
    "UNQUOTED VALUE",
    "INVALID STATE",
    "LINE SIZE OVER MAXIMUM",
)


class DatasetError(ToolInputError):
    """The file cannot be read as a table; the message says why and what to do."""


def quote(name: str) -> str:
    """A column name as a DuckDB identifier (names are never pasted into SQL unquoted)."""
    return '"' + name.replace('"', '""') + '"'


@dataclass
class Column:
    """One column: its name, DuckDB type and analysis kind (set by profiling)."""

    name: str
    dtype: str
    kind: Kind = "categorical"
    infinite: int = 0  # ±infinity values of a float column (values, not missing)
    infinite_levels: int = 0  # how many of +inf and -inf occur (0 to 2)

    @property
    def sql(self) -> str:
        return quote(self.name)

    @property
    def number(self) -> str:
        """The column as a finite DOUBLE for sums, moments, quantiles and correlations:
        ±infinity is left out there (it stays a value for counts and groups)."""
        if self.dtype.split(" ")[0] in ("DATE", "TIMESTAMP"):
            return f"epoch({self.sql})::DOUBLE"  # seconds: dates correlate as numbers
        x = f"{self.sql}::DOUBLE"
        return f"(CASE WHEN isfinite({x}) THEN {x} END)" if self.infinite else x

    @property
    def is_number(self) -> bool:
        return self.dtype.split("(")[0] in _NUMERIC or self.dtype.startswith("DECIMAL")


@dataclass
class Dataset:
    """A loaded table ``data`` in a DuckDB connection, with notes on how it was read."""

    path: Path
    con: duckdb.DuckDBPyConnection
    columns: list[Column]
    rows: int
    encoding: str = "utf-8"
    delimiter: str = ","
    skipped_rows: int = 0
    notes: list[str] = field(default_factory=list)

    def column(self, name: str) -> Column:
        index = {c.name: c for c in self.columns}
        if name in index:
            return index[name]
        close = [c.name for c in self.columns if c.name.casefold() == name.casefold()]
        hint = f"; did you mean {close[0]!r}?" if close else ""
        shown = ", ".join(repr(c.name) for c in self.columns[:12])
        more = f" and {len(self.columns) - 12} more" if len(self.columns) > 12 else ""
        raise DatasetError(f"no column {name!r} in {self.path.name}{hint} (columns: {shown}{more})")

    def sql(self, query: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
        return self.con.execute(query, params or []).fetchall()

    def close(self) -> None:
        self.con.close()


def _connect(memory_limit: str, threads: int | None) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(config={"memory_limit": memory_limit})
    con.execute(f"SET temp_directory = '{tempfile.gettempdir()}/explainer-duckdb'")
    con.execute(f"SET threads = {int(threads or os.cpu_count() or 1)}")
    con.execute("SET preserve_insertion_order = true")
    return con


def _sniff(path: Path) -> tuple[str, str, str]:
    """(encoding, delimiter, the first text) from the first bytes; binary and empty files
    are rejected."""
    with path.open("rb") as fh:
        head = fh.read(SNIFF_BYTES)
    if not head.strip(b" \t\r\n\x00"):
        raise DatasetError(f"{path.name} is empty: there is no header and no data")
    wide = None if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else (
        reading.wide_encoding(head))  # fmt: skip
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
        text = head.decode("utf-16", errors="ignore")
    elif wide is not None:
        encoding = wide
        text = head[: len(head) - len(head) % 4].decode(wide, errors="ignore")
    else:
        if b"\x00" in head or _control_share(head) > 0.05:
            raise DatasetError(
                f"{path.name} is a binary file, not a CSV (it holds NUL or control bytes); "
                "export it as CSV or Parquet first"
            )
        try:
            text = codecs.getincrementaldecoder("utf-8-sig")().decode(head, final=False)
            encoding = "utf-8"
        except UnicodeDecodeError:
            text, encoding = head.decode("latin-1"), "latin-1"
    lines = text.splitlines()
    sample = "\n".join(lines[:200])
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        delimiter = ","
    return encoding, delimiter, text


def _control_share(head: bytes) -> float:
    allowed = {9, 10, 13, 12}
    bad = sum(1 for b in head[:65536] if b < 32 and b not in allowed)
    return bad / max(1, min(len(head), 65536))


def _reader(
    path: Path, encoding: str, delimiter: str, *, full_sniff: bool, na: Sequence[str]
) -> str:
    markers = ", ".join("'" + m.replace("'", "''") + "'" for m in na)
    options = [
        "header = true",
        f"nullstr = [{markers}]",
        # no BOOLEAN: 'yes'/'no' and 'true'/'False' stay the labels the file wrote
        "auto_type_candidates = ['BIGINT', 'DOUBLE', 'TIME', 'DATE', 'TIMESTAMP', 'VARCHAR']",
        f"delim = '{delimiter}'" if delimiter != "\t" else "delim = '\\t'",
        "ignore_errors = true",
        "store_rejects = true",
        f"encoding = '{encoding}'",
        "max_line_size = 10000000",
    ]
    if full_sniff:
        options.append("sample_size = -1")
    return f"read_csv(?, {', '.join(options)})"


def load_dataset(
    path: str | Path,
    *,
    allow_bad_rows: bool = False,
    memory_limit: str = "2GB",
    threads: int | None = None,
    na: Sequence[str] | None = None,
) -> Dataset:
    """Read ``path`` (CSV, TSV or Parquet) into DuckDB, all rows. ``na``: the cells read
    as missing (default :data:`tools.dataset.reading.DEFAULT_NA`; the empty cell always).

    Raises:
        DatasetError: missing, empty, binary or header-only files; rows with the wrong
            number of fields (unless ``allow_bad_rows``); more than 20,000 columns.
    """
    path = Path(path)
    if not path.exists():
        raise DatasetError(f"no such file: {path}")
    if path.is_dir():
        raise DatasetError(f"{path} is a folder; give a CSV or Parquet file")
    con = _connect(memory_limit, threads)
    try:
        return _load(path, con, allow_bad_rows, reading.DEFAULT_NA if na is None else
                     tuple(dict.fromkeys(["", *na])))  # fmt: skip
    except BaseException:
        con.close()
        raise


def _load(
    path: Path, con: duckdb.DuckDBPyConnection, allow_bad_rows: bool, na: Sequence[str]
) -> Dataset:
    with path.open("rb") as fh:
        magic = fh.read(4)
    notes: list[str] = []
    skipped = 0
    if magic == b"PAR1":
        encoding, delimiter = "parquet", ""
        try:
            con.execute("CREATE TABLE data AS SELECT * FROM read_parquet(?)", [str(path)])
        except duckdb.Error as exc:
            raise DatasetError(f"{path.name} is not a readable Parquet file: {exc}") from None
    else:
        encoding, delimiter, head = _sniff(path)
        source = path
        if encoding.startswith("utf-32") or encoding in ("utf-16-le", "utf-16-be"):
            notes.append(f"read as {encoding.upper()} (no byte-order mark)")
            try:
                source = reading.transcode(path, encoding)
            except ValueError as exc:
                raise DatasetError(f"{path.name} looks like {encoding} but is {exc}") from None
        elif encoding != "utf-8":
            notes.append(f"read as {encoding} (the file is not valid UTF-8)")
        try:
            skipped = _load_csv(source, con, "utf-8" if source != path else encoding,
                                delimiter, allow_bad_rows, notes, na)  # fmt: skip
        finally:
            if source != path:
                source.unlink(missing_ok=True)
        if marked := reading.marker_note(head, delimiter, na):
            notes.append(marked)
    described = con.execute("DESCRIBE data").fetchall()
    columns = [Column(name=str(r[0]), dtype=str(r[1])) for r in described]
    if len(columns) > MAX_COLUMNS:
        raise DatasetError(f"{path.name} has {len(columns)} columns; at most {MAX_COLUMNS}")
    (rows,) = con.execute("SELECT count(*) FROM data").fetchone() or (0,)
    notes += _numbers_spelled_out(con, columns)
    if delimiter:
        notes += reading.number_formats(con, columns, delimiter)
        notes += reading.dates(con, columns)
    reading.drop_sample(con)
    notes += reading.normalise_floats(con, columns)
    if rows == 0:
        raise DatasetError(f"{path.name} has a header ({len(columns)} columns) but no data rows")
    if len(columns) == 1 and delimiter and _looks_delimited(columns[0].name):
        raise DatasetError(
            f"{path.name}: could not split the header into columns; is the delimiter unusual?"
        )
    return Dataset(
        path=path,
        con=con,
        columns=columns,
        rows=int(rows),
        encoding=encoding,
        delimiter=delimiter,
        skipped_rows=skipped,
        notes=notes,
    )


#: How non-finite numbers are spelled; DuckDB's CSV sniffer reads a column holding them
#: as text, although every value is a number.
_NON_FINITE = ("inf", "+inf", "-inf", "infinity", "+infinity", "-infinity", "nan", "-nan")


def _numbers_spelled_out(con: duckdb.DuckDBPyConnection, columns: list[Column]) -> list[str]:
    """Text columns whose every value is a number and some spell out ``inf`` or ``nan``
    become DOUBLE columns (one scan per 500 text columns decides)."""
    text = reading.sampled_all(con, [c for c in columns if c.dtype == "VARCHAR"],
                       lambda x: f"TRY_CAST({x} AS DOUBLE) IS NOT NULL")  # fmt: skip
    spelled = ", ".join(f"'{s}'" for s in _NON_FINITE)
    convert: list[Column] = []
    for start in range(0, len(text), 500):
        batch = text[start : start + 500]
        parts = []
        for col in batch:
            x = col.sql
            parts += [f"count(*) FILTER ({x} IS NOT NULL AND TRY_CAST({x} AS DOUBLE) IS NULL)",
                      f"count(*) FILTER (lower(trim({x})) IN ({spelled}))"]  # fmt: skip
        row = list(con.execute(f"SELECT {', '.join(parts)} FROM data").fetchone() or ())
        convert += [c for i, c in enumerate(batch) if row[2 * i] == 0 and row[2 * i + 1] > 0]
    if not convert:
        return []
    casts = ", ".join(f"CAST(trim({c.sql}) AS DOUBLE) AS {c.sql}" for c in convert)
    con.execute(f"CREATE OR REPLACE TABLE data AS SELECT * REPLACE ({casts}) FROM data")
    for col in convert:
        col.dtype = "DOUBLE"
    names = ", ".join(repr(c.name) for c in convert)
    return [f"read as numbers (they spell out inf or nan): {names}"]


def _looks_delimited(name: str) -> bool:
    return any(d in name for d in ",;\t|")


def _load_csv(
    path: Path,
    con: duckdb.DuckDBPyConnection,
    encoding: str,
    delimiter: str,
    allow_bad_rows: bool,
    notes: list[str],
    na: Sequence[str],
) -> int:
    """Create ``data`` from a CSV; returns the number of skipped rows."""
    full_sniff = False
    for _attempt in range(3):
        con.execute("DROP TABLE IF EXISTS data")
        con.execute("DROP TABLE IF EXISTS reject_errors")  # it accumulates over reads
        con.execute("DROP TABLE IF EXISTS reject_scans")
        try:
            con.execute(
                f"CREATE TABLE data AS SELECT * FROM "
                f"{_reader(path, encoding, delimiter, full_sniff=full_sniff, na=na)}",
                [str(path)],
            )
        except duckdb.Error as exc:
            first = str(exc).strip().splitlines()[0]
            raise DatasetError(f"{path.name} could not be parsed as CSV: {first}") from None
        rejects = con.execute(
            "SELECT line, error_type::VARCHAR, error_message FROM reject_errors ORDER BY line"
        ).fetchall()
        kinds = {r[1] for r in rejects}
        if "INVALID ENCODING" in kinds and encoding == "utf-8":
            encoding = "latin-1"  # bad bytes past the sniffed head
            notes.append("read as latin-1 (the file is not valid UTF-8)")
            continue
        if "CAST" in kinds and not full_sniff:
            full_sniff = True  # a later value does not fit the type guessed from the head
            continue
        break
    structural = [r for r in rejects if r[1] in _STRUCTURAL or r[1] == "CAST"]
    if structural and not allow_bad_rows:
        shown = "; ".join(f"line {r[0]}: {r[2]}" for r in structural[:3])
        more = f" (and {len(structural) - 3} more)" if len(structural) > 3 else ""
        raise DatasetError(
            f"{path.name} has {len(structural)} malformed row(s) — {shown}{more}. "
            "Fix the file, or pass --allow-bad-rows to skip them."
        )
    if structural:
        notes.append(
            f"skipped {len(structural)} malformed row(s), first at line {structural[0][0]}"
        )
    return len(structural)
