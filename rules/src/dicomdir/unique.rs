//! Duplicate keys without a hash table: the keys are sorted in the caller's scratch by
//! (kind, hash, offset), so equal values lie side by side; within a run of equal hashes
//! the bytes decide (a collision is not a duplicate). O(n log n), no allocation.

use super::{Directory, KeyEntry, KeyKind, trim};

/// Calls `found(kind, duplicate, first)` for every key whose value an earlier record (in
/// file order) already has. `keys` is reordered.
pub(crate) fn duplicates(
    dir: &Directory<'_>,
    keys: &mut [KeyEntry],
    mut found: impl FnMut(KeyKind, &KeyEntry, &KeyEntry),
) {
    keys.sort_unstable_by_key(|k| (k.kind, k.hash, k.value.start));
    let mut start = 0;
    while start < keys.len() {
        let Some(head) = keys.get(start) else { break };
        let run = keys
            .get(start..)
            .unwrap_or(&[])
            .iter()
            .take_while(|k| k.kind == head.kind && k.hash == head.hash)
            .count()
            .max(1);
        let group = keys.get(start..start + run).unwrap_or(&[]);
        for (j, later) in group.iter().enumerate() {
            let value = trim(dir.value(later.value));
            // The first earlier key with the same bytes: runs are short (one per value,
            // longer only on a collision or a duplicate).
            let earlier = group
                .iter()
                .take(j)
                .find(|k| trim(dir.value(k.value)) == value);
            if let Some(first) = earlier {
                found(later.kind, later, first);
            }
        }
        start += run;
    }
}
