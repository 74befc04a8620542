//! The grammar: one module per kind, each a set of small named nom parsers, composed
//! here into `figure_at`, which reads the one figure starting at a candidate position.
//!
//! Every parser works on complete in-memory text (`nom::*::complete`): the end of a
//! sentence is the end of input, never `Incomplete`.

pub mod count;
pub mod cues;
pub mod date;
pub mod duration;
pub mod lookahead;
pub mod money;
pub mod number;
pub mod ordinal;
pub mod percent;
pub mod phrase;
pub mod quantity;

use nom::{IResult, Parser, character::complete::satisfy};
use rust_decimal::Decimal;

use crate::model::Kind;
pub use date::DateExpr;
pub use lookahead::Ahead;

/// A normalized value before dates are placed on the calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Val {
    Num(Decimal),
    Date(DateExpr),
}

/// One figure read by the grammar, positioned relative to the sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    pub kind: Kind,
    /// Byte span in the sentence.
    pub start: usize,
    pub end: usize,
    pub value: Val,
    pub value_end: Option<Val>,
    pub unit: Unit,
}

/// A figure's unit: most are fixed words of the grammar (`percent`, `KRW`, `GW`), kept
/// without a copy; a count's or an ordinal's noun phrase is built from the sentence's words
/// (lower-cased, joined by single spaces).
pub type Unit = std::borrow::Cow<'static, str>;

/// What a bare `$` means unless the run says otherwise (spec: `$` is USD).
pub const DEFAULT_DOLLAR: &str = "USD";

/// Where a parser is asked to read: the sentence, and the candidate position in it.
#[derive(Debug, Clone)]
pub struct Ctx<'a> {
    pub sentence: &'a str,
    pub pos: usize,
    /// The sentence is the end of a body cut mid-word by a listing page: a unit or scale
    /// word running to the end may be a stub (`15.6 percen`).
    pub cut: bool,
    /// The marker words ahead of the candidate, looked for once for every kind that asks
    /// (`ahead`): a date or an ordinal does not.
    ahead: std::cell::Cell<Option<Ahead>>,
    /// The ISO code a bare `$` stands for in this run (`USD` unless the user names another).
    pub dollar: &'a str,
}

impl<'a> Ctx<'a> {
    pub fn new(sentence: &'a str, pos: usize, cut: bool) -> Ctx<'a> {
        Ctx {
            sentence,
            pos,
            cut,
            ahead: std::cell::Cell::new(None),
            dollar: DEFAULT_DOLLAR,
        }
    }

    /// The marker words ahead of the candidate, looked for at the first kind that asks.
    /// Inlined: the later kinds only read the cell, with no call.
    #[inline(always)]
    pub fn ahead(&self) -> Ahead {
        match self.ahead.get() {
            Some(ahead) => ahead,
            None => self.look_ahead(),
        }
    }

    /// The first look ahead of the candidate, kept for the kinds asked after.
    #[inline(never)]
    fn look_ahead(&self) -> Ahead {
        let ahead = Ahead::of(self.rest());
        self.ahead.set(Some(ahead));
        ahead
    }

    /// The same candidate, with a bare `$` read as `dollar` (an ISO code).
    pub fn with_dollar(self, dollar: &'a str) -> Ctx<'a> {
        Ctx { dollar, ..self }
    }

    pub fn rest(&self) -> &'a str {
        &self.sentence[self.pos..]
    }

    pub fn before(&self) -> &'a str {
        &self.sentence[..self.pos]
    }

    /// A figure of `len` bytes from the candidate position.
    pub fn figure(
        &self,
        kind: Kind,
        rest_after: &str,
        value: Val,
        value_end: Option<Val>,
        unit: impl Into<Unit>,
    ) -> Figure {
        let len = self.rest().len() - rest_after.len();
        Figure {
            kind,
            start: self.pos,
            end: self.pos + len,
            value,
            value_end,
            unit: unit.into(),
        }
    }
}

/// The composed grammar: the first kind (in priority order) that reads a figure here.
/// Markers decide first (a currency, a percent sign, a unit of measure, a time unit),
/// then calendar forms, then the bare ordinals and counts. A kind that cannot start with
/// the candidate's first word (`Starts`) is not asked.
pub fn figure_at(ctx: &Ctx) -> Option<Figure> {
    if is_denominator(ctx.before()) {
        return date::parse(ctx);
    }
    let starts = Starts::at(ctx.rest());
    // Each kind in turn, the first figure read returned at once (not handed down a chain
    // of `or_else`, which moved the figure at each step).
    macro_rules! first_read {
        ($read:expr) => {
            if let Some(figure) = $read {
                return Some(figure);
            }
        };
    }
    if starts.money {
        first_read!(money::parse(ctx));
    }
    if starts.percent_marked {
        // A percent word right after the number: its marker is known to be ahead.
        first_read!(percent::read_marked(ctx));
    } else if starts.percent {
        first_read!(percent::parse(ctx));
    }
    if starts.quantity {
        first_read!(quantity::parse(ctx));
    }
    if starts.duration {
        first_read!(duration::parse(ctx));
    }
    // `the 11th, sixth and fourth consecutive month`: ordinals, read at `11th`. Asked only
    // of a date read (most candidates read none).
    if starts.date {
        if let Some(figure) = date::parse(ctx) {
            if !ordinal::the_list_of_ordinals(ctx.rest()) {
                return Some(figure);
            }
        }
    }
    if starts.ordinal {
        first_read!(ordinal::parse(ctx));
    }
    if starts.count {
        return count::parse_with(ctx, starts.unscaled);
    }
    None
}

