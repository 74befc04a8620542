//! Body text -> sentences, found once per body.
//!
//! A sentence ends at `.`, `!` or `?` (with any closing quotes or brackets) followed by
//! white space and a capital, a digit, an opening quote or bracket, or the end of the
//! text; and at a line break after which a new paragraph starts. A full stop does not end
//! a sentence after an abbreviation (`U.S.`, `Mr.`, `No.`, `Nov.`, an initial like `J.`)
//! or inside a number (`4.5`).

use std::ops::Range;

/// Words that take a full stop without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "no", "nos", "vs", "etc", "inc", "co", "corp", "ltd", "jr", "sr", "st", "dep",
    "gov", "gen", "sen", "rep", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "approx", "est", "fig", "dept", "assn", "u.s", "u.k", "e.g", "i.e", "a.m", "p.m",
];

fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    if w.chars().count() == 1 && w.chars().all(|c| c.is_uppercase()) {
        return true; // an initial: `J. K. Kim`, the last letter of `U.S`
    }
    // `U.S`: letters separated by points.
    if w.len() > 1
        && w.split('.')
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
    {
        return true;
    }
    ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(w))
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']')
}

fn starts_sentence(c: char) -> bool {
    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '(' | '[' | '*' | '-' | '•' | '①'..='⑳')
}

/// The next `.`, `!`, `?` or line break, found with two `memchr2` searches whose results
/// are kept until passed: most bytes of a body are none of these.
#[derive(Default)]
struct Stops {
    /// The next `.` or line break, and the next `!` or `?`, as found from an earlier position.
    dot_or_break: Option<Option<usize>>,
    mark: Option<Option<usize>>,
}

impl Stops {
    fn next_from(&mut self, bytes: &[u8], from: usize) -> Option<usize> {
        let find = |cached: &mut Option<Option<usize>>, a: u8, b: u8| -> Option<usize> {
            match *cached {
                Some(Some(at)) if at >= from => Some(at),
                Some(None) => None,
                _ => {
                    let found = bytes
                        .get(from..)
                        .and_then(|rest| memchr::memchr2(a, b, rest))
                        .map(|n| from + n);
                    *cached = Some(found);
                    found
                }
            }
        };
        let dot = find(&mut self.dot_or_break, b'.', b'\n');
        let mark = find(&mut self.mark, b'!', b'?');
        match (dot, mark) {
            (Some(d), Some(m)) => Some(d.min(m)),
            (d, m) => d.or(m),
        }
    }
}

/// Byte ranges of the sentences of `text`, trimmed, in order.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut stops = Stops::default();
    while let Some(at) = stops.next_from(bytes, i) {
        i = at;
        let b = bytes[i];
        let end = match b {
            b'.' | b'!' | b'?' => sentence_end_after_stop(text, i),
            b'\n' => {
                // Every line break of one white-space run gets the same answer, so the
                // run is judged once: judging each break re-read the run (quadratic on
                // thousands of blank lines).
                let run_end = i + 1 + (text[i + 1..].len() - text[i + 1..].trim_start().len());
                if let Some(end) = paragraph_break(text, i) {
                    push(text, start, end, &mut out);
                    start = end;
                }
                i = run_end;
                continue;
            }
            _ => None,
        };
        if let Some(end) = end {
            push(text, start, end, &mut out);
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    push(text, start, text.len(), &mut out);
    out
}

fn push(text: &str, start: usize, end: usize, out: &mut Vec<Range<usize>>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        out.push(start + lead..start + lead + trimmed.len());
    }
}

/// If the stop at `i` ends a sentence, where the sentence ends (after closers).
fn sentence_end_after_stop(text: &str, i: usize) -> Option<usize> {
    let before = &text[..i];
    let after = &text[i + 1..];
    if text.as_bytes()[i] == b'.' {
        // `4.5`, `U.S.`: a point glued to a letter or digit on the right.
        if after.starts_with(|c: char| c.is_alphanumeric()) {
            return None;
        }
        // The word before the point, read back at most 64 bytes: no abbreviation is longer,
        // and reading back to the start of a long run at every point was quadratic.
        let word_start = before
            .char_indices()
            .rev()
            .take_while(|(p, _)| i - p <= 64)
            .find(|(_, c)| c.is_whitespace() || *c == '(')
            .map(|(p, c)| p + c.len_utf8());
        let word_start = match word_start {
            Some(p) => Some(p),
            None if i <= 64 => Some(0),
            None => None, // a word of more than 64 bytes: no abbreviation
        };
        if word_start.is_some_and(|p| is_abbreviation(&before[p..])) {
            return None;
        }
    }
    let mut end = i + 1;
    for c in after.chars() {
        if is_closer(c) {
            end += c.len_utf8();
        } else {
            break;
        }
    }
    let rest = &text[end..];
    let next = rest.trim_start();
    if next.is_empty() {
        return Some(text.len());
    }
    let spaced = rest.len() > next.len();
    (spaced && next.starts_with(starts_sentence)).then_some(end)
}

/// A line break ends a sentence unless the line runs on mid-sentence (it ends with a
/// word or comma and the next line starts in lower case).
fn paragraph_break(text: &str, i: usize) -> Option<usize> {
    let before = text[..i].trim_end();
    let after = text[i + 1..].trim_start();
    let runs_on =
        before.ends_with(|c: char| c.is_alphanumeric() || c == ',') && after.starts_with(|c: char| c.is_lowercase());
    (!runs_on).then_some(i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn abbreviations_and_decimals_do_not_end_sentences() {
        let t = "Exports to the U.S. rose 4.5 percent. Mr. J. K. Kim met No. 6 on Nov. 18 in Seoul. Next.";
        assert_eq!(
            sentences(t),
            vec![
                "Exports to the U.S. rose 4.5 percent.",
                "Mr. J. K. Kim met No. 6 on Nov. 18 in Seoul.",
                "Next."
            ]
        );
    }

    #[test]
    fn decimals_at_sentence_ends() {
        assert_eq!(
            sentences("It reached $3.5 billion. Imports fell."),
            vec!["It reached $3.5 billion.", "Imports fell."]
        );
    }

    #[test]
    fn quotes_stay_with_their_sentence() {
        assert_eq!(
            sentences("He said, “We will grow.” Then he left."),
            vec!["He said, “We will grow.”", "Then he left."]
        );
    }

    #[test]
    fn long_white_space_runs_are_judged_once() {
        // 200,000 blank lines used to be re-read at every line break.
        let t = format!("First line{}Second line", "\n \n".repeat(100_000));
        assert_eq!(sentences(&t), vec!["First line", "Second line"]);
        let t = format!("a wrapped{}sentence.", "\n".repeat(3));
        assert_eq!(sentences(&t), vec![t.as_str()]);
    }

    #[test]
    fn words_longer_than_any_abbreviation_end_sentences() {
        let long = "x".repeat(100);
        let t = format!("It is {long}. Next one.");
        assert_eq!(sentences(&t), vec![format!("It is {long}.").as_str(), "Next one."]);
        // `a.,a.,...` without spaces: each point used to read back to the start.
        let run = "a.,".repeat(50_000);
        assert_eq!(sentences(&run).len(), 1);
    }

    #[test]
    fn lines_are_paragraphs_unless_they_run_on() {
        assert_eq!(sentences("First line\nSecond line"), vec!["First line", "Second line"]);
        assert_eq!(sentences("a wrapped\nsentence."), vec!["a wrapped\nsentence."]);
    }
}
