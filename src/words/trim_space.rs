//! White space trimmed off the words the period rules read around each date and figure
//! (`the same period in`, `week ending`, the lead before a date): by bytes while they are
//! ASCII, as nearly always, where `str::trim_end` and `trim_start` decode characters. A
//! byte beyond ASCII hands what is left to the character walk, so every trim is the
//! standard one (`char::is_whitespace`); words are split the same way.

use super::ascii_space;

/// `str::trim_end`, `trim_start` and `trim`, read by bytes while they are ASCII.
pub trait TrimSpace {
    fn trim_end_space(&self) -> &str;
    fn trim_start_space(&self) -> &str;
    fn trim_space(&self) -> &str;
    /// `str::split_whitespace`, split at ASCII white space when the text is ASCII.
    fn words_space(&self) -> impl Iterator<Item = &str>;
}

impl TrimSpace for str {
    fn trim_end_space(&self) -> &str {
        trim_end_space(self)
    }

    fn trim_start_space(&self) -> &str {
        let b = self.as_bytes();
        let from = b.iter().position(|&c| !ascii_space(c)).unwrap_or(b.len());
        let rest = self.get(from..).unwrap_or_default();
        match b.get(from) {
            Some(c) if !c.is_ascii() => rest.trim_start(),
            _ => rest,
        }
    }

    fn trim_space(&self) -> &str {
        self.trim_start_space().trim_end_space()
    }

    fn words_space(&self) -> impl Iterator<Item = &str> {
        // `char::is_whitespace` of an ASCII character is `ascii_space`: the same words,
        // with its table not asked.
        let space = |c: char| match c.is_ascii() {
            true => ascii_space(c as u8),
            false => c.is_whitespace(),
        };
        self.split(space).filter(|w| !w.is_empty())
    }
}

/// `text` without the white space at its end, as `str::trim_end` (`char::is_whitespace`)
/// reads it: by bytes while they are ASCII, as nearly always before a figure; a byte
/// beyond ASCII hands what is left to the character walk.
pub(crate) fn trim_end_space(text: &str) -> &str {
    let kept = text
        .as_bytes()
        .iter()
        .rposition(|&c| !ascii_space(c))
        .map_or(0, |i| i + 1);
    let t = text.get(..kept).unwrap_or_default();
    if t.as_bytes().last().is_some_and(|c| !c.is_ascii()) {
        t.trim_end()
    } else {
        t
    }
}

#[cfg(test)]
mod tests {
    use super::TrimSpace;

    #[test]
    fn white_space_is_trimmed_as_the_char_walk_trims_it() {
        for t in [
            "",
            " ",
            " rose \t\n",
            "\u{a0} up\u{a0} ",
            "\u{2003}x\u{2003}",
            "\u{85}",
            "\x0b\x0ca\r",
            " € ",
            "b",
        ] {
            assert_eq!(t.trim_end_space(), t.trim_end(), "{t:?}");
            assert_eq!(t.trim_start_space(), t.trim_start(), "{t:?}");
            assert_eq!(t.trim_space(), t.trim(), "{t:?}");
            assert!(t.words_space().eq(t.split_whitespace()), "{t:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn trims_match_the_char_walk_on_random_text(t in "[a\u{e9} \t\n\r\u{b}\u{c}\u{1c}\u{a0}\u{85}\u{2003}\u{3000}]{0,12}") {
            proptest::prop_assert_eq!(t.trim_end_space(), t.trim_end());
            proptest::prop_assert_eq!(t.trim_start_space(), t.trim_start());
            proptest::prop_assert_eq!(t.trim_space(), t.trim());
            proptest::prop_assert!(t.words_space().eq(t.split_whitespace()));
        }
    }
}

#[cfg(test)]
mod trim_end_tests {
    use super::trim_end_space;

    #[test]
    fn white_space_is_trimmed_as_the_char_walk_trims_it() {
        for t in [
            "",
            " ",
            "rose \t\n",
            "up\u{a0} ",
            "x\u{2003}",
            "\u{a0}",
            "a\x0b\x0c\r",
            "€ ",
            "b",
        ] {
            assert_eq!(trim_end_space(t), t.trim_end(), "{t:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn trimmed_ends_match_on_random_text(t in "[a\u{e9} \t\n\r\u{b}\u{c}\u{a0}\u{85}\u{2003}\u{3000}]{0,12}") {
            proptest::prop_assert_eq!(trim_end_space(&t), t.trim_end());
        }
    }
}
