//! Numbering levels: where a numbered provision goes. A label's level (a `(b)`, a `12.`, a
//! `Section 4`) decides what it closes and what it nests under, and its kind follows from the
//! kind of the provision it lands in.

use super::amendment::Region;
use super::label::{self, Label, LabelStyle, Unit};
use super::{Level, Node, Parser};
use crate::document::{ProvisionKind, Span};
use crate::warning::{Warning, WarningKind};

/// No law nests provisions this deep; a text that does is read flatter, with a warning.
const MAX_DEPTH: usize = 32;

/// How the number of a list is printed. A list printed otherwise, opened by a line that
/// introduces it, is a list of its own under the open one: the `1)` points of a paragraph
/// `(1)` or `2.` (Luxembourg, Armenia), the `1°` limbs of a lid `1.` (the Netherlands).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum NumberPrint {
    /// `1.`, or a number without brackets.
    Dot,
    /// `(1)`.
    Brackets,
    /// `1)`.
    RightParen,
    /// `1°`, `2º`.
    Ordinal,
}

impl NumberPrint {
    fn of(style: &LabelStyle) -> Option<NumberPrint> {
        match style {
            LabelStyle::BareNumber | LabelStyle::BareNumberHeading | LabelStyle::UndottedNumber => {
                Some(NumberPrint::Dot)
            }
            LabelStyle::Bracketed => Some(NumberPrint::Brackets),
            LabelStyle::RightParen => Some(NumberPrint::RightParen),
            LabelStyle::Ordinal => Some(NumberPrint::Ordinal),
            _ => None,
        }
    }
}

