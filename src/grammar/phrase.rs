//! The noun phrase after a count or an ordinal: where it ends, and its words (the unit).
//!
//! ```text
//! phrase    = { modifier } head
//! token     = word | "(" ABBREV ")"          ; quotes around words are skipped, never kept
//! word      = alnum { alnum | ("-" | "&") alnum }
//! ends      = punctuation | line break | stop_word | number | possessive "'s"
//! ```
//! The word model (see `grammar-notes.md`, "Where a noun phrase ends"):
//! - stop words end a phrase before them: determiners, prepositions, conjunctions,
//!   auxiliaries, common irregular past tenses (`went`, `rose`), pronouns and relative
//!   words (`STOP`), and any number;
//! - a count's head is its first plural word (`items`, `SMRs`, `people`); a plural right
//!   after it joins it (`parts makers`), anything else ends it — so a verb after a plural
//!   noun (`buyers signed`, `startups join`) is never taken in;
//! - an ordinal's head is singular: its phrase ends before a stop word, before a lowercase
//!   `-ed` word after the first (`session hosted by`), before a later word in `s` (a verb:
//!   `Committee Marks`), after a role noun that a name follows (`Vice Minister Park`), or
//!   after a plural first word.

use super::with_lower;
use crate::words::lowered;

/// A phrase read after a number: its unit (lowercased words) and the text after its head.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase<'a> {
    pub unit: String,
    pub rest: &'a str,
}

/// Words that end a noun phrase before them (the `STOP` list), lower-cased: a `match` on
/// bytes, which compiles to a decision tree instead of a walk over the list.
#[rustfmt::skip]
fn stop(lower: &[u8]) -> bool {
    matches!(lower,
        // determiners
        b"a" | b"an" | b"the" | b"this" | b"that" | b"these" | b"those" | b"each" | b"every" | b"any" | b"all"
        | b"both" | b"its" | b"their" | b"his" | b"her" | b"our" | b"my" | b"your" | b"such" | b"some" | b"no"
        | b"another"
        // prepositions
        | b"of" | b"in" | b"on" | b"at" | b"to" | b"for" | b"from" | b"with" | b"by" | b"into" | b"onto" | b"over"
        | b"under" | b"across" | b"through" | b"throughout" | b"during" | b"between" | b"among" | b"amid" | b"per"
        | b"via" | b"including" | b"despite" | b"against" | b"within" | b"without" | b"after" | b"before"
        | b"since" | b"until" | b"till" | b"toward" | b"towards" | b"about" | b"around" | b"as" | b"like"
        | b"than" | b"upon" | b"along" | b"beyond" | b"versus" | b"vs" | b"near" | b"behind" | b"above"
        | b"below" | b"besides" | b"except" | b"excluding" | b"regarding" | b"following" | b"plus" | b"ago"
        | b"later" | b"earlier"
        // conjunctions (`each` is among the determiners)
        | b"and" | b"or" | b"but" | b"nor" | b"while" | b"whereas" | b"because" | b"so" | b"if" | b"although"
        | b"though" | b"yet" | b"whether" | b"then" | b"respectively" | b"also" | b"only" | b"not" | b"alone"
        // auxiliaries
        | b"is" | b"are" | b"was" | b"were" | b"be" | b"been" | b"being" | b"has" | b"have" | b"had" | b"will"
        | b"would" | b"can" | b"could" | b"may" | b"might" | b"must" | b"shall" | b"should" | b"do" | b"does"
        | b"did"
        // irregular past tenses and adverbs that follow a subject (`1 new substation went`)
        | b"went" | b"came" | b"took" | b"made" | b"began" | b"became" | b"grew" | b"rose" | b"fell" | b"held"
        | b"met" | b"left" | b"gave" | b"ran" | b"led" | b"built" | b"sold" | b"bought" | b"brought" | b"paid"
        | b"kept" | b"stood" | b"said" | b"told" | b"spent" | b"sent" | b"drew" | b"saw" | b"got" | b"now"
        | b"already" | b"still" | b"currently"
        // pronouns and relative words
        | b"who" | b"whom" | b"whose" | b"which" | b"where" | b"when" | b"what" | b"it" | b"they" | b"them"
        | b"we" | b"us" | b"he" | b"she" | b"i" | b"you" | b"there" | b"here"
        // spelled numbers: a new figure
        | b"one" | b"two" | b"three" | b"four" | b"five" | b"six" | b"seven" | b"eight" | b"nine" | b"ten"
        | b"hundred" | b"thousand" | b"million" | b"billion" | b"trillion"
    )
}

