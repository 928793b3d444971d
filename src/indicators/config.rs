//! `content/indicators.toml` -> the indicator definitions (id, label, question, topic, values
//! with the phrases that express them), the series' coding cues and the editors' overrides
//! for plain-text states, each problem named by file and line.

use std::collections::BTreeSet;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::config::{is_valid_id, line_of_offset, toml_diagnostic, TopicsConfig};
use crate::diagnostic::Diagnostic;

/// The value an override sets to say "the document does not settle this".
pub const NOT_STATED: &str = "not-stated";

/// `content/indicators.toml`. A project without the file has no indicators.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct IndicatorsConfig {
    #[serde(default)]
    pub coding: CodingConfig,
    #[serde(rename = "indicator", default)]
    pub indicators: Vec<IndicatorDef>,
    #[serde(rename = "override", default)]
    pub overrides: Vec<OverrideDef>,
}

/// Words of the series' language that change what a matched phrase says.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CodingConfig {
    /// Words that turn a phrase into its opposite when they come shortly before it or
    /// inside it ("not", "no", "cannot").
    #[serde(default)]
    pub negations: Vec<String>,
    /// Words that make a clause too unsure to decide anything ("may", "might").
    #[serde(default)]
    pub hedges: Vec<String>,
    /// Phrases that show a sentence is about somewhere else or is advice ("other states",
    /// "should"): such a sentence decides nothing about this state.
    #[serde(default)]
    pub elsewhere: Vec<String>,
    /// Reader-facing words for a value the documents do not settle.
    #[serde(default = "default_not_stated")]
    pub not_stated_label: String,
}

impl Default for CodingConfig {
    fn default() -> Self {
        CodingConfig {
            negations: Vec::new(),
            hedges: Vec::new(),
            elsewhere: Vec::new(),
            not_stated_label: default_not_stated(),
        }
    }
}

fn default_not_stated() -> String {
    "Not stated".to_string()
}

/// One indicator: a short coded answer every state gets.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct IndicatorDef {
    pub id: String,
    /// Short column header.
    pub label: String,
    /// The question the value answers, in plain words.
    pub question: String,
    /// Id of the topic whose answer is read first.
    pub topic: Spanned<String>,
    /// Phrases of sentences that say nothing about this indicator however they are worded
    /// (for state law: sentences about federal law).
    #[serde(default)]
    pub ignore: Vec<Spanned<String>>,
    #[serde(rename = "value", default)]
    pub values: Vec<ValueDef>,
}

/// One value an indicator can take, with the phrases that express it.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ValueDef {
    pub id: String,
    pub label: String,
    /// The value a negated phrase of this value expresses; with two values, the other one.
    #[serde(default)]
    pub opposite: Option<String>,
    /// Phrase patterns: words (matched by stem), `*` for any words in between,
    /// `(a|b c)` for alternatives.
    #[serde(default)]
    pub phrases: Vec<Spanned<String>>,
}

/// An editor's value for a plain-text state (Markdown states set theirs in front matter).
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct OverrideDef {
    /// Postal code or name of the state.
    pub state: Spanned<String>,
    pub indicator: String,
    pub value: String,
    #[serde(default)]
    pub note: Option<String>,
    /// Where the editor's value comes from: an http(s) URL.
    #[serde(default)]
    pub source: Option<String>,
}

/// Parses and checks `indicators.toml` against the topics: ids unique and URL-safe, topics
/// known, at least one value each, phrases that parse, overrides naming known indicators
/// and values. Whether an override's state exists is checked once the states are read.
pub fn parse(
    path: &Path,
    text: &str,
    topics: &TopicsConfig,
) -> Result<IndicatorsConfig, Vec<Diagnostic>> {
    let config: IndicatorsConfig =
        toml::from_str(text).map_err(|e| vec![toml_diagnostic(path, text, &e)])?;
    let mut diags = Vec::new();
    let lines = header_lines(text, "indicator");
    let mut seen = BTreeSet::new();
    for (i, ind) in config.indicators.iter().enumerate() {
        let line = lines.get(i).copied();
        let mut err = |message: String, help: &str| {
            diags.push(Diagnostic::error(path, line, message, help));
        };
        if !is_valid_id(&ind.id) {
            err(
                format!("indicator id {:?} cannot be used in a URL", ind.id),
                "use lowercase letters, digits and hyphens, starting with a letter",
            );
        }
        if !seen.insert(ind.id.as_str()) {
            err(
                format!("indicator id {:?} is used twice", ind.id),
                "give every [[indicator]] its own id",
            );
        }
        if ind.label.trim().is_empty() || ind.question.trim().is_empty() {
            err(
                format!("indicator {:?} needs a label and a question", ind.id),
                "set label (a short column header) and question (what the value answers)",
            );
        }
        if !topics.topics.iter().any(|t| t.id == *ind.topic.get_ref()) {
            diags.push(Diagnostic::error(
                path,
                Some(line_of_offset(text, ind.topic.span().start)),
                format!(
                    "indicator {:?}: unknown topic {:?}",
                    ind.id,
                    ind.topic.get_ref()
                ),
                "use the id of a [[topic]] in topics.toml",
            ));
        }
        if ind.values.is_empty() {
            diags.push(Diagnostic::error(
                path,
                line,
                format!("indicator {:?} has no values", ind.id),
                "add [[indicator.value]] tables, e.g. id = \"yes\", label = \"Yes\", phrases = [...]",
            ));
        }
        let ids: Vec<&str> = ind.values.iter().map(|v| v.id.as_str()).collect();
        for value in &ind.values {
            let opposite_ok = value.opposite.as_deref().is_none_or(|o| ids.contains(&o));
            if !is_valid_id(&value.id) || value.id == NOT_STATED || !opposite_ok {
                diags.push(Diagnostic::error(
                    path,
                    line,
                    format!("indicator {:?}: value {:?} has a bad id or opposite", ind.id, value.id),
                    format!("value ids are lowercase words other than {NOT_STATED:?}; `opposite` names another value of the same indicator"),
                ));
            }
            for phrase in value.phrases.iter().chain(&ind.ignore) {
                if let Err(problem) = super::phrase::Pattern::parse(phrase.get_ref()) {
                    diags.push(Diagnostic::error(
                        path,
                        Some(line_of_offset(text, phrase.span().start)),
                        format!("phrase {:?}: {problem}", phrase.get_ref()),
                        "write words, `*` for any words between, and (a|b) for alternatives",
                    ));
                }
            }
        }
    }
    for o in &config.overrides {
        let line = Some(line_of_offset(text, o.state.span().start));
        if let Some(problem) =
            override_problem(&config, &o.indicator, &o.value, o.source.as_deref())
        {
            diags.push(Diagnostic::error(path, line, problem.0, problem.1));
        }
    }
    if diags.is_empty() {
        Ok(config)
    } else {
        Err(diags)
    }
}

