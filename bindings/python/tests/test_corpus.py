"""Corpus, Instrument and the pipeline's questions, on the real corpus."""

from __future__ import annotations

import json
import subprocess
import warnings
from pathlib import Path

import pytest

import lexdef
from conftest import REPOSITORY

PALERMO = "INTL-PALERMO-2000"
PROTOCOL_ELEMENTS = 21


def test_the_bundled_corpus_has_the_protocol_the_asean_instruments_and_the_ten_states(corpus: lexdef.Corpus) -> None:
    assert len(corpus) == 32
    assert corpus.ids == sorted(corpus.ids)
    jurisdictions = {instrument.jurisdiction for instrument in corpus.instruments}
    assert {"INTL", "ASEAN", "BN", "ID", "KH", "LA", "MM", "MY", "PH", "SG", "TH", "VN"} <= jurisdictions
    assert len(corpus.errors) == 0
    assert [instrument.id for instrument in corpus] == corpus.ids


def test_an_instrument_has_its_metadata_and_the_exact_text(corpus: lexdef.Corpus) -> None:
    palermo = corpus[PALERMO]
    assert PALERMO in corpus and "XX-NOTHING" not in corpus
    assert palermo.id == PALERMO and palermo.jurisdiction == "INTL" and palermo.kind == "treaty"
    assert palermo.language == "en"
    assert palermo.file == f"corpus/instruments/{PALERMO}.txt"
    source = (Path(__file__).resolve().parents[3] / palermo.file).read_text(encoding="utf-8")
    # The text is the file's text with the metadata block and markers taken out.
    assert palermo.text.strip() and palermo.text.splitlines()[0] in source
    assert "+++" not in palermo.text
    assert corpus.get("XX-NOTHING") is None
    assert corpus.get(PALERMO) == palermo
    assert "INTL-PALERMO-2000" in repr(palermo)


def test_an_unknown_id_is_a_key_error_naming_close_ids(corpus: lexdef.Corpus) -> None:
    with pytest.raises(KeyError, match="did you mean PH-RA9208-2003"):
        corpus["PH-RA9208-2004"]
    with pytest.raises(lexdef.CorpusError, match="no instrument `PH-RA9208-2004`"):
        corpus.model("PH-RA9208-2004")


def test_provisions_are_the_documents_tree_in_text_order(corpus: lexdef.Corpus) -> None:
    provisions = corpus[PALERMO].provisions()
    eids = [provision.eid for provision in provisions]
    assert "art_3" in eids and "art_3__para_a" in eids
    assert eids.index("art_3") < eids.index("art_3__para_a")
    article = provisions[eids.index("art_3")]
    paragraph = provisions[eids.index("art_3__para_a")]
    assert article.heading == "Use of terms" and paragraph.depth == article.depth + 1
    assert paragraph.text.startswith('a) ``Trafficking in persons" shall mean')
    assert paragraph.text in corpus[PALERMO].text
    records = provisions.to_records()
    assert [record["eid"] for record in records] == eids


def test_the_protocols_model_has_its_21_elements_and_qualifiers_with_the_words(corpus: lexdef.Corpus) -> None:
    model = corpus.model(PALERMO)
    assert model.defined and model.eid == "art_3__para_a" and model.form == "shall-mean"
    assert len(model.elements) == PROTOCOL_ELEMENTS
    text = corpus[PALERMO].text
    for element in model.elements:
        assert element.family in {"act", "means", "purpose"}
        for evidence in element.evidence:
            assert text.encode()[evidence.start : evidence.end].decode() == evidence.text
            assert evidence.instrument == PALERMO
    age = model.qualifiers["child_age"]
    assert age.value == 18 and age.known and age.evidence[0].text == "under eighteen years"
    assert model.qualifiers["consent_irrelevant"].value is True
    assert model.qualifiers["exploitation_list"].value == "open"
    assert model.state("act.recruitment") == "present"
    assert model.state("purpose.begging") == "absent"
    assert "purpose.begging" in model.absent and model.not_found == {}


def test_a_partial_text_says_not_found_never_absent(corpus: lexdef.Corpus) -> None:
    model = corpus.model("VN-PENAL-2015")
    assert corpus["VN-PENAL-2015"].partial
    assert model.qualifiers["transnational_required"].value == "unknown"
    assert not model.qualifiers["transnational_required"].known
    # The Thai original is read in Thai, but ss 15-57 were not reproduced: nothing is absent.
    original = corpus.model("TH-ATIPA-2008-orig")
    assert original.absent == []
    assert not original.defined or original.not_found


