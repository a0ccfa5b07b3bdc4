#include "KeyframeBuilder.h"

#include "terminal/Terminal.h"

#include <QLoggingCategory>

#include <algorithm>
#include <cstring>
#include <memory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcKeyframes, "castdeck.play.keyframes", QtWarningMsg)

namespace {
constexpr qint64 kProgressEvery = 1 << 20;

// Finds the sequences after which a keyframe could be inexact (see the header) and RIS, which
// ends that. Follows ECMA-48's escape and control sequence syntax (5.4: parameter bytes
// 0x30-0x3F, intermediate bytes 0x20-0x2F, final byte 0x40-0x7E), carrying an unfinished one
// to the next chunk. C1 forms (CSI as U+009B) are not followed.
class TaintScanner
{
public:
    bool tainted() const { return m_tainted; }

    void scan(QByteArrayView chunk)
    {
        qsizetype i = 0;
        if (!m_pending.isEmpty()) {
            // Complete the sequence left open by the previous chunk.
            while (i < chunk.size() && m_pending.size() < kMaxSequence) {
                m_pending.append(chunk[i++]);
                qsizetype end = 0;
                if (parse(m_pending, 0, end)) {
                    m_pending.clear();
                    break;
                }
            }
            if (m_pending.size() >= kMaxSequence)
                m_pending.clear(); // not a sequence worth following
        }
        while (i < chunk.size()) {
            const char *esc = static_cast<const char *>(std::memchr(chunk.data() + i, 0x1b, size_t(chunk.size() - i)));
            if (!esc)
                return;
            const qsizetype at = esc - chunk.data();
            qsizetype end = 0;
            if (!parse(chunk, at, end)) {
                m_pending = chunk.sliced(at).toByteArray();
                return;
            }
            i = end;
        }
    }

private:
    static constexpr qsizetype kMaxSequence = 64;

    // Parses the sequence starting with ESC at `at`; false when the chunk ends inside it.
    bool parse(QByteArrayView s, qsizetype at, qsizetype &end)
    {
        qsizetype i = at + 1;
        if (i >= s.size())
            return false;
        const char c = s[i];
        if (c == '[') {
            ++i;
            const qsizetype params = i;
            while (i < s.size() && s[i] >= 0x30 && s[i] <= 0x3f)
                ++i;
            const qsizetype inter = i;
            while (i < s.size() && s[i] >= 0x20 && s[i] <= 0x2f)
                ++i;
            if (i >= s.size())
                return i - at < kMaxSequence ? false : (end = i, true);
            end = i + 1;
            const char final = s[i];
            const QByteArrayView p = s.sliced(params, inter - params);
            const QByteArrayView in = s.sliced(inter, i - inter);
            if (final == 'g' && in.isEmpty())                                // TBC, ECMA-48 8.3.154
                m_tainted = true;
            else if (final == 'q' && in == "\"")                             // DECSCA
                m_tainted = true;
            else if (final == 's' && in.isEmpty() && !p.isEmpty() && p[0] != '?') // DECSLRM
                m_tainted = true;
            return true;
        }
        // ESC intermediates* final (ECMA-35 escape sequences, ECMA-48 Fe/Fs).
        const qsizetype inter = i;
        while (i < s.size() && s[i] >= 0x20 && s[i] <= 0x2f)
            ++i;
        if (i >= s.size())
            return false;
        end = i + 1;
        const QByteArrayView in = s.sliced(inter, i - inter);
        const char final = s[i];
        if (in.isEmpty() && final == 'c')                                 // RIS: everything back to power-on
            m_tainted = false;
        else if (in.isEmpty() && final == 'H')                            // HTS, ECMA-48 8.3.62
            m_tainted = true;
        else if (in == "#" && (final == '3' || final == '4' || final == '6')) // DECDHL, DECDWL
            m_tainted = true;
        return true;
    }

