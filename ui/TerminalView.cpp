#include "TerminalView.h"

#include "KeyInput.h"
#include "TerminalLines.h"
#include "terminal/Terminal.h"

#include <QApplication>
#include <QInputMethodEvent>
#include <QLoggingCategory>
#include <QPainter>
#include <QScrollBar>
#include <QStyle>

#include <cmath>
#include <utility>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcView, "castdeck.view", QtWarningMsg)

namespace {
constexpr int kMinPointSize = 4;
// The modifiers that make a different shortcut (not KeypadModifier, GroupSwitchModifier).
constexpr Qt::KeyboardModifiers kModifierKeys =
    Qt::ShiftModifier | Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier;
constexpr int kMaxPointSize = 96;

// Platforms without a primary selection (Windows, macOS, some Wayland compositors) get this
// one, shared by the views of the process, so middle-click paste still works between them.
QString &fallbackPrimary()
{
    static QString text;
    return text;
}

Terminal::Modifiers mouseModifiers(Qt::KeyboardModifiers m)
{
    Terminal::Modifiers out;
    if (m & Qt::AltModifier)
        out |= Terminal::Alt;
    if (m & Qt::ControlModifier)
        out |= Terminal::Ctrl;
    return out;
}
} // namespace

TerminalView::TerminalView(Terminal *terminal, QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_terminal(terminal)
    , m_baseFont(TerminalPainter::defaultFont())
    , m_font(m_baseFont)
{
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_InputMethodEnabled, true);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // Always there, so that scrollback appearing never changes the width in cells.
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent, true);
    viewport()->setAutoFillBackground(false);
    viewport()->setMouseTracking(true); // for applications that ask for every movement (?1003)
    viewport()->setCursor(Qt::IBeamCursor);

    m_repaintTimer.setSingleShot(true);
    connect(&m_repaintTimer, &QTimer::timeout, this, &TerminalView::repaintDamage);
    m_blinkTimer.setInterval(kBlinkMs);
    connect(&m_blinkTimer, &QTimer::timeout, this, &TerminalView::onBlinkTimer);
    m_flashTimer.setSingleShot(true);
    m_flashTimer.setInterval(kFlashMs);
    connect(&m_flashTimer, &QTimer::timeout, this, [this] {
        m_flash = false;
        viewport()->update();
    });

    m_painter.setFont(m_baseFont, devicePixelRatioF());
    attachTerminal();
    setColorScheme(ColorScheme::dark());
    updateScrollBar();
}

TerminalView::~TerminalView() = default;

void TerminalView::attachTerminal()
{
    if (!m_terminal)
        return;
    connect(m_terminal, &Terminal::damaged, this, &TerminalView::onDamaged);
    connect(m_terminal, &Terminal::scrollbackChanged, this, &TerminalView::onScrollbackChanged);
    connect(m_terminal, &Terminal::altScreenChanged, this, &TerminalView::onAltScreenChanged);
    connect(m_terminal, &Terminal::bell, this, &TerminalView::onBell);
    m_lastCols = m_terminal->cols();
    m_lastRows = m_terminal->rows();
    m_lastScrollback = m_terminal->scrollbackSize();
    (void)m_terminal->takeDamage(); // what happened before is painted in full anyway
}

void TerminalView::setTerminal(Terminal *terminal)
{
    if (terminal == m_terminal)
        return;
    if (m_terminal)
        disconnect(m_terminal, nullptr, this, nullptr);
    m_terminal = terminal;
    m_selection = TerminalSelection();
    m_selecting = false;
    m_reportingButtons = false;
    m_scrollOffset = 0;
    m_pendingDamage = QRect();
    attachTerminal();
    setColorScheme(colorScheme()); // the new terminal gets the palette too
    updateFit();
    updateScrollBar();
    updateGeometry(); // sizeHint() follows the terminal's size
    m_fullRepaint = true;
    viewport()->update();
}

// --- Colours and fonts --------------------------------------------------------------------------
void TerminalView::setColorScheme(const ColorScheme &scheme)
{
    m_painter.setColorScheme(scheme);
    if (m_terminal) {
        m_terminal->setPalette(scheme.palette());
        m_terminal->setDefaultColors(scheme.foreground(), scheme.background());
    }
    m_fullRepaint = true;
    viewport()->update();
}

