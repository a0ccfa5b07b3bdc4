// TimelineWidget: the player's timeline strip: the whole duration (or a zoomed part of it)
// with the playhead, the clear checkpoints as ticks styled by kind, markers as flags with their
// labels, resizes, search hits, and an output-density strip (where the session was busy or
// idle). Click or drag to seek (scrubbing, live), click a tick or a flag to jump to it,
// Ctrl+wheel to zoom around the pointer, wheel to scroll a zoomed timeline.
//
// Data flow: Recording::index() -> setIndex(); Player::positionChanged -> setPosition();
// Player::durationChanged -> setDuration(); seekRequested / checkpointActivated /
// markerActivated -> Player (PlayerTab connects them). It knows no Player: plain data in,
// signals out. GUI thread.
//
// Painting is bounded by the width, not by the number of items: ticks, flags and hits that
// fall on one pixel are merged, and only the visible ones are visited (binary search), so
// 20,000 checkpoints paint in well under a millisecond's worth of shapes per pixel column.
//
// The kind styles (kindColor(), paintKindSymbol()) are public so a legend or the checkpoint
// list shows the same colours and shapes.
#pragma once

#include "checkpoint/CheckpointIndex.h"

#include <QElapsedTimer>
#include <QList>
#include <QTimer>
#include <QWidget>


class TimelineWidget : public QWidget
{
    Q_OBJECT
public:
    // At most one seekRequested() per this many ms while dragging (the final one always).
    static constexpr int kScrubIntervalMs = 30;
    // How close (px) the pointer must be to a tick or a flag to hover or click it.
    static constexpr int kHitRadius = 4;
    // The narrowest zoomed view: one second (or the whole recording, when shorter).
    static constexpr qint64 kMinVisibleUs = 1'000'000;

    struct TimeRange {
        qint64 startUs = 0;
        qint64 endUs = 0;
        qint64 span() const { return endUs - startUs; }
        bool operator==(const TimeRange &) const = default;
    };

    explicit TimelineWidget(QWidget *parent = nullptr);
    ~TimelineWidget() override;

    // --- Data ------------------------------------------------------------------------------
    void setDuration(qint64 us); // grows while indexing; a zoomed view keeps its span
    qint64 duration() const { return m_duration; }
    void setPosition(qint64 us); // the playhead (shown at the pointer instead while scrubbing)
    qint64 position() const { return m_position; }
    // Copies the checkpoints, markers and resizes (call again as the index grows; the
    // duration is not taken from it: setDuration()). Signals carry indexes into these lists.
    void setIndex(const CheckpointIndex &index);
    // Output density 0..1 over equal time slices of the duration (any count; empty: none).
    void setDensity(const QList<float> &buckets);
    const QList<float> &density() const { return m_density; }
    // Search results to mark (any order).
    void setSearchHits(const QList<qint64> &timesUs);
    int checkpointCount() const { return int(m_checkpoints.size()); }
    int markerCount() const { return int(m_markers.size()); }

    // --- Geometry --------------------------------------------------------------------------
    // The time at widget x (clamped to 0..duration) and the x of a time, in the visible range.
    // xForTime(timeAt(x)) == x across the timeline's width.
    qint64 timeAt(int x) const;
    int xForTime(qint64 us) const;
    // Where the time axis is drawn (widget coordinates): the width minus room for the handle.
    QRect timelineRect() const;
    // The band holding the ticks (inside timelineRect(), between the marker lane and the
    // density strip).
    QRect trackRect() const;

    // --- Zoom ------------------------------------------------------------------------------
    double zoomFactor() const; // 1: the whole duration is visible
    TimeRange visibleRange() const;
    // Zooms to `factor` (clamped: 1 .. duration / kMinVisibleUs) keeping `anchorUs` at its x.
    void setZoom(double factor, qint64 anchorUs);
    void resetZoom();
    // Scrolls a zoomed view so it starts at `startUs` (clamped).
    void scrollTo(qint64 startUs);

    bool isScrubbing() const { return m_scrubbing; }

    // The text the tooltip shows for the pointer at `pos`: the time under it and what is
    // there (a checkpoint's kind and time, a marker's label, a resize).
    QString toolTipTextAt(const QPoint &pos) const;

