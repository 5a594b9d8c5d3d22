//! The law at a date: amendments of the corpus applied, and the definition's elements
//! through the versions.

use lexdef::{Corpus, History};

#[test]
fn explore() {
    let corpus = Corpus::bundled();
    for id in ["PH-RA9208-2003", "MY-ATIPSOM-2007", "TH-ATIPA-2008", "TH-ATIPA-2008-orig"] {
        let history = History::of(&corpus, id).unwrap();
        for version in &history.versions {
            println!("== {id} {:?} {:?} {:?}", version.by, version.date, version.basis);
            for change in &version.changes {
                println!("   change {} {:?} by {} {} line {} seen={}", change.eid, change.action, change.by.instrument, change.by.eid, change.by.line, change.target_seen);
            }
        }
        for unapplied in &history.unapplied {
            println!("   UNAPPLIED {} {} line {}: {} [{}]", unapplied.by.instrument, unapplied.by.eid, unapplied.by.line, unapplied.reason, unapplied.by.words.chars().take(80).collect::<String>());
        }
        for (i, v) in history.versions.iter().enumerate() { std::fs::write(format!("/tmp/pit/{id}.{i}.txt"), v.instrument.file_text()).unwrap(); }
    }
}

#[test]
fn explore_timeline() {
    let corpus = Corpus::bundled();
    for id in ["PH-RA9208-2003", "MY-ATIPSOM-2007", "TH-ATIPA-2008"] {
        let history = History::of(&corpus, id).unwrap();
        let timeline = lexdef::Timeline::of(&history, &lexdef::Lexicon::bundled(), &"trafficking_in_persons".parse().unwrap());
        for v in &timeline.versions { println!("V {} {:?} {:?} def={:?} from={:?}", v.index, v.by, v.date, v.definition, v.definition_from); }
        for e in &timeline.entries {
            println!("{} v{} {:<28} {:<10} {:?}->{} by={:?} words={:?} at={:?} note={:?}", id, e.version, e.item, e.event.as_str(), e.from, e.to, e.amending.as_ref().map(|a| format!("{} {}", a.instrument, a.eid)), e.words, e.words_at.as_ref().map(|p| format!("{} {}", p.instrument, p.line)), e.note);
        }
    }
}
