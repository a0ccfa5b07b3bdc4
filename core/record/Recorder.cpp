#include "Recorder.h"

#include "RecordingWriter.h"

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcRecord) // RecordingWriter.cpp

namespace {
// How long a recording destroyed while running waits for the writer's final flush and fsync.
constexpr int kDestructorWaitMs = 10000;
} // namespace

Recorder::Recorder(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
    qRegisterMetaType<PruningPoint>();
    m_options.lowWatermark = qMin(m_options.lowWatermark, m_options.highWatermark);
    m_thread.setObjectName(u"castdeck-writer"_s);
}

Recorder::~Recorder()
{
    if (m_recording) {
        // Finish now (the final flush and fsync), without waiting for preambles still being
        // computed: whoever destroys us is waiting.
        m_stopping = true;
        QMetaObject::invokeMethod(m_writer, [w = m_writer] {
            w->skipPreambleWait();
            w->finish(-1);
        }, Qt::QueuedConnection);
    }
    if (m_recording && !m_writerFinished.tryAcquire(1, kDestructorWaitMs))
        qCWarning(lcRecord) << m_options.path << ": the writer did not finish in time";
    shutDownThread();
}

void Recorder::shutDownThread()
{
    // The writer is deleted on its own thread when that ends (deleteLater below); the lambdas
    // posted to it that refer to `this` have all run by then.
    m_thread.quit();
    m_thread.wait();
    m_writer = nullptr;
}

bool Recorder::start(QString *errorString)
{
    if (m_writer || m_recording) {
        if (errorString)
            *errorString = u"%1: the recording was started already"_s.arg(m_options.path);
        return false;
    }
    RecordingWriter::Options wo;
    wo.path = m_options.path;
    wo.version = m_options.version;
    wo.header = m_options.header;
    wo.header.version = m_options.version;
    wo.append = m_options.append;
    wo.preambles = m_options.preambles;
    wo.preambleWaitMs = m_options.preambleWaitMs;
    m_writer = new RecordingWriter(wo);
    m_writer->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_writer, &QObject::deleteLater);
    connect(
        m_writer, &RecordingWriter::finished, m_writer, [this] { m_writerFinished.release(); }, Qt::DirectConnection);
    // The writer emits on its own thread; these are queued to ours.
    connect(m_writer, &RecordingWriter::pruningDetected, this, [this](const PruningPoint &p) {
        if (!m_recording)
            return;
        ++m_checkpoints;
        m_lastCheckpointUs = p.timeUs;
        Q_EMIT pruningDetected(p);
    });
    connect(m_writer, &RecordingWriter::writeFailed, this, &Recorder::onWriteFailed);
    connect(m_writer, &RecordingWriter::finished, this, &Recorder::onWriterFinished);
    m_thread.start();

    bool ok = false;
    QString error;
    QMetaObject::invokeMethod(m_writer, [w = m_writer, &ok, &error] {
        w->start();
        // A file that opened but could not take the header (disk full) is a write failure,
        // reported by writeFailed() like any later one.
        ok = w->wasOpened();
        error = w->errorString();
    }, Qt::BlockingQueuedConnection);
    if (!ok) {
        shutDownThread();
        m_failed = true;
        m_error = error;
        if (errorString)
            *errorString = error;
        return false;
    }
    m_clock.start();
    m_recording = true;
    return true;
}

void Recorder::post(char code, const QByteArray &data)
{
    if (!m_recording || m_stopping || m_failed)
        return;
    const qint64 t = nowUs();
    RecordingWriter *w = m_writer;
    w->notePosted(data.size());
    QMetaObject::invokeMethod(w, [this, w, t, code, data] {
        w->write(t, code, data);
        checkDrained(w);
    }, Qt::QueuedConnection);
    if (!m_paused.load(std::memory_order_relaxed) && w->position().pending > m_options.highWatermark)
        setPaused(true);
}

void Recorder::checkDrained(RecordingWriter *w)
{
    // Writer thread. One wake-up at a time; onDrained() decides.
    if (m_paused.load(std::memory_order_relaxed) && w->position().pending <= m_options.lowWatermark
        && !m_drainPosted.exchange(true))
        QMetaObject::invokeMethod(this, &Recorder::onDrained, Qt::QueuedConnection);
}

void Recorder::setPaused(bool paused)
{
    m_paused.store(paused);
    Q_EMIT backPressureChanged(paused);
    if (paused) {
        // The writer may have handled everything before it saw m_paused: this check runs
        // after all that was posted, so a wake-up cannot be missed.
        QMetaObject::invokeMethod(m_writer, [this, w = m_writer] { checkDrained(w); }, Qt::QueuedConnection);
    }
}

void Recorder::onDrained()
{
    m_drainPosted.store(false);
    if (!m_paused.load())
        return;
    if (!m_writer || m_writer->position().pending <= m_options.lowWatermark)
        setPaused(false);
}

void Recorder::recordOutput(const QByteArray &bytes)
{
    if (!bytes.isEmpty())
        post('o', bytes);
}

void Recorder::recordInput(const QByteArray &bytes)
{
    if (m_options.captureInput && !bytes.isEmpty())
        post('i', bytes);
}

void Recorder::recordResize(int cols, int rows)
{
    post('r', QByteArray::number(qMax(1, cols)) + 'x' + QByteArray::number(qMax(1, rows)));
}

void Recorder::addMarker(const QString &label)
{
    post('m', label.toUtf8());
}

void Recorder::markCheckpoint()
{
    if (!m_recording || m_stopping || m_failed)
        return;
    QMetaObject::invokeMethod(m_writer, [w = m_writer, t = nowUs()] { w->markCheckpoint(t); }, Qt::QueuedConnection);
}

void Recorder::stop(int exitStatus)
{
    if (!m_recording || m_stopping)
        return;
    m_stopping = true;
    QMetaObject::invokeMethod(m_writer, [w = m_writer, exitStatus] { w->finish(exitStatus); }, Qt::QueuedConnection);
}

void Recorder::onWriteFailed(const QString &message)
{
    if (!m_recording || m_failed)
        return; // start() reports its own failure
    m_failed = true;
    m_error = message;
    if (m_paused.load())
        setPaused(false); // nothing is written any more: let the session run freely
    Q_EMIT writeFailed(message);
}

void Recorder::onWriterFinished()
{
    if (!m_recording)
        return;
    m_recording = false;
    if (m_paused.load())
        setPaused(false);
    m_writerFinished.acquire(); // released just before this was queued; the destructor need not wait
    m_finalBytes = m_writer->position().written;
    shutDownThread();
    Q_EMIT finished();
}

Recorder::Status Recorder::status() const
{
    Status s;
    s.elapsedMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    if (m_writer) {
        const RecordingWriter::Position p = m_writer->position();
        s.bytesWritten = p.written;
        s.pendingBytes = p.pending;
    } else {
        s.bytesWritten = m_finalBytes;
    }
    s.checkpoints = m_checkpoints;
    s.lastCheckpointUs = m_lastCheckpointUs;
    s.failed = m_failed;
    s.error = m_error;
    s.recording = m_recording;
    s.backPressure = m_paused.load();
    return s;
}
