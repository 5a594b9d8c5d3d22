"""Typed use of the package, checked with `mypy --strict` against the stubs (test_stubs.py).
It also runs: test_stubs.py executes it, so the types describe real behaviour."""

from __future__ import annotations

import pandas

import lexdef


def child_ages(corpus: lexdef.Corpus) -> dict[str, int]:
    ages: dict[str, int] = {}
    for instrument in corpus.instruments:
        value = corpus.model(instrument.id).qualifiers["child_age"].value
        if isinstance(value, int) and not isinstance(value, bool):
            ages[instrument.id] = value
    return ages


def narrower_findings(comparison: lexdef.Comparison) -> list[str]:
    return [finding.summary for finding in comparison.divergences if finding.direction == "narrower"]


def first_words(model: lexdef.TermModel) -> dict[str, str]:
    return {element.id: element.evidence[0].text for element in model.elements}


def provided_words(checklist: lexdef.Checklist, instrument: str) -> dict[str, list[str]]:
    return {item.id: [evidence.text for evidence in item.evidence] for item in checklist[instrument] if item.state == "provided"}


def unsettled_in_original(check: lexdef.TranslationCheck) -> dict[str, str]:
    return {finding.id: finding.reason or "" for finding in check.findings if finding.verdict == "cannot_say" and finding.original_value == "not_found"}


def main() -> None:
    corpus = lexdef.Corpus.bundled()
    ages = child_ages(corpus)
    assert ages["INTL-PALERMO-2000"] == 18 and ages["MM-ATIPL-2005"] == 16
    bill: lexdef.Instrument = lexdef.parse_text('"child" means a person under 16;', jurisdiction="PH")
    comparison = corpus.compare(bill, baseline="palermo")
    assert isinstance(narrower_findings(comparison), list)
    assert first_words(corpus.model("INTL-PALERMO-2000"))["act.recruitment"] == "recruitment"
    check = corpus.translation_check()
    penal: lexdef.TranslationPair = check.pair("VN-PENAL-2015-orig", "VN-PENAL-2015")
    assert penal.agrees and "means.deception" in unsettled_in_original(check)
    findings: pandas.DataFrame = check.to_pandas()
    assert "verdict" in findings.columns
    matrix: pandas.DataFrame = corpus.matrix(baseline="palermo").to_pandas()
    assert matrix.shape[0] == len(corpus)
    instruments: pandas.DataFrame = corpus.to_pandas()
    assert list(instruments.index) == corpus._ipython_key_completions_()
    ages_of: lexdef.Qualifiers = corpus.qualifiers("child_age")
    assert ages_of.to_polars().height == len(ages_of) == len(corpus)
    axes = corpus.matrix(baseline="palermo").plot(instruments=["INTL-PALERMO-2000"])
    assert axes.get_legend() is not None
    text: str = comparison.to_text()
    assert text.startswith("Definitions of")
    hits: lexdef.Hits = corpus.search("harbour", jurisdiction=["PH", "SG"], limit=5)
    for hit in hits[:2]:
        start, end = hit.highlights[0]
        assert hit.snippet[start:end]
    lexicon = lexdef.Lexicon.bundled().extend('version = 1\n[[elements]]\nid = "act.harbouring"\nforms = ["concealment"]\n')
    extended: lexdef.Corpus = corpus.with_lexicon(lexicon)
    report: lexdef.Report = extended.report()
    pairs: dict[tuple[str, str], int] = report.pairwise
    assert pairs
    try:
        corpus.search('"unterminated')
    except lexdef.QueryError as error:
        where: str | None = error.file
        assert where is None
    checklist: lexdef.Checklist = corpus.checklist(["INTL-PALERMO-2000"], items=["compensation"])
    assert provided_words(checklist, "INTL-PALERMO-2000") == {"protection.compensation": ["compensation"]}
    obligation: str | None = checklist["INTL-PALERMO-2000"]["compensation"].obligation
    assert obligation == "mandatory"
    for diagnostic in lexdef.parse_text("plain text").warnings:
        line: int | None = diagnostic.line
        assert line == 1


if __name__ == "__main__":
    main()