void TerminalView::setTerminalFont(const QFont &font)
{
    m_baseFont = font;
    m_baseFont.setStyleHint(QFont::TypeWriter);
    m_baseFont.setFixedPitch(true);
    m_zoomStep = 0;
    applyFont();
}

void TerminalView::zoomIn()
{
    if (terminalFont().pointSizeF() + 1 <= kMaxPointSize || terminalFont().pointSizeF() <= 0) {
        ++m_zoomStep;
        applyFont();
    }
}

void TerminalView::zoomOut()
{
    if (terminalFont().pointSizeF() - 1 >= kMinPointSize || terminalFont().pointSizeF() <= 0) {
        --m_zoomStep;
        applyFont();
    }
}

void TerminalView::resetZoom()
{
    if (m_zoomStep == 0)
        return;
    m_zoomStep = 0;
    applyFont();
}

void TerminalView::applyFont()
{
    QFont f = m_baseFont;
    if (f.pointSizeF() > 0)
        f.setPointSizeF(qBound<qreal>(kMinPointSize, f.pointSizeF() + m_zoomStep, kMaxPointSize));
    else if (f.pixelSize() > 0)
        f.setPixelSize(qMax(6, f.pixelSize() + m_zoomStep * 4 / 3));
    m_font = f;
    m_painter.setFont(fittedFont(), devicePixelRatioF());
    updateGridSize();
    updateScrollBar();
    updateGeometry();
    m_fullRepaint = true;
    viewport()->update();
    Q_EMIT terminalFontChanged();
}

void TerminalView::updateMetrics()
{
    if (qFuzzyCompare(devicePixelRatioF(), m_painter.metrics().devicePixelRatio()))
        return;
    m_painter.setFont(fittedFont(), devicePixelRatioF());
    updateGridSize();
    viewport()->update();
}

// --- Scale to fit -----------------------------------------------------------------------------------
void TerminalView::setFitToTerminal(bool fit)
{
    if (fit == m_fit)
        return;
    m_fit = fit;
    updateFit();
}

QFont TerminalView::fittedFont() const
{
    if (!m_fit || !m_terminal || !isVisible())
        return m_font; // hidden: the size is a placeholder; showEvent() comes back here
    const qreal dpr = devicePixelRatioF();
    const QSize room = viewport()->size();
    const int cols = m_terminal->cols();
    const int rows = m_terminal->rows();
    const auto fits = [&](const QFont &f) {
        const QSize px = CellMetrics(f, dpr).pixelSize(cols, rows);
        return px.width() <= room.width() && px.height() <= room.height();
    };
    if (room.isEmpty() || fits(m_font))
        return m_font;
    const bool points = m_font.pointSizeF() > 0;
    const auto sized = [&](qreal size) {
        QFont f = m_font;
        if (points)
            f.setPointSizeF(size);
        else
            f.setPixelSize(qMax(1, int(size)));
        return f;
    };
    // The largest size that fits. Cells are whole device pixels, so their size grows in steps,
    // not in proportion: search, in quarter points (whole pixels for a pixel-sized font), so
    // that small changes of the view's size do not change the font every time.
    const qreal step = points ? 0.25 : 1;
    qreal lo = points ? kMinFitPointSize : std::ceil(kMinFitPointSize * 4 / 3);
    qreal hi = points ? m_font.pointSizeF() : m_font.pixelSize();
    if (lo >= hi || !fits(sized(lo)))
        return sized(std::min(lo, hi)); // too large even then: as small as it gets, the rest clipped
    while (hi - lo > step) {
        const qreal mid = std::floor((lo + hi) / 2 / step) * step;
        if (mid <= lo)
            break;
        if (fits(sized(mid)))
            lo = mid;
        else
            hi = mid;
    }
    return sized(lo);
}

void TerminalView::updateFit()
{
    const QFont f = fittedFont();
    if (f == m_painter.font() && qFuzzyCompare(devicePixelRatioF(), m_painter.metrics().devicePixelRatio()))
        return;
    qCDebug(lcView) << "painting at" << f.pointSizeF() << "pt to fit" << viewport()->size();
    m_painter.setFont(f, devicePixelRatioF());
    updateGridSize();
    updateScrollBar();
    m_fullRepaint = true;
    viewport()->update();
}

