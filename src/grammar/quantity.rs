//! quantity: a number with a unit of measure, its unit reduced to one canonical symbol.
//!
//! ```text
//! amount    = cardinal                       "1.4", "3 million", "10,000"
//! ```
//! The table of units and their symbols is in `grammar-notes.md` ("quantity").

use nom::{IResult, Parser, branch::alt, combinator::opt};
use rust_decimal::Decimal;

use super::money::sign;
use super::number::{Cardinal, cardinal, scaled};
use super::{Ctx, Figure, Val, at_boundary, cues, dash, fail, keyword, sp, sp0};
use crate::model::Kind;

/// Symbols as written (case matters: `MW` is not `mW`), longest first, -> canonical symbol.
const SYMBOLS: &[(&str, &str)] = &[
    ("TWh", "TWh"),
    ("GWh", "GWh"),
    ("MWh", "MWh"),
    ("kWh", "kWh"),
    ("KWh", "kWh"),
    ("Wh", "Wh"),
    ("TW", "TW"),
    ("GW", "GW"),
    ("MW", "MW"),
    ("kW", "kW"),
    ("KW", "kW"),
    ("kV", "kV"),
    ("MVA", "MVA"),
    ("TEUs", "TEU"),
    ("TEU", "TEU"),
    ("FEU", "FEU"),
    ("km2", "km2"),
    ("km²", "km2"),
    ("km", "km"),
    ("m2", "m2"),
    ("m²", "m2"),
    ("Nm3", "m3"),
    ("Nm³", "m3"),
    ("m3", "m3"),
    ("m³", "m3"),
    ("mm", "mm"),
    ("cm", "cm"),
    ("m", "m"),
    ("kg", "kg"),
    // The oil trade's scaled rates: `kb/d` thousand, `mb/d` and `MMb/d` million barrels a day.
    ("kb/d", "kb/d"),
    ("kbpd", "kb/d"),
    ("mb/d", "mb/d"),
    ("mbpd", "mb/d"),
    ("MMb/d", "mb/d"),
    ("MMbbl/d", "mb/d"),
    ("b/d", "b/d"),
    ("bpd", "b/d"),
    ("bbl/d", "b/d"),
    ("bbl", "bbl"),
    ("nmi", "nmi"),
    ("mi", "mi"),
    ("ft", "ft"),
    ("gal", "gal"),
    ("MMBtu", "MMBtu"),
    ("Btu", "Btu"),
    ("ha", "ha"),
    // Gas volumes with their scale: billion cubic metres, billion and trillion cubic feet.
    ("bcm", "bcm"),
    ("Bcf", "bcf"),
    ("bcf", "bcf"),
    ("Tcf", "tcf"),
    ("tcf", "tcf"),
    ("kL", "kL"),
    ("ML", "ML"),
    ("GL", "GL"),
    ("L", "L"),
    ("Mtoe", "Mtoe"),
    ("ktoe", "ktoe"),
    ("toe", "toe"),
    ("PJ", "PJ"),
    ("TJ", "TJ"),
    ("GJ", "GJ"),
    ("oz", "oz"),
    ("kt", "kt"),
    ("Mt", "Mt"),
    ("°C", "°C"),
    ("℃", "°C"),
];

/// Symbols read as a multiple of a canonical one: `10 kt` is 10000 t.
/// SI prefixes and trade abbreviations that carry a scale (`kb/d`, `bcm`, `megalitres`).
const MULTIPLES: &[(&str, &str, u64)] = &[
    ("kt", "t", 1_000),
    ("Mt", "t", 1_000_000),
    ("kb/d", "b/d", 1_000),
    ("mb/d", "b/d", 1_000_000),
    ("bcm", "m3", 1_000_000_000),
    ("bcf", "ft3", 1_000_000_000),
    ("tcf", "ft3", 1_000_000_000_000),
    ("hL", "L", 100),
    ("kL", "L", 1_000),
    ("ML", "L", 1_000_000),
    ("GL", "L", 1_000_000_000),
    ("ktoe", "toe", 1_000),
    ("Mtoe", "toe", 1_000_000),
];

