//! Three-way merge of a list whose entries have no id (a sub-district's milestones, its named
//! distributors and terminals): entries matched by value, each copy's insertions and removals
//! kept when they touch different stretches of the base list.

/// The merged list, or `None` when both copies changed the same stretch differently.
pub fn merge_lists<T: Clone + PartialEq>(base: &[T], mine: &[T], theirs: &[T]) -> Option<Vec<T>> {
    if mine == theirs {
        return Some(mine.to_vec());
    }
    let a = matches(base, mine);
    let b = matches(base, theirs);
    let mut out = Vec::new();
    // Walk the base; between two base entries both copies keep, each copy's insertions go in.
    let (mut i, mut j, mut k) = (0usize, 0usize, 0usize);
    loop {
        // The next base entry both copies kept unchanged (a stable point).
        let next = (i..base.len()).find(|&x| a[x].is_some() && b[x].is_some());
        let (mine_end, theirs_end) = match next {
            Some(x) => (a[x].unwrap_or(mine.len()), b[x].unwrap_or(theirs.len())),
            None => (mine.len(), theirs.len()),
        };
        let base_end = next.unwrap_or(base.len());
        let base_part = &base[i..base_end];
        let mine_part = &mine[j..mine_end];
        let theirs_part = &theirs[k..theirs_end];
        if mine_part == base_part {
            out.extend_from_slice(theirs_part);
        } else if theirs_part == base_part || mine_part == theirs_part {
            out.extend_from_slice(mine_part);
        } else {
            return None;
        }
        let Some(x) = next else { break };
        out.push(base[x].clone());
        (i, j, k) = (x + 1, mine_end + 1, theirs_end + 1);
    }
    Some(out)
}

/// For each base entry, its position in `other` along a longest common subsequence.
fn matches<T: PartialEq>(base: &[T], other: &[T]) -> Vec<Option<usize>> {
    let (n, m) = (base.len(), other.len());
    // Lengths of the longest common subsequences of the suffixes.
    let mut lcs = vec![0u32; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[at(i, j)] = if base[i] == other[j] {
                lcs[at(i + 1, j + 1)] + 1
            } else {
                lcs[at(i + 1, j)].max(lcs[at(i, j + 1)])
            };
        }
    }
    let mut out = vec![None; n];
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if base[i] == other[j] {
            out[i] = Some(j);
            i += 1;
            j += 1;
        } else if lcs[at(i + 1, j)] >= lcs[at(i, j + 1)] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::merge_lists;

    fn l(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn changes_to_different_stretches_are_both_kept() {
        let cases = [
            ("abc", "abc", "abcd", Some("abcd")),
            ("abc", "xabc", "abcd", Some("xabcd")),
            ("abc", "ac", "abcd", Some("acd")),
            ("abc", "ab", "bc", Some("b")),
            ("abc", "aXc", "abc", Some("aXc")),
            ("abc", "aXc", "aXc", Some("aXc")),
            ("", "a", "b", None),
            ("abc", "aXc", "aYc", None),
            ("abc", "abcX", "abcY", None),
            ("ab", "", "ab", Some("")),
        ];
        for (base, mine, theirs, want) in cases {
            let got = merge_lists(&l(base), &l(mine), &l(theirs));
            assert_eq!(
                got.map(|v| v.into_iter().collect::<String>()),
                want.map(str::to_string),
                "base {base}, mine {mine}, theirs {theirs}"
            );
        }
    }
}
