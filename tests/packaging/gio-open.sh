#!/usr/bin/env bash
# gio-open.sh BUILD_DIR APP_ID SCREENGRAB OUT_DIR [forward]: the double-click path for real.
# Installs into a temporary prefix, starts a private Xvfb, and lets `gio open some.cast` (what a
# file manager does on a double-click) launch CastDeck from the installed desktop entry. Passes
# when an installed castdeck process runs with that file in its argv and shows a window; saves a
# screenshot of the screen to OUT_DIR/gio-open.png.
# With `forward`: then `gio open` a second file, which must be handed to the running instance
# (the second process exits by itself, the first keeps running). Exits 77 (skipped) when the
# castdeck under test has no single-instance handling yet (its --help lists no --new-window).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
build=$1 appid=$2 screengrab=$3 outdir=$4 mode=${5:-open}

need Xvfb gio xdotool xprop update-mime-database update-desktop-database
make_tmp gio-open
install_prefix "$build"
isolate_xdg
update_caches
# The app runs on our X server, not offscreen (./dev test exports QT_QPA_PLATFORM=offscreen).
unset QT_QPA_PLATFORM WAYLAND_DISPLAY XAUTHORITY
export LC_ALL=C.UTF-8
mkdir -p "$tmp/casts" "$outdir"
write_cast "$tmp/casts/some.cast"
write_cast "$tmp/casts/second file.cast"

started=()
xvfb_pid=
# Ends what this test started, by pid, waiting for each; the X server last.
stop_all() {
    local p i
    for p in "${started[@]}" $xvfb_pid; do
        kill "$p" 2>/dev/null || continue
        for ((i = 0; i < 50; i++)); do
            kill -0 "$p" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL "$p" 2>/dev/null || true
    done
    started=()
    xvfb_pid=
}
cleanup_hooks+=(stop_all)

# A private X server. -displayfd makes it choose a free display itself (no race with other
# tests, unlike xvfb-run -a) and write the number once it accepts connections.
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$tmp/display" 2>"$tmp/xvfb.log" &
xvfb_pid=$!
for ((i = 0; i < 100; i++)); do
    [ -s "$tmp/display" ] && break
    kill -0 "$xvfb_pid" 2>/dev/null || { cat "$tmp/xvfb.log" >&2; fail "Xvfb did not start"; }
    sleep 0.1
done
[ -s "$tmp/display" ] || fail "Xvfb did not report its display within 10 s"
export DISPLAY=":$(head -n 1 "$tmp/display")"
note "Xvfb on $DISPLAY"

# pids_with FILE: installed castdeck processes whose argv holds FILE.
pids_with() {
    local d pid exe
    for d in /proc/[0-9]*; do
        pid=${d#/proc/}
        exe=$(readlink "$d/exe" 2>/dev/null) || continue
        [ "$exe" = "$prefix/bin/castdeck" ] || continue
        # (grep without -q reads to the end: no SIGPIPE for tr under pipefail)
        if tr '\0' '\n' <"$d/cmdline" 2>/dev/null | grep -xF -- "$1" >/dev/null; then
            printf '%s\n' "$pid"
        fi
    done
}

wait_for_pid() { # FILE SECONDS
    local i pid
    for ((i = 0; i < $2 * 10; i++)); do
        pid=$(pids_with "$1")
        pid=${pid%%$'\n'*}
        [ -n "$pid" ] && { printf '%s\n' "$pid"; return 0; }
        sleep 0.1
    done
    return 1
}

gio open "$tmp/casts/some.cast" || fail "gio open some.cast failed"
pid=$(wait_for_pid "$tmp/casts/some.cast" 20) \
    || fail "no installed castdeck process with some.cast in its argv 20 s after gio open"
started+=("$pid")
note "gio open started $(tr '\0' ' ' <"/proc/$pid/cmdline")(pid $pid)"

win=$(timeout 30 xdotool search --sync --onlyvisible --pid "$pid") \
    || fail "castdeck (pid $pid) showed no window within 30 s"
win=${win%%$'\n'*}
title=$(xdotool getwindowname "$win")
note "window $win: \"$title\""
# The window names its desktop entry (QGuiApplication::setDesktopFileName), and its WM_CLASS is
# the entry's StartupWMClass: that is how docks and task bars find the icon and group windows.
props=$(xprop -id "$win" _KDE_NET_WM_DESKTOP_FILE _GTK_APPLICATION_ID WM_CLASS) || fail "xprop -id $win failed"
for expected in "_KDE_NET_WM_DESKTOP_FILE(UTF8_STRING) = \"$appid\"" "_GTK_APPLICATION_ID(UTF8_STRING) = \"$appid\"" \
        "WM_CLASS(STRING) = \"castdeck\", \"$(sed -n 's/^StartupWMClass=//p' "$prefix/share/applications/$appid.desktop")\""; do
    grep -qxF -- "$expected" <<<"$props" || { printf '%s\n' "$props" >&2; fail "window property missing: $expected"; }
done
note "window properties name $appid"
sleep 1 # let the first frames paint before the picture
"$screengrab" "$outdir/gio-open.png" || fail "screenshot failed"
note "screenshot: $outdir/gio-open.png"
case "$title" in
    *some.cast*) note "the window title names the opened file" ;;
    *) note "note: the window title does not name some.cast" ;;
esac

if [ "$mode" = forward ]; then
    help=$("$prefix/bin/castdeck" --help 2>/dev/null) || fail "castdeck --help failed"
    if ! grep -q -- '--new-window' <<<"$help"; then
        note "SKIP: this castdeck has no single-instance handling yet (no --new-window in --help)"
        exit 77
    fi
    gio open "$tmp/casts/second file.cast" || fail "gio open of the second file failed"
    # The second launch forwards the file and exits; only the first process remains.
    # It may come and go between two looks: if it was never seen after 3 s, it was quick.
    seen=0
    for ((i = 0; i < 200; i++)); do
        second=$(pids_with "$tmp/casts/second file.cast")
        if [ -n "$second" ]; then
            seen=1
        elif [ "$seen" = 1 ] || [ "$i" -ge 30 ]; then
            break
        fi
        sleep 0.1
    done
    second=$(pids_with "$tmp/casts/second file.cast")
    if [ -n "$second" ]; then
        started+=($second)
        fail "the second castdeck (pid $second) is still running 20 s later: it did not hand the file over"
    fi
    kill -0 "$pid" 2>/dev/null || fail "the first castdeck (pid $pid) is gone"
    # A window that names its file in the title must name the forwarded one too.
    case "$title" in
        *some.cast*)
            for ((i = 0; i < 50; i++)); do
                title=$(xdotool getwindowname "$win")
                case "$title" in *"second file.cast"*) break ;; esac
                sleep 0.1
            done
            case "$title" in
                *"second file.cast"*) note "window title now: \"$title\"" ;;
                *) fail "the running window's title does not name the forwarded file: \"$title\"" ;;
            esac
            ;;
    esac
    windows=$(xdotool search --onlyvisible --class castdeck) || true
    [ "$(grep -c . <<<"$windows")" -le 1 ] || fail "a second window appeared"
    sleep 1
    "$screengrab" "$outdir/gio-open-forward.png" || fail "screenshot failed"
    note "the second file went to the running instance; screenshot: $outdir/gio-open-forward.png"
fi

kill "$pid"
for ((i = 0; i < 50; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
done
kill -0 "$pid" 2>/dev/null && fail "castdeck ignored SIGTERM for 5 s" # stop_all kills it
started=()
note "ok"
