//! The rendered site, checked from the outside: a small hand-built guide goes through
//! `render_site` with the repository's templates, the files land in a temp folder beside a
//! copy of `static/`, and the tests read them back as a browser or crawler would.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use stateside::config::SiteConfig;
use stateside::model::{Guide, PageModel, QuestionModel, StateModel, TopicModel};
use stateside::output::OutputFile;
use stateside::render::{render_site, RenderOptions};
use stateside::Error;

use crate::harness::{copy_all, file, repo, write_site};

const BASE_URL: &str = "https://u.github.io/repo/";

fn templates() -> PathBuf {
    repo().join("templates")
}

struct Q {
    text: &'static str,
    topic: Option<usize>,
    html: &'static str,
    plain: &'static str,
}

fn topic(id: &str, label: &str, title: &str) -> TopicModel {
    TopicModel {
        id: id.into(),
        label: label.into(),
        title: title.into(),
        answers: Vec::new(),
    }
}

fn state(name: &str, code: &str, tile: Option<(u8, u8)>, questions: &[Q]) -> StateModel {
    let slug = name.to_lowercase().replace(' ', "-");
    StateModel {
        name: name.into(),
        code: code.into(),
        slug: slug.clone(),
        title: format!("State DMV Data Sharing With ICE in {name}"),
        category: Some("Federal Government".into()),
        updated: Some("2024-05-01".into()),
        sources: vec!["https://example.org/law".into(), format!("{name} archives")],
        source_file: format!("{slug}.txt"),
        intro_html: None,
        tile,
        questions: questions
            .iter()
            .enumerate()
            .map(|(i, q)| {
                let number = i as u32 + 1;
                QuestionModel {
                    number,
                    line: 3 + 4 * i,
                    text: q.text.into(),
                    topic: q.topic,
                    score: 0.5,
                    pinned: false,
                    slug: String::new(),
                    anchor: format!("q{number}"),
                    answer_html: q.html.into(),
                    answer_text: q.plain.into(),
                    summary: q.plain.split('.').next().unwrap_or("").to_string() + ".",
                    key_sentence: q.plain.split('.').next().unwrap_or("").to_string() + ".",
                }
            })
            .collect(),
        by_topic: Vec::new(),
        indicators: Vec::new(),
    }
}

/// Gives questions slugs named by their topic, then links states and topics with the
/// model stage's own `link_topics` (so the test cannot drift from `model::build`).
fn link_up(mut guide: Guide) -> Guide {
    for state in &mut guide.states {
        for question in &mut state.questions {
            question.slug = match question.topic {
                Some(t) => guide.topics[t].id.clone(),
                None => format!("q{}-unmatched-question", question.number),
            };
        }
    }
    stateside::model::link_topics(&mut guide.states, &mut guide.topics);
    guide
}

fn site_config(base_url: &str) -> SiteConfig {
    SiteConfig {
        title: "DMV Data Sharing With ICE".into(),
        description: "What each state's DMV shares with immigration enforcement.".into(),
        base_url: base_url.into(),
        language: "en".into(),
        publisher: "Test Press".into(),
        source_note: Some("Compiled from public records.".into()),
        allow_html: false,
        extra_jurisdictions: Vec::new(),
    }
}

const ESCAPED_SCRIPT: &str = "<p>They wrote &lt;script&gt;alert(1)&lt;/script&gt; in the form.</p>";
const IOWA_INTRO: &str = "<p>Iowa's document opens with this introduction.</p>";
const TAG_QUESTION: &str = "Is <b>this</b> & that shared?";

