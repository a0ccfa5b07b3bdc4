// Player: the playback clock and model over a Recording; no widgets.
//
// Data flow: file -> CastReader (seeking to keyframes / checkpoints of the Recording's index)
// -> Player -> Terminal -> view (through the Terminal's own signals: damaged(), ...).
// Lives in the GUI thread; playback is driven by a QTimer; reading is cheap (it seeks), the
// Terminal is the cost (16-20 MB/s), which keyframes bound.
//
// The model: the terminal shows the recording's first eventIndex() events applied. Time T
// means "every event up to the first one later than T" (for files whose times never go back,
// simply every event with time <= T), so seek(T) gives the screen a linear replay to T gives,
// cell for cell: EXACT seeking. How: start from the latest of
//   - a keyframe of the index at or before the target (a checked state preamble; one follows
//     every resize, so no replay crosses a resize),
//   - a checkpoint with a preamble (Checkpoint::hasPreamble, from the recorder; a clear's state
//     is the one after its event, a manual checkpoint's the one before the event it precedes)
//     - it matters until keyframes cover the target; its preamble is not re-checked here. RIS
//     without a preamble is not used: libvterm keeps the title and REP's last character across
//     it, so a fresh terminal differs,
//   - the current state when the target is ahead of it,
//   - the start,
// and replay the events after it. A state that did not start at the beginning has only the
// scrollback lines scrolled off since (or since an ESC[3J); a resize that could pull back more
// lines than it holds (fewer lines than the new height) would differ, so such a replay starts
// again after the resize if it can, else from further back (1, 2, 4... keyframes earlier, at
// last the beginning). While playing, such a resize is reached by a seek. Keyframes missing
// over a stretch (see KeyframeBuilder: a state no preamble rebuilds) make seeks into it replay
// the whole stretch: exact, but slower.
// A replay longer than kSyncBytes runs in slices from the event loop (isSeeking(),
// seekStarted(), seekFinished()): going on from the current state, the shown terminal advances
// as it runs; otherwise a new terminal is built and replaces the shown one at the end (the
// previous frame stays meanwhile).
//
// The Terminal is replaced (terminalChanged()) when a seek starts afresh from a preamble or
// from the start; views must follow terminal() (and set their palette on the new one). Its
// scrollback holds only what scrolled off since it started.
//
// Playback: play/pause, speed 0.25x-16x (changeable while playing), idle-time limit (gaps
// between events longer than it are shortened to it; the header's idle_time_limit by
// default, or the user's, or none), loop, pause at markers. Steps move to the next/previous
// event that changes the terminal ('o' or 'r'). 'i' events come out as inputEvent() while
// playing or stepping (for a keystroke overlay); 'm' events as markerReached().
#pragma once

#include "format/CastEvent.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <memory>
#include <optional>

class CastReader;
class Recording;
class Terminal;

class Player : public QObject
{
    Q_OBJECT
public:
    enum class State { Paused, Playing };
    Q_ENUM(State)

    static constexpr double kMinSpeed = 0.25;
    static constexpr double kMaxSpeed = 16.0;
    // Replays up to this many bytes of output synchronously; longer ones run in slices.
    static constexpr qint64 kSyncBytes = 4 << 20;

    // `recording` must outlive the player. Usable once the recording's header is known
    // (state Indexing or Ready); until then the player shows an empty 80x24 terminal.
    explicit Player(Recording *recording, QObject *parent = nullptr);
    ~Player() override;

    Recording *recording() const { return m_recording; }
    // The terminal showing the current frame. Replaced on some seeks: see terminalChanged().
    Terminal *terminal() const { return m_terminal; }

    // --- Where -------------------------------------------------------------------------------
    qint64 position() const;                    // microseconds
    qint64 duration() const;                    // the index's duration (grows while indexing)
    qint64 eventIndex() const;                  // events applied to terminal()
    bool atEnd() const;                         // no event after the current state
    bool isSeeking() const { return m_job != nullptr; }
    // Completes a seek running in slices now (command-line tools, tests).
    void finishSeek();

