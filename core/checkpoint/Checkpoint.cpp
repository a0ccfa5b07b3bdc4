#include "Checkpoint.h"

#include <QDataStream>

QDataStream &operator<<(QDataStream &s, const Checkpoint &c)
{
    return s << QByteArray(ClearDetector::sequence(c.kind).name) << c.timeUs << c.eventIndex << c.lineNumber
             << c.lineOffset << c.sequenceEnd << c.prevTimeUs << c.dataEnd << c.cols << c.rows << c.preamble
             << c.hasPreamble;
}

QDataStream &operator>>(QDataStream &s, Checkpoint &c)
{
    QByteArray name;
    s >> name >> c.timeUs >> c.eventIndex >> c.lineNumber >> c.lineOffset >> c.sequenceEnd >> c.prevTimeUs
        >> c.dataEnd >> c.cols >> c.rows >> c.preamble >> c.hasPreamble;
    if (!ClearDetector::kindFromName(name, c.kind))
        s.setStatus(QDataStream::ReadCorruptData);
    return s;
}

QDataStream &operator<<(QDataStream &s, const CastMarker &m)
{
    return s << m.timeUs << m.eventIndex << m.lineOffset << m.label;
}

QDataStream &operator>>(QDataStream &s, CastMarker &m)
{
    return s >> m.timeUs >> m.eventIndex >> m.lineOffset >> m.label;
}

QDataStream &operator<<(QDataStream &s, const CastResize &r)
{
    return s << r.timeUs << r.eventIndex << r.lineOffset << r.cols << r.rows;
}

QDataStream &operator>>(QDataStream &s, CastResize &r)
{
    return s >> r.timeUs >> r.eventIndex >> r.lineOffset >> r.cols >> r.rows;
}
