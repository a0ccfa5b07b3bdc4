// KeyframeBuilder: the keyframe pass. Replays a recording into a Terminal and stores its state
// (Terminal::statePreamble()) as a Keyframe in the CheckpointIndex every `intervalBytes` of
// output or `intervalUs` of recording time, right after every resize and after clears, so that
// no seek replays more than one interval.
//
// Data flow: file -> CastReader -> Terminal -> statePreamble() -> Keyframe -> CheckpointIndex
// (-> sidecar, saved by Recording). Runs on whichever thread calls build() (Recording's worker
// thread); it owns its reader and terminals.
//
// Why a second pass: Terminal (libvterm) ingests 16-20 MB/s while the index pass reads hundreds
// of MB/s, so a recording is usable (timeline, checkpoints, last clear, playing) long before
// its keyframes exist. The pass is resumable (from the last keyframe, after a cancel or when
// the file grew) and saves as it goes.
//
// Every keyframe is exact, or it is not stored:
//  - it is checked: the preamble fed into a fresh Terminal gives the same snapshot (cells,
//    cursor, modes, pen, title, alternate screen, DECSC slot) as the replayed one. One that
//    fails is retried minGapBytes later, then twice as far each time up to the interval.
//    Seen failing: right after a resize (blank cells the resize created keep attributes
//    besides colours, which a preamble does not set), and - for as long as it lasts - a DECSC
//    slot outside the screen (saved by ?1049h, then the terminal shrank), which no sequence
//    can set: no keyframes until the slot is saved again (ESC 7, ?1049h) or RIS; seeks in
//    such a stretch replay from the keyframe before it;
//  - no keyframe while state that a snapshot does not show and the preamble cannot restore may
//    be in force (Terminal::statePreamble() lists it): after HTS (ESC H) or TBC (CSI g) tab
//    stops, DECDWL/DECDHL line sizes (ESC # 3/4/6), DECSCA protection (CSI " q) or DECSLRM
//    margins (CSI l;r s), until RIS (ESC c) resets them all;
//  - none after an event that ends inside a UTF-8 character (the terminal holds the bytes);
//  - scrollback is not in a preamble, and the screen only depends on it when a resize pulls
//    lines back: a keyframe follows every resize, so a player never replays across one. When
//    the pass itself resumes from a keyframe, its terminal knows only the lines scrolled off
//    since (or since an ESC[3J); a resize that could pull back more (fewer lines than the new
//    height) sends the pass back to an earlier keyframe (1, 2, 4... back, at last the
//    beginning) to rebuild the scrollback; no keyframes are emitted until it is past the last.
#pragma once

#include "checkpoint/CheckpointIndex.h"

#include <QString>
#include <functional>

struct CastHeader;
class Terminal;

class KeyframeBuilder
{
public:
    struct Options {
        qint64 intervalBytes = 128 << 10; // output between keyframes; see README (Performance)
        qint64 intervalUs = 30'000'000;   // recording time between keyframes (with output in between)
        qint64 minGapBytes = 16 << 10;    // a clear adds a keyframe if this much output came since the last; first retry
    };
    // Called every MB or so with the byte offset reached and the indexed size; return false to
    // cancel. `index` holds every keyframe so far (to save or publish them).
    using Progress = std::function<bool(qint64 done, qint64 total, const CheckpointIndex &index)>;
    enum class Result { Done, Cancelled, Failed };

    struct Stats {
        qint64 bytesFed = 0;       // output bytes replayed
        qint64 keyframes = 0;      // keyframes added
        qint64 rejected = 0;       // preambles that did not rebuild the state (not stored)
        qint64 taintedEvents = 0;  // events seen while the state could not be captured
        qint64 restarts = 0;       // resumed passes sent back to the beginning (see above)
    };

    // Whether an event in [first, last) cleared the scrollback (ESC[3J, a clear-scrollback
    // checkpoint): a terminal that started in between from a preamble has the same scrollback
    // as one that replayed everything (both emptied it, then pushed the same lines).
    static bool scrollbackClearedBetween(const CheckpointIndex &index, qint64 first, qint64 last);

    // How every terminal that keyframes are built or used in is set up: the header's theme
    // (palette, default colours); scrollback at Terminal's default. The player does the same.
    static void setUpTerminal(Terminal &terminal, const CastHeader &header);

    void setOptions(const Options &options) { m_options = options; }
    void setProgress(Progress progress) { m_progress = std::move(progress); }

    // Adds keyframes to `index` (complete for the file's indexed part: index.eventCount events),
    // continuing where index.keyframedEvents says the pass stopped.
    Result build(const QString &castPath, CheckpointIndex &index);
    QString errorString() const { return m_error; }
    const Stats &stats() const { return m_stats; }

private:
    Options m_options;
    Progress m_progress;
    QString m_error;
    Stats m_stats;
};
