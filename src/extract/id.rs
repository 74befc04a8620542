//! The release id: the release date and a hash of the folded title.

use chrono::NaiveDate;

use crate::model::Period;

use super::fold_space;

/// `YYYY-MM-DD-` + 16 lowercase hex digits of XXH3-64 (seed 0; a hash fixed by its own
/// specification, so ids never change) over the title with white space folded;
/// `undated-` + the same digits without a release date. (CRC-32 ids collided: two of
/// 88,000 titles of one date.)
pub fn release_id(date: Option<NaiveDate>, title: &str) -> String {
    let mut id = String::with_capacity(27);
    push_release_id(date, &fold_space(title), &mut id);
    id
}

/// Bytes of a release id after its date: `-` and 16 hex digits.
pub(super) const ID_HASH_LEN: usize = 17;

/// [`release_id`], appended to `id`, of the title with its white space folded.
pub(super) fn push_release_id(date: Option<NaiveDate>, folded_title: &str, id: &mut String) {
    let hash = xxhash_rust::xxh3::xxh3_64(folded_title.as_bytes());
    // Written piece by piece: `format!` with `{:016x}` cost near a thousand instructions a
    // release. `-` and the digits made on the stack.
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut digits = [b'-'; ID_HASH_LEN];
    for (n, d) in digits[1..].iter_mut().enumerate() {
        *d = HEX[(hash >> (60 - 4 * n)) as usize & 0xf];
    }
    // A dated id (a year of four digits) made whole on the stack and pushed in one copy:
    // the date through `Period`'s text and the two pieces' checks cost twice as much.
    if let Some(day) = date.and_then(crate::model::day_iso) {
        let mut whole = [0; crate::model::DAY_LEN + ID_HASH_LEN];
        let (head, tail) = whole.split_at_mut(crate::model::DAY_LEN);
        head.copy_from_slice(&day);
        tail.copy_from_slice(&digits);
        return id.push_str(crate::words::ascii_text(&whole).unwrap_or_default());
    }
    match date {
        Some(d) => Period::Day(d).push_to(id),
        None => id.push_str("undated"),
    }
    id.push_str(crate::words::ascii_text(&digits).unwrap_or_default());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn release_ids_of_any_year_are_their_dates_and_hashes() {
        for (y, m, d) in [
            (2025, 11, 18),
            (1, 1, 1),
            (9999, 12, 31),
            (0, 6, 7),
            (-44, 3, 15),
            (10000, 1, 1),
        ] {
            let day = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            let id = release_id(Some(day), "A  title");
            let hash = xxhash_rust::xxh3::xxh3_64(b"A title");
            assert_eq!(id, format!("{}-{hash:016x}", Period::Day(day).iso()));
        }
        let hash = xxhash_rust::xxh3::xxh3_64(b"A title");
        assert_eq!(release_id(None, "A title "), format!("undated-{hash:016x}"));
    }

    #[test]
    fn release_ids_are_stable_and_fold_space() {
        let d = NaiveDate::from_ymd_opt(2025, 11, 19);
        assert_eq!(release_id(d, "A  title\t here"), release_id(d, "A title here"));
        let id = release_id(d, "A title here");
        assert!(id.starts_with("2025-11-19-") && id.len() == 27, "{id}");
        assert!(release_id(None, "x").starts_with("undated-"));
        // The digits are `{:016x}` of the XXH3-64 of the folded title.
        for title in ["A title here", "x", "", "Exports rose 5.1%"] {
            let hash = xxhash_rust::xxh3::xxh3_64(title.as_bytes());
            assert_eq!(release_id(d, title), format!("2025-11-19-{hash:016x}"));
            assert_eq!(release_id(None, title), format!("undated-{hash:016x}"));
        }
        // The date column of a release's rows is its id's head.
        for date in [
            d,
            NaiveDate::from_ymd_opt(-44, 3, 15),
            NaiveDate::from_ymd_opt(12345, 1, 2),
        ] {
            let id = release_id(date, "A title");
            let day = date
                .map(|d| Period::Day(d).ascii().as_str().to_string())
                .unwrap_or_default();
            assert_eq!(id.len() - ID_HASH_LEN, day.len().max(7), "{id}");
            assert!(id.starts_with(&day), "{id}");
        }
        // Fixed values: XXH3-64 of the empty string, and of `abc`, as its specification
        // gives them. Ids must never change.
        assert_eq!(release_id(d, ""), "2025-11-19-2d06800538d394c2");
        assert_eq!(release_id(None, "abc"), "undated-78af5f94892f3950");
    }
}
