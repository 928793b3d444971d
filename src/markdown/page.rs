//! One extra page (`content/pages/*.md`) -> a [`PageSource`]: its title, description,
//! order and slug from the front matter, and its Markdown body, not yet rendered.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::front_matter;
use crate::diagnostic::Diagnostic;
use crate::parse::decode;
use crate::text::slugify;

/// Longest slug a page may set: it names the page's folder.
const MAX_SLUG: usize = 100;

const EXAMPLE: &str = "+++\ntitle = \"About this guide\"\nweight = 10\n+++";

/// An extra page before rendering.
#[derive(Debug, Clone, PartialEq)]
pub struct PageSource {
    pub path: PathBuf,
    /// The page's folder name: `slug` from the front matter, or the file stem, slugified.
    pub slug: String,
    pub title: String,
    pub description: String,
    /// Ordering in navigation; lower first.
    pub weight: i64,
    /// The Markdown body after the front matter.
    pub body: String,
    /// Line of the file where the body starts.
    pub body_line: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Front {
    title: Option<toml::Spanned<String>>,
    #[serde(default)]
    description: String,
    #[serde(default)]
    weight: i64,
    slug: Option<toml::Spanned<String>>,
}

/// Reads an extra page:
///
/// ```text
/// +++
/// title = "About this guide"     # required
/// description = "…"              # optional
/// weight = 10                    # optional; pages are listed by weight, then title
/// slug = "about"                 # optional; default: the file name
/// +++
/// The page in Markdown. Its `## ` headings are h2: the title is the page's h1.
/// ```
pub fn parse_page(path: &Path, bytes: &[u8]) -> Result<PageSource, Vec<Diagnostic>> {
    let text = decode(path, bytes).map_err(|d| vec![d])?;
    let text = text.replace("\r\n", "\n");
    let split = front_matter::split(path, &text, EXAMPLE).map_err(|d| vec![d])?;
    let front: Front = front_matter::read(path, &split).map_err(|d| vec![d])?;
    let mut diags = Vec::new();

    let title = front.title.as_ref().map_or("", |t| t.get_ref().trim());
    if title.is_empty() {
        let (line, message) = match &front.title {
            Some(t) => (
                split.line_in_file(t.span().start),
                "`title` is empty: the page needs a title",
            ),
            None => (split.open_line, "the front matter has no `title`"),
        };
        diags.push(Diagnostic::error(
            path,
            Some(line),
            message,
            "add a title, e.g. title = \"About this guide\"",
        ));
    }
    let slug = match &front.slug {
        Some(given) => {
            let slug = slugify(given.get_ref());
            let line = Some(split.line_in_file(given.span().start));
            let mut error = |message: String, help: &str| {
                diags.push(Diagnostic::error(path, line, message, help));
            };
            if slug.is_empty() {
                error(
                    format!(
                        "slug {:?} has no letters or digits to make a URL of",
                        given.get_ref()
                    ),
                    "use lowercase letters, digits and hyphens, e.g. slug = \"about\"",
                );
            } else if slug.len() > MAX_SLUG {
                // The slug is a folder name, and file systems refuse names past 255 bytes.
                error(
                    format!(
                        "slug is {} characters long; a slug may have at most {MAX_SLUG}",
                        slug.len()
                    ),
                    "use a few words, e.g. slug = \"about\"",
                );
            }
            slug
        }
        None => {
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy())
                .unwrap_or_default();
            let slug = slugify(&stem);
            if slug.is_empty() {
                diags.push(Diagnostic::error(
                    path,
                    Some(split.open_line),
                    format!("the file name {stem:?} has no letters or digits to make a URL of"),
                    "rename the file (e.g. about.md), or set slug = \"about\" in the front matter",
                ));
            }
            slug
        }
    };
    if !diags.is_empty() {
        return Err(diags);
    }
    Ok(PageSource {
        path: path.to_path_buf(),
        slug,
        title: title.to_string(),
        description: front.description.trim().to_string(),
        weight: front.weight,
        body: split.body.to_string(),
        body_line: split.body_line,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(text: &str) -> Result<PageSource, Vec<Diagnostic>> {
        parse_page(Path::new("content/pages/About Us.md"), text.as_bytes())
    }

    #[test]
    fn reads_every_field() {
        let p = page("+++\ntitle = \"About\"\ndescription = \"What this is\"\nweight = -3\nslug = \"Who We Are\"\n+++\n## Hello\n").unwrap();
        assert_eq!(p.title, "About");
        assert_eq!(p.description, "What this is");
        assert_eq!(p.weight, -3);
        assert_eq!(p.slug, "who-we-are");
        assert_eq!(p.body, "## Hello\n");
        assert_eq!(p.body_line, 7);
    }

    #[test]
    fn defaults_slug_from_file_name() {
        let p = page("\u{feff}+++\r\ntitle = \"About\"\r\n+++\r\nText\r\n").unwrap();
        assert_eq!(
            (p.slug.as_str(), p.weight, p.description.as_str()),
            ("about-us", 0, "")
        );
        assert_eq!(p.body, "Text\n");
    }

    #[test]
    fn a_slug_too_long_for_a_folder_name_is_an_error() {
        let text = format!(
            "+++\ntitle = \"About\"\nslug = \"{}\"\n+++\n",
            "a".repeat(300)
        );
        let errs = page(&text).unwrap_err();
        assert_eq!(errs[0].line, Some(3));
        assert!(
            errs[0].message.contains("300 characters"),
            "{}",
            errs[0].message
        );
        assert!(page(&format!(
            "+++\ntitle = \"About\"\nslug = \"{}\"\n+++\n",
            "a".repeat(100)
        ))
        .is_ok());
    }

    #[test]
    fn an_empty_title_says_so_at_its_line() {
        let errs = page("+++\nweight = 1\ntitle = \"  \"\n+++\nText\n").unwrap_err();
        assert_eq!(errs[0].line, Some(3));
        assert!(
            errs[0].message.starts_with("`title` is empty"),
            "{}",
            errs[0].message
        );
    }

    #[test]
    fn missing_title_is_an_error() {
        let errs = page("+++\nweight = 1\n+++\nText\n").unwrap_err();
        assert_eq!(errs[0].line, Some(1));
        assert!(errs[0].message.contains("`title`"));
    }

    #[test]
    fn unknown_key_and_wrong_type_name_their_line() {
        let errs = page("+++\ntitle = \"About\"\nauthor = \"me\"\n+++\n").unwrap_err();
        assert_eq!(errs[0].line, Some(3));
        assert!(errs[0].message.contains("author"), "{}", errs[0].message);
        let errs = page("+++\ntitle = \"About\"\n\nweight = \"ten\"\n+++\n").unwrap_err();
        assert_eq!(errs[0].line, Some(4));
        assert!(errs[0].column.is_some());
    }

    #[test]
    fn unclosed_and_missing_front_matter() {
        let errs = page("+++\ntitle = \"About\"\n").unwrap_err();
        assert_eq!(errs[0].line, Some(1));
        assert!(errs[0].message.contains("never closed"));
        let errs = page("# About\n").unwrap_err();
        assert!(errs[0].message.contains("no front matter"));
    }

    #[test]
    fn syntax_error_line_is_the_line_in_the_file() {
        let errs = page("\n+++\ntitle = \"About\"\nweight = = 3\n+++\n").unwrap_err();
        assert_eq!(errs[0].line, Some(4));
    }
}
