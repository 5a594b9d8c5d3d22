//! Akoma Ntoso 3.0 out and in: an instrument and its provision tree written as an AKN
//! document ([`write`]), and an AKN document — lexdef's own or another tool's — read back
//! into an [`Instrument`](crate::Instrument) whose tree is the document's ([`read`]).
//!
//! What lexdef writes keeps the law's text exactly: every character of
//! [`Instrument::text`](crate::Instrument::text) is in the document's body, in order, and
//! nothing else is, but for the editorial `<remark>`s that mark gaps (their words are the
//! corpus's note, not the law's). The whitespace between elements is the text's own, so a
//! reader that keeps every text node of the body and skips the remarks has the text back.
//! The AKN vocabulary has no place for some of lexdef's facts; these go in attributes of
//! lexdef's own namespace (which the AKN schema allows on every element):
//! `lexdef:number` (the number as used in the eId), `lexdef:term` (a definition's term),
//! `lexdef:incomplete`, `lexdef:num` with `lexdef:numberInferred` (a number the source does
//! not print), and `lexdef:within` on a gap's remark. The corpus metadata block goes whole
//! into `<proprietary>`, beside the FRBR identification made from it.
//!
//! Where the text puts words between a number and a heading, or before a number (the
//! opening quote of a quoted section), they are written inside the `<num>` or `<heading>`
//! that follows them as `<inline name="punctuation">`, part of the text but not of the
//! number or heading. Words between provisions that belong to none of them, and a gap where
//! no paragraph is open, go in an `<hcontainer name="lexdefText">`, which is not a provision.

mod read;
mod write;

pub use read::read;
pub use write::write;

use crate::document::ProvisionKind;

/// The Akoma Ntoso 3.0 namespace.
pub const AKN_NAMESPACE: &str = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";
/// lexdef's namespace, for the facts AKN has no attribute for.
pub const LEXDEF_NAMESPACE: &str = "https://github.com/lexdef/lexdef/akn";

/// The `name` of the `<hcontainer>` that holds text belonging to no provision.
const TEXT_CONTAINER: &str = "lexdefText";
/// The `name` of the `<inline>` that holds words before or between a number and a heading.
const PUNCTUATION: &str = "punctuation";
/// The classes of a gap's `<remark>`.
const GAP_CLASS: &str = "lexdef-gap";
const OMITTED_CLASS: &str = "lexdef-omitted";
const OWN_LINE_CLASS: &str = "own-line";

/// The AKN element of a provision kind, and the `name` of an `<hcontainer>` where AKN has
/// no element of its own.
fn element_of(kind: ProvisionKind) -> (&'static str, Option<&'static str>) {
    match kind {
        ProvisionKind::Preamble => ("hcontainer", Some("preamble")),
        ProvisionKind::Body => ("hcontainer", Some("body")),
        ProvisionKind::Part => ("part", None),
        ProvisionKind::Title => ("title", None),
        ProvisionKind::Chapter => ("chapter", None),
        ProvisionKind::Division => ("division", None),
        ProvisionKind::Subdivision => ("subdivision", None),
        ProvisionKind::Article => ("article", None),
        ProvisionKind::Section => ("section", None),
        ProvisionKind::Subsection => ("subsection", None),
        ProvisionKind::Paragraph => ("paragraph", None),
        ProvisionKind::Subparagraph => ("subparagraph", None),
        ProvisionKind::Clause => ("clause", None),
        ProvisionKind::Item => ("hcontainer", Some("item")),
        ProvisionKind::Subclause => ("subclause", None),
        ProvisionKind::Definition => ("hcontainer", Some("definition")),
    }
}

/// The provision kind of an AKN hierarchical element (with its `name`, for an
/// `<hcontainer>`); `None` where the element is not a provision. Elements lexdef does not
/// write are read as the nearest kind: `book` and `tome` as parts, `point` and `list` as
/// paragraphs' items.
fn kind_of(element: &str, name: Option<&str>) -> Option<ProvisionKind> {
    Some(match element {
        "hcontainer" => match name {
            Some("preamble") => ProvisionKind::Preamble,
            Some("body") => ProvisionKind::Body,
            Some("item") => ProvisionKind::Item,
            Some("definition") => ProvisionKind::Definition,
            Some(TEXT_CONTAINER) => return None,
            _ => ProvisionKind::Paragraph,
        },
        "part" | "book" | "tome" | "subpart" => ProvisionKind::Part,
        "title" | "subtitle" => ProvisionKind::Title,
        "chapter" | "subchapter" => ProvisionKind::Chapter,
        "division" => ProvisionKind::Division,
        "subdivision" => ProvisionKind::Subdivision,
        "article" => ProvisionKind::Article,
        "section" => ProvisionKind::Section,
        "subsection" => ProvisionKind::Subsection,
        "paragraph" | "alinea" | "rule" | "level" | "transitional" => ProvisionKind::Paragraph,
        "subparagraph" | "subrule" | "proviso" => ProvisionKind::Subparagraph,
        "clause" => ProvisionKind::Clause,
        "point" | "indent" | "list" | "sublist" => ProvisionKind::Item,
        "subclause" => ProvisionKind::Subclause,
        _ => return None,
    })
}

/// ISO 639-2 (terminology) codes of the corpus languages, as AKN's FRBR uses them; another
/// language keeps its two-letter code, which the schema accepts too.
const LANGUAGES: [(&str, &str); 12] = [
    ("en", "eng"),
    ("id", "ind"),
    ("ms", "msa"),
    ("vi", "vie"),
    ("th", "tha"),
    ("lo", "lao"),
    ("km", "khm"),
    ("my", "mya"),
    ("tl", "tgl"),
    ("fr", "fra"),
    ("de", "deu"),
    ("es", "spa"),
];

fn three_letter_language(code: &str) -> &str {
    LANGUAGES.iter().find(|(two, _)| *two == code).map_or(code, |(_, three)| three)
}

fn two_letter_language(code: &str) -> &str {
    LANGUAGES.iter().find(|(_, three)| *three == code).map_or(code, |(two, _)| two)
}
