//! Bulletin text -> releases (spec section 1).
//!
//! ```text
//! bulletin = [BOM] { blank } { separator release }
//! release  = { blank } category_line title_line body
//! body     = line { line } ; ends with "date" [sp] YYYY-MM-DD
//! separator= a line that is exactly "-" (surrounding white space ignored)
//! ```
//! A text without separator lines is one plain document. Every position kept here is a
//! byte offset into the original text, so that facts can point back at their source.

use chrono::NaiveDate;

use crate::problem::{Problem, ProblemKind, Problems, Skipped};

/// One release, borrowed from the bulletin text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Release<'a> {
    pub category: &'a str,
    pub title: &'a str,
    pub title_offset: usize,
    /// The body without its date trailer (may be empty).
    pub body: &'a str,
    pub body_offset: usize,
    pub date: Option<NaiveDate>,
    /// Byte offset and 1-based line of the release's first line (its separator).
    pub offset: usize,
    pub line: usize,
    /// The body stops mid-sentence before its trailer: a listing page cut it.
    pub cut: bool,
    /// A `date YYYY-MM-DD` marker inside a plain document's text: metadata, no fact.
    pub meta: Option<std::ops::Range<usize>>,
}

/// A line of the text: its content without the line break, its byte offset, its number.
#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    text: &'a str,
    offset: usize,
    number: usize,
}

/// The lines of a text, as `split_inclusive('\n')` yields them (each with its `\n`, a last
/// one without), found with the memchr crate's vectorized search; the line break, a `\r`
/// before it and a byte-order mark at the start belong to no line. An iterator: a text of
/// millions of lines is never held as a list of them.
fn line_iter(text: &str) -> impl Iterator<Item = Line<'_>> {
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).map(|at| at + 1);
    let pieces = ends.chain((!text.ends_with('\n')).then_some(text.len()));
    let mut start = 0;
    let raws = pieces.filter_map(move |end| {
        let raw = text.get(start..end).filter(|r| !r.is_empty()).map(|r| (start, r));
        start = end;
        raw
    });
    (1..).zip(raws).map(|(number, (offset, raw))| {
        let content = raw.strip_suffix('\n').unwrap_or(raw);
        let content = content.strip_suffix('\r').unwrap_or(content);
        let (content, skip) = match content.strip_prefix('\u{feff}') {
            Some(c) if offset == 0 => (c, '\u{feff}'.len_utf8()),
            _ => (content, 0),
        };
        Line {
            text: content,
            offset: offset + skip,
            number,
        }
    })
}

#[cfg(test)]
fn lines(text: &str) -> Vec<Line<'_>> {
    line_iter(text).collect()
}

fn is_separator(line: &str) -> bool {
    // Most lines start with a letter: no trimming is needed to say no.
    match line.as_bytes().first() {
        Some(&b) if b.is_ascii() && !matches!(b, b'\t'..=b'\r' | b' ' | b'-') => false,
        _ => line.trim() == "-",
    }
}

fn is_blank(line: &str) -> bool {
    match line.as_bytes().first() {
        Some(&b) if b.is_ascii() && !matches!(b, b'\t'..=b'\r' | b' ') => false,
        _ => line.trim().is_empty(),
    }
}

/// `s.trim_start()`, said at once when `s` starts with a printable ASCII character (no
/// white space), as most lines do.
fn trim_start(s: &str) -> &str {
    match s.as_bytes().first() {
        Some(b) if b.is_ascii_graphic() => s,
        _ => s.trim_start(),
    }
}

/// `s.trim()`, said at once when `s` starts and ends with printable ASCII characters.
fn trim(s: &str) -> &str {
    match (s.as_bytes().first(), s.as_bytes().last()) {
        (Some(a), Some(z)) if a.is_ascii_graphic() && z.is_ascii_graphic() => s,
        _ => s.trim(),
    }
}

/// What a trailer search found.
#[derive(Debug, PartialEq, Eq)]
enum Trailer {
    /// `date2025-11-19`: where the trailer starts, and the date.
    Valid(usize, NaiveDate),
    /// Looks like a trailer but names no real day (`date2025-02-30`).
    Impossible(usize, String),
    Missing,
}

