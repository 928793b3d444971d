//! A seed and a number of states -> a complete synthetic stateside project (content/,
//! templates/, static/) for benchmarks and tests. Same seed, same bytes.
//!
//! ```text
//! cargo run --release --example gen_corpus -- --states 500 --seed 1 --out /tmp/corpus
//! ```
//!
//! The 50 states and DC come first, then made-up places `State 0052`, `State 0053`, …
//! declared under `[[extra_jurisdictions]]` in the generated site.toml. Each state file has
//! about 20 numbered questions, each on a different topic of content/topics.toml, worded
//! from several phrasings per topic; answers of 100–300 words mix paragraphs, numbered
//! lists, dash bullets and bullets nested under numbered items. All text is test data
//! written for this generator.

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

pub use text::{TopicText, AGENCIES, FILLERS, NESTED_LABELS, OPENERS, REAL_PLACES, TITLES, TOPICS};

/// splitmix64: tiny, fast, and good enough to pick words.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

/// One generated state file and what the generator meant by each question.
#[derive(Debug, Clone)]
pub struct GeneratedState {
    pub name: String,
    pub code: String,
    /// Path relative to the project root: `content/states/<slug>.txt`.
    pub path: String,
    /// The topic id each question (in file order) was written for.
    pub topics: Vec<&'static str>,
    /// The question texts, in file order, as written in the file.
    pub questions: Vec<String>,
    /// Which phrasing of its topic each question used (index into the topic's questions).
    pub phrasings: Vec<usize>,
}

/// A generated corpus: the state files and the site.toml additions.
#[derive(Debug, Clone)]
pub struct Corpus {
    pub states: Vec<GeneratedState>,
    /// (path relative to the project root, contents), sorted by path.
    pub files: Vec<(String, Vec<u8>)>,
}

/// Generates `count` state files from `seed`. Each state's text depends only on the seed
/// and its position, so a smaller corpus is a prefix of a larger one.
pub fn generate(count: usize, seed: u64) -> Corpus {
    let mut states = Vec::with_capacity(count);
    let mut files = Vec::with_capacity(count);
    for index in 0..count {
        let (name, code) = place(index);
        let mut rng = Rng::new(seed ^ (index as u64 + 1).wrapping_mul(0xD1B5_4A32_D192_ED03));
        let (text, topics, questions, phrasings) = state_file(&mut rng, &name);
        let path = format!("content/states/{}.txt", slug(&name));
        files.push((path.clone(), text.into_bytes()));
        states.push(GeneratedState {
            name,
            code,
            path,
            topics,
            questions,
            phrasings,
        });
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Corpus { states, files }
}

/// The `index`th place: the 50 states and DC in alphabetical order, then `State 0052`…
fn place(index: usize) -> (String, String) {
    match REAL_PLACES.get(index) {
        Some(&(name, code)) => (name.to_string(), code.to_string()),
        None => (
            format!("State {:04}", index + 1),
            format!("S{:04}", index + 1),
        ),
    }
}

/// The made-up places of a corpus, as `[[extra_jurisdictions]]` tables for site.toml.
pub fn extra_jurisdictions(corpus: &Corpus) -> String {
    let mut out = String::new();
    for s in corpus.states.iter().skip(REAL_PLACES.len()) {
        let _ = write!(
            out,
            "\n[[extra_jurisdictions]]\nname = \"{}\"\ncode = \"{}\"\n",
            s.name, s.code
        );
    }
    out
}

/// Writes a complete project into `out`: the corpus's state files, the repo's site.toml
/// (plus the made-up places), topics.toml, indicators.toml, pages, templates and static files.
pub fn write_project(corpus: &Corpus, repo: &Path, out: &Path) -> io::Result<()> {
    fs::create_dir_all(out.join("content/states"))?;
    let mut site = fs::read_to_string(repo.join("content/site.toml"))?;
    if !site.ends_with('\n') {
        site.push('\n');
    }
    site.push_str(&extra_jurisdictions(corpus));
    fs::write(out.join("content/site.toml"), site)?;
    fs::copy(
        repo.join("content/topics.toml"),
        out.join("content/topics.toml"),
    )?;
    // The indicators are coded on every state, so a build measured without them is not
    // the sample site's build.
    if repo.join("content/indicators.toml").exists() {
        fs::copy(
            repo.join("content/indicators.toml"),
            out.join("content/indicators.toml"),
        )?;
    }
    for dir in ["content/pages", "templates", "static"] {
        copy_dir(&repo.join(dir), &out.join(dir))?;
    }
    for (path, bytes) in &corpus.files {
        fs::write(out.join(path), bytes)?;
    }
    Ok(())
}

/// Copies a folder recursively (in name order); a missing source is an empty folder.
fn copy_dir(from: &Path, to: &Path) -> io::Result<()> {
    fs::create_dir_all(to)?;
    if !from.is_dir() {
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = fs::read_dir(from)?
        .map(|e| e.map(|e| e.path()))
        .collect::<io::Result<_>>()?;
    entries.sort();
    for path in entries {
        let dest = to.join(path.file_name().expect("read_dir yields named entries"));
        if path.is_dir() {
            copy_dir(&path, &dest)?;
        } else {
            fs::copy(&path, &dest)?;
        }
    }
    Ok(())
}

fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

/// How the text of one state names things.
struct Voice<'a> {
    state: &'a str,
    /// (short form, long form) of the state's motor vehicle agency.
    agency: (&'static str, &'static str),
    year: usize,
}

impl Voice<'_> {
    /// Fills one template picked at random from `templates`.
    fn fill_one(&self, rng: &mut Rng, templates: &[&str]) -> String {
        let template = *rng.pick(templates);
        self.fill(rng, template)
    }

    /// Fills `{S}` (state), `{P}` (state's), `{A}` (agency), `{Y}` (a year), `{N}` (a number).
    fn fill(&self, rng: &mut Rng, template: &str) -> String {
        let mut out = String::with_capacity(template.len() + 32);
        let mut rest = template;
        while let Some(at) = rest.find('{') {
            out.push_str(&rest[..at]);
            let end = rest[at..]
                .find('}')
                .map(|e| at + e)
                .unwrap_or(rest.len() - 1);
            match &rest[at + 1..end] {
                "S" => out.push_str(self.state),
                "P" => {
                    out.push_str(self.state);
                    out.push_str(if self.state.ends_with('s') {
                        "’"
                    } else {
                        "’s"
                    });
                }
                "A" => out.push_str(if rng.chance(70) {
                    self.agency.0
                } else {
                    self.agency.1
                }),
                "Y" => {
                    let _ = write!(out, "{}", self.year + rng.below(6));
                }
                "N" => {
                    let _ = write!(out, "{}", rng.range(2, 40));
                }
                other => panic!("unknown placeholder {{{other}}} in {template:?}"),
            }
            rest = &rest[end + 1..];
        }
        out.push_str(rest);
        out
    }
}

