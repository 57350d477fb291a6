"""marsad: Arabic security and geopolitics news into a sourced, queryable knowledge graph."""

__version__ = "0.1.0"
