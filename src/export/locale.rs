//! Words of the agendas in the event's language: labels, session kinds, dates and times.
//!
//! Words come from the Fluent catalogues of `locales/<tag>/export.ftl` ([`crate::catalogue`]);
//! dates and times from CLDR through ICU4X: weekday and month names, the language's own date
//! patterns ("Dienstag, 5. Dezember 2017", "2017年12月5日火曜日", "mardi 5 décembre 2017"),
//! its 12- or 24-hour clock ("9:00 AM", "09:00"; `en-u-hc-h23` asks for 24 hours). A tag falls
//! back along its chain (`fr-CA` → `fr` → `en`) for words; for dates, to the language CLDR
//! has, else English. The page's `lang` attribute still says what the event declares.
//! This module formats; it does not decide what an agenda shows.

use std::sync::{Arc, OnceLock};

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};
use icu_calendar::{Date, Gregorian};
use icu_datetime::fieldsets;
use icu_datetime::input::Time;
use icu_datetime::pattern::{DateTimePattern, FixedCalendarDateTimeNames};
use icu_datetime::{FixedCalendarDateTimeFormatter, NoCalendarFormatter};
use serde::Serialize;
use writeable::{Part, PartsWrite, TryWriteable, Writeable};

use crate::catalogue::{self, Catalogue, Domain};
use crate::language::Direction;

/// Declares a struct of words, each field read from the catalogue message of the same name
/// (with `$prefix` before it). Adding a word: a field here, a message in every catalogue.
macro_rules! words {
    ($(#[$meta:meta])* $name:ident, $prefix:literal, { $($(#[$doc:meta])* $field:ident,)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Serialize)]
        pub(crate) struct $name {
            $($(#[$doc])* pub $field: &'static str,)*
        }

        impl $name {
            /// The catalogue message ids of the fields, in order.
            pub(crate) const IDS: &'static [&'static str] =
                &[$(concat!($prefix, stringify!($field))),*];

            fn from_fn(mut word: impl FnMut(&'static str) -> &'static str) -> $name {
                $name {
                    $($field: word(concat!($prefix, stringify!($field))),)*
                }
            }

        }
    };
}

words!(
    /// Every fixed word an agenda uses. Templates see them as `labels.<name>`; the message of
    /// each is its field's name.
    Labels, "", {
    program,
    days,
    time,
    room,
    session,
    track,
    tracks,
    speakers,
    moderators,
    speakers_index,
    sessions,
    details,
    description,
    link,
    tags,
    add_to_calendar,
    whole_program_ics,
    cancelled,
    tentative,
    plenary,
    everyone,
    unscheduled,
    times_in,
    times_in_utc,
    legend,
    skip_to_content,
    no_sessions,
    published_with,
    /// ": ", or "\u{a0}: " in French (a no-break space before the colon).
    colon,
    /// Change marks since the previous release, and the link to the changes page.
    mark_new,
    mark_moved,
    mark_changed,
    mark_cancelled,
    changes,
    /// The language a session is given in, and the languages it is interpreted into.
    language,
    languages,
    interpretation,
    /// Between the items of a list: ", ", "、" in Japanese and Chinese, "، " in Arabic.
    list_separator,
    /// A room with step-free access, and one without.
    accessible,
    not_accessible,
    /// The header's calendar link of a filtered agenda (a part's is the `part_ics` pattern).
    selection_ics,
    /// The subscribe link beside the download (`webcal://`), and the whole program's page.
    subscribe,
    whole_program_page,
    /// Captions of the QR codes of the agenda and of the calendar.
    qr_agenda,
    qr_calendar,
    /// The interactive HTML agenda: search, filters, favourites, per-room and per-track pages.
    /// Its filter of languages is labelled `language`; its now and next badges are the
    /// signage's `now` and `next`; its link back from a room's or a track's page is
    /// `whole_program_page`.
    search,
    search_hint,
    day,
    kind,
    all,
    condensed,
    favourite,
    my_agenda,
    download_mine,
    my_time_zone,
    no_match,
    jump_to_time,
    room_page,
    track_page,
    filters,
});

words!(
    /// The words of the signage (terminal display and kiosk pages). `{}` stands for a value.
    SignageWords, "signage_", {
    now,
    next,
    /// "in 12 min".
    in_,
    /// "28 min left".
    left,
    /// "Moved to Salle Rhône".
    moved_to,
    /// "Moved from Salle Saône".
    moved_from,
    /// "Free until 14:00".
    free_until,
    done_today,
    none_today,
    /// "Next here: Wednesday 6 December, 09:00".
    later_here,
    /// "The event starts on Tuesday 5 December at 09:00".
    starts,
    ended,
    rooms,
    until,
    clock,
});

/// Session kinds, in the order of [`KIND_IDS`].
const KINDS: [crate::model::Kind; 8] = {
    use crate::model::Kind::*;
    [
        Talk, Keynote, Panel, Workshop, Roundtable, Break, Social, Other,
    ]
};

/// The message ids of the session kinds.
pub(crate) const KIND_IDS: [&str; 8] = [
    "kind_talk",
    "kind_keynote",
    "kind_panel",
    "kind_workshop",
    "kind_roundtable",
    "kind_break",
    "kind_social",
    "kind_other",
];

/// Messages with variables, read with [`Catalogue::format`].
pub(crate) const PATTERN_IDS: [&str; 9] = [
    "times_note",
    "day_at",
    "day_time",
    "date_range_tight",
    "date_range_wide",
    "time_range",
    "time_range_wide",
    "language_name",
    "part_ics",
];

/// Settings a translator chooses: `day_title_style` is `long` ("Dienstag, 5. Dezember 2017",
/// CLDR's long date) or a CLDR date pattern (Japanese `y年M月d日(E)`, CLDR's yMMMEd form:
/// "2017年12月5日(火)"), for day titles and every date written with its year and weekday.
pub(crate) const SETTING_IDS: [&str; 1] = ["day_title_style"];

/// The words of the changelog (changes.html, changes.atom, CHANGES.md), read by
/// src/export/changes.rs with [`Locale::message`].
pub(crate) const CHANGE_IDS: [&str; 38] = [
    "changes_md_title",
    "changes_page_title",
    "changes_feed_title",
    "changes_releases",
    "changes_back",
    "changes_atom",
    "changes_time",
    "changes_first",
    "change_unreleased",
    "change_none",
    "change_sentence",
    "change_summary",
    "change_summary_items",
    "change_separator",
    "change_quoted",
    "change_no_value",
    "change_people",
    "change_description",
    "change_field",
    "change_duration",
    "change_kind_new",
    "change_kind_cancelled",
    "change_kind_removed",
    "change_kind_changed",
    "change_kind_moved",
    "change_item_added",
    "change_item_removed",
    "change_item_renamed",
    "change_field_status",
    "change_field_day",
    "change_field_time",
    "change_field_room",
    "change_field_duration",
    "change_field_title",
    "change_field_speakers",
    "change_field_moderators",
    "change_field_track",
    "change_field_kind",
];

/// The rest of the session fields a change names.
pub(crate) const CHANGE_FIELD_IDS: [&str; 3] = [
    "change_field_language",
    "change_field_description",
    "change_field_url",
];

/// Durations on the signage ("in 12 min", "1 h 05 left"), with plural forms: read by
/// [`Locale::span`].
pub(crate) const SPAN_IDS: [&str; 3] = ["span_minutes", "span_hours", "span_days"];

/// Every message id the exports ask the catalogues for: a catalogue must define exactly these.
pub(crate) fn message_ids() -> Vec<&'static str> {
    let mut ids: Vec<&'static str> = Vec::new();
    ids.extend_from_slice(&SPAN_IDS);
    ids.extend_from_slice(&crate::export::csv::HEADER_IDS);
    ids.extend_from_slice(&CHANGE_IDS);
    ids.extend_from_slice(&CHANGE_FIELD_IDS);
    ids.extend_from_slice(&SETTING_IDS);
    ids.extend_from_slice(Labels::IDS);
    ids.extend_from_slice(SignageWords::IDS);
    ids.extend_from_slice(&KIND_IDS);
    ids.extend_from_slice(&PATTERN_IDS);
    ids
}

/// A catalogue's words live as long as the program: read once for each shipped language (a
/// bounded set), never per export.
fn leak(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}

/// The words of one catalogue, read once.
struct Words {
    catalogue: &'static Catalogue,
    labels: Labels,
    signage: SignageWords,
    kinds: [&'static str; 8],
}

fn words_for(catalogue: &'static Catalogue) -> &'static Words {
    static ALL: OnceLock<std::sync::Mutex<Vec<&'static Words>>> = OnceLock::new();
    let all = ALL.get_or_init(Default::default);
    let mut all = match all.lock() {
        Ok(g) => g,
        Err(poisoned) => poisoned.into_inner(),
    };
    if let Some(w) = all.iter().find(|w| std::ptr::eq(w.catalogue, catalogue)) {
        return w;
    }
    let words: &'static Words = Box::leak(Box::new(Words {
        catalogue,
        labels: Labels::from_fn(|id| leak(catalogue.text(id))),
        // Signage fills in its values later, where the message has `{ $value }`.
        signage: SignageWords::from_fn(|id| leak(catalogue.format(id, &[("value", "{}")]))),
        kinds: KIND_IDS.map(|id| leak(catalogue.text(id))),
    }));
    all.push(words);
    words
}

/// English words built in, for a build without catalogues (never the case for a release, whose
/// tests check every catalogue).
fn fallback_words() -> Option<&'static Words> {
    catalogue::for_tag(Domain::Export, "en").map(words_for)
}

