//! The text of an exported file as the pieces it was written in. A big calendar or document is
//! written in pieces on every core; joining them would copy 100 MB once more (and touch as
//! much fresh memory) only for the writer to copy it again into the file, so the pieces stay
//! apart and are written one after the other.

/// An exported file's text: its pieces, in order. Two bodies are equal when their texts are,
/// however they are cut. A piece written as bytes by a serialiser that only writes UTF-8
/// (`serde_json`) is kept as bytes: checking 100 MB again would cost a pass over it.
#[derive(Debug, Clone, Default)]
pub struct Body {
    pieces: Vec<Vec<u8>>,
}

impl Body {
    /// The pieces, in order, as bytes for a writer.
    pub fn pieces(&self) -> Vec<&[u8]> {
        self.pieces.iter().map(Vec::as_slice).collect()
    }

    /// The length of the whole text, in bytes.
    pub fn len(&self) -> usize {
        self.pieces.iter().map(Vec::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.pieces.iter().all(Vec::is_empty)
    }

    /// Add `piece` at the end.
    pub fn push(&mut self, piece: String) {
        self.push_utf8(piece.into_bytes());
    }

    /// Add `piece`, UTF-8 text as bytes, at the end.
    pub(crate) fn push_utf8(&mut self, piece: Vec<u8>) {
        if !piece.is_empty() {
            self.pieces.push(piece);
        }
    }

    /// Add the pieces of `other` at the end.
    pub fn append(&mut self, other: Body) {
        self.pieces.extend(other.pieces);
    }

    /// The whole text in one string (for a caller that needs it whole: tests, the editor).
    pub fn into_string(self) -> String {
        match String::from_utf8(self.into_vec()) {
            Ok(text) => text,
            Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
        }
    }

    fn into_vec(self) -> Vec<u8> {
        let mut pieces = self.pieces.into_iter();
        let mut whole = pieces.next().unwrap_or_default();
        for piece in pieces {
            whole.extend_from_slice(&piece);
        }
        whole
    }

    /// The whole text's bytes.
    pub fn to_vec(&self) -> Vec<u8> {
        self.clone().into_vec()
    }
}

impl From<String> for Body {
    fn from(text: String) -> Body {
        let mut body = Body::default();
        body.push(text);
        body
    }
}

impl From<&str> for Body {
    fn from(text: &str) -> Body {
        Body::from(text.to_string())
    }
}

impl PartialEq for Body {
    fn eq(&self, other: &Body) -> bool {
        let (mut a, mut b) = (self.pieces().into_iter(), other.pieces().into_iter());
        let (mut x, mut y): (&[u8], &[u8]) = (&[], &[]);
        loop {
            while x.is_empty() {
                match a.next() {
                    Some(next) => x = next,
                    None => break,
                }
            }
            while y.is_empty() {
                match b.next() {
                    Some(next) => y = next,
                    None => break,
                }
            }
            if x.is_empty() || y.is_empty() {
                return x.is_empty() && y.is_empty();
            }
            let n = x.len().min(y.len());
            if x[..n] != y[..n] {
                return false;
            }
            (x, y) = (&x[n..], &y[n..]);
        }
    }
}

impl Eq for Body {}

/// Whether what `reader` gives (a file's content) is exactly the text of `body`, read a
/// buffer at a time: a file as large as the export is never held a second time. A read that
/// fails counts as not holding it.
pub(crate) fn holds(mut reader: impl std::io::Read, body: &Body) -> bool {
    // One read more than the body's length sees a longer file end (or not) at once.
    let mut buffer = vec![0u8; (body.len() + 1).min(COMPARED_AT_ONCE)];
    let pieces = body.pieces();
    let mut rest = Stretch::from(&pieces, 0);
    loop {
        let read = match reader.read(&mut buffer) {
            Ok(0) => break,
            Ok(read) => read,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(_) => return false,
        };
        // More on disk than in the body, or other bytes.
        if !rest.starts_with_then_skip(&buffer[..read]) {
            return false;
        }
    }
    rest.is_empty()
}

/// Bytes compared per read.
const COMPARED_AT_ONCE: usize = 1 << 18;

/// From this size, a file is compared on every core ([`file_holds`]).
const COMPARED_IN_STRETCHES_FROM: usize = 16 << 20;

/// [`holds`] of a whole file, on every core when it is big: each core reads and compares its
/// own stretch of the file (positioned reads), as a one-file export of 100 MB would otherwise
/// be compared on one core once everything else is done.
pub(crate) fn file_holds(file: &std::fs::File, body: &Body) -> bool {
    #[cfg(unix)]
    {
        let stretches = crate::parallel::pieces(body.len(), COMPARED_IN_STRETCHES_FROM);
        if stretches > 1 {
            return holds_in_stretches(file, body, stretches);
        }
    }
    holds(file, body)
}

#[cfg(unix)]
fn holds_in_stretches(file: &std::fs::File, body: &Body, stretches: usize) -> bool {
    use std::os::unix::fs::FileExt;
    let len = body.len();
    let size = len.div_ceil(stretches);
    let bounds: Vec<(usize, usize)> = (0..stretches)
        .map(|k| (k * size, ((k + 1) * size).min(len)))
        .collect();
    let pieces = body.pieces();
    let same = |&(from, to): &(usize, usize)| -> bool {
        let mut buffer = vec![0u8; (to - from).min(COMPARED_AT_ONCE)];
        let mut rest = Stretch::from(&pieces, from);
        let mut at = from;
        while at < to {
            let want = (to - at).min(buffer.len());
            if file.read_exact_at(&mut buffer[..want], at as u64).is_err()
                || !rest.starts_with_then_skip(&buffer[..want])
            {
                return false;
            }
            at += want;
        }
        true
    };
    let all_same =
        crate::parallel::map_ordered(&bounds, stretches, || (), |(), b| same(b), |same| !same)
            .into_iter()
            .all(|same| same);
    // Nothing more on disk than in the body.
    all_same
        && file
            .read_at(&mut [0u8; 1], len as u64)
            .is_ok_and(|read| read == 0)
}

/// What is left of a body's text from some point on: the rest of a piece, then the next ones.
struct Stretch<'b> {
    piece: &'b [u8],
    next: std::slice::Iter<'b, &'b [u8]>,
}

