#include "TimelineWidget.h"

#include <QApplication>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <QVarLengthArray>
#include <QWheelEvent>

#include <algorithm>
#include <climits>
#include <limits>
#include <cmath>
#include <numeric>

using namespace Qt::StringLiterals;

namespace {
// Room left and right of the time axis, so the playhead's handle shows whole at 0 and at the end.
constexpr int kSide = 8;
constexpr int kTrackMinHeight = 14;
constexpr int kDensityHeight = 9;
constexpr int kOverviewHeight = 2;
constexpr double kZoomPerNotch = 1.25;    // Ctrl+wheel, one notch (120)
constexpr double kScrollPerNotch = 0.1;   // wheel on a zoomed view: a tenth of it per notch
constexpr int kCapSpacing = 5;            // caps closer than this (px) are drawn once

// How a tick looks: kinds that look alike share a style. Drawing order: later on top.
enum Style : quint8 { Clear, Scrollback, AltEnter, AltLeave, Manual, Reset, StyleCount };

Style styleOf(ClearKind kind)
{
    switch (kind) {
    case ClearKind::ClearScreen:
    case ClearKind::HomeClear:
    case ClearKind::HomeClearScreen:
        return Clear;
    case ClearKind::ClearScrollback:
        return Scrollback;
    case ClearKind::Reset:
        return Reset;
    case ClearKind::AltScreenEnter:
    case ClearKind::AltScreen47Enter:
        return AltEnter;
    case ClearKind::AltScreenLeave:
    case ClearKind::AltScreen47Leave:
        return AltLeave;
    case ClearKind::Manual:
        return Manual;
    }
    return Clear;
}

ClearKind representative(Style style)
{
    static constexpr ClearKind kinds[StyleCount] = {ClearKind::ClearScreen, ClearKind::ClearScrollback,
        ClearKind::AltScreenEnter, ClearKind::AltScreenLeave, ClearKind::Manual, ClearKind::Reset};
    return kinds[style];
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightnessF() < 0.5;
}

// `a` over `b` with a's share `t` (0..1), opaque.
QColor mix(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() * t + b.redF() * (1 - t)), float(a.greenF() * t + b.greenF() * (1 - t)),
        float(a.blueF() * t + b.blueF() * (1 - t)));
}

// The cap shape of a style, centred at `c`, about `size` px across. Empty for plain clears.
void addCap(QPainterPath &path, Style style, QPointF c, qreal size)
{
    const qreal r = size / 2;
    switch (style) {
    case Clear:
        break;
    case Scrollback:
        path.addRect(QRectF(c.x() - r * 0.85, c.y() - r * 0.85, r * 1.7, r * 1.7));
        break;
    case Reset:
        path.addEllipse(c, r, r);
        break;
    case AltEnter: // points into the alternate-screen span, to the right
        path.moveTo(c.x() - r * 0.3, c.y() - r);
        path.lineTo(c.x() + r * 1.2, c.y());
        path.lineTo(c.x() - r * 0.3, c.y() + r);
        path.closeSubpath();
        break;
    case AltLeave: // points back into it, to the left
        path.moveTo(c.x() + r * 0.3, c.y() - r);
        path.lineTo(c.x() - r * 1.2, c.y());
        path.lineTo(c.x() + r * 0.3, c.y() + r);
        path.closeSubpath();
        break;
    case Manual:
        path.moveTo(c.x(), c.y() - r * 1.1);
        path.lineTo(c.x() + r * 1.1, c.y());
        path.lineTo(c.x(), c.y() + r * 1.1);
        path.lineTo(c.x() - r * 1.1, c.y());
        path.closeSubpath();
        break;
    case StyleCount:
        break;
    }
}

void addFlag(QPainterPath &path, qreal x, qreal top, qreal size)
{
    path.moveTo(x, top);
    path.lineTo(x + size * 1.15, top + size * 0.5);
    path.lineTo(x, top + size);
    path.closeSubpath();
}

// A shape drawn once into a small pixmap, then blitted for every tick or flag: one
// antialiased path with a thousand subpaths costs tens of milliseconds, a thousand blits a
// fraction of one. `origin`: where the shape's reference point is in the sprite.
struct Sprite {
    QPixmap pixmap;
    QPoint origin;
};

Sprite capSprite(Style style, qreal size, const QColor &color, qreal dpr)
{
    const int half = int(std::ceil(size * 0.65)) + 1;
    const int side = 2 * half + 1;
    Sprite sprite{QPixmap(QSize(side, side) * dpr), QPoint(half, half)};
    sprite.pixmap.setDevicePixelRatio(dpr);
    sprite.pixmap.fill(Qt::transparent);
    QPainter p(&sprite.pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    QPainterPath path;
    addCap(path, style, QPointF(half + 0.5, half + 0.5), size); // the centre of the middle pixel
    p.fillPath(path, color);
    return sprite;
}

Sprite flagSprite(qreal size, const QColor &color, qreal dpr)
{
    const QSize box(int(std::ceil(size * 1.15)) + 1, int(std::ceil(size)) + 1);
    Sprite sprite{QPixmap(box * dpr), QPoint(0, 0)};
    sprite.pixmap.setDevicePixelRatio(dpr);
    sprite.pixmap.fill(Qt::transparent);
    QPainter p(&sprite.pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    QPainterPath path;
    addFlag(path, 0, 0, size);
    p.fillPath(path, color);
    return sprite;
}
} // namespace

// --- Sorted ---------------------------------------------------------------------------------

void TimelineWidget::Sorted::build(const QList<qint64> &timesInListOrder)
{
    times = timesInListOrder;
    order.resize(times.size());
    std::iota(order.begin(), order.end(), 0);
    if (!std::is_sorted(times.cbegin(), times.cend())) {
        // Times that go back (v2 files may): sort, keeping list order among equal times.
        std::stable_sort(order.begin(), order.end(),
                         [&](int a, int b) { return timesInListOrder[a] < timesInListOrder[b]; });
        for (qsizetype i = 0; i < order.size(); ++i)
            times[i] = timesInListOrder[order[i]];
    }
}

std::pair<qsizetype, qsizetype> TimelineWidget::Sorted::range(qint64 lo, qint64 hi) const
{
    const auto first = std::lower_bound(times.cbegin(), times.cend(), lo);
    const auto last = std::upper_bound(first, times.cend(), hi);
    return {first - times.cbegin(), last - times.cbegin()};
}

// --- Widget ---------------------------------------------------------------------------------

TimelineWidget::TimelineWidget(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::NoFocus); // the player tab handles the keys
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAccessibleName(tr("Timeline"));
    setAccessibleDescription(tr("The recording's timeline with its clear checkpoints, markers, resizes and output "
                                "density. Click or drag to seek, click a checkpoint or a marker to jump to it, "
                                "Ctrl+wheel to zoom."));
    m_scrubTimer.setSingleShot(true);
    m_scrubTimer.setTimerType(Qt::PreciseTimer); // the interval is a promise to the player
    connect(&m_scrubTimer, &QTimer::timeout, this, &TimelineWidget::flushScrub);
}

