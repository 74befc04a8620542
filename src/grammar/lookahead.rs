//! One cheap pass over the words after a candidate, shared by the kinds whose parsers need
//! a marker word somewhere ahead (`percent`, `won`, `years`, `tons`): a parser whose marker
//! is absent is not run. Each flag is only a necessary condition, never a reading: the
//! window (8 words within 80 bytes) is wider than any amount a parser reads before its
//! marker, so a flag never hides a figure the parser would read.

use crate::words::{Shapes, bits_where, has_shape, is_letter, shapes, word_list};

const WINDOW_BYTES: usize = 80;
const WINDOW_WORDS: usize = 8;
/// No marker word or symbol is longer (`megawatthours`).
const LONGEST_MARKER: usize = 13;

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
        // The window's letters and the bytes that may start a sign, as bit masks built
        // without a branch per byte: then only the words and those bytes are visited.
        let (letters, signs) = letter_and_sign_masks(bytes);
        let mut flags = 0;
        // The k-th word starts at the k-th start bit and ends at the k-th end bit.
        let mut starts = Halves::of(letters & !(letters << 1));
        let mut ends = Halves::of(letters & !(letters >> 1));
        for _ in 0..WINDOW_WORDS {
            let (Some(start), Some(last)) = (starts.pop(), ends.pop()) else {
                break;
            };
            flags |= word_marker(bytes.get(start..=last).unwrap_or_default());
        }
        // Signs are rare: `%`, and the non-ASCII bytes, among which the lead bytes of
        // `％ ° ² ³ ℃`.
        let mut signs = Halves::of(signs);
        while let Some(at) = signs.pop() {
            flags |= sign_marker(bytes.get(at..).unwrap_or_default());
        }
        Ahead(flags)
    }

    /// A percent sign or word (`percent`, `pct`, `percentage points`, `basis points`, a cut `perc`).
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

/// Bit `i` set where byte `i` of the window (at most `WINDOW_BYTES`) is an ASCII letter,
/// and where it is `%` or not ASCII: no branch per byte.
fn letter_and_sign_masks(bytes: &[u8]) -> (u128, u128) {
    // Copied in one piece: the window is often cut short by the sentence's end.
    let mut window = [0u8; MASK_BYTES];
    if let Some(head) = window.get_mut(..bytes.len()) {
        head.copy_from_slice(bytes);
    }
    let letters = bits_where(&window, is_letter);
    let signs = bits_where(&window, |c| c == b'%' || c >= 0x80);
    (letters, signs)
}

/// A mask of the window in two `u64` halves, its set bits taken lowest first: the shifts
/// and bit counts of a `u128` cost more.
struct Halves(u64, u64);

impl Halves {
    fn of(bits: u128) -> Halves {
        Halves(bits as u64, (bits >> 64) as u64)
    }

    /// The place of the lowest set bit, then cleared.
    fn pop(&mut self) -> Option<usize> {
        if self.0 != 0 {
            let at = self.0.trailing_zeros() as usize;
            self.0 &= self.0 - 1;
            Some(at)
        } else if self.1 != 0 {
            let at = self.1.trailing_zeros() as usize;
            self.1 &= self.1 - 1;
            Some(64 + at)
        } else {
            None
        }
    }
}

/// The window rounded up to whole 8-byte words, and within a `u128`.
const MASK_BYTES: usize = WINDOW_BYTES.div_ceil(8) * 8;
const _: () = assert!(MASK_BYTES <= 128);

/// The flag of the sign that `at` starts with (a sign cut off by the window's end is not
/// in it).
fn sign_marker(at: &[u8]) -> u8 {
    match at {
        [b'%', ..] | [0xEF, 0xBC, 0x85, ..] => Ahead::PERCENT,
        [0xC2, 0xB0 | 0xB2 | 0xB3, ..] | [0xE2, 0x84, 0x83, ..] => Ahead::MEASURE_UNIT,
        _ => 0,
    }
}

/// Whether `i` starts with a percent word (`percent`, `pct`, `basis`; the whole run of
/// letters, in any case): where it is the first word after a candidate, `Ahead::percent`
/// is set.
pub fn percent_word_starts(i: &[u8]) -> bool {
    // Every percent word starts with `p` or `b`: most words are turned away unread.
    if !matches!(i.first(), Some(b'p' | b'P' | b'b' | b'B')) {
        return false;
    }
    let mut lower = [0u8; LONGEST_MARKER];
    let mut n = 0;
    for &b in i.iter().take_while(|&&b| is_letter(b)) {
        let Some(slot) = lower.get_mut(n) else { return false };
        *slot = b | 0x20;
        n += 1;
    }
    is_percent_word(&lower[..n])
}

