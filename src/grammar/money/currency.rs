//! Currencies: the signs, codes and letters written before an amount, and the words and
//! hundredths written after it.

use nom::{IResult, Parser, branch::alt, bytes::complete::tag, character::complete::char};

use crate::grammar::{fail, keyword, sp};

/// ISO 4217 codes read before a number. Codes that are also English words in capitals
/// (`ALL`, `CUP`, `TOP`, `MOP`, `MAD`, `SOS`, `TRY`, `PEN`, `GEL`, `BAM`) are left out so
/// that `ALL 70 of us` is not Albanian money. Sorted: looked up by binary search.
pub(super) const ISO_CODES: &[&str] = &[
    "AED", "AFN", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BBD", "BDT", "BGN", "BHD", "BIF", "BMD", "BND",
    "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF", "CHF", "CLP", "CNY", "COP", "CRC", "CVE", "CZK",
    "DJF", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GHS", "GIP", "GMD", "GNF", "GTQ",
    "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD", "JPY", "KES", "KGS",
    "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "LYD", "MDL", "MGA", "MKD",
    "MMK", "MNT", "MRU", "MUR", "MVR", "MWK", "MXN", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR",
    "PAB", "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK",
    "SGD", "SHP", "SLE", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS", "TMT", "TND", "TTD", "TWD", "TZS",
    "UAH", "UGX", "USD", "UYU", "UZS", "VES", "VND", "VUV", "XAF", "XCD", "XOF", "XPF", "YER", "ZAR", "ZMW", "ZWL",
];

/// The codes of `ISO_CODES` as bits, one for each of the 26^3 words of three capitals: a
/// word is told to be a code by one bit, and only a code is searched for in the list.
static ISO_CODE_BITS: [u64; 26 * 26 * 26 / 64 + 1] = {
    let mut bits = [0u64; 26 * 26 * 26 / 64 + 1];
    let mut k = 0;
    while k < ISO_CODES.len() {
        let code = ISO_CODES[k].as_bytes();
        assert!(code.len() == 3 && code[0].is_ascii_uppercase());
        assert!(code[1].is_ascii_uppercase() && code[2].is_ascii_uppercase());
        let slot = code_slot(code[0], code[1], code[2]);
        bits[slot / 64] |= 1 << (slot % 64);
        k += 1;
    }
    bits
};

/// The place of three capitals among all the words of three capitals (`AAA` first).
const fn code_slot(a: u8, b: u8, c: u8) -> usize {
    ((a - b'A') as usize * 26 + (b - b'A') as usize) * 26 + (c - b'A') as usize
}

/// `word` is a code of `ISO_CODES`.
fn is_listed_code(word: &[u8]) -> bool {
    match *word {
        [a, b, c] if a.is_ascii_uppercase() && b.is_ascii_uppercase() && c.is_ascii_uppercase() => {
            let slot = code_slot(a, b, c);
            ISO_CODE_BITS[slot / 64] >> (slot % 64) & 1 == 1
        }
        _ => false,
    }
}

/// What a bare `$` or `dollars` reads as until the run's dollar replaces it in `parse`.
pub(super) const BARE_DOLLAR: &str = "$";

/// Dollars that name their own currency: the letters before `$`, and the ISO code.
pub const PREFIXED_DOLLARS: &[(&str, &str)] = &[
    ("US", "USD"),
    ("HK", "HKD"),
    ("S", "SGD"),
    ("NT", "TWD"),
    ("A", "AUD"),
    ("AU", "AUD"),
    ("C", "CAD"),
    ("CA", "CAD"),
    ("NZ", "NZD"),
    ("R", "BRL"),
    ("MX", "MXN"),
];

