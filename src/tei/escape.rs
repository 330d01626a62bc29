//! Fast XML escaping straight into the output `String`.
//!
//! Text escapes `&`, `<`, `>` (so `]]>` can never appear) and CR (as `&#13;`, which a parser
//! does not turn into LF). Attribute values also escape `"`, TAB, LF and CR as character
//! references, so attribute-value normalisation cannot change them. Characters XML 1.0 cannot
//! hold at all (C0 controls other than TAB/LF/CR, U+FFFE, U+FFFF) become U+FFFD.

/// Per byte: 0 = copy, 1 = needs attention.
const fn table(attr: bool) -> [bool; 256] {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = true;
        b += 1;
    }
    if !attr {
        t[b'\t' as usize] = false;
        t[b'\n' as usize] = false;
    }
    t[b'&' as usize] = true;
    t[b'<' as usize] = true;
    t[b'>' as usize] = true;
    t[0xEF] = true; // lead byte of U+FFFE / U+FFFF
    if attr {
        t[b'"' as usize] = true;
    }
    t
}

static TEXT: [bool; 256] = table(false);
static ATTR: [bool; 256] = table(true);

/// Appends `s` escaped for element content.
#[inline]
pub(crate) fn text(out: &mut String, s: &str) {
    escape(out, s, &TEXT);
}

/// Appends `s` escaped for a double-quoted attribute value.
#[inline]
pub(crate) fn attr(out: &mut String, s: &str) {
    escape(out, s, &ATTR);
}

fn escape(out: &mut String, s: &str, table: &[bool; 256]) {
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while let Some(off) = bytes
        .get(i..)
        .and_then(|rest| rest.iter().position(|&b| table[b as usize]))
    {
        i += off;
        let b = bytes.get(i).copied().unwrap_or(0);
        let (replacement, len): (&str, usize) = match b {
            b'&' => ("&amp;", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'"' => ("&quot;", 1),
            b'\t' => ("&#9;", 1),
            b'\n' => ("&#10;", 1),
            b'\r' => ("&#13;", 1),
            0xEF => match bytes.get(i + 1..i + 3) {
                Some([0xBF, 0xBE | 0xBF]) => ("\u{FFFD}", 3),
                _ => {
                    i += 1;
                    continue;
                }
            },
            _ => ("\u{FFFD}", 1),
        };
        out.push_str(s.get(start..i).unwrap_or_default());
        out.push_str(replacement);
        i += len;
        start = i;
    }
    out.push_str(s.get(start..).unwrap_or_default());
}

#[cfg(test)]
mod tests {
    fn t(s: &str) -> String {
        let mut o = String::new();
        super::text(&mut o, s);
        o
    }
    fn a(s: &str) -> String {
        let mut o = String::new();
        super::attr(&mut o, s);
        o
    }

    #[test]
    fn escapes() {
        assert_eq!(
            t("a & b < c > d ]]> \"q\" 'x'"),
            "a &amp; b &lt; c &gt; d ]]&gt; \"q\" 'x'"
        );
        assert_eq!(t("&amp;"), "&amp;amp;");
        assert_eq!(t("l1\nl2\r\tx"), "l1\nl2&#13;\tx");
        assert_eq!(a("l1\nl2\r\t\"x\""), "l1&#10;l2&#13;&#9;&quot;x&quot;");
        assert_eq!(
            t("a\u{1}b\u{FFFE}c\u{FFFF}d\u{FFFD}"),
            "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}"
        );
        assert_eq!(t("\u{FEFF}ïé中😀"), "\u{FEFF}ïé中😀");
        assert_eq!(t(""), "");
    }
}
