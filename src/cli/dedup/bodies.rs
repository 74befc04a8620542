//! Where the copies rule keeps the releases it has kept: records one after another, in
//! memory up to [`BODIES_IN_MEMORY`] bytes and past that in an unnamed temporary file.

/// Bytes of kept bodies held in memory; the rest go to a temporary file.
const BODIES_IN_MEMORY: usize = 16 << 20;

/// The folded bodies of kept releases, one after another.
#[derive(Debug, Default)]
pub(super) struct Bodies {
    memory: Vec<u8>,
    /// Past the memory: an unnamed temporary file (gone with the process), and its length
    /// with the bytes not yet written to it.
    file: Option<std::fs::File>,
    file_len: u64,
    unwritten: Vec<u8>,
    /// Bytes held in memory ([`BODIES_IN_MEMORY`] when `None`; tests spill sooner).
    limit: Option<usize>,
    /// Records read back so far (tests count the work of judging).
    #[cfg(test)]
    pub(super) reads: usize,
}

impl Bodies {
    /// A store holding `limit` bytes in memory, or [`BODIES_IN_MEMORY`].
    #[cfg(test)]
    pub(super) fn holding(limit: Option<usize>) -> Bodies {
        Bodies {
            limit,
            ..Bodies::default()
        }
    }

    fn limit(&self) -> usize {
        self.limit.unwrap_or(BODIES_IN_MEMORY)
    }

    /// Stores pieces one after another (in memory, or all in the file); where they start.
    pub(super) fn store<const N: usize>(&mut self, pieces: [&[u8]; N]) -> std::io::Result<u64> {
        let len: usize = pieces.iter().map(|p| p.len()).sum();
        if self.memory.len() + len <= self.limit() {
            if self.memory.capacity() == 0 {
                // Room for all at once: grown by doubling, the bodies were copied again at
                // each step. Pages are taken only as bodies fill them.
                self.memory.reserve_exact(self.limit());
            }
            let at = self.memory.len() as u64;
            pieces.iter().for_each(|p| self.memory.extend_from_slice(p));
            return Ok(at);
        }
        // Past the memory, bodies are written a megabyte at a time: a system call per
        // release took seconds on a million.
        pieces.iter().for_each(|p| self.unwritten.extend_from_slice(p));
        let at = self.limit() as u64 + self.file_len;
        self.file_len += len as u64;
        if self.unwritten.len() >= 1 << 20 {
            self.write_out()?;
        }
        Ok(at)
    }

    /// Appends the bodies not yet written to the file.
    fn write_out(&mut self) -> std::io::Result<()> {
        use std::io::{Seek, SeekFrom, Write};
        if self.unwritten.is_empty() {
            return Ok(());
        }
        if self.file.is_none() {
            self.file = Some(crate::cli::output::unnamed_temp_file("the bodies of releases read")?);
        }
        let file = self
            .file
            .as_mut()
            .ok_or_else(|| std::io::Error::other("no body file"))?;
        file.seek(SeekFrom::End(0))?;
        file.write_all(&self.unwritten)?;
        self.unwritten.clear();
        Ok(())
    }

    /// Whether the bytes stored at `at` start with `prefix`.
    pub(super) fn prefix_is(&mut self, at: u64, prefix: &[u8]) -> std::io::Result<bool> {
        #[cfg(test)]
        {
            self.reads += 1;
        }
        let limit = self.limit() as u64;
        if at < limit {
            let from = at as usize;
            return Ok(self.memory.get(from..from + prefix.len()) == Some(prefix));
        }
        let mut stored = vec![0; prefix.len()];
        self.read_at(at, &mut stored)?;
        Ok(stored == prefix)
    }

    /// Reads the bytes stored at `at` into `into`.
    pub(super) fn read_at(&mut self, at: u64, into: &mut [u8]) -> std::io::Result<()> {
        #[cfg(test)]
        {
            self.reads += 1;
        }
        let limit = self.limit() as u64;
        if at < limit {
            let from = at as usize;
            let stored = self
                .memory
                .get(from..from + into.len())
                .ok_or_else(|| std::io::Error::other("no such record"))?;
            into.copy_from_slice(stored);
            return Ok(());
        }
        use std::io::{Read, Seek, SeekFrom};
        self.write_out()?;
        let file = self
            .file
            .as_mut()
            .ok_or_else(|| std::io::Error::other("no body file"))?;
        file.seek(SeekFrom::Start(at - limit))?;
        file.read_exact(into)
    }
}
