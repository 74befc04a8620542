//! The noun phrase after a count or an ordinal: where it ends, and its words (the unit).
//!
//! ```text
//! phrase    = { modifier } head
//! token     = word | "(" ABBREV ")"          ; quotes around words are skipped, never kept
//! word      = alnum { alnum | ("-" | "&") alnum }
//! ends      = punctuation | line break | stop_word | number | possessive "'s"
//! ```
//! The word model (see `grammar-notes.md`, "Where a noun phrase ends"):
//! - stop words end a phrase before them: determiners, prepositions, conjunctions,
//!   auxiliaries, common irregular past tenses (`went`, `rose`), pronouns and relative
//!   words (`STOP`), and any number;
//! - a count's head is its first plural word (`items`, `SMRs`, `people`); a plural right
//!   after it joins it (`parts makers`), anything else ends it — so a verb after a plural
//!   noun (`buyers signed`, `startups join`) is never taken in;
//! - an ordinal's head is singular: its phrase ends before a stop word, before a lowercase
//!   `-ed` word after the first (`session hosted by`), before a later word in `s` (a verb:
//!   `Committee Marks`), after a role noun that a name follows (`Vice Minister Park`), or
//!   after a plural first word.

/// A phrase read after a number: its unit (lowercased words) and the text after its head.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase<'a> {
    pub unit: String,
    pub rest: &'a str,
}

/// Words that end a noun phrase before them.
#[rustfmt::skip]
const STOP: &[&str] = &[
    // determiners
    "a", "an", "the", "this", "that", "these", "those", "each", "every", "any", "all", "both", "its", "their", "his",
    "her", "our", "my", "your", "such", "some", "no", "another",
    // prepositions
    "of", "in", "on", "at", "to", "for", "from", "with", "by", "into", "onto", "over", "under", "across", "through",
    "throughout", "during", "between", "among", "amid", "per", "via", "including", "despite", "against", "within",
    "without", "after", "before", "since", "until", "till", "toward", "towards", "about", "around", "as", "like",
    "than", "upon", "along", "beyond", "versus", "vs", "near", "behind", "above", "below", "besides", "except",
    "excluding", "regarding", "following", "plus", "ago", "later", "earlier",
    // conjunctions
    "and", "or", "but", "nor", "while", "whereas", "because", "so", "if", "although", "though", "yet", "whether",
    "then", "respectively", "also", "only", "not", "each", "alone",
    // auxiliaries
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would", "can", "could",
    "may", "might", "must", "shall", "should", "do", "does", "did",
    // irregular past tenses and adverbs that follow a subject (`1 new substation went`)
    "went", "came", "took", "made", "began", "became", "grew", "rose", "fell", "held", "met", "left", "gave", "ran",
    "led", "built", "sold", "bought", "brought", "paid", "kept", "stood", "said", "told", "spent", "sent", "drew",
    "saw", "got", "now", "already", "still", "currently",
    // pronouns and relative words
    "who", "whom", "whose", "which", "where", "when", "what", "it", "they", "them", "we", "us", "he", "she", "i",
    "you", "there", "here",
    // spelled numbers: a new figure
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "hundred", "thousand", "million",
    "billion", "trillion",
];

/// Plural nouns without a final `s`.
const IRREGULAR_PLURALS: &[&str] = &[
    "people",
    "children",
    "men",
    "women",
    "staff",
    "personnel",
    "police",
    "cattle",
    "aircraft",
    "data",
    "media",
    "criteria",
    "livestock",
];

/// Words ending in `s` that are not plural nouns.
#[rustfmt::skip]
const NOT_PLURAL: &[&str] = &[
    "overseas", "news", "gas", "its", "this", "has", "was", "is", "as", "us", "yes", "whereas", "plus", "always",
    "perhaps", "thus", "besides", "less", "times", "sometimes", "afterwards", "towards", "across", "whereabouts",
];

/// Role nouns a personal name follows (`Vice Minister Park Il-jun`): an ordinal's phrase ends there.
const ROLES: &[&str] = &[
    "minister",
    "president",
    "chairman",
    "chairwoman",
    "chairperson",
    "director",
    "ambassador",
    "secretary",
    "commissioner",
    "governor",
    "mayor",
    "administrator",
    "ceo",
    "envoy",
    "spokesperson",
    "spokesman",
];

/// Longest phrase read before giving up: bulletins' counted phrases are short.
const MAX_WORDS: usize = 6;

/// One token of a phrase.
#[derive(Debug, Clone, Copy)]
struct Tok<'a> {
    text: &'a str,
    after: &'a str,
    /// `(SSM)`: a parenthesised abbreviation inside the phrase.
    abbrev: bool,
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '\u{201c}' | '\u{201d}' | '\u{2018}' | '\u{2019}' | '\'')
}

/// Spaces (no line break) and quote marks between words.
fn skip_gap(i: &str) -> &str {
    i.trim_start_matches(|c: char| (c.is_whitespace() && c != '\n' && c != '\r') || is_quote(c))
}

