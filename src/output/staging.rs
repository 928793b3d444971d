//! Rendered files -> a staging folder beside the output, written from any thread: a copy
//! of `static/`, then every generated file, checked as it comes. [`Staging::finish`]
//! hands the folder to `swap`; dropped unfinished, it is removed and nothing changes.

use std::collections::HashSet;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Mutex;

use super::lock::LockedOutput;
use super::swap::{self, collision, contained_in, user_entries};
use super::{is_safe_relative, OutputFile, Owned, WriteStats, MARKER};
use crate::error::{Error, Result};

/// A staging folder beside the output that pages are written into one by one, from any
/// thread, as soon as they are ready; [`Staging::finish`] swaps it into place. Dropped
/// without `finish` (an error anywhere), it is removed and the previous output stays.
pub struct Staging {
    dir: PathBuf,
    /// Holds the output's lock until the site is in place or the staging folder is gone.
    output: LockedOutput,
    pid: u32,
    static_dir: PathBuf,
    /// The site being replaced, when it is one stateside wrote: its unchanged files are
    /// linked into the new one instead of written again.
    previous: Option<PathBuf>,
    /// The files and folders copied from `static/`.
    statics: StaticPaths,
    /// Paths written so far, and folders already created.
    written: Mutex<HashSet<String>>,
    made_dirs: Mutex<HashSet<String>>,
    files: AtomicUsize,
    html_pages: AtomicUsize,
    bytes: AtomicU64,
    finished: bool,
}

impl Staging {
    /// Checks and locks the output (waiting for another build of it), clears what killed
    /// builds left, and creates the staging folder with the marker and a copy of
    /// `static_dir`.
    pub fn begin(root: &Path, out: &Path, static_dir: &Path) -> Result<Staging> {
        Staging::begin_locked(LockedOutput::take(root, out)?, static_dir)
    }

    /// [`Staging::begin`] for an output locked already (a build locks it before reading
    /// the content, so that a build killed between renames is repaired first).
    pub fn begin_locked(output: LockedOutput, static_dir: &Path) -> Result<Staging> {
        let pid = std::process::id();
        let dir = output
            .parent
            .join(format!("{}{pid}", swap::staging_prefix(&output.name)));
        if fs::symlink_metadata(&dir).is_ok() {
            return Err(Error::Output {
                path: dir,
                message: "a folder left by a killed build is in the way (see the warning above); move your files out of it and remove it".into(),
            });
        }
        let previous = output
            .out
            .join(MARKER)
            .is_file()
            .then(|| output.out.clone());
        // The marker is written into a fresh folder that only then takes the staging name,
        // so every staging folder (also one left by a killed build) carries the marker and
        // can be recognised and removed.
        let fresh = output
            .parent
            .join(format!("{}{pid}", swap::fresh_prefix(&output.name)));
        fs::create_dir_all(&fresh).map_err(|e| Error::io(&fresh, e))?;
        let marker = fresh.join(MARKER);
        fs::write(&marker, Owned::Everything.marker_text()).map_err(|e| Error::io(&marker, e))?;
        fs::rename(&fresh, &dir).map_err(|e| Error::io(&dir, e))?;
        let mut staging = Staging {
            dir,
            previous,
            output,
            pid,
            static_dir: static_dir.to_path_buf(),
            statics: StaticPaths {
                files: HashSet::from([MARKER.to_string()]),
                dirs: HashSet::new(),
            },
            written: Mutex::new(HashSet::new()),
            made_dirs: Mutex::new(HashSet::new()),
            files: AtomicUsize::new(0),
            html_pages: AtomicUsize::new(0),
            bytes: AtomicU64::new(0),
            finished: false,
        };
        staging.copy_static()?;
        staging.check_users_entries()?;
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
        self.statics.check(&self.static_dir, path)
    }

    fn count(&self, path: &str, bytes: u64) {
        self.files.fetch_add(1, Ordering::Relaxed);
        if path.ends_with(".html") {
            self.html_pages.fetch_add(1, Ordering::Relaxed);
        }
        self.bytes.fetch_add(bytes, Ordering::Relaxed);
    }

