// bench_record: recording throughput against the bare pty, in the same run.
//
//   baseline   forkpty() + read(2) of `cat FILE` into nothing; no Qt (bench_pty's "raw").
//   recorder   PtySession -> Recorder -> writer thread (decode, detect, encode, exact offsets)
//              -> a .cast on disk, plus its sidecar; no GUI. With state preambles off, and on
//              (the state thread reads the file back at nice +10 and lags behind: how far it
//              got by the child's exit is reported, and it is not waited for).
//   writer     RecordingWriter::write() alone, on this thread, from memory into /dev/null:
//              the writer thread's own cost (decode + detect + JSON escape + encode).
// Runs alternate (baseline, recorder off, recorder on, baseline, ...) and medians are reported,
// because the machine is shared. MB/s = FILE's bytes / wall time from spawn to the child's
// exit with everything received (recorder: and handed to the writer; "done" adds the
// writer's final flush, fsync and sidecar). Peak RSS (ru_maxrss) is taken before the writer
// benchmark, which holds its input in memory.
//
// Usage: bench_record [FILE] [--runs N] [--size MB] [--out DIR] [--writer-only | --recorder-only]
// Without FILE, a colour-heavy text file of --size MB (default 200) with a clear every 3 MB
// is generated once in /tmp and reused. The recordings go to --out (default /tmp).
#include "BarePtyCat.h"
#include "OutputGenerator.h"
#include "checkpoint/CheckpointIndex.h"
#include "checkpoint/ClearDetector.h"
#include "format/JsonText.h"
#include "format/Utf8Decoder.h"
#include "pty/PtySession.h"
#include "record/Recorder.h"
#include "record/RecordingWriter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QStringList>

#include <algorithm>
#include <functional>
#include <cstdio>
#include <sys/resource.h>
#include <time.h>

using namespace Qt::StringLiterals;

