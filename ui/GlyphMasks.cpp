#include "GlyphMasks.h"

#include "BoxDrawing.h"

#include <QGlyphRun>
#include <QImage>
#include <QPainter>

#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#ifndef __SSE2__
namespace {
// (x * a + y * b) / 255 for each byte of two premultiplied pixels, rounded as Qt's raster
// engine does it (INTERPOLATE_PIXEL_255).
inline quint32 interpolate255(quint32 x, quint32 a, quint32 y, quint32 b)
{
    quint32 t = (x & 0xff00ff) * a + (y & 0xff00ff) * b;
    t = (t + ((t >> 8) & 0xff00ff) + 0x800080) >> 8;
    t &= 0xff00ff;
    x = ((x >> 8) & 0xff00ff) * a + ((y >> 8) & 0xff00ff) * b;
    x = x + ((x >> 8) & 0xff00ff) + 0x800080;
    x &= 0xff00ff00;
    return x | t;
}
} // namespace
#endif

void GlyphMasks::setGeometry(const CellMetrics &metrics, qreal penX)
{
    m_metrics = metrics;
    m_penX = penX;
    m_masks.clear();
}

template<typename Make>
const GlyphMasks::Mask &GlyphMasks::cached(quint64 key, Make make)
{
    auto it = m_masks.constFind(key);
    if (it != m_masks.constEnd())
        return *it;
    return store(key, make());
}

const GlyphMasks::Mask &GlyphMasks::store(quint64 key, Mask mask)
{
    if (m_masks.size() >= kMaxMasks)
        m_masks.clear();
    return *m_masks.insert(key, std::move(mask));
}

const GlyphMasks::Mask &GlyphMasks::glyph(const QRawFont &font, int style, quint32 glyph)
{
    return cached(quint64(glyph) | (quint64(style & 3) << 32), [&] {
        const qreal dpr = m_metrics.devicePixelRatio();
        // The pen where TerminalPainter puts it, in the middle one of 3 x 3 cells.
        const QPointF pen(m_metrics.deviceWidth() / dpr + m_penX,
                          (m_metrics.deviceHeight() + m_metrics.deviceAscent()) / dpr);
        return render([&](QPainter &p) {
            QGlyphRun run;
            run.setRawFont(font);
            run.setRawData(&glyph, &pen, 1);
            p.setPen(Qt::white);
            p.drawGlyphRun(QPointF(0, 0), run);
        });
    });
}

const GlyphMasks::Mask &GlyphMasks::box(char32_t ch)
{
    return cached(quint64(ch) | kBoxKey, [&] {
        return render([&](QPainter &p) {
            BoxDrawing::draw(p, ch, QPoint(m_metrics.deviceWidth(), m_metrics.deviceHeight()), m_metrics, Qt::white);
        });
    });
}

const GlyphMasks::Mask *GlyphMasks::findShaped(char32_t ch, int style) const
{
    auto it = m_masks.constFind(shapedKey(ch, style));
    return it == m_masks.constEnd() ? nullptr : &*it;
}

const GlyphMasks::Mask &GlyphMasks::addShaped(char32_t ch, int style, const QList<QGlyphRun> *runs, QPointF pen, int span)
{
    if (!runs)
        return store(shapedKey(ch, style), Mask());
    const qreal dpr = m_metrics.devicePixelRatio();
    const QPointF origin = QPointF(m_metrics.deviceWidth() / dpr, m_metrics.deviceHeight() / dpr) + pen;
    return store(shapedKey(ch, style), render(
                                           [&](QPainter &p) {
                                               p.setPen(Qt::white);
                                               for (const QGlyphRun &run : *runs)
                                                   p.drawGlyphRun(origin, run);
                                           },
                                           span));
}

