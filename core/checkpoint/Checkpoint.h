// Checkpoint, CastMarker, CastResize: what a CheckpointIndex records about a recording.
//
// A checkpoint is a clear sequence found in the output, located exactly in the file:
// `lineOffset` is the start of the event line holding the sequence's last byte and
// `sequenceEnd` the file offset just after that byte as written (JSON-escaped: ESC is the
// six bytes \u001b). A player resumes by reading from `lineOffset`, applying `preamble` and
// feeding the event's data from `dataEnd` on. A manual checkpoint (ClearKind::Manual, asked
// for while recording; only the recorder's sidecar has them) sits between two events:
// `lineOffset` == `sequenceEnd` is the start of the next event's line (or the end of the
// file), `eventIndex`/`lineNumber` that next event's, `dataEnd` 0. Plain value types.
#pragma once

#include "ClearDetector.h"

#include <QByteArray>
#include <QString>

struct Checkpoint {
    ClearKind kind = ClearKind::ClearScreen;
    qint64 timeUs = 0;       // absolute time of the event holding the sequence's end
    qint64 eventIndex = 0;   // 0-based index of that event
    qint64 lineNumber = 0;   // 1-based line number of that event
    qint64 lineOffset = 0;   // file offset of that event's line
    qint64 sequenceEnd = 0;  // file offset just after the sequence's last byte, as written
    qint64 prevTimeUs = 0;   // time of the event before (resuming v3's relative times)
    qint32 dataEnd = 0;      // index in the event's decoded data just after the sequence
    qint32 cols = 80;        // terminal size in force at the checkpoint
    qint32 rows = 24;
    // Escape sequences that rebuild, in a fresh Terminal of cols x rows, the state right after
    // the sequence (Terminal::statePreamble()). Only meaningful with hasPreamble: a computed
    // preamble may be empty (nothing to restore). Without one (CastIndexer does not compute
    // them; the recorder may not have got that far, see CheckpointStateTracker) a player
    // builds the state itself by replaying up to the checkpoint.
    QByteArray preamble;
    bool hasPreamble = false;

    // The literal sequence ("\x1b[H\x1b[2J"), empty for manual checkpoints.
    QByteArray sequenceBytes() const { return ClearDetector::sequence(kind).bytes.toByteArray(); }
    QByteArray kindName() const { return QByteArray(ClearDetector::sequence(kind).name); }
    bool isResumable() const
    {
        return ClearDetector::sequence(kind).resume == ClearSequence::Resume::Always || hasPreamble;
    }

    bool operator==(const Checkpoint &) const = default;
};

struct CastMarker {
    qint64 timeUs = 0;
    qint64 eventIndex = 0;
    qint64 lineOffset = 0;
    QString label;
    bool operator==(const CastMarker &) const = default;
};

struct CastResize {
    qint64 timeUs = 0;
    qint64 eventIndex = 0;
    qint64 lineOffset = 0;
    qint32 cols = 0;
    qint32 rows = 0;
    bool operator==(const CastResize &) const = default;
};

class QDataStream;
QDataStream &operator<<(QDataStream &s, const Checkpoint &c);
QDataStream &operator>>(QDataStream &s, Checkpoint &c);
QDataStream &operator<<(QDataStream &s, const CastMarker &m);
QDataStream &operator>>(QDataStream &s, CastMarker &m);
QDataStream &operator<<(QDataStream &s, const CastResize &r);
QDataStream &operator>>(QDataStream &s, CastResize &r);
