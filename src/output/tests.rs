//! Tests of the output stage: files in through [`Staging`] -> folders out, checked by what
//! is on disk afterwards.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::swap::remove_tree;
use super::*;
use crate::error::{Error, Result};

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

/// A temp project (content/, templates/, static/style.css) whose site goes to `public/`.
struct Project {
    dir: tempfile::TempDir,
    out: PathBuf,
    static_dir: PathBuf,
}

impl Project {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        for d in ["content", "templates", "static"] {
            fs::create_dir_all(dir.path().join(d)).unwrap();
        }
        fs::write(dir.path().join("static/style.css"), "body{}").unwrap();
        let out = dir.path().join("public");
        let static_dir = dir.path().join("static");
        Project {
            dir,
            out,
            static_dir,
        }
    }

    /// A project whose `public/` holds a one-page site already (`index.html`: "v1").
    fn published() -> Self {
        let p = Project::new();
        p.write_page("index.html", "v1");
        p
    }

    fn root(&self) -> &Path {
        self.dir.path()
    }

    /// A whole site into `public/`.
    fn write(&self, files: &[OutputFile]) -> Result<WriteStats> {
        write_site(self.root(), &self.out, files, &self.static_dir)
    }

    /// A one-page site into `public/`, which must succeed.
    fn write_page(&self, path: &str, text: &str) {
        self.write(&[OutputFile::new(path, text)]).unwrap();
    }

    /// The names in the project folder that contain `part`, sorted.
    fn names_with(&self, part: &str) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(self.root())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains(part))
            .collect();
        names.sort();
        names
    }
}

/// Creates the folder `dir` with one file in it; returns the folder.
fn folder_with(dir: &Path, name: &str, text: &str) -> PathBuf {
    fs::create_dir_all(dir).unwrap();
    fs::write(dir.join(name), text).unwrap();
    dir.to_path_buf()
}

/// A `.git` folder of the user's in the output, as a GitHub Pages branch has.
fn users_git(out: &Path) {
    fs::create_dir_all(out.join(".git")).unwrap();
    fs::write(out.join(".git/HEAD"), "ref").unwrap();
}

fn read(path: impl AsRef<Path>) -> String {
    fs::read_to_string(path).unwrap()
}

#[test]
fn writes_files_and_static_and_marker() {
    let p = Project::new();
    let stats = p
        .write(&[OutputFile::new("a/index.html", "<p>x</p>")])
        .unwrap();
    assert_eq!(read(p.out.join("a/index.html")), "<p>x</p>");
    assert_eq!(read(p.out.join("style.css")), "body{}");
    assert!(p.out.join(MARKER).is_file());
    assert_eq!(stats.files, 2);
    assert_eq!(stats.html_pages, 1);
}

#[test]
fn rebuild_replaces_old_pages_and_keeps_dotfiles_and_cname() {
    let p = Project::new();
    let out = &p.out;
    p.write_page("old.html", "old");
    users_git(out);
    fs::write(out.join("CNAME"), "example.org").unwrap();
    p.write_page("new.html", "new");
    assert!(!out.join("old.html").exists());
    assert!(out.join("new.html").exists());
    assert_eq!(read(out.join(".git/HEAD")), "ref");
    assert_eq!(read(out.join("CNAME")), "example.org");
    // No staging or old folders are left behind.
    assert!(p.names_with("stateside-").is_empty());
}

#[test]
fn a_build_killed_between_its_renames_gets_its_site_back() {
    let p = Project::published();
    let out = &p.out;
    fs::write(out.join("CNAME"), "example.org").unwrap();
    // What a build killed after `rename(out, old)` leaves behind.
    fs::rename(out, p.root().join(".public.stateside-old-99999")).unwrap();
    let staging = p.root().join(".public.stateside-staging-99999");
    fs::create_dir(&staging).unwrap();
    fs::write(staging.join(MARKER), "").unwrap();
    p.write_page("index.html", "v2");
    assert_eq!(read(out.join("index.html")), "v2");
    assert_eq!(read(out.join("CNAME")), "example.org");
    assert_eq!(
        p.names_with(""),
        ["content", "public", "static", "templates"]
    );
}

