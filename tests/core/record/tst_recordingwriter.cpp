#include "TestData.h"
#include "checkpoint/CastIndexer.h"
#include "format/CastReader.h"
#include "record/RecordingWriter.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Qt::StringLiterals;
using TestData::fileBytes;
using TestData::fixture;

namespace {
const QByteArray E("\x1b");

// A writer on its own thread, driven through queued calls as the Recorder does.
class WriterHarness
{
public:
    explicit WriterHarness(const RecordingWriter::Options &o)
        : writer(new RecordingWriter(o))
    {
        writer->moveToThread(&thread);
        QObject::connect(&thread, &QThread::finished, writer, &QObject::deleteLater);
        thread.start();
        QMetaObject::invokeMethod(writer, &RecordingWriter::start, Qt::QueuedConnection);
    }
    ~WriterHarness()
    {
        thread.quit();
        thread.wait();
    }
    void write(qint64 us, char code, const QByteArray &data)
    {
        writer->notePosted(data.size());
        QMetaObject::invokeMethod(writer, [w = writer, us, code, data] { w->write(us, code, data); }, Qt::QueuedConnection);
    }
    bool finish(int status)
    {
        QSignalSpy done(writer, &RecordingWriter::finished);
        QMetaObject::invokeMethod(writer, [w = writer, status] { w->finish(status); }, Qt::QueuedConnection);
        return QTest::qWaitFor([&done] { return done.size() == 1; }, 10000);
    }
    QThread thread;
    RecordingWriter *writer;
};

QByteArray escaped(QByteArray seq)
{
    return seq.replace("\x1b", "\\u001b");
}
} // namespace

class TestRecordingWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void offsetsSidecarAndThread_data()
    {
        QTest::addColumn<int>("version");
        QTest::newRow("v2") << 2;
        QTest::newRow("v3") << 3;
    }
    // Every clear sequence, split across writes too, next to quotes, backslashes, CJK and
    // emoji: pruningDetected fires on the writer thread with offsets that match the bytes of
    // the finished file, and the sidecar equals an index built from scratch.
    void offsetsSidecarAndThread()
    {
        QFETCH(int, version);
        QTemporaryDir dir;
        RecordingWriter::Options o;
        o.path = dir.filePath(u"rec.cast"_s);
        o.version = version;
        o.header.width = 100;
        o.header.height = 30;
        o.sidecarIntervalMs = 10;
        WriterHarness h(o);
        QList<PruningPoint> points;
        QList<bool> onWriterThread;
        QObject::connect(h.writer, &RecordingWriter::pruningDetected, h.writer, [&](const PruningPoint &p) {
            points.append(p);
            onWriterThread.append(QThread::currentThread() == &h.thread);
        }, Qt::DirectConnection);

        const QList<QByteArray> writes = {
            "\"quoted\"" + E + "[3Jback\\slash", "漢字" + E + "c😀", E + "[2", "J after split\t",
            E + "[H" + E + "[2J" + E + "[3J", "\xE6\xBC", "\xA2" + E + "[?1049h", "inside alt",
            E + "[?1049", "l", E + "[?47h" + E + "[?47l", E + "[H" + E + "[J done\r\n"};
        qint64 t = 0;
        for (const QByteArray &w : writes)
            h.write(t += 100000, 'o', w);
        h.write(t += 1000, 'r', "120x40");
        h.write(t += 1000, 'm', "chapter \"two\"");
        h.write(t += 1000, 'o', E + "[2J");
        QVERIFY(h.finish(0));

        const QByteArray bytes = fileBytes(o.path);
        const QList<QByteArray> kinds = {E + "[3J", E + "c", E + "[2J", E + "[H" + E + "[2J", E + "[3J", E + "[?1049h",
                                         E + "[?1049l", E + "[?47h", E + "[?47l", E + "[H" + E + "[J", E + "[2J"};
        QCOMPARE(points.size(), kinds.size());
        for (qsizetype k = 0; k < points.size(); ++k) {
            QVERIFY(onWriterThread[k]);
            const QByteArray esc = escaped(kinds[k]);
            // The sequence's last character is where it ends in the file; a split sequence
            // has its start in an earlier line.
            const QByteArray before = bytes.mid(points[k].sequenceEnd - esc.size(), esc.size());
            if (before != esc)
                QVERIFY2(esc.endsWith(bytes.mid(points[k].lineOffset, points[k].sequenceEnd - points[k].lineOffset).split('"').constLast()),
                         before.constData());
            QVERIFY(points[k].lineOffset == 0 || bytes.at(points[k].lineOffset - 1) == '\n');
        }
        QCOMPARE(points.constLast().cols, 120);

        CheckpointIndex live;
        QString error;
        QVERIFY2(live.load(CheckpointIndex::sidecarPath(o.path), &error), qPrintable(error));
        CheckpointIndex fresh;
        CastIndexer indexer;
        QCOMPARE(indexer.index(o.path, fresh), CastIndexer::Result::Done);
        QCOMPARE(live.checkpoints, fresh.checkpoints);
        QCOMPARE(live.markers, fresh.markers);
        QCOMPARE(live.resizes, fresh.resizes);
        QCOMPARE(live.eventsByCode, fresh.eventsByCode);
        QCOMPARE(live.durationUs, fresh.durationUs);
        QCOMPARE(live.source, fresh.source);
        QCOMPARE(live.resume, fresh.resume);
        QCOMPARE(live.detectorState, fresh.detectorState);
        QCOMPARE(live, fresh);
        QCOMPARE(live.validate(o.path), CheckpointIndex::Validity::Valid);

        CastReader r;
        QVERIFY(r.open(o.path));
        QCOMPARE(r.format(), version);
        CastEvent ev, last;
        QByteArray output;
        while (r.readNext(ev)) {
            if (ev.code == "o")
                output += ev.data;
            last = ev;
        }
        QVERIFY(r.warnings().isEmpty());
        QCOMPARE(last.code, QByteArray("x"));
        QCOMPARE(last.data, QByteArray("0"));
        QByteArray all;
        for (const QByteArray &w : writes)
            all += w;
        QCOMPARE(output, all + E + "[2J");
        QCOMPARE(h.writer->position().pending, qint64(0));
        QCOMPARE(h.writer->position().written, bytes.size());
    }

    void diskFullReportsOnce()
    {
        RecordingWriter::Options o;
        o.path = u"/dev/full"_s;
        o.sidecar = false;
        WriterHarness h(o);
        QSignalSpy failed(h.writer, &RecordingWriter::writeFailed);
        for (int i = 0; i < 50; ++i)
            h.write(i * 1000, 'o', QByteArray(100000, 'x'));
        QVERIFY(h.finish(0));
        QCOMPARE(failed.size(), 1);
        QVERIFY(failed.at(0).at(0).toString().contains(u"/dev/full"_s));
    }

    void deletedFileReportsOnce()
    {
        QTemporaryDir dir;
        RecordingWriter::Options o;
        o.path = dir.filePath(u"gone.cast"_s);
        o.flushIntervalMs = 5;
        WriterHarness h(o);
        QSignalSpy failed(h.writer, &RecordingWriter::writeFailed);
        h.write(1000, 'o', "first");
        QTRY_VERIFY(QFileInfo(o.path).size() > 50);
        QVERIFY(QFile::remove(o.path));
        h.write(2000, 'o', "second");
        h.write(3000, 'o', "third");
        QTRY_COMPARE(failed.size(), 1);
        QVERIFY(failed.at(0).at(0).toString().contains(u"deleted"_s));
        QVERIFY(h.finish(0));
        QCOMPARE(failed.size(), 1);
    }

    // Whatever was flushed stays readable: after a flush interval the file parses to the end
    // with no warning even though finish() never ran (a killed recorder).
    void flushedDataIsValidWithoutFinish()
    {
        QTemporaryDir dir;
        RecordingWriter::Options o;
        o.path = dir.filePath(u"live.cast"_s);
        o.flushIntervalMs = 20;
        auto *h = new WriterHarness(o);
        for (int i = 0; i < 100; ++i)
            h->write(i * 1000, 'o', "line " + QByteArray::number(i) + "\r\n");
        QTRY_VERIFY(h->writer->position().pending == 0 && QFileInfo(o.path).size() == h->writer->position().written);
        CastReader r;
        QVERIFY(r.open(o.path));
        CastEvent ev;
        int n = 0;
        while (r.readNext(ev))
            ++n;
        QCOMPARE(n, 100);
        QVERIFY(r.warnings().isEmpty());
        delete h;
    }
};

QTEST_GUILESS_MAIN(TestRecordingWriter)
#include "tst_recordingwriter.moc"
