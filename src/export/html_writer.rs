//! The built-in HTML agenda written directly from the view: the same bytes as
//! `templates/agenda.html` rendered by the template engine (a test renders both and compares
//! them), without the engine's cost at 100,000 sessions. With `--template FILE` the engine
//! renders the organiser's template as before; the built-in template stays the documented
//! starting point, and this writer is its fast twin.
//!
//! Each function below is one macro or block of the template, in its order; whitespace follows
//! the engine's settings (`trim_blocks`, `lstrip_blocks`: a line holding only a block tag
//! writes nothing, a newline after a block tag is dropped). Values are escaped with the
//! template path's own function ([`template::html_escape`]); `| safe` values are written as
//! they are.

use crate::export::locale::Labels;
use crate::export::template;
use crate::export::view::{
    DayView, GridView, Maker, PersonLine, SessionView, SlotView, SpeakerIndex, SpeakerLine,
    TrackView, View, SPEAKERS_ON_ONE_CORE,
};

/// The included stylesheets and script, as the template's `{% include %}` writes them.
const CSS: &str = template::CSS;
const WEB_CSS: &str = template::WEB_CSS;
const WEB_JS: &str = template::WEB_JS;

/// The page for `view` (a [`frame`](crate::export::view::frame), whose sessions `maker` makes a day at a time), as
/// the built-in template writes it. `sessions` sizes the output.
pub(crate) fn write(view: &View, maker: Maker, sessions: usize) -> String {
    let mut w = Writer {
        out: String::with_capacity(64 * 1024 + sessions * 1600),
        labels: view.labels,
        maker,
        give: Kept,
        given: 0,
        helper: None,
    };
    w.page(view);
    w.out
}

/// How many sessions' views are made at once (each about 2 KB).
const VIEWS_AT_ONCE: usize = 1024;

/// How much of a page [`write_in_pieces`] holds before it gives it on.
pub(crate) const PIECE_BYTES: usize = 1 << 20;

/// [`write`], the page given to `give` a piece of about [`PIECE_BYTES`] at a time as it is
/// written (a big program's page is never held whole); the last piece is returned, with the
/// length of the whole page. Once `give` says no (by returning false), the rest is written
/// and dropped.
pub(crate) fn write_in_pieces(
    view: &View,
    maker: Maker,
    give: &mut dyn FnMut(String) -> bool,
) -> (String, usize) {
    let mut w = Writer {
        out: String::with_capacity(PIECE_BYTES + 64 * 1024),
        labels: view.labels,
        maker,
        give: Some(give),
        given: 0,
        helper: None,
    };
    w.page(view);
    let len = w.given + w.out.len();
    (w.out, len)
}

/// A template value is printed when it is set; these say whether it counts as true
/// (`{% if x %}`): a string when it is not empty.
fn set<T: AsRef<str>>(value: &Option<T>) -> bool {
    filled(value.as_ref().map(AsRef::as_ref)).is_some()
}

/// The text, when it counts as true in a template (set and not empty).
fn filled(value: Option<&str>) -> Option<&str> {
    value.filter(|v| !v.is_empty())
}

struct Writer<'v, 'p, G> {
    out: String,
    labels: &'static Labels,
    maker: Maker<'v, 'p>,
    /// Where the page goes a piece at a time ([`write_in_pieces`]), or [`Kept`] whole.
    give: G,
    /// How many bytes were given so far.
    given: usize,
    /// The writer that makes half of each big day's cards on another core, with its own
    /// maker (made on first need, then kept with what its maker remembers).
    helper: Option<Box<Writer<'v, 'p, Kept>>>,
}

/// Where a page being written goes: a piece at a time, or kept whole.
trait Give {
    /// Give `piece` on; false once the receiver wants no more.
    fn give(&mut self, piece: String) -> bool;
    /// Whether pieces are given at all.
    fn gives(&self) -> bool;
}

/// A page (or a helper's cards) kept whole in the writer.
struct Kept;

impl Give for Kept {
    fn give(&mut self, _: String) -> bool {
        false
    }
    fn gives(&self) -> bool {
        false
    }
}

/// Given a piece at a time, until the receiver says no.
impl Give for Option<&mut dyn FnMut(String) -> bool> {
    fn give(&mut self, piece: String) -> bool {
        let taken = self.as_mut().is_some_and(|give| give(piece));
        if !taken {
            *self = None;
        }
        taken
    }
    fn gives(&self) -> bool {
        self.is_some()
    }
}

