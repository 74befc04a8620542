//! The command line's one error type, and the one place where outcomes become exit
//! statuses.

use std::io;
use std::process::ExitCode;

use super::output::NoTempFile;

/// Why a command stopped before doing what was asked: nothing usable was written.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Options or values that cannot be used; nothing was read.
    #[error("error: {0}")]
    Usage(String),
    /// A file that could not be read, made or written, named as the user gave it.
    #[error("{path}: error: {what}: {source}")]
    File {
        path: String,
        what: &'static str,
        source: io::Error,
    },
    /// The output could not be written (standard output, or a file named elsewhere), or
    /// a temporary file the run needed could not be made (its error says which).
    #[error("error: {}", output_failure(.0))]
    Output(io::Error),
    /// A message already complete, naming its file (an output path that cannot be used).
    #[error("{0}")]
    Stated(String),
}

/// A write to a file the user named that failed while the run went on (a table written
/// beside the facts), carried through the `io::Error` the engine's sink returns so that
/// the message names the file (see [`Error::written`]).
#[derive(Debug, thiserror::Error)]
#[error("{path}: {what}: {source}")]
pub struct Named {
    path: String,
    what: &'static str,
    source: io::Error,
}

impl Named {
    /// Wraps a write error of the file `path` (`what` failed), its kind kept.
    pub fn wrap(path: impl std::fmt::Display, what: &'static str) -> impl FnOnce(io::Error) -> io::Error {
        let path = path.to_string();
        move |source| io::Error::new(source.kind(), Named { path, what, source })
    }
}

/// What stopped the output: its error, said as a failure to write it unless it says
/// what it is (a temporary file that could not be made).
fn output_failure(e: &io::Error) -> String {
    match e.get_ref().is_some_and(|inner| inner.is::<NoTempFile>()) {
        true => e.to_string(),
        false => format!("cannot write the output: {e}"),
    }
}

impl Error {
    /// The error of a write that stopped a run: its file's, when it was named ([`Named`]),
    /// else the output's.
    pub fn written(e: io::Error) -> Error {
        if !e.get_ref().is_some_and(|inner| inner.is::<Named>()) {
            return Error::Output(e);
        }
        let kind = e.kind();
        match e.into_inner().map(|inner| inner.downcast::<Named>()) {
            Some(Ok(named)) => Error::File {
                path: named.path,
                what: named.what,
                source: named.source,
            },
            _ => Error::Output(kind.into()),
        }
    }

    pub fn file(path: impl std::fmt::Display, what: &'static str) -> impl FnOnce(io::Error) -> Error {
        let path = path.to_string();
        move |source| Error::File { path, what, source }
    }

    /// Standard output closed by its reader (`extract ... | head`): it had what it wanted.
    fn is_broken_pipe(&self) -> bool {
        match self {
            Error::Output(e) | Error::File { source: e, .. } => e.kind() == io::ErrorKind::BrokenPipe,
            Error::Usage(_) | Error::Stated(_) => false,
        }
    }
}

impl From<io::Error> for Error {
    fn from(e: io::Error) -> Error {
        Error::Output(e)
    }
}

/// How a command that ran to its end went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Everything was read (and, for `diff`/`check`, the tables are equal).
    Done,
    /// Some input or release was skipped (the output holds the rest), or the tables
    /// differ.
    Partial,
}

impl Outcome {
    /// `Partial` when `partial`.
    pub fn partial_if(partial: bool) -> Outcome {
        if partial { Outcome::Partial } else { Outcome::Done }
    }
}

/// Exit statuses: 0 done; 1 something skipped or the tables differ; 2 nothing usable.
/// (130, an interrupt, is set by the signal handler.)
pub fn exit_status(result: Result<Outcome, Error>) -> ExitCode {
    match result {
        Ok(Outcome::Done) => ExitCode::from(0),
        Ok(Outcome::Partial) => ExitCode::from(1),
        Err(e) if e.is_broken_pipe() => ExitCode::from(0),
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_read_as_one_line_naming_the_file() {
        let e = Error::file("out/facts.csv", "cannot create the output file")(io::Error::from(io::ErrorKind::NotFound));
        assert_eq!(
            e.to_string(),
            "out/facts.csv: error: cannot create the output file: entity not found"
        );
        assert_eq!(Error::Usage("--jobs 0".into()).to_string(), "error: --jobs 0");
        assert!(Error::Output(io::ErrorKind::BrokenPipe.into()).is_broken_pipe());
        let full = io::Error::new(io::ErrorKind::StorageFull, "disk full");
        assert_eq!(
            Error::Output(full).to_string(),
            "error: cannot write the output: disk full"
        );
        let no_temp = io::Error::new(
            io::ErrorKind::NotFound,
            NoTempFile("cannot make a temporary file".into()),
        );
        assert_eq!(
            Error::Output(no_temp).to_string(),
            "error: cannot make a temporary file"
        );
        assert!(!Error::Usage("x".into()).is_broken_pipe());
    }

    #[test]
    fn a_write_error_of_a_named_file_names_it() {
        let full = io::Error::new(io::ErrorKind::StorageFull, "disk full");
        let e = Error::written(Named::wrap("c.csv", "cannot write the checks")(full));
        assert_eq!(e.to_string(), "c.csv: error: cannot write the checks: disk full");
        let pipe = Named::wrap("-", "cannot write the releases table")(io::ErrorKind::BrokenPipe.into());
        assert!(Error::written(pipe).is_broken_pipe());
        let plain = io::Error::new(io::ErrorKind::StorageFull, "disk full");
        assert_eq!(
            Error::written(plain).to_string(),
            "error: cannot write the output: disk full"
        );
    }
}