/// Plural nouns without a final `s`, lower-cased.
fn irregular_plural(lower: &[u8]) -> bool {
    matches!(
        lower,
        b"people"
            | b"children"
            | b"men"
            | b"women"
            | b"staff"
            | b"personnel"
            | b"police"
            | b"cattle"
            | b"aircraft"
            | b"data"
            | b"media"
            | b"criteria"
            | b"livestock"
            // The rest of the category (issue 14 audit): plurals without an `s`, and
            // `head`, the plural of animals counted (`1.3 million head of cattle`).
            | b"head"
            | b"sheep"
            | b"fish"
            | b"deer"
            | b"swine"
            | b"poultry"
            | b"spacecraft"
            | b"watercraft"
            | b"geese"
            | b"mice"
            | b"oxen"
            | b"teeth"
            | b"offspring"
            | b"alumni"
    )
}

/// Words ending in `s` that are not plural nouns (the `NOT_PLURAL` list), lower-cased.
#[rustfmt::skip]
fn not_plural(lower: &[u8]) -> bool {
    matches!(lower,
        b"overseas" | b"news" | b"gas" | b"its" | b"this" | b"has" | b"was" | b"is" | b"as" | b"us" | b"yes"
        | b"whereas" | b"plus" | b"always" | b"perhaps" | b"thus" | b"besides" | b"less" | b"times"
        | b"sometimes" | b"afterwards" | b"towards" | b"across" | b"whereabouts"
    )
}

/// Role nouns a personal name follows (`Vice Minister Park Il-jun`): an ordinal's phrase
/// ends there. Lower-cased.
fn role(lower: &[u8]) -> bool {
    matches!(
        lower,
        b"minister"
            | b"president"
            | b"chairman"
            | b"chairwoman"
            | b"chairperson"
            | b"director"
            | b"ambassador"
            | b"secretary"
            | b"commissioner"
            | b"governor"
            | b"mayor"
            | b"administrator"
            | b"ceo"
            | b"envoy"
            | b"spokesperson"
            | b"spokesman"
    )
}

/// Longest phrase read before giving up: bulletins' counted phrases are short.
const MAX_WORDS: usize = 6;

/// One token of a phrase.
#[derive(Debug, Clone, Copy)]
struct Tok<'a> {
    text: &'a str,
    after: &'a str,
    /// `(SSM)`: a parenthesised abbreviation inside the phrase.
    abbrev: bool,
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
fn next_token(i: &str) -> Option<Tok<'_>> {
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

/// A function word of the model (`all`, `the`, `of`...), in any case.
pub fn is_stop_word(word: &str) -> bool {
    // Lower-cased on the stack: the list is ASCII and its longest word (`respectively`)
    // has 12 letters, so a longer word is none of it (nor a non-ASCII one, left as is).
    let mut buf = [0u8; 12];
    lowered(&mut buf, word.as_bytes()).is_some_and(stop)
}

/// The token ends a phrase before it: a stop word or a number.
fn ends_phrase(tok: &Tok) -> bool {
    if tok.abbrev {
        return false;
    }
    tok.text.starts_with(|c: char| c.is_ascii_digit()) || is_stop_word(tok.text)
}

/// A plural noun: irregular plurals, or a word in `s` (not `ss`, `us`, `is`, `ous`); an
/// all-capitals word (`ADAS`, `ESS`) is an abbreviation, plural only as `SMEs`, `MOUs`.
pub fn is_plural(word: &str) -> bool {
    // Lower-cased on the stack as bytes (ASCII letters only: the lists are ASCII).
    let mut buf = [0u8; 32];
    match lowered(&mut buf, word.as_bytes()) {
        Some(lower) => is_plural_lowered(word.as_bytes(), lower),
        None => is_plural_lowered(word.as_bytes(), word.to_ascii_lowercase().as_bytes()),
    }
}

