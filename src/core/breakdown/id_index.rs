//! Finding a node by id without a second copy of every id: the ids' hashes, sorted, point at
//! the nodes, and a lookup confirms the id itself.

/// Node indices sorted by (hash of id, index).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IdIndex {
    entries: Vec<(u64, u32)>,
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
        let mut entries: Vec<(u64, u32)> = Vec::with_capacity(ids.len());
        entries.extend(ids.enumerate().map(|(i, id)| (hash(id), i as u32)));
        entries.sort_unstable();
        IdIndex { entries }
    }

    /// The first node (lowest index) whose id is `id`; `id_of` gives a node's id.
    pub fn find<'a>(&self, id: &str, id_of: impl Fn(usize) -> &'a str) -> Option<usize> {
        let h = hash(id);
        let start = self.entries.partition_point(|&(eh, _)| eh < h);
        self.entries[start..]
            .iter()
            .take_while(|&&(eh, _)| eh == h)
            .map(|&(_, i)| i as usize)
            .find(|&i| id_of(i) == id)
    }

    /// Nodes whose id an earlier node already has, in tree order.
    pub fn duplicates<'a>(&self, id_of: impl Fn(usize) -> &'a str) -> Vec<usize> {
        let mut dups = Vec::new();
        for group in self.entries.chunk_by(|a, b| a.0 == b.0) {
            for (k, &(_, i)) in group.iter().enumerate() {
                let id = id_of(i as usize);
                if group[..k]
                    .iter()
                    .any(|&(_, earlier)| id_of(earlier as usize) == id)
                {
                    dups.push(i as usize);
                }
            }
        }
        dups.sort_unstable();
        dups
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
