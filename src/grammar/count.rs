//! count: a cardinal number of things, with the words naming them.
//!
//! ```text
//! count      = "between" sp cardinal sp "and" sp cardinal sp plural_phrase
//!            | cardinal (sp0 dash sp0 | sp "to" sp) cardinal sp plural_phrase   "120 to 150 companies"
//!            | cardinal sp counted              "83 newly selected items", "1.5 million visitors"
//!            | cardinal sp "of" sp of_phrase    "two of them", "70 of us", "three of the firms"
//!            | cardinal sp "out" sp "of" sp cardinal sp plural_phrase   "six out of 15 items"
//!            | cardinal sp "more"               "eight more"
//!            | cardinal sp lone_word            "(148 domestic and 39 overseas)"  (elliptical pair)
//!            | [minus] big_cardinal [sp0 (stop_word | punctuation | END)]
//!                 "employment rose by 236,000 in March", "(-36,000; -0.5%)", "one million ("
//!            | cardinal sp0 "(" money (")" | ";" | ",")   "27 (271 trillion won) remaining"
//!                 (noun before or left out: empty unit)
//!            | cardinal sp stub END             "45,000 uni"  (cut body only; empty unit)
//! big_cardinal = a whole number written with groups (`236,000`) or a scale word (`1.6 million`)
//! counted    = plural_phrase | singular_phrase  (the latter for a digit `1` only)
//! of_phrase  = ("them" | "us" | "these" | "those") | determiner [sp possessive] sp [cardinal sp] plural_phrase
//!            | cardinal sp plural_phrase                      "6 of 9 regions"
//! ```
//! Refused (see `grammar-notes.md`): spelled `one` and bare articles, fractions and
//! version numbers (`Industry 4.0`), numbers glued to letters (`5G`) or joined by a dash
//! to a word (`two-way`, `a 20-member team`), ratios and times (`1:1`, `24/7`), numbers
//! after a label word (`Article 3`, `No. 6`, `units 3 and 4`, `Phase Two`), and any
//! number with no counted noun after it.

use nom::{Parser, branch::alt};
use rust_decimal::Decimal;

use super::number::{Cardinal, cardinal, digits_before_a_space, is_one, spelled_number};
use super::phrase::{Phrase, is_stop_word, lone_word, plural_phrase, singular_counted};
use super::{Ctx, Figure, Val, at_boundary, cues, dash, keyword, sp, sp0, trim_space_end};
use crate::model::Kind;
use crate::words::lowered;

/// Words before a number that make it part of a name: `Article 3`, `No. 6`, `Phase Two`
/// (the `LABELS` list), lower-cased.
#[rustfmt::skip]
fn label(lower: &[u8]) -> bool {
    matches!(lower,
        b"article" | b"articles" | b"art" | b"phase" | b"phases" | b"unit" | b"units" | b"no" | b"nos" | b"number"
        | b"hall" | b"room" | b"line" | b"gate" | b"chapter" | b"section" | b"clause" | b"paragraph" | b"annex"
        | b"appendix" | b"table" | b"figure" | b"fig" | b"page" | b"pages" | b"p" | b"pp" | b"vol" | b"volume"
        | b"step" | b"stage" | b"level" | b"grade" | b"tier" | b"type" | b"model" | b"version" | b"ver" | b"zone"
        | b"block" | b"lot" | b"lane" | b"pier" | b"berth" | b"terminal" | b"building" | b"floor" | b"station"
        | b"exit" | b"route" | b"road" | b"runway" | b"track" | b"reactor" | b"reactors" | b"round" | b"session"
        | b"group" | b"team" | b"class" | b"category" | b"option" | b"scenario" | b"wave" | b"batch" | b"window"
        | b"dock" | b"platform" | b"plan" | b"program" | b"programme" | b"vision" | b"quarter"
    )
}

/// `word` lower-cased (ASCII only, on the stack) is in the list `known`; a long or
/// non-ASCII word is in none of these lists.
fn in_list(known: fn(&[u8]) -> bool, word: &str) -> bool {
    let mut buf = [0u8; 16];
    lowered(&mut buf, word.as_bytes()).is_some_and(known)
}

/// The last word of `text` (letters only) and what precedes it.
fn last_word(text: &str) -> (&str, &str) {
    let t = trim_space_end(text);
    // ASCII letters by bytes; at any other byte, by characters.
    let letters = t.bytes().rev().take_while(u8::is_ascii_alphabetic).count();
    let start = match t.as_bytes().get((t.len() - letters).wrapping_sub(1)) {
        Some(b) if !b.is_ascii() => t
            .rfind(|c: char| !c.is_alphabetic())
            .map_or(0, |i| i + t[i..].chars().next().map_or(1, char::len_utf8)),
        _ => t.len() - letters,
    };
    (&t[start..], &t[..start])
}

