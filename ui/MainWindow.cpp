#include "MainWindow.h"

#include "ColorScheme.h"
#include "HelpDialog.h"
#include "PlayerTab.h"
#include "TerminalTab.h"
#include "TerminalView.h"
#include "session/TerminalSession.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMimeData>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabWidget>
#include <QToolBar>

using namespace Qt::StringLiterals;

namespace {
QAction *makeAction(QObject *parent, const QString &name, const QString &text, const QKeySequence &shortcut,
                    const QString &tip = {})
{
    auto *a = new QAction(text, parent);
    a->setObjectName(name);
    if (!shortcut.isEmpty()) {
        a->setShortcut(shortcut);
        a->setShortcutContext(Qt::WindowShortcut);
    }
    const QString plain = QString(text).remove(u'&').remove(u"…"_s);
    const QString tipText = tip.isEmpty() ? plain : tip;
    a->setToolTip(shortcut.isEmpty() ? tipText
                                     : u"%1 (%2)"_s.arg(tipText, shortcut.toString(QKeySequence::NativeText)));
    return a;
}
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("CastDeck"));
    setObjectName(u"MainWindow"_s);

    m_emptyState = new QLabel(this);
    m_emptyState->setObjectName(u"emptyState"_s);
    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setWordWrap(true);
    m_emptyState->setTextFormat(Qt::RichText);
    m_emptyState->setText(tr("<h1>CastDeck</h1>"
                             "<p>Record terminal sessions and play asciicast recordings.</p>"
                             "<p><b>Open a recording:</b> drop a <tt>.cast</tt> file here, or run "
                             "<tt>castdeck FILE.cast</tt>.</p>"
                             "<p><b>Start a shell:</b> File &rarr; New Terminal (Ctrl+Shift+T).</p>"
                             "<p><b>Inspect a recording without a window:</b> <tt>castdeck info FILE.cast</tt></p>"));

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"tabs"_s);
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_emptyState);
    m_stack->addWidget(m_tabs);
    setCentralWidget(m_stack);

    createActions();
    setAcceptDrops(true);

    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &MainWindow::closeTab);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        updateActions();
        updatePlaybackMenu();
        if (QWidget *w = m_tabs->currentWidget())
            w->setFocus();
    });
    updateEmptyState();
    updateActions();
}

