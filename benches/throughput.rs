//! Throughput of the library extraction over a large corpus built from `fixtures/`.
//!
//! `cargo bench --bench throughput` builds a corpus of at least 200 MB in memory by
//! repeating the fixtures with varied titles and figures, then reports MB/s for
//! `extract_text` on one thread and on all cores (one chunk of ~10 MB per "file").
//! `BENCH_MB=50 cargo bench --bench throughput` sizes the corpus;
//! `cargo bench --bench throughput -- --write-corpus DIR` writes it as 10 MB files for
//! the end-to-end measurement of the binary (`benches/e2e.sh`);
//! `cargo bench --bench throughput -- --stages` times the pipeline's stages one after
//! another on one thread (read, + sentences, + figures, + subjects, + rows): what each
//! stage adds is what it costs.

use std::path::{Path, PathBuf};
use std::time::Instant;

use bulletin_facts::stages::read_bulletin;
use bulletin_facts::stages::{figures, split, subjects};
use bulletin_facts::{Options, extract_releases, extract_text};
use rayon::prelude::*;

const FILE_BYTES: usize = 10 << 20;

// The allocator the binary uses (src/main.rs), so that the two figures compare.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A deterministic generator, so that every run measures the same corpus.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

/// The fixtures (or the `*.txt` of `BENCH_CORPUS=DIR`, e.g. the real bulletins of
/// `../shared/corpus/dev`, read at run time and never copied) as bulletins with separators.
fn fixture_texts(root: &Path) -> Vec<String> {
    let dir = std::env::var("BENCH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|_| root.join("fixtures"));
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect()
        })
        .unwrap_or_default();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .map(|t| t.trim_start_matches('\u{feff}').replace("\r\n", "\n"))
        .filter(|t| t.lines().any(|l| l.trim() == "-"))
        .collect()
}

/// One varied copy of a bulletin: titles get a serial, body digits are shuffled
/// (trailers are kept so that every release still has a valid date).
fn vary(text: &str, serial: u64, rng: &mut Lcg) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let mut after_separator = 0;
    for line in text.lines() {
        if line.trim() == "-" {
            after_separator = 1;
            out.push_str(line);
        } else if after_separator == 1 {
            after_separator = 2;
            out.push_str(line);
        } else if after_separator == 2 {
            after_separator = 3;
            out.push_str(line);
            out.push_str(&format!(" (edition {serial})"));
        } else {
            let (body, trailer) = match line.rfind("date") {
                Some(at) if line.len() - at <= 15 => line.split_at(at),
                _ => (line, ""),
            };
            for c in body.chars() {
                // Keep the first digit of each run so years stay years and counts stay counts.
                if c.is_ascii_digit() && rng.next().is_multiple_of(3) && !out.ends_with(|p: char| !p.is_ascii_digit()) {
                    out.push(char::from(b'0' + (rng.next() % 10) as u8));
                } else {
                    out.push(c);
                }
            }
            out.push_str(trailer);
        }
        out.push('\n');
    }
    out
}

