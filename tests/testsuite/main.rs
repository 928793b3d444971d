//! The integration tests, one binary (mdBook's `tests/testsuite/` shape): each module
//! below was a test binary of its own; all of them share `harness` (fixture projects in
//! temp folders, running the built binary, output-tree snapshots). Run one module with
//! `cargo test --test testsuite cli::`.

#[path = "../harness/mod.rs"]
mod harness;

/// The corpus generator of `examples/gen_corpus.rs`, for the tests that build a
/// generated project.
#[allow(dead_code)]
#[path = "../../examples/gen_corpus.rs"]
mod gen_corpus;

/// The fuzz targets' own checks, replayed by `fuzz_regressions`.
#[path = "../../fuzz/fuzz_targets/common.rs"]
mod fuzz_common;

mod alignment;
mod alignment_f1;
mod big_input;
mod cli;
mod compare;
mod determinism;
mod fuzz_regressions;
mod hostile;
mod indicators;
mod indicators_site;
mod input;
mod kill_every_step;
mod load;
mod minify;
mod nothing_lost;
mod output_safety;
mod samples;
mod search;
mod serve_rebuild;
mod site;
mod stable_urls;
mod topics_cli;
