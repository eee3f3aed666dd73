//! The command line's words, parsed by hand: a few commands with a few options do not need an
//! argument-parsing dependency, and the usage text stays in one place.

use crate::core::lang::Lang;

pub const USAGE: &str = "\
usage:
  planner sample [--lang zh|en] [--with-execution]
                                         print the built-in sample plan as JSON; with a quarter
                                         of actuals, customers, distributor figures, budgets,
                                         spend and market-share records
  planner sample --scale N               print a synthetic plan with N salespeople as JSON
  planner breakdown PLAN.json [--scenario NAME] [--collections] [--bom]
                                         print the adopted (or named) scenario's breakdown as CSV;
                                         --collections adds the collections (回款) targets
  planner tiers PLAN.json [--scenario NAME] [--bom]
                                         print each region's market share and tier as CSV
  planner territory PLAN.json [--bom]    print regions, sub-districts and salespeople as CSV
  planner validate PLAN.json             print ok, or each problem as PATH: reason (on stderr)
  planner migrate PLAN.json              print the plan in the current format version
  planner share PLAN.json                print the #plan=… fragment of a share link
  planner schema                         print the JSON Schema of plan files
  planner bundle DIST_DIR OUT.html       write the built web app (trunk build) as one HTML file
                                         that works offline, opened from disk
  planner help                           print this help

--scenario matches a scenario's name, or else its id. --bom starts the CSV with a byte-order
mark, so that Excel reads it as UTF-8.";

/// The largest synthetic plan `sample --scale` makes.
pub const MAX_SCALE: usize = 1_000_000;

/// What the command line asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    Help,
    Sample {
        lang: Lang,
        /// With plausible execution data (`--with-execution`).
        with_execution: bool,
    },
    Scaled {
        people: usize,
    },
    Breakdown {
        plan: String,
        scenario: Option<String>,
        bom: bool,
        /// With a `collections` column after `quantity`.
        collections: bool,
    },
    Tiers {
        plan: String,
        scenario: Option<String>,
        bom: bool,
    },
    Territory {
        plan: String,
        bom: bool,
    },
    Validate {
        plan: String,
    },
    Migrate {
        plan: String,
    },
    Share {
        plan: String,
    },
    Schema,
    Bundle {
        dist: String,
        out: String,
    },
}

/// Words that do not make a command; the message says which and why.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

fn usage(message: impl Into<String>) -> UsageError {
    UsageError(message.into())
}

/// Options after the command: `--name value` or `--name=value`, each at most once, and
/// positional words.
pub(super) struct Words {
    options: Vec<(String, String)>,
    flags: Vec<String>,
    pub(super) positional: Vec<String>,
}

/// Options that take no value.
const FLAGS: &[&str] = &["bom", "collections", "with-execution"];

pub(super) fn split_words(words: &[String], known: &[&str]) -> Result<Words, UsageError> {
    let mut parsed = Words {
        options: Vec::new(),
        flags: Vec::new(),
        positional: Vec::new(),
    };
    let mut rest = words.iter();
    while let Some(word) = rest.next() {
        let Some(option) = word.strip_prefix("--") else {
            parsed.positional.push(word.clone());
            continue;
        };
        let name = option.split_once('=').map_or(option, |(name, _)| name);
        if !known.contains(&name) {
            return Err(usage(format!("unknown option --{name}")));
        }
        if FLAGS.contains(&name) {
            if name != option {
                return Err(usage(format!("--{name} takes no value")));
            }
            if parsed.flags.iter().any(|f| f == name) {
                return Err(usage(format!("--{name} is given twice")));
            }
            parsed.flags.push(name.to_string());
            continue;
        }
        let value = match option.split_once('=') {
            Some((_, value)) => value.to_string(),
            None => rest
                .next()
                .ok_or_else(|| usage(format!("--{option} needs a value")))?
                .clone(),
        };
        if parsed.options.iter().any(|(n, _)| n == name) {
            return Err(usage(format!("--{name} is given twice")));
        }
        parsed.options.push((name.to_string(), value));
    }
    Ok(parsed)
}

