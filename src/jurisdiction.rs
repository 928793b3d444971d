//! The places a state document can be about: the 50 states, DC and the US territories,
//! plus any extra jurisdictions a site declares in `site.toml`.

use serde::Serialize;

/// One place a document can cover, with its USPS postal code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Jurisdiction {
    pub name: String,
    pub code: String,
    /// Where its square sits on the index page's tile map (row, column), if it has one.
    #[serde(skip)]
    pub tile: Option<(u8, u8)>,
}

/// (name, postal code, tile row, tile column). The tile grid is the usual 8 × 12
/// "square states" layout: each state near its real place, none overlapping.
const US: &[(&str, &str, u8, u8)] = &[
    ("Alaska", "AK", 0, 0),
    ("Maine", "ME", 0, 11),
    ("Vermont", "VT", 1, 10),
    ("New Hampshire", "NH", 1, 11),
    ("Washington", "WA", 2, 1),
    ("Idaho", "ID", 2, 2),
    ("Montana", "MT", 2, 3),
    ("North Dakota", "ND", 2, 4),
    ("Minnesota", "MN", 2, 5),
    ("Illinois", "IL", 2, 6),
    ("Wisconsin", "WI", 2, 7),
    ("Michigan", "MI", 2, 8),
    ("New York", "NY", 2, 9),
    ("Rhode Island", "RI", 2, 10),
    ("Massachusetts", "MA", 2, 11),
    ("Oregon", "OR", 3, 1),
    ("Nevada", "NV", 3, 2),
    ("Wyoming", "WY", 3, 3),
    ("South Dakota", "SD", 3, 4),
    ("Iowa", "IA", 3, 5),
    ("Indiana", "IN", 3, 6),
    ("Ohio", "OH", 3, 7),
    ("Pennsylvania", "PA", 3, 8),
    ("New Jersey", "NJ", 3, 9),
    ("Connecticut", "CT", 3, 10),
    ("California", "CA", 4, 1),
    ("Utah", "UT", 4, 2),
    ("Colorado", "CO", 4, 3),
    ("Nebraska", "NE", 4, 4),
    ("Missouri", "MO", 4, 5),
    ("Kentucky", "KY", 4, 6),
    ("West Virginia", "WV", 4, 7),
    ("Virginia", "VA", 4, 8),
    ("Maryland", "MD", 4, 9),
    ("Delaware", "DE", 4, 10),
    ("Arizona", "AZ", 5, 2),
    ("New Mexico", "NM", 5, 3),
    ("Kansas", "KS", 5, 4),
    ("Arkansas", "AR", 5, 5),
    ("Tennessee", "TN", 5, 6),
    ("North Carolina", "NC", 5, 7),
    ("South Carolina", "SC", 5, 8),
    ("District of Columbia", "DC", 5, 9),
    ("Oklahoma", "OK", 6, 4),
    ("Louisiana", "LA", 6, 5),
    ("Mississippi", "MS", 6, 6),
    ("Alabama", "AL", 6, 7),
    ("Georgia", "GA", 6, 8),
    ("Hawaii", "HI", 7, 0),
    ("Texas", "TX", 7, 4),
    ("Florida", "FL", 7, 9),
    ("Puerto Rico", "PR", 7, 11),
    ("Guam", "GU", 8, 0),
    ("Northern Mariana Islands", "MP", 8, 1),
    ("American Samoa", "AS", 8, 2),
    ("U.S. Virgin Islands", "VI", 8, 11),
];

/// Other ways titles and file names name a place.
const ALIASES: &[(&str, &str)] = &[
    ("Washington, D.C.", "DC"),
    ("Washington D.C.", "DC"),
    ("Washington DC", "DC"),
    ("Washington, DC", "DC"),
    ("D.C.", "DC"),
    ("US Virgin Islands", "VI"),
    ("United States Virgin Islands", "VI"),
    ("Virgin Islands", "VI"),
    ("Commonwealth of the Northern Mariana Islands", "MP"),
    ("the Northern Mariana Islands", "MP"),
];

/// The known jurisdictions of a site: the built-in US list plus the site's extras.
#[derive(Debug, Clone)]
pub struct Jurisdictions {
    all: Vec<Jurisdiction>,
    /// (lower-cased name or alias, index into `all`), longest names first so that
    /// "West Virginia" wins over "Virginia".
    names: Vec<(String, usize)>,
}

