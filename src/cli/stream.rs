//! An input read a part at a time, so that memory does not grow with its size: a part is
//! whole releases, at least [`MIN_PART`] bytes of them when the input has more (the first
//! also holds what stands before them), cut before a `-` separator line. Offsets and
//! lines are the ones the whole text would give.
//!
//! A UTF-8 input is read twice: once to refuse a binary file (a NUL byte) or bad UTF-8
//! before any of its rows are written, as when inputs were read whole, and once to hand
//! on its parts. Standard input is copied to an unnamed temporary file on the first read.
//! An input of at most [`WHOLE`] bytes is read once: its bytes are kept from the first
//! reading, and its text checked as UTF-8 there only.
//! An input in another encoding is read twice too: once to refuse it for a NUL byte or a
//! byte sequence not of its encoding (but with `--lossy`), once decoded a piece at a time.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Cursor, Read, Seek, SeekFrom, Write};

use bulletin_facts::{CheckedText, Problem, ProblemKind, SeparatorLine, Skipped};
use encoding_rs::Encoding;

use super::decode::{Decoding, DecodingReader};
use super::inputs::{
    AnchorQueue, OffsetMap, Raw, Refused, Source, clean_bytes, clean_text, cleaning_warnings, decode_lossy,
    first_block, legacy_encoding, open_raw, refusal,
};

/// The most bytes handed on at a time: a longer line comes in pieces.
const PIECE: u64 = 1 << 20;

/// The bytes a piece holds at least when the input has more, in whole lines: enough that
/// what is done once per piece (decoding, cleaning, handing on) costs little per byte.
const BLOCK: usize = 64 << 10;

/// The text a part holds at least, when the input has more: whole releases, cut before a
/// separator. A part is a string of its own and a few vectors; a release at a time made
/// them an allocation or two per row of a release.
const MIN_PART: usize = 64 << 10;

/// The most one part may hold (a release, and at most [`MIN_PART`] before it; a text
/// without separators is one part): past it the rest of the input is skipped. Each
/// release's body is read up to 4 MB anyway.
pub const MAX_PART: usize = 512 << 20;

/// A part of an input's text.
#[derive(Debug)]
pub struct Part {
    pub text: String,
    /// Where the text starts in the input's text, and the number of its first line.
    pub start: usize,
    pub line: usize,
    /// Offsets of the input's text -> offsets of the source's bytes.
    pub map: OffsetMap,
    /// No text follows it.
    pub last: bool,
    /// Its separator lines, as the splitter found them: the reader need not walk every
    /// line again to find them.
    pub separators: Vec<SeparatorLine>,
}

impl Part {
    /// The source offset of an offset of this part's text.
    pub fn original(&self, offset: usize) -> usize {
        self.map.original(self.start + offset)
    }

    /// The input's line of a line of this part's text.
    pub fn line_of(&self, line: usize) -> usize {
        self.line + line.saturating_sub(1)
    }
}

/// An input being read, part by part.
pub struct Stream {
    lines: Lines,
    splitter: Splitter,
    /// The input's name, for its problems.
    name: String,
    /// The input's warnings about its bytes (bad UTF-8, lone CRs, control characters).
    warnings: Vec<Problem>,
    noted: Noted,
    done: bool,
}

/// Where the text comes from.
enum Lines {
    /// UTF-8 bytes, decoded and cleaned a piece at a time; whether the first reading
    /// found every byte valid.
    Utf8(Pieces<Box<dyn Read>>, bool),
    /// Bytes in another encoding, decoded (with the anchors that map the text's offsets
    /// back to the source's) and cleaned a piece at a time.
    Decoded(Pieces<DecodingReader<Box<dyn Read>>>),
    /// A UTF-8 text read whole: where the next piece starts, and where its line feeds are
    /// when its first reading found them.
    Whole(String, usize, Option<Vec<usize>>),
}

/// Opens an input, or says why it cannot be read.
pub fn open(source: &Source, lossy: bool, encoding: Option<&'static Encoding>) -> Result<Stream, Problem> {
    let name = source.name();
    let refused = |r| refusal(r).with_path(&name);
    let mut raw = open_raw(source).map_err(refused)?;
    let first = first_block(&mut raw, WHOLE).map_err(refused)?;
    if let Some(legacy) = legacy_encoding(&first, encoding) {
        let (replaced, again) = scan_legacy(first, raw, legacy).map_err(refused)?;
        let mut warnings = Vec::new();
        if replaced > 0 {
            let encoding = legacy.0.name();
            if !lossy {
                let what = format!("{replaced} byte sequence(s) that are not {encoding}");
                let problem = Problem::error(ProblemKind::NotText, Skipped::Input, 0, 0, what);
                return Err(problem
                    .with_hint("--lossy reads it with them replaced")
                    .with_path(&name));
            }
            let why = format!("{replaced} byte sequence(s) not {encoding} replaced by U+FFFD (--lossy)");
            warnings.push(Problem::warning(ProblemKind::Bytes, 1, 0, why));
        }
        let lines = Lines::Decoded(Pieces::new(DecodingReader::new(again, legacy)));
        return Ok(Stream::new(name, lines, warnings));
    }
    let (bad, again) = scan(first, raw).map_err(refused)?;
    let mut warnings = Vec::new();
    if let Some((line, at)) = bad {
        if !lossy {
            let problem = Problem::error(ProblemKind::NotText, Skipped::Input, line, at, "not valid UTF-8");
            return Err(problem.with_path(&name).with_hint(
                "--encoding windows-1252, or the text's own encoding, decodes it; --lossy reads it with bad bytes \
                 replaced",
            ));
        }
        let why = "not valid UTF-8; bad bytes replaced by U+FFFD (--lossy)";
        warnings.push(Problem::warning(ProblemKind::Bytes, line, at, why));
    }
    let lines = match again {
        Again::Text(text, Some(breaks)) => Lines::Whole(text, 0, Some(breaks)),
        Again::Text(text, None) => {
            let (text, found) = clean_text(text).map_err(|e| {
                Problem::error(ProblemKind::NotText, Skipped::Input, 0, 0, e.to_string()).with_path(&name)
            })?;
            warnings.extend(found);
            Lines::Whole(text, 0, None)
        }
        Again::Bytes(bytes) => Lines::Utf8(Pieces::new(Box::new(Cursor::new(bytes))), false),
        Again::Reader(reader) => Lines::Utf8(Pieces::new(reader), bad.is_none()),
    };
    Ok(Stream::new(name, lines, warnings))
}

