//! The words of drafting, as data: what says that a term is being defined (`means`,
//! `refers to`, `is`), and what says that a provision creates an offence (`Whoever`, `A
//! person commits an offence if`, `shall be punished`). They are read from the lexicon's
//! `[drafting]` table, so a researcher adds a drafting habit the way they add a synonym.

use std::collections::HashSet;

use serde::Deserialize;

use crate::definition::DefinitionForm;
use crate::document::ProvisionKind;
use crate::fold::tokens;

/// One entry of `[[drafting.definition_forms]]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawDefinitionForm {
    form: DefinitionForm,
    words: Vec<String>,
    /// A weak form (`is`, `are`) defines only right after a term the lexicon knows, or in a
    /// definitions provision: `A person is guilty` defines nothing.
    #[serde(default)]
    weak: bool,
}

/// The lexicon's `[drafting]` table as written.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawDrafting {
    #[serde(default)]
    definition_forms: Vec<RawDefinitionForm>,
    #[serde(default)]
    offence_openers: Vec<String>,
    #[serde(default)]
    offence_words: Vec<String>,
    #[serde(default)]
    offence_phrases: Vec<String>,
    #[serde(default)]
    introductions: Vec<String>,
    #[serde(default)]
    means_openers: Vec<String>,
    #[serde(default)]
    list_fillers: Vec<String>,
    #[serde(default)]
    clause_openers: Vec<String>,
    #[serde(default)]
    references_to_an_offence: Vec<String>,
    #[serde(default)]
    definition_list_leads: Vec<String>,
    #[serde(default)]
    exploitation_stems: Vec<String>,
    #[serde(default)]
    trafficking_stems: Vec<String>,
    #[serde(default)]
    age_words: Vec<String>,
    #[serde(default)]
    list_references: Vec<String>,
    #[serde(default)]
    list_enders: Vec<String>,
    #[serde(default)]
    function_words: Vec<String>,
    #[serde(default)]
    provision_words: std::collections::BTreeMap<ProvisionKind, Vec<String>>,
    #[serde(default)]
    means_words: Vec<String>,
    #[serde(default)]
    proviso_words: Vec<String>,
    #[serde(default)]
    section_scopes: Vec<String>,
    #[serde(default)]
    age_endings: Vec<String>,
    #[serde(default)]
    year_words: Vec<String>,
    #[serde(default)]
    explaining_open_list: Vec<String>,
    #[serde(default)]
    conjunctions: Vec<String>,
    #[serde(default)]
    heading_leads: Vec<String>,
    #[serde(default)]
    infinitive_markers: Vec<String>,
    #[serde(default)]
    interpretation_headings: Vec<String>,
    #[serde(default)]
    list_openings: Vec<String>,
    #[serde(default)]
    term_leads: Vec<String>,
    #[serde(default)]
    term_tails: Vec<String>,
    #[serde(default)]
    explanation_labels: Vec<String>,
    #[serde(default)]
    note_labels: Vec<String>,
    #[serde(default)]
    inline_definition_markers: Vec<String>,
    #[serde(default)]
    term_markers: Vec<String>,
    #[serde(default)]
    external_reference_markers: Vec<String>,
    #[serde(default)]
    offence_names: Vec<String>,
    #[serde(default)]
    purposes_clauses: Vec<String>,
    #[serde(default)]
    purposes_clause_copulas: Vec<String>,
    #[serde(default)]
    purposes_clause_bare_copulas: Vec<String>,
    #[serde(default)]
    defining_word_nouns: Vec<String>,
    #[serde(default)]
    negations: Vec<String>,
}

/// A phrase of defining words, lower-cased word by word (matched as written, not folded:
/// `means` defines, `by means of` does not).
#[derive(Debug, Clone)]
struct DefiningPhrase {
    words: Vec<String>,
    form: DefinitionForm,
    weak: bool,
}

/// Defining words found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FormMatch {
    /// Where the phrase starts, in bytes.
    pub(crate) start: usize,
    /// Where it ends.
    pub(crate) end: usize,
    /// The form it gives.
    pub(crate) form: DefinitionForm,
    /// Whether it is a weak form (`is`).
    pub(crate) weak: bool,
}

