// TerminalCursor, TerminalModes, TerminalSnapshot: the state of a Terminal as plain values.
//
// Data flow: Terminal::snapshot() / Terminal::modes() -> tests ("seek result == linear replay",
// cell for cell), the `render --text` CLI, debugging. Plain value types with operator==.
// TerminalModes holds everything besides the cells that decides how later output is drawn
// or how input is encoded: exactly what Terminal::statePreamble() restores.
#pragma once

#include "ScreenCell.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <array>

struct TerminalCursor {
    enum class Shape : quint8 { Block, Underline, Bar }; // DECSCUSR 1-2, 3-4, 5-6
    int row = 0;
    int col = 0;
    bool visible = true; // DECTCEM, ?25
    bool blink = true;   // ?12 and DECSCUSR's odd values
    Shape shape = Shape::Block;
    bool operator==(const TerminalCursor &) const = default;
};

struct TerminalModes {
    enum class MouseMode : quint8 { None, Click, Drag, Move };     // ?1000, ?1002, ?1003
    enum class MouseProtocol : quint8 { X10, Utf8, Sgr, Rxvt };    // default, ?1005, ?1006, ?1015

    bool appCursorKeys = false;      // DECCKM ?1
    bool appKeypad = false;          // DECKPAM ESC = / DECKPNM ESC >
    bool autowrap = true;            // DECAWM ?7
    bool originMode = false;         // DECOM ?6
    bool reverseVideo = false;       // DECSCNM ?5
    bool insertMode = false;         // IRM (ECMA-48 7.2.10), CSI 4 h
    bool newlineMode = false;        // LNM, CSI 20 h
    bool leftRightMarginMode = false; // DECLRMM ?69
    bool bracketedPaste = false;     // ?2004
    bool focusReporting = false;     // ?1004
    bool eightBitControls = false;   // S8C1T ESC SP G: replies use C1 bytes
    bool protectedPen = false;       // DECSCA CSI 1 " q: new characters are protected from DECSED/DECSEL
    MouseMode mouseMode = MouseMode::None;
    MouseProtocol mouseProtocol = MouseProtocol::X10;
    // Scroll margins, 0-based, bottom and right exclusive (DECSTBM, DECSLRM).
    int scrollTop = 0;
    int scrollBottom = 0;
    int scrollLeft = 0;
    int scrollRight = 0;
    // Character sets (ECMA-35 designations ESC ( ) * + F): 0 = the default (UTF-8), else the
    // final byte libvterm knows: '0' DEC special graphics, 'A' UK, 'B' US-ASCII.
    std::array<char, 4> charsets{};
    int glSet = 0;        // G set invoked into GL: SI/SO, LS2/LS3
    int singleShift = 0;  // 2 or 3 while SS2/SS3 waits for its character
    ScreenCell pen;       // the current SGR attributes (chars unused)
    // DECSC slot (ESC 7, ?1048h, ?1049h): position, cursor look and pen, if ever saved.
    bool savedCursorValid = false;
    TerminalCursor savedCursor;
    ScreenCell savedPen;
    // Deferred wrap (xterm's "pending wrap"): the cursor sits on the last column after a
    // character was written there, and the next character goes to the next line.
    bool pendingWrap = false;
    // The last character written: REP repeats it (if it has a width), and a combining
    // character that arrives while the cursor is right behind it is added to it.
    int lastGlyphWidth = 0;
    std::array<char32_t, ScreenCell::kMaxChars> lastGlyph{}; // empty when lastGlyphWidth is 0
    bool combinesAtCursor = false;

    bool operator==(const TerminalModes &) const = default;
};

struct TerminalSnapshot {
    int cols = 0;
    int rows = 0;
    QList<ScreenCell> cells;     // rows * cols, row-major
    QList<bool> lineContinued;   // per row: the line is a soft-wrapped continuation of the one above
    TerminalCursor cursor;
    bool altScreen = false;
    QString title;
    TerminalModes modes;

    const ScreenCell &cell(int row, int col) const { return cells.at(qsizetype(row) * cols + col); }
    // The screen as text, one string per row, trailing blanks trimmed; blank cells are spaces
    // and right halves of wide characters are skipped.
    QStringList textRows() const;
    QString text() const { return textRows().join(QLatin1Char('\n')); }
    // A readable description of the first difference to `other`, empty when equal (for tests).
    QString describeDifference(const TerminalSnapshot &other) const;

    bool operator==(const TerminalSnapshot &) const = default;
};
