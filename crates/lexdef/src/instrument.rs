//! An instrument as read from a file: its metadata and the law's text, with the corpus
//! markers (gaps, source changes, unprinted numbers) taken out of the text and kept as
//! located facts.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::decode::decode;
use crate::document::Document;
use crate::error::{Error, MetadataProblem, Result};
use crate::instrument_id::InstrumentId;
use crate::location::{LineIndex, Location};
use crate::metadata::{BlockPosition, CompletenessStatus, Metadata};
use crate::warning::{Warning, WarningKind};

/// Where text is missing: the source stopped, skipped or could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gap {
    /// `{{gap: ...}}` (text missing here, possibly the rest of the provision before) or
    /// `{{omitted: ...}}` (whole provisions missing; the one before is whole).
    pub kind: GapKind,
    /// Byte offset in [`Instrument::text`] where the missing text would be.
    pub offset: usize,
    /// What is missing, in the corpus's words.
    pub note: String,
    /// The marker stands alone on its line (whole provisions missing), rather than inside a
    /// line (the text stops mid-sentence).
    pub own_line: bool,
    /// Where the marker is in the file.
    pub location: Location,
}

/// What a gap marker says is missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GapKind {
    /// `{{gap: ...}}`: text is missing here — inside the provision being read, or after it.
    Text,
    /// `{{omitted: ...}}`: whole provisions are missing here, at the level of the provision
    /// that follows (at the top level when none follows); the provision before is whole.
    Provisions,
}

/// A change of source: the text from `offset` on was read from the source `key`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceSwitch {
    /// Byte offset in [`Instrument::text`].
    pub offset: usize,
    /// The `key` of a `[[sources]]` entry.
    pub key: String,
    /// Where the marker is in the file.
    pub location: Location,
}

/// A provision whose number the source does not print.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NumberMarker {
    /// Byte offset in [`Instrument::text`] where the provision starts.
    pub offset: usize,
    /// The number, where the source lets it be inferred (`(f)`); `None` where it does not.
    pub label: Option<String>,
    /// Why the number is not printed, or how it was inferred.
    pub note: String,
    /// The marker stands alone on its line: the provision's text starts on the next line.
    pub own_line: bool,
    /// Where the marker is in the file.
    pub location: Location,
}

/// One instrument: metadata (where the file has a block) and text.
#[derive(Debug, Clone)]
pub struct Instrument {
    /// The id: the metadata's, or for a bare text one made from the file name.
    pub id: InstrumentId,
    /// The metadata block; `None` for a bare statute text.
    pub metadata: Option<Metadata>,
    /// The law's text exactly as read, markers removed. Every span lexdef reports is a byte
    /// range into this string.
    pub text: String,
    /// Gaps, in text order.
    pub gaps: Vec<Gap>,
    /// Source changes, in text order.
    pub source_switches: Vec<SourceSwitch>,
    /// Unprinted numbers, in text order.
    pub number_markers: Vec<NumberMarker>,
    file: String,
    file_text: String,
    file_lines: LineIndex,
    /// `(text offset, file offset)` pairs: from each text offset on, the text continues the
    /// file at that file offset. One pair per stretch between removed markers.
    segments: Vec<(usize, usize)>,
    /// For an instrument read from Akoma Ntoso, the document's own provision tree:
    /// [`crate::parse`] gives it rather than reading the text again.
    akn_document: Option<Box<Document>>,
}

const MARKER_NAMES: [&str; 4] = ["source", "gap", "omitted", "number"];

impl Instrument {
    /// Mark the text as an excerpt: whole provisions are missing after it (`note` says how
    /// the user said so). Its silences then settle nothing, as with an `{{omitted: ...}}` line.
    pub fn mark_excerpt(&mut self, note: &str) {
        let offset = self.text.len();
        let location = self.locate(offset);
        self.gaps.push(Gap { kind: GapKind::Provisions, offset, note: note.to_owned(), own_line: true, location });
    }