void MainWindow::createActions()
{
    QSettings settings;

    m_newTerminal = makeAction(this, u"actionNewTerminal"_s, tr("New &Terminal"), QKeySequence(u"Ctrl+Shift+T"_s),
                               tr("Start a shell in a new tab"));
    connect(m_newTerminal, &QAction::triggered, this, [this] { newTerminal(); });
    m_closeTab = makeAction(this, u"actionCloseTab"_s, tr("&Close Tab"), QKeySequence(u"Ctrl+Shift+W"_s));
    connect(m_closeTab, &QAction::triggered, this, [this] {
        if (m_tabs->currentIndex() >= 0)
            closeTab(m_tabs->currentIndex());
    });
    auto *open = makeAction(this, u"actionOpen"_s, tr("&Open Recording…"), QKeySequence::Open,
                            tr("Open a .cast recording in a player tab"));
    connect(open, &QAction::triggered, this, &MainWindow::showOpenDialog);
    auto *quit = makeAction(this, u"actionQuit"_s, tr("&Quit"), QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    m_record = makeAction(this, u"actionRecord"_s, tr("&Record"), QKeySequence(u"Ctrl+Shift+R"_s),
                          tr("Record this terminal into a .cast file"));
    m_record->setCheckable(true);
    m_record->setIcon(QIcon::fromTheme(u"media-record"_s));
    connect(m_record, &QAction::triggered, this, &MainWindow::toggleRecording);
    m_addMarker = makeAction(this, u"actionAddMarker"_s, tr("Add &Marker…"), QKeySequence(u"Ctrl+Shift+M"_s),
                             tr("Write a labelled marker into the recording"));
    connect(m_addMarker, &QAction::triggered, this, &MainWindow::addMarker);
    m_markCheckpoint = makeAction(this, u"actionMarkCheckpoint"_s, tr("Mark &Checkpoint"), {},
                                  tr("Make this moment a resume point of the recording"));
    connect(m_markCheckpoint, &QAction::triggered, this, [this] {
        if (TerminalTab *t = currentTerminal())
            t->markCheckpoint();
    });
    m_captureInput = makeAction(this, u"actionCaptureInput"_s, tr("Record Keyboard &Input"), {},
                                tr("Also record what is typed (passwords included). Off by default."));
    m_captureInput->setCheckable(true);
    m_captureInput->setChecked(settings.value(u"recording/captureInput"_s, false).toBool());
    connect(m_captureInput, &QAction::toggled, this,
            [](bool on) { QSettings().setValue(u"recording/captureInput"_s, on); });
    m_autoRecord = makeAction(this, u"actionAutoRecord"_s, tr("Record &New Terminals Automatically"), {},
                              tr("Record every new terminal into %1").arg(QDir::toNativeSeparators(recordingFolder())));
    m_autoRecord->setCheckable(true);
    m_autoRecord->setChecked(settings.value(u"recording/auto"_s, false).toBool());
    connect(m_autoRecord, &QAction::toggled, this, [](bool on) { QSettings().setValue(u"recording/auto"_s, on); });
    m_formatV3 = makeAction(this, u"actionFormatV3"_s, tr("Use asciicast &v3"), {},
                            tr("Write new recordings as asciicast v3 instead of v2"));
    m_formatV3->setCheckable(true);
    m_formatV3->setChecked(settings.value(u"recording/v3"_s, false).toBool());
    connect(m_formatV3, &QAction::toggled, this, [](bool on) { QSettings().setValue(u"recording/v3"_s, on); });

    m_zoomIn = makeAction(this, u"actionZoomIn"_s, tr("Zoom &In"), QKeySequence(u"Ctrl+="_s));
    connect(m_zoomIn, &QAction::triggered, this, [this] {
        if (TerminalTab *t = currentTerminal())
            t->view()->zoomIn();
    });
    m_zoomOut = makeAction(this, u"actionZoomOut"_s, tr("Zoom &Out"), QKeySequence(u"Ctrl+-"_s));
    connect(m_zoomOut, &QAction::triggered, this, [this] {
        if (TerminalTab *t = currentTerminal())
            t->view()->zoomOut();
    });
    m_zoomReset = makeAction(this, u"actionZoomReset"_s, tr("&Reset Zoom"), QKeySequence(u"Ctrl+0"_s));
    connect(m_zoomReset, &QAction::triggered, this, [this] {
        if (TerminalTab *t = currentTerminal())
            t->view()->resetZoom();
    });

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newTerminal);
    file->addAction(open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(u"menuRecent"_s);
    updateRecentMenu();
    file->addSeparator();
    file->addAction(m_closeTab);
    file->addAction(quit);

    QMenu *record = menuBar()->addMenu(tr("&Recording"));
    record->addAction(m_record);
    record->addAction(m_addMarker);
    record->addAction(m_markCheckpoint);
    record->addSeparator();
    record->addAction(m_captureInput);
    record->addAction(m_autoRecord);
    record->addAction(m_formatV3);

    m_playbackMenu = menuBar()->addMenu(tr("&Playback"));
    m_playbackMenu->setObjectName(u"menuPlayback"_s);
    updatePlaybackMenu();

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_zoomIn);
    view->addAction(m_zoomOut);
    view->addAction(m_zoomReset);
    view->addSeparator();
    QMenu *schemes = view->addMenu(tr("&Colour Scheme"));
    auto *schemeGroup = new QActionGroup(this);
    const QString current = settings.value(u"view/scheme"_s, u"dark"_s).toString();
    for (const auto &[key, text] : {std::pair{u"dark"_s, tr("&Dark")}, std::pair{u"light"_s, tr("&Light")}}) {
        QAction *a = schemes->addAction(text);
        a->setObjectName(u"actionScheme-"_s + key);
        a->setCheckable(true);
        a->setChecked(key == current);
        schemeGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, key] {
            QSettings().setValue(u"view/scheme"_s, key);
            const ColorScheme scheme = key == u"light"_s ? ColorScheme::light() : ColorScheme::dark();
            for (int i = 0; i < m_tabs->count(); ++i)
                if (auto *t = qobject_cast<TerminalTab *>(m_tabs->widget(i)))
                    t->view()->setColorScheme(scheme);
        });
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *shortcuts = help->addAction(tr("&Keyboard Shortcuts"));
    shortcuts->setObjectName(u"actionShortcuts"_s);
    shortcuts->setShortcut(QKeySequence::HelpContents);
    connect(shortcuts, &QAction::triggered, this, [this] { HelpDialog::showShortcuts(this, findChildren<QAction *>()); });
    QAction *about = help->addAction(tr("&About CastDeck"));
    about->setObjectName(u"actionAbout"_s);
    connect(about, &QAction::triggered, this, [this] { HelpDialog::showAbout(this); });

    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(u"mainToolBar"_s);
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_newTerminal);
    bar->addAction(open);
    bar->addSeparator();
    bar->addAction(m_record);
    bar->addAction(m_addMarker);
    bar->addAction(m_markCheckpoint);
}

