//! The synthetic corpus of the scale benchmarks: corpora of any size made by varying the
//! real bundled instruments, with the elements each one's definition of trafficking must
//! yield known by construction — so the same data that measures lexdef at scale also checks
//! it. Used by `benches/scale.rs` and `benches/peer_side.rs`, and by the smoke test
//! `tests/synthetic_corpus.rs` (through `tests/support`).
//!
//! **Templates.** The bundled English instruments whose definition of trafficking is
//! complete in the corpus and coded by the team (`corpus/annotations/`, `model = true` and
//! `complete = true`): nine of them, in four drafting families. Their expected elements are
//! the team's coding, written by reading the law, not by running lexdef; lexdef agrees with
//! it on every one of them (`tests/corpus_annotations.rs`). Partial and original-language
//! texts are left out, because their models are `not_found` in part and "known by
//! construction" would not hold for them.
//!
//! **Variations**, drawn from a fixed-seed generator, each instrument from its own seed (so
//! instrument `i` is the same in a corpus of 40 and of 10,000):
//! - *renumbering*: every article and section number, and every number opening a line, is
//!   shifted by the same offset (1 to 40); numbers inside quoted amending text are kept;
//! - *synonyms*: the words of an element are replaced by another of the lexicon's forms for
//!   the same element (`transportation` → `conveying`, `abuse of power` → `abuse of
//!   authority`), or by their British or American spelling;
//! - *reordering*: the words of two elements of the same family in one provision change
//!   places (`recruitment, transportation` → `transportation, recruitment`);
//! - *dropping*: the words of up to two elements are removed with their list separator (or
//!   their whole list line), so those elements are expected absent;
//! - *adding*: up to two elements the definition lacks (`buying`, `intimidation`,
//!   `begging`, ...), in words the instrument does not use anywhere, are written into a
//!   list of their family, so they are expected present.
//!
//! Only words the team coded are edited, and only where the edit cannot be misread: an
//! element is dropped, swapped or moved only when its words overlap no other element's and
//! no form of it (folded as lexdef folds) occurs anywhere else in the definition's
//! provisions. Everything else of the template — metadata (with a new id and title and
//! without relations to other instruments), markers, gaps, the other provisions — is kept,
//! so each file is a real corpus file and the whole pipeline runs on it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::Deserialize;

/// The seed of the benchmark corpora.
pub const SEED: u64 = 0x5eed_1e7d_ef00_0008;

/// Extended elements the generator may add, with the words it writes for them: forms of the
/// lexicon that name one element wherever they stand.
const ADDABLE: &[(&str, &str)] = &[
    ("act.buying", "buying"),
    ("act.selling", "selling"),
    ("act.procuring", "procuring"),
    ("act.detaining", "detaining"),
    ("act.obtaining", "obtaining"),
    ("act.hiring", "hiring"),
    ("act.providing", "providing"),
    ("act.offering", "offering"),
    ("act.maintaining", "maintaining"),
    ("act.sending", "sending"),
    ("means.intimidation", "intimidation"),
    ("means.enticement", "enticement"),
    ("means.incarceration", "incarceration"),
    ("purpose.pornography", "pornography"),
    ("purpose.begging", "begging"),
    ("purpose.forced_marriage", "forced marriage"),
    ("purpose.armed_conflict", "armed conflict"),
    ("purpose.forced_criminality", "forced criminality"),
    ("purpose.sex_tourism", "sex tourism"),
];

/// British and American spellings the lexicon folds together.
const SPELLINGS: &[(&str, &str)] = &[("labour", "labor"), ("harbour", "harbor")];

/// A small fixed-seed generator (SplitMix64).
#[derive(Debug, Clone)]
pub struct Seeded(u64);

impl Seeded {
    /// A generator from `seed`.
    pub fn new(seed: u64) -> Seeded {
        Seeded(seed)
    }

    /// The next number.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number below `bound` (which must not be 0).
    pub fn below(&mut self, bound: usize) -> usize {
        (self.next_u64() % bound as u64) as usize
    }

    /// True one time in `times`.
    pub fn one_in(&mut self, times: usize) -> bool {
        self.below(times) == 0
    }
}

#[derive(Debug, Deserialize)]
struct AnnotationFile {
    instrument: String,
    #[serde(default)]
    definitions: Vec<AnnotatedDefinition>,
}