#[test]
fn refuses_foreign_non_empty_folder() {
    let p = Project::new();
    let out = folder_with(&p.root().join("mine"), "thesis.tex", "precious");
    let page = [OutputFile::new("index.html", "x")];
    let err = write_site(p.root(), &out, &page, &p.static_dir).unwrap_err();
    assert!(
        matches!(&err, Error::Output { message, .. } if message.contains("not created by stateside")),
        "{err}"
    );
    assert_eq!(read(out.join("thesis.tex")), "precious");
}

#[test]
fn refuses_project_and_source_folders_and_files() {
    let p = Project::new();
    let st = &p.static_dir;
    for bad in [
        p.root().to_path_buf(),
        p.root().join("content"),
        p.root().join("static/out"),
        p.root().join("templates"),
        p.root().parent().unwrap().to_path_buf(),
    ] {
        let err =
            write_site(p.root(), &bad, &[OutputFile::new("index.html", "x")], st).unwrap_err();
        assert!(matches!(err, Error::Output { .. }), "{}", bad.display());
    }
    fs::write(p.root().join("afile"), "x").unwrap();
    let err = write_site(p.root(), &p.root().join("afile"), &[], st).unwrap_err();
    assert!(err.to_string().contains("is a file"), "{err}");
}

#[test]
fn failed_write_leaves_previous_output_untouched() {
    let p = Project::published();
    let bad = [
        OutputFile::new("index.html", "v2"),
        OutputFile::new("../escape.html", "x"),
    ];
    assert!(p.write(&bad).is_err());
    let dup = [
        OutputFile::new("index.html", "v2"),
        OutputFile::new("index.html", "v3"),
    ];
    assert!(p.write(&dup).is_err());
    assert_eq!(read(p.out.join("index.html")), "v1");
    assert!(!p.root().join("escape.html").exists());
}

#[test]
fn static_files_never_collide_with_generated_ones() {
    let p = Project::published();
    let st = &p.static_dir;
    for (name, generated) in [("robots.txt", "robots.txt"), ("states", "states/a.html")] {
        fs::write(st.join(name), "mine").unwrap();
        let err = p.write(&[OutputFile::new(generated, "x")]).unwrap_err();
        assert!(
            matches!(&err, Error::StaticCollision { path } if path.ends_with(name)),
            "{err}"
        );
        assert!(err.to_string().contains("rename or remove it"), "{err}");
        fs::remove_file(st.join(name)).unwrap();
    }
    assert_eq!(read(p.out.join("index.html")), "v1");
}

#[test]
fn staging_takes_pages_one_by_one_and_is_removed_when_dropped() {
    let p = Project::new();
    let (out, st) = (&p.out, &p.static_dir);
    let staging = Staging::begin(p.root(), out, st).unwrap();
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
    assert_eq!(read(out.join("states/s5/q12.html")), "12");

    let dropped = Staging::begin(p.root(), out, st).unwrap();
    dropped
        .write(&OutputFile::new("index.html", "unfinished"))
        .unwrap();
    drop(dropped);
    let left = p.names_with("stateside-");
    assert!(left.is_empty(), "{left:?}");
    assert!(!out.join("index.html").exists());
}

#[cfg(unix)]
#[test]
fn a_rebuild_links_unchanged_files_and_leaves_the_old_ones_alone() {
    use std::os::unix::fs::MetadataExt;
    let p = Project::new();
    let out = &p.out;
    let v1 = [
        OutputFile::new("same.html", "unchanged"),
        OutputFile::new("a/changed.html", "v1"),
        OutputFile::new("a/longer.html", "v1"),
    ];
    p.write(&v1).unwrap();
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
    p.write(&v2).unwrap();
    assert_eq!(ino("same.html"), same);
    assert_ne!(ino("a/changed.html"), changed);
    assert_ne!(ino("a/longer.html"), longer);
    assert_eq!(read(out.join("same.html")), "unchanged");
    assert_eq!(read(out.join("a/changed.html")), "v2");
    assert_eq!(fs::metadata(out.join("same.html")).unwrap().nlink(), 1);

    // A failed build links nothing into the published site and changes none of it.
    let bad = [
        OutputFile::new("same.html", "unchanged"),
        OutputFile::new("../escape.html", "x"),
    ];
    assert!(p.write(&bad).is_err());
    assert_eq!(fs::metadata(out.join("same.html")).unwrap().nlink(), 1);
    assert_eq!(read(out.join("a/changed.html")), "v2");
}

