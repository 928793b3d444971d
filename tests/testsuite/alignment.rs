//! The matcher on the shipped samples and on states written for these tests: state
//! documents and the series' topics (content/topics.toml) in -> the alignment, pins and
//! their diagnostics out. Integration tests, since the sample content is the users' and
//! may be edited.

use std::path::Path;

use stateside::align::{align, check_pins, review};
use stateside::config::{parse_topics, TopicsConfig};
use stateside::diagnostic::Diagnostic;
use stateside::doc::StateDoc;
use stateside::jurisdiction::Jurisdictions;
use stateside::parse::parse_text;

use crate::harness::repo;

fn topics() -> TopicsConfig {
    let path = repo().join("content/topics.toml");
    parse_topics(&path, &std::fs::read_to_string(&path).unwrap()).unwrap()
}

fn sample(name: &str) -> StateDoc {
    let path = repo().join("content/states").join(name);
    parse_text(
        Path::new(name),
        &std::fs::read(path).unwrap(),
        &Jurisdictions::new(&[]),
    )
    .doc
    .unwrap()
}

fn topic_ids(docs: &[StateDoc], topics: &TopicsConfig) -> Vec<Vec<String>> {
    let a = align(docs, topics, &Jurisdictions::new(&[]));
    a.docs
        .iter()
        .map(|d| {
            d.matches
                .iter()
                .map(|m| m.map_or("-".to_string(), |m| topics.topics[m.topic].id.clone()))
                .collect()
        })
        .collect()
}

/// The topic a careful reader gives each sample question, written from reading the questions.
const IOWA: [&str; 20] = [
    "laws",                 // 1 What laws regulate the sharing
    "ice-use",              // 2 How does ICE utilize DMV data
    "data-shared",          // 3 What information is shared
    "privacy-concerns",     // 4 What are the privacy concerns
    "requests",             // 5 How does the DMV verify requests
    "use-restrictions",     // 6 Restrictions on the use of data obtained by ICE
    "security",             // 7 Ensure the security of DMV data
    "frequency",            // 8 How often does the DMV share data
    "employee-penalties",   // 9 Consequences for DMV employees who improperly share
    "opt-out",              // 10 Provisions to opt out
    "impact-immigrants",    // 11 Impact on undocumented immigrants
    "legal-challenges",     // 12 Legal challenges to the agreement
    "benefits",             // 13 Benefits from the perspective of law enforcement
    "federal-compliance",   // 14 Ensure compliance with federal laws
    "ice-reporting",        // 15 Requirements for ICE to report on its use
    "public-opinion",       // 16 How does the public feel
    "retention",            // 17 How long is data retained
    "oversight",            // 18 Audits or oversight mechanisms
    "other-states",         // 19 Compare to other states
    "enforcement-outcomes", // 20 Evidence of increased deportations
];

const ALABAMA: [&str; 20] = [
    "current-policy",        // 1 Current policy regarding sharing license information
    "agreements",            // 2 Agreements or protocols between DMV and ICE
    "ice-use",               // 3 How does ICE use the information
    "data-shared",           // 4 What data elements are shared
    "laws",                  // 5 Legal restrictions or requirements governing the sharing
    "security",              // 6 Ensure privacy and security when sharing
    "opt-out",               // 7 Mechanisms to opt out
    "oversight",             // 8 Oversight or accountability framework
    "impact-immigrants",     // 9 Consequences for individuals whose information is shared
    "requests",              // 10 Handle requests from ICE
    "privacy-concerns",      // 11 Concerns or controversies
    "community-trust",       // 12 Relationships between immigrant communities and law enforcement
    "transparency",          // 13 Transparency measures to inform the public
    "state-federal-balance", // 14 Balance federal enforcement with state and local priorities
    "reform-proposals",      // 15 Efforts or proposals to restrict or expand
    "benefits",              // 16 Benefits and drawbacks for law enforcement and public safety
    "federal-compliance",    // 17 Align with state and federal laws
    "legal-challenges",      // 18 Court cases or legal challenges
    "interagency",           // 19 Collaborate with other agencies or law enforcement
    "best-practices",        // 20 Best practices or guidelines
];