/// The kinds that may start at a candidate, by its first word. Every form of a kind starts
/// with a digit, a sign or symbol, or one of a few words, so at any other word it is not
/// asked: a number word (`three`, `a`), a sign word (`minus`), `between` (the ranges),
/// `the` (`the 24th`; for a duration only before its lead: `the past five years`), a
/// date's lead words (`last`, `mid`), an ordinal (`third`), for money a currency in
/// capitals (`USD`, `HK$`, `Rs`), for a date any capitalized word (`March`).
/// At a number in digits (`1,234.5`), what follows it decides: after a closing mark
/// (`(708)`, `in 2025,`), an ordinal suffix (`12th`) or at the end, and before a word no
/// amount, percent, quantity or duration goes on with (`5 companies`), only a date, an
/// ordinal or a count may be read (after a mark a count only if grouped: `(2,708)`);
/// before a percent word (`4.5 percent`, `12 bp`) no amount.
/// Only a necessary condition: the kind's own parse still decides.
/// ```text
/// money    = number_word | sign_word | "between" | capital_currency | digit_run open
/// percent  = number_word | sign_word | "between" | digit_run open
/// quantity = number_word | sign_word | digit_run open
/// duration = number_word | "the" lead_word | digit_run open
/// date     = date_lead_word | Capitalized | digit_run     (of 1, 2 or 4 digits before any other byte)
///            (`the`, `between`, `first`... only before what their forms read: `date::lead_word_may_go_on`)
/// ordinal  = ordinal_word | tens_word | digit_run
/// count    = number_word | "between" | digit_run (open | " " word | suffix | grouped | ("(" | quote | "&"))
/// open     = not a closing mark, suffix, end or " " word; for money not " " percent_word
/// word     = a word with text after it that is no marker, no scale and no `goes_on_a_number` word
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Starts {
    money: bool,
    percent: bool,
    quantity: bool,
    duration: bool,
    date: bool,
    ordinal: bool,
    count: bool,
    /// A percent word follows the number: the look-ahead would find it, so it is not asked.
    percent_marked: bool,
    /// A number (digits or words), one space and a word no marked kind goes on with (`5
    /// companies`, `two countries`): no scale word or `dozen` follows the number, so a
    /// count reads the number alone.
    unscaled: bool,
}

impl Starts {
    /// Every kind: the candidate starts with no ASCII letter (a digit, a sign, a symbol,
    /// a letter of another script).
    const ALL: Starts = Starts {
        money: true,
        percent: true,
        quantity: true,
        duration: true,
        date: true,
        ordinal: true,
        count: true,
        percent_marked: false,
        unscaled: false,
    };

    fn at(rest: &str) -> Starts {
        let word = leading_word(rest);
        if word.is_empty() {
            return match rest.as_bytes().first() {
                Some(b) if b.is_ascii_digit() => Starts::at_digits(rest.as_bytes()).at_date_digits(rest.as_bytes()),
                _ => Starts::ALL,
            };
        }
        // Lower-cased on the stack: a longer word is none of the lead words.
        let mut buf = [0u8; crate::words::LONGEST];
        let lower = crate::words::lowered(&mut buf, word.as_bytes()).unwrap_or_default();
        let capitalized = word.as_bytes()[0].is_ascii_uppercase();
        let number = number::starts_spelled(lower).is_some();
        // `two countries`: the number ends before a word no marked kind goes on with.
        let unmarked = number && spelled_before_an_unmarked_word(rest);
        let marked = number && !unmarked;
        let sign = crate::words::is_sign_word(lower);
        // `between the two`, `between Korea and`: no range of numbers follows.
        let between = lower == b"between" && between_leads_a_number(&rest[word.len()..]);
        Starts {
            money: marked || sign || between || capitalized && money::capital_currency_leads(rest),
            percent: marked || sign || between,
            quantity: marked || sign,
            duration: marked || lower == b"the" && duration::led(rest),
            date: (capitalized || crate::words::is_date_lead_word(lower))
                && date::lead_word_may_go_on(lower, &rest[word.len()..]),
            // A spelled `first` is no rank the ordinal reads (`first-ever`, `at first`).
            ordinal: number::starts_spelled_ordinal(lower) && lower != b"first",
            count: number || between,
            percent_marked: false,
            unscaled: unmarked,
        }
    }

    /// A date in digits starts with 1 or 2 (a day, `2nd half`, `3Q`) or 4 (a year, an ISO
    /// date) digits before any other byte: at a number of 3 or 5 and more (`120 firms`,
    /// `15000`) the date is not asked.
    /// `rest` starts with a digit: its count is 1 or 2 where the second or the third byte
    /// is none, and 4 where both are, the fourth too and the fifth not (no walk of the run).
    fn at_date_digits(self, rest: &[u8]) -> Starts {
        let digit = |at: usize| rest.get(at).is_some_and(u8::is_ascii_digit);
        Starts {
            date: self.date && (!digit(1) || !digit(2) || digit(3) && !digit(4)),
            ..self
        }
    }

    /// At a number in digits: what follows its digit run. No amount, percent, quantity or
    /// duration reads on past a closing mark, an ordinal suffix, the end or a word none of
    /// them goes on with; no amount at all before a space and a percent word (no scale,
    /// currency or joiner is one), whose marker then is the look-ahead's first word. With
    /// no noun after it, a number is a count only when grouped (`(2,708)`) or before a
    /// bracket, a quote or `&` that its noun walk looks past.
    fn at_digits(rest: &[u8]) -> Starts {
        // Read no further than a marked run: a long run of numbers (`1,2,3,...`) is not
        // read again at each of its candidates.
        let (run, grouped) = crate::words::grouped_digit_run(rest.get(..MARKED_RUN).unwrap_or(rest));
        // No ordinal either, but before its suffix: at digits it reads `st`, `nd`, `rd` or
        // `th` right after the first digits, never a mark, a space or the end.
        let closed = Starts {
            money: false,
            percent: false,
            quantity: false,
            duration: false,
            ordinal: false,
            count: grouped,
            ..Starts::ALL
        };
        let after = &rest[run..];
        match after.first() {
            // The run may go on past what was read.
            _ if run + 1 >= MARKED_RUN => Starts::ALL,
            None => closed,
            Some(&b) if crate::words::closes_a_number(b) => Starts {
                count: grouped || matches!(b, b'(' | b'"' | b'\'' | b'&'),
                ..closed
            },
            // A cut body's `12th` may end in a stub of `thousand`: a count.
            Some(_) if crate::words::ordinal_suffix_starts(after) => Starts {
                count: true,
                ordinal: true,
                ..closed
            },
            Some(b' ') if lookahead::percent_word_starts(&after[1..]) => Starts {
                money: false,
                percent_marked: true,
                ..Starts::ALL
            },
            // `5 companies`: a word no amount, percent, quantity or duration goes on with.
            Some(b' ') if lookahead::ends_marked_kinds(&after[1..]) => Starts {
                count: true,
                unscaled: true,
                ..closed
            },
            _ => Starts::ALL,
        }
    }
}

