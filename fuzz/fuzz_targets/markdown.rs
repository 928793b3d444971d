//! Arbitrary bytes -> a Markdown state document and an extra page
//! (`stateside::markdown::parse_state` and `parse_page`), their answers rendered to HTML
//! with raw HTML escaped and with it allowed: never panics, and with raw HTML escaped the
//! HTML holds only the renderer's own tags and no script URL.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use stateside::html::{answer_html, write_html};
use stateside::jurisdiction::Jurisdictions;
use stateside::markdown::{parse_page, parse_state, Renderer};

#[path = "common.rs"]
mod common;

static PLACES: OnceLock<Jurisdictions> = OnceLock::new();
/// (raw HTML escaped, raw HTML allowed); kept across inputs so syntect loads once.
static MD: OnceLock<(Renderer, Renderer)> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let places = PLACES.get_or_init(|| Jurisdictions::new(&[]));
    let (safe, trusting) = MD.get_or_init(|| (Renderer::new(false), Renderer::new(true)));
    let parsed = parse_state(Path::new("content/states/iowa.md"), data, places);
    if let Some(doc) = parsed.doc {
        for answer in doc
            .intro
            .iter()
            .chain(doc.questions.iter().map(|q| &q.answer))
        {
            common::assert_safe_html(&answer_html(answer, safe));
            let _ = answer.plain();
            // The author's own HTML is trusted here; it must still not panic.
            let _ = answer_html(answer, trusting);
        }
    }
    if let Ok(page) = parse_page(Path::new("content/pages/about.md"), data) {
        common::assert_safe_html(&write_html(safe.page_events(&page.body)));
        let _ = write_html(trusting.page_events(&page.body));
    }
});
