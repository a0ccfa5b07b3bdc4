// OutputHistogram: counts per slice, slices that widen and merge at the bound, the density
// the timeline draws (log-scaled, spread, clipped to the duration), and restore()'s checks.
#include "checkpoint/OutputHistogram.h"

#include <QRandomGenerator>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {
using Event = std::pair<qint64, qint64>; // time (µs), bytes

OutputHistogram histogramOf(const QList<Event> &events)
{
    OutputHistogram h;
    for (const auto &[t, b] : events)
        h.add(t, b);
    return h;
}

// Slice `k` holds `bytes`, every other slice up to `size` is empty.
QList<qint64> sparse(qsizetype size, const QList<std::pair<qsizetype, qint64>> &set)
{
    QList<qint64> l(size, 0);
    for (const auto &[k, b] : set)
        l[k] += b;
    return l;
}
} // namespace

class TestOutputHistogram : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void counts_data()
    {
        QTest::addColumn<QList<Event>>("events");
        QTest::addColumn<qint64>("sliceUs");
        QTest::addColumn<QList<qint64>>("bytes");
        constexpr qint64 w = OutputHistogram::kInitialSliceUs; // 100 ms
        QTest::newRow("nothing") << QList<Event>{} << w << QList<qint64>{};
        QTest::newRow("one event") << QList<Event>{{0, 5}} << w << QList<qint64>{5};
        QTest::newRow("one slice sums") << QList<Event>{{10, 3}, {99'999, 4}} << w << QList<qint64>{7};
        QTest::newRow("slice boundary belongs to the next")
            << QList<Event>{{99'999, 1}, {100'000, 2}} << w << QList<qint64>{1, 2};
        QTest::newRow("idle slices in between are zero")
            << QList<Event>{{0, 1}, {350'000, 2}} << w << QList<qint64>{1, 0, 0, 2};
        QTest::newRow("empty output adds nothing") << QList<Event>{{500'000, 0}} << w << QList<qint64>{};
        QTest::newRow("negative time counts at 0") << QList<Event>{{-5'000'000, 3}} << w << QList<qint64>{3};
        QTest::newRow("times going back") << QList<Event>{{250'000, 1}, {50'000, 2}} << w << QList<qint64>{2, 0, 1};
        // Slice 4095 is the last one of the bound: no merge yet.
        QTest::newRow("at the bound: no merge")
            << QList<Event>{{0, 1}, {409'599'999, 2}} << w << sparse(4096, {{0, 1}, {4095, 2}});
        // 409.6 s is slice 4096: the width doubles, pairs merge (4095 -> 2047).
        QTest::newRow("past the bound: pairs merge")
            << QList<Event>{{0, 1}, {150'000, 5}, {409'599'999, 2}, {409'600'000, 4}} << 2 * w
            << sparse(2049, {{0, 6}, {2047, 2}, {2048, 4}});
        // One event far out: the width doubles as often as needed (1e6 s / 4096 slices).
        QTest::newRow("far past the bound: several doublings")
            << QList<Event>{{1'000'000, 7}, {1'000'000'000'000, 9}} << w * 4096 // 409.6 s
            << sparse(2442, {{0, 7}, {2441, 9}});
    }
    void counts()
    {
        QFETCH(QList<Event>, events);
        QFETCH(qint64, sliceUs);
        QFETCH(QList<qint64>, bytes);
        const OutputHistogram h = histogramOf(events);
        QCOMPARE(h.sliceUs(), sliceUs);
        QCOMPARE(h.bytes(), bytes);
        qint64 total = 0;
        for (const Event &e : events)
            total += e.second;
        QCOMPARE(h.totalBytes(), total);
    }

    // Merging as it goes gives what counting at the final width from the start gives, and
    // the count never passes the bound; and adding in two runs equals one run.
    void mergingEqualsCountingAtTheFinalWidth_data()
    {
        QTest::addColumn<quint32>("seed");
        QTest::addColumn<qint64>("maxTimeUs");
        QTest::newRow("short, no merge") << 1u << qint64(60'000'000);
        QTest::newRow("an hour") << 2u << qint64(3'600'000'000);
        QTest::newRow("a month") << 3u << qint64(30LL * 24 * 3'600'000'000);
    }
    void mergingEqualsCountingAtTheFinalWidth()
    {
        QFETCH(quint32, seed);
        QFETCH(qint64, maxTimeUs);
        QRandomGenerator rng(seed);
        QList<Event> events;
        qint64 t = 0;
        while (t < maxTimeUs) {
            events.append({t, rng.bounded(1, 5000)});
            t += rng.bounded(qint64(1), maxTimeUs / 2000);
        }
        const OutputHistogram h = histogramOf(events);
        QVERIFY(h.bytes().size() <= OutputHistogram::kMaxSlices);
        // The final width: the narrowest 100 ms * 2^k that holds the latest time.
        qint64 w = OutputHistogram::kInitialSliceUs;
        while (events.constLast().first / w >= OutputHistogram::kMaxSlices)
            w *= 2;
        QCOMPARE(h.sliceUs(), w);
        QList<qint64> expected(events.constLast().first / w + 1, 0);
        for (const auto &[time, b] : std::as_const(events))
            expected[time / w] += b;
        QCOMPARE(h.bytes(), expected);

        for (qsizetype cut : {qsizetype(1), events.size() / 3, events.size() - 1}) {
            OutputHistogram twoRuns = histogramOf(events.mid(0, cut));
            for (const auto &[time, b] : events.mid(cut))
                twoRuns.add(time, b);
            QCOMPARE(twoRuns, h);
        }
    }

    void density_data()
    {
        QTest::addColumn<QList<Event>>("events");
        QTest::addColumn<qint64>("durationUs");
        QTest::addColumn<int>("buckets");
        QTest::addColumn<QList<float>>("expected");
        const float quiet = float(std::log1p(20.0) / std::log1p(2000.0)); // 20 B/s beside 2000 B/s
        QTest::newRow("no output") << QList<Event>{} << qint64(1'000'000) << 4 << QList<float>{0, 0, 0, 0};
        QTest::newRow("busy then idle") << QList<Event>{{0, 1000}} << qint64(1'000'000) << 2 << QList<float>{1, 0};
        QTest::newRow("quiet is log-scaled, above 0")
            << QList<Event>{{0, 1000}, {550'000, 10}} << qint64(1'000'000) << 2 << QList<float>{1, quiet};
        // One 100 ms slice over two 50 ms buckets: half each, both the busiest.
        QTest::newRow("a slice spreads over narrower buckets")
            << QList<Event>{{0, 1000}} << qint64(1'000'000) << 20
            << QList<float>{1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        // The last event at the very end (its slice starts there): the last bucket.
        QTest::newRow("output at the end is in the last bucket")
            << QList<Event>{{0, 10}, {1'000'000, 10}} << qint64(1'000'000) << 10
            << QList<float>{1, 0, 0, 0, 0, 0, 0, 0, 0, 1};
        // The last slice [900 ms, 1 s) is cut at 950 ms: all its bytes land in the last bucket.
        QTest::newRow("the last slice is clipped to the duration")
            << QList<Event>{{0, 100}, {920'000, 50}} << qint64(950'000) << 19
            << QList<float>{1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
        QTest::newRow("no buckets") << QList<Event>{{0, 10}} << qint64(1'000'000) << 0 << QList<float>{};
    }
    void density()
    {
        QFETCH(QList<Event>, events);
        QFETCH(qint64, durationUs);
        QFETCH(int, buckets);
        QFETCH(QList<float>, expected);
        const QList<float> d = histogramOf(events).density(durationUs, buckets);
        QCOMPARE(d.size(), expected.size());
        for (qsizetype i = 0; i < d.size(); ++i) {
            QVERIFY2(std::abs(d[i] - expected[i]) < 1e-4,
                     qPrintable(u"bucket %1: %2, expected %3"_s.arg(i).arg(d[i]).arg(expected[i])));
            QCOMPARE(d[i] > 0, expected[i] > 0);
        }
    }

    // A single byte beside megabytes still shows; the busiest bucket is 1.
    void anyOutputStaysVisible()
    {
        OutputHistogram h;
        h.add(0, 50'000'000);
        h.add(3'600'000'000, 1);
        const QList<float> d = h.density(3'600'000'000, 1000);
        QCOMPARE(d.first(), 1.0f);
        QVERIFY(d.last() > 0);
        QVERIFY(d.last() < 0.1f);
        QCOMPARE(std::count_if(d.cbegin(), d.cend(), [](float v) { return v > 0; }), 2);
    }

    void naturalBuckets_data()
    {
        QTest::addColumn<QList<Event>>("events");
        QTest::addColumn<qint64>("durationUs");
        QTest::addColumn<int>("buckets");
        QTest::newRow("empty recording") << QList<Event>{} << qint64(0) << 1;
        QTest::newRow("10 s at 100 ms") << QList<Event>{{0, 1}} << qint64(10'000'000) << 100;
        QTest::newRow("part of a slice rounds up") << QList<Event>{{0, 1}} << qint64(10'050'000) << 101;
        QTest::newRow("merged slices (400 ms)") << QList<Event>{{1'000'000'000, 1}} << qint64(1'000'000'000) << 2500;
    }
    void naturalBuckets()
    {
        QFETCH(QList<Event>, events);
        QFETCH(qint64, durationUs);
        QFETCH(int, buckets);
        QCOMPARE(histogramOf(events).naturalBuckets(durationUs), buckets);
    }

    void restoreChecksValues_data()
    {
        QTest::addColumn<qint64>("sliceUs");
        QTest::addColumn<QList<qint64>>("bytes");
        QTest::addColumn<bool>("ok");
        QTest::newRow("initial width") << OutputHistogram::kInitialSliceUs << QList<qint64>{1, 0, 2} << true;
        QTest::newRow("doubled width") << 8 * OutputHistogram::kInitialSliceUs << QList<qint64>{3} << true;
        QTest::newRow("width not a doubling") << qint64(150'000) << QList<qint64>{1} << false;
        QTest::newRow("zero width") << qint64(0) << QList<qint64>{} << false;
        QTest::newRow("negative count") << OutputHistogram::kInitialSliceUs << QList<qint64>{1, -1} << false;
        QTest::newRow("too many slices") << OutputHistogram::kInitialSliceUs
                                         << QList<qint64>(OutputHistogram::kMaxSlices + 1, 1) << false;
    }
    void restoreChecksValues()
    {
        QFETCH(qint64, sliceUs);
        QFETCH(QList<qint64>, bytes);
        QFETCH(bool, ok);
        OutputHistogram h;
        QCOMPARE(h.restore(sliceUs, bytes), ok);
        if (ok) {
            QCOMPARE(h.sliceUs(), sliceUs);
            QCOMPARE(h.bytes(), bytes);
        } else {
            QCOMPARE(h, OutputHistogram()); // unchanged
        }
    }
};

QTEST_GUILESS_MAIN(TestOutputHistogram)
#include "tst_outputhistogram.moc"