/// `is_plural` of `word`, given `lower`, its ASCII letters lower-cased.
fn is_plural_lowered(word: &[u8], lower: &[u8]) -> bool {
    if irregular_plural(lower) {
        return true;
    }
    // The tests are on ASCII letters: a word that ends otherwise is no plural in `s`.
    if word.last() != Some(&b's') || not_plural(lower) {
        return false;
    }
    // `MOUs`, `CEOs`, `EVs`: an abbreviation with a plural `s`.
    let stem = &word[..word.len() - 1];
    if stem.len() >= 2 && stem.iter().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()) {
        return true;
    }
    let last_part = lower.rsplit(|&b| b == b'-').next().unwrap_or(lower);
    last_part.len() >= 3 && ![b"ss", b"us", b"is"].iter().any(|e| last_part.ends_with(*e))
}

/// `ends_phrase` of `tok`, given its word lowered (`None` past 32 bytes).
fn ends_phrase_lowered(lower: Option<&[u8]>, tok: &Tok) -> bool {
    !tok.abbrev && (tok.text.starts_with(|c: char| c.is_ascii_digit()) || lower.is_some_and(stop))
}

/// `is_plural` of `tok`'s word, given it lowered (`None` past 32 bytes).
fn plural_lowered(lower: Option<&[u8]>, tok: &Tok) -> bool {
    match lower {
        Some(lower) => is_plural_lowered(tok.text.as_bytes(), lower),
        None => is_plural(tok.text),
    }
}

/// A token's word lowered once on the stack (ASCII letters only; `None` past 32 bytes),
/// for the word tests of the walks, each of which would lower it again.
struct Lowered {
    buf: [u8; 32],
    len: Option<usize>,
}

impl Lowered {
    fn of(tok: &Tok) -> Lowered {
        let mut buf = [0u8; 32];
        let len = lowered(&mut buf, tok.text.as_bytes()).map(<[u8]>::len);
        Lowered { buf, len }
    }

    fn get(&self) -> Option<&[u8]> {
        self.buf.get(..self.len?)
    }

    /// `ends_phrase`: a number or a stop word (no stop word is longer than 12 bytes).
    fn ends_phrase(&self, tok: &Tok) -> bool {
        ends_phrase_lowered(self.get(), tok)
    }

    /// `is_plural` of the token's word.
    fn plural(&self, tok: &Tok) -> bool {
        plural_lowered(self.get(), tok)
    }

    /// A past participle's shape: more than 3 bytes ending in `ed`.
    fn participle(&self, tok: &Tok) -> bool {
        match self.get() {
            Some(lower) => lower.len() > 3 && lower.ends_with(b"ed"),
            None => with_lower(tok.text, |lower| lower.len() > 3 && lower.ends_with("ed")),
        }
    }

    /// `role` of the token's word.
    fn role(&self, tok: &Tok) -> bool {
        match self.get() {
            Some(lower) => role(lower),
            None => with_lower(tok.text, |lower| role(lower.as_bytes())),
        }
    }
}

/// The unit: the lower-cased tokens from `i` up to `end` (a later suffix of `i`), joined
/// by single spaces. Built once a phrase is known to be kept, by reading its tokens again.
fn unit_until(i: &str, end: &str) -> String {
    // The phrase's text is as long as its unit or longer (ASCII lowered in place, gaps of
    // one space or more): one allocation, not one per word the unit outgrows.
    let mut unit = String::with_capacity(i.len().saturating_sub(end.len()));
    let mut at = i;
    while at.len() > end.len() {
        let Some(t) = next_token(at) else { break };
        push_word(&mut unit, t.text);
        at = t.after;
    }
    unit
}

/// `word` lower-cased at the end of `unit`, after a space unless it is the first.
fn push_word(unit: &mut String, word: &str) {
    if !unit.is_empty() {
        unit.push(' ');
    }
    if word.is_ascii() {
        let from = unit.len();
        unit.push_str(word);
        unit[from..].make_ascii_lowercase();
    } else {
        unit.push_str(&word.to_lowercase());
    }
}

