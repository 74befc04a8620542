//! The tense of a sentence: a date without its year in a sentence said of the past has
//! begun by the release date.

use super::{DateExpr, YearRef};
use crate::grammar::{Figure, Val};
use crate::words::{Shapes, has_shape, str_shapes};

/// Words that put a sentence in the future: modals, and verbs and nouns of plans and
/// forecasts (`will`, `expected`, `plans`, `forecast`, `due`, `outlook`...). (Wider than
/// `FORECAST` in `period/cues/lists.rs` on purpose: see there.)
const FUTURE_WORDS: &[&str] = &[
    "will",
    "would",
    "shall",
    "should",
    "could",
    "may",
    "might",
    "expect",
    "expects",
    "expected",
    "forecast",
    "forecasts",
    "projected",
    "projects",
    "projection",
    "projections",
    "plan",
    "plans",
    "planned",
    "scheduled",
    "due",
    "aim",
    "aims",
    "intends",
    "likely",
    "outlook",
    "target",
    "targets",
    "going",
    "upcoming",
    "coming",
    "next",
    "seen",
    "set",
    "ahead",
];

/// Past tenses: the forms of `be`, `have` and `do`, irregular past tenses of the change
/// verbs, and (tested apart) any word in `-ed`.
const PAST_WORDS: &[&str] = &[
    "was", "were", "had", "did", "rose", "fell", "grew", "shrank", "sank", "slid", "lost", "saw", "came", "went",
    "took", "made", "hit", "held",
];

/// Reporting verbs: their tense dates the saying, not what is said (`"... the August
/// deadline," an economist said`).
const REPORTING_WORDS: &[&str] = &[
    "said",
    "showed",
    "told",
    "noted",
    "added",
    "stated",
    "announced",
    "reported",
    "explained",
    "commented",
    "remarked",
    "stressed",
    "emphasized",
    "emphasised",
    "highlighted",
    "released",
    "published",
];

/// The sentence is said of the past: a past tense in it, and no word of the future.
/// Its words are its runs of ASCII letters; those of one or two letters hold neither (no
/// tense word is that short, and an `-ed` word counts from five letters), and are stepped
/// over unread. Out of line: asked only where a date lacks its year (by a release, only
/// where it is placed after the release day), and inlined it made the scan's loop bigger
/// for every sentence (measured).
#[inline(never)]
pub fn said_of_the_past(sentence: &str) -> bool {
    let mut past = false;
    let no_future = crate::words::each_long_letter_run(sentence.as_bytes(), |w| {
        let listed = tense_bits(w);
        // `May` capitalized is the month, `may` the modal.
        if listed & FUTURE != 0 && w != b"May" && w != b"MAY" {
            return false;
        }
        past = past || listed & PAST != 0 || listed & REPORTING == 0 && w.len() > 4 && ends_in_ed(w);
        true
    });
    no_future && past
}

/// A word of ASCII letters ends in `-ed`, in any case.
fn ends_in_ed(letters: &[u8]) -> bool {
    matches!(letters, [.., e, d] if e | 0x20 == b'e' && d | 0x20 == b'd')
}

/// `said_of_the_past` as it was, each run of letters read as a `&str`: the oracle.
#[cfg(test)]
fn said_of_the_past_by_runs(sentence: &str) -> bool {
    let mut past = false;
    for (start, end) in crate::words::letter_runs(sentence.as_bytes()) {
        // ASCII letters: `start..end` are character boundaries.
        let w = &sentence[start..end];
        if w.len() < 2 {
            continue;
        }
        let tense = tense_of(w);
        // `May` capitalized is the month, `may` the modal.
        if tense.future && w != "May" && w != "MAY" {
            return false;
        }
        past = past
            || tense.past
            || !tense.reporting && w.len() > 4 && w.get(w.len() - 2..).is_some_and(|e| e.eq_ignore_ascii_case("ed"));
    }
    past
}

/// What a listed word says of its sentence's tense.
#[cfg(test)]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Tense {
    future: bool,
    past: bool,
    reporting: bool,
}

/// The bits of the tense lists a word is in (`FUTURE`, `PAST`, `REPORTING`).
const FUTURE: u64 = 1;

const PAST: u64 = 2;

const REPORTING: u64 = 4;

