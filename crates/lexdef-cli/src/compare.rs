//! `lexdef compare` and `lexdef report`: the divergence engine's findings, rendered.

use std::io;

use lexdef::{Analysis, ConceptId, Corpus, Lexicon, Report};

use crate::args::{CompareCommand, ReportCommand, ReportFormat};
use crate::definitions::resolve_marked;
use crate::{diagnostics, output, Outcome};

fn concept(name: &str, lexicon: &Lexicon) -> Option<ConceptId> {
    lexicon.concept(name).map_err(|error| diagnostics::error(&error)).ok()
}

fn render(report: &Report, analyses: &[&Analysis], format: ReportFormat) -> String {
    match format {
        ReportFormat::Text => report.to_text(),
        ReportFormat::Json => report.to_json(),
        ReportFormat::Md => report.to_markdown(),
        ReportFormat::Csv => report.to_csv(),
        ReportFormat::Html => report.to_html(analyses),
    }
}

pub(crate) fn run_compare(command: &CompareCommand) -> io::Result<Outcome> {
    let lexicon = Lexicon::bundled();
    let Some(concept) = concept(&command.concept, &lexicon) else { return Ok(Outcome::InputError) };
    let Ok(subject) = resolve_marked(&command.subject, command.partial) else { return Ok(Outcome::InputError) };
    let corpus = Corpus::bundled();
    let baseline = match lexdef::resolve_baseline(&corpus, &command.baseline, &lexicon, &concept) {
        Ok(baseline) => baseline,
        Err(error) => {
            diagnostics::error(&error);
            return Ok(Outcome::InputError);
        }
    };
    let subject_analysis = Analysis::of(&subject, &lexicon, &concept);
    subject_analysis.warnings.iter().for_each(diagnostics::warning);
    let baseline_analysis = Analysis::of(baseline, &lexicon, &concept);
    let mut report =
        Report::from_analyses(std::slice::from_ref(&subject_analysis), &baseline_analysis, &lexicon, &concept);
    if !command.wording && matches!(command.format, ReportFormat::Text | ReportFormat::Md) {
        for entry in &mut report.instruments {
            entry.findings.retain(|finding| finding.kind != lexdef::DivergenceKind::WordingVariance);
        }
    }
    let text = render(&report, &[&subject_analysis, &baseline_analysis], command.format);
    output::to_stdout(|out| out.write_all(text.as_bytes()))?;
    Ok(Outcome::Clean)
}

pub(crate) fn run_report(command: &ReportCommand) -> io::Result<Outcome> {
    let lexicon = Lexicon::bundled();
    let Some(concept) = concept(&command.concept, &lexicon) else { return Ok(Outcome::InputError) };
    let Ok(corpus) = crate::definitions::corpus(command.corpus.as_deref()) else { return Ok(Outcome::InputError) };
    let mut outcome = Outcome::Clean;
    for problem in corpus.errors() {
        diagnostics::message(&problem.message, problem.location.as_ref());
        outcome = Outcome::InputError;
    }
    let baseline = match lexdef::resolve_baseline(&corpus, &command.baseline, &lexicon, &concept) {
        Ok(baseline) => baseline,
        Err(error) => {
            diagnostics::error(&error);
            return Ok(Outcome::InputError);
        }
    };
    let analyses: Vec<Analysis> =
        corpus.instruments().map(|instrument| Analysis::of(instrument, &lexicon, &concept)).collect();
    let baseline_analysis = analyses
        .iter()
        .find(|analysis| analysis.instrument.id == baseline.id)
        .expect("the baseline is in the corpus")
        .clone();
    let report = Report::from_analyses(&analyses, &baseline_analysis, &lexicon, &concept);
    let references: Vec<&Analysis> = analyses.iter().collect();
    let text = render(&report, &references, command.format);
    match &command.output {
        Some(path) => {
            if let Err(source) = std::fs::write(path, text) {
                diagnostics::error(&lexdef::Error::Io { path: path.clone(), source });
                return Ok(Outcome::InputError);
            }
        }
        None => output::to_stdout(|out| out.write_all(text.as_bytes()))?,
    }
    Ok(outcome)
}
