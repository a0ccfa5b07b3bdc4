#include "PreambleWriter.h"

#include "GlyphMetrics.h"

#include <QHash>
#include <QPair>
#include <QString>

namespace {
// A double-width character (U+4E00) used to set up cells and flags; always overwritten.
const char kWidePlaceholder[] = "\xe4\xb8\x80";

void appendNumber(QByteArray &out, int n)
{
    out += QByteArray::number(n);
}

void appendUtf8(QByteArray &out, char32_t cp)
{
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xc0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
        out += char(0xe0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3f));
        out += char(0x80 | (cp & 0x3f));
    } else {
        out += char(0xf0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3f));
        out += char(0x80 | ((cp >> 6) & 0x3f));
        out += char(0x80 | (cp & 0x3f));
    }
}

// Default colours resolve to whatever the receiver's defaults are: their RGB does not count.
ScreenCell::Color normalized(ScreenCell::Color c)
{
    if (c.kind == ScreenCell::Color::Kind::Default)
        c.rgb = 0;
    return c;
}
} // namespace

PreambleWriter::PreambleWriter(QByteArray &out, int cols, int rows, GlyphMetrics &metrics)
    : m_out(out)
    , m_cols(cols)
    , m_rows(rows)
    , m_metrics(metrics)
{
}

void PreambleWriter::appendSgrColor(QByteArray &out, const ScreenCell::Color &c, bool fg)
{
    switch (c.kind) {
    case ScreenCell::Color::Kind::Default:
        out += fg ? "39" : "49";
        return;
    case ScreenCell::Color::Kind::Indexed:
        // The forms libvterm stores as the same palette entry (pen.c): 30-37, 90-97, 38;5;n.
        if (c.index < 8) {
            appendNumber(out, (fg ? 30 : 40) + c.index);
        } else if (c.index < 16) {
            appendNumber(out, (fg ? 90 : 100) + c.index - 8);
        } else {
            out += fg ? "38;5;" : "48;5;";
            appendNumber(out, c.index);
        }
        return;
    case ScreenCell::Color::Kind::Rgb:
        out += fg ? "38;2;" : "48;2;";
        appendNumber(out, int((c.rgb >> 16) & 0xff));
        out += ';';
        appendNumber(out, int((c.rgb >> 8) & 0xff));
        out += ';';
        appendNumber(out, int(c.rgb & 0xff));
        return;
    }
}

void PreambleWriter::resetPen()
{
    m_out += "\x1b[0m";
    m_pen = ScreenCell();
}

