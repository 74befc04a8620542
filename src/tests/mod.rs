//! Tests over the whole pipeline that look at its inner stages.

mod allocations;
mod coverage;