/// The CLDR formatters of one language.
struct Dates {
    long: LongDate,
    day_month: FixedCalendarDateTimeFormatter<Gregorian, fieldsets::MDE>,
    ymd: FixedCalendarDateTimeFormatter<Gregorian, fieldsets::YMD>,
    time: NoCalendarFormatter<fieldsets::T>,
}

/// How a date with its year and weekday is written, as the catalogue's `day_title_style` says.
///
/// ICU4X's field sets reach CLDR's four date lengths only (Japanese: long "2017年12月5日火曜日",
/// medium "2017/12/05(火)"); the form Japanese programmes use, "2017年12月5日(火)", is CLDR's
/// yMMMEd skeleton (`availableFormats`), which ICU4X 2.1 formats from its pattern with CLDR's
/// names and digits (`FixedCalendarDateTimeNames`): the catalogue gives that pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
enum DayStyle {
    /// CLDR's long date: "Dienstag, 5. Dezember 2017".
    Long,
    /// A CLDR date pattern (`y年M月d日(E)`), filled with the language's CLDR names.
    Pattern(String),
}

impl DayStyle {
    fn of(words: Option<&Words>) -> DayStyle {
        match words.map(|w| w.catalogue.text("day_title_style")) {
            Some(s) if !s.trim().is_empty() && s.trim() != "long" => {
                DayStyle::Pattern(s.trim().to_string())
            }
            _ => DayStyle::Long,
        }
    }
}

