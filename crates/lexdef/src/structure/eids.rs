//! eIds: every provision's id, its component under its parent's, made unique among siblings.

use rustc_hash::FxHashMap;

use super::label::{is_closing_quote, is_opening_quote};
use super::{Level, Node};
use crate::eid::Eid;

/// Give every node its eId: its component under its parent's; `_2`, `_3` for a repeat of an
/// eId already given (a list that restarts, a section number used twice), in text order.
///
/// A repeat is the same component under the same parent eId. The parent's eId is unique, so
/// the parent is named by its node (or by nothing: a section's eId leaves out its part or
/// chapter) and the component is borrowed — no eId is hashed and no key allocated. Each eId is
/// formatted once and only its own component is checked against the eId grammar: the
/// parent's is valid already and `__` joins them.
pub(super) fn assign_eids(nodes: &mut [Node], roots: &[usize]) {
    let mut eids: Vec<Option<Eid>> = vec![None; nodes.len()];
    let mut seen = FxHashMap::with_capacity_and_hasher(nodes.len(), Default::default());
    assign_under(nodes, roots, None, &mut seen, &mut eids);
    for (node, eid) in nodes.iter_mut().zip(eids) {
        node.eid = eid;
    }
}

/// The eIds of `siblings` and their descendants, under `parent` (its node and eId).
fn assign_under<'n>(
    nodes: &'n [Node],
    siblings: &[usize],
    parent: Option<(usize, &Eid)>,
    seen: &mut FxHashMap<(Option<usize>, &'n str), usize>,
    eids: &mut [Option<Eid>],
) {
    for &index in siblings {
        // Parts and chapters are containers: an article's or a section's eId leaves them out,
        // so renumbering a part does not change the sections' ids.
        let container = parent.filter(|_| {
            let own_level = nodes[index].level;
            !matches!(own_level, Level::Unit(_)) || !parent_is_container(nodes, index)
        });
        let container_eid = container.map(|(_, eid)| eid);
        let component = nodes[index].component.as_str();
        let count = seen.entry((container.map(|(node, _)| node), component)).or_insert(0);
        *count += 1;
        let eid = if *count == 1 {
            Eid::checked_child(container_eid, component)
        } else {
            Eid::checked_child(container_eid, &format!("{component}_{count}"))
        };
        // A number the eId grammar cannot hold (a control character, say): keep its place.
        let eid = eid
            .unwrap_or_else(|| Eid::child(container_eid, &format!("{}_nn{}", nodes[index].kind.eid_name(), index + 1)));
        assign_under(nodes, &nodes[index].children, Some((index, &eid)), seen, eids);
        eids[index] = Some(eid);
    }
}

fn parent_is_container(nodes: &[Node], index: usize) -> bool {
    nodes[index].parent.is_some_and(|parent| nodes[parent].level.is_container())
}

/// The eId form of a term: lower case, words joined by `-`, punctuation dropped.
pub(super) fn term_slug(term: &str) -> String {
    let words: Vec<String> = term
        .split_whitespace()
        .map(|word| {
            word.chars()
                .filter(|&character| {
                    !(character.is_ascii_punctuation()
                        || ('\u{2000}'..='\u{206F}').contains(&character)
                        || is_opening_quote(character)
                        || is_closing_quote(character))
                })
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .filter(|word| !word.is_empty())
        .collect();
    if words.is_empty() {
        "term".to_owned()
    } else {
        words.join("-")
    }
}
