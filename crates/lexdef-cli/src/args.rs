//! Every flag of `lexdef`, in one place. The doc comments are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Compare how legal instruments define trafficking in persons.
///
/// lexdef parses anti-trafficking statutes and the UN and ASEAN instruments into a tree of
/// provisions, every one traced to the exact words of the law. The curated corpus of the UN
/// Protocol, ACTIP and the ASEAN member states' laws is built in.
#[derive(Debug, Parser)]
#[command(name = "lexdef", version, about, long_about)]
pub(crate) struct Arguments {
    #[command(subcommand)]
    pub command: Command,

    /// Indent JSON output. It is indented anyway when stdout is a terminal, and compact when
    /// it goes to a pipe or a file (the same values, keys and order).
    #[arg(long, global = true)]
    pub pretty: bool,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Parse instruments and print their outline: number, heading, eId and line of every
    /// provision.
    Parse(ParseCommand),
    /// List every definition of an instrument: term, concept, form, eId and line.
    Definitions(DefinitionsCommand),
    /// The term model of a concept: its elements and qualifiers, each with the words of the
    /// law that back it, and what is absent or could not be read.
    Model(ModelCommand),
    /// Compare one definition (an instrument or a drafter's text) with a baseline: what it
    /// lacks, what it adds, how its qualifiers differ, each with the words on both sides.
    Compare(CompareCommand),
    /// Compare every instrument of a corpus with a baseline: the divergence report, the
    /// instrument × element matrix, pairwise counts, and each translation checked against its
    /// original.
    Report(ReportCommand),
    /// Build a search index of a corpus in a directory, to be reopened by `lexdef search`.
    Index(IndexCommand),
    /// Search provisions and definitions: words, "phrases", and filters by jurisdiction,
    /// kind, year, concept or element. Spelling and inflection are folded (`harbor` finds
    /// "harbouring").
    Search(SearchCommand),
    /// A definition through the versions of an instrument: the corpus's amending instruments
    /// applied in date order, and each element and qualifier as adopted, then when it
    /// appeared, changed or went, with the amending provision that did it and its words.
    Timeline(TimelineCommand),
    /// Check a curated corpus, for CI: every file loads, metadata is complete, annotations
    /// agree with extraction, the divergence report equals the expected one, and the
    /// corpus's policy rules hold. Exit 0 clean, 1 findings at or above `--fail-on`, 2 usage
    /// or I/O error.
    Check(CheckCommand),
    /// The protection checklist: what each instrument provides for victims (non-punishment,
    /// shelter, care, legal assistance, residence, compensation, return, privacy, ...), each
    /// item provided with the words of the law and how binding, not provided (only where the
    /// corpus holds the whole protection part), or not found with the reason.
    Checklist(ChecklistCommand),
}

#[derive(Debug, Args)]
pub(crate) struct ChecklistCommand {
    /// Instrument ids of the corpus, or files; none: every instrument of the corpus.
    pub targets: Vec<String>,

    /// Read instruments from this corpus directory instead of the bundled corpus.
    #[arg(long, value_name = "DIR")]
    pub corpus: Option<PathBuf>,

    /// Only these items (`protection.shelter`, or `shelter`); repeatable.
    #[arg(long = "item", value_name = "ITEM")]
    pub items: Vec<String>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = ChecklistFormat::Text)]
    pub format: ChecklistFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ChecklistFormat {
    /// An instrument per block, an item per line, the words under it.
    Text,
    /// The instruments × items grid, then the evidence.
    Markdown,
    /// A row per instrument and item.
    Csv,
    /// JSON (schema `lexdef-checklist/1`).
    Json,
    /// A self-contained page: the grid, the words on hover and on click.
    Html,
}

#[derive(Debug, Args)]
pub(crate) struct TimelineCommand {
    /// The id of an instrument of the corpus (`PH-RA9208-2003`).
    pub target: String,

    /// Read instruments from this corpus directory instead of the bundled corpus.
    #[arg(long, value_name = "DIR")]
    pub corpus: Option<PathBuf>,

    /// The concept whose definition to follow.
    #[arg(long, default_value = "trafficking_in_persons")]
    pub concept: String,

    /// Output format.
    #[arg(long, value_enum, default_value_t = TimelineFormat::Text)]
    pub format: TimelineFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum TimelineFormat {
    /// By element and qualifier, for people.
    Text,
    /// JSON (schema `lexdef-timeline/1`).
    Json,
    /// One row per event.
    Csv,
}

/// The law as it stood on a day: the corpus's amendments made by then applied.
pub(crate) fn parse_day(value: &str) -> Result<String, String> {
    match value.parse::<lexdef::PartialDate>() {
        Ok(date) if date.is_day() => Ok(value.to_owned()),
        _ => Err(format!("`{value}` is not a day: write it `YYYY-MM-DD`, e.g. `2015-01-01`")),
    }
}

#[derive(Debug, Args)]
pub(crate) struct IndexCommand {
    /// A corpus directory; the bundled corpus when omitted.
    pub corpus: Option<PathBuf>,