/// `"date" [sp] YYYY-MM-DD` at the end of `text` (trailing white space ignored).
fn trailer(text: &str) -> Trailer {
    let t = text.trim_end();
    let Some(date_at) = t.len().checked_sub(10) else {
        return Trailer::Missing;
    };
    let Some(ymd) = t.get(date_at..) else {
        return Trailer::Missing;
    };
    let shape = ymd.bytes().enumerate().all(|(n, b)| {
        if n == 4 || n == 7 {
            b == b'-'
        } else {
            b.is_ascii_digit()
        }
    });
    if !shape {
        return Trailer::Missing;
    }
    let head = t[..date_at].trim_end();
    let Some(word_at) = head.len().checked_sub(4) else {
        return Trailer::Missing;
    };
    if !head.get(word_at..).is_some_and(|w| w.eq_ignore_ascii_case("date")) {
        return Trailer::Missing;
    }
    // The shape is checked: the digits are read directly, a byte each (chrono's pattern
    // parser cost over a thousand instructions a release, `str::parse` sixty a number).
    let digits = |from: usize, to: usize| {
        ymd.as_bytes()
            .get(from..to)
            .map(|d| d.iter().fold(0, |n, b| n * 10 + u32::from(b - b'0')))
    };
    let date = match (digits(0, 4), digits(5, 7), digits(8, 10)) {
        (Some(y), Some(m), Some(d)) => i32::try_from(y).ok().and_then(|y| NaiveDate::from_ymd_opt(y, m, d)),
        _ => None,
    };
    match date {
        Some(d) => Trailer::Valid(word_at, d),
        None => Trailer::Impossible(word_at, ymd.to_string()),
    }
}

/// A `date YYYY-MM-DD` anywhere in a plain document: (start, end, date).
fn find_date_marker(text: &str) -> Option<(usize, usize, NaiveDate)> {
    let lower_hits = text.match_indices("date").map(|(i, _)| i);
    for at in lower_hits {
        let after = &text[at + 4..];
        let gap = after.len() - after.trim_start_matches([' ', '\t', '\u{a0}']).len();
        let Some(ymd) = after.get(gap..gap + 10) else { continue };
        if let Ok(d) = NaiveDate::parse_from_str(ymd, "%Y-%m-%d") {
            if !text[..at].ends_with(|c: char| c.is_alphanumeric()) {
                return Some((at, at + 4 + gap + 10, d));
            }
        }
    }
    None
}

/// A body is cut when it ends without closing punctuation before its trailer.
fn looks_cut(body: &str) -> bool {
    let t = body.trim_end();
    !t.is_empty() && !t.ends_with(['.', '!', '?', '"', '”', '’', ')', ']', '…'])
        || t.ends_with('.') && t[..t.len() - 1].ends_with(|c: char| c.is_ascii_digit()) && {
            // `... EUR 1.`: a number stopped right at its decimal point.
            let before = t[..t.len() - 1].trim_end_matches(|c: char| c.is_ascii_digit());
            before.ends_with(' ') || before.ends_with('$')
        }
}

/// Splits a bulletin into releases. Problems name the 1-based line; a release with a
/// problem of `Error` severity is left out, every other one is returned.
pub fn read_bulletin(text: &str, anchor: Option<NaiveDate>) -> (Vec<Release<'_>>, Vec<Problem>) {
    read_part(text, anchor, true)
}

/// [`read_bulletin`] on a part of a bulletin that starts at a line and, unless it is the
/// `last`, ends just before a separator line: what a reader that streams an input hands
/// on. Offsets and lines count from the part's start.
pub fn read_part(text: &str, anchor: Option<NaiveDate>, last: bool) -> (Vec<Release<'_>>, Vec<Problem>) {
    read_part_between(text, anchor, last, &separator_lines(text))
}

/// A separator line of a text: the offset where its line starts and its 1-based number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeparatorLine {
    pub start: usize,
    pub line: usize,
}

/// An input's bytes checked once as text, for a reader that holds an input whole: what
/// [`String::from_utf8`], a search for control characters and a search for line feeds
/// would each find, from one reading of the bytes. The line feeds give a part's
/// [`SeparatorLine`]s without reading the text again.
///
/// ```
/// let checked = bulletin_facts::CheckedText::from_bytes(b"-\nTrade\n".to_vec()).unwrap();
/// assert_eq!((checked.text.as_str(), checked.may_hold_controls, checked.line_feeds), ("-\nTrade\n", false, vec![1, 7]));
/// assert!(bulletin_facts::CheckedText::from_bytes(b"caf\xe9".to_vec()).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedText {
    /// The bytes, as text.
    pub text: String,
    /// False when the text holds no control character but tab and line feed (C0, DEL or
    /// C1); true when it may: it holds a C0 control or DEL, or the byte 0xC2 that the C1
    /// controls start with (as do `°`, `£` and other characters).
    pub may_hold_controls: bool,
    /// The byte offset of every line feed, in order.
    pub line_feeds: Vec<usize>,
}

