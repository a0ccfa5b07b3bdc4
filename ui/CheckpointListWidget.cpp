#include "CheckpointListWidget.h"

#include "TimelineWidget.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

CheckpointListWidget::CheckpointListWidget(QWidget *parent)
    : QWidget(parent)
    , m_model(new CheckpointListModel(this))
{
    m_view = new QTreeView(this);
    m_view->setObjectName(u"checkpointListView"_s);
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setItemsExpandable(false);
    m_view->setAllColumnsShowFocus(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setFrameShape(QFrame::NoFrame);
    // One row height for all, measured once: with tens of thousands of rows the view then
    // asks the model only for what it shows (the first lines are expensive).
    m_view->setUniformRowHeights(true);
    m_view->setAccessibleName(tr("Checkpoints and markers"));
    m_view->setAccessibleDescription(tr("Clear checkpoints and markers of the recording in time order: time, kind "
                                        "and the first line of the screen after it. Click or press Enter to jump."));
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(true);
    header->setSectionsMovable(false);
    // Never ResizeToContents: it would ask every row (and the provider) for its text.
    header->setSectionResizeMode(QHeaderView::Interactive);
    m_view->installEventFilter(this);

    m_empty = new QLabel(tr("No clear checkpoints or markers in this recording yet."), this);
    m_empty->setObjectName(u"emptyLabel"_s);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setContentsMargins(12, 12, 12, 12);
    m_empty->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_view);
    layout->addWidget(m_empty);

    connect(m_view, &QAbstractItemView::clicked, this, &CheckpointListWidget::activate);
    connect(m_model, &CheckpointListModel::currentRowChanged, this, &CheckpointListWidget::followCurrentRow);
    connect(m_model, &QAbstractItemModel::modelReset, this, &CheckpointListWidget::updateEmptyState);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &CheckpointListWidget::updateEmptyState);

    setAccessibleName(tr("Checkpoint list"));
    updateColumnWidths();
    updateEmptyState();
}

CheckpointListWidget::~CheckpointListWidget() = default;

void CheckpointListWidget::setIndex(const CheckpointIndex &index)
{
    m_model->setIndex(index);
}

void CheckpointListWidget::setFirstLineProvider(CheckpointListModel::FirstLineProvider provider)
{
    m_model->setFirstLineProvider(std::move(provider));
}

void CheckpointListWidget::invalidateFirstLines()
{
    m_model->invalidateFirstLines();
}

void CheckpointListWidget::setPosition(qint64 us)
{
    m_model->setPosition(us);
}

void CheckpointListWidget::activate(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const int item = m_model->itemIndex(index.row());
    if (m_model->entryType(index.row()) == CheckpointListModel::EntryType::Checkpoint)
        Q_EMIT checkpointActivated(item);
    else
        Q_EMIT markerActivated(item);
}

void CheckpointListWidget::followCurrentRow(int row)
{
    // Keep the current row in view, but never move the list under the user's pointer.
    if (row < 0 || m_view->underMouse())
        return;
    m_view->scrollTo(m_model->index(row, 0), QAbstractItemView::EnsureVisible);
}

bool CheckpointListWidget::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && key->modifiers() == Qt::NoModifier) {
            activate(m_view->currentIndex());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void CheckpointListWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        m_model->refreshStyle();
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        updateColumnWidths();
    QWidget::changeEvent(event);
}

void CheckpointListWidget::updateColumnWidths()
{
    // From the fonts, not from the rows (see the header's resize mode above).
    // Bold: the current row's text is.
    QFont fixedFont = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    fixedFont.setBold(true);
    QFont plainFont = font();
    plainFont.setBold(true);
    const QFontMetrics fixed(fixedFont);
    const QFontMetrics plain(plainFont);
    const int padding = 2 * style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_view) + 12;
    m_view->setColumnWidth(CheckpointListModel::TimeColumn, fixed.horizontalAdvance(u"0:00:00.0"_s) + padding);
    int kind = plain.horizontalAdvance(tr("Marker"));
    for (const ClearKind k : {ClearKind::ClearScreen, ClearKind::HomeClearScreen, ClearKind::ClearScrollback,
                              ClearKind::Reset, ClearKind::AltScreenEnter, ClearKind::AltScreenLeave,
                              ClearKind::Manual})
        kind = std::max(kind, plain.horizontalAdvance(TimelineWidget::kindLabel(k)));
    const int icon = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, m_view);
    m_view->setColumnWidth(CheckpointListModel::KindColumn, kind + icon + padding + 4);
}

void CheckpointListWidget::updateEmptyState()
{
    const bool empty = m_model->rowCount() == 0;
    m_view->setVisible(!empty);
    m_empty->setVisible(empty);
}

QSize CheckpointListWidget::sizeHint() const
{
    return QSize(m_view->columnWidth(0) + m_view->columnWidth(1) + 260, 400);
}
