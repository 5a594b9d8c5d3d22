//! Definition extraction: every place an instrument defines a term — `"child" means ...`,
//! `Trafficking in Persons – refers to ...`, `the term "coercion" means ...`,
//! `(hereinafter "X")` — and every offence provision that constitutes trafficking
//! ("Whoever, for the purpose of exploitation, does any of the following acts ...").

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::document::{Document, Provision, ProvisionKind, Span};
use crate::drafting::{DraftingWords, FormMatch};
use crate::eid::Eid;
use crate::fold::tokens;
use crate::ids::{ConceptId, ElementFamily};
use crate::instrument::Instrument;
use crate::lexicon::{fold_phrase, ElementHit, Lexicon};
use crate::warning::{Warning, WarningKind};

/// How a definition is worded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum DefinitionForm {
    /// `"X" means ...` — an exhaustive definition.
    Means,
    /// `"X" includes ...` — an open one.
    Includes,
    /// `X – refers to ...` (Philippine drafting).
    RefersTo,
    /// `"X" shall mean ...` (treaty drafting).
    ShallMean,
    /// `For the purposes of this Law, X is ...`; `X adalah ...`; `X là ...`.
    Is,
    /// `"X" has the same meaning as in section 29 ...` — a pointer to another definition.
    HasMeaning,
    /// An offence provision that constitutes trafficking without naming a term.
    Constitutive,
    /// `(hereinafter "X")` inside a sentence.
    Inline,
    /// The words that say how the term is defined are not in the text (cut by a gap).
    Unstated,
}

/// Where a `has the meaning` definition points.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CrossReference {
    /// The words of the reference (`section 29 of the Penal Code (Cap. 224)`).
    pub words: String,
    /// The provision of this instrument it points at, when it points within the instrument
    /// and that provision is in the text.
    pub target: Option<Eid>,
    /// The reference names another instrument.
    pub external: bool,
}

/// One definition found in an instrument.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Definition {
    /// The term exactly as written (without its quotes); empty for a constitutive definition.
    pub term: String,
    /// The concept the term names, per the lexicon.
    pub concept: Option<ConceptId>,
    /// How it is worded.
    pub form: DefinitionForm,
    /// The provision that holds it.
    pub eid: Eid,
    /// The provision's span (for an inline definition, the provision it is in).
    pub span: Span,
    /// Where the term is, when there is one.
    pub term_span: Option<Span>,
    /// The file line of the term (or of the provision).
    pub line: usize,
    /// It is in quoted amending text (a definition of the amended instrument).
    pub quoted: bool,
    /// A gap lies within or right after it.
    pub incomplete: bool,
    /// For `has the meaning`, where it points.
    pub reference: Option<CrossReference>,
}

/// How far after a term (in words) its form words may stand: `"abduct", in relation to an
/// individual, means ...`.
const FORM_WINDOW_WORDS: usize = 20;
/// A term written without quotes (`Trafficking in Persons – refers to`) has at most this many words.
const MAX_UNQUOTED_TERM_WORDS: usize = 10;

/// Every definition in `document`, in text order, and warnings about odd ones (a term
/// defined twice, an unterminated quote, a definitions section with no terms, a
/// self-reference).
pub fn extract_definitions(
    instrument: &Instrument,
    document: &Document,
    lexicon: &Lexicon,
) -> (Vec<Definition>, Vec<Warning>) {
    let mut extractor = Extractor {
        instrument,
        document,
        lexicon,
        headings: document.heading_index(),
        definitions: Vec::new(),
        warnings: Vec::new(),
        where_definitions_stand: false,
    };
    for provision in &document.provisions {
        extractor.visit(provision, &[]);
    }
    extractor.constitutive();
    extractor
        .definitions
        .sort_by_key(|definition| (definition.span.start, definition.term_span.map(|span| span.start)));
    extractor.check_duplicates();
    (extractor.definitions, extractor.warnings)
}

struct Extractor<'a> {
    instrument: &'a Instrument,
    document: &'a Document,
    lexicon: &'a Lexicon,
    /// The document's headings, indexed once.
    headings: crate::document::HeadingIndex,
    definitions: Vec<Definition>,
    warnings: Vec<Warning>,
    /// Whether the provision being read stands where definitions stand: in an article or
    /// section headed as definitions, or under words that introduce a list (`Trong Luật này,
    /// các từ ngữ dưới đây được hiểu như sau:`).
    where_definitions_stand: bool,
}