/// The compiled `[drafting]` words.
#[derive(Debug, Clone, Default)]
pub(crate) struct DraftingWords {
    phrases: Vec<DefiningPhrase>,
    /// Folded words of each offence opener (`whoever`, `any person who`).
    openers: Vec<Vec<String>>,
    /// Folded phrases that open an offence wherever they stand in its first line (`... ensure
    /// that the following acts are punishable:`).
    offence_phrases: Vec<Vec<String>>,
    /// Folded words that show a provision punishes (`offence`, `punish`, `imprisonment`,
    /// `ระวางโทษ`).
    offence_words: Phrases,
    /// Folded openings that introduce a provision without being its subject (`for the
    /// purposes of this Act`), skipped before an opener is looked for.
    introductions: Vec<Vec<String>>,
    /// Folded words that open a list of means (`by means of`, `through`).
    means_openers: Vec<Vec<String>>,
    /// Folded words that join or introduce the items of a list (`other`, `forms of`).
    list_fillers: HashSet<String>,
    /// Folded phrases by which a provision names another offence by its number (`an offence
    /// under subsection`, `the crime in paragraph`).
    references_to_an_offence: Vec<Vec<String>>,
    /// Folded phrases that introduce a list of terms, one a line (`the following terms
    /// signify:`).
    definition_list_leads: Vec<Vec<String>>,
    /// Stems whose presence in a provision's folded words shows it speaks of exploitation
    /// (`exploit`, `eksploitasi`), or of trafficking (`traffic`, `perdagangan orang`).
    exploitation_stems: Vec<String>,
    trafficking_stems: Vec<String>,
    /// Folded words that make a number a person's age (`tuổi`, `อายุ`).
    age_words: Phrases,
    /// Folded phrases by which a definition refers to the provision that lists its means or
    /// purposes (`set out in`, `referred to in`).
    list_references: Vec<Vec<String>>,
    /// Folded words that open a clause rather than an item of a list (`without`, `when`).
    clause_openers: HashSet<String>,
    /// Folded words that show a list has ended (`shall`, `punished`, `explanation`).
    list_enders: HashSet<String>,
    /// Lower-cased function words (`the`, `of`, `who`): a text with almost none of them is
    /// not in the language of the lexicon's drafting words.
    function_words: HashSet<String>,
    /// Words that name a provision by its number (`section`, `subsection`), by the kind of
    /// provision they name: each lower-cased, and folded.
    provision_words: std::collections::BTreeMap<ProvisionKind, Vec<(String, String)>>,
    /// Lower-cased words that show a line speaks of the means (`means`), matched inside it.
    means_words: Vec<String>,
    /// Lower-cased words that open a proviso (`provided`), matched inside the text.
    proviso_words: Vec<String>,
    /// Lower-cased words that limit a definition to its own section (`for the purposes of
    /// this section`), matched inside the text.
    section_scopes: Vec<String>,
    /// Lower-cased words that, right after an age pattern, make it a person's age (`years of
    /// age`, `old`), matched at the start of what follows.
    age_endings: Vec<String>,
    /// Lower-cased words of a length of time (`year`), matched inside an age pattern's words.
    year_words: Vec<String>,
    /// Words of an open list that may explain one item rather than open the list
    /// (`including`), compared with the words found (ASCII case ignored).
    explaining_open_list: Vec<String>,
    /// Lower-cased words that join a list's items (`or`, `and`).
    conjunctions: Vec<String>,
    /// Folded words that may stand before a concept's name at the start of a heading
    /// (`offence`, `of`, `prohibition`, `against`).
    heading_leads: HashSet<String>,
    /// Folded words that make an act what a means is used to do (`to`: `uses force ... to
    /// obtain`).
    infinitive_markers: HashSet<String>,
    /// Lower-cased words of a heading over definitions (`interpretation`), matched inside it.
    interpretation_headings: Vec<String>,
    /// Lower-cased words that open an introduction, not a term (`the following`).
    list_openings: Vec<String>,
    /// Words before a term, as written (`The term`), longest first; and after it (`in this Act`).
    term_leads: Vec<String>,
    term_tails: Vec<String>,
    /// Labels of an explanation (`Explanation (1)`) and of a note (`Note 1.`), as written.
    explanation_labels: Vec<String>,
    note_labels: Vec<String>,
    /// Lower-cased words after which a quoted term is defined in passing (`hereinafter called`).
    inline_definition_markers: Vec<String>,
    /// Lower-cased words before a quoted term that its defining words follow (`the term`).
    term_markers: Vec<String>,
    /// Lower-cased words that show a reference is to another instrument (` of the `, `code`),
    /// matched inside it, spaces included.
    external_reference_markers: Vec<String>,
    /// Folded phrases that name the offence of trafficking (`guilty of trafficking`), matched
    /// inside a provision's folded words.
    offence_names: Vec<String>,
    /// Lower-cased openings after which a term is defined by a copula (`for the purposes of
    /// this law`), and the copulas, as written, after a quoted term and after an unquoted one.
    purposes_clauses: Vec<String>,
    purposes_clause_copulas: Vec<String>,
    purposes_clause_bare_copulas: Vec<String>,
    /// Lower-cased phrases in which a defining word is a noun (`means of`).
    defining_word_nouns: Vec<Vec<String>>,
    /// Lower-cased phrases that negate the defining words after them (`not`).
    negations: Vec<Vec<String>>,
}

/// Words and phrases, each folded: a phrase of several tokens (`phạt tù`; a Thai word, a
/// token per letter cluster) matches only as a whole, never by one of its tokens.
#[derive(Debug, Clone, Default)]
pub(crate) struct Phrases {
    words: HashSet<String>,
    longer: Vec<Vec<String>>,
}

