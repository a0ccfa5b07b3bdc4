// bench_terminal_cat: issue 4's speed target, measured: "`cat` of a 100 MB file inside the
// terminal finishes within 1.5x the time the same `cat` takes into a bare pty drained to
// /dev/null, with the window staying responsive."
//
//   bench_terminal_cat [FILE] [--size MB] [--runs N] [--cols C] [--rows R] [--no-ingest]
//                      [--terminal-only]
//
// Without FILE, a colour-heavy text file of --size MB (default 100: OutputGenerator's coloured
// ls/compiler/log lines, 16/256/truecolor SGR, CJK, emoji, progress bars; no clears; the same
// file bench_pty uses) is generated once in /tmp and reused. Runs alternate (baseline,
// terminal, baseline, ...; default 3 each) and medians are reported: the machine is shared.
//
//   baseline   BarePtyCat: forkpty() + read(2) of `cat FILE` into nothing; no Qt.
//   terminal   what a CastDeck tab does: TerminalSession (PtySession -> Terminal::feed) under a
//              shown TerminalView of C x R cells (default 120x40; it repaints at most once per
//              16 ms frame), the GUI event loop running. Wall time from start() to finished()
//              (cat exited and every byte went through Terminal::feed), and to the view's
//              last paint after that.
//   responsiveness   the gaps between ticks of a 16 ms timer (Qt::PreciseTimer) on the GUI
//              thread during the terminal run: p50, p99, max, and how many exceed 50 / 100 ms.
// Where the terminal run's time goes, from the same run: the GUI thread's CPU time (busy
// share of the wall time), the view's paints (count, CPU total, longest), the chunks the
// pty delivered (count, average size). Then, once (--no-ingest skips it), `Terminal` alone
// feeding the same bytes from memory in 64 KB chunks (no pty, no view, no event loop): the
// model's ceiling, the part of the terminal run no pty or widget work can win back.
// --terminal-only: the terminal runs alone, no baseline and no ingest (for a profiler).
//
// Needs a QPA platform: QT_QPA_PLATFORM=offscreen is used when none is set.
#include "BarePtyCat.h"
#include "TerminalView.h"
#include "session/TerminalSession.h"
#include "terminal/Terminal.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QGuiApplication>
#include <QStringList>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace Qt::StringLiterals;

namespace {

qint64 threadCpuNs()
{
    timespec ts {};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

double seconds(qint64 ns)
{
    return double(ns) / 1e9;
}

double ms(qint64 ns)
{
    return double(ns) / 1e6;
}

double mbps(qint64 bytes, qint64 ns)
{
    return ns > 0 ? double(bytes) / (1024.0 * 1024.0) / seconds(ns) : 0;
}

template<typename T>
T median(QList<T> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? T() : v.at(v.size() / 2);
}

// The value below which a share p of the sorted values lies (nearest rank).
qint64 percentile(QList<qint64> v, double p)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(std::min(v.size() - 1, qsizetype(p * double(v.size() - 1) + 0.5)));
}

// A TerminalView that times its own paints (the viewport's paint events) in this thread's
// CPU time, and notes when the last one ended on the run's clock.
class TimedView : public TerminalView
{
public:
    TimedView(Terminal *terminal, const QElapsedTimer *clock)
        : TerminalView(terminal)
        , m_clock(clock)
    {
    }
    int paints = 0;
    qint64 paintCpuNs = 0;
    qint64 longestPaintNs = 0;
    qint64 lastPaintEndNs = -1; // on the run's clock; -1 before it started

protected:
    void paintEvent(QPaintEvent *event) override
    {
        const qint64 start = threadCpuNs();
        TerminalView::paintEvent(event);
        const qint64 cpu = threadCpuNs() - start;
        ++paints;
        paintCpuNs += cpu;
        longestPaintNs = std::max(longestPaintNs, cpu);
        if (m_clock->isValid())
            lastPaintEndNs = m_clock->nsecsElapsed();
    }

private:
    const QElapsedTimer *m_clock;
};

// Runs the event loop until `done` says so or timeoutMs passed; false on the timeout.
template<typename Pred>
bool waitUntil(Pred done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 10);
    }
    return true;
}

