//! Input arguments -> the list of sources to read, and reading one as UTF-8 text.

use std::collections::VecDeque;
use std::fs;
use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};

use bulletin_facts::{Problem, ProblemKind, Skipped};
use encoding_rs::Encoding;

/// One input to read: a file, or standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Stdin,
    File(PathBuf),
}

impl Source {
    /// The name rows and messages give it: the path as given, `-` for standard input.
    pub fn name(&self) -> String {
        match self {
            Source::Stdin => "-".to_string(),
            Source::File(p) => p.display().to_string(),
        }
    }
}

/// Which files of a directory to read: a glob over the file name, or over the path below
/// the directory when the pattern holds a `/`.
pub struct Pattern {
    matcher: globset::GlobMatcher,
    by_path: bool,
    glob: String,
}

impl Pattern {
    pub fn new(glob: &str) -> Result<Pattern, String> {
        let matcher = globset::GlobBuilder::new(glob)
            .literal_separator(true)
            .build()
            .map_err(|e| format!("--glob `{glob}`: {e}"))?
            .compile_matcher();
        Ok(Pattern {
            matcher,
            by_path: glob.contains('/'),
            glob: glob.to_string(),
        })
    }

    fn matches(&self, root: &Path, path: &Path) -> bool {
        if self.by_path {
            path.strip_prefix(root).is_ok_and(|p| self.matcher.is_match(p))
        } else {
            path.file_name().is_some_and(|n| self.matcher.is_match(n))
        }
    }
}

/// The inputs of a run, and what was found on the way.
#[derive(Debug, Default)]
pub struct Inputs {
    pub sources: Vec<Source>,
    /// Arguments that cannot be read (a missing folder, a FIFO): each skips something.
    pub errors: Vec<Problem>,
    /// Entries of folders left out (a link not followed, a FIFO): nothing the user named.
    pub warnings: Vec<Problem>,
}

/// Expands the arguments: folders become their files that match `pattern` (recursively,
/// sorted). As in ripgrep, symbolic links inside folders are followed only with `follow`
/// (and then a folder already read is not read again: no link loop runs forever); FIFOs,
/// sockets and devices are never read from a folder, and refused as arguments (standard
/// input is `-`), since reading one may block for ever or never end.
pub fn expand(args: &[PathBuf], pattern: &Pattern, follow: bool) -> Inputs {
    let mut inputs = Inputs::default();
    if args.is_empty() {
        inputs.sources.push(Source::Stdin);
    }
    for arg in args {
        if arg.as_os_str() == "-" {
            inputs.sources.push(Source::Stdin);
            continue;
        }
        match fs::metadata(arg) {
            Ok(m) if m.is_dir() => {
                let mut walk = Walk {
                    root: arg,
                    pattern,
                    follow,
                    seen: std::collections::HashSet::new(),
                    found: Vec::new(),
                    passed: (0, Vec::new()),
                    inputs: &mut inputs,
                };
                walk.note_folder(&m);
                walk.folder(arg);
                let (mut found, passed) = (walk.found, walk.passed);
                if found.is_empty() {
                    inputs.errors.push(nothing_matched(arg, pattern, passed));
                }
                found.sort();
                inputs.sources.extend(found.into_iter().map(Source::File));
            }
            Ok(m) if !m.is_file() => {
                let what = format!("{}, not a file, which may never end", special_kind(&m.file_type()));
                let problem = Problem::error(ProblemKind::NotAFile, Skipped::Input, 0, 0, what)
                    .with_hint(format!("read it as standard input: `- < {}`", arg.display()));
                inputs.errors.push(problem.with_path(&arg.display().to_string()));
            }
            // A file, or a path that cannot be read: reading it says why.
            _ => inputs.sources.push(Source::File(arg.clone())),
        }
    }
    inputs
}

/// What a file that is not a regular file or a folder is, for messages.
fn special_kind(t: &fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
    }
    if t.is_symlink() {
        "a symbolic link"
    } else {
        "a special file"
    }
}

/// One folder argument being walked.
struct Walk<'a> {
    root: &'a Path,
    pattern: &'a Pattern,
    follow: bool,
    /// Folders already read (device and inode), when links are followed.
    seen: std::collections::HashSet<(u64, u64)>,
    found: Vec<PathBuf>,
    /// Files the pattern passed over: how many, and the first few.
    passed: (usize, Vec<PathBuf>),
    inputs: &'a mut Inputs,
}

