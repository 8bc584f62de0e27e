"""The public Python API of sidelined, re-exported by the `sidelined` package itself.

`records` holds the typed v1 `Record`, `extracting` the extraction functions,
`storing` the `Store` facade over the database and the timeline.
"""

from sidelined.library.extracting import extract, extract_files, extract_many, resolve_time
from sidelined.library.records import Record, load_record
from sidelined.library.storing import Store

__all__ = ["Record", "Store", "extract", "extract_files", "extract_many", "load_record", "resolve_time"]
