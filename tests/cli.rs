//! The command line against broken input: each fixture under `tests/fixtures/` is built
//! or checked with the binary, and the test asserts the exit code and the message a user
//! sees (file, line, and the words that matter). Also: missing folders, unusable output
//! folders, and the user's files in the output folder.

mod harness;

use std::fs;
use std::path::Path;

use harness::{build, check, names, project, read, root, snapshot};

const IOWA: &str = "content/states/iowa.txt";
const OHIO_MD: &str = "content/states/ohio.md";

/// Builds a fixture into `<temp>/public`; returns the temp folder and the run.
fn build_fixture(name: &str) -> (tempfile::TempDir, harness::Run) {
    let dir = project(name);
    let run = build(&root(&dir), &dir.path().join("public"), &[]);
    (dir, run)
}

/// The build failed on content: every problem was listed, then the closing lines.
fn refused(run: &harness::Run, errors: usize) {
    run.code(1)
        .says(
            "error:",
            &[&format!("{errors} content error(s); nothing was written")],
        )
        .mentions("The previous output, if any, was left as it was.");
}

fn question_pages(out: &Path, state: &str) -> Vec<String> {
    names(&out.join("states").join(state))
        .into_iter()
        .filter(|n| n != "index.html")
        .collect()
}

// ---- State files that cannot be used -------------------------------------------------

#[test]
fn empty_file() {
    let (dir, run) = build_fixture("empty-file-invalid");
    run.says(&format!("{IOWA}: error:"), &["the file is empty"])
        .mentions("help: write a title line");
    refused(&run, 1);
    assert!(!dir.path().join("public").exists());
    check(&root(&dir))
        .code(1)
        .says(&format!("{IOWA}: error:"), &["the file is empty"]);
}

#[test]
fn only_a_title() {
    let (_dir, run) = build_fixture("title-only-invalid");
    run.says(&format!("{IOWA}:1: error:"), &["no questions found"])
        .mentions("help: start each question on its own line as \"1. What …?\"");
    refused(&run, 1);
}

#[test]
fn no_questions() {
    let (_dir, run) = build_fixture("no-questions-invalid");
    run.says(&format!("{IOWA}:3: error:"), &["no questions found"]);
    refused(&run, 1);
}

#[test]
fn invalid_utf8_names_the_byte_offset() {
    let (dir, run) = build_fixture("invalid-utf8-invalid");
    let bytes = fs::read(root(&dir).join(IOWA)).unwrap();
    let offset = bytes.iter().position(|&b| b == 0xE9).unwrap();
    run.says(
        &format!("{IOWA}:5: error:"),
        &[&format!("invalid UTF-8 at byte offset {offset}")],
    )
    .mentions("help: save the file as UTF-8");
    refused(&run, 1);
}

#[test]
fn nul_bytes() {
    let (dir, run) = build_fixture("nul-bytes-invalid");
    let bytes = fs::read(root(&dir).join(IOWA)).unwrap();
    let offset = bytes.iter().position(|&b| b == 0).unwrap();
    run.says(
        &format!("{IOWA}:5: error:"),
        &[&format!("NUL byte at byte offset {offset}"), "binary file"],
    );
    refused(&run, 1);
}

#[test]
fn two_files_for_one_state_name_both() {
    let (_dir, run) = build_fixture("duplicate-state-invalid");
    run.says(
        &format!("{IOWA}: error:"),
        &[
            "a second file for Iowa",
            "content/states/iowa-2024.txt covers it already",
        ],
    )
    .mentions("help: keep one file per state");
    refused(&run, 1);
}

#[test]
fn a_place_that_is_not_a_us_state() {
    let (_dir, run) = build_fixture("unknown-state-invalid");
    run.says(
        "content/states/ontario.txt:1: error:",
        &[
            "unknown state \"Ontario\"",
            "not one of the 50 states, DC or a US territory",
        ],
    )
    .mentions("[[extra_jurisdictions]]");
    refused(&run, 1);
}

// ---- Problems the build goes on with ---------------------------------------------------

#[test]
fn numbering_that_skips_warns_and_builds() {
    let (dir, run) = build_fixture("numbering-gap");
    run.code(0).says(
        &format!("{IOWA}:11: warning:"),
        &["question numbering skips from 2 to 4 (no question 3)"],
    );
    assert!(run.stdout.contains("(1 warnings)"), "{run}");
    assert_eq!(question_pages(&dir.path().join("public"), "iowa").len(), 3);
}

