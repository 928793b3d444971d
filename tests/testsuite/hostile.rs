//! Injection: the `hostile` fixture (every text of it an attempt to inject markup or
//! script) is built, and its pages are read back the way a browser tokenizes them. Text
//! must come out exactly as typed; no script but the site's own, no event handler, no
//! script URL in a link or image, and no path outside the slug alphabet.

use crate::harness;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use harness::{build, project, read, root};

/// A start tag as a browser sees it: lower-case name and attributes, values decoded.
#[derive(Debug)]
struct Tag {
    name: String,
    attrs: Vec<(String, String)>,
}

/// An HTML page split into its start tags, its visible text (entities decoded) and the
/// contents of its script elements.
#[derive(Debug, Default)]
struct Page {
    tags: Vec<Tag>,
    text: String,
    scripts: Vec<String>,
}

/// Elements whose content is text up to their end tag (HTML's raw text and RCDATA).
const RAW_TEXT: [&str; 4] = ["script", "style", "title", "textarea"];

/// Tokenizes HTML the way the HTML standard does for what matters here: comments,
/// doctype, start tags with quoted or unquoted attributes, end tags, raw text elements.
fn tokenize(html: &str) -> Page {
    let b = html.as_bytes();
    let mut page = Page::default();
    let mut text = String::new();
    let mut i = 0;
    while i < b.len() {
        if html[i..].starts_with("<!--") {
            i = html[i + 4..].find("-->").map_or(b.len(), |e| i + 4 + e + 3);
        } else if b[i] == b'<' && matches!(b.get(i + 1), Some(b'!' | b'?')) {
            i = html[i..].find('>').map_or(b.len(), |e| i + e + 1);
        } else if b[i] == b'<' && b.get(i + 1) == Some(&b'/') && alpha(b.get(i + 2)) {
            i = html[i..].find('>').map_or(b.len(), |e| i + e + 1);
            text.push(' ');
        } else if b[i] == b'<' && alpha(b.get(i + 1)) {
            let (tag, end) = start_tag(html, i + 1);
            i = end;
            if RAW_TEXT.contains(&tag.name.as_str()) {
                let close = format!("</{}", tag.name);
                let stop = html[i..]
                    .to_ascii_lowercase()
                    .find(&close)
                    .map_or(b.len(), |e| i + e);
                let content = &html[i..stop];
                match tag.name.as_str() {
                    // The 404 page's own root-finding script is code, not JSON-LD.
                    "script"
                        if tag
                            .attrs
                            .iter()
                            .any(|(n, v)| n == "id" && v == "stateside-find-root") => {}
                    "script" => page.scripts.push(content.to_string()),
                    "title" | "textarea" => text.push_str(&decode(content)),
                    _ => {}
                }
                i = stop;
            }
            page.tags.push(tag);
            text.push(' ');
        } else {
            // Text up to the next `<` (a `<` that starts no tag is text too).
            let from = if b[i] == b'<' { i + 1 } else { i };
            let next = html[from..].find('<').map_or(b.len(), |e| from + e);
            text.push_str(&decode(&html[i..next]));
            i = next;
        }
    }
    page.text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    page
}

fn alpha(b: Option<&u8>) -> bool {
    b.is_some_and(u8::is_ascii_alphabetic)
}