#[derive(Debug, Deserialize)]
struct AnnotatedDefinition {
    eid: String,
    #[serde(default)]
    model: bool,
    #[serde(default)]
    complete: bool,
    #[serde(default)]
    elements: Vec<AnnotatedElement>,
}

#[derive(Debug, Deserialize)]
struct AnnotatedElement {
    id: String,
    words: String,
    eid: String,
}

#[derive(Debug, Deserialize)]
struct LexiconFile {
    elements: Vec<LexiconElement>,
    #[serde(default)]
    compounds: Vec<LexiconCompound>,
}

#[derive(Debug, Deserialize)]
struct LexiconElement {
    id: String,
    forms: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct LexiconCompound {
    form: String,
    #[serde(default)]
    elements: Vec<String>,
    #[serde(default)]
    before_purpose: Vec<String>,
    #[serde(default)]
    after_purpose: Vec<String>,
}

/// The words of one coded element in a template: where they are in the file.
#[derive(Debug, Clone)]
struct Slot {
    element: String,
    /// Byte range in the file text; `None` where the words could not be placed (their
    /// provision holds a marker, or the words are not found in it).
    range: Option<(usize, usize)>,
    /// Index of the scope provision the words are in.
    provision: usize,
    /// Dropping, swapping or moving these words cannot be misread (see the module doc).
    editable: bool,
}

/// One real instrument the synthetic ones are varied from.
#[derive(Debug, Clone)]
struct Template {
    id: String,
    jurisdiction: String,
    file_text: String,
    /// Where the text (after the metadata block) starts in the file.
    body_start: usize,
    expected: BTreeSet<String>,
    slots: Vec<Slot>,
    /// The folded words of the whole text.
    words: Vec<String>,
}

/// What was done to a template to make one synthetic instrument.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Variations {
    /// The offset added to article and section numbers.
    pub renumbered_by: usize,
    /// How many numbers were changed.
    pub numbers: usize,
    /// Elements whose words were replaced by a synonym.
    pub synonyms: Vec<String>,
    /// Pairs of elements whose words changed places.
    pub reordered: Vec<(String, String)>,
    /// Elements whose words were removed.
    pub dropped: Vec<String>,
    /// Elements whose words were added.
    pub added: Vec<String>,
}

/// One generated corpus file and what its definition must yield.
#[derive(Debug, Clone)]
pub struct SyntheticInstrument {
    /// Its id (`PH-SYN-00042`), also its file name without `.txt`.
    pub id: String,
    /// The real instrument it was varied from.
    pub template: String,
    /// The whole file: metadata block and text.
    pub contents: String,
    /// The element ids its definition of trafficking names, by construction.
    pub expected: BTreeSet<String>,
    /// How it was made.
    pub variations: Variations,
}

/// A synthetic instrument whose extracted model is not what its construction says.
#[derive(Debug, Clone)]
pub struct Mismatch {
    /// The instrument.
    pub id: String,
    /// Its template.
    pub template: String,
    /// Expected and not extracted.
    pub missing: Vec<String>,
    /// Extracted and not expected.
    pub extra: Vec<String>,
    /// How it was made.
    pub variations: Variations,
}

impl std::fmt::Display for Mismatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} (from {}): missing {:?}, extra {:?}; variations {:?}",
            self.id, self.template, self.missing, self.extra, self.variations
        )
    }
}

/// Folded word sequences (as lexdef folds) of every form that names each element.
fn element_forms(lexicon: &LexiconFile) -> BTreeMap<String, Vec<Vec<String>>> {
    let fold = |form: &str| lexdef::tokens(form).into_iter().map(|token| token.folded).collect::<Vec<_>>();
    let mut forms: BTreeMap<String, Vec<Vec<String>>> = BTreeMap::new();
    for element in &lexicon.elements {
        forms.entry(element.id.clone()).or_default().extend(element.forms.iter().map(|form| fold(form)));
    }
    for compound in &lexicon.compounds {
        for id in compound.elements.iter().chain(&compound.before_purpose).chain(&compound.after_purpose) {
            forms.entry(id.clone()).or_default().push(fold(&compound.form));
        }
    }
    forms
}

