// bench_terminal: how fast Terminal ingests colour-heavy output, next to raw libvterm.
//
//   bench_terminal [MB] [COLS ROWS]     (defaults: 50 MB at 120x40)
//
// The output is OutputGenerator's (ls-like and compiler/log lines with 16/256/truecolor SGR,
// CJK and emoji, progress bars redrawn with CR; every line feed scrolls), fed in 16 KB
// chunks. Baseline: the same bytes into a bare VTerm + VTermScreen (UTF-8, alternate screen,
// reflow, scroll damage merging) with no callbacks at all: no scrollback, no damage, nothing
// read back. The ceiling of anything built on libvterm's parser: its state layer alone with
// callbacks that do nothing. Each figure is the best of three runs (the machine is shared). Also: the cost of
// statePreamble() and snapshot() on a full colourful screen, and scrollback memory.
#include "OutputGenerator.h"
#include "terminal/SequenceTracker.h"
#include "terminal/Terminal.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <vterm.h>

#include <cstdio>

namespace {
constexpr qsizetype kChunk = 16 * 1024;

double mbPerSecond(qsizetype bytes, qint64 ns)
{
    return double(bytes) / (1024.0 * 1024.0) / (double(ns) / 1e9);
}

qint64 runTerminal(const QByteArray &data, int cols, int rows, int scrollback, int *linesOut = nullptr)
{
    Terminal t(cols, rows);
    t.setScrollbackLimit(scrollback);
    QElapsedTimer timer;
    timer.start();
    for (qsizetype pos = 0; pos < data.size(); pos += kChunk) {
        t.feed(QByteArrayView(data).sliced(pos, qMin(kChunk, data.size() - pos)));
        (void)t.takeDamage();
    }
    const qint64 ns = timer.nsecsElapsed();
    if (linesOut)
        *linesOut = t.scrollbackSize();
    return ns;
}

// The part of the cost that is libvterm producing scrollback lines: a push callback that does
// nothing (libvterm reads every cell of a line before calling it).
int ignorePush(int, const VTermScreenCell *, void *)
{
    return 1;
}

// Feeds `data` into `vt` in kChunk pieces; the time it took. Frees `vt`.
qint64 feedTimed(VTerm *vt, const QByteArray &data)
{
    QElapsedTimer timer;
    timer.start();
    for (qsizetype pos = 0; pos < data.size(); pos += kChunk)
        vterm_input_write(vt, data.constData() + pos, size_t(qMin(kChunk, data.size() - pos)));
    const qint64 ns = timer.nsecsElapsed();
    vterm_free(vt);
    return ns;
}

// Raw libvterm with the same screen setup as Terminal; `callbacks` null for none at all.
qint64 runRaw(const QByteArray &data, int cols, int rows, const VTermScreenCallbacks *callbacks = nullptr)
{
    VTerm *vt = vterm_new(rows, cols);
    vterm_set_utf8(vt, 1);
    VTermScreen *screen = vterm_obtain_screen(vt);
    if (callbacks)
        vterm_screen_set_callbacks(screen, callbacks, nullptr);
    vterm_screen_enable_altscreen(screen, 1);
    vterm_screen_enable_reflow(screen, true);
    vterm_screen_set_damage_merge(screen, VTERM_DAMAGE_SCROLL);
    vterm_screen_reset(screen, 1);
    return feedTimed(vt, data);
}

// libvterm's parser and state layer alone, without its screen layer: callbacks that take the
// glyphs, cursor moves, scrolls, erases and pen changes and do nothing with them. What any
// terminal built on libvterm's parser costs at the least.
int noGlyph(VTermGlyphInfo *, VTermPos, void *)
{
    return 1;
}
int noMove(VTermPos, VTermPos, int, void *)
{
    return 1;
}
int noScroll(VTermRect, int, int, void *)
{
    return 1;
}
int noErase(VTermRect, int, void *)
{
    return 1;
}
int noPen(VTermAttr, VTermValue *, void *)
{
    return 1;
}

qint64 runStateOnly(const QByteArray &data, int cols, int rows)
{
    VTerm *vt = vterm_new(rows, cols);
    vterm_set_utf8(vt, 1);
    VTermState *state = vterm_obtain_state(vt);
    VTermStateCallbacks callbacks{};
    callbacks.putglyph = noGlyph;
    callbacks.movecursor = noMove;
    callbacks.scrollrect = noScroll;
    callbacks.erase = noErase;
    callbacks.setpenattr = noPen;
    vterm_state_set_callbacks(state, &callbacks, nullptr);
    vterm_state_reset(state, 1);
    return feedTimed(vt, data);
}

const VTermScreenCallbacks kPushOnly = {nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, &ignorePush, nullptr, nullptr};

qint64 runTracker(const QByteArray &data)
{
    SequenceTracker tracker;
    SequenceTracker::Result result;
    QElapsedTimer timer;
    timer.start();
    for (qsizetype pos = 0; pos < data.size(); pos += kChunk) {
        QByteArray held = tracker.takeHeldBytes();
        held += QByteArrayView(data).sliced(pos, qMin(kChunk, data.size() - pos));
        tracker.scan(held, result);
    }
    return timer.nsecsElapsed();
}

template<typename F>
qint64 best(int runs, F f)
{
    qint64 b = -1;
    for (int i = 0; i < runs; ++i) {
        const qint64 ns = f();
        if (b < 0 || ns < b)
            b = ns;
    }
    return b;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int mb = argc > 1 ? atoi(argv[1]) : 50;
    const int cols = argc > 3 ? atoi(argv[2]) : 120;
    const int rows = argc > 3 ? atoi(argv[3]) : 40;

    QByteArray data;
    data.reserve(qsizetype(mb) << 20);
    OutputGenerator gen(42);
    gen.append(data, qsizetype(mb) << 20);
    std::printf("input: %.1f MB of generated colourful output, %lld lines, %dx%d, %lld KB chunks\n",
                double(data.size()) / 1048576.0, (long long)data.count('\n'), cols, rows, (long long)(kChunk / 1024));

    const qint64 raw = best(3, [&] { return runRaw(data, cols, rows); });
    int lines = 0;
    const qint64 term = best(3, [&] { return runTerminal(data, cols, rows, Terminal::kDefaultScrollbackLimit, &lines); });
    const qint64 noSb = best(3, [&] { return runTerminal(data, cols, rows, 0); });
    std::printf("raw libvterm (no callbacks):          %7.1f MB/s\n", mbPerSecond(data.size(), raw));
    std::printf("Terminal (10,000 lines scrollback):    %7.1f MB/s  (%.0f%% of raw)\n", mbPerSecond(data.size(), term),
                100.0 * double(raw) / double(term));
    std::printf("Terminal (scrollback off):             %7.1f MB/s  (%.0f%% of raw)\n", mbPerSecond(data.size(), noSb),
                100.0 * double(raw) / double(noSb));
    const qint64 push = best(3, [&] { return runRaw(data, cols, rows, &kPushOnly); });
    const qint64 stateOnly = best(3, [&] { return runStateOnly(data, cols, rows); });
    const qint64 scan = best(3, [&] { return runTracker(data); });
    std::printf("  of which: libvterm reading lines for scrollback: raw + empty push callback %7.1f MB/s\n",
                mbPerSecond(data.size(), push));
    std::printf("  of which: SequenceTracker::scan() alone          %7.1f MB/s\n", mbPerSecond(data.size(), scan));
    std::printf("  ceiling: libvterm's parser + state layer, no screen layer, no-op callbacks %7.1f MB/s\n",
                mbPerSecond(data.size(), stateOnly));

    // A full, colourful screen: the last screen of the run above, plus the alternate screen.
    Terminal t(cols, rows);
    t.feed(QByteArrayView(data).last(qMin<qsizetype>(data.size(), 256 * 1024)));
    t.feed("\x1b[?1049h");
    t.feed(QByteArrayView(data).first(qMin<qsizetype>(data.size(), 64 * 1024)));
    QByteArray preamble;
    QElapsedTimer timer;
    timer.start();
    const int reps = 200;
    for (int i = 0; i < reps; ++i)
        preamble = t.statePreamble();
    const double preambleUs = double(timer.nsecsElapsed()) / reps / 1000.0;
    timer.restart();
    for (int i = 0; i < reps; ++i)
        (void)t.snapshot();
    const double snapshotUs = double(timer.nsecsElapsed()) / reps / 1000.0;
    Terminal b(cols, rows);
    timer.restart();
    b.feed(preamble);
    const double replayUs = double(timer.nsecsElapsed()) / 1000.0;
    std::printf("statePreamble() of a full main + alternate screen: %.0f us, %lld bytes (replayed in %.0f us, %s)\n",
                preambleUs, (long long)preamble.size(), replayUs, b.snapshot() == t.snapshot() ? "identical" : "DIFFERENT");
    std::printf("snapshot(): %.0f us\n", snapshotUs);

    // Scrollback memory: what the packed lines take, against a ScreenCell per column.
    Terminal s(cols, rows);
    s.feed(QByteArrayView(data).first(qMin<qsizetype>(data.size(), 8 << 20)));
    std::printf("scrollback: %d lines kept of %lld scrolled; %d lines take %.1f MB (%.0f bytes per line, "
                "%zu bytes per ScreenCell)\n",
                lines, (long long)data.count('\n'), s.scrollbackSize(), double(s.scrollbackMemory()) / 1048576.0,
                double(s.scrollbackMemory()) / qMax(1, s.scrollbackSize()), sizeof(ScreenCell));
    return 0;
}
