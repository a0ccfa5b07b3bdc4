#include "OutputHistogram.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

qint64 OutputHistogram::widenFor(qint64 timeUs)
{
    // Slice k of width w is slice k / 2 of width 2w, so merging now or having counted at the
    // wider width from the start gives the same counts: only the latest time decides the width.
    const qint64 finest = timeUs / kInitialSliceUs;
    while ((finest >> m_doublings) >= kMaxSlices) {
        const qsizetype n = m_bytes.size();
        for (qsizetype i = 0; 2 * i < n; ++i)
            m_bytes[i] = m_bytes[2 * i] + (2 * i + 1 < n ? m_bytes[2 * i + 1] : 0);
        m_bytes.resize((n + 1) / 2);
        ++m_doublings;
    }
    return finest >> m_doublings;
}

qint64 OutputHistogram::totalBytes() const
{
    return std::accumulate(m_bytes.cbegin(), m_bytes.cend(), qint64(0));
}

int OutputHistogram::naturalBuckets(qint64 durationUs) const
{
    const qint64 n = (std::max<qint64>(durationUs, 0) + sliceUs() - 1) / sliceUs();
    return int(std::clamp<qint64>(n, 1, kMaxSlices));
}

QList<float> OutputHistogram::density(qint64 durationUs, int buckets) const
{
    if (buckets <= 0)
        return {};
    QList<float> out(buckets, 0.0f);
    if (m_bytes.isEmpty())
        return out;
    const double span = double(std::max<qint64>(durationUs, 1));
    const double bucketsPerUs = double(buckets) / span;
    const double width = double(sliceUs());
    std::vector<double> sums(size_t(buckets), 0.0);
    for (qsizetype k = 0; k < m_bytes.size(); ++k) {
        const qint64 b = m_bytes.at(k);
        if (b == 0)
            continue;
        // The slice as far as it lies inside [0, span]; its bytes spread evenly over it.
        const double s0 = double(k) * width;
        const double s1 = std::min(s0 + width, span);
        if (s1 <= s0) {
            sums.back() += double(b); // at or past the end (the last event, or times that went back)
            continue;
        }
        const double x0 = s0 * bucketsPerUs;
        const double x1 = s1 * bucketsPerUs;
        const double perBucket = double(b) / (x1 - x0);
        const qsizetype i0 = std::min<qsizetype>(qsizetype(x0), buckets - 1);
        const qsizetype i1 = std::clamp<qsizetype>(qsizetype(std::ceil(x1)) - 1, i0, buckets - 1);
        bool given = false;
        for (qsizetype i = i0; i <= i1; ++i) {
            const double overlap = std::min(x1, double(i + 1)) - std::max(x0, double(i));
            if (overlap > 0) {
                sums[size_t(i)] += perBucket * overlap;
                given = true;
            }
        }
        if (!given)
            sums[size_t(i0)] += double(b); // a sliver thinner than rounding: keep it visible
    }
    // Bytes per second, log-scaled: log1p keeps the order of magnitude (10 B/s of typing
    // against 1 MB/s of a build log is about 0.17, not 0.00001).
    const double bucketSeconds = span / double(buckets) / 1e6;
    const double maxRate = *std::max_element(sums.cbegin(), sums.cend()) / bucketSeconds;
    if (maxRate <= 0)
        return out;
    const double scale = 1.0 / std::log1p(maxRate);
    for (int i = 0; i < buckets; ++i) {
        if (sums[size_t(i)] <= 0)
            continue;
        // Never 0 for a bucket with output, however small next to the busiest.
        out[i] = std::clamp(float(std::log1p(sums[size_t(i)] / bucketSeconds) * scale), 1e-6f, 1.0f);
    }
    return out;
}

bool OutputHistogram::restore(qint64 sliceUs, const QList<qint64> &bytes)
{
    int doublings = 0;
    while ((kInitialSliceUs << doublings) < sliceUs && doublings < 40)
        ++doublings;
    if ((kInitialSliceUs << doublings) != sliceUs || bytes.size() > kMaxSlices
        || std::any_of(bytes.cbegin(), bytes.cend(), [](qint64 b) { return b < 0; }))
        return false;
    m_doublings = doublings;
    m_bytes = bytes;
    return true;
}