/// The span of `i` from the first of `texts` (pieces of `i`, in order) to the end of the
/// last, when it is ASCII and the pieces stand exactly one space apart: that span is the
/// pieces joined by single spaces. `None` for no pieces or any other gap.
fn single_spaced_ascii<'a>(i: &'a str, texts: &[&str]) -> Option<&'a str> {
    let offset = |t: &str| (t.as_ptr() as usize).wrapping_sub(i.as_ptr() as usize);
    let (first, last) = (texts.first()?, texts.last()?);
    let bytes = i.as_bytes();
    for pair in texts.windows(2) {
        let gap = offset(pair[0]).wrapping_add(pair[0].len());
        if offset(pair[1]) != gap.wrapping_add(1) || bytes.get(gap) != Some(&b' ') {
            return None;
        }
    }
    let span = i.get(offset(first)..offset(last).wrapping_add(last.len()))?;
    span.is_ascii().then_some(span)
}

/// The words of a phrase as its walk reads them, kept to build the unit without reading
/// them again; a phrase of more words (a long run of plurals) is read again instead.
struct Words<'a> {
    texts: [&'a str; Words::KEPT],
    len: usize,
}

impl<'a> Words<'a> {
    const KEPT: usize = 2 * MAX_WORDS;

    fn new() -> Words<'a> {
        Words {
            texts: [""; Words::KEPT],
            len: 0,
        }
    }

    /// Words not kept: the unit is read again.
    fn unknown() -> Words<'a> {
        Words {
            texts: [""; Words::KEPT],
            len: Words::KEPT + 1,
        }
    }

    fn push(&mut self, text: &'a str) {
        if let Some(slot) = self.texts.get_mut(self.len) {
            *slot = text;
        }
        self.len += 1;
    }

    /// The unit of the phrase from `i` to `end` whose words these are.
    fn unit(&self, i: &str, end: &str) -> String {
        let Some(texts) = self.texts.get(..self.len) else {
            return unit_until(i, end);
        };
        // Nearly always the words stand one space apart: the unit is then their span of
        // the text, lower-cased, in one copy rather than a word at a time.
        if let Some(span) = single_spaced_ascii(i, texts) {
            let mut unit = String::from(span);
            unit.make_ascii_lowercase();
            return unit;
        }
        let mut unit = String::with_capacity(i.len().saturating_sub(end.len()));
        for text in texts {
            push_word(&mut unit, text);
        }
        unit
    }
}

/// The counted phrase after a number: modifiers up to the first plural word, with any
/// plural right after it (`parts makers`). `None` when no plural head comes first.
pub fn plural_phrase(i: &str) -> Option<Phrase<'_>> {
    let mut at = i;
    let mut unit = UnitBuf::new();
    for _ in 0..MAX_WORDS {
        let tok = next_token(at)?;
        let lower = unit.lower(tok.text);
        if ends_phrase_lowered(lower, &tok) {
            return None;
        }
        let plural = !tok.abbrev && plural_lowered(lower, &tok);
        unit.keep();
        at = tok.after;
        if plural {
            while let Some(t) = next_token(at) {
                let lower = unit.lower(t.text);
                if t.abbrev || ends_phrase_lowered(lower, &t) || !plural_lowered(lower, &t) {
                    break;
                }
                unit.keep();
                at = t.after;
            }
            return Some(Phrase {
                unit: unit.into_unit(i, at),
                rest: at,
            });
        }
    }
    None
}

/// The unit of a walk, written as its words are lowered for the word tests: each word is
/// lowered once for both. Given up (the unit read again) for a word that is not ASCII,
/// longer than 32 bytes or past the buffer.
struct UnitBuf {
    buf: [u8; 64],
    /// The unit's length: the words kept so far, one space apart.
    len: usize,
    /// Where the word lowered last ends.
    next: usize,
    whole: bool,
}

impl UnitBuf {
    fn new() -> UnitBuf {
        UnitBuf {
            buf: [0; 64],
            len: 0,
            next: 0,
            whole: true,
        }
    }

