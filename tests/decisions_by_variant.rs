//! No decision depends on the words of a message: every reason and basis of every model of
//! the corpus (and of the drafting set) is reworded, and the comparison's findings — kind,
//! element, qualifier, direction, severity, whether certain — and the report's "not compared"
//! list stay the same. The words are for people; decisions match the typed `Reason`.

use lexdef::{compare, Confidence, Divergence, Lexicon, Report, TermModel};
use lexdef_workspace_tests::bundled_report;

const REWORDED: &str = "reworded: this message says nothing a decision could read";

fn reworded(model: &TermModel) -> TermModel {
    let mut model = model.clone();
    for item in &mut model.not_found {
        item.reason = REWORDED.to_owned();
    }
    for qualifier in model.qualifiers.values_mut() {
        if qualifier.basis.is_some() {
            qualifier.basis = Some(REWORDED.to_owned());
        }
    }
    model
}

/// What a finding decides, without its words.
fn decisions(findings: &[Divergence]) -> Vec<String> {
    findings
        .iter()
        .map(|finding| {
            format!(
                "{:?} {:?} {:?} {:?} {:?} {}",
                finding.kind,
                finding.element,
                finding.qualifier,
                finding.direction,
                finding.severity,
                matches!(finding.confidence, Confidence::Certain)
            )
        })
        .collect()
}

#[test]
fn rewording_every_message_changes_no_finding() {
    let lexicon = Lexicon::bundled();
    let concept = "trafficking_in_persons".parse().expect("a concept id");
    let (report, analyses) = bundled_report();
    let baseline =
        analyses.iter().find(|analysis| analysis.instrument.id.as_str() == "INTL-PALERMO-2000").expect("the Protocol");
    let mut compared = 0;
    for analysis in &analyses {
        let original = decisions(&compare(&analysis.model, &baseline.model));
        let changed = decisions(&compare(&reworded(&analysis.model), &reworded(&baseline.model)));
        assert_eq!(original, changed, "{}: a finding changed when only messages were reworded", analysis.instrument.id);
        compared += original.len();
    }
    assert!(compared > 100, "the corpus gives many findings to compare: {compared}");

    // The report's entries: which are compared, and their counts.
    let mut reworded_analyses = analyses.clone();
    for analysis in &mut reworded_analyses {
        analysis.model = reworded(&analysis.model);
    }
    let reworded_baseline = reworded_analyses
        .iter()
        .find(|analysis| analysis.instrument.id.as_str() == "INTL-PALERMO-2000")
        .expect("the Protocol");
    let reworded_report = Report::from_analyses(&reworded_analyses, reworded_baseline, &lexicon, &concept);
    let shape = |report: &Report| -> Vec<(String, bool, usize, usize)> {
        report
            .instruments
            .iter()
            .map(|entry| {
                (
                    entry.instrument.to_string(),
                    entry.not_compared.is_some(),
                    entry.findings.len(),
                    entry.counts.uncertain,
                )
            })
            .collect()
    };
    assert_eq!(shape(&report), shape(&reworded_report));
    assert!(report.instruments.iter().any(|entry| entry.not_compared.is_some()), "the corpus has texts it cannot read");
}
