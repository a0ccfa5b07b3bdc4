#include "format/JsonText.h"

#include <QTest>

class TestJsonText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void escape_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("escaped");
        QTest::newRow("plain") << QByteArray("hello") << QByteArray("hello");
        QTest::newRow("esc") << QByteArray("\x1b[2J") << QByteArray("\\u001b[2J");
        QTest::newRow("quote-backslash") << QByteArray("a\"b\\c") << QByteArray("a\\\"b\\\\c");
        QTest::newRow("newline-cr-tab") << QByteArray("\r\n\t") << QByteArray("\\r\\n\\t");
        QTest::newRow("backspace-formfeed") << QByteArray("\b\f") << QByteArray("\\u0008\\u000c");
        QTest::newRow("nul-and-0x1f") << QByteArray("\x00\x1f", 2) << QByteArray("\\u0000\\u001f");
        QTest::newRow("del-raw") << QByteArray("\x7f") << QByteArray("\x7f");
        QTest::newRow("cjk-raw") << QByteArray("漢字") << QByteArray("漢字");
        QTest::newRow("emoji-raw") << QByteArray("😀") << QByteArray("😀");
    }
    void escape()
    {
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, escaped);
        QByteArray out;
        JsonText::appendEscaped(out, text);
        QCOMPARE(out, escaped);
        QCOMPARE(JsonText::escapedLength(text), escaped.size());
        // And back.
        const QByteArray quoted = QByteArray('"' + escaped + '"');
        QByteArray decoded;
        const JsonText::Unescaped u = JsonText::unescape(quoted, 0, decoded);
        QVERIFY(u.ok);
        QCOMPARE(u.end, quoted.size());
        QCOMPARE(decoded, text);
    }

    void unescape_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("uppercase-hex") << QByteArray("\"\\u001B[3J\"") << QByteArray("\x1b[3J");
        QTest::newRow("escaped-bracket") << QByteArray("\"\\u001b\\u005b\\u004a\"") << QByteArray("\x1b[J");
        QTest::newRow("solidus") << QByteArray("\"a\\/b\"") << QByteArray("a/b");
        QTest::newRow("surrogate-pair") << QByteArray("\"\\ud83d\\ude00\"") << QByteArray("😀");
        QTest::newRow("lone-high-surrogate") << QByteArray("\"\\ud83dx\"") << QByteArray("\xEF\xBF\xBDx");
        QTest::newRow("lone-low-surrogate") << QByteArray("\"\\ude00\"") << QByteArray("\xEF\xBF\xBD");
        QTest::newRow("latin1-escape") << QByteArray("\"\\u00e9\"") << QByteArray("é");
    }
    void unescape()
    {
        QFETCH(QByteArray, json);
        QFETCH(QByteArray, text);
        QByteArray out;
        const JsonText::Unescaped u = JsonText::unescape(json, 0, out);
        QVERIFY(u.ok);
        QCOMPARE(out, text);
    }

    void unescapeErrors_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("unterminated") << QByteArray("\"abc");
        QTest::newRow("bad-escape") << QByteArray("\"\\x41\"");
        QTest::newRow("short-unicode") << QByteArray("\"\\u12\"");
        QTest::newRow("no-quote") << QByteArray("abc");
    }
    void unescapeErrors()
    {
        QFETCH(QByteArray, json);
        QByteArray out;
        const JsonText::Unescaped u = JsonText::unescape(json, 0, out);
        QVERIFY(!u.ok);
        QVERIFY(!u.error.isEmpty());
    }

    // Decoded positions map back to the escaped bytes: the raw prefix up to each mapped end
    // decodes to exactly the decoded prefix.
    void rawEnds_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::newRow("escapes") << QByteArray("a\\u001b[2J\\\"q\\\\漢\\ud83d\\ude00z\\n");
        QTest::newRow("plain") << QByteArray("abcdef");
    }
    void rawEnds()
    {
        QFETCH(QByteArray, raw);
        QByteArray decoded;
        QVERIFY(JsonText::unescape(QByteArray('"' + raw + '"'), 0, decoded).ok);
        QList<qsizetype> ends;
        for (qsizetype i = 1; i <= decoded.size(); ++i)
            ends.append(i);
        const QList<qsizetype> mapped = JsonText::rawEnds(raw, ends);
        QCOMPARE(mapped.size(), ends.size());
        for (qsizetype k = 0; k < ends.size(); ++k) {
            QByteArray prefix;
            QVERIFY(JsonText::unescape(QByteArray('"' + raw.left(mapped[k]) + '"'), 0, prefix).ok);
            // The mapped end is just after the character holding decoded byte ends[k]-1.
            QVERIFY2(prefix.size() >= ends[k], qPrintable(QString::number(k)));
            QVERIFY(prefix.size() - ends[k] < 4);
        }
    }
};

QTEST_GUILESS_MAIN(TestJsonText)
#include "tst_jsontext.moc"
