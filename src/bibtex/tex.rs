//! TeX text in .bib field values: decoding to Unicode and escaping Unicode text for LaTeX.

/// Escapes `text` for a braced .bib field value: LaTeX specials become commands, Unicode stays
/// UTF-8, and ligature-forming pairs (`--`, ``` `` ```, `''`) are broken with `{}` so that they
/// come back as typed.
pub(crate) fn escape(text: &str, out: &mut String) {
    let mut prev = '\0';
    for c in text.chars() {
        match c {
            '&' | '%' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '{' => out.push_str("\\textbraceleft{}"),
            '}' => out.push_str("\\textbraceright{}"),
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '\\' => out.push_str("\\textbackslash{}"),
            '\n' | '\r' | '\t' => out.push(' '),
            '-' | '`' | '\'' if prev == c => {
                out.push_str("{}");
                out.push(c);
            }
            _ => out.push(c),
        }
        prev = c;
    }
}

/// The escaped form of `text` as a new string.
#[cfg(test)]
pub(crate) fn escaped(text: &str) -> String {
    let mut s = String::with_capacity(text.len() + 8);
    escape(text, &mut s);
    s
}

/// Decodes a TeX field value into plain Unicode text: groups dissolved, accents composed,
/// escapes resolved, `--`/`---` as dashes, `~` as a no-break space, ASCII whitespace collapsed
/// and trimmed. Unknown commands are kept as text with their braced argument; math is kept
/// verbatim.
pub(crate) fn decode(tex: &str) -> String {
    let mut out = String::with_capacity(tex.len());
    decode_into(tex, &mut out);
    let trimmed = out.trim_matches(' ');
    if trimmed.len() != out.len() {
        trimmed.to_string()
    } else {
        out
    }
}

/// Decodes without trimming (whitespace still collapsed), appending to `out`.
pub(crate) fn decode_into(tex: &str, out: &mut String) {
    // Fast path: nothing that needs decoding (single inner spaces and lone hyphens are plain).
    if is_plain(tex.as_bytes()) {
        out.push_str(tex);
        return;
    }
    let b = tex.as_bytes();
    // The closing quotation marks of quotation commands, at the `}` that ends their argument.
    let mut quotes: Vec<(usize, char)> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match c {
            b'{' | b'}' => {
                while let Some(&(at, mark)) = quotes.last() {
                    if at > i {
                        break;
                    }
                    out.push(mark);
                    quotes.pop();
                }
                i += 1;
            }
            b' ' | b'\n' | b'\r' | b'\t' => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
                i += 1;
                while i < b.len() && matches!(b[i], b' ' | b'\n' | b'\r' | b'\t') {
                    i += 1;
                }
            }
            b'~' => {
                out.push('\u{a0}');
                i += 1;
            }
            b'-' => {
                if b.get(i + 1) == Some(&b'-') {
                    if b.get(i + 2) == Some(&b'-') {
                        out.push('—');
                        i += 3;
                    } else {
                        out.push('–');
                        i += 2;
                    }
                } else {
                    out.push('-');
                    i += 1;
                }
            }
            b'`' if b.get(i + 1) == Some(&b'`') => {
                out.push('“');
                i += 2;
            }
            b'\'' if b.get(i + 1) == Some(&b'\'') => {
                out.push('”');
                i += 2;
            }
            b'$' => {
                // Math: kept verbatim, delimiters included.
                let end = b
                    .get(i + 1..)
                    .and_then(|r| memchr::memchr(b'$', r))
                    .map_or(b.len(), |k| i + 1 + k + 1);
                out.push_str(tex.get(i..end).unwrap_or(""));
                i = end;
            }
            b'\\' => i = command(tex, i, out, &mut quotes),
            _ => {
                // Copy a run of ordinary bytes (it ends on a char boundary: specials are ASCII);
                // a single space between words and a lone hyphen belong to the run.
                let start = i;
                i += 1;
                while i < b.len() {
                    let c = b[i];
                    let plain = !SPECIAL[usize::from(c)]
                        || (c == b' '
                            && !b.get(i + 1).is_some_and(|&n| SPECIAL_WS[usize::from(n)]))
                        || (c == b'-' && b.get(i + 1) != Some(&b'-'));
                    if !plain {
                        break;
                    }
                    i += 1;
                }
                out.push_str(tex.get(start..i).unwrap_or(""));
            }
        }
    }
    while let Some((_, mark)) = quotes.pop() {
        out.push(mark);
    }
}

/// Bytes the decoder treats specially.
static SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let specials = b"{}\\~-`'$ \n\r\t";
    let mut k = 0;
    while k < specials.len() {
        t[specials[k] as usize] = true;
        k += 1;
    }
    t
};

