#include "CheckpointStateTracker.h"

#include "terminal/Terminal.h"

#include <QLoggingCategory>

#if defined(__linux__)
#include <sys/resource.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcRecord) // RecordingWriter.cpp

namespace {
// Lower than the recording's own threads, without SCHED_IDLE's starvation on a busy machine:
// at nice 10 the model gets about a tenth of a contended core and all of an idle one.
constexpr int kNice = 10;
} // namespace

CheckpointStateTracker::CheckpointStateTracker(const QString &castPath)
    : m_path(castPath)
{
}

CheckpointStateTracker::~CheckpointStateTracker() = default;

void CheckpointStateTracker::addCheckpoint(qsizetype index, qint64 lineOffset, qint32 dataEnd)
{
    m_cuts.push_back(Cut{index, lineOffset, dataEnd});
}

void CheckpointStateTracker::fileWritten(qint64 offset)
{
    m_limit = qMax(m_limit, offset);
    process();
}

void CheckpointStateTracker::drain()
{
    Q_EMIT caughtUp();
}

void CheckpointStateTracker::fail(const QString &message)
{
    if (m_failed)
        return;
    m_failed = true;
    m_reader.reset();
    m_terminal.reset();
    m_cuts.clear();
    qCWarning(lcRecord) << message;
    Q_EMIT failed(message);
}

bool CheckpointStateTracker::open()
{
#if defined(__linux__)
    if (!m_niced) {
        m_niced = true;
        // Linux schedules threads as tasks: the nice value of this thread alone.
        ::setpriority(PRIO_PROCESS, id_t(::gettid()), kNice);
    }
#endif
    m_reader = std::make_unique<CastReader>();
    m_reader->setFollow(true);
    if (!m_reader->open(m_path)) {
        fail(u"%1: cannot read the recording back for state preambles: %2"_s.arg(m_path, m_reader->errorString()));
        return false;
    }
    m_terminal = std::make_unique<Terminal>(m_reader->header().width, m_reader->header().height);
    // The preamble leaves the scrollback out, and without it the model is faster.
    m_terminal->setScrollbackLimit(0);
    return true;
}

void CheckpointStateTracker::emitPreamble(const Cut &cut)
{
    Q_EMIT preambleComputed(cut.index, m_terminal->statePreamble());
}

void CheckpointStateTracker::process()
{
    if (m_failed || m_cancelled.load(std::memory_order_relaxed))
        return;
    if (!m_reader && !open())
        return;
    CastEvent ev;
    while (!m_cancelled.load(std::memory_order_relaxed)) {
        const qint64 pos = m_reader->position().offset;
        // Checkpoints before the line at `pos` (manual ones), and any whose line was passed
        // (cannot happen with the protocol above; they simply get no preamble).
        while (!m_cuts.empty() &&
            (m_cuts.front().lineOffset < pos || (m_cuts.front().lineOffset == pos && m_cuts.front().dataEnd == 0))) {
            if (m_cuts.front().lineOffset == pos)
                emitPreamble(m_cuts.front());
            else
                qCWarning(lcRecord) << "state preamble skipped for checkpoint" << m_cuts.front().index;
            m_cuts.pop_front();
        }
        if (pos >= m_limit)
            return;
        if (!m_reader->readNext(ev)) {
            if (m_reader->hasError())
                fail(u"%1: cannot read the recording back for state preambles: %2"_s.arg(
                    m_path, m_reader->errorString()));
            else
                fail(u"%1: the recording ended at byte %2 although %3 bytes were written"_s.arg(m_path).arg(pos).arg(
                    m_limit));
            return;
        }
        switch (ev.type()) {
        case CastEvent::Type::Output: {
            const QByteArrayView data(ev.data);
            qsizetype from = 0;
            while (!m_cuts.empty() && m_cuts.front().lineOffset == ev.lineOffset) {
                const qsizetype end = qBound(from, qsizetype(m_cuts.front().dataEnd), data.size());
                m_terminal->feed(data.sliced(from, end - from));
                from = end;
                emitPreamble(m_cuts.front());
                m_cuts.pop_front();
            }
            m_terminal->feed(data.sliced(from));
            m_fed.fetch_add(data.size(), std::memory_order_relaxed);
            break;
        }
        case CastEvent::Type::Resize: {
            int cols = 0, rows = 0;
            if (ev.resizeSize(cols, rows))
                m_terminal->resize(cols, rows);
            break;
        }
        default:
            break;
        }
    }
}
