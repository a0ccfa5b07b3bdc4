// bench_play: opening and seeking a recording (Recording + Player), each figure beside a
// baseline measured in the same run on the same file (the machines are shared and noisy:
// ratios are what count).
//
//   bench_play FILE [SEEKS]
//   bench_play --keyframe-stats FILE [INTERVAL]   the keyframe pass alone, with its statistics
//   bench_play --open FILE...     (a) alone for files whose sidecars exist, in 31 alternating
//                                 rounds: medians and their ratios to the first file's
//
// For FILE (a generated cast: bench_format generate), in this order:
//   baselines   plain sequential read of the file (warm cache); Terminal ingesting the file's
//               output (the ceiling of any pass that keeps a terminal state)
//   (b) first open without a sidecar: the index pass (Recording: open -> Ready, sidecar
//       saved), then the keyframe pass (-> keyframesFinished, saved as it goes); the GUI
//       thread's longest stall meanwhile (a 5 ms timer's worst lateness)
//   (a) open to the first frame at the last clear with the sidecar present (Recording::open ->
//       Ready -> Player::seekToLastClear -> frame done): median and max of 21
//   (c) seeks to random times (seeded): p50, p95, max
//   (d) peak RSS of the process (run one FILE per process)
#include "BenchFigures.h"
#include "checkpoint/CastIndexer.h"
#include "format/CastReader.h"
#include "play/KeyframeBuilder.h"
#include "play/Player.h"
#include "play/Recording.h"
#include "terminal/Terminal.h"

#include <QCoreApplication>
#include <QEvent>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTextStream>
#include <QTimer>

#include <algorithm>

namespace {
QTextStream out(stdout);

QString ms(qint64 ns, int decimals = 2)
{
    return QString::number(double(ns) / 1e6, 'f', decimals);
}

qint64 percentile(QList<qint64> v, double p)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(qMin(v.size() - 1, qsizetype(p * double(v.size() - 1) + 0.5)));
}

// The worst lateness of a 5 ms timer on this thread while `running` is true: how long the GUI
// thread could not react.
class StallMeter : public QObject
{
public:
    StallMeter()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(5);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            m_worst = qMax(m_worst, now - m_last - 5'000'000);
            m_last = now;
        });
    }
    void start()
    {
        m_worst = 0;
        m_clock.start();
        m_last = 0;
        m_timer.start();
    }
    qint64 stop()
    {
        m_timer.stop();
        return m_worst;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_worst = 0;
};

void removeSidecars(const QString &path)
{
    QFile::remove(CheckpointIndex::sidecarPath(path));
    QFile::remove(CheckpointIndex::cacheSidecarPath(path));
}

// (a) once: Recording::open -> Ready (from the sidecar) -> Player::seekToLastClear -> the
// frame; -1 when the sidecar was not used.
qint64 openToLastClear(const QString &path)
{
    QElapsedTimer t;
    t.start();
    Recording rec;
    rec.open(path);
    if (!rec.waitForReady() || !rec.loadedFromSidecar()) {
        QTextStream(stderr) << path << ": the sidecar was not used\n";
        return -1;
    }
    Player player(&rec);
    if (!player.seekToLastClear())
        player.seek(0);
    player.finishSeek();
    const TerminalSnapshot frame = player.terminal()->snapshot();
    const qint64 ns = t.nsecsElapsed();
    return frame.rows == 0 ? -1 : ns;
}

// (a) for several files with their sidecars, in alternating rounds, so that the ratios
// between sizes come from the same moments of a noisy machine.
int openRounds(const QStringList &paths, int rounds)
{
    QList<QList<qint64>> ns(paths.size());
    for (int r = 0; r < rounds; ++r) {
        for (qsizetype i = 0; i < paths.size(); ++i) {
            const qint64 t = openToLastClear(paths.at(i));
            if (t < 0)
                return 1;
            ns[i].append(t);
        }
    }
    const qint64 first = percentile(ns.at(0), 0.5);
    for (qsizetype i = 0; i < paths.size(); ++i) {
        const qint64 median = percentile(ns.at(i), 0.5);
        out << QFileInfo(paths.at(i)).fileName() << " (" << QString::number(QFileInfo(paths.at(i)).size() / 1e6, 'f', 0)
            << " MB, sidecar " << QString::number(QFileInfo(CheckpointIndex::sidecarPath(paths.at(i))).size() / 1e6, 'f', 2)
            << " MB): open to the frame at the last clear, median " << ms(median) << " ms, p90 "
            << ms(percentile(ns.at(i), 0.9)) << " ms, max " << ms(percentile(ns.at(i), 1.0)) << " ms; ratio to the first "
            << QString::number(double(median) / double(first), 'f', 2) << "\n";
    }
    out.flush();
    return 0;
}

