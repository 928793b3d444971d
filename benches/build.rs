//! Sizes N -> a Markdown table of full-build times of the release binary on a generated
//! corpus of N states, beside `cp -r` of the same output folder, measured in the same run.
//!
//! ```text
//! cargo bench --bench build                              # N = 50, 500, 2000
//! STATESIDE_BENCH_N=50,500 cargo bench --bench build     # chosen sizes
//! STATESIDE_BENCH_DIR=/dev/shm cargo bench --bench build  # work folder on a tmpfs
//! ```
//!
//! Every build is a fresh process (`stateside build -q`) into a new output folder; its
//! peak memory comes from `wait4`. Afterwards: a rebuild into the existing output after
//! touching one state file, and `stateside check` on the largest corpus.

#[allow(dead_code)]
#[path = "../examples/gen_corpus.rs"]
mod gen_corpus;

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const SEED: u64 = 1;
const BIN: &str = env!("CARGO_BIN_EXE_stateside");

/// What one run of a child process took.
#[derive(Debug, Clone, Copy)]
struct Run {
    wall: Duration,
    /// Peak resident set size of the child, in bytes.
    peak_rss: u64,
}

/// Runs `cmd` to completion and measures its wall time and peak memory.
fn run(cmd: &mut Command) -> Run {
    let started = Instant::now();
    let child = cmd
        .stdout(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {cmd:?}: {e}"));
    let pid = child.id() as libc::pid_t;
    let mut status: libc::c_int = 0;
    // SAFETY: an all-zero rusage is a valid value of this plain C struct.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: pid is our own child, not yet waited for; both pointers are valid.
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let wall = started.elapsed();
    assert_eq!(
        waited,
        pid,
        "wait4 failed: {}",
        std::io::Error::last_os_error()
    );
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "{cmd:?} failed (status {status})"
    );
    // `child` was reaped by wait4; dropping it does not wait again.
    drop(child);
    Run {
        wall,
        // Linux reports ru_maxrss in kilobytes.
        peak_rss: usage.ru_maxrss as u64 * 1024,
    }
}

fn build_cmd(root: &Path, out: &Path) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.arg("build")
        .arg("--root")
        .arg(root)
        .arg("--output")
        .arg(out)
        .arg("-q");
    cmd
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    let n = times.len();
    if n % 2 == 1 {
        times[n / 2]
    } else {
        (times[n / 2 - 1] + times[n / 2]) / 2
    }
}

fn remove(dir: &Path) {
    if dir.exists() {
        fs::remove_dir_all(dir).unwrap_or_else(|e| panic!("cannot remove {}: {e}", dir.display()));
    }
}

/// Flushes dirty pages to disk (untimed), so each timed run starts from the same state.
fn sync() {
    // SAFETY: sync(2) takes no arguments and cannot fail.
    unsafe { libc::sync() };
}

fn count_html(dir: &Path) -> usize {
    let mut n = 0;
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            n += count_html(&path);
        } else if path.extension().is_some_and(|e| e == "html") {
            n += 1;
        }
    }
    n
}

fn ms(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1000.0;
    if ms < 100.0 {
        format!("{ms:.1} ms")
    } else {
        format!("{ms:.0} ms")
    }
}

fn loadavg() -> String {
    fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}

/// The results for one corpus size.
struct Row {
    states: usize,
    pages: usize,
    wall: Duration,
    wall_min: Duration,
    peak_rss: u64,
    cp: Duration,
    touched: Duration,
    check: Option<Duration>,
}

