//! A name, title or code in -> the place a state document is about: one of the 50 states, DC
//! and the US territories (`places`), or an extra jurisdiction a site declares in
//! `site.toml`; with the nearest known name for a misspelt one.

use serde::Serialize;

mod places;
use places::{ALIASES, US};

/// One place a document can cover, with its USPS postal code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Jurisdiction {
    pub name: String,
    pub code: String,
    /// Where its square sits on the index page's tile map (row, column), if it has one.
    #[serde(skip)]
    pub tile: Option<(u8, u8)>,
}

/// The known jurisdictions of a site: the built-in US list plus the site's extras.
#[derive(Debug, Clone)]
pub struct Jurisdictions {
    all: Vec<Jurisdiction>,
    /// (folded name or alias, index into `all`), longest names first so that
    /// "West Virginia" wins over "Virginia". See [`fold`].
    names: Vec<(String, usize)>,
}

impl Jurisdictions {
    /// The built-in list with `extra` (name, code) pairs appended.
    pub fn new(extra: &[(String, String)]) -> Self {
        let mut all: Vec<Jurisdiction> = US
            .iter()
            .map(|&(name, code, r, c)| Jurisdiction {
                name: name.to_string(),
                code: code.to_string(),
                tile: Some((r, c)),
            })
            .collect();
        all.extend(extra.iter().map(|(name, code)| Jurisdiction {
            name: name.clone(),
            code: code.clone(),
            tile: None,
        }));
        let mut names: Vec<(String, usize)> = Vec::new();
        let mut add = |name: &str, i: usize| {
            let folded = fold(name).text;
            // "St." and "Saint" are the same word in a place's name.
            for variant in [
                replace_word(&folded, "st", "saint"),
                replace_word(&folded, "saint", "st"),
            ] {
                if variant != folded {
                    names.push((variant, i));
                }
            }
            names.push((folded, i));
        };
        for (i, j) in all.iter().enumerate() {
            add(&j.name, i);
        }
        for (alias, code) in ALIASES {
            if let Some(i) = all.iter().position(|j| j.code == *code) {
                add(alias, i);
            }
        }
        names.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        names.dedup();
        Jurisdictions { all, names }
    }

    pub fn all(&self) -> &[Jurisdiction] {
        &self.all
    }

    pub fn by_code(&self, code: &str) -> Option<&Jurisdiction> {
        self.all.iter().find(|j| j.code.eq_ignore_ascii_case(code))
    }

    /// The jurisdiction a whole string names exactly, by name, alias or code, ignoring
    /// case, accents, apostrophes and the ʻokina, dots and extra spaces.
    pub fn by_name(&self, name: &str) -> Option<&Jurisdiction> {
        // A name spelt exactly as declared wins over one that only folds to the same.
        let exact = name.trim().to_lowercase();
        if let Some(place) = self.all.iter().find(|j| j.name.to_lowercase() == exact) {
            return Some(place);
        }
        let wanted = fold(name).text;
        self.names
            .iter()
            .find(|(n, _)| *n == wanted)
            .map(|(_, i)| &self.all[*i])
            .or_else(|| self.by_code(name.trim()))
    }

    /// The jurisdiction a title names. A name after the last " in " wins (titles read
    /// "… in Iowa"); otherwise the last, longest name found anywhere as whole words.
    pub fn in_title(&self, title: &str) -> Option<&Jurisdiction> {
        self.find_in_title(title).map(|(i, _)| &self.all[i])
    }

    /// Like [`Jurisdictions::in_title`], with the place's name as the title writes it when
    /// that differs from the usual spelling only by its marks (`Hawaiʻi`, `Hawai'i`);
    /// differences of case or spacing give the usual spelling (`IOWA` -> `Iowa`).
    pub fn in_title_as_written(&self, title: &str) -> Option<Jurisdiction> {
        let (i, written) = self.find_in_title(title)?;
        let mut place = self.all[i].clone();
        if let Some(written) = written.filter(|w| same_letters_and_case(w, &place.name)) {
            place.name = written;
        }
        Some(place)
    }

