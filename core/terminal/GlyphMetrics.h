// GlyphMetrics: how libvterm itself measures a code point: its column width and whether it
// combines with the character before it. libvterm keeps these tables internal, and any
// other table (wcwidth, ICU) disagrees on some characters; a state preamble that draws
// characters must predict exactly where libvterm will put the cursor. So each code point is
// written once into a tiny private VTerm and measured; results are cached.
//
// Data flow: PreambleWriter -> GlyphMetrics. Owned by a Terminal; not thread-safe.
#pragma once

#include <QHash>

struct VTerm;

class GlyphMetrics
{
public:
    GlyphMetrics();
    ~GlyphMetrics();
    GlyphMetrics(const GlyphMetrics &) = delete;
    GlyphMetrics &operator=(const GlyphMetrics &) = delete;

    // Columns the code point takes when it starts a character: 1 or 2 (0 for zero-width).
    int width(char32_t cp) { return cp >= 0x20 && cp < 0x7f ? 1 : lookup(cp).width; }
    // True if libvterm adds it to the previous character instead of starting a new one.
    bool isCombining(char32_t cp) { return cp >= 0x20 && cp < 0x7f ? false : lookup(cp).combining; }

private:
    struct Metric {
        qint8 width = 1;
        bool combining = false;
    };
    Metric lookup(char32_t cp);
    Metric measure(char32_t cp);

    VTerm *m_vt = nullptr;
    QHash<char32_t, Metric> m_cache;
};
