//! A snippet -> each figure with its columns and its span marked in the sentence: the
//! view for whoever edits the grammar.

use std::fmt;

use crate::extract::{Options, extract_text, fold_space};
use crate::model::{Direction, Fact, Origin, Qualifier, Section, Value};
use crate::problem::Problem;
use crate::reader::read_bulletin;
use crate::sentences;

/// One figure: its row, and its sentence with the figure's text in `[` `]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explained {
    pub fact: Fact,
    pub marked: String,
}

/// The figures of a snippet and what was noticed reading it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Explanation {
    pub figures: Vec<Explained>,
    pub problems: Vec<Problem>,
    /// The snippet, for the phrases periods were read from.
    pub source: Option<String>,
}

/// Explains a snippet: a bulletin, or (without `-` lines) a plain document whose release
/// date is `options.anchor_date` unless it carries a `date YYYY-MM-DD` itself.
pub fn explain(text: &str, options: &Options) -> Explanation {
    let ex = extract_text("-", text, options);
    let (releases, _) = read_bulletin(text, options.anchor_date);
    let mut figures = Vec::new();
    // `extract_text` keeps the reader's releases, in its order.
    for (r, facts) in releases.iter().zip(&ex.releases) {
        let title = std::iter::once(r.title_offset..r.title_offset + r.title.len()).collect::<Vec<_>>();
        let body: Vec<_> = sentences::split(r.body)
            .into_iter()
            .map(|s| r.body_offset + s.start..r.body_offset + s.end)
            .collect();
        for fact in &facts.facts {
            let spans: &[std::ops::Range<usize>] = match fact.section {
                Section::Title => &title,
                Section::Body => &body,
            };
            let end = fact.offset + fact.text.len();
            let holds = |s: &&std::ops::Range<usize>| s.start <= fact.offset && end <= s.end;
            // The sentences are in order: the last to start at or before the figure holds
            // it, but for a figure across sentences (then each is asked, in order).
            let last_before = spans.partition_point(|s| s.start <= fact.offset).checked_sub(1);
            let marked = last_before
                .and_then(|n| spans.get(n))
                .filter(holds)
                .or_else(|| spans.iter().find(holds))
                .and_then(|s| mark(text, s.clone(), fact.offset..end))
                .unwrap_or_else(|| format!("[{}]", fact.text));
            figures.push(Explained {
                fact: fact.clone(),
                marked,
            });
        }
    }
    Explanation {
        figures,
        problems: ex.all_problems(),
        source: Some(text.to_string()),
    }
}

/// `sentence` of `text` with `[` `]` around `span`, white space folded.
fn mark(text: &str, sentence: std::ops::Range<usize>, span: std::ops::Range<usize>) -> Option<String> {
    let before = text.get(sentence.start..span.start)?;
    let inside = text.get(span.clone())?;
    let after = text.get(span.end..sentence.end)?;
    Some(fold_space(&format!("{before}[{inside}]{after}")).into_owned())
}

/// `period: 2025-11 (from "in November")  basis: yoy`: the figure's period, where it was
/// read (the phrase of the snippet), and its basis.
fn timing_line(x: &Fact, source: Option<&str>) -> String {
    let period = match (x.period, x.period_end) {
        (None, _) => "-".to_string(),
        (Some(p), None) => p.iso(),
        (Some(p), Some(e)) => format!("{p} .. {e}"),
    };
    let phrase = |offset: usize, len: usize| {
        source
            .and_then(|s| s.get(phrase_start(s, offset)..offset + len))
            .map(|t| fold_space(t).into_owned())
            .unwrap_or_default()
    };
    let origin = match x.period_origin {
        None => String::new(),
        Some(Origin::Phrase { offset, len }) => format!(" (from \"{}\")", phrase(offset, len)),
        Some(Origin::Carried { offset, len }) => {
            format!(
                " (from \"{}\", an earlier sentence of its paragraph)",
                phrase(offset, len)
            )
        }
        Some(Origin::Release { offset, len, title }) => format!(
            " (the release's period, from its {}: \"{}\")",
            if title { "title" } else { "first sentence" },
            phrase(offset, len)
        ),
    };
    let basis = x.basis.map_or("-".to_string(), |b| b.to_string());
    format!("period: {period}{origin}  basis: {basis}")
}

