//! Tests over the whole pipeline that look at its inner stages.

mod allocations;
mod coverage;

/// Numbers drawn below `n` (`n > 0`) from a xorshift generator seeded `seed`: the
/// property tests' fixed, repeatable random cases.
pub(crate) fn xorshift(mut seed: u64) -> impl FnMut(u64) -> u64 {
    move |n| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    }
}
