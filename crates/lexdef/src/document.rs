//! The tree of provisions the structure parser makes of an instrument's text.

use serde::{Deserialize, Serialize};

use crate::eid::Eid;
use crate::instrument_id::InstrumentId;
use crate::warning::Warning;

/// A byte range in [`crate::Instrument::text`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// As a range, for slicing the text.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// Whether `other` lies within this span.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// What kind of provision, in the law's own hierarchy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ProvisionKind {
    /// Text before the first numbered provision (title, preamble, enacting words).
    Preamble,
    /// The whole text of an instrument in which no numbering was recognised.
    Body,
    /// `PART 2`, `Part 5.1`, `BAHAGIAN 1`.
    Part,
    /// `Titel XVIII`, `Titre II`, `TÍTULO VII`: a title of a code, between a part (or book)
    /// and a chapter; a container left out of its articles' eIds.
    Title,
    /// `Chapter 1`, `Chương I`, `BAB I`, `หมวด ๑`, `Chapitre VI-I`, or a Roman numeral alone on
    /// its line.
    Chapter,
    /// `Division 271` (Australia): like a part, a container left out of its sections' eIds.
    Division,
    /// `Subdivision B` (Australia), in a division.
    Subdivision,
    /// `Article 3`, `Art. 225-4-1`, `Article 1 bis` (`art_1bis`), `Artikel 273f`, `Điều 3`,
    /// `Pasal 3`.
    Article,
    /// `Section 3.`, `SEC. 3.`, `มาตรา ๓`, `§ 7102.`, `§ 232a`, `18 U.S.C. § 1581.` (the
    /// number after `§`), `§ 787.06.`, `12.` or `98D.` in a Commonwealth act, a decimal `279.01`
    /// or `271.2` outside an article, `118 (1)` (Canada); and `SECTION I` of a treaty, a
    /// container of articles left out of their eIds.
    Section,
    /// `(1)` in a section.
    Subsection,
    /// `1.`, `(1)` or `1°` in an article; `(a)` or `(A)` elsewhere.
    Paragraph,
    /// `(a)` or `a)` in a paragraph; `(1)` in a paragraph `(a)` of a section (United States
    /// Code: `(a)(1)`).
    Subparagraph,
    /// The level under a subparagraph: `(A)` in `(a)(1)(A)` (United States Code), or any
    /// further letter or number level.
    Clause,
    /// `(i)`, `(ii)`: a Roman numeral, at whatever level.
    Item,
    /// The level under an item: `(I)` in `(a)(1)(A)(i)(I)`, `(aa)` (United States Code).
    Subclause,
    /// A paragraph that defines a quoted term (`"child" means ...`), or, in a definitions
    /// section, an unquoted headword (`exploitation means ...`).
    Definition,
}

impl ProvisionKind {
    /// The Akoma Ntoso name used in eIds: `sec`, `subsec`, `para`, ...
    pub fn eid_name(self) -> &'static str {
        match self {
            ProvisionKind::Preamble => "preamble",
            ProvisionKind::Body => "body",
            ProvisionKind::Part => "part",
            ProvisionKind::Title => "title",
            ProvisionKind::Chapter => "chp",
            ProvisionKind::Division => "division",
            ProvisionKind::Subdivision => "subdivision",
            ProvisionKind::Article => "art",
            ProvisionKind::Section => "sec",
            ProvisionKind::Subsection => "subsec",
            ProvisionKind::Paragraph => "para",
            ProvisionKind::Subparagraph => "subpara",
            ProvisionKind::Clause => "clause",
            ProvisionKind::Item => "item",
            ProvisionKind::Subclause => "subclause",
            ProvisionKind::Definition => "def",
        }
    }
}

