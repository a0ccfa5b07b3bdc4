// Terminal: the headless terminal model: libvterm (0.3) with CastDeck's additions. Nothing
// else in CastDeck touches libvterm.
//
// Data flow: output bytes (pty, .cast events) -> feed() -> screen cells, cursor, title,
// scrollback -> views / player / CLI; input from a view -> send*() -> outputRequested() ->
// pty. Replies the terminal owes the application (DA, DSR/CPR, DECRQM...) also come out of
// outputRequested(). A QObject without widgets: the player, the CLI and the recorder's
// writer thread each own one; not thread-safe (use it from the thread it lives in).
//
// What it adds to libvterm:
//  - statePreamble(): escape sequences that rebuild the current state in a fresh Terminal of
//    the same size, so a player can start at a checkpoint instead of replaying everything;
//    with the main screen behind the alternate one (which libvterm's API cannot read, so it
//    is copied just before the switch), the DECSC slot, the deferred wrap, modes and pen;
//  - compact bounded scrollback, damage as one rectangle per feed(), signals once per feed();
//  - protection from inputs that crash or hang libvterm 0.3.3 (see SequenceTracker.h).
//
// Coordinates are 0-based (row, col); the screen is at least 2 columns wide (libvterm
// crashes on a double-width character in a 1-column terminal) and 1 row high.
#pragma once

#include "ScreenCell.h"
#include "ScrollbackBuffer.h"
#include "SequenceTracker.h"
#include "TerminalSnapshot.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QObject>
#include <QRect>
#include <QString>

#include <array>
#include <memory>

struct VTerm;
struct VTermScreen;
struct VTermState;
class GlyphMetrics;

class Terminal : public QObject
{
    Q_OBJECT
public:
    enum class Key : quint8 {
        Enter, Tab, Backspace, Escape, Up, Down, Left, Right, Insert, Delete, Home, End, PageUp, PageDown,
        F1, F2, F3, F4, F5, F6, F7, F8, F9, F10, F11, F12,
        Kp0, Kp1, Kp2, Kp3, Kp4, Kp5, Kp6, Kp7, Kp8, Kp9,
        KpMultiply, KpPlus, KpComma, KpMinus, KpPeriod, KpDivide, KpEnter, KpEqual,
    };
    enum Modifier : quint8 { NoModifier = 0, Shift = 1, Alt = 2, Ctrl = 4 };
    Q_DECLARE_FLAGS(Modifiers, Modifier)
    enum class MouseButton : quint8 { Left = 1, Middle = 2, Right = 3, WheelUp = 4, WheelDown = 5, WheelLeft = 6, WheelRight = 7 };

    static constexpr int kDefaultScrollbackLimit = 10000;

    Terminal(int cols, int rows, QObject *parent = nullptr);
    ~Terminal() override;

    // Output from the application. Any split is fine, also inside sequences and characters.
    void feed(QByteArrayView bytes);
    // Keeps the content: lines are re-wrapped (libvterm's reflow), lines pushed off the top
    // go to the scrollback and come back when the screen grows.
    void resize(int cols, int rows);
    int cols() const { return m_cols; }
    int rows() const { return m_rows; }

    // --- Screen ---------------------------------------------------------------------------
    ScreenCell cell(int row, int col) const;
    // Row `row` is a soft-wrapped continuation of the row above.
    bool isLineContinued(int row) const;
    // Text only, for reading many rows fast (search): the cells of screen row `row`, or of
    // scrollback line `index` (at its own width), with their characters and width; colours and
    // attributes are left at ScreenCell's defaults. `out` is reused (its capacity kept).
    void readRowChars(int row, QList<ScreenCell> &out) const;
    void readScrollbackChars(int index, QList<ScreenCell> &out) const;
    TerminalCursor cursor() const;
    bool isAltScreen() const { return m_altScreen; }
    QString title() const { return m_title; }

    // The cells that changed since the last call (x = column, y = row), the old and new
    // cursor cells included; a null QRect when nothing changed.
    QRect takeDamage();

