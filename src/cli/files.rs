//! Reading plan files: bounded by the plan size limit before a byte is read, UTF-8 checked.

use std::fs::File;
use std::io::Read;

use crate::core::format::{Finding, MAX_PLAN_BYTES, ReadError, check_plan_text};
use crate::core::model::Plan;

use super::Failure;

/// The text of a plan file. A file larger than [`MAX_PLAN_BYTES`] is refused from its size
/// alone; a stream that grows past it is cut off there.
pub fn read_text(path: &str) -> Result<String, Failure> {
    let failed = |source| Failure::Read {
        path: path.into(),
        source,
    };
    let file = File::open(path).map_err(failed)?;
    let size = file.metadata().map_or(0, |m| m.len());
    let too_large = |bytes: u64| Failure::NotAPlan {
        path: path.into(),
        findings: vec![whole(ReadError::TooLarge {
            bytes: usize::try_from(bytes).unwrap_or(usize::MAX),
            limit: MAX_PLAN_BYTES,
        })],
    };
    if size > MAX_PLAN_BYTES as u64 {
        return Err(too_large(size));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(MAX_PLAN_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(failed)?;
    if bytes.len() > MAX_PLAN_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = 1 + valid.iter().filter(|&&b| b == b'\n').count();
        Failure::NotAPlan {
            path: path.into(),
            findings: vec![Finding {
                path: "$".into(),
                message: format!(
                    "not UTF-8 text (line {line} has a byte that is not UTF-8); \
                     plan files are JSON in UTF-8"
                ),
            }],
        }
    })
}

/// A plan file read and checked as the web app imports it.
pub fn read_plan_file(path: &str) -> Result<Plan, Failure> {
    let text = read_text(path)?;
    check_plan_text(&text).map_err(|findings| Failure::NotAPlan {
        path: path.into(),
        findings,
    })
}

fn whole(e: ReadError) -> Finding {
    Finding {
        path: "$".into(),
        message: e.to_string(),
    }
}
