//! One cheap pass over the words after a candidate, shared by the kinds whose parsers need
//! a marker word somewhere ahead (`percent`, `won`, `years`, `tons`): a parser whose marker
//! is absent is not run. Each flag is only a necessary condition, never a reading: the
//! window (8 words within 80 bytes) is wider than any amount a parser reads before its
//! marker, so a flag never hides a figure the parser would read.

const WINDOW_BYTES: usize = 80;
const WINDOW_WORDS: usize = 8;
/// No marker word or symbol is longer (`percentage`, `kilometres`, `kilotonnes`).
const LONGEST_MARKER: usize = 10;

/// Which marker words occur in the window after a candidate.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Ahead(u8);

impl Ahead {
    const PERCENT: u8 = 1;
    const CURRENCY: u8 = 2;
    const TIME_UNIT: u8 = 4;
    const MEASURE_UNIT: u8 = 8;

    /// The flags of the text after a candidate position.
    pub fn of(rest: &str) -> Ahead {
        let bytes = rest.as_bytes();
        let bytes = bytes.get(..WINDOW_BYTES).unwrap_or(bytes);
        let mut flags = 0;
        if bytes.contains(&b'%') {
            flags |= Ahead::PERCENT;
        }
        // `％`, `°C`, `℃`, `m²`: signs the letter runs below do not see, found by their
        // UTF-8 bytes (a sign cut off at the window's end is not in it either way).
        let mut at = 0;
        while let Some(n) = bytes.get(at..).and_then(|b| memchr::memchr3(0xC2, 0xE2, 0xEF, b)) {
            at += n + 1;
            flags |= match bytes.get(at - 1..(at + 2).min(bytes.len())) {
                Some([0xEF, 0xBC, 0x85]) => Ahead::PERCENT,
                Some([0xC2, 0xB0 | 0xB2 | 0xB3, ..] | [0xE2, 0x84, 0x83]) => Ahead::MEASURE_UNIT,
                _ => 0,
            };
        }
        // Letter runs, as bytes: a `match` on byte strings is a decision tree, not a
        // string compare per arm, and this runs at every candidate.
        let letter = |at: usize| bytes.get(at).is_some_and(u8::is_ascii_alphabetic);
        let (mut at, mut words) = (0, 0);
        while words < WINDOW_WORDS {
            while at < bytes.len() && !letter(at) {
                at += 1;
            }
            let start = at;
            while letter(at) {
                at += 1;
            }
            let Some(word) = bytes.get(start..at).filter(|w| !w.is_empty()) else {
                break;
            };
            words += 1;
            if word.len() <= LONGEST_MARKER {
                flags |= symbol_flag(word);
                // Letters only: setting the 0x20 bit lowers them (no copy call per word).
                let mut lower = [0u8; LONGEST_MARKER];
                for (o, b) in lower.iter_mut().zip(word) {
                    *o = b | 0x20;
                }
                flags |= word_flag(&lower[..word.len()]);
            }
        }
        Ahead(flags)
    }

    /// A percent sign or word (`percent`, `pct`, `percentage points`, a cut `perc`).
    pub fn percent(self) -> bool {
        self.0 & Ahead::PERCENT != 0
    }

    /// A currency word written after the amount (`won`, `dollars`, `yuan`).
    pub fn currency_word(self) -> bool {
        self.0 & Ahead::CURRENCY != 0
    }

    /// A time unit (`years`, `months`, `hr`).
    pub fn time_unit(self) -> bool {
        self.0 & Ahead::TIME_UNIT != 0
    }

    /// A unit of measure, as a symbol (`GW`, `km`) or a word (`tons`, `square`).
    pub fn measure_unit(self) -> bool {
        self.0 & Ahead::MEASURE_UNIT != 0
    }
}

