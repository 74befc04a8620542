//! percent: a share or a rate, in percent (`%`) or percentage points (`pp`).
//!
//! The rules stand in a comment above each parser.
//! The marker may stand after the second number of a range only (`3.5 to 4.0 per cent`).

use nom::{IResult, Parser, branch::alt, bytes::complete::tag, character::complete::char, combinator::opt};
use rust_decimal::Decimal;

use super::money::sign;
use super::number::{digits_number, fraction_number, spelled_decimal, spelled_number};
use super::{Ctx, Figure, Val, at_boundary, cues, dash, fail, keyword, leading_alnum, skip_space, sp, sp0};
use crate::model::Kind;

/// The three units of this kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PctUnit {
    Percent,
    Points,
    BasisPoints,
}

impl PctUnit {
    pub fn as_str(self) -> &'static str {
        match self {
            PctUnit::Percent => "%",
            PctUnit::Points => "pp",
            PctUnit::BasisPoints => "bp",
        }
    }
}

/// pct_number: a signed number in digits (with a fraction: `1-1/2`, `1/4`, `2½`) or
/// words (with a spelled point: `four-point-one`).
fn pct_number(i: &str) -> IResult<&str, Decimal> {
    if plain_digits_ahead(i) {
        return alt((digits_number.map(|n| n.value), spelled_number.map(|n| n.value))).parse(i);
    }
    pct_number_by_every_form(i)
}

/// `pct_number` with every form asked, in order: a sign, then a fraction, a spelled point,
/// digits, words.
fn pct_number_by_every_form(i: &str) -> IResult<&str, Decimal> {
    let (r, negative) = opt(sign).parse(i)?;
    let (r, v) = alt((
        fraction_number,
        spelled_decimal,
        digits_number.map(|n| n.value),
        spelled_number.map(|n| n.value),
    ))
    .parse(r)?;
    let v = if negative.unwrap_or(false) { -v } else { v };
    Ok((r, v))
}

/// `i` starts with digits that no sign, fraction or spelled point can go with: the byte
/// after them is none that those forms read there (`/`, `-`, ASCII white space, or the
/// start of a character: a vulgar fraction, a non-breaking hyphen or space). Then only
/// the plain number can read (`3.5%`, `12,000`): the other forms are not tried.
fn plain_digits_ahead(i: &str) -> bool {
    let b = i.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    digits > 0
        && b.get(digits)
            .is_none_or(|&c| c.is_ascii() && !matches!(c, b'/' | b'-') && !crate::words::ascii_space(c))
}

/// A word of the percent marker, or its cut stub at the end of a cut body.
fn marker_word(full: &'static str, cut: bool) -> impl Fn(&str) -> IResult<&str, &str> {
    move |i: &str| {
        if let Ok(ok) = keyword(full)(i) {
            return Ok(ok);
        }
        if !cut {
            return fail(i);
        }
        let word_len = i.find(|c: char| !c.is_alphabetic()).unwrap_or(i.len());
        if word_len == i.len() && word_len >= 4 && full.len() > word_len && full[..word_len].eq_ignore_ascii_case(i) {
            return Ok((&i[word_len..], i));
        }
        fail(i)
    }
}

/// marker: `%p`, `%`, `percentage point(s)`, `percent`, `per cent`, `pct`, `-percent`, `pp`.
pub fn marker(cut: bool) -> impl Fn(&str) -> IResult<&str, PctUnit> {
    move |i: &str| {
        // Every form starts, after any white space, with `%`, `％`, a `p` or (`-percent`)
        // a dash: elsewhere no alternative is tried.
        let head = skip_space(i);
        if !head.starts_with(['%', '％', 'p', 'P', 'b', 'B', 'o']) && dash(head).is_err() {
            return fail(i);
        }
        // A whole marker word picks the alternatives that can read it (in `any_marker`'s
        // order); signs and cut stubs (`perc`) go through them all.
        let word = leading_alnum(head);
        let is = |w: &str| word.eq_ignore_ascii_case(w);
        if is("percent") {
            // After white space the whole word is read already (`percent_word`'s `sp` branch).
            if head.len() < i.len() {
                return Ok((&head["percent".len()..], PctUnit::Percent));
            }
            percent_word(cut, i)
        } else if is("percentage") {
            percentage_points(cut, i)
        } else if is("per") {
            per_cent(i)
        } else if is("pp") || is("ppt") || is("ppts") {
            pp(i)
        } else if is("pct") {
            alt((pct_points, pct)).parse(i)
        } else if is("basis") || is("bp") || is("bps") {
            basis_points(i)
        } else if is("pc") {
            pc(i)
        } else if is("of") {
            of_a_point(cut, i)
        } else {
            any_marker(cut, i)
        }
    }
}

