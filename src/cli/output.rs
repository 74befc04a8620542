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
        /// Keeps the temporary file on the list removed at an interrupt while it exists.
        _listed: cleanup::Listed,
    },
    /// An anonymous temporary file, read back by the caller (a workbook's tables).
    Spool(BufWriter<File>),
    /// A device or FIFO, written as it is (`-o /dev/null`, `-o /dev/stderr`).
    Device(BufWriter<File>),
}

/// Where a named output goes, checked before any input is read.
#[derive(Debug, Clone)]
pub enum Target {
    Stdout,
    /// An anonymous temporary file that the run reads back (a workbook's tables).
    Spool,
    File {
        /// The path the user gave, for messages.
        given: PathBuf,
        /// The file written: the given path, or the end of its chain of symbolic links.
        real: PathBuf,
        /// The permissions of the file it replaces, kept.
        keep: Option<std::fs::Permissions>,
    },
    /// A device or FIFO that exists: written in place, since a file renamed over it would
    /// replace the device itself (`-o /dev/null` run as root made `/dev/null` a file).
    Device {
        given: PathBuf,
        real: PathBuf,
    },
}

impl Target {
    /// Checks an output path (None or `-`: standard output): not a folder, its folder there
    /// and writable. The message names the path as given, never a temporary file.
    pub fn check(path: Option<&Path>) -> Result<Target, String> {
        let Some(given) = path.filter(|p| p.as_os_str() != "-") else {
            return Ok(Target::Stdout);
        };
        let fail = |why: String| format!("{}: error: cannot create the output file: {why}", given.display());
        let real = follow_links(given).map_err(|e| fail(e.to_string()))?;
        let meta = std::fs::metadata(&real).ok();
        if meta.as_ref().is_some_and(|m| m.is_dir()) {
            return Err(fail("it is a folder".to_string()));
        }
        if meta.as_ref().is_some_and(|m| !m.is_file()) {
            return Ok(Target::Device {
                given: given.to_path_buf(),
                real,
            });
        }
        let dir = folder_of(&real);
        if !dir.is_dir() {
            return Err(fail(format!("the folder {} does not exist", dir.display())));
        }
        // A trial temporary file: the real one is made the same way when the run starts.
        temp_file(dir, None).map_err(|e| fail(io::Error::from(e.kind()).to_string()))?;
        Ok(Target::File {
            given: given.to_path_buf(),
            real,
            keep: meta.map(|m| m.permissions()),
        })
    }

    /// How messages name it.
    pub fn name(&self) -> String {
        match self {
            Target::Stdout => "standard output".to_string(),
            Target::Spool => "a temporary file".to_string(),
            Target::File { given, .. } | Target::Device { given, .. } => given.display().to_string(),
        }
    }
}

/// The folder a file is made in.
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// The file a path names once its symbolic links are followed (the link itself when it
/// points nowhere yet: its target is made). At most 40 links, as the system allows.
fn follow_links(path: &Path) -> io::Result<PathBuf> {
    let mut at = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&at) {
            Ok(m) if m.file_type().is_symlink() => {
                let to = std::fs::read_link(&at)?;
                at = folder_of(&at).join(to);
            }
            _ => return Ok(at),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

impl Output {
    pub fn open(target: &Target) -> io::Result<Output> {
        match target {
            Target::Stdout => Ok(Output::Stdout(BufWriter::with_capacity(1 << 16, io::stdout()))),
            Target::Spool => Output::spool(),
            Target::File { real, keep, .. } => {
                let temp = temp_file(folder_of(real), keep.as_ref())?;
                let listed = cleanup::Listed::new(temp.path());
                Ok(Output::File {
                    temp: BufWriter::with_capacity(1 << 16, temp),
                    path: real.clone(),
                    flusher: Flusher::every(FLUSH_EVERY),
                    _listed: listed,
                })
            }
            Target::Device { real, .. } => {
                let device = std::fs::OpenOptions::new().write(true).open(real)?;
                Ok(Output::Device(BufWriter::with_capacity(1 << 16, device)))
            }
        }
    }

    /// A table that is read back before anything is written out (it goes into a workbook).
    pub fn spool() -> io::Result<Output> {
        Ok(Output::Spool(BufWriter::with_capacity(
            1 << 16,
            unnamed_temp_file("the table, before it goes into the workbook")?,
        )))
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
            Output::Spool(mut w) | Output::Device(mut w) => w.flush(),
            Output::File {
                temp, path, flusher, ..
            } => {
                let temp = temp.into_inner().map_err(|e| e.into_error())?;
                flusher.finish()?;
                temp.as_file().sync_all()?;
                temp.persist(&path).map(|_| ()).map_err(|e| e.error)
            }
        }
    }
}

