// TerminalView: the widget that shows a Terminal and types into it: painting (through
// TerminalPainter), keyboard and input methods (KeyInput), mouse selection and the clipboard,
// mouse reporting to applications, the scrollback scroll bar, focus, cursor blink, visual bell.
//
// Data flow: Terminal::damaged -> TerminalView (collects the damage, repaints at most once per
// frame) -> TerminalPainter -> screen; keys, mouse, paste -> Terminal::send*() ->
// Terminal::outputRequested -> the owner writes it to the pty. The view does not own the
// Terminal and does not resize it: a new size in cells is announced with
// terminalSizeChanged(), the owner resizes the pty and calls Terminal::resize(). GUI thread.
//
// The view is the one consumer of the Terminal's damage (it calls takeDamage()).
// Shortcuts it handles itself, before the terminal sees the key: Ctrl+Shift+C copy,
// Ctrl+Shift+V and Shift+Insert paste (Shift+Insert: the X11 primary selection),
// Shift+PgUp/PgDn scroll a page, Ctrl+= / Ctrl++, Ctrl+-, Ctrl+0 zoom. It claims (through
// ShortcutOverride) the keys that type into the terminal, Ctrl+letter and Alt+letter
// included, so window shortcuts such as Ctrl+Q or Alt+F do not steal them; Ctrl+Shift+key,
// Ctrl+Tab, Ctrl+PgUp/PgDn and F-keys with Ctrl or Alt are left to the window.
//
// Scale to fit (setFitToTerminal(), for a player, whose terminal has the recording's size):
// the cells are painted with a smaller font when the terminal's cols x rows do not fit in the
// viewport, so that all of it is visible. A live terminal leaves it off and resizes its
// terminal to the view instead (terminalSizeChanged()).
#pragma once

#include "ColorScheme.h"
#include "TerminalPainter.h"
#include "TerminalSelection.h"
#include "terminal/Terminal.h"

#include <QAbstractScrollArea>
#include <QClipboard>
#include <QElapsedTimer>
#include <QImage>
#include <QPointer>
#include <QTimer>

class TerminalView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    // Most repaints per second while output streams in (one per ~16 ms frame).
    static constexpr int kFrameMs = 16;
    static constexpr int kBlinkMs = 500;
    static constexpr int kFlashMs = 120;

    explicit TerminalView(Terminal *terminal, QWidget *parent = nullptr); // does not own it
    ~TerminalView() override;

    Terminal *terminal() const { return m_terminal; }
    // Shows another terminal (a player replaces its model on some seeks). Does not own it.
    // The selection and the scroll position go, the colour scheme is applied to it, and
    // everything is repainted. Null shows an empty background.
    void setTerminal(Terminal *terminal);

    // Also sets the Terminal's palette and default colours.
    void setColorScheme(const ColorScheme &scheme);
    ColorScheme colorScheme() const { return m_painter.colorScheme(); }

    // The font at zoom 0 (default: the system fixed font); terminalFont() is with the zoom.
    void setTerminalFont(const QFont &font);
    QFont terminalFont() const { return m_font; }
    void zoomIn();
    void zoomOut();
    void resetZoom();
    int zoomStep() const { return m_zoomStep; } // points added to the font's size

    // The cells as painted (smaller than terminalFont()'s when scaled to fit).
    const CellMetrics &cellMetrics() const { return m_painter.metrics(); }
    // Scale to fit: while the view is shown, the font shrinks (down to kMinFitPointSize,
    // never above terminalFont()) until the terminal's cols x rows fit in the viewport; it
    // follows the view's size and the terminal's (resizes, another terminal). Off (the
    // default): cells at terminalFont(), what does not fit is clipped.
    static constexpr qreal kMinFitPointSize = 3;
    void setFitToTerminal(bool fit);
    bool fitsToTerminal() const { return m_fit; }
    // The font the cells are painted with: terminalFont(), or smaller when scaled to fit.
    QFont paintFont() const { return m_painter.font(); }
    // The widget size that shows cols x rows cells at terminalFont() (scroll bar included).
    QSize sizeHintForTerminal(int cols, int rows) const;
    QSize sizeHint() const override;
    // Columns and rows the view has room for now.
    QSize gridSize() const;

    // Read-only (a player): no keyboard, mouse, paste or focus reports reach the terminal;
    // selecting, copying, scrolling and zooming still work.
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }

    bool hasSelection() const { return !m_selection.isEmpty(); }
    QString selectedText() const;
    void clearSelection();
    const TerminalSelection &selection() const { return m_selection; }
    void copyToClipboard();
    void pasteFromClipboard();
    // The X11 primary selection (middle click, Shift+Insert); on platforms without one, the
    // last selection made in any TerminalView of this process.
    void pasteSelection();

    // Lines scrolled back into the scrollback (0: the screen is shown).
    int scrollOffset() const { return m_scrollOffset; }
    void setScrollOffset(int lines);
    void scrollToBottom() { setScrollOffset(0); }

