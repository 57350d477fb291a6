"""The Parquet layout of a batch run (Spark DDL strings, and their Arrow types; no pyspark import here).

``records`` has one row per article: the SCHEMA.md fields as nested columns for queries (``entities[].mentions[]``,
``events[].quantity``, ``facts[]``, ``quotes[]``, ``meta``), ``json`` (the record exactly as ``marsad analyze`` prints
it, the lossless copy that loaders read back) and, unless left out, ``text`` (the article text the offsets point into).
A fact's ``value`` is a number or a date, so its column is a string ("20000", "2002-10-07"); a quantity's value is a double.
Keys a later version of the record adds are kept in ``json`` and left out of the nested columns.
The Python workers build the nested columns as Arrow arrays of the types :func:`arrow_schema` derives from
``RECORD_DDL`` (``marsad.batch.partition``), so the JVM never parses the JSON.

``errors`` has one row per article that could not be read or analysed: ``doc``, ``source``, ``reason``.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pyarrow as pa

SPAN = "struct<start:int,end:int>"
RULED_SPAN = "struct<start:int,end:int,rule:string>"

# The record's nested fields (every SCHEMA.md field but ``doc``), as Spark DDL.
NESTED_DDL = ", ".join([
    "meta struct<title:string,published:string,outlet:string>",
    f"entities array<struct<id:string,name:string,type:string,wikidata:string,mentions:array<{RULED_SPAN}>>>",
    "events array<struct<type:string,mode:string,actor:string,recipient:string,location:string,"
    "quantity:struct<value:double,unit:string,approx:boolean>,when:string,status:string,source:string,"
    f"evidence:{SPAN},trigger:{RULED_SPAN},also:array<string>>>",
    "facts array<struct<subject:string,relation:string,object:string,value:string,qualifier:string,when:string,"
    f"evidence:{SPAN},rule:string>>",
    f"quotes array<struct<speaker:string,via:string,evidence:{SPAN},rule:string>>",
])
RECORD_DDL = f"doc string, {NESTED_DDL}"
RECORD_FIELDS = ("doc", "meta", "entities", "events", "facts", "quotes")
ERROR_COLUMNS = ("doc", "source", "reason")

# Output folders under the OUTPUT path of ``marsad batch``.
RECORDS_PARQUET = "records.parquet"
RECORDS_JSONL = "records.jsonl"
ERRORS_PARQUET = "errors.parquet"
ERRORS_JSONL = "errors.jsonl"

_TOKEN = re.compile(r"\s*([A-Za-z_][A-Za-z0-9_]*|[<>,:])")


def arrow_schema(ddl: str) -> "pa.Schema":
    """The Arrow schema Spark gives a DDL string of ``string``/``int``/``long``/``double``/``boolean``/``struct<>``/``array<>``
    columns (the subset the batch layout uses), without a JVM.

    >>> arrow_schema("doc string, spans array<struct<start:int,rule:string>>").types[1]
    ListType(list<item: struct<start: int32, rule: string>>)
    """
    import pyarrow as pa

    scalars = {"string": pa.string(), "int": pa.int32(), "long": pa.int64(), "double": pa.float64(), "boolean": pa.bool_()}
    tokens = _TOKEN.findall(ddl)
    pos = 0

    def take(expected: str | None = None) -> str:
        nonlocal pos
        if pos >= len(tokens) or (expected and tokens[pos] != expected):
            raise ValueError(f"bad DDL near token {pos} ({expected or 'a name'} expected): {ddl}")
        pos += 1
        return tokens[pos - 1]

    def fields(sep: str, end: str | None) -> list[pa.Field]:
        out = [pa.field(take(), type_(sep))]
        while pos < len(tokens) and tokens[pos] == ",":
            take(",")
            out.append(pa.field(take(), type_(sep)))
        if end:
            take(end)
        return out

    def type_(sep: str) -> pa.DataType:
        if sep == ":":
            take(":")
        name = take().lower()
        if name == "struct":
            take("<")
            return pa.struct(fields(":", ">"))
        if name == "array":
            take("<")
            item = type_("")
            take(">")
            return pa.list_(item)
        if name not in scalars:
            raise ValueError(f"unsupported type {name!r} in DDL: {ddl}")
        return scalars[name]

    schema = pa.schema(fields("", None))
    if pos != len(tokens):
        raise ValueError(f"bad DDL near token {pos}: {ddl}")
    return schema