/// The number is named by a label word before it, possibly across a list (`units 3 and 4`).
#[cfg(test)] // the coverage tests ask it; `parse` has the last word read already
pub fn labelled(before: &str) -> bool {
    labelled_after(before, last_word(before))
}

/// `labelled`, given `last`, the `last_word` of `before` (read once for every test).
fn labelled_after<'a>(before: &'a str, last: (&'a str, &'a str)) -> bool {
    let trimmed = trim_space_end(before);
    let mut b = trimmed;
    if b.ends_with('#') {
        return true;
    }
    // `No. 6`: the abbreviation's full stop.
    if let Some(x) = b.strip_suffix('.') {
        let (w, _) = last_word(x);
        return in_list(
            |l| matches!(l, b"no" | b"nos" | b"art" | b"fig" | b"vol" | b"p" | b"pp"),
            w,
        );
    }
    // `units 3 and 4`, `Articles 3, 4`: step back over the list.
    let (mut w, mut head) = last;
    for _ in 0..3 {
        let joined = if in_list(|l| matches!(l, b"and" | b"or" | b"to"), w) {
            Some(head)
        } else {
            b.strip_suffix(',').or_else(|| b.strip_suffix('&'))
        };
        let Some(joined) = joined else { break };
        let joined = joined.trim_end();
        let digits = joined.trim_end_matches(|c: char| c.is_ascii_digit());
        if digits.len() == joined.len() {
            break;
        }
        b = digits;
        (w, head) = last_word(b);
    }
    // `IONIQ 5`, `KTX 2`: a number right after an all-capitals name is a model number.
    // (`ALL 70 of us` is the English word in capitals, not a name.)
    let model =
        w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase()) && !is_stop_word(w) && b.len() == trimmed.len();
    model || in_list(label, w)
}

/// What follows the number rules it out: letters glued on (`5G`), a dash and a word
/// (`two-way`), a ratio or time (`1:1`, `24/7`).
fn glued(after: &str) -> bool {
    if !at_boundary(after) {
        return true;
    }
    if let Ok((r, _)) = dash(after) {
        return r.starts_with(char::is_alphanumeric);
    }
    let mut chars = after.chars();
    matches!(chars.next(), Some(':' | '/')) && chars.next().is_some_and(|c| c.is_ascii_digit())
}

/// of_phrase after `N of`: a pronoun, or a determiner and a plural phrase.
fn of_phrase(i: &str) -> Option<Phrase<'_>> {
    let (r, _) = (sp, keyword("of"), sp).parse(i).ok()?;
    let word = |ws: &[&'static str]| ws.iter().find_map(|w| keyword(w)(r).ok());
    if let Some((rest, w)) = word(&["them", "us", "these", "those"]) {
        return Some(Phrase {
            unit: w.to_lowercase(),
            rest,
        });
    }
    // `12 of the 20 projects`, `6 of 9 regions`: the whole is a count of its own, so this
    // figure ends at its number and names the whole as its unit. Without a number the
    // whole needs its determiner (`three of the firms`).
    // A possessive may follow the determiner: `two of the country's three ports`.
    let determiner =
        word(&["the", "these", "those", "its", "their", "our", "his", "her"]).map(|(after_det, det)| match possessive(
            after_det,
        ) {
            Some((r, p)) => (r, format!("{} {}", det.to_lowercase(), p.to_lowercase())),
            None => (after_det, det.to_lowercase()),
        });
    if let Some((after_det, det)) = &determiner {
        if let Some(p) = plural_phrase(after_det) {
            return Some(Phrase {
                unit: format!("{det} {}", p.unit),
                rest: p.rest,
            });
        }
    }
    let (whole_at, det) = match determiner {
        Some((after_det, det)) => (after_det.trim_start(), format!("{det} ")),
        None => (r, String::new()),
    };
    let (r, whole) = cardinal(false)(whole_at).ok()?;
    let p = plural_phrase(r)?;
    let whole_text = &whole_at[..whole_at.len() - r.len()];
    Some(Phrase {
        unit: format!("{det}{} {}", whole_text.trim().to_lowercase(), p.unit),
        rest: if countable(&whole) { i } else { p.rest },
    })
}