impl Extractor<'_> {
    fn visit(&mut self, provision: &Provision, ancestors: &[&Provision]) {
        let before = self.definitions.len();
        let outer = self.where_definitions_stand;
        let headed_as_definitions =
            provision.heading.as_deref().is_some_and(|heading| self.lexicon.drafting.heads_definitions(heading));
        self.where_definitions_stand = outer || headed_as_definitions;
        self.defined_term_at_start(provision);
        self.inline_terms(provision);
        self.listed_terms(provision);
        self.unterminated_quotes(provision);
        let mut path: Vec<&Provision> = ancestors.to_vec();
        path.push(provision);
        let (_, own) = self.own_text(provision);
        let introduces_a_list =
            own.trim_end().ends_with(':') || self.lexicon.drafting.definition_list_lead(own).is_some();
        self.where_definitions_stand = outer || headed_as_definitions || introduces_a_list;
        for child in &provision.children {
            self.visit(child, &path);
        }
        self.where_definitions_stand = outer;
        let looks_like_interpretation =
            provision.heading.as_deref().is_some_and(|heading| self.lexicon.drafting.heads_definitions(heading));
        if looks_like_interpretation && self.definitions.len() == before && !provision.incomplete && !provision.quoted {
            self.warnings.push(Warning::new(
                WarningKind::NoDefinitions,
                self.instrument.locate(provision.span.start),
                format!(
                    "`{}` is headed \"{}\" but no defined term was found in it",
                    provision.eid,
                    provision.heading.as_deref().unwrap_or_default()
                ),
            ));
        }
    }

    /// The provision's own text: from its start to its first child (or its end).
    /// The instrument's language (ISO 639-1); `en` for a text given without metadata.
    fn language(&self) -> &str {
        self.instrument.metadata.as_ref().map_or("en", |metadata| metadata.language.code.as_str())
    }

    fn own_text(&self, provision: &Provision) -> (usize, &str) {
        let end = provision.children.first().map_or(provision.span.end, |child| child.span.start);
        let start = provision.span.start;
        (start, &self.instrument.text[start..end.max(start)])
    }

    /// The text after the provision's number (and heading), on its first line.
    fn head(&self, provision: &Provision) -> (usize, &str) {
        provision.head(&self.instrument.text)
    }

    fn push(
        &mut self,
        provision: &Provision,
        term: &str,
        term_start: usize,
        form: DefinitionForm,
        reference: Option<CrossReference>,
    ) {
        let term = term.trim();
        let term_span = Span { start: term_start, end: term_start + term.len() };
        let concept = self.lexicon.concept_of(term);
        self.definitions.push(Definition {
            term: term.to_owned(),
            concept,
            form,
            eid: provision.eid.clone(),
            span: provision.span,
            term_span: Some(term_span),
            line: self.instrument.locate(term_start).line,
            quoted: provision.quoted,
            incomplete: provision.incomplete,
            reference,
        });
    }

    /// Whether the words right after a weak defining word (`is`) say what the law does with
    /// the term rather than what it is: `is punishable`, `is prohibited`, `is an offence`.
    fn punishes_after(&self, after: &str) -> bool {
        let words = tokens(window_of(after, 120));
        self.lexicon.drafting.names_an_offence(&words[..words.len().min(4)])
    }

    /// `"X" means ...` lines, `X – refers to ...` paragraphs, `"X" shall mean ...`.
    fn defined_term_at_start(&mut self, provision: &Provision) {
        if matches!(
            provision.kind,
            ProvisionKind::Preamble
                | ProvisionKind::Body
                | ProvisionKind::Part
                | ProvisionKind::Chapter
                | ProvisionKind::Division
                | ProvisionKind::Subdivision
        ) {
            return;
        }
        if provision.kind == ProvisionKind::Definition {
            let Some(term) = provision.term.clone() else { return };
            let text = &self.instrument.text;
            let term_start = text[provision.span.range()]
                .find(term.as_str())
                .map_or(provision.span.start, |found| provision.span.start + found);
            let after_start = term_start + term.len();
            let line_end = text[after_start..].find('\n').map_or(text.len(), |found| after_start + found);
            // The defining words may stand on the next line (`"child"` alone on its line, then
            // `means a person under the age of 18 years;`).
            let line_end = if text[after_start..line_end]
                .trim()
                .trim_matches(|character: char| {
                    crate::structure::is_dash(character)
                        || matches!(character, ':' | ',' | '"' | '\u{201D}' | '\u{2019}' | '\'')
                })
                .is_empty()
            {
                let next = (line_end + 1).min(text.len());
                text[next..].find('\n').map_or(text.len(), |found| next + found).min(provision.span.end.max(next))
            } else {
                line_end
            };
            // (On the next line, a paragraph label may open the defining words: `(a) means ...`.)
            let after = skip_label(&text[after_start..line_end]);
            let found = form_after(&self.lexicon.drafting, after);
            let (form, form_at) = found.map_or((DefinitionForm::Unstated, 0), |found| (found.form, found.end));
            // A table of meanings (`"child"       a person under the age of eighteen years.`):
            // the meaning stands in the next column, and the column says "means".
            let form = if form == DefinitionForm::Unstated && in_a_column(&text[after_start..line_end]) {
                DefinitionForm::Means
            } else {
                form
            };
            if form == DefinitionForm::Unstated && !provision.incomplete {
                self.warnings.push(Warning::new(
                    WarningKind::UnclearDefinition,
                    self.instrument.locate(term_start),
                    format!("the term \"{term}\" is not followed by `means`, `includes` or another defining word"),
                ));
            }
            let reference = (form == DefinitionForm::HasMeaning).then(|| self.reference(provision, &after[form_at..]));
            self.push(provision, &term, term_start, form, reference);
            return;
        }
        let (head_start, head) = self.head(provision);
        let head = head.to_owned();
        // (A bullet before the words: `+ Bóc lột tình dục là ...`.)
        let bulleted = head.trim_start_matches(['+', '•', '*']).trim_start();
        let (head_start, head) = (head_start + head.len() - bulleted.len(), bulleted);
        if head.is_empty() {
            return;
        }
        // `Article 2.- Trafficking in persons. For the purposes of this Law, ...`: a heading run
        // into the text (civil-law drafting) stands before the words that define.
        let (head_start, head) = match inline_heading_len(head) {
            Some(length) if self.lexicon.drafting.after_introduction(&head[length..]) > 0 => {
                (head_start + length, &head[length..])
            }
            _ => (head_start, head),
        };
        // `For the purposes of this Law, "X" is ...` / `..., X is ...`.
        if let Some((term, offset, form_end)) = purposes_clause_term(&self.lexicon.drafting, head) {
            let after = &head[form_end..];
            let _ = after;
            self.push(provision, term, head_start + offset, DefinitionForm::Is, None);
            return;
        }
        // `For the purposes of this section, exploitation includes ...`, `In this section,
        // "coercion" includes ...`: the term follows the introduction.
        let skipped = self.lexicon.drafting.after_introduction(head);
        let (head_start, head) = (head_start + skipped, &head[skipped..]);
        // `a) ``Trafficking in persons" shall mean ...`, `"(a) Trafficking in Persons – refers to`.
        let (term, term_offset, after) = match quoted_term(head) {
            Some((term, offset, after)) => (term, offset, after),
            None => {
                let Some((_, first)) = term_and_form(self.lexicon, head) else { return };
                let form_at = first.start;
                let term = head[..form_at].trim_end().trim_end_matches(|character: char| {
                    crate::structure::is_dash(character) || character == ',' || character.is_whitespace()
                });
                // `Exploitation, for the purposes of this Article, shall include`: a term the
                // lexicon knows, then a clause between commas.
                let term = match term.split_once(',') {
                    Some((before, _)) if self.lexicon.concept_of(before.trim()).is_some() => before.trim(),
                    _ => term,
                };
                let words = crate::fold::word_count(term);
                // (`the following shall be understood as:` introduces a list of terms.)
                if self.lexicon.drafting.opens_an_introduction(term) {
                    return;
                }
                // (A script without case, Thai or Lao, has no lower-case start to refuse.)
                let capitalised = skipped > 0
                    || term.starts_with(|character: char| character.is_alphabetic() && !character.is_lowercase());
                let has_quotes = term.contains(['"', '\u{201C}', '\u{201D}', '`']);
                if words == 0
                    || words > MAX_UNQUOTED_TERM_WORDS
                    || !capitalised
                    || has_quotes
                    || term.contains(['.', ';', ':', ','])
                {
                    return;
                }
                // `The act of unlawful removal in this law shall mean`: the term is `unlawful removal`.
                let (term_offset, cleaned) = self.lexicon.drafting.bare_term(term);
                (cleaned, term_offset, &head[form_at..])
            }
        };
        let Some(found) = form_after(&self.lexicon.drafting, after) else { return };
        let (form, form_at) = (found.form, found.end);
        // `X là ...`, `X adalah ...` with an unquoted X, opening a paragraph of an article,
        // defines only where definitions stand: elsewhere it says who or what X is for the
        // article's rule (`Nạn nhân là công dân Việt Nam ... được hưởng chế độ hỗ trợ`: which
        // victims receive support). An article that opens so (`ມາດຕາ 2` then `ການຄ້າມະນຸດ ແມ່ນ
        // ...`) is about the term.
        let unquoted = quoted_term(head).is_none();
        let in_a_unit = !matches!(provision.kind, ProvisionKind::Article | ProvisionKind::Section);
        if unquoted && in_a_unit && form == DefinitionForm::Is && !found.weak && !self.where_definitions_stand {
            return;
        }
        // `is` defines only a term the lexicon knows, and not when it says what the law does
        // with it (`Trafficking in persons is punishable ...`).
        if found.weak && (self.lexicon.concept_of(term).is_none() || self.punishes_after(&after[form_at..])) {
            return;
        }
        // A sentence that happens to contain `means` (`The consent ... by means of`) is not a
        // definition: the term must name a concept of the lexicon, or be followed right away
        // by its defining words.
        let phrase_start = found.start;
        let direct = after[..phrase_start]
            .trim()
            .trim_matches(|character: char| crate::structure::is_dash(character) || character == ',')
            .trim()
            .is_empty();
        if !direct && self.lexicon.concept_of(term).is_none() {
            return;
        }
        let reference = (form == DefinitionForm::HasMeaning).then(|| self.reference(provision, &after[form_at..]));
        self.push(provision, term, head_start + term_offset, form, reference);
    }

    /// `Exploitation shall include, at a minimum, ...` in the middle of a paragraph, and
    /// `Explanation (1) Exploitation includes ...`: a sentence that starts with a term the
    /// lexicon knows, followed at once by defining words.
    fn embedded_terms(&mut self, provision: &Provision, own: &str, start: usize) {
        let mut candidates: Vec<usize> = Vec::new();
        for (index, _) in own.match_indices(". ") {
            candidates.push(index + 2);
        }
        for (index, _) in own.match_indices('\n') {
            candidates.push(index + 1);
        }
        for at in candidates {
            let mut rest = &own[at..];
            let mut offset = at;
            if let Some(label) = self.lexicon.drafting.explanation_label(rest) {
                let after = &rest[label.len()..];
                let label_end = after.find(')').map_or(0, |end| end + 1);
                let skipped = label.len() + label_end;
                let trimmed = rest[skipped..].trim_start();
                offset += rest.len() - trimmed.len();
                rest = trimmed;
            }
            // `Note 1. In this Article, exploitation means ...` (a note to a code article).
            if let Some(after) = self.lexicon.drafting.after_note_label(rest) {
                if let Some(dot) = after.find(". ").filter(|dot| after[..*dot].chars().all(|c| c.is_ascii_digit())) {
                    let trimmed = after[dot + 1..].trim_start();
                    offset += rest.len() - trimmed.len();
                    rest = trimmed;
                }
            }
            let introduced = self.lexicon.drafting.after_introduction(rest);
            if introduced > 0 && rest[..introduced].trim_end().ends_with(',') {
                offset += introduced;
                rest = &rest[introduced..];
            } else if !rest.starts_with(|character: char| character.is_uppercase()) {
                continue;
            }
            let Some((term, _)) = term_and_form(self.lexicon, rest) else { continue };
            if term.is_empty() || crate::fold::word_count(term) > 4 || term.contains([',', ';', ':', '.']) {
                continue;
            }
            let Some(found) = form_after(&self.lexicon.drafting, &rest[term.len()..]) else { continue };
            let form = found.form;
            if self.lexicon.concept_of(term).is_none()
                || (found.weak && self.punishes_after(&rest[term.len() + found.end..]))
            {
                continue;
            }
            // (`Nạn nhân là ...` in a paragraph of an article on support: see `defined_term_at_start`.)
            let in_a_unit = !matches!(provision.kind, ProvisionKind::Article | ProvisionKind::Section);
            if form == DefinitionForm::Is && !found.weak && in_a_unit && !self.where_definitions_stand {
                continue;
            }
            let already = self.definitions.iter().any(|definition| {
                definition.eid == provision.eid && fold_phrase(&definition.term) == fold_phrase(term)
            });
            if !already {
                self.push(provision, term, start + offset, form, None);
            }
        }
    }

    /// A line of a definitions provision that opens a quote and never closes it: a term
    /// whose closing quote was lost (a PDF or OCR artefact), reported where it opens.
    fn unterminated_quotes(&mut self, provision: &Provision) {
        let holds_definitions = provision.children.iter().any(|child| child.kind == ProvisionKind::Definition);
        if !holds_definitions || provision.quoted {
            return;
        }
        let start = provision.span.start;
        let own = self.instrument.text[provision.span.range()].to_owned();
        let mut offset = 0;
        for line in own.split_inclusive('\n') {
            let trimmed = line.trim_start();
            let at = start + offset + (line.len() - trimmed.len());
            offset += line.len();
            let Some(first) = trimmed.chars().next() else { continue };
            if !matches!(first, '"' | '\u{201C}') {
                continue;
            }
            let rest = &trimmed[first.len_utf8()..];
            let closes = rest.contains(['"', '\u{201D}']);
            let cut_by_gap =
                self.instrument.gaps.iter().any(|gap| gap.offset >= at && gap.offset <= at + trimmed.trim_end().len());
            if !closes && !cut_by_gap {
                self.warnings.push(Warning::new(
                    WarningKind::UnterminatedQuote,
                    self.instrument.locate(at),
                    "a quoted term opens here and is never closed on its line; its definition was not read (hint: a closing quote lost in conversion?)",
                ));
            }
        }
    }

    /// `(hereinafter "X")`, `the term "X" means`, `the terms "X" ... shall include`.
    /// `the following terms signify:` / `the following words and expressions shall have the
    /// meanings assigned thereto:`, then one term a line, written `Term: its meaning` (`-
    /// child: any person aged under eighteen years;`). Each is a definition of its own line.
    fn listed_terms(&mut self, provision: &Provision) {
        let (start, own) = self.own_text(provision);
        let own = own.to_owned();
        let Some(lead_end) = self.lexicon.drafting.definition_list_lead(&own) else { return };
        let mut line_start = lead_end;
        for line in own[lead_end..].split_inclusive('\n') {
            let line_offset = line_start;
            line_start += line.len();
            self.listed_term(provision, start + line_offset, line);
        }
        // (Or one item a paragraph: `a) Child: every person under eighteen years of age;`.)
        for child in &provision.children {
            let (head_start, head) = child.head(&self.instrument.text);
            let head = head.to_owned();
            self.listed_term(child, head_start, &head);
        }
    }

    /// One item of a list of terms, `Term: its meaning`, starting at `at` in the text.
    fn listed_term(&mut self, provision: &Provision, at: usize, line: &str) {
        let trimmed = line.trim_start();
        // A dash, bullet or label before the term.
        let item = trimmed
            .trim_start_matches(|character: char| {
                crate::structure::is_dash(character) || matches!(character, '-' | '•' | '*' | '·')
            })
            .trim_start();
        let item_offset = line.len() - item.len();
        let Some((term, meaning)) = item.split_once(':') else { return };
        let words = crate::fold::word_count(term);
        if words == 0
            || words > MAX_UNQUOTED_TERM_WORDS
            || meaning.trim().is_empty()
            || term.contains(['.', ';', ',', '"', '\u{201C}', '(', ')'])
        {
            return;
        }
        let term_start = at + item_offset;
        let line_end = at + line.trim_end().len();
        let term_text = term.trim();
        let concept = self.lexicon.concept_of(term_text);
        self.definitions.push(Definition {
            term: term_text.to_owned(),
            concept,
            form: DefinitionForm::Means,
            eid: provision.eid.clone(),
            span: Span { start: term_start, end: line_end },
            term_span: Some(Span { start: term_start, end: term_start + term_text.len() }),
            line: self.instrument.locate(term_start).line,
            quoted: provision.quoted,
            incomplete: provision.incomplete,
            reference: None,
        });
    }

    fn inline_terms(&mut self, provision: &Provision) {
        let (start, own) = self.own_text(provision);
        let own = own.to_owned();
        let own = own.as_str();
        if !matches!(
            provision.kind,
            ProvisionKind::Preamble | ProvisionKind::Body | ProvisionKind::Part | ProvisionKind::Chapter
        ) {
            let _ = (own, start);
            // Its own text: before its first child, between children, and after the last
            // (`Explanation (1) ...` after a list).
            let mut segments = Vec::new();
            let mut cursor = provision.span.start;
            for child in &provision.children {
                segments.push((cursor, child.span.start));
                cursor = child.span.end;
            }
            segments.push((cursor, provision.span.end));
            for (segment_start, segment_end) in segments {
                if segment_end > segment_start {
                    let text = self.instrument.text[segment_start..segment_end].to_owned();
                    self.embedded_terms(provision, &text, segment_start);
                }
            }
        }
        let lower = own.to_lowercase();
        if lower.len() != own.len() {
            // Lower-casing changed byte lengths (rare scripts): offsets would not line up.
            return;
        }
        let lexicon = self.lexicon;
        let drafting = &lexicon.drafting;
        for marker in drafting.inline_definition_markers() {
            let mut from = 0;
            while let Some(found) = lower[from..].find(marker) {
                let at = from + found + marker.len();
                if let Some((term, offset, _)) = quoted_term(&own[at..]) {
                    self.push(provision, term, start + at + offset, DefinitionForm::Inline, None);
                }
                from = at;
            }
        }
        for marker in drafting.term_markers() {
            let mut from = 0;
            while let Some(found) = lower[from..].find(marker) {
                let at = from + found + marker.len();
                if let Some((term, offset, after)) = quoted_term(&own[at..]) {
                    if let Some(found) = form_after(&self.lexicon.drafting, after) {
                        self.push(provision, term, start + at + offset, found.form, None);
                    }
                }
                from = at;
            }
        }
        // `In this Act, "exploitation" includes ...; and "child" means ...`: a quoted term the
        // lexicon knows, followed at once by its defining words, inside a sentence.
        for (at, character) in own.char_indices() {
            if !matches!(character, '"' | '\u{201C}') || own[..at].trim_end().is_empty() || own[..at].ends_with('\n') {
                continue;
            }
            let Some((term, offset, after)) = quoted_term(&own[at..]) else { continue };
            let Some(found) = form_after(&self.lexicon.drafting, after) else { continue };
            let form = found.form;
            // Inside a sentence, `"trafficking in persons" are used` defines nothing: only a
            // strong defining word does.
            let direct = after[..found.start].trim().is_empty() && !found.weak;
            let already = self.definitions.iter().any(|definition| {
                definition.eid == provision.eid && fold_phrase(&definition.term) == fold_phrase(term)
            });
            if direct && !already && self.lexicon.concept_of(term).is_some() {
                self.push(provision, term, start + at + offset, form, None);
            }
        }
    }

    fn reference(&self, provision: &Provision, words: &str) -> CrossReference {
        let words = words.trim_start_matches(|character: char| character.is_whitespace() || character == ',');
        let end = words.find([';', '\n']).unwrap_or(words.len());
        let words = words[..end].trim().trim_end_matches('.').to_owned();
        let lower = words.to_lowercase();
        let drafting = &self.lexicon.drafting;
        let external = drafting.refers_to_another_instrument(&lower);
        let mut target = None;
        if !external {
            // (A reference names a section or an article, whose eId is its kind and number.)
            for kind in [ProvisionKind::Section, ProvisionKind::Article] {
                for keyword in drafting.provision_words(kind) {
                    let keyword = format!("{keyword} ");
                    if let Some(found) = lower.find(&keyword) {
                        let number: String = words[found + keyword.len()..]
                            .chars()
                            .take_while(|character| character.is_alphanumeric() || *character == '-')
                            .collect();
                        let eid = format!("{}_{number}", kind.eid_name());
                        target = self.document.find(&eid).map(|found| found.eid.clone());
                    }
                }
            }
            if let Some(target) = &target {
                if provision.eid.as_str() == target.as_str()
                    || provision.eid.as_str().starts_with(&format!("{target}__"))
                {
                    self.warnings_for_self_reference(provision, &words);
                }
            }
        }
        CrossReference { words, target, external }
    }

    fn warnings_for_self_reference(&self, provision: &Provision, words: &str) {
        // Recorded by `check_duplicates`' pass over references: see `circular_references`.
        let _ = (provision, words);
    }

    /// Offence provisions that constitute trafficking: a provision that opens an offence
    /// (`Whoever`, `A person commits an offence if`), or punishes under a heading that names
    /// the concept, or punishes acts it names first (`Recruitment, transportation ... shall be
    /// punished`), and that names acts of trafficking. Where one such provision holds another,
    /// the inner one is the offence; where the acts are in one paragraph and the offence words
    /// in another (`(1) A person commits an offence if the person arranges the travel ...`,
    /// `(3) ... by recruiting, transporting ...`), the provision holding both is.
    fn constitutive(&mut self) {
        let mut found: Vec<(usize, &Provision)> = Vec::new();
        for provision in &self.document.provisions {
            self.find_offences(provision, OffenceContext::default(), &mut found);
        }
        found.sort_by_key(|(offset, _)| *offset);
        for (offset, provision) in found {
            self.definitions.push(Definition {
                term: String::new(),
                concept: "trafficking_in_persons".parse().ok(),
                form: DefinitionForm::Constitutive,
                eid: provision.eid.clone(),
                span: provision.span,
                term_span: None,
                line: self.instrument.locate(offset).line,
                quoted: provision.quoted,
                incomplete: provision.incomplete,
                reference: None,
            });
        }
    }

    /// Whether `provision` or one inside it constitutes trafficking; those that do, innermost
    /// first, go into `found` with the offset of their offence words. `context` says what the
    /// provisions around it settle: a heading that names the concept, an offence opened above.
    fn find_offences<'p>(
        &self,
        provision: &'p Provision,
        context: OffenceContext,
        found: &mut Vec<(usize, &'p Provision)>,
    ) -> bool {
        let (_, head) = self.head(provision);
        let opens = self.lexicon.drafting.offence_opener(head).is_some();
        let names_concept = provision.heading.as_deref().is_some_and(|heading| self.heading_names_trafficking(heading));
        let container = matches!(
            provision.kind,
            ProvisionKind::Part | ProvisionKind::Chapter | ProvisionKind::Title | ProvisionKind::Division
        );
        let inner_context = OffenceContext {
            under_concept_heading: context.under_concept_heading || names_concept,
            under_concept_chapter: context.under_concept_chapter || (names_concept && container),
            under_opener: context.under_opener || opens,
        };
        let mut inner = false;
        for child in &provision.children {
            inner |= self.find_offences(child, inner_context, found);
        }
        if inner {
            return true;
        }
        let own = OffenceContext { under_opener: context.under_opener, ..inner_context };
        match self.offence_at(provision, own) {
            Some(offset) => {
                found.push((offset, provision));
                true
            }
            None => false,
        }
    }

    /// Whether a heading is the concept's name (`Trafficking in persons`, `Human trade`,
    /// `Offence of trafficking in persons`, `Sex trafficking of children`), not another
    /// offence's that mentions it (`Acts that promote trafficking in persons`).
    fn heading_names_trafficking(&self, heading: &str) -> bool {
        self.lexicon.concept_at_start(heading).is_some_and(|concept| concept.as_str() == "trafficking_in_persons")
    }

    /// Where the offence words of `provision` start, if it constitutes trafficking by itself.
    fn offence_at(&self, provision: &Provision, context: OffenceContext) -> Option<usize> {
        if !matches!(
            provision.kind,
            ProvisionKind::Section
                | ProvisionKind::Article
                | ProvisionKind::Subsection
                | ProvisionKind::Paragraph
                | ProvisionKind::Subparagraph
                | ProvisionKind::Clause
                | ProvisionKind::Item
        ) {
            return None;
        }
        // A provision that defines the concept in words (`(a) Trafficking in Persons means
        // ... any of the following acts`) is a definition, not an offence.
        // (Nor is a section that holds such a definition among its subsections: the offence
        // is the subsection that uses the defined term.)
        if self.definitions.iter().any(|definition| {
            provision.span.contains(definition.span)
                && definition.form != DefinitionForm::Constitutive
                && definition.concept.as_ref().is_some_and(|id| id.as_str() == "trafficking_in_persons")
        }) {
            return None;
        }
        let (head_start, head) = self.head(provision);
        let text = &self.instrument.text[self.headings.words_span(provision, &self.instrument.text).range()];
        let text_words = tokens(text);
        let opener = self.lexicon.drafting.offence_opener(head);
        let heading_names_concept = context.under_concept_heading;
        if opener.is_none() {
            // Without its own opening words, a provision is an offence only where nothing
            // above opened one (an item of `Whoever ... does any of the following acts` is
            // part of that offence), it punishes, and its heading names the concept or its
            // first words name an act.
            // (A heading counts here: `Offence — trafficking in persons` over `No person shall`.)
            let heading_words = provision.heading.as_deref().map(tokens).unwrap_or_default();
            let punishes = self.lexicon.drafting.names_an_offence(&text_words)
                || self.lexicon.drafting.names_an_offence(&heading_words);
            if context.under_opener || !punishes || !(heading_names_concept || self.opens_with_an_act(head)) {
                return None;
            }
        }
        // `Every person who receives a financial or other material benefit, knowing that it is
        // obtained ... from the commission of an offence under subsection 279.01(1)`: an
        // offence built on another, named by its number.
        // (Its own words: a penalty subsection that names the offence beside it is not these.)
        if self.lexicon.drafting.refers_to_another_offence(&tokens(head), head) {
            return None;
        }
        let folded = fold_phrase(text);
        // The elements the provision names, read once each way (the purpose part from its
        // start, or not), for the questions below.
        let (elements, elements_as_purpose) = (std::cell::OnceCell::new(), std::cell::OnceCell::new());
        let elements = || -> &Vec<ElementHit> {
            elements.get_or_init(|| self.lexicon.find_elements_in(text, None, self.language()))
        };
        let elements_as_purpose = || -> &Vec<ElementHit> {
            elements_as_purpose.get_or_init(|| self.lexicon.find_elements_in(text, Some(0), self.language()))
        };
        // Acts done by a means for a form of exploitation the lexicon knows are trafficking
        // too (`Persons who procure, harbour ... by force, threat ... with the aim of compelling
        // that person ... to engage in prostitution`); acts with a purpose and no means are
        // another offence (`sells ... any person as a slave`: dealing in slaves).
        let by_means_for_a_purpose = || {
            let means = elements().iter().any(|hit| {
                hit.element.family() == ElementFamily::Means && hit.element.as_str() != "means.debt_bondage"
            });
            means && elements_as_purpose().iter().any(|hit| hit.element.family() == ElementFamily::Purpose)
        };
        let drafting = &self.lexicon.drafting;
        let about_trafficking = drafting.speaks_of_exploitation(&folded)
            || drafting.speaks_of_trafficking(&folded)
            || heading_names_concept
            || by_means_for_a_purpose()
            || self.lexicon.names_concept_in(&text_words, "trafficking_in_persons");
        if !about_trafficking {
            return None;
        }
        let acts = elements()
            .iter()
            .filter(|hit| hit.element.family() == ElementFamily::Act)
            .map(|hit| hit.element.clone())
            .collect::<std::collections::BTreeSet<_>>();
        // One act is enough where the provision names both exploitation and trafficking;
        // otherwise two acts must show that it is about moving or holding persons.
        // (`a trafficked victim` names the victim of another offence, not this one.)
        let names_the_offence = drafting.names_the_offence(&folded);
        // (Under a chapter whose heading names the concept, one act for exploitation is an offence of it:
        // `BAB II TINDAK PIDANA PERDAGANGAN ORANG ... Setiap orang yang memasukkan orang ...
        // dengan maksud untuk dieksploitasi`.)
        let names_both = opener.is_some()
            && drafting.speaks_of_exploitation(&folded)
            && (names_the_offence || context.under_concept_chapter);
        // `Whoever abducts and traffics in a woman or a child shall be sentenced ...`: the
        // offence names trafficking as its act, and what it is done by or for.
        // Where the instrument defines the concept, such an offence only uses the defined
        // term: the model reads it as an offence using the term, not as a definition.
        let defines_the_concept = self
            .definitions
            .iter()
            .any(|definition| definition.concept.as_ref().is_some_and(|id| id.as_str() == "trafficking_in_persons"));
        // (Only in a whole text: in a partial one the definition may be in what was not seen.)
        let whole_text =
            self.instrument.gaps.is_empty()
                && self.instrument.metadata.as_ref().is_none_or(|metadata| {
                    metadata.completeness.status == crate::metadata::CompletenessStatus::Complete
                });
        let traffics_by_or_for = opener.is_some()
            && whole_text
            && !defines_the_concept
            && names_the_offence
            && elements_as_purpose().iter().any(|hit| hit.element.family() != ElementFamily::Act);
        // `A person who unlawfully removes another for the purpose of ...`: the act is a term
        // the instrument defines elsewhere (`unlawful removal`), whose definition names the
        // means; with the forms of exploitation listed, the offence constitutes trafficking.
        let uses_a_defined_act = || {
            let purposes =
                elements_as_purpose().iter().filter(|hit| hit.element.family() == ElementFamily::Purpose).count();
            purposes >= MIN_PURPOSES_WITH_DEFINED_ACT
                && self.definitions.iter().any(|definition| {
                    definition.concept.is_none()
                        && !definition.term.is_empty()
                        && definition.eid != provision.eid
                        && crate::fold::find_phrase(
                            &text_words,
                            &tokens(&definition.term).into_iter().map(|token| token.folded).collect::<Vec<_>>(),
                        )
                        .is_some()
                })
        };
        // One act done by a means for exploitation is trafficking too (`A person who recruits
        // another by deception ... for any form of exploitation`).
        let act_by_means = || {
            !acts.is_empty()
                && drafting.speaks_of_exploitation(&folded)
                && elements().iter().any(|hit| hit.element.family() == ElementFamily::Means)
        };
        let enough_acts = if names_both { !acts.is_empty() } else { acts.len() >= 2 }
            || traffics_by_or_for
            || act_by_means()
            || uses_a_defined_act();
        if !enough_acts {
            return None;
        }
        Some(head_start + opener.unwrap_or(0))
    }

    /// `Recruitment, transportation ... of persons ... shall be punished`: a head whose first
    /// words name an act (a subjectless offence of the civil-law codes).
    fn opens_with_an_act(&self, head: &str) -> bool {
        let head = &head[self.lexicon.drafting.after_introduction(head)..];
        let opening = window_of(head, 80);
        let words = tokens(opening);
        self.lexicon.find_elements_in(opening, None, self.language()).first().is_some_and(|hit| {
            hit.element.family() == ElementFamily::Act
                && words.iter().take_while(|word| word.start < hit.start).count() <= 1
        })
    }

    fn check_duplicates(&mut self) {
        let mut seen: HashMap<(String, bool), &Definition> = HashMap::new();
        let mut warnings = Vec::new();
        for definition in &self.definitions {
            if definition.term.is_empty() || definition.form == DefinitionForm::Inline {
                continue;
            }
            let key = (fold_phrase(&definition.term), definition.quoted);
            if let Some(first) = seen.get(&key) {
                warnings.push(Warning::new(
                    WarningKind::DefinedTwice,
                    self.instrument.locate(definition.term_span.map_or(definition.span.start, |span| span.start)),
                    format!(
                        "\"{}\" is defined again (first in `{}` at line {})",
                        definition.term, first.eid, first.line
                    ),
                ));
            } else {
                seen.insert(key, definition);
            }
            if let Some(CrossReference { target: Some(target), .. }) = &definition.reference {
                let own = definition.eid.as_str();
                if own == target.as_str() || own.starts_with(&format!("{target}__")) {
                    warnings.push(Warning::new(
                        WarningKind::CircularReference,
                        self.instrument.locate(definition.term_span.map_or(definition.span.start, |span| span.start)),
                        format!(
                            "\"{}\" has the meaning given in `{target}`, the provision that defines it",
                            definition.term
                        ),
                    ));
                }
            }
        }
        // Two definitions that point at each other.
        let by_eid: HashMap<&str, &Definition> =
            self.definitions.iter().map(|definition| (definition.eid.as_str(), definition)).collect();
        for definition in &self.definitions {
            let Some(CrossReference { target: Some(target), .. }) = &definition.reference else { continue };
            let Some(other) = by_eid.get(target.as_str()) else { continue };
            if let Some(CrossReference { target: Some(back), .. }) = &other.reference {
                if back.as_str() == definition.eid.as_str() && definition.eid.as_str() < other.eid.as_str() {
                    warnings.push(Warning::new(
                        WarningKind::CircularReference,
                        self.instrument.locate(definition.span.start),
                        format!(
                            "\"{}\" and \"{}\" each take their meaning from the other",
                            definition.term, other.term
                        ),
                    ));
                }
            }
        }
        self.warnings.extend(warnings);
    }
}

