#!/usr/bin/env bash
# xdg-install.sh BUILD_DIR APP_ID: `cmake --install` into a temporary prefix puts every file in
# its freedesktop place, and once the caches are updated as a package manager would, the
# desktop's own tools see CastDeck as the handler of .cast files.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
build=$1 appid=$2
need cmake update-mime-database update-desktop-database xdg-mime gio appstreamcli
make_tmp xdg
install_prefix "$build"

for f in bin/castdeck \
         "share/applications/$appid.desktop" \
         "share/metainfo/$appid.metainfo.xml" \
         "share/mime/packages/$appid.xml" \
         "share/icons/hicolor/scalable/apps/$appid.svg" \
         share/icons/hicolor/scalable/mimetypes/application-x-asciicast.svg; do
    [ -f "$prefix/$f" ] || fail "cmake --install did not install $f"
done
[ -x "$prefix/bin/castdeck" ] || fail "bin/castdeck is not executable"

isolate_xdg
update_caches
[ -f "$prefix/share/applications/mimeinfo.cache" ] || fail "no mimeinfo.cache"

# AppStream sees the installed desktop entry, metainfo and icon together.
appstreamcli validate-tree --no-net "$prefix" || fail "appstreamcli validate-tree --no-net $prefix"

mkdir -p "$tmp/casts"
write_cast "$tmp/casts/some.cast"
write_cast "$tmp/casts/no-extension"                 # magic {"version" at offset 0
printf 'not json at all\n' >"$tmp/casts/garbage.cast" # the glob alone decides
printf '{\n  "version": 1,\n  "width": 80\n}\n' >"$tmp/casts/pretty-v1"

check_type() { # FILE EXPECTED
    local got
    # xdg-mime asks GIO (shared-mime-info) in a GNOME session; without a desktop it falls
    # back to file(1), which knows nothing of asciicast.
    got=$(XDG_CURRENT_DESKTOP=GNOME xdg-mime query filetype "$1") || fail "xdg-mime query filetype $1 failed"
    [ "$got" = "$2" ] || fail "xdg-mime query filetype $(basename "$1"): '$got', expected '$2'"
    got=$(gio info -a standard::content-type "$1" | sed -n 's/^ *standard::content-type: //p')
    [ "$got" = "$2" ] || fail "gio info $(basename "$1"): '$got', expected '$2'"
    note "$(basename "$1"): $got"
}
check_type "$tmp/casts/some.cast" application/x-asciicast
check_type "$tmp/casts/no-extension" application/x-asciicast
check_type "$tmp/casts/garbage.cast" application/x-asciicast
check_type "$tmp/casts/pretty-v1" application/x-asciicast

default=$(xdg-mime query default application/x-asciicast)
[ "$default" = "$appid.desktop" ] || fail "xdg-mime query default application/x-asciicast: '$default'"
note "default application: $default"
# GIO picks the same handler (gio open uses it), and knows the translated comment.
gio_default=$(gio mime application/x-asciicast) || fail "gio mime application/x-asciicast failed"
grep -q "^Default application for .*application/x-asciicast.*: $appid.desktop$" <<<"$gio_default" \
    || { printf '%s\n' "$gio_default" >&2; fail "gio mime does not name $appid.desktop as the default"; }
note "xdg-mime and gio agree: .cast files open with $appid.desktop"