impl Words {
    pub(super) fn option(&self, name: &str) -> Option<&str> {
        self.options
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn flag(&self, name: &str) -> bool {
        self.flags.iter().any(|f| f == name)
    }

    /// Exactly one positional word: the plan file.
    pub(super) fn plan_file(&self, command: &str) -> Result<String, UsageError> {
        match self.positional.as_slice() {
            [plan] => Ok(plan.clone()),
            [] => Err(usage(format!("{command} needs a plan file"))),
            [_, extra, ..] => Err(usage(format!("unexpected argument '{extra}'"))),
        }
    }
}

/// Parses the words after the program name.
pub fn parse(args: &[String]) -> Result<Command, UsageError> {
    let Some((command, rest)) = args.split_first() else {
        return Err(usage("no command given"));
    };
    match command.as_str() {
        "help" | "-h" | "--help" => Ok(Command::Help),
        "sample" => parse_sample(rest),
        "breakdown" | "tiers" => {
            let known: &[&str] = if command == "breakdown" {
                &["scenario", "bom", "collections"]
            } else {
                &["scenario", "bom"]
            };
            let words = split_words(rest, known)?;
            let plan = words.plan_file(command)?;
            let scenario = words.option("scenario").map(str::to_string);
            let bom = words.flag("bom");
            Ok(if command == "breakdown" {
                Command::Breakdown {
                    plan,
                    scenario,
                    bom,
                    collections: words.flag("collections"),
                }
            } else {
                Command::Tiers {
                    plan,
                    scenario,
                    bom,
                }
            })
        }
        "territory" => {
            let words = split_words(rest, &["bom"])?;
            Ok(Command::Territory {
                plan: words.plan_file(command)?,
                bom: words.flag("bom"),
            })
        }
        "validate" | "migrate" | "share" => {
            let plan = split_words(rest, &[])?.plan_file(command)?;
            Ok(match command.as_str() {
                "validate" => Command::Validate { plan },
                "migrate" => Command::Migrate { plan },
                _ => Command::Share { plan },
            })
        }
        "schema" => match split_words(rest, &[])?.positional.first() {
            Some(extra) => Err(usage(format!("unexpected argument '{extra}'"))),
            None => Ok(Command::Schema),
        },
        "bundle" => match split_words(rest, &[])?.positional.as_slice() {
            [dist, out] => Ok(Command::Bundle {
                dist: dist.clone(),
                out: out.clone(),
            }),
            [_, _, extra, ..] => Err(usage(format!("unexpected argument '{extra}'"))),
            _ => Err(usage(
                "bundle needs the dist directory of `trunk build` and the HTML file to write",
            )),
        },
        other => Err(usage(format!("unknown command '{other}'"))),
    }
}

fn parse_sample(rest: &[String]) -> Result<Command, UsageError> {
    let words = split_words(rest, &["lang", "scale", "with-execution"])?;
    if let Some(extra) = words.positional.first() {
        return Err(usage(format!("unexpected argument '{extra}'")));
    }
    let with_execution = words.flag("with-execution");
    if with_execution && words.option("scale").is_some() {
        return Err(usage(
            "--with-execution and --scale cannot be combined (execution data is for the sample)",
        ));
    }
    let sample = |lang| {
        Ok(Command::Sample {
            lang,
            with_execution,
        })
    };
    match (words.option("lang"), words.option("scale")) {
        (Some(_), Some(_)) => Err(usage(
            "--lang and --scale cannot be combined (synthetic plans are in English)",
        )),
        // Read like every number the product takes: `10,000` and `1万` too.
        (_, Some(n)) => match crate::core::field::parse_count(n).map(|c| c as usize) {
            Ok(people) if (1..=MAX_SCALE).contains(&people) => Ok(Command::Scaled { people }),
            _ => Err(usage(format!(
                "--scale takes a number of salespeople from 1 to {MAX_SCALE}, not '{n}'"
            ))),
        },
        (Some(lang), None) => match lang.to_ascii_lowercase().as_str() {
            "zh" => sample(Lang::Zh),
            "en" => sample(Lang::En),
            _ => Err(usage(format!("--lang takes zh or en, not '{lang}'"))),
        },
        (None, None) => sample(Lang::En),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(line: &str) -> Vec<String> {
        line.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn commands_and_options_are_read() {
        let plan = || "plan.json".to_string();
        let sample = |lang, with_execution| Command::Sample {
            lang,
            with_execution,
        };
        let cases = [
            ("sample", sample(Lang::En, false)),
            ("sample --lang zh", sample(Lang::Zh, false)),
            ("sample --lang=EN", sample(Lang::En, false)),
            ("sample --with-execution --lang zh", sample(Lang::Zh, true)),
            ("sample --scale 10000", Command::Scaled { people: 10_000 }),
            ("sample --scale 10,000", Command::Scaled { people: 10_000 }),
            ("sample --scale 1万", Command::Scaled { people: 10_000 }),
            (
                "breakdown plan.json",
                Command::Breakdown {
                    plan: plan(),
                    scenario: None,
                    bom: false,
                    collections: false,
                },
            ),
            (
                "breakdown plan.json --collections",
                Command::Breakdown {
                    plan: plan(),
                    scenario: None,
                    bom: false,
                    collections: true,
                },
            ),
            (
                "breakdown --scenario Stretch plan.json",
                Command::Breakdown {
                    plan: plan(),
                    scenario: Some("Stretch".into()),
                    bom: false,
                    collections: false,
                },
            ),
            (
                "tiers plan.json --scenario=s2 --bom",
                Command::Tiers {
                    plan: plan(),
                    scenario: Some("s2".into()),
                    bom: true,
                },
            ),
            (
                "territory --bom plan.json",
                Command::Territory {
                    plan: plan(),
                    bom: true,
                },
            ),
            ("validate plan.json", Command::Validate { plan: plan() }),
            ("migrate plan.json", Command::Migrate { plan: plan() }),
            ("share plan.json", Command::Share { plan: plan() }),
            ("schema", Command::Schema),
            (
                "bundle dist rp.html",
                Command::Bundle {
                    dist: "dist".into(),
                    out: "rp.html".into(),
                },
            ),
            ("--help", Command::Help),
        ];
        for (line, want) in cases {
            assert_eq!(parse(&words(line)), Ok(want), "planner {line}");
        }
    }

    #[test]
    fn bad_words_say_what_is_wrong() {
        let cases = [
            ("", "no command given"),
            ("plan", "unknown command 'plan'"),
            ("sample --lang fr", "--lang takes zh or en, not 'fr'"),
            ("sample --scale", "--scale needs a value"),
            (
                "sample --scale ten",
                "--scale takes a number of salespeople from 1 to 1000000, not 'ten'",
            ),
            (
                "sample --scale 0",
                "--scale takes a number of salespeople from 1 to 1000000, not '0'",
            ),
            (
                "sample --lang zh --scale 5",
                "--lang and --scale cannot be combined (synthetic plans are in English)",
            ),
            ("sample extra", "unexpected argument 'extra'"),
            (
                "sample --scale 5 --with-execution",
                "--with-execution and --scale cannot be combined (execution data is for the sample)",
            ),
            ("tiers a.json --collections", "unknown option --collections"),
            ("breakdown", "breakdown needs a plan file"),
            ("tiers a.json b.json", "unexpected argument 'b.json'"),
            (
                "breakdown a.json --scenario x --scenario y",
                "--scenario is given twice",
            ),
            ("breakdown a.json --format csv", "unknown option --format"),
            ("breakdown a.json --bom --bom", "--bom is given twice"),
            ("validate a.json --bom", "unknown option --bom"),
            ("validate", "validate needs a plan file"),
            ("migrate a.json b.json", "unexpected argument 'b.json'"),
            ("schema x", "unexpected argument 'x'"),
            (
                "bundle dist",
                "bundle needs the dist directory of `trunk build` and the HTML file to write",
            ),
            ("bundle a b c", "unexpected argument 'c'"),
        ];
        for (line, want) in cases {
            assert_eq!(
                parse(&words(line)),
                Err(UsageError(want.into())),
                "planner {line}"
            );
        }
    }
}
