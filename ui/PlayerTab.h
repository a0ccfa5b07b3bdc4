// PlayerTab: one recording in the main window: the Recording (file + index, loading in the
// background), the Player (clock and terminal model), a read-only TerminalView of the current
// frame, the TimelineWidget with checkpoints, markers and the output density, the checkpoint
// list, the transport controls, an indexing progress bar and a non-modal bar for damaged lines.
// Playback options (actions): loop, pause at markers, the idle time limit (a submenu), a
// keystroke overlay for recorded input, and scale to fit (on: a recording larger than the
// view is painted smaller, see TerminalView::setFitToTerminal()).
//
// Data flow: Recording (worker thread) -> index -> timeline / list; Player -> Terminal ->
// TerminalView; timeline / list / keys -> Player::seek*(). GUI thread.
//
// Keys (asciinema-player conventions and more), also in actions() for menus and toolbars:
// Space play/pause; Left/Right -/+5 s; Shift+Left/Right -/+10 %; 0-9 jump to 0-90 %;
// [ / ] previous/next marker or checkpoint; End last clear; Home start; , / . step back /
// forward; + / - speed; F full screen (the window's); Ctrl+F find in the recording's text
// (PlayerSearchBar), F3 / Shift+F3 next / previous hit.
#pragma once

#include <QList>
#include <QWidget>

class CheckpointListWidget;
class Player;
class PlayerSearchBar;
class QAction;
class QComboBox;
class QLabel;
class QMenu;
class QProgressBar;
class QPushButton;
class QSplitter;
class QTimer;
class QToolButton;
class Recording;
class Terminal;
class TerminalView;
class TimelineWidget;

class PlayerTab : public QWidget
{
    Q_OBJECT
public:
    explicit PlayerTab(QWidget *parent = nullptr);
    ~PlayerTab() override;

    // Starts opening path (returns at once).
    void open(const QString &path);
    QString path() const;
    QString title() const;

    Recording *recording() const { return m_recording; }
    Player *player() const { return m_player; }
    TerminalView *view() const { return m_view; }
    TimelineWidget *timeline() const { return m_timeline; }
    PlayerSearchBar *searchBar() const { return m_searchBar; }

    // The playback actions (shortcuts live while this tab has focus), for menus and toolbars.
    QList<QAction *> actions() const { return m_actions; }
    // Also finds the entries of the actions' submenus (the idle time limit's).
    QAction *action(const QString &objectName) const;
    // Text shown in the damage bar (empty when hidden).
    QString warningText() const;

Q_SIGNALS:
    void titleChanged(const QString &title);
    // F: the window should toggle full screen.
    void fullScreenRequested();

private:
    void createActions();
    QAction *addAction(const QString &name, const QString &text, const QKeySequence &key, const QString &icon,
                       void (PlayerTab::*slot)());
    void onStateChanged();
    void onIndexChanged();
    void onPositionChanged(qint64 us);
    void onTerminalChanged(Terminal *terminal);
    void updateTime();
    void updatePlayButton();
    void updateWarnings();
    void nextMark();
    void previousMark();
    void back5() { seekBy(-5'000'000); }
    void forward5() { seekBy(5'000'000); }
    void back10() { seekByFraction(-0.1); }
    void forward10() { seekByFraction(0.1); }
    void seekBy(qint64 us);
    void seekByFraction(double f);
    void faster();
    void slower();
    void setSpeedIndex(int index);
    QString firstLineAfterCheckpoint(int checkpoint);
    // Playback options: the idle time limit menu, the keystroke overlay.
    void createIdleLimitMenu(QAction *menuAction);
    void updateIdleLimitMenu();
    void chooseIdleLimit(QAction *choice);
    void showKeystrokes(const QString &text);

    Recording *m_recording = nullptr;
    Player *m_player = nullptr;
    Player *m_probe = nullptr; // a second player for the checkpoint list's first lines
    TerminalView *m_view = nullptr;
    TimelineWidget *m_timeline = nullptr;
    CheckpointListWidget *m_list = nullptr;
    QSplitter *m_splitter = nullptr;
    QLabel *m_warnings = nullptr;
    QWidget *m_progressRow = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
    QToolButton *m_playButton = nullptr;
    QLabel *m_time = nullptr;
    QComboBox *m_speed = nullptr;
    QLabel *m_keystrokes = nullptr;
    QTimer *m_keystrokesShown = nullptr; // how long the overlay stays before it fades
    QMenu *m_idleLimitMenu = nullptr;
    QAction *m_idleLimitChoice = nullptr; // the choice in force (Custom… goes back to it on cancel)
    PlayerSearchBar *m_searchBar = nullptr; // Ctrl+F
    QList<QAction *> m_actions;
    bool m_positionedAtLoad = false;
    bool m_warningsDismissed = false;
};
