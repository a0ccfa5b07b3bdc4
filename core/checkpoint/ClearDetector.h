// ClearDetector: finds screen-clear sequences in terminal output, in one streaming pass.
//
// Data flow: decoded output text -> ClearDetector -> matches -> checkpoints (recorder's
// writer thread, or CastIndexer when scanning a file).
//
// kSequences below is THE table of clear sequences: their bytes, what each clears, and
// whether a player may resume there. Nothing else in CastDeck lists them.
//
// The scan jumps from ESC to ESC with memchr and carries up to 7 bytes between calls, so a
// sequence split across events is found, reported in the call that sees its last byte.
// At one position the longest sequence wins (ESC[H ESC[2J is reported as itself, not as
// its inner ESC[2J); parameterised look-alikes (ESC[2;3J, ESC[0J) never match.
// Not thread-safe: one detector per stream.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

enum class ClearKind : quint8 {
    ClearScrollback,  // ESC[3J       ED 3 (xterm): erase saved lines
    Reset,            // ESC c        RIS, ECMA-48 8.3.105
    ClearScreen,      // ESC[2J       ED 2, ECMA-48 8.3.39
    HomeClear,        // ESC[H ESC[J  CUP + ED 0: the classic `clear` of old terminfo
    HomeClearScreen,  // ESC[H ESC[2J CUP + ED 2: `clear` with ncurses' xterm terminfo
    AltScreenEnter,   // ESC[?1049h   xterm: save cursor, switch to and clear the alternate screen
    AltScreenLeave,   // ESC[?1049l   xterm: back to the main screen, restore cursor
    AltScreen47Enter, // ESC[?47h     xterm (legacy): switch to the alternate screen
    AltScreen47Leave, // ESC[?47l     xterm (legacy): back to the main screen
    Manual,           // not a sequence: a checkpoint the user asked for while recording
};

struct ClearSequence {
    // What a sequence does to the terminal's contents.
    enum Effect : quint8 {
        BlanksScreen = 1,    // the visible screen is empty afterwards
        ClearsScrollback = 2,
        ResetsTerminal = 4,  // modes, pen, tabs, charsets: everything back to power-on
        EntersAltScreen = 8,
        LeavesAltScreen = 16,
    };
    // Where a player may start reading instead of replaying from the beginning.
    enum class Resume : quint8 {
        Always,       // nothing before it is visible or matters afterwards (RIS)
        WithPreamble, // only together with a state preamble restoring what survives it
    };

    ClearKind kind;
    QByteArrayView bytes;
    const char *name;     // stable identifier, used in JSON and the sidecar
    quint8 effects;
    Resume resume;
};

class ClearDetector
{
public:
    struct Match {
        ClearKind kind;
        qsizetype end; // index just after the sequence's last byte, in the chunk passed to scan()
        bool operator==(const Match &) const = default;
    };

    // Every sequence, longest first.
    static const QList<ClearSequence> &sequences();
    static const ClearSequence &sequence(ClearKind kind);
    // Name -> kind ("home-clear-screen" -> HomeClearScreen); false for unknown names.
    static bool kindFromName(QByteArrayView name, ClearKind &kind);
    static constexpr int kMaxSequenceLength = 8;

    // Scans the next chunk of the stream; appends matches to `out` (not cleared).
    void scan(QByteArrayView chunk, QList<Match> &out);
    void reset() { m_pendingSize = 0; }

    // The bytes carried to the next chunk (a possible sequence start), to save and restore
    // a scan in progress (resumable indexing).
    QByteArray state() const { return QByteArray(m_pending, m_pendingSize); }
    void restoreState(QByteArrayView state);

private:
    char m_pending[kMaxSequenceLength] = {};
    int m_pendingSize = 0;
};
