"""Lexicon.by_name: the entry a user or a page names, by Arabic form, id, English name or English alias."""
from __future__ import annotations

import pytest

from marsad.lexicon.load import Entry, Lexicon, default_lexicon


@pytest.mark.parametrize("name, expected", [
    ("روسيا البيضاء", "belarus"),           # an Arabic form
    ("وبيلاروسيا", None),                   # a clitic is not a form: by_name is an exact lookup
    ("belarus", "belarus"),                 # the id
    ("  Afghanistan ", "afghanistan"),      # the English name, spaces and case ignored
    ("islamic republic of afghanistan", "afghanistan"),  # an English alias
    ("CSTO", "collective-security-treaty-organization"),
    ("Atlantis", None),
])
def test_lexicon_by_name_finds_forms_ids_names_and_aliases(name, expected):
    entry = default_lexicon().by_name(name)
    assert (entry.id if entry else None) == expected


def test_lexicon_by_name_sees_entries_added_after_a_lookup_and_prefers_the_first():
    lex = Lexicon()

    def entry(id_: str, name: str, aliases: list[str]) -> Entry:
        return Entry(id=id_, name=name, type="ORG", wikidata=None, aliases=aliases, forms=[], demonyms=[], short=[],
                     offices=[], source="test")

    lex.add(entry("first-agency", "First Agency", ["The Agency"]))
    assert lex.by_name("the agency").id == "first-agency"
    assert lex.by_name("Second Agency") is None
    lex.add(entry("second-agency", "Second Agency", ["The Agency"]))
    assert lex.by_name("second agency").id == "second-agency"
    assert lex.by_name("THE AGENCY").id == "first-agency"