int run(const QString &path, int seeks)
{
    const qint64 size = QFileInfo(path).size();
    if (size <= 0) {
        QTextStream(stderr) << "cannot read " << path << "\n";
        return 1;
    }
    out << "Playing " << path << " (" << QString::number(size / 1e6, 'f', 1) << " MB, warm cache)\n";

    // --- Baselines ---------------------------------------------------------------------------
    qint64 readNs = std::numeric_limits<qint64>::max();
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
            return 1;
        QByteArray buf(1 << 20, Qt::Uninitialized);
        for (int k = 0; k < 2; ++k) {
            QElapsedTimer t;
            t.start();
            f.seek(0);
            while (f.read(buf.data(), buf.size()) > 0) {
            }
            readNs = qMin(readNs, t.nsecsElapsed());
        }
    }
    qint64 termBytes = 0, termNs = 0;
    {
        // The first 64 MB of output (all of it for smaller files), into one Terminal.
        CastReader r;
        r.open(path);
        Terminal term(r.header().width, r.header().height);
        CastEvent ev;
        QElapsedTimer t;
        t.start();
        while (termBytes < (64 << 20) && r.readNext(ev)) {
            if (ev.type() == CastEvent::Type::Output) {
                term.feed(ev.data);
                termBytes += ev.data.size();
            } else if (ev.type() == CastEvent::Type::Resize) {
                int c = 0, rows = 0;
                if (ev.resizeSize(c, rows))
                    term.resize(c, rows);
            }
        }
        termNs = t.nsecsElapsed();
    }
    const long rssBaselines = peakRssMb();
    out << "  baseline: plain read                 " << QString::number(mbps(size, readNs), 'f', 0) << " MB/s\n";
    out << "  baseline: Terminal ingesting output  " << QString::number(mbps(termBytes, termNs), 'f', 1)
        << " MB/s (" << termBytes / 1000000 << " MB of output)" << Qt::endl;

    // --- (b) First open without a sidecar ------------------------------------------------------
    removeSidecars(path);
    StallMeter stall;
    qint64 indexNs = 0, keyframeNs = 0, indexStall = 0, keyframeStall = 0;
    CheckpointIndex built;
    {
        Recording rec;
        QElapsedTimer t;
        stall.start();
        t.start();
        rec.open(path);
        if (!rec.waitForReady()) {
            QTextStream(stderr) << rec.errorString() << "\n";
            return 1;
        }
        indexNs = t.nsecsElapsed();
        indexStall = stall.stop();
        stall.start();
        t.restart();
        if (!rec.waitForKeyframes())
            QTextStream(stderr) << "keyframe pass did not complete\n";
        keyframeNs = t.nsecsElapsed();
        keyframeStall = stall.stop();
        built = rec.index();
    }
    const qint64 sidecarSize = QFileInfo(CheckpointIndex::sidecarPath(path)).size();
    const long rssPasses = peakRssMb();
    out << "  (b) index pass (open -> Ready, saved) " << QString::number(mbps(size, indexNs), 'f', 0) << " MB/s  ("
        << ms(indexNs, 0) << " ms; " << built.eventCount << " events, " << built.checkpoints.size()
        << " checkpoints; ratio to plain read " << QString::number(double(readNs) / double(indexNs), 'f', 2) << ")\n";
    out << "      keyframe pass                     " << QString::number(mbps(size, keyframeNs), 'f', 1)
        << " MB/s  (" << ms(keyframeNs, 0) << " ms; " << built.keyframes.size() << " keyframes; ratio to Terminal "
        << QString::number(mbps(size, keyframeNs) / mbps(termBytes, termNs), 'f', 2) << ")\n";
    out << "      both passes                       " << QString::number(mbps(size, indexNs + keyframeNs), 'f', 1)
        << " MB/s\n";
    out << "      sidecar " << QString::number(sidecarSize / 1e6, 'f', 2) << " MB ("
        << QString::number(100.0 * double(sidecarSize) / double(size), 'f', 2) << " % of the cast)\n";
    out << "      GUI thread's longest stall: " << ms(indexStall, 1) << " ms (index pass), " << ms(keyframeStall, 1)
        << " ms (keyframe pass)" << Qt::endl;

    // --- (a) Open to the first frame at the last clear, sidecar present -----------------------
    QList<qint64> opens;
    for (int k = 0; k < 21; ++k) {
        const qint64 ns = openToLastClear(path);
        if (ns < 0)
            return 1;
        opens.append(ns);
    }
    out << "  (a) open to the frame at the last clear: median " << ms(percentile(opens, 0.5)) << " ms, max "
        << ms(percentile(opens, 1.0)) << " ms" << Qt::endl;

    // --- (c) Seeks to random times ------------------------------------------------------------
    QList<qint64> seekNs;
    {
        Recording rec;
        rec.open(path);
        rec.waitForReady();
        Player player(&rec);
        QRandomGenerator rng(1234);
        const qint64 duration = rec.index().durationUs;
        for (int k = 0; k < seeks; ++k) {
            const qint64 target = qint64(rng.bounded(double(duration)));
            QElapsedTimer t;
            t.start();
            player.seek(target);
            player.finishSeek();
            seekNs.append(t.nsecsElapsed());
            // What the event loop does between two seeks in the GUI: replaced terminals go.
            QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        }
    }
    out << "  (c) seek to a random time (" << seeks << "): p50 " << ms(percentile(seekNs, 0.5)) << " ms, p95 "
        << ms(percentile(seekNs, 0.95)) << " ms, max " << ms(percentile(seekNs, 1.0))
        << " ms (one keyframe interval of output at the Terminal's speed above: "
        << ms(qint64(double(KeyframeBuilder::Options().intervalBytes) / (double(termBytes) / double(termNs)))) << " ms)\n";

    // --- (d) ----------------------------------------------------------------------------------
    out << "  (d) peak RSS " << peakRssMb() << " MB (after the baselines " << rssBaselines << " MB, after the passes "
        << rssPasses << " MB)\n";
    out.flush();
    return 0;
}
} // namespace

