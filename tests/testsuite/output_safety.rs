//! What may be the output and what happens beside it: only a folder (or nothing yet) is
//! ever written; one build at a time per output; what killed builds left is put back or
//! removed; a user's file is never deleted; symlinks cannot lead the site into static/.
#![cfg(unix)]

use crate::harness;

use std::fs::{self, File};
use std::io::{BufRead, BufReader, Write};
use std::os::unix::fs::{symlink, FileTypeExt};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use harness::{assert_same_tree, build, names, project, read, root, snapshot, BIN};

#[test]
fn a_pipe_socket_or_device_as_the_output_is_refused_and_nothing_is_renamed() {
    let dir = project("cname");
    let pipe = dir.path().join("pipe");
    assert!(Command::new("mkfifo")
        .arg(&pipe)
        .status()
        .unwrap()
        .success());
    let socket = dir.path().join("socket");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    let null = dir.path().join("null-link");
    symlink("/dev/null", &null).unwrap();
    let before = names(dir.path());
    for (out, what) in [
        (&pipe, "a named pipe (FIFO)"),
        (&socket, "a socket"),
        (
            &null,
            "a character device (through the symbolic link to /dev/null)",
        ),
    ] {
        build(&root(&dir), out, &[]).code(1).says(
            &format!(
                "error: {}: the output path is {what}, not a folder",
                out.display()
            ),
            &["nothing was changed", "--output"],
        );
        assert_eq!(names(dir.path()), before, "{}", out.display());
    }
    assert!(fs::symlink_metadata(&pipe).unwrap().file_type().is_fifo());
    assert!(fs::metadata("/dev/null")
        .unwrap()
        .file_type()
        .is_char_device());
}

#[test]
fn a_dangling_symlink_as_the_output_fails_at_once_naming_its_target() {
    let dir = project("cname");
    let out = dir.path().join("public");
    symlink(dir.path().join("gone/site"), &out).unwrap();
    let run = build(&root(&dir), &out, &[]);
    run.code(1).says(
        &format!("error: {}: the output is a symbolic link to", out.display()),
        &["gone/site, which does not exist", "create that folder"],
    );
    assert_eq!(names(dir.path()), ["project", "public"]);
}

#[test]
fn static_behind_a_symlink_cannot_take_the_output() {
    let dir = project("cname");
    let project = root(&dir);
    let real = dir.path().join("real-static");
    fs::rename(project.join("static"), &real).unwrap();
    symlink(&real, project.join("static")).unwrap();
    let out = real.join("public");
    build(&project, &out, &[]).code(1).says(
        &format!(
            "error: {}: refusing to write the site here: it is inside static/",
            out.display()
        ),
        &["which holds your sources"],
    );
    assert!(!out.exists());
}

#[test]
fn a_mount_point_as_the_output_is_refused_before_the_build() {
    // Any mount point the machine has that is a folder other than `/` will do.
    let mounts = fs::read_to_string("/proc/self/mountinfo").unwrap();
    let Some(mount) = mounts
        .lines()
        .filter_map(|l| l.split(' ').nth(4))
        .find(|m| *m != "/" && !m.contains('\\') && Path::new(m).is_dir())
    else {
        panic!("no mount point to try on this machine:\n{mounts}");
    };
    let dir = project("cname");
    let parent = Path::new(mount).parent().unwrap();
    let around = names(parent);
    build(&root(&dir), Path::new(mount), &[]).code(1).says(
        &format!("error: {mount}: this folder is a mount point"),
        &["use a folder inside it (for example --output", "/site)"],
    );
    assert_eq!(names(parent), around);
}

/// A published site: the `cname` fixture without static/CNAME, with `.git`, a CNAME and
/// `.well-known/security.txt` of the user's.
fn published() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = project("cname");
    fs::remove_file(root(&dir).join("static/CNAME")).unwrap();
    let out = dir.path().join("public");
    build(&root(&dir), &out, &[]).code(0);
    for (rel, text) in [
        (".git/HEAD", "ref: refs/heads/gh-pages\n"),
        ("CNAME", "guide.example.org\n"),
        (
            ".well-known/security.txt",
            "Contact: mailto:me@example.org\n",
        ),
    ] {
        fs::create_dir_all(out.join(rel).parent().unwrap()).unwrap();
        fs::write(out.join(rel), text).unwrap();
    }
    (dir, out)
}

#[test]
fn a_users_dot_folder_that_static_also_has_is_refused_not_deleted() {
    let (dir, out) = published();
    let before = snapshot(&out);
    let assets = root(&dir).join("static/.well-known");
    fs::create_dir_all(&assets).unwrap();
    fs::write(assets.join("assetlinks.json"), "[]").unwrap();
    build(&root(&dir), &out, &[]).code(1).says(
        &format!(
            "error: {}: this is yours",
            out.join(".well-known").display()
        ),
        &["static/.well-known", "nothing was replaced"],
    );
    assert_same_tree(&before, &snapshot(&out));
    assert_eq!(names(dir.path()), ["project", "public"]);

    // Moved into static/ as the message says, both files are published from then on.
    fs::rename(
        out.join(".well-known/security.txt"),
        assets.join("security.txt"),
    )
    .unwrap();
    fs::remove_dir(out.join(".well-known")).unwrap();
    build(&root(&dir), &out, &[]).code(0);
    assert_eq!(read(&out.join(".well-known/assetlinks.json")), "[]");
    assert!(out.join(".well-known/security.txt").is_file());
}