/// The tense words, each with the bits of its lists.
static TENSE_WORDS: std::sync::LazyLock<crate::words::WordBits> = std::sync::LazyLock::new(|| {
    let listed = |list: &'static [&'static str], bit: u64| list.iter().map(move |w| (*w, bit));
    crate::words::WordBits::new(
        listed(FUTURE_WORDS, FUTURE)
            .chain(listed(PAST_WORDS, PAST))
            .chain(listed(REPORTING_WORDS, REPORTING)),
    )
});

static TENSE_SHAPES: Shapes = str_shapes(&[FUTURE_WORDS, PAST_WORDS, REPORTING_WORDS]);

/// The tense words in any ASCII case: one look-up in a table of packed words instead of
/// three list walks for every word of a sentence (no word of the lists is longer than 16
/// bytes or other than ASCII, as `WordBits` keeps them).
#[cfg(test)]
fn tense_of(word: &str) -> Tense {
    // Most words have no tense word's length and first two letters.
    if !has_shape(&TENSE_SHAPES, word.as_bytes()) {
        return Tense::default();
    }
    let bits = TENSE_WORDS.get(word);
    Tense {
        future: bits & FUTURE != 0,
        past: bits & PAST != 0,
        reporting: bits & REPORTING != 0,
    }
}

/// `tense_of` for a word of ASCII letters, as the lists' bits: its key lowered without a
/// copy.
fn tense_bits(letters: &[u8]) -> u64 {
    // Most words have no tense word's length and first two letters.
    if !has_shape(&TENSE_SHAPES, letters) {
        return 0;
    }
    crate::words::letters_key_lowered(letters).map_or(0, |key| TENSE_WORDS.get_key(&key))
}

/// A single date whose year is missing (a half or quarter of the year in context, a month
/// or day without a year), in a sentence said of the past, has begun by the release date:
/// `YearRef::Begun`, `YearRef::NearestBegun`. A span's ends are placed together
/// (`Resolver::resolve_range`), and are left alone.
/// `past` says whether the sentence is said of the past (`said_of_the_past`), asked only
/// for a date without its year: the scan reads it once per sentence, not once per date.
pub fn mark_tense(figure: &mut Figure, past: impl FnOnce() -> bool) {
    if let (Val::Date(e), None) = (&figure.value, &figure.value_end) {
        if let Some(begun) = begun_if_past(e) {
            if past() {
                figure.value = Val::Date(begun);
            }
        }
    }
}

/// What a single date becomes when its sentence is said of the past (`mark_tense`):
/// `None` when it has its year, and the tense changes nothing.
pub fn begun_if_past(e: &DateExpr) -> Option<DateExpr> {
    matches!(e.year_ref(), Some(YearRef::Context | YearRef::Nearest)).then(|| begun(*e))
}