/// Where the folded `phrase` occurs among `words`: byte ranges.
fn occurrences(words: &[lexdef::Token], phrase: &[String]) -> Vec<(usize, usize)> {
    if phrase.is_empty() || phrase.len() > words.len() {
        return Vec::new();
    }
    (0..=words.len() - phrase.len())
        .filter(|&start| {
            words[start..start + phrase.len()].iter().zip(phrase).all(|(word, wanted)| &word.folded == wanted)
        })
        .map(|start| (words[start].start, words[start + phrase.len() - 1].end))
        .collect()
}

fn contains_phrase(haystack: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|window| window == needle)
}

/// The synthetic corpus generator.
#[derive(Debug, Clone)]
pub struct Generator {
    templates: Vec<Template>,
    /// Element id → its lexicon forms as written.
    forms_written: BTreeMap<String, Vec<String>>,
    /// Element id → its forms folded (compounds included).
    forms_folded: BTreeMap<String, Vec<Vec<String>>>,
}

impl Generator {
    /// Read the templates from the bundled corpus and the team's annotations
    /// (`corpus/annotations/` under `workspace_root`), and the lexicon's forms.
    pub fn new(workspace_root: &Path) -> Generator {
        let lexicon_text = std::fs::read_to_string(workspace_root.join("crates/lexdef/data/lexicon.toml"))
            .expect("the bundled lexicon is readable");
        let lexicon: LexiconFile = toml::from_str(&lexicon_text).expect("the bundled lexicon parses");
        let forms_folded = element_forms(&lexicon);
        let forms_written =
            lexicon.elements.iter().map(|element| (element.id.clone(), element.forms.clone())).collect();
        let corpus = lexdef::Corpus::bundled();
        let mut paths: Vec<_> = std::fs::read_dir(workspace_root.join("corpus/annotations"))
            .expect("corpus/annotations is readable")
            .map(|entry| entry.expect("a directory entry").path())
            .filter(|path| path.extension().is_some_and(|extension| extension == "toml"))
            .collect();
        paths.sort();
        let mut templates = Vec::new();
        for path in paths {
            let text = std::fs::read_to_string(&path).expect("an annotation file is readable");
            let annotation: AnnotationFile = toml::from_str(&text).expect("an annotation file parses");
            let Some(definition) =
                annotation.definitions.iter().find(|definition| definition.model && definition.complete)
            else {
                continue;
            };
            let instrument = corpus.require(&annotation.instrument).expect("an annotated instrument is bundled");
            let metadata = instrument.metadata.as_ref().expect("a bundled instrument has metadata");
            if metadata.language.code != "en" {
                continue;
            }
            templates.push(Template::new(instrument, definition, &forms_folded));
        }
        assert!(!templates.is_empty(), "no template: no complete, coded English definition in the corpus");
        Generator { templates, forms_written, forms_folded }
    }

    /// The ids of the real instruments the synthetic ones are made from.
    pub fn templates(&self) -> Vec<&str> {
        self.templates.iter().map(|template| template.id.as_str()).collect()
    }