impl Parser<'_> {
    pub(super) fn open_labelled(
        &mut self,
        label: Option<Label>,
        line_start: usize,
        body_start: usize,
        content_end: usize,
        quoted_line: bool,
        inferred_num: Option<String>,
    ) {
        self.expects_heading = None;
        self.explaining = false;
        let region = self.enter_or_leave_quote_region(quoted_line, label.as_ref());
        let in_quote = region != Region::Outside;
        let level = match &label {
            Some(label) => self.level_of(label),
            None => self.unnumbered_level(),
        };
        let marginal_heading =
            label.as_ref().and_then(|label| self.take_marginal_heading(label, level, body_start, content_end));
        self.flush_pending_heading();
        let start = marginal_heading.map_or(line_start, |span| span.start);
        let print = label.as_ref().and_then(|label| NumberPrint::of(&label.style));
        self.close_for(level, label.as_ref().map(|label| label.number.as_str()), print);
        if region == Region::OpensAfterClosing {
            self.quoted_floor = Some(self.stack.len());
        }
        let parent = self.stack.last().map(|&index| &self.nodes[index]);
        // The first provisions of quoted text are the amended instrument's: a quoted `(2)`
        // inserted into a section is a subsection of it, whatever the amending text is.
        let region_top = in_quote && self.quoted_floor == Some(self.stack.len());
        let kind = match level {
            Level::Numeric if region_top => ProvisionKind::Subsection,
            Level::Letter | Level::CapitalLetter if region_top => ProvisionKind::Paragraph,
            _ => kind_for(level, parent.map(|parent| parent.kind)),
        };
        let number = label.as_ref().map(|label| label.number.clone());
        let component = match &number {
            Some(number) => format!("{}_{number}", kind.eid_name()),
            None => {
                let position = self.unnumbered_siblings() + 1;
                format!("{}_nn{position}", kind.eid_name())
            }
        };
        let index = self.push_node(kind, level, component, start, body_start, in_quote);
        let printed = label.as_ref().map(|label| &self.text[body_start..body_start + label.printed_len]);
        {
            let node = &mut self.nodes[index];
            node.number = number;
            node.num = match (&inferred_num, printed) {
                (Some(inferred), _) => Some(inferred.clone()),
                (None, Some(printed)) if !printed.is_empty() => Some(printed.to_owned()),
                _ => None,
            };
            node.number_inferred = inferred_num.is_some() || label.is_none();
            node.heading = marginal_heading;
            node.bare = label.as_ref().is_some_and(|label| {
                matches!(
                    label.style,
                    LabelStyle::BareNumber | LabelStyle::BareNumberHeading | LabelStyle::UndottedNumber
                )
            });
            node.print = print.filter(|_| level.is_list());
            node.end = content_end;
        }
        let Some(label) = label else { return };
        let after_heading = match label.style {
            LabelStyle::Keyword { inline_heading, .. } => {
                self.keyword_heading(index, &label, body_start, content_end, inline_heading, false)
            }
            // `5. Trafficking of persons.—(1) Whoever ...`
            LabelStyle::BareNumber if label.run_in.is_none() && level == Level::Unit(Unit::Section) => {
                self.keyword_heading(index, &label, body_start, content_end, true, true)
            }
            // `1 Meaning of exploitation`; under a marginal heading (`Aggravating factors` then
            // `121 The court shall take into account whether`) the words are the section's text.
            LabelStyle::BareNumberHeading if marginal_heading.is_some() => None,
            LabelStyle::BareNumberHeading => {
                let rest_start = body_start + label.rest;
                self.nodes[index].heading = Some(Span { start: rest_start, end: content_end });
                None
            }
            LabelStyle::RomanAlone => {
                self.expects_heading = Some(index);
                None
            }
            _ => None,
        };
        let subsection_after_heading = after_heading.and_then(|offset| {
            let label = label::subsection_label(&self.text[offset..content_end])?;
            Some(Box::new(label.shifted(offset - body_start)))
        });
        // `3.—(1)`, `(a)(1)(A)`: each label run in on the line opens its own level, where the
        // one before it put the stack.
        let mut run_in = label.run_in.as_deref().or(subsection_after_heading.as_deref());
        while let Some(sub) = run_in {
            let level = self.level_of(sub);
            let print = NumberPrint::of(&sub.style);
            self.close_for(level, Some(&sub.number), print);
            let parent = self.stack.last().map(|&index| self.nodes[index].kind);
            let kind = kind_for(level, parent);
            let sub_start = body_start + sub.start;
            let component = format!("{}_{}", kind.eid_name(), sub.number);
            let index = self.push_node(kind, level, component, sub_start, sub_start, in_quote);
            let printed = self.text[sub_start..body_start + sub.printed_len].to_owned();
            let node = &mut self.nodes[index];
            node.number = Some(sub.number.clone());
            node.num = Some(printed);
            node.print = print.filter(|_| level.is_list());
            node.end = content_end;
            run_in = sub.run_in.as_deref();
        }
    }

    pub(super) fn level_of(&self, label: &Label) -> Level {
        match &label.style {
            LabelStyle::Keyword { unit: Unit::Part, .. } => Level::Part,
            LabelStyle::Keyword { unit: Unit::Title, .. } => Level::Title,
            LabelStyle::Keyword { unit: Unit::Chapter, .. } | LabelStyle::RomanAlone => Level::Chapter,
            LabelStyle::Keyword { unit: Unit::Division, .. } => Level::Division,
            LabelStyle::Keyword { unit: Unit::SectionGroup, .. } => Level::SectionGroup,
            LabelStyle::Keyword { unit: Unit::Subdivision, .. } => Level::Subdivision,
            LabelStyle::Keyword { unit, .. } => Level::Unit(*unit),
            LabelStyle::RomanDash => Level::RomanParagraph,
            LabelStyle::ParagraphSign => Level::ParagraphSign,
            LabelStyle::OrdinalWord => Level::OrdinalWord,
            // `1. transfers the person to,`: a list item; a section starts with a capital or a
            // heading.
            LabelStyle::BareNumber if label.text_in_lower_case => Level::Numeric,
            LabelStyle::BareNumber | LabelStyle::BareNumberHeading | LabelStyle::UndottedNumber => {
                // `1.` is a paragraph of an article, a subsection of a `Section 6`, and a
                // section of its own in a Commonwealth act.
                let floor = self.quoted_floor.unwrap_or(0);
                let innermost_unit = self.stack[floor..]
                    .iter()
                    .rev()
                    .map(|&index| &self.nodes[index])
                    .find(|node| matches!(node.level, Level::Unit(_)));
                match innermost_unit {
                    Some(node) if node.level == Level::Unit(Unit::Article) => Level::Numeric,
                    Some(node) if !node.bare => Level::Numeric,
                    _ => Level::Unit(Unit::Section),
                }
            }
            LabelStyle::Bracketed | LabelStyle::RightParen | LabelStyle::LetterDot | LabelStyle::Ordinal => {
                let number = label.number.as_str();
                if number.chars().all(|character| character.is_ascii_digit() || character.is_ascii_uppercase())
                    && number.starts_with(|character: char| character.is_ascii_digit())
                {
                    Level::Numeric
                } else if self.is_roman_here(number) {
                    Level::Roman
                } else if self.is_capital_roman_here(number) {
                    Level::CapitalRoman
                } else if self.is_double_letter_here(number) {
                    Level::DoubleLetter
                } else if number.chars().all(char::is_uppercase) {
                    Level::CapitalLetter
                } else {
                    Level::Letter
                }
            }
        }
    }

    /// The open provisions of the innermost quoted text (or of the whole text), innermost
    /// first.
    fn open_innermost_first(&self) -> impl Iterator<Item = &Node> {
        let floor = self.quoted_floor.unwrap_or(0);
        self.stack[floor..].iter().rev().map(|&index| &self.nodes[index])
    }

    /// Whether the line before ends as a list's introduction does (`... who—`, `... means:`):
    /// the next label opens a list under the provision it ends.
    fn introduces_a_list(&self) -> bool {
        self.previous_line_end_char.is_some_and(|character| character == ':' || label::is_dash(character))
    }

    /// Whether `(I)` here is a Roman numeral under an item `(i)` (United States Code:
    /// `(A)(i)(I)`), not a capital letter. Under an item, `(I)` opens the list when the line
    /// before introduces one or no open `(H)` makes it the next letter; an open `(I)`, `(II)`
    /// continues to `(II)`, `(III)`.
    fn is_capital_roman_here(&self, number: &str) -> bool {
        let roman =
            !number.is_empty() && number.chars().all(|character| matches!(character, 'I' | 'V' | 'X' | 'L' | 'C'));
        if !roman {
            return false;
        }
        let Some(innermost) = self.open_innermost_first().find(|node| node.level != Level::DoubleLetter) else {
            return false;
        };
        match innermost.level {
            Level::CapitalRoman => {
                innermost.number.as_deref().is_some_and(|previous| precedes(Level::CapitalRoman, previous, number))
            }
            Level::Roman if number == "I" => {
                let next_letter = self
                    .open_innermost_first()
                    .find(|node| node.level == Level::CapitalLetter)
                    .and_then(|node| node.number.as_deref())
                    .is_some_and(|previous| precedes(Level::CapitalLetter, previous, number));
                self.introduces_a_list() || !next_letter
            }
            _ => false,
        }
    }

    /// Whether `(aa)` here is the level under an item (United States Code: `(i)(aa)`), not the
    /// letter after `(z)`: an open `(z)` continues its list, an open item or `(aa)` holds it.
    fn is_double_letter_here(&self, number: &str) -> bool {
        let mut chars = number.chars();
        let doubled = match (chars.next(), chars.next(), chars.next()) {
            (Some(first), Some(second), None) => first == second && first.is_lowercase(),
            _ => false,
        };
        if !doubled {
            return false;
        }
        for node in self.open_innermost_first() {
            match node.level {
                Level::Letter
                    if node.number.as_deref().is_some_and(|previous| precedes(Level::Letter, previous, number)) =>
                {
                    return false
                }
                Level::DoubleLetter | Level::Roman | Level::CapitalRoman => return true,
                _ => {}
            }
        }
        false
    }

    /// Whether `(i)` here is the Roman one, not the letter after `(h)`.
    pub(super) fn is_roman_here(&self, number: &str) -> bool {
        let roman = !number.is_empty() && number.chars().all(|character| matches!(character, 'i' | 'v' | 'x' | 'l'));
        if !roman {
            return false;
        }
        // Right under a `§` section (United States Code), a lower-case label is a subsection
        // letter: `§ 1101.` then `(i) With respect to ...` is subsection (i).
        let under_section_sign = self.open_innermost_first().next().is_some_and(|node| {
            node.level == Level::Unit(Unit::Section) && node.num.as_deref().is_some_and(|num| num.contains('§'))
        });
        if under_section_sign && number.chars().count() == 1 {
            return false;
        }
        let previous_letter =
            self.stack.iter().rev().map(|&index| &self.nodes[index]).find(|node| node.level == Level::Letter);
        let previous_roman =
            self.stack.last().map(|&index| &self.nodes[index]).filter(|node| node.level == Level::Roman);
        let mut chars = number.chars();
        let single = chars.next().filter(|_| chars.next().is_none());
        match single {
            Some(letter) => {
                let follows_letter = previous_letter
                    .and_then(|node| node.number.as_deref())
                    .and_then(|number| number.chars().next())
                    .is_some_and(|previous| (previous as u32) + 1 == letter as u32);
                if follows_letter {
                    // `(h)(1)(A)` and then `(i)` after `... who—`: an item under the `(A)` open
                    // above (United States Code), not the letter after `(h)`.
                    let top_holds_items = self
                        .open_innermost_first()
                        .next()
                        .is_some_and(|node| matches!(node.level, Level::CapitalLetter | Level::Numeric));
                    return letter == 'i' && top_holds_items && self.introduces_a_list();
                }
                // `(i)`, or `(v)` / `(x)` continuing a Roman list.
                letter == 'i' || previous_roman.is_some()
            }
            None => true,
        }
    }

    /// Whether a list's first label opens a list under `top`, which its level alone would
    /// close, because the line before introduces it (`... en vue:`, `... by means of –`): a
    /// `1)` or `1°` list under a paragraph `(1)` or `1.` printed otherwise (Luxembourg,
    /// Armenia, the Netherlands), and `(a)` under an item `(i)` (Nigeria: `subsection (2) (i)
    /// (b)`).
    fn opens_list_under(&self, top: &Node, level: Level, number: Option<&str>, print: Option<NumberPrint>) -> bool {
        let Some(number) = number else { return false };
        if !is_first_in_list(level, number) || !self.introduces_a_list() {
            return false;
        }
        match (top.level, level) {
            (Level::Numeric, Level::Numeric) => print.is_some() && top.print.is_some() && top.print != print,
            (Level::Roman, Level::Letter) => true,
            _ => false,
        }
    }

    /// Whether a definition after a list item belongs beside the list, not in its last item:
    /// a numbered paragraph holds definitions when its line introduced them (`(1) In this
    /// Act—`) or it holds some already; after `(8) selling a woman ... .` a definition is
    /// the article's.
    fn leaves_definition_out(&self, top: &Node, level: Level) -> bool {
        level == Level::Definition
            && top.level == Level::Numeric
            && !self.introduces_a_list()
            && !top.children.iter().any(|&child| self.nodes[child].level == Level::Definition)
    }

    /// Whether a recognised label is read as one here: a label printed tight against its text
    /// (`(a)Debt`, `1.Slavery`) only where it starts a list or continues an open one, since
    /// `(s)he` starts the same way.
    pub(super) fn reads_as_label(&self, label: &Label) -> bool {
        if !label.tight {
            return true;
        }
        let level = self.level_of(label);
        level.is_list()
            && (is_first_in_list(level, &label.number)
                || self.open_innermost_first().any(|node| {
                    node.level == level
                        && node.number.as_deref().is_some_and(|previous| precedes(level, previous, &label.number))
                }))
    }

    /// `120 A person who ...` right under a marginal heading (`Penalties`): a section numbered
    /// without a dot (Canadian consolidations).
    pub(super) fn undotted_section_here(&self, body: &str) -> Option<Label> {
        self.pending_heading?;
        label::undotted_section_sentence(body)
    }

    /// A `{{number: ? | ...}}` provision is at the level of the provision before it.
    pub(super) fn unnumbered_level(&self) -> Level {
        let floor = self.quoted_floor.unwrap_or(0);
        match self.stack[floor..].last().map(|&index| self.nodes[index].level) {
            Some(level) if level.is_list() || matches!(level, Level::Definition | Level::Unnumbered) => level,
            _ => Level::Unnumbered,
        }
    }

    pub(super) fn unnumbered_siblings(&self) -> usize {
        let siblings = match self.stack.last() {
            Some(&parent) => &self.nodes[parent].children,
            None => &self.roots,
        };
        siblings
            .iter()
            .filter(|&&index| self.nodes[index].number.is_none() && self.nodes[index].kind != ProvisionKind::Preamble)
            .count()
    }

    /// Close open provisions until the top may hold a provision of `level`. A list number
    /// that continues an open list (`(b)` after `(a)`, `(9)` after `(1)` with a gap between)
    /// closes up to that list, however deep the provisions opened since; of two open lists it
    /// may continue, the one printed as it is (`2)` continues `1)`, not `(1)`).
    pub(super) fn close_for(&mut self, level: Level, number: Option<&str>, print: Option<NumberPrint>) {
        let floor = self.quoted_floor.unwrap_or(0);
        if let Some(number) = number.filter(|_| level.is_list()) {
            if !is_first_in_list(level, number) {
                let open_same_level: Vec<usize> = (floor..self.stack.len())
                    .rev()
                    .filter(|&depth| self.nodes[self.stack[depth]].level == level)
                    .collect();
                let continues = |depth: usize| {
                    self.nodes[self.stack[depth]]
                        .number
                        .as_deref()
                        .is_some_and(|previous| precedes(level, previous, number))
                };
                let printed_alike = |depth: usize| {
                    let open = self.nodes[self.stack[depth]].print;
                    open.is_none() || print.is_none() || open == print
                };
                let predecessor = open_same_level
                    .iter()
                    .copied()
                    .find(|&depth| continues(depth) && printed_alike(depth))
                    .or_else(|| open_same_level.iter().copied().find(|&depth| continues(depth)));
                if let Some(depth) = predecessor.or_else(|| open_same_level.first().copied()) {
                    self.stack.truncate(depth);
                    return;
                }
            }
        }
        while self.stack.len() > floor {
            let top = &self.nodes[*self.stack.last().expect("the stack is longer than the floor")];
            if may_hold(top.level, level) && !self.leaves_definition_out(top, level) {
                break;
            }
            if self.opens_list_under(top, level, number, print) {
                break;
            }
            self.stack.pop();
        }
        // Lists inside lists (`(a)` `(1)` `(a)` `(1)` ...) can nest without end in a broken
        // text; past a depth no law has, the deeper ones are read as siblings.
        if self.stack.len() >= MAX_DEPTH {
            self.stack.truncate(MAX_DEPTH - 1);
            if !self.warned_depth {
                self.warned_depth = true;
                let offset = self.nodes[*self.stack.last().expect("MAX_DEPTH is above 1")].start;
                self.warnings.push(Warning::new(
                    WarningKind::DeepNesting,
                    self.instrument.locate(offset),
                    format!("provisions nested deeper than {MAX_DEPTH} levels: the deeper ones are read as siblings"),
                ));
            }
        }
    }
}