TimelineWidget::~TimelineWidget() = default;

void TimelineWidget::setDuration(qint64 us)
{
    us = std::max<qint64>(0, us);
    if (us == m_duration)
        return;
    const TimeRange before = visibleRange();
    m_duration = us;
    clampView();
    update();
    if (visibleRange() != before)
        emitVisibleRange();
}

void TimelineWidget::setPosition(qint64 us)
{
    us = std::max<qint64>(0, us); // may run ahead of a duration still growing; shown clamped
    const qint64 shown = displayedPosition();
    if (!m_scrubbing)
        m_showScrub = false;
    if (us == m_position && shown == displayedPosition())
        return;
    m_position = us;
    // A zoomed view follows the playhead while it is in view: when it leaves, turn the page.
    if (m_viewSpan > 0 && !m_pressed) {
        const TimeRange r = visibleRange();
        if (shown >= r.startUs && shown <= r.endUs && (us > r.endUs || us < r.startUs))
            scrollTo(us - qint64(m_viewSpan * 0.1));
    }
    update();
}

void TimelineWidget::setIndex(const CheckpointIndex &index)
{
    m_checkpoints = index.checkpoints;
    m_markers = index.markers;
    m_resizes = index.resizes;

    QList<qint64> times;
    times.reserve(m_checkpoints.size());
    for (const Checkpoint &c : std::as_const(m_checkpoints))
        times.append(c.timeUs);
    m_cpSorted.build(times);
    times.clear();
    for (const CastMarker &m : std::as_const(m_markers))
        times.append(m.timeUs);
    m_markerSorted.build(times);
    times.clear();
    for (const CastResize &r : std::as_const(m_resizes))
        times.append(r.timeUs);
    m_resizeSorted.build(times);

    m_cpStyleBits.resize(m_cpSorted.order.size());
    for (qsizetype i = 0; i < m_cpSorted.order.size(); ++i)
        m_cpStyleBits[i] = quint8(1u << styleOf(m_checkpoints[m_cpSorted.order[i]].kind));

    // Spans on the alternate screen: from an enter to the next leave (or the end).
    m_altSpans.clear();
    qint64 enteredAt = -1;
    for (qsizetype i = 0; i < m_cpSorted.order.size(); ++i) {
        const Style s = styleOf(m_checkpoints[m_cpSorted.order[i]].kind);
        const qint64 t = m_cpSorted.times[i];
        if (s == AltEnter && enteredAt < 0) {
            enteredAt = t;
        } else if ((s == AltLeave || s == Reset) && enteredAt >= 0) {
            m_altSpans.append({enteredAt, t});
            enteredAt = -1;
        }
    }
    if (enteredAt >= 0)
        m_altSpans.append({enteredAt, std::numeric_limits<qint64>::max()});
    update();
}

void TimelineWidget::setDensity(const QList<float> &buckets)
{
    m_density = buckets;
    update();
}

void TimelineWidget::setSearchHits(const QList<qint64> &timesUs)
{
    m_searchHits = timesUs;
    std::sort(m_searchHits.begin(), m_searchHits.end());
    update();
}

// --- Geometry -------------------------------------------------------------------------------

QRect TimelineWidget::timelineRect() const
{
    return QRect(kSide, 0, std::max(1, width() - 2 * kSide), height());
}

QFont TimelineWidget::labelFont() const
{
    QFont f = font();
    const int px = QFontInfo(f).pixelSize();
    f.setPixelSize(std::max(9, int(std::lround(px * 0.8))));
    return f;
}

int TimelineWidget::laneHeight() const
{
    return std::max(12, QFontMetrics(labelFont()).height());
}

QRect TimelineWidget::trackRect() const
{
    const QRect r = timelineRect();
    const int top = laneHeight() + 1;
    const int bottom = height() - kOverviewHeight - 1 - kDensityHeight - 2; // exclusive
    return QRect(r.left(), top, r.width(), std::max(kTrackMinHeight, bottom - top));
}

double TimelineWidget::spanUs() const
{
    return m_viewSpan > 0 ? m_viewSpan : double(std::max<qint64>(1, m_duration));
}

double TimelineWidget::viewStart() const
{
    return m_viewSpan > 0 ? m_viewStart : 0.0;
}

double TimelineWidget::xForTimeF(double us) const
{
    const QRect r = timelineRect();
    return r.left() + (us - viewStart()) * r.width() / spanUs();
}

double TimelineWidget::timeAtF(double x) const
{
    const QRect r = timelineRect();
    return viewStart() + (x - r.left()) * spanUs() / r.width();
}

