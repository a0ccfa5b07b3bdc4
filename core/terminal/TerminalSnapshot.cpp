#include "TerminalSnapshot.h"

using namespace Qt::StringLiterals;

namespace {
QString rowText(const ScreenCell *cells, int count)
{
    QString s;
    int pendingSpaces = 0;
    for (int i = 0; i < count; ++i) {
        const ScreenCell &c = cells[i];
        if (c.isWideContinuation())
            continue;
        if (c.isBlank()) {
            ++pendingSpaces;
            continue;
        }
        s += QString(pendingSpaces, QLatin1Char(' '));
        pendingSpaces = 0;
        s += c.text();
    }
    return s;
}

QString describeColor(const ScreenCell::Color &c)
{
    switch (c.kind) {
    case ScreenCell::Color::Kind::Default:
        return u"default"_s;
    case ScreenCell::Color::Kind::Indexed:
        return u"index %1 (#%2)"_s.arg(c.index).arg(c.rgb, 6, 16, QLatin1Char('0'));
    case ScreenCell::Color::Kind::Rgb:
        return u"#%1"_s.arg(c.rgb, 6, 16, QLatin1Char('0'));
    }
    return {};
}

QString describeCell(const ScreenCell &c)
{
    QString out = u"["_s;
    for (char32_t ch : c.chars) {
        if (!ch)
            break;
        out += u"U+%1 "_s.arg(quint32(ch), 4, 16, QLatin1Char('0'));
    }
    out += u"w"_s + QString::number(c.width) + u" fg "_s + describeColor(c.fg) + u" bg "_s + describeColor(c.bg);
    if (c.bold)
        out += u" bold"_s;
    if (c.italic)
        out += u" italic"_s;
    if (c.blink)
        out += u" blink"_s;
    if (c.reverse)
        out += u" reverse"_s;
    if (c.conceal)
        out += u" conceal"_s;
    if (c.strike)
        out += u" strike"_s;
    if (c.underline != ScreenCell::Underline::None)
        out += u" underline"_s + QString::number(int(c.underline));
    if (c.font)
        out += u" font"_s + QString::number(c.font);
    if (c.baseline != ScreenCell::Baseline::Normal)
        out += u" baseline"_s + QString::number(int(c.baseline));
    return out + u"]"_s;
}

QString describeCursor(const TerminalCursor &c)
{
    return u"(%1,%2) visible=%3 blink=%4 shape=%5"_s.arg(c.row).arg(c.col).arg(c.visible).arg(c.blink).arg(int(c.shape));
}
} // namespace

QStringList TerminalSnapshot::textRows() const
{
    QStringList out;
    for (int r = 0; r < rows; ++r)
        out.append(rowText(cells.constData() + qsizetype(r) * cols, cols));
    return out;
}

QString TerminalSnapshot::describeDifference(const TerminalSnapshot &o) const
{
    if (cols != o.cols || rows != o.rows)
        return u"size %1x%2 vs %3x%4"_s.arg(cols).arg(rows).arg(o.cols).arg(o.rows);
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < cols; ++c) {
            if (cell(r, c) != o.cell(r, c))
                return u"cell (%1,%2): %3 vs %4"_s.arg(r).arg(c).arg(describeCell(cell(r, c)), describeCell(o.cell(r, c)));
        }
        if (lineContinued.value(r) != o.lineContinued.value(r))
            return u"row %1 continued: %2 vs %3"_s.arg(r).arg(lineContinued.value(r)).arg(o.lineContinued.value(r));
    }
    if (cursor != o.cursor)
        return u"cursor %1 vs %2"_s.arg(describeCursor(cursor), describeCursor(o.cursor));
    if (altScreen != o.altScreen)
        return u"altScreen %1 vs %2"_s.arg(altScreen).arg(o.altScreen);
    if (title != o.title)
        return u"title \"%1\" vs \"%2\""_s.arg(title, o.title);
    const TerminalModes &a = modes;
    const TerminalModes &b = o.modes;
#define CASTDECK_DIFF(field)                                                                                           \
    if (a.field != b.field)                                                                                            \
        return u"modes." #field " %1 vs %2"_s.arg(int(a.field)).arg(int(b.field));
    CASTDECK_DIFF(appCursorKeys)
    CASTDECK_DIFF(appKeypad)
    CASTDECK_DIFF(autowrap)
    CASTDECK_DIFF(originMode)
    CASTDECK_DIFF(reverseVideo)
    CASTDECK_DIFF(insertMode)
    CASTDECK_DIFF(newlineMode)
    CASTDECK_DIFF(leftRightMarginMode)
    CASTDECK_DIFF(bracketedPaste)
    CASTDECK_DIFF(focusReporting)
    CASTDECK_DIFF(eightBitControls)
    CASTDECK_DIFF(protectedPen)
    CASTDECK_DIFF(mouseMode)
    CASTDECK_DIFF(mouseProtocol)
    CASTDECK_DIFF(scrollTop)
    CASTDECK_DIFF(scrollBottom)
    CASTDECK_DIFF(scrollLeft)
    CASTDECK_DIFF(scrollRight)
    CASTDECK_DIFF(charsets[0])
    CASTDECK_DIFF(charsets[1])
    CASTDECK_DIFF(charsets[2])
    CASTDECK_DIFF(charsets[3])
    CASTDECK_DIFF(glSet)
    CASTDECK_DIFF(singleShift)
    CASTDECK_DIFF(savedCursorValid)
    CASTDECK_DIFF(pendingWrap)
    CASTDECK_DIFF(lastGlyphWidth)
    CASTDECK_DIFF(combinesAtCursor)
#undef CASTDECK_DIFF
    if (a.pen != b.pen)
        return u"modes.pen %1 vs %2"_s.arg(describeCell(a.pen), describeCell(b.pen));
    if (a.savedCursor != b.savedCursor)
        return u"modes.savedCursor %1 vs %2"_s.arg(describeCursor(a.savedCursor), describeCursor(b.savedCursor));
    if (a.savedPen != b.savedPen)
        return u"modes.savedPen %1 vs %2"_s.arg(describeCell(a.savedPen), describeCell(b.savedPen));
    if (a.lastGlyph != b.lastGlyph)
        return u"modes.lastGlyph U+%1 vs U+%2"_s.arg(quint32(a.lastGlyph[0]), 4, 16, QLatin1Char('0'))
            .arg(quint32(b.lastGlyph[0]), 4, 16, QLatin1Char('0'));
    return {};
}