/// Three states, three topics: Alabama lacks the privacy topic and has an unaligned
/// question whose text looks like HTML; Iowa's answer has escaped script text; Texas's
/// answer has a Markdown heading.
fn sample_guide(base_url: &str) -> Guide {
    let laws = "<p>State law regulates it. More detail follows.</p>";
    let mut guide = Guide {
        site: site_config(base_url),
        topics: vec![
            topic(
                "laws",
                "Laws",
                "What laws regulate the sharing of DMV data with ICE?",
            ),
            topic(
                "information",
                "Information",
                "What information is shared with ICE?",
            ),
            topic("privacy", "Privacy", "What are the privacy concerns?"),
        ],
        states: vec![
            state(
                "Alabama",
                "AL",
                Some((6, 7)),
                &[
                    Q {
                        text: "What laws regulate sharing in Alabama?",
                        topic: Some(0),
                        html: laws,
                        plain: "State law regulates it. More detail follows.",
                    },
                    Q {
                        text: "What information is shared in Alabama?",
                        topic: Some(1),
                        html: "<ol><li>Names</li><li>Addresses</li></ol>",
                        plain: "1. Names\n2. Addresses",
                    },
                    Q {
                        text: TAG_QUESTION,
                        topic: None,
                        html: "<p>Not in <em>Alabama</em>.</p>",
                        plain: "Not in Alabama.",
                    },
                ],
            ),
            state(
                "Iowa",
                "IA",
                Some((3, 5)),
                &[
                    Q {
                        text: "What laws regulate sharing in Iowa?",
                        topic: Some(0),
                        html: laws,
                        plain: "State law regulates it. More detail follows.",
                    },
                    Q {
                        text: "What are the privacy concerns in Iowa?",
                        topic: Some(2),
                        html: ESCAPED_SCRIPT,
                        plain: "They wrote <script>alert(1)</script> in the form.",
                    },
                    Q {
                        text: "What information is shared in Iowa?",
                        topic: Some(1),
                        html: "<p>Licence records.</p>",
                        plain: "Licence records.",
                    },
                ],
            ),
            state(
                "Texas",
                "TX",
                Some((7, 4)),
                &[
                    Q {
                        text: "What laws regulate sharing in Texas?",
                        topic: Some(0),
                        html: "<p>Several.</p><h3>Details</h3><p>See the code.</p>",
                        plain: "Several.\n\nDetails\n\nSee the code.",
                    },
                    Q {
                        text: "What information is shared in Texas?",
                        topic: Some(1),
                        html: "<p>Photos.</p>",
                        plain: "Photos.",
                    },
                    Q {
                        text: "What are the privacy concerns in Texas?",
                        topic: Some(2),
                        html: "<p>Many.</p>",
                        plain: "Many.",
                    },
                ],
            ),
        ],
        pages: vec![PageModel {
            slug: "about".into(),
            title: "About this guide".into(),
            description: "Who made this guide and how.".into(),
            weight: 0,
            html:
                "<p>Made by volunteers. <a href=\"../data/states.json\">Download the data</a>.</p>"
                    .into(),
        }],
        indicators: Vec::new(),
        not_stated_label: "Not stated".into(),
        highlight_css: None,
    };
    guide.states[1].intro_html = Some(IOWA_INTRO.into());
    link_up(guide)
}

fn render(guide: &Guide) -> Vec<OutputFile> {
    render_site(guide, &templates(), &RenderOptions::default()).expect("site renders")
}

fn html_pages(files: &[OutputFile]) -> impl Iterator<Item = (&str, &str)> {
    files
        .iter()
        .filter(|f| f.path.ends_with(".html"))
        .map(|f| (f.path.as_str(), std::str::from_utf8(&f.contents).unwrap()))
}

/// Values of every `attr="…"` in `html`, with the few entities templates produce decoded.
fn attribute_values(html: &str, attr: &str) -> Vec<String> {
    let needle = format!(" {attr}=\"");
    let mut values = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find(&needle) {
        let after = &rest[start + needle.len()..];
        let end = after.find('"').expect("attribute is closed");
        values.push(after[..end].replace("&amp;", "&").replace("&#39;", "'"));
        rest = &after[end..];
    }
    values
}

fn ids(html: &str) -> Vec<String> {
    attribute_values(html, "id")
}

