// RecordingSearch: finds a text (plain, or a regular expression) in what a recording SHOWS:
// its output rendered by a headless Terminal, so escape sequences, cursor movement,
// overwrites and \r progress bars are resolved exactly as the player draws them.
//
// Data flow: file -> CastReader (streamed, never loaded whole) -> Terminal (headless, libvterm)
// -> rendered rows -> matches -> hitsFound() batches -> PlayerTab (timeline marks, next /
// previous) -> Player::seekToEvent(). Lives in the GUI thread (any thread with an event
// loop); the work runs in its own worker thread (a QObject moved to a QThread, results come
// back through queued signals). start() cancels a running search; cancel() stops it.
//
// What is searched and when a hit happens (the model):
//  - The rows a user can see: after every event (the state a player shows after it), and
//    also just before every clear sequence of ClearDetector's table (the screen as it was
//    before ESC[2J, ESC c, ESC[?1049h... in the same event: an event that draws text and
//    clears it shows it for no frame, but a recording split differently would have), and
//    every line that scrolled into the scrollback (so output that streams through faster
//    than a frame, as `cat` of a big file does, is found too; a user can scroll back to it).
//    Long events are fed in slices of kSliceBytes, each slice ending in such a check.
//  - A hit is one APPEARANCE of a match: a matched text at a column range of a line. Its time
//    is the time of the first event after which it was visible (the earliest moment), and
//    seekToEvent(eventIndex + 1) shows it. While it stays visible - the row is redrawn, the
//    cursor passes, the line scrolls up, moves into the scrollback, a full-screen program
//    scrolls its region, the screen is cleared and redrawn identically within one event, the
//    alternate screen comes and goes over it - it is not reported again. How: after each
//    check, the matches of the rows that changed (Terminal's damage) and of the lines pushed
//    into the scrollback are compared with the matches the changed rows had before (a
//    multiset of (text, first column, last column)); only those not found there are new.
//    So a line printed 1,000 times is 1,000 hits (each a new line), a progress bar redrawn
//    with \r in place is one hit per distinct match, and text that was overwritten before
//    any check saw it (within one event) is not found at all.
//  - Matches are per line: the rows of a soft-wrapped line are matched as one text, so a
//    match can run on from one row into the next (the hit says over how many rows); it
//    belongs to the row it begins in. Trailing blanks of a line are not part of its text;
//    blank cells inside are spaces (also at the end of a row that wraps); a double-width
//    character is one character over two columns. Where a line's wraps are not known
//    (Terminal::isScrollbackLineContinued(): lines a resize pushed off), its rows are lines
//    of their own; a line that began more than a few rows before those a check reads (one
//    longer than the screen, scrolling through) is matched from there on.
//  - At most kMaxHits hits; the search stops there (isLimitReached()).
//  - Resizes re-wrap the screen (libvterm's reflow): the re-wrapped rows count as changed,
//    their matches at new columns are new hits.
//
// Speed (`./dev bench search`, generated 100 MB cast, release, loaded 2-core machine): a
// text that is not there 7.4-9.9 MB/s, 0.47-0.59 of Terminal's bare ingest of the same file
// in the same run (15.7-16.8 MB/s); the rest is reading the changed rows' characters back
// (Terminal::readRowChars(), readScrollbackChars()), each scrolled line twice (on the
// screen, then from the scrollback). Matching wrapped lines as one cost nothing measurable
// (10 MB cast, two alternating runs against the build before it: 10.2 / 11.1 MB/s against
// 10.8 / 11.0, plain text not there).
// So a 1 GB cast takes minutes; hits appear as they are found (the first at once, then in
// batches every kBatchMs). Memory is bounded: a reader block, one terminal, a scrollback
// kept to a few thousand lines, the hits (42 MB peak RSS in the benchmark).
#pragma once

#include <QList>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

class QThread;
struct ScreenCell;

class RecordingSearch : public QObject
{
    Q_OBJECT
public:
    // The search stops after this many hits (a search for "e" is not useful beyond that).
    static constexpr int kMaxHits = 10000;
    // Hits and progress are reported at most this often (the first hit at once).
    static constexpr int kBatchMs = 100;
    // Output of one event is fed to the terminal in slices of at most this many bytes, with a
    // check after each (bounds the lines scrolled off between two checks).
    static constexpr int kSliceBytes = 16 << 10;

