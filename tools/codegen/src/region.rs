//! The generated region of a hand-written file, between two marker lines.

/// The line that opens the generated region.
pub const BEGIN: &str =
    "# --- generated from sepay::operations::TABLE by tools/codegen: do not edit ---";
/// The line that closes it.
pub const END: &str = "# --- end of generated operations ---";

/// The line that opens the generated models region.
pub const MODELS_BEGIN: &str =
    "# --- generated from the core's model structs by tools/codegen: do not edit ---";
/// The line that closes it.
pub const MODELS_END: &str = "# --- end of generated models ---";

/// `file` with the text between its marker lines replaced by `generated`
/// (the markers stay); an error when the markers are missing or repeated.
pub fn splice(file: &str, generated: &str) -> Result<String, String> {
    splice_between(file, (BEGIN, END), generated)
}

/// [`splice`] with other marker lines.
pub fn splice_between(
    file: &str,
    (begin_line, end_line): (&str, &str),
    generated: &str,
) -> Result<String, String> {
    let begin = marker(file, begin_line)?;
    let end = marker(file, end_line)?;
    let body_start = begin + begin_line.len() + 1;
    if end < body_start {
        return Err("the end marker comes before the begin marker".into());
    }
    Ok(format!(
        "{}\n{generated}\n{}",
        &file[..body_start],
        &file[end..]
    ))
}

/// Where the one line equal to `line` starts.
fn marker(file: &str, line: &str) -> Result<usize, String> {
    let mut found = file
        .match_indices(line)
        .map(|(at, _)| at)
        .filter(|&at| at == 0 || file[..at].ends_with('\n'))
        .filter(|&at| file[at + line.len()..].starts_with('\n'));
    match (found.next(), found.next()) {
        (Some(at), None) => Ok(at),
        (None, _) => Err(format!("marker line missing: {line}")),
        (Some(_), Some(_)) => Err(format!("marker line repeated: {line}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_only_the_region() {
        let file = format!("head\n{BEGIN}\nold\n{END}\ntail\n");
        let out = splice(&file, "new\n").unwrap();
        assert_eq!(out, format!("head\n{BEGIN}\n\nnew\n\n{END}\ntail\n"));
        assert_eq!(splice(&out, "new\n").unwrap(), out);
    }

    #[test]
    fn missing_markers_are_an_error() {
        assert!(splice("nothing here\n", "x\n").is_err());
        assert!(splice(&format!("{END}\n{BEGIN}\n"), "x\n").is_err());
    }
}
