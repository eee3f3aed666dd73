//! Import never panics and never hangs: a bounded run of random and mutated texts (a few
//! thousand, seconds in a debug build) through `read_plan`, and every bad input of issue 4
//! with the message it must give. The open-ended search is the cargo-fuzz target in `fuzz/`.

use std::time::{Duration, Instant};

use region_planner::core::format::{
    MAX_DEPTH, ReadError, check_plan_text, read_plan, write_plan, write_plan_pretty,
};
use region_planner::core::lang::Lang;
use region_planner::core::sample::sample_plan;
use region_planner::core::validate::validate_plan;

/// A small deterministic generator (xorshift64*), so that a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Bytes that matter to JSON and to plans, for insertions and flips.
const SIGNIFICANT: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\\",
    "0",
    "-1",
    "1e30",
    "\"NaN\"",
    "null",
    "true",
    " ",
    "\n",
    "\"\"",
    "\"r1\"",
    "\"format_version\"",
    "\"id\"",
    "9999999999999999999999999999999",
    "\u{feff}",
    "长",
    "\\ud800",
    "1.5",
    "\"2027-02-30\"",
    "\"2027-13\"",
];

/// Reads `text` as an import does, and checks what every outcome must satisfy.
fn import(text: &str, slowest: &mut Duration) -> Result<(), ReadError> {
    let started = Instant::now();
    let result = read_plan(text);
    *slowest = (*slowest).max(started.elapsed());
    match result {
        Ok(plan) => {
            assert_eq!(validate_plan(&plan), vec![], "an imported plan is valid");
            assert_eq!(
                read_plan(&write_plan(&plan)).as_ref(),
                Ok(&plan),
                "and writes back"
            );
            Ok(())
        }
        Err(e) => {
            assert!(!e.to_string().is_empty());
            Err(e)
        }
    }
}