/// ` country's`, ` members’`: one word with a possessive ending, after white space;
/// returns the rest and the word.
fn possessive(i: &str) -> Option<(&str, &str)> {
    let t = i.trim_start();
    if t.len() == i.len() {
        return None;
    }
    let end = t.find(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}' || c == '-'))?;
    let w = &t[..end];
    let owner = w.ends_with("'s") || w.ends_with("\u{2019}s") || w.ends_with("s'") || w.ends_with("s\u{2019}");
    (owner && w.len() > 2).then_some((&t[end..], w))
}

/// `six out of 15 major items`: the figure ends at its number and names the whole as its
/// unit (the words after `out of`); the whole is a count of its own.
fn out_of(i: &str) -> Option<Phrase<'_>> {
    let (r, _) = (sp, keyword("out"), sp, keyword("of"), sp).parse(i).ok()?;
    let (r2, whole) = cardinal(false)(r).ok()?;
    let p = plural_phrase(r2)?;
    let whole_text = &r[..r.len() - r2.len()];
    countable(&whole).then(|| Phrase {
        unit: format!("{} {}", whole_text.trim().to_lowercase(), p.unit),
        rest: i,
    })
}

/// A whole number big enough to be a count by itself, with the noun before it or left
/// out: written with thousands groups or a scale word (`236,000`, `1.6 million`,
/// `one million`), followed by no word of its own but a function word or punctuation.
/// Small bare numbers (`(1)`, `1. The plan`) and index levels (`122.3`) are no counts.
fn bare(c: &Cardinal, after: &str) -> bool {
    if !(c.numeral.grouped || c.scale.is_some()) {
        return false;
    }
    let next = after.trim_start_matches(|ch: char| ch.is_whitespace() && ch != '\n');
    let word_len = next.find(|ch: char| !ch.is_alphanumeric()).unwrap_or(next.len());
    // `3,400 fewer than in June`: a comparison with the noun left out.
    let compared = || {
        (
            alt((keyword("fewer"), keyword("more"), keyword("less"))),
            sp,
            keyword("than"),
        )
            .parse(next)
            .is_ok()
    };
    match next.chars().next() {
        None => true,
        Some(ch) if ch.is_alphanumeric() => {
            (is_stop_word(&next[..word_len]) && !next.starts_with(char::is_uppercase)) || compared()
        }
        Some(ch) => matches!(ch, ',' | ';' | ')' | '(' | '.' | ':' | '\n'),
    }
}

/// `27 (271 trillion won) remaining`: a number whose value in money follows in brackets
/// counts things left unsaid.
fn valued_in_brackets(after: &str) -> bool {
    let Some(inner) = after.trim_start_matches([' ', '\u{a0}']).strip_prefix('(') else {
        return false;
    };
    let inner = inner.trim_start();
    super::money::money(false, || false, || false)(inner)
        .is_ok_and(|(r, _)| r.trim_start().starts_with([')', ';', ',']))
}

/// A capitalized word before a digit `1` in running text names it: `Ocean Wind 1 project`,
/// `Terminal 1`; a count of one thing is written `one` or `a`. In a headline, where the
/// next word is capitalized too (`Korea Opens 1 New Plant`), it stays a count.
#[cfg(test)] // the coverage tests ask it; `parse` has the last word read already
pub fn numbers_a_name(before: &str, rest: &str) -> bool {
    rest.starts_with('1') && one_names(last_word(before), rest)
}

/// `numbers_a_name`, given `last`, the `last_word` of the text before.
fn one_names(last: (&str, &str), rest: &str) -> bool {
    let Some(after) = rest.strip_prefix('1') else {
        return false;
    };
    let next = after.trim_start_matches([' ', '\u{a0}']);
    let running = !next.starts_with(char::is_uppercase) && !after.starts_with(|c: char| c.is_ascii_alphanumeric());
    let one = !after.starts_with(|c: char| c.is_ascii_digit() || c == ',' || c == '.' || c == '/' || c == ':');
    let (w, head) = last;
    one && running && w.starts_with(|c: char| c.is_uppercase()) && !head.trim_end().is_empty()
}

/// An index level is no count: `index` stands in the last few words (`the index closed
/// at 2,450`).
fn index_level(before: &str) -> bool {
    // The last 64 bytes hold six words: a text without spaces is not read back whole.
    let mut from = before.len().saturating_sub(64);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    before[from..].split_whitespace().rev().take(6).any(|w| {
        w.trim_matches(|c: char| !c.is_alphabetic())
            .eq_ignore_ascii_case("index")
    })
}

