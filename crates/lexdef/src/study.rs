//! A study: one comparison run — a corpus read with a lexicon for one concept, compared with
//! one baseline. It resolves its inputs once and keeps what it computed: every instrument is
//! analysed at most once, on first use, and the baseline's analysis is the corpus's own. The
//! CLI, the Python bindings and `lexdef check` all run their comparisons through it.

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Serialize};

use crate::compare::{compare, Divergence, DivergenceKind};
use crate::corpus::Corpus;
use crate::error::{Error, Result};
use crate::ids::ConceptId;
use crate::instrument::Instrument;
use crate::lexicon::Lexicon;
use crate::report::{translations_among, Analysis, Matrix, Report};
use crate::translation::{check_pairs, translation_pairs, TranslationCheck};

/// A corpus read with a lexicon for one concept, and the baseline its instruments are
/// compared with.
///
/// Analyses are made lazily, once each, and shared by the studies made from this one with
/// [`Study::with_baseline`]: asking for a report against two baselines reads the corpus once.
/// A study can be shared between threads; each analysis is made by the first thread that
/// needs it, and the results do not depend on which one that is.
///
/// ```
/// use lexdef::{Corpus, Lexicon, Study};
///
/// let corpus = Corpus::bundled();
/// let lexicon = Lexicon::bundled();
/// let study = Study::new(&corpus, &lexicon, lexicon.concept("trafficking_in_persons")?).with_baseline("palermo")?;
/// let report = study.report();
/// assert_eq!(report.baseline.as_str(), "INTL-PALERMO-2000");
/// let comparison = study.compare(study.analysis("TH-ATIPA-2008")?);
/// assert_eq!(comparison.report.instruments[0].findings, comparison.divergences);
/// # Ok::<(), lexdef::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Study<'c> {
    corpus: &'c Corpus,
    lexicon: &'c Lexicon,
    concept: ConceptId,
    /// One cell per instrument of the corpus, by id, filled on first use.
    analyses: Arc<BTreeMap<&'c str, OnceLock<Analysis>>>,
    baseline: Option<Baseline>,
}

/// Where a study's baseline is.
#[derive(Debug, Clone)]
enum Baseline {
    /// An instrument of the corpus, by id: its analysis is the corpus's.
    Corpus(String),
    /// A text outside the corpus (a drafter's), analysed when given.
    Outside(Arc<Analysis>),
}

/// One subject compared with a study's baseline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// Every divergence of the subject from the baseline, wording variances included; where
    /// the subject was not read for the concept, the one that says it has no definition.
    pub divergences: Vec<Divergence>,
    /// The report of the subject alone: its entry, whose findings are the divergences above
    /// unless the subject was not read for the concept (or is the baseline itself), and the
    /// matrix rows of the subject and the baseline.
    pub report: Report,
}

impl Comparison {
    /// The report, its wording variances left out (different words for the same element
    /// change nothing): what `lexdef compare` prints as text or Markdown unless asked for
    /// them.
    pub fn report_without_wording(&self) -> Report {
        let mut report = self.report.clone();
        for entry in &mut report.instruments {
            entry.findings.retain(|finding| finding.kind != DivergenceKind::WordingVariance);
        }
        report
    }
}

