// PreambleWriter: writes the escape sequences that draw cells into a fresh libvterm exactly
// as another one holds them, tracking where the receiving terminal's cursor and pen are so
// it emits only what is needed (CUP when the cursor is elsewhere, SGR differences).
//
// Data flow: Terminal::statePreamble() -> PreambleWriter -> bytes; also used to rebuild the
// saved main screen in a scratch terminal. Assumes the receiver starts like a fresh libvterm
// (blank screen, default pen, autowrap on, no margins, origin mode off, insert mode off,
// default character sets) and stays so while cells are drawn; Terminal sets modes afterwards.
//
// Cells that plain writing cannot produce get the sequence libvterm needs:
//  - blank cells with colours: SGR colours + ECH (ECMA-48 8.3.38), which erases with the pen's
//    colours only, like the erase that made them;
//  - a cell reported double-width whose character is narrow (a wide character's left half
//    overwritten), or a single-width cell holding a wide character (its right half
//    overwritten): a wide placeholder first, or the neighbour redrawn afterwards;
//  - a cell whose first character is combining: libvterm would add it to the character just
//    written, so something else is written there first;
//  - a double-width character in the last column (pushed there by ICH, its right half gone):
//    written one column to the left and pushed right with ICH (ECMA-48 8.3.64) again;
//  - most blank cells coloured (ESC[2J after a colour change): one ED (ECMA-48 8.3.39) with
//    those colours fills the screen, and only the other cells are drawn;
//  - right halves of wide characters without their left half (moved by ICH/DCH): wide
//    placeholders written right to left leave them, and at column 0 a DCH shifts one in;
//  - soft-wrapped rows (the continuation flag libvterm's reflow uses): a wide character that
//    does not fit in the last column of the row above wraps, which sets the flag; for the top
//    row a scroll carries it up, and the scrollback line this creates is cleared (ESC[3J).
#pragma once

#include "ScreenCell.h"

#include <QByteArray>
#include <QList>

class GlyphMetrics;

class PreambleWriter
{
public:
    PreambleWriter(QByteArray &out, int cols, int rows, GlyphMetrics &metrics);

    // Draws a whole screen. `cells` as Terminal reports them (rows * cols); with
    // `screenReverse` their `reverse` includes DECSCNM and is taken out again.
    void drawScreen(const QList<ScreenCell> &cells, const QList<bool> &continued, bool screenReverse);

    // CUP to a screen position (0-based), unless the cursor is known to be there. With an
    // origin set (DECOM on in the receiver), CUP is written relative to it.
    void moveTo(int row, int col);
    void setOrigin(int top, int left)
    {
        m_originTop = top;
        m_originLeft = left;
    }
    // Emits the SGR that makes the pen equal to `pen`'s attributes and colours.
    void setPen(const ScreenCell &pen);
    // Writes `cell`'s characters at (row, col) with its attributes.
    void writeGlyph(int row, int col, const ScreenCell &cell);
    // ECH: blanks `count` cells from the cursor with the colours `fg` and `bg`. ECH up to
    // the last column also clears the next row's continuation flag; with `keepWrapFlags` a
    // span that reaches it is blanked with DCH (ECMA-48 8.3.26) instead, which does not (the
    // cursor must be inside the scroll margins then).
    void erase(int count, const ScreenCell::Color &fg, const ScreenCell::Color &bg, bool keepWrapFlags = false);
    // Sets the top row's continuation flag (see above); the screen is cleared with ED 2.
    void setTopRowContinued();
    // Appends raw bytes; the cursor and pen are unknown afterwards unless stated.
    void raw(QByteArrayView bytes, bool cursorMoves = true);
    void forgetCursor() { m_cursorKnown = false; }
    // What the writer knows about the receiver, to go back to after dropping appended bytes.
    struct Mark {
        qsizetype size;
        int row, col;
        bool cursorKnown, deferredWrap, wroteGlyph;
        ScreenCell pen;
    };
    Mark mark() const { return Mark{m_out.size(), m_row, m_col, m_cursorKnown, m_deferredWrap, m_wroteGlyph, m_pen}; }
    void rollBack(const Mark &m)
    {
        m_out.truncate(m.size);
        m_row = m.row;
        m_col = m.col;
        m_cursorKnown = m.cursorKnown;
        m_deferredWrap = m.deferredWrap;
        m_wroteGlyph = m.wroteGlyph;
        m_pen = m.pen;
    }
    // Where the receiver's cursor is after bytes appended with raw().
    void assumeCursor(int row, int col, bool deferredWrap)
    {
        m_row = row;
        m_col = col;
        m_deferredWrap = deferredWrap;
        m_cursorKnown = true;
    }
    void resetPen(); // SGR 0

    // Natural width of a cell's characters as libvterm measures them.
    int glyphWidth(const ScreenCell &cell);
    // Whether the receiver's cursor is at (row, col) with a deferred wrap pending after the
    // last write.
    bool deferredWrap() const { return m_deferredWrap; }

    static void appendSgrColor(QByteArray &out, const ScreenCell::Color &c, bool foreground);

    // Writes `cell`'s characters at (row, col) even if they start with a combining character
    // (which libvterm would otherwise add to the character written before).
    void writeGlyphAlone(int row, int col, const ScreenCell &cell);
    // Whether a character was written since construction.
    bool wroteGlyph() const { return m_wroteGlyph; }

private:
    void drawRow(const QList<ScreenCell> &cells, int row, bool screenReverse, QList<bool> &mustDraw);
    // Draws the cell at (row, col); returns how many columns it took care of.
    int drawCell(const QList<ScreenCell> &cells, int row, int col, bool force, bool screenReverse, QList<bool> &mustDraw);
    bool isBackground(const ScreenCell &cell) const
    {
        return cell.isBlank() && cell.width == 1 && sameColor(cell.fg, m_backgroundFg) && sameColor(cell.bg, m_backgroundBg);
    }
    static bool sameColor(const ScreenCell::Color &a, const ScreenCell::Color &b)
    {
        return a.kind == b.kind && (a.kind == ScreenCell::Color::Kind::Default || a == b);
    }
    void writeChars(const ScreenCell &cell);
    void afterWrite(int row, int col, int width);

    QByteArray &m_out;
    int m_cols;
    int m_rows;
    GlyphMetrics &m_metrics;
    int m_originTop = 0;
    int m_originLeft = 0;
    int m_row = 0;
    int m_col = 0;
    bool m_cursorKnown = true; // a fresh receiver's cursor is at the top left
    bool m_deferredWrap = false;
    bool m_wroteGlyph = false;
    ScreenCell m_pen; // the receiver's pen (chars unused)
    // Colours of the blank cells the receiver's screen has (after a fill with ED 2).
    ScreenCell::Color m_backgroundFg;
    ScreenCell::Color m_backgroundBg;
};
