#include "format/Utf8Decoder.h"

#include <QTest>

static const QByteArray R = QByteArray("\xEF\xBF\xBD"); // U+FFFD

class TestUtf8Decoder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void decode_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("ascii") << QByteArray("plain \x1b[31mred") << QByteArray("plain \x1b[31mred");
        QTest::newRow("cjk") << QByteArray("漢字") << QByteArray("漢字");
        QTest::newRow("emoji") << QByteArray("😀!") << QByteArray("😀!");
        QTest::newRow("lone-continuation") << QByteArray("a\x80" "b") << QByteArray("a" + R + "b");
        QTest::newRow("overlong-c0") << QByteArray("\xC0\xAF") << QByteArray(R + R);
        QTest::newRow("surrogate-ed-a0") << QByteArray("\xED\xA0\x80") << QByteArray(R + R + R);
        QTest::newRow("truncated-3-then-ascii") << QByteArray("\xE6\xBC" "x") << QByteArray(R + "x");
        QTest::newRow("f5-invalid-lead") << QByteArray("\xF5\x80") << QByteArray(R + R);
        QTest::newRow("above-10ffff") << QByteArray("\xF4\x90\x80\x80") << QByteArray(R + R + R + R);
        QTest::newRow("incomplete-at-end") << QByteArray("ok\xF0\x9F\x98") << QByteArray("ok" + R);
    }
    void decode()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        // Whole, and split at every position: the output must not depend on chunking.
        for (qsizetype split = 0; split <= input.size(); ++split) {
            Utf8Decoder d;
            QByteArray out;
            d.decode(QByteArrayView(input).first(split), out);
            d.decode(QByteArrayView(input).sliced(split), out);
            d.flush(out);
            QCOMPARE(out, expected);
        }
        // And byte by byte.
        Utf8Decoder d;
        QByteArray out;
        for (char c : std::as_const(input))
            d.decode(QByteArrayView(&c, 1), out);
        d.flush(out);
        QCOMPARE(out, expected);
    }

    void holdsIncompleteSequence()
    {
        Utf8Decoder d;
        QByteArray out;
        d.decode("a\xE6", out);
        QCOMPARE(out, QByteArray("a"));
        QCOMPARE(d.pendingBytes(), 1);
        d.decode("\xBC\xA2", out);
        QCOMPARE(out, QByteArray("a漢"));
        QCOMPARE(d.pendingBytes(), 0);
    }
};

QTEST_GUILESS_MAIN(TestUtf8Decoder)
#include "tst_utf8decoder.moc"
