//! The word lists the rules test, each with its bit in `words::LISTS`.

/// Verbs that are neither direction words nor regular `-ed`/`-ing` forms.
pub(super) const VERBS: &[&str] = &[
    "hit",
    "hits",
    "post",
    "posts",
    "posted",
    "saw",
    "see",
    "sees",
    "came",
    "come",
    "comes",
    "took",
    "take",
    "takes",
    "made",
    "make",
    "makes",
    "went",
    "go",
    "goes",
    "broke",
    "break",
    "breaks",
    "achieve",
    "achieves",
    "set",
    "sets",
    "remain",
    "remains",
    "stood",
    "stand",
    "stands",
    "show",
    "shows",
    "top",
    "tops",
    "log",
    "logs",
    "account",
    "accounts",
    "reach",
    "reaches",
    "totals",
    "represent",
    "represents",
    "was",
    "were",
    "is",
    "are",
    "marked",
    "mark",
    "marks",
    "rank",
    "ranks",
    "sell",
    "sells",
    "spend",
    "spends",
    "won",
    "win",
    "wins",
    "amount",
    "amounts",
    "put",
    "puts",
    "kept",
    "keep",
    "keeps",
    "got",
    "get",
    "gets",
    "hold",
    "holds",
    "held",
    "led",
    "lead",
    "leads",
    "brought",
    "bring",
    "brings",
    "said",
    "says",
    "say",
    "reported",
    "recorded",
    "announced",
    "reached",
    "posted",
    "expects",
    "expect",
    "launches",
    "signs",
    "targets",
    "earmarks",
    // Verbs of reporting, expectation and intention: they govern a clause, never a figure.
    "seek",
    "seeks",
    "sought",
    "intend",
    "intends",
    "reflect",
    "reflects",
    "announce",
    "announces",
    "expects",
    "forecasts",
    "predict",
    "predicts",
    "anticipate",
    "anticipates",
    "indicate",
    "indicates",
    "suggest",
    "suggests",
    "believe",
    "believes",
    "continue",
    "continues",
    "judges",
    "follow",
    "follows",
    // Common irregular past tenses.
    "began",
    "became",
    "grew",
    "met",
    "gave",
    "ran",
    "sold",
    "bought",
    "paid",
    "spent",
    "sent",
    "drew",
    "told",
    "found",
];

/// Nouns of time: a phrase about one is a time phrase, not what a figure measures.
pub(super) const TIME_NOUNS: &[&str] = &[
    "day", "days", "week", "weeks", "month", "months", "quarter", "quarters", "year", "years", "period", "periods",
    "half", "time", "times", "season", "decade", "decades", "session", "meeting", "beginning", "end", "start",
];

/// Prepositions that attach a post-modifier to a noun (`deficit on goods`, `exports to
/// Korea`, `imports of oil from outside the EU`); `for` more often names a purpose
/// (`funding for 22 projects`).
pub(super) const POST_PREPS: &[&str] = &["of", "to", "into", "from", "on", "in", "with", "among"];

/// Adverbs that stand inside a verb group or before it (`is now worth`, `likewise hit`);
/// words in `-ly` are adverbs by their shape.
pub(super) const ADVERBS: &[&str] = &[
    "now", "also", "still", "already", "likewise", "thereby", "then", "again", "just", "even", "yet", "only", "once",
    "further", "together", "both", "all", "each", "not", "never", "thus", "hence", "therefore", "currently",
];

/// Words that put a figure after them as the base of a change (`up from 2.0%`,
/// `compared with $3.3 billion`, `after a decrease of 0.4%`).
pub(super) const BASE_WORDS: &[&str] = &["from", "than", "after", "against", "versus", "vs", "over"];

/// Verbs that tie a share to the part it measures (`accounted for 35% of`, `take up`,
/// `equivalent to`, `, or 32.8 percent of`).
pub(super) const SHARE_WORDS: &[&str] = &[
    "account",
    "accounts",
    "accounted",
    "accounting",
    "represent",
    "represents",
    "represented",
    "representing",
    "equivalent",
    "equal",
    "equals",
    "equalled",
    "equaled",
    "equaling",
    "contribute",
    "contributes",
    "contributed",
    "contributing",
    "constitute",
    "constitutes",
    "constituted",
    "constituting",
    "comprise",
    "comprises",
    "comprised",
    "comprising",
    "up",
    "or",
    "make",
    "makes",
    "made",
    "making",
    "take",
    "takes",
    "took",
    "taking",
];

