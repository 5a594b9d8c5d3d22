"""Every public attribute of every class answers on real objects, and every class has a
`repr` that names what it is: nothing in the API is left unexercised."""

from __future__ import annotations

import inspect
from typing import Any

import lexdef
from conftest import BILL

# Methods that take arguments, called here with real ones.
CALLS: dict[str, tuple[Any, ...]] = {
    "state": ("act.recruitment",),
    "value": ("INTL-PALERMO-2000", "child_age"),
    "find_elements": ("the recruitment of persons",),
    "extend": ('version = 1\n[[elements]]\nid = "act.harbouring"\nforms = ["concealment"]\n',),
    "pair": ("VN-PENAL-2015-orig", "VN-PENAL-2015"),
    "qualifiers": ("child_age",),
    "checklist": (["INTL-PALERMO-2000", "BN-ATIPO-2019"],),
}
# Methods that need a file, or that build a new corpus (`at`), or a table of their own
# (`timeline`): exercised by their own tests (test_point_in_time.py).
ELSEWHERE = {"at", "timeline", "load", "extend_file", "from_toml", "with_lexicon", "bundled", "get", "compare", "matrix", "report", "search", "definitions", "model"}


def instances(corpus: lexdef.Corpus) -> dict[type, Any]:
    comparison = corpus.compare("MM-ATIPL-2005")
    model = corpus.model("INTL-PALERMO-2000")
    report = corpus.report()
    hits = corpus.search("vulnerability", limit=3)
    definitions = corpus.definitions(concept="child")
    provisions = corpus["INTL-PALERMO-2000"].provisions()
    bill = lexdef.parse_text(BILL, title="Bill", jurisdiction="PH")
    check = corpus.translation_check()
    penal = check.pair("VN-PENAL-2015-orig", "VN-PENAL-2015")
    unsettled = next(finding for finding in penal.findings if finding.verdict == "cannot_say")
    checklist = corpus.checklist(["INTL-PALERMO-2000", "BN-ATIPO-2019"])
    compensation = checklist["INTL-PALERMO-2000"]["compensation"]
    return {
        lexdef.Corpus: corpus,
        lexdef.Instrument: corpus["PH-RA9208-2003"],
        lexdef.Lexicon: corpus.lexicon,
        lexdef.TermModel: model,
        lexdef.Element: model.elements[0],
        lexdef.Evidence: model.elements[0].evidence[0],
        lexdef.Qualifier: model.qualifiers["child_age"],
        lexdef.Qualifiers: corpus.qualifiers("child_age"),
        lexdef.Definition: definitions[0],
        lexdef.Definitions: definitions,
        lexdef.Provision: provisions[0],
        lexdef.Provisions: provisions,
        lexdef.Divergence: comparison.divergences[0],
        lexdef.Divergences: comparison.divergences,
        lexdef.Comparison: comparison,
        lexdef.Matrix: corpus.matrix(baseline="palermo"),
        lexdef.Report: report,
        lexdef.Hit: hits[0],
        lexdef.Hits: hits,
        lexdef.Diagnostic: bill.warnings[0],
        lexdef.Diagnostics: bill.warnings,
        lexdef.TranslationCheck: check,
        lexdef.TranslationPair: penal,
        lexdef.TranslationFinding: unsettled,
        lexdef.TranslationFindings: penal.findings,
        lexdef.Checklist: checklist,
        lexdef.InstrumentChecklist: checklist["INTL-PALERMO-2000"],
        lexdef.ChecklistItem: compensation,
        lexdef.ProtectionEvidence: compensation.evidence[0],
    }


def test_every_public_attribute_answers(corpus: lexdef.Corpus) -> None:
    objects = instances(corpus)
    exported = {getattr(lexdef, name) for name in lexdef.__all__ if inspect.isclass(getattr(lexdef, name))}
    classes = {cls for cls in exported if not issubclass(cls, BaseException)}
    assert classes == set(objects), "a class without an instance here"
    for cls, instance in objects.items():
        assert type(instance) is cls
        assert cls.__module__ == "lexdef", cls
        assert repr(instance).startswith(f"<{cls.__name__} "), repr(instance)
        for name in dir(cls):
            if name.startswith("_") or name in ELSEWHERE:
                continue
            attribute = getattr(instance, name)
            if callable(attribute):
                result = attribute(*CALLS.get(name, ()))
            else:
                result = attribute
            assert result is not None or name in {"basis", "score", "method", "similarity", "uncertain_reason", "element", "qualifier", "kind", "in_force", "heading", "number", "term", "jurisdiction", "not_in_corpus", "obligation", "obligation_words", "reason", "cause"}, f"{cls.__name__}.{name}"


def test_specific_values(corpus: lexdef.Corpus) -> None:
    instrument = corpus["PH-RA9208-2003"]
    assert instrument.adopted == "2003-05-26" and instrument.short_title == "RA 9208"
    assert instrument.title is not None and "Trafficking" in instrument.title
    assert instrument.completeness == "partial" and instrument.partial
    assert corpus["INTL-PALERMO-2000"].completeness == "complete"
    assert lexdef.__version__ == "0.1.0"
    assert "bundled" in repr(corpus.lexicon)
