//! Input arguments -> the list of sources to read, and reading one as UTF-8 text.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use bulletin_facts::{Problem, Severity};

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

/// Byte offsets of a lossily decoded text back to the bytes of its source.
#[derive(Debug, Default)]
pub struct OffsetMap {
    /// (offset in the text, offset in the source) just after each replaced sequence.
    anchors: Vec<(usize, usize)>,
}

impl OffsetMap {
    pub fn is_identity(&self) -> bool {
        self.anchors.is_empty()
    }

    /// The source offset of a text offset (inside a U+FFFD: the byte after the bad ones).
    pub fn original(&self, offset: usize) -> usize {
        match self.anchors.partition_point(|&(t, _)| t <= offset) {
            0 => offset,
            n => {
                let (t, o) = self.anchors[n - 1];
                o + (offset - t)
            }
        }
    }
}

/// `bytes` with each bad sequence replaced by U+FFFD (as `String::from_utf8_lossy`), and
/// the map that keeps fact offsets pointing into the source bytes.
fn decode_lossy(bytes: &[u8]) -> (String, OffsetMap) {
    let mut text = String::with_capacity(bytes.len() + 16);
    let mut map = OffsetMap::default();
    let mut original = 0;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        original += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            text.push(char::REPLACEMENT_CHARACTER);
            original += chunk.invalid().len();
            map.anchors.push((text.len(), original));
        }
    }
    (text, map)
}

/// Reads a source as UTF-8 text, or says why it cannot be read (with line and byte).
/// With `lossy`, bytes that are not UTF-8 become U+FFFD and a warning names the first one
/// (given back, to be shown in order with the file's other problems); the map turns
/// offsets in the text back into offsets in the source.
/// A NUL byte marks a binary file, which is never read as text.
pub fn read_text(source: &Source, lossy: bool) -> Result<(String, OffsetMap, Option<Problem>), String> {
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
    let line_at = |bytes: &[u8], at: usize| memchr::memchr_iter(b'\n', &bytes[..at]).count() + 1;
    if let Some(at) = memchr::memchr(0, &bytes) {
        return Err(format!(
            "{}:{}: error: a NUL byte at byte {at}: a binary file, not text; file skipped",
            source.name(),
            line_at(&bytes, at)
        ));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok((text, OffsetMap::default(), None)),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let line = line_at(e.as_bytes(), at);
            if lossy {
                let warning = Problem::new(
                    Severity::Warning,
                    line,
                    at,
                    &format!("not valid UTF-8 at byte {at}; bad bytes replaced by U+FFFD (--lossy)"),
                );
                let (text, map) = decode_lossy(e.as_bytes());
                return Ok((text, map, Some(warning)));
            }
            Err(format!(
                "{}:{line}: error: not valid UTF-8 at byte {at}; file skipped (--lossy reads it with bad bytes replaced)",
                source.name()
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lossy_offsets_map_back_to_the_source_bytes() {
        let bytes = b"ab\xff\xfecd\xe2\x82 ef";
        let (text, map) = decode_lossy(bytes);
        assert_eq!(text, String::from_utf8_lossy(bytes));
        for word in ["ab", "cd", "ef"] {
            let at = text.find(word).unwrap();
            let o = map.original(at);
            assert_eq!(&bytes[o..o + 2], word.as_bytes(), "{word}");
        }
    }
}
