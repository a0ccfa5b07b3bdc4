#include "PlayerSearchBar.h"

#include "TerminalLines.h"
#include "TerminalView.h"
#include "TimelineWidget.h"
#include "play/Player.h"
#include "play/Recording.h"
#include "terminal/Terminal.h"

#include <QApplication>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QScrollBar>
#include <QStyle>
#include <QToolButton>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
// The frame around the match shown, drawn over the view's viewport; clicks go through.
class HitFrame : public QWidget
{
public:
    explicit HitFrame(QWidget *parent)
        : QWidget(parent)
    {
        setAttribute(Qt::WA_TransparentForMouseEvents);
        setObjectName(u"searchHighlight"_s);
        hide();
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        QColor c = TimelineWidget::searchHitColor(palette());
        p.setPen(QPen(c, 2));
        c.setAlpha(60);
        p.setBrush(c);
        p.drawRoundedRect(QRectF(rect()).adjusted(1, 1, -1, -1), 3, 3);
    }
};

// Line `line` of those the view can show (the scrollback's, then the screen's rows), at its
// own width.
QList<ScreenCell> lineCells(const Terminal &t, int line)
{
    QList<ScreenCell> cells;
    const int sb = t.scrollbackSize();
    if (line < sb)
        t.readScrollbackChars(line, cells);
    else
        t.readRowChars(line - sb, cells);
    return cells;
}

// Lines [line, line + count) as a hit's lineText has them.
QString linesText(const Terminal &t, int line, int count)
{
    QList<QList<ScreenCell>> rows;
    for (int i = 0; i < count; ++i)
        rows.append(lineCells(t, line + i));
    return RecordingSearch::textOf(rows, !TerminalLines::isContinued(t, line + count));
}

// How far back the view looks for a hit's line that had scrolled off.
constexpr int kScrollbackLookup = 5000;
} // namespace

PlayerSearchBar::PlayerSearchBar(Recording *recording, Player *player, TerminalView *view, QWidget *parent)
    : QWidget(parent)
    , m_recording(recording)
    , m_player(player)
    , m_view(view)
    , m_search(new RecordingSearch(this))
{
    setObjectName(u"searchBar"_s);
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(u"searchField"_s);
    m_edit->setPlaceholderText(tr("Search the recording's text"));
    m_edit->setClearButtonEnabled(true);
    m_edit->installEventFilter(this);
    m_regex = new QCheckBox(tr("Regular expression"), this);
    m_regex->setObjectName(u"searchRegex"_s);
    m_regex->installEventFilter(this);
    m_case = new QCheckBox(tr("Match case"), this);
    m_case->setObjectName(u"searchCase"_s);
    m_case->installEventFilter(this);
    m_counter = new QLabel(this);
    m_counter->setObjectName(u"searchCounter"_s);
    m_counter->setMinimumWidth(fontMetrics().horizontalAdvance(u"00000 of 00000+…"_s));
    auto tool = [this](const QString &name, QStyle::StandardPixmap icon, const QString &tip) {
        auto *b = new QToolButton(this);
        b->setObjectName(name);
        b->setAutoRaise(true);
        b->setIcon(style()->standardIcon(icon));
        b->setToolTip(tip);
        b->setFocusPolicy(Qt::NoFocus);
        return b;
    };
    m_prev = tool(u"searchPrevious"_s, QStyle::SP_ArrowUp, tr("Previous hit (Shift+Enter, Shift+F3)"));
    m_next = tool(u"searchNext"_s, QStyle::SP_ArrowDown, tr("Next hit (Enter, F3)"));
    m_close = tool(u"searchClose"_s, QStyle::SP_DialogCloseButton, tr("Close the search bar (Esc)"));
    connect(m_prev, &QToolButton::clicked, this, &PlayerSearchBar::findPrevious);
    connect(m_next, &QToolButton::clicked, this, &PlayerSearchBar::findNext);
    connect(m_close, &QToolButton::clicked, this, &PlayerSearchBar::dismiss);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 3, 6, 3);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_counter);
    layout->addWidget(m_prev);
    layout->addWidget(m_next);
    layout->addWidget(m_regex);
    layout->addWidget(m_case);
    layout->addWidget(m_close);

    m_typing.setSingleShot(true);
    m_typing.setInterval(kTypingDelayMs);
    connect(&m_typing, &QTimer::timeout, this, &PlayerSearchBar::startSearch);
    connect(m_edit, &QLineEdit::textEdited, this, [this] {
        m_typing.start();
        m_counter->clear(); // the count is the old text's until the new search starts
    });
    connect(m_regex, &QCheckBox::toggled, this, &PlayerSearchBar::startSearch);
    connect(m_case, &QCheckBox::toggled, this, &PlayerSearchBar::startSearch);

    connect(m_search, &RecordingSearch::hitsFound, this, &PlayerSearchBar::onHits);
    connect(m_search, &RecordingSearch::finished, this, &PlayerSearchBar::onFinished);
    connect(m_search, &RecordingSearch::failed, this, &PlayerSearchBar::onFailed);
    connect(m_search, &RecordingSearch::progress, this, &PlayerSearchBar::updateCounter);

    // The frame goes as soon as the player shows something else or the view scrolls.
    connect(m_player, &Player::positionChanged, this, [this] {
        if (!m_highlightPending && m_player->eventIndex() != m_shownAt)
            hideHighlight();
    });
    connect(m_player, &Player::seekFinished, this, [this] {
        if (m_highlightPending)
            showHighlight();
    });
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this, [this] {
        if (!m_highlightPending)
            hideHighlight();
    });
    // Another file in this tab: search it instead.
    connect(m_recording, &Recording::stateChanged, this, [this](Recording::State s) {
        if (s != Recording::State::Opening && s != Recording::State::Closed)
            return;
        if (isVisible() && !m_edit->text().isEmpty())
            startSearch();
        else
            m_search->clear();
    });
    hide();
    updateCounter();
}

