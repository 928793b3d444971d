//! Answer HTML -> the same HTML with its headings moved up or down a level, so that an
//! answer's own headings nest under whatever heading the page puts above it (an `h1`
//! question page, an `h3` question on the print page).

use std::borrow::Cow;

/// Moves every `<hN>` / `</hN>` tag of `html` by `delta` levels, keeping levels within
/// 2..=6 (an answer never gets a page's `h1`). Returns the input untouched when it has no
/// headings or `delta` is 0, which is the common case for plain-text answers.
///
/// Answer HTML comes from pulldown-cmark's writer, where text is escaped, so `<h` followed
/// by a digit only ever starts a heading tag.
pub fn shift_headings(html: &str, delta: i8) -> Cow<'_, str> {
    if delta == 0 || !has_heading(html) {
        return Cow::Borrowed(html);
    }
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len());
    let mut copied = 0;
    let mut i = 0;
    while i + 2 < bytes.len() {
        if bytes[i] == b'<' {
            let name_at = if bytes[i + 1] == b'/' { i + 2 } else { i + 1 };
            if let Some(level) = heading_level_at(bytes, name_at) {
                let new_level = (level as i8 + delta).clamp(2, 6) as u8;
                out.push_str(&html[copied..name_at + 1]);
                out.push((b'0' + new_level) as char);
                copied = name_at + 2;
                i = copied;
                continue;
            }
        }
        i += 1;
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

fn has_heading(html: &str) -> bool {
    let bytes = html.as_bytes();
    html.match_indices("<h")
        .any(|(i, _)| heading_level_at(bytes, i + 1).is_some())
}

/// The level of a heading tag name starting at `at` (`h3>` or `h3 `), if there is one.
fn heading_level_at(bytes: &[u8], at: usize) -> Option<u8> {
    match (bytes.get(at), bytes.get(at + 1), bytes.get(at + 2)) {
        (Some(b'h'), Some(d @ b'1'..=b'6'), Some(b'>' | b' ')) => Some(d - b'0'),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_answers_are_borrowed() {
        let html = "<p>No headings here, only <hr> and <header>.</p>";
        assert!(matches!(shift_headings(html, 1), Cow::Borrowed(_)));
    }

    #[test]
    fn headings_move_down_for_print() {
        assert_eq!(
            shift_headings("<h3>A</h3><p>x</p><h4 id=\"b\">B</h4>", 1),
            "<h4>A</h4><p>x</p><h5 id=\"b\">B</h5>"
        );
    }

    #[test]
    fn headings_move_up_under_an_h1_but_never_to_h1() {
        assert_eq!(shift_headings("<h3>A</h3>", -1), "<h2>A</h2>");
        assert_eq!(shift_headings("<h2>A</h2>", -1), "<h2>A</h2>");
        assert_eq!(shift_headings("<h6>A</h6>", 2), "<h6>A</h6>");
    }

    #[test]
    fn escaped_text_is_left_alone() {
        let html = "<p>&lt;h3&gt; is text</p><h3>T</h3>";
        assert_eq!(
            shift_headings(html, 1),
            "<p>&lt;h3&gt; is text</p><h4>T</h4>"
        );
    }
}
