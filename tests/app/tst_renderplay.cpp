// `castdeck render` and `castdeck play`, run as the real binary without a display: golden
// screens, the reference replay for every fixture, error messages, the bytes play writes, its
// timing options, and stopping it with q on a terminal or with a signal.
#include "TestData.h"
#include "checkpoint/CastIndexer.h"
#include "core/play/PlayTestSupport.h"
#include "pty/PtySession.h"

#include <QElapsedTimer>
#include <QImage>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <limits>

using namespace Qt::StringLiterals;
using namespace PlayTest;
using TestData::fixture;

namespace {
struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    qint64 ms = 0;
};

QProcessEnvironment noDisplay()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"DISPLAY"_s);
    env.remove(u"WAYLAND_DISPLAY"_s);
    env.insert(u"QT_QPA_PLATFORM"_s, u"xcb"_s); // anything that opened a window would fail
    return env;
}

Run castdeck(const QStringList &args, int timeoutMs = 60000)
{
    QProcess p;
    p.setProcessEnvironment(noDisplay());
    QElapsedTimer t;
    t.start();
    p.start(QStringLiteral(CASTDECK_BINARY), args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError(), t.elapsed()};
}

// The screen rows as render --text prints them: trailing spaces trimmed.
QByteArray rows(const QStringList &text)
{
    QByteArray out;
    for (QString r : text) {
        while (r.endsWith(u' '))
            r.chop(1);
        out += r.toUtf8() + '\n';
    }
    return out;
}

QByteArray blankRows(int n)
{
    return QByteArray(n, '\n');
}

// Every output event's data, in order.
QByteArray allOutput(const QString &path)
{
    QByteArray out;
    CastReader r;
    if (!r.open(path))
        return out;
    CastEvent ev;
    while (r.readNext(ev))
        if (ev.type() == CastEvent::Type::Output)
            out += ev.data;
    return out;
}
} // namespace

