#include "RecordingSearch.h"

#include "checkpoint/ClearDetector.h"
#include "format/CastReader.h"
#include "terminal/Terminal.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QStringMatcher>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSearch, "castdeck.play.search", QtWarningMsg)

namespace {

// The scrollback of the search's terminal: lines pushed between two checks must all still be
// there (a push needs at least one byte of output, a slice has kSliceBytes; CSI n S pushes
// up to a screen per sequence, so a pathological slice could still overflow: logged). After
// a check it is trimmed to kKeepLines, which is what a resize can pull back onto the screen.
constexpr int kKeepLines = 2000;
constexpr int kScrollbackCapacity = kKeepLines + 4 * RecordingSearch::kSliceBytes;
constexpr int kTrimAt = kKeepLines + 4096;
// A soft-wrapped line that began in lines not read at a check (scrolled off before) is
// matched from at most this many rows before: a match reaching further back is not found,
// and a regular expression's anchors see the line begin there.
constexpr int kContextRows = 8;

// One match as the dedupe sees it: text and columns, not the row (lines move).
struct Key {
    QString text;
    int startCol = 0;
    int endCol = 0;   // in the match's last row
    int moreRows = 0; // rows after the first the match runs on to (soft wraps)
    bool operator==(const Key &) const = default;
};

size_t qHash(const Key &k, size_t seed = 0)
{
    return qHashMulti(seed, k.text, k.startCol, k.endCol, k.moreRows);
}

// A logical line as read at a check: the rows of one soft-wrapped line (or a single row),
// their text joined, and per UTF-16 unit the cells it covers in its row.
struct LineText {
    QString text;
    QList<int> colStart;
    QList<int> colEnd;
    QList<qsizetype> rowStart; // where each row's text begins

    // Keeps the capacity (one LineText is reused for every line).
    void clear()
    {
        text.resize(0);
        colStart.resize(0);
        colEnd.resize(0);
        rowStart.resize(0);
    }
    int rowCount() const { return int(rowStart.size()); }
    // Appends a row: blanks are spaces, a double-width character is one character over two
    // columns; trailing blanks stay (inside a wrapped line they are part of it).
    void appendRow(const ScreenCell *cells, int count)
    {
        rowStart.append(text.size());
        for (int col = 0; col < count; ++col)
            append(cells[col], col);
    }
    // Drops trailing blanks (as TerminalSnapshot::textRows() does), at the end of the line.
    void trim()
    {
        qsizetype n = text.size();
        while (n > 0 && text.at(n - 1) == u' ')
            --n;
        text.truncate(n);
        colStart.resize(n);
        colEnd.resize(n);
    }
    // Rows [from, to] of the line (trimmed at its end by trim(), not at a wrap).
    QString rowsText(int from, int to) const
    {
        const qsizetype begin = rowBegin(from);
        return text.mid(begin, rowEnd(to) - begin);
    }
    // The row a unit of text is in.
    int rowOf(qsizetype unit) const
    {
        return int(std::upper_bound(rowStart.cbegin(), rowStart.cend(), unit) - rowStart.cbegin()) - 1;
    }
    qsizetype rowBegin(int row) const { return qMin(rowStart.at(row), text.size()); }
    qsizetype rowEnd(int row) const { return row + 1 < rowCount() ? rowBegin(row + 1) : text.size(); }

private:
    void append(const ScreenCell &cell, int col)
    {
        if (cell.isWideContinuation())
            return;
        const int end = col + qMax<int>(1, cell.width);
        if (cell.isBlank()) {
            add(u' ', col, end);
            return;
        }
        for (char32_t c : cell.chars) {
            if (!c)
                break;
            if (QChar::requiresSurrogates(c)) {
                add(QChar(QChar::highSurrogate(c)), col, end);
                add(QChar(QChar::lowSurrogate(c)), col, end);
            } else {
                add(QChar(char16_t(c)), col, end);
            }
        }
    }
    void add(QChar c, int start, int end)
    {
        text.append(c);
        colStart.append(start);
        colEnd.append(end);
    }
};

// The query compiled once: a QStringMatcher (plain) or a QRegularExpression.
class Matcher
{
public:
    explicit Matcher(const RecordingSearch::Query &q)
        : m_regex(q.regex)
    {
        if (m_regex) {
            m_re.setPattern(q.text);
            m_re.setPatternOptions(q.caseSensitive ? QRegularExpression::NoPatternOption
                                                   : QRegularExpression::CaseInsensitiveOption);
            m_re.optimize();
        } else {
            m_plain.setPattern(q.text);
            m_plain.setCaseSensitivity(q.caseSensitive ? Qt::CaseSensitive : Qt::CaseInsensitive);
        }
    }

