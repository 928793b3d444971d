//! Rendered files -> the output folder, without losing a byte of the user's: `guard` says
//! whether a path may be the output at all, `lock` lets one build at a time write it,
//! `staging` writes the new site beside it, `swap` puts that in place and clears what
//! killed builds left behind.
//!
//! What the output holds: our marker file, the entries the build wrote (the marker lists
//! their top-level names) and the user's own (`.git`, `CNAME`, anything else), which are
//! carried into every new site and never deleted.

mod guard;
mod lock;
mod staging;
mod swap;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

pub use guard::check_output_dir;
pub use lock::LockedOutput;
pub use staging::{Staging, StaticPaths};

/// Name of the marker file that says "stateside wrote this folder".
pub const MARKER: &str = ".stateside";

const MARKER_HEAD: &str = "This folder is written by stateside and replaced on every build.\n\
Entries at its top level that stateside did not write (.git, CNAME, your own files) are kept across builds;\n\
the ones it wrote, listed below, are replaced. Keep your own files out of the folders it writes.\n";
const IN_PROGRESS: &str =
    "\nA build is still writing this folder: everything in it is stateside's.\n";
const LIST_HEAD: &str = "Written by stateside:";

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

/// What was written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WriteStats {
    pub files: usize,
    pub html_pages: usize,
    pub bytes: u64,
}

/// What a folder's marker says about whose its top-level entries are. Whatever is not
/// the build's is the user's: it is carried into the next site and never deleted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Owned {
    /// A staging folder being written: all of it is the build's.
    Everything,
    /// A finished site: these top-level names are the build's, with a hash of each file's
    /// bytes (folders have none), so that a file of ours the user rewrote is known.
    Listed(BTreeMap<String, Option<u64>>),
    /// A marker from before stateside listed its names: dot-names and CNAME are the
    /// user's, the rest the build's (the rule of those versions).
    Legacy,
}

impl Owned {
    /// The marker of `dir`, or `None` when it has none.
    pub(crate) fn read(dir: &Path) -> Option<Owned> {
        let text = fs::read_to_string(dir.join(MARKER)).ok()?;
        if let Some((_, list)) = text.split_once(LIST_HEAD) {
            let names = list
                .lines()
                .filter_map(|l| match serde_json::from_str(l.trim()).ok()? {
                    serde_json::Value::String(name) => Some((name, None)),
                    serde_json::Value::Array(pair) => match &pair[..] {
                        [name, hash] => Some((name.as_str()?.to_string(), hash.as_u64())),
                        _ => None,
                    },
                    _ => None,
                })
                .collect();
            Some(Owned::Listed(names))
        } else if text.contains(IN_PROGRESS.trim()) {
            Some(Owned::Everything)
        } else {
            Some(Owned::Legacy)
        }
    }

    /// Whether the top-level entry `name` of a folder with this marker is the user's.
    pub(crate) fn is_users(&self, name: &str) -> bool {
        name != MARKER
            && match self {
                Owned::Everything => false,
                Owned::Listed(names) => !names.contains_key(name),
                Owned::Legacy => name.starts_with('.') || name == "CNAME",
            }
    }

    /// Whether `dir/name` is a file the build wrote that no longer has the bytes it wrote
    /// (the user edited it): kept like the user's own when the next site does not
    /// replace it.
    pub(crate) fn is_edited(&self, dir: &Path, name: &str) -> bool {
        let Owned::Listed(names) = self else {
            return false;
        };
        let Some(Some(hash)) = names.get(name) else {
            return false;
        };
        file_hash(&dir.join(name)) != Some(*hash)
    }

    /// The marker of a finished site: its top-level entries (but the marker), each file
    /// with the hash of its bytes.
    pub(crate) fn of_site(dir: &Path) -> std::io::Result<Owned> {
        let mut names = BTreeMap::new();
        for e in fs::read_dir(dir)? {
            let e = e?;
            let name = e.file_name().to_string_lossy().into_owned();
            if name != MARKER {
                let is_file = e.file_type()?.is_file();
                names.insert(name, if is_file { file_hash(&e.path()) } else { None });
            }
        }
        Ok(Owned::Listed(names))
    }

    /// The marker file's text: an explanation for people, then the names, one JSON
    /// string a line (a file name may hold any character).
    pub(crate) fn marker_text(&self) -> String {
        match self {
            Owned::Everything => format!("{MARKER_HEAD}{IN_PROGRESS}"),
            Owned::Listed(names) => {
                let mut text = format!("{MARKER_HEAD}\n{LIST_HEAD}\n");
                for (name, hash) in names {
                    let line = match hash {
                        Some(h) => serde_json::json!([name, h]),
                        None => serde_json::json!(name),
                    };
                    text.push_str(&line.to_string());
                    text.push('\n');
                }
                text
            }
            Owned::Legacy => MARKER_HEAD.to_string(),
        }
    }
}

/// A hash of a file's bytes (FNV-1a, 64 bits: stable across versions and machines, which
/// the standard library's hasher is not); `None` when it cannot be read.
fn file_hash(path: &Path) -> Option<u64> {
    let bytes = fs::read(path).ok()?;
    // JSON numbers above 2^53 lose precision in many readers: keep 53 bits.
    Some(fnv1a(&bytes) >> 11)
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A relative path with no `..`, no root, no backslashes or control characters.
fn is_safe_relative(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with('/')
        && path
            .split('/')
            .all(|c| !c.is_empty() && c != "." && c != "..")
        && !path
            .chars()
            .any(|c| c == '\\' || c.is_control() || c == ':')
}

#[cfg(test)]
mod tests;
