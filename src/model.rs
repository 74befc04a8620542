//! The facts table's vocabulary: kinds, values, qualifiers, directions, and one row.

use std::fmt;

use chrono::Datelike;
use rust_decimal::Decimal;
use serde::Serialize;

mod shared_str;

pub use shared_str::SharedStr;
pub(crate) use shared_str::{Piece, Pieces};

/// What a figure is (spec section 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Money,
    Percent,
    Count,
    Ordinal,
    Duration,
    Quantity,
    Date,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::Money,
        Kind::Percent,
        Kind::Count,
        Kind::Ordinal,
        Kind::Duration,
        Kind::Quantity,
        Kind::Date,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Money => "money",
            Kind::Percent => "percent",
            Kind::Count => "count",
            Kind::Ordinal => "ordinal",
            Kind::Duration => "duration",
            Kind::Quantity => "quantity",
            Kind::Date => "date",
        }
    }

    /// Whether rows of this kind carry `period` and `basis` (spec section 3a).
    pub fn is_timed(self) -> bool {
        matches!(self, Kind::Money | Kind::Percent | Kind::Count | Kind::Quantity)
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How exact a figure is said to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Approx,
    Over,
    Under,
    AtLeast,
    AtMost,
}

impl Qualifier {
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Approx => "approx",
            Qualifier::Over => "over",
            Qualifier::Under => "under",
            Qualifier::AtLeast => "at_least",
            Qualifier::AtMost => "at_most",
        }
    }
}

/// Whether a figure is itself an increase or a decrease.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Up,
    Down,
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Down => "down",
        }
    }
}

/// Where in a release a figure stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Section {
    Title,
    Body,
}

impl Section {
    pub fn as_str(self) -> &'static str {
        match self {
            Section::Title => "title",
            Section::Body => "body",
        }
    }
}

/// A calendar period at the precision the text gave it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Period {
    Day(chrono::NaiveDate),
    Month { year: i32, month: u32 },
    Quarter { year: i32, quarter: u32 },
    Half { year: i32, half: u32 },
    Year(i32),
}

impl Period {
    /// The year the period falls in.
    pub fn year(&self) -> i32 {
        match *self {
            Period::Day(d) => d.year(),
            Period::Month { year, .. } | Period::Quarter { year, .. } | Period::Half { year, .. } => year,
            Period::Year(year) => year,
        }
    }

    /// The precision, as written in the `unit` column.
    pub fn precision(&self) -> &'static str {
        match self {
            Period::Day(_) => "day",
            Period::Month { .. } => "month",
            Period::Quarter { .. } => "quarter",
            Period::Half { .. } => "half",
            Period::Year(_) => "year",
        }
    }
}

impl Period {
    /// The ISO form (`2025-11-18`, `2025-11`, `2025-Q3`, `2025-H1`, `2025`), appended to
    /// `out`. Written digit by digit: through `fmt` it cost a thousand instructions a date.
    pub fn push_to(&self, out: &mut String) {
        match *self {
            Period::Day(d) => {
                push_year(out, d.year());
                out.push('-');
                push_two(out, d.month());
                out.push('-');
                push_two(out, d.day());
            }
            Period::Month { year, month } => {
                push_year(out, year);
                out.push('-');
                push_two(out, month);
            }
            Period::Quarter { year, quarter } => {
                push_year(out, year);
                out.push_str("-Q");
                push_number(out, quarter.into());
            }
            Period::Half { year, half } => {
                push_year(out, year);
                out.push_str("-H");
                push_number(out, half.into());
            }
            Period::Year(year) => push_year(out, year),
        }
    }

    /// The ISO form as a new string.
    pub fn iso(&self) -> String {
        let mut out = String::with_capacity(10);
        self.push_to(&mut out);
        out
    }
}

/// A year in at least four characters, sign included, as `{:04}` writes it.
fn push_year(out: &mut String, year: i32) {
    let width = if year < 0 {
        out.push('-');
        3
    } else {
        4
    };
    let y = year.unsigned_abs();
    for _ in (y.max(1).ilog10() + 1)..width {
        out.push('0');
    }
    push_number(out, y.into());
}

/// A month or day in two digits.
fn push_two(out: &mut String, n: u32) {
    if n < 10 {
        out.push('0');
    }
    push_number(out, n.into());
}

/// The decimal digits of `n`.
fn push_number(out: &mut String, n: u64) {
    out.push_str(itoa::Buffer::new().format(n));
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

/// A normalized value: a number for every kind but `date`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value {
    Number(Decimal),
    Date(Period),
    /// A date that could not be placed on the calendar (no release date to count from,
    /// a day not in the calendar, a year outside 0001-9999): its column is empty.
    Unresolved,
}

impl Value {
    /// The spec's form (`13000000000`, `-0.3`, `2025-Q3`; empty when unresolved), appended
    /// to `out`.
    pub fn push_to(&self, out: &mut String) {
        match self {
            Value::Number(d) => push_decimal(out, *d),
            Value::Date(p) => p.push_to(out),
            Value::Unresolved => {}
        }
    }