fn mismatches(got: &[String], want: &[&str], who: &str) -> Vec<String> {
    got.iter()
        .zip(want)
        .enumerate()
        .filter(|(_, (g, w))| g != *w)
        .map(|(i, (g, w))| format!("{who} {}: got {g}, want {w}", i + 1))
        .collect()
}

#[test]
fn sample_questions_get_the_topics_a_reader_gives_them() {
    let t = topics();
    let docs = vec![sample("alabama.txt"), sample("iowa.txt")];
    let got = topic_ids(&docs, &t);
    let mut bad = mismatches(&got[0], &ALABAMA, "AL");
    bad.extend(mismatches(&got[1], &IOWA, "IA"));
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn each_sample_aligns_on_its_own_too() {
    let t = topics();
    for (name, want) in [("iowa.txt", &IOWA), ("alabama.txt", &ALABAMA)] {
        let got = topic_ids(&[sample(name)], &t);
        let bad = mismatches(&got[0], want, name);
        assert!(bad.len() <= 2, "{}", bad.join("\n"));
    }
}

/// Builds a plain-text state document from (question, answer, expected topic) rows.
fn written(state: &str, rows: &[(&str, &str, &str)]) -> (StateDoc, Vec<String>) {
    let mut src = format!("Categories Federal Government\n\nDriver Records and Immigration Enforcement in {state}\n\n");
    for (i, (q, a, _)) in rows.iter().enumerate() {
        src.push_str(&format!("{}. {q}\n\n{a}\n\n", i + 1));
    }
    let doc = parse_text(
        Path::new("written.txt"),
        src.as_bytes(),
        &Jurisdictions::new(&[]),
    )
    .doc
    .unwrap();
    assert_eq!(doc.questions.len(), rows.len());
    (doc, rows.iter().map(|r| r.2.to_string()).collect())
}

/// Questions written for this test, for states the samples do not cover, with other words,
/// other word order and the states' own agency names.
fn unseen_states() -> Vec<(StateDoc, Vec<String>)> {
    vec![
        written("Oregon", &[
            ("Under which statutes may the Oregon DMV release driver records to federal immigration agents?", "Oregon law limits what the DMV may disclose. The driver privacy statute and a 2019 sanctuary law set the rules for releases to federal agents.", "laws"),
            ("What kinds of personal details from Oregon driver files end up with ICE?", "Names, home addresses, dates of birth, photos and vehicle registrations are the fields most often requested.", "data-shared"),
            ("For what purposes do immigration agents put Oregon motor vehicle records to use?", "Agents use the records to find addresses of people they are looking for and to confirm identities before arrests.", "ice-use"),
            ("When ICE asks the Oregon DMV for a record, what must the request include?", "The DMV asks for a judicial warrant or court order and checks the request before releasing anything.", "requests"),
            ("How long may ICE hold on to records it receives from Oregon?", "Federal retention schedules decide how long the agency keeps the records; the state cannot force deletion.", "retention"),
            ("Who audits Oregon's disclosures of driver data to ICE?", "The Secretary of State's audit division and the DMV's internal review unit check disclosure logs.", "oversight"),
            ("Can an Oregon resident refuse to let the DMV pass their file to immigration authorities?", "No mechanism lets a resident exclude their file; consent is not asked for.", "opt-out"),
            ("What penalties apply to Oregon DMV staff who leak records to ICE?", "Staff who release records improperly face discipline up to dismissal and possible civil penalties.", "employee-penalties"),
            ("Have Oregon courts ruled on the release of DMV records to ICE?", "A lawsuit filed by advocates was settled; no appellate court has ruled on the question.", "legal-challenges"),
            ("What do Oregonians think about the DMV sharing records with ICE?", "Polls show residents split: many oppose the sharing while others support cooperation with federal agents.", "public-opinion"),
        ]),
        written("Washington", &[
            ("What is the Washington DOL's present stance on giving ICE access to license data?", "The DOL's policy since 2018 is to release records to immigration agents only with a court order.", "current-policy"),
            ("Does the DOL have a memorandum of understanding with ICE?", "There is no signed MOU; access ran through a national law enforcement network until it was cut off.", "agreements"),
            ("How is driver data protected from breaches when the Washington DOL sends it to federal agencies?", "Transfers are encrypted, access is logged and only vetted staff can run queries, to keep the data secure.", "security"),
            ("How frequently does Washington's DOL receive ICE requests?", "Several hundred requests a year were logged before the policy change; the number has since dropped.", "frequency"),
            ("What has the sharing of DOL records meant for immigrant families in Washington?", "Families describe fear of detention and separation after a parent's address was passed along.", "impact-immigrants"),
            ("Do immigrant communities in Washington still trust local police given DOL data sharing?", "Police chiefs report that victims and witnesses are less willing to come forward, eroding community trust.", "community-trust"),
            ("Are lawmakers in Washington considering bills to limit DOL data sharing with ICE?", "A bill proposed in the last session would further restrict access; advocates push for it.", "reform-proposals"),
            ("How does Washington's approach to ICE data requests differ from neighboring states?", "Compared with Idaho and Oregon, Washington is stricter than the first and similar to the second.", "other-states"),
            ("Has DOL data sharing produced more arrests and deportations in Washington?", "Records obtained by reporters link some arrests to DOL data, but no statistics show an overall increase in deportations.", "enforcement-outcomes"),
            ("What guidelines would improve how the Washington DOL responds to ICE?", "Experts recommend publishing a policy, minimizing the data released and following model guidelines from other states.", "best-practices"),
        ]),
        written("Texas", &[
            ("What are the main privacy worries about Texas DPS handing driver data to ICE?", "Critics raise the risk of misuse, profiling and breaches of personal details.", "privacy-concerns"),
            ("Is ICE barred from using Texas DPS records for purposes other than immigration cases?", "Federal rules restrict the permitted uses of records once they are obtained, though enforcement of those limits is weak.", "use-restrictions"),
            ("Is ICE obligated to tell Texas how it used DPS records?", "No reporting requirement obliges the agency to report back to the state on its use of the records.", "ice-reporting"),
            ("Does the Texas DPS publish information about its data sharing with ICE?", "The department does not publish notices; details come out through public records requests.", "transparency"),
            ("How does Texas weigh federal immigration priorities against local concerns when sharing DPS data?", "State leaders put cooperation with federal enforcement first, while some cities push local priorities.", "state-federal-balance"),
            ("What advantages does DPS data sharing give police, and what are the downsides?", "Supporters cite public safety benefits such as faster identification; the drawbacks are privacy costs and lost trust.", "benefits"),
            ("Does Texas DPS data sharing with ICE satisfy the federal Driver's Privacy Protection Act?", "Releases to a federal agency are a permitted use under the DPPA, so the sharing complies with that federal law.", "federal-compliance"),
            ("How does Texas DPS work with sheriffs and other agencies when ICE seeks driver data?", "DPS coordinates with county sheriffs under 287(g) agreements and with fusion centers that partner with federal agencies.", "interagency"),
        ]),
    ]
}

#[test]
fn alignment_carries_over_to_unseen_wording() {
    let t = topics();
    let (mut docs, mut want): (Vec<StateDoc>, Vec<Vec<String>>) =
        unseen_states().into_iter().unzip();
    // Aligned jointly with the samples, as a real site would be.
    docs.push(sample("iowa.txt"));
    want.push(IOWA.iter().map(|s| s.to_string()).collect());
    docs.push(sample("alabama.txt"));
    want.push(ALABAMA.iter().map(|s| s.to_string()).collect());
    let got = topic_ids(&docs, &t);
    let mut bad = Vec::new();
    for (d, (g, w)) in docs.iter().zip(got.iter().zip(&want)) {
        let w: Vec<&str> = w.iter().map(String::as_str).collect();
        bad.extend(mismatches(g, &w, &d.state.code));
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn pins_always_win() {
    let mut t = topics();
    let docs = vec![sample("iowa.txt")];
    t.pins.push(stateside::config::Pin {
        state: "IA".into(),
        question: 1,
        topic: toml::Spanned::new(0..0, "retention".into()),
        line: 0,
    });
    let got = topic_ids(&docs, &t);
    assert_eq!(got[0][0], "retention");
    // Question 17 (really about retention) cannot take the pinned topic too.
    assert_ne!(got[0][16], "retention");
    let a = align(&docs, &t, &Jurisdictions::new(&[]));
    assert!(a.of(&docs[0])[0].unwrap().pinned);
}

#[test]
fn one_topic_per_state_and_weak_questions_stay_unaligned() {
    let t = topics();
    let (doc, _) = written(
        "Ohio",
        &[
            (
                "How long does ICE keep BMV records?",
                "Retention is set by federal schedules.",
                "retention",
            ),
            (
                "How long are BMV records retained after ICE gets them?",
                "The records are kept for years.",
                "retention",
            ),
            ("Who won the football game?", "The home team.", "-"),
        ],
    );
    let got = topic_ids(&[doc], &t);
    assert_eq!(
        got[0].iter().filter(|g| *g == "retention").count(),
        1,
        "{:?}",
        got[0]
    );
    assert_eq!(got[0][2], "-", "{:?}", got[0]);
}

/// The repository's topics.toml with `pins` (TOML text) appended, parsed as if from a file.
fn topics_with_pins(pins: &str) -> (TopicsConfig, usize) {
    let path = repo().join("content/topics.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let first_pin_line = text.lines().count() + 2;
    let text = format!("{text}\n{pins}");
    (parse_topics(&path, &text).unwrap(), first_pin_line)
}

fn warnings_at(diags: &[Diagnostic], line: usize) -> Vec<String> {
    diags
        .iter()
        .filter(|d| d.line == Some(line))
        .map(|d| d.message.clone())
        .collect()
}

#[test]
fn two_questions_pinned_to_one_topic_warn_at_the_pin_and_the_loser_is_still_matched() {
    let (t, line) = topics_with_pins(
        "[[pin]]\nstate = \"IA\"\nquestion = 1\ntopic = \"retention\"\n\n[[pin]]\nstate = \"Iowa\"\nquestion = 17\ntopic = \"retention\"\n",
    );
    let docs = vec![sample("iowa.txt")];
    let diags = check_pins(
        &docs,
        &t,
        Path::new("content/topics.toml"),
        &Jurisdictions::new(&[]),
    );
    let at_second = warnings_at(&diags, line + 5);
    assert_eq!(at_second.len(), 1, "{diags:?}");
    assert!(at_second[0].contains("questions 1 and 17 are both pinned to topic \"retention\""));
    assert!(at_second[0].contains(&format!("content/topics.toml:{line}")));
    let a = align(&docs, &t, &Jurisdictions::new(&[]));
    assert_eq!(t.topics[a.of(&docs[0])[0].unwrap().topic].id, "retention");
    // Question 17 lost the pin, so it is matched as usual rather than left out.
    let q17 = a.of(&docs[0])[16].expect("question 17 is matched");
    assert!(!q17.pinned);
    assert_ne!(t.topics[q17.topic].id, "retention");
}

#[test]
fn a_question_pinned_twice_warns_at_the_second_pin_and_the_first_counts() {
    let (t, line) = topics_with_pins(
        "[[pin]]\nstate = \"IA\"\nquestion = 2\ntopic = \"oversight\"\n\n[[pin]]\nstate = \"IA\"\nquestion = 2\ntopic = \"security\"\n",
    );
    let docs = vec![sample("iowa.txt")];
    let diags = check_pins(
        &docs,
        &t,
        Path::new("content/topics.toml"),
        &Jurisdictions::new(&[]),
    );
    let at_second = warnings_at(&diags, line + 5);
    assert_eq!(at_second.len(), 1, "{diags:?}");
    assert!(
        at_second[0].contains("question 2 is pinned twice"),
        "{}",
        at_second[0]
    );
    let a = align(&docs, &t, &Jurisdictions::new(&[]));
    assert_eq!(t.topics[a.of(&docs[0])[1].unwrap().topic].id, "oversight");
}

#[test]
fn a_pin_without_effect_names_its_line() {
    let (t, line) =
        topics_with_pins("[[pin]]\nstate = \"IA\"\nquestion = 99\ntopic = \"oversight\"\n");
    let diags = check_pins(
        &[sample("iowa.txt")],
        &t,
        Path::new("content/topics.toml"),
        &Jurisdictions::new(&[]),
    );
    let at = warnings_at(&diags, line);
    assert_eq!(
        at,
        vec!["pin has no effect: Iowa has no question 99".to_string()]
    );
}

#[test]
fn the_review_lists_close_calls_first_with_a_pin_that_parses() {
    let t = topics();
    let docs = vec![sample("alabama.txt"), sample("iowa.txt")];
    let a = align(&docs, &t, &Jurisdictions::new(&[]));
    let text = review(&docs, &a, &t);
    // Each pin block in the review, pasted into topics.toml, parses and pins that question.
    let blocks: Vec<&str> = text.split("paste into topics.toml:\n").skip(1).collect();
    assert!(!blocks.is_empty(), "{text}");
    for b in blocks {
        let pin: String = b
            .lines()
            .take(4)
            .map(|l| format!("{}\n", l.trim()))
            .collect();
        let (parsed, _) = topics_with_pins(&pin);
        assert_eq!(parsed.pins.len(), 1, "{pin}");
        let p = &parsed.pins[0];
        assert!(docs.iter().any(|d| d.state.code == p.state));
    }
    // Within a topic, the lowest confidence comes first.
    for section in text.split("\n\n").skip(1) {
        let confs: Vec<f32> = section
            .lines()
            .filter_map(|l| l.split_whitespace().next()?.parse().ok())
            .collect();
        assert!(confs.windows(2).all(|w| w[0] <= w[1]), "{section}");
    }
}

/// A Markdown answer is matched on the text its pages show: a link's URL is no match word.
/// The same answer with and without a link whose address spells out a topic's wording
/// matches the same way (before `Answer::plain` was shared, the URL's words scored).
#[test]
fn link_urls_are_no_match_words() {
    let t = topics();
    let state = |answer: &str| {
        let md = format!(
            "+++\ntitle = \"Driver Records in Vermont\"\n+++\n\n## Is there anything else?\n\n{answer}\n"
        );
        stateside::markdown::parse_state(
            Path::new("vermont.md"),
            md.as_bytes(),
            &Jurisdictions::new(&[]),
        )
        .doc
        .expect("the Markdown state parses")
    };
    let url =
        "https://example.org/how-long-records-are-retained-kept-deleted-retention-period-years";
    let linked = vec![state(&format!("See [the agency's page]({url})."))];
    let unlinked = vec![state("See the agency's page.")];
    assert_eq!(
        linked[0].questions[0].answer.plain(),
        "See the agency's page."
    );
    let match_of = |docs: &[StateDoc]| align(docs, &t, &Jurisdictions::new(&[])).of(&docs[0])[0];
    assert_eq!(
        match_of(&linked),
        match_of(&unlinked),
        "the URL's words changed the match"
    );
}