impl CheckedText {
    /// `bytes` checked as text; the bytes back, unchanged, when they hold a NUL byte or are
    /// not UTF-8 (the caller finds where, as it reports it).
    pub fn from_bytes(bytes: Vec<u8>) -> Result<CheckedText, Vec<u8>> {
        let (text, may_hold_controls, line_feeds) = crate::words::utf8_text(bytes)?;
        Ok(CheckedText {
            text,
            may_hold_controls,
            line_feeds,
        })
    }
}

/// The separator lines of a text, in order.
pub fn separator_lines(text: &str) -> Vec<SeparatorLine> {
    let mut start = 0;
    let mut found = Vec::new();
    for line in line_iter(text) {
        if is_separator(line.text) {
            found.push(SeparatorLine {
                start,
                line: line.number,
            });
        }
        // The next line starts after this one's break (a BOM only shifts the first).
        start = line.offset + line.text.len();
        start += text.as_bytes().get(start..).map_or(0, line_break_len);
    }
    found
}

/// The length of the line break (`\n` or `\r\n`) at the start of `rest`, else 0.
fn line_break_len(rest: &[u8]) -> usize {
    match rest {
        [b'\n', ..] => 1,
        [b'\r', b'\n', ..] => 2,
        _ => 0,
    }
}

/// [`read_part`] told where the text's separator lines are (as [`separator_lines`] finds
/// them: a reader that cut the text has seen them), so that only the first lines of each
/// release are walked, not its body's. Separators that are not at a line start in order
/// are passed over.
pub fn read_part_between<'a>(
    text: &'a str,
    anchor: Option<NaiveDate>,
    last: bool,
    separators: &[SeparatorLine],
) -> (Vec<Release<'a>>, Vec<Problem>) {
    let mut problems = Problems::default();
    let mut releases = releases_between(text, anchor, last, separators, &mut problems);
    for r in &mut releases {
        cap_release(text, r, &mut problems);
    }
    (releases, problems.into_sorted())
}

/// The most of one release's body that is read: past it a warning says what is left out.
/// A press release is kilobytes; extracting a 200 MB one took 7.7 GB, about 38 bytes per
/// byte of text.
pub const MAX_RELEASE: usize = 4 << 20;

/// The most of a title that is read. A title is one line; one of megabytes is a plain
/// document written on one line, whose figures each carry a window of it (400 bytes) as
/// their sentence, so it is held to less than a body.
pub const MAX_TITLE: usize = 1 << 20;

/// Cuts an overlong title or body at [`MAX_TITLE`] or [`MAX_RELEASE`] bytes (where
/// [`cut_at`] finds no figure halved), with a warning.
fn cap_release<'a>(text: &'a str, r: &mut Release<'a>, problems: &mut Problems) {
    let mut warn = |what: &str, offset: usize, len: usize, limit: usize| {
        let line = 1 + memchr::memchr_iter(b'\n', &text.as_bytes()[..offset.min(text.len())]).count();
        problems.push(Problem::warning(
            ProblemKind::TooLong,
            line,
            offset,
            format!(
                "release {what} of {} MB: only its first {} MB are read (the most of one release's {what})",
                len >> 20,
                limit >> 20
            ),
        ));
    };
    if r.title.len() > MAX_TITLE {
        warn("title", r.title_offset, r.title.len(), MAX_TITLE);
        r.title = cut_at(r.title, MAX_TITLE);
    }
    if r.body.len() > MAX_RELEASE {
        warn("body", r.body_offset + MAX_RELEASE, r.body.len(), MAX_RELEASE);
        r.body = cut_at(r.body, MAX_RELEASE);
        r.cut = false;
    }
}

/// How far back from the limit a cut looks for a place where no figure is halved: a text
/// whose one line break comes early would otherwise lose all that follows it.
const CUT_REACH: usize = 64 << 10;

