//! A project's folders in -> its content files' bytes out: `content/site.toml`,
//! `content/topics.toml`, `content/indicators.toml` (optional), `content/states/*.{txt,md}`
//! and `content/pages/*.md`. Bytes only; decoding is the parsers' job.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostic::Diagnostic;
use crate::error::{Error, Result};

/// A file's bytes with the path shown in diagnostics (relative to the project root).
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
}

/// Every content file of a project, in a stable (sorted) order.
#[derive(Debug)]
pub struct Sources {
    pub site: SourceFile,
    /// `None` when the project has no topics.toml: topics are then found in the states.
    pub topics: Option<SourceFile>,
    /// `content/indicators.toml`, when the project has one.
    pub indicators: Option<SourceFile>,
    pub states: Vec<SourceFile>,
    pub pages: Vec<SourceFile>,
    /// Files that could not be read, and other problems with the folder layout.
    pub diagnostics: Vec<Diagnostic>,
}

/// The folders of a project.
#[derive(Debug, Clone)]
pub struct Layout {
    pub root: PathBuf,
    pub content: PathBuf,
    pub templates: PathBuf,
    pub static_dir: PathBuf,
}

impl Layout {
    pub fn new(root: &Path) -> Self {
        Layout {
            root: root.to_path_buf(),
            content: root.join("content"),
            templates: root.join("templates"),
            static_dir: root.join("static"),
        }
    }

    /// The folders of the project at `root`, which must have a `content/` folder
    /// (`templates/` and `static/` are optional: the built-in theme fills in what they lack).
    pub fn open(root: &Path) -> Result<Self> {
        let layout = Layout::new(root);
        layout.check_content()?;
        Ok(layout)
    }

    /// Fails, naming the folder, when `content/` is missing (it may have been removed
    /// since [`Layout::open`]: `serve` asks again before every rebuild).
    pub fn check_content(&self) -> Result<()> {
        if self.content.is_dir() {
            return Ok(());
        }
        Err(Error::MissingSource {
            path: self.content.clone(),
            what: "content/ (site.toml, topics.toml, states/, pages/)",
        })
    }

    /// A path as shown to the user: relative to the root when inside it.
    pub fn display(&self, path: &Path) -> PathBuf {
        match path.strip_prefix(&self.root) {
            Ok(rel) if !rel.as_os_str().is_empty() => rel.to_path_buf(),
            _ => path.to_path_buf(),
        }
    }
}

/// Reads every content file of a project whose folders were checked ([`Layout::open`]).
/// A missing `site.toml` is an error (`topics.toml` may be missing); an unreadable state
/// or page becomes a diagnostic so the other files are still checked.
pub fn read_sources(layout: &Layout) -> Result<Sources> {
    let required = |name: &str| -> Result<SourceFile> {
        let path = layout.content.join(name);
        let bytes = read_file(&path).map_err(|source| Error::Io {
            path: layout.display(&path),
            source,
        })?;
        Ok(SourceFile {
            path: layout.display(&path),
            bytes,
        })
    };
    let site = required("site.toml")?;
    let optional = |name: &str| -> Result<Option<SourceFile>> {
        if layout.content.join(name).exists() {
            required(name).map(Some)
        } else {
            Ok(None)
        }
    };
    let topics = optional("topics.toml")?;
    let indicators = optional("indicators.toml")?;
    let mut diagnostics = Vec::new();
    let states_dir = layout.content.join("states");
    let states = match folder_problem(&states_dir, true) {
        Some(problem) => {
            diagnostics.push(Diagnostic::error(
                &layout.display(&states_dir),
                None,
                problem,
                "put one file per state (iowa.txt, ohio.md…) in content/states/; a site without states would replace the published one with an empty guide",
            ));
            Vec::new()
        }
        None => {
            let before = diagnostics.len();
            let states = read_dir_files(layout, &states_dir, &["txt", "md"], &mut diagnostics);
            if states.is_empty() && diagnostics.len() == before {
                diagnostics.push(Diagnostic::error(
                    &layout.display(&states_dir),
                    None,
                    "no state files: content/states/ holds no .txt or .md file",
                    "add one file per state (iowa.txt, ohio.md…); a site without states would replace the published one with an empty guide",
                ));
            }
            states
        }
    };
    let pages_dir = layout.content.join("pages");
    if let Some(problem) = folder_problem(&pages_dir, false) {
        diagnostics.push(Diagnostic::error(
            &layout.display(&pages_dir),
            None,
            problem,
            "make content/pages/ a folder of .md pages, or remove it (it is optional)",
        ));
    }
    let pages = read_dir_files(
        layout,
        &layout.content.join("pages"),
        &["md"],
        &mut diagnostics,
    );
    Ok(Sources {
        site,
        topics,
        indicators,
        states,
        pages,
        diagnostics,
    })
}

