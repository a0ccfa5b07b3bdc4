#include "CastReader.h"

#include "JsonText.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <cstring>

using namespace Qt::StringLiterals;

namespace {
constexpr qsizetype kBlockSize = 1 << 20;               // read granularity
constexpr qsizetype kMaxLineLength = qsizetype(256) << 20; // longer lines are refused
constexpr qint64 kMaxV1Size = qint64(512) << 20;

inline bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

inline qsizetype skipSpace(QByteArrayView s, qsizetype i)
{
    while (i < s.size() && isSpace(s[i]))
        ++i;
    return i;
}

// Parses a JSON number at s[i] as microseconds, rounding half away from zero. Exponent
// notation is accepted ("1.5e-3"). Integer arithmetic while the digits fit, so intervals
// sum without floating-point drift.
bool parseMicros(QByteArrayView s, qsizetype &i, qint64 &us, bool &negative)
{
    negative = false;
    if (i < s.size() && s[i] == '-') {
        negative = true;
        ++i;
    }
    const qsizetype start = i;
    quint64 mantissa = 0;
    int digits = 0;
    int exp10 = 0;
    bool any = false;
    auto addDigit = [&](char c, bool fraction) {
        any = true;
        if (digits < 18) {
            if (mantissa != 0 || c != '0')
                ++digits;
            mantissa = mantissa * 10 + quint64(c - '0');
            if (fraction)
                --exp10;
        } else if (!fraction) {
            ++exp10; // dropped integer digit: keeps the magnitude
        }
    };
    while (i < s.size() && s[i] >= '0' && s[i] <= '9')
        addDigit(s[i++], false);
    if (i < s.size() && s[i] == '.') {
        ++i;
        const qsizetype fracStart = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9')
            addDigit(s[i++], true);
        if (i == fracStart)
            return false;
    }
    if (!any || i == start)
        return false;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        bool expNeg = false;
        if (i < s.size() && (s[i] == '+' || s[i] == '-'))
            expNeg = s[i++] == '-';
        const qsizetype expStart = i;
        int e = 0;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
            if (e < 10000)
                e = e * 10 + (s[i] - '0');
            ++i;
        }
        if (i == expStart)
            return false;
        exp10 += expNeg ? -e : e;
    }
    int scale = exp10 + 6; // to microseconds
    if (mantissa == 0) {
        us = 0;
        return true;
    }
    if (scale >= 0) {
        if (scale > 18)
            return false;
        const quint64 limit = quint64(std::numeric_limits<qint64>::max());
        for (int k = 0; k < scale; ++k) {
            if (mantissa > limit / 10)
                return false; // beyond ~292,000 years
            mantissa *= 10;
        }
        us = qint64(mantissa);
        return true;
    }
    if (scale < -19) {
        us = 0;
        return true;
    }
    quint64 div = 1;
    for (int k = 0; k < -scale; ++k)
        div *= 10;
    us = qint64((mantissa + div / 2) / div);
    return true;
}
} // namespace

CastReader::CastReader() = default;
CastReader::~CastReader() = default;

void CastReader::fail(qint64 line, qint64 offset, const QString &message)
{
    m_hasError = true;
    m_atEnd = true;
    m_error = CastDiagnostic{m_path, line, offset, message};
}

void CastReader::warn(qint64 line, qint64 offset, const QString &message)
{
    m_warnings.append(CastDiagnostic{m_path, line, offset, message});
}

qint64 CastReader::fileSize() const
{
    return m_file ? m_file->size() : 0;
}

void CastReader::close()
{
    m_file.reset();
    m_buf.clear();
    m_bufPos = m_bufLen = 0;
    m_v1Events.clear();
}

