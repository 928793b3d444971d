//! The guide's coded indicator values -> the views that show them: a state page's "At a
//! glance" box, the states × indicators matrix (compare/), the tile map by value (index and
//! matrix) and the short table of values atop a topic page.

use super::pages::state_row;
use super::views::*;
use super::SiteModel;
use crate::indicators::{CodedValue, IndicatorModel, ValueSource, NOT_STATED};
use crate::model::StateModel;

/// The sign that tells a value apart without colour. Yes and no get the usual tick and
/// cross; "not stated" a dash, so that it never reads as "no"; any other value a dot.
pub fn marker(value_id: &str) -> &'static str {
    match value_id {
        "yes" => "✓",
        "no" => "✗",
        NOT_STATED => "–",
        _ => "•",
    }
}

impl<'a> SiteModel<'a> {
    /// Each indicator with its values, "not stated" last.
    pub(super) fn indicator_columns(&self) -> Vec<IndicatorColumn<'_>> {
        self.guide
            .indicators
            .iter()
            .map(|def| self.column(def))
            .collect()
    }

    fn column<'s>(&'s self, def: &'s IndicatorModel) -> IndicatorColumn<'s> {
        let mut values: Vec<ValueKey> = def
            .values
            .iter()
            .map(|v| ValueKey {
                id: &v.id,
                label: &v.label,
                marker: marker(&v.id),
            })
            .collect();
        values.push(self.not_stated());
        IndicatorColumn {
            id: &def.id,
            label: &def.label,
            question: &def.question,
            values,
        }
    }

    fn not_stated(&self) -> ValueKey<'_> {
        ValueKey {
            id: NOT_STATED,
            label: &self.guide.not_stated_label,
            marker: marker(NOT_STATED),
        }
    }

    fn value_key<'s>(&'s self, coded: &'s CodedValue) -> ValueKey<'s> {
        let def = &self.guide.indicators[coded.indicator];
        match coded.value {
            Some(v) => ValueKey {
                id: &def.values[v].id,
                label: &def.values[v].label,
                marker: marker(&def.values[v].id),
            },
            None => self.not_stated(),
        }
    }

    /// One state's value on one indicator, with its evidence.
    fn cell<'s>(&'s self, state: &'s StateModel, coded: &'s CodedValue) -> IndicatorCell<'s> {
        IndicatorCell {
            value: self.value_key(coded),
            origin: ValueOrigin {
                editor: coded.source == ValueSource::Editor,
                note: coded.note.as_deref(),
                source_url: coded.source_url.as_deref().filter(|u| is_web_url(u)),
                evidence: coded.evidence.as_ref().map(|e| {
                    let q = &state.questions[e.question];
                    GlanceEvidence {
                        sentence: &e.sentence,
                        question_number: q.number,
                        question_text: &q.text,
                        href: format!("{}.html#{}", q.slug, e.anchor),
                    }
                }),
            },
        }
    }

    /// The "At a glance" box of a state page.
    pub(super) fn glance<'s>(&'s self, state: &'s StateModel) -> Vec<GlanceItem<'s>> {
        state
            .indicators
            .iter()
            .map(|c| {
                let def = &self.guide.indicators[c.indicator];
                let cell = self.cell(state, c);
                GlanceItem {
                    id: &def.id,
                    label: &def.label,
                    question: &def.question,
                    value: c.value.map(|v| def.values[v].id.as_str()),
                    value_label: cell.value.label,
                    value_class: cell.value.id,
                    origin: cell.origin,
                }
            })
            .collect()
    }

    /// A row of `indicators` (indices into the guide's) for one state.
    fn row<'s>(&'s self, state: &'s StateModel, indicators: &[usize]) -> IndicatorRow<'s> {
        let cells = indicators
            .iter()
            .filter_map(|&i| state.indicators.iter().find(|c| c.indicator == i))
            .map(|c| self.cell(state, c));
        state_row(state, cells.collect())
    }

    /// compare/: every state × every indicator, and the map by value.
    pub(super) fn indicator_matrix_view(&self) -> IndicatorMatrixView<'_> {
        let all: Vec<usize> = (0..self.guide.indicators.len()).collect();
        let rows: Vec<IndicatorRow> = self
            .guide
            .states
            .iter()
            .map(|state| self.row(state, &all))
            .collect();
        let editor_count = rows
            .iter()
            .flat_map(|r| &r.cells)
            .filter(|c| c.origin.editor)
            .count();
        let columns = self.indicator_columns();
        let mut legend: Vec<ValueKey> = Vec::new();
        for value in columns.iter().flat_map(|c| &c.values) {
            if value.id != NOT_STATED && !legend.iter().any(|v| v.id == value.id) {
                legend.push(*value);
            }
        }
        legend.push(self.not_stated());
        IndicatorMatrixView {
            columns,
            legend,
            rows,
            tiles: self.tiles(Some(0)),
            map_shown: self.guide.indicators.first().map_or("", |i| i.id.as_str()),
            editor_count,
            answers: self
                .guide
                .indicators
                .is_empty()
                .then(|| self.answer_matrix_view()),
        }
    }

    /// The values of the indicators read first from topic `t`, for its page; `None` when
    /// no indicator belongs to the topic.
    pub(super) fn topic_glance(&self, t: usize) -> Option<TopicGlance<'_>> {
        let topic = &self.guide.topics[t];
        let mine: Vec<usize> = (0..self.guide.indicators.len())
            .filter(|&i| self.guide.indicators[i].topic == topic.id)
            .collect();
        if mine.is_empty() {
            return None;
        }
        Some(TopicGlance {
            columns: mine
                .iter()
                .map(|&i| self.column(&self.guide.indicators[i]))
                .collect(),
            rows: self
                .guide
                .states
                .iter()
                .map(|state| self.row(state, &mine))
                .collect(),
        })
    }

    /// The index page: the map (covered or not until a reader picks an indicator).
    pub(super) fn index_view(&self) -> IndexView<'_> {
        IndexView {
            tiles: self.tiles(None),
            indicators: self.indicator_columns(),
        }
    }

    /// The map's squares in reading order, each covered state's with its values; `shown`
    /// is the indicator they show when the page opens (`None`: covered or not).
    fn tiles(&self, shown: Option<usize>) -> Vec<Tile<'_>> {
        let mut tiles: Vec<Tile> = self
            .places
            .all()
            .iter()
            .filter_map(|place| {
                let (row, col) = place.tile?;
                let state = self
                    .guide
                    .states
                    .iter()
                    .find(|s| s.code.eq_ignore_ascii_case(&place.code));
                let values: Vec<ValueKey> = state
                    .map(|s| s.indicators.iter().map(|c| self.value_key(c)).collect())
                    .unwrap_or_default();
                let value_ids = values.iter().map(|v| v.id).collect::<Vec<_>>().join(" ");
                Some(Tile {
                    name: &place.name,
                    code: &place.code,
                    row,
                    col,
                    slug: state.map(|s| s.slug.as_str()),
                    shown: shown.and_then(|i| values.get(i).copied()),
                    values,
                    value_ids,
                })
            })
            .collect();
        tiles.sort_by_key(|t| (t.row, t.col));
        tiles
    }
}

fn is_web_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

#[cfg(test)]
mod tests {
    use super::marker;

    #[test]
    fn not_stated_never_shares_a_mark_with_no() {
        assert_ne!(marker("no"), marker("not-stated"));
        assert_ne!(marker("yes"), marker("no"));
        assert_eq!(marker("partial"), "•");
    }
}