    // --- Style (shared with the checkpoint list and legends) -------------------------------
    // "1:02:03.4" (h:mm:ss.s, tenths truncated).
    static QString formatTime(qint64 us);
    // "Clear screen", "Alternate screen on", ...
    static QString kindLabel(ClearKind kind);
    // ESC[H ESC[2J as people write it ("ESC [ H ESC [ 2 J" style, spaces only between sequences).
    static QString kindSequenceText(ClearKind kind);
    // The colour of a kind, readable on `palette`'s Base and Window (dark or light).
    static QColor kindColor(ClearKind kind, const QPalette &palette);
    static QColor markerColor(const QPalette &palette);
    static QColor searchHitColor(const QPalette &palette);
    // The kind's symbol (a line with a cap shape: plain, square, circle, triangles, diamond)
    // centred in `rect`, as in the timeline; and the marker flag.
    static void paintKindSymbol(QPainter &painter, ClearKind kind, const QRectF &rect, const QPalette &palette);
    static void paintMarkerSymbol(QPainter &painter, const QRectF &rect, const QPalette &palette);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    // Click, and while dragging (at most one per kScrubIntervalMs, the final one on release).
    void seekRequested(qint64 us);
    void scrubbingChanged(bool scrubbing);
    void checkpointActivated(int index); // into CheckpointIndex::checkpoints
    void markerActivated(int index);     // into CheckpointIndex::markers
    void visibleRangeChanged(qint64 startUs, qint64 endUs);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Hit {
        enum class Type { None, Checkpoint, Marker, Resize } type = Type::None;
        int index = -1;  // into the original list
        int others = 0;  // further items of that type merged on the same pixel
        int distance = 0; // px from the pointer
    };
    // A sorted view of one list: times ascending, each with its index in the original list.
    struct Sorted {
        QList<qint64> times;
        QList<int> order;
        void build(const QList<qint64> &timesInListOrder);
        // [first, last) of the entries with time in [lo, hi].
        std::pair<qsizetype, qsizetype> range(qint64 lo, qint64 hi) const;
    };

    double spanUs() const;
    double viewStart() const;
    double xForTimeF(double us) const;
    double timeAtF(double x) const;
    void clampView();
    void emitVisibleRange();
    Hit hitAt(const QPoint &pos) const;
    Hit nearest(const Sorted &sorted, Hit::Type type, int x) const;
    void zoomAround(double factor, double anchorUs, double anchorX);
    // The flags shown (merged when closer than 3 px) and their labels, left to right.
    struct MarkerFlag {
        int marker = -1; // into m_markers
        int x = 0;
        QRect labelRect; // empty: no room for a label
        QString text;    // the label, elided to fit
    };
    QList<MarkerFlag> markerLayout() const;
    qreal flagSize() const;
    QFont labelFont() const;
    int laneHeight() const;
    qint64 displayedPosition() const { return std::min(m_showScrub ? m_scrubTime : m_position, m_duration); }
    void scrubTo(int x);
    void flushScrub();
    void setHoverX(int x);

    void paintGroove(QPainter &p, const QRect &track) const;
    void paintDensity(QPainter &p, const QRect &strip) const;
    void paintAltSpans(QPainter &p, const QRect &track) const;
    void paintTicks(QPainter &p, const QRect &track) const;
    void paintResizes(QPainter &p, const QRect &track) const;
    void paintSearchHits(QPainter &p, const QRect &track) const;
    void paintMarkers(QPainter &p, const QRect &lane, const QRect &track) const;
    void paintOverview(QPainter &p) const;
    void paintPlayhead(QPainter &p) const;

    // Data
    qint64 m_duration = 0;
    qint64 m_position = 0;
    QList<Checkpoint> m_checkpoints;
    QList<CastMarker> m_markers;
    QList<CastResize> m_resizes;
    Sorted m_cpSorted;
    QList<quint8> m_cpStyleBits; // in m_cpSorted's order: 1 << the tick style of each
    Sorted m_markerSorted;
    Sorted m_resizeSorted;
    QList<std::pair<qint64, qint64>> m_altSpans; // [enter, leave) of the alternate screen
    QList<float> m_density;
    QList<qint64> m_searchHits; // sorted

    // View: m_viewSpan == 0 shows everything (and follows the duration)
    double m_viewStart = 0;
    double m_viewSpan = 0;

    // Mouse
    bool m_pressed = false;
    bool m_scrubbing = false;
    bool m_showScrub = false; // show m_scrubTime until the player reports a position
    QPoint m_pressPos;
    Hit m_pressHit;
    qint64 m_scrubTime = 0;
    qint64 m_lastEmitted = -1;
    bool m_pendingEmit = false;
    QElapsedTimer m_sinceEmit;
    QTimer m_scrubTimer;
    int m_hoverX = -1;
};
