//! The identifiers a frab/C3VOC schedule carries, derived from agora's ids, for the exports
//! that write them and the importer that reads them back: GUIDs (UUID v5 of the ids), the
//! event-wide column's GUID, the acronym and the slugs whose tail gives back a session's id.

use sha1::Digest as _;
use uuid::Uuid;

/// The namespace of every GUID agora writes: UUID v5 of the URL `urn:agora:schedule` in the
/// URL namespace. Fixed forever, so GUIDs stay stable across exports and agora versions.
const NAMESPACE: Uuid = Uuid::from_u128(0xf4bc_6f9e_725c_5de2_8a73_4274_eba4_74c4);

/// The GUID of an item of an event: UUID v5 of `event-id/kind/item-id`, so the same session in
/// the same event always gets the same GUID (apps key favourites and change tracking on it).
pub fn guid(event_id: &str, kind: &str, item_id: &str) -> Uuid {
    let mut hasher = ContentHasher::new();
    for part in [event_id, "/", kind, "/", item_id] {
        hasher.update(part.as_bytes());
    }
    hasher.guid()
}

/// [`guid`]`("", kind, content)` for a large `content` given in pieces by `feed` (which may
/// call the writer any number of times): the same UUID v5, without the text in one string.
pub fn content_guid(kind: &str, feed: impl FnOnce(&mut ContentHasher)) -> Uuid {
    let mut hasher = ContentHasher::new();
    for part in ["/", kind, "/"] {
        hasher.update(part.as_bytes());
    }
    feed(&mut hasher);
    hasher.guid()
}

/// The hash [`content_guid`] feeds; written to like a file.
pub struct ContentHasher(sha1::Sha1);

impl ContentHasher {
    /// UUID v5 hashes the namespace, then the name.
    fn new() -> ContentHasher {
        let mut hasher = ContentHasher(sha1::Sha1::new());
        hasher.update(NAMESPACE.as_bytes());
        hasher
    }

    pub fn update(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }

    /// The UUID v5 of what was fed: the digest's first 16 bytes, version and variant set.
    fn guid(self) -> Uuid {
        let digest = self.0.finalize();
        let mut bytes = [0u8; 16];
        bytes.copy_from_slice(&digest[..16]);
        uuid::Builder::from_sha1_bytes(bytes).into_uuid()
    }
}

impl std::io::Write for ContentHasher {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.update(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The GUID of the column that holds event-wide breaks and socials (named after the event):
/// the importer recognises it and gives those sessions back without a room.
pub fn event_wide_guid() -> Uuid {
    guid("", "room", "*")
}

/// The acronym both schemas accept (`[a-z0-9_]`, at least 4 characters) built from the event
/// id: `-` and `.` become `_`.
pub fn acronym(event_id: &str) -> String {
    let mut out: String = event_id
        .chars()
        .map(|c| match c {
            'a'..='z' | '0'..='9' | '_' => c,
            _ => '_',
        })
        .collect();
    while out.len() < 4 {
        out.push('_');
    }
    out
}

const ESCAPE: &str = "id_";

/// The part of a slug after the acronym that gives back `id` on import. Ids that fit the
/// schemas' slug patterns (at least 4 characters of `[a-z0-9_-]`, ending with a letter or
/// digit) are used as they are; any other id (with a dot, shorter, …) is written `id_` and
/// its bytes in hexadecimal, and so is an id that itself starts with `id_`.
pub fn slug_tail(id: &str) -> String {
    let plain = id.len() >= 4
        && !id.starts_with(ESCAPE)
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
        && id
            .bytes()
            .last()
            .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
    if plain {
        return id.to_string();
    }
    let mut out = String::from(ESCAPE);
    for b in id.bytes() {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

/// The id a slug tail written by [`slug_tail`] stands for; `None` when it is not one.
pub fn id_from_slug_tail(tail: &str) -> Option<String> {
    if let Some(hex) = tail.strip_prefix(ESCAPE) {
        if hex.len() % 2 == 0 && !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            let bytes: Option<Vec<u8>> = (0..hex.len())
                .step_by(2)
                .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).ok())
                .collect();
            return bytes
                .and_then(|b| String::from_utf8(b).ok())
                .filter(|id| super::is_valid_id(id));
        }
    }
    super::is_valid_id(tail).then(|| tail.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_content_guid_fed_in_pieces_is_the_guid_of_the_whole() {
        let whole = "<schedule>\n  <day/>\n</schedule>\n";
        let pieces = content_guid("content", |h| {
            for piece in whole.split_inclusive('\n') {
                h.update(piece.as_bytes());
            }
        });
        assert_eq!(pieces, guid("", "content", whole));
        assert_eq!(content_guid("content", |_| {}), guid("", "content", ""));
    }

    #[test]
    fn guids_are_uuids_v5_of_the_name() {
        for (event, kind, id) in [
            ("fdi-2017", "session", "ouverture"),
            ("", "room", "*"),
            ("é", "", ""),
        ] {
            let name = format!("{event}/{kind}/{id}");
            assert_eq!(
                guid(event, kind, id),
                Uuid::new_v5(&NAMESPACE, name.as_bytes())
            );
        }
    }

    #[test]
    fn namespace_is_derived_from_its_name() {
        let derived = Uuid::new_v5(&Uuid::NAMESPACE_URL, b"urn:agora:schedule");
        assert_eq!(NAMESPACE, derived, "NAMESPACE must be {derived:#x}");
    }

    #[test]
    fn guids_are_stable_version_5_and_distinct() {
        let a = guid("fic-2017", "session", "ouverture");
        assert_eq!(a, guid("fic-2017", "session", "ouverture"));
        assert_eq!(a.get_version_num(), 5);
        assert_ne!(a, guid("fic-2017", "session", "cloture"));
        assert_ne!(a, guid("fic-2018", "session", "ouverture"));
        assert_ne!(a, guid("fic-2017", "room", "ouverture"));
    }

    #[test]
    fn acronyms_fit_both_schemas() {
        assert_eq!(
            acronym("forum-interconnectes-2017"),
            "forum_interconnectes_2017"
        );
        assert_eq!(acronym("a.b"), "a_b_");
        assert_eq!(acronym("36c3"), "36c3");
    }

    #[test]
    fn slug_tails_give_back_every_id() {
        for id in [
            "ouverture",
            "table-ronde",
            "s1",
            "a",
            "x.y",
            "id_7331",
            "abc-",
            "abcd_",
            "2017",
            "a_b_c",
        ] {
            let tail = slug_tail(id);
            assert_eq!(
                id_from_slug_tail(&tail).as_deref(),
                Some(id),
                "{id} -> {tail}"
            );
            assert!(tail.len() >= 4, "{tail}");
            assert!(tail
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_'));
            assert!(
                tail.ends_with(|c: char| c.is_ascii_alphanumeric()),
                "{tail}"
            );
        }
        assert_eq!(slug_tail("table-ronde"), "table-ronde");
        assert_eq!(slug_tail("s1"), "id_7331");
    }
}
