// OutputHistogram: how many bytes of output a recording printed per slice of time, in
// bounded memory whatever its duration; what the timeline's density strip ("where was the
// session busy, where idle") is drawn from.
//
// Slices start kInitialSliceUs wide. When an event lands past kMaxSlices slices, the width
// doubles and neighbouring pairs merge, as often as needed: at most kMaxSlices counts are
// kept (32 KB), and the result depends only on the sequence of add() calls, so indexing a
// file in two runs (resume after growth) gives what one run gives.
//
// Data flow: CastIndexer (every 'o' event, in its single pass over the file) or
// RecordingWriter (live, the same counts) -> CheckpointIndex::outputHistogram -> sidecar -> density() -> TimelineWidget::setDensity().
// A plain value like CheckpointIndex; whichever thread holds the index uses it.
#pragma once

#include <QList>
#include <QtGlobal>

class OutputHistogram
{
public:
    static constexpr qint64 kInitialSliceUs = 100'000;
    static constexpr qsizetype kMaxSlices = 4096;

    // Counts `bytes` of output at `timeUs` (negative times count at 0).
    void add(qint64 timeUs, qint64 bytes)
    {
        if (bytes <= 0)
            return;
        const qint64 t = timeUs > 0 ? timeUs : 0;
        // A division by a constant (a multiplication) and a shift: no division per event.
        qint64 slice = (t / kInitialSliceUs) >> m_doublings;
        if (slice >= m_bytes.size()) {
            if (slice >= kMaxSlices)
                slice = widenFor(t);
            if (slice >= m_bytes.size())
                m_bytes.resize(slice + 1); // zero-filled: the slices in between were idle
        }
        m_bytes[slice] += bytes;
    }

    qint64 sliceUs() const { return kInitialSliceUs << m_doublings; }
    // bytes()[k]: output bytes with times in [k * sliceUs(), (k + 1) * sliceUs()); the list
    // ends at the last slice with output.
    const QList<qint64> &bytes() const { return m_bytes; }
    qint64 totalBytes() const;
    bool isEmpty() const { return m_bytes.isEmpty(); }

    // The output rate over `buckets` equal parts of [0, durationUs] (the timeline's layout),
    // log-scaled to 0..1: 1 is the busiest bucket, 0 a bucket without output, and any output
    // at all stays above 0 (a few keystrokes' echo still shows beside a `cat` of a big file).
    // A slice wider than a bucket spreads evenly over the buckets it covers. Output past
    // durationUs (times that went back) counts in the last bucket.
    QList<float> density(qint64 durationUs, int buckets) const;
    // The number of buckets that matches the slices' own resolution over `durationUs`
    // (1 .. kMaxSlices): density() at this count neither merges nor spreads slices.
    int naturalBuckets(qint64 durationUs) const;

    // For the sidecar (CheckpointIndex::load()): false when the values cannot be a histogram.
    bool restore(qint64 sliceUs, const QList<qint64> &bytes);

    bool operator==(const OutputHistogram &) const = default;

private:
    // Doubles the width (merging pairs) until `timeUs` falls inside kMaxSlices; its slice.
    qint64 widenFor(qint64 timeUs);

    int m_doublings = 0; // the slices are kInitialSliceUs * 2^m_doublings wide
    QList<qint64> m_bytes;
};
