// TerminalSelection: the text selected with the mouse, as a range of cells over the
// scrollback and the screen (TerminalLines' line numbers), and what it copies as text.
//
// Data flow: TerminalView (mouse) -> TerminalSelection -> TerminalPainter (highlight),
// clipboard (text()). Value type; used on the Terminal's thread.
//
// Positions are cell boundaries: column 0 is the left edge of a line, column cols() its right
// edge. The selection covers the cells from start() to end() in reading order, end
// exclusive. A drag in Characters mode selects from the boundary nearest the press to the
// boundary nearest the pointer; Words and Lines (double, triple click) grow to whole words
// or lines on both ends. A double-width character is selected whole or not at all.
#pragma once

#include <QString>

#include <compare>

class Terminal;

class TerminalSelection
{
public:
    enum class Mode : quint8 { Characters, Words, Lines };
    struct Point {
        int line = 0;
        int col = 0;
        auto operator<=>(const Point &) const = default;
        bool operator==(const Point &) const = default;
    };

    bool isEmpty() const { return !(m_start < m_end); }
    Point start() const { return m_start; }
    Point end() const { return m_end; }
    Mode mode() const { return m_mode; }

    // Starts at `line`, `col` in fractional cells from the line's left edge (2.4: in the
    // third cell, left of its middle). In Words and Lines mode this already selects the word
    // or line there.
    void begin(const Terminal &t, int line, qreal col, Mode mode);
    // Moves the end that is not the anchor to `line`, `col`.
    void extend(const Terminal &t, int line, qreal col);
    // Selects whole lines [first, last].
    void selectLines(const Terminal &t, int first, int last);
    void clear() { *this = TerminalSelection(); }

    bool contains(int line, int col) const
    {
        const Point p{line, col};
        return !(p < m_start) && p < m_end;
    }
    // True if the selection touches any of the lines [first, last].
    bool intersectsLines(int first, int last) const
    {
        return !isEmpty() && m_start.line <= last && (m_end.line > first || (m_end.line == first && m_end.col > 0));
    }

    // The selected text: blanks as spaces, trailing blanks of each line dropped, lines joined
    // with '\n' except where a line is the soft-wrapped continuation of the one before.
    QString text(const Terminal &t) const;

    bool operator==(const TerminalSelection &) const = default;

private:
    struct Range {
        Point start;
        Point end;
    };
    Range rangeAt(const Terminal &t, int line, qreal col) const;
    void update(const Terminal &t);

    Mode m_mode = Mode::Characters;
    Range m_anchor;   // where the selection began (a point in Characters mode)
    Range m_pointer;  // where it reaches now
    Point m_start;
    Point m_end;
};