impl<'c> Study<'c> {
    /// A study of `corpus` read with `lexicon` for `concept`, with no baseline yet: enough for
    /// analyses and the matrix; [`Study::with_baseline`] gives one to compare with.
    pub fn new(corpus: &'c Corpus, lexicon: &'c Lexicon, concept: ConceptId) -> Study<'c> {
        let analyses = corpus.instruments().map(|instrument| (instrument.id.as_str(), OnceLock::new())).collect();
        Study { corpus, lexicon, concept, analyses: Arc::new(analyses), baseline: None }
    }

    /// This study compared with the instrument a baseline name stands for: `palermo` (or `un`,
    /// `protocol`), `actip`, or an instrument id. The analyses made so far are shared.
    ///
    /// A baseline must define the concept in the text the corpus holds: ACTIP's articles are
    /// not in the corpus yet, so `actip` is refused, plainly, rather than replaced by another
    /// text.
    pub fn with_baseline(&self, name: &str) -> Result<Study<'c>> {
        const NAMES: [(&str, &str); 4] = [
            ("palermo", "INTL-PALERMO-2000"),
            ("un", "INTL-PALERMO-2000"),
            ("protocol", "INTL-PALERMO-2000"),
            ("actip", "ASEAN-ACTIP-2015"),
        ];
        let lower = name.to_ascii_lowercase();
        let id = NAMES.iter().find(|(short, _)| *short == lower).map_or(name, |(_, id)| id);
        let analysis = self.analysis(id).map_err(|error| match error {
            // `palermo2`: the short names a baseline may be given by are suggested too.
            Error::UnknownInstrument { id, mut suggestions } => {
                for (short, _) in NAMES {
                    if short.len() > 2
                        && strsim::damerau_levenshtein(short, &lower) <= 2
                        && !suggestions.iter().any(|s| s == short)
                    {
                        suggestions.insert(0, short.to_owned());
                    }
                }
                Error::UnknownInstrument { id, suggestions }
            }
            other => other,
        })?;
        if analysis.model.definition.is_none() {
            let concept = &self.concept;
            let reason = analysis
                .model
                .not_found
                .first()
                .map_or_else(|| "it defines nothing".to_owned(), |item| item.reason.clone());
            return Err(Error::InvalidValue {
                what: "baseline",
                value: name.to_owned(),
                expected: format!(
                    "an instrument whose definition of {concept} is in the corpus; {id} has none ({reason}){}",
                    if id == "ASEAN-ACTIP-2015" {
                        ": ACTIP's article 2 has not been found yet; compare with `palermo`, whose Article 3 ACTIP's article 2 mirrors"
                    } else {
                        ""
                    }
                ),
            });
        }
        let baseline = Baseline::Corpus(analysis.instrument.id.to_string());
        Ok(Study { baseline: Some(baseline), ..self.clone() })
    }

    /// This study compared with a text outside the corpus (a drafter's), analysed here once.
    /// It is taken as given, whether or not it defines the concept.
    pub fn with_baseline_instrument(&self, instrument: &Instrument) -> Study<'c> {
        let baseline = Baseline::Outside(Arc::new(self.analyse(instrument)));
        Study { baseline: Some(baseline), ..self.clone() }
    }

    /// The corpus.
    pub fn corpus(&self) -> &'c Corpus {
        self.corpus
    }

    /// The lexicon.
    pub fn lexicon(&self) -> &'c Lexicon {
        self.lexicon
    }

    /// The concept compared.
    pub fn concept(&self) -> &ConceptId {
        &self.concept
    }

    /// The analysis of the corpus instrument `id`, made on first use.
    pub fn analysis(&self, id: &str) -> Result<&Analysis> {
        let instrument = self.corpus.require(id)?;
        let cell = self.analyses.get(id).expect("a study has a cell for every instrument of its corpus");
        Ok(cell.get_or_init(|| self.analyse(instrument)))
    }

    /// The analysis of every instrument of the corpus, by id.
    pub fn analyses(&self) -> impl Iterator<Item = &Analysis> {
        self.corpus.instruments().map(|instrument| {
            self.analysis(instrument.id.as_str()).expect("every instrument of the corpus is in its study")
        })
    }

    /// Make the analyses of the corpus not made yet, on `threads` threads at once, each taking
    /// the next instrument in id order; `progress` is told, after each, how many of the
    /// corpus's analyses are made and how many there are. An analysis depends only on its
    /// instrument, the lexicon and the concept, so what is made is what one thread would make,
    /// whichever thread makes it; this only spends the machine's cores on a large corpus
    /// (`lexdef check`) before the analyses are read in order.
    pub fn analyse_all(&self, threads: usize, progress: &(dyn Fn(usize, usize) + Sync)) {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let ids: Vec<&str> = self.analyses.keys().copied().collect();
        let (next, made) = (AtomicUsize::new(0), AtomicUsize::new(0));
        std::thread::scope(|scope| {
            for _ in 0..threads.clamp(1, ids.len().max(1)) {
                scope.spawn(|| {
                    while let Some(id) = ids.get(next.fetch_add(1, Ordering::Relaxed)) {
                        self.analysis(id).expect("every instrument of the corpus is in its study");
                        progress(made.fetch_add(1, Ordering::Relaxed) + 1, ids.len());
                    }
                });
            }
        });
    }

    /// The analysis of a text outside the corpus (a drafter's), not kept.
    pub fn analyse(&self, instrument: &Instrument) -> Analysis {
        Analysis::of(instrument, self.lexicon, &self.concept)
    }

    /// The baseline's analysis, if the study has a baseline.
    pub fn baseline(&self) -> Option<&Analysis> {
        match self.baseline.as_ref()? {
            Baseline::Corpus(id) => {
                Some(self.analysis(id).expect("a baseline of the corpus was found in it when the study was given it"))
            }
            Baseline::Outside(analysis) => Some(analysis),
        }
    }

    /// Every analysis of the corpus, then the baseline's where it is outside the corpus: what
    /// a report's HTML shows the words of.
    pub fn analyses_and_baseline(&self) -> Vec<&Analysis> {
        let mut shown: Vec<&Analysis> = self.analyses().collect();
        if let Some(Baseline::Outside(analysis)) = &self.baseline {
            shown.push(analysis);
        }
        shown
    }

    /// Compare one subject (an analysis of the corpus, or of a text outside it) with the
    /// baseline: the divergences are computed once, for the list and the report alike.
    ///
    /// # Panics
    ///
    /// When the study has no baseline ([`Study::with_baseline`] gives one).
    pub fn compare(&self, subject: &Analysis) -> Comparison {
        let baseline = self.required_baseline();
        let divergences = compare(&subject.model, &baseline.model);
        // A translation compared with its original (or the other way) is also checked as one.
        let translation = translations_among(&[subject, baseline]);
        let report = Report::with_divergences(&[subject], baseline, self.lexicon, &self.concept, translation, |_| {
            divergences.clone()
        });
        Comparison { divergences, report }
    }

    /// Every instrument of the corpus compared with the baseline.
    ///
    /// # Panics
    ///
    /// When the study has no baseline ([`Study::with_baseline`] gives one).
    pub fn report(&self) -> Report {
        let baseline = self.required_baseline();
        let analyses: Vec<&Analysis> = self.analyses().collect();
        let translation = self.translation_check().pairs;
        Report::with_divergences(&analyses, baseline, self.lexicon, &self.concept, translation, |analysis| {
            compare(&analysis.model, &baseline.model)
        })
    }

    /// Every original-language text of the corpus checked against its translation, for the
    /// pairs the instruments' `translation_of` / `original_of` relations name (in either
    /// direction, each once): element by element and qualifier by qualifier, with the words
    /// of both texts side by side. A relation that names an instrument the corpus does not
    /// hold is a pair too, said to be so. It needs no baseline.
    ///
    /// ```
    /// use lexdef::{Corpus, Lexicon, Study, Verdict};
    ///
    /// let corpus = Corpus::bundled();
    /// let lexicon = Lexicon::bundled();
    /// let study = Study::new(&corpus, &lexicon, lexicon.concept("trafficking_in_persons")?);
    /// let check = study.translation_check();
    /// let pair = check.pair("VN-LAW53-2024-orig", "VN-LAW53-2024").expect("the Vietnamese law and its translation");
    /// let recruitment = pair.findings.iter().find(|finding| finding.id() == "act.recruitment").expect("both name it");
    /// assert_eq!(recruitment.verdict, Verdict::Agrees);
    /// assert_eq!(recruitment.in_original.evidence[0].text, "tuyển mộ");
    /// assert_eq!(recruitment.in_translation.evidence[0].text, "recruiting");
    /// # Ok::<(), lexdef::Error>(())
    /// ```
    pub fn translation_check(&self) -> TranslationCheck {
        let pairs = translation_pairs(self.corpus.instruments());
        let pairs = check_pairs(&pairs, |id| self.analysis(id.as_str()).ok().map(|analysis| &analysis.model));
        TranslationCheck { concept: self.concept.to_string(), pairs }
    }

    /// Every instrument × the elements of the baseline's definition or, without a baseline,
    /// every element of the lexicon (see [`Matrix::of`]).
    pub fn matrix(&self) -> Matrix {
        let models: Vec<_> = self.analyses().map(|analysis| &analysis.model).collect();
        Matrix::of(&models, self.baseline().map(|baseline| &baseline.model), self.lexicon)
    }

    fn required_baseline(&self) -> &Analysis {
        self.baseline().expect("a study compares only once given a baseline (Study::with_baseline)")
    }
}

