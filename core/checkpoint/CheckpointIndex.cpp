#include "CheckpointIndex.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>
#include <QtEndian>

#include <algorithm>

using namespace Qt::StringLiterals;

// Global, not in the anonymous namespace: QList's stream operators find these by ADL.
static QDataStream &operator<<(QDataStream &s, const CastDiagnostic &d)
{
    return s << d.line << d.offset << d.message;
}

static QDataStream &operator>>(QDataStream &s, CastDiagnostic &d)
{
    return s >> d.line >> d.offset >> d.message;
}

namespace {
// The keyframe table: one fixed-size little-endian record a keyframe, stored as one byte
// array. A 1 GB recording has about 6,000 keyframes; reading them field by field through
// QDataStream took 3-4 ms, most of opening it.
constexpr qsizetype kKeyframeRecord = 6 * 8 + 4 * 4 + 2;

QByteArray packKeyframes(const QList<Keyframe> &keyframes)
{
    QByteArray out(keyframes.size() * kKeyframeRecord, Qt::Uninitialized);
    char *p = out.data();
    const auto put = [&p](auto v) {
        qToLittleEndian(v, p);
        p += sizeof(v);
    };
    for (const Keyframe &k : keyframes) {
        put(qint64(k.timeUs));
        put(qint64(k.position.offset));
        put(qint64(k.position.nextEventIndex));
        put(qint64(k.position.timeUs));
        put(qint64(k.position.lineNumber));
        put(qint64(k.blobOffset));
        put(qint32(k.cols));
        put(qint32(k.rows));
        put(qint32(k.preambleSize));
        put(qint32(k.blobSize));
        put(quint16(k.blobChecksum));
    }
    return out;
}

bool unpackKeyframes(QByteArrayView packed, QList<Keyframe> &keyframes)
{
    if (packed.size() % kKeyframeRecord != 0)
        return false;
    keyframes.resize(packed.size() / kKeyframeRecord);
    const char *p = packed.data();
    const auto get = [&p]<typename T>(T &v) {
        v = qFromLittleEndian<T>(p);
        p += sizeof(T);
    };
    for (Keyframe &k : keyframes) {
        get(k.timeUs);
        get(k.position.offset);
        get(k.position.nextEventIndex);
        get(k.position.timeUs);
        get(k.position.lineNumber);
        get(k.blobOffset);
        get(k.cols);
        get(k.rows);
        get(k.preambleSize);
        get(k.blobSize);
        get(k.blobChecksum);
    }
    return true;
}

constexpr quint32 kMagic = 0x43444958; // "CDIX"
// magic, version and the keyframe area's end offset come first; the area follows.
constexpr qint64 kAreaStart = 16;

QByteArray sha1(QByteArrayView bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha1);
}

// Reads `length` bytes at `offset`, or an empty array when the file is shorter.
QByteArray readAt(QFile &f, qint64 offset, qint64 length)
{
    if (!f.seek(offset))
        return {};
    QByteArray b = f.read(length);
    return b.size() == length ? b : QByteArray();
}
} // namespace

QString CheckpointIndex::sidecarPath(const QString &castPath)
{
    return castPath + u".idx"_s;
}

QString CheckpointIndex::cacheSidecarPath(const QString &castPath)
{
    const QString abs = QFileInfo(castPath).absoluteFilePath();
    const QString key = QString::fromLatin1(sha1(abs.toUtf8()).toHex().left(24));
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) + u"/castdeck/index/"_s + key
        + u".idx"_s;
}

