//! An instrument and its provision tree written as an Akoma Ntoso 3.0 document.

use std::fmt::Write as _;

use crate::document::{Document, Provision, Span};
use crate::error::{Error, Result};
use crate::instrument::{GapKind, Instrument};
use crate::metadata::{InstrumentKind, Metadata, PartialDate};

use super::{
    element_of, three_letter_language, AKN_NAMESPACE, GAP_CLASS, LEXDEF_NAMESPACE, OMITTED_CLASS, OWN_LINE_CLASS,
    PUNCTUATION, TEXT_CONTAINER,
};

/// Write `instrument`, parsed into `document`, as an Akoma Ntoso 3.0 document: an `act`, a
/// `bill` for a bill, a `doc` for a treaty, convention or declaration. See the
/// [module documentation](super) for how the text is kept exactly.
///
/// Fails only where the text holds a character XML 1.0 cannot hold (a control character
/// other than tab, line feed and carriage return): the law's text is never changed.
///
/// ```
/// let corpus = lexdef::Corpus::bundled();
/// let palermo = corpus.require("INTL-PALERMO-2000")?;
/// let xml = lexdef::akn::write(palermo, &lexdef::parse(palermo))?;
/// assert!(xml.contains(r#"<article eId="art_3" lexdef:number="3"><num>Article 3</num>"#));
/// assert!(xml.contains(r#"<FRBRcountry value="intl"/>"#));
/// # Ok::<(), lexdef::Error>(())
/// ```
pub fn write(instrument: &Instrument, document: &Document) -> Result<String> {
    check_characters(instrument, &instrument.text, 0)?;
    for gap in &instrument.gaps {
        check_characters(instrument, &gap.note, gap.offset)?;
    }
    let metadata = instrument.metadata.as_ref();
    let (element, name) = match metadata.map(|metadata| metadata.kind) {
        Some(InstrumentKind::Bill) => ("bill", "bill"),
        Some(InstrumentKind::Treaty) => ("doc", "treaty"),
        Some(InstrumentKind::Convention) => ("doc", "convention"),
        Some(InstrumentKind::Declaration) => ("doc", "declaration"),
        _ => ("act", "act"),
    };
    let body = if element == "doc" { "mainBody" } else { "body" };
    let mut gaps: Vec<PendingGap> = document
        .gaps
        .iter()
        .map(|gap| PendingGap {
            offset: gap.offset,
            omitted: gap.kind == GapKind::Provisions,
            note: &gap.note,
            within: gap.within.as_ref().map(|eid| eid.as_str()),
            own_line: instrument
                .gaps
                .iter()
                .find(|read| read.offset == gap.offset && read.note == gap.note)
                .is_some_and(|read| read.own_line),
        })
        .collect();
    gaps.sort_by_key(|gap| gap.offset);
    let mut writer =
        Writer { text: &instrument.text, out: String::with_capacity(instrument.text.len() * 2), gaps, next_gap: 0 };
    let out = &mut writer.out;
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(out, "<akomaNtoso xmlns=\"{AKN_NAMESPACE}\" xmlns:lexdef=\"{LEXDEF_NAMESPACE}\">");
    let _ = writeln!(out, "  <{element} name=\"{name}\">");
    write_meta(out, instrument, metadata, name);
    let _ = write!(out, "    <{body} lexdef:text=\"exact\">");
    writer.body(&document.provisions);
    let out = &mut writer.out;
    let _ = writeln!(out, "</{body}>");
    let _ = writeln!(out, "  </{element}>");
    out.push_str("</akomaNtoso>\n");
    Ok(writer.out)
}

/// XML 1.0 holds tab, line feed, carriage return and every character from U+0020 on but
/// U+FFFE and U+FFFF.
fn check_characters(instrument: &Instrument, text: &str, base: usize) -> Result<()> {
    let refused = |character: char| {
        (character < ' ' && !matches!(character, '\t' | '\n' | '\r')) || matches!(character, '\u{FFFE}' | '\u{FFFF}')
    };
    match text.char_indices().find(|&(_, character)| refused(character)) {
        None => Ok(()),
        Some((offset, character)) => Err(Error::Akn {
            location: instrument.locate(if base == 0 { offset } else { base }),
            message: format!(
                "the text holds the character U+{:04X}, which XML 1.0 cannot hold; lexdef never changes the law's text, so this instrument cannot be written as Akoma Ntoso (hint: remove the character from the source file)",
                u32::from(character)
            ),
        }),
    }
}

