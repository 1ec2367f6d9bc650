//! `sepay-codegen`: writes the files generated from `sepay::operations::TABLE`
//! and the core's model structs, or checks they are current.
//!
//! `cargo run -p sepay-codegen -- write` rewrites every generated file and
//! region (the paths below: the Python binding's operation and model classes
//! and its stubs, the JavaScript binding's methods and declarations, the
//! uniffi objects and the Kotlin/Swift helpers); `-- check` exits 1 when a file
//! differs from what `write` would make.

mod layout;
mod models;
mod names;
mod overrides;
mod py_models;
mod pyo3;
mod python;
mod region;
mod rust;
mod ts_models;
mod types;
mod typescript;
mod uniffi;
mod wasm;

use std::path::PathBuf;
use std::process::ExitCode;

/// The stub file, relative to the workspace root.
const STUB: &str = "bindings-python/python/sepay_sdk/_native.pyi";

/// The Python binding's generated operation classes.
const PYO3: &str = "bindings-python/src/resources/generated.rs";

/// The Python binding's generated model classes.
const PY_MODELS: &str = "bindings-python/src/models.rs";

/// The Python enums the stubs import (their classes are not aliased).
const PY_ENUMS: &str = "bindings-python/python/sepay_sdk/_enums.py";

/// The core's crate root, where the model structs are read from.
const CORE: &str = "core/src/lib.rs";

/// Results of the client-less functions (`sepay::operations::FUNCTIONS`
/// names them without types): the notifications and the decoded VietQR.
const FUNCTION_RESULTS: &[&str] = &[
    "WebhookEvent",
    "PgIpn",
    "BankHubIpn",
    "BankHubEvent",
    "VietQr",
];

/// The Rust API's generated plain reads.
const RUST: &str = "core/src/generated.rs";

/// The JavaScript binding's generated client methods.
const WASM: &str = "bindings-wasm/src/generated.rs";

/// The JavaScript package's type declarations.
const DTS: &str = "bindings-wasm/npm/index.d.ts";

/// The Kotlin/Swift binding's generated objects.
const UNIFFI: &str = "bindings-mobile/src/generated.rs";

/// Kotlin `asFlow()` helpers.
const KOTLIN: &str = "bindings-mobile/kotlin/src/vn/sepay/sdk/Flows.kt";

/// Swift `items()` helpers.
const SWIFT: &str = "bindings-mobile/swift/SePay/Sources/SePay/AsyncSequences.swift";

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

/// Generates every file (or region) and writes or compares it.
fn run(mode: Mode) -> Result<ExitCode, String> {
    let table = sepay::operations::TABLE;
    let core = models::load(&workspace_root().join(CORE))?;
    let roots = table
        .iter()
        .map(|op| op.output)
        .chain(FUNCTION_RESULTS.iter().copied());
    let models = core.models(roots)?;
    let enum_classes = py_models::enum_classes(&read(PY_ENUMS)?);
    let stub = read(STUB)?;
    let model_stubs = py_models::stubs(&models, &core.enums, &enum_classes)?
        + &py_models::typed_dicts(&core, &enum_classes)?;
    let new_stub = region::splice(&stub, &python::stubs(table)?)?;
    let new_stub = region::splice_between(
        &new_stub,
        (region::MODELS_BEGIN, region::MODELS_END),
        &model_stubs,
    )?;
    let dts = read(DTS)?;
    let files = [
        (
            RUST,
            rust::source(table, &core)?,
            read(RUST).unwrap_or_default(),
        ),
        (STUB, new_stub, stub),
        (
            PY_MODELS,
            py_models::source(&models)?,
            read(PY_MODELS).unwrap_or_default(),
        ),
        (PYO3, pyo3::source(table)?, read(PYO3).unwrap_or_default()),
        (WASM, wasm::source(table)?, read(WASM).unwrap_or_default()),
        (
            DTS,
            region::splice_between(
                &typescript::splice(&dts, &typescript::declarations(table)?)?,
                (ts_models::BEGIN, ts_models::END),
                &ts_models::declarations(&models, &core)?,
            )?,
            dts,
        ),
        (
            UNIFFI,
            uniffi::source(table)?,
            read(UNIFFI).unwrap_or_default(),
        ),
        (
            KOTLIN,
            uniffi::kotlin(table),
            read(KOTLIN).unwrap_or_default(),
        ),
        (SWIFT, uniffi::swift(table), read(SWIFT).unwrap_or_default()),
    ];
    let mut stale = false;
    for (path, wanted, current) in files {
        match mode {
            Mode::Write if wanted != current => {
                let full = workspace_root().join(path);
                std::fs::write(&full, wanted)
                    .map_err(|e| format!("writing {}: {e}", full.display()))?;
                println!("wrote {path}");
            }
            Mode::Write => println!("{path} is current"),
            Mode::Check if wanted != current => {
                eprintln!("{path} is stale: run `cargo run -p sepay-codegen -- write`");
                stale = true;
            }
            Mode::Check => {}
        }
    }
    Ok(if stale {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// A file of the workspace.
fn read(path: &str) -> Result<String, String> {
    let full = workspace_root().join(path);
    std::fs::read_to_string(&full).map_err(|e| format!("reading {}: {e}", full.display()))
}

/// The workspace root (this crate lives in `tools/codegen`).
fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}
