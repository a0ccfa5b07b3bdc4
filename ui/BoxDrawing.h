// BoxDrawing: draws the box-drawing characters (U+2500-U+257F) and block elements
// (U+2580-U+259F) as geometry instead of glyphs, so that lines and blocks in neighbouring
// cells join without gaps whatever the font's glyphs look like (fonts draw them for their
// own line height, not the terminal's cell, and antialias their edges).
//
// Data flow: TerminalPainter -> BoxDrawing -> QPainter. Stateless; GUI thread (or any thread
// that paints on a QImage).
//
// Geometry is computed in device pixels from CellMetrics (stroke widths, the cell's size) so
// every stroke lands on whole pixels; arcs and diagonals are the only antialiased shapes.
#pragma once

#include <QPoint>

class CellMetrics;
class QColor;
class QPainter;

class BoxDrawing
{
public:
    static bool handles(char32_t ch) { return ch >= 0x2500 && ch <= 0x259f; }
    // Draws `ch` into the cell whose top-left corner is `deviceOrigin` (device pixels, in the
    // painter's logical coordinates times the metrics' dpr). False (nothing drawn) when `ch`
    // is not one of the characters above.
    static bool draw(QPainter &p, char32_t ch, QPoint deviceOrigin, const CellMetrics &m, const QColor &color);
    // ─ ━ ═: the same in `cells` neighbouring cells is one continuous line (drawn at once).
    static bool isHorizontalLine(char32_t ch) { return ch == 0x2500 || ch == 0x2501 || ch == 0x2550; }
    static void drawHorizontalLine(QPainter &p, char32_t ch, QPoint deviceOrigin, int cells, const CellMetrics &m,
                                   const QColor &color);
};
