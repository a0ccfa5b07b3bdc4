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
//
// With Options::preambles, a CheckpointStateTracker on a state thread of its own follows the
// file and computes each checkpoint's state preamble; they land in the sidecar as they come.
// finish() waits for it (at most preambleWaitMs) before the final sidecar is saved and
// finished() is emitted; checkpoints it did not reach keep hasPreamble false.
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

class CheckpointStateTracker;
class QThread;
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
        // Continue `path` if it has content: its version and header stay (the header's size
        // here, when it differs, is written as a resize), times go on from its last event, a
        // line cut by a killed recorder at its end is removed. Otherwise a new file.
        bool append = false;
        // State preambles for the checkpoints (regular files only: the state thread reads the
        // file back).
        bool preambles = false;
        int preambleWaitMs = 5000; // finish(): how long to wait for the state thread at most
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
    // Why recording stopped (empty while all is well). Writer thread, or another thread after
    // a blocking call into the writer thread (start()).
    QString errorString() const { return m_errorString; }
    bool hasFailed() const { return m_failed; }
    // The file was opened (a later failure is a write failure: disk full, file deleted).
    bool wasOpened() const { return m_opened; }

public Q_SLOTS:
    // Writer thread. Opens the file and writes the header (or, appending, reads the file's
    // index first: CastIndexer, fast when its sidecar is valid).
    void start();
    // Writer thread. One event: 'o' output (raw bytes, any UTF-8 split), 'i' input,
    // 'r' resize ("COLSxROWS"), 'm' marker (label), 'x' exit status.
    void write(qint64 timeUs, char code, const QByteArray &data);
    // Writer thread. A manual checkpoint (ClearKind::Manual) between the events written so far
    // and the next one.
    void markCheckpoint(qint64 timeUs);
    // Writer thread. Writes the exit status (unless < 0), flushes, fsyncs; waits for the state
    // thread's last preambles (bounded), saves the sidecar, then emits finished().
    void finish(int exitStatus);
    // Writer thread. finish() does not wait for the state thread (any more): what it has not
    // computed yet stays without preamble. For an owner that is going away.
    void skipPreambleWait();

Q_SIGNALS:
    void started();
    void pruningDetected(const PruningPoint &point);
    void writeFailed(const QString &message);
    void finished();

private:
    bool openFile();
    bool openForAppend();
    void startStateTracker();
    void stopStateTracker();
    void onPreambleComputed(qsizetype index, const QByteArray &preamble);
    void completeFinish();
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
    QByteArray m_lastLine;   // the last event line on disk (for the sidecar's validation hash)
    qsizetype m_lastLineStart = -1; // the last event line in m_buffer, if it is there
    qsizetype m_lastLineLength = 0;
    QList<ClearDetector::Match> m_matches;
    QString m_errorString;
    bool m_opened = false;
    bool m_failed = false;
    bool m_finishing = false; // finish() ran; waiting for the state thread
    bool m_completing = false;
    bool m_finished = false;
    bool m_sidecarDirty = false;
    QTimer *m_flushTimer = nullptr;
    QTimer *m_sidecarTimer = nullptr;
    QElapsedTimer m_sinceSidecar;
    qint64 m_timeBaseUs = 0;     // appending: the existing file's last event time
    qint64 m_lineNumberBase = 2; // line number of event 0 (the header is line 1)

    // The state thread (Options::preambles).
    std::unique_ptr<QThread> m_stateThread;
    CheckpointStateTracker *m_tracker = nullptr;
    QTimer *m_finishTimer = nullptr;

    // Read by position() from other threads.
    std::atomic<qint64> m_written{0};
    std::atomic<qint64> m_pending{0};
};
