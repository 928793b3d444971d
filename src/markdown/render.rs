//! Markdown source -> a sanitized pulldown-cmark event stream for the one HTML writer
//! (`crate::html::write_html`): raw HTML becomes text unless the site allows it (then the
//! written HTML goes through the ammonia allow-list sanitizer), links and
//! images with script URLs are never emitted, headings are clamped below the page's own,
//! and fenced code with a known language is highlighted with syntect's CSS classes.

use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Parser, Tag, TagEnd};

use super::highlight::Highlighter;

/// URL schemes that run code or smuggle content in; never emitted as a link or image.
const BLOCKED_SCHEMES: [&str; 3] = ["javascript:", "vbscript:", "data:"];

/// Quotes, lists and emphasis nested deeper than this lose their tags and keep their text.
/// Hostile input can nest them thousands deep (`> > > …`, `***…`), and the HTML minifier,
/// which recurses once per element, would overflow its stack on such a page.
pub(crate) const MAX_NESTING: usize = 32;

/// Renders Markdown safely: raw HTML escaped unless allowed, no script URLs, fenced code
/// highlighted with syntect (whose syntax set is loaded on the first highlighted block only).
pub struct Renderer {
    pub allow_html: bool,
    highlighter: Highlighter,
}

impl Renderer {
    pub fn new(allow_html: bool) -> Self {
        Renderer {
            allow_html,
            highlighter: Highlighter::default(),
        }
    }