    QByteArray m_pending;
    bool m_tainted = false;
};

// Whether `data` ends inside a UTF-8 character (Terminal holds such bytes back, and no
// preamble carries them).
bool endsInsideUtf8(QByteArrayView data)
{
    for (qsizetype back = 1; back <= 4 && back <= data.size(); ++back) {
        const auto c = static_cast<unsigned char>(data[data.size() - back]);
        if (c < 0x80)
            return false;
        if ((c & 0xc0) == 0xc0) {
            const int need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
            return back < need;
        }
    }
    return false;
}

bool parseColor(const QString &s, quint32 &rgb)
{
    if (s.size() != 7 || !s.startsWith(u'#'))
        return false;
    bool ok = false;
    rgb = s.mid(1).toUInt(&ok, 16);
    return ok;
}

// Positions `reader` before event `n` of a v1 file (which cannot seek): from the start.
bool skipTo(CastReader &reader, const QString &path, qint64 n)
{
    reader.close();
    if (!reader.open(path))
        return false;
    CastEvent ev;
    while (reader.position().nextEventIndex < n && reader.readNext(ev)) {
    }
    return reader.position().nextEventIndex == n;
}
} // namespace

void KeyframeBuilder::setUpTerminal(Terminal &terminal, const CastHeader &header)
{
    if (!header.theme.isValid())
        return;
    QList<quint32> palette;
    for (const QString &c : header.theme.palette) {
        quint32 rgb = 0;
        if (!parseColor(c, rgb))
            return;
        palette.append(rgb);
    }
    quint32 fg = 0, bg = 0;
    if (!parseColor(header.theme.fg, fg) || !parseColor(header.theme.bg, bg))
        return;
    terminal.setPalette(palette);
    terminal.setDefaultColors(fg, bg);
}

bool KeyframeBuilder::scrollbackClearedBetween(const CheckpointIndex &index, qint64 first, qint64 last)
{
    auto it = std::lower_bound(index.checkpoints.cbegin(), index.checkpoints.cend(), first,
                               [](const Checkpoint &c, qint64 n) { return c.eventIndex < n; });
    for (; it != index.checkpoints.cend() && it->eventIndex < last; ++it)
        if (it->kind == ClearKind::ClearScrollback)
            return true;
    return false;
}

