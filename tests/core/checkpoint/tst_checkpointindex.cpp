#include "TestData.h"
#include "checkpoint/CastIndexer.h"
#include "checkpoint/CheckpointIndex.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using TestData::fileBytes;
using TestData::fixture;

namespace {
CheckpointIndex indexOf(const QString &path)
{
    CheckpointIndex idx;
    CastIndexer indexer;
    const CastIndexer::Result r = indexer.index(path, idx);
    if (r != CastIndexer::Result::Done)
        qWarning() << indexer.errorString();
    return idx;
}

// Checks one checkpoint against the file's bytes with an independent JSON parser: the raw
// data string from its start up to sequenceEnd decodes to text ending in the sequence, of
// exactly dataEnd bytes.
void verifyAgainstFile(const QByteArray &bytes, const Checkpoint &c)
{
    QVERIFY(c.lineOffset == 0 || bytes.at(c.lineOffset - 1) == '\n');
    const qsizetype lineEnd = bytes.indexOf('\n', c.lineOffset);
    QVERIFY(c.sequenceEnd > c.lineOffset && c.sequenceEnd < lineEnd);
    const QByteArray line = bytes.mid(c.lineOffset, lineEnd - c.lineOffset);
    // Find the data string's opening quote: the third string in the array.
    int quotes = 0;
    qsizetype dataStart = -1;
    for (qsizetype i = 0; i < line.size(); ++i) {
        if (line[i] == '\\') {
            ++i;
            continue;
        }
        if (line[i] == '"' && ++quotes == 3) {
            dataStart = c.lineOffset + i + 1;
            break;
        }
    }
    QVERIFY(dataStart > 0);
    const QByteArray rawPrefix = bytes.mid(dataStart, c.sequenceEnd - dataStart);
    const QJsonArray a = QJsonDocument::fromJson("[\"" + rawPrefix + "\"]").array();
    QVERIFY2(a.size() == 1, rawPrefix.constData());
    const QByteArray decoded = a.at(0).toString().toUtf8();
    QVERIFY(decoded.endsWith(c.sequenceBytes().right(qMin<qsizetype>(decoded.size(), c.sequenceBytes().size()))));
    QCOMPARE(decoded.size(), qsizetype(c.dataEnd));
}

// v2 output at times that make the histogram widen twice (past 409.6 s and 819.2 s), with
// other event codes between (not output: not counted).
// Non-empty slices of a histogram: index, bytes.
using SliceList = QList<std::pair<qsizetype, qint64>>;

QByteArray castOverMerges()
{
    return "{\"version\": 2, \"width\": 80, \"height\": 24}\n"
           "[0.05, \"o\", \"abc\"]\n"
           "[0.3, \"i\", \"typed\"]\n"
           "[0.35, \"o\", \"\\u001b[2J\"]\n"
           "[100.0, \"o\", \"h\\u00e9\"]\n"
           "[409.5, \"m\", \"marker\"]\n"
           "[409.55, \"o\", \"12345\"]\n"
           "[409.7, \"o\", \"1234567\"]\n"
           "[500.0, \"r\", \"100x30\"]\n"
           "[819.3, \"o\", \"xy\"]\n"
           "[1000.0, \"o\", \"\\r\\n\"]\n"_ba;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        qWarning() << "cannot write" << path;
    return path;
}
} // namespace