PlayerSearchBar::~PlayerSearchBar() = default;

RecordingSearch::Query PlayerSearchBar::currentQuery() const
{
    return {m_edit->text(), m_regex->isChecked(), m_case->isChecked()};
}

void PlayerSearchBar::activate()
{
    show();
    m_edit->setFocus(Qt::ShortcutFocusReason);
    m_edit->selectAll();
    if (m_search->query() != currentQuery() || m_search->path() != m_recording->path())
        startSearch();
}

void PlayerSearchBar::dismiss()
{
    m_typing.stop();
    m_jumpPending = 0;
    m_search->clear();
    m_current = -1;
    m_invalid = false;
    m_edit->setStyleSheet(QString());
    hideHighlight();
    if (!m_times.isEmpty()) {
        m_times.clear();
        Q_EMIT hitTimesChanged(m_times);
    }
    hide();
    updateCounter();
    Q_EMIT closed();
}

void PlayerSearchBar::startSearch()
{
    m_typing.stop();
    m_current = -1;
    m_shownAt = -1;
    hideHighlight();
    m_times.clear();
    Q_EMIT hitTimesChanged(m_times);
    m_invalid = false;
    m_edit->setStyleSheet(QString());
    m_edit->setToolTip(QString());
    const RecordingSearch::Query q = currentQuery();
    if (q.text.isEmpty() || m_recording->path().isEmpty()) {
        m_jumpPending = 0;
        m_search->clear();
    } else if (!m_search->start(m_recording->path(), q)) {
        m_jumpPending = 0; // onFailed() said why
    }
    updateCounter();
}

void PlayerSearchBar::findNext()
{
    find(true);
}

void PlayerSearchBar::findPrevious()
{
    find(false);
}

void PlayerSearchBar::find(bool forward)
{
    if (!isVisible()) {
        activate();
        if (m_edit->text().isEmpty())
            return;
    }
    if (m_typing.isActive() || m_search->query() != currentQuery() || m_search->path() != m_recording->path()) {
        // Enter right after typing: search now, go to the first hit when it comes.
        m_jumpPending = forward ? 1 : -1;
        startSearch();
        return;
    }
    if (m_search->hits().isEmpty()) {
        if (m_search->isRunning())
            m_jumpPending = forward ? 1 : -1;
        return;
    }
    jumpTo(indexFrom(forward));
}

