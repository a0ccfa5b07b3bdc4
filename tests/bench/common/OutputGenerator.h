// OutputGenerator: deterministic, realistic terminal output for benchmarks and property
// tests: coloured `ls`, compiler and log lines with 16/256/truecolor SGR, progress bars
// redrawn with \r, CJK and emoji, and (optionally) clear sequences every few MB.
#pragma once

#include <QByteArray>
#include <QRandomGenerator>

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