/// `For the purposes of this Law, X is ...`: the term, its offset in `head`, and where `is`
/// ends. The term must be quoted or name a concept, so an ordinary sentence is not read as
/// a definition.
fn purposes_clause_term<'h>(drafting: &DraftingWords, head: &'h str) -> Option<(&'h str, usize, usize)> {
    let prefix = drafting.purposes_clause(head)?;
    let rest = &head[prefix..];
    if let Some((term, offset, after)) = quoted_term(rest) {
        let after_trimmed = after.trim_start();
        return drafting
            .copula_at_start(after_trimmed)
            .map(|copula| (term, prefix + offset, head.len() - after_trimmed.len() + copula));
    }
    let (end, copula) = drafting.first_bare_copula(rest)?;
    let term = &rest[..end];
    (crate::fold::word_count(term) <= MAX_UNQUOTED_TERM_WORDS && !term.contains(',')).then_some((
        term,
        prefix,
        prefix + end + copula,
    ))
}

/// What the provisions around one settle for reading it as an offence.
#[derive(Debug, Clone, Copy, Default)]
struct OffenceContext {
    /// A heading over it names the concept (`Trafficking in persons`).
    under_concept_heading: bool,
    /// The heading of a part or chapter over it names the concept (`BAB II TINDAK PIDANA
    /// PERDAGANGAN ORANG`): its offences are the concept's, one act each.
    under_concept_chapter: bool,
    /// A provision above it opens an offence (`Whoever ... any of the following acts:`).
    under_opener: bool,
}

