//! The command line: every command's options, each explained with an example.

use std::path::PathBuf;

use bulletin_facts::Kind;
use bulletin_facts::diff::Compared;
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
error, when an output cannot be written or is an input or another output (checked before anything is \
read); 130 when interrupted (the temporary output file is removed)."
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
that text), not by row number. offset, source and sentence are not compared unless asked for (--compare, \
--strict). A figure whose value or unit was edited in place is one `~` line, and a release whose title \
changed but whose date, category and figures mostly match is reported as retitled. Exit status: 0 when the tables are equal, 1 when they differ, 2 when one \
cannot be read.\n\nExamples:\n  \
bulletin-facts diff before.csv after.csv\n  \
bulletin-facts diff before.csv after.csv --strict\n  \
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

    /// Files read at once (default: every core; at most 64). The output is the same for
    /// every N. Example: `--jobs 2` on a shared machine.
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,

    /// Write every copy of a release that appears in several bulletins (same date and title,
    /// one body a prefix of the other: same release_id). By default only the first one read
    /// is written, and the summary names the others. Releases of the same date and title with
    /// other bodies are always all written, the later ones as release_id-2, -3, ...
    /// Example: `--keep-duplicates` to audit which listing pages repeat a release.
    #[arg(long)]
    pub keep_duplicates: bool,

    /// Follow symbolic links inside folders (a folder reached twice, as by a link loop, is
    /// read once). Without it they are left out, with a warning; links named on the command
    /// line are always followed. Example: `--follow` on a tree of linked archives.
    #[arg(long)]
    pub follow: bool,

    /// Read inputs that are not valid UTF-8 anyway: bad bytes become U+FFFD (with a warning
    /// naming the first one, by line and byte) instead of the file being skipped; offsets
    /// still count the file's own bytes. Example: `--lossy` on scraped pages.
    #[arg(long)]
    pub lossy: bool,

    /// The encoding of inputs that are not UTF-8, as a WHATWG label (windows-1252, latin1,
    /// iso-8859-15, shift_jis, euc-kr, gbk, big5...): decoded, with offsets still counting
    /// the file's own bytes. A UTF-16 byte-order mark always wins. Example: `--encoding
    /// windows-1252` for pages saved by old Windows tools (`€` is the byte 0x80).
    #[arg(long, value_name = "LABEL", value_parser = encoding_label)]
    pub encoding: Option<&'static encoding_rs::Encoding>,

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
    /// fields), json (one array) or xlsx (a spreadsheet file: numbers as numbers, day dates
    /// as dates, all other values and text as text cells that no spreadsheet converts, with
    /// the releases table and, with --checks, the checks as further sheets; needs -o).
    /// Also used for --releases when its file has no such extension (as csv with xlsx).
    /// Default: from the extension of -o
    /// (`.xlsx`, `.jsonl`, `.json`), else csv. Example: `--format jsonl`, `-o facts.xlsx`.
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,

    /// Also run the consistency checks (breakdowns add up, weekdays match, exports minus
    /// imports equal the stated balance, percent changes agree with their levels) and write
    /// them to FILE as CSV (release_id, check, status, detail, offsets); each mismatch and a
    /// count go to standard error. Example: `--checks checks.csv`.
    #[arg(long, value_name = "FILE")]
    pub checks: Option<PathBuf>,

    /// Also write a table of the releases read (release_id, release_date, category, title,
    /// period, period_end, source, offset, facts, warnings, copy_of) to FILE. A copy of a
    /// release read before has a row of its own, with that release's id in copy_of and 0
    /// facts when it was dropped. Its format: from its extension (.csv, .jsonl, .json), else
    /// the table's. Example: `--releases releases.csv`.
    #[arg(long, value_name = "FILE")]
    pub releases: Option<PathBuf>,

    /// CSV for opening by double-click in Excel on Windows: starts with a UTF-8 byte-order
    /// mark (without it Excel misreads ₩, € and curly quotes) and ends lines with CRLF; a
    /// cell that would start with `=`, `+`, `-`, `@`, tab or carriage return (a title
    /// `=HYPERLINK(...)`, a text `-5 percent`) gets a leading `'`, so that no spreadsheet runs
    /// it as a formula (numbers such as `-3.2` are left as they are). Plain CSV keeps every
    /// cell as read. Not for other programs, which may read the mark as part of the first
    /// column's name. Example: `--excel -o facts-for-excel.csv`.
    #[arg(long)]
    pub excel: bool,
}

