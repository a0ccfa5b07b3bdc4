// GlyphCache: turns cell characters into glyphs for TerminalPainter, fast.
//
// Data flow: ScreenCell characters -> GlyphCache -> TerminalPainter (QGlyphRun) -> QPainter.
// GUI thread (or the thread that paints; fonts are not shared across threads).
//
// Two paths. The common one: one code point that the terminal font itself has -> its glyph
// index in that font's QRawFont (a table for ASCII, a hash for the rest), so the painter can
// put a whole run of cells into one QGlyphRun with positions on the cell grid (drawText would
// place glyphs by the font's fractional advances, which drift off the grid). The other, for
// characters the font lacks (emoji, CJK, symbols), combining sequences and anything needing
// shaping: a QTextLayout with Qt's font fallback, shaped once and kept as glyph runs relative
// to the pen position on the baseline. Emoji prefer a colour emoji font (Noto Color Emoji...).
#pragma once

#include <QFont>
#include <QGlyphRun>
#include <QHash>
#include <QList>
#include <QRawFont>
#include <QString>

#include <array>

class GlyphCache
{
public:
    enum Style : quint8 { Regular = 0, Bold = 1, Italic = 2, BoldItalic = Bold | Italic };

    GlyphCache() = default;
    explicit GlyphCache(const QFont &font) { setFont(font); }

    void setFont(const QFont &font);
    QFont font(int style = Regular) const { return m_fonts[style & 3]; }
    const QRawFont &rawFont(int style) const { return m_raw[style & 3]; }

    // The glyph of the lone code point `ch` in the style's own font, 0 when the font has none.
    quint32 glyph(char32_t ch, int style)
    {
        if (ch < 128) {
            quint32 &g = m_ascii[style & 3][ch];
            if (g == kUnknown)
                g = lookup(ch, style);
            return g;
        }
        const quint64 key = quint64(ch) | (quint64(style & 3) << 32);
        auto it = m_glyphs.constFind(key);
        if (it != m_glyphs.constEnd())
            return *it;
        const quint32 g = lookup(ch, style);
        m_glyphs.insert(key, g);
        return g;
    }

    struct Shaped {
        QList<QGlyphRun> runs; // positions relative to the pen, y = 0 on the baseline
        qreal width = 0;       // advance of the whole text
        qreal ascent = 0;
        qreal descent = 0;
        QRectF ink;            // what the glyphs cover, relative to the pen
        bool colour = false;   // colour emoji: the pen colour does not matter
    };
    // `text` laid out with font fallback in `style`.
    const Shaped &shaped(const QString &text, int style);

private:
    static constexpr quint32 kUnknown = 0xffffffff;
    static constexpr qsizetype kMaxShaped = 4096; // entries per style before the cache starts over

    quint32 lookup(char32_t ch, int style) const;

    std::array<QFont, 4> m_fonts;
    std::array<QRawFont, 4> m_raw;
    std::array<std::array<quint32, 128>, 4> m_ascii{};
    QHash<quint64, quint32> m_glyphs;
    std::array<QHash<QString, Shaped>, 4> m_shaped;
    QFont m_emojiFont; // colour emoji fonts first
    QHash<QString, Shaped> m_emojiShaped;
};