qint64 TimelineWidget::timeAt(int x) const
{
    return std::clamp<qint64>(std::llround(timeAtF(x)), 0, m_duration);
}

int TimelineWidget::xForTime(qint64 us) const
{
    return int(std::lround(std::clamp(xForTimeF(double(us)), -1e6, 1e6)));
}

// --- Zoom -----------------------------------------------------------------------------------

double TimelineWidget::zoomFactor() const
{
    return m_viewSpan > 0 ? double(m_duration) / m_viewSpan : 1.0;
}

TimelineWidget::TimeRange TimelineWidget::visibleRange() const
{
    if (m_viewSpan <= 0)
        return {0, m_duration};
    return {std::llround(m_viewStart), std::llround(m_viewStart + m_viewSpan)};
}

void TimelineWidget::clampView()
{
    if (m_viewSpan <= 0)
        return;
    if (m_viewSpan >= double(m_duration)) {
        m_viewSpan = 0;
        m_viewStart = 0;
        return;
    }
    m_viewStart = std::clamp(m_viewStart, 0.0, double(m_duration) - m_viewSpan);
}

void TimelineWidget::zoomAround(double factor, double anchorUs, double anchorX)
{
    if (m_duration <= 0)
        return;
    const double maxZoom = std::max(1.0, double(m_duration) / double(kMinVisibleUs));
    factor = std::clamp(factor, 1.0, maxZoom);
    const TimeRange before = visibleRange();
    if (factor <= 1.0 + 1e-9) {
        m_viewSpan = 0;
        m_viewStart = 0;
    } else {
        const QRect r = timelineRect();
        m_viewSpan = double(m_duration) / factor;
        m_viewStart = anchorUs - (anchorX - r.left()) * m_viewSpan / r.width();
        clampView();
    }
    update();
    if (visibleRange() != before)
        emitVisibleRange();
}

void TimelineWidget::setZoom(double factor, qint64 anchorUs)
{
    zoomAround(factor, double(anchorUs), xForTimeF(double(anchorUs)));
}

void TimelineWidget::resetZoom()
{
    zoomAround(1.0, 0, 0);
}

void TimelineWidget::scrollTo(qint64 startUs)
{
    if (m_viewSpan <= 0)
        return;
    const TimeRange before = visibleRange();
    m_viewStart = double(startUs);
    clampView();
    update();
    if (visibleRange() != before)
        emitVisibleRange();
}

void TimelineWidget::emitVisibleRange()
{
    const TimeRange r = visibleRange();
    Q_EMIT visibleRangeChanged(r.startUs, r.endUs);
}

// --- Hit testing and tooltips ---------------------------------------------------------------

TimelineWidget::Hit TimelineWidget::nearest(const Sorted &sorted, Hit::Type type, int x) const
{
    Hit best;
    best.distance = INT_MAX;
    const auto [first, last] = sorted.range(std::llround(std::floor(timeAtF(x - kHitRadius - 1))),
                                            std::llround(std::ceil(timeAtF(x + kHitRadius + 1))));
    int bestPx = INT_MIN;
    for (qsizetype i = first; i < last; ++i) {
        const int px = xForTime(sorted.times[i]);
        const int d = std::abs(px - x);
        if (d > kHitRadius)
            continue;
        if (d < best.distance || (d == best.distance && px == bestPx)) {
            // Among items on one pixel the latest wins (the screen after all of them).
            if (px != bestPx)
                best.others = 0;
            else
                ++best.others;
            best.type = type;
            best.index = sorted.order[i];
            best.distance = d;
            bestPx = px;
        }
    }
    if (best.type == Hit::Type::None)
        best.distance = INT_MAX;
    return best;
}

TimelineWidget::Hit TimelineWidget::hitAt(const QPoint &pos) const
{
    if (m_duration <= 0 || pos.y() < 0 || pos.y() >= height())
        return {};
    const Hit cp = nearest(m_cpSorted, Hit::Type::Checkpoint, pos.x());
    const Hit marker = nearest(m_markerSorted, Hit::Type::Marker, pos.x());
    const Hit resize = nearest(m_resizeSorted, Hit::Type::Resize, pos.x());
    // Closest wins; on a tie, markers in the marker lane, checkpoints elsewhere.
    const bool inLane = pos.y() < trackRect().top();
    if (inLane && marker.type == Hit::Type::None) {
        // A marker's label is as good as its flag.
        const QList<MarkerFlag> flags = markerLayout();
        for (const MarkerFlag &flag : flags) {
            if (flag.labelRect.contains(pos))
                return Hit{Hit::Type::Marker, flag.marker, 0, 0};
        }
    }
    const Hit order[3] = {inLane ? marker : cp, inLane ? cp : marker, resize};
    const Hit *best = nullptr;
    for (const Hit &h : order) {
        if (h.type != Hit::Type::None && (!best || h.distance < best->distance))
            best = &h;
    }
    return best ? *best : Hit{};
}

QString TimelineWidget::toolTipTextAt(const QPoint &pos) const
{
    if (m_duration <= 0)
        return {};
    QString text = formatTime(timeAt(pos.x()));
    const Hit hit = hitAt(pos);
    switch (hit.type) {
    case Hit::Type::None:
        break;
    case Hit::Type::Checkpoint: {
        const Checkpoint &c = m_checkpoints.at(hit.index);
        const QString seq = kindSequenceText(c.kind);
        text += u'\n';
        text += seq.isEmpty() ? tr("%1 at %2").arg(kindLabel(c.kind), formatTime(c.timeUs))
                              : tr("%1 (%2) at %3").arg(kindLabel(c.kind), seq, formatTime(c.timeUs));
        if (hit.others > 0)
            text += u'\n' + tr("+%1 more at this spot (Ctrl+wheel zooms in)").arg(hit.others);
        break;
    }
    case Hit::Type::Marker: {
        const CastMarker &m = m_markers.at(hit.index);
        text += u'\n';
        text += m.label.isEmpty() ? tr("Marker at %1").arg(formatTime(m.timeUs))
                                  : tr("Marker \u201C%1\u201D at %2").arg(m.label, formatTime(m.timeUs));
        if (hit.others > 0)
            text += u'\n' + tr("+%1 more at this spot (Ctrl+wheel zooms in)").arg(hit.others);
        break;
    }
    case Hit::Type::Resize: {
        const CastResize &r = m_resizes.at(hit.index);
        text += u'\n' + tr("Resized to %1\u00D7%2 at %3").arg(r.cols).arg(r.rows).arg(formatTime(r.timeUs));
        break;
    }
    }
    return text;
}

