//! Tests of the key-sentence picker: real-shaped answers in, the sentence a matrix cell shows out.

use super::*;

fn picker() -> KeySentences {
    let series: Vec<String> = ["dmv", "ice", "data", "share", "state", "driver", "license"]
        .iter()
        .map(|w| w.to_string())
        .collect();
    KeySentences::new(&series)
}

#[test]
fn the_restatement_loses_to_the_statute() {
    let answer = "In Iowa, the sharing of DMV data with ICE is regulated by state laws and \
                  policies. The specific laws that govern this data sharing process \
                  include:\n\n1. Iowa Code Section 321.11: This statute outlines the \
                  confidential nature of driver’s license information.\n2. Iowa Code \
                  Section 321.24: This section addresses release for law enforcement.";
    let question = "What laws regulate the sharing of DMV data with ICE in Iowa?";
    let key = picker().pick(answer, &[question, "Iowa"], 140);
    assert_eq!(
        key,
        "Iowa Code Section 321.11: This statute outlines the confidential nature of \
         driver’s license information."
    );
}

#[test]
fn list_numbers_never_lead() {
    let answer = "Privacy concerns include:\n\n1. Unauthorized Access: records could be \
                  misused by outside parties who obtain them without permission.\n\n2. \
                  Data Security: breaches.";
    let key = picker().pick(answer, &["What are the privacy concerns?", "Iowa"], 140);
    assert!(key.starts_with("Unauthorized Access:"), "{key}");
}

#[test]
fn a_plain_no_answers_the_question() {
    let answer = "No, drivers in Alabama cannot opt out of having their records shared. \
                  The Alabama Law Enforcement Agency administers licensing and keeps \
                  records according to retention schedules set by the legislature.";
    let key = picker().pick(
        answer,
        &[
            "Can drivers opt out of DMV data sharing with ICE in Alabama?",
            "Alabama",
        ],
        140,
    );
    assert!(
        key.starts_with("No, drivers in Alabama cannot opt out"),
        "{key}"
    );
}

#[test]
fn asides_go_before_the_point_is_cut() {
    let answer = "The Iowa Department of Transportation (DOT), which oversees driver’s \
                  licenses and identification cards in the state, does not provide \
                  personal information to federal immigration enforcement agencies \
                  without a court order, subpoena, or warrant.";
    let key = picker().pick(answer, &["How does the DMV verify requests?"], 170);
    assert_eq!(
        key,
        "The Iowa Department of Transportation does not provide personal information \
         to federal immigration enforcement agencies without a court order, subpoena, \
         or warrant."
    );
}

#[test]
fn framing_and_guesses_lose_to_statements() {
    let answer = "However, it is important to note that practices between agencies can \
                  vary widely over time and across offices. The Alabama Law Enforcement \
                  Agency signed a written memorandum with the federal agency in 2019.";
    let key = picker().pick(answer, &["Are there agreements with ICE?", "Alabama"], 150);
    assert!(
        key.starts_with("The Alabama Law Enforcement Agency signed"),
        "{key}"
    );
}

#[test]
fn a_rule_beats_the_summing_up() {
    let answer = "The department does not release personal information to federal \
                  immigration agents without a court order, subpoena or warrant. Each \
                  request is reviewed by counsel. This careful review helps protect the \
                  privacy rights of residents while allowing lawful cooperation with \
                  federal agencies when necessary.";
    let key = picker().pick(answer, &["How are requests from ICE verified?"], 150);
    assert!(key.starts_with("The department does not release"), "{key}");
}

#[test]
fn long_sentences_are_cut_at_a_word() {
    let answer = "The department reviews each subpoena, warrant and court order against \
                  the federal Driver Privacy Protection Act, records who asked, when, and \
                  for which purpose, and refuses requests lacking a named individual.";
    let key = picker().pick(answer, &["How are requests verified?"], 80);
    assert!(key.ends_with('…') && key.chars().count() <= 81, "{key}");
    assert!(!key.contains("  "));
}

#[test]
fn abbreviations_and_numbers_do_not_split() {
    let s = sentences("The U.S. Code applies. Then 3.5 percent more.");
    assert_eq!(s, ["The U.S. Code applies.", "Then 3.5 percent more."]);
    assert_eq!(
        sentences("1. First item\n- second item\n\n"),
        ["First item", "second item"]
    );
    assert!(picker().pick("", &["q"], 100).is_empty());
}
