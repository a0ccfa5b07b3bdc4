// TerminalPainter, CellMetrics, BoxDrawing: pixels of rendered cells (box drawing joins
// without gaps at every device pixel ratio, blocks, emoji across two cells, attributes,
// colours through the scheme, cursor shapes, selection, scrollback).
#include "BoxDrawing.h"
#include "CellMetrics.h"
#include "ColorScheme.h"
#include "TerminalPainter.h"
#include "TerminalSelection.h"
#include "terminal/Terminal.h"

#include <QDir>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QPainter>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
QByteArray u8(const char8_t *s)
{
    return QByteArray(reinterpret_cast<const char *>(s));
}

QFont testFont(int points = 11)
{
    QFont f(u"DejaVu Sans Mono"_s);
    f.setPointSize(points);
    f.setStyleHint(QFont::TypeWriter);
    return f;
}

QRgb rgbAt(const QImage &img, int x, int y)
{
    return img.pixel(x, y) & 0xffffff;
}

QString hex(QRgb c)
{
    return u"#%1"_s.arg(c & 0xffffff, 6, 16, QLatin1Char('0'));
}

// Pixels of the rectangle (device pixels) that differ from `bg`, weighted by how much.
int ink(const QImage &img, const QRect &r, QRgb bg)
{
    int sum = 0;
    for (int y = r.top(); y <= r.bottom(); ++y) {
        for (int x = r.left(); x <= r.right(); ++x) {
            const QRgb p = img.pixel(x, y);
            sum += qAbs(qRed(p) - qRed(bg)) + qAbs(qGreen(p) - qGreen(bg)) + qAbs(qBlue(p) - qBlue(bg));
        }
    }
    return sum;
}

TerminalPainter::Frame noCursor()
{
    TerminalPainter::Frame f;
    f.cursorShown = false;
    return f;
}

QImage render(const Terminal &t, qreal dpr = 1, const TerminalPainter::Frame &frame = noCursor(),
              const ColorScheme &scheme = ColorScheme::dark())
{
    return TerminalPainter::render(t, scheme, testFont(), dpr, frame);
}
} // namespace