class TestRenderPlay : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_n = 0;

    QString copy(const char *name)
    {
        const QString path = m_dir.filePath(u"%1-%2"_s.arg(++m_n).arg(QLatin1StringView(name)));
        return QFile::copy(fixture(name), path) ? path : QString();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void helpNamesTheCommands()
    {
        const Run h = castdeck({u"--help"_s});
        QCOMPARE(h.exitCode, 0);
        QVERIFY(h.out.contains("render FILE --at"));
        QVERIFY(h.out.contains("play FILE"));
        const Run rh = castdeck({u"render"_s, u"--help"_s});
        QCOMPARE(rh.exitCode, 0);
        QVERIFY(rh.out.contains("last-clear"));
        const Run ph = castdeck({u"play"_s, u"--help"_s});
        QCOMPARE(ph.exitCode, 0);
        QVERIFY(ph.out.contains("--idle-time-limit"));
    }

    void renderTextGolden_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("at");
        QTest::addColumn<QByteArray>("expected");
        QTest::addRow("v2 end") << u"minimal-v2.cast"_s << u"end"_s << QByteArray("hello world\n" + blankRows(23));
        QTest::addRow("v2 at the first event") << u"minimal-v2.cast"_s << u"0.5"_s << QByteArray("hello\n" + blankRows(23));
        QTest::addRow("v2 just before it") << u"minimal-v2.cast"_s << u"0.499999"_s << blankRows(24);
        QTest::addRow("v2 long after") << u"minimal-v2.cast"_s << u"1000"_s << QByteArray("hello world\n" + blankRows(23));
        QTest::addRow("v1 intervals") << u"minimal-v1.cast"_s << u".75"_s << QByteArray("\ntwo\n" + blankRows(18));
        QTest::addRow("v3 intervals") << u"minimal-v3.cast"_s << u"0.5"_s << QByteArray("hello\n" + blankRows(29));
        QTest::addRow("v3 end") << u"minimal-v3.cast"_s << u"end"_s << QByteArray("hello world\n" + blankRows(29));
        QTest::addRow("resize") << u"all-codes-v2.cast"_s << u"end"_s << QByteArray("$ l\n" + blankRows(39));
        QTest::addRow("truncated") << u"truncated-v2.cast"_s << u"end"_s << QByteArray("onetwo\n" + blankRows(23));
        QTest::addRow("split sequences") << u"split-sequences-v2.cast"_s << u"0.3"_s
                                         << QByteArray("      after\n" + blankRows(23));
    }

    void renderTextGolden()
    {
        QFETCH(QString, name);
        QFETCH(QString, at);
        QFETCH(QByteArray, expected);
        const Run r = castdeck({u"render"_s, fixture(name.toUtf8().constData()), u"--at"_s, at, u"--text"_s});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, expected);
    }

    // Every fixture, every moment (each event time and just before), the last clear and every
    // checkpoint: the binary prints what the reference replay shows.
    void renderMatchesReplay_data()
    {
        QTest::addColumn<QString>("name");
        for (const char *f : {"all-sequences-v2.cast", "split-sequences-v2.cast", "foreign-escapes-v2.cast",
                              "lookalikes-v2.cast", "comments-v3.cast", "crlf-v2.cast", "malformed-middle-v2.cast",
                              "decrc-after-shrink-v2.cast"})
            QTest::addRow("%s", f) << QString::fromLatin1(f);
    }

    void renderMatchesReplay()
    {
        QFETCH(QString, name);
        const QString path = copy(name.toUtf8().constData());
        CheckpointIndex idx;
        QCOMPARE(CastIndexer().index(path, idx), CastIndexer::Result::Done);
        QList<qint64> times;
        {
            CastReader r;
            QVERIFY(r.open(path));
            CastEvent ev;
            while (r.readNext(ev))
                times << ev.timeUs - 1 << ev.timeUs;
        }
        for (qint64 t : std::as_const(times)) {
            if (t < 0)
                continue;
            const QString at = QString::number(double(t) / 1e6, 'f', 6);
            const Run r = castdeck({u"render"_s, path, u"--at"_s, at});
            QCOMPARE(r.exitCode, 0);
            LinearReplay truth(path);
            truth.toTime(t);
            QCOMPARE(r.out, rows(truth.snapshot().textRows()));
        }
        for (qsizetype k = 0; k < idx.checkpoints.size(); ++k) {
            const Run r = castdeck({u"render"_s, path, u"--at"_s, u"checkpoint:%1"_s.arg(k)});
            QCOMPARE(r.exitCode, 0);
            LinearReplay truth(path);
            truth.toTime(idx.checkpoints[k].timeUs);
            QCOMPARE(r.out, rows(truth.snapshot().textRows()));
        }
        if (!idx.checkpoints.isEmpty()) {
            const Run last = castdeck({u"render"_s, path, u"--at"_s, u"last-clear"_s});
            const Run lastByNumber =
                castdeck({u"render"_s, path, u"--at"_s, u"checkpoint:%1"_s.arg(idx.checkpoints.size() - 1)});
            QCOMPARE(last.exitCode, 0);
            QCOMPARE(last.out, lastByNumber.out);
        }
        // Read-only: no sidecar appears.
        QVERIFY(!QFile::exists(CheckpointIndex::sidecarPath(path)));
    }

    void renderErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QString file = fixture("minimal-v2.cast");
        const QString expects = u"--at expects seconds (12.5), end, last-clear or checkpoint:N, not"_s;
        QTest::addRow("words") << QStringList{file, u"--at"_s, u"soon"_s} << 2 << expects + u" \"soon\""_s;
        QTest::addRow("negative") << QStringList{file, u"--at"_s, u"-1"_s} << 2 << expects;
        QTest::addRow("exponent") << QStringList{file, u"--at"_s, u"1e3"_s} << 2 << expects;
        QTest::addRow("bad checkpoint") << QStringList{file, u"--at"_s, u"checkpoint:x"_s} << 2 << expects;
        QTest::addRow("empty") << QStringList{file, u"--at"_s, QString()} << 2 << expects;
        QTest::addRow("no --at") << QStringList{file} << 2 << u"--at is required"_s;
        QTest::addRow("no file") << QStringList{u"--at"_s, u"end"_s} << 2 << u"expected exactly one FILE"_s;
        QTest::addRow("missing file") << QStringList{m_dir.filePath(u"none.cast"_s), u"--at"_s, u"end"_s} << 1
                                      << u"none.cast"_s;
        QTest::addRow("not a cast") << QStringList{fixture("binary-garbage.cast"), u"--at"_s, u"end"_s} << 1
                                    << u"binary-garbage.cast"_s;
        QTest::addRow("no clear") << QStringList{file, u"--at"_s, u"last-clear"_s} << 1 << u"has no clear checkpoint"_s;
        QTest::addRow("checkpoint out of range")
            << QStringList{fixture("all-sequences-v2.cast"), u"--at"_s, u"checkpoint:999"_s} << 1
            << u"clear checkpoints (0 to"_s;
    }

    void renderErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const Run r = castdeck(QStringList{u"render"_s} + args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }

    void renderWarnsAboutDamage()
    {
        const Run r = castdeck({u"render"_s, fixture("malformed-middle-v2.cast"), u"--at"_s, u"end"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains("warning: line 3"), r.err.constData());
        QCOMPARE(r.out, QByteArray("onethree\n" + blankRows(23)));
    }

    void renderPng()
    {
        const QString png = m_dir.filePath(u"frame.png"_s);
        const Run r = castdeck({u"render"_s, fixture("all-codes-v2.cast"), u"--at"_s, u"end"_s, u"--png"_s, png});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), r.err.constData());
        QVERIFY(r.out.isEmpty()); // --png alone prints no text
        const QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() > 120 * 4 && image.height() > 40 * 8); // 120x40 cells after the resize
        // With --text as well, both.
        const Run both = castdeck({u"render"_s, fixture("minimal-v2.cast"), u"--at"_s, u"end"_s, u"--png"_s,
                                   m_dir.filePath(u"two.png"_s), u"--text"_s});
        QCOMPARE(both.exitCode, 0);
        QVERIFY(both.out.startsWith("hello world\n"));
        QVERIFY(QFile::exists(m_dir.filePath(u"two.png"_s)));
    }

    void playWritesTheOutput()
    {
        CastSpec spec;
        spec.bytes = 64 << 10;
        spec.seed = 17;
        spec.resizeEvery = 0;
        const QString path = m_dir.filePath(u"play.cast"_s);
        QVERIFY(writeCast(path, spec));
        // Intervals up to 20 s: 16x and an idle limit keep it short.
        const Run r = castdeck({u"play"_s, path, u"--speed"_s, u"16"_s, u"--idle-time-limit"_s, u"0.05"_s});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, allOutput(path)); // not a terminal: exactly the bytes, nothing added
    }

    void playFromLastClear()
    {
        CastSpec spec;
        spec.bytes = 64 << 10;
        spec.clearEvery = 10 << 10;
        spec.seed = 19;
        spec.resizeEvery = 0;
        const QString path = m_dir.filePath(u"play-clear.cast"_s);
        QVERIFY(writeCast(path, spec));
        const Run r = castdeck({u"play"_s, path, u"--from-last-clear"_s, u"--speed"_s, u"16"_s,
                                u"--idle-time-limit"_s, u"0.05"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.size() < allOutput(path).size());
        // Fed into a terminal of the recording's size, the output gives the recording's last screen.
        LinearReplay truth(path);
        truth.toCount(std::numeric_limits<qint64>::max());
        Terminal t(spec.cols, spec.rows);
        t.feed(r.out);
        QCOMPARE(t.snapshot(), truth.snapshot());
    }

    void playTiming_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<int>("minMs");
        QTest::addColumn<int>("maxMs");
        // Events at 0.1 s, then a 30 s pause, then 0.1 s more; the header limits pauses to 1 s.
        QTest::addRow("header limit") << QStringList{} << 1000 << 8000;
        QTest::addRow("user limit") << QStringList{u"--idle-time-limit"_s, u"0.2"_s} << 200 << 5000;
        QTest::addRow("limit and speed") << QStringList{u"--idle-time-limit"_s, u"2"_s, u"--speed"_s, u"4"_s} << 400
                                         << 5000;
    }

    void playTiming()
    {
        QFETCH(QStringList, options);
        QFETCH(int, minMs);
        QFETCH(int, maxMs);
        const QString path = m_dir.filePath(u"pause.cast"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"version\": 2, \"width\": 80, \"height\": 24, \"idle_time_limit\": 1}\n"
                "[0.1, \"o\", \"a\"]\n[30.1, \"o\", \"b\"]\n[30.2, \"o\", \"c\"]\n");
        f.close();
        const Run r = castdeck(QStringList{u"play"_s, path} + options, 20000);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("abc"));
        QVERIFY2(r.ms >= minMs && r.ms <= maxMs, qPrintable(QString::number(r.ms)));
    }

    void playErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QString file = fixture("minimal-v2.cast");
        QTest::addRow("speed") << QStringList{file, u"--speed"_s, u"32"_s} << 2 << u"--speed expects a number from 0.25 to 16"_s;
        QTest::addRow("idle") << QStringList{file, u"--idle-time-limit"_s, u"-1"_s} << 2
                              << u"--idle-time-limit expects seconds"_s;
        QTest::addRow("missing") << QStringList{m_dir.filePath(u"none.cast"_s)} << 1 << u"none.cast"_s;
    }

    void playErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const Run r = castdeck(QStringList{u"play"_s} + args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    }

    // On a terminal: q stops at once, and what the recording switched on is switched off.
    void playStopsOnQ()
    {
        const QString path = m_dir.filePath(u"long.cast"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"version\": 2, \"width\": 80, \"height\": 24}\n"
                "[0.1, \"o\", \"\\u001b[?1049h\\u001b[?25lstarted\"]\n[60, \"o\", \"never\"]\n");
        f.close();
        PtySession pty;
        QProcessEnvironment env = noDisplay();
        pty.setExtraEnvironment(env);
        pty.setProgram(QStringLiteral(CASTDECK_BINARY), {u"play"_s, path});
        QByteArray seen;
        connect(&pty, &PtySession::receivedData, this, [&seen](const QByteArray &d) { seen += d; });
        QSignalSpy finished(&pty, &PtySession::finished);
        QVERIFY(pty.start());
        QTRY_VERIFY_WITH_TIMEOUT(seen.contains("started"), 20000);
        QElapsedTimer t;
        t.start();
        pty.write("q");
        QVERIFY(finished.wait(10000));
        QVERIFY(t.elapsed() < 5000);
        QVERIFY(!seen.contains("never"));
        const QByteArray tail = seen.mid(seen.indexOf("started"));
        QVERIFY2(tail.contains("\x1b[?1049l"), tail.constData()); // back to the main screen
        QVERIFY(tail.contains("\x1b[?25h"));                     // cursor shown again
    }

    void playStopsOnSignal()
    {
        const QString path = m_dir.filePath(u"long2.cast"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"version\": 2, \"width\": 80, \"height\": 24}\n[0.1, \"o\", \"started\"]\n[60, \"o\", \"never\"]\n");
        f.close();
        QProcess p;
        p.setProcessEnvironment(noDisplay());
        p.start(QStringLiteral(CASTDECK_BINARY), {u"play"_s, path});
        QVERIFY(p.waitForStarted());
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += p.readAllStandardOutput()).contains("started"), 20000);
        ::kill(pid_t(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 130);
    }
};

QTEST_GUILESS_MAIN(TestRenderPlay)
#include "tst_renderplay.moc"
