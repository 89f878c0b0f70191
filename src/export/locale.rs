//! Words of the agendas in the event's language: labels, weekday and month names, dates.
//!
//! French and English are built in; any other `language` falls back to English (the page's
//! `lang` attribute still says what the event declares). Dates read as people write them:
//! "mardi 5 décembre 2017", "vendredi 1er décembre", "Tuesday 5 December 2017".
//! This module formats; it does not decide what an agenda shows.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// Every fixed word an agenda uses. Templates see them as `labels.<name>`.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Labels {
    pub program: &'static str,
    pub days: &'static str,
    pub time: &'static str,
    pub room: &'static str,
    pub session: &'static str,
    pub track: &'static str,
    pub tracks: &'static str,
    pub speakers: &'static str,
    pub moderators: &'static str,
    pub speakers_index: &'static str,
    pub sessions: &'static str,
    pub details: &'static str,
    pub description: &'static str,
    pub link: &'static str,
    pub tags: &'static str,
    pub add_to_calendar: &'static str,
    pub whole_program_ics: &'static str,
    pub cancelled: &'static str,
    pub tentative: &'static str,
    pub plenary: &'static str,
    pub everyone: &'static str,
    pub unscheduled: &'static str,
    pub times_in: &'static str,
    pub times_in_utc: &'static str,
    pub legend: &'static str,
    pub skip_to_content: &'static str,
    pub no_sessions: &'static str,
    pub published_with: &'static str,
    pub colon: &'static str,
    /// Change marks since the previous release, and the link to the changes page.
    pub mark_new: &'static str,
    pub mark_moved: &'static str,
    pub mark_changed: &'static str,
    pub mark_cancelled: &'static str,
    pub changes: &'static str,
    // ---- agenda-web: the interactive agenda (search, filters, favourites, sub-pages) ----
    pub search: &'static str,
    pub search_hint: &'static str,
    pub day: &'static str,
    pub kind: &'static str,
    pub language: &'static str,
    pub rooms: &'static str,
    pub all: &'static str,
    pub condensed: &'static str,
    pub favourite: &'static str,
    pub my_agenda: &'static str,
    pub download_mine: &'static str,
    pub now: &'static str,
    pub next: &'static str,
    pub my_time_zone: &'static str,
    pub no_match: &'static str,
    pub jump_to_time: &'static str,
    pub whole_program: &'static str,
    pub room_page: &'static str,
    pub track_page: &'static str,
    pub filters: &'static str,
}

const FR: Labels = Labels {
    program: "Programme",
    days: "Jours",
    time: "Horaire",
    room: "Salle",
    session: "Session",
    track: "Parcours",
    tracks: "Parcours",
    speakers: "Intervenants",
    moderators: "Animation",
    speakers_index: "Intervenants",
    sessions: "Sessions",
    details: "Détails",
    description: "Description",
    link: "Lien",
    tags: "Mots-clés",
    add_to_calendar: "Ajouter à mon agenda",
    whole_program_ics: "Tout le programme dans votre agenda (.ics)",
    cancelled: "Annulé",
    tentative: "À confirmer",
    plenary: "Plénière",
    everyone: "Pour tous",
    unscheduled: "Sessions à programmer",
    times_in: "Horaires en heure locale",
    times_in_utc: "Horaires en temps universel (UTC)",
    legend: "Légende des parcours",
    skip_to_content: "Aller au programme",
    no_sessions: "Aucune session.",
    published_with: "Programme publié avec agora.",
    // French puts a (no-break) space before the colon, so it never starts a line.
    colon: "\u{a0}: ",
    mark_new: "Nouveau",
    mark_moved: "Déplacé",
    mark_changed: "Modifié",
    mark_cancelled: "Annulé depuis la version précédente",
    changes: "Modifications du programme",
    search: "Rechercher",
    search_hint: "Titre, intervenant, salle",
    day: "Jour",
    kind: "Type",
    language: "Langue",
    rooms: "Salles",
    all: "Tous",
    condensed: "Vue condensée",
    favourite: "Favori",
    my_agenda: "Seulement mes favoris",
    download_mine: "Télécharger mes favoris (.ics)",
    now: "En cours",
    next: "À suivre",
    my_time_zone: "Horaires dans mon fuseau horaire",
    no_match: "Aucune session ne correspond.",
    jump_to_time: "Aller à l’horaire",
    whole_program: "Tout le programme",
    room_page: "Toutes les sessions de la salle",
    track_page: "Toutes les sessions du parcours",
    filters: "Filtres",
};