/// The fewest cards worth a thread: a day's batch of views is split in two from twice this.
const CARDS_PER_CORE: usize = 128;

impl<G: Give> Writer<'_, '_, G> {
    /// Give what is written so far on, once it is a piece's worth.
    fn spill(&mut self) {
        if self.out.len() < PIECE_BYTES || !self.give.gives() {
            return;
        }
        self.given += self.out.len();
        let piece = std::mem::replace(
            &mut self.out,
            String::with_capacity(PIECE_BYTES + 64 * 1024),
        );
        self.give.give(piece);
    }

    /// The sessions `range` of `day`: their views made and their cards written.
    fn cards(&mut self, view: &View, day: &DayView, range: std::ops::Range<usize>) {
        for (session, place) in self.maker.day_sessions(day, range) {
            if let Some(slot) = place.opens() {
                self.slot_start(slot);
            }
            self.card(view, &session, place.grid());
            self.raw("\n");
            self.spill();
        }
    }

    /// Template text, as it is.
    fn raw(&mut self, text: &str) {
        self.out.push_str(text);
    }

    /// `{{ value }}`: escaped for HTML.
    fn esc(&mut self, text: &str) {
        template::html_escape(text, &mut self.out);
    }

    /// `{{ value }}` of an optional value: nothing when it is none.
    fn opt<T: AsRef<str>>(&mut self, text: &Option<T>) {
        if let Some(t) = text {
            self.esc(t.as_ref());
        }
    }

    fn num(&mut self, n: usize) {
        use std::fmt::Write as _;
        let _ = write!(self.out, "{n}");
    }

    /// `{{ people(list, label) }}` (the macro's output; the call's newline is the caller's).
    fn people(&mut self, list: &[PersonLine], label: &str) {
        if list.is_empty() {
            return;
        }
        let l = self.labels;
        self.raw("<p class=\"people\"><span class=\"label\">");
        self.esc(label);
        self.esc(l.colon);
        self.raw("</span>");
        for (i, p) in list.iter().enumerate() {
            self.raw("<a href=\"#p-");
            self.esc(p.id);
            self.raw("\"><bdi>");
            self.esc(&p.name);
            self.raw("</bdi></a>");
            if i + 1 < list.len() {
                self.esc(l.list_separator);
            }
        }
        self.raw("</p>\n");
    }

    /// `{{ room_facts(s) }}`.
    fn room_facts(&mut self, s: &SessionView) {
        let Some(room) = &s.room else { return };
        self.raw("<p class=\"room-facts\">");
        if set(&room.location) {
            self.raw("<span class=\"location\"><bdi>");
            self.opt(&room.location);
            self.raw("</bdi></span> ");
        }
        if room.accessible {
            self.raw("<span class=\"access\" role=\"img\" aria-label=\"");
            self.esc(room.access);
            self.raw("\">♿</span>");
        } else {
            self.raw("<span class=\"access no-access\">");
            self.esc(room.access);
            self.raw("</span>");
        }
        self.raw("</p>\n");
    }

    /// `{{ host(h) }}`.
    fn host(&mut self, h: Option<&str>) {
        if let Some(h) = h.filter(|h| !h.is_empty()) {
            self.raw(" <span class=\"host\">(");
            self.esc(h);
            self.raw(")</span>");
        }
    }

    /// A room's or a track's name, linking to its page when it has one (`hidden` says what the
    /// link leads to, for screen readers).
    fn named_page(&mut self, page: &Option<String>, name: &str, hidden: &str) {
        if set(page) {
            self.raw("<a href=\"");
            self.opt(page);
            self.raw("\"><bdi>");
            self.esc(name);
            self.raw("</bdi><span class=\"visually-hidden\"> — ");
            self.esc(hidden);
            self.raw("</span></a>");
        } else {
            self.raw("<bdi>");
            self.esc(name);
            self.raw("</bdi>");
        }
    }

    /// A person's or a session's link: `label`, then the host it leads to.
    fn link(&mut self, url: Option<&str>, host: Option<&str>, label: &str) {
        self.raw("<a href=\"");
        self.esc(url.unwrap_or_default());
        self.raw("\" rel=\"noopener noreferrer\">");
        self.esc(label);
        self.raw("</a>");
        self.host(host);
    }

