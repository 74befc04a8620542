//! The tables `extract` writes beside the facts: the releases table (`--releases`, and a
//! workbook's sheet) and the checks table (`--checks`, and a workbook's sheet). Each is
//! written as the releases are judged: on one long bulletin, holding them until the end
//! grew with the input (half a byte per byte for the releases table).

use std::io;

use bulletin_facts::checks::{CheckResult, ChecksWriter, Status};
use bulletin_facts::write::{Format, ReleaseRow, TableWriter, render_releases};

use super::engine::Fate;
use super::error::{Error, Named};
use super::output::Output;
use super::rows;

/// What a failed write of the checks table says, and of the releases table.
pub const CHECKS_FAILED: &str = "cannot write the checks";
pub const RELEASES_FAILED: &str = "cannot write the releases table";

/// A table being written, with the name its errors give (its file's, or the workbook's)
/// and what they say.
pub struct Open<W> {
    pub writer: W,
    pub name: String,
    pub what: &'static str,
}

/// The tables beside the facts, open.
pub struct SideTables {
    /// The releases tables: its file, then a workbook's sheet.
    releases: Vec<Open<TableWriter<Output>>>,
    /// The checks tables: its file, then a workbook's sheet.
    checks: Vec<Open<ChecksWriter<Output>>>,
    /// A row of the releases table, rendered: one buffer for them all.
    rendered: Vec<u8>,
    /// The input's mismatches, shown after its problems.
    mismatches: Vec<String>,
    checks_run: usize,
    mismatched: usize,
}

/// The tables beside the facts, written whole: the files of the checks still to commit
/// (after the facts), and a workbook's sheets.
pub struct Finished {
    pub checks_file: Option<Output>,
    pub releases_sheet: Option<TableWriter<Output>>,
    pub checks_sheet: Option<Output>,
    pub checks_run: usize,
    pub mismatched: usize,
}

impl SideTables {
    /// The tables opened: each kind's file first, then its workbook sheet.
    pub fn new(releases: Vec<Open<TableWriter<Output>>>, checks: Vec<Open<ChecksWriter<Output>>>) -> SideTables {
        SideTables {
            releases,
            checks,
            rendered: Vec::new(),
            mismatches: Vec::new(),
            checks_run: 0,
            mismatched: 0,
        }
    }

    /// Whether a releases table is written.
    pub fn wants_rows(&self) -> bool {
        !self.releases.is_empty()
    }

    /// Writes a release's row and checks, as its [`Fate`] makes them: under its new id,
    /// a dropped copy's row with no facts and none of its checks.
    pub fn take(
        &mut self,
        source: &str,
        (row, found): (Option<ReleaseRow>, Vec<CheckResult>),
        fate: &Fate,
    ) -> io::Result<()> {
        // A dropped copy's checks are its first reading's.
        for mut c in found.into_iter().filter(|_| fate.written) {
            if let Some(id) = &fate.renamed {
                c.release_id = id.clone();
            }
            if c.status == Status::Mismatch {
                let line = format!("{source}: {}: {} mismatch: {}", c.release_id, c.check, c.detail);
                self.mismatches.push(line);
                self.mismatched += 1;
            }
            self.checks_run += 1;
            for w in &mut self.checks {
                w.writer.write(&c).map_err(|e| Named::wrap(&w.name, w.what)(e.into()))?;
            }
        }
        let Some(mut row) = row else {
            return Ok(());
        };
        if let Some(id) = &fate.renamed {
            row.release_id = id.clone();
        }
        row.copy_of = fate.copy_of.clone().unwrap_or_default();
        if !fate.written {
            row.facts = 0;
        }
        for w in &mut self.releases {
            self.rendered.clear();
            render_releases(w.writer.format(), [&row], &mut self.rendered)?;
            match w.writer.format() {
                Format::ExcelCsv => w.writer.write_rendered(&rows::guard_formulas(&self.rendered)),
                _ => w.writer.write_rendered(&self.rendered),
            }
            .map_err(Named::wrap(&w.name, w.what))?;
        }
        Ok(())
    }

    /// Shows the input's mismatches (its problems were shown).
    pub fn input_shown(&mut self) {
        self.mismatches.drain(..).for_each(|m| eprintln!("{m}"));
    }

    /// Commits the releases file and finishes the rest; with `workbook`, the last of each
    /// kind is its sheet. A failed table stops the run before the facts are committed.
    pub fn finish(mut self, workbook: bool) -> Result<Finished, Error> {
        let releases_sheet = if workbook { self.releases.pop() } else { None };
        for w in self.releases {
            w.writer
                .finish()
                .and_then(Output::commit)
                .map_err(Error::file(w.name, w.what))?;
        }
        let mut checks = self
            .checks
            .into_iter()
            .map(|w| w.writer.finish().map_err(|e| Error::file(w.name, w.what)(e.into())));
        Ok(Finished {
            checks_file: checks.next().transpose()?,
            releases_sheet: releases_sheet.map(|w| w.writer),
            checks_sheet: checks.next().transpose()?,
            checks_run: self.checks_run,
            mismatched: self.mismatched,
        })
    }
}