impl<'b> Stretch<'b> {
    /// The text of `pieces` from byte `from` on.
    fn from(pieces: &'b [&'b [u8]], mut from: usize) -> Stretch<'b> {
        let mut next = pieces.iter();
        let mut piece: &[u8] = &[];
        for &p in next.by_ref() {
            if from < p.len() {
                piece = &p[from..];
                break;
            }
            from -= p.len();
        }
        Stretch { piece, next }
    }

    /// Whether the rest starts with `chunk`; if so, the rest after it.
    fn starts_with_then_skip(&mut self, mut chunk: &[u8]) -> bool {
        while !chunk.is_empty() {
            if self.piece.is_empty() {
                match self.next.next() {
                    Some(next) => self.piece = next,
                    None => return false,
                }
                continue;
            }
            let common = self.piece.len().min(chunk.len());
            if self.piece[..common] != chunk[..common] {
                return false;
            }
            self.piece = &self.piece[common..];
            chunk = &chunk[common..];
        }
        true
    }

    fn is_empty(&mut self) -> bool {
        self.piece.is_empty() && self.next.all(|p| p.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str, at: &[usize]) -> Body {
        let mut body = Body::default();
        let mut from = 0;
        for &to in at.iter().chain([text.len()].iter()) {
            body.push(text[from..to].to_string());
            from = to;
        }
        body
    }

    #[test]
    fn bodies_are_equal_by_their_text_however_cut() {
        let text = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n";
        let whole = Body::from(text);
        for at in [
            vec![],
            vec![0],
            vec![1, 2, 3],
            vec![5, 5, 20],
            vec![text.len()],
        ] {
            let body = cut(text, &at);
            assert_eq!(body, whole, "{at:?}");
            assert_eq!(body.len(), text.len());
            assert!(holds(text.as_bytes(), &body));
            assert_eq!(body.clone().into_string(), text);
            assert_eq!(body.to_vec(), text.as_bytes());
        }
        assert_ne!(cut(text, &[4]), Body::from(&text[1..]));
        assert_ne!(Body::from("ab"), Body::from("abc"));
        assert!(!holds(&b"abc"[..], &Body::from("ab")));
        assert!(!holds(&b"ab"[..], &cut("abc", &[2])));
        assert_eq!(Body::default(), Body::from(""));
        assert!(Body::from("").is_empty() && holds(&b""[..], &Body::default()));
    }

    /// A reader that gives a few bytes at a time, so reads end inside and across pieces.
    struct Trickle<'a>(&'a [u8], usize);

    impl std::io::Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            self.1 = self.1 % 3 + 1;
            let n = self.1.min(buf.len()).min(self.0.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    #[test]
    fn a_file_read_in_small_reads_holds_a_body_cut_anywhere() {
        let text = "BEGIN:VCALENDAR\r\nX:1\r\nEND:VCALENDAR\r\n";
        for at in [
            vec![],
            vec![0, 0],
            vec![1, 2, 3],
            vec![7, 30],
            vec![text.len()],
        ] {
            let body = cut(text, &at);
            assert!(holds(Trickle(text.as_bytes(), 0), &body), "{at:?}");
            let shorter = &text.as_bytes()[..text.len() - 1];
            assert!(!holds(Trickle(shorter, 0), &body), "{at:?}: shorter");
            let longer = format!("{text}!");
            assert!(
                !holds(Trickle(longer.as_bytes(), 0), &body),
                "{at:?}: longer"
            );
            let other = text.replace("X:1", "X:2");
            assert!(
                !holds(Trickle(other.as_bytes(), 0), &body),
                "{at:?}: changed"
            );
        }
    }

    /// A big file is compared in stretches, one per core, each starting inside some piece:
    /// every stretch count finds the same answer as one pass, for a file that holds the body,
    /// one a byte shorter or longer, and one with a byte changed in any stretch.
    #[cfg(unix)]
    #[test]
    fn a_file_compared_in_stretches_holds_what_one_pass_holds() {
        let text = "BEGIN:VCALENDAR\r\nX:1\r\nY:2\r\nZ:3\r\nEND:VCALENDAR\r\n";
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ics");
        let file_of = |bytes: &[u8]| {
            std::fs::write(&path, bytes).unwrap();
            std::fs::File::open(&path).unwrap()
        };
        for at in [vec![], vec![0, 0], vec![1, 2, 3], vec![7, 30], vec![20, 21]] {
            let body = cut(text, &at);
            for stretches in 1..=5 {
                let case = format!("{at:?} in {stretches}");
                assert!(
                    holds_in_stretches(&file_of(text.as_bytes()), &body, stretches),
                    "{case}"
                );
                let shorter = &text.as_bytes()[..text.len() - 1];
                assert!(
                    !holds_in_stretches(&file_of(shorter), &body, stretches),
                    "{case}: shorter"
                );
                let longer = format!("{text}!");
                assert!(
                    !holds_in_stretches(&file_of(longer.as_bytes()), &body, stretches),
                    "{case}: longer"
                );
                for changed in [0, 12, 25, text.len() - 1] {
                    let mut other = text.as_bytes().to_vec();
                    other[changed] ^= 1;
                    assert!(
                        !holds_in_stretches(&file_of(&other), &body, stretches),
                        "{case}: byte {changed} changed"
                    );
                }
            }
        }
    }
}
