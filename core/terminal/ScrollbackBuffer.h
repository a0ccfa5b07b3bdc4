// ScrollbackBuffer: the lines that scrolled off the top of the main screen, oldest first,
// bounded (default 10,000 lines; the oldest are dropped).
//
// Data flow: libvterm sb_pushline / sb_popline -> Terminal (packs cells) -> ScrollbackBuffer
// -> Terminal::scrollbackLine() -> views. Used on whichever thread owns the Terminal.
// A line is an opaque packed vector of 32-bit words (Terminal's format: attribute runs plus
// one code point per used cell, trailing blanks left out), about 4-5 bytes per used cell
// instead of a ScreenCell's ~50. Storage of dropped lines is recycled for new ones, so a
// full buffer scrolls without allocating.
#pragma once

#include <QtGlobal>

#include <deque>
#include <vector>

class ScrollbackBuffer
{
public:
    using Line = std::vector<quint32>;

    explicit ScrollbackBuffer(int limit = 10000)
        : m_limit(qMax(0, limit))
    {
    }

    int limit() const { return m_limit; }
    // Drops the oldest lines beyond `limit`.
    void setLimit(int limit);
    int size() const { return int(m_lines.size()); }
    bool isEmpty() const { return m_lines.empty(); }

    // Takes `line` (swapped in); `line` comes back empty, with recycled capacity when a line
    // was dropped. `continued`: the line is a soft-wrapped continuation of the one before it.
    void push(Line &line, bool continued = false);
    // Moves the newest line out into `line`; false when empty.
    bool pop(Line &line);
    // 0 = oldest, size() - 1 = newest (the line just above the screen).
    const Line &at(int index) const { return m_lines[size_t(index)]; }
    bool isContinued(int index) const { return m_continued[size_t(index)]; }
    void clear()
    {
        m_lines.clear();
        m_continued.clear();
    }
    // Heap bytes the lines take (their storage; the deque's own blocks aside).
    qint64 memoryUsage() const
    {
        qint64 bytes = 0;
        for (const Line &line : m_lines)
            bytes += qint64(line.capacity() * sizeof(quint32) + sizeof(Line));
        return bytes;
    }

private:
    std::deque<Line> m_lines;
    std::deque<bool> m_continued; // beside m_lines, one for one
    int m_limit;
};