    /// In a text without metadata, the editor's marks of an omission — a bracketed ellipsis
    /// (`[...]`, `[…]`, `[... text ends ...]`) or a bracketed note that says text was left
    /// out (`[not seen]`, `[omitted]`) — say it is an excerpt: each becomes a gap, so what the
    /// text does not say there settles nothing.
    fn mark_omissions(&mut self) {
        let mut offset = 0;
        let mut marks = Vec::new();
        for line in self.text.split_inclusive('\n') {
            let mut from = 0;
            while let Some(open) = line[from..].find('[').map(|at| from + at) {
                let close = line[open..].find(']').map_or(line.len(), |at| open + at + 1);
                let note = &line[open..close];
                let lower = note.to_lowercase();
                let omission = lower.starts_with("[...")
                    || lower.starts_with("[\u{2026}")
                    || lower.ends_with("...]")
                    || lower.ends_with("\u{2026}]")
                    || crate::structure::omission_notes().iter().any(|words| lower.contains(words.as_str()));
                if omission {
                    marks.push((offset + open, note.trim().to_owned()));
                }
                from = close.max(open + 1);
            }
            offset += line.len();
        }
        for (at, note) in marks {
            let location = self.locate(at);
            self.gaps.push(Gap { kind: GapKind::Text, offset: at, note, own_line: false, location });
        }
    }

    /// Read an instrument from a file on disk. See [`Instrument::from_bytes`].
    pub fn read(path: &Path) -> Result<(Instrument, Vec<Warning>)> {
        let bytes = std::fs::read(path).map_err(|source| Error::Io { path: path.to_owned(), source })?;
        Instrument::from_bytes(&path.display().to_string(), &bytes)
    }

    /// Read an instrument from a file's bytes; `file` names it in diagnostics.
    ///
    /// A file that starts with a `+++` line is a corpus file (metadata, then text with
    /// markers). Anything else is a bare statute text: it is read as it is, with a warning
    /// that metadata is missing, and its id is made from the file name.
    ///
    /// A file named `*.xml`, or one that starts with `<?xml` or `<akomaNtoso`, is an Akoma
    /// Ntoso document, read by [`crate::akn::read`].
    pub fn from_bytes(file: &str, bytes: &[u8]) -> Result<(Instrument, Vec<Warning>)> {
        if is_akn(file, bytes) {
            return crate::akn::read(file, bytes);
        }
        let (content, mut warnings) = decode(file, bytes)?;
        if content.trim().is_empty() {
            return Err(Error::EmptyFile { location: Location::file_start(file) });
        }
        let file_lines = LineIndex::new(&content);
        let first_line = &content[file_lines.line_span(&content, 1)];
        if first_line.trim_end() != "+++" {
            warnings.push(Warning::new(
                WarningKind::MissingMetadata,
                Location::file_start(file),
                "no metadata block (a `+++` line at the top): read as the whole text you meant, so what it does not say is read as absent (mark an excerpt with `--partial` or a metadata block)",
            ));
            let id = id_from_file_name(file);
            let mut instrument = Instrument {
                id,
                metadata: None,
                text: content.clone(),
                gaps: Vec::new(),
                source_switches: Vec::new(),
                number_markers: Vec::new(),
                file: file.to_owned(),
                file_text: content,
                file_lines,
                segments: vec![(0, 0)],
                akn_document: None,
            };
            instrument.mark_omissions();
            return Ok((instrument, warnings));
        }
        let closing_line = (2..=file_lines.line_count())
            .find(|&line| content[file_lines.line_span(&content, line)].trim_end() == "+++")
            .ok_or_else(|| Error::Metadata {
                location: Location::file_start(file),
                problem: MetadataProblem::Unterminated,
                field: None,
                message:
                    "the metadata block opened by `+++` on line 1 is never closed (hint: end it with a line `+++`)"
                        .to_owned(),
            })?;
        let block_start = file_lines.line_span(&content, 2).start.min(content.len());
        let block_end = file_lines.line_span(&content, closing_line).start;
        let body_start = file_lines
            .line_span(&content, closing_line + 1)
            .start
            .max(file_lines.line_span(&content, closing_line).end);
        let body_start = skip_line_ending(&content, body_start);
        let position = BlockPosition { file, file_text: &content, lines: &file_lines, start: block_start };
        let metadata = Metadata::parse(&content[block_start..block_end.max(block_start)], &position)?;
        let mut instrument = Instrument {
            id: metadata.id.clone(),
            metadata: None,
            text: String::new(),
            gaps: Vec::new(),
            source_switches: Vec::new(),
            number_markers: Vec::new(),
            file: file.to_owned(),
            file_text: String::new(),
            file_lines,
            segments: Vec::new(),
            akn_document: None,
        };
        instrument.take_markers(&content, body_start)?;
        instrument.file_text = content;
        if let Some(stem) = file_stem(file) {
            if stem != metadata.id.as_str() {
                warnings.push(Warning::new(
                    WarningKind::FileNameMismatch,
                    metadata.id_location.clone(),
                    format!(
                        "the file is named `{stem}` but its id is `{}`; corpus files are named after their id",
                        metadata.id
                    ),
                ));
            }
        }
        instrument.check_markers_against(&metadata)?;
        instrument.metadata = Some(metadata);
        Ok((instrument, warnings))
    }

