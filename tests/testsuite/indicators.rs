//! Indicator coding measured on states written for the purpose (tests/corpus/indicators/):
//! a reader's expected table against what stateside decides, printed as precision and
//! coverage, and the sample content's values.

use std::collections::BTreeMap;
use std::path::Path;

use stateside::model::Guide;

fn guide_of(states_dir: &Path) -> Guide {
    let root = env!("CARGO_MANIFEST_DIR");
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    std::fs::create_dir_all(content.join("states")).unwrap();
    for f in ["site.toml", "topics.toml", "indicators.toml"] {
        std::fs::copy(Path::new(root).join("content").join(f), content.join(f)).unwrap();
    }
    for e in std::fs::read_dir(states_dir).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, content.join("states").join(p.file_name().unwrap())).unwrap();
    }
    stateside::load_guide(dir.path()).unwrap().0
}

/// state code -> indicator id -> value id or "" for not stated.
fn values(guide: &Guide) -> BTreeMap<String, BTreeMap<String, String>> {
    guide
        .states
        .iter()
        .map(|s| {
            let row = s
                .indicators
                .iter()
                .map(|c| {
                    let def = &guide.indicators[c.indicator];
                    let v = c.value.map_or(String::new(), |v| def.values[v].id.clone());
                    (def.id.clone(), v)
                })
                .collect();
            (s.code.clone(), row)
        })
        .collect()
}

fn print_evidence(guide: &Guide) {
    for s in &guide.states {
        for c in &s.indicators {
            let def = &guide.indicators[c.indicator];
            let v = c.value.map_or("-", |v| def.values[v].id.as_str());
            let ev = c.evidence.as_ref().map_or(String::new(), |e| {
                format!("q{}: {}", s.questions[e.question].number, e.sentence)
            });
            println!("{} {:<20} {:<4} {:<40} {}", s.code, def.id, v, c.reason, ev);
        }
    }
}

#[test]
fn sample_states_are_coded_as_a_reader_codes_them() {
    let guide = guide_of(&Path::new(env!("CARGO_MANIFEST_DIR")).join("content/states"));
    print_evidence(&guide);
    let got = values(&guide);
    let expected: &[(&str, &[(&str, &str)])] = &[
        (
            "IA",
            &[
                ("court-order", "yes"),
                ("opt-out", "no"),
                ("formal-agreement", "yes"),
                ("state-law-limits", ""),
                ("driver-notified", ""),
                ("licenses-any-status", ""),
            ],
        ),
        (
            "AL",
            &[
                ("court-order", ""),
                ("opt-out", "no"),
                ("formal-agreement", "no"),
                ("state-law-limits", "no"),
                ("driver-notified", ""),
                ("licenses-any-status", ""),
            ],
        ),
    ];
    for (code, row) in expected {
        for (id, value) in *row {
            assert_eq!(got[*code][*id], *value, "{code} {id}");
        }
    }
}

#[test]
fn unseen_style_states_reach_the_precision_and_coverage_targets() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/indicators");
    let guide = guide_of(&corpus.join("states"));
    print_evidence(&guide);
    let expected: BTreeMap<String, BTreeMap<String, String>> =
        toml::from_str(&std::fs::read_to_string(corpus.join("expected.toml")).unwrap()).unwrap();
    let got = values(&guide);
    assert_eq!(got.len(), expected.len(), "every test state is read");
    let (mut decided, mut correct, mut answered, mut answered_decided) = (0, 0, 0, 0);
    for (code, row) in &expected {
        assert_eq!(
            row.len(),
            guide.indicators.len(),
            "{code} codes every indicator"
        );
        for (id, want) in row {
            let want = if want == "not-stated" {
                ""
            } else {
                want.as_str()
            };
            let have = got[code][id].as_str();
            if !have.is_empty() {
                decided += 1;
                if have == want {
                    correct += 1;
                } else {
                    println!("WRONG {code} {id}: stateside says {have:?}, the reader {want:?}");
                }
            }
            if !want.is_empty() {
                answered += 1;
                if !have.is_empty() {
                    answered_decided += 1;
                } else {
                    println!("MISSED {code} {id}: the reader says {want:?}");
                }
            }
        }
    }
    let precision = 100.0 * correct as f64 / decided.max(1) as f64;
    let coverage = 100.0 * answered_decided as f64 / answered.max(1) as f64;
    println!(
        "indicators: precision {precision:.1} % ({correct} of {decided} decided values correct), \
         coverage {coverage:.1} % ({answered_decided} of {answered} clearly answered cells decided)"
    );
    assert!(
        precision >= 90.0,
        "precision {precision:.1} % is below 90 %"
    );
    assert!(coverage >= 70.0, "coverage {coverage:.1} % is below 70 %");
}