impl Phrases {
    fn extend<'a>(&mut self, phrases: impl IntoIterator<Item = &'a String>) {
        for phrase in phrases {
            let folded = folded_words(phrase);
            match folded.len() {
                0 => {}
                1 => {
                    self.words.extend(folded);
                }
                _ if !self.longer.contains(&folded) => self.longer.push(folded),
                _ => {}
            }
        }
    }

    /// Whether one folded word is one of the single-word entries.
    fn has_word(&self, folded: &str) -> bool {
        self.words.contains(folded)
    }

    /// Whether any entry stands among `words`, as whole words.
    fn occur_in(&self, words: &[crate::fold::Token]) -> bool {
        words.iter().enumerate().any(|(position, word)| {
            (self.words.contains(&word.folded) && word.starts_word && word.ends_word)
                || self.longer.iter().any(|phrase| crate::fold::phrase_at(words, position, phrase))
        })
    }
}

fn folded_words(phrase: &str) -> Vec<String> {
    tokens(phrase).into_iter().map(|token| token.folded).collect()
}

/// The words of `text` lower-cased, not folded (`means` defines, `by means of` does not).
fn lower_words(text: &str) -> Vec<crate::fold::Token> {
    crate::fold::tokens_in(text, crate::fold::Folding::Plain)
}

/// The index of the token that begins the word after the first `words` words of `tokens`
/// (a Thai word is several tokens), or the number of tokens.
fn first_words_end(tokens: &[crate::fold::Token], words: usize) -> usize {
    tokens.iter().enumerate().filter(|(_, token)| token.starts_word).nth(words).map_or(tokens.len(), |(index, _)| index)
}

impl DraftingWords {
    pub(crate) fn extend(&mut self, raw: RawDrafting) {
        for entry in raw.definition_forms {
            for words in entry.words {
                let words: Vec<String> = lower_words(&words).into_iter().map(|token| token.folded).collect();
                if !words.is_empty() && !self.phrases.iter().any(|phrase| phrase.words == words) {
                    self.phrases.push(DefiningPhrase { words, form: entry.form, weak: entry.weak });
                }
            }
        }
        // The longest phrase first where two start alike (`has the same meaning` before `has`).
        self.phrases.sort_by_key(|phrase| std::cmp::Reverse(phrase.words.len()));
        self.openers.extend(raw.offence_openers.iter().map(|opener| folded_words(opener)));
        self.openers.sort_by_key(|opener| std::cmp::Reverse(opener.len()));
        self.offence_words.extend(&raw.offence_words);
        self.offence_phrases.extend(raw.offence_phrases.iter().map(|phrase| folded_words(phrase)));
        self.introductions.extend(raw.introductions.iter().map(|words| folded_words(words)));
        self.means_openers.extend(raw.means_openers.iter().map(|words| folded_words(words)));
        self.list_fillers.extend(raw.list_fillers.iter().flat_map(|words| folded_words(words)));
        self.clause_openers.extend(raw.clause_openers.iter().flat_map(|words| folded_words(words)));
        self.references_to_an_offence.extend(raw.references_to_an_offence.iter().map(|words| folded_words(words)));
        self.definition_list_leads.extend(raw.definition_list_leads.iter().map(|words| folded_words(words)));
        self.exploitation_stems.extend(raw.exploitation_stems.iter().map(|stem| crate::lexicon::fold_phrase(stem)));
        self.trafficking_stems.extend(raw.trafficking_stems.iter().map(|stem| crate::lexicon::fold_phrase(stem)));
        self.age_words.extend(&raw.age_words);
        self.list_references.extend(raw.list_references.iter().map(|words| folded_words(words)));
        self.list_enders.extend(raw.list_enders.iter().flat_map(|words| folded_words(words)));
        let lower = |words: &[String]| words.iter().map(|words| words.to_lowercase()).collect::<Vec<_>>();
        let new = |known: &mut Vec<String>, words: Vec<String>| {
            for word in words {
                if !known.contains(&word) {
                    known.push(word);
                }
            }
        };
        self.function_words.extend(lower(&raw.function_words));
        for (kind, words) in raw.provision_words {
            let known = self.provision_words.entry(kind).or_default();
            for word in lower(&words) {
                let folded = crate::lexicon::fold_phrase(&word);
                if !known.iter().any(|(lower, _)| *lower == word) {
                    known.push((word, folded));
                }
            }
        }
        new(&mut self.means_words, lower(&raw.means_words));
        new(&mut self.proviso_words, lower(&raw.proviso_words));
        new(&mut self.section_scopes, lower(&raw.section_scopes));
        new(&mut self.age_endings, lower(&raw.age_endings));
        new(&mut self.year_words, lower(&raw.year_words));
        new(&mut self.explaining_open_list, raw.explaining_open_list);
        new(&mut self.conjunctions, lower(&raw.conjunctions));
        self.heading_leads.extend(raw.heading_leads.iter().flat_map(|words| folded_words(words)));
        self.infinitive_markers.extend(raw.infinitive_markers.iter().flat_map(|words| folded_words(words)));
        new(&mut self.interpretation_headings, lower(&raw.interpretation_headings));
        new(&mut self.list_openings, lower(&raw.list_openings));
        new(&mut self.term_leads, raw.term_leads.iter().map(|lead| format!("{lead} ")).collect());
        // The longest lead first where two start alike (`The term` before `The`).
        self.term_leads.sort_by_key(|lead| std::cmp::Reverse(lead.len()));
        new(&mut self.term_tails, raw.term_tails.iter().map(|tail| format!(" {tail}")).collect());
        new(&mut self.explanation_labels, raw.explanation_labels);
        new(&mut self.note_labels, raw.note_labels.iter().map(|label| format!("{label} ")).collect());
        let spaced = |words: &[String]| lower(words).into_iter().map(|words| format!("{words} ")).collect::<Vec<_>>();
        new(&mut self.inline_definition_markers, spaced(&raw.inline_definition_markers));
        new(&mut self.term_markers, spaced(&raw.term_markers));
        new(&mut self.external_reference_markers, lower(&raw.external_reference_markers));
        new(
            &mut self.offence_names,
            raw.offence_names.iter().map(|words| crate::lexicon::fold_phrase(words)).collect(),
        );
        new(
            &mut self.purposes_clauses,
            lower(&raw.purposes_clauses).into_iter().map(|words| format!("{words}, ")).collect(),
        );
        new(
            &mut self.purposes_clause_copulas,
            raw.purposes_clause_copulas.iter().map(|word| format!("{word} ")).collect(),
        );
        new(
            &mut self.purposes_clause_bare_copulas,
            raw.purposes_clause_bare_copulas.iter().map(|word| format!(" {word} ")).collect(),
        );
        let lower_phrases = |phrases: &[String]| {
            phrases
                .iter()
                .map(|phrase| lower_words(phrase).into_iter().map(|token| token.folded).collect::<Vec<_>>())
                .filter(|words| !words.is_empty())
                .collect::<Vec<_>>()
        };
        for phrase in lower_phrases(&raw.defining_word_nouns) {
            if !self.defining_word_nouns.contains(&phrase) {
                self.defining_word_nouns.push(phrase);
            }
        }
        for phrase in lower_phrases(&raw.negations) {
            if !self.negations.contains(&phrase) {
                self.negations.push(phrase);
            }
        }
    }

