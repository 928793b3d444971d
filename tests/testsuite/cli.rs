//! The command line against broken input: each fixture under `tests/fixtures/` is built
//! or checked with the binary, and the test asserts the exit code and the message a user
//! sees (file, line, and the words that matter). Also: missing folders, unusable output
//! folders, and the user's files in the output folder.

use crate::harness;

use std::fs;
use std::path::Path;

use harness::{build, check, names, project, read, root, snapshot, stateside};

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
fn missing_content_is_an_error() {
    let dir = project("cname");
    fs::remove_dir_all(root(&dir).join("content")).unwrap();
    let run = build(&root(&dir), &dir.path().join("public"), &[]);
    run.code(1).says(
        "error:",
        &[
            "content",
            "missing folder",
            "the project needs content/",
            "--root DIR",
        ],
    );
    assert!(!dir.path().join("public").exists());
    check(&root(&dir))
        .code(1)
        .says("error:", &["missing folder: the project needs content/"]);
}

/// templates/ and static/ are optional: the built-in theme takes their place.
#[test]
fn without_templates_or_static_the_built_in_theme_is_used() {
    let dir = project("cname");
    let out = dir.path().join("public");
    let with_own = dir.path().join("own");
    build(&root(&dir), &with_own, &[]).code(0);
    fs::remove_dir_all(root(&dir).join("templates")).unwrap();
    fs::remove_dir_all(root(&dir).join("static")).unwrap();
    build(&root(&dir), &out, &[]).code(0);
    // The project's copies were the built-in files, so the pages are the same.
    for page in [
        "index.html",
        "states/iowa/index.html",
        "style.css",
        "print.js",
    ] {
        assert_eq!(read(&out.join(page)), read(&with_own.join(page)), "{page}");
    }
}

/// A project's file overrides the built-in one of the same name; the others still come
/// from the theme.
#[test]
fn a_project_template_or_static_file_overrides_the_built_in_one() {
    let dir = project("cname");
    let out = dir.path().join("public");
    fs::remove_dir_all(root(&dir).join("templates")).unwrap();
    fs::remove_dir_all(root(&dir).join("static")).unwrap();
    fs::create_dir_all(root(&dir).join("templates/partials")).unwrap();
    fs::write(
        root(&dir).join("templates/partials/footer.html"),
        "<footer>Our own footer</footer>\n",
    )
    .unwrap();
    fs::create_dir_all(root(&dir).join("static")).unwrap();
    fs::write(
        root(&dir).join("static/style.css"),
        "body { color: teal }\n",
    )
    .unwrap();
    build(&root(&dir), &out, &[]).code(0);
    let state = read(&out.join("states/iowa/index.html"));
    assert!(state.contains("Our own footer"), "{state}");
    assert!(state.contains("<main"), "the built-in layout is still used");
    assert_eq!(read(&out.join("style.css")), "body { color: teal }\n");
    assert!(
        out.join("print.js").is_file(),
        "built-in static files still come"
    );
}

#[test]
fn theme_eject_writes_the_built_in_files_and_keeps_the_projects() {
    let dir = project("cname");
    fs::remove_dir_all(root(&dir).join("templates")).unwrap();
    fs::remove_dir_all(root(&dir).join("static")).unwrap();
    fs::create_dir_all(root(&dir).join("static")).unwrap();
    fs::write(root(&dir).join("static/style.css"), "mine\n").unwrap();
    let run = stateside([
        "theme".as_ref(),
        "--eject".as_ref(),
        "--root".as_ref(),
        root(&dir).as_os_str(),
    ]);
    run.code(0);
    assert!(
        run.stdout.contains("style.css (it exists; not replaced)"),
        "{run}"
    );
    assert_eq!(read(&root(&dir).join("static/style.css")), "mine\n");
    for file in [
        "templates/base.html",
        "templates/partials/header.html",
        "static/print.js",
    ] {
        assert!(root(&dir).join(file).is_file(), "{file}");
    }
    build(&root(&dir), &dir.path().join("public"), &[]).code(0);
}

#[test]
fn init_makes_a_project_that_builds_and_refuses_a_folder_with_files() {
    let dir = tempfile::tempdir().unwrap();
    let new = dir.path().join("guide");
    let run = stateside(["init".as_ref(), new.as_os_str()]);
    run.code(0);
    assert!(run.stdout.contains("stateside serve"), "{run}");
    for file in [
        "content/site.toml",
        "content/topics.toml",
        "content/pages/about.md",
        ".github/workflows/pages.yml",
        ".gitignore",
    ] {
        assert!(new.join(file).is_file(), "{file}");
    }
    assert!(read(&new.join(".gitignore")).contains("public/"));
    assert!(!new.join("templates").exists() && !new.join("static").exists());
    build(&new, &new.join("public"), &[]).code(0).quiet();
    assert!(new.join("public/states/vermont/index.html").is_file());

    let site = read(&new.join("content/site.toml"));
    fs::write(
        new.join("content/site.toml"),
        "# edited\n".to_string() + &site,
    )
    .unwrap();
    let again = stateside(["init".as_ref(), new.as_os_str()]);
    again.code(1).says("error:", &["not empty", "--force"]);
    stateside(["init".as_ref(), "--force".as_ref(), new.as_os_str()]).code(0);
    assert!(read(&new.join("content/site.toml")).starts_with("# edited\n"));
}

#[test]
fn check_prints_problems_and_one_summary_line_last() {
    let dir = project("numbering-gap");
    let run = check(&root(&dir));
    run.code(0);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(
        lines.len(),
        1,
        "only the summary on stdout by default:\n{run}"
    );
    assert!(lines[0].starts_with("Checked 1 states"), "{run}");
    assert!(run.stderr.contains("warning:"), "{run}");
}

#[test]
fn check_one_state_by_name_code_or_file_name() {
    let dir = project("numbering-gap");
    let ohio = root(&dir).join("content/states/ohio.txt");
    fs::write(
        &ohio,
        "Data Sharing in Ohio\n\n1. What does Ohio share?\n\nAn answer.\n\n3. And then?\n\nAnother.\n",
    )
    .unwrap();
    let all = check(&root(&dir));
    assert!(all.stderr.contains("ohio.txt"), "{all}");
    assert!(all.stderr.contains("iowa.txt"), "{all}");
    for name in ["Ohio", "oh", "ohio.txt"] {
        let run = stateside([
            "check".as_ref(),
            "--root".as_ref(),
            root(&dir).as_os_str(),
            "--state".as_ref(),
            name.as_ref(),
        ]);
        run.code(0);
        assert!(run.stderr.contains("ohio.txt"), "{name}: {run}");
        assert!(!run.stderr.contains("iowa.txt"), "{name}: {run}");
        let last = run.stdout.lines().last().unwrap_or_default();
        assert!(
            last.starts_with("Checked Ohio (content/states/ohio.txt), 2 questions: 0 errors, "),
            "{name}: {run}"
        );
        assert!(run.stderr.contains("skips from 1 to 3"), "{name}: {run}");
    }
    let unknown = stateside([
        "check".as_ref(),
        "--root".as_ref(),
        root(&dir).as_os_str(),
        "--state".as_ref(),
        "Atlantis".as_ref(),
    ]);
    unknown.code(2);
    assert!(unknown.stderr.contains("Iowa, Ohio"), "{unknown}");
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