    /// (index of the place, its name as written in the title when found as a name).
    fn find_in_title(&self, title: &str) -> Option<(usize, Option<String>)> {
        let folded = fold(title);
        let lower = folded.text.as_str();
        if let Some(pos) = lower.rfind(" in ") {
            let tail = lower[pos + 4..].trim_end_matches(['?', '!', ' ', ',']);
            if let Some((_, i)) = self.names.iter().find(|(n, _)| n == tail) {
                let written = folded.original(title, pos + 4, pos + 4 + tail.len());
                return Some((*i, Some(written)));
            }
            if let Some(j) = self.by_code(tail) {
                let i = self.all.iter().position(|p| p.code == j.code)?;
                return Some((i, None));
            }
        }
        let mut best: Option<(usize, usize, usize, usize)> = None; // (end, len, start, index)
        for (name, i) in &self.names {
            for (start, _) in lower.match_indices(name.as_str()) {
                let end = start + name.len();
                if !is_word_boundary(lower, start, end) {
                    continue;
                }
                let better = match best {
                    None => true,
                    Some((e, l, _, _)) => end > e || (end == e && name.len() > l),
                };
                if better {
                    best = Some((end, name.len(), start, *i));
                }
            }
        }
        best.map(|(end, _, start, i)| (i, Some(folded.original(title, start, end))))
    }

    /// The jurisdiction a file name names: `new-york.txt`, `New_York.md`, `newyork.txt`,
    /// `ny.txt`.
    pub fn in_file_stem(&self, stem: &str) -> Option<&Jurisdiction> {
        let spaced: String = stem
            .chars()
            .map(|c| if c == '-' || c == '_' { ' ' } else { c })
            .collect();
        self.by_name(&spaced).or_else(|| {
            let squeezed = fold(&spaced).text.replace(' ', "");
            self.names
                .iter()
                .find(|(n, _)| n.replace(' ', "") == squeezed)
                .map(|(_, i)| &self.all[*i])
        })
    }

    /// The place whose name is nearest to `written` (a misspelling such as "Ohoi"), when
    /// one is near enough to be what was meant.
    pub fn suggest(&self, written: &str) -> Option<&Jurisdiction> {
        let wanted = fold(&written.replace(['-', '_'], " ")).text;
        if wanted.chars().count() < 3 {
            return None;
        }
        let squeezed = wanted.replace(' ', "");
        let (distance, i) = self
            .names
            .iter()
            .map(|(n, i)| {
                let d = strsim::damerau_levenshtein(&wanted, n)
                    .min(strsim::damerau_levenshtein(&squeezed, &n.replace(' ', "")));
                (d, *i)
            })
            .min()?;
        // One slip in a short name, two in a longer one; more is another word.
        let allowed = if wanted.chars().count() <= 5 { 1 } else { 2 };
        (distance > 0 && distance <= allowed).then(|| &self.all[i])
    }
}

/// A name or title in the form names are compared in: lower case, accents taken off,
/// apostrophes, the ʻokina and dots dropped, every run of (Unicode) whitespace one space.
struct Folded {
    text: String,
    /// For each byte of `text`, the byte offset in the original of the character it came from.
    from: Vec<usize>,
}

impl Folded {
    /// The original text behind `text[start..end]`, its spaces made plain and single.
    fn original(&self, original: &str, start: usize, end: usize) -> String {
        if start >= end || end > self.from.len() {
            return String::new();
        }
        let first = self.from[start];
        let last = self.from[end - 1];
        let last_len = original[last..].chars().next().map_or(0, char::len_utf8);
        original[first..last + last_len]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn fold(s: &str) -> Folded {
    let mut text = String::with_capacity(s.len());
    let mut from = Vec::with_capacity(s.len());
    let mut push = |text: &mut String, c: char, at: usize| {
        text.push(c);
        from.extend(std::iter::repeat_n(at, c.len_utf8()));
    };
    for (at, c) in s.char_indices() {
        if c.is_whitespace() {
            if !text.is_empty() && !text.ends_with(' ') {
                push(&mut text, ' ', at);
            }
        } else if is_mark(c) {
            continue;
        } else {
            for lower in crate::text::fold_accent(c).to_lowercase() {
                push(&mut text, lower, at);
            }
        }
    }
    if text.ends_with(' ') {
        text.pop();
        from.pop();
    }
    Folded { text, from }
}

/// Characters that names may carry or leave out without naming another place.
fn is_mark(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʻ' | 'ʼ' | '`' | '´' | '.')
}

/// True when `written` has the letters of `usual` (accents aside) in the same case,
/// so that it can stand for it as the display form.
fn same_letters_and_case(written: &str, usual: &str) -> bool {
    let letters = |s: &str| -> Vec<char> {
        s.chars()
            .filter(|c| c.is_alphanumeric() && !is_mark(*c))
            .map(crate::text::fold_accent)
            .collect()
    };
    written != usual && letters(written) == letters(usual)
}

fn replace_word(folded: &str, from: &str, to: &str) -> String {
    folded
        .split(' ')
        .map(|w| if w == from { to } else { w })
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_word_boundary(s: &str, start: usize, end: usize) -> bool {
    let before = s[..start].chars().next_back();
    let after = s[end..].chars().next();
    let ok = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
    ok(before) && ok(after)
}

#[cfg(test)]
mod tests;