/// Files named in the message of a folder where nothing matched.
const PASSED_SHOWN: usize = 3;

/// Why a folder gave no input: the pattern, and what it passed over.
fn nothing_matched(dir: &Path, pattern: &Pattern, (count, first): (usize, Vec<PathBuf>)) -> Problem {
    let glob = &pattern.glob;
    let error = |what: String| {
        Problem::error(ProblemKind::Empty, Skipped::Input, 0, 0, what).with_path(&dir.display().to_string())
    };
    if count == 0 {
        return error(format!("no file in this folder (looked for --glob '{glob}')"));
    }
    let names: Vec<String> = first
        .iter()
        .map(|p| p.strip_prefix(dir).unwrap_or(p).display().to_string())
        .collect();
    let more = if count > first.len() { ", ..." } else { "" };
    let hint = first
        .first()
        .and_then(|p| p.extension())
        .map(|x| format!("; --glob '*.{}' reads them", x.to_string_lossy()))
        .unwrap_or_default();
    error(format!(
        "no file matches --glob '{glob}': {count} other file(s) passed over ({}{more}){hint}",
        names.join(", ")
    ))
}

impl Walk<'_> {
    /// Marks a folder read; false when it was already.
    fn note_folder(&mut self, meta: &fs::Metadata) -> bool {
        match file_id(meta) {
            Some(id) if self.follow => self.seen.insert(id),
            _ => true,
        }
    }

    fn folder(&mut self, dir: &Path) {
        let entries = match fs::read_dir(dir) {
            Ok(e) => e,
            Err(e) => {
                let what = format!("cannot read directory: {e}");
                let problem = Problem::error(ProblemKind::Unreadable, Skipped::Input, 0, 0, what);
                self.inputs.errors.push(problem.with_path(&dir.display().to_string()));
                return;
            }
        };
        // Sorted: the warnings come in the same order on every run.
        let mut entries: Vec<fs::DirEntry> = entries.flatten().collect();
        entries.sort_by_key(fs::DirEntry::path);
        for entry in entries {
            let path = entry.path();
            let Ok(mut kind) = entry.file_type() else { continue };
            if kind.is_symlink() {
                if !self.follow {
                    self.warn(&path, "a symbolic link, not followed (--follow follows links)");
                    continue;
                }
                match fs::metadata(&path) {
                    Ok(m) if m.is_dir() => {
                        if self.note_folder(&m) {
                            self.folder(&path);
                        } else {
                            self.warn(&path, "a link to a folder already read (a loop); not read again");
                        }
                        continue;
                    }
                    Ok(m) => kind = m.file_type(),
                    Err(e) => {
                        self.warn(&path, &format!("a link that cannot be followed: {e}"));
                        continue;
                    }
                }
            }
            if kind.is_dir() {
                if let Ok(m) = entry.metadata() {
                    self.note_folder(&m);
                }
                self.folder(&path);
            } else if self.pattern.matches(self.root, &path) {
                if kind.is_file() {
                    self.found.push(path);
                } else {
                    self.warn(&path, &format!("{}, not a file; skipped", special_kind(&kind)));
                }
            } else {
                self.passed.0 += 1;
                if self.passed.1.len() < PASSED_SHOWN {
                    self.passed.1.push(path);
                }
            }
        }
    }

    fn warn(&mut self, path: &Path, what: &str) {
        let problem = Problem::warning(ProblemKind::NotAFile, 0, 0, what);
        self.inputs
            .warnings
            .push(problem.with_path(&path.display().to_string()));
    }
}

/// A file's device and inode, where the system has them.
pub fn file_id(meta: &fs::Metadata) -> Option<(u64, u64)> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some((meta.dev(), meta.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        None
    }
}

/// Byte offsets of a lossily decoded text back to the bytes of its source.
#[derive(Debug, Default)]
pub struct OffsetMap {
    /// (offset in the text, offset in the source) just after each replaced sequence.
    anchors: Vec<(usize, usize)>,
}

impl OffsetMap {
    /// From text offset `text` on, the text stands at source offset `source`.
    pub fn anchor(&mut self, text: usize, source: usize) {
        self.anchors.push((text, source));
    }

    /// Anchors (text, source) shifted by these offsets.
    pub fn shifted(&self, text: usize, source: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.anchors.iter().map(move |&(t, s)| (t + text, s + source))
    }

    pub fn clear(&mut self) {
        self.anchors.clear();
    }

