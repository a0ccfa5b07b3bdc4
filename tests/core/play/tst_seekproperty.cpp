// The exact-seeking property: for any moment, the screen after Player::seek() equals, cell for
// cell (cursor, modes, title, alternate screen, size included), the screen after replaying the
// recording linearly from the start. Over the golden fixtures and generated casts that hit
// every hard case (see PlayTestSupport.h), with and without keyframes, seeking forward and
// backward, by time and by event count, to every checkpoint and keyframe.
#include "PlayTestSupport.h"
#include "TestData.h"
#include "play/Player.h"
#include "play/Recording.h"

#include <QDir>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace PlayTest;

namespace {
enum class Source { Fixture, Generated };

// Every event time, and the moments just before them (small files only).
QList<qint64> eventTimes(const QString &path)
{
    QList<qint64> out;
    CastReader r;
    if (!r.open(path))
        return out;
    CastEvent ev;
    while (r.readNext(ev)) {
        out.append(ev.timeUs);
        out.append(qMax<qint64>(0, ev.timeUs - 1));
    }
    return out;
}
} // namespace

class TestSeekProperty : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    quint32 m_seed = 0;

    QString prepare(Source source, const QString &name, const CastSpec &spec)
    {
        const QString path = m_dir.filePath(name);
        if (QFile::exists(path))
            return path;
        if (source == Source::Fixture)
            QFile::copy(TestData::fixture(name.toUtf8().constData()), path); // no sidecar in the source tree
        else
            writeCast(path, spec);
        return path;
    }

    // Opens `path` with keyframes every `interval` bytes (0: no keyframe pass at all).
    static bool open(Recording &rec, const QString &path, qint64 interval)
    {
        Recording::Options o;
        o.buildKeyframes = interval > 0;
        o.keyframeInterval = interval;
        o.saveIndex = true;
        rec.setOptions(o);
        rec.open(path);
        return interval > 0 ? rec.waitForKeyframes(300000) : rec.waitForReady(300000);
    }

    static void compare(Player &player, const LinearReplay &truth, const QString &what)
    {
        player.finishSeek();
        const TerminalSnapshot got = player.terminal()->snapshot();
        const TerminalSnapshot want = truth.snapshot();
        if (got != want)
            QFAIL(qPrintable(u"%1: %2 (events applied: player %3, replay %4)"_s.arg(what, got.describeDifference(want))
                                 .arg(player.eventIndex())
                                 .arg(truth.applied())));
        QCOMPARE(player.eventIndex(), truth.applied());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QStandardPaths::setTestModeEnabled(true);
        m_seed = seed();
        qInfo("seed %u (CASTDECK_SEED=N repeats a run, CASTDECK_SEED=random picks a new one)", m_seed);
    }

    void seekEqualsLinearReplay_data()
    {
        QTest::addColumn<int>("source");
        QTest::addColumn<QString>("name");
        QTest::addColumn<CastSpec>("spec");
        QTest::addColumn<qint64>("interval");
        QTest::addColumn<int>("randomTimes");

        const char *const fixtures[] = {"minimal-v1.cast", "minimal-v2.cast", "minimal-v3.cast", "all-codes-v2.cast",
                                        "all-sequences-v2.cast", "split-sequences-v2.cast", "foreign-escapes-v2.cast",
                                        "lookalikes-v2.cast", "truncated-v2.cast", "malformed-middle-v2.cast",
                                        "comments-v3.cast", "crlf-v2.cast", "zero-size-v2.cast",
                                        "negative-interval-v3.cast", "header-only-v2.cast",
                                        "decrc-after-shrink-v2.cast"}; // crashed libvterm before the fix
        for (const char *f : fixtures) {
            QTest::addRow("%s", f) << int(Source::Fixture) << QString::fromLatin1(f) << CastSpec() << qint64(64) << 20;
        }
        CastSpec small;
        small.seed = m_seed;
        small.bytes = 300 << 10;
        small.clearEvery = 20 << 10;
        QTest::addRow("generated-v2-keyframes") << int(Source::Generated) << u"gen-v2.cast"_s << small << qint64(8 << 10) << 150;
        QTest::addRow("generated-v2-no-keyframes") << int(Source::Generated) << u"gen-v2.cast"_s << small << qint64(0) << 40;
        CastSpec v3 = small;
        v3.version = 3;
        v3.seed = m_seed + 1;
        v3.cols = 120;
        v3.rows = 40;
        QTest::addRow("generated-v3-keyframes") << int(Source::Generated) << u"gen-v3.cast"_s << v3 << qint64(6 << 10) << 150;
        CastSpec tainted = small;
        tainted.seed = m_seed + 2;
        tainted.taint = true;
        QTest::addRow("generated-tabstops-dhl") << int(Source::Generated) << u"gen-taint.cast"_s << tainted << qint64(8 << 10) << 100;
        CastSpec resizes = small;
        resizes.seed = m_seed + 3;
        resizes.resizeEvery = 8;
        resizes.clearEvery = 200 << 10;
        QTest::addRow("generated-many-resizes") << int(Source::Generated) << u"gen-resize.cast"_s << resizes << qint64(8 << 10) << 100;
        CastSpec longer = small;
        longer.seed = m_seed + 4;
        longer.bytes = 2 << 20;
        longer.clearEvery = 700 << 10;
        QTest::addRow("generated-2MB") << int(Source::Generated) << u"gen-2mb.cast"_s << longer << qint64(32 << 10) << 60;
    }

    void seekEqualsLinearReplay()
    {
        QFETCH(int, source);
        QFETCH(QString, name);
        QFETCH(CastSpec, spec);
        QFETCH(qint64, interval);
        QFETCH(int, randomTimes);
        const QString path = prepare(Source(source), name, spec);
        Recording rec;
        if (!open(rec, path, interval)) {
            // Files that do not open (empty, garbage) have nothing to seek in.
            QCOMPARE(rec.state(), Recording::State::Failed);
            return;
        }
        const CheckpointIndex &idx = rec.index();
        if (interval > 0 && idx.eventCount > 200)
            QVERIFY2(!idx.keyframes.isEmpty(), "no keyframes were built");
        Player player(&rec);
        QRandomGenerator rng(m_seed ^ qHash(name));
        const qint64 duration = idx.durationUs;

        // By time: random moments, every event time and the moment before it (small files),
        // around resizes and clears of every kind (?1049h/l, ESC[3J...), keyframes; visited in
        // ascending order, each after a detour to a random other moment (so the player seeks
        // backward and forward), against one linear replay.
        QList<qint64> times;
        for (int k = 0; k < randomTimes; ++k)
            times.append(rng.bounded(duration + 2));
        if (idx.eventCount < 200)
            times += eventTimes(path);
        for (const CastResize &r : idx.resizes)
            times << r.timeUs << r.timeUs - 1;
        for (const Checkpoint &c : idx.checkpoints)
            times << c.timeUs << c.timeUs - 1;
        for (const Keyframe &k : idx.keyframes)
            times << k.timeUs << k.timeUs - 1;
        times << 0 << duration << duration + 1000000;
        std::sort(times.begin(), times.end());
        times.erase(std::unique(times.begin(), times.end()), times.end());
        times.removeIf([](qint64 t) { return t < 0; });
        LinearReplay truth(path);
        for (qint64 t : std::as_const(times)) {
            player.seek(rng.bounded(duration + 2)); // detour
            player.seek(t);
            truth.toTime(t);
            compare(player, truth, u"seek(%1 us)"_s.arg(t));
        }

        // By event count: every checkpoint (before and after its event), every keyframe, the
        // events around them (split sequences continue there), random counts.
        QList<qint64> counts;
        for (const Checkpoint &c : idx.checkpoints)
            counts << c.eventIndex << c.eventIndex + 1 << c.eventIndex + 2;
        for (const Keyframe &k : idx.keyframes)
            counts << k.position.nextEventIndex - 1 << k.position.nextEventIndex << k.position.nextEventIndex + 1;
        for (const CastResize &r : idx.resizes)
            counts << r.eventIndex << r.eventIndex + 1;
        for (int k = 0; k < randomTimes; ++k)
            counts.append(rng.bounded(idx.eventCount + 1));
        counts << 0 << idx.eventCount;
        std::sort(counts.begin(), counts.end());
        counts.erase(std::unique(counts.begin(), counts.end()), counts.end());
        counts.removeIf([&](qint64 n) { return n < 0 || n > idx.eventCount; });
        LinearReplay byCount(path);
        for (qint64 n : std::as_const(counts)) {
            player.seekToEvent(rng.bounded(idx.eventCount + 1)); // detour
            player.seekToEvent(n);
            byCount.toCount(n);
            compare(player, byCount, u"seekToEvent(%1)"_s.arg(n));
        }
    }

    // Stepping backward from the end, event by visible event, lands on the replay's states.
    void stepBackward()
    {
        CastSpec spec;
        spec.seed = m_seed + 10;
        spec.bytes = 64 << 10;
        spec.clearEvery = 8 << 10;
        spec.resizeEvery = 10;
        const QString path = prepare(Source::Generated, u"gen-steps.cast"_s, spec);
        Recording rec;
        QVERIFY(open(rec, path, 4 << 10));
        Player player(&rec);
        player.seekToEvent(rec.index().eventCount);
        player.finishSeek();
        // Which events are visible ('o', 'r'), to know where each step lands.
        QList<qint64> visible;
        {
            CastReader r;
            QVERIFY(r.open(path));
            CastEvent ev;
            while (r.readNext(ev))
                if (ev.type() == CastEvent::Type::Output || ev.type() == CastEvent::Type::Resize)
                    visible.append(ev.index);
        }
        QVERIFY(visible.size() > 20);
        for (int step = 0; step < 40; ++step) {
            player.stepBackward();
            player.finishSeek();
            const qint64 expected = visible.at(visible.size() - 2 - step) + 1;
            QCOMPARE(player.eventIndex(), expected);
            LinearReplay truth(path);
            truth.toCount(expected);
            compare(player, truth, u"step back %1"_s.arg(step));
        }
        // And forward again.
        for (int step = 0; step < 10; ++step) {
            player.stepForward();
            const qint64 expected = visible.at(visible.size() - 40 + step) + 1;
            QCOMPARE(player.eventIndex(), expected);
        }
        LinearReplay truth(path);
        truth.toCount(player.eventIndex());
        compare(player, truth, u"steps forward"_s);
    }

    // The sidecar's keyframes (read back lazily from the file) give the same screens.
    void keyframesFromSidecar()
    {
        CastSpec spec;
        spec.seed = m_seed + 20;
        spec.bytes = 200 << 10;
        const QString path = prepare(Source::Generated, u"gen-sidecar.cast"_s, spec);
        {
            Recording first;
            QVERIFY(open(first, path, 8 << 10));
            QVERIFY(first.index().keyframes.size() > 5);
        }
        Recording rec;
        QVERIFY(open(rec, path, 8 << 10));
        QVERIFY(rec.loadedFromSidecar());
        for (const Keyframe &k : rec.index().keyframes)
            QVERIFY(k.compressed.isEmpty()); // in the file, not in memory
        Player player(&rec);
        QRandomGenerator rng(m_seed + 21);
        for (int k = 0; k < 30; ++k) {
            const qint64 t = rng.bounded(rec.index().durationUs + 1);
            player.seek(t);
            LinearReplay truth(path);
            truth.toTime(t);
            compare(player, truth, u"seek(%1 us) from the sidecar"_s.arg(t));
        }
    }
};

QTEST_GUILESS_MAIN(TestSeekProperty)
#include "tst_seekproperty.moc"