bool CheckpointIndex::save(const QString &path, QString *error) const
{
    // The keyframe area first: every preamble from memory or from the sidecar it was saved in.
    QList<Keyframe> saved;
    QList<QByteArray> blobs;
    saved.reserve(keyframes.size());
    blobs.reserve(keyframes.size());
    QFile previous(storedIn.path);
    bool previousOpen = false;
    qint64 offset = kAreaStart;
    for (const Keyframe &k : keyframes) {
        QByteArray blob = k.compressed;
        if (blob.isEmpty() && k.blobOffset >= 0) {
            if (!previousOpen)
                previousOpen = !storedIn.path.isEmpty() && previous.open(QIODevice::ReadOnly);
            if (previousOpen)
                blob = readAt(previous, k.blobOffset, k.blobSize);
            if (qChecksum(blob) != k.blobChecksum)
                blob.clear(); // replaced by another writer since load(): leave this keyframe out
        }
        if (blob.isEmpty())
            continue;
        Keyframe s = k;
        s.compressed.clear();
        s.blobOffset = offset;
        s.blobSize = qint32(blob.size());
        s.blobChecksum = qChecksum(blob);
        offset += blob.size();
        saved.append(s);
        blobs.append(std::move(blob));
    }

    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = u"%1: cannot write the index: %2"_s.arg(path, file.errorString());
        return false;
    }
    QDataStream s(&file);
    s.setVersion(QDataStream::Qt_6_5);
    s << kMagic << kFileVersion << offset;
    for (const QByteArray &blob : std::as_const(blobs))
        s.writeRawData(blob.constData(), int(blob.size()));
    s << source.indexedBytes << source.headerHash << source.lastLineOffset << source.lastLineLength
      << source.lastLineHash;
    s << qint32(format) << width << height << durationUs << eventCount << eventsByCode;
    s << checkpoints << markers << resizes << warnings;
    s << outputHistogram.sliceUs() << outputHistogram.bytes();
    s << resume.offset << resume.nextEventIndex << resume.timeUs << resume.lineNumber << detectorState << cols << rows;
    s << keyframedEvents << packKeyframes(saved);
    if (s.status() != QDataStream::Ok || !file.commit()) {
        if (error)
            *error = u"%1: cannot write the index: %2"_s.arg(path, file.errorString());
        return false;
    }
    return true;
}

bool CheckpointIndex::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = u"%1: cannot open the index: %2"_s.arg(path, file.errorString());
        return false;
    }
    QDataStream s(&file);
    s.setVersion(QDataStream::Qt_6_5);
    quint32 magic = 0, version = 0;
    qint64 areaEnd = 0;
    s >> magic >> version;
    if (magic != kMagic || version != kFileVersion) {
        if (error)
            *error = u"%1: not a CastDeck index of version %2"_s.arg(path).arg(kFileVersion);
        return false;
    }
    s >> areaEnd;
    if (s.status() != QDataStream::Ok || areaEnd < kAreaStart || areaEnd > file.size() || !file.seek(areaEnd)) {
        if (error)
            *error = u"%1: the index is damaged"_s.arg(path);
        return false;
    }
    // The rest in one read, then parsed from memory.
    const QByteArray rest = file.readAll();
    if (rest.size() != file.size() - areaEnd) {
        if (error)
            *error = u"%1: cannot read the index: %2"_s.arg(path, file.errorString());
        return false;
    }
    QDataStream m(rest);
    m.setVersion(QDataStream::Qt_6_5);
    CheckpointIndex idx;
    qint32 fmt = 0;
    m >> idx.source.indexedBytes >> idx.source.headerHash >> idx.source.lastLineOffset >> idx.source.lastLineLength
        >> idx.source.lastLineHash;
    m >> fmt >> idx.width >> idx.height >> idx.durationUs >> idx.eventCount >> idx.eventsByCode;
    m >> idx.checkpoints >> idx.markers >> idx.resizes >> idx.warnings;
    qint64 sliceUs = 0;
    QList<qint64> sliceBytes;
    m >> sliceUs >> sliceBytes;
    const bool histogramOk = idx.outputHistogram.restore(sliceUs, sliceBytes);
    m >> idx.resume.offset >> idx.resume.nextEventIndex >> idx.resume.timeUs >> idx.resume.lineNumber
        >> idx.detectorState >> idx.cols >> idx.rows;
    QByteArray packedKeyframes;
    m >> idx.keyframedEvents >> packedKeyframes;
    const bool keyframesOk = unpackKeyframes(packedKeyframes, idx.keyframes);
    const bool blobsInside = std::all_of(idx.keyframes.cbegin(), idx.keyframes.cend(), [areaEnd](const Keyframe &k) {
        return k.blobOffset >= kAreaStart && k.blobSize > 0 && k.blobOffset + k.blobSize <= areaEnd;
    });
    if (m.status() != QDataStream::Ok || !m.atEnd() || !keyframesOk || !blobsInside || !histogramOk) {
        if (error)
            *error = u"%1: the index is damaged"_s.arg(path);
        return false;
    }
    idx.format = fmt;
    idx.storedIn.path = path;
    *this = std::move(idx);
    return true;
}

