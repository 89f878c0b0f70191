//! The stable rule codes of the event format and their levels.
//!
//! Codes are a contract with other tools (scripts, CI, the JSON of `check`): add, never rename.

use std::fmt;

/// A level a rule reports at, or `Off` to silence it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// Something that cannot happen as planned: two talks in one room at once.
    Error,
    /// Something that probably should not happen: a speaker given no time to change rooms.
    Warning,
    /// Something worth knowing: a session not yet placed, a room nobody uses.
    Info,
    /// The rule is silenced.
    Off,
}

impl Level {
    pub const NAMES: [&'static str; 4] = ["error", "warning", "info", "off"];

    pub fn as_str(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Info => "info",
            Level::Off => "off",
        }
    }

    pub fn parse(text: &str) -> Option<Level> {
        match text {
            "error" => Some(Level::Error),
            "warning" => Some(Level::Warning),
            "info" => Some(Level::Info),
            "off" => Some(Level::Off),
            _ => None,
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

macro_rules! rule_codes {
    ($( $(#[doc = $doc:literal])* $variant:ident = $code:literal, $level:ident; )*) => {
        /// A rule of the conflict engine, by its stable code.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum RuleCode {
            $( $(#[doc = $doc])* $variant, )*
        }

        impl RuleCode {
            /// Every rule, in the order of the format's table.
            pub const ALL: &'static [RuleCode] = &[$(RuleCode::$variant,)*];

            /// The code as written in files and output, e.g. `room-overlap`.
            pub fn as_str(self) -> &'static str {
                match self { $(RuleCode::$variant => $code,)* }
            }

            /// The level the rule reports at unless `[checks]` says otherwise.
            pub fn default_level(self) -> Level {
                match self { $(RuleCode::$variant => Level::$level,)* }
            }

            pub fn parse(text: &str) -> Option<RuleCode> {
                match text { $($code => Some(RuleCode::$variant),)* _ => None }
            }
        }
    };
}

rule_codes! {
    /// Two tracks, rooms, speakers or sessions share an id.
    DuplicateId = "duplicate-id", Error;
    /// A session names a room, track or speaker that is not defined.
    UnknownRef = "unknown-ref", Error;
    /// A duration below one minute, an end not after the start, both end and duration, or a
    /// local time that does not exist (DST gap).
    InvalidTime = "invalid-time", Error;
    /// A local time that occurs twice (DST fold); the earlier instant is used.
    AmbiguousTime = "ambiguous-time", Warning;
    /// Two scheduled sessions in the same room overlap.
    RoomOverlap = "room-overlap", Error;
    /// One person is in two overlapping sessions.
    SpeakerOverlap = "speaker-overlap", Error;
    /// A session overlaps a plenary session.
    PlenaryOverlap = "plenary-overlap", Warning;
    /// A session lies outside the event's days.
    OutsideEvent = "outside-event", Warning;
    /// A session is outside its room's opening hours.
    RoomClosed = "room-closed", Warning;
    /// A session is outside a person's availability.
    SpeakerUnavailable = "speaker-unavailable", Warning;
    /// Expected attendance exceeds the room's capacity.
    OverCapacity = "over-capacity", Warning;
    /// A required feature is not among the room's features.
    MissingFeature = "missing-feature", Warning;
    /// A person has too little time to change rooms between consecutive sessions.
    SpeakerChangeover = "speaker-changeover", Warning;
    /// Two sessions of the same track overlap.
    TrackOverlap = "track-overlap", Warning;
    /// A session is not scheduled (breaks excepted).
    Unscheduled = "unscheduled", Info;
    /// A room, track or speaker that no session refers to.
    Unused = "unused", Info;
    /// A calendar named in `busy` cannot be read, or some of it cannot (its busy times are
    /// then incomplete).
    InvalidCalendar = "invalid-calendar", Error;
}

impl RuleCode {
    /// How many rules there are.
    pub const COUNT: usize = RuleCode::ALL.len();

    /// Index in [`RuleCode::ALL`], for per-rule tables.
    pub fn index(self) -> usize {
        self as usize
    }

    pub fn names() -> impl Iterator<Item = &'static str> {
        RuleCode::ALL.iter().map(|c| c.as_str())
    }
}

impl fmt::Display for RuleCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_round_trips() {
        assert_eq!(RuleCode::ALL.len(), RuleCode::COUNT);
        for (i, code) in RuleCode::ALL.iter().enumerate() {
            assert_eq!(code.index(), i);
            assert_eq!(RuleCode::parse(code.as_str()), Some(*code));
        }
        assert_eq!(RuleCode::parse("room_overlap"), None);
        assert_eq!(RuleCode::Unused.default_level(), Level::Info);
        assert_eq!(RuleCode::InvalidTime.default_level(), Level::Error);
    }
}
