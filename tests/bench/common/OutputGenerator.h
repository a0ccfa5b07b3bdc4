// OutputGenerator: deterministic, realistic terminal output for benchmarks and property
// tests: coloured `ls`, compiler and log lines with 16/256/truecolor SGR, progress bars
// redrawn with \r, CJK and emoji, and (optionally) clear sequences every few MB.
#pragma once

#include <QByteArray>
#include <QRandomGenerator>
#include <QString>

class OutputGenerator
{
public:
    explicit OutputGenerator(quint32 seed = 42);
    // Appends about `bytes` of output. With clearEvery > 0, a clear sequence (cycling
    // through the nine kinds, `clear`'s triple among them) is put in about every clearEvery bytes.
    void append(QByteArray &out, qsizetype bytes, qsizetype clearEvery = 0);
    // One chunk of 1..maxLen bytes of output, as a pty read would deliver it.
    QByteArray chunk(qsizetype maxLen);

private:
    void line(QByteArray &out);
    QRandomGenerator m_rng;
    qsizetype m_sinceClear = 0;
    int m_clearKind = 0;
};

// Writes a v2 cast of about `bytes` into `path`: events of 200 B..8 KB, clears every
// `clearEvery` bytes of output, a resize now and then. Returns the bytes written.
qint64 writeGeneratedCast(const QString &path, qint64 bytes, qint64 clearEvery, quint32 seed = 42);

// Writes exactly `size` bytes of OutputGenerator output (default seed; a clear about every
// `clearEvery` bytes, none for 0) into `path`, through PATH.partial renamed at the end, so an
// interrupted run leaves no short file behind. False when it cannot be written.
bool writeGeneratedOutput(const QString &path, qint64 size, qint64 clearEvery = 0);
// The benchmarks' input file. An empty `path` becomes `generatedPath`, written unless it
// already has exactly `size` bytes (from an earlier run), with "generating PATH" on stdout.
// Returns the size of the file at `path`; 0 or less, after "cannot write PATH" or "cannot
// read PATH" on stderr, when there is nothing to read.
qint64 prepareInputFile(QString &path, const QString &generatedPath, qint64 size, qint64 clearEvery = 0);
