// CastReader: streams the events of a .cast file (v1, v2, v3) with bounded memory.
//
// Data flow: file -> CastReader -> CastEvent -> (CheckpointIndex builder | Player).
// Reads in blocks (never the whole file, except a v1 file, which is one JSON document), so a
// 10 GB recording opens at once; memory is bounded by the longest line. Every event carries
// its line's byte offset and length, so callers can seek() back to any line start.
//
// Lenient mode (playback default): a malformed line is reported in warnings() and skipped; a
// truncated last line (as a killed recorder leaves it) ends the stream with a warning.
// Strict mode: the first problem stops reading with an error.
// Not thread-safe; one reader per thread (the indexer thread and the player own their own).
#pragma once

#include "CastDiagnostic.h"
#include "CastEvent.h"
#include "CastHeader.h"

#include <QFile>
#include <QList>
#include <QString>
#include <memory>

class CastReader
{
public:
    enum class Mode { Lenient, Strict };

    // Where reading stands: before the line at `offset`. Enough to resume reading there
    // (seek), including v3's relative times.
    struct Position {
        qint64 offset = 0;         // byte offset of the next line
        qint64 nextEventIndex = 0; // index the next event will get
        qint64 timeUs = 0;         // absolute time of the previous event (v3 base)
        qint64 lineNumber = 1;     // 1-based number of the line at `offset`
        bool operator==(const Position &) const = default;
    };

    CastReader();
    ~CastReader();
    CastReader(const CastReader &) = delete;
    CastReader &operator=(const CastReader &) = delete;

    void setMode(Mode mode) { m_mode = mode; }
    Mode mode() const { return m_mode; }
    // Follow mode (live files): an unterminated last line is left unread, without warning,
    // so a later readNext() picks it up once the writer finished it.
    void setFollow(bool follow) { m_follow = follow; }

    // Opens the file and reads its header. False (with error()) if unreadable or invalid.
    bool open(const QString &path);
    void close();
    bool isOpen() const { return m_file != nullptr; }

    const QString &fileName() const { return m_path; }
    const CastHeader &header() const { return m_header; }
    int format() const { return m_header.version; }
    QByteArray headerLine() const { return m_headerLine; } // raw bytes of line 1, line break included
    qint64 fileSize() const;

    // Reads the next event. False at the end of the stream or on a fatal error (hasError()).
    bool readNext(CastEvent &event);
    bool atEnd() const { return m_atEnd; }
    bool hasError() const { return m_hasError; }
    const CastDiagnostic &error() const { return m_error; }
    QString errorString() const { return m_hasError ? m_error.toStringWithFile() : QString(); }
    const QList<CastDiagnostic> &warnings() const { return m_warnings; }

    // The raw text of the last event's line (without line break), valid until the next
    // readNext() or seek(). Empty for v1.
    QByteArrayView lastLine() const { return m_lastLine; }

    Position position() const;
    // Continues reading at `pos` (a line start taken from position() or an index). v1 files
    // cannot seek by offset; seek() returns false for them.
    bool seek(const Position &pos);

    // Parses one event line (without its line break) into `event`'s time, code and data.
    // `prevTimeUs` is the previous event's time (v3 intervals add to it). On failure returns
    // false and sets `expected` to what was expected where. Used by tests and by the reader.
    static bool parseEventLine(QByteArrayView line, int version, qint64 prevTimeUs, CastEvent &event,
                               QString &expected);

private:
    struct Line {
        QByteArrayView text; // without line break (CR stripped)
        qint64 offset = 0;
        qint64 length = 0;   // including the line break
        bool terminated = false;
    };
    enum class LineResult { Ok, End, TooLong };
    LineResult nextLine(Line &line);
    bool fill();
    bool openV1(const QByteArray &all);
    void fail(qint64 line, qint64 offset, const QString &message);
    void warn(qint64 line, qint64 offset, const QString &message);

    Mode m_mode = Mode::Lenient;
    bool m_follow = false;
    QString m_path;
    std::unique_ptr<QFile> m_file;
    CastHeader m_header;
    QByteArray m_headerLine;

    QByteArray m_buf;
    qsizetype m_bufPos = 0;    // first unconsumed byte in m_buf
    qsizetype m_bufLen = 0;    // bytes of m_buf holding data
    qint64 m_bufOffset = 0;    // file offset of m_buf[0]
    bool m_eof = false;

    Position m_pos;
    QByteArrayView m_lastLine;
    bool m_atEnd = false;
    bool m_hasError = false;
    CastDiagnostic m_error;
    QList<CastDiagnostic> m_warnings;

    // v1: the whole document, converted once.
    QList<CastEvent> m_v1Events;
    qsizetype m_v1Next = 0;
};
