//! Positions in the guide -> typed references: a state, a question of a state, a topic, an
//! extra page. The model links topics to answers with them and the pages are named by them,
//! so an index into one list cannot be taken for an index into another.

use serde::Serialize;

use crate::model::{Guide, PageModel, QuestionModel, StateModel, TopicModel};

/// A state of the guide: its position in `Guide::states` (sorted by name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct StateId(pub usize);

/// One question of one state: the state, and the question's position in its `questions`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct QuestionId {
    pub state: StateId,
    pub question: usize,
}

/// A topic of the guide: its position in `Guide::topics`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct TopicId(pub usize);

/// An extra Markdown page: its position in `Guide::pages`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct ExtraId(pub usize);

impl StateId {
    pub fn of(self, guide: &Guide) -> &StateModel {
        &guide.states[self.0]
    }
}

impl QuestionId {
    /// The state and its question.
    pub fn of(self, guide: &Guide) -> (&StateModel, &QuestionModel) {
        let state = self.state.of(guide);
        (state, &state.questions[self.question])
    }
}

impl TopicId {
    pub fn of(self, guide: &Guide) -> &TopicModel {
        &guide.topics[self.0]
    }
}

impl ExtraId {
    pub fn of(self, guide: &Guide) -> &PageModel {
        &guide.pages[self.0]
    }
}
