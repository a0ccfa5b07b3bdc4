#include "MainWindow.h"

#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QStackedWidget>
#include <QTabWidget>

using namespace Qt::StringLiterals;

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
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_emptyState);
    m_stack->addWidget(m_tabs);
    setCentralWidget(m_stack);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::closeAllWindows);
    quit->setObjectName(u"actionQuit"_s);

    connect(m_tabs, &QTabWidget::tabCloseRequested, this, [this](int i) {
        QWidget *w = m_tabs->widget(i);
        m_tabs->removeTab(i);
        w->deleteLater();
        updateEmptyState();
    });
    updateEmptyState();
}

bool MainWindow::showsEmptyState() const
{
    return m_stack->currentWidget() == m_emptyState;
}

void MainWindow::updateEmptyState()
{
    m_stack->setCurrentWidget(m_tabs->count() == 0 ? static_cast<QWidget *>(m_emptyState) : m_tabs);
}