#[test]
fn a_repeated_number_warns_and_no_page_overwrites_another() {
    let (dir, run) = build_fixture("numbering-repeat");
    run.code(0).says(
        &format!("{IOWA}:11: warning:"),
        &["question number 2 repeats (line 7 has the same number)"],
    );
    let out = dir.path().join("public/states/iowa");
    let pages = question_pages(&dir.path().join("public"), "iowa");
    assert_eq!(pages.len(), 3, "{pages:?}");
    for text in ["How long is the data kept?", "Who audits the sharing?"] {
        let holding: Vec<&String> = pages
            .iter()
            .filter(|p| read(&out.join(p)).contains(&format!("<h1>{text}</h1>")))
            .collect();
        assert_eq!(holding.len(), 1, "{text}: {holding:?}");
    }
    let state = read(&out.join("index.html"));
    assert!(
        state.contains("id=q2>") || state.contains("id=\"q2\""),
        "anchor q2"
    );
    assert!(
        state.contains("id=q2-2>") || state.contains("id=\"q2-2\""),
        "anchor q2-2"
    );
}

#[test]
fn unaligned_questions_with_one_number_get_their_own_pages() {
    let dir = project("numbering-repeat");
    let text = "State DMV Data Sharing With ICE in Iowa\n\n1. Who won the game?\n\nUs.\n\n\
                2. Who won the cup?\n\nWe did.\n\n2. Who won the cup?\n\nThey did.\n";
    fs::write(root(&dir).join(IOWA), text).unwrap();
    let out = dir.path().join("public");
    build(&root(&dir), &out, &[]).code(0).says(
        &format!("{IOWA}:11: warning:"),
        &["question number 2 repeats (line 7 has the same number)"],
    );
    assert_eq!(
        question_pages(&out, "iowa"),
        [
            "q1-who-won-the-game.html",
            "q2-who-won-the-cup-2.html",
            "q2-who-won-the-cup.html"
        ]
    );
    let first = read(&out.join("states/iowa/q2-who-won-the-cup.html"));
    let second = read(&out.join("states/iowa/q2-who-won-the-cup-2.html"));
    assert!(first.contains("We did.") && !first.contains("They did."));
    assert!(second.contains("They did.") && !second.contains("We did."));
}

#[test]
fn a_question_without_a_question_mark_warns() {
    let (_dir, run) = build_fixture("no-question-mark");
    run.code(0).says(
        &format!("{IOWA}:3: warning:"),
        &["question 1 does not end with '?'"],
    );
}

#[test]
fn numbered_items_in_an_answer_that_end_in_a_question_mark_stay_in_the_answer() {
    let dir = project("answer-list-questions");
    check(&root(&dir))
        .code(0)
        .quiet()
        .stdout
        .contains("Checked 1 states, 2 questions: 0 errors, 0 warnings")
        .then_some(())
        .expect("two questions");
    let out = dir.path().join("public");
    build(&root(&dir), &out, &["--no-minify"]).code(0).quiet();
    let state = read(&out.join("states/iowa/index.html"));
    for item in ["Is the statute clear?", "Who decided?"] {
        assert!(state.contains(&format!("<li>{item}</li>")), "{item}");
    }
}

#[test]
fn crlf_line_endings_are_read_like_lf() {
    let (dir, run) = build_fixture("crlf");
    run.code(0).quiet();
    let out = dir.path().join("public");
    for page in [
        "states/iowa/index.html",
        "states/ohio/index.html",
        "about/index.html",
    ] {
        assert!(!read(&out.join(page)).contains('\r'), "{page}");
    }
    assert!(read(&out.join("states/iowa/index.html")).contains("<li>two</li>"));
}

#[test]
fn a_byte_order_mark_is_skipped() {
    let (dir, run) = build_fixture("bom");
    run.code(0).quiet();
    let out = dir.path().join("public");
    for state in ["iowa", "ohio"] {
        let page = read(&out.join(format!("states/{state}/index.html")));
        assert!(!page.contains('\u{feff}'), "{state}");
        assert!(
            page.contains("State DMV Data Sharing With ICE in"),
            "{state}"
        );
    }
}

#[test]
fn a_2000_character_question_builds_with_a_short_file_name() {
    let (dir, run) = build_fixture("long-question");
    run.code(0);
    let source = read(&root(&dir).join(IOWA));
    let question = source.lines().nth(2).unwrap().strip_prefix("1. ").unwrap();
    assert_eq!(question.chars().count(), 2000);
    let out = dir.path().join("public");
    for page in question_pages(&out, "iowa") {
        assert!(page.len() <= 80, "{page}");
    }
    assert!(read(&out.join("states/iowa/index.html")).contains(question));
}

#[test]
fn lists_nested_100_deep_keep_their_text() {
    let (dir, run) = build_fixture("nested-lists");
    run.code(0);
    let out = dir.path().join("public");
    for state in ["iowa", "ohio"] {
        let page = read(&out.join(format!("states/{state}/index.html")));
        assert!(
            page.contains("level 0") && page.contains("level 99"),
            "{state}"
        );
        assert!(
            page.matches("<ul>").count() <= 40,
            "{state}: lists not bounded"
        );
    }
}

