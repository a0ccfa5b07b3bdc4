// SequenceTracker: follows the escape-sequence structure of terminal output byte by byte,
// exactly as libvterm 0.3.3's parser does (src/parser.c: ground, ESC, CSI leader/args/
// intermediates, OSC/DCS/APC/PM/SOS strings, CAN/SUB aborts, ESC-letter hoisting to C1),
// without interpreting most of it. Owned by Terminal; not thread-safe.
//
// Data flow: Terminal::feed() -> scan() -> (sanitised bytes, split points) -> libvterm.
// Terminal needs to act at points libvterm does not report:
//  - just before the final byte of ?1047h/?1049h, to copy the main screen (libvterm's public
//    API only reads the current buffer);
//  - just after DECSC (ESC 7, ?1048h, ?1049h), to record the saved cursor, and just after
//    DECRC (ESC 8, ?1048l, ?1049l), to keep a restored cursor inside the screen;
//  - around the last text run (and REP), fed with per-cell damage to learn where the last
//    character went: that decides the deferred-wrap state and REP's safety (below).
// It also keeps what only the byte stream tells: whether the parser is inside a sequence (and
// its bytes so far, for statePreamble()), and modes libvterm cannot report: IRM, LNM, G0-G3
// designations and shifts, S8C1T, and DECAWM for the wrap decision.
//
// scan() also sanitises input that crashes or hangs libvterm 0.3.3:
//  - a CSI with more than 16 parameters overflows the parser's argument array (it overwrites
//    the callback pointer: segfault). The 16th separator is replaced by CAN (ECMA-48 8.3.6)
//    and the rest of the sequence is dropped, as if it had been cancelled;
//  - UTF-8 encoded C1 controls (U+0080-U+009F) are printed with width -1, which moves the
//    cursor to column -1, and the next EL dereferences a null cell. They are dropped (xterm
//    does not print them either).
// REP (CSI b) after no character or a zero-width one loops forever in libvterm, and REP of a
// double-width character that reaches the last column writes past the row (segfault);
// Terminal cancels those, using the last character this tracker helps it find.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QVarLengthArray>

#include <array>

class SequenceTracker
{
public:
    struct Event {
        enum class Kind : quint8 {
            CellRunStart,   // start of a text run / REP fed with per-cell damage
            CellRunEnd,     // its end
            AltScreenEnter, // offset of the final 'h' of ?1047h / ?1049h
            AltScreenLeave, // offset of the final 'l' of ?1047l / ?1049l
            SaveCursor,     // just after ESC 7, ?1048h, ?1049h
            RestoreCursor,  // just after ESC 8, ?1048l, ?1049l
            Reset,          // just after RIS (ESC c) or DECSTR (CSI ! p)
        };
        qsizetype offset = 0; // in the bytes to feed (Result::bytes())
        Kind kind = Kind::CellRunStart;
        bool rep = false;      // the run is a REP sequence; offset of its CellRunEnd is its final byte
        bool autowrap = true;  // DECAWM at the end of the run
        int repCount = 0;      // REP's repeat count, as libvterm reads it (CSI_ARG_COUNT)
        bool originMode = false; // DECOM at a RestoreCursor
    };

    struct Result {
        QVarLengthArray<Event, 16> events; // sorted by offset
        qsizetype lastClearEnd = -1;       // end of the last CSI that cancels a deferred wrap in place
        qsizetype lastRunEnd = -1;         // end of the last run event
        QByteArray sanitised;              // the bytes to feed when `edited` (input otherwise)
        bool edited = false;
        qsizetype length = 0;              // how many bytes to feed (held UTF-8 tail excluded)
    };

    // Scans the next chunk. The bytes to feed are result.edited ? result.sanitised :
    // chunk.first(result.length); the rest (an incomplete UTF-8 character at the end) is
    // held and returned by heldBytes(), to be put in front of the next chunk.
    void scan(QByteArrayView chunk, Result &result);
    QByteArray takeHeldBytes() { return std::exchange(m_held, {}); }
    const QByteArray &heldBytes() const { return m_held; }

    // The parser is in its ground state (no sequence or string started).
    bool atGround() const { return m_state == State::Normal && !m_inEsc && !m_skipping; }
    // libvterm's own parser is in its ground state (a cancelled overlong CSI whose rest is
    // still being dropped counts: libvterm saw the CAN).
    bool parserAtGround() const { return m_state == State::Normal && !m_inEsc; }
    // The bytes that put another tracker and its libvterm where this one is inside an
    // unfinished sequence (what the parser holds, controls it already executed left out);
    // empty at ground; false if the sequence grew beyond kMaxPending and was not kept.
    bool pendingSequence(QByteArray &bytes) const;

    // Modes only the byte stream tells.
    bool insertMode() const { return m_insert; }
    bool newlineMode() const { return m_newline; }
    bool autowrap() const { return m_autowrap; }
    bool eightBitControls() const { return m_eightBit; }
    const std::array<char, 4> &charsets() const { return m_charsets; }
    int glSet() const { return m_gl; }
    int singleShift() const { return m_singleShift; }

    void reset(); // power-on state (a fresh libvterm)

    static constexpr qsizetype kMaxPending = 64 * 1024;

private:
    enum class State : quint8 { Normal, CsiLeader, CsiArgs, CsiIntermed, DcsCommand, OscCommand, Osc, Dcs, Apc, Pm, Sos };
    static bool isString(State s) { return s >= State::OscCommand; }

    class Scan;
    void resetModes();
    Event restoreEvent(qsizetype offset) const;
    void dispatchCsi(Scan &scan, unsigned char final, qsizetype finalPos);
    void dispatchEscape(Scan &scan, unsigned char final, qsizetype endPos);

    State m_state = State::Normal;
    bool m_inEsc = false;
    bool m_skipping = false; // dropping the rest of an overlong CSI
    int m_intermedLen = 0;
    char m_intermed[16] = {};
    int m_leaderLen = 0;
    char m_leader[16] = {};
    int m_argi = 0;
    std::array<quint64, 16> m_args{};

    QByteArray m_pending;      // bytes of an unfinished sequence from earlier chunks
    bool m_pendingOverflow = false;
    QByteArray m_held;         // incomplete UTF-8 character at the end of the last chunk

    bool m_insert = false;
    bool m_newline = false;
    bool m_autowrap = true;
    bool m_origin = false; // DECOM
    bool m_eightBit = false;
    std::array<char, 4> m_charsets{};
    int m_gl = 0;
    int m_singleShift = 0;
};
