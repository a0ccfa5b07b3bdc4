#include "TestData.h"
#include "format/CastReader.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using TestData::fileBytes;
using TestData::fixture;

namespace {
QList<CastEvent> readAll(CastReader &r)
{
    QList<CastEvent> events;
    CastEvent ev;
    while (r.readNext(ev))
        events.append(ev);
    return events;
}

} // namespace

class TestCastReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fixtures_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("version");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::addColumn<QByteArray>("codes");  // one char per event
        QTest::addColumn<qint64>("lastTimeUs");
        QTest::addColumn<int>("warnings");
        QTest::newRow("minimal-v1") << fixture("minimal-v1.cast") << 1 << 60 << 20 << QByteArray("ooo") << qint64(1500000) << 0;
        QTest::newRow("minimal-v2") << fixture("minimal-v2.cast") << 2 << 80 << 24 << QByteArray("oo") << qint64(1250000) << 0;
        QTest::newRow("minimal-v3-intervals-exponents") << fixture("minimal-v3.cast") << 3 << 100 << 30 << QByteArray("oox") << qint64(1750000) << 0;
        QTest::newRow("all-codes") << fixture("all-codes-v2.cast") << 2 << 100 << 30 << QByteArray("oiormzmx") << qint64(800000) << 0;
        QTest::newRow("comments-blank-lines") << fixture("comments-v3.cast") << 3 << 80 << 24 << QByteArray("oo") << qint64(300000) << 0;
        QTest::newRow("crlf") << fixture("crlf-v2.cast") << 2 << 80 << 24 << QByteArray("oo") << qint64(200000) << 0;
        QTest::newRow("truncated-last-line") << fixture("truncated-v2.cast") << 2 << 80 << 24 << QByteArray("oo") << qint64(200000) << 1;
        QTest::newRow("malformed-middle-line") << fixture("malformed-middle-v2.cast") << 2 << 80 << 24 << QByteArray("oo") << qint64(300000) << 1;
        QTest::newRow("header-only") << fixture("header-only-v2.cast") << 2 << 80 << 24 << QByteArray() << qint64(0) << 0;
        QTest::newRow("zero-size-falls-back") << fixture("zero-size-v2.cast") << 2 << 80 << 24 << QByteArray("o") << qint64(100000) << 2;
        QTest::newRow("negative-interval-skipped") << fixture("negative-interval-v3.cast") << 3 << 80 << 24 << QByteArray("oo") << qint64(200000) << 1;
    }
    void fixtures()
    {
        QFETCH(QString, file);
        QFETCH(int, version);
        QFETCH(int, width);
        QFETCH(int, height);
        QFETCH(QByteArray, codes);
        QFETCH(qint64, lastTimeUs);
        QFETCH(int, warnings);
        CastReader r;
        QVERIFY2(r.open(file), qPrintable(r.errorString()));
        QCOMPARE(r.format(), version);
        QCOMPARE(r.header().width, width);
        QCOMPARE(r.header().height, height);
        const QList<CastEvent> events = readAll(r);
        QVERIFY(!r.hasError());
        QVERIFY(r.atEnd());
        QByteArray got;
        for (const CastEvent &e : events)
            got += e.code;
        QCOMPARE(got, codes);
        if (!events.isEmpty())
            QCOMPARE(events.constLast().timeUs, lastTimeUs);
        QCOMPARE(r.warnings().size(), warnings);
        for (qsizetype i = 0; i < events.size(); ++i)
            QCOMPARE(events[i].index, i);
    }

    // Every event's line offset and length point at exactly its line in the file.
    void offsetsMatchFileBytes_data()
    {
        QTest::addColumn<QString>("file");
        for (const char *f : {"minimal-v2.cast", "minimal-v3.cast", "all-codes-v2.cast", "comments-v3.cast", "crlf-v2.cast",
                              "malformed-middle-v2.cast", "all-sequences-v2.cast", "foreign-escapes-v2.cast"})
            QTest::newRow(f) << fixture(f);
    }
    void offsetsMatchFileBytes()
    {
        QFETCH(QString, file);
        const QByteArray bytes = fileBytes(file);
        CastReader r;
        QVERIFY(r.open(file));
        for (const CastEvent &e : readAll(r)) {
            const QByteArray line = bytes.mid(e.lineOffset, e.lineLength);
            QVERIFY(line.endsWith('\n'));
            QVERIFY(e.lineOffset == 0 || bytes.at(e.lineOffset - 1) == '\n');
            QVERIFY(line.trimmed().startsWith('['));
            // dataOffset is just after the data string's opening quote.
            QCOMPARE(bytes.at(e.dataOffset - 1), '"');
            QVERIFY(e.dataOffset > e.lineOffset && e.dataOffset < e.lineOffset + e.lineLength);
        }
    }

    void decodesData()
    {
        CastReader r;
        QVERIFY(r.open(fixture("all-sequences-v2.cast")));
        QVERIFY(r.header().hasEnv);
        QVERIFY(r.header().env.value(u"SHELL"_s).isNull());
        const QList<CastEvent> events = readAll(r);
        QCOMPARE(events.size(), 10);
        QCOMPARE(events[0].data, QByteArray("\"quoted\"\x1b[3J😀"));
        QCOMPARE(events[2].data, QByteArray("漢字\x1b[2Jé"));
        QCOMPARE(events[3].data, QByteArray("😀\x1b[H\x1b[J\x07"));
    }

    void headerFields()
    {
        CastReader r;
        QVERIFY(r.open(fixture("all-codes-v2.cast")));
        const CastHeader &h = r.header();
        QCOMPARE(h.timestamp.value_or(0), qint64(1700000000));
        QCOMPARE(h.idleTimeLimit.value_or(0), 2.0);
        QCOMPARE(h.command, u"bash"_s);
        QCOMPARE(h.title, u"all codes"_s);
        QVERIFY(h.theme.isValid());
        QCOMPARE(h.theme.palette.size(), 16);
        QCOMPARE(h.theme.fg, u"#d0d0d0"_s);
        QVERIFY(h.extra.contains(u"x-custom"_s));
        QVERIFY(h.env.contains(u"SHELL"_s));
        QVERIFY(h.env.value(u"SHELL"_s).isNull());

        CastReader r3;
        QVERIFY(r3.open(fixture("comments-v3.cast")));
        QCOMPARE(r3.header().tags, QStringList({u"demo"_s, u"test"_s}));
        QVERIFY(r3.header().extra.contains(u"x-extra"_s));
    }

    void v3SumsIntervalsExactly()
    {
        // 0.1 s written 1000 times must sum to exactly 100 s (floating point would drift).
        QTemporaryDir dir;
        const QString path = dir.filePath(u"many.cast"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"version\": 3, \"term\": {\"cols\": 80, \"rows\": 24}}\n");
        for (int i = 0; i < 1000; ++i)
            f.write(i % 2 ? "[0.1, \"o\", \"x\"]\n" : "[1e-1, \"o\", \"x\"]\n");
        f.close();
        CastReader r;
        QVERIFY(r.open(path));
        const QList<CastEvent> events = readAll(r);
        QCOMPARE(events.size(), 1000);
        QCOMPARE(events.constLast().timeUs, qint64(100000000));
    }

    void strictModeFails_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<qint64>("line");
        QTest::addColumn<qint64>("offset");
        QTest::addColumn<QString>("expected");
        QTest::newRow("malformed") << fixture("malformed-middle-v2.cast") << qint64(3) << qint64(60) << u"',' after the event code"_s;
        QTest::newRow("truncated") << fixture("truncated-v2.cast") << qint64(4) << qint64(78) << u"truncated last line"_s;
        QTest::newRow("negative") << fixture("negative-interval-v3.cast") << qint64(3) << qint64(65) << u"non-negative interval"_s;
    }
    void strictModeFails()
    {
        QFETCH(QString, file);
        QFETCH(qint64, line);
        QFETCH(qint64, offset);
        QFETCH(QString, expected);
        CastReader r;
        r.setMode(CastReader::Mode::Strict);
        QVERIFY(r.open(file));
        readAll(r);
        QVERIFY(r.hasError());
        QCOMPARE(r.error().line, line);
        QCOMPARE(r.error().offset, offset);
        QVERIFY2(r.error().message.contains(expected), qPrintable(r.error().message));
        QVERIFY(r.errorString().startsWith(file));
    }

    void lenientWarningsNameLineAndByte()
    {
        CastReader r;
        QVERIFY(r.open(fixture("truncated-v2.cast")));
        readAll(r);
        QCOMPARE(r.warnings().size(), 1);
        QCOMPARE(r.warnings().constFirst().toString(), u"line 4 (byte 78): truncated last line ignored"_s);
    }

    void openErrors_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << fixture("empty.cast") << u"empty file"_s;
        QTest::newRow("binary-garbage") << fixture("binary-garbage.cast") << u"line 1 (byte 0): expected"_s;
        QTest::newRow("missing") << fixture("does-not-exist.cast") << u"cannot open"_s;
        QTest::newRow("folder") << QStringLiteral(CASTDECK_TEST_DATA) << u"folder"_s;
    }
    void openErrors()
    {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        CastReader r;
        QVERIFY(!r.open(file));
        QVERIFY(r.hasError());
        QVERIFY2(r.errorString().contains(expected), qPrintable(r.errorString()));
    }

    void seekResumesAtAnyLine()
    {
        for (const char *name : {"all-codes-v2.cast", "minimal-v3.cast", "comments-v3.cast"}) {
            CastReader r;
            QVERIFY(r.open(fixture(name)));
            QList<CastReader::Position> positions;
            QList<CastEvent> events;
            CastEvent ev;
            positions.append(r.position());
            while (r.readNext(ev)) {
                events.append(ev);
                positions.append(r.position());
            }
            for (qsizetype k = 0; k < events.size(); ++k) {
                CastReader s;
                QVERIFY(s.open(fixture(name)));
                QVERIFY(s.seek(positions[k]));
                const QList<CastEvent> rest = readAll(s);
                QCOMPARE(rest, events.mid(k));
            }
        }
    }

    void longLine()
    {
        // A 10 MB output line (more than the reader's block size) reads whole.
        QTemporaryDir dir;
        const QString path = dir.filePath(u"long.cast"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        const QByteArray payload(10 * 1024 * 1024, 'x');
        f.write("{\"version\": 2, \"width\": 80, \"height\": 24}\n[0.1, \"o\", \"a\"]\n[0.2, \"o\", \"");
        f.write(payload);
        f.write("\\u001b[2J\"]\n[0.3, \"o\", \"z\"]\n");
        f.close();
        CastReader r;
        QVERIFY(r.open(path));
        const QList<CastEvent> events = readAll(r);
        QCOMPARE(events.size(), 3);
        QCOMPARE(events[1].data.size(), payload.size() + 4);
        QVERIFY(events[1].data.endsWith("\x1b[2J"));
        QCOMPARE(events[2].data, QByteArray("z"));
        QCOMPARE(events[2].lineOffset, events[1].lineOffset + events[1].lineLength);
    }

    void followModeWaitsForUnfinishedLine()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"live.cast"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
        f.write("{\"version\": 2, \"width\": 80, \"height\": 24}\n[0.1, \"o\", \"a\"]\n[0.2, \"o\", \"b");
        CastReader r;
        r.setFollow(true);
        QVERIFY(r.open(path));
        CastEvent ev;
        QVERIFY(r.readNext(ev));
        QCOMPARE(ev.data, QByteArray("a"));
        QVERIFY(!r.readNext(ev));
        QVERIFY(r.warnings().isEmpty());
        QVERIFY(!r.atEnd());
        f.write("c\"]\n");
        QVERIFY(r.readNext(ev));
        QCOMPARE(ev.data, QByteArray("bc"));
        QCOMPARE(ev.index, qint64(1));
    }

    void parseEventLine_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<qint64>("timeUs");
        QTest::newRow("plain") << QByteArray("[1.5, \"o\", \"x\"]") << true << qint64(1500000);
        QTest::newRow("no-spaces") << QByteArray("[1.5,\"o\",\"x\"]") << true << qint64(1500000);
        QTest::newRow("wide-spaces") << QByteArray(" [ 1.5 ,\t\"o\" ,  \"x\" ] ") << true << qint64(1500000);
        QTest::newRow("integer") << QByteArray("[2, \"o\", \"x\"]") << true << qint64(2000000);
        QTest::newRow("exponent") << QByteArray("[1.5e3, \"o\", \"x\"]") << true << qint64(1500000000);
        QTest::newRow("neg-exponent") << QByteArray("[15E-1, \"o\", \"x\"]") << true << qint64(1500000);
        QTest::newRow("rounds-half-up") << QByteArray("[0.0000005, \"o\", \"x\"]") << true << qint64(1);
        QTest::newRow("many-decimals") << QByteArray("[0.123456789, \"o\", \"x\"]") << true << qint64(123457);
        QTest::newRow("missing-data") << QByteArray("[1.5, \"o\"]") << false << qint64(0);
        QTest::newRow("trailing-garbage") << QByteArray("[1.5, \"o\", \"x\"] x") << false << qint64(0);
        QTest::newRow("number-data") << QByteArray("[1.5, \"o\", 3]") << false << qint64(0);
        QTest::newRow("empty-code") << QByteArray("[1.5, \"\", \"x\"]") << false << qint64(0);
        QTest::newRow("bad-number") << QByteArray("[1.5.2, \"o\", \"x\"]") << false << qint64(0);
        QTest::newRow("object") << QByteArray("{\"a\": 1}") << false << qint64(0);
    }
    void parseEventLine()
    {
        QFETCH(QByteArray, line);
        QFETCH(bool, ok);
        QFETCH(qint64, timeUs);
        CastEvent ev;
        QString expected;
        QCOMPARE(CastReader::parseEventLine(line, 2, 0, ev, expected), ok);
        if (ok)
            QCOMPARE(ev.timeUs, timeUs);
        else
            QVERIFY(expected.contains(u"column"_s));
    }
};

QTEST_GUILESS_MAIN(TestCastReader)
#include "tst_castreader.moc"