    /// Whether `words` name an offence of another provision by its number (`from the commission
    /// of an offence under subsection 279.01(1)`, `commits the crime in paragraph 1`): a
    /// provision that does builds on that offence (a benefit from it, an aggravation of it),
    /// it does not constitute it. (`an offence under this Act` names no other provision.)
    pub(crate) fn refers_to_another_offence(&self, words: &[crate::fold::Token], text: &str) -> bool {
        (0..words.len()).any(|start| {
            self.references_to_an_offence.iter().any(|phrase| {
                let end = start + phrase.len();
                end < words.len()
                    && words[start..end].iter().zip(phrase).all(|(word, folded)| &word.folded == folded)
                    && text[words[end].start..words[end].end].chars().any(|character| character.is_ascii_digit())
            })
        })
    }

    /// Where the line that introduces a list of terms ends (`... the following terms signify:`),
    /// if `text` has one: a line with a lead phrase that ends in a colon.
    pub(crate) fn definition_list_lead(&self, text: &str) -> Option<usize> {
        let mut line_start = 0;
        for line in text.split_inclusive('\n') {
            let line_end = line_start + line.len();
            if line.trim_end().ends_with(':') {
                let words = tokens(line);
                let leads = self.definition_list_leads.iter().any(|lead| {
                    words
                        .windows(lead.len())
                        .any(|window| window.iter().zip(lead).all(|(word, folded)| &word.folded == folded))
                });
                if leads {
                    return Some(line_end);
                }
            }
            line_start = line_end;
        }
        None
    }

    /// Whether `before` (the words before a provision's number) ends with words that refer to
    /// a provision for what it lists (`the means set out in` subsection (2)).
    pub(crate) fn refers_to_a_list(&self, before: &[crate::fold::Token]) -> bool {
        self.list_references.iter().any(|phrase| {
            before.len() > phrase.len()
                && before[before.len() - phrase.len()..].iter().zip(phrase).all(|(word, folded)| &word.folded == folded)
        })
    }

    /// Whether a lower-cased word is a function word (`the`, `of`, `who`).
    pub(crate) fn is_function_word(&self, lower: &str) -> bool {
        self.function_words.contains(lower)
    }