    /// An address that is not a link, shown as text to copy: "Link: `address`".
    fn url_as_text(&mut self, text: Option<&str>, l: &Labels) {
        self.esc(l.link);
        self.esc(l.colon);
        self.raw("<code>");
        self.esc(text.unwrap_or_default());
        self.raw("</code>");
    }

    /// `{{ subscribe() }}`.
    fn subscribe(&mut self, view: &View) {
        let Some(ics) = view.ics.as_deref().filter(|i| !i.is_empty()) else {
            return;
        };
        let l = self.labels;
        self.raw("<div class=\"subscribe\">\n<p><a href=\"");
        match &view.public {
            Some(p) => self.esc(&p.ics),
            None => self.esc(ics),
        }
        self.raw("\" download>");
        self.esc(&view.ics_label);
        self.raw("</a>");
        if let Some(p) = &view.public {
            self.raw(" · <a href=\"");
            self.esc(&p.webcal);
            self.raw("\">");
            self.esc(l.subscribe);
            self.raw("</a>");
        }
        self.raw("</p>\n");
        if let Some(p) = view.public.as_ref().filter(|p| set(&p.program_page)) {
            self.raw("<p class=\"whole-program\"><a href=\"");
            self.opt(&p.program_page);
            self.raw("\">");
            self.esc(l.whole_program_page);
            self.raw("</a> · <a href=\"");
            self.opt(&p.program_ics);
            self.raw("\" download>");
            self.esc(l.whole_program_ics);
            self.raw("</a> · <a href=\"");
            self.opt(&p.program_webcal);
            self.raw("\">");
            self.esc(l.subscribe);
            self.raw("</a></p>\n");
        }
        self.raw("</div>\n");
        if let Some(p) = &view.public {
            self.raw("<div class=\"qr\">\n<figure>");
            self.raw(&p.qr_page);
            self.raw("<figcaption>");
            self.esc(l.qr_agenda);
            self.raw("<br><a href=\"");
            self.esc(&p.page);
            self.raw("\">");
            self.esc(&p.page);
            self.raw("</a></figcaption></figure>\n<figure>");
            self.raw(&p.qr_webcal);
            self.raw("<figcaption>");
            self.esc(l.qr_calendar);
            self.raw("<br><a href=\"");
            self.esc(&p.webcal);
            self.raw("\">");
            self.esc(&p.webcal);
            self.raw("</a></figcaption></figure>\n</div>\n");
        }
    }

    /// `{{ track_descriptions() }}`.
    fn track_descriptions(&mut self, tracks: &[TrackView]) {
        if !tracks.iter().any(|t| set(&t.description_html)) {
            return;
        }
        self.raw("<details class=\"track-descriptions\">\n<summary>");
        self.esc(self.labels.details);
        self.raw("</summary>\n<dl>\n");
        for t in tracks.iter().filter(|t| set(&t.description_html)) {
            self.raw("<dt style=\"--track: ");
            self.esc(&t.color);
            self.raw("\"><span class=\"swatch\"></span><bdi>");
            self.esc(&t.name);
            self.raw("</bdi></dt>\n<dd class=\"rich\">");
            if let Some(d) = &t.description_html {
                self.raw(d);
            }
            self.raw("</dd>\n");
        }
        self.raw("</dl>\n</details>\n");
    }

    /// `{{ speaker(p) }}`.
    /// The speakers' index: each person's line written from the agenda (no view made for
    /// the built-in page), a big page's in pieces on every core.
    fn speakers(&mut self, index: &SpeakerIndex) {
        let (maker, labels) = (&self.maker, self.labels);
        let pieces =
            crate::parallel::write_in_pieces(&index.people, SPEAKERS_ON_ONE_CORE, |part, out| {
                let mut w = Writer {
                    out: std::mem::take(out),
                    labels,
                    maker: maker.fork(),
                    give: Kept,
                    given: 0,
                    helper: None,
                };
                for &p in part {
                    w.speaker(&maker.speaker_line(p), index.entries(p));
                }
                *out = w.out;
            });
        for piece in pieces {
            self.raw(&piece);
            self.spill();
        }
    }

