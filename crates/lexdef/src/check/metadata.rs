//! Metadata rules beyond what loading enforces. Loading already refuses a block that is not
//! TOML, lacks a field, has an unknown one, a malformed date, an unknown jurisdiction, or
//! names no source; these rules look at the values: blank titles, a language that is not an
//! ISO 639-1 code, a translation without a translator, a source without a usable URL, a
//! `completeness` that the text contradicts, dates out of order.

use std::collections::BTreeSet;

use super::{Context, Finding, Findings, RuleSeverity};
use crate::instrument::Instrument;
use crate::metadata::{CompletenessStatus, Metadata, TextStatus};

/// The ISO 639-1 two-letter language codes.
const ISO_639_1: &str = "aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu";

pub(super) fn check(context: &Context<'_>, findings: &mut Findings) {
    for instrument in context.study.corpus().instruments() {
        let Some(metadata) = &instrument.metadata else { continue };
        let id = instrument.id.as_str();
        for rule in
            ["metadata.fields", "metadata.language", "metadata.sources", "metadata.completeness", "metadata.dates"]
        {
            findings.checked(rule, id);
        }
        let error = |rule: &str, key: &str, value: Option<&str>, message: String| {
            let finding = Finding::new(rule, RuleSeverity::Error, Some(id), metadata.id_location.clone(), message);
            at_field(finding, instrument, key, value)
        };

        for (key, value) in [("title", &metadata.title), ("short_title", &metadata.short_title)] {
            if value.trim().is_empty() {
                findings.push(error(
                    "metadata.fields",
                    key,
                    Some(value),
                    format!("`{key}` is blank; give the title as the source gives it"),
                ));
            }
        }

        let code = metadata.language.code.as_str();
        if !ISO_639_1.split(' ').any(|known| known == code) {
            findings.push(error(
                "metadata.language",
                "code",
                Some(code),
                format!("`language.code` is `{code}`, which is not an ISO 639-1 code (expected two lower-case letters such as `en`, `th`, `vi`)"),
            ));
        }
        let translation = matches!(metadata.language.status, TextStatus::Translation | TextStatus::DraftTranslation);
        if translation && metadata.language.translator.as_deref().is_none_or(|translator| translator.trim().is_empty())
        {
            findings.push(
                error(
                    "metadata.language",
                    "status",
                    None,
                    "the text is a translation, but `language.translator` does not say who made it".to_owned(),
                )
                .note("write the translator as the source names them, or `\"not stated\"`"),
            );
        }

        let mut keys = BTreeSet::new();
        for source in &metadata.sources {
            if !keys.insert(source.key.as_str()) {
                findings.push(error(
                    "metadata.sources",
                    "key",
                    Some(&source.key),
                    format!("two `[[sources]]` have the key `{}`; `{{{{source: KEY}}}}` markers need one", source.key),
                ));
            }
            if let Some(problem) = url_problem(&source.url) {
                findings.push(error(
                    "metadata.sources",
                    "url",
                    Some(&source.url),
                    format!("the source `{}` has the URL `{}`, {problem}", source.key, source.url),
                ));
            }
            if source.description.trim().is_empty() {
                findings.push(error(
                    "metadata.sources",
                    "description",
                    Some(&source.description),
                    format!("the source `{}` has a blank description: say what it is", source.key),
                ));
            }
        }

        completeness(instrument, metadata, findings);

        if let (Some(adopted), Some(in_force)) = (&metadata.adopted, &metadata.in_force) {
            // Compare at the precision both give: `2008` is not after `2008-06-05`.
            let precision = adopted.as_str().len().min(in_force.as_str().len());
            if in_force.as_str()[..precision] < adopted.as_str()[..precision] {
                let finding = Finding::new(
                    "metadata.dates",
                    RuleSeverity::Warning,
                    Some(id),
                    metadata.id_location.clone(),
                    format!("`in_force` ({in_force}) is before `adopted` ({adopted})"),
                );
                findings.push(
                    at_field(finding, instrument, "in_force", Some(in_force.as_str()))
                        .note("a law can commence retroactively: if the source says so, say it in `in_force_note`"),
                );
            }
        }
    }
}

