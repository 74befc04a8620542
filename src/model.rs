//! The facts table's vocabulary: kinds, values, qualifiers, directions, and one row.

use std::fmt;

use chrono::Datelike;
use rust_decimal::Decimal;
use serde::Serialize;

mod shared_str;

pub use shared_str::SharedStr;
pub(crate) use shared_str::{Piece, Pieces, Shared};

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
    /// `out`.
    pub fn push_to(&self, out: &mut String) {
        out.push_str(self.ascii().as_str());
    }

    /// The ISO form, built on the stack digit by digit: through `fmt` it cost a thousand
    /// instructions a date, and pushing digit strings to a `String` a hundred.
    pub(crate) fn ascii(&self) -> Ascii {
        let mut out = Ascii::default();
        self.write_to(&mut out);
        out
    }

    fn write_to(&self, out: &mut Ascii) {
        match *self {
            Period::Day(d) => {
                out.year(d.year());
                out.push(b'-');
                out.two_digits(d.month());
                out.push(b'-');
                out.two_digits(d.day());
            }
            Period::Month { year, month } => {
                out.year(year);
                out.push(b'-');
                out.two_digits(month);
            }
            Period::Quarter { year, quarter } => {
                out.year(year);
                out.push_all(b"-Q");
                out.number(quarter.into());
            }
            Period::Half { year, half } => {
                out.year(year);
                out.push_all(b"-H");
                out.number(half.into());
            }
            Period::Year(year) => out.year(year),
        }
    }

    /// The ISO form appended to `out`. A day, month, quarter or half of a year 0 to 9999
    /// (any but an odd one) as an array of its characters: a copy of a known size, where
    /// built on the stack a byte at a time it was a hundred instructions.
    pub(crate) fn push_to_bytes(&self, out: &mut Vec<u8>) {
        let (year, two) = (year_digits, two_digits);
        let one = |n: u32| u8::try_from(n).ok().filter(|&n| n <= 9).map(|n| b'0' + n);
        match *self {
            Period::Day(d) => {
                if let Some(iso) = day_iso(d) {
                    return out.extend_from_slice(&iso);
                }
            }
            Period::Month { year: y, month } => {
                if let (Some([y0, y1, y2, y3]), Some([m0, m1])) = (year(y), two(month)) {
                    return out.extend_from_slice(&[y0, y1, y2, y3, b'-', m0, m1]);
                }
            }
            Period::Quarter { year: y, quarter: n } | Period::Half { year: y, half: n } => {
                let letter = if matches!(self, Period::Quarter { .. }) {
                    b'Q'
                } else {
                    b'H'
                };
                if let (Some([y0, y1, y2, y3]), Some(n)) = (year(y), one(n)) {
                    return out.extend_from_slice(&[y0, y1, y2, y3, b'-', letter, n]);
                }
            }
            Period::Year(y) => {
                if let Some(digits) = year(y) {
                    return out.extend_from_slice(&digits);
                }
            }
        }
        self.ascii().push_to_bytes(out);
    }

    /// The ISO form as a new string.
    pub fn iso(&self) -> String {
        self.ascii().as_str().to_string()
    }
}

/// Bytes of a day's ISO form (`2025-11-18`).
pub(crate) const DAY_LEN: usize = 10;

/// The ISO form of a day of a year 0 to 9999 (as `Period::Day(d).push_to` writes it), as
/// its bytes.
#[inline]
pub(crate) fn day_iso(d: chrono::NaiveDate) -> Option<[u8; DAY_LEN]> {
    let ([y0, y1, y2, y3], [m0, m1], [d0, d1]) = (year_digits(d.year())?, two_digits(d.month())?, two_digits(d.day())?);
    Some([y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1])
}

/// The four digits of a year 0 to 9999.
#[inline]
fn year_digits(y: i32) -> Option<[u8; 4]> {
    let y = u16::try_from(y).ok().filter(|&y| y <= 9999)?;
    Some([y / 1000, y / 100 % 10, y / 10 % 10, y % 10].map(|d| b'0' + d as u8))
}

/// The two digits of a number up to 99.
#[inline]
fn two_digits(n: u32) -> Option<[u8; 2]> {
    u8::try_from(n)
        .ok()
        .filter(|&n| n <= 99)
        .map(|n| [b'0' + n / 10, b'0' + n % 10])
}

/// ASCII text of at most 64 bytes built on the stack (a number, a period, a basis), then
/// copied out whole: one copy where a push per piece checked the capacity each time.
#[derive(Clone, Copy)]
pub(crate) struct Ascii {
    buf: [u8; 64],
    len: usize,
}

impl Default for Ascii {
    fn default() -> Self {
        Ascii { buf: [0; 64], len: 0 }
    }
}

impl Ascii {
    /// Appends `b` (dropped past 64 bytes, which no value, period or basis reaches).
    fn push(&mut self, b: u8) {
        if let Some(slot) = self.buf.get_mut(self.len) {
            *slot = b;
            self.len += 1;
        }
    }

