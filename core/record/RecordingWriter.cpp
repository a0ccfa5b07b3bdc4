#include "RecordingWriter.h"

#include "CheckpointStateTracker.h"
#include "checkpoint/CastIndexer.h"
#include "format/JsonText.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <unistd.h>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcRecord, "castdeck.record", QtWarningMsg)

namespace {
constexpr qsizetype kFlushAtBytes = 1 << 20;
// Room for a full buffer plus one more event, escaped (pty chunks are at most 64 KB; ESC
// becomes six bytes): the buffer is allocated once. JsonText::appendEscaped() reserves room
// for each event exactly, which would otherwise reallocate the buffer for nearly every event.
constexpr qsizetype kBufferCapacity = kFlushAtBytes + (1 << 20);
}

RecordingWriter::RecordingWriter(const Options &options)
    : m_options(options)
    , m_writer(options.version)
{
    qRegisterMetaType<PruningPoint>();
}

RecordingWriter::~RecordingWriter()
{
    stopStateTracker();
}

RecordingWriter::Position RecordingWriter::position() const
{
    Position p;
    p.written = m_written.load(std::memory_order_relaxed);
    p.pending = m_pending.load(std::memory_order_relaxed);
    p.total = p.written + p.pending;
    return p;
}

QString RecordingWriter::sidecarPath() const
{
    return CheckpointIndex::sidecarPath(m_options.path);
}

void RecordingWriter::fail(const QString &message)
{
    if (m_failed)
        return;
    m_failed = true;
    m_errorString = message;
    m_buffer.clear();
    if (m_file) {
        // Cut a partly written line away: the file stays valid up to its last complete line.
        m_file->resize(m_written.load());
        m_file->close();
    }
    m_pending.store(0);
    qCWarning(lcRecord) << message;
    Q_EMIT writeFailed(message);
}

void RecordingWriter::start()
{
    m_flushTimer = new QTimer(this);
    m_flushTimer->setSingleShot(true);
    m_flushTimer->setInterval(m_options.flushIntervalMs);
    connect(m_flushTimer, &QTimer::timeout, this, &RecordingWriter::flush);
    m_sidecarTimer = new QTimer(this);
    m_sidecarTimer->setSingleShot(true);
    connect(m_sidecarTimer, &QTimer::timeout, this, &RecordingWriter::saveSidecar);
    m_sinceSidecar.start();

    const bool append = m_options.append && QFileInfo(m_options.path).size() > 0;
    if (!(append ? openForAppend() : openFile()))
        return;
    Q_EMIT started();
}

bool RecordingWriter::openFile()
{
    m_file = std::make_unique<QFile>(m_options.path);
    if (!m_file->open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Unbuffered)) {
        fail(u"%1: cannot write the recording: %2"_s.arg(m_options.path, m_file->errorString()));
        return false;
    }
    m_opened = true;
    m_index.format = m_writer.version();
    m_index.width = m_index.cols = m_options.header.width;
    m_index.height = m_index.rows = m_options.header.height;
    QByteArray header;
    m_writer.appendHeader(header, m_options.header);
    m_index.source.headerHash = QCryptographicHash::hash(header, QCryptographicHash::Sha1);
    if (m_options.preambles)
        startStateTracker();
    m_buffer = header;
    flush();
    return !m_failed;
}

