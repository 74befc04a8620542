//! A unit's rendered rows: in memory up to [`SPILL_AT`] bytes at a time, the rest in an
//! unnamed temporary file. So a unit holds at most that much of its rows in memory while
//! it is rendered and while it waits for its turn, whatever its releases render (a 4 MB
//! "sentence" of dates renders 143 MB of rows), and memory does not grow with the rows of
//! the units in flight.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::ops::Range;

use super::output::unnamed_temp_file;

/// Bytes of rows a unit holds in memory before it moves them to its file. A unit of
/// ordinary text (256 KB) renders about 1 MB of rows, and never reaches it.
pub const SPILL_AT: usize = 4 << 20;

/// A unit's rows: the ones moved to its file, then `mem`. A row's place is its offset in
/// the rows as if they were all in memory.
#[derive(Default)]
pub struct Rendered {
    /// The rows after the ones in the file.
    pub mem: Vec<u8>,
    pub spilled: Spilled,
}

/// The rows moved to a unit's file.
#[derive(Default)]
pub struct Spilled {
    file: Option<File>,
    /// The length of each lot of rows moved: whole rows, of one release or more.
    lots: Vec<usize>,
    /// The bytes in the file.
    len: usize,
}

impl Spilled {
    /// Moves the rows of `rows` to the file, leaving it empty.
    pub fn take(&mut self, rows: &mut Vec<u8>) -> io::Result<()> {
        if rows.is_empty() {
            return Ok(());
        }
        let file = match &mut self.file {
            Some(file) => file,
            None => self.file.insert(unnamed_temp_file("the rows of a long release")?),
        };
        file.write_all(rows)?;
        self.lots.push(rows.len());
        self.len += rows.len();
        rows.clear();
        Ok(())
    }

    /// The bytes in the file: the place of the first row in memory.
    pub fn len(&self) -> usize {
        self.len
    }
}

impl Rendered {
    pub fn with_capacity(bytes: usize) -> Rendered {
        Rendered {
            mem: Vec::with_capacity(bytes),
            spilled: Spilled::default(),
        }
    }

    /// The place after the last row.
    pub fn end(&self) -> usize {
        self.spilled.len + self.mem.len()
    }

    /// Hands the rows at `places` to `write`, in order, with whether they are the first:
    /// at once when they are in memory, else a lot of the file at a time (each a whole
    /// number of rows).
    pub fn write(
        &mut self,
        places: Range<usize>,
        mut write: impl FnMut(&[u8], bool) -> io::Result<()>,
    ) -> io::Result<()> {
        let mut first = true;
        let mut lot_start = 0;
        let mut read = Vec::new();
        for &lot in &self.spilled.lots {
            let (from, to) = (places.start.max(lot_start), places.end.min(lot_start + lot));
            lot_start += lot;
            if from >= to {
                continue;
            }
            let file = self
                .spilled
                .file
                .as_mut()
                .ok_or_else(|| io::Error::other("no file of rows"))?;
            file.seek(SeekFrom::Start(from as u64))?;
            read.resize(to - from, 0);
            file.read_exact(&mut read)?;
            write(&read, std::mem::take(&mut first))?;
        }
        let from = places.start.max(self.spilled.len) - self.spilled.len;
        let to = places.end.max(self.spilled.len) - self.spilled.len;
        match self.mem.get(from..to) {
            Some(rows) if !rows.is_empty() => write(rows, first),
            Some(_) => Ok(()),
            None => Err(io::Error::other("rows past the end of a unit's")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rows of every range, read back from the file and memory, are the rows written.
    #[test]
    fn rows_read_back_are_the_rows_written() {
        let rows: Vec<Vec<u8>> = (0..40)
            .map(|n| format!("row {n},{}\n", "x".repeat(n)).into_bytes())
            .collect();
        let mut rendered = Rendered::default();
        let mut places = Vec::new();
        for (n, row) in rows.iter().enumerate() {
            let start = rendered.end();
            rendered.mem.extend_from_slice(row);
            places.push(start..rendered.end());
            // Lots of one row, of several, and the last rows left in memory.
            if n % 7 == 3 || n == 20 {
                rendered.spilled.take(&mut rendered.mem).unwrap();
            }
        }
        assert!(rendered.spilled.lots.len() > 3 && !rendered.mem.is_empty());
        let all: Vec<u8> = rows.concat();
        for (a, b) in [(0, 40), (0, 1), (3, 4), (3, 9), (10, 25), (21, 40), (39, 40), (5, 5)] {
            let range = places[a.min(39)].start..places[b.max(1) - 1].end;
            let range = if a == b { range.start..range.start } else { range };
            let mut got = Vec::new();
            let mut firsts = 0;
            rendered
                .write(range.clone(), |rows, first| {
                    assert!(!rows.is_empty() && rows.ends_with(b"\n"));
                    assert_eq!(first, got.is_empty());
                    firsts += usize::from(first);
                    got.extend_from_slice(rows);
                    Ok(())
                })
                .unwrap();
            assert_eq!(got, &all[range.clone()], "{a}..{b}");
            assert_eq!(firsts, usize::from(!range.is_empty()));
        }
    }
}
