//! A corpus: a set of instruments with unique ids, loaded from a directory or compiled in.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::instrument::Instrument;
use crate::location::Location;
use crate::warning::{Warning, WarningKind};

/// The curated corpus's files, compiled into the crate by `build.rs`.
mod bundled_files {
    include!(concat!(env!("OUT_DIR"), "/bundled_corpus.rs"));
}

/// A set of instruments, sorted by id, and what went wrong while loading them.
///
/// Loading is lenient: a file that cannot be read or parsed is left out, and its error is
/// kept in [`Corpus::errors`], so one bad file never stops the others. Callers that want
/// all-or-nothing use [`Corpus::load_strict`].
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    instruments: BTreeMap<String, Instrument>,
    errors: Vec<LoadError>,
    warnings: Vec<Warning>,
    /// For the corpus as it stood on a day ([`Corpus::at`]): the instruments left out, by id,
    /// with the day and why, so that asking for one says so.
    left_out: BTreeMap<String, (String, String)>,
}

/// An error met while loading one file of a corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoadError {
    /// The file.
    pub file: String,
    /// What went wrong, rendered.
    pub message: String,
    /// Where, when known.
    pub location: Option<Location>,
    /// What kind of problem, so a caller (`lexdef check`) can name the rule it breaks.
    pub kind: LoadErrorKind,
}

/// What kind of problem kept a file out of a corpus, or broke a reference between files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum LoadErrorKind {
    /// The file or directory could not be read.
    Io,
    /// The bytes are not UTF-8 text (invalid UTF-8, UTF-16, a NUL byte) or there are none.
    Encoding,
    /// The metadata block is missing, unterminated or wrong.
    Metadata,
    /// A `{{...}}` marker is malformed or names no source.
    Marker,
    /// Another file already has this instrument id.
    DuplicateId,
    /// A relation points at an instrument the corpus does not have (the file itself loaded).
    RelationTarget,
}

impl LoadErrorKind {
    /// Whether the file was left out of the corpus (every kind but a broken relation).
    pub fn file_left_out(self) -> bool {
        self != LoadErrorKind::RelationTarget
    }
}

impl LoadError {
    fn new(file: &str, error: &Error) -> LoadError {
        let kind = match error {
            Error::Io { .. } => LoadErrorKind::Io,
            Error::InvalidUtf8 { .. } | Error::Utf16 { .. } | Error::NulByte { .. } | Error::EmptyFile { .. } => {
                LoadErrorKind::Encoding
            }
            Error::Marker { .. } => LoadErrorKind::Marker,
            Error::DuplicateInstrument { .. } => LoadErrorKind::DuplicateId,
            Error::UnknownRelationTarget { .. } => LoadErrorKind::RelationTarget,
            _ => LoadErrorKind::Metadata,
        };
        LoadError { file: file.to_owned(), message: error.to_string(), location: error.location().cloned(), kind }
    }
}

impl Corpus {
    /// The curated corpus bundled with lexdef (`corpus/instruments/` at build time).
    pub fn bundled() -> Corpus {
        let files =
            bundled_files::FILES.iter().map(|&(name, bytes)| (format!("corpus/instruments/{name}"), bytes.to_vec()));
        Corpus::from_files(files)
    }

    /// Load every `*.txt` file (and every Akoma Ntoso `*.xml` file) of `directory` (or of `directory/instruments/` when there is
    /// one), in name order. Fails only when the directory itself cannot be read.
    pub fn load(directory: &Path) -> Result<Corpus> {
        let (paths, mut problems) = listing(directory)?;
        let mut files = Vec::new();
        for path in paths {
            match read_regular(&path) {
                Ok(bytes) => files.push((path.display().to_string(), bytes)),
                Err(problem) => problems.push(problem),
            }
        }
        let mut corpus = Corpus::from_files(files);
        corpus.errors.splice(0..0, problems);
        Ok(corpus)
    }

    /// The files [`Corpus::load`] reads, read and handed over one at a time, in name order,
    /// for a caller that handles each instrument and drops it (`lexdef parse --format jsonl`):
    /// its memory is that of one instrument, whatever the size of the corpus. Each file is
    /// checked as loading checks it (encoding, metadata block, an id no earlier file holds);
    /// the relations between instruments, which need the whole corpus, are not checked.
    /// Fails only when the directory itself cannot be read.
    pub fn stream(directory: &Path) -> Result<CorpusStream> {
        let (paths, problems) = listing(directory)?;
        let pending = problems.into_iter().map(Pending::Problem).chain(paths.into_iter().map(Pending::Path));
        Ok(CorpusStream { pending: pending.collect::<Vec<_>>().into_iter(), seen: BTreeMap::new() })
    }