def test_definitions_filter_by_concept_and_jurisdiction(corpus: lexdef.Corpus) -> None:
    everything = corpus.definitions()
    children = corpus.definitions(concept="child")
    assert len(children) > 0 and all(definition.concept == "child" for definition in children)
    assert {definition.instrument for definition in children} >= {PALERMO, "MM-ATIPL-2005"}
    philippine = corpus.definitions(jurisdiction="PH")
    assert philippine and all(definition.jurisdiction == "PH" for definition in philippine)
    both = corpus.definitions(jurisdiction=["PH", "th"])
    assert {definition.jurisdiction for definition in both} == {"PH", "TH"}
    assert len(both) < len(everything)
    first = children[0]
    assert first.text and first.line > 0 and first.form in {"means", "shall-mean", "refers-to", "includes", "is"}
    with pytest.raises(lexdef.QueryError, match="unknown concept `kid`"):
        corpus.definitions(concept="kid")
    with pytest.raises(lexdef.QueryError, match="invalid jurisdiction `XQ`"):
        corpus.definitions(jurisdiction="XQ")


def test_compare_reports_what_a_narrower_law_lacks_with_the_words(corpus: lexdef.Corpus) -> None:
    comparison = corpus.compare("MM-ATIPL-2005")
    assert comparison.subject.instrument == "MM-ATIPL-2005" and comparison.baseline.instrument == PALERMO
    age = [finding for finding in comparison.divergences if finding.qualifier == "child_age"]
    assert len(age) == 1
    assert age[0].subject_value == 16 and age[0].baseline_value == 18
    assert age[0].direction == "narrower" and age[0].certain
    assert age[0].subject_evidence[0].instrument == "MM-ATIPL-2005"
    assert len(comparison) == len(comparison.divergences) == len(comparison.to_records())


def test_the_actip_baseline_is_refused_plainly(corpus: lexdef.Corpus) -> None:
    with pytest.raises(lexdef.QueryError, match="ACTIP's article 2 has not been found yet"):
        corpus.compare("PH-RA9208-2003", baseline="actip")


def test_one_country_against_another(corpus: lexdef.Corpus) -> None:
    comparison = corpus.compare("TH-ATIPA-2008", baseline="PH-RA9208-2003")
    assert comparison.baseline.instrument == "PH-RA9208-2003"
    assert all(finding.baseline == "PH-RA9208-2003" for finding in comparison.divergences)
    html = comparison._repr_html_()
    # Both definitions side by side, their elements' words marked.
    assert '<div class="side">' in html and "<mark" in html
    assert "TH-ATIPA-2008" in html and "PH-RA9208-2003" in html


def test_the_matrix_against_the_protocol_has_its_elements_as_columns(corpus: lexdef.Corpus) -> None:
    matrix = corpus.matrix(baseline="palermo")
    assert len(matrix) == 32 and len(matrix.elements) == PROTOCOL_ELEMENTS
    assert matrix.value(PALERMO, "means.abuse_of_vulnerability") == "present"
    assert matrix.value("MM-ATIPL-2005", "child_age") == 16
    assert matrix.value("ASEAN-ACTIP-2015", "act.recruitment") == "not_defined"
    full = corpus.matrix()
    assert len(full.elements) > PROTOCOL_ELEMENTS and set(matrix.elements) <= set(full.elements)
    records = matrix.to_records()
    assert [record["instrument"] for record in records] == matrix.instruments
    reasons = [f"{qualifier}_reason" for qualifier in matrix.qualifiers]
    assert set(records[0]) == {"instrument", *matrix.elements, *matrix.qualifiers, *reasons}
    with pytest.raises(KeyError):
        matrix.value("XX", "act.recruitment")


def test_the_report_is_the_cli_report(corpus: lexdef.Corpus) -> None:
    report = corpus.report()
    data = json.loads(report.to_json())
    assert data["schema"] == "lexdef-report/1" and data["baseline"] == PALERMO
    assert report.instruments == [entry["instrument"] for entry in data["instruments"]]
    assert len(report.divergences) == sum(len(entry["findings"]) for entry in data["instruments"])
    assert report.matrix.instruments == [row["instrument"] for row in data["matrix"]["rows"]]
    assert report.pairwise[("MM-ATIPL-2005", PALERMO)] == next(
        pair["divergences"] for pair in data["pairwise"] if pair["a"] == "MM-ATIPL-2005" and pair["b"] == PALERMO
    )
    assert not report.pairwise_omitted
    assert report.to_markdown().startswith("# ")
    assert report.to_csv().splitlines()[0].startswith("instrument,")
    assert PALERMO in report.to_text()
    html = report._repr_html_()
    assert html == report.to_html() and html.startswith('<div class="lexdef">') and "<body" not in html