/// A date without its year, said of the past: `Begun` or `NearestBegun`.
fn begun(e: DateExpr) -> DateExpr {
    let y = |year| match year {
        YearRef::Context => YearRef::Begun,
        YearRef::Nearest => YearRef::NearestBegun,
        other => other,
    };
    match e {
        DateExpr::Day {
            year,
            month,
            day,
            weekday,
        } => DateExpr::Day {
            year: y(year),
            month,
            day,
            weekday,
        },
        DateExpr::Quarter { year, quarter } => DateExpr::Quarter { year: y(year), quarter },
        DateExpr::Half { year, half } => DateExpr::Half { year: y(year), half },
        DateExpr::Month { year, month } => DateExpr::Month { year: y(year), month },
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;

    #[test]
    fn a_period_said_of_the_past_has_begun() {
        // The value of the first date read in `s`.
        let first_date = |s: &str| {
            crate::scan::figures(s, false)
                .into_iter()
                .find(|f| f.figure.kind == Kind::Date)
                .map(|f| f.figure.value)
        };
        let q = |year| Some(Val::Date(DateExpr::Quarter { year, quarter: 4 }));
        assert_eq!(first_date("Sales rose 2% in the fourth quarter."), q(YearRef::Begun));
        assert_eq!(
            first_date("Sales will rise in the fourth quarter."),
            q(YearRef::Context)
        );
        // No tense said: the year in context; a reporting verb dates the saying only.
        assert_eq!(first_date("Sales in the fourth quarter"), q(YearRef::Context));
        assert_eq!(
            first_date("\"Orders peak in the fourth quarter,\" she said."),
            q(YearRef::Context)
        );
        let may = |year| Some(Val::Date(DateExpr::Month { year, month: 5 }));
        assert_eq!(first_date("Curbs were imposed in May."), may(YearRef::NearestBegun));
        assert_eq!(first_date("The plant opens in May."), may(YearRef::Nearest));
        assert_eq!(first_date("Talks are set for May."), may(YearRef::Nearest));
        assert_eq!(first_date("Sales are expected to rise in Q4."), q(YearRef::Context));
        assert_eq!(first_date("Sales rose in Q4 2024."), q(YearRef::Abs(2024)));
    }

    #[test]
    fn tense_words_are_looked_up_as_the_lists_hold_them() {
        for list in [FUTURE_WORDS, PAST_WORDS, REPORTING_WORDS] {
            for w in list {
                assert!(*w == w.to_ascii_lowercase(), "{w}");
            }
        }
        let upper: Vec<String> = [FUTURE_WORDS, PAST_WORDS, REPORTING_WORDS]
            .concat()
            .iter()
            .map(|w| w.to_ascii_uppercase())
            .collect();
        let listed = upper.iter().map(String::as_str);
        for w in [
            "Will",
            "EXPECTED",
            "rose",
            "Said",
            "may",
            "pasture",
            "x",
            "outlooks",
            "",
            "s\u{e4}id",
            "wil",
            "expectedexpectedx",
        ]
        .into_iter()
        .chain(listed)
        {
            let held = |list: &[&str]| list.iter().any(|f| f.eq_ignore_ascii_case(w));
            let want = Tense {
                future: held(FUTURE_WORDS),
                past: held(PAST_WORDS),
                reporting: held(REPORTING_WORDS),
            };
            assert_eq!(tense_of(w), want, "{w}");
        }
        assert!(tense_of("WILL").future && tense_of("Fell").past && tense_of("noted").reporting);
    }

    /// `said_of_the_past` as it was before its byte walk and hashed look-up: its oracle.
    fn listed_said_of_the_past(sentence: &str) -> bool {
        let mut past = false;
        for w in sentence
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| w.len() >= 2)
        {
            let held = |list: &[&str]| list.iter().any(|f| f.eq_ignore_ascii_case(w));
            if w != "May" && w != "MAY" && held(FUTURE_WORDS) {
                return false;
            }
            past = past
                || held(PAST_WORDS)
                || !held(REPORTING_WORDS) && w.len() > 4 && w[w.len() - 2..].eq_ignore_ascii_case("ed");
        }
        past
    }

    #[test]
    fn the_tense_of_every_fixture_sentence_is_read_as_the_lists_say() {
        let text = crate::fixture_texts().concat()
            + "It Rose. They SAID it grew. Exports éxpanded. It may rise in May. Sales were NOTED. ";
        let (mut past, mut sentences) = (0, 0);
        for s in text.split(['.', '\n']) {
            assert_eq!(said_of_the_past(s), listed_said_of_the_past(s), "{s}");
            assert_eq!(said_of_the_past(s), said_of_the_past_by_runs(s), "{s}");
            past += usize::from(said_of_the_past(s));
            sentences += 1;
        }
        assert!(past > 100 && sentences > 1000, "{past} of {sentences}");
    }

    #[test]
    fn tense_bits_are_the_tense_of_a_word_of_letters() {
        let words = [FUTURE_WORDS, PAST_WORDS, REPORTING_WORDS].concat();
        let varied = words.iter().flat_map(|w| {
            [
                w.to_string(),
                w.to_ascii_uppercase(),
                format!("{w}s"),
                w[1..].to_string(),
            ]
        });
        for w in varied.chain(["May", "Pasture", "expectedexpectedx", "ed"].map(String::from)) {
            let t = tense_of(&w);
            let bit = |held: bool, bit: u64| if held { bit } else { 0 };
            let want = bit(t.future, FUTURE) | bit(t.past, PAST) | bit(t.reporting, REPORTING);
            assert_eq!(tense_bits(w.as_bytes()), want, "{w}");
        }
    }

    proptest::proptest! {
        #[test]
        fn the_tense_of_random_sentences_is_read_as_by_runs(
            words in proptest::collection::vec(
                "(will|MAY|May|may|rose|Said|noted|added|expanded|grown|Ed|ed|was|a|of|X|\\.|,|é|[a-z]{1,6}ed|[A-Za-z]{1,20})",
                0..40,
            )
        ) {
            let s = words.join(" ");
            proptest::prop_assert_eq!(said_of_the_past(&s), said_of_the_past_by_runs(&s), "{}", s);
        }
    }
}
