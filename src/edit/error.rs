//! Why an edit cannot be made: a typed error, so each front end words it its own way. Its
//! `Display` is the English the command line prints; the editor writes each case from its
//! catalogue with the same values (src/tui/words.rs `edit_error`).

use super::items::ItemKind;

/// What stops an edit (the session's title, the item's name or id as written).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("no session selected")]
    NoSession,
    #[error("no {} selected", .0.noun())]
    NoItem(ItemKind),
    /// The session's title.
    #[error("'{0}' has no start yet: place it first (m, or e to edit it)")]
    NotPlaced(String),
    #[error("'{0}' cannot be shorter")]
    CannotShorten(String),
    #[error("'{0}' has no length to shorten")]
    NoLength(String),
    #[error("'{0}' is already there")]
    AlreadyThere(String),
    #[error("give the speaker's name")]
    SpeakerName,
    #[error("give the room's name, e.g. :room Salle Rhône 160")]
    RoomName,
    #[error("give the track's name, e.g. :track Données publiques")]
    TrackName,
    #[error("there is already a room named '{name}' (id {id}): give the new room another name")]
    RoomTaken { name: String, id: String },
    #[error("there is already a track named {name} (`{id}`)")]
    TrackTaken { name: String, id: String },
    /// The id as typed, and a valid one made from it when there is one.
    #[error(
        "`{id}` is not a valid id: use lowercase letters, digits, `-`, `_` and `.`{}",
        suggestion.as_ref().map(|s| format!(", e.g. `{s}`")).unwrap_or_default()
    )]
    InvalidId {
        id: String,
        suggestion: Option<String>,
    },
    #[error("another {} already has the id `{id}`", kind.noun())]
    IdTaken { kind: ItemKind, id: String },
    #[error("a {} needs a name", .0.noun())]
    NeedsName(ItemKind),
}

impl EditError {
    /// Whether the error is about an item's name (not its id), for a form to show it there.
    pub fn about_name(&self) -> bool {
        matches!(
            self,
            EditError::NeedsName(_)
                | EditError::SpeakerName
                | EditError::RoomName
                | EditError::TrackName
                | EditError::RoomTaken { .. }
                | EditError::TrackTaken { .. }
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_for_the_command_line() {
        assert_eq!(
            EditError::InvalidId {
                id: "Salle A".into(),
                suggestion: Some("salle-a".into())
            }
            .to_string(),
            "`Salle A` is not a valid id: use lowercase letters, digits, `-`, `_` and `.`, e.g. `salle-a`"
        );
        assert_eq!(
            EditError::NeedsName(ItemKind::Track).to_string(),
            "a track needs a name"
        );
        assert!(EditError::NeedsName(ItemKind::Room).about_name());
        assert!(!EditError::NoSession.about_name());
    }
}
