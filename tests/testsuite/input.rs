//! Input as editors write it, end to end: dates and sources in plain-text states shown
//! wherever readers and machines look, names with marks and odd spacing, numbering other
//! than `1.`, and `check` and `build` on projects with problems in several files at once.

use crate::harness;

use std::fs;

use harness::{build, check, project, read, root};

/// Builds `dates-and-sources` with a base URL, HTML as rendered; returns the temp folder.
fn dated_site() -> tempfile::TempDir {
    let dir = project("dates-and-sources");
    let out = dir.path().join("public");
    let run = build(
        &root(&dir),
        &out,
        &["--no-minify", "--base-url", "https://example.org/guide/"],
    );
    run.code(0).says(
        "content/states/ohio.txt:5: warning:",
        &["questions are numbered as \"1)\""],
    );
    dir
}

#[test]
fn updated_and_sources_are_shown_wherever_the_state_is() {
    let dir = dated_site();
    let out = dir.path().join("public");
    let date = "<time datetime=\"2024-05-01\">2024-05-01</time>";
    let state = read(&out.join("states/hawaii/index.html"));
    assert!(state.contains(date), "state page");
    assert!(state.contains("<a href=\"https://hidot.hawaii.gov/\">"));
    assert!(state.contains("<li>Hawaii Revised Statutes § 286-172</li>"));
    // Readers see neither the file's name nor the site's note (that stays in the footer).
    assert!(!state.contains("hawaii.txt") && !state.contains("<dt>Document"));
    let note = "Each state page is published from the plain-text document";
    assert_eq!(
        state.matches(note).count(),
        1,
        "source note only in the footer"
    );

    let questions: Vec<String> = harness::names(&out.join("states/hawaii"))
        .into_iter()
        .filter(|n| n != "index.html")
        .collect();
    assert_eq!(questions.len(), 2);
    for q in &questions {
        let page = read(&out.join("states/hawaii").join(q));
        assert!(page.contains(date), "{q}");
        assert!(page.contains("https://hidot.hawaii.gov/"), "{q}");
    }
    let print = read(&out.join("print/index.html"));
    assert!(print.contains(date) && print.contains("Hawaii Revised Statutes"));
    let ohio_date = "<time datetime=\"2023-11-30\">2023-11-30</time>";
    let topics: Vec<String> = harness::names(&out.join("topics"));
    let with_dates = topics
        .iter()
        .map(|t| read(&out.join("topics").join(t).join("index.html")))
        .filter(|page| page.contains(date) && page.contains(ohio_date))
        .count();
    assert!(
        with_dates >= 1,
        "a topic page answered by both shows both dates"
    );

    // The machines' view: JSON-LD, sitemap, both exports.
    assert!(state.contains("\"dateModified\":\"2024-05-01\""));
    let sitemap = read(&out.join("sitemap.xml"));
    assert!(sitemap.contains(
        "<loc>https://example.org/guide/states/hawaii/</loc><lastmod>2024-05-01</lastmod>"
    ));
    assert!(sitemap.contains("<loc>https://example.org/guide/</loc><lastmod>2024-05-01</lastmod>"));
    let json: serde_json::Value =
        serde_json::from_str(&read(&out.join("data/states.json"))).unwrap();
    let hawaii = &json["states"][0];
    assert_eq!(hawaii["name"], "Hawaiʻi");
    assert_eq!(hawaii["updated"], "2024-05-01");
    assert_eq!(hawaii["source"], "hawaii.txt");
    assert_eq!(hawaii["sources"][1], "Hawaii Revised Statutes § 286-172");
    let csv = read(&out.join("data/answers.csv"));
    let header = csv.lines().next().unwrap();
    assert_eq!(
        header,
        "state,code,number,topic,question,answer_text,updated,sources,source_file"
    );
    assert!(csv.contains(
        ",2024-05-01,\"https://hidot.hawaii.gov/\nHawaii Revised Statutes § 286-172\",hawaii.txt"
    ));
}

#[test]
fn names_with_marks_and_odd_spaces_keep_their_form_and_sort_as_ascii() {
    let dir = dated_site();
    let out = dir.path().join("public");
    let json: serde_json::Value =
        serde_json::from_str(&read(&out.join("data/states.json"))).unwrap();
    let names: Vec<(&str, &str)> = json["states"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["name"].as_str().unwrap(), s["slug"].as_str().unwrap()))
        .collect();
    assert_eq!(
        names,
        [
            ("Hawaiʻi", "hawaii"),
            ("New York", "new-york"),
            ("Ohio", "ohio")
        ]
    );
    let ohio = read(&out.join("states/ohio/index.html"));
    assert!(ohio.contains("<h1>State DMV Data Sharing With ICE in Ohio</h1>"));
    assert!(ohio.contains("What laws govern the sharing of BMV data?"));
    assert!(out.join("states/new-york/index.html").is_file());
}

