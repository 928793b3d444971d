//! A project's folders -> its content read, parsed and aligned ([`Loaded`]), with every
//! problem collected as a diagnostic; then, when none is an error, the [`Guide`] built
//! from it. The stages before rendering, shared by `build`, `check` and `serve`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::align::{self, Alignment};
use crate::config::{self, SiteConfig, TopicsConfig};
use crate::diagnostic::{self, Diagnostic};
use crate::doc::StateDoc;
use crate::error::{Error, Result};
use crate::jurisdiction::Jurisdictions;
use crate::markdown::{self, Renderer};
use crate::model::{self, Guide};
use crate::source::{self, Layout, Sources};
use crate::timing::StageTimer;
use crate::{indicators, parse, parse_cache};

/// Folder names the site writes itself; extra pages cannot take them.
const RESERVED_PAGE_SLUGS: &[&str] = &[
    "states", "topics", "compare", "print", "data", "index", "404",
];

/// Everything read and aligned, before rendering: what `check` reports on.
pub struct Loaded {
    pub site: SiteConfig,
    pub topics: TopicsConfig,
    pub docs: Vec<StateDoc>,
    pub alignment: Alignment,
    /// The indicators to code, with editors' values for plain-text states.
    pub indicators: indicators::Indicators,
    pub pages: Vec<markdown::PageSource>,
    /// Every problem found, sorted by file and line.
    pub diagnostics: Vec<Diagnostic>,
}

