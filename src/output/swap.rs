//! A finished staging folder -> the published site. The user's entries move from the
//! output into the staging folder one rename at a time, then one rename-exchange swaps
//! the two folders, so the output path always holds a complete site and every user file
//! is, at every instant, in exactly one folder that carries our marker. What a killed
//! build leaves beside the output is put back or removed by the next build, marker last.

use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{Owned, MARKER};
use crate::error::{Error, Result};

/// Name prefixes of the folders a build makes beside the output `name`.
pub(crate) fn fresh_prefix(name: &str) -> String {
    format!(".{name}.stateside-new-")
}
pub(crate) fn staging_prefix(name: &str) -> String {
    format!(".{name}.stateside-staging-")
}
fn old_prefix(name: &str) -> String {
    format!(".{name}.stateside-old-")
}

/// The top-level entries of `dir` that are the user's by its marker, sorted: with
/// `edited`, also the files of ours that the user rewrote.
pub(crate) fn user_entries(dir: &Path, owned: &Owned, edited: bool) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| owned.is_users(n) || (edited && owned.is_edited(dir, n)))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// Whether every file under `a` is also under `b` with the same bytes (and so nothing
/// is lost when `a` is removed); symlinks compare by target.
pub(crate) fn contained_in(a: &Path, b: &Path) -> bool {
    let (Ok(ma), Ok(mb)) = (fs::symlink_metadata(a), fs::symlink_metadata(b)) else {
        return false;
    };
    if ma.file_type().is_symlink() || mb.file_type().is_symlink() {
        return ma.file_type().is_symlink()
            && mb.file_type().is_symlink()
            && fs::read_link(a).ok() == fs::read_link(b).ok();
    }
    if ma.is_dir() {
        return mb.is_dir()
            && fs::read_dir(a).is_ok_and(|entries| {
                entries
                    .flatten()
                    .all(|e| contained_in(&e.path(), &b.join(e.file_name())))
            });
    }
    ma.is_file()
        && mb.is_file()
        && ma.len() == mb.len()
        && fs::read(a)
            .ok()
            .zip(fs::read(b).ok())
            .is_some_and(|(x, y)| x == y)
}

/// Publishes `staging` at `out`: the marker lists the build's entries, the user's
/// entries move over from `out`, the folders trade places, and the previous site is
/// removed. On an error before the exchange the user's entries go back and the previous
/// site stays as it was.
pub(crate) fn swap_into_place(
    staging: &Path,
    out: &Path,
    parent: &Path,
    name: &str,
    pid: u32,
) -> Result<()> {
    let built = Owned::of_site(staging).map_err(|e| Error::io(staging, e))?;
    // Before the marker says which entries are the build's, the staging folder holds none
    // of the user's; from then on, anything it does not list is the user's.
    let next = staging.join(format!("{MARKER}.new"));
    fs::write(&next, built.marker_text()).map_err(|e| Error::io(&next, e))?;
    let marker = staging.join(MARKER);
    fs::rename(&next, &marker).map_err(|e| Error::io(&marker, e))?;

    if fs::symlink_metadata(out).is_err() {
        return fs::rename(staging, out).map_err(|e| Error::io(out, e));
    }
    let previous = Owned::read(out);
    let carried = match &previous {
        Some(owned) => carry_users_files(out, staging, owned)?,
        None if fs::read_dir(out).is_ok_and(|mut d| d.next().is_none()) => Vec::new(),
        None => {
            return Err(Error::Output {
                path: out.to_path_buf(),
                message: format!("this folder lost its {MARKER} file during the build, so it is no longer known to be stateside's; nothing was replaced"),
            })
        }
    };
    let old = match exchange(staging, out) {
        Ok(()) => staging.to_path_buf(),
        Err(e) if exchange_unsupported(&e) => {
            // Two renames: between them the output path is missing for a moment, and a
            // build killed there gets its site put back by the next one.
            let old = parent.join(format!("{}{pid}", old_prefix(name)));
            if let Err(e) = fs::rename(out, &old) {
                put_back(staging, out, &carried);
                return Err(Error::io(out, e));
            }
            if let Err(e) = fs::rename(staging, out) {
                let _ = fs::rename(&old, out);
                put_back(staging, out, &carried);
                return Err(Error::io(out, e));
            }
            old
        }
        Err(e) => {
            put_back(staging, out, &carried);
            return Err(Error::io(out, e));
        }
    };
    clear_leftover(&old, out);
    Ok(())
}

/// Moves the user's top-level entries from the output into the new site, one rename
/// each. A user's entry whose name the new site uses too is an error unless the new one
/// holds all of it (then it is the same file or folder, written by an earlier build).
fn carry_users_files(out: &Path, staging: &Path, owned: &Owned) -> Result<Vec<String>> {
    let mut carried = Vec::new();
    for n in user_entries(out, owned, true) {
        let (from, to) = (out.join(&n), staging.join(&n));
        if fs::symlink_metadata(&to).is_ok() {
            // A file of ours that the user edited is replaced like the rest of ours.
            if !owned.is_users(&n) || contained_in(&from, &to) {
                continue;
            }
            put_back(staging, out, &carried);
            return Err(collision(&from, &n));
        }
        if let Err(e) = fs::rename(&from, &to) {
            put_back(staging, out, &carried);
            return Err(Error::io(&from, e));
        }
        carried.push(n);
    }
    Ok(carried)
}

