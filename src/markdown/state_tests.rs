//! Tests of Markdown state documents: a `.md` file's text in -> the document and its
//! diagnostics out.

use super::*;
use crate::diagnostic::Severity;
use crate::doc::Answer;
use proptest::prelude::*;

fn places() -> Jurisdictions {
    Jurisdictions::new(&[])
}

fn parse_at(name: &str, text: &str) -> Parsed {
    parse_state(Path::new(name), text.as_bytes(), &places())
}

fn parse(text: &str) -> Parsed {
    parse_at("content/states/somewhere.md", text)
}

fn doc(text: &str) -> StateDoc {
    let parsed = parse(text);
    parsed
        .doc
        .unwrap_or_else(|| panic!("no document: {:?}", parsed.diagnostics))
}

fn errors(text: &str) -> Vec<Diagnostic> {
    let parsed = parse(text);
    assert!(parsed.doc.is_none(), "expected an error");
    parsed
        .diagnostics
        .into_iter()
        .filter(Diagnostic::is_error)
        .collect()
}

fn markdown(answer: &Answer) -> &str {
    match answer {
        Answer::Markdown(s) => s,
        Answer::Text(_) => panic!("not Markdown"),
    }
}

const FULL: &str = "+++
state = \"CA\"
title = \"State DMV Data Sharing With ICE in California\"
category = \"Federal Government\"
updated = 2024-05-01
sources = [\"https://example.gov/a\", \"http://example.gov/b\"]
[pins]
2 = \"retention\"
+++
An **intro**.

## What laws govern the sharing?

Answer *one*.

## How long is the data kept?
- a list
";

#[test]
fn reads_every_front_matter_field() {
    let d = doc(FULL);
    assert_eq!(d.state.code, "CA");
    assert_eq!(d.title, "State DMV Data Sharing With ICE in California");
    assert_eq!(d.category.as_deref(), Some("Federal Government"));
    assert_eq!(d.updated.as_deref(), Some("2024-05-01"));
    assert_eq!(d.sources, ["https://example.gov/a", "http://example.gov/b"]);
    assert_eq!(markdown(d.intro.as_ref().unwrap()), "An **intro**.\n\n");
    assert_eq!(d.questions[0].pin, None);
    assert_eq!(d.questions[1].pin, Some(("retention".to_string(), 8)));
}

/// Each question's number, line and text.
fn numbered(d: &StateDoc) -> Vec<(u32, usize, &str)> {
    d.questions
        .iter()
        .map(|q| (q.number, q.line, q.text.as_str()))
        .collect()
}

#[test]
fn questions_are_numbered_with_their_lines_and_answers() {
    let d = doc(FULL);
    assert_eq!(
        numbered(&d),
        [
            (1, 12, "What laws govern the sharing?"),
            (2, 16, "How long is the data kept?")
        ]
    );
    assert_eq!(markdown(&d.questions[0].answer).trim(), "Answer *one*.");
    assert_eq!(markdown(&d.questions[1].answer).trim(), "- a list");
}

#[test]
fn clean_file_has_no_diagnostics() {
    assert_eq!(parse(FULL).diagnostics, []);
}

#[test]
fn state_from_title_or_file_name_and_updated_as_string() {
    let d = doc("+++\ntitle = \"Sharing in New York\"\nupdated = \"2023-02-28\"\n+++\n## Q?\nA\n");
    assert_eq!(d.state.code, "NY");
    assert_eq!(d.updated.as_deref(), Some("2023-02-28"));
    let p = parse_at(
        "content/states/west-virginia.md",
        "+++\ntitle = \"Data sharing\"\n+++\n## Q?\nA\n",
    );
    assert_eq!(p.doc.unwrap().state.code, "WV");
}

#[test]
fn hash_lines_inside_code_fences_are_not_questions() {
    let d = doc("+++\ntitle = \"in Iowa\"\n+++\n## First?\n\n```sh\n## not a question?\n```\n\n    ## indented code?\n\n> ## quoted?\n\n## Second?\nB\n");
    let texts: Vec<&str> = d.questions.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(texts, ["First?", "Second?"]);
    assert_eq!(d.questions[1].line, 14);
    assert!(markdown(&d.questions[0].answer).contains("## not a question?"));
}

#[test]
fn underlined_headings_are_not_questions() {
    let p = parse("+++\ntitle = \"in Iowa\"\n+++\n## Real?\n\n#hashtag heading\n---\n");
    let d = p.doc.unwrap();
    assert_eq!(d.questions.len(), 1);
    assert!(markdown(&d.questions[0].answer).contains("#hashtag"));
    assert_eq!(p.diagnostics[0].line, Some(6));
}

#[test]
fn reference_links_defined_at_the_end_work_in_every_answer() {
    let text = "+++\ntitle = \"in Iowa\"\n+++\n## One?\nSee [the law][Code] and [x].\n\n## Two?\nNo links.\n\n[code]: <https://x.gov/a b?c&amp;d> \"The \\\"code\\\"\"\n";
    let d = doc(text);
    let one = markdown(&d.questions[0].answer);
    assert!(
        one.ends_with("[Code]: <https://x.gov/a b?c\\&d> \"The \\\"code\\\"\"\n"),
        "{one}"
    );
    let html = crate::html::write_html(crate::markdown::Renderer::new(false).events(one));
    assert!(
        html.contains(
            "<a href=\"https://x.gov/a%20b?c&amp;d\" title=\"The &quot;code&quot;\">the law</a>"
        ),
        "{html}"
    );
    assert!(html.contains("[x]"), "{html}");
    // The answer that holds the definition keeps it as written, once.
    let two = markdown(&d.questions[1].answer);
    assert!(
        two.starts_with("No links.\n\n[code]: <https://x.gov/a b?c&amp;d>"),
        "{two}"
    );
    assert_eq!(two.matches("]:").count(), 1);
}

#[test]
fn crlf_and_bom_are_accepted() {
    let text = "\u{feff}+++\r\ntitle = \"in Iowa\"\r\n+++\r\n\r\n## One?\r\nA\r\n## Two?\r\nB\r\n";
    let d = doc(text);
    assert_eq!(d.questions[1].line, 7);
    assert_eq!(markdown(&d.questions[1].answer), "B\n");
}

#[test]
fn invalid_utf8_and_nul_are_errors() {
    let p = parse_state(Path::new("x.md"), b"+++\n\xff\n", &places());
    assert!(p.doc.is_none());
    assert!(p.diagnostics[0].message.contains("UTF-8"));
    let p = parse_state(Path::new("x.md"), b"+++\n\0\n", &places());
    assert!(p.diagnostics[0].message.contains("NUL"));
}

/// The first error of `text` is on `line` and its message says `words`.
fn first_error_is(text: &str, line: usize, words: &str) {
    let e = errors(text);
    assert_eq!(e[0].line, Some(line), "{}", e[0]);
    assert!(e[0].message.contains(words), "{}", e[0]);
}

#[test]
fn missing_front_matter_is_an_error_with_line() {
    first_error_is("\n## Q?\nA\n", 2, "no front matter");
}

#[test]
fn unclosed_front_matter_names_the_opening_line() {
    first_error_is("+++\ntitle = \"in Iowa\"\n## Q?\nA\n", 1, "never closed");
}

#[test]
fn unknown_key_names_key_and_line() {
    let e = errors("+++\ntitle = \"in Iowa\"\nauthor = \"me\"\n+++\n## Q?\nA\n");
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].line, Some(3));
    assert!(e[0].message.contains("author"), "{}", e[0].message);
}