bool TimelineWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipTextAt(help->pos());
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            // The rect: moving out of this column hides the tip, so the next one is fresh.
            QToolTip::showText(help->globalPos(), text, this, QRect(help->pos().x() - 2, 0, 5, height()));
        }
        return true;
    }
    return QWidget::event(event);
}

// --- Mouse ----------------------------------------------------------------------------------

void TimelineWidget::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_duration <= 0) {
        event->ignore();
        return;
    }
    QToolTip::hideText();
    m_pressed = true;
    m_pressPos = event->position().toPoint();
    m_pressHit = hitAt(m_pressPos);
    if (m_pressHit.type == Hit::Type::None) {
        // A click seeks at once; dragging from here scrubs.
        m_scrubTime = timeAt(m_pressPos.x());
        m_showScrub = true;
        m_lastEmitted = m_scrubTime;
        m_sinceEmit.start();
        update();
        Q_EMIT seekRequested(m_scrubTime);
    }
    event->accept();
}

void TimelineWidget::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (!m_pressed) {
        setHoverX(pos.x());
        const Hit hit = hitAt(pos);
        if (hit.type == Hit::Type::None)
            unsetCursor();
        else
            setCursor(Qt::PointingHandCursor);
        // Keep a visible tooltip up to date (the time under the pointer changes as it moves).
        if (QToolTip::isVisible() && QToolTip::text() != QString())
            QToolTip::showText(event->globalPosition().toPoint(), toolTipTextAt(pos), this,
                               QRect(pos.x() - 2, 0, 5, height()));
        return;
    }
    if (!m_scrubbing) {
        // Dragging from a tick or a flag needs a real drag; from anywhere else any move scrubs.
        const int threshold = m_pressHit.type == Hit::Type::None ? 1 : QApplication::startDragDistance();
        if (std::abs(pos.x() - m_pressPos.x()) < threshold)
            return;
        m_scrubbing = true;
        setHoverX(-1);
        Q_EMIT scrubbingChanged(true);
        if (m_lastEmitted < 0 || m_pressHit.type != Hit::Type::None)
            m_sinceEmit.invalidate();
    }
    scrubTo(pos.x());
}

void TimelineWidget::scrubTo(int x)
{
    m_scrubTime = timeAt(x);
    m_showScrub = true;
    update();
    if (m_scrubTime == m_lastEmitted) {
        m_pendingEmit = false;
        return;
    }
    const qint64 since = m_sinceEmit.isValid() ? m_sinceEmit.elapsed() : qint64(kScrubIntervalMs);
    if (since >= kScrubIntervalMs) {
        m_scrubTimer.stop();
        m_pendingEmit = true;
        flushScrub();
    } else {
        m_pendingEmit = true;
        if (!m_scrubTimer.isActive())
            m_scrubTimer.start(int(kScrubIntervalMs - since));
    }
}

void TimelineWidget::flushScrub()
{
    if (!m_pendingEmit)
        return;
    m_pendingEmit = false;
    if (m_scrubTime == m_lastEmitted)
        return;
    m_lastEmitted = m_scrubTime;
    m_sinceEmit.start();
    Q_EMIT seekRequested(m_scrubTime);
}

void TimelineWidget::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_pressed) {
        event->ignore();
        return;
    }
    m_pressed = false;
    const QPoint pos = event->position().toPoint();
    if (m_scrubbing) {
        m_scrubTimer.stop();
        m_scrubTime = timeAt(pos.x());
        m_pendingEmit = true;
        flushScrub(); // the final position, unless it went out already
        m_scrubbing = false;
        Q_EMIT scrubbingChanged(false);
    } else if (m_pressHit.type != Hit::Type::None) {
        const Hit hit = hitAt(pos);
        if (hit.type == m_pressHit.type && hit.index == m_pressHit.index) {
            switch (hit.type) {
            case Hit::Type::Checkpoint:
                m_scrubTime = m_checkpoints.at(hit.index).timeUs;
                m_showScrub = true;
                update();
                Q_EMIT checkpointActivated(hit.index);
                break;
            case Hit::Type::Marker:
                m_scrubTime = m_markers.at(hit.index).timeUs;
                m_showScrub = true;
                update();
                Q_EMIT markerActivated(hit.index);
                break;
            case Hit::Type::Resize:
                m_scrubTime = m_resizes.at(hit.index).timeUs;
                m_showScrub = true;
                m_lastEmitted = m_scrubTime;
                update();
                Q_EMIT seekRequested(m_scrubTime);
                break;
            case Hit::Type::None:
                break;
            }
        }
    }
    m_pressHit = {};
    m_lastEmitted = -1;
    m_sinceEmit.invalidate();
    setHoverX(pos.x());
    event->accept();
}

