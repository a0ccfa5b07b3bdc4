#include "MainWindow.h"

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
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
