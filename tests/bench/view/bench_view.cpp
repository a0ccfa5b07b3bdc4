// bench_view: how long TerminalPainter takes to repaint a whole colourful screen, next to
// the plainest drawing of the same amount of text.
//
//   bench_view [FRAMES] [COLS ROWS] [--png FILE] [--screen KIND]   (defaults: 300 frames of 200x60)
//
// --png writes the dpr 1 frame. --screen colourful (default) or, to see what each kind of
// cell costs alone, a screen full of one character: plain (x), box (┼), emoji, cjk.
// The colourful screen: every row full, in runs of 2-12 characters with their own SGR (16-colour,
// 256-colour and truecolor foregrounds and backgrounds, bold, italic, underline), some CJK and
// emoji (double width), and box-drawing lines, as TUI programs (htop, mc, tmux) draw them.
// Each frame: QPainter on an ARGB32_Premultiplied QImage, TerminalPainter::paint() of the
// whole screen (what a TerminalView does when everything changed), at dpr 1 and 2. Median and
// 95th percentile of FRAMES frames after 20 warm-up frames, in this thread's CPU time (the
// machine is shared; wall-clock figures are printed beside them).
// TerminalPainter blends most cells straight into a QImage (GlyphMasks); the same frame with
// every cell through QPainter is measured beside it.
// Baseline, in the same run and image: fill + one drawText per row of the same number of
// plain ASCII characters in one colour. Also: reading the cells alone (TerminalLines::read),
// the part of a frame that is the model, not the painting.
#include "TerminalLines.h"
#include "TerminalPainter.h"
#include "terminal/Terminal.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QHash>
#include <QPainter>
#include <QRandomGenerator>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

using namespace Qt::StringLiterals;

namespace {
constexpr int kWarmup = 20;

QByteArray colourfulScreen(int cols, int rows)
{
    QRandomGenerator rng(7);
    static const char *const kWords[] = {"src/", "main.cpp", "ERROR", "ok", "build", "-rw-r--r--", "1024",
                                         "user", "12:34", "[=====>", "42%", "tmux", "htop", "λ", "→", "ß"};
    static const char *const kWide[] = {"中", "文", "字", "😀", "🚀", "テ", "한"};
    QByteArray out = "\x1b[H\x1b[2J";
    for (int r = 0; r < rows; ++r) {
        out += "\x1b[" + QByteArray::number(r + 1) + ";1H";
        int col = 0;
        if (r % 10 == 0 || r % 10 == 9) {
            // A box-drawing frame line, as a TUI draws its panels.
            out += "\x1b[0;38;5;" + QByteArray::number(rng.bounded(16, 232)) + "m";
            out += r % 10 == 0 ? "┌" : "└";
            for (col = 1; col < cols - 1; ++col)
                out += col % 40 == 0 ? (r % 10 == 0 ? "┬" : "┴") : "─";
            out += r % 10 == 0 ? "┐" : "┘";
            continue;
        }
        while (col < cols) {
            // A run with its own attributes.
            QByteArray sgr = "\x1b[0";
            switch (rng.bounded(3)) {
            case 0: sgr += ";" + QByteArray::number(30 + rng.bounded(8) + (rng.bounded(2) ? 60 : 0)); break;
            case 1: sgr += ";38;5;" + QByteArray::number(rng.bounded(256)); break;
            default:
                sgr += ";38;2;" + QByteArray::number(rng.bounded(256)) + ";" + QByteArray::number(rng.bounded(256)) + ";"
                    + QByteArray::number(rng.bounded(256));
            }
            if (rng.bounded(3) == 0)
                sgr += ";48;5;" + QByteArray::number(rng.bounded(256));
            if (rng.bounded(5) == 0)
                sgr += ";1";
            if (rng.bounded(8) == 0)
                sgr += ";3";
            if (rng.bounded(10) == 0)
                sgr += ";4";
            out += sgr + "m";
            const int len = rng.bounded(2, 13);
            for (int i = 0; i < len && col < cols; ++i) {
                if (col % 40 == 0) {
                    out += "│";
                    ++col;
                } else if (rng.bounded(40) == 0 && col + 2 <= cols) {
                    out += kWide[rng.bounded(int(std::size(kWide)))];
                    col += 2;
                } else {
                    const char *w = kWords[rng.bounded(int(std::size(kWords)))];
                    const char c = w[rng.bounded(int(qstrlen(w)))];
                    out += (c & 0x80) ? 'x' : c; // one cell: ASCII only here
                    ++col;
                }
            }
        }
    }
    return out + "\x1b[0m\x1b[H";
}

struct Stats {
    double median = 0;
    double p95 = 0;
};

Stats stats(std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 95 / 100)]};
}

// This thread's CPU time: on a shared machine the wall clock also counts the time other
// processes had the core, the CPU time does not.
double cpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

struct Measured {
    Stats wall;
    Stats cpu;
};

