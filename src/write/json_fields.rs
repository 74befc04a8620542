//! JSON members of rows, encoded as serde_json encodes a string, straight into the output
//! buffer: the JSON rows of a release need no facts made and no serializer run
//! (`fact_rows_are_the_serde_writers_bytes` holds them to serde_json's bytes).

use crate::words::json_plain_run;

/// Appends `bytes` (UTF-8) as the inside of a JSON string, as serde_json writes it: `"`
/// and `\` escaped, and the controls (tabs, line breaks: a figure's text may span a line)
/// by their short escapes or as `\u00XX`. The runs between them are copied whole.
pub(super) fn push_json_str(bytes: &[u8], out: &mut Vec<u8>) {
    let mut rest = bytes;
    loop {
        let run = json_plain_run(rest);
        out.extend_from_slice(&rest[..run]);
        let Some(&b) = rest.get(run) else {
            return;
        };
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            0x08 => out.extend_from_slice(b"\\b"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            0x0c => out.extend_from_slice(b"\\f"),
            b'\r' => out.extend_from_slice(b"\\r"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(b"\\u00");
                out.extend_from_slice(&[HEX[usize::from(b >> 4)], HEX[usize::from(b & 0xf)]]);
            }
        }
        rest = &rest[run + 1..];
    }
}

/// Appends the member `"name":"bytes",` (the name needs no escaping: a column's). Inlined:
/// the name's bytes, of a length known where it is written, are copied without a call.
#[inline(always)]
pub(super) fn push_json_member(name: &str, bytes: &[u8], out: &mut Vec<u8>) {
    out.push(b'"');
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(b"\":\"");
    push_json_str(bytes, out);
    out.extend_from_slice(b"\",");
}

/// [`push_json_member`] of a value known to need no escaping (a kind's name, a
/// direction's).
#[inline(always)]
pub(super) fn push_json_plain_member(name: &str, value: &str, out: &mut Vec<u8>) {
    out.push(b'"');
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(b"\":\"");
    out.extend_from_slice(value.as_bytes());
    out.extend_from_slice(b"\",");
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Every byte that is escaped, and the bytes next to them, at any place in a
        /// string: the inside of serde_json's string.
        #[test]
        fn strings_are_serde_jsons(picks in proptest::collection::vec(0..14usize, 0..80)) {
            const PIECES: [&str; 14] = [
                "a", " ", "\"", "\\", "\n", "\r", "\t", "\u{8}", "\u{c}", "\0", "\u{1f}", "\u{7f}", "é", "’",
            ];
            let text: String = picks.iter().map(|&n| PIECES[n]).collect();
            let mut ours = b"\"".to_vec();
            push_json_str(text.as_bytes(), &mut ours);
            ours.push(b'"');
            proptest::prop_assert_eq!(String::from_utf8(ours).unwrap(), serde_json::to_string(&text).unwrap());
        }
    }

    #[test]
    fn every_byte_below_0x80_is_written_as_serde_json_writes_it() {
        for b in 0u8..0x80 {
            let text = char::from(b).to_string();
            let mut ours = b"\"".to_vec();
            push_json_str(text.as_bytes(), &mut ours);
            ours.push(b'"');
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                serde_json::to_string(&text).unwrap(),
                "{b:#x}"
            );
        }
    }

    #[test]
    fn a_member_is_a_name_and_a_string() {
        let mut out = Vec::new();
        push_json_member("unit", b"m\"t", &mut out);
        push_json_plain_member("kind", "date", &mut out);
        assert_eq!(out, br#""unit":"m\"t","kind":"date","#);
    }
}