    /// `word` lowered after the words kept (`Lowered::get` of its token: `None` past 32
    /// bytes); kept by `keep`, else written over by the next.
    fn lower(&mut self, word: &str) -> Option<&[u8]> {
        let word = word.as_bytes();
        if word.len() > 32 {
            self.whole = false;
            self.next = self.len;
            return None;
        }
        let mut start = self.len + usize::from(self.len > 0);
        if start + word.len() > self.buf.len() {
            // The unit is read again: the buffer is only the word's from here on.
            self.whole = false;
            self.len = 0;
            start = 0;
        } else if start > 0 {
            self.buf[start - 1] = b' ';
        }
        self.next = start + word.len();
        lowered(&mut self.buf[start..], word)
    }

    /// The word lowered last goes on the unit.
    fn keep(&mut self) {
        self.len = self.next;
    }

    /// The unit of the phrase from `i` to `end` whose words were kept.
    fn into_unit(self, i: &str, end: &str) -> String {
        // ASCII words lowered are the words as `push_word` lowers them.
        match crate::words::ascii_text(&self.buf[..self.len]) {
            Some(unit) if self.whole => unit.to_owned(),
            _ => unit_until(i, end),
        }
    }
}

/// `plural_phrase` with each word test lowering the word again, as first written.
#[cfg(test)]
fn plural_phrase_by_words(i: &str) -> Option<Phrase<'_>> {
    let mut at = i;
    let mut words = Words::new();
    for _ in 0..MAX_WORDS {
        let tok = next_token(at)?;
        if ends_phrase(&tok) {
            return None;
        }
        at = tok.after;
        words.push(tok.text);
        if !tok.abbrev && is_plural(tok.text) {
            while let Some(t) = next_token(at) {
                if t.abbrev || ends_phrase(&t) || !is_plural(t.text) {
                    break;
                }
                at = t.after;
                words.push(t.text);
            }
            return Some(Phrase {
                unit: words.unit(i, at),
                rest: at,
            });
        }
    }
    None
}

/// The ordered (singular) phrase after an ordinal or a `1`; empty when none follows.
pub fn singular_phrase(i: &str) -> Phrase<'_> {
    let (rest, words) = singular_walk(i);
    Phrase {
        unit: words.unit(i, rest),
        rest,
    }
}

/// Some singular phrase follows `i` (no unit is built: a look ahead).
pub fn has_singular_phrase(i: &str) -> bool {
    singular_rest(i).len() < i.len()
}

/// The singular phrase after a counted `1`, when its last word has two letters or more:
/// a one-letter last word is an abbreviation (`1 p.m.`), not a thing counted. The unit
/// is made only for a phrase that is kept.
pub fn singular_counted(i: &str) -> Option<Phrase<'_>> {
    let (rest, words) = singular_walk(i);
    let last = match words.texts.get(..words.len) {
        Some(texts) => texts.last().copied().unwrap_or(""),
        None => last_token_before(i, rest),
    };
    // The unit's last word is this token lower-cased: its letters, as `to_lowercase` makes them.
    (last.chars().flat_map(char::to_lowercase).count() >= 2).then(|| Phrase {
        unit: words.unit(i, rest),
        rest,
    })
}

/// The text of the last token from `i` up to `end` (a later suffix of `i`); empty when
/// there is none.
fn last_token_before<'a>(i: &'a str, end: &str) -> &'a str {
    let mut last = "";
    let mut at = i;
    while at.len() > end.len() {
        let Some(t) = next_token(at) else { break };
        last = t.text;
        at = t.after;
    }
    last
}

/// Where the singular phrase at `i` ends.
fn singular_rest(i: &str) -> &str {
    singular_walk(i).0
}