/// The error for a user's entry of the output whose name the new site takes.
pub(crate) fn collision(users: &Path, name: &str) -> Error {
    Error::Output {
        path: users.to_path_buf(),
        message: format!(
            "this is yours (stateside did not write it), and the new site has a {name} of its own \
             (from static/ or a generated page); nothing was replaced. Move your files into \
             static/{name} so every build publishes them, or rename one of the two"
        ),
    }
}

fn put_back(staging: &Path, out: &Path, carried: &[String]) {
    for n in carried {
        let _ = fs::rename(staging.join(n), out.join(n));
    }
}

/// Swaps two folders in one step (Linux `renameat2` with `RENAME_EXCHANGE`).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let c = |p: &Path| {
        CString::new(p.as_os_str().as_bytes())
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidInput, e))
    };
    let (a, b) = (c(a)?, c(b)?);
    // SAFETY: two valid NUL-terminated paths, relative to no directory descriptor.
    let rc = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if rc == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
}

/// A system or file system without the exchange (old kernels, some network file systems).
fn exchange_unsupported(e: &std::io::Error) -> bool {
    #[cfg(target_os = "linux")]
    if matches!(
        e.raw_os_error(),
        Some(libc::EINVAL | libc::ENOSYS | libc::EOPNOTSUPP)
    ) {
        return true;
    }
    e.kind() == std::io::ErrorKind::Unsupported
}

/// Clears what builds killed earlier left beside the output. Only folders named as ours
/// and owned by this user are touched; the caller holds the output's lock, so none of
/// them belongs to a live build. Where the output is missing
/// (a build killed between two renames), the previous site is put back first; the user's
/// entries in a leftover go back into the output.
pub(crate) fn clear_leftovers(parent: &Path, name: &str, out: &Path) {
    let prefixes = [old_prefix(name), fresh_prefix(name), staging_prefix(name)];
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    let mut leftovers: Vec<(usize, PathBuf)> = entries
        .flatten()
        .filter_map(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            let kind = prefixes.iter().position(|p| n.starts_with(p))?;
            is_ours(&e.path()).then(|| (kind, e.path()))
        })
        .collect();
    leftovers.sort();
    for (kind, dir) in leftovers {
        let marked = Owned::read(&dir);
        let restore = kind == 0 && marked.is_some() && fs::symlink_metadata(out).is_err();
        if restore && fs::rename(&dir, out).is_ok() {
            continue;
        }
        // Without a marker: a folder emptied but for it, then it (only the folder is
        // left), or one that an older version began to remove with its marker first.
        // Either way the rule of those versions says what in it is the user's.
        clear_leftover(&dir, out);
    }
}

/// A folder of the user running the build, as far as the system tells.
fn is_ours(dir: &Path) -> bool {
    let Ok(meta) = fs::symlink_metadata(dir) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // SAFETY: geteuid has no preconditions and cannot fail.
        if meta.uid() != unsafe { libc::geteuid() } {
            return false;
        }
    }
    meta.is_dir()
}

/// One folder of ours beside the output (without a marker, an older version's): the user's entries go back into the
/// output (or are dropped when the output already holds all of them), then the rest is
/// removed, the marker last. When a user's entry can go nowhere the folder is kept and
/// a warning says where it is.
pub(crate) fn clear_leftover(dir: &Path, out: &Path) {
    let owned = Owned::read(dir).unwrap_or(Owned::Legacy);
    let mut stranded = Vec::new();
    for n in user_entries(dir, &owned, true) {
        let (from, to) = (dir.join(&n), out.join(&n));
        let back = if fs::symlink_metadata(&to).is_ok() {
            !owned.is_users(&n) || contained_in(&from, &to)
        } else {
            out.is_dir() && fs::rename(&from, &to).is_ok()
        };
        if !back {
            stranded.push(n);
        }
    }
    if !stranded.is_empty() {
        eprintln!(
            "warning: {} holds files of yours that a killed build had moved ({}), and they \
             could not go back into {}; the folder was left as it is: move them yourself",
            dir.display(),
            stranded.join(", "),
            out.display()
        );
        return;
    }
    remove_tree(dir);
}

/// Removes a folder of ours and everything in it, its subfolders (two levels down, where
/// a site keeps most of its pages) in parallel, and its marker last, so that a folder
/// left by a kill part way still carries the marker. Symlinks are removed, never followed.
pub(crate) fn remove_tree(dir: &Path) {
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
    let marker = dir.join(MARKER);
    let not_marker = |(path, _): &(PathBuf, bool)| *path != marker;
    let level: Vec<(PathBuf, bool)> = children(dir)
        .into_par_iter()
        .filter(not_marker)
        .flat_map_iter(|(path, is_dir)| {
            if is_dir {
                children(&path)
            } else {
                let _ = fs::remove_file(&path);
                Vec::new()
            }
        })
        .collect();
    let remove = |(path, is_dir): &(PathBuf, bool)| {
        let _ = if *is_dir {
            fs::remove_dir_all(path)
        } else {
            fs::remove_file(path)
        };
    };
    level.par_iter().for_each(remove);
    // The top-level folders, empty by now.
    children(dir)
        .iter()
        .filter(|e| not_marker(e))
        .for_each(remove);
    let _ = fs::remove_file(&marker);
    let _ = fs::remove_dir(dir);
}
