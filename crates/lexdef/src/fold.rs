//! One folding function for every place that compares words: the term-model matcher now,
//! the search analyzer later. It lower-cases, reads British spelling as American, and
//! strips inflection, so `Harbouring`, `harbored` and `harbor` are one word; and it keeps
//! each word's byte span, so every match maps back to the exact words of the law.

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use icu_segmenter::options::WordBreakInvariantOptions;
use icu_segmenter::WordSegmenter;
use serde::Deserialize;
use unicode_segmentation::UnicodeSegmentation;

/// A word of a text: where it is, and its folded form.
///
/// In the scripts written without spaces between words (Thai, Lao, Khmer, Myanmar) a token
/// is one letter cluster, not a word: a dictionary segmenter's words depend on their context
/// (`การค้ามนุษย์` is three words alone, and `พามาจาก` splits as `พาม|า|จาก`), and the Lao
/// sources carry stray spaces inside words (`ການເຄື່ອນ ຍ້າຍ`), so a phrase is compared
/// cluster by cluster, and the segmenter's word boundaries ([`Token::starts_word`],
/// [`Token::ends_word`]) only decide where a match may begin and end: a form never matches
/// inside a longer word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the word in the text it was read from.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// The word folded: lower case, American spelling, no inflection.
    pub folded: String,
    /// Whether a word begins with this token (always, outside the unspaced scripts).
    pub starts_word: bool,
    /// Whether a word ends with this token (always, outside the unspaced scripts).
    pub ends_word: bool,
}

impl Token {
    fn word(start: usize, word: &str, folding: Folding) -> Token {
        Token {
            start,
            end: start + word.len(),
            folded: fold_word_in(word, folding),
            starts_word: true,
            ends_word: true,
        }
    }
}

/// How many words `text` has (a Thai word counts once, however many letter clusters it has).
pub fn word_count(text: &str) -> usize {
    tokens(text).iter().filter(|token| token.starts_word).count()
}

/// Whether `words[start..end]` are whole words: the first begins one and the last ends one.
pub fn whole_words(words: &[Token], start: usize, end: usize) -> bool {
    end > start && words.get(start).is_some_and(|word| word.starts_word) && words[end - 1].ends_word
}

/// Whether the folded words of `phrase` stand at `start` among `words`, as whole words.
pub fn phrase_at(words: &[Token], start: usize, phrase: &[String]) -> bool {
    let end = start + phrase.len();
    !phrase.is_empty()
        && end <= words.len()
        && words[start..end].iter().zip(phrase).all(|(word, wanted)| &word.folded == wanted)
        && whole_words(words, start, end)
}

/// Where the folded words of `phrase` occur, in order and adjacent, among `words`.
pub fn find_phrase(words: &[Token], phrase: &[String]) -> Option<usize> {
    if phrase.is_empty() || phrase.len() > words.len() {
        return None;
    }
    (0..=words.len() - phrase.len()).find(|&start| phrase_at(words, start, phrase))
}

/// The words of `text` (Unicode word boundaries; punctuation and spaces are not words), each
/// folded, with byte spans relative to `text`. Runs of an unspaced script are read as letter
/// clusters with the dictionary segmenter's word boundaries (see [`Token`]).
pub fn tokens(text: &str) -> Vec<Token> {
    tokens_in(text, Folding::English)
}

/// [`tokens`] folded by a language's folding.
pub fn tokens_in(text: &str, folding: Folding) -> Vec<Token> {
    // Extraction asks many questions of one provision's words (is it a definition, does it
    // name exploitation, which elements, which qualifiers), each from its text: each thread
    // keeps the tokens of the texts it has read lately, by their words (a bounded memo,
    // emptied when it holds a megabyte of text, so memory stays flat). `lexdef model` of 1,000
    // synthetic instruments peaked at 29 MiB with it (12 MiB without a memo, 71 MiB with 4 MB
    // of text, no faster); 256 KB was 5% slower.
    const REMEMBERED_BYTES: usize = 1 << 20;
    type Memo = ([rustc_hash::FxHashMap<Box<str>, Vec<Token>>; 3], usize);
    thread_local! {
        static TOKENS: std::cell::RefCell<Memo> = Default::default();
    }
    if text.len() < 16 {
        return tokens_afresh(text, folding);
    }
    let slot = folding.slot();
    TOKENS.with(|memo| {
        if let Some(known) = memo.borrow().0[slot].get(text) {
            return known.clone();
        }
        let fresh = tokens_afresh(text, folding);
        let mut memo = memo.borrow_mut();
        if memo.1 + text.len() > REMEMBERED_BYTES {
            memo.0.iter_mut().for_each(|tokens| tokens.clear());
            memo.1 = 0;
        }
        memo.1 += text.len();
        memo.0[slot].insert(text.into(), fresh.clone());
        fresh
    })
}