    /// The number, for every kind but `date`.
    pub fn number(&self) -> Option<Decimal> {
        match self {
            Value::Number(d) => Some(*d),
            _ => None,
        }
    }

    /// The calendar period, for a resolved `date`.
    pub fn period(&self) -> Option<Period> {
        match self {
            Value::Date(p) => Some(*p),
            _ => None,
        }
    }
}

impl Serialize for Value {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Number(d) => write_decimal(f, *d),
            Value::Date(p) => p.fmt(f),
            Value::Unresolved => Ok(()),
        }
    }
}

/// Spec format: plain digits, no exponent, no trailing zeros after the point.
fn write_decimal(f: &mut fmt::Formatter<'_>, d: Decimal) -> fmt::Result {
    f.write_str(&decimal_string(d))
}

/// `d` in the spec's number format (`13000000000`, `0.85`, `-71500000`), built from its
/// digits and scale: `Decimal`'s `Display` goes through `fmt` and cost several times more.
pub fn decimal_string(d: Decimal) -> String {
    let mut out = String::with_capacity(32);
    push_decimal(&mut out, d);
    out
}

/// `decimal_string`, appended to `out`.
pub fn push_decimal(out: &mut String, d: Decimal) {
    let mantissa = d.mantissa().unsigned_abs();
    if mantissa == 0 {
        out.push('0');
        return;
    }
    if d.is_sign_negative() {
        out.push('-');
    }
    let start = out.len();
    match u64::try_from(mantissa) {
        // u128 division is a library call: most amounts fit in u64.
        Ok(small) => push_number(out, small),
        Err(_) => out.push_str(itoa::Buffer::new().format(mantissa)),
    }
    // Trailing zeros after the point go (what `normalize` does, without its divisions).
    let mut scale = d.scale() as usize;
    while scale > 0 && out.ends_with('0') {
        out.pop();
        scale -= 1;
    }
    // Leading zeros so that a digit stands before the point (`0.0005`).
    let digits = out.len() - start;
    if scale >= digits {
        out.insert_str(start, &"0".repeat(scale - digits + 1));
    }
    if scale > 0 {
        out.insert(out.len() - scale, '.');
    }
}

/// One row of `facts.csv`. Its text columns are pieces of one buffer per release
/// ([`SharedStr`]): a release with 50 facts holds its title once, and a row allocates
/// nothing of its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fact {
    pub release_id: SharedStr,
    pub release_date: SharedStr,
    pub category: SharedStr,
    pub title: SharedStr,
    pub section: Section,
    pub kind: Kind,
    pub value: Value,
    /// A range's end.
    #[serde(serialize_with = "value_or_empty")]
    pub value_end: Option<Value>,
    pub unit: SharedStr,
    #[serde(serialize_with = "name_or_empty")]
    pub qualifier: Option<Qualifier>,
    #[serde(serialize_with = "name_or_empty")]
    pub direction: Option<Direction>,
    pub subject: SharedStr,
    /// The time the figure describes; `period_end` closes a span (spec section 3a).
    #[serde(serialize_with = "iso_or_empty")]
    pub period: Option<Period>,
    #[serde(serialize_with = "iso_or_empty")]
    pub period_end: Option<Period>,
    /// What a change is compared with.
    #[serde(serialize_with = "basis_or_empty")]
    pub basis: Option<Basis>,
    /// Where `period` was read, for `explain`; not a column.
    #[serde(skip)]
    pub period_origin: Option<Origin>,
    pub text: SharedStr,
    pub sentence: SharedStr,
    pub source: SharedStr,
    pub offset: usize,
}

/// A column of an optional value: its text, or empty.
fn value_or_empty<S: serde::Serializer>(v: &Option<Value>, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&v.unwrap_or(Value::Unresolved))
}

/// A column of an optional qualifier or direction: its name, or empty.
fn name_or_empty<T: Serialize, S: serde::Serializer>(v: &Option<T>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) => v.serialize(s),
        None => s.serialize_str(""),
    }
}

/// A column of an optional period: its ISO form, or empty.
fn iso_or_empty<S: serde::Serializer>(p: &Option<Period>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&p.map(|p| p.iso()).unwrap_or_default())
}

/// The `basis` column: its text, or empty.
fn basis_or_empty<S: serde::Serializer>(b: &Option<Basis>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&b.map(|b| b.to_string()).unwrap_or_default())
}

/// What a change is compared with (spec section 3a).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Basis {
    /// A year earlier.
    Yoy,
    /// The previous month.
    Mom,
    /// The previous quarter.
    Qoq,
    /// The previous half.
    Hoh,
    /// Another named period, or span of periods.
    Named(Period, Option<Period>),
}