// --- Sizes ----------------------------------------------------------------------------------------
QSize TerminalView::sizeHintForTerminal(int cols, int rows) const
{
    // At terminalFont(), also when scaled to fit (the hint is what the view would like).
    const CellMetrics metrics = m_fit ? CellMetrics(m_font, devicePixelRatioF()) : cellMetrics();
    const QSize cells = metrics.pixelSize(qMax(1, cols), qMax(1, rows));
    const bool transient = style()->styleHint(QStyle::SH_ScrollBar_Transient, nullptr, verticalScrollBar());
    const int scrollBar = transient ? 0 : verticalScrollBar()->sizeHint().width();
    const QMargins m = viewportMargins();
    return QSize(cells.width() + 2 * frameWidth() + scrollBar + m.left() + m.right(),
                 cells.height() + 2 * frameWidth() + m.top() + m.bottom());
}

QSize TerminalView::sizeHint() const
{
    return m_terminal ? sizeHintForTerminal(m_terminal->cols(), m_terminal->rows()) : sizeHintForTerminal(80, 24);
}

QSize TerminalView::gridSize() const
{
    return cellMetrics().gridSize(viewport()->size());
}

void TerminalView::updateGridSize()
{
    if (!isVisible())
        return; // the size before the first show is a placeholder; showEvent() comes back here
    const QSize grid = gridSize();
    if (grid == m_emittedGrid)
        return;
    m_emittedGrid = grid;
    qCDebug(lcView) << "size in cells" << grid;
    Q_EMIT terminalSizeChanged(grid.width(), grid.height());
}

void TerminalView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateFit();
    updateGridSize();
    updateScrollBar();
}

void TerminalView::showEvent(QShowEvent *event)
{
    QAbstractScrollArea::showEvent(event);
    updateMetrics();
    updateFit();
    updateGridSize();
}

void TerminalView::hideEvent(QHideEvent *event)
{
    QAbstractScrollArea::hideEvent(event);
    m_frame = QImage(); // a hidden tab keeps no frame (megabytes at a large size)
}

// --- Damage and repaints ----------------------------------------------------------------------------
void TerminalView::onDamaged()
{
    if (!m_terminal)
        return;
    const QRect damage = m_terminal->takeDamage();
    if (m_terminal->cols() != m_lastCols || m_terminal->rows() != m_lastRows) {
        // Lines were re-wrapped: selected cells mean something else now.
        m_lastCols = m_terminal->cols();
        m_lastRows = m_terminal->rows();
        clearSelection();
        m_fullRepaint = true;
        updateFit();
        updateScrollBar();
        updateGeometry();
    }
    if (!damage.isNull())
        m_pendingDamage |= damage;
    scheduleRepaint();
}

void TerminalView::scheduleRepaint()
{
    if (m_repaintTimer.isActive())
        return;
    // Right away after a quiet moment (typing echoes at once); otherwise at the next frame,
    // so a flood of output costs one repaint per frame, not one per read.
    const qint64 since = m_sinceRepaint.isValid() ? m_sinceRepaint.elapsed() : kFrameMs;
    m_repaintTimer.start(int(qMax<qint64>(0, kFrameMs - since)));
}

void TerminalView::repaintDamage()
{
    m_sinceRepaint.start();
    if (m_fullRepaint || m_scrollOffset > 0) {
        // Scrolled back, screen rows are elsewhere in the view: repaint all of it.
        if (!m_pendingDamage.isNull() || m_fullRepaint)
            viewport()->update();
    } else if (!m_pendingDamage.isNull()) {
        const CellMetrics &m = cellMetrics();
        // One column more on each side: wide characters and italic overhangs.
        const QRect cells = m_pendingDamage.adjusted(-1, 0, 1, 0);
        const QRectF px(cells.x() * m.width(), cells.y() * m.height(), cells.width() * m.width(),
                        cells.height() * m.height());
        viewport()->update(px.toAlignedRect());
    }
    m_pendingDamage = QRect();
    m_fullRepaint = false;
    if (std::exchange(m_scrollBarDirty, false))
        updateScrollBar();
    updateBlinkTimer();
    updateMicroFocus();
}

