#include "SequenceTracker.h"

#include <algorithm>

namespace {
constexpr unsigned char kEsc = 0x1b;
constexpr unsigned char kCan = 0x18;
constexpr unsigned char kSub = 0x1a;
constexpr unsigned char kBel = 0x07;
// libvterm's CSI argument encoding (vterm.h): 31-bit values, bit 31 flags a sub-parameter.
constexpr quint64 kArgMissing = (quint64(1) << 31) - 1;
constexpr quint64 kArgFlagMore = quint64(1) << 31;
constexpr quint64 kArgMask = 0x7fffffffu;
// Where libvterm's argument array ends (CSI_ARGS_MAX): the 16th separator writes past it.
constexpr int kMaxArgs = 16;

bool isIntermediate(unsigned char c)
{
    return c >= 0x20 && c <= 0x2f;
}

// CSI finals (no private leader, no intermediate) after which libvterm clears its deferred
// wrap flag even when the cursor does not move: CUU CUD CUF CUB CNL CPL CHA CUP (ECMA-48
// 8.3.22, .19, .20, .18, .12, .13, .9, .21), HPA HPR VPA VPR HVP HPB VPB (8.3.57, .59, .158,
// .160, .63, .58, .159).
bool cancelsDeferredWrap(unsigned char final)
{
    switch (final) {
    case 'A': case 'B': case 'C': case 'D': case 'E': case 'F': case 'G': case 'H':
    case '`': case 'a': case 'd': case 'e': case 'f': case 'j': case 'k':
        return true;
    default:
        return false;
    }
}

// Length of a UTF-8 sequence from its lead byte, as libvterm's decoder counts (it accepts the
// obsolete 5- and 6-byte forms); 1 for anything else.
int utf8Length(unsigned char lead)
{
    if (lead >= 0xc0 && lead < 0xe0)
        return 2;
    if (lead >= 0xe0 && lead < 0xf0)
        return 3;
    if (lead >= 0xf0 && lead < 0xf8)
        return 4;
    if (lead >= 0xf8 && lead < 0xfc)
        return 5;
    if (lead >= 0xfc && lead < 0xfe)
        return 6;
    return 1;
}
} // namespace

// Per-call state of scan(): input, the sanitised copy (made on the first edit only), runs.
class SequenceTracker::Scan
{
public:
    Scan(QByteArrayView chunk, Result &result)
        : in(chunk.data())
        , size(chunk.size())
        , r(result)
    {
    }

    struct Run {
        qsizetype start = -1;
        qsizetype end = -1;
        bool autowrap = true;
        bool emitted = false;
        bool rep = false;
        int count = 0;
    };

    // Output offset of input offset i.
    qsizetype out(qsizetype i) const { return r.edited ? r.sanitised.size() + (i - copied) : i; }
    // Drops input bytes [i, j), optionally putting `replacement` in their place.
    void replace(qsizetype i, qsizetype j, const char *replacement = nullptr)
    {
        if (!r.edited) {
            r.edited = true;
            r.sanitised.reserve(size + 8);
            r.sanitised.append(in, i);
        } else {
            r.sanitised.append(in + copied, i - copied);
        }
        if (replacement)
            r.sanitised.append(replacement);
        copied = j;
    }

    void closeRun(qsizetype i, bool autowrap)
    {
        if (runStart < 0)
            return;
        const qsizetype end = out(i);
        if (end > runStart) {
            last = Run{runStart, end, autowrap, false, false};
            haveLast = true;
        }
        runStart = -1;
    }
    void emitRun(Run &run)
    {
        r.events.append(Event{run.start, Event::Kind::CellRunStart, run.rep, run.autowrap, run.count});
        r.events.append(Event{run.end, Event::Kind::CellRunEnd, run.rep, run.autowrap, run.count});
        r.lastRunEnd = std::max(r.lastRunEnd, run.rep ? run.end + 1 : run.end);
        run.emitted = true;
    }

    const char *in;
    qsizetype size;
    Result &r;
    qsizetype copied = 0;    // input bytes before this are in r.sanitised (when edited)
    qsizetype seqStart = -1; // input offset where the unfinished sequence began in this chunk
    qsizetype runStart = -1; // output offset of the open text run
    qsizetype runStartInput = -1;
    qsizetype escPos = -1;   // input offset of the last ESC in this chunk
    Run last;
    bool haveLast = false;
};

