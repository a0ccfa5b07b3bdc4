#include "OutputGenerator.h"

#include "format/CastHeader.h"
#include "format/CastWriter.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace {
const char *const kWords[] = {"src", "build", "main.cpp", "CMakeLists.txt", "README.md", "include", "test_runner",
                              "node_modules", "Cargo.toml", "target", "libfoo.so.6", "archive.tar.gz", "photo.png",
                              "warning:", "error:", "note:", "unused variable", "in function", "compiling", "linking"};
const char *const kUnicode[] = {"漢字", "テスト", "😀", "✓", "→", "│", "─", "é", "ß", "🚀"};
const char *const kClears[] = {"\x1b[H\x1b[2J\x1b[3J", "\x1b[2J", "\x1b" "c", "\x1b[?1049h", "\x1b[H\x1b[J",
                               "\x1b[?1049l", "\x1b[3J", "\x1b[?47h", "\x1b[?47l"};
} // namespace

OutputGenerator::OutputGenerator(quint32 seed)
    : m_rng(seed)
{
}

void OutputGenerator::line(QByteArray &out)
{
    const int kind = m_rng.bounded(10);
    const int words = m_rng.bounded(3, 12);
    if (kind == 9) {
        // A progress bar redrawn in place.
        for (int p = 0; p <= 100; p += 20) {
            out += "\r\x1b[1;32m[";
            out += QByteArray(p / 5, '#') + QByteArray(20 - p / 5, ' ');
            out += "]\x1b[0m " + QByteArray::number(p) + "%";
        }
        out += "\r\n";
        return;
    }
    for (int w = 0; w < words; ++w) {
        switch (m_rng.bounded(6)) {
        case 0:
            out += "\x1b[" + QByteArray::number(30 + m_rng.bounded(8)) + "m";
            break;
        case 1:
            out += "\x1b[1;" + QByteArray::number(90 + m_rng.bounded(8)) + "m";
            break;
        case 2:
            out += "\x1b[38;5;" + QByteArray::number(m_rng.bounded(256)) + "m";
            break;
        case 3:
            out += "\x1b[38;2;" + QByteArray::number(m_rng.bounded(256)) + ";" + QByteArray::number(m_rng.bounded(256))
                + ";" + QByteArray::number(m_rng.bounded(256)) + "m";
            break;
        default:
            break;
        }
        out += kWords[m_rng.bounded(int(std::size(kWords)))];
        if (m_rng.bounded(8) == 0)
            out += kUnicode[m_rng.bounded(int(std::size(kUnicode)))];
        out += "\x1b[0m ";
    }
    out += "\r\n";
}

void OutputGenerator::append(QByteArray &out, qsizetype bytes, qsizetype clearEvery)
{
    const qsizetype target = out.size() + bytes;
    while (out.size() < target) {
        const qsizetype before = out.size();
        line(out);
        m_sinceClear += out.size() - before;
        if (clearEvery > 0 && m_sinceClear >= clearEvery) {
            out += kClears[m_clearKind++ % int(std::size(kClears))];
            m_sinceClear = 0;
        }
    }
}

QByteArray OutputGenerator::chunk(qsizetype maxLen)
{
    QByteArray out;
    append(out, m_rng.bounded(1, int(maxLen) + 1));
    return out;
}

qint64 writeGeneratedCast(const QString &path, qint64 bytes, qint64 clearEvery, quint32 seed)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return -1;
    OutputGenerator gen(seed);
    QRandomGenerator rng(seed + 1);
    CastWriter writer(2);
    CastHeader header;
    header.width = 120;
    header.height = 40;
    QByteArray out;
    writer.appendHeader(out, header);
    qint64 written = 0;
    qint64 timeUs = 0;
    QByteArray output;
    int events = 0;
    while (written < bytes) {
        output.clear();
        gen.append(output, rng.bounded(200, 8192), clearEvery);
        timeUs += rng.bounded(100, 200000);
        writer.appendEvent(out, timeUs, "o", output);
        if (++events % 5000 == 0) {
            const QByteArray size = QByteArray::number(80 + rng.bounded(100)) + 'x' + QByteArray::number(24 + rng.bounded(40));
            writer.appendEvent(out, timeUs, "r", size);
        }
        if (out.size() > (4 << 20)) {
            written += f.write(out);
            out.clear();
        }
    }
    written += f.write(out);
    return written;
}

bool writeGeneratedOutput(const QString &path, qint64 size, qint64 clearEvery)
{
    QFile file(path + u".partial"_s);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    OutputGenerator generator;
    QByteArray block;
    qint64 written = 0;
    while (written < size) {
        block.clear();
        generator.append(block, 1024 * 1024, clearEvery);
        const qint64 n = std::min<qint64>(block.size(), size - written);
        if (file.write(block.constData(), n) != n)
            return false;
        written += n;
    }
    file.close();
    QFile::remove(path);
    return file.rename(path);
}

qint64 prepareInputFile(QString &path, const QString &generatedPath, qint64 size, qint64 clearEvery)
{
    if (path.isEmpty()) {
        path = generatedPath;
        if (QFileInfo(path).size() != size) {
            std::printf("generating %s\n", qPrintable(path));
            if (!writeGeneratedOutput(path, size, clearEvery)) {
                std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
                return -1;
            }
        }
    }
    const qint64 fileSize = QFileInfo(path).size();
    if (fileSize <= 0)
        std::fprintf(stderr, "cannot read %s\n", qPrintable(path));
    return fileSize;
}
