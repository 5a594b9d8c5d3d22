//! An Akoma Ntoso 3.0 document read into an [`Instrument`] whose provision tree is the
//! document's.

use std::str::FromStr;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use crate::decode::decode;
use crate::document::{Document, DocumentGap, Provision, ProvisionKind, Span};
use crate::eid::Eid;
use crate::error::{Error, Result};
use crate::instrument::{Gap, GapKind, Instrument, NumberMarker};
use crate::location::{LineIndex, Location};
use crate::metadata::{BlockPosition, Metadata};
use crate::warning::Warning;

use super::{kind_of, two_letter_language, GAP_CLASS, OMITTED_CLASS, OWN_LINE_CLASS, PUNCTUATION};

/// Read an Akoma Ntoso 3.0 document (`file` names it in diagnostics) into an instrument:
/// the text of its body, its provisions with their eIds, numbers and headings as the
/// document gives them, and metadata from its FRBR identification (or, for a document lexdef
/// wrote, the corpus metadata block it carries).
///
/// A document lexdef wrote (`lexdef:text="exact"` on its body) is read back exactly: every
/// text node of the body is the text, whitespace included. Another tool's document is read
/// as its elements say: whitespace between elements is layout, runs of whitespace in a text
/// are one space, and each number is followed by a space and each heading and paragraph by a
/// line break. Malformed XML is an error naming the file, line and column.
///
/// ```
/// let xml = r##"<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act name="act">
///   <meta><identification source="#x"><FRBRWork><FRBRthis value="/akn/za/act/2020/1/!main"/>
///   <FRBRuri value="/akn/za/act/2020/1"/><FRBRdate date="2020-01-01" name="Generation"/>
///   <FRBRauthor href=""/><FRBRcountry value="za"/></FRBRWork></identification></meta>
///   <body><section eId="sec_1"><num>1.</num><heading>Short title</heading>
///   <content><p>This is a made-up Act.</p></content></section></body></act></akomaNtoso>"##;
/// let (instrument, _warnings) = lexdef::akn::read("made-up.xml", xml.as_bytes())?;
/// assert_eq!(instrument.id.as_str(), "ZA-ACT-2020-1");
/// let document = lexdef::parse(&instrument);
/// let section = document.find("sec_1").expect("section 1 is read");
/// assert_eq!(section.heading.as_deref(), Some("Short title"));
/// assert_eq!(&instrument.text[section.span.range()], "1. Short title\nThis is a made-up Act.");
/// # Ok::<(), lexdef::Error>(())
/// ```
pub fn read(file: &str, bytes: &[u8]) -> Result<(Instrument, Vec<Warning>)> {
    let (content, warnings) = decode(file, bytes)?;
    let lines = LineIndex::new(&content);
    let mut state = State { file, content: &content, lines: Some(&lines), ..State::default() };
    state.run()?;
    let metadata = state.metadata()?;
    let id = match &metadata {
        Some(metadata) => metadata.id.clone(),
        None => crate::instrument::id_from_file_name(file),
    };
    let document = Document {
        instrument: id.clone(),
        provisions: state.build_tree(),
        gaps: std::mem::take(&mut state.document_gaps),
        warnings: Vec::new(),
    };
    let instrument = Instrument::from_akn_parts(
        id,
        metadata,
        state.text,
        state.gaps,
        state.number_markers,
        file,
        content.clone(),
        state.segments,
        document,
    );
    Ok((instrument, warnings))
}

/// How deep elements may nest.
const MAX_DEPTH: usize = 256;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Frame {
    /// A provision: its index in `nodes`.
    Provision(usize),
    Num(usize),
    Heading(usize),
    Punctuation,
    Remark,
    Quoted,
    /// An element whose text is the law's (a paragraph, an inline).
    Other,
    /// A block whose end is a line break, read from another tool.
    Block,
}

struct Node {
    kind: ProvisionKind,
    eid: Option<String>,
    number: Option<String>,
    term: Option<String>,
    num: Option<String>,
    number_inferred: bool,
    incomplete: bool,
    heading: Option<Span>,
    heading_text: Option<String>,
    start: usize,
    end: usize,
    line: usize,
    quoted: bool,
    children: Vec<usize>,
    location: Location,
}