/// Reads a start tag whose name begins at `at`; returns it and the index after its `>`.
fn start_tag(html: &str, mut at: usize) -> (Tag, usize) {
    let b = html.as_bytes();
    let name_end = at
        + html[at..]
            .find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
            .unwrap_or(html.len() - at);
    let mut tag = Tag {
        name: html[at..name_end].to_ascii_lowercase(),
        attrs: Vec::new(),
    };
    at = name_end;
    loop {
        while at < b.len() && (b[at].is_ascii_whitespace() || b[at] == b'/') {
            at += 1;
        }
        if at >= b.len() || b[at] == b'>' {
            return (tag, (at + 1).min(b.len()));
        }
        let name_start = at;
        while at < b.len() && !b[at].is_ascii_whitespace() && !matches!(b[at], b'=' | b'>') {
            at += 1;
        }
        let name = html[name_start..at].to_ascii_lowercase();
        while at < b.len() && b[at].is_ascii_whitespace() {
            at += 1;
        }
        let mut value = String::new();
        if b.get(at) == Some(&b'=') {
            at += 1;
            while at < b.len() && b[at].is_ascii_whitespace() {
                at += 1;
            }
            let (start, end, after) = match b.get(at) {
                Some(&q @ (b'"' | b'\'')) => {
                    let end = html[at + 1..]
                        .find(q as char)
                        .map_or(b.len(), |e| at + 1 + e);
                    (at + 1, end, end + 1)
                }
                _ => {
                    let end = html[at..]
                        .find(|c: char| c.is_ascii_whitespace() || c == '>')
                        .map_or(b.len(), |e| at + e);
                    (at, end, end)
                }
            };
            value = decode(&html[start..end.min(b.len())]);
            at = after;
        }
        tag.attrs.push((name, value));
    }
}

/// Decodes character references: numeric ones and the named ones HTML writers use.
fn decode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let Some(semi) = rest.find(';').filter(|&p| p <= 12) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..semi];
        let decoded = if let Some(hex) = entity
            .strip_prefix("#x")
            .or_else(|| entity.strip_prefix("#X"))
        {
            u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
        } else if let Some(dec) = entity.strip_prefix('#') {
            dec.parse().ok().and_then(char::from_u32)
        } else {
            match entity {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                "colon" => Some(':'),
                "Tab" => Some('\t'),
                "NewLine" => Some('\n'),
                _ => None,
            }
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// True when a URL, read as a browser reads it, runs script or embeds data.
fn is_script_url(value: &str) -> bool {
    let scheme: String = value
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .take(12)
        .collect::<String>()
        .to_ascii_lowercase();
    ["javascript:", "vbscript:", "data:"]
        .iter()
        .any(|s| scheme.starts_with(s))
}

const URL_ATTRS: [&str; 8] = [
    "href",
    "src",
    "action",
    "formaction",
    "poster",
    "srcset",
    "xlink:href",
    "background",
];

/// Tags that can run script or load other documents; the site writes none of them.
const FOREIGN_TAGS: [&str; 10] = [
    "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "form", "base",
];

/// Every HTML page of a built site, tokenized, by path.
fn pages(out: &Path) -> BTreeMap<String, Page> {
    harness::html_pages(out)
        .into_iter()
        .map(|(path, html)| (path, tokenize(&html)))
        .collect()
}

/// Asserts that no page runs anything but the site's own scripts: print.js, search.js and JSON-LD
/// data (which must parse as JSON); no event handler, no script URL, no foreign element.
/// With `raw_html_allowed`, event handlers and scripts written as raw HTML by the author
/// are expected, but links and images made from Markdown still never carry script URLs.
fn assert_no_injection(pages: &BTreeMap<String, Page>, raw_html_allowed: bool) {
    assert!(pages.len() > 10, "{} pages", pages.len());
    for (path, page) in pages {
        for tag in &page.tags {
            let attr = |name: &str| {
                tag.attrs
                    .iter()
                    .find(|(n, _)| n == name)
                    .map(|(_, v)| v.as_str())
            };
            for (name, value) in &tag.attrs {
                if URL_ATTRS.contains(&name.as_str()) {
                    assert!(
                        !is_script_url(value),
                        "{path}: <{} {name}={value:?}>",
                        tag.name
                    );
                }
                if !raw_html_allowed {
                    assert!(!name.starts_with("on"), "{path}: <{} {name}>", tag.name);
                }
            }
            if raw_html_allowed {
                continue;
            }
            assert!(
                !FOREIGN_TAGS.contains(&tag.name.as_str()),
                "{path}: <{}>",
                tag.name
            );
            if tag.name == "script" {
                let own = attr("src").is_some_and(is_own_script)
                    || attr("type") == Some("application/ld+json")
                    || (path == "404.html" && attr("id") == Some("stateside-find-root"));
                assert!(own, "{path}: {tag:?}");
            }
            if tag.name == "meta" {
                assert!(attr("http-equiv").is_none(), "{path}: {tag:?}");
            }
        }
        if !raw_html_allowed {
            for script in &page.scripts {
                if !script.trim().is_empty() {
                    serde_json::from_str::<serde_json::Value>(script)
                        .unwrap_or_else(|e| panic!("{path}: JSON-LD does not parse: {e}"));
                }
            }
        }
    }
}

/// The site's own scripts, from static/, by file name.
fn is_own_script(src: &str) -> bool {
    let name = src.rsplit('/').next().unwrap_or(src);
    ["print.js", "search.js", "compare.js", "compare-states.js"].contains(&name)
}

fn page<'a>(pages: &'a BTreeMap<String, Page>, path: &str) -> &'a Page {
    pages
        .get(path)
        .unwrap_or_else(|| panic!("no page {path}; pages: {:?}", pages.keys()))
}

