//! Timings of the frab/C3VOC import and exports on the real schedules in tests/data/interop/
//! (`cargo bench --bench interop`). Each step runs several times; the median is printed.
//! Targets, on the 2-core reference machine: importing FOSDEM 2024 (876 sessions) end to end
//! (parse, map, write TOML, load it back) well under a second; each export in milliseconds.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use agora::interop::import::import;
use agora::interop::toml_out::{render, Layout};
use agora::interop::{frab_json, frab_xml};
use agora::load::load_str;
use agora::rules::check;

fn median<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:8.2} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/interop");
    println!(
        "{:<28} {:>8} {:>11} {:>11} {:>11} {:>11} {:>11} {:>11}",
        "file", "sessions", "import", "write toml", "load toml", "check", "frab-xml", "frab-json"
    );
    for name in [
        "fosdem-2024-schedule.xml",
        "31c3-schedule.xml",
        "36c3-schedule.json",
        "frab-camp2019.json",
        "pretalx-rc3.json",
    ] {
        let text = match std::fs::read_to_string(dir.join(name)) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("{name}: {e}");
                continue;
            }
        };
        let runs = 15;
        let Ok(imported) = import(&text) else {
            eprintln!("{name}: import failed");
            continue;
        };
        let t_import = median(runs, || import(&text).map(|i| i.sessions.len()));
        let toml = render(&imported, name, Layout::File).remove(0).1;
        let t_render = median(runs, || render(&imported, name, Layout::File));
        let path = Path::new("bench.toml");
        let Ok(program) = load_str(path, &toml) else {
            eprintln!("{name}: the import does not load");
            continue;
        };
        let t_load = median(runs, || load_str(path, &toml).map(|p| p.sessions.len()));
        let t_check = median(runs, || check(&program).len());
        let t_xml = median(runs, || frab_xml::write(&program));
        let t_json = median(runs, || frab_json::write(&program));
        println!(
            "{:<28} {:>8} {} {} {} {} {} {}",
            name,
            imported.sessions.len(),
            ms(t_import),
            ms(t_render),
            ms(t_load),
            ms(t_check),
            ms(t_xml),
            ms(t_json)
        );
    }
}
