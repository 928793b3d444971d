//! The guide -> the `stateside check --indicators` listing: every state's value for every
//! indicator with its evidence, least sure first, each with the override to paste to set
//! or correct it.

use std::fmt::Write;

use super::{CodedValue, ValueSource, NOT_STATED};
use crate::model::{Guide, StateModel};

/// The listing, ready to print.
pub fn table(guide: &Guide) -> String {
    let mut rows: Vec<(&StateModel, &CodedValue)> = guide
        .states
        .iter()
        .flat_map(|s| s.indicators.iter().map(move |c| (s, c)))
        .collect();
    rows.sort_by(|a, b| {
        a.1.confidence
            .total_cmp(&b.1.confidence)
            .then(a.0.name.cmp(&b.0.name))
            .then(a.1.indicator.cmp(&b.1.indicator))
    });
    let mut out = String::new();
    if rows.is_empty() {
        return out;
    }
    let _ = writeln!(
        out,
        "\nIndicator values, least sure first ({} values):",
        rows.len()
    );
    for (state, c) in rows {
        let def = &guide.indicators[c.indicator];
        let value = value_id(guide, c);
        let label = c
            .value
            .map_or(guide.not_stated_label.as_str(), |v| &def.values[v].label);
        let _ = writeln!(
            out,
            "\n{:.2}  {}  {}  {}{}  ({})",
            c.confidence,
            state.code,
            def.id,
            label,
            if c.source == ValueSource::Editor {
                " [editor]"
            } else {
                ""
            },
            c.reason
        );
        if let Some(e) = &c.evidence {
            let q = &state.questions[e.question];
            let _ = writeln!(out, "      question {}: \"{}\"", q.number, e.sentence);
        }
        if c.source == ValueSource::Answer {
            let _ = write!(out, "{}", paste(state, &def.id, value));
        }
    }
    out
}

fn value_id<'g>(guide: &'g Guide, c: &CodedValue) -> &'g str {
    c.value
        .map_or(NOT_STATED, |v| &guide.indicators[c.indicator].values[v].id)
}

/// The override that sets this value, where it goes for the state's kind of file.
fn paste(state: &StateModel, indicator: &str, value: &str) -> String {
    if state.source_file.ends_with(".md") {
        format!(
            "      to set it, add under [indicators] in the front matter of content/states/{}:\n        \
             {indicator} = {{ value = \"{value}\", note = \"\", source = \"\" }}\n",
            state.source_file
        )
    } else {
        format!(
            "      to set it, add to content/indicators.toml:\n        [[override]]\n        \
             state = \"{}\"\n        indicator = \"{indicator}\"\n        value = \"{value}\"\n        \
             note = \"\"\n",
            state.code
        )
    }
}