    /// The bundled corpus's files as a [`CorpusStream`], in name order.
    pub fn stream_bundled() -> CorpusStream {
        let pending = bundled_files::FILES.iter().map(|&(name, bytes)| Pending::Bundled(name, bytes));
        CorpusStream { pending: pending.collect::<Vec<_>>().into_iter(), seen: BTreeMap::new() }
    }

    /// Like [`Corpus::load`], but any file that cannot be loaded is an error, which names
    /// the first one and where it is wrong.
    pub fn load_strict(directory: &Path) -> Result<Corpus> {
        let corpus = Corpus::load(directory)?;
        if let Some(first) = corpus.errors.first() {
            return Err(Error::IncompleteCorpus {
                directory: directory.to_owned(),
                count: corpus.errors.len(),
                message: first.message.clone(),
                location: first.location.clone(),
            });
        }
        Ok(corpus)
    }

    /// Build a corpus from `(file name, bytes)` pairs, leniently.
    pub fn from_files(files: impl IntoIterator<Item = (String, Vec<u8>)>) -> Corpus {
        let mut corpus = Corpus::default();
        for (file, bytes) in files {
            let (warnings, admitted) = admit(&file, &bytes, |id| corpus.instruments.get(id).map(first_id_location));
            corpus.warnings.extend(warnings);
            match admitted {
                Ok(instrument) => {
                    corpus.instruments.insert(instrument.id.as_str().to_owned(), instrument);
                }
                Err(problem) => corpus.errors.push(problem),
            }
        }
        corpus.check_relations();
        corpus
    }

    fn check_relations(&mut self) {
        // A relation to an instrument whose file is there but could not be loaded is not a
        // second error: the file's own error says what is wrong with it.
        let left_out: std::collections::BTreeSet<&str> = self
            .errors
            .iter()
            .filter(|error| error.kind.file_left_out())
            .filter_map(|error| Path::new(&error.file).file_stem().and_then(|stem| stem.to_str()))
            .collect();
        let mut problems = Vec::new();
        for instrument in self.instruments.values() {
            let Some(metadata) = &instrument.metadata else { continue };
            for relation in &metadata.relations {
                let location = relation.location.clone().unwrap_or_else(|| Location::file_start(instrument.file()));
                match self.instruments.get(relation.target.as_str()) {
                    None if left_out.contains(relation.target.as_str()) => {}
                    None => {
                        let error = Error::UnknownRelationTarget {
                            location,
                            kind: relation.kind.as_str().to_owned(),
                            target: relation.target.to_string(),
                        };
                        problems.push(LoadError::new(instrument.file(), &error));
                    }
                    Some(target) => {
                        let inverse = relation.kind.inverse();
                        let recorded = target.metadata.as_ref().is_some_and(|target| {
                            target.relations.iter().any(|back| back.kind == inverse && back.target == metadata.id)
                        });
                        if !recorded {
                            self.warnings.push(Warning::new(
                                WarningKind::MissingInverseRelation,
                                location,
                                format!(
                                    "`{}` {} `{}`, but `{}` does not record `{}` `{}`",
                                    metadata.id,
                                    relation.kind.as_str(),
                                    relation.target,
                                    relation.target,
                                    inverse.as_str(),
                                    metadata.id
                                ),
                            ));
                        }
                    }
                }
            }
        }
        self.errors.extend(problems);
    }

    /// This corpus with other instruments (the law at a date): its load errors and warnings kept.
    /// `left_out` maps ids to the day and why they are not there.
    pub(crate) fn with_instruments(
        &self,
        instruments: Vec<Instrument>,
        left_out: BTreeMap<String, (String, String)>,
    ) -> Corpus {
        let instruments = instruments.into_iter().map(|instrument| (instrument.id.to_string(), instrument)).collect();
        Corpus { instruments, errors: self.errors.clone(), warnings: self.warnings.clone(), left_out }
    }

