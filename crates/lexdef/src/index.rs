//! The search index: one tantivy document per provision and one per definition, text
//! analysed by the same folding as the term model (so `harbor` finds "harbouring"), with
//! jurisdiction, kind, year, concept and element filters, highlighted snippets, and a
//! deterministic order.

use std::cmp::Reverse;
use std::ops::Bound;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, Occur, Query, QueryParser, RangeQuery, TermQuery};
use tantivy::schema::{
    Field, IndexRecordOption, NumericOptions, OwnedValue, Schema, TantivyDocument, TextFieldIndexing, TextOptions,
    STORED, STRING,
};
use tantivy::snippet::SnippetGenerator;
use tantivy::tokenizer::{Token as TantivyToken, TokenStream, Tokenizer};
use tantivy::{doc, DocId, Score, SegmentReader, Term};

use crate::corpus::Corpus;
use crate::error::{Error, Result};
use crate::fold::Folding;
use crate::ids::{ConceptId, ElementId};
use crate::instrument::Instrument;
use crate::lexicon::Lexicon;
use crate::report::Analysis;

/// The name the English folding analyzer is registered under in every lexdef index.
pub const TOKENIZER: &str = "lexdef";
/// Each folding's analyzer and the suffix of its fields: a document's heading, text and term
/// are analysed by its language's folding (Indonesian and Malay affixes, or lower case only
/// for Vietnamese, Thai and Lao), in the fields of that folding; a query is analysed by each.
const FOLDINGS: [(Folding, &str, &str); 3] = [
    (Folding::English, TOKENIZER, ""),
    (Folding::Malay, "lexdef_malay", "_malay"),
    (Folding::Plain, "lexdef_plain", "_plain"),
];
/// The version of the index layout; a directory written with another is refused.
pub const INDEX_SCHEMA_VERSION: u32 = 2;
const META_FILE: &str = "lexdef-index.json";
/// The field holding each document's position in corpus order, the tie-breaker of equal scores.
const ORDER_FIELD: &str = "order";

/// The folding of [`crate::fold`] as a tantivy tokenizer, for one language's folding.
#[derive(Clone, Default)]
pub struct FoldingTokenizer {
    folding: Folding,
}

/// The tokens of one text.
pub struct FoldingTokenStream {
    tokens: Vec<TantivyToken>,
    next: usize,
}

impl Tokenizer for FoldingTokenizer {
    type TokenStream<'a> = FoldingTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> FoldingTokenStream {
        // (Not through the memo of tokens: an index reads each text once.)
        let tokens = crate::fold::tokens_afresh(text, self.folding)
            .into_iter()
            .enumerate()
            .map(|(position, token)| TantivyToken {
                offset_from: token.start,
                offset_to: token.end,
                position,
                text: token.folded,
                position_length: 1,
            })
            .collect();
        FoldingTokenStream { tokens, next: 0 }
    }
}

impl TokenStream for FoldingTokenStream {
    fn advance(&mut self) -> bool {
        self.next += 1;
        self.next <= self.tokens.len()
    }

    fn token(&self) -> &TantivyToken {
        &self.tokens[self.next - 1]
    }

    fn token_mut(&mut self) -> &mut TantivyToken {
        &mut self.tokens[self.next - 1]
    }
}

/// A document's analysed fields in one folding.
#[derive(Clone, Copy)]
struct FoldedFields {
    heading: Field,
    text: Field,
    term: Field,
}

impl Fields {
    fn folded(&self, folding: Folding) -> FoldedFields {
        let at = FOLDINGS.iter().position(|(each, _, _)| *each == folding).unwrap_or(0);
        self.folded[at]
    }
}

#[derive(Clone, Copy)]
struct Fields {
    doc_type: Field,
    instrument: Field,
    jurisdiction: Field,
    kind: Field,
    year: Field,
    eid: Field,
    num: Field,
    /// The analysed fields, one set per folding, in the order of [`FOLDINGS`].
    folded: [FoldedFields; 3],
    language: Field,
    line: Field,
    concept: Field,
    form: Field,
    element: Field,
    order: Field,
}

fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let folded_options = |tokenizer: &str| {
        TextOptions::default()
            .set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(tokenizer)
                    .set_index_option(IndexRecordOption::WithFreqsAndPositions),
            )
            .set_stored()
    };
    let number = NumericOptions::default().set_indexed().set_stored().set_fast();
    let doc_type = builder.add_text_field("doc_type", STRING | STORED);
    let instrument = builder.add_text_field("instrument", STRING | STORED);
    let jurisdiction = builder.add_text_field("jurisdiction", STRING | STORED);
    let kind = builder.add_text_field("kind", STRING | STORED);
    let year = builder.add_u64_field("year", number.clone());
    let eid = builder.add_text_field("eid", STRING | STORED);
    let num = builder.add_text_field("num", STORED);
    let folded = FOLDINGS.map(|(_, tokenizer, suffix)| FoldedFields {
        heading: builder.add_text_field(&format!("heading{suffix}"), folded_options(tokenizer)),
        text: builder.add_text_field(&format!("text{suffix}"), folded_options(tokenizer)),
        term: builder.add_text_field(&format!("term{suffix}"), folded_options(tokenizer)),
    });
    let fields = Fields {
        doc_type,
        instrument,
        jurisdiction,
        kind,
        year,
        eid,
        num,
        folded,
        language: builder.add_text_field("language", STRING | STORED),
        line: builder.add_u64_field("line", NumericOptions::default().set_stored()),
        concept: builder.add_text_field("concept", STRING | STORED),
        form: builder.add_text_field("form", STRING | STORED),
        element: builder.add_text_field("element", STRING | STORED),
        order: builder.add_u64_field(ORDER_FIELD, number),
    };
    (builder.build(), fields)
}

/// What restricts a search.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// Only these jurisdictions (any of them).
    pub jurisdictions: Vec<String>,
    /// Only instruments of this kind (`act`, `bill`, ...).
    pub kind: Option<String>,
    /// Only instruments written in this language (ISO 639-1: `en`, `th`, `id`, ...).
    pub language: Option<String>,
    /// Only instruments adopted in these years (inclusive).
    pub years: Option<(u64, u64)>,
    /// Only definitions of this concept.
    pub concept: Option<ConceptId>,
    /// Only definitions whose model (or text) names this element.
    pub element: Option<ElementId>,
}

/// One search result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    /// `provision` or `definition`.
    pub doc_type: String,
    /// The instrument.
    pub instrument: String,
    /// Its jurisdiction.
    pub jurisdiction: String,
    /// The provision (or the definition's provision).
    pub eid: String,
    /// The file line of the provision.
    pub line: u64,
    /// The relevance score.
    pub score: f32,
    /// A fragment of the text around the match.
    pub snippet: String,
    /// Byte ranges of the matched words within `snippet`.
    pub highlights: Vec<(usize, usize)>,
    /// The whole indexed text.
    pub text: String,
    /// For a definition, its term.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub term: Option<String>,
}

/// The results of a search.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchResults {
    /// The hits, best first; ties in document order; each passage once.
    pub hits: Vec<Hit>,
    /// How many documents match in all. A definition and the provision that holds it are two
    /// documents but one hit (the definition), so the hits are the first `limit` passages.
    pub total: usize,
}

/// What a directory index records about how it was written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct IndexMeta {
    lexdef_version: String,
    schema_version: u32,
    documents: u64,
}

/// A search index over a corpus.
pub struct Index {
    index: tantivy::Index,
    fields: Fields,
    reader: tantivy::IndexReader,
    /// The analysed fields a query reads (see [`Index::with_reader`]).
    searched: Vec<Field>,
}

fn register(index: &tantivy::Index) {
    for (folding, tokenizer, _) in FOLDINGS {
        index.tokenizers().register(tokenizer, FoldingTokenizer { folding });
    }
}

fn tantivy_error(error: tantivy::TantivyError) -> Error {
    Error::Index { message: error.to_string() }
}

impl Index {
    /// Index `corpus` in memory.
    pub fn build(corpus: &Corpus, lexicon: &Lexicon) -> Result<Index> {
        let (schema, fields) = schema();
        let index = tantivy::Index::create_in_ram(schema);
        Index::fill(index, fields, corpus, lexicon)
    }

