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

/// Pairs a run of overlapping sessions may give before it is reported as one group.
pub(crate) const GROUP_FROM_PAIRS: u64 = 10;

/// Report the overlapping pairs of each group, but a run of sessions that overlap one another
/// (a connected cluster: the running set never empties) with more than [`GROUP_FROM_PAIRS`]
/// pairs is reported once, as `cluster(group, slots, pairs)`. Sessions for which `keep` is
/// false take part in no pair. Pairs are counted, not listed, so 5,000 sessions in one room at
/// one time cost O(n log n), not 12.5 million findings.
pub(crate) fn sweep_grouped(
    groups: &Groups,
    keep: impl Fn(usize) -> bool,
    mut pair: impl FnMut(usize, usize, usize, Instant, Instant),
    mut cluster: impl FnMut(usize, &[Slot], u64),
) {
    let mut kept: Vec<Slot> = Vec::new();
    let mut ends: std::collections::BinaryHeap<std::cmp::Reverse<Instant>> = Default::default();
    for (g, slots) in groups.iter() {
        kept.clear();
        kept.extend(slots.iter().copied().filter(|s| keep(s.2)));
        let mut from = 0;
        while from < kept.len() {
            // The cluster starting at `from`: until a session starts after all before it end.
            let mut until = from;
            let mut last_end = Instant::MIN;
            let mut pairs: u64 = 0;
            ends.clear();
            while until < kept.len() && (until == from || kept[until].0 < last_end) {
                let (start, end, _) = kept[until];
                while ends.peek().is_some_and(|e| e.0 <= start) {
                    ends.pop();
                }
                pairs += ends.len() as u64;
                ends.push(std::cmp::Reverse(end));
                last_end = last_end.max(end);
                until += 1;
            }
            let run = &kept[from..until];
            if pairs > GROUP_FROM_PAIRS {
                cluster(g, run, pairs);
            } else if pairs > 0 {
                pairs_of(run, |a, b, start, end| {
                    pair(g, a, b, start, end);
                    true
                });
            }
            from = until;
        }
    }
}

/// Every overlapping pair of `slots` (in time order) as `(earlier, later, start, end)` of the
/// overlap, until `report` returns false.
pub(crate) fn pairs_of(
    slots: &[Slot],
    mut report: impl FnMut(usize, usize, Instant, Instant) -> bool,
) {
    let mut active: Vec<(Instant, usize)> = Vec::new();
    for &(start, end, session) in slots {
        active.retain(|&(e, _)| e > start);
        for &(e, other) in &active {
            if !report(other, session, start, e.min(end)) {
                return;
            }
        }
        active.push((end, session));
    }
}