/// One provision and the provisions under it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provision {
    /// Its id, unique in the document.
    pub eid: Eid,
    /// Its kind.
    pub kind: ProvisionKind,
    /// The number exactly as printed (`Section 4-A.`, `(b)`, `มาตรา ๖`); `None` where the
    /// provision has none (a preamble, a definition, a provision whose number the source
    /// does not show).
    pub num: Option<String>,
    /// The number as used in the eId (`4-A`, `b`, `6`).
    pub number: Option<String>,
    /// For a definition, the defined term as written between its quotes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub term: Option<String>,
    /// Its heading, where it has one.
    pub heading: Option<String>,
    /// Where the heading is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heading_span: Option<Span>,
    /// The provision's text, from its first character (its marginal heading where it has one)
    /// to the last character of its last line; `&text[span]` is the provision as printed.
    pub span: Span,
    /// The line of the file where its number (or, unnumbered, its first word) is.
    pub line: usize,
    /// Part of the quoted text of an amending provision: a provision of the amended
    /// instrument, not of this one.
    pub quoted: bool,
    /// The number is not printed by the source but inferred (from a `{{number: ...}}` marker).
    pub number_inferred: bool,
    /// Text is missing within or right after this provision (a gap marker): it may say more
    /// than the corpus shows.
    pub incomplete: bool,
    /// The provisions under it, in text order.
    pub children: Vec<Provision>,
}

impl Provision {
    /// Its own words: the text of its span without its children's spans, trimmed. `text` is
    /// the text the provision was parsed from (`Instrument::text`); `None` if the spans do
    /// not lie on character boundaries inside `text` (another text was given). This is what
    /// the search index holds for the provision.
    ///
    /// ```
    /// let corpus = lexdef::Corpus::bundled();
    /// let palermo = corpus.require("INTL-PALERMO-2000")?;
    /// let document = lexdef::parse(palermo);
    /// let article_3 = document.find("art_3").expect("the Protocol has an Article 3");
    /// let own = article_3.own_text(&palermo.text).expect("the Protocol's own text");
    /// // The article's own words end where its paragraph a) begins.
    /// assert!(own.ends_with("For the purposes of this Protocol:"), "{own}");
    /// assert!(!own.contains("shall mean"));
    /// assert_eq!(article_3.own_text("a shorter text"), None);
    /// # Ok::<(), lexdef::Error>(())
    /// ```
    pub fn own_text(&self, text: &str) -> Option<String> {
        let mut out = String::new();
        let mut cursor = self.span.start;
        for child in &self.children {
            out.push_str(text.get(cursor..child.span.start)?);
            cursor = child.span.end;
        }
        out.push_str(text.get(cursor..self.span.end)?);
        Some(out.trim().to_owned())
    }

    /// The words after the provision's number (and heading) on their first line, and where
    /// they start in `text`: `Whoever, for the purpose of ...` of `Section 6\nWhoever, ...`.
    /// Empty where `text` is not the provision's text.
    pub(crate) fn head<'t>(&self, text: &'t str) -> (usize, &'t str) {
        let start = self.span.start;
        let end = self.children.first().map_or(self.span.end, |child| child.span.start);
        let Some(own) = text.get(start..end.max(start)) else { return (start, "") };
        let mut offset = 0;
        if let Some(heading) = self.heading_span {
            offset = heading.end.saturating_sub(start);
        }
        if let Some(num) = self.num.as_deref().filter(|_| !self.number_inferred) {
            if let Some(found) = own.find(num) {
                offset = offset.max(found + num.len());
            }
        }
        let mut rest = own.get(offset..).unwrap_or("");
        // `Section 6` alone on its line, the text on the next: the head is that next line.
        let first_line_end = rest.find(['\n', '\r']).unwrap_or(rest.len());
        // (What is left of the heading's line may be its closing dot or dash.)
        let first_line_blank = rest[..first_line_end]
            .chars()
            .all(|character| character.is_whitespace() || character == '.' || crate::structure::is_dash(character));
        if first_line_blank {
            let after_line = &rest[first_line_end..];
            let skipped = first_line_end + (after_line.len() - after_line.trim_start().len());
            offset += skipped;
            rest = &rest[skipped..];
        }
        let line_end = rest.find(['\n', '\r']).unwrap_or(rest.len());
        let line = &rest[..line_end];
        let mut trimmed = line.trim_start_matches(|character: char| {
            character.is_whitespace() || character == '.' || crate::structure::is_dash(character)
        });
        // A heading run in before the words, United States style: `IN GENERAL.—It shall be
        // unlawful ...`, `Severe forms of trafficking in persons.—The term ...`.
        if let Some(dot) = trimmed.get(..trimmed.len().min(120)).and_then(|opening| opening.find(".\u{2014}")) {
            if !trimmed[..dot].contains(['.', ';', ':', ',']) {
                trimmed = trimmed[dot + ".\u{2014}".len()..].trim_start();
            }
        }
        (start + offset + (line.len() - trimmed.len()), trimmed)
    }

    /// This provision and all under it, depth first in text order.
    pub fn walk(&self) -> impl Iterator<Item = &Provision> {
        let mut stack = vec![self];
        std::iter::from_fn(move || {
            let provision = stack.pop()?;
            stack.extend(provision.children.iter().rev());
            Some(provision)
        })
    }
}