void TerminalView::paintEvent(QPaintEvent *event)
{
    QPainter p(viewport());
    if (!m_terminal) {
        p.fillRect(event->rect(), QColor::fromRgb(colorScheme().background()));
        return;
    }
    if (!qFuzzyCompare(viewport()->devicePixelRatioF(), cellMetrics().devicePixelRatio())) {
        // Moved to a screen of another scale without a DevicePixelRatioChange event. Queued:
        // new metrics can mean a new size in cells, which the owner should not get mid-paint.
        QMetaObject::invokeMethod(this, &TerminalView::updateMetrics, Qt::QueuedConnection);
    }
    const bool focused = hasFocus();
    const bool cursorBlinks = focused && m_terminal->cursor().blink;
    TerminalPainter::Frame frame;
    frame.scrollOffset = m_scrollOffset;
    frame.selection = m_selection.isEmpty() ? nullptr : &m_selection;
    frame.cursorShown = (!cursorBlinks || m_blinkOn) && m_preedit.isEmpty();
    frame.focused = focused;
    frame.blinkShown = m_blinkOn;
    frame.flash = m_flash;
    const qreal dpr = viewport()->devicePixelRatioF();
    const QSize frameSize(qCeil(viewport()->width() * dpr), qCeil(viewport()->height() * dpr));
    if (m_frame.size() != frameSize || !qFuzzyCompare(m_frame.devicePixelRatio(), dpr)) {
        m_frame = QImage(frameSize, QImage::Format_RGB32);
        m_frame.setDevicePixelRatio(dpr);
    }
    const QRect r = event->rect();
    {
        QPainter framePainter(&m_frame);
        if (m_painter.paint(framePainter, *m_terminal, r, frame))
            m_hasBlinkingText = true;
    }
    p.drawImage(QPointF(r.topLeft()), m_frame, QRectF(r.x() * dpr, r.y() * dpr, r.width() * dpr, r.height() * dpr));

    if (!m_preedit.isEmpty()) {
        // Text an input method is composing, at the cursor, underlined.
        const QRect r = cursorRect();
        QFont f = paintFont();
        f.setUnderline(true);
        p.setFont(f);
        const QRect box(r.topLeft(), QSize(QFontMetrics(f).horizontalAdvance(m_preedit) + 2, r.height()));
        p.fillRect(box, QColor::fromRgb(colorScheme().background()));
        p.setPen(QColor::fromRgb(colorScheme().foreground()));
        p.drawText(box, Qt::AlignLeft | Qt::AlignVCenter, m_preedit);
    }
    updateBlinkTimer();
}

// --- Scrollback ------------------------------------------------------------------------------------
void TerminalView::updateScrollBar()
{
    QScrollBar *bar = verticalScrollBar();
    const int max = !m_terminal || m_terminal->isAltScreen() ? 0 : m_terminal->scrollbackSize();
    m_scrollOffset = qBound(0, m_scrollOffset, max);
    m_updatingScrollBar = true;
    bar->setRange(0, max);
    bar->setPageStep(m_terminal ? m_terminal->rows() : 24);
    bar->setSingleStep(1);
    bar->setValue(max - m_scrollOffset);
    m_updatingScrollBar = false;
}

void TerminalView::scrollContentsBy(int dx, int dy)
{
    Q_UNUSED(dx)
    Q_UNUSED(dy)
    if (m_updatingScrollBar)
        return;
    // The user moved the scroll bar.
    m_scrollOffset = verticalScrollBar()->maximum() - verticalScrollBar()->value();
    viewport()->update();
}

void TerminalView::setScrollOffset(int lines)
{
    const int max = !m_terminal || m_terminal->isAltScreen() ? 0 : m_terminal->scrollbackSize();
    lines = qBound(0, lines, max);
    if (lines == m_scrollOffset)
        return;
    m_scrollOffset = lines;
    updateScrollBar();
    viewport()->update();
}

void TerminalView::onScrollbackChanged()
{
    const int size = m_terminal->scrollbackSize();
    const int grown = size - m_lastScrollback;
    m_lastScrollback = size;
    if (m_scrollOffset > 0) {
        // Keep showing the same lines while output scrolls the screen below them (exact
        // until the scrollback is full; then its oldest lines go and the view drifts).
        if (grown > 0)
            m_scrollOffset += grown;
        m_fullRepaint = true;
    }
    // The scroll bar follows at the next frame too: `cat` of a big file changes the
    // scrollback on every read, and a scroll bar repaint each time would cost more than the text.
    m_scrollBarDirty = true;
    scheduleRepaint();
}