struct PendingGap<'d> {
    offset: usize,
    omitted: bool,
    note: &'d str,
    within: Option<&'d str>,
    own_line: bool,
}

struct Writer<'d> {
    text: &'d str,
    out: String,
    gaps: Vec<PendingGap<'d>>,
    next_gap: usize,
}

/// What the leading words of a provision are.
#[derive(Clone, Copy)]
enum Lead {
    Num,
    Heading,
}

impl Writer<'_> {
    fn body(&mut self, provisions: &[Provision]) {
        let mut cursor = 0;
        for provision in provisions {
            self.between(cursor, provision.span.start, false);
            if provision.quoted {
                // A quoted provision whose amending words were not seen (after a gap).
                self.quoted_alone(provision);
            } else {
                self.provision(provision, false);
            }
            cursor = provision.span.end;
        }
        // A body holds at least one element: a text with no provision is one text container.
        self.between(cursor, self.text.len(), provisions.is_empty());
    }

    /// Text between provisions (or at the ends of the body): whitespace stays between the
    /// elements; words, or a gap, go in a text container.
    fn between(&mut self, from: usize, to: usize, always: bool) {
        if always || !is_blank(&self.text[from..to]) || self.gap_up_to(to) {
            self.out.push_str("<hcontainer name=\"");
            self.out.push_str(TEXT_CONTAINER);
            self.out.push_str("\"><content><p>");
            self.inline_text(from, to);
            self.out.push_str("</p></content></hcontainer>");
        } else {
            self.raw_text(from, to);
        }
    }

    fn gap_up_to(&self, offset: usize) -> bool {
        self.gaps.get(self.next_gap).is_some_and(|gap| gap.offset <= offset)
    }

    /// Whitespace between elements, as it is (a carriage return as a character reference,
    /// which XML would otherwise read as a line feed).
    fn raw_text(&mut self, from: usize, to: usize) {
        escape_text(&mut self.out, &self.text[from..to]);
    }

    /// Text inside an inline element, with the remarks of the gaps up to its end.
    fn inline_text(&mut self, from: usize, to: usize) {
        let mut cursor = from;
        while let Some(gap) = self.gaps.get(self.next_gap).filter(|gap| gap.offset <= to) {
            let at = gap.offset.clamp(cursor, to);
            escape_text(&mut self.out, &self.text[cursor..at]);
            let mut class = String::from(if gap.omitted { OMITTED_CLASS } else { GAP_CLASS });
            if gap.own_line {
                class.push(' ');
                class.push_str(OWN_LINE_CLASS);
            }
            let _ = write!(self.out, "<remark status=\"editorial\" class=\"{class}\"");
            if let Some(within) = gap.within {
                let _ = write!(self.out, " lexdef:within=\"{}\"", escape_attribute(within));
            }
            self.out.push('>');
            escape_text(&mut self.out, gap.note);
            self.out.push_str("</remark>");
            cursor = at;
            self.next_gap += 1;
        }
        escape_text(&mut self.out, &self.text[cursor..to]);
    }

    /// A quoted provision among provisions that are not: a quoted structure in a text
    /// container, as hierarchical elements hold no quoted structure of their own.
    fn quoted_alone(&mut self, provision: &Provision) {
        self.out.push_str("<hcontainer name=\"");
        self.out.push_str(TEXT_CONTAINER);
        self.out.push_str("\"><content><p><mod><quotedStructure>");
        self.provision(provision, true);
        self.out.push_str("</quotedStructure></mod></p></content></hcontainer>");
    }

    fn provision(&mut self, provision: &Provision, quoted: bool) {
        let (element, name) = element_of(provision.kind);
        let _ = write!(self.out, "<{element} eId=\"{}\"", escape_attribute(provision.eid.as_str()));
        if let Some(name) = name {
            let _ = write!(self.out, " name=\"{name}\"");
        }
        if let Some(number) = &provision.number {
            let _ = write!(self.out, " lexdef:number=\"{}\"", escape_attribute(number));
        }
        if let Some(term) = &provision.term {
            let _ = write!(self.out, " lexdef:term=\"{}\"", escape_attribute(term));
        }
        if provision.incomplete {
            self.out.push_str(" lexdef:incomplete=\"true\"");
        }
        let inferred = provision.num.as_deref().filter(|_| provision.number_inferred);
        if provision.number_inferred {
            self.out.push_str(" lexdef:numberInferred=\"true\"");
            if let Some(num) = inferred {
                let _ = write!(self.out, " lexdef:num=\"{}\"", escape_attribute(num));
            }
        }
        self.out.push('>');

        let span = provision.span;
        let body_limit = provision.children.first().map_or(span.end, |child| child.span.start);
        let mut leads: Vec<(Span, Lead)> = Vec::new();
        let heading = provision.heading_span.filter(|heading| heading.start >= span.start && heading.end <= body_limit);
        if let Some(heading) = heading {
            leads.push((heading, Lead::Heading));
        }
        if let Some(num) = provision.num.as_deref().filter(|num| !num.is_empty() && !provision.number_inferred) {
            if let Some(found) = find_outside(self.text, span.start, body_limit, num, heading) {
                leads.push((found, Lead::Num));
            }
        }
        leads.sort_by_key(|(lead, _)| lead.start);
        let mut cursor = span.start;
        for (lead, which) in leads {
            let tag = match which {
                Lead::Num => "num",
                Lead::Heading => "heading",
            };
            let before = &self.text[cursor..lead.start];
            if is_blank(before) {
                self.raw_text(cursor, lead.start);
                let _ = write!(self.out, "<{tag}>");
            } else {
                let _ = write!(self.out, "<{tag}><inline name=\"{PUNCTUATION}\">");
                self.inline_text(cursor, lead.start);
                self.out.push_str("</inline>");
            }
            self.inline_text(lead.start, lead.end);
            let _ = write!(self.out, "</{tag}>");
            cursor = lead.end;
        }
        let lead_end = cursor;

        if provision.children.is_empty() {
            if lead_end < span.end || lead_end == span.start {
                self.out.push_str("<content><p>");
                self.inline_text(lead_end, span.end);
                self.out.push_str("</p></content>");
            }
        } else if !quoted && provision.children.iter().all(|child| child.quoted) {
            // An amending provision: its quoted provisions are the amended instrument's, set
            // in its words as quoted structures, in a modification (`<mod>`).
            self.out.push_str("<content><p><mod>");
            let mut cursor = lead_end;
            for child in &provision.children {
                self.inline_text(cursor, child.span.start);
                self.out.push_str("<quotedStructure>");
                self.provision(child, true);
                self.out.push_str("</quotedStructure>");
                cursor = child.span.end;
            }
            self.inline_text(cursor, span.end);
            self.out.push_str("</mod></p></content>");
        } else {
            let first = provision.children[0].span.start;
            if !is_blank(&self.text[lead_end..first]) || self.gap_up_to(first) {
                self.out.push_str("<intro><p>");
                self.inline_text(lead_end, first);
                self.out.push_str("</p></intro>");
            } else {
                self.raw_text(lead_end, first);
            }
            let mut cursor = first;
            for child in &provision.children {
                self.between(cursor, child.span.start, false);
                if child.quoted && !quoted {
                    self.quoted_alone(child);
                } else {
                    self.provision(child, quoted);
                }
                cursor = child.span.end;
            }
            if !is_blank(&self.text[cursor..span.end]) || self.gap_up_to(span.end) {
                self.out.push_str("<wrapUp><p>");
                self.inline_text(cursor, span.end);
                self.out.push_str("</p></wrapUp>");
            } else {
                self.raw_text(cursor, span.end);
            }
        }
        let _ = write!(self.out, "</{element}>");
    }
}

