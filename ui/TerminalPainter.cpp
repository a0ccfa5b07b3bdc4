#include "TerminalPainter.h"

#include "BoxDrawing.h"
#include "TerminalLines.h"
#include "TerminalSelection.h"
#include "terminal/Terminal.h"

#include <QFontDatabase>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QScopeGuard>

#include <algorithm>
#include <cmath>

struct TerminalPainter::Row {
    int viewRow = 0; // row in the view (0 = top)
    int line = 0;    // TerminalLines line number
    int c0 = 0;      // columns to draw [c0, c1)
    int c1 = 0;
    int yDev = 0;    // top in device pixels
    int cursorCol = -1; // the cursor's (left) column when it is on this row
    int cursorSpan = 1;
};

namespace {
int styleOf(const ScreenCell &c)
{
    return (c.bold ? GlyphCache::Bold : 0) | (c.italic ? GlyphCache::Italic : 0);
}
} // namespace

QFont TerminalPainter::defaultFont()
{
    QFont f = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    f.setStyleHint(QFont::TypeWriter);
    f.setFixedPitch(true);
    f.setKerning(false);
    return f;
}

TerminalPainter::TerminalPainter()
    : TerminalPainter(defaultFont())
{
}

TerminalPainter::TerminalPainter(const QFont &font, qreal devicePixelRatio)
{
    setFont(font, devicePixelRatio);
}

void TerminalPainter::setFont(const QFont &font, qreal devicePixelRatio)
{
    m_font = font;
    m_font.setKerning(false);
    m_metrics = CellMetrics(m_font, devicePixelRatio);
    m_glyphs.setFont(m_font);
    const qreal advance = QFontMetricsF(m_font).horizontalAdvance(QLatin1Char('M'));
    // Whole device pixels, so glyphs render the same in every cell.
    m_glyphOffset = std::floor((m_metrics.width() - advance) / 2 * devicePixelRatio) / devicePixelRatio;
    m_glyphOffset = qMax<qreal>(0, m_glyphOffset);
    m_masks.setGeometry(m_metrics, m_glyphOffset);
}

void TerminalPainter::findDirectTarget(QPainter &p)
{
    m_target = nullptr;
    QPaintDevice *device = p.device();
    if (!device || device->devType() != QInternal::Image)
        return;
    auto *img = static_cast<QImage *>(device);
    const qreal dpr = m_metrics.devicePixelRatio();
    const QTransform t = p.deviceTransform();
    if (img->format() != QImage::Format_RGB32 && img->format() != QImage::Format_ARGB32_Premultiplied)
        return;
    if (!qFuzzyCompare(img->devicePixelRatio(), dpr) || p.compositionMode() != QPainter::CompositionMode_SourceOver
        || !qFuzzyCompare(p.opacity(), 1.0) || p.hasClipping())
        return;
    if (t.type() > QTransform::TxScale || !qFuzzyCompare(t.m11(), dpr) || !qFuzzyCompare(t.m22(), dpr)
        || t.dx() != std::floor(t.dx()) || t.dy() != std::floor(t.dy()) || t.dx() < 0 || t.dy() < 0)
        return;
    // The painter is active on the image, so the image is detached: constBits() is the
    // buffer the paint engine draws into (bits() could detach again).
    m_targetBpl = img->bytesPerLine();
    m_target = const_cast<uchar *>(img->constBits()) + qsizetype(t.dy()) * m_targetBpl + qsizetype(t.dx()) * 4;
    m_targetWidth = img->width() - int(t.dx());
    m_targetHeight = img->height() - int(t.dy());
}

void TerminalPainter::fillDevice(QPainter &p, int x, int y, int w, int h, QRgb rgb) const
{
    if (m_target && x >= 0 && y >= 0 && w > 0 && h > 0 && x + w <= m_targetWidth && y + h <= m_targetHeight) {
        const quint32 color = rgb | 0xff000000;
        uchar *row = m_target + qsizetype(y) * m_targetBpl + qsizetype(x) * 4;
        for (int i = 0; i < h; ++i, row += m_targetBpl)
            std::fill_n(reinterpret_cast<quint32 *>(row), w, color);
        return;
    }
    const qreal dpr = m_metrics.devicePixelRatio();
    p.fillRect(QRectF(x / dpr, y / dpr, w / dpr, h / dpr), QColor::fromRgb(rgb));
}

