//! The command line: every command's options, each explained with an example.

use std::path::PathBuf;

use bulletin_facts::Kind;
use bulletin_facts::write::Format;
use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "bulletin-facts",
    version,
    about = "Extract every figure of press-release bulletins into one normalized facts table (CSV).",
    long_about = None,
    after_help = "Exit status: 0 when every input was read, 1 when some input or release was skipped \
(the output still holds everything else) or, for diff and check, when the tables differ; 2 on a usage \
error or when an output cannot be written."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract the facts table from bulletins.
    #[command(after_help = "Examples:\n  \
bulletin-facts extract fixtures/01_trade_monthly.txt\n  \
bulletin-facts extract bulletins/ -o facts.csv --releases releases.csv\n  \
bulletin-facts extract archive/ --glob '*.bulletin' --jobs 2 --format jsonl -o facts.jsonl\n  \
bulletin-facts extract bulletins/ --kinds money,percent --excel -o for-excel.csv\n  \
bulletin-facts extract hong-kong/ --dollar HKD -o facts.csv   # a bare $ is HK$\n  \
cat news.txt | bulletin-facts extract --anchor-date 2025-11-19 > facts.csv")]
    Extract(ExtractArgs),

    /// Compare two facts tables: facts added, removed and changed, by release.
    #[command(
        after_help = "Facts are matched by release_id + section + kind + text (+ which occurrence of \
that text), not by row number. Exit status: 0 when the tables are equal, 1 when they differ, 2 when one \
cannot be read.\n\nExamples:\n  \
bulletin-facts diff before.csv after.csv\n  \
bulletin-facts diff before.csv after.csv --ignore source,offset\n  \
bulletin-facts diff before.csv after.csv --format csv > changes.csv"
    )]
    Diff(DiffArgs),

    /// Extract and compare with an expected table in one step (for continuous integration).
    #[command(
        after_help = "Exit status: 0 when the extraction equals the expected table and every input \
was read, 1 when they differ or an input was skipped, 2 on an error.\n\nExamples:\n  \
bulletin-facts check --expected expected/facts.csv corpus/\n  \
bulletin-facts check --expected expected/facts.csv corpus/ --update   # accept the new table"
    )]
    Check(CheckArgs),

    /// Show each figure the grammar finds in a snippet, marked in its sentence.
    #[command(
        after_help = "A snippet without `-` lines is a plain document: its first line is its title, \
and its release date is the --anchor-date (unless it says `date YYYY-MM-DD`).\n\nExamples:\n  \
bulletin-facts explain 'Machinery exports rose 8.4 percent to USD 5.6 billion in October.' --anchor-date 2025-11-01\n  \
bulletin-facts explain - < snippet.txt"
    )]
    Explain(ExplainArgs),
}

/// Which inputs to read and how: shared by `extract` and `check`.
#[derive(Debug, Clone, clap::Args)]
pub struct RunArgs {
    /// Bulletin files, directories (every file matching --glob inside, recursively, in sorted
    /// order) or `-` for standard input; standard input when none is given.
    /// Example: `bulletin-facts extract 2024/ 2025/ extra.txt`.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// Which files of a directory to read, by file name (or by path below the directory when
    /// PATTERN holds a `/`). Files named on the command line are always read.
    /// Example: `--glob '*.bulletin'` or `--glob 'motir/**/*.txt'`.
    #[arg(long, value_name = "PATTERN", default_value = "*.txt")]
    pub glob: String,

    /// Release date for plain documents (no `-` separators) that carry no `date YYYY-MM-DD`;
    /// year-less dates in them are resolved against it. Example: `--anchor-date 2025-11-19`.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub anchor_date: Option<NaiveDate>,

    /// Only these kinds of figures, comma-separated (money, percent, count, ordinal,
    /// duration, quantity, date). Example: `--kinds money,percent`.
    #[arg(long, value_name = "KIND,...", value_delimiter = ',', value_parser = parse_kind)]
    pub kinds: Vec<Kind>,

    /// What a bare `$` (and `dollars` without `US`) means in these inputs, as an ISO 4217
    /// code: statistical offices outside the US write `$` for their own dollar. Default
    /// USD; `HK$`, `NT$`, `US$`... always name their own. Example: `--dollar HKD` for
    /// Hong Kong's releases.
    #[arg(long, value_name = "CODE", value_parser = parse_currency)]
    pub dollar: Option<String>,

    /// Files read at once (default: every core). The output is the same for every N.
    /// Example: `--jobs 2` on a shared machine.
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,

    /// Write every copy of a release that appears in several bulletins (same release_id).
    /// By default only the first one read is written, and the summary counts the others.
    /// Example: `--keep-duplicates` to audit which listing pages repeat a release.
    #[arg(long)]
    pub keep_duplicates: bool,

