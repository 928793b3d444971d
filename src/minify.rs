//! HTML minification with minify-html, done once per piece rather than once per page.
//!
//! A page is template text around values and answers. Minifying every finished page would
//! re-minify the same template text and the same answer (which appears on the state, question,
//! topic and print pages) tens of thousands of times: at 2,000 states that cost more than
//! the rest of the build together. So the templates are minified once when they are loaded,
//! and each answer's HTML once when the guide is built; pages assembled from minified pieces
//! come out minified.

use std::borrow::Cow;

/// Elements nested deeper than this are left as written: the minifier recurses once per
/// element and would overflow its stack (raw HTML that a site with `allow_html = true`
/// lets through can nest without bound).
const MAX_DEPTH: usize = 200;

/// The one set of minify-html settings: closing tags are kept, scripts (JSON-LD) are left
/// alone, the doctype is written as is. In templates, Tera's syntax is kept and CSS is left
/// as written, since a style may hold `{{ … }}` that a CSS minifier would not understand.
fn cfg(templates: bool) -> minify_html::Cfg {
    let mut cfg = minify_html::Cfg::new();
    cfg.keep_closing_tags = true;
    cfg.keep_html_and_head_opening_tags = true;
    cfg.minify_css = !templates;
    cfg.minify_js = false;
    cfg.minify_doctype = false;
    cfg.preserve_brace_template_syntax = templates;
    cfg
}

/// Minifies a piece of HTML: a whole page or a fragment such as an answer. Returned as is
/// when it nests too deep to minify safely.
pub fn html(source: &str) -> Cow<'_, str> {
    if nesting_depth(source.as_bytes()) > MAX_DEPTH {
        return Cow::Borrowed(source);
    }
    let out = minify_html::minify(source.as_bytes(), &cfg(false));
    // minify-html only removes and rewrites ASCII syntax around untouched text.
    Cow::Owned(String::from_utf8(out).expect("minify-html keeps UTF-8 text intact"))
}

/// Minifies a Tera template's HTML, keeping its `{{ }}`, `{% %}` and `{# #}` syntax, when
/// that is safe: Tera syntax inside a tag is left to minify only within quoted attribute
/// values as `{{ … }}`, because minify-html reorders attributes and would move an
/// `{% if %}` away from what it guards. Any other template is returned as written.
pub fn template(source: &str) -> Cow<'_, str> {
    if !template_is_safe_to_minify(source) || nesting_depth(source.as_bytes()) > MAX_DEPTH {
        return Cow::Borrowed(source);
    }
    let out = minify_html::minify(source.as_bytes(), &cfg(true));
    match String::from_utf8(out) {
        Ok(s) => Cow::Owned(s),
        Err(_) => Cow::Borrowed(source),
    }
}

