// TerminalLines: the scrollback and the screen of a Terminal as one list of lines, the way
// a view scrolls through them: line 0 is the oldest scrollback line, line
// scrollbackSize() is the screen's top row, count() - 1 its bottom row.
//
// Data flow: Terminal -> TerminalLines -> TerminalPainter, TerminalSelection. Stateless
// helpers; used on the Terminal's thread.
#pragma once

#include "terminal/ScreenCell.h"

#include <QList>

class Terminal;

class TerminalLines
{
public:
    static int count(const Terminal &t);
    // The cells of `line`, exactly t.cols() of them: scrollback lines that are narrower or
    // wider (the screen had another width then) are padded with blanks or cut. A line out
    // of range gives blanks.
    static void read(const Terminal &t, int line, QList<ScreenCell> &out);
    // True when `line` is a soft-wrapped continuation of the line before (screen rows and
    // scrollback lines; see Terminal::isScrollbackLineContinued() for what is known).
    static bool isContinued(const Terminal &t, int line);
};