    /// The anchors, in order.
    #[cfg(test)]
    pub fn anchors(&self) -> Vec<(usize, usize)> {
        self.anchors.clone()
    }

    /// How many anchors the map has room for.
    #[cfg(test)]
    pub fn room(&self) -> usize {
        self.anchors.capacity()
    }

    /// The source offset of a text offset (inside a U+FFFD: the byte after the bad ones).
    pub fn original(&self, offset: usize) -> usize {
        let before = self.anchors.partition_point(|&(t, _)| t <= offset);
        from_anchor(before.checked_sub(1).map(|n| self.anchors[n]), offset)
    }
}

/// The source offset of text offset `offset`, from the last anchor at or before it.
fn from_anchor(anchor: Option<(usize, usize)>, offset: usize) -> usize {
    anchor.map_or(offset, |(t, o)| o + (offset - t))
}

/// The anchors of an input's text not yet handed on in a part: a deque, so that a part
/// takes its own from the front in time of their number (a text in UTF-16 has one at
/// every character).
#[derive(Debug, Default)]
pub struct AnchorQueue {
    anchors: VecDeque<(usize, usize)>,
}

impl AnchorQueue {
    #[cfg(test)]
    pub fn anchor(&mut self, text: usize, source: usize) {
        self.anchors.push_back((text, source));
    }

    pub fn extend(&mut self, anchors: impl IntoIterator<Item = (usize, usize)>) {
        self.anchors.extend(anchors);
    }

    /// Moves the anchors of `later` (of text after this queue's) onto it.
    pub fn append(&mut self, later: &mut OffsetMap) {
        self.anchors.extend(later.anchors.drain(..));
    }

    /// The map of the text up to offset `at`, taken out (its anchors up to `at`); the
    /// queue keeps the rest, from `at` on.
    pub fn take_through(&mut self, at: usize) -> OffsetMap {
        let source = self.original(at);
        let keep = self.anchors.partition_point(|&(t, _)| t <= at);
        let taken = self.anchors.drain(..keep).collect();
        self.anchors.push_front((at, source));
        OffsetMap { anchors: taken }
    }

    /// The map of all that is left, with no more room than its anchors take.
    pub fn into_map(self) -> OffsetMap {
        let mut anchors = Vec::from(self.anchors);
        anchors.shrink_to_fit();
        OffsetMap { anchors }
    }

    /// The source offset of a text offset.
    pub fn original(&self, offset: usize) -> usize {
        let before = self.anchors.partition_point(|&(t, _)| t <= offset);
        from_anchor(before.checked_sub(1).map(|n| self.anchors[n]), offset)
    }
}

/// `bytes` with each bad sequence replaced by U+FFFD (as `String::from_utf8_lossy`), and
/// the map that keeps fact offsets pointing into the source bytes.
pub fn decode_lossy(bytes: &[u8]) -> (String, OffsetMap) {
    let mut text = String::with_capacity(bytes.len() + 16);
    let mut map = OffsetMap::default();
    let mut original = 0;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        original += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            text.push(char::REPLACEMENT_CHARACTER);
            original += chunk.invalid().len();
            map.anchors.push((text.len(), original));
        }
    }
    (text, map)
}

/// The first block read, where binary and UTF-16/32 inputs are told apart before the rest
/// is read.
pub const FIRST_BLOCK: usize = 64 << 10;

/// The problem of an input that is not read.
pub fn refusal(refused: Refused) -> Problem {
    let error = |kind, line, at, what| Problem::error(kind, Skipped::Input, line, at, what);
    match refused {
        Refused::Io(e) => error(ProblemKind::Unreadable, 0, 0, format!("cannot read: {e}")),
        Refused::Why(kind, why) => error(kind, 0, 0, why),
        Refused::Nul { line, at } => error(
            ProblemKind::NotText,
            line,
            at,
            "a NUL byte: a binary file, not text".into(),
        ),
    }
}

/// The encoding of an input that is not UTF-8, and the bytes of its byte-order mark: a
/// UTF-16 mark says it; else `--encoding` does.
pub fn legacy_encoding(first: &[u8], encoding: Option<&'static Encoding>) -> Option<(&'static Encoding, usize)> {
    match utf16_bom(first) {
        Some(true) => Some((encoding_rs::UTF_16BE, 2)),
        Some(false) => Some((encoding_rs::UTF_16LE, 2)),
        None => encoding.filter(|e| *e != encoding_rs::UTF_8).map(|e| (e, 0)),
    }
}