    /// Synthetic instrument number `index` of the corpus made with `seed`.
    pub fn instrument(&self, index: usize, seed: u64) -> SyntheticInstrument {
        let template = &self.templates[index % self.templates.len()];
        let mut random = Seeded::new(seed ^ (index as u64).wrapping_mul(0xa076_1d64_78bd_642f));
        let id = format!("{}-SYN-{index:05}", template.jurisdiction);
        let mut edits = Edits::default();
        let mut variations = Variations::default();
        let mut expected = template.expected.clone();

        edits.metadata(template, &id, index);
        let offset = 1 + random.below(40);
        variations.renumbered_by = offset;
        variations.numbers = edits.renumber(template, offset);

        let editable: Vec<usize> = (0..template.slots.len()).filter(|&slot| template.slots[slot].editable).collect();
        let mut used: BTreeSet<usize> = BTreeSet::new();
        // Synonyms: about one editable element in three.
        for &slot_index in &editable {
            if !random.one_in(3) {
                continue;
            }
            let slot = &template.slots[slot_index];
            let (start, end) = slot.range.expect("an editable slot is placed");
            let words = &template.file_text[start..end];
            let candidates = self.synonyms(&slot.element, words);
            if candidates.is_empty() {
                continue;
            }
            let replacement = candidates[random.below(candidates.len())].clone();
            if edits.push(start, end, replacement) {
                used.insert(slot_index);
                variations.synonyms.push(slot.element.clone());
            }
        }
        // Reordering: one pair, half the time.
        if random.one_in(2) {
            let pairs: Vec<(usize, usize)> = editable
                .iter()
                .flat_map(|&a| editable.iter().map(move |&b| (a, b)))
                .filter(|&(a, b)| {
                    a < b
                        && !used.contains(&a)
                        && !used.contains(&b)
                        && template.slots[a].provision == template.slots[b].provision
                        && family(&template.slots[a].element) == family(&template.slots[b].element)
                })
                .collect();
            if !pairs.is_empty() {
                let (a, b) = pairs[random.below(pairs.len())];
                let (a_start, a_end) = template.slots[a].range.expect("placed");
                let (b_start, b_end) = template.slots[b].range.expect("placed");
                let a_words = template.file_text[a_start..a_end].to_owned();
                let b_words = template.file_text[b_start..b_end].to_owned();
                let mut trial = edits.clone();
                if trial.push(a_start, a_end, b_words) && trial.push(b_start, b_end, a_words) {
                    edits = trial;
                    used.insert(a);
                    used.insert(b);
                    variations.reordered.push((template.slots[a].element.clone(), template.slots[b].element.clone()));
                }
            }
        }
        // Dropping: up to two elements.
        for _ in 0..random.below(3) {
            let open: Vec<usize> = editable.iter().copied().filter(|slot| !used.contains(slot)).collect();
            if open.is_empty() {
                break;
            }
            let slot_index = open[random.below(open.len())];
            used.insert(slot_index);
            let slot = &template.slots[slot_index];
            let (start, end) = drop_range(&template.file_text, slot.range.expect("placed"));
            let overlaps_other_words = template
                .slots
                .iter()
                .enumerate()
                .any(|(other, slot)| other != slot_index && slot.range.is_some_and(|(s, e)| s < end && start < e));
            if !overlaps_other_words && edits.push(start, end, String::new()) {
                expected.remove(&slot.element);
                variations.dropped.push(slot.element.clone());
            }
        }
        // Adding: up to two elements the definition lacks, after the words of an element of
        // the same family.
        for _ in 0..random.below(3) {
            // Words new to the instrument: words it uses elsewhere may be a term it defines
            // (`sex tourism` in RA 9208), whose definition the model would then draw on.
            let lacking: Vec<&(&str, &str)> =
                ADDABLE.iter().filter(|(id, words)| !expected.contains(*id) && !template.uses(words)).collect();
            if lacking.is_empty() {
                break;
            }
            let (id, words) = lacking[random.below(lacking.len())];
            let anchors: Vec<usize> = (0..template.slots.len())
                .filter(|&slot| {
                    let candidate = &template.slots[slot];
                    candidate.editable && !used.contains(&slot) && family(&candidate.element) == family(id)
                })
                .collect();
            if anchors.is_empty() {
                continue;
            }
            let anchor = anchors[random.below(anchors.len())];
            let (_, end) = template.slots[anchor].range.expect("placed");
            if edits.push(end, end, format!(", {words}")) {
                expected.insert((*id).to_owned());
                variations.added.push((*id).to_owned());
            }
        }
        SyntheticInstrument {
            id,
            template: template.id.clone(),
            contents: edits.apply(&template.file_text),
            expected,
            variations,
        }
    }

    /// The other forms of `element` that may stand for `words`: its lexicon forms (but for
    /// `words`' own, and any that would also name another element), and `words` in the other
    /// spelling.
    fn synonyms(&self, element: &str, words: &str) -> Vec<String> {
        let fold = |text: &str| lexdef::tokens(text).into_iter().map(|token| token.folded).collect::<Vec<_>>();
        let own = fold(words);
        let mut candidates: Vec<String> = self
            .forms_written
            .get(element)
            .into_iter()
            .flatten()
            .filter(|form| {
                let folded = fold(form);
                folded != own
                    && !self.forms_folded.iter().any(|(other, forms)| {
                        other != element && forms.iter().any(|other_form| contains_phrase(&folded, other_form))
                    })
            })
            .cloned()
            .collect();
        for (british, american) in SPELLINGS {
            if words.contains(british) {
                candidates.push(words.replace(british, american));
            } else if words.contains(american) {
                candidates.push(words.replace(american, british));
            }
        }
        candidates
    }