/// An input of at most this many bytes is read once, whole, and its bytes kept: checked
/// once as UTF-8 in memory, not read again from its start and checked again.
const WHOLE: usize = PIECE as usize;

/// How an input is read after its first reading.
enum Again {
    /// From its start again: it was longer than [`WHOLE`].
    Reader(Box<dyn Read>),
    /// Read whole and valid: its text, and where its line feeds are when it needs no
    /// cleaning (else still to be cleaned).
    Text(String, Option<Vec<usize>>),
    /// Read whole, with bytes that are not UTF-8.
    Bytes(Vec<u8>),
}

/// Where something was found: its line and byte.
type LineAndByte = (usize, usize);

/// Reads a UTF-8 input once: refuses it at a NUL byte, finds its first bad byte (line and
/// offset), and gives it back: whole when it holds at most [`WHOLE`] bytes, else to be
/// read again from its start.
fn scan(first: Vec<u8>, mut raw: Raw) -> Result<(Option<LineAndByte>, Again), Refused> {
    let mut first = first;
    if read_up_to_whole(&mut first, &mut raw)? {
        return read_whole(first);
    }
    let (found, mut file) = read_once(first, raw, |input, copy| Ok(first_bad_offset(input, copy)?))?;
    let bad = placed(found, &mut file)?;
    if bad.is_some() {
        file.seek(SeekFrom::Start(0))?;
    }
    Ok((bad, Again::Reader(Box::new(file))))
}

/// Reads on from `first` (the input's first block) to [`WHOLE`] bytes and one: whether
/// that is all of it.
fn read_up_to_whole(first: &mut Vec<u8>, raw: &mut Raw) -> io::Result<bool> {
    // A file's room was made by `first_block`.
    let more = (WHOLE + 1).saturating_sub(first.len()) as u64;
    // Through the file itself, which reads into the vector's spare room as it is; through
    // `Raw` the room was zeroed first.
    match raw {
        Raw::File(f) => f.take(more).read_to_end(first)?,
        Raw::Stdin(s) => s.take(more).read_to_end(first)?,
    };
    Ok(first.len() <= WHOLE)
}

/// The first reading of an input longer than [`WHOLE`] (`first` its bytes read so far):
/// `check` reads all of it from its start, standard input being copied to an unnamed
/// temporary file as it goes; what it found, and the file to read again, at its start.
fn read_once<T>(
    first: Vec<u8>,
    raw: Raw,
    check: impl FnOnce(&mut dyn Read, Option<&mut BufWriter<File>>) -> Result<T, Refused>,
) -> Result<(T, File), Refused> {
    let (found, mut file) = match raw {
        Raw::File(mut file) => {
            file.seek(SeekFrom::Start(0))?;
            (check(&mut file, None)?, file)
        }
        Raw::Stdin(stdin) => {
            let mut copy = BufWriter::new(super::output::unnamed_temp_file("a copy of standard input")?);
            let found = check(&mut Cursor::new(first).chain(stdin), Some(&mut copy))?;
            // The bytes read so far are in the copy (all of them, unless a NUL stopped it).
            (found, copy.into_inner().map_err(|e| e.into_error())?)
        }
    };
    file.seek(SeekFrom::Start(0))?;
    Ok((found, file))
}

/// [`scan`] of an input held whole: refused at a NUL byte, else its text when it is
/// UTF-8 (checked here, once), else its bytes and the line and offset of the first bad one.
fn read_whole(bytes: Vec<u8>) -> Result<(Option<LineAndByte>, Again), Refused> {
    // Most inputs: one reading says they are text, and whether they need cleaning.
    let bytes = match CheckedText::from_bytes(bytes) {
        // Cleaning may make lone carriage returns line breaks: then they are found after it.
        Ok(checked) => {
            let breaks = (!checked.may_hold_controls).then_some(checked.line_feeds);
            return Ok((None, Again::Text(checked.text, breaks)));
        }
        Err(bytes) => bytes,
    };
    if let Some(at) = memchr::memchr(0, &bytes) {
        let line = line_at(&mut Cursor::new(&bytes), at)?;
        return Err(Refused::Nul { line, at });
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok((None, Again::Text(text, None))),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let bad = placed(Found::Bad(at), &mut Cursor::new(&bytes))?;
            Ok((bad, Again::Bytes(bytes)))
        }
    }
}

