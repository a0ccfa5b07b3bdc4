#include "JsonText.h"

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace {
constexpr char kHex[] = "0123456789abcdef";

constexpr unsigned char lengthOf(unsigned c)
{
    if (c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t')
        return 2;
    return c < 0x20 ? 6 : 1;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Reads the four hex digits of a \uXXXX escape at in[pos] ('\\' at pos). -1 on error.
int readU16(QByteArrayView in, qsizetype pos)
{
    if (pos + 6 > in.size() || in[pos + 1] != 'u')
        return -1;
    int v = 0;
    for (int i = 2; i < 6; ++i) {
        const int h = hexValue(in[pos + i]);
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    return v;
}

// Writes the UTF-8 form of `cp` at dst; returns its length (1..4).
int writeUtf8(char *dst, char32_t cp)
{
    if (cp < 0x80) {
        dst[0] = char(cp);
        return 1;
    }
    if (cp < 0x800) {
        dst[0] = char(0xC0 | (cp >> 6));
        dst[1] = char(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        dst[0] = char(0xE0 | (cp >> 12));
        dst[1] = char(0x80 | ((cp >> 6) & 0x3F));
        dst[2] = char(0x80 | (cp & 0x3F));
        return 3;
    }
    dst[0] = char(0xF0 | (cp >> 18));
    dst[1] = char(0x80 | ((cp >> 12) & 0x3F));
    dst[2] = char(0x80 | ((cp >> 6) & 0x3F));
    dst[3] = char(0x80 | (cp & 0x3F));
    return 4;
}

int utf8Length(char32_t cp)
{
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

// One step of decoding at in[pos] (inside the string, not at the closing quote): how many
// raw bytes the step consumes and how many decoded bytes it yields. Returns false on error.
struct Step {
    qsizetype raw = 0;
    qsizetype decoded = 0;
    char32_t cp = 0; // for escapes that produce a code point
    char simple = 0; // for one-byte escapes
};

bool decodeEscape(QByteArrayView in, qsizetype pos, Step &step, QByteArray *error)
{
    if (pos + 1 >= in.size()) {
        if (error)
            *error = "an escape sequence after '\\'";
        return false;
    }
    const char e = in[pos + 1];
    switch (e) {
    case '"': step = {2, 1, 0, '"'}; return true;
    case '\\': step = {2, 1, 0, '\\'}; return true;
    case '/': step = {2, 1, 0, '/'}; return true;
    case 'b': step = {2, 1, 0, '\b'}; return true;
    case 'f': step = {2, 1, 0, '\f'}; return true;
    case 'n': step = {2, 1, 0, '\n'}; return true;
    case 'r': step = {2, 1, 0, '\r'}; return true;
    case 't': step = {2, 1, 0, '\t'}; return true;
    case 'u': {
        const int hi = readU16(in, pos);
        if (hi < 0) {
            if (error)
                *error = "four hex digits after '\\u'";
            return false;
        }
        char32_t cp = char32_t(hi);
        qsizetype raw = 6;
        if (hi >= 0xD800 && hi <= 0xDBFF) {
            const int lo = readU16(in, pos + 6);
            if (pos + 6 < in.size() && in[pos + 6] == '\\' && lo >= 0xDC00 && lo <= 0xDFFF) {
                cp = 0x10000 + ((char32_t(hi) - 0xD800) << 10) + (char32_t(lo) - 0xDC00);
                raw = 12;
            } else {
                cp = 0xFFFD;
            }
        } else if (hi >= 0xDC00 && hi <= 0xDFFF) {
            cp = 0xFFFD;
        }
        step = {raw, utf8Length(cp), cp, 0};
        return true;
    }
    default:
        if (error)
            *error = "one of \" \\ / b f n r t u after '\\'";
        return false;
    }
}
} // namespace

const unsigned char JsonText::kEscapedLength[256] = {
#define L4(n) lengthOf(n), lengthOf(n + 1), lengthOf(n + 2), lengthOf(n + 3)
#define L16(n) L4(n), L4(n + 4), L4(n + 8), L4(n + 12)
#define L64(n) L16(n), L16(n + 16), L16(n + 32), L16(n + 48)
    L64(0), L64(64), L64(128), L64(192)
#undef L64
#undef L16
#undef L4
};

qsizetype JsonText::escapedLength(QByteArrayView text)
{
    qsizetype n = 0;
    for (const char c : text)
        n += kEscapedLength[static_cast<unsigned char>(c)];
    return n;
}

namespace {
// The escaped form of every byte that needs one, padded to 6 bytes (\u00XX is the longest),
// so that one fixed-size copy writes any of them.
struct EscapeTable {
    char seq[256][6] = {};
    constexpr EscapeTable()
    {
        for (int c = 0; c < 256; ++c) {
            char *s = seq[c];
            switch (c) {
            case '"': s[0] = '\\'; s[1] = '"'; break;
            case '\\': s[0] = '\\'; s[1] = '\\'; break;
            case '\n': s[0] = '\\'; s[1] = 'n'; break;
            case '\r': s[0] = '\\'; s[1] = 'r'; break;
            case '\t': s[0] = '\\'; s[1] = 't'; break;
            default:
                if (c < 0x20) {
                    s[0] = '\\'; s[1] = 'u'; s[2] = '0'; s[3] = '0';
                    s[4] = kHex[c >> 4]; s[5] = kHex[c & 0xF];
                } else {
                    s[0] = char(c);
                }
            }
        }
    }
};
constexpr EscapeTable kEscapes;
} // namespace

void JsonText::appendEscaped(QByteArray &out, QByteArrayView text)
{
    // Writes through a pointer into room for the worst case (every byte a six-byte \u00XX),
    // made once, then cuts back: one QByteArray::append() per run and per escape cost more
    // than the escaping itself (the writer thread's largest cost, tests/bench/record).
    // While at least 16 bytes are left, the room left is at least 96 bytes: whole blocks and
    // whole six-byte escapes may be stored before knowing how much of them counts.
    const qsizetype old = out.size();
    out.resize(old + text.size() * 6); // new bytes are left uninitialised
    char *d = out.data() + old;
    const char *p = text.data();
    const char *const end = p + text.size();
#if defined(__SSE2__)
    // No control byte (< 0x20), no '"' or '\\'; bytes >= 0x80 (UTF-8) pass as they are.
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i bias = _mm_set1_epi8(char(0x80));
    const __m128i controlLimit = _mm_set1_epi8(char(0x20 ^ 0x80));
    while (end - p >= 16) {
        const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        // Signed compare after flipping the top bit = unsigned b < 0x20.
        const __m128i control = _mm_cmplt_epi8(_mm_xor_si128(b, bias), controlLimit);
        const __m128i special =
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(b, quote), _mm_cmpeq_epi8(b, backslash)), control);
        unsigned mask = unsigned(_mm_movemask_epi8(special));
        _mm_storeu_si128(reinterpret_cast<__m128i *>(d), b);
        if (!mask) {
            d += 16;
            p += 16;
            continue;
        }
        // The block up to its last special byte, each escaped: the plain bytes before the
        // first one are in place already (stored above), later runs are copied after the
        // escapes that moved them.
        const char *const block = p;
        unsigned last = 0;
        do {
            const unsigned k = unsigned(__builtin_ctz(mask));
            const size_t run = k - last;
            if (last)
                std::memcpy(d, block + last, run);
            d += run;
            const unsigned char c = static_cast<unsigned char>(block[k]);
            std::memcpy(d, kEscapes.seq[c], 6);
            d += kEscapedLength[c];
            last = k + 1;
            mask &= mask - 1;
        } while (mask);
        p = block + last;
    }
#endif
    while (p < end) {
        const unsigned char c = static_cast<unsigned char>(*p++);
        if (kEscapedLength[c] == 1) {
            *d++ = char(c);
        } else {
            std::memcpy(d, kEscapes.seq[c], 6);
            d += kEscapedLength[c];
        }
    }
    out.truncate(d - out.constData());
}

JsonText::Unescaped JsonText::unescape(QByteArrayView in, qsizetype pos, QByteArray &out)
{
    Unescaped result;
    if (pos >= in.size() || in[pos] != '"') {
        result.error = "'\"' to start a string";
        result.end = pos;
        return result;
    }
    const char *const base = in.data();
    const qsizetype n = in.size();
    qsizetype i = pos + 1;
    // The decoded text is never longer than the escaped one: write into room made once.
    const qsizetype outStart = out.size();
    out.resize(outStart + (n - i));
    char *const dst0 = out.data() + outStart;
    char *dst = dst0;
    auto finish = [&](bool ok, qsizetype end, QByteArray error) {
        out.resize(outStart + (dst - dst0));
        result.ok = ok;
        result.end = end;
        result.error = std::move(error);
        return result;
    };
    while (true) {
#if defined(__SSE2__)
        // Copy 16 bytes at a time up to the next quote or backslash (the room made above
        // covers the whole rest of the input, so a full block may always be stored).
        const __m128i quote = _mm_set1_epi8('"');
        const __m128i backslash = _mm_set1_epi8('\\');
        while (i + 16 <= n) {
            const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i *>(base + i));
            _mm_storeu_si128(reinterpret_cast<__m128i *>(dst), b);
            const unsigned mask = unsigned(
                _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(b, quote), _mm_cmpeq_epi8(b, backslash))));
            if (mask) {
                const int k = __builtin_ctz(mask);
                i += k;
                dst += k;
                break;
            }
            i += 16;
            dst += 16;
        }
#endif
        while (i < n && base[i] != '"' && base[i] != '\\')
            *dst++ = base[i++];
        if (i >= n)
            return finish(false, n, "'\"' to end the string");
        if (base[i] == '"')
            return finish(true, i + 1, {});
        Step step;
        QByteArray error;
        if (!decodeEscape(in, i, step, &error))
            return finish(false, i, error);
        if (step.simple)
            *dst++ = step.simple;
        else
            dst += writeUtf8(dst, step.cp); // fits: 6 raw bytes become at most 3 (12 at most 4)
        i += step.raw;
    }
}

QList<qsizetype> JsonText::rawEnds(QByteArrayView raw, const QList<qsizetype> &decodedEnds)
{
    QList<qsizetype> result;
    result.reserve(decodedEnds.size());
    qsizetype rawPos = 0;
    qsizetype decodedPos = 0;
    qsizetype next = 0;
    while (next < decodedEnds.size() && rawPos < raw.size()) {
        Step step;
        if (raw[rawPos] == '\\') {
            if (!decodeEscape(raw, rawPos, step, nullptr))
                break;
        } else {
            step = {1, 1, 0, 0};
        }
        rawPos += step.raw;
        decodedPos += step.decoded;
        while (next < decodedEnds.size() && decodedEnds[next] <= decodedPos) {
            result.append(rawPos);
            ++next;
        }
    }
    while (result.size() < decodedEnds.size())
        result.append(raw.size());
    return result;
}
