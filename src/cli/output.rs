//! Where the table goes: standard output, or a file that appears complete or not at all.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::thread::JoinHandle;

use tempfile::NamedTempFile;

/// An output being written.
pub enum Output {
    Stdout(BufWriter<io::Stdout>),
    /// A temporary file beside the final path, renamed over it by `commit`.
    File {
        temp: BufWriter<NamedTempFile>,
        path: PathBuf,
        flusher: Flusher,
    },
    /// An anonymous temporary file, read back by the caller (a workbook's tables).
    Spool(BufWriter<File>),
}

impl Output {
    pub fn open(path: Option<&Path>) -> io::Result<Output> {
        match path {
            None => Ok(Output::Stdout(BufWriter::with_capacity(1 << 16, io::stdout()))),
            Some(p) if p.as_os_str() == "-" => Ok(Output::Stdout(BufWriter::with_capacity(1 << 16, io::stdout()))),
            Some(p) => {
                let dir = match p.parent() {
                    Some(d) if !d.as_os_str().is_empty() => d,
                    _ => Path::new("."),
                };
                let temp = temp_file(dir)?;
                Ok(Output::File {
                    temp: BufWriter::with_capacity(1 << 16, temp),
                    path: p.to_path_buf(),
                    flusher: Flusher::every(FLUSH_EVERY),
                })
            }
        }
    }

    /// A table that is read back before anything is written out (it goes into a workbook).
    pub fn spool() -> io::Result<Output> {
        Ok(Output::Spool(BufWriter::with_capacity(1 << 16, tempfile::tempfile()?)))
    }

    /// The spooled bytes, from their start.
    pub fn read_back(self) -> io::Result<File> {
        use std::io::Seek;
        match self {
            Output::Spool(w) => {
                let mut file = w.into_inner().map_err(|e| e.into_error())?;
                file.rewind()?;
                Ok(file)
            }
            _ => Err(io::Error::other("only a spool is read back")),
        }
    }

    /// Flushes, and for a file renames it into place. A dropped, uncommitted output
    /// leaves no file behind.
    pub fn commit(self) -> io::Result<()> {
        match self {
            Output::Stdout(mut w) => w.flush(),
            Output::Spool(mut w) => w.flush(),
            Output::File { temp, path, flusher } => {
                let temp = temp.into_inner().map_err(|e| e.into_error())?;
                flusher.finish()?;
                temp.as_file().sync_all()?;
                temp.persist(&path).map(|_| ()).map_err(|e| e.error)
            }
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Output::Stdout(w) => w.write(buf),
            Output::Spool(w) => w.write(buf),
            Output::File { temp, flusher, .. } => {
                let n = temp.write(buf)?;
                flusher.wrote(n, temp.get_ref().as_file());
                Ok(n)
            }
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Output::Stdout(w) => w.flush(),
            Output::Spool(w) => w.flush(),
            Output::File { temp, .. } => temp.flush(),
        }
    }
}

/// Bytes written between two early flushes of the output file.
const FLUSH_EVERY: u64 = 64 << 20;

/// Starts the disk writes of a large output while it is still being written: a thread
/// syncs the data so far every `every` bytes, so that the sync before the rename (which
/// the whole run waits for) has only the tail left. One sync at a time; none is skipped
/// at the end, where `commit` syncs everything.
pub struct Flusher {
    every: u64,
    since: u64,
    running: Option<JoinHandle<io::Result<()>>>,
}

impl Flusher {
    fn every(every: u64) -> Flusher {
        Flusher {
            every,
            since: 0,
            running: None,
        }
    }

    /// `n` more bytes were handed to `file`.
    fn wrote(&mut self, n: usize, file: &File) {
        self.since += n as u64;
        if self.since < self.every || self.running.as_ref().is_some_and(|t| !t.is_finished()) {
            return;
        }
        // A failed early sync is only lost time: the final one reports any error.
        if let Ok(handle) = file.try_clone() {
            self.since = 0;
            self.running = Some(std::thread::spawn(move || handle.sync_data()));
        }
    }

    /// Waits for the sync in flight, if any.
    fn finish(self) -> io::Result<()> {
        match self.running.map(JoinHandle::join) {
            Some(Ok(result)) => result,
            Some(Err(_)) => Err(io::Error::other("the output's sync thread panicked")),
            None => Ok(()),
        }
    }
}

/// A temporary file that ends with the permissions `File::create` would give (read and
/// write for all, less the umask), not the owner-only ones of a temporary file.
fn temp_file(dir: &Path) -> io::Result<NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".bulletin-facts-");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder.tempfile_in(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn early_flushes_leave_the_table_whole() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("facts.csv");
        let mut out = Output::File {
            temp: BufWriter::with_capacity(64, temp_file(dir.path()).expect("temp file")),
            path: path.clone(),
            flusher: Flusher::every(1000),
        };
        let mut expected = Vec::new();
        for n in 0..2000 {
            let row = format!("row {n},value {}\n", n * 7);
            out.write_all(row.as_bytes()).expect("write");
            expected.extend_from_slice(row.as_bytes());
        }
        let Output::File { flusher, .. } = &out else {
            unreachable!()
        };
        assert!(flusher.running.is_some(), "an early sync was started");
        out.commit().expect("commit");
        assert_eq!(std::fs::read(&path).expect("read back"), expected);
        let left: Vec<_> = std::fs::read_dir(dir.path()).expect("list").collect();
        assert_eq!(left.len(), 1, "only the table remains");
    }
}