/// ASCII whitespace, and the end of a value: a space before these is not plain.
static SPECIAL_WS: [bool; 256] = {
    let mut t = [false; 256];
    t[b' ' as usize] = true;
    t[b'\n' as usize] = true;
    t[b'\r' as usize] = true;
    t[b'\t' as usize] = true;
    t
};

/// True if `b` decodes to itself: no specials except single spaces between words and lone
/// hyphens, and no space at either end.
fn is_plain(b: &[u8]) -> bool {
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if SPECIAL[usize::from(c)] {
            let ok = match c {
                b' ' => !b.get(i + 1).is_some_and(|&n| SPECIAL_WS[usize::from(n)]),
                b'-' => b.get(i + 1) != Some(&b'-'),
                _ => false,
            };
            if !ok {
                return false;
            }
        }
        i += 1;
    }
    true
}

/// Symbol accents (`\"u`), letter accents (`\c{s}`) and their combining marks.
fn accent_mark(name: &str) -> Option<char> {
    Some(match name {
        "\"" => '\u{308}',
        "'" => '\u{301}',
        "`" => '\u{300}',
        "^" => '\u{302}',
        "~" => '\u{303}',
        "=" => '\u{304}',
        "." => '\u{307}',
        "u" => '\u{306}',
        "v" => '\u{30c}',
        "H" => '\u{30b}',
        "c" => '\u{327}',
        "k" => '\u{328}',
        "d" => '\u{323}',
        "b" => '\u{331}',
        "r" => '\u{30a}',
        "t" => '\u{361}',
        _ => return None,
    })
}

/// Precomposed letters for the common (mark, base) pairs.
fn compose(mark: char, base: char) -> Option<char> {
    const TABLE: &[(char, &str, &str)] = &[
        ('\u{308}', "aeiouyAEIOUYhtwxHWX", "äëïöüÿÄËÏÖÜŸḧẗẅẍḦẄẌ"),
        (
            '\u{301}',
            "aeiouyAEIOUYcnsznrlgCNSZRLGwWmMpPkK",
            "áéíóúýÁÉÍÓÚÝćńśźńŕĺǵĆŃŚŹŔĹǴẃẂḿḾṕṔḱḰ",
        ),
        ('\u{300}', "aeiouAEIOUnNwWyY", "àèìòùÀÈÌÒÙǹǸẁẀỳỲ"),
        (
            '\u{302}',
            "aeiouAEIOUcgCGhHjJsSwWyYzZ",
            "âêîôûÂÊÎÔÛĉĝĈĜĥĤĵĴŝŜŵŴŷŶẑẐ",
        ),
        ('\u{303}', "anoANOiIuUeEyY", "ãñõÃÑÕĩĨũŨẽẼỹỸ"),
        ('\u{304}', "aeiouAEIOU", "āēīōūĀĒĪŌŪ"),
        ('\u{307}', "cegzCEGZI", "ċėġżĊĖĠŻİ"),
        ('\u{306}', "aeiouAEIOUgG", "ăĕĭŏŭĂĔĬŎŬğĞ"),
        (
            '\u{30c}',
            "cdenrstzCDENRSTZaeiouAEIOUgkGK",
            "čďěňřšťžČĎĚŇŘŠŤŽǎěǐǒǔǍĚǏǑǓǧǩǦǨ",
        ),
        ('\u{30b}', "oOuU", "őŐűŰ"),
        ('\u{327}', "cCsStTgGkKlLnNrReE", "çÇşŞţŢģĢķĶļĻņŅŗŖȩȨ"),
        ('\u{328}', "aeiuAEIUoO", "ąęįųĄĘĮŲǫǪ"),
        ('\u{30a}', "aAuU", "åÅůŮ"),
        (
            '\u{323}',
            "aeiouAEIOUsStThHzZdDnNrRlLmM",
            "ạẹịọụẠẸỊỌỤṣṢṭṬḥḤẓẒḍḌṇṆṛṚḷḶṃṂ",
        ),
    ];
    let (_, bases, composed) = TABLE.iter().find(|(m, _, _)| *m == mark)?;
    let k = bases.chars().position(|b| b == base)?;
    composed.chars().nth(k)
}

