//! Facts -> `facts.csv` (RFC 4180, UTF-8, `\n` line ends, the spec's header).

use std::io::Write;

use crate::model::{FACT_COLUMNS, Fact};

/// Writes facts as CSV rows after one header line.
pub struct CsvFacts<W: Write> {
    csv: csv::Writer<W>,
}

impl<W: Write> CsvFacts<W> {
    /// A writer that has written the header.
    pub fn new(out: W) -> csv::Result<CsvFacts<W>> {
        let mut csv = csv::WriterBuilder::new()
            .has_headers(false)
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(out);
        csv.write_record(FACT_COLUMNS)?;
        Ok(CsvFacts { csv })
    }

    pub fn write(&mut self, fact: &Fact) -> csv::Result<()> {
        self.csv.serialize(fact)
    }

    /// Flushes and returns the underlying writer.
    pub fn finish(self) -> std::io::Result<W> {
        self.csv.into_inner().map_err(|e| e.into_error())
    }
}

/// The whole table as a string, for tests and small inputs.
pub fn facts_to_csv<'a>(facts: impl IntoIterator<Item = &'a Fact>) -> String {
    let mut w = match CsvFacts::new(Vec::new()) {
        Ok(w) => w,
        Err(_) => return String::new(),
    };
    for f in facts {
        if w.write(f).is_err() {
            break;
        }
    }
    w.finish()
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_default()
}