// The hit after (before) the one shown, or - when the player went elsewhere since - the first
// hit after (the last before) the current frame, wrapping around.
int PlayerSearchBar::indexFrom(bool forward) const
{
    const QList<RecordingSearch::Hit> &hits = m_search->hits();
    const int n = int(hits.size());
    if (n == 0)
        return -1;
    const qint64 applied = m_player->eventIndex();
    if (m_current >= 0 && m_current < n && applied == m_shownAt)
        return (m_current + (forward ? 1 : n - 1)) % n;
    if (forward) {
        // Hits visible in the current frame count as "after" it: the first Enter shows them.
        const auto it = std::partition_point(hits.cbegin(), hits.cend(),
                                             [applied](const RecordingSearch::Hit &h) { return h.eventIndex + 1 < applied; });
        return it == hits.cend() ? 0 : int(it - hits.cbegin());
    }
    const auto it = std::partition_point(hits.cbegin(), hits.cend(),
                                         [applied](const RecordingSearch::Hit &h) { return h.eventIndex + 1 < applied; });
    return it == hits.cbegin() ? n - 1 : int(it - hits.cbegin()) - 1;
}

void PlayerSearchBar::jumpTo(int index)
{
    if (index < 0 || index >= m_search->hits().size())
        return;
    m_current = index;
    hideHighlight();
    m_highlightPending = true;
    m_player->pause();
    m_player->seekToEvent(m_search->hits().at(index).eventIndex + 1);
    if (!m_player->isSeeking())
        showHighlight();
    updateCounter();
}

void PlayerSearchBar::showHighlight()
{
    m_highlightPending = false;
    m_shownAt = m_player->eventIndex();
    const Terminal *t = m_view->terminal();
    if (!t || m_current < 0 || m_current >= m_search->hits().size())
        return;
    const RecordingSearch::Hit &hit = m_search->hits().at(m_current);
    // Where its rows are now: the hit's row, another row (a hit seen before a clear or in the
    // middle of a long event), or the scrollback (it had scrolled off by the end of the event).
    const int count = qMax(1, hit.rowCount);
    const int sb = t->scrollbackSize();
    auto isThere = [&](int line) {
        return line >= 0 && line + count <= sb + t->rows() && linesText(*t, line, count) == hit.lineText;
    };
    int line = -1;
    if (hit.row >= 0 && isThere(sb + hit.row))
        line = sb + hit.row;
    for (int r = 0; r < t->rows() && line < 0; ++r)
        if (isThere(sb + r))
            line = sb + r;
    int offset = 0;
    if (line < 0 && !t->isAltScreen()) {
        for (int i = sb - 1; i >= qMax(0, sb - kScrollbackLookup); --i) {
            if (!isThere(i))
                continue;
            // That line a third down the view.
            offset = qBound(0, sb - i + t->rows() / 3, sb);
            line = i;
            break;
        }
    }
    m_view->setScrollOffset(offset);
    if (line < 0)
        return;
    // One frame per row the match covers.
    const int viewRow = line - (sb - offset);
    while (m_frames.size() < count)
        m_frames.append(new HitFrame(m_view->viewport()));
    for (int k = 0; k < count; ++k) {
        const int from = k == 0 ? hit.startCol : 0;
        const int to = k == count - 1 ? hit.endCol : t->cols();
        QWidget *frame = m_frames.at(k);
        frame->setGeometry(m_view->cellMetrics()
                               .cellRect(viewRow + k, from, qMax(1, to - from))
                               .toAlignedRect()
                               .adjusted(-2, -2, 2, 2));
        frame->show();
        frame->raise();
    }
    for (qsizetype k = count; k < m_frames.size(); ++k)
        m_frames.at(k)->hide();
}