void TerminalView::onAltScreenChanged()
{
    clearSelection();
    m_scrollOffset = 0;
    updateScrollBar();
    m_fullRepaint = true;
    scheduleRepaint();
}

// --- Blink, bell, cursor -------------------------------------------------------------------------------
void TerminalView::onBell()
{
    m_flash = true;
    m_flashTimer.start();
    viewport()->update();
}

void TerminalView::onBlinkTimer()
{
    m_blinkOn = !m_blinkOn;
    if (m_hasBlinkingText) {
        m_hasBlinkingText = false; // the repaint finds out whether there still is some
        viewport()->update();
    } else {
        updateCursorCell();
    }
}

void TerminalView::updateBlinkTimer()
{
    bool needed = m_hasBlinkingText;
    if (m_terminal && hasFocus()) {
        const TerminalCursor c = m_terminal->cursor();
        needed |= c.visible && c.blink && m_scrollOffset < m_terminal->rows();
    }
    if (needed && !m_blinkTimer.isActive()) {
        m_blinkTimer.start();
    } else if (!needed && m_blinkTimer.isActive()) {
        m_blinkTimer.stop();
        if (!m_blinkOn) {
            m_blinkOn = true;
            viewport()->update();
        }
    }
}

void TerminalView::restartCursorBlink()
{
    if (!m_blinkOn) {
        m_blinkOn = true;
        updateCursorCell();
    }
    if (m_blinkTimer.isActive())
        m_blinkTimer.start();
}

QRect TerminalView::cursorRect() const
{
    if (!m_terminal)
        return {};
    const TerminalCursor c = m_terminal->cursor();
    return cellMetrics().cellRect(c.row + m_scrollOffset, c.col, 2).toAlignedRect();
}

void TerminalView::updateCursorCell()
{
    viewport()->update(cursorRect().adjusted(-cellMetrics().width(), 0, 0, 0));
}

// --- Focus -------------------------------------------------------------------------------------------
void TerminalView::focusInEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusInEvent(event);
    if (m_terminal && !m_readOnly)
        m_terminal->sendFocus(true);
    m_blinkOn = true;
    updateBlinkTimer();
    updateCursorCell();
}

void TerminalView::focusOutEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusOutEvent(event);
    if (m_terminal && !m_readOnly)
        m_terminal->sendFocus(false);
    m_blinkOn = true;
    updateBlinkTimer();
    updateCursorCell();
}

bool TerminalView::focusNextPrevChild(bool next)
{
    // Tab and Backtab belong to the terminal (a read-only player lets focus move on).
    if (m_terminal && !m_readOnly)
        return false;
    return QAbstractScrollArea::focusNextPrevChild(next);
}

void TerminalView::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    setAttribute(Qt::WA_InputMethodEnabled, !readOnly);
    viewport()->setCursor(readOnly ? Qt::ArrowCursor : Qt::IBeamCursor);
}

// --- Keyboard ----------------------------------------------------------------------------------------
bool TerminalView::isShortcut(const QKeyEvent &e) const
{
    const Qt::KeyboardModifiers mods = e.modifiers() & kModifierKeys;
    const int key = e.key();
    if (mods == (Qt::ControlModifier | Qt::ShiftModifier))
        return key == Qt::Key_C || key == Qt::Key_V || key == Qt::Key_Plus;
    if (mods == Qt::ShiftModifier)
        return key == Qt::Key_Insert || key == Qt::Key_PageUp || key == Qt::Key_PageDown;
    if (mods == Qt::ControlModifier)
        return key == Qt::Key_Equal || key == Qt::Key_Plus || key == Qt::Key_Minus || key == Qt::Key_0;
    return false;
}