    /// An instrument read from an Akoma Ntoso document: its text, gaps and unprinted numbers
    /// as read, and the document's provision tree.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn from_akn_parts(
        id: InstrumentId,
        metadata: Option<Metadata>,
        text: String,
        gaps: Vec<Gap>,
        number_markers: Vec<NumberMarker>,
        file: &str,
        file_text: String,
        segments: Vec<(usize, usize)>,
        document: Document,
    ) -> Instrument {
        let file_lines = LineIndex::new(&file_text);
        let segments = if segments.is_empty() { vec![(0, 0)] } else { segments };
        Instrument {
            id,
            metadata,
            text,
            gaps,
            source_switches: Vec::new(),
            number_markers,
            file: file.to_owned(),
            file_text,
            file_lines,
            segments,
            akn_document: Some(Box::new(document)),
        }
    }

    /// The provision tree of an instrument read from Akoma Ntoso.
    pub(crate) fn akn_document(&self) -> Option<&Document> {
        self.akn_document.as_deref()
    }

    /// A bare statute text that did not come from a file (a drafter's bill pasted in).
    pub fn from_text(name: &str, text: &str) -> Result<(Instrument, Vec<Warning>)> {
        Instrument::from_bytes(name, text.as_bytes())
    }

    /// The file this instrument was read from, as named when it was read.
    pub fn file(&self) -> &str {
        &self.file
    }

    /// The whole file as decoded: metadata block, markers and text. Reading it again with
    /// [`Instrument::from_bytes`] gives this instrument back.
    pub fn file_text(&self) -> &str {
        &self.file_text
    }

    /// The file location of byte `offset` of [`Instrument::text`].
    pub fn locate(&self, offset: usize) -> Location {
        let (line, column) = self.file_lines.line_column(&self.file_text, self.file_offset(offset));
        Location { file: self.file.clone(), line, column }
    }

    /// The byte of [`Instrument::file_text`] that byte `offset` of the text was read from.
    pub(crate) fn file_offset(&self, offset: usize) -> usize {
        let index = self.segments.partition_point(|&(text_start, _)| text_start <= offset).saturating_sub(1);
        let (text_start, file_start) = self.segments.get(index).copied().unwrap_or((0, 0));
        file_start + offset.saturating_sub(text_start)
    }

    /// The byte of the text read from byte `file_offset` of the file (or, inside a removed
    /// marker, the text byte where it was).
    pub(crate) fn text_offset(&self, file_offset: usize) -> usize {
        let index = self.segments.partition_point(|&(_, file_start)| file_start <= file_offset).saturating_sub(1);
        let (text_start, file_start) = self.segments.get(index).copied().unwrap_or((0, 0));
        let next = self.segments.get(index + 1).map_or(self.text.len(), |&(text_next, _)| text_next);
        (text_start + file_offset.saturating_sub(file_start)).min(next)
    }

    /// Where the text starts in the file: after the metadata block, if there is one.
    pub(crate) fn body_start(&self) -> usize {
        self.segments.first().map_or(0, |&(_, file_start)| file_start)
    }

    /// The lines of the file, for finding where a byte of it is.
    pub(crate) fn file_lines(&self) -> &LineIndex {
        &self.file_lines
    }

    /// The line of the file that holds byte `offset` of the text, for quoting in diagnostics.
    pub fn file_line_text(&self, line: usize) -> &str {
        &self.file_text[self.file_lines.line_span(&self.file_text, line)]
    }

    /// Whether the corpus says the text is incomplete (partial or missing).
    pub fn is_partial(&self) -> bool {
        self.metadata.as_ref().is_some_and(|metadata| metadata.completeness.status != CompletenessStatus::Complete)
    }

    fn take_markers(&mut self, content: &str, body_start: usize) -> Result<()> {
        let mut text = String::with_capacity(content.len() - body_start);
        let mut segments = vec![(0, body_start)];
        let mut cursor = body_start;
        let mut search_from = body_start;
        while let Some(found) = content[search_from..].find("{{") {
            let marker_start = search_from + found;
            let line_number = self.file_lines.line(marker_start);
            let line = self.file_lines.line_span(content, line_number);
            let location = {
                let (line, column) = self.file_lines.line_column(content, marker_start);
                Location { file: self.file.clone(), line, column }
            };
            let Some(length) = content[marker_start..line.end].find("}}") else {
                return Err(Error::Marker {
                    location,
                    message: "unterminated marker: `{{` without `}}` on the same line".to_owned(),
                });
            };
            let marker_end = marker_start + length + 2;
            let inner = &content[marker_start + 2..marker_end - 2];
            let (name, value) = inner.split_once(':').unwrap_or((inner, ""));
            let name = name.trim();
            if !MARKER_NAMES.contains(&name) {
                return Err(Error::Marker {
                    location,
                    message: format!(
                        "unknown marker `{{{{{name}: ...}}}}`; expected `source`, `gap`, `omitted` or `number`"
                    ),
                });
            }
            let value = value.trim();
            let alone_on_line =
                content[line.start..marker_start].trim().is_empty() && content[marker_end..line.end].trim().is_empty();
            let (remove_start, remove_end) = if alone_on_line {
                (line.start.max(cursor), skip_line_ending(content, line.end))
            } else {
                (marker_start, marker_end)
            };
            text.push_str(&content[cursor..remove_start]);
            let offset = text.len();
            match name {
                "source" => self.source_switches.push(SourceSwitch { offset, key: value.to_owned(), location }),
                "gap" => self.gaps.push(Gap {
                    kind: GapKind::Text,
                    offset,
                    note: value.to_owned(),
                    own_line: alone_on_line,
                    location,
                }),
                "omitted" => {
                    if !alone_on_line {
                        return Err(Error::Marker {
                            location,
                            message: "`{{omitted: ...}}` marks whole provisions and stands on a line of its own; inside a line, use `{{gap: ...}}`".to_owned(),
                        });
                    }
                    self.gaps.push(Gap {
                        kind: GapKind::Provisions,
                        offset,
                        note: value.to_owned(),
                        own_line: true,
                        location,
                    });
                }
                _ => {
                    let (label, note) = value.split_once('|').unwrap_or((value, ""));
                    let label = label.trim();
                    if label.is_empty() {
                        return Err(Error::Marker {
                            location,
                            message: "a number marker needs a label: `{{number: (f) | note}}`, or `?` where the source lets none be inferred".to_owned(),
                        });
                    }
                    self.number_markers.push(NumberMarker {
                        offset,
                        label: (label != "?").then(|| label.to_owned()),
                        note: note.trim().to_owned(),
                        own_line: alone_on_line,
                        location,
                    });
                }
            }
            cursor = remove_end;
            segments.push((offset, cursor));
            search_from = cursor.max(marker_end);
        }
        text.push_str(&content[cursor..]);
        self.text = text;
        self.segments = segments;
        Ok(())
    }

    fn check_markers_against(&self, metadata: &Metadata) -> Result<()> {
        for switch in &self.source_switches {
            if !metadata.sources.iter().any(|source| source.key == switch.key) {
                let known: Vec<&str> = metadata.sources.iter().map(|source| source.key.as_str()).collect();
                return Err(Error::Marker {
                    location: switch.location.clone(),
                    message: format!(
                        "`{{{{source: {}}}}}` names no `[[sources]]` entry; the keys are: {}",
                        switch.key,
                        known.join(", ")
                    ),
                });
            }
        }
        if metadata.completeness.status == CompletenessStatus::Missing && !self.text.trim().is_empty() {
            return Err(Error::Metadata {
                location: metadata.id_location.clone(),
                problem: MetadataProblem::InvalidValue,
                field: Some("completeness.status".to_owned()),
                message: "`missing` says no text was found, but the file has text (hint: use `partial`)".to_owned(),
            });
        }
        Ok(())
    }
}

