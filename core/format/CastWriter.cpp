#include "CastWriter.h"

#include "JsonText.h"

CastWriter::CastWriter(int version)
    : m_version(version == 3 ? 3 : 2)
{
}

void CastWriter::appendHeader(QByteArray &out, const CastHeader &header) const
{
    out += header.toJsonLine(m_version);
}

void CastWriter::appendSeconds(QByteArray &out, qint64 us)
{
    char buf[32];
    char *p = buf + sizeof(buf);
    quint64 v = quint64(us < 0 ? 0 : us);
    for (int i = 0; i < 6; ++i) {
        *--p = char('0' + v % 10);
        v /= 10;
    }
    *--p = '.';
    do {
        *--p = char('0' + v % 10);
        v /= 10;
    } while (v);
    out.append(p, buf + sizeof(buf) - p);
}

CastWriter::Encoded CastWriter::appendEvent(QByteArray &out, qint64 timeUs, QByteArrayView code, QByteArrayView data)
{
    Encoded e;
    e.lineStart = out.size();
    if (timeUs < m_lastTimeUs)
        timeUs = m_lastTimeUs; // a clock never runs backwards in a recording
    out.append('[');
    appendSeconds(out, m_version == 3 ? timeUs - m_lastTimeUs : timeUs);
    m_lastTimeUs = timeUs;
    out.append(", \"", 3);
    JsonText::appendEscaped(out, code);
    out.append("\", \"", 4);
    e.dataStart = out.size();
    JsonText::appendEscaped(out, data);
    out.append("\"]\n", 3);
    e.lineEnd = out.size();
    return e;
}
