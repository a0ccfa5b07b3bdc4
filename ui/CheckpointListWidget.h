// CheckpointListWidget: the player's side panel listing the clear checkpoints and markers of a
// recording (time, kind, first line of the screen after it; a marker's label), to jump from.
// The row of the last checkpoint at or before the playhead is highlighted and kept in view
// (unless the pointer is over the list: it does not move under the user's hand).
//
// Data flow: Recording::index() -> setIndex(); the owner's first-line provider ->
// CheckpointListModel (lazily, visible rows only, cached); Player::positionChanged ->
// setPosition(); click or Enter -> checkpointActivated / markerActivated -> Player (PlayerTab
// connects them). GUI thread.
#pragma once

#include "CheckpointListModel.h"

#include <QWidget>

class QLabel;
class QModelIndex;
class QTreeView;

class CheckpointListWidget : public QWidget
{
    Q_OBJECT
public:
    explicit CheckpointListWidget(QWidget *parent = nullptr);
    ~CheckpointListWidget() override;

    void setIndex(const CheckpointIndex &index);
    // The first line of the screen after a checkpoint; called only for rows that are shown.
    void setFirstLineProvider(CheckpointListModel::FirstLineProvider provider);
    // The provider's answers changed (forget the cached lines).
    void invalidateFirstLines();
    void setPosition(qint64 us);

    CheckpointListModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }

    QSize sizeHint() const override;

Q_SIGNALS:
    void checkpointActivated(int index); // into CheckpointIndex::checkpoints
    void markerActivated(int index);     // into CheckpointIndex::markers

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void activate(const QModelIndex &index);
    void followCurrentRow(int row);
    void updateColumnWidths();
    void updateEmptyState();

    CheckpointListModel *m_model = nullptr;
    QTreeView *m_view = nullptr;
    QLabel *m_empty = nullptr;
};
