//! A project root and an output path -> whether the site may be written there: only a
//! folder (or a path that does not exist yet), never a device, pipe, socket or file, nor
//! a dangling link, a mount point, the project or its sources (compared after resolving
//! symlinks), nor a folder of someone else's.

use std::fs;
use std::path::{Component, Path, PathBuf};

use super::{Owned, MARKER};
use crate::error::{Error, Result};

/// Refuses output paths that would put the project or the machine at risk; nothing is
/// renamed or created here.
pub fn check_output_dir(root: &Path, out: &Path) -> Result<()> {
    let refuse = |why: String| {
        Err(Error::Output {
            path: out.to_path_buf(),
            message: why,
        })
    };
    check_kind(out)?;
    let root = canonical(root);
    let out_abs = canonical(out);
    let choose = "choose another --output folder (the default is public/)";
    if out_abs == root {
        return refuse(format!(
            "refusing to write the site here: it is the project folder; {choose}"
        ));
    }
    if root.starts_with(&out_abs) {
        return refuse(format!(
            "refusing to write the site here: it contains the project folder; {choose}"
        ));
    }
    for dir in ["content", "templates", "static"] {
        // Through symlinks too: a static/ that links elsewhere holds its sources there.
        let source = canonical(&root.join(dir));
        if out_abs.starts_with(&source) {
            return refuse(format!(
                "refusing to write the site here: it is inside {dir}/ ({}), which holds your sources; {choose}",
                source.display()
            ));
        }
        if source.starts_with(&out_abs) {
            return refuse(format!(
                "refusing to write the site here: it contains {dir}/ ({}), which holds your sources; {choose}",
                source.display()
            ));
        }
    }
    if out_abs.parent().is_none() {
        return refuse(format!(
            "refusing to write the site here: it is the root of the file system; {choose}"
        ));
    }
    if out_abs.is_dir() && is_mount_point(&out_abs) {
        return refuse(format!(
            "this folder is a mount point, and stateside puts each new site in place by renaming \
             a finished folder over the output, which a mount point does not allow; use a folder \
             inside it (for example --output {}) and serve or mount that one",
            out.join("site").display()
        ));
    }
    if out_abs.is_dir() && Owned::read(&out_abs).is_none() {
        let has_content = fs::read_dir(&out_abs)
            .map_err(|e| Error::io(out, e))?
            .next()
            .is_some();
        if has_content {
            return refuse(format!(
                "this folder is not empty and was not created by stateside (it has no {MARKER} file), so it will not be replaced; \
                 choose another --output folder, or empty or remove this one yourself"
            ));
        }
    }
    Ok(())
}

/// The output may only be a folder, a link to one, or nothing yet.
fn check_kind(out: &Path) -> Result<()> {
    let refuse = |message: String| {
        Err(Error::Output {
            path: out.to_path_buf(),
            message,
        })
    };
    let Ok(link) = fs::symlink_metadata(out) else {
        return Ok(()); // Nothing there yet: the build creates it.
    };
    let meta = match fs::metadata(out) {
        Ok(meta) => meta,
        Err(e) if link.file_type().is_symlink() && e.kind() == std::io::ErrorKind::NotFound => {
            let target = fs::read_link(out).unwrap_or_default();
            return refuse(format!(
                "the output is a symbolic link to {}, which does not exist; create that folder, \
                 or remove the link so the build creates a folder here",
                target.display()
            ));
        }
        Err(e) => return Err(Error::io(out, e)),
    };
    if meta.is_dir() {
        return Ok(());
    }
    let what = describe(&meta.file_type());
    let through = if link.file_type().is_symlink() {
        format!(
            " (through the symbolic link to {})",
            fs::read_link(out).unwrap_or_default().display()
        )
    } else {
        String::new()
    };
    refuse(format!(
        "the output path is {what}{through}, not a folder; nothing was changed. The output may \
         only be a folder or a path that does not exist yet: choose another --output folder"
    ))
}

/// What kind of thing that is not a folder a file type is, in words.
fn describe(t: &fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
    }
    if t.is_file() {
        "a file"
    } else {
        "neither a file nor a folder"
    }
}

/// Whether a folder is where a file system is mounted: on another device than its
/// parent, or listed as a mount point (a bind mount shares its parent's device).
fn is_mount_point(dir: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let dev = |p: &Path| fs::metadata(p).map(|m| m.dev()).ok();
        if let Some(parent) = dir.parent() {
            if dev(dir).is_some() && dev(dir) != dev(parent) {
                return true;
            }
        }
    }
    let Ok(mounts) = fs::read_to_string("/proc/self/mountinfo") else {
        return false;
    };
    // The fifth field is the mount point, with space, tab, newline and `\` octal-escaped.
    mounts
        .lines()
        .filter_map(|l| l.split(' ').nth(4))
        .any(|m| Path::new(&unescape_mount(m)) == dir)
}

fn unescape_mount(m: &str) -> String {
    let mut out = String::new();
    let mut rest = m;
    while let Some(i) = rest.find('\\') {
        out.push_str(&rest[..i]);
        let code = rest
            .get(i + 1..i + 4)
            .and_then(|o| u8::from_str_radix(o, 8).ok());
        match code {
            Some(c) => {
                out.push(c as char);
                rest = &rest[i + 4..];
            }
            None => {
                out.push('\\');
                rest = &rest[i + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// An absolute path with every symlink resolved as far as the path exists; the part that
/// does not exist yet is added with `.` and `..` resolved by name.
pub(crate) fn canonical(p: &Path) -> PathBuf {
    let abs = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|d| d.join(p))
            .unwrap_or_else(|_| p.to_path_buf())
    };
    // `.` and `..` by name first (the folder may not exist yet), then symlinks as far as
    // the path exists, with the part that does not exist yet put back on.
    let mut clean = PathBuf::new();
    for c in abs.components() {
        match c {
            Component::ParentDir => {
                clean.pop();
            }
            Component::CurDir => {}
            other => clean.push(other),
        }
    }
    let mut missing = Vec::new();
    let mut existing = clean.as_path();
    while fs::symlink_metadata(existing).is_err() {
        match (existing.file_name(), existing.parent()) {
            (Some(name), Some(parent)) => {
                missing.push(name.to_os_string());
                existing = parent;
            }
            _ => break,
        }
    }
    let mut resolved = fs::canonicalize(existing).unwrap_or_else(|_| existing.to_path_buf());
    for name in missing.iter().rev() {
        resolved.push(name);
    }
    resolved
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mount_point_names_are_unescaped() {
        for (escaped, name) in [("/mnt/my\\040disk", "/mnt/my disk"), ("/a\\134b", "/a\\b")] {
            assert_eq!(unescape_mount(escaped), name);
        }
    }

    #[test]
    fn canonical_resolves_what_exists_and_keeps_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let real = canonical(dir.path());
        assert_eq!(canonical(&dir.path().join("x/../y/z")), real.join("y/z"));
        #[cfg(unix)]
        {
            fs::create_dir(dir.path().join("target")).unwrap();
            std::os::unix::fs::symlink(dir.path().join("target"), dir.path().join("link")).unwrap();
            assert_eq!(
                canonical(&dir.path().join("link/new")),
                real.join("target/new")
            );
        }
    }
}