bool RecordingWriter::openForAppend()
{
    const QString &path = m_options.path;
    // What the file holds so far, from its sidecar when that is still valid.
    CheckpointIndex idx;
    idx.load(sidecarPath());
    CastIndexer indexer;
    if (indexer.index(path, idx) != CastIndexer::Result::Done) {
        fail(u"%1: cannot append to it: %2"_s.arg(path, indexer.errorString()));
        return false;
    }
    if (idx.format == 1) {
        fail(u"%1: cannot append to an asciicast v1 file (one JSON document); record into a new file"_s.arg(path));
        return false;
    }
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadWrite)) {
            fail(u"%1: cannot append to it: %2"_s.arg(path, f.errorString()));
            return false;
        }
        if (f.size() > idx.source.indexedBytes) {
            // A line cut by a killed recorder: new lines must not be glued to it.
            qCWarning(lcRecord) << path << ": removing an incomplete last line at byte" << idx.source.indexedBytes;
            if (!f.resize(idx.source.indexedBytes)) {
                fail(u"%1: cannot append to it: %2"_s.arg(path, f.errorString()));
                return false;
            }
            idx.warnings.removeIf([&](const CastDiagnostic &d) { return d.offset >= idx.source.indexedBytes; });
        }
        char last = '\n';
        if (f.seek(idx.source.indexedBytes - 1) && f.getChar(&last) && last != '\n') {
            // A complete last line without its line break: add it and index again.
            if (!f.seek(f.size()) || f.write("\n", 1) != 1) {
                fail(u"%1: cannot append to it: %2"_s.arg(path, f.errorString()));
                return false;
            }
            f.close();
            idx = CheckpointIndex();
            if (indexer.index(path, idx) != CastIndexer::Result::Done) {
                fail(u"%1: cannot append to it: %2"_s.arg(path, indexer.errorString()));
                return false;
            }
        }
    }
    m_file = std::make_unique<QFile>(path);
    if (!m_file->open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered)) {
        fail(u"%1: cannot write the recording: %2"_s.arg(path, m_file->errorString()));
        return false;
    }
    m_opened = true;
    if (idx.source.lastLineOffset >= 0) {
        QFile f(path);
        if (f.open(QIODevice::ReadOnly) && f.seek(idx.source.lastLineOffset)) {
            m_lastLine = f.read(idx.source.lastLineLength);
            while (m_lastLine.endsWith('\n') || m_lastLine.endsWith('\r'))
                m_lastLine.chop(1);
        }
    }
    m_writer = CastWriter(idx.format);
    m_writer.setLastTimeUs(idx.resume.timeUs);
    m_timeBaseUs = idx.resume.timeUs;
    m_lineNumberBase = idx.resume.lineNumber - idx.resume.nextEventIndex;
    m_detector.restoreState(idx.detectorState);
    m_written.store(idx.source.indexedBytes);
    m_index = std::move(idx);
    qCInfo(lcRecord) << "appending to" << path << "at byte" << m_written.load() << "after"
                     << m_index.eventCount << "events," << m_timeBaseUs / 1e6 << "s";
    if (m_options.preambles) {
        startStateTracker();
        // The file's own checkpoints get preambles too, when their index had none.
        for (qsizetype k = 0; k < m_index.checkpoints.size(); ++k) {
            const Checkpoint &c = m_index.checkpoints.at(k);
            if (!c.hasPreamble && c.sequenceEnd >= 0)
                QMetaObject::invokeMethod(
                    m_tracker, [t = m_tracker, k, c] { t->addCheckpoint(k, c.lineOffset, c.dataEnd); },
                    Qt::QueuedConnection);
        }
        const qint64 written = m_written.load();
        QMetaObject::invokeMethod(
            m_tracker, [t = m_tracker, written] { t->fileWritten(written); }, Qt::QueuedConnection);
    }
    // The new part starts with the size the terminal has now.
    if (m_options.header.width != m_index.cols || m_options.header.height != m_index.rows) {
        const QByteArray size =
            QByteArray::number(m_options.header.width) + 'x' + QByteArray::number(m_options.header.height);
        appendEvent(m_timeBaseUs, 'r', size);
        flush();
    }
    return !m_failed;
}

void RecordingWriter::startStateTracker()
{
    if (!QFileInfo(m_options.path).isFile()) {
        qCInfo(lcRecord) << m_options.path << "is not a regular file: no state preambles";
        return;
    }
    m_stateThread = std::make_unique<QThread>();
    m_stateThread->setObjectName(u"castdeck-state"_s);
    m_tracker = new CheckpointStateTracker(m_options.path);
    m_tracker->moveToThread(m_stateThread.get());
    connect(m_stateThread.get(), &QThread::finished, m_tracker, &QObject::deleteLater);
    // Queued (the tracker lives on the state thread): the index is only touched here.
    connect(m_tracker, &CheckpointStateTracker::preambleComputed, this, &RecordingWriter::onPreambleComputed);
    connect(m_tracker, &CheckpointStateTracker::caughtUp, this, &RecordingWriter::completeFinish);
    connect(m_tracker, &CheckpointStateTracker::failed, this, [this] {
        if (m_finishing)
            completeFinish();
    });
    m_stateThread->start();
}

