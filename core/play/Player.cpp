#include "Player.h"

#include "KeyframeBuilder.h"
#include "Recording.h"
#include "format/CastReader.h"
#include "terminal/Terminal.h"

#include <QLoggingCategory>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcPlayer, "castdeck.play.player", QtWarningMsg)

namespace {
// Output replayed per slice of a long seek: about 50 ms of Terminal work.
constexpr qint64 kSliceBytes = 1 << 20;
// Output applied per playback tick at most (16x through a burst of output).
constexpr qint64 kTickBytes = 2 << 20;
// The longest the clock waits without reporting the position.
constexpr int kPositionEveryMs = 50;

// Events applied in a checkpoint's state, and the latest time among them (files whose times
// never go back assumed): a clear's state is the one after its event, a manual checkpoint's
// the one before the event it precedes.
qint64 checkpointNextEvent(const Checkpoint &c)
{
    return c.kind == ClearKind::Manual ? c.eventIndex : c.eventIndex + 1;
}

qint64 checkpointTime(const Checkpoint &c)
{
    return c.kind == ClearKind::Manual ? c.prevTimeUs : c.timeUs;
}

bool isVisible(const CastEvent &ev)
{
    const CastEvent::Type t = ev.type();
    return t == CastEvent::Type::Output || t == CastEvent::Type::Resize;
}
} // namespace

// A seek in progress: `term` is being brought to the target. It is m_terminal itself when the
// seek continues from the current state, else a new terminal that replaces it at the end.
struct Player::Job {
    Target target;
    Start start;
    Terminal *term = nullptr;
    qint64 termStart = 0; // the event `term` started replaying at
    qint64 applied = 0;
    qint64 maxTime = 0;
    bool fullScrollback = true;
    bool hasNext = false;
    CastEvent next;
    bool async = false;
    int back = 1; // keyframes to go back when a resize needs more scrollback (doubles)
};

Player::Player(Recording *recording, QObject *parent)
    : QObject(parent)
    , m_recording(recording)
    , m_terminal(new Terminal(80, 24, this))
    , m_reader(std::make_unique<CastReader>())
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &Player::tick);
    m_sliceTimer.setSingleShot(true);
    connect(&m_sliceTimer, &QTimer::timeout, this, [this] {
        if (!m_job)
            return;
        if (runJob(kSliceBytes))
            finishJob();
        else
            m_sliceTimer.start(0);
    });
    m_wall.start();
    connect(m_recording, &Recording::stateChanged, this, &Player::onRecordingChanged);
    connect(m_recording, &Recording::indexChanged, this, [this] {
        m_badKeyframes.clear();
        m_badCheckpoints.clear();
        if (duration() != m_durationSeen) {
            m_durationSeen = duration();
            Q_EMIT durationChanged(m_durationSeen);
        }
    });
    onRecordingChanged();
}

Player::~Player() = default;

// --- Recording --------------------------------------------------------------------------------

void Player::onRecordingChanged()
{
    const Recording::State s = m_recording->state();
    const bool usable = s == Recording::State::Indexing || s == Recording::State::Ready;
    if (usable && !m_initialized) {
        initialize();
    } else if (!usable && m_initialized) {
        pause();
        dropJob();
        m_reader->close();
        m_initialized = false;
    }
}

void Player::initialize()
{
    const CastHeader &header = m_recording->header();
    m_reader->close();
    m_reader->setMode(CastReader::Mode::Lenient);
    if (!m_reader->open(m_recording->path()))
        qCWarning(lcPlayer) << m_reader->errorString();
    m_initialized = true;
    if (!m_idleLimitSet)
        resetIdleTimeLimit();

    Terminal *old = m_terminal;
    m_terminal = new Terminal(header.width, header.height, this);
    KeyframeBuilder::setUpTerminal(*m_terminal, header);
    old->deleteLater();
    m_applied = 0;
    m_maxTime = 0;
    m_position = 0;
    m_fullScrollback = true;
    m_terminalStart = 0;
    m_hasNext = false;
    m_readerInSync = true;
    m_badKeyframes.clear();
    m_badCheckpoints.clear();
    Q_EMIT terminalChanged(m_terminal);
    Q_EMIT sizeChanged(m_terminal->cols(), m_terminal->rows());
    Q_EMIT positionChanged(0);
    m_durationSeen = duration();
    Q_EMIT durationChanged(m_durationSeen);
}