void PlayerSearchBar::hideHighlight()
{
    for (QWidget *frame : std::as_const(m_frames))
        frame->hide();
}

QRect PlayerSearchBar::highlightRect() const
{
    QRect r;
    for (const QWidget *frame : m_frames)
        if (frame->isVisible())
            r |= frame->geometry();
    return r;
}

void PlayerSearchBar::onHits(const QList<RecordingSearch::Hit> &hits)
{
    for (const RecordingSearch::Hit &h : hits)
        m_times.append(h.timeUs);
    Q_EMIT hitTimesChanged(m_times);
    jumpWhenKnown(false);
    updateCounter();
}

void PlayerSearchBar::onFinished()
{
    jumpWhenKnown(true);
    m_jumpPending = 0;
    updateCounter();
}

// Enter came before the hits: go as soon as the hit to go to is known for sure (hits come in
// the order of the recording, in batches): forward, the first hit at or after the frame
// shown; backward, the last one before it; wrapping around once the search is over.
void PlayerSearchBar::jumpWhenKnown(bool searchOver)
{
    const QList<RecordingSearch::Hit> &hits = m_search->hits();
    if (!m_jumpPending || hits.isEmpty())
        return;
    const qint64 applied = m_player->eventIndex();
    const bool pastFrame = hits.last().eventIndex + 1 >= applied;
    if (!searchOver && !pastFrame)
        return;
    jumpTo(indexFrom(std::exchange(m_jumpPending, 0) > 0));
}

void PlayerSearchBar::onFailed(const QString &error)
{
    m_jumpPending = 0;
    m_invalid = true;
    m_edit->setStyleSheet(u"QLineEdit { background: #fbe3e4; color: #8a1f11; }"_s);
    m_edit->setToolTip(error);
    updateCounter();
}

QString PlayerSearchBar::counterText() const
{
    return m_counter->text();
}

void PlayerSearchBar::updateCounter()
{
    const int n = int(m_search->hits().size());
    m_prev->setEnabled(n > 0);
    m_next->setEnabled(n > 0);
    QString text;
    if (m_invalid) {
        text = m_search->query().regex || m_regex->isChecked() ? tr("Invalid expression") : tr("Search failed");
        m_counter->setToolTip(m_search->errorString());
    } else if (!m_edit->text().isEmpty() && !m_search->query().text.isEmpty()) {
        const QString total = m_search->isLimitReached() ? u"%1+"_s.arg(n) : QString::number(n);
        if (n == 0)
            text = m_search->isRunning() ? tr("Searching") : tr("No hits");
        else if (m_current >= 0)
            text = tr("%1 of %2").arg(m_current + 1).arg(total);
        else
            text = tr("%n hit(s)", nullptr, n) + (m_search->isLimitReached() ? u"+"_s : QString());
        if (m_search->isRunning())
            text += u"…"_s;
        const qint64 total64 = m_search->bytesTotal();
        m_counter->setToolTip(m_search->isRunning() && total64 > 0
                                  ? tr("Searched %1 % of the recording").arg(m_search->bytesDone() * 100 / total64)
                              : m_search->isLimitReached()
                                  ? tr("The search stops after %1 hits").arg(RecordingSearch::kMaxHits)
                                  : QString());
    } else {
        m_counter->setToolTip(QString());
    }
    m_counter->setText(text);
}

bool PlayerSearchBar::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        // Esc and Enter belong to the bar while it has the focus.
        auto *ke = static_cast<QKeyEvent *>(event);
        if (ke->key() == Qt::Key_Escape || ke->key() == Qt::Key_Return || ke->key() == Qt::Key_Enter) {
            ke->accept();
            return true;
        }
    } else if (event->type() == QEvent::KeyPress) {
        auto *ke = static_cast<QKeyEvent *>(event);
        if (ke->key() == Qt::Key_Escape) {
            dismiss();
            return true;
        }
        if (watched == m_edit && (ke->key() == Qt::Key_Return || ke->key() == Qt::Key_Enter)) {
            find(!(ke->modifiers() & Qt::ShiftModifier));
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}
