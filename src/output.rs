//! Rendered files -> the output folder: copy `static/`, write everything into a
//! staging folder beside the output, and swap it into place only when all of it succeeded.
//! A folder stateside did not create is never deleted.

use std::collections::HashSet;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Mutex;

use rayon::prelude::*;

use crate::error::{Error, Result};

/// Name of the marker file that says "stateside wrote this folder".
pub const MARKER: &str = ".stateside";
const MARKER_TEXT: &str = "This folder is written by stateside and replaced on every build.\n\
Files whose names start with a dot, and CNAME, are kept across builds; everything else is regenerated.\n";

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

/// Refuses output folders that would put the project at risk: the project root itself, a
/// folder that contains the root, or anything inside `content/`, `templates/` or `static/`.
pub fn check_output_dir(root: &Path, out: &Path) -> Result<()> {
    let root = absolute(root);
    let out_abs = absolute(out);
    let refuse = |why: &str| {
        Err(Error::Output { path: out.to_path_buf(), message: format!("refusing to write the site here: {why}; choose another --output folder (the default is public/)") })
    };
    if out_abs == root {
        return refuse("it is the project folder");
    }
    if root.starts_with(&out_abs) {
        return refuse("it contains the project folder");
    }
    for dir in ["content", "templates", "static"] {
        if out_abs.starts_with(root.join(dir)) {
            return refuse(&format!("it is inside {dir}/, which holds your sources"));
        }
    }
    if out_abs.parent().is_none() {
        return refuse("it is the root of the file system");
    }
    if out.is_file() {
        return Err(Error::Output {
            path: out.to_path_buf(),
            message: "the output path is a file, not a folder; remove it or choose another --output folder".into(),
        });
    }
    if out.is_dir() && !out.join(MARKER).is_file() {
        let has_content = fs::read_dir(out)
            .map_err(|e| Error::io(out, e))?
            .next()
            .is_some();
        if has_content {
            return Err(Error::Output {
                path: out.to_path_buf(),
                message: format!(
                    "this folder is not empty and was not created by stateside (it has no {MARKER} file), so it will not be replaced; \
                     choose another --output folder, or empty or remove this one yourself"
                ),
            });
        }
    }
    Ok(())
}

/// A staging folder beside the output that pages are written into one by one, from any
/// thread, as soon as they are ready; [`Staging::finish`] swaps it into place. Dropped
/// without `finish` (an error anywhere), it is removed and the previous output stays.
pub struct Staging {
    dir: PathBuf,
    out: PathBuf,
    parent: PathBuf,
    name: String,
    pid: u32,
    static_dir: PathBuf,
    /// The site being replaced, when it is one stateside wrote: its unchanged files are
    /// linked into the new one instead of written again.
    previous: Option<PathBuf>,
    /// Relative paths of the files and folders copied from `static/`.
    static_files: HashSet<String>,
    static_dirs: HashSet<String>,
    /// Paths written so far, and folders already created.
    written: Mutex<HashSet<String>>,
    made_dirs: Mutex<HashSet<String>>,
    files: AtomicUsize,
    html_pages: AtomicUsize,
    bytes: AtomicU64,
    finished: bool,
}