bool TerminalPainter::paint(QPainter &p, const Terminal &t, const QRect &rect, const Frame &frame)
{
    if (rect.isEmpty())
        return false;
    const qreal dpr = m_metrics.devicePixelRatio();
    const int dw = m_metrics.deviceWidth();
    const int dh = m_metrics.deviceHeight();
    const int cols = t.cols();
    const int rows = t.rows();
    findDirectTarget(p);
    m_directCells = 0;
    const auto forgetTarget = qScopeGuard([this] { m_target = nullptr; });

    // Outside the grid: the background.
    const int gridW = cols * dw;
    const int gridH = rows * dh;
    const int left = int(std::floor(rect.x() * dpr));
    const int top = int(std::floor(rect.y() * dpr));
    const int right = int(std::ceil((rect.x() + rect.width()) * dpr));
    const int bottom = int(std::ceil((rect.y() + rect.height()) * dpr));
    if (right > gridW)
        fillDevice(p, qMax(left, gridW), top, right - qMax(left, gridW), bottom - top, m_scheme.background());
    if (bottom > gridH)
        fillDevice(p, left, qMax(top, gridH), qMin(right, gridW) - left, bottom - qMax(top, gridH),
                   m_scheme.background());

    const int r0 = qMax(0, top / dh);
    const int r1 = qMin(rows, (bottom + dh - 1) / dh);
    // One column more on each side: a wide character or an italic overhang reaching in.
    const int c0 = qMax(0, left / dw - 1);
    const int c1 = qMin(cols, (right + dw - 1) / dw + 1);
    if (r0 >= r1 || c0 >= c1)
        return false;

    const int scrollback = t.scrollbackSize();
    const int offset = qBound(0, frame.scrollOffset, scrollback);
    const TerminalCursor cursor = t.cursor();
    m_cursorShape = cursor.shape;
    const int cursorViewRow = cursor.row + offset;

    m_fg.resize(cols);
    m_bg.resize(cols);
    bool blink = false;
    for (int r = r0; r < r1; ++r) {
        Row row;
        row.viewRow = r;
        row.line = scrollback - offset + r;
        row.c0 = c0;
        row.c1 = c1;
        row.yDev = r * dh;
        TerminalLines::read(t, row.line, m_cells);
        if (frame.cursorShown && cursor.visible && r == cursorViewRow) {
            int col = cursor.col;
            if (col > 0 && m_cells[col].isWideContinuation())
                --col;
            row.cursorCol = col;
            row.cursorSpan = m_cells[col].width == 2 && col + 1 < cols ? 2 : 1;
        }
        if (row.c0 > 0 && m_cells[row.c0].isWideContinuation())
            --row.c0;
        if (row.c1 < cols && m_cells[row.c1 - 1].width == 2)
            ++row.c1;
        blink |= paintRow(p, row, frame);
    }

    if (frame.flash) {
        p.save();
        p.setCompositionMode(QPainter::CompositionMode_Difference);
        p.fillRect(QRectF(left / dpr, top / dpr, (right - left) / dpr, (bottom - top) / dpr), Qt::white);
        p.restore();
    }
    return blink;
}