void SequenceTracker::reset()
{
    m_state = State::Normal;
    m_inEsc = false;
    m_skipping = false;
    m_intermedLen = 0;
    m_leaderLen = 0;
    m_argi = 0;
    m_pending.clear();
    m_pendingOverflow = false;
    m_held.clear();
    resetModes();
}

SequenceTracker::Event SequenceTracker::restoreEvent(qsizetype offset) const
{
    Event e{offset, Event::Kind::RestoreCursor};
    e.originMode = m_origin;
    return e;
}

void SequenceTracker::resetModes()
{
    // What vterm_state_reset() puts back (RIS and DECSTR alike).
    m_insert = false;
    m_newline = false;
    m_autowrap = true;
    m_origin = false;
    m_eightBit = false;
    m_charsets = {};
    m_gl = 0;
    m_singleShift = 0;
}

bool SequenceTracker::pendingSequence(QByteArray &bytes) const
{
    bytes.clear();
    if (m_skipping) {
        // Re-creates the cancelled overlong CSI in another tracker: it cancels it the same way
        // and drops the rest of it.
        bytes = QByteArray("\x1b[") + QByteArray(kMaxArgs, ';');
        return true;
    }
    if (m_state == State::Normal && !m_inEsc)
        return true;
    if (m_pendingOverflow)
        return false;
    bytes = m_pending;
    return true;
}

void SequenceTracker::dispatchCsi(Scan &scan, unsigned char final, qsizetype finalPos)
{
    // libvterm ignores CSIs with more than one leader or intermediate byte (state.c on_csi).
    if (m_leaderLen > 1 || m_intermedLen > 1)
        return;
    const char leader = m_leaderLen ? m_leader[0] : 0;
    const char intermed = m_intermedLen ? m_intermed[0] : 0;
    const int argc = std::min(m_argi, kMaxArgs);
    auto arg = [&](int i) { return i < argc ? (m_args[size_t(i)] & kArgMask) : kArgMissing; };

    if (leader == 0 && intermed == 0) {
        if (final == 'b') { // REP, ECMA-48 8.3.103
            if (scan.haveLast && !scan.last.emitted)
                scan.emitRun(scan.last);
            const qsizetype start = scan.seqStart >= 0 ? scan.out(scan.seqStart) : 0;
            const quint64 n = arg(0);
            const int count = (n == kArgMissing || n == 0) ? 1 : int(n);
            scan.last = Scan::Run{start, scan.out(finalPos), m_autowrap, false, true, count};
            scan.haveLast = true;
            scan.emitRun(scan.last);
        } else if (final == 'h' || final == 'l') { // SM / RM, ECMA-48 8.3.125 / 8.3.106: first parameter only
            const quint64 mode = arg(0);
            if (mode == 4)
                m_insert = final == 'h';
            else if (mode == 20)
                m_newline = final == 'h';
        } else if (cancelsDeferredWrap(final)) {
            scan.r.lastClearEnd = scan.out(finalPos + 1);
        }
        return;
    }
    if (leader == '?' && intermed == 0 && (final == 'h' || final == 'l')) {
        // DEC private modes: libvterm applies every parameter, sub-parameters included.
        const bool set = final == 'h';
        bool enter = false;
        bool leave = false;
        bool save = false;
        bool restore = false;
        for (int i = 0; i < argc; ++i) {
            switch (arg(i)) {
            case 6:
                m_origin = set;
                break;
            case 7:
                m_autowrap = set;
                break;
            case 1047:
                enter |= set;
                leave |= !set;
                break;
            case 1048:
                save |= set;
                restore |= !set;
                break;
            case 1049:
                enter |= set;
                leave |= !set;
                save |= set;
                restore |= !set;
                break;
            default:
                break;
            }
        }
        if (enter)
            scan.r.events.append(Event{scan.out(finalPos), Event::Kind::AltScreenEnter});
        if (leave)
            scan.r.events.append(Event{scan.out(finalPos), Event::Kind::AltScreenLeave});
        if (save)
            scan.r.events.append(Event{scan.out(finalPos + 1), Event::Kind::SaveCursor});
        if (restore)
            scan.r.events.append(restoreEvent(scan.out(finalPos + 1)));
        return;
    }
    if (leader == 0 && intermed == '!' && final == 'p') { // DECSTR
        resetModes();
        scan.r.events.append(Event{scan.out(finalPos + 1), Event::Kind::Reset});
    }
}

