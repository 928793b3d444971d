//! Every input that once crashed a fuzz target (`fuzz/`), replayed in the normal test
//! suite with the targets' own checks: `tests/fixtures/fuzz-regressions/<target>/*`.

use std::path::{Path, PathBuf};

use stateside::html::{answer_html, write_html};
use stateside::jurisdiction::Jurisdictions;
use stateside::markdown::{parse_page, parse_state, Renderer};
use stateside::parse::parse_text;

use crate::fuzz_common as common;

fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fuzz-regressions")
        .join(target);
    let mut files: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| {
            let path = e.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            (path, bytes)
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no inputs in {}", dir.display());
    files
}

/// The target's check on every answer of a parsed file (its introduction too): safe HTML
/// from the `safe` renderer, and no panic from plain text or the `others`.
fn check_answers(parsed: &stateside::parse::Parsed, safe: &Renderer, others: &[&Renderer]) {
    let Some(doc) = &parsed.doc else { return };
    let questions = doc.questions.iter().map(|q| &q.answer);
    for answer in doc.intro.iter().chain(questions) {
        common::assert_safe_html(&answer_html(answer, safe));
        answer.plain();
        for md in others {
            answer_html(answer, md);
        }
    }
}

#[test]
fn parse_text_regressions() {
    let places = Jurisdictions::new(&[]);
    let md = Renderer::new(false);
    for (path, bytes) in inputs("parse_text") {
        println!("{}", path.display());
        let parsed = parse_text(Path::new("content/states/iowa.txt"), &bytes, &places);
        check_answers(&parsed, &md, &[]);
    }
}

#[test]
fn markdown_regressions() {
    let places = Jurisdictions::new(&[]);
    let (safe, trusting) = (Renderer::new(false), Renderer::new(true));
    for (path, bytes) in inputs("markdown") {
        println!("{}", path.display());
        let parsed = parse_state(Path::new("content/states/iowa.md"), &bytes, &places);
        check_answers(&parsed, &safe, &[&trusting]);
        if let Ok(page) = parse_page(Path::new("content/pages/about.md"), &bytes) {
            common::assert_safe_html(&write_html(safe.page_events(&page.body)));
            write_html(trusting.page_events(&page.body));
        }
    }
}

/// The fuzz targets' check itself: it passes the writers' HTML and catches the rest.
#[test]
fn the_safety_check_catches_what_it_should() {
    common::assert_safe_html(
        "<p><a href=\"https://x.gov\" title=\"a\nonclick=x\">x</a> <img src=\"a.png\" alt=\"on\" /></p>\n",
    );
    for bad in [
        "<p><a href=\"javascript:alert(1)\">x</a></p>",
        "<p><img src=\"data:image/png,x\" alt=\"\" /></p>",
        "<p onclick=\"x\">x</p>",
        "<p><a title=\"t\" onmouseover=\"x\">x</a></p>",
        "<script>alert(1)</script>",
        "<div>x</div>",
    ] {
        let caught = std::panic::catch_unwind(|| common::assert_safe_html(bad)).is_err();
        assert!(caught, "not caught: {bad}");
    }
}
