// CastWriter: encodes asciicast v2 and v3 lines, knowing every byte it produces.
//
// Data flow: (Utf8Decoder ->) CastWriter -> bytes -> RecordingWriter's file. The writer only
// encodes; it never touches a file, so the recorder, the converter and tests share it.
// Times come in as absolute microseconds. v3 writes intervals as differences of the
// quantised absolute times, so rounding error is carried into the next interval and the
// total never drifts (asciinema 3 does the same with its "quantizer").
// Not thread-safe; one per output stream.
#pragma once

#include "CastHeader.h"

#include <QByteArray>
#include <QByteArrayView>

class CastWriter
{
public:
    explicit CastWriter(int version = 2);

    int version() const { return m_version; }

    // Appends the header line ('\n' included).
    void appendHeader(QByteArray &out, const CastHeader &header) const;

    struct Encoded {
        qsizetype lineStart = 0; // index in `out` where the line starts
        qsizetype dataStart = 0; // index in `out` of the first byte inside the data quotes
        qsizetype lineEnd = 0;   // index just after the '\n'
    };
    // Appends one event line. `data` must be valid UTF-8 (see Utf8Decoder); it is JSON-escaped.
    // `timeUs` is absolute; times before the previous event are written as that time.
    Encoded appendEvent(QByteArray &out, qint64 timeUs, QByteArrayView code, QByteArrayView data);

    // Absolute time of the last event written, microseconds.
    qint64 lastTimeUs() const { return m_lastTimeUs; }
    // Continue after events written elsewhere (appending to an existing file).
    void setLastTimeUs(qint64 us) { m_lastTimeUs = us; }

    // "12.345678": seconds with six decimals.
    static void appendSeconds(QByteArray &out, qint64 us);

private:
    int m_version;
    qint64 m_lastTimeUs = 0;
};
