#include "ClearDetector.h"

#include <array>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif

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

// Lookup derived from the table, so matching an ESC costs a byte compare or two: sequences
// starting ESC '[' are bucketed by their third byte; the others (ESC c) are few and looked
// up by their second. Colour sequences (ESC[38;5;…m) fall out after one or two compares.
struct Buckets {
    struct Bucket {
        const ClearSequence *seq[4] = {};
        int count = 0;
    };
    std::array<Bucket, 256> csi;   // ESC '[' X ...: by X
    std::array<Bucket, 256> other; // ESC X ... (X != '['): by X
    Buckets()
    {
        for (const ClearSequence &s : kSequences) {
            const auto b1 = static_cast<unsigned char>(s.bytes[1]);
            Bucket &b = b1 == '[' ? csi[static_cast<unsigned char>(s.bytes[2])] : other[b1];
            Q_ASSERT(b.count < 4);
            b.seq[b.count++] = &s; // table order: longest first
        }
    }
};
const Buckets kBuckets;


#if defined(__SSE2__)
// A 16-bytes-at-a-time candidate filter derived from the table: a position is a candidate
// when it holds ESC, the next byte is some sequence's second byte, and the byte after that
// is one of the third bytes that go with it (any byte for two-byte sequences, ESC c).
// Colour codes (ESC[31m, ESC[38;5;…m) are ruled out here without being visited one by one;
// only candidates reach matchAt().
struct SimdFilter {
    static constexpr int kMaxGroups = 4;
    static constexpr int kMaxThirds = 4;
    struct Group {
        __m128i second;
        __m128i third[kMaxThirds];
        int thirds = 0; // 0: a two-byte sequence, any third byte
    };
    __m128i esc;
    Group groups[kMaxGroups];
    int count = 0;
    SimdFilter()
    {
        esc = _mm_set1_epi8('\x1b');
        char seconds[kMaxGroups] = {};
        char thirdBytes[kMaxGroups][kMaxThirds] = {};
        for (const ClearSequence &s : kSequences) {
            int g = 0;
            while (g < count && seconds[g] != s.bytes[1])
                ++g;
            if (g == count) {
                Q_ASSERT(count < kMaxGroups);
                seconds[count] = s.bytes[1];
                groups[count].second = _mm_set1_epi8(s.bytes[1]);
                ++count;
            }
            Group &group = groups[g];
            if (s.bytes.size() == 2) {
                group.thirds = -1; // any
                continue;
            }
            if (group.thirds < 0)
                continue;
            bool seen = false;
            for (int t = 0; t < group.thirds; ++t)
                seen = seen || thirdBytes[g][t] == s.bytes[2];
            if (!seen) {
                Q_ASSERT(group.thirds < kMaxThirds);
                thirdBytes[g][group.thirds] = s.bytes[2];
                group.third[group.thirds++] = _mm_set1_epi8(s.bytes[2]);
            }
        }
    }
    // Bit k set: data[k] may start a sequence. Reads data[0..17]. No early exit for blocks
    // without ESC: in colour output most blocks have one, and that branch would be
    // mispredicted often enough to cost more than the compares.
    unsigned candidates(const char *data) const
    {
        const __m128i b0 = _mm_loadu_si128(reinterpret_cast<const __m128i *>(data));
        const __m128i b1 = _mm_loadu_si128(reinterpret_cast<const __m128i *>(data + 1));
        const __m128i b2 = _mm_loadu_si128(reinterpret_cast<const __m128i *>(data + 2));
        __m128i any = _mm_setzero_si128();
        for (int g = 0; g < count; ++g) {
            const Group &group = groups[g];
            __m128i third = group.thirds < 0 ? _mm_set1_epi8(char(0xFF)) : _mm_setzero_si128();
            for (int t = 0; t < group.thirds; ++t)
                third = _mm_or_si128(third, _mm_cmpeq_epi8(b2, group.third[t]));
            any = _mm_or_si128(any, _mm_and_si128(_mm_cmpeq_epi8(b1, group.second), third));
        }
        return unsigned(_mm_movemask_epi8(_mm_and_si128(any, _mm_cmpeq_epi8(b0, esc))));
    }
};
const SimdFilter kSimdFilter;