/// Every alternative of `marker`, points first.
fn any_marker(cut: bool, i: &str) -> IResult<&str, PctUnit> {
    alt((
        (sp0, tag("%p"), |r| if at_boundary(r) { Ok((r, ())) } else { fail(r) }).map(|_| PctUnit::Points),
        |i| percentage_points(cut, i),
        pp,
        pct_points,
        (sp0, alt((char('%'), char('％')))).map(|_| PctUnit::Percent),
        per_cent,
        |i| percent_word(cut, i),
        pct,
        basis_points,
        pc,
        |i| of_a_point(cut, i),
    ))
    .parse(i)
}

/// "pc" glued to the number (`17pc`, a newspaper's percent); `3 pc` apart is a count of
/// pieces or computers.
fn pc(i: &str) -> IResult<&str, PctUnit> {
    let (r, _) = tag("pc")(i)?;
    if at_boundary(r) {
        Ok((r, PctUnit::Percent))
    } else {
        fail(i)
    }
}

/// (sp | dash) "basis" (sp | dash) ("points" | "point") | sp ("bp" | "bps"):
/// `75 basis points`, `a 75-basis-point cut`, `25 bp`.
fn basis_points(i: &str) -> IResult<&str, PctUnit> {
    let gap = || alt((sp.map(|_| ()), dash.map(|_| ())));
    alt((
        (
            gap(),
            keyword("basis"),
            gap(),
            alt((keyword("points"), keyword("point"))),
        )
            .map(|_| ()),
        (sp, alt((keyword("bps"), keyword("bp")))).map(|_| ()),
    ))
    .map(|_| PctUnit::BasisPoints)
    .parse(i)
}

/// sp "percentage" (sp | dash) ("points" | "point" | "pts" | "pt"): `a 0.5 percentage-point rise`
fn percentage_points(cut: bool, i: &str) -> IResult<&str, PctUnit> {
    (
        sp,
        marker_word("percentage", cut),
        alt((sp.map(|_| ()), dash.map(|_| ()))),
        alt((keyword("points"), keyword("point"), keyword("pts"), keyword("pt"))),
    )
        .map(|_| PctUnit::Points)
        .parse(i)
}

/// sp "of" sp ("a" | "one") percentage_points: `0.3 of a percentage point`, as South
/// African and British releases write a fraction of a point.
fn of_a_point(cut: bool, i: &str) -> IResult<&str, PctUnit> {
    let (r, _) = (sp, keyword("of"), sp, alt((keyword("a"), keyword("one")))).parse(i)?;
    percentage_points(cut, r)
}

/// sp ("pp" | "ppt" | "ppts")
fn pp(i: &str) -> IResult<&str, PctUnit> {
    (sp, alt((keyword("pp"), keyword("ppts"), keyword("ppt"))))
        .map(|_| PctUnit::Points)
        .parse(i)
}

/// sp "pct" sp ("points" | "point")
fn pct_points(i: &str) -> IResult<&str, PctUnit> {
    (sp, keyword("pct"), sp, alt((keyword("points"), keyword("point"))))
        .map(|_| PctUnit::Points)
        .parse(i)
}

/// (sp | dash) "per" (sp | dash) "cent": `12 per cent`, `a 12-per-cent fall`
fn per_cent(i: &str) -> IResult<&str, PctUnit> {
    let gap = || alt((sp.map(|_| ()), dash.map(|_| ())));
    (gap(), keyword("per"), gap(), keyword("cent"))
        .map(|_| PctUnit::Percent)
        .parse(i)
}

/// (sp | dash) "percent"
fn percent_word(cut: bool, i: &str) -> IResult<&str, PctUnit> {
    (alt((sp.map(|_| ()), dash.map(|_| ()))), marker_word("percent", cut))
        .map(|_| PctUnit::Percent)
        .parse(i)
}

/// sp "pct"
fn pct(i: &str) -> IResult<&str, PctUnit> {
    (sp, keyword("pct")).map(|_| PctUnit::Percent).parse(i)
}

