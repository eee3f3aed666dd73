//! Ranks on a list sorted best first, by standard competition ranking ("1, 2, 2, 4"): two
//! entries with the same figures share the better rank, and the next one is placed after both.
//! The list's order within a tie (by name, then id) stays only an order to read in, not a
//! ranking; with nothing recorded yet everyone ties for first.

/// The rank of each entry of a list sorted best first, given each entry's ranking key
/// (`None`: the entry is not ranked). An entry whose key equals the previous entry's shares
/// its rank.
pub fn shared_ranks<K: PartialEq>(keys: impl IntoIterator<Item = Option<K>>) -> Vec<Option<usize>> {
    let mut previous: Option<(K, usize)> = None;
    keys.into_iter()
        .enumerate()
        .map(|(k, key)| {
            let key = key?;
            let rank = match &previous {
                Some((last, rank)) if *last == key => *rank,
                _ => k + 1,
            };
            previous = Some((key, rank));
            Some(rank)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ties_share_the_better_rank_and_the_next_entry_is_placed_after_them() {
        let ranks = shared_ranks([Some(90), Some(80), Some(80), Some(70), None, None]);
        assert_eq!(ranks, [Some(1), Some(2), Some(2), Some(4), None, None]);
    }

    #[test]
    fn everyone_level_is_first() {
        assert_eq!(shared_ranks([Some(0); 3]), [Some(1); 3]);
        assert_eq!(shared_ranks::<u8>([]), Vec::<Option<usize>>::new());
    }
}
