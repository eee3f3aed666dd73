//! The limits checked before a text is parsed: its size, and how deeply its arrays and objects
//! nest ([`prescan`](super::prescan)). Both are checked without building anything, so a huge or
//! maliciously deep text is refused at once and never reaches the parser's recursion.

/// Largest plan text read, in bytes (50 MiB). A plan of ten thousand salespeople is about 3 MB.
pub const MAX_PLAN_BYTES: usize = 50 * 1024 * 1024;

/// Deepest nesting of arrays and objects read. A plan nests about eight levels (plan → regions
/// → region → sub-districts → sub-district → salespeople → salesperson → last sales); the rest
/// is headroom for later versions.
pub const MAX_DEPTH: usize = 64;