/// Whether a provision of level `parent` may hold one of level `child`.
pub(super) fn may_hold(parent: Level, child: Level) -> bool {
    use Level::*;
    match child {
        Part => false,
        Title => parent == Part,
        Chapter => matches!(parent, Part | Title),
        Division => matches!(parent, Part | Title | Chapter),
        SectionGroup => matches!(parent, Part | Title | Chapter | Division),
        Subdivision => matches!(parent, Part | Title | Chapter | Division),
        Unit(_) => parent.is_container(),
        Numeric => matches!(parent, Unit(_) | Definition | Letter | CapitalLetter | ParagraphSign | RomanParagraph),
        ParagraphSign => matches!(parent, Unit(_)),
        RomanParagraph => matches!(parent, Unit(_) | ParagraphSign | Definition),
        Definition => matches!(parent, Unit(_) | Numeric),
        // `(A)` is a list of its own under `(1)`, never the continuation of `(a)`, and never
        // under it (`(a)` then `(A)` are siblings, as a capital letter was read before it had
        // a level of its own).
        Letter | CapitalLetter | OrdinalWord => {
            matches!(parent, Unit(_) | Numeric | Definition | ParagraphSign | RomanParagraph)
        }
        Roman => matches!(parent, Unit(_) | Numeric | Definition | Letter | CapitalLetter),
        CapitalRoman => parent == Roman,
        DoubleLetter => matches!(parent, Roman | CapitalRoman),
        Unnumbered => matches!(parent, Unit(_) | Numeric | Definition | Letter | CapitalLetter),
        Preamble => false,
    }
}

