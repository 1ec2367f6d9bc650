//! `sepay-codegen`: writes the files generated from `sepay::operations::TABLE`
//! (today the operation classes of the Python stubs), or checks they are
//! current.
//!
//! `cargo run -p sepay-codegen -- write` rewrites the generated region of
//! `bindings-python/python/sepay_sdk/_native.pyi`; `-- check` exits 1 when
//! the file differs from what `write` would make.

mod layout;
mod overrides;
mod python;
mod region;
mod types;

use std::path::PathBuf;
use std::process::ExitCode;

/// The stub file, relative to the workspace root.
const STUB: &str = "bindings-python/python/sepay_sdk/_native.pyi";

/// What the command line asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Rewrite the generated region(s).
    Write,
    /// Fail when a generated region is stale.
    Check,
}

fn main() -> ExitCode {
    let mode = match std::env::args().nth(1).as_deref() {
        Some("write") => Mode::Write,
        Some("check") => Mode::Check,
        _ => {
            eprintln!("usage: sepay-codegen (write | check)");
            return ExitCode::from(2);
        }
    };
    match run(mode) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("sepay-codegen: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Generates the stub classes and writes or compares the file.
fn run(mode: Mode) -> Result<ExitCode, String> {
    let path = workspace_root().join(STUB);
    let current =
        std::fs::read_to_string(&path).map_err(|e| format!("reading {}: {e}", path.display()))?;
    let generated = python::stubs(sepay::operations::TABLE)?;
    let wanted = region::splice(&current, &generated)?;
    match mode {
        Mode::Write if wanted != current => {
            std::fs::write(&path, wanted)
                .map_err(|e| format!("writing {}: {e}", path.display()))?;
            println!("wrote {STUB}");
        }
        Mode::Write => println!("{STUB} is current"),
        Mode::Check if wanted != current => {
            eprintln!("_native.pyi is stale: run `cargo run -p sepay-codegen -- write`");
            return Ok(ExitCode::FAILURE);
        }
        Mode::Check => {}
    }
    Ok(ExitCode::SUCCESS)
}

/// The workspace root (this crate lives in `tools/codegen`).
fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}