fn completeness(instrument: &Instrument, metadata: &Metadata, findings: &mut Findings) {
    let id = instrument.id.as_str();
    let completeness = &metadata.completeness;
    let finding = |message: String| {
        let finding =
            Finding::new("metadata.completeness", RuleSeverity::Error, Some(id), metadata.id_location.clone(), message);
        at_field(finding, instrument, "status", None)
    };
    match completeness.status {
        CompletenessStatus::Missing if !completeness.included.is_empty() => findings.push(finding(format!(
            "`completeness.status` is `missing` (no text found), but `included` lists {}",
            completeness.included.join(", ")
        ))),
        CompletenessStatus::Complete | CompletenessStatus::Partial if completeness.included.is_empty() => findings
            .push(finding(
                "`completeness.included` is empty: list the provisions the file holds, as the law numbers them"
                    .to_owned(),
            )),
        _ => {}
    }
    if completeness.status == CompletenessStatus::Complete {
        // Whole provisions may be left out of a complete text (those not `included`), but
        // text cut off inside a line is not complete.
        if let Some(gap) = instrument.gaps.iter().find(|gap| !gap.own_line) {
            let mut finding = Finding::new(
                "metadata.completeness",
                RuleSeverity::Error,
                Some(id),
                gap.location.clone(),
                format!("`completeness.status` is `complete`, but the text is cut off here: {}", gap.note),
            );
            let line = instrument.file_line_text(gap.location.line).to_owned();
            let marker_length = line.chars().skip(gap.location.column - 1).collect::<String>();
            let end = marker_length
                .find("}}")
                .map_or(gap.location.column + 1, |at| gap.location.column + marker_length[..at + 2].chars().count());
            finding.excerpt = Some(super::Excerpt { line, start_column: gap.location.column, end_column: end });
            findings.push(finding.note("use `status = \"partial\"`, and say what is missing in `completeness.note`"));
        }
    }
}

/// Why a source URL cannot be followed, if it cannot.
fn url_problem(url: &str) -> Option<&'static str> {
    let trimmed = url.trim();
    if trimmed.is_empty() {
        return Some("which is blank: say where the text was read");
    }
    let Some(rest) = trimmed.strip_prefix("https://").or_else(|| trimmed.strip_prefix("http://")) else {
        return Some("which is not an http(s) URL");
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if host.is_empty() || !host.contains('.') {
        return Some("which has no host name");
    }
    if trimmed.chars().any(char::is_whitespace) {
        return Some("which holds a space (write it as `%20`)");
    }
    None
}

/// Point a finding at `key = "value"` in the metadata block (the first line with that key,
/// and that value where one is given); at the `id` field when there is none.
fn at_field(finding: Finding, instrument: &Instrument, key: &str, value: Option<&str>) -> Finding {
    let text = instrument.file_text();
    let block_end = text.match_indices("\n+++").next().map_or(text.len(), |(at, _)| at);
    let mut offset = 0;
    for line in text[..block_end].split_inclusive('\n') {
        let trimmed = line.trim_start();
        let written_key = trimmed.split('=').next().unwrap_or_default().trim();
        if written_key == key {
            let value_text = line.split_once('=').map(|(_, value)| value).unwrap_or_default();
            let matches_value = value.is_none_or(|value| {
                value_text.trim().trim_matches('"') == value || value_text.contains(&format!("\"{value}\""))
            });
            if matches_value {
                let value_start =
                    line.find('=').map_or(0, |at| at + 1 + line[at + 1..].len() - line[at + 1..].trim_start().len());
                let value_end = line.trim_end().len().max(value_start + 1);
                return finding.at_range(instrument.file(), text, offset + value_start..offset + value_end);
            }
        }
        offset += line.len();
    }
    finding.quoting(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_urls_must_be_followable() {
        let table = [
            ("https://en.wikisource.org/wiki/Page", None),
            ("http://statutes.agc.gov.sg/aol/search;ident=54e1f47d", None),
            ("https://en.wikisource.org./wiki/Translation", None),
            ("", Some("which is blank: say where the text was read")),
            ("  ", Some("which is blank: say where the text was read")),
            ("en.wikisource.org/wiki", Some("which is not an http(s) URL")),
            ("ftp://example.org/file", Some("which is not an http(s) URL")),
            ("https:///path", Some("which has no host name")),
            ("https://localhost/x", Some("which has no host name")),
            ("https://example.org/a b", Some("which holds a space (write it as `%20`)")),
        ];
        for (url, expected) in table {
            assert_eq!(url_problem(url), expected, "{url:?}");
        }
    }

    #[test]
    fn the_language_list_is_iso_639_1() {
        let codes: Vec<&str> = ISO_639_1.split(' ').collect();
        assert_eq!(codes.len(), 183);
        assert!(codes.windows(2).all(|pair| pair[0] < pair[1]), "sorted, no duplicates");
        for code in ["en", "th", "vi", "id", "lo", "ms", "km", "my"] {
            assert!(codes.contains(&code), "{code}");
        }
        assert!(!codes.contains(&"english") && !codes.contains(&"xx"));
    }
}
