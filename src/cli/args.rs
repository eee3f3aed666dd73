//! The command line's words, parsed by hand: three commands with a few options do not need an
//! argument-parsing dependency, and the usage text stays in one place.

use crate::core::lang::Lang;

pub const USAGE: &str = "\
usage:
  planner sample [--lang zh|en]          print the built-in sample plan as JSON
  planner sample --scale N               print a synthetic plan with N salespeople as JSON
  planner breakdown PLAN.json [--scenario NAME]
                                         print the adopted (or named) scenario's breakdown as CSV
  planner tiers PLAN.json [--scenario NAME]
                                         print each region's market share and tier as CSV
  planner help                           print this help

--scenario matches a scenario's name, or else its id.";

/// The largest synthetic plan `sample --scale` makes.
pub const MAX_SCALE: usize = 1_000_000;

/// What the command line asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    Help,
    Sample {
        lang: Lang,
    },
    Scaled {
        people: usize,
    },
    Breakdown {
        plan: String,
        scenario: Option<String>,
    },
    Tiers {
        plan: String,
        scenario: Option<String>,
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
struct Words {
    options: Vec<(String, String)>,
    positional: Vec<String>,
}

fn split_words(words: &[String], known: &[&str]) -> Result<Words, UsageError> {
    let mut parsed = Words {
        options: Vec::new(),
        positional: Vec::new(),
    };
    let mut rest = words.iter();
    while let Some(word) = rest.next() {
        let Some(option) = word.strip_prefix("--") else {
            parsed.positional.push(word.clone());
            continue;
        };
        let (name, value) = match option.split_once('=') {
            Some((name, value)) => (name, value.to_string()),
            None => {
                let value = rest
                    .next()
                    .ok_or_else(|| usage(format!("--{option} needs a value")))?;
                (option, value.clone())
            }
        };
        if !known.contains(&name) {
            return Err(usage(format!("unknown option --{name}")));
        }
        if parsed.options.iter().any(|(n, _)| n == name) {
            return Err(usage(format!("--{name} is given twice")));
        }
        parsed.options.push((name.to_string(), value));
    }
    Ok(parsed)
}

impl Words {
    fn option(&self, name: &str) -> Option<&str> {
        self.options
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Exactly one positional word: the plan file.
    fn plan_file(&self, command: &str) -> Result<String, UsageError> {
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
            let words = split_words(rest, &["scenario"])?;
            let plan = words.plan_file(command)?;
            let scenario = words.option("scenario").map(str::to_string);
            Ok(if command == "breakdown" {
                Command::Breakdown { plan, scenario }
            } else {
                Command::Tiers { plan, scenario }
            })
        }
        other => Err(usage(format!("unknown command '{other}'"))),
    }
}

fn parse_sample(rest: &[String]) -> Result<Command, UsageError> {
    let words = split_words(rest, &["lang", "scale"])?;
    if let Some(extra) = words.positional.first() {
        return Err(usage(format!("unexpected argument '{extra}'")));
    }
    match (words.option("lang"), words.option("scale")) {
        (Some(_), Some(_)) => Err(usage(
            "--lang and --scale cannot be combined (synthetic plans are in English)",
        )),
        (_, Some(n)) => match n.parse::<usize>() {
            Ok(people) if (1..=MAX_SCALE).contains(&people) => Ok(Command::Scaled { people }),
            _ => Err(usage(format!(
                "--scale takes a number of salespeople from 1 to {MAX_SCALE}, not '{n}'"
            ))),
        },
        (Some(lang), None) => match lang.to_ascii_lowercase().as_str() {
            "zh" => Ok(Command::Sample { lang: Lang::Zh }),
            "en" => Ok(Command::Sample { lang: Lang::En }),
            _ => Err(usage(format!("--lang takes zh or en, not '{lang}'"))),
        },
        (None, None) => Ok(Command::Sample { lang: Lang::En }),
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
        let cases = [
            ("sample", Command::Sample { lang: Lang::En }),
            ("sample --lang zh", Command::Sample { lang: Lang::Zh }),
            ("sample --lang=EN", Command::Sample { lang: Lang::En }),
            ("sample --scale 10000", Command::Scaled { people: 10_000 }),
            (
                "breakdown plan.json",
                Command::Breakdown {
                    plan: plan(),
                    scenario: None,
                },
            ),
            (
                "breakdown --scenario Stretch plan.json",
                Command::Breakdown {
                    plan: plan(),
                    scenario: Some("Stretch".into()),
                },
            ),
            (
                "tiers plan.json --scenario=s2",
                Command::Tiers {
                    plan: plan(),
                    scenario: Some("s2".into()),
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
            ("breakdown", "breakdown needs a plan file"),
            ("tiers a.json b.json", "unexpected argument 'b.json'"),
            (
                "breakdown a.json --scenario x --scenario y",
                "--scenario is given twice",
            ),
            ("breakdown a.json --format csv", "unknown option --format"),
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
