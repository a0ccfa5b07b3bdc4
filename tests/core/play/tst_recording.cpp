// Recording's loading state machine: sidecar valid (ready at once, nothing scanned), file grown
// (indexing resumes), stale or old sidecar (indexed again), unwritable folder (the cache),
// damaged files (open as far as valid, with warnings), cancellation of both passes; and the
// keyframe pass: resumable, saved as it goes, the same keyframes however often interrupted.
#include "PlayTestSupport.h"
#include "TestData.h"
#include "checkpoint/CastIndexer.h"
#include "play/Player.h"
#include "play/Recording.h"

#include <QDataStream>
#include <QDir>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace PlayTest;

namespace {
Recording::Options options(bool keyframes = false, qint64 interval = 8 << 10)
{
    Recording::Options o;
    o.buildKeyframes = keyframes;
    o.keyframeInterval = interval;
    o.saveEveryMs = 0; // save at every progress report: what an interruption keeps
    return o;
}

// The states a recording went through.
QList<Recording::State> states(const QSignalSpy &spy)
{
    QList<Recording::State> out;
    for (const QList<QVariant> &args : spy)
        out.append(args.at(0).value<Recording::State>());
    return out;
}

// The index as CastIndexer builds it from scratch (the reference for resumed ones).
CheckpointIndex freshIndex(const QString &path)
{
    CheckpointIndex idx;
    CastIndexer().index(path, idx);
    return idx;
}

// The parts of an index the index pass makes (keyframes aside).
void compareIndex(CheckpointIndex a, CheckpointIndex b)
{
    a.keyframes.clear();
    b.keyframes.clear();
    a.keyframedEvents = b.keyframedEvents = 0;
    QCOMPARE(a, b);
}

bool append(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::Append) && f.write(bytes) == bytes.size();
}
} // namespace