/// Why an input was not read.
pub enum Refused {
    Io(std::io::Error),
    Why(ProblemKind, String),
    /// A NUL byte at this line and byte: a binary file.
    Nul {
        line: usize,
        at: usize,
    },
}

impl From<std::io::Error> for Refused {
    fn from(e: std::io::Error) -> Self {
        Refused::Io(e)
    }
}

/// An input opened for reading: a file can be read again from its start.
pub enum Raw {
    File(fs::File),
    Stdin(std::io::Stdin),
}

impl Read for Raw {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match self {
            Raw::File(f) => f.read(buf),
            Raw::Stdin(s) => s.read(buf),
        }
    }
}

/// Opens a source, refusing what is not a file.
pub fn open_raw(source: &Source) -> Result<Raw, Refused> {
    match source {
        Source::Stdin => {
            let stdin = std::io::stdin();
            // A run with no input named waits here; on a terminal, say what it waits for.
            if stdin.is_terminal() {
                eprintln!(
                    "bulletin-facts: reading bulletins from standard input (the terminal); \
                     end with Ctrl-D, or name files or folders: bulletin-facts extract FILE..."
                );
            }
            Ok(Raw::Stdin(stdin))
        }
        Source::File(p) => {
            let file = fs::File::open(p)?;
            let meta = file.metadata()?;
            if meta.is_dir() {
                return Err(Refused::Why(
                    ProblemKind::Unreadable,
                    "a folder, not a file".to_string(),
                ));
            }
            if !meta.is_file() {
                let what = format!("{}, not a file", special_kind(&meta.file_type()));
                return Err(Refused::Why(ProblemKind::NotAFile, what));
            }
            Ok(Raw::File(file))
        }
    }
}

/// The first block of an input, refused when it says the input is not text we read. Its
/// vector has room for a file of up to `room` bytes and one more: read on into, it is not
/// grown (growing from empty to the block took a dozen copies). A file is read through
/// itself, into the vector's spare room as it is (through `Raw` the room was zeroed first).
pub fn first_block(input: &mut Raw, room: usize) -> Result<Vec<u8>, Refused> {
    let len = match input {
        Raw::File(f) => f.metadata().map_or(0, |m| m.len()),
        Raw::Stdin(_) => 0,
    };
    let mut first = Vec::with_capacity(usize::try_from(len).unwrap_or(room).min(room).max(FIRST_BLOCK) + 1);
    match input {
        Raw::File(f) => f.take(FIRST_BLOCK as u64).read_to_end(&mut first)?,
        Raw::Stdin(s) => s.take(FIRST_BLOCK as u64).read_to_end(&mut first)?,
    };
    not_text(&first)?;
    Ok(first)
}

/// Refuses an input whose first block says it is not text we read.
pub fn not_text(first: &[u8]) -> Result<(), Refused> {
    let why = |s: &str| Err(Refused::Why(ProblemKind::NotText, s.to_string()));
    if first.starts_with(&[0xff, 0xfe, 0, 0]) || first.starts_with(&[0, 0, 0xfe, 0xff]) {
        return why("UTF-32 text (byte-order mark), not read: convert it to UTF-8");
    }
    if utf16_bom(first).is_some() {
        return Ok(());
    }
    let Some(at) = memchr::memchr(0, first) else {
        return Ok(());
    };
    // Text in UTF-16 without a mark: a NUL in nearly every other byte, on one side only.
    let (even, odd) = first
        .iter()
        .enumerate()
        .fold((0, 0), |(e, o), (n, &b)| match (b, n % 2) {
            (0, 0) => (e + 1, o),
            (0, _) => (e, o + 1),
            _ => (e, o),
        });
    let half = first.len() / 2;
    let mostly = |n: usize| n * 10 >= half * 9;
    let few = |n: usize| n * 10 <= half;
    if first.len() >= 4 && (mostly(even) && few(odd) || mostly(odd) && few(even)) {
        return why("UTF-16 text without a byte-order mark, not read: convert it to UTF-8");
    }
    Err(nul(first, at))
}

pub fn nul(bytes: &[u8], at: usize) -> Refused {
    let line = memchr::memchr_iter(b'\n', &bytes[..at]).count() + 1;
    Refused::Nul { line, at }
}

