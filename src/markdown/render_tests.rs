//! Tests of Markdown rendering: Markdown in -> safe HTML (and plain text) out.

use super::*;
use crate::html::write_html;
use crate::markdown::highlight::MAX_HIGHLIGHT_LINE;

fn html(md: &str) -> String {
    write_html(Renderer::new(false).events(md))
}

#[test]
fn raw_html_is_escaped_by_default() {
    let out = html("Hi <script>alert(1)</script> there\n\n<div onclick=\"x()\">\nblock\n</div>\n");
    assert!(
        out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{out}"
    );
    assert!(out.contains("&lt;div onclick=\"x()\"&gt;"), "{out}");
    assert!(!out.contains("<script") && !out.contains("<div"), "{out}");
}

#[test]
fn raw_html_passes_when_allowed() {
    let out = write_html(Renderer::new(true).events("a <b>bold</b>\n\n<div>x</div>\n"));
    assert_eq!(out, "<p>a <b>bold</b></p>\n<div>x</div>\n");
}

#[test]
fn script_links_lose_their_link_and_keep_their_text() {
    for url in [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        "vbscript:msgbox",
        "data:text/html;base64,PHNjcmlwdD4=",
        "%20data:x",
    ] {
        let md = format!("[click me](<{url}>) and <{url}>");
        for allow in [false, true] {
            let out = write_html(Renderer::new(allow).events(&md));
            assert!(out.contains("click me"), "{url}: {out}");
            if !url.starts_with('%') {
                assert!(!out.contains("<a"), "{url}: {out}");
            }
        }
    }
    // Leading spaces and control characters before the scheme.
    let out = html("[x](\u{1}javascript:alert(1)) [y]( \u{7f}data:x)");
    assert!(!out.contains("href"), "{out}");
}

#[test]
fn script_images_become_their_alt_text() {
    for url in [
        "javascript:alert(1)",
        " DATA:image/png;base64,AAAA",
        "vbscript:x",
    ] {
        let out = html(&format!("![the *alt* text](<{url}>)"));
        assert_eq!(out, "<p>the alt text</p>\n", "{url}");
    }
    let out = html("[![inner](data:x)](https://ok.gov)");
    assert_eq!(out, "<p><a href=\"https://ok.gov\">inner</a></p>\n");
}

#[test]
fn ordinary_links_and_images_are_kept() {
    let out = html("[site](https://example.gov/a?b=1) ![map](img/map.png) [rel](../data/states.json) [mail](mailto:a@b.gov)");
    assert!(
        out.contains("<a href=\"https://example.gov/a?b=1\">site</a>"),
        "{out}"
    );
    assert!(
        out.contains("<img src=\"img/map.png\" alt=\"map\" />"),
        "{out}"
    );
    assert!(
        out.contains("<a href=\"../data/states.json\">rel</a>"),
        "{out}"
    );
    assert!(out.contains("href=\"mailto:a@b.gov\""), "{out}");
}

#[test]
fn blocked_url_reading() {
    assert!(is_blocked_url("  \n\tJavaScript:void(0)"));
    assert!(is_blocked_url("da\nta:x"));
    assert!(!is_blocked_url("javascript"));
    assert!(!is_blocked_url("https://x.gov/javascript:"));
    assert!(!is_blocked_url("./data:x"));
}

#[test]
fn answer_headings_start_at_h3() {
    let out = html("# one\n\n## two\n\n### three\n\n#### four\n\nfive\n=====\n");
    assert_eq!(
        out,
        "<h3>one</h3>\n<h3>two</h3>\n<h3>three</h3>\n<h4>four</h4>\n<h3>five</h3>\n"
    );
}

#[test]
fn page_headings_start_at_h2() {
    let out = write_html(Renderer::new(false).page_events("# one\n\n## two\n\n### three\n"));
    assert_eq!(out, "<h2>one</h2>\n<h2>two</h2>\n<h3>three</h3>\n");
}