/// [`tokens_in`] without the memo.
pub(crate) fn tokens_afresh(text: &str, folding: Folding) -> Vec<Token> {
    first_tokens_in(text, folding, usize::MAX)
}

/// The first `count` tokens of [`tokens_in`] (all of them when there are fewer), without
/// folding the words after them: a caller that reads only a text's opening words (an
/// introduction such as `For the purposes of this Act,`) need not fold a whole provision.
pub(crate) fn first_tokens_in(text: &str, folding: Folding, count: usize) -> Vec<Token> {
    let mut words = Vec::new();
    let mut rest_start = 0;
    for (run_start, run_end) in unspaced_runs(text) {
        words.extend(
            text[rest_start..run_start]
                .unicode_word_indices()
                .take(count.saturating_sub(words.len()))
                .map(|(at, word)| Token::word(rest_start + at, word, folding)),
        );
        if words.len() >= count {
            return words;
        }
        unspaced_tokens(text, run_start, run_end, folding, &mut words);
        if words.len() >= count {
            words.truncate(count);
            return words;
        }
        rest_start = run_end;
    }
    words.extend(
        text[rest_start..]
            .unicode_word_indices()
            .take(count.saturating_sub(words.len()))
            .map(|(at, word)| Token::word(rest_start + at, word, folding)),
    );
    words
}

/// A script written without spaces between words, which Unicode's word boundaries (UAX #29)
/// leave to a dictionary (Line_Break class SA); its defined terms are unquoted too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Script {
    Thai,
    Lao,
    Khmer,
    Myanmar,
}

impl Script {
    const ALL: [Script; 4] = [Script::Thai, Script::Lao, Script::Khmer, Script::Myanmar];

    /// Whether `character` is of the script (its Unicode block).
    pub(crate) fn contains(self, character: char) -> bool {
        let block = match self {
            Script::Thai => '\u{0E00}'..='\u{0E7F}',
            Script::Lao => '\u{0E80}'..='\u{0EFF}',
            Script::Khmer => '\u{1780}'..='\u{17FF}',
            Script::Myanmar => '\u{1000}'..='\u{109F}',
        };
        block.contains(&character)
    }
}

/// Whether a character belongs to a script written without spaces between words.
fn is_unspaced(character: char) -> bool {
    Script::ALL.iter().any(|script| script.contains(character))
}

/// Whether a word is written in a script without spaces between words (its first letter is).
pub fn is_unspaced_word(word: &str) -> bool {
    word.chars().next().is_some_and(is_unspaced)
}

/// The byte ranges of `text` written in an unspaced script.
fn unspaced_runs(text: &str) -> Vec<(usize, usize)> {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    // Every letter of those scripts is written in UTF-8 with a lead byte of 0xE0 (Thai, Lao)
    // or 0xE1 (Myanmar, Khmer): a text without either has none.
    if !text.bytes().any(|byte| byte == 0xE0 || byte == 0xE1) {
        return runs;
    }
    for (at, character) in text.char_indices().filter(|(_, character)| is_unspaced(*character)) {
        match runs.last_mut() {
            Some((_, end)) if *end == at => *end = at + character.len_utf8(),
            _ => runs.push((at, at + character.len_utf8())),
        }
    }
    runs
}