/// A date written with a CLDR pattern (`EEE d MMM`) and the language's CLDR names and digits:
/// "Tue 5 Dec", "mar. 5 déc.". The editor's short dates.
pub struct DatePattern {
    names: Box<FixedCalendarDateTimeNames<Gregorian, fieldsets::YMDE>>,
    pattern: DateTimePattern,
}

impl DatePattern {
    /// `None` when the tag or the pattern cannot be read, or CLDR lacks the names.
    pub fn new(tag: &str, pattern: &str) -> Option<DatePattern> {
        let locale = tag.parse::<icu_locale_core::Locale>().ok()?;
        let prefs = icu_datetime::DateTimeFormatterPreferences::from(&locale);
        let pattern = pattern.parse::<DateTimePattern>().ok()?;
        let mut names = FixedCalendarDateTimeNames::try_new(prefs).ok()?;
        names.include_for_pattern(&pattern).ok()?;
        Some(DatePattern {
            names: Box::new(names),
            pattern,
        })
    }

    pub fn format(&self, date: NaiveDate) -> String {
        let Some(g) = gregorian(date) else {
            return date.to_string();
        };
        let mut p = Parts::default();
        let _ = self
            .names
            .with_pattern_unchecked(&self.pattern)
            .format(&g)
            .try_write_to_parts(&mut p);
        p.text
    }
}

/// A date with its year and weekday: CLDR's long date, or a CLDR pattern with CLDR's names.
enum LongDate {
    Cldr(Box<FixedCalendarDateTimeFormatter<Gregorian, fieldsets::YMDE>>),
    Pattern(
        Box<FixedCalendarDateTimeNames<Gregorian, fieldsets::YMDE>>,
        DateTimePattern,
    ),
}

impl LongDate {
    fn new(
        prefs: icu_datetime::DateTimeFormatterPreferences,
        style: &DayStyle,
    ) -> Option<LongDate> {
        if let DayStyle::Pattern(text) = style {
            let made = text.parse::<DateTimePattern>().ok().and_then(|pattern| {
                let mut names = FixedCalendarDateTimeNames::try_new(prefs).ok()?;
                names.include_for_pattern(&pattern).ok()?;
                Some(LongDate::Pattern(Box::new(names), pattern))
            });
            if made.is_some() {
                return made;
            }
        }
        FixedCalendarDateTimeFormatter::try_new(prefs, fieldsets::YMDE::long())
            .ok()
            .map(|f| LongDate::Cldr(Box::new(f)))
    }

    /// The date's text and fields, and the pattern it was written with.
    fn parts(&self, date: &Date<Gregorian>, all: bool) -> (Parts, String) {
        let mut p = Parts {
            all,
            ..Parts::default()
        };
        let pattern = match self {
            LongDate::Cldr(f) => {
                let formatted = f.format(date);
                let _ = formatted.write_to_parts(&mut p);
                formatted.pattern().write_to_string().into_owned()
            }
            LongDate::Pattern(names, pattern) => {
                let formatted = names.with_pattern_unchecked(pattern).format(date);
                let _ = formatted.try_write_to_parts(&mut p);
                pattern.write_to_string().into_owned()
            }
        };
        p.fields.sort_by_key(|f| f.0);
        (p, pattern)
    }
}

impl Dates {
    fn try_new(locale: &icu_locale_core::Locale, style: &DayStyle) -> Option<Dates> {
        let prefs = || icu_datetime::DateTimeFormatterPreferences::from(locale);
        Some(Dates {
            long: LongDate::new(prefs(), style)?,
            day_month: FixedCalendarDateTimeFormatter::try_new(prefs(), fieldsets::MDE::long())
                .ok()?,
            ymd: FixedCalendarDateTimeFormatter::try_new(prefs(), fieldsets::YMD::long()).ok()?,
            time: NoCalendarFormatter::try_new(prefs(), fieldsets::T::hm()).ok()?,
        })
    }

    /// The formatters for a tag: the language's own when CLDR has it (month names unlike the
    /// root locale's "M12"), else English's.
    fn for_tag(tag: &str, style: &DayStyle) -> Option<Dates> {
        let probe = Date::try_new_gregorian(2017, 12, 5).ok()?;
        let root = Dates::try_new(&icu_locale_core::Locale::UNKNOWN, &DayStyle::Long)?;
        let root_text = root.day_month.format(&probe).to_string();
        let parsed = tag.parse::<icu_locale_core::Locale>().ok();
        let known = parsed
            .as_ref()
            .and_then(|l| Dates::try_new(l, &DayStyle::Long))
            .is_some_and(|d| d.day_month.format(&probe).to_string() != root_text);
        if let (true, Some(locale)) = (known, parsed.as_ref()) {
            let dates = Dates::try_new(locale, style)?;
            // ICU4X 2.1 has no names for CLDR's flexible day periods (`B`, Traditional
            // Chinese's 12-hour clock "上午9:00"): it would write the letter itself. Such a
            // language reads the 24-hour clock, as its programmes mostly do, unless the tag asks
            // for a clock of its own.
            let nine = Time::try_new(9, 0, 0, 0).ok()?;
            if dates.time.format(&nine).to_string().contains('B') && !tag.contains("-u-") {
                if let Ok(h23) = format!("{tag}-u-hc-h23").parse::<icu_locale_core::Locale>() {
                    return Dates::try_new(&h23, style);
                }
            }
            return Some(dates);
        }
        let en = icu_locale_core::Locale::try_from_str("en").ok()?;
        Dates::try_new(&en, style)
    }
}

/// The text of a formatted date and where its year, month and day are in it.
#[derive(Default)]
struct Parts {
    text: String,
    fields: Vec<(usize, usize, Part)>,
    /// Keep every date field (the weekday too), not only those a range may share.
    all: bool,
}