bool CastReader::open(const QString &path)
{
    close();
    m_path = path;
    m_header = CastHeader();
    m_headerLine.clear();
    m_warnings.clear();
    m_hasError = false;
    m_atEnd = false;
    m_eof = false;
    m_bufOffset = 0;
    m_pos = Position();
    m_v1Next = 0;

    const QFileInfo info(path);
    if (info.isDir()) {
        fail(0, 0, u"is a folder, expected an asciicast file"_s);
        return false;
    }
    m_file = std::make_unique<QFile>(path);
    if (!m_file->open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        fail(0, 0, u"cannot open: %1"_s.arg(m_file->errorString()));
        m_file.reset();
        return false;
    }
    m_buf.resize(kBlockSize);

    Line line;
    const LineResult r = nextLine(line);
    if (r == LineResult::End) {
        fail(1, 0, u"expected a header line, found an empty file"_s);
        return false;
    }
    if (r == LineResult::TooLong) {
        fail(1, 0, u"expected a header line, found a line longer than %1 MB"_s.arg(kMaxLineLength >> 20));
        return false;
    }
    QByteArrayView text = line.text;
    if (text.startsWith("\xEF\xBB\xBF"))
        text = text.sliced(3); // a UTF-8 byte order mark some editors add
    CastHeader::ParseResult parsed = CastHeader::parse(text, m_header);
    if (!parsed.ok && text.trimmed().startsWith('{') && m_file->size() <= kMaxV1Size) {
        // Possibly a pretty-printed v1 document spanning many lines.
        m_file->seek(0);
        const QByteArray all = m_file->readAll();
        CastHeader::ParseResult v1 = CastHeader::parse(all, m_header);
        if (v1.ok && m_header.version == 1) {
            for (const QString &w : std::as_const(v1.warnings))
                warn(1, 0, w);
            return openV1(all);
        }
    }
    if (!parsed.ok) {
        fail(1, 0, u"expected %1"_s.arg(parsed.error));
        return false;
    }
    for (const QString &w : std::as_const(parsed.warnings))
        warn(1, 0, w);
    if (m_header.version == 1) {
        m_file->seek(0);
        return openV1(m_file->readAll());
    }
    // The raw bytes, line break included (the first line is still at the buffer's start).
    m_headerLine = QByteArray(m_buf.constData() + (line.offset - m_bufOffset), line.length);
    m_pos.offset = line.offset + line.length;
    m_pos.lineNumber = 2;
    return true;
}

bool CastReader::openV1(const QByteArray &all)
{
    const QJsonObject o = QJsonDocument::fromJson(all).object();
    const QJsonValue stdoutValue = o.value(u"stdout"_s);
    if (!stdoutValue.isArray()) {
        fail(1, 0, u"expected a \"stdout\" array in the version 1 document"_s);
        return false;
    }
    qint64 time = 0;
    qint64 index = 0;
    for (const QJsonValue &frame : stdoutValue.toArray()) {
        const QJsonArray a = frame.toArray();
        if (a.size() < 2 || !a.at(0).isDouble() || !a.at(1).isString()) {
            const QString msg = u"malformed stdout frame %1 skipped: expected [delay, \"data\"]"_s.arg(index);
            if (m_mode == Mode::Strict) {
                fail(1, 0, msg);
                return false;
            }
            warn(1, 0, msg);
            continue;
        }
        const double delay = a.at(0).toDouble();
        if (delay < 0) {
            const QString msg = u"negative delay in stdout frame %1"_s.arg(index);
            if (m_mode == Mode::Strict) {
                fail(1, 0, msg);
                return false;
            }
            warn(1, 0, msg);
        }
        CastEvent ev;
        ev.intervalUs = qMax<qint64>(0, qint64(std::llround(delay * 1e6)));
        time += ev.intervalUs;
        ev.timeUs = time;
        ev.code = "o";
        ev.data = a.at(1).toString().toUtf8();
        ev.index = index++;
        m_v1Events.append(std::move(ev));
    }
    m_headerLine = all;
    m_pos.offset = all.size();
    m_pos.nextEventIndex = 0;
    return true;
}

bool CastReader::fill()
{
    if (m_eof)
        return false;
    // Keep unconsumed bytes; grow only when one line does not fit.
    if (m_bufPos > 0) {
        const qsizetype rest = m_bufLen - m_bufPos;
        std::memmove(m_buf.data(), m_buf.constData() + m_bufPos, size_t(rest));
        m_bufOffset += m_bufPos;
        m_bufLen = rest;
        m_bufPos = 0;
    }
    if (m_bufLen == m_buf.size())
        m_buf.resize(qMin<qsizetype>(m_buf.size() * 2, kMaxLineLength + kBlockSize));
    const qint64 n = m_file->read(m_buf.data() + m_bufLen, m_buf.size() - m_bufLen);
    if (n <= 0) {
        m_eof = true;
        return false;
    }
    m_bufLen += n;
    return true;
}

