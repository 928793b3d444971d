//! The guide -> the full-text search index, written into the output as script files under
//! `search/` that `static/search.js` loads on first use of the search box.
//!
//! `index` turns the guide into documents and stemmed terms (English, rust-stemmers);
//! `shard` turns those into the files. The format is described in the README ("Search").

pub mod index;
pub mod shard;

use crate::error::Result;
use crate::model::Guide;
use crate::output::Staging;

pub use index::{SearchDoc, SearchIndex, Term};
pub use shard::INDEX_FILE;

/// Every file of the search index, `search/index.js` first.
pub fn index_files(guide: &Guide) -> Vec<crate::output::OutputFile> {
    let index = index::build(guide);
    shard::files(&index, guide)
}

/// Builds the index of `guide` and writes its files into the staging folder, each as
/// soon as it is made.
pub fn write_index(guide: &Guide, staging: &Staging) -> Result<()> {
    let index = index::build(guide);
    shard::each_file(&index, guide, &|_, file| staging.write(&file))
}

#[cfg(test)]
mod tests;