/// Unit words (any case), longest first, -> canonical symbol.
const WORDS: &[(&str, &str)] = &[
    ("twenty-foot equivalent units", "TEU"),
    ("barrels per day", "b/d"),
    ("barrels a day", "b/d"),
    ("barrel per day", "b/d"),
    ("nautical miles", "nmi"),
    ("nautical mile", "nmi"),
    ("cubic feet", "ft3"),
    ("square feet", "ft2"),
    ("square foot", "ft2"),
    ("sq ft", "ft2"),
    ("sq. ft.", "ft2"),
    ("sq km", "km2"),
    ("sq m", "m2"),
    ("troy ounces", "oz"),
    ("ounces", "oz"),
    ("ounce", "oz"),
    ("square miles", "mi2"),
    ("square mile", "mi2"),
    ("terawatthours", "TWh"),
    ("gigawatthours", "GWh"),
    ("megawatthours", "MWh"),
    ("kilowatthours", "kWh"),
    ("terawatthour", "TWh"),
    ("gigawatthour", "GWh"),
    ("megawatthour", "MWh"),
    ("kilowatthour", "kWh"),
    ("degrees celsius", "°C"),
    ("kilotonnes", "kt"),
    ("kilotons", "kt"),
    ("terawatt-hours", "TWh"),
    ("terawatt hours", "TWh"),
    ("terawatt-hour", "TWh"),
    ("gigawatt-hours", "GWh"),
    ("gigawatt hours", "GWh"),
    ("gigawatt-hour", "GWh"),
    ("megawatt-hours", "MWh"),
    ("megawatt hours", "MWh"),
    ("megawatt-hour", "MWh"),
    ("kilowatt-hours", "kWh"),
    ("kilowatt hours", "kWh"),
    ("kilowatt-hour", "kWh"),
    ("square kilometers", "km2"),
    ("square kilometres", "km2"),
    ("square kilometer", "km2"),
    ("square kilometre", "km2"),
    ("square meters", "m2"),
    ("square metres", "m2"),
    ("square meter", "m2"),
    ("square metre", "m2"),
    ("cubic meters", "m3"),
    ("cubic metres", "m3"),
    ("cubic meter", "m3"),
    ("cubic metre", "m3"),
    ("metric tons", "t"),
    ("metric tonnes", "t"),
    ("terawatts", "TW"),
    ("terawatt", "TW"),
    ("gigawatts", "GW"),
    ("gigawatt", "GW"),
    ("megawatts", "MW"),
    ("megawatt", "MW"),
    ("kilowatts", "kW"),
    ("kilowatt", "kW"),
    ("kilometers", "km"),
    ("kilometres", "km"),
    ("kilometer", "km"),
    ("kilometre", "km"),
    ("kilograms", "kg"),
    ("kilogram", "kg"),
    ("hectares", "ha"),
    ("hectare", "ha"),
    ("barrels", "bbl"),
    ("barrel", "bbl"),
    ("hectoliters", "hL"),
    ("hectolitres", "hL"),
    ("hectoliter", "hL"),
    ("hectolitre", "hL"),
    ("kiloliters", "kL"),
    ("kilolitres", "kL"),
    ("kiloliter", "kL"),
    ("kilolitre", "kL"),
    ("megaliters", "ML"),
    ("megalitres", "ML"),
    ("megaliter", "ML"),
    ("megalitre", "ML"),
    ("gigaliters", "GL"),
    ("gigalitres", "GL"),
    ("gigaliter", "GL"),
    ("gigalitre", "GL"),
    ("liters", "L"),
    ("litres", "L"),
    ("liter", "L"),
    ("litre", "L"),
    ("meters", "m"),
    ("metres", "m"),
    ("meter", "m"),
    ("metre", "m"),
    ("tonnes", "t"),
    ("tonne", "t"),
    ("tons", "t"),
    ("ton", "t"),
    ("miles", "mi"),
    ("mile", "mi"),
    ("feet", "ft"),
    ("foot", "ft"),
    ("acres", "ac"),
    ("acre", "ac"),
    ("gallons", "gal"),
    ("gallon", "gal"),
    ("pyeong", "pyeong"),
];

/// symbol: an exact unit symbol, not run into further letters or digits.
fn symbol(i: &str) -> IResult<&str, &'static str> {
    for (s, canon) in SYMBOLS {
        if let Some(r) = i.strip_prefix(s) {
            if at_boundary(r) {
                return Ok((r, canon));
            }
        }
    }
    fail(i)
}

/// unit_word: a unit spelled out, as whole words.
fn unit_word(i: &str) -> IResult<&str, &'static str> {
    WORDS
        .iter()
        .find_map(|(w, canon)| keyword(w)(i).ok().map(|(r, _)| (r, *canon)))
        .map_or_else(|| fail(i), Ok)
}

/// unit: sp0 symbol | (sp | dash) unit_word | dash symbol.
fn unit(i: &str) -> IResult<&str, &'static str> {
    alt((
        (sp0, symbol).map(|(_, u)| u),
        (alt((sp.map(|_| ()), dash.map(|_| ()))), unit_word).map(|(_, u)| u),
        (dash, symbol).map(|(_, u)| u),
    ))
    .parse(i)
}