    // Calls f(start, length) for each non-empty, non-overlapping match, left to right.
    template<typename F>
    void forEach(const QString &text, F &&f) const
    {
        if (text.isEmpty())
            return;
        if (!m_regex) {
            const qsizetype len = m_plain.pattern().size();
            for (qsizetype at = m_plain.indexIn(text); at >= 0; at = m_plain.indexIn(text, at + len))
                f(int(at), int(len));
            return;
        }
        QRegularExpressionMatchIterator it = m_re.globalMatch(text);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            if (m.capturedLength() > 0)
                f(int(m.capturedStart()), int(m.capturedLength()));
        }
    }

private:
    bool m_regex;
    QRegularExpression m_re;
    QStringMatcher m_plain;
};

} // namespace

struct RecordingSearch::Job {
    quint64 generation = 0;
    QString path;
    Query query;
    std::shared_ptr<std::atomic<quint64>> current;
    bool exhaustive = false;
};

// The worker: one search at a time, in the worker thread. It owns its reader and terminal and
// touches nothing of the RecordingSearch; results go out as queued signals tagged with the
// search's generation (a result of a search since replaced is dropped on arrival).
class RecordingSearch::Worker : public QObject
{
    Q_OBJECT
public:
    void run(const RecordingSearch::Job &job);

Q_SIGNALS:
    void hitsFound(quint64 generation, const QList<RecordingSearch::Hit> &hits);
    void progressed(quint64 generation, qint64 done, qint64 total);
    void finished(quint64 generation, bool limitReached);
    void failed(quint64 generation, const QString &error);
};

namespace {

// One search's state: the terminal, what the last check saw, the hits to send.
class Scan
{
public:
    Scan(const RecordingSearch::Query &query, int cols, int rows, bool exhaustive)
        : m_matcher(query)
        , m_term(cols, rows)
        , m_exhaustive(exhaustive)
    {
        m_term.setScrollbackLimit(kScrollbackCapacity);
        m_rowState.resize(size_t(m_term.rows()));
        m_cols = m_term.cols();
    }

    // Feeds one output event, checking before each clear sequence, between slices and at the end.
    void output(const CastEvent &ev, const std::atomic<quint64> &current, quint64 generation)
    {
        m_matches.clear();
        m_detector.scan(ev.data, m_matches);
        const QByteArrayView data(ev.data);
        qsizetype pos = 0;
        for (const ClearDetector::Match &m : std::as_const(m_matches)) {
            const qsizetype len = ClearDetector::sequence(m.kind).bytes.size();
            // The sequence can begin in an earlier event (it is then already fed, and its
            // effect comes with its last byte): start at pos.
            const qsizetype start = qMax(pos, m.end - len);
            if (!feedSliced(data.sliced(pos, start - pos), ev, current, generation))
                return;
            check(ev); // the screen before the clear
            m_term.feed(data.sliced(start, m.end - start));
            // ESC[3J empties the scrollback: count pushes from what is left.
            m_sbSeen = m_term.scrollbackSize();
            pos = m.end;
        }
        if (feedSliced(data.sliced(pos), ev, current, generation))
            check(ev);
    }

