//! Text in another encoding than UTF-8 (`--encoding windows-1252`, UTF-16 with a byte-order
//! mark), decoded by `encoding_rs` (the WHATWG Encoding Standard's decoders) with a map that
//! keeps fact offsets counting the source's own bytes.

use std::io::{self, Read};

use encoding_rs::{CoderResult, Decoder, Encoding};

use super::inputs::{AnchorQueue, OffsetMap};

/// The encoding a WHATWG label names (`windows-1252`, `latin1`, `shift_jis`, `euc-kr`,
/// `utf-16le`...), or why the label is not one.
pub fn encoding_for(label: &str) -> Result<&'static Encoding, String> {
    Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| {
        format!(
            "`{label}` is not an encoding label of the WHATWG Encoding Standard; \
             for example: utf-8, windows-1252, iso-8859-15, shift_jis, euc-kr, gbk, big5, utf-16le"
        )
    })
}

/// `bytes` (from `skip` on: a byte-order mark is left out) decoded as `encoding`: the text,
/// the map from text offsets to source offsets, and how many malformed sequences became
/// U+FFFD.
#[cfg(test)]
pub fn decode(bytes: &[u8], skip: usize, encoding: &'static Encoding) -> (String, OffsetMap, usize) {
    let (mut text, mut map) = (String::new(), OffsetMap::default());
    let mut decoding = Decoding::new(encoding, skip, &mut map);
    decoding.feed(bytes, &mut text, &mut map);
    decoding.finish(&mut text);
    (text, map, decoding.replaced)
}

/// The decoding of an input in another encoding, fed its bytes in order, a block at a time
/// (a character may be cut between blocks): the text comes out as UTF-8, with an anchor
/// wherever text and source offsets part, both counted from the input's start.
pub struct Decoding {
    decoder: Decoder,
    /// An ASCII byte is read as itself wherever no character is begun: true of the
    /// encodings `encoding_rs` calls ASCII-compatible, all but UTF-16 and ISO-2022-JP
    /// (whose escapes change what the bytes after them are).
    ascii_as_itself: bool,
    /// UTF-16, big-endian or not: a run of code units that are no surrogates is decoded
    /// in one call, a character from each two bytes.
    utf16: Option<bool>,
    /// In UTF-16, read a byte at a time: the first byte of a code unit read, and whether
    /// the last whole unit was a high surrogate (which waits for its pair even where text
    /// and source stand in step).
    half_unit: Option<u8>,
    high_surrogate: bool,
    /// The text and source bytes so far.
    text_len: usize,
    source_len: usize,
    /// Where text and source last stood in step: from there on, each byte read that
    /// comes out as one byte keeps them in step, and an anchor is set wherever they part.
    text_at: usize,
    source_at: usize,
    /// The bytes of the byte-order mark still to be passed over as they are fed.
    mark_left: usize,
    /// Malformed sequences made U+FFFD.
    pub replaced: usize,
}

impl Decoding {
    /// A decoding of a source whose first `skip` bytes (a byte-order mark) are passed over.
    pub fn new(encoding: &'static Encoding, skip: usize, map: &mut OffsetMap) -> Decoding {
        if skip > 0 {
            map.anchor(0, skip);
        }
        Decoding {
            decoder: encoding.new_decoder_without_bom_handling(),
            ascii_as_itself: encoding.is_ascii_compatible(),
            utf16: match encoding {
                e if e == encoding_rs::UTF_16BE => Some(true),
                e if e == encoding_rs::UTF_16LE => Some(false),
                _ => None,
            },
            half_unit: None,
            high_surrogate: false,
            text_len: 0,
            source_len: skip,
            text_at: 0,
            source_at: skip,
            mark_left: skip,
            replaced: 0,
        }
    }