/// `HK$`, `NT$`, `US$`...: a dollar named by the letters before it (`U.S.$` too), or
/// after it (`$US5 million`, `$A 3 billion`, as Australian texts write).
fn prefixed_dollar(i: &str) -> IResult<&str, &'static str> {
    if let Ok((r, _)) = tag::<_, _, nom::error::Error<&str>>("U.S.$")(i) {
        return Ok((r, "USD"));
    }
    if let Some(after) = i.strip_prefix('$') {
        let letters = after.bytes().take_while(u8::is_ascii_uppercase).count();
        let rest = &after[letters..];
        let code = PREFIXED_DOLLARS
            .iter()
            .find(|(p, _)| letters > 0 && p.len() == letters && after.starts_with(p));
        return match code {
            Some((_, c)) if !rest.starts_with(char::is_alphabetic) => Ok((rest, c)),
            _ => fail(i),
        };
    }
    let letters = i.bytes().take_while(u8::is_ascii_uppercase).count();
    let code = PREFIXED_DOLLARS
        .iter()
        .find(|(p, _)| p.len() == letters && i.starts_with(p))
        .map(|(_, c)| *c);
    match (code, i.get(letters..).and_then(|r| r.strip_prefix('$'))) {
        (Some(c), Some(r)) => Ok((r, c)),
        _ => fail(i),
    }
}

/// Currencies written with letters before the amount, as their countries write them:
/// `Rs` rupee, `RM` ringgit, `Rp` rupiah (a full stop may follow: `Rs. 90 lakh`).
pub(super) const LETTER_PREFIXES: &[(&str, &str)] = &[("Rs", "INR"), ("RM", "MYR"), ("Rp", "IDR")];

/// `letter_prefix = ("Rs" | "RM" | "Rp") ["."]`, not run into a further letter.
fn letter_prefix(i: &str) -> IResult<&str, &'static str> {
    for (p, code) in LETTER_PREFIXES {
        if let Some(r) = i.strip_prefix(p) {
            let r = r.strip_prefix('.').unwrap_or(r);
            if !r.starts_with(char::is_alphabetic) {
                return Ok((r, code));
            }
        }
    }
    fail(i)
}

/// Currency signs of other countries (`₱` peso, `₦` naira, `₺` lira, `₽` rouble, `₫` dong,
/// `₪` shekel, `₴` hryvnia).
const OTHER_SIGNS: &[(char, &str)] = &[
    ('₱', "PHP"),
    ('₦', "NGN"),
    ('₺', "TRY"),
    ('₽', "RUB"),
    ('₫', "VND"),
    ('₪', "ILS"),
    ('₴', "UAH"),
];

/// A currency sign of `OTHER_SIGNS`.
fn other_sign(i: &str) -> IResult<&str, &'static str> {
    let mut chars = i.chars();
    match chars.next().and_then(|c| OTHER_SIGNS.iter().find(|(s, _)| *s == c)) {
        Some((_, code)) => Ok((chars.as_str(), code)),
        None => fail(i),
    }
}

/// `c` is a currency sign `currency_prefix` reads.
pub fn is_currency_sign(c: char) -> bool {
    matches!(c, '₩' | '€' | '¥' | '£' | '₹') || OTHER_SIGNS.iter().any(|(s, _)| *s == c)
}

/// currency_prefix: a named dollar (`HK$`), `$` (the run's dollar), `₩` | `€` | `¥` | `£`
/// | `₹` | `Rs` | `RMB` | an ISO code. ISO codes may be glued to the number (`USD34.6 million`).
pub(super) fn currency_prefix(i: &str) -> IResult<&str, &'static str> {
    let symbol = alt((
        prefixed_dollar,
        char('$').map(|_| BARE_DOLLAR),
        char('₩').map(|_| "KRW"),
        char('€').map(|_| "EUR"),
        char('¥').map(|_| "JPY"),
        char('£').map(|_| "GBP"),
        char('₹').map(|_| "INR"),
        other_sign,
        letter_prefix,
    ));
    alt((symbol, iso_code)).parse(i)
}

/// `word` is a code `currency_prefix` reads: an ISO 4217 code of the list, or `RMB`.
pub fn is_currency_code(word: &[u8]) -> bool {
    word == b"RMB" || is_listed_code(word)
}

