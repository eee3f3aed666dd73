//! Share links: a plan carried in the fragment of the app's address (`…/#plan=…`), so that
//! opening the link offers the plan for import and nothing is ever sent to a server (browsers
//! do not send the fragment).
//!
//! The fragment is `#plan=` followed by the plan's compact JSON, compressed with raw DEFLATE
//! (RFC 1951) and written in base64url without padding (RFC 4648 §5). A link is at most
//! [`MAX_FRAGMENT_CHARS`] long; larger plans travel as files. Reading a link is bounded: the
//! compressed text may not inflate past [`MAX_PLAN_BYTES`], so a crafted link cannot exhaust
//! memory, and the plan is then read with every check of [`read_plan`].

use std::borrow::Cow;

use base64::engine::DecodePaddingMode;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::{DecodeError, Engine, alphabet};

use super::format::{MAX_PLAN_BYTES, ReadError, read_plan, write_plan};
use super::model::Plan;

/// What a share link's fragment begins with.
pub const FRAGMENT_PREFIX: &str = "#plan=";

/// The longest fragment made, in characters (`#plan=` included). Browsers take far longer
/// addresses, but mail and chat programs cut or refuse long links; plans larger than this go
/// by file.
pub const MAX_FRAGMENT_CHARS: usize = 32_000;

/// DEFLATE level: 9 is the smallest output; plans compress in milliseconds either way.
const LEVEL: u8 = 9;

/// A plan too large for a link: the fragment it would need, and the limit.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "the plan needs a link of {chars} characters; links are limited to {limit}: share it as a file"
)]
pub struct TooLarge {
    pub chars: usize,
    pub limit: usize,
}

/// Why a link's fragment could not be read as a plan.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ShareError {
    /// The address has no `#plan=` fragment.
    #[error("the link carries no plan (its address has no #plan= part)")]
    NoPlan,
    /// A character outside base64url: the link was cut, changed or mistyped.
    #[error("the link is damaged: character {position} ('{found}') cannot be in it")]
    BadCharacter { position: usize, found: char },
    /// The base64url text ends in the middle of a byte.
    #[error("the link is damaged: it is cut short")]
    Truncated,
    /// The decoded bytes are not a DEFLATE stream, or one cut short.
    #[error("the link is damaged: its contents cannot be unpacked")]
    BadCompression,
    /// The link is longer than any link the app makes: refused before it is decoded.
    #[error("the link is {chars} characters long; links are at most {limit}")]
    TooLong { chars: usize, limit: usize },
    /// The contents unpack to more than the largest plan read.
    #[error("the link unpacks to more than {} MB, more than any plan", .limit / (1024 * 1024))]
    TooLarge { limit: usize },
    /// The unpacked contents are not UTF-8 text.
    #[error("the link is damaged: its contents are not text")]
    NotText,
    /// The text is not a plan this program can read.
    #[error("the link's plan cannot be read: {0}")]
    Plan(#[from] ReadError),
}

/// The plan's compact JSON as a link carries it: the change log without its restore patches
/// (what, when and why travel; restoring earlier states needs the file).
pub fn link_json(plan: &Plan) -> String {
    if plan.change_log.iter().all(|c| c.undo.is_none()) {
        return write_plan(plan);
    }
    let mut plan = plan.clone();
    for change in &mut plan.change_log {
        change.undo = None;
    }
    write_plan(&plan)
}

/// The fragment (`#plan=…`) that carries the plan, or [`TooLarge`] when it would be longer than
/// [`MAX_FRAGMENT_CHARS`].
pub fn encode(plan: &Plan) -> Result<String, TooLarge> {
    let json = link_json(plan);
    fragment_from_deflate(&miniz_oxide::deflate::compress_to_vec(
        json.as_bytes(),
        LEVEL,
    ))
}

/// The plan carried by a link. Takes the fragment (`#plan=…`, with or without the `#`) or the
/// whole address. Every failure is an error, never a panic.
pub fn decode(link: &str) -> Result<Plan, ShareError> {
    let packed = deflate_from_fragment(link)?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_PLAN_BYTES)
        .map_err(|e| match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => ShareError::TooLarge {
                limit: MAX_PLAN_BYTES,
            },
            _ => ShareError::BadCompression,
        })?;
    plan_from_json(&json)
}

