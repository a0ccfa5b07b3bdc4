# Shared by the packaging tests (sourced). Every test works in its own temporary folder and
# removes it, and ends only the processes it started, by pid.

fail() {
    printf 'FAIL: %s\n' "$*" >&2
    exit 1
}

note() {
    printf '%s\n' "$*"
}

# need TOOL...: the tools a test runs; a missing one is a broken environment, not a skip.
need() {
    local t
    for t in "$@"; do
        command -v "$t" >/dev/null 2>&1 || fail "$t is not installed (see PACKAGES in ./dev)"
    done
}

# make_tmp NAME: sets $tmp to a fresh folder removed on exit (after the test's own cleanup).
make_tmp() {
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/castdeck-$1.XXXXXX")
    trap 'on_exit' EXIT
}

cleanup_hooks=()
on_exit() {
    local h
    for h in "${cleanup_hooks[@]}"; do
        eval "$h" || true
    done
    rm -rf "$tmp"
}

# install_prefix BUILD_DIR: `cmake --install` into $tmp/prefix and sets $prefix.
install_prefix() {
    prefix=$tmp/prefix
    cmake --install "$1" --prefix "$prefix" >"$tmp/install.log" 2>&1 \
        || { cat "$tmp/install.log" >&2; fail "cmake --install $1 --prefix $prefix failed"; }
}

# isolate_xdg: a private home and XDG folders, so that neither the user's nor the system's
# settings and databases take part (the system's /usr/share stays last in XDG_DATA_DIRS for
# the base types such as text/plain). Call after install_prefix.
isolate_xdg() {
    export HOME=$tmp/home
    export XDG_DATA_HOME=$HOME/.local/share
    export XDG_CONFIG_HOME=$HOME/.config
    export XDG_CACHE_HOME=$HOME/.cache
    export XDG_CONFIG_DIRS=$tmp/etc/xdg
    export XDG_DATA_DIRS=$prefix/share:/usr/share
    export XDG_RUNTIME_DIR=$tmp/run
    export PATH=$prefix/bin:$PATH
    mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_CONFIG_DIRS"
    mkdir -m 0700 -p "$XDG_RUNTIME_DIR"
    unset XDG_CURRENT_DESKTOP XDG_MENU_PREFIX DESKTOP_SESSION
}

# update_caches: what a package manager's triggers do after installing into $prefix.
update_caches() {
    update-mime-database "$prefix/share/mime" || fail "update-mime-database rejected the MIME package"
    update-desktop-database "$prefix/share/applications" || fail "update-desktop-database failed"
}

# A small but real v2 recording.
write_cast() {
    printf '%s\n' '{"version": 2, "width": 80, "height": 24, "title": "packaging test"}' \
        '[0.1, "o", "hello\r\n"]' '[0.2, "o", "\u001b[H\u001b[2J"]' '[0.3, "o", "after the clear\r\n"]' >"$1"
}
