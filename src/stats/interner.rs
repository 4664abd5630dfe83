//! Byte strings interned to dense `u32` indices in order of first appearance, for readers of
//! large CSV files (`analyse`'s ids and clusters). The strings live end to end in one buffer and
//! the hash table holds only their indices, so a million ids cost their bytes plus about 13 bytes
//! each, with no allocation per string; a `HashMap<Box<[u8]>, u32>` costs five times the memory
//! and, chasing a pointer per comparison, several times the time. Only ever looked up, never
//! iterated, so hash order cannot leak into any output.
//!
//! (`stats::assign` has a private interner of the same design, with memory accounting for its
//! limit; it could move onto this one.)

use std::hash::BuildHasher;

#[derive(Default)]
pub struct Interner {
    bytes: Vec<u8>,
    /// Where each string starts in `bytes`; it ends where the next starts.
    starts: Vec<u64>,
    table: hashbrown::HashTable<u32>,
    hasher: std::hash::RandomState,
}

impl Interner {
    fn key_of<'a>(bytes: &'a [u8], starts: &[u64], i: u32) -> &'a [u8] {
        let i = i as usize;
        let end = starts.get(i + 1).map_or(bytes.len(), |&e| e as usize);
        &bytes[starts[i] as usize..end]
    }

    /// The string of index `i`.
    pub fn key(&self, i: u32) -> &[u8] {
        Self::key_of(&self.bytes, &self.starts, i)
    }

    pub fn get(&self, key: &[u8]) -> Option<u32> {
        let hash = self.hasher.hash_one(key);
        self.table.find(hash, |&i| self.key(i) == key).copied()
    }

    /// The index of `key`, and whether it was new. `None` past `u32::MAX` strings.
    pub fn intern(&mut self, key: &[u8]) -> Option<(u32, bool)> {
        let hash = self.hasher.hash_one(key);
        if let Some(&i) = self.table.find(hash, |&i| self.key(i) == key) {
            return Some((i, false));
        }
        let Interner {
            bytes,
            starts,
            table,
            hasher,
        } = self;
        let i = u32::try_from(starts.len()).ok()?;
        starts.push(bytes.len() as u64);
        bytes.extend_from_slice(key);
        table.insert_unique(hash, i, |&j| {
            hasher.hash_one(Self::key_of(bytes, starts, j))
        });
        Some((i, true))
    }

    pub fn len(&self) -> usize {
        self.starts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn interns_in_order_of_first_appearance() {
        let mut i = Interner::default();
        assert_eq!(i.intern(b"b"), Some((0, true)));
        assert_eq!(i.intern(b""), Some((1, true)));
        assert_eq!(i.intern(b"ab"), Some((2, true)));
        assert_eq!(i.intern(b"b"), Some((0, false)));
        assert_eq!(i.get(b"ab"), Some(2));
        assert_eq!(i.get(b"a"), None);
        assert_eq!((i.key(1), i.key(2), i.len()), (&b""[..], &b"ab"[..], 3));
        for n in 0..10_000u32 {
            i.intern(n.to_string().as_bytes()).unwrap();
        }
        assert_eq!(i.get(b"9999"), Some(3 + 9999));
    }
}