// The three steps of encode and decode, for a caller that compresses by other means (a
// browser's `CompressionStream("deflate-raw")` makes the same raw DEFLATE with no wasm code):
// encode = fragment_from_deflate(deflate(write_plan(plan)));
// decode = plan_from_json(inflate(deflate_from_fragment(link)) stopped at MAX_PLAN_BYTES + 1).

/// The fragment for a plan's compact JSON already compressed with raw DEFLATE.
pub fn fragment_from_deflate(deflated: &[u8]) -> Result<String, TooLarge> {
    let chars =
        FRAGMENT_PREFIX.len() + base64::encoded_len(deflated.len(), false).unwrap_or(usize::MAX);
    if chars > MAX_FRAGMENT_CHARS {
        return Err(TooLarge {
            chars,
            limit: MAX_FRAGMENT_CHARS,
        });
    }
    let mut fragment = String::with_capacity(chars);
    fragment.push_str(FRAGMENT_PREFIX);
    LINK_BASE64.encode_string(deflated, &mut fragment);
    Ok(fragment)
}

/// The compressed bytes a link carries (still to be inflated). Takes the fragment, with or
/// without the `#`, or the whole address.
pub fn deflate_from_fragment(link: &str) -> Result<Vec<u8>, ShareError> {
    let payload = match link.find(FRAGMENT_PREFIX) {
        Some(i) => &link[i + FRAGMENT_PREFIX.len()..],
        None => link.strip_prefix("plan=").ok_or(ShareError::NoPlan)?,
    };
    // No link the app makes is longer than the limit, so a longer one is refused before it is
    // decoded (white space a mail program wrapped it with does not count). A link is ASCII, so
    // its bytes are counted: a fast pass, also over a link of millions of characters.
    let chars =
        FRAGMENT_PREFIX.len() + payload.bytes().filter(|b| !b.is_ascii_whitespace()).count();
    if chars > MAX_FRAGMENT_CHARS {
        return Err(ShareError::TooLong {
            chars,
            limit: MAX_FRAGMENT_CHARS,
        });
    }
    base64url_decode(payload)
}

/// The plan in the inflated bytes of a link: at most [`MAX_PLAN_BYTES`], UTF-8, and a plan by
/// every check of [`read_plan`].
pub fn plan_from_json(json: &[u8]) -> Result<Plan, ShareError> {
    if json.len() > MAX_PLAN_BYTES {
        return Err(ShareError::TooLarge {
            limit: MAX_PLAN_BYTES,
        });
    }
    let text = std::str::from_utf8(json).map_err(|_| ShareError::NotText)?;
    Ok(read_plan(text)?)
}

/// base64url without padding (RFC 4648 §5), as links are written; padding is trimmed before
/// reading, and the bits after the last whole byte are ignored (a link touched by hand).
const LINK_BASE64: GeneralPurpose = GeneralPurpose::new(
    &alphabet::URL_SAFE,
    GeneralPurposeConfig::new()
        .with_encode_padding(false)
        .with_decode_allow_trailing_bits(true)
        .with_decode_padding_mode(DecodePaddingMode::RequireNone),
);