bool TerminalPainter::paintRow(QPainter &p, const Row &row, const Frame &frame)
{
    const int dw = m_metrics.deviceWidth();
    const int dh = m_metrics.deviceHeight();
    const ScreenCell *cells = m_cells.constData();
    QRgb *fgs = m_fg.data();
    QRgb *bgs = m_bg.data();
    const bool selection = frame.selection && frame.selection->intersectsLines(row.line, row.line);

    // Colours.
    for (int c = row.c0; c < row.c1; ++c) {
        const ScreenCell &cell = cells[c];
        QRgb fg = foregroundOf(cell);
        QRgb bg = backgroundOf(cell);
        if (cell.reverse)
            std::swap(fg, bg);
        if (selection && frame.selection->contains(row.line, c)) {
            fg = m_scheme.selectionForeground();
            bg = m_scheme.selectionBackground();
        }
        fgs[c] = fg;
        bgs[c] = bg;
    }
    const bool blockCursor = row.cursorCol >= 0 && frame.focused;
    if (blockCursor && m_cursorShape == TerminalCursor::Shape::Block) {
        for (int c = row.cursorCol; c < row.cursorCol + row.cursorSpan; ++c) {
            fgs[c] = bgs[c] == m_scheme.cursorColor() ? m_scheme.background() : bgs[c];
            bgs[c] = m_scheme.cursorColor();
        }
    }

    // Backgrounds, in runs of one colour.
    for (int c = row.c0; c < row.c1;) {
        int e = c + 1;
        while (e < row.c1 && bgs[e] == bgs[c])
            ++e;
        fillDevice(p, c * dw, row.yDev, (e - c) * dw, dh, bgs[c]);
        c = e;
    }

    // Text.
    bool blink = false;
    const qreal dpr = m_metrics.devicePixelRatio();
    const qreal baseline = (row.yDev + m_metrics.deviceAscent()) / dpr;
    for (int c = row.c0; c < row.c1; ++c) {
        const ScreenCell &cell = cells[c];
        if (cell.isWideContinuation() || cell.isBlank() || cell.conceal)
            continue;
        if (cell.blink) {
            blink = true;
            if (!frame.blinkShown)
                continue;
        }
        const char32_t ch = cell.chars[0];
        if (ch == U' ' && cell.chars[1] == 0)
            continue; // no ink; the run goes on past it
        if (cell.chars[1] == 0 && cell.width == 1 && !BoxDrawing::handles(ch)) {
            const int style = styleOf(cell);
            if (const quint32 glyph = m_glyphs.glyph(ch, style)) {
                if (m_target && blendMask(m_masks.glyph(m_glyphs.rawFont(style), style, glyph), c * dw, row.yDev, fgs[c]))
                    continue;
                addGlyph(p, fgs[c], m_glyphs.rawFont(style), glyph, QPointF(c * dw / dpr + m_glyphOffset, baseline));
                continue;
            }
        }
        if (cell.chars[1] == 0 && BoxDrawing::isHorizontalLine(ch)) {
            // A run of ─ (table rules, separators): one rectangle for all of it.
            int e = c + 1;
            while (e < row.c1 && cells[e].chars[0] == ch && cells[e].chars[1] == 0 && fgs[e] == fgs[c]
                   && !cells[e].conceal && (!cells[e].blink || frame.blinkShown))
                ++e;
            BoxDrawing::drawHorizontalLine(p, ch, QPoint(c * dw, row.yDev), e - c, m_metrics, QColor::fromRgb(fgs[c]));
            c = e - 1;
            continue;
        }
        if (m_target && cell.chars[1] == 0 && BoxDrawing::handles(ch) && blendMask(m_masks.box(ch), c * dw, row.yDev, fgs[c]))
            continue;
        drawCell(p, cell, c, row.yDev, fgs[c]);
    }
    flushGlyphs(p);

    // Underline and strike-through.
    for (int c = row.c0; c < row.c1; ++c) {
        const ScreenCell &cell = cells[c];
        if (cell.isWideContinuation() || cell.conceal)
            continue;
        if (cell.underline == ScreenCell::Underline::None && !cell.strike)
            continue;
        if (cell.blink && !frame.blinkShown)
            continue;
        drawDecorations(p, cell, c, row.yDev, fgs[c]);
    }

    if (row.cursorCol >= 0)
        drawCursor(p, row, frame);
    return blink;
}

bool TerminalPainter::blendMask(const GlyphMasks::Mask &mask, int xDev, int yDev, QRgb fg)
{
    if (!mask.usable)
        return false;
    const int x = xDev + mask.x;
    const int y = yDev + mask.y;
    if (x < 0 || y < 0 || x + mask.width > m_targetWidth || y + mask.height > m_targetHeight)
        return false;
    // Straight into the image; the backgrounds under it are already there.
    GlyphMasks::blend(m_target + qsizetype(yDev) * m_targetBpl + qsizetype(xDev) * 4, m_targetBpl, mask, fg);
    ++m_directCells;
    return true;
}

void TerminalPainter::addGlyph(QPainter &p, QRgb color, const QRawFont &font, quint32 glyph, QPointF position)
{
    GlyphGroup *g = m_groupCount > 0 ? &m_groups[size_t(m_lastGroup)] : nullptr;
    if (!g || g->color != color || g->font != font) {
        g = nullptr;
        for (int i = 0; i < m_groupCount; ++i) {
            if (m_groups[size_t(i)].color == color && m_groups[size_t(i)].font == font) {
                m_lastGroup = i;
                g = &m_groups[size_t(i)];
                break;
            }
        }
        if (!g) {
            if (m_groupCount == kMaxGroups)
                flushGlyphs(p); // a row of very many colours
            m_lastGroup = m_groupCount++;
            g = &m_groups[size_t(m_lastGroup)];
            g->color = color;
            g->font = font;
            g->glyphs.clear();
            g->positions.clear();
        }
    }
    g->glyphs.append(glyph);
    g->positions.append(position);
}

