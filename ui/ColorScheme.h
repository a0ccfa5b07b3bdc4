// ColorScheme: the colours a TerminalView draws with: default foreground and background, the
// 16 ANSI colours, cursor and selection. Plain value type.
//
// Data flow: built-in schemes or a cast header's theme (CastTheme) -> TerminalView (which
// also hands the palette and default colours to its Terminal, so snapshots and replies agree)
// -> TerminalPainter, which resolves default and 16-colour cells through the scheme. Colours
// are 0xRRGGBB like ScreenCell's. Any thread.
#pragma once

#include <QList>
#include <QString>
#include <QtGlobal>

struct CastTheme;

class ColorScheme
{
public:
    static constexpr int kPaletteSize = 16;

    // The dark scheme.
    ColorScheme();
    // Breeze-like dark scheme (the default).
    static ColorScheme dark();
    // Light background, darker ANSI colours.
    static ColorScheme light();
    // A recording's theme (asciicast "theme": fg, bg, 8 or 16 palette colours "#rrggbb").
    // With 8 colours the bright ones repeat them (as asciinema's player does). Cursor and
    // selection come from `fallback`. An invalid theme (missing colour, bad "#rrggbb",
    // wrong palette size) gives `fallback` itself.
    static ColorScheme fromTheme(const CastTheme &theme, const ColorScheme &fallback);

    QString name() const { return m_name; }
    void setName(const QString &name) { m_name = name; }

    quint32 foreground() const { return m_fg; }
    quint32 background() const { return m_bg; }
    void setForeground(quint32 rgb) { m_fg = rgb & 0xffffff; }
    void setBackground(quint32 rgb) { m_bg = rgb & 0xffffff; }

    // Exactly kPaletteSize entries: 0-7 normal, 8-15 bright.
    QList<quint32> palette() const { return m_palette; }
    quint32 paletteColor(int index) const { return m_palette.value(index, m_fg); }
    void setPaletteColor(int index, quint32 rgb);

    quint32 cursorColor() const { return m_cursor; }
    void setCursorColor(quint32 rgb) { m_cursor = rgb & 0xffffff; }
    quint32 selectionBackground() const { return m_selectionBg; }
    quint32 selectionForeground() const { return m_selectionFg; }
    void setSelectionColors(quint32 fg, quint32 bg)
    {
        m_selectionFg = fg & 0xffffff;
        m_selectionBg = bg & 0xffffff;
    }

    bool operator==(const ColorScheme &) const = default;

private:
    QString m_name;
    quint32 m_fg = 0;
    quint32 m_bg = 0;
    QList<quint32> m_palette;
    quint32 m_cursor = 0;
    quint32 m_selectionFg = 0;
    quint32 m_selectionBg = 0;
};
