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
    /// A session's language ("Langue : English").
    pub language: &'static str,
    /// A room with step-free access, and one without.
    pub accessible: &'static str,
    pub not_accessible: &'static str,
    /// The header's calendar link of a filtered agenda, and of a part (`{}`: its name).
    pub selection_ics: &'static str,
    pub part_ics: &'static str,
    /// The subscribe link beside the download (`webcal://`), and the whole program's page.
    pub subscribe: &'static str,
    pub whole_program_page: &'static str,
    /// Captions of the QR codes of the agenda and of the calendar.
    pub qr_agenda: &'static str,
    pub qr_calendar: &'static str,
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
    language: "Langue",
    accessible: "Accessible en fauteuil roulant",
    not_accessible: "Non accessible en fauteuil roulant",
    selection_ics: "Ces sessions dans votre agenda (.ics)",
    part_ics: "Le programme de «\u{a0}{}\u{a0}» dans votre agenda (.ics)",
    subscribe: "S'abonner (l'agenda se met à jour)",
    whole_program_page: "Tout le programme",
    qr_agenda: "Ce programme sur votre téléphone",
    qr_calendar: "S'abonner depuis votre téléphone",
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
    language: "Language",
    accessible: "Wheelchair accessible",
    not_accessible: "Not wheelchair accessible",
    selection_ics: "These sessions in your calendar (.ics)",
    part_ics: "The sessions of {} in your calendar (.ics)",
    subscribe: "Subscribe (your calendar stays up to date)",
    whole_program_page: "The whole programme",
    qr_agenda: "This programme on your phone",
    qr_calendar: "Subscribe from your phone",
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

    /// How a time names its UTC offset where it matters (across a daylight-saving change, in
    /// the hour that happens twice): "CEST", "CET" in English (the zone's abbreviation, or
    /// "UTC+2" when it has none), "UTC+2", "UTC+1" in French.
    pub fn zone_mark(&self, local: &chrono::DateTime<chrono_tz::Tz>) -> String {
        use chrono::Offset as _;
        let seconds = local.offset().fix().local_minus_utc();
        let abbreviation = local.format("%Z").to_string();
        if self.lang == Lang::En && abbreviation.chars().all(|c| c.is_ascii_alphabetic()) {
            return abbreviation;
        }
        let sign = if seconds < 0 { '-' } else { '+' };
        let (h, m) = (seconds.abs() / 3600, seconds.abs() % 3600 / 60);
        if m == 0 {
            format!("UTC{sign}{h}")
        } else {
            format!("UTC{sign}{h}:{m:02}")
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
    fn offsets_read_as_each_language_writes_them() {
        let tz: chrono_tz::Tz = "Europe/Paris".parse().unwrap();
        let summer = crate::time::to_local(tz, 1_729_989_000);
        let winter = crate::time::to_local(tz, 1_729_992_600);
        let (en, fr) = (Locale::for_tag("en"), Locale::for_tag("fr"));
        assert_eq!(
            (en.zone_mark(&summer), en.zone_mark(&winter)),
            ("CEST".into(), "CET".into())
        );
        assert_eq!(
            (fr.zone_mark(&summer), fr.zone_mark(&winter)),
            ("UTC+2".into(), "UTC+1".into())
        );
        let india = crate::time::to_local("Asia/Kolkata".parse().unwrap(), 0);
        assert_eq!(en.zone_mark(&india), "IST");
        let sp = crate::time::to_local("America/Sao_Paulo".parse().unwrap(), 0);
        assert_eq!(en.zone_mark(&sp), "UTC-3");
        let kathmandu = crate::time::to_local("Asia/Kathmandu".parse().unwrap(), 0);
        assert_eq!(fr.zone_mark(&kathmandu), "UTC+5:30");
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
