//! `agora merge BASE OURS THEIRS`: the per-item three-way merge of an event file, as a git
//! merge driver (`%O %A %B`): the result is written over OURS; exit 0 when clean, 1 with
//! conflicts (ours kept, theirs shown in a comment above each), 2 when a version cannot be read.

use std::path::{Path, PathBuf};

use clap::Args;

use super::{write_stderr, Outcome};
use crate::merge::merge;
use crate::save::write_atomic;

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The common ancestor (git's %O).
    pub base: PathBuf,
    /// Our version (git's %A); the result is written here unless --output is given.
    pub ours: PathBuf,
    /// Their version (git's %B).
    pub theirs: PathBuf,
    /// Write the result here instead of over OURS (`-` for standard output).
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

fn read(path: &Path, what: &str) -> Result<String, String> {
    let bytes =
        std::fs::read(path).map_err(|e| format!("cannot read {what} `{}`: {e}", path.display()))?;
    String::from_utf8(bytes).map_err(|_| format!("{what} `{}` is not UTF-8 text", path.display()))
}

pub(super) fn run(args: &MergeArgs) -> Outcome {
    let texts = (|| {
        Ok::<_, String>((
            read(&args.base, "the base version")?,
            read(&args.ours, "our version")?,
            read(&args.theirs, "their version")?,
        ))
    })();
    let (base, ours, theirs) = match texts {
        Ok(t) => t,
        Err(m) => {
            write_stderr(&format!("error: {m}\n"));
            return Outcome::Failed;
        }
    };
    let merged = match merge(&base, &ours, &theirs, &[], true) {
        Ok(m) => m,
        Err(m) => {
            write_stderr(&format!(
                "error: cannot merge `{}`: {m}; fix it, or merge by hand\n",
                args.ours.display()
            ));
            return Outcome::Failed;
        }
    };
    let target = args.output.clone().unwrap_or_else(|| args.ours.clone());
    if target.as_os_str() == "-" {
        if super::write_stdout(merged.text.as_bytes()) == Outcome::Failed {
            return Outcome::Failed;
        }
    } else if let Err(e) = write_atomic(&target, merged.text.as_bytes()) {
        write_stderr(&format!(
            "error: cannot write `{}`: {e}\n",
            target.display()
        ));
        return Outcome::Failed;
    }
    if merged.conflicts.is_empty() {
        return Outcome::Clean;
    }
    let mut report = format!(
        "{}: {} conflict(s); ours is kept and theirs is shown in a comment starting with `# <<<<<<<` above each:\n",
        args.ours.display(),
        merged.conflicts.len()
    );
    for c in &merged.conflicts {
        report.push_str(&format!("  {}\n", c.describe()));
    }
    write_stderr(&report);
    Outcome::Findings
}
