//! Arbitrary bytes -> `stateside::parse::parse_text`: never panics, and every answer it
//! finds renders to HTML that holds only the tags the writer produces (text stays text).
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use stateside::html::answer_html;
use stateside::jurisdiction::Jurisdictions;
use stateside::markdown::Renderer;
use stateside::parse::parse_text;

#[path = "common.rs"]
mod common;

static PLACES: OnceLock<Jurisdictions> = OnceLock::new();
static MD: OnceLock<Renderer> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let places = PLACES.get_or_init(|| Jurisdictions::new(&[]));
    let md = MD.get_or_init(|| Renderer::new(false));
    // The file name is one more input: the state may come from it.
    let parsed = parse_text(Path::new("content/states/iowa.txt"), data, places);
    if let Some(doc) = parsed.doc {
        assert!(!doc.questions.is_empty());
        for answer in doc
            .intro
            .iter()
            .chain(doc.questions.iter().map(|q| &q.answer))
        {
            let html = answer_html(answer, md);
            assert!(!html.contains("<a ") && !html.contains("<img"), "{html:?}");
            common::assert_safe_html(&html);
            let _ = answer.plain();
        }
    }
    for d in &parsed.diagnostics {
        let _ = d.to_string();
    }
});
