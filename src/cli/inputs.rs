//! Input arguments -> the list of sources to read, and reading one as UTF-8 text.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

/// One input to read: a file, or standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Stdin,
    File(PathBuf),
}

impl Source {
    /// The name rows and messages give it: the path as given, `-` for standard input.
    pub fn name(&self) -> String {
        match self {
            Source::Stdin => "-".to_string(),
            Source::File(p) => p.display().to_string(),
        }
    }
}

/// Which files of a directory to read: a glob over the file name, or over the path below
/// the directory when the pattern holds a `/`.
pub struct Pattern {
    matcher: globset::GlobMatcher,
    by_path: bool,
}

impl Pattern {
    pub fn new(glob: &str) -> Result<Pattern, String> {
        let matcher = globset::GlobBuilder::new(glob)
            .literal_separator(true)
            .build()
            .map_err(|e| format!("--glob `{glob}`: {e}"))?
            .compile_matcher();
        Ok(Pattern {
            matcher,
            by_path: glob.contains('/'),
        })
    }

    fn matches(&self, root: &Path, path: &Path) -> bool {
        if self.by_path {
            path.strip_prefix(root).is_ok_and(|p| self.matcher.is_match(p))
        } else {
            path.file_name().is_some_and(|n| self.matcher.is_match(n))
        }
    }
}

/// Expands the arguments: directories become their files that match `pattern`
/// (recursively, sorted). Problems (an unreadable directory) are returned as messages.
pub fn expand(args: &[PathBuf], pattern: &Pattern) -> (Vec<Source>, Vec<String>) {
    let mut sources = Vec::new();
    let mut problems = Vec::new();
    if args.is_empty() {
        sources.push(Source::Stdin);
    }
    for arg in args {
        if arg.as_os_str() == "-" {
            sources.push(Source::Stdin);
        } else if arg.is_dir() {
            let mut found = Vec::new();
            walk(arg, arg, pattern, &mut found, &mut problems);
            found.sort();
            sources.extend(found.into_iter().map(Source::File));
        } else {
            sources.push(Source::File(arg.clone()));
        }
    }
    (sources, problems)
}

fn walk(root: &Path, dir: &Path, pattern: &Pattern, found: &mut Vec<PathBuf>, problems: &mut Vec<String>) {
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            problems.push(format!("{}: error: cannot read directory: {e}; skipped", dir.display()));
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(root, &path, pattern, found, problems);
        } else if pattern.matches(root, &path) {
            found.push(path);
        }
    }
}

/// Reads a source as UTF-8 text, or says why it cannot be read (with line and byte).
pub fn read_text(source: &Source) -> Result<String, String> {
    let mut bytes = Vec::new();
    let read = match source {
        Source::Stdin => std::io::stdin().read_to_end(&mut bytes).map(|_| ()),
        Source::File(p) => fs::File::open(p)
            .and_then(|mut f| f.read_to_end(&mut bytes))
            .map(|_| ()),
    };
    if let Err(e) = read {
        return Err(format!("{}: error: cannot read: {e}; skipped", source.name()));
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = memchr::memchr_iter(b'\n', &e.as_bytes()[..at]).count() + 1;
        format!(
            "{}:{line}: error: not valid UTF-8 at byte {at}; file skipped",
            source.name()
        )
    })
}