void PreambleWriter::setPen(const ScreenCell &wanted)
{
    ScreenCell target = wanted;
    target.fg = normalized(target.fg);
    target.bg = normalized(target.bg);
    if (target.sameAttributes(m_pen))
        return;
    const ScreenCell &cur = m_pen;
    const int diffs = (cur.bold != target.bold) + (cur.italic != target.italic) + (cur.underline != target.underline)
        + (cur.blink != target.blink) + (cur.reverse != target.reverse) + (cur.conceal != target.conceal)
        + (cur.strike != target.strike) + (cur.font != target.font) + (cur.baseline != target.baseline)
        + (cur.fg != target.fg) + (cur.bg != target.bg);
    // SGR, ECMA-48 8.3.117 (with the xterm colour and ITU T.416 underline extensions). One
    // sequence carries at most 16 parameters (libvterm's limit, see SequenceTracker.h).
    QList<QByteArray> parts;
    ScreenCell base = m_pen;
    if (diffs > 3) {
        parts.append("0");
        base = ScreenCell();
    }
    if (base.bold != target.bold)
        parts.append(target.bold ? "1" : "22");
    if (base.italic != target.italic)
        parts.append(target.italic ? "3" : "23");
    if (base.underline != target.underline) {
        switch (target.underline) {
        case ScreenCell::Underline::None: parts.append("24"); break;
        case ScreenCell::Underline::Single: parts.append("4"); break;
        case ScreenCell::Underline::Double: parts.append("4:2"); break;
        case ScreenCell::Underline::Curly: parts.append("4:3"); break;
        }
    }
    if (base.blink != target.blink)
        parts.append(target.blink ? "5" : "25");
    if (base.reverse != target.reverse)
        parts.append(target.reverse ? "7" : "27");
    if (base.conceal != target.conceal)
        parts.append(target.conceal ? "8" : "28");
    if (base.strike != target.strike)
        parts.append(target.strike ? "9" : "29");
    if (base.font != target.font)
        parts.append(QByteArray::number(10 + target.font));
    if (base.baseline != target.baseline) {
        switch (target.baseline) {
        case ScreenCell::Baseline::Normal: parts.append("75"); break;
        case ScreenCell::Baseline::Superscript: parts.append("73"); break;
        case ScreenCell::Baseline::Subscript: parts.append("74"); break;
        }
    }
    if (base.fg != target.fg) {
        QByteArray c;
        appendSgrColor(c, target.fg, true);
        parts.append(c);
    }
    if (base.bg != target.bg) {
        QByteArray c;
        appendSgrColor(c, target.bg, false);
        parts.append(c);
    }
    int params = 0;
    bool open = false;
    for (const QByteArray &part : parts) {
        const int n = int(part.count(';') + part.count(':')) + 1;
        if (open && params + n > 16) {
            m_out += 'm';
            open = false;
        }
        if (!open) {
            m_out += "\x1b[";
            open = true;
            params = 0;
        } else {
            m_out += ';';
        }
        m_out += part;
        params += n;
    }
    if (open)
        m_out += 'm';
    m_pen = target;
    m_pen.chars = {};
    m_pen.width = 1;
}

void PreambleWriter::moveTo(int row, int col)
{
    if (m_cursorKnown && !m_deferredWrap && m_row == row && m_col == col)
        return;
    // CUP, ECMA-48 8.3.21.
    m_out += "\x1b[";
    appendNumber(m_out, row - m_originTop + 1);
    m_out += ';';
    appendNumber(m_out, col - m_originLeft + 1);
    m_out += 'H';
    m_row = row;
    m_col = col;
    m_cursorKnown = true;
    m_deferredWrap = false;
}

void PreambleWriter::raw(QByteArrayView bytes, bool cursorMoves)
{
    m_out += bytes;
    if (cursorMoves)
        m_cursorKnown = false;
}

int PreambleWriter::glyphWidth(const ScreenCell &cell)
{
    int w = 0;
    for (char32_t c : cell.chars) {
        if (!c)
            break;
        w += m_metrics.width(c);
    }
    return w;
}

void PreambleWriter::afterWrite(int row, int col, int width)
{
    m_row = row;
    if (width >= 1 && col + width >= m_cols) {
        // libvterm keeps the cursor on the last character and defers the wrap.
        m_col = col;
        m_deferredWrap = true;
    } else {
        m_col = col + width;
        m_deferredWrap = false;
    }
    m_cursorKnown = true;
}

void PreambleWriter::writeChars(const ScreenCell &cell)
{
    for (char32_t c : cell.chars) {
        if (!c)
            break;
        appendUtf8(m_out, c);
    }
}

void PreambleWriter::writeGlyph(int row, int col, const ScreenCell &cell)
{
    moveTo(row, col);
    setPen(cell);
    writeChars(cell);
    afterWrite(row, col, glyphWidth(cell));
    m_wroteGlyph = true;
}

void PreambleWriter::writeGlyphAlone(int row, int col, const ScreenCell &cell)
{
    if (cell.chars[0] && m_metrics.isCombining(cell.chars[0])) {
        // libvterm adds a combining character to the previous one if the cursor is right after
        // it; after this "x" it is not.
        moveTo(row, col);
        raw("x", false);
        afterWrite(row, col, 1);
    }
    writeGlyph(row, col, cell);
}