CastReader::LineResult CastReader::nextLine(Line &line)
{
    qsizetype scanFrom = m_bufPos;
    while (true) {
        const char *start = m_buf.constData() + scanFrom;
        const void *nl = std::memchr(start, '\n', size_t(m_bufLen - scanFrom));
        if (nl) {
            const qsizetype end = static_cast<const char *>(nl) - m_buf.constData();
            qsizetype textEnd = end;
            if (textEnd > m_bufPos && m_buf.at(textEnd - 1) == '\r')
                --textEnd;
            line.text = QByteArrayView(m_buf.constData() + m_bufPos, textEnd - m_bufPos);
            line.offset = m_bufOffset + m_bufPos;
            line.length = end + 1 - m_bufPos;
            line.terminated = true;
            m_bufPos = end + 1;
            return LineResult::Ok;
        }
        if (m_bufLen - m_bufPos > kMaxLineLength) {
            // Skip the rest of this line so reading can go on after it.
            const qint64 offset = m_bufOffset + m_bufPos;
            while (true) {
                m_bufPos = m_bufLen;
                if (!fill())
                    break;
                const void *nl2 = std::memchr(m_buf.constData(), '\n', size_t(m_bufLen));
                if (nl2) {
                    m_bufPos = static_cast<const char *>(nl2) - m_buf.constData() + 1;
                    break;
                }
            }
            line.offset = offset;
            line.length = m_bufOffset + m_bufPos - offset;
            return LineResult::TooLong;
        }
        const qsizetype scanned = m_bufLen - m_bufPos;
        if (!fill()) {
            if (m_bufLen > m_bufPos) {
                line.text = QByteArrayView(m_buf.constData() + m_bufPos, m_bufLen - m_bufPos);
                line.offset = m_bufOffset + m_bufPos;
                line.length = m_bufLen - m_bufPos;
                line.terminated = false;
                m_bufPos = m_bufLen;
                return LineResult::Ok;
            }
            return LineResult::End;
        }
        scanFrom = m_bufPos + scanned; // fill() moved the data to the front
    }
}

bool CastReader::parseEventLine(QByteArrayView s, int version, qint64 prevTimeUs, CastEvent &ev, QString &expected)
{
    qsizetype i = skipSpace(s, 0);
    auto expect = [&](const QString &what) {
        expected = u"%1 at column %2"_s.arg(what).arg(i + 1);
        return false;
    };
    if (i >= s.size() || s[i] != '[')
        return expect(u"'[' to start an event"_s);
    i = skipSpace(s, i + 1);
    qint64 us = 0;
    bool negative = false;
    const qsizetype numberAt = i;
    if (!parseMicros(s, i, us, negative)) {
        i = numberAt;
        return expect(u"a time in seconds"_s);
    }
    if (negative && us != 0) {
        i = numberAt;
        return expect(version == 3 ? u"a non-negative interval"_s : u"a non-negative time"_s);
    }
    i = skipSpace(s, i);
    if (i >= s.size() || s[i] != ',')
        return expect(u"',' after the time"_s);
    i = skipSpace(s, i + 1);
    ev.code.resize(0); // resize, not clear: keeps the allocation for the next line
    JsonText::Unescaped code = JsonText::unescape(s, i, ev.code);
    if (!code.ok) {
        i = code.end;
        return expect(u"an event code string (%1)"_s.arg(QString::fromLatin1(code.error)));
    }
    if (ev.code.isEmpty())
        return expect(u"a non-empty event code"_s);
    i = skipSpace(s, code.end);
    if (i >= s.size() || s[i] != ',')
        return expect(u"',' after the event code"_s);
    i = skipSpace(s, i + 1);
    const qsizetype dataAt = i;
    ev.data.resize(0);
    JsonText::Unescaped data = JsonText::unescape(s, i, ev.data);
    if (!data.ok) {
        i = data.end;
        return expect(u"an event data string (%1)"_s.arg(QString::fromLatin1(data.error)));
    }
    i = skipSpace(s, data.end);
    if (i >= s.size() || s[i] != ']')
        return expect(u"']' to end the event"_s);
    i = skipSpace(s, i + 1);
    if (i != s.size())
        return expect(u"the end of the line after the event"_s);
    ev.dataOffset = dataAt + 1; // relative to the line here; made absolute by readNext()
    if (version == 3) {
        ev.intervalUs = us;
        ev.timeUs = prevTimeUs + us;
    } else {
        ev.timeUs = us;
        ev.intervalUs = qMax<qint64>(0, us - prevTimeUs);
    }
    return true;
}

