//! The tokens of a phrase: words, and bracketed abbreviations, with the gaps between them.

/// One token of a phrase.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tok<'a> {
    pub(super) text: &'a str,
    pub(super) after: &'a str,
    /// `(SSM)`: a parenthesised abbreviation inside the phrase.
    pub(super) abbrev: bool,
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '\u{201c}' | '\u{201d}' | '\u{2018}' | '\u{2019}' | '\'')
}

/// Spaces and quote marks between words; a line break only where the sentence runs on to
/// a lower-case word (a hard-wrapped paragraph: `these two\nsurveys`), not before a new
/// line of a list or a heading.
fn skip_gap(i: &str) -> &str {
    let g = skip_spaces(i);
    let broken = g.strip_prefix("\r\n").or_else(|| g.strip_prefix('\n'));
    match broken.map(skip_spaces) {
        Some(next) if next.starts_with(|c: char| c.is_lowercase()) => next,
        _ => g,
    }
}

/// Spaces (no line break) and quote marks.
fn skip_spaces(i: &str) -> &str {
    // ASCII bytes first; from the first other byte on, by characters.
    let n = i
        .bytes()
        .position(|b| !matches!(b, b' ' | b'\t' | 0x0b | 0x0c | b'"' | b'\''))
        .unwrap_or(i.len());
    let i = &i[n..];
    if !i.starts_with(|c: char| !c.is_ascii()) {
        return i;
    }
    i.trim_start_matches(|c: char| (c.is_whitespace() && c != '\n' && c != '\r') || is_quote(c))
}

/// A word: alnum { ("-" | "&") alnum | alnum }.
fn word_len(i: &str) -> usize {
    // ASCII words (nearly all) by runs of letters and digits, found by one tight loop each;
    // at any other byte: by characters, from the start.
    let b = i.as_bytes();
    let mut at = 0;
    loop {
        let end = at + crate::words::alnum_run(b.get(at..).unwrap_or_default());
        let Some(&c) = b.get(end) else { return end };
        let next = b.get(end + 1).copied().unwrap_or(b' ');
        let joiner = matches!(c, b'-' | b'&');
        if !c.is_ascii() || (joiner && !next.is_ascii()) {
            return word_len_chars(i);
        }
        // A joiner goes on the word only between two letters or digits (or first: `-5`).
        if !(joiner && next.is_ascii_alphanumeric()) {
            return end;
        }
        at = end + 1;
    }
}

/// `word_len` byte by byte, as first written.
#[cfg(test)]
fn word_len_by_bytes(i: &str) -> usize {
    let b = i.as_bytes();
    let mut end = 0;
    let mut at = 0;
    while let Some(&c) = b.get(at) {
        let next = b.get(at + 1).copied().unwrap_or(b' ');
        if !c.is_ascii() || (matches!(c, b'-' | b'&') && !next.is_ascii()) {
            return word_len_chars(i);
        }
        if c.is_ascii_alphanumeric() {
            at += 1;
            end = at;
        } else if matches!(c, b'-' | b'&') && end == at && next.is_ascii_alphanumeric() {
            at += 1;
        } else {
            break;
        }
    }
    end
}

/// word_len, by characters.
fn word_len_chars(i: &str) -> usize {
    let mut end = 0;
    let mut chars = i.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if c.is_alphanumeric() {
            end = at + c.len_utf8();
        } else if matches!(c, '-' | '&') && end == at && chars.peek().is_some_and(|(_, n)| n.is_alphanumeric()) {
            continue;
        } else {
            break;
        }
    }
    end
}

/// The next token after `i`, or `None` at punctuation, a line break or the end.
pub(super) fn next_token(i: &str) -> Option<Tok<'_>> {
    // Nearly every gap is one space before a letter or digit: no quote, line break or
    // bracket to look for (what `next_token_after_gap` reads there too).
    if let [b' ', c, ..] = i.as_bytes() {
        if c.is_ascii_alphanumeric() {
            let g = &i[1..];
            let n = word_len(g);
            return Some(Tok {
                text: &g[..n],
                after: &g[n..],
                abbrev: false,
            });
        }
    }
    next_token_after_gap(i)
}

/// `next_token` at any gap: quotes, line breaks, a bracketed abbreviation.
fn next_token_after_gap(i: &str) -> Option<Tok<'_>> {
    // An apostrophe glued to the word before is a possessive (`countries’ leaders`).
    if i.starts_with(['\u{2019}', '\'']) {
        return None;
    }
    let g = skip_gap(i);
    if let Some(inner) = g.strip_prefix('(') {
        let n = inner
            .find(|c: char| !(c.is_ascii_uppercase() || c.is_ascii_digit() || c == '&' || c == '-'))
            .unwrap_or(inner.len());
        if n >= 2 && inner[n..].starts_with(')') {
            let len = n + 2;
            return Some(Tok {
                text: &g[..len],
                after: &g[len..],
                abbrev: true,
            });
        }
        return None;
    }
    let n = word_len(g);
    if n == 0 {
        return None;
    }
    Some(Tok {
        text: &g[..n],
        after: &g[n..],
        abbrev: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_words_read_as_by_characters() {
        for s in [
            "state-run firms",
            "-5 x",
            "R&D-led",
            "a--b",
            "x-",
            "caf\u{e9}s",
            "co-\u{e9}tats",
            "AB&\u{e9}",
            "2,000",
        ] {
            assert_eq!(word_len(s), word_len_chars(s), "{s}");
        }
        assert_eq!(word_len("R&D-led work"), 7);
        let mut text = crate::fixture_texts().concat();
        text.push_str(" -5 --5 a-&b x&y- 3-\u{e9} R&D\u{2019}s co-op&x k-9\u{a0}z");
        for (at, _) in text.char_indices() {
            assert_eq!(word_len(&text[at..]), word_len_by_bytes(&text[at..]), "at {at}");
        }
        for s in [" \t\"x", "\u{a0} \u{201c}x", " \n x", "'\u{2019}x", "\u{3000}x"] {
            let by_chars = s.trim_start_matches(|c: char| (c.is_whitespace() && c != '\n' && c != '\r') || is_quote(c));
            assert_eq!(skip_spaces(s), by_chars, "{s:?}");
        }
        // A line break is skipped only before a lower-case word: the sentence runs on.
        assert_eq!(skip_gap(" \n x"), "x");
        assert_eq!(skip_gap(" \r\n  x"), "x");
        assert_eq!(skip_gap(" \n X"), "\n X");
        assert_eq!(skip_gap("\n\nx"), "\n\nx");
    }

    #[test]
    fn tokens_after_one_space_read_as_after_any_gap() {
        let mut text = crate::fixture_texts().concat();
        text.push_str(" x  y \"z\" (AB) 5-a R&D \u{e9}t\u{e9} a\u{e9} 3 \n b ' c \u{2019}d (e");
        let mut fast = 0;
        for (at, _) in text.char_indices() {
            let i = &text[at..];
            let tok = next_token(i).map(|t| (t.text, t.after, t.abbrev));
            let by_gap = next_token_after_gap(i).map(|t| (t.text, t.after, t.abbrev));
            assert_eq!(tok, by_gap, "{at}");
            fast += usize::from(i.starts_with(' ') && i[1..].starts_with(|c: char| c.is_ascii_alphanumeric()));
        }
        assert!(fast > 5_000, "fixtures not found: {fast}");
    }
}
