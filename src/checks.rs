//! Consistency checks: figures of one release that must agree with each other.
//!
//! - `breakdown`: a total followed by a parenthesised breakdown adds up
//!   (`KRW 9.0 billion (KRW 6.5 billion ... and KRW 2.5 billion ...)`, `40 firms (31 local and 9 foreign)`);
//! - `weekday`: a written weekday matches its resolved date;
//! - `trade_balance`: exports minus imports equal a stated surplus (or minus a deficit);
//! - `percent_change`: a change stated with both levels (`rose 10 percent to $6.6 billion,
//!   up from $6.0 billion`) agrees with them.
//!
//! Figures are compared within the rounding of their written precision: `$6.6 billion`
//! stands for anything from 6.55 to 6.65 billion. A check is reported only where the text
//! carries everything it needs; it then says `ok` or `mismatch`, with the figures.

use std::io::Write;
use std::str::FromStr;

use chrono::{Datelike, Weekday};
use rust_decimal::Decimal;

use crate::extract::{ReleaseFacts, fold_space};
use crate::model::{Direction, Fact, Kind, Period, Section};

/// The outcome of one check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Ok,
    Mismatch,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Mismatch => "mismatch",
        }
    }
}

/// One check applied to some figures of a release.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckResult {
    pub release_id: String,
    /// `breakdown`, `weekday`, `trade_balance` or `percent_change`.
    pub check: &'static str,
    pub status: Status,
    /// The figures and the arithmetic, in words.
    pub detail: String,
    /// Source byte offsets of the figures involved.
    pub offsets: Vec<usize>,
}

/// The columns of the checks CSV.
pub const CHECK_COLUMNS: [&str; 5] = ["release_id", "check", "status", "detail", "offsets"];

/// Every check that the release's figures allow, in reading order of their first figure.
pub fn check_release(r: &ReleaseFacts) -> Vec<CheckResult> {
    let placed = place(&r.facts);
    let mut out = Vec::new();
    breakdowns(r, &placed, &mut out);
    weekdays(r, &mut out);
    trade_balances(r, &mut out);
    percent_changes(r, &placed, &mut out);
    out.sort_by_key(|c| c.offsets.first().copied().unwrap_or(0));
    out
}

/// Writes results as CSV (RFC 4180, `\n` line ends) after a header; offsets joined by `;`.
pub fn write_checks<W: Write>(out: W, results: &[CheckResult]) -> csv::Result<W> {
    let mut w = ChecksWriter::new(out)?;
    for c in results {
        w.write(c)?;
    }
    w.finish()
}

/// The checks table written a result at a time, as [`write_checks`] writes it whole: a run
/// over a long bulletin need not hold its results.
pub struct ChecksWriter<W: Write>(csv::Writer<W>);

impl<W: Write> ChecksWriter<W> {
    /// A writer that has written the header.
    pub fn new(out: W) -> csv::Result<ChecksWriter<W>> {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(out);
        w.write_record(CHECK_COLUMNS)?;
        Ok(ChecksWriter(w))
    }

    pub fn write(&mut self, c: &CheckResult) -> csv::Result<()> {
        let offsets: Vec<String> = c.offsets.iter().map(usize::to_string).collect();
        self.0.write_record([
            c.release_id.as_str(),
            c.check,
            c.status.as_str(),
            c.detail.as_str(),
            offsets.join(";").as_str(),
        ])
    }

    /// Flushes and returns the underlying writer.
    pub fn finish(self) -> csv::Result<W> {
        self.0.into_inner().map_err(|e| e.into_error().into())
    }
}

/// A fact with its place in its folded sentence.
struct Placed<'a> {
    fact: &'a Fact,
    /// Byte span of the folded text in the folded sentence.
    start: usize,
    end: usize,
}

/// Finds each fact's text in its sentence, in order (facts of one sentence are consecutive).
fn place(facts: &[Fact]) -> Vec<Placed<'_>> {
    let mut out = Vec::new();
    let mut from = 0;
    let mut sentence: Option<&str> = None;
    for f in facts {
        if sentence != Some(&*f.sentence) {
            sentence = Some(&*f.sentence);
            from = 0;
        }
        let text = fold_space(&f.text);
        let found = f.sentence.get(from..).and_then(|s| s.find(&*text)).map(|i| i + from);
        if let Some(start) = found {
            from = start + text.len();
            out.push(Placed {
                fact: f,
                start,
                end: start + text.len(),
            });
        }
    }
    out
}

