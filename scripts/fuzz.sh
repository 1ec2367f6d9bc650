#!/usr/bin/env bash
# Runs every coverage-guided fuzz target in fuzz/ (cargo-fuzz / libFuzzer) and
# prints executions and crashes per target; exits non-zero on any crash.
#
#   scripts/fuzz.sh [--smoke] [--runs N | --seconds S] [--keep-going] [--replay] [TARGET...]
#
#   --smoke        every target for 12 s (about 2.5 minutes in all on a warm cache)
#   --runs N       every target for N executions (default 10,000,000: the benchmark)
#   --seconds S    every target for S seconds
#   --keep-going   do not stop a target at its first crash (libFuzzer fork mode;
#                  counts every crash, dedup by hand in fuzz/artifacts/)
#   --replay       only run the saved inputs in fuzz/crashes-found/ (no fuzzing)
#   TARGET...      only these targets (default: all)
#
# Installs what it needs (cargo-fuzz, into the cache); builds with the stable
# toolchain (RUSTC_BOOTSTRAP=1 lets cargo-fuzz pass its -Z flags), without a
# sanitizer by default (the core forbids unsafe code; set
# SEPAY_FUZZ_SANITIZER=address to add ASan) and with debug assertions, so an
# integer overflow is a crash. Corpora grow in fuzz/corpus/<target>/, seeded
# on every run from tests/fixtures/ and fuzz/seeds/; crash inputs land in
# fuzz/artifacts/<target>/. SEPAY_FUZZ_STRICT_ENCODING=1 adds the strict
# content-type rule to the webhook target.
# The whole script is one block, read before it runs: editing the file during
# a long run cannot change what the run does.
{
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

MODE=runs
BUDGET=10000000
KEEP_GOING=0
REPLAY=0
TARGETS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) MODE=seconds; BUDGET=12 ;;
    --runs) MODE=runs; BUDGET="${2:?--runs needs a number}"; shift ;;
    --seconds) MODE=seconds; BUDGET="${2:?--seconds needs a number}"; shift ;;
    --keep-going) KEEP_GOING=1 ;;
    --replay) REPLAY=1 ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) TARGETS+=("$1") ;;
  esac
  shift
done
case "$BUDGET" in ''|*[!0-9]*) echo "not a whole number: $BUDGET" >&2; exit 2 ;; esac

FUZZ_DIR="$PWD/fuzz"
SANITIZER="${SEPAY_FUZZ_SANITIZER:-none}"
export CARGO_TARGET_DIR="$CACHE_DIR/target-fuzz"
export RUSTC_BOOTSTRAP=1
CARGO_FUZZ_ROOT="$CACHE_DIR/tools/cargo-fuzz"
export PATH="$CARGO_FUZZ_ROOT/bin:$PATH"

ensure_cargo_fuzz() {
  command -v cargo-fuzz >/dev/null && return 0
  log "cargo install cargo-fuzz (about 4 minutes, once)"
  cargo install cargo-fuzz --locked --root "$CARGO_FUZZ_ROOT" \
    || cargo install cargo-fuzz --root "$CARGO_FUZZ_ROOT"
}

all_targets() { (cd "$FUZZ_DIR" && cargo fuzz list); }

# Seeds: fixtures and fuzz/seeds/, behind the bytes each target reads first.
# Response decoders take `[operation][status][headers] body`: every body goes
# in with every operation, as 200, 401, 429 and 500.
# Writes dir/name: the bytes given as numbers, then body. Starts no process
# (thousands of seeds); bodies are text, read whole with `slurp`.
prefixed() { # dir name body byte...
  local dir="$1" name="$2" body="$3" head="" hex b
  shift 3
  for b in "$@"; do printf -v hex '\\x%02x' "$b"; head+="$hex"; done
  printf '%b%s' "$head" "$body" > "$dir/$name"
}

slurp() { IFS= read -r -d '' "$1" < "$2" || true; }

seed_decoder() { # target operations body-dir...
  local target="$1" ops="$2"; shift 2
  local dir="$FUZZ_DIR/corpus/$target" f op status body
  for f in $(find "$@" -maxdepth 1 -type f | sort); do
    slurp body "$f"
    for ((op = 0; op < ops; op++)); do
      for status in 0 4 10 11; do
        prefixed "$dir" "seed-$op-$status-$(basename "$f")" "$body" "$op" "$status" 0
      done
    done
  done
}