/// The head of `s` of at most `limit` bytes. Within the last [`CUT_REACH`] bytes it ends at
/// a line break, else after a clause's end (`.`, `;`, `!` or `?` before white space), else
/// at white space with no digit in the three words before it or the two after; failing
/// those, at the last white space, else at a character boundary. Cut at any white space, a
/// figure could lose the words that scale or date it (`KRW 5 billion` read as `KRW 5`,
/// `March 2024` as `March`): no figure runs on past a clause's end, and a figure's words
/// stand within a few words of its digits.
fn cut_at(s: &str, limit: usize) -> &str {
    let boundary = (0..=limit).rev().find(|&p| s.is_char_boundary(p)).unwrap_or(0);
    let head = &s[..boundary];
    let bytes = head.as_bytes();
    let from = boundary.saturating_sub(CUT_REACH);
    // White space within reach, last first.
    let spaces = || (from..boundary).rev().filter(|&at| bytes[at].is_ascii_whitespace());
    let clause_end = || spaces().find(|&at| at > 0 && matches!(bytes[at - 1], b'.' | b';' | b'!' | b'?'));
    let clear_of_figures = || {
        let digit = |w: &str| w.bytes().any(|b| b.is_ascii_digit());
        spaces().find(|&at| {
            let before = head[..at].split_ascii_whitespace().rev().take(3);
            let after = s[at..].split_ascii_whitespace().take(2);
            !before.chain(after).any(digit)
        })
    };
    let at = memchr::memrchr(b'\n', &bytes[from..])
        .map(|at| from + at)
        .or_else(clause_end)
        .or_else(clear_of_figures)
        .or_else(|| head.rfind(char::is_whitespace))
        .filter(|&at| at > 0)
        .unwrap_or(boundary);
    s[..at].trim_end()
}

/// [`read_bulletin`] before the caps, from the separator lines: each release is the text
/// from one to the next, and only its lines up to its title are walked; its body's last
/// line is found from its end.
fn releases_between<'a>(
    text: &'a str,
    anchor: Option<NaiveDate>,
    last: bool,
    separators: &[SeparatorLine],
    problems: &mut Problems,
) -> Vec<Release<'a>> {
    let starts = in_order(text, separators);
    let Some(&first) = starts.first() else {
        let all: Vec<Line> = line_iter(text).collect();
        return plain_document(text, &all, anchor, problems).into_iter().collect();
    };
    // Text before the first separator is not part of any release.
    if let Some(stray) = line_iter(&text[..first.start]).find(|l| !is_blank(l.text)) {
        problems.push(Problem::warning(
            ProblemKind::Outside,
            stray.number,
            stray.offset,
            "text before the first `-` separator is not part of a release; ignored",
        ));
    }
    let content_end = if last { text.trim_end().len() } else { usize::MAX };
    let ends = starts.iter().skip(1).map(|s| s.start).chain([text.len()]);
    starts
        .iter()
        .zip(ends)
        .filter_map(|(sep, end)| release_from(text, content_end, *sep, end, problems))
        .collect()
}

/// The separators that start lines of `text`, each after the one before.
fn in_order(text: &str, separators: &[SeparatorLine]) -> Vec<SeparatorLine> {
    let mut kept: Vec<SeparatorLine> = Vec::with_capacity(separators.len());
    for &sep in separators {
        let after_last = kept.last().is_none_or(|k| k.start < sep.start && k.line < sep.line);
        let at_line_start = sep.start == 0 || text.as_bytes().get(sep.start.wrapping_sub(1)) == Some(&b'\n');
        if after_last && at_line_start && sep.start < text.len() {
            kept.push(sep);
        }
    }
    kept
}

/// A release's category and title: its first two lines with content after the separator
/// line `sep`. Says what is missing in `problems` when one is: `-` followed by nothing
/// loses nothing, so a warning (none at the very end: no `more_lines` and nothing before
/// `content_end`); a category without a title skips the release.
fn category_and_title<'a>(
    content: &mut impl Iterator<Item = Line<'a>>,
    sep: Line<'a>,
    more_lines: bool,
    content_end: usize,
    problems: &mut Problems,
) -> Option<(Line<'a>, Line<'a>)> {
    let Some(category) = content.next() else {
        if more_lines || sep.offset + sep.text.len() < content_end {
            problems.push(Problem::warning(
                ProblemKind::Empty,
                sep.number,
                sep.offset,
                "empty release: no category, title or body after this `-`",
            ));
        }
        return None;
    };
    let Some(title) = content.next() else {
        problems.push(Problem::error(
            ProblemKind::NoTitle,
            Skipped::Release,
            category.number,
            category.offset,
            "release has a category line but no title line",
        ));
        return None;
    };
    Some((category, title))
}

