//! Embeds the message catalogues of `locales/` (one folder a language, one `.ftl` file a
//! domain) in the binary: writes the table `src/catalogue.rs` includes. A translator adds a
//! language by adding a folder; no Rust changes.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=locales");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    let mut entries: Vec<(String, String, String)> = Vec::new();
    if let Ok(dirs) = std::fs::read_dir(&root) {
        for dir in dirs.flatten() {
            let tag = dir.file_name().to_string_lossy().into_owned();
            println!("cargo:rerun-if-changed=locales/{tag}");
            let Ok(files) = std::fs::read_dir(dir.path()) else {
                continue;
            };
            for file in files.flatten() {
                let path = file.path();
                if path.extension().is_some_and(|e| e == "ftl") {
                    let domain = path
                        .file_stem()
                        .map(|s| s.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    entries.push((tag.clone(), domain, path.display().to_string()));
                }
            }
        }
    }
    entries.sort();
    let mut out = String::from(
        "/// Every embedded catalogue: (language tag, domain, Fluent source).\n\
         const CATALOGUES: &[(&str, &str, &str)] = &[\n",
    );
    for (tag, domain, path) in &entries {
        let _ = writeln!(out, "    ({tag:?}, {domain:?}, include_str!({path:?})),");
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap_or_default()).join("catalogues.rs");
    if let Err(e) = std::fs::write(&dest, out) {
        println!("cargo:warning=cannot write {}: {e}", dest.display());
        std::process::exit(1);
    }
}