seed_webhook() {
  local dir="$FUZZ_DIR/corpus/webhook_receive" f name kind ct enc mode body
  for f in "$FUZZ_DIR"/seeds/webhook/*; do
    name="${f##*/}"
    case "$name" in
      receive*) kind=0 ;; pg_ipn*) kind=1 ;; bankhub_ipn*) kind=2 ;;
      bankhub_event*) kind=3 ;; token*) kind=4 ;; *) continue ;;
    esac
    # Content type and the receiver's encoding (flags bits 2-3).
    case "$name" in *.form) ct=2 enc=4 ;; *.multipart) ct=3 enc=8 ;; *) ct=0 enc=0 ;; esac
    slurp body "$f"
    # [mode][kind][credential][content type][method][skew][flags]; flags 0x60:
    # deliver again after completing the claim.
    for mode in 0 1 2 3 4; do
      prefixed "$dir" "seed-$mode-$name" "$body" "$mode" "$kind" 0 "$ct" 0 0 "$enc"
      prefixed "$dir" "seed-$mode-again-$name" "$body" "$mode" "$kind" 0 "$ct" 0 0 $((enc | 96))
    done
  done
}

seed_paging() {
  local dir="$FUZZ_DIR/corpus/paging" f which body
  # [paginator][max pages - 1][answers - 1][status][headers] body: one page,
  # repeated for as long as the walk asks.
  for f in tests/fixtures/*.json "$FUZZ_DIR"/seeds/{userapi,oauth,bankhub,pg}/*.json; do
    slurp body "$f"
    for ((which = 0; which < 8; which++)); do
      prefixed "$dir" "seed-$which-${f##*/}" "$body" "$which" 15 0 0 0
    done
  done
}

seed_rate_headers() {
  local dir="$FUZZ_DIR/corpus/rate_headers" v i=0
  # [status][flags: header count, bit 7 = through the client] then
  # [name][length][value] per header.
  for v in 1 0 2.5 -1 NaN inf 1e400 3600.000001 " 7 " 18446744073709551616; do
    i=$((i + 1))
    prefixed "$dir" "seed-retry-$i" "$v" 0 129 0 "${#v}"
    prefixed "$dir" "seed-v1-$i" "$v" 0 1 3 "${#v}"
    prefixed "$dir" "seed-reset-$i" "$v" 1 130 7 1 48 5 "${#v}" # remaining "0", reset
  done
}

seed_corpus() {
  local t="$1" dir="$FUZZ_DIR/corpus/$1"
  mkdir -p "$dir"
  # Seeded already, and no seed, fixture or this script changed since.
  if [ -e "$dir/.seeded" ] && [ -z "$(find "$FUZZ_DIR/seeds" tests/fixtures scripts/fuzz.sh -newer "$dir/.seeded" | head -1)" ]; then
    return 0
  fi
  case "$t" in
    userapi_decode) seed_decoder "$t" 25 tests/fixtures "$FUZZ_DIR/seeds/userapi" ;;
    oauth_decode) seed_decoder "$t" 13 "$FUZZ_DIR/seeds/oauth" ;;
    bankhub_decode) seed_decoder "$t" 17 "$FUZZ_DIR/seeds/bankhub" ;;
    pg_decode) seed_decoder "$t" 4 "$FUZZ_DIR/seeds/pg" ;;
    webhook_receive) seed_webhook ;;
    paging) seed_paging ;;
    rate_headers) seed_rate_headers ;;
    vietqr)
      local f body
      for f in "$FUZZ_DIR"/seeds/vietqr/*; do
        slurp body "$f"
        prefixed "$dir" "seed-${f##*/}" "$body" 0
      done ;;
    money|time) cp "$FUZZ_DIR/seeds/$t"/* "$dir/" ;;
  esac
  touch "$dir/.seeded"
}

# libFuzzer's closing numbers: executions (final stats, or the last status
# line when it stopped early) and, in fork mode, crashes counted by the parent.
executions() {
  local n
  n="$(sed -n 's/^stat::number_of_executed_units: *\([0-9]*\).*/\1/p' "$1" | tail -1)"
  [ -n "$n" ] || n="$(sed -n 's/^#\([0-9][0-9]*\).*/\1/p' "$1" | tail -1)"
  echo "${n:-0}"
}