#[test]
fn wrong_type_has_line_and_column() {
    let e = errors("+++\ntitle = \"in Iowa\"\n\nsources = \"https://x.gov\"\n+++\n## Q?\nA\n");
    assert_eq!(e[0].line, Some(4));
    assert_eq!(e[0].column, Some(11));
}

#[test]
fn toml_syntax_error_is_on_the_md_line() {
    let e = errors("+++\ntitle = \"in Iowa\nstate = \"IA\"\n+++\n## Q?\nA\n");
    assert_eq!(e[0].line, Some(2));
}

#[test]
fn unknown_state_and_unrecognizable_state_are_errors() {
    first_error_is(
        "+++\ntitle = \"x\"\nstate = \"Atlantis\"\n+++\n## Q?\nA\n",
        3,
        "Atlantis",
    );
    first_error_is(
        "+++\ntitle = \"Data sharing\"\n+++\n## Q?\nA\n",
        1,
        "no recognizable state",
    );
}

#[test]
fn missing_title_is_an_error() {
    let e = errors("+++\nstate = \"Iowa\"\n+++\n## Q?\nA\n");
    assert!(e[0].message.contains("`title`"));
}

#[test]
fn no_questions_is_an_error() {
    let e = errors("+++\ntitle = \"in Iowa\"\n+++\nJust text.\n### Not level two?\n");
    assert_eq!(e[0].line, Some(4));
    assert_eq!(e[0].message, "no questions found");
}

#[test]
fn pins_with_bad_keys_are_errors_naming_the_line() {
    let text = "+++\ntitle = \"in Iowa\"\n[pins]\n1 = \"consent\"\nthree = \"retention\"\n5 = \"x\"\n+++\n## Q?\nA\n";
    let e = errors(text);
    let got: Vec<(Option<usize>, bool)> = e
        .iter()
        .map(|d| (d.line, d.message.contains("question")))
        .collect();
    assert_eq!(got, [(Some(6), true), (Some(5), true)]);
    assert!(e[1].message.contains("\"three\""));
}

#[test]
fn non_http_sources_are_errors() {
    let e = errors("+++\ntitle = \"in Iowa\"\nsources = [\n  \"https://ok.gov\",\n  \"javascript:alert(1)\",\n]\n+++\n## Q?\nA\n");
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].line, Some(5));
    assert!(e[0].message.contains("javascript:alert(1)"));
}

#[test]
fn bad_dates_are_errors() {
    for bad in [
        "\"2024-02-30\"",
        "\"May 1\"",
        "2024-05-01T10:00:00",
        "20240501",
    ] {
        let e = errors(&format!(
            "+++\ntitle = \"in Iowa\"\nupdated = {bad}\n+++\n## Q?\nA\n"
        ));
        assert_eq!(e[0].line, Some(3), "{bad}");
    }
}