/// [`scan`] of an input in another encoding (with the bytes of its byte-order mark): refuses
/// it at a NUL byte (but UTF-16, which holds them), counts the byte sequences that are not
/// of its encoding, and gives it back to be read again from its start (held, when it holds
/// at most [`WHOLE`] bytes).
fn scan_legacy(
    first: Vec<u8>,
    mut raw: Raw,
    legacy: (&'static Encoding, usize),
) -> Result<(usize, Box<dyn Read>), Refused> {
    let mut first = first;
    if read_up_to_whole(&mut first, &mut raw)? {
        let replaced = check_legacy(&first[..], None, legacy)?;
        return Ok((replaced, Box::new(Cursor::new(first))));
    }
    let (replaced, file) = read_once(first, raw, |input, copy| check_legacy(input, copy, legacy))?;
    Ok((replaced, Box::new(file)))
}

/// Reads every byte (copying it to `copy`), decoding it as `encoding` (its first `skip`
/// bytes a byte-order mark): the number of byte sequences not of the encoding; refused at
/// a NUL byte but in UTF-16 (only UTF-16 has a mark to skip), which holds them.
fn check_legacy<R: Read>(
    reader: R,
    copy: Option<&mut BufWriter<File>>,
    (encoding, skip): (&'static Encoding, usize),
) -> Result<usize, Refused> {
    let utf16 = skip > 0;
    let (mut text, mut map) = (String::new(), OffsetMap::default());
    let mut decoding = Decoding::new(encoding, skip, &mut map);
    let mut line = 1;
    let nul = read_chunks(reader, copy, |chunk, offset| {
        if !utf16 {
            if let Some(at) = memchr::memchr(0, chunk) {
                let line = line + memchr::memchr_iter(b'\n', &chunk[..at]).count();
                return Some(Refused::Nul { line, at: offset + at });
            }
            line += memchr::memchr_iter(b'\n', chunk).count();
        }
        decoding.feed(chunk, &mut text, &mut map);
        text.clear();
        map.clear();
        None
    })?;
    if let Some(refused) = nul {
        return Err(refused);
    }
    decoding.finish(&mut text);
    Ok(decoding.replaced)
}

/// What the first reading of an input found: nothing wrong, the offset of its first byte
/// that is not UTF-8, or of a NUL byte.
#[derive(Debug, PartialEq, Eq)]
enum Found {
    Clean,
    Bad(usize),
    Nul(usize),
}

/// What was found, with its line, counted by reading `source` (the input from its start)
/// again up to it: only for an input found wrong, so that a clean one has its lines
/// counted by nobody on this first reading.
fn placed(found: Found, source: &mut impl Read) -> Result<Option<LineAndByte>, Refused> {
    match found {
        Found::Clean => Ok(None),
        Found::Bad(at) => Ok(Some((line_at(source, at)?, at))),
        Found::Nul(at) => Err(Refused::Nul {
            line: line_at(source, at)?,
            at,
        }),
    }
}

/// The line of byte `at` of what `source` reads: one more than the line breaks before it.
fn line_at(source: &mut impl Read, at: usize) -> io::Result<usize> {
    let mut reader = BufReader::with_capacity(PIECE as usize, source.take(at as u64));
    let mut breaks = 0;
    loop {
        let chunk = reader.fill_buf()?;
        if chunk.is_empty() {
            return Ok(breaks + 1);
        }
        breaks += memchr::memchr_iter(b'\n', chunk).count();
        let n = chunk.len();
        reader.consume(n);
    }
}

/// Reads every byte (copying it to `copy`), in the reader's own buffer: the offset of the
/// first byte that is not UTF-8, or of a NUL byte (which stops the reading).
fn first_bad_offset<R: Read>(reader: R, copy: Option<&mut BufWriter<File>>) -> io::Result<Found> {
    let (mut bad, mut end) = (None, 0);
    let mut cut = CutChar::default();
    let nul = read_chunks(reader, copy, |chunk, offset| {
        if let Some(at) = memchr::memchr(0, chunk) {
            return Some(offset + at);
        }
        if bad.is_none() {
            bad = match cut.check(chunk) {
                Some(Bad::BeforeChunk(back)) => Some(offset - back),
                Some(Bad::At(at)) => Some(offset + at),
                None => None,
            };
        }
        end = offset + chunk.len();
        None
    })?;
    if let Some(at) = nul {
        return Ok(Found::Nul(at));
    }
    // A character cut by the end of the input.
    if bad.is_none() && cut.len > 0 {
        bad = Some(end - cut.len);
    }
    Ok(bad.map_or(Found::Clean, Found::Bad))
}

/// Reads every byte in the reader's own buffer, a chunk at a time, each copied to `copy`
/// first: `each` is given each chunk and its offset, and stops the reading with a result.
fn read_chunks<R: Read, T>(
    reader: R,
    mut copy: Option<&mut BufWriter<File>>,
    mut each: impl FnMut(&[u8], usize) -> Option<T>,
) -> io::Result<Option<T>> {
    let mut reader = BufReader::with_capacity(PIECE as usize, reader);
    let mut offset = 0;
    loop {
        let chunk = reader.fill_buf()?;
        if chunk.is_empty() {
            return Ok(None);
        }
        if let Some(copy) = copy.as_mut() {
            copy.write_all(chunk)?;
        }
        if let Some(stop) = each(chunk, offset) {
            return Ok(Some(stop));
        }
        let n = chunk.len();
        offset += n;
        reader.consume(n);
    }
}

/// The first bytes of a character that a chunk of the input ends in the middle of.
#[derive(Default)]
struct CutChar {
    bytes: [u8; 4],
    len: usize,
}

/// Where a chunk's first bad byte is: in the character cut at its start (that many bytes
/// before it), or in it.
#[derive(Debug, PartialEq, Eq)]
enum Bad {
    BeforeChunk(usize),
    At(usize),
}

impl CutChar {
    /// The first bad byte of `chunk`, read after the character cut before it; keeps the
    /// start of a character `chunk` cuts at its end.
    fn check(&mut self, chunk: &[u8]) -> Option<Bad> {
        let mut from = 0;
        if self.len > 0 {
            // The cut character's lead byte says its length.
            let width = match self.bytes[0] {
                0xC0..=0xDF => 2,
                0xE0..=0xEF => 3,
                _ => 4,
            };
            let take = (width - self.len).min(chunk.len());
            let back = self.len;
            // A byte other than a continuation byte (a line break) ends it bad at once.
            if !chunk[..take].iter().all(|b| (0x80..0xC0).contains(b)) {
                self.len = 0;
                return Some(Bad::BeforeChunk(back));
            }
            self.bytes[self.len..self.len + take].copy_from_slice(&chunk[..take]);
            self.len += take;
            if self.len < width {
                return None; // still cut: a chunk shorter than the rest of it
            }
            self.len = 0;
            if std::str::from_utf8(&self.bytes[..width]).is_err() {
                return Some(Bad::BeforeChunk(back));
            }
            from = take;
        }
        let rest = &chunk[from..];
        match std::str::from_utf8(rest) {
            Ok(_) => None,
            Err(e) if e.error_len().is_none() => {
                let tail = &rest[e.valid_up_to()..];
                self.bytes[..tail.len()].copy_from_slice(tail);
                self.len = tail.len();
                None
            }
            Err(e) => Some(Bad::At(from + e.valid_up_to())),
        }
    }
}

/// Lone CRs and control characters made line breaks and spaces: how many, and the line
/// and offset of the first.
#[derive(Debug, Default)]
struct Noted {
    crs: (usize, Option<(usize, usize)>),
    controls: (usize, Option<(usize, usize)>),
}

impl Stream {
    fn new(name: String, lines: Lines, warnings: Vec<Problem>) -> Self {
        Stream {
            name,
            lines,
            splitter: Splitter {
                line: 1,
                min_part: MIN_PART,
                ..Splitter::default()
            },
            warnings,
            noted: Noted::default(),
            done: false,
        }
    }

    /// The next part, none past the last; an error (I/O, or a part over [`MAX_PART`])
    /// skips the rest of the input.
    pub fn next_part(&mut self) -> Result<Option<Part>, Problem> {
        loop {
            if let Some(part) = self.splitter.ready.pop_front() {
                return Ok(Some(part));
            }
            if self.done {
                return Ok(None);
            }
            let more = match self.read_piece() {
                Ok(more) => more,
                Err(e) => {
                    self.done = true;
                    return Err(self.error(ProblemKind::Unreadable, format!("cannot read: {e}")));
                }
            };
            if !more {
                self.done = true;
                return Ok(Some(self.splitter.finish()));
            }
            if self.splitter.text.len() > MAX_PART {
                self.done = true;
                return Err(self.error(
                    ProblemKind::TooLong,
                    format!(
                        "a release of more than {} MB (or as much text without a `-` separator line), the most \
                         one release may hold",
                        MAX_PART >> 20
                    ),
                ));
            }
        }
    }

    /// An error at the start of the part being read.
    fn error(&self, kind: ProblemKind, why: String) -> Problem {
        let s = &self.splitter;
        Problem::error(kind, Skipped::Rest, s.line, s.map.original(s.start), why).with_path(&self.name)
    }

    /// Hands the next piece of text to the splitter; false at the end.
    fn read_piece(&mut self) -> io::Result<bool> {
        // A piece of bytes to clean and hand on: where the pieces read so far end in the
        // source, and whether it is valid UTF-8 (as the first reading found it).
        let (piece, offset, valid) = match &mut self.lines {
            Lines::Whole(text, at, breaks) => {
                let from = *at;
                if from >= text.len() {
                    return Ok(false);
                }
                // Up to the first line end a piece's length on.
                let to = text
                    .as_bytes()
                    .get(from + PIECE as usize..)
                    .and_then(|rest| memchr::memchr(b'\n', rest))
                    .map_or(text.len(), |n| from + PIECE as usize + n + 1);
                match breaks {
                    // The piece's line feeds, as offsets in it.
                    Some(breaks) => {
                        let (first, end) = (
                            breaks.partition_point(|&b| b < from),
                            breaks.partition_point(|&b| b < to),
                        );
                        let within = breaks.get(first..end).unwrap_or_default();
                        self.splitter
                            .push_lines(&text[from..to], within.iter().map(|&b| b - from));
                    }
                    None => self.splitter.push(&text[from..to]),
                }
                *at = to;
                return Ok(true);
            }
            Lines::Utf8(pieces, valid) => {
                if !pieces.next()? {
                    return Ok(false);
                }
                (&mut pieces.piece, pieces.offset, *valid)
            }
            Lines::Decoded(pieces) => {
                let more = pieces.next()?;
                // At the end too: a text of no bytes still starts after the byte-order mark.
                pieces.reader.move_anchors(&mut self.splitter.map);
                if !more {
                    return Ok(false);
                }
                (&mut pieces.piece, pieces.offset, true)
            }
        };
        let text_at = self.splitter.end();
        let source_at = offset - piece.len();
        let mut decoded;
        let (text, cleaned) = if valid {
            // Cleaning makes ASCII bytes and C1 controls ASCII: valid text stays
            // valid, so it is cleaned first and checked once.
            let cleaned = clean_bytes(piece);
            (std::str::from_utf8(piece).map_err(|_| &piece[..]), cleaned)
        } else {
            let text = match std::str::from_utf8(piece) {
                Ok(_) => piece,
                Err(_) => {
                    // Bad bytes (the first read refused them without --lossy) become
                    // U+FFFD.
                    let (text, map) = decode_lossy(piece);
                    self.splitter.map.extend(map.shifted(text_at, source_at));
                    decoded = text.into_bytes();
                    &mut decoded
                }
            };
            let cleaned = clean_bytes(text);
            (std::str::from_utf8(text).map_err(|_| &text[..]), cleaned)
        };
        // Cleaning keeps UTF-8 valid, and a text found valid is read again only
        // if it changed since: the lossy reading only guards the impossible.
        let text = match text {
            Ok(text) => std::borrow::Cow::Borrowed(text),
            Err(bytes) => String::from_utf8_lossy(bytes),
        };
        if cleaned.first_cr.or(cleaned.first_control).is_some() {
            let first_line = self.splitter.line + self.splitter.newlines;
            let place = |at: usize| {
                let line = first_line + memchr::memchr_iter(b'\n', &text.as_bytes()[..at]).count();
                (line, text_at + at)
            };
            let noted = &mut self.noted;
            noted.crs.0 += cleaned.crs;
            noted.controls.0 += cleaned.controls;
            noted.crs.1 = noted.crs.1.or(cleaned.first_cr.map(place));
            noted.controls.1 = noted.controls.1.or(cleaned.first_control.map(place));
        }
        self.splitter.push(&text);
        Ok(true)
    }

    /// The input's warnings about its bytes, once every part has been read.
    pub fn warnings(&mut self) -> Vec<Problem> {
        let mut warnings = std::mem::take(&mut self.warnings);
        let noted = std::mem::take(&mut self.noted);
        warnings.extend(cleaning_warnings(noted.crs, noted.controls));
        for w in &mut warnings {
            w.path.clone_from(&self.name);
        }
        warnings
    }
}

/// An input's bytes in pieces of whole lines, about [`BLOCK`] bytes each (a line longer
/// than [`PIECE`] is cut at a character's end), so that each can be decoded and cleaned on
/// its own.
struct Pieces<R> {
    /// Read straight into `piece`: through a buffer of its own, every byte was copied once
    /// more.
    reader: R,
    piece: Vec<u8>,
    /// The bytes after the last line end of the last piece (or of a character it cut).
    carry: Vec<u8>,
    /// Bytes handed on so far, the current piece's included.
    offset: usize,
}

impl<R: Read> Pieces<R> {
    fn new(reader: R) -> Self {
        Pieces {
            reader,
            piece: Vec::new(),
            carry: Vec::new(),
            offset: 0,
        }
    }

    /// Reads the next piece into `piece`; false at the end.
    fn next(&mut self) -> io::Result<bool> {
        self.piece.clear();
        self.piece.append(&mut self.carry);
        let limit = PIECE as usize;
        let mut last_end = memchr::memrchr(b'\n', &self.piece);
        let mut end_of_input = false;
        while !(self.piece.len() >= BLOCK && last_end.is_some()) && self.piece.len() < limit {
            // Up to `BLOCK` bytes; past it (a line longer than that), another block, up
            // to `PIECE` in all. What follows the last line end is carried below.
            let len = self.piece.len();
            let want = if len < BLOCK {
                BLOCK - len
            } else {
                BLOCK.min(limit - len)
            };
            self.piece.reserve(want);
            if (&mut self.reader).take(want as u64).read_to_end(&mut self.piece)? == 0 {
                end_of_input = true;
                break;
            }
            if let Some(n) = memchr::memrchr(b'\n', &self.piece[len..]) {
                last_end = Some(len + n);
            }
        }
        if !end_of_input {
            match last_end {
                // The line begun after the last line end waits for the next piece.
                Some(at) => self.carry = self.piece.split_off(at + 1),
                // A line of `PIECE` bytes and more: cut at a character's end.
                None => {
                    if let Err(e) = std::str::from_utf8(&self.piece) {
                        if e.error_len().is_none() && e.valid_up_to() > 0 {
                            self.carry = self.piece.split_off(e.valid_up_to());
                        }
                    }
                }
            }
        }
        self.offset += self.piece.len();
        Ok(!self.piece.is_empty())
    }
}

/// Whether a line that starts with this byte may be a separator (`-` alone between white
/// space): most lines start with another ASCII character, and are passed over on it.
fn may_separate(first: u8) -> bool {
    !first.is_ascii() || matches!(first, b'-' | b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r')
}

/// Cuts text into parts before a separator line (not the first, and not before the part
/// holds `min_part` bytes), holding the part being read.
#[derive(Debug, Default)]
struct Splitter {
    text: String,
    /// Where `text` starts in the input's text, and its first line.
    start: usize,
    line: usize,
    /// Line ends in `text`, and where its last line (not yet ended) starts.
    newlines: usize,
    line_start: usize,
    /// `text` holds a separator line.
    has_separator: bool,
    /// The separator lines in `text`.
    separators: Vec<SeparatorLine>,
    /// The text a part holds at least before it is cut at a separator (0: every
    /// separator but the first cuts).
    min_part: usize,
    /// Offsets of the input's text -> the source's, from `start` on.
    map: AnchorQueue,
    ready: VecDeque<Part>,
}

impl Splitter {
    /// Where the text read so far ends, in the input's text.
    fn end(&self) -> usize {
        self.start + self.text.len()
    }

    /// Adds a piece of the text. Only a line that may be a separator is looked at (and the
    /// text up to it copied first); the rest is copied in one run.
    fn push(&mut self, piece: &str) {
        self.push_lines(piece, memchr::memchr_iter(b'\n', piece.as_bytes()));
    }

    /// [`Splitter::push`] told where the piece's line feeds are (in order): a text's
    /// first reading found them, its lines need not be searched again.
    fn push_lines(&mut self, piece: &str, breaks: impl Iterator<Item = usize>) {
        let bytes = piece.as_bytes();
        // `piece[..copied]` is in `text`; the line being read starts at `line` of the piece
        // (at 0 it may have begun in an earlier piece, at `line_start`).
        let (mut copied, mut line) = (0, 0);
        for at in breaks {
            let end = at + 1;
            let first = match self.text.as_bytes().get(self.line_start) {
                Some(&b) if line == 0 => b,
                _ => bytes[line],
            };
            if may_separate(first) {
                self.text.push_str(&piece[copied..end]);
                copied = end;
                if line > 0 {
                    self.line_start = self.text.len() - (end - line);
                }
                self.line_ended(self.text.len());
            }
            self.newlines += 1;
            line = end;
        }
        self.text.push_str(&piece[copied..]);
        if line > 0 {
            self.line_start = self.text.len() - (bytes.len() - line);
        }
    }

    /// Cuts before the line at `line_start..end` when it is a separator and the part has
    /// one.
    fn line_ended(&mut self, end: usize) {
        let line = &self.text[self.line_start..end];
        let line = line.strip_suffix('\n').unwrap_or(line);
        let line = line.strip_suffix('\r').unwrap_or(line);
        // A byte-order mark belongs to no line (the reader's rule).
        let line = match line.strip_prefix('\u{feff}') {
            Some(rest) if self.start + self.line_start == 0 => rest,
            _ => line,
        };
        if line.trim() != "-" {
            return;
        }
        if self.has_separator && self.line_start >= self.min_part {
            self.cut();
        }
        self.has_separator = true;
        self.separators.push(SeparatorLine {
            start: self.line_start,
            line: self.newlines + 1,
        });
    }

    /// Hands on the text before the last line as a part.
    fn cut(&mut self) {
        let at = self.line_start;
        let end = self.start + at;
        // The next part is likely about as long as this one: room for it at once, and a
        // quarter more (a part a little longer grew by doubling, copying all it held).
        let mut rest = String::with_capacity(self.text.len() + self.text.len() / 4);
        rest.push_str(&self.text[at..]);
        self.text.truncate(at);
        let part = Part {
            text: std::mem::replace(&mut self.text, rest),
            start: self.start,
            line: self.line,
            map: self.map.take_through(end),
            last: false,
            separators: std::mem::take(&mut self.separators),
        };
        self.ready.push_back(part);
        self.start = end;
        self.line += self.newlines;
        self.newlines = 0;
        self.line_start = 0;
    }

    /// The last part: the text left, its last line (with no line end) looked at too.
    fn finish(&mut self) -> Part {
        if self.line_start < self.text.len() {
            self.line_ended(self.text.len());
        }
        if let Some(part) = self.ready.pop_front() {
            // The last line was a separator: the part before it first, then the last.
            let last = self.take_last();
            self.ready.push_back(last);
            return part;
        }
        self.take_last()
    }

    fn take_last(&mut self) -> Part {
        Part {
            text: std::mem::take(&mut self.text),
            start: self.start,
            line: self.line,
            map: std::mem::take(&mut self.map).into_map(),
            last: true,
            separators: std::mem::take(&mut self.separators),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that hands on at most `step` bytes a read: chunks cut anywhere.
    struct Trickle<'a>(&'a [u8], usize);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = self.1.min(buf.len()).min(self.0.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    /// The first bad byte of a whole text, with its line: the oracle.
    fn bad_in_whole(bytes: &[u8]) -> Option<LineAndByte> {
        let at = std::str::from_utf8(bytes).err()?.valid_up_to();
        Some((memchr::memchr_iter(b'\n', &bytes[..at]).count() + 1, at))
    }

    #[test]
    fn the_first_bad_byte_is_found_wherever_the_chunks_are_cut() {
        let texts: [&[u8]; 9] = [
            "plain\ntext\n".as_bytes(),
            "caf\u{e9} \u{20ac}5 \u{1f600}\n\u{2212}3".as_bytes(),
            b"ab\n\xe2\x82 5\n",
            b"ab\xe2\n\xac",
            b"\xe0\x80\x80 overlong",
            b"\xf0\x9f\x98",
            b"ok\n\xff\n\xc3",
            b"\xc3\xa9\xc3",
            b"\xed\xa0\x80 surrogate",
        ];
        for bytes in texts {
            for step in 1..=5 {
                let found = first_bad_offset(Trickle(bytes, step), None).unwrap();
                let got = placed(found, &mut Cursor::new(bytes)).map_err(|_| ()).unwrap();
                assert_eq!(got, bad_in_whole(bytes), "{bytes:?} in chunks of {step}");
            }
        }
    }

    #[test]
    fn a_nul_byte_is_refused_at_its_line_and_byte() {
        for step in [1, 3, 100] {
            let bytes = b"one\ntwo\x00 three\n\xff";
            let found = first_bad_offset(Trickle(bytes, step), None).unwrap();
            assert_eq!(found, Found::Nul(7));
            match placed(found, &mut Cursor::new(bytes)) {
                Err(Refused::Nul { line, at }) => assert_eq!((line, at), (2, 7)),
                other => panic!("{:?}", other.map_err(|_| ())),
            }
        }
    }

    /// The parts of an input of these bytes, and its warnings.
    fn parts_of(bytes: &[u8], lossy: bool) -> (Vec<Part>, Vec<Problem>) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("in.txt");
        std::fs::write(&path, bytes).unwrap();
        let mut stream = open(&Source::File(path), lossy, None).unwrap();
        // A part for each release, to see each cut.
        stream.splitter.min_part = 0;
        let mut parts = Vec::new();
        while let Some(part) = stream.next_part().unwrap() {
            parts.push(part);
        }
        (parts, stream.warnings())
    }

    /// The parts make up the text, each at its offset and line.
    fn assert_cover(text: &str, parts: &[Part]) {
        let joined: String = parts.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(joined, text);
        for p in parts {
            assert_eq!(p.line, 1 + text[..p.start].matches('\n').count(), "{p:?}");
            assert_eq!(&text[p.start..p.start + p.text.len()], p.text);
        }
        assert!(parts.iter().rev().skip(1).all(|p| !p.last) && parts.last().is_some_and(|p| p.last));
        // The separators a part carries are the ones its text has.
        for p in parts {
            assert_eq!(p.separators, bulletin_facts::separator_lines(&p.text), "{p:?}");
        }
    }

    /// The parts the splitter makes of `text` handed to it in pieces of `size` bytes.
    fn split_in_pieces(text: &str, size: usize) -> Vec<Part> {
        let mut splitter = Splitter {
            line: 1,
            ..Splitter::default()
        };
        let mut parts = Vec::new();
        let mut at = 0;
        while at < text.len() {
            let mut to = (at + size).min(text.len());
            while !text.is_char_boundary(to) {
                to += 1;
            }
            splitter.push(&text[at..to]);
            parts.extend(splitter.ready.drain(..));
            at = to;
        }
        parts.push(splitter.finish());
        parts.extend(splitter.ready.drain(..));
        parts
    }

    /// An input's parts cut at the line feeds its first reading found are the parts cut
    /// at the ones the splitter searches for.
    #[test]
    fn line_feeds_found_in_the_first_reading_cut_as_searched_ones() {
        let release = |n: usize| format!("-\nTrade\nT{n}\n\tSales rose 5 percent.\n\n - \n-\n\u{feff}‘é’ — x\n");
        let texts = [
            "\u{feff}-\nTrade\nA\nOne. date2025-01-01\n \t- \n-\n-\nB\n- minus, not a separator\nTwo.\n-\nC"
                .to_string(),
            (0..40).map(release).collect(),
            format!("{}\n-\nTrade\nNo line end", "é".repeat(300)),
            "a\u{a0}b\n-\nc\n".to_string(),
            String::new(),
        ];
        let cuts = |ps: &[Part]| {
            ps.iter()
                .map(|p| (p.start, p.line, p.text.clone(), p.separators.clone(), p.last))
                .collect::<Vec<_>>()
        };
        for text in texts {
            let (read, _) = parts_of(text.as_bytes(), false);
            let mut stream = Stream::new(String::new(), Lines::Whole(text.clone(), 0, None), Vec::new());
            stream.splitter.min_part = 0;
            let mut searched = Vec::new();
            while let Some(part) = stream.next_part().unwrap() {
                searched.push(part);
            }
            assert_eq!(cuts(&read), cuts(&searched), "{text:?}");
        }
    }

    #[test]
    fn a_part_takes_the_anchors_of_its_own_text_only() {
        // Text decoded from UTF-16 has an anchor at every character. A part once took a
        // vector with room for every anchor after it, and the anchors after it were
        // copied at each cut: a 4 MB input took 1.6 GB and time growing as its square.
        let release = |n: usize| format!("-\nTrade\nTitle {n}\nSales rose {n} percent.\n");
        let text: String = (0..400).map(release).collect();
        let mut stream = Stream::new(String::new(), Lines::Whole(text.clone(), 0, None), Vec::new());
        stream.splitter.min_part = 0;
        for t in 0..=text.len() {
            stream.splitter.map.anchor(t, 2 + 2 * t);
        }
        let mut parts = 0;
        while let Some(part) = stream.next_part().unwrap() {
            for at in [0, part.text.len() / 2, part.text.len()] {
                assert_eq!(part.original(at), 2 + 2 * (part.start + at), "part {parts}");
            }
            let room = part.map.room();
            assert!(room <= 2 * part.text.len() + 8, "part {parts}: room for {room} anchors");
            parts += 1;
        }
        assert_eq!(parts, 400);
    }

    #[test]
    fn parts_do_not_depend_on_where_the_pieces_end() {
        // Several separators in one piece, separators cut across pieces, a BOM, white space
        // around a separator, a hyphen that starts a line of text, a last line with no end.
        let text = "\u{feff}-\nTrade\nA\nOne. date2025-01-01\n \t- \n-\n-\nB\n- minus, not a separator\nTwo.\n-\nC";
        let whole = split_in_pieces(text, text.len());
        assert_cover(text, &whole);
        assert_eq!(whole.len(), 5, "{whole:?}");
        for size in 1..text.len() {
            let parts = split_in_pieces(text, size);
            let cuts = |ps: &[Part]| ps.iter().map(|p| (p.start, p.line, p.text.clone())).collect::<Vec<_>>();
            assert_eq!(cuts(&parts), cuts(&whole), "pieces of {size}");
        }
    }

    #[test]
    fn parts_hold_whole_releases_of_at_least_the_least_size() {
        let release = |n: usize| format!("-\nTrade\nTitle {n}\nSales rose {n} percent. date2025-01-01\n");
        let text: String = (0..40).map(release).collect();
        for min_part in [0, 1, 100, 400, text.len()] {
            let mut splitter = Splitter {
                line: 1,
                min_part,
                ..Splitter::default()
            };
            splitter.push(&text);
            let mut parts: Vec<Part> = splitter.ready.drain(..).collect();
            parts.push(splitter.finish());
            assert_cover(&text, &parts);
            for (n, p) in parts.iter().enumerate() {
                assert!(p.text.starts_with("-\n"), "{min_part}: {p:?}");
                assert!(p.last || p.text.len() >= min_part, "{min_part}: {p:?}");
                // Cut at the first separator past the least size: one release more at most.
                if !p.last && n > 0 {
                    assert!(p.text.len() < min_part.max(1) + release(99).len(), "{min_part}: {p:?}");
                }
            }
            let want = if min_part == 0 {
                40
            } else {
                text.len().div_ceil(min_part.max(1)).min(40)
            };
            assert!(parts.len() <= want, "{min_part}: {} parts", parts.len());
        }
    }

    #[test]
    fn parts_are_cut_before_each_separator_but_the_first() {
        let text = "Stray words.\n-\nTrade\nA Title\nBody one. date2025-01-01\n  -  \r\n\nTrade\nB\nTwo.\n-\n-";
        let (parts, warnings) = parts_of(text.as_bytes(), false);
        assert!(warnings.is_empty());
        assert_cover(text, &parts);
        let heads: Vec<&str> = parts.iter().map(|p| p.text.lines().next().unwrap()).collect();
        assert_eq!(heads, ["Stray words.", "  -  ", "-", "-"]);
        // A text without separators is one part; so is an empty one.
        for text in ["A title\nA body.\n", ""] {
            let (parts, _) = parts_of(text.as_bytes(), false);
            assert_cover(text, &parts);
            assert_eq!(parts.len(), 1);
        }
        // A byte-order mark before the first separator belongs to no line.
        let text = "\u{feff}-\nT\nA\nx\n-\nT\nB\ny\n";
        let (parts, _) = parts_of(text.as_bytes(), false);
        assert_eq!(parts.len(), 2);
    }

    #[test]
    fn lone_carriage_returns_end_lines_and_are_counted_once() {
        let text = "-\rTrade\rA\rOne. date2025-01-01\r-\rTrade\rB\rTwo\x07. date2025-01-02";
        let (parts, warnings) = parts_of(text.as_bytes(), false);
        let cleaned = text.replace('\r', "\n").replace('\x07', " ");
        assert_cover(&cleaned, &parts);
        assert_eq!(parts.len(), 2);
        let (_, whole) = super::super::inputs::tests_clean(text);
        // The same warnings as of the whole text, with the input's name.
        assert!(warnings.iter().all(|w| w.path.ends_with("in.txt")));
        let unnamed: Vec<Problem> = warnings.into_iter().map(|w| w.with_path("")).collect();
        assert_eq!(unnamed, whole);
    }

    #[test]
    fn inputs_read_whole_or_again_from_their_start_give_the_same_parts() {
        // Lone CRs and controls early and late; a text short enough to be read whole, and
        // the same text made longer than that.
        let filler = "Sales rose 5 percent. ".repeat(200);
        let release = |n: usize| format!("-\rTrade\nT{n}\x07\n{filler}\r\n date2025-01-01\n");
        let short: String = (0..5).map(release).collect();
        let long: String = (0..WHOLE / 4000).map(release).collect();
        assert!(short.len() <= WHOLE && long.len() > WHOLE);
        for text in [short, long] {
            let (parts, warnings) = parts_of(text.as_bytes(), false);
            let (cleaned, whole) = super::super::inputs::tests_clean(&text);
            assert_cover(&cleaned, &parts);
            let unnamed: Vec<Problem> = warnings.into_iter().map(|w| w.with_path("")).collect();
            assert_eq!(unnamed, whole);
        }
        // A NUL byte or a bad byte past the first block is found at its line and byte.
        for (tail, want) in [(&b"\x00"[..], "a NUL byte"), (&b"\xff"[..], "not valid UTF-8")] {
            for len in [WHOLE / 2, WHOLE + 10] {
                let mut bytes = "x\n".repeat(len / 2).into_bytes();
                bytes.extend_from_slice(tail);
                let dir = tempfile::tempdir().unwrap();
                let path = dir.path().join("in.txt");
                std::fs::write(&path, &bytes).unwrap();
                let shown = open(&Source::File(path), false, None).err().unwrap().to_string();
                let line = format!("in.txt:{}: error: {want}", len / 2 + 1);
                let byte = format!("(byte {})", bytes.len() - 1);
                assert!(shown.contains(&line) && shown.contains(&byte), "{shown}");
            }
        }
    }

    #[test]
    fn bad_bytes_map_back_to_the_source_with_lossy_and_refuse_the_input_without() {
        let bytes = b"-\nTrade\nA\nOne. date2025-01-01\n-\nTrade\nB\nTw\xff\xfeo rose 5 percent. date2025-01-02\n";
        let (parts, warnings) = parts_of(bytes, true);
        assert_eq!(parts.len(), 2);
        assert_eq!((warnings[0].line, warnings[0].byte), (8, 42));
        let part = &parts[1];
        let at = part.text.find("rose").unwrap();
        assert_eq!(&bytes[part.original(at)..part.original(at) + 4], b"rose");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.txt");
        std::fs::write(&path, bytes).unwrap();
        let refused = open(&Source::File(path), false, None).err().unwrap();
        let shown = refused.to_string();
        assert!(
            shown.contains("bad.txt:8: error: not valid UTF-8 (byte 42); file skipped (--encoding"),
            "{shown}"
        );
    }

    #[test]
    fn a_line_longer_than_a_piece_is_read_whole_even_cut_inside_a_character() {
        for lead in ["", "x", "xy"] {
            let text = format!(
                "-\nTrade\nT\n{lead}{} date2025-01-01\n-\nTrade\nU\nz\n",
                "é".repeat(PIECE as usize)
            );
            let (parts, warnings) = parts_of(text.as_bytes(), false);
            assert!(warnings.is_empty(), "{warnings:?}");
            assert_cover(&text, &parts);
            assert_eq!(parts.len(), 2);
        }
    }
}