bool TerminalView::handleShortcut(const QKeyEvent &e)
{
    if (!isShortcut(e))
        return false;
    const int rows = m_terminal ? m_terminal->rows() : 24;
    switch (e.key()) {
    case Qt::Key_C: copyToClipboard(); break;
    case Qt::Key_V: pasteFromClipboard(); break;
    case Qt::Key_Insert: pasteSelection(); break;
    case Qt::Key_PageUp: setScrollOffset(m_scrollOffset + rows); break;
    case Qt::Key_PageDown: setScrollOffset(m_scrollOffset - rows); break;
    case Qt::Key_Equal: case Qt::Key_Plus: zoomIn(); break;
    case Qt::Key_Minus: zoomOut(); break;
    case Qt::Key_0: resetZoom(); break;
    default: return false;
    }
    return true;
}

bool TerminalView::claimsKey(const QKeyEvent &e) const
{
    if (isShortcut(e))
        return true;
    if (!m_terminal || m_readOnly)
        return false;
    const Qt::KeyboardModifiers mods = e.modifiers() & kModifierKeys;
    const bool ctrl = mods & Qt::ControlModifier;
    const bool alt = mods & Qt::AltModifier;
    const int key = e.key();
    if (mods & Qt::MetaModifier)
        return false;
    if (!ctrl && !alt)
        return true; // typing, editing keys, F-keys
    if (ctrl && (mods & Qt::ShiftModifier))
        return false; // Ctrl+Shift+key: the window's (Konsole's convention)
    if (key == Qt::Key_Tab || key == Qt::Key_Backtab || ((key == Qt::Key_PageUp || key == Qt::Key_PageDown) && ctrl))
        return false; // tab switching
    if (key >= Qt::Key_F1 && key <= Qt::Key_F35)
        return false;
    if (ctrl)
        return KeyInput::controlCharacter(key) >= 0 || key == Qt::Key_Backspace || key == Qt::Key_Left
            || key == Qt::Key_Right || key == Qt::Key_Up || key == Qt::Key_Down || key == Qt::Key_Home
            || key == Qt::Key_End || key == Qt::Key_Delete;
    return true; // Alt+key: ESC prefix (readline's word motions)
}

bool TerminalView::event(QEvent *event)
{
    switch (event->type()) {
    case QEvent::ShortcutOverride: {
        auto *ke = static_cast<QKeyEvent *>(event);
        if (claimsKey(*ke)) {
            ke->accept();
            return true;
        }
        break;
    }
    case QEvent::KeyPress: {
        // Tab and Backtab straight to the terminal, before QWidget moves the focus.
        auto *ke = static_cast<QKeyEvent *>(event);
        if ((ke->key() == Qt::Key_Tab || ke->key() == Qt::Key_Backtab) && m_terminal && !m_readOnly) {
            keyPressEvent(ke);
            return true;
        }
        break;
    }
    case QEvent::DevicePixelRatioChange:
    case QEvent::ScreenChangeInternal:
        updateMetrics();
        break;
    default:
        break;
    }
    return QAbstractScrollArea::event(event);
}

void TerminalView::keyPressEvent(QKeyEvent *event)
{
    if (handleShortcut(*event)) {
        event->accept();
        return;
    }
    if (!m_terminal || m_readOnly) {
        event->ignore();
        return;
    }
    if (!KeyInput::send(*m_terminal, *event)) {
        event->ignore();
        return;
    }
    event->accept();
    scrollToBottom();
    restartCursorBlink();
}

void TerminalView::inputMethodEvent(QInputMethodEvent *event)
{
    if (m_terminal && !m_readOnly && !event->commitString().isEmpty()) {
        for (uint cp : event->commitString().toUcs4())
            m_terminal->sendChar(char32_t(cp));
        scrollToBottom();
        restartCursorBlink();
    }
    if (m_preedit != event->preeditString()) {
        m_preedit = event->preeditString();
        viewport()->update(cursorRect().adjusted(0, 0, viewport()->width(), 0));
    }
    event->accept();
}

QVariant TerminalView::inputMethodQuery(Qt::InputMethodQuery query) const
{
    const QRect cursor = cursorRect().translated(viewport()->pos());
    switch (query) {
    case Qt::ImEnabled:
        return !m_readOnly && m_terminal;
    case Qt::ImCursorRectangle:
    case Qt::ImAnchorRectangle:
        return QRect(cursor.topLeft(), QSize(qCeil(cellMetrics().width()), cursor.height()));
    case Qt::ImFont:
        return paintFont();
    case Qt::ImCursorPosition:
    case Qt::ImAnchorPosition:
        return m_terminal ? m_terminal->cursor().col : 0;
    case Qt::ImSurroundingText:
    case Qt::ImCurrentSelection:
        return QString();
    case Qt::ImMaximumTextLength:
        return QVariant(); // no limit
    case Qt::ImHints:
        return int(Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase);
    default:
        return QAbstractScrollArea::inputMethodQuery(query);
    }
}