/// Unit symbols, exact case, as the word split sees them (`km2` -> `km`, `5GW` -> `GW`).
fn symbol_flag(word: &[u8]) -> u8 {
    match word {
        b"TWh" | b"GWh" | b"MWh" | b"kWh" | b"KWh" | b"Wh" | b"TW" | b"GW" | b"MW" | b"kW" | b"KW" | b"kV" | b"MVA"
        | b"TEUs" | b"TEU" | b"FEU" | b"km" | b"Nm" | b"m" | b"mm" | b"cm" | b"kg" | b"bbl" | b"ha" | b"L" | b"toe"
        | b"kt" | b"Mt" => Ahead::MEASURE_UNIT,
        _ => 0,
    }
}

/// Marker words, lower-cased.
fn word_flag(lower: &[u8]) -> u8 {
    match lower {
        b"percent" | b"per" | b"pct" | b"percentage" | b"pp" | b"percen" | b"perce" | b"perc" => Ahead::PERCENT,
        b"won" | b"dollars" | b"dollar" | b"euros" | b"euro" | b"yen" | b"yuan" | b"renminbi" | b"sterling" => {
            Ahead::CURRENCY
        }
        b"year" | b"years" | b"month" | b"months" | b"week" | b"weeks" | b"day" | b"days" | b"hour" | b"hours"
        | b"minute" | b"minutes" | b"decade" | b"decades" | b"yr" | b"yrs" | b"hr" | b"hrs" | b"min" | b"mins" => {
            Ahead::TIME_UNIT
        }
        // The first word of every unit word of the quantity grammar.
        b"twenty" | b"degrees" | b"kilotonnes" | b"kilotons" | b"terawatt" | b"terawatts" | b"gigawatt"
        | b"gigawatts" | b"megawatt" | b"megawatts" | b"kilowatt" | b"kilowatts" | b"square" | b"cubic" | b"metric"
        | b"kilometers" | b"kilometres" | b"kilometer" | b"kilometre" | b"kilograms" | b"kilogram" | b"hectares"
        | b"hectare" | b"barrels" | b"barrel" | b"liters" | b"litres" | b"liter" | b"litre" | b"meters" | b"metres"
        | b"meter" | b"metre" | b"tonnes" | b"tonne" | b"tons" | b"ton" | b"pyeong" => Ahead::MEASURE_UNIT,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_in_the_window() {
        assert!(Ahead::of("3.5% of").percent());
        assert!(Ahead::of("12.2 Percent").percent());
        assert!(Ahead::of("5 billion won").currency_word());
        assert!(Ahead::of("three years").time_unit());
        assert!(Ahead::of("5GW of").measure_unit());
        assert!(Ahead::of("12 km2").measure_unit());
        assert!(Ahead::of("30 ℃").measure_unit());
        assert!(Ahead::of("2 million to 3 million metric tons").measure_unit());
        assert_eq!(Ahead::of("83 newly selected items"), Ahead::default());
    }

    #[test]
    fn the_longest_markers_fit() {
        assert!(Ahead::of("5 percentage points").percent());
        assert!(Ahead::of("5 Kilometres").measure_unit());
        assert!(Ahead::of("5 kilotonnes").measure_unit());
        assert!(!Ahead::of("5 percentages").percent());
    }

    #[test]
    fn symbols_keep_their_case() {
        assert!(!Ahead::of("5 gw").measure_unit());
        assert!(Ahead::of("5 Tons").measure_unit());
    }

    #[test]
    fn signs_by_their_bytes() {
        assert!(Ahead::of("5％ more").percent());
        assert!(Ahead::of("12 °C").measure_unit() && Ahead::of("4 m² and").measure_unit());
        assert!(Ahead::of("3 m³").measure_unit() && !Ahead::of("3 m³").percent());
        assert_eq!(Ahead::of("the ministry’s “plan” — é ± µ"), Ahead::default());
        // A sign cut by the window's end is not in the window.
        let cut = format!("{}℃", "-".repeat(WINDOW_BYTES - 1));
        assert!(!Ahead::of(&cut).measure_unit());
        let whole = format!("{}℃", "-".repeat(WINDOW_BYTES - 3));
        assert!(Ahead::of(&whole).measure_unit());
    }

    #[test]
    fn markers_beyond_the_window_are_not_seen() {
        let far = format!("5 {} percent", "x ".repeat(8));
        assert!(!Ahead::of(&far).percent());
    }
}