    /// A person of the speakers' index with their sessions (`entries`).
    fn speaker(&mut self, p: &SpeakerLine, entries: &[usize]) {
        let l = self.labels;
        self.raw("<li id=\"p-");
        self.esc(p.person.id);
        self.raw("\"><strong><bdi>");
        self.esc(&p.person.name);
        self.raw("</bdi></strong>");
        if let Some(roles) = filled(p.person.roles.as_deref()) {
            self.raw(", <bdi>");
            self.esc(roles);
            self.raw("</bdi>");
        }
        if filled(p.url).is_some() {
            self.raw("· ");
            self.link(p.url, p.url_host.as_deref(), l.link);
            self.raw("\n");
        } else if filled(p.url_text).is_some() {
            self.raw("· <span class=\"url-text\">");
            self.url_as_text(p.url_text, l);
            self.raw("</span>\n");
        }
        if let Some(bio) = filled(p.bio.0.as_deref()) {
            self.raw("<div class=\"bio rich\">");
            self.raw(bio);
            self.raw("</div>\n");
        }
        self.raw("<ul>\n");
        for &i in entries {
            let s = self.maker.speaker_session_line(i);
            self.raw("<li><a href=\"#s-");
            self.esc(s.key);
            self.raw("\">");
            if s.cancelled {
                self.raw("<del>");
            }
            self.raw("<bdi>");
            self.esc(&s.title);
            self.raw("</bdi>");
            if s.cancelled {
                self.raw("</del>");
            }
            self.raw("</a>");
            if s.cancelled {
                self.raw(" (");
                self.esc(l.cancelled);
                self.raw(")");
            }
            if let Some(when) = filled(s.when.as_deref()) {
                self.raw(" — ");
                self.esc(when);
            }
            if let Some(place) = filled(s.place) {
                self.raw(" · <bdi>");
                self.esc(place);
                self.raw("</bdi>");
            }
            self.raw("</li>\n");
        }
        self.raw("</ul>\n</li>\n");
    }