KeyframeBuilder::Result KeyframeBuilder::build(const QString &castPath, CheckpointIndex &index)
{
    m_error.clear();
    m_stats = {};
    if (index.keyframesComplete())
        return Result::Done;

    CastReader reader;
    if (!reader.open(castPath)) {
        m_error = reader.errorString();
        return Result::Failed;
    }
    const CastHeader header = reader.header();
    const qint64 total = index.source.indexedBytes > 0 ? index.source.indexedBytes : reader.fileSize();
    // Keyframes only ever go after the last one (strictly increasing), so a pass that goes
    // back to rebuild the scrollback emits nothing until it is past it.
    qint64 emitAfter = index.keyframes.isEmpty() ? 0 : index.keyframes.constLast().position.nextEventIndex;
    // Where this attempt starts: a keyframe, or (-1) the beginning.
    qsizetype from = index.keyframes.size() - 1;
    int back = 1; // how far the next attempt goes back

    for (;;) {
        const bool fromStart = from < 0;
        // Set up as the player sets up its terminal: created at the size, then the preamble.
        std::unique_ptr<Terminal> terminal;
        qint64 applied = 0;
        qint64 maxTime = 0;
        if (fromStart) {
            if (reader.position().nextEventIndex != 0 && !skipTo(reader, castPath, 0)) {
                m_error = reader.errorString();
                return Result::Failed;
            }
            terminal = std::make_unique<Terminal>(header.width, header.height);
            setUpTerminal(*terminal, header);
        } else {
            const Keyframe &kf = index.keyframes.at(from);
            QString error;
            const std::optional<QByteArray> preamble = index.keyframePreamble(from, &error);
            const bool positioned = preamble
                && (reader.format() == 1 ? skipTo(reader, castPath, kf.position.nextEventIndex)
                                         : reader.seek(kf.position));
            if (!positioned) {
                qCDebug(lcKeyframes) << "cannot resume at keyframe" << from << "going back:" << error;
                --from;
                continue;
            }
            terminal = std::make_unique<Terminal>(kf.cols, kf.rows);
            setUpTerminal(*terminal, header);
            terminal->feed(*preamble);
            applied = kf.position.nextEventIndex;
            maxTime = kf.timeUs;
        }

        Terminal &term = *terminal;
        TaintScanner taint;
        qint64 sinceBytes = 0;
        qint64 lastTryTime = maxTime; // the time rule counts from the last keyframe or try
        bool afterResize = false;
        bool afterClear = false;
        bool insideUtf8 = false;
        qint64 retryGap = m_options.minGapBytes;
        auto cp = std::lower_bound(index.checkpoints.cbegin(), index.checkpoints.cend(), applied,
                                   [](const Checkpoint &c, qint64 n) { return c.eventIndex < n; });
        qint64 nextProgress = reader.position().offset + kProgressEvery;
        const qint64 firstEvent = applied;
        bool cold = false;
        CastEvent ev;
        while (applied < index.eventCount && reader.readNext(ev)) {
            maxTime = qMax(maxTime, ev.timeUs);
            switch (ev.type()) {
            case CastEvent::Type::Output:
                term.feed(ev.data);
                taint.scan(ev.data);
                sinceBytes += ev.data.size();
                m_stats.bytesFed += ev.data.size();
                insideUtf8 = endsInsideUtf8(ev.data);
                break;
            case CastEvent::Type::Resize: {
                int cols = 0, rows = 0;
                if (!ev.resizeSize(cols, rows))
                    break;
                // A resize may pull up to `rows` lines back from the scrollback; this terminal
                // must hold them all unless it saw every line since the start or an ESC[3J.
                if (!fromStart && term.scrollbackSize() < rows
                    && !scrollbackClearedBetween(index, firstEvent, ev.index)) {
                    cold = true;
                    break;
                }
                term.resize(cols, rows);
                afterResize = true;
                break;
            }
            default:
                break;
            }
            if (cold)
                break;
            applied = ev.index + 1;
            for (; cp != index.checkpoints.cend() && cp->eventIndex < applied; ++cp)
                afterClear = true;
            if (taint.tainted())
                ++m_stats.taintedEvents;

            if (applied <= emitAfter) {
                // Replaying a stretch that has its keyframes already.
                sinceBytes = 0;
                lastTryTime = maxTime;
                afterResize = afterClear = false;
            } else {
                const bool due = afterResize || sinceBytes >= m_options.intervalBytes
                    || (afterClear && sinceBytes >= m_options.minGapBytes)
                    || (sinceBytes > 0 && maxTime - lastTryTime >= m_options.intervalUs);
                if (due && !taint.tainted() && !insideUtf8) {
                    lastTryTime = maxTime;
                    const QByteArray preamble = term.statePreamble();
                    Terminal check(term.cols(), term.rows());
                    setUpTerminal(check, header);
                    check.feed(preamble);
                    if (check.snapshot() == term.snapshot()) {
                        Keyframe kf;
                        kf.timeUs = maxTime;
                        kf.position = reader.position();
                        kf.cols = term.cols();
                        kf.rows = term.rows();
                        CheckpointIndex::setKeyframePreamble(kf, preamble);
                        index.keyframes.append(kf);
                        ++m_stats.keyframes;
                        emitAfter = applied;
                        sinceBytes = 0;
                        retryGap = m_options.minGapBytes;
                    } else {
                        ++m_stats.rejected;
                        qCDebug(lcKeyframes) << "preamble does not rebuild the state after event" << ev.index << ":"
                                             << check.snapshot().describeDifference(term.snapshot());
                        // Try again a little later, later each time while it lasts (a state
                        // no preamble rebuilds can last long; each try costs a preamble).
                        sinceBytes = qMax<qint64>(0, m_options.intervalBytes - retryGap);
                        retryGap = qMin(retryGap * 2, m_options.intervalBytes);
                    }
                    afterResize = afterClear = false;
                }
            }
            index.keyframedEvents = qMax(index.keyframedEvents, applied);
            if (m_progress && reader.position().offset >= nextProgress) {
                nextProgress = reader.position().offset + kProgressEvery;
                if (!m_progress(reader.position().offset, total, index))
                    return Result::Cancelled;
            }
        }
        if (cold) {
            ++m_stats.restarts;
            from -= back;
            back *= 2;
            continue;
        }
        if (reader.hasError()) {
            m_error = reader.errorString();
            return Result::Failed;
        }
        break;
    }
    index.keyframedEvents = qMax(index.keyframedEvents, index.eventCount);
    if (m_progress)
        m_progress(total, total, index);
    return Result::Done;
}