#[derive(Default)]
struct State<'a> {
    file: &'a str,
    content: &'a str,
    lines: Option<&'a LineIndex>,
    text: String,
    segments: Vec<(usize, usize)>,
    gaps: Vec<Gap>,
    document_gaps: Vec<DocumentGap>,
    number_markers: Vec<NumberMarker>,
    nodes: Vec<Node>,
    roots: Vec<usize>,
    frames: Vec<(String, Frame)>,
    in_meta: bool,
    in_body: bool,
    exact: bool,
    quoted_depth: usize,
    punctuation: Vec<Span>,
    num_start: usize,
    /// The remark being read: a gap's (its kind, whether its marker stood on its own line,
    /// the provision it is within), or another tool's editorial remark (no kind); where it
    /// starts; its words.
    remark: Option<(Option<GapKind>, bool, Option<String>, usize, String)>,
    document_element: Option<(String, Option<String>)>,
    frbr_work_uri: Option<String>,
    frbr_country: Option<String>,
    frbr_date: Option<String>,
    frbr_language: Option<String>,
    frbr_name: Option<String>,
    frbr_alias: Option<String>,
    frbr_level: Option<String>,
    metadata_block: Option<(usize, String)>,
    in_metadata_block: bool,
}

impl<'a> State<'a> {
    fn locate(&self, offset: usize) -> Location {
        let lines = self.lines.expect("the line index is set before reading");
        let (line, column) = lines.line_column(self.content, offset);
        Location { file: self.file.to_owned(), line, column }
    }

    fn error(&self, offset: usize, message: impl Into<String>) -> Error {
        Error::Akn { location: self.locate(offset), message: message.into() }
    }

    fn run(&mut self) -> Result<()> {
        let mut reader = Reader::from_str(self.content);
        reader.config_mut().trim_text(false);
        let mut seen_root = false;
        loop {
            let position = reader.buffer_position() as usize;
            let event = reader.read_event().map_err(|error| {
                let at = reader.error_position() as usize;
                self.error(at, format!("malformed XML: {error}"))
            })?;
            match event {
                Event::Start(start) => {
                    let name = local_name(&start);
                    if !seen_root {
                        self.check_root(&name, position)?;
                        seen_root = true;
                    }
                    self.open(&name, &start, position, false)?;
                }
                Event::Empty(start) => {
                    let name = local_name(&start);
                    if !seen_root {
                        self.check_root(&name, position)?;
                        seen_root = true;
                    }
                    self.open(&name, &start, position, true)?;
                }
                Event::End(_) => self.close(position),
                Event::Text(text) => {
                    let value =
                        text.xml_content().map_err(|error| self.error(position, format!("malformed XML: {error}")))?;
                    self.characters(&value, position);
                }
                Event::CData(data) => {
                    let value =
                        data.decode().map_err(|error| self.error(position, format!("malformed XML: {error}")))?;
                    if self.in_metadata_block {
                        let block =
                            self.metadata_block.get_or_insert_with(|| (position + "<![CDATA[".len(), String::new()));
                        block.1.push_str(&value);
                    } else {
                        self.characters(&value, position);
                    }
                }
                Event::GeneralRef(reference) => {
                    let resolved = match reference.resolve_char_ref() {
                        Ok(Some(character)) => character.to_string(),
                        Ok(None) => {
                            let name = reference
                                .decode()
                                .map_err(|error| self.error(position, format!("malformed XML: {error}")))?;
                            match quick_xml::escape::resolve_predefined_entity(&name) {
                                Some(value) => value.to_owned(),
                                None => return Err(self.error(position, format!("unknown entity `&{name};`: an Akoma Ntoso document uses only XML's own entities (`&amp;`, `&lt;`, ...) and character references"))),
                            }
                        }
                        Err(error) => return Err(self.error(position, format!("malformed XML: {error}"))),
                    };
                    self.characters(&resolved, position);
                }
                Event::Eof => break,
                _ => {}
            }
        }
        if !seen_root {
            return Err(self.error(0, "no XML element: an Akoma Ntoso document starts with `<akomaNtoso>`"));
        }
        if let Some((name, _)) = self.frames.last() {
            return Err(self.error(self.content.len(), format!("malformed XML: the document ends inside `<{name}>`")));
        }
        Ok(())
    }

