//! Indicators through the whole build: editors' values in a Markdown state's front matter
//! and in `indicators.toml` win and are marked as the editor's on the page, in the matrix
//! and in the data; evidence links land on a marked sentence; bad overrides name their file
//! and line; `check --indicators` lists values with the lines to paste; text stays text.

use std::fs;

use crate::harness::{build, project, repo, root, stateside};

const OVERRIDE: &str = "\n[[override]]\nstate = \"NV\"\nindicator = \"formal-agreement\"\nvalue = \"not-stated\"\nnote = \"The 2017 MOU lapsed\"\n";

/// The fixture with the repository's indicators.toml and `extra` after it.
fn indicators_project(extra: &str) -> tempfile::TempDir {
    let dir = project("indicators");
    let toml = fs::read_to_string(repo().join("content/indicators.toml")).unwrap();
    fs::write(
        root(&dir).join("content/indicators.toml"),
        format!("{toml}{extra}"),
    )
    .unwrap();
    dir
}

fn built(extra: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = indicators_project(extra);
    let out = dir.path().join("public");
    build(&root(&dir), &out, &[]).code(0);
    (dir, out)
}

fn state_values<'a>(json: &'a serde_json::Value, code: &str) -> &'a Vec<serde_json::Value> {
    json["states"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["code"] == code)
        .unwrap()["indicators"]
        .as_array()
        .unwrap()
}

fn value<'a>(json: &'a serde_json::Value, code: &str, id: &str) -> &'a serde_json::Value {
    state_values(json, code)
        .iter()
        .find(|v| v["id"] == id)
        .unwrap()
}

#[test]
fn editors_values_win_in_front_matter_and_in_the_table() {
    let (_dir, out) = built(OVERRIDE);
    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.join("data/states.json")).unwrap()).unwrap();
    assert_eq!(json["indicators"].as_array().unwrap().len(), 6);
    assert_eq!(json["indicators"][0]["id"], "court-order");
    assert_eq!(json["indicators"][0]["values"][0]["label"], "Yes");

    // Front matter: the answers say "no" (no opt-out); the editor says yes, and wins.
    let me = value(&json, "ME", "opt-out");
    assert_eq!(me["value"], "yes");
    assert_eq!(me["source"], "editor");
    assert_eq!(me["note"], "Confirmed <b>by phone</b> with the BMV");
    assert_eq!(me["evidence"], serde_json::Value::Null);
    // The answers decide the rest, across Markdown emphasis.
    let court = value(&json, "ME", "court-order");
    assert_eq!(court["value"], "yes");
    assert_eq!(court["source"], "answer");
    assert_eq!(court["question"], 1);

    // The table in indicators.toml: "not stated" set by the editor beats the MOU sentence.
    let nv = value(&json, "NV", "formal-agreement");
    assert_eq!(nv["value"], serde_json::Value::Null);
    assert_eq!(nv["label"], "Not stated");
    assert_eq!(nv["source"], "editor");
    assert_eq!(nv["note"], "The 2017 MOU lapsed");

    let csv = fs::read_to_string(out.join("data/indicators.csv")).unwrap();
    assert!(csv.starts_with("state,code,indicator,value,question,evidence,source,note\n"));
    assert!(
        csv.contains("Maine,ME,opt-out,yes,,,editor,Confirmed <b>by phone</b> with the BMV\n"),
        "{csv}"
    );
    assert!(
        csv.contains("Nevada,NV,formal-agreement,,,,editor,The 2017 MOU lapsed\n"),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), 1 + 2 * 6);

    let page = fs::read_to_string(out.join("states/maine/index.html")).unwrap();
    assert!(page.contains("At a glance"));
    assert!(page.contains("set by the editor"));
    assert!(
        page.contains("Confirmed &lt;b&gt;by phone&lt;/b&gt; with the BMV"),
        "the note is text"
    );
    assert!(!page.contains("<b>by phone"));
    assert!(page.contains("https://example.gov/maine"));
}

/// Every evidence link of every state page leads to an id on its question page, and for
/// values read from the answers that id is a `<mark>` holding the sentence.
#[test]
fn evidence_links_land_on_the_marked_sentence() {
    let (_dir, out) = built("");
    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.join("data/states.json")).unwrap()).unwrap();
    let mut checked = 0;
    for state in json["states"].as_array().unwrap() {
        let folder = out.join("states").join(state["slug"].as_str().unwrap());
        let page = fs::read_to_string(folder.join("index.html")).unwrap();
        for href in page.split("href=").skip(1) {
            let href = href.trim_start_matches('"');
            let href = &href[..href.find(['"', '>', ' ']).unwrap()];
            let Some((file, id)) = href.split_once("#evidence-") else {
                continue;
            };
            let target = fs::read_to_string(folder.join(file)).unwrap();
            let at = target
                .find(&format!("id=evidence-{id}"))
                .or_else(|| target.find(&format!("id=\"evidence-{id}\"")))
                .unwrap_or_else(|| panic!("{file} has no id evidence-{id}"));
            let before = &target[..at];
            assert!(
                before.ends_with("<mark class=\"evidence\" ")
                    || before.ends_with("<mark class=evidence "),
                "{file}: {}",
                &target[at.saturating_sub(40)..at + 40]
            );
            checked += 1;
        }
    }
    assert!(checked >= 3, "only {checked} evidence links");
}