void RecordingWriter::stopStateTracker()
{
    if (!m_stateThread)
        return;
    m_tracker->cancel();
    m_stateThread->quit();
    m_stateThread->wait();
    m_stateThread.reset();
    m_tracker = nullptr; // deleted by deleteLater when its thread finished
}

void RecordingWriter::onPreambleComputed(qsizetype index, const QByteArray &preamble)
{
    if (m_finished || index < 0 || index >= m_index.checkpoints.size())
        return;
    Checkpoint &c = m_index.checkpoints[index];
    c.preamble = preamble;
    c.hasPreamble = true;
    scheduleSidecar();
}

void RecordingWriter::write(qint64 timeUs, char code, const QByteArray &data)
{
    m_pending.fetch_sub(data.size(), std::memory_order_relaxed);
    if (m_failed || m_finishing || m_finished || !m_file)
        return;
    timeUs += m_timeBaseUs;
    if (code == 'o') {
        const QByteArrayView text = m_decoder.decodeView(data, m_text); // no copy when valid
        if (text.isEmpty())
            return; // only the start of a multi-byte character: it comes with the next chunk
        appendEvent(timeUs, code, text);
    } else {
        appendEvent(timeUs, code, data);
    }
    if (m_buffer.size() >= kFlushAtBytes)
        flush();
    else if (!m_flushTimer->isActive())
        m_flushTimer->start();
}

void RecordingWriter::appendEvent(qint64 timeUs, char code, QByteArrayView text)
{
    const qint64 prevTimeUs = m_writer.lastTimeUs();
    const CastWriter::Encoded e = m_writer.appendEvent(m_buffer, timeUs, QByteArrayView(&code, 1), text);
    timeUs = m_writer.lastTimeUs(); // as written (never before the previous event)
    // m_buffer starts where the file ends: flush() writes it whole or stops recording.
    const qint64 bufferOffset = m_written.load(std::memory_order_relaxed);
    const qint64 lineOffset = bufferOffset + e.lineStart;
    const qint64 eventIndex = m_index.eventCount++;
    const qint64 lineNumber = eventIndex + m_lineNumberBase; // no blank lines are written
    ++m_index.eventsByCode[QByteArray(1, code)];
    m_index.durationUs = timeUs;
    m_index.source.lastLineOffset = lineOffset;
    m_index.source.lastLineLength = e.lineEnd - e.lineStart;
    // Copied out of the buffer when it is flushed, not for every event.
    m_lastLineStart = e.lineStart;
    m_lastLineLength = e.lineEnd - e.lineStart - 1;

    switch (code) {
    case 'o': {
        m_index.outputHistogram.add(timeUs, text.size()); // as CastIndexer counts it
        m_matches.clear();
        m_detector.scan(text, m_matches);
        qint64 escaped = 0;
        qsizetype from = 0;
        for (const ClearDetector::Match &m : std::as_const(m_matches)) {
            escaped += JsonText::escapedLength(text.sliced(from, m.end - from));
            from = m.end;
            Checkpoint c;
            c.kind = m.kind;
            c.timeUs = timeUs;
            c.eventIndex = eventIndex;
            c.lineNumber = lineNumber;
            c.lineOffset = lineOffset;
            c.sequenceEnd = bufferOffset + e.dataStart + escaped;
            c.prevTimeUs = prevTimeUs;
            c.dataEnd = qint32(m.end);
            c.cols = m_index.cols;
            c.rows = m_index.rows;
            m_index.checkpoints.append(c);
            if (m_tracker) {
                const qsizetype k = m_index.checkpoints.size() - 1;
                // Before flush() announces the line: the tracker must know it before reading it.
                QMetaObject::invokeMethod(m_tracker, [t = m_tracker, k, lineOffset, end = c.dataEnd] {
                    t->addCheckpoint(k, lineOffset, end);
                }, Qt::QueuedConnection);
            }
            Q_EMIT pruningDetected(
                PruningPoint { c.kind, c.lineOffset, c.sequenceEnd, c.timeUs, c.eventIndex, c.cols, c.rows });
        }
        if (!m_matches.isEmpty()) {
            flush(); // a checkpoint is on disk before anyone is told to seek to it
            scheduleSidecar();
        }
        break;
    }
    case 'r': {
        CastEvent ev;
        ev.data = text.toByteArray();
        int cols = 0, rows = 0;
        if (ev.resizeSize(cols, rows)) {
            m_index.cols = cols;
            m_index.rows = rows;
            m_index.resizes.append(CastResize{timeUs, eventIndex, lineOffset, cols, rows});
            scheduleSidecar();
        }
        break;
    }
    case 'm':
        m_index.markers.append(CastMarker{timeUs, eventIndex, lineOffset, QString::fromUtf8(text)});
        scheduleSidecar();
        break;
    default:
        break;
    }
}