#[test]
fn leftovers_of_killed_builds_are_removed_even_without_their_marker() {
    let (dir, out) = published();
    let before = snapshot(&out);
    // What older versions left when killed while removing the old site: its marker went
    // first, the pages after.
    for (left, page) in [
        (".public.stateside-old-4242", "states/iowa/index.html"),
        (".public.stateside-staging-4243", "topics/x/index.html"),
    ] {
        let p = dir.path().join(left).join(page);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, "<p>an old page</p>").unwrap();
    }
    // And a folder of the user's whose name is merely close is left alone.
    fs::create_dir_all(dir.path().join(".public.stateside-notes")).unwrap();
    build(&root(&dir), &out, &[]).code(0);
    assert_eq!(
        names(dir.path()),
        [".public.stateside-notes", "project", "public"]
    );
    assert_same_tree(&before, &snapshot(&out));
}

#[test]
fn a_build_killed_between_two_renames_is_repaired_by_the_next_even_when_it_fails() {
    let (dir, out) = published();
    let before = snapshot(&out);
    // Where the exchange is missing, a build killed between its renames leaves this.
    fs::rename(&out, dir.path().join(".public.stateside-old-4242")).unwrap();
    let iowa = root(&dir).join("content/states/iowa.txt");
    let text = fs::read_to_string(&iowa).unwrap();
    fs::write(&iowa, "").unwrap();
    build(&root(&dir), &out, &[])
        .code(1)
        .mentions("The previous output, if any, was left as it was.");
    assert_same_tree(&before, &snapshot(&out));
    assert_eq!(names(dir.path()), ["project", "public"]);
    fs::write(&iowa, text).unwrap();
}

/// Starts a build whose stderr lines arrive on the returned channel.
fn spawn_build(
    project: &Path,
    out: &Path,
) -> (std::process::Child, std::sync::mpsc::Receiver<String>) {
    let mut child = Command::new(BIN)
        .args(["build", "--quiet", "--root"])
        .arg(project)
        .arg("--output")
        .arg(out)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let stderr = child.stderr.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines() {
            let _ = tx.send(line.unwrap());
        }
    });
    (child, rx)
}

#[test]
fn a_second_build_waits_for_the_first_and_touches_nothing_meanwhile() {
    let (dir, out) = published();
    let before = snapshot(&out);
    // This test holds the lock as a build would, with a staging folder of its own.
    let lock_path = dir.path().join(".public.stateside-lock");
    let mut lock = File::create(&lock_path).unwrap();
    lock.lock().unwrap();
    writeln!(lock, "{}", std::process::id()).unwrap();
    let staging = dir
        .path()
        .join(format!(".public.stateside-staging-{}", std::process::id()));
    fs::create_dir(&staging).unwrap();
    fs::write(staging.join(".stateside"), "").unwrap();

    let (mut child, lines) = spawn_build(&root(&dir), &out);
    let line = lines
        .recv_timeout(Duration::from_secs(60))
        .expect("a waiting message");
    assert!(
        line.starts_with(&format!(
            "waiting for the build in process {} to finish writing",
            std::process::id()
        )),
        "{line}"
    );
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        child.try_wait().unwrap().is_none(),
        "the second build did not wait"
    );
    assert!(
        staging.join(".stateside").is_file(),
        "a live build's staging folder was touched"
    );
    assert_same_tree(&before, &snapshot(&out));

    // Once the holder is gone (as if killed), the waiting build clears its folder and builds.
    drop(lock);
    let status = child.wait().unwrap();
    assert!(status.success());
    assert_eq!(names(dir.path()), ["project", "public"]);
    assert_same_tree(&before, &snapshot(&out));
}

#[test]
fn builds_started_together_take_turns_and_keep_the_users_files() {
    let (dir, out) = published();
    let before = snapshot(&out);
    let started = Instant::now();
    let builds: Vec<_> = (0..4).map(|_| spawn_build(&root(&dir), &out)).collect();
    for (mut child, lines) in builds {
        let status = child.wait().unwrap();
        let said: Vec<String> = lines.try_iter().collect();
        assert!(status.success(), "{said:?}");
        assert!(
            said.iter().all(|l| l.starts_with("waiting for")),
            "{said:?}"
        );
    }
    println!("4 builds in {:?}", started.elapsed());
    assert_same_tree(&before, &snapshot(&out));
    assert_eq!(names(dir.path()), ["project", "public"]);
}

#[test]
fn a_full_disk_while_copying_static_names_the_destination() {
    let dir = project("cname");
    let out = dir.path().join("public");
    let status = Command::new("strace")
        .args([
            "-f",
            "-qq",
            "-o",
            "/dev/null",
            "-e",
            "trace=copy_file_range",
        ])
        .args(["-e", "inject=copy_file_range:error=ENOSPC"])
        .arg(BIN)
        .args(["build", "--root"])
        .arg(root(&dir))
        .arg("--output")
        .arg(&out)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&status.stderr);
    assert!(
        stderr.contains(&format!("{}: cannot copy ", out.join("CNAME").display()))
            && stderr.contains("static/CNAME here: No space left on device"),
        "{stderr}"
    );
    assert_eq!(names(dir.path()), ["project"]);
}
