// GlyphMasks: the terminal font's glyphs and the box-drawing characters as coverage masks,
// so that TerminalPainter can put the common cell (one code point the font has, or a line of
// a box) into a QImage with a few SIMD operations instead of a call into the paint engine,
// which costs about half a microsecond a glyph and made a full 200x60 repaint take 7-8 ms.
//
// Data flow: GlyphCache (code point -> glyph index) -> GlyphMasks (glyph -> coverage, drawn
// once by QPainter exactly where TerminalPainter would draw it in a cell: a QGlyphRun on the
// cell's pen position, or BoxDrawing) -> blend() into the image TerminalPainter paints on.
// Ink may reach into the neighbouring cells (italic overhangs), as it would with QPainter;
// a glyph reaching further is not usable here and goes through QPainter. Painting thread only.
#pragma once

#include "CellMetrics.h"

#include <QGlyphRun>
#include <QHash>
#include <QList>
#include <QRawFont>
#include <QRgb>

#include <vector>

class GlyphMasks
{
public:
    struct Mask {
        bool usable = false;       // fits in the cell and its neighbours
        int x = 0;                 // the ink's box, device pixels from the cell's top left
        int y = 0;
        int width = 0;             // a multiple of 4 (padding has no ink)
        int height = 0;
        std::vector<quint8> alpha; // width x height coverage, row by row
    };

    // Cells as `metrics` says; a glyph's pen `penX` logical pixels right of the cell's left
    // edge, on the baseline. Forgets all masks.
    void setGeometry(const CellMetrics &metrics, qreal penX);

    // The mask of `glyph` in `font` (`style` tells the fonts apart in the cache).
    const Mask &glyph(const QRawFont &font, int style, quint32 glyph);
    // The mask of a character BoxDrawing draws.
    const Mask &box(char32_t ch);
    // A lone code point the font lacks, shaped with font fallback (GlyphCache::Shaped): the
    // mask made by addShaped() for `ch` in `style`, null before. Looking here first spares
    // the painter the shaping cache's string key.
    const Mask *findShaped(char32_t ch, int style) const;
    // The mask of `runs` (monochrome glyphs; null for colour ones, which no mask can hold) in
    // `span` cells, the pen `pen` logical pixels from the first cell's top left.
    const Mask &addShaped(char32_t ch, int style, const QList<QGlyphRun> *runs, QPointF pen, int span);

    // `fg` through `m` onto the cell whose top left pixel is `cell` in an RGB32 or
    // ARGB32_Premultiplied image with `bytesPerLine` (the caller checked that the mask's box
    // lies inside the image).
    static void blend(uchar *cell, qsizetype bytesPerLine, const Mask &m, QRgb fg);

private:
    static constexpr qsizetype kMaxMasks = 8192; // then the cache starts over
    static constexpr quint64 kBoxKey = quint64(1) << 40;
    static constexpr quint64 kShapedKey = quint64(1) << 41;

    static quint64 shapedKey(char32_t ch, int style) { return quint64(ch) | (quint64(style & 3) << 32) | kShapedKey; }
    // The mask under `key`, made by make() when there is none; store() puts one in (the cache
    // starts over when full, so no reference outlives the next call).
    template<typename Make>
    const Mask &cached(quint64 key, Make make);
    const Mask &store(quint64 key, Mask mask);
    template<typename Draw>
    Mask render(Draw draw, int span = 1) const;

    CellMetrics m_metrics;
    qreal m_penX = 0;
    QHash<quint64, Mask> m_masks;
};