/// A gap in the text, placed in the tree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentGap {
    /// Missing text, or missing whole provisions.
    pub kind: crate::instrument::GapKind,
    /// Byte offset in the text.
    pub offset: usize,
    /// The line of the file where the gap marker is.
    pub line: usize,
    /// What is missing.
    pub note: String,
    /// For missing text, the innermost provision open where the gap is; for omitted
    /// provisions, the provision that lacks them. `None` at the top level.
    pub within: Option<Eid>,
}

/// Where the document's headings start, each with the start of the provision it heads, in
/// text order: built once per document, so finding a provision's own words costs a search,
/// not a walk of the tree.
#[derive(Debug, Clone, Default)]
pub(crate) struct HeadingIndex {
    headings: Vec<(usize, usize)>,
}

impl HeadingIndex {
    /// The part of `provision`'s span that is its own words: after its own heading, and
    /// before the marginal heading of a later provision that the parser left at its end
    /// (`Offence of trafficking in persons by means of threat, force, etc.` on the line before
    /// `13.` closes the span of `12.`). Headings of the provisions inside it stay inside it.
    pub(crate) fn words_span(&self, provision: &Provision, text: &str) -> Span {
        let span = provision.span;
        let from = self.headings.partition_point(|&(start, _)| start <= span.start);
        let end = self.headings[from..]
            .iter()
            .take_while(|&&(start, _)| start < span.end)
            .find(|&&(_, owner)| owner >= span.end)
            .map_or(span.end, |&(start, _)| start);
        // Its own heading is a name, not operative words: they start after it.
        let start = provision
            .heading_span
            .filter(|heading| heading.start >= span.start && heading.end <= end)
            .map_or(span.start, |heading| heading.end);
        let Some(own) = text.get(start..end) else { return Span { start, end } };
        // A marginal heading the parser did not take as one: the last line of the span, a
        // capitalised line that ends without punctuation (`etc.` is an abbreviation's dot).
        let trimmed = own.trim_end();
        let end = match trimmed.rfind('\n') {
            Some(line_start) if provision.children.is_empty() => {
                let last = trimmed[line_start + 1..].trim();
                let ends_open = !last.ends_with(['.', ';', ':', ',', '\u{2014}', '-']) || last.ends_with("etc.");
                if last.starts_with(char::is_uppercase) && ends_open && last.len() < 120 {
                    start + line_start + 1
                } else {
                    end
                }
            }
            _ => end,
        };
        Span { start, end }
    }
}

/// The structure of one instrument's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Which instrument.
    pub instrument: InstrumentId,
    /// The top-level provisions, in text order.
    pub provisions: Vec<Provision>,
    /// Where text is missing.
    pub gaps: Vec<DocumentGap>,
    /// What the parser could not read as expected.
    pub warnings: Vec<Warning>,
}

impl Document {
    /// The marginal headings of the document, indexed once for [`HeadingIndex::words_span`].
    pub(crate) fn heading_index(&self) -> HeadingIndex {
        let mut headings: Vec<(usize, usize)> = self
            .walk()
            .filter_map(|provision| provision.heading_span.map(|heading| (heading.start, provision.span.start)))
            .collect();
        headings.sort_unstable();
        HeadingIndex { headings }
    }

    /// Every provision, depth first in text order.
    pub fn walk(&self) -> impl Iterator<Item = &Provision> {
        self.provisions.iter().flat_map(Provision::walk)
    }

    /// The provision with this eId.
    pub fn find(&self, eid: &str) -> Option<&Provision> {
        self.walk().find(|provision| provision.eid.as_str() == eid)
    }
}
