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
    let mut buffer = vec![0u8; (body.len() + 1).min(1 << 18)];
    let mut pieces = body.pieces().into_iter();
    let mut piece: &[u8] = &[];
    loop {
        let read = match reader.read(&mut buffer) {
            Ok(0) => break,
            Ok(read) => read,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(_) => return false,
        };
        let mut chunk = &buffer[..read];
        while !chunk.is_empty() {
            if piece.is_empty() {
                match pieces.next() {
                    Some(next) => piece = next,
                    // More on disk than in the body.
                    None => return false,
                }
                continue;
            }
            let common = piece.len().min(chunk.len());
            if piece[..common] != chunk[..common] {
                return false;
            }
            piece = &piece[common..];
            chunk = &chunk[common..];
        }
    }
    piece.is_empty() && pieces.all(<[u8]>::is_empty)
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
}