/// A capitalized number word right inside a quotation is part of a title: `"Four Key
/// Industries"`, `entitled "The Three Pillars"`.
fn in_a_quoted_title(before: &str) -> bool {
    let b = before.trim_end();
    let b = b
        .strip_suffix("The")
        .or_else(|| b.strip_suffix("A"))
        .unwrap_or(b)
        .trim_end();
    b.ends_with(['"', '\u{201c}', '\u{2018}'])
}

/// `N more` with nothing counted after it: the unit is `more`.
fn more(i: &str) -> Option<Phrase<'_>> {
    let (r, _) = (sp, keyword("more")).parse(i).ok()?;
    Some(Phrase {
        unit: "more".to_string(),
        rest: r,
    })
}

/// `39 overseas)`: a number and one word closing a breakdown.
fn lone_member(i: &str) -> bool {
    let Ok((r, _)) = super::number::digits_number(i) else {
        return false;
    };
    let Some((_, rest)) = lone_word(r) else { return false };
    let next = rest.trim_start_matches([' ', '\t', '\u{a0}']);
    next.is_empty()
        || next.starts_with([')', ',', ';', '.'])
        || keyword("and")(next).is_ok()
        || keyword("or")(next).is_ok()
}

/// One member of an elliptical breakdown: `148 domestic` before `and 39 overseas`, or
/// `39 overseas` after `148 domestic and`.
/// `last` is the `last_word` of `before`.
fn elliptical<'a>(before: &str, last: (&str, &str), after: &'a str) -> Option<Phrase<'a>> {
    let (word, rest) = lone_word(after)?;
    let next = rest.trim_start_matches([' ', '\t', '\u{a0}']);
    let partner_after = {
        let n = next.strip_prefix(',').map(str::trim_start).unwrap_or(next);
        let n = keyword("and")(n)
            .or_else(|_| keyword("or")(n))
            .map_or(n, |(r, _)| r.trim_start());
        n.len() < next.len() && lone_member(n)
    };
    let closes = next.is_empty() || next.starts_with([')', ',', ';', '.']);
    let partner_before = closes && {
        let b = before.trim_end();
        let b = match last {
            (w, head) if w.eq_ignore_ascii_case("and") || w.eq_ignore_ascii_case("or") => head,
            _ => b.strip_suffix(',').unwrap_or(""),
        };
        let (w, head) = last_word(b);
        !w.is_empty() && head.trim_end().ends_with(|c: char| c.is_ascii_digit())
    };
    (partner_after || partner_before).then(|| Phrase {
        unit: word.to_lowercase(),
        rest,
    })
}

/// A word cut off by a listing page at the very end of the body: `45,000 uni`.
fn cut_stub(after: &str) -> Option<&str> {
    let (r, _) = sp(after).ok()?;
    let stub = r.trim_end();
    (!stub.is_empty() && stub.chars().all(char::is_alphabetic)).then_some(&r[stub.len()..])
}

/// The cardinal of a number (digits or words) known to have no scale word or `dozen`
/// after it.
fn unscaled_cardinal(i: &str) -> Option<(&str, Cardinal)> {
    let read = if i.starts_with(|c: char| c.is_ascii_digit()) {
        digits_before_a_space(i)
    } else {
        spelled_number(i)
    };
    let (rest, numeral) = read.ok()?;
    Some((rest, Cardinal { numeral, scale: None }))
}

/// A whole number that can count things.
fn countable(c: &Cardinal) -> bool {
    let n = c.numeral;
    // Written without a fraction, a cardinal is whole (its scale is whole): only `1.5
    // million` has its fraction part computed.
    let positive = n.value.is_sign_positive() && !n.value.is_zero();
    let whole = positive && (n.fraction_digits == 0 || n.value.fract().is_zero());
    // `4.0` in `Industry 4.0` is a version; `1.5 million` is whole after its scale.
    let version = n.fraction_digits > 0 && c.scale.is_none();
    let spelled_one = n.spelled && is_one(n.value);
    whole && !version && !spelled_one
}

/// A capitalized number word in running text is part of a name: `at the Four Seasons`.
/// (Title case capitalizes every word, so a capitalized word before it lifts the rule.)
/// `last_word` is the last word before the number.
fn in_a_name(last_word: &str, rest: &str) -> bool {
    if !rest.starts_with(|c: char| c.is_ascii_uppercase()) {
        return false;
    }
    last_word.starts_with(|c: char| c.is_lowercase())
}