impl Loaded {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Reads, parses and aligns a project's content, collecting every problem: an error in
/// `site.toml` or `topics.toml` is reported beside the state files' problems, not instead
/// of them. Fails early only when a configuration file or a project folder is unreadable.
pub fn load(root: &Path) -> Result<Loaded> {
    load_from(&Layout::open(root)?, None)
}

/// Like [`load`], but parses only the state files that changed since the last call with
/// the same cache (for `serve`).
pub fn load_cached(root: &Path, cache: &mut parse_cache::ParseCache) -> Result<Loaded> {
    load_from(&Layout::open(root)?, Some(cache))
}

/// [`load`] for a project whose folders were resolved already ([`Layout::open`]); with a
/// cache, as [`load_cached`].
pub fn load_from(layout: &Layout, cache: Option<&mut parse_cache::ParseCache>) -> Result<Loaded> {
    let mut timer = StageTimer::from_env();
    let Sources {
        site,
        topics,
        indicators: indicators_file,
        states,
        pages,
        mut diagnostics,
    } = source::read_sources(layout)?;
    timer.lap("read files");

    let site_config = match parse::decode(&site.path, &site.bytes) {
        Ok(text) => config::parse_site(&site.path, text).unwrap_or_else(|d| {
            diagnostics.extend(d);
            config::SiteConfig::stand_in(config::extra_places_leniently(text))
        }),
        Err(d) => {
            diagnostics.push(d);
            config::SiteConfig::stand_in(Vec::new())
        }
    };
    let topics_path = layout.display(&layout.content.join("topics.toml"));
    // None: there is no topics.toml; Some(None): there is one, but it cannot be used
    // (its problems are listed with the others).
    let topics_config: Option<Option<TopicsConfig>> = topics.as_ref().map(|topics| {
        parse::decode(&topics.path, &topics.bytes)
            .map_err(|d| vec![d])
            .and_then(|text| config::parse_topics(&topics.path, text))
            .map_err(|d| diagnostics.extend(d))
            .ok()
    });

    let places = Jurisdictions::new(&site_config.extra_places());
    let docs = parse_states(states, &site_config, &places, &mut diagnostics, cache);
    let page_sources = parse_pages(&pages, &mut diagnostics);
    timer.lap("parse states");

    let (topics_config, topics_ok) = match topics_config {
        Some(Some(c)) => (c, true),
        Some(None) => (TopicsConfig::default(), false),
        None => {
            let matching = config::MatchingConfig::default();
            let found = align::discover::discover(&docs, &matching, &places);
            diagnostics.push(Diagnostic::info(
                &topics_path,
                None,
                format!(
                    "there is no topics.toml: the site uses {} topics found in the states' own questions",
                    found.topics.len()
                ),
                "`stateside topics --write` saves them as a draft topics.toml to edit",
            ));
            (align::discover::as_config(&found, &matching), true)
        }
    };
    let indicators = read_indicators(
        indicators_file.as_ref(),
        &topics_config,
        &places,
        &docs,
        &mut diagnostics,
    )?;
    let alignment = align::align(&docs, &topics_config, &places);
    // Without usable topics every question would be "unaligned": noise, not news.
    if topics_ok {
        diagnostics.extend(align::check_pins(
            &docs,
            &topics_config,
            &topics_path,
            &places,
        ));
        diagnostics.extend(align::diagnostics(
            &docs,
            &alignment,
            &topics_config,
            &topics_path,
        ));
    }
    diagnostic::sort(&mut diagnostics);
    timer.lap(&format!("align ({} rounds)", alignment.rounds));
    Ok(Loaded {
        site: site_config,
        topics: topics_config,
        docs,
        alignment,
        indicators,
        pages: page_sources,
        diagnostics,
    })
}

/// `indicators.toml` compiled, and every editor's value checked against it: problems in
/// the file itself are errors of the file; a Markdown state's `[indicators]` that names an
/// unknown indicator or value is an error on its line in that state's file.
fn read_indicators(
    file: Option<&source::SourceFile>,
    topics: &TopicsConfig,
    places: &Jurisdictions,
    docs: &[StateDoc],
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<indicators::Indicators> {
    let Some(file) = file else {
        for doc in docs {
            for v in &doc.indicator_values {
                diagnostics.push(Diagnostic::error(
                    &doc.path,
                    v.origin.rsplit(':').next().and_then(|l| l.parse().ok()),
                    format!(
                        "indicator value for {:?}, but the project has no content/indicators.toml",
                        v.indicator
                    ),
                    "define the indicators in content/indicators.toml, or remove [indicators]",
                ));
            }
        }
        return Ok(indicators::Indicators::default());
    };
    // Like site.toml and topics.toml, a file that cannot be read is one more problem to
    // list beside the others, not an error that hides them.
    let text = match parse::decode(&file.path, &file.bytes) {
        Ok(text) => text,
        Err(d) => {
            diagnostics.push(d);
            return Ok(indicators::Indicators::default());
        }
    };
    let config = match indicators::config::parse(&file.path, text, topics) {
        Ok(c) => c,
        Err(d) => {
            diagnostics.extend(d);
            return Ok(indicators::Indicators::default());
        }
    };
    let topic_ids: Vec<&str> = topics.topics.iter().map(|t| t.id.as_str()).collect();
    let (compiled, diags) =
        indicators::Indicators::new(config, &topic_ids, &file.path, text, |s| {
            places.by_name(s).map(|p| p.code.clone())
        });
    diagnostics.extend(diags);
    for doc in docs {
        for v in &doc.indicator_values {
            let problem = indicators::config::override_problem(
                &compiled.config,
                &v.indicator,
                &v.value,
                v.source.as_deref(),
            );
            if let Some((message, help)) = problem {
                let line = v.origin.rsplit(':').next().and_then(|l| l.parse().ok());
                diagnostics.push(Diagnostic::error(&doc.path, line, message, help));
            }
        }
    }
    Ok(compiled)
}

fn is_markdown(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "md")
}

/// Every state file to a document, in parallel; each file's bytes are freed as soon as it
/// is parsed. Problems go to `diagnostics`; a second file for one state is dropped.
fn parse_states(
    states: Vec<source::SourceFile>,
    site: &SiteConfig,
    places: &Jurisdictions,
    diagnostics: &mut Vec<Diagnostic>,
    cache: Option<&mut parse_cache::ParseCache>,
) -> Vec<StateDoc> {
    let extra = site.extra_places();
    let parse_one = |f: &source::SourceFile, places: &Jurisdictions| {
        if is_markdown(&f.path) {
            markdown::parse_state(&f.path, &f.bytes, places)
        } else {
            parse::parse_text(&f.path, &f.bytes, places)
        }
    };
    let parsed: Vec<parse::Parsed> = match cache {
        Some(cache) => cache.parse(states, &extra, places, parse_one),
        None => states
            .into_par_iter()
            .map(|f| parse_one(&f, places))
            .collect(),
    };
    let mut docs = Vec::with_capacity(parsed.len());
    for p in parsed {
        diagnostics.extend(p.diagnostics);
        docs.extend(p.doc);
    }
    drop_duplicate_states(docs, diagnostics)
}

/// Extra pages, each with a slug of its own that the site's own folders do not use.
fn parse_pages(
    pages: &[source::SourceFile],
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<markdown::PageSource> {
    let mut page_sources: Vec<markdown::PageSource> = Vec::new();
    for f in pages {
        match markdown::parse_page(&f.path, &f.bytes) {
            Ok(p) if RESERVED_PAGE_SLUGS.contains(&p.slug.as_str()) || p.slug.is_empty() => {
                diagnostics.push(Diagnostic::error(
                    &f.path,
                    Some(1),
                    format!("page slug {:?} is taken by the site's own pages", p.slug),
                    format!(
                        "set another `slug` in the front matter (the site uses {})",
                        RESERVED_PAGE_SLUGS.join(", ")
                    ),
                ))
            }
            Ok(p) => match page_sources.iter().find(|q| q.slug == p.slug) {
                Some(q) => diagnostics.push(Diagnostic::error(
                    &f.path,
                    Some(1),
                    format!("page slug {:?} is used by {} too", p.slug, q.path.display()),
                    "give each page its own `slug`",
                )),
                None => page_sources.push(p),
            },
            Err(d) => diagnostics.extend(d),
        }
    }
    page_sources
}

/// A second file for a state already seen is an error naming both files; the first
/// (in file-name order) is kept so the rest can still be checked.
fn drop_duplicate_states(docs: Vec<StateDoc>, diags: &mut Vec<Diagnostic>) -> Vec<StateDoc> {
    let mut first_for: BTreeMap<String, PathBuf> = BTreeMap::new();
    let mut kept = Vec::with_capacity(docs.len());
    for doc in docs {
        if let Some(first) = first_for.get(&doc.state.code) {
            diags.push(Diagnostic::error(
                &doc.path,
                None,
                format!("a second file for {}: {} covers it already", doc.state.name, first.display()),
                "keep one file per state: merge the two, or fix the title of the one that is about another state",
            ));
        } else {
            first_for.insert(doc.state.code.clone(), doc.path.clone());
            kept.push(doc);
        }
    }
    kept
}

/// Loads the content and builds the guide. Content errors fail with every diagnostic;
/// warnings come back beside the guide.
pub fn load_guide(root: &Path) -> Result<(Guide, Vec<Diagnostic>)> {
    guide_from(load(root)?)
}

/// [`load_guide`] for a project whose folders were resolved already.
pub fn load_guide_from(layout: &Layout) -> Result<(Guide, Vec<Diagnostic>)> {
    guide_from(load_from(layout, None)?)
}

/// Builds the guide from loaded content; fails with every diagnostic when one is an error,
/// and returns the warnings beside the guide.
pub fn guide_from(mut loaded: Loaded) -> Result<(Guide, Vec<Diagnostic>)> {
    if loaded.has_errors() {
        return Err(Error::Content(loaded.diagnostics));
    }
    let diagnostics = std::mem::take(&mut loaded.diagnostics);
    let mut timer = StageTimer::from_env();
    let md = Renderer::new(loaded.site.allow_html);
    let guide = model::build(
        loaded.site,
        &loaded.topics,
        loaded.docs,
        &loaded.alignment,
        loaded.pages,
        &md,
        &loaded.indicators,
    );
    timer.lap("model");
    Ok((guide, diagnostics))
}