/// Where `num` is printed in `text[from..to]`, outside the heading.
fn find_outside(text: &str, from: usize, to: usize, num: &str, heading: Option<Span>) -> Option<Span> {
    let window = text.get(from..to)?;
    window
        .match_indices(num)
        .map(|(at, _)| Span { start: from + at, end: from + at + num.len() })
        .find(|found| heading.is_none_or(|heading| found.end <= heading.start || found.start >= heading.end))
}

/// Whitespace XML keeps between elements: space, tab, line feed, carriage return.
fn is_blank(text: &str) -> bool {
    text.bytes().all(|byte| matches!(byte, b' ' | b'\t' | b'\n' | b'\r'))
}

fn escape_text(out: &mut String, text: &str) {
    for character in text.chars() {
        match character {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            _ => out.push(character),
        }
    }
}

fn escape_attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\r' => out.push_str("&#13;"),
            '\n' => out.push_str("&#10;"),
            '\t' => out.push_str("&#9;"),
            _ => out.push(character),
        }
    }
    out
}

/// The FRBR identification, made from the metadata, and the metadata block itself.
fn write_meta(out: &mut String, instrument: &Instrument, metadata: Option<&Metadata>, name: &str) {
    let id = instrument.id.as_str();
    let country =
        metadata.map_or_else(|| "unknown".to_owned(), |metadata| metadata.jurisdiction.as_str().to_ascii_lowercase());
    let date = metadata.and_then(|metadata| {
        metadata
            .adopted
            .as_ref()
            .map(|date| (date, "adopted"))
            .or_else(|| metadata.in_force.as_ref().map(|date| (date, "in_force")))
    });
    let year = date.map_or_else(|| "unknown".to_owned(), |(date, _)| date.year().to_string());
    let work = format!("/akn/{country}/{name}/{year}/{}", id.to_ascii_lowercase());
    let language = metadata.map_or("und", |metadata| three_letter_language(&metadata.language.code));
    let expression = format!("{work}/{language}@");
    let frbr_date = |date: Option<(&PartialDate, &str)>| match date {
        Some((date, name)) => {
            let text = date.to_string();
            match text.len() {
                10 => format!("<FRBRdate date=\"{text}\" name=\"{name}\"/>"),
                7 => format!("<FRBRdate date=\"{text}-01\" name=\"{name}; the source gives the month {text}\"/>"),
                _ => format!("<FRBRdate date=\"{text}-01-01\" name=\"{name}; the source gives the year {text}\"/>"),
            }
        }
        // The schema wants a date; the corpus has none.
        None => "<FRBRdate date=\"0001-01-01\" name=\"unknown\"/>".to_owned(),
    };
    out.push_str("    <meta>\n      <identification source=\"#lexdef\">\n");
    let _ = writeln!(
        out,
        "        <FRBRWork>\n          <FRBRthis value=\"{work}/!main\"/>\n          <FRBRuri value=\"{work}\"/>"
    );
    if let Some(metadata) = metadata {
        let _ = writeln!(
            out,
            "          <FRBRalias value=\"{}\" name=\"short_title\"/>",
            escape_attribute(&metadata.short_title)
        );
    }
    let _ = writeln!(
        out,
        "          {}\n          <FRBRauthor href=\"\"/>\n          <FRBRcountry value=\"{country}\"/>",
        frbr_date(date)
    );
    if let Some(metadata) = metadata {
        let _ = writeln!(out, "          <FRBRname value=\"{}\"/>", escape_attribute(&metadata.title));
    }
    out.push_str("        </FRBRWork>\n");
    let _ = writeln!(
        out,
        "        <FRBRExpression>\n          <FRBRthis value=\"{expression}/!main\"/>\n          <FRBRuri value=\"{expression}\"/>\n          {}\n          <FRBRauthor href=\"\"/>\n          <FRBRlanguage language=\"{language}\"/>\n        </FRBRExpression>",
        frbr_date(date)
    );
    let _ = writeln!(
        out,
        "        <FRBRManifestation>\n          <FRBRthis value=\"{expression}/!main.xml\"/>\n          <FRBRuri value=\"{expression}.akn\"/>\n          {}\n          <FRBRauthor href=\"#lexdef\"/>\n        </FRBRManifestation>",
        frbr_date(date)
    );
    out.push_str("      </identification>\n");
    out.push_str("      <references source=\"#lexdef\">\n        <TLCOrganization eId=\"lexdef\" href=\"/ontology/organization/lexdef\" showAs=\"lexdef\"/>\n      </references>\n");
    if let Some(block) = metadata_block(instrument.file_text()) {
        // CDATA keeps the block byte for byte; `]]>` cannot be in it, so it is split.
        let block = block.replace("]]>", "]]]]><![CDATA[>");
        let _ = writeln!(out, "      <proprietary source=\"#lexdef\"><lexdef:metadata><![CDATA[{block}]]></lexdef:metadata></proprietary>");
    }
    out.push_str("    </meta>\n");
}

/// The TOML between the `+++` lines of a corpus file.
fn metadata_block(file_text: &str) -> Option<&str> {
    let mut lines = file_text.split_inclusive('\n');
    let first = lines.next()?;
    if first.trim_end() != "+++" {
        return None;
    }
    let start = first.len();
    let mut offset = start;
    for line in lines {
        if line.trim_end() == "+++" {
            return Some(&file_text[start..offset]);
        }
        offset += line.len();
    }
    None
}
