#include "ClearDetector.h"

#include <array>
#include <cstring>

namespace {
using E = ClearSequence::Effect;
using R = ClearSequence::Resume;

// THE table. Longest first, so at one position the longest sequence wins.
// Resume policy: RIS resets everything, so it is safe alone. Every other sequence leaves
// something behind that a player must restore with a preamble: modes and pen always; for
// ESC[3J and the leave-alternate-screen ones, the visible screen itself (they do not blank it).
const QList<ClearSequence> kSequences = {
    {ClearKind::AltScreenEnter, "\x1b[?1049h", "alt-screen-enter", E::EntersAltScreen | E::BlanksScreen, R::WithPreamble},
    {ClearKind::AltScreenLeave, "\x1b[?1049l", "alt-screen-leave", E::LeavesAltScreen, R::WithPreamble},
    {ClearKind::HomeClearScreen, "\x1b[H\x1b[2J", "home-clear-screen", E::BlanksScreen, R::WithPreamble},
    {ClearKind::HomeClear, "\x1b[H\x1b[J", "home-clear", E::BlanksScreen, R::WithPreamble},
    {ClearKind::AltScreen47Enter, "\x1b[?47h", "alt-screen-47-enter", E::EntersAltScreen, R::WithPreamble},
    {ClearKind::AltScreen47Leave, "\x1b[?47l", "alt-screen-47-leave", E::LeavesAltScreen, R::WithPreamble},
    {ClearKind::ClearScrollback, "\x1b[3J", "clear-scrollback", E::ClearsScrollback, R::WithPreamble},
    {ClearKind::ClearScreen, "\x1b[2J", "clear-screen", E::BlanksScreen, R::WithPreamble},
    {ClearKind::Reset, "\x1b" "c", "reset", E::ResetsTerminal | E::BlanksScreen | E::ClearsScrollback, R::Always},
};
const ClearSequence kManual = {ClearKind::Manual, {}, "manual", 0, R::WithPreamble};

// Filters derived from the table: which (byte 1, byte 2) pairs after ESC can start a
// sequence of three or more bytes, and which byte 1 ends a two-byte one. Colour sequences
// (ESC[38;5;…m) are rejected with one lookup.
struct Filters {
    std::array<bool, 65536> pair{};
    std::array<bool, 256> two{};
    Filters()
    {
        for (const ClearSequence &s : kSequences) {
            const auto b1 = static_cast<unsigned char>(s.bytes[1]);
            if (s.bytes.size() == 2)
                two[b1] = true;
            else
                pair[b1 | (static_cast<unsigned char>(s.bytes[2]) << 8)] = true;
        }
    }
};
const Filters kFilters;

enum class Result { NoMatch, NeedMore, Match };

// p[0] is ESC; `avail` bytes are readable. On Match, `seq` is the longest sequence there.
inline Result matchAt(const char *p, qsizetype avail, const ClearSequence *&seq)
{
    if (avail >= ClearDetector::kMaxSequenceLength) {
        const auto b1 = static_cast<unsigned char>(p[1]);
        const auto b2 = static_cast<unsigned char>(p[2]);
        if (!kFilters.pair[b1 | (b2 << 8)] && !kFilters.two[b1])
            return Result::NoMatch;
        for (const ClearSequence &s : kSequences) {
            if (std::memcmp(p, s.bytes.data(), size_t(s.bytes.size())) == 0) {
                seq = &s;
                return Result::Match;
            }
        }
        return Result::NoMatch;
    }
    // Near the end of the data: a sequence may be cut.
    bool prefix = false;
    for (const ClearSequence &s : kSequences) {
        const qsizetype n = qMin(avail, s.bytes.size());
        if (std::memcmp(p, s.bytes.data(), size_t(n)) != 0)
            continue;
        if (n == s.bytes.size()) {
            if (!prefix) {
                seq = &s;
                return Result::Match;
            }
            // A longer sequence may still complete (ESC[H ESC[J vs ESC[H ESC[2J never
            // conflict, but keep the rule general): wait for it.
            return Result::NeedMore;
        }
        prefix = true;
    }
    return prefix ? Result::NeedMore : Result::NoMatch;
}
} // namespace

const QList<ClearSequence> &ClearDetector::sequences()
{
    return kSequences;
}

const ClearSequence &ClearDetector::sequence(ClearKind kind)
{
    for (const ClearSequence &s : kSequences)
        if (s.kind == kind)
            return s;
    return kManual;
}

bool ClearDetector::kindFromName(QByteArrayView name, ClearKind &kind)
{
    for (const ClearSequence &s : kSequences) {
        if (name == s.name) {
            kind = s.kind;
            return true;
        }
    }
    if (name == kManual.name) {
        kind = ClearKind::Manual;
        return true;
    }
    return false;
}

void ClearDetector::restoreState(QByteArrayView state)
{
    m_pendingSize = int(qMin<qsizetype>(state.size(), kMaxSequenceLength - 1));
    std::memcpy(m_pending, state.data(), size_t(m_pendingSize));
}

void ClearDetector::scan(QByteArrayView chunk, QList<Match> &out)
{
    const char *const data = chunk.data();
    const qsizetype size = chunk.size();
    qsizetype from = 0; // where the plain scan of `chunk` starts

    if (m_pendingSize > 0) {
        // Join the carried bytes with the head of this chunk and try every ESC that starts
        // in the carried part.
        char join[2 * kMaxSequenceLength];
        const int carried = m_pendingSize;
        const qsizetype head = qMin<qsizetype>(size, kMaxSequenceLength);
        std::memcpy(join, m_pending, size_t(carried));
        std::memcpy(join + carried, data, size_t(head));
        const qsizetype joinSize = carried + head;
        m_pendingSize = 0;
        for (int i = 0; i < carried; ++i) {
            if (join[i] != '\x1b')
                continue;
            const ClearSequence *seq = nullptr;
            const Result r = matchAt(join + i, joinSize - i, seq);
            if (r == Result::Match) {
                const qsizetype end = i + seq->bytes.size() - carried; // > 0: it was cut
                out.append(Match{seq->kind, end});
                from = end;
                break;
            }
            if (r == Result::NeedMore) {
                // Still cut (a tiny chunk): carry everything from this ESC on.
                m_pendingSize = int(joinSize - i);
                std::memcpy(m_pending, join + i, size_t(m_pendingSize));
                return;
            }
        }
    }

    qsizetype i = from;
    while (i < size) {
        const void *esc = std::memchr(data + i, '\x1b', size_t(size - i));
        if (!esc)
            return;
        i = static_cast<const char *>(esc) - data;
        const ClearSequence *seq = nullptr;
        const Result r = matchAt(data + i, size - i, seq);
        if (r == Result::Match) {
            i += seq->bytes.size();
            out.append(Match{seq->kind, i});
        } else if (r == Result::NeedMore) {
            m_pendingSize = int(size - i);
            std::memcpy(m_pending, data + i, size_t(m_pendingSize));
            return;
        } else {
            ++i;
        }
    }
}