/// How much work this thread has done: tests count it to show that a study does each piece
/// of work once.
#[cfg(test)]
pub(crate) mod work {
    use std::cell::Cell;
    use std::thread::LocalKey;

    thread_local! {
        /// Calls of [`crate::Analysis::of`].
        pub(crate) static ANALYSES: Cell<usize> = const { Cell::new(0) };
        /// Calls of [`crate::compare`].
        pub(crate) static COMPARISONS: Cell<usize> = const { Cell::new(0) };
    }

    /// Count one piece of work.
    pub(crate) fn count(counter: &'static LocalKey<Cell<usize>>) {
        counter.with(|count| count.set(count.get() + 1));
    }

    /// How many of a kind this thread has done so far.
    pub(crate) fn done(counter: &'static LocalKey<Cell<usize>>) -> usize {
        counter.with(Cell::get)
    }
}

#[cfg(test)]
mod tests {
    use super::work::{done, ANALYSES, COMPARISONS};
    use super::*;

    fn concept() -> ConceptId {
        "trafficking_in_persons".parse().expect("a concept id")
    }

    #[test]
    fn a_report_analyses_every_instrument_once_the_baseline_included() {
        let corpus = Corpus::bundled();
        let lexicon = Lexicon::bundled();
        let before = done(&ANALYSES);
        let study = Study::new(&corpus, &lexicon, concept()).with_baseline("palermo").expect("the Protocol");
        assert_eq!(done(&ANALYSES) - before, 1, "resolving the baseline reads the Protocol, and only it");
        let report = study.report();
        study.report();
        study.matrix();
        assert_eq!(done(&ANALYSES) - before, corpus.len(), "the baseline's analysis is the one the corpus made");
        assert_eq!(report.instruments.len(), corpus.len() - 1);
        let baseline = study.baseline().expect("a baseline");
        assert!(std::ptr::eq(baseline, study.analysis("INTL-PALERMO-2000").expect("analysed")));
    }

