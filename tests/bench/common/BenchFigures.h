// BenchFigures: the units the benchmarks print their figures in, so that "MB/s" and "peak RSS"
// mean the same in every bench_* that uses them (decimal megabytes: 1e6 bytes).
#pragma once

#include <QtGlobal>

#include <sys/resource.h>

// Decimal megabytes per second for `bytes` in `ns` nanoseconds.
inline double mbps(qint64 bytes, qint64 ns)
{
    return double(bytes) / 1e6 / (double(ns) / 1e9);
}

// This process's peak resident set so far, in MB (ru_maxrss is in KB on Linux).
inline long peakRssMb()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024;
}
