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

mod label;

use rustc_hash::FxHashMap;

use crate::document::{Document, DocumentGap, Provision, ProvisionKind, Span};
use crate::eid::Eid;
use crate::instrument::{GapKind, Instrument};
use crate::warning::{Warning, WarningKind};

pub(crate) use label::is_dash;
use label::{is_closing_quote, is_opening_quote, recognise, Label, LabelStyle, Unit};

/// Headings longer than this (in characters) are read as text.
const MAX_HEADING_CHARS: usize = 120;
/// A heading that ends with a dot (`Section 2. Definitions.`) has at most this many words;
/// a longer line is a sentence.
const MAX_DOTTED_HEADING_WORDS: usize = 6;
/// Defined terms longer than this (in words) are read as a quoted sentence, not a term.
const MAX_TERM_WORDS: usize = 12;
/// No law nests provisions this deep; a text that does is read flatter, with a warning.
const MAX_DEPTH: usize = 32;
/// How far back (in bytes) the parser looks for the words that make a provision amending.
const AMENDMENT_WINDOW: usize = 2_000;

/// Words that make the quoted lines after them the text of an amendment, lower case.
const AMENDMENT_WORDS: &[&str] = &[
    "amended",
    "amend ",
    "substitut",
    "insert",
    "replace",
    "as follows",
    "the following",
    "dipinda",
    "menggantikan",
    "memasukkan",
    "digantikan",
    "sửa đổi",
    "bổ sung",
    "แก้ไข",
    "ยกเลิก",
    "ความต่อไปนี้",
];

/// Words after which an unquoted provision is the text of an amendment, lower case.
const STRONG_AMENDMENT_WORDS: &[&str] = &[
    "following section",
    "following subsection",
    "following paragraph",
    "following definition",
    "following new",
    "read as follows",
];

/// Where a new provision stands relative to quoted amending text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Region {
    Outside,
    Inside,
    /// A quoted `"SEC. 4-B.` with no amending words before it: quoted text starting here.
    OpensAfterClosing,
}

/// Parse an instrument's text into its provisions.
pub fn parse(instrument: &Instrument) -> Document {
    Parser::new(instrument).run()
}