/// Where the singular phrase at `i` ends, and the words up to there (unknown after
/// `from_side`, which reads them again).
fn singular_walk(i: &str) -> (&str, Words<'_>) {
    // `third from the right`: a place in a photo caption.
    if let Some(rest) = from_side(i) {
        return (rest, Words::unknown());
    }
    let mut kept = Words::new();
    let mut walked = Words::new();
    let mut words = 0;
    let mut at = i;
    // After the last word that is not an abbreviation: a trailing abbreviation belongs
    // to the name before it, not to the head.
    let mut rest = i;
    while words < MAX_WORDS {
        let Some(tok) = next_token(at) else { break };
        let lower = Lowered::of(&tok);
        if lower.ends_phrase(&tok) {
            break;
        }
        let first = words == 0;
        let lowercase = tok.text.starts_with(|c: char| c.is_lowercase());
        if !first && lowercase && lower.participle(&tok) {
            break; // a verb after the head: `session hosted by`
        }
        let plural = !tok.abbrev && lower.plural(&tok);
        // The head is singular: a later plural-looking word is a verb (`Committee Marks`).
        if !first && plural {
            break;
        }
        // An abbreviation ends no phrase, but does not start one either.
        if tok.abbrev && first {
            break;
        }
        words += 1;
        at = tok.after;
        walked.push(tok.text);
        if !tok.abbrev {
            rest = at;
            kept.len = walked.len;
        }
        if plural || lower.role(&tok) {
            break;
        }
    }
    kept.texts = walked.texts;
    (rest, kept)
}

/// `singular_walk` with each word test lowering the word again, as first written.
#[cfg(test)]
fn singular_walk_by_words(i: &str) -> (&str, Words<'_>) {
    // `third from the right`: a place in a photo caption.
    if let Some(rest) = from_side(i) {
        return (rest, Words::unknown());
    }
    let mut kept = Words::new();
    let mut walked = Words::new();
    let mut words = 0;
    let mut at = i;
    // After the last word that is not an abbreviation: a trailing abbreviation belongs
    // to the name before it, not to the head.
    let mut rest = i;
    while words < MAX_WORDS {
        let Some(tok) = next_token(at) else { break };
        if ends_phrase(&tok) {
            break;
        }
        let first = words == 0;
        let lowercase = tok.text.starts_with(|c: char| c.is_lowercase());
        if !first && lowercase && with_lower(tok.text, |lower| lower.len() > 3 && lower.ends_with("ed")) {
            break; // a verb after the head: `session hosted by`
        }
        let plural = !tok.abbrev && is_plural(tok.text);
        // The head is singular: a later plural-looking word is a verb (`Committee Marks`).
        if !first && plural {
            break;
        }
        // An abbreviation ends no phrase, but does not start one either.
        if tok.abbrev && first {
            break;
        }
        words += 1;
        at = tok.after;
        walked.push(tok.text);
        if !tok.abbrev {
            rest = at;
            kept.len = walked.len;
        }
        if plural || with_lower(tok.text, |lower| role(lower.as_bytes())) {
            break;
        }
    }
    kept.texts = walked.texts;
    (rest, kept)
}

/// `from the right`, `from left`: where a person stands in a photo; where it ends.
fn from_side(i: &str) -> Option<&str> {
    let t1 = next_token(i)?;
    if !t1.text.eq_ignore_ascii_case("from") {
        return None;
    }
    let mut t = next_token(t1.after)?;
    if t.text.eq_ignore_ascii_case("the") {
        t = next_token(t.after)?;
    }
    if !(t.text.eq_ignore_ascii_case("right") || t.text.eq_ignore_ascii_case("left")) {
        return None;
    }
    Some(t.after)
}