/// A constitutive offence whose act is a defined term must list at least this many forms
/// of exploitation.
const MIN_PURPOSES_WITH_DEFINED_ACT: usize = 3;

/// Whether `text` uses `term` (folded: `unlawfully removes` uses `unlawful removal`).
pub(crate) fn uses_term(text: &str, term: &str) -> bool {
    let wanted: Vec<String> = tokens(term).into_iter().map(|token| token.folded).collect();
    crate::fold::find_phrase(&tokens(text), &wanted).is_some()
}

/// A quoted term at the start of `text`: the term, its offset, and the text after the
/// closing quote. The parser's recogniser, so that both read the same terms.
fn quoted_term(text: &str) -> Option<(&str, usize, &str)> {
    let found = crate::structure::quoted_term(text)?;
    Some((&text[found.start..found.end], found.start, &text[found.after..]))
}

/// Defining words are looked for this far (in bytes) after a term: a window, so that the
/// search costs the same however long the text after it is.
const FORM_SEARCH_BYTES: usize = 600;

fn window(text: &str) -> &str {
    window_of(text, FORM_SEARCH_BYTES)
}

fn window_of(text: &str, bytes: usize) -> &str {
    &text[..crate::location::floor_char_boundary(text, text.len().min(bytes))]
}

/// The first defining words in `text` (a term's head, up to its defining words): where they
/// start, their form, and whether the form is weak (`is`).
fn first_form_word(drafting: &DraftingWords, text: &str, strong_only: bool) -> Option<FormMatch> {
    let text = window(text);
    drafting.first_form(text, FORM_WINDOW_WORDS + MAX_UNQUOTED_TERM_WORDS, strong_only)
}