    /// The directory to write the index to.
    #[arg(long, value_name = "DIR")]
    pub index: PathBuf,

    /// Replace an index written by another lexdef version.
    #[arg(long)]
    pub rebuild: bool,
}

#[derive(Debug, Args)]
pub(crate) struct SearchCommand {
    /// The query: words (all must match), "a phrase", `a OR b`, `-word`.
    pub query: String,

    /// Search this index directory (from `lexdef index`) instead of indexing the bundled
    /// corpus in memory.
    #[arg(long, value_name = "DIR")]
    pub index: Option<PathBuf>,

    /// Only these jurisdictions, comma-separated (`TH,PH`).
    #[arg(long, value_delimiter = ',')]
    pub jurisdiction: Vec<String>,

    /// Only instruments of this kind (`act`, `bill`, `treaty`, ...).
    #[arg(long)]
    pub kind: Option<String>,

    /// Only instruments written in this language (`en`, `th`, `lo`, `vi`, `id`). Whatever the
    /// filter, the query is read in every folding: `perekrutan` finds `direkrut` in Indonesian.
    #[arg(long = "lang", value_name = "CODE")]
    pub language: Option<String>,

    /// Only instruments adopted in these years: `2008` or `2000-2015`.
    #[arg(long, value_name = "YEARS")]
    pub years: Option<String>,

    /// Only definitions of this concept (`child`, `trafficking_in_persons`, ...).
    #[arg(long)]
    pub concept: Option<String>,

    /// Only definitions that name this element (`means.abuse_of_vulnerability`).
    #[arg(long)]
    pub element: Option<String>,

    /// At most this many hits.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub(crate) struct CompareCommand {
    /// A corpus file, a bare statute text (a draft bill), or the id of a bundled instrument.
    pub subject: String,

    /// A bare text given here is read as the whole text you meant, so what it does not say is
    /// read as absent; with `--partial` it is an excerpt, and its silences settle nothing.
    #[arg(long)]
    pub partial: bool,

    /// What to compare with: `palermo` (the UN Protocol), `actip`, `coe` (the Council of
    /// Europe Convention, for `--concept protection`), or an instrument id.
    #[arg(long, default_value = "palermo")]
    pub baseline: String,

    /// The concept to compare; `protection` compares the protection checklists.
    #[arg(long, default_value = "trafficking_in_persons")]
    pub concept: String,

    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,

    /// Include wording variances (the same element in other words) in text and Markdown.
    #[arg(long)]
    pub wording: bool,

    /// The subject and the baseline (of the corpus) as they stood on this day, `YYYY-MM-DD`.
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub at: Option<String>,
}

#[derive(Debug, Args)]
pub(crate) struct ReportCommand {
    /// A corpus directory; the bundled corpus when omitted.
    pub corpus: Option<PathBuf>,

    /// What to compare with: `palermo` (the UN Protocol), `actip`, or an instrument id.
    #[arg(long, default_value = "palermo")]
    pub baseline: String,

    /// The concept to compare.
    #[arg(long, default_value = "trafficking_in_persons")]
    pub concept: String,

    /// Output format: `csv` is the instrument × element matrix.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,

    /// Write to this file instead of stdout.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// The corpus as it stood on this day, `YYYY-MM-DD`: amended instruments as amended by
    /// then, instruments made later left out.
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub at: Option<String>,

    /// Print only the summary table (one line per instrument, the most divergent first).
    #[arg(long, conflicts_with = "translation")]
    pub summary: bool,

    /// Print only the translation check: each original-language text against its
    /// translation, element by element and qualifier by qualifier, with the words of both
    /// (text and Markdown; the other formats hold it as their `translation` section).
    #[arg(long)]
    pub translation: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ReportFormat {
    /// A summary for the terminal.
    Text,
    /// JSON (schema `lexdef-report/1`, `crates/lexdef/data/report.schema.json`).
    Json,
    /// Markdown, to circulate.
    Md,
    /// The instrument × element matrix as CSV.
    Csv,
    /// A self-contained HTML page: definitions side by side, a coverage chart.
    Html,
}

#[derive(Debug, Args)]
pub(crate) struct DefinitionsCommand {
    /// A corpus file, a bare statute text, or the id of a bundled instrument.
    pub target: String,

    /// Extend the bundled lexicon with this lexicon file (your own synonyms or elements; the
    /// format of `crates/lexdef/data/lexicon.toml`).
    #[arg(long, value_name = "FILE")]
    pub lexicon: Option<std::path::PathBuf>,