fork_crashes() {
  sed -n 's|.*oom/timeout/crash: *\([0-9]*\)/\([0-9]*\)/\([0-9]*\).*|\1 \2 \3|p' "$1" | tail -1 \
    | awk '{ print $1 + $2 + $3 }'
}

replay() {
  local f target status=0
  shopt -s nullglob
  for f in fuzz/crashes-found/*; do
    case "$f" in *.md|*.txt) continue ;; esac
    target="$(basename "$f")"; target="${target%%--*}"
    if "$BIN_DIR/$target" -runs=1 "$f" >"$LOG_DIR/replay-$(basename "$f").log" 2>&1; then
      printf '%-40s fixed (no crash)\n' "$(basename "$f")"
    else
      printf '%-40s still crashes: %s\n' "$(basename "$f")" \
        "$(grep -m1 -E "panicked at|thread '.*' panicked" -A1 "$LOG_DIR/replay-$(basename "$f").log" | tr '\n' ' ')"
      status=1
    fi
  done
  return $status
}

ensure_cargo_fuzz
[ ${#TARGETS[@]} -gt 0 ] || mapfile -t TARGETS < <(all_targets)
log "cargo fuzz build (${#TARGETS[@]} targets, sanitizer $SANITIZER, debug assertions on)"
ONE=(); [ ${#TARGETS[@]} -eq 1 ] && ONE=("${TARGETS[0]}")
(cd "$FUZZ_DIR" && nice -n 10 cargo fuzz build --sanitizer "$SANITIZER" "${ONE[@]}")
BIN_DIR="$CARGO_TARGET_DIR/$(rustc -vV | sed -n 's/^host: //p')/release"
LOG_DIR="$CACHE_DIR/fuzz-logs"
mkdir -p "$LOG_DIR"

if [ "$REPLAY" = 1 ]; then
  log "replaying fuzz/crashes-found/"
  replay
  exit $?
fi

if [ "$MODE" = runs ]; then LIMIT=(-runs="$BUDGET"); else LIMIT=(-max_total_time="$BUDGET"); fi
if [ "$KEEP_GOING" = 1 ]; then
  LIMIT+=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
fi

started=$SECONDS
rows=()
failed=0
for t in "${TARGETS[@]}"; do
  seed_corpus "$t"
  artifacts="$FUZZ_DIR/artifacts/$t"
  mkdir -p "$artifacts"
  before="$(find "$artifacts" -type f | wc -l)"
  log "fuzz $t (${LIMIT[*]})"
  t0=$SECONDS
  rc=0
  nice -n 10 "$BIN_DIR/$t" "${LIMIT[@]}" -dict="$FUZZ_DIR/sepay.dict" -timeout=10 \
    -print_final_stats=1 -artifact_prefix="$artifacts/" "$FUZZ_DIR/corpus/$t" \
    >"$LOG_DIR/$t.log" 2>&1 || rc=$?
  secs=$((SECONDS - t0))
  execs="$(executions "$LOG_DIR/$t.log")"
  new="$(( $(find "$artifacts" -type f | wc -l) - before ))"
  crashes="$new"
  if [ "$KEEP_GOING" = 1 ]; then
    c="$(fork_crashes "$LOG_DIR/$t.log")"
    [ -n "$c" ] && crashes="$c"
  elif [ "$rc" != 0 ] && [ "$crashes" = 0 ]; then
    crashes=1
  fi
  if [ "$crashes" != 0 ] || [ "$rc" != 0 ]; then
    failed=1
    grep -m1 -E "panicked at" -A2 "$LOG_DIR/$t.log" >&2 || tail -20 "$LOG_DIR/$t.log" >&2
    echo "inputs: $artifacts (log: $LOG_DIR/$t.log)" >&2
  fi
  rows+=("$(printf '%-16s %14s %9s %8s %7s' "$t" "$execs" "$(( execs / (secs > 0 ? secs : 1) ))" "$crashes" "${secs}s")")
done

printf '\n%-16s %14s %9s %8s %7s\n' target executions exec/s crashes time
for r in "${rows[@]}"; do echo "$r"; done
printf 'total time %ss\n' "$((SECONDS - started))"
exit $failed
}
