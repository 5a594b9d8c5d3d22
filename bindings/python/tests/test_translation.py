"""The translation check from Python: one row per finding, with the words of both texts,
on the curated corpus's pairs (what the team's annotations of both texts agree on)."""

from __future__ import annotations

import pandas

import lexdef

COLUMNS = [
    "original",
    "translation",
    "kind",
    "id",
    "verdict",
    "original_value",
    "translation_value",
    "original_words",
    "translation_words",
    "original_eid",
    "translation_eid",
    "reason",
]


def rows(frame: pandas.DataFrame, translation: str) -> pandas.DataFrame:
    return frame[frame.translation == translation].set_index("id")


def test_one_row_per_finding_with_both_texts_words(corpus: lexdef.Corpus) -> None:
    check = corpus.translation_check()
    frame = check.to_pandas()
    assert list(frame.columns) == COLUMNS
    assert len(frame) == sum(len(pair) for pair in check.pairs) == len(check.findings)
    assert set(frame.verdict) <= {"agrees", "more", "less", "differs", "cannot_say"}
    assert set(frame.kind) == {"element", "qualifier"}

    penal = rows(frame, "VN-PENAL-2015")
    recruitment = penal.loc["act.recruitment"]
    assert recruitment.verdict == "agrees"
    assert (recruitment.original_words, recruitment.original_eid) == ("Tuyển mộ", "art_151__para_1__subpara_c")
    assert (recruitment.translation_words, recruitment.translation_eid) == ("Recruiting", "art_151__para_1__subpara_c")
    assert pandas.isna(recruitment.reason)
    age = penal.loc["child_age"]
    # A frame writes both sides as in the JSON report (a state, `16`, `true`): one text column.
    assert (age.verdict, age.original_value, age.translation_value) == ("agrees", "16", "16")
    assert age.original_words == "dưới 16 tuổi"
    # The means of Article 150 of the translation: the Vietnamese holds Điều 151 only.
    deception = penal.loc["means.deception"]
    assert deception.verdict == "cannot_say"
    assert pandas.isna(deception.original_words) and deception.original_value == "not_found"
    assert (deception.translation_words, deception.translation_eid) == ("deceives", "art_150__para_1")
    assert deception.reason.startswith("the original's text does not settle it: ")

    indonesian = rows(frame, "ID-LAW21-2007")
    sending = indonesian.loc["act.sending"]
    assert (sending.verdict, sending.original_words, sending.translation_words) == ("agrees", "pengiriman", "sending")
    prostitution = indonesian.loc["purpose.prostitution"]
    assert (prostitution.verdict, prostitution.original_words, prostitution.original_eid) == ("cannot_say", "pelacuran", "art_1__para_7")
    assert prostitution.translation_value == "not_found"
    assert prostitution.reason.startswith("the translation's text does not settle it: the text of `art_1__para_1` is incomplete")

    # No pair of the curated corpus departs where both texts are read.
    assert not frame.verdict.isin(["more", "less", "differs"]).any(), frame[frame.verdict.isin(["more", "less", "differs"])]


def test_pairs_say_where_they_agree_and_what_could_not_be_read(corpus: lexdef.Corpus) -> None:
    check = corpus.translation_check()
    assert [(pair.original, pair.translation) for pair in check.pairs][:1] == [("ID-LAW21-2007-orig", "ID-LAW21-2007")]
    law_53 = check.pair("VN-LAW53-2024-orig", "VN-LAW53-2024")
    assert law_53.agrees
    assert law_53.summary.startswith(f"the translation and the original agree on every element read: {law_53.counts['agrees']} elements")
    assert (law_53.original_language, law_53.translation_language) == ("vi", "en")
    lao = check.pair("LA-LAHT-2015-orig", "LA-LAHT-2015")
    assert not lao.agrees
    assert lao.not_read == {"translation": "the translation could not be read: the text of the instrument was not found; the corpus holds only its metadata"}
    assert {finding.verdict for finding in lao.findings} == {"cannot_say"}
    thai = check.pair("TH-ATIPA-2008-orig", "TH-ATIPA-2008")
    assert thai.agrees and not thai.not_read
    buying = next(finding for finding in thai.findings if finding.id == "act.buying")
    assert (buying.verdict, buying.original_evidence[0].text, buying.translation_evidence[0].text) == ("agrees", "ซื้อ", "buying")
    assert "VN-PENAL-2015, translation of VN-PENAL-2015-orig" in check.to_text().replace(" (en)", "").replace(" (vi)", "")
    html = check._repr_html_()
    assert html.startswith('<div class="lexdef">') and "“Tuyển mộ” <code>art_151__para_1__subpara_c</code>" in html
    assert corpus.report().translation == check


def test_an_unreadable_original_gives_cannot_say(tmp_path) -> None:  # type: ignore[no-untyped-def]
    header = """+++
id = "{id}"
title = "{id}"
short_title = "{id}"
jurisdiction = "KH"
kind = "act"
adopted = "2020-01-31"

[language]
code = "{language}"
status = "{status}"

[completeness]
status = "complete"
included = ["s 1"]

[[sources]]
key = "gazette"
url = "https://example.org/gazette"
description = "the Gazette"

[[relations]]
kind = "{kind}"
target = "{target}"
+++
{{{{source: gazette}}}}
"""
    english = 'Section 1. Interpretation\nIn this Act—\n"trafficking in persons" means the recruitment, transportation or harbouring of a person, by means of the threat or use of force, for the purpose of exploitation;\n"exploitation" includes forced labour and slavery.\n'
    khmer = "មាត្រា ១\nការជួញដូរមនុស្ស សំដៅដល់ការជ្រើសរើស ការដឹកជញ្ជូន ការផ្ទេរ។\n"
    (tmp_path / "XX-KH-orig.txt").write_text(header.format(id="XX-KH-orig", language="km", status="official", kind="original_of", target="XX-KH") + khmer, encoding="utf-8")
    (tmp_path / "XX-KH.txt").write_text(header.format(id="XX-KH", language="en", status="translation", kind="translation_of", target="XX-KH-orig") + english, encoding="utf-8")
    corpus = lexdef.Corpus.load(tmp_path, strict=True)
    check = corpus.translation_check()
    pair = check.pair("XX-KH-orig", "XX-KH")
    assert pair.not_read == {"original": "the original could not be read: the text is in `km`, which the lexicon does not cover yet"}
    frame = pair.to_pandas()
    assert len(frame) >= 6
    assert set(frame.verdict) == {"cannot_say"}, frame
    assert (frame.reason == pair.not_read["original"]).all()
    harbouring = frame.set_index("id").loc["act.harbouring"]
    assert harbouring.translation_words == "harbouring" and pandas.isna(harbouring.original_words)