/// Commands that stand for one character or text.
fn symbol(name: &str) -> Option<&'static str> {
    Some(match name {
        "ss" => "ß",
        "SS" => "SS",
        "o" => "ø",
        "O" => "Ø",
        "l" => "ł",
        "L" => "Ł",
        "aa" => "å",
        "AA" => "Å",
        "ae" => "æ",
        "AE" => "Æ",
        "oe" => "œ",
        "OE" => "Œ",
        "i" => "ı",
        "j" => "ȷ",
        "dh" => "ð",
        "DH" => "Ð",
        "th" => "þ",
        "TH" => "Þ",
        "ng" => "ŋ",
        "NG" => "Ŋ",
        "dj" => "đ",
        "DJ" => "Đ",
        "&" => "&",
        "%" => "%",
        "$" => "$",
        "#" => "#",
        "_" => "_",
        "{" => "{",
        "}" => "}",
        "textbraceleft" => "{",
        "textbraceright" => "}",
        "textasciitilde" => "~",
        "textasciicircum" => "^",
        "textbackslash" => "\\",
        "textendash" => "–",
        "textemdash" => "—",
        "textquoteleft" => "‘",
        "textquoteright" => "’",
        "textquotedblleft" => "“",
        "textquotedblright" => "”",
        "textquotedbl" => "\"",
        "textdollar" => "$",
        "textunderscore" => "_",
        "textbar" => "|",
        "textless" => "<",
        "textgreater" => ">",
        "textdegree" => "°",
        "textregistered" => "®",
        "textcopyright" => "©",
        "texttrademark" => "™",
        "textsection" => "§",
        "textparagraph" => "¶",
        "textperiodcentered" => "·",
        "textbullet" => "•",
        "textellipsis" | "dots" | "ldots" => "…",
        "guillemotleft" | "guillemetleft" => "«",
        "guillemotright" | "guillemetright" => "»",
        "quotedblbase" => "„",
        "quotesinglbase" => "‚",
        "pounds" | "textsterling" => "£",
        "euro" | "texteuro" => "€",
        "S" => "§",
        "P" => "¶",
        "copyright" => "©",
        "LaTeX" => "LaTeX",
        "TeX" => "TeX",
        "BibTeX" => "BibTeX",
        "slash" => "/",
        " " | "space" => " ",
        "," | "thinspace" => "\u{2009}",
        ";" | ":" | "quad" => " ",
        "qquad" => "  ",
        "\\" | "newline" | "par" | "linebreak" => " ",
        "nobreakspace" => "\u{a0}",
        "-" | "/" | "@" | "relax" | "protect" | "em" | "it" | "bf" | "sc" | "rm" | "sf" | "tt"
        | "sl" | "up" | "normalfont" | "itshape" | "bfseries" | "scshape" | "upshape"
        | "mdseries" | "rmfamily" | "sffamily" | "ttfamily" | "slshape" | "noopsort" | "nocorr"
        | "unskip" | "null" | "ignorespaces" => "",
        _ => return None,
    })
}

/// Formatting commands whose argument is the text: the command goes, the argument stays.
fn markup(name: &str) -> bool {
    matches!(
        name,
        "emph"
            | "textit"
            | "textbf"
            | "textsc"
            | "textup"
            | "textsl"
            | "textrm"
            | "textsf"
            | "texttt"
            | "textmd"
            | "textnormal"
            | "mkbibemph"
            | "mkbibitalic"
            | "mkbibbold"
            | "mbox"
            | "hbox"
            | "url"
            | "path"
            | "textsuperscript"
            | "textsubscript"
            | "NoCaseChange"
            | "nocase"
            | "MakeUppercase"
            | "uppercase"
            | "underline"
            | "textlatin"
            | "foreignlanguage"
    )
}

/// The end of the balanced group starting at `open` (`b[open] == b'{'`): index after its `}`,
/// or the end of `b` if it is never closed.
pub(crate) fn group_end(b: &[u8], open: usize) -> usize {
    group_close(b, open).map_or(b.len(), |i| i + 1)
}