/// `120 to 150 companies`, `3-5 firms`: a range sharing the phrase after its end. After a
/// change verb (`rose from 120 to 150 companies`) the two are levels: the first number
/// alone is the figure, and borrows the unit.
fn range(ctx: &Ctx, after: &str, value: Decimal) -> Option<Figure> {
    // Most numbers are followed by no joiner: the cheap test first.
    if !super::may_join(after) {
        return None;
    }
    let (r, (_, end)) = (range_joiner, cardinal(ctx.cut)).parse(after).ok()?;
    if !countable(&end) || end.numeral.value <= value {
        return None;
    }
    let p = plural_phrase(r)?;
    if cues::leads_a_change(ctx.before()) {
        return Some(ctx.figure(Kind::Count, after, Val::Num(value), None, p.unit));
    }
    Some(ctx.figure(
        Kind::Count,
        p.rest,
        Val::Num(value),
        Some(Val::Num(end.numeral.value)),
        p.unit,
    ))
}

/// range_joiner: sp0 dash sp0 | sp "to" sp.
fn range_joiner(i: &str) -> nom::IResult<&str, ()> {
    alt(((sp0, dash, sp0).map(|_| ()), (sp, keyword("to"), sp).map(|_| ()))).parse(i)
}

/// `between 120 and 150 companies`: the range form that money and percent read too.
fn between(ctx: &Ctx) -> Option<Figure> {
    // A number starts most candidates: the first letter turns it away.
    if !ctx.rest().starts_with(['b', 'B']) {
        return None;
    }
    let (r, _) = (keyword("between"), sp).parse(ctx.rest()).ok()?;
    let (r, (a, _, _, _, b)) = (cardinal(ctx.cut), sp, keyword("and"), sp, cardinal(ctx.cut))
        .parse(r)
        .ok()?;
    if !countable(&a) || !countable(&b) || b.numeral.value <= a.numeral.value {
        return None;
    }
    let p = plural_phrase(r)?;
    Some(ctx.figure(
        Kind::Count,
        p.rest,
        Val::Num(a.numeral.value),
        Some(Val::Num(b.numeral.value)),
        p.unit,
    ))
}

/// `aged 15 to 24`, `ages 25-54`: an age bracket counts no things (`w`: the word before).
fn an_age(w: &str) -> bool {
    ["aged", "ages", "age"].iter().any(|a| w.eq_ignore_ascii_case(a))
}

/// The count figure at the candidate position.
#[cfg(test)] // `figure_at` asks `parse_with`, with what it read of the number
pub fn parse(ctx: &Ctx) -> Option<Figure> {
    parse_with(ctx, false)
}