template<typename F>
Measured measure(int frames, F &&frame)
{
    for (int i = 0; i < kWarmup; ++i)
        frame();
    std::vector<double> wall;
    std::vector<double> cpu;
    wall.reserve(size_t(frames));
    cpu.reserve(size_t(frames));
    QElapsedTimer timer;
    for (int i = 0; i < frames; ++i) {
        timer.start();
        const double c0 = cpuMs();
        frame();
        cpu.push_back(cpuMs() - c0);
        wall.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    return {stats(std::move(wall)), stats(std::move(cpu))};
}
} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    auto option = [&args](const QString &name, const QString &fallback) {
        const qsizetype i = args.indexOf(name);
        if (i < 0 || i + 1 >= args.size())
            return fallback;
        const QString value = args.at(i + 1);
        args.remove(i, 2);
        return value;
    };
    const QString png = option(u"--png"_s, QString());
    const QString screen = option(u"--screen"_s, u"colourful"_s);
    const int frames = args.size() > 0 ? qMax(10, args.at(0).toInt()) : 300;
    const int cols = args.size() > 2 ? args.at(1).toInt() : 200;
    const int rows = args.size() > 2 ? args.at(2).toInt() : 60;

    Terminal t(cols, rows);
    if (screen == u"colourful") {
        t.feed(colourfulScreen(cols, rows));
    } else {
        // One character everywhere: the cost of each kind of cell alone.
        static const QHash<QString, QByteArray> kFill = {
            {u"plain"_s, "x"}, {u"box"_s, "\xe2\x94\xbc"}, {u"emoji"_s, "\xf0\x9f\x98\x80"}, {u"cjk"_s, "\xe4\xb8\xad"}};
        if (!kFill.contains(screen)) {
            std::fprintf(stderr, "bench_view: unknown --screen %s (colourful, plain, box, emoji, cjk)\n", qPrintable(screen));
            return 2;
        }
        const QByteArray ch = kFill.value(screen);
        const int width = ch.size() == 4 || ch.startsWith("\xe4") ? 2 : 1;
        for (int r = 0; r < rows; ++r) {
            QByteArray row = "\x1b[" + QByteArray::number(r + 1) + ";1H";
            for (int c = 0; c + width <= cols; c += width)
                row += ch;
            t.feed(row);
        }
    }
    QFont font = TerminalPainter::defaultFont();
    font.setPointSize(11);

    // What is on the screen: attribute runs (a new run wherever attributes change) and wide cells.
    int runs = 0, wide = 0, box = 0;
    QList<ScreenCell> line;
    for (int r = 0; r < rows; ++r) {
        TerminalLines::read(t, t.scrollbackSize() + r, line);
        for (int c = 0; c < cols; ++c) {
            runs += c == 0 || !line[c].sameAttributes(line[c - 1]);
            wide += line[c].width == 2;
            box += line[c].chars[0] >= 0x2500 && line[c].chars[0] <= 0x257f;
        }
    }
    std::printf("screen: %dx%d, %d attribute runs, %d wide characters, %d box-drawing cells; font %s %dpt; "
                "%d frames after %d warm-up\n",
                cols, rows, runs, wide, box, qPrintable(QFontInfo(font).family()), font.pointSize(), frames, kWarmup);

    {
        const Measured read = measure(frames, [&] {
            for (int r = 0; r < rows; ++r)
                TerminalLines::read(t, t.scrollbackSize() + r, line);
        });
        std::printf("reading the cells alone (TerminalLines::read): CPU median %6.2f ms p95 %6.2f ms (wall median %6.2f ms)\n",
                    read.cpu.median, read.cpu.p95, read.wall.median);
    }

    for (qreal dpr : {1.0, 2.0}) {
        TerminalPainter painter(font, dpr);
        const CellMetrics &m = painter.metrics();
        QImage image(cols * m.deviceWidth(), rows * m.deviceHeight(), QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(dpr);
        const QRect all(QPoint(0, 0), m.pixelSize(cols, rows));
        TerminalPainter::Frame frame;
        frame.cursorShown = true;

        const Measured full = measure(frames, [&] {
            QPainter p(&image);
            painter.paint(p, t, all, frame);
        });
        const int direct = painter.directCells();
        if (!png.isEmpty() && dpr == 1)
            image.save(png);

        // The same frame with every glyph through QPainter (a clip turns direct blending off).
        const Measured viaPainter = measure(frames, [&] {
            QPainter p(&image);
            p.setClipRect(all);
            painter.paint(p, t, all, frame);
        });

        // The floor: filling the image once.
        const Measured fill = measure(frames, [&] {
            QPainter p(&image);
            p.fillRect(all, QColor::fromRgb(painter.colorScheme().background()));
        });

        // Baseline: the same number of characters, plain, one colour, one drawText per row.
        const QString plainRow = QString(cols, u'x').replace(7, 5, u"hello"_s);
        const QColor bg = QColor::fromRgb(painter.colorScheme().background());
        const QColor fg = QColor::fromRgb(painter.colorScheme().foreground());
        const Measured plain = measure(frames, [&] {
            QPainter p(&image);
            p.fillRect(all, bg);
            p.setFont(font);
            p.setPen(fg);
            for (int r = 0; r < rows; ++r)
                p.drawText(QPointF(0, r * m.height() + m.ascent()), plainRow);
        });
        std::printf("dpr %.0f (%dx%d px):\n"
                    "  TerminalPainter full frame   CPU median %6.2f ms  p95 %6.2f ms  (wall median %6.2f ms  p95 %6.2f ms)\n"
                    "    (%d cells blended straight into the image; all through QPainter instead: CPU median %6.2f ms)\n"
                    "  baseline: fill + %d drawText CPU median %6.2f ms  p95 %6.2f ms  (wall median %6.2f ms  p95 %6.2f ms)\n"
                    "  (filling the image alone     CPU median %6.2f ms)\n"
                    "  ratio (CPU medians) %.2f; target: <= 4 ms per full frame\n",
                    dpr, image.width(), image.height(), full.cpu.median, full.cpu.p95, full.wall.median, full.wall.p95,
                    direct, viaPainter.cpu.median, rows, plain.cpu.median, plain.cpu.p95, plain.wall.median, plain.wall.p95, fill.cpu.median,
                    full.cpu.median / plain.cpu.median);
    }
    return 0;
}
