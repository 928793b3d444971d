//! `serve`'s in-memory builder on a copy of the shipped sample content: a saved file in ->
//! only the pages that show it rendered again, and the last good files kept on an error.

use stateside::serve::SiteBuilder;
use stateside::source::Layout;
use stateside::Error;

use crate::harness::repo;

fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let repo = repo();
    let content = dir.path().join("content");
    std::fs::create_dir_all(content.join("states")).unwrap();
    for f in [
        "site.toml",
        "topics.toml",
        "states/iowa.txt",
        "states/alabama.txt",
    ] {
        std::fs::copy(repo.join("content").join(f), content.join(f)).unwrap();
    }
    dir
}

#[test]
fn a_changed_answer_renders_only_the_pages_that_show_it() {
    let dir = project();
    let mut builder = SiteBuilder::new(Layout::new(dir.path()), None);
    let first = builder.rebuild().unwrap();
    assert_eq!(first.parsed, 2);
    assert_eq!(first.rendered, first.pages);
    let iowa_page = "states/iowa/index.html";
    assert!(builder.files()[iowa_page].starts_with(b"<!doctype html>"));
    assert!(
        builder.files().contains_key("style.css"),
        "built-in static file"
    );
    let json = builder.exports().get("data/states.json").unwrap();
    assert!(json.starts_with(b"{"));
    assert!(builder.exports().get("data/answers.csv").is_some());
    assert!(builder.exports().get("index.html").is_none());

    // Nothing changed: nothing parsed, nothing rendered, nothing different.
    let same = builder.rebuild().unwrap();
    assert_eq!((same.parsed, same.rendered, same.changed), (0, 0, 0));

    let path = dir.path().join("content/states/iowa.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let edited = text.replacen(
        "ICE utilizes DMV data",
        "ICE uses a freshly edited sentence about DMV data",
        1,
    );
    assert_ne!(text, edited);
    std::fs::write(&path, edited).unwrap();
    let after = builder.rebuild().unwrap();
    assert_eq!(after.parsed, 1);
    assert!(after.rendered > 0);
    assert!(
        after.rendered < first.pages / 2,
        "{} of {} pages rendered again",
        after.rendered,
        first.pages
    );
    let shown = |p: &str| String::from_utf8_lossy(&builder.files()[p]).into_owned();
    assert!(shown(iowa_page).contains("freshly edited sentence"));
    assert!(!shown("states/alabama/index.html").contains("freshly edited"));
}

#[test]
fn an_error_keeps_the_last_good_files() {
    let dir = project();
    let mut builder = SiteBuilder::new(Layout::new(dir.path()), None);
    builder.rebuild().unwrap();
    let before = builder.files().clone();
    let templates = dir.path().join("templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(templates.join("state.html"), "{% block content %}{{ nope(").unwrap();
    let err = builder.rebuild().unwrap_err();
    assert!(matches!(err, Error::Template { .. }), "{err}");
    assert_eq!(builder.files(), &before);
    std::fs::remove_file(templates.join("state.html")).unwrap();
    let fixed = builder.rebuild().unwrap();
    assert_eq!(fixed.changed, 0, "the fixed site is the old one again");
}