void TimelineWidget::wheelEvent(QWheelEvent *event)
{
    if (m_duration <= 0) {
        event->ignore();
        return;
    }
    const QPoint delta = event->angleDelta();
    if (event->modifiers() & Qt::ControlModifier) {
        const int d = delta.y() != 0 ? delta.y() : delta.x();
        if (d != 0) {
            const double x = event->position().x();
            zoomAround(zoomFactor() * std::pow(kZoomPerNotch, d / 120.0), timeAtF(x), x);
        }
        event->accept();
        return;
    }
    if (m_viewSpan <= 0) {
        event->ignore(); // nothing to scroll: let the parent have it
        return;
    }
    const double notches = (delta.x() + delta.y()) / 120.0;
    const TimeRange before = visibleRange();
    m_viewStart -= notches * kScrollPerNotch * m_viewSpan;
    clampView();
    update();
    if (visibleRange() != before)
        emitVisibleRange();
    event->accept();
}

void TimelineWidget::leaveEvent(QEvent *event)
{
    setHoverX(-1);
    QWidget::leaveEvent(event);
}

void TimelineWidget::setHoverX(int x)
{
    if (x == m_hoverX)
        return;
    const int old = m_hoverX;
    m_hoverX = x;
    if (old >= 0)
        update(QRect(old - 1, 0, 3, height()));
    if (x >= 0)
        update(QRect(x - 1, 0, 3, height()));
}

void TimelineWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        updateGeometry();
        update();
    }
    QWidget::changeEvent(event);
}

QSize TimelineWidget::sizeHint() const
{
    return QSize(600, laneHeight() + 1 + 20 + 2 + kDensityHeight + 1 + kOverviewHeight);
}

QSize TimelineWidget::minimumSizeHint() const
{
    return QSize(4 * kSide, laneHeight() + 1 + kTrackMinHeight + 2 + kDensityHeight + 1 + kOverviewHeight);
}

// --- Style ----------------------------------------------------------------------------------

QString TimelineWidget::formatTime(qint64 us)
{
    const qint64 tenths = std::max<qint64>(0, us) / 100'000;
    return u"%1:%2:%3.%4"_s.arg(tenths / 36'000)
        .arg(tenths / 600 % 60, 2, 10, QLatin1Char('0'))
        .arg(tenths / 10 % 60, 2, 10, QLatin1Char('0'))
        .arg(tenths % 10);
}

QString TimelineWidget::kindLabel(ClearKind kind)
{
    switch (kind) {
    case ClearKind::ClearScrollback:
        return tr("Clear scrollback");
    case ClearKind::Reset:
        return tr("Terminal reset");
    case ClearKind::ClearScreen:
        return tr("Clear screen");
    case ClearKind::HomeClear:
        return tr("Home, clear");
    case ClearKind::HomeClearScreen:
        return tr("Home, clear screen");
    case ClearKind::AltScreenEnter:
        return tr("Alt screen on");
    case ClearKind::AltScreenLeave:
        return tr("Alt screen off");
    case ClearKind::AltScreen47Enter:
        return tr("Alt screen on (?47)");
    case ClearKind::AltScreen47Leave:
        return tr("Alt screen off (?47)");
    case ClearKind::Manual:
        return tr("Manual checkpoint");
    }
    return {};
}

QString TimelineWidget::kindSequenceText(ClearKind kind)
{
    const QByteArrayView bytes = ClearDetector::sequence(kind).bytes;
    QString out;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes[i];
        if (c == '\x1b') {
            if (!out.isEmpty())
                out += u' ';
            out += u"ESC"_s;
            if (i + 1 < bytes.size() && bytes[i + 1] != '[')
                out += u' '; // ESC c, not ESCc
        } else {
            out += QLatin1Char(c);
        }
    }
    return out;
}

QColor TimelineWidget::kindColor(ClearKind kind, const QPalette &palette)
{
    // Breeze's accent hues, a shade darker on light backgrounds so thin ticks keep contrast.
    const bool dark = isDark(palette);
    switch (styleOf(kind)) {
    case Clear:
        return dark ? QColor(0x1a, 0xbc, 0x9c) : QColor(0x11, 0x8c, 0x74);
    case Scrollback:
        return dark ? QColor(0xb0, 0x7c, 0xd8) : QColor(0x8e, 0x44, 0xad);
    case Reset:
        return dark ? QColor(0xf0, 0x4a, 0x50) : QColor(0xc9, 0x1f, 0x2c);
    case AltEnter:
    case AltLeave:
        return dark ? QColor(0xf6, 0x8a, 0x1e) : QColor(0xc8, 0x5a, 0x00);
    case Manual: // neutral and strong: the text colour
        return palette.color(QPalette::WindowText);
    case StyleCount:
        break;
    }
    return palette.color(QPalette::WindowText);
}

QColor TimelineWidget::markerColor(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xf0, 0x5c, 0xb0) : QColor(0xc0, 0x1f, 0x7f);
}

QColor TimelineWidget::searchHitColor(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xff, 0xd7, 0x00) : QColor(0xd4, 0xa0, 0x00);
}

void TimelineWidget::paintKindSymbol(QPainter &painter, ClearKind kind, const QRectF &rect, const QPalette &palette)
{
    const Style style = styleOf(kind);
    const QColor color = kindColor(kind, palette);
    const qreal size = std::min(rect.width(), rect.height());
    const qreal cx = rect.center().x();
    // The line on whole pixels (crisp, like the timeline's ticks); the cap antialiased.
    const int lineW = style == Reset ? std::max(2, int(std::lround(size / 6)))
                                     : std::max(1, int(std::lround(size / 10)));
    painter.save();
    painter.fillRect(QRect(int(std::floor(cx - lineW / 2.0)), int(std::lround(rect.center().y() - size / 2)), lineW,
                           int(std::lround(size))),
                     color);
    painter.setRenderHint(QPainter::Antialiasing);
    QPainterPath cap;
    addCap(cap, style, QPointF(cx, rect.center().y() - size / 2 + size * 0.28), size * 0.5);
    painter.fillPath(cap, color);
    painter.restore();
}

