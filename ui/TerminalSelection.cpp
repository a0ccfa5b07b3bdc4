#include "TerminalSelection.h"

#include "TerminalLines.h"
#include "terminal/Terminal.h"

#include <QList>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {
// What a double-click treats as one word: runs of letters, digits and the characters that
// paths, URLs and e-mail addresses are made of (Konsole's default set); runs of blanks; runs
// of one same punctuation character.
qint64 wordClass(const ScreenCell &c)
{
    const char32_t ch = c.chars[0];
    if (ch == 0 || ch == U' ' || ch == U'\t')
        return 0;
    if (QChar::isLetterOrNumber(ch) || QChar::isMark(ch)
        || (ch < 0x80 && QStringView(u":@-./_~?&=%+#").contains(QChar(char16_t(ch)))))
        return 1;
    return 2 + qint64(ch);
}

QList<qint64> wordClasses(const QList<ScreenCell> &cells)
{
    QList<qint64> out(cells.size());
    for (qsizetype i = 0; i < cells.size(); ++i)
        out[i] = cells[i].isWideContinuation() && i > 0 ? out[i - 1] : wordClass(cells[i]);
    return out;
}
} // namespace

TerminalSelection::Range TerminalSelection::rangeAt(const Terminal &t, int line, qreal col) const
{
    const int cols = t.cols();
    switch (m_mode) {
    case Mode::Characters: {
        const int b = qBound(0, int(std::lround(col)), cols);
        return {{line, b}, {line, b}};
    }
    case Mode::Lines:
        return {{line, 0}, {line, cols}};
    case Mode::Words:
        break;
    }
    QList<ScreenCell> cells;
    TerminalLines::read(t, line, cells);
    int c = qBound(0, int(std::floor(col)), cols - 1);
    if (cells[c].isWideContinuation() && c > 0)
        --c;
    const QList<qint64> classes = wordClasses(cells);
    int a = c;
    while (a > 0 && classes[a - 1] == classes[c])
        --a;
    int b = c + 1;
    while (b < cols && classes[b] == classes[c])
        ++b;
    return {{line, a}, {line, b}};
}

void TerminalSelection::begin(const Terminal &t, int line, qreal col, Mode mode)
{
    m_mode = mode;
    m_anchor = rangeAt(t, line, col);
    m_pointer = m_anchor;
    update(t);
}

void TerminalSelection::extend(const Terminal &t, int line, qreal col)
{
    m_pointer = rangeAt(t, line, col);
    update(t);
}

void TerminalSelection::selectLines(const Terminal &t, int first, int last)
{
    m_mode = Mode::Lines;
    m_anchor = {{first, 0}, {first, t.cols()}};
    m_pointer = {{last, 0}, {last, t.cols()}};
    update(t);
}

void TerminalSelection::update(const Terminal &t)
{
    m_start = qMin(m_anchor.start, m_pointer.start);
    m_end = qMax(m_anchor.end, m_pointer.end);
    if (isEmpty() || m_mode != Mode::Characters)
        return;
    // Never half a double-width character.
    QList<ScreenCell> cells;
    TerminalLines::read(t, m_start.line, cells);
    if (m_start.col > 0 && m_start.col < cells.size() && cells[m_start.col].isWideContinuation())
        --m_start.col;
    if (m_end.line != m_start.line)
        TerminalLines::read(t, m_end.line, cells);
    if (m_end.col > 0 && m_end.col < cells.size() && cells[m_end.col - 1].width == 2)
        ++m_end.col;
}

QString TerminalSelection::text(const Terminal &t) const
{
    QString out;
    if (isEmpty())
        return out;
    QList<ScreenCell> cells;
    const int cols = t.cols();
    for (int line = m_start.line; line <= m_end.line; ++line) {
        const int from = line == m_start.line ? m_start.col : 0;
        const int to = line == m_end.line ? m_end.col : cols;
        const bool wrapsOn = line < m_end.line && TerminalLines::isContinued(t, line + 1);
        TerminalLines::read(t, line, cells);
        QString text;
        for (int col = from; col < to && col < cols; ++col) {
            const ScreenCell &c = cells[col];
            if (c.isWideContinuation())
                continue;
            text += c.isBlank() ? u" "_s : c.text();
        }
        if (!wrapsOn) {
            qsizetype n = text.size();
            while (n > 0 && text.at(n - 1) == u' ')
                --n;
            text.truncate(n);
        }
        out += text;
        if (line < m_end.line && !wrapsOn)
            out += u'\n';
    }
    return out;
}