    fn fill(index: tantivy::Index, fields: Fields, corpus: &Corpus, lexicon: &Lexicon) -> Result<Index> {
        use std::sync::atomic::{AtomicUsize, Ordering};
        register(&index);
        // One writer thread: segment order, and so tie order, stays the same every build.
        let mut writer: tantivy::IndexWriter = index.writer_with_num_threads(1, 50_000_000).map_err(tantivy_error)?;
        let concept: ConceptId = "trafficking_in_persons".parse().expect("a valid concept id");
        let instruments: Vec<&Instrument> = corpus.instruments().collect();
        // Each instrument's documents are made on every core (its analysis is most of the
        // work) and added to the writer in corpus order, numbered as they are added: the
        // index is the one a single thread builds.
        let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
        let next = AtomicUsize::new(0);
        std::thread::scope(|scope| -> Result<()> {
            let (sender, receiver) = std::sync::mpsc::sync_channel::<(usize, Vec<TantivyDocument>)>(threads * 2);
            for _ in 0..threads.clamp(1, instruments.len().max(1)) {
                let sender = sender.clone();
                let (instruments, next, fields, concept) = (&instruments, &next, &fields, &concept);
                scope.spawn(move || loop {
                    let at = next.fetch_add(1, Ordering::Relaxed);
                    let Some(instrument) = instruments.get(at) else { break };
                    let documents = Index::documents_of(instrument, lexicon, concept, fields);
                    // (The receiver is gone only where adding failed: nothing more is wanted.)
                    if sender.send((at, documents)).is_err() {
                        break;
                    }
                });
            }
            drop(sender);
            let mut waiting: std::collections::BTreeMap<usize, Vec<TantivyDocument>> = Default::default();
            let (mut wanted, mut order) = (0, 0_u64);
            for (at, documents) in receiver {
                waiting.insert(at, documents);
                while let Some(documents) = waiting.remove(&wanted) {
                    for mut document in documents {
                        document.add_u64(fields.order, order);
                        order += 1;
                        writer.add_document(document).map_err(tantivy_error)?;
                    }
                    wanted += 1;
                }
            }
            Ok(())
        })?;
        writer.commit().map_err(tantivy_error)?;
        let reader = index.reader().map_err(tantivy_error)?;
        reader.reload().map_err(tantivy_error)?;
        Ok(Index::with_reader(index, fields, reader))
    }

    /// The index with its reader, and the analysed fields its queries read: those that hold
    /// words. A field no document has (the Malay fields of a corpus without Indonesian or
    /// Malay) matches nothing and adds nothing to a score, so leaving it out of a query
    /// changes no result, only the work.
    fn with_reader(index: tantivy::Index, fields: Fields, reader: tantivy::IndexReader) -> Index {
        let searcher = reader.searcher();
        let analysed: Vec<Field> =
            fields.folded.iter().flat_map(|folded| [folded.text, folded.heading, folded.term]).collect();
        let holds_words = |field: Field| {
            searcher
                .segment_readers()
                .iter()
                .any(|segment| segment.inverted_index(field).map_or(true, |inverted| inverted.total_num_tokens() > 0))
        };
        let searched: Vec<Field> = analysed.iter().copied().filter(|field| holds_words(*field)).collect();
        let searched = if searched.is_empty() { analysed } else { searched };
        Index { index, fields, reader, searched }
    }

    /// The documents of one instrument: each provision's own text, and each definition with
    /// the elements it names; numbered (`order`) as they are added.
    fn documents_of(
        instrument: &Instrument,
        lexicon: &Lexicon,
        concept: &ConceptId,
        fields: &Fields,
    ) -> Vec<TantivyDocument> {
        let mut documents = Vec::new();
        let analysis = Analysis::of(instrument, lexicon, concept);
        let metadata = instrument.metadata.as_ref();
        let jurisdiction = metadata.map_or_else(|| "unknown".to_owned(), |metadata| metadata.jurisdiction.to_string());
        let kind = metadata
            .map_or_else(|| "unknown".to_owned(), |metadata| crate::report::kebab(&format!("{:?}", metadata.kind)));
        let year = metadata.and_then(|metadata| metadata.adopted.as_ref()).map_or(0, |date| date.year() as u64);
        let language = metadata.map_or("en", |metadata| metadata.language.code.as_str());
        let folded = fields.folded(Folding::of_language(language));
        for provision in analysis.document.walk() {
            let text = provision.own_text(&instrument.text).expect("a provision parsed from this text lies in it");
            let mut document = doc!(
                fields.doc_type => "provision",
                fields.instrument => instrument.id.as_str(),
                fields.jurisdiction => jurisdiction.as_str(),
                fields.kind => kind.as_str(),
                fields.year => year,
                fields.eid => provision.eid.as_str(),
                fields.num => provision.num.clone().unwrap_or_default(),
                folded.heading => provision.heading.clone().unwrap_or_default(),
                folded.text => text,
                fields.language => language,
                fields.line => provision.line as u64,
            );
            if let Some(term) = &provision.term {
                document.add_text(folded.term, term);
            }
            documents.push(document);
        }
        for definition in &analysis.definitions {
            let text = &instrument.text[definition.span.range()];
            let is_model = analysis
                .model
                .definition
                .as_ref()
                .is_some_and(|source| source.eid == definition.eid && definition.concept.as_ref() == Some(concept));
            let elements: Vec<String> = if is_model {
                analysis.model.elements.iter().map(|element| element.id.to_string()).collect()
            } else {
                let mut ids: Vec<String> = lexicon
                    .find_elements_in(text, None, language)
                    .into_iter()
                    .map(|hit| hit.element.to_string())
                    .collect();
                ids.sort();
                ids.dedup();
                ids
            };
            let form = serde_json::to_value(definition.form)
                .ok()
                .and_then(|value| value.as_str().map(str::to_owned))
                .unwrap_or_default();
            let mut document = doc!(
                fields.doc_type => "definition",
                fields.instrument => instrument.id.as_str(),
                fields.jurisdiction => jurisdiction.as_str(),
                fields.kind => kind.as_str(),
                fields.year => year,
                fields.eid => definition.eid.as_str(),
                folded.text => text,
                folded.term => definition.term.as_str(),
                fields.language => language,
                fields.concept => definition.concept.as_ref().map_or("none".to_owned(), ToString::to_string),
                fields.form => form,
                fields.line => definition.line as u64,
            );
            for element in elements {
                document.add_text(fields.element, element);
            }
            documents.push(document);
        }
        documents
    }