/// The tokens of one run of an unspaced script: a number (`๑๘`) is one token; a word is one
/// token per letter cluster, marked where the dictionary segmenter starts and ends a word.
fn unspaced_tokens(text: &str, run_start: usize, run_end: usize, folding: Folding, words: &mut Vec<Token>) {
    let run = &text[run_start..run_end];
    static SEGMENTER: OnceLock<icu_segmenter::WordSegmenterBorrowed<'static>> = OnceLock::new();
    let segmenter = SEGMENTER.get_or_init(|| WordSegmenter::new_dictionary(WordBreakInvariantOptions::default()));
    let mut boundaries = segmenter.segment_str(run);
    let Some(mut previous) = boundaries.next() else { return };
    while let Some(boundary) = boundaries.next() {
        let segment = &run[previous..boundary];
        let at = run_start + previous;
        previous = boundary;
        if !boundaries.is_word_like() {
            continue;
        }
        if segment.chars().all(char::is_numeric) {
            words.push(Token::word(at, segment, folding));
            continue;
        }
        let first = words.len();
        words.extend(segment.grapheme_indices(true).map(|(offset, cluster)| Token {
            starts_word: false,
            ends_word: false,
            ..Token::word(at + offset, cluster, folding)
        }));
        if let Some(word) = words.get_mut(first) {
            word.starts_word = true;
        }
        if words.len() > first {
            if let Some(word) = words.last_mut() {
                word.ends_word = true;
            }
        }
    }
}

/// `text` without its diacritics (`lừa đảo` is `lua dao`): decomposed, combining marks
/// dropped, and `đ` read as `d` (a letter of its own, which does not decompose).
pub fn without_diacritics(text: &str) -> String {
    icu_normalizer::DecomposingNormalizerBorrowed::new_nfd()
        .normalize(text)
        .chars()
        .filter(|character| !('\u{0300}'..='\u{036F}').contains(character))
        .map(|character| match character {
            '\u{0111}' => 'd',
            '\u{0110}' => 'D',
            other => other,
        })
        .collect()
}

/// The value of a number written in decimal digits of a script the structure parser reads
/// (`18`, `๑๘`, `໑໘`: [`crate::structure::arabic_digit`]).
pub fn decimal_value(word: &str) -> Option<u32> {
    word.chars()
        .try_fold(0u32, |value, character| {
            let digit = crate::structure::arabic_digit(character)?.to_digit(10)?;
            value.checked_mul(10)?.checked_add(digit)
        })
        .filter(|_| !word.is_empty())
}

/// How the words of a language are folded (`data/folding.toml` holds the words).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub enum Folding {
    /// English: inflection stripped, British spelling read as American.
    #[default]
    English,
    /// Indonesian and Malay: affixes stripped.
    Malay,
    /// Lower case only (Vietnamese, Thai, Lao, and any language the folding file does not list).
    Plain,
}

impl Folding {
    /// The folding's place in a per-folding array.
    fn slot(self) -> usize {
        match self {
            Folding::English => 0,
            Folding::Malay => 1,
            Folding::Plain => 2,
        }
    }

