//! The scheduled sessions in time order, sorted once and shared by every time rule.
//!
//! Rules that compare sessions within a group (a room, a person, a track) take the group's
//! sessions from [`Groups`], built from the single sorted order by a counting pass: each group
//! is already in start order, so no rule sorts again.

use super::Schedule;
use crate::time::Instant;

/// `(start, end, session)`.
pub(crate) type Slot = (Instant, Instant, usize);

/// Scheduled sessions sorted by start, then end, then index.
pub(crate) struct Timeline {
    pub order: Vec<Slot>,
}

impl Timeline {
    pub fn new(s: &Schedule) -> Timeline {
        let mut order: Vec<Slot> = s
            .sessions
            .iter()
            .enumerate()
            .filter_map(|(i, f)| f.slot().map(|(a, b)| (a, b, i)))
            .collect();
        order.sort_unstable();
        Timeline { order }
    }

    /// The slots grouped by `groups_of(session)`, each group in time order.
    pub fn group<'a, I>(&self, groups: usize, groups_of: impl Fn(usize) -> I) -> Groups
    where
        I: IntoIterator<Item = &'a usize>,
    {
        let mut offsets = vec![0u32; groups + 1];
        for &(_, _, i) in &self.order {
            for &g in groups_of(i) {
                offsets[g + 1] += 1;
            }
        }
        for g in 0..groups {
            offsets[g + 1] += offsets[g];
        }
        let mut next: Vec<u32> = offsets[..groups].to_vec();
        let mut items = vec![(0, 0, 0); offsets[groups] as usize];
        for &slot in &self.order {
            for &g in groups_of(slot.2) {
                items[next[g] as usize] = slot;
                next[g] += 1;
            }
        }
        Groups { offsets, items }
    }
}

/// Slots per group (compressed rows: group `g` is `items[offsets[g]..offsets[g + 1]]`).
pub(crate) struct Groups {
    offsets: Vec<u32>,
    items: Vec<Slot>,
}

impl Groups {
    /// `(group, its slots in time order)` for every non-empty group.
    pub fn iter(&self) -> impl Iterator<Item = (usize, &[Slot])> {
        self.offsets.windows(2).enumerate().filter_map(|(g, w)| {
            let slots = &self.items[w[0] as usize..w[1] as usize];
            (!slots.is_empty()).then_some((g, slots))
        })
    }

    pub fn iter_mut(&mut self) -> impl Iterator<Item = &mut [Slot]> {
        let Groups { offsets, items } = self;
        let mut rest: &mut [Slot] = items;
        offsets.windows(2).map(move |w| {
            let (head, tail) = std::mem::take(&mut rest).split_at_mut((w[1] - w[0]) as usize);
            rest = tail;
            head
        })
    }
}

/// Report every overlapping pair within each group, as `(group, earlier, later, start, end)`
/// of the overlap. Half-open intervals: a session ending when another starts does not overlap.
pub(crate) fn sweep(
    groups: &Groups,
    mut report: impl FnMut(usize, usize, usize, Instant, Instant),
) {
    let mut active: Vec<(Instant, usize)> = Vec::new();
    for (g, slots) in groups.iter() {
        active.clear();
        for &(start, end, session) in slots {
            // Every session still running when this one starts overlaps it.
            active.retain(|&(e, _)| e > start);
            for &(e, other) in &active {
                report(g, other, session, start, e.min(end));
            }
            active.push((end, session));
        }
    }
}
