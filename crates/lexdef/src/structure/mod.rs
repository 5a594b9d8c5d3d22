//! The structure parser: an instrument's text to a [`Document`], a tree of provisions with
//! eIds and exact byte spans.
//!
//! The parser reads line by line. Each line is a label (a provision starts), a definition
//! (`"child" means ...`), or text that continues the provision open above it. Where a new
//! provision goes is decided by a stack of open provisions: it closes provisions until the
//! top is one that may hold it (a `(b)` closes the `(a)` before it, a `Section 4.` closes
//! section 3 and everything in it). Quoted text of an amending provision opens a region
//! whose provisions nest under the amending one and are marked `quoted`.
//!
//! Every step looks at one line or a bounded window, so time is linear in the text.
//!
//! The grammar is split by area, each file over the one `Parser` state kept here:
//! `label` recognises the number a line starts with, `level` decides where a numbered
//! provision goes and what kind it is, `heading` reads headings, `amendment` the quoted text
//! of amending provisions, `gap` the gap and number markers, `defined_term` the term a
//! definition starts with (the one recogniser the definition extractor uses too),
//! `definitions` where a line opens a definition, and `eids` names every provision once the
//! tree is built. The words of languages they read (`Section`, `มาตรา`, `amended`, `means`)
//! are data, `data/structure.toml`, read by `words`.

mod amendment;
mod defined_term;
mod definitions;
mod eids;
mod gap;
mod heading;
mod label;
mod level;
mod words;

use crate::document::{Document, DocumentGap, Provision, ProvisionKind, Span};
use crate::eid::Eid;
use crate::instrument::Instrument;
use crate::warning::{Warning, WarningKind};

use amendment::{opening_quote_len, revision_marker_len};
use defined_term::defined_term;
pub(crate) use defined_term::quoted_term;
use eids::assign_eids;
use heading::is_heading_like;
pub(crate) use label::{arabic_digit, is_dash};
use label::{recognise, Unit};
pub(crate) use words::omission_notes;
use words::structure_words;

/// Parse an instrument's text into its provisions.
///
/// An instrument read from Akoma Ntoso has the document's own tree, which this returns.
pub fn parse(instrument: &Instrument) -> Document {
    if let Some(document) = instrument.akn_document() {
        return document.clone();
    }
    Parser::new(instrument).run()
}

/// The level of a new provision, from its label and where it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Level {
    Part,
    /// `Titel XVIII`, `Titre II`: between a part (a book) and a chapter.
    Title,
    Chapter,
    Division,
    /// `SECTION I` of a treaty: a group of articles.
    SectionGroup,
    Subdivision,
    Unit(Unit),
    /// `(1)`, `1.` under a unit.
    Numeric,
    /// `§ 1º` in an article (Brazil): a paragraph that closes the article's incisos.
    ParagraphSign,
    /// `I –`, `II –` (Brazilian incisos, French `I. –`): a paragraph numbered by a Roman capital.
    RomanParagraph,
    /// `First.––`, `Secondly.––`: a paragraph numbered by an ordinal word.
    OrdinalWord,
    Definition,
    /// `(a)`, `a)`, `a.`.
    Letter,
    /// `(A)`: a list of its own, not `(a)` written large.
    CapitalLetter,
    /// `(i)`, `(ii)`.
    Roman,
    /// `(I)`, `(II)` under an item `(i)`.
    CapitalRoman,
    /// `(aa)`, `(bb)` under an item.
    DoubleLetter,
    Unnumbered,
    Preamble,
}

impl Level {
    /// A level that holds articles or sections and is left out of their eIds.
    fn is_container(self) -> bool {
        matches!(
            self,
            Level::Part | Level::Title | Level::Chapter | Level::Division | Level::SectionGroup | Level::Subdivision
        )
    }

    /// A numbered list level, whose next number continues an open list of its own.
    fn is_list(self) -> bool {
        matches!(
            self,
            Level::Numeric
                | Level::ParagraphSign
                | Level::RomanParagraph
                | Level::OrdinalWord
                | Level::Letter
                | Level::CapitalLetter
                | Level::Roman
                | Level::CapitalRoman
                | Level::DoubleLetter
        )
    }
}