/// Whether the word `i` starts with (its whole run of letters, with more text after it)
/// ends the number before it for every kind read by a marker: no marker word, and no word
/// that goes on a number (`million`, `to`, `Hong Kong`). At the end of the text it may be
/// a cut body's stub (`mill`): not so.
pub fn ends_marked_kinds(i: &[u8]) -> bool {
    let letters = i.iter().take_while(|&&b| is_letter(b)).count();
    if letters == 0 || letters == i.len() {
        return false;
    }
    let word = &i[..letters];
    // The word lowered once for both lists; a scale is the scale grammar's own list, with
    // a full stop after it (`tril.`). No scale or listed word is longer than the buffer.
    let stop = i[letters] == b'.';
    let mut buf = [0u8; crate::words::LONGEST];
    let goes_on = crate::words::lowered(&mut buf, word).is_some_and(|lower| {
        super::number::scale_exponent(lower, stop).is_some() || crate::words::goes_on_a_number(lower)
    });
    !goes_on && word_marker(word) == 0
}

/// `ends_marked_kinds` with the scale asked of `scale_word` on the text, as first written.
#[cfg(test)]
fn ends_marked_kinds_by_scale_word(i: &[u8]) -> bool {
    let letters = i.iter().take_while(|&&b| is_letter(b)).count();
    if letters == 0 || letters == i.len() {
        return false;
    }
    let word = &i[..letters];
    let with_stop = &i[..letters + usize::from(i[letters] == b'.')];
    let scale = std::str::from_utf8(with_stop).is_ok_and(|w| super::number::scale_word(w, false).is_ok());
    let mut buf = [0u8; crate::words::LONGEST];
    let goes_on = scale || crate::words::lowered(&mut buf, word).is_some_and(crate::words::goes_on_a_number);
    !goes_on && word_marker(word) == 0
}

/// The flag of a word (letters only) as written: a unit symbol, or a marker word.
/// Inlined into the look-ahead's loop, where it is asked most.
#[inline(always)]
fn word_marker(word: &[u8]) -> u8 {
    if word.len() > LONGEST_MARKER || !has_shape(&MARKER_SHAPES, word) {
        return 0;
    }
    // Letters only: setting the 0x20 bit lowers them (no copy call per word).
    let mut lower = [0u8; LONGEST_MARKER];
    for (o, b) in lower.iter_mut().zip(word) {
        *o = b | 0x20;
    }
    symbol_flag(word) | word_flag(lower.get(..word.len()).unwrap_or_default())
}

word_list!(
    /// Unit symbols, exact case, as the word split sees them (`km2` -> `km`, `5GW` -> `GW`).
    UNIT_SYMBOLS, is_unit_symbol, [
        b"TWh", b"GWh", b"MWh", b"kWh", b"KWh", b"Wh", b"TW", b"GW", b"MW", b"kW", b"KW", b"kV", b"MVA",
        b"TEUs", b"TEU", b"FEU", b"km", b"Nm", b"m", b"mm", b"cm", b"kg", b"bbl", b"ha", b"L", b"toe",
        b"kt", b"Mt", b"b", b"bpd", b"kb", b"kbpd", b"mb", b"mbpd", b"MMb", b"MMbbl", b"bcm",
        b"Bcf", b"bcf", b"Tcf", b"tcf", b"kL", b"ML", b"GL", b"Mtoe", b"ktoe", b"PJ", b"TJ", b"GJ", b"oz", b"nmi", b"mi", b"ft", b"gal", b"MMBtu", b"Btu",
    ]
);

word_list!(
    /// Percent words, lower-cased, with the stubs a cut body leaves.
    PERCENT_WORDS, is_percent_word, [
        b"percent", b"per", b"pct", b"percentage", b"pp", b"percen", b"perce", b"perc", b"basis", b"bp",
        b"bps", b"pc", b"ppt", b"ppts",
    ]
);

word_list!(
    /// Currency words written after an amount, lower-cased.
    CURRENCY_WORDS, is_currency_word, [
        b"won", b"dollars", b"dollar", b"euros", b"euro", b"yen", b"yuan", b"renminbi", b"sterling",
        b"rupees", b"rupee", b"pesos", b"peso", b"francs", b"franc", b"reais", b"real", b"rand",
        b"kronor", b"krona", b"kroner", b"krone", b"ringgit", b"baht", b"rupiah", b"zlotys", b"zloty",
        b"roubles", b"rubles", b"hryvnias", b"cents", b"cent", b"eurocents", b"eurocent", b"pence",
    ]
);