    fn check_root(&self, name: &str, position: usize) -> Result<()> {
        if name == "akomaNtoso" {
            Ok(())
        } else {
            Err(self.error(
                position,
                format!("not an Akoma Ntoso document: the root element is `<{name}>`, expected `<akomaNtoso>`"),
            ))
        }
    }

    fn characters(&mut self, value: &str, position: usize) {
        if self.in_metadata_block {
            self.metadata_block.get_or_insert_with(|| (position, String::new())).1.push_str(value);
            return;
        }
        if let Some(remark) = &mut self.remark {
            remark.4.push_str(value);
            return;
        }
        if !self.in_body || self.in_meta {
            return;
        }
        if self.exact {
            self.segments.push((self.text.len(), position));
            self.text.push_str(value);
            return;
        }
        // Another tool's layout: whitespace between elements is not text.
        if value.trim().is_empty() {
            return;
        }
        let mut collapsed = String::with_capacity(value.len());
        let mut space = self.text.is_empty() || self.text.ends_with([' ', '\n']);
        for character in value.chars() {
            if character.is_whitespace() {
                if !space {
                    collapsed.push(' ');
                    space = true;
                }
            } else {
                collapsed.push(character);
                space = false;
            }
        }
        self.segments.push((self.text.len(), position));
        self.text.push_str(&collapsed);
    }

    fn open(&mut self, name: &str, start: &BytesStart<'_>, position: usize, empty: bool) -> Result<()> {
        // The tree is built and written recursively: a bounded depth keeps a hostile document
        // from exhausting the stack (no law nests provisions this deep).
        if self.frames.len() >= MAX_DEPTH {
            return Err(self
                .error(position, format!("elements nested more than {MAX_DEPTH} deep: not a document lexdef reads")));
        }
        let attributes = attributes(start).map_err(|message| self.error(position, message))?;
        let attribute = |key: &str| attributes.iter().find(|(name, _)| name == key).map(|(_, value)| value.clone());
        let lexdef = |key: &str| {
            attributes.iter().find(|(name, _)| name == &format!("lexdef:{key}")).map(|(_, value)| value.clone())
        };
        let frame = match name {
            "act" | "bill" | "doc" if self.document_element.is_none() => {
                self.document_element = Some((name.to_owned(), attribute("name")));
                Frame::Other
            }
            "meta" => {
                self.in_meta = true;
                Frame::Other
            }
            "FRBRWork" | "FRBRExpression" | "FRBRManifestation" if self.in_meta => {
                self.frbr_level = Some(name.to_owned());
                Frame::Other
            }
            _ if self.in_meta => {
                match (self.frbr_level.as_deref(), name) {
                    (Some("FRBRWork"), "FRBRuri") => self.frbr_work_uri = attribute("value"),
                    (Some("FRBRWork"), "FRBRcountry") => self.frbr_country = attribute("value"),
                    (Some("FRBRWork"), "FRBRdate") => self.frbr_date = attribute("date"),
                    (Some("FRBRWork"), "FRBRname") => self.frbr_name = attribute("value"),
                    (Some("FRBRWork"), "FRBRalias") => self.frbr_alias = self.frbr_alias.take().or(attribute("value")),
                    (Some("FRBRExpression"), "FRBRlanguage") => self.frbr_language = attribute("language"),
                    (_, "metadata") if start.name().as_ref().starts_with(b"lexdef:") => self.in_metadata_block = !empty,
                    _ => {}
                }
                Frame::Other
            }
            "body" | "mainBody" => {
                self.in_body = true;
                self.exact = lexdef("text").as_deref() == Some("exact");
                Frame::Other
            }
            _ if !self.in_body && name != "preamble" => Frame::Other,
            "preamble" => {
                self.in_body = true;
                self.open_provision(ProvisionKind::Preamble, Some("preamble".to_owned()), &lexdef, position)
            }
            "num" => {
                self.num_start = self.text.len();
                self.punctuation.clear();
                match self.innermost_provision() {
                    Some(index) => Frame::Num(index),
                    None => Frame::Other,
                }
            }
            "heading" => {
                self.num_start = self.text.len();
                self.punctuation.clear();
                match self.innermost_provision() {
                    Some(index) => Frame::Heading(index),
                    None => Frame::Other,
                }
            }
            "inline" if attribute("name").as_deref() == Some(PUNCTUATION) => {
                self.punctuation.push(Span { start: self.text.len(), end: self.text.len() });
                Frame::Punctuation
            }
            "remark" => {
                let class = attribute("class").unwrap_or_default();
                let classes: Vec<&str> = class.split_whitespace().collect();
                let kind = if classes.contains(&OMITTED_CLASS) {
                    Some(GapKind::Provisions)
                } else if classes.contains(&GAP_CLASS) {
                    Some(GapKind::Text)
                } else {
                    None
                };
                // Another tool's editorial remark (no kind) is read past: not the law's text.
                self.remark =
                    Some((kind, classes.contains(&OWN_LINE_CLASS), lexdef("within"), position, String::new()));
                Frame::Remark
            }
            "quotedStructure" => {
                self.quoted_depth += 1;
                Frame::Quoted
            }
            "p" | "listIntroduction" | "listWrapUp" | "item" | "tblock" | "crossHeading" if !self.exact => Frame::Block,
            _ => match kind_of(name, attribute("name").as_deref()) {
                Some(kind) => self.open_provision(kind, attribute("eId"), &lexdef, position),
                None => Frame::Other,
            },
        };
        if empty {
            self.frames.push((name.to_owned(), frame));
            self.close(position);
        } else {
            self.frames.push((name.to_owned(), frame));
        }
        Ok(())
    }

