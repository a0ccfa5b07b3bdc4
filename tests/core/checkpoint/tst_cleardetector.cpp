#include "checkpoint/ClearDetector.h"

#include <QRandomGenerator>
#include <QTest>

namespace {
using Match = ClearDetector::Match;
const QByteArray E("\x1b");

// Scans `stream` cut into `chunks` pieces at the given boundaries; returns matches with
// stream-absolute end positions.
QList<Match> scanSplit(const QByteArray &stream, const QList<qsizetype> &cuts)
{
    ClearDetector d;
    QList<Match> all;
    qsizetype start = 0;
    QList<qsizetype> bounds = cuts;
    bounds.append(stream.size());
    for (qsizetype end : bounds) {
        QList<Match> part;
        d.scan(QByteArrayView(stream).sliced(start, end - start), part);
        for (Match m : part) {
            // Records a failure without returning (this helper returns a value).
            QTest::qVerify(m.end > 0 && m.end <= end - start, "m.end inside chunk",
                           "a match must end inside the chunk that completes it", __FILE__, __LINE__);
            m.end += start;
            all.append(m);
        }
        start = end;
    }
    return all;
}
} // namespace

Q_DECLARE_METATYPE(QList<ClearDetector::Match>)

class TestClearDetector : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void table()
    {
        // The table lists the nine sequences of the brief, each once.
        const QList<ClearSequence> &seqs = ClearDetector::sequences();
        QCOMPARE(seqs.size(), 9);
        const QList<QByteArray> expected = {E + "[3J", E + "c", E + "[2J", E + "[H" + E + "[J", E + "[H" + E + "[2J",
                                            E + "[?1049h", E + "[?1049l", E + "[?47h", E + "[?47l"};
        for (const QByteArray &b : expected) {
            int found = 0;
            for (const ClearSequence &s : seqs)
                found += s.bytes == b;
            QCOMPARE(found, 1);
        }
        // Only RIS is safe without a preamble.
        for (const ClearSequence &s : seqs)
            QCOMPARE(s.resume == ClearSequence::Resume::Always, s.kind == ClearKind::Reset);
        // Longest first.
        for (qsizetype i = 1; i < seqs.size(); ++i)
            QVERIFY(seqs[i - 1].bytes.size() >= seqs[i].bytes.size());
    }

    void detect_data()
    {
        QTest::addColumn<QByteArray>("stream");
        QTest::addColumn<QList<Match>>("expected");
        QTest::newRow("clear-scrollback") << QByteArray("ab" + E + "[3Jcd") << QList<Match>{{ClearKind::ClearScrollback, 6}};
        QTest::newRow("reset") << QByteArray(E + "c") << QList<Match>{{ClearKind::Reset, 2}};
        QTest::newRow("clear-screen") << QByteArray("x" + E + "[2J") << QList<Match>{{ClearKind::ClearScreen, 5}};
        QTest::newRow("home-clear") << QByteArray(E + "[H" + E + "[J") << QList<Match>{{ClearKind::HomeClear, 6}};
        QTest::newRow("home-clear-screen-not-inner") << QByteArray(E + "[H" + E + "[2J") << QList<Match>{{ClearKind::HomeClearScreen, 7}};
        QTest::newRow("alt-1049") << QByteArray(E + "[?1049h..." + E + "[?1049l")
                                  << QList<Match>{{ClearKind::AltScreenEnter, 8}, {ClearKind::AltScreenLeave, 19}};
        QTest::newRow("alt-47") << QByteArray(E + "[?47h" + E + "[?47l")
                                << QList<Match>{{ClearKind::AltScreen47Enter, 6}, {ClearKind::AltScreen47Leave, 12}};
        QTest::newRow("clear-command") << QByteArray(E + "[H" + E + "[2J" + E + "[3J")
                                       << QList<Match>{{ClearKind::HomeClearScreen, 7}, {ClearKind::ClearScrollback, 11}};
        QTest::newRow("home-then-scrollback") << QByteArray(E + "[H" + E + "[3J") << QList<Match>{{ClearKind::ClearScrollback, 7}};
        QTest::newRow("double-esc") << QByteArray(E + E + "[2J") << QList<Match>{{ClearKind::ClearScreen, 5}};
        QTest::newRow("lookalikes") << QByteArray(E + "[2;3J" + E + "[0J" + E + "[J" + E + "[1J" + E + "[?1048h" + E + "[?471h" + E + "[22J" + E + "[32m" + E + "[?1049;1h")
                                    << QList<Match>{};
        QTest::newRow("colours-around") << QByteArray(E + "[38;5;196mred" + E + "[0m" + E + "[2J" + E + "[1;32mok")
                                        << QList<Match>{{ClearKind::ClearScreen, 22}};
        QTest::newRow("esc-at-end") << QByteArray("abc" + E) << QList<Match>{};
        QTest::newRow("utf8-around") << QByteArray("漢" + E + "c😀") << QList<Match>{{ClearKind::Reset, 5}};
    }
    // Whole and split at every position, into two and three chunks: the same matches.
    void detect()
    {
        QFETCH(QByteArray, stream);
        QFETCH(QList<Match>, expected);
        QCOMPARE(scanSplit(stream, {}), expected);
        for (qsizetype a = 0; a <= stream.size(); ++a) {
            QCOMPARE(scanSplit(stream, {a}), expected);
            for (qsizetype b = a; b <= stream.size(); ++b)
                QCOMPARE(scanSplit(stream, {a, b}), expected);
        }
        // One byte at a time.
        QList<qsizetype> everyByte;
        for (qsizetype i = 1; i < stream.size(); ++i)
            everyByte.append(i);
        QCOMPARE(scanSplit(stream, everyByte), expected);
    }

    // Random streams of sequence fragments: chunked scanning equals whole scanning, and whole
    // scanning equals a naive reference search.
    void randomStreams()
    {
        QRandomGenerator rng(12345);
        const QList<QByteArray> pieces = {E, "[", "?", "1049", "47", "h", "l", "2", "3", "J", "H", "c", ";", "x", "漢", E + "[H", E + "[2J"};
        for (int round = 0; round < 300; ++round) {
            QByteArray s;
            const int n = rng.bounded(1, 40);
            for (int i = 0; i < n; ++i)
                s += pieces[rng.bounded(int(pieces.size()))];
            // Reference: at each ESC, the longest table entry that matches; skip past it.
            QList<Match> ref;
            for (qsizetype i = 0; i < s.size();) {
                bool hit = false;
                if (s[i] == '\x1b') {
                    for (const ClearSequence &seq : ClearDetector::sequences()) {
                        if (QByteArrayView(s).sliced(i).startsWith(seq.bytes)) {
                            i += seq.bytes.size();
                            ref.append(Match{seq.kind, i});
                            hit = true;
                            break;
                        }
                    }
                }
                if (!hit)
                    ++i;
            }
            QCOMPARE(scanSplit(s, {}), ref);
            QList<qsizetype> cuts;
            for (qsizetype c = rng.bounded(1, 4); c < s.size(); c += rng.bounded(1, 6))
                cuts.append(c);
            QCOMPARE(scanSplit(s, cuts), ref);
        }
    }

    void stateSurvivesSaveAndRestore()
    {
        ClearDetector a;
        QList<Match> m;
        a.scan(QByteArray("abc" + E + "[?10"), m);
        QVERIFY(m.isEmpty());
        ClearDetector b;
        b.restoreState(a.state());
        b.scan("49h", m);
        QCOMPARE(m, (QList<Match>{{ClearKind::AltScreenEnter, 3}}));
    }

    void names()
    {
        for (const ClearSequence &s : ClearDetector::sequences()) {
            ClearKind k;
            QVERIFY(ClearDetector::kindFromName(s.name, k));
            QCOMPARE(k, s.kind);
        }
        ClearKind k;
        QVERIFY(!ClearDetector::kindFromName("nonsense", k));
    }
};

QTEST_GUILESS_MAIN(TestClearDetector)
#include "tst_cleardetector.moc"
