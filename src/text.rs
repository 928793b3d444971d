//! Small text helpers shared by the stages, text in -> text out: URL slugs, one-sentence
//! summaries, escaped control characters, and the rules for web addresses and questions.

/// Text with its control characters (ESC, newline, tab…) written as escapes such as
/// `\u{1b}`, so that a file name cannot drive a terminal or break a line of a report.
pub fn escape_controls(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(char::is_control) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if c.is_control() {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// A path as shown in messages: [`escape_controls`] applied to its text.
pub fn shown_path(path: &std::path::Path) -> String {
    escape_controls(&path.display().to_string()).into_owned()
}

/// A URL-safe slug: lowercase ASCII letters and digits joined by single hyphens.
/// Letters with accents lose them where that is obvious; everything else separates words.
/// Never contains `.`, `/`, `\` or control characters, so it cannot leave its folder.
pub fn slugify(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut hyphen = false;
    for c in s.chars() {
        let c = fold_accent(c);
        if c.is_ascii_alphanumeric() {
            if hyphen && !out.is_empty() {
                out.push('-');
            }
            hyphen = false;
            out.push(c.to_ascii_lowercase());
        } else if matches!(c, '\'' | '’' | '‘' | 'ʻ' | 'ʼ') {
            // "driver's" -> "drivers", "Hawaiʻi" -> "hawaii"
        } else {
            hyphen = true;
        }
    }
    out
}

/// A slug of at most `max` bytes, cut at a hyphen when possible.
pub fn slugify_short(s: &str, max: usize) -> String {
    let slug = slugify(s);
    if slug.len() <= max {
        return slug;
    }
    let cut = &slug[..max];
    if slug.as_bytes()[max] == b'-' {
        return cut.to_string();
    }
    match cut.rfind('-') {
        Some(p) if p > max / 2 => cut[..p].to_string(),
        _ => cut.trim_end_matches('-').to_string(),
    }
}

/// A Latin letter without its accent (`é` -> `e`, `ō` -> `o`), for slugs and for comparing
/// names; other characters come back as they are.
pub(crate) fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' | 'Ă' | 'Ą' => 'A',
        'ç' | 'ć' | 'č' => 'c',
        'Ç' | 'Ć' | 'Č' => 'C',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ė' | 'Ę' | 'Ě' => 'E',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' => 'i',
        'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'Į' => 'I',
        'ñ' | 'ń' | 'ň' => 'n',
        'Ñ' | 'Ń' | 'Ň' => 'N',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ō' | 'ő' | 'ø' => 'o',
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ō' | 'Ő' | 'Ø' => 'O',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű' => 'U',
        'ý' | 'ÿ' => 'y',
        'Ý' | 'Ÿ' => 'Y',
        'ś' | 'š' => 's',
        'Ś' | 'Š' => 'S',
        'ź' | 'ż' | 'ž' => 'z',
        'Ź' | 'Ż' | 'Ž' => 'Z',
        'ł' => 'l',
        'Ł' => 'L',
        'ř' => 'r',
        'Ř' => 'R',
        _ => c,
    }
}

/// The first sentence of `text`, cut to about `max` characters at a word boundary with "…".
pub fn first_sentence(text: &str, max: usize) -> String {
    let text = text.trim();
    let end = text
        .char_indices()
        .find(|&(i, c)| is_sentence_end(text, i, c))
        .map_or(text.len(), |(i, c)| i + c.len_utf8());
    shorten(&text[..end], max)
}

/// Whether the character `c` at byte `i` of `text` ends a sentence: `.`, `?` or `!`
/// followed by a space, a line break or the end, and not a short abbreviation such as
/// "U.S." or "e.g." (a single letter before the dot) or a list number ("include: 1. Names").
pub fn is_sentence_end(text: &str, i: usize, c: char) -> bool {
    if !matches!(c, '.' | '?' | '!') {
        return false;
    }
    let next = text.as_bytes().get(i + 1).copied();
    let before_is_single_letter = i >= 1
        && text[..i]
            .chars()
            .next_back()
            .is_some_and(|p| p.is_alphabetic())
        && text[..i]
            .chars()
            .rev()
            .nth(1)
            .is_none_or(|p| !p.is_alphanumeric());
    let word_before = text[..i].rsplit(char::is_whitespace).next().unwrap_or("");
    let list_number =
        c == '.' && !word_before.is_empty() && word_before.chars().all(|d| d.is_ascii_digit());
    next.is_none_or(|b| b == b' ' || b == b'\n') && !before_is_single_letter && !list_number
}

/// `text` with its whitespace joined, cut to about `max` characters at a word boundary
/// with "…" when longer.
pub fn shorten(text: &str, max: usize) -> String {
    let sentence = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if sentence.chars().count() <= max {
        return sentence;
    }
    let mut cut: String = sentence.chars().take(max).collect();
    if let Some(p) = cut.rfind(' ') {
        cut.truncate(p);
    }
    cut.trim_end_matches([',', ';', ':', ' ']).to_string() + "…"
}

/// Whether `s` starts with `http://` or `https://`, in any case (`HTTPS://` is a web
/// address too): the one rule for `base_url`, `--base-url` and a state's `sources`.
pub fn is_http_url(s: &str) -> bool {
    ["http://", "https://"]
        .iter()
        .any(|p| s.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p)))
}

/// True when a line reads as a question: it ends in `?`, perhaps inside closing quotes,
/// brackets or emphasis marks.
pub fn asks(text: &str) -> bool {
    text.trim_end_matches(['"', '\'', '”', '’', ')', ']', '*', '_', ' '])
        .ends_with(['?', '？'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_safe() {
        assert_eq!(slugify("New York"), "new-york");
        assert_eq!(slugify("How long is data kept?"), "how-long-is-data-kept");
        assert_eq!(slugify("Driver’s license"), "drivers-license");
        assert_eq!(slugify("../../etc/passwd"), "etc-passwd");
        assert_eq!(slugify("a\\b\u{0}c"), "a-b-c");
        assert_eq!(slugify("Señora Ümlaut"), "senora-umlaut");
        assert_eq!(slugify("???"), "");
    }

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(
            escape_controls("a\u{1b}[31mb\nc.txt"),
            "a\\u{1b}[31mb\\u{a}c.txt"
        );
        assert!(matches!(
            escape_controls("Hawaiʻi"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn short_slugs_cut_at_hyphen() {
        assert_eq!(
            slugify_short("how long is the data kept by the agency", 20),
            "how-long-is-the-data"
        );
    }

    #[test]
    fn first_sentence_skips_abbreviations_and_shortens() {
        assert_eq!(
            first_sentence("The U.S. shares data. Then more.", 100),
            "The U.S. shares data."
        );
        assert_eq!(first_sentence("No end", 100), "No end");
        assert_eq!(
            first_sentence("Shared data include:\n\n1. Names. 2. Dates.", 100),
            "Shared data include: 1. Names."
        );
        let long = "word ".repeat(50);
        let s = first_sentence(&long, 30);
        assert!(s.ends_with('…') && s.chars().count() <= 31, "{s}");
    }
}