    // --- Clock -------------------------------------------------------------------------------
    State state() const { return m_state; }
    bool isPlaying() const { return m_state == State::Playing; }
    double speed() const { return m_speed; }
    // The idle-time limit in force (nothing: off).
    std::optional<qint64> idleTimeLimit() const { return m_idleLimit; }
    bool loops() const { return m_loop; }
    bool pausesAtMarkers() const { return m_pauseAtMarkers; }

public Q_SLOTS:
    void play();
    void pause();
    void togglePlay();
    void setSpeed(double speed);                       // clamped to [kMinSpeed, kMaxSpeed]
    void setIdleTimeLimit(std::optional<qint64> us);   // nothing or <= 0: off
    void resetIdleTimeLimit();                         // the header's idle_time_limit (or off)
    void setLoop(bool loop);
    void setPauseAtMarkers(bool pause);

    // --- Moving ------------------------------------------------------------------------------
    void seek(qint64 timeUs);
    void seekToFraction(double fraction);              // of duration()
    void seekToEvent(qint64 count);                    // the state after exactly `count` events
    void stepForward();
    void stepBackward();
    // false when there is nowhere to go.
    bool nextCheckpoint();
    bool previousCheckpoint();
    bool nextMarker();
    bool previousMarker();
    bool seekToLastClear();

Q_SIGNALS:
    void positionChanged(qint64 timeUs);
    void stateChanged(Player::State state);
    void durationChanged(qint64 us);
    void terminalChanged(Terminal *terminal);          // the old one is deleted later
    void sizeChanged(int cols, int rows);              // the terminal's size (resize events, seeks)
    void markerReached(const QString &label);          // playing or stepping over an 'm' event
    void inputEvent(const QString &text);              // playing or stepping over an 'i' event
    void outputPlayed(const QByteArray &data);         // playing or stepping over an 'o' event
    void seekStarted();                                // a seek runs in slices
    void seekFinished();                               // ... and is done
    void finished();                                   // played to the end (without loop)

private:
    struct Target {
        bool byTime = true;
        qint64 timeUs = 0; // byTime: every event up to the first later than this
        qint64 count = 0;  // !byTime: this many events
        bool includes(const CastEvent &ev) const { return byTime ? ev.timeUs <= timeUs : ev.index < count; }
    };
    struct Start {
        enum class Kind { Beginning, Current, Keyframe, Checkpoint } kind = Kind::Beginning;
        qsizetype item = -1;     // keyframe or checkpoint index
        qint64 nextEvent = 0;    // events applied at that point
    };
    struct Job;

    void onRecordingChanged();
    void initialize();
    Start bestStart(const Target &target, qint64 afterEvent) const;
    Start earlierStart(qint64 before, int back) const;
    void startSeek(const Target &target);
    bool beginJob(const Start &start);
    bool runJob(qint64 budgetBytes);
    void finishJob();
    bool readNext(CastEvent &event);
    bool apply(const CastEvent &event, bool live);
    qint64 lastVisibleBefore(qint64 limit);
    void dropJob();

    // Playback
    void setState(State state);
    void schedule();
    void tick();
    qint64 clockNow() const;
    void anchor(qint64 positionUs);

    QPointer<Recording> m_recording;
    Terminal *m_terminal = nullptr;
    std::unique_ptr<CastReader> m_reader;
    bool m_initialized = false;

    // The current state: m_applied events applied to m_terminal.
    qint64 m_applied = 0;
    qint64 m_maxTime = 0;      // latest time among them
    qint64 m_position = 0;     // the clock (>= m_maxTime, < the next event's time)
    bool m_fullScrollback = true; // m_terminal replayed from the start (its scrollback is complete)
    qint64 m_terminalStart = 0;   // the event m_terminal started replaying at
    bool m_hasNext = false;    // m_next: the event after, read ahead
    CastEvent m_next;

    // The reader stands right after m_next (or after event m_applied - 1 when !m_hasNext), so
    // a seek ahead can go on from the current state. False once a seek moved it elsewhere.
    bool m_readerInSync = true;

    std::unique_ptr<Job> m_job;
    QTimer m_sliceTimer;
    // Starts that turned out unusable (a preamble that cannot be read, an index that does not
    // match the file), skipped until the index changes.
    QSet<qsizetype> m_badKeyframes;
    QSet<qsizetype> m_badCheckpoints;

    // Clock
    State m_state = State::Paused;
    double m_speed = 1.0;
    std::optional<qint64> m_idleLimit;
    bool m_idleLimitSet = false; // the user's choice, not the header's
    bool m_loop = false;
    bool m_pauseAtMarkers = false;
    QTimer m_timer;
    QElapsedTimer m_wall;
    qint64 m_anchorPos = 0;    // recording time at m_anchorWall
    qint64 m_anchorWall = 0;   // ns of m_wall
    qint64 m_durationSeen = -1;
};
