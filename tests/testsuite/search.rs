//! `stateside build` and the search: the index files land under `search/`, every page has the
//! search box (hidden until search.js shows it) and loads search.js from the site root, and
//! the index files name only shards that exist.

use crate::harness;

use std::fs;

use harness::{build, project, read, root};

#[test]
fn build_writes_the_index_and_every_page_has_the_box() {
    let dir = project("search");
    let out = dir.path().join("public");
    // Unminified, so that the markup reads as the templates write it.
    build(&root(&dir), &out, &["--quiet", "--no-minify"]).code(0);

    let index = read(&out.join("search/index.js"));
    assert!(index.starts_with("(window.statesideSearch||(window.statesideSearch={}))[\"index\"]="));
    for file in ["t0", "n0", "d0"] {
        assert!(
            index.contains(&format!("\"{file}-")),
            "search/index.js names no {file} shard"
        );
    }
    // Every shard the index names exists, and nothing else is under search/.
    let mut named: Vec<String> = index
        .split('"')
        .filter(|s| s.ends_with(".js") && s.contains('-'))
        .map(str::to_string)
        .collect();
    named.sort();
    let mut written: Vec<String> = fs::read_dir(out.join("search"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "index.js")
        .collect();
    written.sort();
    assert_eq!(named, written);
    assert!(
        out.join("search.js").is_file(),
        "static/search.js is copied"
    );

    for (page, prefix) in [
        ("index.html", ""),
        ("states/ohio/index.html", "../../"),
        (
            "states/ohio/q1-does-ice-need-a-warrant-to-see-ohio-dmv-records.html",
            "../../",
        ),
        ("topics/opt-out/index.html", "../../"),
        ("about/index.html", "../"),
        // Without base_url the 404 page links relative to the root that find-root sets.
        ("404.html", ""),
    ] {
        let html = read(&out.join(page));
        assert!(
            html.contains(&format!(
                "<script src=\"{prefix}search.js\" defer></script>"
            )),
            "{page} does not load {prefix}search.js"
        );
        let start = html.find("<search").expect("a <search> element");
        let tag = &html[start..start + html[start..].find('>').unwrap()];
        assert!(
            tag.contains("hidden"),
            "{page}: the box is not hidden: {tag}"
        );
        assert!(html.contains("type=\"search\""), "{page}: no search input");
        assert_eq!(html.matches("id=\"search-input\"").count(), 1, "{page}");
    }
}
