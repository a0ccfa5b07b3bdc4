#include "Utf8Decoder.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace {
const char kReplacement[] = "\xEF\xBF\xBD";

// Length of the longest valid prefix (0..need) of a sequence starting at p with lead byte
// p[0], given `avail` bytes; `need` receives the full length the lead byte announces.
// Follows the well-formed table of Unicode section 3.9 (table 3-7).
int validPrefix(const unsigned char *p, qsizetype avail, int &need)
{
    const unsigned char c = p[0];
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 3;
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 4;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;
    } else {
        need = 1;
        return 0; // not a lead byte
    }
    int i = 1;
    if (i < avail && i < need) {
        if (p[i] < lo || p[i] > hi)
            return 1;
        ++i;
    }
    while (i < avail && i < need) {
        if (p[i] < 0x80 || p[i] > 0xBF)
            return i;
        ++i;
    }
    return i;
}

// The index of the first byte >= 0x80 at or after i (size if none): 16 bytes at a time.
inline qsizetype skipAscii(const unsigned char *p, qsizetype i, qsizetype size)
{
#if defined(__SSE2__)
    while (size - i >= 16) {
        const int mask = _mm_movemask_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i *>(p + i)));
        if (mask)
            return i + __builtin_ctz(unsigned(mask));
        i += 16;
    }
#endif
    while (i < size && p[i] < 0x80)
        ++i;
    return i;
}
} // namespace

qsizetype Utf8Decoder::validLength(QByteArrayView in)
{
    const auto *p = reinterpret_cast<const unsigned char *>(in.data());
    const qsizetype size = in.size();
    qsizetype i = 0;
    while (true) {
        i = skipAscii(p, i, size);
        if (i >= size)
            return size;
        int need = 0;
        if (validPrefix(p + i, size - i, need) != need)
            return i;
        i += need;
    }
}

QByteArrayView Utf8Decoder::decodeView(QByteArrayView in, QByteArray &scratch)
{
    if (m_pendingSize == 0) {
        const qsizetype valid = validLength(in);
        const qsizetype tail = in.size() - valid;
        if (tail == 0)
            return in;
        if (tail < 4) {
            // Only an incomplete character at the end? Then hold it, as decode() would.
            int need = 0;
            const auto *t = reinterpret_cast<const unsigned char *>(in.data() + valid);
            if (validPrefix(t, tail, need) == tail && need > tail) {
                for (qsizetype k = 0; k < tail; ++k)
                    m_pending[k] = char(t[k]);
                m_pendingSize = int(tail);
                return in.first(valid);
            }
        }
    }
    scratch.resize(0);
    decode(in, scratch);
    return scratch;
}

void Utf8Decoder::decode(QByteArrayView in, QByteArray &out)
{
    if (m_pendingSize > 0) {
        // Complete the held sequence with as few bytes of `in` as it needs.
        unsigned char buf[4];
        int n = 0;
        const int held = qMin(m_pendingSize, 3); // never more than 3 (an incomplete sequence)
        for (int i = 0; i < held; ++i)
            buf[n++] = static_cast<unsigned char>(m_pending[i]);
        qsizetype used = 0;
        while (n < 4 && used < in.size())
            buf[n++] = static_cast<unsigned char>(in[used++]);
        int need = 0;
        const int valid = validPrefix(buf, n, need);
        if (valid == need) {
            out.append(reinterpret_cast<const char *>(buf), need);
            in = in.sliced(need - m_pendingSize);
            m_pendingSize = 0;
        } else if (valid == n) {
            // Still incomplete: everything so far is a valid prefix.
            for (int i = 0; i < n; ++i)
                m_pending[i] = char(buf[i]);
            m_pendingSize = n;
            return;
        } else {
            // Invalid: the valid prefix is one maximal subpart, replaced once. Bytes after it
            // that came from `in` are decoded afresh.
            out.append(kReplacement, 3);
            const int consumedFromIn = qMax(0, valid - m_pendingSize);
            in = in.sliced(consumedFromIn);
            m_pendingSize = 0;
        }
    }
    const auto *p = reinterpret_cast<const unsigned char *>(in.data());
    const qsizetype size = in.size();
    qsizetype i = 0;
    qsizetype runStart = 0;
    while (i < size) {
        i = skipAscii(p, i, size);
        if (i >= size)
            break;
        int need = 0;
        const int valid = validPrefix(p + i, size - i, need);
        if (valid == need) {
            i += need;
            continue;
        }
        out.append(reinterpret_cast<const char *>(p + runStart), i - runStart);
        if (valid == size - i && valid > 0) {
            // Cut at the chunk end: hold it.
            for (int k = 0; k < valid; ++k)
                m_pending[k] = char(p[i + k]);
            m_pendingSize = valid;
            return;
        }
        out.append(kReplacement, 3);
        i += qMax(1, valid);
        runStart = i;
    }
    out.append(reinterpret_cast<const char *>(p + runStart), size - runStart);
}

void Utf8Decoder::flush(QByteArray &out)
{
    if (m_pendingSize > 0)
        out.append(kReplacement, 3);
    m_pendingSize = 0;
}