#[test]
fn fenced_code_with_a_language_is_highlighted() {
    let r = Renderer::new(false);
    assert!(r.highlight_css().is_none());
    let out = write_html(r.events("```rust\nfn main() { let x = \"<b>\"; }\n```\n"));
    assert!(
        out.starts_with("<pre class=\"code hl-code\" tabindex=\"0\"><code>"),
        "{out}"
    );
    assert!(out.contains("class=\"hl-"), "{out}");
    assert!(out.contains("&lt;b&gt;"), "{out}");
    assert!(!out.contains("<b>"), "{out}");
    let css = r.highlight_css().expect("css after highlighting");
    assert!(css.contains(".hl-code"));
    // Neither theme's rules reach the other scheme: both sit in their own media block.
    let (light, dark) = css
        .split_once("@media screen and (prefers-color-scheme: dark) {")
        .expect("a dark block");
    assert!(light.starts_with("@media not screen, (prefers-color-scheme: light) {"));
    assert_eq!(light.matches('{').count(), light.matches('}').count());
    assert!(light.contains("theme \"GitHub\"") && dark.contains("Base16 Ocean Dark"));
}

#[test]
fn code_without_known_language_is_plain() {
    let r = Renderer::new(false);
    let out = write_html(r.events("```nosuchlang\n<x> & y\n```\n\n```\nplain\n```\n"));
    assert_eq!(
        out,
        "<pre tabindex=\"0\"><code>&lt;x&gt; &amp; y\n</code></pre>\n<pre tabindex=\"0\"><code>plain\n</code></pre>\n"
    );
    assert!(r.highlight_css().is_none());
}

#[test]
fn syntax_set_is_not_loaded_without_code_blocks() {
    let r = Renderer::new(false);
    let _ = r.events(
        "# Title\n\nSome *text*, `inline code`, a [link](https://x.gov).\n\n    indented code\n",
    );
    let _ = r.page_events("```\nno language\n```\n");
    assert!(!r.syntaxes_loaded());
    assert!(r.highlight_css().is_none());
    let _ = r.events("```json\n{\"a\": 1}\n```\n");
    assert!(r.syntaxes_loaded());
}

#[test]
fn huge_code_is_not_highlighted() {
    let r = Renderer::new(false);
    let md = format!("```rust\n{}\n```\n", "x".repeat(MAX_HIGHLIGHT_LINE + 1));
    let out = write_html(r.events(&md));
    assert!(out.starts_with("<pre tabindex=\"0\"><code>xxx"));
    assert!(!r.syntaxes_loaded());
}

#[test]
fn tables_and_strikethrough_render() {
    let out = html("| a | b |\n|---|---|\n| 1 | ~~2~~ |\n");
    assert!(
        out.contains("<table>") && out.contains("<del>2</del>"),
        "{out}"
    );
}

#[test]
fn renderer_is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Renderer>();
}

#[test]
fn deep_nesting_keeps_its_text_and_loses_its_tags() {
    let quotes = html(&format!("{}deep", "> ".repeat(1000)));
    assert_eq!(quotes.matches("<blockquote>").count(), MAX_NESTING);
    assert_eq!(quotes.matches("</blockquote>").count(), MAX_NESTING);
    assert!(quotes.contains("deep"), "{quotes}");

    let list: String = (0..200)
        .map(|d| format!("{}- item{d}\n", "  ".repeat(d)))
        .collect();
    let out = html(&list);
    assert_eq!(out.matches("<ul>").count(), out.matches("</ul>").count());
    assert_eq!(out.matches("<li>").count(), out.matches("</li>").count());
    assert!(out.matches("<ul>").count() + out.matches("<li>").count() <= MAX_NESTING + 1);
    for d in 0..200 {
        assert!(out.contains(&format!("item{d}")), "item{d} lost: {out}");
    }
    assert!(
        out.contains("item198\nitem199"),
        "flattened items run together"
    );

    let stars = "*".repeat(5000);
    let out = html(&format!("{stars}x{stars}"));
    let tags = out.matches("<em>").count() + out.matches("<strong>").count();
    assert!(tags <= MAX_NESTING, "{tags} nested emphasis tags");
    assert!(out.contains('x'));
}
