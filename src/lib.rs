//! stateside: turns a folder of state-by-state policy documents into a static website.
//!
//! The pipeline, one module per stage:
//! `source` (find and read files) -> `parse` / `markdown` (one file -> a [`doc::StateDoc`])
//! -> `align` (all documents + topics -> which question answers which topic)
//! -> `model` (the [`model::Guide`], answers rendered once) -> `site` (every page to write)
//! -> `render` (Tera) -> `output` (minify, stage, swap into place).

pub mod align;
pub mod config;
pub mod diagnostic;
pub mod doc;
pub mod error;
pub mod export;
pub mod html;
pub mod jurisdiction;
pub mod markdown;
pub mod model;
pub mod output;
pub mod parse;
pub mod render;
pub mod site;
pub mod source;
pub mod text;

pub use diagnostic::{Diagnostic, Severity};
pub use error::{Error, Result};
