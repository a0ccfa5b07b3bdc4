// PlayerSearchBar: the player tab's find bar (Ctrl+F): a search field, "Regular expression"
// and "Match case", the hit counter ("3 of 41"), previous / next, close. It runs a
// RecordingSearch over the tab's recording (as you type, after a short pause; hits come in
// while it runs), moves the Player to a hit (Player::seekToEvent: the state right after the
// event that made the match visible) and frames the match in the TerminalView (scrolling the
// view back when the line had scrolled off by then).
//
// Data flow: Recording::path() -> RecordingSearch (worker thread) -> hits -> hitTimesChanged()
// (PlayerTab -> TimelineWidget::setSearchHits) and findNext() / findPrevious() -> Player ->
// Terminal -> TerminalView (+ a frame drawn over its viewport). GUI thread.
//
// Keys inside the field: Enter next hit, Shift+Enter previous, Esc closes. F3 / Shift+F3 and
// Ctrl+F are PlayerTab's actions (they call findNext(), findPrevious(), activate()).
// "Next" after the player moved elsewhere means the first hit after the current frame.
#pragma once

#include "play/RecordingSearch.h"

#include <QTimer>
#include <QWidget>

class Player;
class QCheckBox;
class QLabel;
class QLineEdit;
class QToolButton;
class Recording;
class TerminalView;

class PlayerSearchBar : public QWidget
{
    Q_OBJECT
public:
    // Typing starts a search after this pause (ms); Enter starts it at once.
    static constexpr int kTypingDelayMs = 250;

    PlayerSearchBar(Recording *recording, Player *player, TerminalView *view, QWidget *parent = nullptr);
    ~PlayerSearchBar() override;

    RecordingSearch *search() const { return m_search; }
    QLineEdit *lineEdit() const { return m_edit; }
    // The hit shown last (index into search()->hits()), -1 when none.
    int currentHit() const { return m_current; }
    // The counter's text ("3 of 41", "No hits", ...).
    QString counterText() const;
    // The framed match in view coordinates of the viewport (null when none is shown); one that
    // runs on over soft wraps has a frame per row, this is their bounding rectangle.
    QRect highlightRect() const;

public Q_SLOTS:
    // Shows the bar and focuses the field (its text selected).
    void activate();
    // Hides the bar (Esc), clears the hits (and the timeline's marks), gives the focus back.
    void dismiss();
    void findNext();
    void findPrevious();

Q_SIGNALS:
    // Every hit's time (for the timeline); empty when the search is cleared.
    void hitTimesChanged(const QList<qint64> &timesUs);
    // Esc or the close button: the owner may move the focus back to the view.
    void closed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void startSearch();
    void find(bool forward);
    int indexFrom(bool forward) const;
    void jumpTo(int index);
    void showHighlight();
    void hideHighlight();
    void onHits(const QList<RecordingSearch::Hit> &hits);
    void onFinished();
    void jumpWhenKnown(bool searchOver);
    void onFailed(const QString &error);
    void updateCounter();
    RecordingSearch::Query currentQuery() const;

    Recording *m_recording;
    Player *m_player;
    TerminalView *m_view;
    RecordingSearch *m_search;
    QLineEdit *m_edit = nullptr;
    QCheckBox *m_regex = nullptr;
    QCheckBox *m_case = nullptr;
    QLabel *m_counter = nullptr;
    QToolButton *m_prev = nullptr;
    QToolButton *m_next = nullptr;
    QToolButton *m_close = nullptr;
    QList<QWidget *> m_frames; // the highlight, a frame per row, children of the view's viewport
    QTimer m_typing;
    QList<qint64> m_times;
    int m_current = -1;
    qint64 m_shownAt = -1;        // the player's eventIndex() when the current hit was shown
    bool m_highlightPending = false;
    int m_jumpPending = 0;        // +1 / -1: Enter came before any hit; jump when they come
    bool m_invalid = false;
};
