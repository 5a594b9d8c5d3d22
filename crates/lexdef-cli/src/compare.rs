//! `lexdef compare` and `lexdef report`: the divergence engine's findings, rendered.

use std::io;

use lexdef::{Analysis, ChecklistComparison, ConceptId, Corpus, Lexicon, ProtectionVocabulary, Report, Study};

use crate::args::{CompareCommand, ReportCommand, ReportFormat};
use crate::definitions::resolve_marked;
use crate::{diagnostics, output, Outcome};

fn concept(name: &str, lexicon: &Lexicon) -> Option<ConceptId> {
    lexicon.concept(name).map_err(|error| diagnostics::error(&error)).ok()
}

/// The study of `corpus` against the baseline named, or `None` once the reason is shown.
fn study<'c>(corpus: &'c Corpus, lexicon: &'c Lexicon, concept: ConceptId, baseline: &str) -> Option<Study<'c>> {
    Study::new(corpus, lexicon, concept).with_baseline(baseline).map_err(|error| diagnostics::error(&error)).ok()
}

fn render(report: &Report, analyses: &[&Analysis], format: ReportFormat) -> String {
    match format {
        ReportFormat::Text => report.to_text(),
        ReportFormat::Json => output::rendered_json(&report.to_json()).into_owned(),
        ReportFormat::Md => report.to_markdown(),
        ReportFormat::Csv => report.to_csv(),
        ReportFormat::Html => report.to_html(analyses),
    }
}

/// The baseline instrument a `--baseline` names for the protection checklist.
fn protection_baseline(name: &str) -> &str {
    match name.to_ascii_lowercase().as_str() {
        "palermo" => "INTL-PALERMO-2000",
        "actip" => "ASEAN-ACTIP-2015",
        "coe" | "warsaw" => "COE-CATHB-2005",
        _ => name,
    }
}

/// `lexdef compare SUBJECT --concept protection`: the subject's protection checklist against
/// the baseline's, item by item.
fn run_compare_protection(command: &CompareCommand) -> io::Result<Outcome> {
    let lexicon = Lexicon::bundled();
    let vocabulary = ProtectionVocabulary::bundled();
    let corpus = Corpus::bundled();
    let Ok(baseline) =
        corpus.require(protection_baseline(&command.baseline)).map_err(|error| diagnostics::error(&error))
    else {
        return Ok(Outcome::InputError);
    };
    let Ok(subject) = resolve_marked(&command.subject, command.partial) else { return Ok(Outcome::InputError) };
    let comparison =
        ChecklistComparison::new(&vocabulary.read(&subject, &lexicon), &vocabulary.read(baseline, &lexicon));
    let text = match command.format {
        ReportFormat::Text => comparison.to_text(),
        ReportFormat::Json => output::rendered_json(&comparison.to_json()).into_owned(),
        ReportFormat::Md => comparison.to_markdown(),
        ReportFormat::Csv => comparison.to_csv(),
        ReportFormat::Html => comparison.to_html(),
    };
    output::to_stdout(|out| out.write_all(text.as_bytes()))?;
    Ok(Outcome::Clean)
}

pub(crate) fn run_compare(command: &CompareCommand) -> io::Result<Outcome> {
    if command.concept == "protection" {
        if command.at.is_some() {
            eprintln!("error: --at is not available with --concept protection: the protection checklist reads the corpus as it is");
            return Ok(Outcome::InputError);
        }
        return run_compare_protection(command);
    }
    let lexicon = Lexicon::bundled();
    let Some(concept) = concept(&command.concept, &lexicon) else { return Ok(Outcome::InputError) };
    let corpus = match &command.at {
        // (The baseline as it stood that day; what the day leaves open about the subject is
        // said below, and the rest of the corpus is not compared.)
        Some(day) => match Corpus::bundled().at(day) {
            Ok((corpus, _)) => corpus,
            Err(error) => {
                diagnostics::error(&error);
                return Ok(Outcome::InputError);
            }
        },
        None => Corpus::bundled(),
    };
    let subject = match &command.at {
        Some(day) if !std::path::Path::new(&command.subject).is_file() => {
            let Ok(version) = crate::timeline::version_at(&Corpus::bundled(), &command.subject, day) else {
                return Ok(Outcome::InputError);
            };
            version.instrument
        }
        _ => {
            let Ok(subject) = resolve_marked(&command.subject, command.partial) else { return Ok(Outcome::InputError) };
            subject
        }
    };
    let Some(study) = study(&corpus, &lexicon, concept, &command.baseline) else { return Ok(Outcome::InputError) };
    let subject = study.analyse(&subject);
    subject.warnings.iter().for_each(diagnostics::warning);
    let comparison = study.compare(&subject);
    let report = if !command.wording && matches!(command.format, ReportFormat::Text | ReportFormat::Md) {
        comparison.report_without_wording()
    } else {
        comparison.report
    };
    let baseline = study.baseline().expect("the study was given a baseline");
    let text = render(&report, &[&subject, baseline], command.format);
    output::to_stdout(|out| out.write_all(text.as_bytes()))?;
    Ok(Outcome::Clean)
}

pub(crate) fn run_report(command: &ReportCommand) -> io::Result<Outcome> {
    let lexicon = Lexicon::bundled();
    let Some(concept) = concept(&command.concept, &lexicon) else { return Ok(Outcome::InputError) };
    let Ok(corpus) = crate::definitions::corpus(command.corpus.as_deref()) else { return Ok(Outcome::InputError) };
    let corpus = match &command.at {
        Some(day) => {
            let Ok(corpus) = crate::timeline::corpus_at(&corpus, day) else { return Ok(Outcome::InputError) };
            corpus
        }
        None => corpus,
    };
    let mut outcome = Outcome::Clean;
    for problem in corpus.errors() {
        diagnostics::message(&problem.message, problem.location.as_ref());
        outcome = Outcome::InputError;
    }
    let Some(study) = study(&corpus, &lexicon, concept, &command.baseline) else { return Ok(Outcome::InputError) };
    let report = study.report();
    let text = if command.summary && command.format == ReportFormat::Text {
        report.summary_text()
    } else if command.translation && command.format == ReportFormat::Text {
        report.translation_text()
    } else if command.translation && command.format == ReportFormat::Md {
        report.translation_markdown()
    } else {
        render(&report, &study.analyses_and_baseline(), command.format)
    };
    // The day the report is of heads it, where a person reads it.
    let text = match (&command.at, command.format) {
        (Some(day), ReportFormat::Text) => format!(
            "As the corpus stood on {day}: amendments made by then applied, instruments made later left out (the notes above say what the day leaves open).\n\n{text}"
        ),
        (Some(day), ReportFormat::Md) => format!(
            "*As the corpus stood on {day}: amendments made by then applied, instruments made later left out.*\n\n{text}"
        ),
        _ => text,
    };
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
