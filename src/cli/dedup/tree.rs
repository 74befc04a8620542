//! The kept bodies of an id as a radix tree, so that the copies rule finds the kept body
//! related to a new one (one a prefix of the other) in one walk down the new body, not by
//! reading every kept body of the id: thousands of releases of one date and title (pages
//! saved undated as "Press release") took time as the square of their number.
//!
//! Kept bodies of one id are no prefixes of each other (a prefix is a copy, not kept), so
//! each ends at a leaf. Walking a new body down the tree:
//! - a leaf reached: that kept body is a prefix of the new one;
//! - the new body ends first (at a node or within an edge): it is a prefix of every kept
//!   body below, and the oldest of them is the one the rule names;
//! - a byte with no way on: no kept body is related, and the new one is filed there.
//!
//! An edge's bytes are not copied: they are read from a kept body that runs through it.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use super::Unhashed;
use super::bodies::Bodies;

/// No record.
const NONE: u64 = u64::MAX;

#[derive(Debug, Default)]
pub(super) struct PrefixTree {
    /// Per hash of an id, its root node.
    roots: HashMap<u64, usize, BuildHasherDefault<Unhashed>>,
    nodes: Vec<Node>,
    /// Per node and the first byte of an edge out of it (see [`child_key`]): the child.
    children: HashMap<u64, usize, BuildHasherDefault<Unhashed>>,
}

#[derive(Debug, Clone, Copy)]
struct Node {
    /// Where byte 0 of a kept body that runs through this node is stored: the edge into
    /// the node is its bytes `from..to`.
    text: u64,
    from: usize,
    /// The node's depth: the length of the prefix it stands for.
    to: usize,
    /// The oldest record below: filed oldest first, a node's never changes.
    oldest: u64,
    /// The record of the kept body that ends here (at a leaf), or [`NONE`].
    kept: u64,
}

/// A kept body, as the tree is given it: its record, where its bytes are stored, its length.
#[derive(Debug, Clone, Copy)]
pub(super) struct Kept {
    pub record: u64,
    pub text: u64,
    pub len: usize,
}

/// Where a walk down a new body stopped.
enum Stop {
    /// The record of a kept body related to the new one.
    Related(u64),
    /// No way on from `node` for the byte at `depth`.
    Off { node: usize },
    /// The edge from `parent` into `node` parts from the new body at `depth`.
    Parts { parent: usize, node: usize, depth: usize },
}