    // --- Scrollback (main screen only; the alternate screen has none) --------------------------
    int scrollbackLimit() const { return m_scrollback.limit(); }
    void setScrollbackLimit(int lines);
    int scrollbackSize() const { return m_scrollback.size(); }
    // Index 0 is the oldest line, scrollbackSize() - 1 the one just above the screen. A line
    // has the width the screen had when it scrolled off.
    QList<ScreenCell> scrollbackLine(int index) const;
    // Scrollback line `index` is a soft-wrapped continuation of the line before it (for the
    // oldest line kept: of a line already dropped); the top screen row's isLineContinued(0)
    // says whether it continues the newest scrollback line. Known from libvterm's line flags
    // as lines scroll off one at a time (line feeds): libvterm moves the flags before it hands
    // a line over, so Terminal notes row 0's flag when a row gets there. Not known, so false:
    // lines a resize pushes off. Can be wrong for a line that scrolls off, within the same
    // feed(), after a reverse scroll at the top (RI, SD) or as the second or later of several
    // lines scrolled off at once (SU n). A line pulled back onto the screen by a resize loses its
    // flag (libvterm takes lines back without one).
    bool isScrollbackLineContinued(int index) const;
    // Bytes the scrollback takes (for diagnostics).
    qint64 scrollbackMemory() const { return m_scrollback.memoryUsage(); }

    // --- Colours ----------------------------------------------------------------------------
    // The 16 ANSI colours (SGR 30-37, 90-97 and their backgrounds), 0xRRGGBB: a cast
    // header's theme. Fewer entries change only the first ones.
    void setPalette(const QList<quint32> &colors);
    // What default-coloured cells resolve to (their Color::Kind stays Default).
    void setDefaultColors(quint32 fg, quint32 bg);

    // --- Input from a view: encoded as the application asked, out through outputRequested() ---
    void sendKey(Key key, Modifiers modifiers = NoModifier);
    void sendChar(char32_t ch, Modifiers modifiers = NoModifier);
    // Mouse reports, when mouseMode() is not None (0-based cell coordinates).
    void sendMouseMove(int row, int col, Modifiers modifiers = NoModifier);
    void sendMouseButton(MouseButton button, bool pressed, Modifiers modifiers = NoModifier);
    // Pasted text, wrapped in ESC[200~ / ESC[201~ when bracketed paste is on.
    void sendPaste(const QString &text);
    void startPaste();
    void endPaste();
    // Focus in/out reports (ESC[I / ESC[O) when the application asked for them (?1004).
    void sendFocus(bool focused);
    TerminalModes::MouseMode mouseMode() const { return m_mouseMode; }
    bool bracketedPaste() const;

    // --- State ------------------------------------------------------------------------------
    TerminalModes modes() const;
    TerminalSnapshot snapshot() const;
    // Escape sequences that, fed into a fresh Terminal of the same size (and palette),
    // reproduce this one's state: every cell, the line continuation flags, cursor (position,
    // shape, blink, visibility, deferred wrap), pen, DECSC slot, scroll margins, modes
    // (DECCKM, DECKPAM, DECAWM, DECOM, DECSCNM, IRM, LNM, DECLRMM, mouse, focus, bracketed
    // paste, S8C1T, DECSCA), character sets, title and, on the alternate screen, the main
    // screen first and then the alternate one (so a later ?1049l shows the right main
    // screen). An unfinished sequence at the end is repeated, so the next bytes continue it.
    // Also what libvterm keeps for the next characters: the last character (REP repeats it,
    // a combining character joins it) and a REP's deferred wrap.
    // Not included: scrollback; tab stops set with HTS/TBC; DECDWL/DECDHL line sizes; which
    // cells DECSCA protects; DECSLRM margins while DECLRMM is off; attributes other than
    // colours of blank cells created by a resize; an incomplete UTF-8 character libvterm
    // holds after a chunk split inside one (Terminal holds those back itself, so only the
    // bytes before a sequence count). On the alternate screen, when the last character's
    // cell was since moved (scroll, insert) or a REP wrap comes from the main screen, the
    // combining/wrap state cannot be rebuilt. The alternate screen's top-row continuation
    // flag, which libvterm keeps while the main screen shows, is followed except across
    // resizes. Blank default cells are not drawn, so the preamble of a cleared screen is short.
    QByteArray statePreamble() const;

Q_SIGNALS:
    // At most once per feed() / resize(): call takeDamage().
    void damaged();
    void titleChanged(const QString &title);
    void bell();
    void altScreenChanged(bool altScreen);
    void scrollbackChanged();
    // Bytes for the application (replies, encoded input).
    void outputRequested(const QByteArray &bytes);

private:
    friend struct TerminalCallbacks;

