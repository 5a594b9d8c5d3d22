//! Gaps and number markers: `{{gap: ...}}` and `{{omitted: ...}}` placed in the tree, and
//! `{{number: ...}}` markers read as the labels they stand for.

use super::label::{self, recognise, Label, LabelStyle, Unit};
use super::{Level, Parser};
use crate::instrument::GapKind;
use crate::warning::{Warning, WarningKind};

impl Parser<'_> {
    /// A `{{number: ...}}` marker at the start of this line.
    pub(super) fn number_marker_at(&mut self, line_start: usize, content_start: usize) -> Option<usize> {
        let markers = &self.instrument.number_markers;
        while self.next_number_marker < markers.len() && markers[self.next_number_marker].offset < line_start {
            // A marker inside a line, not at its start, numbers nothing: the corpus puts
            // number markers at the start of the provision they number.
            let marker = &markers[self.next_number_marker];
            self.warnings.push(Warning::new(
                WarningKind::MisplacedMarker,
                marker.location.clone(),
                "a `{{number: ...}}` marker inside a line numbers nothing: put it at the start of the provision's line",
            ));
            self.next_number_marker += 1;
        }
        let index = self.next_number_marker;
        let marker = markers.get(index)?;
        (marker.offset >= line_start && marker.offset <= content_start).then(|| {
            self.next_number_marker += 1;
            index
        })
    }

    /// The label a number marker stands for: the recognised label of its text (`(f)`), or
    /// none for `?`. Returns the printed number to record.
    pub(super) fn marker_label(&self, index: usize) -> (Option<Label>, Option<String>) {
        let marker = &self.instrument.number_markers[index];
        match &marker.label {
            Some(printed) => {
                // The label is recognised on its own, as if printed before the text.
                let probe = format!("{printed} x");
                let label = recognise(&probe).map(|mut label| {
                    label.printed_len = 0;
                    label.rest = 0;
                    label.run_in = None;
                    // The probe's `x` is no text of the provision.
                    label.text_in_lower_case = false;
                    label
                });
                // A bare `6`: a section (or article) like the one open before it.
                let label = label.or_else(|| {
                    let designator = printed
                        .chars()
                        .all(|character| character.is_alphanumeric() || character == '-' || character == '/');
                    designator.then(|| {
                        let unit = self
                            .stack
                            .iter()
                            .rev()
                            .find_map(|&index| match self.nodes[index].level {
                                Level::Unit(unit) => Some(unit),
                                _ => None,
                            })
                            .unwrap_or(Unit::Section);
                        Label {
                            style: LabelStyle::Keyword { unit, inline_heading: false },
                            start: 0,
                            printed_len: 0,
                            number: label::normalise_number(printed),
                            rest: 0,
                            run_in: None,
                            tight: false,
                            text_in_lower_case: false,
                        }
                    })
                });
                // `Article 14` for an article whose page prints no number: the probe's
                // lower-case `x` reads as a sentence after it (`Article 3 of this Protocol`), so
                // the label is recognised as if alone on its line.
                let label = label.or_else(|| {
                    recognise(printed).map(|mut label| {
                        label.printed_len = 0;
                        label.rest = 0;
                        label.run_in = None;
                        label
                    })
                });
                (label, Some(printed.clone()))
            }
            None => (None, None),
        }
    }

    /// Whether an inline gap marker sits at `offset` (the text stops there).
    pub(super) fn inline_gap_at(&self, offset: usize) -> bool {
        let gaps = &self.instrument.gaps;
        let first = gaps.partition_point(|gap| gap.offset < offset);
        gaps.get(first).is_some_and(|gap| gap.offset == offset && !gap.own_line)
    }

    pub(super) fn assign_gaps_before(&mut self, offset: usize) {
        let gaps = &self.instrument.gaps;
        // A gap at the start of a line belongs to what came before it; omitted provisions at
        // the start of a line stand before the provision on it.
        let due = |gap: &crate::instrument::Gap| {
            gap.offset < offset.max(1) || (gap.kind == GapKind::Provisions && gap.offset <= offset)
        };
        while self.next_gap < gaps.len() && due(&gaps[self.next_gap]) {
            if gaps[self.next_gap].kind == GapKind::Provisions {
                // Whole provisions: placed when the next provision shows at which level.
                self.pending_omissions.push(self.next_gap);
                self.own_line_gap_before = true;
                self.next_gap += 1;
                continue;
            }
            let within = self.stack.last().copied().or_else(|| self.roots.last().copied());
            let mut cursor = within;
            while let Some(index) = cursor {
                self.nodes[index].incomplete = true;
                cursor = self.nodes[index].parent;
            }
            self.gap_nodes.push((self.next_gap, within));
            if gaps[self.next_gap].own_line {
                self.own_line_gap_before = true;
            }
            self.next_gap += 1;
        }
    }
}