void TimelineWidget::paintMarkerSymbol(QPainter &painter, const QRectF &rect, const QPalette &palette)
{
    const QColor color = markerColor(palette);
    const qreal size = std::min(rect.width(), rect.height());
    const qreal x = rect.center().x() - size * 0.3;
    const qreal top = rect.center().y() - size / 2;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(QRectF(x - 0.75, top, 1.5, size), color);
    QPainterPath flag;
    addFlag(flag, x, top, size * 0.55);
    painter.fillPath(flag, color);
    painter.restore();
}

// --- Painting -------------------------------------------------------------------------------

void TimelineWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().window());
    const QRect track = trackRect();
    const QRect lane(track.left(), 0, track.width(), track.top() - 1);
    const int densityTop = height() - kOverviewHeight - 1 - kDensityHeight;
    const QRect density(track.left(), densityTop, track.width(), kDensityHeight);

    paintGroove(p, track);
    p.save();
    p.setClipRect(track.adjusted(1, 1, -1, -1));
    paintAltSpans(p, track);
    paintTicks(p, track);
    paintResizes(p, track);
    paintSearchHits(p, track);
    p.restore();
    paintDensity(p, density);
    p.save();
    p.setClipRect(QRect(0, 0, width(), track.bottom() + 1));
    paintMarkers(p, lane, track);
    p.restore();
    paintOverview(p);

    // Hover line
    if (m_hoverX >= track.left() && m_hoverX <= track.right() && !m_pressed) {
        QColor c = palette().color(QPalette::WindowText);
        c.setAlphaF(0.45f);
        p.fillRect(QRect(m_hoverX, track.top() + 1, 1, track.height() - 2), c);
    }
    paintPlayhead(p);
}

void TimelineWidget::paintGroove(QPainter &p, const QRect &track) const
{
    const QPalette &pal = palette();
    const QRectF groove = QRectF(track).adjusted(0.5, 0.5, -0.5, -0.5);
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    QPainterPath path;
    path.addRoundedRect(groove, 3, 3);
    p.fillPath(path, pal.base());
    if (m_duration > 0) {
        const double px = std::clamp(xForTimeF(double(displayedPosition())), double(track.left()),
                                     double(track.right() + 1));
        if (px > track.left()) {
            QColor tint = pal.color(QPalette::Highlight);
            tint.setAlphaF(isDark(pal) ? 0.30f : 0.22f);
            p.setClipPath(path);
            p.fillRect(QRectF(track.left(), track.top(), px - track.left(), track.height()), tint);
            p.setClipping(false);
        }
    }
    // A faint time grid at a round interval (1 s ... 8 h) at least 60 px apart: the scale of a
    // zoomed view at a glance.
    if (m_duration > 0) {
        static constexpr qint64 kSteps[] = {1,   2,   5,   10,   15,   30,   60,    120,
                                            300, 600, 900, 1800, 3600, 7200, 14400, 28800};
        const double usPerPx = spanUs() / track.width();
        qint64 step = 0;
        for (const qint64 s : kSteps) {
            if (s * 1'000'000 / usPerPx >= 60) {
                step = s * 1'000'000;
                break;
            }
        }
        if (step > 0) {
            QColor grid = pal.color(QPalette::WindowText);
            grid.setAlphaF(isDark(pal) ? 0.10f : 0.08f);
            const TimeRange vr = visibleRange();
            for (qint64 t = (vr.startUs / step + 1) * step; t < vr.endUs; t += step)
                p.fillRect(QRect(xForTime(t), track.top() + 1, 1, track.height() - 2), grid);
        }
    }
    p.setPen(QPen(mix(pal.color(QPalette::WindowText), pal.color(QPalette::Window), 0.28), 1));
    p.drawPath(path);
    p.restore();
}

void TimelineWidget::paintAltSpans(QPainter &p, const QRect &track) const
{
    if (m_altSpans.isEmpty() || m_duration <= 0)
        return;
    QColor c = kindColor(ClearKind::AltScreenEnter, palette());
    c.setAlphaF(0.35f);
    const int h = std::max(3, track.height() / 5);
    const int y = track.bottom() - h;
    const TimeRange vr = visibleRange();
    for (const auto &[from, to] : m_altSpans) {
        const qint64 end = std::min(to, m_duration);
        if (end < vr.startUs || from > vr.endUs)
            continue;
        const int x0 = xForTime(std::max(from, vr.startUs));
        const int x1 = xForTime(std::min(end, vr.endUs));
        p.fillRect(QRect(x0, y, std::max(1, x1 - x0), h), c);
    }
}