    void resize(const CastEvent &ev, int cols, int rows)
    {
        m_term.resize(cols, rows);
        check(ev);
    }

    bool limitReached() const { return m_total >= RecordingSearch::kMaxHits; }
    QList<RecordingSearch::Hit> takePending() { return std::exchange(m_pending, {}); }
    bool hasPending() const { return !m_pending.isEmpty(); }

private:
    // False when the search was cancelled or is full meanwhile (the rest is not fed).
    bool feedSliced(QByteArrayView bytes, const CastEvent &ev, const std::atomic<quint64> &current,
                    quint64 generation)
    {
        while (bytes.size() > RecordingSearch::kSliceBytes) {
            qsizetype n = RecordingSearch::kSliceBytes;
            // Not inside a UTF-8 character (Terminal would hold it back; harmless, but the
            // check between would see one character less).
            while (n > 1 && (static_cast<unsigned char>(bytes[n]) & 0xc0) == 0x80)
                --n;
            m_term.feed(bytes.first(n));
            check(ev);
            bytes = bytes.sliced(n);
            if (current.load(std::memory_order_relaxed) != generation || limitReached())
                return false;
        }
        if (!bytes.isEmpty())
            m_term.feed(bytes);
        return true;
    }

    // A line read at this check (a pushed scrollback line or a screen row).
    struct NewLine {
        int screenRow = -1; // -1: pushed into the scrollback
        int identity = -1;  // the old screen row it is (same place, or moved by the scroll)
        qsizetype firstMatch = 0; // its matches (those that begin in it) in m_new
    };
    struct NewMatch {
        Key key;
        int line = 0;     // into m_lines: the row it begins in
        QString lineText; // the rows it covers, joined, trailing blanks dropped
        int start = 0;    // in lineText
        int length = 0;
        bool claimed = false;
    };
    // A match visible at the last check, of a row that changed since (or of the main screen
    // coming back): it can be claimed by a match seen now.
    struct Entry {
        Key key;
        QString line;
        int oldRow = -1;
        bool claimed = false;
    };

    // Starts a logical line. When its first row continues a line not read at this check
    // (scrollback line `before` and up), up to kContextRows of those rows come first: they
    // are matched as part of the line, but a match that begins in them is not this check's.
    void beginLine(int before)
    {
        m_text.clear();
        m_contextRows = 0;
        if (before < 0 || m_term.isAltScreen())
            return;
        int from = before;
        while (before - from + 1 < kContextRows && from > 0 && m_term.isScrollbackLineContinued(from))
            --from;
        for (int i = from; i <= before; ++i) {
            m_term.readScrollbackChars(i, m_cells);
            m_text.appendRow(m_cells.constData(), int(m_cells.size()));
        }
        m_contextRows = before - from + 1;
    }

    void addScreenRow(int row, int identity)
    {
        m_term.readRowChars(row, m_cells);
        m_text.appendRow(m_cells.constData(), int(m_cells.size()));
        m_lines.append({row, identity, 0});
    }

    void addPushedLine(int index, int identity)
    {
        m_term.readScrollbackChars(index, m_cells);
        m_text.appendRow(m_cells.constData(), int(m_cells.size()));
        m_lines.append({-1, identity, 0});
    }

