// CellMetrics: the size of one character cell for a font at a device pixel ratio, and where
// the baseline, underline, strike-through and box-drawing lines go inside it.
//
// Data flow: QFont + devicePixelRatio -> CellMetrics -> TerminalPainter (drawing), TerminalView
// (pixels <-> cells, cols x rows for the pty). Value type; GUI thread (fonts).
//
// Every size is a whole number of *device* pixels, so that on a HiDPI screen (dpr 2, 1.5)
// the cells tile the screen exactly: cell borders, box-drawing lines and underlines land on
// pixel boundaries and adjacent cells join without seams. The logical sizes (what the widget
// works in) are the device ones divided by the dpr, so they can be fractional.
#pragma once

#include <QFont>
#include <QPoint>
#include <QRectF>
#include <QSize>

class CellMetrics
{
public:
    CellMetrics() = default;
    CellMetrics(const QFont &font, qreal devicePixelRatio);

    qreal devicePixelRatio() const { return m_dpr; }

    // Logical pixels.
    qreal width() const { return m_width / m_dpr; }
    qreal height() const { return m_height / m_dpr; }
    qreal ascent() const { return m_ascent / m_dpr; } // baseline below the cell's top

    // Device pixels.
    int deviceWidth() const { return m_width; }
    int deviceHeight() const { return m_height; }
    int deviceAscent() const { return m_ascent; }
    // Line widths for box drawing: light and heavy strokes, and the offset of each stroke
    // of a double line from the centre.
    int lightLine() const { return m_light; }
    int heavyLine() const { return m_heavy; }
    // Underline (below the baseline) and strike-through (above it), from the cell's top.
    int underlineTop() const { return m_underlineTop; }
    int underlineThickness() const { return m_lineThickness; }
    int strikeTop() const { return m_strikeTop; }

    // The logical rectangle of `span` cells starting at (row, col).
    QRectF cellRect(int row, int col, int span = 1) const
    {
        return QRectF(col * width(), row * height(), span * width(), height());
    }
    // The cell (x = column, y = row) holding logical point `pos`; may be outside the grid.
    QPoint cellAt(QPointF pos) const;
    // The same in fractional columns (x) and rows (y), for half-cell decisions.
    QPointF cellPosition(QPointF pos) const { return {pos.x() / width(), pos.y() / height()}; }
    // How many whole cells fit in `logicalSize` (at least 1 x 1).
    QSize gridSize(QSizeF logicalSize) const;
    // The logical size that shows exactly cols x rows cells, rounded up to whole pixels.
    QSize pixelSize(int cols, int rows) const;

    bool operator==(const CellMetrics &) const = default;

private:
    qreal m_dpr = 1;
    int m_width = 8;
    int m_height = 16;
    int m_ascent = 12;
    int m_light = 1;
    int m_heavy = 2;
    int m_underlineTop = 13;
    int m_lineThickness = 1;
    int m_strikeTop = 8;
};
