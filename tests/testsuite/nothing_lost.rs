//! Nothing lost: a build that fails (bad content, a bad template, a file in static/ where
//! a page goes, two pages on one path) or is killed part way leaves the previous output
//! byte for byte as it was, and the next build cleans up after a killed one.

use crate::gen_corpus;
use crate::harness;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use harness::{assert_same_tree, build, names, project, repo, root, snapshot, BIN};

/// Entries beside the output other than the project and the output itself.
fn strays(dir: &Path) -> Vec<String> {
    names(dir)
        .into_iter()
        .filter(|n| n != "project" && n != "public")
        .collect()
}

/// A built `cname` fixture with a `.git` folder the user added to the output.
fn published() -> (tempfile::TempDir, PathBuf) {
    let dir = project("cname");
    let out = dir.path().join("public");
    build(&root(&dir), &out, &[]).code(0);
    fs::create_dir_all(out.join(".git")).unwrap();
    fs::write(out.join(".git/HEAD"), "ref: refs/heads/gh-pages\n").unwrap();
    (dir, out)
}

#[test]
fn failed_builds_leave_the_previous_output_exactly_as_it_was() {
    let (dir, out) = published();
    let before = snapshot(&out);
    let project = root(&dir);

    // Each case: a file to write, what to put in it, and the words of the error.
    let cases: [(&str, &str, &[&str]); 4] = [
        (
            "content/states/ohio.txt",
            "",
            &["content/states/ohio.txt: error: the file is empty"],
        ),
        (
            "templates/state.html",
            "{% extends \"base.html\" %}{% block content %}{{ state.title }{% endblock content %}",
            &["error: template state.html:", "expected }}"],
        ),
        (
            "static/robots.txt",
            "User-agent: *\n",
            &[
                "static/robots.txt",
                "a file in static/ has the path of a page",
            ],
        ),
        (
            "content/states/other.md",
            "+++\nstate = \"Iowa.\"\ntitle = \"Data Sharing in the other Iowa\"\n+++\n\n\
             ## What laws govern the sharing of DMV data?\n\nA statute.\n",
            &[
                "states/iowa/index.html: two generated files would have this path",
                "content/states/iowa.txt",
                "content/states/other.md",
            ],
        ),
    ];
    let site = project.join("content/site.toml");
    let site_text = fs::read_to_string(&site).unwrap();
    // A made-up place whose name makes the same slug as Iowa.
    fs::write(
        &site,
        format!("{site_text}\n[[extra_jurisdictions]]\nname = \"Iowa.\"\ncode = \"IX\"\n"),
    )
    .unwrap();
    for (file, text, words) in cases {
        let path = project.join(file);
        let saved = fs::read(&path).ok();
        fs::write(&path, text).unwrap();
        let run = build(&project, &out, &[]);
        run.code(1);
        for w in words {
            run.mentions(w);
        }
        assert_same_tree(&before, &snapshot(&out));
        assert_eq!(strays(dir.path()), Vec::<String>::new(), "after {file}");
        match saved {
            Some(bytes) => fs::write(&path, bytes).unwrap(),
            None => fs::remove_file(&path).unwrap(),
        }
    }
    // And with every change undone, the same output again.
    build(&project, &out, &[]).code(0);
    assert_same_tree(&before, &snapshot(&out));
}

/// Starts a build and kills it (SIGKILL) when `kill_now` says so; fails if the build
/// ends on its own first.
fn kill_build(project: &Path, out: &Path, extra: &[&str], kill_now: impl Fn(Duration) -> bool) {
    let mut child = Command::new(BIN)
        .arg("build")
        .arg("--root")
        .arg(project)
        .arg("--output")
        .arg(out)
        .args(extra)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            panic!("the build ended ({status}) before it could be killed");
        }
        if kill_now(started.elapsed()) {
            child.kill().unwrap();
            child.wait().unwrap();
            println!("killed after {:?}", started.elapsed());
            return;
        }
        assert!(started.elapsed() < Duration::from_secs(300), "never killed");
        std::thread::sleep(Duration::from_millis(1));
    }
}

fn is_staging(name: &str) -> bool {
    name.starts_with(".public.stateside-staging-")
}

/// What a kill may leave beside the output: staging folders, and the lock file (which the
/// system unlocked when the build died, and the next build removes).
fn is_left_by_a_kill(name: &str) -> bool {
    is_staging(name) || name == ".public.stateside-lock"
}

#[test]
fn a_killed_build_leaves_the_previous_output_and_the_next_build_cleans_up() {
    let (dir, out) = published();
    let before = snapshot(&out);

    // Killed at about 100 ms into a build of 3,000 generated states.
    let big = dir.path().join("big");
    let corpus = gen_corpus::generate(3000, 7);
    gen_corpus::write_project(&corpus, repo(), &big).unwrap();
    kill_build(&big, &out, &[], |t| t >= Duration::from_millis(100));
    assert_same_tree(&before, &snapshot(&out));
    let left: Vec<String> = strays(dir.path())
        .into_iter()
        .filter(|n| n != "big")
        .collect();
    assert!(left.iter().all(|n| is_left_by_a_kill(n)), "{left:?}");
    fs::remove_dir_all(&big).unwrap();

    // Killed while writing: one state with 3,000 questions, killed as soon as its
    // staging folder appears beside the output.
    let many = dir.path().join("many");
    harness::copy_all(&root(&dir), &many);
    let mut text = String::from("State DMV Data Sharing With ICE in Ohio\n\n");
    for n in 1..=3000 {
        text.push_str(&format!(
            "{n}. How long is record {n} kept?\n\nRecord {n} is kept for {n} days.\n\n"
        ));
    }
    fs::write(many.join("content/states/ohio.txt"), text).unwrap();
    let parent = dir.path().to_path_buf();
    kill_build(&many, &out, &["--no-minify"], |_| {
        names(&parent).iter().any(|n| is_staging(n))
    });
    assert_same_tree(&before, &snapshot(&out));
    let left: Vec<String> = strays(dir.path())
        .into_iter()
        .filter(|n| n != "many")
        .collect();
    assert!(
        left.iter().any(|n| is_staging(n)) && left.iter().all(|n| is_left_by_a_kill(n)),
        "{left:?}"
    );
    let staging = dir
        .path()
        .join(left.iter().find(|n| is_staging(n)).unwrap());
    assert!(
        staging.join(".stateside").is_file(),
        "staging has the marker"
    );

    // The next build removes the staging folders and gives the same site (and .git) back.
    build(&root(&dir), &out, &[]).code(0);
    assert_eq!(strays(dir.path()), ["many"]);
    assert_same_tree(&before, &snapshot(&out));
}