#[test]
fn warnings_for_heading_problems_keep_the_document() {
    let text = "+++\ntitle = \"in Iowa\"\n+++\n# A big title\n\n## No question mark\n\nA\n\n## Empty?\n\n## Last?\nLine\n---\n";
    let p = parse(text);
    assert!(p.doc.is_some());
    let got: Vec<(Severity, Option<usize>)> =
        p.diagnostics.iter().map(|d| (d.severity, d.line)).collect();
    assert_eq!(
        got,
        [
            (Severity::Warning, Some(4)),
            (Severity::Warning, Some(13)),
            (Severity::Warning, Some(6)),
            (Severity::Warning, Some(10)),
        ]
    );
    assert!(p.diagnostics[0].message.contains("level-1 heading"));
    let intro = p.doc.unwrap().intro.unwrap();
    assert!(markdown(&intro).contains("# A big title"));
}

#[test]
fn many_questions_parse() {
    let mut text = String::from("+++\ntitle = \"in Iowa\"\n+++\n");
    for i in 0..10_000 {
        text.push_str(&format!("## Question {i}?\nAnswer.\n"));
    }
    let d = doc(&text);
    assert_eq!(d.questions.len(), 10_000);
    assert_eq!(d.questions[9_999].line, 4 + 2 * 9_999);
}

fn fixture(name: &str) -> Parsed {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/markdown")
        .join(name);
    let bytes = std::fs::read(&path).expect("fixture");
    parse_state(&path, &bytes, &places())
}

#[test]
fn fixture_with_every_feature() {
    let parsed = fixture("vermont.md");
    assert_eq!(parsed.diagnostics, []);
    let d = parsed.doc.unwrap();
    assert_eq!(
        (d.state.code.as_str(), d.updated.as_deref()),
        ("VT", Some("2024-05-01"))
    );
    assert_eq!(d.sources.len(), 2);
    assert_eq!(
        numbered(&d),
        [
            (1, 14, "Which laws apply in Vermont?"),
            (2, 23, "What data is shared?"),
            (3, 35, "How long is the data kept?"),
        ]
    );
    assert_eq!(d.questions[2].pin, Some(("retention".to_string(), 10)));
    let r = crate::markdown::Renderer::new(false);
    let html: Vec<String> = d
        .questions
        .iter()
        .map(|q| crate::html::answer_html(&q.answer, &r))
        .collect();
    assert!(
        html[0].contains(
            "<a href=\"https://example.gov/statute\" title=\"The statute\">reference link</a>"
        ),
        "{}",
        html[0]
    );
    assert!(html[0].contains("<ol>") && html[0].contains("<ul>"));
    assert!(html[1].contains("## This line is code") && html[1].contains("<table>"));
    assert!(html[2].contains("<blockquote>") && html[2].contains("<h3>A subheading"));
}

#[test]
fn hostile_fixture_renders_no_script() {
    let d = fixture("hostile.md").doc.unwrap();
    assert_eq!(
        d.questions[0].text,
        "Does <img src=x onerror=alert(1)> show as text?"
    );
    let sources: Vec<&str> = std::iter::once(d.intro.as_ref().unwrap())
        .chain(d.questions.iter().map(|q| &q.answer))
        .map(markdown)
        .collect();
    for allow_html in [false, true] {
        let r = crate::markdown::Renderer::new(allow_html);
        let html: String = sources
            .iter()
            .map(|md| crate::html::write_html(r.events(md)))
            .collect();
        let lower = html.to_lowercase();
        for bad in [
            "href=\"javascript",
            "href=\"vbscript",
            "href=\"data",
            "href=\" javascript",
            "src=\"javascript",
            "src=\"data",
            "href=\"java",
        ] {
            assert!(!lower.contains(bad), "{bad} in {html}");
        }
        for text in [
            "plain javascript",
            "mixed case",
            "spaced",
            "tabbed",
            "vb",
            "image alt",
            "data image",
            "reference style",
        ] {
            assert!(html.contains(text), "{text} missing from {html}");
        }
        if !allow_html {
            assert!(
                !lower.contains("<script") && !lower.contains("<div") && !lower.contains("<b "),
                "{html}"
            );
            assert!(
                html.contains("&lt;script&gt;alert(\"intro\")&lt;/script&gt;"),
                "{html}"
            );
        }
    }
}

proptest! {
    #[test]
    fn never_panics_on_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = parse_state(Path::new("x.md"), &bytes, &places());
        let _ = crate::markdown::parse_page(Path::new("x.md"), &bytes);
    }

    #[test]
    fn never_panics_on_front_matter_like_text(
        toml in "[a-z0-9\\[\\]=\"\\-: \n+#]{0,120}",
        body in "[#a-zA-Z?`>\\- \n]{0,200}",
    ) {
        let text = format!("+++\n{toml}\n+++\n{body}");
        let _ = parse_state(Path::new("iowa.md"), text.as_bytes(), &places());
        let _ = crate::markdown::parse_page(Path::new("x.md"), text.as_bytes());
    }
}