    fn push_all(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.push(b);
        }
    }

    /// A year in at least four characters, sign included, as `{:04}` writes it.
    fn year(&mut self, year: i32) {
        if let Ok(y @ 0..=9999) = u16::try_from(year) {
            for div in [1000, 100, 10, 1] {
                self.push(b'0' + (y / div % 10) as u8);
            }
            return;
        }
        let width = if year < 0 {
            self.push(b'-');
            3
        } else {
            4
        };
        let y = year.unsigned_abs();
        for _ in (y.max(1).ilog10() + 1)..width {
            self.push(b'0');
        }
        self.number(y.into());
    }

    /// A month or day in two digits.
    fn two_digits(&mut self, n: u32) {
        match u8::try_from(n) {
            Ok(n @ 0..=99) => self.push_all(&[b'0' + n / 10, b'0' + n % 10]),
            _ => self.number(n.into()),
        }
    }

    /// The decimal digits of `n`.
    fn number(&mut self, n: u64) {
        self.push_all(itoa::Buffer::new().format(n).as_bytes());
    }

    pub(crate) fn as_bytes(&self) -> &[u8] {
        self.buf.get(..self.len).unwrap_or_default()
    }

    /// Appends the text to `out` as all 64 bytes of the buffer cut back to its length: a
    /// copy of a fixed size is a few moves, one of a length known only when running a
    /// call to `memcpy`.
    pub(crate) fn push_to_bytes(&self, out: &mut Vec<u8>) {
        let start = out.len();
        out.extend_from_slice(&self.buf);
        out.truncate(start + self.len);
    }

    /// The text (every byte pushed is ASCII).
    pub(crate) fn as_str(&self) -> &str {
        std::str::from_utf8(self.as_bytes()).unwrap_or_default()
    }
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
        out.push_str(self.ascii().as_str());
    }

    /// The spec's form, built on the stack.
    pub(crate) fn ascii(&self) -> Ascii {
        match self {
            Value::Number(d) => decimal_ascii(*d),
            Value::Date(p) => p.ascii(),
            Value::Unresolved => Ascii::default(),
        }
    }

    /// The spec's form, appended to `out` (see `Period::push_to_bytes`).
    pub(crate) fn push_to_bytes(&self, out: &mut Vec<u8>) {
        match self {
            Value::Number(d) => push_decimal_bytes(*d, out),
            Value::Date(p) => p.push_to_bytes(out),
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
    out.push_str(decimal_ascii(d).as_str());
}

/// `decimal_string` built on the stack: the digits of the mantissa without the trailing
/// zeros of its fraction (what `normalize` does, without its divisions), a point placed
/// among them, or `0.` and zeros before them when the fraction is longer.
pub(crate) fn decimal_ascii(d: Decimal) -> Ascii {
    let mut out = Ascii::default();
    decimal_pieces(d, |piece| out.push_all(piece));
    out
}

/// `decimal_string`, appended to `out`: its pieces copied straight in, not first byte by
/// byte onto the stack.
pub(crate) fn push_decimal_bytes(d: Decimal, out: &mut Vec<u8>) {
    decimal_pieces(d, |piece| out.extend_from_slice(piece));
}

/// The pieces of `decimal_string`, each handed to `put` in order.
#[inline(always)]
fn decimal_pieces(d: Decimal, mut put: impl FnMut(&[u8])) {
    let mantissa = d.mantissa().unsigned_abs();
    if mantissa == 0 {
        put(b"0");
        return;
    }
    if d.is_sign_negative() {
        put(b"-");
    }
    let mut wide = itoa::Buffer::new();
    let mut narrow = itoa::Buffer::new();
    let mut digits = match u64::try_from(mantissa) {
        // u128 division is a library call: most amounts fit in u64.
        Ok(small) => narrow.format(small),
        Err(_) => wide.format(mantissa),
    }
    .as_bytes();
    let mut scale = d.scale() as usize;
    while let (1.., [head @ .., b'0']) = (scale, digits) {
        digits = head;
        scale -= 1;
    }
    match digits.len().checked_sub(scale) {
        Some(whole @ 1..) => {
            let (int, frac) = digits.split_at(whole);
            put(int);
            if !frac.is_empty() {
                put(b".");
                put(frac);
            }
        }
        // No digit before the point (`0.0005`).
        _ => {
            put(b"0.");
            for _ in digits.len()..scale {
                put(b"0");
            }
            put(digits);
        }
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
        out.push_str(self.ascii().as_str());
    }

    /// The column's text, built on the stack.
    pub(crate) fn ascii(&self) -> Ascii {
        let mut out = Ascii::default();
        match self {
            Basis::Yoy => out.push_all(b"yoy"),
            Basis::Mom => out.push_all(b"mom"),
            Basis::Qoq => out.push_all(b"qoq"),
            Basis::Hoh => out.push_all(b"hoh"),
            Basis::Named(p, end) => {
                p.write_to(&mut out);
                if let Some(end) = end {
                    out.push_all(b"..");
                    end.write_to(&mut out);
                }
            }
        }
        out
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
    fn day_iso_is_the_periods_text() {
        let mut day = chrono::NaiveDate::from_ymd_opt(0, 1, 1).unwrap();
        let last = chrono::NaiveDate::from_ymd_opt(9999, 12, 31).unwrap();
        while day < last {
            let mut want = String::new();
            Period::Day(day).push_to(&mut want);
            assert_eq!(day_iso(day).as_ref().map(|d| &d[..]), Some(want.as_bytes()), "{day}");
            day = day + chrono::Days::new(37);
        }
        for (y, m, d) in [(-1, 12, 31), (10000, 1, 1), (-262000, 3, 4)] {
            let day = chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
            assert_eq!(day_iso(day), None, "{day}");
        }
        assert!(day_iso(chrono::NaiveDate::from_ymd_opt(0, 2, 29).unwrap()).is_some());
    }

    #[test]
    fn a_kind_as_a_number_is_its_place_in_all() {
        // Counts by kind are arrays indexed so.
        for (n, kind) in Kind::ALL.into_iter().enumerate() {
            assert_eq!(kind as usize, n);
        }
    }

    #[test]
    fn ascii_text_is_pushed_as_its_bytes() {
        for len in 0..=70 {
            let mut text = Ascii::default();
            text.push_all(&b"0123456789".repeat(8)[..len]);
            let (mut got, mut want) = (b"x,".to_vec(), b"x,".to_vec());
            text.push_to_bytes(&mut got);
            want.extend_from_slice(text.as_bytes());
            assert_eq!(got, want, "{len}");
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

    /// `push_decimal` as it was, pushing to the string and inserting the point: the oracle
    /// of `decimal_ascii`.
    fn push_decimal_by_insert(out: &mut String, d: Decimal) {
        let mantissa = d.mantissa().unsigned_abs();
        if mantissa == 0 {
            out.push('0');
            return;
        }
        if d.is_sign_negative() {
            out.push('-');
        }
        let start = out.len();
        out.push_str(itoa::Buffer::new().format(mantissa));
        let mut scale = d.scale() as usize;
        while scale > 0 && out.ends_with('0') {
            out.pop();
            scale -= 1;
        }
        let digits = out.len() - start;
        if scale >= digits {
            out.insert_str(start, &"0".repeat(scale - digits + 1));
        }
        if scale > 0 {
            out.insert(out.len() - scale, '.');
        }
    }

    /// `Period::push_to` as it was, through `format!`: the oracle of `Period::ascii`.
    fn period_by_format(p: Period) -> String {
        match p {
            Period::Day(d) => format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
            Period::Month { year, month } => format!("{year:04}-{month:02}"),
            Period::Quarter { year, quarter } => format!("{year:04}-Q{quarter}"),
            Period::Half { year, half } => format!("{year:04}-H{half}"),
            Period::Year(year) => format!("{year:04}"),
        }
    }

    proptest::proptest! {
        #[test]
        fn decimals_on_the_stack_are_the_old_strings(
            lo in proptest::prelude::any::<u32>(),
            mid in proptest::prelude::any::<u32>(),
            hi in proptest::prelude::any::<u32>(),
            negative in proptest::prelude::any::<bool>(),
            scale in 0u32..=28,
            small in proptest::prelude::any::<bool>(),
        ) {
            // Small mantissas (most amounts), with trailing zeros, and the full 96 bits.
            let (mid, hi) = if small { (mid % 4, 0) } else { (mid, hi) };
            let d = Decimal::from_parts(lo, mid, hi, negative, scale);
            let mut want = String::from("x");
            push_decimal_by_insert(&mut want, d);
            let mut got = String::from("x");
            push_decimal(&mut got, d);
            proptest::prop_assert_eq!(&got, &want);
            let mut bytes = b"x".to_vec();
            push_decimal_bytes(d, &mut bytes);
            proptest::prop_assert_eq!(bytes, want.as_bytes());
            let round = Decimal::from_parts(lo - lo % 1000, 0, 0, negative, scale);
            let (mut want, mut got) = (String::new(), String::new());
            push_decimal_by_insert(&mut want, round);
            push_decimal(&mut got, round);
            proptest::prop_assert_eq!(got, want);
        }

        #[test]
        fn periods_on_the_stack_are_the_formatted_strings(
            year in -20_000i32..20_000,
            n in 0u32..200,
            day in 0i32..3_000_000,
        ) {
            let date = chrono::NaiveDate::from_num_days_from_ce_opt(day).unwrap_or_default();
            for p in [
                Period::Day(date),
                Period::Month { year, month: n },
                Period::Quarter { year, quarter: n },
                Period::Half { year, half: n },
                Period::Year(year),
                Period::Year(year.saturating_mul(n as i32 + 1)),
                // Quarters and halves as written, and one digit past them.
                Period::Quarter { year, quarter: n % 11 },
                Period::Half { year, half: n % 11 },
            ] {
                proptest::prop_assert_eq!(p.iso(), period_by_format(p));
                let mut bytes = b"x,".to_vec();
                p.push_to_bytes(&mut bytes);
                proptest::prop_assert_eq!(bytes, format!("x,{}", period_by_format(p)).into_bytes());
            }
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
