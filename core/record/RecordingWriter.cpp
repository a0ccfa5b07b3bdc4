#include "RecordingWriter.h"

#include "format/JsonText.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QTimer>

#include <unistd.h>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcRecord, "castdeck.record", QtWarningMsg)

namespace {
constexpr qsizetype kFlushAtBytes = 1 << 20;
}

RecordingWriter::RecordingWriter(const Options &options)
    : m_options(options)
    , m_writer(options.version)
{
    qRegisterMetaType<PruningPoint>();
}

RecordingWriter::~RecordingWriter() = default;

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

    m_file = std::make_unique<QFile>(m_options.path);
    if (!m_file->open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Unbuffered)) {
        fail(u"%1: cannot write the recording: %2"_s.arg(m_options.path, m_file->errorString()));
        return;
    }
    m_index.format = m_writer.version();
    m_index.width = m_index.cols = m_options.header.width;
    m_index.height = m_index.rows = m_options.header.height;
    QByteArray header;
    m_writer.appendHeader(header, m_options.header);
    m_index.source.headerHash = QCryptographicHash::hash(header, QCryptographicHash::Sha1);
    m_buffer = header;
    flush();
    Q_EMIT started();
}

void RecordingWriter::write(qint64 timeUs, char code, const QByteArray &data)
{
    m_pending.fetch_sub(data.size(), std::memory_order_relaxed);
    if (m_failed || m_finished || !m_file)
        return;
    if (code == 'o') {
        m_text.resize(0);
        m_decoder.decode(data, m_text);
        if (m_text.isEmpty())
            return; // only the start of a multi-byte character: it comes with the next chunk
        appendEvent(timeUs, code, m_text);
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
    const qint64 lineNumber = eventIndex + 2; // the header is line 1; no blank lines are written
    ++m_index.eventsByCode[QByteArray(1, code)];
    m_index.durationUs = timeUs;
    m_index.source.lastLineOffset = lineOffset;
    m_index.source.lastLineLength = e.lineEnd - e.lineStart;
    m_lastLine = QByteArray(m_buffer.constData() + e.lineStart, e.lineEnd - e.lineStart - 1);

    switch (code) {
    case 'o': {
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
            Q_EMIT pruningDetected(PruningPoint{c.kind, c.lineOffset, c.sequenceEnd, c.timeUs, c.eventIndex, c.cols, c.rows});
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
    m_written.fetch_add(size, std::memory_order_relaxed);
    return true;
}

void RecordingWriter::flush()
{
    if (m_failed || m_buffer.isEmpty() || !m_file)
        return;
    if (!writeOut(m_buffer.constData(), m_buffer.size()))
        return;
    m_buffer.resize(0);
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
                                          m_index.eventCount + 2};
    m_index.detectorState = m_detector.state();
    QString error;
    if (!m_index.save(sidecarPath(), &error))
        qCWarning(lcRecord) << error; // the recording itself goes on; a player can rebuild the index
    m_sidecarDirty = false;
    m_sinceSidecar.restart();
}

void RecordingWriter::finish(int exitStatus)
{
    if (m_finished)
        return;
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