/// The level of a new provision, from its label and where it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Level {
    Part,
    Chapter,
    Unit(Unit),
    Numeric,
    Definition,
    Letter,
    Roman,
    Unnumbered,
    Preamble,
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
        let (quote_len, quoted_line) = opening_quote_len(content);
        let body = &content[quote_len..];
        let body_start = trimmed_start + quote_len;

        if let Some((label, inferred_num)) = marker.map(|marker| self.marker_label(marker)) {
            self.flush_pending_heading();
            self.open_labelled(label, trimmed_start, body_start, content_end, quoted_line, inferred_num);
        } else if let Some(label) = recognise(body) {
            self.open_labelled(Some(label), trimmed_start, body_start, content_end, quoted_line, None);
        } else if let Some(term) = defined_term(content, self.inline_gap_at(content_end)) {
            self.flush_pending_heading();
            self.open_definition(term, trimmed_start, content_end, quoted_line);
        } else {
            self.text_line(trimmed_start, content_end, content, quoted_line);
        }
        self.previous_line_blank = false;
        self.own_line_gap_before = false;
        self.previous_line_end_char = content.chars().last();
        if quoted_line || self.quoted_floor.is_some() {
            self.close_quote_region_if_closed(content);
        }
    }

    /// A `{{number: ...}}` marker at the start of this line.
    fn number_marker_at(&mut self, line_start: usize, content_start: usize) -> Option<usize> {
        let markers = &self.instrument.number_markers;
        while self.next_number_marker < markers.len() && markers[self.next_number_marker].offset < line_start {
            // A marker inside a line, not at its start, numbers nothing: the corpus puts
            // number markers at the start of the provision they number.
            let marker = &markers[self.next_number_marker];
            self.warnings.push(Warning::new(
                WarningKind::MisplacedMarker,
                marker.location.clone(),
                "a `{{number: ...}}` marker inside a line numbers nothing: put it at the start of the provision's line",
            ));
            self.next_number_marker += 1;
        }
        let index = self.next_number_marker;
        let marker = markers.get(index)?;
        (marker.offset >= line_start && marker.offset <= content_start).then(|| {
            self.next_number_marker += 1;
            index
        })
    }

    /// The label a number marker stands for: the recognised label of its text (`(f)`), or
    /// none for `?`. Returns the printed number to record.
    fn marker_label(&self, index: usize) -> (Option<Label>, Option<String>) {
        let marker = &self.instrument.number_markers[index];
        match &marker.label {
            Some(printed) => {
                // The label is recognised on its own, as if printed before the text.
                let probe = format!("{printed} x");
                let label = recognise(&probe).map(|mut label| {
                    label.printed_len = 0;
                    label.rest = 0;
                    label.inline_subsection = None;
                    label
                });
                // A bare `6`: a section (or article) like the one open before it.
                let label = label.or_else(|| {
                    let designator = printed
                        .chars()
                        .all(|character| character.is_alphanumeric() || character == '-' || character == '/');
                    designator.then(|| {
                        let unit = self
                            .stack
                            .iter()
                            .rev()
                            .find_map(|&index| match self.nodes[index].level {
                                Level::Unit(unit) => Some(unit),
                                _ => None,
                            })
                            .unwrap_or(Unit::Section);
                        Label {
                            style: LabelStyle::Keyword { unit, inline_heading: false },
                            start: 0,
                            printed_len: 0,
                            number: label::normalise_number(printed),
                            rest: 0,
                            inline_subsection: None,
                        }
                    })
                });
                (label, Some(printed.clone()))
            }
            None => (None, None),
        }
    }

    /// Whether an inline gap marker sits at `offset` (the text stops there).
    fn inline_gap_at(&self, offset: usize) -> bool {
        let gaps = &self.instrument.gaps;
        let first = gaps.partition_point(|gap| gap.offset < offset);
        gaps.get(first).is_some_and(|gap| gap.offset == offset && !gap.own_line)
    }

    fn text_line(&mut self, start: usize, end: usize, content: &str, quoted_line: bool) {
        if let Some(node) = self.expects_heading.take() {
            if is_heading_like(content) && !quoted_line {
                self.nodes[node].heading = Some(Span { start, end });
                self.extend(node, end);
                return;
            }
        }
        if quoted_line && self.quoted_floor.is_none() && self.in_amending_context(start, AMENDMENT_WORDS) {
            self.quoted_floor = Some(self.stack.len());
            self.region_awaits_provision = true;
        }
        // `Explanation (1) ...` after a list explains the provision that holds the list (South
        // and South-East Asian drafting), not the list's last item.
        if content.starts_with("Explanation") && !self.explaining {
            self.explaining = true;
            let floor = self.quoted_floor.unwrap_or(0);
            if self.stack.len() > floor + 1 {
                let top = self.nodes[*self.stack.last().expect("the stack is longer than one")].level;
                if matches!(top, Level::Numeric | Level::Letter | Level::Roman) {
                    self.stack.pop();
                }
            }
        }
        self.flush_pending_heading();
        if self.previous_line_blank && is_heading_like(content) && !quoted_line {
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

    fn flush_pending_heading(&mut self) {
        if let Some(span) = self.pending_heading.take() {
            match self.stack.last().copied() {
                Some(top) => self.extend(top, span.end),
                None => {
                    let node = self.push_node(
                        ProvisionKind::Preamble,
                        Level::Preamble,
                        "preamble".to_owned(),
                        span.start,
                        span.start,
                        false,
                    );
                    self.nodes[node].end = span.end;
                }
            }
        }
    }

    fn extend(&mut self, node: usize, end: usize) {
        let node = &mut self.nodes[node];
        node.end = node.end.max(end);
    }

    fn open_labelled(
        &mut self,
        label: Option<Label>,
        line_start: usize,
        body_start: usize,
        content_end: usize,
        quoted_line: bool,
        inferred_num: Option<String>,
    ) {
        self.expects_heading = None;
        self.explaining = false;
        let region = self.enter_or_leave_quote_region(quoted_line, label.as_ref());
        let in_quote = region != Region::Outside;
        let level = match &label {
            Some(label) => self.level_of(label),
            None => self.unnumbered_level(),
        };
        let marginal_heading = match (&label, level) {
            (Some(label), Level::Unit(Unit::Section)) if label.style == LabelStyle::BareNumber => {
                self.pending_heading.take()
            }
            _ => None,
        };
        self.flush_pending_heading();
        let start = marginal_heading.map_or(line_start, |span| span.start);
        self.close_for(level, label.as_ref().map(|label| label.number.as_str()));
        if region == Region::OpensAfterClosing {
            self.quoted_floor = Some(self.stack.len());
        }
        let parent = self.stack.last().map(|&index| &self.nodes[index]);
        // The first provisions of quoted text are the amended instrument's: a quoted `(2)`
        // inserted into a section is a subsection of it, whatever the amending text is.
        let region_top = in_quote && self.quoted_floor == Some(self.stack.len());
        let kind = match level {
            Level::Numeric if region_top => ProvisionKind::Subsection,
            Level::Letter if region_top => ProvisionKind::Paragraph,
            _ => kind_for(level, parent.map(|parent| parent.kind)),
        };
        let number = label.as_ref().map(|label| label.number.clone());
        let component = match &number {
            Some(number) => format!("{}_{number}", kind.eid_name()),
            None => {
                let position = self.unnumbered_siblings() + 1;
                format!("{}_nn{position}", kind.eid_name())
            }
        };
        let index = self.push_node(kind, level, component, start, body_start, in_quote);
        let printed = label.as_ref().map(|label| &self.text[body_start..body_start + label.printed_len]);
        {
            let node = &mut self.nodes[index];
            node.number = number;
            node.num = match (&inferred_num, printed) {
                (Some(inferred), _) => Some(inferred.clone()),
                (None, Some(printed)) if !printed.is_empty() => Some(printed.to_owned()),
                _ => None,
            };
            node.number_inferred = inferred_num.is_some() || label.is_none();
            node.heading = marginal_heading;
            node.bare = label
                .as_ref()
                .is_some_and(|label| matches!(label.style, LabelStyle::BareNumber | LabelStyle::BareNumberHeading));
            node.end = content_end;
        }
        let Some(label) = label else { return };
        let after_heading = match label.style {
            LabelStyle::Keyword { inline_heading, .. } => {
                self.keyword_heading(index, &label, body_start, content_end, inline_heading, false)
            }
            // `5. Trafficking of persons.—(1) Whoever ...`
            LabelStyle::BareNumber if label.inline_subsection.is_none() && level == Level::Unit(Unit::Section) => {
                self.keyword_heading(index, &label, body_start, content_end, true, true)
            }
            // `1 Meaning of exploitation`
            LabelStyle::BareNumberHeading => {
                let rest_start = body_start + label.rest;
                self.nodes[index].heading = Some(Span { start: rest_start, end: content_end });
                None
            }
            LabelStyle::RomanAlone => {
                self.expects_heading = Some(index);
                None
            }
            _ => None,
        };
        let subsection_after_heading = after_heading.and_then(|offset| {
            let mut label = label::subsection_label(&self.text[offset..content_end])?;
            let shift = offset - body_start;
            label.start += shift;
            label.printed_len += shift;
            label.rest += shift;
            Some(Box::new(label))
        });
        if let Some(subsection) = label.inline_subsection.as_ref().or(subsection_after_heading.as_ref()) {
            let sub_start = body_start + subsection.start;
            debug_assert_eq!(subsection_printed_len(subsection), subsection.printed_len - subsection.start);
            let kind = kind_for(Level::Numeric, Some(self.nodes[index].kind));
            let component = format!("{}_{}", kind.eid_name(), subsection.number);
            let sub = self.push_node(kind, Level::Numeric, component, sub_start, sub_start, in_quote);
            let printed = self.text[sub_start..body_start + subsection.printed_len].to_owned();
            let node = &mut self.nodes[sub];
            node.number = Some(subsection.number.clone());
            node.num = Some(printed);
            node.end = content_end;
        }
    }

    /// Read the heading of a keyword (or `5. Heading.—`) provision. Returns where the text
    /// goes on after the heading's dash, when the heading ends at one.
    fn keyword_heading(
        &mut self,
        index: usize,
        label: &Label,
        body_start: usize,
        content_end: usize,
        inline_heading: bool,
        only_after_dot_dash: bool,
    ) -> Option<usize> {
        let rest_start = body_start + label.rest;
        let rest = &self.text[rest_start.min(content_end)..content_end];
        if rest.trim().is_empty() {
            if !only_after_dot_dash
                && (inline_heading || matches!(self.nodes[index].level, Level::Part | Level::Chapter))
            {
                self.expects_heading = Some(index);
            }
            return None;
        }
        if !inline_heading {
            return None;
        }
        // `Definition of Terms. - As used in this Act:` — the heading ends at the dash.
        if let Some(heading_end) = heading_before_dash(rest, only_after_dot_dash) {
            let heading = rest[..heading_end].trim_end();
            let heading = heading.strip_suffix('.').unwrap_or(heading).trim_end();
            if !heading.is_empty() {
                self.nodes[index].heading = Some(Span { start: rest_start, end: rest_start + heading.len() });
            }
            let dash = rest[heading_end..].chars().next().map_or(0, char::len_utf8);
            let after = rest_start + heading_end + dash;
            return Some(
                after + (self.text[after..content_end].len() - self.text[after..content_end].trim_start().len()),
            );
        }
        // `Section 2. Definitions.` on a line of its own.
        let number_dotted = self.text[body_start..body_start + label.printed_len].ends_with('.');
        let short_dotted = number_dotted
            && rest.trim_end().strip_suffix('.').is_some_and(|heading| {
                heading.split_whitespace().count() <= MAX_DOTTED_HEADING_WORDS
                    && is_heading_like(heading)
                    && heading.starts_with(char::is_uppercase)
            });
        if !only_after_dot_dash && (is_heading_like(rest) || short_dotted) {
            let heading = rest.trim_end();
            let heading = heading.strip_suffix('.').unwrap_or(heading);
            self.nodes[index].heading = Some(Span { start: rest_start, end: rest_start + heading.len() });
        }
        None
    }

    fn open_definition(&mut self, term: DefinedTerm, start: usize, content_end: usize, quoted_line: bool) {
        self.expects_heading = None;
        let in_quote = self.enter_or_leave_quote_region(quoted_line, None) != Region::Outside;
        self.close_for(Level::Definition, None);
        let component = format!("def_{}", term_slug(&self.text[start + term.start..start + term.end]));
        let index = self.push_node(ProvisionKind::Definition, Level::Definition, component, start, start, in_quote);
        let node = &mut self.nodes[index];
        node.term = Some(self.text[start + term.start..start + term.end].to_owned());
        node.end = content_end;
    }

    /// Quoted lines after amending words open a quote region; so do unquoted provisions
    /// after `the following section:`, and a quoted line that starts with a section or
    /// article number. An unquoted label that the region cannot hold closes it.
    fn enter_or_leave_quote_region(&mut self, quoted_line: bool, label: Option<&Label>) -> Region {
        let level = label.map(|label| self.level_of(label));
        let unit_or_higher = matches!(level, Some(Level::Part | Level::Chapter | Level::Unit(_)));
        match self.quoted_floor {
            None => {
                let offset = self.stack.last().map_or(0, |&top| self.nodes[top].end);
                if quoted_line && self.in_amending_context(offset, AMENDMENT_WORDS) {
                    self.quoted_floor = Some(self.stack.len());
                    return Region::Inside;
                }
                if !quoted_line && label.is_some() && self.in_amending_context(offset, STRONG_AMENDMENT_WORDS) {
                    self.quoted_floor = Some(self.stack.len());
                    return Region::Inside;
                }
                if quoted_line && unit_or_higher {
                    return Region::OpensAfterClosing;
                }
                Region::Outside
            }
            Some(floor) => {
                let awaited = std::mem::take(&mut self.region_awaits_provision);
                if quoted_line && unit_or_higher && self.own_line_gap_before {
                    // `"SEC. 4-B.` after missing text: what introduced it is not known, so it
                    // is quoted text of its own, not part of the amendment before the gap.
                    self.close_quote_region();
                    return Region::OpensAfterClosing;
                }
                if quoted_line || awaited {
                    return Region::Inside;
                }
                let level = level.unwrap_or(Level::Definition);
                let holder = self.stack[floor..].iter().any(|&index| may_hold(self.nodes[index].level, level));
                if unit_or_higher || !holder {
                    self.quoted_floor = None;
                    Region::Outside
                } else {
                    Region::Inside
                }
            }
        }
    }

    fn close_quote_region(&mut self) {
        if let Some(floor) = self.quoted_floor.take() {
            self.stack.truncate(floor);
        }
    }

    fn close_quote_region_if_closed(&mut self, content: &str) {
        if self.quoted_floor.is_some() && ends_with_closing_quote(content) {
            self.close_quote_region();
        }
    }

    fn in_amending_context(&self, offset: usize, words: &[&str]) -> bool {
        let Some(&top) = self.stack.last() else { return false };
        let window_start = self.nodes[top].start.max(offset.saturating_sub(AMENDMENT_WINDOW));
        let window_start = crate::location::floor_char_boundary(self.text, window_start);
        let offset = crate::location::floor_char_boundary(self.text, offset.min(self.text.len()));
        let before = &self.text[window_start..offset];
        // The cheap test first: most labelled lines follow no introduction, and building the
        // window below for every one of them was a quarter of the parser's time.
        let tail = before.trim_end();
        let ends_as_introduction = matches!(self.previous_line_end_char, Some(':' | '—' | '–' | '-'))
            || tail
                .get(tail.len().saturating_sub("following".len())..)
                .is_some_and(|end| end.eq_ignore_ascii_case("following"));
        if !ends_as_introduction {
            return false;
        }
        // Whitespace of any kind (a non-breaking space, a tab, a line break) as one space.
        let window = before.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
        words.iter().any(|word| window.contains(word))
    }

    fn level_of(&self, label: &Label) -> Level {
        match &label.style {
            LabelStyle::Keyword { unit: Unit::Part, .. } => Level::Part,
            LabelStyle::Keyword { unit: Unit::Chapter, .. } | LabelStyle::RomanAlone => Level::Chapter,
            LabelStyle::Keyword { unit, .. } => Level::Unit(*unit),
            LabelStyle::BareNumber | LabelStyle::BareNumberHeading => {
                // `1.` is a paragraph of an article, a subsection of a `Section 6`, and a
                // section of its own in a Commonwealth act.
                let floor = self.quoted_floor.unwrap_or(0);
                let innermost_unit = self.stack[floor..]
                    .iter()
                    .rev()
                    .map(|&index| &self.nodes[index])
                    .find(|node| matches!(node.level, Level::Unit(_)));
                match innermost_unit {
                    Some(node) if node.level == Level::Unit(Unit::Article) => Level::Numeric,
                    Some(node) if !node.bare => Level::Numeric,
                    _ => Level::Unit(Unit::Section),
                }
            }
            LabelStyle::Bracketed | LabelStyle::RightParen | LabelStyle::LetterDot => {
                if label.number.chars().all(|character| character.is_ascii_digit() || character.is_ascii_uppercase())
                    && label.number.starts_with(|character: char| character.is_ascii_digit())
                {
                    Level::Numeric
                } else if self.is_roman_here(&label.number) {
                    Level::Roman
                } else {
                    Level::Letter
                }
            }
        }
    }

    /// Whether `(i)` here is the Roman one, not the letter after `(h)`.
    fn is_roman_here(&self, number: &str) -> bool {
        let roman = !number.is_empty() && number.chars().all(|character| matches!(character, 'i' | 'v' | 'x' | 'l'));
        if !roman {
            return false;
        }
        let previous_letter =
            self.stack.iter().rev().map(|&index| &self.nodes[index]).find(|node| node.level == Level::Letter);
        let previous_roman =
            self.stack.last().map(|&index| &self.nodes[index]).filter(|node| node.level == Level::Roman);
        let mut chars = number.chars();
        let single = chars.next().filter(|_| chars.next().is_none());
        match single {
            Some(letter) => {
                let follows_letter = previous_letter
                    .and_then(|node| node.number.as_deref())
                    .and_then(|number| number.chars().next())
                    .is_some_and(|previous| (previous as u32) + 1 == letter as u32);
                if follows_letter {
                    return false;
                }
                // `(i)`, or `(v)` / `(x)` continuing a Roman list.
                letter == 'i' || previous_roman.is_some()
            }
            None => true,
        }
    }

    /// A `{{number: ? | ...}}` provision is at the level of the provision before it.
    fn unnumbered_level(&self) -> Level {
        let floor = self.quoted_floor.unwrap_or(0);
        match self.stack[floor..].last().map(|&index| self.nodes[index].level) {
            Some(level @ (Level::Numeric | Level::Letter | Level::Roman | Level::Definition | Level::Unnumbered)) => {
                level
            }
            _ => Level::Unnumbered,
        }
    }

    fn unnumbered_siblings(&self) -> usize {
        let siblings = match self.stack.last() {
            Some(&parent) => &self.nodes[parent].children,
            None => &self.roots,
        };
        siblings
            .iter()
            .filter(|&&index| self.nodes[index].number.is_none() && self.nodes[index].kind != ProvisionKind::Preamble)
            .count()
    }

    /// Close open provisions until the top may hold a provision of `level`. A list number
    /// that continues an open list (`(b)` after `(a)`, `(9)` after `(1)` with a gap between)
    /// closes up to that list, however deep the provisions opened since.
    fn close_for(&mut self, level: Level, number: Option<&str>) {
        let floor = self.quoted_floor.unwrap_or(0);
        if let (Some(number), Level::Numeric | Level::Letter | Level::Roman) = (number, level) {
            if !is_first_in_list(level, number) {
                let open_same_level: Vec<usize> = (floor..self.stack.len())
                    .rev()
                    .filter(|&depth| self.nodes[self.stack[depth]].level == level)
                    .collect();
                let predecessor = open_same_level.iter().copied().find(|&depth| {
                    self.nodes[self.stack[depth]]
                        .number
                        .as_deref()
                        .is_some_and(|previous| precedes(level, previous, number))
                });
                if let Some(depth) = predecessor.or_else(|| open_same_level.first().copied()) {
                    self.stack.truncate(depth);
                    return;
                }
            }
        }
        while self.stack.len() > floor {
            let top = self.nodes[*self.stack.last().expect("the stack is longer than the floor")].level;
            if may_hold(top, level) {
                break;
            }
            self.stack.pop();
        }
        // Lists inside lists (`(a)` `(1)` `(a)` `(1)` ...) can nest without end in a broken
        // text; past a depth no law has, the deeper ones are read as siblings.
        if self.stack.len() >= MAX_DEPTH {
            self.stack.truncate(MAX_DEPTH - 1);
            if !self.warned_depth {
                self.warned_depth = true;
                let offset = self.nodes[*self.stack.last().expect("MAX_DEPTH is above 1")].start;
                self.warnings.push(Warning::new(
                    WarningKind::DeepNesting,
                    self.instrument.locate(offset),
                    format!("provisions nested deeper than {MAX_DEPTH} levels: the deeper ones are read as siblings"),
                ));
            }
        }
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

    fn assign_gaps_before(&mut self, offset: usize) {
        let gaps = &self.instrument.gaps;
        // A gap at the start of a line belongs to what came before it; omitted provisions at
        // the start of a line stand before the provision on it.
        let due = |gap: &crate::instrument::Gap| {
            gap.offset < offset.max(1) || (gap.kind == GapKind::Provisions && gap.offset <= offset)
        };
        while self.next_gap < gaps.len() && due(&gaps[self.next_gap]) {
            if gaps[self.next_gap].kind == GapKind::Provisions {
                // Whole provisions: placed when the next provision shows at which level.
                self.pending_omissions.push(self.next_gap);
                self.own_line_gap_before = true;
                self.next_gap += 1;
                continue;
            }
            let within = self.stack.last().copied().or_else(|| self.roots.last().copied());
            let mut cursor = within;
            while let Some(index) = cursor {
                self.nodes[index].incomplete = true;
                cursor = self.nodes[index].parent;
            }
            self.gap_nodes.push((self.next_gap, within));
            if gaps[self.next_gap].own_line {
                self.own_line_gap_before = true;
            }
            self.next_gap += 1;
        }
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

/// Give every node its eId: its component under its parent's; `_2`, `_3` for a repeat of an
/// eId already given (a list that restarts, a section number used twice), in text order.
///
/// A repeat is the same component under the same parent eId. The parent's eId is unique, so
/// the parent is named by its node (or by nothing: a section's eId leaves out its part or
/// chapter) and the component is borrowed — no eId is hashed and no key allocated. Each eId is
/// formatted once and only its own component is checked against the eId grammar: the
/// parent's is valid already and `__` joins them.
fn assign_eids(nodes: &mut [Node], roots: &[usize]) {
    let mut eids: Vec<Option<Eid>> = vec![None; nodes.len()];
    let mut seen = FxHashMap::with_capacity_and_hasher(nodes.len(), Default::default());
    assign_under(nodes, roots, None, &mut seen, &mut eids);
    for (node, eid) in nodes.iter_mut().zip(eids) {
        node.eid = eid;
    }
}

/// The eIds of `siblings` and their descendants, under `parent` (its node and eId).
fn assign_under<'n>(
    nodes: &'n [Node],
    siblings: &[usize],
    parent: Option<(usize, &Eid)>,
    seen: &mut FxHashMap<(Option<usize>, &'n str), usize>,
    eids: &mut [Option<Eid>],
) {
    for &index in siblings {
        // Parts and chapters are containers: an article's or a section's eId leaves them out,
        // so renumbering a part does not change the sections' ids.
        let container = parent.filter(|_| {
            let own_level = nodes[index].level;
            !matches!(own_level, Level::Unit(_)) || !parent_is_container(nodes, index)
        });
        let container_eid = container.map(|(_, eid)| eid);
        let component = nodes[index].component.as_str();
        let count = seen.entry((container.map(|(node, _)| node), component)).or_insert(0);
        *count += 1;
        let eid = if *count == 1 {
            Eid::checked_child(container_eid, component)
        } else {
            Eid::checked_child(container_eid, &format!("{component}_{count}"))
        };
        // A number the eId grammar cannot hold (a control character, say): keep its place.
        let eid = eid
            .unwrap_or_else(|| Eid::child(container_eid, &format!("{}_nn{}", nodes[index].kind.eid_name(), index + 1)));
        assign_under(nodes, &nodes[index].children, Some((index, &eid)), seen, eids);
        eids[index] = Some(eid);
    }
}

fn parent_is_container(nodes: &[Node], index: usize) -> bool {
    nodes[index].parent.is_some_and(|parent| matches!(nodes[parent].level, Level::Part | Level::Chapter))
}

/// Whether a provision of level `parent` may hold one of level `child`.
fn may_hold(parent: Level, child: Level) -> bool {
    use Level::*;
    match child {
        Part => false,
        Chapter => parent == Part,
        Unit(_) => matches!(parent, Part | Chapter),
        Numeric => matches!(parent, Unit(_) | Definition | Letter),
        Definition => matches!(parent, Unit(_) | Numeric),
        Letter => matches!(parent, Unit(_) | Numeric | Definition),
        Roman => matches!(parent, Unit(_) | Numeric | Definition | Letter),
        Unnumbered => matches!(parent, Unit(_) | Numeric | Definition | Letter),
        Preamble => false,
    }
}

/// The kind of a provision of `level` under a parent of `parent` kind.
fn kind_for(level: Level, parent: Option<ProvisionKind>) -> ProvisionKind {
    match level {
        Level::Part => ProvisionKind::Part,
        Level::Chapter => ProvisionKind::Chapter,
        Level::Unit(Unit::Article) => ProvisionKind::Article,
        Level::Unit(_) => ProvisionKind::Section,
        Level::Numeric => match parent {
            Some(ProvisionKind::Section) => ProvisionKind::Subsection,
            Some(ProvisionKind::Paragraph | ProvisionKind::Subparagraph) => ProvisionKind::Subparagraph,
            _ => ProvisionKind::Paragraph,
        },
        Level::Definition => ProvisionKind::Definition,
        Level::Letter | Level::Unnumbered => match parent {
            Some(ProvisionKind::Paragraph) if level == Level::Letter => ProvisionKind::Subparagraph,
            _ => ProvisionKind::Paragraph,
        },
        Level::Roman => ProvisionKind::Item,
        Level::Preamble => ProvisionKind::Preamble,
    }
}

/// Whether `number` starts a list (`1`, `a`, `i`), so it opens a new one rather than
/// continuing an open list.
fn is_first_in_list(level: Level, number: &str) -> bool {
    match level {
        Level::Numeric => number == "1",
        Level::Letter => matches!(number, "a" | "A"),
        Level::Roman => matches!(number, "i" | "I"),
        _ => true,
    }
}

/// Whether `next` follows `previous` in a list of `level`: `1`→`2`, `1`→`1A`, `a`→`b`,
/// `d`→`đ`→`e` (Vietnamese), `z`→`aa`, `iv`→`v`.
fn precedes(level: Level, previous: &str, next: &str) -> bool {
    match level {
        Level::Numeric => {
            let digits =
                |number: &str| number.chars().take_while(char::is_ascii_digit).collect::<String>().parse::<u64>().ok();
            match (digits(previous), digits(next)) {
                (Some(previous_value), Some(next_value)) => {
                    next_value == previous_value + 1 || (next_value == previous_value && next.len() > previous.len())
                }
                _ => false,
            }
        }
        Level::Letter => {
            let lower = |text: &str| text.to_lowercase();
            let (previous, next) = (lower(previous), lower(next));
            let mut previous_chars = previous.chars();
            let mut next_chars = next.chars();
            match (previous_chars.next(), previous_chars.next(), next_chars.next(), next_chars.next()) {
                (Some('d'), None, Some('đ'), None) | (Some('đ'), None, Some('e'), None) => true,
                (Some(previous), None, Some(next), None) => next as u32 == previous as u32 + 1,
                (Some('z'), None, Some('a'), Some('a')) => true,
                (Some(first), Some(second), Some(next_first), Some(next_second)) => {
                    first == second && next_first == next_second && next_first as u32 == first as u32 + 1
                }
                _ => false,
            }
        }
        Level::Roman => {
            roman_value(next).zip(roman_value(previous)).is_some_and(|(next, previous)| next == previous + 1)
        }
        _ => false,
    }
}

fn roman_value(numeral: &str) -> Option<u32> {
    let mut total = 0;
    let mut previous = 0;
    for character in numeral.chars().rev() {
        let value = match character.to_ascii_lowercase() {
            'i' => 1,
            'v' => 5,
            'x' => 10,
            'l' => 50,
            'c' => 100,
            _ => return None,
        };
        if value < previous {
            total -= value;
        } else {
            total += value;
            previous = value;
        }
    }
    Some(total)
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

/// The byte length of the opening quote a line starts with (`"`, `“`, ``` `` ```), if any.
fn opening_quote_len(content: &str) -> (usize, bool) {
    if content.starts_with("``") {
        return (2, true);
    }
    match content.chars().next() {
        Some(character) if is_opening_quote(character) && character != '`' => (character.len_utf8(), true),
        _ => (0, false),
    }
}

/// Where a defined term sits in a line, relative to the line's start.
struct DefinedTerm {
    start: usize,
    end: usize,
}

/// `"child" means ...`, `“exploitation” includes ...`, `“การค้ามนุษย์” หมายความว่า ...`:
/// a quoted term at the start of the line, followed by the rest of a definition.
fn defined_term(content: &str, stops_at_gap: bool) -> Option<DefinedTerm> {
    let (mut quote_len, quoted) = opening_quote_len(content);
    if quoted {
        // `‘ “pemerdagangan orang” ertinya`: a definition quoted inside an amendment's quotes.
        let after_first = &content[quote_len..];
        let inner_quote = after_first.trim_start();
        let (second_len, second) = opening_quote_len(inner_quote);
        if second && after_first[..after_first.len() - inner_quote.len()].chars().count() <= 1 {
            quote_len += after_first.len() - inner_quote.len() + second_len;
        }
        let inner = &content[quote_len..];
        let Some(close) = inner
            .char_indices()
            .find(|&(_, character)| is_closing_quote(character) || character == '`')
            .map(|(index, _)| index)
        else {
            // `“Organized Criminal` and then the source stops: a term whose definition is lost.
            let words = inner.split_whitespace().count();
            let unterminated_term =
                stops_at_gap && words > 0 && words <= MAX_TERM_WORDS && !inner.contains(['.', ';', ':']);
            return unterminated_term.then_some(DefinedTerm { start: quote_len, end: content.len() });
        };
        let term = &inner[..close];
        let closing = inner[close..].chars().next().map_or(0, char::len_utf8);
        let after = &inner[close + closing..];
        let after = after.strip_prefix('\'').unwrap_or(after);
        let words = term.split_whitespace().count();
        let term_ok = !term.trim().is_empty()
            && words <= MAX_TERM_WORDS
            && !term.contains(['.', ';', ':'])
            && !term.starts_with(char::is_whitespace);
        let followed = after.is_empty()
            || after
                .starts_with(|character: char| character.is_whitespace() || matches!(character, ',' | ':' | ';' | '('));
        return (term_ok && followed && !after.trim().is_empty())
            .then_some(DefinedTerm { start: quote_len, end: quote_len + close });
    }
    // Thai drafting without quotes: `ผู้เสียหาย หมายความว่า ...`.
    let (first_word, rest) = content.split_once(char::is_whitespace)?;
    let means = rest.trim_start().starts_with("หมายความว่า");
    let thai = first_word.chars().all(|character| ('\u{0E00}'..='\u{0E7F}').contains(&character));
    (means && thai && !first_word.is_empty()).then_some(DefinedTerm { start: 0, end: first_word.len() })
}

/// The eId form of a term: lower case, words joined by `-`, punctuation dropped.
fn term_slug(term: &str) -> String {
    let words: Vec<String> = term
        .split_whitespace()
        .map(|word| {
            word.chars()
                .filter(|&character| {
                    !(character.is_ascii_punctuation()
                        || ('\u{2000}'..='\u{206F}').contains(&character)
                        || is_opening_quote(character)
                        || is_closing_quote(character))
                })
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .filter(|word| !word.is_empty())
        .collect();
    if words.is_empty() {
        "term".to_owned()
    } else {
        words.join("-")
    }
}

/// A short line that does not end like a sentence: `Use of terms`, `PRELIMINARY`.
fn is_heading_like(content: &str) -> bool {
    let content = content.trim();
    let last = content.chars().last();
    !content.is_empty()
        && content.chars().count() <= MAX_HEADING_CHARS
        && !matches!(last, Some('.' | ';' | ':' | ',') | None)
        && !last.is_some_and(is_dash)
        && !content.starts_with(is_opening_quote)
        && !content.contains("{{")
}

/// `Definition of Terms. - As used`: the heading's length, when a dash follows it closely.
fn heading_before_dash(rest: &str, only_after_dot: bool) -> Option<usize> {
    let mut previous_space = false;
    for (index, character) in rest.char_indices() {
        if index > MAX_HEADING_CHARS * 4 {
            return None;
        }
        let next_is_space = rest[index + character.len_utf8()..].starts_with(char::is_whitespace);
        let after_dot = rest[..index].trim_end().ends_with('.');
        let separates = if only_after_dot { after_dot } else { after_dot || (previous_space && next_is_space) };
        if is_dash(character) && separates {
            return (rest[..index].trim_end().chars().count() <= MAX_HEADING_CHARS).then_some(index);
        }
        if matches!(character, ';' | ':') {
            return None;
        }
        previous_space = character.is_whitespace();
    }
    None
}

/// A line that ends quoted text: `... organs.";`, `... means.”`, `"; and`.
fn ends_with_closing_quote(content: &str) -> bool {
    let mut trimmed = content.trim_end();
    for tail in ["and", "or", "dan", "atau"] {
        if let Some(stripped) = trimmed.strip_suffix(tail) {
            if stripped.ends_with(char::is_whitespace) {
                trimmed = stripped.trim_end();
            }
        }
    }
    let trimmed = trimmed.trim_end_matches(['.', ';', ',', ':']);
    trimmed.ends_with(['"', '\u{201D}', '\u{2019}'])
}

/// Kept for the label module's inline subsection offsets.
fn subsection_printed_len(label: &Label) -> usize {
    label.printed_len - label.start
}

#[cfg(test)]
mod tests;
