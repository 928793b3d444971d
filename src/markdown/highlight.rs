//! Fenced code -> highlighted HTML with syntect's CSS classes (prefixed `hl-`), and the CSS
//! for those classes: a light theme, and a dark one for readers who prefer dark. Syntect's
//! syntax set is loaded on the first block that names a language, never before.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;

use syntect::highlighting::{Color, Theme, ThemeSet};
use syntect::html::{css_for_theme_with_class_style, ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

/// The prefix of every highlighting class, so they cannot clash with the site's own CSS.
const CLASS_STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };
const LIGHT_THEME: &str = "InspiredGitHub";
const DARK_THEME: &str = "base16-ocean.dark";

/// Code larger than this, or with a longer line, is shown unhighlighted: syntect's
/// backtracking regexes can take very long on hostile input, and a build must not hang.
pub(super) const MAX_HIGHLIGHT_BYTES: usize = 100_000;
pub(super) const MAX_HIGHLIGHT_LINE: usize = 2_000;

/// The contrast every token colour must reach against its background (WCAG AA for body
/// text is 4.5; a little more absorbs rounding). The stock themes' comments and numbers
/// fall short of it.
const MIN_CONTRAST: f64 = 4.6;

/// Highlights code blocks; remembers whether it did, so the CSS is only written when used.
#[derive(Default)]
pub(super) struct Highlighter {
    syntaxes: OnceLock<SyntaxSet>,
    used: AtomicBool,
}

impl Highlighter {
    /// The HTML of a code block whose info string starts with a language syntect knows,
    /// or `None` (no language, an unknown one, or code too large to highlight safely).
    pub fn html(&self, info: &str, code: &str) -> Option<String> {
        let lang = info
            .split(|c: char| c.is_whitespace() || c == ',' || c == '{')
            .next()
            .unwrap_or("");
        let small = code.len() <= MAX_HIGHLIGHT_BYTES
            && code.lines().all(|l| l.len() <= MAX_HIGHLIGHT_LINE);
        if lang.is_empty() || !small {
            return None;
        }
        let syntaxes = self.syntaxes.get_or_init(SyntaxSet::load_defaults_newlines);
        let syntax = syntaxes.find_syntax_by_token(lang)?;
        let mut generator =
            ClassedHTMLGenerator::new_with_class_style(syntax, syntaxes, CLASS_STYLE);
        for line in LinesWithEndings::from(code) {
            generator
                .parse_html_for_line_which_includes_newline(line)
                .ok()?;
        }
        self.used.store(true, Ordering::Relaxed);
        // Syntect escapes the code; the wrapper is ours. `hl-code` takes the theme's colours.
        Some(format!(
            // Focusable, so that a block wider than the screen scrolls from the keyboard.
            "<pre class=\"code hl-code\" tabindex=\"0\"><code>{}</code></pre>\n",
            generator.finalize()
        ))
    }

    pub fn loaded(&self) -> bool {
        self.syntaxes.get().is_some()
    }

    /// The CSS for the classes, if any block was highlighted.
    pub fn css(&self) -> Option<String> {
        if !self.used.load(Ordering::Relaxed) {
            return None;
        }
        let themes = ThemeSet::load_defaults();
        let css = |name: &str| {
            let theme = readable(themes.themes.get(name)?.clone());
            css_for_theme_with_class_style(&theme, CLASS_STYLE).ok()
        };
        // Each theme in its own media block: the light theme's rules are often more
        // specific than the dark one's, and would otherwise win in dark mode too (light
        // text on the dark background). Print is light, as the pages are.
        Some(format!(
            "@media not screen, (prefers-color-scheme: light) {{\n{}}}\n\
             @media screen and (prefers-color-scheme: dark) {{\n{}}}\n",
            css(LIGHT_THEME)?,
            css(DARK_THEME)?
        ))
    }
}

/// The theme with every foreground colour moved towards black (on a light background) or
/// white (on a dark one) just far enough to reach [`MIN_CONTRAST`].
fn readable(mut theme: Theme) -> Theme {
    let Some(bg) = theme.settings.background else {
        return theme;
    };
    if let Some(fg) = theme.settings.foreground.as_mut() {
        *fg = with_contrast(*fg, bg);
    }
    for item in &mut theme.scopes {
        let bg = item.style.background.unwrap_or(bg);
        if let Some(fg) = item.style.foreground.as_mut() {
            *fg = with_contrast(*fg, bg);
        }
    }
    theme
}

fn with_contrast(fg: Color, bg: Color) -> Color {
    let target = if luminance(bg) > 0.18 {
        Color::BLACK
    } else {
        Color::WHITE
    };
    const STEPS: u16 = 40;
    (0..=STEPS)
        .map(|step| mix(fg, target, step, STEPS))
        .find(|&c| contrast(c, bg) >= MIN_CONTRAST)
        .unwrap_or(target)
}

fn mix(from: Color, to: Color, step: u16, steps: u16) -> Color {
    let channel = |a: u8, b: u8| {
        let (a, b) = (u16::from(a), u16::from(b));
        ((a * (steps - step) + b * step + steps / 2) / steps) as u8
    };
    Color {
        r: channel(from.r, to.r),
        g: channel(from.g, to.g),
        b: channel(from.b, to.b),
        a: from.a,
    }
}

/// WCAG relative luminance.
fn luminance(c: Color) -> f64 {
    let linear = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b)
}

/// WCAG contrast ratio.
fn contrast(a: Color, b: Color) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_themes_exist_and_become_readable() {
        let themes = ThemeSet::load_defaults();
        for name in [LIGHT_THEME, DARK_THEME] {
            let theme = readable(themes.themes[name].clone());
            let bg = theme.settings.background.expect("background");
            let fgs = theme
                .scopes
                .iter()
                .filter_map(|i| i.style.foreground.map(|fg| (fg, i.style.background)))
                .chain(theme.settings.foreground.map(|fg| (fg, None)));
            for (fg, own_bg) in fgs {
                let ratio = contrast(fg, own_bg.unwrap_or(bg));
                assert!(
                    ratio >= 4.5,
                    "{name}: {fg:?} on {bg:?} has contrast {ratio:.2}"
                );
            }
        }
    }

    #[test]
    fn readable_colours_stay_as_they_are() {
        let bg = Color::WHITE;
        let dark_blue = Color {
            r: 0x18,
            g: 0x36,
            b: 0x91,
            a: 0xff,
        };
        assert_eq!(with_contrast(dark_blue, bg), dark_blue);
        let grey = Color {
            r: 0x96,
            g: 0x98,
            b: 0x96,
            a: 0xff,
        };
        let fixed = with_contrast(grey, bg);
        assert!(contrast(fixed, bg) >= MIN_CONTRAST && fixed != Color::BLACK);
    }
}