/// What is wrong with an override (message, help), if anything.
pub fn override_problem(
    config: &IndicatorsConfig,
    indicator: &str,
    value: &str,
    source: Option<&str>,
) -> Option<(String, String)> {
    let Some(ind) = config.indicators.iter().find(|i| i.id == indicator) else {
        let ids: Vec<&str> = config.indicators.iter().map(|i| i.id.as_str()).collect();
        return Some((
            format!("override of unknown indicator {indicator:?}"),
            format!("use one of: {}", ids.join(", ")),
        ));
    };
    if value != NOT_STATED && !ind.values.iter().any(|v| v.id == value) {
        let mut ids: Vec<&str> = ind.values.iter().map(|v| v.id.as_str()).collect();
        ids.push(NOT_STATED);
        return Some((
            format!("override of {indicator:?}: unknown value {value:?}"),
            format!("use one of: {}", ids.join(", ")),
        ));
    }
    if let Some(url) = source.filter(|s| !s.trim().is_empty()) {
        let lower = url.trim().to_ascii_lowercase();
        if !(lower.starts_with("https://") || lower.starts_with("http://")) {
            return Some((
                format!("override source {url:?} is not an http(s) URL"),
                "give the web address the value comes from, starting with https://".into(),
            ));
        }
    }
    None
}

/// Lines of the `[[name]]` headers, in order.
fn header_lines(text: &str, name: &str) -> Vec<usize> {
    let header = format!("[[{name}]]");
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.trim() == header)
        .map(|(n, _)| n + 1)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn topics() -> TopicsConfig {
        crate::config::parse_topics(
            Path::new("topics.toml"),
            "[[topic]]\nid = \"requests\"\nlabel = \"R\"\ntitle = \"R?\"\n",
        )
        .unwrap()
    }

    const GOOD: &str = "[[indicator]]\nid = \"court-order\"\nlabel = \"Court order\"\n\
        question = \"Q?\"\ntopic = \"requests\"\n\n[[indicator.value]]\nid = \"yes\"\n\
        label = \"Yes\"\nphrases = [\"require * (warrant|court order)\"]\n\n\
        [[indicator.value]]\nid = \"no\"\nlabel = \"No\"\n";

    #[test]
    fn reads_definitions() {
        let c = parse(Path::new("i.toml"), GOOD, &topics()).unwrap();
        assert_eq!(c.indicators.len(), 1);
        assert_eq!(c.indicators[0].values[0].phrases.len(), 1);
        assert_eq!(c.coding.not_stated_label, "Not stated");
    }

    #[test]
    fn unknown_topic_and_bad_phrase_name_their_lines() {
        let text = GOOD
            .replace("topic = \"requests\"", "topic = \"nope\"")
            .replace("court order)", "court order");
        let d = parse(Path::new("i.toml"), &text, &topics()).unwrap_err();
        assert!(d
            .iter()
            .any(|d| d.line == Some(5) && d.message.contains("unknown topic")));
        assert!(d
            .iter()
            .any(|d| d.line == Some(10) && d.message.contains("phrase")));
    }

    #[test]
    fn override_with_unknown_value_names_its_line() {
        let text = format!(
            "{GOOD}\n[[override]]\nstate = \"IA\"\nindicator = \"court-order\"\nvalue = \"maybe\"\n"
        );
        let d = parse(Path::new("i.toml"), &text, &topics()).unwrap_err();
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].line, Some(17));
        assert!(
            d[0].message.contains("unknown value \"maybe\""),
            "{}",
            d[0].message
        );
        let ok = text.replace("maybe", "not-stated");
        assert!(parse(Path::new("i.toml"), &ok, &topics()).is_ok());
    }

    #[test]
    fn unknown_key_is_an_error_on_its_line() {
        let text = format!("{GOOD}colour = \"red\"\n");
        let d = parse(Path::new("i.toml"), &text, &topics()).unwrap_err();
        assert_eq!(d[0].line, Some(15), "{d:?}");
    }
}