#[test]
fn a_misspelt_state_in_a_title_or_file_name_gets_a_suggestion() {
    let dir = project("dates-and-sources");
    let states = root(&dir).join("content/states");
    fs::write(
        states.join("notes.txt"),
        "Data Sharing in Ohoi\n\n1. What?\n\nA.\n",
    )
    .unwrap();
    fs::write(states.join("pensylvania.txt"), "Rules\n\n1. What?\n\nA.\n").unwrap();
    check(&root(&dir))
        .code(1)
        .says(
            "content/states/notes.txt:1: error:",
            &["unknown state \"Ohoi\"", "did you mean Ohio?"],
        )
        .says(
            "content/states/pensylvania.txt:1: error:",
            &["did you mean Pennsylvania?"],
        );
}

// ---- Every problem, in one run, and never an empty site ---------------------------------

/// Turns a project's `content/states` into a broken one.
type Breaker = fn(&std::path::Path);

#[test]
fn no_states_folder_is_an_error_and_the_published_site_stays() {
    let dir = project("cname");
    let out = dir.path().join("public");
    build(&root(&dir), &out, &[]).code(0);
    let before = harness::snapshot(&out);
    let states = root(&dir).join("content/states");
    let cases: [(&str, Breaker); 4] = [
        ("missing folder", |p| fs::remove_dir_all(p).unwrap()),
        ("a file, not a folder", |p| {
            fs::remove_dir_all(p).unwrap();
            fs::write(p, "iowa").unwrap();
        }),
        ("symbolic link that cannot be followed", |p| {
            fs::remove_dir_all(p).unwrap();
            std::os::unix::fs::symlink(p, p).unwrap();
        }),
        ("no state files", |p| {
            fs::remove_dir_all(p).unwrap();
            fs::create_dir(p).unwrap();
            fs::write(p.join("notes.doc"), "x").unwrap();
        }),
    ];
    for (words, break_it) in cases {
        let fresh = project("cname");
        let states_here = root(&fresh).join("content/states");
        break_it(&states_here);
        for run in [build(&root(&fresh), &out, &[]), check(&root(&fresh))] {
            run.code(1).says("content/states: error:", &[words]);
        }
        harness::assert_same_tree(&before, &harness::snapshot(&out));
    }
    assert!(states.is_dir());
}

#[test]
fn a_symlink_loop_in_pages_is_reported() {
    let dir = project("cname");
    let pages = root(&dir).join("content/pages");
    let _ = fs::remove_dir_all(&pages);
    std::os::unix::fs::symlink(&pages, &pages).unwrap();
    check(&root(&dir))
        .code(1)
        .says("content/pages: error:", &["symbolic link", "loop"]);
}

#[test]
fn config_errors_do_not_hide_the_state_files_problems() {
    let dir = project("cname");
    let content = root(&dir).join("content");
    let site = read(&content.join("site.toml"));
    fs::write(
        content.join("site.toml"),
        format!("{site}colour = \"red\"\ntheme = \"dark\"\n"),
    )
    .unwrap();
    fs::write(content.join("states/ohio.txt"), "").unwrap();
    let lines = site.lines().count();
    let run = check(&root(&dir));
    run.code(1)
        .says(
            &format!("content/site.toml:{}:1: error:", lines + 1),
            &["unknown key `colour`"],
        )
        .says(
            &format!("content/site.toml:{}:1: error:", lines + 2),
            &["unknown key `theme`"],
        )
        .says("content/states/ohio.txt: error:", &["the file is empty"]);
    assert!(run.stdout.contains("3 errors"), "{run}");
    build(&root(&dir), &dir.path().join("public"), &[])
        .code(1)
        .says("content/states/ohio.txt: error:", &["the file is empty"])
        .mentions("3 content error(s)");

    fs::write(content.join("site.toml"), &site).unwrap();
    fs::write(content.join("topics.toml"), "[[topic]]\nid = \"x\"\n").unwrap();
    check(&root(&dir))
        .code(1)
        .says("content/topics.toml:", &["missing field"])
        .says("content/states/ohio.txt: error:", &["the file is empty"]);
}

// ---- check runs every validation build runs ---------------------------------------------