    /// The corpus of `count` instruments made with `seed`.
    pub fn corpus(&self, count: usize, seed: u64) -> Vec<SyntheticInstrument> {
        (0..count).map(|index| self.instrument(index, seed)).collect()
    }

    /// Write `instruments` as corpus files into `directory/instruments/`, replacing what is
    /// there.
    pub fn write(instruments: &[SyntheticInstrument], directory: &Path) -> std::io::Result<()> {
        let target = directory.join("instruments");
        if target.exists() {
            std::fs::remove_dir_all(&target)?;
        }
        std::fs::create_dir_all(&target)?;
        for instrument in instruments {
            std::fs::write(target.join(format!("{}.txt", instrument.id)), &instrument.contents)?;
        }
        Ok(())
    }
}

impl Template {
    fn new(
        instrument: &lexdef::Instrument,
        definition: &AnnotatedDefinition,
        forms: &BTreeMap<String, Vec<Vec<String>>>,
    ) -> Template {
        let metadata = instrument.metadata.as_ref().expect("metadata");
        let file_text = instrument.file_text().to_owned();
        let body_start = {
            let after_open = file_text.find("+++\n").expect("a metadata block") + 4;
            let close = file_text[after_open..].find("\n+++").expect("a closed metadata block") + after_open;
            close + "\n+++\n".len()
        };
        let document = lexdef::parse(instrument);
        // The provisions the model reads: the definition's and those its elements' words are
        // in, outermost only.
        let mut eids: Vec<&str> = std::iter::once(definition.eid.as_str())
            .chain(definition.elements.iter().map(|element| element.eid.as_str()))
            .collect();
        eids.sort();
        eids.dedup();
        let spans: Vec<(String, lexdef::Span)> = eids
            .iter()
            .map(|eid| {
                let provision = document.find(eid).unwrap_or_else(|| panic!("{}: no provision {eid}", instrument.id));
                ((*eid).to_owned(), provision.span)
            })
            .collect();
        let mut scope: Vec<(String, lexdef::Span)> = spans
            .iter()
            .filter(|(eid, span)| !spans.iter().any(|(other, outer)| other != eid && outer.contains(*span)))
            .cloned()
            .collect();
        scope.sort_by_key(|(_, span)| span.start);
        // Where each scope provision's text is in the file (`None` where a marker sits in it).
        let placed: Vec<Option<usize>> = scope
            .iter()
            .map(|(_, span)| {
                let text = &instrument.text[span.range()];
                file_text[body_start..].find(text).map(|offset| body_start + offset)
            })
            .collect();
        let all_words: Vec<lexdef::Token> = lexdef::tokens(&instrument.text);
        let mut slots: Vec<Slot> = definition
            .elements
            .iter()
            .map(|element| {
                let provision = document.find(&element.eid).expect("found above");
                let scope_index = scope
                    .iter()
                    .position(|(_, span)| span.contains(provision.span))
                    .expect("every element's provision is in the scope");
                let text_range = instrument.text[provision.span.range()]
                    .find(&element.words)
                    .map(|offset| (provision.span.start + offset, provision.span.start + offset + element.words.len()));
                let range = match (text_range, placed[scope_index]) {
                    (Some((start, end)), Some(file_start)) => {
                        let base = scope[scope_index].1.start;
                        Some((file_start + start - base, file_start + end - base))
                    }
                    _ => None,
                };
                // Unique: every occurrence of any form of the element in the whole text lies
                // inside these words (the model reads the whole instrument: offences and the
                // definitions the definition uses, not only the definition).
                let unique = text_range.is_some_and(|(start, end)| {
                    forms
                        .get(&element.id)
                        .into_iter()
                        .flatten()
                        .all(|form| occurrences(&all_words, form).iter().all(|&(s, e)| start <= s && e <= end))
                });
                Slot { element: element.id.clone(), range, provision: scope_index, editable: unique }
            })
            .collect();
        let ranges: Vec<Option<(usize, usize)>> = slots.iter().map(|slot| slot.range).collect();
        for (index, slot) in slots.iter_mut().enumerate() {
            let overlaps = slot.range.is_some_and(|(start, end)| {
                ranges.iter().enumerate().any(|(other, range)| {
                    other != index
                        && range.is_some_and(|(other_start, other_end)| other_start < end && start < other_end)
                })
            });
            slot.editable = slot.editable && slot.range.is_some() && !overlaps;
        }
        Template {
            id: instrument.id.to_string(),
            jurisdiction: metadata.jurisdiction.to_string(),
            file_text,
            body_start,
            expected: definition.elements.iter().map(|element| element.id.clone()).collect(),
            slots,
            words: lexdef::tokens(&instrument.text).into_iter().map(|token| token.folded).collect(),
        }
    }
}