void SequenceTracker::dispatchEscape(Scan &scan, unsigned char final, qsizetype endPos)
{
    // libvterm's on_escape() looks at the intermediates + final byte.
    if (m_intermedLen == 0) {
        switch (final) {
        case '7': // DECSC
            scan.r.events.append(Event{scan.out(endPos), Event::Kind::SaveCursor});
            break;
        case '8': // DECRC
            scan.r.events.append(restoreEvent(scan.out(endPos)));
            break;
        case 'c': // RIS, ECMA-48 8.3.105
            resetModes();
            scan.r.events.append(Event{scan.out(endPos), Event::Kind::Reset});
            break;
        case 'n': // LS2, ECMA-48 8.3.78
            m_gl = 2;
            break;
        case 'o': // LS3, ECMA-48 8.3.80
            m_gl = 3;
            break;
        default:
            break;
        }
        return;
    }
    if (m_intermedLen != 1)
        return;
    const char i0 = m_intermed[0];
    if (i0 == ' ' && (final == 'F' || final == 'G')) { // S7C1T / S8C1T
        m_eightBit = final == 'G';
    } else if (i0 >= '(' && i0 <= '+' && (final == '0' || final == 'A' || final == 'B')) {
        // SCS, ECMA-35: the 94-character sets libvterm knows (encoding.c).
        m_charsets[size_t(i0 - '(')] = char(final);
    }
}

