// PlayerTab's playback options and what the index adds to it: the output-density strip on
// the timeline, loop / pause at markers, the idle time limit menu, the keystroke overlay,
// and scale to fit (a recording larger than the view painted smaller).
#include "PlayerTab.h"
#include "TerminalView.h"
#include "TimelineWidget.h"
#include "play/Player.h"
#include "play/Recording.h"
#include "terminal/Terminal.h"

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;

namespace {
constexpr int kTimeoutMs = 10000;

QString writeCast(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        qWarning() << "cannot write" << path;
    return path;
}

// Busy for 2 s, idle for 6 s, a little typing echo, idle, busy again at the end (10 s).
QByteArray busyAndIdle()
{
    QByteArray b = "{\"version\": 2, \"width\": 40, \"height\": 10}\n";
    for (int i = 0; i < 20; ++i)
        b += "[" + QByteArray::number(i * 0.1, 'f', 1) + ", \"o\", \"" + QByteArray(400, 'x') + "\\r\\n\"]\n";
    b += "[5.0, \"o\", \"k\"]\n";
    for (int i = 0; i < 10; ++i)
        b += "[" + QByteArray::number(9.0 + i * 0.1, 'f', 1) + ", \"o\", \"" + QByteArray(400, 'y') + "\\r\\n\"]\n";
    return b;
}

// Typing "ls" and Enter, each key echoed.
QByteArray typing()
{
    return "{\"version\": 2, \"width\": 40, \"height\": 10}\n"
           "[0.1, \"i\", \"l\"]\n[0.2, \"o\", \"l\"]\n"
           "[0.3, \"i\", \"s\"]\n[0.4, \"o\", \"s\"]\n"
           "[0.5, \"i\", \"\\r\"]\n[0.6, \"o\", \"\\r\\nfile\\r\\n\"]\n"_ba;
}

bool openAndWait(PlayerTab &tab, const QString &path)
{
    tab.open(path);
    if (!QTest::qWaitFor([&] { return tab.recording()->state() == Recording::State::Ready; }, kTimeoutMs))
        return false;
    tab.player()->finishSeek();
    return true;
}

void trigger(PlayerTab &tab, const QString &name)
{
    QAction *a = tab.action(name);
    QVERIFY2(a, qPrintable(name));
    a->trigger();
    tab.player()->finishSeek();
}

// Whether the view shows all of its terminal's cells, and at which cell width.
bool showsAllCells(const TerminalView &view)
{
    const QSize px = view.cellMetrics().pixelSize(view.terminal()->cols(), view.terminal()->rows());
    return px.width() <= view.viewport()->width() && px.height() <= view.viewport()->height();
}
} // namespace