    /// The folding of a language (ISO 639-1), by `data/folding.toml`; lower case only where
    /// the file does not list it.
    pub fn of_language(code: &str) -> Folding {
        let data = folding_data();
        if data.english.languages.iter().any(|language| language == code) {
            Folding::English
        } else if data.malay.languages.iter().any(|language| language == code) {
            Folding::Malay
        } else {
            Folding::Plain
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FoldingData {
    english: EnglishFolding,
    malay: MalayFolding,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct EnglishFolding {
    languages: Vec<String>,
    suffixes: Vec<String>,
    plural_ies: String,
    irregular: HashMap<String, String>,
    spellings: BTreeMap<String, String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MalayFolding {
    languages: Vec<String>,
    min_root: usize,
    particles: Vec<String>,
    suffixes: Vec<String>,
    prefixes: Vec<MalayPrefix>,
    merged_initials: Vec<String>,
    merged_finals: Vec<String>,
    vowels: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MalayPrefix {
    prefix: String,
    #[serde(default)]
    before_consonant: bool,
    #[serde(default)]
    absorbs: bool,
}

/// The bundled folding, read once. The file is compiled in and its test reads it, so a
/// malformed file fails the tests, never a user's run.
fn folding_data() -> &'static FoldingData {
    static DATA: OnceLock<FoldingData> = OnceLock::new();
    DATA.get_or_init(|| {
        toml::from_str(include_str!("../data/folding.toml"))
            .expect("data/folding.toml is valid: its unit test reads it")
    })
}

/// Fold one English word (see [`fold_word_in`]).
pub fn fold_word(word: &str) -> String {
    fold_word_in(word, Folding::English)
}

/// Fold one word by its language's folding: lower case always; in English, irregular forms,
/// suffixes (`-ing`, `-ed`, `-s`, `-ment`, `-ation`, a final `e`, a doubled final consonant),
/// then British spelling as American; in Indonesian and Malay, affixes.
pub fn fold_word_in(word: &str, folding: Folding) -> String {
    // The same words recur through a statute and through every question asked of its
    // provisions: each thread keeps the words it has folded (a bounded memo, emptied when
    // full, so memory stays flat however much text it reads).
    const REMEMBERED: usize = 1 << 16;
    thread_local! {
        static FOLDED: std::cell::RefCell<[rustc_hash::FxHashMap<Box<str>, Box<str>>; 3]> = Default::default();
    }
    let slot = folding.slot();
    FOLDED.with(|folded| {
        let mut folded = folded.borrow_mut();
        let memo = &mut folded[slot];
        if let Some(known) = memo.get(word) {
            return known.to_string();
        }
        let fresh = fold_word_afresh(word, folding);
        if memo.len() >= REMEMBERED {
            memo.clear();
        }
        memo.insert(word.into(), fresh.as_str().into());
        fresh
    })
}

/// [`fold_word_in`] without the memo.
fn fold_word_afresh(word: &str, folding: Folding) -> String {
    let lower: String = word
        .chars()
        .flat_map(char::to_lowercase)
        .filter(|&character| character != '\u{2019}' && character != '\'')
        .collect();
    match folding {
        Folding::English => fold_english(lower),
        Folding::Malay => fold_malay(lower),
        Folding::Plain => lower,
    }
}

fn fold_english(lower: String) -> String {
    let data = &folding_data().english;
    let lower =
        lower.strip_suffix("s\u{2019}").or_else(|| lower.strip_suffix("'s")).map_or(lower.clone(), str::to_owned);
    if let Some(folded) = data.irregular.get(&lower) {
        return folded.clone();
    }
    if !lower.chars().all(|character| character.is_ascii_alphabetic()) {
        return lower;
    }
    // `activities` is `activity` (`any illegal activities`): a plural in `-ies` folds to its `-y`.
    if lower.len() > 5 && lower.ends_with(data.plural_ies.as_str()) {
        return format!("{}y", &lower[..lower.len() - data.plural_ies.len()]);
    }
    let mut stem = lower.as_str();
    for suffix in &data.suffixes {
        if let Some(rest) = stem.strip_suffix(suffix.as_str()) {
            // `-ly` (an adverb) keeps a longer stem than the other suffixes.
            let keeps_a_stem = rest.len() >= if suffix.len() == 2 && suffix.ends_with('y') { 5 } else { 3 };
            // `-es` only after a sibilant (`services` is `service` + `s`); `-s` not after `s`.
            let allowed = match suffix.len() {
                2 if suffix.ends_with('s') => {
                    rest.ends_with(['s', 'x', 'z']) || rest.ends_with("ch") || rest.ends_with("sh")
                }
                1 => !rest.ends_with('s') && !rest.ends_with('u') && !rest.ends_with('i'),
                _ => true,
            };
            if keeps_a_stem && allowed {
                stem = rest;
                break;
            }
        }
    }
    let mut stem = stem.to_owned();
    if stem.len() > 3 && stem.ends_with('e') {
        stem.pop();
    }
    // `transferr(ing)` is `transfer`; `sell` and `kill` keep their double `l`.
    let bytes = stem.as_bytes();
    if bytes.len() >= 4 {
        let (last, before) = (bytes[bytes.len() - 1], bytes[bytes.len() - 2]);
        if last == before && !matches!(last, b'l' | b's' | b'a' | b'e' | b'i' | b'o' | b'u') {
            stem.pop();
        }
    }
    for (british, american) in &data.spellings {
        if let Some(rest) = stem.strip_prefix(british.as_str()) {
            return format!("{american}{rest}");
        }
    }
    stem
}

fn fold_malay(lower: String) -> String {
    let data = &folding_data().malay;
    if !lower.chars().all(|character| character.is_ascii_alphabetic()) {
        return lower;
    }
    let is_vowel =
        |text: &str| text.chars().next().is_some_and(|first| data.vowels.iter().any(|vowel| vowel.starts_with(first)));
    // The root left by the longest prefix that may stand before it; none where that leaves
    // too short a root (`membel` is not `mem` + `bel`, nor `me` + `mbel`).
    let without_prefix = |word: &str| -> Option<String> {
        let entry = data.prefixes.iter().find(|entry| {
            word.strip_prefix(entry.prefix.as_str()).is_some_and(|rest| !(entry.before_consonant && is_vowel(rest)))
        })?;
        let rest = &word[entry.prefix.len()..];
        let absorbed = usize::from(entry.absorbs && is_vowel(rest));
        (rest.len() + absorbed >= data.min_root).then(|| rest.to_owned())
    };
    let strip_one = |word: &str, endings: &[String]| -> String {
        endings
            .iter()
            .find_map(|ending| word.strip_suffix(ending.as_str()).filter(|rest| rest.len() >= data.min_root))
            .unwrap_or(word)
            .to_owned()
    };
    let word = strip_one(&lower, &data.particles);
    // A suffix is stripped only where the root it leaves, its prefix stripped too, is long
    // enough (`membeli` is `beli`: without its `i`, `bel` would be too short).
    let with_suffix = strip_one(&word, &data.suffixes);
    let root = without_prefix(&with_suffix)
        .or_else(|| (with_suffix.len() < word.len()).then(|| without_prefix(&word)).flatten())
        .unwrap_or(with_suffix);
    // A root's first letter that a prefix could have absorbed is dropped before a vowel, and
    // a last letter a suffix could have hidden.
    let mut root = match root.chars().next() {
        Some(first)
            if data.merged_initials.iter().any(|initial| initial.starts_with(first))
                && is_vowel(&root[first.len_utf8()..])
                && root.len() >= data.min_root =>
        {
            root[first.len_utf8()..].to_owned()
        }
        _ => root,
    };
    if root.len() >= data.min_root && data.merged_finals.iter().any(|last| root.ends_with(last.as_str())) {
        root.pop();
    }
    root
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_and_spellings_fold_together() {
        let groups: &[&[&str]] = &[
            &["recruit", "recruits", "recruiting", "recruited", "recruitment", "Recruitment"],
            &["transport", "transports", "transporting", "transported", "transportation"],
            &["transfer", "transfers", "transferring", "transferred"],
            &["harbour", "harbours", "harbouring", "harboured", "harbor", "harboring", "harbored"],
            &["receive", "receives", "receiving", "received", "receipt"],
            &["labour", "labor", "labours"],
            &["service", "services"],
            &["deceive", "deceives", "deceiving", "deception"],
            &["coerce", "coercion", "coerced"],
            &["abduct", "abduction", "abducting"],
            &["organ", "organs"],
            &["sell", "selling", "sells", "sold"],
            &["threat", "threats", "threaten", "threatens"],
            &["person", "persons", "people"],
            &["victim", "victim's", "victims"],
            &["unlawful", "unlawfully"],
            &["remove", "removes", "removal", "removing"],
        ];
        for group in groups {
            let folded: Vec<String> = group.iter().map(|word| fold_word(word)).collect();
            assert!(folded.windows(2).all(|pair| pair[0] == pair[1]), "{group:?} folded to {folded:?}");
        }
        // Distinct words stay distinct.
        let distinct = ["sale", "sell", "provision", "provide", "force", "fraud", "slavery", "servitude"];
        let folded: std::collections::HashSet<String> = distinct.iter().map(|word| fold_word(word)).collect();
        assert_eq!(folded.len(), distinct.len(), "{folded:?}");
    }

    #[test]
    fn tokens_keep_exact_spans() {
        let text = "recruitment, transportation—or “harbouring” of persons";
        for token in tokens(text) {
            assert_eq!(fold_word(&text[token.start..token.end]), token.folded);
        }
        let words: Vec<&str> = tokens(text).iter().map(|token| &text[token.start..token.end]).collect();
        assert_eq!(words, ["recruitment", "transportation", "or", "harbouring", "of", "persons"]);
    }

    #[test]
    fn the_first_tokens_are_those_of_the_whole_text() {
        let texts = [
            "For the purposes of this Act, any person who recruits, transports or harbours",
            "ซื้อ ขาย จำหน่าย พามาจากหรือส่งไปยังที่ใด and then (b) words",
            "words first, then ການຄ້າມະນຸດ, then words",
            "",
        ];
        for text in texts {
            for folding in [Folding::English, Folding::Malay, Folding::Plain] {
                let all = tokens_in(text, folding);
                for count in 0..all.len() + 2 {
                    assert_eq!(first_tokens_in(text, folding, count), all[..count.min(all.len())], "{text} {count}");
                }
            }
        }
    }

    fn folded(phrase: &str) -> Vec<String> {
        tokens(phrase).into_iter().map(|token| token.folded).collect()
    }

    #[test]
    fn unspaced_scripts_match_whole_words_only() {
        // `ทาส` (slave) is a word of `เอาคนลงเป็นทาส`, not of `ทาสี` (to paint).
        assert!(find_phrase(&tokens("การเอาคนลงเป็นทาส"), &folded("ทาส")).is_some());
        assert!(find_phrase(&tokens("จ้างคนมาทาสีบ้าน"), &folded("ทาส")).is_none());
        // The dictionary splits `พามาจาก` as `พาม|า|จาก` in one context: a phrase is still
        // found where its first and last letters start and end words.
        let words = tokens("ซื้อ ขาย จำหน่าย พามาจากหรือส่งไปยังที่ใด");
        let at = find_phrase(&words, &folded("พามาจาก")).expect("found");
        assert_eq!(words[at].start, "ซื้อ ขาย จำหน่าย ".len());
        // Lao with a stray space inside a word (as the sources print it) is the same word.
        assert!(find_phrase(&tokens("ການເຄື່ອນ ຍ້າຍ, ການຂົນສົ່ງ"), &folded("ເຄື່ອນຍ້າຍ")).is_some());
        // Spans stay exact and numbers in Thai digits are one token.
        let text = "มาตรา ๑๘ ผู้ใด";
        let words = tokens(text);
        assert_eq!(&text[words[0].start..words[words.len() - 1].end], text);
        assert!(words.iter().any(|word| &text[word.start..word.end] == "๑๘" && word.starts_word && word.ends_word));
        assert_eq!(word_count("การค้ามนุษย์ หมายความว่า"), 5);
    }

    #[test]
    fn indonesian_and_malay_fold_their_affixes() {
        let malay = |word: &str| fold_word_in(word, Folding::Malay);
        let groups: &[&[&str]] = &[
            &["rekrut", "perekrutan", "merekrut", "direkrut"],
            &["angkut", "pengangkutan", "mengangkut", "diangkut"],
            &["kirim", "pengiriman", "mengirim", "mengirimkan", "dikirim"],
            &["terima", "penerimaan", "menerima", "diterima"],
            &["tipu", "penipuan", "menipu", "ditipu"],
            &["sekap", "penyekapan", "menyekap", "disekap"],
            &["palsu", "pemalsuan", "memalsukan", "dipalsukan"],
            &["beli", "pembelian", "membeli", "dibeli"],
            &["jual", "penjualan", "menjual", "dijual"],
            &["culik", "penculikan", "menculik", "diculik"],
            &["dagang", "perdagangan", "memperdagangkan", "pemerdagangan", "diperdagangkan"],
            &["eksploitasi", "dieksploitasi", "mengeksploitasi"],
            &["tampung", "penampungan", "menampung", "ditampung"],
            &["pindah", "pemindahan", "memindahkan", "dipindahkan"],
        ];
        for group in groups {
            let folded: Vec<String> = group.iter().map(|word| malay(word)).collect();
            assert!(folded.windows(2).all(|pair| pair[0] == pair[1]), "{group:?} folded to {folded:?}");
        }
        // Different roots stay apart, and English is not folded as Malay.
        assert_ne!(malay("pengangkatan"), malay("pengangkutan"));
        assert_ne!(malay("penjualan"), malay("pembelian"));
        assert_eq!(fold_word("diminished"), "diminish");
        assert_eq!(Folding::of_language("id"), Folding::Malay);
        assert_eq!(Folding::of_language("ms"), Folding::Malay);
        assert_eq!(Folding::of_language("en"), Folding::English);
        assert_eq!(Folding::of_language("vi"), Folding::Plain);
        // Vietnamese keeps its tones: `bán` (sell) is not `ban`.
        assert_ne!(fold_word_in("bán", Folding::Plain), fold_word_in("ban", Folding::Plain));
    }

    #[test]
    fn digits_of_any_script_are_numbers() {
        assert_eq!(decimal_value("18"), Some(18));
        assert_eq!(decimal_value("๑๘"), Some(18));
        assert_eq!(decimal_value("໑໘"), Some(18));
        assert_eq!(decimal_value("1a"), None);
        assert_eq!(decimal_value(""), None);
    }
}