    // Matches the logical line read since beginLine(); each match belongs to the row it
    // begins in.
    void endLine()
    {
        const int rows = m_text.rowCount() - m_contextRows;
        if (rows <= 0)
            return;
        const int firstLine = int(m_lines.size()) - rows;
        const qsizetype before = m_new.size();
        m_text.trim();
        m_matcher.forEach(m_text.text, [&](int start, int length) {
            const int row = m_text.rowOf(start);
            if (row < m_contextRows)
                return;
            const int lastRow = m_text.rowOf(start + length - 1);
            m_new.append({Key{m_text.text.mid(start, length), m_text.colStart.at(start),
                              m_text.colEnd.at(start + length - 1), lastRow - row},
                          firstLine + row - m_contextRows, m_text.rowsText(row, lastRow),
                          int(start - m_text.rowBegin(row)), length, false});
        });
        // Each row's first match (matches come in the order they begin).
        qsizetype i = before;
        for (int line = firstLine; line < int(m_lines.size()); ++line) {
            while (i < m_new.size() && m_new.at(i).line < line)
                ++i;
            m_lines[line].firstMatch = i;
        }
    }

    void addEntry(const Key &key, const QString &line, int oldRow)
    {
        m_byKey[key].append(int(m_entries.size()));
        m_entries.append({key, line, oldRow, false});
    }

    // Claims an unclaimed entry with m's key that `accept` takes.
    template<typename F>
    void claim(NewMatch &m, F &&accept)
    {
        const auto it = m_byKey.constFind(m.key);
        if (it == m_byKey.cend())
            return;
        for (int e : it.value()) {
            Entry &entry = m_entries[e];
            if (!entry.claimed && accept(entry)) {
                entry.claimed = m.claimed = true;
                return;
            }
        }
    }