void TerminalPainter::flushGlyphs(QPainter &p)
{
    for (int i = 0; i < m_groupCount; ++i) {
        const GlyphGroup &g = m_groups[size_t(i)];
        m_run.setRawFont(g.font);
        m_run.setRawData(g.glyphs.constData(), g.positions.constData(), int(g.glyphs.size()));
        p.setPen(QColor::fromRgb(g.color));
        p.drawGlyphRun(QPointF(0, 0), m_run);
    }
    m_groupCount = 0;
    m_lastGroup = 0;
}

void TerminalPainter::drawCell(QPainter &p, const ScreenCell &cell, int col, int yDev, QRgb fg)
{
    const char32_t ch = cell.chars[0];
    if (cell.chars[1] == 0 && BoxDrawing::handles(ch)) {
        BoxDrawing::draw(p, ch, QPoint(col * m_metrics.deviceWidth(), yDev), m_metrics, QColor::fromRgb(fg));
        return;
    }
    drawShaped(p, cell, col, yDev, fg, styleOf(cell));
}

void TerminalPainter::drawShaped(QPainter &p, const ScreenCell &cell, int col, int yDev, QRgb fg, int style)
{
    // A lone code point seen before: its mask, if it can have one, without shaping.
    const GlyphMasks::Mask *known = m_target && cell.chars[1] == 0 ? m_masks.findShaped(cell.chars[0], style) : nullptr;
    if (known && blendMask(*known, col * m_metrics.deviceWidth(), yDev, fg))
        return;
    const GlyphCache::Shaped &s = m_glyphs.shaped(cell.text(), style);
    if (s.runs.isEmpty())
        return;
    const qreal dpr = m_metrics.devicePixelRatio();
    const int span = cell.width == 2 ? 2 : 1;
    const qreal x = col * m_metrics.deviceWidth() / dpr;
    const qreal y = yDev / dpr;
    const qreal cellsW = span * m_metrics.width();
    const qreal cellH = m_metrics.height();
    // A fallback glyph larger than its cells (colour emoji are about 1.2 em wide and tall) is
    // scaled down to fit, centred; anything else sits on the terminal's baseline, moved up or
    // down just enough to stay inside the cell.
    const QRectF ink = s.ink.isValid() ? s.ink : QRectF(0, -s.ascent, s.width, s.ascent + s.descent);
    // (A little overhang is fine: marks below a letter, a slightly wide symbol.)
    qreal scale = 1;
    if (ink.width() > cellsW * 1.15)
        scale = cellsW / ink.width();
    if (ink.height() > cellH * 1.15)
        scale = qMin(scale, cellH / ink.height());
    // Qt caches colour glyphs per pen colour: one fixed colour for emoji keeps that to one
    // cache instead of one per colour the application used (and a re-render of the bitmap).
    const QRgb pen = s.colour ? qRgb(0, 0, 0) : fg;
    if (scale == 1) {
        const qreal baseline = (yDev + m_metrics.deviceAscent()) / dpr;
        qreal dy = 0;
        if (baseline + ink.top() < y)
            dy = y - (baseline + ink.top());
        else if (baseline + ink.bottom() > y + cellH)
            dy = y + cellH - (baseline + ink.bottom());
        // Centre the advance in the cells, but keep the ink inside them.
        qreal dx = (cellsW - s.width) / 2;
        if (ink.width() >= cellsW)
            dx = (cellsW - ink.width()) / 2 - ink.left();
        else
            dx = qBound(-ink.left(), dx, cellsW - ink.right());
        const QPointF origin(std::round((x + dx) * dpr) / dpr, std::round((baseline + dy) * dpr) / dpr);
        if (m_target && cell.chars[1] == 0 && !known
            && blendMask(m_masks.addShaped(cell.chars[0], style, s.colour ? nullptr : &s.runs, origin - QPointF(x, y), span),
                         col * m_metrics.deviceWidth(), yDev, fg))
            return;
        // Into the row's glyph groups like any other glyph (one paint call per font and colour).
        for (const QGlyphRun &run : s.runs) {
            const QList<quint32> glyphs = run.glyphIndexes();
            const QList<QPointF> positions = run.positions();
            const QRawFont font = run.rawFont();
            for (qsizetype i = 0; i < glyphs.size(); ++i)
                addGlyph(p, pen, font, glyphs[i], origin + positions[i]);
        }
        return;
    }
    p.setPen(QColor::fromRgb(pen));
    p.save();
    p.translate(x + (cellsW - ink.width() * scale) / 2 - ink.left() * scale,
                y + (cellH - ink.height() * scale) / 2 - ink.top() * scale);
    p.scale(scale, scale);
    p.setRenderHint(QPainter::SmoothPixmapTransform, true);
    for (const QGlyphRun &run : s.runs)
        p.drawGlyphRun(QPointF(0, 0), run);
    p.restore();
}