class TestTerminalPainter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void metrics_data()
    {
        QTest::addColumn<qreal>("dpr");
        QTest::newRow("1") << 1.0;
        QTest::newRow("1.25") << 1.25;
        QTest::newRow("1.5") << 1.5;
        QTest::newRow("2") << 2.0;
        QTest::newRow("3") << 3.0;
    }

    void metrics()
    {
        QFETCH(qreal, dpr);
        const QFont font = testFont();
        const CellMetrics m(font, dpr);
        const CellMetrics one(font, 1);
        QCOMPARE(m.width() * dpr, qreal(m.deviceWidth()));
        QCOMPARE(m.height() * dpr, qreal(m.deviceHeight()));
        const QFontMetricsF fm(font);
        QVERIFY(m.deviceHeight() >= (fm.ascent() + fm.descent()) * dpr - 0.1);
        QVERIFY(qAbs(m.deviceWidth() - fm.horizontalAdvance(u'M') * dpr) <= 0.5 + 1e-9);
        QVERIFY(qAbs(m.deviceWidth() - one.deviceWidth() * dpr) <= dpr / 2 + 0.5);
        // Sizes round-trip: the pixels for 80x24 hold exactly 80x24 cells.
        QCOMPARE(m.gridSize(m.pixelSize(80, 24)), QSize(80, 24));
        QCOMPARE(m.gridSize(m.pixelSize(80, 24) - QSize(1, 1)), QSize(79, 23));
        QCOMPARE(m.cellAt(QPointF(m.width() * 3 + 0.01, m.height() * 2 - 0.01)), QPoint(3, 1));
        // Lines and decorations sit inside the cell.
        QVERIFY(m.underlineTop() > m.deviceAscent() - 1);
        QVERIFY(m.underlineTop() + 3 * m.underlineThickness() <= m.deviceHeight());
        QVERIFY(m.strikeTop() > 0 && m.strikeTop() < m.deviceAscent());
        QVERIFY(m.lightLine() >= 1 && m.heavyLine() > m.lightLine());
    }

    void boxDrawingJoinsWithoutGaps_data()
    {
        metrics_data();
    }

    void boxDrawingJoinsWithoutGaps()
    {
        QFETCH(qreal, dpr);
        Terminal t(12, 4);
        t.feed(u8(u8"┌──────────┐\r\n│          │\r\n└──────────┘\r\n══════━━━━━━"));
        const QImage img = render(t, dpr);
        const CellMetrics m(testFont(), dpr);
        const int dw = m.deviceWidth();
        const int dh = m.deviceHeight();
        const int l = m.lightLine();
        const int h = m.heavyLine();
        const QRgb fg = ColorScheme::dark().foreground();
        const QRgb bg = ColorScheme::dark().background();
        QCOMPARE(img.size(), QSize(12 * dw, 4 * dh));
        QCOMPARE(img.devicePixelRatio(), dpr);

        // The top edge: one unbroken light line from the left corner to the right one.
        const int lineY = dh / 2 - l / 2;
        for (int x = dw / 2; x < 11 * dw + dw / 2 + 1 - l / 2; ++x)
            QVERIFY2(rgbAt(img, x, lineY) == fg, qPrintable(u"gap at x=%1: %2"_s.arg(x).arg(hex(rgbAt(img, x, lineY)))));
        QCOMPARE(rgbAt(img, dw / 2 - l / 2 - 1, lineY), bg); // nothing left of the corner
        QCOMPARE(rgbAt(img, dw / 2 - l / 2, lineY - 1), bg); // nothing above it
        // The left edge: one unbroken line down through three rows, corners included.
        const int lineX = dw / 2 - l / 2;
        for (int y = dh / 2; y < 2 * dh + dh / 2; ++y)
            QVERIFY2(rgbAt(img, lineX, y) == fg, qPrintable(u"gap at y=%1"_s.arg(y)));
        // The bottom edge.
        for (int x = dw / 2; x < 11 * dw; ++x)
            QCOMPARE(rgbAt(img, x, 2 * dh + lineY), fg);
        // Double line: two strokes across the full width, background between them.
        const int upper = 3 * dh + dh / 2 - l - l / 2;
        const int lower = 3 * dh + dh / 2 + l - l / 2;
        for (int x = 0; x < 6 * dw; ++x) {
            QCOMPARE(rgbAt(img, x, upper), fg);
            QCOMPARE(rgbAt(img, x, lower), fg);
            QCOMPARE(rgbAt(img, x, upper + l), bg);
        }
        // Heavy line: h pixels thick, across its cells.
        for (int x = 6 * dw; x < 12 * dw; ++x) {
            for (int y = 3 * dh + dh / 2 - h / 2; y < 3 * dh + dh / 2 - h / 2 + h; ++y)
                QCOMPARE(rgbAt(img, x, y), fg);
        }
    }

    void doubleLineCorners()
    {
        // ╔╦╗ / ╚╩╝: the outer strokes meet at the corners, inner ones too.
        Terminal t(3, 2);
        t.feed(u8(u8"╔╦╗\r\n╚╩╝"));
        const QImage img = render(t, 2);
        const CellMetrics m(testFont(), 2);
        const int dw = m.deviceWidth();
        const int dh = m.deviceHeight();
        const int l = m.lightLine();
        const QRgb fg = ColorScheme::dark().foreground();
        const QRgb bg = ColorScheme::dark().background();
        const int outer = dh / 2 - l - l / 2; // top stroke of ╔, its y
        const int outerX = dw / 2 - l - l / 2;
        // ╔: the top stroke runs from the outer corner to the right edge; the left stroke down.
        for (int x = outerX; x < 3 * dw - (dw - outerX) + l; ++x)
            QCOMPARE(rgbAt(img, x, outer), fg);
        for (int y = outer; y < 2 * dh - outer - l + 1; ++y)
            QCOMPARE(rgbAt(img, outerX, y), fg);
        // Inside ╔ (between the strokes at the corner) is empty.
        QCOMPARE(rgbAt(img, outerX + l, outer + l), bg);
        // ╦'s lower stroke is interrupted where its down arm starts.
        QCOMPARE(rgbAt(img, dw + dw / 2, dh / 2 + l - l / 2), bg);
    }

    void blockElements()
    {
        Terminal t(6, 2);
        t.feed(u8(u8"█▀▄▌▐░\r\n█"));
        const QImage img = render(t, 1.5);
        const CellMetrics m(testFont(), 1.5);
        const int dw = m.deviceWidth();
        const int dh = m.deviceHeight();
        const QRgb fg = ColorScheme::dark().foreground();
        const QRgb bg = ColorScheme::dark().background();
        // Full blocks stacked: a solid column two rows high, no seam between the rows.
        for (int y = 0; y < 2 * dh; ++y) {
            for (int x = 0; x < dw; ++x)
                QVERIFY2(rgbAt(img, x, y) == fg, qPrintable(u"seam at %1,%2"_s.arg(x).arg(y)));
        }
        QCOMPARE(rgbAt(img, dw + 1, 0), fg);          // ▀ top
        QCOMPARE(rgbAt(img, dw + 1, dh - 1), bg);     // ▀ bottom
        QCOMPARE(rgbAt(img, 2 * dw + 1, 0), bg);      // ▄ top
        QCOMPARE(rgbAt(img, 2 * dw + 1, dh - 1), fg); // ▄ bottom
        QCOMPARE(rgbAt(img, 3 * dw, dh / 2), fg);     // ▌ left
        QCOMPARE(rgbAt(img, 4 * dw - 1, dh / 2), bg); // ▌ right
        QCOMPARE(rgbAt(img, 5 * dw - 1, dh / 2), fg); // ▐ right
        // ░: a quarter of the way from the background to the foreground, everywhere.
        const QRgb shade = rgbAt(img, 5 * dw + 1, 1);
        QCOMPARE(rgbAt(img, 6 * dw - 1, dh - 1), shade);
        QVERIFY(qRed(shade) > qRed(bg) + 40 && qRed(shade) < qRed(fg) - 100);
    }

    void emojiSpansTwoCells_data()
    {
        QTest::addColumn<qreal>("dpr");
        QTest::newRow("1") << 1.0;
        QTest::newRow("2") << 2.0;
    }

    void emojiSpansTwoCells()
    {
        QFETCH(qreal, dpr);
        if (!QFontDatabase::families().contains(u"Noto Color Emoji"_s))
            QSKIP("Noto Color Emoji is not installed");
        Terminal t(6, 1);
        t.feed(u8(u8"😀x"));
        QCOMPARE(t.cell(0, 0).width, quint8(2));
        const QImage img = render(t, dpr);
        const CellMetrics m(testFont(), dpr);
        const int dw = m.deviceWidth();
        const int dh = m.deviceHeight();
        // Colourful (yellow) pixels in both halves of the two cells, none beyond them.
        auto yellow = [&](int x0, int x1) {
            int n = 0;
            for (int y = 0; y < dh; ++y) {
                for (int x = x0; x < x1; ++x) {
                    const QRgb p = img.pixel(x, y);
                    n += qRed(p) > 180 && qGreen(p) > 120 && qBlue(p) < 110;
                }
            }
            return n;
        };
        const int left = yellow(0, dw);
        const int right = yellow(dw, 2 * dw);
        QVERIFY2(left > dw * dh / 8 && right > dw * dh / 8, qPrintable(u"%1 %2"_s.arg(left).arg(right)));
        QCOMPARE(yellow(2 * dw, 6 * dw), 0);
        // Not cut at the cell's top and bottom: the glyph fits inside.
        QCOMPARE(yellow(0, 2 * dw) > 0, true);
        const QRgb bg = ColorScheme::dark().background();
        QVERIFY(ink(img, QRect(2 * dw, 0, dw, dh), bg) > 0); // the 'x' after it is drawn
    }

    void attributes_data()
    {
        QTest::addColumn<QByteArray>("sgr");
        QTest::addColumn<QString>("check");
        QTest::newRow("underline") << QByteArray("4") << u"underline"_s;
        QTest::newRow("double underline") << QByteArray("21") << u"double"_s;
        QTest::newRow("curly underline") << QByteArray("4:3") << u"curly"_s;
        QTest::newRow("strike-through") << QByteArray("9") << u"strike"_s;
        QTest::newRow("reverse") << QByteArray("7") << u"reverse"_s;
        QTest::newRow("conceal") << QByteArray("8") << u"conceal"_s;
        QTest::newRow("blink off phase") << QByteArray("5") << u"blink-off"_s;
        QTest::newRow("blink on phase") << QByteArray("5") << u"blink-on"_s;
        QTest::newRow("bold") << QByteArray("1") << u"bold"_s;
        QTest::newRow("italic") << QByteArray("3") << u"italic"_s;
    }

    void attributes()
    {
        QFETCH(QByteArray, sgr);
        QFETCH(QString, check);
        Terminal t(4, 1);
        t.feed(QByteArray("\x1b[" + sgr + "mx\x1b[0mx"));
        TerminalPainter::Frame frame = noCursor();
        frame.blinkShown = check != u"blink-off";
        const QImage img = render(t, 1, frame);
        const CellMetrics m(testFont(), 1);
        const int dw = m.deviceWidth();
        const int dh = m.deviceHeight();
        const int th = m.underlineThickness();
        const QRgb fg = ColorScheme::dark().foreground();
        const QRgb bg = ColorScheme::dark().background();
        const QRect cell(0, 0, dw, dh);
        const QRect plain(dw, 0, dw, dh); // the same character without attributes
        auto row = [&](int y, QRgb c) {
            for (int x = 0; x < dw; ++x) {
                if (rgbAt(img, x, y) != c)
                    return false;
            }
            return true;
        };
        if (check == u"underline") {
            QVERIFY(row(m.underlineTop(), fg));
            QVERIFY(row(m.underlineTop() + th, bg));
        } else if (check == u"double") {
            QVERIFY(row(m.underlineTop(), fg));
            QVERIFY(row(m.underlineTop() + th, bg));
            QVERIFY(row(m.underlineTop() + 2 * th, fg));
        } else if (check == u"curly") {
            // Ink below the baseline that is not one straight line.
            const QRect below(0, m.deviceAscent() + 1, dw, dh - m.deviceAscent() - 1);
            QVERIFY(ink(img, below, bg) > 0);
            QVERIFY(!row(m.underlineTop(), fg) || !row(m.underlineTop() + 2 * th, bg));
        } else if (check == u"strike") {
            QVERIFY(row(m.strikeTop(), fg));
            QVERIFY(ink(img, cell, bg) > ink(img, plain, bg));
        } else if (check == u"reverse") {
            QCOMPARE(rgbAt(img, 0, 0), fg);
            QCOMPARE(rgbAt(img, dw - 1, dh - 1), fg);
            QCOMPARE(rgbAt(img, dw, 0), bg);
        } else if (check == u"conceal" || check == u"blink-off") {
            QCOMPARE(ink(img, cell, bg), 0);
            QVERIFY(ink(img, plain, bg) > 0);
        } else if (check == u"blink-on") {
            QCOMPARE(ink(img, cell, bg), ink(img, plain, bg));
        } else if (check == u"bold") {
            QVERIFY(ink(img, cell, bg) > ink(img, plain, bg) * 11 / 10);
        } else if (check == u"italic") {
            QVERIFY(ink(img, cell, bg) > 0);
            const QImage a = img.copy(cell);
            const QImage b = img.copy(plain);
            QVERIFY(a != b);
        }
    }

    void coloursThroughTheScheme_data()
    {
        QTest::addColumn<QByteArray>("sgr");
        QTest::addColumn<bool>("light");
        QTest::addColumn<uint>("expected");
        const ColorScheme dark = ColorScheme::dark();
        const ColorScheme light = ColorScheme::light();
        QTest::newRow("default") << QByteArray("0") << false << uint(dark.foreground());
        QTest::newRow("default, light") << QByteArray("0") << true << uint(light.foreground());
        QTest::newRow("red") << QByteArray("31") << false << uint(dark.paletteColor(1));
        QTest::newRow("red, light") << QByteArray("31") << true << uint(light.paletteColor(1));
        QTest::newRow("bright blue") << QByteArray("94") << false << uint(dark.paletteColor(12));
        QTest::newRow("256-colour cube") << QByteArray("38;5;196") << false << 0xff0000u;
        QTest::newRow("256-colour grey (libvterm's ramp)") << QByteArray("38;5;244") << false << 0x858585u;
        QTest::newRow("truecolor") << QByteArray("38;2;1;2;3") << false << 0x010203u;
        QTest::newRow("reverse default") << QByteArray("7") << false << uint(dark.background());
    }

    void coloursThroughTheScheme()
    {
        QFETCH(QByteArray, sgr);
        QFETCH(bool, light);
        QFETCH(uint, expected);
        Terminal t(2, 1); // no palette set on the Terminal: the painter resolves through the scheme
        t.feed(QByteArray("\x1b[" + sgr + "m" + u8(u8"█") + "\x1b[0;44m "));
        const ColorScheme scheme = light ? ColorScheme::light() : ColorScheme::dark();
        const QImage img = render(t, 1, noCursor(), scheme);
        const CellMetrics m(testFont(), 1);
        QCOMPARE(hex(rgbAt(img, m.deviceWidth() / 2, m.deviceHeight() / 2)), hex(expected));
        QCOMPARE(hex(rgbAt(img, m.deviceWidth() + 1, 1)), hex(scheme.paletteColor(4))); // SGR 44 background
    }

    void cursor_data()
    {
        QTest::addColumn<QByteArray>("shape");
        QTest::addColumn<bool>("focused");
        QTest::addColumn<bool>("shown");
        QTest::addColumn<QString>("expected"); // corner, centre, bottom-left, top-right: c(ursor) or b(ackground)
        QTest::newRow("block") << QByteArray("\x1b[2 q") << true << true << u"cccc"_s;
        QTest::newRow("block, unfocused: hollow") << QByteArray("\x1b[2 q") << false << true << u"cbcc"_s;
        QTest::newRow("underline") << QByteArray("\x1b[4 q") << true << true << u"bbcb"_s;
        QTest::newRow("bar") << QByteArray("\x1b[6 q") << true << true << u"cbcb"_s;
        QTest::newRow("blink off phase") << QByteArray("\x1b[1 q") << true << false << u"bbbb"_s;
        QTest::newRow("hidden (?25l)") << QByteArray("\x1b[?25l") << true << true << u"bbbb"_s;
    }

    void cursor()
    {
        QFETCH(QByteArray, shape);
        QFETCH(bool, focused);
        QFETCH(bool, shown);
        QFETCH(QString, expected);
        Terminal t(4, 2);
        t.feed(QByteArray(shape + "\x1b[2;2H"));
        TerminalPainter::Frame frame;
        frame.focused = focused;
        frame.cursorShown = shown;
        const QImage img = render(t, 1, frame);
        const CellMetrics m(testFont(), 1);
        const int x = m.deviceWidth();
        const int y = m.deviceHeight();
        const int w = m.deviceWidth();
        const int h = m.deviceHeight();
        const QRgb c = ColorScheme::dark().cursorColor();
        const QRgb b = ColorScheme::dark().background();
        const QRgb at[4] = {rgbAt(img, x, y), rgbAt(img, x + w / 2, y + h / 2), rgbAt(img, x, y + h - 1),
                            rgbAt(img, x + w - 1, y)};
        for (int i = 0; i < 4; ++i) {
            const QRgb want = expected.at(i) == u'c' ? c : b;
            QVERIFY2(at[i] == want, qPrintable(u"point %1: %2, expected %3"_s.arg(i).arg(hex(at[i]), hex(want))));
        }
        QCOMPARE(rgbAt(img, 0, 0), b); // other cells untouched
    }

    void blockCursorShowsTheCharacterInverted()
    {
        Terminal t(2, 1);
        t.feed(u8(u8"█\x1b[1;1H"));
        const QImage img = render(t, 1, TerminalPainter::Frame());
        const CellMetrics m(testFont(), 1);
        QCOMPARE(hex(rgbAt(img, m.deviceWidth() / 2, m.deviceHeight() / 2)), hex(ColorScheme::dark().background()));
    }

    void selectionIsHighlighted()
    {
        Terminal t(6, 2);
        t.feed("abcdef\r\nghij");
        TerminalSelection sel;
        sel.begin(t, 0, 2.0, TerminalSelection::Mode::Characters);
        sel.extend(t, 1, 1.0);
        QCOMPARE(sel.text(t), u"cdef\ng"_s);
        TerminalPainter::Frame frame = noCursor();
        frame.selection = &sel;
        const QImage img = render(t, 1, frame);
        const CellMetrics m(testFont(), 1);
        const ColorScheme s = ColorScheme::dark();
        QCOMPARE(hex(rgbAt(img, 1, 1)), hex(s.background()));                                    // a
        QCOMPARE(hex(rgbAt(img, 2 * m.deviceWidth() + 1, 1)), hex(s.selectionBackground()));     // c
        QCOMPARE(hex(rgbAt(img, 1, m.deviceHeight() + 1)), hex(s.selectionBackground()));        // g
        QCOMPARE(hex(rgbAt(img, m.deviceWidth() + 1, m.deviceHeight() + 1)), hex(s.background())); // h
    }

    void scrolledBackShowsScrollbackLines()
    {
        Terminal t(4, 2);
        t.feed(u8(u8"a\r\n█\r\n\r\nx"));
        QCOMPARE(t.scrollbackSize(), 2);
        TerminalPainter::Frame frame = noCursor();
        const CellMetrics m(testFont(), 1);
        const QRgb fg = ColorScheme::dark().foreground();
        QVERIFY(rgbAt(render(t, 1, frame), 2, 2) != fg);
        frame.scrollOffset = 1;
        QCOMPARE(rgbAt(render(t, 1, frame), 2, 2), fg); // the newest scrollback line at the top
        frame.scrollOffset = 2;
        QCOMPARE(rgbAt(render(t, 1, frame), 2, m.deviceHeight() + 2), fg);
        frame.scrollOffset = 99; // clamped to the scrollback
        QCOMPARE(rgbAt(render(t, 1, frame), 2, m.deviceHeight() + 2), fg);
    }

    void partialPaintAndBlinkReport()
    {
        Terminal t(10, 3);
        t.feed("\x1b[2;1H\x1b[5mblink");
        TerminalPainter painter(testFont(), 1);
        const CellMetrics &m = painter.metrics();
        QImage img(10 * m.deviceWidth(), 3 * m.deviceHeight(), QImage::Format_ARGB32_Premultiplied);
        img.fill(Qt::red);
        QPainter p(&img);
        // The first row only: no blinking text in it, and the rows below stay untouched.
        QVERIFY(!painter.paint(p, t, QRect(0, 0, img.width(), qCeil(m.height()) - 1), noCursor()));
        QCOMPARE(rgbAt(img, 0, 2 * m.deviceHeight() + 1), qRgb(255, 0, 0) & 0xffffff);
        QVERIFY(painter.paint(p, t, img.rect(), noCursor()));
        p.end();
        QCOMPARE(hex(rgbAt(img, 0, 2 * m.deviceHeight() + 1)), hex(ColorScheme::dark().background()));
    }

    // Glyphs and box drawing blended straight into a QImage (GlyphMasks) look as QPainter
    // draws them: the same screen painted with a clip (which turns the direct path off).
    void directBlendingMatchesQPainter_data()
    {
        QTest::addColumn<QByteArray>("output");
        QTest::addColumn<qreal>("dpr");
        QTest::addColumn<int>("imageFormat");
        const QByteArray ascii = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";
        const QByteArray styled = "plain \x1b[1mbold\x1b[0m \x1b[3mitalic fjy\x1b[0m \x1b[1;3mboth Wg\x1b[0m \x1b[4munder\x1b[0m "
                                  "\x1b[9mstrike\x1b[0m \x1b[7mreverse\x1b[0m \x1b[21mdouble\x1b[0m";
        const QByteArray colours = "\x1b[31mred\x1b[92mgreen\x1b[38;5;208m208\x1b[38;2;10;200;250mtrue"
                                   "\x1b[48;5;17mon blue\x1b[48;2;250;250;0;30myellow\x1b[0m";
        const QByteArray boxes = u8(u8"┌─┬─┐╭──╮ ▀▄█░▒▓ ╔═╗\r\n├─┼─┤│  │ ▌▐▖▗ ║ ║\r\n└─┴─┘╰──╯ ━┃┏┓ ╚═╝");
        const QByteArray wide = u8(u8"中文字 テスト 한국어 \x1b[1m太字\x1b[0m \x1b[34m😀🚀\x1b[0m ∑≠ e\u0301 ①②");
        // Italic at the last column and on the last row: overhang at the image's edge.
        const QByteArray edges = "\x1b[3m\x1b[1;40Hf\x1b[3;1Hj\x1b[3;40HW\x1b[0m";
        for (const qreal dpr : {1.0, 1.5, 2.0}) {
            const QByteArray d = QByteArray::number(dpr);
            QTest::addRow("ascii @%s", d.constData()) << ascii << dpr << int(QImage::Format_RGB32);
            QTest::addRow("styles @%s", d.constData()) << styled << dpr << int(QImage::Format_RGB32);
            QTest::addRow("colours @%s", d.constData()) << colours << dpr << int(QImage::Format_ARGB32_Premultiplied);
            QTest::addRow("box drawing @%s", d.constData()) << boxes << dpr << int(QImage::Format_RGB32);
            QTest::addRow("wide and fallback @%s", d.constData()) << wide << dpr << int(QImage::Format_RGB32);
            QTest::addRow("edges @%s", d.constData()) << edges << dpr << int(QImage::Format_ARGB32_Premultiplied);
        }
    }
    void directBlendingMatchesQPainter()
    {
        QFETCH(QByteArray, output);
        QFETCH(qreal, dpr);
        QFETCH(int, imageFormat);
        Terminal t(40, 3);
        t.feed(output);
        TerminalPainter painter(testFont(), dpr);
        const CellMetrics &m = painter.metrics();
        const auto paint = [&](bool clip) {
            QImage img(40 * m.deviceWidth(), 3 * m.deviceHeight(), QImage::Format(imageFormat));
            img.setDevicePixelRatio(dpr);
            img.fill(Qt::red);
            QPainter p(&img);
            if (clip)
                p.setClipRect(QRectF(0, 0, img.width() / dpr, img.height() / dpr));
            painter.paint(p, t, QRect(QPoint(0, 0), m.pixelSize(40, 3)), noCursor());
            return img;
        };
        const QImage direct = paint(false);
        QVERIFY2(painter.directCells() > 0, "the direct path was not taken");
        const QImage drawn = paint(true);
        QCOMPARE(painter.directCells(), 0);
        int worst = 0;
        QPoint where;
        for (int y = 0; y < direct.height(); ++y) {
            for (int x = 0; x < direct.width(); ++x) {
                const QRgb a = direct.pixel(x, y);
                const QRgb b = drawn.pixel(x, y);
                const int diff = qMax(qAbs(qRed(a) - qRed(b)), qMax(qAbs(qGreen(a) - qGreen(b)), qAbs(qBlue(a) - qBlue(b))));
                if (diff > worst) {
                    worst = diff;
                    where = QPoint(x, y);
                }
            }
        }
        // Rounding may differ by a step or two (QPainter blends the overlapping antialiased
        // strokes of a rounded corner one after the other, a mask once); a glyph out of place
        // is a hundred steps off.
        QVERIFY2(worst <= 2, qPrintable(u"%1 levels apart at %2,%3: %4 vs %5"_s.arg(worst).arg(where.x()).arg(where.y())
                                            .arg(hex(direct.pixel(where))).arg(hex(drawn.pixel(where)))));
    }

    void flashInvertsColours()
    {
        Terminal t(2, 1);
        TerminalPainter::Frame frame = noCursor();
        frame.flash = true;
        const QImage img = render(t, 1, frame);
        const QRgb bg = ColorScheme::dark().background();
        QCOMPARE(hex(rgbAt(img, 1, 1)), hex(qRgb(255 - qRed(bg), 255 - qGreen(bg), 255 - qBlue(bg)) & 0xffffff));
    }

    // Not a check: writes what the painter makes of a showcase screen (colours, ls, box
    // drawing, emoji, CJK, attributes) to $CASTDECK_SCREENSHOT_DIR, to look at.
    void showcase()
    {
        const QString dir = qEnvironmentVariable("CASTDECK_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("set CASTDECK_SCREENSHOT_DIR to write the showcase PNGs");
        Terminal t(80, 18);
        t.feed(u8(u8"\x1b[1;32muser@host\x1b[0m:\x1b[1;34m~/src\x1b[0m$ ls --color\r\n"
                  "\x1b[0m\x1b[01;34mbuild\x1b[0m  \x1b[01;32mconfigure\x1b[0m  \x1b[01;31marchive.tar.gz\x1b[0m  "
                  "\x1b[01;36mlink\x1b[0m  README.md  \x1b[30;42mshared\x1b[0m\r\n"
                  "┌──────┬──────┐ ╔════╦════╗ ╭────╮ ▁▂▃▄▅▆▇█ ░▒▓ e\u0301 a\u0308 n\u0303 x\u0332 y\u0302\r\n"
                  "│ cell │ 中文 │ ║ ok ║ é̂  ║ │ 😀 │ ▌▐▀▄ ▖▗▘▙▚▛▜▝▞▟\r\n"
                  "├──────┼──────┤ ╠════╬════╣ ╰────╯ ┏━━┳━━┓ ┄┅┆┇ ╱╲╳\r\n"
                  "└──────┴──────┘ ╚════╩════╝ 🚀🎉👍 ┗━━┻━━┛ ╌╍╎╏\r\n"
                  "\x1b[1mbold\x1b[0m \x1b[3mitalic\x1b[0m \x1b[1;3mboth\x1b[0m \x1b[4munder\x1b[0m "
                  "\x1b[21mdouble\x1b[0m \x1b[4:3mcurly\x1b[0m \x1b[9mstrike\x1b[0m \x1b[7mreverse\x1b[0m "
                  "\x1b[5mblink\x1b[0m [\x1b[8mhidden\x1b[0m]\r\n"));
        for (int i = 0; i < 16; ++i)
            t.feed(QByteArray("\x1b[48;5;" + QByteArray::number(i) + "m  "));
        t.feed("\x1b[0m ");
        for (int i = 0; i < 16; ++i)
            t.feed(QByteArray("\x1b[38;5;" + QByteArray::number(i) + "m#"));
        t.feed("\x1b[0m\r\n");
        for (int i = 0; i < 64; ++i)
            t.feed(QByteArray("\x1b[48;2;" + QByteArray::number(i * 4) + ";" + QByteArray::number(255 - i * 4) + ";128m "));
        t.feed(u8(u8"\x1b[0m\r\ngcc: \x1b[1;31merror:\x1b[0m ‘x’ undeclared → fix it; ≠ ≤ ∞ λ ß ñ Ω\r\n"
                  "\x1b[38;5;208m[\x1b[38;5;46m==========>\x1b[38;5;240m          \x1b[38;5;208m]\x1b[0m 52% "
                  "\x1b[48;5;236m tmux \x1b[0m\r\n$ \x1b[2 q"));
        QDir().mkpath(dir);
        for (qreal dpr : {1.0, 2.0}) {
            for (bool light : {false, true}) {
                TerminalPainter::Frame frame;
                const QImage img = TerminalPainter::render(t, light ? ColorScheme::light() : ColorScheme::dark(),
                                                           TerminalPainter::defaultFont(), dpr, frame);
                const QString path = dir + u"/castdeck-h1-showcase-%1-dpr%2.png"_s.arg(light ? u"light"_s : u"dark"_s).arg(dpr);
                QVERIFY(img.save(path));
                qInfo("%s", qPrintable(path));
                if (dpr == 1 && !light) {
                    // The box-drawing corner, 4x with nearest-neighbour pixels, to check joins.
                    const QImage zoom = img.copy(0, 0, img.width() / 2, img.height() / 2)
                                            .scaled(img.width() * 2, img.height() * 2, Qt::IgnoreAspectRatio, Qt::FastTransformation);
                    QVERIFY(zoom.save(dir + u"/castdeck-h1-showcase-zoom.png"_s));
                }
            }
        }
        qInfo("default font: %s", qPrintable(TerminalPainter::defaultFont().toString()));
    }
};

QTEST_MAIN(TestTerminalPainter)
#include "tst_terminalpainter.moc"
