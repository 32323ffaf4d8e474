//! Duplicate keys without a hash table: the keys are sorted in the caller's scratch by
//! kind, hash, value bytes and offset, so equal values lie side by side, first in file
//! order; one linear pass then pairs each with the first of its run. O(n log n) whatever
//! the values (many equal ones, or hash collisions), no allocation.

use core::cmp::Ordering;

use super::{Directory, KeyEntry, KeyKind, trim};

/// Calls `found(kind, duplicate, first)` for every key whose value an earlier record (in
/// file order) already has. `keys` is reordered.
pub(crate) fn duplicates(
    dir: &Directory<'_>,
    keys: &mut [KeyEntry],
    mut found: impl FnMut(KeyKind, &KeyEntry, &KeyEntry),
) {
    let value = |k: &KeyEntry| trim(dir.value(k.value));
    let order = |a: &KeyEntry, b: &KeyEntry| -> Ordering {
        (a.kind, a.hash)
            .cmp(&(b.kind, b.hash))
            // Bytes only on equal hashes: rare but for duplicates.
            .then_with(|| value(a).cmp(value(b)))
            .then(a.value.start.cmp(&b.value.start))
    };
    keys.sort_unstable_by(order);
    let mut first: Option<&KeyEntry> = None;
    for key in keys.iter() {
        match first {
            Some(f) if f.kind == key.kind && f.hash == key.hash && value(f) == value(key) => {
                found(key.kind, key, f);
            }
            _ => first = Some(key),
        }
    }
}

#[cfg(test)]
mod tests {
    use lint_core::ByteSpan;
    use lint_core::dicomdir::RecordIndex;

    use super::super::{Directory, KeyEntry, KeyKind};
    use super::duplicates;

    #[test]
    fn each_duplicate_pairs_with_the_first_in_file_order_even_on_collisions() {
        // Values `A`, `B`, `A ` (padded: equal to `A`), `B`, … at offsets 0, 2, 4, …, all
        // with the same hash so that only the bytes tell them apart.
        let mut bytes = [0u8; 2 * 4096];
        for (i, pair) in bytes.chunks_mut(2).enumerate() {
            pair[0] = if i % 2 == 0 { b'A' } else { b'B' };
            pair[1] = b' ';
        }
        let dir = Directory {
            bytes: &bytes,
            index: RecordIndex::read(&[], &mut []),
        };
        let mut keys = [KeyEntry::EMPTY; 4096];
        for (i, key) in keys.iter_mut().enumerate() {
            *key = KeyEntry {
                kind: KeyKind::PatientId,
                hash: 7,
                value: ByteSpan::at(2 * i as u64, if i % 3 == 0 { 2 } else { 1 }),
                record: i as u32,
            };
        }
        let (mut count, mut wrong) = (0, 0);
        duplicates(&dir, &mut keys, |kind, dup, first| {
            count += 1;
            let expected_first = dup.record % 2;
            if kind != KeyKind::PatientId || first.record != expected_first || dup.record < 2 {
                wrong += 1;
            }
        });
        assert_eq!((count, wrong), (4094, 0));
    }
}