fn measure(states: usize, runs: usize, with_check: bool, work: &Path) -> Row {
    let root = work.join(format!("corpus-{states}"));
    remove(&root);
    let corpus = gen_corpus::generate(states, SEED);
    gen_corpus::write_project(&corpus, Path::new(env!("CARGO_MANIFEST_DIR")), &root)
        .expect("write the corpus");
    let out_dir = |i: usize| work.join(format!("site-{states}-{i}"));

    // Every timed run writes into a folder of its own and nothing is deleted until the
    // end of the benchmark: ext4 slows down creating files right after many were deleted
    // (it skips recently freed inodes), which would penalize whichever run came after a
    // removal. Dirty pages are flushed before each timed run so that no run pays for the
    // last one's writeback.
    let warm = work.join(format!("warm-{states}"));
    run(&mut build_cmd(&root, &warm));
    // Builds and copies take turns, so that both meet the same state of the disk.
    let mut walls = Vec::with_capacity(runs);
    let mut cps = Vec::with_capacity(runs);
    let mut peak_rss = 0;
    for i in 0..runs {
        sync();
        let r = run(&mut build_cmd(&root, &out_dir(i)));
        walls.push(r.wall);
        peak_rss = peak_rss.max(r.peak_rss);
        sync();
        let copy = work.join(format!("copy-{states}-{i}"));
        cps.push(run(Command::new("cp").arg("-r").arg(&warm).arg(&copy)).wall);
    }
    let out = out_dir(0);
    let pages = count_html(&out);

    // Touch one state file (append a line of spaces) and rebuild into the existing output.
    let state_file = root.join(&corpus.states[corpus.states.len() / 2].path);
    let mut touched = Vec::new();
    for _ in 0..3 {
        let mut text = fs::read(&state_file).unwrap();
        text.extend_from_slice(b" \n");
        fs::write(&state_file, text).unwrap();
        sync();
        touched.push(run(&mut build_cmd(&root, &out)).wall);
    }

    let check = with_check.then(|| {
        let mut cmd = Command::new(BIN);
        cmd.arg("check").arg("--root").arg(&root);
        median((0..3).map(|_| run(&mut cmd).wall).collect())
    });

    Row {
        states,
        pages,
        wall: median(walls.clone()),
        wall_min: walls.iter().copied().min().unwrap_or_default(),
        peak_rss,
        cp: median(cps),
        touched: median(touched),
        check,
    }
}

fn sizes() -> Vec<usize> {
    match std::env::var("STATESIDE_BENCH_N") {
        Ok(list) => list
            .split(',')
            .map(|n| {
                n.trim()
                    .parse()
                    .unwrap_or_else(|e| panic!("STATESIDE_BENCH_N: {n:?}: {e}"))
            })
            .collect(),
        Err(_) => vec![50, 500, 2000],
    }
}

fn main() {
    // `cargo bench` passes `--bench`; a filter argument is accepted and ignored.
    let sizes = sizes();
    let largest = sizes.iter().copied().max().unwrap_or(0);
    // STATESIDE_BENCH_DIR puts the work folder elsewhere, e.g. on a tmpfs such as /dev/shm
    // to measure without the disk's file-system effects.
    let base = std::env::var_os("STATESIDE_BENCH_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(std::env::temp_dir);
    let work = base.join(format!("stateside-bench-{}", std::process::id()));
    fs::create_dir_all(&work).expect("create the bench folder");
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let load_before = loadavg();

    let mut rows = Vec::new();
    for &n in &sizes {
        let runs = if n >= 2000 { 3 } else { 5 };
        eprintln!("bench: N = {n} ({runs} runs)…");
        rows.push(measure(n, runs, n == largest, &work));
    }
    // Removed only now: ext4 is slow to create files for a while after many were deleted,
    // which would penalize the sizes measured after a removal.
    let _ = fs::remove_dir_all(&work);

    println!();
    println!(
        "| states (N) | pages | build, median | build, min | pages/s | µs/page | peak RSS | `cp -r`, median | build / cp |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for r in &rows {
        let secs = r.wall.as_secs_f64();
        println!(
            "| {} | {} | {} | {} | {:.0} | {:.0} | {:.0} MB | {} | {:.2}× |",
            r.states,
            r.pages,
            ms(r.wall),
            ms(r.wall_min),
            r.pages as f64 / secs,
            secs * 1e6 / r.pages as f64,
            r.peak_rss as f64 / 1e6,
            ms(r.cp),
            secs / r.cp.as_secs_f64(),
        );
    }
    println!();
    for r in &rows {
        println!(
            "- Rebuild after touching one state file, N = {}: {} (median of 3, into the existing output)",
            r.states,
            ms(r.touched)
        );
    }
    for r in &rows {
        if let Some(check) = r.check {
            println!(
                "- `stateside check`, N = {}: {} (median of 3)",
                r.states,
                ms(check)
            );
        }
    }
    println!(
        "- Machine: {cores} cores; load average before {load_before}, after {}; work folder in {}",
        loadavg(),
        base.display()
    );
    println!(
        "- Builds: fresh `stateside build -q` processes, each into a new output folder after `sync`, 5 runs for N < 2000 and 3 for N ≥ 2000, after one untimed warm-up build, each followed by a `cp -r` of the warm-up build's output; nothing deleted until the end; corpus seed {SEED}"
    );
}