    /// The sanitized event stream of an answer, ready for pulldown-cmark's HTML writer.
    /// Answers sit under an `h2` question, so their headings start at `h3`.
    pub fn events<'a>(&self, md: &'a str) -> Vec<Event<'a>> {
        self.sanitized(md, HeadingLevel::H3)
    }

    /// The sanitized event stream of an extra page's body. The page title is the `h1`, so
    /// the body's headings start at `h2`.
    pub fn page_events<'a>(&self, md: &'a str) -> Vec<Event<'a>> {
        self.sanitized(md, HeadingLevel::H2)
    }

    /// The HTML written from a Markdown source's events, ready for a page: as it is when
    /// raw HTML is escaped (nothing in it can be markup the writer did not make), and
    /// through an allow-list sanitizer when raw HTML is let through, so that formatting
    /// tags pass but no script, event handler, frame, form or script URL does.
    pub fn finish(&self, html: String) -> String {
        if !self.allow_html {
            return html;
        }
        ammonia::Builder::default()
            // Highlighted code and authors' own styling use classes; they cannot run code.
            .add_generic_attributes(["class"])
            .link_rel(None)
            .clean(&html)
            .to_string()
    }

    /// Class-based CSS for highlighted code (a light theme, and a dark one for readers who
    /// prefer dark), if any code block was highlighted.
    pub fn highlight_css(&self) -> Option<String> {
        self.highlighter.css()
    }

    /// True once the syntax set has been loaded (it is loaded for the first code block
    /// that names a language, never before).
    pub fn syntaxes_loaded(&self) -> bool {
        self.highlighter.loaded()
    }

    fn sanitized<'a>(&self, md: &'a str, top: HeadingLevel) -> Vec<Event<'a>> {
        let mut out = Vec::new();
        // For each open link: was its Start dropped?
        let mut links: Vec<bool> = Vec::new();
        // Depth inside an image that is being replaced by its alt text (0: none).
        let mut blocked_image = 0usize;
        // An open fenced or indented code block: its language and text.
        let mut code: Option<(CowStr<'a>, String)> = None;
        // For each open quote, list, item or emphasis: were its tags emitted?
        let mut nesting: Vec<bool> = Vec::new();

        for event in Parser::new_ext(md, super::options()) {
            if blocked_image > 0 {
                match event {
                    Event::Start(Tag::Image { .. }) => blocked_image += 1,
                    Event::End(TagEnd::Image) => blocked_image -= 1,
                    Event::Text(t) | Event::Code(t) => out.push(Event::Text(t)),
                    _ => {}
                }
                continue;
            }
            if let Some((_, text)) = code.as_mut() {
                match event {
                    Event::End(TagEnd::CodeBlock) => {
                        let (lang, text) = code.take().expect("checked");
                        self.code_block(&lang, text, &mut out);
                    }
                    Event::Text(t) => text.push_str(&t),
                    _ => {}
                }
                continue;
            }
            match event {
                Event::Start(Tag::Heading {
                    level,
                    id,
                    classes,
                    attrs,
                }) => out.push(Event::Start(Tag::Heading {
                    level: level.max(top),
                    id,
                    classes,
                    attrs,
                })),
                Event::End(TagEnd::Heading(level)) => {
                    out.push(Event::End(TagEnd::Heading(level.max(top))))
                }
                Event::Start(Tag::Link { ref dest_url, .. }) => {
                    let blocked = is_blocked_url(dest_url);
                    links.push(blocked);
                    if !blocked {
                        out.push(event);
                    }
                }
                Event::End(TagEnd::Link) => {
                    if !links.pop().unwrap_or(false) {
                        out.push(event);
                    }
                }
                Event::Start(Tag::Image { ref dest_url, .. }) if is_blocked_url(dest_url) => {
                    blocked_image = 1;
                }
                Event::Start(Tag::CodeBlock(kind)) => {
                    let lang = match kind {
                        CodeBlockKind::Fenced(info) => info,
                        CodeBlockKind::Indented => CowStr::Borrowed(""),
                    };
                    code = Some((lang, String::new()));
                }
                Event::Start(ref tag) if is_container(tag) => {
                    // An item follows its list; the others are emitted while shallow enough.
                    let emitted = if matches!(tag, Tag::Item) {
                        nesting.last().copied().unwrap_or(true)
                    } else {
                        nesting.iter().filter(|&&e| e).count() < MAX_NESTING
                    };
                    nesting.push(emitted);
                    if emitted {
                        out.push(event);
                    } else if matches!(tag, Tag::Item) {
                        // Keeps the words of flattened items apart.
                        out.push(Event::SoftBreak);
                    }
                }
                Event::End(ref end) if is_container_end(end) => {
                    if nesting.pop().unwrap_or(true) {
                        out.push(event);
                    }
                }
                Event::Start(Tag::HtmlBlock) if !self.allow_html => {
                    out.push(Event::Start(Tag::Paragraph))
                }
                Event::End(TagEnd::HtmlBlock) if !self.allow_html => {
                    out.push(Event::End(TagEnd::Paragraph))
                }
                Event::Html(html) | Event::InlineHtml(html) if !self.allow_html => {
                    out.push(Event::Text(html))
                }
                other => out.push(other),
            }
        }
        out
    }

    /// One code block: highlighted when its info string names a language syntect knows,
    /// otherwise plain and escaped by the writer.
    fn code_block<'a>(&self, info: &str, code: String, out: &mut Vec<Event<'a>>) {
        match self.highlighter.html(info, &code) {
            Some(html) => out.push(Event::Html(html.into())),
            None => {
                // Focusable, so that a block wider than the screen scrolls from the keyboard.
                out.push(Event::Html("<pre tabindex=\"0\"><code>".into()));
                out.push(Event::Text(code.into()));
                out.push(Event::Html("</code></pre>\n".into()));
            }
        }
    }
}

/// Tags that contain others of their kind and so can nest without bound.
fn is_container(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::BlockQuote(_)
            | Tag::List(_)
            | Tag::Item
            | Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
    )
}

fn is_container_end(end: &TagEnd) -> bool {
    matches!(
        end,
        TagEnd::BlockQuote(_)
            | TagEnd::List(_)
            | TagEnd::Item
            | TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
    )
}

/// True when a URL would run script or embed data: its scheme, read the way browsers read
/// it (leading spaces and control characters skipped, tabs and newlines inside ignored,
/// any case), is one of [`BLOCKED_SCHEMES`].
pub(super) fn is_blocked_url(url: &str) -> bool {
    let start: String = url
        .chars()
        .skip_while(|&c| c <= ' ')
        .filter(|c| !c.is_ascii_control())
        .take(12)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    BLOCKED_SCHEMES.iter().any(|s| start.starts_with(s))
}

#[cfg(test)]
#[path = "render_tests.rs"]
mod tests;
