//! The built-in theme: the default `templates/` and `static/` files compiled into the
//! binary. A project's own files override them one by one; `theme --eject` copies them out.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// One built-in file, at its `/`-separated path inside `templates/` or `static/`.
pub struct ThemeFile {
    pub path: &'static str,
    pub bytes: &'static [u8],
}

macro_rules! theme_files {
    ($dir:literal: $($path:literal),* $(,)?) => {
        &[$(ThemeFile {
            path: $path,
            bytes: include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/", $dir, "/", $path)),
        }),*]
    };
}

/// The default templates (Tera), by name.
pub const TEMPLATES: &[ThemeFile] = theme_files!("templates":
    "404.html",
    "base.html",
    "compare-states.html",
    "compare-topics.html",
    "compare.html",
    "index.html",
    "page.html",
    "print.html",
    "question.html",
    "state.html",
    "topic.html",
    "partials/components.html",
    "partials/find-root.html",
    "partials/footer.html",
    "partials/header.html",
    "partials/print-state.html",
    "partials/value-map.html",
);

/// The default static files, copied into the site root.
pub const STATIC: &[ThemeFile] = theme_files!("static":
    "compare-states.js",
    "compare.js",
    "favicon.svg",
    "print.js",
    "search.js",
    "style.css",
);

impl ThemeFile {
    /// The file as text (every built-in template is UTF-8).
    pub fn text(&self) -> &'static str {
        std::str::from_utf8(self.bytes).expect("built-in templates are UTF-8")
    }
}

/// The built-in static files that the project's `static_dir` does not have a file for.
pub fn static_not_overridden(static_dir: &Path) -> impl Iterator<Item = &'static ThemeFile> + '_ {
    STATIC
        .iter()
        .filter(move |f| !static_dir.join(f.path).exists())
}

/// What `theme --eject` did with each built-in file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ejected {
    Written(PathBuf),
    /// The project has this file already; it was left as it was.
    Kept(PathBuf),
}

/// Writes every built-in file into `root/templates/` and `root/static/`, never replacing a
/// file that exists (the project's edits win).
pub fn eject(root: &Path) -> Result<Vec<Ejected>> {
    let mut done = Vec::new();
    for (dir, files) in [("templates", TEMPLATES), ("static", STATIC)] {
        for file in files {
            let path = root.join(dir).join(file.path);
            if write_new(&path, file.bytes)? {
                done.push(Ejected::Written(path));
            } else {
                done.push(Ejected::Kept(path));
            }
        }
    }
    Ok(done)
}

/// Creates `path` with `bytes` unless something is there already; false when it was.
/// `create_new` makes the check and the creation one step, so nothing is overwritten even
/// when a file appears in between.
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<bool> {
    use std::io::Write;
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
    }
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
    {
        Ok(mut f) => {
            f.write_all(bytes).map_err(|e| Error::io(path, e))?;
            Ok(true)
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(Error::io(path, e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every file of the repository's templates/ and static/ is built in, so the theme
    /// cannot silently miss one that is added later.
    #[test]
    fn every_theme_file_is_built_in() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        for (dir, files) in [("templates", TEMPLATES), ("static", STATIC)] {
            let base = root.join(dir);
            let mut on_disk: Vec<String> = walkdir::WalkDir::new(&base)
                .into_iter()
                .filter_map(|e| e.ok())
                .filter(|e| e.file_type().is_file())
                .map(|e| {
                    let rel = e.path().strip_prefix(&base).unwrap();
                    rel.to_string_lossy().replace('\\', "/")
                })
                .collect();
            on_disk.sort();
            let mut built_in: Vec<String> = files.iter().map(|f| f.path.to_string()).collect();
            built_in.sort();
            assert_eq!(on_disk, built_in, "{dir}/ and the built-in list differ");
        }
    }

    #[test]
    fn eject_writes_missing_files_and_keeps_existing_ones() {
        let dir = tempfile::tempdir().unwrap();
        let mine = dir.path().join("templates/base.html");
        std::fs::create_dir_all(mine.parent().unwrap()).unwrap();
        std::fs::write(&mine, "my own base").unwrap();
        let done = eject(dir.path()).unwrap();
        assert!(done.contains(&Ejected::Kept(mine.clone())));
        assert_eq!(std::fs::read_to_string(&mine).unwrap(), "my own base");
        let style = dir.path().join("static/style.css");
        assert!(done.contains(&Ejected::Written(style.clone())));
        let built_in = STATIC.iter().find(|f| f.path == "style.css").unwrap();
        assert_eq!(std::fs::read(&style).unwrap(), built_in.bytes);
        assert_eq!(done.len(), TEMPLATES.len() + STATIC.len());
    }
}