/// A word: alnum { ("-" | "&") alnum | alnum }.
fn word_len(i: &str) -> usize {
    let mut end = 0;
    let mut chars = i.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if c.is_alphanumeric() {
            end = at + c.len_utf8();
        } else if matches!(c, '-' | '&') && end == at && chars.peek().is_some_and(|(_, n)| n.is_alphanumeric()) {
            continue;
        } else {
            break;
        }
    }
    end
}

/// The next token after `i`, or `None` at punctuation, a line break or the end.
fn next_token(i: &str) -> Option<Tok<'_>> {
    // An apostrophe glued to the word before is a possessive (`countries’ leaders`).
    if i.starts_with(['\u{2019}', '\'']) {
        return None;
    }
    let g = skip_gap(i);
    if let Some(inner) = g.strip_prefix('(') {
        let n = inner
            .find(|c: char| !(c.is_ascii_uppercase() || c.is_ascii_digit() || c == '&' || c == '-'))
            .unwrap_or(inner.len());
        if n >= 2 && inner[n..].starts_with(')') {
            let len = n + 2;
            return Some(Tok {
                text: &g[..len],
                after: &g[len..],
                abbrev: true,
            });
        }
        return None;
    }
    let n = word_len(g);
    if n == 0 {
        return None;
    }
    Some(Tok {
        text: &g[..n],
        after: &g[n..],
        abbrev: false,
    })
}

/// A function word of the model (`all`, `the`, `of`...), in any case.
pub fn is_stop_word(word: &str) -> bool {
    super::in_words(STOP, word)
}

/// The token ends a phrase before it: a stop word or a number.
fn ends_phrase(tok: &Tok) -> bool {
    if tok.abbrev {
        return false;
    }
    tok.text.starts_with(|c: char| c.is_ascii_digit()) || super::in_words(STOP, tok.text)
}

/// A plural noun: irregular plurals, or a word in `s` (not `ss`, `us`, `is`, `ous`); an
/// all-capitals word (`ADAS`, `ESS`) is an abbreviation, plural only as `SMEs`, `MOUs`.
pub fn is_plural(word: &str) -> bool {
    let lower = word.to_lowercase();
    if IRREGULAR_PLURALS.contains(&lower.as_str()) {
        return true;
    }
    if NOT_PLURAL.contains(&lower.as_str()) || !word.ends_with('s') {
        return false;
    }
    // `MOUs`, `CEOs`, `EVs`: an abbreviation with a plural `s`.
    let stem = &word[..word.len() - 1];
    if stem.len() >= 2 && stem.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()) {
        return true;
    }
    let last_part = lower.rsplit('-').next().unwrap_or(&lower);
    last_part.len() >= 3 && !["ss", "us", "is"].iter().any(|e| last_part.ends_with(e))
}

fn unit_of(words: &[&str]) -> String {
    words.iter().map(|w| w.to_lowercase()).collect::<Vec<_>>().join(" ")
}

/// The counted phrase after a number: modifiers up to the first plural word, with any
/// plural right after it (`parts makers`). `None` when no plural head comes first.
pub fn plural_phrase(i: &str) -> Option<Phrase<'_>> {
    let mut words = Vec::new();
    let mut at = i;
    while words.len() < MAX_WORDS {
        let tok = next_token(at)?;
        if ends_phrase(&tok) {
            return None;
        }
        words.push(tok.text);
        at = tok.after;
        if !tok.abbrev && is_plural(tok.text) {
            while let Some(t) = next_token(at) {
                if t.abbrev || ends_phrase(&t) || !is_plural(t.text) {
                    break;
                }
                words.push(t.text);
                at = t.after;
            }
            return Some(Phrase {
                unit: unit_of(&words),
                rest: at,
            });
        }
    }
    None
}

/// The ordered (singular) phrase after an ordinal or a `1`; empty when none follows.
pub fn singular_phrase(i: &str) -> Phrase<'_> {
    // `third from the right`: a place in a photo caption.
    if let Some(p) = from_side(i) {
        return p;
    }
    let mut words: Vec<Tok> = Vec::new();
    let mut at = i;
    while words.len() < MAX_WORDS {
        let Some(tok) = next_token(at) else { break };
        if ends_phrase(&tok) {
            break;
        }
        let lower = tok.text.to_lowercase();
        let lowercase = tok.text.starts_with(|c: char| c.is_lowercase());
        if !words.is_empty() && lowercase && lower.len() > 3 && lower.ends_with("ed") {
            break; // a verb after the head: `session hosted by`
        }
        // The head is singular: a later plural-looking word is a verb (`Committee Marks`).
        if !words.is_empty() && !tok.abbrev && is_plural(tok.text) {
            break;
        }
        // An abbreviation ends no phrase, but does not start one either.
        if tok.abbrev && words.is_empty() {
            break;
        }
        words.push(tok);
        at = tok.after;
        if ROLES.contains(&lower.as_str()) || (!tok.abbrev && is_plural(tok.text)) {
            break;
        }
    }
    // A trailing abbreviation belongs to the name before it, not to the head.
    while words.last().is_some_and(|t| t.abbrev) {
        words.pop();
    }
    let rest = words.last().map_or(i, |t| t.after);
    let texts: Vec<&str> = words.iter().map(|t| t.text).collect();
    Phrase {
        unit: unit_of(&texts),
        rest,
    }
}

