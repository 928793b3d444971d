//! State files + the documents parsed from them last time -> documents, parsing again only
//! the files whose bytes changed. For `serve`, which loads the project after every save.

use std::collections::HashMap;
use std::path::PathBuf;

use rayon::prelude::*;

use crate::diagnostic::Diagnostic;
use crate::doc::StateDoc;
use crate::jurisdiction::Jurisdictions;
use crate::parse::Parsed;
use crate::source::SourceFile;

/// The last parse of each state file, by path, with the bytes it was parsed from.
#[derive(Debug, Default)]
pub struct ParseCache {
    /// The extra places of site.toml the documents were parsed with: when they change,
    /// every file is parsed again (a title may name a place only they define).
    places: Vec<(String, String)>,
    states: HashMap<PathBuf, CachedParse>,
    /// How many files the last call parsed (the others came from the cache).
    pub last_parsed: usize,
}

#[derive(Debug)]
struct CachedParse {
    bytes: Vec<u8>,
    doc: Option<StateDoc>,
    diagnostics: Vec<Diagnostic>,
}

impl CachedParse {
    fn parsed(&self) -> Parsed {
        Parsed {
            doc: self.doc.clone(),
            diagnostics: self.diagnostics.clone(),
        }
    }
}

impl ParseCache {
    /// Parses `files` with `parse`, reusing the result for every file whose path and bytes
    /// are the same as last time; forgets files that are gone.
    pub(crate) fn parse(
        &mut self,
        files: Vec<SourceFile>,
        places_key: &[(String, String)],
        places: &Jurisdictions,
        parse: impl Fn(&SourceFile, &Jurisdictions) -> Parsed + Sync,
    ) -> Vec<Parsed> {
        if self.places != places_key {
            self.states.clear();
            self.places = places_key.to_vec();
        }
        let results: Vec<(Parsed, bool)> = files
            .par_iter()
            .map(|f| match self.states.get(&f.path) {
                Some(cached) if cached.bytes == f.bytes => (cached.parsed(), false),
                _ => (parse(f, places), true),
            })
            .collect();
        self.last_parsed = results.iter().filter(|(_, fresh)| *fresh).count();
        let mut old = std::mem::take(&mut self.states);
        let mut parsed = Vec::with_capacity(files.len());
        for (file, (p, fresh)) in files.into_iter().zip(results) {
            // An unchanged file keeps its entry as it is; only new parses are copied in.
            let entry = match old.remove(&file.path) {
                Some(entry) if !fresh => entry,
                _ => CachedParse {
                    bytes: file.bytes,
                    doc: p.doc.clone(),
                    diagnostics: p.diagnostics.clone(),
                },
            };
            self.states.insert(file.path, entry);
            parsed.push(p);
        }
        parsed
    }
}
