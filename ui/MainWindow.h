// MainWindow: the one window; terminals and players live in its tabs. With no tab open it
// shows an empty state that says how to open a recording or start a shell.
#pragma once

#include <QMainWindow>

class QLabel;
class QStackedWidget;
class QTabWidget;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);

    QTabWidget *tabs() const { return m_tabs; }
    // True while no tab is open and the empty state is shown.
    bool showsEmptyState() const;

private:
    void updateEmptyState();

    QStackedWidget *m_stack = nullptr;
    QLabel *m_emptyState = nullptr;
    QTabWidget *m_tabs = nullptr;
};