word_list!(
    /// Time units, lower-cased.
    TIME_WORDS, is_time_word, [
        b"year", b"years", b"month", b"months", b"week", b"weeks", b"day", b"days", b"hour", b"hours",
        b"minute", b"minutes", b"decade", b"decades", b"quarter", b"quarters", b"yr", b"yrs", b"hr", b"hrs", b"min", b"mins",
    ]
);

word_list!(
    /// The first word of every unit word of the quantity grammar, lower-cased.
    MEASURE_WORDS, is_measure_word, [
        b"twenty", b"degrees", b"kilotonnes", b"kilotons", b"terawatt", b"terawatts", b"gigawatt",
        b"gigawatts", b"megawatt", b"megawatts", b"kilowatt", b"kilowatts", b"square", b"cubic",
        b"metric", b"kilometers", b"kilometres", b"kilometer", b"kilometre", b"kilograms", b"kilogram",
        b"hectares", b"hectare", b"barrels", b"barrel", b"liters", b"litres", b"liter", b"litre",
        b"meters", b"metres", b"meter", b"metre", b"tonnes", b"tonne", b"tons", b"ton", b"pyeong",
        b"nautical", b"miles", b"mile", b"feet", b"foot", b"acres", b"acre", b"gallons", b"gallon",
        b"terawatthours", b"gigawatthours", b"megawatthours", b"kilowatthours", b"terawatthour",
        b"gigawatthour", b"megawatthour", b"kilowatthour",
        b"hectoliters", b"hectolitres", b"hectoliter", b"hectolitre", b"kiloliters", b"kilolitres",
        b"kiloliter", b"kilolitre", b"megaliters", b"megalitres", b"megaliter", b"megalitre",
        b"gigaliters", b"gigalitres", b"gigaliter", b"gigalitre", b"sq", b"troy", b"ounces", b"ounce",
    ]
);

/// The lengths and first two letters of every marker word and symbol.
static MARKER_SHAPES: Shapes = shapes(&[UNIT_SYMBOLS, PERCENT_WORDS, CURRENCY_WORDS, TIME_WORDS, MEASURE_WORDS]);

/// The flag of a unit symbol (exact case).
fn symbol_flag(word: &[u8]) -> u8 {
    if is_unit_symbol(word) { Ahead::MEASURE_UNIT } else { 0 }
}