#[test]
fn remove_tree_removes_everything_and_follows_no_symlink() {
    let p = Project::new();
    let keep = folder_with(&p.root().join("keep"), "precious", "x");
    let doomed = p.root().join("doomed");
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
    assert_eq!(read(keep.join("precious")), "x");
}

#[test]
fn safe_paths() {
    assert!(is_safe_relative("states/iowa/index.html"));
    for bad in ["", "/abs", "a/../b", "a//b", "a\\b", "c:x", "./a"] {
        assert!(!is_safe_relative(bad), "{bad}");
    }
}

#[test]
fn the_marker_says_whose_each_entry_is() {
    let dir = tempfile::tempdir().unwrap();
    let names: BTreeMap<String, Option<u64>> = [
        ("index.html", Some(7)),
        ("states", None),
        ("odd\nname", Some(1 << 52)),
    ]
    .map(|(n, h)| (n.to_string(), h))
    .into();
    for owned in [Owned::Everything, Owned::Listed(names), Owned::Legacy] {
        fs::write(dir.path().join(MARKER), owned.marker_text()).unwrap();
        assert_eq!(Owned::read(dir.path()), Some(owned));
    }
    let legacy = Owned::read(dir.path()).unwrap();
    assert!(legacy.is_users(".git") && legacy.is_users("CNAME"));
    // Legacy: only dot-names and CNAME are the user's; never the marker.
    assert!(!legacy.is_users("states") && !legacy.is_users(MARKER));

    // A finished site lists its entries: everything else is the user's, and a listed
    // file with other bytes than the build wrote was edited.
    fs::write(dir.path().join("index.html"), "<p>x</p>").unwrap();
    fs::create_dir(dir.path().join("states")).unwrap();
    let site = Owned::of_site(dir.path()).unwrap();
    fs::write(dir.path().join(MARKER), site.marker_text()).unwrap();
    let site = Owned::read(dir.path()).unwrap();
    assert!(!site.is_users("index.html") && !site.is_users("states"));
    assert!(site.is_users(".git") && site.is_users("notes.txt"));
    assert!(!site.is_edited(dir.path(), "index.html"));
    fs::write(dir.path().join("index.html"), "<p>mine</p>").unwrap();
    assert!(site.is_edited(dir.path(), "index.html"));
    fs::remove_file(dir.path().join(MARKER)).unwrap();
    assert_eq!(Owned::read(dir.path()), None);
}

#[test]
fn a_page_that_takes_a_users_name_fails_the_swap_and_puts_everything_back() {
    let p = Project::published();
    let out = &p.out;
    // `.git` sorts before `extra`, so it is carried into the new site before the
    // collision is found; it must come back.
    users_git(out);
    fs::create_dir_all(out.join("extra")).unwrap();
    fs::write(out.join("extra/mine.txt"), "mine").unwrap();
    let v2 = [
        OutputFile::new("index.html", "v2"),
        OutputFile::new("extra/index.html", "a page"),
    ];
    let err = p.write(&v2).unwrap_err();
    assert!(
        matches!(&err, Error::Output { path, message } if path.ends_with("public/extra") && message.contains("this is yours")),
        "{err}"
    );
    assert_eq!(read(out.join(".git/HEAD")), "ref");
    assert_eq!(read(out.join("extra/mine.txt")), "mine");
    assert_eq!(read(out.join("index.html")), "v1");
    let left = p.names_with("stateside-");
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn a_leftover_holding_a_users_file_that_cannot_go_back_is_kept() {
    let p = Project::published();
    let out = &p.out;
    fs::write(out.join("CNAME"), "now.example.org").unwrap();
    // A staging folder of a killed build, with a CNAME of the user's that differs from
    // the one in the output now: neither may be deleted.
    let left = p.root().join(".public.stateside-staging-4242");
    fs::create_dir(&left).unwrap();
    let listed = Owned::Listed(BTreeMap::from([("index.html".to_string(), None)]));
    fs::write(left.join(MARKER), listed.marker_text()).unwrap();
    fs::write(left.join("index.html"), "v2").unwrap();
    fs::write(left.join("CNAME"), "then.example.org").unwrap();
    p.write_page("index.html", "v3");
    assert_eq!(read(left.join("CNAME")), "then.example.org");
    assert_eq!(read(out.join("CNAME")), "now.example.org");
    assert_eq!(read(out.join("index.html")), "v3");
}