const EN: Labels = Labels {
    program: "Programme",
    days: "Days",
    time: "Time",
    room: "Room",
    session: "Session",
    track: "Track",
    tracks: "Tracks",
    speakers: "Speakers",
    moderators: "Moderators",
    speakers_index: "Speakers",
    sessions: "Sessions",
    details: "Details",
    description: "Description",
    link: "Link",
    tags: "Tags",
    add_to_calendar: "Add to calendar",
    whole_program_ics: "The whole programme in your calendar (.ics)",
    cancelled: "Cancelled",
    tentative: "To be confirmed",
    plenary: "Plenary",
    everyone: "Everyone",
    unscheduled: "Not yet scheduled",
    times_in: "Times are local",
    times_in_utc: "Times are in UTC",
    legend: "Tracks",
    skip_to_content: "Skip to the programme",
    no_sessions: "No sessions.",
    published_with: "Programme published with agora.",
    colon: ": ",
    mark_new: "New",
    mark_moved: "Moved",
    mark_changed: "Changed",
    mark_cancelled: "Cancelled since the last release",
    changes: "Changes to the programme",
    search: "Search",
    search_hint: "Title, speaker, room",
    day: "Day",
    kind: "Kind",
    language: "Language",
    rooms: "Rooms",
    all: "All",
    condensed: "Condensed view",
    favourite: "Favourite",
    my_agenda: "My favourites only",
    download_mine: "Download my favourites (.ics)",
    now: "Now",
    next: "Next",
    my_time_zone: "Times in my time zone",
    no_match: "No session matches.",
    jump_to_time: "Jump to a time",
    whole_program: "The whole programme",
    room_page: "Every session in the room",
    track_page: "Every session of the track",
    filters: "Filters",
};

/// The words of the signage (terminal display and kiosk pages). `{}` stands for a value.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct SignageWords {
    pub now: &'static str,
    pub next: &'static str,
    /// "in 12 min".
    pub in_: &'static str,
    /// "28 min left".
    pub left: &'static str,
    /// "Moved to Salle Rhône".
    pub moved_to: &'static str,
    /// "Moved from Salle Saône".
    pub moved_from: &'static str,
    /// "Free until 14:00".
    pub free_until: &'static str,
    pub done_today: &'static str,
    pub none_today: &'static str,
    /// "Next here: Wednesday 6 December, 09:00".
    pub later_here: &'static str,
    /// "The event starts on Tuesday 5 December at 09:00".
    pub starts: &'static str,
    pub ended: &'static str,
    pub rooms: &'static str,
    pub until: &'static str,
    pub clock: &'static str,
}

const FR_SIGNAGE: SignageWords = SignageWords {
    now: "En ce moment",
    next: "Ensuite",
    in_: "dans {}",
    left: "encore {}",
    moved_to: "Déplacé\u{a0}: {}",
    moved_from: "Déplacé depuis {}",
    free_until: "Libre jusqu'à {}",
    done_today: "Plus rien aujourd'hui dans cette salle",
    none_today: "Aucune session dans cette salle aujourd'hui",
    later_here: "Prochaine session ici\u{a0}: {}",
    starts: "L'événement commence le {}",
    ended: "L'événement est terminé. Merci\u{a0}!",
    rooms: "Salles",
    until: "jusqu'à",
    clock: "Heure",
};

const EN_SIGNAGE: SignageWords = SignageWords {
    now: "Now",
    next: "Next",
    in_: "in {}",
    left: "{} left",
    moved_to: "Moved to {}",
    moved_from: "Moved from {}",
    free_until: "Free until {}",
    done_today: "Nothing more today in this room",
    none_today: "No session in this room today",
    later_here: "Next here: {}",
    starts: "The event starts on {}",
    ended: "The event is over. Thank you!",
    rooms: "Rooms",
    until: "until",
    clock: "Time",
};