/// range_end: (sp0 dash sp0 | sp "to" sp) amount.
fn range_end(cut: bool) -> impl Fn(&str) -> IResult<&str, Cardinal> {
    move |i: &str| {
        let joiner = alt(((sp0, dash, sp0).map(|_| ()), (sp, keyword("to"), sp).map(|_| ())));
        let (r, (_, b)) = (joiner, cardinal(cut)).parse(i)?;
        Ok((r, b))
    }
}

/// quantity = amount [range_end] unit; a range start without a scale takes the end's.
/// Without `ranges`, `3 to 5 GW` reads only `3`, in the unit after the end.
pub fn quantity(cut: bool, ranges: bool) -> impl Fn(&str) -> IResult<&str, (Decimal, Option<Decimal>, &'static str)> {
    move |i: &str| {
        let (r, negative) = opt(sign).parse(i)?;
        let (r, a) = cardinal(cut)(r)?;
        if let Ok((r2, (b, u))) = (range_end(cut), unit).parse(r) {
            let start = match (a.scale, b.scale) {
                (None, Some(s)) => scaled(a.numeral.value, s).unwrap_or(a.numeral.value),
                _ => a.numeral.value,
            };
            let start = if negative.unwrap_or(false) { -start } else { start };
            // After a change verb (`rose from 3 to 5 GW`) the first is a level of its own.
            return Ok(if ranges {
                (r2, (start, Some(b.numeral.value), u))
            } else {
                (r, (start, None, u))
            });
        }
        let (r, u) = unit(r)?;
        let value = if negative.unwrap_or(false) {
            -a.numeral.value
        } else {
            a.numeral.value
        };
        Ok((r, (value, None, u)))
    }
}

/// Every unit the grammar reads after a number, as written (for the tests).
#[cfg(test)]
pub(crate) fn written_after_numbers() -> Vec<String> {
    SYMBOLS.iter().chain(WORDS).map(|(w, _)| w.to_string()).collect()
}