/// A number in words (`two`, `twenty-five`, `three hundred`; no bare article) before a
/// space and a word that no amount, percent, quantity or duration goes on with (as
/// `Starts::at_digits` asks after digits): `two countries`, `nine online sellers`.
/// ```text
/// unmarked_after = spelled_number " " word     (word: see `lookahead::ends_marked_kinds`)
/// ```
fn spelled_before_an_unmarked_word(rest: &str) -> bool {
    number::spelled_number(rest)
        .ok()
        .and_then(|(after, _)| after.strip_prefix(' '))
        .is_some_and(|word| lookahead::ends_marked_kinds(word.as_bytes()))
}

/// Whether the candidate at `sentence[pos..]`, whose first word is `word` as written, is
/// turned away before `figure_at`: at a lower-case `the`, `first` or `between`, where no
/// kind may start (`Starts::at`, by the one or two tests each of these words leaves: `the
/// rise`, `the 7th Emergency`, `first time`, `between Korea and`) and no denominator is
/// read (`per` before it). Any other word: false, `figure_at` decides. Out of line: in the
/// scan's walk, its code made the walk cost more.
#[inline(never)]
pub(crate) fn lead_word_turned_away(sentence: &str, pos: usize, word: &[u8]) -> bool {
    let (Some(rest), Some(after)) = (sentence.get(pos..), sentence.get(pos + word.len()..)) else {
        return false;
    };
    let starts = match word {
        b"the" => duration::led(rest) || date::lead_word_may_go_on(b"the", after),
        b"first" => date::lead_word_may_go_on(b"first", after),
        b"between" => between_leads_a_number(after) || date::lead_word_may_go_on(b"between", after),
        _ => return false,
    };
    !starts && !is_denominator(&sentence[..pos])
}

/// After `between`: white space and what a range of money, percents or counts reads first
/// (`between_years` and `between_days` are the date's, asked apart): no ASCII letter (a
/// digit, a sign, a currency symbol), a number word, a sign word, or a currency in
/// capitals (`USD`, `HK$`, `Rs`) as `Starts::at` tells it at a candidate. At any other
/// word (`between the two`, `between Korea and`) none of the three reads.
/// ```text
/// between_leads = sp (non_letter | number_word | sign_word | capital_currency)
/// ```
fn between_leads_a_number(after: &str) -> bool {
    let spaced = skip_space(after);
    if spaced.len() == after.len() {
        return false;
    }
    let word = leading_word(spaced);
    if word.is_empty() {
        return true;
    }
    let mut buf = [0u8; crate::words::LONGEST];
    let lower = crate::words::lowered(&mut buf, word.as_bytes()).unwrap_or_default();
    number::starts_spelled(lower).is_some()
        || crate::words::is_sign_word(lower)
        || word.as_bytes()[0].is_ascii_uppercase() && money::capital_currency_leads(spaced)
}

/// The longest digit run read after a candidate: a percent word after it is then well
/// inside the look-ahead's window (80 bytes).
const MARKED_RUN: usize = 48;

/// The composed grammar with every kind asked at every candidate: what `figure_at` read
/// before it asked only the kinds that may start there (`Starts`).
#[cfg(test)]
fn figure_at_every_kind(ctx: &Ctx) -> Option<Figure> {
    if is_denominator(ctx.before()) {
        return date::parse(ctx);
    }
    money::parse(ctx)
        .or_else(|| percent::parse(ctx))
        .or_else(|| quantity::parse(ctx))
        .or_else(|| duration::parse(ctx))
        .or_else(|| {
            if ordinal::the_list_of_ordinals(ctx.rest()) {
                return None;
            }
            date::parse(ctx)
        })
        .or_else(|| ordinal::parse(ctx))
        .or_else(|| count::parse(ctx))
}

/// A figure right after `per` is the denominator of a rate (`1.8 yen per 1 kWh`, `3 cases
/// per 100,000 people`): the rate is one figure, the money or count before `per`.
#[inline(always)]
fn is_denominator(before: &str) -> bool {
    // Asked at every candidate: where the white space that ends `before` is ASCII and
    // follows an ASCII byte (nearly always), its bytes turn away all but `per`.
    let bytes = before.as_bytes();
    // Nearly always told by the last two bytes: a visible ASCII byte last (no white space
    // before the figure), or one space after a visible ASCII byte other than `per`'s `r`.
    match bytes {
        [.., c] if (b'!'..0x80).contains(c) => return false,
        [.., c, b' '] if (b'!'..0x80).contains(c) && (*c | 0x20) != b'r' => return false,
        _ => {}
    }
    let kept = bytes
        .iter()
        .rposition(|&c| !crate::words::ascii_space(c))
        .map_or(0, |p| p + 1);
    if bytes.get(kept.wrapping_sub(1)).is_none_or(u8::is_ascii)
        && (kept == bytes.len() || kept < 3 || !bytes[kept - 3..kept].eq_ignore_ascii_case(b"per"))
    {
        return false;
    }
    let b = before.trim_end();
    b.len() >= 3
        && b.len() < before.len()
        && b.get(b.len() - 3..).is_some_and(|w| w.eq_ignore_ascii_case("per"))
        && !b[..b.len() - 3].ends_with(|c: char| c.is_alphanumeric())
}

/// Letters, digits and the apostrophe-free word joiners that make one token.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// White space inside a figure: spaces, tabs, NBSP, line breaks.
pub fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// sp: one or more white-space characters.
pub fn sp(i: &str) -> IResult<&str, &str> {
    match space_len(i) {
        0 => Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::TakeWhile1,
        ))),
        n => Ok((&i[n..], &i[..n])),
    }
}

/// sp0: any white space.
pub fn sp0(i: &str) -> IResult<&str, &str> {
    let n = space_len(i);
    Ok((&i[n..], &i[..n]))
}

/// `i` after the white space it starts with: `i.trim_start_matches(is_space)`, by bytes
/// where the space is ASCII.
pub fn skip_space(i: &str) -> &str {
    &i[space_len(i)..]
}