/// Pronouns and demonstratives: a subject made of one of them names nothing by itself.
pub(super) const PRONOUNS: &[&str] = &[
    "it", "its", "this", "that", "these", "those", "they", "them", "we", "he", "she", "which", "who", "there",
    "what", "one", "i", "you", "our", "their",
];

/// Linking verbs: the phrase after them says what the subject is (`the balance stood at a
/// surplus of $8 billion` is about the balance).
pub(super) const COPULAS: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "stood", "stand", "stands", "remain", "remains", "remained",
    "became", "become", "becomes",
];

/// Direction words that are only nouns or adverbs: never the verb of a clause, even
/// capitalized in a headline.
pub(super) const NEVER_VERBS: &[&str] = &[
    "growth",
    "growths",
    "expansion",
    "improvement",
    "contraction",
    "reduction",
    "loss",
    "up",
    "down",
    "upturn",
    "downturn",
    "higher",
    "lower",
];

/// Direction words that are nouns mid-sentence (`a 5% rise`) but verbs in a headline
/// (`Exports Rise 5%`).
pub(super) const HEADLINE_VERBS: &[&str] = &[
    "cut",
    "gain",
    "gains",
    "rise",
    "rises",
    "increase",
    "increases",
    "decline",
    "declines",
    "drop",
    "drops",
    "fall",
    "falls",
    "jump",
    "surge",
    "spike",
    "hike",
    "hikes",
    "dip",
    "slump",
    "advance",
    "contract",
    "contracts",
];

/// `-ed` and `-ing` words that are adjectives or nouns in these texts.
pub(super) const NOT_PARTICIPLES: &[&str] = &[
    "funding",
    "spending",
    "shipping",
    "building",
    "marketing",
    "manufacturing",
    "processing",
    "underwriting",
    "housing",
    "clothing",
    "training",
    "banking",
    "consulting",
    "engineering",
    "financing",
    "earnings",
    "landing",
    "pricing",
    "offering",
    "opening",
    "meeting",
    "remaining",
    "leading",
    "outstanding",
    "existing",
    "upcoming",
    "following",
    "during",
    "including",
    "according",
    "regarding",
    "selected",
    "imported",
    "advanced",
    "combined",
    "related",
    "based",
    "red",
    "need",
    "speed",
    "seed",
    "feed",
    "bed",
    "hundred",
    "united",
    "limited",
    "detailed",
    "specialized",
    "integrated",
    "automated",
    "dedicated",
    "expected",
    "estimated",
    "accumulated",
    "cumulative",
    "sing",
    "king",
    "ring",
    "thing",
    "something",
    "nothing",
    "anything",
    "everything",
    "morning",
    "evening",
    "spring",
    "string",
    "bring",
    "ceiling",
    "dealing",
    "trading",
    "packaging",
    "recycling",
    "logging",
    "shopping",
    "operating",
    "emerging",
];

pub(super) const MODALS: &[&str] = &[
    "will", "would", "can", "could", "may", "might", "should", "must", "shall", "to", "has", "have", "had", "is",
    "are", "was", "were", "be", "been", "not",
];

/// Modals proper: a bare verb follows them.
pub(super) const AUX_MODALS: &[&str] = &[
    "will", "would", "can", "could", "may", "might", "should", "must", "shall",
];

/// Words after a regular `-ed`/`-ing` word that say it is not an adjective before a noun.
pub(super) const NOT_NOUNS: &[&str] = &[
    "a", "an", "the", "its", "their", "up", "down", "further", "lower", "higher", "more", "less",
];

/// Words after `to` that make it lead a place, not a verb.
pub(super) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "this", "these", "those", "all", "both", "each", "other", "some", "most",
    "many", "several", "few", "various", "any", "every", "our", "your", "his", "her", "certain", "no",
];

/// Words after which a word is a noun, not a verb.
pub(super) const ARTICLES: &[&str] = &["a", "an", "the", "its", "their", "previous", "new"];

/// Words that end a noun phrase read backwards, besides punctuation, figures and verbs.
pub(super) const BACK_STOPS: &[&str] = &[
    "that", "which", "who", "while", "whereas", "but", "as", "when", "if", "because", "since", "after", "before",
    "although", "though", "where", "so", "than", "like", "such", "will", "would", "can", "could", "may", "might",
    "should", "must", "has", "have", "had", "it", "they", "we",
];

