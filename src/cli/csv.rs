//! CSV records for the command line's own reports. The quoting is `core::csv_export`'s, the one
//! CSV writer of the program.

use std::io::{self, Write};

use crate::core::csv_export::record;

/// One record, ended by a line feed.
pub fn write_record(out: &mut dyn Write, fields: &[&str]) -> io::Result<()> {
    out.write_all(record(fields).as_bytes())
}