bool MainWindow::showsEmptyState() const
{
    return m_stack->currentWidget() == m_emptyState;
}

QString MainWindow::recordingFolder()
{
    const QString configured = QSettings().value(u"recording/folder"_s).toString();
    if (!configured.isEmpty())
        return configured;
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(u"recordings"_s);
}

TerminalTab *MainWindow::newTerminal(const QString &program, const QStringList &arguments)
{
    auto *tab = new TerminalTab;
    if (QSettings().value(u"view/scheme"_s).toString() == u"light"_s)
        tab->view()->setColorScheme(ColorScheme::light());
    addTab(tab, tab->title());
    connect(tab, &TerminalTab::titleChanged, this, [this, tab](const QString &title) {
        const int i = m_tabs->indexOf(tab);
        if (i >= 0) {
            m_tabs->setTabText(i, title);
            m_tabs->setTabToolTip(i, title);
        }
    });
    connect(tab, &TerminalTab::recordingChanged, this, [this, tab](bool recording) {
        const int i = m_tabs->indexOf(tab);
        if (i >= 0)
            m_tabs->setTabIcon(i, recording ? QIcon::fromTheme(u"media-record"_s) : QIcon());
        updateActions();
    });
    // The program ended by itself: close its tab like Konsole does, unless there is
    // something to read (a failure message).
    connect(tab, &TerminalTab::finished, this, [this, tab](PtyExitStatus status) {
        if (status.succeeded()) {
            const int i = m_tabs->indexOf(tab);
            if (i >= 0) {
                m_tabs->removeTab(i);
                tab->deleteLater();
                updateEmptyState();
            }
        }
        updateActions();
    });
    tab->start(program, arguments);
    if (m_autoRecord->isChecked() && tab->isRunning())
        startRecording(tab);
    updateActions();
    return tab;
}

void MainWindow::addTab(QWidget *tab, const QString &title)
{
    const int index = m_tabs->addTab(tab, title);
    m_tabs->setCurrentIndex(index);
    updateEmptyState();
    tab->setFocus();
}

PlayerTab *MainWindow::openRecording(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (auto *p = qobject_cast<PlayerTab *>(m_tabs->widget(i)); p && p->path() == absolute) {
            m_tabs->setCurrentIndex(i);
            rememberRecent(absolute);
            return p;
        }
    }
    auto *tab = new PlayerTab;
    if (QSettings().value(u"view/scheme"_s).toString() == u"light"_s)
        tab->view()->setColorScheme(ColorScheme::light());
    connect(tab, &PlayerTab::titleChanged, this, [this, tab](const QString &title) {
        const int i = m_tabs->indexOf(tab);
        if (i >= 0) {
            m_tabs->setTabText(i, title);
            m_tabs->setTabToolTip(i, QDir::toNativeSeparators(tab->path()));
        }
    });
    connect(tab, &PlayerTab::fullScreenRequested, this, [this] {
        if (isFullScreen())
            showNormal();
        else
            showFullScreen();
    });
    tab->open(absolute);
    addTab(tab, tab->title());
    m_tabs->setTabIcon(m_tabs->indexOf(tab), QIcon::fromTheme(u"media-playback-start"_s));
    rememberRecent(absolute);
    return tab;
}

PlayerTab *MainWindow::currentPlayer() const
{
    return qobject_cast<PlayerTab *>(m_tabs->currentWidget());
}

QStringList MainWindow::recentFiles()
{
    return QSettings().value(u"recent/files"_s).toStringList();
}

void MainWindow::rememberRecent(const QString &path)
{
    QStringList files = recentFiles();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > kMaxRecent)
        files.removeLast();
    QSettings().setValue(u"recent/files"_s, files);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = recentFiles();
    for (const QString &f : files) {
        QAction *a = m_recentMenu->addAction(QFileInfo(f).fileName());
        a->setToolTip(QDir::toNativeSeparators(f));
        connect(a, &QAction::triggered, this, [this, f] { openRecording(f); });
    }
    m_recentMenu->setEnabled(!files.isEmpty());
    if (!files.isEmpty()) {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("&Clear List"), this, [this] {
            QSettings().remove(u"recent/files"_s);
            updateRecentMenu();
        });
    }
}

void MainWindow::showOpenDialog()
{
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Open Recording"), {}, tr("asciicast recordings (*.cast);;All files (*)"));
    for (const QString &f : files)
        openRecording(f);
}

