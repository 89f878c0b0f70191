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

/// Whether `bytes` (a file's content) is the text of `body`.
pub(crate) fn holds(bytes: &[u8], body: &Body) -> bool {
    let mut rest = bytes;
    for piece in body.pieces() {
        match rest.strip_prefix(piece) {
            Some(after) => rest = after,
            None => return false,
        }
    }
    rest.is_empty()
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
        assert!(!holds(b"abc", &Body::from("ab")));
        assert!(!holds(b"ab", &cut("abc", &[2])));
        assert_eq!(Body::default(), Body::from(""));
        assert!(Body::from("").is_empty() && holds(b"", &Body::default()));
    }
}