    #[test]
    fn analyses_made_on_several_threads_are_those_made_on_one() {
        let corpus = Corpus::bundled();
        let lexicon = Lexicon::bundled();
        let one = Study::new(&corpus, &lexicon, concept()).with_baseline("palermo").expect("the Protocol");
        let several = Study::new(&corpus, &lexicon, concept()).with_baseline("palermo").expect("the Protocol");
        let told = std::sync::Mutex::new(Vec::new());
        several.analyse_all(3, &|made, total| told.lock().expect("not poisoned").push((made, total)));
        let mut told = told.into_inner().expect("not poisoned");
        told.sort();
        assert_eq!(told, (1..=corpus.len()).map(|made| (made, corpus.len())).collect::<Vec<_>>());
        for (left, right) in one.analyses().zip(several.analyses()) {
            assert_eq!(left.model, right.model, "{}", left.instrument.id);
            assert_eq!(left.definitions, right.definitions, "{}", left.instrument.id);
            assert_eq!(left.warnings, right.warnings, "{}", left.instrument.id);
        }
        assert_eq!(one.report().to_json(), several.report().to_json());
    }

    #[test]
    fn another_baseline_reuses_the_analyses_made() {
        let corpus = Corpus::bundled();
        let lexicon = Lexicon::bundled();
        let study = Study::new(&corpus, &lexicon, concept());
        study.analyses().count();
        let before = done(&ANALYSES);
        let singapore = study.with_baseline("SG-PHTA-2014").expect("Singapore defines trafficking");
        singapore.report();
        assert_eq!(done(&ANALYSES), before);
    }