#[test]
fn a_file_name_with_spaces_and_accents_builds_with_ascii_paths() {
    let (dir, run) = build_fixture("non-ascii-file-name");
    run.code(0).quiet();
    let out = dir.path().join("public");
    assert!(out.join("states/new-york/index.html").is_file());
    assert!(out.join("uber-uns/index.html").is_file());
    for entry in walkdir::WalkDir::new(&out).min_depth(1) {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy();
        assert!(name.is_ascii() && !name.contains(' '), "{name}");
    }
}

// ---- Markdown front matter and configuration ------------------------------------------

#[test]
fn front_matter_that_is_never_closed() {
    let (_dir, run) = build_fixture("front-matter-unclosed-invalid");
    run.says(
        &format!("{OHIO_MD}:1: error:"),
        &["the front matter opened with `+++` on line 1 is never closed"],
    )
    .mentions("help: add a line `+++` after the last setting");
    refused(&run, 1);
}

#[test]
fn front_matter_of_the_wrong_type_names_key_and_line() {
    let (_dir, run) = build_fixture("front-matter-wrong-type-invalid");
    run.says(
        &format!("{OHIO_MD}:4:11: error:"),
        &["`sources`", "invalid type: string", "expected a sequence"],
    );
    refused(&run, 1);
}

#[test]
fn unknown_front_matter_keys_and_wrong_types_in_pages() {
    let (_dir, run) = build_fixture("front-matter-unknown-key-invalid");
    run.says(
        &format!("{OHIO_MD}:4:1: error:"),
        &["unknown field `author`", "expected one of `state`, `title`"],
    )
    .says(
        "content/pages/about.md:3:10: error:",
        &["`weight`", "invalid type: string \"first\""],
    );
    refused(&run, 2);
}

#[test]
fn topics_with_a_duplicate_id() {
    let (_dir, run) = build_fixture("topics-duplicate-id-invalid");
    run.says(
        "content/topics.toml:20: error:",
        &["topic id \"retention\" is used twice"],
    )
    .mentions("help: give every [[topic]] its own id");
    refused(&run, 1);
}

#[test]
fn topics_with_an_empty_label() {
    let (_dir, run) = build_fixture("topics-empty-label-invalid");
    run.says(
        "content/topics.toml:14: error:",
        &["topic \"audits\" has an empty label"],
    );
    refused(&run, 1);
}

#[test]
fn topics_with_a_syntax_error() {
    let (_dir, run) = build_fixture("topics-syntax-invalid");
    run.says(
        "content/topics.toml:11:36: error:",
        &["invalid basic string"],
    )
    .mentions("help: fix the TOML at this place");
    refused(&run, 1);
}

#[test]
fn a_template_with_a_syntax_error_names_file_and_line() {
    let (dir, run) = build_fixture("template-syntax-invalid");
    run.code(1)
        .says("error: template state.html: Found `</`", &["expected }}"])
        .mentions("--> state.html:4:22");
    assert!(!dir.path().join("public").exists());
}

#[test]
fn a_template_with_an_unknown_variable_names_file_line_and_page() {
    let (_dir, run) = build_fixture("template-unknown-variable-invalid");
    run.code(1)
        .says(
            "error: template state.html: Field `no_such_field` is not defined",
            &["Available fields: category"],
        )
        .mentions("--> state.html:4:13")
        .mentions("while rendering states/iowa/index.html");
}

// ---- The project's folders and files ---------------------------------------------------

#[test]
fn missing_content_templates_or_static() {
    for (missing, words) in [
        ("content", "the project needs content/"),
        ("templates", "the project needs templates/"),
        ("static", "the project needs static/"),
    ] {
        let dir = project("cname");
        fs::remove_dir_all(root(&dir).join(missing)).unwrap();
        let run = build(&root(&dir), &dir.path().join("public"), &[]);
        run.code(1)
            .says("error:", &[missing, "missing folder", words, "--root DIR"]);
        assert!(!dir.path().join("public").exists());
    }
    let dir = project("cname");
    fs::remove_dir_all(root(&dir).join("content")).unwrap();
    check(&root(&dir))
        .code(1)
        .says("error:", &["missing folder: the project needs content/"]);
}

#[test]
fn an_unreadable_state_file() {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let dir = project("cname");
        let file = root(&dir).join(IOWA);
        fs::set_permissions(&file, fs::Permissions::from_mode(0o000)).unwrap();
        if fs::read(&file).is_ok() {
            println!(
                "note: running as root, where chmod 000 does not stop reads; \
                 the unreadable-file case is covered by a pipe and a folder instead"
            );
        } else {
            check(&root(&dir)).code(1).says(
                &format!("{IOWA}: error:"),
                &["cannot read the file", "ermission denied"],
            );
        }
        fs::set_permissions(&file, fs::Permissions::from_mode(0o644)).unwrap();
    }
}