/// Where a date phrase starts with the preposition before it (`in November`, `as of
/// May`), so that `explain` shows the phrase as the sentence says it.
fn phrase_start(source: &str, offset: usize) -> usize {
    let before = source.get(..offset).unwrap_or("");
    let trimmed = before.trim_end_matches(' ');
    let word_start = trimmed.rfind(|c: char| !c.is_alphabetic()).map_or(0, |i| i + 1);
    let word = trimmed.get(word_start..).unwrap_or("").to_ascii_lowercase();
    let prepositions = [
        "in", "for", "during", "of", "as", "from", "through", "since", "by", "to", "until", "at",
    ];
    // `as` last before `of`, told by its two bytes (lowering all the text before it, once,
    // made a long snippet's time grow as its square).
    let of_as = |w: &str| {
        let t = trimmed[..word_start].trim_end().as_bytes();
        w == "of" && t.len() >= 2 && t[t.len() - 2..].eq_ignore_ascii_case(b"as")
    };
    if prepositions.contains(&word.as_str()) && trimmed.len() < before.len() {
        if of_as(&word) {
            let t = trimmed[..word_start].trim_end();
            return t.len() - 2;
        }
        return word_start;
    }
    offset
}

/// A block per figure: kind, value and unit; qualifier, direction, subject; the sentence.
impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let or_dash = |s: &str| if s.is_empty() { "-".to_string() } else { s.to_string() };
        if self.figures.is_empty() {
            writeln!(f, "no figure found")?;
        }
        for (n, e) in self.figures.iter().enumerate() {
            let x = &e.fact;
            let value = match (x.value, x.value_end) {
                (Value::Unresolved, _) => "(unresolved)".to_string(),
                (a, None) => a.to_string(),
                (a, Some(b)) => format!("{a} .. {b}"),
            };
            writeln!(f, "{:>2}. {:<8} {value} {}", n + 1, x.kind.as_str(), x.unit)?;
            writeln!(
                f,
                "    qualifier: {}  direction: {}  subject: {}  section: {}  offset: {}",
                or_dash(x.qualifier.map_or("", Qualifier::as_str)),
                or_dash(x.direction.map_or("", Direction::as_str)),
                or_dash(&x.subject),
                x.section.as_str(),
                x.offset
            )?;
            if x.kind.is_timed() {
                writeln!(f, "    {}", timing_line(x, self.source.as_deref()))?;
            }
            writeln!(f, "    {}", e.marked)?;
        }
        for p in &self.problems {
            writeln!(f, "{}", p.clone().with_path("snippet"))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_marked_in_their_sentence() {
        let text = "-\nTrade\nExports Rise\nThe fund holds KRW 1.2 trillion.  Exports rose 3 percent. date2025-11-14\n";
        let ex = explain(text, &Options::default());
        let marked: Vec<&str> = ex.figures.iter().map(|e| e.marked.as_str()).collect();
        assert_eq!(
            marked,
            ["The fund holds [KRW 1.2 trillion].", "Exports rose [3 percent]."]
        );
    }

    #[test]
    fn each_period_says_where_it_was_read() {
        let text = "-\nTrade\nShipments in October\nIn November, exports rose 8 percent from a year earlier. \
                    Imports rose 2 percent.\nThe fund holds KRW 5 billion. date2025-12-01\n";
        let shown = explain(text, &Options::default()).to_string();
        assert!(
            shown.contains("period: 2025-11 (from \"In November\")  basis: yoy"),
            "{shown}"
        );
        assert!(
            shown.contains("period: 2025-11 (from \"In November\", an earlier sentence of its paragraph)  basis: -"),
            "{shown}"
        );
        assert!(
            shown.contains("period: 2025-10 (the release's period, from its title: \"in October\")  basis: -"),
            "{shown}"
        );
    }

    #[test]
    fn a_plain_snippet_takes_the_anchor_date() {
        let options = Options {
            anchor_date: chrono::NaiveDate::from_ymd_opt(2025, 11, 19),
            ..Options::default()
        };
        let ex = explain("Exports  grew in August.", &options);
        let date = ex.figures.iter().find(|e| e.fact.kind == crate::Kind::Date).unwrap();
        assert_eq!(date.fact.value.to_string(), "2025-08");
        assert_eq!(date.marked, "Exports grew in [August].");
        let shown = ex.to_string();
        assert!(shown.contains("date     2025-08 month"), "{shown}");
    }
}
