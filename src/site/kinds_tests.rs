//! Tests of the page kinds: a two-state project in, every planned page's rules and view
//! checked against each other.

use std::collections::BTreeSet;
use std::fs;

use super::*;
use crate::model::Guide;

fn small_guide() -> Guide {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    fs::create_dir_all(content.join("states")).unwrap();
    fs::create_dir_all(content.join("pages")).unwrap();
    fs::write(
        content.join("site.toml"),
        "title = \"Kinds\"\nbase_url = \"\"\n",
    )
    .unwrap();
    fs::write(
        content.join("topics.toml"),
        "[[topic]]\nid = \"warrants\"\nlabel = \"Warrants\"\ntitle = \"Is a warrant needed?\"\n\
         hints = [\"warrant\"]\n",
    )
    .unwrap();
    for name in ["Kansas", "Ohio"] {
        fs::write(
            content
                .join("states")
                .join(format!("{}.txt", name.to_lowercase())),
            format!(
                "State DMV Data Sharing With ICE in {name}\n\n1. Is a warrant required in \
                 {name}?\n\nA warrant is required.\n\n2. Who runs the office?\n\nThe state.\n"
            ),
        )
        .unwrap();
    }
    fs::write(
        content.join("pages").join("about.md"),
        "+++\ntitle = \"About\"\n+++\n\nWho we are.\n",
    )
    .unwrap();
    crate::load_guide(dir.path()).expect("the project loads").0
}

#[test]
fn every_kind_has_its_template_name_and_context() {
    let guide = small_guide();
    let site = SiteModel::new(&guide, None).unwrap();
    let mut kinds = BTreeSet::new();
    for spec in &site.pages {
        // Exhaustive, so a new kind must be planned in this project too.
        kinds.insert(match spec.kind {
            PageKind::Index => 0,
            PageKind::State(_) => 1,
            PageKind::Question(_) => 2,
            PageKind::Topic(_) => 3,
            PageKind::Compare => 4,
            PageKind::CompareTopics => 5,
            PageKind::CompareStates => 6,
            PageKind::Print => 7,
            PageKind::Extra(_) => 8,
            PageKind::NotFound => 9,
        });
        let rules = spec.kind.rules();
        assert!(
            crate::theme::TEMPLATES
                .iter()
                .any(|t| t.path == rules.template),
            "no built-in template {}",
            rules.template
        );
        let view = site.view(spec);
        assert_eq!(view.meta.kind, rules.name);
        let data = serde_json::to_value(&view.data).unwrap();
        // Data without a context name would never reach the template, and a name
        // without data would be a blank.
        assert_eq!(
            rules.context.is_some(),
            !data.is_null(),
            "{}: context {:?}, data {data}",
            spec.path,
            rules.context
        );
    }
    assert_eq!(kinds.len(), 10, "every kind is planned: {kinds:?}");
}

#[test]
fn ids_name_the_pages_they_were_planned_for() {
    let guide = small_guide();
    let site = SiteModel::new(&guide, None).unwrap();
    for spec in &site.pages {
        let expected = match spec.kind {
            PageKind::State(s) => links::state_page(&s.of(&guide).slug),
            PageKind::Question(q) => {
                let (state, question) = q.of(&guide);
                links::question_page(&state.slug, &question.slug)
            }
            PageKind::Topic(t) => links::topic_page(&t.of(&guide).id),
            PageKind::Extra(p) => links::extra_page(&p.of(&guide).slug),
            _ => continue,
        };
        assert_eq!(spec.path, expected);
    }
    assert_eq!(
        site.pages
            .iter()
            .filter(|p| matches!(p.kind, PageKind::Question(_)))
            .count(),
        4
    );
}