/// Asserts that the visible text of a page holds each of `typed` exactly.
fn shows(page: &Page, path: &str, typed: &[&str]) {
    for t in typed {
        let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            page.text.contains(&t),
            "{path} does not show {t:?}:\n{}",
            page.text
        );
    }
}

fn hostile_build(extra: &[&str], allow_html: bool) -> (tempfile::TempDir, PathBuf) {
    let dir = project("hostile");
    if allow_html {
        let site = root(&dir).join("content/site.toml");
        let text = read(&site) + "allow_html = true\n";
        fs::write(site, text).unwrap();
    }
    let out = dir.path().join("public");
    build(&root(&dir), &out, extra).code(0);
    (dir, out)
}

const PLAIN_TEXT_TYPED: [&str; 9] = [
    "<script>alert(1)</script> <img src=x onerror=alert(1)>",
    "javascript:alert(1) and data:text/html,<script>alert(1)</script>",
    "Entities stay as typed: &lt;b&gt; &amp; &quot; &#x3C;script&#x3E; &nbsp;",
    "Markdown stays as typed: **b** _i_ `code` [x](javascript:alert(1)) ![y](data:image/png;base64,AAAA) # h",
    "<b>bullet</b> with </li></ul> closing tags",
    "[link](data:text/html,<script>alert(1)</script>) and <a href=\"javascript:alert(1)\">a</a>",
    "nested ]]> --> <!-- comment",
    "<iframe src=\"javascript:alert(1)\"></iframe> <svg onload=alert(1)>",
    "</script><script>alert(1)</script> </p></section></main>",
];

#[test]
fn plain_text_injection_shows_as_typed_and_runs_nothing() {
    for minify in [true, false] {
        let (_dir, out) = hostile_build(if minify { &[] } else { &["--no-minify"] }, false);
        let pages = pages(&out);
        assert_no_injection(&pages, false);
        let path = "states/iowa/index.html";
        let iowa = page(&pages, path);
        shows(iowa, path, &PLAIN_TEXT_TYPED);
        shows(
            iowa,
            path,
            &[
                "<script>alert(1)</script> Data & Sharing in Iowa",
                "<b>Federal</b> & \"Government\" <script>alert(1)</script>",
                "Intro: <img src=x onerror=alert(1)> &lt;b&gt; **b** # h",
                "What laws apply to <script>alert(1)</script>?",
                "How long is data kept in [x](javascript:alert(1)) **bold**?",
                "Path-like text: ../../../etc/passwd, ..\\..\\boot.ini, /etc/shadow, C:\\Windows.",
            ],
        );
        let path = "states/iowa/q2-how-long-is-data-kept-in-x-javascript-alert-1.html";
        shows(page(&pages, path), path, &PLAIN_TEXT_TYPED[4..8]);
        let path = "print/index.html";
        shows(page(&pages, path), path, &PLAIN_TEXT_TYPED);
    }
}