std::optional<QByteArray> CheckpointIndex::keyframePreamble(qsizetype k, QString *error) const
{
    if (k < 0 || k >= keyframes.size()) {
        if (error)
            *error = u"no keyframe %1"_s.arg(k);
        return std::nullopt;
    }
    const Keyframe &kf = keyframes.at(k);
    QByteArray blob = kf.compressed;
    if (blob.isEmpty() && kf.blobOffset >= 0) {
        QFile file(storedIn.path);
        if (file.open(QIODevice::ReadOnly))
            blob = readAt(file, kf.blobOffset, kf.blobSize);
        if (qChecksum(blob) != kf.blobChecksum)
            blob.clear(); // the sidecar was replaced by another writer since load()
    }
    if (blob.size() < 4) {
        if (error)
            *error = u"%1: the preamble of keyframe %2 cannot be read"_s.arg(storedIn.path).arg(k);
        return std::nullopt;
    }
    QByteArray preamble = kf.preambleSize == 0 ? QByteArray() : qUncompress(blob);
    if (preamble.size() != kf.preambleSize) {
        if (error)
            *error = u"%1: the preamble of keyframe %2 cannot be read"_s.arg(storedIn.path).arg(k);
        return std::nullopt;
    }
    return preamble;
}

void CheckpointIndex::setKeyframePreamble(Keyframe &keyframe, QByteArrayView preamble)
{
    keyframe.preambleSize = qint32(preamble.size());
    keyframe.compressed = qCompress(reinterpret_cast<const uchar *>(preamble.data()), preamble.size(), 1); // level 1: 4-6x smaller on SGR-heavy screens, and fast
    keyframe.blobOffset = -1;
    keyframe.blobSize = 0;
    keyframe.blobChecksum = 0;
}

QByteArray CheckpointIndex::hashLine(QFile &file, qint64 offset, qint64 length)
{
    QByteArray line = readAt(file, offset, length);
    if (line.isEmpty())
        return {};
    if (line.endsWith('\n'))
        line.chop(1);
    if (line.endsWith('\r'))
        line.chop(1);
    return sha1(line);
}

CheckpointIndex::Validity CheckpointIndex::validate(const QString &castPath) const
{
    QFile f(castPath);
    if (!f.open(QIODevice::ReadOnly) || source.headerHash.isEmpty())
        return Validity::Stale;
    const qint64 size = f.size();
    if (size < source.indexedBytes)
        return Validity::Stale;
    // The header line: read up to its newline (headers are small).
    const QByteArray head = f.read(qMin<qint64>(size, 1 << 20));
    const qsizetype nl = head.indexOf('\n');
    const QByteArrayView header = nl < 0 ? QByteArrayView(head) : QByteArrayView(head).first(nl + 1);
    if (sha1(header) != source.headerHash)
        return Validity::Stale;
    if (source.lastLineOffset >= 0 && hashLine(f, source.lastLineOffset, source.lastLineLength) != source.lastLineHash)
        return Validity::Stale;
    return size == source.indexedBytes ? Validity::Valid : Validity::Grown;
}