/// `from the right`, `from left`: where a person stands in a photo.
fn from_side(i: &str) -> Option<Phrase<'_>> {
    let t1 = next_token(i)?;
    if !t1.text.eq_ignore_ascii_case("from") {
        return None;
    }
    let mut words = vec![t1.text];
    let mut t = next_token(t1.after)?;
    if t.text.eq_ignore_ascii_case("the") {
        words.push(t.text);
        t = next_token(t.after)?;
    }
    if !(t.text.eq_ignore_ascii_case("right") || t.text.eq_ignore_ascii_case("left")) {
        return None;
    }
    words.push(t.text);
    Some(Phrase {
        unit: unit_of(&words),
        rest: t.after,
    })
}

/// The single word after a number when nothing else follows it before `and`/`or`, a comma
/// or a closing bracket: `(148 domestic and 39 overseas)`.
pub fn lone_word(i: &str) -> Option<Phrase<'_>> {
    let tok = next_token(i)?;
    if tok.abbrev || ends_phrase(&tok) || !tok.text.chars().all(char::is_alphabetic) {
        return None;
    }
    Some(Phrase {
        unit: tok.text.to_lowercase(),
        rest: tok.after,
    })
}

/// The first word after `i` (lowercased), skipping gaps; empty at punctuation.
pub fn next_word_lower(i: &str) -> String {
    next_token(i).map(|t| t.text.to_lowercase()).unwrap_or_default()
}

/// True when `i` (after a number) goes on with a word on the same line.
pub fn continues_with_word(i: &str) -> bool {
    next_token(i).is_some_and(|t| !t.abbrev)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plural(s: &str) -> Option<(String, &str)> {
        plural_phrase(s).map(|p| (p.unit, p.rest))
    }

    #[test]
    fn count_heads_end_at_the_first_plural() {
        assert_eq!(
            plural(" newly selected items were"),
            Some(("newly selected items".into(), " were"))
        );
        assert_eq!(plural(" buyers signed purchase deals").unwrap().0, "buyers");
        assert_eq!(plural(" Startups Join Smart Factory").unwrap().0, "startups");
        assert_eq!(
            plural(" state-run research institutions.").unwrap().0,
            "state-run research institutions"
        );
        assert_eq!(plural(" fuselage panels a month").unwrap().0, "fuselage panels");
        assert_eq!(plural(" auto parts makers in").unwrap().0, "auto parts makers");
        assert_eq!(plural(" overseas buyers").unwrap().0, "overseas buyers");
        assert_eq!(plural(" SMRs by 2040").unwrap().0, "smrs");
        assert_eq!(plural(" MOUs and").unwrap().0, "mous");
        assert_eq!(plural(" people attended").unwrap().0, "people");
        assert_eq!(plural(" countries’ leaders").unwrap().0, "countries");
    }

    #[test]
    fn quotes_are_skipped_and_abbreviations_kept() {
        let (unit, rest) = plural(" \u{201c}super supermarket\" (SSM) operators, and").unwrap();
        assert_eq!((unit.as_str(), rest), ("super supermarket (ssm) operators", ", and"));
    }

    #[test]
    fn no_plural_head_is_no_count() {
        assert_eq!(plural(" was awarded to"), None);
        assert_eq!(plural(" of the program rules"), None);
        assert_eq!(plural(", and"), None);
        assert_eq!(plural(" ADAS sensor"), None);
        assert_eq!(plural("\nNew items"), None);
    }

    #[test]
    fn ordinal_phrases() {
        let u = |s| singular_phrase(s).unit;
        assert_eq!(u(" Vice Minister Park Il-jun attended"), "vice minister");
        assert_eq!(u(" session hosted by the Canadian side"), "session");
        assert_eq!(u(" consecutive month in October"), "consecutive month");
        assert_eq!(
            u(" Trade Promotion Committee meeting was held"),
            "trade promotion committee meeting"
        );
        assert_eq!(u(" among its suppliers"), "");
        assert_eq!(u(", selling"), "");
        assert_eq!(u(" from the right) made"), "from the right");
        assert_eq!(u(" Partnership for Hydrogen (IPHE)"), "partnership");
        assert_eq!(u(" markets in"), "markets");
        assert_eq!(u(" new substation went online"), "new substation");
        assert_eq!(
            u(" Industrial Cooperation Committee Marks 25th"),
            "industrial cooperation committee"
        );
    }
}