    struct Probe;
    struct LastGlyph {
        int row = 0;
        int col = 0;
        int width = 0; // 0: nothing written yet
        std::array<char32_t, ScreenCell::kMaxChars> chars{};
    };

    void write(const char *bytes, qsizetype size);
    bool repIsSafe(int count) const;
    void beginCellRun();
    void endCellRun(bool rep, bool autowrap);
    void captureMainScreen();
    void captureSavedCursor();
    void keepRestoredCursorInside(bool originMode);
    void resizeMainScreenCopy(int oldCols, int oldRows);
    void finishUpdate();
    void flushOutput();
    void addDamage(int startRow, int endRow, int startCol, int endCol);
    ScreenCell currentPen() const;
    QList<ScreenCell> currentCells() const;
    QList<bool> currentContinuation() const;
    // atGround: the caller knows libvterm's parser is at ground (inside feed(), between two
    // sequences, where the tracker's state is the one at the end of the chunk).
    Probe probe(bool atGround = false) const;
    enum class GlyphRestore { None, InPlace, Elsewhere };
    GlyphRestore writeLastGlyph(class PreambleWriter &w, QByteArray &out, bool deferredWrap, const TerminalModes &m) const;

    VTerm *m_vt = nullptr;
    VTermScreen *m_screen = nullptr;
    VTermState *m_state = nullptr;
    std::unique_ptr<GlyphMetrics> m_metrics;
    int m_cols = 0;
    int m_rows = 0;

    SequenceTracker m_tracker;
    SequenceTracker::Result m_scan;
    ScrollbackBuffer m_scrollback;
    ScrollbackBuffer::Line m_spareLine;
    // Row 0's continuation flag as it was when the row got there (libvterm has overwritten
    // it by the time the row is pushed into the scrollback); read at every feed() and push.
    bool m_row0Continued = false;
    bool m_pushFlagsKnown = true;  // false while libvterm re-wraps (resize)
    std::vector<quint32> m_packScratch;

    // Screen properties libvterm reports through callbacks.
    TerminalCursor m_cursorLook; // visible, blink, shape (position from libvterm)
    bool m_altScreen = false;
    bool m_screenReverse = false;
    TerminalModes::MouseMode m_mouseMode = TerminalModes::MouseMode::None;
    QString m_title;
    QByteArray m_titleBytes;
    QByteArray m_titlePending;
    QByteArray m_iconBytes;
    QByteArray m_iconPending;
    quint32 m_defaultFg = 0xf0f0f0;
    quint32 m_defaultBg = 0x000000;

    // The main screen while the alternate one is shown.
    QList<ScreenCell> m_mainCells;
    QList<bool> m_mainContinued;
    bool m_mainScreenReverse = false;
    bool m_mainValid = false;
    // libvterm keeps the alternate screen's line flags while the main screen shows, and
    // entering it again clears all but the top row's continuation flag.
    bool m_altTopRowContinued = false;

    // DECSC slot as recorded when saved.
    bool m_savedValid = false;
    bool m_savedClamped = false; // a resize moved the slot inside the screen
    TerminalCursor m_savedCursor;
    ScreenCell m_savedPen;

    // Last character written and the deferred-wrap state it leaves.
    LastGlyph m_lastGlyph;
    bool m_deferredWrap = false;
    // Where REP put its last copy when it left the deferred wrap (column -1 otherwise).
    int m_repWrapRow = 0;
    int m_repWrapCol = -1;
    bool m_inCellRun = false;
    bool m_runDamageSeen = false;
    int m_runDamage[4] = {}; // start row, end row, start col, end col of the last damage
    bool m_cursorMoved = false;

    // Pending notifications (emitted by finishUpdate()).
    int m_damage[4] = {-1, -1, -1, -1};
    bool m_titleChanged = false;
    bool m_bellPending = false;
    bool m_altChanged = false;
    bool m_scrollbackChanged = false;
    QByteArray m_output;
    int m_updateDepth = 0;

    // Probing (statePreamble(), modes()) and resizes on the alternate screen.
    mutable bool m_probing = false;
    mutable QByteArray m_probeReply;
    bool m_recordPops = false;
    QList<ScrollbackBuffer::Line> m_poppedLines;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(Terminal::Modifiers)