/// What one state file holds: its text, and per question its topic, text and phrasing.
type StateFile = (String, Vec<&'static str>, Vec<String>, Vec<usize>);

/// One state's file.
fn state_file(rng: &mut Rng, state: &str) -> StateFile {
    let voice = Voice {
        state,
        agency: *rng.pick(AGENCIES),
        year: rng.range(2006, 2018),
    };
    let mut order: Vec<&TopicText> = TOPICS.iter().collect();
    rng.shuffle(&mut order);
    order.truncate(rng.range(18, 22));

    let mut out = String::with_capacity(32 * 1024);
    out.push_str("Categories Federal Government\n\n");
    out.push_str(&voice.fill_one(rng, TITLES));
    out.push_str("\n\n");
    let mut topics = Vec::with_capacity(order.len());
    let mut questions = Vec::with_capacity(order.len());
    let mut phrasings = Vec::with_capacity(order.len());
    for (i, topic) in order.iter().enumerate() {
        let phrasing = rng.below(topic.questions.len());
        let question = voice.fill(rng, topic.questions[phrasing]);
        phrasings.push(phrasing);
        let _ = write!(out, "{}. {}\n\n", i + 1, question);
        out.push_str(&answer(rng, &voice, topic));
        topics.push(topic.id);
        questions.push(question);
    }
    // Files end without a blank line, like the samples.
    while out.ends_with('\n') {
        out.pop();
    }
    out.push('\n');
    (out, topics, questions, phrasings)
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// A pool of sentences to draw from without repeats; falls back to the fillers.
struct Pool<'a> {
    own: Vec<&'a str>,
    fillers: Vec<&'a str>,
}

impl<'a> Pool<'a> {
    fn new(rng: &mut Rng, own: &'a [&'a str]) -> Self {
        let mut own = own.to_vec();
        rng.shuffle(&mut own);
        let mut fillers = FILLERS.to_vec();
        rng.shuffle(&mut fillers);
        Pool { own, fillers }
    }

    fn next(&mut self) -> Option<&'a str> {
        self.own.pop().or_else(|| self.fillers.pop())
    }
}

/// Longest answer, in words.
const MAX_WORDS: usize = 300;

/// Builds one answer, counting its words.
struct AnswerWriter<'a> {
    voice: &'a Voice<'a>,
    facts: Pool<'a>,
    count: usize,
    target: usize,
}

impl AnswerWriter<'_> {
    /// A template filled in, counted.
    fn counted(&mut self, rng: &mut Rng, template: &str) -> String {
        let s = self.voice.fill(rng, template);
        self.count += words(&s);
        s
    }

    /// A paragraph of up to `n` sentences, stopping at the word target.
    fn paragraph(&mut self, rng: &mut Rng, n: usize) -> String {
        let mut p = String::new();
        for _ in 0..n {
            if self.count >= self.target {
                break;
            }
            let Some(template) = self.facts.next() else {
                break;
            };
            let s = self.voice.fill(rng, template);
            if self.count + words(&s) > MAX_WORDS {
                break;
            }
            self.count += words(&s);
            if !p.is_empty() {
                p.push(' ');
            }
            p.push_str(&s);
        }
        p
    }

    /// One or two sentences and a sentence that introduces a list.
    fn intro(&mut self, rng: &mut Rng, sentences: usize) -> String {
        let intro = self.paragraph(rng, sentences);
        let opener = *rng.pick(OPENERS);
        let opener = self.counted(rng, opener);
        if intro.is_empty() {
            opener
        } else {
            format!("{intro} {opener}")
        }
    }
}

/// An answer of 100–300 words (blocks separated by blank lines, ending with a newline).
fn answer(rng: &mut Rng, voice: &Voice, topic: &TopicText) -> String {
    let target = rng.range(100, 240);
    let facts = Pool::new(rng, topic.facts);
    let mut items: Vec<&str> = topic.items.to_vec();
    rng.shuffle(&mut items);
    let mut w = AnswerWriter {
        voice,
        facts,
        count: 0,
        target,
    };
    let mut blocks: Vec<String> = Vec::new();

    match rng.below(10) {
        // Paragraphs only.
        0..=2 => {}
        // A numbered list, tight or with blank lines, after an opening paragraph or right
        // on the line after the sentence that introduces it.
        3..=5 => {
            let n = rng.range(1, 2);
            let intro = w.intro(rng, n);
            let n = rng.range(2, 5);
            let loose = rng.chance(50);
            let mut list = String::new();
            for (i, item) in items.iter().take(n).enumerate() {
                let item = w.counted(rng, item);
                let _ = writeln!(list, "{}. {}", i + 1, item);
                if loose && i + 1 < n {
                    list.push('\n');
                }
            }
            if rng.chance(30) {
                blocks.push(format!("{intro}\n{}", list.trim_end()));
            } else {
                blocks.push(intro);
                blocks.push(list.trim_end().to_string());
            }
        }
        // Dash bullets.
        6..=7 => {
            let n = rng.range(1, 2);
            blocks.push(w.intro(rng, n));
            let dash = if rng.chance(50) { "-" } else { "–" };
            let n = rng.range(2, 5);
            let mut list = String::new();
            for item in items.iter().take(n) {
                let item = w.counted(rng, item);
                let _ = writeln!(list, "{dash} {item}");
            }
            blocks.push(list.trim_end().to_string());
        }
        // Bullets nested under numbered items ("1. Benefits:" then dashes).
        _ => {
            blocks.push(w.intro(rng, 1));
            let (first, second) = *rng.pick(NESTED_LABELS);
            let indent = if rng.chance(50) { "" } else { "   " };
            let dash = if rng.chance(50) { "-" } else { "–" };
            let split = rng.range(1, 3);
            let mut list = String::new();
            for (i, (label, part)) in [(first, &items[..split]), (second, &items[split..])]
                .into_iter()
                .enumerate()
            {
                let label = w.counted(rng, label);
                let _ = writeln!(list, "{}. {label}", i + 1);
                for item in part.iter().take(3) {
                    let item = w.counted(rng, item);
                    let _ = writeln!(list, "{indent}{dash} {item}");
                }
                if i == 0 {
                    list.push('\n');
                }
            }
            blocks.push(list.trim_end().to_string());
        }
    }
    // Closing paragraphs until the answer is long enough.
    while w.count < w.target {
        let n = rng.range(2, 4);
        let p = w.paragraph(rng, n);
        if p.is_empty() {
            break;
        }
        blocks.push(p);
    }
    let mut out = String::new();
    for b in &blocks {
        out.push_str(b);
        out.push_str("\n\n");
    }
    out
}