#[test]
fn plain_text_in_evidence_stays_text() {
    let (_dir, out) = built("");
    let page = fs::read_to_string(out.join("states/nevada/index.html")).unwrap();
    assert!(!page.contains("<script>alert"), "no script from content");
    assert!(page.contains("The &lt;script&gt;alert(1)&lt;/script&gt; DMV does not release records to ICE without a warrant &amp; a judge"), "the evidence sentence, escaped");
    let link = page.find("#evidence-court-order").unwrap();
    let file = page[..link].rsplit(['"', '=']).next().unwrap();
    let question = fs::read_to_string(out.join("states/nevada").join(file)).unwrap();
    assert!(!question.contains("<script>alert"));
    assert!(question.contains("&lt;script&gt;alert(1)&lt;/script&gt; DMV does not release"));
}

#[test]
fn the_matrix_marks_editors_values_and_keeps_evidence_as_text() {
    let (_dir, out) = built(OVERRIDE);
    let page = fs::read_to_string(out.join("compare/index.html")).unwrap();
    // The legend explains the mark once, since some values are the editor's.
    assert_eq!(
        page.matches("Set by the editor, not read from the answers")
            .count(),
        1
    );
    let row = |code: &str| {
        let start = page.find(&format!("<tr data-state=\"{code}\">")).unwrap();
        &page[start..start + page[start..].find("</tr>").unwrap()]
    };
    let cell = |code: &str, id: &str| {
        let row = row(code);
        let at = row
            .find(&format!("data-indicator=\"{id}\""))
            .or_else(|| row.find(&format!("data-indicator={id} ")))
            .unwrap_or_else(|| panic!("{code} has no {id} cell"));
        &row[at..at + row[at..].find("</td>").unwrap()]
    };
    // Nevada's table override: "not stated", marked as the editor's, with the note.
    let nevada = cell("NV", "formal-agreement");
    assert!(nevada.contains("Not stated"), "{nevada}");
    assert!(nevada.contains("(set by the editor)"), "{nevada}");
    assert!(nevada.contains("The 2017 MOU lapsed"), "{nevada}");
    // A value read from the answers carries no editor's mark.
    let court = cell("NV", "court-order");
    assert!(!court.contains("(set by the editor)"), "{court}");
    // Content's markup in an evidence sentence stays text in the matrix too.
    assert!(!page.contains("<script>alert"));
    assert!(
        court.contains("The &lt;script&gt;alert(1)&lt;/script&gt; DMV does not release"),
        "{court}"
    );
}

#[test]
fn a_bad_override_names_its_file_and_line() {
    let toml = fs::read_to_string(repo().join("content/indicators.toml")).unwrap();
    let line = toml.lines().count() + 5;
    let dir = indicators_project(&OVERRIDE.replace("not-stated", "maybe"));
    let run = build(&root(&dir), &dir.path().join("public"), &[]);
    run.code(1).says(
        &format!("content/indicators.toml:{}: error:", line - 2),
        &["unknown value \"maybe\""],
    );
    assert!(!dir.path().join("public").exists());

    let dir = indicators_project("");
    let maine = root(&dir).join("content/states/maine.md");
    let text = fs::read_to_string(&maine)
        .unwrap()
        .replace("opt-out =", "opt-in =");
    fs::write(&maine, text).unwrap();
    build(&root(&dir), &dir.path().join("public"), &[])
        .code(1)
        .says(
            "content/states/maine.md:7: error:",
            &["unknown indicator \"opt-in\""],
        );
}

#[test]
fn check_lists_values_least_sure_first_with_the_lines_to_paste() {
    let dir = indicators_project("");
    let run = stateside([
        "check".as_ref(),
        "--root".as_ref(),
        root(&dir).as_os_str(),
        "--indicators".as_ref(),
    ]);
    run.code(0);
    let out = &run.stdout;
    let listing = &out[out
        .find("Indicator values, least sure first (12 values)")
        .expect(out)..];
    // Not stated (0.00) comes before decided values.
    let first = listing.lines().nth(2).unwrap();
    assert!(first.starts_with("0.00 "), "{first}");
    assert!(
        listing.contains("[[override]]\n        state = \"NV\""),
        "{listing}"
    );
    assert!(listing.contains("under [indicators] in the front matter of content/states/maine.md"));
    assert!(listing.contains(
        "question 2: \"The Nevada DMV signed a memorandum of understanding with ICE in 2017.\""
    ));
    assert!(out.trim_end().ends_with("0 errors, 0 warnings"), "{out}");
}
