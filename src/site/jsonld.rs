//! Questions and answers -> schema.org `FAQPage` JSON-LD, ready to sit inside
//! `<script type="application/ld+json">`.

use serde::Serialize;

#[derive(Serialize)]
struct FaqPage<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    /// When the document was last updated (`YYYY-MM-DD`), when its file says.
    #[serde(rename = "dateModified", skip_serializing_if = "Option::is_none")]
    date_modified: Option<&'a str>,
    #[serde(rename = "mainEntity")]
    main_entity: Vec<FaqQuestion<'a>>,
}

#[derive(Serialize)]
struct FaqQuestion<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    #[serde(rename = "acceptedAnswer")]
    accepted_answer: FaqAnswer<'a>,
}

#[derive(Serialize)]
struct FaqAnswer<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    text: &'a str,
}

/// An `FAQPage` of (question, plain-text answer) pairs. `<`, `>` and `&` are written as
/// JSON `\u` escapes so that no content can close the script element or open a comment.
pub fn faq_page<'a>(
    items: impl IntoIterator<Item = (&'a str, &'a str)>,
    url: Option<&'a str>,
    date_modified: Option<&'a str>,
) -> String {
    let page = FaqPage {
        context: "https://schema.org",
        kind: "FAQPage",
        url,
        date_modified,
        main_entity: items
            .into_iter()
            .map(|(name, text)| FaqQuestion {
                kind: "Question",
                name,
                accepted_answer: FaqAnswer {
                    kind: "Answer",
                    text,
                },
            })
            .collect(),
    };
    let json = serde_json::to_string(&page).expect("FAQ data always serializes");
    escape_for_script(&json)
}

/// JSON text made safe inside an HTML script element. The replaced characters can only
/// occur inside JSON strings, where the `\u` escapes mean the same thing.
fn escape_for_script(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + 64);
    let mut copied = 0;
    for (i, byte) in json.bytes().enumerate() {
        let escape = match byte {
            b'<' => "\\u003c",
            b'>' => "\\u003e",
            b'&' => "\\u0026",
            _ => continue,
        };
        out.push_str(&json[copied..i]);
        out.push_str(escape);
        copied = i + 1;
    }
    out.push_str(&json[copied..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_cannot_close_the_script() {
        let json = faq_page(
            [("Is <b>this</b> & that?", "Yes </script><!--")],
            None,
            None,
        );
        assert!(!json.contains('<'));
        assert!(!json.contains('>'));
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["@type"], "FAQPage");
        assert_eq!(value["mainEntity"][0]["name"], "Is <b>this</b> & that?");
        assert_eq!(
            value["mainEntity"][0]["acceptedAnswer"]["text"],
            "Yes </script><!--"
        );
        assert!(value.get("url").is_none());
        assert!(value.get("dateModified").is_none());
    }

    #[test]
    fn url_is_included_when_known() {
        let json = faq_page(
            [("Q", "A")],
            Some("https://example.org/states/iowa/"),
            Some("2024-05-01"),
        );
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["url"], "https://example.org/states/iowa/");
        assert_eq!(value["dateModified"], "2024-05-01");
    }
}