// The keyframe pass alone, with its statistics (what it could not capture and why).
int keyframeStats(const QString &path, qint64 interval)
{
    CheckpointIndex idx;
    if (CastIndexer().index(path, idx) != CastIndexer::Result::Done)
        return 1;
    KeyframeBuilder builder;
    KeyframeBuilder::Options o;
    if (interval > 0)
        o.intervalBytes = interval;
    builder.setOptions(o);
    QElapsedTimer t;
    t.start();
    builder.build(path, idx);
    const KeyframeBuilder::Stats &s = builder.stats();
    qint64 maxGap = 0, maxGapAt = 0, previous = 0;
    for (const Keyframe &k : idx.keyframes) {
        if (k.position.offset - previous > maxGap) {
            maxGap = k.position.offset - previous;
            maxGapAt = previous;
        }
        previous = k.position.offset;
    }
    out << path << ": " << s.keyframes << " keyframes in " << ms(t.nsecsElapsed(), 0) << " ms; output fed "
        << s.bytesFed / 1000000 << " MB; rejected " << s.rejected << "; events while tainted " << s.taintedEvents
        << "; restarts " << s.restarts << "; widest gap " << maxGap / 1000 << " KB of file at byte " << maxGapAt << "\n";
    return 0;
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList a = app.arguments();
    if (a.size() >= 3 && a.at(1) == QLatin1StringView("--keyframe-stats"))
        return keyframeStats(a.at(2), a.size() > 3 ? a.at(3).toLongLong() : 0);
    if (a.size() >= 3 && a.at(1) == QLatin1StringView("--open"))
        return openRounds(a.mid(2), 31);
    if (a.size() < 2) {
        QTextStream(stderr) << "usage: bench_play FILE [SEEKS] | --open FILE... | --keyframe-stats FILE [INTERVAL]\n";
        return 2;
    }
    return run(a.at(1), a.size() > 2 ? a.at(2).toInt() : 200);
}
