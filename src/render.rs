//! Tera templates + the site plan -> rendered pages (not yet minified) and the other
//! generated files: sitemap.xml, robots.txt, .nojekyll and highlight.css.

use std::path::Path;

use rayon::prelude::*;
use tera::{Context, Tera};

use crate::error::{Error, Result};
use crate::model::Guide;
use crate::output::OutputFile;
use crate::site::{FileKind, PageData, PageSpec, SiteModel, StateId, PRINT_SECTIONS};

mod changed;
pub use changed::{render_site_changed, RenderCache, Rendered};

/// Options that change what pages say.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// Overrides `base_url` of site.toml when set (`--base-url`); an empty string means
    /// the site has no base URL.
    pub base_url: Option<String>,
    /// Minify the templates as they are loaded, so that every page comes out minified
    /// (the answers the pages show are minified in the guide; see [`crate::minify`]).
    pub minify: bool,
}

/// Renders every page of the site (HTML not yet minified) plus sitemap, robots.txt,
/// .nojekyll and other generated files, in the site plan's order.
pub fn render_site(
    guide: &Guide,
    templates: &Path,
    opts: &RenderOptions,
) -> Result<Vec<OutputFile>> {
    let renderer = Renderer::new(guide, templates, opts)?;
    let mut rendered: Vec<(usize, OutputFile)> = renderer
        .order()
        .par_iter()
        .map(|&i| renderer.page(i).map(|file| (i, file)))
        .collect::<Result<_>>()?;
    rendered.sort_unstable_by_key(|(i, _)| *i);
    let mut files: Vec<OutputFile> = rendered.into_iter().map(|(_, file)| file).collect();
    files.extend(renderer.generated_files());
    Ok(files)
}

/// Renders the same files as [`render_site`], handing each to `each` as soon as it is
/// ready (from several threads, in no particular order), so that a caller can minify and
/// write pages without holding the whole site in memory. Stops at the first error.
pub fn render_site_each<F>(
    guide: &Guide,
    templates: &Path,
    opts: &RenderOptions,
    each: F,
) -> Result<()>
where
    F: Fn(OutputFile) -> Result<()> + Sync,
{
    let renderer = Renderer::new(guide, templates, opts)?;
    renderer
        .order()
        .par_iter()
        .try_for_each(|&i| each(renderer.page(i)?))?;
    renderer.generated_files().into_iter().try_for_each(each)
}

/// The loaded templates, with the site-wide data in Tera's global context, and the plan.
struct Renderer<'a> {
    site: SiteModel<'a>,
    tera: Tera,
    templates: &'a Path,
    /// The templates' names and texts, as loaded (for [`changed`]'s fingerprints).
    sources: Vec<(String, String)>,
    minified: bool,
}

impl<'a> Renderer<'a> {
    fn new(guide: &'a Guide, templates: &'a Path, opts: &RenderOptions) -> Result<Self> {
        let site = SiteModel::new(guide, opts.base_url.as_deref())?;
        let sources = template_sources(templates)?;
        let mut tera = compile_templates(&sources, templates, opts.minify)?;
        set_globals(&mut tera, &site);
        Ok(Renderer {
            site,
            tera,
            templates,
            sources,
            minified: opts.minify,
        })
    }

    /// Page indices in the order to start them: the pages that list every state are the
    /// big ones, so they go first and no core is left rendering the print page alone at
    /// the end.
    fn order(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.site.pages.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(self.site.pages[i].kind.rules().weight));
        order
    }

    fn page(&self, i: usize) -> Result<OutputFile> {
        let spec = &self.site.pages[i];
        render_page(&self.tera, &self.site, spec).map_err(|err| {
            if !self.minified {
                return err;
            }
            // A minified template is one long line; the same page rendered from the
            // templates as written names the line and column the author can find.
            let mut plain = match load_templates(self.templates, false) {
                Ok(tera) => tera,
                Err(_) => return err,
            };
            set_globals(&mut plain, &self.site);
            render_page(&plain, &self.site, spec).err().unwrap_or(err)
        })
    }

    fn generated_files(&self) -> Vec<OutputFile> {
        self.site
            .files
            .iter()
            .map(|file| generated_file(&self.site, *file))
            .collect()
    }
}

/// Site-wide data goes into Tera's global context once, not into every page's context.
fn set_globals(tera: &mut Tera, site: &SiteModel) {
    let global = site.global();
    let context = tera.global_context();
    context.insert("site", &global.site);
    context.insert("states", &global.states);
    context.insert("topics", &global.topics);
    context.insert("extra_pages", &global.extra_pages);
}