bool CastReader::readNext(CastEvent &ev)
{
    if (m_atEnd || !m_file)
        return false;
    if (m_header.version == 1) {
        if (m_v1Next >= m_v1Events.size()) {
            m_atEnd = true;
            return false;
        }
        ev = m_v1Events.at(m_v1Next++);
        m_pos.nextEventIndex = ev.index + 1;
        m_pos.timeUs = ev.timeUs;
        return true;
    }
    while (true) {
        Line line;
        const LineResult r = nextLine(line);
        if (r == LineResult::End) {
            m_eof = false; // a growing file may have more later
            m_atEnd = !m_follow;
            return false;
        }
        const qint64 lineNumber = m_pos.lineNumber;
        if (r == LineResult::TooLong) {
            const QString msg = u"line longer than %1 MB skipped"_s.arg(kMaxLineLength >> 20);
            m_pos.offset = line.offset + line.length;
            ++m_pos.lineNumber;
            if (m_mode == Mode::Strict) {
                fail(lineNumber, line.offset, msg);
                return false;
            }
            warn(lineNumber, line.offset, msg);
            continue;
        }
        const qsizetype first = skipSpace(line.text, 0);
        if (first == line.text.size() || line.text[first] == '#') {
            // Blank line or comment (allowed in v2 and v3 after the header).
            if (!line.terminated && m_follow) {
                m_bufPos -= line.length;
                m_eof = false;
                return false;
            }
            m_pos.offset = line.offset + line.length;
            ++m_pos.lineNumber;
            continue;
        }
        QString expected;
        const bool ok = parseEventLine(line.text, m_header.version, m_pos.timeUs, ev, expected);
        if (!line.terminated && (m_follow || !ok)) {
            if (m_follow) {
                m_bufPos -= line.length; // unfinished line of a live file: read it later
                m_eof = false;
                return false;
            }
            // A killed recorder leaves a line cut in the middle.
            const QString msg = u"truncated last line ignored"_s;
            m_pos.offset = line.offset;
            if (m_mode == Mode::Strict) {
                fail(lineNumber, line.offset, u"truncated last line: expected %1"_s.arg(expected));
                return false;
            }
            warn(lineNumber, line.offset, msg);
            m_atEnd = true;
            return false;
        }
        m_pos.offset = line.offset + line.length;
        ++m_pos.lineNumber;
        if (!ok) {
            const QString msg = u"malformed event skipped: expected %1"_s.arg(expected);
            if (m_mode == Mode::Strict) {
                fail(lineNumber, line.offset, u"malformed event: expected %1"_s.arg(expected));
                return false;
            }
            warn(lineNumber, line.offset, msg);
            continue;
        }
        ev.index = m_pos.nextEventIndex++;
        ev.lineNumber = lineNumber;
        ev.lineOffset = line.offset;
        ev.lineLength = line.length;
        ev.dataOffset += line.offset;
        m_pos.timeUs = ev.timeUs;
        m_lastLine = line.text;
        return true;
    }
}

CastReader::Position CastReader::position() const
{
    return m_pos;
}

bool CastReader::seek(const Position &pos)
{
    if (!m_file || m_header.version == 1)
        return false;
    if (pos.offset < 0 || pos.offset > m_file->size() || !m_file->seek(pos.offset))
        return false;
    m_bufOffset = pos.offset;
    m_bufPos = m_bufLen = 0;
    m_eof = false;
    m_atEnd = false;
    m_hasError = false;
    m_pos = pos;
    return true;
}
