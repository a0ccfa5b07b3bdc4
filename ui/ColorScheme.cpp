#include "ColorScheme.h"

#include "format/CastHeader.h"

#include <optional>

using namespace Qt::StringLiterals;

namespace {
// "#rrggbb" exactly (the asciicast theme format); nothing else.
std::optional<quint32> parseHex(const QString &s)
{
    if (s.size() != 7 || s.at(0) != u'#')
        return std::nullopt;
    for (QChar c : QStringView(s).sliced(1)) {
        const char16_t u = c.unicode();
        if (!((u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f') || (u >= u'A' && u <= u'F')))
            return std::nullopt;
    }
    return quint32(QStringView(s).sliced(1).toUInt(nullptr, 16));
}
} // namespace

// Breeze (Konsole's default scheme): readable, familiar on KDE.
ColorScheme::ColorScheme()
    : m_name(u"Dark"_s)
    , m_fg(0xfcfcfc)
    , m_bg(0x232627)
    , m_palette{0x232627, 0xed1515, 0x11d116, 0xf67400, 0x1d99f3, 0x9b59b6, 0x1abc9c, 0xfcfcfc,
                0x7f8c8d, 0xc0392b, 0x1cdc9a, 0xfdbc4b, 0x3daee9, 0x8e44ad, 0x16a085, 0xffffff}
    , m_cursor(0xfcfcfc)
    , m_selectionFg(0xfcfcfc)
    , m_selectionBg(0x2980b9)
{
}

ColorScheme ColorScheme::dark()
{
    return ColorScheme();
}

ColorScheme ColorScheme::light()
{
    ColorScheme s;
    s.m_name = u"Light"_s;
    s.m_fg = 0x232627;
    s.m_bg = 0xfcfcfc;
    // Darker normal colours than Breeze's so that they read on white.
    s.m_palette = {0x232627, 0xc0392b, 0x1e8449, 0xa0730a, 0x1d6fb8, 0x8e44ad, 0x138d75, 0xbdc3c7,
                   0x7f8c8d, 0xe74c3c, 0x27ae60, 0xc29a0b, 0x3498db, 0x9b59b6, 0x16a085, 0xeff0f1};
    s.m_cursor = 0x232627;
    s.m_selectionFg = 0xffffff;
    s.m_selectionBg = 0x3daee9;
    return s;
}

ColorScheme ColorScheme::fromTheme(const CastTheme &theme, const ColorScheme &fallback)
{
    if (!theme.isValid())
        return fallback;
    const std::optional<quint32> fg = parseHex(theme.fg);
    const std::optional<quint32> bg = parseHex(theme.bg);
    if (!fg || !bg)
        return fallback;
    QList<quint32> palette;
    for (const QString &c : theme.palette) {
        const std::optional<quint32> rgb = parseHex(c);
        if (!rgb)
            return fallback;
        palette.append(*rgb);
    }
    if (palette.size() == 8)
        palette += palette; // bright colours repeat the normal ones (asciinema player)
    ColorScheme s = fallback;
    s.m_name = u"Recording"_s;
    s.m_fg = *fg;
    s.m_bg = *bg;
    s.m_palette = palette;
    return s;
}

void ColorScheme::setPaletteColor(int index, quint32 rgb)
{
    if (index >= 0 && index < m_palette.size())
        m_palette[index] = rgb & 0xffffff;
}
