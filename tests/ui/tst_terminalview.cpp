// TerminalView: keys -> exact bytes, selection and clipboard, paste, mouse reporting,
// scrollback, zoom, schemes, size in cells, repaint coalescing.
#include "ColorScheme.h"
#include "TerminalView.h"
#include "format/CastHeader.h"
#include "terminal/Terminal.h"

#include <QApplication>
#include <QClipboard>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
QByteArray u8(const char8_t *s)
{
    return QByteArray(reinterpret_cast<const char *>(s));
}

QByteArray joined(const QSignalSpy &spy)
{
    QByteArray out;
    for (const QList<QVariant> &args : spy)
        out += args.at(0).toByteArray();
    return out;
}

// Counts paint events of a widget.
class PaintCounter : public QObject
{
public:
    explicit PaintCounter(QWidget *w)
    {
        w->installEventFilter(this);
    }
    int count = 0;

protected:
    bool eventFilter(QObject *, QEvent *e) override
    {
        if (e->type() == QEvent::Paint)
            ++count;
        return false;
    }
};

struct Fixture {
    explicit Fixture(int cols = 80, int rows = 24)
        : terminal(cols, rows)
        , view(&terminal)
    {
    }
    // The centre of cell (col, row) in viewport coordinates; `fraction` moves it across.
    QPointF at(qreal col, int row) const
    {
        const CellMetrics &m = view.cellMetrics();
        return QPointF(col * m.width(), (row + 0.5) * m.height());
    }
    void mouse(QEvent::Type type, Qt::MouseButton button, QPointF pos, Qt::KeyboardModifiers mods = {},
               Qt::MouseButtons buttons = {})
    {
        if (type == QEvent::MouseButtonPress || type == QEvent::MouseButtonDblClick)
            buttons |= button;
        QMouseEvent e(type, pos, view.viewport()->mapToGlobal(pos), button, buttons, mods);
        QCoreApplication::sendEvent(view.viewport(), &e);
    }
    void press(QPointF pos, Qt::KeyboardModifiers mods = {}, Qt::MouseButton b = Qt::LeftButton)
    {
        mouse(QEvent::MouseButtonPress, b, pos, mods);
    }
    void move(QPointF pos, Qt::KeyboardModifiers mods = {}, Qt::MouseButtons buttons = Qt::LeftButton)
    {
        mouse(QEvent::MouseMove, Qt::NoButton, pos, mods, buttons);
    }
    void release(QPointF pos, Qt::KeyboardModifiers mods = {}, Qt::MouseButton b = Qt::LeftButton)
    {
        mouse(QEvent::MouseButtonRelease, b, pos, mods);
    }
    void doubleClick(QPointF pos)
    {
        press(pos);
        release(pos);
        mouse(QEvent::MouseButtonDblClick, Qt::LeftButton, pos);
        release(pos);
    }
    void wheel(QPointF pos, int delta, Qt::KeyboardModifiers mods = {})
    {
        QWheelEvent e(pos, view.viewport()->mapToGlobal(pos), QPoint(), QPoint(0, delta), Qt::NoButton, mods,
                      Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(view.viewport(), &e);
    }
    void key(int key, Qt::KeyboardModifiers mods = {}, const QString &text = {})
    {
        QKeyEvent e(QEvent::KeyPress, key, mods, text);
        QCoreApplication::sendEvent(&view, &e);
    }

    Terminal terminal;
    TerminalView view;
};
} // namespace

