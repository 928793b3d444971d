//! Tests of the place lists: a title, a file name or a pin's words in, the place found
//! (or the nearest known name) out.

use super::*;

#[test]
fn finds_state_after_in() {
    let j = Jurisdictions::new(&[]);
    let iowa = j
        .in_title("State DMV Data Sharing With ICE in Iowa")
        .unwrap();
    assert_eq!((iowa.name.as_str(), iowa.code.as_str()), ("Iowa", "IA"));
}

/// Each title names the place with that postal code.
fn assert_codes_in_titles(j: &Jurisdictions, cases: &[(&str, &str)]) {
    for (title, code) in cases {
        assert_eq!(j.in_title(title).unwrap().code, *code, "{title}");
    }
}

#[test]
fn longest_name_wins() {
    let j = Jurisdictions::new(&[]);
    assert_codes_in_titles(
        &j,
        &[
            ("Data sharing in West Virginia", "WV"),
            ("Arkansas: data sharing", "AR"),
            ("Policy in Washington, D.C.", "DC"),
            ("Policy in Washington", "WA"),
        ],
    );
}

#[test]
fn names_inside_words_do_not_count() {
    let j = Jurisdictions::new(&[]);
    assert!(j.in_title("Kansasville rules").is_none());
    assert!(j.in_title("Data sharing in Atlantis").is_none());
}

#[test]
fn file_stems_and_codes() {
    let j = Jurisdictions::new(&[]);
    let code = |stem: &str| j.in_file_stem(stem).map(|p| p.code.clone());
    let codes = ["new-york", "North_Carolina", "tx", "notes"].map(code);
    assert_eq!(
        codes,
        [Some("NY"), Some("NC"), Some("TX"), None].map(|c| c.map(String::from))
    );
}

#[test]
fn extra_jurisdictions_are_known() {
    let j = Jurisdictions::new(&[("State 0052".into(), "S0052".into())]);
    assert_eq!(
        j.in_title("Data Sharing in State 0052").unwrap().code,
        "S0052"
    );
}

#[test]
fn every_state_and_dc_has_a_distinct_tile() {
    let j = Jurisdictions::new(&[]);
    let mut tiles: Vec<_> = j.all().iter().filter_map(|s| s.tile).collect();
    let n = tiles.len();
    tiles.sort();
    tiles.dedup();
    assert_eq!(tiles.len(), n);
    assert_eq!(j.all().len(), 56);
}

#[test]
fn names_as_people_write_them() {
    let j = Jurisdictions::new(&[("St. Croix".into(), "SX".into())]);
    for title in [
        "Data sharing in Hawaiʻi",
        "Data sharing in Hawai'i",
        "Data sharing in Hawai’i",
        "Data sharing in HAWAII",
        "Data\u{a0}sharing\u{a0}in\u{a0}hawaii.",
    ] {
        assert_eq!(
            j.in_title(title).map(|p| p.code.as_str()),
            Some("HI"),
            "{title}"
        );
    }
    assert_codes_in_titles(
        &j,
        &[
            ("Rules in New   York", "NY"),
            ("Rules in new\u{3000}york", "NY"),
            ("Rules in Saint Croix", "SX"),
            ("Rules in St Croix", "SX"),
        ],
    );
    assert_eq!(j.by_name("Hawaiʻi").unwrap().code, "HI");
}

#[test]
fn the_display_form_keeps_marks_but_not_case_or_spacing() {
    let j = Jurisdictions::new(&[]);
    let name = |t: &str| j.in_title_as_written(t).unwrap().name;
    assert_eq!(name("Data sharing in Hawaiʻi"), "Hawaiʻi");
    assert_eq!(name("Data sharing in Hawai'i"), "Hawai'i");
    assert_eq!(name("Data sharing in HAWAIʻI"), "Hawaii");
    assert_eq!(name("Data sharing in new  york"), "New York");
    assert_eq!(name("Data sharing in New  York"), "New York");
    assert_eq!(crate::text::slugify("Hawaiʻi"), "hawaii");
}

#[test]
fn file_names_without_separators_and_misspellings() {
    let j = Jurisdictions::new(&[]);
    for (stem, code) in [("newyork", "NY"), ("NorthCarolina", "NC")] {
        assert_eq!(j.in_file_stem(stem).unwrap().code, code, "{stem}");
    }
    assert_eq!(j.suggest("Ohoi").unwrap().name, "Ohio");
    assert_eq!(j.suggest("Pensylvania").unwrap().name, "Pennsylvania");
    assert_eq!(j.suggest("new-yrok").unwrap().name, "New York");
    assert!(j.suggest("Ontario").is_none());
    assert!(j.suggest("Ohio").is_none());
    assert!(j.suggest("notes").is_none());
}
