#!/usr/bin/env bash
# Runs the benchmarks of a release build: ./dev bench [NAME...] calls this inside the
# environment. NAME: format (default: all). Figures go to stdout; copy them into README.md's
# Performance section together with this command.
set -euo pipefail
build=$1
shift
names=("$@")
[ ${#names[@]} -eq 0 ] && names=(format)
work=${CASTDECK_BENCH_DIR:-/tmp/castdeck-bench}
mkdir -p "$work"
for name in "${names[@]}"; do
  case "$name" in
    format)
      "$build/tests/bench/format/bench_format" detector 256
      for mb in 10 100 1024; do
        f="$work/generated-${mb}MB.cast"
        [ -f "$f" ] || "$build/tests/bench/format/bench_format" generate "$f" "$mb" 3
        "$build/tests/bench/format/bench_format" index "$f"
      done
      ;;
    record)
      # The recordings (about 250 MB, deleted afterwards) go to the work folder.
      "$build/tests/bench/record/bench_record" --out "$work"
      ;;
    view)
      # Paints into QImages; no display needed.
      QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} "$build/tests/bench/view/bench_view"
      ;;
    terminal-cat)
      # cat of a 100 MB file in a TerminalSession under a shown TerminalView, beside a bare
      # pty; the view is painted offscreen when there is no display.
      QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} "$build/tests/bench/terminal-cat/bench_terminal_cat"
      ;;
    play)
      # Needs the generated casts of `format`; the sidecars it writes beside them are rebuilt
      # by every run (the first open is measured without one).
      for mb in 10 100 1024; do
        f="$work/generated-${mb}MB.cast"
        [ -f "$f" ] || "$build/tests/bench/format/bench_format" generate "$f" "$mb" 3
        "$build/tests/bench/play/bench_play" "$f"
      done
      ;;
    search)
      # RecordingSearch over the generated 100 MB cast of `format`, beside a plain read and
      # Terminal ingest of the same file.
      f="$work/generated-100MB.cast"
      [ -f "$f" ] || "$build/tests/bench/format/bench_format" generate "$f" 100 3
      "$build/tests/bench/search/bench_search" "$f"
      ;;
    *)
      if [ -x "$build/tests/bench/$name/bench_$name" ]; then
        "$build/tests/bench/$name/bench_$name"
      else
        echo "unknown benchmark: $name" >&2
        exit 2
      fi
      ;;
  esac
done