/// An upper-case ISO 4217 code (or `RMB`), not glued to a following letter.
fn iso_code(i: &str) -> IResult<&str, &'static str> {
    // Most candidates start with a digit or a lower-case word: three capitals first.
    if !i
        .as_bytes()
        .get(..3)
        .is_some_and(|b| b.iter().all(u8::is_ascii_uppercase))
    {
        return fail(i);
    }
    let (code, rest) = i.split_at(3);
    if rest.starts_with(|c: char| c.is_alphabetic()) {
        return fail(i);
    }
    if code == "RMB" {
        return Ok((rest, "CNY"));
    }
    // Most capitals are no code (`ICT`, `CEO`): the list is searched only for a code.
    if !is_listed_code(code.as_bytes()) {
        return fail(i);
    }
    match ISO_CODES.binary_search(&code) {
        Ok(at) => Ok((rest, ISO_CODES[at])),
        Err(_) => fail(i),
    }
}

/// Currency nouns that name no one country (`dollars`, `pesos`, `francs`...), and the
/// country adjectives that name one: `Canadian dollars` CAD, `Mexican pesos` MXN.
const NATIONAL_CURRENCIES: &[(&str, &[&str], &str)] = &[
    ("Canadian", &["dollars", "dollar"], "CAD"),
    ("Australian", &["dollars", "dollar"], "AUD"),
    ("New Zealand", &["dollars", "dollar"], "NZD"),
    ("Hong Kong", &["dollars", "dollar"], "HKD"),
    ("Singapore", &["dollars", "dollar"], "SGD"),
    ("New Taiwan", &["dollars", "dollar"], "TWD"),
    ("Taiwan", &["dollars", "dollar"], "TWD"),
    ("American", &["dollars", "dollar"], "USD"),
    ("Mexican", &["pesos", "peso"], "MXN"),
    ("Philippine", &["pesos", "peso"], "PHP"),
    ("Chilean", &["pesos", "peso"], "CLP"),
    ("Colombian", &["pesos", "peso"], "COP"),
    ("Argentine", &["pesos", "peso"], "ARS"),
    ("Swiss", &["francs", "franc"], "CHF"),
    ("Brazilian", &["reais", "real"], "BRL"),
    ("South African", &["rand"], "ZAR"),
    ("Swedish", &["kronor", "krona"], "SEK"),
    ("Norwegian", &["kroner", "krone"], "NOK"),
    ("Danish", &["kroner", "krone"], "DKK"),
    ("Pakistani", &["rupees", "rupee"], "PKR"),
    ("Sri Lankan", &["rupees", "rupee"], "LKR"),
    ("Indian", &["rupees", "rupee"], "INR"),
    ("Japanese", &["yen"], "JPY"),
    ("Chinese", &["yuan"], "CNY"),
    ("South Korean", &["won"], "KRW"),
    ("Korean", &["won"], "KRW"),
];

/// Currency nouns that name one currency wherever they stand (`won`, `ringgit`, `baht`).
const CURRENCY_NOUNS: &[(&str, &str)] = &[
    ("won", "KRW"),
    ("rupees", "INR"),
    ("rupee", "INR"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("yen", "JPY"),
    ("yuan", "CNY"),
    ("renminbi", "CNY"),
    ("pounds sterling", "GBP"),
    ("sterling", "GBP"),
    ("ringgit", "MYR"),
    ("baht", "THB"),
    ("rupiah", "IDR"),
    ("reais", "BRL"),
    ("rand", "ZAR"),
    ("zlotys", "PLN"),
    ("zloty", "PLN"),
    ("roubles", "RUB"),
    ("rubles", "RUB"),
    ("hryvnias", "UAH"),
];

/// `Canadian dollars`, `Mexican pesos`: a country adjective and its currency noun.
fn national_currency(i: &str) -> IResult<&str, &'static str> {
    let mut entries = initial_of(i).map_or(0, |l| NATIONAL_BY_INITIAL[l]);
    while entries != 0 {
        let (adjective, nouns, code) = NATIONAL_CURRENCIES[entries.trailing_zeros() as usize];
        entries &= entries - 1;
        if let Ok((r, _)) = (keyword(adjective), sp).parse(i) {
            if let Some((r, _)) = nouns.iter().find_map(|n| keyword(n)(r).ok()) {
                return Ok((r, code));
            }
        }
    }
    fail(i)
}