const FR_WEEKDAYS: [&str; 7] = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];
const FR_MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const EN_WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lang {
    Fr,
    En,
}

/// The words of one language.
#[derive(Debug, Clone)]
pub(crate) struct Locale {
    lang: Lang,
    /// The tag to put in `lang` attributes: the event's own when well-formed, else `en`.
    pub tag: String,
}

impl Locale {
    /// The locale for a BCP 47 tag such as `fr`, `fr-CA` or `en-GB`.
    pub fn for_tag(tag: &str) -> Locale {
        match crate::language::primary(tag) {
            Some(primary) => Locale {
                lang: if primary == "fr" { Lang::Fr } else { Lang::En },
                tag: tag.to_string(),
            },
            None => Locale {
                lang: Lang::En,
                tag: "en".to_string(),
            },
        }
    }

    pub fn labels(&self) -> &'static Labels {
        match self.lang {
            Lang::Fr => &FR,
            Lang::En => &EN,
        }
    }

    pub fn signage(&self) -> &'static SignageWords {
        match self.lang {
            Lang::Fr => &FR_SIGNAGE,
            Lang::En => &EN_SIGNAGE,
        }
    }

    /// "mardi 5 décembre à 09:00" / "Tuesday 5 December at 09:00".
    pub fn day_at(&self, date: NaiveDate, time: &str) -> String {
        let at = match self.lang {
            Lang::Fr => "à",
            Lang::En => "at",
        };
        format!("{} {at} {time}", self.day_month(date))
    }

    fn weekday(&self, date: NaiveDate) -> &'static str {
        let i = date.weekday().num_days_from_monday() as usize;
        match self.lang {
            Lang::Fr => FR_WEEKDAYS[i],
            Lang::En => EN_WEEKDAYS[i],
        }
    }

    fn month(&self, date: NaiveDate) -> &'static str {
        let i = date.month0() as usize;
        match self.lang {
            Lang::Fr => FR_MONTHS[i],
            Lang::En => EN_MONTHS[i],
        }
    }

    /// "5", or "1er" for the first of the month in French.
    fn day_number(&self, date: NaiveDate) -> String {
        match (self.lang, date.day()) {
            (Lang::Fr, 1) => "1er".to_string(),
            (_, d) => d.to_string(),
        }
    }

    /// "mardi 5 décembre 2017" / "Tuesday 5 December 2017".
    pub fn long_date(&self, date: NaiveDate) -> String {
        format!(
            "{} {} {} {}",
            self.weekday(date),
            self.day_number(date),
            self.month(date),
            date.year()
        )
    }

    /// "mardi 5 décembre" / "Tuesday 5 December".
    pub fn day_month(&self, date: NaiveDate) -> String {
        format!(
            "{} {} {}",
            self.weekday(date),
            self.day_number(date),
            self.month(date)
        )
    }

    /// The event's dates: "du 5 au 6 décembre 2017", "5–6 December 2017", one day as its
    /// long date.
    pub fn date_range(&self, start: NaiveDate, end: NaiveDate) -> String {
        if start == end {
            return self.long_date(start);
        }
        let (d1, d2) = (self.day_number(start), self.day_number(end));
        let (m1, m2) = (self.month(start), self.month(end));
        let (y1, y2) = (start.year(), end.year());
        match self.lang {
            Lang::Fr if y1 != y2 => format!("du {d1} {m1} {y1} au {d2} {m2} {y2}"),
            Lang::Fr if m1 != m2 => format!("du {d1} {m1} au {d2} {m2} {y2}"),
            Lang::Fr => format!("du {d1} au {d2} {m2} {y2}"),
            Lang::En if y1 != y2 => format!("{d1} {m1} {y1} – {d2} {m2} {y2}"),
            Lang::En if m1 != m2 => format!("{d1} {m1} – {d2} {m2} {y2}"),
            Lang::En => format!("{d1}–{d2} {m2} {y2}"),
        }
    }

    /// The name of a session kind ("Table ronde", "Workshop").
    pub fn kind(&self, kind: crate::model::Kind) -> &'static str {
        use crate::model::Kind::*;
        match (self.lang, kind) {
            (Lang::Fr, Talk) => "Intervention",
            (Lang::Fr, Keynote) => "Plénière",
            (Lang::Fr, Panel) => "Débat",
            (Lang::Fr, Workshop) => "Atelier",
            (Lang::Fr, Roundtable) => "Table ronde",
            (Lang::Fr, Break) => "Pause",
            (Lang::Fr, Social) => "Moment convivial",
            (Lang::Fr, Other) => "Autre",
            (Lang::En, Talk) => "Talk",
            (Lang::En, Keynote) => "Keynote",
            (Lang::En, Panel) => "Panel",
            (Lang::En, Workshop) => "Workshop",
            (Lang::En, Roundtable) => "Round table",
            (Lang::En, Break) => "Break",
            (Lang::En, Social) => "Social",
            (Lang::En, Other) => "Other",
        }
    }
}