#[test]
#[cfg(unix)]
fn a_named_pipe_or_a_dangling_link_is_an_error_not_a_hang() {
    let dir = project("cname");
    let states = root(&dir).join("content/states");
    let fifo = states.join("ohio.txt");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    std::os::unix::fs::symlink(states.join("nowhere.txt"), states.join("utah.txt")).unwrap();
    let run = check(&root(&dir));
    run.code(1)
        .says(
            "content/states/ohio.txt: error:",
            &["cannot read the file", "not a regular file"],
        )
        .says(
            "content/states/utah.txt: error:",
            &["cannot read the file", "No such file"],
        );
}

#[test]
fn a_folder_where_a_config_file_belongs() {
    let dir = project("cname");
    let site = root(&dir).join("content/site.toml");
    fs::remove_file(&site).unwrap();
    fs::create_dir(&site).unwrap();
    let run = build(&root(&dir), &dir.path().join("public"), &[]);
    run.code(1)
        .says("error: content/site.toml:", &["not a regular file"]);
    assert_eq!(run.stderr.matches("not a regular file").count(), 1, "{run}");
}

// ---- The output folder -----------------------------------------------------------------

#[test]
fn an_output_folder_that_is_a_file_is_refused_and_kept() {
    let dir = project("cname");
    let out = dir.path().join("public");
    fs::write(&out, "my notes").unwrap();
    build(&root(&dir), &out, &[]).code(1).says(
        "error:",
        &["the output path is a file, not a folder", "--output"],
    );
    assert_eq!(read(&out), "my notes");
}

#[test]
fn a_foreign_non_empty_output_folder_is_refused_and_untouched() {
    let dir = project("cname");
    let out = dir.path().join("thesis");
    fs::create_dir_all(out.join("chapters")).unwrap();
    fs::write(out.join("chapters/one.tex"), "precious").unwrap();
    fs::write(out.join("index.html"), "<p>my own site</p>").unwrap();
    let before = snapshot(&out);
    build(&root(&dir), &out, &[]).code(1).says(
        "error:",
        &[
            "not created by stateside",
            "it has no .stateside file",
            "choose another --output folder, or empty or remove this one yourself",
        ],
    );
    harness::assert_same_tree(&before, &snapshot(&out));
    assert_eq!(names(dir.path()), ["project", "thesis"]);
}

#[test]
fn dotfiles_and_cname_in_the_output_are_kept_and_static_cname_is_copied() {
    let dir = project("cname");
    let out = dir.path().join("public");
    build(&root(&dir), &out, &[]).code(0);
    assert_eq!(read(&out.join("CNAME")), "guide.example.org\n");
    fs::create_dir_all(out.join(".git/refs")).unwrap();
    fs::write(out.join(".git/HEAD"), "ref: refs/heads/gh-pages\n").unwrap();
    fs::write(out.join(".well-known"), "x").unwrap();
    // A page of an earlier build that this one does not make goes; a file of the
    // user's, which no build wrote, stays.
    let stale_page = root(&dir).join("content/pages/stale.md");
    fs::create_dir_all(stale_page.parent().unwrap()).unwrap();
    fs::write(
        &stale_page,
        "+++\ntitle = \"Stale\"\n+++\n\nFrom an old build.\n",
    )
    .unwrap();
    build(&root(&dir), &out, &[]).code(0);
    assert!(out.join("stale/index.html").is_file());
    fs::remove_file(&stale_page).unwrap();
    fs::write(out.join("notes.txt"), "my own file").unwrap();
    build(&root(&dir), &out, &[]).code(0);
    assert!(!out.join("stale").exists());
    assert_eq!(read(&out.join("notes.txt")), "my own file");
    assert_eq!(read(&out.join(".git/HEAD")), "ref: refs/heads/gh-pages\n");
    assert!(out.join(".git/refs").is_dir());
    assert_eq!(read(&out.join(".well-known")), "x");
    assert_eq!(read(&out.join("CNAME")), "guide.example.org\n");

    // Without static/CNAME, the one the user put in the output stays.
    fs::remove_file(root(&dir).join("static/CNAME")).unwrap();
    fs::write(out.join("CNAME"), "mine.example.org\n").unwrap();
    build(&root(&dir), &out, &[]).code(0);
    assert_eq!(read(&out.join("CNAME")), "mine.example.org\n");
    assert_eq!(names(dir.path()), ["project", "public"]);
}