/// The single word after a number when nothing else follows it before `and`/`or`, a comma
/// or a closing bracket: `(148 domestic and 39 overseas)`.
/// Returns the word as written and the text after it: the unit (the word lower-cased) is
/// made by the caller once the word is kept.
pub fn lone_word(i: &str) -> Option<(&str, &str)> {
    let tok = next_token(i)?;
    if tok.abbrev || ends_phrase(&tok) || !tok.text.chars().all(char::is_alphabetic) {
        return None;
    }
    Some((tok.text, tok.after))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plural(s: &str) -> Option<(String, &str)> {
        plural_phrase(s).map(|p| (p.unit, p.rest))
    }

    #[test]
    fn singular_units_from_the_walk_are_the_units_read_again() {
        let mut text = crate::fixture_texts().concat();
        text.push_str(" 3rd from the left Kim, 1 p.m. 2nd Vice Minister Park (MOTIE) (SSM) Trade Marks");
        text.push_str(" 1 new (EV) plant (ESS) was, 4th Größe Ämter meeting hosted by 1 x (AB)");
        for (at, _) in text.char_indices() {
            let i = &text[at..];
            let p = singular_phrase(i);
            assert_eq!(p.unit, unit_until(i, p.rest), "{at}");
            let rest = singular_rest(i);
            let last = last_token_before(i, rest);
            let old = (last.chars().flat_map(char::to_lowercase).count() >= 2).then(|| Phrase {
                unit: unit_until(i, rest),
                rest,
            });
            assert_eq!(singular_counted(i), old, "{at}");
        }
    }

    #[test]
    fn a_single_spaced_span_is_its_words_joined_by_spaces() {
        let i = " Big new  plants and\tmills, caf\u{e9} bars";
        let words = |ws: &[&str]| {
            ws.iter()
                .map(|w| &i[i.find(w).unwrap_or(0)..][..w.len()])
                .collect::<Vec<_>>()
        };
        assert_eq!(single_spaced_ascii(i, &words(&["Big", "new"])), Some("Big new"));
        assert_eq!(single_spaced_ascii(i, &words(&["plants"])), Some("plants"));
        // Two spaces, a tab, a non-ASCII word: built a word at a time.
        assert_eq!(single_spaced_ascii(i, &words(&["new", "plants"])), None);
        assert_eq!(single_spaced_ascii(i, &words(&["and", "mills"])), None);
        assert_eq!(single_spaced_ascii(i, &words(&["caf\u{e9}", "bars"])), None);
        assert_eq!(single_spaced_ascii(i, &[]), None);
        let mut walk = Words::new();
        for w in words(&["Big", "new"]) {
            walk.push(w);
        }
        assert_eq!(walk.unit(i, &i[8..]), "big new");
    }

    #[test]
    fn units_from_the_walk_are_the_units_read_again() {
        let mut text = crate::fixture_texts().concat();
        text.push_str(" 5 Größen Änderungen, 7 parts makers suppliers dealers firms banks plants farms mills ports docks yards lots halls");
        text.push_str(" 3 \u{201c}Big\u{201d} (SSM) new-build EVs, 8 a&b co-ops, 9 these\nsurveys");
        for (at, _) in text.char_indices() {
            let i = &text[at..];
            if let Some(p) = plural_phrase(i) {
                assert_eq!(p.unit, unit_until(i, p.rest), "{at}");
            }
        }
    }

    #[test]
    fn count_heads_end_at_the_first_plural() {
        assert_eq!(
            plural(" newly selected items were"),
            Some(("newly selected items".into(), " were"))
        );
        assert_eq!(plural(" buyers signed purchase deals").unwrap().0, "buyers");
        assert_eq!(plural(" Startups Join Smart Factory").unwrap().0, "startups");
        assert_eq!(
            plural(" state-run research institutions.").unwrap().0,
            "state-run research institutions"
        );
        assert_eq!(plural(" fuselage panels a month").unwrap().0, "fuselage panels");
        assert_eq!(plural(" auto parts makers in").unwrap().0, "auto parts makers");
        assert_eq!(plural(" overseas buyers").unwrap().0, "overseas buyers");
        assert_eq!(plural(" SMRs by 2040").unwrap().0, "smrs");
        assert_eq!(plural(" MOUs and").unwrap().0, "mous");
        assert_eq!(plural(" people attended").unwrap().0, "people");
        assert_eq!(plural(" countries’ leaders").unwrap().0, "countries");
    }

    #[test]
    fn quotes_are_skipped_and_abbreviations_kept() {
        let (unit, rest) = plural(" \u{201c}super supermarket\" (SSM) operators, and").unwrap();
        assert_eq!((unit.as_str(), rest), ("super supermarket (ssm) operators", ", and"));
    }

    #[test]
    fn no_plural_head_is_no_count() {
        assert_eq!(plural(" was awarded to"), None);
        assert_eq!(plural(" of the program rules"), None);
        assert_eq!(plural(", and"), None);
        assert_eq!(plural(" ADAS sensor"), None);
        assert_eq!(plural("\nNew items"), None);
    }

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

    #[test]
    fn word_lists_in_any_case() {
        for w in ["The", "RESPECTIVELY", "currently", "I", "trillion", "each"] {
            assert!(is_stop_word(w), "{w}");
        }
        for w in ["", "them\u{2019}s", "respectivelyy", "other", "th\u{e9}", "\u{212a}"] {
            assert!(!is_stop_word(w), "{w}");
        }
        assert!(is_plural("Livestock") && is_plural("PEOPLE") && is_plural("EVs"));
        assert!(!is_plural("Overseas") && !is_plural("WHEREABOUTS") && !is_plural("status"));
        assert_eq!(singular_phrase(" Deputy Spokesperson Kim").unit, "deputy spokesperson");
    }

    /// `is_plural` as first written, on `str`s: the oracle of the byte tests.
    fn is_plural_by_strs(word: &str) -> bool {
        with_lower(word, |lower| {
            if irregular_plural(lower.as_bytes()) {
                return true;
            }
            if not_plural(lower.as_bytes()) || !word.ends_with('s') {
                return false;
            }
            let stem = &word[..word.len() - 1];
            if stem.len() >= 2 && stem.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()) {
                return true;
            }
            let last_part = lower.rsplit('-').next().unwrap_or(lower);
            last_part.len() >= 3 && !["ss", "us", "is"].iter().any(|e| last_part.ends_with(e))
        })
    }

    #[test]
    fn walks_lowering_each_word_once_read_what_they_read_lowering_it_per_test() {
        let mut text = crate::fixture_texts().concat();
        text.push_str(
            " 5 Deputy Ministers hosted 3 trade-offs (EV) makers PEOPLE Plans 2 supercalifragilisticexpialidocious",
        );
        text.push_str(
            "s rules 4 CHAIRMEN 1 Spokesperson said 6 th\u{e9}s Ministries 7 overseas WHEREABOUTS 9 status quo",
        );
        // Units longer than the walk's buffer of 64 bytes, by a word or a long run.
        text.push_str(" 8 supercalifragilisticexpialidociously-made makers Plans rules, 3 parts makers");
        text.push_str(" plans rules sellers buyers dealers traders markets banks firms users 2 Übers");
        let mut plural = 0;
        for (at, _) in text.char_indices() {
            let i = &text[at..];
            assert_eq!(plural_phrase(i), plural_phrase_by_words(i), "{at}");
            let (rest, words) = singular_walk(i);
            let (rest_by_words, words_by_words) = singular_walk_by_words(i);
            assert_eq!(rest, rest_by_words, "{at}");
            assert_eq!(words.unit(i, rest), words_by_words.unit(i, rest), "{at}");
            plural += usize::from(plural_phrase(i).is_some());
        }
        assert!(plural > 1_000, "{plural}");
    }

    #[test]
    fn plurals_by_bytes_are_plurals_by_strs() {
        let text = crate::fixture_texts().concat();
        let mut words: Vec<String> = text.split_whitespace().map(String::from).collect();
        words.extend(
            [
                "MOUs",
                "MOUS",
                "1Qs",
                "Ås",
                "café-owners",
                "x-is",
                "bus",
                "gas",
                "GASES",
                "e-s",
                "s",
                "",
                "ÉVs",
            ]
            .map(String::from),
        );
        for w in &words {
            assert_eq!(is_plural(w), is_plural_by_strs(w), "{w}");
        }
    }

    #[test]
    fn ordinal_phrases() {
        let u = |s| singular_phrase(s).unit;
        assert_eq!(u(" Vice Minister Park Il-jun attended"), "vice minister");
        assert_eq!(u(" session hosted by the Canadian side"), "session");
        assert_eq!(u(" consecutive month in October"), "consecutive month");
        assert_eq!(
            u(" Trade Promotion Committee meeting was held"),
            "trade promotion committee meeting"
        );
        assert_eq!(u(" among its suppliers"), "");
        assert_eq!(u(", selling"), "");
        assert_eq!(u(" from the right) made"), "from the right");
        assert_eq!(u(" Partnership for Hydrogen (IPHE)"), "partnership");
        assert_eq!(u(" markets in"), "markets");
        assert_eq!(u(" new substation went online"), "new substation");
        assert_eq!(
            u(" Industrial Cooperation Committee Marks 25th"),
            "industrial cooperation committee"
        );
    }
}