impl Jurisdictions {
    /// The built-in list with `extra` (name, code) pairs appended.
    pub fn new(extra: &[(String, String)]) -> Self {
        let mut all: Vec<Jurisdiction> = US
            .iter()
            .map(|&(name, code, r, c)| Jurisdiction {
                name: name.to_string(),
                code: code.to_string(),
                tile: Some((r, c)),
            })
            .collect();
        all.extend(extra.iter().map(|(name, code)| Jurisdiction {
            name: name.clone(),
            code: code.clone(),
            tile: None,
        }));
        let mut names: Vec<(String, usize)> = all
            .iter()
            .enumerate()
            .map(|(i, j)| (j.name.to_lowercase(), i))
            .collect();
        for (alias, code) in ALIASES {
            if let Some(i) = all.iter().position(|j| j.code == *code) {
                names.push((alias.to_lowercase(), i));
            }
        }
        names.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        Jurisdictions { all, names }
    }

    pub fn all(&self) -> &[Jurisdiction] {
        &self.all
    }

    pub fn by_code(&self, code: &str) -> Option<&Jurisdiction> {
        self.all.iter().find(|j| j.code.eq_ignore_ascii_case(code))
    }

    /// The jurisdiction a whole string names exactly (case-insensitive), by name, alias or code.
    pub fn by_name(&self, name: &str) -> Option<&Jurisdiction> {
        let wanted = name.trim().to_lowercase();
        self.names
            .iter()
            .find(|(n, _)| *n == wanted)
            .map(|(_, i)| &self.all[*i])
            .or_else(|| self.by_code(name.trim()))
    }

    /// The jurisdiction a title names. A name after the last " in " wins (titles read
    /// "… in Iowa"); otherwise the last, longest name found anywhere as whole words.
    pub fn in_title(&self, title: &str) -> Option<&Jurisdiction> {
        let lower = title.to_lowercase();
        if let Some(pos) = lower.rfind(" in ") {
            let tail = lower[pos + 4..].trim_end_matches(['.', '?', '!', ' ']);
            if let Some(j) = self.by_name(tail) {
                return Some(j);
            }
        }
        let mut best: Option<(usize, usize, usize)> = None; // (end, len, index)
        for (name, i) in &self.names {
            for (start, _) in lower.match_indices(name.as_str()) {
                let end = start + name.len();
                if !is_word_boundary(&lower, start, end) {
                    continue;
                }
                let better = match best {
                    None => true,
                    Some((e, l, _)) => end > e || (end == e && name.len() > l),
                };
                if better {
                    best = Some((end, name.len(), *i));
                }
            }
        }
        best.map(|(_, _, i)| &self.all[i])
    }

    /// The jurisdiction a file name names: `new-york.txt`, `New_York.md`, `ny.txt`.
    pub fn in_file_stem(&self, stem: &str) -> Option<&Jurisdiction> {
        let spaced: String = stem
            .chars()
            .map(|c| if c == '-' || c == '_' { ' ' } else { c })
            .collect();
        self.by_name(&spaced)
    }
}

fn is_word_boundary(s: &str, start: usize, end: usize) -> bool {
    let before = s[..start].chars().next_back();
    let after = s[end..].chars().next();
    let ok = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
    ok(before) && ok(after)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_state_after_in() {
        let j = Jurisdictions::new(&[]);
        let iowa = j
            .in_title("State DMV Data Sharing With ICE in Iowa")
            .unwrap();
        assert_eq!((iowa.name.as_str(), iowa.code.as_str()), ("Iowa", "IA"));
    }

    #[test]
    fn longest_name_wins() {
        let j = Jurisdictions::new(&[]);
        assert_eq!(
            j.in_title("Data sharing in West Virginia").unwrap().code,
            "WV"
        );
        assert_eq!(j.in_title("Arkansas: data sharing").unwrap().code, "AR");
        assert_eq!(j.in_title("Policy in Washington, D.C.").unwrap().code, "DC");
        assert_eq!(j.in_title("Policy in Washington").unwrap().code, "WA");
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
        assert_eq!(j.in_file_stem("new-york").unwrap().code, "NY");
        assert_eq!(j.in_file_stem("North_Carolina").unwrap().code, "NC");
        assert_eq!(j.in_file_stem("tx").unwrap().code, "TX");
        assert!(j.in_file_stem("notes").is_none());
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
}