    /// Decodes the next bytes of the source onto `text`, their anchors onto `map`.
    pub fn feed(&mut self, bytes: &[u8], text: &mut String, map: &mut OffsetMap) {
        let mut at = self.mark_left.min(bytes.len());
        self.mark_left -= at;
        while let Some(&byte) = bytes.get(at) {
            // A run of ASCII where text and source stand in step (no character begun: a
            // byte read but not yet come out would have parted them) comes out as it is,
            // in one call, with no anchor.
            let in_step = self.text_at == self.text_len && self.source_at == self.source_len;
            if self.ascii_as_itself && in_step {
                let run = Encoding::ascii_valid_up_to(&bytes[at..]);
                if run > 0 {
                    let out = self.step(&bytes[at..at + run], false, text);
                    debug_assert_eq!(out, run, "ASCII in step comes out as it is");
                    self.text_len += out;
                    self.source_len += run;
                    (self.text_at, self.source_at) = (self.text_len, self.source_len);
                    at += run;
                    continue;
                }
            }
            // So does a run of UTF-16 code units that are no surrogates, each character
            // then anchored as a byte at a time would anchor it: where it is not two bytes
            // of text, as it is two of the source.
            if let Some(big_endian) = self.utf16.filter(|_| in_step && !self.high_surrogate) {
                let run = no_surrogates(&bytes[at..], big_endian);
                if run > 0 {
                    let start = text.len();
                    self.step(&bytes[at..at + run], false, text);
                    for c in text[start..].chars() {
                        self.text_len += c.len_utf8();
                        self.source_len += 2;
                        if c.len_utf8() != 2 {
                            map.anchor(self.text_len, self.source_len);
                        }
                    }
                    (self.text_at, self.source_at) = (self.text_len, self.source_len);
                    at += run;
                    continue;
                }
            }
            // Else a byte at a time, so that each character's place is known.
            if let Some(big_endian) = self.utf16 {
                match self.half_unit.take() {
                    None => self.half_unit = Some(byte),
                    Some(first) => {
                        let high = if big_endian { first } else { byte };
                        self.high_surrogate = (0xd8..=0xdb).contains(&high);
                    }
                }
            }
            self.text_len += self.step(std::slice::from_ref(&byte), false, text);
            self.source_len += 1;
            at += 1;
            let (text_gone, source_gone) = (self.text_len - self.text_at, self.source_len - self.source_at);
            if text_gone > 0 {
                // A character came out, and not one byte per byte since the last anchor.
                if text_gone != source_gone {
                    map.anchor(self.text_len, self.source_len);
                }
                (self.text_at, self.source_at) = (self.text_len, self.source_len);
            }
        }
    }

    /// Ends the source: a character it cuts comes out as U+FFFD.
    pub fn finish(&mut self, text: &mut String) {
        self.text_len += self.step(&[], true, text);
    }

    /// Decodes `bytes` onto `text`: how many bytes came out.
    fn step(&mut self, bytes: &[u8], last: bool, text: &mut String) -> usize {
        let start = text.len();
        let mut rest = bytes;
        loop {
            let room = self
                .decoder
                .max_utf8_buffer_length(rest.len())
                .unwrap_or(rest.len() * 3 + 8);
            text.reserve(room);
            let (result, read, had_errors) = self.decoder.decode_to_string(rest, text, last);
            self.replaced += usize::from(had_errors);
            rest = &rest[read..];
            if result == CoderResult::InputEmpty {
                return text.len() - start;
            }
        }
    }
}

/// The bytes of the whole UTF-16 code units at the start of `bytes` that are no surrogates.
fn no_surrogates(bytes: &[u8], big_endian: bool) -> usize {
    let high = usize::from(!big_endian);
    bytes
        .chunks_exact(2)
        .take_while(|unit| !(0xd8..=0xdf).contains(&unit[high]))
        .count()
        * 2
}

/// An input in another encoding read as UTF-8: a reader of its text, which keeps the
/// anchors of the text it has decoded until they are taken.
pub struct DecodingReader<R> {
    source: R,
    decoding: Decoding,
    /// A block of the source, and the text decoded from it, handed on from `served`.
    block: Vec<u8>,
    text: String,
    served: usize,
    anchors: OffsetMap,
    ended: bool,
}

/// The source bytes decoded at a time.
const SOURCE_BLOCK: usize = 64 << 10;