/// The length of the white space `i` starts with: ASCII white space by bytes, and from the
/// first other byte on (an NBSP, an em space) by characters. Asked before most words the
/// grammar reads: where the first two bytes tell (no space, or one space, before an ASCII
/// byte that is none: ASCII white space lies below `!`), inlined, with no walk.
#[inline]
fn space_len(i: &str) -> usize {
    match i.as_bytes() {
        [c, ..] if (b'!'..0x80).contains(c) => 0,
        [b' ', c, ..] if (b'!'..0x80).contains(c) => 1,
        _ => space_len_walked(i),
    }
}

/// `i.trim_end()`, told without a walk where `i` ends in a visible ASCII byte, or in one
/// space after one (nearly always: the text before a figure ends in a word).
pub fn trim_space_end(i: &str) -> &str {
    match i.as_bytes() {
        [.., c] if (b'!'..0x80).contains(c) => i,
        [.., c, b' '] if (b'!'..0x80).contains(c) => &i[..i.len() - 1],
        _ => i.trim_end(),
    }
}

/// `space_len` by its walk over the bytes, and then the characters.
#[inline(never)]
fn space_len_walked(i: &str) -> usize {
    let b = i.as_bytes();
    let ascii = b.iter().position(|&c| !crate::words::ascii_space(c)).unwrap_or(b.len());
    match b.get(ascii) {
        Some(c) if !c.is_ascii() => {
            let wide = &i[ascii..];
            ascii + wide.find(|c: char| !is_space(c)).unwrap_or(wide.len())
        }
        _ => ascii,
    }
}

/// dash: `-`, en dash, em dash, figure dash, minus sign.
pub fn dash(i: &str) -> IResult<&str, char> {
    // ASCII: only `-` is a dash, with no decoding.
    match i.as_bytes().first() {
        Some(b'-') => return Ok((&i[1..], '-')),
        Some(b) if b.is_ascii() => return fail_char(i),
        _ => {}
    }
    satisfy(|c| {
        matches!(
            c,
            '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}'
        )
    })
    .parse(i)
}

/// The error `satisfy` gives at `i`.
fn fail_char(i: &str) -> IResult<&str, char> {
    Err(nom::Err::Error(nom::error::Error::new(
        i,
        nom::error::ErrorKind::Satisfy,
    )))
}

/// A cheap test before a range joiner (`sp0 dash sp0 | sp "to" sp`, or with `through`,
/// `until`): after any white space comes a dash or a `t` or `u`. Where no space or one
/// space comes before an ASCII byte (`space_len`'s common case), that byte tells.
pub fn may_join(i: &str) -> bool {
    match i.as_bytes() {
        [c, ..] | [b' ', c, ..] if (b'!'..0x80).contains(c) => matches!(c, b't' | b'T' | b'u' | b'U' | b'-'),
        _ => may_join_walked(i),
    }
}

/// `may_join` after any white space, walked.
#[inline(never)]
fn may_join_walked(i: &str) -> bool {
    let head = skip_space(i);
    head.starts_with(['t', 'T', 'u', 'U']) || dash(head).is_ok()
}

/// A word boundary: the input does not continue with a letter or digit.
pub fn at_boundary(i: &str) -> bool {
    // An ASCII byte is a whole character: no decoding for it.
    match i.as_bytes().first() {
        None => true,
        Some(b) if b.is_ascii() => !b.is_ascii_alphanumeric(),
        Some(_) => !i.starts_with(is_word_char),
    }
}

/// keyword: `word` in any case, as a whole word.
pub fn keyword<'a>(word: &'static str) -> impl Fn(&'a str) -> IResult<&'a str, &'a str> {
    move |i: &'a str| {
        let n = word.len();
        match i.get(..n) {
            Some(head) if head.eq_ignore_ascii_case(word) && at_boundary(&i[n..]) => Ok((&i[n..], head)),
            _ => Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag))),
        }
    }
}

/// The word (letters only, ASCII) at the start of `i`, possibly empty.
pub fn leading_word(i: &str) -> &str {
    // Bytes: the first byte that is no ASCII letter starts a character.
    let end = i.bytes().position(|b| !b.is_ascii_alphabetic()).unwrap_or(i.len());
    &i[..end]
}

/// The letters and digits `i` starts with: ASCII by bytes, and by characters from the
/// first other byte on (`head.split(|c: char| !c.is_alphanumeric()).next()`).
pub fn leading_alnum(i: &str) -> &str {
    let end = i.bytes().position(|b| !b.is_ascii_alphanumeric()).unwrap_or(i.len());
    match i.as_bytes().get(end) {
        Some(b) if !b.is_ascii() => {
            let wide = &i[end..];
            &i[..end + wide.find(|c: char| !c.is_alphanumeric()).unwrap_or(wide.len())]
        }
        _ => &i[..end],
    }
}

/// The first `n` bytes of `i` (cut back to a character boundary).
pub fn window(i: &str, n: usize) -> &str {
    let mut end = n.min(i.len());
    while !i.is_char_boundary(end) {
        end -= 1;
    }
    &i[..end]
}

pub use crate::words::with_lower;

/// For the tests of the numeric kinds: what `parse` reads at the start of `s`, as
/// (value, value_end, unit, text).
#[cfg(test)]
pub(crate) fn read_figure(
    parse: fn(&Ctx) -> Option<Figure>,
    s: &str,
) -> Option<(String, Option<String>, String, String)> {
    read_figure_at(parse, s, 0)
}

/// For the tests of the numeric kinds: what `parse` reads of `figure` where it stands after
/// `before` in a sentence, as (value, value_end).
#[cfg(test)]
pub(crate) fn read_figure_in(
    parse: fn(&Ctx) -> Option<Figure>,
    before: &str,
    figure: &str,
) -> Option<(String, Option<String>)> {
    let s = format!("{before}{figure}");
    read_figure_at(parse, &s, before.len()).map(|(value, end, ..)| (value, end))
}

/// What `parse` reads at byte `at` of `s`, as (value, value_end, unit, text).
#[cfg(test)]
fn read_figure_at(
    parse: fn(&Ctx) -> Option<Figure>,
    s: &str,
    at: usize,
) -> Option<(String, Option<String>, String, String)> {
    let ctx = Ctx::new(s, at, false);
    parse(&ctx).map(|f| {
        let num = |v: Val| match v {
            Val::Num(d) => d.normalize().to_string(),
            Val::Date(_) => String::new(),
        };
        (
            num(f.value),
            f.value_end.map(num),
            f.unit.into_owned(),
            s[f.start..f.end].to_string(),
        )
    })
}

