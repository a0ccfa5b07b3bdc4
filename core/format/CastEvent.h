// CastEvent: one event line of an asciicast recording, as read from or written to a file.
//
// Data flow: CastReader -> CastEvent -> CheckpointIndex / Player. Value type.
#pragma once

#include <QByteArray>
#include <QtGlobal>

struct CastEvent {
    enum class Type : quint8 { Output, Input, Resize, Marker, Exit, Unknown };

    qint64 timeUs = 0;      // absolute time since the start, microseconds
    qint64 intervalUs = 0;  // time since the previous event, microseconds
    QByteArray code;        // "o", "i", "r", "m", "x" or an unknown code, kept as read
    QByteArray data;        // the decoded UTF-8 text of the data string
    qint64 index = -1;      // 0-based index among events (header, blank, comment lines excluded)
    qint64 lineNumber = 0;  // 1-based line number in the file (0 for v1)
    qint64 lineOffset = -1; // byte offset of the line's first byte (-1 for v1)
    qint64 lineLength = 0;  // bytes of the line including its line break
    qint64 dataOffset = -1; // byte offset of the first byte inside the data string's quotes

    Type type() const { return typeOf(code); }
    static Type typeOf(const QByteArray &code)
    {
        if (code.size() != 1)
            return Type::Unknown;
        switch (code.at(0)) {
        case 'o': return Type::Output;
        case 'i': return Type::Input;
        case 'r': return Type::Resize;
        case 'm': return Type::Marker;
        case 'x': return Type::Exit;
        default: return Type::Unknown;
        }
    }

    // For resize events: parses "COLSxROWS". Returns false when malformed.
    bool resizeSize(int &cols, int &rows) const
    {
        const qsizetype x = data.indexOf('x');
        if (x <= 0)
            return false;
        bool okc = false, okr = false;
        cols = data.left(x).toInt(&okc);
        rows = data.mid(x + 1).toInt(&okr);
        return okc && okr && cols > 0 && rows > 0;
    }

    bool operator==(const CastEvent &) const = default;
};
