//! `STATESIDE_TIMINGS` in the environment -> how long each stage of a build took (and the
//! memory it held) on stderr, for finding where the time goes without a profiler.

use std::time::Instant;

/// Prints how long each stage of a build took to stderr when `STATESIDE_TIMINGS` is set;
/// for finding where the time goes without a profiler.
pub(crate) struct StageTimer {
    last: Option<Instant>,
}

impl StageTimer {
    pub(crate) fn from_env() -> Self {
        let on = std::env::var_os("STATESIDE_TIMINGS").is_some_and(|v| !v.is_empty());
        StageTimer {
            last: on.then(Instant::now),
        }
    }

    pub(crate) fn lap(&mut self, stage: &str) {
        if let Some(last) = self.last {
            let now = Instant::now();
            eprintln!(
                "{:>8.1} ms  {stage}{}",
                (now - last).as_secs_f64() * 1000.0,
                memory().map_or(String::new(), |m| format!(" (memory now / peak: {m})"))
            );
            self.last = Some(now);
        }
    }
}

/// The process's resident memory now and at its peak, where the system tells (Linux).
fn memory() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let field = |name: &str| {
        let line = status.lines().find(|l| l.starts_with(name))?;
        let kb: u64 = line[name.len()..]
            .trim()
            .trim_end_matches("kB")
            .trim()
            .parse()
            .ok()?;
        Some(kb / 1024)
    };
    Some(format!("{} / {} MB", field("VmRSS:")?, field("VmHWM:")?))
}
