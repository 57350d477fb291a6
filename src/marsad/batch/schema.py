"""The Parquet layout of a batch run (Spark DDL strings; no pyspark import here).

``records`` has one row per article: the SCHEMA.md fields as nested columns for queries (``entities[].mentions[]``,
``events[].quantity``, ``facts[]``, ``quotes[]``, ``meta``), ``json`` (the record exactly as ``marsad analyze`` prints
it, the lossless copy that loaders read back) and, unless left out, ``text`` (the article text the offsets point into).
A fact's ``value`` is a number or a date, so its column is a string ("20000", "2002-10-07"); a quantity's value is a double.
Keys a later version of the record adds are kept in ``json`` and left out of the nested columns.

``errors`` has one row per article that could not be read or analysed: ``doc``, ``source``, ``reason``.
"""
from __future__ import annotations

SPAN = "struct<start:int,end:int>"
RULED_SPAN = "struct<start:int,end:int,rule:string>"

RECORD_DDL = ", ".join([
    "doc string",
    "meta struct<title:string,published:string,outlet:string>",
    f"entities array<struct<id:string,name:string,type:string,wikidata:string,mentions:array<{RULED_SPAN}>>>",
    "events array<struct<type:string,mode:string,actor:string,recipient:string,location:string,"
    "quantity:struct<value:double,unit:string,approx:boolean>,when:string,status:string,source:string,"
    f"evidence:{SPAN},trigger:{RULED_SPAN},also:array<string>>>",
    "facts array<struct<subject:string,relation:string,object:string,value:string,qualifier:string,when:string,"
    f"evidence:{SPAN},rule:string>>",
    f"quotes array<struct<speaker:string,via:string,evidence:{SPAN},rule:string>>",
])
RECORD_FIELDS = ("doc", "meta", "entities", "events", "facts", "quotes")
ERROR_COLUMNS = ("doc", "source", "reason")

# Output folders under the OUTPUT path of ``marsad batch``.
RECORDS_PARQUET = "records.parquet"
RECORDS_JSONL = "records.jsonl"
ERRORS_PARQUET = "errors.parquet"
ERRORS_JSONL = "errors.jsonl"