/// range_joiner: sp0 dash sp0 | sp "to" sp.
fn range_joiner(i: &str) -> IResult<&str, ()> {
    if !super::may_join(i) {
        return fail(i);
    }
    alt(((sp0, dash, sp0).map(|_| ()), (sp, keyword("to"), sp).map(|_| ()))).parse(i)
}

/// percent = between-form | range | single, returning (start, end, unit).
/// Without `ranges`, only a single figure is read. After a change verb (`after_verb`), a
/// number with its own marker is the change (`rose 2 percent to 5 percent`), while
/// `grow 2 to 3 percent` stays a range. (`after_verb` is asked only of a range whose
/// first number has its own marker, and `ranges` only where a range could be read: the
/// ones reading them decide.)
pub fn percent(
    cut: bool,
    ranges: impl Fn() -> bool,
    after_verb: impl Fn() -> bool,
) -> impl Fn(&str) -> IResult<&str, (Decimal, Option<Decimal>, PctUnit)> {
    move |i: &str| {
        if let Ok((r, _)) = (keyword("between"), sp).parse(i) {
            if !ranges() {
                return fail(i);
            }
            let (r, a) = pct_number(r)?;
            let (r, m1) = opt(marker(cut)).parse(r)?;
            let (r, _) = (sp, keyword("and"), sp).parse(r)?;
            let (r, b) = pct_number(r)?;
            let (r, m2) = marker(cut)(r)?;
            if m1.is_some_and(|m| m != m2) {
                return fail(i);
            }
            return Ok((r, (a, Some(b), m2)));
        }
        let (r, a) = pct_number(i)?;
        let (r_after_first, m1) = opt(marker(cut)).parse(r)?;
        after_first(cut, (a, m1), r_after_first, &ranges, &after_verb).map_or_else(|_| fail(i), Ok)
    }
}

/// What `percent` reads after its first number `a` and its marker `m1` (if any), at `r`:
/// a range's joiner, second number and marker, or the single figure.
/// ```text
/// after_first = range_joiner pct_number marker | ""   (the latter only with a first marker)
/// ```
fn after_first<'a>(
    cut: bool,
    (a, m1): (Decimal, Option<PctUnit>),
    r: &'a str,
    ranges: &impl Fn() -> bool,
    after_verb: &impl Fn() -> bool,
) -> IResult<&'a str, (Decimal, Option<Decimal>, PctUnit)> {
    // A range: the first marker is optional (`3-5 percent`, `3% to 5%`).
    let ranged = |r| -> IResult<&str, (Decimal, PctUnit)> {
        let (r, _) = range_joiner(r)?;
        let (r, b) = pct_number(r)?;
        let (r, m2) = marker(cut)(r)?;
        Ok((r, (b, m2)))
    };
    // A range runs upward: `from 3.4% in 2025 to 2.8%` must not read `2025 to 2.8%`.
    if let Ok((r2, (b, m2))) = ranged(r).and_then(|x| if a <= x.1.0 { Ok(x) } else { fail(r) }) {
        // After a change verb, a first number with its own marker is the change.
        if ranges() && (m1.is_none() || m1 == Some(m2) && !after_verb()) {
            return Ok((r2, (a, Some(b), m2)));
        }
    }
    match m1 {
        Some(m) => Ok((r, (a, None, m))),
        None => fail(r),
    }
}

/// The percent figure at the candidate position.
pub fn parse(ctx: &Ctx) -> Option<Figure> {
    if !ctx.ahead().percent() {
        return None;
    }
    read(ctx)
}

/// The percent figure at a number in digits with a percent word after it (`Starts`), as
/// `read` reads it: the plain form `digits_number " percent"` not going on into a range
/// is read at once; any other, by `read`.
/// ```text
/// plain_percent = digits_number " percent" (end | ASCII mark or space), no range_joiner after
/// ```
/// Before a joiner (`3 percent to 5 percent`, `3 percent to 5 trillion won`), what
/// follows the marker is read by `after_first` with the number read here, not read again.
pub fn read_marked(ctx: &Ctx) -> Option<Figure> {
    let marked = digits_number(ctx.rest()).ok().and_then(|(r, n)| {
        let after = r.strip_prefix(" percent")?;
        let ends = after
            .as_bytes()
            .first()
            .is_none_or(|b| b.is_ascii() && !b.is_ascii_alphanumeric());
        ends.then_some((after, n.value))
    });
    let Some((after, value)) = marked else {
        return read(ctx);
    };
    if !super::may_join(after) {
        return Some(ctx.figure(Kind::Percent, after, Val::Num(value), None, PctUnit::Percent.as_str()));
    }
    let ranges = || !cues::leads_a_change(ctx.before());
    let after_verb = || cues::follows_change_verb(ctx.before());
    let first = (value, Some(PctUnit::Percent));
    let (end, (a, b, unit)) = after_first(ctx.cut, first, after, &ranges, &after_verb).ok()?;
    Some(ctx.figure(Kind::Percent, end, Val::Num(a), b.map(Val::Num), unit.as_str()))
}