bool RecordingWriter::writeOut(const char *data, qint64 size)
{
    if (!QFileInfo::exists(m_options.path)) {
        fail(u"%1: the recording was deleted while being written; recording stopped"_s.arg(m_options.path));
        return false;
    }
    const qint64 n = m_file->write(data, size);
    if (n != size) {
        fail(u"%1: cannot write the recording (%2); recording stopped"_s.arg(m_options.path, m_file->errorString()));
        return false;
    }
    const qint64 written = m_written.fetch_add(size, std::memory_order_relaxed) + size;
    if (m_tracker)
        QMetaObject::invokeMethod(
            m_tracker, [t = m_tracker, written] { t->fileWritten(written); }, Qt::QueuedConnection);
    return true;
}

void RecordingWriter::flush()
{
    if (m_failed || m_buffer.isEmpty() || !m_file)
        return;
    if (!writeOut(m_buffer.constData(), m_buffer.size()))
        return;
    if (m_lastLineStart >= 0) {
        m_lastLine = QByteArray(m_buffer.constData() + m_lastLineStart, m_lastLineLength);
        m_lastLineStart = -1;
    }
    m_buffer.resize(0);
    if (m_buffer.capacity() < kBufferCapacity)
        m_buffer.reserve(kBufferCapacity);
}

void RecordingWriter::scheduleSidecar()
{
    if (!m_options.sidecar)
        return;
    m_sidecarDirty = true;
    if (m_sidecarTimer->isActive())
        return;
    const qint64 wait = m_options.sidecarIntervalMs - m_sinceSidecar.elapsed();
    m_sidecarTimer->start(int(qMax<qint64>(0, wait)));
}

void RecordingWriter::saveSidecar()
{
    if (!m_options.sidecar || !m_sidecarDirty || m_failed)
        return;
    flush(); // the sidecar describes bytes that are on disk
    if (m_failed)
        return;
    m_index.source.indexedBytes = m_written.load();
    m_index.source.lastLineHash = m_index.source.lastLineOffset >= 0
        ? QCryptographicHash::hash(m_lastLine, QCryptographicHash::Sha1)
        : QByteArray();
    m_index.resume = CastReader::Position{m_written.load(), m_index.eventCount, m_writer.lastTimeUs(),
                                          m_index.eventCount + m_lineNumberBase};
    m_index.detectorState = m_detector.state();
    QString error;
    if (!m_index.save(sidecarPath(), &error))
        qCWarning(lcRecord) << error; // the recording itself goes on; a player can rebuild the index
    m_sidecarDirty = false;
    m_sinceSidecar.restart();
}

