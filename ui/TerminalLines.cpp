#include "TerminalLines.h"

#include "terminal/Terminal.h"

int TerminalLines::count(const Terminal &t)
{
    return t.scrollbackSize() + t.rows();
}

void TerminalLines::read(const Terminal &t, int line, QList<ScreenCell> &out)
{
    const int cols = t.cols();
    out.resize(cols);
    const int sb = t.scrollbackSize();
    if (line >= sb && line < sb + t.rows()) {
        const int row = line - sb;
        ScreenCell *cells = out.data();
        for (int col = 0; col < cols; ++col)
            cells[col] = t.cell(row, col);
        return;
    }
    if (line >= 0 && line < sb) {
        const QList<ScreenCell> cells = t.scrollbackLine(line);
        const int n = qMin(cols, int(cells.size()));
        std::copy(cells.cbegin(), cells.cbegin() + n, out.begin());
        std::fill(out.begin() + n, out.end(), ScreenCell());
        // A wide character cut in half at the edge shows as a blank.
        if (n > 0 && n == cols && out[n - 1].width == 2)
            out[n - 1] = ScreenCell();
        return;
    }
    std::fill(out.begin(), out.end(), ScreenCell());
}

bool TerminalLines::isContinued(const Terminal &t, int line)
{
    const int row = line - t.scrollbackSize();
    return row >= 0 ? t.isLineContinued(row) : t.isScrollbackLineContinued(line);
}
