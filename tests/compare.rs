//! The comparison views built from the repository's own content (the Iowa and Alabama
//! documents): the topic matrix of key sentences, the two-state page and its per-state data
//! scripts, the topic pages' jump menu and the print page's contents and sheet headers.

use std::path::PathBuf;

use stateside::compare_data;
use stateside::model::Guide;
use stateside::output::OutputFile;
use stateside::render::{render_site, RenderOptions};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn built() -> (Guide, Vec<OutputFile>) {
    let (guide, _warnings) = stateside::load_guide(&repo()).expect("the sample content loads");
    let files = render_site(&guide, &repo().join("templates"), &RenderOptions::default())
        .expect("the site renders");
    (guide, files)
}

fn file<'f>(files: &'f [OutputFile], path: &str) -> &'f str {
    let f = files
        .iter()
        .find(|f| f.path == path)
        .unwrap_or_else(|| panic!("{path} was not generated"));
    std::str::from_utf8(&f.contents).unwrap()
}

#[test]
fn topic_matrix_shows_key_sentences_for_answered_topics_only() {
    let (guide, files) = built();
    let page = file(&files, "compare/topics/index.html");
    let answered: Vec<_> = guide
        .topics
        .iter()
        .filter(|t| !t.answers.is_empty())
        .collect();
    assert!(
        answered.len() < guide.topics.len(),
        "the samples leave some topics unanswered"
    );
    for topic in &guide.topics {
        let column = format!("<th scope=\"col\" data-topic=\"{}\">", topic.id);
        assert_eq!(
            page.contains(&column),
            !topic.answers.is_empty(),
            "{}",
            topic.id
        );
    }
    let iowa = guide.states.iter().find(|s| s.code == "IA").unwrap();
    let laws_topic = guide.topics.iter().position(|t| t.id == "laws").unwrap();
    let laws = iowa
        .questions
        .iter()
        .find(|q| q.topic == Some(laws_topic))
        .unwrap();
    // Iowa's answer on laws opens by restating the question; its key sentence names the
    // statute instead, without the list number it had.
    assert!(laws
        .answer_text
        .starts_with("In Iowa, the sharing of DMV data"));
    assert!(
        laws.key_sentence.starts_with("Iowa Code Section 321.11"),
        "{}",
        laws.key_sentence
    );
    // One link per cell, after the plain-text sentence.
    let cell = format!(
        "<td>{} <a href=\"../../states/iowa/{}.html\">Full answer</a></td>",
        laws.key_sentence, laws.slug
    );
    assert!(page.contains(&cell), "no cell {cell}");
    for state in &guide.states {
        for q in &state.questions {
            assert!(q.key_sentence.chars().count() <= 151, "{}", q.key_sentence);
            assert!(
                !q.key_sentence.starts_with(|c: char| c.is_ascii_digit()),
                "{}",
                q.key_sentence
            );
        }
    }
}

#[test]
fn unanswered_topics_are_left_out_of_the_index_and_say_so_once() {
    let (guide, files) = built();
    let index = file(&files, "index.html");
    let empty = guide.topics.iter().find(|t| t.answers.is_empty()).unwrap();
    let link = format!("topics/{}/index.html", empty.id);
    assert!(!index.contains(&link), "the index lists {}", empty.id);
    let page = file(&files, &link);
    assert_eq!(
        page.matches("No state answers this question yet.").count(),
        1
    );
    assert!(!page.contains("Not covered by:"));
}

#[test]
fn each_state_has_one_data_script_with_its_answers() {
    let (guide, files) = built();
    let scripts = compare_data::scripts(&guide);
    assert_eq!(scripts.len(), guide.states.len());
    let iowa = scripts
        .iter()
        .find(|f| f.path == "compare/states/data/iowa.js")
        .expect("Iowa's script");
    let js = std::str::from_utf8(&iowa.contents).unwrap();
    let json = js
        .strip_prefix("(window.statesideStates=window.statesideStates||{})[\"IA\"]=")
        .and_then(|rest| rest.strip_suffix(";\n"))
        .expect("the script assigns Iowa's data");
    let data: serde_json::Value = serde_json::from_str(json).unwrap();
    assert_eq!(data["name"], "Iowa");
    let laws_topic = guide.topics.iter().position(|t| t.id == "laws").unwrap();
    let ia = guide.states.iter().find(|s| s.code == "IA").unwrap();
    let laws = &ia.questions[ia.by_topic[laws_topic].unwrap()];
    assert_eq!(data["answers"]["laws"]["slug"], laws.slug.as_str());
    assert!(data["answers"]["laws"]["html"]
        .as_str()
        .unwrap()
        .contains("321.11"));
    // Both indicator sets travel with the answers: every indicator, in the guide's order.
    let coded = data["indicators"].as_array().unwrap();
    let ids: Vec<&str> = coded.iter().map(|c| c["id"].as_str().unwrap()).collect();
    let expected: Vec<&str> = guide.indicators.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, expected);
    // The page names each state's script by slug, and falls back to the matrix.
    let page = file(&files, "compare/states/index.html");
    assert!(page.contains("<option value=\"IA\" data-slug=\"iowa\">Iowa</option>"));
    assert!(page.contains("href=\"../../compare/topics/index.html\""));
    let state = file(&files, "states/iowa/index.html");
    assert!(state.contains("href=\"../../compare/states/index.html?a=IA\""));
}

#[test]
fn print_page_has_contents_and_names_each_states_sheets() {
    let (_, files) = built();
    let page = file(&files, "print/index.html");
    assert!(page.contains("<h2 id=\"toc-heading\">Contents</h2>"));
    assert!(page.contains("<li data-toc-state=\"IA\"><a href=\"#state-iowa\">Iowa</a>"));
    assert!(page.contains("@page s-iowa{@top-left{content:\"Iowa\""));
    assert!(page.contains("data-print-state=\"IA\" style=\"page: s-iowa\""));
}

#[test]
fn topic_pages_offer_the_jump_list() {
    let (guide, files) = built();
    let topic = guide.topics.iter().find(|t| t.answers.len() == 2).unwrap();
    let page = file(&files, &format!("topics/{}/index.html", topic.id));
    assert!(page.contains("data-jump>"));
    assert!(page.contains("<li><a href=\"#state-alabama\">Alabama</a></li>"));
    assert!(page.contains("compare.js"));
}