fn render_page(tera: &Tera, site: &SiteModel, spec: &PageSpec) -> Result<OutputFile> {
    let view = site.view(spec);
    let mut context = Context::new();
    context.insert("page", &view.meta);
    if let Some(name) = spec.kind.rules().context {
        context.insert(name, &view.data);
    }
    let template = spec.kind.template();
    let mut html = Vec::with_capacity(16 * 1024);
    render_to(tera, template, &context, &mut html, site, spec)?;
    if let PageData::Print(_) = view.data {
        html = fill_print_sections(tera, site, spec, &view.meta, html)?;
    }
    Ok(OutputFile::new(spec.path.clone(), html))
}

fn render_to(
    tera: &Tera,
    template: &str,
    context: &Context,
    out: &mut Vec<u8>,
    site: &SiteModel,
    spec: &PageSpec,
) -> Result<()> {
    tera.render_to(template, context, out).map_err(|e| {
        let mut err = template_error(template, &e);
        if let Error::Template { message, .. } = &mut err {
            message.push_str(&format!(
                "\n(while rendering {} for {})",
                spec.path,
                spec.kind.describe(site.guide)
            ));
        }
        err
    })
}

/// The template each state's section of the print page comes from.
const PRINT_STATE_TEMPLATE: &str = "partials/print-state.html";

/// Puts every state's section, rendered one state at a time, where the print page's frame
/// has [`PRINT_SECTIONS`]. A context holding every state's answers at once would copy the
/// whole guide into template values (hundreds of megabytes at 2,000 states).
fn fill_print_sections(
    tera: &Tera,
    site: &SiteModel,
    spec: &PageSpec,
    meta: &crate::site::PageMeta,
    frame: Vec<u8>,
) -> Result<Vec<u8>> {
    // Tera writes what it renders as UTF-8 text.
    let frame = String::from_utf8_lossy(&frame);
    let parts: Vec<&str> = frame.split(PRINT_SECTIONS).collect();
    let [head, tail] = parts[..] else {
        return Err(Error::Template {
            name: spec.kind.template().to_string(),
            message: format!(
                "the print page's template must output `{{{{ print.sections | safe }}}}` exactly \
                 once: that is where each state's section ({PRINT_STATE_TEMPLATE}) goes\n\
                 (while rendering {})",
                spec.path
            ),
        });
    };
    let mut html = Vec::with_capacity(frame.len() + site.guide.states.len() * 24 * 1024);
    html.extend_from_slice(head.as_bytes());
    // A batch of states at a time, in parallel within the batch, appended in order: the
    // page is never held twice, whole and in pieces.
    let states: Vec<usize> = (0..site.guide.states.len()).collect();
    for batch in states.chunks(64) {
        let parts: Vec<Vec<u8>> = batch
            .par_chunks(8)
            .map(|chunk| {
                let mut out = Vec::with_capacity(chunk.len() * 24 * 1024);
                for &si in chunk {
                    let mut context = Context::new();
                    context.insert("page", meta);
                    context.insert("state", &site.print_state(StateId(si)));
                    render_to(tera, PRINT_STATE_TEMPLATE, &context, &mut out, site, spec)?;
                }
                Ok(out)
            })
            .collect::<Result<_>>()?;
        for part in parts {
            html.extend_from_slice(&part);
        }
    }
    html.extend_from_slice(tail.as_bytes());
    Ok(html)
}

/// The built-in templates ([`crate::theme`]), each replaced by the project's file of the
/// same name, plus the project's own: every file under `dir` (recursively, skipping hidden
/// ones; `dir` may be missing) is a template named by its `/`-separated path relative to
/// `dir`. Minified when `minify` is set (templates whose minified form Tera cannot load are
/// used as written, so errors point into the files).
pub fn load_templates(dir: &Path, minify: bool) -> Result<Tera> {
    compile_templates(&template_sources(dir)?, dir, minify)
}

/// Every template's name and text: the project's, then the built-in ones it lacks.
fn template_sources(dir: &Path) -> Result<Vec<(String, String)>> {
    let mut sources = project_templates(dir)?;
    for file in crate::theme::TEMPLATES {
        if !sources.iter().any(|(name, _)| name == file.path) {
            sources.push((file.path.to_string(), file.text().to_string()));
        }
    }
    Ok(sources)
}