    // Compares what is visible now with the last check (see the header: the model). The
    // number of new hits is fixed by the matches (a multiset difference); which line is
    // reported as the new one comes from three rounds of claims: a match claims an old one
    // of the same row (moved by the scroll: a pushed line is the old top row), then one of a
    // line with the same text anywhere, then any with the same text and columns.
    void check(const CastEvent &ev)
    {
        const QRect damage = m_term.takeDamage();
        const int sbSize = m_term.scrollbackSize();
        const int pushes = qMax(0, sbSize - m_sbSeen);
        const bool alt = m_term.isAltScreen();
        const int rows = m_term.rows();
        const bool resized = rows != int(m_rowState.size()) || m_term.cols() != m_cols;
        const bool switched = alt != m_alt;
        if (damage.isNull() && pushes == 0 && !resized && !switched && !m_exhaustive) {
            m_sbSeen = sbSize;
            return;
        }
        if (sbSize >= kScrollbackCapacity && !m_overflowLogged) {
            m_overflowLogged = true;
            qCWarning(lcSearch) << "event" << ev.index << "scrolled more lines than the search keeps; some may be missed";
        }

        m_lines.clear();
        m_new.clear();
        m_entries.clear();
        if (!m_byKey.isEmpty())
            m_byKey.clear();

        // The rows read: those that changed (all of them after a resize; every row when
        // exhaustive, to check that Terminal's damage is enough), widened to whole soft-wrapped
        // lines (a match can run on into the next row: a change in one row changes the matches
        // of the rows its line began in) and to the top row when it continues a pushed line.
        const bool all = resized || m_exhaustive;
        const bool sameScreen = !resized && !switched;
        int first = all ? 0 : damage.isNull() ? rows : damage.top();
        int last = all ? rows - 1 : damage.isNull() ? -1 : damage.bottom();
        if (!all) {
            if (pushes > 0 && m_term.isLineContinued(0)) {
                first = 0;
                last = qMax(last, 0);
            }
            // A row that was, or is, a continuation: its line's first row is read too.
            auto continued = [&](int r) {
                return m_term.isLineContinued(r) || (sameScreen && m_rowState[size_t(r)].continued);
            };
            while (first > 0 && first <= last && continued(first))
                --first;
            while (last >= first && last + 1 < rows && m_term.isLineContinued(last + 1))
                ++last;
        }

        // The rows read give their old matches to the pool.
        const int oldRows = int(m_rowState.size());
        auto damaged = [&](int r) { return !damage.isNull() && r >= damage.top() && r <= damage.bottom(); };
        for (int r = resized ? 0 : first; r <= (resized ? oldRows - 1 : last); ++r)
            for (const auto &[k, line] : std::as_const(m_rowState[size_t(r)].matches))
                addEntry(k, line, r);
        if (switched) {
            // The main screen hides behind the alternate one and comes back unchanged: what
            // it showed then is not new when it shows again.
            if (alt) {
                m_mainStash.clear();
                for (const RowState &row : m_rowState)
                    m_mainStash += row.matches;
            } else {
                for (const auto &[k, line] : std::as_const(m_mainStash))
                    addEntry(k, line, -1);
                m_mainStash.clear();
            }
            m_alt = alt;
        }
        if (resized) {
            m_rowState.assign(size_t(rows), {});
            m_cols = m_term.cols();
        }

        // Which old row a line is: the j-th pushed line was old row j, screen row r was old
        // row r + pushes (both within the scrolled, damaged rows), an unchanged row itself.
        auto identityOf = [&](int oldRow) { return sameScreen && oldRow < rows && damaged(oldRow) ? oldRow : -1; };
        // Read in order, as logical lines: pushed lines (oldest first), then the screen rows.
        bool open = false;
        for (int i = sbSize - pushes; i < sbSize; ++i) {
            if (!open || !m_term.isScrollbackLineContinued(i)) {
                if (open)
                    endLine();
                beginLine(m_term.isScrollbackLineContinued(i) ? i - 1 : -1);
                open = true;
            }
            addPushedLine(i, identityOf(i - (sbSize - pushes)));
        }
        for (int r = first; r <= last; ++r) {
            const bool continued = m_term.isLineContinued(r);
            const bool afterRead = r > first || (r == 0 && pushes > 0); // the line above was read
            if (!open || !continued || !afterRead) {
                if (open)
                    endLine();
                beginLine(continued && r == 0 && pushes == 0 ? sbSize - 1 : -1);
                open = true;
            }
            addScreenRow(r, sameScreen && !damaged(r) ? r : identityOf(r + pushes));
        }
        if (open)
            endLine();

        for (NewMatch &m : m_new)
            if (const int id = m_lines.at(m.line).identity; id >= 0)
                claim(m, [id](const Entry &e) { return e.oldRow == id; });
        for (NewMatch &m : m_new)
            if (!m.claimed)
                claim(m, [&](const Entry &e) { return e.line == m.lineText; });
        for (NewMatch &m : m_new)
            if (!m.claimed)
                claim(m, [](const Entry &) { return true; });

        for (const NewMatch &m : std::as_const(m_new)) {
            if (m.claimed || limitReached())
                continue;
            RecordingSearch::Hit hit;
            hit.timeUs = ev.timeUs;
            hit.eventIndex = ev.index;
            hit.row = m_lines.at(m.line).screenRow;
            hit.rowCount = 1 + m.key.moreRows;
            hit.startCol = m.key.startCol;
            hit.endCol = m.key.endCol;
            hit.lineText = m.lineText;
            hit.matchStart = m.start;
            hit.matchLength = m.length;
            m_pending.append(hit);
            ++m_total;
        }

        // What the screen rows hold now.
        for (int li = 0; li < int(m_lines.size()); ++li) {
            const NewLine &line = m_lines.at(li);
            if (line.screenRow < 0)
                continue;
            RowState &state = m_rowState[size_t(line.screenRow)];
            state.matches.clear();
            state.continued = m_term.isLineContinued(line.screenRow);
            for (qsizetype i = line.firstMatch; i < m_new.size() && m_new.at(i).line == li; ++i)
                state.matches.append({m_new.at(i).key, m_new.at(i).lineText});
        }

        m_sbSeen = sbSize;
        if (sbSize > kTrimAt) {
            m_term.setScrollbackLimit(kKeepLines);
            m_term.setScrollbackLimit(kScrollbackCapacity);
            m_sbSeen = m_term.scrollbackSize();
        }
    }