qint64 Player::duration() const
{
    return m_recording ? m_recording->index().durationUs : 0;
}

qint64 Player::position() const
{
    if (m_state != State::Playing || m_job)
        return m_position;
    qint64 p = qMax(clockNow(), m_maxTime);
    if (m_hasNext)
        p = qMin(p, m_next.timeUs);
    return p;
}

qint64 Player::eventIndex() const
{
    return m_job && m_job->term == m_terminal ? m_job->applied : m_applied;
}

bool Player::atEnd() const
{
    return m_initialized && !m_job && !m_hasNext && m_reader->atEnd();
}

// --- Reading and applying -----------------------------------------------------------------

bool Player::readNext(CastEvent &event)
{
    if (!m_reader->isOpen())
        return false;
    return m_reader->readNext(event);
}

bool Player::apply(const CastEvent &ev, bool live)
{
    switch (ev.type()) {
    case CastEvent::Type::Output:
        m_terminal->feed(ev.data);
        if (live)
            Q_EMIT outputPlayed(ev.data);
        break;
    case CastEvent::Type::Resize: {
        int cols = 0, rows = 0;
        if (!ev.resizeSize(cols, rows))
            break;
        if (!m_fullScrollback && m_terminal->scrollbackSize() < rows
            && !KeyframeBuilder::scrollbackClearedBetween(m_recording->index(), m_terminalStart, ev.index)) {
            // The resize could pull back scrollback lines this terminal never saw: go to the
            // state after it the exact way (a keyframe follows every resize).
            m_readerInSync = false;
            startSeek(Target{false, 0, ev.index + 1});
            return false;
        }
        m_terminal->resize(cols, rows);
        Q_EMIT sizeChanged(m_terminal->cols(), m_terminal->rows());
        break;
    }
    case CastEvent::Type::Input:
        if (live)
            Q_EMIT inputEvent(QString::fromUtf8(ev.data));
        break;
    case CastEvent::Type::Marker:
        if (live)
            Q_EMIT markerReached(QString::fromUtf8(ev.data));
        break;
    default:
        break;
    }
    m_applied = ev.index + 1;
    m_maxTime = qMax(m_maxTime, ev.timeUs);
    return true;
}

// --- Seeking --------------------------------------------------------------------------------

Player::Start Player::bestStart(const Target &target, qint64 afterEvent) const
{
    Start best;
    const CheckpointIndex &idx = m_recording->index();
    auto before = [&target](qint64 timeUs, qint64 nextEvent) {
        return target.byTime ? timeUs <= target.timeUs : nextEvent <= target.count;
    };
    // The latest keyframe at or before the target.
    const auto kf = std::partition_point(idx.keyframes.cbegin(), idx.keyframes.cend(), [&](const Keyframe &k) {
        return before(k.timeUs, k.position.nextEventIndex);
    });
    for (auto it = kf; it != idx.keyframes.cbegin();) {
        --it;
        const qsizetype k = it - idx.keyframes.cbegin();
        if (m_badKeyframes.contains(k))
            continue;
        if (it->position.nextEventIndex > afterEvent && it->position.nextEventIndex > best.nextEvent)
            best = Start{Start::Kind::Keyframe, k, it->position.nextEventIndex};
        break;
    }
    // A checkpoint with a preamble after it (before the keyframe pass got there). RIS alone
    // (ClearSequence::Resume::Always) is not enough: libvterm keeps the title and the last
    // character for REP across it.
    const auto cp = std::partition_point(idx.checkpoints.cbegin(), idx.checkpoints.cend(), [&](const Checkpoint &c) {
        return before(checkpointTime(c), checkpointNextEvent(c));
    });
    for (auto it = cp; it != idx.checkpoints.cbegin();) {
        --it;
        if (checkpointNextEvent(*it) <= qMax(best.nextEvent, afterEvent))
            break;
        const qsizetype c = it - idx.checkpoints.cbegin();
        if (it->hasPreamble && it->lineOffset >= 0 && !m_badCheckpoints.contains(c)) {
            best = Start{Start::Kind::Checkpoint, c, checkpointNextEvent(*it)};
            break;
        }
    }
    // Going on from here, when the target is ahead.
    if (m_readerInSync && m_applied > afterEvent && m_applied >= best.nextEvent
        && (target.byTime ? m_maxTime <= target.timeUs : m_applied <= target.count))
        best = Start{Start::Kind::Current, -1, m_applied};
    return best;
}

