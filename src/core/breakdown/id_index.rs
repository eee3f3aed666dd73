//! Finding a node by id without a second copy of every id: the ids' hashes, sorted, point at
//! the nodes, and a lookup confirms the id itself.

/// Node indices sorted by (hash of id, index), each packed as `hash << 32 | index`. (One `u128`
/// per node: sorting it shares the code of the month grids' sort, keeping the wasm smaller.)
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IdIndex {
    entries: Vec<u128>,
}

fn hash_of(entry: u128) -> u64 {
    (entry >> 32) as u64
}

fn index_of(entry: u128) -> u32 {
    entry as u32
}

/// FNV-1a: fixed, so the index is the same on every machine and in wasm.
fn hash(id: &str) -> u64 {
    id.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

impl IdIndex {
    /// Indexes `ids` (node `i` has `ids[i]`).
    pub fn build<'a>(ids: impl ExactSizeIterator<Item = &'a str>) -> IdIndex {
        let mut entries: Vec<u128> = Vec::with_capacity(ids.len());
        entries.extend(
            ids.enumerate()
                .map(|(i, id)| u128::from(hash(id)) << 32 | i as u128),
        );
        entries.sort_unstable();
        IdIndex { entries }
    }

    /// The first node (lowest index) whose id is `id`; `id_of` gives a node's id.
    pub fn find<'a>(&self, id: &str, id_of: impl Fn(usize) -> &'a str) -> Option<usize> {
        let h = hash(id);
        let start = self.entries.partition_point(|&e| hash_of(e) < h);
        self.entries[start..]
            .iter()
            .take_while(|&&e| hash_of(e) == h)
            .map(|&e| index_of(e) as usize)
            .find(|&i| id_of(i) == id)
    }

    /// Nodes whose id an earlier node already has, in tree order.
    pub fn duplicates<'a>(&self, id_of: impl Fn(usize) -> &'a str) -> Vec<usize> {
        let mut dups: Vec<u128> = Vec::new();
        for group in self.entries.chunk_by(|&a, &b| hash_of(a) == hash_of(b)) {
            for (k, &e) in group.iter().enumerate() {
                let id = id_of(index_of(e) as usize);
                if group[..k]
                    .iter()
                    .any(|&earlier| id_of(index_of(earlier) as usize) == id)
                {
                    dups.push(u128::from(index_of(e)));
                }
            }
        }
        dups.sort_unstable();
        dups.into_iter().map(|i| i as usize).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_found_first_first_and_repeats_are_listed() {
        let ids = ["r1", "d2", "p3", "d2", "p4", "r1", ""];
        let index = IdIndex::build(ids.iter().copied());
        let id_of = |i: usize| ids[i];
        let found: Vec<Option<usize>> = ["r1", "d2", "p3", "p4", "", "nobody"]
            .iter()
            .map(|id| index.find(id, id_of))
            .collect();
        assert_eq!(found, [Some(0), Some(1), Some(2), Some(4), Some(6), None]);
        assert_eq!(index.duplicates(id_of), [3, 5]);
    }
}