def test_loading_a_directory_leaves_bad_files_out_and_says_so(corpus_dir: Path) -> None:
    (corpus_dir / "BAD-UTF8.txt").write_bytes(b"+++\nid = \"XX-BAD\"\ntitle = \"caf\xe9\"\n+++\n")
    (corpus_dir / "EMPTY.txt").write_bytes(b"")
    with pytest.warns(lexdef.LexdefWarning, match="2 of the files in .* could not be loaded"):
        loaded = lexdef.Corpus.load(corpus_dir)
    assert len(loaded) == 32
    errors = {Path(error.file).name: error for error in loaded.errors}
    assert set(errors) == {"BAD-UTF8.txt", "EMPTY.txt"}
    assert (errors["BAD-UTF8.txt"].line, errors["BAD-UTF8.txt"].column) == (3, 13)
    assert "invalid UTF-8" in errors["BAD-UTF8.txt"].message and errors["BAD-UTF8.txt"].severity == "error"
    assert loaded.errors.to_records()[0].keys() == {"severity", "file", "line", "column", "kind", "message"}
    with pytest.raises(lexdef.CorpusError, match="2 of its files could not be loaded") as raised:
        lexdef.Corpus.load(corpus_dir, strict=True)
    # The error points at the first bad byte.
    assert raised.value.file is not None and raised.value.file.endswith("BAD-UTF8.txt")
    assert (raised.value.line, raised.value.column) == (3, 13)


def test_a_clean_directory_loads_without_warning(corpus_dir: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        loaded = lexdef.Corpus.load(str(corpus_dir.parent))
    assert loaded.ids == lexdef.Corpus.bundled().ids


def test_a_missing_directory_is_a_corpus_error_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    with pytest.raises(lexdef.CorpusError) as raised:
        lexdef.Corpus.load(missing)
    assert raised.value.file == str(missing) and raised.value.line is None


def test_words_of_cambodias_purpose_list_that_lexdef_cannot_read_are_said(corpus: lexdef.Corpus) -> None:
    model = corpus.model("KH-LSHTSE-2008")
    unread = [evidence.text for evidence in model.unrecognised]
    assert "sexual aggression" in unread
    assert all(evidence.eid == "art_10" and evidence.line > 0 for evidence in model.unrecognised)
    assert model.state("purpose.sexual_exploitation") == "not_found"
    palermo = corpus.model(PALERMO)
    assert palermo.unrecognised == []


def test_a_typo_in_an_element_id_is_an_error_never_absent(corpus: lexdef.Corpus) -> None:
    model = corpus.model("MM-ATIPL-2005")
    with pytest.raises(lexdef.QueryError, match="did you mean `means.abuse_of_vulnerability`"):
        model.state("means.vulnerability")
    with pytest.raises(lexdef.QueryError, match="did you mean `act.recruitment`"):
        model.state("act.recruitement")
    for wrong in ["totally_made_up", ""]:
        with pytest.raises(lexdef.QueryError, match="an element id of the lexicon"):
            model.state(wrong)
    # Real ids still answer, present or absent as the law says.
    assert model.state("act.recruitment") == "present"
    assert model.state("purpose.begging") == "not_found"  # the text is partial


def test_instrument_ids_complete_in_ipython(corpus: lexdef.Corpus) -> None:
    assert corpus._ipython_key_completions_() == corpus.ids
    assert "PH-RA9208-2003" in corpus._ipython_key_completions_()


def cli() -> Path | None:
    """The lexdef binary built last (`cargo test` builds the debug one before pytest runs)."""
    built = [binary for binary in (REPOSITORY / "target" / build / "lexdef" for build in ["debug", "release"]) if binary.exists()]
    return max(built, key=lambda binary: binary.stat().st_mtime, default=None)


def test_a_comparison_as_text_is_what_the_cli_prints(corpus: lexdef.Corpus) -> None:
    comparison = corpus.compare("MM-ATIPL-2005")
    text = comparison.to_text()
    assert text.startswith("Definitions of trafficking_in_persons compared with")
    assert "MM-ATIPL-2005" in text and "INTL-PALERMO-2000" in text
    shown = [divergence for divergence in comparison.divergences if divergence.kind != "wording_variance" and divergence.certain]
    assert shown
    assert all(divergence.summary in text for divergence in shown)
    binary = cli()
    if binary is None:
        pytest.skip("the lexdef binary is not built (cargo build -p lexdef-cli)")
    for arguments, expected in [([], text), (["--wording"], comparison.to_text(wording=True))]:
        run = subprocess.run([str(binary), "compare", "MM-ATIPL-2005", *arguments], capture_output=True, text=True, check=False)
        assert run.stdout == expected