#[derive(Debug)]
struct Node {
    kind: ProvisionKind,
    level: Level,
    /// The eId component, before making it unique among siblings.
    component: String,
    eid: Option<Eid>,
    num: Option<String>,
    number: Option<String>,
    term: Option<String>,
    heading: Option<Span>,
    start: usize,
    /// End of the last content line of this node itself.
    end: usize,
    label_offset: usize,
    quoted: bool,
    number_inferred: bool,
    incomplete: bool,
    /// Sections numbered without a keyword (`12.`) take marginal headings; keyword sections
    /// (`Section 6`) read a bare `1.` as a subsection.
    bare: bool,
    /// A line in it introduced definitions (`In this Division:`): unquoted headwords in it
    /// are defined terms.
    defines_terms: bool,
    /// How its number is printed, for a number of a list (`1.`, `(1)`, `1)`, `1°`): a list
    /// printed otherwise is a list of its own.
    print: Option<level::NumberPrint>,
    parent: Option<usize>,
    children: Vec<usize>,
}

struct Parser<'a> {
    instrument: &'a Instrument,
    text: &'a str,
    nodes: Vec<Node>,
    roots: Vec<usize>,
    stack: Vec<usize>,
    /// Stack depth of the amending provision while inside its quoted text.
    quoted_floor: Option<usize>,
    /// A heading-like line held back: it is the marginal heading of a following `12.` section,
    /// or else text of the provision open above it.
    pending_heading: Option<Span>,
    /// The node whose heading may be on the next line (`Article 3` then `Use of terms`).
    expects_heading: Option<usize>,
    previous_line_blank: bool,
    previous_line_end_char: Option<char>,
    next_gap: usize,
    next_number_marker: usize,
    /// Each gap (by index) and the node open where it is.
    gap_nodes: Vec<(usize, Option<usize>)>,
    /// An own-line gap sits between the previous line and this one.
    own_line_gap_before: bool,
    /// `{{omitted: ...}}` gaps waiting for the next provision to show their level.
    pending_omissions: Vec<usize>,
    /// The quote region was opened by a quoted line of text (a heading: `“Kesalahan ...`),
    /// and no provision has opened in it yet: the next numbered provision belongs to it.
    region_awaits_provision: bool,
    warned_depth: bool,
    /// Inside the `Explanation` lines after a list (until the next numbered provision).
    explaining: bool,
    warnings: Vec<Warning>,
}