/// The kind of a provision of `level` under a parent of `parent` kind. Lists nest from the
/// unit down: paragraph, subparagraph, clause, then subclause for anything deeper; a Roman
/// numeral is an item wherever it is, and what is under an item is a subclause.
pub(super) fn kind_for(level: Level, parent: Option<ProvisionKind>) -> ProvisionKind {
    let list_under = |parent: Option<ProvisionKind>| match parent {
        Some(ProvisionKind::Paragraph) => ProvisionKind::Subparagraph,
        Some(ProvisionKind::Subparagraph) => ProvisionKind::Clause,
        Some(ProvisionKind::Clause | ProvisionKind::Item | ProvisionKind::Subclause) => ProvisionKind::Subclause,
        _ => ProvisionKind::Paragraph,
    };
    match level {
        Level::Part => ProvisionKind::Part,
        Level::Title => ProvisionKind::Title,
        Level::Chapter => ProvisionKind::Chapter,
        Level::Division => ProvisionKind::Division,
        Level::SectionGroup => ProvisionKind::Section,
        Level::Subdivision => ProvisionKind::Subdivision,
        Level::Unit(Unit::Article) => ProvisionKind::Article,
        Level::Unit(_) => ProvisionKind::Section,
        Level::Numeric => match parent {
            Some(ProvisionKind::Section) => ProvisionKind::Subsection,
            parent => list_under(parent),
        },
        Level::Definition => ProvisionKind::Definition,
        Level::ParagraphSign => ProvisionKind::Paragraph,
        Level::Letter | Level::CapitalLetter | Level::RomanParagraph | Level::OrdinalWord => list_under(parent),
        Level::Unnumbered => ProvisionKind::Paragraph,
        Level::Roman => ProvisionKind::Item,
        Level::CapitalRoman | Level::DoubleLetter => ProvisionKind::Subclause,
        Level::Preamble => ProvisionKind::Preamble,
    }
}