// --- Clipboard and selection -------------------------------------------------------------------------------
QString TerminalView::selectedText() const
{
    return m_terminal ? m_selection.text(*m_terminal) : QString();
}

void TerminalView::clearSelection()
{
    if (m_selection.isEmpty())
        return;
    m_selection.clear();
    viewport()->update();
    Q_EMIT copyAvailable(false);
}

void TerminalView::copyToClipboard()
{
    const QString text = selectedText();
    if (!text.isEmpty())
        QGuiApplication::clipboard()->setText(text, QClipboard::Clipboard);
}

void TerminalView::pasteFromClipboard()
{
    pasteFrom(QClipboard::Clipboard);
}

void TerminalView::pasteSelection()
{
    pasteFrom(QClipboard::Selection);
}

void TerminalView::pasteFrom(QClipboard::Mode mode)
{
    if (!m_terminal || m_readOnly)
        return;
    QClipboard *clipboard = QGuiApplication::clipboard();
    QString text;
    if (mode == QClipboard::Selection && !clipboard->supportsSelection())
        text = fallbackPrimary();
    else
        text = clipboard->text(mode);
    if (text.isEmpty())
        return;
    scrollToBottom();
    m_terminal->sendPaste(text); // bracketed (ESC[200~ ... ESC[201~) when the application asked
}

void TerminalView::setSelectionFinished()
{
    const QString text = selectedText();
    if (text.isEmpty())
        return;
    QClipboard *clipboard = QGuiApplication::clipboard();
    if (clipboard->supportsSelection())
        clipboard->setText(text, QClipboard::Selection);
    else
        fallbackPrimary() = text;
    Q_EMIT copyAvailable(true);
}

// --- Mouse ---------------------------------------------------------------------------------------------
QPoint TerminalView::cellAt(QPointF pos) const
{
    const QPoint c = cellMetrics().cellAt(pos);
    if (!m_terminal)
        return c;
    return QPoint(qBound(0, c.x(), m_terminal->cols() - 1), qBound(0, c.y(), m_terminal->rows() - 1));
}

int TerminalView::lineAt(qreal y) const
{
    const int row = qBound(0, int(std::floor(y / cellMetrics().height())), m_terminal->rows() - 1);
    return m_terminal->scrollbackSize() - m_scrollOffset + row;
}

bool TerminalView::reportsMouse(Qt::KeyboardModifiers modifiers) const
{
    // Shift always selects (xterm's convention); scrolled back, the mouse is for selecting.
    return m_terminal && !m_readOnly && m_terminal->mouseMode() != TerminalModes::MouseMode::None
        && !(modifiers & Qt::ShiftModifier) && m_scrollOffset == 0;
}

void TerminalView::reportButton(const QMouseEvent &event, bool pressed)
{
    Terminal::MouseButton button;
    switch (event.button()) {
    case Qt::LeftButton: button = Terminal::MouseButton::Left; break;
    case Qt::MiddleButton: button = Terminal::MouseButton::Middle; break;
    case Qt::RightButton: button = Terminal::MouseButton::Right; break;
    default: return;
    }
    const QPoint cell = cellAt(event.position());
    const Terminal::Modifiers mods = mouseModifiers(event.modifiers());
    m_terminal->sendMouseMove(cell.y(), cell.x(), mods);
    m_terminal->sendMouseButton(button, pressed, mods);
}