struct Args {
    states: usize,
    seed: u64,
    out: PathBuf,
    repo: PathBuf,
}

fn parse_args() -> Result<Args, String> {
    let mut states = None;
    let mut seed = 1u64;
    let mut out = None;
    let mut repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--states" => states = Some(value()?.parse().map_err(|e| format!("--states: {e}"))?),
            "--seed" => seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--out" => out = Some(PathBuf::from(value()?)),
            "--repo" => repo = PathBuf::from(value()?),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    Ok(Args {
        states: states.ok_or("--states N is required")?,
        seed,
        out: out.ok_or("--out DIR is required")?,
        repo,
    })
}

fn main() {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!(
                "gen_corpus: {e}\nusage: gen_corpus --states N [--seed S] --out DIR [--repo DIR]"
            );
            std::process::exit(2);
        }
    };
    let corpus = generate(args.states, args.seed);
    if let Err(e) = write_project(&corpus, &args.repo, &args.out) {
        eprintln!("gen_corpus: cannot write {}: {e}", args.out.display());
        std::process::exit(1);
    }
    let questions: usize = corpus.states.iter().map(|s| s.topics.len()).sum();
    println!(
        "wrote {} states ({} questions) to {}",
        corpus.states.len(),
        questions,
        args.out.display()
    );
}