/// The entries of `NATIONAL_CURRENCIES` and of `CURRENCY_NOUNS` that start with each
/// letter (case folded), as bits of their places in the list: the word after an amount is
/// compared with those of its first letter only, in the list's order.
static NATIONAL_BY_INITIAL: [u32; 26] = {
    let mut firsts = [""; NATIONAL_CURRENCIES.len()];
    let mut k = 0;
    while k < firsts.len() {
        firsts[k] = NATIONAL_CURRENCIES[k].0;
        k += 1;
    }
    by_initial(&firsts)
};
static NOUNS_BY_INITIAL: [u32; 26] = {
    let mut firsts = [""; CURRENCY_NOUNS.len()];
    let mut k = 0;
    while k < firsts.len() {
        firsts[k] = CURRENCY_NOUNS[k].0;
        k += 1;
    }
    by_initial(&firsts)
};

/// For each letter, the bits of the words of `words` (at most 32, each led by an ASCII
/// letter) that start with it in any case.
const fn by_initial(words: &[&str]) -> [u32; 26] {
    assert!(words.len() <= 32);
    let mut table = [0u32; 26];
    let mut k = 0;
    while k < words.len() {
        let first = words[k].as_bytes()[0] | 0x20;
        assert!(first.is_ascii_lowercase());
        table[(first - b'a') as usize] |= 1 << k;
        k += 1;
    }
    table
}

/// The letter `i` starts with, as 0..26 (case folded); `None` at any other character.
fn initial_of(i: &str) -> Option<usize> {
    let first = *i.as_bytes().first()?;
    first.is_ascii_alphabetic().then(|| usize::from((first | 0x20) - b'a'))
}

/// currency_word after the amount: `won`, `dollars`, `US dollars`, `euros`, `yen`, `yuan`,
/// `rupees`, `Canadian dollars`, `ringgit`... (`dollars` without a country is the run's dollar).
/// The alternatives are asked in this order, each only where the word's first letter may
/// start it (`us` at a `u`, `dollars` at a `d`, the listed words at their initials).
pub(super) fn currency_word(i: &str) -> IResult<&str, &'static str> {
    let Some(initial) = initial_of(i) else {
        return fail(i);
    };
    let us = |i| alt((keyword("US"), keyword("U.S."), keyword("USD"))).parse(i);
    let dollars = |i| alt((keyword("dollars"), keyword("dollar"))).parse(i);
    if initial == usize::from(b'u' - b'a') {
        if let Ok((r, _)) = (us, sp, dollars).parse(i) {
            return Ok((r, "USD"));
        }
    }
    if NATIONAL_BY_INITIAL[initial] != 0 {
        if let Ok(read) = national_currency(i) {
            return Ok(read);
        }
    }
    if initial == usize::from(b'd' - b'a') {
        if let Ok((r, _)) = dollars(i) {
            return Ok((r, BARE_DOLLAR));
        }
    }
    let mut nouns = NOUNS_BY_INITIAL[initial];
    while nouns != 0 {
        let (word, code) = CURRENCY_NOUNS[nouns.trailing_zeros() as usize];
        nouns &= nouns - 1;
        if let Ok((r, _)) = keyword(word)(i) {
            return Ok((r, code));
        }
    }
    fail(i)
}

/// A currency's hundredth written after the amount: `cents` (of the run's dollar), `euro
/// cents`, `US cents`, `pence` (GBP).
pub(super) fn minor_unit(i: &str) -> IResult<&str, &'static str> {
    let cents = |i| alt((keyword("cents"), keyword("cent"))).parse(i);
    alt((
        (alt((keyword("US"), keyword("U.S."))), sp, cents).map(|_| "USD"),
        (alt((keyword("euro"), keyword("EUR"))), sp, cents).map(|_| "EUR"),
        alt((keyword("eurocents"), keyword("eurocent"))).map(|_| "EUR"),
        cents.map(|_| BARE_DOLLAR),
        keyword("pence").map(|_| "GBP"),
    ))
    .parse(i)
}

/// A currency written before the amount that starts with a capital: its second byte is a
/// capital, `$` or `.` (`USD`, `RMB`, `HK$`, `S$`, `U.S.$`, `RM`), or it is a letter
/// prefix (`Rs`, `Rp`). At any other capitalized word no amount starts but a number word's.
pub fn capital_currency_leads(rest: &str) -> bool {
    let second = rest.as_bytes().get(1).copied().unwrap_or(b' ');
    second.is_ascii_uppercase()
        || matches!(second, b'$' | b'.')
        || LETTER_PREFIXES.iter().any(|(p, _)| rest.starts_with(p))
}

