#!/usr/bin/env bash
# deb-package.sh BUILD_DIR APP_ID VERSION: CPack builds the Debian package from this build, its
# control data name real Debian 13 packages as dependencies (all installed here), it holds the
# binary, the desktop entry, the MIME package, the metadata and the icons, and once installed
# into a private root by dpkg itself, castdeck runs from there.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
build=$1 appid=$2 version=$3
need cpack dpkg dpkg-deb dpkg-shlibdeps dpkg-query
make_tmp deb

# -B keeps CPack's staging folder and the package out of the build folder.
cpack --config "$build/CPackConfig.cmake" -G DEB -B "$tmp/out" >"$tmp/cpack.log" 2>&1 \
    || { cat "$tmp/cpack.log" >&2; fail "cpack -G DEB failed"; }
arch=$(dpkg --print-architecture)
deb=$tmp/out/castdeck_${version}_$arch.deb
[ -f "$deb" ] || { ls -l "$tmp/out" >&2; fail "no $(basename "$deb")"; }
note "built $(basename "$deb") ($(stat -c %s "$deb") bytes)"

# Control data.
dpkg-deb -I "$deb" >"$tmp/info"
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = castdeck ] || fail "Package: $(field Package)"
[ "$(field Version)" = "$version" ] || fail "Version: $(field Version)"
[ "$(field Architecture)" = "$arch" ] || fail "Architecture: $(field Architecture)"
depends=$(field Depends)
note "Depends: $depends"
depends_lines=$(tr ',' '\n' <<<"$depends")
# dpkg-shlibdeps names the libraries the binary links against: Qt, KF6Pty, libvterm, libc.
for lib in libc6 'libstdc\+\+6' 'libqt6core6(t64)?' libqt6gui6 libqt6widgets6 libqt6network6 libkf6pty6 libvterm0; do
    grep -Eq "^ *$lib( |$)" <<<"$depends_lines" || fail "Depends lacks $lib"
done
# Every dependency is a real Debian 13 package, satisfied here (this environment is Debian 13).
while IFS= read -r dep; do
    ok=0
    # An alternative list "a (>= 1) | b": one satisfied alternative is enough.
    IFS='|' read -ra alts <<<"$dep"
    for alt in "${alts[@]}"; do
        name=$(printf '%s' "$alt" | sed -E 's/^ *([^ (]+).*/\1/')
        rel=$(printf '%s' "$alt" | sed -nE 's/.*\(([<>=]+) *([^)]+)\).*/\1 \2/p')
        have=$(dpkg-query -W -f '${Version}' "$name" 2>/dev/null) || continue
        [ -n "$have" ] || continue
        if [ -n "$rel" ]; then
            set -- $rel
            case $1 in '>=') op=ge ;; '<=') op=le ;; '>>') op=gt ;; '<<') op=lt ;; '=') op=eq ;; *) op=ge ;; esac
            dpkg --compare-versions "$have" "$op" "$2" || continue
        fi
        ok=1
    done
    [ "$ok" = 1 ] || fail "dependency '$dep' is not satisfied by this Debian 13 environment"
done <<<"$depends_lines"

# Contents.
dpkg-deb -c "$deb" | awk '{print $6}' >"$tmp/contents"
for f in ./usr/bin/castdeck \
         "./usr/share/applications/$appid.desktop" \
         "./usr/share/mime/packages/$appid.xml" \
         "./usr/share/metainfo/$appid.metainfo.xml" \
         "./usr/share/icons/hicolor/scalable/apps/$appid.svg" \
         ./usr/share/icons/hicolor/scalable/mimetypes/application-x-asciicast.svg; do
    grep -qxF "$f" "$tmp/contents" || fail "the package lacks $f"
done
! grep -q '^./usr/local/' "$tmp/contents" || fail "files under /usr/local in the package"

# Install with dpkg into a private root (its own, empty dpkg database): no maintainer scripts to
# run, and the triggers that update the MIME and desktop caches belong to the real system.
root=$tmp/root
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates" "$root/var/lib/dpkg/triggers"
: >"$root/var/lib/dpkg/status"
if dpkg --root="$root" --force-not-root --force-depends --force-script-chrootless --log=/dev/null \
        --no-triggers -i "$deb" >"$tmp/dpkg.log" 2>&1; then
    [ "$(dpkg-query --root="$root" -W -f '${Status}' castdeck)" = "install ok installed" ] \
        || fail "dpkg does not list castdeck as installed in $root"
    how="dpkg --root"
else
    # dpkg refuses some operations for an unprivileged user (chown of files to root): extract
    # the files as dpkg would instead, and say so.
    note "dpkg --root as uid $(id -u) failed ($(tail -n 1 "$tmp/dpkg.log")); extracting with dpkg-deb -x"
    rm -rf "$root"
    dpkg-deb -x "$deb" "$root"
    how="dpkg-deb -x"
fi
for f in usr/bin/castdeck "usr/share/applications/$appid.desktop" "usr/share/mime/packages/$appid.xml"; do
    [ -e "$root/$f" ] || fail "$f missing after $how"
done
out=$(env -u DISPLAY -u WAYLAND_DISPLAY "$root/usr/bin/castdeck" --version) || fail "the installed castdeck --version failed"
[ "$out" = "castdeck $version" ] || fail "castdeck --version printed '$out'"
note "installed with $how; $root/usr/bin/castdeck --version: $out"
# The packaged binary is stripped.
if command -v file >/dev/null; then
    case $(file -L "$root/usr/bin/castdeck") in *'not stripped'*) fail "the packaged binary is not stripped" ;; esac
fi
if [ "$how" = "dpkg --root" ]; then
    dpkg --root="$root" --force-not-root --force-script-chrootless --log=/dev/null --no-triggers -r castdeck \
        >"$tmp/dpkg-r.log" 2>&1 || { cat "$tmp/dpkg-r.log" >&2; fail "dpkg -r failed"; }
    left=$(find "$root" -path "$root/var" -prune -o -type f -print)
    [ -z "$left" ] || fail "dpkg -r left files behind: $left"
    note "dpkg -r removed every file"
fi
note "ok"
