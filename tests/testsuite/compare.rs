//! The comparison views built from the repository's own content (the Iowa and Alabama
//! documents): the states × indicators matrix and its map by value, the topic matrix of key
//! sentences, the two-state page and its per-state data scripts, the topic pages' values
//! table and jump menu, the print page's contents and sheet headers; and the matrix page of
//! a generated 50-state site stays under 400 KB.

use stateside::compare_data;
use stateside::model::Guide;
use stateside::output::OutputFile;
use stateside::render::{render_site, RenderOptions};

use crate::gen_corpus;
use crate::harness::repo;

fn built() -> (Guide, Vec<OutputFile>) {
    let (guide, _warnings) = stateside::load_guide(repo()).expect("the sample content loads");
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

/// Every `href` on `page` that leads into a state's folder, with the state's slug.
fn state_links(page: &str, root: &str) -> Vec<String> {
    let needle = format!("href=\"{root}states/");
    page.match_indices(&needle)
        .map(|(at, _)| {
            let rest = &page[at + needle.len()..];
            format!("states/{}", &rest[..rest.find('"').unwrap()])
        })
        .collect()
}

#[test]
fn the_matrix_gives_every_state_a_row_of_values_with_evidence_that_resolves() {
    let (guide, files) = built();
    let page = file(&files, "compare/index.html");
    assert_eq!(guide.indicators.len(), 6);
    for indicator in &guide.indicators {
        assert!(
            page.contains(&format!(
                "<th scope=\"col\" data-indicator=\"{}\">",
                indicator.id
            )),
            "no column for {}",
            indicator.id
        );
    }
    // The old matrix of answer openings is gone; the other views stay one link away.
    assert!(!page.contains("scroll the table sideways"));
    assert!(page.contains("href=\"../compare/topics/index.html\""));
    assert!(page.contains("href=\"../compare/states/index.html\""));
    for state in &guide.states {
        let start = page
            .find(&format!("<tr data-state=\"{}\">", state.code))
            .unwrap_or_else(|| panic!("no row for {}", state.name));
        let row = &page[start..start + page[start..].find("</tr>").unwrap()];
        assert!(row.contains(&format!(">{}</a></th>", state.name)));
        assert_eq!(row.matches("<td ").count(), guide.indicators.len());
        for coded in &state.indicators {
            let def = &guide.indicators[coded.indicator];
            let (id, words) = match coded.value {
                Some(v) => (def.values[v].id.as_str(), def.values[v].label.as_str()),
                None => ("not-stated", guide.not_stated_label.as_str()),
            };
            let cell = format!("<td data-indicator=\"{}\" data-value=\"{id}\"", def.id);
            let at = row
                .find(&cell)
                .unwrap_or_else(|| panic!("{} {}: {cell}", state.code, def.id));
            let cell = &row[at..at + row[at..].find("</td>").unwrap()];
            // The value in words, its label for the phone layout, and its mark.
            assert!(
                cell.contains(&format!("<span class=\"value-word\">{words}</span>")),
                "{cell}"
            );
            assert!(cell.contains(&format!("<span class=\"cell-label\">{}</span>", def.label)));
            assert!(cell.contains("<details class=\"cell-details\"><summary>"));
            if let Some(e) = &coded.evidence {
                let q = &state.questions[e.question];
                let href = format!("../states/{}/{}.html#{}", state.slug, q.slug, e.anchor);
                assert!(cell.contains(&format!("<a href=\"{href}\">")), "{cell}");
            }
        }
    }
    // "Not stated" looks different from "No": its own mark and style.
    assert!(page.contains("class=\"value-mark v-not-stated\" aria-hidden=\"true\">–</span>"));
    assert!(page.contains("class=\"value-mark v-no\" aria-hidden=\"true\">✗</span>"));
    // Every evidence link lands on an anchor its question page has.
    let links: Vec<String> = state_links(page, "../")
        .into_iter()
        .filter(|l| l.contains('#'))
        .collect();
    assert!(links.len() >= 6, "only {} evidence links", links.len());
    for link in links {
        let (path, anchor) = link.split_once('#').unwrap();
        let target = file(&files, path);
        assert!(target.contains(&format!("id=\"{anchor}\"")), "{link}");
    }
}

#[test]
fn the_map_shows_values_on_the_matrix_and_coverage_on_the_index() {
    let (guide, files) = built();
    let first = &guide.indicators[0];
    let iowa = guide.states.iter().find(|s| s.code == "IA").unwrap();
    let value = iowa.indicators[0]
        .value
        .map_or(guide.not_stated_label.as_str(), |v| {
            first.values[v].label.as_str()
        });
    let matrix = file(&files, "compare/index.html");
    // The first indicator from the start, each square's value in words for its name.
    assert!(
        matrix.contains(&format!(
            "<span class=\"visually-hidden\" data-tile-name=\"Iowa\">Iowa: {value}</span>"
        )),
        "{value}"
    );
    assert!(matrix.contains(&format!(
        "<div class=\"map-legend\" data-legend=\"{}\">",
        first.id
    )));
    let index = file(&files, "index.html");
    assert!(index.contains("<span class=\"visually-hidden\" data-tile-name=\"Iowa\">Iowa</span>"));
    assert!(index.contains("<option value=\"\" selected>Covered or not</option>"));
    assert!(index.contains(&format!(
        "<div class=\"map-legend\" data-legend=\"{}\" hidden>",
        first.id
    )));
    assert!(index.contains("compare.js"));
    // Each covered square carries its values for the map's script, in indicator order.
    let ids: Vec<&str> = iowa
        .indicators
        .iter()
        .map(|c| {
            c.value.map_or("not-stated", |v| {
                guide.indicators[c.indicator].values[v].id.as_str()
            })
        })
        .collect();
    assert!(index.contains(&format!("data-values=\"{}\"", ids.join(" "))));
    // Places the guide does not cover still say so.
    assert!(index.contains("Texas: not covered"));
}

#[test]
fn topic_pages_open_with_their_indicators_values() {
    let (guide, files) = built();
    for topic in &guide.topics {
        let page = file(&files, &format!("topics/{}/index.html", topic.id));
        let mine: Vec<_> = guide
            .indicators
            .iter()
            .filter(|i| i.topic == topic.id)
            .collect();
        assert_eq!(
            page.contains("<table class=\"topic-values\">"),
            !mine.is_empty(),
            "{}",
            topic.id
        );
        if mine.is_empty() {
            continue;
        }
        let table = &page[..page.find("</table>").unwrap()];
        let answers = page.find("<section class=\"qa\"").unwrap_or(page.len());
        assert!(table.len() < answers, "the values come before the answers");
        for state in &guide.states {
            assert!(
                table.contains(&format!(">{}</a></th>", state.name)),
                "{} {}",
                topic.id,
                state.name
            );
        }
        for link in state_links(table, "../../")
            .into_iter()
            .filter(|l| l.contains('#'))
        {
            let (path, anchor) = link.split_once('#').unwrap();
            assert!(
                file(&files, path).contains(&format!("id=\"{anchor}\"")),
                "{link}"
            );
        }
    }
}

#[test]
fn a_generated_50_state_sites_matrix_stays_under_400_kb() {
    let project = tempfile::tempdir().unwrap();
    let corpus = gen_corpus::generate(50, 7);
    gen_corpus::write_project(&corpus, repo(), project.path()).unwrap();
    let out = tempfile::tempdir().unwrap();
    stateside::build(&stateside::BuildOptions {
        root: project.path().to_path_buf(),
        output: Some(out.path().join("site")),
        base_url: None,
        minify: true,
    })
    .expect("the generated site builds");
    let page = std::fs::read_to_string(out.path().join("site/compare/index.html")).unwrap();
    assert_eq!(page.matches("<tr data-state=").count(), 50);
    assert!(
        page.contains("<blockquote>"),
        "the generated states have evidence"
    );
    assert!(
        page.len() < 400 * 1024,
        "compare/index.html is {} KB",
        page.len() / 1024
    );
}
