#include "terminal/Terminal.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
QByteArray u8(const char8_t *s)
{
    return QByteArray(reinterpret_cast<const char *>(s));
}

// Feeds `bytes` in pieces of random sizes (split anywhere, also inside sequences).
void feedSplit(Terminal &t, const QByteArray &bytes, QRandomGenerator &rng, int maxPiece = 7)
{
    qsizetype pos = 0;
    while (pos < bytes.size()) {
        const qsizetype n = qMin<qsizetype>(bytes.size() - pos, rng.bounded(1, maxPiece + 1));
        t.feed(QByteArrayView(bytes).sliced(pos, n));
        pos += n;
    }
}

// Random but plausible terminal output: text (ASCII, CJK, emoji, combining), SGR in all
// colour forms, cursor movement, erasing, scrolling, margins, modes, the alternate screen,
// DECSC/DECRC, REP, character sets, titles, controls.
QByteArray randomStream(QRandomGenerator &rng, int ops, int cols, int rows)
{
    static const char *const kText[] = {"hello", "world", "ls -la", "src/", "│", "─┼─", "é", "ß", "→ ok"};
    static const char8_t *const kWide[] = {u8"中", u8"文字", u8"😀", u8"テスト", u8"한"};
    QByteArray out;
    auto num = [&](int lo, int hi) { return QByteArray::number(rng.bounded(lo, hi + 1)); };
    for (int i = 0; i < ops; ++i) {
        switch (rng.bounded(30)) {
        case 0: case 1: case 2: case 3:
            out += kText[rng.bounded(int(std::size(kText)))];
            break;
        case 4:
            out += u8(kWide[rng.bounded(int(std::size(kWide)))]);
            break;
        case 5:
            out += u8(u8"e\u0301");
            if (rng.bounded(3) == 0)
                out += u8(u8"\u0308");
            break;
        case 6: { // SGR
            static const char *const kSgr[] = {"0", "1", "3", "4", "4:3", "21", "5", "7", "8", "9", "22", "24", "27", "39", "49", "73", "75", "12"};
            out += "\x1b[";
            out += kSgr[rng.bounded(int(std::size(kSgr)))];
            out += 'm';
            break;
        }
        case 7:
            out += "\x1b[" + num(30, 37) + ';' + num(40, 47) + 'm';
            break;
        case 8:
            out += "\x1b[38;5;" + num(0, 255) + ";48;5;" + num(0, 255) + 'm';
            break;
        case 9:
            out += "\x1b[38;2;" + num(0, 255) + ';' + num(0, 255) + ';' + num(0, 255) + 'm';
            break;
        case 10: // CUP anywhere, the last column included
            out += "\x1b[" + num(1, rows) + ';' + num(1, cols) + 'H';
            break;
        case 11: {
            static const char kMoves[] = "ABCDEFGd`aef";
            out += "\x1b[" + num(1, 5) + kMoves[rng.bounded(int(sizeof kMoves - 1))];
            break;
        }
        case 12: {
            static const char *const kErase[] = {"K", "1K", "2K", "J", "1J", "2J", "X", "3X", "P", "2@", "L", "M", "S", "T"};
            out += "\x1b[";
            out += kErase[rng.bounded(int(std::size(kErase)))];
            break;
        }
        case 13:
            out += "\r\n";
            break;
        case 14:
            out += rng.bounded(2) ? "\n" : "\r";
            break;
        case 15: { // a full or overfull line: wraps, deferred wrap at the margin
            const int n = rng.bounded(cols - 2, cols + 3);
            out += QByteArray(n, char('a' + rng.bounded(26)));
            break;
        }
        case 16: // scroll margins
            if (rng.bounded(3) == 0)
                out += "\x1b[r";
            else
                out += "\x1b[" + num(1, rows / 2) + ';' + num(rows / 2 + 1, rows) + 'r';
            break;
        case 17: { // DEC modes
            static const int kModes[] = {1, 7, 25, 12, 2004, 1000, 1002, 1006, 1004, 5, 6};
            out += "\x1b[?" + QByteArray::number(kModes[rng.bounded(int(std::size(kModes)))]) + (rng.bounded(2) ? 'h' : 'l');
            break;
        }
        case 18:
            out += rng.bounded(2) ? "\x1b[?1049h" : "\x1b[?1049l";
            break;
        case 19:
            out += rng.bounded(2) ? "\x1b" "7" : "\x1b" "8";
            break;
        case 20:
            out += "\x1b[" + num(1, 4) + 'b'; // REP
            break;
        case 21:
            out += rng.bounded(2) ? "\x1b(0" : "\x1b(B";
            break;
        case 22:
            out += "\x1b]2;title " + num(0, 99) + (rng.bounded(2) ? "\x07" : "\x1b\\");
            break;
        case 23:
            out += rng.bounded(2) ? "\t" : "\b";
            break;
        case 24:
            out += rng.bounded(2) ? "\x1bM" : "\x1b" "D"; // RI, IND
            break;
        case 25:
            out += "\x1b[" + num(1, 6) + " q"; // DECSCUSR
            break;
        case 26:
            out += rng.bounded(2) ? "\x1b[4h" : "\x1b[4l"; // IRM
            break;
        case 27:
            out += rng.bounded(2) ? "\x1b=" : "\x1b>";
            break;
        case 28:
            out += rng.bounded(2) ? "\x1b[?1047h" : "\x1b[?1047l";
            break;
        case 29:
            out += u8(u8"\u0301"); // a lone combining character
            break;
        }
    }
    return out;
}
} // namespace

class TestTerminal : public QObject
{
    Q_OBJECT

    // Feeds `input` to A, A's preamble to a fresh B, compares; then `continuation` to both.
    static void verifyPreamble(int cols, int rows, const QByteArray &input, const QByteArray &continuation,
                               quint32 splitSeed = 0)
    {
        Terminal a(cols, rows);
        if (splitSeed) {
            QRandomGenerator rng(splitSeed);
            feedSplit(a, input, rng);
        } else {
            a.feed(input);
        }
        const QByteArray preamble = a.statePreamble();
        Terminal b(cols, rows);
        b.feed(preamble);
        const TerminalSnapshot sa = a.snapshot();
        const TerminalSnapshot sb = b.snapshot();
        QVERIFY2(sa == sb, qPrintable(u"after preamble: %1\npreamble: %2"_s.arg(sa.describeDifference(sb),
                                                                               QString::fromLatin1(preamble.toPercentEncoding(" ;[]?:")))));
        // The preamble of the rebuilt terminal rebuilds it too.
        Terminal c(cols, rows);
        c.feed(b.statePreamble());
        QVERIFY2(c.snapshot() == sb, qPrintable(u"second generation: %1"_s.arg(sb.describeDifference(c.snapshot()))));

        a.feed(continuation);
        b.feed(continuation);
        const TerminalSnapshot ta = a.snapshot();
        const TerminalSnapshot tb = b.snapshot();
        QVERIFY2(ta == tb, qPrintable(u"after continuation: %1\npreamble: %2"_s.arg(ta.describeDifference(tb),
                                                                                   QString::fromLatin1(preamble.toPercentEncoding(" ;[]?:")))));
    }

private Q_SLOTS:
    void plainText()
    {
        Terminal t(20, 5);
        t.feed("hello\r\nworld");
        QCOMPARE(t.snapshot().textRows().mid(0, 2), (QStringList{u"hello"_s, u"world"_s}));
        QCOMPARE(t.cell(0, 1).text(), u"e"_s);
        QCOMPARE(t.cursor().row, 1);
        QCOMPARE(t.cursor().col, 5);
        QVERIFY(t.cell(3, 3).isBlank());
    }

