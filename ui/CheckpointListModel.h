// CheckpointListModel: the rows of the checkpoint side panel: every clear checkpoint and
// every marker of a recording, interleaved by time, as "time | kind | first line of the screen
// after it" (a marker: its label). Knows which row is current: the last checkpoint at or
// before the playhead.
//
// Data flow: Recording::index() -> setIndex() (again as the index grows: rows are appended
// when the old ones are a prefix, so views keep their scroll position); the first lines come
// from a provider the owner supplies (it renders the screen after a checkpoint), called lazily
// from data(), that is only for rows a view asks for (the visible ones), and cached;
// Player::positionChanged -> setPosition() -> currentRowChanged(). GUI thread.
#pragma once

#include "checkpoint/CheckpointIndex.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>

#include <functional>

class CheckpointListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, KindColumn, ScreenColumn, ColumnCount };
    enum Role {
        EntryTypeRole = Qt::UserRole + 1, // EntryType, as int
        ItemIndexRole,                    // index into CheckpointIndex::checkpoints or ::markers
        TimeRole,                         // microseconds (qint64)
        CurrentRole,                      // bool: the current row
    };
    enum class EntryType { Checkpoint, Marker };
    // The first line of the screen right after checkpoint `checkpointIndex`.
    using FirstLineProvider = std::function<QString(int checkpointIndex)>;

    explicit CheckpointListModel(QObject *parent = nullptr);
    ~CheckpointListModel() override;

    void setIndex(const CheckpointIndex &index);
    // Replaces the provider and forgets the lines it gave.
    void setFirstLineProvider(FirstLineProvider provider);
    // Forgets the cached lines (the provider's answers changed).
    void invalidateFirstLines();

    // The playhead; the current row follows it.
    void setPosition(qint64 us);
    qint64 position() const { return m_position; }
    // The row of the last checkpoint at or before the position, -1 when there is none.
    int currentRow() const { return m_currentRow; }

    EntryType entryType(int row) const { return m_rows.at(row).type; }
    int itemIndex(int row) const { return m_rows.at(row).index; }
    qint64 timeAt(int row) const { return m_rows.at(row).timeUs; }
    int rowForCheckpoint(int checkpointIndex) const;
    int rowForMarker(int markerIndex) const;
    int checkpointCount() const { return int(m_checkpoints.size()); }
    int markerCount() const { return int(m_markers.size()); }

    // Icons follow the application palette; call after it changes.
    void refreshStyle();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void currentRowChanged(int row);

private:
    struct Row {
        qint64 timeUs = 0;
        qint64 eventIndex = 0;
        EntryType type = EntryType::Checkpoint;
        int index = 0;
        bool operator==(const Row &) const = default;
    };
    QString firstLine(int checkpointIndex) const;
    QIcon iconFor(const Row &row) const;
    int findCurrentRow() const;
    void updateCurrentRow();

    QList<Checkpoint> m_checkpoints;
    QList<CastMarker> m_markers;
    QList<Row> m_rows; // sorted by time, then file order
    QList<int> m_checkpointRow; // checkpoint index -> row
    QList<int> m_markerRow;
    FirstLineProvider m_provider;
    mutable QHash<int, QString> m_firstLines;
    mutable QHash<int, QIcon> m_icons; // by ClearKind (or -1 for markers)
    qint64 m_position = 0;
    int m_currentRow = -1;
};
