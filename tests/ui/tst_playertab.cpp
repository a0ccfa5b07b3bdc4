// PlayerTab and the window's recording handling: opening at the last clear, the keys of the
// player, the damage bar, recent files, one tab per file, drops.
#include "MainWindow.h"
#include "PlayerSearchBar.h"
#include "PlayerTab.h"
#include "TerminalView.h"
#include "TestData.h"
#include "TimelineWidget.h"
#include "play/Player.h"
#include "play/Recording.h"
#include "terminal/Terminal.h"

#include <QAction>
#include <QCheckBox>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
constexpr int kTimeoutMs = 10000;

// A copy of a fixture in a temporary folder (the sidecar goes beside it).
QString copyFixture(const QTemporaryDir &dir, const QString &name)
{
    const QString to = dir.filePath(name);
    QFile::copy(TestData::fixture(name.toUtf8().constData()), to);
    return to;
}

// v2 with three clears; the last at 3.0 s, then text.
QByteArray threeClears()
{
    return "{\"version\": 2, \"width\": 30, \"height\": 5}\n"
           "[0.5, \"o\", \"first screen\\r\\n\"]\n"
           "[1.0, \"o\", \"\\u001b[H\\u001b[2Jsecond\\r\\n\"]\n"
           "[1.5, \"m\", \"chapter\"]\n"
           "[2.0, \"o\", \"\\u001b[H\\u001b[2Jthird\\r\\n\"]\n"
           "[3.0, \"o\", \"\\u001bcfourth\\r\\n\"]\n"
           "[4.0, \"o\", \"more\\r\\n\"]\n"
           "[9.0, \"o\", \"end\\r\\n\"]\n"_ba;
}

// Two clears; "needle" shown at 2 s and at 6 s, the last clear at 8 s.
QByteArray twoNeedles()
{
    return "{\"version\": 2, \"width\": 30, \"height\": 5}\n"
           "[0.5, \"o\", \"alpha\\r\\n\"]\n"
           "[2.0, \"o\", \"the needle one\\r\\n\"]\n"
           "[4.0, \"o\", \"\\u001b[H\\u001b[2Jbeta\\r\\n\"]\n"
           "[6.0, \"o\", \"needle two\\r\\n\"]\n"
           "[8.0, \"o\", \"\\u001b[H\\u001b[2Jgamma\\r\\n\"]\n"
           "[10.0, \"o\", \"end\\r\\n\"]\n"_ba;
}

// Whether the timeline paints a search hit mark at `us`.
bool timelineMarks(TimelineWidget *t, qint64 us)
{
    const QImage img = t->grab().toImage();
    const QColor hit = TimelineWidget::searchHitColor(t->palette());
    const int x = t->xForTime(us);
    return img.pixelColor(x, t->trackRect().top() + 2) == hit;
}

QString screen(const PlayerTab &tab)
{
    return tab.player()->terminal()->snapshot().textRows().join(u'\n');
}

void press(PlayerTab &tab, const QString &action)
{
    QAction *a = tab.action(action);
    QVERIFY2(a, qPrintable(action));
    a->trigger();
    tab.player()->finishSeek();
}

// Writes `content` to dir/name and opens it in the tab; true once the recording is Ready.
bool openCast(PlayerTab &tab, const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    QFile f(dir.filePath(name));
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size()) {
        qWarning("cannot write %s", qPrintable(f.fileName()));
        return false;
    }
    f.close();
    tab.open(f.fileName());
    if (QTest::qWaitFor([&tab] { return tab.recording()->state() == Recording::State::Ready; }, kTimeoutMs))
        return true;
    qWarning("%s: not Ready after %d ms (state %d)", qPrintable(name), kTimeoutMs, int(tab.recording()->state()));
    return false;
}
} // namespace

