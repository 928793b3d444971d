//! Shared by the integration tests (`tests/testsuite/`, and the binaries beside it): fixture
//! projects in temp folders, running the binary, finding its diagnostics, walking and
//! snapshotting output trees, and writing rendered files out as a site.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_stateside");

pub fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures").join(name)
}

/// What a fixture may leave out; the repository's own are used then (as `.ci/run` does).
const DEFAULTS: [&str; 4] = [
    "templates",
    "static",
    "content/site.toml",
    "content/topics.toml",
];

/// A project in a temp folder, at `<temp>/project`: the repository's templates/, static/,
/// site.toml and topics.toml, with the fixture's own files laid over them.
pub fn project(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("project");
    fs::create_dir_all(root.join("content")).unwrap();
    for part in DEFAULTS {
        copy_all(&repo().join(part), &root.join(part));
    }
    copy_all(&fixture(name), &root);
    dir
}

/// The project folder inside a temp folder made by [`project`].
pub fn root(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("project")
}

/// Copies a file, or a folder recursively, over whatever is at `to`.
pub fn copy_all(from: &Path, to: &Path) {
    if from.is_dir() {
        fs::create_dir_all(to).unwrap();
        for entry in fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            copy_all(&entry.path(), &to.join(entry.file_name()));
        }
    } else {
        fs::copy(from, to).unwrap_or_else(|e| panic!("{}: {e}", from.display()));
    }
}

/// What one run of the binary did.
#[derive(Debug)]
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    pub elapsed: Duration,
}

/// Runs `stateside` with `args`; gives up (and fails) after two minutes, so that a hang
/// is a failure, not a stuck test run.
pub fn stateside<I, S>(args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let started = Instant::now();
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let stderr = child.stderr.take().unwrap();
    let read = |mut r: Box<dyn std::io::Read + Send>| {
        std::thread::spawn(move || {
            let mut s = Vec::new();
            r.read_to_end(&mut s).unwrap();
            String::from_utf8_lossy(&s).into_owned()
        })
    };
    let (out, err) = (read(Box::new(stdout)), read(Box::new(stderr)));
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(120) {
            child.kill().unwrap();
            panic!("stateside did not finish in two minutes (a hang?)");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    Run {
        code: status.code(),
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
        elapsed: started.elapsed(),
    }
}

/// `stateside build --root ROOT --output OUT` plus `extra` arguments.
pub fn build(root: &Path, out: &Path, extra: &[&str]) -> Run {
    let mut args: Vec<&OsStr> = vec![
        "build".as_ref(),
        "--root".as_ref(),
        root.as_os_str(),
        "--output".as_ref(),
        out.as_os_str(),
    ];
    args.extend(extra.iter().map(|a| OsStr::new(*a)));
    stateside(args)
}

pub fn check(root: &Path) -> Run {
    stateside(["check".as_ref(), "--root".as_ref(), root.as_os_str()])
}

impl Run {
    /// Asserts the exit code, showing everything the run printed when it differs.
    pub fn code(&self, expected: i32) -> &Self {
        assert_eq!(self.code, Some(expected), "{self}");
        self
    }

    /// Asserts that stderr has a line starting with `head` (such as
    /// `content/states/iowa.txt:3: error:`) that contains every one of `words`.
    pub fn says(&self, head: &str, words: &[&str]) -> &Self {
        let found = self
            .stderr
            .lines()
            .any(|l| l.starts_with(head) && words.iter().all(|w| l.contains(w)));
        assert!(found, "no line `{head} … {words:?}` in:\n{self}");
        self
    }

    /// Asserts that stderr contains `text` somewhere (for messages over several lines).
    pub fn mentions(&self, text: &str) -> &Self {
        assert!(self.stderr.contains(text), "{text:?} not in:\n{self}");
        self
    }

    /// Asserts that no warning or error was printed.
    pub fn quiet(&self) -> &Self {
        assert!(
            !self.stderr.contains(": warning:") && !self.stderr.contains("error"),
            "{self}"
        );
        self
    }
}

impl std::fmt::Display for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "exit {:?}\n--- stdout\n{}--- stderr\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

/// Every entry under `dir` (not `dir` itself), in path order, with its `/`-separated path
/// relative to `dir`.
pub fn entries(dir: &Path) -> Vec<(String, walkdir::DirEntry)> {
    walkdir::WalkDir::new(dir)
        .min_depth(1)
        .sort_by_file_name()
        .into_iter()
        .map(|entry| {
            let entry = entry.unwrap();
            let rel = entry.path().strip_prefix(dir).unwrap();
            let rel = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            (rel, entry)
        })
        .collect()
}

/// Every file under `dir` with its bytes, and every folder (as `path/`), by path: two
/// equal snapshots mean a byte-identical tree.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    entries(dir)
        .into_iter()
        .map(|(rel, entry)| {
            if entry.file_type().is_dir() {
                (format!("{rel}/"), Vec::new())
            } else {
                (rel, fs::read(entry.path()).unwrap())
            }
        })
        .collect()
}

/// Every file under `dir` (folders left out) with its bytes, by path.
pub fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    entries(dir)
        .into_iter()
        .filter(|(_, entry)| !entry.file_type().is_dir())
        .map(|(rel, entry)| (rel, fs::read(entry.path()).unwrap()))
        .collect()
}

/// Every HTML page under `dir` as text, by path.
pub fn html_pages(dir: &Path) -> BTreeMap<String, String> {
    entries(dir)
        .into_iter()
        .filter(|(rel, entry)| entry.file_type().is_file() && rel.ends_with(".html"))
        .map(|(rel, entry)| (rel, read(entry.path())))
        .collect()
}

/// The text of the rendered file at `path` (rendered in memory, not written out).
pub fn file<'f>(files: &'f [stateside::output::OutputFile], path: &str) -> &'f str {
    match files.iter().find(|f| f.path == path) {
        Some(f) => std::str::from_utf8(&f.contents).unwrap(),
        None => panic!("{path} was not generated"),
    }
}

/// Writes rendered files into a temp folder as the build would lay them out, with a copy
/// of the repository's `static/` and stand-ins for the data exports, so that links
/// between them can be followed on disk.
pub fn write_site(files: &[stateside::output::OutputFile]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for f in files {
        let path = dir.path().join(&f.path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, &f.contents).unwrap();
    }
    for entry in fs::read_dir(repo().join("static")).unwrap() {
        let entry = entry.unwrap();
        fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
    }
    fs::create_dir_all(dir.path().join("data")).unwrap();
    fs::write(dir.path().join("data/states.json"), "[]").unwrap();
    fs::write(dir.path().join("data/answers.csv"), "").unwrap();
    dir
}

/// Asserts two snapshots are equal, naming the first paths that differ.
pub fn assert_same_tree(before: &BTreeMap<String, Vec<u8>>, after: &BTreeMap<String, Vec<u8>>) {
    let changed: Vec<&String> = before
        .keys()
        .chain(after.keys())
        .filter(|k| before.get(*k) != after.get(*k))
        .take(10)
        .collect();
    assert!(changed.is_empty(), "the output changed: {changed:?}");
}

/// The names in a folder, sorted.
pub fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The warnings and errors of a load (not the notes), as `check` prints them.
pub fn problems(loaded: &stateside::Loaded) -> Vec<String> {
    loaded
        .diagnostics
        .iter()
        .filter(|d| d.severity != stateside::Severity::Info)
        .map(|d| d.to_string())
        .collect()
}

pub fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}