fn mutate(rng: &mut Rng, base: &str) -> String {
    let mut bytes = base.as_bytes().to_vec();
    for _ in 0..1 + rng.below(3) {
        let len = bytes.len().max(1);
        let at = rng.below(len);
        match rng.below(7) {
            // Flip a byte (may break UTF-8; read as text with replacement characters).
            0 => {
                if let Some(b) = bytes.get_mut(at) {
                    *b ^= 1 << rng.below(8);
                }
            }
            // Cut the text short.
            1 => bytes.truncate(at),
            // Duplicate a slice in place.
            2 => {
                let end = (at + 1 + rng.below(400)).min(bytes.len());
                let slice = bytes[at.min(end)..end].to_vec();
                bytes.splice(at..at, slice);
            }
            // Delete a slice.
            3 => {
                let end = (at + 1 + rng.below(200)).min(bytes.len());
                bytes.drain(at.min(end)..end);
            }
            // Insert something significant.
            4 => {
                let piece = rng.pick(SIGNIFICANT).as_bytes().to_vec();
                bytes.splice(at..at, piece);
            }
            // Replace a byte with something significant.
            5 => {
                let piece = rng.pick(SIGNIFICANT).as_bytes().to_vec();
                let end = (at + 1).min(bytes.len());
                bytes.splice(at..end, piece);
            }
            // Replace a string value with another one from the text (ids, dates, numbers).
            _ => {
                let text = String::from_utf8_lossy(&bytes).into_owned();
                let quotes: Vec<usize> = text.match_indices('"').map(|(i, _)| i).collect();
                if quotes.len() > 4 {
                    let a = rng.below(quotes.len() / 2) * 2;
                    let b = rng.below(quotes.len() / 2) * 2;
                    let (a0, a1) = (quotes[a], quotes[a + 1]);
                    let (b0, b1) = (quotes[b], quotes[b + 1]);
                    let replacement = text[b0..=b1].to_string();
                    let mut t = text;
                    t.replace_range(a0..=a1, &replacement);
                    bytes = t.into_bytes();
                }
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

#[test]
fn thousands_of_mutated_plans_give_a_plan_or_an_error_never_a_panic() {
    let bases = [
        write_plan(&sample_plan(Lang::En)),
        write_plan(&sample_plan(Lang::Zh)),
        write_plan_pretty(&sample_plan(Lang::Zh)),
    ];
    let mut rng = Rng(0x5eed_1234_abcd_0042);
    let (mut ok, mut refused) = (0, 0);
    let mut slowest = Duration::ZERO;
    let started = Instant::now();
    for round in 0..3000 {
        let base = rng.pick(&bases).clone();
        let text = mutate(&mut rng, &base);
        let attempt = std::panic::catch_unwind(|| import(&text, &mut Duration::default()));
        match attempt {
            Ok(Ok(())) => ok += 1,
            Ok(Err(_)) => refused += 1,
            Err(_) => panic!("round {round} panicked on: {text}"),
        }
        if round % 100 == 0 {
            let _ = import(&text, &mut slowest);
        }
    }
    assert!(
        refused > 1000,
        "most mutations break the plan: {refused} refused, {ok} read"
    );
    assert!(ok > 10, "some mutations keep a valid plan: {ok} read");
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "took {:?}",
        started.elapsed()
    );
    assert!(
        slowest < Duration::from_secs(2),
        "one import took {slowest:?}"
    );
}

#[test]
fn random_texts_of_json_pieces_give_errors_never_a_panic() {
    let mut rng = Rng(0xdead_beef_0bad_cafe);
    let mut slowest = Duration::ZERO;
    for _ in 0..2000 {
        let mut text = String::new();
        if rng.below(2) == 0 {
            text.push_str("{\"format_version\":1,");
        }
        for _ in 0..rng.below(60) {
            let piece = *rng.pick::<&str>(SIGNIFICANT);
            text.push_str(piece);
        }
        assert!(
            import(&text, &mut slowest).is_err(),
            "{text} was read as a plan"
        );
    }
    assert!(
        slowest < Duration::from_secs(1),
        "one import took {slowest:?}"
    );
}

/// The sample plan as compact JSON with one edit.
fn sample_with(from: &str, to: &str) -> String {
    let text = write_plan(&sample_plan(Lang::En));
    assert!(text.contains(from), "the sample has {from}");
    text.replacen(from, to, 1)
}

#[test]
fn every_bad_input_of_the_issue_gets_its_message() {
    let sample = write_plan(&sample_plan(Lang::En));
    let deep_arrays = "[".repeat(100_000) + &"]".repeat(100_000);
    let deep_objects = "{\"a\":".repeat(100_000) + "1" + &"}".repeat(100_000);
    let deep_inside = sample_with("\"notes\":\"\"", &format!("\"notes\":{deep_arrays}"));
    let huge = " ".repeat(60 * 1024 * 1024);
    // Reported where the plan's object closes: its last character, counted in characters.
    let no_currency = sample_with("\"currency\":\"CNY\",", "");
    let no_currency_at = format!(
        "$: missing field `currency` (line 1, column {})",
        no_currency.chars().count()
    );
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "not JSON",
            "Region Planner plan, 2027".into(),
            "not valid JSON (line 1, column 1): expected value",
        ),
        (
            "truncated",
            sample[..sample.len() / 3].into(),
            "not valid JSON",
        ),
        (
            "empty",
            String::new(),
            "not valid JSON (line 1, column 1): EOF while parsing a value",
        ),
        (
            "wrong shape: an array",
            "[1, 2, 3]".into(),
            "a plan is a JSON object {\"format_version\": …}; this is an array",
        ),
        (
            "wrong shape: a string",
            "\"plan\"".into(),
            "this is a string",
        ),
        (
            "another program's JSON",
            r#"{"name": "Q3 budget", "rows": [{"a": 1}]}"#.into(),
            "it has no \"format_version\"; it was not written by Region Planner",
        ),
        (
            "future version",
            sample_with("\"format_version\":1", "\"format_version\":2"),
            "written in format version 2; this version reads up to 1",
        ),
        (
            "version 0",
            sample_with("\"format_version\":1", "\"format_version\":0"),
            "$.format_version: format version 0 is not supported",
        ),
        (
            "version as text",
            sample_with("\"format_version\":1", "\"format_version\":\"1\""),
            "$.format_version: invalid type: string \"1\", expected u32",
        ),
        (
            "unknown field",
            sample_with("\"currency\"", "\"currencies\""),
            "$.currencies: unknown field `currencies`",
        ),
        ("missing field", no_currency.clone(), &no_currency_at),
        (
            "wrong type",
            sample_with("\"active_customers\":186", "\"active_customers\":\"many\""),
            "$.regions[0].active_customers: invalid type: string \"many\", expected u32",
        ),
        (
            "duplicate ids",
            sample_with("\"id\":\"r16\"", "\"id\":\"r1\""),
            "$.regions[1].id: id 'r1' is used more than once",
        ),
        (
            "dangling reference",
            sample_with("\"adopted_scenario\":\"s", "\"adopted_scenario\":\"x"),
            "$.adopted_scenario: refers to 'x",
        ),
        (
            "negative number",
            sample_with("\"31200000\"", "\"-5\""),
            "$.regions[0].last_sales.amount: must not be negative",
        ),
        (
            "absurd number",
            sample_with("\"31200000\"", "\"100000000000000000000\""),
            "$.regions[0].last_sales.amount: is too large",
        ),
        (
            "1e30 as a number",
            sample_with("\"31200000\"", "1e30"),
            "$.regions[0].last_sales.amount: floating point `1e+30` is not a decimal: decimals are written as strings",
        ),
        (
            "a decimal as a number",
            sample_with("\"64.5\"", "64.5"),
            "$.regions[0].market_share: floating point `64.5` is not a decimal: decimals are written as strings",
        ),
        (
            "1e30 as a string",
            sample_with("\"31200000\"", "\"1e30\""),
            "string \"1e30\" is not a decimal",
        ),
        (
            "NaN as a string",
            sample_with("\"64.5\"", "\"NaN\""),
            "$.regions[0].market_share: string \"NaN\" is not a decimal",
        ),
        (
            "Infinity",
            sample_with("\"64.5\"", "Infinity"),
            "not valid JSON",
        ),
        (
            "share over 100",
            sample_with("\"64.5\"", "\"100.5\""),
            "$.regions[0].market_share: must be between 0 and 100",
        ),
        (
            "empty name",
            sample_with("\"name\":\"Changsha\"", "\"name\":\"  \""),
            "$.regions[0].name: must not be empty",
        ),
        (
            "bad date",
            sample_with("\"2027-03-31\"", "\"2027-02-30\""),
            "'2027-02-30' is not a date (YYYY-MM-DD)",
        ),
        (
            "60 MB",
            huge,
            "the text is 60 MB; a plan can be at most 50 MB",
        ),
        (
            "100,000 nested arrays",
            deep_arrays,
            "nested more than 64 levels deep (line 1, column 65)",
        ),
        (
            "100,000 nested objects",
            deep_objects,
            "nested more than 64 levels deep",
        ),
        (
            "deep inside a plan",
            deep_inside,
            "nested more than 64 levels deep",
        ),
        (
            "lone surrogate",
            sample_with("\"Changsha\"", "\"\\ud800\""),
            "not valid JSON (line 1, column 208)",
        ),
    ];
    let mut slowest = Duration::ZERO;
    for (what, text, want) in cases {
        let err = match import(&text, &mut slowest) {
            Ok(()) => panic!("{what}: read as a plan"),
            Err(e) => e.to_string(),
        };
        // What the command line prints: the same fault with its JSON path.
        let found = check_plan_text(&text).expect_err(what);
        let lines: Vec<String> = found.iter().map(|f| f.to_string()).collect();
        let err = format!("{err}\n{}", lines.join("\n"));
        assert!(
            err.contains(want),
            "{what}: {err}\n  should contain: {want}"
        );
    }
    assert!(
        slowest < Duration::from_secs(2),
        "one import took {slowest:?}"
    );
    assert_eq!(MAX_DEPTH, 64);
}

#[test]
fn the_id_counter_and_units_are_bounded() {
    let at_end = {
        let mut plan = sample_plan(Lang::En);
        plan.id_seq = u64::MAX;
        write_plan(&plan)
    };
    let err = read_plan(&at_end).unwrap_err().to_string();
    assert!(err.contains("$.id_seq: is too large"), "{err}");
    let unit = sample_with(
        "\"amount_unit\":\"1000\"",
        "\"amount_unit\":\"1000000000000000000\"",
    );
    let err = read_plan(&unit).unwrap_err().to_string();
    assert!(err.contains("amount_unit: is too large"), "{err}");
}
