// PtyExitStatus: how the program in a PtySession ended, an exit code or the signal that
// killed it.
//
// Data flow: PtySession::finished -> recorder (the "x" exit event) and the session's tab.
// Value type; used on the GUI thread.
#pragma once

#include <QtGlobal>

struct PtyExitStatus {
    int exitCode = 0; // the exit() status, 0..255; 0 when killed by a signal
    int signal = 0;   // the signal that killed the program (SIGTERM is 15, SIGKILL 9); 0 if it exited

    static PtyExitStatus exited(int code) { return {code, 0}; }
    static PtyExitStatus killed(int signal) { return {0, signal}; }

    // Killed by a signal rather than exiting by itself (a crash, kill, or PtySession::stop()).
    bool crashed() const { return signal != 0; }
    // Exited by itself with status 0.
    bool succeeded() const { return signal == 0 && exitCode == 0; }

    friend bool operator==(const PtyExitStatus &, const PtyExitStatus &) = default;
};
