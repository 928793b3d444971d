//! The guide -> the views of the pages that show answers' text side by side: the states ×
//! topics matrix of key sentences, and the print page (its frame, each state's section and
//! the per-state sheet headers). (The two-state page needs only the site-wide lists; its
//! data comes from `crate::compare_data`.)

use std::fmt::Write as _;

use super::headings::shift_headings;
use super::pages::{state_header, state_row, topic_link, PRINT_SECTIONS};
use super::views::{
    MatrixCell, MatrixView, PrintQuestion, PrintState, PrintView, TopicMatrixCell, TopicMatrixView,
};
use super::{SiteModel, StateId};
use crate::model::{QuestionModel, StateModel};

impl SiteModel<'_> {
    /// States × the topics that at least one state answers (the others would be columns
    /// of nothing but gaps).
    pub(super) fn topic_matrix_view(&self) -> TopicMatrixView<'_> {
        let guide = self.guide;
        let answered: Vec<usize> = (0..guide.topics.len())
            .filter(|&t| !guide.topics[t].answers.is_empty())
            .collect();
        TopicMatrixView {
            columns: answered
                .iter()
                .map(|&t| topic_link(&guide.topics[t]))
                .collect(),
            rows: guide
                .states
                .iter()
                .map(|state| {
                    let cells = answered.iter().map(|&t| {
                        answer_on(state, t).map(|question| TopicMatrixCell {
                            question_slug: &question.slug,
                            key_sentence: &question.key_sentence,
                        })
                    });
                    state_row(state, cells.collect())
                })
                .collect(),
        }
    }

    /// States × every topic, each cell the answer's summary: the comparison of a site
    /// without indicators.
    pub(super) fn answer_matrix_view(&self) -> MatrixView<'_> {
        let guide = self.guide;
        MatrixView {
            rows: guide
                .states
                .iter()
                .map(|state| {
                    let cells = (0..guide.topics.len()).map(|t| {
                        answer_on(state, t).map(|question| MatrixCell {
                            question_slug: &question.slug,
                            summary: &question.summary,
                        })
                    });
                    state_row(state, cells.collect())
                })
                .collect(),
        }
    }

    pub(super) fn print_view(&self) -> PrintView {
        PrintView {
            sections: PRINT_SECTIONS,
            sheet_headers_css: sheet_headers_css(&self.guide.states),
        }
    }

    /// One state's section of the print page.
    pub fn print_state(&self, id: StateId) -> PrintState<'_> {
        let state = id.of(self.guide);
        PrintState {
            header: state_header(state),
            intro_html: state.intro_html.as_deref().map(|h| shift_headings(h, 1)),
            questions: state
                .questions
                .iter()
                .map(|q| PrintQuestion {
                    number: q.number,
                    text: &q.text,
                    id: format!("{}-{}", state.slug, q.anchor),
                    // States are h2 and questions h3 here, one level below the
                    // state page, so the answers' headings move down one too.
                    answer_html: shift_headings(&q.answer_html, 1),
                })
                .collect(),
        }
    }
}

/// `state`'s answer on topic `t`, when it has one.
fn answer_on(state: &StateModel, t: usize) -> Option<&QuestionModel> {
    let q = state.by_topic.get(t).copied().flatten()?;
    Some(&state.questions[q])
}

/// One named page per state, its name in the top-left margin of each of its sheets; the
/// print page's sections ask for theirs with `page: s-<slug>` (slugs are letters, digits
/// and hyphens, so they make valid names).
pub fn sheet_headers_css(states: &[StateModel]) -> String {
    let mut css = String::with_capacity(states.len() * 64);
    for state in states {
        let _ = write!(
            css,
            "@page s-{}{{@top-left{{content:\"{}\";font-size:9pt}}}}",
            state.slug,
            css_string(&state.name)
        );
    }
    css
}

/// Text for inside a double-quoted CSS string in a `<style>` element: quotes, backslashes,
/// line breaks and `<` (which could close the element) become CSS escapes.
fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' | '\\' | '<' | '>' | '&' => {
                let _ = write!(out, "\\{:x} ", c as u32);
            }
            c if c.is_control() => {
                let _ = write!(out, "\\{:x} ", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::css_string;

    #[test]
    fn names_cannot_leave_their_css_string() {
        assert_eq!(css_string("Iowa"), "Iowa");
        assert_eq!(
            css_string("A\"}</style><script>"),
            "A\\22 }\\3c /style\\3e \\3c script\\3e "
        );
        assert_eq!(css_string("a\\b\n"), "a\\5c b\\a ");
    }
}
