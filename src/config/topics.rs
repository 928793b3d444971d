//! `content/topics.toml`'s text -> a checked [`TopicsConfig`]: the canonical topics of the
//! series with their matching hints, the matcher's settings and editors' pins, or every
//! problem with its line.

use std::collections::BTreeSet;
use std::path::Path;

use serde::Deserialize;

use super::{line_of_offset, table_lines, toml_diagnostic};
use crate::diagnostic::Diagnostic;

/// `content/topics.toml`.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct TopicsConfig {
    #[serde(default)]
    pub matching: MatchingConfig,
    #[serde(rename = "topic", default)]
    pub topics: Vec<Topic>,
    #[serde(rename = "pin", default)]
    pub pins: Vec<Pin>,
}

/// Series-wide settings of the matcher.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct MatchingConfig {
    /// Words that every question of the series uses and that say nothing about its topic
    /// (the agencies, the subject): they are left out of matching.
    #[serde(default)]
    pub ignore: Vec<String>,
    /// Groups of words that mean the same here; each group matches as one word.
    #[serde(default)]
    pub synonyms: Vec<Vec<String>>,
    /// Accepted for the topics.toml files of older versions (a question scoring below it
    /// stayed unaligned); read and no longer used.
    #[serde(default, rename = "min_score")]
    _min_score: Option<f32>,
}

/// One canonical topic: a column of the matrix, a topic page.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    /// Used in URLs: lowercase letters, digits and hyphens.
    pub id: String,
    /// Short header for the matrix.
    pub label: String,
    /// The topic in question form.
    pub title: String,
    /// Words and short phrases that a question or answer on this topic uses.
    #[serde(default)]
    pub hints: Vec<String>,
}

/// An editor's decision: this state's question N is about this topic.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Pin {
    /// Postal code or name of the state.
    pub state: String,
    pub question: u32,
    pub topic: toml::Spanned<String>,
    /// Line of the pin's `[[pin]]` header in topics.toml (0 when made in code).
    #[serde(skip)]
    pub line: usize,
}

/// Parses and checks `topics.toml`: ids unique and URL-safe, labels and titles present.
pub fn parse_topics(path: &Path, text: &str) -> Result<TopicsConfig, Vec<Diagnostic>> {
    let mut config: TopicsConfig =
        toml::from_str(text).map_err(|e| vec![toml_diagnostic(path, text, &e)])?;
    for (pin, line) in config.pins.iter_mut().zip(table_lines(text, "pin")) {
        pin.line = line;
    }
    let mut diags = Vec::new();
    let mut seen = BTreeSet::new();
    let lines = table_lines(text, "topic");
    for (i, topic) in config.topics.iter().enumerate() {
        let line = lines.get(i).copied();
        let mut error = |message: String, help: &str| {
            diags.push(Diagnostic::error(path, line, message, help));
        };
        if !is_valid_id(&topic.id) {
            error(format!("topic id {:?} cannot be used in a URL", topic.id), "use lowercase letters, digits and hyphens, starting with a letter (not `index`, and not `q` followed by a digit, which unaligned questions use)");
        }
        if !seen.insert(topic.id.as_str()) {
            error(
                format!("topic id {:?} is used twice", topic.id),
                "give every [[topic]] its own id",
            );
        }
        if topic.label.trim().is_empty() {
            error(
                format!("topic {:?} has an empty label", topic.id),
                "set label to a short header for the comparison matrix, e.g. label = \"Retention\"",
            );
        }
        if topic.title.trim().is_empty() {
            error(
                format!("topic {:?} has an empty title", topic.id),
                "set title to the topic in question form",
            );
        }
    }
    if config.topics.is_empty() {
        diags.push(Diagnostic::error(
            path,
            Some(1),
            "no topics are defined",
            "add [[topic]] tables with id, label, title and hints",
        ));
    }
    for pin in &config.pins {
        if !config.topics.iter().any(|t| t.id == *pin.topic.get_ref()) {
            let line = line_of_offset(text, pin.topic.span().start);
            diags.push(Diagnostic::error(
                path,
                Some(line),
                format!("pin to unknown topic {:?}", pin.topic.get_ref()),
                "use the id of a [[topic]] in this file",
            ));
        }
    }
    if diags.is_empty() {
        Ok(config)
    } else {
        Err(diags)
    }
}

/// Topic ids become file and folder names; keep them to a safe alphabet and clear of
/// the names the site uses for other pages.
pub fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_lowercase());
    let rest_ok = id
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    let reserved =
        id == "index" || (id.starts_with('q') && id[1..].starts_with(|c: char| c.is_ascii_digit()));
    first_ok && rest_ok && !reserved && !id.ends_with('-') && id.len() <= 64
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;
    #[test]
    fn topics_duplicate_id_and_empty_label() {
        let text = "[[topic]]\nid = \"a\"\nlabel = \"A\"\ntitle = \"A?\"\n\n[[topic]]\nid = \"a\"\nlabel = \"\"\ntitle = \"B?\"\n";
        let diags = parse_topics(Path::new("topics.toml"), text).unwrap_err();
        assert!(diags
            .iter()
            .any(|d| d.message.contains("used twice") && d.line == Some(6)));
        assert!(diags
            .iter()
            .any(|d| d.message.contains("empty label") && d.line == Some(6)));
    }

    #[test]
    fn pin_to_unknown_topic_names_its_line() {
        let text = "[[topic]]\nid = \"a\"\nlabel = \"A\"\ntitle = \"A?\"\n\n[[pin]]\nstate = \"IA\"\nquestion = 3\ntopic = \"nope\"\n";
        let diags = parse_topics(Path::new("topics.toml"), text).unwrap_err();
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].line, Some(9));
    }

    #[test]
    fn ids_are_url_safe_and_not_reserved() {
        assert!(is_valid_id("retention"));
        assert!(is_valid_id("opt-out2"));
        for bad in [
            "",
            "Retention",
            "../x",
            "a/b",
            "index",
            "q3",
            "q12-x",
            "-a",
            "a-",
            "é",
        ] {
            assert!(!is_valid_id(bad), "{bad}");
        }
        assert!(is_valid_id("quality"));
    }
}