/// Some(big endian) when the bytes start with a UTF-16 byte-order mark.
fn utf16_bom(bytes: &[u8]) -> Option<bool> {
    match bytes {
        [0xff, 0xfe, 0, 0, ..] | [0, 0, 0xfe, 0xff, ..] => None,
        [0xfe, 0xff, ..] => Some(true),
        [0xff, 0xfe, ..] => Some(false),
        _ => None,
    }
}

/// Lone carriage returns (old Mac line ends) become line breaks, and control characters
/// other than tab and line ends (with the rest of a terminal escape sequence, so that
/// `ESC[31m` is not read as 31 metres) become spaces: byte for byte, so offsets hold.
/// A warning says each, once, with where it was first seen.
fn clean(text: String) -> Result<(String, Vec<Problem>), std::string::FromUtf8Error> {
    let mut bytes = text.into_bytes();
    let cleaned = clean_bytes(&mut bytes);
    let text = String::from_utf8(bytes)?;
    let line_of = |at: usize| memchr::memchr_iter(b'\n', &text.as_bytes()[..at]).count() + 1;
    let place = |at: usize| (line_of(at), at);
    let found = cleaning_warnings(
        (cleaned.crs, cleaned.first_cr.map(place)),
        (cleaned.controls, cleaned.first_control.map(place)),
    );
    Ok((text, found))
}

/// What [`clean_bytes`] changed: how many lone CRs and control characters, and where
/// each was first seen.
#[derive(Debug, Default, Clone, Copy)]
pub struct Cleaned {
    pub crs: usize,
    pub controls: usize,
    pub first_cr: Option<usize>,
    pub first_control: Option<usize>,
}

/// The warnings of a cleaned text: how many lone CRs and control characters, each with the
/// (line, offset) where the first was seen.
pub fn cleaning_warnings(
    (crs, first_cr): (usize, Option<(usize, usize)>),
    (controls, first_control): (usize, Option<(usize, usize)>),
) -> Vec<Problem> {
    let mut warnings = Vec::new();
    if let Some((line, at)) = first_cr {
        let why = format!("{crs} line end(s) are a lone carriage return (CR); read as line breaks");
        warnings.push(Problem::warning(ProblemKind::Bytes, line, at, why));
    }
    if let Some((line, at)) = first_control {
        let why = format!("{controls} control character(s) or escape sequence(s) replaced by spaces");
        warnings.push(Problem::warning(ProblemKind::Bytes, line, at, why));
    }
    warnings
}

/// [`clean`] on bytes, in place. Valid UTF-8 stays valid; a piece of a text that ends at
/// a line break is cleaned as it would be in the whole text.
pub fn clean_bytes(bytes: &mut [u8]) -> Cleaned {
    let mut cleaned = Cleaned::default();
    if !may_need_cleaning(bytes) {
        return cleaned;
    }
    let mut at = 0;
    while let Some(next) = bytes[at..].iter().position(needs) {
        at += next;
        let b = bytes[at];
        let width = match b {
            b'\r' if bytes.get(at + 1) != Some(&b'\n') => {
                bytes[at] = b'\n';
                cleaned.crs += 1;
                cleaned.first_cr.get_or_insert(at);
                0
            }
            0x1b => escape_len(&bytes[at..]),
            0..=0x1f | 0x7f if !matches!(b, b'\t' | b'\n' | b'\r') => 1,
            // U+0080..U+009F, the C1 controls (U+0085 included: a line end nobody writes).
            0xc2 if bytes.get(at + 1).is_some_and(|c| (0x80..=0x9f).contains(c)) => 2,
            _ => 0,
        };
        if width > 0 {
            cleaned.controls += 1;
            cleaned.first_control.get_or_insert(at);
            bytes[at..at + width].fill(b' ');
        }
        at += width.max(1);
    }
    cleaned
}

/// A byte that [`clean_bytes`] may change, or that starts what it may change: a control
/// (tab and line feed aside), DEL, or the lead byte of a C1 control.
fn needs(b: &u8) -> bool {
    matches!(*b, 0..=0x1f | 0x7f | 0xc2) && !matches!(*b, b'\t' | b'\n')
}

/// Whether [`clean_bytes`] may change any byte of `bytes`: most text needs nothing.
pub fn may_need_cleaning(bytes: &[u8]) -> bool {
    // Folded without an early exit, so that it vectorizes.
    bytes.iter().fold(false, |found, b| found | needs(b))
}