/// The quantity figure at the candidate position.
pub fn parse(ctx: &Ctx) -> Option<Figure> {
    // `$10m` is money the money grammar did not read, never ten meters.
    if !ctx.ahead().measure_unit() || ctx.before().ends_with(['$', '€', '£', '¥', '₩']) {
        return None;
    }
    let ranges = !cues::leads_a_change(ctx.before());
    let (after, (a, b, unit)) = quantity(ctx.cut, ranges)(ctx.rest()).ok()?;
    let (a, b, unit) = match MULTIPLES.iter().find(|(u, _, _)| *u == unit) {
        Some((_, canon, m)) => {
            let m = Decimal::from(*m);
            (scaled(a, m)?, b.and_then(|b| scaled(b, m)), *canon)
        }
        None => (a, b, unit),
    };
    Some(ctx.figure(Kind::Quantity, after, Val::Num(a), b.map(Val::Num), unit))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::Ahead;

    #[test]
    fn the_look_ahead_knows_every_unit() {
        for (written, _) in SYMBOLS.iter().chain(WORDS) {
            assert!(Ahead::of(&format!("5 {written}")).measure_unit(), "{written}");
            assert!(Ahead::of(&format!("5{written}")).measure_unit(), "glued {written}");
        }
    }

    fn read(s: &str) -> Option<(String, Option<String>, String, String)> {
        crate::grammar::read_figure(parse, s)
    }

    fn vu(s: &str) -> Option<(String, String)> {
        read(s).map(|r| (r.0, r.2))
    }

    #[test]
    fn symbols_and_words() {
        assert_eq!(vu("1.4 GW offshore"), Some(("1.4".into(), "GW".into())));
        assert_eq!(vu("5GW of capacity"), Some(("5".into(), "GW".into())));
        assert_eq!(vu("350 kWh battery"), Some(("350".into(), "kWh".into())));
        assert_eq!(vu("3 million tons"), Some(("3000000".into(), "t".into())));
        assert_eq!(vu("10,000 TEU ships"), Some(("10000".into(), "TEU".into())));
        assert_eq!(vu("1,000 square meters"), Some(("1000".into(), "m2".into())));
        assert_eq!(vu("2 Million Barrels"), Some(("2000000".into(), "bbl".into())));
        assert_eq!(vu("500-megawatt plant"), Some(("500".into(), "MW".into())));
        assert_eq!(vu("200 km line").unwrap().1, "km");
        assert_eq!(read("3 million tons.").unwrap().3, "3 million tons");
        assert_eq!(vu("10 kt of hydrogen"), Some(("10000".into(), "t".into())));
        assert_eq!(vu("35 degrees Celsius"), Some(("35".into(), "°C".into())));
        assert_eq!(vu("minus 253 degrees Celsius"), Some(("-253".into(), "°C".into())));
        assert_eq!(vu("-40 °C"), Some(("-40".into(), "°C".into())));
    }

    #[test]
    fn energy_and_distance_units_of_us_releases() {
        assert_eq!(vu("15,000 barrels per day (b/d)"), Some(("15000".into(), "b/d".into())));
        assert_eq!(
            read("15,000 barrels per day (b/d)").unwrap().3,
            "15,000 barrels per day"
        );
        assert_eq!(vu("2.4 million b/d"), Some(("2400000".into(), "b/d".into())));
        assert_eq!(vu("90,000 bpd"), Some(("90000".into(), "b/d".into())));
        assert_eq!(vu("3 million barrels a day"), Some(("3000000".into(), "b/d".into())));
        assert_eq!(vu("4 million megawatthours"), Some(("4000000".into(), "MWh".into())));
        assert_eq!(vu("12 nautical miles"), Some(("12".into(), "nmi".into())));
        assert_eq!(vu("40 miles of track"), Some(("40".into(), "mi".into())));
        assert_eq!(vu("2.5 billion cubic feet"), Some(("2500000000".into(), "ft3".into())));
        assert_eq!(vu("600 acres"), Some(("600".into(), "ac".into())));
        assert_eq!(vu("3 billion gallons"), Some(("3000000000".into(), "gal".into())));
        assert_eq!(vu("5 milestones"), None);
    }

    #[test]
    fn areas_energy_and_weights_of_other_offices() {
        assert_eq!(
            vu("450,000 square feet of space"),
            Some(("450000".into(), "ft2".into()))
        );
        assert_eq!(vu("12,000 sq ft"), Some(("12000".into(), "ft2".into())));
        assert_eq!(vu("30 sq km"), Some(("30".into(), "km2".into())));
        assert_eq!(vu("2.1 Mtoe"), Some(("2100000".into(), "toe".into())));
        assert_eq!(vu("640 PJ of gas"), Some(("640".into(), "PJ".into())));
        assert_eq!(vu("1.2 million troy ounces"), Some(("1200000".into(), "oz".into())));
        assert_eq!(vu("5 squares"), None);
    }

    #[test]
    fn units_that_carry_their_scale() {
        assert_eq!(vu("450 kb/d of new supply"), Some(("450000".into(), "b/d".into())));
        assert_eq!(vu("2.3 mb/d in May"), Some(("2300000".into(), "b/d".into())));
        assert_eq!(vu("1.2 MMb/d"), Some(("1200000".into(), "b/d".into())));
        assert_eq!(vu("38 bcm of pipeline gas"), Some(("38000000000".into(), "m3".into())));
        assert_eq!(vu("4.5 Bcf per day"), Some(("4500000000".into(), "ft3".into())));
        assert_eq!(vu("7 million kilolitres"), Some(("7000000000".into(), "L".into())));
        assert_eq!(vu("85 gigalitres of water"), Some(("85000000000".into(), "L".into())));
        assert_eq!(vu("300 hectolitres"), Some(("30000".into(), "L".into())));
        assert_eq!(vu("12 ML"), Some(("12000000".into(), "L".into())));
        assert_eq!(vu("5 mbs"), None);
    }

    #[test]
    fn ranges_share_a_scale() {
        let r = read("2-3 million tons").unwrap();
        assert_eq!((r.0.as_str(), r.1.as_deref()), ("2000000", Some("3000000")));
        assert_eq!(read("3 to 5 GW").unwrap().1.as_deref(), Some("5"));
        let s = "capacity rose from 3 to 5 GW";
        let pos = s.find('3').unwrap();
        let f = parse(&Ctx::new(s, pos, false)).unwrap();
        assert_eq!((&s[f.start..f.end], &*f.unit, f.value_end), ("3", "GW", None));
    }

    #[test]
    fn not_quantities() {
        assert_eq!(read("5G networks"), None);
        assert_eq!(read("3 months"), None);
        assert_eq!(read("12 mentors"), None);
        assert_eq!(read("5 mW"), None);
        assert_eq!(read("4 tonnage"), None);
        let ctx = Ctx::new("$10m", 1, false);
        assert_eq!(parse(&ctx), None);
    }
}