void MainWindow::updatePlaybackMenu()
{
    m_playbackMenu->clear();
    PlayerTab *p = currentPlayer();
    m_playbackMenu->setEnabled(p != nullptr);
    if (!p)
        return;
    QMenu *jump = nullptr;
    for (QAction *a : p->actions()) {
        if (a->objectName().startsWith(u"actionJump"_s)) {
            if (!jump)
                jump = m_playbackMenu->addMenu(tr("&Jump To"));
            jump->addAction(a);
            continue;
        }
        if (a->objectName() == u"actionLoop"_s)
            m_playbackMenu->addSeparator();
        m_playbackMenu->addAction(a);
    }
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        for (const QUrl &url : event->mimeData()->urls())
            if (url.isLocalFile()) {
                event->acceptProposedAction();
                return;
            }
}

void MainWindow::dropEvent(QDropEvent *event)
{
    if (openUrls(event->mimeData()->urls()))
        event->acceptProposedAction();
}

int MainWindow::openUrls(const QList<QUrl> &urls)
{
    int opened = 0;
    for (const QUrl &url : urls)
        if (url.isLocalFile() && openRecording(url.toLocalFile()))
            ++opened;
    return opened;
}

TerminalTab *MainWindow::currentTerminal() const
{
    return qobject_cast<TerminalTab *>(m_tabs->currentWidget());
}

bool MainWindow::confirmClose(const QStringList &programs)
{
    QMessageBox box(QMessageBox::Warning, tr("Close Terminal?"),
                    programs.size() == 1 ? tr("“%1” is still running. Close it anyway?").arg(programs.first())
                                         : tr("%n program(s) are still running: %1. Close them anyway?", nullptr,
                                              int(programs.size()))
                                               .arg(programs.join(u", "_s)),
                    QMessageBox::Close | QMessageBox::Cancel, this);
    box.setObjectName(u"confirmClose"_s);
    box.setDefaultButton(QMessageBox::Cancel);
    return box.exec() == QMessageBox::Close;
}

bool MainWindow::closeTab(int index)
{
    QWidget *w = m_tabs->widget(index);
    if (!w)
        return false;
    if (auto *t = qobject_cast<TerminalTab *>(w); t && t->isRunning() && !confirmClose({t->title()}))
        return false;
    m_tabs->removeTab(index);
    delete w; // finishes a recording (exit event, fsync) and hangs up the program now
    updateEmptyState();
    updateActions();
    updatePlaybackMenu();
    return true;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QStringList running;
    for (int i = 0; i < m_tabs->count(); ++i)
        if (auto *t = qobject_cast<TerminalTab *>(m_tabs->widget(i)); t && t->isRunning())
            running << t->title();
    if (!running.isEmpty() && !confirmClose(running)) {
        event->ignore();
        return;
    }
    while (m_tabs->count())
        delete m_tabs->widget(0);
    event->accept();
}

void MainWindow::updateEmptyState()
{
    m_stack->setCurrentWidget(m_tabs->count() == 0 ? static_cast<QWidget *>(m_emptyState) : m_tabs);
}

void MainWindow::updateActions()
{
    TerminalTab *t = currentTerminal();
    const bool recording = t && t->isRecording();
    m_closeTab->setEnabled(m_tabs->count() > 0);
    m_record->setEnabled(t && (recording || t->isRunning()));
    m_record->setChecked(recording);
    m_addMarker->setEnabled(recording);
    m_markCheckpoint->setEnabled(recording);
    for (QAction *a : {m_zoomIn, m_zoomOut, m_zoomReset})
        a->setEnabled(t != nullptr);
}

bool MainWindow::startRecording(TerminalTab *tab)
{
    const QString folder = recordingFolder();
    QDir().mkpath(folder);
    const QString path = TerminalTab::recordingFileName(folder, tab->session()->commandLine(),
                                                        QDateTime::currentDateTime());
    QString error;
    if (!tab->startRecording(path, m_formatV3->isChecked() ? 3 : 2, m_captureInput->isChecked(), &error)) {
        QMessageBox::warning(this, tr("Recording Failed"), tr("Could not record into %1: %2")
                                                                .arg(QDir::toNativeSeparators(path), error));
        return false;
    }
    return true;
}

void MainWindow::toggleRecording(bool on)
{
    TerminalTab *t = currentTerminal();
    if (!t)
        return;
    if (on && !t->isRecording())
        startRecording(t);
    else if (!on && t->isRecording())
        t->stopRecording();
    updateActions();
}

void MainWindow::addMarker()
{
    TerminalTab *t = currentTerminal();
    if (!t || !t->isRecording())
        return;
    bool ok = false;
    const QString label = QInputDialog::getText(this, tr("Add Marker"), tr("Label:"), QLineEdit::Normal, {}, &ok);
    if (ok)
        t->addMarker(label);
}
