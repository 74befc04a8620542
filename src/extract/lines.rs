//! Line numbers of byte offsets, for a text's warnings.

/// Line numbers of byte offsets, asked for in order (a text's warnings): the line breaks
/// are counted on from the last offset asked for. One asked for before it builds an index
/// of them all, once per text: counting from the start for every warning was quadratic
/// on a long text full of warnings, and building the index for a text with a warning or
/// two cost more than the count.
pub(super) struct LineIndex<'a> {
    text: &'a str,
    /// Where the breaks were last counted to, and the line there.
    counted: std::cell::Cell<(usize, usize)>,
    breaks: std::cell::OnceCell<Vec<usize>>,
}

impl<'a> LineIndex<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        LineIndex {
            text,
            counted: std::cell::Cell::new((0, 1)),
            breaks: std::cell::OnceCell::new(),
        }
    }

    /// Line number (1-based) of a byte offset.
    pub(super) fn line_of(&self, offset: usize) -> usize {
        let bytes = self.text.as_bytes();
        let (at, line) = self.counted.get();
        let to = offset.min(bytes.len());
        if self.breaks.get().is_none() && at <= to {
            let line = line + memchr::memchr_iter(b'\n', bytes.get(at..to).unwrap_or_default()).count();
            self.counted.set((to, line));
            return line;
        }
        let breaks = self.breaks.get_or_init(|| memchr::memchr_iter(b'\n', bytes).collect());
        breaks.partition_point(|&b| b < offset) + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines asked for in order, and out of order (the index), as counted from the start.
    #[test]
    fn lines_of_offsets_in_any_order_are_counted_breaks() {
        let text = "one\ntwo\n\nfour\r\nfive";
        let want = |offset: usize| 1 + text.bytes().take(offset).filter(|&b| b == b'\n').count();
        let forward: Vec<usize> = (0..text.len() + 3).collect();
        let orders = [
            forward.clone(),
            forward.iter().rev().copied().collect(),
            vec![5, 5, 2, 9, 30, 0, 12],
        ];
        for order in orders {
            let lines = LineIndex::new(text);
            for offset in order {
                assert_eq!(lines.line_of(offset), want(offset), "{offset}");
            }
        }
    }
}