    /// The kind of provision a word names by its number (`Section`, `subsections`), if it is
    /// one of `kinds`; the word lower-cased, or with `folded`, folded.
    pub(crate) fn provision_named(&self, word: &str, folded: bool, kinds: &[ProvisionKind]) -> Option<ProvisionKind> {
        let word = if folded { word.to_owned() } else { word.to_lowercase() };
        kinds.iter().copied().find(|kind| {
            self.provision_words.get(kind).is_some_and(|words| {
                words.iter().any(|(lower, folded_word)| if folded { *folded_word == word } else { *lower == word })
            })
        })
    }

    /// The lower-cased words that name a provision of `kind` by its number.
    pub(crate) fn provision_words(&self, kind: ProvisionKind) -> impl Iterator<Item = &str> {
        self.provision_words.get(&kind).into_iter().flatten().map(|(lower, _)| lower.as_str())
    }

    /// Whether lower-cased text speaks of the means (`by means of`).
    pub(crate) fn speaks_of_means(&self, lower: &str) -> bool {
        self.means_words.iter().any(|words| lower.contains(words.as_str()))
    }

    /// Whether lower-cased text holds the opening of a proviso (`Provided, That`).
    pub(crate) fn holds_a_proviso(&self, lower: &str) -> bool {
        self.proviso_words.iter().any(|words| lower.contains(words.as_str()))
    }

    /// Whether `text` limits what it says to its own section (`for the purposes of this
    /// section`).
    pub(crate) fn scoped_to_a_section(&self, text: &str) -> bool {
        let lower = text.to_lowercase();
        self.section_scopes.iter().any(|words| lower.contains(words.as_str()))
    }

    /// Whether lower-cased text (what follows an age pattern) opens with the words of an age
    /// (`years of age`, `old`).
    pub(crate) fn opens_with_an_age(&self, lower: &str) -> bool {
        self.age_endings.iter().any(|words| lower.starts_with(words.as_str()))
    }

    /// Whether lower-cased text (an age pattern's words) names a length of time (`years`).
    pub(crate) fn names_years(&self, lower: &str) -> bool {
        self.year_words.iter().any(|words| lower.contains(words.as_str()))
    }

    /// Whether the words that open a list (`including`) may explain one item of it instead.
    pub(crate) fn may_explain_an_item(&self, words: &str) -> bool {
        self.explaining_open_list.iter().any(|explaining| words.eq_ignore_ascii_case(explaining))
    }

    /// The lower-cased words that join a list's items (`or`, `and`).
    pub(crate) fn conjunctions(&self) -> &[String] {
        &self.conjunctions
    }

    /// Whether a word joins a list's items (`or`, `and`).
    pub(crate) fn is_conjunction(&self, word: &str) -> bool {
        self.conjunctions.iter().any(|conjunction| conjunction == word)
    }

    /// Whether a folded word may stand before a concept's name at the start of a heading
    /// (`Offence of`, `Prohibition against`).
    pub(crate) fn is_heading_lead(&self, folded: &str) -> bool {
        self.heading_leads.contains(folded)
    }

    /// Whether a folded word makes the act after it what a means is used to do (`to`).
    pub(crate) fn is_infinitive_marker(&self, folded: &str) -> bool {
        self.infinitive_markers.contains(folded)
    }

    /// Whether a heading is one over definitions (`Interpretation`, `Use of terms`).
    pub(crate) fn heads_definitions(&self, heading: &str) -> bool {
        let heading = heading.to_lowercase();
        self.interpretation_headings.iter().any(|words| heading.contains(words.as_str()))
    }

    /// Whether the words before a defining word open an introduction rather than name a term
    /// (`The following shall mean:`).
    pub(crate) fn opens_an_introduction(&self, words: &str) -> bool {
        let words = words.to_lowercase();
        self.list_openings.iter().any(|opening| words.starts_with(opening.as_str()))
    }

