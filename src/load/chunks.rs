//! Decoding a large file on several cores.
//!
//! A program of 100,000 sessions is ~30 MB of `[[sessions]]` tables. Cut at `[[sessions]]`
//! header lines, each piece is itself a TOML document whose arrays concatenate to the whole
//! (the same merge a directory event uses), so the pieces are parsed in parallel. A cut can only
//! fall inside a multi-line string or value if that piece fails to parse; whenever any piece
//! reports a problem, the whole file is decoded again in one piece, so messages are exactly
//! those of a sequential read.

use super::decode::{self, FilePart};
use super::InputError;

/// Below this size one core is fast enough: starting a thread costs about what parsing a
/// few kilobytes does, and a program of a thousand sessions is already ~280 KB.
const PARALLEL_FROM_BYTES: usize = 128 * 1024;

const HEADER: &str = "\n[[sessions]]";

/// Decode `text`, in parallel pieces when it is large.
pub(super) fn decode_file(file: u32, text: &str, errors: &mut Vec<InputError>) -> Vec<FilePart> {
    let threads = crate::parallel::threads();
    let cuts = cut_points(text, threads);
    if text.len() < PARALLEL_FROM_BYTES || cuts.len() < 2 {
        return vec![decode::decode_file(file, text, 0, errors)];
    }
    let pieces: Vec<(FilePart, Vec<InputError>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = cuts
            .windows(2)
            .map(|w| {
                let (start, end) = (w[0], w[1]);
                scope.spawn(move || {
                    let mut errors = Vec::new();
                    let part = decode::decode_file(file, &text[start..end], start, &mut errors);
                    (part, errors)
                })
            })
            .collect();
        handles.into_iter().filter_map(|h| h.join().ok()).collect()
    });
    if pieces.len() == cuts.len() - 1 && pieces.iter().all(|(_, e)| e.is_empty()) {
        return pieces.into_iter().map(|(part, _)| part).collect();
    }
    vec![decode::decode_file(file, text, 0, errors)]
}

/// Byte offsets `0 = c0 < c1 < … < len`: each inner cut is the start of a line that is exactly a
/// `[[sessions]]` header, near an equal share of the text.
fn cut_points(text: &str, pieces: usize) -> Vec<usize> {
    let mut cuts = vec![0];
    for k in 1..pieces {
        let target = text.len() * k / pieces;
        let from = target.max(*cuts.last().unwrap_or(&0));
        let Some(found) = text.get(from..).and_then(|rest| {
            rest.match_indices(HEADER)
                .map(|(i, _)| from + i + 1)
                .find(|&at| header_line(text, at))
        }) else {
            break;
        };
        if found > *cuts.last().unwrap_or(&0) && found < text.len() {
            cuts.push(found);
        }
    }
    cuts.push(text.len());
    cuts
}

/// Whether the line at `at` is `[[sessions]]` alone (spaces or a comment may follow).
fn header_line(text: &str, at: usize) -> bool {
    let line = text[at..].lines().next().unwrap_or("");
    let rest = line["[[sessions]]".len().min(line.len())..].trim_start();
    rest.is_empty() || rest.starts_with('#')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_fall_on_session_headers() {
        let mut text = String::from("[event]\nid = \"x\"\n\n");
        for i in 0..10 {
            text += &format!("[[sessions]]x{i}\n[[sessions]] # s{i}\nid = \"s{i}\"\n\n");
        }
        let cuts = cut_points(&text, 3);
        assert_eq!(cuts.len(), 4);
        assert_eq!((cuts[0], cuts[3]), (0, text.len()));
        for &cut in &cuts[1..3] {
            assert!(
                text[cut..].starts_with("[[sessions]] # s"),
                "{}",
                &text[cut..cut + 20]
            );
        }
        assert_eq!(cut_points("no sessions at all", 4), vec![0, 18]);
    }

    #[test]
    fn a_large_file_decodes_the_same_in_pieces() {
        let text = crate::generate::generate(&crate::generate::Options {
            sessions: 20_000,
            rooms: 40,
            speakers: 4_000,
            days: 3,
            conflict_rate: 0.05,
            seed: 3,
        });
        assert!(text.len() > PARALLEL_FROM_BYTES);
        let mut errors = Vec::new();
        let parallel = decode_file(0, &text, &mut errors);
        assert!(errors.is_empty());
        assert!(parallel.len() > 1, "decoded in several pieces");
        let whole = decode::decode_file(0, &text, 0, &mut errors);
        let ids = |parts: &[FilePart]| -> Vec<(String, crate::source::Span)> {
            parts
                .iter()
                .flat_map(|p| p.sessions.iter().map(|s| (s.id.clone(), s.span)))
                .collect()
        };
        assert_eq!(ids(&parallel), ids(std::slice::from_ref(&whole)));
    }

    #[test]
    fn a_cut_inside_a_multi_line_string_falls_back_to_one_piece() {
        let filler = "x".repeat(PARALLEL_FROM_BYTES);
        let text = format!(
            "[event]\nid = \"e\"\nname = \"E\"\ntimezone = \"UTC\"\nstart = 2024-01-01\nend = 2024-01-01\ndescription = \"\"\"\n{filler}\n[[sessions]]\nstill the description\n\"\"\"\n\n[[sessions]]\nid = \"a\"\ntitle = \"A\"\n"
        );
        let mut errors = Vec::new();
        let parts = decode_file(0, &text, &mut errors);
        assert!(errors.is_empty(), "{errors:?}");
        let sessions: Vec<&str> = parts
            .iter()
            .flat_map(|p| p.sessions.iter().map(|s| s.id.as_str()))
            .collect();
        assert_eq!(sessions, ["a"]);
        let event = parts
            .iter()
            .find_map(|p| p.events.first())
            .and_then(|e| e.event.as_ref())
            .unwrap();
        assert!(event
            .description
            .as_deref()
            .unwrap()
            .contains("[[sessions]]\nstill"));
    }
}