void PreambleWriter::erase(int count, const ScreenCell::Color &fg, const ScreenCell::Color &bg, bool keepWrapFlags)
{
    // ECH keeps only the pen's colours in the erased cells (libvterm screen.c erase_internal).
    ScreenCell pen = m_pen;
    pen.fg = normalized(fg);
    pen.bg = normalized(bg);
    setPen(pen);
    m_out += "\x1b[";
    if (count != 1)
        appendNumber(m_out, count);
    // DCH at the end of the row shifts nothing in and blanks the same cells, through the
    // screen's scroll, which leaves the continuation flags alone (state.c erase() does not).
    const bool dch = keepWrapFlags && m_cursorKnown && m_col + count >= m_cols;
    m_out += dch ? 'P' : 'X';
}

void PreambleWriter::setTopRowContinued()
{
    // Wrap a wide character at the bottom-right corner (the new bottom row gets the flag),
    // scroll it to the top (SU, ECMA-48 8.3.147), clear the screen (ED 2 keeps the top row's
    // flag) and the scrollback lines this produced (ED 3, xterm).
    m_out += "\x1b[";
    appendNumber(m_out, m_rows);
    m_out += ';';
    appendNumber(m_out, m_cols);
    m_out += 'H';
    m_out += kWidePlaceholder;
    if (m_rows > 1) {
        m_out += "\x1b[";
        appendNumber(m_out, m_rows - 1);
        m_out += 'S';
    }
    m_out += "\x1b[2J\x1b[3J";
    m_cursorKnown = false;
}

int PreambleWriter::drawCell(const QList<ScreenCell> &cells, int row, int col, bool force, bool screenReverse,
                             QList<bool> &mustDraw)
{
    const qsizetype idx = qsizetype(row) * m_cols + col;
    ScreenCell cell = cells.at(idx);
    if (cell.isWideContinuation())
        return 1; // drawn with its left half
    if (screenReverse)
        cell.reverse = !cell.reverse;
    if (cell.width == 2) {
        // More right halves than one may follow (moved there by ICH/DCH): each placeholder,
        // written from the right, leaves one behind it; this cell then leaves the first.
        int last = col + 1;
        while (last + 1 < m_cols && cells.at(idx + (last + 1 - col)).isWideContinuation())
            ++last;
        for (int k = last - 1; k > col; --k) {
            moveTo(row, k);
            raw(kWidePlaceholder, false);
            afterWrite(row, k, 2);
        }
    }

    if (cell.isBlank()) {
        if (cell.width == 2) {
            // Blank, but the next cell still holds a wide character's right half.
            moveTo(row, col);
            raw(kWidePlaceholder, false);
            afterWrite(row, col, 2);
            moveTo(row, col);
            erase(1, cell.fg, cell.bg);
            return 1;
        }
        if (!force && !mustDraw.at(idx) && isBackground(cell))
            return 1;
        // Erase a run of blanks with the same colours at once.
        int n = 1;
        while (col + n < m_cols && !(force && n >= 2)) {
            const ScreenCell &next = cells.at(idx + n);
            if (!next.isBlank() || next.width != 1 || next.fg != cell.fg || next.bg != cell.bg)
                break;
            ++n;
        }
        moveTo(row, col);
        erase(n, cell.fg, cell.bg);
        for (int k = 0; k < n; ++k)
            mustDraw[idx + k] = false;
        return n;
    }

    const int natural = glyphWidth(cell);
    if (cell.width == 1 && natural == 2 && col == m_cols - 1 && col >= 1) {
        // A wide character pushed into the last column: write it one column to the left, push
        // it right with ICH, then draw the cell it came from again.
        writeGlyph(row, col - 1, cell);
        moveTo(row, col - 1);
        m_out += "\x1b[@";
        int owner = col - 1;
        while (owner > 0 && cells.at(qsizetype(row) * m_cols + owner).isWideContinuation())
            --owner;
        drawCell(cells, row, owner, true, screenReverse, mustDraw);
        return 1;
    }
    if (cell.width == 2 && natural != 2) {
        // A narrow character over a wide one's left half: the right half stays behind.
        moveTo(row, col);
        raw(kWidePlaceholder, false);
        afterWrite(row, col, 2);
    }
    writeGlyphAlone(row, col, cell);
    if (cell.width == 1 && natural == 2 && col + 1 < m_cols)
        mustDraw[idx + 1] = true; // the right half this left behind was overwritten
    return 1;
}