impl Staging {
    /// Checks the output folder, clears what killed builds left, and creates the staging
    /// folder with the marker and a copy of `static_dir`.
    pub fn begin(root: &Path, out: &Path, static_dir: &Path) -> Result<Staging> {
        check_output_dir(root, out)?;
        let out_abs = absolute(out);
        let parent = out_abs
            .parent()
            .expect("checked: not the file-system root")
            .to_path_buf();
        let name = out_abs
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".into());
        fs::create_dir_all(&parent).map_err(|e| Error::io(&parent, e))?;
        remove_stale(&parent, &name);

        let pid = std::process::id();
        let dir = parent.join(format!(".{name}.stateside-staging-{pid}"));
        if dir.exists() {
            fs::remove_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        }
        let previous = out_abs.join(MARKER).is_file().then(|| out_abs.clone());
        let mut staging = Staging {
            dir,
            previous,
            out: out_abs,
            parent,
            name,
            pid,
            static_dir: static_dir.to_path_buf(),
            static_files: HashSet::new(),
            static_dirs: HashSet::new(),
            written: Mutex::new(HashSet::new()),
            made_dirs: Mutex::new(HashSet::new()),
            files: AtomicUsize::new(0),
            html_pages: AtomicUsize::new(0),
            bytes: AtomicU64::new(0),
            finished: false,
        };
        // The marker is written into a fresh folder that only then takes the staging name,
        // so every staging folder (also one left by a killed build) carries the marker and
        // can be recognised and removed.
        let fresh = staging
            .parent
            .join(format!(".{}.stateside-new-{pid}", staging.name));
        if fresh.exists() {
            fs::remove_dir_all(&fresh).map_err(|e| Error::io(&fresh, e))?;
        }
        fs::create_dir_all(&fresh).map_err(|e| Error::io(&fresh, e))?;
        let marker = fresh.join(MARKER);
        fs::write(&marker, MARKER_TEXT).map_err(|e| Error::io(&marker, e))?;
        fs::rename(&fresh, &staging.dir).map_err(|e| Error::io(&staging.dir, e))?;
        staging.static_files.insert(MARKER.to_string());
        staging.copy_static()?;
        Ok(staging)
    }

    /// Writes one generated file. Fails on a path that would leave the folder, a path
    /// written before, or a path that a file from `static/` already holds.
    pub fn write(&self, file: &OutputFile) -> Result<()> {
        self.claim(&file.path)?;
        self.write_unchecked(&file.path, &file.contents)
    }