    /// Index `corpus` into `directory`, replacing what is there. The new index is written
    /// beside it and moved into place only when complete, so an interrupted rebuild leaves
    /// the previous index usable.
    pub fn build_in_dir(corpus: &Corpus, lexicon: &Lexicon, directory: &Path) -> Result<Index> {
        let io = |path: &Path| {
            let path = path.to_owned();
            move |source| Error::Io { path: path.clone(), source }
        };
        let parent = directory.parent().filter(|parent| !parent.as_os_str().is_empty()).unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent).map_err(io(parent))?;
        let name = directory.file_name().map_or_else(|| "index".into(), |name| name.to_string_lossy().into_owned());
        // A rebuild killed between its two renames left the previous index aside: put it
        // back first, so that whatever happens to this build the directory holds an index.
        if !directory.exists() {
            if let Some(previous) = set_aside(parent, &name, false).into_iter().next() {
                std::fs::rename(&previous, directory).map_err(io(&previous))?;
            }
        }
        // What killed builds left behind: half-written indexes, and old ones set aside.
        for leftover in leftovers(parent, &name) {
            std::fs::remove_dir_all(&leftover).map_err(io(&leftover))?;
        }
        let staging = parent.join(format!(".{name}.building-{}", std::process::id()));
        if staging.exists() {
            std::fs::remove_dir_all(&staging).map_err(io(&staging))?;
        }
        std::fs::create_dir_all(&staging).map_err(io(&staging))?;
        let (schema, fields) = schema();
        let index = tantivy::Index::create_in_dir(&staging, schema).map_err(tantivy_error)?;
        let built = Index::fill(index, fields, corpus, lexicon)?;
        let documents = built.reader.searcher().num_docs();
        let meta = IndexMeta {
            lexdef_version: env!("CARGO_PKG_VERSION").to_owned(),
            schema_version: INDEX_SCHEMA_VERSION,
            documents,
        };
        std::fs::write(staging.join(META_FILE), serde_json::to_string_pretty(&meta).expect("meta serialises"))
            .map_err(io(&staging))?;
        drop(built);
        // Swap: the old index moves aside, the new one in, the old one goes.
        let previous = parent.join(format!(".{name}.previous-{}", std::process::id()));
        if directory.exists() {
            std::fs::rename(directory, &previous).map_err(io(directory))?;
        }
        std::fs::rename(&staging, directory).map_err(io(directory))?;
        if previous.exists() {
            std::fs::remove_dir_all(&previous).map_err(io(&previous))?;
        }
        Index::open(directory)
    }

    /// Reopen an index written by [`Index::build_in_dir`]. A directory written by another
    /// lexdef version or index layout is refused with [`Error::StaleIndex`] (rebuild it).
    ///
    /// Where a rebuild was killed between moving the previous index aside and moving the new
    /// one in, the directory is missing and the previous index is opened where it was set
    /// aside (the next build puts it back).
    pub fn open(directory: &Path) -> Result<Index> {
        if !directory.exists() {
            let parent = directory.parent().filter(|parent| !parent.as_os_str().is_empty()).unwrap_or(Path::new("."));
            let name = directory.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
            if let Some(previous) = set_aside(parent, &name, true).into_iter().next() {
                return Index::open_at(&previous, directory);
            }
        }
        Index::open_at(directory, directory)
    }

    /// Open the index in `location`; errors name `directory`, the index as the user knows it.
    fn open_at(location: &Path, directory: &Path) -> Result<Index> {
        let meta_path = location.join(META_FILE);
        let meta_text =
            std::fs::read_to_string(&meta_path).map_err(|source| Error::Io { path: meta_path.clone(), source })?;
        let meta: IndexMeta = serde_json::from_str(&meta_text).map_err(|error| Error::StaleIndex {
            directory: directory.to_owned(),
            reason: format!("its {META_FILE} cannot be read ({error})"),
        })?;
        let version = env!("CARGO_PKG_VERSION");
        if meta.schema_version != INDEX_SCHEMA_VERSION || meta.lexdef_version != version {
            return Err(Error::StaleIndex {
                directory: directory.to_owned(),
                reason: format!(
                    "it was written by lexdef {} (index layout {}), this is lexdef {version} (layout {INDEX_SCHEMA_VERSION})",
                    meta.lexdef_version, meta.schema_version
                ),
            });
        }
        let index = tantivy::Index::open_in_dir(location).map_err(tantivy_error)?;
        let (expected, fields) = schema();
        if index.schema() != expected {
            return Err(Error::StaleIndex {
                directory: directory.to_owned(),
                reason: "its schema differs from this lexdef's".to_owned(),
            });
        }
        register(&index);
        let reader = index.reader().map_err(tantivy_error)?;
        Ok(Index::with_reader(index, fields, reader))
    }

    /// How many documents the index holds.
    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Whether the index is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Search. `query` uses tantivy's query language over the text, headings and terms
    /// (`"abuse of a position of vulnerability"` for a phrase, `debt AND bondage`, ...).
    pub fn search(&self, query: &str, filters: &Filters, limit: usize) -> Result<SearchResults> {
        let query_text = query;
        if query.len() > MAX_QUERY_BYTES {
            return Err(Error::Query {
                query: query.chars().take(40).collect::<String>() + "…",
                message: format!("the query is {} bytes long; at most {MAX_QUERY_BYTES} are accepted", query.len()),
            });
        }
        if query.trim().is_empty() {
            return Err(Error::Query {
                query: query.to_owned(),
                message: "the query is empty (hint: give the words to search for, `\"debt bondage\"` for a phrase)"
                    .to_owned(),
            });
        }
        if query.matches('"').count() % 2 == 1 {
            return Err(Error::Query {
                query: query.to_owned(),
                message: "a quote is not closed (hint: phrases are written \"like this\")".to_owned(),
            });
        }
        if let Some(message) = query_shape_problem(query) {
            return Err(Error::Query { query: query.to_owned(), message });
        }
        let searcher = self.reader.searcher();
        let mut parser = QueryParser::for_index(&self.index, self.searched.clone());
        parser.set_conjunction_by_default();
        let parsed = parser
            .parse_query(query)
            .map_err(|error| Error::Query { query: query.to_owned(), message: query_message(&error) })?;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, parsed)];
        let term = |field: Field, value: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(Term::from_field_text(field, value), IndexRecordOption::Basic))
        };
        if !filters.jurisdictions.is_empty() {
            let any: Vec<(Occur, Box<dyn Query>)> = filters
                .jurisdictions
                .iter()
                .map(|code| (Occur::Should, term(self.fields.jurisdiction, &code.to_ascii_uppercase())))
                .collect();
            clauses.push((Occur::Must, Box::new(BooleanQuery::new(any))));
        }
        if let Some(kind) = &filters.kind {
            clauses.push((Occur::Must, term(self.fields.kind, kind)));
        }
        if let Some(language) = &filters.language {
            clauses.push((Occur::Must, term(self.fields.language, &language.to_ascii_lowercase())));
        }
        if let Some(concept) = &filters.concept {
            clauses.push((Occur::Must, term(self.fields.concept, concept.as_str())));
        }
        if let Some(element) = &filters.element {
            clauses.push((Occur::Must, term(self.fields.element, element.as_str())));
        }
        if let Some((from, to)) = filters.years {
            clauses.push((
                Occur::Must,
                Box::new(RangeQuery::new(
                    Bound::Included(Term::from_field_u64(self.fields.year, from)),
                    Bound::Included(Term::from_field_u64(self.fields.year, to)),
                )),
            ));
        }
        let query = BooleanQuery::new(clauses);
        // The first `limit` matches by score, then document order — tantivy's own order among
        // equal scores depends on segments (tantivy issue 2352), so the `order` fast field
        // breaks ties inside the top-k collector: only `limit` documents are kept and loaded,
        // however many match (a corpus of near-identical instruments ties by the thousand).
        // The schema is checked on open, but a damaged segment can still lack the column: that
        // is refused here, before the collector (which cannot return an error) opens it.
        for segment in searcher.segment_readers() {
            segment.fast_fields().u64(ORDER_FIELD).map_err(tantivy_error)?;
        }
        // A definition and the provision that holds it are two documents but one passage: more
        // are collected than asked for, so that `limit` passages remain once they are merged.
        let collected = limit.max(1).saturating_mul(2).saturating_add(8);
        let top = TopDocs::with_limit(collected).tweak_score(move |segment: &SegmentReader| {
            let order = segment
                .fast_fields()
                .u64(ORDER_FIELD)
                .expect("every segment's `order` column was opened just before the search")
                .first_or_default_col(0);
            move |document: DocId, score: Score| (score, Reverse(order.get_val(document)))
        });
        let (total, top) = searcher.search(&query, &(Count, top)).map_err(tantivy_error)?;
        let mut scored: Vec<(f32, TantivyDocument)> = Vec::with_capacity(top.len());
        for ((score, _), address) in top.into_iter() {
            let document: TantivyDocument = searcher.doc(address).map_err(tantivy_error)?;
            scored.push((score, document));
        }
        let unspaced = unspaced_phrases(query_text);
        // A snippet generator per folding, made for the first hit that needs it: a document's
        // snippet comes from the text field of its language.
        let mut generators: [Option<SnippetGenerator>; FOLDINGS.len()] = Default::default();
        let mut hits: Vec<Hit> = Vec::with_capacity(scored.len());
        for (score, document) in scored {
            let language = first_text(&document, self.fields.language).unwrap_or_default();
            let folding = Folding::of_language(&language);
            let at = FOLDINGS.iter().position(|(each, _, _)| *each == folding).unwrap_or(0);
            let folded = self.fields.folded[at];
            let generator = match &mut generators[at] {
                Some(generator) => generator,
                empty => {
                    let mut generator =
                        SnippetGenerator::create(&searcher, &query, folded.text).map_err(tantivy_error)?;
                    generator.set_max_num_chars(SNIPPET_CHARS);
                    empty.insert(generator)
                }
            };
            let snippet = generator.snippet_from_doc(&document);
            let term = first_text(&document, folded.term).filter(|term| !term.is_empty());
            hits.push(Hit {
                doc_type: first_text(&document, self.fields.doc_type).unwrap_or_default(),
                instrument: first_text(&document, self.fields.instrument).unwrap_or_default(),
                jurisdiction: first_text(&document, self.fields.jurisdiction).unwrap_or_default(),
                eid: first_text(&document, self.fields.eid).unwrap_or_default(),
                line: first_u64(&document, self.fields.line),
                score,
                snippet: snippet.fragment().to_owned(),
                highlights: highlights(
                    snippet.fragment(),
                    snippet.highlighted().iter().map(|range| (range.start, range.end)),
                    &unspaced,
                ),
                text: first_text(&document, folded.text).unwrap_or_default(),
                term,
            });
        }
        Ok(SearchResults { hits: one_hit_per_passage(hits, limit), total })
    }
}

