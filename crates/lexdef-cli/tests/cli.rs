//! The `lexdef` binary as a user runs it: exit codes, stdout and stderr.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Output, Stdio};

mod support;

use support::lexdef;

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

fn scratch() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary directory")
}

#[test]
fn the_main_job_prints_the_outline_of_every_bundled_instrument_from_any_directory() {
    let directory = scratch();
    let output = lexdef(directory.path(), &["parse"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("INTL-PALERMO-2000 — Trafficking in Persons Protocol (INTL, treaty, complete)"), "{text}");
    assert!(text.contains("    Article 3  Use of terms  [art_3] line "));
    assert!(text.contains("      a)  [art_3__para_a] line "));
    assert!(text.contains("PH-RA10364-2012"));
    assert!(text.contains("BN-TSPO-2004 — "));
    assert!(text.contains("  (no text in the corpus)"));
    let headers = text.lines().filter(|line| !line.starts_with(' ') && !line.is_empty()).count();
    assert_eq!(headers, 32, "one outline per instrument");
    // The preamble-only ASEAN Declaration warns that it has no numbering, and nothing else does.
    let diagnostics = stderr(&output);
    let warnings: Vec<&str> = diagnostics.lines().filter(|line| line.starts_with("warning:")).collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
}

#[test]
fn json_output_has_the_tree_with_eid_num_heading_line_span_children() {
    let directory = scratch();
    let output = lexdef(directory.path(), &["parse", "INTL-PALERMO-2000", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0));
    let value: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("valid JSON");
    let chapter = &value["provisions"][0];
    assert_eq!(chapter["eid"], "chp_I");
    assert_eq!(chapter["heading"], "General Provisions");
    let article_3 = chapter["children"]
        .as_array()
        .expect("children")
        .iter()
        .find(|provision| provision["eid"] == "art_3")
        .expect("art_3");
    assert_eq!(article_3["num"], "Article 3");
    assert_eq!(article_3["heading"], "Use of terms");
    let paragraph_a = &article_3["children"][0];
    assert_eq!(paragraph_a["eid"], "art_3__para_a");
    assert_eq!(paragraph_a["num"], "a)");
    assert!(paragraph_a["line"].as_u64().expect("line") > 50);
    assert!(paragraph_a["span"]["end"].as_u64() > paragraph_a["span"]["start"].as_u64());
    assert_eq!(value["metadata"]["jurisdiction"], "INTL");

    let all = lexdef(directory.path(), &["parse", "--format", "json"]);
    let list: serde_json::Value = serde_json::from_str(&stdout(&all)).expect("valid JSON");
    assert_eq!(list.as_array().expect("a list of instruments").len(), 32);
}

#[test]
fn a_bare_statute_text_parses_with_a_warning() {
    let directory = scratch();
    std::fs::write(directory.path().join("draft-bill.txt"), "Section 1. Short title.\n(1) This Act may be cited as the Draft Act.\nSection 2. Definitions.\n\"child\" means a person under 18.\n").expect("write");
    let output = lexdef(directory.path(), &["parse", "draft-bill.txt"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stderr(&output).contains("warning: draft-bill.txt:1:1: no metadata block"), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.starts_with("DRAFT-BILL — no metadata\n"), "{text}");
    assert!(text.contains("  Section 1.  Short title  [sec_1] line 1\n    (1)  [sec_1__subsec_1] line 2\n"), "{text}");
    assert!(text.contains("    “child”  [sec_2__def_child] line 4\n"), "{text}");
}

#[test]
fn bad_input_exits_2_with_a_located_diagnostic() {
    let directory = scratch();
    let header = "+++\nid = \"XX-TEST-2020\"\ntitle = \"Test\"\nshort_title = \"Test\"\njurisdiction = \"QQ\"\nkind = \"act\"\n[language]\ncode = \"en\"\nstatus = \"official\"\n[completeness]\nstatus = \"complete\"\nincluded = []\n[[sources]]\nkey = \"a\"\nurl = \"https://example.org\"\ndescription = \"a\"\n+++\nSection 1. Text.\n";
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("latin1.txt", b"Section 1. Definitions.\nThe caf\xe9 owner\n".to_vec()),
        ("empty.txt", Vec::new()),
        ("jurisdiction.txt", header.as_bytes().to_vec()),
        ("unterminated.txt", b"+++\nid = \"XX-TEST-2020\"\nSection 1. Text.\n".to_vec()),
        ("wrong-type.txt", header.replace("kind = \"act\"", "kind = 7").replace("QQ", "PH").into_bytes()),
    ];
    let mut rendered = String::new();
    for (name, bytes) in cases {
        std::fs::write(directory.path().join(name), bytes).expect("write");
        let output = lexdef(directory.path(), &["parse", name]);
        assert_eq!(output.status.code(), Some(2), "{name}: {}", stderr(&output));
        assert!(output.stdout.is_empty(), "{name}: nothing on stdout");
        rendered.push_str(&format!("$ lexdef parse {name}\n{}\n", stderr(&output)));
    }
    insta::assert_snapshot!("bad_input_diagnostics", rendered);
}

#[test]
fn an_unknown_id_exits_2_and_suggests_close_ids() {
    let directory = scratch();
    let output = lexdef(directory.path(), &["parse", "PH-RA9208"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stderr(&output), "error: no instrument `PH-RA9208` in the corpus (did you mean PH-RA9208-2003?)\n");
    let usage = lexdef(directory.path(), &["parse", "--format", "yaml"]);
    assert_eq!(usage.status.code(), Some(2), "clap reports usage errors with 2");
}

#[test]
fn a_corpus_directory_with_a_bad_file_still_prints_the_good_ones() {
    let directory = scratch();
    let corpus = directory.path().join("corpus");
    std::fs::create_dir(&corpus).expect("mkdir");
    let good = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/instruments/INTL-PALERMO-2000.txt"),
    )
    .expect("read");
    std::fs::write(corpus.join("INTL-PALERMO-2000.txt"), good).expect("write");
    std::fs::write(corpus.join("BROKEN.txt"), "+++\nid = \"BROKEN\"\n").expect("write");
    let output = lexdef(directory.path(), &["parse", "--corpus", "corpus"]);
    assert_eq!(output.status.code(), Some(2), "a bad file is an input error");
    assert!(stdout(&output).contains("INTL-PALERMO-2000 — Trafficking in Persons Protocol"));
    assert!(
        stderr(&output).contains(
            "error: metadata: the metadata block opened by `+++` on line 1 is never closed (hint: end it with a line `+++`)\n --> corpus/BROKEN.txt:1:1\n"
        ),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let directory = scratch();
    let mut child = Command::new(env!("CARGO_BIN_EXE_lexdef"))
        .arg("parse")
        .current_dir(directory.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut first = String::new();
    BufReader::new(child.stdout.take().expect("stdout")).read_line(&mut first).expect("read a line");
    assert!(first.starts_with("ASEAN-ACTIP-2015"));
    // The reader is gone: lexdef must stop quietly, with success.
    let output = child.wait_with_output().expect("wait");
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(!String::from_utf8_lossy(&output.stderr).contains("error"));
}

#[test]
fn definitions_lists_term_concept_form_eid_and_line() {
    let directory = scratch();
    let output = lexdef(directory.path(), &["definitions", "SG-PHTA-2014", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let value: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    let definitions = value["definitions"].as_array().expect("a list");
    let child = definitions.iter().find(|definition| definition["term"] == "child").expect("child is defined");
    assert_eq!(
        (child["concept"].as_str(), child["form"].as_str(), child["eid"].as_str()),
        (Some("child"), Some("means"), Some("sec_2__def_child"))
    );
    assert_eq!(child["line"], 72);
    let constitutive = definitions.iter().filter(|definition| definition["form"] == "constitutive").count();
    assert_eq!(constitutive, 2, "s 3(1) and s 3(2)");

    let only = lexdef(directory.path(), &["definitions", "SG-PHTA-2014", "--term", "Children"]);
    let text = stdout(&only);
    assert!(text.contains("“child”  child  means  [sec_2__def_child] line 72"), "{text}");
    assert_eq!(text.lines().count(), 2, "{text}");
}

#[test]
fn model_json_has_the_documented_shape() {
    let directory = scratch();
    let output = lexdef(directory.path(), &["model", "INTL-PALERMO-2000", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let model: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    assert_eq!(model["instrument"], "INTL-PALERMO-2000");
    assert_eq!(model["concept"], "trafficking_in_persons");
    let elements = model["elements"].as_array().expect("elements");
    assert_eq!(elements.len(), 21);
    let recruitment =
        &elements.iter().find(|element| element["id"] == "act.recruitment").expect("recruitment")["evidence"][0];
    assert_eq!(recruitment["eid"], "art_3__para_a");
    assert_eq!(recruitment["text"], "recruitment");
    assert_eq!(recruitment["method"], "exact");
    assert!(recruitment["span"]["start"].is_u64() && recruitment["line"] == 84);
    assert_eq!(model["qualifiers"]["child_age"]["value"], 18);
    assert_eq!(model["qualifiers"]["consent_irrelevant"]["value"], true);
    assert_eq!(model["qualifiers"]["exploitation_list"]["value"], "open");
    assert!(model["absent"].as_array().expect("absent").iter().any(|id| id == "act.buying"));
    assert_eq!(model["not_found"].as_array().expect("not_found").len(), 0);

    let partial = lexdef(directory.path(), &["model", "ASEAN-ACTIP-2015", "--format", "json"]);
    let actip: serde_json::Value = serde_json::from_str(&stdout(&partial)).expect("JSON");
    assert_eq!(actip["qualifiers"]["child_age"]["value"], "unknown");
    assert_eq!(actip["absent"].as_array().expect("absent").len(), 0);
    assert!(actip["not_found"][0]["reason"].as_str().expect("a reason").contains("incomplete"));

    let unknown = lexdef(directory.path(), &["model", "INTL-PALERMO-2000", "--concept", "smuggling"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).starts_with("error: unknown concept `smuggling`"));
}

#[test]
fn a_users_lexicon_adds_a_synonym_without_recompiling() {
    let directory = scratch();
    std::fs::write(directory.path().join("bill.txt"), "Section 1. Definitions.\n\"trafficking in persons\" means the enlisting of persons by deception for the purpose of exploitation;\n").expect("write");
    std::fs::write(
        directory.path().join("mine.toml"),
        "version = 1\n[[elements]]\nid = \"act.recruitment\"\nforms = [\"enlisting\"]\n",
    )
    .expect("write");
    let without = stdout(&lexdef(directory.path(), &["model", "bill.txt"]));
    assert!(!without.lines().any(|line| line.trim_start().starts_with("act.recruitment")), "{without}");
    let with = lexdef(directory.path(), &["model", "bill.txt", "--lexicon", "mine.toml"]);
    assert_eq!(with.status.code(), Some(0), "{}", stderr(&with));
    let text = stdout(&with);
    assert!(
        text.lines().any(|line| line.trim_start().starts_with("act.recruitment") && line.contains("“enlisting”")),
        "{text}"
    );
    std::fs::write(
        directory.path().join("bad.toml"),
        "version = 1\n[[elements]]\nid = \"act.transfer\"\nforms = [\"recruiting\"]\n",
    )
    .expect("write");
    let bad = lexdef(directory.path(), &["model", "bill.txt", "--lexicon", "bad.toml"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains(" --> bad.toml:4:11\n"), "{}", stderr(&bad));
}

#[test]
fn compare_a_drafters_bill_with_the_protocol() {
    let directory = scratch();
    std::fs::write(
        directory.path().join("bill.txt"),
        "Section 2. Definitions.\n\"child\" means a person below the age of 16 years;\n\"trafficking in persons\" means the recruitment or receipt of persons by means of fraud for the purpose of exploitation;\n\"exploitation\" means forced labour;\n",
    )
    .expect("write");
    let output = lexdef(directory.path(), &["compare", "bill.txt"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("child_age: BILL has 16, INTL-PALERMO-2000 has 18"), "{text}");
    assert!(text.contains("does not name the means means.coercion"), "{text}");
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&lexdef(directory.path(), &["compare", "bill.txt", "--format", "json"])))
            .expect("JSON");
    let findings = json["instruments"][0]["findings"].as_array().expect("findings");
    let age = findings.iter().find(|finding| finding["qualifier"] == "child_age").expect("an age finding");
    assert_eq!(
        (age["subject"]["value"].clone(), age["baseline"]["value"].clone(), age["direction"].clone()),
        (serde_json::json!(16), serde_json::json!(18), serde_json::json!("narrower"))
    );
    assert_eq!(age["subject"]["evidence"][0]["text"], "below the age of 16");
    assert_eq!(age["baseline"]["evidence"][0]["eid"], "art_3__para_d");
    let refused = lexdef(directory.path(), &["compare", "bill.txt", "--baseline", "actip"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(stderr(&refused).contains("ACTIP's article 2 has not been found yet"), "{}", stderr(&refused));
}

#[test]
fn report_writes_every_format_to_a_file() {
    let directory = scratch();
    for (format, marker) in [
        ("md", "# Definitions of trafficking_in_persons"),
        ("csv", "instrument,act.adoption"),
        ("html", "<!DOCTYPE html>"),
        // Compact: the file is not a terminal (`--pretty` indents it).
        ("json", "\"schema\":\"lexdef-report/1\""),
        ("text", "Definitions of trafficking_in_persons"),
    ] {
        let file = format!("report.{format}");
        let output = lexdef(directory.path(), &["report", "--format", format, "-o", &file]);
        assert_eq!(output.status.code(), Some(0), "{format}: {}", stderr(&output));
        assert!(output.stdout.is_empty(), "{format}: written to the file, not stdout");
        let written = std::fs::read_to_string(directory.path().join(&file)).expect("the report file");
        assert!(written.contains(marker), "{format}: {}", &written[..written.len().min(200)]);
    }
    let csv = std::fs::read_to_string(directory.path().join("report.csv")).expect("csv");
    assert_eq!(csv.lines().count(), 33, "a header and one row per instrument");
}

#[test]
fn search_the_bundled_corpus_and_an_index_directory() {
    let directory = scratch();
    let output = lexdef(
        directory.path(),
        &["search", "\"forced labor\"", "--jurisdiction", "SG,PH", "--format", "json", "--limit", "5"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    let hits = json["hits"].as_array().expect("hits");
    assert!(!hits.is_empty() && json["total"].as_u64() >= Some(hits.len() as u64));
    for hit in hits {
        assert!(hit["jurisdiction"] == "SG" || hit["jurisdiction"] == "PH");
        for field in ["instrument", "eid", "line", "score", "snippet", "text"] {
            assert!(!hit[field].is_null(), "{field}");
        }
    }
    let text = stdout(&lexdef(directory.path(), &["search", "harbor", "--limit", "3"]));
    assert!(text.contains("[[harbour") || text.contains("[[harbor"), "matched words are marked without colour: {text}");
    assert!(!text.contains('\u{1b}'), "no colour codes when stdout is not a terminal");

    let built = lexdef(directory.path(), &["index", "--index", "idx"]);
    assert_eq!(built.status.code(), Some(0), "{}", stderr(&built));
    let from_dir = lexdef(
        directory.path(),
        &[
            "search",
            "\"forced labor\"",
            "--jurisdiction",
            "SG,PH",
            "--format",
            "json",
            "--limit",
            "5",
            "--index",
            "idx",
        ],
    );
    assert_eq!(stdout(&from_dir), stdout(&output), "the directory index gives the same results");
    let meta = directory.path().join("idx/lexdef-index.json");
    let text = std::fs::read_to_string(&meta).expect("meta");
    std::fs::write(
        &meta,
        text.replace(&format!("\"schema_version\": {}", lexdef::INDEX_SCHEMA_VERSION), "\"schema_version\": 9"),
    )
    .expect("write");
    let stale = lexdef(directory.path(), &["search", "labour", "--index", "idx"]);
    assert_eq!(stale.status.code(), Some(2));
    assert!(stderr(&stale).contains("rebuild it with `lexdef index --rebuild`"), "{}", stderr(&stale));
    let refused = lexdef(directory.path(), &["index", "--index", "idx"]);
    assert_eq!(refused.status.code(), Some(2), "a stale index is not replaced without --rebuild");
    assert_eq!(lexdef(directory.path(), &["index", "--index", "idx", "--rebuild"]).status.code(), Some(0));

    for (query, extra) in [("\"unclosed", None), ("colour:red", None), ("x", Some("--element=means.nope"))] {
        let mut arguments = vec!["search", query];
        arguments.extend(extra);
        let bad = lexdef(directory.path(), &arguments);
        assert_eq!(bad.status.code(), Some(2), "{query}");
        assert!(stderr(&bad).starts_with("error: invalid "), "{}", stderr(&bad));
    }
}

#[path = "../../lexdef/tests/matrix/rows.rs"]
mod rows;

/// How many instruments an outline on stdout has (one header line each).
fn outlines(output: &Output) -> usize {
    stdout(output).lines().filter(|line| !line.starts_with(' ') && !line.is_empty()).count()
}

/// A row whose input is a file or an entry of a corpus directory: `lexdef parse --corpus`
/// and `lexdef parse FILE`.
fn cli_corpus_row(row: &rows::Row) {
    use rows::Expected;
    let name = row.name;
    let scratch = rows::corpus_copy();
    let path = rows::place(&scratch.path().join("instruments"), &row.input).expect("a file row");
    let relative = path.strip_prefix(scratch.path()).expect("inside").display().to_string();
    let before = rows::digest(scratch.path());
    let whole = lexdef(scratch.path(), &["parse", "--corpus", "instruments"]);
    let diagnostics = stderr(&whole);
    // Rendered ` --> file:line:column` under the message, or `file:line:column: ` before it
    // where there is no line to quote (an empty file).
    let located = |at: (usize, usize)| format!("{relative}:{}:{}", at.0, at.1);
    match row.expected {
        Expected::LeftOut { at, kind } => {
            assert_eq!(whole.status.code(), Some(2), "{name}: {diagnostics}");
            assert_eq!(outlines(&whole), 32, "{name}: the rest of the corpus is printed");
            match at {
                Some(at) => assert!(diagnostics.contains(&located(at)), "{name}: {diagnostics}"),
                None => {
                    assert!(diagnostics.contains(&format!("error: {relative}: cannot read: ")), "{name}: {diagnostics}")
                }
            }
            let fifo = row.input.is_fifo();
            if kind != "duplicate_id" && !fifo {
                let alone = lexdef(scratch.path(), &["parse", &relative]);
                assert_eq!(alone.status.code(), Some(2), "{name}: {}", stderr(&alone));
                assert!(alone.stdout.is_empty(), "{name}: nothing on stdout");
                if let Some(at) = at {
                    assert!(stderr(&alone).contains(&located(at)), "{name}: {}", stderr(&alone));
                }
            }
        }
        Expected::Broken { at, .. } => {
            assert_eq!(whole.status.code(), Some(2), "{name}: {diagnostics}");
            assert_eq!(outlines(&whole), 33, "{name}: the file is printed too");
            assert!(diagnostics.contains(&located(at)), "{name}: {diagnostics}");
        }
        Expected::Parses { warning, .. } => {
            assert_eq!(whole.status.code(), Some(0), "{name}: {diagnostics}");
            assert_eq!(outlines(&whole), 33, "{name}");
            let alone = lexdef(scratch.path(), &["parse", &relative]);
            assert_eq!(alone.status.code(), Some(0), "{name}: {}", stderr(&alone));
            assert!(stdout(&alone).starts_with("XX-TEST-2020 — "), "{name}");
            if let Some((_, at)) = warning {
                assert!(
                    stderr(&alone).contains(&format!("warning: {relative}:{}:{}: ", at.0, at.1)),
                    "{name}: {}",
                    stderr(&alone)
                );
            }
        }
        Expected::Refused { .. } => panic!("{name}: a file row is not refused as a call"),
    }
    assert_eq!(rows::digest(scratch.path()), before, "{name}: nothing was written or changed");
}

#[test]
fn the_bad_input_matrix_through_the_cli() {
    use rows::{Expected, Input};
    let rows = rows::rows();
    let names: Vec<String> = rows.iter().map(|row| row.name.to_owned()).collect();
    assert_eq!(names, rows::readme_rows(), "the rows are the README's table");
    for row in &rows {
        let name = row.name;
        let scratch = scratch();
        let (arguments, says, at): (Vec<String>, &str, Option<(usize, usize)>) = match (&row.input, row.expected) {
            (Input::File { .. } | Input::Entry { .. }, _) => {
                cli_corpus_row(row);
                continue;
            }
            (Input::Query(query), Expected::Refused { says, at }) => (vec!["search".into(), query.clone()], says, at),
            (Input::ElementFilter(id), Expected::Refused { says, at }) => {
                (vec!["search".into(), "labour".into(), "--element".into(), (*id).to_owned()], says, at)
            }
            (Input::Lexicon(text), Expected::Refused { says, at }) => {
                std::fs::write(scratch.path().join("mine.toml"), text).expect("write the lexicon");
                (["model", "INTL-PALERMO-2000", "--lexicon", "mine.toml"].map(String::from).to_vec(), says, at)
            }
            _ => panic!("{name}: no driver for this row"),
        };
        let before = rows::digest(scratch.path());
        let arguments: Vec<&str> = arguments.iter().map(String::as_str).collect();
        let output = lexdef(scratch.path(), &arguments);
        assert_eq!(output.status.code(), Some(2), "{name}: {}", stderr(&output));
        assert!(output.stdout.is_empty(), "{name}: nothing on stdout");
        assert!(stderr(&output).starts_with("error: "), "{name}: {}", stderr(&output));
        assert!(stderr(&output).contains(says), "{name}: {}", stderr(&output));
        if let Some((line, column)) = at {
            assert!(
                stderr(&output).contains(&format!(" --> mine.toml:{line}:{column}\n")),
                "{name}: {}",
                stderr(&output)
            );
        }
        assert_eq!(rows::digest(scratch.path()), before, "{name}: nothing was written or changed");
    }
}

/// A rebuild of an index directory killed (SIGKILL) at delays spread over a whole rebuild:
/// afterwards the directory opens, and holds the previous index or the new one (told apart
/// by their sizes: the previous one indexes three instruments, the new one the bundled
/// corpus), never a broken one. Then the moment between the rebuild's two renames, which a
/// timed kill is unlikely to hit, is set up by hand: the previous index is opened where it
/// was set aside, and the next rebuild puts it back and clears what the killed builds left.
#[test]
fn an_index_survives_a_killed_rebuild() {
    let directory = scratch();
    let small = directory.path().join("small/instruments");
    std::fs::create_dir_all(&small).expect("mkdir");
    let instruments = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/instruments");
    for id in ["INTL-PALERMO-2000", "KH-LSHTSE-2008", "ASEAN-DECL-2004"] {
        std::fs::copy(instruments.join(format!("{id}.txt")), small.join(format!("{id}.txt"))).expect("copy");
    }
    let index = directory.path().join("idx");
    assert_eq!(lexdef(directory.path(), &["index", "small", "--index", "idx"]).status.code(), Some(0));
    let previous = lexdef::Index::open(&index).expect("the first index").len();
    let started = std::time::Instant::now();
    assert_eq!(lexdef(directory.path(), &["index", "--index", "idx", "--rebuild"]).status.code(), Some(0));
    let duration = started.elapsed();
    let new = lexdef::Index::open(&index).expect("the rebuilt index").len();
    assert!(new > previous);
    // A fixed pseudo-random sequence of delays (a linear congruential generator, seed 9).
    let mut state: u64 = 9;
    let mut interrupted = 0;
    for _ in 0..10 {
        assert_eq!(lexdef(directory.path(), &["index", "small", "--index", "idx", "--rebuild"]).status.code(), Some(0));
        state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        let delay = duration.mul_f64((state >> 11) as f64 / (1u64 << 53) as f64 * 1.1);
        if support::kill_after(directory.path(), &["index", "--index", "idx", "--rebuild"], delay) {
            interrupted += 1;
        }
        let reopened = lexdef::Index::open(&index).unwrap_or_else(|error| panic!("killed at {delay:?}: {error}"));
        assert!([previous, new].contains(&reopened.len()), "killed at {delay:?}: {} documents", reopened.len());
        let search = lexdef(directory.path(), &["search", "exploitation", "--index", "idx", "--limit", "1"]);
        assert_eq!(search.status.code(), Some(0), "killed at {delay:?}: {}", stderr(&search));
    }

    assert!(interrupted >= 3, "kills interrupt rebuilds under way ({interrupted} of 10)");

    // Killed between the renames: the previous index is aside, a finished one in staging.
    let dead = (4_000_000..4_100_000).find(|pid| !Path::new(&format!("/proc/{pid}")).exists()).expect("a free pid");
    std::fs::rename(&index, directory.path().join(format!(".idx.previous-{dead}"))).expect("set aside");
    std::fs::create_dir(directory.path().join(format!(".idx.building-{dead}"))).expect("a staging leftover");
    assert!(!lexdef::Index::open(&index).expect("opened where it was set aside").is_empty());
    let search = lexdef(directory.path(), &["search", "exploitation", "--index", "idx", "--limit", "1"]);
    assert_eq!(search.status.code(), Some(0), "{}", stderr(&search));
    assert_eq!(lexdef(directory.path(), &["index", "--index", "idx", "--rebuild"]).status.code(), Some(0));
    assert_eq!(lexdef::Index::open(&index).expect("rebuilt").len(), new);
    let names: Vec<String> = std::fs::read_dir(directory.path())
        .expect("read")
        .map(|entry| entry.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".idx"))
        .collect();
    assert!(names.is_empty(), "what the killed builds left is cleared: {names:?}");
}

/// The main job's first screen says which instruments diverge most: a summary table, one line
/// per instrument compared, before any detail; `--summary` prints only the table.
#[test]
fn the_report_opens_with_a_summary_read_from_its_first_screen() {
    let directory = scratch();
    let output = lexdef(directory.path(), &["report"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    let first_screen: Vec<&str> = text.lines().take(24).collect();
    assert!(first_screen[0].contains("compared, ") && first_screen[0].contains("not compared"), "{}", first_screen[0]);
    let header = first_screen.iter().position(|line| line.starts_with("instrument") && line.contains("lacks"));
    let header = header.expect("the summary's header is on the first screen");
    let rows: Vec<&str> =
        first_screen[header + 1..].iter().take_while(|line| !line.starts_with('(')).copied().collect();
    assert!(rows.len() >= 15, "a line per instrument compared: {rows:?}");
    assert!(rows.iter().any(|row| row.starts_with("SG-PHTA-2014 ")), "{rows:?}");
    // The most divergent first: the rows are ordered by certain lacks and qualifier differences.
    let weight = |row: &str| {
        let numbers: Vec<usize> = row.split_whitespace().skip(1).take(3).filter_map(|cell| cell.parse().ok()).collect();
        numbers[0] + numbers[2]
    };
    assert!(rows.windows(2).all(|pair| weight(pair[0]) >= weight(pair[1])), "{rows:?}");
    let summary = lexdef(directory.path(), &["report", "--summary"]);
    let summary = stdout(&summary);
    assert!(summary.lines().count() < text.lines().count() / 3, "only the table");
    assert!(!summary.contains("Not compared:"), "no details");
    let markdown = lexdef(directory.path(), &["report", "--format", "md"]);
    assert!(stdout(&markdown).contains("## Summary\n\n| instrument | lacks | adds |"));
}

/// The translation section of the report, read as a person reads it: each translation under
/// its own line, what it comes to, then every element and qualifier with the original's words
/// and the translation's side by side; what one text leaves unsettled is "cannot say", with
/// the reason, never "more" or "less".
#[test]
fn the_report_checks_each_translation_against_its_original_with_the_words_of_both() {
    let directory = scratch();
    let output = lexdef(directory.path(), &["report"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    let start = text.find("Translations checked against their originals (trafficking_in_persons): 6 pairs");
    let section = &text[start.expect("the report ends with the translation check")..];
    let block = |header: &str| -> Vec<&str> {
        let mut lines = section.lines().skip_while(|line| *line != header);
        assert_eq!(lines.next(), Some(header), "{section}");
        lines.take_while(|line| line.starts_with("  ")).collect()
    };

    let penal = block("VN-PENAL-2015 (en), translation of VN-PENAL-2015-orig (vi)");
    assert!(penal[0].starts_with("  the translation and the original agree on every element read: "), "{penal:#?}");
    let agrees = penal.iter().position(|line| *line == "  agrees:  original · translation").expect("agreements");
    let recruitment = penal[agrees..].iter().find(|line| line.trim_start().starts_with("act.recruitment "));
    let recruitment = recruitment.expect("act.recruitment among the agreements");
    assert!(
        recruitment.ends_with(
            "“Tuyển mộ” [art_151__para_1__subpara_c] line 43  ·  “Recruiting” [art_151__para_1__subpara_c] line 71"
        ),
        "{recruitment}"
    );
    let cannot_say =
        penal.iter().position(|line| line.starts_with("  cannot say (the original's text does not settle it: "));
    let deception = penal[cannot_say.expect("the means of Article 150")..]
        .iter()
        .find(|line| line.trim_start().starts_with("means.deception "))
        .expect("means.deception cannot be said");
    assert!(deception.ends_with("(not found)  ·  “deceives” [art_150__para_1] line 60"), "{deception}");
    assert!(!section.lines().any(|line| line.starts_with("  more") || line.starts_with("  less")), "{section}");

    let law_53 = block("VN-LAW53-2024 (en), translation of VN-LAW53-2024-orig (vi)");
    assert!(
        law_53[0].starts_with("  the translation and the original agree on every element read: ")
            && !law_53.iter().any(|line| line.starts_with("  cannot say")),
        "{law_53:#?}"
    );

    let thai = block("TH-ATIPA-2008 (en), translation of TH-ATIPA-2008-orig (th)");
    assert!(thai[0].starts_with("  the translation and the original agree on every element read: "), "{thai:#?}");
    let buying = thai.iter().find(|line| line.trim_start().starts_with("act.buying ")).expect("act.buying");
    assert!(buying.ends_with("“ซื้อ” [sec_6__subsec_1] line 128  ·  “buying” [sec_6__subsec_1] line 85"), "{buying}");

    // The English of the Lao law was not found: the Lao words, and nothing said to be left out.
    let lao = block("LA-LAHT-2015 (en), translation of LA-LAHT-2015-orig (lo)");
    assert!(
        lao[0].starts_with("  the translation could not be read (the text of the instrument was not found; the corpus holds only its metadata): "),
        "{lao:#?}"
    );
    assert!(lao[1].starts_with("  cannot say (the translation could not be read: "), "{lao:#?}");

    // `--translation` prints the section alone; Markdown has a table per pair.
    let alone = stdout(&lexdef(directory.path(), &["report", "--translation"]));
    assert_eq!(alone, section, "the same section, alone");
    let markdown = stdout(&lexdef(directory.path(), &["report", "--translation", "--format", "md"]));
    assert!(markdown.starts_with("# Translations checked against their originals\n"), "{markdown}");
    assert!(markdown.contains("\n## VN-PENAL-2015 (en), translation of VN-PENAL-2015-orig (vi)\n"), "{markdown}");
    assert!(
        markdown.contains("| `act.recruitment` | agrees | “Tuyển mộ” `art_151__para_1__subpara_c` l. 43 | “Recruiting” `art_151__para_1__subpara_c` l. 71 |  |"),
        "{markdown}"
    );
    let full = stdout(&lexdef(directory.path(), &["report", "--format", "md"]));
    assert!(full.contains("\n## Translations checked against their originals\n"));
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&lexdef(directory.path(), &["report", "--format", "json"]))).expect("JSON");
    assert_eq!(json["translation"].as_array().map(Vec::len), Some(6));
    let html = stdout(&lexdef(directory.path(), &["report", "--format", "html"]));
    assert!(html.contains("<h2 id=\"translation\">Translations checked against their originals</h2>"));
    let both = lexdef(directory.path(), &["report", "--summary", "--translation"]);
    assert_eq!(both.status.code(), Some(2), "one part or the other");
}

/// A translation compared with its original also gets the translation check of the pair.
#[test]
fn comparing_a_translation_with_its_original_checks_the_pair() {
    let directory = scratch();
    let output = lexdef(directory.path(), &["compare", "VN-PENAL-2015", "--baseline", "VN-PENAL-2015-orig"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("\nTranslations checked against their originals (trafficking_in_persons): 1 pair, 1 agreeing on every element read\n\nVN-PENAL-2015 (en), translation of VN-PENAL-2015-orig (vi)\n"), "{text}");
    let palermo = stdout(&lexdef(directory.path(), &["compare", "VN-PENAL-2015"]));
    assert!(!palermo.contains("Translations checked"), "{palermo}");
    let thai = lexdef(directory.path(), &["compare", "TH-ATIPA-2008", "--baseline", "TH-ATIPA-2008-orig"]);
    assert_eq!(thai.status.code(), Some(0), "{}", stderr(&thai));
    assert!(stdout(&thai).contains("\nTH-ATIPA-2008 (en), translation of TH-ATIPA-2008-orig (th)\n  the translation and the original agree on every element read: "), "{}", stdout(&thai));
}

#[test]
fn the_law_at_a_date_traces_every_line_to_the_file_it_was_copied_from() {
    let directory = scratch();
    let output = lexdef(directory.path(), &["parse", "PH-RA9208-2003", "--at", "2023-01-01"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("    (a)  [sec_3__para_a] PH-RA11862-2022 line 68  (quoted)"), "{text}");
    assert!(text.contains("  SEC. 4-B.  Accomplice Liability  [sec_4-B] PH-RA10364-2012 line 118  (quoted)"), "{text}");
    assert!(
        text.contains("  as it stood on 2023-01-01: last amended by PH-RA11862-2022, 2022-06-23 (adopted)"),
        "{text}"
    );
    assert!(text.contains("  sec_3 substituted by PH-RA11862-2022 sec_3 (line 66): “SEC. 3. Section 3 of Republic Act No. 9208, as amended, is hereby further amended to read as follows:”"), "{text}");

    // The model at a date says where its words are printed.
    let output = lexdef(directory.path(), &["model", "PH-RA9208-2003", "--at", "2015-01-01"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.starts_with("PH-RA9208-2003 as it stood on 2015-01-01 (as amended by PH-RA10364-2012, 2013 (adopted))"),
        "{text}"
    );
    assert!(
        text.contains("act.obtaining                      “obtaining”  [sec_3__para_a] PH-RA10364-2012 line 95"),
        "{text}"
    );
}

#[test]
fn a_day_the_corpus_cannot_settle_or_a_badly_written_date_is_refused_plainly() {
    let directory = scratch();
    let output = lexdef(directory.path(), &["parse", "PH-RA9208-2003", "--at", "2013-05-01"]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.contains("PH-RA10364-2012 dates from 2013 (adopted), which the corpus does not give to the day"),
        "{message}"
    );
    assert!(message.contains("ask for a date before 2013-01-01 or after 2013-12-31"), "{message}");
    let output = lexdef(directory.path(), &["parse", "PH-RA9208-2003", "--at", "1/1/2015"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("`1/1/2015` is not a day: write it `YYYY-MM-DD`, e.g. `2015-01-01`"),
        "{}",
        stderr(&output)
    );
    // An undated amendment is named, not silently left out.
    let output = lexdef(directory.path(), &["parse", "MY-ATIPSOM-2007", "--at", "2024-01-01"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stderr(&output).contains(
        "note: MY-ATIPSOM-AMEND amends MY-ATIPSOM-2007 and its date is not in the corpus: its changes are not shown"
    ));
    assert!(stdout(&output).contains("as adopted: the corpus holds no amendment of it dated on or before 2024-01-01"));
}

#[test]
fn the_timeline_shows_what_each_amendment_changed_in_the_definition() {
    let directory = scratch();
    let output = lexdef(directory.path(), &["timeline", "PH-RA9208-2003"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    let obtaining = text.split("\n\n").find(|block| block.starts_with("act.obtaining\n")).expect("act.obtaining");
    assert!(obtaining.contains("v1 2013          appeared (not_found → present)"), "{obtaining}");
    assert!(
        obtaining.contains("by PH-RA10364-2012 sec_3 (line 93): printed as amended, without the amending words"),
        "{obtaining}"
    );
    assert!(obtaining.contains("“obtaining”  PH-RA10364-2012 line 95"), "{obtaining}");
    let output = lexdef(directory.path(), &["timeline", "MY-ATIPSOM-2007", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("valid JSON");
    assert_eq!(value["schema"], "lexdef-timeline/1");
    assert_eq!(value["unapplied"].as_array().map(Vec::len), Some(6));
    let output = lexdef(directory.path(), &["timeline", "PH-RA9208-2003", "--format", "csv"]);
    let csv = stdout(&output);
    assert!(csv.starts_with("instrument,item,kind,version,date,by,event,from,to,amending_instrument,"), "{csv}");
    assert!(csv.lines().any(|line| line.starts_with("PH-RA9208-2003,act.procuring,element,2,2022-06-23,PH-RA11862-2022,appeared,not_found,present,PH-RA11862-2022,sec_4,99,")), "{csv}");
}

#[test]
fn compare_and_report_at_a_date_read_the_law_as_it_stood() {
    let directory = scratch();
    // RA 9208 in 2015, as RA 10364 amended it, against the Protocol: "obtaining" is new.
    let output = lexdef(directory.path(), &["compare", "PH-RA9208-2003", "--at", "2015-01-01"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains("PH-RA9208-2003 also names act.obtaining (\"obtaining\"), which INTL-PALERMO-2000 does not"),
        "{text}"
    );
    // A gap of the consolidated text is named in the file the reader can open.
    assert!(text.contains("(PH-RA10364-2012 line 114)"), "{text}");
    let output = lexdef(directory.path(), &["compare", "PH-RA9208-2003"]);
    assert!(!stdout(&output).contains("act.obtaining"), "RA 9208 as adopted has no obtaining in the corpus text");

    // The corpus in 2010: RA 11862, ACTIP and the 2024 Vietnamese law are not yet made.
    let output = lexdef(directory.path(), &["report", "--at", "2010-01-01", "--summary"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.starts_with("As the corpus stood on 2010-01-01:"), "{text}");
    assert!(text.contains("\nPH-RA9208-2003 "), "{text}");
    for later in ["PH-RA11862-2022", "ASEAN-ACTIP-2015", "VN-LAW53-2024"] {
        assert!(!text.contains(later), "{later} in {text}");
    }
    let notes = stderr(&output);
    assert!(
        notes.contains("note: PH-RA11862-2022: left out: PH-RA11862-2022 dates from 2022-06-23, after that day"),
        "{notes}"
    );
}

#[test]
fn the_checklist_says_what_each_instrument_provides_with_the_words() {
    let directory = scratch();
    let output = lexdef(directory.path(), &["checklist", "INTL-PALERMO-2000"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    // The first screen: the instrument, how much it provides, and how much the corpus holds.
    let first: Vec<&str> = text.lines().take(24).collect();
    assert_eq!(
        first[0],
        "INTL-PALERMO-2000 — 11 of 16 items provided (the corpus holds its whole protection part, en)"
    );
    assert!(first.iter().any(|line| line.starts_with("  Non-punishment") && line.ends_with("not provided")), "{text}");
    assert!(text.contains("  Compensation                    provided (mandatory) — art_6__para_6 line"), "{text}");
    assert!(text.contains("\"remain in its territory\" art_7__para_1: discretionary (\"shall consider\")"), "{text}");

    // JSON, valid against the schema it names.
    let output = lexdef(directory.path(), &["checklist", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let value: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("valid JSON");
    assert_eq!(value["schema"], "lexdef-checklist/1");
    let schema: serde_json::Value = serde_json::from_str(lexdef::CHECKLIST_JSON_SCHEMA).expect("the schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
    let errors: Vec<String> =
        validator.iter_errors(&value).map(|error| format!("{error} at {}", error.instance_path)).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let instruments = value["instruments"].as_array().expect("instruments");
    assert_eq!(instruments.len(), lexdef::Corpus::bundled().len());
    // An instrument whose protection provisions the corpus does not hold says so, item by item.
    let brunei = instruments.iter().find(|each| each["instrument"] == "BN-ATIPO-2019").expect("Brunei's order");
    for item in brunei["items"].as_array().expect("items") {
        assert_eq!(item["state"], "not_found", "{item}");
        assert_eq!(item["cause"]["kind"], "no_protection_text", "{item}");
    }

    // CSV: a row per instrument and item.
    let output =
        lexdef(directory.path(), &["checklist", "TH-ATIPA-2008-orig", "--format", "csv", "--item", "non_punishment"]);
    let csv = stdout(&output);
    assert!(csv.starts_with("instrument,item,state,obligation,evidence_count,eid,line,words,reason\n"), "{csv}");
    assert!(csv.contains("TH-ATIPA-2008-orig,protection.non_punishment,provided,mandatory,1,sec_41,"), "{csv}");

    // A typo in an item is named, with the item meant.
    let output = lexdef(directory.path(), &["checklist", "--item", "sheltr"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("error: `sheltr` is no checklist item (did you mean `protection.shelter`?)"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn compare_with_the_protection_concept_sets_a_checklist_against_a_baseline() {
    let directory = scratch();
    let output =
        lexdef(directory.path(), &["compare", "INTL-PALERMO-2000", "--concept", "protection", "--baseline", "coe"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.starts_with("Protection: INTL-PALERMO-2000 against COE-CATHB-2005 (16 items)\n"), "{text}");
    // The Protocol has no non-punishment clause; the Council of Europe Convention's Art 26 is one.
    assert!(
        text.contains("Non-punishment: INTL-PALERMO-2000 lacks it: COE-CATHB-2005 provides it (mandatory)"),
        "{text}"
    );
    assert!(text.contains("  COE-CATHB-2005: art_26 line"), "{text}");
    let output = lexdef(
        directory.path(),
        &["compare", "INTL-PALERMO-2000", "--concept", "protection", "--baseline", "coe", "--format", "json"],
    );
    let value: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("valid JSON");
    assert_eq!(value["schema"], "lexdef-checklist-comparison/1");
    let verdict = |id: &str| {
        value["items"]
            .as_array()
            .expect("items")
            .iter()
            .find(|item| item["id"] == id)
            .map(|item| item["verdict"].clone())
    };
    assert_eq!(verdict("protection.non_punishment"), Some(serde_json::json!("lacks")));
    assert_eq!(verdict("protection.residence_permit"), Some(serde_json::json!("weaker")));
}

/// JSON to a pipe is compact, one line; `--pretty` indents it; both hold the same values with
/// the keys in the same order (the compact bytes are exactly serde's compact writing of the
/// indented text), for the outputs written by the CLI and those the core renders.
#[test]
fn json_is_compact_in_a_pipe_and_indented_with_pretty() {
    let directory = scratch();
    for arguments in [
        &["parse", "INTL-PALERMO-2000", "--format", "json"][..],
        &["model", "SG-PHTA-2014", "--format", "json"],
        &["definitions", "SG-PHTA-2014", "--format", "json"],
        &["compare", "TH-ATIPA-2008", "--format", "json"],
        &["timeline", "MY-ATIPSOM-2007", "--format", "json"],
    ] {
        let compact = lexdef(directory.path(), arguments);
        assert_eq!(compact.status.code(), Some(0), "{arguments:?}: {}", stderr(&compact));
        let compact = stdout(&compact);
        assert_eq!(compact.lines().count(), 1, "{arguments:?}: one line");
        assert!(compact.ends_with("}\n"), "{arguments:?}");
        let pretty = lexdef(directory.path(), &[arguments, &["--pretty"]].concat());
        let pretty = stdout(&pretty);
        assert!(pretty.starts_with("{\n  \""), "{arguments:?}: indented with --pretty");
        let value: serde_json::Value = serde_json::from_str(&pretty).expect("JSON");
        assert_eq!(serde_json::from_str::<serde_json::Value>(&compact).expect("JSON"), value, "{arguments:?}");
        assert_eq!(compact, without_layout(&pretty), "{arguments:?}: the same keys in the same order");
    }
}

/// JSON text without the whitespace between its tokens (what serde writes compactly), with a
/// final newline.
fn without_layout(json: &str) -> String {
    let (mut out, mut in_string, mut escaped) = (String::new(), false, false);
    for character in json.chars() {
        if in_string {
            (escaped, in_string) = (!escaped && character == '\\', escaped || character != '"');
        } else if character == '"' {
            in_string = true;
        } else if character.is_whitespace() {
            continue;
        }
        out.push(character);
    }
    out + "\n"
}

/// A corpus directory copied from the bundled files, with a file that is not text among them.
fn small_corpus(directory: &Path, ids: &[&str]) -> std::path::PathBuf {
    let instruments = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/instruments");
    let corpus = directory.join("mine");
    std::fs::create_dir_all(&corpus).expect("mkdir");
    for id in ids {
        std::fs::copy(instruments.join(format!("{id}.txt")), corpus.join(format!("{id}.txt"))).expect("copy");
    }
    std::fs::write(corpus.join("BROKEN.txt"), b"\xff\xfe not text").expect("write");
    corpus
}

/// `--format jsonl` over a corpus: one line per instrument in file-name order, each line byte
/// for byte what `--format json` gives for that file alone (compact); a file that cannot be
/// read is reported on stderr by name and the others still come (exit code 2).
#[test]
fn jsonl_streams_one_instrument_a_line_as_json_gives_each() {
    let directory = scratch();
    let ids = ["INTL-PALERMO-2000", "PH-RA9208-2003", "SG-PHTA-2014"];
    let corpus = small_corpus(directory.path(), &ids);
    for command in ["parse", "model"] {
        let output = lexdef(directory.path(), &[command, "--corpus", "mine", "--format", "jsonl"]);
        assert_eq!(output.status.code(), Some(2), "{command}: {}", stderr(&output));
        assert!(stderr(&output).contains("BROKEN.txt"), "{command}: {}", stderr(&output));
        let text = stdout(&output);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), ids.len(), "{command}: one line per instrument");
        for (line, id) in lines.iter().zip(ids) {
            // Named as the corpus names it (the outline's `file`).
            assert!(corpus.join(format!("{id}.txt")).is_file());
            let file = &format!("mine/{id}.txt");
            let alone = lexdef(directory.path(), &[command, file, "--format", "json"]);
            assert_eq!(format!("{line}\n"), stdout(&alone), "{command} {id}");
            let one = lexdef(directory.path(), &[command, file, "--format", "jsonl"]);
            assert_eq!(stdout(&one), stdout(&alone), "{command} {id}: a target's line");
        }
    }
    // The bundled corpus, with no directory: every instrument, and the same models as the list.
    let streamed = lexdef(directory.path(), &["model", "--format", "jsonl"]);
    assert_eq!(streamed.status.code(), Some(0), "{}", stderr(&streamed));
    let listed = lexdef(directory.path(), &["model", "--format", "json"]);
    let listed: serde_json::Value = serde_json::from_str(&stdout(&listed)).expect("JSON");
    let streamed: Vec<serde_json::Value> =
        stdout(&streamed).lines().map(|line| serde_json::from_str(line).expect("a JSON line")).collect();
    assert_eq!(streamed.len(), lexdef::Corpus::bundled().len());
    assert_eq!(serde_json::Value::Array(streamed), listed);
    let parsed = lexdef(directory.path(), &["parse", "--format", "jsonl"]);
    assert_eq!(stdout(&parsed).lines().count(), lexdef::Corpus::bundled().len());
    // A date or an excerpt belongs to a target.
    let refused = lexdef(directory.path(), &["model", "--at", "2015-01-01"]);
    assert_eq!(refused.status.code(), Some(2));
}
