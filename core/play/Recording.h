// Recording: one opened .cast file and its index, with an explicit loading state.
//
// Data flow: file (+ sidecar NAME.cast.idx) -> Recording (worker thread: CastIndexer, then
// KeyframeBuilder) -> CheckpointIndex -> Player / timeline / `castdeck render`.
//
// States (Gwenview-style, stateChanged() on every change):
//   Closed -> Opening -> Ready                      a valid sidecar: no scan at all
//                     -> Indexing -> Ready          no sidecar, a stale one, or the file grew
//                     -> Failed                     unreadable file, invalid header
//   Indexing -> Failed                              the file became unreadable
// Opening reads the header and the sidecar (in the worker thread too: the GUI never waits on
// the disk). From Indexing on, header() is valid and a Player can show the first frames; the
// index grows while indexing (indexChanged(), throttled), so a timeline fills in. The sidecar
// is tried beside the file first, then in the cache (CheckpointIndex::cacheSidecarPath); a new
// index is saved beside the file, or in the cache when that folder is not writable.
//
// Ready does not mean the keyframes exist: they come from a second, slower pass (see
// KeyframeBuilder) that starts when the index is complete, runs in the same worker thread,
// is saved as it goes (every few seconds) and resumes where it stopped the next time.
// keyframeProgress() reports it; index().keyframes grows as it runs.
//
// Lenient: malformed lines are skipped and a truncated last line is ignored, each reported in
// warnings() (for a non-modal bar); playback of the valid part works.
//
// Lives in the GUI thread (any thread with an event loop); the worker thread is internal.
#pragma once

#include "checkpoint/CheckpointIndex.h"
#include "format/CastHeader.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

class QThread;

class Recording : public QObject
{
    Q_OBJECT
public:
    enum class State { Closed, Opening, Indexing, Ready, Failed };
    Q_ENUM(State)

    struct Options {
        bool saveIndex = true;         // write the sidecar (render and info-like uses: false)
        bool buildKeyframes = true;    // run the keyframe pass once the index is complete
        qint64 keyframeInterval = 0;   // output bytes between keyframes; 0: KeyframeBuilder's default
        qint64 saveEveryMs = 5000;     // how often the keyframe pass saves its progress
    };

    explicit Recording(QObject *parent = nullptr);
    ~Recording() override; // cancels the worker and waits for it

    void setOptions(const Options &options) { m_options = options; }
    const Options &options() const { return m_options; }

    // Starts opening `path` (returns at once; see the states above). Closes what was open.
    void open(const QString &path);
    // Stops the worker, forgets the file: back to Closed.
    void close();
    // Cancels the running pass. While Indexing: Ready with the part indexed so far (not saved;
    // warnings() says so; isIndexComplete() is false). While building keyframes: those built so
    // far are saved and the next open continues.
    void cancel();

    State state() const { return m_state; }
    QString path() const { return m_path; }
    QString errorString() const { return m_error; }
    // Valid from Indexing on.
    const CastHeader &header() const { return m_header; }
    // The index as far as it goes: complete in Ready (unless cancelled), growing in Indexing.
    const CheckpointIndex &index() const { return m_index; }
    bool isIndexComplete() const { return m_indexComplete; }
    // Where the index was read from or saved to; empty when it is not on disk.
    QString sidecarPath() const { return m_sidecar; }
    // The index came from a sidecar as it was (Valid): nothing was scanned.
    bool loadedFromSidecar() const { return m_fromSidecar; }
    bool isBuildingKeyframes() const { return m_buildingKeyframes; }
    // Problems for the user, one sentence each: damaged lines ("line 7 (byte 319): truncated
    // last line ignored"), header fallbacks, an index that could not be saved, a cancel.
    QStringList warnings() const;

    // The uncompressed preamble of index().keyframes[k] (nothing when unreadable).
    std::optional<QByteArray> keyframePreamble(qsizetype k) const { return m_index.keyframePreamble(k); }

    // Blocks (running the event loop) until the state is Ready or Failed, or `msecs` passed.
    // For command-line tools and tests. True when Ready.
    bool waitForReady(int msecs = -1);
    // Blocks until the keyframe pass is over (or `msecs` passed). True when it completed.
    bool waitForKeyframes(int msecs = -1);

Q_SIGNALS:
    void stateChanged(Recording::State state);
    void loaded();          // entered Ready
    void indexingFailed();  // entered Failed; errorString() says why
    void indexProgress(qint64 done, qint64 total);    // bytes scanned while Indexing
    void indexChanged();                              // index() grew (checkpoints, markers, keyframes)
    void keyframeProgress(qint64 done, qint64 total); // bytes replayed by the keyframe pass
    void keyframesFinished(bool complete);            // the keyframe pass ended (complete or not)
    void warningsChanged();

private:
    class Worker;
    friend class Worker;
    enum class Stage { Partial, Complete, Cancelled };
    void setState(State state);
    void stopWorker();
    // Called in this object's thread with what the worker found.
    void onHeader(const CastHeader &header);
    void onIndex(const CheckpointIndex &index, Stage stage, bool fromSidecar, const QString &sidecar);
    void onKeyframes(const CheckpointIndex &index, const QString &sidecar);
    void onKeyframesDone(bool complete);
    void onFailed(const QString &error);
    void addNote(const QString &note);

    Options m_options;
    State m_state = State::Closed;
    QString m_path;
    QString m_error;
    CastHeader m_header;
    CheckpointIndex m_index;
    bool m_indexComplete = false;
    bool m_fromSidecar = false;
    bool m_buildingKeyframes = false;
    QString m_sidecar;
    QStringList m_notes;
    QThread *m_thread = nullptr;
    std::shared_ptr<Worker> m_worker;
};
