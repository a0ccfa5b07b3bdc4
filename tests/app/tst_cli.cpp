// Runs the real castdeck binary as a user or another tool would.
#include "TestData.h"
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace Qt::StringLiterals;
using TestData::fileBytes;
using TestData::fixture;

namespace {
struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Without a display: no DISPLAY, no WAYLAND_DISPLAY, and the xcb platform, so anything
// that tried to open a window would fail.
Run castdeck(const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"DISPLAY"_s);
    env.remove(u"WAYLAND_DISPLAY"_s);
    env.insert(u"QT_QPA_PLATFORM"_s, u"xcb"_s);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(CASTDECK_BINARY), args);
    if (!p.waitForFinished(60000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}
} // namespace

class TestCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void versionAndHelpNeedNoDisplay()
    {
        const Run v = castdeck({u"--version"_s});
        QCOMPARE(v.exitCode, 0);
        QVERIFY(v.out.startsWith("castdeck "));
        const Run h = castdeck({u"--help"_s});
        QCOMPARE(h.exitCode, 0);
        QVERIFY(h.out.contains("info FILE"));
        const Run ih = castdeck({u"info"_s, u"--help"_s});
        QCOMPARE(ih.exitCode, 0);
        QVERIFY(ih.out.contains("--strict"));
    }

    void infoJsonKeys()
    {
        const Run r = castdeck({u"info"_s, fixture("all-codes-v2.cast"), u"--json"_s});
        QCOMPARE(r.exitCode, 0);
        QJsonParseError e{};
        const QJsonObject o = QJsonDocument::fromJson(r.out, &e).object();
        QCOMPARE(e.error, QJsonParseError::NoError);
        QCOMPARE(o.value(u"format"_s).toInt(), 2);
        QCOMPARE(o.value(u"width"_s).toInt(), 100);
        QCOMPARE(o.value(u"height"_s).toInt(), 30);
        QCOMPARE(o.value(u"duration"_s).toDouble(), 0.8);
        const QJsonObject ev = o.value(u"events"_s).toObject();
        QCOMPARE(ev.value(u"total"_s).toInt(), 8);
        QCOMPARE(ev.value(u"o"_s).toInt(), 2);
        QCOMPARE(ev.value(u"i"_s).toInt(), 1);
        QCOMPARE(ev.value(u"r"_s).toInt(), 1);
        QCOMPARE(ev.value(u"m"_s).toInt(), 2);
        QCOMPARE(ev.value(u"x"_s).toInt(), 1);
        QVERIFY(o.value(u"lastClearOffset"_s).isNull());
        QVERIFY(o.value(u"checkpoints"_s).isArray());
        QVERIFY(o.value(u"warnings"_s).toArray().isEmpty());
    }

    void infoJsonCheckpoints()
    {
        const Run r = castdeck({u"info"_s, u"--json"_s, fixture("all-sequences-v2.cast")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        const QJsonArray cps = o.value(u"checkpoints"_s).toArray();
        QCOMPARE(cps.size(), 11);
        const QJsonObject c4 = cps.at(4).toObject();
        QCOMPARE(c4.value(u"time"_s).toDouble(), 1.25);
        QCOMPARE(c4.value(u"event"_s).toInt(), 4);
        QCOMPARE(c4.value(u"lineOffset"_s).toInt(), 244);
        QCOMPARE(c4.value(u"sequenceEnd"_s).toInt(), 280);
        QCOMPARE(c4.value(u"sequence"_s).toString(), u"\x1b[H\x1b[2J"_s);
        // The clear command gives two checkpoints; lastClearOffset is the last one's end.
        QCOMPARE(cps.at(9).toObject().value(u"sequence"_s).toString(), u"\x1b[H\x1b[2J"_s);
        QCOMPARE(cps.at(10).toObject().value(u"sequence"_s).toString(), u"\x1b[3J"_s);
        QCOMPARE(o.value(u"lastClearOffset"_s).toInt(), 497);
    }

    void infoWarnsAboutDamage()
    {
        const Run r = castdeck({u"info"_s, u"--json"_s, fixture("truncated-v2.cast")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray w = QJsonDocument::fromJson(r.out).object().value(u"warnings"_s).toArray();
        QCOMPARE(w.size(), 1);
        QCOMPARE(w.at(0).toString(), u"line 4 (byte 78): truncated last line ignored"_s);
    }

    void infoErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("garbage") << QStringList{u"info"_s, fixture("binary-garbage.cast")} << 1 << QByteArray("line 1 (byte 0): expected a JSON object header");
        QTest::newRow("empty") << QStringList{u"info"_s, fixture("empty.cast")} << 1 << QByteArray("empty file");
        QTest::newRow("missing") << QStringList{u"info"_s, fixture("nope.cast")} << 1 << QByteArray("cannot open");
        QTest::newRow("strict-truncated") << QStringList{u"info"_s, u"--strict"_s, fixture("truncated-v2.cast")} << 1 << QByteArray("line 4 (byte 78): truncated last line");
        QTest::newRow("strict-malformed") << QStringList{u"info"_s, u"--strict"_s, fixture("malformed-middle-v2.cast")} << 1 << QByteArray("line 3 (byte 60): malformed event");
        QTest::newRow("no-file") << QStringList{u"info"_s} << 2 << QByteArray("expected exactly one FILE");
    }
    void infoErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, message);
        const Run r = castdeck(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), r.err.constData());
        QCOMPARE(r.err.count('\n'), 1); // one line
    }

    void infoText()
    {
        const Run r = castdeck({u"info"_s, fixture("split-sequences-v2.cast")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("Checkpoints: 3"));
        QVERIFY(r.out.contains("ESC[H ESC[2J"));
        QVERIFY(r.out.contains("Last clear:  byte 191"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