void RecordingWriter::markCheckpoint(qint64 timeUs)
{
    if (m_failed || m_finishing || m_finished || !m_file)
        return;
    Checkpoint c;
    c.kind = ClearKind::Manual;
    c.lineOffset = c.sequenceEnd = m_written.load(std::memory_order_relaxed) + m_buffer.size();
    c.eventIndex = m_index.eventCount;
    c.lineNumber = c.eventIndex + m_lineNumberBase;
    c.prevTimeUs = m_writer.lastTimeUs();
    c.timeUs = qMax(timeUs + m_timeBaseUs, c.prevTimeUs);
    c.dataEnd = 0;
    c.cols = m_index.cols;
    c.rows = m_index.rows;
    m_index.checkpoints.append(c);
    if (m_tracker) {
        const qsizetype k = m_index.checkpoints.size() - 1;
        QMetaObject::invokeMethod(m_tracker, [t = m_tracker, k, at = c.lineOffset] { t->addCheckpoint(k, at, 0); },
                                  Qt::QueuedConnection);
        // Also when nothing is buffered: the tracker learns that it can compute it now.
        const qint64 written = m_written.load(std::memory_order_relaxed);
        if (m_buffer.isEmpty())
            QMetaObject::invokeMethod(
                m_tracker, [t = m_tracker, written] { t->fileWritten(written); }, Qt::QueuedConnection);
    }
    Q_EMIT pruningDetected(PruningPoint{c.kind, c.lineOffset, c.sequenceEnd, c.timeUs, c.eventIndex, c.cols, c.rows});
    flush();
    scheduleSidecar();
}

void RecordingWriter::finish(int exitStatus)
{
    if (m_finished || m_finishing)
        return;
    m_finishing = true;
    if (!m_failed && m_file) {
        m_text.resize(0);
        m_decoder.flush(m_text);
        if (!m_text.isEmpty())
            appendEvent(m_writer.lastTimeUs(), 'o', m_text);
        if (exitStatus >= 0)
            appendEvent(m_writer.lastTimeUs(), 'x', QByteArray::number(exitStatus));
        flush();
        if (!m_failed && ::fsync(m_file->handle()) != 0)
            qCWarning(lcRecord) << "fsync failed for" << m_options.path;
    }
    if (m_tracker && !m_failed) {
        // The cast is complete on disk; the sidecar waits for the state thread, at most
        // preambleWaitMs. caughtUp() comes after everything announced so far was modelled.
        m_finishTimer = new QTimer(this);
        m_finishTimer->setSingleShot(true);
        connect(m_finishTimer, &QTimer::timeout, this, &RecordingWriter::completeFinish);
        m_finishTimer->start(m_options.preambleWaitMs);
        QMetaObject::invokeMethod(m_tracker, &CheckpointStateTracker::drain, Qt::QueuedConnection);
        return;
    }
    completeFinish();
}

void RecordingWriter::skipPreambleWait()
{
    m_options.preambleWaitMs = 0;
    if (m_finishing)
        completeFinish();
}

void RecordingWriter::completeFinish()
{
    if (m_finished || !m_finishing || m_completing)
        return;
    m_completing = true;
    const bool tracking = m_stateThread != nullptr;
    stopStateTracker();
    if (tracking) {
        // Preambles the state thread sent before it stopped are still queued here.
        QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
    }
    if (m_finishTimer)
        m_finishTimer->stop();
    if (!m_failed && m_file) {
        if (m_options.preambles) {
            const auto missing = std::count_if(m_index.checkpoints.cbegin(), m_index.checkpoints.cend(),
                                               [](const Checkpoint &c) { return !c.hasPreamble; });
            if (missing > 0)
                qCInfo(lcRecord) << m_options.path << ":" << missing << "of" << m_index.checkpoints.size()
                                 << "checkpoints have no state preamble (the state thread did not get that far); "
                                    "a player rebuilds their state by replaying";
        }
        m_sidecarDirty = true;
        saveSidecar();
        m_file->close();
    }
    m_finished = true;
    if (m_flushTimer)
        m_flushTimer->stop();
    if (m_sidecarTimer)
        m_sidecarTimer->stop();
    Q_EMIT finished();
}