void SequenceTracker::scan(QByteArrayView chunk, Result &result)
{
    result = Result();
    Scan s(chunk, result);
    const unsigned char *const in = reinterpret_cast<const unsigned char *>(chunk.data());
    const qsizetype size = chunk.size();
    bool startedInChunk = false; // the unfinished sequence at the end began in this chunk

    auto endSequence = [&] {
        s.seqStart = -1;
        startedInChunk = false;
        m_pending.clear();
        m_pendingOverflow = false;
    };
    auto beginSequence = [&](qsizetype i) {
        s.seqStart = i;
        startedInChunk = true;
        m_pending.clear();
        m_pendingOverflow = false;
    };

    qsizetype i = 0;
    while (i < size) {
        unsigned char c = in[i];

        if (m_skipping) {
            // The rest of a cancelled overlong CSI.
            if (c == kEsc || c == kCan || c == kSub) {
                m_skipping = false; // handled below like any ESC / CAN
            } else if (c < 0x20 && c != 0) {
                // A control inside a CSI is executed as if outside it: pass it on.
                s.closeRun(i, m_autowrap);
                if (c == 0x0e)
                    m_gl = 1;
                else if (c == 0x0f)
                    m_gl = 0;
                ++i;
                continue;
            } else {
                const bool ends = c >= 0x40 && c != 0x7f;
                s.replace(i, i + 1);
                if (ends)
                    m_skipping = false;
                ++i;
                continue;
            }
        }

        // Ground-state text: the bulk of the data. Run through it.
        if (m_state == State::Normal && !m_inEsc && c >= 0x20 && c != 0x7f) {
            if (s.runStart < 0) {
                s.runStart = s.out(i);
                s.runStartInput = i;
                m_singleShift = 0;
            }
            while (i < size) {
                c = in[i];
                if (c < 0x20 || c == 0x7f)
                    break;
                if (c == 0xc2 && i + 1 < size && in[i + 1] >= 0x80 && in[i + 1] < 0xa0) {
                    s.replace(i, i + 2); // UTF-8 encoded C1 control
                    i += 2;
                    continue;
                }
                ++i;
            }
            continue;
        }

        if (c == 0x00 || c == 0x7f) { // NUL, DEL: ignored everywhere
            ++i;
            continue;
        }
        if (c == kCan || c == kSub) {
            m_inEsc = false;
            m_state = State::Normal;
            s.closeRun(i, m_autowrap);
            endSequence();
            ++i;
            continue;
        }
        if (c == kEsc && m_state == State::Normal && !m_inEsc && i + 2 < size && in[i + 1] == '[') {
            // Fast path for the common complete CSI without private leader or intermediate
            // that nothing here needs to look into (SGR, ED, EL, CUP...): skip it whole.
            qsizetype j = i + 2;
            int separators = 0;
            while (j < size && ((in[j] >= '0' && in[j] <= '9') || in[j] == ';' || in[j] == ':')) {
                separators += in[j] == ';' || in[j] == ':';
                ++j;
            }
            if (j < size && in[j] >= 0x40 && in[j] <= 0x7e && separators < kMaxArgs && in[j] != 'b' && in[j] != 'h'
                && in[j] != 'l') {
                s.closeRun(i, m_autowrap);
                if (cancelsDeferredWrap(in[j]))
                    result.lastClearEnd = s.out(j + 1);
                i = j + 1;
                continue;
            }
        }
        if (c == kEsc) {
            s.closeRun(i, m_autowrap);
            s.escPos = i;
            m_intermedLen = 0;
            if (!isString(m_state)) {
                m_state = State::Normal;
                beginSequence(i);
            }
            m_inEsc = true;
            ++i;
            continue;
        }
        if (!(c == kBel && isString(m_state)) && c < 0x20) {
            // Other C0: part of an SOS string, else executed (also inside a sequence).
            if (m_state != State::Sos) {
                s.closeRun(i, m_autowrap);
                if (c == 0x0e) // SO / LS1, ECMA-48 8.3.76
                    m_gl = 1;
                else if (c == 0x0f) // SI / LS0, ECMA-48 8.3.75
                    m_gl = 0;
            }
            ++i;
            continue;
        }

        bool c1 = false;
        if (m_inEsc) {
            // ESC + 0x40..0x5f is the 7-bit form of a C1 control (ECMA-48 5.3); in a string
            // only ESC \ (ST) counts, anything else aborts the string.
            if (!m_intermedLen && c >= 0x40 && c < 0x60 && (!isString(m_state) || c == 0x5c)) {
                c = static_cast<unsigned char>(c + 0x40);
                c1 = true;
                m_inEsc = false;
            } else {
                if (isString(m_state)) {
                    // The string is gone; a new escape sequence starts at its ESC.
                    if (s.escPos >= 0) {
                        beginSequence(s.escPos);
                    } else {
                        endSequence();
                        m_pending = QByteArray(1, char(kEsc));
                    }
                }
                m_state = State::Normal;
            }
        }

        switch (m_state) {
        case State::CsiLeader:
            if (c >= 0x3c && c <= 0x3f) {
                if (m_leaderLen < 15)
                    m_leader[m_leaderLen++] = char(c);
                break;
            }
            m_argi = 0;
            m_args[0] = kArgMissing;
            m_state = State::CsiArgs;
            [[fallthrough]];
        case State::CsiArgs:
            if (c >= '0' && c <= '9') {
                quint64 &a = m_args[size_t(m_argi)];
                if (a == kArgMissing)
                    a = 0;
                a = a * 10 + (c - '0');
                break;
            }
            if (c == ':' || c == ';') {
                if (m_argi + 1 >= kMaxArgs) {
                    // libvterm would write past its argument array: cancel the sequence.
                    s.replace(i, i + 1, "\x18");
                    m_state = State::Normal;
                    m_inEsc = false;
                    m_skipping = true;
                    endSequence();
                    break;
                }
                if (c == ':')
                    m_args[size_t(m_argi)] |= kArgFlagMore;
                ++m_argi;
                m_args[size_t(m_argi)] = kArgMissing;
                break;
            }
            ++m_argi;
            m_intermedLen = 0;
            m_state = State::CsiIntermed;
            [[fallthrough]];
        case State::CsiIntermed:
            if (isIntermediate(c)) {
                if (m_intermedLen < 15)
                    m_intermed[m_intermedLen++] = char(c);
                break;
            }
            if (c >= 0x40 && c <= 0x7e)
                dispatchCsi(s, c, i);
            m_state = State::Normal;
            endSequence();
            break;

        case State::OscCommand:
            if ((c >= '0' && c <= '9') || c == ';') {
                if (c == ';')
                    m_state = State::Osc;
                break;
            }
            m_state = State::Osc;
            [[fallthrough]];
        case State::Osc:
        case State::Dcs:
        case State::Apc:
        case State::Pm:
        case State::Sos:
            if (c == kBel || (c1 && c == 0x9c)) { // BEL or ST ends the string
                m_state = State::Normal;
                endSequence();
            }
            break;

        case State::DcsCommand:
            if (c >= 0x40 && c <= 0x7e)
                m_state = State::Dcs;
            break;

        case State::Normal:
            if (m_inEsc) {
                if (isIntermediate(c)) {
                    if (m_intermedLen < 15)
                        m_intermed[m_intermedLen++] = char(c);
                } else if (c >= 0x30 && c < 0x7f) {
                    m_inEsc = false;
                    dispatchEscape(s, c, i + 1);
                    endSequence();
                }
                break;
            }
            if (c1) {
                switch (c) {
                case 0x90: // DCS
                    m_state = State::DcsCommand;
                    break;
                case 0x98: // SOS
                    m_state = State::Sos;
                    break;
                case 0x9b: // CSI
                    m_leaderLen = 0;
                    m_state = State::CsiLeader;
                    break;
                case 0x9d: // OSC
                    m_state = State::OscCommand;
                    break;
                case 0x9e: // PM
                    m_state = State::Pm;
                    break;
                case 0x9f: // APC
                    m_state = State::Apc;
                    break;
                case 0x8e: // SS2, ECMA-48 8.3.141
                    m_singleShift = 2;
                    endSequence();
                    break;
                case 0x8f: // SS3, ECMA-48 8.3.142
                    m_singleShift = 3;
                    endSequence();
                    break;
                default: // IND, NEL, HTS, RI, ...: executed
                    endSequence();
                    break;
                }
            }
            break;
        }
        ++i;
    }

    // An incomplete UTF-8 character at the very end of ground text is held back: libvterm
    // would start the next chunk with another decoder and garble it (and a split C2 80..9F
    // would escape the C1 filter).
    qsizetype end = size;
    if (s.runStart >= 0 && m_state == State::Normal && !m_inEsc && !m_skipping) {
        for (qsizetype k = size - 1; k >= std::max<qsizetype>(size - 6, 0); --k) {
            const unsigned char b = in[k];
            if ((b & 0xc0) == 0x80)
                continue;
            if (b >= 0xc0 && utf8Length(b) > size - k && k >= s.runStartInput)
                end = k;
            break;
        }
    }
    m_held = QByteArray(chunk.data() + end, size - end);
    s.size = end;

    s.closeRun(end, m_autowrap);
    if (s.haveLast && !s.last.emitted)
        s.emitRun(s.last);

    // The unfinished sequence's bytes, without the controls libvterm already executed.
    if (!atGround() && !m_skipping && !m_pendingOverflow) {
        const qsizetype from = startedInChunk && s.seqStart >= 0 ? s.seqStart : 0;
        const bool sos = m_state == State::Sos;
        for (qsizetype k = from; k < end; ++k) {
            const unsigned char b = in[k];
            if (b == 0x00 || b == 0x7f || (b < 0x20 && b != kEsc && !sos))
                continue;
            m_pending.append(char(b));
        }
        if (m_pending.size() > kMaxPending) {
            m_pending.clear();
            m_pendingOverflow = true;
        }
    }

    if (result.edited) {
        result.sanitised.append(chunk.data() + s.copied, end - s.copied);
        result.length = result.sanitised.size();
    } else {
        result.length = end;
    }

    // At one offset: a text run ends, then the next run starts (a REP's start and end can share
    // the offset of its final byte), then the rest; a REP's end (feeding its final byte) last.
    auto rank = [](const Event &e) {
        switch (e.kind) {
        case Event::Kind::CellRunEnd:
            return e.rep ? 3 : 0;
        case Event::Kind::CellRunStart:
            return 1;
        default:
            return 2;
        }
    };
    std::stable_sort(result.events.begin(), result.events.end(), [&rank](const Event &a, const Event &b) {
        return a.offset != b.offset ? a.offset < b.offset : rank(a) < rank(b);
    });
}