/// The hits with each passage once: where a definition and the provision that holds it (same
/// instrument, same eId) both match, the definition (its term, its whole text) stands at the
/// better rank of the two; then the first `limit`.
fn one_hit_per_passage(hits: Vec<Hit>, limit: usize) -> Vec<Hit> {
    let mut kept: Vec<Hit> = Vec::with_capacity(limit.min(hits.len()));
    // Where each (instrument, eId) stands in `kept`. (Two definitions at one eId, a list of
    // terms in one provision, are two passages: only a provision and a definition merge.)
    let mut at: std::collections::HashMap<(String, String), Vec<usize>> = std::collections::HashMap::new();
    for hit in hits {
        let key = (hit.instrument.clone(), hit.eid.clone());
        let same =
            at.get(&key).and_then(|places| places.iter().copied().find(|&place| kept[place].doc_type != hit.doc_type));
        match same {
            Some(place) => {
                if kept[place].doc_type == "provision" && hit.doc_type == "definition" {
                    let score = kept[place].score.max(hit.score);
                    kept[place] = Hit { score, ..hit };
                }
            }
            None => {
                at.entry(key).or_default().push(kept.len());
                kept.push(hit);
            }
        }
    }
    kept.truncate(limit);
    kept
}

/// The folded phrases of a query written in a script without spaces between words (Thai,
/// Lao): each run of such letters, up to a quote or another script.
fn unspaced_phrases(query: &str) -> Vec<Vec<String>> {
    let words = crate::fold::tokens(query);
    let mut phrases: Vec<Vec<String>> = Vec::new();
    let mut previous_end: Option<usize> = None;
    for word in &words {
        if !crate::fold::is_unspaced_word(&query[word.start..word.end]) {
            previous_end = None;
            continue;
        }
        match (previous_end, phrases.last_mut()) {
            (Some(end), Some(phrase)) if !query[end..word.start].contains('"') => phrase.push(word.folded.clone()),
            _ => phrases.push(vec![word.folded.clone()]),
        }
        previous_end = Some(word.end);
    }
    phrases
}