void TimelineWidget::paintTicks(QPainter &p, const QRect &track) const
{
    if (m_checkpoints.isEmpty() || m_duration <= 0)
        return;
    // One bit per style per pixel column: any number of checkpoints costs at most a line and
    // a cap per column and style.
    constexpr int kPad = 4;
    const int w = track.width();
    QVarLengthArray<quint8, 4096> columns(w + 2 * kPad);
    std::fill(columns.begin(), columns.end(), quint8(0));
    const auto [first, last] = m_cpSorted.range(std::llround(std::floor(timeAtF(track.left() - kPad))),
                                                std::llround(std::ceil(timeAtF(track.right() + kPad))));
    const double x0 = xForTimeF(0) - track.left() + kPad;
    const double scale = double(track.width()) / spanUs();
    for (qsizetype i = first; i < last; ++i) {
        const int c = int(std::lround(x0 + double(m_cpSorted.times[i]) * scale));
        if (c >= 0 && c < columns.size())
            columns[c] |= m_cpStyleBits[i];
    }

    const int lineTop = track.top() + 1;
    const int lineHeight = track.height() - 2;
    const qreal capSize = std::clamp(track.height() * 0.32, 4.0, 8.0);
    const int capY = track.top() + 2 + int(capSize / 2); // the row of the caps' centres
    const qreal dpr = p.device() ? p.device()->devicePixelRatioF() : 1.0;
    for (int s = 0; s < StyleCount; ++s) {
        const quint8 bit = quint8(1u << s);
        const QColor color = kindColor(representative(Style(s)), palette());
        const int lineW = s == Reset ? 2 : 1;
        Sprite cap;
        if (s != Clear)
            cap = capSprite(Style(s), capSize, color, dpr);
        int lastCap = INT_MIN / 2;
        // Runs of adjacent columns become one rectangle.
        for (int c = 0; c < columns.size();) {
            if (!(columns[c] & bit)) {
                ++c;
                continue;
            }
            int end = c + 1;
            while (end < columns.size() && (columns[end] & bit))
                ++end;
            const int x = track.left() + c - kPad;
            p.fillRect(QRect(x - (lineW - 1) / 2, lineTop, end - c + lineW - 1, lineHeight), color);
            if (!cap.pixmap.isNull()) {
                for (int k = c; k < end; ++k) {
                    if (k - lastCap >= kCapSpacing) {
                        p.drawPixmap(QPoint(track.left() + k - kPad, capY) - cap.origin, cap.pixmap);
                        lastCap = k;
                    }
                }
            }
            c = end;
        }
    }
}

void TimelineWidget::paintResizes(QPainter &p, const QRect &track) const
{
    if (m_resizes.isEmpty() || m_duration <= 0)
        return;
    const auto [first, last] = m_resizeSorted.range(std::llround(std::floor(timeAtF(track.left() - 4))),
                                                    std::llround(std::ceil(timeAtF(track.right() + 4))));
    const QColor color = mix(palette().color(QPalette::WindowText), palette().color(QPalette::Base), 0.6);
    // A small double-headed arrow (↔) at the foot of the track.
    const qreal y = track.bottom() - 3.5;
    QPainterPath path;
    int lastX = INT_MIN / 2;
    for (qsizetype i = first; i < last; ++i) {
        const int x = xForTime(m_resizeSorted.times[i]);
        if (x - lastX < 8)
            continue;
        lastX = x;
        const qreal cx = x + 0.5;
        path.moveTo(cx - 4, y);
        path.lineTo(cx - 1.5, y - 2.5);
        path.lineTo(cx - 1.5, y + 2.5);
        path.closeSubpath();
        path.moveTo(cx + 4, y);
        path.lineTo(cx + 1.5, y - 2.5);
        path.lineTo(cx + 1.5, y + 2.5);
        path.closeSubpath();
        path.addRect(QRectF(cx - 2, y - 0.6, 4, 1.2));
    }
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.fillPath(path, color);
    p.restore();
}

void TimelineWidget::paintSearchHits(QPainter &p, const QRect &track) const
{
    if (m_searchHits.isEmpty() || m_duration <= 0)
        return;
    const TimeRange vr = visibleRange();
    const auto first = std::lower_bound(m_searchHits.cbegin(), m_searchHits.cend(), vr.startUs);
    const auto last = std::upper_bound(first, m_searchHits.cend(), vr.endUs);
    const QColor color = searchHitColor(palette());
    int lastX = INT_MIN;
    for (auto it = first; it != last; ++it) {
        const int x = xForTime(*it);
        if (x == lastX)
            continue;
        lastX = x;
        // Like Kate's scroll bar marks: short bars on both edges of the track.
        p.fillRect(QRect(x - 1, track.top() + 1, 3, 3), color);
        p.fillRect(QRect(x - 1, track.bottom() - 3, 3, 3), color);
    }
}

void TimelineWidget::paintDensity(QPainter &p, const QRect &strip) const
{
    const QPalette &pal = palette();
    // The baseline shows the strip's extent (idle stretches are empty above it).
    p.fillRect(QRect(strip.left(), strip.bottom(), strip.width(), 1),
               mix(pal.color(QPalette::WindowText), pal.color(QPalette::Window), 0.18));
    if (m_density.isEmpty() || m_duration <= 0)
        return;
    const qsizetype n = m_density.size();
    const QColor played = mix(pal.color(QPalette::Highlight), pal.color(QPalette::Window), 0.85);
    const QColor ahead = mix(pal.color(QPalette::WindowText), pal.color(QPalette::Window), 0.42);
    const int playX = xForTime(displayedPosition());
    const double perUs = double(n) / double(m_duration);
    for (int c = 0; c < strip.width(); ++c) {
        const int x = strip.left() + c;
        const double t0 = timeAtF(x);
        const double t1 = timeAtF(x + 1);
        if (t1 <= 0 || t0 >= double(m_duration))
            continue;
        qsizetype b0 = std::clamp<qsizetype>(qsizetype(std::floor(t0 * perUs)), 0, n - 1);
        qsizetype b1 = std::clamp<qsizetype>(qsizetype(std::ceil(t1 * perUs)) - 1, b0, n - 1);
        float v = 0;
        for (qsizetype b = b0; b <= b1; ++b)
            v = std::max(v, m_density[b]);
        v = std::clamp(v, 0.0f, 1.0f);
        if (v <= 0.0f)
            continue;
        const int h = std::max(1, int(std::lround(v * (strip.height() - 1))));
        p.fillRect(QRect(x, strip.bottom() - h, 1, h), x < playX ? played : ahead);
    }
}

qreal TimelineWidget::flagSize() const
{
    return std::min<qreal>(laneHeight() - 3, 8);
}