    /// Only definitions of this term (matched after folding case, spelling and inflection).
    #[arg(long, value_name = "TERM")]
    pub term: Option<String>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub(crate) struct ModelCommand {
    /// A corpus file, a bare statute text, or the id of a bundled instrument. Without it, the
    /// model of every instrument of the corpus (bundled, or `--corpus DIR`), each read on its
    /// own as if named here.
    pub target: Option<String>,

    /// Read every instrument of this corpus directory (with no target).
    #[arg(long, value_name = "DIR", conflicts_with = "target")]
    pub corpus: Option<PathBuf>,

    /// A bare text given here is read as the whole text you meant, so what it does not say is
    /// read as absent; with `--partial` it is an excerpt, and its silences settle nothing.
    #[arg(long, requires = "target")]
    pub partial: bool,

    /// Extend the bundled lexicon with this lexicon file (your own synonyms or elements; the
    /// format of `crates/lexdef/data/lexicon.toml`).
    #[arg(long, value_name = "FILE")]
    pub lexicon: Option<std::path::PathBuf>,

    /// The concept to model.
    #[arg(long, default_value = "trafficking_in_persons")]
    pub concept: String,

    /// The instrument (of the corpus) as it stood on this day, `YYYY-MM-DD`.
    #[arg(long, value_name = "DATE", value_parser = parse_day, requires = "target")]
    pub at: Option<String>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = ModelFormat::Text)]
    pub format: ModelFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ModelFormat {
    /// Elements and qualifiers with their words, for people.
    Text,
    /// JSON, for programs (a list of models with no target).
    Json,
    /// JSON Lines: one model a line (what `--format json` gives for it, compact), each written
    /// as soon as it is made, so a corpus of any size streams in the memory of one instrument.
    /// In file-name order.
    Jsonl,
}

#[derive(Debug, Args)]
pub(crate) struct ParseCommand {
    /// A corpus file, a bare statute text (a bill, a pasted web page), or the id of a bundled
    /// instrument (`PH-RA9208-2003`). Without it, every instrument of the bundled corpus.
    pub target: Option<String>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = ParseFormat::Text)]
    pub format: ParseFormat,

    /// Read instruments from this corpus directory instead of the bundled corpus.
    #[arg(long, value_name = "DIR")]
    pub corpus: Option<PathBuf>,

    /// The instrument as it stood on this day (`YYYY-MM-DD`): the corpus's amendments made by
    /// then applied, each provision saying what last changed it.
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub at: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ParseFormat {
    /// An indented outline, for people.
    Text,
    /// JSON, for programs.
    Json,
    /// An Akoma Ntoso 3.0 document (one instrument): the provision tree with its eIds, the
    /// text exactly, gaps as editorial remarks. A `.xml` file given as the target is read as
    /// Akoma Ntoso.
    Akn,
    /// JSON Lines: one instrument a line (what `--format json` gives for it, compact), each
    /// written as soon as it is parsed, so a corpus of any size streams in the memory of one
    /// instrument. In file-name order; relations between instruments are not checked.
    Jsonl,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// An indented outline, for people.
    Text,
    /// JSON, for programs.
    Json,
}

#[derive(Debug, Args)]
pub(crate) struct CheckCommand {
    /// The corpus directory: `instruments/`, `annotations/`, `annotation-differences.txt`,
    /// `expected/divergences.json` and the rules file `lexdef-check.toml`.
    #[arg(default_value = "corpus")]
    pub corpus: PathBuf,

    /// Output format: compiler-style diagnostics on stderr (`human`), or a machine format on
    /// stdout.
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,

    /// The least severity that fails the check (exit code 1).
    #[arg(long, value_enum, default_value_t = FailOn::Error, value_name = "SEVERITY")]
    pub fail_on: FailOn,

    /// Rewrite the expected divergences (`expected/divergences.json`) from the current
    /// report, then check; review the change and commit it.
    #[arg(long)]
    pub update: bool,

    /// Read the policy rules from this file instead of `<CORPUS>/lexdef-check.toml`.
    #[arg(long, value_name = "FILE")]
    pub rules: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum CheckFormat {
    /// Compiler-style diagnostics and a summary, on stderr.
    Human,
    /// JSON (schema `lexdef-check/1`, `crates/lexdef/data/check.schema.json`).
    Json,
    /// JUnit XML: a test suite per rule, a test case per instrument.
    Junit,
    /// GitHub workflow annotations (`::error file=...,line=...::message`).
    Github,
    /// SARIF 2.1.0, for code-scanning services.
    Sarif,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum FailOn {
    /// Fail on errors only.
    Error,
    /// Fail on warnings too.
    Warning,
}
