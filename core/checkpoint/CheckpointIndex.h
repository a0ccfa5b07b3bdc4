// CheckpointIndex: everything a player needs to open a recording without reading it all:
// clear checkpoints with exact file offsets, markers, resizes, duration, event counts,
// lastClearOffset and output bytes over time (OutputHistogram); and keyframes (terminal
// states to start playing from). Persisted beside the cast as NAME.cast.idx (binary,
// versioned, written atomically with QSaveFile) and validated against the cast before it is
// trusted: size, header bytes and a hash of the last indexed line. A stale or foreign
// sidecar (or one of an older version) is rebuilt.
//
// Data flow: CastIndexer (scanning a file) or the recorder's writer thread (live) ->
// CheckpointIndex -> sidecar file -> Player / `castdeck info`; KeyframeBuilder (core/play)
// adds keyframes in a second pass.
// A plain value: copy it across threads, do not share it.
//
// Sidecar layout (version 4): magic, version, the end offset of the keyframe area; the
// keyframe area (each keyframe's preamble, zlib-compressed, back to back, in keyframe
// order); then the rest as a QDataStream. The preambles are read when needed, not at load(),
// so opening a 1 GB recording's sidecar reads a few hundred KB whatever its keyframes weigh;
// and a rewrite keeps every saved preamble at its offset (the area only grows at its end).
#pragma once

#include "Checkpoint.h"
#include "OutputHistogram.h"
#include "format/CastDiagnostic.h"
#include "format/CastReader.h"

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

// Keyframe: the terminal state at an event boundary as a state preamble
// (Terminal::statePreamble(): redraws the screen and restores modes, pen, cursor; no
// scrollback), so a player starts there instead of replaying everything before it. Feed the
// preamble into a fresh Terminal of `cols` x `rows` (with the header's palette), then the
// events from `position` on. Built by KeyframeBuilder, which checks each one (see there).
struct Keyframe {
    qint64 timeUs = 0;             // latest time among the events applied (their running maximum)
    CastReader::Position position; // where reading continues; position.nextEventIndex events are applied
    qint32 cols = 80;              // terminal size at that point
    qint32 rows = 24;
    qint32 preambleSize = 0;       // bytes of the preamble, uncompressed
    QByteArray compressed;         // qCompress()ed preamble; empty once it is only in the sidecar
    qint64 blobOffset = -1;        // where the compressed preamble is in the sidecar (-1: not saved)
    qint32 blobSize = 0;
    quint16 blobChecksum = 0;      // qChecksum() of the compressed bytes

    bool operator==(const Keyframe &) const = default;
};

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
    // Output bytes per slice of time (every 'o' event's decoded data), for a density strip.
    OutputHistogram outputHistogram;

    // Where indexing stopped, to resume when the file grows.
    Source source;
    CastReader::Position resume;
    QByteArray detectorState;
    qint32 cols = 80; // terminal size in force at `resume`
    qint32 rows = 24;

    // Keyframes, in file order (strictly increasing position.nextEventIndex), and how far the
    // keyframe pass got: it has seen the first `keyframedEvents` events. The pass runs after
    // the rest of the index is complete, so a recording is usable before its keyframes exist.
    QList<Keyframe> keyframes;
    qint64 keyframedEvents = 0;

    // The sidecar that saved keyframes' preambles are read from (set by load()). Not part of
    // the index's value: two indexes are equal wherever they are stored.
    struct StoredIn {
        QString path;
        bool operator==(const StoredIn &) const { return true; }
    } storedIn;

    // sequenceEnd of the last checkpoint, -1 when there is none.
    qint64 lastClearOffset() const { return checkpoints.isEmpty() ? -1 : checkpoints.constLast().sequenceEnd; }
    bool keyframesComplete() const { return keyframedEvents >= eventCount; }
    // Output density 0..1 over `buckets` equal parts of the duration, for
    // TimelineWidget::setDensity() (see OutputHistogram::density()). `buckets` <= 0: the
    // histogram's own resolution (OutputHistogram::naturalBuckets()).
    QList<float> outputDensity(int buckets = 0) const
    {
        return outputHistogram.density(durationUs, buckets > 0 ? buckets : outputHistogram.naturalBuckets(durationUs));
    }

    // The preamble of keyframes[k], uncompressed: from memory, else read from the sidecar in
    // `storedIn`. Nothing (with `error` set) when it cannot be read (the sidecar was replaced
    // by another writer, or damaged): callers fall back to an earlier keyframe.
    std::optional<QByteArray> keyframePreamble(qsizetype k, QString *error = nullptr) const;
    // Compresses `preamble` into `keyframe` (what KeyframeBuilder stores).
    static void setKeyframePreamble(Keyframe &keyframe, QByteArrayView preamble);

    // Writes the sidecar. Keyframes saved before are copied from `storedIn`; one whose
    // preamble can be found neither in memory nor there is left out.
    bool save(const QString &path, QString *error = nullptr) const;
    // Reads the sidecar (not the keyframes' preambles: see keyframePreamble()). Fails for
    // other versions, so an old sidecar is rebuilt.
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

    // 2: the keyframe area (above) and Checkpoint::hasPreamble (a computed preamble may be empty).
    // 3: outputHistogram.
    // 4: the keyframe table as one array of fixed-size records.
    static constexpr quint32 kFileVersion = 4;

    bool operator==(const CheckpointIndex &) const = default;
};