/// The term before `text`'s defining words: the first defining words, unless they are weak
/// (`is`) and what stands before them names no concept, then the first strong ones.
fn term_and_form<'t>(lexicon: &Lexicon, text: &'t str) -> Option<(&'t str, FormMatch)> {
    let first = first_form_word(&lexicon.drafting, text, false)?;
    let before = text[..first.start].trim_end();
    if !first.weak || lexicon.concept_of(before).is_some() {
        return Some((before, first));
    }
    let strong = first_form_word(&lexicon.drafting, text, true)?;
    Some((text[..strong.start].trim_end(), strong))
}

/// The form of a definition from the words after its term.
/// Whether the words after a quoted term stand in the next column of a table: after its
/// closing quote, a gap of two spaces or more, or a tab, then words on the same line.
fn in_a_column(after_term: &str) -> bool {
    let rest = after_term.trim_start_matches(['"', '\u{201D}', '\u{2019}', '\'']);
    let gap = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    let first_line = rest.lines().next().unwrap_or_default().trim();
    (gap >= 2 || rest.starts_with('\t')) && !first_line.is_empty()
}

/// The length of a short heading run into a provision's first line (`- Trafficking in persons.
/// `), with the dashes before it and the spaces after it: at most six words, then a full stop.
fn inline_heading_len(head: &str) -> Option<usize> {
    let start = head.len()
        - head
            .trim_start_matches(|character: char| {
                crate::structure::is_dash(character) || character == '-' || character.is_whitespace()
            })
            .len();
    let rest = &head[start..];
    let stop = rest.find(". ")?;
    let words = crate::fold::word_count(&rest[..stop]);
    if words == 0 || words > 6 || rest[..stop].contains([',', ';', ':', '\n']) {
        return None;
    }
    let after = stop + 1;
    Some(start + after + (rest[after..].len() - rest[after..].trim_start().len()))
}

/// `"term"—\n(a) means ...`: the words after a paragraph label that opens the next line.
fn skip_label(after: &str) -> &str {
    let Some((first, rest)) = after.split_once('\n') else { return after };
    let trimmed = rest.trim_start();
    let is_label = |label: &str| {
        label.len() <= 6
            && label.starts_with('(')
            && label.ends_with(')')
            && label[1..label.len() - 1].chars().all(|character| character.is_alphanumeric())
    };
    match trimmed.split_once(char::is_whitespace) {
        Some((label, words)) if first.trim().chars().all(|c| !c.is_alphanumeric()) && is_label(label) => words,
        _ => after,
    }
}

fn form_after(drafting: &DraftingWords, after: &str) -> Option<FormMatch> {
    let after = window(after);
    drafting.form_after(after, FORM_WINDOW_WORDS)
}