#if defined(__x86_64__) && defined(__GNUC__)
// The same filter over 32 bytes with AVX2, chosen at run time where the CPU has it.
__attribute__((target("avx2"))) unsigned candidates32(const char *data)
{
    const __m256i b0 = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(data));
    const __m256i b1 = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(data + 1));
    const __m256i b2 = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(data + 2));
    __m256i any = _mm256_setzero_si256();
    for (int g = 0; g < kSimdFilter.count; ++g) {
        const SimdFilter::Group &group = kSimdFilter.groups[g];
        const __m256i second = _mm256_broadcastsi128_si256(group.second);
        __m256i third = group.thirds < 0 ? _mm256_set1_epi8(char(0xFF)) : _mm256_setzero_si256();
        for (int t = 0; t < group.thirds; ++t)
            third = _mm256_or_si256(third, _mm256_cmpeq_epi8(b2, _mm256_broadcastsi128_si256(group.third[t])));
        any = _mm256_or_si256(any, _mm256_and_si256(_mm256_cmpeq_epi8(b1, second), third));
    }
    const __m256i esc = _mm256_set1_epi8('\x1b');
    return unsigned(_mm256_movemask_epi8(_mm256_and_si256(any, _mm256_cmpeq_epi8(b0, esc))));
}
const bool kHasAvx2 = __builtin_cpu_supports("avx2");
#endif
#endif

enum class Result { NoMatch, NeedMore, Match };

inline bool sameTail(const char *p, QByteArrayView bytes, qsizetype from)
{
    for (qsizetype k = from; k < bytes.size(); ++k)
        if (p[k] != bytes[k])
            return false;
    return true;
}

// p[0] is ESC; `avail` bytes are readable. On Match, `seq` is the longest sequence there.
inline Result matchAt(const char *p, qsizetype avail, const ClearSequence *&seq)
{
    if (avail >= ClearDetector::kMaxSequenceLength) {
        const Buckets::Bucket &b = p[1] == '[' ? kBuckets.csi[static_cast<unsigned char>(p[2])]
                                               : kBuckets.other[static_cast<unsigned char>(p[1])];
        for (int k = 0; k < b.count; ++k) {
            if (sameTail(p, b.seq[k]->bytes, 2)) {
                seq = b.seq[k];
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
            // A longer sequence that starts the same may still complete: wait for it.
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

    // Plain scan. Matches are reported in order; `next` skips ESCs inside a sequence just
    // matched (the inner ESC of ESC[H ESC[2J).
    qsizetype next = from;
    // Handles the ESC at i; returns false when the rest of the chunk was carried over.
    auto atEsc = [&](qsizetype i) {
        if (i < next)
            return true;
        const ClearSequence *seq = nullptr;
        const Result r = matchAt(data + i, size - i, seq);
        if (r == Result::Match) {
            next = i + seq->bytes.size();
            out.append(Match{seq->kind, next});
        } else if (r == Result::NeedMore) {
            m_pendingSize = int(size - i);
            std::memcpy(m_pending, data + i, size_t(m_pendingSize));
            return false;
        }
        return true;
    };
    qsizetype i = from;
#if defined(__SSE2__)
    // 16 or 32 bytes at a time: colour-heavy output has an ESC every ~8 bytes, where a memchr
    // call per ESC would cost more than the matching itself. The filter reads 2 bytes ahead.
#if defined(__x86_64__) && defined(__GNUC__)
    if (kHasAvx2) {
        for (; i + 34 <= size; i += 32) {
            unsigned mask = candidates32(data + i);
            while (mask) {
                if (!atEsc(i + qsizetype(__builtin_ctz(mask))))
                    return;
                mask &= mask - 1;
            }
        }
    }
#endif
    for (; i + 18 <= size; i += 16) {
        unsigned mask = kSimdFilter.candidates(data + i);
        while (mask) {
            if (!atEsc(i + qsizetype(__builtin_ctz(mask))))
                return;
            mask &= mask - 1;
        }
    }
#endif
    while (i < size) {
        const void *found = std::memchr(data + i, '\x1b', size_t(size - i));
        if (!found)
            return;
        i = static_cast<const char *>(found) - data;
        if (!atEsc(i))
            return;
        ++i;
    }
}