#[test]
fn site_and_topic_texts_show_as_typed_in_text_and_attributes() {
    let (_dir, out) = hostile_build(&[], false);
    let pages = pages(&out);
    let path = "compare/index.html";
    shows(
        page(&pages, path),
        path,
        &[
            "Hostile </title><script>alert(1)</script> & \"quotes\"",
            "<script>alert(1)</script>",
            "Keep & \"hold\"",
            "Audits' <i>",
        ],
    );
    let compare = page(&pages, path);
    let titles: Vec<&str> = compare
        .tags
        .iter()
        .flat_map(|t| &t.attrs)
        .filter(|(n, _)| n == "title")
        .map(|(_, v)| v.as_str())
        .collect();
    for typed in [
        "What <img src=x onerror=alert(1)> laws apply?",
        "How long is data kept? <a href=\"javascript:alert(1)\">x</a>",
    ] {
        assert!(titles.contains(&typed), "{typed:?} not in {titles:?}");
    }
    let description = page(&pages, "index.html")
        .tags
        .iter()
        .find(|t| {
            t.name == "meta"
                && t.attrs
                    .iter()
                    .any(|(n, v)| n == "name" && v == "description")
        })
        .and_then(|t| t.attrs.iter().find(|(n, _)| n == "content"))
        .map(|(_, v)| v.clone());
    assert_eq!(
        description.as_deref(),
        Some("\" onmouseover=\"alert(1)\" <img src=x onerror=alert(1)>")
    );
}

#[test]
fn markdown_raw_html_is_escaped_and_script_links_are_dropped() {
    let (_dir, out) = hostile_build(&[], false);
    let pages = pages(&out);
    assert_no_injection(&pages, false);
    let path = "states/ohio/index.html";
    let ohio = page(&pages, path);
    shows(
        ohio,
        path,
        &[
            "<script>alert(1)</script> Data Sharing in Ohio",
            "<img src=x onerror=alert(1)>",
            "Intro <script>alert(1)</script> and <b>bold</b>.",
            "<div onclick=\"alert(1)\">block &amp; text</div>",
            "Inline <span onmouseover=\"alert(1)\">span</span>.",
            "js, JS, vb, data, entity, javascript:alert(1), ref, spaced.",
            "img svg ok",
            "Entities: <script> &amp;",
        ],
    );
    let links: Vec<&str> = ohio
        .tags
        .iter()
        .filter(|t| t.name == "a")
        .flat_map(|t| &t.attrs)
        .filter(|(n, _)| n == "href")
        .map(|(_, v)| v.as_str())
        .collect();
    assert!(links.contains(&"https://example.org/ok"), "{links:?}");
    assert!(
        !ohio.tags.iter().any(|t| t.name == "img"),
        "no image survives"
    );
    let path = "etc-passwd/index.html";
    shows(
        page(&pages, path),
        path,
        &[
            "About <script>alert(1)</script>",
            "Page body <script>alert(1)</script> x y vb <img src=x onerror=alert(1)>",
        ],
    );
}

#[test]
fn with_allow_html_raw_html_is_sanitized_and_script_never_passes() {
    let (_dir, out) = hostile_build(&[], true);
    let pages = pages(&out);
    // Raw HTML goes through an allow-list sanitizer: the checks for escaped HTML hold too.
    assert_no_injection(&pages, true);
    assert_no_injection(&pages, false);
    let ohio = page(&pages, "states/ohio/index.html");
    let has = |name: &str, attr: Option<&str>| {
        ohio.tags
            .iter()
            .any(|t| t.name == name && attr.is_none_or(|a| t.attrs.iter().any(|(n, _)| n == a)))
    };
    assert!(
        has("div", None),
        "formatting HTML is let through when allowed"
    );
    assert!(
        has("b", None),
        "formatting HTML is let through when allowed"
    );
    for (name, attr) in [
        ("div", "onclick"),
        ("span", "onmouseover"),
        ("img", "onerror"),
    ] {
        assert!(!has(name, Some(attr)), "<{name} {attr}> passed");
    }
    for name in ["iframe", "form"] {
        assert!(!has(name, None), "<{name}> passed");
    }
    shows(ohio, "ohio", &["block & text", "span", "raw link", "go"]);
    shows(
        ohio,
        "ohio",
        &["js, JS, vb, data, entity, javascript:alert(1), ref, spaced."],
    );
    // The plain-text state is text whatever the setting.
    let iowa = page(&pages, "states/iowa/index.html");
    shows(iowa, "iowa", &PLAIN_TEXT_TYPED);
    assert!(!iowa
        .tags
        .iter()
        .any(|t| t.name == "img" || t.name == "iframe"));
}