QList<TimelineWidget::MarkerFlag> TimelineWidget::markerLayout() const
{
    QList<MarkerFlag> flags;
    if (m_markers.isEmpty() || m_duration <= 0)
        return flags;
    const QRect r = timelineRect();
    const auto [first, last] = m_markerSorted.range(std::llround(std::floor(timeAtF(r.left() - 1))),
                                                    std::llround(std::ceil(timeAtF(r.right() + 1))));
    const QFontMetrics fm(labelFont());
    const int laneH = laneHeight();
    const int textOffset = int(std::ceil(flagSize() * 1.15)) + 4;
    const int minLabel = fm.horizontalAdvance(u"M\u2026"_s);
    // Flags closer than 3 px are drawn once (the latest wins a click: see nearest()).
    for (qsizetype i = first; i < last; ++i) {
        const int x = xForTime(m_markerSorted.times[i]);
        if (!flags.isEmpty() && x - flags.constLast().x < 3)
            continue;
        flags.append(MarkerFlag{m_markerSorted.order[i], x, {}, {}});
    }
    // Each label gets the room up to the next flag.
    for (qsizetype f = 0; f < flags.size(); ++f) {
        MarkerFlag &flag = flags[f];
        const int nextX = f + 1 < flags.size() ? flags[f + 1].x : width() + 2;
        const int textX = flag.x + textOffset;
        const int room = nextX - 4 - textX;
        const QString &label = m_markers.at(flag.marker).label;
        if (label.isEmpty() || room < minLabel)
            continue;
        flag.text = fm.elidedText(label, Qt::ElideRight, room);
        flag.labelRect = QRect(textX, 0, std::min(room, fm.horizontalAdvance(flag.text) + 1), laneH);
    }
    return flags;
}

void TimelineWidget::paintMarkers(QPainter &p, const QRect &lane, const QRect &track) const
{
    const QList<MarkerFlag> flags = markerLayout();
    if (flags.isEmpty())
        return;
    const QPalette &pal = palette();
    const QColor color = markerColor(pal);
    QColor stem = color;
    stem.setAlphaF(0.55f);
    const Sprite sprite = flagSprite(flagSize(), color, p.device() ? p.device()->devicePixelRatioF() : 1.0);
    p.save();
    p.setFont(labelFont());
    p.setPen(pal.color(QPalette::WindowText));
    for (const MarkerFlag &flag : flags) {
        p.fillRect(QRect(flag.x, 1, 1, lane.bottom()), color);
        p.fillRect(QRect(flag.x, track.top() + 1, 1, track.height() - 2), stem);
        p.drawPixmap(QPoint(flag.x + 1, 1), sprite.pixmap);
        if (!flag.text.isEmpty())
            p.drawText(flag.labelRect.adjusted(0, 0, 0, 1), Qt::AlignLeft | Qt::AlignVCenter, flag.text);
    }
    p.restore();
}

void TimelineWidget::paintOverview(QPainter &p) const
{
    if (m_viewSpan <= 0 || m_duration <= 0)
        return;
    // Where the zoomed view sits in the whole recording (a thin scroll-bar-like line).
    const QPalette &pal = palette();
    const QRect r = timelineRect();
    const int y = height() - kOverviewHeight;
    const QColor text = pal.color(QPalette::WindowText);
    const QColor window = pal.color(QPalette::Window);
    p.fillRect(QRect(r.left(), y, r.width(), kOverviewHeight), mix(text, window, 0.15));
    const double x0 = r.left() + m_viewStart / double(m_duration) * r.width();
    const double w = std::max(4.0, m_viewSpan / double(m_duration) * r.width());
    p.fillRect(QRectF(x0, y, w, kOverviewHeight), mix(text, window, 0.55));
    const double px = r.left() + double(displayedPosition()) / double(m_duration) * r.width();
    p.fillRect(QRectF(px - 1, y, 2, kOverviewHeight), pal.color(QPalette::Highlight));
}

void TimelineWidget::paintPlayhead(QPainter &p) const
{
    if (m_duration <= 0)
        return;
    const QRect track = trackRect();
    const int x = xForTime(displayedPosition());
    if (x < track.left() - kSide || x > track.right() + kSide)
        return;
    const QPalette &pal = palette();
    const QColor color = pal.color(QPalette::Highlight);
    const int bottom = height() - kOverviewHeight - 1;
    p.save();
    // A halo in the background colour keeps the line apart from ticks of similar hue.
    QColor halo = pal.color(QPalette::Base);
    halo.setAlphaF(0.7f);
    p.fillRect(QRect(x - 1, track.top(), 4, bottom - track.top()), halo);
    p.fillRect(QRect(x, track.top() - 2, 2, bottom - track.top() + 2), color);
    // The handle: a downward pointer above the track, Kdenlive-style.
    p.setRenderHint(QPainter::Antialiasing);
    const qreal cx = x + 1;
    const qreal hw = 5.5;
    const qreal top = track.top() - 9.5;
    QPainterPath handle;
    handle.moveTo(cx - hw, top);
    handle.lineTo(cx + hw, top);
    handle.lineTo(cx + hw, top + 4);
    handle.lineTo(cx, top + 9.5);
    handle.lineTo(cx - hw, top + 4);
    handle.closeSubpath();
    p.setPen(QPen(pal.color(QPalette::Base), 1));
    p.setBrush(color);
    p.drawPath(handle);

    // While scrubbing, the time beside the handle (a tooltip would lag behind the pointer).
    if (m_scrubbing) {
        const QFont font = labelFont();
        const QFontMetrics fm(font);
        const QString text = formatTime(displayedPosition());
        const int tw = fm.horizontalAdvance(text) + 10;
        const int th = fm.height() + 1;
        int bx = x + 9;
        if (bx + tw > width())
            bx = x - 9 - tw;
        const QRectF bubble(bx, 0.5, tw, th);
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawRoundedRect(bubble, 3, 3);
        p.setFont(font);
        p.setPen(pal.color(QPalette::HighlightedText));
        p.drawText(bubble, Qt::AlignCenter, text);
    }
    p.restore();
}