    fn innermost_provision(&self) -> Option<usize> {
        self.frames.iter().rev().find_map(|(_, frame)| match frame {
            Frame::Provision(index) => Some(*index),
            _ => None,
        })
    }

    fn open_provision(
        &mut self,
        kind: ProvisionKind,
        eid: Option<String>,
        lexdef: &dyn Fn(&str) -> Option<String>,
        position: usize,
    ) -> Frame {
        let parent = self.innermost_provision();
        let number_inferred = lexdef("numberInferred").as_deref() == Some("true");
        let index = self.nodes.len();
        let location = self.locate(position);
        self.nodes.push(Node {
            kind,
            eid,
            number: lexdef("number"),
            term: lexdef("term"),
            num: if number_inferred { lexdef("num") } else { None },
            number_inferred,
            incomplete: lexdef("incomplete").as_deref() == Some("true"),
            heading: None,
            heading_text: None,
            start: self.text.len(),
            end: self.text.len(),
            line: location.line,
            quoted: self.quoted_depth > 0,
            children: Vec::new(),
            location,
        });
        match parent {
            Some(parent) => self.nodes[parent].children.push(index),
            None => self.roots.push(index),
        }
        if number_inferred {
            let label = self.nodes[index].num.clone();
            let location = self.nodes[index].location.clone();
            self.number_markers.push(NumberMarker {
                offset: self.text.len(),
                label,
                note: lexdef("numberNote").unwrap_or_default(),
                own_line: false,
                location,
            });
        }
        Frame::Provision(index)
    }

    /// The text from `start` to here, without the punctuation read in it.
    fn value_since(&self, start: usize) -> (Span, String) {
        let mut value = String::new();
        let mut cursor = start;
        for punctuation in &self.punctuation {
            value.push_str(&self.text[cursor..punctuation.start.max(cursor)]);
            cursor = punctuation.end.max(cursor);
        }
        value.push_str(&self.text[cursor.min(self.text.len())..]);
        (Span { start: cursor.min(self.text.len()), end: self.text.len() }, value)
    }

