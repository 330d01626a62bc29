//! Where an error is: the JSON path (`$[3].issued.date-parts[0][1]`) of a byte offset.

/// One level of nesting.
enum Frame {
    /// In an array, at element `n`.
    Array(usize),
    /// In an object, at the member with this key (none before the first key).
    Object(Option<String>),
}

/// The JSON path of the value at byte `offset` of `text`, found by a scan of the text before it.
/// Used only when reading failed, so it favours simplicity over speed; it never panics, whatever
/// the text.
pub(crate) fn path_at(text: &str, offset: usize) -> String {
    let bytes = text.as_bytes();
    let end = offset.min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut expect_key = false;
    let mut i = 0;
    while i < end {
        let Some(&b) = bytes.get(i) else { break };
        match b {
            b'"' => {
                let start = i + 1;
                let mut j = start;
                while let Some(&c) = bytes.get(j) {
                    match c {
                        b'\\' => j += 2,
                        b'"' => break,
                        _ => j += 1,
                    }
                }
                if expect_key {
                    if let Some(Frame::Object(k)) = stack.last_mut() {
                        let raw = text.get(start..j.min(bytes.len())).unwrap_or("");
                        *k = Some(unescape(raw));
                    }
                    expect_key = false;
                }
                i = j + 1;
                continue;
            }
            b'[' => stack.push(Frame::Array(0)),
            b'{' => {
                stack.push(Frame::Object(None));
                expect_key = true;
            }
            b']' | b'}' => {
                stack.pop();
                expect_key = false;
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array(n)) => *n += 1,
                Some(Frame::Object(k)) => {
                    *k = None;
                    expect_key = true;
                }
                None => {}
            },
            _ => {}
        }
        i += 1;
    }
    let mut out = String::from("$");
    for f in &stack {
        match f {
            Frame::Array(n) => out.push_str(&format!("[{n}]")),
            Frame::Object(Some(k)) => {
                let plain = !k.is_empty()
                    && k.bytes()
                        .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_');
                if plain {
                    out.push('.');
                    out.push_str(k);
                } else {
                    out.push('[');
                    out.push_str(&serde_json::to_string(k).unwrap_or_default());
                    out.push(']');
                }
            }
            Frame::Object(None) => {}
        }
    }
    out
}

fn unescape(raw: &str) -> String {
    if !raw.contains('\\') {
        return raw.to_string();
    }
    serde_json::from_str::<String>(&format!("\"{raw}\"")).unwrap_or_else(|_| raw.to_string())
}

#[cfg(test)]
mod tests {
    use super::path_at;

    #[test]
    fn paths() {
        let t = r#"[{"a": 1}, {"issued": {"date-parts": [[1957, "x"]]}, "b\"c": [1, 2]}]"#;
        let at = |needle: &str| path_at(t, t.find(needle).unwrap());
        assert_eq!(at("\"x\""), "$[1].issued.date-parts[0][1]");
        assert_eq!(at("1957"), "$[1].issued.date-parts[0][0]");
        assert_eq!(at("2]"), "$[1][\"b\\\"c\"][1]");
        assert_eq!(at("1}"), "$[0].a");
        assert_eq!(path_at(t, 0), "$");
        assert_eq!(path_at("[{\"a\": \"\\", 99), "$[0].a");
    }
}