/// The words of the corpus. Placeholders: `{S}` state, `{P}` state's, `{A}` agency,
/// `{Y}` a year, `{N}` a small number.
mod text {
    /// What the generator can say about one topic of content/topics.toml.
    pub struct TopicText {
        pub id: &'static str,
        /// Several phrasings of the question.
        pub questions: &'static [&'static str],
        /// Sentences for answer paragraphs.
        pub facts: &'static [&'static str],
        /// List items (at least five).
        pub items: &'static [&'static str],
    }

    /// The 50 states and DC, alphabetically.
    pub const REAL_PLACES: &[(&str, &str)] = &[
        ("Alabama", "AL"),
        ("Alaska", "AK"),
        ("Arizona", "AZ"),
        ("Arkansas", "AR"),
        ("California", "CA"),
        ("Colorado", "CO"),
        ("Connecticut", "CT"),
        ("Delaware", "DE"),
        ("District of Columbia", "DC"),
        ("Florida", "FL"),
        ("Georgia", "GA"),
        ("Hawaii", "HI"),
        ("Idaho", "ID"),
        ("Illinois", "IL"),
        ("Indiana", "IN"),
        ("Iowa", "IA"),
        ("Kansas", "KS"),
        ("Kentucky", "KY"),
        ("Louisiana", "LA"),
        ("Maine", "ME"),
        ("Maryland", "MD"),
        ("Massachusetts", "MA"),
        ("Michigan", "MI"),
        ("Minnesota", "MN"),
        ("Mississippi", "MS"),
        ("Missouri", "MO"),
        ("Montana", "MT"),
        ("Nebraska", "NE"),
        ("Nevada", "NV"),
        ("New Hampshire", "NH"),
        ("New Jersey", "NJ"),
        ("New Mexico", "NM"),
        ("New York", "NY"),
        ("North Carolina", "NC"),
        ("North Dakota", "ND"),
        ("Ohio", "OH"),
        ("Oklahoma", "OK"),
        ("Oregon", "OR"),
        ("Pennsylvania", "PA"),
        ("Rhode Island", "RI"),
        ("South Carolina", "SC"),
        ("South Dakota", "SD"),
        ("Tennessee", "TN"),
        ("Texas", "TX"),
        ("Utah", "UT"),
        ("Vermont", "VT"),
        ("Virginia", "VA"),
        ("Washington", "WA"),
        ("West Virginia", "WV"),
        ("Wisconsin", "WI"),
        ("Wyoming", "WY"),
    ];

    /// (short name, long name) of a state's motor vehicle agency.
    pub const AGENCIES: &[(&str, &str)] = &[
        ("DMV", "Department of Motor Vehicles"),
        ("DOT", "Department of Transportation"),
        ("DPS", "DPS driver license division"),
        ("MVD", "Motor Vehicle Division"),
        ("DOL", "Department of Licensing"),
        ("BMV", "Bureau of Motor Vehicles"),
        ("MVA", "MVA"),
        ("RMV", "RMV"),
    ];

    pub const TITLES: &[&str] = &[
        "State DMV Data Sharing With ICE in {S}",
        "Sharing Driver Records With ICE in {S}",
        "The {A}, ICE and Driver Data in {S}",
    ];

    /// Sentences that introduce a list.
    pub const OPENERS: &[&str] = &[
        "Several points stand out:",
        "The main elements are:",
        "In short:",
        "The key points for {S} are:",
        "A few things matter most here:",
        "Broadly, the picture looks like this:",
    ];

    /// Labels of two numbered items that hold nested bullets.
    pub const NESTED_LABELS: &[(&str, &str)] = &[
        ("On paper:", "In practice:"),
        ("What the {A} says:", "What others point out:"),
        ("Short term:", "Long term:"),
        ("Known facts:", "Open questions:"),
        ("Before {Y}:", "Since {Y}:"),
    ];

    /// Neutral sentences that fit any answer.
    pub const FILLERS: &[&str] = &[
        "Practice can differ from one county office to the next.",
        "Much of what is known comes from documents the {A} has released over the years.",
        "Local reporters in {S} have covered the subject several times since {Y}.",
        "Lawmakers in {S} have returned to the subject in several sessions.",
        "Readers should treat this summary as a starting point rather than a final word.",
        "Figures from {Y} suggest the picture has shifted since then.",
        "Officials in {S} and outside observers often describe the same facts in very different terms.",
        "The {A} serves roughly {N} hundred thousand drivers, so even small choices reach many households.",
        "A few counties in {S} keep their own habits on top of the statewide approach.",
        "What happens day to day depends on the office, the year and the people involved.",
        "The situation in {S} continues to evolve, and this page will be revised as it does.",
        "Some of these points come from interviews & press statements rather than written documents.",
        "Numbers quoted here are approximate and rounded.",
        "Much of the written record dates back to {Y}.",
        "The {A} itself says little on the subject beyond its annual summaries.",
        "Neighbouring offices in {S} do not always describe their work the same way.",
        "Written answers from the {A} tend to be short and carefully worded.",
        "Several details were confirmed by more than one source.",
        "The governor’s office has made few statements on the matter.",
        "Rural and urban parts of {S} experience the question quite differently.",
        "This is one of the topics that comes up most often in letters to the {A}.",
        "The {A} updated its website in {Y}, and some older guidance disappeared with it.",
        "Where sources disagree, this summary says so.",
        "Researchers at a university in {S} studied the subject in {Y}.",
        "The wording of the relevant documents has changed little in a decade.",
        "Newer offices of the {A} handle the matter with a central team.",
        "The same question is asked in nearly every state, and the answers vary widely.",
        "Editors of this guide last checked these points in {Y}.",
        "Staffing changes at the {A} have slowed some of this work.",
        "About {N} percent of adults in {S} hold a license or identification card.",
    ];

    pub const TOPICS: &[TopicText] = &[
        TopicText {
            id: "current-policy",
            questions: &[
                "What is {P} current policy on giving ICE access to {A} records?",
                "What position does the {S} {A} currently take on sharing driver data with ICE?",
                "As of today, what is the official stance of {S} on releasing DMV data to ICE?",
                "What policy does {S} presently follow when ICE wants driver records?",
            ],
            facts: &[
                "The current policy of the {A} in {S} is to release driver records to ICE only in the situations its written policy lists.",
                "As of {Y}, {S} has no blanket ban on sharing, but its official position is that records are not handed over as a matter of course.",
                "The stance of the {A} has stayed broadly the same since {Y}.",
                "Today the policy is set out in an internal directive rather than in a single public document.",
                "Officials describe the present approach as cautious but not closed.",
            ],
            items: &[
                "Scope: the policy covers license, permit and identification card records.",
                "Default: records are withheld unless a listed exception applies.",
                "Exceptions: criminal investigations named in the directive.",
                "Access: ICE has no direct log-in to the {A} system.",
                "Review: the policy was last revisited in {Y}.",
            ],
        },
        TopicText {
            id: "laws",
            questions: &[
                "Which laws govern the sharing of {A} data with ICE in {S}?",
                "What statutes regulate how {S} shares driver records with ICE?",
                "What legislation governs {A} data sharing with immigration authorities in {S}?",
                "Under which legal provisions can the {S} {A} release records to ICE?",
            ],
            facts: &[
                "Several statutes govern the release of motor vehicle records in {S}.",
                "The state code treats personal details in driver files as confidential except where a statute allows release.",
                "A provision enacted in {Y} narrowed the list of agencies that may receive records.",
                "The federal Driver’s Privacy Protection Act sets a floor that state law builds on.",
                "Administrative rules issued by the {A} fill in the details the statutes leave open.",
            ],
            items: &[
                "State code, title {N}: defines which driver records are confidential.",
                "The {Y} amendment: limits release to named purposes.",
                "Administrative regulations: describe how the {A} applies the statute.",
                "Federal DPPA: lists the permitted purposes nationwide.",
                "Public records act: excludes personal details in driver files.",
            ],
        },
        TopicText {
            id: "agreements",
            questions: &[
                "Does the {A} in {S} have a formal agreement with ICE for data sharing?",
                "Is there a written memorandum of understanding between {P} {A} and ICE?",
                "What contracts or arrangements exist between ICE and the {S} {A}?",
                "Are there formal protocols in place between the {A} and ICE in {S}?",
            ],
            facts: &[
                "No formal agreement between the {A} and ICE has been published in {S}.",
                "A memorandum of understanding signed in {Y} covered only fraud investigations.",
                "Any arrangement with ICE would have to be approved by the head of the {A}.",
                "The written protocol the {A} follows was drafted for all federal agencies, not for ICE alone.",
                "Contracts with federal partners are renewed every {N} years.",
            ],
            items: &[
                "Memorandum of understanding: signed in {Y}, limited in scope.",
                "Written protocol: applies to every federal agency alike.",
                "Renewal: the arrangement lapses unless it is renewed.",
                "Signatories: the director of the {A} and a regional ICE office.",
                "Publication: the text was released only after a records request.",
            ],
        },
        TopicText {
            id: "data-shared",
            questions: &[
                "What information does the {S} {A} share with ICE?",
                "Which data elements from {S} driver records are shared with ICE?",
                "What types of data, such as addresses or photographs, can ICE receive from the {A} in {S}?",
                "Which fields of a {S} license record are passed to ICE?",
            ],
            facts: &[
                "The information shared usually includes name, address and date of birth.",
                "Photographs are held in a separate system and are released less often.",
                "Vehicle registration details can be part of the record that ICE sees.",
                "Fields such as the license number and its expiry date travel with every record.",
                "Traffic violation history is included only when it is specifically requested.",
            ],
            items: &[
                "Personal details: name, address and date of birth.",
                "License number and class.",
                "Vehicle registration: make, model and plate number.",
                "Photograph: only on a separate, specific request.",
                "Traffic violation history: on request.",
            ],
        },
        TopicText {
            id: "ice-use",
            questions: &[
                "How does ICE use the records it gets from the {S} {A}?",
                "For what purposes does ICE utilize {S} driver data?",
                "How might ICE use {A} records to locate or identify people in {S}?",
                "How do ICE agents use {P} {A} records to track or target someone?",
            ],
            facts: &[
                "ICE uses driver records mainly to locate people it is already looking for.",
                "An address from the {A} can help agents find someone who has moved.",
                "Records are cross-referenced against federal files to identify a person.",
                "Agents may use vehicle details to track where someone lives or works.",
                "The purpose stated on most queries is a pending investigation.",
            ],
            items: &[
                "Locating people: a current address points agents to a home.",
                "Identifying people: photographs and dates of birth confirm identity.",
                "Cross-referencing: records are matched against federal databases.",
                "Tracking vehicles: plate numbers help follow a car.",
                "Targeting operations: lists of addresses guide planned arrests.",
            ],
        },
        TopicText {
            id: "requests",
            questions: &[
                "How does the {S} {A} verify requests for data from ICE?",
                "What must ICE provide, such as a warrant or subpoena, before the {A} in {S} answers?",
                "How are ICE requests for driver records handled by the {S} {A}?",
                "Does {S} require a court order before responding to an ICE request for {A} data?",
            ],
            facts: &[
                "Each request from ICE is checked by a records unit before anything is released.",
                "The {A} asks for a judicial warrant or a subpoena in most cases.",
                "Requests that arrive without a legal basis are returned unanswered.",
                "Staff verify the identity of the requesting officer by phone.",
                "Responses are logged so that each request can be traced later.",
            ],
            items: &[
                "Receipt: the request is logged on arrival.",
                "Verification: the records unit confirms who is asking.",
                "Legal check: a warrant, subpoena or court order is required.",
                "Response: only the fields named in the request are sent.",
                "Follow-up: refused requests are kept on file.",
            ],
        },
        TopicText {
            id: "use-restrictions",
            questions: &[
                "Are there restrictions on how ICE may use {A} data obtained from {S}?",
                "What limits does {S} place on ICE’s use of driver records?",
                "Is ICE prohibited from using {S} {A} records for purposes other than those permitted?",
                "Can ICE use data from the {S} {A} only for certain purposes?",
            ],
            facts: &[
                "Data obtained from the {A} may be used only for the purpose stated in the request.",
                "{S} prohibits passing the records on to other agencies without permission.",
                "The restrictions are written into the terms every recipient accepts.",
                "Permitted uses are limited to those the federal DPPA lists.",
                "A breach of these limits can end a recipient’s access.",
            ],
            items: &[
                "Purpose limit: only the purpose stated in the request.",
                "No onward sharing without written permission.",
                "Time limit: records may be kept only as long as the purpose requires.",
                "Prohibited uses: civil immigration sweeps.",
                "Sanction: access can be suspended for misuse.",
            ],
        },
        TopicText {
            id: "security",
            questions: &[
                "How does {S} keep {A} data secure when it is shared with ICE?",
                "What safeguards protect driver records that the {S} {A} sends to ICE?",
                "Is encryption required to protect data the {A} in {S} shares with ICE?",
                "How does {S} prevent breaches of driver data passed to ICE?",
            ],
            facts: &[
                "Records sent to ICE travel over encrypted connections.",
                "Access to the {A} system is protected by individual accounts and passwords.",
                "Security reviews of the system take place every {N} months.",
                "A breach would have to be reported to the people affected within days.",
                "The {A} keeps logs that show who opened which record and when.",
            ],
            items: &[
                "Encryption: data is encrypted in transit and at rest.",
                "Access control: each user has an individual account.",
                "Logging: every query is recorded.",
                "Breach response: a written plan sets out who acts.",
                "Confidentiality training for staff who handle records.",
            ],
        },
        TopicText {
            id: "privacy-concerns",
            questions: &[
                "What privacy concerns does sharing {A} data with ICE raise in {S}?",
                "What controversies surround {P} sharing of driver records with ICE?",
                "What risks do critics see in the {S} {A} sharing records with ICE?",
                "Which civil liberty worries has {A} data sharing with ICE raised in {S}?",
            ],
            facts: &[
                "Privacy advocates in {S} worry that driver records reveal far more than ICE needs.",
                "Critics point to the risk that addresses of whole families become visible.",
                "The controversy grew after reports in {Y} described bulk searches.",
                "Civil liberty groups argue that people gave their data for driving, not for immigration enforcement.",
                "The debate often turns on how much personal detail a single record holds.",
            ],
            items: &[
                "Scope creep: data given for driving is used for something else.",
                "Profiling risk: searches may focus on particular groups.",
                "Family exposure: one record can reveal a whole household.",
                "Misuse risk: records could be used beyond the stated purpose.",
                "Chilling concern: some people may stop applying for licenses.",
            ],
        },
        TopicText {
            id: "frequency",
            questions: &[
                "How often does the {S} {A} share data with ICE?",
                "How frequently does ICE receive records from the {A} in {S}?",
                "What volume of driver records flows from {S} to ICE each year?",
                "Is sharing between the {S} {A} and ICE routine or occasional?",
            ],
            facts: &[
                "The {A} received about {N} hundred queries from ICE in {Y}.",
                "How often records are shared depends on how many investigations are open.",
                "The volume has fallen since the {A} began requiring paperwork for each query.",
                "Sharing is occasional rather than routine, according to the {A}.",
                "Monthly counts are published in the agency’s annual summary.",
            ],
            items: &[
                "Volume: a few hundred queries a year.",
                "Trend: falling since {Y}.",
                "Frequency: occasional, not routine.",
                "Peaks: more queries during large operations.",
                "Counting: each query is logged once.",
            ],
        },
        TopicText {
            id: "employee-penalties",
            questions: &[
                "What consequences do {S} {A} employees face for sharing data improperly with ICE?",
                "Can {A} staff in {S} be disciplined for handing records to ICE without permission?",
                "What penalties apply to {S} workers who violate the limits on sharing with ICE?",
                "How are {A} personnel in {S} sanctioned for improper disclosures to ICE?",
            ],
            facts: &[
                "Employees who share records improperly face discipline up to dismissal.",
                "Misconduct cases are reviewed by the {A} human resources office.",
                "A clerk in {S} was suspended in {Y} for running searches without a reason.",
                "Criminal penalties apply when an employee sells or leaks records.",
                "Staff must sign a statement that they understand the penalties each year.",
            ],
            items: &[
                "Discipline: warnings, suspension or dismissal.",
                "Criminal penalty: fines for knowing misuse.",
                "Civil liability: the employee may be sued.",
                "Loss of access: accounts are closed during an inquiry.",
                "Annual acknowledgment signed by each employee.",
            ],
        },
        TopicText {
            id: "opt-out",
            questions: &[
                "Can drivers in {S} opt out of having their {A} data shared with ICE?",
                "Is there a way for {S} drivers to decline consent to their records going to ICE?",
                "May a license holder in {S} choose not to have their data passed to ICE?",
                "Can a {S} driver be exempted from {A} data sharing with ICE?",
            ],
            facts: &[
                "There is no form that lets a driver in {S} opt out of sharing with ICE.",
                "Consent is not asked for, because the release rests on the statute rather than on agreement.",
                "Some drivers decline to apply for a license at all because they cannot refuse sharing.",
                "An exemption exists only for people in address confidentiality programs.",
                "Bills to add an opt-out have been drafted but not passed.",
            ],
            items: &[
                "Opt-out form: none exists.",
                "Consent: not requested at the counter.",
                "Exemption: address confidentiality program participants.",
                "Refusal: declining means not getting a license.",
                "Proposals: an opt-out has been suggested but not adopted.",
            ],
        },
        TopicText {
            id: "impact-immigrants",
            questions: &[
                "How does sharing {A} data with ICE affect undocumented immigrants in {S}?",
                "What effect does {P} data sharing with ICE have on immigrant families?",
                "What are the consequences for individuals in {S} whose records reach ICE?",
                "Does sharing {A} records with ICE lead to fear of detention among {S} noncitizens?",
            ],
            facts: &[
                "Undocumented immigrants in {S} describe fear of detention after any contact with the {A}.",
                "Families worry that one parent’s record can lead agents to the whole household.",
                "The effect reaches people with legal status who live with someone who has none.",
                "Some avoid renewing documents, which affects their ability to work.",
                "Individuals whose records were shared have reported arrests near their homes.",
            ],
            items: &[
                "Fear: of detention after routine contact.",
                "Families: one record can expose a household.",
                "Avoidance: some stop renewing documents.",
                "Work: without a license, commuting becomes hard.",
                "Mixed-status households feel the effect too.",
            ],
        },
        TopicText {
            id: "community-trust",
            questions: &[
                "How does {A} data sharing with ICE shape trust within {P} immigrant communities?",
                "What has sharing with ICE done to the relationship between the {S} {A} and immigrant communities?",
                "Has ICE access to {S} driver records had a chilling influence on community trust?",
                "Does {A} data sharing with ICE weaken trust between immigrant communities and police in {S}?",
            ],
            facts: &[
                "Community groups in {S} say trust in public offices fell after the sharing became known.",
                "Police chiefs worry that victims will not come forward.",
                "The relationship between immigrant communities and local agencies takes years to rebuild.",
                "A chilling effect shows in fewer calls to police from some neighbourhoods.",
                "Community meetings in {Y} focused on restoring confidence.",
            ],
            items: &[
                "Trust: falls when people fear their data will travel.",
                "Reporting crime: victims may stay silent.",
                "Relationship: rebuilt slowly through outreach.",
                "Chilling effect: fewer contacts with public offices.",
                "Community meetings: held to restore confidence.",
            ],
        },
        TopicText {
            id: "legal-challenges",
            questions: &[
                "Has the {P} {A} sharing of data with ICE faced legal challenges?",
                "Have there been lawsuits over {S} giving driver records to ICE?",
                "Has any judge or court case addressed {P} sharing of {A} data with ICE?",
                "Is there litigation challenging how {S} shares driver data with ICE?",
            ],
            facts: &[
                "A lawsuit filed in {Y} challenged the release of records without a warrant.",
                "The court case ended in a settlement that changed some procedures.",
                "No judge in {S} has yet ruled on the core question.",
                "Civil rights groups have threatened litigation if bulk access resumes.",
                "A challenge in state court is pending.",
            ],
            items: &[
                "The {Y} lawsuit: settled out of court.",
                "Pending case: filed in state court.",
                "Claims: violations of state privacy law.",
                "Outcome so far: procedures changed, no ruling.",
                "Threatened litigation: if bulk access returns.",
            ],
        },
        TopicText {
            id: "benefits",
            questions: &[
                "What are the benefits of sharing {A} data with ICE for law enforcement in {S}?",
                "What advantages and drawbacks does data sharing with ICE bring for public safety in {S}?",
                "What are the pros and cons of the {S} {A} sharing records with ICE?",
                "How does ICE access to {S} driver data help law enforcement?",
            ],
            facts: &[
                "Supporters say the main benefit is faster identification of people with serious convictions.",
                "Law enforcement officials value accurate addresses when they serve warrants.",
                "The drawbacks include lost cooperation from witnesses.",
                "Public safety arguments cut both ways, since unlicensed drivers are uninsured drivers.",
                "The advantage for investigators is one place to look instead of many.",
            ],
            items: &[
                "Benefit: quicker identification of suspects.",
                "Benefit: current addresses for warrants.",
                "Drawback: witnesses stop cooperating.",
                "Drawback: fewer licensed, insured drivers.",
                "Value: one source instead of many.",
            ],
        },
        TopicText {
            id: "federal-compliance",
            questions: &[
                "How does {S} make sure its sharing of {A} data with ICE complies with federal law?",
                "Is {P} data sharing with ICE consistent with the Driver’s Privacy Protection Act?",
                "How does the {A} in {S} ensure compliance with federal requirements when sharing with ICE?",
                "Does the {S} {A} conform to federal law when it gives data to ICE?",
            ],
            facts: &[
                "The {A} checks each release against the permitted purposes of the DPPA.",
                "Compliance reviews compare state practice with federal requirements every year.",
                "Federal law allows release to a government agency carrying out its functions.",
                "State rules are stricter than the federal floor, so complying with them satisfies both.",
                "Counsel for the {A} reviews any new form of sharing for conformity.",
            ],
            items: &[
                "DPPA check: each release must fit a permitted purpose.",
                "Annual compliance review.",
                "Legal counsel: reviews new arrangements.",
                "Stricter state rules satisfy the federal floor.",
                "Documentation: each decision is recorded.",
            ],
        },
        TopicText {
            id: "state-federal-balance",
            questions: &[
                "How does {S} balance federal immigration enforcement against its own priorities?",
                "How does {S} weigh cooperation with ICE against local priorities?",
                "Is there tension between {P} sanctuary commitments and federal immigration enforcement?",
                "How does {S} reconcile competing state and federal priorities on ICE access to {A} data?",
            ],
            facts: &[
                "{S} tries to balance cooperation with federal agencies against its own priorities.",
                "State leaders describe road safety as the first priority of the {A}.",
                "Tension with federal officials rose after {Y}.",
                "Local priorities such as public health weigh against broad sharing.",
                "Sanctuary measures in some cities add to the competing pressures.",
            ],
            items: &[
                "State priority: road safety and licensing.",
                "Federal priority: immigration enforcement.",
                "Local priority: public health and trust.",
                "Tension: grows when federal pressure rises.",
                "Balance: case-by-case decisions.",
            ],
        },
        TopicText {
            id: "ice-reporting",
            questions: &[
                "Must ICE report to {S} on what it does with {A} records?",
                "Are there reporting requirements for ICE regarding {S} driver data?",
                "Does {S} require ICE to report on its use of {A} records?",
                "Does ICE have to report back to the {S} {A} after receiving records?",
            ],
            facts: &[
                "ICE is not required to report back to the {A} on how records were used.",
                "A reporting requirement was proposed in {Y} but never adopted.",
                "Federal agencies report on their data use to Congress, not to states.",
                "The {A} can ask for a report, but ICE has no duty to provide one.",
                "Reports that do exist cover totals, not individual cases.",
            ],
            items: &[
                "Duty to report: none in state law.",
                "Federal reports: go to Congress.",
                "Requests for reports: answered at ICE’s discretion.",
                "Proposed reporting rule: not adopted.",
                "Content of reports: totals only.",
            ],
        },
        TopicText {
            id: "transparency",
            questions: &[
                "How is the public informed about {S} sharing {A} data with ICE?",
                "Does the {S} {A} publish anything about what it shares with ICE?",
                "How transparent is {S} about giving driver records to ICE?",
                "Are drivers in {S} notified when their records go to ICE?",
            ],
            facts: &[
                "The {A} publishes a yearly notice that describes its sharing in general terms.",
                "Drivers are not notified when their own record is shared.",
                "Transparency advocates rely on public records requests to learn more.",
                "The notice on the license application mentions release to government agencies.",
                "Journalists made much of the practice public in {Y}.",
            ],
            items: &[
                "Yearly notice: published on the {A} website.",
                "Individual notice: none.",
                "Application form: mentions release to agencies.",
                "Public records requests: the main source of detail.",
                "Press coverage: brought the practice to light.",
            ],
        },
        TopicText {
            id: "public-opinion",
            questions: &[
                "How does the public in {S} feel about sharing {A} data with ICE?",
                "What do {S} residents think about the {A} sharing records with ICE?",
                "Do polls show support or opposition in {S} to sharing driver data with ICE?",
                "What is public sentiment in {S} toward ICE access to {A} records?",
            ],
            facts: &[
                "Opinion in {S} is divided along familiar lines.",
                "A poll in {Y} found a slim majority opposed to routine sharing.",
                "Support for sharing is stronger in rural counties.",
                "Residents who oppose it cite privacy; those who support it cite the rule of law.",
                "Views have hardened since the issue reached the news.",
            ],
            items: &[
                "Poll results: a slim majority opposed.",
                "Support: stronger in rural areas.",
                "Opposition: stronger in cities.",
                "Views: hardened over time.",
                "Attitudes: shaped by news coverage.",
            ],
        },
        TopicText {
            id: "retention",
            questions: &[
                "How long does ICE keep data it receives from the {S} {A}?",
                "How long are {S} driver records retained after being shared with ICE?",
                "What retention period applies to {A} data that ICE gets from {S}?",
                "When does ICE delete records that came from the {S} {A}?",
            ],
            facts: &[
                "ICE keeps records under federal retention schedules, not state ones.",
                "The {A} itself retains a log of each release for {N} years.",
                "No state rule requires ICE to delete records after a set period.",
                "Retention periods for investigative files can run for decades.",
                "Records stored in case files are kept as long as the case is open.",
            ],
            items: &[
                "ICE retention: federal schedules apply.",
                "{A} logs: kept for a fixed period.",
                "Deletion: no state deadline.",
                "Case files: kept while a case is open.",
                "Storage: in federal systems.",
            ],
        },
        TopicText {
            id: "oversight",
            questions: &[
                "What oversight exists for the {S} {A}’s sharing of data with ICE?",
                "Are audits conducted on data sharing between the {A} and ICE in {S}?",
                "Who monitors how the {S} {A} shares records with ICE?",
                "What accountability mechanisms review {P} sharing with ICE?",
            ],
            facts: &[
                "The state auditor reviewed the {A} data releases in {Y}.",
                "An internal audit unit monitors queries each quarter.",
                "Legislative committees provide another layer of oversight.",
                "The inspector general can investigate complaints about misuse.",
                "Accountability depends on logs that record each query.",
            ],
            items: &[
                "State auditor: periodic reviews.",
                "Internal audit: quarterly checks.",
                "Inspector general: handles complaints.",
                "Legislative committees: hearings.",
                "Logs: the basis of every review.",
            ],
        },
        TopicText {
            id: "reform-proposals",
            questions: &[
                "Are there proposals in {S} to restrict or expand {A} data sharing with ICE?",
                "What reform efforts are under way in {S} on ICE access to driver records?",
                "Is there a pending bill in {S} that would change the {A}’s sharing with ICE?",
                "What are advocates in {S} proposing about the {A} and ICE?",
            ],
            facts: &[
                "A bill introduced in {Y} would require a judicial warrant for every release.",
                "Other proposals would expand sharing for serious crimes.",
                "Advocates are pushing for a reform that limits bulk searches.",
                "The legislative session ended before either bill came to a vote.",
                "Reform efforts have gained support in some committees.",
            ],
            items: &[
                "Warrant bill: pending.",
                "Expansion proposal: for serious crimes.",
                "Bulk search limit: proposed by advocates.",
                "Committee action: hearings held.",
                "Next session: reform expected to return.",
            ],
        },
        TopicText {
            id: "interagency",
            questions: &[
                "How does the {S} {A} coordinate with other agencies on sharing data with ICE?",
                "Does the {A} in {S} collaborate with local police or sheriffs on ICE matters?",
                "What role do fusion centers play in passing {S} driver data to ICE?",
                "Which other agencies in {S} partner with the {A} on sharing with ICE?",
            ],
            facts: &[
                "Local police and sheriffs can reach driver records through the state network.",
                "A fusion center in {S} coordinates requests between agencies.",
                "Some sheriffs have 287(g) agreements that bring ICE into local jails.",
                "The {A} partners with the state police on identity fraud.",
                "Coordination between agencies runs through shared terminals.",
            ],
            items: &[
                "Local police: access through the state network.",
                "Sheriffs: some work directly with ICE.",
                "Fusion center: coordinates between agencies.",
                "State police: partner on fraud cases.",
                "Shared terminals: used by several entities.",
            ],
        },
        TopicText {
            id: "other-states",
            questions: &[
                "How does {P} policy on sharing {A} data with ICE compare with other states?",
                "How does {S} differ from neighboring states in sharing driver records with ICE?",
                "How does {S} stack up against other states on ICE access to {A} data?",
                "Is {P} approach to ICE data sharing similar to that of other states?",
            ],
            facts: &[
                "Compared with its neighbours, {S} sits near the middle.",
                "Unlike some states, {S} has no law requiring a warrant.",
                "Several other states have gone further in limiting access.",
                "The approach is similar to that of most states in the region.",
                "Relative to states with strict limits, {S} shares more readily.",
            ],
            items: &[
                "Stricter states: require warrants.",
                "Looser states: allow direct access.",
                "Neighbours: mostly similar.",
                "Comparison: {S} sits in the middle.",
                "Differences: mainly in paperwork required.",
            ],
        },
        TopicText {
            id: "enforcement-outcomes",
            questions: &[
                "Has sharing {A} data with ICE led to more deportations in {S}?",
                "Is there evidence that ICE access to {S} driver records has resulted in arrests?",
                "What enforcement outcomes can be traced to {P} sharing with ICE?",
                "Do statistics show increased removals from {S} since the {A} began sharing with ICE?",
            ],
            facts: &[
                "There is little public evidence tying specific deportations to {A} data.",
                "Statistics show arrests in {S} rose in {Y}, but many factors were involved.",
                "Advocates have documented cases in which an address from the {A} led to an arrest.",
                "Enforcement outcomes are hard to measure because ICE does not say which records it used.",
                "Any increase is difficult to attribute to a single source.",
            ],
            items: &[
                "Arrests: rose in some years.",
                "Deportations: not tracked by source.",
                "Documented cases: a handful.",
                "Statistics: incomplete.",
                "Attribution: difficult.",
            ],
        },
        TopicText {
            id: "best-practices",
            questions: &[
                "What best practices should the {S} {A} follow when sharing data with ICE?",
                "What guidelines would improve how the {S} {A} shares records with ICE?",
                "What standards should {S} implement for sharing driver data with ICE?",
                "Is there a model policy {S} should consider for ICE access to {A} records?",
            ],
            facts: &[
                "Experts recommend releasing only the fields that a request strictly needs.",
                "A model policy would require a warrant for any immigration matter.",
                "Good practice includes logging and regular review of every release.",
                "Clear guidelines for staff reduce mistakes at the counter.",
                "States that follow these standards report fewer disputes.",
            ],
            items: &[
                "Minimum fields: release only what is needed.",
                "Warrants: required for immigration matters.",
                "Logging: record every release.",
                "Training: clear guidelines for staff.",
                "Review: regular checks of practice.",
            ],
        },
        TopicText {
            id: "licenses-for-undocumented",
            questions: &[
                "Can undocumented residents of {S} get a driver’s license, and is their data treated differently?",
                "Does {S} issue driving privilege cards to applicants without lawful presence?",
                "Are {S} applicants without proof of status eligible for a license from the {A}?",
                "Is ICE given access to the records of {P} driver authorization card holders?",
            ],
            facts: &[
                "{S} issues a standard license only to applicants who prove lawful presence.",
                "A driving privilege card was introduced in {Y} for applicants regardless of status.",
                "Cards issued without proof of status are marked as not valid for federal purposes.",
                "The documents applicants bring are stored with the rest of the file.",
                "Eligibility rules are set by statute and applied by the {A}.",
            ],
            items: &[
                "Standard license: requires lawful presence.",
                "Privilege card: available regardless of status.",
                "Marking: not valid for federal purposes.",
                "Documents: kept in the applicant’s file.",
                "REAL ID: only for those who qualify.",
            ],
        },
        TopicText {
            id: "third-party-access",
            questions: &[
                "Can ICE get {S} driver data through data brokers or other third parties?",
                "Does ICE reach {S} records through shared databases such as Nlets?",
                "Do commercial vendors like LexisNexis give ICE indirect access to {S} {A} information?",
                "Can license plate reader databases give ICE {S} driver data without the {A}?",
            ],
            facts: &[
                "Data brokers buy bulk records from some states and resell them.",
                "Nlets lets law enforcement agencies query driver records across states.",
                "Commercial databases give indirect access that the {A} does not control.",
                "License plate reader networks hold location data from private vendors.",
                "Third party access is the hardest route for the state to limit.",
            ],
            items: &[
                "Nlets: a shared database for law enforcement.",
                "Data brokers: resell bulk records.",
                "Commercial vendors: offer search services.",
                "Plate readers: private location data.",
                "Limits: hard to enforce on third parties.",
            ],
        },
    ];
}