    /// The instruments, sorted by id.
    pub fn instruments(&self) -> impl Iterator<Item = &Instrument> {
        self.instruments.values()
    }

    /// How many instruments loaded.
    pub fn len(&self) -> usize {
        self.instruments.len()
    }

    /// Whether no instrument loaded.
    pub fn is_empty(&self) -> bool {
        self.instruments.is_empty()
    }

    /// The instrument with this id.
    pub fn get(&self, id: &str) -> Option<&Instrument> {
        self.instruments.get(id)
    }

    /// The instrument with this id, or an error that suggests close ids (prefixes, parts, and
    /// ids at most two edits away).
    pub fn require(&self, id: &str) -> Result<&Instrument> {
        if let Some((date, message)) = self.left_out.get(id) {
            return Err(Error::PointInTime { id: id.to_owned(), date: date.clone(), message: message.clone() });
        }
        self.get(id).ok_or_else(|| {
            let wanted = id.to_ascii_uppercase();
            let mut suggestions: Vec<String> = self
                .instruments
                .keys()
                .filter(|known| {
                    let known_upper = known.to_ascii_uppercase();
                    known_upper.starts_with(&wanted)
                        || wanted.starts_with(&known_upper)
                        || known_upper.contains(&wanted)
                        // A typo: a digit or two wrong (`PH-RA9208-2004`).
                        || strsim::damerau_levenshtein(&known_upper, &wanted) <= 2
                })
                .take(5)
                .cloned()
                .collect();
            suggestions.sort();
            Error::UnknownInstrument { id: id.to_owned(), suggestions }
        })
    }

    /// Files that could not be loaded, and broken references between instruments.
    pub fn errors(&self) -> &[LoadError] {
        &self.errors
    }

    /// Problems that did not stop loading.
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }
}

/// Where an instrument already loaded gives its id, for the error of a later duplicate.
fn first_id_location(first: &Instrument) -> Location {
    first
        .metadata
        .as_ref()
        .map(|metadata| metadata.id_location.clone())
        .unwrap_or_else(|| Location::file_start(first.file()))
}

/// One file read as a corpus reads it: its warnings, and its instrument or why it is left
/// out (no metadata block, an id `first` says an earlier file holds, or the reader's error).
fn admit(
    file: &str,
    bytes: &[u8],
    first: impl Fn(&str) -> Option<Location>,
) -> (Vec<Warning>, std::result::Result<Instrument, LoadError>) {
    match Instrument::from_bytes(file, bytes) {
        Ok((instrument, warnings)) => {
            if instrument.metadata.is_none() {
                let problem = LoadError {
                    file: file.to_owned(),
                    message: format!("{file}:1:1: a corpus file needs a metadata block; see corpus/README.md"),
                    location: Some(Location::file_start(file)),
                    kind: LoadErrorKind::Metadata,
                };
                return (warnings, Err(problem));
            }
            let id = instrument.id.as_str().to_owned();
            if let Some(first_location) = first(&id) {
                let location = instrument
                    .metadata
                    .as_ref()
                    .map(|metadata| metadata.id_location.clone())
                    .unwrap_or_else(|| Location::file_start(file));
                let error = Error::DuplicateInstrument { id, location, first: first_location };
                return (warnings, Err(LoadError::new(file, &error)));
            }
            (warnings, Ok(instrument))
        }
        Err(error) => (Vec::new(), Err(LoadError::new(file, &error))),
    }
}

/// The `*.txt` and `*.xml` files of a corpus directory (of `directory/instruments/` when there
/// is one), sorted, and the entries that could not be listed.
fn listing(directory: &Path) -> Result<(Vec<PathBuf>, Vec<LoadError>)> {
    let directory =
        if directory.join("instruments").is_dir() { directory.join("instruments") } else { directory.to_owned() };
    let entries = std::fs::read_dir(&directory).map_err(|source| Error::Io { path: directory.clone(), source })?;
    let mut paths: Vec<PathBuf> = Vec::new();
    let mut problems = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => {
                let path = entry.path();
                // Akoma Ntoso documents (`*.xml`) load beside the corpus files.
                if path.extension().is_some_and(|extension| extension == "txt" || extension == "xml") {
                    paths.push(path);
                }
            }
            Err(source) => problems
                .push(LoadError::new(&directory.display().to_string(), &Error::Io { path: directory.clone(), source })),
        }
    }
    paths.sort();
    Ok((paths, problems))
}