/// The corpus as ~10 MB "files".
fn corpus(root: &Path, total: usize) -> Vec<String> {
    let texts = fixture_texts(root);
    assert!(!texts.is_empty(), "no bulletins found (fixtures/ or BENCH_CORPUS)");
    let mut rng = Lcg(42);
    let mut files = Vec::new();
    let mut current = String::with_capacity(FILE_BYTES + 4096);
    let mut made = 0;
    let mut serial = 0u64;
    while made < total {
        let text = &texts[(serial as usize) % texts.len()];
        let copy = vary(text, serial, &mut rng);
        serial += 1;
        made += copy.len();
        current.push_str(&copy);
        if current.len() >= FILE_BYTES {
            files.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        files.push(current);
    }
    files
}

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let args: Vec<String> = std::env::args().collect();
    let megabytes: usize = std::env::var("BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let files = corpus(root, megabytes * 1_000_000);
    let bytes: usize = files.iter().map(String::len).sum();

    if let Some(at) = args.iter().position(|a| a == "--write-corpus") {
        let dir = PathBuf::from(args.get(at + 1).expect("--write-corpus DIR"));
        std::fs::create_dir_all(&dir).expect("create corpus dir");
        for (n, f) in files.iter().enumerate() {
            std::fs::write(dir.join(format!("bulletin-{n:04}.txt")), f).expect("write corpus file");
        }
        println!("wrote {} files, {:.1} MB, to {}", files.len(), mb(bytes), dir.display());
        return;
    }
    // `cargo test --benches` runs this too: keep that run tiny.
    if args.iter().any(|a| a == "--test" || a == "--list") {
        return;
    }

    let options = Options::default();
    if args.iter().any(|a| a == "--stages") {
        stages(&files, bytes);
        return;
    }
    let start = Instant::now();
    let facts: usize = files
        .iter()
        .map(|f| extract_text("bench", f, &options).facts().count())
        .sum();
    let one = start.elapsed().as_secs_f64();
    let start = Instant::now();
    let facts_par: usize = files
        .par_iter()
        .map(|f| extract_text("bench", f, &options).facts().count())
        .sum();
    let all = start.elapsed().as_secs_f64();
    assert_eq!(facts, facts_par);
    println!(
        "corpus: {:.1} MB in {} files, {} facts ({:.0} facts per MB)",
        mb(bytes),
        files.len(),
        facts,
        facts as f64 / mb(bytes)
    );
    println!(
        "library extraction, 1 thread : {:>7.1} MB/s ({one:.2} s)",
        mb(bytes) / one
    );
    println!(
        "library extraction, {} threads: {:>7.1} MB/s ({all:.2} s)",
        rayon::current_num_threads(),
        mb(bytes) / all
    );
}

/// One stage's run over a file: how many items it made (counted, so that none is
/// optimized away).
type Stage = Box<dyn Fn(&str) -> usize>;

/// The pipeline cut after each stage, on one thread: how fast it runs up to there.
/// Each stage runs `BENCH_ROUNDS` times (default 5), the rounds interleaved so that a slow
/// spell of the machine hits every stage alike, and its fastest round is reported: one
/// pass of each was too noisy on a shared machine to apportion the time.
fn stages(files: &[String], bytes: usize) {
    let rounds: usize = std::env::var("BENCH_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5)
        .max(1);
    let mut stages: Vec<(&str, Stage)> = Vec::new();
    let mut time = |name: &'static str, run: Stage| stages.push((name, run));
    // Each stage's result is counted, so that none is optimized away.
    time("read releases", Box::new(|f| read_bulletin(f, None).0.len()));
    let bodies = |f: &str, each: &mut dyn FnMut(&str, bool) -> usize| {
        let mut n = 0;
        for r in read_bulletin(f, None).0 {
            n += each(r.title, false);
            let spans = split(r.body);
            let last = spans.len().saturating_sub(1);
            for (i, span) in spans.iter().enumerate() {
                n += each(&r.body[span.clone()], r.cut && i == last);
            }
        }
        n
    };
    time("+ split sentences", Box::new(move |f| bodies(f, &mut |_, _| 1)));
    time(
        "+ find figures (grammar, cues)",
        Box::new(move |f| bodies(f, &mut |s, cut| figures(s, cut).len())),
    );
    time(
        "+ subjects",
        Box::new(move |f| {
            bodies(f, &mut |s, cut| {
                let found = figures(s, cut);
                subjects(s, &found).len()
            })
        }),
    );
    time(
        "+ rows (extract_releases, streamed)",
        Box::new(|f| {
            extract_releases("bench", f, &Options::default())
                .map(|r| r.facts.len())
                .sum()
        }),
    );
    time(
        "+ rows (extract_text, all kept)",
        Box::new(|f| extract_text("bench", f, &Options::default()).facts().count()),
    );
    let mut best = vec![(f64::INFINITY, 0); stages.len()];
    for _ in 0..rounds {
        for ((_, run), best) in stages.iter().zip(&mut best) {
            let start = Instant::now();
            let n: usize = files.iter().map(|f| run(f)).sum();
            let secs = start.elapsed().as_secs_f64();
            *best = (best.0.min(secs), n);
        }
    }
    println!("each stage's fastest of {rounds} rounds:");
    for ((name, _), (secs, n)) in stages.iter().zip(best) {
        println!(
            "{name:<34} {:>7.1} MB/s {:>6.2} ns/byte  ({n} items)",
            mb(bytes) / secs,
            secs * 1e9 / bytes as f64
        );
    }
}
