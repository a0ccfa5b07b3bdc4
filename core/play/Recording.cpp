#include "Recording.h"

#include "KeyframeBuilder.h"
#include "checkpoint/CastIndexer.h"
#include "format/CastReader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QThread>
#include <QTimer>

#include <atomic>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcRecording, "castdeck.play", QtWarningMsg)

// The worker thread's job: header, sidecar, index pass, keyframe pass. It touches nothing of
// the Recording but posts what it finds to it (queued; a result for a Recording that has
// since opened something else is dropped by the identity check in post()).
class Recording::Worker
{
public:
    Worker(Recording *target, QString path, Options options)
        : m_target(target)
        , m_path(std::move(path))
        , m_options(options)
    {
    }

    std::atomic<bool> cancelled{false};

    void run()
    {
        CastReader reader;
        if (!reader.open(m_path)) {
            post([error = reader.errorString()](Recording *r) { r->onFailed(error); });
            return;
        }
        const CastHeader header = reader.header();
        const int format = reader.format();
        reader.close();
        // v1 files are one JSON document, read whole anyway: they keep no sidecar.
        m_persist = m_options.saveIndex && format != 1;
        post([header](Recording *r) { r->onHeader(header); });

        // The sidecar: beside the file, else in the cache.
        CheckpointIndex index;
        QString sidecar;
        CheckpointIndex::Validity validity = CheckpointIndex::Validity::Stale;
        if (format != 1) {
            for (const QString &candidate :
                 {CheckpointIndex::sidecarPath(m_path), CheckpointIndex::cacheSidecarPath(m_path)}) {
                if (!QFileInfo(candidate).isFile())
                    continue;
                CheckpointIndex loaded;
                QString error;
                if (!loaded.load(candidate, &error)) {
                    qCDebug(lcRecording) << "sidecar not used:" << error;
                    continue;
                }
                validity = loaded.validate(m_path);
                if (validity == CheckpointIndex::Validity::Stale)
                    continue;
                index = std::move(loaded);
                sidecar = candidate;
                break;
            }
        }

        bool saved = false;
        if (validity == CheckpointIndex::Validity::Valid) {
            post([index, sidecar](Recording *r) { r->onIndex(index, Stage::Complete, true, sidecar); });
        } else {
            if (validity == CheckpointIndex::Validity::Stale)
                index = CheckpointIndex();
            post([index](Recording *r) { r->onIndex(index, Stage::Partial, false, QString()); });
            CastIndexer indexer;
            QElapsedTimer sincePublished;
            sincePublished.start();
            indexer.setProgress([&](qint64 done, qint64 total) {
                if (cancelled)
                    return false;
                const bool publish = sincePublished.elapsed() >= 250;
                if (publish)
                    sincePublished.restart();
                post([done, total, partial = publish ? std::optional(index) : std::nullopt](Recording *r) {
                    if (partial)
                        r->onIndex(*partial, Stage::Partial, false, QString());
                    Q_EMIT r->indexProgress(done, total);
                });
                return true;
            });
            switch (indexer.index(m_path, index)) {
            case CastIndexer::Result::Failed:
                post([error = indexer.errorString()](Recording *r) { r->onFailed(error); });
                return;
            case CastIndexer::Result::Cancelled:
                post([index](Recording *r) { r->onIndex(index, Stage::Cancelled, false, QString()); });
                return;
            case CastIndexer::Result::Done:
                break;
            }
            if (m_persist)
                saved = save(index, sidecar);
            post([index, sidecar = saved ? sidecar : QString()](Recording *r) {
                r->onIndex(index, Stage::Complete, false, sidecar);
            });
        }

        if (!m_options.buildKeyframes || index.keyframesComplete())
            return;
        if (cancelled) {
            post([](Recording *r) { r->onKeyframesDone(false); });
            return;
        }
        buildKeyframes(index, sidecar);
    }

private:
    template<typename F>
    void post(F &&f)
    {
        QMetaObject::invokeMethod(
            m_target,
            [target = m_target, self = this, f = std::forward<F>(f)]() {
                if (target->m_worker.get() == self)
                    f(target);
            },
            Qt::QueuedConnection);
    }

