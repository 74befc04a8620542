//! Text in another encoding than UTF-8 (`--encoding windows-1252`, UTF-16 with a byte-order
//! mark), decoded by `encoding_rs` (the WHATWG Encoding Standard's decoders) with a map that
//! keeps fact offsets counting the source's own bytes.

use encoding_rs::{CoderResult, Encoding};

use super::inputs::OffsetMap;

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
pub fn decode(bytes: &[u8], skip: usize, encoding: &'static Encoding) -> (String, OffsetMap, usize) {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 2 + 16);
    let mut map = OffsetMap::default();
    if skip > 0 {
        map.anchor(0, skip);
    }
    let mut replaced = 0;
    // Where text and source last stood in step: from there on, each byte read that comes
    // out as one byte keeps them in step, and an anchor is set wherever they part.
    let (mut text_at, mut source_at) = (0, skip);
    let mut step = |piece: &[u8], last: bool, text: &mut String| {
        let start = text.len();
        let mut rest = piece;
        loop {
            let room = decoder.max_utf8_buffer_length(rest.len()).unwrap_or(rest.len() * 3 + 8);
            text.reserve(room);
            let (result, read, had_errors) = decoder.decode_to_string(rest, text, last);
            replaced += usize::from(had_errors);
            rest = &rest[read..];
            if result == CoderResult::InputEmpty {
                break;
            }
        }
        start
    };
    for (n, byte) in bytes.iter().enumerate().skip(skip) {
        step(std::slice::from_ref(byte), false, &mut text);
        let source_after = n + 1;
        // Output came (a character completed) and it is not one byte per byte since the
        // last anchor: anchor here.
        if text.len() != text_at && text.len() - text_at != source_after - source_at {
            map.anchor(text.len(), source_after);
        }
        if text.len() != text_at || text.len() - text_at == source_after - source_at {
            (text_at, source_at) = (text.len(), source_after);
        }
    }
    step(&[], true, &mut text);
    (text, map, replaced)
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

    #[test]
    fn labels_follow_the_standard() {
        assert_eq!(encoding_for("latin1").unwrap().name(), "windows-1252");
        assert_eq!(encoding_for(" Windows-1252 ").unwrap().name(), "windows-1252");
        assert!(encoding_for("klingon").unwrap_err().contains("windows-1252"));
    }
}
