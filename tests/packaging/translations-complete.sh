#!/usr/bin/env bash
# translations-complete.sh BUILD_DIR SOURCE_DIR LUPDATE LINGUIST_CMAKE_DIR: every string the
# sources mark with tr() today has a finished German and French translation. Runs lupdate on
# copies of the .ts files (the sources stay untouched), so a string added without running
# `cmake --build BUILD --target update_translations` is caught too.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
build=$1 src=$2 lupdate=$3 linguist=$4
need cmake xmllint
make_tmp i18n
cmake -DIN_FILE="$build/translations/.lupdate/castdeck_lupdate_project.cmake" -DOUT_FILE="$tmp/project.json" \
    -P "$linguist/GenerateLUpdateProject.cmake" >/dev/null
status=0
for lang in de fr; do
    cp "$src/translations/castdeck_$lang.ts" "$tmp/"
    "$lupdate" -project "$tmp/project.json" -ts "$tmp/castdeck_$lang.ts" -locations none -silent >"$tmp/lupdate.log" 2>&1 \
        || { cat "$tmp/lupdate.log" >&2; fail "lupdate failed"; }
    total=$(xmllint --xpath 'count(//message[not(translation/@type="vanished") and not(translation/@type="obsolete")])' "$tmp/castdeck_$lang.ts")
    open=$(xmllint --xpath 'count(//message[translation/@type="unfinished"])' "$tmp/castdeck_$lang.ts")
    note "castdeck_$lang.ts: $total strings, $open without a finished translation"
    if [ "$open" != 0 ]; then
        xmllint --xpath '//message[translation/@type="unfinished"]/source' "$tmp/castdeck_$lang.ts" \
            | sed 's/^/    /' >&2
        status=1
    fi
done
[ "$status" = 0 ] || fail "untranslated strings: run 'cmake --build $build --target update_translations', translate them in translations/*.ts and mark them finished"
