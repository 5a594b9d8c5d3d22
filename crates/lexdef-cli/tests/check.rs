//! `lexdef check` on the curated corpus and on copies of it with one deliberate change each:
//! every change yields exactly the expected findings (rule, message, file:line:column) and
//! exit code; every output format is validated (JSON and SARIF against their schemas, JUnit
//! against its XSD with xmllint); `--update` rewrites the expected divergences atomically.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

mod support;

use support::lexdef;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("output is UTF-8")
}

fn copy_directory(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read the corpus") {
        let entry = entry.expect("an entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("a file type").is_dir() {
            copy_directory(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// A scratch directory holding a copy of the curated corpus as `corpus/`.
fn corpus_copy() -> tempfile::TempDir {
    let directory = tempfile::tempdir().expect("a temporary directory");
    copy_directory(&workspace().join("corpus"), &directory.path().join("corpus"));
    directory
}

/// Replace `from` by `to` on 1-based `line` of a file of the copy (the change must apply).
fn edit_line(directory: &Path, file: &str, line: usize, from: &[u8], to: &[u8]) {
    let path = directory.join(file);
    let bytes = std::fs::read(&path).expect("read");
    let mut lines: Vec<Vec<u8>> = bytes.split(|&byte| byte == b'\n').map(<[u8]>::to_vec).collect();
    let target = &mut lines[line - 1];
    let at = target.windows(from.len()).position(|window| window == from).unwrap_or_else(|| {
        panic!("{file}:{line} does not hold {:?}: {:?}", String::from_utf8_lossy(from), String::from_utf8_lossy(target))
    });
    target.splice(at..at + from.len(), to.iter().copied());
    std::fs::write(&path, lines.join(&b'\n')).expect("write");
}

/// `(rule, severity, file:line:column, message)` of every finding, from `--format json`.
type Row = (String, String, String, String);

fn findings(directory: &Path, extra: &[&str]) -> (i32, BTreeSet<Row>, serde_json::Value) {
    let mut arguments = vec!["check", "corpus", "--format", "json"];
    arguments.extend(extra);
    let output = lexdef(directory, &arguments);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|error| panic!("JSON on stdout ({error}): {}", text(&output.stderr)));
    let rows = json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|finding| {
            let location = &finding["location"];
            (
                finding["rule"].as_str().expect("rule").to_owned(),
                finding["severity"].as_str().expect("severity").to_owned(),
                format!("{}:{}:{}", location["file"].as_str().expect("file"), location["line"], location["column"]),
                finding["message"].as_str().expect("message").to_owned(),
            )
        })
        .collect();
    (output.status.code().expect("an exit code"), rows, json)
}

/// The findings of a changed copy that the unchanged corpus does not have.
fn new_findings(directory: &Path) -> (i32, Vec<Row>) {
    let clean = corpus_copy();
    let (_, before, _) = findings(clean.path(), &[]);
    let (code, after, _) = findings(directory, &[]);
    (code, after.difference(&before).cloned().collect())
}

fn row(rule: &str, severity: &str, place: &str, message: &str) -> Row {
    (rule.to_owned(), severity.to_owned(), place.to_owned(), message.to_owned())
}

#[test]
fn the_curated_corpus_is_clean() {
    let directory = corpus_copy();
    let (code, rows, json) = findings(directory.path(), &[]);
    let errors: Vec<&Row> = rows.iter().filter(|row| row.1 == "error").collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(code, 0);
    // What the warnings are: the two preamble-only ASEAN texts, and the policy warnings of
    // real divergences (and of rules the partial texts cannot settle).
    let rules: BTreeSet<&str> = rows.iter().map(|row| row.0.as_str()).collect();
    assert_eq!(
        rules,
        BTreeSet::from(["parse", "policy.abuse-of-vulnerability", "policy.child-age-18", "policy.non-punishment"])
    );
    assert!(rows.contains(&row(
        "policy.child-age-18",
        "warning",
        "corpus/instruments/MM-ATIPL-2005.txt:82:34",
        "child_age is 16, where the rule requires 18"
    )));
    // Every instrument was checked by every built-in rule that applies to it.
    let cases = json["cases"].as_array().expect("cases");
    for rule in ["load.metadata", "annotation.agreement", "snapshot", "metadata.sources"] {
        let count = cases.iter().filter(|case| case["rule"] == rule).count();
        assert!(count >= 30, "{rule}: {count} cases");
    }
    // With --fail-on warning the same findings fail the check.
    let strict = lexdef(directory.path(), &["check", "corpus", "--fail-on", "warning"]);
    assert_eq!(strict.status.code(), Some(1));
}

#[test]
fn a_removed_element_is_an_annotation_disagreement_and_a_changed_divergence() {
    let directory = corpus_copy();
    // Fraud leaves s 3(1) of the Singapore Act (the only provision that names it: the child
    // offence of s 3(2) names the acts again, so an act would still be read there).
    edit_line(
        directory.path(),
        "corpus/instruments/SG-PHTA-2014.txt",
        110,
        b"(c) fraud or deception;",
        b"(c) deception;",
    );
    let (code, rows) = new_findings(directory.path());
    assert_eq!(code, 1);
    assert_eq!(
        rows,
        vec![
            row(
                "annotation.agreement",
                "error",
                "corpus/annotations/SG-PHTA-2014.toml:163:6",
                "means.fraud (\"fraud\" [sec_3__subsec_1__para_c]) not found"
            ),
            // The Act is partial (s 2 after "premises" was not seen): the definition's silence
            // is said at the definition's level, uncertain.
            row(
                "snapshot",
                "error",
                "corpus/expected/divergences.json:217:1",
                "SG-PHTA-2014 means.fraud: a new finding, not expected: missing_element (narrower, medium, uncertain; subject \"not_found\", baseline \"present\") — the definition in `sec_3__subsec_1` of SG-PHTA-2014 does not name the means means.fraud that INTL-PALERMO-2000 names; the rest of the instrument was not seen"
            ),
        ]
    );
}

#[test]
fn a_wrong_age_breaks_the_annotation_the_policy_rule_and_the_snapshot_at_the_words() {
    let directory = corpus_copy();
    edit_line(directory.path(), "corpus/instruments/SG-PHTA-2014.txt", 72, b"age of 18 years", b"age of 16 years");
    let (code, rows) = new_findings(directory.path());
    assert_eq!(code, 1);
    let place = "corpus/instruments/SG-PHTA-2014.txt:72:29";
    assert_eq!(
        rows,
        vec![
            row(
                "annotation.agreement",
                "error",
                place,
                "child_age is 16 (annotated 18 \"below the age of 18 years\" [sec_2__def_child])"
            ),
            row("policy.child-age-18", "warning", place, "child_age is 16, where the rule requires 18"),
            row(
                "snapshot",
                "error",
                place,
                "SG-PHTA-2014 child_age: a new finding, not expected: qualifier_mismatch (narrower, high, certain; subject 16, baseline 18) “below the age of 16” [sec_2__def_child] — child_age: SG-PHTA-2014 has 16, INTL-PALERMO-2000 has 18"
            ),
        ]
    );
    // The human rendering: compiler-style, the law's line quoted, the words marked.
    let output = lexdef(directory.path(), &["check", "corpus"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty(), "human findings go to stderr");
    let stderr = text(&output.stderr);
    let start = stderr.find("error[annotation.agreement]: SG-PHTA-2014").expect("the annotation finding");
    let mut shown: String = stderr[start..].split("\n\n").take(1).collect();
    let policy = stderr.find("warning[policy.child-age-18]: SG-PHTA-2014").expect("the policy finding");
    shown.push_str("\n\n");
    shown.push_str(stderr[policy..].split("\n\n").next().expect("a block"));
    shown.push_str("\n\n");
    shown.push_str(stderr.lines().last().expect("a summary"));
    insta::assert_snapshot!("check_wrong_age_human", shown);
}

#[test]
fn a_broken_relation_is_located_at_its_target() {
    let directory = corpus_copy();
    edit_line(directory.path(), "corpus/instruments/SG-PHTA-2014.txt", 50, b"SG-PHTA-2014-RE2020", b"SG-PHTA-2099");
    let (code, rows) = new_findings(directory.path());
    assert_eq!(code, 1);
    assert_eq!(
        rows,
        vec![
            row(
                "corpus.relations",
                "error",
                "corpus/instruments/SG-PHTA-2014.txt:50:10",
                "relation `revised_edition` points at `SG-PHTA-2099`, which is not in the corpus"
            ),
            row(
                "corpus.relations",
                "warning",
                "corpus/instruments/SG-PHTA-2014-RE2020.txt:47:10",
                "`SG-PHTA-2014-RE2020` revised_edition_of `SG-PHTA-2014`, but `SG-PHTA-2014` does not record `revised_edition` `SG-PHTA-2014-RE2020`"
            ),
        ]
    );
}

#[test]
fn malformed_metadata_is_one_finding_and_the_rest_of_the_corpus_is_checked() {
    let directory = corpus_copy();
    edit_line(directory.path(), "corpus/instruments/TH-ATIPA-2008.txt", 7, b"kind = \"act\"", b"kind = \"statute\"");
    let (code, rows) = new_findings(directory.path());
    assert_eq!(code, 1);
    assert_eq!(
        rows,
        vec![row(
            "load.metadata",
            "error",
            "corpus/instruments/TH-ATIPA-2008.txt:7:8",
            "metadata field `kind`: unknown variant `statute`, expected one of `treaty`, `convention`, `declaration`, `act`, `amending-act`, `code`, `bill`, `order`, `revised-edition`"
        )]
    );
    // The instrument's dependants (its translation's relation, its annotation, its expected
    // divergences, the policy rules naming it) are not reported again.
}

#[test]
fn an_invalid_utf8_byte_is_located_by_line_and_column() {
    let directory = corpus_copy();
    edit_line(directory.path(), "corpus/instruments/TH-ATIPA-2008.txt", 82, b"Section 6", b"Sec\xfftion 6");
    let (code, rows) = new_findings(directory.path());
    assert_eq!(code, 1);
    assert_eq!(rows.len(), 1, "{rows:#?}");
    let (rule, severity, place, message) = &rows[0];
    assert_eq!(
        (rule.as_str(), severity.as_str(), place.as_str()),
        ("load.encoding", "error", "corpus/instruments/TH-ATIPA-2008.txt:82:4")
    );
    assert!(message.starts_with("invalid UTF-8 at byte ") && message.contains("(0xff)"), "{message}");
}

#[test]
fn metadata_values_are_checked_beyond_what_loading_refuses() {
    let directory = corpus_copy();
    let file = "corpus/instruments/SG-PHTA-2014.txt";
    edit_line(directory.path(), file, 32, b"url = \"https://en.m.wikisource.org/", b"url = \"en.m.wikisource.org/");
    let language = std::fs::read_to_string(directory.path().join(file)).expect("read");
    let code_line = language.lines().position(|line| line == "code = \"en\"").expect("a language code") + 1;
    edit_line(directory.path(), file, code_line, b"\"en\"", b"\"english\"");
    let (code, rows) = new_findings(directory.path());
    assert_eq!(code, 1);
    let shown: Vec<(&str, &str)> = rows.iter().map(|row| (row.0.as_str(), row.2.as_str())).collect();
    assert!(shown.contains(&("metadata.sources", "corpus/instruments/SG-PHTA-2014.txt:32:7")), "{rows:#?}");
    assert!(
        shown.contains(&("metadata.language", format!("corpus/instruments/SG-PHTA-2014.txt:{code_line}:8").as_str())),
        "{rows:#?}"
    );
    let url = rows.iter().find(|row| row.0 == "metadata.sources").expect("the URL finding");
    assert!(url.3.ends_with("which is not an http(s) URL"), "{}", url.3);
    let language = rows.iter().find(|row| row.0 == "metadata.language").expect("the language finding");
    assert_eq!(language.3, "`language.code` is `english`, which is not an ISO 639-1 code (expected two lower-case letters such as `en`, `th`, `vi`)");
    // The language also decides whether the lexicon can read the text: the model is gone,
    // and with it the agreement with the annotation; those findings follow from the change.
    assert!(rows.iter().all(|row| row.1 == "error" || row.0.starts_with("policy.")), "{rows:#?}");
}

#[test]
fn an_accepted_difference_that_no_longer_occurs_is_stale() {
    let directory = corpus_copy();
    let path = directory.path().join("corpus/annotation-differences.txt");
    let mut accepted = std::fs::read_to_string(&path).expect("read");
    accepted.push_str("SG-PHTA-2014: act.buying found (\"buys\" [sec_3]) but not annotated # invented for the test\n");
    accepted.push_str("SG-PHTA-2014: no reason given\n");
    std::fs::write(&path, &accepted).expect("write");
    let lines = accepted.lines().count();
    let (code, rows) = new_findings(directory.path());
    assert_eq!(code, 1);
    assert_eq!(
        rows,
        vec![
            row(
                "annotation.accepted",
                "error",
                &format!("corpus/annotation-differences.txt:{}:1", lines - 1),
                "this accepted difference no longer occurs: remove it (or find out what changed)"
            ),
            row(
                "annotation.accepted",
                "error",
                &format!("corpus/annotation-differences.txt:{lines}:1"),
                "an accepted difference needs a reason: write `difference # why it is right`"
            ),
        ]
    );
}

#[test]
fn a_malformed_rules_file_is_located_and_the_other_rules_still_run() {
    let directory = corpus_copy();
    let path = directory.path().join("corpus/lexdef-check.toml");
    let rules = std::fs::read_to_string(&path).expect("read");
    let rules = rules.replacen(
        "elements = [\"means.abuse_of_vulnerability\"]",
        "elements = [\"means.abuse_of_vulnerabilty\"]",
        1,
    );
    let rules = rules + "\n[[rules]]\nid = \"nothing\"\ndescription = \"checks nothing\"\nseverity = \"error\"\ninstruments = [\"XX-NONE\"]\n";
    std::fs::write(&path, &rules).expect("write");
    let element_line = rules.lines().position(|line| line.contains("vulnerabilty")).expect("the typo") + 1;
    let id_line = rules.lines().position(|line| line == "id = \"nothing\"").expect("the new rule") + 1;
    let (code, rows) = new_findings(directory.path());
    assert_eq!(code, 1);
    let mut config: Vec<&Row> = rows.iter().filter(|row| row.0 == "rules.config").collect();
    config.sort_by_key(|row| row.2.rsplit(':').nth(1).and_then(|line| line.parse::<usize>().ok()));
    assert_eq!(
        config,
        vec![
            &row(
                "rules.config",
                "error",
                &format!("corpus/lexdef-check.toml:{element_line}:13"),
                "unknown element `means.abuse_of_vulnerabilty`; element ids are the lexicon's, e.g. `means.abuse_of_vulnerability`"
            ),
            &row(
                "rules.config",
                "error",
                &format!("corpus/lexdef-check.toml:{id_line}:6"),
                "rule `nothing` requires nothing: give it `elements`, `qualifiers`, `defines` or `protections`"
            ),
            &row(
                "rules.config",
                "error",
                &format!("corpus/lexdef-check.toml:{}:16", id_line + 3),
                "no instrument `XX-NONE` in the corpus"
            ),
        ]
    );
    // The rule with the typo did not run; the child-age rule still did.
    let (_, all, _) = findings(directory.path(), &[]);
    assert!(all.iter().any(|row| row.0 == "policy.child-age-18"));
    assert!(!all.iter().any(|row| row.0 == "policy.abuse-of-vulnerability"));

    std::fs::write(&path, "version = 1\n[[rules]\n").expect("write");
    let (_, rows) = new_findings(directory.path());
    let syntax: Vec<&Row> = rows.iter().filter(|row| row.0 == "rules.config").collect();
    assert_eq!(syntax.len(), 1, "{rows:#?}");
    assert!(syntax[0].2.starts_with("corpus/lexdef-check.toml:2:"), "{:?}", syntax[0]);
}

#[test]
fn qualifiers_are_checked_by_name_and_value_in_rules_and_annotations() {
    let directory = corpus_copy();
    let path = directory.path().join("corpus/lexdef-check.toml");
    let rules = std::fs::read_to_string(&path).expect("read")
        + "\n[[rules]]\nid = \"qualifier-typos\"\ndescription = \"no such qualifier, no such values\"\nseverity = \"error\"\ninstruments = [\"INTL-PALERMO-2000\"]\n\n[rules.qualifiers]\nchild_ages = 18\nvictim_scope = \"everyone\"\nexploitation_list = true\nconsent_irrelevant = \"yes\"\n"
        // Every value the model can give is one a rule can require, `children` too.
        + "\n[[rules]]\nid = \"children-only\"\ndescription = \"protects children only\"\nseverity = \"warning\"\ninstruments = [\"INTL-PALERMO-2000\"]\n\n[rules.qualifiers]\nvictim_scope = \"children\"\n";
    std::fs::write(&path, &rules).expect("write");
    let rules_line = |text: &str| rules.lines().position(|line| line == text).expect("a rule line") + 1;
    let annotation = directory.path().join("corpus/annotations/SG-PHTA-2014.toml");
    let coded = std::fs::read_to_string(&annotation).expect("read").replacen(
        "[definitions.qualifiers.victim_scope]",
        "[definitions.qualifiers.victim_scopes]\nvalue = \"all_persons\"\nbasis = \"a name that is no qualifier's\"\n\n[definitions.qualifiers.victim_scope]",
        1,
    );
    let coded = coded.replacen(
        "[definitions.qualifiers.exploitation_list]\nvalue = \"closed\"",
        "[definitions.qualifiers.exploitation_list]\nvalue = \"shut\"",
        1,
    );
    std::fs::write(&annotation, &coded).expect("write");
    let unknown_name = coded.lines().position(|line| line.ends_with("victim_scopes]")).expect("the new name") + 2;
    let (code, rows) = new_findings(directory.path());
    assert_eq!(code, 1);
    let config = |text: &str, column: usize, message: &str| {
        row("rules.config", "error", &format!("corpus/lexdef-check.toml:{}:{column}", rules_line(text)), message)
    };
    let mut expected = vec![
        row(
            "annotation.agreement",
            "error",
            &format!("corpus/annotations/SG-PHTA-2014.toml:{unknown_name}:9"),
            "victim_scopes not read (annotated all_persons)",
        ),
        row(
            "annotation.agreement",
            "error",
            "corpus/instruments/SG-PHTA-2014.txt:89:16",
            "exploitation_list is closed (annotated shut \"means sexual exploitation\" [sec_2__def_exploitation])",
        ),
        row(
            "policy.children-only",
            "warning",
            "corpus/instruments/INTL-PALERMO-2000.txt:84:109",
            "victim_scope is all_persons, where the rule requires children",
        ),
        config(
            "child_ages = 18",
            14,
            "`child_ages` is not a qualifier of trafficking_in_persons; its qualifiers are: child_age, consent_irrelevant, exploitation_list, means_required_for_children, transnational_required, victim_scope",
        ),
        config(
            "victim_scope = \"everyone\"",
            16,
            "`victim_scope = everyone` is not a value it can have: expected one of `\"all_persons\"`, `\"women_and_children\"`, `\"children\"`",
        ),
        config(
            "exploitation_list = true",
            21,
            "`exploitation_list = true` is not a value it can have: expected one of `\"open\"`, `\"closed\"`",
        ),
        config(
            "consent_irrelevant = \"yes\"",
            22,
            "`consent_irrelevant = yes` is not a value it can have: expected `true` or `false`",
        ),
    ];
    expected.sort();
    assert_eq!(rows, expected);
}

#[test]
fn update_rewrites_the_expected_divergences_and_then_the_check_is_clean_of_them() {
    let directory = corpus_copy();
    edit_line(directory.path(), "corpus/instruments/SG-PHTA-2014.txt", 72, b"age of 18 years", b"age of 16 years");
    let expected = directory.path().join("corpus/expected/divergences.json");
    let before = std::fs::read_to_string(&expected).expect("read");
    let output = lexdef(directory.path(), &["check", "corpus", "--update"]);
    assert_eq!(output.status.code(), Some(1), "the annotation still disagrees: {}", text(&output.stderr));
    assert!(text(&output.stderr).starts_with("updated corpus/expected/divergences.json\n"), "{}", text(&output.stderr));
    let after = std::fs::read_to_string(&expected).expect("read");
    assert_ne!(before, after);
    let changed: Vec<&str> = after.lines().filter(|line| !before.lines().any(|old| old == *line)).collect();
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert!(changed[0].starts_with("      \"child_age\": {\"kind\":\"qualifier_mismatch\""), "{}", changed[0]);
    assert!(changed[0].contains("\"subject\":16,\"baseline\":18"), "{}", changed[0]);
    let leftovers: Vec<_> = std::fs::read_dir(expected.parent().expect("a directory"))
        .expect("read")
        .map(|entry| entry.expect("entry").file_name())
        .collect();
    assert_eq!(leftovers, vec![std::ffi::OsString::from("divergences.json")], "no temporary file is left");
    let (_, rows, _) = findings(directory.path(), &[]);
    assert!(!rows.iter().any(|row| row.0 == "snapshot"), "{rows:#?}");
    // An update of an up-to-date snapshot writes nothing.
    let again = lexdef(directory.path(), &["check", "corpus", "--update"]);
    assert!(!text(&again.stderr).contains("updated "), "{}", text(&again.stderr));
    // A snapshot that is not JSON is a located finding, and --update repairs it.
    std::fs::write(&expected, "{\n  \"schema\": \"lexdef-expected/1\",\n  oops\n}\n").expect("write");
    let (code, rows, _) = findings(directory.path(), &[]);
    assert_eq!(code, 1);
    let broken: Vec<&Row> = rows.iter().filter(|row| row.0 == "snapshot").collect();
    assert_eq!(broken.len(), 1);
    assert!(broken[0].2 == "corpus/expected/divergences.json:3:3", "{:?}", broken[0]);
    assert_eq!(lexdef(directory.path(), &["check", "corpus", "--update"]).status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&expected).expect("read"), after);
}

#[test]
fn usage_and_io_errors_exit_2() {
    let directory = corpus_copy();
    let missing = lexdef(directory.path(), &["check", "no-such-corpus"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        text(&missing.stderr).starts_with("error: no-such-corpus: cannot read: not a directory"),
        "{}",
        text(&missing.stderr)
    );
    let rules = lexdef(directory.path(), &["check", "corpus", "--rules", "missing.toml"]);
    assert_eq!(rules.status.code(), Some(2));
    assert!(text(&rules.stderr).starts_with("error: missing.toml: cannot read:"), "{}", text(&rules.stderr));
    assert_eq!(lexdef(directory.path(), &["check", "corpus", "--format", "yaml"]).status.code(), Some(2));
    assert_eq!(lexdef(directory.path(), &["check", "corpus", "--fail-on", "info"]).status.code(), Some(2));
}

/// A copy with an error and a warning of its own, so every format has failures to render.
fn broken_copy() -> tempfile::TempDir {
    let directory = corpus_copy();
    edit_line(directory.path(), "corpus/instruments/SG-PHTA-2014.txt", 72, b"age of 18 years", b"age of 16 years");
    directory
}

#[test]
fn json_output_follows_its_schema() {
    let schema: serde_json::Value = serde_json::from_str(lexdef::CHECK_JSON_SCHEMA).expect("the check schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
    for directory in [corpus_copy(), broken_copy()] {
        let (_, rows, json) = findings(directory.path(), &[]);
        let errors: Vec<String> =
            validator.iter_errors(&json).map(|error| format!("{error} at {}", error.instance_path)).collect();
        assert!(errors.is_empty(), "{errors:#?}");
        assert_eq!(
            json["counts"]["warnings"].as_u64(),
            Some(rows.iter().filter(|row| row.1 == "warning").count() as u64)
        );
    }
}

#[test]
fn sarif_output_is_valid_sarif_2_1_0() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/schemas/sarif-schema-2.1.0.json"))
            .expect("the SARIF schema"),
    )
    .expect("JSON");
    let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
    let directory = broken_copy();
    let output = lexdef(directory.path(), &["check", "corpus", "--format", "sarif"]);
    assert_eq!(output.status.code(), Some(1));
    let log: serde_json::Value = serde_json::from_slice(&output.stdout).expect("SARIF is JSON");
    let errors: Vec<String> =
        validator.iter_errors(&log).map(|error| format!("{error} at {}", error.instance_path)).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    let results = run["results"].as_array().expect("results");
    let age = results
        .iter()
        .find(|result| {
            result["ruleId"] == "policy.child-age-18" && result["properties"]["instrument"] == "SG-PHTA-2014"
        })
        .expect("the policy finding");
    assert_eq!(age["level"], "warning");
    let region = &age["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64(), region["endColumn"].as_u64()),
        (Some(72), Some(29), Some(48))
    );
    assert_eq!(
        age["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "corpus/instruments/SG-PHTA-2014.txt"
    );
    assert_eq!(rules[age["ruleIndex"].as_u64().expect("an index") as usize]["id"], "policy.child-age-18");
    assert_eq!(run["columnKind"], "unicodeCodePoints");
}

#[test]
fn junit_output_is_valid_against_the_junit_xsd() {
    let directory = broken_copy();
    let output = lexdef(directory.path(), &["check", "corpus", "--format", "junit"]);
    assert_eq!(output.status.code(), Some(1));
    let xml = text(&output.stdout);
    let file = directory.path().join("check.xml");
    std::fs::write(&file, &xml).expect("write");
    let xsd = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/schemas/junit-10.xsd");
    // xmllint is Debian's libxml2-utils, which tests/run-all.sh installs: without it this
    // test fails (a validation that silently skips would be no validation).
    let validated = Command::new("xmllint")
        .args(["--noout", "--schema"])
        .arg(&xsd)
        .arg(&file)
        .output()
        .expect("xmllint runs (apt-get install libxml2-utils; tests/run-all.sh installs it)");
    assert!(validated.status.success(), "{}", text(&validated.stderr));
    // One test case per instrument and rule.
    assert!(
        xml.contains("<testsuite name=\"policy.child-age-18\" tests=\"13\" failures=\"0\""),
        "warnings do not fail at --fail-on error"
    );
    assert!(xml.contains("<testcase name=\"SG-PHTA-2014\" classname=\"annotation.agreement\">\n      <failure type=\"annotation.agreement\""));
    assert!(xml.contains("<testcase name=\"PH-RA9208-2003\" classname=\"snapshot\"/>"));
    let strict =
        text(&lexdef(directory.path(), &["check", "corpus", "--format", "junit", "--fail-on", "warning"]).stdout);
    assert!(
        strict.contains("<testsuite name=\"policy.child-age-18\" tests=\"13\" failures=\"8\""),
        "{}",
        &strict[..400]
    );
}

#[test]
fn github_annotations_name_file_line_and_column() {
    let directory = broken_copy();
    let output = lexdef(directory.path(), &["check", "corpus", "--format", "github"]);
    assert_eq!(output.status.code(), Some(1));
    let annotations = text(&output.stdout);
    assert!(annotations.lines().all(|line| line.starts_with("::error file=") || line.starts_with("::warning file=")));
    let age = annotations
        .lines()
        .find(|line| line.contains("title=lexdef check%3A policy.child-age-18") && line.contains("SG-PHTA-2014.txt"))
        .expect("the policy finding");
    assert_eq!(
        age,
        "::warning file=corpus/instruments/SG-PHTA-2014.txt,line=72,col=29,endColumn=48,title=lexdef check%3A policy.child-age-18::child_age is 16, where the rule requires 18"
    );
    let (_, rows, _) = findings(directory.path(), &[]);
    assert_eq!(annotations.lines().count(), rows.len());
    // A multi-line message keeps its lines as %0A.
    assert!(annotations.lines().any(|line| line.contains("%0Aa parser regression")), "{annotations}");
}

/// `lexdef check --update` killed while it writes the new snapshot: the file size limit
/// (`ulimit -f`, 1 KiB) makes the kernel stop the process with SIGXFSZ in the middle of
/// writing the temporary file, which is exactly the moment an update can be lost. Then
/// SIGKILL at several delays. After each, the snapshot is the old one, byte for byte, or
/// (once the rename happened) the whole new one; a later update completes.
#[test]
fn an_interrupted_update_leaves_the_old_snapshot_intact() {
    use std::os::unix::process::ExitStatusExt;
    let directory = corpus_copy();
    edit_line(directory.path(), "corpus/instruments/SG-PHTA-2014.txt", 72, b"age of 18 years", b"age of 16 years");
    let expected = directory.path().join("corpus/expected/divergences.json");
    let old = std::fs::read(&expected).expect("read");
    assert!(old.len() > 4 * 1024, "the snapshot is bigger than the limit, so the write is cut");
    let binary = env!("CARGO_BIN_EXE_lexdef");
    let limited = Command::new("bash")
        .args(["-c", "ulimit -f 1 && exec \"$0\" check corpus --update", binary])
        .current_dir(directory.path())
        .env("NO_COLOR", "1")
        .output()
        .expect("bash runs");
    assert_eq!(limited.status.signal(), Some(25), "killed by SIGXFSZ while writing: {:?}", limited.status);
    assert_eq!(std::fs::read(&expected).expect("read"), old, "the old snapshot is intact");
    let temporary: Vec<String> = std::fs::read_dir(expected.parent().expect("a directory"))
        .expect("read")
        .map(|entry| entry.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name != "divergences.json")
        .collect();
    assert_eq!(temporary.len(), 1, "the cut write was to a temporary file: {temporary:?}");
    assert!(temporary[0].starts_with(".divergences.json.") && temporary[0].ends_with(".tmp"), "{temporary:?}");

    // What the finished update writes, from another copy.
    let reference = corpus_copy();
    edit_line(reference.path(), "corpus/instruments/SG-PHTA-2014.txt", 72, b"age of 18 years", b"age of 16 years");
    assert_eq!(lexdef(reference.path(), &["check", "corpus", "--update"]).status.code(), Some(1));
    let new = std::fs::read(reference.path().join("corpus/expected/divergences.json")).expect("read");
    assert_ne!(new, old);

    let started = std::time::Instant::now();
    assert_eq!(lexdef(directory.path(), &["check", "corpus"]).status.code(), Some(1));
    let duration = started.elapsed();
    let mut interrupted = 0;
    for step in 0..6u32 {
        std::fs::write(&expected, &old).expect("restore the old snapshot");
        let delay = duration * (step + 1) / 7;
        if support::kill_after(directory.path(), &["check", "corpus", "--update"], delay) {
            interrupted += 1;
        }
        let now = std::fs::read(&expected).expect("the snapshot is there");
        assert!(now == old || now == new, "after a kill at {delay:?} the snapshot is the old or the new one, whole");
    }
    assert!(interrupted >= 3, "kills interrupt updates under way ({interrupted} of 6)");
    assert_eq!(lexdef(directory.path(), &["check", "corpus", "--update"]).status.code(), Some(1));
    assert_eq!(std::fs::read(&expected).expect("read"), new, "a later update completes");
}
