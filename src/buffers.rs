//! Vectors kept from one sentence or release to the next, so that a stage does not pay an
//! allocation each time for a vector of the same use.

/// `v` emptied, as a vector of `B` in the same allocation, which the standard library's
/// in-place `collect` keeps when `A` and `B` have one size and alignment: the same type of
/// another lifetime (words of another sentence, the sentences of another release), which
/// is how a vector of items borrowing a text is kept past it.
// `filter` would keep the type: only `filter_map` turns the vector into one of `B`.
#[allow(clippy::unnecessary_filter_map)]
pub(crate) fn emptied<A, B>(mut v: Vec<A>) -> Vec<B> {
    v.clear();
    v.into_iter().filter_map(|_| None).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_emptied_vector_keeps_its_allocation() {
        let text = String::from("tea and coffee");
        let mut words: Vec<&str> = Vec::with_capacity(40);
        words.extend(text.split(' '));
        let (room, at) = (words.capacity(), words.as_ptr() as usize);
        let kept: Vec<&'static str> = emptied(words);
        assert!(kept.is_empty());
        assert_eq!((kept.capacity(), kept.as_ptr() as usize), (room, at));
    }
}