impl std::fmt::Write for Parts {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.text.push_str(s);
        Ok(())
    }
}

impl PartsWrite for Parts {
    type SubPartsWrite = Parts;

    fn with_part(
        &mut self,
        part: Part,
        mut f: impl FnMut(&mut Self::SubPartsWrite) -> std::fmt::Result,
    ) -> std::fmt::Result {
        let start = self.text.len();
        f(self)?;
        if (self.all && part.category == icu_datetime::parts::DAY.category)
            || [
                icu_datetime::parts::YEAR,
                icu_datetime::parts::MONTH,
                icu_datetime::parts::DAY,
                icu_datetime::parts::ERA,
            ]
            .contains(&part)
        {
            self.fields.push((start, self.text.len(), part));
        }
        Ok(())
    }
}

fn parts(w: &impl Writeable) -> Parts {
    let mut p = Parts::default();
    // Writing to a String cannot fail.
    let _ = w.write_to_parts(&mut p);
    p.fields.sort_by_key(|f| f.0);
    p
}

impl Parts {
    /// French writes the first of the month as an ordinal, "1er" ("mardi 1er décembre"), where
    /// CLDR writes "1": the day field is rewritten and the fields after it moved along.
    fn french_first(mut self) -> Parts {
        let Some(k) = self
            .fields
            .iter()
            .position(|&(a, b, part)| part == icu_datetime::parts::DAY && &self.text[a..b] == "1")
        else {
            return self;
        };
        let (_, end, _) = self.fields[k];
        self.text.insert_str(end, "er");
        self.fields[k].1 += 2;
        for f in self.fields.iter_mut().skip(k + 1) {
            f.0 += 2;
            f.1 += 2;
        }
        self
    }
}

/// What a date range shares written once: "5–6 December 2017", "December 5–6, 2017",
/// "5.–6. Dezember 2017", "2017年11月30日～12月1日". `start` and `end` are the two dates in the
/// same pattern; `(tight, wide)` join them when one field differs or several do.
fn shared_range(start: &Parts, end: &Parts, join: impl Fn(&str, &str, bool) -> String) -> String {
    let same_shape = start.fields.len() == end.fields.len()
        && start
            .fields
            .iter()
            .zip(&end.fields)
            .all(|(a, b)| a.2 == b.2);
    fn text(p: &Parts, i: usize) -> &str {
        &p.text[p.fields[i].0..p.fields[i].1]
    }
    let differing: Vec<usize> = (0..start.fields.len())
        .filter(|&i| same_shape && text(start, i) != text(end, i))
        .collect();
    let (Some(&first), Some(&last)) = (differing.first(), differing.last()) else {
        return join(&start.text, &end.text, false);
    };
    // The start keeps what follows its last differing field when it is part of it ("5." in
    // German, "5日" in Japanese), not a space or a comma between fields.
    let mut cut = start.fields[last].1;
    let next_field = start.fields.get(last + 1).map_or(start.text.len(), |f| f.0);
    for c in start.text[cut..next_field].chars() {
        if c.is_whitespace() || matches!(c, ',' | '،' | '、' | '/' | '-' | '–' | '‐') {
            break;
        }
        cut += c.len_utf8();
    }
    let tight = first == last;
    join(&start.text[..cut], &end.text[end.fields[first].0..], !tight)
}

/// The words and date formats of one language.
#[derive(Clone)]
pub(crate) struct Locale {
    words: Option<&'static Words>,
    dates: Option<Arc<Dates>>,
    /// The tag to put in `lang` attributes: the event's own when usable, else `en`.
    pub tag: String,
    /// Which way the language is written (`dir` attributes).
    pub dir: Direction,
    /// Whether the language is French (its typography).
    french: bool,
    /// The language names said so far, by tag: a program names a few languages, each on
    /// many sessions.
    language_names: Arc<std::sync::Mutex<foldhash::HashMap<String, String>>>,
}

impl std::fmt::Debug for Locale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Locale")
            .field("tag", &self.tag)
            .field("catalogue", &self.catalogue_tag())
            .finish_non_exhaustive()
    }
}

impl Locale {
    /// The locale for a BCP 47 tag such as `fr`, `fr-CA`, `de-AT` or `zh-Hans`.
    pub fn for_tag(tag: &str) -> Locale {
        let tag = if crate::language::is_usable_tag(tag) {
            tag.to_string()
        } else {
            "en".to_string()
        };
        let words = catalogue::for_tag(Domain::Export, &tag)
            .map(words_for)
            .or_else(fallback_words);
        Locale {
            words,
            dates: Dates::for_tag(&tag, &DayStyle::of(words)).map(Arc::new),
            dir: crate::language::direction(&tag),
            french: crate::language::primary(&tag).is_some_and(|p| p == "fr"),
            language_names: Default::default(),
            tag,
        }
    }