    // Saves where the index came from, else beside the file, else in the cache. On success
    // `sidecar` names the file and `index` reads its keyframes from there (their compressed
    // preambles leave memory).
    bool save(CheckpointIndex &index, QString &sidecar)
    {
        QStringList candidates;
        if (!sidecar.isEmpty())
            candidates.append(sidecar);
        for (const QString &c : {CheckpointIndex::sidecarPath(m_path), CheckpointIndex::cacheSidecarPath(m_path)})
            if (!candidates.contains(c))
                candidates.append(c);
        QStringList errors;
        for (const QString &c : std::as_const(candidates)) {
            QString error;
            if (index.save(c, &error)) {
                CheckpointIndex reloaded;
                if (reloaded.load(c)) {
                    index.keyframes = reloaded.keyframes;
                    index.storedIn = reloaded.storedIn;
                }
                sidecar = c;
                return true;
            }
            errors.append(error);
        }
        if (!m_saveFailureReported) {
            m_saveFailureReported = true;
            post([note = tr("The index could not be saved, so it will be built again next time: %1")
                             .arg(errors.join(u"; "_s))](Recording *r) { r->addNote(note); });
        }
        return false;
    }

    void buildKeyframes(CheckpointIndex &index, QString &sidecar)
    {
        KeyframeBuilder builder;
        KeyframeBuilder::Options options;
        if (m_options.keyframeInterval > 0)
            options.intervalBytes = m_options.keyframeInterval;
        builder.setOptions(options);
        QElapsedTimer sinceSaved, sincePublished;
        sinceSaved.start();
        sincePublished.start();
        qsizetype published = index.keyframes.size();
        builder.setProgress([&](qint64 done, qint64 total, const CheckpointIndex &) {
            if (cancelled)
                return false;
            if (m_persist && sinceSaved.elapsed() >= m_options.saveEveryMs) {
                save(index, sidecar);
                sinceSaved.restart();
                published = -1; // offsets changed: publish the whole list
            }
            const bool publish = published != index.keyframes.size() && sincePublished.elapsed() >= 250;
            if (publish) {
                published = index.keyframes.size();
                sincePublished.restart();
            }
            post([done, total, partial = publish ? std::optional(index) : std::nullopt, sidecar](Recording *r) {
                if (partial)
                    r->onKeyframes(*partial, sidecar);
                Q_EMIT r->keyframeProgress(done, total);
            });
            return true;
        });
        const KeyframeBuilder::Result result = builder.build(m_path, index);
        const KeyframeBuilder::Stats &stats = builder.stats();
        qCDebug(lcRecording) << m_path << "keyframes:" << stats.keyframes << "added," << stats.rejected << "rejected,"
                             << stats.taintedEvents << "events without," << stats.restarts << "restarts";
        if (result == KeyframeBuilder::Result::Failed)
            qCWarning(lcRecording) << "keyframe pass failed:" << builder.errorString();
        if (m_persist)
            save(index, sidecar);
        post([index, sidecar, complete = result == KeyframeBuilder::Result::Done](Recording *r) {
            r->onKeyframes(index, sidecar);
            r->onKeyframesDone(complete);
        });
    }

    Recording *m_target;
    QString m_path;
    Options m_options;
    bool m_persist = false;
    bool m_saveFailureReported = false;
};

Recording::Recording(QObject *parent)
    : QObject(parent)
{
}

Recording::~Recording()
{
    stopWorker();
}

void Recording::stopWorker()
{
    if (m_worker)
        m_worker->cancelled = true;
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
    m_worker.reset();
}

void Recording::open(const QString &path)
{
    close();
    m_path = path;
    setState(State::Opening);
    m_worker = std::make_shared<Worker>(this, path, m_options);
    m_thread = QThread::create([worker = m_worker] { worker->run(); });
    m_thread->setObjectName(u"castdeck-index"_s);
    m_thread->start(QThread::LowPriority);
}

