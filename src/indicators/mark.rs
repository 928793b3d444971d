//! An answer's HTML + an evidence sentence (plain text) -> the same HTML with the sentence
//! wrapped in `<mark id=…>`, so a link to the question page lands on it and shows it. Only
//! text between tags is wrapped (a sentence across `<em>` gets one `<mark>` per piece),
//! so the markup stays well formed whatever the answer holds.

/// Marks `sentence` in `html` with the anchor `id`; `None` when the sentence is not found.
pub fn mark_sentence(html: &str, sentence: &str, id: &str) -> Option<String> {
    let (text, map) = visible_text(html);
    let wanted = collapse(sentence);
    if wanted.is_empty() {
        return None;
    }
    let at = text.find(&wanted)?;
    let start = map[at];
    let end = map[at + wanted.len() - 1].1;
    let start = start.0;
    let mut out = String::with_capacity(html.len() + 64);
    out.push_str(&html[..start]);
    let mut first = true;
    let mut rest = &html[start..end];
    while !rest.is_empty() {
        let (piece, tail) = match rest.find('<') {
            Some(0) => {
                let close = rest.find('>').map_or(rest.len(), |p| p + 1);
                out.push_str(&rest[..close]);
                rest = &rest[close..];
                continue;
            }
            Some(p) => (&rest[..p], &rest[p..]),
            None => (rest, ""),
        };
        if piece.trim().is_empty() {
            out.push_str(piece);
        } else if first {
            out.push_str(&format!(
                "<mark class=\"evidence\" id=\"{id}\">{piece}</mark>"
            ));
            first = false;
        } else {
            out.push_str(&format!("<mark class=\"evidence\">{piece}</mark>"));
        }
        rest = tail;
    }
    out.push_str(&html[end..]);
    Some(out)
}

/// Runs of white space as one space, trimmed.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of `html` (entities decoded, white space collapsed) and, for each byte of it,
/// the byte range in `html` it comes from.
fn visible_text(html: &str) -> (String, Vec<(usize, usize)>) {
    let mut text = String::new();
    let mut map: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    let bytes = html.as_bytes();
    let push = |text: &mut String, map: &mut Vec<(usize, usize)>, c: char, from, to| {
        if c.is_whitespace() {
            if text.is_empty() || text.ends_with(' ') {
                return;
            }
            text.push(' ');
            map.push((from, to));
            return;
        }
        text.push(c);
        map.extend(std::iter::repeat_n((from, to), c.len_utf8()));
    };
    while i < html.len() {
        match bytes[i] {
            b'<' => {
                // A tag separates words only when it is a block or a line break; inline
                // tags such as <em> do not, so text is joined across them.
                let close = html[i..].find('>').map_or(html.len(), |p| i + p + 1);
                let name = html[i + 1..close]
                    .trim_start_matches('/')
                    .split(|c: char| !c.is_ascii_alphanumeric())
                    .next()
                    .unwrap_or("")
                    .to_ascii_lowercase();
                if !matches!(
                    name.as_str(),
                    "em" | "strong" | "a" | "code" | "b" | "i" | "span" | "mark" | "sub" | "sup"
                ) {
                    push(&mut text, &mut map, ' ', i, close);
                }
                i = close;
            }
            b'&' => {
                let (c, len) = entity(&html[i..]).unwrap_or(('&', 1));
                push(&mut text, &mut map, c, i, i + len);
                i += len;
            }
            _ => {
                let c = html[i..].chars().next().unwrap_or(' ');
                push(&mut text, &mut map, c, i, i + c.len_utf8());
                i += c.len_utf8();
            }
        }
    }
    (text, map)
}

/// The character an entity at the start of `s` stands for, and its length.
fn entity(s: &str) -> Option<(char, usize)> {
    let body: String = s[1..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '#')
        .take(10)
        .collect();
    let semicolon = s[1 + body.len()..].starts_with(';');
    let len = 1 + body.len() + usize::from(semicolon);
    let c = if let Some(num) = body.strip_prefix('#') {
        match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok(),
            None => num.parse().ok(),
        }
        .and_then(char::from_u32)?
    } else {
        match body.to_ascii_lowercase().as_str() {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => ' ',
            _ => return None,
        }
    };
    Some((c, len))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_a_sentence_across_soft_breaks_and_entities() {
        let html = "<p>First one. The DMV &amp; ICE do\nnot share. Last.</p>\n";
        let out = mark_sentence(html, "The DMV & ICE do not share.", "evidence-x").unwrap();
        assert_eq!(
            out,
            "<p>First one. <mark class=\"evidence\" id=\"evidence-x\">The DMV &amp; ICE do\nnot share.</mark> Last.</p>\n"
        );
    }

    #[test]
    fn a_sentence_across_inline_tags_is_marked_piece_by_piece() {
        let html = "<li>A <em>warrant</em> is needed.</li>";
        let out = mark_sentence(html, "A warrant is needed.", "e").unwrap();
        assert_eq!(
            out,
            "<li><mark class=\"evidence\" id=\"e\">A </mark><em><mark class=\"evidence\">warrant</mark></em><mark class=\"evidence\"> is needed.</mark></li>"
        );
        assert!(mark_sentence(html, "Not there.", "e").is_none());
    }

    #[test]
    fn minified_entities_without_semicolons_still_match() {
        let out = mark_sentence("<p>a &LT b &#39;c&#x27;</p>", "a < b 'c'", "e").unwrap();
        assert!(out.contains("<mark class=\"evidence\" id=\"e\">a &LT b &#39;c&#x27;</mark>"));
    }
}
