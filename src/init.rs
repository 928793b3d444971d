//! A folder -> a new project that builds at once: `content/` with a commented `site.toml`,
//! topics, one example state and an About page, a GitHub Pages workflow and a `.gitignore`.
//! Never replaces a file; refuses a folder that is not empty unless forced.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::theme::{write_new, Ejected};

/// The starter files, at their paths in the new project.
const STARTER: &[(&str, &str)] = &[
    ("content/site.toml", include_str!("../starter/site.toml")),
    (
        "content/topics.toml",
        include_str!("../starter/topics.toml"),
    ),
    (
        "content/states/vermont.txt",
        include_str!("../starter/vermont.txt"),
    ),
    (
        "content/pages/about.md",
        include_str!("../starter/about.md"),
    ),
    (
        ".github/workflows/pages.yml",
        include_str!("../starter/pages.yml"),
    ),
    (".gitignore", include_str!("../starter/gitignore")),
];

/// What `init` did.
#[derive(Debug)]
pub struct Created {
    pub dir: PathBuf,
    pub files: Vec<Ejected>,
}

impl Created {
    /// The commands to run next, for the message `init` ends with.
    pub fn next_commands(&self) -> Vec<String> {
        let cd = if self.dir == Path::new(".") {
            "stateside check                # read everything, list any problem".to_string()
        } else {
            format!("cd {}", shell_word(&self.dir.display().to_string()))
        };
        vec![
            cd,
            "stateside serve                # preview at http://127.0.0.1:1111/, reloads on every save".into(),
            "stateside build                # write the site into public/".into(),
        ]
    }
}

/// Creates the project in `dir` (made if missing). A folder with anything in it is refused
/// unless `force`; even then no existing file is replaced.
pub fn init(dir: &Path, force: bool) -> Result<Created> {
    if dir.exists() && !dir.is_dir() {
        return Err(Error::Output {
            path: dir.to_path_buf(),
            message: "this is a file, not a folder; name a new or empty folder for the project"
                .into(),
        });
    }
    if !force && dir.is_dir() {
        let mut entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
        if entries.next().is_some() {
            return Err(Error::Output {
                path: dir.to_path_buf(),
                message: "this folder is not empty; run `stateside init NEW-FOLDER`, or pass \
                          --force to add the starter files here (existing files are kept as \
                          they are)"
                    .into(),
            });
        }
    }
    let mut files = Vec::with_capacity(STARTER.len());
    for (path, text) in STARTER {
        let target = dir.join(path);
        files.push(if write_new(&target, text.as_bytes())? {
            Ejected::Written(target)
        } else {
            Ejected::Kept(target)
        });
    }
    Ok(Created {
        dir: dir.to_path_buf(),
        files,
    })
}

/// Quotes a path for a POSIX shell when it holds anything but plain characters.
fn shell_word(word: &str) -> String {
    let plain = word
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "-_./".contains(c));
    if plain {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_project_loads_without_problems() {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("guide");
        let created = init(&project, false).unwrap();
        assert!(created
            .files
            .iter()
            .all(|f| matches!(f, Ejected::Written(_))));
        let loaded = crate::load(&project).unwrap();
        assert!(
            loaded.diagnostics.iter().all(|d| !d.is_error()),
            "{:?}",
            loaded.diagnostics
        );
        assert_eq!(loaded.docs.len(), 1);
        assert_eq!(loaded.docs[0].state.name, "Vermont");
        assert_eq!(loaded.docs[0].questions.len(), 3);
        // Every example question finds its topic.
        let aligned = loaded
            .alignment
            .of(&loaded.docs[0])
            .iter()
            .filter(|m| m.is_some())
            .count();
        assert_eq!(aligned, 3);
    }

    #[test]
    fn a_folder_with_files_is_refused_and_force_keeps_them() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("content")).unwrap();
        std::fs::write(dir.path().join("content/site.toml"), "title = \"mine\"\n").unwrap();
        let err = init(dir.path(), false).unwrap_err();
        assert!(err.to_string().contains("not empty"), "{err}");
        assert!(!dir.path().join(".gitignore").exists());
        let created = init(dir.path(), true).unwrap();
        assert!(created
            .files
            .contains(&Ejected::Kept(dir.path().join("content/site.toml"))));
        assert_eq!(
            std::fs::read_to_string(dir.path().join("content/site.toml")).unwrap(),
            "title = \"mine\"\n"
        );
        assert!(dir.path().join(".gitignore").is_file());
    }

    #[test]
    fn paths_are_quoted_for_the_shell() {
        assert_eq!(shell_word("my-guide"), "my-guide");
        assert_eq!(shell_word("my guide"), "'my guide'");
    }
}