fn compile_templates(sources: &[(String, String)], dir: &Path, minify: bool) -> Result<Tera> {
    if minify {
        let mut tera = Tera::new();
        let minified = sources
            .iter()
            .map(|(n, t)| (n.as_str(), crate::minify::template(t)));
        if tera.add_raw_templates(minified).is_ok() {
            return Ok(tera);
        }
    }
    let mut tera = Tera::new();
    tera.add_raw_templates(sources.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        .map_err(|e| template_error(&dir.display().to_string(), &e))?;
    Ok(tera)
}

/// The project's templates, by name, sorted; none when the folder does not exist.
fn project_templates(dir: &Path) -> Result<Vec<(String, String)>> {
    let mut sources: Vec<(String, String)> = Vec::new();
    if !dir.exists() {
        return Ok(sources);
    }
    let walker = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = entry.map_err(|e| {
            let path = e.path().unwrap_or(dir).to_path_buf();
            Error::io(path, e.into())
        })?;
        if !entry.file_type().is_file() {
            continue;
        }
        let path = entry.path();
        let name = path
            .strip_prefix(dir)
            .unwrap_or(path)
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        sources.push((name, text));
    }
    Ok(sources)
}

/// A Tera error as [`Error::Template`], named after the template file the error is in when
/// Tera says which, with the whole chain of causes in the message.
fn template_error(name: &str, err: &tera::Error) -> Error {
    let mut message = err.to_string();
    // Tera's report opens with its own "error: "; the command line says that already.
    if let Some(rest) = message.strip_prefix("error: ") {
        message = rest.to_string();
    }
    let mut source = std::error::Error::source(err);
    while let Some(cause) = source {
        message.push_str(&format!("\ncaused by: {cause}"));
        source = cause.source();
    }
    let name = match err.kind() {
        tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report)
            if !report.filename().is_empty() =>
        {
            report.filename().to_string()
        }
        // Load-time checks report every problem as text; each names its file after `-->`.
        _ => reported_file(&message).unwrap_or(name).to_string(),
    };
    Error::Template { name, message }
}

/// The file named by the first `--> file:line:column` locus of a Tera report.
fn reported_file(message: &str) -> Option<&str> {
    let after = &message[message.find("--> ")? + 4..];
    let locus = after.lines().next()?;
    // Strip `:line:column` from the end.
    let mut parts = locus.rsplitn(3, ':');
    let (_col, _line, file) = (parts.next()?, parts.next()?, parts.next()?);
    Some(file)
}

fn generated_file(site: &SiteModel, kind: FileKind) -> OutputFile {
    let contents = match kind {
        FileKind::Sitemap => sitemap(site).into_bytes(),
        FileKind::Robots => robots(site).into_bytes(),
        FileKind::NoJekyll => Vec::new(),
        FileKind::HighlightCss => site
            .guide
            .highlight_css
            .clone()
            .unwrap_or_default()
            .into_bytes(),
    };
    OutputFile::new(kind.path(), contents)
}

/// `sitemap.xml`: every page that search engines should index, at its public URL.
fn sitemap(site: &SiteModel) -> String {
    let base = site.base_url.as_deref().unwrap_or_default();
    let mut xml = String::with_capacity(128 + site.pages.len() * 80);
    xml.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.push_str("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for page in site.pages.iter().filter(|p| p.kind.rules().in_sitemap) {
        let url = crate::site::links::public_url(base, &page.path);
        xml.push_str("  <url><loc>");
        push_xml_escaped(&mut xml, &url);
        xml.push_str("</loc>");
        if let Some(date) = page.kind.last_modified(site.guide) {
            xml.push_str("<lastmod>");
            push_xml_escaped(&mut xml, date);
            xml.push_str("</lastmod>");
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

fn robots(site: &SiteModel) -> String {
    let mut text = String::from("User-agent: *\nAllow: /\n");
    if let Some(base) = &site.base_url {
        text.push_str(&format!("\nSitemap: {base}sitemap.xml\n"));
    }
    text
}

fn push_xml_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            _ => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_locus_names_the_file() {
        let message = "error: Unknown filter `nope`\n --> partials/nav.html:3:7\n  |";
        assert_eq!(reported_file(message), Some("partials/nav.html"));
        assert_eq!(reported_file("no locus here"), None);
    }

    #[test]
    fn xml_escaping() {
        let mut out = String::new();
        push_xml_escaped(&mut out, "a&b<c>'\"");
        assert_eq!(out, "a&amp;b&lt;c&gt;&apos;&quot;");
    }
}