/// One release from the text of its separator line at `sep` up to `end`: `release`
/// with its lines walked only as far as its title.
fn release_from<'a>(
    text: &'a str,
    content_end: usize,
    sep: SeparatorLine,
    end: usize,
    problems: &mut Problems,
) -> Option<Release<'a>> {
    let start = sep.start;
    // A byte-order mark belongs to no line: the segment's first line is shifted only
    // at the text's start, where `line_iter` strips it.
    let sep_line = line_iter(text.get(start..end)?).next().map(|l| Line {
        offset: l.offset + start,
        ..l
    })?;
    let sep_line = Line {
        number: sep.line,
        ..sep_line
    };
    let after = memchr::memchr(b'\n', &text.as_bytes()[start..end]).map_or(end, |n| start + n + 1);
    let more_lines = after < end;
    let mut content = NonBlank {
        text,
        at: after,
        end,
        number: sep.line,
    };
    let (category, title) = category_and_title(&mut content, sep_line, more_lines, content_end, problems)?;
    let bytes = text.as_bytes();
    // The last line's content ends before its line break.
    let mut body_end = end;
    if body_end > start && bytes.get(body_end - 1) == Some(&b'\n') {
        body_end -= 1;
    }
    if body_end > start && bytes.get(body_end - 1) == Some(&b'\r') {
        body_end -= 1;
    }
    // The line of an offset in the release: one more than the breaks before it.
    let line_at = |at: usize| sep.line + memchr::memchr_iter(b'\n', &bytes[start..at.max(start)]).count();
    body_and_date(text, title, body_end, line_at, problems).map(|(body, body_offset, date)| Release {
        category: trim(category.text),
        title: trim(title.text),
        title_offset: title.offset + (title.text.len() - trim_start(title.text).len()),
        body,
        body_offset,
        date,
        offset: sep_line.offset,
        line: sep_line.number,
        cut: date.is_some() && looks_cut(body),
        meta: None,
    })
}

/// The lines of `text[at..end]` (`at` at a line start, past the text's first line) that
/// are not blank, as `line_iter` reads them; `number` is the line before `at`'s.
struct NonBlank<'a> {
    text: &'a str,
    at: usize,
    end: usize,
    number: usize,
}

impl<'a> Iterator for NonBlank<'a> {
    type Item = Line<'a>;

    fn next(&mut self) -> Option<Line<'a>> {
        while self.at < self.end {
            let rest = self.text.as_bytes().get(self.at..self.end)?;
            let (content_end, next) =
                memchr::memchr(b'\n', rest).map_or((self.end, self.end), |n| (self.at + n, self.at + n + 1));
            let raw = self.text.get(self.at..content_end)?;
            let line = Line {
                text: raw.strip_suffix('\r').unwrap_or(raw),
                offset: self.at,
                number: self.number + 1,
            };
            self.number += 1;
            self.at = next;
            if !is_blank(line.text) {
                return Some(line);
            }
        }
        None
    }
}

/// A release's body (trimmed, with its offset) and trailer date, from the end of its
/// title line to `body_end`; `line_at` gives the line of an offset, for the problems.
fn body_and_date<'a>(
    text: &'a str,
    title: Line<'a>,
    body_end: usize,
    line_at: impl Fn(usize) -> usize,
    problems: &mut Problems,
) -> Option<(&'a str, usize, Option<NaiveDate>)> {
    let body_start = title.offset + title.text.len();
    let raw_body = &text[body_start..body_end.max(body_start)];
    let (body_len, date) = match trailer(raw_body) {
        Trailer::Valid(at, d) => (at, Some(d)),
        Trailer::Impossible(at, ymd) => {
            problems.push(Problem::error(
                ProblemKind::ReleaseDate,
                Skipped::Release,
                line_at(body_start + at),
                body_start + at,
                format!("release date `{ymd}` is not a calendar day"),
            ));
            return None;
        }
        Trailer::Missing => {
            problems.push(Problem::warning(
                ProblemKind::ReleaseDate,
                line_at(body_end),
                body_end,
                "release has no `date YYYY-MM-DD` trailer; its release_date is empty",
            ));
            (raw_body.len(), None)
        }
    };
    let body_full = &raw_body[..body_len];
    let lead = body_full.len() - trim_start(body_full).len();
    Some((trim(body_full), body_start + lead, date))
}

/// [`read_part`] by walking every line (the reading before [`read_part_between`]): the
/// oracle its tests hold it to.
#[cfg(test)]
fn read_part_by_lines(text: &str, anchor: Option<NaiveDate>, last: bool) -> (Vec<Release<'_>>, Vec<Problem>) {
    let mut problems = Problems::default();
    let mut releases = releases_by_lines(text, anchor, last, &mut problems);
    for r in &mut releases {
        cap_release(text, r, &mut problems);
    }
    (releases, problems.into_sorted())
}

