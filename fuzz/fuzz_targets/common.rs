//! Checks shared by the fuzz targets: rendered answer HTML holds only the tags the
//! renderers themselves write, with no event-handler attribute and no script URL.

/// Tags an answer's HTML may contain: pulldown-cmark's own, and syntect's highlighting.
const ALLOWED_TAGS: &[&str] = &[
    "p",
    "br",
    "ol",
    "ul",
    "li",
    "em",
    "strong",
    "del",
    "code",
    "pre",
    "blockquote",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "a",
    "img",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "span",
];

/// Panics when `html` has a tag the renderers do not write, an `on…=` attribute, or a
/// link or image whose URL runs script or embeds data.
pub fn assert_safe_html(html: &str) {
    let lower = html.to_ascii_lowercase();
    for (i, _) in lower.match_indices('<') {
        let rest = &lower[i + 1..];
        let name: String = rest
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        assert!(
            ALLOWED_TAGS.contains(&name.as_str()),
            "unexpected tag <{name} in {html:?}"
        );
        // Attribute values are quoted and escaped, so the tag ends at the first `>`.
        let tag = &rest[..rest.find('>').unwrap_or(rest.len())];
        for (attr, value) in attributes(tag.trim_start_matches('/')[name.len()..].trim()) {
            assert!(
                !attr.starts_with("on"),
                "event handler in <{tag}> of {html:?}"
            );
            if attr == "href" || attr == "src" {
                for scheme in ["javascript:", "vbscript:", "data:"] {
                    assert!(
                        !value.starts_with(scheme),
                        "{scheme} URL in <{tag}> of {html:?}"
                    );
                }
            }
        }
    }
}

/// The `name="value"` pairs of a tag's attribute text (the writers always quote values).
fn attributes(mut text: &str) -> Vec<(&str, &str)> {
    let mut attrs = Vec::new();
    loop {
        text = text.trim_start();
        let name_end = text
            .find(|c: char| c.is_whitespace() || c == '=')
            .unwrap_or(text.len());
        if name_end == 0 {
            return attrs;
        }
        let name = &text[..name_end];
        text = &text[name_end..];
        let mut value = "";
        if let Some(after) = text.strip_prefix("=\"") {
            let end = after.find('"').unwrap_or(after.len());
            value = &after[..end];
            text = after.get(end + 1..).unwrap_or("");
        }
        attrs.push((name, value));
    }
}