/// Whether `number` starts a list (`1`, `a`, `i`), so it opens a new one rather than
/// continuing an open list.
pub(super) fn is_first_in_list(level: Level, number: &str) -> bool {
    match level {
        Level::Numeric | Level::ParagraphSign | Level::OrdinalWord => number == "1",
        Level::Letter | Level::CapitalLetter => matches!(number, "a" | "A"),
        Level::Roman | Level::CapitalRoman | Level::RomanParagraph => matches!(number, "i" | "I"),
        Level::DoubleLetter => number == "aa",
        _ => true,
    }
}

/// Whether `next` follows `previous` in a list of `level`: `1`→`2`, `1`→`1A`, `a`→`b`,
/// `d`→`đ`→`e` (Vietnamese), `z`→`aa`, `iv`→`v`.
fn precedes(level: Level, previous: &str, next: &str) -> bool {
    match level {
        Level::Numeric | Level::ParagraphSign | Level::OrdinalWord => {
            let digits =
                |number: &str| number.chars().take_while(char::is_ascii_digit).collect::<String>().parse::<u64>().ok();
            match (digits(previous), digits(next)) {
                (Some(previous_value), Some(next_value)) => {
                    next_value == previous_value + 1 || (next_value == previous_value && next.len() > previous.len())
                }
                _ => false,
            }
        }
        Level::Letter | Level::CapitalLetter | Level::DoubleLetter => {
            let lower = |text: &str| text.to_lowercase();
            let (previous, next) = (lower(previous), lower(next));
            let mut previous_chars = previous.chars();
            let mut next_chars = next.chars();
            match (previous_chars.next(), previous_chars.next(), next_chars.next(), next_chars.next()) {
                (Some('d'), None, Some('đ'), None) | (Some('đ'), None, Some('e'), None) => true,
                (Some(previous), None, Some(next), None) => next as u32 == previous as u32 + 1,
                (Some('z'), None, Some('a'), Some('a')) => true,
                (Some(first), Some(second), Some(next_first), Some(next_second)) => {
                    first == second && next_first == next_second && next_first as u32 == first as u32 + 1
                }
                _ => false,
            }
        }
        Level::Roman | Level::CapitalRoman | Level::RomanParagraph => {
            roman_value(next).zip(roman_value(previous)).is_some_and(|(next, previous)| next == previous + 1)
        }
        _ => false,
    }
}

fn roman_value(numeral: &str) -> Option<u32> {
    let mut total = 0;
    let mut previous = 0;
    for character in numeral.chars().rev() {
        let value = match character.to_ascii_lowercase() {
            'i' => 1,
            'v' => 5,
            'x' => 10,
            'l' => 50,
            'c' => 100,
            _ => return None,
        };
        if value < previous {
            total -= value;
        } else {
            total += value;
            previous = value;
        }
    }
    Some(total)
}
