//! The project's source folders -> a signal after each burst of changes. A debounced
//! watcher over `content/`, `templates/` and `static/` (which may appear later); saves
//! made by writing a new file and renaming it over the old one count like any other.

use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

use notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{new_debouncer, DebounceEventResult, Debouncer, RecommendedCache};

use crate::source::Layout;

/// How long the folders must be quiet before a rebuild starts: long enough to take an
/// editor's write-temp-then-rename save as one change, short enough not to be felt.
pub const QUIET: Duration = Duration::from_millis(25);

/// Watches a project's source folders and sends the changed paths of each burst.
pub struct SourceWatcher {
    debouncer: Debouncer<notify::RecommendedWatcher, RecommendedCache>,
    watched: Vec<PathBuf>,
    folders: Vec<PathBuf>,
}

impl SourceWatcher {
    pub fn start(layout: &Layout, changes: Sender<Vec<PathBuf>>) -> notify::Result<Self> {
        let folders = vec![
            layout.content.clone(),
            layout.templates.clone(),
            layout.static_dir.clone(),
        ];
        let wanted = folders.clone();
        let debouncer = new_debouncer(QUIET, None, move |result: DebounceEventResult| {
            let Ok(events) = result else {
                // The watcher's own errors (such as too many watches) are reported once
                // by the next rebuild, which reads everything anyway.
                let _ = changes.send(Vec::new());
                return;
            };
            let paths: Vec<PathBuf> = events
                .iter()
                .filter(|e| !matches!(e.kind, EventKind::Access(_)))
                .flat_map(|e| e.paths.iter())
                .filter(|p| wanted.iter().any(|f| p.starts_with(f)))
                .cloned()
                .collect();
            if !paths.is_empty() {
                let _ = changes.send(paths);
            }
        })?;
        let mut watcher = SourceWatcher {
            debouncer,
            watched: Vec::new(),
            folders,
        };
        // The project folder itself, without its subfolders, so that a templates/ or
        // static/ created later is noticed.
        watcher
            .debouncer
            .watch(&layout.root, RecursiveMode::NonRecursive)?;
        watcher.watch_new_folders()?;
        Ok(watcher)
    }

    /// Starts watching any of the three folders that exists now and is not watched yet.
    pub fn watch_new_folders(&mut self) -> notify::Result<()> {
        for folder in &self.folders {
            if folder.is_dir() && !self.watched.contains(folder) {
                self.debouncer.watch(folder, RecursiveMode::Recursive)?;
                self.watched.push(folder.clone());
            }
        }
        // A folder that was removed is watched again when it comes back.
        self.watched.retain(|f| Path::new(f).is_dir());
        Ok(())
    }
}
