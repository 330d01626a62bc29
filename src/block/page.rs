//! A page as lines: normalised (BOM, CRLF, tabs, bullets), each keeping its place in the input.

use crate::error::Position;

/// One line of the page, trimmed, with its byte offset in the input.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line<'a> {
    pub text: &'a str,
    pub offset: usize,
}

/// The page's lines.
pub(crate) struct Page<'a> {
    pub input: &'a str,
    pub lines: Vec<Line<'a>>,
}

impl<'a> Page<'a> {
    pub fn new(input: &'a str) -> Page<'a> {
        let mut lines = Vec::new();
        let mut offset = 0;
        for raw in input.split('\n') {
            let junk = |c: char| c.is_whitespace() || c == '\u{feff}';
            let left = raw.trim_start_matches(junk);
            let trimmed = left.trim_end_matches(junk);
            let start = offset + (raw.len() - left.len());
            lines.push(Line {
                text: trimmed,
                offset: start,
            });
            offset += raw.len() + 1;
        }
        Page { input, lines }
    }

    /// The position of line `i` (or of the end of the input).
    pub fn position(&self, i: usize) -> Position {
        let offset = self.lines.get(i).map_or(self.input.len(), |l| l.offset);
        Position::at(self.input, offset)
    }

    /// The position of line `i`'s text after its bullet, if any.
    pub fn bare_position(&self, i: usize) -> Position {
        match self.lines.get(i) {
            Some(l) => Position::at(
                self.input,
                l.offset + (l.text.len() - unbullet(l.text).len()),
            ),
            None => self.position(i),
        }
    }

    /// The text of line `i` without a leading bullet ("• Citation" → "Citation").
    pub fn bare(&self, i: usize) -> &'a str {
        self.lines.get(i).map_or("", |l| unbullet(l.text))
    }

    /// The index of the first line at or after `from` whose bare text satisfies `pred`.
    pub fn find(&self, from: usize, pred: impl Fn(&str) -> bool) -> Option<usize> {
        (from..self.lines.len()).find(|&i| pred(self.bare(i)))
    }

    /// Paragraphs (runs of non-empty lines, joined by a space) in lines `from..to`, with the
    /// index of each paragraph's first line.
    pub fn paragraphs(&self, from: usize, to: usize) -> Vec<(usize, String)> {
        let mut out: Vec<(usize, String)> = Vec::new();
        let mut current: Option<(usize, String)> = None;
        for i in from..to.min(self.lines.len()) {
            let t = self.lines[i].text;
            if t.is_empty() {
                if let Some(p) = current.take() {
                    out.push(p);
                }
                continue;
            }
            let t = normalise_spaces(t);
            match &mut current {
                Some((_, s)) => {
                    s.push(' ');
                    s.push_str(&t);
                }
                None => current = Some((i, t)),
            }
        }
        if let Some(p) = current {
            out.push(p);
        }
        out
    }
}

/// Strips a leading bullet ("•", "·", "*", "◦").
pub(crate) fn unbullet(s: &str) -> &str {
    s.trim_start_matches(['•', '·', '*', '◦', '▪']).trim_start()
}

/// Tabs and runs of spaces inside a line become one space.
pub(crate) fn normalise_spaces(s: &str) -> String {
    if !s.contains(['\t', '\r']) && !s.contains("  ") {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c == ' ' || c == '\t' || c == '\r' {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out
}
