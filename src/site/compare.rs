//! The guide -> the views of the comparison pages that show answers' text: the states ×
//! topics matrix of key sentences. (The two-state page needs only the site-wide lists; its
//! data comes from `crate::compare_data`.) Also the print page's per-state sheet headers.

use std::fmt::Write as _;

use super::pages::topic_link;
use super::views::{TopicMatrixCell, TopicMatrixRow, TopicMatrixView};
use super::SiteModel;
use crate::model::StateModel;

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
                .map(|state| TopicMatrixRow {
                    name: &state.name,
                    code: &state.code,
                    slug: &state.slug,
                    cells: answered
                        .iter()
                        .map(|&t| {
                            let q = state.by_topic.get(t).copied().flatten()?;
                            let question = &state.questions[q];
                            Some(TopicMatrixCell {
                                question_slug: &question.slug,
                                key_sentence: &question.key_sentence,
                            })
                        })
                        .collect(),
                })
                .collect(),
        }
    }
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