    fn close(&mut self, position: usize) {
        let Some((name, frame)) = self.frames.pop() else { return };
        match frame {
            Frame::Provision(index) => {
                let mut end = self.text.len();
                if !self.exact {
                    end = self.text.trim_end().len().max(self.nodes[index].start);
                }
                self.nodes[index].end = end;
            }
            Frame::Num(index) => {
                let (span, value) = self.value_since(self.num_start);
                let value = if self.exact { value } else { value.trim().to_owned() };
                let node = &mut self.nodes[index];
                if !node.number_inferred && !value.is_empty() {
                    node.num = Some(value);
                    let lines = self.lines.expect("the line index is set before reading");
                    node.line = lines.line(
                        self.segments
                            .iter()
                            .rev()
                            .find(|(text, _)| *text <= span.start)
                            .map_or(position, |(text, file)| file + (span.start - text)),
                    );
                }
                if !self.exact && !self.text.ends_with([' ', '\n']) {
                    self.text.push(' ');
                }
            }
            Frame::Heading(index) => {
                let (span, value) = self.value_since(self.num_start);
                let (span, value) = if self.exact {
                    (span, value)
                } else {
                    let trimmed = self.text[span.start..].trim_end().len();
                    (Span { start: span.start, end: span.start + trimmed }, value.trim().to_owned())
                };
                let node = &mut self.nodes[index];
                node.heading = Some(span);
                node.heading_text = Some(value);
                if !self.exact {
                    self.end_line();
                }
            }
            Frame::Punctuation => {
                if let Some(last) = self.punctuation.last_mut() {
                    last.end = self.text.len();
                }
            }
            Frame::Remark => {
                if let Some((Some(kind), own_line, within, at, note)) = self.remark.take() {
                    let location = self.locate(at);
                    // lexdef's own remark says where the gap is (nothing at the top level);
                    // another tool's is in the provision open around it.
                    let open = if self.exact { None } else { self.innermost_provision() };
                    let within = within.and_then(|within| Eid::from_str(&within).ok()).or_else(|| {
                        open.and_then(|index| self.nodes[index].eid.as_deref().and_then(|eid| Eid::from_str(eid).ok()))
                    });
                    self.document_gaps.push(DocumentGap {
                        kind,
                        offset: self.text.len(),
                        line: location.line,
                        note: note.clone(),
                        within,
                    });
                    self.gaps.push(Gap { kind, offset: self.text.len(), note, own_line, location });
                }
            }
            Frame::Quoted => self.quoted_depth = self.quoted_depth.saturating_sub(1),
            Frame::Block => self.end_line(),
            Frame::Other => match name.as_str() {
                "meta" => self.in_meta = false,
                "metadata" => self.in_metadata_block = false,
                "body" | "mainBody" => self.in_body = false,
                _ => {}
            },
        }
    }

    fn end_line(&mut self) {
        while self.text.ends_with(' ') {
            self.text.pop();
        }
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
    }

    /// The tree, with eIds where another tool left them out (`{parent}__{kind}_nn{n}`).
    fn build_tree(&mut self) -> Vec<Provision> {
        let roots = std::mem::take(&mut self.roots);
        roots.iter().enumerate().map(|(position, &index)| self.build(index, None, position)).collect()
    }

    fn build(&mut self, index: usize, parent: Option<&Eid>, position: usize) -> Provision {
        let kind = self.nodes[index].kind;
        let eid = self.nodes[index].eid.as_deref().and_then(|eid| Eid::from_str(eid).ok()).unwrap_or_else(|| {
            let component = format!("{}_nn{}", kind.eid_name(), position + 1);
            match parent {
                Some(parent) => Eid::from_str(&format!("{parent}__{component}")),
                None => Eid::from_str(&component),
            }
            .expect("a kind name and a number make a well-formed eId")
        });
        let children: Vec<usize> = self.nodes[index].children.clone();
        let built: Vec<Provision> =
            children.iter().enumerate().map(|(position, &child)| self.build(child, Some(&eid), position)).collect();
        let node = &self.nodes[index];
        // lexdef writes the number where a provision has one; another tool's is its eId's.
        let exact = self.exact;
        let number = node.number.clone().filter(|_| exact).or_else(|| {
            if exact {
                return None;
            }
            let last = eid.last_component();
            last.split_once('_').map(|(_, number)| number.to_owned())
        });
        Provision {
            eid,
            kind,
            num: node.num.clone(),
            number,
            term: node.term.clone(),
            heading: node.heading_text.clone(),
            heading_span: node.heading,
            span: Span { start: node.start, end: node.end },
            line: node.line,
            quoted: node.quoted,
            number_inferred: node.number_inferred,
            incomplete: node.incomplete,
            children: built,
        }
    }

