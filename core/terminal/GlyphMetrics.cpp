#include "GlyphMetrics.h"

#include <vterm.h>

#include <QByteArray>
#include <QString>

GlyphMetrics::GlyphMetrics()
{
    m_vt = vterm_new(1, 8);
    vterm_set_utf8(m_vt, 1);
    VTermScreen *screen = vterm_obtain_screen(m_vt);
    vterm_screen_reset(screen, 1);
}

GlyphMetrics::~GlyphMetrics()
{
    vterm_free(m_vt);
}

GlyphMetrics::Metric GlyphMetrics::lookup(char32_t cp)
{
    const auto it = m_cache.constFind(cp);
    if (it != m_cache.cend())
        return *it;
    const Metric m = measure(cp);
    m_cache.insert(cp, m);
    return m;
}

GlyphMetrics::Metric GlyphMetrics::measure(char32_t cp)
{
    // Home, clear the line, write "a" and the code point: a combining character joins the
    // "a" in cell 0; anything else starts in column 1 and moves the cursor by its width.
    QByteArray probe("\x1b[H\x1b[2Ka");
    probe += QString::fromUcs4(&cp, 1).toUtf8();
    vterm_input_write(m_vt, probe.constData(), size_t(probe.size()));

    Metric m;
    VTermScreen *screen = vterm_obtain_screen(m_vt);
    VTermScreenCell cell;
    if (vterm_screen_get_cell(screen, VTermPos{0, 0}, &cell) && cell.chars[0] == 'a' && cell.chars[1] == cp) {
        m.combining = true;
        m.width = 0;
        return m;
    }
    VTermPos pos;
    vterm_state_get_cursorpos(vterm_obtain_state(m_vt), &pos);
    m.width = qint8(qBound(0, pos.col - 1, 2));
    return m;
}
