//! The words of drafting, as data: what says that a term is being defined (`means`,
//! `refers to`, `is`), and what says that a provision creates an offence (`Whoever`, `A
//! person commits an offence if`, `shall be punished`). They are read from the lexicon's
//! `[drafting]` table, so a researcher adds a drafting habit the way they add a synonym.

use std::collections::HashSet;

use serde::Deserialize;

use crate::definition::DefinitionForm;
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

/// The words of `text` lower-cased, not folded, as tokens (see [`crate::fold::Token`]).
fn lower_words(text: &str) -> Vec<crate::fold::Token> {
    tokens(text)
        .into_iter()
        .map(|token| crate::fold::Token { folded: text[token.start..token.end].to_lowercase(), ..token })
        .collect()
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
                let noun = phrase.words == ["means"] && lower.get(end).is_some_and(|next| *next == "of");
                // `the term ... shall not include`: an exclusion, not a definition.
                let negated = index > 0 && lower[index - 1] == "not";
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
        let words = tokens(head);
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
