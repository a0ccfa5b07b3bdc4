// RecordingWriter: the writer thread's end of a recording.
//
// Data flow: PtySession output -> Recorder (GUI thread, timestamps) -> queued write() ->
// RecordingWriter (writer thread): Utf8Decoder -> ClearDetector -> CastWriter -> file, and
// CheckpointIndex -> sidecar NAME.cast.idx.
//
// Lives on its own QThread (moveToThread): every slot runs there, so only that thread
// touches the file. position() is the one thing read from other threads; it reads atomics.
// Writing is buffered: a flush at least every 100 ms, at every checkpoint and at finish
// (with fsync), always at line boundaries, so a killed recorder leaves a file that parses
// up to its last complete line. A failed write (disk full, file gone) is reported once with
// writeFailed(); the file is cut back to its last complete line and recording stops, while
// the session goes on.
#pragma once

#include "PruningPoint.h"
#include "checkpoint/CheckpointIndex.h"
#include "format/CastHeader.h"
#include "format/CastWriter.h"
#include "format/Utf8Decoder.h"

#include <QElapsedTimer>
#include <QFile>
#include <QObject>
#include <QString>
#include <atomic>
#include <memory>

class QTimer;

class RecordingWriter : public QObject
{
    Q_OBJECT
public:
    struct Options {
        QString path;
        int version = 2;     // 2 or 3
        CastHeader header;   // width/height: the terminal size at the start
        int flushIntervalMs = 100;
        int sidecarIntervalMs = 250; // at most ~4 sidecar writes a second under a storm of clears
        bool sidecar = true;
    };
    struct Position {
        qint64 written = 0; // bytes on disk
        qint64 pending = 0; // bytes queued or buffered, not yet on disk
        qint64 total = 0;
    };

    explicit RecordingWriter(const Options &options);
    ~RecordingWriter() override;

    // Any thread.
    Position position() const;
    // Called by the sending side before it posts data (counts it as pending).
    void notePosted(qint64 bytes) { m_pending.fetch_add(bytes, std::memory_order_relaxed); }
    QString sidecarPath() const;

public Q_SLOTS:
    // Writer thread. Opens the file and writes the header.
    void start();
    // Writer thread. One event: 'o' output (raw bytes, any UTF-8 split), 'i' input,
    // 'r' resize ("COLSxROWS"), 'm' marker (label), 'x' exit status.
    void write(qint64 timeUs, char code, const QByteArray &data);
    // Writer thread. Writes the exit status (unless < 0), flushes, fsyncs, saves the sidecar.
    void finish(int exitStatus);

Q_SIGNALS:
    void started();
    void pruningDetected(const PruningPoint &point);
    void writeFailed(const QString &message);
    void finished();

private:
    void appendEvent(qint64 timeUs, char code, QByteArrayView text);
    void flush();
    bool writeOut(const char *data, qint64 size);
    void saveSidecar();
    void scheduleSidecar();
    void fail(const QString &message);

    Options m_options;
    std::unique_ptr<QFile> m_file;
    CastWriter m_writer;
    Utf8Decoder m_decoder;
    ClearDetector m_detector;
    CheckpointIndex m_index;
    QByteArray m_buffer;     // encoded, not yet written
    QByteArray m_text;       // scratch: decoded output of one chunk
    QByteArray m_lastLine;   // the last event line (for the sidecar's validation hash)
    QList<ClearDetector::Match> m_matches;
    bool m_failed = false;
    bool m_finished = false;
    bool m_sidecarDirty = false;
    QTimer *m_flushTimer = nullptr;
    QTimer *m_sidecarTimer = nullptr;
    QElapsedTimer m_sinceSidecar;

    // Read by position() from other threads.
    std::atomic<qint64> m_written{0};
    std::atomic<qint64> m_pending{0};
};
