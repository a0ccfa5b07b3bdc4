// CheckpointListModel / CheckpointListWidget: rows in time order (checkpoints and markers
// interleaved), the current row follows the position, click and Enter activate, the first-line
// provider is asked only for the rows shown and only once, a growing index appends rows.
#include "CheckpointListModel.h"
#include "CheckpointListWidget.h"
#include "TimelineWidget.h"

#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;

namespace {
constexpr qint64 kSecond = 1'000'000;

Checkpoint checkpoint(ClearKind kind, qint64 timeUs, qint64 eventIndex)
{
    Checkpoint c;
    c.kind = kind;
    c.timeUs = timeUs;
    c.eventIndex = eventIndex;
    c.sequenceEnd = eventIndex * 100;
    return c;
}

CastMarker marker(qint64 timeUs, const QString &label, qint64 eventIndex)
{
    CastMarker m;
    m.timeUs = timeUs;
    m.label = label;
    m.eventIndex = eventIndex;
    return m;
}

// Checkpoints at 10, 20, 30, 40 s; markers at 5, 20 (after the checkpoint at 20), 35 s.
CheckpointIndex smallIndex()
{
    CheckpointIndex index;
    index.checkpoints = {checkpoint(ClearKind::HomeClearScreen, 10 * kSecond, 4),
                         checkpoint(ClearKind::ClearScrollback, 20 * kSecond, 9),
                         checkpoint(ClearKind::AltScreenEnter, 30 * kSecond, 15),
                         checkpoint(ClearKind::Manual, 40 * kSecond, 21)};
    index.markers = {marker(5 * kSecond, u"start"_s, 2), marker(20 * kSecond, u"tests pass"_s, 10),
                     marker(35 * kSecond, u"deploy"_s, 18)};
    return index;
}

CheckpointIndex bigIndex(int count)
{
    CheckpointIndex index;
    for (int i = 0; i < count; ++i)
        index.checkpoints.append(checkpoint(ClearKind::ClearScreen, i * kSecond, i * 3));
    return index;
}

struct Entry {
    CheckpointListModel::EntryType type;
    int index;
};
} // namespace

class CheckpointListTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowsInTimeOrder()
    {
        CheckpointListModel model;
        model.setFirstLineProvider([](int i) { return u"line after %1"_s.arg(i); });
        model.setIndex(smallIndex());
        using T = CheckpointListModel::EntryType;
        const QList<Entry> expected = {{T::Marker, 0}, {T::Checkpoint, 0}, {T::Checkpoint, 1}, {T::Marker, 1},
                                       {T::Checkpoint, 2}, {T::Marker, 2}, {T::Checkpoint, 3}};
        QCOMPARE(model.rowCount(), expected.size());
        QCOMPARE(model.columnCount(), 3);
        qint64 last = -1;
        for (int row = 0; row < model.rowCount(); ++row) {
            QCOMPARE(model.entryType(row), expected[row].type);
            QCOMPARE(model.itemIndex(row), expected[row].index);
            QVERIFY(model.timeAt(row) >= last);
            last = model.timeAt(row);
            const QModelIndex idx = model.index(row, 0);
            QCOMPARE(idx.data(CheckpointListModel::EntryTypeRole).toInt(), int(expected[row].type));
            QCOMPARE(idx.data(CheckpointListModel::ItemIndexRole).toInt(), expected[row].index);
            QCOMPARE(idx.data(CheckpointListModel::TimeRole).toLongLong(), model.timeAt(row));
            if (expected[row].type == T::Checkpoint)
                QCOMPARE(model.rowForCheckpoint(expected[row].index), row);
            else
                QCOMPARE(model.rowForMarker(expected[row].index), row);
        }
        // time | kind | first line (a marker: its label)
        auto text = [&](int row, int column) { return model.index(row, column).data().toString(); };
        QCOMPARE(text(1, 0), u"0:00:10.0"_s);
        QCOMPARE(text(1, 1), u"Home, clear screen"_s);
        QCOMPARE(text(1, 2), u"line after 0"_s);
        QCOMPARE(text(3, 0), u"0:00:20.0"_s);
        QCOMPARE(text(3, 1), u"Marker"_s);
        QCOMPARE(text(3, 2), u"tests pass"_s);
        QCOMPARE(text(6, 1), u"Manual checkpoint"_s);
        QCOMPARE(text(6, 2), u"line after 3"_s);
        // Distinct icons for checkpoints and markers, and a tooltip naming the sequence.
        QVERIFY(!model.index(1, 1).data(Qt::DecorationRole).value<QIcon>().isNull());
        QVERIFY(!model.index(0, 1).data(Qt::DecorationRole).value<QIcon>().isNull());
        QVERIFY(model.index(1, 1).data(Qt::ToolTipRole).toString().contains(u"ESC[H ESC[2J"_s));
        QVERIFY(model.index(1, 1).data(Qt::ToolTipRole).toString().contains(u"at 0:00:10.0"_s));
        QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), u"Screen"_s);
    }

    void currentRowFollowsPosition_data()
    {
        QTest::addColumn<qint64>("position");
        QTest::addColumn<int>("row");
        QTest::newRow("before every checkpoint") << qint64(0) << -1;
        QTest::newRow("on the first marker") << 5 * kSecond << -1;
        QTest::newRow("exactly at the first") << 10 * kSecond << 1;
        QTest::newRow("between") << 15 * kSecond << 1;
        QTest::newRow("at a checkpoint with a marker") << 20 * kSecond << 2;
        QTest::newRow("past a marker") << 36 * kSecond << 4;
        QTest::newRow("just before the last") << 40 * kSecond - 1 << 4;
        QTest::newRow("at the end") << 100 * kSecond << 6;
    }
    void currentRowFollowsPosition()
    {
        QFETCH(qint64, position);
        QFETCH(int, row);
        CheckpointListModel model;
        model.setIndex(smallIndex());
        model.setPosition(50 * kSecond);
        QSignalSpy current(&model, &CheckpointListModel::currentRowChanged);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setPosition(position);
        QCOMPARE(model.currentRow(), row);
        QCOMPARE(current.size(), row == 6 ? 0 : 1);
        if (row != 6)
            QVERIFY(changed.size() >= 1); // the old row and the new one repaint
        for (int r = 0; r < model.rowCount(); ++r) {
            QCOMPARE(model.index(r, 0).data(CheckpointListModel::CurrentRole).toBool(), r == row);
            QCOMPARE(model.index(r, 2).data(Qt::FontRole).value<QFont>().bold(), r == row);
            QCOMPARE(model.index(r, 0).data(Qt::BackgroundRole).isValid(), r == row);
        }
        model.setPosition(position); // again: nothing
        QCOMPARE(current.size(), row == 6 ? 0 : 1);
    }

    void providerIsLazyAndCached()
    {
        CheckpointListModel model;
        QList<int> calls;
        model.setFirstLineProvider([&](int i) {
            calls.append(i);
            return i == 2 ? QString() : u"$ make %1"_s.arg(i);
        });
        model.setIndex(smallIndex());
        QVERIFY(calls.isEmpty()); // nothing until a row is asked for
        // Rows 0 (a marker), 1 (checkpoint 0), 4 (checkpoint 2: a blank screen).
        QCOMPARE(model.index(0, 2).data().toString(), u"start"_s);
        QCOMPARE(model.index(1, 2).data().toString(), u"$ make 0"_s);
        QCOMPARE(model.index(4, 2).data().toString(), u"(blank screen)"_s);
        QCOMPARE(calls, (QList<int>{0, 2}));
        // Other columns and roles do not need it; asking again is free.
        model.index(2, 0).data();
        model.index(2, 1).data();
        model.index(2, 0).data(Qt::FontRole);
        model.index(1, 2).data();
        model.index(1, 2).data(Qt::ForegroundRole);
        model.index(4, 2).data(Qt::ForegroundRole);
        QCOMPARE(calls, (QList<int>{0, 2}));
        QVERIFY(model.index(4, 2).data(Qt::ForegroundRole).isValid()); // placeholder colour
        // Forgetting the cache asks again, for what is asked again.
        model.invalidateFirstLines();
        model.index(1, 2).data();
        QCOMPARE(calls, (QList<int>{0, 2, 0}));
    }

    void providerOnlyForVisibleRows()
    {
        CheckpointListWidget widget;
        QSet<int> asked;
        int calls = 0;
        widget.setFirstLineProvider([&](int i) {
            asked.insert(i);
            ++calls;
            return u"$ echo %1"_s.arg(i);
        });
        widget.setIndex(bigIndex(20000));
        widget.resize(420, 300);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        QTreeView *view = widget.view();
        QTRY_VERIFY(!asked.isEmpty());
        QCoreApplication::processEvents();
        const int rowHeight = view->sizeHintForRow(0);
        const int visibleRows = view->viewport()->height() / rowHeight + 1;
        qInfo() << "provider asked for" << asked.size() << "of 20000 rows," << visibleRows << "visible";
        QVERIFY2(asked.size() <= visibleRows + 1, qPrintable(QString::number(asked.size())));
        QCOMPARE(calls, asked.size()); // each once
        for (const int i : std::as_const(asked))
            QVERIFY(i <= visibleRows);
        // Scrolled to the end: only the rows now shown are asked.
        asked.clear();
        view->scrollToBottom();
        QTRY_VERIFY(!asked.isEmpty());
        QCoreApplication::processEvents();
        QVERIFY(asked.size() <= visibleRows + 1);
        for (const int i : std::as_const(asked))
            QVERIFY(i >= 20000 - visibleRows - 1);
    }

    void clickAndEnterActivate()
    {
        CheckpointListWidget widget;
        widget.setIndex(smallIndex());
        widget.resize(480, 300);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        QSignalSpy cp(&widget, &CheckpointListWidget::checkpointActivated);
        QSignalSpy mk(&widget, &CheckpointListWidget::markerActivated);
        QTreeView *view = widget.view();
        const auto clickRow = [&](int row) {
            const QRect r = view->visualRect(widget.model()->index(row, 1));
            QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, r.center());
        };
        clickRow(2); // checkpoint 1
        QCOMPARE(cp.size(), 1);
        QCOMPARE(cp.at(0).at(0).toInt(), 1);
        clickRow(5); // marker 2
        QCOMPARE(mk.size(), 1);
        QCOMPARE(mk.at(0).at(0).toInt(), 2);
        QCOMPARE(cp.size(), 1);
        // Keyboard: move down to row 6 (checkpoint 3) and press Enter.
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Down);
        QCOMPARE(view->currentIndex().row(), 6);
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(cp.size(), 2);
        QCOMPARE(cp.at(1).at(0).toInt(), 3);
        QTest::keyClick(view, Qt::Key_Up);
        QTest::keyClick(view, Qt::Key_Enter);
        QCOMPARE(mk.size(), 2);
        QCOMPARE(mk.at(1).at(0).toInt(), 2);
    }

    void currentRowIsScrolledIntoView()
    {
        CheckpointListWidget widget;
        widget.setIndex(bigIndex(2000));
        widget.setGeometry(600, 400, 420, 240); // away from the pointer: under it, the list stays put
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        QCOMPARE(widget.view()->verticalScrollBar()->value(), 0);
        widget.setPosition(1500 * kSecond + 3);
        QCOMPARE(widget.model()->currentRow(), 1500);
        const QRect r = widget.view()->visualRect(widget.model()->index(1500, 0));
        QVERIFY(widget.view()->viewport()->rect().contains(r));
    }

    void growingIndexAppendsRows()
    {
        CheckpointListModel model;
        int calls = 0;
        model.setFirstLineProvider([&](int i) {
            ++calls;
            return u"line %1"_s.arg(i);
        });
        CheckpointIndex index = smallIndex();
        index.checkpoints.removeLast();
        index.markers.removeLast();
        model.setIndex(index);
        model.setPosition(25 * kSecond);
        QCOMPARE(model.currentRow(), 2);
        model.index(1, 2).data();
        model.index(2, 2).data();
        QCOMPARE(calls, 2);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setIndex(smallIndex()); // the indexer found more
        QCOMPARE(reset.size(), 0);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 5);
        QCOMPARE(inserted.at(0).at(2).toInt(), 6);
        QCOMPARE(model.rowCount(), 7);
        QCOMPARE(model.currentRow(), 2);
        model.index(1, 2).data();
        model.index(2, 2).data();
        QCOMPARE(calls, 2); // still cached
        model.setIndex(smallIndex()); // the same again: nothing
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(reset.size(), 0);
        // Another recording: reset, cache gone.
        CheckpointIndex other = smallIndex();
        other.checkpoints[0].timeUs = 11 * kSecond;
        model.setIndex(other);
        QCOMPARE(reset.size(), 1);
        model.index(1, 2).data();
        QCOMPARE(calls, 3);
        QCOMPARE(model.currentRow(), 2); // recomputed for the same position
    }

    void emptyState()
    {
        CheckpointListWidget widget;
        widget.resize(300, 200);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        auto *empty = widget.findChild<QLabel *>(u"emptyLabel"_s);
        QVERIFY(empty);
        QVERIFY(empty->isVisible());
        QVERIFY(!widget.view()->isVisible());
        widget.setIndex(smallIndex());
        QVERIFY(!empty->isVisible());
        QVERIFY(widget.view()->isVisible());
        QVERIFY(!widget.view()->accessibleName().isEmpty());
        // Column widths come from the fonts, never from asking every row.
        QCOMPARE(widget.view()->header()->sectionResizeMode(0), QHeaderView::Interactive);
        QVERIFY(widget.view()->columnWidth(0) >= widget.fontMetrics().horizontalAdvance(u"0:00:00.0"_s));
    }
};

QTEST_MAIN(CheckpointListTest)
#include "tst_checkpointlist.moc"
