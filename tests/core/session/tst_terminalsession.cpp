// TerminalSession: output reaches the terminal model, input and replies reach the child,
// resizes reach both, the title comes from the terminal.
#include "session/TerminalSession.h"
#include "terminal/Terminal.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
constexpr int kTimeoutMs = 10000;

QString screenText(const Terminal &t)
{
    return t.snapshot().textRows().join(u'\n');
}
} // namespace

class TestTerminalSession : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void outputReachesTheModel_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QString>("firstRow");
        QTest::addColumn<QString>("secondRow");
        QTest::newRow("plain") << u"printf 'hello\\nworld'"_s << u"hello"_s << u"world"_s;
        QTest::newRow("colours") << u"printf '\\033[31mred\\033[0m\\n\\033[1;44mbold\\033[0m'"_s << u"red"_s << u"bold"_s;
        QTest::newRow("clear-in-between") << u"printf 'gone\\033[H\\033[2Jkept\\nthere'"_s << u"kept"_s << u"there"_s;
        QTest::newRow("utf8") << u"printf '\\342\\202\\254 \\344\\270\\255'"_s << u"€ 中"_s << QString();
    }
    void outputReachesTheModel()
    {
        QFETCH(QString, script);
        QFETCH(QString, firstRow);
        QFETCH(QString, secondRow);
        TerminalSession session;
        session.setProgram(u"/bin/sh"_s, {u"-c"_s, script});
        QSignalSpy finished(&session, &TerminalSession::finished);
        QVERIFY2(session.start(40, 5), qPrintable(session.errorString()));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kTimeoutMs);
        const QStringList rows = session.terminal()->snapshot().textRows();
        QCOMPARE(rows.value(0).trimmed(), firstRow);
        QCOMPARE(rows.value(1).trimmed(), secondRow);
    }

    void keysReachTheChild()
    {
        TerminalSession session;
        session.setProgram(u"/bin/sh"_s, {u"-c"_s, u"read line; printf 'got:%s' \"$line\""_s});
        QSignalSpy finished(&session, &TerminalSession::finished);
        QSignalSpy sent(&session, &TerminalSession::sentInput);
        QVERIFY(session.start(40, 5));
        for (char32_t c : U"abc")
            if (c)
                session.terminal()->sendChar(c);
        session.terminal()->sendKey(Terminal::Key::Enter);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kTimeoutMs);
        QVERIFY2(screenText(*session.terminal()).contains(u"got:abc"_s), qPrintable(screenText(*session.terminal())));
        QByteArray all;
        for (const QList<QVariant> &args : sent)
            all += args.at(0).toByteArray();
        QCOMPARE(all, "abc\r"_ba);
    }

    // A cursor position request (DSR 6) is answered by the model through the pty.
    void repliesReachTheChild()
    {
        TerminalSession session;
        session.setProgram(u"/bin/sh"_s,
                           {u"-c"_s, u"stty raw -echo; printf '\\033[3;7H\\033[6n'; r=$(dd bs=1 count=6 2>/dev/null); "
                                     "stty sane; printf '\\033[H\\033[2J%s' \"$r\" | od -c | head -1"_s});
        QSignalSpy finished(&session, &TerminalSession::finished);
        QVERIFY(session.start(40, 5));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kTimeoutMs);
        // ESC [ 3 ; 7 R
        QVERIFY2(screenText(*session.terminal()).contains(u"033   [   3   ;   7   R"_s),
                 qPrintable(screenText(*session.terminal())));
    }

    void resizeReachesModelAndChild()
    {
        TerminalSession session;
        session.setProgram(u"/bin/sh"_s,
                           {u"-c"_s, u"trap 'stty size; exit 0' WINCH; stty size; while :; do sleep 0.05; done"_s});
        QSignalSpy finished(&session, &TerminalSession::finished);
        QSignalSpy resized(&session, &TerminalSession::resized);
        QVERIFY(session.start(50, 10));
        QTRY_VERIFY_WITH_TIMEOUT(screenText(*session.terminal()).contains(u"10 50"_s), kTimeoutMs);
        session.resize(70, 12);
        QCOMPARE(resized.size(), 1);
        QCOMPARE(session.terminal()->cols(), 70);
        QCOMPARE(session.terminal()->rows(), 12);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kTimeoutMs);
        QVERIFY2(screenText(*session.terminal()).contains(u"12 70"_s), qPrintable(screenText(*session.terminal())));
        session.resize(70, 12); // unchanged: nothing happens
        QCOMPARE(resized.size(), 1);
    }

    void titleFollowsTheTerminal()
    {
        TerminalSession session;
        session.setProgram(u"/bin/sh"_s, {u"-c"_s, u"printf '\\033]0;my title\\007'"_s});
        QCOMPARE(session.displayTitle(), u"sh"_s);
        QCOMPARE(session.commandLine(), u"sh -c printf '\\033]0;my title\\007'"_s);
        QSignalSpy title(&session, &TerminalSession::titleChanged);
        QSignalSpy finished(&session, &TerminalSession::finished);
        QVERIFY(session.start(40, 5));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kTimeoutMs);
        QCOMPARE(title.size(), 1);
        QCOMPARE(session.displayTitle(), u"my title"_s);
    }

    void stopEndsTheChild()
    {
        TerminalSession session;
        session.setProgram(u"/bin/sh"_s, {u"-c"_s, u"while :; do sleep 1; done"_s});
        QSignalSpy finished(&session, &TerminalSession::finished);
        QVERIFY(session.start(40, 5));
        QVERIFY(session.isRunning());
        session.stop(200);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kTimeoutMs);
        QVERIFY(!session.isRunning());
        QVERIFY(finished.at(0).at(0).value<PtyExitStatus>().crashed());
    }

    void badProgramFails()
    {
        TerminalSession session;
        session.setProgram(u"/nonexistent/program"_s);
        QVERIFY(!session.start(40, 5));
        QVERIFY(!session.errorString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTerminalSession)
#include "tst_terminalsession.moc"