// The keyframe `back` places before the latest one that starts before event `before`, or
// the beginning.
Player::Start Player::earlierStart(qint64 before, int back) const
{
    const QList<Keyframe> &kfs = m_recording->index().keyframes;
    qsizetype k = std::partition_point(kfs.cbegin(), kfs.cend(),
                                       [before](const Keyframe &kf) { return kf.position.nextEventIndex < before; })
        - kfs.cbegin() - 1;
    for (; k >= 0 && back > 1; --k) {
        if (!m_badKeyframes.contains(k))
            --back;
    }
    for (; k >= 0; --k) {
        if (!m_badKeyframes.contains(k))
            return Start{Start::Kind::Keyframe, k, kfs.at(k).position.nextEventIndex};
    }
    return Start{};
}

void Player::seek(qint64 timeUs)
{
    startSeek(Target{true, qMax<qint64>(0, timeUs), 0});
}

void Player::seekToFraction(double fraction)
{
    seek(qint64(std::llround(qBound(0.0, fraction, 1.0) * double(duration()))));
}

void Player::seekToEvent(qint64 count)
{
    startSeek(Target{false, 0, qMax<qint64>(0, count)});
}

void Player::startSeek(const Target &target)
{
    if (!m_initialized)
        return;
    m_timer.stop();
    dropJob();
    m_job = std::make_unique<Job>();
    m_job->target = target;
    while (!beginJob(bestStart(target, -1))) {
    }
    qCDebug(lcPlayer) << "seek to" << (target.byTime ? target.timeUs : target.count) << (target.byTime ? "us" : "events")
                      << "from" << int(m_job->start.kind) << "item" << m_job->start.item << "event" << m_job->start.nextEvent;
    if (runJob(kSyncBytes)) {
        finishJob();
    } else {
        m_job->async = true;
        Q_EMIT seekStarted();
        m_sliceTimer.start(0);
    }
}

// A seek still running is dropped; if it was bringing m_terminal forward, what it did counts.
void Player::dropJob()
{
    if (!m_job)
        return;
    m_sliceTimer.stop();
    if (m_job->term == m_terminal) {
        m_applied = m_job->applied;
        m_maxTime = m_job->maxTime;
        m_position = m_maxTime;
        m_fullScrollback = m_job->fullScrollback;
        m_hasNext = m_job->hasNext;
        m_next = m_job->next;
    } else {
        delete m_job->term;
        m_readerInSync = false;
    }
    m_job.reset();
}