#[test]
fn check_fails_where_build_fails() {
    // (fixture or change, words both commands print)
    let template_syntax = project("template-syntax-invalid");
    let unknown_variable = project("template-unknown-variable-invalid");
    let static_collision = project("cname");
    fs::create_dir_all(root(&static_collision).join("static/states/iowa")).unwrap();
    fs::write(
        root(&static_collision).join("static/states/iowa/index.html"),
        "<p>mine</p>",
    )
    .unwrap();
    let export_collision = project("cname");
    fs::write(root(&export_collision).join("static/data"), "x").unwrap();
    // The search index and the comparison's data scripts are generated files too.
    let search_collision = project("cname");
    fs::write(root(&search_collision).join("static/search"), "x").unwrap();
    let compare_collision = project("cname");
    let pair_data = stateside::site::links::state_pair_data("iowa");
    let pair_data = root(&compare_collision).join("static").join(pair_data);
    fs::create_dir_all(pair_data.parent().unwrap()).unwrap();
    fs::write(&pair_data, "x").unwrap();
    let cases: [(&tempfile::TempDir, &[&str]); 6] = [
        (
            &template_syntax,
            &["error: template state.html", "--> state.html:4:22"],
        ),
        (
            &unknown_variable,
            &[
                "error: template state.html: Field `no_such_field` is not defined",
                "while rendering states/iowa/index.html",
            ],
        ),
        (
            &static_collision,
            &[
                "static/states/iowa/index.html",
                "a file in static/ has the path of a page",
            ],
        ),
        (
            &export_collision,
            &["static/data", "a file in static/ has the path of a page"],
        ),
        (
            &search_collision,
            &["static/search", "a file in static/ has the path of a page"],
        ),
        (
            &compare_collision,
            &["iowa.js", "a file in static/ has the path of a page"],
        ),
    ];
    for (dir, words) in cases {
        let checked = check(&root(dir));
        checked.code(1);
        assert!(checked.stdout.contains(": 1 errors"), "{checked}");
        let built = build(&root(dir), &dir.path().join("public"), &[]);
        built.code(1);
        for w in words {
            checked.mentions(w);
            built.mentions(w);
        }
        assert!(!dir.path().join("public").exists());
    }
    // And a clean project stays clean.
    check(&root(&project("cname"))).code(0);
}

// ---- Messages ---------------------------------------------------------------------------

#[test]
fn control_characters_in_file_names_are_shown_escaped() {
    let dir = project("cname");
    let states = root(&dir).join("content/states");
    fs::write(states.join("\u{1b}[2J\u{1b}[31mutah\n.txt"), "").unwrap();
    let run = check(&root(&dir));
    run.code(1).says(
        "content/states/\\u{1b}[2J\\u{1b}[31mutah\\u{a}.txt: error:",
        &["the file is empty"],
    );
    let built = build(&root(&dir), &dir.path().join("public"), &[]);
    built.code(1);
    for output in [&run.stderr, &run.stdout, &built.stderr, &built.stdout] {
        assert!(!output.contains('\u{1b}'), "{output}");
    }

    // A usable file with such a name builds; no page carries the raw characters.
    fs::remove_file(states.join("\u{1b}[2J\u{1b}[31mutah\n.txt")).unwrap();
    fs::write(
        states.join("ohio\u{1b}[0m.txt"),
        "Data Sharing in Ohio\n\n1. What?\n\nA.\n",
    )
    .unwrap();
    let out = dir.path().join("public");
    build(&root(&dir), &out, &[]).code(0);
    for entry in walkdir::WalkDir::new(&out).min_depth(1) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let bytes = fs::read(entry.path()).unwrap();
            assert!(!bytes.contains(&0x1b), "{}", entry.path().display());
        }
    }
    let json = read(&out.join("data/states.json"));
    assert!(json.contains("ohio\\\\u{1b}[0m.txt"), "{json}");
}

// ---- The published site -----------------------------------------------------------------

#[test]
fn a_build_without_base_url_says_once_what_is_left_out() {
    let dir = project("cname");
    let out = dir.path().join("public");
    let run = build(&root(&dir), &out, &[]);
    run.code(0);
    assert_eq!(run.stderr.matches("no base_url is set").count(), 1, "{run}");
    run.says(
        "warning: no base_url is set",
        &["sitemap.xml and the pages' canonical links are left out; set base_url in content/site.toml (or pass --base-url)"],
    );
    assert!(!out.join("sitemap.xml").exists());
    let run = build(&root(&dir), &out, &["--base-url", "https://example.org/"]);
    assert!(!run.stderr.contains("base_url"), "{run}");
    assert!(out.join("sitemap.xml").is_file());
}
