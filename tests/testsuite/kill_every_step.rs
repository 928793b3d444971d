//! A build killed at every rename and unlink it makes, one after another (strace's
//! syscall injection, `inject=SYSCALL:signal=KILL:when=N` for N = 1, 2, …): after each
//! kill every file of the user's is in exactly one folder the next build keeps and the
//! output path holds a complete site (the old one or the new one); after the next
//! normal build the site is the new one, with all of the user's files, and nothing is
//! left beside it.
#![cfg(target_os = "linux")]

use crate::harness;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::Command;

use harness::{assert_same_tree, build, copy_all, names, project, root, snapshot, BIN};

/// The user's own entries of the output, file by file, with their bytes.
const USERS: [(&str, &str); 5] = [
    (".git/HEAD", "ref: refs/heads/gh-pages\n"),
    (".git/refs/heads/gh-pages", "0123abcd\n"),
    ("CNAME", "guide.example.org\n"),
    (
        ".well-known/security.txt",
        "Contact: mailto:me@example.org\n",
    ),
    ("notes.txt", "my own notes, not the build's\n"),
];

type Tree = BTreeMap<String, Vec<u8>>;

/// A snapshot without the user's entries: the site alone.
fn site_only(tree: &Tree) -> Tree {
    tree.iter()
        .filter(|(k, _)| {
            let top = k.split('/').next().unwrap();
            !USERS
                .iter()
                .any(|(u, _)| u.split('/').next().unwrap() == top)
        })
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

/// How many copies of the user's file `rel` are in the output or in a folder of ours
/// beside it, with the right bytes.
fn copies(parent: &Path, rel: &str, bytes: &str) -> usize {
    names(parent)
        .iter()
        .filter(|n| *n == "public" || n.starts_with(".public.stateside-"))
        .filter(|n| fs::read_to_string(parent.join(n).join(rel)).is_ok_and(|b| b == bytes))
        .count()
}

#[test]
fn a_build_killed_at_any_rename_or_unlink_loses_nothing() {
    let strace_ok = Command::new("strace")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        strace_ok,
        "this test needs strace (apt-get install strace); .ci/run installs it"
    );

    // The site as published, with the user's files; then the content changes, so the
    // killed build's site differs from the one it replaces.
    let dir = project("cname");
    let project = root(&dir);
    fs::remove_file(project.join("static/CNAME")).unwrap();
    let pristine = dir.path().join("pristine");
    let out = pristine.join("public");
    build(&project, &out, &[]).code(0);
    for (rel, bytes) in USERS {
        fs::create_dir_all(out.join(rel).parent().unwrap()).unwrap();
        fs::write(out.join(rel), bytes).unwrap();
    }
    let old_site = site_only(&snapshot(&out));
    let pages = project.join("content/pages");
    fs::create_dir_all(&pages).unwrap();
    fs::write(
        pages.join("news.md"),
        "+++\ntitle = \"News\"\n+++\n\nA new page.\n",
    )
    .unwrap();
    let iowa = project.join("content/states/iowa.txt");
    let text = fs::read_to_string(&iowa).unwrap();
    fs::write(&iowa, text.replacen("Iowa", "Iowa (revised)", 1)).unwrap();
    let reference = dir.path().join("reference/public");
    build(&project, &reference, &[]).code(0);
    let new_site = snapshot(&reference);
    assert_ne!(old_site, new_site);

    let mut kills = 0;
    // Then again where the exchange is missing (renameat2 fails as on an old kernel) and
    // the site goes in with two renames, between which the output path is missing.
    let steps = [
        "rename",
        "renameat",
        "renameat2",
        "unlink",
        "unlinkat",
        "rmdir",
    ]
    .map(|s| (s, false))
    .into_iter()
    .chain([("rename", true)]);
    for (syscall, no_exchange) in steps {
        for n in 1.. {
            let work = dir.path().join("work");
            let _ = fs::remove_dir_all(&work);
            copy_all(&pristine, &work);
            let out = work.join("public");
            let mut strace: Vec<String> = ["-f", "-qq", "-o", "/dev/null"].map(String::from).into();
            let kill = format!("inject={syscall}:signal=KILL:when={n}");
            if no_exchange {
                strace.extend(["-e".into(), format!("trace={syscall},renameat2")]);
                strace.extend(["-e".into(), "inject=renameat2:error=EINVAL".into()]);
            } else {
                strace.extend(["-e".into(), format!("trace={syscall}")]);
            }
            strace.extend(["-e".into(), kill]);
            let status = Command::new("strace")
                .args(&strace)
                .arg(BIN)
                .args(["build", "--quiet", "--root"])
                .arg(&project)
                .arg("--output")
                .arg(&out)
                .status()
                .unwrap();
            let step = format!("killed at {syscall} #{n} (exchange missing: {no_exchange})");
            if status.success() {
                assert_same_tree(&new_site, &site_only(&snapshot(&out)));
                break;
            }
            kills += 1;
            for (rel, bytes) in USERS {
                assert_eq!(
                    copies(&work, rel, bytes),
                    1,
                    "{rel} {step}: {:?}",
                    names(&work)
                );
            }
            // Only without the exchange may the output path be missing for a moment.
            if out.exists() || !no_exchange {
                let now = site_only(&snapshot(&out));
                assert!(
                    now == old_site || now == new_site,
                    "{step}: the output is neither site"
                );
            }

            build(&project, &out, &[]).code(0);
            assert_same_tree(&new_site, &site_only(&snapshot(&out)));
            for (rel, bytes) in USERS {
                assert_eq!(harness::read(&out.join(rel)), bytes, "{rel} after {step}");
            }
            assert_eq!(names(&work), ["public"], "{step}");
        }
    }
    println!("{kills} kills");
    assert!(
        kills >= 40,
        "only {kills} steps were killed: the build has too few to test"
    );
}