/// [`clean`] on a text known to be UTF-8: checked again only when cleaning changed it.
pub fn clean_text(text: String) -> Result<(String, Vec<Problem>), std::string::FromUtf8Error> {
    if !may_need_cleaning(text.as_bytes()) {
        return Ok((text, Vec::new()));
    }
    clean(text)
}

/// [`clean`], for the tests of other modules.
#[cfg(test)]
pub fn tests_clean(text: &str) -> (String, Vec<Problem>) {
    clean(text.to_string()).unwrap_or_default()
}

/// The length of a terminal escape sequence at `bytes` (which starts with ESC): ESC `[`,
/// parameter and intermediate bytes, a final byte (CSI); ESC and one byte otherwise.
fn escape_len(bytes: &[u8]) -> usize {
    match bytes.get(1) {
        Some(b'[') => {
            let body = bytes[2..].iter().take_while(|b| (0x20..=0x3f).contains(*b)).count();
            match bytes.get(2 + body) {
                Some(0x40..=0x7e) => 3 + body,
                _ => 2 + body,
            }
        }
        Some(0x40..=0x5f) => 2,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::decode::decode;

    #[test]
    fn lone_crs_and_controls_become_line_breaks_and_spaces_byte_for_byte() {
        let text = "a\rb\r\nc\x1b[1;31mred\x1b[0m \x07bell\u{85}nel\u{a0}nbsp\x1bMx\tt\x7f";
        let (clean_text, warnings) = clean(text.to_string()).unwrap();
        assert_eq!(clean_text.len(), text.len());
        assert_eq!(clean_text, "a\nb\r\nc       red      bell  nel\u{a0}nbsp  x\tt ");
        assert_eq!(warnings.len(), 2);
        assert!(warnings[0].message.starts_with("1 line end(s)"), "{:?}", warnings[0]);
        assert_eq!((warnings[1].line, warnings[1].byte), (3, 6));
        assert!(warnings[1].message.starts_with("6 control"), "{:?}", warnings[1]);
        let plain = "plain\ttext\r\n";
        assert_eq!(clean(plain.to_string()).unwrap(), (plain.to_string(), Vec::new()));
    }

    #[test]
    fn escape_sequences_end_at_their_final_byte() {
        assert_eq!(escape_len(b"\x1b[31mx"), 5);
        assert_eq!(escape_len(b"\x1b[1;31"), 6);
        assert_eq!(escape_len(b"\x1bMx"), 2);
        assert_eq!(escape_len(b"\x1b"), 1);
        assert_eq!(escape_len(b"\x1b\xc3\xa9"), 1);
    }

    #[test]
    fn the_first_block_tells_utf16_utf32_and_binary_apart() {
        let utf16: Vec<u8> = "Exports rose".encode_utf16().flat_map(u16::to_le_bytes).collect();
        let why = |bytes: &[u8]| match not_text(bytes) {
            Ok(()) => "text".to_string(),
            Err(Refused::Why(_, why)) => why,
            Err(Refused::Nul { line, at }) => format!("binary {line} {at}"),
            Err(Refused::Io(e)) => e.to_string(),
        };
        assert!(why(&utf16).starts_with("UTF-16 text without"));
        assert!(why(&[0xff, 0xfe, 0, 0, b'a', 0, 0, 0]).starts_with("UTF-32"));
        assert_eq!(why(&[0u8; 100]), "binary 1 0");
        assert_eq!(why(b"ab\ncd\0"), "binary 2 5");
        assert_eq!(why(&[0xfe, 0xff, 0, b'a']), "text");
        assert_eq!(why(b"plain"), "text");
        // An unpaired surrogate: the decoder counts it, and read_text refuses the file
        // unless --lossy.
        let (text, _, replaced) = decode(&[0xfe, 0xff, 0, b'a', 0xd8, 0], 2, encoding_rs::UTF_16BE);
        assert_eq!((text.as_str(), replaced), ("a\u{fffd}", 1));
    }

    #[test]
    fn lossy_offsets_map_back_to_the_source_bytes() {
        let bytes = b"ab\xff\xfecd\xe2\x82 ef";
        let (text, map) = decode_lossy(bytes);
        assert_eq!(text, String::from_utf8_lossy(bytes));
        for word in ["ab", "cd", "ef"] {
            let at = text.find(word).unwrap();
            let o = map.original(at);
            assert_eq!(&bytes[o..o + 2], word.as_bytes(), "{word}");
        }
    }
}