/// Temporary outputs removed when the run is interrupted (SIGINT, SIGTERM, SIGHUP): a
/// handler thread removes them and ends the process.
pub mod cleanup {
    use std::path::{Path, PathBuf};
    use std::sync::Mutex;

    static TEMPS: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

    fn temps() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
        TEMPS.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// A temporary file on the list until this drops (after its rename, or with it).
    pub struct Listed(PathBuf);

    impl Listed {
        pub fn new(path: &Path) -> Listed {
            temps().push(path.to_path_buf());
            Listed(path.to_path_buf())
        }
    }

    impl Drop for Listed {
        fn drop(&mut self) {
            temps().retain(|p| p != &self.0);
        }
    }

    /// Installs the handler; exit status 130 (as a shell reports an interrupt).
    pub fn on_interrupt() {
        // Without a handler (one already set) an interrupt still stops the run; only the
        // temporary file may stay.
        let _ = ctrlc::set_handler(|| {
            for p in temps().drain(..) {
                let _ = std::fs::remove_file(p);
            }
            std::process::exit(130);
        });
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Output::Stdout(w) => w.write(buf),
            Output::Spool(w) | Output::Device(w) => w.write(buf),
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
            Output::Spool(w) | Output::Device(w) => w.flush(),
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

/// An unnamed temporary file (gone with the process), or an error saying what it was for
/// and where it was to be made (a missing or full `TMPDIR`).
pub fn unnamed_temp_file(what: &str) -> io::Result<File> {
    tempfile::tempfile().map_err(|e| {
        let dir = std::env::temp_dir();
        let why = format!(
            "cannot make a temporary file for {what} in {} (TMPDIR): {e}",
            dir.display()
        );
        io::Error::new(e.kind(), NoTempFile(why))
    })
}

/// Why an unnamed temporary file could not be made: not a failure to write the output.
#[derive(Debug)]
pub struct NoTempFile(pub String);

impl std::fmt::Display for NoTempFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for NoTempFile {}

/// A temporary file that ends with the permissions of the file it replaces (`keep`), or
/// those `File::create` would give (read and write for all, less the umask), not the
/// owner-only ones of a temporary file.
fn temp_file(dir: &Path, keep: Option<&std::fs::Permissions>) -> io::Result<NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".bulletin-facts-");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let file = builder.tempfile_in(dir)?;
    if let Some(keep) = keep {
        file.as_file().set_permissions(keep.clone())?;
    }
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn links_are_followed_to_the_file_they_name_even_one_not_made_yet() {
        let dir = tempfile::tempdir().expect("temp dir");
        let d = dir.path();
        std::fs::create_dir(d.join("sub")).expect("folder");
        std::os::unix::fs::symlink("sub/next", d.join("first")).expect("link");
        std::os::unix::fs::symlink("final.csv", d.join("sub/next")).expect("link");
        assert_eq!(
            follow_links(&d.join("first")).expect("followed"),
            d.join("sub/final.csv")
        );
        assert_eq!(follow_links(&d.join("plain.csv")).expect("as is"), d.join("plain.csv"));
        std::os::unix::fs::symlink("loop", d.join("loop")).expect("link");
        assert!(follow_links(&d.join("loop")).is_err());
    }

    #[test]
    fn early_flushes_leave_the_table_whole() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("facts.csv");
        let mut out = Output::File {
            temp: BufWriter::with_capacity(64, temp_file(dir.path(), None).expect("temp file")),
            path: path.clone(),
            flusher: Flusher::every(1000),
            _listed: cleanup::Listed::new(Path::new("unused")),
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