/// The index of the `}` that closes the group starting at `open` (a backslash escapes the
/// next byte), if there is one.
pub(crate) fn group_close(b: &[u8], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = open;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 1,
            b'{' => depth += 1,
            b'}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Handles the command at `tex[at] == '\\'`; returns the index after it.
fn command(tex: &str, at: usize, out: &mut String, quotes: &mut Vec<(usize, char)>) -> usize {
    let b = tex.as_bytes();
    let mut i = at + 1;
    let Some(&first) = b.get(i) else {
        out.push('\\');
        return i;
    };
    let name_end = if first.is_ascii_alphabetic() {
        let mut j = i;
        while j < b.len() && b[j].is_ascii_alphabetic() {
            j += 1;
        }
        j
    } else if first.is_ascii() {
        i + 1
    } else {
        // A backslash before a non-ASCII character: keep both.
        out.push('\\');
        return i;
    };
    let name = tex.get(i..name_end).unwrap_or("");
    i = name_end;
    let letters = first.is_ascii_alphabetic();
    // Control words swallow the spaces after them.
    let after_space = {
        let mut j = i;
        if letters {
            while j < b.len() && matches!(b[j], b' ' | b'\t' | b'\n' | b'\r') {
                j += 1;
            }
        }
        j
    };
    if let Some(mark) = accent_mark(name) {
        // The argument: a group, a command like \i, or one character.
        let j = after_space;
        let (base, end) = match b.get(j) {
            Some(b'{') => {
                let end = group_end(b, j);
                let inner = tex
                    .get(j + 1..end.saturating_sub(1).max(j + 1))
                    .unwrap_or("");
                (decode(inner), end)
            }
            Some(b'\\') => {
                let mut s = String::new();
                let end = command(tex, j, &mut s, &mut Vec::new());
                (s, end)
            }
            Some(_) => {
                let c = tex.get(j..).and_then(|r| r.chars().next());
                match c {
                    Some(c) => (c.to_string(), j + c.len_utf8()),
                    None => (String::new(), j),
                }
            }
            None => (String::new(), j),
        };
        let mut chars = base.chars();
        match chars.next() {
            Some(c) => {
                let c = match c {
                    'ı' => 'i',
                    'ȷ' => 'j',
                    c => c,
                };
                match compose(mark, c) {
                    Some(p) => out.push(p),
                    None => {
                        out.push(c);
                        out.push(mark);
                    }
                }
                out.extend(chars);
            }
            None => out.push(mark),
        }
        return end;
    }
    if let Some(s) = symbol(name) {
        out.push_str(s);
        return if letters { after_space } else { i };
    }
    if matches!(name, "mkbibquote" | "enquote" | "textquote") {
        // “…” (‘…’ inside another), the optional arguments of \textquote[cite][punct] gone
        let mut j = after_space;
        let single = b.get(j) == Some(&b'*');
        if single {
            j += 1;
        }
        while b.get(j) == Some(&b'[') {
            match memchr::memchr(b']', b.get(j..).unwrap_or(&[])) {
                Some(k) => j += k + 1,
                None => break,
            }
            while b.get(j).is_some_and(u8::is_ascii_whitespace) {
                j += 1;
            }
        }
        if b.get(j) == Some(&b'{') {
            if let Some(close) = group_close(b, j) {
                let inner = single || !quotes.is_empty();
                let (open, shut) = if inner {
                    ('‘', '’')
                } else {
                    ('“', '”')
                };
                out.push(open);
                quotes.push((close, shut));
                return j + 1;
            }
        }
        return after_space;
    }
    if markup(name) {
        if name == "foreignlanguage" && b.get(after_space) == Some(&b'{') {
            // The language argument goes.
            return group_end(b, after_space);
        }
        return after_space;
    }
    if name == "href" && b.get(after_space) == Some(&b'{') {
        return group_end(b, after_space);
    }
    // Unknown: kept as text, with its braced argument verbatim.
    out.push('\\');
    out.push_str(name);
    if letters && b.get(after_space) == Some(&b'{') {
        let end = group_end(b, after_space);
        out.push_str(tex.get(after_space..end).unwrap_or(""));
        return end;
    }
    if letters && after_space > i {
        out.push(' ');
    }
    after_space
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_accents_and_escapes() {
        assert_eq!(decode("M{\\\"u}ller"), "Müller");
        assert_eq!(decode("Caf\\'{e}"), "Café");
        assert_eq!(decode("\\c{S}erban \\c s"), "Şerban ş");
        assert_eq!(decode("Stra{\\ss}e"), "Straße");
        assert_eq!(decode("1957--1958 --- x"), "1957–1958 — x");
        assert_eq!(decode("{{Protected}} title"), "Protected title");
        assert_eq!(decode("a\\&b \\%"), "a&b %");
        assert_eq!(decode("\\foo{bar} baz"), "\\foo{bar} baz");
        assert_eq!(decode("$x^2$ \\emph{y}"), "$x^2$ y");
        assert_eq!(decode("  a \n\t b  "), "a b");
        assert_eq!(decode("\\v{c}\\'{\\i}"), "čí");
    }

    #[test]
    fn escape_round_trips() {
        for s in [
            "a & b % c $ d # e _ f { g } h ~ i ^ j \\ k",
            "1957--58 ``x'' ---",
            "\\textbf and -{}-",
            "日本 😀 e\u{301} \u{a0}",
            "'''",
        ] {
            assert_eq!(decode(&escaped(s)), s, "{s}");
        }
    }
}