    Matcher m_matcher;
    Terminal m_term;
    bool m_exhaustive = false;
    ClearDetector m_detector;
    QList<ClearDetector::Match> m_matches;
    int m_cols = 0;
    int m_sbSeen = 0;
    bool m_alt = false;
    bool m_overflowLogged = false;
    struct RowState {
        QList<std::pair<Key, QString>> matches; // the matches that begin in it, with their text
        bool continued = false;                 // it continued the row above
    };
    std::vector<RowState> m_rowState;                // per screen row, at the last check
    QList<std::pair<Key, QString>> m_mainStash;      // the main screen's matches while the alternate one shows
    // This check's lines, their matches, and the old matches they can claim.
    QList<NewLine> m_lines;
    QList<NewMatch> m_new;
    QList<Entry> m_entries;
    QHash<Key, QList<int>> m_byKey;
    // The logical line being read, and how many rows at its front are context.
    LineText m_text;
    int m_contextRows = 0;
    QList<ScreenCell> m_cells;
    QList<RecordingSearch::Hit> m_pending;
    int m_total = 0;
};

} // namespace

void RecordingSearch::Worker::run(const RecordingSearch::Job &job)
{
    const quint64 gen = job.generation;
    const std::atomic<quint64> &current = *job.current;
    auto cancelled = [&] { return current.load(std::memory_order_relaxed) != gen; };
    if (cancelled())
        return;

    CastReader reader;
    reader.setMode(CastReader::Mode::Lenient);
    if (!reader.open(job.path)) {
        Q_EMIT failed(gen, reader.errorString());
        return;
    }
    const qint64 total = reader.fileSize();
    Scan scan(job.query, reader.header().width, reader.header().height, job.exhaustive);
    QElapsedTimer clock;
    clock.start();
    qint64 lastReport = -RecordingSearch::kBatchMs;
    bool sentAny = false;
    auto report = [&](bool force) {
        const qint64 now = clock.elapsed();
        const bool firstHit = !sentAny && scan.hasPending();
        if (!force && !firstHit && now - lastReport < RecordingSearch::kBatchMs)
            return;
        lastReport = now;
        if (scan.hasPending()) {
            sentAny = true;
            Q_EMIT hitsFound(gen, scan.takePending());
        }
        Q_EMIT progressed(gen, reader.position().offset, total);
    };

    CastEvent ev;
    int sinceClock = 0;
    while (!scan.limitReached() && reader.readNext(ev)) {
        if (cancelled())
            return;
        switch (ev.type()) {
        case CastEvent::Type::Output:
            scan.output(ev, current, gen);
            break;
        case CastEvent::Type::Resize: {
            int cols = 0, rows = 0;
            if (ev.resizeSize(cols, rows))
                scan.resize(ev, cols, rows);
            break;
        }
        default:
            break;
        }
        // The clock every 64 events, and whenever there is a first hit to send.
        if (++sinceClock >= 64 || (!sentAny && scan.hasPending())) {
            sinceClock = 0;
            report(false);
        }
    }
    if (cancelled())
        return;
    if (reader.hasError()) {
        report(true);
        Q_EMIT failed(gen, reader.errorString());
        return;
    }
    report(true);
    if (!scan.limitReached())
        Q_EMIT progressed(gen, total, total);
    Q_EMIT finished(gen, scan.limitReached());
}

// --- RecordingSearch -------------------------------------------------------------------------

RecordingSearch::RecordingSearch(QObject *parent)
    : QObject(parent)
    , m_generation(std::make_shared<std::atomic<quint64>>(0))
{
}

RecordingSearch::~RecordingSearch()
{
    m_generation->fetch_add(1);
    if (m_thread) {
        m_thread->quit();
        m_thread->wait();
    }
}