void TerminalView::mousePressEvent(QMouseEvent *event)
{
    if (!m_terminal)
        return;
    if (reportsMouse(event->modifiers())) {
        m_reportingButtons = true;
        reportButton(*event, true);
        event->accept();
        return;
    }
    if (event->button() == Qt::LeftButton) {
        // A press soon after a double-click, close to it: a triple click.
        const bool triple = m_sinceDoubleClick.isValid()
            && m_sinceDoubleClick.elapsed() < QApplication::doubleClickInterval()
            && (event->position() - m_doubleClickPos).manhattanLength() < QApplication::startDragDistance();
        m_sinceDoubleClick.invalidate();
        const bool hadSelection = !m_selection.isEmpty();
        const qreal col = event->position().x() / cellMetrics().width();
        m_selection.begin(*m_terminal, lineAt(event->position().y()), col,
                          triple ? TerminalSelection::Mode::Lines : TerminalSelection::Mode::Characters);
        m_selecting = true;
        if (triple)
            setSelectionFinished();
        else if (hadSelection)
            Q_EMIT copyAvailable(false);
        viewport()->update();
    } else if (event->button() == Qt::MiddleButton) {
        pasteSelection();
    }
    event->accept();
}

void TerminalView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (!m_terminal)
        return;
    if (reportsMouse(event->modifiers())) {
        // Qt turns the second press of a double click into this event.
        m_reportingButtons = true;
        reportButton(*event, true);
        return;
    }
    if (event->button() != Qt::LeftButton) {
        mousePressEvent(event);
        return;
    }
    const qreal col = event->position().x() / cellMetrics().width();
    m_selection.begin(*m_terminal, lineAt(event->position().y()), col, TerminalSelection::Mode::Words);
    m_selecting = true;
    m_sinceDoubleClick.start();
    m_doubleClickPos = event->position();
    setSelectionFinished();
    viewport()->update();
}

void TerminalView::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_terminal)
        return;
    if (m_selecting && (event->buttons() & Qt::LeftButton)) {
        // Dragging past the top or bottom edge scrolls.
        const qreal y = event->position().y();
        if (y < 0)
            setScrollOffset(m_scrollOffset + 1);
        else if (y >= viewport()->height())
            setScrollOffset(m_scrollOffset - 1);
        const qreal col = qBound<qreal>(0, event->position().x() / cellMetrics().width(), m_terminal->cols());
        m_selection.extend(*m_terminal, lineAt(y), col);
        viewport()->update();
        return;
    }
    if (m_reportingButtons || reportsMouse(event->modifiers())) {
        // libvterm reports it only in the modes that want it (?1002 with a button, ?1003).
        const QPoint cell = cellAt(event->position());
        m_terminal->sendMouseMove(cell.y(), cell.x(), mouseModifiers(event->modifiers()));
    }
}

void TerminalView::mouseReleaseEvent(QMouseEvent *event)
{
    if (!m_terminal)
        return;
    if (m_reportingButtons) {
        reportButton(*event, false);
        if (event->buttons() == Qt::NoButton)
            m_reportingButtons = false;
        return;
    }
    if (event->button() == Qt::LeftButton && m_selecting) {
        m_selecting = false;
        setSelectionFinished();
    }
}

void TerminalView::wheelEvent(QWheelEvent *event)
{
    if (!m_terminal)
        return;
    const int delta = event->angleDelta().y();
    if (delta == 0) {
        event->ignore();
        return;
    }
    // 120 is one notch; high-resolution wheels and touchpads send parts of it.
    m_wheelRemainder += delta;
    const int notches = m_wheelRemainder / 120;
    m_wheelRemainder -= notches * 120;
    event->accept();
    if (notches == 0)
        return;
    const int count = qAbs(notches);
    if (reportsMouse(event->modifiers())) {
        const QPoint cell = cellAt(event->position());
        const Terminal::Modifiers mods = mouseModifiers(event->modifiers());
        m_terminal->sendMouseMove(cell.y(), cell.x(), mods);
        const Terminal::MouseButton wheel = notches > 0 ? Terminal::MouseButton::WheelUp : Terminal::MouseButton::WheelDown;
        for (int i = 0; i < count; ++i)
            m_terminal->sendMouseButton(wheel, true, mods);
        return;
    }
    const int lines = count * QApplication::wheelScrollLines();
    if (m_terminal->isAltScreen()) {
        // Full-screen programs without mouse support (less, man) scroll with the arrow keys,
        // as in xterm's alternateScroll, Konsole and VTE.
        if (!m_readOnly) {
            for (int i = 0; i < lines; ++i)
                m_terminal->sendKey(notches > 0 ? Terminal::Key::Up : Terminal::Key::Down);
        }
        return;
    }
    setScrollOffset(m_scrollOffset + (notches > 0 ? lines : -lines));
}
