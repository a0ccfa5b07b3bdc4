// bench_search: RecordingSearch (a worker thread: CastReader -> headless Terminal -> rows ->
// matches) over one file, each figure beside baselines measured in the same run on the same
// file (the machines are shared and noisy: ratios are what count).
//
//   bench_search FILE            (a generated cast: bench_format generate FILE 100 3)
//   bench_search --generate FILE MB
//
// Prints, in MB/s of the file:
//   baseline  read: CastReader parsing every event (no terminal)
//   baseline  terminal: Terminal fed every output and resize event (no search): the ceiling
//   search    a plain text that is not there (the full cost of checking every event)
//   search    a regular expression that is not there
//   search    a frequent word ("error:"): time to the first hit on screen and until the hit
//             limit (RecordingSearch::kMaxHits) stops it
//   peak RSS of the process
#include "BenchFigures.h"
#include "OutputGenerator.h"
#include "format/CastReader.h"
#include "play/RecordingSearch.h"
#include "terminal/Terminal.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace {
QTextStream out(stdout);

qint64 readPass(const QString &path, qint64 &outputBytes)
{
    QElapsedTimer t;
    t.start();
    CastReader reader;
    if (!reader.open(path))
        return -1;
    CastEvent ev;
    outputBytes = 0;
    while (reader.readNext(ev))
        if (ev.type() == CastEvent::Type::Output)
            outputBytes += ev.data.size();
    return t.nsecsElapsed();
}

qint64 terminalPass(const QString &path)
{
    QElapsedTimer t;
    t.start();
    CastReader reader;
    if (!reader.open(path))
        return -1;
    Terminal term(reader.header().width, reader.header().height);
    CastEvent ev;
    while (reader.readNext(ev)) {
        if (ev.type() == CastEvent::Type::Output) {
            term.feed(ev.data);
        } else if (ev.type() == CastEvent::Type::Resize) {
            int c = 0, r = 0;
            if (ev.resizeSize(c, r))
                term.resize(c, r);
        }
    }
    return t.nsecsElapsed();
}

struct SearchRun {
    qint64 ns = 0;
    qint64 firstHitNs = -1;
    qint64 bytesDone = 0;
    int hits = 0;
    int batches = 0;
    bool limit = false;
};

SearchRun searchPass(const QString &path, const RecordingSearch::Query &q)
{
    SearchRun run;
    RecordingSearch search;
    QElapsedTimer t;
    QObject::connect(&search, &RecordingSearch::hitsFound, &search, [&](const QList<RecordingSearch::Hit> &) {
        if (run.firstHitNs < 0)
            run.firstHitNs = t.nsecsElapsed();
        ++run.batches;
    });
    t.start();
    search.start(path, q);
    if (!search.waitForFinished())
        out << "  search failed: " << search.errorString() << Qt::endl;
    run.ns = t.nsecsElapsed();
    run.hits = int(search.hits().size());
    run.limit = search.isLimitReached();
    run.bytesDone = search.bytesDone();
    return run;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    if (args.size() == 3 && args.first() == u"--generate"_s) {
        const qint64 mb = args.at(2).toLongLong();
        return writeGeneratedCast(args.at(1), mb << 20, 3 << 20) > 0 ? 0 : 1;
    }
    if (args.size() != 1) {
        out << "usage: bench_search FILE | --generate FILE MB" << Qt::endl;
        return 2;
    }
    const QString path = args.first();
    const qint64 size = QFileInfo(path).size();
    out << "bench_search " << path << " (" << QString::number(double(size) / 1e6, 'f', 1) << " MB)" << Qt::endl;

    qint64 outputBytes = 0;
    const qint64 readNs = readPass(path, outputBytes);
    if (readNs < 0) {
        out << "cannot read " << path << Qt::endl;
        return 1;
    }
    out << "  baseline read (CastReader, every event):   " << QString::number(mbps(size, readNs), 'f', 1)
        << " MB/s  (" << QString::number(double(outputBytes) / 1e6, 'f', 1) << " MB of output)" << Qt::endl;
    const qint64 termNs = terminalPass(path);
    const double termRate = mbps(size, termNs);
    out << "  baseline terminal (Terminal::feed only):   " << QString::number(termRate, 'f', 1) << " MB/s" << Qt::endl;

    const struct {
        const char *label;
        RecordingSearch::Query query;
    } runs[] = {
        {"search plain, not found", {u"no such text here"_s, false, false}},
        {"search regex, not found", {u"\\bzz[0-9]+q\\b"_s, true, false}},
        {"search plain \"error:\" (frequent)", {u"error:"_s, false, true}},
    };
    for (const auto &r : runs) {
        const SearchRun s = searchPass(path, r.query);
        const double rate = mbps(s.bytesDone, s.ns);
        out << "  " << r.label << ": " << QString::number(rate, 'f', 1) << " MB/s, ratio to terminal "
            << QString::number(rate / termRate, 'f', 2) << ", " << s.hits << " hits in " << s.batches << " batches"
            << (s.limit ? u" (hit limit, stopped at %1 MB)"_s.arg(double(s.bytesDone) / 1e6, 0, 'f', 1) : QString())
            << ", " << QString::number(double(s.ns) / 1e9, 'f', 2) << " s";
        if (s.firstHitNs >= 0)
            out << ", first hit after " << QString::number(double(s.firstHitNs) / 1e6, 'f', 1) << " ms";
        out << Qt::endl;
    }
    out << "  peak RSS: " << peakRssMb() << " MB" << Qt::endl;
    return 0;
}