    /// The tag of the catalogue the words come from (`fr` for `fr-CA`).
    pub fn catalogue_tag(&self) -> &'static str {
        self.words.map_or("en", |w| w.catalogue.tag)
    }

    pub fn labels(&self) -> &'static Labels {
        static EMPTY: OnceLock<Labels> = OnceLock::new();
        match self.words {
            Some(w) => &w.labels,
            None => EMPTY.get_or_init(|| Labels::from_fn(|id| id)),
        }
    }

    pub fn signage(&self) -> &'static SignageWords {
        static EMPTY: OnceLock<SignageWords> = OnceLock::new();
        match self.words {
            Some(w) => &w.signage,
            None => EMPTY.get_or_init(|| SignageWords::from_fn(|id| id)),
        }
    }

    /// A message with text and number variables (the changelog's words): a number picks the
    /// message's plural form.
    pub(crate) fn message(
        &self,
        id: &str,
        args: &[(&str, &str)],
        counts: &[(&str, i64)],
    ) -> String {
        match self.words {
            Some(w) => w.catalogue.format_counts(id, args, counts),
            None => id.to_string(),
        }
    }

    /// A span of whole minutes in the language's words: "12 min", "1 h 05", "2 d 3 h";
    /// "12分", "1時間5分"; "1 Std. 5 Min.". Each message has the numbers `$days`, `$hours` and
    /// `$minutes` (for plural forms) and `$mm`, the minutes in two digits ("05").
    pub fn span(&self, minutes: i64) -> String {
        let minutes = minutes.max(0);
        let (d, h, m) = (minutes / (24 * 60), minutes % (24 * 60) / 60, minutes % 60);
        let mm = format!("{m:02}");
        let (id, counts) = if minutes < 60 {
            ("span_minutes", [("days", 0), ("hours", 0), ("minutes", m)])
        } else if minutes < 24 * 60 {
            ("span_hours", [("days", 0), ("hours", h), ("minutes", m)])
        } else {
            ("span_days", [("days", d), ("hours", h), ("minutes", m)])
        };
        match self.words {
            Some(w) => w.catalogue.format_counts(id, &[("mm", &mm)], &counts),
            None => format!("{minutes} min"),
        }
    }

    /// The spans of [`Locale::span`] for the kiosk page's script, which counts down every
    /// second: JSON `{"t": [templates], "m": [template of each minute count below a day],
    /// "d": [template of each day and hour count, 1 to 14 days]}`; a template has `{d}`, `{h}`,
    /// `{m}` and `{mm}` where the numbers go ("{h} Std. {m} Min."). Every template is checked to
    /// give back the catalogue's own text for its counts (else it is that text itself), so the
    /// script writes what agora writes, plural forms included.
    pub fn span_table(&self) -> String {
        let mut templates: Vec<String> = Vec::new();
        let mut index = |text: String, d: i64, h: i64, m: i64| -> usize {
            let mm = format!("{:02}", m);
            let values = [
                ("{mm}", mm.clone()),
                ("{d}", d.to_string()),
                ("{h}", h.to_string()),
                ("{m}", m.to_string()),
            ];
            let fill = |t: &str| {
                values
                    .iter()
                    .fold(t.to_string(), |acc, (k, v)| acc.replace(k, v))
            };
            // Longer numbers first, so "11" is not read as two "1".
            let mut order: Vec<&(&str, String)> = values
                .iter()
                .filter(|(k, _)| !(d == 0 && (*k == "{d}" || (*k == "{h}" && h == 0))))
                .collect();
            order.sort_by_key(|(_, v)| std::cmp::Reverse(v.len()));
            let mut template = text.clone();
            for (k, v) in order {
                template = template.replace(v.as_str(), k);
            }
            if fill(&template) != text {
                template = text;
            }
            match templates.iter().position(|t| *t == template) {
                Some(i) => i,
                None => {
                    templates.push(template);
                    templates.len() - 1
                }
            }
        };
        let minutes: Vec<usize> = (0..24 * 60)
            .map(|m| index(self.span(m), 0, m / 60, if m < 60 { m } else { m % 60 }))
            .collect();
        let days: Vec<usize> = (1..=14)
            .flat_map(|d| (0..24).map(move |h| (d, h)))
            .map(|(d, h)| index(self.span(d * 24 * 60 + h * 60), d, h, 0))
            .collect();
        serde_json::json!({ "t": templates, "m": minutes, "d": days }).to_string()
    }

    /// A message with variables (`day_at`, `time_range`, …).
    fn pattern(&self, id: &str, args: &[(&str, &str)]) -> String {
        match self.words {
            Some(w) => w.catalogue.format(id, args),
            None => args.iter().map(|(_, v)| *v).collect::<Vec<_>>().join(" "),
        }
    }

    /// The header's calendar link of one part of a split agenda ("The sessions of Akim Oural in
    /// your calendar (.ics)"), `name` being the part's.
    pub fn part_ics(&self, name: &str) -> String {
        self.pattern("part_ics", &[("name", name)])
    }

    /// "mardi 5 décembre à 09:00" / "Tuesday, December 5 at 9:00 AM".
    pub fn day_at(&self, date: NaiveDate, time: &str) -> String {
        self.pattern("day_at", &[("day", &self.day_month(date)), ("time", time)])
    }

    /// A formatted date's parts, in this language's typography.
    fn date_parts(&self, w: &impl Writeable) -> Parts {
        let p = parts(w);
        if self.french() {
            p.french_first()
        } else {
            p
        }
    }

    fn french(&self) -> bool {
        self.french
    }

    /// "mardi 5 décembre 2017" / "Tuesday, December 5, 2017" / "Dienstag, 5. Dezember 2017";
    /// "vendredi 1er décembre 2017".
    pub fn long_date(&self, date: NaiveDate) -> String {
        match (&self.dates, gregorian(date)) {
            (Some(d), Some(g)) => {
                let p = d.long.parts(&g, false).0;
                if self.french() {
                    p.french_first().text
                } else {
                    p.text
                }
            }
            _ => date.to_string(),
        }
    }

    /// "mardi 5 décembre" / "Tuesday, December 5" / "12月5日火曜日".
    pub fn day_month(&self, date: NaiveDate) -> String {
        match (&self.dates, gregorian(date)) {
            (Some(d), Some(g)) => self.date_parts(&d.day_month.format(&g)).text,
            _ => date.format("%m-%d").to_string(),
        }
    }

    /// A time of day on the language's clock: "09:00", "9:00 AM", "9:00 ص".
    pub fn time(&self, time: NaiveTime) -> String {
        let t = Time::try_new(time.hour() as u8, time.minute() as u8, 0, 0).ok();
        match (&self.dates, t) {
            (Some(d), Some(t)) => d.time.format(&t).to_string(),
            _ => time.format("%H:%M").to_string(),
        }
    }

    /// "Times are local (Europe/Paris)", "時刻は現地時間です（Asia/Tokyo）".
    pub fn times_note(&self, zone: &str) -> String {
        self.pattern(
            "times_note",
            &[("times", self.labels().times_in), ("zone", zone)],
        )
    }

    /// A day and a time range: "Tuesday, December 5, 9:00 AM–10:30 AM".
    pub fn day_time(&self, date: NaiveDate, time: &str) -> String {
        self.pattern(
            "day_time",
            &[("day", &self.day_month(date)), ("time", time)],
        )
    }

    /// "14:00–15:30" / "2:00 PM–3:30 PM".
    pub fn time_range(&self, start: &str, end: &str) -> String {
        self.pattern("time_range", &[("start", start), ("end", end)])
    }

    /// Two times that carry their UTC offsets, where a time range crosses a daylight-saving
    /// change: "02:30 CEST – 02:00 CET", "02:30 UTC+2 – 02:00 UTC+1".
    pub fn time_range_wide(&self, start: &str, end: &str) -> String {
        self.pattern("time_range_wide", &[("start", start), ("end", end)])
    }

    /// The event's dates: "5–6 December 2017", "5.–6. Dezember 2017", "2017年12月5日～6日";
    /// one day as its long date.
    pub fn date_range(&self, start: NaiveDate, end: NaiveDate) -> String {
        if start == end {
            return self.long_date(start);
        }
        let (Some(d), Some(gs), Some(ge)) = (&self.dates, gregorian(start), gregorian(end)) else {
            return format!("{start} – {end}");
        };
        let (ps, pe) = (
            self.date_parts(&d.ymd.format(&gs)),
            self.date_parts(&d.ymd.format(&ge)),
        );
        shared_range(&ps, &pe, |a, b, wide| {
            let id = if wide {
                "date_range_wide"
            } else {
                "date_range_tight"
            };
            self.pattern(id, &[("start", a), ("end", b)])
        })
    }

    /// A long date's CLDR pattern ("EEEE, d. MMMM y") and its text cut into fields (`year`,
    /// `month`, `day`, `weekday`, …) and literals (`literal`), for checking that the text reads
    /// back through the pattern.
    pub fn long_date_parts(
        &self,
        date: NaiveDate,
    ) -> Option<(String, Vec<(&'static str, String)>)> {
        let (d, g) = (self.dates.as_ref()?, gregorian(date)?);
        let (mut p, pattern) = d.long.parts(&g, true);
        if self.french() {
            p = p.french_first();
        }
        let mut out = Vec::new();
        let mut at = 0;
        for (start, end, part) in &p.fields {
            if *start < at {
                continue;
            }
            if *start > at {
                out.push(("literal", p.text[at..*start].to_string()));
            }
            out.push((part.value, p.text[*start..*end].to_string()));
            at = *end;
        }
        if at < p.text.len() {
            out.push(("literal", p.text[at..].to_string()));
        }
        Some((pattern, out))
    }

    /// How a time names its UTC offset where it matters (across a daylight-saving change, in
    /// the hour that happens twice): "CEST", "CET" in English (the zone's abbreviation, or
    /// "UTC+2" when it has none); "UTC+2", "UTC+1" in every other language, whose readers may
    /// not know the English abbreviations (nor their own, such as the French "HAEC").
    pub fn zone_mark(&self, local: &chrono::DateTime<chrono_tz::Tz>) -> String {
        use chrono::Offset as _;
        let seconds = local.offset().fix().local_minus_utc();
        let abbreviation = local.format("%Z").to_string();
        let english = crate::language::primary(&self.tag).as_deref() == Some("en");
        if english && abbreviation.chars().all(|c| c.is_ascii_alphabetic()) {
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
        let i = KINDS.iter().position(|&k| k == kind).unwrap_or(7);
        match self.words {
            Some(w) => w.kinds[i],
            None => KIND_IDS[i],
        }
    }

    /// A language's name for a session's `language` or `interpretation` tag, in this locale's
    /// words when the catalogue names it (`language_name` with `$tag`), else the tag itself.
    pub fn language_name(&self, tag: &str) -> String {
        let names = || {
            self.language_names
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
        };
        if let Some(name) = names().get(tag) {
            return name.clone();
        }
        let name = self.name_language(tag);
        names().insert(tag.to_string(), name.clone());
        name
    }

    /// [`Locale::language_name`], said again.
    fn name_language(&self, tag: &str) -> String {
        let primary = crate::language::primary(tag).unwrap_or_default();
        let name = self.pattern("language_name", &[("tag", &primary)]);
        if name.trim().is_empty() || name == primary {
            tag.to_string()
        } else {
            name
        }
    }
}

impl Locale {
    /// The event language's typography applied to a text written by the organiser: in French,
    /// the space before `?`, `!`, `;` (a narrow no-break space) and `:` (a no-break space)
    /// cannot break, so the sign never starts a line. Only a space already there is changed:
    /// `https://…`, `14:00` or `C++;` are left as they are. Other languages: unchanged.
    pub fn typography(&self, text: &str) -> String {
        self.typeset(text).into_owned()
    }

    /// [`typography`](Self::typography), borrowing `text` when nothing changes (most titles
    /// and names): the built-in HTML page writes them without a copy each.
    pub(crate) fn typeset<'t>(&self, text: &'t str) -> std::borrow::Cow<'t, str> {
        // Only a sign after a space changes anything: looking for one is cheaper than the
        // language check, and most titles have none.
        if !sign_after_space(text) || !self.french() {
            return std::borrow::Cow::Borrowed(text);
        }
        // The text between the spaces that change is copied a run at a time.
        let mut out = String::with_capacity(text.len() + 8);
        let mut run = 0;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let space = match (c, chars.peek().map(|&(_, next)| next)) {
                (' ' | '\u{a0}' | '\u{202f}', Some('?' | '!' | ';')) => '\u{202f}',
                (' ' | '\u{202f}', Some(':')) => '\u{a0}',
                _ => continue,
            };
            out.push_str(&text[run..i]);
            out.push(space);
            run = i + c.len_utf8();
        }
        out.push_str(&text[run..]);
        std::borrow::Cow::Owned(out)
    }
}