    /// `{{ card(s) }}`, with the session's `grid` and `opens` (its day's, or its own).
    fn card(&mut self, view: &View, s: &SessionView, grid: Option<&GridView>) {
        let l = self.labels;
        self.raw("<article class=\"session kind-");
        self.esc(s.kind);
        if s.cancelled {
            self.raw(" cancelled");
        }
        if s.tentative {
            self.raw(" tentative");
        }
        self.raw("\" id=\"");
        self.esc(&s.anchor);
        self.raw("\" style=\"");
        if let Some(g) = grid {
            self.raw("grid-row: ");
            self.num(g.row_start);
            self.raw(" / ");
            self.num(g.row_end);
            self.raw("; grid-column: ");
            self.num(g.col_start);
            self.raw(" / ");
            self.num(g.col_end);
            self.raw(";");
        }
        if let Some(t) = &s.track {
            self.raw(" --track: ");
            self.esc(&t.color);
            self.raw("; --track-dark: ");
            self.esc(&t.color_dark);
            self.raw(";");
        }
        self.raw("\" data-kind=\"");
        self.esc(s.kind);
        self.raw("\"");
        if set(&s.date) {
            self.raw(" data-day=\"");
            self.opt(&s.date);
            self.raw("\" data-start=\"");
            self.opt(&s.start_iso);
            self.raw("\" data-end=\"");
            self.opt(&s.end_iso);
            self.raw("\"");
        }
        if let Some(r) = &s.room {
            self.raw(" data-room=\"");
            self.esc(&r.id);
            self.raw("\"");
        }
        if let Some(t) = &s.track {
            self.raw(" data-track=\"");
            self.esc(&t.id);
            self.raw("\"");
        }
        self.raw(" data-lang=\"");
        match s.language.as_deref().filter(|l| !l.is_empty()) {
            Some(lang) => self.esc(lang),
            None => self.esc(&view.event.language),
        }
        self.raw("\">\n");
        if set(&s.time) || set(&s.place) {
            self.raw("<p class=\"when\">");
            if set(&s.time) {
                self.raw("<time datetime=\"");
                self.opt(&s.start_iso);
                self.raw("\">");
                self.opt(&s.time);
                self.raw("</time>");
            }
            if set(&s.place) {
                self.raw("<span class=\"where\"> · <bdi>");
                self.opt(&s.place);
                self.raw("</bdi></span>");
            }
            self.raw("</p>\n");
        }
        self.room_facts(s);
        self.raw("<h3>");
        if s.cancelled {
            self.raw("<del>");
        }
        self.raw("<bdi>");
        self.esc(&s.title);
        self.raw("</bdi>");
        if s.cancelled {
            self.raw("</del>");
        }
        self.raw("</h3>\n");
        if let Some(status) = s.status_label.filter(|t| !t.is_empty()) {
            self.raw("<p class=\"status\">");
            self.esc(status);
            self.raw("</p>\n");
        }
        if let Some(change) = s.change.filter(|t| !t.is_empty()) {
            self.raw("<p class=\"change change-");
            self.esc(change);
            self.raw("\"><span aria-hidden=\"true\">");
            if let Some(g) = s.change_glyph {
                self.esc(g);
            }
            self.raw(" </span>");
            if let Some(label) = s.change_label {
                self.esc(label);
            }
            self.raw("</p>\n");
        }
        if !s.is_break {
            self.raw("<p class=\"tags\">");
            self.esc(s.kind_label);
            if s.plenary && s.kind != "keynote" {
                self.raw(" · ");
                self.esc(l.plenary);
            }
            self.raw("</p>\n");
        }
        if set(&s.languages_line) {
            self.raw("<p class=\"languages\">");
            self.opt(&s.languages_line);
            self.raw("</p>\n");
        }
        if let Some(t) = &s.track {
            self.raw("<p class=\"track\"><span class=\"swatch\"></span>");
            if set(&t.page) {
                self.raw("<a href=\"");
                self.opt(&t.page);
                self.raw("\"><bdi>");
                self.esc(&t.name);
                self.raw("</bdi></a>");
            } else {
                self.raw("<bdi>");
                self.esc(&t.name);
                self.raw("</bdi>");
            }
            self.raw("</p>\n");
        }
        let lines = |ids: &[usize]| -> Vec<PersonLine> {
            ids.iter().map(|&p| self.maker.person_line(p)).collect()
        };
        let (speakers, moderators) = (lines(&s.speaker_ids), lines(&s.moderator_ids));
        self.people(&speakers, l.speakers);
        self.raw("\n");
        self.people(&moderators, l.moderators);
        self.raw("\n");
        let with_roles = || {
            speakers
                .iter()
                .chain(moderators.iter())
                .filter(|p| filled(p.roles.as_deref()).is_some())
        };
        let roles = with_roles().next().is_some();
        if s.described || !s.tags.is_empty() || roles {
            self.raw("<details>\n<summary>");
            self.esc(l.details);
            self.raw("</summary>\n");
            if roles {
                self.raw("<ul class=\"roles\">\n");
                for p in with_roles() {
                    self.raw("<li><bdi>");
                    self.esc(&p.name);
                    self.raw("</bdi> — <bdi>");
                    self.opt(&p.roles);
                    self.raw("</bdi></li>\n");
                }
                self.raw("</ul>\n");
            }
            if s.described {
                self.raw("<div class=\"description rich\">");
                if let Some(d) = &s.description_html {
                    self.raw(d);
                }
                self.raw("</div>\n");
            }
            if !s.tags.is_empty() {
                self.raw("<p>");
                self.esc(l.tags);
                self.esc(l.colon);
                for (i, tag) in s.tags.iter().enumerate() {
                    if i > 0 {
                        self.esc(l.list_separator);
                    }
                    self.esc(tag);
                }
                self.raw("</p>\n");
            }
            self.raw("</details>\n");
        }
        if set(&s.url) {
            self.raw("<p class=\"url\">");
            self.link(s.url.as_deref(), s.url_host.as_deref(), l.link);
            self.raw("</p>\n");
        } else if set(&s.url_text) {
            self.raw("<p class=\"url-text\">");
            self.url_as_text(s.url_text.as_deref(), l);
            self.raw("</p>\n");
        }
        if set(&s.ics) && !s.is_break && !s.cancelled {
            self.raw("<p class=\"ics\"><a href=\"");
            self.opt(&s.ics);
            self.raw("\" download>");
            self.esc(l.add_to_calendar);
            self.raw("<span class=\"visually-hidden\"> — ");
            self.esc(&s.title);
            self.raw("</span></a></p>\n");
        }
        self.raw("</article>\n");
    }

