//! Where in a JSON text a decode failed, as a path (`transactions[3].amount_in`).
//!
//! serde_json reports a failure's line and column; [`path_at`] walks the text
//! up to that point and names the keys and indexes it is inside. This replaces
//! tracking the path while decoding (`serde_path_to_error`), which instantiated
//! every model's decoder a second time (a sixth of the wasm module) and made a
//! failing body be decoded twice.

/// One level of nesting while walking the text.
enum Frame {
    /// In an object; the last key read, if any.
    Object(Option<String>),
    /// In an array; the index of the current element, once one started.
    Array(Option<usize>),
}

/// The path of the value being read at `offset` in `text`, written like
/// `serde_path_to_error` (`.` for the top level, `a.b[2].c`).
pub(crate) fn path_at(text: &str, offset: usize) -> String {
    let bytes = &text.as_bytes()[..offset.min(text.len())];
    let mut stack: Vec<Frame> = Vec::new();
    let mut expecting_key = false;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' => {
                stack.push(Frame::Object(None));
                expecting_key = true;
            }
            b'[' => {
                stack.push(Frame::Array(None));
                expecting_key = false;
            }
            b'}' | b']' => {
                stack.pop();
                expecting_key = false;
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object(_)) => expecting_key = true,
                Some(Frame::Array(index)) => *index = Some(index.map_or(0, |n| n + 1)),
                None => {}
            },
            b':' => expecting_key = false,
            b'"' => {
                let end = string_end(bytes, i);
                if expecting_key {
                    if let Some(Frame::Object(key)) = stack.last_mut() {
                        // Escapes are rare in SePay's keys and kept as written.
                        let raw = &bytes[i + 1..end.saturating_sub(1).max(i + 1)];
                        *key = Some(String::from_utf8_lossy(raw).into_owned());
                    }
                    expecting_key = false;
                } else {
                    start_element(&mut stack);
                }
                i = end;
                continue;
            }
            b if b.is_ascii_whitespace() => {}
            _ => start_element(&mut stack),
        }
        if matches!(bytes[i], b'{' | b'[') {
            // The container itself is an element of its parent.
            let inner = stack.pop();
            start_element(&mut stack);
            stack.extend(inner);
        }
        i += 1;
    }
    render(&stack)
}

/// A value begins: in an array, that is its first element when none began yet.
fn start_element(stack: &mut [Frame]) {
    if let Some(Frame::Array(index @ None)) = stack.last_mut() {
        *index = Some(0);
    }
}

/// The index just past the string that opens at `start` (or the end).
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut j = start + 1;
    while j < bytes.len() {
        match bytes[j] {
            b'\\' => j += 2,
            b'"' => return j + 1,
            _ => j += 1,
        }
    }
    bytes.len()
}

fn render(stack: &[Frame]) -> String {
    let mut out = String::new();
    for frame in stack {
        match frame {
            Frame::Object(Some(key)) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Frame::Array(Some(index)) => out.push_str(&format!("[{index}]")),
            _ => {}
        }
    }
    if out.is_empty() {
        out.push('.');
    }
    out
}

/// Decodes `T` from `text`; a failure comes back as its path and serde_json's
/// message without the line and column.
pub(crate) fn from_str<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, (String, String)> {
    serde_json::from_str(text).map_err(|e| {
        let path = path_at(text, offset_of(text, e.line(), e.column()));
        let message = e.to_string();
        let message = match message.rfind(" at line ") {
            Some(i) => message[..i].to_string(),
            None => message,
        };
        (path, message)
    })
}

/// The byte offset of serde_json's 1-based `line` and `column` in `text`.
pub(crate) fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>();
    (start + column).min(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Tx {
        id: u64,
        amount: String,
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Body {
        status: u16,
        transactions: Vec<Tx>,
    }

    /// The path serde_json's failure position leads to.
    fn failing_path(text: &str) -> String {
        let e = serde_json::from_str::<Body>(text).unwrap_err();
        path_at(text, offset_of(text, e.line(), e.column()))
    }

    #[test]
    fn names_the_field_and_index_that_failed() {
        let ok = r#"{"id": 1, "amount": "1.00"}"#;
        let text =
            format!(r#"{{"status": 200, "transactions": [{ok}, {ok}, {{"id": 3, "amount": 5}}]}}"#);
        assert_eq!(failing_path(&text), "transactions[2].amount");
        let text =
            format!(r#"{{"status": 200, "transactions": [{ok}, {{"id": "x", "amount": "1"}}]}}"#);
        assert_eq!(failing_path(&text), "transactions[1].id");
        let text = r#"{"status": "200", "transactions": []}"#;
        assert_eq!(failing_path(text), "status");
    }

    #[test]
    fn a_missing_field_names_its_object() {
        let text = r#"{"status": 200, "transactions": [{"id": 1, "amount": "1"}, {"id": 2}]}"#;
        assert_eq!(failing_path(text), "transactions[1]");
        assert_eq!(failing_path(r#"{"status": 200}"#), ".");
    }

    #[test]
    fn strings_with_structural_characters_and_lines_are_skipped() {
        let text = "{\"status\": 200,\n \"transactions\": [\n {\"id\": 1, \"amount\": \"a,b]}\\\"{[\"},\n {\"id\": true, \"amount\": \"1\"}]}";
        assert_eq!(failing_path(text), "transactions[1].id");
    }

    #[test]
    fn nested_arrays_count_their_own_elements() {
        let text = r#"{"a": [[1, 2], [3, "#;
        assert_eq!(path_at(text, text.len()), "a[1][1]");
        let text = r#"[{"x": 1}, {"x": 2}, {"y""#;
        assert_eq!(path_at(text, text.len()), "[2].y");
    }
}