    struct Query {
        QString text;
        bool regex = false;          // text is a QRegularExpression pattern (PCRE2 syntax)
        bool caseSensitive = false;
        bool operator==(const Query &) const = default;
    };

    struct Hit {
        qint64 timeUs = 0;      // the time of the event after which the match was first visible
        qint64 eventIndex = -1; // that event (0-based); Player::seekToEvent(eventIndex + 1) shows it
        // Where it was at that check: a screen row, or -1 for a line that had scrolled into the
        // scrollback by then. The state after the whole event can differ (a check before a clear
        // or between slices of a long event): a view should verify before highlighting.
        int row = -1;           // the row the match begins in
        int rowCount = 1;       // the rows it covers: more than 1 when it runs on across soft wraps
        int startCol = 0;       // the cells from startCol in its first row to endCol in its last
        int endCol = 0;         // (exclusive)
        // The rows it covers, as rendered and joined (a wrapped row's trailing blanks are
        // spaces), trailing blanks dropped where the line ends (textOf()): for a row that is a
        // line of its own, the whole row.
        QString lineText;
        int matchStart = 0;     // the match in lineText (UTF-16 units)
        int matchLength = 0;
        bool operator==(const Hit &) const = default;
    };

    explicit RecordingSearch(QObject *parent = nullptr);
    ~RecordingSearch() override; // cancels the search and waits for the worker thread

    // For tests: every check reads every row, not only those Terminal reports damaged (slower;
    // the hits must be the same). Applies to searches started afterwards.
    void setExhaustiveChecks(bool on) { m_exhaustive = on; }

    // An error sentence when `query` cannot be searched for (an invalid regular expression),
    // else an empty string.
    static QString validate(const Query &query);
    // Rows as a hit's lineText has them: rendered (blanks as spaces, right halves of double-width
    // characters skipped) and joined; when their line ends with the last of them (the row after
    // does not continue it), its trailing blanks dropped. A view compares it with what it shows
    // to find the hit's rows.
    static QString textOf(const QList<QList<ScreenCell>> &rows, bool lineEnds);

    // Starts searching the recording at `path` (returns at once); a running search is
    // cancelled, the hits are cleared. False when the query is invalid: failed() was emitted
    // and nothing runs. An empty text clears everything and searches nothing (true).
    bool start(const QString &path, const Query &query);
    // Stops the running search; the hits found so far stay. No finished() follows.
    void cancel();
    // Forgets everything (cancels first).
    void clear();

    bool isRunning() const { return m_running; }
    QString path() const { return m_path; }
    Query query() const { return m_query; }
    // Every hit reported so far, in the order of the recording.
    const QList<Hit> &hits() const { return m_hits; }
    bool isLimitReached() const { return m_limitReached; }
    QString errorString() const { return m_error; }
    qint64 bytesDone() const { return m_done; }
    qint64 bytesTotal() const { return m_total; }

    // Blocks (running the event loop) until the search is over or `msecs` passed. For tests
    // and command-line tools. True when it finished (not cancelled, not failed).
    bool waitForFinished(int msecs = -1);

Q_SIGNALS:
    void started();
    // New hits (a batch, appended to hits()).
    void hitsFound(const QList<RecordingSearch::Hit> &hits);
    void progress(qint64 done, qint64 total); // bytes of the file
    // The search ran to the end of the file or to kMaxHits (isLimitReached()).
    void finished(int count);
    // An invalid query, an unreadable file: errorString() says which.
    void failed(const QString &error);

private:
    class Worker;
    struct Job;
    void onHits(quint64 generation, const QList<Hit> &hits);
    void onProgress(quint64 generation, qint64 done, qint64 total);
    void onFinished(quint64 generation, bool limitReached);
    void onFailed(quint64 generation, const QString &error);
    void ensureThread();

    QThread *m_thread = nullptr;
    Worker *m_worker = nullptr; // lives in m_thread
    // The running search's number; the worker stops as soon as it differs from its own.
    std::shared_ptr<std::atomic<quint64>> m_generation;
    QString m_path;
    Query m_query;
    QList<Hit> m_hits;
    bool m_running = false;
    bool m_finishedOk = false;
    bool m_limitReached = false;
    QString m_error;
    qint64 m_done = 0;
    qint64 m_total = 0;
    bool m_exhaustive = false;
};
