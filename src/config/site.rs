//! `content/site.toml`'s text -> a checked [`SiteConfig`] (what the site is called, where
//! it is published, its extra places), or every problem with its line.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::{line_of_key, line_of_offset, table_lines, toml_diagnostic};
use crate::diagnostic::Diagnostic;

/// `content/site.toml`.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// Where the site is published, e.g. `https://user.github.io/repo/`; may be empty.
    #[serde(default)]
    pub base_url: String,
    #[serde(default = "default_language")]
    pub language: String,
    #[serde(default)]
    pub publisher: String,
    /// A note on where the documents come from, shown on state pages.
    #[serde(default)]
    pub source_note: Option<String>,
    /// Let raw HTML in Markdown files through (escaped by default).
    #[serde(default)]
    pub allow_html: bool,
    /// Places beyond the 50 states, DC and the territories that documents may cover.
    #[serde(default)]
    pub extra_jurisdictions: Vec<ExtraJurisdiction>,
}

impl SiteConfig {
    /// The places declared under `[[extra_jurisdictions]]`, as (name, postal code).
    pub fn extra_places(&self) -> Vec<(String, String)> {
        self.extra_jurisdictions
            .iter()
            .map(|j| (j.name.clone(), j.code.clone()))
            .collect()
    }

    /// Settings to go on checking the state files with when `site.toml` has errors.
    pub fn stand_in(extra_jurisdictions: Vec<ExtraJurisdiction>) -> Self {
        SiteConfig {
            title: String::new(),
            description: String::new(),
            base_url: String::new(),
            language: default_language(),
            publisher: String::new(),
            source_note: None,
            allow_html: false,
            extra_jurisdictions,
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ExtraJurisdiction {
    pub name: String,
    pub code: String,
}

fn default_language() -> String {
    "en".to_string()
}

/// The keys `site.toml` takes, for reporting every unknown key at once.
const SITE_KEYS: &[&str] = &[
    "title",
    "description",
    "base_url",
    "language",
    "publisher",
    "source_note",
    "allow_html",
    "extra_jurisdictions",
];

/// Parses `site.toml`; every problem is an error naming its line (all unknown keys, not
/// only the first).
pub fn parse_site(path: &Path, text: &str) -> Result<SiteConfig, Vec<Diagnostic>> {
    let (known, mut diags) = without_unknown_keys(path, text);
    let site: SiteConfig = match toml::from_str(&known) {
        Ok(site) => site,
        Err(e) => {
            diags.push(toml_diagnostic(path, &known, &e));
            crate::diagnostic::sort(&mut diags);
            return Err(diags);
        }
    };
    if site.title.trim().is_empty() {
        let line = line_of_key(text, "title");
        diags.push(Diagnostic::error(
            path,
            line.or(Some(1)),
            if line.is_some() {
                "`title` is empty: the site needs a title for its pages and its home page"
            } else {
                "`title` is missing: the site needs a title for its pages and its home page"
            },
            "give the site a title, e.g. title = \"DMV Data Sharing With ICE\"",
        ));
    }
    if let Err(d) = check_site(path, text, &site) {
        diags.push(d);
    }
    if diags.is_empty() {
        Ok(site)
    } else {
        crate::diagnostic::sort(&mut diags);
        Err(diags)
    }
}

/// `text` with every top-level key `site.toml` does not take blanked out (line numbers
/// kept), and an error naming each. Syntax errors are left for the parser to report.
fn without_unknown_keys(path: &Path, text: &str) -> (String, Vec<Diagnostic>) {
    let Ok(table) = toml::de::DeTable::parse(text) else {
        return (text.to_string(), Vec::new());
    };
    let mut known = text.as_bytes().to_vec();
    let mut diags = Vec::new();
    for (key, value) in table.get_ref().iter() {
        if SITE_KEYS.contains(&key.get_ref().as_ref()) {
            continue;
        }
        let start = key.span().start;
        // From the start of the key's line (a `[table]` header's bracket included) to the
        // end of its value.
        let from = text[..start].rfind('\n').map_or(0, |p| p + 1);
        let to = value.span().end.max(key.span().end).min(text.len());
        for b in &mut known[from..to] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
        diags.push(
            Diagnostic::error(
                path,
                Some(line_of_offset(text, start)),
                format!("unknown key `{}`", key.get_ref()),
                format!(
                    "site.toml takes {}; remove the key or fix its spelling",
                    SITE_KEYS.join(", ")
                ),
            )
            .with_column(text[from..start].chars().count() + 1),
        );
    }
    // Only ASCII spaces replaced whole lines' bytes, so the text is still UTF-8.
    let known = String::from_utf8(known).unwrap_or_else(|_| text.to_string());
    (known, diags)
}

/// The checks on values that TOML's types do not express.
fn check_site(path: &Path, text: &str, site: &SiteConfig) -> Result<(), Diagnostic> {
    if !(site.base_url.is_empty() || crate::text::is_http_url(&site.base_url)) {
        let line = line_of_key(text, "base_url");
        return Err(Diagnostic::error(path, line, format!("`base_url` must be an http(s) URL, found {:?}", site.base_url), "write the full address, e.g. base_url = \"https://user.github.io/repo/\", or leave it empty"));
    }
    // A place's name becomes the folder of its pages; its code is shown as a label.
    let lines = table_lines(text, "extra_jurisdictions");
    for (i, place) in site.extra_jurisdictions.iter().enumerate() {
        let line = lines.get(i).copied();
        let slug = crate::text::slugify(&place.name);
        if slug.is_empty() || slug.len() > 100 {
            let what = if slug.is_empty() {
                "has no letters or digits to make a URL of"
            } else {
                "is too long to name a folder (at most 100 letters)"
            };
            return Err(Diagnostic::error(
                path,
                line,
                format!("place name {:?} {what}", place.name),
                "name the place in words, e.g. name = \"Guam\"",
            ));
        }
        if place.code.is_empty() || !place.code.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(Diagnostic::error(
                path,
                line,
                format!("place code {:?} must be letters and digits", place.code),
                "use a short code such as the postal code, e.g. code = \"GU\"",
            ));
        }
    }
    Ok(())
}

/// The places a `site.toml` declares, read leniently, so that state files can be checked
/// against them even when something else in the file is wrong.
pub fn extra_places_leniently(text: &str) -> Vec<ExtraJurisdiction> {
    #[derive(Deserialize)]
    struct Places {
        #[serde(default)]
        extra_jurisdictions: Vec<ExtraJurisdiction>,
    }
    toml::from_str::<Places>(text)
        .map(|p| p.extra_jurisdictions)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;
    #[test]
    fn site_unknown_key_names_line() {
        let err =
            parse_site(Path::new("site.toml"), "title = \"x\"\ncolour = \"red\"\n").unwrap_err();
        assert_eq!(err.len(), 1);
        assert_eq!(err[0].line, Some(2));
        assert!(err[0].message.contains("colour"), "{}", err[0].message);
    }

    #[test]
    fn every_unknown_key_is_reported_with_the_other_problems() {
        let text = "title = \"x\"\ncolour = [\n  \"red\",\n]\nallow_html = \"yes\"\nbase-url = \"x\"\n[theme]\ndark = true\n";
        let err = parse_site(Path::new("site.toml"), text).unwrap_err();
        let found: Vec<(Option<usize>, &str)> =
            err.iter().map(|d| (d.line, d.message.as_str())).collect();
        assert_eq!(found.len(), 4, "{found:?}");
        assert_eq!(found[0], (Some(2), "unknown key `colour`"));
        assert_eq!(found[1].0, Some(5));
        assert!(
            found[1].1.starts_with("`allow_html`: invalid type"),
            "{found:?}"
        );
        assert_eq!(found[2], (Some(6), "unknown key `base-url`"));
        assert_eq!(found[3], (Some(7), "unknown key `theme`"));
    }

    #[test]
    fn an_empty_title_says_so_at_its_line() {
        let err = parse_site(Path::new("site.toml"), "# Site\n\ntitle = \"\"\n").unwrap_err();
        let (line, message) = (err[0].line, &err[0].message);
        assert!(
            line == Some(3) && message.starts_with("`title` is empty"),
            "{line:?}: {message}"
        );
    }

    #[test]
    fn extra_places_need_a_name_with_letters_and_a_plain_code() {
        let site = |name: &str, code: &str| {
            let text = format!(
                "title = \"x\"\n\n[[extra_jurisdictions]]\nname = \"Guam\"\ncode = \"GU\"\n\n\
                 [[extra_jurisdictions]]\nname = \"{name}\"\ncode = \"{code}\"\n"
            );
            parse_site(Path::new("site.toml"), &text).map_err(|mut d| d.remove(0))
        };
        assert!(site("Atlantis", "AT").is_ok());
        let d = site("¿?", "AT").unwrap_err();
        assert_eq!(d.line, Some(7));
        assert!(d.message.contains("no letters or digits"), "{}", d.message);
        let d = site(&"Atlantis ".repeat(20), "AT").unwrap_err();
        assert!(d.message.contains("too long"), "{}", d.message);
        let d = site("Atlantis", "../x").unwrap_err();
        assert_eq!(d.line, Some(7));
        assert!(d.message.contains("letters and digits"), "{}", d.message);
    }

    #[test]
    fn wrong_type_names_the_key() {
        let d = parse_site(
            Path::new("site.toml"),
            "title = \"x\"\nallow_html = \"yes\"\n",
        )
        .unwrap_err()
        .remove(0);
        assert_eq!(d.line, Some(2));
        assert!(
            d.message
                .starts_with("`allow_html`: invalid type: string \"yes\""),
            "{}",
            d.message
        );
    }

    #[test]
    fn syntax_error_names_line_and_column() {
        let d = parse_site(Path::new("s.toml"), "title = \"x\"\nbase_url = \n")
            .unwrap_err()
            .remove(0);
        assert_eq!(d.line, Some(2));
        assert!(d.column.is_some());
    }
}
