#include "ScrollbackBuffer.h"

void ScrollbackBuffer::setLimit(int limit)
{
    m_limit = qMax(0, limit);
    while (int(m_lines.size()) > m_limit) {
        m_lines.pop_front();
        m_continued.pop_front();
    }
}

void ScrollbackBuffer::push(Line &line, bool continued)
{
    if (m_limit == 0) {
        line.clear();
        return;
    }
    if (int(m_lines.size()) >= m_limit) {
        Line recycled = std::move(m_lines.front());
        m_lines.pop_front();
        m_continued.pop_front();
        m_lines.push_back(std::move(line));
        m_continued.push_back(continued);
        recycled.clear();
        line = std::move(recycled);
        return;
    }
    m_lines.push_back(std::move(line));
    m_continued.push_back(continued);
    line = Line();
}

bool ScrollbackBuffer::pop(Line &line)
{
    if (m_lines.empty())
        return false;
    line = std::move(m_lines.back());
    m_lines.pop_back();
    m_continued.pop_back();
    return true;
}
