//! The releases of the new table only, compared, waiting to be reported: the report lists
//! them after every release of the old table, so each waits until the old table's last
//! is written. Their rows are held (to be compared when their turn comes) up to a budget,
//! and past it in an unnamed temporary file: a table compared with one of many more
//! releases held the new releases' differences, 1.6 times their rows.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};

use csv::StringRecord;

/// Bytes of waiting rows held in memory; the rest go to a temporary file.
pub(super) const WAITING_IN_MEMORY: usize = 16 << 20;

pub(super) struct Waiting {
    /// Per rank: the rows held; their bytes and their number in all.
    held: HashMap<u64, Vec<StringRecord>>,
    held_bytes: usize,
    held_rows: usize,
    budget: usize,
    /// Past the budget: per rank, where its rows are in the file (as CSV), and how long.
    file: Option<File>,
    filed: HashMap<u64, (u64, usize)>,
    file_len: u64,
    /// Filed rows not yet written to the file (written a megabyte at a time).
    unwritten: Vec<u8>,
    /// The most rows held in memory at once (which the tests read).
    pub(super) most_held: usize,
}

/// The bytes rows take in memory, roughly: each row's text, a word per field, and what a
/// record and its two vectors cost besides (measured: 80,000 rows of 118 bytes and 19
/// fields held 38 MB, 480 bytes a row).
fn size(rows: &[StringRecord]) -> usize {
    rows.iter().map(|r| r.as_slice().len() + 8 * r.len() + 200).sum()
}

impl Waiting {
    pub(super) fn new(budget: usize) -> Waiting {
        Waiting {
            held: HashMap::new(),
            held_bytes: 0,
            held_rows: 0,
            budget,
            file: None,
            filed: HashMap::new(),
            file_len: 0,
            unwritten: Vec::new(),
            most_held: 0,
        }
    }

    /// Keeps the rows of the release ranked `rank` until it is taken.
    pub(super) fn put(&mut self, rank: u64, rows: Vec<StringRecord>) -> io::Result<()> {
        let bytes = size(&rows);
        if self.held_bytes + bytes <= self.budget {
            self.held_bytes += bytes;
            self.held_rows += rows.len();
            self.most_held = self.most_held.max(self.held_rows);
            self.held.insert(rank, rows);
            return Ok(());
        }
        let at = self.file_len + self.unwritten.len() as u64;
        let mut writer = csv::WriterBuilder::new()
            .has_headers(false)
            .from_writer(&mut self.unwritten);
        rows.iter().try_for_each(|row| writer.write_record(row))?;
        writer.flush()?;
        drop(writer);
        let len = (self.file_len + self.unwritten.len() as u64 - at) as usize;
        self.filed.insert(rank, (at, len));
        if self.unwritten.len() >= 1 << 20 {
            self.write_out()?;
        }
        Ok(())
    }

    /// The rows of the release ranked `rank`, if they wait here.
    pub(super) fn take(&mut self, rank: u64) -> io::Result<Option<Vec<StringRecord>>> {
        if let Some(rows) = self.held.remove(&rank) {
            self.held_bytes -= size(&rows);
            self.held_rows -= rows.len();
            return Ok(Some(rows));
        }
        let Some((at, len)) = self.filed.remove(&rank) else {
            return Ok(None);
        };
        self.write_out()?;
        let file = self
            .file
            .as_mut()
            .ok_or_else(|| io::Error::other("no file of waiting rows"))?;
        file.seek(SeekFrom::Start(at))?;
        let mut text = vec![0; len];
        file.read_exact(&mut text)?;
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(&text[..]);
        let rows = reader.records().collect::<Result<Vec<_>, _>>()?;
        Ok(Some(rows))
    }

    /// The ranks still waiting, in order.
    pub(super) fn ranks(&self) -> Vec<u64> {
        let mut ranks: Vec<u64> = self.held.keys().chain(self.filed.keys()).copied().collect();
        ranks.sort_unstable();
        ranks
    }

    /// Appends the rows not yet written to the file.
    fn write_out(&mut self) -> io::Result<()> {
        if self.unwritten.is_empty() {
            return Ok(());
        }
        if self.file.is_none() {
            self.file = Some(tempfile::tempfile()?);
        }
        let file = self
            .file
            .as_mut()
            .ok_or_else(|| io::Error::other("no file of waiting rows"))?;
        file.seek(SeekFrom::End(0))?;
        file.write_all(&self.unwritten)?;
        self.file_len += self.unwritten.len() as u64;
        self.unwritten.clear();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_come_back_as_they_went_in_held_or_filed() {
        let row = |fields: &[&str]| StringRecord::from(fields.to_vec());
        let rows = |n: usize| -> Vec<StringRecord> {
            (0..n)
                .map(|k| row(&["r", "body", "a \"quoted\", text\nover lines", "", &k.to_string()]))
                .collect()
        };
        for budget in [0, 300, 1 << 20] {
            let mut w = Waiting::new(budget);
            for rank in [3, 1, 2] {
                w.put(rank, rows(rank as usize)).unwrap();
            }
            assert_eq!(w.ranks(), [1, 2, 3]);
            for rank in [1, 2, 3] {
                assert_eq!(w.take(rank).unwrap(), Some(rows(rank as usize)), "budget {budget}");
            }
            assert_eq!(w.take(1).unwrap(), None);
            assert!(w.ranks().is_empty());
            // Nothing past the budget is held.
            assert!(budget > 0 || w.most_held == 0);
        }
    }
}
