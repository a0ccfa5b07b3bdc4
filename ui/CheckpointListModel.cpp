#include "CheckpointListModel.h"

#include "TimelineWidget.h"

#include <QFontDatabase>
#include <QGuiApplication>
#include <QPainter>
#include <QPalette>
#include <QPixmap>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
// Same checkpoint (a grown index keeps the ones it had, in order).
bool sameCheckpoint(const Checkpoint &a, const Checkpoint &b)
{
    return a.kind == b.kind && a.timeUs == b.timeUs && a.eventIndex == b.eventIndex && a.sequenceEnd == b.sequenceEnd;
}
} // namespace

CheckpointListModel::CheckpointListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

CheckpointListModel::~CheckpointListModel() = default;

void CheckpointListModel::setIndex(const CheckpointIndex &index)
{
    // The cached lines stay valid for the checkpoints the new index still starts with.
    const qsizetype common = std::min(m_checkpoints.size(), index.checkpoints.size());
    qsizetype kept = 0;
    while (kept < common && sameCheckpoint(m_checkpoints[kept], index.checkpoints[kept]))
        ++kept;
    if (kept < m_checkpoints.size()) {
        for (auto it = m_firstLines.begin(); it != m_firstLines.end();) {
            if (it.key() >= kept)
                it = m_firstLines.erase(it);
            else
                ++it;
        }
    }

    QList<Row> rows;
    rows.reserve(index.checkpoints.size() + index.markers.size());
    for (qsizetype i = 0; i < index.checkpoints.size(); ++i) {
        const Checkpoint &c = index.checkpoints[i];
        rows.append(Row{c.timeUs, c.eventIndex, EntryType::Checkpoint, int(i)});
    }
    for (qsizetype i = 0; i < index.markers.size(); ++i) {
        const CastMarker &m = index.markers[i];
        rows.append(Row{m.timeUs, m.eventIndex, EntryType::Marker, int(i)});
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        if (a.timeUs != b.timeUs)
            return a.timeUs < b.timeUs;
        return a.eventIndex < b.eventIndex;
    });

    const bool appended = rows.size() >= m_rows.size() && std::equal(m_rows.cbegin(), m_rows.cend(), rows.cbegin())
        && kept == m_checkpoints.size();
    if (appended && rows.size() == m_rows.size()) {
        m_checkpoints = index.checkpoints;
        m_markers = index.markers;
        return; // nothing new
    }
    if (appended)
        beginInsertRows({}, int(m_rows.size()), int(rows.size()) - 1);
    else
        beginResetModel();
    m_checkpoints = index.checkpoints;
    m_markers = index.markers;
    m_rows = std::move(rows);
    m_checkpointRow.fill(-1, m_checkpoints.size());
    m_markerRow.fill(-1, m_markers.size());
    for (qsizetype r = 0; r < m_rows.size(); ++r) {
        const Row &row = m_rows[r];
        (row.type == EntryType::Checkpoint ? m_checkpointRow : m_markerRow)[row.index] = int(r);
    }
    if (appended)
        endInsertRows();
    else
        endResetModel();
    if (!appended)
        m_currentRow = -1; // the reset forgot it; announce it again
    updateCurrentRow();
}

void CheckpointListModel::setFirstLineProvider(FirstLineProvider provider)
{
    m_provider = std::move(provider);
    invalidateFirstLines();
}

void CheckpointListModel::invalidateFirstLines()
{
    m_firstLines.clear();
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, ScreenColumn), index(int(m_rows.size()) - 1, ScreenColumn));
}

QString CheckpointListModel::firstLine(int checkpointIndex) const
{
    const auto it = m_firstLines.constFind(checkpointIndex);
    if (it != m_firstLines.cend())
        return *it;
    if (!m_provider)
        return {};
    const QString line = m_provider(checkpointIndex);
    m_firstLines.insert(checkpointIndex, line);
    return line;
}

void CheckpointListModel::setPosition(qint64 us)
{
    if (us == m_position)
        return;
    m_position = us;
    updateCurrentRow();
}

int CheckpointListModel::findCurrentRow() const
{
    auto it = std::upper_bound(m_rows.cbegin(), m_rows.cend(), m_position,
                               [](qint64 t, const Row &row) { return t < row.timeUs; });
    while (it != m_rows.cbegin()) {
        --it;
        if (it->type == EntryType::Checkpoint)
            return int(it - m_rows.cbegin());
    }
    return -1;
}

void CheckpointListModel::updateCurrentRow()
{
    const int row = findCurrentRow();
    if (row == m_currentRow)
        return;
    const int old = m_currentRow;
    m_currentRow = row;
    if (old >= 0 && old < m_rows.size())
        Q_EMIT dataChanged(index(old, 0), index(old, ColumnCount - 1));
    if (row >= 0)
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    Q_EMIT currentRowChanged(row);
}