/// The percent figure at the candidate position, its marker known to be ahead (`parse`
/// without the look-ahead).
pub fn read(ctx: &Ctx) -> Option<Figure> {
    let rest = ctx.rest();
    // `rose from 3 percent to 5 percent` is a change between two figures, not a range.
    let ranges = || !cues::leads_a_change(ctx.before());
    let after_verb = || cues::follows_change_verb(ctx.before());
    let (after, (a, b, unit)) = percent(ctx.cut, ranges, after_verb)(rest).ok()?;
    Some(ctx.figure(Kind::Percent, after, Val::Num(a), b.map(Val::Num), unit.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_marked_percent_reads_what_the_whole_percent_grammar_reads() {
        let mut text = crate::fixture_texts().concat();
        text.push_str(
            " It rose 3 percent to 5 percent, 3.2 percent to 5.1 trillion won, 2 percent - 4 percent, \
             1 percent until 2027, 7 percent this year, 4 percent\u{2013}6 percent, 9 percent to 8 percent, \
             grew 2 percent to 3 percent, from 3 percent to 5 percent, 6 percent TO 7 percent, 5 percents.",
        );
        let mut ranged = 0;
        for (at, c) in text.char_indices() {
            if !c.is_ascii_digit() {
                continue;
            }
            for cut in [false, true] {
                let ctx = Ctx::new(&text, at, cut);
                let marked = read_marked(&ctx);
                assert_eq!(
                    marked,
                    super::read(&ctx),
                    "at {at}: {:?}",
                    super::super::window(ctx.rest(), 30)
                );
                ranged += usize::from(marked.is_some_and(|f| f.value_end.is_some()));
            }
        }
        assert!(ranged >= 10, "{ranged}");
    }

    fn read(s: &str) -> Option<(String, Option<String>, String, usize)> {
        read_cut(s, false)
    }

    #[test]
    fn plain_digits_read_what_every_form_reads() {
        let mut text = crate::fixture_texts().concat();
        text.push_str(" 1-1/2% 1\u{2011}1/2 1\u{2010}1/2 1 1/2 2½ 1/4 3/8% 89 point 9 4-point-1 12\u{a0}point 5");
        text.push_str(" 3.5% 12,000 7\t8 9\r\n10 11\u{b}12\u{c}13 -3.2% \u{2212}4 minus 0.4 1,2 1.2.3 5");
        for (at, _) in text.char_indices() {
            let i = &text[at..];
            assert_eq!(pct_number(i), pct_number_by_every_form(i), "{at}");
        }
    }

    #[test]
    fn marker_words_pick_the_same_reading_as_every_alternative() {
        let tails = [
            " percent",
            " Percent.",
            " percentage points",
            " percentage point",
            " percentage",
            " per cent",
            " pp",
            " pct",
            " pct points",
            " PCT point",
            "-percent",
            "%",
            "%p",
            " %",
            "％",
            " perc",
            " percen",
            " percentages",
            " pcts",
            " per",
            " per annum",
            " ppm",
            " pct2",
            "\u{a0}percent",
            " -percent",
            " basis points",
            "-basis-point",
            " bp",
            " bps",
            " basis",
            "pc",
            " pc",
            "pcs",
            " percentage-point",
            " percentage pts",
            " ppt",
            " ppts",
            "-per-cent",
            " per-cent",
        ];
        for tail in tails {
            for cut in [false, true] {
                assert_eq!(marker(cut)(tail).ok(), any_marker(cut, tail).ok(), "{tail:?} cut={cut}");
            }
        }
        // And after every position of the fixtures, with the word in odd company.
        let mut text = crate::fixture_texts().concat();
        text.push_str(
            " 5percent 5\tPERCENT 5 percent5 5 percent\u{e9} 5 percent- 5  percent 5\u{2003}percent. 5 Percent",
        );
        for (at, _) in text.char_indices() {
            for cut in [false, true] {
                let i = &text[at..];
                assert_eq!(marker(cut)(i).ok(), any_marker(cut, i).ok(), "{at} cut={cut}");
            }
        }
    }

    #[test]
    fn a_plain_percent_is_read_as_every_form_reads_it() {
        let mut text = crate::fixture_texts().concat();
        text.push_str(" 5 percent 5 percent. 5 percentage points 5 percent-6 percent 5 percent to 6 percent");
        text.push_str(" 5 percent2 5 percenté 1,234.5 percent 19 000 percent 1/2 percent 4 point 5 percent");
        text.push_str(" 3,5 percent 12.5.3 percent 1 percent\u{a0}to 2 percent 7 percent until 2030 9 percent");
        let mut plain = 0;
        for (at, c) in text.char_indices() {
            if !c.is_ascii_digit() {
                continue;
            }
            for cut in [false, true] {
                let ctx = Ctx::new(&text, at, cut);
                assert_eq!(read_marked(&ctx), super::read(&ctx), "{at}");
                plain += usize::from(ctx.rest().split(' ').nth(1) == Some("percent"));
            }
        }
        assert!(plain > 50, "{plain}");
    }

    fn read_cut(s: &str, cut: bool) -> Option<(String, Option<String>, String, usize)> {
        let ctx = Ctx::new(s, 0, cut);
        parse(&ctx).map(|f| {
            let num = |v: Val| match v {
                Val::Num(d) => d.normalize().to_string(),
                Val::Date(_) => String::new(),
            };
            (num(f.value), f.value_end.map(num), f.unit.into_owned(), f.end)
        })
    }

    /// Read where it stands in a sentence: its value and any range end.
    fn read_in(before: &str, figure: &str) -> Option<(String, Option<String>)> {
        crate::grammar::read_figure_in(parse, before, figure)
    }

    #[test]
    fn the_words_before_decide_range_or_change() {
        let one = |v: &str| Some((v.to_string(), None));
        let range = |a: &str, b: &str| Some((a.to_string(), Some(b.to_string())));
        // After a change verb, a first number with its own marker is the change.
        assert_eq!(read_in("Ticket sales climbed ", "4 percent to 9 percent"), one("4"));
        assert_eq!(read_in("Ticket sales climbed ", "4 to 9 percent"), range("4", "9"));
        assert_eq!(read_in("Sales may grow ", "4% to 9%"), range("4", "9"));
        // After `by` or `rose from`, what follows `to` is a level.
        assert_eq!(read_in("Fares went up by ", "4 to 9 percent"), None);
        assert_eq!(read_in("Fares rose from ", "4% to 9%"), one("4"));
        assert_eq!(read_in("Fares rose by ", "between 4 and 9 percent"), None);
        assert_eq!(read_in("a margin of ", "between 4 and 9 percent"), range("4", "9"));
    }

    #[test]
    fn every_marker() {
        for s in [
            "12.2 percent",
            "12.2%",
            "12.2 per cent",
            "12.2 pct",
            "12.2 ％",
            "12.2-percent",
            "12.2-per-cent",
            "12.2 per-cent",
        ] {
            let r = read(s).unwrap_or_else(|| panic!("{s}"));
            assert_eq!((r.0.as_str(), r.2.as_str(), r.3), ("12.2", "%", s.len()), "{s}");
        }
        assert_eq!(read("17pc rise").unwrap().0, "17");
        assert_eq!(read("17 pc"), None);
        for s in [
            "0.5 percentage points",
            "0.5%p",
            "0.5 percentage point",
            "0.5 pp",
            "0.5 percentage-point",
            "0.5 ppt",
            "0.5 ppts",
            "0.5 percentage pts",
        ] {
            let r = read(s).unwrap_or_else(|| panic!("{s}"));
            assert_eq!((r.0.as_str(), r.2.as_str(), r.3), ("0.5", "pp", s.len()), "{s}");
        }
    }

    #[test]
    fn two_adjacent_figures_stay_two() {
        let r = read("12% 13%").unwrap();
        assert_eq!((r.0.as_str(), r.1, r.3), ("12", None, 3));
    }

    #[test]
    fn ranges() {
        let r = read("3-5 percent").unwrap();
        assert_eq!((r.0.as_str(), r.1.as_deref()), ("3", Some("5")));
        let r = read("between 2 and 3 percent").unwrap();
        assert_eq!((r.0.as_str(), r.1.as_deref()), ("2", Some("3")));
        let r = read("3% to 5%").unwrap();
        assert_eq!((r.0.as_str(), r.1.as_deref()), ("3", Some("5")));
    }

    #[test]
    fn changes_from_one_level_to_another_are_two_figures() {
        let s = "rose from 3 percent to 5 percent";
        let ctx = Ctx::new(s, 10, false);
        let f = parse(&ctx).unwrap();
        assert_eq!((f.value_end, &s[f.start..f.end]), (None, "3 percent"));
    }

    #[test]
    fn signs_and_words() {
        assert_eq!(read("-3.2%").unwrap().0, "-3.2");
        assert_eq!(read("minus 0.4 percent").unwrap().0, "-0.4");
        assert_eq!(read("ten percent").unwrap().0, "10");
    }

    #[test]
    fn trailing_zero_is_dropped_but_value_is_as_written() {
        assert_eq!(read("1.0 percent").unwrap().0, "1");
    }

    #[test]
    fn stubs_only_at_a_cut_end() {
        assert_eq!(read("15.6 percen"), None);
        assert_eq!(read_cut("15.6 percen", true).unwrap().0, "15.6");
        assert_eq!(read_cut("15.6 per", true), None);
    }

    #[test]
    fn fractions_and_spelled_points() {
        assert_eq!(read("1/4 percent").unwrap().0, "0.25");
        let r = read("0 to 1/4 percent").unwrap();
        assert_eq!((r.0.as_str(), r.1.as_deref()), ("0", Some("0.25")));
        let r = read("2-1/4 to 2\u{2011}1/2 percent").unwrap();
        assert_eq!((r.0.as_str(), r.1.as_deref()), ("2.25", Some("2.5")));
        let r = read("3-1/4 percent to 3-1/2 percent").unwrap();
        assert_eq!((r.0.as_str(), r.1.as_deref()), ("3.25", Some("3.5")));
        let r = read("5-3/4 to 6 percent").unwrap();
        assert_eq!((r.0.as_str(), r.1.as_deref()), ("5.75", Some("6")));
        assert_eq!(read("3½ per cent").unwrap().0, "3.5");
        assert_eq!(read("1/2 percentage point").unwrap().2, "pp");
        assert_eq!(read("seven-point-two percent").unwrap().0, "7.2");
        assert_eq!(read("64 point 5 per cent").unwrap().0, "64.5");
    }

    #[test]
    fn the_marker_after_the_second_number_only() {
        let r = read("2.5 to 3.0 per cent").unwrap();
        assert_eq!((r.0.as_str(), r.1.as_deref(), r.2.as_str()), ("2.5", Some("3"), "%"));
        let r = read("four to seven percent").unwrap();
        assert_eq!((r.0.as_str(), r.1.as_deref()), ("4", Some("7")));
    }

    #[test]
    fn a_range_runs_upward() {
        assert_eq!(read("2025 to 2.8% in 2026"), None);
        assert_eq!(read("5-3%").map(|r| r.1), None);
        let r = read("3-5%").unwrap();
        assert_eq!((r.0.as_str(), r.1.as_deref()), ("3", Some("5")));
    }

    #[test]
    fn a_fraction_of_a_point() {
        let r = read("0.3 of a percentage point to 32.9%").unwrap();
        assert_eq!((r.0.as_str(), r.2.as_str()), ("0.3", "pp"));
        assert_eq!(read("half of a percentage point"), None);
        assert_eq!(read("0.25 of one percentage point").unwrap().2, "pp");
        assert_eq!(read("3 of a kind"), None);
    }

    #[test]
    fn basis_points() {
        for s in [
            "50 basis points",
            "50 basis point",
            "50-basis-point",
            "50 bp",
            "50 bps",
            "50 Basis Points",
        ] {
            let r = read(s).unwrap_or_else(|| panic!("{s}"));
            assert_eq!((r.0.as_str(), r.2.as_str(), r.3), ("50", "bp", s.len()), "{s}");
        }
        assert_eq!(read("50 basis"), None);
        assert_eq!(read("50 bpm"), None);
    }

    #[test]
    fn not_percent() {
        assert_eq!(read("12 percentiles"), None);
        assert_eq!(read("5 people"), None);
    }
}
