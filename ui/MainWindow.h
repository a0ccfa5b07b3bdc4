// MainWindow: the one window; terminals and players live in its tabs. With no tab open it
// shows an empty state that says how to open a recording or start a shell.
//
// Owns the actions (menus, toolbar, shortcuts) and applies them to the current tab.
// Settings (QSettings): recording/auto, recording/folder, recording/v3, recording/captureInput.
#pragma once

#include <QList>
#include <QMainWindow>
#include <QUrl>

class QAction;
class QLabel;
class QStackedWidget;
class QTabWidget;
class PlayerTab;
class QMenu;
class TerminalTab;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);

    QTabWidget *tabs() const { return m_tabs; }
    // True while no tab is open and the empty state is shown.
    bool showsEmptyState() const;

    // A new terminal tab running program (empty: the login shell), made current. Starts
    // recording it when "Record New Terminals" is on.
    TerminalTab *newTerminal(const QString &program = {}, const QStringList &arguments = {});
    TerminalTab *currentTerminal() const;
    // Opens a recording in a player tab (or shows the tab that has it already).
    PlayerTab *openRecording(const QString &path);
    PlayerTab *currentPlayer() const;
    // Opens the local files among urls (a drop); returns how many.
    int openUrls(const QList<QUrl> &urls);
    // File -> Open: a dialog, then a tab per chosen file.
    void showOpenDialog();
    // Most recent first (QSettings recent/files), at most kMaxRecent.
    static QStringList recentFiles();
    static constexpr int kMaxRecent = 10;
    // Closes tab `index`; asks first when a program still runs there. False when the user
    // said no.
    bool closeTab(int index);

    // Where automatic recordings go: recording/folder, else AppDataLocation/recordings.
    static QString recordingFolder();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void updateEmptyState();
    void updateActions();
    void toggleRecording(bool on);
    bool startRecording(TerminalTab *tab);
    void addMarker();
    bool confirmClose(const QStringList &programs);
    void rememberRecent(const QString &path);
    void updateRecentMenu();
    void updatePlaybackMenu();
    void addTab(QWidget *tab, const QString &title);

    QStackedWidget *m_stack = nullptr;
    QLabel *m_emptyState = nullptr;
    QTabWidget *m_tabs = nullptr;

    QAction *m_newTerminal = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_playbackMenu = nullptr;
    QAction *m_closeTab = nullptr;
    QAction *m_record = nullptr;
    QAction *m_addMarker = nullptr;
    QAction *m_markCheckpoint = nullptr;
    QAction *m_captureInput = nullptr;
    QAction *m_autoRecord = nullptr;
    QAction *m_formatV3 = nullptr;
    QAction *m_zoomIn = nullptr;
    QAction *m_zoomOut = nullptr;
    QAction *m_zoomReset = nullptr;
};