/// Whether `?`, `!`, `;` or `:` follows a space, a no-break space or a narrow one somewhere
/// in `text` (the signs are ASCII, so their bytes are never inside another character).
fn sign_after_space(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(i, b)| {
        matches!(b, b'?' | b'!' | b';' | b':') && {
            let before = &bytes[..i];
            before.ends_with(b" ")
                || before.ends_with("\u{a0}".as_bytes())
                || before.ends_with("\u{202f}".as_bytes())
        }
    })
}

fn gregorian(date: NaiveDate) -> Option<Date<Gregorian>> {
    Date::try_new_gregorian(date.year(), date.month() as u8, date.day() as u8).ok()
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

    proptest::proptest! {
        /// The early return only skips texts the rule leaves as they are.
        #[test]
        fn typography_skips_only_unchanged_texts(text in "[a é?!;:\u{a0}\u{202f}]{0,12}") {
            let mut reference = String::new();
            let mut chars = text.chars().peekable();
            while let Some(c) = chars.next() {
                match (c, chars.peek()) {
                    (' ' | '\u{a0}' | '\u{202f}', Some('?' | '!' | ';')) => reference.push('\u{202f}'),
                    (' ' | '\u{202f}', Some(':')) => reference.push('\u{a0}'),
                    _ => reference.push(c),
                }
            }
            proptest::prop_assert_eq!(Locale::for_tag("fr").typography(&text), reference);
        }
    }

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
        // French of Canada too; other languages unchanged.
        assert_eq!(Locale::for_tag("fr-CA").typography("Oui ?"), "Oui\u{202f}?");
        let en = Locale::for_tag("en");
        assert_eq!(en.typography("Why ? Now !"), "Why ? Now !");
        assert_eq!(Locale::for_tag("de").typography("Warum ?"), "Warum ?");
    }

    #[test]
    fn dates_read_as_cldr_writes_them() {
        let fr = Locale::for_tag("fr");
        assert_eq!(fr.long_date(date(2017, 12, 5)), "mardi 5 décembre 2017");
        assert_eq!(
            capitalise(&fr.day_month(date(2018, 8, 15))),
            "Mercredi 15 août"
        );
        // The first of the month is an ordinal in French, in every form of a date.
        assert_eq!(
            fr.long_date(date(2017, 12, 1)),
            "vendredi 1er décembre 2017"
        );
        assert_eq!(fr.day_month(date(2026, 12, 1)), "mardi 1er décembre");
        assert_eq!(
            Locale::for_tag("fr-CA").day_month(date(2026, 12, 1)),
            "mardi 1er décembre"
        );
        assert_eq!(
            fr.date_range(date(2017, 12, 1), date(2017, 12, 2)),
            "du 1er au 2 décembre 2017"
        );
        assert_eq!(fr.long_date(date(2017, 12, 11)), "lundi 11 décembre 2017");
        let de = Locale::for_tag("de");
        assert_eq!(de.long_date(date(2017, 1, 1)), "Sonntag, 1. Januar 2017");
        assert_eq!(
            de.long_date(date(2017, 12, 5)),
            "Dienstag, 5. Dezember 2017"
        );
        // Japanese and Chinese catalogues choose CLDR's yMMMEd pattern (`day_title_style`).
        let ja = Locale::for_tag("ja");
        assert_eq!(ja.long_date(date(2017, 12, 5)), "2017年12月5日(火)");
        assert_eq!(ja.long_date(date(2017, 12, 10)), "2017年12月10日(日)");
        assert_eq!(
            ja.date_range(date(2017, 12, 5), date(2017, 12, 5)),
            "2017年12月5日(火)"
        );
        let zh = Locale::for_tag("zh-Hans");
        assert_eq!(zh.long_date(date(2017, 12, 5)), "2017年12月5日周二");
        let tw = Locale::for_tag("zh-TW");
        assert_eq!(tw.catalogue_tag(), "zh-Hant");
        assert_eq!(tw.long_date(date(2017, 12, 5)), "2017年12月5日星期二");
        // Not "B9:00": a clock ICU4X can write.
        assert_eq!(tw.time(NaiveTime::from_hms_opt(9, 0, 0).unwrap()), "9:00");
        assert_eq!(
            Locale::for_tag("fr").long_date(date(2017, 12, 5)),
            "mardi 5 décembre 2017"
        );
        let gb = Locale::for_tag("en-GB");
        assert_eq!(gb.long_date(date(2017, 12, 5)), "Tuesday, 5 December 2017");
        let us = Locale::for_tag("en");
        assert_eq!(us.long_date(date(2017, 12, 5)), "Tuesday, December 5, 2017");
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
        // English by its primary language, whatever the region; every other language by offset.
        let gb = Locale::for_tag("en-GB");
        assert_eq!(gb.zone_mark(&summer), "CEST");
        for tag in ["de", "ja", "ar", "zh-Hans"] {
            assert_eq!(Locale::for_tag(tag).zone_mark(&winter), "UTC+1", "{tag}");
        }
    }

    #[test]
    fn ranges_share_what_they_can() {
        let cases = [
            ("en-GB", (2017, 12, 5), (2017, 12, 6), "5–6 December 2017"),
            ("en", (2017, 12, 5), (2017, 12, 6), "December 5–6, 2017"),
            (
                "en",
                (2017, 11, 30),
                (2017, 12, 1),
                "November 30 – December 1, 2017",
            ),
            (
                "en-GB",
                (2017, 12, 30),
                (2018, 1, 2),
                "30 December 2017 – 2 January 2018",
            ),
            (
                "fr",
                (2017, 12, 5),
                (2017, 12, 6),
                "du 5 au 6 décembre 2017",
            ),
            (
                "fr",
                (2017, 11, 30),
                (2017, 12, 1),
                "du 30 novembre au 1er décembre 2017",
            ),
            ("de", (2017, 12, 5), (2017, 12, 6), "5.–6. Dezember 2017"),
            (
                "de",
                (2017, 11, 30),
                (2017, 12, 1),
                "30. November – 1. Dezember 2017",
            ),
            ("ja", (2017, 12, 5), (2017, 12, 6), "2017年12月5日～6日"),
            (
                "ja",
                (2017, 11, 30),
                (2017, 12, 1),
                "2017年11月30日～12月1日",
            ),
            (
                "zh-Hans",
                (2017, 12, 5),
                (2017, 12, 6),
                "2017年12月5日至6日",
            ),
        ];
        for (tag, a, b, want) in cases {
            let l = Locale::for_tag(tag);
            let got = l.date_range(date(a.0, a.1, a.2), date(b.0, b.1, b.2));
            assert_eq!(got, want, "{tag}");
        }
        let one = Locale::for_tag("de").date_range(date(2017, 12, 5), date(2017, 12, 5));
        assert_eq!(one, "Dienstag, 5. Dezember 2017");
    }

    #[test]
    fn the_kiosk_script_gets_the_same_durations() {
        // The templates, filled as signage.js fills them, give back every span agora writes.
        for tag in ["en", "fr", "de", "pl", "ar", "ja", "he"] {
            let l = Locale::for_tag(tag);
            let table: serde_json::Value = serde_json::from_str(&l.span_table()).unwrap();
            let t = |i: &serde_json::Value| {
                table["t"][i.as_u64().unwrap() as usize]
                    .as_str()
                    .unwrap()
                    .to_string()
            };
            let fill = |t: String, d: i64, h: i64, m: i64| {
                t.replace("{mm}", &format!("{m:02}"))
                    .replace("{d}", &d.to_string())
                    .replace("{h}", &h.to_string())
                    .replace("{m}", &m.to_string())
            };
            for m in 0..24 * 60 {
                let got = fill(
                    t(&table["m"][m as usize]),
                    0,
                    m / 60,
                    if m < 60 { m } else { m % 60 },
                );
                assert_eq!(got, l.span(m), "{tag} {m}");
            }
            for d in 1..=14 {
                for h in 0..24 {
                    let got = fill(t(&table["d"][((d - 1) * 24 + h) as usize]), d, h, 0);
                    assert_eq!(got, l.span(d * 1440 + h * 60), "{tag} {d} {h}");
                }
            }
            // A handful of templates, not one per minute.
            assert!(table["t"].as_array().unwrap().len() < 40, "{tag}: {table}");
        }
    }

    #[test]
    fn clocks_follow_the_language() {
        let t = NaiveTime::from_hms_opt(14, 5, 0).unwrap();
        assert_eq!(Locale::for_tag("fr").time(t), "14:05");
        assert_eq!(Locale::for_tag("de").time(t), "14:05");
        assert_eq!(Locale::for_tag("en").time(t), "2:05\u{202f}PM");
        assert_eq!(Locale::for_tag("en-GB").time(t), "14:05");
        assert_eq!(Locale::for_tag("en-u-hc-h23").time(t), "14:05");
    }

    #[test]
    fn tags_fall_back_along_their_chain() {
        assert_eq!(Locale::for_tag("fr-CA").labels().speakers, "Intervenants");
        assert_eq!(Locale::for_tag("fr-CA").catalogue_tag(), "fr");
        assert_eq!(Locale::for_tag("zh-CN").catalogue_tag(), "zh-Hans");
        // No catalogue, and no CLDR data: English words and dates, its own tag kept.
        let unknown = Locale::for_tag("qaa");
        assert_eq!(unknown.tag, "qaa");
        assert_eq!(unknown.labels().speakers, "Speakers");
        assert_eq!(
            unknown.long_date(date(2017, 12, 5)),
            "Tuesday, December 5, 2017"
        );
        // CLDR data without a catalogue: its own dates, English words.
        let sv = Locale::for_tag("sv");
        assert_eq!(sv.labels().speakers, "Speakers");
        assert_eq!(sv.long_date(date(2017, 12, 5)), "tisdag 5 december 2017");
        let bad = Locale::for_tag("\"><script>");
        assert_eq!(bad.tag, "en");
        assert_eq!(Locale::for_tag("ar").dir, Direction::Rtl);
        assert_eq!(Locale::for_tag("fr").dir, Direction::Ltr);
    }
}