class TestTerminalView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keys_data()
    {
        QTest::addColumn<int>("key");
        QTest::addColumn<int>("modifiers");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("before"); // fed to the terminal first (modes)
        QTest::addColumn<QByteArray>("expected");

        const int none = Qt::NoModifier;
        const int shift = Qt::ShiftModifier;
        const int ctrl = Qt::ControlModifier;
        const int alt = Qt::AltModifier;
        const int kp = Qt::KeypadModifier;
        const QByteArray appCursor = "\x1b[?1h";
        const QByteArray appKeypad = "\x1b=";
        auto row = [](const char *name, int key, int mods, const QString &text, const QByteArray &expected,
                      const QByteArray &before = {}) {
            QTest::newRow(name) << key << mods << text << before << expected;
        };

        row("letter", Qt::Key_A, none, u"a"_s, QByteArray("a"));
        row("shifted letter", Qt::Key_A, shift, u"A"_s, QByteArray("A"));
        row("digit", Qt::Key_7, none, u"7"_s, QByteArray("7"));
        row("space", Qt::Key_Space, none, u" "_s, QByteArray(" "));
        row("shift space", Qt::Key_Space, shift, u" "_s, QByteArray(" "));
        row("utf8 latin", Qt::Key_Eacute, none, u"é"_s, u8(u8"é"));
        row("utf8 cjk", Qt::Key_unknown, none, u"中"_s, u8(u8"中"));
        row("utf8 emoji", Qt::Key_unknown, none, u"😀"_s, u8(u8"😀"));
        row("compose result", Qt::Key_unknown, none, u"ñ"_s, u8(u8"ñ"));
        row("enter", Qt::Key_Return, none, u"\r"_s, QByteArray("\r"));
        row("alt enter", Qt::Key_Return, alt, u"\r"_s, QByteArray("\x1b\r"));
        row("backspace", Qt::Key_Backspace, none, u"\x08"_s, QByteArray("\x7f"));
        row("ctrl backspace", Qt::Key_Backspace, ctrl, QString(), QByteArray("\x08"));
        row("alt backspace", Qt::Key_Backspace, alt, QString(), QByteArray("\x1b\x7f"));
        row("tab", Qt::Key_Tab, none, u"\t"_s, QByteArray("\t"));
        row("backtab", Qt::Key_Backtab, shift, QString(), QByteArray("\x1b[Z"));
        row("escape", Qt::Key_Escape, none, u"\x1b"_s, QByteArray("\x1b"));
        row("up", Qt::Key_Up, none, QString(), QByteArray("\x1b[A"));
        row("down", Qt::Key_Down, none, QString(), QByteArray("\x1b[B"));
        row("right", Qt::Key_Right, none, QString(), QByteArray("\x1b[C"));
        row("left", Qt::Key_Left, none, QString(), QByteArray("\x1b[D"));
        row("up app cursor", Qt::Key_Up, none, QString(), QByteArray("\x1bOA"), appCursor);
        row("down app cursor", Qt::Key_Down, none, QString(), QByteArray("\x1bOB"), appCursor);
        row("right app cursor", Qt::Key_Right, none, QString(), QByteArray("\x1bOC"), appCursor);
        row("left app cursor", Qt::Key_Left, none, QString(), QByteArray("\x1bOD"), appCursor);
        row("home", Qt::Key_Home, none, QString(), QByteArray("\x1b[H"));
        row("end", Qt::Key_End, none, QString(), QByteArray("\x1b[F"));
        row("home app cursor", Qt::Key_Home, none, QString(), QByteArray("\x1bOH"), appCursor);
        row("end app cursor", Qt::Key_End, none, QString(), QByteArray("\x1bOF"), appCursor);
        row("page up", Qt::Key_PageUp, none, QString(), QByteArray("\x1b[5~"));
        row("page down", Qt::Key_PageDown, none, QString(), QByteArray("\x1b[6~"));
        row("insert", Qt::Key_Insert, none, QString(), QByteArray("\x1b[2~"));
        row("delete", Qt::Key_Delete, none, QString(), QByteArray("\x1b[3~"));
        const char *const fkeys[] = {"\x1bOP", "\x1bOQ", "\x1bOR", "\x1bOS", "\x1b[15~", "\x1b[17~",
                                     "\x1b[18~", "\x1b[19~", "\x1b[20~", "\x1b[21~", "\x1b[23~", "\x1b[24~"};
        for (int i = 0; i < 12; ++i) {
            QTest::addRow("F%d", i + 1) << int(Qt::Key_F1 + i) << none << QString() << QByteArray()
                                        << QByteArray(fkeys[i]);
        }
        row("shift F5", Qt::Key_F5, shift, QString(), QByteArray("\x1b[15;2~"));
        row("ctrl F1", Qt::Key_F1, ctrl, QString(), QByteArray("\x1b[1;5P"));
        for (int i = 0; i < 26; ++i) {
            QTest::addRow("ctrl+%c", 'a' + i) << int(Qt::Key_A + i) << ctrl << QString(QChar(1 + i)) << QByteArray()
                                              << QByteArray(1, char(1 + i));
        }
        row("ctrl+shift+a (not a view shortcut)", Qt::Key_A, ctrl | shift, QString(), QByteArray("\x01"));
        row("ctrl+[", Qt::Key_BracketLeft, ctrl, QString(), QByteArray("\x1b"));
        row("ctrl+backslash", Qt::Key_Backslash, ctrl, QString(), QByteArray("\x1c"));
        row("ctrl+]", Qt::Key_BracketRight, ctrl, QString(), QByteArray("\x1d"));
        row("ctrl+^", Qt::Key_AsciiCircum, ctrl | shift, QString(), QByteArray("\x1e"));
        row("ctrl+_", Qt::Key_Underscore, ctrl | shift, QString(), QByteArray("\x1f"));
        row("ctrl+space", Qt::Key_Space, ctrl, QString(), QByteArray(1, '\0'));
        row("ctrl+@", Qt::Key_At, ctrl | shift, QString(), QByteArray(1, '\0'));
        row("ctrl+2", Qt::Key_2, ctrl, QString(), QByteArray(1, '\0'));
        row("ctrl+8", Qt::Key_8, ctrl, QString(), QByteArray("\x7f"));
        row("ctrl+comma (no control code)", Qt::Key_Comma, ctrl, u","_s, QByteArray(","));
        row("alt+x", Qt::Key_X, alt, u"x"_s, QByteArray("\x1bx"));
        row("alt+shift+x", Qt::Key_X, alt | shift, u"X"_s, QByteArray("\x1bX"));
        row("alt+.", Qt::Key_Period, alt, u"."_s, QByteArray("\x1b."));
        row("ctrl+alt+a", Qt::Key_A, ctrl | alt, QString(), QByteArray("\x1b\x01"));
        row("shift+up", Qt::Key_Up, shift, QString(), QByteArray("\x1b[1;2A"));
        row("alt+up", Qt::Key_Up, alt, QString(), QByteArray("\x1b[1;3A"));
        row("ctrl+up", Qt::Key_Up, ctrl, QString(), QByteArray("\x1b[1;5A"));
        row("ctrl+right", Qt::Key_Right, ctrl, QString(), QByteArray("\x1b[1;5C"));
        row("ctrl+shift+left", Qt::Key_Left, ctrl | shift, QString(), QByteArray("\x1b[1;6D"));
        row("ctrl+up app cursor", Qt::Key_Up, ctrl, QString(), QByteArray("\x1b[1;5A"), appCursor);
        row("shift+home", Qt::Key_Home, shift, QString(), QByteArray("\x1b[1;2H"));
        row("ctrl+delete", Qt::Key_Delete, ctrl, QString(), QByteArray("\x1b[3;5~"));
        row("keypad 5", Qt::Key_5, kp, u"5"_s, QByteArray("5"));
        row("keypad plus", Qt::Key_Plus, kp, u"+"_s, QByteArray("+"));
        row("keypad enter", Qt::Key_Enter, kp, u"\r"_s, QByteArray("\r"));
        row("keypad 0 app keypad", Qt::Key_0, kp, u"0"_s, QByteArray("\x1bOp"), appKeypad);
        row("keypad 5 app keypad", Qt::Key_5, kp, u"5"_s, QByteArray("\x1bOu"), appKeypad);
        row("keypad 9 app keypad", Qt::Key_9, kp, u"9"_s, QByteArray("\x1bOy"), appKeypad);
        row("keypad plus app keypad", Qt::Key_Plus, kp, u"+"_s, QByteArray("\x1bOk"), appKeypad);
        row("keypad minus app keypad", Qt::Key_Minus, kp, u"-"_s, QByteArray("\x1bOm"), appKeypad);
        row("keypad multiply app keypad", Qt::Key_Asterisk, kp, u"*"_s, QByteArray("\x1bOj"), appKeypad);
        row("keypad divide app keypad", Qt::Key_Slash, kp, u"/"_s, QByteArray("\x1bOo"), appKeypad);
        row("keypad period app keypad", Qt::Key_Period, kp, u"."_s, QByteArray("\x1bOn"), appKeypad);
        row("keypad enter app keypad", Qt::Key_Enter, kp, u"\r"_s, QByteArray("\x1bOM"), appKeypad);
        row("keypad up (numlock off)", Qt::Key_Up, kp, QString(), QByteArray("\x1b[A"));
        row("lone shift", Qt::Key_Shift, shift, QString(), QByteArray());
    }

    void keys()
    {
        QFETCH(int, key);
        QFETCH(int, modifiers);
        QFETCH(QString, text);
        QFETCH(QByteArray, before);
        QFETCH(QByteArray, expected);
        Fixture f;
        f.terminal.feed(before);
        QSignalSpy spy(&f.terminal, &Terminal::outputRequested);
        f.key(key, Qt::KeyboardModifiers(modifiers), text);
        QCOMPARE(joined(spy), expected);
    }

    void inputMethodCommit()
    {
        Fixture f;
        QSignalSpy spy(&f.terminal, &Terminal::outputRequested);
        QInputMethodEvent e(u"にほ"_s, {});
        QCoreApplication::sendEvent(&f.view, &e);
        QVERIFY(spy.isEmpty()); // pre-edit only
        QInputMethodEvent commit;
        commit.setCommitString(u"日本"_s);
        QCoreApplication::sendEvent(&f.view, &commit);
        QCOMPARE(joined(spy), u8(u8"日本"));
    }

    void readOnlySendsNothing()
    {
        Fixture f;
        f.terminal.feed("\x1b[?1000h\x1b[?1004h");
        f.view.setReadOnly(true);
        QSignalSpy spy(&f.terminal, &Terminal::outputRequested);
        f.key(Qt::Key_A, {}, u"a"_s);
        f.key(Qt::Key_Return, {}, u"\r"_s);
        f.press(f.at(2, 1));
        f.release(f.at(2, 1));
        QFocusEvent in(QEvent::FocusIn);
        QCoreApplication::sendEvent(&f.view, &in);
        QCOMPARE(joined(spy), QByteArray());
    }

    void tabStaysInTheTerminal()
    {
        QWidget window;
        auto *layout = new QVBoxLayout(&window);
        auto *edit = new QLineEdit(&window);
        Terminal terminal(80, 24);
        auto *view = new TerminalView(&terminal, &window);
        layout->addWidget(edit);
        layout->addWidget(view);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        view->setFocus();
        QTRY_VERIFY(view->hasFocus());
        QSignalSpy spy(&terminal, &Terminal::outputRequested);
        QTest::keyClick(view, Qt::Key_Tab);
        QTest::keyClick(view, Qt::Key_Backtab, Qt::ShiftModifier);
        QCOMPARE(joined(spy), QByteArray("\t\x1b[Z"));
        QVERIFY(view->hasFocus());
    }

    void shortcutOverride_data()
    {
        QTest::addColumn<int>("key");
        QTest::addColumn<int>("modifiers");
        QTest::addColumn<bool>("claimed");
        QTest::newRow("ctrl+q (XON, not Quit)") << int(Qt::Key_Q) << int(Qt::ControlModifier) << true;
        QTest::newRow("ctrl+w (delete word)") << int(Qt::Key_W) << int(Qt::ControlModifier) << true;
        QTest::newRow("alt+f (forward word)") << int(Qt::Key_F) << int(Qt::AltModifier) << true;
        QTest::newRow("plain key") << int(Qt::Key_X) << int(Qt::NoModifier) << true;
        const int ctrlShift = Qt::ControlModifier | Qt::ShiftModifier;
        QTest::newRow("ctrl+shift+c (view copy)") << int(Qt::Key_C) << ctrlShift << true;
        QTest::newRow("ctrl+shift+t (window)") << int(Qt::Key_T) << ctrlShift << false;
        QTest::newRow("ctrl+page down (tabs)") << int(Qt::Key_PageDown) << int(Qt::ControlModifier) << false;
        QTest::newRow("ctrl+tab (tabs)") << int(Qt::Key_Tab) << int(Qt::ControlModifier) << false;
    }

    void shortcutOverride()
    {
        QFETCH(int, key);
        QFETCH(int, modifiers);
        QFETCH(bool, claimed);
        Fixture f;
        QKeyEvent e(QEvent::ShortcutOverride, key, Qt::KeyboardModifiers(modifiers));
        e.ignore();
        QCoreApplication::sendEvent(&f.view, &e);
        QCOMPARE(e.isAccepted(), claimed);
    }

    void selectWordAndLine()
    {
        Fixture f;
        f.terminal.feed("$ cat /etc/hosts.txt  now\r\nnext line");
        f.doubleClick(f.at(9.5, 0)); // inside "/etc/hosts.txt"
        QCOMPARE(f.view.selectedText(), u"/etc/hosts.txt"_s);
        f.press(f.at(9.5, 0)); // third click: the line
        f.release(f.at(9.5, 0));
        QCOMPARE(f.view.selectedText(), u"$ cat /etc/hosts.txt  now"_s);
        f.doubleClick(f.at(21.5, 0)); // the blanks between words
        QCOMPARE(f.view.selectedText(), QString()); // blanks, trimmed
        QVERIFY(f.view.hasSelection());
    }

    void dragSelectsWholeWideCharacters_data()
    {
        QTest::addColumn<qreal>("from");
        QTest::addColumn<qreal>("to");
        QTest::addColumn<QString>("expected");
        // "ab中文cd": 中 in cells 2-3, 文 in 4-5.
        QTest::newRow("into the middle of a wide character") << 1.0 << 3.0 << u"b中"_s;
        QTest::newRow("from the middle of a wide character") << 5.0 << 7.0 << u"文c"_s;
        QTest::newRow("backwards") << 7.0 << 1.2 << u"b中文c"_s;
        QTest::newRow("nearest boundary") << 0.4 << 1.6 << u"ab"_s;
        QTest::newRow("within one cell, left half") << 0.1 << 0.4 << QString();
    }

    void dragSelectsWholeWideCharacters()
    {
        QFETCH(qreal, from);
        QFETCH(qreal, to);
        QFETCH(QString, expected);
        Fixture f;
        f.terminal.feed(u8(u8"ab中文cd"));
        f.press(f.at(from, 0));
        f.move(f.at(to, 0));
        f.release(f.at(to, 0));
        QCOMPARE(f.view.selectedText(), expected);
    }

    void selectionAcrossScrollbackAndSoftWraps()
    {
        Fixture f(20, 5);
        for (int i = 0; i < 10; ++i)
            f.terminal.feed(QByteArray("line " + QByteArray::number(i) + "\r\n"));
        f.terminal.feed("0123456789012345678901234"); // wraps at 20
        // Screen: line 7, line 8, line 9, 01234567890123456789, 01234 (continued).
        QCOMPARE(f.terminal.scrollbackSize(), 7);
        f.view.setScrollOffset(2); // top row: "line 5"
        f.press(f.at(0, 0));
        f.move(f.at(20, 4)); // bottom row in view: "line 9"
        f.release(f.at(20, 4));
        QCOMPARE(f.view.selectedText(), u"line 5\nline 6\nline 7\nline 8\nline 9"_s);

        f.view.scrollToBottom();
        f.press(f.at(15, 3));
        f.move(f.at(5, 4));
        f.release(f.at(5, 4));
        QCOMPARE(f.view.selectedText(), u"5678901234"_s); // no line break at the soft wrap

        // The same once both halves have scrolled into the scrollback.
        f.terminal.feed("\r\na\r\nb\r\nc\r\nd\r\ne");
        QCOMPARE(f.terminal.scrollbackSize(), 12);
        f.view.setScrollOffset(2); // top row: "01234567890123456789", then "01234"
        f.press(f.at(15, 0));
        f.move(f.at(5, 1));
        f.release(f.at(5, 1));
        QCOMPARE(f.view.selectedText(), u"5678901234"_s);
    }

    void shiftDragSelectsWhileTheApplicationHasTheMouse()
    {
        Fixture f;
        f.terminal.feed("hello world\x1b[?1000h\x1b[?1006h");
        QSignalSpy spy(&f.terminal, &Terminal::outputRequested);
        f.press(f.at(0, 0), Qt::ShiftModifier);
        f.move(f.at(5, 0), Qt::ShiftModifier);
        f.release(f.at(5, 0), Qt::ShiftModifier);
        QCOMPARE(joined(spy), QByteArray());
        QCOMPARE(f.view.selectedText(), u"hello"_s);
    }

    void copyAndPaste_data()
    {
        QTest::addColumn<QByteArray>("modes");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("plain") << QByteArray() << QByteArray("echo hi\rls");
        QTest::newRow("bracketed") << QByteArray("\x1b[?2004h") << QByteArray("\x1b[200~echo hi\rls\x1b[201~");
    }

    void copyAndPaste()
    {
        QFETCH(QByteArray, modes);
        QFETCH(QByteArray, expected);
        Fixture f;
        f.terminal.feed(QByteArray("echo hi\r\nls" + modes));
        f.press(f.at(0, 0));
        f.move(f.at(2, 1));
        f.release(f.at(2, 1));
        QCOMPARE(f.view.selectedText(), u"echo hi\nls"_s);
        QGuiApplication::clipboard()->clear();
        f.key(Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(), u"echo hi\nls"_s);

        QSignalSpy spy(&f.terminal, &Terminal::outputRequested);
        f.key(Qt::Key_V, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(joined(spy), expected);
    }

    void middleClickPastesThePrimarySelection()
    {
        Fixture f;
        f.terminal.feed("primary text");
        f.doubleClick(f.at(1, 0));
        QCOMPARE(f.view.selectedText(), u"primary"_s);
        QClipboard *clipboard = QGuiApplication::clipboard();
        if (clipboard->supportsSelection())
            QCOMPARE(clipboard->text(QClipboard::Selection), u"primary"_s);
        QSignalSpy spy(&f.terminal, &Terminal::outputRequested);
        f.press(f.at(20, 2), {}, Qt::MiddleButton);
        f.release(f.at(20, 2), {}, Qt::MiddleButton);
        QCOMPARE(joined(spy), QByteArray("primary"));
        spy.clear();
        f.key(Qt::Key_Insert, Qt::ShiftModifier);
        QCOMPARE(joined(spy), QByteArray("primary"));
    }

    void mouseReporting_data()
    {
        QTest::addColumn<QByteArray>("modes");
        QTest::addColumn<QString>("action");
        QTest::addColumn<QByteArray>("expected");
        const QByteArray sgr = "\x1b[?1000h\x1b[?1006h";
        // Cell (4, 2) is column 5, row 3 in the reports (1-based).
        QTest::newRow("sgr left press and release") << sgr << u"click"_s << QByteArray("\x1b[<0;5;3M\x1b[<0;5;3m");
        QTest::newRow("sgr right click") << sgr << u"right"_s << QByteArray("\x1b[<2;5;3M\x1b[<2;5;3m");
        QTest::newRow("sgr ctrl click") << sgr << u"ctrl-click"_s << QByteArray("\x1b[<16;5;3M\x1b[<16;5;3m");
        QTest::newRow("sgr wheel up") << sgr << u"wheel-up"_s << QByteArray("\x1b[<64;5;3M");
        QTest::newRow("sgr wheel down") << sgr << u"wheel-down"_s << QByteArray("\x1b[<65;5;3M");
        QTest::newRow("x10 click") << QByteArray("\x1b[?1000h") << u"click"_s << QByteArray("\x1b[M %#\x1b[M#%#");
        QTest::newRow("sgr drag, ?1002") << QByteArray("\x1b[?1002h\x1b[?1006h") << u"drag"_s
                                         << QByteArray("\x1b[<0;5;3M\x1b[<32;6;3M\x1b[<0;6;3m");
        QTest::newRow("click mode reports no motion") << sgr << u"drag"_s << QByteArray("\x1b[<0;5;3M\x1b[<0;6;3m");
        QTest::newRow("?1003 reports motion without buttons") << QByteArray("\x1b[?1003h\x1b[?1006h") << u"hover"_s
                                                               << QByteArray("\x1b[<35;6;3M");
        QTest::newRow("no mouse mode: nothing") << QByteArray() << u"click"_s << QByteArray();
    }

    void mouseReporting()
    {
        QFETCH(QByteArray, modes);
        QFETCH(QString, action);
        QFETCH(QByteArray, expected);
        Fixture f;
        f.terminal.feed(modes);
        QSignalSpy spy(&f.terminal, &Terminal::outputRequested);
        const QPointF cell = f.at(4.5, 2);
        const QPointF next = f.at(5.5, 2);
        if (action == u"click") {
            f.press(cell);
            f.release(cell);
        } else if (action == u"right") {
            f.press(cell, {}, Qt::RightButton);
            f.release(cell, {}, Qt::RightButton);
        } else if (action == u"ctrl-click") {
            f.press(cell, Qt::ControlModifier);
            f.release(cell, Qt::ControlModifier);
        } else if (action == u"wheel-up") {
            f.wheel(cell, 120);
        } else if (action == u"wheel-down") {
            f.wheel(cell, -120);
        } else if (action == u"drag") {
            f.press(cell);
            f.move(next);
            f.release(next);
        } else if (action == u"hover") {
            f.move(next, {}, Qt::NoButton);
        }
        QCOMPARE(joined(spy), expected);
        QVERIFY(!f.view.hasSelection());
    }

    void wheelScrollsTheScrollback()
    {
        Fixture f(80, 24);
        for (int i = 0; i < 100; ++i)
            f.terminal.feed(QByteArray("line " + QByteArray::number(i) + "\r\n"));
        QCOMPARE(f.terminal.scrollbackSize(), 77);
        QTRY_COMPARE(f.view.verticalScrollBar()->maximum(), 77); // at the next frame
        const int step = QApplication::wheelScrollLines();
        f.wheel(f.at(1, 1), 120);
        QCOMPARE(f.view.scrollOffset(), step);
        QCOMPARE(f.view.verticalScrollBar()->value(), 77 - step);
        f.wheel(f.at(1, 1), 60); // half a notch: nothing yet
        QCOMPARE(f.view.scrollOffset(), step);
        f.wheel(f.at(1, 1), 60);
        QCOMPARE(f.view.scrollOffset(), 2 * step);
        f.wheel(f.at(1, 1), -120 * 10);
        QCOMPARE(f.view.scrollOffset(), 0);
        f.wheel(f.at(1, 1), 120 * 100);
        QCOMPARE(f.view.scrollOffset(), 77); // at most the whole scrollback

        // Output while scrolled back keeps the same lines in view.
        f.view.setScrollOffset(10);
        f.terminal.feed("more\r\n");
        QCOMPARE(f.view.scrollOffset(), 11);
        // Typing goes back to the bottom.
        f.key(Qt::Key_A, {}, u"a"_s);
        QCOMPARE(f.view.scrollOffset(), 0);

        // The scroll bar moves the view too.
        f.view.verticalScrollBar()->setValue(f.view.verticalScrollBar()->maximum() - 5);
        QCOMPARE(f.view.scrollOffset(), 5);
    }

    void shiftPageKeysScroll()
    {
        Fixture f(80, 10);
        for (int i = 0; i < 50; ++i)
            f.terminal.feed("line\r\n");
        QSignalSpy spy(&f.terminal, &Terminal::outputRequested);
        f.key(Qt::Key_PageUp, Qt::ShiftModifier);
        QCOMPARE(f.view.scrollOffset(), 10);
        f.key(Qt::Key_PageUp, Qt::ShiftModifier);
        QCOMPARE(f.view.scrollOffset(), 20);
        f.key(Qt::Key_PageDown, Qt::ShiftModifier);
        QCOMPARE(f.view.scrollOffset(), 10);
        QCOMPARE(joined(spy), QByteArray()); // shortcuts, not keys for the application
    }

    void wheelOnTheAlternateScreenSendsArrows()
    {
        Fixture f;
        for (int i = 0; i < 50; ++i)
            f.terminal.feed("line\r\n");
        f.terminal.feed("\x1b[?1049h");
        QCOMPARE(f.view.verticalScrollBar()->maximum(), 0);
        QSignalSpy spy(&f.terminal, &Terminal::outputRequested);
        f.wheel(f.at(1, 1), 120);
        QCOMPARE(joined(spy), QByteArray("\x1b[A").repeated(QApplication::wheelScrollLines()));
        spy.clear();
        f.wheel(f.at(1, 1), -120);
        QCOMPARE(joined(spy), QByteArray("\x1b[B").repeated(QApplication::wheelScrollLines()));
        QCOMPARE(f.view.scrollOffset(), 0);
        f.terminal.feed("\x1b[?1049l");
        QTRY_COMPARE(f.view.verticalScrollBar()->maximum(), f.terminal.scrollbackSize());
    }

    void focusReports()
    {
        Fixture f;
        f.terminal.feed("\x1b[?1004h");
        QSignalSpy spy(&f.terminal, &Terminal::outputRequested);
        QFocusEvent in(QEvent::FocusIn);
        QCoreApplication::sendEvent(&f.view, &in);
        QFocusEvent out(QEvent::FocusOut);
        QCoreApplication::sendEvent(&f.view, &out);
        QCOMPARE(joined(spy), QByteArray("\x1b[I\x1b[O"));
    }

    void zoomChangesTheCellSize()
    {
        Fixture f;
        QFont font = f.view.terminalFont();
        font.setPointSize(12);
        f.view.setTerminalFont(font);
        f.view.resize(800, 600);
        f.view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&f.view));
        QSignalSpy sizes(&f.view, &TerminalView::terminalSizeChanged);
        const QSizeF base(f.view.cellMetrics().width(), f.view.cellMetrics().height());

        f.key(Qt::Key_Equal, Qt::ControlModifier);
        QCOMPARE(f.view.terminalFont().pointSize(), 13);
        QVERIFY(f.view.cellMetrics().height() > base.height());
        QVERIFY(f.view.cellMetrics().width() >= base.width());
        f.key(Qt::Key_Plus, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(f.view.terminalFont().pointSize(), 14);
        QVERIFY(!sizes.isEmpty()); // fewer cells fit now
        QCOMPARE(sizes.last().at(1).toInt(), f.view.gridSize().height());

        f.key(Qt::Key_0, Qt::ControlModifier);
        QCOMPARE(f.view.terminalFont().pointSize(), 12);
        QCOMPARE(QSizeF(f.view.cellMetrics().width(), f.view.cellMetrics().height()), base);
        f.key(Qt::Key_Minus, Qt::ControlModifier);
        QCOMPARE(f.view.terminalFont().pointSize(), 11);
        QVERIFY(f.view.cellMetrics().height() < base.height());
        for (int i = 0; i < 20; ++i)
            f.view.zoomOut();
        QCOMPARE(f.view.terminalFont().pointSize(), 4); // the smallest
    }

    void sizeInCells()
    {
        Terminal terminal(80, 24);
        TerminalView view(&terminal);
        QSignalSpy spy(&view, &TerminalView::terminalSizeChanged);
        view.resize(view.sizeHintForTerminal(100, 30));
        QVERIFY(spy.isEmpty()); // not before it is shown
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.last(), (QList<QVariant>{100, 30}));
        QCOMPARE(view.gridSize(), QSize(100, 30));
        view.resize(view.sizeHintForTerminal(100, 30) + QSize(1, 1)); // less than a cell more
        QCOMPARE(spy.size(), 1);
        view.resize(view.sizeHintForTerminal(81, 25));
        QCOMPARE(spy.size(), 2);
        QCOMPARE(spy.last(), (QList<QVariant>{81, 25}));
        QCOMPARE(view.sizeHint(), view.sizeHintForTerminal(80, 24));
    }

    void schemeSetsTheTerminalColours()
    {
        Fixture f;
        const ColorScheme light = ColorScheme::light();
        f.view.setColorScheme(light);
        QCOMPARE(f.view.colorScheme(), light);
        f.terminal.feed("\x1b[31mR\x1b[0mD\x1b[94mB");
        QCOMPARE(f.terminal.cell(0, 0).fg.rgb, light.paletteColor(1));
        QCOMPARE(f.terminal.cell(0, 1).fg.rgb, light.foreground());
        QCOMPARE(f.terminal.cell(0, 1).bg.rgb, light.background());
        QCOMPARE(f.terminal.cell(0, 2).fg.rgb, light.paletteColor(12));

        CastTheme theme;
        theme.fg = u"#102030"_s;
        theme.bg = u"#fefdfc"_s;
        for (int i = 0; i < 8; ++i)
            theme.palette << u"#0000%1"_s.arg(i + 1, 2, 10, QLatin1Char('0'));
        const ColorScheme cast = ColorScheme::fromTheme(theme, ColorScheme::dark());
        f.view.setColorScheme(cast);
        QCOMPARE(f.terminal.cell(0, 0).fg.rgb, 0x000002u);
        QCOMPARE(f.terminal.cell(0, 2).fg.rgb, 0x000005u); // bright blue repeats blue (8-colour theme)
        QCOMPARE(f.terminal.cell(0, 1).bg.rgb, 0xfefdfcu);
    }

    void schemeFromTheme_data()
    {
        QTest::addColumn<QString>("fg");
        QTest::addColumn<QString>("bg");
        QTest::addColumn<int>("paletteSize");
        QTest::addColumn<bool>("valid");
        QTest::newRow("16 colours") << u"#ffffff"_s << u"#000000"_s << 16 << true;
        QTest::newRow("8 colours") << u"#ffffff"_s << u"#000000"_s << 8 << true;
        QTest::newRow("upper-case hex") << u"#ABCDEF"_s << u"#000000"_s << 8 << true;
        QTest::newRow("missing fg") << QString() << u"#000000"_s << 16 << false;
        QTest::newRow("short hex") << u"#fff"_s << u"#000000"_s << 16 << false;
        QTest::newRow("not hex") << u"#gggggg"_s << u"#000000"_s << 16 << false;
        QTest::newRow("sign in hex") << u"#+12345"_s << u"#000000"_s << 16 << false;
        QTest::newRow("9 colours") << u"#ffffff"_s << u"#000000"_s << 9 << false;
    }

    void schemeFromTheme()
    {
        QFETCH(QString, fg);
        QFETCH(QString, bg);
        QFETCH(int, paletteSize);
        QFETCH(bool, valid);
        CastTheme theme{fg, bg, {}};
        for (int i = 0; i < paletteSize; ++i)
            theme.palette << u"#%1%1%1"_s.arg(i * 10, 2, 16, QLatin1Char('0'));
        const ColorScheme fallback = ColorScheme::light();
        const ColorScheme s = ColorScheme::fromTheme(theme, fallback);
        QCOMPARE(s == fallback, !valid);
        QCOMPARE(s.palette().size(), ColorScheme::kPaletteSize);
        if (valid) {
            QCOMPARE(s.foreground(), fg.mid(1).toUInt(nullptr, 16));
            QCOMPARE(s.paletteColor(paletteSize == 8 ? 9 : 1), 0x0a0a0au);
            QCOMPARE(s.cursorColor(), fallback.cursorColor());
        }
    }

    void repaintsAreCoalesced()
    {
        Fixture f(120, 40);
        f.terminal.feed("\x1b[?25l"); // no cursor, so no cursor blink repaints
        f.view.resize(f.view.sizeHintForTerminal(120, 40));
        f.view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&f.view));
        QTest::qWait(50);
        PaintCounter paints(f.view.viewport());

        // A burst inside one event-loop pass: one repaint.
        for (int i = 0; i < 2000; ++i)
            f.terminal.feed(QByteArray("burst " + QByteArray::number(i) + " \x1b[3" + QByteArray::number(i % 8)
                                       + "mcolour\x1b[0m\r\n"));
        QTRY_VERIFY(paints.count >= 1);
        QTest::qWait(3 * TerminalView::kFrameMs);
        QCOMPARE(paints.count, 1);

        // A stream with the event loop running in between: about one repaint per frame.
        paints.count = 0;
        QElapsedTimer timer;
        timer.start();
        int feeds = 0;
        while (timer.elapsed() < 400) {
            f.terminal.feed(QByteArray("stream " + QByteArray::number(feeds++) + "\r\n"));
            QCoreApplication::processEvents();
        }
        const qint64 elapsed = timer.elapsed();
        QTest::qWait(3 * TerminalView::kFrameMs);
        qInfo("%d feeds, %d paints in %lld ms", feeds, paints.count, elapsed);
        QVERIFY(feeds > 10 * paints.count);
        QVERIFY2(paints.count <= elapsed / TerminalView::kFrameMs + 2, qPrintable(QString::number(paints.count)));
        QVERIFY(paints.count >= 2);
    }

    void damageRepaintsOnlyTheChangedCells()
    {
        Fixture f(80, 24);
        f.terminal.feed("\x1b[?12l\x1b[10;5H"); // steady cursor on row 10, column 5
        f.view.resize(f.view.sizeHintForTerminal(80, 24));
        f.view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&f.view));
        QTest::qWait(50);
        struct Grab : QObject {
            QRect painted;
            bool eventFilter(QObject *, QEvent *e) override
            {
                if (e->type() == QEvent::Paint)
                    painted |= static_cast<QPaintEvent *>(e)->rect();
                return false;
            }
        } grab;
        f.view.viewport()->installEventFilter(&grab);
        f.terminal.feed("x");
        QTRY_VERIFY(!grab.painted.isNull());
        const CellMetrics &m = f.view.cellMetrics();
        QVERIFY2(grab.painted.height() <= qCeil(m.height()) + 1, qPrintable(u"%1"_s.arg(grab.painted.height())));
        QVERIFY(grab.painted.width() < f.view.viewport()->width() / 4);
        QVERIFY(grab.painted.contains(QPoint(int(4.5 * m.width()), int(9.5 * m.height()))));
    }

    void setTerminalSwapsTheModel()
    {
        Fixture f;
        f.terminal.feed("old text");
        f.doubleClick(f.at(1, 0));
        QVERIFY(f.view.hasSelection());
        Terminal other(80, 24);
        other.feed("new");
        f.view.setTerminal(&other);
        QCOMPARE(f.view.terminal(), &other);
        QVERIFY(!f.view.hasSelection());
        QCOMPARE(other.cell(0, 0).bg.rgb, ColorScheme::dark().background()); // the scheme went along
        QSignalSpy oldOut(&f.terminal, &Terminal::outputRequested);
        QSignalSpy newOut(&other, &Terminal::outputRequested);
        f.key(Qt::Key_A, {}, u"a"_s);
        QCOMPARE(joined(newOut), QByteArray("a"));
        QVERIFY(oldOut.isEmpty());
        f.doubleClick(f.at(1, 0));
        QCOMPARE(f.view.selectedText(), u"new"_s);
        f.view.setTerminal(nullptr);
        QCOMPARE(f.view.selectedText(), QString());
        f.key(Qt::Key_A, {}, u"a"_s); // nothing to send to, no crash
    }

    void bellFlashes()
    {
        Fixture f(40, 10);
        f.terminal.feed("\x1b[?25l");
        f.view.resize(f.view.sizeHintForTerminal(40, 10));
        f.view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&f.view));
        QTest::qWait(50);
        PaintCounter paints(f.view.viewport());
        f.terminal.feed("\a");
        QTRY_VERIFY(paints.count >= 1);          // inverted
        QTRY_VERIFY(paints.count >= 2);          // and back
    }
};

QTEST_MAIN(TestTerminalView)
#include "tst_terminalview.moc"