    #[test]
    fn a_comparison_is_computed_once_for_the_divergences_and_the_report() {
        let corpus = Corpus::bundled();
        let lexicon = Lexicon::bundled();
        let study = Study::new(&corpus, &lexicon, concept()).with_baseline("palermo").expect("the Protocol");
        // A subject read for the concept, one that was not (no definition in the part seen),
        // and the baseline itself.
        for id in ["TH-ATIPA-2008", "ASEAN-ACTIP-2015", "INTL-PALERMO-2000"] {
            let subject = study.analysis(id).expect("bundled");
            let before = done(&COMPARISONS);
            let comparison = study.compare(subject);
            assert_eq!(done(&COMPARISONS) - before, 1, "{id}");
            assert_eq!(comparison.divergences, compare(&subject.model, &study.baseline().expect("a baseline").model));
            match comparison.report.instruments.as_slice() {
                [] => assert_eq!(id, "INTL-PALERMO-2000", "only the baseline has no entry against itself"),
                [entry] if entry.not_compared.is_some() => assert!(entry.findings.is_empty(), "{id}"),
                [entry] => assert_eq!(entry.findings, comparison.divergences, "{id}"),
                entries => panic!("{id}: one subject, {} entries", entries.len()),
            }
        }
    }

    #[test]
    fn a_text_outside_the_corpus_is_a_baseline_as_given() {
        let corpus = Corpus::bundled();
        let lexicon = Lexicon::bundled();
        let (draft, _) = Instrument::from_text(
            "draft.txt",
            "Section 1. Definitions\n(1) In this Act, \"trafficking in persons\" means the recruitment of a person by force for the purpose of exploitation.\n",
        )
        .expect("the draft reads");
        let study = Study::new(&corpus, &lexicon, concept()).with_baseline_instrument(&draft);
        assert_eq!(study.baseline().expect("a baseline").instrument.id, draft.id);
        let report = study.report();
        assert_eq!(report.instruments.len(), corpus.len());
        assert_eq!(study.analyses_and_baseline().len(), corpus.len() + 1);
    }

    #[test]
    fn a_baseline_without_a_definition_is_refused() {
        let corpus = Corpus::bundled();
        let lexicon = Lexicon::bundled();
        let study = Study::new(&corpus, &lexicon, concept());
        let message = study.with_baseline("actip").expect_err("ACTIP's article 2 is not in the corpus").to_string();
        assert!(
            message.contains("ASEAN-ACTIP-2015 has none") && message.contains("compare with `palermo`"),
            "{message}"
        );
        let message = study.with_baseline("XX-NONE").expect_err("not in the corpus").to_string();
        assert_eq!(message, "no instrument `XX-NONE` in the corpus");
        // A typo of a short name is told the name.
        let message = study.with_baseline("palermo2").expect_err("a typo").to_string();
        assert!(message.contains("(did you mean palermo"), "{message}");
        let message = study.with_baseline("Palremo").expect_err("a typo").to_string();
        assert!(message.contains("(did you mean palermo"), "{message}");
    }

    #[test]
    fn a_study_can_be_shared_between_threads() {
        fn shared<T: Send + Sync>() {}
        shared::<Study<'static>>();
    }
}