void Recording::close()
{
    stopWorker();
    m_path.clear();
    m_error.clear();
    m_header = CastHeader();
    m_index = CheckpointIndex();
    m_indexComplete = m_fromSidecar = m_buildingKeyframes = false;
    m_sidecar.clear();
    const bool hadNotes = !m_notes.isEmpty();
    m_notes.clear();
    if (hadNotes)
        Q_EMIT warningsChanged();
    setState(State::Closed);
}

void Recording::cancel()
{
    if (m_worker)
        m_worker->cancelled = true;
}

QStringList Recording::warnings() const
{
    QStringList out;
    for (const CastDiagnostic &d : m_index.warnings)
        out.append(d.toString());
    out += m_notes;
    return out;
}

void Recording::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
    if (state == State::Ready)
        Q_EMIT loaded();
    else if (state == State::Failed)
        Q_EMIT indexingFailed();
}

void Recording::onHeader(const CastHeader &header)
{
    m_header = header;
}

void Recording::onIndex(const CheckpointIndex &index, Stage stage, bool fromSidecar, const QString &sidecar)
{
    const qsizetype warningsBefore = m_index.warnings.size();
    m_index = index;
    m_fromSidecar = fromSidecar;
    if (!sidecar.isEmpty())
        m_sidecar = sidecar;
    Q_EMIT indexChanged();
    if (m_index.warnings.size() != warningsBefore)
        Q_EMIT warningsChanged();
    switch (stage) {
    case Stage::Partial:
        setState(State::Indexing);
        break;
    case Stage::Cancelled:
        addNote(tr("Indexing was cancelled: the timeline shows only the part indexed so far (%1 s)")
                    .arg(double(m_index.durationUs) / 1e6, 0, 'f', 1));
        setState(State::Ready);
        break;
    case Stage::Complete:
        m_indexComplete = true;
        m_buildingKeyframes = m_options.buildKeyframes && !m_index.keyframesComplete();
        setState(State::Ready);
        break;
    }
}

void Recording::onKeyframes(const CheckpointIndex &index, const QString &sidecar)
{
    m_index.keyframes = index.keyframes;
    m_index.keyframedEvents = index.keyframedEvents;
    m_index.storedIn = index.storedIn;
    if (!sidecar.isEmpty())
        m_sidecar = sidecar;
    Q_EMIT indexChanged();
}

void Recording::onKeyframesDone(bool complete)
{
    m_buildingKeyframes = false;
    Q_EMIT keyframesFinished(complete);
}

void Recording::onFailed(const QString &error)
{
    m_error = error;
    setState(State::Failed);
}

void Recording::addNote(const QString &note)
{
    m_notes.append(note);
    Q_EMIT warningsChanged();
}

bool Recording::waitForReady(int msecs)
{
    if (m_state == State::Ready || m_state == State::Failed || m_state == State::Closed)
        return m_state == State::Ready;
    QEventLoop loop;
    connect(this, &Recording::stateChanged, &loop, [&loop](State s) {
        if (s == State::Ready || s == State::Failed || s == State::Closed)
            loop.quit();
    });
    if (msecs >= 0)
        QTimer::singleShot(msecs, &loop, &QEventLoop::quit);
    loop.exec();
    return m_state == State::Ready;
}

bool Recording::waitForKeyframes(int msecs)
{
    if (m_state == State::Opening || m_state == State::Indexing) {
        QElapsedTimer t;
        t.start();
        if (!waitForReady(msecs))
            return false;
        if (msecs >= 0)
            msecs = qMax(0, msecs - int(t.elapsed()));
    }
    if (m_state != State::Ready)
        return false;
    if (m_buildingKeyframes) {
        QEventLoop loop;
        connect(this, &Recording::keyframesFinished, &loop, &QEventLoop::quit);
        connect(this, &Recording::stateChanged, &loop, &QEventLoop::quit);
        if (msecs >= 0)
            QTimer::singleShot(msecs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return !m_buildingKeyframes && m_index.keyframesComplete();
}