    /// A term without the words before it (`The term`) and after it (`in this Act`), and how
    /// many bytes were cut from its start.
    pub(crate) fn bare_term<'t>(&self, term: &'t str) -> (usize, &'t str) {
        let mut offset = 0;
        let mut bare = term;
        if let Some((lead, rest)) =
            self.term_leads.iter().find_map(|lead| Some((lead, bare.strip_prefix(lead.as_str())?)))
        {
            offset += lead.len();
            bare = rest;
        }
        if let Some(rest) = self.term_tails.iter().find_map(|tail| bare.strip_suffix(tail.as_str())) {
            bare = rest;
        }
        (offset, bare)
    }

    /// The label of an explanation that `text` opens with (`Explanation`), if it does.
    pub(crate) fn explanation_label<'t>(&self, text: &'t str) -> Option<&'t str> {
        self.explanation_labels.iter().find_map(|label| text.starts_with(label.as_str()).then(|| &text[..label.len()]))
    }

    /// The text after the label of a note that `text` opens with (`Note ` in `Note 1.`).
    pub(crate) fn after_note_label<'t>(&self, text: &'t str) -> Option<&'t str> {
        self.note_labels.iter().find_map(|label| text.strip_prefix(label.as_str()))
    }

    /// Lower-cased words after which a quoted term is defined in passing (`hereinafter
    /// called `), each with the space after it.
    pub(crate) fn inline_definition_markers(&self) -> &[String] {
        &self.inline_definition_markers
    }

    /// Lower-cased words before a quoted term its defining words follow (`the term `), each
    /// with the space after it.
    pub(crate) fn term_markers(&self) -> &[String] {
        &self.term_markers
    }

    /// Whether the lower-cased words of a reference point at another instrument (`section 29
    /// of the Penal Code`).
    pub(crate) fn refers_to_another_instrument(&self, lower: &str) -> bool {
        self.external_reference_markers.iter().any(|marker| lower.contains(marker.as_str()))
    }

    /// Whether a provision's folded words name the offence of trafficking itself (`guilty of
    /// trafficking`).
    pub(crate) fn names_the_offence(&self, folded: &str) -> bool {
        self.offence_names.iter().any(|words| folded.contains(words.as_str()))
    }

    /// How long the opening of a purposes clause that `head` starts with is (`For the
    /// purposes of this Law, `), if it starts with one.
    pub(crate) fn purposes_clause(&self, head: &str) -> Option<usize> {
        let lower = head.to_lowercase();
        self.purposes_clauses.iter().find(|clause| lower.starts_with(clause.as_str())).map(String::len)
    }

    /// The length of the copula `text` starts with, with the space after it (`is `), in a
    /// purposes clause after a quoted term.
    pub(crate) fn copula_at_start(&self, text: &str) -> Option<usize> {
        self.purposes_clause_copulas.iter().find(|copula| text.starts_with(copula.as_str())).map(String::len)
    }

    /// Where the first copula of `text` is and how long it is, with a space either side
    /// (` is `), in a purposes clause after an unquoted term.
    pub(crate) fn first_bare_copula(&self, text: &str) -> Option<(usize, usize)> {
        self.purposes_clause_bare_copulas
            .iter()
            .filter_map(|copula| text.find(copula.as_str()).map(|at| (at, copula.len())))
            .min_by_key(|(at, _)| *at)
    }

    /// Whether `text` (an age pattern's words) names an age by one of the lexicon's age words.
    pub(crate) fn names_an_age(&self, text: &str) -> bool {
        self.age_words.occur_in(&tokens(text))
    }

    /// Whether folded text speaks of exploitation (`exploited`, `dieksploitasi`).
    pub(crate) fn speaks_of_exploitation(&self, folded: &str) -> bool {
        self.exploitation_stems.iter().any(|stem| folded.contains(stem.as_str()))
    }

    /// Whether folded text speaks of trafficking (`trafficked`, `perdagangan orang`).
    pub(crate) fn speaks_of_trafficking(&self, folded: &str) -> bool {
        self.trafficking_stems.iter().any(|stem| folded.contains(stem.as_str()))
    }

    /// Whether a folded word opens a clause rather than an item of a list.
    pub(crate) fn opens_a_clause(&self, folded: &str) -> bool {
        self.clause_openers.contains(folded)
    }

    /// Whether a folded word shows that a list has ended.
    pub(crate) fn ends_a_list(&self, folded: &str) -> bool {
        self.list_enders.contains(folded) || self.offence_words.has_word(folded)
    }

    /// Whether a folded word only joins or introduces a list's items.
    pub(crate) fn is_list_filler(&self, folded: &str) -> bool {
        self.list_fillers.contains(folded)
    }

    /// The word positions right after each place in `words` where words that open a list of
    /// means stand.
    pub(crate) fn means_opener_ends(&self, words: &[crate::fold::Token]) -> Vec<usize> {
        let mut ends = Vec::new();
        for start in 0..words.len() {
            for opener in &self.means_openers {
                let end = start + opener.len();
                if end <= words.len()
                    && words[start..end].iter().zip(opener).all(|(word, folded)| &word.folded == folded)
                {
                    ends.push(end);
                }
            }
        }
        ends
    }

    /// The first defining phrase among the first `max_words` words of `text` that `allowed`
    /// accepts (given the phrase and the index of its first word).
    fn first_phrase(
        &self,
        text: &str,
        max_words: usize,
        allowed: impl Fn(&DefiningPhrase, usize) -> bool,
    ) -> Option<FormMatch> {
        let words = lower_words(text);
        let lower: Vec<&str> = words.iter().map(|word| word.folded.as_str()).collect();
        (0..first_words_end(&words, max_words)).find_map(|index| {
            self.phrases.iter().filter(|phrase| allowed(phrase, index)).find_map(|phrase| {
                let end = index + phrase.words.len();
                // `by means of`, `means of transport`: the noun, not the defining verb.
                let same = |written: &[&str], wanted: &[String]| written.iter().zip(wanted).all(|(a, b)| a == b);
                let noun = self.defining_word_nouns.iter().any(|noun| {
                    noun.len() > phrase.words.len()
                        && noun.starts_with(&phrase.words)
                        && lower.get(index..index + noun.len()).is_some_and(|words| same(words, noun))
                });
                // `the term ... shall not include`: an exclusion, not a definition.
                let negated = self
                    .negations
                    .iter()
                    .any(|negation| index >= negation.len() && same(&lower[index - negation.len()..index], negation));
                (crate::fold::phrase_at(&words, index, &phrase.words) && !noun && !negated).then(|| FormMatch {
                    start: words[index].start,
                    end: words[end - 1].end,
                    form: phrase.form,
                    weak: phrase.weak,
                })
            })
        })
    }

    /// The first defining phrase among the first `max_words` words of `text`; with
    /// `strong_only`, the first that is not weak (`Exploitation, in relation to a person who
    /// is a child, means`: the `is` there defines nothing).
    pub(crate) fn first_form(&self, text: &str, max_words: usize, strong_only: bool) -> Option<FormMatch> {
        self.first_phrase(text, max_words, |phrase, _| !(strong_only && phrase.weak))
    }

    /// The first strong defining phrase in the first `max_words` words of `text`, or a weak
    /// one that stands first (`"servitude" is ...`): what follows a defined term.
    pub(crate) fn form_after(&self, text: &str, max_words: usize) -> Option<FormMatch> {
        self.first_phrase(text, max_words, |phrase, index| !phrase.weak || index == 0)
    }

    /// Where `head` starts after an introduction that is not its subject (`For the purposes
    /// of this section, ...`, `Where the victim is a child, ...`): the byte after the
    /// introduction's comma (and the spaces after it), or 0.
    pub(crate) fn after_introduction(&self, head: &str) -> usize {
        // Only the opening words are compared: one more than the longest introduction, so
        // that `words.len() > introduction.len()` says what it says of the whole head.
        let longest = self.introductions.iter().map(Vec::len).max().unwrap_or(0);
        let words = crate::fold::first_tokens_in(head, crate::fold::Folding::English, longest + 1);
        for introduction in &self.introductions {
            if words.len() > introduction.len()
                && words[..introduction.len()].iter().zip(introduction).all(|(word, wanted)| &word.folded == wanted)
            {
                let after = words[introduction.len() - 1].end;
                if let Some(comma) = head[after..].find(',') {
                    let rest = &head[after + comma + 1..];
                    return head.len() - rest.trim_start().len();
                }
            }
        }
        0
    }

    /// Where the offence words of `head` start (`Whoever`, `Any person who`, `A person
    /// commits an offence if`), after an introduction such as `For the purposes of this
    /// Act,`; `None` when the head does not open an offence.
    pub(crate) fn offence_opener(&self, head: &str) -> Option<usize> {
        self.offence_opener_span(head).map(|(start, _)| start)
    }

    /// Where the offence words of `head` start and end (`Any person who`).
    pub(crate) fn offence_opener_span(&self, head: &str) -> Option<(usize, usize)> {
        let from = self.after_introduction(head);
        let rest = tokens(&head[from..]);
        let at_start = self.openers.iter().find_map(|opener| {
            let matches = rest.len() >= opener.len()
                && rest[..opener.len()].iter().zip(opener).all(|(word, wanted)| &word.folded == wanted);
            matches.then(|| (from + rest[0].start, from + rest[opener.len() - 1].end))
        });
        at_start.or_else(|| {
            self.offence_phrases.iter().find_map(|phrase| {
                let at = crate::fold::find_phrase(&rest, phrase)?;
                Some((from + rest[at].start, from + rest[at + phrase.len() - 1].end))
            })
        })
    }

    /// Whether `words` hold a word that shows a provision punishes (`offence`, `punishable`,
    /// `imprisonment`, `sentenced`).
    pub(crate) fn names_an_offence(&self, words: &[crate::fold::Token]) -> bool {
        self.offence_words.occur_in(words)
    }
}

