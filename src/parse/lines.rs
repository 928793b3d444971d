//! The lines of a decoded state file -> each classified once (blank, numbered, bullet or
//! text, with its indent), plus the small readers of a line's parts: question numbers,
//! bullets, a `Category:` line, runs of spaces.

/// One line of the file, classified once.
#[derive(Debug, Clone, Copy)]
pub(super) struct Line<'a> {
    /// 1-based line number.
    pub(super) no: usize,
    /// Leading whitespace width (a tab counts as 4).
    pub(super) indent: usize,
    /// The line without leading and trailing whitespace.
    pub(super) text: &'a str,
    pub(super) kind: Kind<'a>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Kind<'a> {
    Blank,
    /// `12. text`
    Numbered(u32, &'a str),
    /// `- text`, `– text`, `• text`
    Bullet(&'a str),
    Text,
}

/// How question numbers may be written: `1.` always; `1)` and `1 -` only when a file
/// has no `1.` questions at all (read with a warning).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Numbering {
    Dot,
    Other,
}

pub(super) fn classify(no: usize, raw: &str, numbering: Numbering) -> Line<'_> {
    let raw = raw.strip_suffix('\r').unwrap_or(raw);
    let text = raw.trim();
    let indent = raw
        .chars()
        .take_while(|c| c.is_whitespace())
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum();
    let kind = if text.is_empty() {
        Kind::Blank
    } else if let Some((n, rest)) = numbered(text, numbering) {
        Kind::Numbered(n, rest)
    } else if let Some(rest) = bullet(text) {
        Kind::Bullet(rest)
    } else {
        Kind::Text
    };
    Line {
        no,
        indent,
        text,
        kind,
    }
}

/// `N. rest` with N of at most 6 digits and at least one space (of any kind) after the
/// dot; with [`Numbering::Other`], `N) rest` and `N - rest` instead.
pub(super) fn numbered(text: &str, numbering: Numbering) -> Option<(u32, &str)> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 6 {
        return None;
    }
    let after = match numbering {
        Numbering::Dot => text[digits..].strip_prefix('.')?,
        Numbering::Other => {
            let after = &text[digits..];
            match after.strip_prefix(')') {
                Some(rest) => rest,
                None => {
                    let spaced = after.trim_start();
                    if spaced.len() == after.len() {
                        return None;
                    }
                    spaced.strip_prefix(['-', '–', '—'])?
                }
            }
        }
    };
    if !after.starts_with(char::is_whitespace) {
        return None;
    }
    let rest = after.trim_start();
    if rest.is_empty() {
        return None;
    }
    Some((text[..digits].parse().ok()?, rest))
}

pub(super) fn bullet(text: &str) -> Option<&str> {
    for marker in ['-', '–', '—', '•', '◦', '▪'] {
        if let Some(after) = text.strip_prefix(marker) {
            if after.starts_with(char::is_whitespace) && !after.trim().is_empty() {
                return Some(after.trim_start());
            }
        }
    }
    None
}

pub(super) fn is_category(text: &str) -> Option<&str> {
    for prefix in ["Categories", "Category"] {
        // `get`, not indexing: the prefix's length may fall inside a multi-byte letter.
        let head = text.get(..prefix.len());
        if !head.is_some_and(|h| h.eq_ignore_ascii_case(prefix)) {
            continue;
        }
        let rest = &text[prefix.len()..];
        // "Category: X", "Category X", with any kind of space.
        let value = match rest.strip_prefix(':') {
            Some(after) => after,
            None if rest.starts_with(char::is_whitespace) => rest,
            None => continue,
        };
        let value = value.trim();
        if !value.is_empty() {
            return Some(value);
        }
    }
    None
}

/// Text with every run of whitespace (tabs, no-break and other Unicode spaces) one space.
pub(super) fn single_spaced(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
