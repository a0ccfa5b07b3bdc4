// bench_format: speed of the format core, each figure beside a baseline measured in the
// same run on the same data (the machines are shared and noisy: ratios are what count).
//
//   bench_format detector [MB]   ClearDetector vs a memchr-only pass and a naive search
//   bench_format generate FILE MB [CLEAR_EVERY_MB]
//   bench_format index FILE      indexing vs a plain read; peak RSS; sidecar load time
#include "BenchFigures.h"
#include "OutputGenerator.h"

#include "checkpoint/CastIndexer.h"
#include "checkpoint/CheckpointIndex.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>

#include <algorithm>
#include <cstring>

namespace {
QTextStream out(stdout);

double gbps(qint64 bytes, qint64 ns)
{
    return double(bytes) / double(ns);
}

template<typename F>
qint64 bestOf(int runs, F &&f)
{
    qint64 best = std::numeric_limits<qint64>::max();
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        f();
        best = std::min(best, t.nsecsElapsed());
    }
    return best;
}

int detector(qsizetype mb)
{
    QByteArray data;
    OutputGenerator gen(7);
    gen.append(data, mb << 20, 3 << 20);
    const qsizetype chunk = 16 << 10;
    volatile qsizetype sink = 0;

    const qint64 memchrNs = bestOf(5, [&] {
        qsizetype n = 0;
        const char *p = data.constData();
        const char *end = p + data.size();
        while ((p = static_cast<const char *>(std::memchr(p, '\x1b', size_t(end - p))))) {
            ++n;
            ++p;
        }
        sink = n;
    });
    qsizetype found = 0;
    const qint64 detectorNs = bestOf(5, [&] {
        ClearDetector d;
        QList<ClearDetector::Match> m;
        found = 0;
        for (qsizetype off = 0; off < data.size(); off += chunk) {
            m.clear();
            d.scan(QByteArrayView(data).sliced(off, std::min(chunk, data.size() - off)), m);
            found += m.size();
        }
    });
    // The reference design: a substring search per sequence per chunk.
    const qint64 naiveNs = bestOf(1, [&] {
        for (qsizetype off = 0; off < data.size(); off += chunk) {
            const QByteArrayView c = QByteArrayView(data).sliced(off, std::min(chunk, data.size() - off));
            for (const ClearSequence &s : ClearDetector::sequences()) {
                for (qsizetype at = c.indexOf(s.bytes); at >= 0; at = c.indexOf(s.bytes, at + 1))
                    sink = sink + 1;
            }
        }
    });
    out << "ClearDetector on " << data.size() / 1e6 << " MB of colour-heavy output (16 KB chunks, best of 5):\n";
    out << "  ClearDetector      " << QString::number(gbps(data.size(), detectorNs), 'f', 2) << " GB/s  ("
        << found << " sequences)\n";
    out << "  memchr-only pass   " << QString::number(gbps(data.size(), memchrNs), 'f', 2)
        << " GB/s  (baseline: finding every ESC, no matching)\n";
    out << "  naive per-sequence " << QString::number(gbps(data.size(), naiveNs), 'f', 2)
        << " GB/s  (reference design: indexOf per sequence per chunk)\n";
    out << "  ratio detector/memchr " << QString::number(double(memchrNs) / double(detectorNs), 'f', 2) << "\n";
    return 0;
}

int generate(const QString &path, qint64 mb, qint64 clearEveryMb)
{
    const qint64 n = writeGeneratedCast(path, mb << 20, clearEveryMb << 20);
    if (n < 0) {
        QTextStream(stderr) << "cannot write " << path << "\n";
        return 1;
    }
    out << "wrote " << path << " (" << n / 1e6 << " MB)\n";
    return 0;
}

int index(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return 1;
    const qint64 size = f.size();
    QByteArray buf(1 << 20, Qt::Uninitialized);
    // Warm the cache and measure the plain read as the baseline.
    const qint64 readNs = bestOf(2, [&] {
        f.seek(0);
        while (f.read(buf.data(), buf.size()) > 0) {
        }
    });
    buf = QByteArray();
    const long rssBefore = peakRssMb();
    CheckpointIndex idx;
    qint64 indexNs = 0;
    {
        QElapsedTimer t;
        t.start();
        CastIndexer indexer;
        if (indexer.index(path, idx) != CastIndexer::Result::Done) {
            QTextStream(stderr) << indexer.errorString() << "\n";
            return 1;
        }
        indexNs = t.nsecsElapsed();
    }
    const long rssAfter = peakRssMb();
    const QString side = QStringLiteral("%1.bench.idx").arg(path);
    if (!idx.save(side))
        return 1;
    QList<qint64> loads;
    qint64 last = -1;
    for (int i = 0; i < 51; ++i) {
        QElapsedTimer t;
        t.start();
        CheckpointIndex loaded;
        if (!loaded.load(side) || loaded.validate(path) != CheckpointIndex::Validity::Valid)
            return 1;
        last = loaded.lastClearOffset();
        loads.append(t.nsecsElapsed());
    }
    std::sort(loads.begin(), loads.end());
    QFile::remove(side);

    out << "Indexing " << path << " (" << size / 1e6 << " MB, warm cache):\n";
    out << "  CastIndexer        " << QString::number(mbps(size, indexNs), 'f', 0) << " MB/s  ("
        << idx.eventCount << " events, " << idx.checkpoints.size() << " checkpoints)\n";
    out << "  plain read         " << QString::number(mbps(size, readNs), 'f', 0) << " MB/s  (baseline)\n";
    out << "  peak RSS           " << rssAfter << " MB (before indexing " << rssBefore << " MB)\n";
    out << "  sidecar load+validate+lastClearOffset median " << QString::number(loads[25] / 1e6, 'f', 3)
        << " ms, max " << QString::number(loads.constLast() / 1e6, 'f', 3) << " ms (lastClearOffset " << last
        << ")\n";
    return 0;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList a = app.arguments();
    const QString mode = a.value(1);
    if (mode == QLatin1StringView("detector"))
        return detector(a.size() > 2 ? a.at(2).toLongLong() : 256);
    if (mode == QLatin1StringView("generate") && a.size() >= 4)
        return generate(a.at(2), a.at(3).toLongLong(), a.size() > 4 ? a.at(4).toLongLong() : 3);
    if (mode == QLatin1StringView("index") && a.size() >= 3)
        return index(a.at(2));
    QTextStream(stderr) << "usage: bench_format detector [MB] | generate FILE MB [CLEAR_EVERY_MB] | index FILE\n";
    return 2;
}