impl Locale {
    /// The event language's typography applied to a text written by the organiser: in French,
    /// the space before `?`, `!`, `;` (a narrow no-break space) and `:` (a no-break space)
    /// cannot break, so the sign never starts a line. Only a space already there is changed:
    /// `https://…`, `14:00` or `C++;` are left as they are. Other languages: unchanged.
    pub fn typography(&self, text: &str) -> String {
        if self.lang != Lang::Fr || !text.contains([' ', '\u{a0}']) {
            return text.to_string();
        }
        let mut out = String::with_capacity(text.len() + 8);
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, chars.peek()) {
                (' ' | '\u{a0}' | '\u{202f}', Some('?' | '!' | ';')) => out.push('\u{202f}'),
                (' ' | '\u{202f}', Some(':')) => out.push('\u{a0}'),
                _ => out.push(c),
            }
        }
        out
    }
}

/// First letter upper-cased, the rest untouched ("mardi 5 décembre" → "Mardi 5 décembre").
pub(crate) fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn french_signs_keep_their_space() {
        let fr = Locale::for_tag("fr");
        assert_eq!(
            fr.typography("Qui décide ? Nous ! Ensuite ; enfin : fin"),
            "Qui décide\u{202f}? Nous\u{202f}! Ensuite\u{202f}; enfin\u{a0}: fin"
        );
        // No space before the sign: nothing is inserted (URLs, times, code stay intact).
        assert_eq!(
            fr.typography("https://a.org 14:00 C++; ok?"),
            "https://a.org 14:00 C++; ok?"
        );
        // A no-break space already there stays one that cannot break.
        assert_eq!(fr.typography("Pourquoi\u{a0}?"), "Pourquoi\u{202f}?");
        let en = Locale::for_tag("en");
        assert_eq!(en.typography("Why ? Now !"), "Why ? Now !");
    }

    #[test]
    fn french_dates() {
        let fr = Locale::for_tag("fr");
        assert_eq!(fr.long_date(date(2017, 12, 5)), "mardi 5 décembre 2017");
        assert_eq!(
            fr.long_date(date(2017, 12, 1)),
            "vendredi 1er décembre 2017"
        );
        assert_eq!(
            fr.date_range(date(2017, 12, 5), date(2017, 12, 6)),
            "du 5 au 6 décembre 2017"
        );
        assert_eq!(
            fr.date_range(date(2017, 11, 30), date(2017, 12, 1)),
            "du 30 novembre au 1er décembre 2017"
        );
        assert_eq!(
            capitalise(&fr.day_month(date(2018, 8, 15))),
            "Mercredi 15 août"
        );
    }

    #[test]
    fn english_dates_and_fallback() {
        let en = Locale::for_tag("en-GB");
        assert_eq!(en.long_date(date(2017, 12, 5)), "Tuesday 5 December 2017");
        assert_eq!(
            en.date_range(date(2017, 12, 5), date(2017, 12, 6)),
            "5–6 December 2017"
        );
        let de = Locale::for_tag("de");
        assert_eq!(de.tag, "de");
        assert_eq!(de.labels().speakers, "Speakers");
        let bad = Locale::for_tag("\"><script>");
        assert_eq!(bad.tag, "en");
        assert_eq!(Locale::for_tag("fr-CA").labels().speakers, "Intervenants");
    }
}