/// [`read_bulletin`] before the caps, every line walked. The lines are read once, in
/// order, and only the current release's are held.
#[cfg(test)]
fn releases_by_lines<'a>(
    text: &'a str,
    anchor: Option<NaiveDate>,
    last: bool,
    problems: &mut Problems,
) -> Vec<Release<'a>> {
    let mut releases = Vec::new();
    // Where the text's content ends, found once rather than once per empty release; a
    // part that is not the last is followed by a separator, which is content.
    let content_end = if last { text.trim_end().len() } else { usize::MAX };
    // The lines since the last separator (it first), or before the first one.
    let mut current: Vec<Line> = Vec::new();
    let mut after_separator = false;
    for line in line_iter(text) {
        if is_separator(line.text) {
            if after_separator {
                releases.extend(release(text, content_end, &current, problems));
            } else if let Some(stray) = current.iter().find(|l| !is_blank(l.text)) {
                // Text before the first separator is not part of any release.
                problems.push(Problem::warning(
                    ProblemKind::Outside,
                    stray.number,
                    stray.offset,
                    "text before the first `-` separator is not part of a release; ignored",
                ));
            }
            current.clear();
            after_separator = true;
        }
        current.push(line);
    }
    if !after_separator {
        return plain_document(text, &current, anchor, problems).into_iter().collect();
    }
    releases.extend(release(text, content_end, &current, problems));
    releases
}