/// Every currency the grammar reads after an amount, as written (for the tests).
#[cfg(test)]
pub(crate) fn written_after_numbers() -> Vec<String> {
    let national = NATIONAL_CURRENCIES
        .iter()
        .flat_map(|(adjective, nouns, _)| nouns.iter().map(move |n| format!("{adjective} {n}")));
    let nouns = CURRENCY_NOUNS.iter().map(|(w, _)| w.to_string());
    let others = [
        "US dollars",
        "U.S. dollars",
        "USD dollars",
        "dollars",
        "dollar",
        "US cents",
        "U.S. cents",
        "euro cents",
        "EUR cents",
        "eurocents",
        "eurocent",
        "cents",
        "cent",
        "pence",
    ];
    national
        .chain(nouns)
        .chain(others.iter().map(|w| w.to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `currency_word` as it read before its lists were filtered by first letter.
    fn currency_word_by_every_entry(i: &str) -> IResult<&str, &'static str> {
        let us = |i| alt((keyword("US"), keyword("U.S."), keyword("USD"))).parse(i);
        let dollars = |i| alt((keyword("dollars"), keyword("dollar"))).parse(i);
        let national = |i| {
            for (adjective, nouns, code) in NATIONAL_CURRENCIES {
                if let Ok((r, _)) = (keyword(adjective), sp).parse(i) {
                    if let Some((r, _)) = nouns.iter().find_map(|n| keyword(n)(r).ok()) {
                        return Ok((r, *code));
                    }
                }
            }
            fail(i)
        };
        let noun = |i| {
            CURRENCY_NOUNS
                .iter()
                .find_map(|(w, code)| keyword(w)(i).ok().map(|(r, _)| (r, *code)))
                .map_or_else(|| fail(i), Ok)
        };
        alt((
            (us, sp, dollars).map(|_| "USD"),
            national,
            dollars.map(|_| BARE_DOLLAR),
            noun,
        ))
        .parse(i)
    }

    #[test]
    fn currency_words_by_first_letter_read_what_every_entry_reads() {
        let mut text = crate::fixture_texts().concat();
        for (adjective, nouns, _) in NATIONAL_CURRENCIES {
            for n in *nouns {
                text.push_str(&format!(" 5 {adjective} {n}, 6 {} {}s", adjective.to_uppercase(), n));
            }
        }
        for (w, _) in CURRENCY_NOUNS {
            text.push_str(&format!(" 7 {w} 8 {}x 9 {}.", w.to_uppercase(), w));
        }
        text.push_str(" US dollars u.s. Dollar USD dollar dollars Éuro ñ");
        for (at, _) in text.char_indices() {
            let i = &text[at..];
            assert_eq!(currency_word(i), currency_word_by_every_entry(i), "{at}");
        }
    }

    #[test]
    fn the_code_bits_hold_the_listed_codes_only() {
        let mut listed = 0;
        for a in b'A'..=b'Z' {
            for b in b'A'..=b'Z' {
                for c in b'A'..=b'Z' {
                    let word = [a, b, c];
                    let by_search = std::str::from_utf8(&word).is_ok_and(|w| ISO_CODES.binary_search(&w).is_ok());
                    assert_eq!(is_listed_code(&word), by_search, "{word:?}");
                    listed += usize::from(by_search);
                }
            }
        }
        assert_eq!(listed, ISO_CODES.len());
        for word in [&b"usd"[..], b"US", b"USDX", b"", b"U$D", b"\xc3\x89UR"] {
            assert!(!is_listed_code(word), "{word:?}");
        }
    }

    #[test]
    fn iso_codes_are_sorted_for_the_binary_search() {
        assert!(ISO_CODES.is_sorted());
        assert_eq!(iso_code("KRW 5"), Ok((" 5", "KRW")));
        assert!(iso_code("Krw 5").is_err() && iso_code("KR").is_err() && iso_code("KRWX").is_err());
    }
}