    /// Writes one generated file through `fill`, buffered, without holding it in memory
    /// (for the data exports, which grow with the whole guide). Same checks as
    /// [`Staging::write`].
    pub fn write_stream(
        &self,
        path: &str,
        fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> Result<()> {
        self.claim(path)?;
        if let Some((dir, _)) = path.rsplit_once('/') {
            self.make_dir(dir)?;
        }
        let p = self.dir.join(path);
        let file = fs::File::create(&p).map_err(|e| Error::io(&p, e))?;
        let mut w = std::io::BufWriter::with_capacity(1 << 20, file);
        fill(&mut w)
            .and_then(|()| w.flush())
            .map_err(|e| Error::io(&p, e))?;
        let len = w.get_ref().metadata().map_err(|e| Error::io(&p, e))?.len();
        self.count(path, len);
        Ok(())
    }

    /// Checks a generated path and records it as written: it must stay inside the folder,
    /// not have been written before, and not be a file or folder from `static/`.
    fn claim(&self, path: &str) -> Result<()> {
        check_generated_path(path)?;
        if !self
            .written
            .lock()
            .expect("no writer panics while holding the lock")
            .insert(path.to_string())
        {
            return Err(duplicate(path));
        }
        self.check_static(path)
    }

    fn count(&self, path: &str, bytes: u64) {
        self.files.fetch_add(1, Ordering::Relaxed);
        if path.ends_with(".html") {
            self.html_pages.fetch_add(1, Ordering::Relaxed);
        }
        self.bytes.fetch_add(bytes, Ordering::Relaxed);
    }

    /// Swaps the staging folder into place and reports what it holds.
    pub fn finish(mut self) -> Result<WriteStats> {
        swap_into_place(&self.dir, &self.out, &self.parent, &self.name, self.pid)?;
        self.finished = true;
        Ok(WriteStats {
            files: self.files.load(Ordering::Relaxed),
            html_pages: self.html_pages.load(Ordering::Relaxed),
            bytes: self.bytes.load(Ordering::Relaxed),
        })
    }

    /// A file copied from static/ must not be silently replaced by a generated one, nor
    /// stand where a generated folder goes.
    fn check_static(&self, path: &str) -> Result<()> {
        let taken = if self.static_files.contains(path) || self.static_dirs.contains(path) {
            Some(path)
        } else {
            ancestors(path).find(|dir| self.static_files.contains(*dir))
        };
        match taken {
            Some(p) => Err(Error::Output {
                path: self.static_dir.join(p),
                message: "a file in static/ has the path of a page or folder that stateside \
                          generates; rename or remove it"
                    .into(),
            }),
            None => Ok(()),
        }
    }

    fn write_unchecked(&self, path: &str, contents: &[u8]) -> Result<()> {
        if let Some((dir, _)) = path.rsplit_once('/') {
            self.make_dir(dir)?;
        }
        let p = self.dir.join(path);
        if !self.link_unchanged(path, contents, &p) {
            fs::write(&p, contents).map_err(|e| Error::io(&p, e))?;
        }
        self.count(path, contents.len() as u64);
        Ok(())
    }

    /// When the site being replaced has this file with exactly these bytes, hard-links it
    /// into the staging folder instead of writing a new file. A rebuild after a small
    /// change then creates few new files, and removing the old site frees few: on file
    /// systems such as ext4 without a journal, creating files shortly after many were
    /// freed is slow. The old site is only read, never changed.
    fn link_unchanged(&self, path: &str, contents: &[u8], dest: &Path) -> bool {
        let Some(previous) = &self.previous else {
            return false;
        };
        let old = previous.join(path);
        let same_size = fs::symlink_metadata(&old)
            .is_ok_and(|m| m.is_file() && m.len() == contents.len() as u64);
        same_size
            && fs::read(&old).is_ok_and(|bytes| bytes == contents)
            && fs::hard_link(&old, dest).is_ok()
    }

    /// Creates a folder of the staging tree once, however many files go into it.
    fn make_dir(&self, dir: &str) -> Result<()> {
        let known = |d: &str| {
            self.made_dirs
                .lock()
                .expect("no writer panics while holding the lock")
                .contains(d)
        };
        if known(dir) {
            return Ok(());
        }
        let d = self.dir.join(dir);
        // Creating a folder that exists is not an error, so racing writers are harmless.
        fs::create_dir_all(&d).map_err(|e| Error::io(&d, e))?;
        self.made_dirs
            .lock()
            .expect("no writer panics while holding the lock")
            .insert(dir.to_string());
        Ok(())
    }

    /// Copies `static/` (files only, symlinks are not followed out of it); a project
    /// without one has only the built-in static files.
    fn copy_static(&mut self) -> Result<()> {
        if !self.static_dir.exists() {
            return Ok(());
        }
        for entry in walkdir::WalkDir::new(&self.static_dir)
            .min_depth(1)
            .sort_by_file_name()
        {
            let entry = entry.map_err(|e| Error::Output {
                path: self.static_dir.clone(),
                message: format!("cannot read static/: {e}"),
            })?;
            let rel = entry
                .path()
                .strip_prefix(&self.static_dir)
                .expect("walkdir yields paths under its root");
            let key = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            let dest = self.dir.join(rel);
            if entry.file_type().is_dir() {
                fs::create_dir_all(&dest).map_err(|e| Error::io(&dest, e))?;
                self.static_dirs.insert(key);
            } else if entry.file_type().is_file() {
                let n = fs::copy(entry.path(), &dest).map_err(|e| Error::io(entry.path(), e))?;
                self.static_files.insert(key);
                self.files.fetch_add(1, Ordering::Relaxed);
                self.bytes.fetch_add(n, Ordering::Relaxed);
            }
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.finished && self.dir.exists() {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

/// The folders a `/`-separated path lies in, innermost last: `a/b/c` -> `a`, `a/b`.
fn ancestors(path: &str) -> impl Iterator<Item = &str> {
    path.match_indices('/').map(move |(i, _)| &path[..i])
}

fn check_generated_path(path: &str) -> Result<()> {
    if is_safe_relative(path) {
        Ok(())
    } else {
        Err(Error::Output {
            path: PathBuf::from(path),
            message: "generated path would leave the output folder".into(),
        })
    }
}

fn duplicate(path: &str) -> Error {
    Error::Output {
        path: PathBuf::from(path),
        message: "two generated files have this path".into(),
    }
}

/// Renames the old output aside, the staging folder into place, carries the user's
/// dotfiles and CNAME over, then removes the old folder (which has our marker).
fn swap_into_place(staging: &Path, out: &Path, parent: &Path, name: &str, pid: u32) -> Result<()> {
    if !out.exists() {
        return fs::rename(staging, out).map_err(|e| Error::io(out, e));
    }
    let old = parent.join(format!(".{name}.stateside-old-{pid}"));
    fs::rename(out, &old).map_err(|e| Error::io(out, e))?;
    if let Err(e) = fs::rename(staging, out) {
        // Put the previous site back before reporting.
        let _ = fs::rename(&old, out);
        return Err(Error::io(out, e));
    }
    if let Ok(entries) = fs::read_dir(&old) {
        for entry in entries.flatten() {
            let file_name = entry.file_name();
            let n = file_name.to_string_lossy();
            let keep = (n.starts_with('.') && n != MARKER) || n == "CNAME";
            let dest = out.join(&file_name);
            if keep && !dest.exists() {
                let _ = fs::rename(entry.path(), dest);
            }
        }
    }
    remove_tree(&old);
    Ok(())
}

/// Removes a folder and everything in it, its subfolders (two levels down, where a site
/// keeps most of its pages) in parallel. Symlinks are removed, never followed.
fn remove_tree(dir: &Path) {
    fn children(dir: &Path) -> Vec<(PathBuf, bool)> {
        fs::read_dir(dir)
            .map(|entries| {
                entries
                    .flatten()
                    .map(|e| (e.path(), e.file_type().is_ok_and(|t| t.is_dir())))
                    .collect()
            })
            .unwrap_or_default()
    }
    let level: Vec<(PathBuf, bool)> = children(dir)
        .into_par_iter()
        .flat_map_iter(|(path, is_dir)| {
            if is_dir {
                children(&path)
            } else {
                let _ = fs::remove_file(&path);
                Vec::new()
            }
        })
        .collect();
    level.par_iter().for_each(|(path, is_dir)| {
        let _ = if *is_dir {
            fs::remove_dir_all(path)
        } else {
            fs::remove_file(path)
        };
    });
    let _ = fs::remove_dir_all(dir);
}

/// Removes staging and old folders left beside the output by builds that were killed;
/// only folders that carry our marker. A build killed between its two renames leaves the
/// previous site in an old folder and none in place: that one is put back instead, so
/// the user's dotfiles in it are carried over as usual.
fn remove_stale(parent: &Path, name: &str) {
    let staging = format!(".{name}.stateside-staging-");
    let old = format!(".{name}.stateside-old-");
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    let fresh = format!(".{name}.stateside-new-");
    for entry in entries.flatten() {
        let n = entry.file_name().to_string_lossy().into_owned();
        // A build killed before its marker was written leaves an empty fresh folder.
        if n.starts_with(&fresh) {
            let empty = fs::read_dir(entry.path()).is_ok_and(|mut d| d.next().is_none());
            if empty || entry.path().join(MARKER).is_file() {
                let _ = fs::remove_dir_all(entry.path());
            }
            continue;
        }
        if !(n.starts_with(&staging) || n.starts_with(&old)) || !entry.path().join(MARKER).is_file()
        {
            continue;
        }
        let out = parent.join(name);
        if n.starts_with(&old) && !out.exists() && fs::rename(entry.path(), &out).is_ok() {
            continue;
        }
        let _ = fs::remove_dir_all(entry.path());
    }
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

fn absolute(p: &Path) -> PathBuf {
    let abs = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|d| d.join(p))
            .unwrap_or_else(|_| p.to_path_buf())
    };
    // Resolve `.`/`..` lexically (the folder may not exist yet), then symlinks where it does.
    let mut clean = PathBuf::new();
    for c in abs.components() {
        match c {
            std::path::Component::ParentDir => {
                clean.pop();
            }
            std::path::Component::CurDir => {}
            other => clean.push(other),
        }
    }
    fs::canonicalize(&clean).unwrap_or(clean)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A whole site through [`Staging`], as a build writes one; on an error the staging
    /// folder is dropped and the previous output stays.
    fn write_site(
        root: &Path,
        out: &Path,
        files: &[OutputFile],
        static_dir: &Path,
    ) -> Result<WriteStats> {
        let staging = Staging::begin(root, out, static_dir)?;
        files.iter().try_for_each(|f| staging.write(f))?;
        staging.finish()
    }

    fn project() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for d in ["content", "templates", "static"] {
            fs::create_dir_all(dir.path().join(d)).unwrap();
        }
        fs::write(dir.path().join("static/style.css"), "body{}").unwrap();
        dir
    }

    #[test]
    fn writes_files_and_static_and_marker() {
        let p = project();
        let out = p.path().join("public");
        let stats = write_site(
            p.path(),
            &out,
            &[OutputFile::new("a/index.html", "<p>x</p>")],
            &p.path().join("static"),
        )
        .unwrap();
        assert_eq!(
            fs::read_to_string(out.join("a/index.html")).unwrap(),
            "<p>x</p>"
        );
        assert_eq!(fs::read_to_string(out.join("style.css")).unwrap(), "body{}");
        assert!(out.join(MARKER).is_file());
        assert_eq!(stats.files, 2);
        assert_eq!(stats.html_pages, 1);
    }

    #[test]
    fn rebuild_replaces_old_pages_and_keeps_dotfiles_and_cname() {
        let p = project();
        let out = p.path().join("public");
        let st = p.path().join("static");
        write_site(p.path(), &out, &[OutputFile::new("old.html", "old")], &st).unwrap();
        fs::create_dir_all(out.join(".git")).unwrap();
        fs::write(out.join(".git/HEAD"), "ref").unwrap();
        fs::write(out.join("CNAME"), "example.org").unwrap();
        write_site(p.path(), &out, &[OutputFile::new("new.html", "new")], &st).unwrap();
        assert!(!out.join("old.html").exists());
        assert!(out.join("new.html").exists());
        assert_eq!(fs::read_to_string(out.join(".git/HEAD")).unwrap(), "ref");
        assert_eq!(
            fs::read_to_string(out.join("CNAME")).unwrap(),
            "example.org"
        );
        // No staging or old folders are left behind.
        let leftovers: Vec<_> = fs::read_dir(p.path())
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().contains("stateside-"))
            .collect();
        assert!(leftovers.is_empty());
    }

    #[test]
    fn a_build_killed_between_its_renames_gets_its_site_back() {
        let p = project();
        let out = p.path().join("public");
        let st = p.path().join("static");
        write_site(p.path(), &out, &[OutputFile::new("index.html", "v1")], &st).unwrap();
        fs::write(out.join("CNAME"), "example.org").unwrap();
        // What a build killed after `rename(out, old)` leaves behind.
        fs::rename(&out, p.path().join(".public.stateside-old-99999")).unwrap();
        fs::create_dir(p.path().join(".public.stateside-staging-99999")).unwrap();
        fs::write(
            p.path()
                .join(".public.stateside-staging-99999")
                .join(MARKER),
            "",
        )
        .unwrap();
        write_site(p.path(), &out, &[OutputFile::new("index.html", "v2")], &st).unwrap();
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "v2");
        assert_eq!(
            fs::read_to_string(out.join("CNAME")).unwrap(),
            "example.org"
        );
        let mut left: Vec<String> = fs::read_dir(p.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, ["content", "public", "static", "templates"]);
    }

    #[test]
    fn refuses_foreign_non_empty_folder() {
        let p = project();
        let out = p.path().join("mine");
        fs::create_dir_all(&out).unwrap();
        fs::write(out.join("thesis.tex"), "precious").unwrap();
        let err = write_site(
            p.path(),
            &out,
            &[OutputFile::new("index.html", "x")],
            &p.path().join("static"),
        )
        .unwrap_err();
        assert!(
            matches!(&err, Error::Output { message, .. } if message.contains("not created by stateside")),
            "{err}"
        );
        assert_eq!(
            fs::read_to_string(out.join("thesis.tex")).unwrap(),
            "precious"
        );
    }

    #[test]
    fn refuses_project_and_source_folders_and_files() {
        let p = project();
        let st = p.path().join("static");
        for bad in [
            p.path().to_path_buf(),
            p.path().join("content"),
            p.path().join("static/out"),
            p.path().join("templates"),
            p.path().parent().unwrap().to_path_buf(),
        ] {
            let err =
                write_site(p.path(), &bad, &[OutputFile::new("index.html", "x")], &st).unwrap_err();
            assert!(matches!(err, Error::Output { .. }), "{}", bad.display());
        }
        fs::write(p.path().join("afile"), "x").unwrap();
        let err = write_site(p.path(), &p.path().join("afile"), &[], &st).unwrap_err();
        assert!(err.to_string().contains("is a file"), "{err}");
    }

    #[test]
    fn failed_write_leaves_previous_output_untouched() {
        let p = project();
        let out = p.path().join("public");
        let st = p.path().join("static");
        write_site(p.path(), &out, &[OutputFile::new("index.html", "v1")], &st).unwrap();
        let bad = [
            OutputFile::new("index.html", "v2"),
            OutputFile::new("../escape.html", "x"),
        ];
        assert!(write_site(p.path(), &out, &bad, &st).is_err());
        let dup = [
            OutputFile::new("index.html", "v2"),
            OutputFile::new("index.html", "v3"),
        ];
        assert!(write_site(p.path(), &out, &dup, &st).is_err());
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "v1");
        assert!(!p.path().join("escape.html").exists());
    }