/// What is wrong with a content folder, if anything: missing (when `required`), a file, or
/// a symbolic link that cannot be followed (a loop, or pointing nowhere).
fn folder_problem(dir: &Path, required: bool) -> Option<String> {
    let link = std::fs::symlink_metadata(dir);
    match std::fs::metadata(dir) {
        Ok(m) if m.is_dir() => None,
        Ok(_) => Some("this is a file, not a folder".to_string()),
        Err(e) if link.as_ref().is_ok_and(|l| l.file_type().is_symlink()) => Some(format!(
            "this is a symbolic link that cannot be followed ({e}); a link that leads back to itself is a loop"
        )),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            required.then(|| "missing folder: the project has no content/states/".to_string())
        }
        Err(e) => Some(format!("cannot open the folder: {e}")),
    }
}

/// Reads a regular file, following symlinks. Anything else is refused: reading a named
/// pipe would wait for a writer forever, and a folder has no text.
fn read_file(path: &Path) -> std::io::Result<Vec<u8>> {
    if !std::fs::metadata(path)?.is_file() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "not a regular file (a folder, a named pipe or a device)",
        ));
    }
    std::fs::read(path)
}

/// Reads the files with the given extensions directly inside `dir` (sorted by name).
/// Hidden files and editor backups are skipped.
fn read_dir_files(
    layout: &Layout,
    dir: &Path,
    exts: &[&str],
    diags: &mut Vec<Diagnostic>,
) -> Vec<SourceFile> {
    if !dir.is_dir() {
        return Vec::new();
    }
    let mut paths: Vec<PathBuf> = Vec::new();
    for entry in walkdir::WalkDir::new(dir)
        .min_depth(1)
        .max_depth(1)
        .sort_by_file_name()
    {
        match entry {
            Ok(e) => {
                let name = e.file_name().to_string_lossy();
                let wanted = e
                    .path()
                    .extension()
                    .and_then(|x| x.to_str())
                    .is_some_and(|x| exts.contains(&x));
                if wanted
                    && !name.starts_with('.')
                    && !name.ends_with('~')
                    && !e.file_type().is_dir()
                {
                    paths.push(e.into_path());
                }
            }
            Err(err) => diags.push(Diagnostic::error(
                &layout.display(err.path().unwrap_or(dir)),
                None,
                format!("cannot list this folder: {err}"),
                "check the folder's permissions",
            )),
        }
    }
    let read: Vec<std::result::Result<SourceFile, Diagnostic>> = paths
        .par_iter()
        .map(|p| {
            let shown = layout.display(p);
            read_file(p)
                .map(|bytes| SourceFile {
                    path: shown.clone(),
                    bytes,
                })
                .map_err(|e| {
                    Diagnostic::error(
                        &shown,
                        None,
                        format!("cannot read the file: {e}"),
                        "check that the file exists and is readable",
                    )
                })
        })
        .collect();
    let mut files = Vec::with_capacity(read.len());
    for r in read {
        match r {
            Ok(f) => files.push(f),
            Err(d) => diags.push(d),
        }
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(unix)]
    fn a_named_pipe_is_an_error_not_a_hang() {
        let dir = tempfile::tempdir().unwrap();
        let states = dir.path().join("content/states");
        std::fs::create_dir_all(&states).unwrap();
        let fifo = states.join("ohio.txt");
        let status = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(status.success());
        std::os::unix::fs::symlink(&fifo, states.join("iowa.txt")).unwrap();
        let layout = Layout::new(dir.path());
        let mut diags = Vec::new();
        let files = read_dir_files(&layout, &states, &["txt"], &mut diags);
        assert!(files.is_empty());
        assert_eq!(diags.len(), 2, "{diags:?}");
        for d in &diags {
            assert!(d.message.contains("not a regular file"), "{d}");
        }
    }
}