/// The bytes of a corpus file. Only regular files (or links to them) are read: reading a
/// FIFO, a socket or a device named `*.txt` would block or never end. `metadata` follows
/// links, so a dangling link or a loop fails here with the system's own error.
fn read_regular(path: &Path) -> std::result::Result<Vec<u8>, LoadError> {
    let regular = std::fs::metadata(path).and_then(|metadata| {
        if metadata.is_file() {
            Ok(())
        } else {
            Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "not a regular file (a directory, FIFO, socket or device); a corpus holds text files",
            ))
        }
    });
    let problem = |source| LoadError::new(&path.display().to_string(), &Error::Io { path: path.to_owned(), source });
    regular.map_err(problem)?;
    std::fs::read(path).map_err(problem)
}

/// A file of a [`CorpusStream`]: the warnings of reading it, and its instrument or why it was
/// left out.
#[derive(Debug)]
pub struct StreamedFile {
    /// Problems that did not stop reading the file.
    pub warnings: Vec<Warning>,
    /// The instrument, or why the file was left out.
    pub instrument: std::result::Result<Instrument, LoadError>,
}

/// A corpus read one file at a time ([`Corpus::stream`]). It keeps only the names still to
/// read and the ids already seen (to refuse a duplicate, as loading does).
#[derive(Debug)]
pub struct CorpusStream {
    pending: std::vec::IntoIter<Pending>,
    seen: BTreeMap<String, Location>,
}

#[derive(Debug)]
enum Pending {
    /// A directory entry that could not be listed.
    Problem(LoadError),
    Path(PathBuf),
    Bundled(&'static str, &'static [u8]),
}

impl Iterator for CorpusStream {
    type Item = StreamedFile;

    fn next(&mut self) -> Option<StreamedFile> {
        let (file, bytes) = match self.pending.next()? {
            Pending::Problem(problem) => return Some(StreamedFile { warnings: Vec::new(), instrument: Err(problem) }),
            Pending::Path(path) => match read_regular(&path) {
                Ok(bytes) => (path.display().to_string(), std::borrow::Cow::Owned(bytes)),
                Err(problem) => return Some(StreamedFile { warnings: Vec::new(), instrument: Err(problem) }),
            },
            Pending::Bundled(name, bytes) => (format!("corpus/instruments/{name}"), std::borrow::Cow::Borrowed(bytes)),
        };
        let (warnings, instrument) = admit(&file, &bytes, |id| self.seen.get(id).cloned());
        if let Ok(instrument) = &instrument {
            self.seen.insert(instrument.id.as_str().to_owned(), first_id_location(instrument));
        }
        Some(StreamedFile { warnings, instrument })
    }
}

/// The serialised form of a corpus: the file each instrument was read from, and the problems
/// met. Reading it back parses the files again, so an instrument is always the parse of its
/// file and never a stored copy of derived values that could drift from the parser.
#[derive(Serialize, Deserialize)]
struct SerialisedCorpus {
    files: Vec<SerialisedFile>,
    errors: Vec<LoadError>,
    warnings: Vec<Warning>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    left_out: BTreeMap<String, (String, String)>,
}

#[derive(Serialize, Deserialize)]
struct SerialisedFile {
    file: String,
    text: String,
}

impl Serialize for Corpus {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        SerialisedCorpus {
            files: self
                .instruments
                .values()
                .map(|instrument| SerialisedFile {
                    file: instrument.file().to_owned(),
                    text: instrument.file_text().to_owned(),
                })
                .collect(),
            errors: self.errors.clone(),
            warnings: self.warnings.clone(),
            left_out: self.left_out.clone(),
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Corpus {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> std::result::Result<Corpus, D::Error> {
        let serialised = SerialisedCorpus::deserialize(deserializer)?;
        let mut corpus = Corpus {
            instruments: BTreeMap::new(),
            errors: serialised.errors,
            warnings: serialised.warnings,
            left_out: serialised.left_out,
        };
        for file in serialised.files {
            // The warnings of this parse were kept when the corpus was first loaded.
            let (instrument, _) =
                Instrument::from_bytes(&file.file, file.text.as_bytes()).map_err(serde::de::Error::custom)?;
            corpus.instruments.insert(instrument.id.as_str().to_owned(), instrument);
        }
        Ok(corpus)
    }
}
