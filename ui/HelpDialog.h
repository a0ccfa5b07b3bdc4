// HelpDialog: the About box (version, the libraries and their licences) and the in-app help
// page listing the keyboard shortcuts. The shortcut table is built from the window's actions,
// so it cannot drift from what the keys do; the terminal view's own keys are added to it.
#pragma once

#include <QList>
#include <QString>

class QAction;
class QWidget;

class HelpDialog
{
public:
    static void showAbout(QWidget *parent);
    static void showShortcuts(QWidget *parent, const QList<QAction *> &actions);
    // The About text and the shortcut page as HTML (tests look at them).
    static QString aboutHtml();
    static QString shortcutsHtml(const QList<QAction *> &actions);
};
