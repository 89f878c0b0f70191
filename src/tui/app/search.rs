//! Search (`/`, `n`, `N`): titles, ids, speakers and rooms, case and accents ignored.

use super::{App, Search};
use crate::text::fold;
use crate::tui::action::View;
use crate::tui::lists::{Heading, Row};

impl App {
    pub(super) fn run_search(&mut self, query: &str) {
        let q = fold(query.trim());
        if q.is_empty() {
            self.search = Search::default();
            return;
        }
        let p = &self.doc.program;
        let matches: Vec<usize> = self
            .derived
            .chronological
            .iter()
            .copied()
            .filter(|&i| {
                let s = &p.sessions[i];
                let facts = &self.derived.facts[i];
                fold(&s.title).contains(&q)
                    || fold(&s.id).contains(&q)
                    || facts
                        .people
                        .iter()
                        .any(|&k| fold(&p.speakers[k].name).contains(&q))
                    || facts
                        .room
                        .is_some_and(|r| fold(&p.rooms[r].name).contains(&q))
            })
            .collect();
        self.search = Search {
            query: query.trim().to_string(),
            matches,
            current: None,
        };
        if self.search.matches.is_empty() {
            self.error(crate::tui::words::format(
                "msg_no_match",
                &[("query", query.trim())],
            ));
            return;
        }
        self.next_match(true);
    }

    pub(super) fn next_match(&mut self, forward: bool) {
        let n = self.search.matches.len();
        if n == 0 {
            self.info(crate::tui::words::word(
                "msg_no_search_searches_titles_speakers_and_rooms",
            ));
            return;
        }
        let next = match (self.search.current, forward) {
            (Some(k), true) => (k + 1) % n,
            (Some(k), false) => (k + n - 1) % n,
            (None, _) => {
                // The first match after the selection, in time order.
                let pos = |i: usize| self.derived.chronological.iter().position(|&c| c == i);
                let here = self.selected.and_then(pos).unwrap_or(0);
                self.search
                    .matches
                    .iter()
                    .position(|&m| pos(m).unwrap_or(0) >= here)
                    .unwrap_or(0)
            }
        };
        self.search.current = Some(next);
        let i = self.search.matches[next];
        if self.view == View::Grid && self.derived.facts[i].slot().is_none() {
            self.show_view(View::Agenda);
        }
        self.reveal(i);
        if self.view == View::Speakers {
            self.reveal_under_matched_person(i);
        }
        let title = self.doc.program.sessions[i].title.clone();
        self.info(crate::tui::words::format(
            "msg_search_match",
            &[
                ("query", &self.search.query),
                ("index", &(next + 1).to_string()),
                ("count", &n.to_string()),
                ("title", &title),
            ],
        ));
    }

    /// In Speakers a session is listed under each of its people: a match found through a
    /// person's name lands under that person, so `d` there acts on the person searched for.
    fn reveal_under_matched_person(&mut self, i: usize) {
        let q = fold(self.search.query.as_str());
        let p = &self.doc.program;
        let Some(person) = self.derived.facts[i]
            .people
            .iter()
            .copied()
            .find(|&k| fold(&p.speakers[k].name).contains(&q))
        else {
            return;
        };
        let Some(li) = App::list_index(View::Speakers) else {
            return;
        };
        let rows = self.rows(View::Speakers);
        let Some(heading) = rows
            .iter()
            .position(|r| *r == Row::Heading(Heading::Speaker(person)))
        else {
            return;
        };
        if let Some(k) = rows[heading..]
            .iter()
            .take_while(|r| !matches!(r, Row::Heading(_)) || **r == rows[heading])
            .position(|r| matches!(r, Row::Session { session, .. } if *session == i))
        {
            self.lists[li].cursor = heading + k;
            self.selected = Some(i);
            self.settle();
        }
    }
}
