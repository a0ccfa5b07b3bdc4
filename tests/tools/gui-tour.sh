#!/usr/bin/env bash
# gui-tour.sh BUILD_DIR OUT_DIR: starts CastDeck with a new terminal on the current X display,
# drives a shell with xdotool through ls --color, vim, less, top and nano, and saves a
# screenshot of each into OUT_DIR. For looking at the terminal as a user would:
#   ./dev shell xvfb-run -a -s "-screen 0 1280x800x24" tests/tools/gui-tour.sh build/dev /tmp/tour
set -euo pipefail
build=$(cd "$1" && pwd)
out=$2
mkdir -p "$out"
src=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$src"
export SHELL=/bin/bash HOME=${TOUR_HOME:-$(mktemp -d)}
"$build/app/castdeck" --new-terminal &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
xdotool search --sync --onlyvisible --name CastDeck >/dev/null
sleep 1
shot() { "$build/tests/tools/grabscreen" "$out/$1.png" && echo "$out/$1.png"; }
run() { xdotool type --delay 15 "$1"; xdotool key Return; }
vim=$(command -v vim || command -v vim.tiny || command -v vi)
run "ls --color=always -la /usr/share /etc | head -40"; sleep 1.5; shot ls
run "$vim -u NONE README.md"; sleep 2; shot vim; xdotool type ':q'; xdotool key Return; sleep 0.5
run "less README.md"; sleep 1.5; shot less; xdotool key q; sleep 0.5
run "top"; sleep 2.5; shot top; xdotool key q; sleep 0.5
run "nano -l app/main.cpp"; sleep 1.5; shot nano; xdotool key ctrl+x; sleep 0.5