/// The key of the child of `node` whose edge starts with `byte`, spread over all 64 bits
/// (the map takes its key as its hash).
fn child_key(node: usize, byte: u8) -> u64 {
    ((node as u64) << 8 | u64::from(byte)).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

impl PrefixTree {
    /// The oldest kept body of the id hashed `id_hash` that is a prefix of `body` or has
    /// it as a prefix: its record.
    pub(super) fn related(&self, bodies: &mut Bodies, id_hash: u64, body: &[u8]) -> std::io::Result<Option<u64>> {
        let Some(&root) = self.roots.get(&id_hash) else {
            return Ok(None);
        };
        Ok(match self.walk(bodies, root, body)? {
            Stop::Related(record) => Some(record),
            Stop::Off { .. } | Stop::Parts { .. } => None,
        })
    }

    /// The first body filed for the id hashed `id_hash`: its record.
    pub(super) fn first(&self, id_hash: u64) -> Option<u64> {
        self.roots.get(&id_hash).map(|&root| self.nodes[root].oldest)
    }

    /// Files a kept body of the id hashed `id_hash`, related to none filed (bodies come
    /// oldest first). `body` is its bytes, stored as `kept` says.
    pub(super) fn file(&mut self, bodies: &mut Bodies, id_hash: u64, body: &[u8], kept: Kept) -> std::io::Result<()> {
        let root = match self.roots.get(&id_hash) {
            Some(&root) => root,
            None => {
                // The first body: the root, where an empty body ends (a prefix of all, so
                // alone of its id), and a leaf below.
                let root = self.push(Node {
                    text: kept.text,
                    from: 0,
                    to: 0,
                    oldest: kept.record,
                    kept: if body.is_empty() { kept.record } else { NONE },
                });
                self.roots.insert(id_hash, root);
                if body.is_empty() {
                    return Ok(());
                }
                root
            }
        };
        let (parent, depth) = match self.walk(bodies, root, body)? {
            // The rule files only a body no kept one is related to.
            Stop::Related(_) => return Ok(()),
            Stop::Off { node } => (node, self.nodes[node].to),
            Stop::Parts { parent, node, depth } => {
                // The edge is cut where the bodies part: a new node above `node`. Its
                // first byte is the body's; the byte on is the kept bodies'.
                let old = self.nodes[node];
                let mid = self.push(Node {
                    to: depth,
                    kept: NONE,
                    ..old
                });
                self.nodes[node].from = depth;
                let mut onward = [0];
                bodies.read_at(old.text + depth as u64, &mut onward)?;
                self.children.insert(child_key(parent, body[old.from]), mid);
                self.children.insert(child_key(mid, onward[0]), node);
                (mid, depth)
            }
        };
        // A walk stops off the tree only within the body: `depth` is one of its bytes.
        let leaf = self.push(Node {
            text: kept.text,
            from: depth,
            to: kept.len,
            oldest: kept.record,
            kept: kept.record,
        });
        self.children.insert(child_key(parent, body[depth]), leaf);
        Ok(())
    }

    fn push(&mut self, node: Node) -> usize {
        self.nodes.push(node);
        self.nodes.len() - 1
    }

    /// Walks `body` down from `root`.
    fn walk(&self, bodies: &mut Bodies, root: usize, body: &[u8]) -> std::io::Result<Stop> {
        let mut node = root;
        let mut edge = Vec::new();
        loop {
            let here = self.nodes[node];
            if here.kept != NONE {
                return Ok(Stop::Related(here.kept));
            }
            let Some(&byte) = body.get(here.to) else {
                return Ok(Stop::Related(here.oldest));
            };
            let Some(&child) = self.children.get(&child_key(node, byte)) else {
                return Ok(Stop::Off { node });
            };
            let next = self.nodes[child];
            // The edge's bytes that the body has, compared with it.
            let end = next.to.min(body.len());
            edge.resize(end - next.from, 0);
            bodies.read_at(next.text + next.from as u64, &mut edge)?;
            let same = edge
                .iter()
                .zip(&body[next.from..end])
                .take_while(|(a, b)| a == b)
                .count();
            if next.from + same < end {
                return Ok(Stop::Parts {
                    parent: node,
                    node: child,
                    depth: next.from + same,
                });
            }
            if end < next.to {
                // The body ends within the edge: a prefix of all below.
                return Ok(Stop::Related(next.oldest));
            }
            node = child;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_walk_finds_the_prefix_or_the_oldest_extension() {
        let mut bodies = Bodies::default();
        let mut tree = PrefixTree::default();
        // Kept oldest first; "Lamp sales rose" and "Lamp stock" part within an edge.
        for text in ["Lamp sales rose", "Kettle sales", "Lamp stock"] {
            let at = bodies.store([text.as_bytes()]).unwrap();
            let kept = Kept {
                record: at,
                text: at,
                len: text.len(),
            };
            tree.file(&mut bodies, 7, text.as_bytes(), kept).unwrap();
        }
        let mut related = |body: &str| tree.related(&mut bodies, 7, body.as_bytes()).unwrap();
        // A kept body that is a prefix; the oldest of those that extend it; none.
        assert_eq!(related("Lamp sales rose by a fifth"), Some(0));
        assert_eq!(related("Lamp stock fell"), Some(27));
        assert_eq!(related("Lamp s"), Some(0));
        assert_eq!(related("Lamp st"), Some(27));
        assert_eq!(related(""), Some(0));
        assert_eq!(related("Lamp sales fell"), None);
        assert_eq!(related("Stove"), None);
        assert_eq!(tree.related(&mut bodies, 8, b"Lamp").unwrap(), None);
        assert_eq!(tree.first(7), Some(0));
        // An empty body is a prefix of every body.
        let kept = Kept {
            record: 99,
            text: 99,
            len: 0,
        };
        tree.file(&mut bodies, 9, b"", kept).unwrap();
        assert_eq!(tree.related(&mut bodies, 9, b"Lamp").unwrap(), Some(99));
    }
}
