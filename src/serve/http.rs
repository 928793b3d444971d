//! Requests -> the in-memory site: files under the site's base path, the live-reload
//! script injected into HTML responses (never into what `build` writes), and the event
//! stream that tells open pages to reload or to show the build's errors.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode, Uri};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use bytes::Bytes;
use futures_util::stream::Stream;
use percent_encoding::percent_decode_str;
use serde::Serialize;
use tokio::sync::watch;

use super::rebuild::{Exports, SiteFiles};

/// Where the live-reload script and its event stream are served, outside any base path.
pub const LIVE_SCRIPT: &str = "/__stateside/live.js";
pub const LIVE_EVENTS: &str = "/__stateside/events";
const LIVE_JS: &str = include_str!("live.js");

/// What is served now: the last good site, and how the last build went. Replaced whole
/// after each build, so a page is never served half old and half new.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    pub files: Arc<SiteFiles>,
    pub exports: Arc<Exports>,
    /// Changes whenever the served site does; open pages reload when it differs from theirs.
    pub build: String,
    /// The last build's problems when it failed (the files are then the last good ones).
    pub error: Option<String>,
    /// `/`, or `/repo/` when the base URL has a path.
    pub base_path: String,
}

/// What the event stream tells a page.
#[derive(Serialize)]
struct LiveState<'a> {
    build: &'a str,
    error: Option<&'a str>,
}

pub fn router(site: watch::Receiver<Snapshot>) -> Router {
    Router::new()
        .route(LIVE_SCRIPT, get(live_script))
        .route(LIVE_EVENTS, get(live_events))
        .fallback(site_file)
        .with_state(site)
}

async fn live_script() -> Response {
    let mut response = Bytes::from_static(LIVE_JS.as_bytes()).into_response();
    set_headers(&mut response, "text/javascript; charset=utf-8");
    response
}

/// The build state now, then again after every build, for as long as the page is open.
async fn live_events(
    State(site): State<watch::Receiver<Snapshot>>,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let stream = futures_util::stream::unfold((site, true), |(mut site, first)| async move {
        if !first && site.changed().await.is_err() {
            return None;
        }
        let event = {
            let now = site.borrow_and_update();
            let state = LiveState {
                build: &now.build,
                error: now.error.as_deref(),
            };
            let json = serde_json::to_string(&state).unwrap_or_default();
            Event::default().event("state").data(json)
        };
        Some((Ok(event), (site, false)))
    });
    Sse::new(stream).keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
}

async fn site_file(State(site): State<watch::Receiver<Snapshot>>, uri: Uri) -> Response {
    let now = site.borrow().clone();
    let path = percent_decode_str(uri.path())
        .decode_utf8_lossy()
        .into_owned();
    let Some(rel) = path.strip_prefix(now.base_path.as_str()) else {
        if path == "/" || path == now.base_path.trim_end_matches('/') {
            return redirect(&now.base_path);
        }
        let text = format!(
            "Not found: this site is served under {}, as its base URL says.\n",
            now.base_path
        );
        return (StatusCode::NOT_FOUND, text).into_response();
    };
    if now.files.is_empty() {
        return not_built(&now);
    }
    if rel.split('/').any(|segment| segment == "..") {
        return (StatusCode::BAD_REQUEST, "bad path\n").into_response();
    }
    let key = if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel.to_string()
    };
    if let Some(bytes) = now.files.get(&key) {
        return file_response(&key, bytes, StatusCode::OK, &now.build);
    }
    if key.starts_with("data/") {
        // Made on first request, from the guide of this build (so a thread of the pool).
        let exports = Arc::clone(&now.exports);
        let wanted = key.clone();
        let made = tokio::task::spawn_blocking(move || exports.get(&wanted)).await;
        if let Ok(Some(bytes)) = made {
            return file_response(&key, &bytes, StatusCode::OK, &now.build);
        }
    }
    // A folder asked for without its slash: the pages' relative links need the slash.
    if now.files.contains_key(&format!("{rel}/index.html")) {
        let mut target = format!("{}/", uri.path());
        if let Some(query) = uri.query() {
            target.push('?');
            target.push_str(query);
        }
        return redirect(&target);
    }
    match now.files.get("404.html") {
        Some(bytes) => file_response("404.html", bytes, StatusCode::NOT_FOUND, &now.build),
        None => (StatusCode::NOT_FOUND, "Not found\n").into_response(),
    }
}

fn redirect(to: &str) -> Response {
    let mut response = StatusCode::FOUND.into_response();
    if let Ok(value) = HeaderValue::from_str(to) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    response
}

fn file_response(path: &str, bytes: &Bytes, status: StatusCode, build: &str) -> Response {
    let mime = mime_guess::from_path(path).first_or_octet_stream();
    let is_html = mime.essence_str() == "text/html";
    let body = if is_html {
        Body::from(with_live_script(bytes, build))
    } else {
        Body::from(bytes.clone())
    };
    let content_type = if mime.type_() == mime_guess::mime::TEXT || is_javascript(path) {
        format!("{}; charset=utf-8", mime.essence_str())
    } else {
        mime.essence_str().to_string()
    };
    let mut response = (status, body).into_response();
    set_headers(&mut response, &content_type);
    response
}

fn is_javascript(path: &str) -> bool {
    path.ends_with(".js") || path.ends_with(".json") || path.ends_with(".svg")
}

/// Every response is fresh: an edited page must never come from the browser's cache.
fn set_headers(response: &mut Response, content_type: &str) {
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(content_type) {
        headers.insert(header::CONTENT_TYPE, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
}

/// The tag that loads the live-reload script, for a page of build `build`.
pub fn live_tag(build: &str) -> String {
    // `build` is made of digits and dashes (see `super::build_id`); nothing to escape.
    format!("<script src=\"{LIVE_SCRIPT}\" data-build=\"{build}\"></script>")
}

/// The page with the live-reload tag before its last `</body>` (or at its end).
pub fn with_live_script(html: &[u8], build: &str) -> Vec<u8> {
    let tag = live_tag(build);
    let at = find_last(html, b"</body>").unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + tag.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(tag.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .rposition(|w| w.eq_ignore_ascii_case(needle))
}

/// Before the first good build there is no site; the page says so and shows the errors.
fn not_built(now: &Snapshot) -> Response {
    let html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
                <title>Not built yet · stateside</title></head><body><main><h1>The site \
                could not be built yet</h1><p>The problems are listed in the terminal and \
                over this page. Fix them and save; this page reloads.</p></main></body></html>";
    file_response(
        "index.html",
        &Bytes::from_static(html.as_bytes()),
        StatusCode::SERVICE_UNAVAILABLE,
        &now.build,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_goes_before_the_last_body_end() {
        let page = b"<html><body><p>&lt;/body&gt;</p></body></html>";
        let out = String::from_utf8(with_live_script(page, "7-1")).unwrap();
        assert_eq!(
            out,
            "<html><body><p>&lt;/body&gt;</p><script src=\"/__stateside/live.js\" \
             data-build=\"7-1\"></script></body></html>"
        );
        let bare = String::from_utf8(with_live_script(b"<p>hi", "1-1")).unwrap();
        assert!(bare.starts_with("<p>hi<script "));
    }
}