/// The number as written in a fact's text and its rounding step in value units:
/// `KRW 401.9 billion` -> 0.1 billion. None when the text has no digits.
fn precision(f: &Fact) -> Option<(Decimal, Decimal)> {
    let value = f.value.number()?.abs();
    let start = f.text.find(|c: char| c.is_ascii_digit())?;
    let digits: String = f.text[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
        .filter(|c| *c != ',')
        .collect();
    let digits = digits.trim_end_matches('.');
    let written = Decimal::from_str(digits).ok()?;
    if written.is_zero() {
        return Some((value, Decimal::ZERO));
    }
    // Counts and amounts written in full are exact.
    if f.kind == Kind::Count || value == written {
        return Some((value, Decimal::ZERO));
    }
    let decimals = digits.split_once('.').map_or(0, |(_, d)| d.len() as u32);
    if decimals > 20 {
        return None;
    }
    let step = Decimal::new(1, decimals).checked_mul(value.checked_div(written)?)?;
    Some((value, step))
}

/// A figure that can be added up: exact as written (no qualifier), a plain value.
fn exact(f: &Fact) -> Option<(Decimal, Decimal)> {
    if f.qualifier.is_some() || f.value_end.is_some() {
        return None;
    }
    precision(f)
}

fn show(d: Decimal) -> String {
    d.normalize().to_string()
}

fn result(r: &ReleaseFacts, check: &'static str, ok: bool, detail: String, facts: &[&Fact]) -> CheckResult {
    CheckResult {
        release_id: r.release_id.to_string(),
        check,
        status: if ok { Status::Ok } else { Status::Mismatch },
        detail,
        offsets: facts.iter().map(|f| f.offset).collect(),
    }
}

/// `TOTAL (A ... and B ...)`: the parts, of the total's kind and unit, add up to it.
fn breakdowns(r: &ReleaseFacts, placed: &[Placed], out: &mut Vec<CheckResult>) {
    for (n, total) in placed.iter().enumerate() {
        let t = total.fact;
        if !matches!(t.kind, Kind::Money | Kind::Count) {
            continue;
        }
        let s = &*t.sentence;
        let Some(open) = s.get(total.end..).and_then(|rest| {
            let trimmed = rest.trim_start();
            trimmed
                .starts_with('(')
                .then(|| total.end + (rest.len() - trimmed.len()))
        }) else {
            continue;
        };
        let close = s
            .get(open..)
            .and_then(|rest| rest.find(')'))
            .map_or(s.len(), |i| open + i);
        let parts: Vec<&Fact> = placed
            .get(n + 1..)
            .unwrap_or(&[])
            .iter()
            .take_while(|p| p.fact.sentence == t.sentence && p.end <= close)
            .map(|p| p.fact)
            .filter(|p| p.kind == t.kind && (t.kind == Kind::Count || p.unit == t.unit))
            .collect();
        if parts.len() < 2 {
            continue;
        }
        let (Some((tv, ts)), Some(pv)) = (exact(t), parts.iter().map(|p| exact(p)).collect::<Option<Vec<_>>>()) else {
            continue;
        };
        let sum = pv.iter().try_fold(Decimal::ZERO, |a, (v, _)| a.checked_add(*v));
        let steps = pv.iter().try_fold(Decimal::ZERO, |a, (_, s)| a.checked_add(*s));
        let (Some(sum), Some(steps)) = (sum, steps) else {
            continue;
        };
        let Some(tolerance) = ts.checked_add(steps).map(|t| t / Decimal::TWO) else {
            continue;
        };
        let ok = (sum - tv).abs() <= tolerance;
        let detail = format!(
            "{} = {} ({}); the parts add up to {}",
            t.text,
            show(tv),
            parts.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join(" + "),
            show(sum)
        );
        let mut facts = vec![t];
        facts.extend(parts);
        out.push(result(r, "breakdown", ok, detail, &facts));
    }
}

fn weekday_in(text: &str) -> Option<Weekday> {
    const NAMES: [(&str, Weekday); 7] = [
        ("monday", Weekday::Mon),
        ("tuesday", Weekday::Tue),
        ("wednesday", Weekday::Wed),
        ("thursday", Weekday::Thu),
        ("friday", Weekday::Fri),
        ("saturday", Weekday::Sat),
        ("sunday", Weekday::Sun),
    ];
    let lower = text.to_lowercase();
    NAMES.iter().find(|(n, _)| lower.contains(n)).map(|(_, w)| *w)
}

/// A day written with its weekday falls on that weekday.
fn weekdays(r: &ReleaseFacts, out: &mut Vec<CheckResult>) {
    for f in r.facts.iter().filter(|f| f.kind == Kind::Date && f.unit == "day") {
        let (Some(written), Some(Period::Day(date))) = (weekday_in(&f.text), f.value.period()) else {
            continue;
        };
        let ok = date.weekday() == written;
        let detail = format!(
            "{}: {} is a {:?}, the text says {:?}",
            f.text,
            f.value,
            date.weekday(),
            written
        );
        out.push(result(r, "weekday", ok, detail, &[f]));
    }
}

/// Words of a subject that name its scope (`total`, `average`): a balance with one of them
/// is compared only with exports and imports that carry it too.
const SCOPE_WORDS: &[&str] = &["total", "average", "overall", "cumulative", "annual", "monthly"];

fn has_word(s: &str, w: &str) -> bool {
    s.to_lowercase().split(|c: char| !c.is_alphanumeric()).any(|x| x == w)
}

/// A level of exports or imports (not a destination, not a change).
fn trade_side(f: &Fact, word: &str) -> bool {
    let s = f.subject.to_lowercase();
    let named = s.contains(word) || (word == "export" && s.contains("outbound shipment"));
    f.kind == Kind::Money
        && f.section == Section::Body
        && f.direction.is_none()
        && named
        && !has_word(&s, "to")
        && !has_word(&s, "from")
        && !s.contains("share")
}

/// Exports minus imports equal a stated surplus (or, negated, a deficit), for some pair of
/// export and import levels of the release in the balance's currency.
fn trade_balances(r: &ReleaseFacts, out: &mut Vec<CheckResult>) {
    let exports: Vec<&Fact> = r.facts.iter().filter(|f| trade_side(f, "export")).collect();
    let imports: Vec<&Fact> = r.facts.iter().filter(|f| trade_side(f, "import")).collect();
    for b in r
        .facts
        .iter()
        .filter(|f| f.kind == Kind::Money && f.section == Section::Body)
    {
        let s = b.subject.to_lowercase();
        let sign = if has_word(&s, "surplus") {
            Decimal::ONE
        } else if has_word(&s, "deficit") {
            Decimal::NEGATIVE_ONE
        } else {
            continue;
        };
        if b.direction.is_some() {
            continue;
        }
        let Some((bv, bs)) = exact(b) else { continue };
        let scoped = |f: &Fact| SCOPE_WORDS.iter().all(|w| !has_word(&s, w) || has_word(&f.subject, w));
        let mut best: Option<(Decimal, &Fact, &Fact, bool)> = None;
        for e in exports.iter().filter(|e| e.unit == b.unit && scoped(e)) {
            for i in imports.iter().filter(|i| i.unit == b.unit && scoped(i)) {
                let (Some((ev, es)), Some((iv, is))) = (exact(e), exact(i)) else {
                    continue;
                };
                let Some(diff) = ev.checked_sub(iv).map(|d| d * sign) else {
                    continue;
                };
                let tolerance = es.checked_add(is).and_then(|t| t.checked_add(bs));
                let ok = match (diff.checked_sub(bv), tolerance) {
                    (Some(gap), Some(t)) => gap.abs() <= t / Decimal::TWO,
                    _ => continue,
                };
                // The pair nearest the balance decides, unless another pair agrees.
                let near = e.offset.abs_diff(b.offset) + i.offset.abs_diff(b.offset);
                let better = match &best {
                    None => true,
                    Some((_, be, bi, bok)) => {
                        (ok && !bok)
                            || (ok == *bok && near < be.offset.abs_diff(b.offset) + bi.offset.abs_diff(b.offset))
                    }
                };
                if better {
                    best = Some((diff, e, i, ok));
                }
            }
        }
        if let Some((diff, e, i, ok)) = best {
            let detail = format!(
                "{} - {} = {}, stated {} {}",
                e.text,
                i.text,
                show(diff * sign),
                if sign.is_sign_negative() { "deficit" } else { "surplus" },
                b.text
            );
            out.push(result(r, "trade_balance", ok, detail, &[e, i, b]));
        }
    }
}

/// The word right before a placed fact in its sentence, lowercased.
fn word_before(p: &Placed) -> String {
    let before = p.fact.sentence.get(..p.start).unwrap_or("").trim_end();
    let start = before.rfind(|c: char| !c.is_alphabetic()).map_or(0, |i| i + 1);
    before.get(start..).unwrap_or("").to_lowercase()
}

/// `rose P percent to NEW, up from OLD` (or `from OLD to NEW`) in one sentence: NEW/OLD - 1 = ±P.
fn percent_changes(r: &ReleaseFacts, placed: &[Placed], out: &mut Vec<CheckResult>) {
    let mut n = 0;
    while n < placed.len() {
        let sentence = &placed[n].fact.sentence;
        let end = placed[n..]
            .iter()
            .position(|p| &p.fact.sentence != sentence)
            .map_or(placed.len(), |k| n + k);
        let group = &placed[n..end];
        n = end;
        let changes: Vec<&Placed> = group
            .iter()
            .filter(|p| p.fact.kind == Kind::Percent && p.fact.direction.is_some() && p.fact.unit == "%")
            .collect();
        let [change] = changes.as_slice() else { continue };
        let levels = |w: &str| -> Vec<&Placed> {
            group
                .iter()
                .filter(|p| matches!(p.fact.kind, Kind::Money | Kind::Count) && word_before(p) == w)
                .collect()
        };
        let (new, old) = (levels("to"), levels("from"));
        let ([new], [old]) = (new.as_slice(), old.as_slice()) else {
            continue;
        };
        let (c, a, b) = (change.fact, old.fact, new.fact);
        if a.kind != b.kind || a.unit != b.unit {
            continue;
        }
        let (Some((pv, ps)), Some((av, as_)), Some((bv, bs))) = (exact(c), exact(a), exact(b)) else {
            continue;
        };
        if av.is_zero() {
            continue;
        }
        let hundred = Decimal::ONE_HUNDRED;
        let stated = if c.direction == Some(Direction::Down) { -pv } else { pv };
        // Rounding of the levels moves the ratio by about (bs/2 + as/2 * b/a) / a.
        let arithmetic = || {
            let computed = bv.checked_sub(av)?.checked_div(av)?.checked_mul(hundred)?;
            let spread = as_.checked_mul(bv.checked_div(av)?)?.checked_add(bs)?;
            let tolerance = spread.checked_div(av)?.checked_mul(hundred)?.checked_add(ps)? / Decimal::TWO;
            Some((computed, computed.checked_sub(stated)?.abs() <= tolerance))
        };
        let Some((computed, ok)) = arithmetic() else { continue };
        let detail = format!(
            "{} -> {} is {}%, stated {} ({})",
            a.text,
            b.text,
            show(computed.round_dp(1)),
            c.text,
            c.direction.map_or("", Direction::as_str)
        );
        out.push(result(r, "percent_change", ok, detail, &[c, a, b]));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Options, extract_text};
    use crate::model::Value;

    fn checks(body: &str) -> Vec<(&'static str, Status, String)> {
        let text = format!("-\nTrade\nA Title\n{body} date2024-05-20\n");
        let ex = extract_text("t", &text, &Options::default());
        ex.releases
            .iter()
            .flat_map(check_release)
            .map(|c| (c.check, c.status, c.detail))
            .collect()
    }

    #[test]
    fn money_breakdowns_add_up_or_not() {
        let c =
            checks("The plan costs KRW 9.0 billion (KRW 6.5 billion in state funds and KRW 2.5 billion from firms).");
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].1, Status::Ok);
        let c = checks(
            "A fund of USD 50.0 million (USD 30.5 million from banks and USD 17.0 million from insurers) opened.",
        );
        assert_eq!(c[0].1, Status::Mismatch, "{c:?}");
        // A conversion is not a breakdown.
        assert!(checks("It costs KRW 1.3 trillion (USD 1 billion).").is_empty());
    }

    #[test]
    fn count_breakdowns_from_hand_built_facts() {
        let fact = |kind: Kind, value: &str, text: &str, offset: usize| Fact {
            release_id: "r".into(),
            release_date: "".into(),
            category: "".into(),
            title: "".into(),
            section: Section::Body,
            kind,
            value: Value::Number(Decimal::from_str(value).unwrap()),
            value_end: None,
            unit: "".into(),
            qualifier: None,
            direction: None,
            subject: "".into(),
            period: None,
            period_end: None,
            basis: None,
            period_origin: None,
            text: text.into(),
            sentence: "They filed 40 patents (31 local and 9 foreign).".into(),
            source: "t".into(),
            offset,
        };
        let mut r = ReleaseFacts {
            release_id: "r".into(),
            release_date: None,
            category: "".into(),
            title: "".into(),
            offset: 0,
            line: 1,
            body: "".into(),
            period: None,
            period_end: None,
            facts: vec![
                fact(Kind::Count, "40", "40 patents", 11),
                fact(Kind::Count, "31", "31 local", 23),
                fact(Kind::Count, "9", "9 foreign", 36),
            ],
            warnings: Vec::new(),
        };
        let got = check_release(&r);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].status, Status::Ok);
        assert_eq!(got[0].offsets, [11, 23, 36]);
        r.facts[2].value = Value::Number(Decimal::from(8));
        r.facts[2].text = "8 foreign".into();
        r.facts[2].sentence = "They filed 40 patents (31 local and 8 foreign).".into();
        r.facts[0].sentence = r.facts[2].sentence.clone();
        r.facts[1].sentence = r.facts[2].sentence.clone();
        assert_eq!(check_release(&r)[0].status, Status::Mismatch);
    }

    #[test]
    fn extreme_numbers_do_not_panic() {
        let _ = checks("It costs $0.00000000000000000000000000001 billion ($0.5 billion and $0.6 billion).");
        let _ = checks("Exports rose 5 percent to $79000000000000 trillion, up from $0.000001 billion.");
    }

    #[test]
    fn weekdays_match_their_dates() {
        let c = checks("The forum opens on Monday, May 13 and closes on Friday, May 16.");
        let st: Vec<_> = c.iter().map(|c| (c.0, c.1)).collect();
        assert_eq!(st, [("weekday", Status::Ok), ("weekday", Status::Mismatch)]);
    }

    #[test]
    fn trade_balances_within_rounding() {
        let c = checks(
            "Exports came to USD 7.4 billion, and imports totaled USD 5.1 billion, leaving a surplus of USD 2.3 billion.",
        );
        assert_eq!(
            c.iter().map(|c| (c.0, c.1)).collect::<Vec<_>>(),
            [("trade_balance", Status::Ok)]
        );
        let c = checks(
            "Exports came to USD 7.4 billion, and imports totaled USD 5.1 billion, leaving a surplus of USD 2.9 billion.",
        );
        assert_eq!(c[0].1, Status::Mismatch);
        let c =
            checks("Exports came to $3.0 billion while imports stood at $3.5 billion, for a deficit of $0.5 billion.");
        assert_eq!(c[0].1, Status::Ok, "{c:?}");
        // Without imports there is nothing to check.
        assert!(checks("Exports reached $3.0 billion, and the surplus was $1.0 billion.").is_empty());
    }

    #[test]
    fn percent_change_with_both_levels() {
        let c = checks("Toy exports rose 20.0 percent to $1.2 billion, up from $1.0 billion a year earlier.");
        assert_eq!(
            c.iter().map(|c| (c.0, c.1)).collect::<Vec<_>>(),
            [("percent_change", Status::Ok)]
        );
        let c = checks("Toy exports rose 35.0 percent to $1.2 billion, up from $1.0 billion a year earlier.");
        assert_eq!(c[0].1, Status::Mismatch);
        let c = checks("Toy imports fell 25 percent from $2.0 billion to $1.5 billion.");
        assert_eq!(c[0].1, Status::Ok, "{c:?}");
    }

    /// The planted cases of our fixtures (see fixtures/gold/DECISIONS.md).
    #[test]
    fn fixture_cases() {
        let run = |text: &str| -> Vec<(&'static str, Status)> {
            extract_text("t", text, &Options::default())
                .releases
                .iter()
                .flat_map(check_release)
                .map(|c| (c.check, c.status))
                .collect()
        };
        use Status::{Mismatch, Ok};
        assert_eq!(
            run(include_str!("../fixtures/01_trade_monthly.txt")),
            [
                ("trade_balance", Ok),
                ("trade_balance", Mismatch),
                ("trade_balance", Ok)
            ]
        );
        assert_eq!(
            run(include_str!("../fixtures/09_autos_subjects.txt")),
            [
                ("percent_change", Ok),
                ("trade_balance", Ok),
                ("trade_balance", Mismatch)
            ]
        );
        assert_eq!(
            run(include_str!("../fixtures/11_rd_programs.txt")),
            // money total, count total (`243 patents (196 domestic and 47 overseas)`), money total
            [("breakdown", Ok), ("breakdown", Ok), ("breakdown", Mismatch)]
        );
    }

    #[test]
    fn csv_has_the_columns() {
        let r = CheckResult {
            release_id: "2024-05-20-abcdef01".into(),
            check: "breakdown",
            status: Status::Mismatch,
            detail: "a, b".into(),
            offsets: vec![3, 9],
        };
        let out = write_checks(Vec::new(), &[r]).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "release_id,check,status,detail,offsets\n2024-05-20-abcdef01,breakdown,mismatch,\"a, b\",3;9\n"
        );
    }
}
