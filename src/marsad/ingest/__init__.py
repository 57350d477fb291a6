"""Reading news articles from text, HTML, JSON Lines, WARC files, folders and stdin.

>>> from marsad.ingest import iter_articles, Article, IngestError
>>> for item in iter_articles(["corpus/"]):
...     if isinstance(item, IngestError): print(item.source, item.reason)
...     else: print(item.doc, item.meta["title"], item.removed[:2])
"""

from marsad.ingest.chrome import detect_chrome
from marsad.ingest.dedup import NearDuplicates
from marsad.ingest.meta import build_meta
from marsad.ingest.model import Article, IngestError
from marsad.ingest.sources import iter_articles

__all__ = ["Article", "IngestError", "NearDuplicates", "build_meta", "detect_chrome", "iter_articles"]