class TestPlayerTabOptions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    // The index's output histogram reaches the timeline as soon as the index is there: busy
    // stretches high, idle ones 0, a single echoed key low but visible.
    void densityIsOnTheTimelineAfterIndexing()
    {
        QTemporaryDir dir;
        PlayerTab tab;
        tab.resize(800, 500);
        tab.show();
        QVERIFY(openAndWait(tab, writeCast(dir, u"busy.cast"_s, busyAndIdle())));
        const QList<float> d = tab.timeline()->density();
        QCOMPARE(d, tab.recording()->index().outputDensity());
        QCOMPARE(d.size(), 99); // 9.9 s in 100 ms slices
        const auto at = [&](double seconds) { return d.at(std::min<qsizetype>(d.size() - 1, qsizetype(seconds / 9.9 * d.size()))); };
        QCOMPARE(*std::max_element(d.cbegin(), d.cend()), 1.0f);
        QVERIFY(at(1.0) > 0.9f);
        QCOMPARE(at(3.5), 0.0f);
        QVERIFY(at(5.0) > 0.0f);
        QVERIFY(at(5.0) < 0.5f);
        QCOMPARE(at(7.5), 0.0f);
        QVERIFY(at(9.5) > 0.9f);
    }

    void checkableOptionsReachThePlayer_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<int>("option"); // 0: loops(), 1: pausesAtMarkers()
        QTest::newRow("loop") << u"actionLoop"_s << 0;
        QTest::newRow("pause at markers") << u"actionPauseAtMarkers"_s << 1;
    }
    void checkableOptionsReachThePlayer()
    {
        QFETCH(QString, action);
        QFETCH(int, option);
        PlayerTab tab;
        const auto state = [&] { return option == 0 ? tab.player()->loops() : tab.player()->pausesAtMarkers(); };
        QAction *a = tab.action(action);
        QVERIFY(a && a->isCheckable());
        QVERIFY(!a->isChecked());
        QVERIFY(!state());
        a->trigger();
        QVERIFY(a->isChecked());
        QVERIFY(state());
        a->trigger();
        QVERIFY(!state());
    }

    void idleLimitChoice_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QStringList>("choices"); // entries of the Idle Time Limit menu, in order
        QTest::addColumn<qint64>("limit");        // -1: off
        QTest::addColumn<QString>("recordingText");
        const QByteArray withLimit = "{\"version\": 2, \"width\": 40, \"height\": 10, \"idle_time_limit\": 1.5}\n";
        const QByteArray without = "{\"version\": 2, \"width\": 40, \"height\": 10}\n";
        QTest::newRow("default: the recording's") << withLimit << QStringList{} << qint64(1'500'000)
                                                  << u"From the Recording (1.5 s)"_s;
        QTest::newRow("off") << withLimit << QStringList{u"actionIdleLimitOff"_s} << qint64(-1)
                             << u"From the Recording (1.5 s)"_s;
        QTest::newRow("0.5 s") << withLimit << QStringList{u"actionIdleLimit500ms"_s} << qint64(500'000)
                               << u"From the Recording (1.5 s)"_s;
        QTest::newRow("5 s") << withLimit << QStringList{u"actionIdleLimit5000ms"_s} << qint64(5'000'000)
                             << u"From the Recording (1.5 s)"_s;
        QTest::newRow("2 s, then the recording's again")
            << withLimit << QStringList{u"actionIdleLimit2000ms"_s, u"actionIdleLimitRecording"_s} << qint64(1'500'000)
            << u"From the Recording (1.5 s)"_s;
        QTest::newRow("none in the recording: off") << without << QStringList{} << qint64(-1)
                                                    << u"From the Recording (none)"_s;
        QTest::newRow("none in the recording, 1 s") << without << QStringList{u"actionIdleLimit1000ms"_s}
                                                    << qint64(1'000'000) << u"From the Recording (none)"_s;
    }
    void idleLimitChoice()
    {
        QFETCH(QByteArray, header);
        QFETCH(QStringList, choices);
        QFETCH(qint64, limit);
        QFETCH(QString, recordingText);
        QTemporaryDir dir;
        PlayerTab tab;
        QVERIFY(openAndWait(tab, writeCast(dir, u"idle.cast"_s, header + "[0.5, \"o\", \"a\"]\n[30.0, \"o\", \"b\"]\n")));
        QAction *menuAction = tab.action(u"actionIdleLimit"_s);
        QVERIFY(menuAction && menuAction->menu());
        QCOMPARE(tab.action(u"actionIdleLimitRecording"_s)->text().remove(u'&'), recordingText);
        for (const QString &c : choices)
            trigger(tab, c);
        QCOMPARE(tab.player()->idleTimeLimit(), limit < 0 ? std::nullopt : std::optional<qint64>(limit));
        // One entry checked: the last choice (the recording's by default).
        const QString checked = choices.isEmpty() ? u"actionIdleLimitRecording"_s : choices.constLast();
        for (QAction *a : menuAction->menu()->actions())
            if (a->isCheckable())
                QCOMPARE(a->isChecked(), a->objectName() == checked);
    }

    void keystrokeOverlay_data()
    {
        QTest::addColumn<bool>("enabled");
        QTest::newRow("on") << true;
        QTest::newRow("off") << false;
    }
    void keystrokeOverlay()
    {
        QFETCH(bool, enabled);
        QTemporaryDir dir;
        PlayerTab tab;
        tab.resize(800, 500);
        tab.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
        QVERIFY(openAndWait(tab, writeCast(dir, u"typing.cast"_s, typing())));
        auto *overlay = tab.findChild<QLabel *>(u"keystrokeOverlay"_s);
        QVERIFY(overlay);
        if (enabled)
            trigger(tab, u"actionShowKeystrokes"_s);
        QCOMPARE(tab.action(u"actionShowKeystrokes"_s)->isChecked(), enabled);
        trigger(tab, u"actionStart"_s);
        for (int i = 0; i < 3; ++i)
            trigger(tab, u"actionStepForward"_s);
        QCOMPARE(tab.player()->eventIndex(), 6); // past the three keys
        QCOMPARE(overlay->isVisible(), enabled);
        if (!enabled)
            return;
        // The keys typed in a row, on one line, in the view's bottom-right corner.
        QCOMPARE(overlay->text(), u"ls⏎"_s);
        const QRect area = tab.view()->viewport()->geometry();
        QVERIFY(area.contains(overlay->geometry()));
        QVERIFY(overlay->geometry().right() > area.center().x());
        QVERIFY(overlay->geometry().bottom() > area.center().y());
        // Gone a second (and the fade) after the last key.
        QTRY_VERIFY_WITH_TIMEOUT(!overlay->isVisible(), 3000);
    }

    // A recording larger than the view: scaled to fit, all of its cells are visible (at a
    // smaller cell size); without, cells keep their size and the rest is cut off. A resize
    // event in the recording is followed both ways.
    void scaleToFit_data()
    {
        QTest::addColumn<QByteArray>("cast");
        QTest::addColumn<bool>("fit");
        QTest::addColumn<bool>("shrinks"); // the cells get smaller than the font's own
        const QByteArray big = "{\"version\": 2, \"width\": 200, \"height\": 60}\n[0.1, \"o\", \"top left\"]\n"
                               "[0.2, \"o\", \"\\u001b[60;195Hcorner\"]\n";
        const QByteArray resized = "{\"version\": 2, \"width\": 80, \"height\": 24}\n[0.1, \"o\", \"small\"]\n"
                                   "[1.0, \"r\", \"200x60\"]\n[1.1, \"o\", \"\\u001b[60;195Hcorner\"]\n";
        const QByteArray small = "{\"version\": 2, \"width\": 40, \"height\": 10}\n[0.1, \"o\", \"small\"]\n";
        QTest::newRow("200x60 header, fit") << big << true << true;
        QTest::newRow("200x60 header, no fit") << big << false << false;
        QTest::newRow("resize event to 200x60, fit") << resized << true << true;
        QTest::newRow("resize event to 200x60, no fit") << resized << false << false;
        QTest::newRow("40x10 fits as it is") << small << true << false;
    }
    void scaleToFit()
    {
        QFETCH(QByteArray, cast);
        QFETCH(bool, fit);
        QFETCH(bool, shrinks);
        QTemporaryDir dir;
        PlayerTab tab;
        tab.action(u"actionCheckpointList"_s)->trigger(); // the view gets the whole width
        tab.resize(1000, 600);
        tab.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
        QAction *a = tab.action(u"actionScaleToFit"_s);
        QVERIFY(a && a->isCheckable());
        QVERIFY(a->isChecked()); // on by default
        if (!fit)
            a->trigger();
        TerminalView *view = tab.view();
        QCOMPARE(view->fitsToTerminal(), fit);
        QVERIFY(openAndWait(tab, writeCast(dir, u"big.cast"_s, cast)));
        trigger(tab, u"actionStart"_s);
        const CellMetrics natural(view->terminalFont(), view->devicePixelRatioF());
        // At the start, before a resize event (80x24, 40x10), the terminal fits: the font's
        // own cells.
        if (view->terminal()->cols() < 200) {
            QVERIFY(natural.pixelSize(80, 24).width() <= view->viewport()->width()); // the test's premise
            QCOMPARE(view->cellMetrics(), natural);
        }
        // At the end: 200x60 (or 40x10).
        tab.player()->seekToEvent(tab.recording()->index().eventCount);
        tab.player()->finishSeek();
        QCOMPARE(tab.player()->eventIndex(), tab.recording()->index().eventCount);
        QVERIFY(view->viewport()->width() < natural.pixelSize(200, 60).width()); // the test's premise
        QCOMPARE(showsAllCells(*view), fit);
        QCOMPARE(view->cellMetrics().width() < natural.width(), shrinks);
        if (!fit)
            QCOMPARE(view->cellMetrics(), natural);

        // Switched at run time, both ways.
        a->trigger();
        QCOMPARE(view->fitsToTerminal(), !fit);
        QCOMPARE(showsAllCells(*view), !fit || !shrinks);
        a->trigger();
        QCOMPARE(showsAllCells(*view), fit);
        // The view follows its size: wide enough, the font's own cells again.
        if (fit && shrinks) {
            const QSize bigger = natural.pixelSize(200, 60) + QSize(400, 300);
            tab.resize(tab.size() + bigger);
            QTRY_COMPARE(view->cellMetrics(), natural);
            QVERIFY(showsAllCells(*view));
        }
    }
};

QTEST_MAIN(TestPlayerTabOptions)
#include "tst_playertab_options.moc"