struct TerminalRun {
    bool ok = false;
    qint64 bytes = 0;         // received from the pty and fed to the Terminal
    qint64 chunks = 0;        // receivedOutput() signals
    qint64 ns = 0;            // start() -> finished()
    qint64 lastPaintNs = 0;   // start() -> the end of the last paint after finished()
    qint64 guiCpuNs = 0;      // the GUI thread's CPU time, start() -> finished()
    int paints = 0;
    qint64 paintCpuNs = 0;
    qint64 longestPaintNs = 0;
    QList<qint64> gaps;       // between 16 ms timer ticks
    int exitCode = -1;
    QSize grid;
    int scrollback = 0;
};

TerminalRun runTerminal(const QString &filePath, int cols, int rows)
{
    TerminalRun r;
    QElapsedTimer clock;
    TerminalSession session;
    session.setProgram(u"cat"_s, {filePath});
    TimedView view(session.terminal(), &clock);
    QObject::connect(&view, &TerminalView::terminalSizeChanged, &session, &TerminalSession::resize);
    view.resize(view.sizeHintForTerminal(cols, rows));
    view.show();
    // The window exposed and painted once, its grid announced: nothing of the setup is timed.
    if (!waitUntil([&] { return view.paints > 0; }, 5000)) {
        std::fprintf(stderr, "the view was never painted (QPA platform %s)\n",
                     qPrintable(QGuiApplication::platformName()));
        return r;
    }
    r.grid = view.gridSize();
    r.scrollback = session.terminal()->scrollbackLimit();

    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(16);
    qint64 lastTick = 0;
    QObject::connect(&tick, &QTimer::timeout, &tick, [&] {
        const qint64 now = clock.nsecsElapsed();
        r.gaps.append(now - lastTick);
        lastTick = now;
    });
    QObject::connect(&session, &TerminalSession::receivedOutput, &session, [&r](const QByteArray &bytes) {
        r.bytes += bytes.size();
        ++r.chunks;
    });
    bool finished = false;
    qint64 cpuStart = 0;
    QObject::connect(&session, &TerminalSession::finished, &session, [&](PtyExitStatus status) {
        r.ns = clock.nsecsElapsed();
        r.guiCpuNs = threadCpuNs() - cpuStart;
        r.exitCode = status.signal ? 128 + status.signal : status.exitCode;
        tick.stop();
        finished = true;
    });
    const int paintsBefore = view.paints;
    const qint64 paintCpuBefore = view.paintCpuNs;
    view.longestPaintNs = 0;
    cpuStart = threadCpuNs();
    clock.start();
    tick.start();
    if (!session.start(r.grid.width(), r.grid.height())) {
        std::fprintf(stderr, "cannot start cat: %s\n", qPrintable(session.errorString()));
        return r;
    }
    if (!waitUntil([&] { return finished; }, 30 * 60 * 1000)) {
        std::fprintf(stderr, "cat did not finish within 30 minutes\n");
        return r;
    }
    // The damage of the last feed is painted within a frame.
    waitUntil([&] { return view.lastPaintEndNs > r.ns; }, 10 * TerminalView::kFrameMs);
    r.lastPaintNs = std::max(r.ns, view.lastPaintEndNs);
    r.paints = view.paints - paintsBefore;
    r.paintCpuNs = view.paintCpuNs - paintCpuBefore;
    r.longestPaintNs = view.longestPaintNs;
    r.ok = true;
    return r;
}

