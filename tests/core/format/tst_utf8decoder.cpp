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
        // Longer than a 16-byte block (the ASCII fast path).
        const QByteArray b("0123456789abcdef0123");
        QTest::newRow("long-ascii-cjk") << QByteArray(b + "漢字" + b) << QByteArray(b + "漢字" + b);
        QTest::newRow("long-invalid-after-block") << QByteArray(b + "\x80" + b) << QByteArray(b + R + b);
        QTest::newRow("long-incomplete-at-end") << QByteArray(b + b + "\xF0\x9F") << QByteArray(b + b + R);
        QTest::newRow("long-invalid-then-valid") << QByteArray(b + "\xC0\xAF" + b + "é") << QByteArray(b + R + R + b + "é");
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
        // decodeView() gives the same text, with or without a copy.
        for (qsizetype split = 0; split <= input.size(); ++split) {
            Utf8Decoder d;
            QByteArray out, scratch;
            out += d.decodeView(QByteArrayView(input).first(split), scratch);
            out += d.decodeView(QByteArrayView(input).sliced(split), scratch);
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

    void decodeViewAvoidsCopy()
    {
        // Valid input comes back as a view of itself; an incomplete end is held, not copied.
        Utf8Decoder d;
        QByteArray scratch;
        const QByteArray valid("plain \x1b[31m漢字 and more than sixteen bytes");
        QCOMPARE(d.decodeView(valid, scratch).data(), valid.constData());
        const QByteArray cut("text\xE6\xBC");
        const QByteArrayView v = d.decodeView(cut, scratch);
        QCOMPARE(v.data(), cut.constData());
        QCOMPARE(v, QByteArrayView("text"));
        QCOMPARE(d.pendingBytes(), 2);
        QCOMPARE(d.decodeView("\xA2!", scratch), QByteArrayView("漢!")); // completed: a copy
    }
};

QTEST_GUILESS_MAIN(TestUtf8Decoder)
#include "tst_utf8decoder.moc"
