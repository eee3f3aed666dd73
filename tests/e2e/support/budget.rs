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
//! beside every time, so each run shows how far from it the app is. A time over budget is
//! measured again, up to [`ATTEMPTS`] times ([`within_attempts`]).

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

    /// `Ok` when `ms` is within the asserted figure; else why not, naming `what`.
    pub fn check(self, what: &str, ms: f64) -> Result<(), String> {
        if self.holds(ms) {
            Ok(())
        } else {
            Err(format!("{what} took {ms:.0} ms; {}", self.describe()))
        }
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
/// figure was set; measured idle on the test machines since: 402–548 ms, and 562–932 ms
/// (medians) on 2026-12-01 with the page's first frame painted, as the ready mark now waits for.
pub const APP_START: Budget = Budget {
    issue_ms: 500.0,
    asserted_ms: 1_000.0,
};

/// The same over 10 Mbit/s with 40 ms round trips (issue 10): about 1.0 s of it is the
/// download of 1.14 MB gzipped. 1,333 ms where the figure was set; measured idle since:
/// 1,396–1,592 ms, and 1,766–1,823 ms (medians) on 2026-12-01 with 1.22 MB gzipped.
pub const APP_START_SLOW_LINK: Budget = Budget {
    issue_ms: 1_500.0,
    asserted_ms: 2_300.0,
};

/// A 10,000-salesperson plan imported from its file and on screen (issue 4). 158–177 ms where
/// the figure was set; measured idle since: 192–406 ms.
pub const IMPORT_10K: Budget = Budget {
    issue_ms: 200.0,
    asserted_ms: 600.0,
};

/// A route opened at 10,000 salespeople (issue 10). 194–309 ms where the figure was set;
/// measured idle since: 223–505 ms for the archive and expenses, 436–658 ms for Completion &
/// deviations with a year of actuals (618 ms in a full run on 2026-12-01).
pub const ROUTE_10K: Budget = Budget {
    issue_ms: 300.0,
    asserted_ms: 850.0,
};

/// A year of actuals for 10,000 salespeople (120,000 rows) from the file picked to the figures
/// stored and on screen (issue 6): 421–615 ms where the figure was set; 659–693 ms in full runs
/// on 2026-12-01.
pub const ACTUALS_IMPORT_10K: Budget = Budget {
    issue_ms: 1_000.0,
    asserted_ms: 1_300.0,
};

/// `Ok` when `ms` is within `budget_ms` (a figure asserted as the issue names it); else why not.
pub fn check_ms(what: &str, ms: f64, budget_ms: f64) -> Result<(), String> {
    if ms <= budget_ms {
        Ok(())
    } else {
        Err(format!("{what} took {ms:.0} ms (budget {budget_ms:.0} ms)"))
    }
}

/// How many times a timing test measures before it fails. The test machines' speed varies
/// from run to run and from minute to minute (another machine's load on the same host), so
/// one slow measurement is taken again; a build that is slow fails every attempt.
pub const ATTEMPTS: usize = 3;

/// Runs `attempt` until one comes back within its budgets, at most [`ATTEMPTS`] times, and
/// panics with every attempt's reason if none does. An attempt prints its own figures, checks
/// what the page shows with assertions (a wrong page fails at once), and returns `Err` only for
/// a time over budget.
pub async fn within_attempts<F, Fut>(what: &str, mut attempt: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<(), String>>,
{
    let mut misses = Vec::new();
    for n in 1..=ATTEMPTS {
        match attempt().await {
            Ok(()) => return,
            Err(why) => {
                println!("{what}: attempt {n} of {ATTEMPTS} over budget: {why}");
                misses.push(why);
            }
        }
    }
    panic!(
        "{what}: over budget in all {ATTEMPTS} attempts:\n  {}",
        misses.join("\n  ")
    );
}
