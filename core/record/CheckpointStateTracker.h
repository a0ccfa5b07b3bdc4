// CheckpointStateTracker: a recording's state thread. It follows the cast file behind the
// writer and computes the state preamble of each checkpoint (see Checkpoint::preamble).
//
// Data flow: RecordingWriter (writer thread) -> file -> CastReader (here, never past what the
// writer announced) -> headless Terminal (every output event, every resize) ->
// statePreamble() exactly at each checkpoint's end -> preambleComputed() -> RecordingWriter
// (queued) -> sidecar.
//
// Why a thread of its own: Terminal (libvterm) ingests 16-20 MB/s while a pty delivers about
// 58 MB/s; on the writer thread it would hold every recording to the model's pace.
// Why read the file back rather than be fed the chunks from memory: under `cat` of a big file
// the model falls behind by ~40 MB a second, so a queue in memory grows until tracking has to
// give up for the rest of the session. Reading back what the writer just wrote (from the page
// cache) costs one line of memory however far behind the model is, never gives up, and
// catches up when the output calms down (an interactive session is idle most of the time).
// It also makes the preamble describe exactly what a player replays: the file's decoded text
// (invalid bytes are U+FFFD there), not the raw pty bytes.
// The thread runs at nice +10 (Linux), so on a busy machine the recording itself goes first.
//
// Protocol, queued calls from the writer thread, handled in order: addCheckpoint() for each
// checkpoint before any fileWritten() that covers its line; fileWritten(offset) after each
// flush. The tracker never reads past the last announced offset, so it always knows a
// checkpoint before it reads the line holding it. drain() answers caughtUp() once everything
// announced before it is done. cancel() (any thread) stops the work at once: the recording was
// stopped and waiting for the rest ran out of time.
#pragma once

#include "format/CastReader.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <atomic>
#include <deque>
#include <memory>

class Terminal;

class CheckpointStateTracker : public QObject
{
    Q_OBJECT
public:
    explicit CheckpointStateTracker(const QString &castPath);
    ~CheckpointStateTracker() override;

    // Any thread.
    void cancel() { m_cancelled.store(true, std::memory_order_relaxed); }
    // Output bytes fed to the model so far (for diagnostics and benchmarks).
    qint64 fedBytes() const { return m_fed.load(std::memory_order_relaxed); }

public Q_SLOTS:
    // State thread. Checkpoint `index` (in the writer's CheckpointIndex) is at `dataEnd` in the
    // data of the event whose line starts at `lineOffset`; dataEnd 0: before that line (a manual
    // checkpoint; the line may not exist yet). Calls come in file order.
    void addCheckpoint(qsizetype index, qint64 lineOffset, qint32 dataEnd);
    // State thread. The file is complete up to `offset` (a line boundary): model it up to there.
    void fileWritten(qint64 offset);
    // State thread. Emits caughtUp().
    void drain();

Q_SIGNALS:
    void preambleComputed(qsizetype index, const QByteArray &preamble);
    void caughtUp();
    // The file cannot be read back: no more preambles (the checkpoints keep none).
    void failed(const QString &message);

private:
    struct Cut {
        qsizetype index;
        qint64 lineOffset;
        qint32 dataEnd;
    };
    bool open();
    void process();
    void emitPreamble(const Cut &cut);
    void fail(const QString &message);

    QString m_path;
    std::unique_ptr<CastReader> m_reader;
    std::unique_ptr<Terminal> m_terminal;
    std::deque<Cut> m_cuts;
    qint64 m_limit = 0;
    bool m_failed = false;
    bool m_niced = false;
    std::atomic<bool> m_cancelled{false};
    std::atomic<qint64> m_fed{0};
};