void TerminalPainter::drawDecorations(QPainter &p, const ScreenCell &cell, int col, int yDev, QRgb fg)
{
    const int dw = m_metrics.deviceWidth();
    const int span = cell.width == 2 ? 2 : 1;
    const int x = col * dw;
    const int w = span * dw;
    const int th = m_metrics.underlineThickness();
    const int ul = yDev + m_metrics.underlineTop();
    switch (cell.underline) {
    case ScreenCell::Underline::None:
        break;
    case ScreenCell::Underline::Single:
        fillDevice(p, x, ul, w, th, fg);
        break;
    case ScreenCell::Underline::Double:
        fillDevice(p, x, ul, w, th, fg);
        fillDevice(p, x, ul + 2 * th, w, th, fg);
        break;
    case ScreenCell::Underline::Curly: {
        // One wave per cell, phase from the cell's column, so waves join across cells.
        const qreal dpr = m_metrics.devicePixelRatio();
        const qreal amplitude = th;
        const qreal mid = ul + th + th / 2.0;
        QPainterPath path;
        const int steps = qMax(4, dw / 2);
        for (int i = 0; i <= steps * span; ++i) {
            const qreal px = x + qreal(i) * dw / steps;
            const qreal py = mid - amplitude * std::sin(2 * M_PI * qreal(i) / steps);
            if (i == 0)
                path.moveTo(px, py);
            else
                path.lineTo(px, py);
        }
        p.save();
        p.setRenderHint(QPainter::Antialiasing, true);
        p.scale(1 / dpr, 1 / dpr);
        p.setPen(QPen(QColor::fromRgb(fg), th, Qt::SolidLine, Qt::FlatCap, Qt::RoundJoin));
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
        p.restore();
        break;
    }
    }
    if (cell.strike)
        fillDevice(p, x, yDev + m_metrics.strikeTop(), w, th, fg);
}

void TerminalPainter::drawCursor(QPainter &p, const Row &row, const Frame &frame)
{
    // (The block cursor of a focused view was drawn with the cell's colours.)
    const int dw = m_metrics.deviceWidth();
    const int dh = m_metrics.deviceHeight();
    const int x = row.cursorCol * dw;
    const int w = row.cursorSpan * dw;
    const QRgb color = m_scheme.cursorColor();
    const qreal dpr = m_metrics.devicePixelRatio();
    const int thin = qMax(1, int(std::lround(dpr)));
    const int thick = qMax(2 * thin, m_metrics.underlineThickness() * 2);
    switch (m_cursorShape) {
    case TerminalCursor::Shape::Block:
        if (!frame.focused) {
            fillDevice(p, x, row.yDev, w, thin, color);
            fillDevice(p, x, row.yDev + dh - thin, w, thin, color);
            fillDevice(p, x, row.yDev, thin, dh, color);
            fillDevice(p, x + w - thin, row.yDev, thin, dh, color);
        }
        break;
    case TerminalCursor::Shape::Underline:
        fillDevice(p, x, row.yDev + dh - thick, w, thick, color);
        break;
    case TerminalCursor::Shape::Bar:
        fillDevice(p, x, row.yDev, thick, dh, color);
        break;
    }
}

QImage TerminalPainter::render(const Terminal &t, const ColorScheme &scheme, const QFont &font, qreal dpr,
                               const Frame &frame)
{
    TerminalPainter painter(font, dpr);
    painter.setColorScheme(scheme);
    const CellMetrics &m = painter.metrics();
    QImage image(t.cols() * m.deviceWidth(), t.rows() * m.deviceHeight(), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(m.devicePixelRatio());
    image.fill(QColor::fromRgb(scheme.background()));
    QPainter p(&image);
    painter.paint(p, t, QRect(QPoint(0, 0), m.pixelSize(t.cols(), t.rows())), frame);
    p.end();
    return image;
}
