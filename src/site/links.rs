//! Slugs and the base URL -> where pages live and how they point at each other: page
//! paths, the relative `root` prefix of each page, and the few absolute URLs (canonical,
//! sitemap, the 404 page's links) that come from `base_url`.

use std::borrow::Cow;

/// The published address of the site, normalized to end with `/`; `None` when unset.
pub fn normalize_base_url(raw: &str) -> Option<String> {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return None;
    }
    let mut url = trimmed.to_string();
    if !url.ends_with('/') {
        url.push('/');
    }
    Some(url)
}

/// The path part of a normalized base URL, used by the 404 page: a host serves that page
/// at any depth, so its links must be absolute paths. `https://u.github.io/repo/` gives
/// `/repo/`; no base URL, or one without a path, gives `/`.
pub fn base_path(base_url: Option<&str>) -> String {
    let Some(url) = base_url else {
        return "/".to_string();
    };
    let after_scheme = url.find("://").map_or(url, |i| &url[i + 3..]);
    let path = match after_scheme.find('/') {
        Some(i) => &after_scheme[i..],
        None => "/",
    };
    // Query strings and fragments have no place in a base URL; drop them if present.
    let path = path.split(['?', '#']).next().unwrap_or("/");
    let mut path = path.to_string();
    if !path.ends_with('/') {
        path.push('/');
    }
    path
}

/// The prefix that leads from a page back to the output root: `""` for `index.html`,
/// `"../"` for `compare/index.html`, `"../../"` for `states/iowa/index.html`.
pub fn root_prefix(path: &str) -> Cow<'static, str> {
    // The layout is at most two folders deep, so the common prefixes need no allocation.
    const PREFIXES: [&str; 4] = ["", "../", "../../", "../../../"];
    let depth = path.bytes().filter(|&b| b == b'/').count();
    match PREFIXES.get(depth) {
        Some(prefix) => Cow::Borrowed(prefix),
        None => Cow::Owned("../".repeat(depth)),
    }
}

/// The public URL of a page: base URL plus path, with a trailing `index.html` dropped
/// because hosts serve a folder's index at the folder's URL.
pub fn public_url(base_url: &str, path: &str) -> String {
    let path = path.strip_suffix("index.html").unwrap_or(path);
    format!("{base_url}{path}")
}

/// The states × topics matrix of key sentences.
pub const TOPIC_MATRIX: &str = "compare/topics/index.html";
/// The two-state comparison page, and the folder of its per-state data scripts.
pub const STATE_PAIR: &str = "compare/states/index.html";
pub const STATE_PAIR_DATA: &str = "compare/states/data";

/// The script holding one state's answers for the two-state comparison.
pub fn state_pair_data(state_slug: &str) -> String {
    format!("{STATE_PAIR_DATA}/{state_slug}.js")
}

pub fn state_page(state_slug: &str) -> String {
    format!("states/{state_slug}/index.html")
}

pub fn question_page(state_slug: &str, question_slug: &str) -> String {
    format!("states/{state_slug}/{question_slug}.html")
}

pub fn topic_page(topic_id: &str) -> String {
    format!("topics/{topic_id}/index.html")
}

pub fn extra_page(page_slug: &str) -> String {
    format!("{page_slug}/index.html")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_gets_a_trailing_slash() {
        assert_eq!(
            normalize_base_url(" https://u.github.io/repo "),
            Some("https://u.github.io/repo/".to_string())
        );
        assert_eq!(normalize_base_url("  "), None);
    }

    #[test]
    fn base_path_is_the_url_path() {
        assert_eq!(base_path(Some("https://u.github.io/repo/")), "/repo/");
        assert_eq!(base_path(Some("https://example.org/")), "/");
        assert_eq!(base_path(Some("https://example.org")), "/");
        assert_eq!(base_path(Some("https://example.org/a/b/?x=1")), "/a/b/");
        assert_eq!(base_path(None), "/");
    }

    #[test]
    fn root_prefix_climbs_one_level_per_folder() {
        assert_eq!(root_prefix("index.html"), "");
        assert_eq!(root_prefix("compare/index.html"), "../");
        assert_eq!(root_prefix("states/iowa/index.html"), "../../");
        assert_eq!(root_prefix("states/iowa/retention.html"), "../../");
        assert_eq!(root_prefix("a/b/c/d/e.html"), "../../../../");
    }

    #[test]
    fn public_urls_name_folders() {
        let base = "https://u.github.io/repo/";
        assert_eq!(public_url(base, "index.html"), base);
        assert_eq!(
            public_url(base, "states/iowa/index.html"),
            "https://u.github.io/repo/states/iowa/"
        );
        assert_eq!(
            public_url(base, "states/iowa/retention.html"),
            "https://u.github.io/repo/states/iowa/retention.html"
        );
    }
}