template<typename Draw>
GlyphMasks::Mask GlyphMasks::render(Draw draw, int span) const
{
    const int dw = m_metrics.deviceWidth();
    const int dh = m_metrics.deviceHeight();
    if (dw <= 0 || dh <= 0)
        return {};
    // The cell(s) in the middle, a cell of room all around.
    QImage img((span + 2) * dw, 3 * dh, QImage::Format_ARGB32_Premultiplied);
    img.setDevicePixelRatio(m_metrics.devicePixelRatio());
    img.fill(Qt::transparent);
    {
        QPainter p(&img);
        draw(p);
    }
    // The ink's box; touching the edge of the image, it may go on beyond it.
    int left = img.width(), right = -1, top = img.height(), bottom = -1;
    for (int y = 0; y < img.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(img.constScanLine(y));
        for (int x = 0; x < img.width(); ++x) {
            if (qAlpha(line[x]) == 0)
                continue;
            left = qMin(left, x);
            right = qMax(right, x);
            top = qMin(top, y);
            bottom = qMax(bottom, y);
        }
    }
    Mask m;
    m.usable = true;
    if (right < 0)
        return m; // no ink
    if (left == 0 || top == 0 || right == img.width() - 1 || bottom == img.height() - 1)
        return {};
    m.x = left - dw;
    m.y = top - dh;
    m.width = (right - left + 1 + 3) & ~3;
    m.height = bottom - top + 1;
    m.alpha.assign(size_t(m.width) * size_t(m.height), 0);
    for (int y = 0; y < m.height; ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(img.constScanLine(top + y));
        for (int x = left; x <= right; ++x)
            m.alpha[size_t(y) * size_t(m.width) + size_t(x - left)] = quint8(qAlpha(line[x]));
    }
    return m;
}

void GlyphMasks::blend(uchar *cell, qsizetype bytesPerLine, const Mask &m, QRgb fg)
{
    // Branch-free: a coverage of 0 leaves the pixel exactly as it was, 255 gives the colour.
    const quint32 color = fg | 0xff000000;
    const quint8 *alpha = m.alpha.data();
    uchar *row = cell + qsizetype(m.y) * bytesPerLine + qsizetype(m.x) * 4;
#ifdef __SSE2__
    const __m128i zero = _mm_setzero_si128();
    const __m128i c16 = _mm_unpacklo_epi8(_mm_set1_epi32(int(color)), zero); // 2 pixels, 16 bits a channel
    const __m128i full = _mm_set1_epi16(255);
    const __m128i round = _mm_set1_epi16(0x80);
    const auto mix = [&](__m128i d16, __m128i a16) {
        // (color * a + d * (255 - a)) / 255, rounded: at most 255 * 255, so 16 bits hold it.
        __m128i t = _mm_add_epi16(_mm_mullo_epi16(c16, a16), _mm_mullo_epi16(d16, _mm_sub_epi16(full, a16)));
        t = _mm_add_epi16(_mm_add_epi16(t, _mm_srli_epi16(t, 8)), round);
        return _mm_srli_epi16(t, 8);
    };
    for (int y = 0; y < m.height; ++y, alpha += m.width, row += bytesPerLine) {
        auto *px = reinterpret_cast<quint32 *>(row);
        for (int x = 0; x < m.width; x += 4) {
            quint32 a4;
            std::memcpy(&a4, alpha + x, 4);
            if (a4 == 0)
                continue;
            const __m128i a16 = _mm_unpacklo_epi8(_mm_cvtsi32_si128(int(a4)), zero);
            const __m128i aa = _mm_unpacklo_epi16(a16, a16);
            const __m128i d = _mm_loadu_si128(reinterpret_cast<const __m128i *>(px + x));
            const __m128i lo = mix(_mm_unpacklo_epi8(d, zero), _mm_unpacklo_epi32(aa, aa));
            const __m128i hi = mix(_mm_unpackhi_epi8(d, zero), _mm_unpackhi_epi32(aa, aa));
            _mm_storeu_si128(reinterpret_cast<__m128i *>(px + x), _mm_packus_epi16(lo, hi));
        }
    }
#else
    for (int y = 0; y < m.height; ++y, alpha += m.width, row += bytesPerLine) {
        auto *px = reinterpret_cast<quint32 *>(row);
        for (int x = 0; x < m.width; ++x)
            px[x] = interpolate255(color, alpha[x], px[x], 255 - alpha[x]);
    }
#endif
}
