#include "GlyphCache.h"

#include <QTextLayout>

using namespace Qt::StringLiterals;

namespace {
// Characters shown as colour emoji: the emoji blocks of the Supplementary Multilingual
// Plane, regional indicators (flags), and anything with VARIATION SELECTOR-16. Qt's own
// fallback picks the first font with a glyph, and DejaVu Sans has monochrome smileys.
bool isEmoji(const QString &text)
{
    for (char32_t ch : text.toUcs4()) {
        if ((ch >= 0x1f000 && ch <= 0x1faff) || ch == 0xfe0f)
            return true;
    }
    return false;
}
} // namespace

void GlyphCache::setFont(const QFont &font)
{
    for (int style = 0; style < 4; ++style) {
        QFont f = font;
        f.setBold(style & Bold);
        f.setItalic(style & Italic);
        // Ligatures would merge cells ("->", "==") and break the grid.
        f.setFeature(QFont::Tag("liga"), 0);
        f.setFeature(QFont::Tag("calt"), 0);
        m_fonts[style] = f;
        m_raw[style] = QRawFont::fromFont(f);
        m_ascii[style].fill(kUnknown);
        m_shaped[style].clear();
    }
    m_glyphs.clear();
    m_emojiFont = font;
    m_emojiFont.setFamilies({u"Noto Color Emoji"_s, u"Apple Color Emoji"_s, u"Segoe UI Emoji"_s,
                             u"Twemoji Mozilla"_s, u"JoyPixels"_s, font.family()});
    m_emojiShaped.clear();
}

quint32 GlyphCache::lookup(char32_t ch, int style) const
{
    const QRawFont &raw = m_raw[style & 3];
    if (!raw.isValid() || ch < 0x20 || (ch >= 0x7f && ch < 0xa0))
        return 0;
    char16_t utf16[2];
    int len = 1;
    if (ch > 0xffff) {
        utf16[0] = QChar::highSurrogate(ch);
        utf16[1] = QChar::lowSurrogate(ch);
        len = 2;
    } else {
        utf16[0] = char16_t(ch);
    }
    quint32 glyphs[2] = {0, 0};
    int count = 2;
    if (!raw.glyphIndexesForChars(reinterpret_cast<const QChar *>(utf16), len, glyphs, &count) || count != 1)
        return 0;
    return glyphs[0];
}

const GlyphCache::Shaped &GlyphCache::shaped(const QString &text, int style)
{
    const bool emoji = isEmoji(text);
    QHash<QString, Shaped> &cache = emoji ? m_emojiShaped : m_shaped[style & 3];
    auto it = cache.constFind(text);
    if (it != cache.constEnd())
        return *it;
    if (cache.size() >= kMaxShaped)
        cache.clear();

    QTextLayout layout(text, emoji ? m_emojiFont : m_fonts[style & 3]);
    layout.setCacheEnabled(true);
    layout.beginLayout();
    QTextLine line = layout.createLine();
    layout.endLayout();
    Shaped s;
    s.colour = emoji;
    if (line.isValid()) {
        s.width = line.horizontalAdvance();
        s.ascent = line.ascent();
        s.descent = line.descent();
        const qreal baseline = line.y() + line.ascent();
        const qreal left = line.x();
        // A combining mark whose ink lands after its base character (a font without mark
        // positioning draws marks as spacing glyphs; HarfBuzz then zeroes the advance but
        // leaves the glyph behind the base, or keeps the advance too) is struck over the
        // base instead, as xterm does: a cell holds one character, and its marks belong on it.
        const QList<uint> ucs4 = text.toUcs4();
        qreal baseWidth = s.width;
        if (ucs4.size() > 1) {
            QTextLayout base(QString::fromUcs4(reinterpret_cast<const char32_t *>(ucs4.constData()), 1),
                             layout.font());
            base.beginLayout();
            const QTextLine baseLine = base.createLine();
            base.endLayout();
            baseWidth = baseLine.isValid() ? baseLine.horizontalAdvance() : s.width;
        }
        bool first = true;
        for (QGlyphRun run : layout.glyphRuns()) {
            QList<QPointF> positions = run.positions();
            const QList<quint32> glyphs = run.glyphIndexes();
            for (qsizetype i = 0; i < positions.size(); ++i) {
                QPointF &pos = positions[i];
                pos -= QPointF(left, baseline);
                if (!first && ucs4.size() > 1) {
                    const qreal inkLeft = pos.x() + run.rawFont().boundingRect(glyphs.value(i)).left();
                    if (inkLeft >= baseWidth - 0.5)
                        pos.rx() -= baseWidth;
                }
                first = false;
            }
            run.setPositions(positions);
            for (qsizetype i = 0; i < positions.size(); ++i)
                s.ink |= run.rawFont().boundingRect(glyphs.value(i)).translated(positions[i]);
            s.runs.append(run);
        }
        if (ucs4.size() > 1)
            s.width = qMin(s.width, baseWidth);
    }
    return *cache.insert(text, s);
}