    /// Read inputs that are not valid UTF-8 anyway: bad bytes become U+FFFD (with a warning
    /// naming the first one, by line and byte) instead of the file being skipped; offsets
    /// still count the file's own bytes. Example: `--lossy` on scraped pages.
    #[arg(long)]
    pub lossy: bool,

    /// No progress bar, no warnings and no closing summary on standard error; errors (what
    /// was skipped) are still shown. Example: `-q` in a cron job.
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub run: RunArgs,

    /// Write the table to FILE instead of standard output. The file appears complete or
    /// not at all: it is written beside its final name and renamed when done.
    /// Example: `-o facts.csv`.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Table format: csv (the spec's facts.csv), jsonl (one JSON object per fact, same
    /// fields) or json (one array). Also used for --releases. Example: `--format jsonl`.
    #[arg(long, value_enum, default_value_t = FormatArg::Csv)]
    pub format: FormatArg,

    /// Also run the consistency checks (breakdowns add up, weekdays match, exports minus
    /// imports equal the stated balance, percent changes agree with their levels) and write
    /// them to FILE as CSV (release_id, check, status, detail, offsets); each mismatch and a
    /// count go to standard error. Example: `--checks checks.csv`.
    #[arg(long, value_name = "FILE")]
    pub checks: Option<PathBuf>,

    /// Also write a table of the releases read (release_id, release_date, category, title,
    /// source, offset, facts, warnings) to FILE. Example: `--releases releases.csv`.
    #[arg(long, value_name = "FILE")]
    pub releases: Option<PathBuf>,

    /// CSV for opening by double-click in Excel on Windows: starts with a UTF-8 byte-order
    /// mark (without it Excel misreads ₩, € and curly quotes) and ends lines with CRLF. Not
    /// for other programs, which may read the mark as part of the first column's name.
    /// Example: `--excel -o facts-for-excel.csv`.
    #[arg(long)]
    pub excel: bool,
}

impl ExtractArgs {
    /// The table format, or why the options do not go together.
    pub fn table_format(&self) -> Result<Format, String> {
        match (self.format, self.excel) {
            (FormatArg::Csv, false) => Ok(Format::Csv),
            (FormatArg::Csv, true) => Ok(Format::ExcelCsv),
            (FormatArg::Jsonl, false) => Ok(Format::Jsonl),
            (FormatArg::Json, false) => Ok(Format::Json),
            (_, true) => Err("--excel applies to --format csv only".to_string()),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Csv,
    Jsonl,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// For people: changes grouped by release, then counts per kind.
    Text,
    /// One row per added or removed fact and per changed column.
    Csv,
}

/// How to compare and report: shared by `diff` and `check`.
#[derive(Debug, Clone, clap::Args)]
pub struct CompareArgs {
    /// Report as text (grouped by release) or as a CSV table with the columns change,
    /// release_id, title, section, kind, text, occurrence, column, old, new.
    /// Example: `--format csv > changes.csv`.
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,

    /// Columns not to compare, comma-separated. Example: `--ignore source,offset` when the
    /// inputs moved to another folder or were edited above the figures.
    #[arg(long, value_name = "COLUMN,...", value_delimiter = ',')]
    pub ignore: Vec<String>,
}

#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The table before a change. Example: `expected.csv`.
    #[arg(value_name = "OLD.csv")]
    pub old: PathBuf,

    /// The table after it. Example: `actual.csv`.
    #[arg(value_name = "NEW.csv")]
    pub new: PathBuf,

    #[command(flatten)]
    pub compare: CompareArgs,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// The expected facts table (CSV, as written by `extract`).
    /// Example: `--expected tests/expected-facts.csv`.
    #[arg(long, value_name = "FILE")]
    pub expected: PathBuf,

    /// Replace the expected table with this extraction when they differ (or when it does
    /// not exist yet), after showing the differences; exit 0 then.
    /// Example: `--update` once a change is reviewed and accepted.
    #[arg(long)]
    pub update: bool,

    #[command(flatten)]
    pub compare: CompareArgs,

    #[command(flatten)]
    pub run: RunArgs,
}

#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    /// The snippet: a sentence or more, a whole bulletin, or `-` to read standard input.
    /// Example: `'Machinery exports rose 8.4 percent to USD 5.6 billion.'`.
    #[arg(value_name = "TEXT")]
    pub text: String,

    /// Release date of a plain snippet, for year-less and relative dates.
    /// Example: `--anchor-date 2025-11-19`.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub anchor_date: Option<NaiveDate>,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| format!("`{s}` is not a date like 2025-11-19: {e}"))
}

fn parse_currency(s: &str) -> Result<String, String> {
    let code = s.trim().to_ascii_uppercase();
    if code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(code)
    } else {
        Err(format!("`{s}` is not a currency code like HKD or CAD (three letters)"))
    }
}

fn parse_kind(s: &str) -> Result<Kind, String> {
    Kind::parse(s.trim()).ok_or_else(|| {
        let all: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
        format!("`{s}` is not a kind; the kinds are {}", all.join(", "))
    })
}