namespace {

struct Result {
    qint64 bytes = 0;   // received from the pty
    qint64 ns = 0;      // spawn -> child done, everything received
    qint64 doneNs = 0;  // recorder: -> finished() (final flush, fsync, sidecar)
    qint64 cpuNs = 0;   // this process's CPU time, all threads
    qint64 castBytes = 0;
    int checkpoints = 0;
    int preambles = 0;
    int pauses = 0;
};

qint64 threadCpuNs()
{
    timespec ts {};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

qint64 peakRssKb()
{
    rusage usage {};
    ::getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

Result runBaseline(const QByteArray &filePath)
{
    const BarePtyCat run = BarePtyCat::run(filePath);
    Result r;
    r.bytes = run.bytes;
    r.ns = r.doneNs = run.ns;
    r.cpuNs = run.cpuNs;
    return r;
}

Result runRecorder(const QString &filePath, const QString &castPath, bool preambles, int preambleWaitMs = 0)
{
    Result r;
    QFile::remove(castPath);
    QFile::remove(CheckpointIndex::sidecarPath(castPath));
    const qint64 cpuStart = BarePtyCat::processCpuNs();
    QElapsedTimer timer;
    timer.start();
    Recorder::Options o;
    o.path = castPath;
    o.preambles = preambles;
    o.preambleWaitMs = preambleWaitMs; // 0: do not wait for the state thread, it only fills in the sidecar
    Recorder recorder(o);
    PtySession session;
    session.setProgram(u"cat"_s, {filePath});
    QEventLoop loop;
    QObject::connect(&session, &PtySession::receivedData, &recorder, [&](const QByteArray &data) {
        r.bytes += data.size();
        recorder.recordOutput(data);
    });
    QObject::connect(&recorder, &Recorder::backPressureChanged, &session, [&](bool pause) {
        r.pauses += pause ? 1 : 0;
        session.setReadingPaused(pause);
    });
    QObject::connect(&session, &PtySession::finished, &recorder, [&](PtyExitStatus status) {
        r.ns = timer.nsecsElapsed();
        recorder.stop(status.exitCode);
    });
    QObject::connect(&recorder, &Recorder::finished, &loop, &QEventLoop::quit);
    QString error;
    if (!recorder.start(&error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return r;
    }
    if (!session.start()) {
        std::fprintf(stderr, "PtySession: %s\n", qPrintable(session.errorString()));
        return r;
    }
    loop.exec();
    r.doneNs = timer.nsecsElapsed();
    r.cpuNs = BarePtyCat::processCpuNs() - cpuStart;
    r.castBytes = QFileInfo(castPath).size();
    CheckpointIndex idx;
    if (idx.load(CheckpointIndex::sidecarPath(castPath))) {
        r.checkpoints = int(idx.checkpoints.size());
        r.preambles = int(std::count_if(idx.checkpoints.cbegin(), idx.checkpoints.cend(),
                                        [](const Checkpoint &c) { return c.hasPreamble; }));
    }
    return r;
}

double mbps(qint64 bytes, qint64 ns)
{
    return ns > 0 ? double(bytes) / (1024.0 * 1024.0) / (double(ns) / 1e9) : 0;
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

double report(const char *name, const QList<Result> &runs, qint64 fileSize)
{
    QList<double> rates, doneRates, cpu;
    for (const Result &r : runs) {
        rates.append(mbps(fileSize, r.ns));
        doneRates.append(mbps(fileSize, r.doneNs));
        cpu.append(double(r.cpuNs) / 1e9);
        std::printf("  %-13s %7.1f MB/s  (done: %7.1f MB/s)  %6.3f s wall  %6.3f s CPU  %lld B received", name,
                    rates.constLast(), doneRates.constLast(), double(r.ns) / 1e9, double(r.cpuNs) / 1e9,
                    qlonglong(r.bytes));
        if (r.castBytes > 0)
            std::printf("  cast %lld B, %d checkpoints, %d with preamble, %d pauses", qlonglong(r.castBytes),
                        r.checkpoints, r.preambles, r.pauses);
        std::printf("\n");
    }
    const double m = median(rates);
    std::printf("  %-13s median %.1f MB/s (done: %.1f), median CPU %.3f s\n", name, m, median(doneRates), median(cpu));
    std::fflush(stdout);
    return m;
}

// The writer's cost alone: write() on this thread, as the writer thread runs it, into /dev/null.
void runWriter(const QString &filePath, qint64 chunkSize, int repeat)
{
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QByteArray data = file.read(64 << 20); // 64 MB, fed `repeat` times
    RecordingWriter::Options o;
    o.path = u"/dev/null"_s;
    o.sidecar = false;
    QList<double> rates, cpuRates;
    for (int run = 0; run < 3; ++run) {
        RecordingWriter writer(o);
        writer.start();
        qint64 checkpoints = 0;
        QObject::connect(&writer, &RecordingWriter::pruningDetected, &writer, [&] { ++checkpoints; });
        QElapsedTimer timer;
        timer.start();
        const qint64 cpuStart = threadCpuNs();
        qint64 t = 0;
        for (int k = 0; k < repeat; ++k) {
            for (qsizetype at = 0; at < data.size(); at += chunkSize) {
                const QByteArray chunk = data.mid(at, chunkSize);
                writer.notePosted(chunk.size());
                writer.write(t += 100, 'o', chunk);
            }
        }
        writer.finish(0);
        const qint64 ns = timer.nsecsElapsed();
        const qint64 cpuNs = threadCpuNs() - cpuStart;
        rates.append(mbps(data.size() * repeat, ns));
        cpuRates.append(mbps(data.size() * repeat, cpuNs));
        std::printf("  writer        %7.1f MB/s wall, %7.1f MB/s of CPU time  (%lld MB in %lld B chunks, %lld "
                    "checkpoints, %lld B written)\n",
                    rates.constLast(), cpuRates.constLast(), qlonglong(data.size() * repeat >> 20),
                    qlonglong(chunkSize), qlonglong(checkpoints), qlonglong(writer.position().written));
    }
    std::printf("  writer        median %.1f MB/s wall, %.1f MB/s of CPU time (%lld B chunks; target >= 500)\n",
                median(rates), median(cpuRates), qlonglong(chunkSize));
    std::fflush(stdout);
}

// Where the writer's time goes: each stage alone over the same chunks, in CPU time of this
// thread. "escape, pointer writes" is a sketch of JsonText::appendEscaped() that writes through
// a pointer into room made once per event instead of a QByteArray::append() per run and per
// escape (the output is compared with the real one).
void runBreakdown(const QString &filePath, qint64 chunkSize)
{
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QByteArray data = file.read(64 << 20);
    QList<QByteArray> chunks;
    for (qsizetype at = 0; at < data.size(); at += chunkSize)
        chunks.append(data.mid(at, chunkSize));
    QList<QByteArray> decoded;
    {
        Utf8Decoder decoder;
        for (const QByteArray &c : std::as_const(chunks)) {
            QByteArray text;
            decoder.decode(c, text);
            decoded.append(text);
        }
    }
    static const char kHex[] = "0123456789abcdef";
    const auto escapeFast = [](QByteArray &out, QByteArrayView text) {
        const qsizetype old = out.size();
        out.resize(old + text.size() * 6); // the most an escape takes; resize leaves it uninitialised
        char *d = out.data() + old;
        for (const char ch : text) {
            const auto c = static_cast<unsigned char>(ch);
            switch (JsonText::escapedLength(ch)) {
            case 1: *d++ = ch; break;
            case 2:
                *d++ = '\\';
                *d++ = c == '"' ? '"' : c == '\\' ? '\\' : c == '\n' ? 'n' : c == '\r' ? 'r' : 't';
                break;
            default:
                d[0] = '\\'; d[1] = 'u'; d[2] = '0'; d[3] = '0'; d[4] = kHex[c >> 4]; d[5] = kHex[c & 0xF];
                d += 6;
            }
        }
        out.truncate(d - out.constData());
    };
    struct Stage {
        const char *name;
        std::function<void()> run;
    };
    QByteArray out;
    out.reserve(4 << 20);
    QList<ClearDetector::Match> matches;
    const QList<Stage> stages = {
        {"decode (Utf8Decoder)", [&] {
             Utf8Decoder decoder;
             for (const QByteArray &c : std::as_const(chunks)) {
                 out.resize(0);
                 decoder.decode(c, out);
             }
         }},
        {"detect (ClearDetector)", [&] {
             ClearDetector detector;
             for (const QByteArray &t : std::as_const(decoded)) {
                 matches.clear();
                 detector.scan(t, matches);
             }
         }},
        {"escape (JsonText)", [&] {
             for (const QByteArray &t : std::as_const(decoded)) {
                 if (out.size() > (1 << 20))
                     out.resize(0);
                 JsonText::appendEscaped(out, t);
             }
         }},
        {"escape, pointer writes", [&] {
             for (const QByteArray &t : std::as_const(decoded)) {
                 if (out.size() > (1 << 20))
                     out.resize(0);
                 escapeFast(out, t);
             }
         }},
    };
    for (const Stage &stage : stages) {
        QList<double> rates;
        for (int run = 0; run < 3; ++run) {
            const qint64 cpuStart = threadCpuNs();
            stage.run();
            rates.append(mbps(data.size(), threadCpuNs() - cpuStart));
        }
        std::printf("  %-24s median %8.1f MB/s of CPU time\n", stage.name, median(rates));
    }
    QByteArray a, b;
    for (const QByteArray &t : std::as_const(decoded)) {
        JsonText::appendEscaped(a, t);
        escapeFast(b, t);
    }
    std::printf("  (pointer-write escape output %s JsonText's)\n", a == b ? "identical to" : "DIFFERS from");
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments();
    const QString commandLine = args.join(u' ');
    args.removeFirst();
    int runs = 3;
    qint64 sizeMb = 200;
    QString filePath;
    QString outDir = u"/tmp"_s;
    bool writerOnly = false;
    bool recorderOnly = false; // for profiling
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args.at(i) == u"--runs"_s && i + 1 < args.size())
            runs = std::max(1, args.at(++i).toInt());
        else if (args.at(i) == u"--size"_s && i + 1 < args.size())
            sizeMb = std::max<qint64>(1, args.at(++i).toLongLong());
        else if (args.at(i) == u"--out"_s && i + 1 < args.size())
            outDir = args.at(++i);
        else if (args.at(i) == u"--writer-only"_s)
            writerOnly = true;
        else if (args.at(i) == u"--recorder-only"_s)
            recorderOnly = true;
        else
            filePath = args.at(i);
    }
    const qint64 fileSize = prepareInputFile(filePath, u"/tmp/castdeck-bench-record-%1M.txt"_s.arg(sizeMb),
                                             sizeMb * 1024 * 1024, 3 * 1024 * 1024);
    if (fileSize <= 0)
        return 1;
    const QString castPath = outDir + u"/castdeck-bench-record.cast"_s;

    std::printf("command: %s\n", qPrintable(commandLine));
    std::printf("child:   cat %s (%lld bytes, colour-heavy, a clear every 3 MB; cooked pty)\n", qPrintable(filePath),
                qlonglong(fileSize));
    std::printf("cast:    %s\n", qPrintable(castPath));
    std::printf("%d runs each, alternating; MB/s = file bytes / wall time to the child's exit\n", runs);
    std::fflush(stdout);

    if (writerOnly) {
        QLoggingCategory::setFilterRules(u"castdeck.record.warning=false"_s);
        runWriter(filePath, 16 * 1024, 4);
        runBreakdown(filePath, 16 * 1024);
        return 0;
    }
    const QByteArray nativePath = QFile::encodeName(filePath);
    if (recorderOnly) {
        QList<Result> off;
        for (int i = 0; i < runs; ++i)
            off.append(runRecorder(filePath, castPath, false));
        report("recorder", off, fileSize);
        return 0;
    }
    runBaseline(nativePath); // warm the page cache
    QList<Result> baseline, off, on;
    for (int i = 0; i < runs; ++i) {
        baseline.append(runBaseline(nativePath));
        off.append(runRecorder(filePath, castPath, false));
        on.append(runRecorder(filePath, castPath, true));
    }
    const double b = report("baseline", baseline, fileSize);
    const double r0 = report("recorder", off, fileSize);
    const double r1 = report("rec+preamble", on, fileSize);
    std::printf("ratio recorder / baseline: %.2f (preambles off), %.2f (preambles on); target >= 0.80\n",
                b > 0 ? r0 / b : 0, b > 0 ? r1 / b : 0);
    std::printf("peak RSS of the recorder runs: %.1f MB (target < 100 MB)\n", double(peakRssKb()) / 1024.0);
    std::fflush(stdout);
    // How long the state thread needs after the child's exit to have every preamble.
    const Result full = runRecorder(filePath, castPath, true, 600000);
    std::printf("  state thread: child done after %.3f s, every preamble after %.3f s (%d of %d checkpoints)\n",
                double(full.ns) / 1e9, double(full.doneNs) / 1e9, full.preambles, full.checkpoints);
    std::printf("peak RSS including that run: %.1f MB\n", double(peakRssKb()) / 1024.0);
    std::fflush(stdout);
    QFile::remove(castPath);
    QFile::remove(CheckpointIndex::sidecarPath(castPath));

    QLoggingCategory::setFilterRules(u"castdeck.record.warning=false"_s); // "fsync failed" for /dev/null
    runWriter(filePath, 16 * 1024, 4);
    runWriter(filePath, 64 * 1024, 4);
    runBreakdown(filePath, 16 * 1024);
    return 0;
}