/// One release from its lines (the separator first).
#[cfg(test)]
fn release<'a>(text: &'a str, content_end: usize, lines: &[Line<'a>], problems: &mut Problems) -> Option<Release<'a>> {
    let sep = lines[0];
    let mut content = lines[1..].iter().copied().filter(|l| !is_blank(l.text));
    let (category, title) = category_and_title(&mut content, sep, lines.len() > 1, content_end, problems)?;
    let title_text = title.text.trim();
    let title_offset = title.offset + (title.text.len() - title.text.trim_start().len());
    let body_start = title.offset + title.text.len();
    let last = lines[lines.len() - 1];
    let body_end = last.offset + last.text.len();
    let raw_body = &text[body_start..body_end.max(body_start)];
    let (body_len, date) = match trailer(raw_body) {
        Trailer::Valid(at, d) => (at, Some(d)),
        Trailer::Impossible(at, ymd) => {
            let line = lines
                .iter()
                .rev()
                .find(|l| l.offset <= body_start + at)
                .map_or(sep.number, |l| l.number);
            problems.push(Problem::error(
                ProblemKind::ReleaseDate,
                Skipped::Release,
                line,
                body_start + at,
                format!("release date `{ymd}` is not a calendar day"),
            ));
            return None;
        }
        Trailer::Missing => {
            problems.push(Problem::warning(
                ProblemKind::ReleaseDate,
                last.number,
                body_end,
                "release has no `date YYYY-MM-DD` trailer; its release_date is empty",
            ));
            (raw_body.len(), None)
        }
    };
    let body_full = &raw_body[..body_len];
    let lead = body_full.len() - body_full.trim_start().len();
    let body = body_full.trim();
    Some(Release {
        category: category.text.trim(),
        title: title_text,
        title_offset,
        body,
        body_offset: body_start + lead,
        date,
        offset: sep.offset,
        line: sep.number,
        cut: date.is_some() && looks_cut(body),
        meta: None,
    })
}

/// A text without separators: title = first non-empty line, the rest is the body.
fn plain_document<'a>(
    text: &'a str,
    all: &[Line<'a>],
    anchor: Option<NaiveDate>,
    problems: &mut Problems,
) -> Option<Release<'a>> {
    let Some(title) = all.iter().find(|l| !is_blank(l.text)) else {
        problems.push(Problem::warning(
            ProblemKind::Empty,
            1,
            0,
            "input is empty; no releases",
        ));
        return None;
    };
    let lead = title.text.len() - title.text.trim_start().len();
    let title_offset = title.offset + lead;
    let body_start = title.offset + title.text.len();
    let rest = &text[body_start..];
    let (body_raw, date, meta) = match find_date_marker(rest) {
        // A marker at the end is a trailer; elsewhere it stays in the text as metadata.
        Some((at, end, d)) if rest[end..].trim().is_empty() => (&rest[..at], Some(d), None),
        Some((at, end, d)) => (rest, Some(d), Some(body_start + at..body_start + end)),
        None => (rest, anchor, None),
    };
    let lead_ws = body_raw.len() - body_raw.trim_start().len();
    Some(Release {
        category: "",
        title: title.text.trim(),
        title_offset,
        body: body_raw.trim(),
        body_offset: body_start + lead_ws,
        date,
        offset: title.offset,
        line: title.number,
        cut: false,
        meta,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An overlong text is cut where no figure can be cut in two: at a line break, else
    /// after a clause's end, else at white space clear of digits, else at white space.
    #[test]
    fn overlong_text_is_cut_where_no_figure_is_halved() {
        // The limit falls inside `KRW 5 billion`: cut at white space, the figure would read
        // `KRW 5`.
        let line = "Sales rose 3 percent; output hit KRW 5 billion";
        let limit = line.find("billion").unwrap() + 2;
        assert_eq!(cut_at(line, limit), "Sales rose 3 percent;");
        assert_eq!(cut_at("Up 2%. Then KRW 5 billion", 20), "Up 2%.");
        assert_eq!(cut_at("a b\nUp 2%. KRW 5 billion", 20), "a b");
        // No clause's end: white space clear of digits, before the figure's words.
        assert_eq!(cut_at("exports of KRW 5 billion", 18), "exports");
        assert_eq!(cut_at("data for the month of March 2024", 28), "data for the month");
        assert_eq!(cut_at("the output of 3 million metric tons", 33), "the");
        // A full stop inside a word or a number is no clause's end.
        assert_eq!(cut_at("some U.S.exports of 3.5 billion", 26), "some");
        // Digits everywhere: the last white space, then a character boundary.
        assert_eq!(cut_at("1 2 3 4 5 6 7", 10), "1 2 3 4 5");
        assert_eq!(cut_at("ééé", 3), "é");
    }

    /// A cut looks no further back than `CUT_REACH`: an early line break or clause's end
    /// does not cost the text after it.
    #[test]
    fn overlong_text_is_cut_near_its_limit() {
        let words = "and more words ".repeat(CUT_REACH / 10);
        let text = format!("Head.\nA line; {words}to the end");
        let cut = cut_at(&text, text.len() - 5);
        assert!(
            cut.len() > text.len() - CUT_REACH,
            "cut at {} of {}",
            cut.len(),
            text.len()
        );
        assert!(cut.ends_with("words to"), "{}", &cut[cut.len() - 20..]);
    }

    #[test]
    fn lines_are_what_split_inclusive_yields() {
        for text in [
            "",
            "a",
            "a\n",
            "\n\n",
            "a\r\nb",
            "\u{feff}x\ny",
            "one\n\ntwo\n",
            "é\nü",
            "a\r\r\n",
        ] {
            let ours: Vec<_> = lines(text).iter().map(|l| (l.text, l.offset, l.number)).collect();
            let mut offset = 0;
            let mut theirs = Vec::new();
            for (number, raw) in (1..).zip(text.split_inclusive('\n')) {
                let content = raw.strip_suffix('\n').unwrap_or(raw);
                let content = content.strip_suffix('\r').unwrap_or(content);
                let (content, skip) = match content.strip_prefix('\u{feff}') {
                    Some(c) if offset == 0 => (c, 3),
                    _ => (content, 0),
                };
                theirs.push((content, offset + skip, number));
                offset += raw.len();
            }
            assert_eq!(ours, theirs, "{text:?}");
        }
    }

    /// The reading from separator lines is the reading of every line.
    fn assert_same_as_by_lines(text: &str) {
        for last in [true, false] {
            let anchor = Some(d("2020-01-01"));
            let ours = read_part_between(text, anchor, last, &separator_lines(text));
            assert_eq!(ours, read_part_by_lines(text, anchor, last), "{text:?}");
        }
    }

    #[test]
    fn separators_read_as_every_line_on_the_fixtures() {
        let texts = crate::fixture_texts();
        assert!(!texts.is_empty());
        for text in texts {
            assert_same_as_by_lines(&text);
        }
    }

    proptest::proptest! {
        /// The quick trims answer as `str`'s.
        #[test]
        fn quick_trims_answer_as_str(picks in proptest::collection::vec(0..8usize, 0..8)) {
            const PIECES: [&str; 8] = [" ", "\u{a0}", "x", "\t", "é", ".", "\u{1f}", "\r\n"];
            let s: String = picks.iter().map(|&n| PIECES[n]).collect();
            proptest::prop_assert_eq!(trim(&s), s.trim());
            proptest::prop_assert_eq!(trim_start(&s), s.trim_start());
        }

        /// Releases read from their separators are those read line by line, on any text
        /// made of the pieces a bulletin is made of.
        #[test]
        fn separators_read_as_every_line(picks in proptest::collection::vec(0..16usize, 0..40)) {
            const PIECES: [&str; 16] = [
                "-\n", " - \r\n", "\u{feff}", "\n", "\r\n", "Trade\n", "A title ", "Sales rose.",
                " date2025-11-19", "date 2025-02-30\n", "\t\n", "- not one\n", "-", "\r", "é", "x\n",
            ];
            let text: String = picks.iter().map(|&n| PIECES[n]).collect();
            assert_same_as_by_lines(&text);
            // Separators given out of order or off a line start are passed over.
            let mut seps = separator_lines(&text);
            seps.reverse();
            let wild = [SeparatorLine { start: 1, line: 1 }, SeparatorLine { start: usize::MAX, line: 2 }];
            let _ = read_part_between(&text, None, true, &[&seps[..], &wild[..]].concat());
        }

        /// The first-byte answers are the trimming answers.
        #[test]
        fn separator_and_blank_tests_answer_as_trim(
            picks in proptest::collection::vec(0..8usize, 0..6),
        ) {
            const PIECES: [&str; 8] = ["-", " ", "\u{a0}", "\u{b}", "\t", "x", "\u{2003}", "—"];
            let line: String = picks.iter().map(|&n| PIECES[n]).collect();
            proptest::prop_assert_eq!(is_separator(&line), line.trim() == "-", "{:?}", line);
            proptest::prop_assert_eq!(is_blank(&line), line.trim().is_empty(), "{:?}", line);
        }
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn releases_with_trailers_in_both_spellings() {
        let text =
            "-\nTrade\nTitle one\nBody one. date2025-11-19\n-\nIndustry\nTitle two\nBody two.\ndate 2025-11-18\n";
        let (rs, problems) = read_bulletin(text, None);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(rs.len(), 2);
        assert_eq!(
            (rs[0].category, rs[0].title, rs[0].body, rs[0].date),
            ("Trade", "Title one", "Body one.", Some(d("2025-11-19")))
        );
        assert_eq!((rs[1].body, rs[1].date), ("Body two.", Some(d("2025-11-18"))));
        assert_eq!(&text[rs[1].body_offset..rs[1].body_offset + 9], "Body two.");
        assert_eq!(&text[rs[0].title_offset..rs[0].title_offset + 9], "Title one");
    }

    #[test]
    fn bom_crlf_and_padded_separators() {
        let text = "\u{feff}  -  \r\nEnergy\r\n\r\nA title\r\nLine one.\r\nLine two. date2024-01-02\r\n";
        let (rs, problems) = read_bulletin(text, None);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(rs[0].title, "A title");
        assert_eq!(rs[0].body, "Line one.\r\nLine two.");
        assert_eq!(&text[rs[0].body_offset..rs[0].body_offset + 4], "Line");
    }

    #[test]
    fn cut_bodies_are_normal() {
        let (rs, problems) = read_bulletin("-\nX\nT\nexports rose 15.6 percen date2022-01-03\n", None);
        assert!(problems.is_empty());
        assert!(rs[0].cut);
        assert_eq!(rs[0].body, "exports rose 15.6 percen");
    }

    #[test]
    fn missing_title_is_an_error_and_the_rest_survives() {
        let (rs, problems) = read_bulletin("-\nTrade\n-\nTrade\nGood\nFine. date2025-01-01\n", None);
        assert_eq!(rs.len(), 1);
        assert_eq!(problems.len(), 1);
        assert_eq!((problems[0].line, problems[0].severity), (2, crate::Severity::Error));
    }

    #[test]
    fn impossible_date_is_an_error() {
        let (rs, problems) = read_bulletin("-\nTrade\nT\nBody. date2025-02-30\n", None);
        assert!(rs.is_empty());
        assert_eq!(problems[0].line, 4);
        assert!(problems[0].message.contains("2025-02-30"));
    }

    #[test]
    fn plain_document_takes_its_date_marker_or_the_anchor() {
        let (rs, _) = read_bulletin("\nNews title\nSome text.\ndate 2024-05-02\n", None);
        assert_eq!(
            (rs[0].title, rs[0].body, rs[0].date),
            ("News title", "Some text.", Some(d("2024-05-02")))
        );
        let (rs, _) = read_bulletin("News title\ndate 2024-05-02\nSome text.\n", None);
        assert_eq!((rs[0].date, rs[0].meta.clone()), (Some(d("2024-05-02")), Some(11..26)));
        let (rs, _) = read_bulletin("News title\nSome text.\n", Some(d("2020-01-01")));
        assert_eq!(rs[0].date, Some(d("2020-01-01")));
    }
}