bool Player::beginJob(const Start &start)
{
    Job &job = *m_job;
    job.start = start;
    job.termStart = start.nextEvent;
    job.hasNext = false;
    const CastHeader &header = m_recording->header();
    const CheckpointIndex &idx = m_recording->index();
    auto fresh = [&](int cols, int rows) {
        auto *t = new Terminal(cols, rows, this);
        KeyframeBuilder::setUpTerminal(*t, header);
        return t;
    };
    auto restartReader = [&] {
        m_reader->close();
        return m_reader->open(m_recording->path());
    };
    // Positions the reader before event `n`, seeking to `pos` (v1 files cannot: from the start).
    auto position = [&](const CastReader::Position &pos) {
        if (m_reader->isOpen() && m_reader->format() != 1)
            return m_reader->seek(pos);
        if (!restartReader())
            return false;
        CastEvent skipped;
        while (m_reader->position().nextEventIndex < pos.nextEventIndex && m_reader->readNext(skipped)) {
        }
        return m_reader->position().nextEventIndex == pos.nextEventIndex;
    };

    switch (start.kind) {
    case Start::Kind::Current:
        job.term = m_terminal;
        job.termStart = m_terminalStart;
        job.applied = m_applied;
        job.maxTime = m_maxTime;
        job.fullScrollback = m_fullScrollback;
        job.hasNext = m_hasNext;
        job.next = m_next;
        return true;
    case Start::Kind::Beginning:
        restartReader();
        job.term = fresh(header.width, header.height);
        job.applied = 0;
        job.maxTime = 0;
        job.fullScrollback = true;
        return true;
    case Start::Kind::Keyframe: {
        const Keyframe &kf = idx.keyframes.at(start.item);
        QString error;
        const std::optional<QByteArray> preamble = idx.keyframePreamble(start.item, &error);
        if (!preamble || !position(kf.position)) {
            if (m_badKeyframes.isEmpty()) // once, not for every keyframe of a replaced sidecar
                qCWarning(lcPlayer) << "keyframe" << start.item << "not used:" << (error.isEmpty() ? m_reader->errorString() : error);
            m_badKeyframes.insert(start.item);
            return false;
        }
        job.term = fresh(kf.cols, kf.rows);
        job.term->feed(*preamble);
        job.applied = kf.position.nextEventIndex;
        job.maxTime = kf.timeUs;
        job.fullScrollback = false;
        return true;
    }
    case Start::Kind::Checkpoint: {
        const Checkpoint &cp = idx.checkpoints.at(start.item);
        const bool manual = cp.kind == ClearKind::Manual;
        CastEvent ev;
        bool ok = position(CastReader::Position{cp.lineOffset, cp.eventIndex, cp.prevTimeUs, cp.lineNumber});
        if (ok && !manual) {
            ok = m_reader->readNext(ev) && ev.index == cp.eventIndex && ev.type() == CastEvent::Type::Output
                && cp.dataEnd <= ev.data.size();
        }
        if (!ok) {
            qCWarning(lcPlayer) << "checkpoint" << start.item << "not used: its event is not where the index says";
            m_badCheckpoints.insert(start.item);
            return false;
        }
        job.term = fresh(cp.cols, cp.rows);
        job.term->feed(cp.preamble);
        if (!manual)
            job.term->feed(QByteArrayView(ev.data).sliced(cp.dataEnd));
        job.applied = checkpointNextEvent(cp);
        job.maxTime = checkpointTime(cp);
        job.fullScrollback = false;
        return true;
    }
    }
    return false;
}