void PreambleWriter::drawRow(const QList<ScreenCell> &cells, int r, bool screenReverse, QList<bool> &mustDraw)
{
    const qsizetype rowStart = qsizetype(r) * m_cols;
    int c = 0;
    // Right halves at the start of the row, their left half gone: placeholders from the
    // right leave right halves behind them, then DCH shifts the row left by one.
    int orphans = 0;
    while (orphans < m_cols && cells.at(rowStart + orphans).isWideContinuation())
        ++orphans;
    if (orphans > 0 && orphans < m_cols) {
        for (int k = orphans - 1; k >= 0; --k) {
            moveTo(r, k);
            raw(kWidePlaceholder, false);
            afterWrite(r, k, 2);
        }
        moveTo(r, 0);
        m_out += "\x1b[P";
        for (int k = orphans; k < m_cols; ++k)
            mustDraw[rowStart + k] = true; // shifted, and the last cell erased
        c = orphans;
    }
    while (c < m_cols)
        c += drawCell(cells, r, c, false, screenReverse, mustDraw);
}

void PreambleWriter::drawScreen(const QList<ScreenCell> &cells, const QList<bool> &continued, bool screenReverse)
{
    QList<bool> mustDraw(qsizetype(m_rows) * m_cols, false);
    if (!m_pen.sameAttributes(ScreenCell()))
        resetPen(); // the cursor's cell and ED below use the pen's colours

    // The most common blank colours become the background, filled with one ED.
    QHash<QPair<quint64, quint64>, int> counts;
    auto key = [](const ScreenCell::Color &c) { return quint64(c.kind) << 40 | quint64(c.index) << 32 | c.rgb; };
    int best = 0;
    m_backgroundFg = ScreenCell::Color();
    m_backgroundBg = ScreenCell::Color();
    for (const ScreenCell &c : cells) {
        if (!c.isBlank() || c.width != 1)
            continue;
        const ScreenCell::Color fg = normalized(c.fg);
        const ScreenCell::Color bg = normalized(c.bg);
        const int n = ++counts[qMakePair(key(fg), key(bg))];
        if (n > best) {
            best = n;
            m_backgroundFg = fg;
            m_backgroundBg = bg;
        }
    }
    const bool fill = m_backgroundFg.kind != ScreenCell::Color::Kind::Default
        || m_backgroundBg.kind != ScreenCell::Color::Kind::Default;
    if (fill) {
        ScreenCell pen;
        pen.fg = m_backgroundFg;
        pen.bg = m_backgroundBg;
        setPen(pen);
    }

    if (m_rows > 0 && m_cols > 2 && continued.value(0))
        setTopRowContinued(); // the top row continues a line that scrolled away
    else if (fill)
        m_out += "\x1b[2J";

    for (int r = 0; r < m_rows; ++r)
        drawRow(cells, r, screenReverse, mustDraw);

    // Soft-wrapped rows: a wide character in the last column of the row above wraps and
    // flags the row; then the two cells it overwrote are drawn again. Done after all cells,
    // since erasing up to the last column clears the flag of the row below.
    if (m_cols > 2) {
        for (int r = 1; r < m_rows; ++r) {
            if (!continued.value(r))
                continue;
            moveTo(r - 1, m_cols - 1);
            raw(kWidePlaceholder, false);
            afterWrite(r, 0, 2);
            const qsizetype rowStart = qsizetype(r) * m_cols;
            if (cells.at(rowStart).isWideContinuation()) {
                // The row starts with right halves: it is set up again as a whole.
                for (int c = 0; c < m_cols; ++c)
                    mustDraw[rowStart + c] = true;
                drawRow(cells, r, screenReverse, mustDraw);
                continue;
            }
            for (int c = 0; c < m_cols && (c < 2 || mustDraw.at(rowStart + c));)
                c += drawCell(cells, r, c, c < 2, screenReverse, mustDraw);
        }
    }
}