impl Template {
    /// Whether the text uses `words` anywhere (folded).
    fn uses(&self, words: &str) -> bool {
        let wanted: Vec<String> = lexdef::tokens(words).into_iter().map(|token| token.folded).collect();
        contains_phrase(&self.words, &wanted)
    }
}

/// The family of an element id: `act`, `means` or `purpose`.
fn family(id: &str) -> &str {
    id.split('.').next().unwrap_or(id)
}

/// The bytes to remove to drop the words at `range`: the words and one list separator, or
/// their whole line where they are all of a list line (`(3) fraud;`).
fn drop_range(text: &str, (start, end): (usize, usize)) -> (usize, usize) {
    let line_start = text[..start].rfind('\n').map_or(0, |offset| offset + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |offset| end + offset);
    let line = &text[line_start..line_end];
    let label_end = line.strip_prefix('(').and_then(|rest| rest.find(')').map(|close| close + 2)).unwrap_or(0);
    let rest =
        line[label_end..].trim().trim_end_matches([';', '.', ',']).trim_end_matches(" or").trim_end_matches(" and");
    let words = &text[start..end];
    if label_end > 0 && rest.trim_end_matches([';', ',']) == words {
        return (line_start, (line_end + 1).min(text.len()));
    }
    let after = &text[end..];
    if after.starts_with(", ") {
        let mut cut = end + 2;
        for preposition in ["of ", "by "] {
            if text[..start].ends_with(preposition) && text[cut..].starts_with(preposition) {
                cut += preposition.len();
            }
        }
        return (start, cut);
    }
    for separator in [", or ", ", and ", " or ", " and ", ", "] {
        if text[..start].ends_with(separator) {
            return (start - separator.len(), end);
        }
    }
    (start, end)
}

/// Text edits on a template's file, applied all at once.
#[derive(Debug, Clone, Default)]
struct Edits(Vec<(usize, usize, String)>);

impl Edits {
    /// Add an edit unless it overlaps one already made (touching is fine). Returns whether
    /// it was added.
    fn push(&mut self, start: usize, end: usize, replacement: String) -> bool {
        let overlaps = self.0.iter().any(|&(other_start, other_end, _)| {
            (other_start < end && start < other_end)
                || (start == end && other_start < start && start < other_end)
                || (other_start == other_end && start < other_start && other_start < end)
                || (start == end && other_start == start && other_end == start)
        });
        if overlaps {
            return false;
        }
        self.0.push((start, end, replacement));
        true
    }

    fn apply(mut self, text: &str) -> String {
        // From the end, so earlier offsets stay valid; at one offset the removal goes before
        // the insertion.
        self.0.sort_by_key(|&(start, end, _)| std::cmp::Reverse((start, end)));
        let mut out = text.to_owned();
        for (start, end, replacement) in self.0 {
            out.replace_range(start..end, &replacement);
        }
        out
    }

    /// A new id and title; no relations or alternative translations (their targets are not
    /// in the synthetic corpus).
    fn metadata(&mut self, template: &Template, id: &str, index: usize) {
        let block = &template.file_text[..template.body_start];
        let mut offset = 0;
        let mut skipping: Option<usize> = None;
        for line in block.split_inclusive('\n') {
            let line_start = offset;
            offset += line.len();
            let trimmed = line.trim_end();
            if trimmed.starts_with('[') || trimmed == "+++" {
                if let Some(start) = skipping.take() {
                    self.push(start, line_start, String::new());
                }
                if trimmed == "[[relations]]" || trimmed == "[[alternative_translations]]" {
                    skipping = Some(line_start);
                }
                continue;
            }
            if skipping.is_some() {
                continue;
            }
            if trimmed.starts_with("id = ") {
                self.push(line_start, line_start + trimmed.len(), format!("id = \"{id}\""));
            } else if let Some(prefix) =
                ["title = \"", "short_title = \""].iter().find(|prefix| trimmed.starts_with(**prefix))
            {
                let at = line_start + prefix.len();
                self.push(at, at, format!("Synthetic variant {index} of "));
            }
        }
    }

