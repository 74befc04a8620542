//! The facts table's vocabulary: kinds, values, qualifiers, directions, and one row.

use std::fmt;
use std::sync::Arc;

use chrono::Datelike;
use rust_decimal::Decimal;
use serde::Serialize;

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

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            // Written as the other periods are: chrono's `format` parses its pattern per call.
            Period::Day(d) => write!(f, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
            Period::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            Period::Quarter { year, quarter } => write!(f, "{year:04}-Q{quarter}"),
            Period::Half { year, half } => write!(f, "{year:04}-H{half}"),
            Period::Year(year) => write!(f, "{year:04}"),
        }
    }
}

/// A normalized value: a number for every kind but `date`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Number(Decimal),
    Date(Period),
    /// A date that could not be placed on the calendar (no release date to count from).
    Unresolved,
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
    let n = d.normalize();
    if n.is_zero() {
        return f.write_str("0");
    }
    write!(f, "{n}")
}

/// One row of `facts.csv`. Columns shared by many rows (the release's and the
/// sentence's) are reference-counted: a release with 50 facts holds its title once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fact {
    pub release_id: Arc<str>,
    pub release_date: Arc<str>,
    pub category: Arc<str>,
    pub title: Arc<str>,
    pub section: Section,
    pub kind: Kind,
    pub value: String,
    pub value_end: String,
    pub unit: String,
    pub qualifier: &'static str,
    pub direction: &'static str,
    pub subject: String,
    pub text: String,
    pub sentence: Arc<str>,
    pub source: Arc<str>,
    pub offset: usize,
}

/// The header of `facts.csv`, in the spec's order.
pub const FACT_COLUMNS: [&str; 16] = [
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
    fn decimals_print_without_trailing_zeros_or_exponent() {
        let v = |s: &str| Value::Number(Decimal::from_str(s).unwrap()).to_string();
        assert_eq!(v("13000000000.0"), "13000000000");
        assert_eq!(v("1.0"), "1");
        assert_eq!(v("0.85"), "0.85");
        assert_eq!(v("-71500000"), "-71500000");
        assert_eq!(v("0.000"), "0");
    }

    #[test]
    fn periods_print_in_iso_forms() {
        let d = chrono::NaiveDate::from_ymd_opt(2025, 11, 18).unwrap();
        assert_eq!(Period::Day(d).to_string(), "2025-11-18");
        assert_eq!(Period::Month { year: 2025, month: 3 }.to_string(), "2025-03");
        assert_eq!(Period::Quarter { year: 2025, quarter: 3 }.to_string(), "2025-Q3");
        assert_eq!(Period::Half { year: 2025, half: 1 }.to_string(), "2025-H1");
        assert_eq!(Period::Year(2025).to_string(), "2025");
    }
}
