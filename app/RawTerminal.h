// RawTerminal: the terminal on stdin in raw mode while a CLI command runs, and its settings
// restored on every way out (restore(), or the destructor when a command returns early).
//
// Two flavours, because the commands want different things from the terminal:
//  - Keys (castdeck play): no echo, no line editing, no signal keys (ISIG: Ctrl+C arrives
//    as a byte, q and space too), no flow control, CR not mapped to NL; output processing
//    stays on. Applied with TCSAFLUSH: what was typed before playing is discarded.
//  - Passthrough (castdeck rec): cfmakeraw(), every byte goes through untouched both ways
//    (the recorded program's own pty does the processing). Applied with TCSADRAIN: what was
//    typed ahead goes to the child, not away.
//
// isRaw(), and anyRaw() for a message handler that has no object at hand, say whether a line
// written now needs "\r\n". Used on the main thread.
#pragma once

#include <termios.h>

class RawTerminal
{
public:
    enum class Mode { Keys, Passthrough };

    explicit RawTerminal(Mode mode);
    ~RawTerminal();
    RawTerminal(const RawTerminal &) = delete;
    RawTerminal &operator=(const RawTerminal &) = delete;

    // Saves the settings (the first time) and goes raw. Called again while raw (after SIGCONT:
    // the shell we were suspended to reset the terminal), it reapplies raw mode and keeps the
    // settings saved first. False, with errno set, when stdin is not a terminal or refuses.
    bool makeRaw();
    // Puts back the saved settings; nothing when not raw.
    void restore();
    bool isRaw() const { return m_raw; }

    // Whether some RawTerminal has stdin raw now.
    static bool anyRaw();

private:
    Mode m_mode;
    termios m_saved = {};
    bool m_raw = false;
};
