//! Typing in a one-line field (the command line, a form's fields): the cursor moves by
//! character and by word, `Home`/`End`, `Ctrl-a`/`Ctrl-e`, and `Ctrl-w`, `Ctrl-k`, `Ctrl-u`
//! delete a word back, to the end, to the start — the keys of a shell and of vim's
//! command line. The editing itself is tui-input's `Input`; the field keeps its `String`.
//!
//! The cursor is kept as the number of characters *after* it, so 0 is the end: a field whose
//! text is replaced from elsewhere (a value filled in, a line recalled) has its cursor at the
//! end without anyone having to say so.

use tui_input::{Input, InputRequest};

use super::action::{Action, Motion};

/// Where the cursor is, in characters from the start, for `back` characters after it.
pub fn cursor_at(value: &str, back: usize) -> usize {
    value.chars().count().saturating_sub(back)
}

/// The text as drawn with its cursor: what comes before it, the character under it (`None`
/// at the end, drawn as a block), and what comes after.
pub fn split(value: &str, back: usize) -> (String, Option<char>, String) {
    let cursor = cursor_at(value, back);
    let mut chars = value.chars();
    let before: String = chars.by_ref().take(cursor).collect();
    let under = chars.next();
    (before, under, chars.collect())
}

/// Apply a typing action to `value` with the cursor `back` characters before its end. Returns
/// whether the action was a typing one.
pub fn apply(value: &mut String, back: &mut usize, action: &Action) -> bool {
    let len = value.chars().count();
    let cursor = len.saturating_sub(*back);
    let request = match action {
        Action::Insert(c) => InputRequest::InsertChar(*c),
        Action::DeleteBack => InputRequest::DeletePrevChar,
        Action::ClearInput => {
            // Ctrl-u: delete from the start to the cursor.
            *value = value.chars().skip(cursor).collect();
            *back = (*back).min(value.chars().count());
            return true;
        }
        Action::Typing(m) => match m {
            Motion::Left => InputRequest::GoToPrevChar,
            Motion::Right => InputRequest::GoToNextChar,
            Motion::WordLeft => InputRequest::GoToPrevWord,
            Motion::WordRight => InputRequest::GoToNextWord,
            Motion::Start => InputRequest::GoToStart,
            Motion::End => InputRequest::GoToEnd,
            Motion::DeleteForward => InputRequest::DeleteNextChar,
            Motion::DeleteWordBack => InputRequest::DeletePrevWord,
            Motion::KillToEnd => InputRequest::DeleteTillEnd,
        },
        _ => return false,
    };
    let mut input = Input::new(std::mem::take(value)).with_cursor(cursor);
    input.handle(request);
    *value = input.value().to_string();
    *back = value.chars().count().saturating_sub(input.cursor());
    true
}

/// Insert pasted `text` at the cursor (`back` characters before the end). `multi_line` keeps
/// its line breaks (a description, a bio); otherwise each line break, and any run of them,
/// becomes one space. Other control characters (a tab, an ESC) become spaces too: a paste is
/// text, never keys. Returns the text as inserted.
pub fn insert_pasted(value: &mut String, back: &mut usize, text: &str, multi_line: bool) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut clean = String::with_capacity(text.len());
    for c in text.chars() {
        if c == '\n' && multi_line {
            clean.push('\n');
        } else if c.is_control() {
            if !clean.ends_with(' ') && !clean.is_empty() {
                clean.push(' ');
            }
        } else {
            clean.push(c);
        }
    }
    if !multi_line {
        // A paste ending in a line break (copied whole lines) adds no trailing space.
        while clean.ends_with(' ') && text.ends_with('\n') {
            clean.pop();
        }
    }
    let cursor = cursor_at(value, *back);
    let at = value
        .char_indices()
        .nth(cursor)
        .map_or(value.len(), |(i, _)| i);
    value.insert_str(at, &clean);
    *back = (*back).min(value.chars().count());
    clean
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, back: usize, actions: &[Action]) -> (String, usize) {
        let (mut v, mut b) = (text.to_string(), back);
        for a in actions {
            assert!(apply(&mut v, &mut b, a));
        }
        let at = cursor_at(&v, b);
        (v, at)
    }

    #[test]
    fn motions_and_deletions_work_at_the_cursor() {
        use Motion::*;
        let t = |m| Action::Typing(m);
        // Type in the middle.
        assert_eq!(
            run("Salle A", 0, &[t(Left), Action::Insert('é')]),
            ("Salle éA".into(), 7)
        );
        assert_eq!(run("un deux trois", 0, &[t(WordLeft)]).1, 8);
        assert_eq!(
            run("un deux trois", 0, &[t(Start), t(WordRight)]).1,
            3,
            "to the start of the next word"
        );
        assert_eq!(
            run("un deux trois", 0, &[t(WordLeft), Action::DeleteBack]),
            ("un deuxtrois".into(), 7)
        );
        assert_eq!(
            run("un deux trois", 0, &[t(DeleteWordBack)]),
            ("un deux ".into(), 8)
        );
        assert_eq!(
            run("un deux trois", 0, &[t(Start), t(WordRight), t(KillToEnd)]),
            ("un ".into(), 3)
        );
        assert_eq!(
            run("un deux trois", 0, &[t(WordLeft), Action::ClearInput]),
            ("trois".into(), 0)
        );
        assert_eq!(
            run(
                "abc",
                0,
                &[t(Start), t(DeleteForward), t(End), Action::Insert('!')]
            ),
            ("bc!".into(), 3)
        );
        // Moving past either end stays there.
        assert_eq!(run("ab", 0, &[t(Right), t(Right)]).1, 2);
        assert_eq!(run("ab", 0, &[t(Start), t(Left)]).1, 0);
    }

    #[test]
    fn a_cursor_past_a_replaced_text_is_kept_in_range() {
        let (mut v, mut back) = ("a".to_string(), 5);
        assert!(apply(&mut v, &mut back, &Action::Insert('b')));
        assert_eq!((v.as_str(), back), ("ba", 1));
        assert!(!apply(&mut v, &mut back, &Action::Submit));
    }

    #[test]
    fn a_paste_is_inserted_at_the_cursor_as_text() {
        let (mut v, mut back) = ("ab".to_string(), 1);
        insert_pasted(&mut v, &mut back, "x\ny\r\n", false);
        assert_eq!((v.as_str(), back), ("ax yb", 1));
        let (mut v, mut back) = (String::new(), 0);
        insert_pasted(&mut v, &mut back, "un\n\ndeux\u{1b}[2J", true);
        assert_eq!(v, "un\n\ndeux [2J");
        let (mut v, mut back) = (String::new(), 0);
        insert_pasted(&mut v, &mut back, ":q!\n", false);
        assert_eq!(v, ":q!");
    }
}