    #[test]
    fn static_files_never_collide_with_generated_ones() {
        let p = project();
        let out = p.path().join("public");
        let st = p.path().join("static");
        write_site(p.path(), &out, &[OutputFile::new("index.html", "v1")], &st).unwrap();
        for (name, generated) in [("robots.txt", "robots.txt"), ("states", "states/a.html")] {
            fs::write(st.join(name), "mine").unwrap();
            let err =
                write_site(p.path(), &out, &[OutputFile::new(generated, "x")], &st).unwrap_err();
            assert!(
                matches!(&err, Error::Output { path, .. } if path.ends_with(name)),
                "{err}"
            );
            assert!(err.to_string().contains("rename or remove it"), "{err}");
            fs::remove_file(st.join(name)).unwrap();
        }
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "v1");
    }

    #[test]
    fn staging_takes_pages_one_by_one_and_is_removed_when_dropped() {
        let p = project();
        let out = p.path().join("public");
        let st = p.path().join("static");
        let staging = Staging::begin(p.path(), &out, &st).unwrap();
        (0..40).into_par_iter().for_each(|i| {
            let f = OutputFile::new(format!("states/s{}/q{i}.html", i % 7), format!("{i}"));
            staging.write(&f).unwrap();
        });
        let again = staging.write(&OutputFile::new("states/s0/q0.html", "x"));
        assert!(matches!(again, Err(Error::Output { .. })));
        let over_static = staging.write(&OutputFile::new("style.css", "x"));
        assert!(over_static.unwrap_err().to_string().contains("static/"));
        let stats = staging.finish().unwrap();
        assert_eq!((stats.files, stats.html_pages), (41, 40));
        assert_eq!(
            fs::read_to_string(out.join("states/s5/q12.html")).unwrap(),
            "12"
        );

        let dropped = Staging::begin(p.path(), &out, &st).unwrap();
        dropped
            .write(&OutputFile::new("index.html", "unfinished"))
            .unwrap();
        drop(dropped);
        let left: Vec<String> = fs::read_dir(p.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains("stateside-"))
            .collect();
        assert!(left.is_empty(), "{left:?}");
        assert!(!out.join("index.html").exists());
    }

    #[cfg(unix)]
    #[test]
    fn a_rebuild_links_unchanged_files_and_leaves_the_old_ones_alone() {
        use std::os::unix::fs::MetadataExt;
        let p = project();
        let out = p.path().join("public");
        let st = p.path().join("static");
        let v1 = [
            OutputFile::new("same.html", "unchanged"),
            OutputFile::new("a/changed.html", "v1"),
            OutputFile::new("a/longer.html", "v1"),
        ];
        write_site(p.path(), &out, &v1, &st).unwrap();
        let ino = |rel: &str| fs::metadata(out.join(rel)).unwrap().ino();
        let (same, changed, longer) = (
            ino("same.html"),
            ino("a/changed.html"),
            ino("a/longer.html"),
        );
        let v2 = [
            OutputFile::new("same.html", "unchanged"),
            OutputFile::new("a/changed.html", "v2"),
            OutputFile::new("a/longer.html", "v1, then more"),
        ];
        write_site(p.path(), &out, &v2, &st).unwrap();
        assert_eq!(ino("same.html"), same);
        assert_ne!(ino("a/changed.html"), changed);
        assert_ne!(ino("a/longer.html"), longer);
        assert_eq!(
            fs::read_to_string(out.join("same.html")).unwrap(),
            "unchanged"
        );
        assert_eq!(
            fs::read_to_string(out.join("a/changed.html")).unwrap(),
            "v2"
        );
        assert_eq!(fs::metadata(out.join("same.html")).unwrap().nlink(), 1);

        // A failed build links nothing into the published site and changes none of it.
        let bad = [
            OutputFile::new("same.html", "unchanged"),
            OutputFile::new("../escape.html", "x"),
        ];
        assert!(write_site(p.path(), &out, &bad, &st).is_err());
        assert_eq!(fs::metadata(out.join("same.html")).unwrap().nlink(), 1);
        assert_eq!(
            fs::read_to_string(out.join("a/changed.html")).unwrap(),
            "v2"
        );
    }

    #[test]
    fn remove_tree_removes_everything_and_follows_no_symlink() {
        let p = project();
        let keep = p.path().join("keep");
        fs::create_dir_all(&keep).unwrap();
        fs::write(keep.join("precious"), "x").unwrap();
        let doomed = p.path().join("doomed");
        fs::create_dir_all(doomed.join("a/b/c")).unwrap();
        fs::write(doomed.join("top.html"), "x").unwrap();
        fs::write(doomed.join("a/one.html"), "x").unwrap();
        fs::write(doomed.join("a/b/c/deep.html"), "x").unwrap();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(&keep, doomed.join("link")).unwrap();
            std::os::unix::fs::symlink(&keep, doomed.join("a/link")).unwrap();
        }
        remove_tree(&doomed);
        assert!(!doomed.exists());
        assert_eq!(fs::read_to_string(keep.join("precious")).unwrap(), "x");
    }

    #[test]
    fn safe_paths() {
        assert!(is_safe_relative("states/iowa/index.html"));
        for bad in ["", "/abs", "a/../b", "a//b", "a\\b", "c:x", "./a"] {
            assert!(!is_safe_relative(bad), "{bad}");
        }
    }
}
