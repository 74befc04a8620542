//! `bulletin-facts explain TEXT`: each figure of a snippet, marked in its sentence.

use std::io::{Read, Write};

use bulletin_facts::explain::explain;
use bulletin_facts::{Options, Severity};

use super::args::ExplainArgs;
use super::error::{Error, Outcome};

pub fn run(args: &ExplainArgs) -> Result<Outcome, Error> {
    let mut text = args.text.clone();
    if text == "-" {
        text = read_snippet(std::io::stdin().lock())?;
    }
    let options = Options {
        anchor_date: args.anchor_date,
        ..Options::default()
    };
    let explanation = explain(&text, &options);
    let mut out = std::io::stdout().lock();
    write!(out, "{explanation}")?;
    out.flush()?;
    let skipped = explanation.problems.iter().any(|p| p.severity == Severity::Error);
    Ok(Outcome::partial_if(skipped))
}

/// A snippet from standard input: UTF-8, or UTF-16 with its byte-order mark (what Windows
/// tools write); a mark is not part of the text.
fn read_snippet(mut input: impl Read) -> Result<String, Error> {
    let mut bytes = Vec::new();
    input
        .read_to_end(&mut bytes)
        .map_err(Error::file("-", "cannot read standard input"))?;
    let (encoding, mark) = encoding_rs::Encoding::for_bom(&bytes).unwrap_or((encoding_rs::UTF_8, 0));
    let text = encoding.decode_without_bom_handling_and_without_replacement(&bytes[mark..]);
    let Some(text) = text else {
        let what = match encoding.name() {
            "UTF-16LE" => "cannot read standard input as UTF-16LE text",
            "UTF-16BE" => "cannot read standard input as UTF-16BE text",
            _ => "cannot read standard input as UTF-8 text",
        };
        let why = format!("stream did not contain valid {}", encoding.name());
        return Err(Error::file("-", what)(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            why,
        )));
    };
    Ok(text.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_snippet_is_utf8_or_marked_utf16() {
        let text = "Exports rose 5% to €3 billion.";
        let utf16 = |mark: [u8; 2], unit: fn(u16) -> [u8; 2]| -> Vec<u8> {
            mark.into_iter().chain(text.encode_utf16().flat_map(unit)).collect()
        };
        let inputs = [
            text.as_bytes().to_vec(),
            [&[0xef, 0xbb, 0xbf][..], text.as_bytes()].concat(),
            utf16([0xff, 0xfe], u16::to_le_bytes),
            utf16([0xfe, 0xff], u16::to_be_bytes),
        ];
        for input in inputs {
            assert_eq!(read_snippet(&input[..]).unwrap(), text);
        }
        let bad = read_snippet(&[b'a', 0xff, b'b'][..]).unwrap_err().to_string();
        assert!(bad.contains("cannot read standard input as UTF-8 text"), "{bad}");
        // An odd byte at the end of UTF-16.
        let cut = read_snippet(&[0xff, 0xfe, b'a', 0, b'b'][..]).unwrap_err().to_string();
        assert!(cut.contains("as UTF-16LE text"), "{cut}");
    }
}