    void colors_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<bool>("foreground");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("index");
        QTest::addColumn<quint32>("rgb");
        using K = ScreenCell::Color::Kind;
        QTest::newRow("default-fg") << QByteArray("X") << true << int(K::Default) << 0 << 0xf0f0f0u;
        QTest::newRow("default-bg") << QByteArray("X") << false << int(K::Default) << 0 << 0x000000u;
        QTest::newRow("ansi-red") << QByteArray("\x1b[31mX") << true << int(K::Indexed) << 1 << 0xe00000u;
        QTest::newRow("bright-red") << QByteArray("\x1b[91mX") << true << int(K::Indexed) << 9 << 0xff4040u;
        QTest::newRow("bg-green") << QByteArray("\x1b[42mX") << false << int(K::Indexed) << 2 << 0x00e000u;
        QTest::newRow("bg-bright-blue") << QByteArray("\x1b[104mX") << false << int(K::Indexed) << 12 << 0x4040ffu;
        QTest::newRow("256-cube") << QByteArray("\x1b[38;5;196mX") << true << int(K::Indexed) << 196 << 0xff0000u;
        QTest::newRow("256-cube-mid") << QByteArray("\x1b[38;5;67mX") << true << int(K::Indexed) << 67 << 0x336699u;
        QTest::newRow("256-grey") << QByteArray("\x1b[48;5;244mX") << false << int(K::Indexed) << 244 << 0x858585u;
        QTest::newRow("256-colon") << QByteArray("\x1b[38:5:21mX") << true << int(K::Indexed) << 21 << 0x0000ffu;
        QTest::newRow("truecolor") << QByteArray("\x1b[38;2;1;2;3mX") << true << int(K::Rgb) << 0 << 0x010203u;
        QTest::newRow("truecolor-bg") << QByteArray("\x1b[48;2;250;128;0mX") << false << int(K::Rgb) << 0 << 0xfa8000u;
        QTest::newRow("reset-39") << QByteArray("\x1b[31m\x1b[39mX") << true << int(K::Default) << 0 << 0xf0f0f0u;
        QTest::newRow("reset-0") << QByteArray("\x1b[44m\x1b[0mX") << false << int(K::Default) << 0 << 0x000000u;
    }
    void colors()
    {
        QFETCH(QByteArray, input);
        QFETCH(bool, foreground);
        QFETCH(int, kind);
        QFETCH(int, index);
        QFETCH(quint32, rgb);
        Terminal t(10, 3);
        t.feed(input);
        const ScreenCell c = t.cell(0, 0);
        const ScreenCell::Color color = foreground ? c.fg : c.bg;
        QCOMPARE(int(color.kind), kind);
        if (kind == int(ScreenCell::Color::Kind::Indexed))
            QCOMPARE(int(color.index), index);
        QCOMPARE(color.rgb, rgb);
        QCOMPARE(foreground ? c.defaultFg() : c.defaultBg(), kind == int(ScreenCell::Color::Kind::Default));
    }

    void palette()
    {
        Terminal t(10, 3);
        t.feed("\x1b[31mA\x1b[38;5;1mB\x1b[38;2;224;0;0mC");
        t.setPalette({0x101010, 0x123456});
        QCOMPARE(t.cell(0, 0).fg.rgb, 0x123456u); // SGR 31 follows the palette
        QCOMPARE(t.cell(0, 1).fg.rgb, 0x123456u); // so does 38;5;1
        QCOMPARE(t.cell(0, 2).fg.rgb, 0xe00000u); // truecolor does not
        t.setDefaultColors(0xaabbcc, 0x112233);
        t.feed("\x1b[0mD");
        QCOMPARE(t.cell(0, 3).fg.rgb, 0xaabbccu);
        QCOMPARE(t.cell(0, 3).bg.rgb, 0x112233u);
        QVERIFY(t.cell(0, 3).defaultFg());
    }

    void attributes_data()
    {
        QTest::addColumn<QByteArray>("sgr");
        QTest::addColumn<QString>("attribute");
        QTest::addColumn<int>("value");
        QTest::newRow("bold") << QByteArray("1") << u"bold"_s << 1;
        QTest::newRow("italic") << QByteArray("3") << u"italic"_s << 1;
        QTest::newRow("underline") << QByteArray("4") << u"underline"_s << int(ScreenCell::Underline::Single);
        QTest::newRow("underline-double-21") << QByteArray("21") << u"underline"_s << int(ScreenCell::Underline::Double);
        QTest::newRow("underline-double-4:2") << QByteArray("4:2") << u"underline"_s << int(ScreenCell::Underline::Double);
        QTest::newRow("underline-curly") << QByteArray("4:3") << u"underline"_s << int(ScreenCell::Underline::Curly);
        QTest::newRow("underline-off-4:0") << QByteArray("4;4:0") << u"underline"_s << int(ScreenCell::Underline::None);
        QTest::newRow("blink") << QByteArray("5") << u"blink"_s << 1;
        QTest::newRow("reverse") << QByteArray("7") << u"reverse"_s << 1;
        QTest::newRow("conceal") << QByteArray("8") << u"conceal"_s << 1;
        QTest::newRow("strike") << QByteArray("9") << u"strike"_s << 1;
        QTest::newRow("bold-off") << QByteArray("1;22") << u"bold"_s << 0;
        QTest::newRow("strike-off") << QByteArray("9;29") << u"strike"_s << 0;
        QTest::newRow("font") << QByteArray("13") << u"font"_s << 3;
        QTest::newRow("superscript") << QByteArray("73") << u"baseline"_s << int(ScreenCell::Baseline::Superscript);
        QTest::newRow("subscript") << QByteArray("74") << u"baseline"_s << int(ScreenCell::Baseline::Subscript);
        QTest::newRow("reset") << QByteArray("1;3;4;0") << u"bold"_s << 0;
    }
    void attributes()
    {
        QFETCH(QByteArray, sgr);
        QFETCH(QString, attribute);
        QFETCH(int, value);
        Terminal t(10, 3);
        t.feed(QByteArray("\x1b[" + sgr + "mX"));
        const ScreenCell c = t.cell(0, 0);
        const QHash<QString, int> got = {
            {u"bold"_s, c.bold}, {u"italic"_s, c.italic}, {u"underline"_s, int(c.underline)}, {u"blink"_s, c.blink},
            {u"reverse"_s, c.reverse}, {u"conceal"_s, c.conceal}, {u"strike"_s, c.strike}, {u"font"_s, c.font},
            {u"baseline"_s, int(c.baseline)},
        };
        QCOMPARE(got.value(attribute, -1), value);
        // Nothing else is set by accident.
        ScreenCell plain = c;
        plain.bold = plain.italic = plain.blink = plain.reverse = plain.conceal = plain.strike = false;
        plain.underline = ScreenCell::Underline::None;
        plain.font = 0;
        plain.baseline = ScreenCell::Baseline::Normal;
        QCOMPARE(plain.fg.kind, ScreenCell::Color::Kind::Default);
        QCOMPARE(plain.text(), u"X"_s);
    }

    void reverseScreen()
    {
        Terminal t(10, 3);
        t.feed("A\x1b[7mB\x1b[?5h");
        QVERIFY(t.cell(0, 0).reverse);  // DECSCNM flips what is displayed
        QVERIFY(!t.cell(0, 1).reverse);
        QVERIFY(t.modes().reverseVideo);
    }

    void wideCharacters_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("cjk") << u8(u8"中");
        QTest::newRow("hangul") << u8(u8"한");
        QTest::newRow("emoji") << u8(u8"😀");
        QTest::newRow("fullwidth") << u8(u8"Ａ");
    }
    void wideCharacters()
    {
        QFETCH(QByteArray, text);
        Terminal t(10, 3);
        t.feed(QByteArray("a" + text + "b"));
        QCOMPARE(t.cell(0, 1).width, quint8(2));
        QCOMPARE(t.cell(0, 1).text(), QString::fromUtf8(text));
        QVERIFY(t.cell(0, 2).isWideContinuation());
        QVERIFY(t.cell(0, 2).text().isEmpty());
        QCOMPARE(t.cell(0, 3).text(), u"b"_s);
        QCOMPARE(t.cursor().col, 4);
        QCOMPARE(t.snapshot().textRows().first(), QString(u"a"_s + QString::fromUtf8(text) + u"b"_s));
    }

    void wideCharacterWrapsAtMargin()
    {
        Terminal t(5, 3);
        t.feed(QByteArray("abcd" + u8(u8"中")));
        QVERIFY(t.cell(0, 4).isBlank());
        QCOMPARE(t.cell(1, 0).text(), u"中"_s);
        QVERIFY(t.isLineContinued(1));
    }

    void combining()
    {
        Terminal t(10, 3);
        t.feed(u8(u8"e\u0301x"));
        QCOMPARE(t.cell(0, 0).text(), u"e\u0301"_s);
        QCOMPARE(t.cell(0, 0).chars[1], char32_t(0x301));
        QCOMPARE(t.cell(0, 1).text(), u"x"_s);
        // Split across feed() calls, also inside the UTF-8 bytes.
        Terminal s(10, 3);
        const QByteArray bytes = u8(u8"a\u0308\u0323b");
        for (char b : bytes)
            s.feed(QByteArrayView(&b, 1));
        QCOMPARE(s.cell(0, 0).text(), u"a\u0308\u0323"_s);
        QCOMPARE(s.cell(0, 1).text(), u"b"_s);
    }

    void altScreen()
    {
        Terminal t(20, 5);
        QSignalSpy spy(&t, &Terminal::altScreenChanged);
        t.feed("main screen\r\nline 2");
        t.feed("\x1b[?1049h");
        QVERIFY(t.isAltScreen());
        QCOMPARE(spy.count(), 1);
        QVERIFY(t.cell(0, 0).isBlank());
        t.feed("\x1b[Hfull screen app");
        QCOMPARE(t.snapshot().textRows().first(), u"full screen app"_s);
        t.feed("\x1b[?1049l");
        QVERIFY(!t.isAltScreen());
        QCOMPARE(spy.count(), 2);
        QCOMPARE(t.snapshot().textRows().mid(0, 2), (QStringList{u"main screen"_s, u"line 2"_s}));
        QCOMPARE(t.cursor().row, 1); // restored by ?1049l
        QCOMPARE(t.cursor().col, 6);
    }

    void scrollback()
    {
        Terminal t(10, 3);
        QSignalSpy spy(&t, &Terminal::scrollbackChanged);
        for (int i = 0; i < 6; ++i)
            t.feed(QByteArray("\x1b[31mline" + QByteArray::number(i) + "\x1b[0m\r\n"));
        // 6 lines + the cursor's empty line on 3 rows: 4 scrolled off.
        QCOMPARE(t.scrollbackSize(), 4);
        QVERIFY(spy.count() >= 1);
        const QList<ScreenCell> oldest = t.scrollbackLine(0);
        QCOMPARE(oldest.size(), 10);
        QCOMPARE(oldest.at(0).text(), u"l"_s);
        QCOMPARE(oldest.at(4).text(), u"0"_s);
        QCOMPARE(oldest.at(0).fg.index, quint8(1));
        QVERIFY(oldest.at(5).isBlank());
        QVERIFY(oldest.at(5).defaultFg());
        QCOMPARE(t.scrollbackLine(3).at(4).text(), u"3"_s);
        QVERIFY(t.scrollbackLine(4).isEmpty());

        // Taller: lines come back from the scrollback.
        t.resize(10, 6);
        QCOMPARE(t.scrollbackSize(), 1);
        QCOMPARE(t.snapshot().textRows().mid(0, 5),
                 (QStringList{u"line1"_s, u"line2"_s, u"line3"_s, u"line4"_s, u"line5"_s}));
        QCOMPARE(t.cell(0, 0).fg.index, quint8(1)); // attributes survive the round trip

        // ESC[3J clears it.
        t.feed("\x1b[3J");
        QCOMPARE(t.scrollbackSize(), 0);
    }

    // Which scrollback lines continue the line before them (soft wraps), fed in one chunk or
    // byte by byte; `flags` lists every scrollback line's flag and then the top row's.
    void scrollbackKeepsSoftWraps_data()
    {
        QTest::addColumn<QByteArray>("output");
        QTest::addColumn<QString>("flags");
        const QByteArray push = "\r\nx\r\ny\r\nz"; // three more lines: everything above leaves
        QTest::newRow("a line wrapped over three rows") << "ab\r\n" + QByteArray(25, 'w') + "\r\nc" + push << u"--++--"_s;
        QTest::newRow("exactly one row long: no wrap") << QByteArray(10, 'e') + "\r\nnext" + push << u"---"_s;
        QTest::newRow("the wrap's second half on the top row") << "ab\r\n" + QByteArray(15, 'w') + "\r\nx\r\ny" << u"--+"_s;
        QTest::newRow("end of the first half erased (EL)") << "ab\r\n" + QByteArray(15, 'w') + "\x1b[A\x1b[9G\x1b[K\x1b[B" + push
                                                            << u"----"_s;
        QTest::newRow("wide character wrapped early") << u8(u8"ab\r\nwwwwwwwww中x") + push << u"--+-"_s;
        QTest::newRow("scroll region below the top: no scrollback") << "\x1b[2;3r\x1b[2H" + QByteArray(25, 'w') << u"-"_s;
        QTest::newRow("scrollback cleared (ESC[3J) between") << "ab\r\n" + QByteArray(25, 'w') + "\x1b[3J" + push << u"-++-"_s;
    }
    void scrollbackKeepsSoftWraps()
    {
        QFETCH(QByteArray, output);
        QFETCH(QString, flags);
        for (const bool bytewise : {false, true}) {
            Terminal t(10, 3);
            if (bytewise) {
                for (const char c : std::as_const(output))
                    t.feed(QByteArrayView(&c, 1));
            } else {
                t.feed(output);
            }
            QString got;
            for (int i = 0; i < t.scrollbackSize(); ++i)
                got += t.isScrollbackLineContinued(i) ? u'+' : u'-';
            got += t.isLineContinued(0) ? u'+' : u'-';
            QVERIFY2(got == flags, qPrintable(u"%1 (%2)"_s.arg(got, bytewise ? u"byte by byte"_s : u"one chunk"_s)));
        }
    }

    void scrollbackWideAndCombining()
    {
        Terminal t(8, 2);
        t.feed(u8(u8"a中e\u0301z\r\n\r\n\r\n"));
        QCOMPARE(t.scrollbackSize(), 2);
        const QList<ScreenCell> line = t.scrollbackLine(0);
        QCOMPARE(line.at(1).text(), u"中"_s);
        QCOMPARE(line.at(1).width, quint8(2));
        QVERIFY(line.at(2).isWideContinuation());
        QCOMPARE(line.at(3).text(), u"e\u0301"_s);
        QCOMPARE(line.at(4).text(), u"z"_s);
        t.resize(8, 4);
        QCOMPARE(t.cell(0, 1).text(), u"中"_s);
        QVERIFY(t.cell(0, 2).isWideContinuation());
        QCOMPARE(t.cell(0, 3).text(), u"e\u0301"_s);
    }

    // readRowChars() / readScrollbackChars() give the characters and widths cell() and
    // scrollbackLine() give, attributes left out.
    void textOnlyReaders_data()
    {
        QTest::addColumn<QByteArray>("output");
        QTest::newRow("plain") << QByteArray("hello world\r\nsecond\r\n");
        QTest::newRow("colours and attributes")
            << QByteArray("\x1b[1;31mred\x1b[0m \x1b[38;2;1;2;3;48;5;200mtc\x1b[7m rev\x1b[m\r\n");
        QTest::newRow("wide, combining, emoji") << u8(u8"a中e\u0301z😀.\r\n漢字漢字漢字\r\n");
        QTest::newRow("blank cells inside") << QByteArray("a\x1b[5Cb\x1b[3X\r\n\x1b[44m  \x1b[K\x1b[m\r\n");
        QTest::newRow("wide character wrapped early") << u8(u8"1234567中\r\n");
    }
    void textOnlyReaders()
    {
        QFETCH(QByteArray, output);
        Terminal t(8, 3);
        t.feed(QByteArray(output + "x\r\ny\r\nz\r\n" + output));
        QVERIFY(t.scrollbackSize() > 0);
        auto same = [](const QList<ScreenCell> &fast, const QList<ScreenCell> &full) {
            if (fast.size() != full.size())
                return false;
            for (qsizetype i = 0; i < fast.size(); ++i) {
                ScreenCell expected;
                expected.chars = full[i].chars;
                expected.width = full[i].width;
                if (!(fast[i] == expected))
                    return false;
            }
            return true;
        };
        QList<ScreenCell> cells = {ScreenCell(), ScreenCell()}; // reused: whatever it held goes
        cells[0].bold = true;
        for (int row = 0; row < t.rows(); ++row) {
            QList<ScreenCell> full;
            for (int col = 0; col < t.cols(); ++col)
                full << t.cell(row, col);
            t.readRowChars(row, cells);
            QVERIFY2(same(cells, full), qPrintable(u"row %1"_s.arg(row)));
        }
        for (int i = 0; i < t.scrollbackSize(); ++i) {
            t.readScrollbackChars(i, cells);
            QVERIFY2(same(cells, t.scrollbackLine(i)), qPrintable(u"scrollback line %1"_s.arg(i)));
        }
        t.readScrollbackChars(t.scrollbackSize(), cells);
        QVERIFY(cells.isEmpty());
    }

    void scrollbackLimit()
    {
        Terminal t(10, 2);
        QCOMPARE(t.scrollbackLimit(), 10000);
        t.setScrollbackLimit(3);
        for (int i = 0; i < 20; ++i)
            t.feed(QByteArray("n" + QByteArray::number(i) + "\r\n"));
        QCOMPARE(t.scrollbackSize(), 3);
        QCOMPARE(t.scrollbackLine(0).at(2).text(), u"6"_s); // n16
        QCOMPARE(t.scrollbackLine(2).at(2).text(), u"8"_s); // n18
        t.setScrollbackLimit(1);
        QCOMPARE(t.scrollbackSize(), 1);
        QCOMPARE(t.scrollbackLine(0).at(2).text(), u"8"_s);
    }

    void replies_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("reply");
        QTest::newRow("DA") << QByteArray("\x1b[c") << QByteArray("\x1b[?1;2c");
        QTest::newRow("DA-0") << QByteArray("\x1b[0c") << QByteArray("\x1b[?1;2c");
        QTest::newRow("DA2") << QByteArray("\x1b[>c") << QByteArray("\x1b[>0;100;0c");
        QTest::newRow("DSR-status") << QByteArray("\x1b[5n") << QByteArray("\x1b[0n");
        QTest::newRow("CPR-home") << QByteArray("\x1b[6n") << QByteArray("\x1b[1;1R");
        QTest::newRow("CPR-moved") << QByteArray("\x1b[3;5H\x1b[6n") << QByteArray("\x1b[3;5R");
        QTest::newRow("CPR-after-text") << QByteArray("abc\r\nde\x1b[6n") << QByteArray("\x1b[2;3R");
        QTest::newRow("DECRQM") << QByteArray("\x1b[?2004h\x1b[?2004$p") << QByteArray("\x1b[?2004;1$y");
        QTest::newRow("split") << QByteArray("\x1b[6") << QByteArray();
    }
    void replies()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, reply);
        Terminal t(20, 5);
        QSignalSpy spy(&t, &Terminal::outputRequested);
        t.feed(input);
        QByteArray got;
        for (const QList<QVariant> &args : spy)
            got += args.at(0).toByteArray();
        QCOMPARE(got, reply);
        // Probing modes for a preamble does not leak replies.
        const int before = int(spy.count());
        (void)t.statePreamble();
        QCOMPARE(int(spy.count()), before);
        if (reply.isEmpty()) {
            t.feed("n");
            QCOMPARE(spy.count(), 1);
            QCOMPARE(spy.at(0).at(0).toByteArray(), QByteArray("\x1b[1;1R"));
        }
    }

    void title()
    {
        Terminal t(20, 5);
        QSignalSpy spy(&t, &Terminal::titleChanged);
        t.feed("\x1b]0;first\x07");
        QCOMPARE(t.title(), u"first"_s);
        QCOMPARE(spy.count(), 1);
        t.feed("\x1b]2;sec");
        t.feed("ond ✓\x1b\\");
        QCOMPARE(t.title(), u"second ✓"_s);
        QCOMPARE(spy.count(), 2);
        QCOMPARE(spy.at(1).at(0).toString(), u"second ✓"_s);
        t.feed("\x1b]1;icon only\x07");
        QCOMPARE(t.title(), u"second ✓"_s);
        QCOMPARE(spy.count(), 2);
    }

    void bellSignal()
    {
        Terminal t(20, 5);
        QSignalSpy spy(&t, &Terminal::bell);
        t.feed("\x1b]2;no bell here\x07");
        QCOMPARE(spy.count(), 0);
        t.feed("ding\x07");
        QCOMPARE(spy.count(), 1);
    }

    void resizeKeepsContent()
    {
        Terminal t(20, 5);
        t.feed("\x1b[32mkeep me\r\nand me");
        t.resize(30, 8);
        QCOMPARE(t.cols(), 30);
        QCOMPARE(t.rows(), 8);
        QCOMPARE(t.snapshot().textRows().mid(0, 2), (QStringList{u"keep me"_s, u"and me"_s}));
        QCOMPARE(t.cell(0, 0).fg.index, quint8(2));
        t.resize(10, 5);
        QCOMPARE(t.snapshot().textRows().mid(0, 2), (QStringList{u"keep me"_s, u"and me"_s}));
        // Narrower than a line: it is re-wrapped, not cut.
        t.resize(4, 5);
        QCOMPARE(t.snapshot().textRows().mid(0, 4), (QStringList{u"keep"_s, u" me"_s, u"and "_s, u"me"_s}));
        QVERIFY(t.isLineContinued(1));
    }

    void damage()
    {
        Terminal t(20, 5);
        QSignalSpy spy(&t, &Terminal::damaged);
        t.feed("\x1b[3;4Hxy\x1b[31mz");
        QCOMPARE(spy.count(), 1); // once per feed, not per cell
        const QRect d = t.takeDamage();
        QVERIFY(d.contains(3, 2));
        QVERIFY(d.contains(5, 2));
        QVERIFY(t.takeDamage().isNull());
        t.feed("\x1b[31m");
        QCOMPARE(spy.count(), 1); // nothing visible changed
    }

    void keys_data()
    {
        QTest::addColumn<QByteArray>("setup");
        QTest::addColumn<int>("key");
        QTest::addColumn<int>("mods");
        QTest::addColumn<QByteArray>("bytes");
        using K = Terminal::Key;
        QTest::newRow("up") << QByteArray() << int(K::Up) << 0 << QByteArray("\x1b[A");
        QTest::newRow("up-app") << QByteArray("\x1b[?1h") << int(K::Up) << 0 << QByteArray("\x1bOA");
        QTest::newRow("ctrl-right") << QByteArray() << int(K::Right) << int(Terminal::Ctrl) << QByteArray("\x1b[1;5C");
        QTest::newRow("enter") << QByteArray() << int(K::Enter) << 0 << QByteArray("\r");
        QTest::newRow("f5") << QByteArray() << int(K::F5) << 0 << QByteArray("\x1b[15~");
        QTest::newRow("kp-5") << QByteArray() << int(K::Kp5) << 0 << QByteArray("5");
        QTest::newRow("kp-5-app") << QByteArray("\x1b=") << int(K::Kp5) << 0 << QByteArray("\x1bOu");
    }
    void keys()
    {
        QFETCH(QByteArray, setup);
        QFETCH(int, key);
        QFETCH(int, mods);
        QFETCH(QByteArray, bytes);
        Terminal t(20, 5);
        t.feed(setup);
        QSignalSpy spy(&t, &Terminal::outputRequested);
        t.sendKey(Terminal::Key(key), Terminal::Modifiers(mods));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toByteArray(), bytes);
    }

    void charsPasteMouse()
    {
        Terminal t(20, 5);
        QSignalSpy spy(&t, &Terminal::outputRequested);
        t.sendChar(U'é');
        QCOMPARE(spy.takeFirst().at(0).toByteArray(), u8(u8"é"));
        t.sendChar(U'c', Terminal::Ctrl);
        QCOMPARE(spy.takeFirst().at(0).toByteArray(), QByteArray("\x03"));

        QVERIFY(!t.bracketedPaste());
        t.sendPaste(u"a\nb"_s);
        QCOMPARE(spy.takeFirst().at(0).toByteArray(), QByteArray("a\rb"));
        t.feed("\x1b[?2004h");
        QVERIFY(t.bracketedPaste());
        t.sendPaste(u"x\x1b[201~y"_s);
        QCOMPARE(spy.takeFirst().at(0).toByteArray(), QByteArray("\x1b[200~xy\x1b[201~"));

        QCOMPARE(t.mouseMode(), TerminalModes::MouseMode::None);
        t.sendMouseButton(Terminal::MouseButton::Left, true);
        t.sendMouseButton(Terminal::MouseButton::Left, false);
        QCOMPARE(spy.count(), 0); // not asked for
        t.feed("\x1b[?1002h\x1b[?1006h");
        QCOMPARE(t.mouseMode(), TerminalModes::MouseMode::Drag);
        t.sendMouseMove(2, 7);
        t.sendMouseButton(Terminal::MouseButton::Left, true);
        t.sendMouseButton(Terminal::MouseButton::Left, false);
        QByteArray got;
        for (const QList<QVariant> &args : spy)
            got += args.at(0).toByteArray();
        QCOMPARE(got, QByteArray("\x1b[<0;8;3M\x1b[<0;8;3m"));
        t.feed("\x1b" "c"); // RIS turns mouse reporting off without telling
        QCOMPARE(t.mouseMode(), TerminalModes::MouseMode::None);
    }

    // Inputs that crash or hang libvterm 0.3.3 when passed on as they are.
    void hostileInput_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("firstRow");
        QTest::newRow("csi-20-params") << QByteArray("\x1b[1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1mok") << u"ok"_s;
        QTest::newRow("csi-17-params-split") << QByteArray("\x1b[1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1mok") << u"ok"_s;
        QTest::newRow("csi-16-params-fine") << QByteArray("\x1b[1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;31mok") << u"ok"_s;
        QTest::newRow("c1-then-el") << QByteArray("\xc2\x85\x1b[Kok") << u"ok"_s;
        QTest::newRow("c1-in-text") << QByteArray("a\xc2\x9b" "b") << u"ab"_s;
        QTest::newRow("rep-first") << QByteArray("\x1b[5bok") << u"ok"_s;
        QTest::newRow("rep-after-combining") << u8(u8"\x1b[H\u0301\x1b[3bok") << u"ok"_s; // zero width: overwritten
        QTest::newRow("rep-fine") << QByteArray("x\x1b[3b") << u"xxxx"_s;
    }
    void hostileInput()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, firstRow);
        Terminal t(20, 3);
        t.feed(input);
        QCOMPARE(t.snapshot().textRows().first(), firstRow);
        // Byte by byte too (sequences and characters cut at every position).
        Terminal s(20, 3);
        for (char b : input)
            s.feed(QByteArrayView(&b, 1));
        QCOMPARE(s.snapshot().textRows().first(), firstRow);
    }

    void preambleOfFreshTerminalIsEmpty()
    {
        Terminal t(80, 24);
        QCOMPARE(t.statePreamble(), QByteArray());
        t.feed("x\x1b[H\x1b[K");
        QVERIFY(!t.statePreamble().isEmpty()); // the last character (for REP) is restored
    }

    void preambleIsShortAfterClear()
    {
        Terminal t(80, 24);
        t.feed("\x1b[31mlots of text\r\n more\x1b[H\x1b[2J");
        const QByteArray p = t.statePreamble();
        QVERIFY2(p.size() < 40, p.constData());
    }

    void statePreamble_data()
    {
        QTest::addColumn<int>("cols");
        QTest::addColumn<int>("rows");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("continuation");
        const QByteArray pen = "text\x1b[Kmore"; // shows the pen (and its colours in erased cells)
        QTest::newRow("empty") << 20 << 5 << QByteArray() << QByteArray("abc");
        QTest::newRow("colours-16-256-rgb") << 30 << 5
            << QByteArray("\x1b[31mred\x1b[42mgreen\x1b[0m \x1b[38;5;208morange\x1b[48;2;10;20;30mrgb\x1b[0m")
            << pen;
        QTest::newRow("attributes") << 40 << 4
            << QByteArray("\x1b[1mB\x1b[3mI\x1b[4mU\x1b[21mD\x1b[4:3mC\x1b[9mS\x1b[7mR\x1b[5mK\x1b[8mH\x1b[0m\x1b[12mF\x1b[73mP")
            << pen;
        QTest::newRow("pen-after-clear") << 20 << 5 << QByteArray("hello\x1b[1;31;44m\x1b[2J\x1b[H") << pen;
        QTest::newRow("coloured-blanks") << 20 << 4 << QByteArray("\x1b[45m\x1b[2K\x1b[0m\r\n\x1b[41m  \x1b[0mx") << pen;
        QTest::newRow("wide") << 10 << 3 << u8(u8"ab中文😀\r\n한국어") << u8(u8"中x");
        QTest::newRow("wide-overwritten-left") << 10 << 3 << u8(u8"中文\x1b[1Gx") << QByteArray("y");
        QTest::newRow("wide-overwritten-right") << 10 << 3 << u8(u8"中文\x1b[2Gx") << QByteArray("y");
        QTest::newRow("combining") << 10 << 3 << u8(u8"e\u0301a\u0308\u0323") << u8(u8"\u0302b");
        QTest::newRow("lone-combining") << 10 << 3 << u8(u8"ab\x1b[5G\u0301\x1b[1;1H") << u8(u8"\u0300x");
        QTest::newRow("cursor-hidden-shape") << 20 << 5 << QByteArray("x\x1b[?25l\x1b[5 q\x1b[2;3H") << QByteArray("y");
        QTest::newRow("cursor-steady-underline") << 20 << 5 << QByteArray("\x1b[4 q\x1b[?12h") << QByteArray("y");
        QTest::newRow("scroll-region") << 20 << 6 << QByteArray("1\r\n2\r\n3\r\n4\r\n5\r\n6\x1b[2;4r\x1b[4;1H")
            << QByteArray("\n\n\nscrolled\n\n");
        QTest::newRow("origin-mode") << 20 << 6 << QByteArray("\x1b[2;5r\x1b[?6h\x1b[2;3Hx") << QByteArray("\x1b[Hhome\x1b[20;1Hlast");
        QTest::newRow("app-cursor-keypad") << 20 << 5 << QByteArray("\x1b[?1h\x1b=") << QByteArray();
        QTest::newRow("bracketed-paste-mouse") << 20 << 5 << QByteArray("\x1b[?2004h\x1b[?1003h\x1b[?1006h\x1b[?1004h") << QByteArray();
        QTest::newRow("autowrap-off") << 10 << 3 << QByteArray("\x1b[?7labcdefghijkl") << QByteArray("mnop");
        QTest::newRow("insert-mode") << 20 << 3 << QByteArray("abcdef\x1b[4h\x1b[1;3H") << QByteArray("XY");
        QTest::newRow("newline-mode") << 20 << 3 << QByteArray("ab\x1b[20h") << QByteArray("\ncd");
        QTest::newRow("reverse-video") << 20 << 3 << QByteArray("a\x1b[7mb\x1b[0m\x1b[?5h") << QByteArray("c\x1b[?5ld");
        QTest::newRow("title") << 20 << 3 << QByteArray("\x1b]0;my title\x07x") << QByteArray("\x1b]1;icon\x07");
        QTest::newRow("alt-screen") << 20 << 5 << QByteArray("main 1\r\n\x1b[32mmain 2\x1b[?1049h\x1b[Halt\x1b[44m\x1b[K")
            << QByteArray("text\x1b[?1049l more");
        QTest::newRow("alt-screen-1047") << 20 << 5 << QByteArray("main\x1b[?1047h\x1b[2;2Halt") << QByteArray("x\x1b[?1047l y");
        QTest::newRow("alt-screen-saved-again") << 20 << 5
            << QByteArray("main\x1b[?1049h\x1b[3;3Hx\x1b" "7\x1b[1;1H\x1b[35m") << QByteArray("\x1b" "8y\x1b[?1049lz");
        QTest::newRow("saved-cursor") << 20 << 5 << QByteArray("\x1b[3;4H\x1b[1;33m\x1b" "7\x1b[0m\x1b[H") << QByteArray("\x1b" "8saved");
        QTest::newRow("deferred-wrap") << 10 << 3 << QByteArray("0123456789") << QByteArray("next");
        QTest::newRow("deferred-wrap-wide") << 10 << 3 << u8(u8"01234567中") << QByteArray("n");
        QTest::newRow("deferred-wrap-erased") << 10 << 3 << QByteArray("0123456789\x1b[1K") << QByteArray("n");
        QTest::newRow("deferred-wrap-cancelled") << 10 << 3 << QByteArray("0123456789\x1b[1;10H") << QByteArray("n");
        QTest::newRow("deferred-wrap-at-bottom-lf") << 10 << 2 << QByteArray("\r\n0123456789\n") << QByteArray("n");
        QTest::newRow("rep-after") << 10 << 3 << QByteArray("ab\x1b[2;2H") << QByteArray("\x1b[3b");
        QTest::newRow("soft-wrapped") << 10 << 4 << QByteArray("0123456789abcdefghij0123") << QByteArray();
        QTest::newRow("soft-wrapped-top") << 10 << 3 << QByteArray("0123456789abcdefghij0123456789abcdef") << QByteArray();
        QTest::newRow("charsets") << 20 << 3 << QByteArray("\x1b(0qqq\x1b)A\x0e") << QByteArray("lqk");
        QTest::newRow("charsets-g0-only") << 20 << 3 << QByteArray("\x1b(0lqk") << QByteArray("mqj\x1b(Bx");
        QTest::newRow("split-csi") << 20 << 3 << QByteArray("ab\x1b[3") << QByteArray("1mred");
        QTest::newRow("split-osc") << 20 << 3 << QByteArray("\x1b]2;half a ti") << QByteArray("tle\x07x");
        QTest::newRow("split-utf8") << 20 << 3 << QByteArray("ab\xe4\xb8") << QByteArray("\xadx");
        QTest::newRow("overlong-csi-cancelled") << 20 << 3 << QByteArray("a\x1b[1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1;1")
            << QByteArray(";1;1mb");
        QTest::newRow("decsca") << 20 << 3 << QByteArray("\x1b[1\"qprotected") << QByteArray("x");
        QTest::newRow("s8c1t") << 20 << 3 << QByteArray("\x1b G") << QByteArray("\x1b[c");
    }
    void statePreamble()
    {
        QFETCH(int, cols);
        QFETCH(int, rows);
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, continuation);
        verifyPreamble(cols, rows, input, continuation);
        if (QTest::currentTestFailed())
            return;
        // The same input fed in random pieces gives the same state.
        verifyPreamble(cols, rows, input, continuation, 7);
    }

    void altScreenSequenceSplit()
    {
        // The main screen is copied just before the switch, also when the sequence arrives in
        // pieces; the preamble then rebuilds it behind the alternate screen.
        Terminal a(20, 4);
        a.feed("\x1b[33mmain text\x1b[0m\r\nsecond");
        a.feed("\x1b[?10");
        a.feed("4");
        a.feed("9h\x1b[2;2Halt");
        Terminal b(20, 4);
        b.feed(a.statePreamble());
        QCOMPARE(b.snapshot(), a.snapshot());
        a.feed("\x1b[?1049l");
        b.feed("\x1b[?1049l");
        QCOMPARE(b.snapshot().textRows().mid(0, 2), (QStringList{u"main text"_s, u"second"_s}));
        QCOMPARE(b.snapshot(), a.snapshot());
    }

    void resizeOnAltScreen_data()
    {
        QTest::addColumn<int>("cols");
        QTest::addColumn<int>("rows");
        QTest::newRow("narrower") << 7 << 5;
        QTest::newRow("wider") << 30 << 5;
        QTest::newRow("shorter") << 12 << 3;
        QTest::newRow("taller-pops-scrollback") << 12 << 9;
    }
    void resizeOnAltScreen()
    {
        // libvterm re-wraps the hidden main screen too; the copy the preamble uses must follow.
        QFETCH(int, cols);
        QFETCH(int, rows);
        Terminal a(12, 5);
        a.feed("line one is long and wraps\r\n\x1b[32mtwo\x1b[0m\r\n3\r\n4\r\n5\r\n6\r\nseven");
        QVERIFY(a.scrollbackSize() > 0);
        // Saved (by ?1049h) where the narrower and shorter screens do not reach: the resize
        // moves the slot inside.
        a.feed("\x1b[5;11H\x1b[?1049h\x1b[Hfull screen");
        a.resize(cols, rows);
        Terminal b(cols, rows);
        b.feed(a.statePreamble());
        QVERIFY2(a.snapshot() == b.snapshot(), qPrintable(a.snapshot().describeDifference(b.snapshot())));
        a.feed("\x1b[?1049l");
        b.feed("\x1b[?1049l");
        const TerminalSnapshot sa = a.snapshot();
        const TerminalSnapshot sb = b.snapshot();
        QVERIFY2(sa == sb, qPrintable(sa.describeDifference(sb) + u"\n"_s + sa.text() + u"\n--\n"_s + sb.text()));
        QVERIFY(sa.text().contains(u"seven"_s));
    }

    // A cursor saved (DECSC) where a smaller screen no longer reaches: libvterm 0.3.3 restores
    // it outside the screen and the next line feed crashes (found by tst_seekproperty). Like
    // xterm, the resize moves the slot inside; the preamble of the resized terminal then
    // restores the same slot, so the continuation matches too.
    void savedCursorBeyondShrunkScreen_data()
    {
        QTest::addColumn<QByteArray>("before");
        QTest::addColumn<QList<QSize>>("sizes"); // resizes after `before`, cols x rows
        QTest::addColumn<QByteArray>("after");
        QTest::addColumn<QPoint>("cursor"); // (col, row) after `after`
        const QByteArray lf = "\n\n";
        QTest::newRow("rows-esc8-lf") << QByteArray("\x1b[9;5H\x1b" "7") << QList<QSize>{{20, 4}}
                                      << QByteArray("\x1b" "8" + lf + "X") << QPoint(5, 3);
        QTest::newRow("cols-esc8-text") << QByteArray("\x1b[2;19H\x1b" "7") << QList<QSize>{{8, 10}}
                                        << QByteArray("\x1b" "8ab") << QPoint(1, 2);
        QTest::newRow("both") << QByteArray("\x1b[10;20H\x1b" "7\x1b[H") << QList<QSize>{{6, 3}}
                              << QByteArray("\x1b" "8\x1b[2Lq\r\n") << QPoint(0, 2);
        QTest::newRow("shrink-then-grow") << QByteArray("\x1b[9;5H\x1b" "7\x1b[H") << QList<QSize>{{20, 4}, {20, 10}}
                                          << QByteArray("\x1b" "8Y") << QPoint(5, 3);
        QTest::newRow("alt-screen-1049") << QByteArray("main\x1b[9;3H\x1b[?1049h\x1b[Halt") << QList<QSize>{{20, 4}}
                                         << QByteArray("\x1b[?1049l" + lf + "Z") << QPoint(3, 3);
        QTest::newRow("dec-1048") << QByteArray("\x1b[8;12H\x1b[?1048h\x1b[H") << QList<QSize>{{10, 5}}
                                  << QByteArray("\x1b[?1048l\x1b[3@" + lf) << QPoint(9, 4);
        QTest::newRow("origin-mode-region") << QByteArray("\x1b[9;5H\x1b" "7\x1b[2;3r\x1b[?6h") << QList<QSize>{{20, 4}}
                                            << QByteArray("\x1b" "8" + lf + "W") << QPoint(5, 2);
        QTest::newRow("still-inside") << QByteArray("\x1b[2;3H\x1b" "7\x1b[H") << QList<QSize>{{10, 4}}
                                      << QByteArray("\x1b" "8") << QPoint(2, 1);
    }
    void savedCursorBeyondShrunkScreen()
    {
        QFETCH(QByteArray, before);
        QFETCH(QList<QSize>, sizes);
        QFETCH(QByteArray, after);
        QFETCH(QPoint, cursor);
        Terminal a(20, 10);
        a.feed(before);
        for (const QSize &s : sizes)
            a.resize(s.width(), s.height());
        Terminal b(sizes.last().width(), sizes.last().height());
        b.feed(a.statePreamble());
        QVERIFY2(a.snapshot() == b.snapshot(), qPrintable(a.snapshot().describeDifference(b.snapshot())));
        a.feed(after);
        b.feed(after);
        QCOMPARE(QPoint(a.cursor().col, a.cursor().row), cursor);
        QVERIFY2(a.snapshot() == b.snapshot(), qPrintable(a.snapshot().describeDifference(b.snapshot())));
        // Byte by byte, the restore point falls between any two feeds.
        Terminal c(20, 10);
        c.feed(before);
        for (const QSize &s : sizes)
            c.resize(s.width(), s.height());
        for (char ch : after)
            c.feed(QByteArrayView(&ch, 1));
        QVERIFY2(c.snapshot() == a.snapshot(), qPrintable(c.snapshot().describeDifference(a.snapshot())));
    }

    void statePreambleModes()
    {
        // The modes the preamble restores, checked directly (not only through snapshots).
        Terminal a(30, 8);
        a.feed("\x1b[?1h\x1b=\x1b[?7l\x1b[3;6r\x1b[?6h\x1b[4h\x1b[20h\x1b[?2004h\x1b[?1002h\x1b[?1015h\x1b[?1004h"
               "\x1b(0\x1b[?25l\x1b[3 q\x1b[1;4;38;5;100m");
        Terminal b(30, 8);
        b.feed(a.statePreamble());
        const TerminalModes m = b.modes();
        QVERIFY(m.appCursorKeys);
        QVERIFY(m.appKeypad);
        QVERIFY(!m.autowrap);
        QCOMPARE(m.scrollTop, 2);
        QCOMPARE(m.scrollBottom, 6);
        QVERIFY(m.originMode);
        QVERIFY(m.insertMode);
        QVERIFY(m.newlineMode);
        QVERIFY(m.bracketedPaste);
        QCOMPARE(m.mouseMode, TerminalModes::MouseMode::Drag);
        QCOMPARE(m.mouseProtocol, TerminalModes::MouseProtocol::Rxvt);
        QVERIFY(m.focusReporting);
        QCOMPARE(m.charsets[0], '0');
        QVERIFY(m.pen.bold);
        QCOMPARE(m.pen.underline, ScreenCell::Underline::Single);
        QCOMPARE(m.pen.fg.index, quint8(100));
        QVERIFY(!b.cursor().visible);
        QCOMPARE(b.cursor().shape, TerminalCursor::Shape::Underline);
        QVERIFY(b.cursor().blink);
        QCOMPARE(b.snapshot(), a.snapshot());
    }

    // Random streams; the preamble must rebuild everything, and the continuation must land the
    // same. A soak run (CASTDECK_TERMINAL_SEEDS=3000) finds about 1 in 1000 streams that end in
    // a state escape sequences cannot rebuild (see Terminal::statePreamble(): the last
    // character moved by a scroll or insert on the alternate screen, or a REP wrap left on the
    // other screen); the 40 default seeds do not.
    void statePreambleRandom_data()
    {
        QTest::addColumn<quint32>("seed");
        QTest::addColumn<int>("cols");
        QTest::addColumn<int>("rows");
        // CASTDECK_TERMINAL_SEEDS=n runs more streams (a soak test); 40 by default.
        const int seeds = qMax(1, qEnvironmentVariableIntValue("CASTDECK_TERMINAL_SEEDS"));
        for (quint32 seed = 1; seed <= quint32(seeds > 1 ? seeds : 40); ++seed)
            QTest::addRow("seed-%u", seed) << seed << int(8 + seed % 13) << int(3 + seed % 6);
    }
    void statePreambleRandom()
    {
        QFETCH(quint32, seed);
        QFETCH(int, cols);
        QFETCH(int, rows);
        QRandomGenerator rng(seed);
        const QByteArray input = randomStream(rng, 150, cols, rows);
        const QByteArray continuation = randomStream(rng, 60, cols, rows);
        verifyPreamble(cols, rows, input, continuation, seed);
    }
};

QTEST_GUILESS_MAIN(TestTerminal)
#include "tst_terminal.moc"