impl<'a> Parser<'a> {
    fn new(instrument: &'a Instrument) -> Parser<'a> {
        Parser {
            instrument,
            text: &instrument.text,
            nodes: Vec::new(),
            roots: Vec::new(),
            stack: Vec::new(),
            quoted_floor: None,
            pending_heading: None,
            expects_heading: None,
            previous_line_blank: true,
            previous_line_end_char: None,
            next_gap: 0,
            next_number_marker: 0,
            gap_nodes: Vec::new(),
            own_line_gap_before: false,
            pending_omissions: Vec::new(),
            region_awaits_provision: false,
            warned_depth: false,
            explaining: false,
            warnings: Vec::new(),
        }
    }

    fn run(mut self) -> Document {
        let text = self.text;
        let mut line_start = 0;
        while line_start < text.len() {
            let (content_end, next_start) = line_bounds(text, line_start);
            self.assign_gaps_before(line_start);
            self.line(line_start, content_end);
            line_start = next_start;
        }
        self.flush_pending_heading();
        self.assign_gaps_before(usize::MAX);
        // Omitted provisions after the last one are top-level ones.
        for gap in std::mem::take(&mut self.pending_omissions) {
            self.gap_nodes.push((gap, None));
        }
        self.finish()
    }

    fn line(&mut self, start: usize, end: usize) {
        let raw = &self.text[start..end];
        let trimmed_start = start + (raw.len() - raw.trim_start().len());
        let content = self.text[trimmed_start..end].trim_end();
        let content_end = trimmed_start + content.len();
        let mut marker = self.number_marker_at(start, trimmed_start);
        // A marker alone on its line opens its provision before this line's text.
        while let Some(index) = marker.filter(|&index| self.instrument.number_markers[index].own_line) {
            let (label, inferred) = self.marker_label(index);
            self.flush_pending_heading();
            self.open_labelled(label, start, start, start, false, inferred);
            marker = self.number_marker_at(start, trimmed_start);
        }
        if content.is_empty() && marker.is_none() {
            self.previous_line_blank = true;
            return;
        }
        // `F1[ ‘exploitation’ means—`: a revised edition's note of an amendment, before the words;
        // `I. Section 3: Offence ...`: the list label of a page that quotes the law.
        let annotation = revision_marker_len(content) + label::quoting_list_label_len(content);
        let annotated = &content[annotation..];
        let (quote_len, quoted_line) = opening_quote_len(annotated);
        let body = &annotated[quote_len..];
        let body_start = trimmed_start + annotation + quote_len;

        if let Some((label, inferred_num)) = marker.map(|marker| self.marker_label(marker)) {
            self.flush_pending_heading();
            self.open_labelled(label, trimmed_start, body_start, content_end, quoted_line, inferred_num);
        } else if let Some(label) =
            recognise(body).filter(|label| self.reads_as_label(label)).or_else(|| self.undotted_section_here(body))
        {
            self.open_labelled(Some(label), trimmed_start, body_start, content_end, quoted_line, None);
        } else if let Some(term) =
            defined_term(annotated, self.inline_gap_at(content_end)).or_else(|| self.lone_quoted_term(annotated))
        {
            self.flush_pending_heading();
            self.open_definition(term.shifted(annotation), trimmed_start, content_end, quoted_line);
        } else if let Some(term) = self.headword_definition(annotated) {
            self.flush_pending_heading();
            self.open_definition(term.shifted(annotation), trimmed_start, content_end, quoted_line);
        } else {
            self.text_line(trimmed_start, content_end, content, quoted_line);
        }
        self.previous_line_blank = false;
        self.own_line_gap_before = false;
        self.previous_line_end_char = content.chars().last();
        self.note_definitions_introduction(content);
        if quoted_line || self.quoted_floor.is_some() {
            self.close_quote_region_if_closed(content);
        }
    }

    fn text_line(&mut self, start: usize, end: usize, content: &str, quoted_line: bool) {
        if let Some(node) = self.expects_heading.take() {
            if is_heading_like(content) && !quoted_line {
                self.nodes[node].heading = Some(Span { start, end });
                self.extend(node, end);
                return;
            }
        }
        if quoted_line
            && self.quoted_floor.is_none()
            && self.in_amending_context(start, &structure_words().amendment_words)
        {
            self.quoted_floor = Some(self.stack.len());
            self.region_awaits_provision = true;
        }
        // `Explanation (1) ...` after a list explains the provision that holds the list (South
        // and South-East Asian drafting), not the list's last item.
        let explains =
            structure_words().explanation_openings.iter().any(|opening| content.starts_with(opening.as_str()));
        if explains && !self.explaining {
            self.explaining = true;
            let floor = self.quoted_floor.unwrap_or(0);
            if self.stack.len() > floor + 1 {
                let top = self.nodes[*self.stack.last().expect("the stack is longer than one")].level;
                if top.is_list() {
                    self.stack.pop();
                }
            }
        }
        self.flush_pending_heading();
        let marginal = (self.previous_line_blank && is_heading_like(content))
            || self.is_marginal_heading_above_section(content, end);
        if marginal && !quoted_line {
            self.pending_heading = Some(Span { start, end });
            return;
        }
        match self.stack.last().copied() {
            Some(top) => self.extend(top, end),
            None => {
                let node = self.push_node(
                    ProvisionKind::Preamble,
                    Level::Preamble,
                    "preamble".to_owned(),
                    start,
                    start,
                    false,
                );
                self.nodes[node].end = end;
            }
        }
    }

    fn extend(&mut self, node: usize, end: usize) {
        let node = &mut self.nodes[node];
        node.end = node.end.max(end);
    }

    fn push_node(
        &mut self,
        kind: ProvisionKind,
        level: Level,
        component: String,
        start: usize,
        label_offset: usize,
        quoted: bool,
    ) -> usize {
        let parent = self.stack.last().copied();
        // Omitted provisions were siblings of this one: its parent lacks them.
        for gap in std::mem::take(&mut self.pending_omissions) {
            let mut cursor = parent;
            while let Some(index) = cursor {
                self.nodes[index].incomplete = true;
                cursor = self.nodes[index].parent;
            }
            self.gap_nodes.push((gap, parent));
        }
        let index = self.nodes.len();
        self.nodes.push(Node {
            kind,
            level,
            component,
            eid: None,
            num: None,
            number: None,
            term: None,
            heading: None,
            start,
            end: start,
            label_offset,
            quoted,
            number_inferred: false,
            incomplete: false,
            bare: false,
            defines_terms: false,
            print: None,
            parent,
            children: Vec::new(),
        });
        match parent {
            Some(parent) => self.nodes[parent].children.push(index),
            None => self.roots.push(index),
        }
        self.stack.push(index);
        index
    }

    fn finish(mut self) -> Document {
        let numbered = self.nodes.iter().any(|node| node.kind != ProvisionKind::Preamble);
        if !numbered {
            if let Some(&only) = self.roots.first() {
                self.nodes[only].kind = ProvisionKind::Body;
                self.nodes[only].component = "body".to_owned();
            }
            if !self.text.trim().is_empty() {
                self.warnings.push(Warning::new(
                    WarningKind::NoNumbering,
                    self.instrument.locate(0),
                    "no provision numbers recognised (`Section 1.`, `Article 1`, `(a)`, ...): the whole text is one provision",
                ));
            }
        }
        let roots = std::mem::take(&mut self.roots);
        assign_eids(&mut self.nodes, &roots);
        // The gaps first: building the provisions moves the eIds out of the nodes.
        let mut gaps = self
            .gap_nodes
            .iter()
            .map(|&(gap, node)| {
                let gap = &self.instrument.gaps[gap];
                DocumentGap {
                    kind: gap.kind,
                    offset: gap.offset,
                    line: gap.location.line,
                    note: gap.note.clone(),
                    within: node.and_then(|node| self.nodes[node].eid.clone()),
                }
            })
            .collect::<Vec<_>>();
        gaps.sort_by_key(|gap| gap.offset);
        let provisions = roots.iter().map(|&index| self.build(index)).collect();
        Document { instrument: self.instrument.id.clone(), provisions, gaps, warnings: self.warnings }
    }

    /// The provision for node `index`, its span grown to cover its children. Each node is
    /// built once, so its strings are moved into the provision, not copied.
    fn build(&mut self, index: usize) -> Provision {
        let child_nodes = std::mem::take(&mut self.nodes[index].children);
        let children: Vec<Provision> = child_nodes.iter().map(|&child| self.build(child)).collect();
        let line = self.instrument.locate(self.nodes[index].label_offset).line;
        let node = &mut self.nodes[index];
        let end = children.iter().map(|child| child.span.end).fold(node.end, usize::max);
        Provision {
            eid: node.eid.take().expect("assign_eids gives every node an eId"),
            kind: node.kind,
            num: node.num.take(),
            number: node.number.take(),
            term: node.term.take(),
            heading: node.heading.map(|span| self.text[span.range()].to_owned()),
            heading_span: node.heading,
            span: Span { start: node.start, end },
            line,
            quoted: node.quoted,
            number_inferred: node.number_inferred,
            incomplete: node.incomplete,
            children,
        }
    }
}

/// The end of a line's content and the start of the next line.
fn line_bounds(text: &str, start: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let mut position = start;
    while position < bytes.len() && bytes[position] != b'\n' && bytes[position] != b'\r' {
        position += 1;
    }
    let next = match (bytes.get(position), bytes.get(position + 1)) {
        (Some(b'\r'), Some(b'\n')) => position + 2,
        (Some(_), _) => position + 1,
        (None, _) => position,
    };
    (position, next)
}

#[cfg(test)]
mod tests;
