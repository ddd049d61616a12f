"""Typed surface of the compiled module ``sayso._sayso``."""

import datetime
import os
from typing import Any, Dict, Iterable, Literal, Mapping, Optional, Protocol, Sequence, Tuple, Union

from typing_extensions import final

__all__ = [
    "__version__",
    "SCHEMA_VERSION",
    "TABLES",
    "SaysoError",
    "InputError",
    "OutputError",
    "OutputExistsError",
    "EvalError",
    "Extraction",
    "extract",
    "extract_batch",
    "extract_arrow",
    "cluster_quotes",
    "convert",
    "schema",
    "cli_main",
]

__version__: str
SCHEMA_VERSION: int
TABLES: Tuple[str, ...]

_Path = Union[str, "os.PathLike[str]"]
_Date = Union[str, datetime.date]

class SaysoError(Exception):
    """Base class of every error raised by sayso."""

class InputError(SaysoError):
    """An input could not be read or is not a valid article."""

class OutputError(SaysoError):
    """The output could not be written."""

class OutputExistsError(OutputError):
    """The output directory exists and ``overwrite=True`` was not given."""

class EvalError(SaysoError):
    """A file needed for evaluation could not be read or parsed."""

class _ArrowTable(Protocol):
    """An Arrow table exported through the Arrow PyCapsule interface."""

    def __arrow_c_stream__(self, requested_schema: Optional[object] = None) -> object: ...
    def __arrow_c_schema__(self) -> object: ...
    def __len__(self) -> int: ...

class _ArrowBatch(Protocol):
    """An Arrow record batch exported through the Arrow PyCapsule interface."""

    def __arrow_c_array__(self, requested_schema: Optional[object] = None) -> Tuple[object, object]: ...

class _ArrowSchema(Protocol):
    """An Arrow schema exported through the Arrow PyCapsule interface."""

    def __arrow_c_schema__(self) -> object: ...
    def __len__(self) -> int: ...

@final
class Extraction:
    """The tables extracted from one or more articles."""

    @property
    def articles(self) -> _ArrowTable: ...
    @property
    def quotes(self) -> _ArrowTable: ...
    @property
    def claims(self) -> _ArrowTable: ...
    @property
    def speakers(self) -> _ArrowTable: ...
    @property
    def dates(self) -> _ArrowTable: ...
    @property
    def clusters(self) -> _ArrowTable: ...
    @property
    def errors(self) -> _ArrowTable: ...
    def table(self, name: str) -> _ArrowTable: ...
    def counts(self) -> Dict[str, int]: ...
    def to_polars(self) -> Dict[str, Any]: ...
    def to_pandas(self) -> Dict[str, Any]: ...

def extract(
    text: str,
    *,
    published: Optional[_Date] = None,
    id: Optional[str] = None,
    title: Optional[str] = None,
    source: Optional[str] = None,
    url: Optional[str] = None,
    language: Optional[str] = None,
) -> Extraction: ...
def extract_batch(
    articles: Iterable[Union[str, Mapping[str, Any]]], *, jobs: Optional[int] = None
) -> Extraction: ...
def extract_arrow(
    batch: Union[_ArrowBatch, _ArrowTable], *, label: str = "batch", first_row: int = 0, jobs: int = 1
) -> Extraction: ...
def cluster_quotes(quotes: _ArrowBatch, articles: _ArrowBatch) -> Tuple[_ArrowTable, _ArrowTable]: ...
def convert(
    inputs: Union[_Path, Sequence[_Path]],
    out: _Path,
    *,
    jobs: Optional[int] = None,
    overwrite: bool = False,
    strict: bool = False,
    format: Literal["auto", "jsonl", "txt", "parquet", "csv"] = "auto",
    text_field: str = "text",
    id_field: str = "id",
    title_field: str = "title",
    source_field: str = "source",
    url_field: str = "url",
    published_field: str = "published",
    language_field: str = "language",
    max_article_bytes: Optional[int] = None,
) -> Dict[str, Any]: ...
def schema(name: str) -> Optional[_ArrowSchema]: ...
def cli_main(argv: Sequence[str]) -> int: ...
