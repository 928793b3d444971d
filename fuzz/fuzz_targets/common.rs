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
        // Attribute values are escaped, so the tag ends at the first `>`.
        let tag = &rest[..rest.find('>').unwrap_or(rest.len())];
        for word in tag.split_whitespace().skip(1) {
            assert!(
                !word.starts_with("on"),
                "event handler in <{tag}> of {html:?}"
            );
        }
        for attr in ["href=\"", "src=\""] {
            if let Some(at) = tag.find(attr) {
                let value = &tag[at + attr.len()..];
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