/// Words that end a noun phrase read forwards.
pub(super) const FORWARD_STOPS: &[&str] = &[
    "to",
    "by",
    "at",
    "on",
    "with",
    "from",
    "than",
    "as",
    "and",
    "or",
    "for",
    "in",
    "which",
    "that",
    "while",
    "including",
    "during",
    "since",
    "under",
    "through",
    "over",
    "via",
    "into",
    "until",
    "compared",
    "alongside",
    "besides",
    "against",
    "amid",
    "due",
    "thanks",
    "who",
    "whose",
    "will",
    "would",
    "is",
    "are",
    "was",
    "were",
];

/// Leading words that are not part of the phrase.
pub(super) const LEAD_STRIP: &[&str] = &[
    "to",
    "and",
    "or",
    "but",
    "also",
    "only",
    "meanwhile",
    "however",
    "then",
    "moreover",
    "furthermore",
    "particular",
    "addition",
    "in",
    "of",
    "for",
    "with",
    "at",
    "on",
    "by",
    "from",
];

/// Trailing words that are not part of the phrase.
pub(super) const TAIL_STRIP: &[&str] = &[
    "also", "all", "each", "both", "still", "even", "again", "further", "have", "has", "had", "will", "would", "can",
    "could", "may", "might", "should", "must", "is", "are", "was", "were", "be", "been", "together", "and", "or",
    "the", "a", "an", "in", "of", "for", "by", "to", "with", "who",
];

/// Heads that say how a figure is measured, not what: `a total of`, `in value`, `the 10 percent mark`.
pub(super) const GENERIC: &[&str] = &[
    "growth",
    "increase",
    "rise",
    "rises",
    "falls",
    "gains",
    "drops",
    "decreases",
    "jumps",
    "objective",
    "objectives",
    "target",
    "goal",
    "decline",
    "decrease",
    "drop",
    "gain",
    "fall",
    "jump",
    "surge",
    "value",
    "values",
    "unit",
    "units",
    "volume",
    "proportion",
    "portion",
    "percentage",
    "record",
    "high",
    "low",
    "level",
    "levels",
    "total",
    "amount",
    "sum",
    "both",
    "figure",
    "time",
    "term",
    "terms",
    "rate",
    "mark",
    "threshold",
    "year",
    "years",
    "month",
    "months",
    "tune",
    "range",
    "each",
    "average",
    "basis",
    "reduction",
    "growths",
    "increases",
    "declines",
    "first",
    "half",
    "quarter",
    "contraction",
    "expansion",
    "points",
    "point",
];

/// Extra words that end the phrase before `of`/`worth` + figure (`before`).
pub(super) const BEFORE_STOPS: &[&str] = &["a", "an", "with", "of", "for", "in", "on", "by", "at", "from"];

/// Extra words that end the list item before `(` + figure (`parenthesised`).
pub(super) const PAREN_STOPS: &[&str] = &["like", "as", "than", "in"];

/// Extra words that end the phrase before a relative pronoun (`clause_subject`).
pub(super) const RELATIVE_STOPS: &[&str] = &["in", "on", "for", "with", "by", "at", "from", "into"];

/// Prepositions that can hold a number inside a noun phrase (`at 26 retailers`).
pub(super) const COUNT_PREPS: &[&str] = &["at", "from", "of", "among", "across"];

/// Words after a participle that keep it inside the noun phrase (`produced by`).
pub(super) const PASSIVE_AFTER: &[&str] = &["by", "within", "abroad", "overseas", "locally", "domestically"];

/// Prepositions, the closed class.
pub(super) const PREPOSITIONS: &[&str] = &[
    "about", "above", "across", "after", "against", "along", "amid", "among", "amongst", "around", "as", "at",
    "before", "behind", "below", "beneath", "beside", "besides", "between", "beyond", "by", "despite", "during",
    "except", "for", "from", "in", "inside", "into", "like", "near", "of", "off", "on", "onto", "outside", "over",
    "past", "per", "since", "through", "throughout", "till", "to", "toward", "towards", "under", "underneath",
    "unlike", "until", "upon", "via", "with", "within", "without", "versus", "following", "including",
    "according", "regarding",
];
