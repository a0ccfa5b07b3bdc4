// BarePtyCat: the baseline of the pty benchmarks (bench_pty's "raw", bench_record's and
// bench_terminal_cat's "baseline"): `cat FILE` on a pty of its own from forkpty(), the master
// read into a 64 KB buffer until EIO and the bytes dropped. No Qt, no event loop: the ceiling
// any reader of a pty reaches on this machine. The pty is in its default (cooked) mode, so
// "\n" arrives as "\r\n", as in every run it is compared with. Blocks the calling thread.
#pragma once

#include <QByteArray>
#include <QString>

class BarePtyCat
{
public:
    qint64 bytes = 0; // received, after the line discipline
    qint64 ns = 0;    // wall time from the fork to the exit, with every byte read
    qint64 reads = 0; // read(2) calls that returned data
    qint64 cpuNs = 0; // this process's CPU time (user + system) meanwhile: the reader's cost

    // The file the pty benchmarks (bench_pty, bench_terminal_cat) cat: `path` when given, else
    // `sizeMb` MB of OutputGenerator output without clears, generated once at
    // /tmp/castdeck-bench-pty-<MB>M.txt (set into `path`). Prints the command line and the
    // child as a report's first lines. Returns the file's size, 0 or less on failure.
    static qint64 prepareFile(QString &path, qint64 sizeMb, const QString &commandLine);
    // Runs `cat filePath` (a native path) once. On a failed forkpty() prints why and returns
    // an empty result.
    static BarePtyCat run(const QByteArray &filePath);
    // This process's CPU time (user + system, all threads), the clock cpuNs is read with: for
    // the runs compared with this one.
    static qint64 processCpuNs();
};
