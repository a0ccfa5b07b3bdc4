#!/usr/bin/env bash
# validate.sh SOURCE_DIR APP_ID VERSION: the desktop entry, the AppStream metadata and the MIME
# package pass their validators, and say what issue 7 asks of them.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
src=$1 appid=$2 version=$3
desktop=$src/packaging/$appid.desktop
metainfo=$src/packaging/$appid.metainfo.xml
mime=$src/packaging/$appid.xml
need desktop-file-validate appstreamcli xmllint
make_tmp validate

desktop-file-validate "$desktop" || fail "desktop-file-validate: $desktop"
appstreamcli validate --no-net --explain "$metainfo" || fail "appstreamcli validate --no-net: $metainfo"
xmllint --noout "$mime" || fail "xmllint: $mime is not well-formed"

# The desktop entry.
key() { sed -n "/^\[Desktop Entry\]/,/^\[/{s/^$1=//p}" "$desktop"; }
[ "$(key Exec)" = "castdeck %F" ] || fail "Exec is '$(key Exec)', expected 'castdeck %F'"
[ "$(key TryExec)" = castdeck ] || fail "TryExec"
[ "$(key Icon)" = "$appid" ] || fail "Icon is not the app id"
[ "$(key MimeType)" = "application/x-asciicast;" ] || fail "MimeType is '$(key MimeType)'"
grep -qx 'Exec=castdeck --new-terminal' "$desktop" || fail "no New Terminal action"
grep -qx 'Exec=castdeck --open-recording' "$desktop" || fail "no Open Recording action"

# The MIME package: the type, its glob and magic, its icon and the translated comments.
x() { xmllint --xpath "$1" "$mime" 2>/dev/null; }
ns='/*[local-name()="mime-info"]/*[local-name()="mime-type"][@type="application/x-asciicast"]'
[ "$(x "count($ns)")" = 1 ] || fail "application/x-asciicast is not defined in $mime"
[ "$(x "string($ns/*[local-name()=\"glob\"]/@pattern)")" = '*.cast' ] || fail "glob *.cast"
[ "$(x "string($ns/*[local-name()=\"magic\"]/*[local-name()=\"match\"][1]/@value)")" = '{"version"' ] \
    || fail 'magic {"version" at offset 0'
[ "$(x "string($ns/*[local-name()=\"magic\"]/*[local-name()=\"match\"][1]/@offset)")" = 0 ] || fail "magic offset"
[ -n "$(x "string($ns/*[local-name()=\"generic-icon\"]/@name)")" ] || fail "generic-icon"
for lang in de fr; do
    [ -n "$(x "string($ns/*[local-name()=\"comment\"][@xml:lang=\"$lang\"])")" ] || fail "comment in $lang"
done
# update-mime-database is stricter than the schema-less xmllint: it must accept the package.
mkdir -p "$tmp/mime/packages"
cp "$mime" "$tmp/mime/packages/"
XDG_DATA_DIRS=$tmp:/usr/share update-mime-database "$tmp/mime" 2>"$tmp/umd.err" || { cat "$tmp/umd.err" >&2; fail "update-mime-database"; }
[ ! -s "$tmp/umd.err" ] || { cat "$tmp/umd.err" >&2; fail "update-mime-database warned"; }
grep -q '^application/x-asciicast$' "$tmp/mime/types" || fail "the compiled database lacks the type"

# AppStream: what issue 7 asks for, and the newest release is this version.
m() { xmllint --xpath "$1" "$metainfo" 2>/dev/null; }
[ "$(m 'string(/component/launchable[@type="desktop-id"])')" = "$appid.desktop" ] || fail "launchable"
[ "$(m 'string(/component/provides/mediatype)')" = application/x-asciicast ] || fail "provides mediatype"
[ "$(m 'string(/component/provides/binary)')" = castdeck ] || fail "provides binary"
[ "$(m 'count(/component/content_rating)')" = 1 ] || fail "content_rating"
[ "$(m 'count(/component/screenshots/screenshot/image)')" -ge 1 ] || fail "screenshots"
[ -n "$(m 'string(/component/project_license)')" ] || fail "project_license"
newest=$(m 'string(/component/releases/release[1]/@version)')
[ "$newest" = "$version" ] || fail "the newest <release> is $newest, but CMakeLists.txt says $version"
note "desktop entry, AppStream metadata and MIME package are valid"