void RecordingSearch::ensureThread()
{
    if (m_thread)
        return;
    m_thread = new QThread(this);
    m_thread->setObjectName(u"castdeck-search"_s);
    m_worker = new Worker;
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    // Queued (the worker emits from its thread): handled here, in this object's thread, where
    // a result of a replaced search is recognised by its generation and dropped.
    connect(m_worker, &Worker::hitsFound, this, &RecordingSearch::onHits, Qt::QueuedConnection);
    connect(m_worker, &Worker::progressed, this, &RecordingSearch::onProgress, Qt::QueuedConnection);
    connect(m_worker, &Worker::finished, this, &RecordingSearch::onFinished, Qt::QueuedConnection);
    connect(m_worker, &Worker::failed, this, &RecordingSearch::onFailed, Qt::QueuedConnection);
    m_thread->start(QThread::LowPriority);
}

QString RecordingSearch::validate(const Query &query)
{
    if (!query.regex)
        return {};
    const QRegularExpression re(query.text);
    if (re.isValid())
        return {};
    return tr("Invalid regular expression at character %1: %2").arg(re.patternErrorOffset() + 1).arg(re.errorString());
}

QString RecordingSearch::textOf(const QList<QList<ScreenCell>> &rows, bool lineEnds)
{
    LineText text;
    for (const QList<ScreenCell> &row : rows)
        text.appendRow(row.constData(), int(row.size()));
    if (lineEnds)
        text.trim();
    return text.text;
}

bool RecordingSearch::start(const QString &path, const Query &query)
{
    cancel();
    m_path = path;
    m_query = query;
    m_hits.clear();
    m_limitReached = false;
    m_finishedOk = false;
    m_error.clear();
    m_done = m_total = 0;
    if (query.text.isEmpty()) {
        m_finishedOk = true;
        return true;
    }
    m_error = validate(query);
    if (!m_error.isEmpty()) {
        Q_EMIT failed(m_error);
        return false;
    }
    ensureThread();
    Job job{m_generation->fetch_add(1) + 1, path, query, m_generation, m_exhaustive};
    m_running = true;
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, job] { worker->run(job); }, Qt::QueuedConnection);
    Q_EMIT started();
    return true;
}

void RecordingSearch::cancel()
{
    m_generation->fetch_add(1);
    m_running = false;
}

void RecordingSearch::clear()
{
    cancel();
    m_path.clear();
    m_query = Query();
    m_hits.clear();
    m_limitReached = false;
    m_finishedOk = false;
    m_error.clear();
    m_done = m_total = 0;
}

void RecordingSearch::onHits(quint64 generation, const QList<Hit> &hits)
{
    if (generation != m_generation->load() || !m_running)
        return;
    m_hits += hits;
    Q_EMIT hitsFound(hits);
}

void RecordingSearch::onProgress(quint64 generation, qint64 done, qint64 total)
{
    if (generation != m_generation->load() || !m_running)
        return;
    m_done = done;
    m_total = total;
    Q_EMIT progress(done, total);
}

void RecordingSearch::onFinished(quint64 generation, bool limitReached)
{
    if (generation != m_generation->load() || !m_running)
        return;
    m_running = false;
    m_finishedOk = true;
    m_limitReached = limitReached;
    Q_EMIT finished(int(m_hits.size()));
}

void RecordingSearch::onFailed(quint64 generation, const QString &error)
{
    if (generation != m_generation->load() || !m_running)
        return;
    m_running = false;
    m_error = error;
    Q_EMIT failed(error);
}

bool RecordingSearch::waitForFinished(int msecs)
{
    if (m_running) {
        QEventLoop loop;
        QTimer timer;
        timer.setSingleShot(true);
        connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
        connect(this, &RecordingSearch::finished, &loop, &QEventLoop::quit);
        connect(this, &RecordingSearch::failed, &loop, &QEventLoop::quit);
        if (msecs >= 0)
            timer.start(msecs);
        if (m_running)
            loop.exec();
    }
    return !m_running && m_finishedOk;
}

#include "RecordingSearch.moc"