class TestCheckpointIndex : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Expected values computed independently (a Python reference over the file bytes).
    void checkpoints_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QList<qint64>>("events");
        QTest::addColumn<QList<qint64>>("lineOffsets");
        QTest::addColumn<QList<qint64>>("sequenceEnds");
        QTest::addColumn<QByteArrayList>("kinds");
        QTest::newRow("all-sequences-next-to-escapes-and-utf8")
            << fixture("all-sequences-v2.cast") << QList<qint64>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 9}
            << QList<qint64>{92, 131, 170, 203, 244, 293, 334, 375, 415, 459, 459}
            << QList<qint64>{124, 161, 198, 235, 280, 320, 366, 408, 450, 488, 497}
            << QByteArrayList{"clear-scrollback", "reset", "clear-screen", "home-clear", "home-clear-screen",
                              "alt-screen-enter", "alt-screen-leave", "alt-screen-47-enter", "alt-screen-47-leave",
                              "home-clear-screen", "clear-scrollback"};
        QTest::newRow("split-across-events") << fixture("split-sequences-v2.cast") << QList<qint64>{2, 3, 5}
                                             << QList<qint64>{86, 116, 176} << QList<qint64>{99, 137, 191}
                                             << QByteArrayList{"clear-screen", "home-clear-screen", "alt-screen-enter"};
        QTest::newRow("foreign-escapes-and-spacing") << fixture("foreign-escapes-v2.cast") << QList<qint64>{0, 1, 2}
                                                     << QList<qint64>{42, 66, 123} << QList<qint64>{62, 119, 142}
                                                     << QByteArrayList{"clear-screen", "clear-scrollback", "reset"};
        QTest::newRow("lookalikes") << fixture("lookalikes-v2.cast") << QList<qint64>{} << QList<qint64>{}
                                    << QList<qint64>{} << QByteArrayList{};
    }
    void checkpoints()
    {
        QFETCH(QString, file);
        QFETCH(QList<qint64>, events);
        QFETCH(QList<qint64>, lineOffsets);
        QFETCH(QList<qint64>, sequenceEnds);
        QFETCH(QByteArrayList, kinds);
        const CheckpointIndex idx = indexOf(file);
        QCOMPARE(idx.checkpoints.size(), events.size());
        const QByteArray bytes = fileBytes(file);
        for (qsizetype k = 0; k < events.size(); ++k) {
            const Checkpoint &c = idx.checkpoints[k];
            QCOMPARE(c.eventIndex, events[k]);
            QCOMPARE(c.lineOffset, lineOffsets[k]);
            QCOMPARE(c.sequenceEnd, sequenceEnds[k]);
            QCOMPARE(c.kindName(), kinds[k]);
            verifyAgainstFile(bytes, c);
        }
        QCOMPARE(idx.lastClearOffset(), sequenceEnds.isEmpty() ? -1 : sequenceEnds.constLast());
    }

    void ourEscapedBytesPrecedeSequenceEnd()
    {
        // With our own writer's escaping, the bytes just before sequenceEnd are literally the
        // escaped sequence, e.g. \u001b[3J.
        const QByteArray bytes = fileBytes(fixture("all-sequences-v2.cast"));
        const CheckpointIndex idx = indexOf(fixture("all-sequences-v2.cast"));
        for (const Checkpoint &c : idx.checkpoints) {
            QByteArray escaped = c.sequenceBytes();
            escaped.replace("\x1b", "\\u001b");
            QCOMPARE(bytes.mid(c.sequenceEnd - escaped.size(), escaped.size()), escaped);
        }
    }

    void summary()
    {
        const CheckpointIndex idx = indexOf(fixture("all-codes-v2.cast"));
        QCOMPARE(idx.format, 2);
        QCOMPARE(idx.eventCount, qint64(8));
        QCOMPARE(idx.eventsByCode.value("o"), qint64(2));
        QCOMPARE(idx.eventsByCode.value("m"), qint64(2));
        QCOMPARE(idx.eventsByCode.value("z"), qint64(1));
        QCOMPARE(idx.durationUs, qint64(800000));
        QCOMPARE(idx.markers.size(), 2);
        QCOMPARE(idx.markers[0].label, u"chapter one"_s);
        QCOMPARE(idx.markers[1].label, QString());
        QCOMPARE(idx.resizes.size(), 1);
        QCOMPARE(idx.resizes[0].cols, 120);
        QCOMPARE(idx.resizes[0].rows, 40);
        QCOMPARE(idx.cols, 120);
    }

    // The output histogram, filled in the same pass: decoded output bytes of 'o' events per
    // slice (ESC[2J is 4 bytes, \u00e9 two), other codes not counted, widened past the bound.
    void outputHistogram_data()
    {
        QTest::addColumn<QByteArray>("cast");
        QTest::addColumn<qint64>("sliceUs");
        QTest::addColumn<SliceList>("slices"); // the non-empty ones
        QTest::addColumn<qsizetype>("size");
        QTest::newRow("short: 100 ms slices")
            << "{\"version\": 2, \"width\": 80, \"height\": 24}\n[0.05, \"o\", \"abc\"]\n"
               "[0.06, \"i\", \"x\"]\n[0.09, \"o\", \"\\u001b[2J\"]\n[0.25, \"o\", \"de\"]\n"_ba
            << qint64(100'000) << SliceList{{0, 7}, {2, 2}} << qsizetype(3);
        QTest::newRow("v3 intervals") << "{\"version\": 3, \"term\": {\"cols\": 80, \"rows\": 24}}\n"
                                         "[0.05, \"o\", \"abc\"]\n[1.0, \"o\", \"de\"]\n"_ba
                                      << qint64(100'000) << SliceList{{0, 3}, {10, 2}}
                                      << qsizetype(11);
        // 1000 s: 400 ms slices.
        QTest::newRow("long: merged twice") << castOverMerges() << qint64(400'000)
                                            << SliceList{{0, 7}, {250, 3}, {1023, 5},
                                                                                    {1024, 7}, {2048, 2}, {2500, 2}}
                                            << qsizetype(2501);
    }
    void outputHistogram()
    {
        QFETCH(QByteArray, cast);
        QFETCH(qint64, sliceUs);
        QFETCH(SliceList, slices);
        QFETCH(qsizetype, size);
        QTemporaryDir dir;
        const CheckpointIndex idx = indexOf(writeFile(dir, u"h.cast"_s, cast));
        QCOMPARE(idx.outputHistogram.sliceUs(), sliceUs);
        QList<qint64> expected(size, 0);
        for (const auto &[k, b] : std::as_const(slices))
            expected[k] = b;
        QCOMPARE(idx.outputHistogram.bytes(), expected);
        // The density covers the duration at the slices' resolution; the busiest part is 1,
        // every slice with output shows, and idle stretches (a third of the buckets at least
        // in the long recording) are 0.
        const QList<float> density = idx.outputDensity();
        QCOMPARE(density.size(), qsizetype(idx.outputHistogram.naturalBuckets(idx.durationUs)));
        QCOMPARE(*std::max_element(density.cbegin(), density.cend()), 1.0f);
        for (const auto &[k, b] : std::as_const(slices)) {
            const qint64 at = std::min(k * sliceUs, idx.durationUs);
            const qsizetype bucket = std::min(density.size() - 1, qsizetype(at * density.size() / std::max<qint64>(1, idx.durationUs)));
            QVERIFY2(density.at(bucket) > 0, qPrintable(u"slice %1 (bucket %2)"_s.arg(k).arg(bucket)));
        }
        if (size > 1000)
            QVERIFY(std::count(density.cbegin(), density.cend(), 0.0f) > density.size() / 3);
    }

    void sizeInForceFollowsResizes()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"r.cast"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"version\": 2, \"width\": 80, \"height\": 24}\n[0.1, \"o\", \"\\u001b[2J\"]\n"
                "[0.2, \"r\", \"132x43\"]\n[0.3, \"o\", \"\\u001bc\"]\n");
        f.close();
        const CheckpointIndex idx = indexOf(path);
        QCOMPARE(idx.checkpoints.size(), 2);
        QCOMPARE(idx.checkpoints[0].cols, 80);
        QCOMPARE(idx.checkpoints[1].cols, 132);
        QCOMPARE(idx.checkpoints[1].rows, 43);
        QCOMPARE(idx.checkpoints[1].prevTimeUs, qint64(200000));
    }

    void sidecarRoundTripAndValidation()
    {
        QTemporaryDir dir;
        const QString cast = dir.filePath(u"a.cast"_s);
        QVERIFY(QFile::copy(fixture("all-sequences-v2.cast"), cast));
        const CheckpointIndex idx = indexOf(cast);
        const QString side = CheckpointIndex::sidecarPath(cast);
        QCOMPARE(side, cast + u".idx"_s);
        QString error;
        QVERIFY2(idx.save(side, &error), qPrintable(error));
        CheckpointIndex loaded;
        QVERIFY2(loaded.load(side, &error), qPrintable(error));
        QCOMPARE(loaded, idx);
        QVERIFY(!loaded.outputHistogram.isEmpty());
        QCOMPARE(loaded.outputHistogram, idx.outputHistogram);
        QCOMPARE(loaded.validate(cast), CheckpointIndex::Validity::Valid);

        // A damaged sidecar does not load.
        QFile s(side);
        QVERIFY(s.open(QIODevice::ReadWrite));
        s.resize(s.size() / 2);
        s.close();
        CheckpointIndex damaged;
        QVERIFY(!damaged.load(side, &error));
        QVERIFY(error.contains(u"damaged"_s));
    }

    // A widened histogram comes back as saved (width and counts).
    void sidecarKeepsTheHistogram()
    {
        QTemporaryDir dir;
        const QString cast = writeFile(dir, u"m.cast"_s, castOverMerges());
        const CheckpointIndex idx = indexOf(cast);
        QCOMPARE(idx.outputHistogram.sliceUs(), qint64(400'000));
        QString error;
        QVERIFY2(idx.save(CheckpointIndex::sidecarPath(cast), &error), qPrintable(error));
        CheckpointIndex loaded;
        QVERIFY2(loaded.load(CheckpointIndex::sidecarPath(cast), &error), qPrintable(error));
        QCOMPARE(loaded.outputHistogram, idx.outputHistogram);
        QCOMPARE(loaded.outputDensity(300), idx.outputDensity(300));
        QCOMPARE(loaded, idx);
    }

    // A sidecar of an older version (without the histogram) is refused, so it is rebuilt.
    void olderSidecarVersionIsRefused_data()
    {
        QTest::addColumn<quint32>("version");
        QTest::newRow("version 1") << 1u;
        QTest::newRow("version 2 (no histogram)") << 2u;
        QTest::newRow("a future version") << CheckpointIndex::kFileVersion + 1;
    }
    void olderSidecarVersionIsRefused()
    {
        QFETCH(quint32, version);
        QTemporaryDir dir;
        const QString cast = writeFile(dir, u"o.cast"_s, castOverMerges());
        const QString side = CheckpointIndex::sidecarPath(cast);
        QVERIFY(indexOf(cast).save(side));
        // The same file with only the version field changed (bytes 4-7, big-endian).
        QByteArray bytes = fileBytes(side);
        for (int i = 0; i < 4; ++i)
            bytes[4 + i] = char(version >> (24 - 8 * i));
        writeFile(dir, u"o.cast.idx"_s, bytes);
        CheckpointIndex loaded;
        QString error;
        QVERIFY(!loaded.load(side, &error));
        QVERIFY2(error.contains(u"version %1"_s.arg(CheckpointIndex::kFileVersion)), qPrintable(error));
        // The indexer, given nothing valid, builds it afresh.
        CastIndexer indexer;
        QCOMPARE(indexer.index(cast, loaded), CastIndexer::Result::Done);
        QCOMPARE(loaded, indexOf(cast));
    }

    void staleWhenFileChanged_data()
    {
        QTest::addColumn<QByteArray>("change"); // what happens to the cast after indexing
        QTest::addColumn<int>("validity");
        QTest::newRow("unchanged") << QByteArray("none") << int(CheckpointIndex::Validity::Valid);
        QTest::newRow("appended") << QByteArray("append") << int(CheckpointIndex::Validity::Grown);
        QTest::newRow("truncated") << QByteArray("truncate") << int(CheckpointIndex::Validity::Stale);
        QTest::newRow("header-edited") << QByteArray("header") << int(CheckpointIndex::Validity::Stale);
        QTest::newRow("last-line-edited") << QByteArray("lastline") << int(CheckpointIndex::Validity::Stale);
        QTest::newRow("other-file") << QByteArray("replace") << int(CheckpointIndex::Validity::Stale);
    }
    void staleWhenFileChanged()
    {
        QFETCH(QByteArray, change);
        QFETCH(int, validity);
        QTemporaryDir dir;
        const QString cast = dir.filePath(u"a.cast"_s);
        QVERIFY(QFile::copy(fixture("all-sequences-v2.cast"), cast));
        QFile::setPermissions(cast, QFile::ReadOwner | QFile::WriteOwner);
        const CheckpointIndex idx = indexOf(cast);
        QByteArray bytes = fileBytes(cast);
        if (change == "append")
            bytes += "[9.0, \"o\", \"more\"]\n";
        else if (change == "truncate")
            bytes.chop(10);
        else if (change == "header")
            bytes.replace("\"width\": 80", "\"width\": 81");
        else if (change == "lastline")
            bytes.replace(bytes.lastIndexOf("3.0"), 3, "3.5");
        else if (change == "replace")
            bytes = fileBytes(fixture("minimal-v2.cast")) + QByteArray(1000, '\n');
        QFile f(cast);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(bytes);
        f.close();
        QCOMPARE(int(idx.validate(cast)), validity);
    }

    // Indexing a file that grew continues from the old index and ends equal to indexing the
    // whole file from scratch, including a sequence split across the old end and an output
    // histogram that widened after the old end.
    void resumeAfterGrowthEqualsFreshIndex_data()
    {
        QTest::addColumn<QByteArray>("all");
        QTest::newRow("sequence split across the end") << fileBytes(fixture("split-sequences-v2.cast"));
        QTest::newRow("histogram widens after the end") << castOverMerges();
    }
    void resumeAfterGrowthEqualsFreshIndex()
    {
        QFETCH(QByteArray, all);
        const QList<QByteArray> lines = all.split('\n');
        for (int keep = 1; keep < lines.size() - 2; ++keep) { // lines ends with an empty piece
            QTemporaryDir dir;
            const QString cast = dir.filePath(u"g.cast"_s);
            QFile f(cast);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
            f.write(lines.mid(0, keep + 1).join('\n') + '\n');
            CheckpointIndex idx = indexOf(cast);
            QCOMPARE(idx.validate(cast), CheckpointIndex::Validity::Valid);
            f.write(lines.mid(keep + 1).join('\n'));
            f.close();
            QCOMPARE(idx.validate(cast), CheckpointIndex::Validity::Grown);
            CastIndexer indexer;
            QCOMPARE(indexer.index(cast, idx), CastIndexer::Result::Done);
            const CheckpointIndex fresh = indexOf(cast);
            QVERIFY(!fresh.outputHistogram.isEmpty());
            QCOMPARE(idx.outputHistogram, fresh.outputHistogram);
            QCOMPARE(idx, fresh);
        }
    }

    void progressAndCancel()
    {
        QTemporaryDir dir;
        const QString cast = dir.filePath(u"big.cast"_s);
        QFile f(cast);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"version\": 2, \"width\": 80, \"height\": 24}\n");
        const QByteArray line = "[1.0, \"o\", \"" + QByteArray(1000, 'x') + "\\u001b[2J\"]\n";
        for (int i = 0; i < 20000; ++i)
            f.write(line);
        f.close();
        CastIndexer indexer;
        int calls = 0;
        indexer.setProgress([&](qint64 done, qint64 total) {
            ++calls;
            return done < total / 2;
        });
        CheckpointIndex idx;
        QCOMPARE(indexer.index(cast, idx), CastIndexer::Result::Cancelled);
        QVERIFY(calls >= 2);
        QVERIFY(idx.checkpoints.size() < 20000);
    }

    void v1HasNoOffsets()
    {
        const CheckpointIndex idx = indexOf(fixture("minimal-v1.cast"));
        QCOMPARE(idx.format, 1);
        QCOMPARE(idx.checkpoints.size(), 1);
        QCOMPARE(idx.checkpoints[0].eventIndex, qint64(1));
        QCOMPARE(idx.checkpoints[0].sequenceEnd, qint64(-1));
        QCOMPARE(idx.durationUs, qint64(1500000));
    }
};

QTEST_GUILESS_MAIN(TestCheckpointIndex)
#include "tst_checkpointindex.moc"