// Terminal alone, from memory: the bytes as the cooked pty delivers them ("\n" -> "\r\n").
qint64 runIngest(const QString &filePath, int cols, int rows, qint64 *bytesOut)
{
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    QByteArray data = file.readAll();
    data.replace("\n", "\r\n");
    *bytesOut = data.size();
    Terminal terminal(cols, rows);
    constexpr qsizetype kChunk = 64 * 1024;
    const qint64 start = threadCpuNs();
    for (qsizetype pos = 0; pos < data.size(); pos += kChunk) {
        terminal.feed(QByteArrayView(data).sliced(pos, std::min(kChunk, data.size() - pos)));
        (void)terminal.takeDamage();
    }
    return threadCpuNs() - start;
}

} // namespace

int main(int argc, char **argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStringList args = app.arguments();
    const QString commandLine = args.join(u' ');
    args.removeFirst();
    int runs = 3;
    qint64 sizeMb = 100;
    int cols = 120;
    int rows = 40;
    bool ingest = true;
    bool terminalOnly = false;
    QString filePath;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        const bool hasValue = i + 1 < args.size();
        if (a == u"--runs"_s && hasValue)
            runs = std::max(1, args.at(++i).toInt());
        else if (a == u"--size"_s && hasValue)
            sizeMb = std::max<qint64>(1, args.at(++i).toLongLong());
        else if (a == u"--cols"_s && hasValue)
            cols = std::clamp(args.at(++i).toInt(), 2, 1000);
        else if (a == u"--rows"_s && hasValue)
            rows = std::clamp(args.at(++i).toInt(), 2, 1000);
        else if (a == u"--no-ingest"_s)
            ingest = false;
        else if (a == u"--terminal-only"_s) {
            terminalOnly = true;
            ingest = false;
        }
        else if (a.startsWith(u"--"_s)) {
            std::fprintf(stderr,
                         "usage: bench_terminal_cat [FILE] [--size MB] [--runs N] [--cols C] [--rows R] "
                         "[--no-ingest] [--terminal-only]\nunknown or incomplete option: %s\n",
                         qPrintable(a));
            return 2;
        } else
            filePath = a;
    }
    // The file bench_pty uses (no clears: a clear would only make the terminal's work lighter).
    const qint64 fileSize = BarePtyCat::prepareFile(filePath, sizeMb, commandLine);
    if (fileSize <= 0)
        return 1;
    std::printf("view:    TerminalView asked for %dx%d cells, QPA platform %s\n", cols, rows,
                qPrintable(QGuiApplication::platformName()));
    std::printf("%d runs each, alternating; time = wall time from spawn to the exit with every byte read "
                "(terminal: fed to the Terminal)\n",
                runs);
    std::fflush(stdout);

    const QByteArray nativePath = QFile::encodeName(filePath);
    if (!terminalOnly)
        BarePtyCat::run(nativePath); // warm the page cache
    QList<qint64> baseNs, termNs, paintedNs, guiCpus, p99s, maxGaps;
    QList<qint64> allGaps;
    QSize grid(cols, rows);
    for (int i = 0; i < runs; ++i) {
        if (!terminalOnly) {
            const BarePtyCat b = BarePtyCat::run(nativePath);
            baseNs.append(b.ns);
            std::printf("  baseline  %7.3f s  %7.1f MB/s  %lld B received  %lld reads (avg %lld B)\n",
                        seconds(b.ns), mbps(fileSize, b.ns), qlonglong(b.bytes), qlonglong(b.reads),
                        qlonglong(b.reads ? b.bytes / b.reads : 0));
            std::fflush(stdout);
        }

        const TerminalRun t = runTerminal(filePath, cols, rows);
        if (!t.ok)
            return 1;
        grid = t.grid;
        termNs.append(t.ns);
        paintedNs.append(t.lastPaintNs);
        guiCpus.append(t.guiCpuNs);
        const qint64 p99 = percentile(t.gaps, 0.99);
        const qint64 maxGap = t.gaps.isEmpty() ? 0 : *std::max_element(t.gaps.cbegin(), t.gaps.cend());
        p99s.append(p99);
        maxGaps.append(maxGap);
        allGaps += t.gaps;
        const auto over = [&t](qint64 limitNs) {
            return std::count_if(t.gaps.cbegin(), t.gaps.cend(), [limitNs](qint64 g) { return g > limitNs; });
        };
        std::printf("  terminal  %7.3f s  %7.1f MB/s  (last paint %.3f s)  %lld B received in %lld chunks (avg "
                    "%lld B), %dx%d, scrollback %d, exit %d\n",
                    seconds(t.ns), mbps(fileSize, t.ns), seconds(t.lastPaintNs), qlonglong(t.bytes),
                    qlonglong(t.chunks), qlonglong(t.chunks ? t.bytes / t.chunks : 0), t.grid.width(),
                    t.grid.height(), t.scrollback, t.exitCode);
        std::printf("            GUI thread CPU %.3f s (%.0f%% of the wall time); %d paints, %.3f s CPU (%.0f%%), "
                    "longest %.1f ms\n",
                    seconds(t.guiCpuNs), 100.0 * double(t.guiCpuNs) / double(t.ns), t.paints,
                    seconds(t.paintCpuNs), 100.0 * double(t.paintCpuNs) / double(t.ns), ms(t.longestPaintNs));
        std::printf("            16 ms timer: %lld ticks, gap p50 %.1f ms, p99 %.1f ms, max %.1f ms; %lld gaps > 50 "
                    "ms, %lld > 100 ms\n",
                    qlonglong(t.gaps.size()), ms(percentile(t.gaps, 0.5)), ms(p99), ms(maxGap),
                    qlonglong(over(50'000'000)), qlonglong(over(100'000'000)));
        std::fflush(stdout);
    }

    const qint64 b = median(baseNs);
    const qint64 t = median(termNs);
    if (!terminalOnly)
        std::printf("baseline  median %.3f s (%.1f MB/s)\n", seconds(b), mbps(fileSize, b));
    std::printf("terminal  median %.3f s (%.1f MB/s), to the last paint %.3f s; GUI thread CPU median %.3f s (the "
                "run's floor where nothing else competes for the cores)\n",
                seconds(t), mbps(fileSize, t), seconds(median(paintedNs)), seconds(median(guiCpus)));
    if (!terminalOnly)
        std::printf("ratio terminal / baseline: %.2f (target <= 1.5: %s)\n", b > 0 ? double(t) / double(b) : 0.0,
                    b > 0 && double(t) <= 1.5 * double(b) ? "met" : "NOT met");
    std::printf("responsiveness (16 ms timer on the GUI thread, all runs): gap p50 %.1f ms, p99 %.1f ms, max %.1f "
                "ms; median over runs of p99 %.1f ms and of max %.1f ms\n",
                ms(percentile(allGaps, 0.5)), ms(percentile(allGaps, 0.99)),
                ms(allGaps.isEmpty() ? 0 : *std::max_element(allGaps.cbegin(), allGaps.cend())), ms(median(p99s)),
                ms(median(maxGaps)));
    std::fflush(stdout);

    if (ingest) {
        qint64 bytes = 0;
        const qint64 ns = runIngest(filePath, grid.width(), grid.height(), &bytes);
        std::printf("Terminal alone (from memory, 64 KB chunks, %dx%d, CPU time): %.3f s, %.1f MB/s of file bytes "
                    "(%lld B fed); ratio to the baseline %.2f, share of the terminal run's GUI thread CPU %.0f%%\n",
                    grid.width(), grid.height(), seconds(ns), mbps(fileSize, ns), qlonglong(bytes),
                    b > 0 ? double(ns) / double(b) : 0.0,
                    median(guiCpus) > 0 ? 100.0 * double(ns) / double(median(guiCpus)) : 0.0);
        std::fflush(stdout);
    }
    return 0;
}