impl<R: Read> DecodingReader<R> {
    /// A reader of `source` (from its start) decoded as `encoding`, its first `skip` bytes
    /// (a byte-order mark) left out.
    pub fn new(source: R, (encoding, skip): (&'static Encoding, usize)) -> Self {
        let mut anchors = OffsetMap::default();
        let decoding = Decoding::new(encoding, skip, &mut anchors);
        DecodingReader {
            source,
            decoding,
            block: vec![0; SOURCE_BLOCK],
            text: String::new(),
            served: 0,
            anchors,
            ended: false,
        }
    }

    /// The anchors of the text decoded since they were last taken, moved onto `queue`.
    pub fn move_anchors(&mut self, queue: &mut AnchorQueue) {
        queue.append(&mut self.anchors);
    }

    /// Decodes the next block of the source; false at its end.
    fn decode_block(&mut self) -> io::Result<bool> {
        self.text.clear();
        self.served = 0;
        let read = loop {
            match self.source.read(&mut self.block) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                other => break other?,
            }
        };
        if read == 0 {
            self.decoding.finish(&mut self.text);
            return Ok(false);
        }
        self.decoding
            .feed(&self.block[..read], &mut self.text, &mut self.anchors);
        Ok(true)
    }
}

impl<R: Read> Read for DecodingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.served == self.text.len() && !self.ended {
            self.ended = !self.decode_block()?;
        }
        let text = &self.text.as_bytes()[self.served..];
        let n = buf.len().min(text.len());
        buf[..n].copy_from_slice(&text[..n]);
        self.served += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(bytes: &[u8], skip: usize, label: &str) -> (String, OffsetMap, usize) {
        decode(bytes, skip, encoding_for(label).unwrap())
    }

    #[test]
    fn windows_1252_reads_the_euro_and_keeps_source_offsets() {
        // `€ 3 billion` with the euro as the single byte 0x80, then curly quotes.
        let bytes = b"Aid of \x80 3 billion and \x93more\x94 \x80 5 bn.";
        let (text, map, replaced) = decoded(bytes, 0, "windows-1252");
        assert_eq!(text, "Aid of € 3 billion and “more” € 5 bn.");
        assert_eq!(replaced, 0);
        let cases = [
            ("€ 3", 7, 0x80),
            ("3 billion", 9, b'3'),
            ("more", 24, b'm'),
            ("€ 5", 30, 0x80),
            ("5 bn", 32, b'5'),
        ];
        for (needle, source, byte) in cases {
            let at = text.find(needle).unwrap();
            assert_eq!(map.original(at), source, "{needle}");
            assert_eq!(bytes[source], byte, "{needle}");
        }
    }

    #[test]
    fn multibyte_encodings_map_each_character_to_its_first_byte() {
        // Shift_JIS: two bytes a character, then ASCII.
        let (text, map, _) = decoded(b"\x93\xfa\x96\x7b 12%", 0, "shift_jis");
        assert_eq!(text, "日本 12%");
        assert_eq!(map.original(text.find('本').unwrap()), 2);
        assert_eq!(map.original(text.find("12").unwrap()), 5);
    }

    #[test]
    fn utf16_after_its_mark_counts_source_bytes() {
        let bytes = [0xff, 0xfe, b'5', 0, b'%', 0, b' ', 0, 0xac, 0x20, b'9', 0];
        let (text, map, _) = decoded(&bytes, 2, "utf-16le");
        assert_eq!(text, "5% €9");
        assert_eq!(map.original(0), 2);
        assert_eq!(map.original(text.find('€').unwrap()), 8);
        assert_eq!(map.original(text.find('9').unwrap()), 10);
    }

    #[test]
    fn malformed_sequences_are_counted() {
        let (text, _, replaced) = decoded(b"ok \x81\x20 end", 0, "shift_jis");
        assert!(text.contains('\u{fffd}'), "{text}");
        assert_eq!(replaced, 1);
    }

    /// The decoding as it was first written: a byte at a time, the whole input at once.
    fn decode_by_bytes(bytes: &[u8], skip: usize, encoding: &'static Encoding) -> (String, OffsetMap, usize) {
        let mut decoder = encoding.new_decoder_without_bom_handling();
        let mut text = String::new();
        let mut map = OffsetMap::default();
        if skip > 0 {
            map.anchor(0, skip);
        }
        let mut replaced = 0;
        let (mut text_at, mut source_at) = (0, skip);
        let mut step = |piece: &[u8], last: bool, text: &mut String| {
            let mut rest = piece;
            loop {
                text.reserve(decoder.max_utf8_buffer_length(rest.len()).unwrap());
                let (result, read, had_errors) = decoder.decode_to_string(rest, text, last);
                replaced += usize::from(had_errors);
                rest = &rest[read..];
                if result == CoderResult::InputEmpty {
                    break;
                }
            }
        };
        for (n, byte) in bytes.iter().enumerate().skip(skip) {
            step(std::slice::from_ref(byte), false, &mut text);
            let source_after = n + 1;
            if text.len() != text_at && text.len() - text_at != source_after - source_at {
                map.anchor(text.len(), source_after);
            }
            if text.len() != text_at {
                (text_at, source_at) = (text.len(), source_after);
            }
        }
        step(&[], true, &mut text);
        (text, map, replaced)
    }

    #[test]
    fn blocks_and_ascii_runs_decode_as_a_byte_at_a_time() {
        // Random bytes, ASCII runs among bytes of every other kind (escapes for
        // ISO-2022-JP, surrogates' bytes for UTF-16), fed in blocks cut anywhere.
        let labels = [
            "windows-1252",
            "iso-8859-2",
            "koi8-r",
            "windows-874",
            "shift_jis",
            "euc-kr",
            "gbk",
            "gb18030",
            "big5",
            "euc-jp",
            "iso-2022-jp",
            "utf-16le",
            "utf-16be",
        ];
        let mut next = crate::cli::xorshift(0x9e37_79b9_7f4a_7c15);
        for label in labels {
            let encoding = encoding_for(label).unwrap();
            for case in 0..2000 {
                let mut bytes = Vec::new();
                while bytes.len() < next(120) as usize {
                    match next(6) {
                        0 | 1 => bytes.extend(std::iter::repeat_n(b'a' + next(26) as u8, 1 + next(12) as usize)),
                        2 => bytes.push(0x80 + next(128) as u8),
                        3 => bytes.push([b'\n', 0x1b, b'$', b'(', b'B', 0xd8, 0xdc, 0][next(8) as usize]),
                        _ => bytes.push(next(256) as u8),
                    }
                }
                let skip = if label.starts_with("utf-16") && next(2) == 0 {
                    2
                } else {
                    0
                };
                let skip = skip.min(bytes.len());
                let (want_text, want_map, want_replaced) = decode_by_bytes(&bytes, skip, encoding);
                let (mut text, mut map) = (String::new(), OffsetMap::default());
                let mut decoding = Decoding::new(encoding, skip, &mut map);
                let mut at = 0;
                while at < bytes.len() {
                    let to = (at + 1 + next(40) as usize).min(bytes.len());
                    decoding.feed(&bytes[at..to], &mut text, &mut map);
                    at = to;
                }
                decoding.finish(&mut text);
                let what = format!("{label} case {case}: {bytes:?}");
                assert_eq!(text, want_text, "{what}");
                assert_eq!(decoding.replaced, want_replaced, "{what}");
                assert_eq!(map.anchors(), want_map.anchors(), "{what}");
            }
        }
    }

    #[test]
    fn a_high_surrogate_waits_for_its_pair_after_an_error() {
        // A high surrogate after another: the first is an error (text and source stand in
        // step again) while the second waits; the unit after it is no run of its own.
        let bytes = [
            0xfe, 0xff, 0x0d, 0x24, 0xd8, 0xc2, 0xd8, 0x74, 0x74, 0x74, 0, b'c', 0, b'c',
        ];
        let (text, map, replaced) = decode(&bytes, 2, encoding_rs::UTF_16BE);
        let (want_text, want_map, want_replaced) = decode_by_bytes(&bytes, 2, encoding_rs::UTF_16BE);
        assert_eq!((text.as_str(), replaced), (want_text.as_str(), want_replaced));
        assert_eq!(replaced, 2);
        assert_eq!(map.anchors(), want_map.anchors());
    }

    #[test]
    fn labels_follow_the_standard() {
        assert_eq!(encoding_for("latin1").unwrap().name(), "windows-1252");
        assert_eq!(encoding_for(" Windows-1252 ").unwrap().name(), "windows-1252");
        assert!(encoding_for("klingon").unwrap_err().contains("windows-1252"));
    }
}
