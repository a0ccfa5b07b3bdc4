#include "CastIndexer.h"

#include "format/JsonText.h"

#include <QCryptographicHash>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 kProgressEvery = 4 << 20;
}

CastIndexer::Result CastIndexer::index(const QString &castPath, CheckpointIndex &idx)
{
    m_error.clear();
    CastReader reader;
    reader.setMode(m_mode);
    if (!reader.open(castPath)) {
        m_error = reader.errorString();
        return Result::Failed;
    }
    const CheckpointIndex::Validity validity = idx.validate(castPath);
    if (validity == CheckpointIndex::Validity::Valid && reader.format() != 1)
        return Result::Done;

    ClearDetector detector;
    const bool resumed = validity == CheckpointIndex::Validity::Grown && reader.format() != 1;
    if (resumed && reader.seek(idx.resume)) {
        detector.restoreState(idx.detectorState);
        // A warning about the old end of the file (a line cut by a writer still writing) is
        // re-examined now that the file goes on.
        idx.warnings.removeIf([&](const CastDiagnostic &d) { return d.offset >= idx.resume.offset; });
    } else {
        idx = CheckpointIndex();
        idx.format = reader.format();
        idx.width = idx.cols = reader.header().width;
        idx.height = idx.rows = reader.header().height;
        idx.source.headerHash = QCryptographicHash::hash(reader.headerLine(), QCryptographicHash::Sha1);
    }

    const qint64 total = reader.fileSize();
    qint64 nextProgress = reader.position().offset + kProgressEvery;
    // On resume the header's warnings are in the index already.
    const qsizetype headerWarnings = resumed ? reader.warnings().size() : 0;
    QList<ClearDetector::Match> matches;
    QList<qsizetype> decodedEnds;
    CastEvent ev;
    while (reader.readNext(ev)) {
        ++idx.eventCount;
        ++idx.eventsByCode[ev.code];
        idx.durationUs = ev.timeUs;
        switch (ev.type()) {
        case CastEvent::Type::Output: {
            idx.outputHistogram.add(ev.timeUs, ev.data.size());
            matches.clear();
            detector.scan(ev.data, matches);
            if (matches.isEmpty())
                break;
            decodedEnds.clear();
            for (const ClearDetector::Match &m : std::as_const(matches))
                decodedEnds.append(m.end);
            QList<qsizetype> rawEnds;
            if (ev.dataOffset >= 0 && !reader.lastLine().isEmpty()) {
                const QByteArrayView raw = reader.lastLine().sliced(ev.dataOffset - ev.lineOffset);
                rawEnds = JsonText::rawEnds(raw, decodedEnds);
            }
            for (qsizetype k = 0; k < matches.size(); ++k) {
                Checkpoint c;
                c.kind = matches[k].kind;
                c.timeUs = ev.timeUs;
                c.eventIndex = ev.index;
                c.lineNumber = ev.lineNumber;
                c.lineOffset = ev.lineOffset;
                c.sequenceEnd = rawEnds.isEmpty() ? -1 : ev.dataOffset + rawEnds[k];
                c.prevTimeUs = ev.timeUs - ev.intervalUs;
                c.dataEnd = qint32(matches[k].end);
                c.cols = idx.cols;
                c.rows = idx.rows;
                idx.checkpoints.append(c);
            }
            break;
        }
        case CastEvent::Type::Resize: {
            int cols = 0, rows = 0;
            if (ev.resizeSize(cols, rows)) {
                idx.cols = cols;
                idx.rows = rows;
                idx.resizes.append(CastResize{ev.timeUs, ev.index, ev.lineOffset, cols, rows});
            } else {
                idx.warnings.append(CastDiagnostic{castPath, ev.lineNumber, ev.lineOffset,
                                                   u"resize event ignored: expected \"COLSxROWS\", found \"%1\""_s.arg(
                                                       QString::fromUtf8(ev.data.left(40)))});
            }
            break;
        }
        case CastEvent::Type::Marker:
            idx.markers.append(CastMarker{ev.timeUs, ev.index, ev.lineOffset, QString::fromUtf8(ev.data)});
            break;
        default:
            break;
        }
        if (m_hook)
            m_hook(ev);
        if (ev.lineOffset >= 0) {
            idx.source.lastLineOffset = ev.lineOffset;
            idx.source.lastLineLength = ev.lineLength;
        }
        if (m_progress && reader.position().offset >= nextProgress) {
            nextProgress = reader.position().offset + kProgressEvery;
            if (!m_progress(reader.position().offset, total))
                return Result::Cancelled;
        }
    }
    if (reader.hasError()) {
        m_error = reader.errorString();
        return Result::Failed;
    }
    for (qsizetype k = headerWarnings; k < reader.warnings().size(); ++k)
        idx.warnings.append(reader.warnings().at(k));
    std::stable_sort(idx.warnings.begin(), idx.warnings.end(),
                     [](const CastDiagnostic &a, const CastDiagnostic &b) { return a.offset < b.offset; });
    if (idx.source.lastLineOffset >= 0) {
        QFile file(castPath);
        if (file.open(QIODevice::ReadOnly))
            idx.source.lastLineHash = CheckpointIndex::hashLine(file, idx.source.lastLineOffset, idx.source.lastLineLength);
    }
    idx.resume = reader.position();
    idx.detectorState = detector.state();
    idx.source.indexedBytes = reader.position().offset;
    if (m_progress)
        m_progress(idx.source.indexedBytes, total);
    return Result::Done;
}
