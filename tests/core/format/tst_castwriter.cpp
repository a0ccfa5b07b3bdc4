#include "TestData.h"
#include "format/CastReader.h"
#include "format/CastWriter.h"
#include "format/Utf8Decoder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using TestData::fileBytes;
using TestData::fixture;

namespace {
bool readFile(const QString &path, CastHeader &header, QList<CastEvent> &events)
{
    CastReader r;
    if (!r.open(path))
        return false;
    header = r.header();
    CastEvent ev;
    while (r.readNext(ev))
        events.append(ev);
    return !r.hasError() && r.warnings().isEmpty();
}

// Rewrites `events` in `version` into `path`.
void writeFile(const QString &path, int version, const CastHeader &header, const QList<CastEvent> &events)
{
    CastWriter w(version);
    QByteArray out;
    w.appendHeader(out, header);
    for (const CastEvent &e : events)
        w.appendEvent(out, e.timeUs, e.code, e.data);
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(out);
}
} // namespace

class TestCastWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("version");
        for (const char *f : {"minimal-v1.cast", "minimal-v2.cast", "minimal-v3.cast", "all-codes-v2.cast",
                              "comments-v3.cast", "all-sequences-v2.cast", "foreign-escapes-v2.cast"}) {
            QTest::newRow(qPrintable(QLatin1StringView(f) + u"->v2"_s)) << fixture(f) << 2;
            QTest::newRow(qPrintable(QLatin1StringView(f) + u"->v3"_s)) << fixture(f) << 3;
        }
    }
    // read -> write -> read gives identical events (times, codes incl. unknown, data) and
    // keeps unknown header keys.
    void roundTrip()
    {
        QFETCH(QString, file);
        QFETCH(int, version);
        CastHeader h1;
        QList<CastEvent> e1;
        QVERIFY(readFile(file, h1, e1));
        QTemporaryDir dir;
        const QString out = dir.filePath(u"out.cast"_s);
        writeFile(out, version, h1, e1);
        CastHeader h2;
        QList<CastEvent> e2;
        QVERIFY(readFile(out, h2, e2));
        QCOMPARE(h2.version, version);
        QCOMPARE(h2.width, h1.width);
        QCOMPARE(h2.height, h1.height);
        QCOMPARE(h2.extra, h1.extra);
        QCOMPARE(h2.env, h1.env);
        QCOMPARE(h2.theme, h1.theme);
        QCOMPARE(h2.title, h1.title);
        QCOMPARE(h2.tags, version == 3 ? h1.tags : QStringList());
        QCOMPARE(e2.size(), e1.size());
        for (qsizetype i = 0; i < e1.size(); ++i) {
            QCOMPARE(e2[i].timeUs, e1[i].timeUs);
            QCOMPARE(e2[i].code, e1[i].code);
            QCOMPARE(e2[i].data, e1[i].data);
        }
        // The header starts with {"version" (the MIME magic depends on it).
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.read(10) == "{\"version\"");
    }

    // Every line is valid JSON that an independent parser decodes to the same values, and
    // the writer's reported data start is right.
    void linesAreValidJson()
    {
        CastWriter w(2);
        QByteArray out;
        const QByteArray data("\x1b[1;31m\"q\"\\ 漢😀\r\n\t\x01\x7f");
        const CastWriter::Encoded e = w.appendEvent(out, 1234567, "o", data);
        QCOMPARE(e.lineStart, 0);
        QCOMPARE(e.lineEnd, out.size());
        QVERIFY(out.endsWith("\"]\n"));
        QCOMPARE(out.at(e.dataStart - 1), '"');
        const QJsonArray a = QJsonDocument::fromJson(out).array();
        QCOMPARE(a.size(), 3);
        QCOMPARE(a.at(0).toDouble(), 1.234567);
        QCOMPARE(a.at(1).toString(), u"o"_s);
        QCOMPARE(a.at(2).toString().toUtf8(), data);
        QCOMPARE(out.mid(0, e.dataStart), QByteArray("[1.234567, \"o\", \""));
    }

    // v3 intervals are differences of quantised absolute times: no drift however many
    // events, and each interval is the rounded difference.
    void v3QuantisationDoesNotDrift()
    {
        CastWriter w(3);
        QByteArray out;
        CastHeader h;
        w.appendHeader(out, h);
        // Event times at exact thirds of a second, in microseconds rounded each time.
        qint64 last = 0;
        for (int i = 1; i <= 3000; ++i) {
            last = (qint64(i) * 1000000 + 1) / 3;
            w.appendEvent(out, last, "o", "x");
        }
        QTemporaryDir dir;
        const QString path = dir.filePath(u"q.cast"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(out);
        f.close();
        CastHeader rh;
        QList<CastEvent> events;
        QVERIFY(readFile(path, rh, events));
        QCOMPARE(events.size(), 3000);
        QCOMPARE(events.constLast().timeUs, last);
        for (const CastEvent &e : events)
            QVERIFY(e.intervalUs == 333333 || e.intervalUs == 333334);
    }

    void timesNeverGoBackwards()
    {
        CastWriter w(3);
        QByteArray out;
        w.appendEvent(out, 2000000, "o", "a");
        w.appendEvent(out, 1000000, "o", "b");
        QVERIFY(out.contains("[0.000000, \"o\", \"b\"]"));
        QCOMPARE(w.lastTimeUs(), qint64(2000000));
    }

    void secondsFormatting_data()
    {
        QTest::addColumn<qint64>("us");
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("zero") << qint64(0) << QByteArray("0.000000");
        QTest::newRow("micro") << qint64(1) << QByteArray("0.000001");
        QTest::newRow("seconds") << qint64(12345678) << QByteArray("12.345678");
        QTest::newRow("hours") << qint64(36000000000) << QByteArray("36000.000000");
    }
    void secondsFormatting()
    {
        QFETCH(qint64, us);
        QFETCH(QByteArray, text);
        QByteArray out;
        CastWriter::appendSeconds(out, us);
        QCOMPARE(out, text);
    }

    // Raw output with UTF-8 split across chunks and invalid bytes: after Utf8Decoder the
    // written line is valid JSON and decodes to the repaired text.
    void rawOutputThroughDecoder()
    {
        Utf8Decoder d;
        CastWriter w(2);
        QByteArray out;
        QByteArray text;
        d.decode("a\xE6\xBC", text);
        w.appendEvent(out, 1, "o", text);
        text.clear();
        d.decode("\xA2\xFF" "b", text);
        w.appendEvent(out, 2, "o", text);
        const QList<QByteArray> lines = out.split('\n');
        QCOMPARE(QJsonDocument::fromJson(lines[0]).array().at(2).toString(), u"a"_s);
        QCOMPARE(QJsonDocument::fromJson(lines[1]).array().at(2).toString(), u"漢\uFFFDb"_s);
    }
};

QTEST_GUILESS_MAIN(TestCastWriter)
#include "tst_castwriter.moc"