#[cfg(test)]
mod tests {
    use crate::lexicon::{fold_phrase, Lexicon};

    use super::*;

    fn extended(drafting: &str) -> Lexicon {
        let mut lexicon = Lexicon::bundled();
        lexicon
            .extend_from_toml(&format!("version = 1\n[drafting]\n{drafting}\n"), "mine.toml")
            .expect("a valid extension");
        lexicon
    }

    /// Each key of `[drafting]` moved out of the reading code: a word a user adds is read as
    /// the bundled ones are (false with the bundled lexicon, true once added).
    #[test]
    fn words_added_by_a_lexicon_are_read_like_the_bundled_ones() {
        type Probe = fn(&DraftingWords) -> bool;
        let cases: &[(&str, Probe)] = &[
            ("function_words = [\"Dan\"]", |words| words.is_function_word("dan")),
            ("provision_words = { section = [\"Seksyen\"] }", |words| {
                words.provision_named("SEKSYEN", false, &[ProvisionKind::Section]).is_some()
                    && words.provision_named("seksyen", true, &[ProvisionKind::Section]).is_some()
            }),
            ("means_words = [\"cara\"]", |words| words.speaks_of_means("dengan cara")),
            ("proviso_words = [\"asalkan\"]", |words| words.holds_a_proviso("asalkan bahwa")),
            ("section_scopes = [\"for the purposes of this part\"]", |words| {
                words.scoped_to_a_section("For the purposes of this Part, a child ...")
            }),
            ("age_endings = [\"years of life\"]", |words| words.opens_with_an_age("years of life;")),
            ("year_words = [\"tahun\"]", |words| words.names_years("di bawah 18 tahun")),
            ("age_words = [\"usia\"]", |words| words.names_an_age("di bawah usia 18")),
            ("explaining_open_list = [\"in particular\"]", |words| words.may_explain_an_item("In particular")),
            ("conjunctions = [\"atau\"]", |words| {
                words.is_conjunction("atau") && words.conjunctions().contains(&"atau".to_owned())
            }),
            ("heading_leads = [\"bans\"]", |words| words.is_heading_lead("ban")),
            ("infinitive_markers = [\"untuk\"]", |words| words.is_infinitive_marker("untuk")),
            ("interpretation_headings = [\"Glossary\"]", |words| words.heads_definitions("GLOSSARY OF TERMS")),
            ("list_openings = [\"these words\"]", |words| words.opens_an_introduction("These words shall mean")),
            ("term_leads = [\"The notion\"]", |words| {
                words.bare_term("The notion exploitation") == (11, "exploitation")
            }),
            ("term_tails = [\"in this Code\"]", |words| {
                words.bare_term("exploitation in this Code").1 == "exploitation"
            }),
            ("explanation_labels = [\"Illustration\"]", |words| {
                words.explanation_label("Illustration (a) x") == Some("Illustration")
            }),
            ("note_labels = [\"Remark\"]", |words| words.after_note_label("Remark 1. x") == Some("1. x")),
            ("inline_definition_markers = [\"Henceforth\"]", |words| {
                words.inline_definition_markers().contains(&"henceforth ".to_owned())
            }),
            ("term_markers = [\"the expression\"]", |words| {
                words.term_markers().contains(&"the expression ".to_owned())
            }),
            ("external_reference_markers = [\"decree\"]", |words| {
                words.refers_to_another_instrument("article 3 of decree 12")
            }),
            ("offence_names = [\"trafficking of a person\"]", |words| {
                words.names_the_offence(&fold_phrase("commits the trafficking of a person"))
            }),
            ("purposes_clauses = [\"For the purposes of this Code\"]", |words| {
                words.purposes_clause("For the purposes of this Code, x") == Some(31)
            }),
            ("purposes_clause_copulas = [\"shall be\"]", |words| words.copula_at_start("shall be a person") == Some(9)),
            ("purposes_clause_bare_copulas = [\"are\"]", |words| {
                words.first_bare_copula("victims are persons who is") == Some((7, 5))
            }),
            ("defining_word_nouns = [\"means to\"]", |words| {
                words.first_form("a way means to an end", 8, false).is_none()
            }),
            ("negations = [\"never\"]", |words| words.first_form("exploitation never means x", 8, false).is_none()),
        ];
        let bundled = Lexicon::bundled();
        for (drafting, probe) in cases {
            assert!(!probe(&bundled.drafting), "already read so with the bundled lexicon: {drafting}");
            assert!(probe(&extended(drafting).drafting), "not read once added: {drafting}");
        }
    }

    /// The bundled words, compiled as the reading code compares them.
    #[test]
    fn the_bundled_words_are_compiled_for_their_comparison() {
        let words = &Lexicon::bundled().drafting;
        // Folded where the reading compares folded words.
        assert!(words.names_the_offence(&fold_phrase("A person guilty of trafficking a child")));
        assert!(words.is_heading_lead(&crate::fold::fold_word("Offence")));
        assert!(words.names_an_age("under the Age of 18"));
        // Kept as written where the reading does.
        assert_eq!(
            words.bare_term("The act of unlawful removal in this law"),
            ("The act of ".len(), "unlawful removal")
        );
        assert_eq!(words.bare_term("the term x"), (0, "the term x"));
        assert_eq!(words.provision_named("Article", false, &[ProvisionKind::Article]), Some(ProvisionKind::Article));
        assert_eq!(words.provision_named("articl", true, &[ProvisionKind::Article]), Some(ProvisionKind::Article));
        assert!(words.first_form("by means of force", 8, false).is_none());
        assert!(words.first_form("the term shall not include", 8, false).is_none());
    }
}