class TestRecording : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_n = 0;

    QString generated(qint64 bytes, quint32 seed = 5)
    {
        CastSpec spec;
        spec.seed = seed;
        spec.bytes = bytes;
        const QString path = m_dir.filePath(u"gen-%1.cast"_s.arg(++m_n));
        return writeCast(path, spec) ? path : QString();
    }
    QString copy(const char *fixture)
    {
        const QString path = m_dir.filePath(u"%1-%2"_s.arg(++m_n).arg(QLatin1StringView(fixture)));
        return QFile::copy(TestData::fixture(fixture), path) ? path : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true); // the cache under ~/.qttest
    }

    // The sidecar's keyframe area: preambles read when asked for, kept at their offsets when
    // the sidecar is written again, checked when read.
    void sidecarKeyframes()
    {
        const QString path = generated(64 << 10, 21);
        CheckpointIndex idx;
        QCOMPARE(CastIndexer().index(path, idx), CastIndexer::Result::Done);
        const QList<QByteArray> preambles{"\x1b[1;1Hone", QByteArray(5000, 'x'), QByteArray()};
        for (qsizetype k = 0; k < 2; ++k) {
            Keyframe kf;
            // Values beyond 32 bits in every 64-bit field (a multi-gigabyte recording).
            kf.timeUs = 90'000'000'000 + k;
            kf.position = {5'000'000'000 + k, k + 1, 80'000'000'000 + k, 3'000'000'000 + k};
            kf.cols = 200 + int(k);
            kf.rows = 60 - int(k);
            CheckpointIndex::setKeyframePreamble(kf, preambles[k]);
            idx.keyframes.append(kf);
        }
        idx.keyframedEvents = 2;
        const QString side = CheckpointIndex::sidecarPath(path);
        QVERIFY(idx.save(side));
        CheckpointIndex loaded;
        QVERIFY(loaded.load(side));
        QCOMPARE(loaded.keyframes.size(), 2);
        QCOMPARE(loaded.keyframedEvents, qint64(2));
        for (qsizetype k = 0; k < 2; ++k) {
            const Keyframe &a = loaded.keyframes[k];
            const Keyframe &b = idx.keyframes[k];
            QCOMPARE(a.timeUs, b.timeUs);
            QCOMPARE(a.position, b.position);
            QCOMPARE(a.cols, b.cols);
            QCOMPARE(a.rows, b.rows);
            QCOMPARE(a.preambleSize, b.preambleSize);
            QVERIFY(loaded.keyframes[k].compressed.isEmpty());
            QVERIFY(loaded.keyframes[k].blobOffset >= 16);
            QCOMPARE(loaded.keyframePreamble(k), std::optional<QByteArray>(preambles[k]));
        }
        // One more (an empty preamble is a preamble too), saved again: the first two stay put.
        Keyframe third;
        third.position.nextEventIndex = 3;
        CheckpointIndex::setKeyframePreamble(third, preambles[2]);
        loaded.keyframes.append(third);
        QVERIFY(loaded.save(side));
        CheckpointIndex again;
        QVERIFY(again.load(side));
        QCOMPARE(again.keyframes.size(), 3);
        for (qsizetype k = 0; k < 2; ++k)
            QCOMPARE(again.keyframes[k].blobOffset, loaded.keyframes[k].blobOffset);
        QCOMPARE(again.keyframePreamble(2), std::optional<QByteArray>(QByteArray()));
        QVERIFY(again.keyframePreamble(3) == std::nullopt);
        // A damaged preamble is refused, not returned.
        QByteArray bytes = TestData::fileBytes(side);
        bytes[again.keyframes[1].blobOffset + 10] = char(bytes[again.keyframes[1].blobOffset + 10] ^ 0x55);
        QFile f(side);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        f.close();
        QString error;
        QVERIFY(again.keyframePreamble(1, &error) == std::nullopt);
        QVERIFY2(error.contains(u"keyframe 1"_s), qPrintable(error));
        QCOMPARE(again.keyframePreamble(0), std::optional<QByteArray>(preambles[0]));
        // A sidecar cut short does not load.
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes.left(bytes.size() / 2));
        f.close();
        QVERIFY(!CheckpointIndex().load(side));
    }

    void noSidecarIndexesAndSaves()
    {
        const QString path = generated(2 << 20);
        Recording rec;
        rec.setOptions(options());
        QSignalSpy stateSpy(&rec, &Recording::stateChanged);
        QSignalSpy progress(&rec, &Recording::indexProgress);
        rec.open(path);
        QCOMPARE(rec.state(), Recording::State::Opening);
        QVERIFY(rec.waitForReady(60000));
        QCOMPARE(states(stateSpy),
                 (QList<Recording::State>{Recording::State::Opening, Recording::State::Indexing, Recording::State::Ready}));
        QVERIFY(!progress.isEmpty());
        QVERIFY(!rec.loadedFromSidecar());
        QVERIFY(rec.isIndexComplete());
        QCOMPARE(rec.sidecarPath(), CheckpointIndex::sidecarPath(path));
        QVERIFY(QFile::exists(rec.sidecarPath()));
        compareIndex(rec.index(), freshIndex(path));
        QCOMPARE(rec.header().width, 80);
    }

    void validSidecarIsReadyWithoutIndexing()
    {
        const QString path = generated(1 << 20);
        {
            Recording first;
            first.setOptions(options());
            first.open(path);
            QVERIFY(first.waitForReady(60000));
        }
        Recording rec;
        rec.setOptions(options());
        QSignalSpy stateSpy(&rec, &Recording::stateChanged);
        QSignalSpy progress(&rec, &Recording::indexProgress);
        rec.open(path);
        QVERIFY(rec.waitForReady(60000));
        QCOMPARE(states(stateSpy), (QList<Recording::State>{Recording::State::Opening, Recording::State::Ready}));
        QVERIFY(progress.isEmpty());
        QVERIFY(rec.loadedFromSidecar());
        compareIndex(rec.index(), freshIndex(path));
    }

    void grownFileResumes()
    {
        const QString path = generated(1 << 20);
        {
            Recording first;
            first.setOptions(options(true));
            first.open(path);
            QVERIFY(first.waitForKeyframes(120000));
        }
        CheckpointIndex before;
        QVERIFY(before.load(CheckpointIndex::sidecarPath(path)));
        const QByteArray more = "[99999.5, \"o\", \"more output\\r\\n\\u001b[2Jcleared\"]\n[99999.75, \"m\", \"end\"]\n";
        QVERIFY(append(path, more));

        Recording rec;
        rec.setOptions(options(true));
        QSignalSpy stateSpy(&rec, &Recording::stateChanged);
        rec.open(path);
        QVERIFY(rec.waitForKeyframes(120000));
        QVERIFY(states(stateSpy).contains(Recording::State::Indexing));
        QVERIFY(!rec.loadedFromSidecar());
        compareIndex(rec.index(), freshIndex(path));
        QCOMPARE(rec.index().eventCount, before.eventCount + 2);
        QCOMPARE(rec.index().markers.constLast().label, u"end"_s);
        // The keyframes of the first part are kept, and the pass went on to the end.
        QVERIFY(rec.index().keyframes.size() >= before.keyframes.size());
        for (qsizetype k = 0; k < before.keyframes.size(); ++k)
            QCOMPARE(rec.index().keyframes[k].position, before.keyframes[k].position);
        QVERIFY(rec.index().keyframesComplete());
    }

    void staleSidecarIsRebuilt()
    {
        const QString path = generated(1 << 20);
        {
            Recording first;
            first.setOptions(options());
            first.open(path);
            QVERIFY(first.waitForReady(60000));
        }
        // Same size, other contents: the last line's time changes, and so its hash.
        QByteArray bytes = TestData::fileBytes(path);
        const qsizetype digit = bytes.lastIndexOf("\n[") + 2;
        QVERIFY(digit > 2);
        bytes[digit] = bytes[digit] == '9' ? '8' : '9';
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(bytes), bytes.size());
        f.close();

        Recording rec;
        rec.setOptions(options());
        QSignalSpy stateSpy(&rec, &Recording::stateChanged);
        rec.open(path);
        QVERIFY(rec.waitForReady(60000));
        QVERIFY(states(stateSpy).contains(Recording::State::Indexing));
        compareIndex(rec.index(), freshIndex(path));
    }

    void oldSidecarVersionIsRebuilt()
    {
        const QString path = generated(256 << 10);
        QFile side(CheckpointIndex::sidecarPath(path));
        QVERIFY(side.open(QIODevice::WriteOnly));
        QDataStream s(&side);
        s << quint32(0x43444958) << quint32(1) << qint64(0);
        side.close();
        Recording rec;
        rec.setOptions(options());
        QSignalSpy stateSpy(&rec, &Recording::stateChanged);
        rec.open(path);
        QVERIFY(rec.waitForReady(60000));
        QVERIFY(states(stateSpy).contains(Recording::State::Indexing));
        CheckpointIndex saved;
        QVERIFY(saved.load(CheckpointIndex::sidecarPath(path))); // replaced by the current version
    }

    void unwritableFolderUsesTheCache_data()
    {
        QTest::addColumn<bool>("readOnlyFolder");
        QTest::addRow("read-only folder") << true;     // skipped as root
        QTest::addRow("sidecar name taken") << false;  // a folder where the sidecar would go
    }

    void unwritableFolderUsesTheCache()
    {
        QFETCH(bool, readOnlyFolder);
        if (readOnlyFolder && ::geteuid() == 0)
            QSKIP("root writes into read-only folders");
        const QString sub = m_dir.filePath(u"ro-%1"_s.arg(++m_n));
        QVERIFY(QDir().mkpath(sub));
        const QString path = sub + u"/cast.cast"_s;
        CastSpec spec;
        spec.bytes = 128 << 10;
        QVERIFY(writeCast(path, spec));
        QFile::remove(CheckpointIndex::cacheSidecarPath(path));
        if (readOnlyFolder)
            QVERIFY(QFile::setPermissions(sub, QFile::ReadOwner | QFile::ExeOwner));
        else
            QVERIFY(QDir().mkpath(CheckpointIndex::sidecarPath(path)));
        {
            Recording rec;
            rec.setOptions(options(true));
            rec.open(path);
            QVERIFY(rec.waitForKeyframes(60000));
            QCOMPARE(rec.sidecarPath(), CheckpointIndex::cacheSidecarPath(path));
            QVERIFY(QFile::exists(rec.sidecarPath()));
            QVERIFY(rec.warnings().isEmpty());
        }
        // And it is found there next time.
        Recording again;
        again.setOptions(options(true));
        again.open(path);
        QVERIFY(again.waitForReady(60000));
        QVERIFY(again.loadedFromSidecar());
        QCOMPARE(again.sidecarPath(), CheckpointIndex::cacheSidecarPath(path));
        QVERIFY(!again.isBuildingKeyframes());
        if (readOnlyFolder)
            QFile::setPermissions(sub, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }

    void damagedFilesOpenAsFarAsValid_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QString>("warning");
        QTest::addColumn<QString>("screen"); // the first row at the end
        QTest::addRow("truncated") << u"truncated-v2.cast"_s << u"line 4 (byte 78): truncated last line ignored"_s
                                   << u"onetwo"_s;
        QTest::addRow("malformed line") << u"malformed-middle-v2.cast"_s << u"line 3"_s << u"onethree"_s;
    }

    void damagedFilesOpenAsFarAsValid()
    {
        QFETCH(QString, fixture);
        QFETCH(QString, warning);
        QFETCH(QString, screen);
        const QString path = copy(fixture.toUtf8().constData());
        Recording rec;
        rec.setOptions(options(true));
        QSignalSpy warningsSpy(&rec, &Recording::warningsChanged);
        rec.open(path);
        QVERIFY(rec.waitForReady(10000));
        QVERIFY(!warningsSpy.isEmpty());
        QCOMPARE(rec.warnings().size(), 1);
        QVERIFY2(rec.warnings().constFirst().startsWith(warning), qPrintable(rec.warnings().constFirst()));
        Player player(&rec);
        player.seekToEvent(rec.index().eventCount);
        player.finishSeek();
        QCOMPARE(player.terminal()->snapshot().textRows().constFirst(), screen);
    }

    void unreadableFilesFail_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("error");
        QTest::addRow("missing") << m_dir.filePath(u"no-such.cast"_s) << u"no-such.cast"_s;
        QTest::addRow("empty") << TestData::fixture("empty.cast") << u"empty.cast"_s;
        QTest::addRow("garbage") << TestData::fixture("binary-garbage.cast") << u"binary-garbage.cast"_s;
    }

    void unreadableFilesFail()
    {
        QFETCH(QString, path);
        QFETCH(QString, error);
        Recording rec;
        rec.setOptions(options());
        QSignalSpy failed(&rec, &Recording::indexingFailed);
        rec.open(path);
        QVERIFY(!rec.waitForReady(10000));
        QCOMPARE(rec.state(), Recording::State::Failed);
        QCOMPARE(failed.size(), 1);
        QVERIFY2(rec.errorString().contains(error), qPrintable(rec.errorString()));
    }

    void everyFormatOpens_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<int>("format");
        QTest::addColumn<qint64>("events");
        QTest::addRow("v1") << u"minimal-v1.cast"_s << 1 << qint64(3);
        QTest::addRow("v2") << u"minimal-v2.cast"_s << 2 << qint64(2);
        QTest::addRow("v3") << u"minimal-v3.cast"_s << 3 << qint64(3);
    }

    void everyFormatOpens()
    {
        QFETCH(QString, fixture);
        QFETCH(int, format);
        QFETCH(qint64, events);
        const QString path = copy(fixture.toUtf8().constData());
        Recording rec;
        rec.setOptions(options(true));
        rec.open(path);
        QVERIFY(rec.waitForKeyframes(10000));
        QCOMPARE(rec.index().format, format);
        QCOMPARE(rec.index().eventCount, events);
        // v1 files keep no sidecar (they are one JSON document, read whole anyway).
        QCOMPARE(QFile::exists(CheckpointIndex::sidecarPath(path)), format != 1);
    }

    void cancelIndexing()
    {
        const QString path = generated(12 << 20, 9);
        Recording rec;
        rec.setOptions(options(true));
        rec.open(path);
        rec.cancel(); // the indexer stops at its first progress report (4 MB)
        QVERIFY(rec.waitForReady(60000));
        QVERIFY(!rec.isIndexComplete());
        QVERIFY(!rec.isBuildingKeyframes());
        QVERIFY(rec.index().durationUs < freshIndex(path).durationUs);
        QVERIFY(rec.warnings().constLast().contains(u"cancelled"_s));
        QVERIFY(!QFile::exists(CheckpointIndex::sidecarPath(path)));
        // What was indexed plays.
        Player player(&rec);
        player.seek(rec.index().durationUs);
        player.finishSeek();
        QVERIFY(player.eventIndex() > 0);
    }

    // Interrupted any number of times, the keyframe pass ends with the keyframes an
    // uninterrupted one builds.
    void keyframePassResumesAfterCancel()
    {
        const QString path = generated(3 << 20, 11); // progress comes every MB: a few interruptions
        CheckpointIndex reference;
        {
            const QString other = m_dir.filePath(u"reference.cast"_s);
            QVERIFY(QFile::copy(path, other));
            Recording rec;
            rec.setOptions(options(true, 64 << 10));
            rec.open(other);
            QVERIFY(rec.waitForKeyframes(300000));
            reference = rec.index();
            QVERIFY(reference.keyframes.size() > 10);
        }
        int interruptions = 0;
        for (;;) {
            Recording rec;
            rec.setOptions(options(true, 64 << 10));
            QObject::connect(&rec, &Recording::keyframeProgress, &rec, [&rec](qint64 done, qint64 total) {
                if (done < total)
                    rec.cancel();
            });
            QSignalSpy finished(&rec, &Recording::keyframesFinished);
            rec.open(path);
            QVERIFY(rec.waitForReady(60000));
            if (!rec.isBuildingKeyframes() && rec.index().keyframesComplete())
                break;
            QVERIFY(finished.wait(300000));
            if (finished.constFirst().at(0).toBool())
                break;
            QVERIFY(++interruptions < 200);
        }
        QVERIFY(interruptions > 1);
        CheckpointIndex resumed;
        QVERIFY(resumed.load(CheckpointIndex::sidecarPath(path)));
        QCOMPARE(resumed.keyframes.size(), reference.keyframes.size());
        for (qsizetype k = 0; k < resumed.keyframes.size(); ++k) {
            QCOMPARE(resumed.keyframes[k].position, reference.keyframes[k].position);
            QCOMPARE(resumed.keyframePreamble(k), reference.keyframePreamble(k));
        }
    }

    // A keyframe pass resumed right before a resize that pulls lines back from the scrollback
    // (which a terminal started from a preamble lacks) goes back to rebuild it, and ends with
    // the keyframes of an uninterrupted pass.
    void keyframePassRebuildsScrollback()
    {
        const QString path = m_dir.filePath(u"scrollback.cast"_s);
        {
            CastWriter w(2);
            CastHeader h;
            h.width = 40;
            h.height = 20;
            QByteArray out;
            w.appendHeader(out, h);
            qint64 t = 0;
            for (int k = 0; k < 200; ++k)
                w.appendEvent(out, t += 1000, "o", QByteArray("line " + QByteArray::number(k) + "\r\n"));
            w.appendEvent(out, t += 1000, "r", "40x5");  // pushes 15 lines
            w.appendEvent(out, t += 1000, "r", "40x30"); // pulls 25 back
            for (int k = 200; k < 300; ++k)
                w.appendEvent(out, t += 1000, "o", QByteArray("line " + QByteArray::number(k) + "\r\n"));
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(out);
        }
        CheckpointIndex reference;
        QCOMPARE(CastIndexer().index(path, reference), CastIndexer::Result::Done);
        KeyframeBuilder::Options o;
        o.intervalBytes = 256;
        KeyframeBuilder full;
        full.setOptions(o);
        QCOMPARE(full.build(path, reference), KeyframeBuilder::Result::Done);
        QCOMPARE(full.stats().restarts, qint64(0));
        // The keyframe right after the shrink, the last one kept.
        qsizetype cut = -1;
        for (qsizetype k = 0; k < reference.keyframes.size(); ++k)
            if (reference.keyframes[k].position.nextEventIndex == 201)
                cut = k;
        QVERIFY(cut > 0);
        CheckpointIndex resumed = reference;
        resumed.keyframes.resize(cut + 1);
        resumed.keyframedEvents = 201;
        KeyframeBuilder again;
        again.setOptions(o);
        QCOMPARE(again.build(path, resumed), KeyframeBuilder::Result::Done);
        QVERIFY(again.stats().restarts >= 1);
        QCOMPARE(resumed.keyframes.size(), reference.keyframes.size());
        for (qsizetype k = 0; k < resumed.keyframes.size(); ++k) {
            QCOMPARE(resumed.keyframes[k].position, reference.keyframes[k].position);
            QCOMPARE(resumed.keyframePreamble(k), reference.keyframePreamble(k));
        }
        // And a player gets the grown screen right: with no keyframe after the grow, a replay
        // from the one after the shrink (no scrollback) goes back further.
        CheckpointIndex withoutIt = reference;
        withoutIt.keyframes.removeIf([](const Keyframe &k) { return k.position.nextEventIndex == 202; });
        QCOMPARE(withoutIt.keyframes.size(), reference.keyframes.size() - 1);
        QVERIFY(withoutIt.save(CheckpointIndex::sidecarPath(path)));
        Recording rec;
        rec.setOptions(options(true));
        rec.open(path);
        QVERIFY(rec.waitForReady(10000));
        QVERIFY(rec.loadedFromSidecar());
        QVERIFY(!rec.isBuildingKeyframes());
        Player player(&rec);
        for (qint64 n : {qint64(202), qint64(250), qint64(201), qint64(202)}) {
            player.seekToEvent(n);
            player.finishSeek();
            LinearReplay truth(path);
            truth.toCount(n);
            QCOMPARE(player.terminal()->snapshot(), truth.snapshot());
        }
        QCOMPARE(player.terminal()->snapshot().textRows().constFirst(), u"line 171"_s);
    }

    // The keyframe pass publishes keyframes as it goes; the index pass publishes the index.
    void indexGrowsWhileLoading()
    {
        const QString path = generated(3 << 20, 13);
        Recording rec;
        Recording::Options o = options(true, 64 << 10);
        o.saveEveryMs = 200;
        rec.setOptions(o);
        QSignalSpy changed(&rec, &Recording::indexChanged);
        QSignalSpy kfProgress(&rec, &Recording::keyframeProgress);
        rec.open(path);
        QVERIFY(rec.waitForKeyframes(300000));
        QVERIFY(changed.size() >= 3); // partial index, complete index, keyframes
        QVERIFY(kfProgress.size() >= 2);
        QCOMPARE(kfProgress.constLast().at(0).toLongLong(), kfProgress.constLast().at(1).toLongLong());
        QVERIFY(rec.index().keyframesComplete());
        // Saved with the keyframes; their preambles are read from the sidecar.
        CheckpointIndex saved;
        QVERIFY(saved.load(rec.sidecarPath()));
        QCOMPARE(saved.keyframes.size(), rec.index().keyframes.size());
        for (qsizetype k = 0; k < saved.keyframes.size(); ++k)
            QVERIFY(saved.keyframePreamble(k).has_value());
    }

    // A sidecar replaced behind a recording's back: its keyframes fail their checks and the
    // player falls back (still exact).
    void replacedSidecarFallsBack()
    {
        const QString path = generated(300 << 10, 15);
        Recording rec;
        rec.setOptions(options(true));
        rec.open(path);
        QVERIFY(rec.waitForKeyframes(120000));
        QVERIFY(!rec.index().keyframes.isEmpty());
        // Another writer puts a different index there.
        CheckpointIndex other = rec.index();
        other.keyframes.clear();
        QVERIFY(other.save(rec.sidecarPath()));
        const qsizetype last = rec.index().keyframes.size() - 1;
        QVERIFY(!rec.keyframePreamble(last).has_value());
        Player player(&rec);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"keyframe \\d+ not used: .* cannot be read"_s));
        const qint64 t = rec.index().keyframes.constLast().timeUs;
        player.seek(t);
        player.finishSeek();
        LinearReplay truth(path);
        truth.toTime(t);
        QCOMPARE(player.terminal()->snapshot(), truth.snapshot());
    }
};

QTEST_GUILESS_MAIN(TestRecording)
#include "tst_recording.moc"
