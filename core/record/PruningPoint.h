// PruningPoint: a clear checkpoint found while recording, as RecordingWriter reports it in
// pruningDetected(). Offsets are exact file offsets, JSON escaping counted.
// Small value type, carried by queued signals.
#pragma once

#include "checkpoint/ClearDetector.h"

#include <QMetaType>

struct PruningPoint {
    ClearKind kind = ClearKind::ClearScreen;
    qint64 lineOffset = 0;  // start of the event line holding the sequence's last byte
    qint64 sequenceEnd = 0; // just after that byte, as written
    qint64 timeUs = 0;      // the event's time
    qint64 eventIndex = 0;  // 0-based index among the file's events
    qint32 cols = 80;       // terminal size in force
    qint32 rows = 24;
    bool operator==(const PruningPoint &) const = default;
};
Q_DECLARE_METATYPE(PruningPoint)