/// Shorthand for a failed parse at `i`.
pub fn fail<T>(i: &str) -> IResult<&str, T> {
    Err(nom::Err::Error(nom::error::Error::new(
        i,
        nom::error::ErrorKind::Verify,
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use nom::bytes::complete::{take_while, take_while1};

    /// `Starts` with no kind.
    const NO_KIND: Starts = Starts {
        money: false,
        percent: false,
        quantity: false,
        duration: false,
        date: false,
        ordinal: false,
        count: false,
        percent_marked: false,
        unscaled: false,
    };

    #[test]
    fn the_look_ahead_is_kept_for_the_kinds_asked_after() {
        let s = "Sales rose 4 percent to 9 billion won.";
        let ctx = Ctx::new(s, s.find('4').unwrap_or(0), false);
        assert_eq!(ctx.ahead.get(), None);
        let first = ctx.ahead();
        assert!(first.percent() && first.currency_word());
        assert_eq!(ctx.ahead.get(), Some(first));
        assert_eq!(ctx.ahead(), Ahead::of(ctx.rest()));
    }

    /// `is_denominator` by characters only, as first written.
    fn is_denominator_by_chars(before: &str) -> bool {
        let b = before.trim_end();
        b.len() >= 3
            && b.len() < before.len()
            && b.get(b.len() - 3..).is_some_and(|w| w.eq_ignore_ascii_case("per"))
            && !b[..b.len() - 3].ends_with(|c: char| c.is_alphanumeric())
    }

    #[test]
    fn denominators_by_bytes_are_the_denominators_by_characters() {
        let mut text = crate::fixture_texts().concat();
        text.push_str(" per 1 PER 5 per\u{a0}5 super 5 per5 \u{e9}per 5 per\u{2003} 5 per \t\n5 (per 3 .per 4 per peR 7 r 9 bar 1 pr 2 x\u{a0} 3");
        let mut found = 0;
        for (at, _) in text.char_indices() {
            let before = &text[..at];
            assert_eq!(is_denominator(before), is_denominator_by_chars(before), "{at}");
            found += usize::from(is_denominator(before));
        }
        assert!(found >= 8, "{found}");
    }

    #[test]
    fn a_figure_after_per_is_a_rate_denominator() {
        let s = "a tariff of 1.8 yen per 1 kWh";
        let at = s.find("1 kWh").unwrap();
        assert_eq!(figure_at(&Ctx::new(s, at, false)), None);
        let s = "12 cases per 100,000 people";
        assert_eq!(figure_at(&Ctx::new(s, s.find("100").unwrap(), false)), None);
        let s = "a super 5 GW plant";
        assert!(figure_at(&Ctx::new(s, s.find('5').unwrap(), false)).is_some());
    }

    /// Sentences that start figures at words of every kind (invented).
    const LEAD_WORD_TEXT: &str = "The past three years, the next two months and the 24th saw minus 0.4 percent, \
        Minus 3%, negative $71.5 million, NEGATIVE 2 GW, between 3 and 5 percent, Between 120 and 150 firms, \
        between USD 2 and 3 billion, a hundred companies, A billion won, an estimated 5, Three billion won, \
        twenty-first, Twentieth, the hundredth, H1 2025, h2 2024, q3 2025, Q4, mid-2024, end-March, pre-2020, \
        FY2024, fiscal 2023, Rs 90 lakh, RM5 million, Rp 3 trillion, US$5, U.S.$5, HK$ 3 billion, $US5 million, \
        USD 5 million, KRW 3 trillion, EUR 4, RMB 6 billion, ALL 70 of us, two to three euros, seven years, \
        Seven consecutive months, one hundred and five tons, ninety-nine percent, Ninety thousand barrels, \
        this year, Last year, next March, first half of 2025, Second quarter, third-quarter, fourth half, \
        today, Yesterday, tomorrow, Today, early 2025, Late May, start-2024, post-2019, March 5, 2025, \
        Tuesday, on Monday, Sept. 3-5, 2024, June 30 and July 1, quarter 1, Quarter 3 2022, four-point-one \
        percent, fifteen dozen eggs, Four Seasons, eleven more, nineteen of them, forty 2025 firms. \
        On the 3rd, THE 21st of May, the\u{a0}9th and the  30th; The 2nd, the first, the 5 lots, the. \
        Between June 2 and 9, between 4 and 8 July, between\u{2003}2021 and 2023, between them, between. \
        The first five months of 2024, the second six months, First 3 months, first-ever, fourth\u{a0}Quarter. \
        Trade between the two sides, Between Korea and Japan, between export-related ministries, between a \
        third and a half, between two and three percent, between minus 2 and 3 percent, Between Two and Five \
        firms, between\u{a0}USD 2 and 3 billion, between RM5 and RM7 million, between Rs 3 and 4 lakh, between \
        U.S.$5 and $6, between $US5 and 6, between HK$ 3 and 4 billion, between \u{20ac}3 and \u{20ac}4, between \
        \u{bd} and 1 percent, between -3 and 5 percent, between-3, between, between\u{2003}negative 2 and 4 \
        percent, between an estimated 5 and 6 firms, between them, between KRW 3 and 5 trillion, between Rp 3. \
        The previous year, the following. The past 3 years, the coming a hundred days, the last twenty-five \
        years, the next\u{a0}12 months, the past year, The Past Five Years, the previous  six months, the next \
        one-year, the past, the following 2, the coming Seven Weeks.";

    /// Every word of `text` (ASCII letters), once, as written and lower-cased.
    fn words_of(text: &str) -> Vec<String> {
        let mut words: Vec<String> = text
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| !w.is_empty())
            .flat_map(|w| [w.to_string(), w.to_ascii_lowercase()])
            .collect();
        words.sort();
        words.dedup();
        words
    }

    #[test]
    fn kinds_not_asked_at_a_word_read_nothing_there() {
        let mut text = crate::fixture_texts().concat();
        text.push_str(LEAD_WORD_TEXT);
        // Every word before the tails a figure may have after its first word.
        let tails = [
            " 2025",
            "-2024 ",
            " 5 percent",
            " 3 billion won",
            " hundred firms",
            " half of 2024",
            "-first",
        ];
        for w in words_of(&text) {
            for tail in tails {
                text.push_str(&format!(" {w}{tail}."));
            }
        }
        text.push_str(&numbers_with_tails().concat());
        /// Whether `Starts` asks a kind, and the kind's parse.
        type Asked = (fn(Starts) -> bool, fn(&Ctx) -> Option<Figure>);
        let kinds: [Asked; 7] = [
            (|s| s.money, money::parse),
            (|s| s.percent, percent::parse),
            (|s| s.quantity, quantity::parse),
            (|s| s.duration, duration::parse),
            (|s| s.date, date::parse),
            (|s| s.ordinal, ordinal::parse),
            (|s| s.count, count::parse),
        ];
        let mut skipped = 0;
        for (at, _) in text.char_indices() {
            for cut in [false, true] {
                let ctx = Ctx::new(&text, at, cut);
                let starts = Starts::at(ctx.rest());
                for (n, (asked, parse)) in kinds.iter().enumerate() {
                    if !asked(starts) {
                        assert_eq!(parse(&ctx), None, "kind {n} at {:?}", window(ctx.rest(), 40));
                        skipped += 1;
                    }
                }
                assert_eq!(
                    figure_at(&ctx),
                    figure_at_every_kind(&ctx),
                    "at {:?}",
                    window(ctx.rest(), 40)
                );
            }
        }
        assert!(skipped > 100_000, "fixtures not found: {skipped}");
    }

    #[test]
    fn a_lead_word_turned_away_starts_no_kind_and_reads_no_figure() {
        let mut text = crate::fixture_texts().concat();
        text.push_str(
            " the 24th, the 7th Emergency, the past five years, the past year, the previous year, the \
             following two, the 2 sides, per the 5th, first half, first-half, first six months, first time, \
             first 5 months, first-ever, first quarter, between 3 and 5, between March 3 and 5, between \
             Korea and, between the two, between USD 3 and 5, between two and three, between May and \
             June, between Mayors, between\u{a0}3 and 4, per first half, per between 2 and 3 ",
        );
        let no_kind = NO_KIND;
        let (mut asked, mut turned) = (0, 0);
        for (pos, _) in text.char_indices() {
            let rest = &text[pos..];
            let word = leading_word(rest).as_bytes();
            let glued = text[..pos].chars().next_back().is_some_and(char::is_alphanumeric);
            if glued || !matches!(word, b"the" | b"first" | b"between") {
                continue;
            }
            let away = lead_word_turned_away(&text, pos, word);
            let starts = Starts::at(rest);
            let denominator = is_denominator(&text[..pos]);
            assert_eq!(
                away,
                starts
                    == Starts {
                        unscaled: starts.unscaled,
                        ..no_kind
                    }
                    && !denominator,
                "{:?}",
                window(rest, 30)
            );
            if away {
                for cut in [false, true] {
                    assert_eq!(figure_at(&Ctx::new(&text, pos, cut)), None, "{:?}", window(rest, 30));
                }
            }
            asked += 1;
            turned += usize::from(away);
        }
        assert!(asked > 200 && turned > 100, "{asked} {turned}");
        assert!(!lead_word_turned_away("per the rise", 4, b"the"));
        assert!(lead_word_turned_away("the rise", 0, b"the"));
        assert!(!lead_word_turned_away("The rise", 0, b"The"));
    }

    #[test]
    fn a_number_before_an_unmarked_word_has_no_scale_as_the_cardinal_reads_it() {
        let mut text = crate::fixture_texts().concat();
        text.push_str(&numbers_with_tails().concat());
        text.push_str(" 5 dozens 5 dozen\u{e9} 3 lakh crore 2 tril. 7 mill 4 Dozen eggs 19 000 units 1.2.3 units");
        text.push_str(" 16,8 million 3 tn. 8 bnx 9 cafés 6 crores 5 mn 1,234.5 tons 12 billions 4 u 2 dozen");
        text.push_str(" two dozen eggs, Three hundred firms, a thousand people, twenty-one firms, one firm, ten mn");
        let mut unscaled = 0;
        for (at, _) in text.char_indices() {
            let rest = &text[at..];
            if !Starts::at(rest).unscaled {
                continue;
            }
            let digits = number::digits_number(rest)
                .or_else(|_| number::spelled_number(rest))
                .ok()
                .map(|(r, numeral)| (r, numeral, None));
            for cut in [false, true] {
                let read = number::cardinal(cut)(rest).ok().map(|(r, c)| (r, c.numeral, c.scale));
                assert_eq!(read, digits, "at {:?}", window(rest, 40));
                let ctx = Ctx::new(&text, at, cut);
                assert_eq!(
                    count::parse_with(&ctx, true),
                    count::parse(&ctx),
                    "at {:?}",
                    window(rest, 40)
                );
            }
            unscaled += 1;
        }
        assert!(unscaled > 1_000, "fixtures not found: {unscaled}");
    }

    /// Numbers in digits with every byte or word a figure may go on with after them, each
    /// in a sentence of its own (invented).
    fn numbers_with_tails() -> Vec<String> {
        let numbers = [
            "5",
            "12",
            "708",
            "2,708",
            "3.5",
            "1,234.5",
            "2025",
            "1.",
            "3,5",
            "19 000",
            "0.25",
            "two",
            "Twenty-five",
            "one hundred",
            "a hundred",
        ];
        let mut tails: Vec<String> = (b'!'..=b'~')
            .filter(|b| !b.is_ascii_alphanumeric())
            .map(|b| format!("{}", b as char))
            .collect();
        for t in [
            "",
            " ",
            "\t",
            "\u{a0}",
            "\u{2013}",
            "\u{ff05}",
            "\u{b0}C",
            "\u{bd}",
            "1/2%",
            "-1/2 percent",
        ] {
            tails.push(t.to_string());
        }
        for w in [
            "percent",
            "Percent",
            "PCT",
            "pct",
            "per cent",
            "percentage points",
            "percen",
            "perc",
            "pp",
            "ppt",
            "ppts",
            "pc",
            "bp",
            "bps",
            "basis points",
            "basis",
            "per",
            "percents",
            "percentile",
            "pence",
            "to 6 percent",
            "- 6 percent",
            "of a percentage point",
            "point 5 percent",
            "million won",
            "billion",
            "bn",
            "b",
            "thousand",
            "GW",
            "km",
            "m",
            "tons",
            "years",
            "consecutive months",
            "US dollars",
            "dollars",
            "euro cents",
            "won",
            "th",
            "st",
            "TH",
            "nd",
            "rd",
            "th-largest",
            "st.",
            "thermal",
            "thousand tons",
            "thousand won",
            "rds",
            "nd2",
            "companies",
            "and 6 percent",
        ] {
            tails.push(format!(" {w}"));
            tails.push(w.to_string());
            tails.push(format!("-{w}"));
        }
        let mut sentences = Vec::new();
        for n in numbers {
            for t in &tails {
                sentences.push(format!("{n}{t}"));
                sentences.push(format!("Sales fell {n}{t} in May. "));
                sentences.push(format!("(Unit: {n}{t})"));
            }
        }
        sentences
    }

    /// Numbers before every currency, unit, scale and modifier the grammar reads after a
    /// number (in every case), and before every word of the fixtures.
    fn numbers_with_words() -> Vec<String> {
        let scales = [
            "thousand",
            "lakh",
            "lakhs",
            "lakh crore",
            "million",
            "mn",
            "mln",
            "crore",
            "crores",
            "billion",
            "bn",
            "bln",
            "trillion",
            "tn",
            "trln",
            "tril.",
            "dozen",
            "point 5 percent",
            "to 6 tons",
            "thousand tons",
        ];
        let written = money::written_after_numbers()
            .into_iter()
            .chain(quantity::written_after_numbers())
            .chain(duration::written_after_numbers())
            .chain(scales.iter().map(|s| s.to_string()));
        let mut sentences = Vec::new();
        for w in written {
            for w in [w.clone(), w.to_lowercase(), w.to_uppercase()] {
                sentences.push(format!("Sales fell 5 {w} in May; 2,708 {w} won, 3.5 {w}"));
                sentences.push(format!("Sales fell two {w} in May; Ninety-nine {w} won, a hundred {w}"));
            }
        }
        for w in words_of(&crate::fixture_texts().concat()) {
            sentences.push(format!("Sales fell 5 {w} in May; 2,708 {w} dollars, 3.5 {w} percent."));
            sentences.push(format!(
                "Sales fell two {w} in May; twenty-five {w} dollars, one hundred {w} percent."
            ));
        }
        sentences
    }

    #[test]
    fn kinds_not_asked_after_a_number_read_nothing_there() {
        let kinds: [fn(&Ctx) -> Option<Figure>; 4] = [money::parse, percent::parse, quantity::parse, duration::parse];
        let mut closed = 0;
        for sentence in numbers_with_tails().into_iter().chain(numbers_with_words()) {
            for (at, _) in sentence.char_indices() {
                for cut in [false, true] {
                    let ctx = Ctx::new(&sentence, at, cut);
                    let starts = Starts::at(ctx.rest());
                    if !starts.money {
                        assert_eq!(money::parse(&ctx), None, "{sentence:?} at {at}");
                    }
                    if !starts.percent {
                        closed += 1;
                        for parse in kinds {
                            assert_eq!(parse(&ctx), None, "{sentence:?} at {at}");
                        }
                    }
                    if starts.percent_marked {
                        assert!(ctx.ahead().percent(), "{sentence:?} at {at}");
                        assert_eq!(percent::read(&ctx), percent::parse(&ctx), "{sentence:?} at {at}");
                    }
                    assert_eq!(figure_at(&ctx), figure_at_every_kind(&ctx), "{sentence:?} at {at}");
                }
            }
        }
        assert!(closed > 1_000, "{closed}");
    }

    #[test]
    fn a_number_closed_by_a_mark_or_before_a_percent_word_asks_fewer_kinds() {
        let at = |s: &str| Starts::at(s);
        let closed = Starts {
            money: false,
            percent: false,
            quantity: false,
            duration: false,
            ordinal: false,
            count: false,
            ..Starts::ALL
        };
        for s in ["3.", "12:30", "5", "7]", "2025, exports", "1.2.3."] {
            assert_eq!(at(s), closed, "{s}");
        }
        assert_eq!(at("708)"), Starts { date: false, ..closed });
        for s in ["12th", "3rd-largest"] {
            assert_eq!(
                at(s),
                Starts {
                    count: true,
                    ordinal: true,
                    ..closed
                },
                "{s}"
            );
        }
        // A count with no noun: grouped, or before a bracket or quote it may look past.
        for s in ["2,708);", "1,234", "1.5\"", "5(", "12(EV)", "3'", "5&Co"] {
            assert!(at(s).count, "{s}");
        }
        let marked = Starts {
            money: false,
            percent_marked: true,
            ..Starts::ALL
        };
        for s in [
            "4.5 percent",
            "12 bp",
            "3 PCT",
            "1,200 basis points",
            "0.3 percentage point",
        ] {
            assert_eq!(at(s), marked, "{s}");
        }
        // Open: a space, a dash, a fraction, a sign, a glued unit or scale, a wide byte.
        for s in [
            "5 won",
            "5-6 percent",
            "1/4%",
            "5%",
            "5GW",
            "5bn",
            "5\u{a0}percent",
            "5  percent",
            "5 percents",
            "5 thousand",
            "5th2",
            "5 th",
        ] {
            assert_eq!(at(s), Starts::ALL, "{s}");
        }
        let long = format!("{} percent", "1".repeat(MARKED_RUN));
        assert_eq!(
            at(&long),
            Starts {
                date: false,
                ..Starts::ALL
            }
        );
    }

    #[test]
    fn a_date_is_asked_only_at_one_two_or_four_digits() {
        let at = |s: &str| Starts::at(s).date;
        for yes in [
            "5 May",
            "12 March",
            "2025",
            "2024-25",
            "3Q 2024",
            "1,200 firms",
            "12.5 percent",
        ] {
            assert!(at(yes), "{yes}");
        }
        for no in ["120 firms", "708)", "15000 won", "123456", "100th day"] {
            assert!(!at(no), "{no}");
        }
        // The bytes read are the digit count's test: every count from 1 to 7, before
        // every kind of byte.
        for n in 1..8 {
            for tail in ["", " May", "a", ",5", ",500", "\u{e9}"] {
                let s = format!("{}{tail}", "7".repeat(n));
                assert_eq!(at(&s), matches!(n, 1 | 2 | 4), "{s}");
            }
        }
    }

    #[test]
    fn each_kind_is_asked_at_its_lead_words() {
        let at = |s: &str| Starts::at(s);
        assert_eq!(at("5 companies"), Starts::ALL);
        assert_eq!(at("$5"), Starts::ALL);
        assert_eq!(at("\u{e9}t\u{e9}"), Starts::ALL);
        let the = at("the past five years");
        assert!(the.duration && !the.date && !the.money && !the.percent && !the.count && !the.ordinal);
        // A date at `the` only before a digit (`the 24th`), at `between` before a digit or a month.
        assert!(at("the 24th").date && at("The\u{a0}3rd of May").date && !at("the end").date);
        assert!(at("between 2020 and 2024").date && at("Between March 3 and 5").date);
        assert!(!at("between the two").date && !at("between them").date);
        // Money, a percent or a count at `between` only before what their ranges read first.
        for none in [
            "between the two",
            "Between Korea and",
            "between them",
            "between",
            "between,3",
        ] {
            let s = at(none);
            assert!(!s.money && !s.percent && !s.count, "{none}");
        }
        for some in [
            "between 3",
            "between two",
            "Between USD 2",
            "between $3",
            "between minus 2",
            "between a",
        ] {
            let s = at(some);
            assert!(s.money && s.percent && s.count, "{some}");
        }
        assert!(at("first-half").date && at("Third quarter").date && at("first nine months").date);
        assert!(!at("first time").date && !at("second, the").date);
        // A duration at `the` only before its lead word.
        assert!(at("The next\u{a0}two weeks").duration && at("the coming 3 days").duration);
        // ... and only before a number (`the previous year` is none).
        assert!(!at("the previous year").duration && !at("the following.").duration);
        assert!(!at("the past year\u{2019}s 3 days").duration && at("the Past Two years").duration);
        let the_first = at("the first time");
        assert!(!the_first.duration && !the_first.date);
        let three = at("Three billion won");
        assert!(three.money && three.percent && three.quantity && three.count && !three.ordinal);
        assert!(three.duration && three.date); // capitalized: a month or weekday would be a date
        let none = NO_KIND;
        // `march` in lower case is a verb; `March` a month, and only a date.
        assert_eq!(at("march on"), none);
        assert_eq!(at("March 5"), Starts { date: true, ..none });
        // Money at a capital: a currency written in capitals, or `Rs`, `Rp`.
        for currency in ["USD 5", "RMB 6", "HK$ 3", "S$5", "U.S.$5", "RM5", "Rs 90", "Rp 3"] {
            assert!(at(currency).money, "{currency}");
        }
        assert!(!at("Using 5").money && !at("Korea 5").money && !at("Rate 5").money);
        // A number word before a word no marked kind goes on with: a count, not an amount.
        let two = at("two countries signed");
        assert!(two.count && !two.money && !two.percent && !two.quantity && !two.duration);
        for marked in [
            "two billion won",
            "two percent",
            "two to three",
            "Two consecutive years",
            "a countries",
        ] {
            assert!(
                at(marked).money || at(marked).duration || at(marked).percent,
                "{marked}"
            );
        }
        let twenty = at("twenty-first");
        assert!(twenty.ordinal && twenty.count);
        let minus = at("minus 0.4 percent");
        assert!(minus.money && minus.percent && minus.quantity && !minus.count);
        assert!(at("mid-2024").date && at("second half").ordinal && at("Between 3 and 5").money);
        // A spelled `first` is refused by the ordinal: not asked.
        assert!(!at("first half").ordinal && at("first half").date);
    }

    #[test]
    fn leading_words_by_bytes_are_the_words_split_by_characters() {
        let mut text = crate::fixture_texts().concat();
        text.push_str(" percenté pct２ 5％ perc\u{a0}ent Ünits x\u{300}y 3²");
        for (at, _) in text.char_indices() {
            let i = &text[at..];
            let by_chars = i.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
            assert_eq!(leading_alnum(i), by_chars, "{at}");
        }
    }

    #[test]
    fn spaces_boundaries_and_dashes_by_bytes_read_what_the_char_walk_reads() {
        let mut text = crate::fixture_texts().concat();
        text.push_str(" \t\u{a0}\u{2003} x\r\n\u{85}\u{3000}’ \u{b}\u{c}\u{1c}é  \u{200b}-–—−‐‑‒―");
        for (at, _) in text.char_indices() {
            let i = &text[at..];
            assert_eq!(space_len(i), space_len_walked(i), "{at}");
            assert_eq!(may_join(i), may_join_walked(i), "{at}");
            let walk0: IResult<&str, &str> = take_while(is_space)(i);
            let walk1: IResult<&str, &str> = take_while1(is_space)(i);
            assert_eq!(sp0(i), walk0, "{at}");
            assert_eq!(sp(i).ok(), walk1.ok(), "{at}");
            assert_eq!(skip_space(i), i.trim_start_matches(is_space), "{at}");
            assert_eq!(trim_space_end(&text[..at]), text[..at].trim_end(), "{at}");
            assert_eq!(at_boundary(i), !i.starts_with(is_word_char), "{at}");
            let dashes = [
                '-', '\u{2010}', '\u{2011}', '\u{2012}', '\u{2013}', '\u{2014}', '\u{2212}',
            ];
            let by_chars: IResult<&str, char> = satisfy(|c| dashes.contains(&c)).parse(i);
            assert_eq!(dash(i), by_chars, "{at}");
        }
    }

    #[test]
    fn keyword_is_case_insensitive_and_whole() {
        assert!(keyword("percent")("Percent rose").is_ok());
        assert!(keyword("per")("percent").is_err());
        assert!(keyword("to")("to").is_ok());
    }

    #[test]
    fn joiners_pass_the_cheap_test() {
        for j in [" to ", "-", " – ", "\u{a0}through ", " until ", "To"] {
            assert!(may_join(j), "{j:?}");
        }
        assert!(!may_join(" and ") && !may_join(", "));
    }

    #[test]
    fn dashes_of_every_kind() {
        for d in ["-", "–", "—", "−"] {
            assert!(dash(d).is_ok(), "{d}");
        }
    }
}