#[test]
fn output_paths_are_slugs() {
    let (_dir, out) = hostile_build(&[], false);
    let known = [".nojekyll", ".stateside"];
    let mut count = 0;
    for entry in walkdir::WalkDir::new(&out).min_depth(1) {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        let slug = name.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-".contains(c))
            && !name.contains("..");
        assert!(slug || known.contains(&name.as_str()), "{name:?}");
        count += 1;
    }
    assert!(count > 20);
    assert!(
        out.join("etc-passwd/index.html").is_file(),
        "page slug from ../../etc/passwd"
    );
    assert!(out
        .join("states/iowa/q3-does-etc-passwd-or-windows-or-a-quote-escape-the.html")
        .is_file());
}

#[test]
fn data_exports_keep_the_text_as_typed() {
    let (_dir, out) = hostile_build(&[], false);
    let json: serde_json::Value =
        serde_json::from_str(&read(&out.join("data/states.json"))).unwrap();
    let iowa = json["states"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["code"] == "IA")
        .unwrap();
    assert_eq!(
        iowa["questions"][0]["text"],
        "What laws apply to <script>alert(1)</script>?"
    );
    let answer = iowa["questions"][0]["answer_text"].as_str().unwrap();
    assert!(answer.starts_with("<script>alert(1)</script>\n<img src=x onerror=alert(1)>"));
    let html = iowa["questions"][0]["answer_html"].as_str().unwrap();
    assert!(
        html.starts_with("<p>&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
    let csv = read(&out.join("data/answers.csv"));
    assert!(csv.contains("What laws apply to <script>alert(1)</script>?"));
}

#[test]
fn a_hostile_base_url_and_source_url_stay_inside_their_attributes() {
    let dir = project("hostile");
    let ohio = root(&dir).join("content/states/ohio.md");
    let text = read(&ohio).replace(
        "sources = [\"https://example.org/ohio?a=1&b=2\"]",
        "sources = [\"https://example.org/?q=\\\"><script>alert(1)</script>\", \"https://example.org/' onclick='alert(1)\"]",
    );
    fs::write(&ohio, text).unwrap();
    let out = dir.path().join("public");
    let base = "https://example.org/x\"><script>alert(1)</script>/";
    build(&root(&dir), &out, &["--base-url", base]).code(0);
    let pages = pages(&out);
    assert_no_injection(&pages, false);
    let canonical = page(&pages, "states/ohio/index.html")
        .tags
        .iter()
        .find(|t| t.name == "link" && t.attrs.iter().any(|(n, v)| n == "rel" && v == "canonical"))
        .and_then(|t| t.attrs.iter().find(|(n, _)| n == "href"))
        .map(|(_, v)| v.clone());
    assert_eq!(canonical, Some(format!("{base}states/ohio/")));
    let sitemap = read(&out.join("sitemap.xml"));
    assert!(!sitemap.contains("<script"), "{sitemap}");
}

#[test]
fn a_script_base_url_is_refused() {
    let dir = project("hostile");
    let out = dir.path().join("public");
    for base in ["javascript:alert(1)//", " data:text/html,x/"] {
        build(&root(&dir), &out, &["--base-url", base])
            .code(2)
            .says(
                "error: invalid value",
                &["--base-url", "expected an http(s) URL"],
            );
    }
    assert!(!out.exists());
}