bool Player::runJob(qint64 budgetBytes)
{
    Job &job = *m_job;
    qint64 bytes = 0;
    CastEvent ev;
    for (;;) {
        if (job.hasNext) {
            ev = std::move(job.next);
            job.hasNext = false;
        } else if (!readNext(ev)) {
            return true;
        }
        if (!job.target.includes(ev)) {
            job.next = std::move(ev);
            job.hasNext = true;
            return true;
        }
        switch (ev.type()) {
        case CastEvent::Type::Output:
            job.term->feed(ev.data);
            bytes += ev.data.size();
            break;
        case CastEvent::Type::Resize: {
            int cols = 0, rows = 0;
            if (!ev.resizeSize(cols, rows))
                break;
            if (!job.fullScrollback && job.term->scrollbackSize() < rows
                && !KeyframeBuilder::scrollbackClearedBetween(m_recording->index(), job.termStart, ev.index)) {
                // See the header: start again after this resize, or from the beginning.
                qCDebug(lcPlayer) << "resize at event" << ev.index << "needs scrollback; restarting";
                if (job.term == m_terminal) {
                    m_applied = job.applied; // m_terminal holds that state now
                    m_maxTime = job.maxTime;
                    m_position = m_maxTime;
                    m_hasNext = false;
                    m_fullScrollback = false;
                } else {
                    delete job.term;
                }
                job.term = nullptr;
                m_readerInSync = false; // past this resize
                // After the resize if there is a start there; else from further back (1, 2,
                // 4... keyframes before this start), so more lines have scrolled off by then.
                Start next = bestStart(job.target, ev.index);
                if (next.kind == Start::Kind::Beginning) {
                    next = earlierStart(job.termStart, job.back);
                    job.back *= 2;
                }
                while (!beginJob(next))
                    next = earlierStart(next.nextEvent, 1);
                continue;
            }
            job.term->resize(cols, rows);
            break;
        }
        default:
            break;
        }
        job.applied = ev.index + 1;
        job.maxTime = qMax(job.maxTime, ev.timeUs);
        if (budgetBytes >= 0 && bytes >= budgetBytes)
            return false;
    }
}

void Player::finishJob()
{
    std::unique_ptr<Job> job = std::move(m_job);
    m_sliceTimer.stop();
    const int oldCols = m_terminal->cols(), oldRows = m_terminal->rows();
    if (job->term != m_terminal) {
        Terminal *old = m_terminal;
        m_terminal = job->term;
        m_terminalStart = job->termStart;
        old->deleteLater();
        Q_EMIT terminalChanged(m_terminal);
    }
    m_applied = job->applied;
    m_maxTime = job->maxTime;
    m_fullScrollback = job->fullScrollback;
    m_hasNext = job->hasNext;
    m_next = std::move(job->next);
    m_readerInSync = true;
    if (job->target.byTime) {
        // Past the last event the clock stops at the end.
        m_position = qMax(m_maxTime, m_hasNext ? job->target.timeUs : qMin(job->target.timeUs, qMax(duration(), m_maxTime)));
    } else {
        m_position = m_maxTime;
    }
    if (m_terminal->cols() != oldCols || m_terminal->rows() != oldRows)
        Q_EMIT sizeChanged(m_terminal->cols(), m_terminal->rows());
    Q_EMIT positionChanged(m_position);
    if (job->async)
        Q_EMIT seekFinished();
    if (m_state == State::Playing) {
        anchor(m_position);
        schedule();
    }
}

void Player::finishSeek()
{
    while (m_job) {
        if (runJob(-1))
            finishJob();
    }
}

// --- Steps and jumps ----------------------------------------------------------------------

void Player::stepForward()
{
    if (!m_initialized)
        return;
    finishSeek();
    pause();
    CastEvent ev;
    for (;;) {
        if (m_hasNext) {
            ev = std::move(m_next);
            m_hasNext = false;
        } else if (!readNext(ev)) {
            break;
        }
        if (!apply(ev, true))
            return; // a seek took over (a resize that needs scrollback)
        if (isVisible(ev))
            break;
    }
    m_position = m_maxTime;
    Q_EMIT positionChanged(m_position);
}

void Player::stepBackward()
{
    if (!m_initialized)
        return;
    finishSeek();
    pause();
    const qint64 last = lastVisibleBefore(m_applied);
    const qint64 previous = last < 0 ? -1 : lastVisibleBefore(last);
    seekToEvent(previous + 1);
}

