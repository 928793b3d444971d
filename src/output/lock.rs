//! A project root and an output path -> the output, checked and held for this build
//! alone: an exclusive `flock` on a lock file beside it (`.public.stateside-lock`), which
//! the kernel releases when the process ends however it ends, and which the holder removes
//! before it lets go; then what killed builds left beside it is cleared (only a lock
//! holder may do that, so no live build's folder is ever touched).

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use super::guard::{canonical, check_output_dir};
use super::swap;
use crate::error::{Error, Result};

/// The output of one build, checked and locked until this value is dropped.
pub struct LockedOutput {
    /// The path as the user gave it, for messages.
    pub(crate) shown: PathBuf,
    /// Where the site goes: absolute, symlinks resolved.
    pub(crate) out: PathBuf,
    pub(crate) parent: PathBuf,
    pub(crate) name: String,
    lock: File,
    lock_path: PathBuf,
}

impl Drop for LockedOutput {
    fn drop(&mut self) {
        // Removed while still locked, so no project is left with a stray lock file; a
        // build waiting on it sees it gone and locks a new one (see `lock`).
        let _ = fs::remove_file(&self.lock_path);
        let _ = self.lock.unlock();
    }
}

impl LockedOutput {
    /// Checks the output path, waits for any other build of it to end (saying so), and
    /// clears what builds killed earlier left beside it, putting back the user's files
    /// and, where a build was killed between its renames, the previous site.
    pub fn take(root: &Path, out: &Path) -> Result<LockedOutput> {
        check_output_dir(root, out)?;
        let abs = canonical(out);
        let parent = abs
            .parent()
            .expect("checked: not the file-system root")
            .to_path_buf();
        let name = abs
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".into());
        fs::create_dir_all(&parent).map_err(|e| Error::io(&parent, e))?;
        let lock_path = parent.join(format!(".{name}.stateside-lock"));
        let lock = lock(&lock_path, out)?;
        swap::clear_leftovers(&parent, &name, &abs);
        // Checked again: while this build waited, the path may have changed.
        check_output_dir(root, out)?;
        Ok(LockedOutput {
            shown: out.to_path_buf(),
            out: abs,
            parent,
            name,
            lock,
            lock_path,
        })
    }
}

/// Opens and locks the lock file, waiting (and saying so, once) while another build
/// holds it, and writes this process's id into it for the message of the next one.
fn lock(path: &Path, out: &Path) -> Result<File> {
    let mut said = false;
    loop {
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)
            .map_err(|e| Error::io(path, e))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                if !said {
                    let mut holder = String::new();
                    let _ = file.read_to_string(&mut holder);
                    let holder = holder.trim();
                    let who = if holder.is_empty() {
                        "another build".to_string()
                    } else {
                        format!("the build in process {holder}")
                    };
                    eprintln!(
                        "waiting for {who} to finish writing {} (one build at a time per output folder)…",
                        out.display()
                    );
                    said = true;
                }
                file.lock().map_err(|e| Error::io(path, e))?;
            }
            Err(TryLockError::Error(e)) => return Err(Error::io(path, e)),
        }
        // The holder before us removed the file it held: ours is no longer at the path,
        // and a third build may have locked a new one there. Start again on that.
        if !same_file(&file, path) {
            continue;
        }
        file.set_len(0)
            .and_then(|()| file.seek(SeekFrom::Start(0)))
            .and_then(|_| writeln!(file, "{}", std::process::id()))
            .map_err(|e| Error::io(path, e))?;
        return Ok(file);
    }
}

/// Whether the open `file` is the one at `path` now.
fn same_file(file: &File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (file.metadata(), fs::metadata(path)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (file, path);
        true
    }
}
