// BackendInfo: the versions of the libraries CastDeck's terminal stands on, for the About
// dialog and `castdeck --version`-style reports (the UI does not link them itself).
#pragma once

#include <QString>

struct BackendInfo {
    // "6.x.y" of the KF6Pty CastDeck was built against.
    static QString kptyVersion();
    // "0.3.3": libvterm's headers at build time (libvterm has no run-time version query).
    static QString libvtermVersion();
};