fn skip_line_ending(content: &str, offset: usize) -> usize {
    let rest = &content.as_bytes()[offset.min(content.len())..];
    match rest {
        [b'\r', b'\n', ..] => offset + 2,
        [b'\n', ..] | [b'\r', ..] => offset + 1,
        _ => offset,
    }
}

fn file_stem(file: &str) -> Option<&str> {
    Path::new(file).file_stem().and_then(|stem| stem.to_str())
}

/// Whether a file is an Akoma Ntoso document: by its name, or by how it starts.
fn is_akn(file: &str, bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF".as_slice()).unwrap_or(bytes);
    let start = bytes.iter().position(|byte| !byte.is_ascii_whitespace()).map_or(&[][..], |at| &bytes[at..]);
    Path::new(file).extension().is_some_and(|extension| extension.eq_ignore_ascii_case("xml"))
        || start.starts_with(b"<?xml")
        || start.starts_with(b"<akomaNtoso")
}

/// An id for a bare text: the file name upper-cased where that makes a valid id, else `TEXT`.
pub(crate) fn id_from_file_name(file: &str) -> InstrumentId {
    let stem = file_stem(file).unwrap_or("TEXT");
    let cleaned: String = stem
        .chars()
        .map(|character| if character.is_ascii_alphanumeric() { character.to_ascii_uppercase() } else { '-' })
        .collect();
    let cleaned = cleaned.split('-').filter(|part| !part.is_empty()).collect::<Vec<_>>().join("-");
    cleaned.parse().unwrap_or_else(|_| "TEXT".parse().expect("`TEXT` is a valid instrument id"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "+++\nid = \"XX-TEST-2020\"\ntitle = \"Test Act\"\nshort_title = \"Test\"\njurisdiction = \"PH\"\nkind = \"act\"\n[language]\ncode = \"en\"\nstatus = \"official\"\n[completeness]\nstatus = \"partial\"\nincluded = [\"s 1\"]\n[[sources]]\nkey = \"a\"\nurl = \"https://example.org\"\ndescription = \"test\"\n+++\n";

    #[test]
    fn markers_leave_the_text_and_keep_their_place() {
        let file = format!("{HEADER}{{{{source: a}}}}\nSection 1. Short title.\nThe transit coun{{{{gap: excerpt ends}}}}\n{{{{gap: s 2 not seen}}}}\n{{{{number: (f) | inferred}}}}Involuntary servitude\n");
        let (instrument, _) =
            Instrument::from_bytes("XX-TEST-2020.txt", file.as_bytes()).expect("the test file is valid");
        assert_eq!(instrument.text, "Section 1. Short title.\nThe transit coun\nInvoluntary servitude\n");
        let gap = &instrument.gaps[0];
        assert_eq!(gap.offset, instrument.text.find("\nInvol").expect("marker place"));
        assert_eq!((gap.location.line, gap.location.column), (20, 17));
        assert_eq!(instrument.gaps[1].offset, instrument.text.find("Invol").expect("marker place"));
        assert_eq!(instrument.number_markers[0].label.as_deref(), Some("(f)"));
        let servitude = instrument.text.find("Involuntary").expect("text kept");
        assert_eq!(instrument.locate(servitude).line, 22);
        assert_eq!(instrument.locate(servitude).column, 27);
        assert_eq!(instrument.locate(0).line, 19);
    }

    #[test]
    fn a_bare_text_is_read_with_a_warning_and_an_id_from_its_name() {
        let (instrument, warnings) =
            Instrument::from_text("draft bill (v3).txt", "Section 1. Short title.").expect("bare text");
        assert_eq!(instrument.id.as_str(), "DRAFT-BILL-V3");
        assert_eq!(warnings[0].kind, WarningKind::MissingMetadata);
        assert!(instrument.metadata.is_none());
    }
}
