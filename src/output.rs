//! Rendered files -> the output folder: minify HTML, copy `static/`, write everything into a
//! staging folder beside the output, and swap it into place only when all of it succeeded.

/// One file to write, at a `/`-separated path relative to the output folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: String,
    pub contents: Vec<u8>,
}

impl OutputFile {
    pub fn new(path: impl Into<String>, contents: impl Into<Vec<u8>>) -> Self {
        OutputFile {
            path: path.into(),
            contents: contents.into(),
        }
    }
}