    /// Swaps the staging folder into place, with the user's entries of the output carried
    /// into it, and reports what it holds.
    pub fn finish(mut self) -> Result<WriteStats> {
        let o = &self.output;
        swap::swap_into_place(&self.dir, &o.out, &o.parent, &o.name, self.pid)?;
        self.finished = true;
        Ok(WriteStats {
            files: self.files.load(Ordering::Relaxed),
            html_pages: self.html_pages.load(Ordering::Relaxed),
            bytes: self.bytes.load(Ordering::Relaxed),
        })
    }

    /// A user's entry of the output that `static/` has too (say `.well-known`) would be
    /// replaced by it: refused at once, unless static/ holds all of it already.
    fn check_users_entries(&self) -> Result<()> {
        let Some(owned) = Owned::read(&self.output.out) else {
            return Ok(());
        };
        for n in user_entries(&self.output.out, &owned, false) {
            let (users, ours) = (self.output.out.join(&n), self.dir.join(&n));
            if fs::symlink_metadata(&ours).is_ok() && !contained_in(&users, &ours) {
                return Err(collision(&self.output.shown.join(&n), &n));
            }
        }
        Ok(())
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

    /// Copies `static/` (files only, symlinks are not followed out of it). A failed copy
    /// names where the file was going (a full disk is the output's, not static/'s).
    fn copy_static(&mut self) -> Result<()> {
        // A project without static/ has only the built-in static files.
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
            let key = static_key(rel);
            let dest = self.dir.join(rel);
            let failed = |e: std::io::Error| Error::Output {
                path: self.output.shown.join(rel),
                message: format!(
                    "cannot copy {} here: {e} (the new site is written first into {})",
                    entry.path().display(),
                    self.dir.display()
                ),
            };
            if entry.file_type().is_dir() {
                fs::create_dir_all(&dest).map_err(failed)?;
                self.statics.dirs.insert(key);
            } else if entry.file_type().is_file() {
                let n = fs::copy(entry.path(), &dest).map_err(failed)?;
                self.statics.files.insert(key);
                self.files.fetch_add(1, Ordering::Relaxed);
                self.bytes.fetch_add(n, Ordering::Relaxed);
            }
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        // The lock (a field) is released only after this, once the folder is gone. Any
        // entry of the user's still in it (a swap that failed half way) goes back first.
        if !self.finished && fs::symlink_metadata(&self.dir).is_ok() {
            swap::clear_leftover(&self.dir, &self.output.out);
        }
    }
}

/// The files and folders of `static/`, by `/`-separated path relative to it: the paths a
/// generated file may not take. One rule for `build` (as it writes) and `check` (which
/// writes nothing).
#[derive(Debug, Default)]
pub struct StaticPaths {
    files: HashSet<String>,
    dirs: HashSet<String>,
}

impl StaticPaths {
    /// What `static_dir` holds (nothing, when there is no such folder).
    pub fn read(static_dir: &Path) -> Result<StaticPaths> {
        let mut paths = StaticPaths::default();
        if !static_dir.exists() {
            return Ok(paths);
        }
        for entry in walkdir::WalkDir::new(static_dir)
            .min_depth(1)
            .sort_by_file_name()
        {
            let entry = entry.map_err(|e| Error::Output {
                path: static_dir.to_path_buf(),
                message: format!("cannot read static/: {e}"),
            })?;
            let rel = entry
                .path()
                .strip_prefix(static_dir)
                .expect("walkdir yields paths under its root");
            if entry.file_type().is_dir() {
                paths.dirs.insert(static_key(rel));
            } else if entry.file_type().is_file() {
                paths.files.insert(static_key(rel));
            }
        }
        Ok(paths)
    }

    /// A file of static/ must not be silently replaced by the generated file at `path`,
    /// nor stand where a generated folder goes; a generated file may not replace a
    /// folder of static/ either. The error names the file in `static_dir`.
    pub fn check(&self, static_dir: &Path, path: &str) -> Result<()> {
        let taken = if self.files.contains(path) || self.dirs.contains(path) {
            Some(path)
        } else {
            ancestors(path).find(|dir| self.files.contains(*dir))
        };
        match taken {
            Some(p) => Err(Error::StaticCollision {
                path: static_dir.join(p),
            }),
            None => Ok(()),
        }
    }
}

/// A path relative to `static/` as the `/`-separated path of the output.
fn static_key(rel: &Path) -> String {
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
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
