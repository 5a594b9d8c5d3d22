//! One folding function for every place that compares words: the term-model matcher now,
//! the search analyzer later. It lower-cases, reads British spelling as American, and
//! strips inflection, so `Harbouring`, `harbored` and `harbor` are one word; and it keeps
//! each word's byte span, so every match maps back to the exact words of the law.

use unicode_segmentation::UnicodeSegmentation;

/// A word of a text: where it is, and its folded form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the word in the text it was read from.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// The word folded: lower case, American spelling, no inflection.
    pub folded: String,
}

/// Where the folded words of `phrase` occur, in order and adjacent, among `words`.
pub fn find_phrase(words: &[Token], phrase: &[String]) -> Option<usize> {
    if phrase.is_empty() || phrase.len() > words.len() {
        return None;
    }
    (0..=words.len() - phrase.len()).find(|&start| {
        words[start..start + phrase.len()].iter().zip(phrase).all(|(word, wanted)| &word.folded == wanted)
    })
}

/// The words of `text` (Unicode word boundaries; punctuation and spaces are not words), each
/// folded, with byte spans relative to `text`.
pub fn tokens(text: &str) -> Vec<Token> {
    text.unicode_word_indices()
        .map(|(start, word)| Token { start, end: start + word.len(), folded: fold_word(word) })
        .collect()
}

/// Words whose inflected or derived forms the suffix rules would get wrong.
const IRREGULAR: &[(&str, &str)] = &[
    ("receipt", "receiv"),
    ("receipts", "receiv"),
    ("abduction", "abduct"),
    ("abductions", "abduct"),
    ("deception", "deceiv"),
    ("deceit", "deceiv"),
    ("deceitful", "deceiv"),
    ("coercion", "coerc"),
    ("detention", "detain"),
    ("adoption", "adopt"),
    ("adoptions", "adopt"),
    ("bought", "buy"),
    ("sold", "sell"),
    ("sent", "send"),
    ("threaten", "threat"),
    ("threatens", "threat"),
    ("threatened", "threat"),
    ("threatening", "threat"),
    ("brought", "bring"),
    ("children", "child"),
    ("women", "woman"),
    ("persons", "person"),
    ("people", "person"),
    ("acquisition", "acquir"),
    ("removal", "remov"),
    ("reception", "receiv"),
    // `traffics in persons` uses the term `trafficking in persons`.
    ("trafficking", "traffic"),
    ("trafficked", "traffic"),
    ("trafficker", "traffic"),
    ("traffickers", "traffic"),
    // `forced` labour is not `force` used: the adjective keeps its own fold.
    ("forced", "forced"),
    // `enticement` is a means; `entices` an act (see the lexicon).
    ("enticement", "enticement"),
    // `inducement` is a means (`by inducement`); `induced to perform` is not.
    ("inducement", "inducement"),
    ("removals", "remov"),
];

/// British spellings and their American forms, for the stems that matter in this field.
const BRITISH: &[(&str, &str)] = &[
    ("labour", "labor"),
    ("harbour", "harbor"),
    ("behaviour", "behavior"),
    ("favour", "favor"),
    ("honour", "honor"),
    ("organis", "organiz"),
    ("recognis", "recogniz"),
    ("criminalis", "criminaliz"),
    ("authoris", "authoriz"),
    ("offenc", "offens"),
    ("defenc", "defens"),
    ("programm", "program"),
];

/// Fold one word: lower case, irregular forms, suffixes (`-ing`, `-ed`, `-s`, `-ment`,
/// `-ation`, a final `e`, a doubled final consonant), then British spelling as American.
pub fn fold_word(word: &str) -> String {
    let lower: String = word
        .chars()
        .flat_map(char::to_lowercase)
        .filter(|&character| character != '\u{2019}' && character != '\'')
        .collect();
    let lower =
        lower.strip_suffix("s\u{2019}").or_else(|| lower.strip_suffix("'s")).map_or(lower.clone(), str::to_owned);
    if let Some((_, folded)) = IRREGULAR.iter().find(|(form, _)| *form == lower) {
        return (*folded).to_owned();
    }
    if !lower.chars().all(|character| character.is_ascii_alphabetic()) {
        return lower;
    }
    // `activities` is `activity` (`any illegal activities`): a plural in `-ies` folds to its `-y`.
    if lower.len() > 5 && lower.ends_with("ies") {
        return format!("{}y", &lower[..lower.len() - 3]);
    }
    let mut stem = lower.as_str();
    for suffix in ["ations", "ation", "ments", "ment", "ings", "ing", "ed", "es", "ly", "s"] {
        if let Some(rest) = stem.strip_suffix(suffix) {
            let keeps_a_stem = rest.len() >= if suffix == "ly" { 5 } else { 3 };
            // `-es` only after a sibilant (`services` is `service` + `s`); `-s` not after `s`.
            let allowed = match suffix {
                "es" => rest.ends_with(['s', 'x', 'z']) || rest.ends_with("ch") || rest.ends_with("sh"),
                "s" => !rest.ends_with('s') && !rest.ends_with('u') && !rest.ends_with('i'),
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
    for (british, american) in BRITISH {
        if let Some(rest) = stem.strip_prefix(british) {
            return format!("{american}{rest}");
        }
    }
    stem
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
}