/// Decodes base64url; padding (`=`) at the end and white space (a link wrapped by a mail
/// program) are skipped.
fn base64url_decode(text: &str) -> Result<Vec<u8>, ShareError> {
    let body = text.trim_end_matches('=');
    let compact: Cow<str> = if body.contains(|c: char| c.is_ascii_whitespace()) {
        Cow::Owned(body.chars().filter(|c| !c.is_ascii_whitespace()).collect())
    } else {
        Cow::Borrowed(body)
    };
    LINK_BASE64.decode(compact.as_bytes()).map_err(|e| match e {
        DecodeError::InvalidByte(offset, _) => {
            // The character holding byte `offset` of the compact text (the offset may fall
            // inside it), counted in the link as given.
            let n = compact
                .char_indices()
                .take_while(|&(i, _)| i <= offset)
                .count()
                .saturating_sub(1);
            let (position, found) = body
                .chars()
                .enumerate()
                .filter(|(_, c)| !c.is_ascii_whitespace())
                .nth(n)
                .map_or((0, char::REPLACEMENT_CHARACTER), |(i, c)| (i + 1, c));
            ShareError::BadCharacter { position, found }
        }
        _ => ShareError::Truncated,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::lang::Lang;
    use crate::core::sample::{sample_plan, scaled_plan};

    #[test]
    fn a_link_longer_than_any_made_is_refused_before_decoding() {
        let bomb = format!("#plan={}", "A".repeat(1_400_000));
        let started = std::time::Instant::now();
        assert_eq!(
            decode(&bomb),
            Err(ShareError::TooLong {
                chars: 1_400_006,
                limit: MAX_FRAGMENT_CHARS
            })
        );
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
        // At the limit it is decoded (and found damaged, here).
        let longest = format!("#plan={}", "A".repeat(MAX_FRAGMENT_CHARS - 6));
        assert!(!matches!(decode(&longest), Err(ShareError::TooLong { .. })));
    }

    #[test]
    fn the_sample_plan_goes_through_a_link_unchanged() {
        for lang in [Lang::En, Lang::Zh] {
            let plan = sample_plan(lang);
            let fragment = encode(&plan).expect("the sample fits in a link");
            assert!(fragment.starts_with("#plan="), "{}", &fragment[..20]);
            assert!(fragment.len() <= MAX_FRAGMENT_CHARS);
            assert!(
                fragment[6..]
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
                "only characters that need no escaping in an address"
            );
            assert_eq!(decode(&fragment), Ok(plan.clone()));
            let address = format!("https://example.org/planner/{fragment}");
            assert_eq!(decode(&address), Ok(plan.clone()), "a whole address");
            assert_eq!(decode(&fragment[1..]), Ok(plan), "without the #");
        }
    }

    #[test]
    fn a_link_carries_the_change_log_without_its_restore_patches() {
        use crate::core::changelog::{json_without_log, record};
        let mut plan = sample_plan(Lang::En);
        let before = json_without_log(&mut plan);
        plan.name = "North 2027".into();
        let after = json_without_log(&mut plan);
        let (at, what) = ("2026-11-27T14:03:05+08:00", "Name: Hunan 2027 → North 2027");
        record(
            &mut plan.change_log,
            at.into(),
            what.into(),
            &before,
            &after,
        );
        plan.change_log[0].reason = "after the dealer meeting".into();
        let shared = decode(&encode(&plan).unwrap()).unwrap();
        assert_eq!(shared.change_log.len(), 1);
        let entry = &shared.change_log[0];
        assert_eq!((entry.at.as_str(), entry.what.as_str()), (at, what));
        assert_eq!(entry.reason, "after the dealer meeting");
        assert_eq!(entry.undo, None);
        assert!(
            plan.change_log[0].undo.is_some(),
            "the plan itself keeps them"
        );
    }

    #[test]
    fn a_plan_of_ten_thousand_salespeople_is_too_large_for_a_link() {
        let err = encode(&scaled_plan(10_000)).unwrap_err();
        assert_eq!(err.limit, MAX_FRAGMENT_CHARS);
        assert!(err.chars > MAX_FRAGMENT_CHARS, "{err}");
        assert!(err.to_string().contains("share it as a file"), "{err}");
    }

    #[test]
    fn a_stream_from_another_deflate_implementation_is_read() {
        // What a browser's CompressionStream("deflate-raw") may write: here one stored
        // (uncompressed) block, the simplest valid raw DEFLATE stream.
        let json = write_plan(&sample_plan(Lang::En));
        let mut stream = Vec::new();
        for (i, chunk) in json.as_bytes().chunks(65_535).enumerate() {
            let last = (i + 1) * 65_535 >= json.len();
            stream.push(u8::from(last));
            let len = chunk.len() as u16;
            stream.extend(len.to_le_bytes());
            stream.extend((!len).to_le_bytes());
            stream.extend(chunk);
        }
        let fragment = fragment_from_deflate(&stream).expect("fits uncompressed too");
        assert_eq!(decode(&fragment), Ok(sample_plan(Lang::En)));
        assert_eq!(deflate_from_fragment(&fragment), Ok(stream));
        assert_eq!(
            plan_from_json(json.as_bytes()),
            Ok(sample_plan(Lang::En)),
            "the last step alone"
        );
    }

    #[test]
    fn base64url_round_trips_every_length() {
        let bytes: Vec<u8> = (0..=255u8).collect();
        for n in 0..40 {
            let fragment = fragment_from_deflate(&bytes[..n]).unwrap();
            let text = &fragment[FRAGMENT_PREFIX.len()..];
            assert_eq!(text.len(), (n * 4).div_ceil(3), "length of {n} bytes");
            assert_eq!(base64url_decode(text).unwrap(), &bytes[..n], "{n} bytes");
        }
        let all = LINK_BASE64.encode(&bytes);
        assert!(all.contains('-') && all.contains('_'));
        assert_eq!(
            base64url_decode("aGk=").unwrap(),
            b"hi",
            "padding is allowed"
        );
        assert_eq!(
            base64url_decode("aG\nk").unwrap(),
            b"hi",
            "line breaks are skipped"
        );
        assert_eq!(
            base64url_decode("aG\nk\u{e9}").unwrap_err().to_string(),
            "the link is damaged: character 5 ('\u{e9}') cannot be in it",
            "the character is counted in the link as given"
        );
    }

    #[test]
    fn damaged_links_say_so() {
        let fragment = encode(&sample_plan(Lang::En)).unwrap();
        // Cut at a whole group of four characters, so that the bytes decode but end early.
        let cut = &fragment[..FRAGMENT_PREFIX.len() + (fragment.len() / 2) / 4 * 4];
        // A length of 4k + 1 characters leaves a character that holds no whole byte.
        let one_over = &fragment[..FRAGMENT_PREFIX.len() + 4 * 100 + 1];
        let mut flipped = fragment.clone().into_bytes();
        let middle = flipped.len() / 2;
        flipped[middle] = if flipped[middle] == b'A' { b'B' } else { b'A' };
        let flipped = String::from_utf8(flipped).unwrap();
        let bomb = {
            let zeros = vec![b' '; MAX_PLAN_BYTES + 1];
            let mut f = String::from(FRAGMENT_PREFIX);
            LINK_BASE64.encode_string(miniz_oxide::deflate::compress_to_vec(&zeros, 9), &mut f);
            f
        };
        let not_text = {
            let mut f = String::from(FRAGMENT_PREFIX);
            LINK_BASE64.encode_string(
                miniz_oxide::deflate::compress_to_vec(&[0xff, 0xfe], 9),
                &mut f,
            );
            f
        };
        let not_a_plan = {
            let mut f = String::from(FRAGMENT_PREFIX);
            LINK_BASE64.encode_string(miniz_oxide::deflate::compress_to_vec(b"[1, 2]", 9), &mut f);
            f
        };
        let cases: Vec<(&str, &str)> = vec![
            ("https://example.org/planner/", "carries no plan"),
            ("#plan=", "cannot be unpacked"),
            ("#plan=abc$def", "character 4 ('$')"),
            ("#plan=%41", "character 1 ('%')"),
            ("#plan=a", "cut short"),
            (one_over, "cut short"),
            ("#plan=AAAA", "cannot be unpacked"),
            (cut, "cannot be unpacked"),
            // Longer than any link made: refused before it is decoded. (Within the length limit
            // no link unpacks past the plan limit: DEFLATE packs at most about 1,000 to 1.)
            (&bomb, "links are at most 32000"),
            (&not_text, "not text"),
            (&not_a_plan, "cannot be read: not a Region Planner plan"),
        ];
        for (link, want) in cases {
            let got = decode(link).expect_err(link);
            assert!(got.to_string().contains(want), "{link:.40}: {got}");
        }
        // A flipped character either breaks the stream or changes the text: never a panic,
        // never the original plan.
        assert_ne!(decode(&flipped), Ok(sample_plan(Lang::En)));
    }

    proptest::proptest! {
        /// Whatever follows `#plan=`, with any characters and spaces: an error or a plan, never
        /// a panic.
        #[test]
        fn any_link_text_reads_or_is_refused(text in "[A-Za-z0-9_=\\-\n é长$]{0,40}") {
            let _ = decode(&format!("#plan={text}"));
        }
    }
}