// The index of the last 'o' or 'r' event before event `limit`, -1 when there is none: read
// (without a terminal) from the latest place to start reading before it.
qint64 Player::lastVisibleBefore(qint64 limit)
{
    if (limit <= 0)
        return -1;
    const CheckpointIndex &idx = m_recording->index();
    struct Place {
        qint64 nextEvent;
        CastReader::Position pos;
    };
    QList<Place> places{Place{0, {}}};
    for (const Keyframe &k : idx.keyframes)
        places.append(Place{k.position.nextEventIndex, k.position});
    for (const Checkpoint &c : idx.checkpoints) {
        if (c.lineOffset >= 0)
            places.append(Place{c.eventIndex, {c.lineOffset, c.eventIndex, c.prevTimeUs, c.lineNumber}});
    }
    std::sort(places.begin(), places.end(), [](const Place &a, const Place &b) { return a.nextEvent < b.nextEvent; });

    CastReader scan;
    if (!scan.open(m_recording->path()))
        return -1;
    const bool canSeek = scan.format() != 1;
    qint64 upTo = limit;
    for (qsizetype i = places.size() - 1; i >= 0; --i) {
        const Place &p = places.at(i);
        if (p.nextEvent >= upTo || (p.nextEvent > 0 && !canSeek))
            continue;
        if (p.nextEvent > 0 && !scan.seek(p.pos))
            continue;
        if (p.nextEvent == 0 && canSeek && scan.position().nextEventIndex != 0) {
            scan.close();
            if (!scan.open(m_recording->path()))
                return -1;
        }
        qint64 found = -1;
        CastEvent ev;
        while (scan.readNext(ev) && ev.index < upTo) {
            if (isVisible(ev))
                found = ev.index;
        }
        if (found >= 0)
            return found;
        upTo = p.nextEvent;
    }
    return -1;
}

bool Player::nextCheckpoint()
{
    const qint64 pos = position();
    for (const Checkpoint &c : m_recording->index().checkpoints) {
        if (c.timeUs > pos) {
            seek(c.timeUs);
            return true;
        }
    }
    return false;
}

bool Player::previousCheckpoint()
{
    const qint64 pos = position();
    const QList<Checkpoint> &cps = m_recording->index().checkpoints;
    for (auto it = cps.crbegin(); it != cps.crend(); ++it) {
        if (it->timeUs < pos) {
            seek(it->timeUs);
            return true;
        }
    }
    return false;
}

bool Player::nextMarker()
{
    const qint64 pos = position();
    for (const CastMarker &m : m_recording->index().markers) {
        if (m.timeUs > pos) {
            seek(m.timeUs);
            return true;
        }
    }
    return false;
}

bool Player::previousMarker()
{
    const qint64 pos = position();
    const QList<CastMarker> &ms = m_recording->index().markers;
    for (auto it = ms.crbegin(); it != ms.crend(); ++it) {
        if (it->timeUs < pos) {
            seek(it->timeUs);
            return true;
        }
    }
    return false;
}

bool Player::seekToLastClear()
{
    const QList<Checkpoint> &cps = m_recording->index().checkpoints;
    if (cps.isEmpty())
        return false;
    seek(cps.constLast().timeUs);
    return true;
}

// --- The clock ------------------------------------------------------------------------------

void Player::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

qint64 Player::clockNow() const
{
    const double elapsedUs = double(m_wall.nsecsElapsed() - m_anchorWall) / 1000.0;
    return m_anchorPos + qint64(elapsedUs * m_speed);
}

void Player::anchor(qint64 positionUs)
{
    m_anchorPos = positionUs;
    m_anchorWall = m_wall.nsecsElapsed();
}

void Player::play()
{
    if (!m_initialized || m_state == State::Playing)
        return;
    if (!m_job && !m_hasNext) {
        CastEvent ev;
        if (readNext(ev)) {
            m_next = std::move(ev);
            m_hasNext = true;
        } else {
            seek(0); // at the end: from the start again
        }
    }
    setState(State::Playing);
    anchor(m_position);
    schedule();
}

void Player::pause()
{
    if (m_state != State::Playing)
        return;
    m_position = position();
    m_timer.stop();
    setState(State::Paused);
    Q_EMIT positionChanged(m_position);
}

void Player::togglePlay()
{
    if (m_state == State::Playing)
        pause();
    else
        play();
}

