// TerminalTab and the main window's terminal handling: a shell in a tab that shows what the
// program prints, follows the view's size, records with the strip, closes with a question.
#include "MainWindow.h"
#include "TerminalTab.h"
#include "TerminalView.h"
#include "format/CastReader.h"
#include "record/Recorder.h"
#include "session/TerminalSession.h"
#include "terminal/Terminal.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {
constexpr int kTimeoutMs = 10000;

QString screenText(const TerminalTab &tab)
{
    return tab.session()->terminal()->snapshot().textRows().join(u'\n');
}

// Answers the next modal QMessageBox named "confirmClose" with `button`; records that it came.
void answerConfirmation(QMessageBox::StandardButton button, bool *asked)
{
    QTimer::singleShot(0, qApp, [button, asked] {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *box = qobject_cast<QMessageBox *>(w); box && box->objectName() == u"confirmClose"_s) {
                *asked = true;
                box->button(button)->click();
                return;
            }
        }
        answerConfirmation(button, asked); // not open yet
    });
}
} // namespace

class TestTerminalTab : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void shellOutputIsShownAndSizeFollowsTheView()
    {
        TerminalTab tab;
        tab.resize(700, 400);
        tab.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
        QVERIFY(tab.start(u"/bin/sh"_s, {u"-c"_s, u"printf 'hello from sh\\n'; sleep 0.3; stty size; sleep 30"_s}));
        QTRY_VERIFY_WITH_TIMEOUT(screenText(tab).contains(u"hello from sh"_s), kTimeoutMs);
        const QSize grid = tab.view()->gridSize();
        QCOMPARE(tab.session()->terminal()->cols(), grid.width());
        QCOMPARE(tab.session()->terminal()->rows(), grid.height());
        const QString size = u"%1 %2"_s.arg(grid.height()).arg(grid.width());
        QTRY_VERIFY2_WITH_TIMEOUT(screenText(tab).contains(size), qPrintable(screenText(tab)), kTimeoutMs);
    }

    void typingReachesTheProgram()
    {
        TerminalTab tab;
        tab.resize(600, 300);
        tab.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
        QVERIFY(tab.start(u"/bin/sh"_s, {u"-c"_s, u"read l; printf 'typed:[%s]\\n' \"$l\"; sleep 30"_s}));
        tab.view()->setFocus();
        QTest::keyClicks(tab.view(), u"echo hi"_s);
        QTest::keyClick(tab.view(), Qt::Key_Return);
        QTRY_VERIFY2_WITH_TIMEOUT(screenText(tab).contains(u"typed:[echo hi]"_s), qPrintable(screenText(tab)),
                                  kTimeoutMs);
    }

    void failedProgramShowsMessage()
    {
        TerminalTab tab;
        QVERIFY(tab.start(u"/bin/sh"_s, {u"-c"_s, u"exit 3"_s}));
        QSignalSpy finished(&tab, &TerminalTab::finished);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kTimeoutMs);
        auto *bar = tab.findChild<QLabel *>(u"messageBar"_s);
        QVERIFY(bar);
        QVERIFY2(bar->text().contains(u"3"_s), qPrintable(bar->text()));
    }

    void recordingFileNames()
    {
        QTemporaryDir dir;
        const QDateTime when(QDate(2026, 11, 21), QTime(14, 3, 7));
        const QString first = TerminalTab::recordingFileName(dir.path(), u"/usr/bin/zsh -l"_s, when);
        QCOMPARE(QFileInfo(first).fileName(), u"2026-11-21_14-03-07_zsh.cast"_s);
        QFile f(first);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        QCOMPARE(QFileInfo(TerminalTab::recordingFileName(dir.path(), u"zsh"_s, when)).fileName(),
                 u"2026-11-21_14-03-07_zsh-2.cast"_s);
        QCOMPARE(QFileInfo(TerminalTab::recordingFileName(dir.path(), u"weird name*?"_s, when)).fileName(),
                 u"2026-11-21_14-03-07_weird.cast"_s);
    }

    // Record, add a marker and a manual checkpoint, see the strip; the program's exit ends
    // the file with its exit status.
    void recordingFromTheTab()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"tab.cast"_s);
        TerminalTab tab;
        tab.resize(600, 300);
        tab.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
        QVERIFY(tab.start(u"/bin/sh"_s, {u"-c"_s, u"read l; printf 'a\\033[2Jb\\n'; read l; exit 4"_s}));
        QSignalSpy recording(&tab, &TerminalTab::recordingChanged);
        QString error;
        QVERIFY2(tab.startRecording(path, 2, false, &error), qPrintable(error));
        QCOMPARE(recording.size(), 1);
        auto *strip = tab.findChild<QWidget *>(u"recordingStrip"_s);
        QVERIFY(strip && strip->isVisible());
        QVERIFY(!tab.findChild<QLabel *>(u"inputCaptureWarning"_s)->isVisible());
        tab.session()->terminal()->sendKey(Terminal::Key::Enter);
        QTRY_VERIFY_WITH_TIMEOUT(tab.recordingStatusText().contains(u"1 checkpoint"_s), kTimeoutMs);
        tab.addMarker(u"chapter one"_s);
        tab.markCheckpoint();
        QSignalSpy finished(&tab, &TerminalTab::finished);
        tab.session()->terminal()->sendKey(Terminal::Key::Enter);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(recording.size(), 2, kTimeoutMs);
        QVERIFY(!tab.isRecording());

        // The file is finished in the background: wait for the exit event.
        CastReader reader;
        QByteArray codes;
        QByteArray exitData;
        const auto finishedFile = [&] {
            codes.clear();
            if (!reader.open(path))
                return false;
            CastEvent e;
            while (reader.readNext(e)) {
                codes += e.code;
                if (e.code == "x")
                    exitData = e.data;
            }
            return codes.endsWith('x');
        };
        QTRY_VERIFY_WITH_TIMEOUT(finishedFile(), kTimeoutMs);
        QVERIFY(codes.contains('m'));
        QVERIFY(!codes.contains('i')); // input capture is off by default
        QCOMPARE(exitData, "4"_ba);
    }

    void inputCaptureIsRecordedAndLabelled()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"input.cast"_s);
        TerminalTab tab;
        tab.show();
        QVERIFY(tab.start(u"/bin/sh"_s, {u"-c"_s, u"read l; exit 0"_s}));
        QVERIFY(tab.startRecording(path, 3, true));
        QVERIFY(tab.findChild<QLabel *>(u"inputCaptureWarning"_s)->isVisible());
        QSignalSpy recording(&tab, &TerminalTab::recordingChanged);
        tab.session()->terminal()->sendChar(U'x');
        tab.session()->terminal()->sendKey(Terminal::Key::Enter);
        QTRY_COMPARE_WITH_TIMEOUT(recording.size(), 1, kTimeoutMs);
        CastReader reader;
        QByteArray input;
        const auto finishedFile = [&] {
            input.clear();
            if (!reader.open(path))
                return false;
            CastEvent e;
            bool ended = false;
            while (reader.readNext(e)) {
                if (e.code == "i")
                    input += e.data;
                ended = e.code == "x";
            }
            return ended;
        };
        QTRY_VERIFY_WITH_TIMEOUT(finishedFile(), kTimeoutMs);
        QCOMPARE(reader.header().version, 3);
        QCOMPARE(input, "x\r"_ba);
    }

    void newTerminalActionOpensATab()
    {
        MainWindow w;
        w.show();
        QVERIFY(w.showsEmptyState());
        auto *action = w.findChild<QAction *>(u"actionNewTerminal"_s);
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(u"Ctrl+Shift+T"_s));
        action->trigger();
        QCOMPARE(w.tabs()->count(), 1);
        QVERIFY(!w.showsEmptyState());
        QVERIFY(w.currentTerminal());
        QTRY_VERIFY_WITH_TIMEOUT(w.currentTerminal()->isRunning(), kTimeoutMs);
    }

    void closingARunningTabAsks_data()
    {
        QTest::addColumn<int>("answer");
        QTest::addColumn<bool>("closed");
        QTest::newRow("cancel keeps the tab") << int(QMessageBox::Cancel) << false;
        QTest::newRow("close closes it") << int(QMessageBox::Close) << true;
    }
    void closingARunningTabAsks()
    {
        QFETCH(int, answer);
        QFETCH(bool, closed);
        MainWindow w;
        w.show();
        TerminalTab *tab = w.newTerminal(u"/bin/sh"_s, {u"-c"_s, u"sleep 30"_s});
        QVERIFY(tab->isRunning());
        bool asked = false;
        answerConfirmation(QMessageBox::StandardButton(answer), &asked);
        QCOMPARE(w.closeTab(0), closed);
        QVERIFY(asked);
        QCOMPARE(w.tabs()->count(), closed ? 0 : 1);
        QCOMPARE(w.showsEmptyState(), closed);
    }

    void finishedTabClosesWithoutAsking()
    {
        MainWindow w;
        w.show();
        w.newTerminal(u"/bin/sh"_s, {u"-c"_s, u"exit 0"_s});
        QCOMPARE(w.tabs()->count(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(w.tabs()->count(), 0, kTimeoutMs);
        QVERIFY(w.showsEmptyState());
    }

    void recordActionsFollowTheTab()
    {
        QTemporaryDir dir;
        QSettings().setValue(u"recording/folder"_s, dir.path());
        MainWindow w;
        w.show();
        auto *record = w.findChild<QAction *>(u"actionRecord"_s);
        auto *marker = w.findChild<QAction *>(u"actionAddMarker"_s);
        QVERIFY(record && marker);
        QVERIFY(!record->isEnabled());
        QVERIFY(record->toolTip().contains(QKeySequence(u"Ctrl+Shift+R"_s).toString(QKeySequence::NativeText)));
        TerminalTab *tab = w.newTerminal(u"/bin/sh"_s, {u"-c"_s, u"sleep 30"_s});
        QVERIFY(record->isEnabled());
        QVERIFY(!marker->isEnabled());
        record->trigger();
        QVERIFY(tab->isRecording());
        QVERIFY(record->isChecked());
        QVERIFY(marker->isEnabled());
        QVERIFY(tab->recordingPath().startsWith(dir.path()));
        record->trigger();
        QVERIFY(!tab->isRecording());
        QVERIFY(!marker->isEnabled());
        QSettings().remove(u"recording/folder"_s);
    }

    void autoRecordRecordsNewTerminals()
    {
        QTemporaryDir dir;
        QSettings().setValue(u"recording/folder"_s, dir.path());
        QSettings().setValue(u"recording/auto"_s, true);
        {
            MainWindow w;
            TerminalTab *tab = w.newTerminal(u"/bin/sh"_s, {u"-c"_s, u"sleep 30"_s});
            QVERIFY(tab->isRecording());
            QCOMPARE(QFileInfo(tab->recordingPath()).absolutePath(), QFileInfo(dir.path()).absoluteFilePath());
            QVERIFY(tab->recordingPath().endsWith(u"_sh.cast"_s));
        }
        QSettings().remove(u"recording/auto"_s);
        QSettings().remove(u"recording/folder"_s);
    }
};

QTEST_MAIN(TestTerminalTab)
#include "tst_terminaltab.moc"
