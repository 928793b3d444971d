//! The guide -> the views of the comparison pages that show answers' text: the states ×
//! topics matrix of key sentences. (The two-state page needs only the site-wide lists; its
//! data comes from `crate::compare_data`.)

use super::pages::topic_link;
use super::views::{TopicMatrixCell, TopicMatrixRow, TopicMatrixView};
use super::SiteModel;

impl SiteModel<'_> {
    /// States × the topics that at least one state answers (the others would be columns
    /// of nothing but gaps).
    pub(super) fn topic_matrix_view(&self) -> TopicMatrixView<'_> {
        let guide = self.guide;
        let answered: Vec<usize> = (0..guide.topics.len())
            .filter(|&t| !guide.topics[t].answers.is_empty())
            .collect();
        TopicMatrixView {
            columns: answered.iter().map(|&t| topic_link(&guide.topics[t])).collect(),
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
