#include "format/JsonText.h"

#include <QRandomGenerator>
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
        // Longer than a 16-byte block: escapes at block starts, ends, several in one block,
        // a block of nothing but escapes, a tail shorter than a block.
        QTest::newRow("block-plain-then-esc") << QByteArray("0123456789abcdef\x1b[0m")
                                              << QByteArray("0123456789abcdef\\u001b[0m");
        QTest::newRow("esc-at-15-and-16") << QByteArray("0123456789abcde\x1b\x1b" "0123456789abcdef")
                                          << QByteArray("0123456789abcde\\u001b\\u001b0123456789abcdef");
        QTest::newRow("many-in-one-block") << QByteArray("a\"b\\c\nd\re\tf\x01g\x1bh\"i\"j")
                                           << QByteArray("a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u001bh\\\"i\\\"j");
        QTest::newRow("all-escapes") << QByteArray(20, '\x1b') << QByteArray("\\u001b").repeated(20);
        QTest::newRow("utf8-across-blocks") << QByteArray("0123456789abcd漢字\x1b[31m😀x")
                                            << QByteArray("0123456789abcd漢字\\u001b[31m😀x");
    }

    // Random text, weighted towards the bytes that need escaping, against a byte-at-a-time
    // reference.
    void escapeRandom()
    {
        QRandomGenerator rng(20261121);
        const char special[] = {'"', '\\', '\n', '\r', '\t', '\x1b', '\x00', '\x1f', '\x7f', '\xc3', '\xa9'};
        for (int round = 0; round < 2000; ++round) {
            QByteArray text;
            const int n = rng.bounded(0, 80);
            for (int i = 0; i < n; ++i)
                text += rng.bounded(4) == 0 ? special[rng.bounded(int(sizeof special))] : char(rng.bounded(0x20, 0x7f));
            QByteArray expected;
            for (char ch : std::as_const(text)) {
                const auto c = static_cast<unsigned char>(ch);
                if (c == '"' || c == '\\')
                    expected += QByteArray("\\") + char(c);
                else if (c == '\n')
                    expected += "\\n";
                else if (c == '\r')
                    expected += "\\r";
                else if (c == '\t')
                    expected += "\\t";
                else if (c < 0x20)
                    expected += "\\u00" + QByteArray::number(c, 16).rightJustified(2, '0');
                else
                    expected += char(c);
            }
            QByteArray out("prefix");
            JsonText::appendEscaped(out, text);
            QCOMPARE(out, "prefix" + expected);
            QCOMPARE(JsonText::escapedLength(text), expected.size());
        }
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