    /// The metadata block lexdef wrote, or one made from the FRBR identification.
    fn metadata(&self) -> Result<Option<Metadata>> {
        if let Some((start, block)) = &self.metadata_block {
            let lines = self.lines.expect("the line index is set before reading");
            let position = BlockPosition { file: self.file, file_text: self.content, lines, start: *start };
            return Metadata::parse(block, &position).map(Some);
        }
        let Some(uri) = &self.frbr_work_uri else {
            if self.exact {
                return Ok(None);
            }
            return Err(self.error(0, "no `<FRBRWork>` with an `<FRBRuri>` in `<meta><identification>`: an Akoma Ntoso document says which work it is"));
        };
        let id: String = uri
            .trim_start_matches("/akn/")
            .split('/')
            .filter(|part| !part.is_empty() && !part.starts_with('!'))
            .collect::<Vec<_>>()
            .join("-")
            .chars()
            .map(|character| if character.is_ascii_alphanumeric() { character.to_ascii_uppercase() } else { '-' })
            .collect();
        let id = id.split('-').filter(|part| !part.is_empty()).collect::<Vec<_>>().join("-");
        let (element, name) = self.document_element.clone().unwrap_or_else(|| ("act".to_owned(), None));
        let kind = match (element.as_str(), name.as_deref()) {
            ("bill", _) => "bill",
            ("doc", Some("treaty")) => "treaty",
            ("doc", Some("convention")) => "convention",
            ("doc", Some("declaration")) => "declaration",
            _ => "act",
        };
        let title = self.frbr_name.clone().or_else(|| self.frbr_alias.clone()).unwrap_or_else(|| id.clone());
        let short_title = self.frbr_alias.clone().unwrap_or_else(|| title.clone());
        let language = self.frbr_language.as_deref().map_or("en", two_letter_language);
        let quote = |value: &str| serde_json::to_string(value).expect("a string serialises");
        let mut block = format!(
            "id = {}\ntitle = {}\nshort_title = {}\njurisdiction = {}\nkind = \"{kind}\"\n",
            quote(&id),
            quote(&title),
            quote(&short_title),
            quote(self.frbr_country.as_deref().unwrap_or("")),
        );
        if let Some(date) =
            self.frbr_date.as_deref().filter(|date| crate::metadata::PartialDate::from_str(date).is_ok())
        {
            block.push_str(&format!("adopted = {}\n", quote(date)));
        }
        block.push_str(&format!(
            "[[sources]]\nkey = \"akn\"\nurl = {}\ndescription = \"the Akoma Ntoso document, read by lexdef\"\n[language]\ncode = {}\nstatus = \"official\"\n[completeness]\nstatus = \"complete\"\nincluded = [\"the whole document\"]\n",
            quote(&format!("file:{}", self.file)),
            quote(language)
        ));
        let lines = LineIndex::new(&block);
        let file = format!("{} (its FRBR identification)", self.file);
        let position = BlockPosition { file: &file, file_text: &block, lines: &lines, start: 0 };
        Metadata::parse(&block, &position).map(Some)
    }
}

fn local_name(start: &BytesStart<'_>) -> String {
    String::from_utf8_lossy(start.local_name().as_ref()).into_owned()
}

/// The attributes of an element, names with their prefix, values unescaped.
fn attributes(start: &BytesStart<'_>) -> std::result::Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    for attribute in start.attributes() {
        let attribute = attribute.map_err(|error| format!("malformed XML: {error}"))?;
        let key = String::from_utf8_lossy(attribute.key.as_ref()).into_owned();
        let value = attribute.unescape_value().map_err(|error| format!("malformed XML: {error}"))?.into_owned();
        out.push((key, value));
    }
    Ok(out)
}