class TestPlayerTab : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void opensAtTheLastClear()
    {
        QTemporaryDir dir;
        PlayerTab tab;
        tab.show();
        QVERIFY(openCast(tab, dir, u"three.cast"_s, threeClears()));
        tab.player()->finishSeek();
        QVERIFY2(screen(tab).startsWith(u"fourth"_s), qPrintable(screen(tab)));
        QVERIFY(!screen(tab).contains(u"more"_s));
        QCOMPARE(tab.title(), u"three.cast"_s);
    }

    // The player's keys, each checked against the screen it must show.
    void keys_data()
    {
        QTest::addColumn<QStringList>("actions");
        QTest::addColumn<QString>("firstRow");
        QTest::newRow("Home: the start (nothing yet)") << QStringList{u"actionStart"_s} << QString();
        QTest::newRow("Home then . : first event") << QStringList{u"actionStart"_s, u"actionStepForward"_s} << u"first screen"_s;
        QTest::newRow("End: last clear") << QStringList{u"actionStart"_s, u"actionLastClear"_s} << u"fourth"_s;
        QTest::newRow("] from start: first checkpoint") << QStringList{u"actionStart"_s, u"actionNextMark"_s} << u"second"_s;
        QTest::newRow("] ] : the marker") << QStringList{u"actionStart"_s, u"actionNextMark"_s, u"actionNextMark"_s}
                                          << u"second"_s;
        QTest::newRow("] ] ] : second checkpoint")
            << QStringList{u"actionStart"_s, u"actionNextMark"_s, u"actionNextMark"_s, u"actionNextMark"_s} << u"third"_s;
        QTest::newRow("[ from last clear") << QStringList{u"actionLastClear"_s, u"actionPreviousMark"_s} << u"third"_s;
        QTest::newRow(", from last clear") << QStringList{u"actionLastClear"_s, u"actionStepBack"_s} << u"third"_s;
        QTest::newRow("5: half way (4.5 s)") << QStringList{u"actionJump5"_s} << u"fourth"_s;
        QTest::newRow("0: start") << QStringList{u"actionLastClear"_s, u"actionJump0"_s} << QString();
        QTest::newRow("Right from start: 5 s") << QStringList{u"actionStart"_s, u"actionForward5"_s} << u"fourth"_s;
        QTest::newRow("Shift+Left from last clear: -0.9 s")
            << QStringList{u"actionLastClear"_s, u"actionBack10Percent"_s} << u"third"_s;
    }
    void keys()
    {
        QFETCH(QStringList, actions);
        QFETCH(QString, firstRow);
        QTemporaryDir dir;
        PlayerTab tab;
        QVERIFY(openCast(tab, dir, u"three.cast"_s, threeClears()));
        tab.player()->finishSeek();
        for (const QString &a : actions)
            press(tab, a);
        QCOMPARE(tab.player()->terminal()->snapshot().textRows().value(0).trimmed(), firstRow);
    }

    void shortcutsAreTheDocumentedOnes_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QKeySequence>("key");
        QTest::newRow("play") << u"actionPlayPause"_s << QKeySequence(Qt::Key_Space);
        QTest::newRow("back 5 s") << u"actionBack5"_s << QKeySequence(Qt::Key_Left);
        QTest::newRow("forward 5 s") << u"actionForward5"_s << QKeySequence(Qt::Key_Right);
        QTest::newRow("back 10 %") << u"actionBack10Percent"_s << QKeySequence(Qt::SHIFT | Qt::Key_Left);
        QTest::newRow("forward 10 %") << u"actionForward10Percent"_s << QKeySequence(Qt::SHIFT | Qt::Key_Right);
        QTest::newRow("previous mark") << u"actionPreviousMark"_s << QKeySequence(Qt::Key_BracketLeft);
        QTest::newRow("next mark") << u"actionNextMark"_s << QKeySequence(Qt::Key_BracketRight);
        QTest::newRow("last clear") << u"actionLastClear"_s << QKeySequence(Qt::Key_End);
        QTest::newRow("start") << u"actionStart"_s << QKeySequence(Qt::Key_Home);
        QTest::newRow("step back") << u"actionStepBack"_s << QKeySequence(Qt::Key_Comma);
        QTest::newRow("step forward") << u"actionStepForward"_s << QKeySequence(Qt::Key_Period);
        QTest::newRow("faster") << u"actionFaster"_s << QKeySequence(Qt::Key_Plus);
        QTest::newRow("slower") << u"actionSlower"_s << QKeySequence(Qt::Key_Minus);
        QTest::newRow("full screen") << u"actionFullScreen"_s << QKeySequence(Qt::Key_F);
        QTest::newRow("jump 30 %") << u"actionJump3"_s << QKeySequence(Qt::Key_3);
        QTest::newRow("find") << u"actionFind"_s << QKeySequence(Qt::CTRL | Qt::Key_F);
        QTest::newRow("find next") << u"actionFindNext"_s << QKeySequence(Qt::Key_F3);
        QTest::newRow("find previous") << u"actionFindPrevious"_s << QKeySequence(Qt::SHIFT | Qt::Key_F3);
    }
    void shortcutsAreTheDocumentedOnes()
    {
        QFETCH(QString, action);
        QFETCH(QKeySequence, key);
        PlayerTab tab;
        QAction *a = tab.action(action);
        QVERIFY(a);
        QCOMPARE(a->shortcut(), key);
        QVERIFY2(a->toolTip().contains(key.toString(QKeySequence::NativeText)), qPrintable(a->toolTip()));
    }

    // Real key presses reach the player through the read-only view.
    void spaceAndSpeedKeysWork()
    {
        QTemporaryDir dir;
        PlayerTab tab;
        tab.resize(800, 500);
        tab.show();
        QVERIFY(QTest::qWaitForWindowActive(&tab));
        QVERIFY(openCast(tab, dir, u"three.cast"_s, threeClears()));
        tab.setFocus();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Plus);
        QCOMPARE(tab.player()->speed(), 1.5);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Minus);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Minus);
        QCOMPARE(tab.player()->speed(), 0.5);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Home);
        tab.player()->finishSeek();
        QCOMPARE(tab.player()->position(), 0);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
        QVERIFY(tab.player()->isPlaying());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
        QVERIFY(!tab.player()->isPlaying());
    }

    void timelineClickSeeks()
    {
        QTemporaryDir dir;
        PlayerTab tab;
        tab.resize(800, 500);
        tab.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
        QVERIFY(openCast(tab, dir, u"three.cast"_s, threeClears()));
        TimelineWidget *t = tab.timeline();
        const int x = t->xForTime(2'500'000);
        QTest::mouseClick(t, Qt::LeftButton, {}, QPoint(x, t->height() / 2));
        tab.player()->finishSeek();
        QVERIFY2(qAbs(tab.player()->position() - 2'500'000) < 200'000, qPrintable(QString::number(tab.player()->position())));
        QCOMPARE(tab.player()->terminal()->snapshot().textRows().value(0).trimmed(), u"third"_s);
    }

    // Ctrl+F, typing and Enter: the player goes to the first hit, the timeline marks every hit;
    // F3 / Shift+F3 step through them; Esc closes the bar and clears the marks.
    void findSeeksToHitsAndMarksTheTimeline()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"needles.cast"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(twoNeedles());
        f.close();
        PlayerTab tab;
        tab.resize(900, 500);
        tab.show();
        QVERIFY(QTest::qWaitForWindowActive(&tab));
        tab.open(path);
        QTRY_COMPARE_WITH_TIMEOUT(tab.recording()->state(), Recording::State::Ready, kTimeoutMs);
        tab.player()->finishSeek();
        QVERIFY2(screen(tab).startsWith(u"gamma"_s), qPrintable(screen(tab)));
        PlayerSearchBar *bar = tab.searchBar();
        QVERIFY(bar && !bar->isVisible());

        tab.setFocus();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F, Qt::ControlModifier);
        QVERIFY(bar->isVisible());
        QCOMPARE(QApplication::focusWidget(), bar->lineEdit());
        QTest::keyClicks(QApplication::focusWidget(), u"needle"_s);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return); // before the typing pause ends
        QCOMPARE(bar->lineEdit()->text(), u"needle"_s); // the field took the keys, not the player
        // The first hit after the current frame (8 s): none, so it wraps to the first, at 2 s.
        QTRY_COMPARE_WITH_TIMEOUT(bar->currentHit(), 0, kTimeoutMs);
        tab.player()->finishSeek();
        QCOMPARE(tab.player()->position(), 2'000'000);
        QCOMPARE(tab.player()->terminal()->snapshot().textRows().value(1), u"the needle one"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!bar->search()->isRunning(), kTimeoutMs);
        QCOMPARE(bar->search()->hits().size(), 2);
        QCOMPARE(bar->counterText(), u"1 of 2"_s);
        // The match is framed: row 1, columns 4-10.
        const QRect frame = bar->highlightRect();
        const QRect cells = tab.view()->cellMetrics().cellRect(1, 4, 6).toAlignedRect();
        QVERIFY2(frame.contains(cells), qPrintable(u"%1 %2"_s.arg(frame.top()).arg(cells.top())));
        QVERIFY(frame.height() < 2 * cells.height());
        // Both hits on the timeline (the playhead is at the first).
        QTRY_VERIFY_WITH_TIMEOUT(timelineMarks(tab.timeline(), 6'000'000), kTimeoutMs);
        QVERIFY(!timelineMarks(tab.timeline(), 5'000'000));

        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F3);
        tab.player()->finishSeek();
        QCOMPARE(tab.player()->position(), 6'000'000);
        QCOMPARE(bar->counterText(), u"2 of 2"_s);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ShiftModifier);
        tab.player()->finishSeek();
        QCOMPARE(tab.player()->position(), 2'000'000);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_F3, Qt::ShiftModifier); // wraps to the last
        tab.player()->finishSeek();
        QCOMPARE(tab.player()->position(), 6'000'000);

        // A regular expression; an invalid one says so.
        bar->findChild<QCheckBox *>(u"searchRegex"_s)->setChecked(true);
        bar->lineEdit()->setText(u"needle (one|two"_s);
        QTest::keyClick(bar->lineEdit(), Qt::Key_Return);
        QCOMPARE(bar->counterText(), u"Invalid expression"_s);
        bar->lineEdit()->setText(u"needle (one|two)$"_s);
        QTest::keyClick(bar->lineEdit(), Qt::Key_Return);
        // From the frame shown (6 s), whose hit counts as the next one.
        QTRY_COMPARE_WITH_TIMEOUT(bar->counterText(), u"2 of 2"_s, kTimeoutMs);

        QTest::keyClick(bar->lineEdit(), Qt::Key_Escape);
        QVERIFY(!bar->isVisible());
        QVERIFY(bar->highlightRect().isNull());
        QTRY_VERIFY(!timelineMarks(tab.timeline(), 6'000'000));
    }

    // A match that runs on over a soft wrap is framed on both rows, each frame over its part.
    void findFramesAMatchAcrossAWrap()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"wrapped.cast"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"version\": 2, \"width\": 10, \"height\": 5}\n"
                "[0.5, \"o\", \"$ \"]\n"
                "[1.0, \"o\", \"\\r\\nxxxxxxxxneedle\\r\\n\"]\n"
                "[3.0, \"o\", \"end\"]\n"_ba);
        f.close();
        PlayerTab tab;
        tab.resize(600, 400);
        tab.show();
        QVERIFY(QTest::qWaitForWindowActive(&tab));
        tab.open(path);
        QTRY_COMPARE_WITH_TIMEOUT(tab.recording()->state(), Recording::State::Ready, kTimeoutMs);
        tab.player()->finishSeek();
        PlayerSearchBar *bar = tab.searchBar();
        bar->activate();
        bar->lineEdit()->setText(u"needle"_s);
        QTest::keyClick(bar->lineEdit(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(bar->currentHit(), 0, kTimeoutMs);
        tab.player()->finishSeek();
        QCOMPARE(tab.player()->position(), 1'000'000);
        QCOMPARE(bar->search()->hits().first().rowCount, 2);

        QList<QRect> frames;
        for (const QWidget *w : tab.view()->viewport()->findChildren<QWidget *>(u"searchHighlight"_s))
            if (w->isVisible())
                frames << w->geometry();
        QCOMPARE(frames.size(), 2);
        std::sort(frames.begin(), frames.end(), [](const QRect &a, const QRect &b) { return a.top() < b.top(); });
        const CellMetrics m = tab.view()->cellMetrics();
        // "ne" at the end of row 1, "edle" at the start of row 2.
        QVERIFY(frames[0].contains(m.cellRect(1, 8, 2).toAlignedRect()));
        QVERIFY(!frames[0].contains(m.cellRect(1, 7, 1).toAlignedRect()));
        QVERIFY(frames[1].contains(m.cellRect(2, 0, 4).toAlignedRect()));
        QVERIFY(!frames[1].contains(m.cellRect(2, 4, 1).toAlignedRect()));
        QCOMPARE(bar->highlightRect(), frames[0] | frames[1]);
    }

    void damagedFileShowsTheBar()
    {
        QTemporaryDir dir;
        PlayerTab tab;
        tab.show();
        tab.open(copyFixture(dir, u"malformed-middle-v2.cast"_s));
        QTRY_COMPARE_WITH_TIMEOUT(tab.recording()->state(), Recording::State::Ready, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(!tab.warningText().isEmpty(), kTimeoutMs);
        QVERIFY2(tab.warningText().contains(u"line"_s), qPrintable(tab.warningText()));
    }

    void unreadableFileSaysWhy()
    {
        QTemporaryDir dir;
        PlayerTab tab;
        tab.show();
        tab.open(copyFixture(dir, u"binary-garbage.cast"_s));
        QTRY_COMPARE_WITH_TIMEOUT(tab.recording()->state(), Recording::State::Failed, kTimeoutMs);
        QVERIFY(tab.warningText().contains(u"binary-garbage.cast"_s));
    }

    void windowOpensEachFileOnceAndRemembersIt()
    {
        QSettings().remove(u"recent/files"_s);
        QTemporaryDir dir;
        const QString a = copyFixture(dir, u"minimal-v2.cast"_s);
        const QString b = copyFixture(dir, u"minimal-v3.cast"_s);
        MainWindow w;
        w.show();
        PlayerTab *first = w.openRecording(a);
        w.openRecording(b);
        QCOMPARE(w.tabs()->count(), 2);
        QCOMPARE(w.openRecording(a), first);
        QCOMPARE(w.tabs()->count(), 2);
        QCOMPARE(w.currentPlayer(), first);
        QCOMPARE(MainWindow::recentFiles(), (QStringList{a, b})); // a was opened again: first
        auto *playback = w.findChild<QMenu *>(u"menuPlayback"_s);
        QVERIFY(playback && playback->isEnabled());
        QVERIFY(playback->actions().contains(first->action(u"actionPlayPause"_s)));
    }

    void droppedUrlsOpenLocalFiles()
    {
        QTemporaryDir dir;
        const QString a = copyFixture(dir, u"minimal-v2.cast"_s);
        MainWindow w;
        w.show();
        QVERIFY(w.acceptDrops());
        QCOMPARE(w.openUrls({QUrl(u"https://example.org/x.cast"_s), QUrl::fromLocalFile(a)}), 1);
        QCOMPARE(w.tabs()->count(), 1);
        QVERIFY(w.currentPlayer());
        QCOMPARE(w.currentPlayer()->path(), QFileInfo(a).absoluteFilePath());
    }
};

QTEST_MAIN(TestPlayerTab)
#include "tst_playertab.moc"
