//! Loaded content + what to check -> the problems to print and the summary line of
//! `stateside check`: every state, or one state picked by name, postal code or file name.

use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Severity};
use crate::text::slugify;
use crate::Loaded;

/// Which part of the content `check` reports on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    All,
    /// One state: its name as shown, and its file(s).
    State {
        name: String,
        files: Vec<PathBuf>,
    },
}

impl Scope {
    /// The state `wanted` names: its name (any case, `new-york` or `New York`), postal
    /// code, or file name with or without extension. A file that could not be read into a
    /// document (so it has no state yet) is found by its file name. Fails with a message
    /// that lists the states there are.
    pub fn state(loaded: &Loaded, wanted: &str) -> Result<Scope, String> {
        let key = slugify(
            wanted
                .trim()
                .trim_end_matches(".txt")
                .trim_end_matches(".md"),
        );
        let file_key = |p: &Path| p.file_stem().map(|s| slugify(&s.to_string_lossy()));
        let mut name = None;
        let mut files: Vec<PathBuf> = Vec::new();
        for doc in &loaded.docs {
            let hit = slugify(&doc.state.name) == key
                || doc.state.code.eq_ignore_ascii_case(wanted.trim())
                || file_key(&doc.path).as_deref() == Some(key.as_str());
            if hit {
                name.get_or_insert_with(|| doc.state.name.clone());
                files.push(doc.path.clone());
            }
        }
        for d in &loaded.diagnostics {
            let in_states = d.path.parent().is_some_and(|p| p.ends_with("states"));
            if in_states
                && file_key(&d.path).as_deref() == Some(key.as_str())
                && !files.contains(&d.path)
            {
                files.push(d.path.clone());
            }
        }
        if files.is_empty() {
            let mut known: Vec<&str> = loaded.docs.iter().map(|d| d.state.name.as_str()).collect();
            known.sort_unstable();
            return Err(format!(
                "no state file is about {wanted:?}; the states are: {}",
                if known.is_empty() {
                    "(none)".to_string()
                } else {
                    known.join(", ")
                }
            ));
        }
        files.sort();
        Ok(Scope::State {
            name: name.unwrap_or_else(|| wanted.trim().to_string()),
            files,
        })
    }

    /// The problems to print: all of them, or those in the state's files.
    pub fn diagnostics(&self, loaded: &Loaded) -> Vec<Diagnostic> {
        match self {
            Scope::All => loaded.diagnostics.clone(),
            Scope::State { files, .. } => loaded
                .diagnostics
                .iter()
                .filter(|d| files.contains(&d.path))
                .cloned()
                .collect(),
        }
    }

    /// The last line `check` prints; `build_errors` are the problems only rendering
    /// showed (templates, static/ files), counted with the errors.
    pub fn summary(&self, loaded: &Loaded, shown: &[Diagnostic], build_errors: usize) -> String {
        let count = |s: Severity| shown.iter().filter(|d| d.severity == s).count();
        let (errors, warnings) = (
            count(Severity::Error) + build_errors,
            count(Severity::Warning),
        );
        let questions = |keep: &dyn Fn(&Path) -> bool| -> usize {
            loaded
                .docs
                .iter()
                .filter(|d| keep(&d.path))
                .map(|d| d.questions.len())
                .sum()
        };
        match self {
            Scope::All => format!(
                "Checked {} states, {} questions: {errors} errors, {warnings} warnings",
                loaded.docs.len(),
                questions(&|_| true),
            ),
            Scope::State { name, files } => {
                let shown_files: Vec<String> =
                    files.iter().map(|f| f.display().to_string()).collect();
                format!(
                    "Checked {name} ({}), {} questions: {errors} errors, {warnings} warnings",
                    shown_files.join(", "),
                    questions(&|p| files.iter().any(|f| f == p)),
                )
            }
        }
    }
}
