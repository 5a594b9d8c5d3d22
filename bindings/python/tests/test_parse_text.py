"""A drafter's text: parse_text, and comparing it with the Protocol."""

from __future__ import annotations

import pytest

import lexdef
from conftest import BILL


def test_a_bill_parses_with_its_title_and_jurisdiction() -> None:
    bill = lexdef.parse_text(BILL, title="Draft Anti-Trafficking Bill", jurisdiction="ph")
    # The id is the title's, not `DRAFT`: a comparison names the bill.
    assert bill.id == "DRAFT-ANTI-TRAFFICKING-BILL"
    assert bill.title == "Draft Anti-Trafficking Bill" and bill.jurisdiction == "PH"
    assert bill.kind is None and bill.completeness is None and not bill.partial
    assert [warning.kind for warning in bill.warnings] == ["missing_metadata"]
    # Said in the caller's terms (no `+++`, no `--partial`).
    message = bill.warnings[0].message
    assert "complete=False" in message and "+++" not in message and "--partial" not in message
    assert bill.text == BILL
    eids = [provision.eid for provision in bill.provisions()]
    assert eids[0] == "sec_2"
    terms = {definition.term: definition for definition in bill.definitions()}
    assert set(terms) == {"child", "trafficking in persons", "exploitation"}
    assert terms["child"].concept == "child" and terms["trafficking in persons"].form == "means"


def test_without_jurisdiction_or_title_is_fine_and_an_unknown_code_is_an_error() -> None:
    bill = lexdef.parse_text(BILL)
    assert bill.jurisdiction is None and bill.title is None and bill.id == "DRAFT"
    with pytest.raises(lexdef.QueryError, match="invalid jurisdiction `Philippines`"):
        lexdef.parse_text(BILL, jurisdiction="Philippines")


def test_the_bill_against_the_protocol(corpus: lexdef.Corpus) -> None:
    bill = lexdef.parse_text(BILL, file="bill.txt")
    comparison = corpus.compare(bill, baseline="palermo")
    findings = {(finding.kind, finding.element or finding.qualifier): finding for finding in comparison.divergences}
    assert findings[("missing_element", "act.transfer")].direction == "narrower"
    assert findings[("missing_element", "means.abuse_of_vulnerability")].certain
    age = findings[("qualifier_mismatch", "child_age")]
    assert (age.subject_value, age.baseline_value) == (16, 18)
    assert age.subject_evidence[0].text in BILL
    # The bill's closed list of exploitation is narrower than the Protocol's "at a minimum".
    assert findings[("qualifier_mismatch", "exploitation_list")].subject_value == "closed"
    model = bill.model()
    assert model.qualifiers["child_age"].value == 16
    assert corpus.model(bill) == model


def test_an_excerpt_says_so_and_its_silence_settles_nothing(corpus: lexdef.Corpus) -> None:
    whole = lexdef.parse_text(BILL, title="Bill")
    excerpt = lexdef.parse_text(BILL, title="Bill", complete=False)
    assert excerpt.partial and not whole.partial
    assert "excerpt" in excerpt.warnings[0].message
    # What the whole bill lacks is absent; in the excerpt it is not found.
    assert whole.model().state("act.transfer") == "absent"
    assert excerpt.model().state("act.transfer") == "not_found"
    certain = [finding for finding in corpus.compare(excerpt).divergences if finding.kind == "missing_element"]
    assert certain and not any(finding.certain for finding in certain)


def test_a_text_with_a_corpus_metadata_block_reads_it(corpus: lexdef.Corpus) -> None:
    palermo = corpus["INTL-PALERMO-2000"]
    source = (corpus_file := __import__("pathlib").Path(__file__).resolve().parents[3] / palermo.file).read_text(
        encoding="utf-8"
    )
    again = lexdef.parse_text(source, file=str(corpus_file))
    assert again.id == palermo.id and again.text == palermo.text and again.kind == "treaty"
    assert again.model() == palermo.model()
