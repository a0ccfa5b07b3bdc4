// bench_pty: baseline pty throughput, the denominator for later throughput targets
// ("recording reaches >= 80% of bare pty throughput").
//
// Runs `cat FILE` on a pty three ways and drains the output into nothing:
//   raw        forkpty() + read(2) into a 64 KB buffer; no Qt. The ceiling.
//   kptydevice KPtyProcess with KPtyDevice's own reading (readyRead + readAll()), as Konsole
//              does; shows why PtySession reads the master itself.
//   ptysession PtySession in a QEventLoop, receivedData counted and dropped.
// All three leave the pty in its default (cooked) mode, so "\n" arrives as "\r\n" in each.
//
// Usage: bench_pty [FILE] [--runs N] [--size MB]
// Without FILE, a colour-heavy text file of --size MB (default 100) is generated once in
// /tmp and reused.
#include "BarePtyCat.h"
#include "pty/PtySession.h"

#include <KPtyDevice>
#include <KPtyProcess>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QStringList>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

struct Result {
    qint64 bytes = 0; // received, after the line discipline
    qint64 ns = 0;
    qint64 reads = 0; // read(2) calls or signals, whichever the path counts
    qint64 cpuNs = 0; // this process's CPU time (user + system): the reader's cost, which
                      // other load on the machine disturbs less than the wall time
};

Result runRaw(const QByteArray &filePath)
{
    const BarePtyCat run = BarePtyCat::run(filePath);
    return {run.bytes, run.ns, run.reads, run.cpuNs};
}

Result runKPtyDevice(const QString &filePath)
{
    Result r;
    const qint64 cpuStart = BarePtyCat::processCpuNs();
    QElapsedTimer timer;
    timer.start();
    KPtyProcess process;
    process.setProgram(u"cat"_s, {filePath});
    process.setPtyChannels(KPtyProcess::AllChannels);
    KPtyDevice *pty = process.pty();
    QEventLoop loop;
    bool exited = false;
    QObject::connect(pty, &QIODevice::readyRead, pty, [&] {
        r.bytes += pty->readAll().size();
        ++r.reads;
    });
    QObject::connect(&process, &QProcess::finished, &loop, [&] {
        exited = true;
        // The tail: the child is gone, take what is still in the pty (the slave is ours too,
        // so there is no EOF to wait for; a short poll drains it).
        pty->closeSlave();
        while (pty->waitForReadyRead(100)) {
        }
        r.bytes += pty->readAll().size();
        loop.quit();
    });
    process.start();
    if (!process.waitForStarted())
        return r;
    if (!exited)
        loop.exec();
    r.ns = timer.nsecsElapsed();
    r.cpuNs = BarePtyCat::processCpuNs() - cpuStart;
    return r;
}

Result runPtySession(const QString &filePath)
{
    Result r;
    const qint64 cpuStart = BarePtyCat::processCpuNs();
    QElapsedTimer timer;
    timer.start();
    PtySession session;
    session.setProgram(u"cat"_s, {filePath});
    QEventLoop loop;
    QObject::connect(&session, &PtySession::receivedData, &session, [&r](const QByteArray &data) {
        r.bytes += data.size();
        ++r.reads;
    });
    QObject::connect(&session, &PtySession::finished, &loop, &QEventLoop::quit);
    if (!session.start()) {
        std::fprintf(stderr, "PtySession: %s\n", qPrintable(session.errorString()));
        return r;
    }
    loop.exec();
    r.ns = timer.nsecsElapsed();
    r.cpuNs = BarePtyCat::processCpuNs() - cpuStart;
    return r;
}

void report(const char *name, const QList<Result> &runs, qint64 fileSize)
{
    QList<double> rates, cpu;
    for (const Result &r : runs) {
        const double mbps = r.ns > 0 ? double(fileSize) / (1024.0 * 1024.0) / (double(r.ns) / 1e9) : 0;
        rates.append(mbps);
        cpu.append(double(r.cpuNs) / 1e9);
        std::printf("  %-10s %7.1f MB/s  %6.3f s wall  %6.3f s reader CPU  %lld bytes received  %lld "
                    "reads/chunks (avg %lld B)\n",
                    name, mbps, double(r.ns) / 1e9, double(r.cpuNs) / 1e9, qlonglong(r.bytes), qlonglong(r.reads),
                    qlonglong(r.reads ? r.bytes / r.reads : 0));
    }
    std::sort(rates.begin(), rates.end());
    std::sort(cpu.begin(), cpu.end());
    std::printf("  %-10s median %.1f MB/s (best %.1f), median reader CPU %.3f s\n", name, rates.at(rates.size() / 2),
                rates.last(), cpu.at(cpu.size() / 2));
    std::fflush(stdout);
}

}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments();
    QString commandLine = args.join(u' ');
    args.removeFirst();
    int runs = 3;
    qint64 sizeMb = 100;
    QString filePath;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args.at(i) == u"--runs"_s && i + 1 < args.size())
            runs = std::max(1, args.at(++i).toInt());
        else if (args.at(i) == u"--size"_s && i + 1 < args.size())
            sizeMb = std::max<qint64>(1, args.at(++i).toLongLong());
        else
            filePath = args.at(i);
    }
    const qint64 fileSize = BarePtyCat::prepareFile(filePath, sizeMb, commandLine);
    if (fileSize <= 0)
        return 1;
    std::printf("MB/s = file bytes / wall time from spawn to the last byte and the exit; %d runs each, "
                "interleaved\n",
                runs);
    std::fflush(stdout);

    const QByteArray nativePath = QFile::encodeName(filePath);
    // Warm the page cache so the first run does not pay for the disk.
    runRaw(nativePath);
    QList<Result> raw, kpty, session;
    for (int i = 0; i < runs; ++i) {
        raw.append(runRaw(nativePath));
        kpty.append(runKPtyDevice(filePath));
        session.append(runPtySession(filePath));
    }
    report("raw", raw, fileSize);
    report("kptydevice", kpty, fileSize);
    report("ptysession", session, fileSize);
    return 0;
}
