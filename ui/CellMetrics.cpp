#include "CellMetrics.h"

#include <QFontMetricsF>

#include <cmath>

CellMetrics::CellMetrics(const QFont &font, qreal devicePixelRatio)
    : m_dpr(devicePixelRatio > 0 ? devicePixelRatio : 1)
{
    const QFontMetricsF fm(font);
    // A monospace font gives every character the advance of 'M'; a proportional one chosen
    // by mistake still gets a usable grid (wide glyphs are clipped by their neighbours).
    const qreal advance = qMax(fm.horizontalAdvance(QLatin1Char('M')), fm.averageCharWidth());
    m_width = qMax(1, int(std::lround(advance * m_dpr)));
    // Whole device pixels above and below the baseline, so no glyph is cut off; plus the
    // font's leading, if it has one.
    m_ascent = qMax(1, int(std::ceil(fm.ascent() * m_dpr - 0.05)));
    const int descent = qMax(1, int(std::ceil(fm.descent() * m_dpr - 0.05)));
    const int leading = qMax(0, int(std::lround(fm.leading() * m_dpr)));
    m_height = m_ascent + descent + leading;
    m_ascent += leading / 2;

    m_lineThickness = qMax(1, int(std::lround(fm.lineWidth() * m_dpr)));
    // Light strokes follow the font's weight of line, never thinner than one device pixel.
    m_light = qMax(m_lineThickness, int(std::lround(m_width / 8.0)));
    m_heavy = qMax(m_light + 1, m_light * 2);

    // Underline: one pixel below the baseline at least, and inside the cell with room for a
    // double or curly underline (three thicknesses).
    m_underlineTop = m_ascent + qMax(1, int(std::lround(fm.underlinePos() * m_dpr)));
    m_underlineTop = qMin(m_underlineTop, m_height - 3 * m_lineThickness);
    m_underlineTop = qMax(m_underlineTop, m_ascent);
    m_strikeTop = m_ascent - qMax(1, int(std::lround(fm.strikeOutPos() * m_dpr))) - m_lineThickness / 2;
    m_strikeTop = qBound(0, m_strikeTop, m_height - m_lineThickness);
}

QPoint CellMetrics::cellAt(QPointF pos) const
{
    return QPoint(int(std::floor(pos.x() / width())), int(std::floor(pos.y() / height())));
}

QSize CellMetrics::gridSize(QSizeF logicalSize) const
{
    // Compare in device pixels so that a size made by pixelSize() gives back exactly its cells.
    const int w = int(std::floor(logicalSize.width() * m_dpr + 1e-6));
    const int h = int(std::floor(logicalSize.height() * m_dpr + 1e-6));
    return QSize(qMax(1, w / m_width), qMax(1, h / m_height));
}

QSize CellMetrics::pixelSize(int cols, int rows) const
{
    return QSize(int(std::ceil(cols * m_width / m_dpr - 1e-6)), int(std::ceil(rows * m_height / m_dpr - 1e-6)));
}
