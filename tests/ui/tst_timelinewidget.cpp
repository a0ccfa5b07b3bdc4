// TimelineWidget: time <-> x (also zoomed), click and drag seeking (throttled while scrubbing,
// the final position on release), clicks on ticks and flags, Ctrl+wheel zoom around the
// pointer, wheel scrolling, tooltips, painting speed with 20,000 ticks, colours by kind.
// With CASTDECK_SCREENSHOT_DIR set, screenshots() renders the timeline and the checkpoint
// list with a realistic two-hour recording into that folder.
#include "CheckpointListWidget.h"
#include "TimelineWidget.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QSignalSpy>
#include <QSplitter>
#include <QTest>
#include <QToolTip>
#include <QTreeView>
#include <QVBoxLayout>
#include <QWheelEvent>

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 kSecond = 1'000'000;
constexpr qint64 kTwoHours = 2 * 3600 * kSecond;

Checkpoint checkpoint(ClearKind kind, qint64 timeUs, qint64 eventIndex = 0)
{
    Checkpoint c;
    c.kind = kind;
    c.timeUs = timeUs;
    c.eventIndex = eventIndex;
    return c;
}

CastMarker marker(qint64 timeUs, const QString &label, qint64 eventIndex = 0)
{
    CastMarker m;
    m.timeUs = timeUs;
    m.label = label;
    m.eventIndex = eventIndex;
    return m;
}

CastResize resize(qint64 timeUs, int cols, int rows)
{
    CastResize r;
    r.timeUs = timeUs;
    r.cols = cols;
    r.rows = rows;
    return r;
}

void sendMouse(QWidget *w, QEvent::Type type, QPoint pos, Qt::MouseButton button, Qt::MouseButtons buttons,
               Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QMouseEvent event(type, QPointF(pos), QPointF(w->mapToGlobal(pos)), button, buttons, modifiers);
    QCoreApplication::sendEvent(w, &event);
}
void press(QWidget *w, QPoint pos)
{
    sendMouse(w, QEvent::MouseButtonPress, pos, Qt::LeftButton, Qt::LeftButton);
}
void move(QWidget *w, QPoint pos, bool held = true)
{
    sendMouse(w, QEvent::MouseMove, pos, Qt::NoButton, held ? Qt::LeftButton : Qt::NoButton);
}
void release(QWidget *w, QPoint pos)
{
    sendMouse(w, QEvent::MouseButtonRelease, pos, Qt::LeftButton, Qt::NoButton);
}
// Returns whether the widget accepted it.
bool wheel(QWidget *w, QPoint pos, int angle, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QWheelEvent event(QPointF(pos), QPointF(w->mapToGlobal(pos)), QPoint(), QPoint(0, angle), Qt::NoButton, modifiers,
                      Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(w, &event);
    return event.isAccepted();
}

QPalette breeze(bool dark)
{
    QPalette p;
    const auto set = [&](QPalette::ColorRole role, QRgb rgb) { p.setColor(role, QColor::fromRgb(rgb)); };
    if (dark) {
        set(QPalette::Window, 0x202326);
        set(QPalette::WindowText, 0xfcfcfc);
        set(QPalette::Base, 0x141618);
        set(QPalette::AlternateBase, 0x1d1f22);
        set(QPalette::Text, 0xfcfcfc);
        set(QPalette::Button, 0x292c30);
        set(QPalette::ButtonText, 0xfcfcfc);
        set(QPalette::Highlight, 0x3daee9);
        set(QPalette::HighlightedText, 0xfcfcfc);
        set(QPalette::PlaceholderText, 0x7f8388);
        set(QPalette::Mid, 0x3b3e42);
    } else {
        set(QPalette::Window, 0xeff0f1);
        set(QPalette::WindowText, 0x232627);
        set(QPalette::Base, 0xffffff);
        set(QPalette::AlternateBase, 0xf7f7f7);
        set(QPalette::Text, 0x232627);
        set(QPalette::Button, 0xfcfcfc);
        set(QPalette::ButtonText, 0x232627);
        set(QPalette::Highlight, 0x3daee9);
        set(QPalette::HighlightedText, 0xffffff);
        set(QPalette::PlaceholderText, 0x8b8e91);
        set(QPalette::Mid, 0xc4c7ca);
    }
    return p;
}

// A realistic two-hour session: 40 clears of mixed kinds (three vim sessions, a reset, two
// manual checkpoints), 5 markers, 3 resizes.
CheckpointIndex realisticIndex()
{
    CheckpointIndex index;
    index.durationUs = kTwoHours;
    const qint64 m = 60 * kSecond;
    qint64 event = 10;
    auto add = [&](ClearKind kind, qint64 t) {
        Checkpoint c = checkpoint(kind, t, event);
        c.cols = t > 70 * m ? 160 : (t > 25 * m ? 120 : 80);
        c.rows = t > 70 * m ? 48 : (t > 25 * m ? 36 : 24);
        index.checkpoints.append(c);
        event += 37;
    };
    const qint64 clears[] = {1,  4,  9,  11, 15, 18, 22, 31,  36,  41,  44, 47,
                             52, 63, 66, 72, 79, 88, 91, 97, 104, 111, 118};
    int n = 0;
    for (const qint64 t : clears) {
        const qint64 at = t * m + (n * 7919 % 50) * kSecond;
        if (n % 4 == 1) {
            add(ClearKind::HomeClearScreen, at); // `clear`: ESC[H ESC[2J then ESC[3J
            add(ClearKind::ClearScrollback, at);
        } else if (n % 5 == 2) {
            add(ClearKind::HomeClear, at);
        } else {
            add(ClearKind::ClearScreen, at);
        }
        ++n;
    }
    for (const auto &[from, to] : {std::pair<qint64, qint64>{13, 17}, {55, 61}, {99, 103}}) {
        add(ClearKind::AltScreenEnter, from * m + 12 * kSecond);
        add(ClearKind::AltScreenLeave, to * m + 40 * kSecond);
    }
    add(ClearKind::Reset, 84 * m + 3 * kSecond);
    add(ClearKind::Manual, 49 * m);
    add(ClearKind::Manual, 113 * m + 30 * kSecond);
    add(ClearKind::AltScreen47Enter, 107 * m);
    add(ClearKind::AltScreen47Leave, 108 * m + 20 * kSecond);
    std::stable_sort(index.checkpoints.begin(), index.checkpoints.end(),
                     [](const Checkpoint &a, const Checkpoint &b) { return a.timeUs < b.timeUs; });
    for (qsizetype i = 0; i < index.checkpoints.size(); ++i)
        index.checkpoints[i].eventIndex = 10 + i * 37;
    index.markers = {marker(8 * m + 20 * kSecond, u"build started"_s, 300),
                     marker(27 * m, u"tests pass"_s, 1000),
                     marker(48 * m + 10 * kSecond, u"deploy to staging"_s, 1900),
                     marker(86 * m, u"rollback: migration 0042 failed"_s, 3300),
                     marker(116 * m, u"postmortem notes"_s, 4500)};
    index.resizes = {resize(25 * m + 30 * kSecond, 120, 36), resize(70 * m + 5 * kSecond, 160, 48),
                     resize(93 * m, 160, 40)};
    return index;
}

QList<float> realisticDensity(int buckets)
{
    QList<float> d;
    quint32 seed = 12345;
    for (int i = 0; i < buckets; ++i) {
        seed = seed * 1664525u + 1013904223u;
        const double noise = (seed >> 8) / double(1 << 24);
        const double t = double(i) / buckets;
        // Busy stretches (builds, test runs, a log tail) and idle ones (reading, meetings).
        double v = 0.05 + 0.15 * noise;
        if ((t > 0.06 && t < 0.14) || (t > 0.36 && t < 0.42) || (t > 0.70 && t < 0.75))
            v = 0.55 + 0.45 * noise;
        else if ((t > 0.2 && t < 0.24) || (t > 0.58 && t < 0.62) || t > 0.95)
            v = 0.0;
        else if (t > 0.46 && t < 0.52)
            v = 0.25 + 0.35 * noise;
        d.append(float(std::min(1.0, v)));
    }
    return d;
}
} // namespace

class TimelineWidgetTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup()
    {
        QToolTip::hideText();
    }

    void formatTime_data()
    {
        QTest::addColumn<qint64>("us");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << qint64(0) << u"0:00:00.0"_s;
        QTest::newRow("negative") << qint64(-5) << u"0:00:00.0"_s;
        QTest::newRow("tenths truncate") << qint64(999'999) << u"0:00:00.9"_s;
        QTest::newRow("minute") << qint64(61'250'000) << u"0:01:01.2"_s;
        QTest::newRow("hours") << qint64(3723'400'000) << u"1:02:03.4"_s;
        QTest::newRow("ten hours") << qint64(36000) * kSecond << u"10:00:00.0"_s;
    }
    void formatTime()
    {
        QFETCH(qint64, us);
        QFETCH(QString, text);
        QCOMPARE(TimelineWidget::formatTime(us), text);
    }

    void roundTrip_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<qint64>("duration");
        QTest::addColumn<double>("zoom");
        QTest::addColumn<qint64>("anchor");
        QTest::newRow("whole two hours") << 1016 << kTwoHours << 1.0 << qint64(0);
        QTest::newRow("zoom 10 middle") << 1016 << kTwoHours << 10.0 << kTwoHours / 2;
        QTest::newRow("zoom 50 near end") << 816 << kTwoHours << 50.0 << kTwoHours - 10 * kSecond;
        QTest::newRow("zoom max at start") << 1016 << kTwoHours << 1e9 << qint64(5 * kSecond);
        QTest::newRow("narrow, short") << 200 << qint64(90 * kSecond) << 3.0 << qint64(40 * kSecond);
        QTest::newRow("wide, odd duration") << 1931 << qint64(7'777'777'777) << 7.3 << qint64(1'234'567'891);
    }
    void roundTrip()
    {
        QFETCH(int, width);
        QFETCH(qint64, duration);
        QFETCH(double, zoom);
        QFETCH(qint64, anchor);
        TimelineWidget w;
        w.resize(width, 48);
        w.setDuration(duration);
        w.setZoom(zoom, anchor);
        const double maxZoom = std::max(1.0, double(duration) / double(TimelineWidget::kMinVisibleUs));
        QVERIFY(qAbs(w.zoomFactor() - std::min(zoom, maxZoom)) < 1e-6 * w.zoomFactor());
        const QRect r = w.timelineRect();
        const TimelineWidget::TimeRange range = w.visibleRange();
        QVERIFY(range.startUs >= 0 && range.endUs <= duration);
        QVERIFY(qAbs(range.span() - qint64(double(duration) / w.zoomFactor())) <= 1);
        QVERIFY(qAbs(w.timeAt(r.left()) - range.startUs) <= 1);
        QVERIFY(qAbs(w.timeAt(r.left() + r.width()) - range.endUs) <= 1);
        for (int x = r.left(); x <= r.left() + r.width(); ++x)
            QCOMPARE(w.xForTime(w.timeAt(x)), x);
        const double usPerPx = double(range.span()) / r.width();
        for (int i = 0; i <= 1000; ++i) {
            const qint64 t = range.startUs + range.span() * i / 1000;
            QVERIFY2(qAbs(w.timeAt(w.xForTime(t)) - t) <= usPerPx / 2 + 1, qPrintable(QString::number(t)));
        }
        // Outside the axis, times clamp to the recording.
        QCOMPARE(w.timeAt(-1'000'000'000), 0);
        QCOMPARE(w.timeAt(1'000'000'000), duration);
    }

    void clickSeeks_data()
    {
        QTest::addColumn<int>("x");
        QTest::newRow("start") << 8;
        QTest::newRow("middle") << 508;
        QTest::newRow("end") << 1008;
        QTest::newRow("left of the axis") << 2;
        QTest::newRow("odd pixel") << 333;
    }
    void clickSeeks()
    {
        QFETCH(int, x);
        TimelineWidget w;
        w.resize(1016, 48);
        w.setDuration(kTwoHours);
        QSignalSpy seek(&w, &TimelineWidget::seekRequested);
        QSignalSpy scrub(&w, &TimelineWidget::scrubbingChanged);
        const QPoint pos(x, w.trackRect().center().y());
        press(&w, pos);
        release(&w, pos);
        QCOMPARE(seek.size(), 1);
        QCOMPARE(seek.at(0).at(0).toLongLong(), w.timeAt(x));
        QCOMPARE(w.timeAt(x), std::clamp<qint64>(qint64(std::llround(double(x - 8) * kTwoHours / 1000)), 0, kTwoHours));
        QCOMPARE(scrub.size(), 0);
        // The playhead shows the target until the player reports its position.
        QCOMPARE(w.position(), 0);
        w.setPosition(seek.at(0).at(0).toLongLong());
        QCOMPARE(w.position(), w.timeAt(x));
    }

    void dragScrubsThrottled()
    {
        TimelineWidget w;
        w.resize(1016, 48);
        w.setDuration(kTwoHours);
        QElapsedTimer clock;
        QList<qint64> stamps;
        QList<qint64> times;
        connect(&w, &TimelineWidget::seekRequested, this, [&](qint64 t) {
            stamps.append(clock.elapsed());
            times.append(t);
        });
        QSignalSpy scrub(&w, &TimelineWidget::scrubbingChanged);
        const int y = w.trackRect().center().y();
        clock.start();
        press(&w, QPoint(100, y));
        QCOMPARE(times.size(), 1);
        for (int i = 1; i <= 40; ++i) {
            move(&w, QPoint(100 + i * 10, y));
            if (i == 1) {
                QCOMPARE(scrub.size(), 1);
                QCOMPARE(scrub.at(0).at(0).toBool(), true);
                QVERIFY(w.isScrubbing());
            }
            QTest::qWait(4);
        }
        const qint64 dragMs = clock.elapsed();
        release(&w, QPoint(555, y));
        QCOMPARE(scrub.size(), 2);
        QCOMPARE(scrub.at(1).at(0).toBool(), false);
        QVERIFY(!w.isScrubbing());
        qInfo() << "drag of" << dragMs << "ms gave" << times.size() << "seeks";
        // Live: seeks came while dragging, not only at the ends ...
        QVERIFY2(times.size() >= 3, qPrintable(QString::number(times.size())));
        // ... at most one per interval (+ the press and the final one) ...
        QVERIFY(times.size() <= dragMs / TimelineWidget::kScrubIntervalMs + 2);
        for (qsizetype i = 1; i + 1 < stamps.size(); ++i)
            QVERIFY2(stamps[i] - stamps[i - 1] >= TimelineWidget::kScrubIntervalMs - 1,
                     qPrintable(u"seek %1 came %2 ms after the previous"_s.arg(i).arg(stamps[i] - stamps[i - 1])));
        // ... increasing with the pointer, and the last is where the button went up.
        for (qsizetype i = 1; i < times.size(); ++i)
            QVERIFY(times[i] > times[i - 1]);
        QCOMPARE(times.constLast(), w.timeAt(555));
    }

    void dragPauseEmitsLatest()
    {
        // A pointer that stops while the button is held gets its frame without a release.
        TimelineWidget w;
        w.resize(1016, 48);
        w.setDuration(kTwoHours);
        QSignalSpy seek(&w, &TimelineWidget::seekRequested);
        QSignalSpy scrub(&w, &TimelineWidget::scrubbingChanged);
        const int y = w.trackRect().center().y();
        press(&w, QPoint(300, y));
        move(&w, QPoint(310, y));
        move(&w, QPoint(320, y));
        move(&w, QPoint(333, y));
        QTRY_COMPARE(seek.constLast().at(0).toLongLong(), w.timeAt(333));
        const qsizetype count = seek.size();
        QVERIFY(count <= 3);
        QTest::qWait(2 * TimelineWidget::kScrubIntervalMs);
        QCOMPARE(seek.size(), count); // nothing more to send
        release(&w, QPoint(333, y));
        QCOMPARE(seek.size(), count); // the final position went out already
        QCOMPARE(scrub.size(), 2);
        // Released elsewhere right after a throttled seek: the final one still goes out.
        press(&w, QPoint(600, y));
        move(&w, QPoint(620, y));
        move(&w, QPoint(640, y));
        release(&w, QPoint(650, y));
        QCOMPARE(seek.constLast().at(0).toLongLong(), w.timeAt(650));
        QCOMPARE(scrub.size(), 4);
        QTest::qWait(2 * TimelineWidget::kScrubIntervalMs);
        QCOMPARE(seek.constLast().at(0).toLongLong(), w.timeAt(650)); // no stale trailing one
    }

    void clickTickActivates_data()
    {
        QTest::addColumn<int>("offset");
        QTest::addColumn<bool>("inLane");
        QTest::addColumn<int>("checkpoint");
        QTest::addColumn<int>("marker");
        QTest::addColumn<bool>("seek");
        QTest::newRow("on a tick") << 0 << false << 1 << -1 << false;
        QTest::newRow("2 px right of a tick") << 2 << false << 1 << -1 << false;
        QTest::newRow("3 px left of a tick") << -3 << false << 1 << -1 << false;
        QTest::newRow("too far") << 9 << false << -1 << -1 << true;
        QTest::newRow("a flag in the lane") << 1 << true << -1 << 0 << false;
        QTest::newRow("a marker's label") << 30 << true << -1 << 0 << false;
        QTest::newRow("the lane past the label") << 150 << true << -1 << -1 << true;
    }
    void clickTickActivates()
    {
        QFETCH(int, offset);
        QFETCH(bool, inLane);
        QFETCH(int, checkpoint);
        QFETCH(int, marker);
        QFETCH(bool, seek);
        TimelineWidget w;
        w.resize(1016, 48);
        w.setDuration(kTwoHours);
        CheckpointIndex index;
        index.checkpoints = {::checkpoint(ClearKind::ClearScreen, 600 * kSecond),
                             ::checkpoint(ClearKind::Reset, 3600 * kSecond)};
        index.markers = {::marker(5400 * kSecond, u"deploy"_s)};
        w.setIndex(index);
        QSignalSpy cpSpy(&w, &TimelineWidget::checkpointActivated);
        QSignalSpy markerSpy(&w, &TimelineWidget::markerActivated);
        QSignalSpy seekSpy(&w, &TimelineWidget::seekRequested);
        const qint64 target = inLane ? 5400 * kSecond : 3600 * kSecond;
        const QPoint pos(w.xForTime(target) + offset, inLane ? 3 : w.trackRect().center().y());
        press(&w, pos);
        release(&w, pos);
        QCOMPARE(cpSpy.size(), checkpoint >= 0 ? 1 : 0);
        if (checkpoint >= 0)
            QCOMPARE(cpSpy.at(0).at(0).toInt(), checkpoint);
        QCOMPARE(markerSpy.size(), marker >= 0 ? 1 : 0);
        if (marker >= 0)
            QCOMPARE(markerSpy.at(0).at(0).toInt(), marker);
        QCOMPARE(seekSpy.size(), seek ? 1 : 0);
    }

    void sameTimeTicksPickTheLatest()
    {
        // `clear`: ESC[H ESC[2J and ESC[3J in one event: a click goes to the screen after both.
        TimelineWidget w;
        w.resize(1016, 48);
        w.setDuration(kTwoHours);
        CheckpointIndex index;
        index.checkpoints = {checkpoint(ClearKind::HomeClearScreen, 1800 * kSecond, 7),
                             checkpoint(ClearKind::ClearScrollback, 1800 * kSecond, 7)};
        w.setIndex(index);
        QSignalSpy cpSpy(&w, &TimelineWidget::checkpointActivated);
        const QPoint pos(w.xForTime(1800 * kSecond), w.trackRect().center().y());
        press(&w, pos);
        release(&w, pos);
        QCOMPARE(cpSpy.size(), 1);
        QCOMPARE(cpSpy.at(0).at(0).toInt(), 1);
    }

    void dragFromTickScrubs()
    {
        TimelineWidget w;
        w.resize(1016, 48);
        w.setDuration(kTwoHours);
        CheckpointIndex index;
        index.checkpoints = {checkpoint(ClearKind::ClearScreen, 1800 * kSecond)};
        w.setIndex(index);
        QSignalSpy cpSpy(&w, &TimelineWidget::checkpointActivated);
        QSignalSpy seek(&w, &TimelineWidget::seekRequested);
        QSignalSpy scrub(&w, &TimelineWidget::scrubbingChanged);
        const int x = w.xForTime(1800 * kSecond);
        const int y = w.trackRect().center().y();
        press(&w, QPoint(x, y));
        QCOMPARE(seek.size(), 0);
        move(&w, QPoint(x + 1, y)); // a tremor is not a drag
        QCOMPARE(scrub.size(), 0);
        move(&w, QPoint(x + 60, y));
        QCOMPARE(scrub.size(), 1);
        release(&w, QPoint(x + 80, y));
        QCOMPARE(scrub.size(), 2);
        QCOMPARE(cpSpy.size(), 0);
        QVERIFY(!seek.isEmpty());
        QCOMPARE(seek.constLast().at(0).toLongLong(), w.timeAt(x + 80));
    }

    void ctrlWheelZoomsAroundPointer_data()
    {
        QTest::addColumn<int>("x");
        QTest::addColumn<int>("angle");
        QTest::newRow("one notch, left") << 120 << 120;
        QTest::newRow("one notch, middle") << 508 << 120;
        QTest::newRow("three notches, right") << 900 << 360;
        QTest::newRow("touchpad eighth notch") << 700 << 15;
    }
    void ctrlWheelZoomsAroundPointer()
    {
        QFETCH(int, x);
        QFETCH(int, angle);
        TimelineWidget w;
        w.resize(1016, 48);
        w.setDuration(kTwoHours);
        QSignalSpy range(&w, &TimelineWidget::visibleRangeChanged);
        const QPoint pos(x, 20);
        for (int round = 0; round < 4; ++round) {
            const qint64 before = w.timeAt(x);
            const double zoom = w.zoomFactor();
            QVERIFY(wheel(&w, pos, angle, Qt::ControlModifier));
            QVERIFY(w.zoomFactor() > zoom);
            QVERIFY(qAbs(w.zoomFactor() / zoom - std::pow(1.25, angle / 120.0)) < 1e-9);
            const double usPerPx = double(w.visibleRange().span()) / w.timelineRect().width();
            QVERIFY2(qAbs(w.timeAt(x) - before) <= usPerPx, qPrintable(u"%1 -> %2"_s.arg(before).arg(w.timeAt(x))));
        }
        QCOMPARE(range.size(), 4);
        // And back out: the time under the pointer stays too, until the whole is visible.
        for (int round = 0; round < 4; ++round) {
            const qint64 before = w.timeAt(x);
            QVERIFY(wheel(&w, pos, -angle, Qt::ControlModifier));
            if (w.zoomFactor() > 1.0001) {
                const double usPerPx = double(w.visibleRange().span()) / w.timelineRect().width();
                QVERIFY(qAbs(w.timeAt(x) - before) <= usPerPx);
            }
        }
        QVERIFY(qAbs(w.zoomFactor() - 1.0) < 1e-6);
        QCOMPARE(w.visibleRange(), (TimelineWidget::TimeRange{0, kTwoHours}));
    }

    void zoomLimits()
    {
        TimelineWidget w;
        w.resize(1016, 48);
        w.setDuration(kTwoHours);
        w.setZoom(1e12, kTwoHours / 3);
        QVERIFY(qAbs(w.visibleRange().span() - TimelineWidget::kMinVisibleUs) <= 1);
        QVERIFY(qAbs(w.zoomFactor() - double(kTwoHours / TimelineWidget::kMinVisibleUs)) < 1e-6);
        w.setZoom(0.1, 0);
        QCOMPARE(w.zoomFactor(), 1.0);
        // Zooming out beyond 1 with the wheel does nothing and keeps the event.
        QVERIFY(wheel(&w, QPoint(300, 20), -120, Qt::ControlModifier));
        QCOMPARE(w.zoomFactor(), 1.0);
        // A zoomed view keeps its span while the duration grows (indexing).
        w.setZoom(4, kTwoHours / 2);
        const TimelineWidget::TimeRange before = w.visibleRange();
        w.setDuration(2 * kTwoHours);
        QCOMPARE(w.visibleRange(), before);
        QCOMPARE(w.zoomFactor(), 8.0);
        w.resetZoom();
        QCOMPARE(w.visibleRange(), (TimelineWidget::TimeRange{0, 2 * kTwoHours}));
    }

    void wheelScrollsWhenZoomed()
    {
        TimelineWidget w;
        w.resize(1016, 48);
        w.setDuration(kTwoHours);
        QVERIFY(!wheel(&w, QPoint(500, 20), -120)); // not zoomed: the parent may scroll
        w.setZoom(10, kTwoHours / 2);
        const TimelineWidget::TimeRange before = w.visibleRange();
        QVERIFY(wheel(&w, QPoint(500, 20), -120)); // down: later
        const TimelineWidget::TimeRange after = w.visibleRange();
        QCOMPARE(after.span(), before.span());
        QVERIFY(qAbs(after.startUs - before.startUs - before.span() / 10) <= 1);
        QVERIFY(wheel(&w, QPoint(500, 20), 240)); // up two notches: earlier
        QVERIFY(qAbs(w.visibleRange().startUs - (before.startUs - before.span() / 10)) <= 1);
        // Clamped at the ends.
        for (int i = 0; i < 50; ++i)
            wheel(&w, QPoint(500, 20), -120);
        QCOMPARE(w.visibleRange().endUs, kTwoHours);
    }

    void zoomedViewFollowsPlayhead()
    {
        TimelineWidget w;
        w.resize(1016, 48);
        w.setDuration(kTwoHours);
        w.setZoom(20, 0);
        w.setPosition(60 * kSecond);
        const TimelineWidget::TimeRange first = w.visibleRange();
        QCOMPARE(first.startUs, 0);
        w.setPosition(first.endUs + kSecond); // played out of view: turn the page
        QVERIFY(w.visibleRange().startUs <= first.endUs + kSecond);
        QVERIFY(w.visibleRange().endUs > first.endUs + kSecond);
        // Scrolled away by the user: the view stays.
        w.scrollTo(kTwoHours / 2);
        const TimelineWidget::TimeRange away = w.visibleRange();
        w.setPosition(first.endUs + 2 * kSecond);
        QCOMPARE(w.visibleRange(), away);
    }

    void toolTips_data()
    {
        QTest::addColumn<qint64>("at");
        QTest::addColumn<int>("offset");
        QTest::addColumn<bool>("inLane");
        QTest::addColumn<QStringList>("expected");
        // One pixel is 7.2 s (1000 px for two hours); the times sit on whole pixels.
        QTest::newRow("empty spot") << qint64(1008 * kSecond) << 0 << false << QStringList{u"0:16:48.0"_s};
        QTest::newRow("clear screen, 2 px off") << qint64(720 * kSecond) << 2 << false
                                                << QStringList{u"0:12:14.4"_s, u"Clear screen (ESC[2J) at 0:12:00.0"_s};
        QTest::newRow("alt screen") << qint64(2160 * kSecond) << 0 << false
                                    << QStringList{u"0:36:00.0"_s, u"Alt screen on (ESC[?1049h) at 0:36:00.0"_s};
        QTest::newRow("manual, no sequence") << qint64(3960 * kSecond) << 0 << false
                                             << QStringList{u"1:06:00.0"_s, u"Manual checkpoint at 1:06:00.0"_s};
        QTest::newRow("merged ticks") << qint64(2880 * kSecond) << 0 << false
                                      << QStringList{u"0:48:00.0"_s, u"Terminal reset (ESC c) at 0:48:00.0"_s,
                                                     u"+2 more at this spot (Ctrl+wheel zooms in)"_s};
        QTest::newRow("marker, in the lane") << qint64(5400 * kSecond) << -1 << true
                                             << QStringList{u"1:29:52.8"_s,
                                                            u"Marker \u201Cdeploy to staging\u201D at 1:30:00.0"_s};
        QTest::newRow("resize") << qint64(5976 * kSecond) << 0 << false
                                << QStringList{u"1:39:36.0"_s, u"Resized to 120\u00D740 at 1:39:36.0"_s};
    }
    void toolTips()
    {
        QFETCH(qint64, at);
        QFETCH(int, offset);
        QFETCH(bool, inLane);
        QFETCH(QStringList, expected);
        TimelineWidget w;
        w.resize(1016, 48);
        w.setDuration(kTwoHours);
        CheckpointIndex index;
        index.checkpoints = {checkpoint(ClearKind::ClearScreen, 720 * kSecond),
                             checkpoint(ClearKind::AltScreenEnter, 2160 * kSecond),
                             checkpoint(ClearKind::ClearScreen, 2880 * kSecond - 1000),
                             checkpoint(ClearKind::ClearScrollback, 2880 * kSecond - 500),
                             checkpoint(ClearKind::Reset, 2880 * kSecond),
                             checkpoint(ClearKind::Manual, 3960 * kSecond)};
        index.markers = {marker(5400 * kSecond, u"deploy to staging"_s)};
        index.resizes = {resize(5976 * kSecond, 120, 40)};
        w.setIndex(index);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const QPoint pos(w.xForTime(at) + offset, inLane ? 4 : w.trackRect().center().y());
        QCOMPARE(w.toolTipTextAt(pos), expected.join(u'\n'));
        QHelpEvent help(QEvent::ToolTip, pos, w.mapToGlobal(pos));
        QCoreApplication::sendEvent(&w, &help);
        QTRY_VERIFY(QToolTip::isVisible());
        QCOMPARE(QToolTip::text(), expected.join(u'\n'));
    }

    void noToolTipWithoutRecording()
    {
        TimelineWidget w;
        w.resize(400, 48);
        QCOMPARE(w.toolTipTextAt(QPoint(100, 20)), QString());
        QSignalSpy seek(&w, &TimelineWidget::seekRequested);
        press(&w, QPoint(100, 20));
        release(&w, QPoint(100, 20));
        QCOMPARE(seek.size(), 0);
    }

    void paints20000TicksFast()
    {
        // The baseline, measured in the same run: the same widget with nothing on it.
        TimelineWidget empty;
        empty.resize(1216, 48);
        empty.setDuration(kTwoHours);
        empty.setPosition(kTwoHours / 3);

        TimelineWidget w;
        w.resize(1216, 48);
        w.setDuration(kTwoHours);
        CheckpointIndex index;
        const ClearKind kinds[] = {ClearKind::ClearScreen, ClearKind::HomeClearScreen, ClearKind::ClearScrollback,
                                   ClearKind::AltScreenEnter, ClearKind::AltScreenLeave, ClearKind::Reset,
                                   ClearKind::Manual, ClearKind::HomeClear};
        for (int i = 0; i < 20000; ++i)
            index.checkpoints.append(checkpoint(kinds[i % 8], kTwoHours * i / 20000, i));
        for (int i = 0; i < 500; ++i)
            index.markers.append(marker(kTwoHours * i / 500 + 7, u"marker %1"_s.arg(i)));
        w.setIndex(index);
        w.setDensity(realisticDensity(4000));
        QList<qint64> hits;
        for (int i = 0; i < 2000; ++i)
            hits.append(kTwoHours * i / 2000 + 3);
        w.setSearchHits(hits);
        w.setPosition(kTwoHours / 3);

        QImage image(w.size(), QImage::Format_ARGB32_Premultiplied);
        const auto measure = [&](QWidget &widget) {
            QList<double> ms;
            for (int round = 0; round < 15; ++round) {
                QElapsedTimer t;
                t.start();
                widget.render(&image);
                ms.append(t.nsecsElapsed() / 1e6);
            }
            std::sort(ms.begin(), ms.end());
            return std::pair<double, double>{ms.first(), ms[ms.size() / 2]};
        };
        const auto [baseMin, baseMedian] = measure(empty);
        const auto [fullMin, fullMedian] = measure(w);
        w.setZoom(50, kTwoHours / 2);
        const auto [zoomMin, zoomMedian] = measure(w);
        qInfo("1216x48, 20,000 ticks + 500 markers + 2,000 search hits + 4,000 density buckets: "
              "min %.2f ms, median %.2f ms (target < 20 ms); zoomed 50x: min %.2f, median %.2f ms; "
              "baseline (empty timeline, same run): min %.2f, median %.2f ms",
              fullMin, fullMedian, zoomMin, zoomMedian, baseMin, baseMedian);
    }

    void kindsHaveDistinctColours_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light palette") << false;
        QTest::newRow("dark palette") << true;
    }
    void kindsHaveDistinctColours()
    {
        QFETCH(bool, dark);
        TimelineWidget w;
        w.setPalette(breeze(dark));
        w.resize(1016, 48);
        w.setDuration(kTwoHours);
        const QList<ClearKind> kinds = {ClearKind::ClearScreen, ClearKind::ClearScrollback, ClearKind::Reset,
                                        ClearKind::AltScreenEnter, ClearKind::Manual};
        CheckpointIndex index;
        for (qsizetype i = 0; i < kinds.size(); ++i)
            index.checkpoints.append(checkpoint(kinds[i], (i + 1) * 1000 * kSecond));
        index.checkpoints.append(checkpoint(ClearKind::AltScreenLeave, 5500 * kSecond)); // closes the span
        w.setIndex(index);
        w.setPosition(2500 * kSecond); // some ticks on the played (tinted) part
        const QImage image = w.grab().toImage();
        const int y = w.trackRect().center().y() + 1;
        QSet<QRgb> seen;
        for (qsizetype i = 0; i < kinds.size(); ++i) {
            const int x = w.xForTime((i + 1) * 1000 * kSecond);
            const QColor expected = TimelineWidget::kindColor(kinds[i], w.palette());
            const QColor got = image.pixelColor(x, y);
            QVERIFY2(got.rgb() == expected.rgb(), qPrintable(u"%1 at x %2: %3, expected %4"_s.arg(
                TimelineWidget::kindLabel(kinds[i])).arg(x).arg(got.name(), expected.name())));
            seen.insert(got.rgb());
            // Clearly apart from the groove next to it.
            const QColor groove = image.pixelColor(x + 4, y);
            QVERIFY(qAbs(qGray(groove.rgb()) - qGray(got.rgb())) > 40 || groove.hue() != got.hue());
        }
        QCOMPARE(seen.size(), kinds.size());
        // The marker and search hit colours are not any kind's.
        QVERIFY(!seen.contains(TimelineWidget::markerColor(w.palette()).rgb()));
        QVERIFY(!seen.contains(TimelineWidget::searchHitColor(w.palette()).rgb()));
    }

    void kindSymbols()
    {
        // The list's icons are the timeline's shapes: every kind paints something in its colour.
        const QPalette palette = breeze(false);
        for (int k = 0; k <= int(ClearKind::Manual); ++k) {
            QImage image(16, 16, QImage::Format_ARGB32_Premultiplied);
            image.fill(Qt::transparent);
            QPainter p(&image);
            TimelineWidget::paintKindSymbol(p, ClearKind(k), QRectF(2, 1, 12, 14), palette);
            p.end();
            const QRgb colour = TimelineWidget::kindColor(ClearKind(k), palette).rgb();
            int painted = 0;
            for (int y = 0; y < 16; ++y)
                for (int x = 0; x < 16; ++x)
                    painted += image.pixel(x, y) == colour;
            QVERIFY2(painted >= 10, qPrintable(TimelineWidget::kindLabel(ClearKind(k))));
        }
    }

    void accessibility()
    {
        TimelineWidget w;
        QVERIFY(!w.accessibleName().isEmpty());
        QVERIFY(!w.accessibleDescription().isEmpty());
        QVERIFY(qAbs(w.sizeHint().height() - 48) <= 8);
        QCOMPARE(w.focusPolicy(), Qt::NoFocus);
    }

    // Not a test: renders screenshots to look at (CASTDECK_SCREENSHOT_DIR=/tmp/shots).
    void screenshots()
    {
        const QString dir = qEnvironmentVariable("CASTDECK_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("set CASTDECK_SCREENSHOT_DIR to render screenshots");
        QDir().mkpath(dir);
        const CheckpointIndex index = realisticIndex();
        const QList<float> density = realisticDensity(720);
        const QStringList lines = {u"$ make -j8 2>&1 | tee build.log"_s, u"~/src/castdeck $ git status"_s,
                                   u"$ ctest --output-on-failure"_s, u"top - 14:02:11 up 3 days,  2 users"_s,
                                   u"$ kubectl get pods -n staging"_s, u""_s, u"$ tail -f /var/log/app.log"_s,
                                   u"\"src/main.cpp\" 214L, 6012B"_s, u"$ ssh deploy@staging-01"_s};
        for (const bool dark : {false, true}) {
            const QPalette palette = breeze(dark);
            QApplication::setPalette(palette);
            const QString suffix = dark ? u"dark"_s : u"light"_s;

            TimelineWidget w;
            w.resize(1100, w.sizeHint().height());
            w.setDuration(kTwoHours);
            w.setIndex(index);
            w.setDensity(density);
            w.setSearchHits({31 * 60 * kSecond, 33 * 60 * kSecond, 64 * 60 * kSecond, 92 * 60 * kSecond});
            w.setPosition(52 * 60 * kSecond + 17 * kSecond);
            w.grab().save(dir + u"/castdeck-h5-timeline-%1.png"_s.arg(suffix));
            // At twice the pixel density (HiDPI), in two halves to look at closely.
            QImage hidpi(w.size() * 2, QImage::Format_ARGB32_Premultiplied);
            hidpi.setDevicePixelRatio(2);
            w.render(&hidpi);
            hidpi.copy(0, 0, hidpi.width() / 2, hidpi.height())
                .save(dir + u"/castdeck-h5-timeline-2x-a-%1.png"_s.arg(suffix));
            hidpi.copy(hidpi.width() / 2, 0, hidpi.width() / 2, hidpi.height())
                .save(dir + u"/castdeck-h5-timeline-2x-b-%1.png"_s.arg(suffix));

            // Scrubbing, with the pointer's time beside the handle, and a hover line elsewhere.
            press(&w, QPoint(640, w.trackRect().center().y()));
            move(&w, QPoint(700, w.trackRect().center().y()));
            QImage scrub(w.size() * 2, QImage::Format_ARGB32_Premultiplied);
            scrub.setDevicePixelRatio(2);
            w.render(&scrub);
            scrub.copy(scrub.width() / 2, 0, scrub.width() / 2, scrub.height())
                .save(dir + u"/castdeck-h5-timeline-2x-scrub-%1.png"_s.arg(suffix));
            release(&w, QPoint(700, w.trackRect().center().y()));

            w.setZoom(8, 50 * 60 * kSecond);
            w.grab().save(dir + u"/castdeck-h5-timeline-zoomed-%1.png"_s.arg(suffix));
            w.resetZoom();

            // The player's bottom part: the frame area, the timeline under it, the list beside.
            QWidget window;
            window.resize(1280, 560);
            auto *outer = new QHBoxLayout(&window);
            outer->setContentsMargins(0, 0, 0, 0);
            auto *splitter = new QSplitter(&window);
            outer->addWidget(splitter);
            auto *left = new QWidget(splitter);
            auto *leftLayout = new QVBoxLayout(left);
            leftLayout->setContentsMargins(0, 0, 0, 4);
            auto *frame = new QLabel(u"(terminal frame)"_s, left);
            frame->setAlignment(Qt::AlignCenter);
            frame->setStyleSheet(u"background: #1b1e20; color: #7f8c8d;"_s);
            leftLayout->addWidget(frame, 1);
            auto *timeline = new TimelineWidget(left);
            timeline->setDuration(kTwoHours);
            timeline->setIndex(index);
            timeline->setDensity(density);
            timeline->setPosition(52 * 60 * kSecond + 17 * kSecond);
            leftLayout->addWidget(timeline);
            auto *list = new CheckpointListWidget(splitter);
            list->setIndex(index);
            list->setFirstLineProvider([&](int i) { return lines[i % lines.size()]; });
            list->setPosition(52 * 60 * kSecond + 17 * kSecond);
            splitter->addWidget(left);
            splitter->addWidget(list);
            splitter->setSizes({860, 420});
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            list->view()->scrollTo(list->model()->index(list->model()->currentRow(), 0),
                                   QAbstractItemView::PositionAtCenter);
            QCoreApplication::processEvents();
            window.grab().save(dir + u"/castdeck-h5-player-%1.png"_s.arg(suffix));
            list->grab().save(dir + u"/castdeck-h5-list-%1.png"_s.arg(suffix));
        }
        QApplication::setPalette(QPalette());
    }
};

QTEST_MAIN(TimelineWidgetTest)
#include "tst_timelinewidget.moc"