int CheckpointListModel::rowForCheckpoint(int checkpointIndex) const
{
    return checkpointIndex >= 0 && checkpointIndex < m_checkpointRow.size() ? m_checkpointRow[checkpointIndex] : -1;
}

int CheckpointListModel::rowForMarker(int markerIndex) const
{
    return markerIndex >= 0 && markerIndex < m_markerRow.size() ? m_markerRow[markerIndex] : -1;
}

void CheckpointListModel::refreshStyle()
{
    m_icons.clear();
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

QIcon CheckpointListModel::iconFor(const Row &row) const
{
    const int key = row.type == EntryType::Marker ? -1 : int(m_checkpoints[row.index].kind);
    const auto it = m_icons.constFind(key);
    if (it != m_icons.cend())
        return *it;
    const QPalette palette = QGuiApplication::palette();
    QIcon icon;
    for (const int size : {16, 22, 32}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        const QRectF r = QRectF(0, 0, size, size).adjusted(size / 8.0, size / 16.0, -size / 8.0, -size / 16.0);
        if (key < 0)
            TimelineWidget::paintMarkerSymbol(p, r, palette);
        else
            TimelineWidget::paintKindSymbol(p, ClearKind(key), r, palette);
        p.end();
        icon.addPixmap(pixmap);
    }
    m_icons.insert(key, icon);
    return icon;
}

int CheckpointListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CheckpointListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CheckpointListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows[index.row()];
    const bool isMarker = row.type == EntryType::Marker;
    const bool current = index.row() == m_currentRow;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return TimelineWidget::formatTime(row.timeUs);
        case KindColumn:
            return isMarker ? tr("Marker") : TimelineWidget::kindLabel(m_checkpoints[row.index].kind);
        case ScreenColumn: {
            if (isMarker)
                return m_markers[row.index].label;
            const QString line = firstLine(row.index);
            return line.isEmpty() && m_provider ? tr("(blank screen)") : line;
        }
        }
        break;
    case Qt::ToolTipRole:
        if (isMarker) {
            const CastMarker &m = m_markers[row.index];
            const QString at = TimelineWidget::formatTime(m.timeUs);
            return m.label.isEmpty() ? tr("Marker at %1").arg(at) : tr("Marker \u201C%1\u201D at %2").arg(m.label, at);
        } else {
            const Checkpoint &c = m_checkpoints[row.index];
            QString tip = TimelineWidget::kindLabel(c.kind);
            const QString seq = TimelineWidget::kindSequenceText(c.kind);
            if (!seq.isEmpty())
                tip += u" (%1)"_s.arg(seq);
            tip += u'\n' + tr("at %1, event %2, terminal %3\u00D7%4")
                               .arg(TimelineWidget::formatTime(c.timeUs))
                               .arg(c.eventIndex + 1)
                               .arg(c.cols)
                               .arg(c.rows);
            if (index.column() == ScreenColumn && m_provider) {
                const QString line = firstLine(row.index);
                if (!line.isEmpty())
                    tip += u"\n\n"_s + line;
            }
            return tip;
        }
    case Qt::AccessibleTextRole:
        return u"%1, %2, %3"_s.arg(data(index.siblingAtColumn(TimeColumn)).toString(),
                                  data(index.siblingAtColumn(KindColumn)).toString(),
                                  data(index.siblingAtColumn(ScreenColumn)).toString());
    case Qt::DecorationRole:
        if (index.column() == KindColumn)
            return iconFor(row);
        break;
    case Qt::FontRole: {
        QFont font = index.column() == KindColumn ? QGuiApplication::font()
                                                  : QFontDatabase::systemFont(QFontDatabase::FixedFont);
        if (index.column() == ScreenColumn && isMarker) {
            font = QGuiApplication::font();
            font.setItalic(true);
        }
        font.setBold(current);
        return font;
    }
    case Qt::ForegroundRole:
        if (index.column() == ScreenColumn && !isMarker && m_provider && firstLine(row.index).isEmpty())
            return QGuiApplication::palette().brush(QPalette::PlaceholderText);
        if (index.column() == KindColumn && isMarker)
            return TimelineWidget::markerColor(QGuiApplication::palette());
        break;
    case Qt::BackgroundRole:
        if (current) {
            QColor c = QGuiApplication::palette().color(QPalette::Highlight);
            c.setAlphaF(0.22f);
            return c;
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == TimeColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case EntryTypeRole:
        return int(row.type);
    case ItemIndexRole:
        return row.index;
    case TimeRole:
        return row.timeUs;
    case CurrentRole:
        return current;
    }
    return {};
}

QVariant CheckpointListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case KindColumn:
        return tr("Kind");
    case ScreenColumn:
        return tr("Screen");
    }
    return {};
}