void Player::setSpeed(double speed)
{
    speed = qBound(kMinSpeed, speed, kMaxSpeed);
    if (speed == m_speed)
        return;
    if (m_state == State::Playing && !m_job) {
        anchor(position()); // at the old speed up to now
        m_speed = speed;
        schedule();
    } else {
        m_speed = speed;
    }
}

void Player::setIdleTimeLimit(std::optional<qint64> us)
{
    m_idleLimitSet = true;
    m_idleLimit = us && *us > 0 ? us : std::nullopt;
    if (m_state == State::Playing && !m_job) {
        anchor(position());
        schedule();
    }
}

void Player::resetIdleTimeLimit()
{
    const std::optional<double> s = m_recording ? m_recording->header().idleTimeLimit : std::nullopt;
    m_idleLimit = s && *s > 0 ? std::optional<qint64>(std::llround(*s * 1e6)) : std::nullopt;
    m_idleLimitSet = false;
    if (m_state == State::Playing && !m_job) {
        anchor(position());
        schedule();
    }
}

void Player::setLoop(bool loop)
{
    m_loop = loop;
}

void Player::setPauseAtMarkers(bool pause)
{
    m_pauseAtMarkers = pause;
}

// When (in recording time) the next event is due: at its time, or - after an idle gap longer
// than the limit - once the limit has passed, and the clock then jumps to the event.
static qint64 dueTime(qint64 eventTime, qint64 lastTime, qint64 anchorPos, const std::optional<qint64> &limit)
{
    if (limit && eventTime - lastTime > *limit)
        return qMin(eventTime, qMax(lastTime + *limit, anchorPos));
    return eventTime;
}

void Player::schedule()
{
    if (m_state != State::Playing || m_job)
        return;
    if (!m_hasNext) {
        m_timer.start(0); // tick() decides: more events, loop or the end
        return;
    }
    const qint64 due = dueTime(m_next.timeUs, m_maxTime, m_anchorPos, m_idleLimit);
    const double waitUs = double(due - clockNow()) / m_speed;
    const int ms = waitUs <= 0 ? 0 : int(qMin<double>(std::ceil(waitUs / 1000.0), kPositionEveryMs));
    m_timer.start(ms);
}

void Player::tick()
{
    if (m_state != State::Playing || m_job)
        return;
    qint64 bytes = 0;
    for (;;) {
        if (!m_hasNext) {
            CastEvent ev;
            if (!readNext(ev)) {
                if (m_loop && m_applied > 0) {
                    seek(0);
                    if (m_job)
                        return; // finishJob() re-anchors and schedules
                    anchor(0);
                    if (m_hasNext)
                        continue;
                    // Everything happens at time 0: nothing to loop over.
                }
                m_position = qMax(m_maxTime, duration());
                m_timer.stop();
                setState(State::Paused);
                Q_EMIT positionChanged(m_position);
                Q_EMIT finished();
                return;
            }
            m_next = std::move(ev);
            m_hasNext = true;
        }
        const qint64 now = clockNow();
        const qint64 due = dueTime(m_next.timeUs, m_maxTime, m_anchorPos, m_idleLimit);
        if (due > now)
            break;
        if (due < m_next.timeUs) {
            // An idle gap cut short: the clock jumps from `due` to the event.
            m_anchorWall += qint64(double(due - m_anchorPos) * 1000.0 / m_speed);
            m_anchorPos = m_next.timeUs;
        }
        const CastEvent ev = std::move(m_next);
        m_hasNext = false;
        if (!apply(ev, true))
            return; // a seek took over; finishJob() goes on playing
        if (ev.type() == CastEvent::Type::Marker && m_pauseAtMarkers) {
            m_position = ev.timeUs;
            m_timer.stop();
            setState(State::Paused);
            Q_EMIT positionChanged(m_position);
            return;
        }
        if (ev.type() == CastEvent::Type::Output) {
            bytes += ev.data.size();
            if (bytes >= kTickBytes)
                break;
        }
    }
    m_position = position();
    Q_EMIT positionChanged(m_position);
    schedule();
}