/// A snippet's highlights, on whole words. tantivy highlights each query term wherever it
/// stands in the fragment; in Thai or Lao a term is one letter cluster (see
/// [`crate::fold::Token`]), so its ranges there are replaced by the places where a phrase of
/// the query stands, widened to the words it falls in (`กัก` highlights `กักขัง`). Ranges that
/// touch are merged.
fn highlights(
    fragment: &str,
    ranges: impl Iterator<Item = (usize, usize)>,
    unspaced: &[Vec<String>],
) -> Vec<(usize, usize)> {
    let words = crate::fold::tokens(fragment);
    let mut found: Vec<(usize, usize)> =
        ranges.filter(|&(start, end)| !crate::fold::is_unspaced_word(&fragment[start..end])).collect();
    for phrase in unspaced {
        for at in 0..words.len().saturating_sub(phrase.len() - 1) {
            let end = at + phrase.len();
            if words[at..end].iter().zip(phrase).all(|(word, wanted)| &word.folded == wanted) {
                let opening = words[..=at].iter().rposition(|word| word.starts_word).unwrap_or(at);
                let closing =
                    words[end - 1..].iter().position(|word| word.ends_word).map_or(end - 1, |off| end - 1 + off);
                found.push((words[opening].start, words[closing].end));
            }
        }
    }
    found.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (start, end) in found {
        match merged.last_mut() {
            Some(previous) if start <= previous.1 => previous.1 = previous.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    merged
}

/// How deep a query may nest parentheses. tantivy's grammar (0.25) backtracks at every
/// level, so its time doubles with each one: 18 levels take a second, 48 never end (found by
/// the `query` fuzz target). No search needs more than a few.
const MAX_QUERY_DEPTH: usize = 8;

/// What is wrong with the shape of a query, before tantivy's grammar sees it (outside
/// phrases): parentheses nested deeper than [`MAX_QUERY_DEPTH`] or not balanced, or a `+`
/// or `-` that starts a word but applies to none (followed by a space or the end) — the
/// grammar reads what follows such a sign as a leaf starting with a space, and `- *` became
/// an "exists" query with no field that panicked inside the parser (the `query` fuzz target).
fn query_shape_problem(query: &str) -> Option<String> {
    let mut in_phrase = false;
    let mut previous: Option<char> = None;
    // Whether `previous` is a `*` standing as a word of its own (all documents), not the end
    // of a prefix like `traffick*`.
    let mut previous_is_lone_star = false;
    let mut depth = 0usize;
    let mut characters = query.char_indices().peekable();
    let mut position = 0;
    while let Some((at, character)) = characters.next() {
        position += 1;
        if character == '"' && previous != Some('\\') {
            in_phrase = !in_phrase;
        } else if !in_phrase {
            match character {
                '(' => {
                    depth += 1;
                    if depth > MAX_QUERY_DEPTH {
                        return Some(format!(
                            "parentheses nest deeper than {MAX_QUERY_DEPTH} levels (at character {position})"
                        ));
                    }
                }
                ')' if depth == 0 => return Some(format!("the `)` at character {position} closes no parenthesis")),
                ')' => depth -= 1,
                '-' | '+' => {
                    // A sign after a space or an opening parenthesis starts a word; so does one
                    // after what ends a group, a phrase or a range, or after a lone `*`, since
                    // none of these takes a sign at its end (`"b"+ *` made tantivy's grammar
                    // give the sign to the next `*`, and panic).
                    let starts_word = previous_is_lone_star
                        || previous.is_none_or(|previous| {
                            previous.is_whitespace() || matches!(previous, '(' | ')' | '"' | '\'' | ']' | '}')
                        });
                    let attached = characters.peek().is_some_and(|&(_, next)| !next.is_whitespace());
                    // Whatever comes before it: a sign, then space, then `*` is the shape tantivy's
                    // grammar reads as a field-less "exists" and panics on (`- *`, `"b"+ *`,
                    // `a^2- *`; found by the query fuzz target three times over).
                    let after = &query[at + character.len_utf8()..];
                    let next_word = after.trim_start();
                    let star_after_space = next_word.len() < after.len() && next_word.starts_with('*');
                    if (starts_word && !attached) || star_after_space {
                        return Some(format!(
                            "the `{character}` at character {position} stands alone; write it against the word it applies to (`{character}slavery`)"
                        ));
                    }
                }
                _ => {}
            }
        }
        previous_is_lone_star = !in_phrase
            && character == '*'
            && previous.is_none_or(|previous| previous.is_whitespace() || matches!(previous, '(' | '+' | '-'));
        previous = Some(character);
    }
    (depth > 0).then(|| format!("{depth} parenthesis{} not closed", if depth == 1 { " is" } else { "es are" }))
}

const MAX_QUERY_BYTES: usize = 10_000;
const SNIPPET_CHARS: usize = 240;

fn first_text(document: &TantivyDocument, field: Field) -> Option<String> {
    document.get_first(field).and_then(|value| match OwnedValue::from(value) {
        OwnedValue::Str(text) => Some(text),
        _ => None,
    })
}

fn first_u64(document: &TantivyDocument, field: Field) -> u64 {
    document
        .get_first(field)
        .and_then(|value| match OwnedValue::from(value) {
            OwnedValue::U64(number) => Some(number),
            _ => None,
        })
        .unwrap_or(0)
}

/// tantivy's query errors, said in lexdef's words.
fn query_message(error: &tantivy::query::QueryParserError) -> String {
    use tantivy::query::QueryParserError as E;
    match error {
        E::FieldDoesNotExist(field) => format!("there is no field `{field}` (the fields are text, heading, term)"),
        E::SyntaxError(detail) => format!("the query is not well formed ({detail})"),
        other => other.to_string(),
    }
}

/// Previous indexes of `name` set aside by a rebuild (`.{name}.previous-{pid}`), the newest
/// first; with `running`, also those of builds still under way. Only a complete index is
/// ever set aside.
fn set_aside(parent: &Path, name: &str, running: bool) -> Vec<PathBuf> {
    let mut found: Vec<(std::time::SystemTime, PathBuf)> = siblings(parent, &format!(".{name}.previous-"))
        .into_iter()
        .filter(|(pid, _)| running || !process_alive(*pid))
        .filter_map(|(_, path)| Some((std::fs::metadata(&path).and_then(|meta| meta.modified()).ok()?, path)))
        .collect();
    found.sort_by_key(|(modified, _)| std::cmp::Reverse(*modified));
    found.into_iter().map(|(_, path)| path).collect()
}

/// What builds of `name` that are no longer running left beside it: staging directories,
/// and previous indexes set aside (once `name` itself holds an index).
fn leftovers(parent: &Path, name: &str) -> Vec<PathBuf> {
    let mut found = siblings(parent, &format!(".{name}.building-"));
    if parent.join(name).exists() {
        found.extend(siblings(parent, &format!(".{name}.previous-")));
    }
    found.into_iter().filter(|(pid, _)| !process_alive(*pid)).map(|(_, path)| path).collect()
}

/// The entries of `parent` named `{prefix}{pid}`, with the pid.
fn siblings(parent: &Path, prefix: &str) -> Vec<(u32, PathBuf)> {
    let Ok(entries) = std::fs::read_dir(parent) else { return Vec::new() };
    entries
        .filter_map(|entry| {
            let entry = entry.ok()?;
            let pid = entry.file_name().to_str()?.strip_prefix(prefix)?.parse().ok()?;
            Some((pid, entry.path()))
        })
        .collect()
}

/// Whether process `pid` may still be building (then its directories are left alone). This
/// process is not alive for this purpose: its own leftovers are from an earlier build.
fn process_alive(pid: u32) -> bool {
    if pid == std::process::id() {
        return false;
    }
    if cfg!(target_os = "linux") {
        Path::new("/proc").join(pid.to_string()).exists()
    } else {
        // Without a cheap way to tell, a leftover is kept rather than pulled from under a build.
        true
    }
}

/// Where an index directory is by default for a corpus directory.
pub fn default_index_dir(corpus: &Path) -> PathBuf {
    corpus.join(".lexdef-index")
}
