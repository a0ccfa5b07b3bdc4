#include "HelpDialog.h"
#include "MainWindow.h"

#include <QAction>

#include <QLabel>
#include <QTabWidget>
#include <QTest>

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void titleAndEmptyState()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.windowTitle(), QStringLiteral("CastDeck"));
        QVERIFY(w.showsEmptyState());
        auto *empty = w.findChild<QLabel *>(QStringLiteral("emptyState"));
        QVERIFY(empty);
        QVERIFY(empty->isVisible());
        QVERIFY(empty->text().contains(QStringLiteral(".cast")));
        QVERIFY(empty->text().contains(QStringLiteral("New Terminal")));
    }

    void emptyStateGoesAwayWithATabAndComesBack()
    {
        MainWindow w;
        w.show();
        auto *page = new QWidget;
        w.tabs()->addTab(page, QStringLiteral("x"));
        QMetaObject::invokeMethod(&w, [&w] { Q_EMIT w.tabs()->tabCloseRequested(0); });
        QTRY_VERIFY(w.showsEmptyState());
    }

    void aboutNamesVersionsAndLicences()
    {
        QCoreApplication::setApplicationVersion(QStringLiteral("9.8.7"));
        const QString html = HelpDialog::aboutHtml();
        QVERIFY(html.contains(QStringLiteral("CastDeck 9.8.7")));
        QVERIFY(html.contains(QString::fromLatin1(qVersion())));
        QVERIFY(html.contains(QStringLiteral("libvterm 0.")));
        QVERIFY(html.contains(QStringLiteral("KPty 6.")));
        for (const char *licence : {"LGPL-3.0-only", "LGPL-2.0-or-later", "MIT"})
            QVERIFY2(html.contains(QLatin1StringView(licence)), licence);
    }

    // The help page lists every window shortcut, from the actions themselves.
    void shortcutPageListsTheActions()
    {
        MainWindow w;
        const QList<QAction *> actions = w.findChildren<QAction *>();
        const QString html = HelpDialog::shortcutsHtml(actions);
        int listed = 0;
        for (const QAction *a : actions) {
            if (a->shortcut().isEmpty())
                continue;
            ++listed;
            QVERIFY2(html.contains(a->shortcut().toString(QKeySequence::NativeText).toHtmlEscaped()),
                     qPrintable(a->objectName()));
        }
        QVERIFY(listed >= 5);
        QVERIFY(html.contains(QStringLiteral("New Terminal")));
        QVERIFY(html.contains(QStringLiteral("Ctrl+Shift+C")));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
