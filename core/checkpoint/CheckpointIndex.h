// CheckpointIndex: everything a player needs to open a recording without reading it all:
// clear checkpoints with exact file offsets, markers, resizes, duration, event counts, and
// lastClearOffset. Persisted beside the cast as NAME.cast.idx (binary, versioned, written
// atomically with QSaveFile) and validated against the cast before it is trusted: size,
// header bytes and a hash of the last indexed line. A stale or foreign sidecar is rebuilt.
//
// Data flow: CastIndexer (scanning a file) or the recorder's writer thread (live) ->
// CheckpointIndex -> sidecar file -> Player / `castdeck info`.
// A plain value: copy it across threads, do not share it.
#pragma once

#include "Checkpoint.h"
#include "format/CastDiagnostic.h"
#include "format/CastReader.h"

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QMap>
#include <QString>

class CheckpointIndex
{
public:
    // Which bytes of which file this index describes.
    struct Source {
        qint64 indexedBytes = 0;    // offset just after the last indexed line
        QByteArray headerHash;      // SHA-1 of the header line
        qint64 lastLineOffset = -1; // the last indexed event line (-1: none)
        qint64 lastLineLength = 0;
        QByteArray lastLineHash;    // SHA-1 of its bytes
        bool operator==(const Source &) const = default;
    };
    enum class Validity { Valid, Grown, Stale };

    // Header facts
    int format = 2;
    qint32 width = 80;
    qint32 height = 24;

    // Summary
    qint64 durationUs = 0;
    qint64 eventCount = 0;
    QMap<QByteArray, qint64> eventsByCode;
    QList<Checkpoint> checkpoints;
    QList<CastMarker> markers;
    QList<CastResize> resizes;
    QList<CastDiagnostic> warnings;

    // Where indexing stopped, to resume when the file grows.
    Source source;
    CastReader::Position resume;
    QByteArray detectorState;
    qint32 cols = 80; // terminal size in force at `resume`
    qint32 rows = 24;

    // sequenceEnd of the last checkpoint, -1 when there is none.
    qint64 lastClearOffset() const { return checkpoints.isEmpty() ? -1 : checkpoints.constLast().sequenceEnd; }

    bool save(const QString &path, QString *error = nullptr) const;
    bool load(const QString &path, QString *error = nullptr);
    // Compares `source` with the cast file as it is now.
    Validity validate(const QString &castPath) const;

    // SHA-1 of the line at offset/length in `file`, without its line break: what
    // Source::lastLineHash holds. Empty when the file is shorter.
    static QByteArray hashLine(QFile &file, qint64 offset, qint64 length);

    // NAME.cast -> NAME.cast.idx
    static QString sidecarPath(const QString &castPath);
    // Where the sidecar goes when the cast's folder is not writable: the user's cache,
    // keyed by the cast's absolute path.
    static QString cacheSidecarPath(const QString &castPath);

    static constexpr quint32 kFileVersion = 1;

    bool operator==(const CheckpointIndex &) const = default;
};