/// `parse`, told by `unscaled` that a number (digits or words), one space and a word that
/// is no scale word and not `dozen` start the candidate (`figure_at` read them): the
/// cardinal is then the number alone, with no scale asked.
pub fn parse_with(ctx: &Ctx, unscaled: bool) -> Option<Figure> {
    // The word before the number, read once for the tests on it.
    let last = last_word(ctx.before());
    if labelled_after(ctx.before(), last) || an_age(last.0) {
        return None;
    }
    if let Some(f) = between(ctx) {
        return Some(f);
    }
    let spelled = !ctx
        .rest()
        .starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '\u{2212}');
    let capitalized = ctx.rest().starts_with(|c: char| c.is_uppercase());
    if spelled && (in_a_name(last.0, ctx.rest()) || capitalized && in_a_quoted_title(ctx.before())) {
        return None;
    }
    if one_names(last, ctx.rest()) {
        return None;
    }
    // `(-36,000; -0.5%)`: a count with a minus glued on is a decrease of that many.
    let (unsigned, negative) = match ctx.rest().strip_prefix(['-', '\u{2212}']) {
        Some(r) if r.starts_with(|c: char| c.is_ascii_digit()) => (r, true),
        Some(_) => return None,
        None => (ctx.rest(), false),
    };
    let (after, c) = if unscaled {
        unscaled_cardinal(unsigned)?
    } else {
        cardinal(ctx.cut)(unsigned).ok()?
    };
    if !countable(&c) {
        return None;
    }
    if negative {
        // Only a big bare number: `-3 items` is a range's end or a list marker more often.
        if glued(after) || !bare(&c, after) {
            return None;
        }
        return Some(ctx.figure(Kind::Count, after, Val::Num(-c.numeral.value), None, ""));
    }
    let value = c.numeral.value;
    // Unscaled, a space and a word follow (no dash, no `to`): no range, nothing glued.
    if !unscaled {
        if let Some(f) = range(ctx, after, value) {
            return Some(f);
        }
        if glued(after) {
            return None;
        }
    }
    let one = c.scale.is_none() && is_one(value);
    let counted = if one {
        singular_counted(after)
    } else {
        plural_phrase(after)
    };
    // The counted phrase's forms in their order, the first read kept.
    let phrase = match counted {
        Some(p) => Some(p),
        None => of_phrase(after)
            .or_else(|| out_of(after))
            .or_else(|| more(after))
            .or_else(|| elliptical(ctx.before(), last, after)),
    };
    if let Some(p) = phrase {
        return Some(ctx.figure(Kind::Count, p.rest, Val::Num(value), None, p.unit));
    }
    if (bare(&c, after) && !index_level(ctx.before())) || valued_in_brackets(after) {
        return Some(ctx.figure(Kind::Count, after, Val::Num(value), None, ""));
    }
    if ctx.cut {
        let end = cut_stub(after)?;
        return Some(ctx.figure(Kind::Count, end, Val::Num(value), None, ""));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `countable` as it was before it trusted a numeral without a fraction to be whole.
    fn countable_by_arithmetic(c: &Cardinal) -> bool {
        let n = c.numeral;
        let whole = n.value.fract().is_zero() && n.value > Decimal::ZERO;
        let version = n.fraction_digits > 0 && c.scale.is_none();
        let spelled_one = n.spelled && n.value == Decimal::ONE;
        whole && !version && !spelled_one
    }

    #[test]
    fn no_range_is_joined_where_the_cheap_test_finds_no_joiner() {
        let mut text = crate::fixture_texts().concat();
        text.push_str(
            " 3-5 firms, 3 - 5, 3\u{2013}5, 3 to 5, 3\u{a0}to\u{a0}5, 3 To 5, 3\tto 5, 3 toward, 3 until 5, 3\u{2212}5",
        );
        let mut joined = 0;
        for (at, _) in text.char_indices() {
            let i = &text[at..];
            if range_joiner(i).is_ok() {
                assert!(crate::grammar::may_join(i), "{at}");
                joined += 1;
            }
        }
        assert!(joined > 100, "fixtures not found: {joined}");
    }

    #[test]
    fn every_cardinal_read_is_countable_as_by_arithmetic() {
        let mut text = crate::fixture_texts().concat();
        text.push_str(" 0 0.0 00 4.0 1.5 million 1,5 million 2.25 billion 0.5 dozen a dozen 3,5% 19 000 a hundred");
        text.push_str(" 0.1 thousand 1.25 thousand 16,8 million 0.001 trillion one two dozen 7 lakh crore 1.2345 thousand 0.0001 thousand 2.5 dozen");
        let mut read = 0;
        for (at, _) in text.char_indices() {
            for cut in [false, true] {
                if let Ok((_, c)) = cardinal(cut)(&text[at..]) {
                    assert_eq!(countable(&c), countable_by_arithmetic(&c), "{at}");
                    read += 1;
                }
            }
        }
        assert!(read > 5_000, "fixtures not found: {read}");
    }

    #[test]
    fn last_word_by_bytes_agrees_with_characters() {
        let by_chars = |text: &str| {
            let t = text.trim_end();
            let start = t
                .rfind(|c: char| !c.is_alphabetic())
                .map_or(0, |i| i + t[i..].chars().next().map_or(1, char::len_utf8));
            (t[start..].to_string(), t[..start].to_string())
        };
        for text in [
            "",
            "  ",
            "units ",
            "Article",
            "No.",
            "a café",
            "l’usine",
            "x—Phase ",
            "5 Änderungen",
            "ab12cd",
        ] {
            let (w, head) = last_word(text);
            assert_eq!((w.to_string(), head.to_string()), by_chars(text), "{text:?}");
        }
    }

    #[test]
    fn the_last_word_read_once_is_the_last_word_of_the_trimmed_text() {
        // `parse` reads it of the text before the number and hands it to tests that read
        // it of that text trimmed (`labelled`, `elliptical`).
        let mut text = crate::fixture_texts().concat();
        text.push_str(" a café \u{a0} units 3 and\t\n l’usine ");
        for (at, _) in text.char_indices() {
            let before = &text[..at];
            assert_eq!(last_word(before), last_word(before.trim_end()), "{at}");
        }
    }

    fn read_at(s: &str, at: &str, cut: bool) -> Option<(String, String, String)> {
        let pos = s.find(at)?;
        let ctx = Ctx::new(s, pos, cut);
        parse(&ctx).map(|f| {
            let v = match f.value {
                Val::Num(d) => d.normalize().to_string(),
                Val::Date(_) => String::new(),
            };
            (v, f.unit.into_owned(), s[f.start..f.end].to_string())
        })
    }

    fn read(s: &str) -> Option<(String, String, String)> {
        let at = s.find(|c: char| c.is_ascii_digit()).map_or("", |i| &s[i..]);
        read_at(s, at, false)
    }

    fn unit(s: &str, at: &str) -> Option<String> {
        read_at(s, at, false).map(|r| r.1)
    }

    #[test]
    fn digits_scales_and_words() {
        assert_eq!(
            read("drew 1.5 million visitors over"),
            Some(("1500000".into(), "visitors".into(), "1.5 million visitors".into()))
        );
        assert_eq!(
            read("sold 20,000 units."),
            Some(("20000".into(), "units".into(), "20,000 units".into()))
        );
        assert_eq!(
            unit("A hundred exporters hosted", "A hundred"),
            Some("exporters".into())
        );
        assert_eq!(unit("and twenty-one buyers signed", "twenty"), Some("buyers".into()));
        assert_eq!(
            unit("three thousand product pages were", "three"),
            Some("product pages".into())
        );
        assert_eq!(unit("found 1 new supplier.", "1"), Some("new supplier".into()));
        assert_eq!(unit("opens at 1 p.m. daily", "1"), None);
    }

    #[test]
    fn a_part_of_a_whole_without_its_determiner() {
        assert_eq!(unit("rose in 6 of 9 regions", "6").as_deref(), Some("9 regions"));
        assert_eq!(unit("rose in 6 of 9 regions", "9").as_deref(), Some("regions"));
        assert_eq!(unit("three of the 12 firms", "three").as_deref(), Some("the 12 firms"));
        assert_eq!(unit("six of them", "six").as_deref(), Some("them"));
        // `of` and a bare noun is no whole: `5 of steel` counts nothing.
        assert_eq!(unit("5 of steel products", "5"), None);
    }

    #[test]
    fn a_whole_with_a_possessive() {
        assert_eq!(
            unit("two of the region's five largest ports", "two").as_deref(),
            Some("the region's five largest ports")
        );
        assert_eq!(
            unit("three of the bank’s branches closed", "three").as_deref(),
            Some("the bank’s branches")
        );
        assert_eq!(unit("1.3 million head of cattle", "1.3").as_deref(), Some("head"));
    }

    #[test]
    fn a_comparison_with_the_noun_left_out() {
        assert_eq!(unit("there were 2,100 fewer than in May", "2,100").as_deref(), Some(""));
        // `N more` keeps its unit `more` (`eight more`).
        assert_eq!(unit("1.2 million more than a year ago", "1.2").as_deref(), Some("more"));
        assert_eq!(unit("it cost 300 less than planned", "300"), None);
    }

    #[test]
    fn of_more_and_ellipsis() {
        assert_eq!(read_at("and two of them were", "two", false).unwrap().2, "two of them");
        let r = read_at("chose three of the five firms", "three", false).unwrap();
        assert_eq!((r.1.as_str(), r.2.as_str()), ("the five firms", "three"));
        assert_eq!(unit("chose three of the firms", "three"), Some("the firms".into()));
        assert_eq!(unit("with eight more.", "eight"), Some("more".into()));
        let s = "showed 187 products (148 domestic and 39 overseas).";
        assert_eq!(unit(s, "148"), Some("domestic".into()));
        assert_eq!(unit(s, "39"), Some("overseas".into()));
        assert_eq!(unit("it sold 5 early, and 3,200 more cars later", "5"), None);
    }

    #[test]
    fn ranges_and_changes() {
        let s = "between 120 to 150 companies joined";
        let pos = s.find("120").unwrap();
        let f = parse(&Ctx::new(s, pos, false)).unwrap();
        assert_eq!(
            (f.value_end, &s[f.start..f.end]),
            (Some(Val::Num(Decimal::from(150))), "120 to 150 companies")
        );
        let s = "members rose from 120 to 150 companies";
        assert_eq!(read_at(s, "120", false).unwrap().1, "companies");
        assert_eq!(read_at(s, "120", false).unwrap().2, "120");
        assert_eq!(unit("hired 3-5 engineers", "3"), Some("engineers".into()));
        let r = read_at("hired between 30 and 40 engineers", "between", false).unwrap();
        assert_eq!(
            (r.1.as_str(), r.2.as_str()),
            ("engineers", "between 30 and 40 engineers")
        );
        assert_eq!(unit("call 044-203-5541 today", "044"), None);
    }

    #[test]
    fn cut_stub_only_at_a_cut_end() {
        assert_eq!(read_at("reached 45,000 uni", "45", true).unwrap().1, "");
        assert_eq!(read_at("reached 45,000 uni", "45", false), None);
    }

    #[test]
    fn names_and_identifiers_are_not_counts() {
        for (s, at) in [
            ("under Article 3 of the program rules", "3"),
            ("the No. 6 assembly lines", "6"),
            ("on Saeul units 3 and 4 was", "4"),
            ("Industry 4.0 upgrades", "4"),
            ("a 5G streaming studio", "5"),
            ("held 1:1 matching sessions", "1"),
            ("the two-way trade flows", "two"),
            ("a 20-member delegation", "20"),
            ("Phase Two projects", "Two"),
            ("one of the firms", "one"),
            ("met at the Four Seasons Hotel", "Four"),
            ("reached 450.", "450"),
            ("2.5 engineers", "2"),
            ("the index stood at 1,204.5 in May", "1,204"),
            ("read \u{201c}Three Rivers of Trade\u{201d} today", "Three"),
            ("the essay \"The Five Ports\" was", "The"),
            ("built Harbor Wind 1 project off the coast", "1"),
            ("the share index closed at 2,450 on Friday", "2"),
            ("in Quarter 2 reflects", "2"),
            ("workers aged 16 to 24 workers", "16"),
            ("people of ages 25-54 people", "25"),
        ] {
            assert_eq!(read_at(s, at, false), None, "{s}");
        }
    }

    #[test]
    fn counts_with_the_noun_before_or_left_out() {
        for (s, at, v) in [
            ("payroll employment grew by 154,000 in May", "154", "154000"),
            ("the number of job seekers, at 2.4 million, was", "2.4", "2400000"),
            ("just under one million (912,000; 48.1%) people", "one", "1000000"),
            ("just under one million (912,000; 48.1%) people", "912", "912000"),
            ("rose among young men (+21,000; +0.9%)", "21", "21000"),
            ("fell among older women (-14,000; -0.4%)", "-14", "-14000"),
            ("reached 45,000.", "45", "45000"),
            ("with 31 (KRW 12 billion) still open", "31", "31"),
            ("and 8 ($2.5 million; 40%) under way", "8", "8"),
        ] {
            let r = read_at(s, at, false).unwrap_or_else(|| panic!("{s}"));
            assert_eq!((r.0.as_str(), r.1.as_str()), (v, ""), "{s}");
        }
        // Small bare numbers and signed small ones are no counts.
        assert_eq!(read_at("see (2) below", "2", false), None);
        assert_eq!(read_at("in 2 (see Table 4) below", "2", false), None);
        assert_eq!(read_at("days fell (-2) in June", "-2", false), None);
    }

    #[test]
    fn out_of_names_the_whole() {
        let r = read_at("eleven out of 14 main items rose", "eleven", false).unwrap();
        assert_eq!(
            (r.0.as_str(), r.1.as_str(), r.2.as_str()),
            ("11", "14 main items", "eleven")
        );
    }

    #[test]
    fn a_phrase_runs_on_across_a_wrapped_line() {
        assert_eq!(unit("from these three\nsurveys, see", "three"), Some("surveys".into()));
        assert_eq!(unit("three\nSurveys Team", "three"), None);
    }

    #[test]
    fn title_case_is_no_name() {
        assert_eq!(unit("Korea Draws Two Solar Plants", "Two"), Some("solar plants".into()));
        assert_eq!(unit("Korea Opens 1 New Plant", "1"), Some("new plant".into()));
        assert_eq!(
            read_at("Fund Draws 1 Million Visitors", "1", false).unwrap().0,
            "1000000"
        );
        assert_eq!(unit("Two solar plants were", "Two"), Some("solar plants".into()));
    }

    #[test]
    fn label_lists() {
        assert!(labelled("Saeul units 3 and "));
        assert!(labelled("Hall No. "));
        assert!(labelled("sales of the IONIQ "));
        assert!(!labelled("every file, ALL "));
        assert!(!labelled("sales of the IONIQ 5 and "));
        assert!(!labelled("signed with "));
        assert!(!labelled("about "));
        assert!(labelled("see Programme ") && labelled("see Reactors ") && labelled("table p. "));
        assert!(!labelled("see programmes ") && !labelled("see \u{212a} "));
    }
}