impl Basis {
    /// The column's text (`yoy`, `2019`, `2019-12..2020-02`), appended to `out`.
    pub fn push_to(&self, out: &mut String) {
        match self {
            Basis::Yoy => out.push_str("yoy"),
            Basis::Mom => out.push_str("mom"),
            Basis::Qoq => out.push_str("qoq"),
            Basis::Hoh => out.push_str("hoh"),
            Basis::Named(p, end) => {
                p.push_to(out);
                if let Some(end) = end {
                    out.push_str("..");
                    end.push_to(out);
                }
            }
        }
    }
}

impl fmt::Display for Basis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        self.push_to(&mut out);
        f.write_str(&out)
    }
}

/// Where a figure's period was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Origin {
    /// A date phrase of the figure's own sentence, at these source bytes.
    Phrase { offset: usize, len: usize },
    /// A date phrase of an earlier sentence of the paragraph.
    Carried { offset: usize, len: usize },
    /// The release's period, read in its title (or else its first sentence).
    Release { offset: usize, len: usize, title: bool },
}

impl Fact {
    /// The bytes of the fact's text columns, the most of its row's size.
    pub fn text_len(&self) -> usize {
        [
            &self.release_id,
            &self.release_date,
            &self.category,
            &self.title,
            &self.unit,
            &self.subject,
            &self.text,
            &self.sentence,
            &self.source,
        ]
        .iter()
        .map(|s| s.len())
        .sum::<usize>()
            + self.timing_len()
    }

    /// About the bytes of the value, period and basis columns (`2025-11`,
    /// `2019-12..2020-02`): numbers and dates are short.
    fn timing_len(&self) -> usize {
        let value = |v: Option<Value>| v.map_or(0, |_| 12);
        value(Some(self.value)) + value(self.value_end) + self.period_len()
    }

    fn period_len(&self) -> usize {
        let period = |p: Option<Period>| p.map_or(0, |_| 10);
        let basis = self
            .basis
            .map_or(0, |b| if matches!(b, Basis::Named(..)) { 20 } else { 3 });
        period(self.period) + period(self.period_end) + basis
    }
}

/// The header of `facts.csv`, in the spec's order.
pub const FACT_COLUMNS: [&str; 19] = [
    "release_id",
    "release_date",
    "category",
    "title",
    "section",
    "kind",
    "value",
    "value_end",
    "unit",
    "qualifier",
    "direction",
    "subject",
    "period",
    "period_end",
    "basis",
    "text",
    "sentence",
    "source",
    "offset",
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn a_kind_as_a_number_is_its_place_in_all() {
        // Counts by kind are arrays indexed so.
        for (n, kind) in Kind::ALL.into_iter().enumerate() {
            assert_eq!(kind as usize, n);
        }
    }

    #[test]
    fn decimals_print_without_trailing_zeros_or_exponent() {
        let v = |s: &str| Value::Number(Decimal::from_str(s).unwrap()).to_string();
        assert_eq!(v("13000000000.0"), "13000000000");
        assert_eq!(v("1.0"), "1");
        assert_eq!(v("0.85"), "0.85");
        assert_eq!(v("-71500000"), "-71500000");
        assert_eq!(v("0.000"), "0");
        assert_eq!(v("-0.0"), "0");
        assert_eq!(v("0.0005"), "0.0005");
        assert_eq!(v("-12.50"), "-12.5");
        assert_eq!(v("79228162514264337593543950335"), "79228162514264337593543950335");
    }

    #[test]
    fn decimals_print_as_decimal_display_does() {
        for s in [
            "1", "10", "0.1", "123.456", "-0.001", "1000000", "-5", "3.14159", "100.00",
        ] {
            let d = Decimal::from_str(s).unwrap();
            assert_eq!(decimal_string(d), d.normalize().to_string(), "{s}");
        }
    }

    #[test]
    fn periods_print_in_iso_forms() {
        let d = chrono::NaiveDate::from_ymd_opt(2025, 11, 18).unwrap();
        assert_eq!(Period::Day(d).to_string(), "2025-11-18");
        assert_eq!(Period::Month { year: 2025, month: 3 }.to_string(), "2025-03");
        assert_eq!(Period::Quarter { year: 2025, quarter: 3 }.to_string(), "2025-Q3");
        assert_eq!(Period::Half { year: 2025, half: 1 }.to_string(), "2025-H1");
        assert_eq!(Period::Year(2025).to_string(), "2025");
        assert_eq!(Period::Year(987).to_string(), "0987");
        assert_eq!(Period::Year(0).to_string(), "0000");
        assert_eq!(Period::Year(-44).to_string(), "-044");
        assert_eq!(Period::Year(12345).to_string(), "12345");
        for y in [-10_000, -44, -1, 0, 7, 99, 2025, 10_000] {
            assert_eq!(Period::Year(y).to_string(), format!("{y:04}"));
        }
        assert_eq!(Period::Month { year: 2025, month: 12 }.to_string(), "2025-12");
    }
}
