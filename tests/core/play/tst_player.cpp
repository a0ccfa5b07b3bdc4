// Player's clock and controls: speed changed while playing, the idle-time limit (the header's,
// the user's, none), steps forward and backward, pausing at markers, jumps between checkpoints
// and markers, input events for the keystroke overlay, loop, long seeks in slices.
#include "PlayTestSupport.h"
#include "TestData.h"
#include "play/Player.h"
#include "play/Recording.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace PlayTest;

namespace {
// A cast with `events` output events `stepUs` apart (and a gap of `gapUs` after the first).
QString writeTimed(const QString &path, int events, qint64 stepUs, qint64 gapUs = 0, double idleLimit = 0)
{
    CastWriter w(2);
    CastHeader h;
    if (idleLimit > 0)
        h.idleTimeLimit = idleLimit;
    QByteArray out;
    w.appendHeader(out, h);
    qint64 t = 0;
    for (int k = 0; k < events; ++k) {
        t += k == 1 ? gapUs : stepUs;
        w.appendEvent(out, t, "o", QByteArray("event " + QByteArray::number(k) + "\r\n"));
    }
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(out) != out.size())
        return {};
    return path;
}
} // namespace

class TestPlayer : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_n = 0;

    QString copy(const char *fixture)
    {
        const QString path = m_dir.filePath(u"%1-%2"_s.arg(++m_n).arg(QLatin1StringView(fixture)));
        return QFile::copy(TestData::fixture(fixture), path) ? path : QString();
    }
    QString tempPath() { return m_dir.filePath(u"cast-%1.cast"_s.arg(++m_n)); }

    static void open(Recording &rec, const QString &path, bool keyframes = false)
    {
        Recording::Options o;
        o.buildKeyframes = keyframes;
        o.saveIndex = false;
        rec.setOptions(o);
        rec.open(path);
        QVERIFY(keyframes ? rec.waitForKeyframes(60000) : rec.waitForReady(60000));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        qRegisterMetaType<Terminal *>();
    }

    void initialState()
    {
        Recording rec;
        open(rec, copy("all-codes-v2.cast"));
        Player player(&rec);
        QCOMPARE(player.state(), Player::State::Paused);
        QCOMPARE(player.position(), qint64(0));
        QCOMPARE(player.duration(), qint64(800000));
        QCOMPARE(player.terminal()->cols(), 100);
        QCOMPARE(player.terminal()->rows(), 30);
        QCOMPARE(player.speed(), 1.0);
        QCOMPARE(player.idleTimeLimit(), std::optional<qint64>(2000000)); // the header's
        QVERIFY(!player.loops());
    }

    void speedChangesWhilePlaying()
    {
        Recording rec;
        open(rec, writeTimed(tempPath(), 61, 100000)); // 6.1 s
        Player player(&rec);
        QSignalSpy finished(&player, &Player::finished);
        QSignalSpy states(&player, &Player::stateChanged);
        QElapsedTimer wall;
        wall.start();
        player.play();
        QCOMPARE(player.state(), Player::State::Playing);
        QTRY_VERIFY_WITH_TIMEOUT(player.position() >= 300000, 5000);
        const qint64 atOneX = player.position();
        QVERIFY2(atOneX < 1500000, qPrintable(QString::number(atOneX))); // about real time
        player.setSpeed(100); // clamped
        QCOMPARE(player.speed(), Player::kMaxSpeed);
        wall.restart();
        QVERIFY(finished.wait(10000));
        // ~5.8 s of recording at 16x: ~0.36 s; far below real time even on a loaded machine.
        QVERIFY2(wall.elapsed() < 3000, qPrintable(QString::number(wall.elapsed())));
        QCOMPARE(player.state(), Player::State::Paused);
        QCOMPARE(player.eventIndex(), qint64(61));
        QCOMPARE(player.position(), player.duration());
        QVERIFY(player.atEnd());
        player.setSpeed(0.01);
        QCOMPARE(player.speed(), Player::kMinSpeed);
    }

    void idleTimeLimit_data()
    {
        QTest::addColumn<double>("header");    // header's idle_time_limit (0: none)
        QTest::addColumn<qint64>("user");      // -1: keep the default; 0: off; else the limit
        QTest::addColumn<bool>("finishesSoon");
        QTest::addRow("header limit") << 0.3 << qint64(-1) << true;
        QTest::addRow("user limit") << 0.0 << qint64(200000) << true;
        QTest::addRow("user turns the header's off") << 0.3 << qint64(0) << false;
        QTest::addRow("no limit") << 0.0 << qint64(-1) << false;
    }

    void idleTimeLimit()
    {
        QFETCH(double, header);
        QFETCH(qint64, user);
        QFETCH(bool, finishesSoon);
        Recording rec;
        open(rec, writeTimed(tempPath(), 3, 100000, 60'000'000, header)); // a minute's pause
        Player player(&rec);
        if (user == 0)
            player.setIdleTimeLimit(std::nullopt);
        else if (user > 0)
            player.setIdleTimeLimit(user);
        QSignalSpy finished(&player, &Player::finished);
        QElapsedTimer wall;
        wall.start();
        player.play();
        if (finishesSoon) {
            QVERIFY(finished.wait(10000));
            // The pause took the limit, not nothing and not a minute.
            QVERIFY2(wall.elapsed() >= 150, qPrintable(QString::number(wall.elapsed())));
            QCOMPARE(player.eventIndex(), qint64(3));
        } else {
            QVERIFY(!finished.wait(1000));
            QCOMPARE(player.eventIndex(), qint64(1));
            QVERIFY(player.position() < 3'000'000);
        }
        player.resetIdleTimeLimit();
        QCOMPARE(player.idleTimeLimit().has_value(), header > 0);
    }

    void stepsForwardAndBackward()
    {
        // all-codes-v2: 0 o, 1 i, 2 o, 3 r, 4 m, 5 z, 6 m, 7 x
        Recording rec;
        open(rec, copy("all-codes-v2.cast"));
        Player player(&rec);
        QSignalSpy input(&player, &Player::inputEvent);
        QSignalSpy markers(&player, &Player::markerReached);
        QSignalSpy sizes(&player, &Player::sizeChanged);
        const QList<qint64> forward{1, 3, 4, 8};
        for (qint64 expected : forward) {
            player.stepForward();
            QCOMPARE(player.eventIndex(), expected);
        }
        QCOMPARE(input.size(), 1);
        QCOMPARE(input.constFirst().at(0).toString(), u"l"_s);
        QCOMPARE(markers.size(), 2);
        QCOMPARE(markers.constFirst().at(0).toString(), u"chapter one"_s);
        QCOMPARE(sizes.constLast().at(0).toInt(), 120);
        QCOMPARE(player.position(), qint64(800000));
        player.stepForward(); // at the end: nothing
        QCOMPARE(player.eventIndex(), qint64(8));

        const QList<qint64> backward{3, 1, 0, 0};
        for (qint64 expected : backward) {
            player.stepBackward();
            player.finishSeek();
            QCOMPARE(player.eventIndex(), expected);
        }
        QCOMPARE(player.terminal()->cols(), 100);
        QCOMPARE(player.position(), qint64(0));
    }

    void pausesAtMarkers()
    {
        Recording rec;
        open(rec, copy("all-codes-v2.cast"));
        Player player(&rec);
        player.setPauseAtMarkers(true);
        player.setSpeed(16);
        QSignalSpy markers(&player, &Player::markerReached);
        QSignalSpy input(&player, &Player::inputEvent);
        player.play();
        QVERIFY(markers.wait(5000));
        QCOMPARE(markers.constFirst().at(0).toString(), u"chapter one"_s);
        QCOMPARE(player.state(), Player::State::Paused);
        QCOMPARE(player.position(), qint64(500000));
        QCOMPARE(player.eventIndex(), qint64(5));
        QCOMPARE(input.size(), 1); // the 'i' event on the way, for the keystroke overlay
        player.play();
        QVERIFY(markers.wait(5000));
        QCOMPARE(markers.constLast().at(0).toString(), QString());
        QCOMPARE(player.position(), qint64(700000));
        QCOMPARE(player.state(), Player::State::Paused);
    }

    void jumpsBetweenCheckpointsAndMarkers()
    {
        CastSpec spec;
        spec.bytes = 200 << 10;
        spec.clearEvery = 30 << 10;
        spec.seed = 77;
        const QString path = tempPath();
        QVERIFY(writeCast(path, spec));
        Recording rec;
        open(rec, path, true);
        const CheckpointIndex &idx = rec.index();
        QVERIFY(idx.checkpoints.size() > 3);
        QVERIFY(idx.markers.size() > 1);
        Player player(&rec);

        // Forward through every checkpoint time, then back.
        QList<qint64> times;
        for (const Checkpoint &c : idx.checkpoints)
            if (times.isEmpty() || times.constLast() != c.timeUs)
                times.append(c.timeUs);
        for (qint64 t : std::as_const(times)) {
            QVERIFY(player.nextCheckpoint());
            QCOMPARE(player.position(), t);
        }
        QVERIFY(!player.nextCheckpoint());
        for (qsizetype k = times.size() - 2; k >= 0; --k) {
            QVERIFY(player.previousCheckpoint());
            QCOMPARE(player.position(), times.at(k));
        }
        QVERIFY(!player.previousCheckpoint());

        player.seek(0);
        QVERIFY(player.nextMarker());
        QCOMPARE(player.position(), idx.markers.constFirst().timeUs);
        QVERIFY(player.nextMarker());
        QVERIFY(player.previousMarker());
        QCOMPARE(player.position(), idx.markers.constFirst().timeUs);

        QVERIFY(player.seekToLastClear());
        QCOMPARE(player.position(), idx.checkpoints.constLast().timeUs);
        LinearReplay truth(path);
        truth.toTime(idx.checkpoints.constLast().timeUs);
        QCOMPARE(player.terminal()->snapshot(), truth.snapshot());

        player.seekToFraction(0.5);
        QCOMPARE(player.position(), idx.durationUs / 2);
        player.seekToFraction(2);
        QCOMPARE(player.position(), idx.durationUs);
        QVERIFY(player.atEnd());
    }

    void loops()
    {
        Recording rec;
        open(rec, copy("minimal-v2.cast"));
        Player player(&rec);
        player.setLoop(true);
        player.setSpeed(16);
        QSignalSpy finished(&player, &Player::finished);
        QSignalSpy positions(&player, &Player::positionChanged);
        player.play();
        // Back at the start after the end, at least twice.
        int restarts = 0;
        qint64 last = 0;
        QElapsedTimer wall;
        wall.start();
        while (restarts < 2 && wall.elapsed() < 10000) {
            QVERIFY(positions.wait(5000));
            for (const QList<QVariant> &args : std::as_const(positions)) {
                const qint64 p = args.at(0).toLongLong();
                if (p < last)
                    ++restarts;
                last = p;
            }
            positions.clear();
        }
        QVERIFY(restarts >= 2);
        QVERIFY(finished.isEmpty());
        QCOMPARE(player.state(), Player::State::Playing);
        player.pause();
        QCOMPARE(player.state(), Player::State::Paused);
    }

    // A long replay (no keyframes, far from the start) runs in slices. Ahead of the current
    // state it goes on in the shown terminal; from the start, in a new one that replaces it at
    // the end (the previous frame stays meanwhile).
    void longSeeksRunInSlices()
    {
        CastSpec spec;
        spec.bytes = 12 << 20;
        spec.clearEvery = 0;
        spec.resizeEvery = 0;
        spec.seed = 3;
        const QString path = tempPath();
        QVERIFY(writeCast(path, spec));
        Recording rec;
        open(rec, path, false);
        Player player(&rec);
        QSignalSpy started(&player, &Player::seekStarted);
        QSignalSpy finishedSeek(&player, &Player::seekFinished);
        QSignalSpy replaced(&player, &Player::terminalChanged);
        const qint64 duration = rec.index().durationUs;
        player.seek(duration);
        QVERIFY(player.isSeeking());
        QCOMPARE(started.size(), 1);
        QVERIFY(player.eventIndex() > 0); // going on in the shown terminal
        QVERIFY(finishedSeek.wait(120000));
        QVERIFY(!player.isSeeking());
        QCOMPARE(replaced.size(), 0);
        QCOMPARE(player.eventIndex(), rec.index().eventCount);

        const TerminalSnapshot before = player.terminal()->snapshot();
        player.seek(duration * 9 / 10);
        QVERIFY(player.isSeeking());
        QCOMPARE(player.terminal()->snapshot(), before);
        QCOMPARE(player.eventIndex(), rec.index().eventCount);
        QVERIFY(finishedSeek.wait(120000));
        QCOMPARE(replaced.size(), 1);
        LinearReplay truth(path);
        truth.toTime(duration * 9 / 10);
        QCOMPARE(player.terminal()->snapshot(), truth.snapshot());

        // A new seek while one runs replaces it.
        player.seek(duration / 2);
        QVERIFY(player.isSeeking());
        player.seek(duration / 3);
        player.finishSeek();
        LinearReplay third(path);
        third.toTime(duration / 3);
        QCOMPARE(player.terminal()->snapshot(), third.snapshot());
        QCOMPARE(player.position(), duration / 3);
    }

    void reopeningResetsThePlayer()
    {
        Recording rec;
        open(rec, copy("all-codes-v2.cast"));
        Player player(&rec);
        player.seek(1000000);
        QCOMPARE(player.eventIndex(), qint64(8));
        QSignalSpy replaced(&player, &Player::terminalChanged);
        open(rec, copy("minimal-v3.cast"));
        QVERIFY(replaced.size() >= 1);
        QCOMPARE(player.terminal()->cols(), 100);
        QCOMPARE(player.eventIndex(), qint64(0));
        player.seekToEvent(3);
        QCOMPARE(player.terminal()->snapshot().textRows().constFirst(), u"hello world"_s);
    }
};

QTEST_GUILESS_MAIN(TestPlayer)
#include "tst_player.moc"
