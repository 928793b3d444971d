//! Minifying: templates are minified once when loaded and answers once in the guide
//! (src/minify.rs), not every finished page. These tests build the repository's own content
//! both ways and check that the minified site says and links exactly what the unminified one
//! does, and that minify-html run over a finished page finds next to nothing left to do.

use std::collections::BTreeMap;

use stateside::BuildOptions;

use crate::harness::{self, repo};

/// Builds the repository's content into a temp folder; returns its HTML pages by path.
fn build(minify: bool) -> (tempfile::TempDir, BTreeMap<String, String>) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    stateside::build(&BuildOptions {
        root: repo().to_path_buf(),
        output: Some(out.clone()),
        base_url: Some("https://example.org/repo/".into()),
        minify,
    })
    .expect("the sample content builds");
    (dir, harness::html_pages(&out))
}

/// The text a reader sees: tags of inline elements vanish, every other tag separates words,
/// runs of whitespace count as one space, and the entities that either form may use are
/// decoded. Minifying may drop whitespace between blocks but never join or split words.
fn visible_text(html: &str) -> String {
    const INLINE: [&str; 18] = [
        "a", "abbr", "b", "code", "del", "em", "i", "kbd", "label", "mark", "q", "s", "small",
        "span", "strong", "sub", "sup", "time",
    ];
    let mut text = String::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        let tag = &rest[open + 1..];
        let close = tag.find('>').expect("tags are closed");
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        if !INLINE.contains(&name.to_ascii_lowercase().as_str()) {
            text.push(' ');
        }
        rest = &tag[close + 1..];
    }
    text.push_str(rest);
    let text = text
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&amp;", "&");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every `href`, `src` and `id` value, quoted or not, in page order.
fn targets(html: &str) -> Vec<String> {
    let mut values = Vec::new();
    for attr in [" href=", " src=", " id="] {
        let mut rest = html;
        while let Some(at) = rest.find(attr) {
            let after = &rest[at + attr.len()..];
            let value = match after.strip_prefix('"') {
                Some(quoted) => &quoted[..quoted.find('"').unwrap()],
                None => &after[..after.find([' ', '>']).unwrap()],
            };
            values.push(format!("{attr}{}", value.replace("&amp;", "&")));
            rest = after;
        }
    }
    values
}

#[test]
fn minified_pages_say_and_link_what_unminified_pages_do() {
    let (_a, plain) = build(false);
    let (_b, small) = build(true);
    assert_eq!(
        plain.keys().collect::<Vec<_>>(),
        small.keys().collect::<Vec<_>>()
    );
    assert!(plain.len() > 70, "{} pages", plain.len());
    let (mut plain_bytes, mut small_bytes, mut per_page_bytes) = (0, 0, 0);
    for (path, page) in &plain {
        let min = &small[path];
        assert_eq!(visible_text(page), visible_text(min), "{path}");
        assert_eq!(targets(page), targets(min), "{path}");
        plain_bytes += page.len();
        small_bytes += min.len();
        per_page_bytes += stateside::minify::html(page).len();
    }
    // As small as minifying every finished page would make them, give or take 1 %.
    eprintln!("unminified {plain_bytes} bytes, minified {small_bytes}, each page minified {per_page_bytes}");
    assert!(
        small_bytes * 100 <= per_page_bytes * 101 && small_bytes < plain_bytes,
        "minified {small_bytes} bytes, unminified {plain_bytes}, each page minified {per_page_bytes}"
    );
}

#[test]
fn minify_html_finds_little_left_to_do_on_a_finished_page() {
    let (_dir, pages) = build(true);
    let (mut before, mut after) = (0, 0);
    for (path, page) in &pages {
        // Line breaks survive only where they mean something: in code blocks.
        let outside_pre: String = page
            .split("<pre")
            .enumerate()
            .map(|(i, part)| {
                if i == 0 {
                    part
                } else {
                    part.split_once("</pre>").map_or("", |(_, after)| after)
                }
            })
            .collect();
        assert!(
            !outside_pre.contains('\n'),
            "{path} has a line break outside <pre>"
        );
        // What is left is quotes around values that came from templates (they may hold
        // spaces, so a template cannot drop them) and the odd space beside template tags.
        let again = stateside::minify::html(page).len();
        assert!(
            again * 100 >= page.len() * 97,
            "{path}: {} bytes, {again} after minifying again",
            page.len()
        );
        before += page.len();
        after += again;
    }
    eprintln!("{before} bytes, {after} after minifying again");
    assert!(
        after * 100 >= before * 99,
        "{before} bytes, {after} after minifying again"
    );
}