/// `base` joined with a relative `link`, with `..` and `.` resolved.
fn resolve(page: &str, link: &str) -> String {
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for segment in link.split('/') {
        match segment {
            ".." => {
                assert!(
                    parts.pop().is_some(),
                    "{link} on {page} climbs above the root"
                );
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    parts.join("/")
}

fn is_external(link: &str) -> bool {
    link.starts_with("http://") || link.starts_with("https://") || link.starts_with("mailto:")
}

#[test]
fn every_page_exists_at_its_layout_path() {
    let guide = sample_guide(BASE_URL);
    let files = render(&guide);
    let paths: BTreeSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    for expected in [
        "index.html",
        "compare/index.html",
        "print/index.html",
        "about/index.html",
        "404.html",
        "sitemap.xml",
        "robots.txt",
        ".nojekyll",
        "topics/laws/index.html",
        "topics/information/index.html",
        "topics/privacy/index.html",
        "states/alabama/index.html",
        "states/alabama/laws.html",
        "states/alabama/information.html",
        "states/alabama/q3-unmatched-question.html",
        "states/iowa/index.html",
        "states/iowa/privacy.html",
        "states/texas/privacy.html",
    ] {
        assert!(paths.contains(expected), "missing {expected}");
    }
    // 1 index + 3 states + 9 questions + 3 topics + compare, compare/topics,
    // compare/states + print + about + 404.
    assert_eq!(html_pages(&files).count(), 1 + 3 + 9 + 3 + 6);
    assert!(!paths.contains("highlight.css"));
    assert!(file(&files, ".nojekyll").is_empty());
}

#[test]
fn every_relative_link_and_fragment_resolves() {
    let guide = sample_guide(BASE_URL);
    let files = render(&guide);
    let dir = write_site(&files);
    let pages: BTreeMap<&str, &str> = html_pages(&files).collect();
    let mut checked = 0;
    for (path, html) in &pages {
        if *path == "404.html" {
            continue;
        }
        let links = attribute_values(html, "href")
            .into_iter()
            .chain(attribute_values(html, "src"));
        for link in links {
            if is_external(&link) {
                continue;
            }
            assert!(!link.starts_with('/'), "{path}: absolute link {link}");
            let (target, fragment) = match link.split_once('#') {
                Some((t, f)) => (t, Some(f)),
                None => (link.as_str(), None),
            };
            // A query (`compare/states/index.html?a=IA`) is read by the page's script;
            // the file is what must exist.
            let target = target.split_once('?').map_or(target, |(t, _)| t);
            assert!(!target.ends_with('/'), "{path}: link to a folder {link}");
            let target_path = if target.is_empty() {
                path.to_string()
            } else {
                resolve(path, target)
            };
            assert!(
                dir.path().join(&target_path).is_file(),
                "{path}: {link} -> {target_path} does not exist"
            );
            if let Some(fragment) = fragment {
                let target_ids: BTreeSet<String> = match pages.get(target_path.as_str()) {
                    Some(target_html) => ids(target_html).into_iter().collect(),
                    None => panic!("{path}: fragment link {link} into a non-page"),
                };
                assert!(
                    target_ids.contains(fragment),
                    "{path}: {link} points at a missing id"
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 200, "only {checked} links checked");
}

#[test]
fn ids_are_unique_on_every_page() {
    let files = render(&sample_guide(BASE_URL));
    for (path, html) in html_pages(&files) {
        let mut seen = BTreeSet::new();
        for id in ids(html) {
            assert!(seen.insert(id.clone()), "{path}: id {id} appears twice");
        }
    }
}

#[test]
fn every_page_has_one_h1_and_headings_in_order() {
    let files = render(&sample_guide(BASE_URL));
    for (path, html) in html_pages(&files) {
        assert_eq!(html.matches("<h1").count(), 1, "{path}: not exactly one h1");
        let mut last = 0;
        for (i, _) in html.match_indices("<h") {
            let level = html.as_bytes()[i + 2];
            if !(b'1'..=b'6').contains(&level) {
                continue;
            }
            let level = level - b'0';
            assert!(
                level <= last + 1,
                "{path}: heading jumps from h{last} to h{level}"
            );
            last = level;
        }
        assert!(html.starts_with("<!doctype html>"), "{path}");
        assert!(html.contains("<html lang=\"en\">"), "{path}");
        assert!(
            html.contains("<meta name=\"description\" content=\""),
            "{path}"
        );
        assert!(html.contains("<main id=\"main\""), "{path}");
    }
}

#[test]
fn matrix_has_a_row_per_state_and_a_column_per_topic() {
    let guide = sample_guide(BASE_URL);
    let files = render(&guide);
    let matrix = file(&files, "compare/index.html");
    assert_eq!(
        matrix.matches("<th scope=\"row\">").count(),
        guide.states.len()
    );
    assert_eq!(
        matrix.matches("<th scope=\"col\">").count(),
        guide.topics.len() + 1
    );
    assert!(matrix.contains("<caption id=\"matrix-caption\">"));
    assert!(matrix.contains("role=\"region\""));
    // Alabama has no privacy answer: said in words, exactly once.
    assert_eq!(matrix.matches(">Not covered</td>").count(), 1);
    assert!(matrix.contains("href=\"../states/iowa/privacy.html\""));
}

#[test]
fn text_that_looks_like_html_comes_out_escaped() {
    let files = render(&sample_guide(BASE_URL));
    let state = file(&files, "states/alabama/index.html");
    assert!(
        state.contains("Is &lt;b&gt;this&lt;&#x2F;b&gt; &amp; that shared?")
            || state.contains("Is &lt;b&gt;this&lt;/b&gt; &amp; that shared?")
    );
    for (path, html) in html_pages(&files) {
        assert!(
            !html.contains("<b>this</b>"),
            "{path}: question text not escaped"
        );
        assert!(
            !html.contains("<script>alert"),
            "{path}: answer script unescaped"
        );
    }
    let iowa = file(&files, "states/iowa/index.html");
    assert!(
        iowa.contains(ESCAPED_SCRIPT),
        "answer HTML is inserted as it is"
    );
}

fn json_ld_blocks(html: &str) -> Vec<&str> {
    let open = "<script type=\"application/ld+json\">";
    html.match_indices(open)
        .map(|(i, _)| {
            let body = &html[i + open.len()..];
            &body[..body.find("</script>").expect("script closes")]
        })
        .collect()
}

#[test]
fn json_ld_parses_and_cannot_close_its_script() {
    let files = render(&sample_guide(BASE_URL));
    let state = file(&files, "states/iowa/index.html");
    let blocks = json_ld_blocks(state);
    assert_eq!(blocks.len(), 1);
    let value: serde_json::Value = serde_json::from_str(blocks[0]).unwrap();
    assert_eq!(value["@type"], "FAQPage");
    assert_eq!(value["mainEntity"].as_array().unwrap().len(), 3);
    assert_eq!(
        value["mainEntity"][1]["acceptedAnswer"]["text"],
        "They wrote <script>alert(1)</script> in the form."
    );
    assert!(!blocks[0].contains("</script"));

    let question = file(&files, "states/alabama/q3-unmatched-question.html");
    let blocks = json_ld_blocks(question);
    let value: serde_json::Value = serde_json::from_str(blocks[0]).unwrap();
    assert_eq!(value["mainEntity"].as_array().unwrap().len(), 1);
    assert_eq!(value["mainEntity"][0]["name"], TAG_QUESTION);
    assert_eq!(
        value["url"],
        format!("{BASE_URL}states/alabama/q3-unmatched-question.html")
    );
}

#[test]
fn not_found_page_links_from_the_base_url_path() {
    let files = render(&sample_guide(BASE_URL));
    let page = file(&files, "404.html");
    let links: Vec<String> = attribute_values(page, "href")
        .into_iter()
        .chain(attribute_values(page, "src"))
        .filter(|l| !l.starts_with('#') && !is_external(l))
        .collect();
    assert!(links.len() > 5);
    for link in &links {
        assert!(link.starts_with("/repo/"), "404 link {link}");
    }
    assert!(links.contains(&"/repo/style.css".to_string()));
    assert!(links.contains(&"/repo/index.html".to_string()));

    // Without a base URL the root is unknown: links are relative to the 404 page (right
    // where it lies and from disk), and a script finds the root before they are read
    // (tests/input.rs and .ci/input-check.mjs serve it under sub-paths).
    let files = render(&sample_guide(""));
    let page = file(&files, "404.html");
    assert!(page.contains("href=\"style.css\""));
    assert!(page.contains("href=\"index.html\""));
    assert!(!page.contains("href=\"/"));
    let script = page.find("<script id=\"stateside-find-root\">").unwrap();
    assert!(
        script < page.find("<link").unwrap(),
        "the script runs before any link"
    );
    // Only the 404 page has it, and not when the base URL is known.
    assert_eq!(
        files
            .iter()
            .filter(|f| String::from_utf8_lossy(&f.contents).contains("stateside-find-root"))
            .count(),
        1
    );
    let files = render(&sample_guide(BASE_URL));
    assert!(!file(&files, "404.html").contains("stateside-find-root"));
}

#[test]
fn canonical_sitemap_and_robots_follow_base_url() {
    let files = render(&sample_guide(BASE_URL));
    let canonical = "<link rel=\"canonical\" href=\"https://u.github.io/repo/states/iowa/\">";
    assert!(file(&files, "states/iowa/index.html").contains(canonical));
    let sitemap = file(&files, "sitemap.xml");
    assert!(sitemap.contains("<loc>https://u.github.io/repo/</loc>"));
    assert!(sitemap.contains("<loc>https://u.github.io/repo/states/iowa/privacy.html</loc>"));
    assert!(!sitemap.contains("404"));
    assert!(file(&files, "robots.txt").contains("Sitemap: https://u.github.io/repo/sitemap.xml"));

    let files = render(&sample_guide(""));
    assert!(files.iter().all(|f| f.path != "sitemap.xml"));
    assert!(!file(&files, "robots.txt").contains("Sitemap"));
    assert!(!file(&files, "states/iowa/index.html").contains("rel=\"canonical\""));

    // --base-url overrides site.toml.
    let opts = RenderOptions {
        base_url: Some("https://example.org/guide".into()),
        minify: false,
    };
    let files = render_site(&sample_guide(""), &templates(), &opts).unwrap();
    assert!(file(&files, "sitemap.xml").contains("<loc>https://example.org/guide/compare/</loc>"));
    assert!(file(&files, "404.html").contains("href=\"/guide/index.html\""));
}

#[test]
fn rendering_twice_gives_identical_bytes() {
    let guide = sample_guide(BASE_URL);
    assert_eq!(render(&guide), render(&guide));
}

#[test]
fn question_pages_link_neighbours_and_other_states() {
    let files = render(&sample_guide(BASE_URL));
    let page = file(&files, "states/iowa/privacy.html");
    assert!(page.contains("<nav class=\"breadcrumbs\" aria-label=\"Breadcrumb\">"));
    assert!(page.contains("rel=\"prev\" href=\"../../states/iowa/laws.html\""));
    assert!(page.contains("rel=\"next\" href=\"../../states/iowa/information.html\""));
    assert!(page.contains("href=\"../../states/texas/privacy.html\">Texas</a>"));
    assert!(page.contains("href=\"../../topics/privacy/index.html\""));
    assert!(
        !page.contains("states/iowa/privacy.html\">Iowa</a>"),
        "lists itself"
    );

    let topic = file(&files, "topics/privacy/index.html");
    assert!(
        topic.contains("Not covered by: <a href=\"../../states/alabama/index.html\">Alabama</a>.")
    );
}

#[test]
fn question_pages_stay_small_when_many_states_answer() {
    let mut guide = sample_guide(BASE_URL);
    let template = guide.states[2].clone();
    for i in 0..80 {
        let mut extra = template.clone();
        extra.name = format!("State {i:04}");
        extra.code = format!("Z{i}");
        extra.slug = format!("state-{i:04}");
        extra.tile = None;
        guide.states.push(extra);
    }
    guide.states.sort_by(|a, b| a.name.cmp(&b.name));
    let guide = link_up(guide);
    let files = render(&guide);
    let page = file(&files, "states/state-0040/laws.html");
    let others = page.split("id=\"others-heading\"").nth(1).unwrap();
    let others = &others[..others.find("</section>").unwrap()];
    assert_eq!(others.matches("<li>").count(), 10);
    assert!(others.contains("state-0039/laws.html"));
    assert!(others.contains("state-0041/laws.html"));
    assert!(others.contains("See all 83 states"));
}

#[test]
fn print_page_has_every_state_and_unique_ids() {
    let files = render(&sample_guide(BASE_URL));
    let page = file(&files, "print/index.html");
    assert_eq!(page.matches("<section class=\"print-state\"").count(), 3);
    assert!(page.contains("id=\"iowa-q2\""));
    // States come in order, each with its own sources, as on its own page; the name of
    // the file it came from is for editors (the exports), not for readers.
    assert!(!page.contains(".txt"));
    let order: Vec<usize> = ["alabama", "iowa", "texas"]
        .iter()
        .map(|slug| {
            let name = slug[..1].to_uppercase() + &slug[1..];
            let section = page
                .find(&format!(
                    "<section class=\"print-state\" aria-labelledby=\"state-{slug}\">"
                ))
                .unwrap_or_else(|| panic!("no section for {slug}"));
            let document = page[section..]
                .find(&format!("<li>{name} archives</li>"))
                .unwrap_or_else(|| panic!("no sources for {slug}"));
            assert!(
                page[section..section + document]
                    .matches("<section class=\"print-state\"")
                    .count()
                    == 1,
                "{slug}'s sources are in another state's section"
            );
            section
        })
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    // Texas's answer heading moves below its h3 question.
    assert!(page.contains("<h4>Details</h4>"));
    let question = file(&files, "states/texas/laws.html");
    assert!(question.contains("<h2>Details</h2>"));
}

fn broken_templates(file_name: &str, contents: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_all(&templates(), dir.path());
    std::fs::write(dir.path().join(file_name), contents).unwrap();
    dir
}

/// Renders the sample guide with `file_name` replaced by `contents`, unminified and
/// minified (minified templates are one long line; errors must still point into the
/// files); returns each template error's file name and message.
fn template_errors(file_name: &str, contents: &str) -> Vec<(String, String)> {
    let dir = broken_templates(file_name, contents);
    [false, true]
        .map(|minify| {
            let opts = RenderOptions {
                minify,
                ..RenderOptions::default()
            };
            match render_site(&sample_guide(BASE_URL), dir.path(), &opts).unwrap_err() {
                Error::Template { name, message } => (name, message),
                other => panic!("expected a template error, got {other:?}"),
            }
        })
        .into()
}

#[test]
fn template_syntax_error_names_the_template() {
    let broken = "{% extends \"base.html\" %}\n{% block content %}\n{% if topic.title %}\n{% endblock content %}";
    for (name, message) in template_errors("topic.html", broken) {
        assert_eq!(name, "topic.html", "{message}");
        assert!(message.contains("topic.html:"), "{message}");
    }
}

#[test]
fn unknown_variable_names_the_template_and_line() {
    let broken =
        "<footer>\n<p>{{ site.publisher }}</p>\n<p>{{ site.no_such_field }}</p>\n</footer>\n";
    for (name, message) in template_errors("partials/footer.html", broken) {
        assert_eq!(name, "partials/footer.html", "{message}");
        assert!(message.contains("partials/footer.html:3"), "{message}");
        assert!(message.contains("no_such_field"), "{message}");
    }
}

#[test]
fn two_files_on_one_path_is_an_error() {
    let mut guide = sample_guide(BASE_URL);
    guide.pages[0].slug = "compare".into();
    let err = render_site(&guide, &templates(), &RenderOptions::default()).unwrap_err();
    match err {
        Error::PageCollision {
            path,
            first,
            second,
        } => {
            assert_eq!(path, Path::new("compare/index.html"));
            assert!(first.contains("comparison matrix"), "{first}");
            assert!(second.contains("`compare`"), "{second}");
        }
        other => panic!("expected an output error, got {other:?}"),
    }
}

#[test]
fn index_map_links_covered_states_and_names_the_others() {
    let files = render(&sample_guide(BASE_URL));
    let index = file(&files, "index.html");
    assert!(index.contains("href=\"states/iowa/index.html\" title=\"Iowa\""));
    assert!(index.contains("<span class=\"visually-hidden\">Alaska: not covered</span>"));
    assert_eq!(index.matches("class=\"tile covered").count(), 3);
    assert!(index.matches("class=\"tile uncovered").count() > 40);
}

#[test]
fn streaming_renders_the_same_files() {
    let guide = sample_guide(BASE_URL);
    let collected = render(&guide);
    let streamed = std::sync::Mutex::new(Vec::new());
    stateside::render::render_site_each(&guide, &templates(), &RenderOptions::default(), |f| {
        streamed.lock().unwrap().push(f);
        Ok(())
    })
    .unwrap();
    let mut streamed = streamed.into_inner().unwrap();
    streamed.sort_by(|a, b| a.path.cmp(&b.path));
    let mut collected = collected;
    collected.sort_by(|a, b| a.path.cmp(&b.path));
    assert_eq!(streamed, collected);
}

#[test]
fn question_titles_name_the_state_once() {
    let files = render(&sample_guide(BASE_URL));
    let named = file(&files, "states/iowa/privacy.html");
    assert!(named.contains("<title>What are the privacy concerns in Iowa? · "));
    let unnamed = file(&files, "states/alabama/q3-unmatched-question.html");
    assert!(unnamed.contains("<title>Is &lt;b&gt;this&lt;/b&gt; &amp; that shared? (Alabama) · "));
}

#[test]
fn a_print_frame_without_its_sections_is_a_named_error() {
    let broken = "{% extends \"base.html\" %}\n{% block content %}<h1>All states</h1>{% endblock content %}\n";
    for (name, message) in template_errors("print.html", broken) {
        assert_eq!(name, "print.html", "{message}");
        assert!(message.contains("{{ print.sections | safe }}"), "{message}");
        assert!(message.contains("partials/print-state.html"), "{message}");
    }
}
