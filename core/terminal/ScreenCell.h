// ScreenCell: one character cell of the terminal screen (or of a scrollback line), as a view
// draws it. Plain value type.
//
// Data flow: Terminal (libvterm) -> ScreenCell -> views, TerminalSnapshot, `render --text`.
// Colours come resolved to 0xRRGGBB (16-colour palette entries through Terminal's palette,
// the 256-colour cube and grey ramp as xterm defines them, truecolor as sent) and keep where
// they came from: `Color::Kind::Default` tells a view to use its own scheme's foreground or
// background, `Indexed` keeps the palette index so a theme can re-resolve it.
// `reverse` is as displayed: the cell's SGR 7 combined with DECSCNM (reverse video screen).
#pragma once

#include <QString>
#include <QtGlobal>

#include <array>

struct ScreenCell {
    // libvterm stores one base character and up to five combining characters per cell.
    static constexpr int kMaxChars = 6;

    struct Color {
        enum class Kind : quint8 { Default, Indexed, Rgb };
        Kind kind = Kind::Default;
        quint8 index = 0;  // palette index 0-255 when kind == Indexed
        quint32 rgb = 0;   // resolved 0xRRGGBB, whatever the kind
        bool operator==(const Color &) const = default;
    };

    enum class Underline : quint8 { None, Single, Double, Curly };   // SGR 4, 21 / 4:2, 4:3
    enum class Baseline : quint8 { Normal, Superscript, Subscript }; // SGR 73, 74 (75 resets)

    // Base character then combining characters; the rest are 0. All 0: a blank (erased) cell.
    std::array<char32_t, kMaxChars> chars{};
    // 1; 2 for the left half of a double-width character; 0 for its right half, which holds
    // no characters and repeats the left half's attributes.
    quint8 width = 1;
    Color fg;
    Color bg;
    Underline underline = Underline::None;
    Baseline baseline = Baseline::Normal;
    quint8 font = 0; // SGR 10-19: alternative font 0-9
    bool bold = false;
    bool italic = false;
    bool blink = false;
    bool reverse = false;
    bool conceal = false;
    bool strike = false;

    bool isBlank() const { return chars[0] == 0; }
    bool isWideContinuation() const { return width == 0; }
    bool defaultFg() const { return fg.kind == Color::Kind::Default; }
    bool defaultBg() const { return bg.kind == Color::Kind::Default; }
    // The characters as text (empty for blank cells and right halves).
    QString text() const
    {
        QString s;
        for (char32_t c : chars) {
            if (!c)
                break;
            s += QString::fromUcs4(&c, 1);
        }
        return s;
    }
    // Same attributes and colours, characters aside.
    bool sameAttributes(const ScreenCell &o) const
    {
        return fg == o.fg && bg == o.bg && underline == o.underline && baseline == o.baseline && font == o.font
            && bold == o.bold && italic == o.italic && blink == o.blink && reverse == o.reverse
            && conceal == o.conceal && strike == o.strike;
    }

    bool operator==(const ScreenCell &) const = default;
};
