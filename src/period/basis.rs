//! The basis of a change from the base its clause names: `yoy`, `mom`, `qoq`, `hoh`, or
//! the base's own date.

use chrono::Datelike;

use super::clause::Base;
use super::cues::Relative;
use crate::model::{Basis, Period};

/// The basis of a change from the base its text names.
pub(super) fn basis_of(base: Base, period: Option<Period>, end: Option<Period>) -> Option<Basis> {
    match base {
        Base::Words(Relative::Year) => Some(Basis::Yoy),
        Base::Words(Relative::Fixed(b)) => Some(b),
        Base::Words(Relative::Previous) => match (period?, end) {
            (Period::Month { .. }, None) => Some(Basis::Mom),
            (Period::Quarter { .. }, None) => Some(Basis::Qoq),
            (Period::Half { .. }, None) => Some(Basis::Hoh),
            (Period::Year(_), None) => Some(Basis::Yoy),
            (start, Some(end)) => previous_span(start, end),
            _ => None,
        },
        Base::Words(Relative::Short) => None,
        Base::Words(Relative::YearStart) => period.map(|p| Basis::Named(Period::Year(year_of(p)), None)),
        Base::Date {
            period: b,
            end: b_end,
            same: true,
        } => Some(same_period(period, end, b, b_end)),
        Base::Date {
            period: b, end: b_end, ..
        } => Some(relate(period, end, b, b_end)),
    }
}

/// `the same period in 2019`: the figure's own period in that year, `yoy` when that is
/// the year before.
fn same_period(period: Option<Period>, end: Option<Period>, base: Period, base_end: Option<Period>) -> Basis {
    let (Some(p), Period::Year(y), None) = (period, base, base_end) else {
        return relate(period, end, base, base_end);
    };
    let shift = y - year_of(p);
    if shift == -1 {
        return Basis::Yoy;
    }
    match (shift_year(p, shift), end.map(|e| shift_year(e, shift))) {
        (Some(a), None) => Basis::Named(a, None),
        (Some(a), Some(Some(b))) => Basis::Named(a, Some(b)),
        _ => Basis::Named(base, None),
    }
}

/// The year a period starts in.
fn year_of(p: Period) -> i32 {
    match p {
        Period::Day(d) => d.year(),
        Period::Month { year, .. } | Period::Quarter { year, .. } | Period::Half { year, .. } | Period::Year(year) => {
            year
        }
    }
}

/// The span of months just before a span of months of the same length (`the three
/// months ending May` against the three months before: December to February).
fn previous_span(start: Period, end: Period) -> Option<Basis> {
    let (Period::Month { year: y0, month: m0 }, Period::Month { year: y1, month: m1 }) = (start, end) else {
        return None;
    };
    let index = |y: i32, m: u32| y * 12 + m as i32 - 1;
    let len = index(y1, m1) - index(y0, m0) + 1;
    let month = |i: i32| Period::Month {
        year: i.div_euclid(12),
        month: (i.rem_euclid(12) + 1) as u32,
    };
    (len > 0).then(|| Basis::Named(month(index(y0, m0) - len), Some(month(index(y1, m1) - len))))
}

/// A named base against the figure's period: a year before is `yoy`, the period before
/// `mom`/`qoq`/`hoh`, anything else its own date value.
fn relate(period: Option<Period>, end: Option<Period>, base: Period, base_end: Option<Period>) -> Basis {
    let named = Basis::Named(base, base_end);
    let Some(period) = period else {
        return named;
    };
    let year_before = |p: Period| shift_year(p, -1);
    if Some(base) == year_before(period) && base_end == end.and_then(year_before) {
        return Basis::Yoy;
    }
    if end.is_none() && base_end.is_none() && previous(period) == Some(base) {
        return match period {
            Period::Month { .. } => Basis::Mom,
            Period::Quarter { .. } => Basis::Qoq,
            Period::Half { .. } => Basis::Hoh,
            _ => Basis::Yoy,
        };
    }
    named
}

/// The same period `n` years away.
fn shift_year(p: Period, n: i32) -> Option<Period> {
    Some(match p {
        Period::Day(d) => Period::Day(d.with_year(d.year() + n)?),
        Period::Month { year, month } => Period::Month { year: year + n, month },
        Period::Quarter { year, quarter } => Period::Quarter {
            year: year + n,
            quarter,
        },
        Period::Half { year, half } => Period::Half { year: year + n, half },
        Period::Year(year) => Period::Year(year + n),
    })
}

/// The period just before `p`, at its precision (none for a day).
fn previous(p: Period) -> Option<Period> {
    Some(match p {
        Period::Day(_) => return None,
        Period::Month { year, month: 1 } => Period::Month {
            year: year - 1,
            month: 12,
        },
        Period::Month { year, month } => Period::Month { year, month: month - 1 },
        Period::Quarter { year, quarter: 1 } => Period::Quarter {
            year: year - 1,
            quarter: 4,
        },
        Period::Quarter { year, quarter } => Period::Quarter {
            year,
            quarter: quarter - 1,
        },
        Period::Half { year, half: 1 } => Period::Half {
            year: year - 1,
            half: 2,
        },
        Period::Half { year, half } => Period::Half { year, half: half - 1 },
        Period::Year(year) => Period::Year(year - 1),
    })
}