    /// Shift every article and section number, and every number opening a line, by
    /// `offset`. Returns how many numbers changed.
    fn renumber(&mut self, template: &Template, offset: usize) -> usize {
        let mut changed = 0;
        let mut line_start = template.body_start;
        for line in template.file_text[template.body_start..].split_inclusive('\n') {
            let start = line_start;
            line_start += line.len();
            let mut digits_at = None;
            for keyword in ["Article ", "ARTICLE ", "Section ", "SECTION ", "SEC. ", "Sec. "] {
                if line.starts_with(keyword) {
                    digits_at = Some(keyword.len());
                }
            }
            let at = digits_at.unwrap_or(0);
            let digits = line[at..].bytes().take_while(u8::is_ascii_digit).count();
            if digits == 0 || digits > 4 {
                continue;
            }
            let after = &line[at + digits..];
            let numbering = match digits_at {
                Some(_) => after.starts_with('.') || after.trim().is_empty(),
                None => after.starts_with(". ") || after.starts_with(".\u{2014}") || after.starts_with(".  "),
            };
            if !numbering {
                continue;
            }
            let number: usize = line[at..at + digits].parse().expect("ascii digits");
            if self.push(start + at, start + at + digits, (number + offset).to_string()) {
                changed += 1;
            }
        }
        changed
    }
}

/// A class of mismatch that is known and explained: instruments varied from `template` with
/// the words of `dropped` removed. Listed in `tests/synthetic-differences.txt`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownDifference {
    /// The template.
    pub template: String,
    /// The dropped element.
    pub dropped: String,
    /// Why lexdef's model differs from the construction.
    pub reason: String,
}

/// The known differences listed in `tests/synthetic-differences.txt` under `workspace_root`:
/// lines `TEMPLATE dropped ELEMENT # why`.
pub fn known_differences(workspace_root: &Path) -> Vec<KnownDifference> {
    let text = std::fs::read_to_string(workspace_root.join("tests/synthetic-differences.txt"))
        .expect("tests/synthetic-differences.txt is readable");
    text.lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|line| {
            let (rule, reason) = line.split_once(" # ").expect("a line is `TEMPLATE dropped ELEMENT # why`");
            let words: Vec<&str> = rule.split_whitespace().collect();
            assert!(words.len() == 3 && words[1] == "dropped", "a rule is `TEMPLATE dropped ELEMENT`: {line}");
            KnownDifference {
                template: words[0].to_owned(),
                dropped: words[2].to_owned(),
                reason: reason.trim().to_owned(),
            }
        })
        .collect()
}

impl Mismatch {
    /// The known difference that explains this mismatch, if one does.
    pub fn explained_by<'a>(&self, known: &'a [KnownDifference]) -> Option<&'a KnownDifference> {
        known.iter().find(|difference| {
            difference.template == self.template && self.variations.dropped.contains(&difference.dropped)
        })
    }
}

/// Compare each synthetic instrument's extracted model (from `corpus`, loaded from the
/// written files) with its expected elements.
pub fn check(corpus: &lexdef::Corpus, instruments: &[SyntheticInstrument], lexicon: &lexdef::Lexicon) -> Vec<Mismatch> {
    let concept: lexdef::ConceptId = "trafficking_in_persons".parse().expect("a concept id");
    let mut mismatches = Vec::new();
    for synthetic in instruments {
        let found: BTreeSet<String> = match corpus.get(&synthetic.id) {
            Some(instrument) => lexdef::Analysis::of(instrument, lexicon, &concept)
                .model
                .elements
                .iter()
                .map(|presence| presence.id.to_string())
                .collect(),
            None => BTreeSet::new(),
        };
        if found != synthetic.expected {
            mismatches.push(Mismatch {
                id: synthetic.id.clone(),
                template: synthetic.template.clone(),
                missing: synthetic.expected.difference(&found).cloned().collect(),
                extra: found.difference(&synthetic.expected).cloned().collect(),
                variations: synthetic.variations.clone(),
            });
        }
    }
    mismatches
}