/// Whether every piece of Tera syntax in `source` stands in text, or as `{{ … }}` inside a
/// quoted attribute value.
fn template_is_safe_to_minify(source: &str) -> bool {
    #[derive(Clone, Copy, PartialEq)]
    enum At {
        Text,
        Tag,
        Quoted(u8),
        /// Inside `<script>` or `<style>`: no tags until the closing one.
        RawText,
    }
    let b = source.as_bytes();
    let mut at = At::Text;
    let mut raw_end: &[u8] = b"";
    let mut i = 0;
    while i < b.len() {
        let rest = &b[i..];
        if rest.starts_with(b"{{") || rest.starts_with(b"{%") || rest.starts_with(b"{#") {
            let expression = rest[1] == b'{';
            match at {
                At::Text | At::RawText => {}
                At::Quoted(_) if expression => {}
                _ => return false,
            }
            let close = match rest[1] {
                b'{' => "}}",
                b'%' => "%}",
                _ => "#}",
            };
            // `i` is on an ASCII `{`, so `i + 2` is a character boundary.
            match source[i + 2..].find(close) {
                Some(end) => i += 2 + end + 2,
                None => return false,
            }
            continue;
        }
        match at {
            At::Text
                if rest[0] == b'<'
                    && rest
                        .get(1)
                        .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'/') =>
            {
                let name: Vec<u8> = rest[1..]
                    .iter()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .map(u8::to_ascii_lowercase)
                    .collect();
                raw_end = match name.as_slice() {
                    b"script" => b"</script",
                    b"style" => b"</style",
                    _ => b"",
                };
                at = At::Tag;
            }
            At::Tag if rest[0] == b'"' || rest[0] == b'\'' => at = At::Quoted(rest[0]),
            At::Tag if rest[0] == b'>' => {
                at = if raw_end.is_empty() {
                    At::Text
                } else {
                    At::RawText
                }
            }
            At::Quoted(q) if rest[0] == q => at = At::Tag,
            At::RawText
                if rest.len() >= raw_end.len()
                    && rest[..raw_end.len()].eq_ignore_ascii_case(raw_end) =>
            {
                raw_end = b"";
                at = At::Tag;
                i += 2;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    at == At::Text
}

/// How deep the elements of HTML nest, counted from its tags (void and self-closing
/// elements do not nest). An estimate good enough to keep deep input away from the
/// recursive minifier.
fn nesting_depth(html: &[u8]) -> usize {
    const VOID: [&[u8]; 13] = [
        b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta",
        b"source", b"track", b"wbr",
    ];
    let (mut depth, mut max) = (0usize, 0usize);
    let mut i = 0;
    while let Some(at) = html[i..].iter().position(|&b| b == b'<') {
        let tag = &html[i + at + 1..];
        i += at + 1;
        if tag.first() == Some(&b'/') {
            depth = depth.saturating_sub(1);
        } else if tag.first().is_some_and(u8::is_ascii_alphabetic) {
            let name_len = tag.iter().take_while(|b| b.is_ascii_alphanumeric()).count();
            let name = &tag[..name_len];
            let void = VOID.iter().any(|v| v.eq_ignore_ascii_case(name));
            if !void {
                // Only non-void tags need their end found (to see a self-closing `/>`).
                let end = tag.iter().position(|&b| b == b'>').unwrap_or(tag.len());
                if !tag[..end].ends_with(b"/") {
                    depth += 1;
                    max = max.max(depth);
                }
            }
        }
    }
    max
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_keep_closing_tags_and_json_ld() {
        let page = "<!doctype html><html><head><script type=\"application/ld+json\">{ \"a\" : 1 }</script></head><body><p>  x  </p></body></html>";
        let s = html(page);
        assert!(s.contains("<p>x</p>"), "{s}");
        assert!(s.contains("{ \"a\" : 1 }"), "{s}");
    }

    #[test]
    fn answers_lose_the_space_between_blocks_only() {
        let answer = "<p>One  two.</p>\n<ol>\n<li>A <em>b</em> c</li>\n</ol>\n";
        assert_eq!(
            html(answer),
            "<p>One two.</p><ol><li>A <em>b</em> c</li></ol>"
        );
    }

    #[test]
    fn deep_html_is_left_as_written() {
        let deep = format!("{}x", "<div>".repeat(5000));
        assert_eq!(html(&deep), deep);
        assert_eq!(
            html("<p>  a  </p>\n<br>\n<img src=x />"),
            "<p>a</p><br><img src=x>"
        );
        assert_eq!(
            nesting_depth(b"<ul><li>a<br></li><li><img src=x>b</li></ul>"),
            2
        );
        assert_eq!(nesting_depth(deep.as_bytes()), 5000);
    }

    #[test]
    fn templates_keep_their_syntax_and_quotes_around_values() {
        let src = "<ul class=\"list\">\n  {%- for s in states %}\n  <li><a href=\"{{ s.url }}\" title=\"{{ s.name }}\">{{ s.name }}</a></li>\n  {%- endfor %}\n</ul>\n";
        let out = template(src);
        assert!(out.contains("{%- for s in states %}"), "{out}");
        assert!(out.contains("{%- endfor %}"), "{out}");
        // Values may hold spaces, so their quotes stay.
        assert!(out.contains("href=\"{{ s.url }}\""), "{out}");
        assert!(out.contains("title=\"{{ s.name }}\""), "{out}");
        assert!(out.contains("<ul class=list>"), "{out}");
        assert!(!out.contains("\n"), "{out}");
    }

    #[test]
    fn templates_with_syntax_inside_tags_are_left_as_written() {
        for src in [
            "<a {% if x %}class=\"on\"{% endif %} href=\"/\">x</a>",
            "<a class=\"{% if x %}on{% endif %}\">x</a>",
            "<a href={{ url }}>x</a>",
            "<p>unclosed {{ x</p>",
            "<a {# note #} href=\"/\">x</a>",
        ] {
            assert_eq!(template(src), src, "{src}");
        }
        // A style holding Tera syntax keeps it as written.
        let styled = template("<p style=\"color: {{ colour }};  margin: 0\">x</p>");
        assert!(styled.contains("{{ colour }}"), "{styled}");
        // Tera syntax in text and in scripts is fine.
        assert!(template_is_safe_to_minify(
            "<p>{{ a }}</p>\n<script type=\"application/ld+json\">{{ j | safe }}</script>\n<p>{% if b %}c{% endif %}</p>"
        ));
    }
}