    /// The `<select>` of one filter: `{% if list | length > 1 %}`.
    fn filter<'a>(
        &mut self,
        id: &str,
        label: &str,
        options: impl ExactSizeIterator<Item = (&'a str, &'a str)>,
    ) {
        if options.len() <= 1 {
            return;
        }
        self.raw("<p class=\"field\"><label for=\"f-");
        self.raw(id);
        self.raw("\">");
        self.esc(label);
        self.raw("</label><select id=\"f-");
        self.raw(id);
        self.raw("\" data-filter=\"");
        self.raw(id);
        self.raw("\"><option value=\"\">");
        self.esc(self.labels.all);
        self.raw("</option>");
        for (value, name) in options {
            self.raw("<option value=\"");
            self.esc(value);
            self.raw("\">");
            self.esc(name);
            self.raw("</option>");
        }
        self.raw("</select></p>\n");
    }

    /// The label of the time slot a session opens, in the grid's time column.
    fn slot_start(&mut self, slot: &SlotView) {
        self.raw("<div class=\"slot\" id=\"");
        self.esc(&slot.anchor);
        self.raw("\" style=\"grid-row: ");
        self.slot_time(slot);
    }

    fn slot_end(&mut self, slot: &SlotView) {
        self.raw("<div class=\"slot slot-end\" style=\"grid-row: ");
        self.slot_time(slot);
    }

    /// The rest of a slot's label, from its row on: the same for a start and an end.
    fn slot_time(&mut self, slot: &SlotView) {
        self.num(slot.row);
        self.raw("; grid-column: 1\"><time datetime=\"");
        self.esc(&slot.iso);
        self.raw("\">");
        self.esc(&slot.label);
        self.raw("</time></div>\n");
    }

    fn day(&mut self, view: &View, day: &DayView) {
        let l = self.labels;
        self.raw("<section class=\"day\" id=\"");
        self.esc(&day.anchor);
        self.raw("\" aria-labelledby=\"");
        self.esc(&day.anchor);
        self.raw("-title\">\n<h2 id=\"");
        self.esc(&day.anchor);
        self.raw("-title\">");
        self.esc(&day.title);
        self.raw("</h2>\n");
        if day.entries.is_empty() {
            self.raw("<p>");
            self.esc(l.no_sessions);
            self.raw("</p>\n</section>\n");
            return;
        }
        self.raw("<nav class=\"jumps\" aria-label=\"");
        self.esc(l.jump_to_time);
        self.raw(", ");
        self.esc(&day.long);
        self.raw("\">\n<ul>\n");
        for slot in day.slots.iter().filter(|s| s.starts) {
            self.raw("<li><a href=\"#");
            self.esc(&slot.anchor);
            self.raw("\">");
            self.esc(&slot.label);
            self.raw("</a></li>");
        }
        self.raw(
            "\n</ul>\n</nav>\n<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"",
        );
        self.esc(&day.title);
        self.raw("\">\n<div class=\"grid\" style=\"--cols: ");
        self.num(day.column_count);
        self.raw("\">\n<div class=\"corner\" style=\"grid-row: 1; grid-column: 1\"></div>\n");
        for c in &day.columns {
            self.raw("<div class=\"room-head\" style=\"grid-row: 1; grid-column: ");
            self.num(c.col_start);
            self.raw(" / ");
            self.num(c.col_end);
            self.raw("\">");
            self.named_page(&c.page, &c.name, l.room_page);
            if set(&c.location) {
                self.raw("<small>");
                self.opt(&c.location);
                self.raw("</small>");
            }
            self.raw("</div>\n");
        }
        for slot in day.slots.iter().filter(|s| !s.starts) {
            self.slot_end(slot);
        }
        // The day's views, made a thousand at a time and dropped after; the second half of
        // each thousand by the helper on another core, its cards written after this half's.
        let count = day.entries.len();
        for from in (0..count).step_by(VIEWS_AT_ONCE) {
            let end = (from + VIEWS_AT_ONCE).min(count);
            if crate::parallel::pieces(end - from, CARDS_PER_CORE) < 2 {
                self.cards(view, day, from..end);
                continue;
            }
            let mid = from + (end - from) / 2;
            let mut helper = match self.helper.take() {
                Some(helper) => helper,
                None => Box::new(Writer {
                    out: String::new(),
                    labels: self.labels,
                    maker: self.maker.fork(),
                    give: Kept,
                    given: 0,
                    helper: None,
                }),
            };
            std::thread::scope(|scope| {
                let other = scope.spawn(|| helper.cards(view, day, mid..end));
                self.cards(view, day, from..mid);
                // A bug in the helper is the same bug here: it stops the export alike.
                other
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            });
            self.out.push_str(&helper.out);
            helper.out.clear();
            self.helper = Some(helper);
            self.spill();
        }
        self.raw("</div>\n</div>\n</section>\n");
    }

    /// The page after the macros.
    fn page(&mut self, view: &View) {
        let l = self.labels;
        let e = &view.event;
        self.raw("<!DOCTYPE html>\n<html lang=\"");
        self.esc(&view.lang);
        self.raw("\" dir=\"");
        self.esc(view.dir);
        self.raw("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"color-scheme\" content=\"light dark\">\n<meta name=\"generator\" content=\"");
        self.esc(view.generator);
        self.raw("\">\n<title>");
        self.esc(&view.title);
        self.raw("</title>\n<style>\n");
        self.raw(CSS);
        self.raw(WEB_CSS);
        self.raw(".visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }\n</style>\n</head>\n<body>\n<a class=\"skip\" href=\"#programme\">");
        self.esc(l.skip_to_content);
        self.raw("</a>\n<header class=\"masthead\">\n<h1><bdi>");
        self.esc(&e.name);
        self.raw("</bdi></h1>\n");
        if let Some(subject) = &view.subject {
            self.raw("<p class=\"subject\"><bdi>");
            self.esc(&subject.name);
            self.raw("</bdi></p>\n");
            self.subscribe(view);
        }
        self.raw("<p class=\"meta\">");
        self.esc(&e.dates);
        if set(&e.venue) {
            self.raw(" · <bdi>");
            self.opt(&e.venue);
            self.raw("</bdi>");
        }
        self.raw("</p>\n");
        if set(&e.description) && view.subject.is_none() {
            self.raw("<div class=\"intro rich\">");
            if let Some(d) = &e.description_html {
                self.raw(d);
            }
            self.raw("</div>\n");
        }
        if set(&e.url) {
            self.raw("<p><a href=\"");
            self.opt(&e.url);
            self.raw("\" rel=\"noopener noreferrer\">");
            self.opt(&e.url);
            self.raw("</a></p>\n");
        } else if set(&e.url_text) {
            self.raw("<p class=\"url-text\"><code>");
            self.opt(&e.url_text);
            self.raw("</code></p>\n");
        }
        if !e.language_names.is_empty() {
            self.raw("<p class=\"languages\">");
            self.esc(l.languages);
            self.esc(l.colon);
            self.esc(&e.language_names);
            self.raw("</p>\n");
        }
        self.raw("<p class=\"note\">");
        self.esc(&view.times_note);
        self.raw("</p>\n");
        if view.subject.is_none() {
            self.subscribe(view);
        }
        if set(&view.changes) {
            self.raw("<p class=\"changes-link\"><a href=\"");
            self.opt(&view.changes);
            self.raw("\">");
            self.esc(l.changes);
            self.raw("</a></p>\n");
        }
        if set(&view.web.home) {
            self.raw("<p class=\"home\"><a href=\"");
            self.opt(&view.web.home);
            self.raw("\">");
            self.esc(l.whole_program_page);
            self.raw("</a></p>\n");
        }
        self.raw("<nav class=\"days\" aria-label=\"");
        self.esc(l.days);
        self.raw("\">\n<ul>\n");
        for day in &view.days {
            self.raw("<li><a href=\"#");
            self.esc(&day.anchor);
            self.raw("\">");
            self.esc(&day.title);
            self.raw("</a></li>\n");
        }
        if !view.unscheduled.is_empty() {
            self.raw("<li><a href=\"#unscheduled\">");
            self.esc(l.unscheduled);
            self.raw("</a></li>\n");
        }
        if !view.speaker_index.people.is_empty() {
            self.raw("<li><a href=\"#speakers\">");
            self.esc(l.speakers_index);
            self.raw("</a></li>\n");
        }
        self.raw("</ul>\n</nav>\n");
        if !view.tracks.is_empty() {
            self.raw("<section class=\"legend\" aria-labelledby=\"legend-title\">\n<h2 id=\"legend-title\">");
            self.esc(l.legend);
            self.raw("</h2>\n<ul>\n");
            for t in &view.tracks {
                self.raw("<li style=\"--track: ");
                self.esc(&t.color);
                self.raw("; --track-dark: ");
                self.esc(&t.color_dark);
                self.raw("\"><span class=\"swatch\"></span>");
                self.named_page(&t.page, &t.name, l.track_page);
                self.raw("</li>\n");
            }
            self.raw("</ul>\n");
            self.track_descriptions(&view.tracks);
            self.raw("</section>\n");
        }
        if !view.days.is_empty() {
            self.tools(view);
        }
        self.raw("</header>\n<main id=\"programme\">\n");
        for day in &view.days {
            self.day(view, day);
        }
        if !view.unscheduled.is_empty() {
            self.raw("<section class=\"day\" id=\"unscheduled\" aria-labelledby=\"unscheduled-title\">\n<h2 id=\"unscheduled-title\">");
            self.esc(l.unscheduled);
            self.raw("</h2>\n<div class=\"list\">\n");
            for s in &view.unscheduled {
                self.card(view, s, s.grid.as_ref());
                self.raw("\n");
                self.spill();
            }
            self.raw("</div>\n</section>\n");
        }
        if !view.speaker_index.people.is_empty() {
            self.raw("<section class=\"speakers\" id=\"speakers\" aria-labelledby=\"speakers-title\">\n<h2 id=\"speakers-title\">");
            self.esc(l.speakers_index);
            self.raw("</h2>\n<ul>\n");
            self.speakers(&view.speaker_index);
            self.raw("</ul>\n</section>\n");
        }
        self.raw("</main>\n<footer>\n<p>");
        self.esc(l.published_with);
        self.raw("</p>\n</footer>\n");
        if !view.days.is_empty() {
            self.raw("<script>\n");
            self.raw(WEB_JS);
            self.raw("</script>\n");
        }
        self.raw("</body>\n</html>\n");
    }

    /// The search and filters (`{% if days %}` in the header).
    fn tools(&mut self, view: &View) {
        let l = self.labels;
        let e = &view.event;
        self.raw("<p class=\"view-options\"><input type=\"checkbox\" id=\"condensed\"><label for=\"condensed\">");
        self.esc(l.condensed);
        self.raw(
            "</label></p>\n<form id=\"tools\" class=\"tools\" role=\"search\" hidden data-event=\"",
        );
        self.esc(&e.id);
        self.raw("\" data-tz=\"");
        self.esc(&view.web.timezone);
        self.raw("\" data-lang=\"");
        self.esc(&view.lang);
        self.raw("\" data-now=\"");
        self.esc(view.web.now);
        self.raw("\" data-next=\"");
        self.esc(view.web.next);
        self.raw("\" data-favourite=\"");
        self.esc(l.favourite);
        self.raw("\">\n<p class=\"field search\"><label for=\"q\">");
        self.esc(l.search);
        self.raw("</label><input type=\"search\" id=\"q\" name=\"q\" placeholder=\"");
        self.esc(l.search_hint);
        self.raw("\" autocomplete=\"off\"></p>\n<details class=\"filters\">\n<summary>");
        self.esc(l.filters);
        self.raw("</summary>\n<div class=\"filter-fields\">\n");
        self.filter(
            "day",
            l.day,
            view.days
                .iter()
                .map(|d| (d.date.as_str(), d.title.as_str())),
        );
        self.filter(
            "track",
            l.track,
            view.tracks.iter().map(|t| (t.id.as_str(), t.name.as_str())),
        );
        self.filter(
            "room",
            l.room,
            view.web
                .rooms
                .iter()
                .map(|r| (r.id.as_str(), r.name.as_str())),
        );
        self.filter(
            "kind",
            l.kind,
            view.web.kinds.iter().map(|k| (k.id, k.label)),
        );
        self.filter(
            "lang",
            l.language,
            view.web
                .languages
                .iter()
                .map(|g| (g.tag.as_str(), g.name.as_str())),
        );
        self.raw(
            "<p class=\"field check\"><input type=\"checkbox\" id=\"mine\"><label for=\"mine\">",
        );
        self.esc(l.my_agenda);
        self.raw("</label></p>\n<p class=\"field check\" id=\"tz-option\" hidden><input type=\"checkbox\" id=\"my-tz\"><label for=\"my-tz\">");
        self.esc(l.my_time_zone);
        self.raw("</label></p>\n</div>\n</details>\n<p class=\"field\"><a id=\"my-ics\" href=\"#\" download=\"");
        self.esc(&e.id);
        self.raw("-favourites.ics\" hidden>");
        self.esc(l.download_mine);
        self.raw("</a></p>\n<p class=\"no-match\" id=\"no-match\" role=\"status\" hidden>");
        self.esc(l.no_match);
        self.raw("</p>\n</form>\n");
    }
}