/// What `extract` writes: a table in one of the streamed formats, or a workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Table(Format),
    Workbook,
}

impl ExtractArgs {
    /// What to write, or why the options do not go together.
    pub fn shape(&self) -> Result<Shape, String> {
        let by_extension = || {
            let ext = self.output.as_deref()?.extension()?.to_str()?.to_ascii_lowercase();
            match ext.as_str() {
                "xlsx" => Some(FormatArg::Xlsx),
                "jsonl" => Some(FormatArg::Jsonl),
                "json" => Some(FormatArg::Json),
                _ => None,
            }
        };
        let format = self.format.or_else(by_extension).unwrap_or(FormatArg::Csv);
        match (format, self.excel) {
            (FormatArg::Csv, false) => Ok(Shape::Table(Format::Csv)),
            (FormatArg::Csv, true) => Ok(Shape::Table(Format::ExcelCsv)),
            (FormatArg::Jsonl, false) => Ok(Shape::Table(Format::Jsonl)),
            (FormatArg::Json, false) => Ok(Shape::Table(Format::Json)),
            (FormatArg::Xlsx, false) if self.output.as_deref().is_none_or(|p| p.as_os_str() == "-") => {
                Err("an xlsx workbook is written to a file: add -o FILE.xlsx".to_string())
            }
            (FormatArg::Xlsx, false) => Ok(Shape::Workbook),
            (_, true) => Err("--excel applies to --format csv only (an xlsx file needs no --excel)".to_string()),
        }
    }

    /// The format of the --releases file: from its extension (`.csv`, `.jsonl`, `.json`),
    /// else the facts table's (`table`, CSV for a workbook).
    pub fn releases_format(&self, table: Format) -> Result<Format, String> {
        let ext = self
            .releases
            .as_deref()
            .and_then(|p| p.extension()?.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("csv") if table == Format::ExcelCsv => Ok(Format::ExcelCsv),
            Some("csv") => Ok(Format::Csv),
            Some("jsonl") => Ok(Format::Jsonl),
            Some("json") => Ok(Format::Json),
            Some("xlsx") => Err(
                "--releases writes csv, jsonl or json; in an xlsx workbook (-o FILE.xlsx) the releases are a sheet"
                    .to_string(),
            ),
            _ => Ok(table),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Csv,
    Jsonl,
    Json,
    Xlsx,
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

    /// Columns not to compare, comma-separated, besides offset, source and sentence (which
    /// move when the inputs are moved or edited, and are not compared unless asked for).
    /// Example: `--ignore subject` while the subject rules are being reworked.
    #[arg(long, value_name = "COLUMN,...", value_delimiter = ',')]
    pub ignore: Vec<String>,

    /// Compare these of the columns that are left out by default (offset, source,
    /// sentence). Example: `--compare offset` to see figures that moved in their file.
    #[arg(long, value_name = "COLUMN,...", value_delimiter = ',')]
    pub compare: Vec<String>,

    /// Compare every column, offset, source and sentence included.
    #[arg(long)]
    pub strict: bool,
}

impl CompareArgs {
    /// The columns to compare, or why a name is wrong.
    pub fn compared(&self) -> Result<Compared, String> {
        Compared::new(self.strict, &self.compare, &self.ignore)
    }
}

#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The table before a change, or `-` for standard input (either table may be).
    /// Example: `expected.csv`, or `zcat old.csv.gz | bulletin-facts diff - new.csv`.
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
    /// The snippet: a sentence or more, a whole bulletin, or `-` to read standard input
    /// (UTF-8, or UTF-16 with its byte-order mark).
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

fn encoding_label(s: &str) -> Result<&'static encoding_rs::Encoding, String> {
    super::decode::encoding_for(s)
}