/// The flag of a marker word (lower-cased).
fn word_flag(lower: &[u8]) -> u8 {
    if is_percent_word(lower) {
        Ahead::PERCENT
    } else if is_currency_word(lower) {
        Ahead::CURRENCY
    } else if is_time_word(lower) {
        Ahead::TIME_UNIT
    } else if is_measure_word(lower) {
        Ahead::MEASURE_UNIT
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scale_list_ends_a_number_as_the_scale_grammar_does() {
        let mut text = crate::fixture_texts().concat();
        text.push_str(" tril. tril TRIL. Lakh crore lakhs Crores mn. BLN bn, tn) trln thousandth millions x");
        let mut ended = 0;
        for (at, _) in text.char_indices() {
            let i = &text.as_bytes()[at..];
            assert_eq!(ends_marked_kinds(i), ends_marked_kinds_by_scale_word(i), "at {at}");
            ended += usize::from(ends_marked_kinds(i));
        }
        assert!(ended > 10_000, "{ended}");
        assert!(!ends_marked_kinds(b"tril. x") && ends_marked_kinds(b"tril x"));
    }

    #[test]
    fn a_percent_word_is_found_as_the_look_ahead_flags_it() {
        let mut text = crate::fixture_texts().concat();
        text.push_str(" percent PERCENT Pct pcts bps basis basically perc percentages percentagepointsandmore");
        let mut found = 0;
        for (at, _) in text.char_indices() {
            let i = &text.as_bytes()[at..];
            let letters = i.iter().take_while(|&&b| is_letter(b)).count();
            let flagged = letters > 0 && word_marker(&i[..letters]) & Ahead::PERCENT != 0;
            assert_eq!(percent_word_starts(i), flagged, "{at}");
            found += usize::from(flagged);
        }
        assert!(found > 100, "{found}");
    }

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
    fn the_masks_mark_ascii_letters_and_signs() {
        assert_eq!(
            letter_and_sign_masks(b"ab 9Z\xc3\xa9z%"),
            (0b0_1001_0011, 0b1_0110_0000)
        );
    }

    #[test]
    fn halves_give_the_set_bits_lowest_first_across_the_middle() {
        let mut bits = Halves::of(1 << 79 | 1 << 64 | 1 << 63 | 1 << 3);
        let places: Vec<usize> = std::iter::from_fn(|| bits.pop()).collect();
        assert_eq!(places, [3, 63, 64, 79]);
        assert_eq!(Halves::of(0).pop(), None);
    }

    #[test]
    fn a_word_across_the_middle_of_the_window_is_read() {
        let text = format!("{}kilometres", "1".repeat(60));
        assert!(Ahead::of(&text).measure_unit());
    }

    #[test]
    fn the_longest_markers_fit() {
        assert!(Ahead::of("5 percentage points").percent());
        assert!(Ahead::of("5 Kilometres").measure_unit());
        assert!(Ahead::of("5 kilotonnes").measure_unit());
        assert!(!Ahead::of("5 percentages").percent());
    }

    #[test]
    fn every_marker_word_is_seen_in_any_case() {
        let all = [UNIT_SYMBOLS, PERCENT_WORDS, CURRENCY_WORDS, TIME_WORDS, MEASURE_WORDS];
        assert!(all.iter().flat_map(|l| l.iter()).all(|w| w.len() <= LONGEST_MARKER));
        let words = PERCENT_WORDS
            .iter()
            .chain(CURRENCY_WORDS)
            .chain(TIME_WORDS)
            .chain(MEASURE_WORDS);
        for w in words {
            let w = String::from_utf8_lossy(w);
            for v in [w.to_string(), w.to_uppercase()] {
                assert_ne!(Ahead::of(&format!("5 {v} and")), Ahead::default(), "{v}");
            }
        }
        for w in UNIT_SYMBOLS {
            let w = String::from_utf8_lossy(w);
            assert!(Ahead::of(&format!("5 {w} and")).measure_unit(), "{w}");
        }
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

    /// `Ahead::of` as it was first written, in three passes: the oracle for the one walk.
    fn of_in_three_passes(rest: &str) -> Ahead {
        let bytes = rest.as_bytes();
        let bytes = bytes.get(..WINDOW_BYTES).unwrap_or(bytes);
        let mut flags = 0;
        if bytes.contains(&b'%') {
            flags |= Ahead::PERCENT;
        }
        let mut at = 0;
        while let Some(n) = bytes.get(at..).and_then(|b| memchr::memchr3(0xC2, 0xE2, 0xEF, b)) {
            at += n + 1;
            flags |= match bytes.get(at - 1..(at + 2).min(bytes.len())) {
                Some([0xEF, 0xBC, 0x85]) => Ahead::PERCENT,
                Some([0xC2, 0xB0 | 0xB2 | 0xB3, ..] | [0xE2, 0x84, 0x83]) => Ahead::MEASURE_UNIT,
                _ => 0,
            };
        }
        let (mut at, mut words) = (0, 0);
        while words < WINDOW_WORDS {
            while bytes.get(at).is_some_and(|b| !b.is_ascii_alphabetic()) {
                at += 1;
            }
            let start = at;
            while bytes.get(at).is_some_and(u8::is_ascii_alphabetic) {
                at += 1;
            }
            let Some(word) = bytes.get(start..at).filter(|w| !w.is_empty()) else {
                break;
            };
            words += 1;
            if word.len() <= LONGEST_MARKER {
                let lower: Vec<u8> = word.iter().map(|b| b | 0x20).collect();
                flags |= symbol_flag(word) | word_flag(&lower);
            }
        }
        Ahead(flags)
    }

    #[test]
    fn one_walk_reads_what_three_passes_read_at_every_position() {
        let mut text = crate::fixture_texts().concat();
        text.push_str(" 5 a b c d e f g h ％ 3 °C 4 m² 12 ℃ 9 % 30 kWh 2 TEUs 7 percen");
        let (mut positions, mut marked) = (0, 0);
        for (at, _) in text.char_indices() {
            let rest = &text[at..];
            assert_eq!(Ahead::of(rest), of_in_three_passes(rest), "{:?}", window(rest));
            positions += 1;
            marked += usize::from(Ahead::of(rest) != Ahead::default());
        }
        assert!(positions > 20_000 && marked > 5_000, "{positions} {marked}");
    }

    fn window(rest: &str) -> &str {
        crate::grammar::window(rest, WINDOW_BYTES)
    }

    #[test]
    fn signs_after_the_last_word_still_count() {
        let words = "a b c d e f g h";
        assert!(Ahead::of(&format!("5 {words} ％ and 3 °C")).percent());
        assert!(Ahead::of(&format!("5 {words} ％ and 3 °C")).measure_unit());
        assert!(Ahead::of(&format!("5 {words} – 7%")).percent());
        assert!(!Ahead::of(&format!("5 {words} i j percent")).percent());
    }

    #[test]
    fn markers_beyond_the_window_are_not_seen() {
        let far = format!("5 {} percent", "x ".repeat(8));
        assert!(!Ahead::of(&far).percent());
    }
}
