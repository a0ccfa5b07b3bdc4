// Recorder: the session side of a recording, the one object a terminal tab or `castdeck rec`
// talks to.
//
// Data flow: PtySession::receivedData -> recordOutput() (timestamped here, with the
// recorder's own monotonic clock) -> queued -> RecordingWriter on the writer thread (encode,
// detect, file, sidecar) -> pruningDetected / writeFailed / finished back here (queued).
// With Options::preambles, the writer's CheckpointStateTracker follows the file on a third
// thread and puts a state preamble into every checkpoint.
//
// Lives on, and is used from, the GUI thread (the thread that created it). Nothing here
// blocks on the disk, except start() (opens the file and writes the header on the writer
// thread, and waits for that; appending, it also reads the file's index) and the destructor
// of a recording still running.
//
// Back pressure: the bytes posted to the writer and not yet handled are bounded. Above
// highWatermark, backPressureChanged(true): the owner stops reading the pty
// (PtySession::setReadingPaused), so the child blocks as on a slow terminal; below
// lowWatermark, backPressureChanged(false). Nothing is ever dropped.
#pragma once

#include "PruningPoint.h"
#include "format/CastHeader.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSemaphore>
#include <QString>
#include <QThread>

#include <atomic>

class RecordingWriter;

class Recorder : public QObject
{
    Q_OBJECT
public:
    struct Options {
        QString path;
        int version = 2;    // 2 or 3 (appending: the file's own version wins)
        CastHeader header;  // width/height: the terminal size now; `version` is set from above
        bool captureInput = false;
        bool append = false;  // continue `path` (see RecordingWriter::Options::append)
        bool preambles = true;
        qint64 highWatermark = 8 << 20;
        qint64 lowWatermark = 2 << 20;
        int preambleWaitMs = 5000; // stop(): how long the sidecar waits for the state thread
    };
    struct Status {
        qint64 elapsedMs = 0;      // since start()
        qint64 bytesWritten = 0;   // the file's size on disk
        qint64 pendingBytes = 0;   // posted to the writer, not yet handled
        int checkpoints = 0;       // pruningDetected so far (manual ones included)
        qint64 lastCheckpointUs = -1; // file time of the last checkpoint, -1: none yet
        bool failed = false;
        QString error;             // why recording stopped, when failed
        bool recording = false;    // from start() until finished() (or a failure)
        bool backPressure = false; // the owner was asked to stop reading
    };

    explicit Recorder(const Options &options, QObject *parent = nullptr);
    // Finishes the recording (without an exit event) if it still runs, waiting for the writer's
    // final flush and fsync but not for state preambles still being computed.
    ~Recorder() override;

    const Options &options() const { return m_options; }

    // Starts the writer thread and writes the header. False with a human sentence in
    // *errorString when the file cannot be written (or appended to); nothing is emitted then.
    bool start(QString *errorString = nullptr);
    // Output of the program, raw (any split). Timestamped now.
    void recordOutput(const QByteArray &bytes);
    // Input to the program: ignored unless Options::captureInput.
    void recordInput(const QByteArray &bytes);
    void recordResize(int cols, int rows);
    void addMarker(const QString &label);
    // A manual resume point (ClearKind::Manual) after everything recorded so far.
    void markCheckpoint();
    // Writes 'x' with exitStatus (none when < 0), flushes, fsyncs, saves the sidecar;
    // finished() follows. Later record*() calls are ignored.
    void stop(int exitStatus);

    Status status() const;
    bool isRecording() const { return m_recording; }

Q_SIGNALS:
    // Forwarded from the writer thread.
    void pruningDetected(const PruningPoint &point);
    void backPressureChanged(bool pause);
    // Once; recording has stopped (the file is valid up to its last complete line), the
    // session goes on.
    void writeFailed(const QString &message);
    void finished();

private:
    qint64 nowUs() const { return m_clock.nsecsElapsed() / 1000; }
    void post(char code, const QByteArray &data);
    void setPaused(bool paused);
    void checkDrained(RecordingWriter *writer); // writer thread
    void onDrained();
    void onWriteFailed(const QString &message);
    void onWriterFinished();
    void shutDownThread();

    Options m_options;
    QThread m_thread;
    RecordingWriter *m_writer = nullptr; // lives on m_thread
    QElapsedTimer m_clock;
    QSemaphore m_writerFinished; // released on the writer thread: the destructor cannot run an event loop
    bool m_recording = false;
    bool m_stopping = false;
    bool m_failed = false;
    QString m_error;
    int m_checkpoints = 0;
    qint64 m_lastCheckpointUs = -1;
    qint64 m_finalBytes = 0;

    // Back pressure. m_paused is read by the writer thread.
    std::atomic<bool> m_paused{false};
    std::atomic<bool> m_drainPosted{false};
};