Q_SIGNALS:
    // The widget got a new size in cells: the owner resizes the pty and calls terminal->resize().
    void terminalSizeChanged(int cols, int rows);
    // The zoom or the font changed (terminalFont() is the new font).
    void terminalFontChanged();
    void copyAvailable(bool available);

protected:
    bool event(QEvent *event) override;
    bool focusNextPrevChild(bool next) override;
    void keyPressEvent(QKeyEvent *event) override;
    void inputMethodEvent(QInputMethodEvent *event) override;
    QVariant inputMethodQuery(Qt::InputMethodQuery query) const override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    void attachTerminal();
    void onDamaged();
    void onScrollbackChanged();
    void onAltScreenChanged();
    void onBell();
    void onBlinkTimer();
    void scheduleRepaint();
    void repaintDamage();
    void applyFont();
    void updateMetrics();
    QFont fittedFont() const;
    void updateFit();
    void updateGridSize();
    void updateScrollBar();
    void updateBlinkTimer();
    void updateCursorCell();
    void restartCursorBlink();
    void setSelectionFinished();
    void pasteFrom(QClipboard::Mode mode);
    bool handleShortcut(const QKeyEvent &event);
    bool isShortcut(const QKeyEvent &event) const;
    bool claimsKey(const QKeyEvent &event) const;
    bool reportsMouse(Qt::KeyboardModifiers modifiers) const;
    void reportButton(const QMouseEvent &event, bool pressed);
    QRect cursorRect() const;
    // The cell at a viewport position, clamped to the grid.
    QPoint cellAt(QPointF pos) const;
    int lineAt(qreal y) const;

    QPointer<Terminal> m_terminal;
    TerminalPainter m_painter;
    // What the viewport shows, painted here first: on a QImage TerminalPainter blends glyphs
    // itself, several times faster than through the widget's paint engine; then one blit.
    QImage m_frame;
    QFont m_baseFont;
    QFont m_font; // m_baseFont with the zoom
    bool m_fit = false;
    int m_zoomStep = 0;
    bool m_readOnly = false;
    QSize m_emittedGrid;
    int m_lastCols = 0;
    int m_lastRows = 0;

    // Scrollback.
    int m_scrollOffset = 0;
    int m_lastScrollback = 0;
    bool m_updatingScrollBar = false;
    bool m_scrollBarDirty = false;
    int m_wheelRemainder = 0;

    // Repaint coalescing: damage in cells until the frame timer fires.
    QTimer m_repaintTimer;
    QElapsedTimer m_sinceRepaint;
    QRect m_pendingDamage;
    bool m_fullRepaint = false;

    // Blink (cursor and SGR 5 text share the phase), visual bell.
    QTimer m_blinkTimer;
    bool m_blinkOn = true;
    bool m_hasBlinkingText = false;
    QTimer m_flashTimer;
    bool m_flash = false;

    // Mouse.
    TerminalSelection m_selection;
    bool m_selecting = false;
    bool m_reportingButtons = false;
    QElapsedTimer m_sinceDoubleClick;
    QPointF m_doubleClickPos;

    QString m_preedit;
};
