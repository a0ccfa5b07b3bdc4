#include "Terminal.h"

#include "GlyphMetrics.h"
#include "PreambleWriter.h"

#include <vterm.h>

#include <QHash>

#include <cstddef>
#include <cstring>

using namespace Qt::StringLiterals;

namespace {
// --- Scrollback line packing ---------------------------------------------------------------
// Word 0: columns | run count << 16. Then per attribute run three words: start column |
// attributes << 16, foreground, background (libvterm's VTermColor bytes). Then the text: per
// cell up to the last non-blank one its base code point (0 blank, kRightHalf for a wide
// character's right half), each followed by its combining characters | kCombining.
constexpr quint32 kRightHalf = 0xffffffffu;
constexpr quint32 kCombining = 0x80000000u;

quint32 packColor(const VTermColor &c)
{
    if (VTERM_COLOR_IS_INDEXED(&c))
        return quint32(c.type) | quint32(c.indexed.idx) << 8;
    return quint32(c.type) | quint32(c.rgb.red) << 8 | quint32(c.rgb.green) << 16 | quint32(c.rgb.blue) << 24;
}

VTermColor unpackColor(quint32 v)
{
    VTermColor c;
    std::memset(&c, 0, sizeof c);
    c.type = quint8(v);
    if (VTERM_COLOR_IS_INDEXED(&c)) {
        c.indexed.idx = quint8(v >> 8);
    } else {
        c.rgb.red = quint8(v >> 8);
        c.rgb.green = quint8(v >> 16);
        c.rgb.blue = quint8(v >> 24);
    }
    return c;
}

quint32 packAttrs(const VTermScreenCellAttrs &a)
{
    return quint32(a.bold) | quint32(a.underline) << 1 | quint32(a.italic) << 3 | quint32(a.blink) << 4
        | quint32(a.reverse) << 5 | quint32(a.conceal) << 6 | quint32(a.strike) << 7 | quint32(a.font) << 8
        | quint32(a.small) << 12 | quint32(a.baseline) << 13;
}

void unpackAttrs(quint32 v, VTermScreenCellAttrs &a)
{
    a.bold = v & 1;
    a.underline = (v >> 1) & 3;
    a.italic = (v >> 3) & 1;
    a.blink = (v >> 4) & 1;
    a.reverse = (v >> 5) & 1;
    a.conceal = (v >> 6) & 1;
    a.strike = (v >> 7) & 1;
    a.font = (v >> 8) & 15;
    a.small = (v >> 12) & 1;
    a.baseline = (v >> 13) & 3;
}

// Attributes and both colours are 12 contiguous bytes of a VTermScreenCell: compared at once.
static_assert(offsetof(VTermScreenCell, fg) == offsetof(VTermScreenCell, attrs) + 4);
static_assert(offsetof(VTermScreenCell, bg) == offsetof(VTermScreenCell, fg) + 4);

void packLine(std::vector<quint32> &scratch, ScrollbackBuffer::Line &line, int cols, const VTermScreenCell *cells)
{
    // Called for every line that scrolls off: packed into scratch space, attributes only where
    // they change, then copied into the line's (usually recycled) storage at its exact size.
    int textLen = cols;
    while (textLen > 0 && cells[textLen - 1].chars[0] == 0)
        --textLen;
    size_t runs = 0;
    const VTermScreenCell *prev = nullptr;
    quint32 prevAttrs = 0, prevFg = 0, prevBg = 0;
    // Worst case: a run per cell, then every cell with all its characters.
    const size_t worst = 1 + size_t(cols) * 3 + size_t(textLen) * VTERM_MAX_CHARS_PER_CELL;
    if (scratch.size() < worst)
        scratch.resize(worst);
    quint32 *out = scratch.data();
    size_t n = 1;
    for (int c = 0; c < cols; ++c) {
        const VTermScreenCell &cell = cells[c];
        if (prev && std::memcmp(&cell.attrs, &prev->attrs, 12) == 0)
            continue;
        prev = &cell;
        const quint32 attrs = packAttrs(cell.attrs);
        const quint32 fg = packColor(cell.fg);
        const quint32 bg = packColor(cell.bg);
        if (runs && attrs == prevAttrs && fg == prevFg && bg == prevBg)
            continue; // differed only in bytes that do not count
        out[n++] = quint32(c) | attrs << 16;
        out[n++] = fg;
        out[n++] = bg;
        prevAttrs = attrs;
        prevFg = fg;
        prevBg = bg;
        ++runs;
    }
    for (int c = 0; c < textLen; ++c) {
        const VTermScreenCell &cell = cells[c];
        const quint32 ch = cell.chars[0];
        out[n++] = ch;
        if (ch == 0 || ch == kRightHalf || cell.chars[1] == 0)
            continue;
        for (int i = 1; i < VTERM_MAX_CHARS_PER_CELL && cell.chars[i]; ++i)
            out[n++] = cell.chars[i] | kCombining;
    }
    out[0] = quint32(cols) | quint32(runs) << 16;
    line.assign(out, out + n);
}

// Calls visit(col, const VTermScreenCell &, bool rightHalf) for each stored column. Without
// `Attributes`, only the characters and the width are unpacked (the rest stays zero).
template<bool Attributes = true, typename Visit>
void unpackLine(const ScrollbackBuffer::Line &line, const VTermColor &defaultFg, const VTermColor &defaultBg, int cols,
                Visit visit)
{
    const int stored = int(line[0] & 0xffff);
    const int runs = int(line[0] >> 16);
    const size_t textStart = 1 + size_t(runs) * 3;
    size_t tp = textStart;
    int run = -1;
    for (int col = 0; col < cols; ++col) {
        VTermScreenCell cell;
        std::memset(&cell, 0, sizeof cell);
        cell.width = 1;
        bool rightHalf = false;
        if (col < stored) {
            if constexpr (Attributes) {
                while (run + 1 < runs && int(line[1 + size_t(run + 1) * 3] & 0xffff) <= col)
                    ++run;
                const size_t r = 1 + size_t(run) * 3;
                unpackAttrs(line[r] >> 16, cell.attrs);
                cell.fg = unpackColor(line[r + 1]);
                cell.bg = unpackColor(line[r + 2]);
            }
            if (tp < line.size()) {
                const quint32 w = line[tp++];
                if (w == kRightHalf) {
                    rightHalf = true;
                    cell.chars[0] = kRightHalf;
                } else {
                    cell.chars[0] = w;
                    int n = 1;
                    while (tp < line.size() && line[tp] != kRightHalf && (line[tp] & kCombining)) {
                        const quint32 cp = line[tp++] & ~kCombining;
                        if (n < VTERM_MAX_CHARS_PER_CELL)
                            cell.chars[n++] = cp;
                    }
                    if (tp < line.size() && line[tp] == kRightHalf)
                        cell.width = 2;
                }
            }
        } else if constexpr (Attributes) {
            cell.fg = defaultFg;
            cell.bg = defaultBg;
        }
        visit(col, cell, rightHalf);
    }
}

TerminalCursor::Shape shapeFromVterm(int shape)
{
    switch (shape) {
    case VTERM_PROP_CURSORSHAPE_UNDERLINE:
        return TerminalCursor::Shape::Underline;
    case VTERM_PROP_CURSORSHAPE_BAR_LEFT:
        return TerminalCursor::Shape::Bar;
    default:
        return TerminalCursor::Shape::Block;
    }
}

// Colour of a cell or the pen. Default colours resolve to the terminal's defaults, indexed
// ones through the palette of `palette` (the 16 ANSI colours are configurable).
ScreenCell::Color toColor(const VTermColor &c, bool foreground, VTermScreen *palette, quint32 defaultRgb)
{
    ScreenCell::Color out;
    if (foreground ? VTERM_COLOR_IS_DEFAULT_FG(&c) : VTERM_COLOR_IS_DEFAULT_BG(&c)) {
        out.kind = ScreenCell::Color::Kind::Default;
        out.rgb = defaultRgb;
        return out;
    }
    VTermColor rgb = c;
    if (VTERM_COLOR_IS_INDEXED(&c)) {
        out.kind = ScreenCell::Color::Kind::Indexed;
        out.index = c.indexed.idx;
        vterm_screen_convert_color_to_rgb(palette, &rgb);
    } else {
        out.kind = ScreenCell::Color::Kind::Rgb;
    }
    out.rgb = quint32(rgb.rgb.red) << 16 | quint32(rgb.rgb.green) << 8 | rgb.rgb.blue;
    return out;
}

ScreenCell::Baseline toBaseline(unsigned small, unsigned baseline)
{
    if (!small)
        return ScreenCell::Baseline::Normal;
    return baseline == VTERM_BASELINE_RAISE ? ScreenCell::Baseline::Superscript
         : baseline == VTERM_BASELINE_LOWER ? ScreenCell::Baseline::Subscript
                                            : ScreenCell::Baseline::Normal;
}

// Converts one libvterm cell; a right half copies the attributes of `left`.
void toScreenCell(ScreenCell &out, const VTermScreenCell &c, bool rightHalf, const ScreenCell *left,
                  VTermScreen *palette, quint32 defaultFg, quint32 defaultBg)
{
    if (rightHalf) {
        if (left)
            out = *left;
        else
            out = ScreenCell();
        out.chars = {};
        out.width = 0;
        return;
    }
    out.chars = {};
    for (int i = 0; i < VTERM_MAX_CHARS_PER_CELL && c.chars[i]; ++i)
        out.chars[size_t(i)] = char32_t(c.chars[i]);
    out.width = c.width == 2 ? 2 : 1;
    out.fg = toColor(c.fg, true, palette, defaultFg);
    out.bg = toColor(c.bg, false, palette, defaultBg);
    out.underline = ScreenCell::Underline(c.attrs.underline);
    out.baseline = toBaseline(c.attrs.small, c.attrs.baseline);
    out.font = quint8(c.attrs.font);
    out.bold = c.attrs.bold;
    out.italic = c.attrs.italic;
    out.blink = c.attrs.blink;
    out.reverse = c.attrs.reverse;
    out.conceal = c.attrs.conceal;
    out.strike = c.attrs.strike;
}

// Reads a screen's current buffer.
void readScreen(VTermScreen *screen, int cols, int rows, VTermScreen *palette, quint32 defaultFg, quint32 defaultBg,
                QList<ScreenCell> &cells)
{
    cells.resize(qsizetype(rows) * cols);
    VTermScreenCell vc;
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < cols; ++c) {
            std::memset(&vc, 0, sizeof vc);
            ScreenCell &out = cells[qsizetype(r) * cols + c];
            if (!vterm_screen_get_cell(screen, VTermPos{r, c}, &vc)) {
                out = ScreenCell();
                continue;
            }
            const bool rightHalf = vc.chars[0] == kRightHalf;
            toScreenCell(out, vc, rightHalf, c > 0 ? &cells[qsizetype(r) * cols + c - 1] : nullptr, palette, defaultFg,
                         defaultBg);
        }
    }
}

void appendCsi(QByteArray &out, QByteArrayView body)
{
    out += "\x1b[";
    out += body;
}

void appendDecMode(QByteArray &out, int mode, bool set)
{
    out += "\x1b[?";
    out += QByteArray::number(mode);
    out += set ? 'h' : 'l';
}

// DECSCUSR parameter for a shape and blink (xterm: 1/2 block, 3/4 underline, 5/6 bar).
int decscusr(TerminalCursor::Shape shape, bool blink)
{
    const int base = shape == TerminalCursor::Shape::Underline ? 3 : shape == TerminalCursor::Shape::Bar ? 5 : 1;
    return blink ? base : base + 1;
}

// Emits what turns the receiver's cursor look `current` into `target`.
void appendCursorLook(QByteArray &out, TerminalCursor &current, const TerminalCursor &target)
{
    if (current.shape != target.shape || current.blink != target.blink) {
        appendCsi(out, QByteArray(QByteArray::number(decscusr(target.shape, target.blink)) + " q"));
        current.shape = target.shape;
        current.blink = target.blink;
    }
    if (current.visible != target.visible) {
        appendDecMode(out, 25, target.visible);
        current.visible = target.visible;
    }
}

void appendOsc(QByteArray &out, int command, const QByteArray &text)
{
    out += "\x1b]";
    out += QByteArray::number(command);
    out += ';';
    out += text;
    out += "\x1b\\";
}

// Requests answered into the probe buffer: DECRQM for the DEC modes (xterm ctlseqs "Request
// DEC private mode"), DECRQSS for the margins and DECSCA.
const char kProbeQueries[] = "\x1b[?1$p\x1b[?6$p\x1b[?7$p\x1b[?69$p\x1b[?1000$p\x1b[?1002$p\x1b[?1003$p"
                             "\x1b[?1004$p\x1b[?1005$p\x1b[?1006$p\x1b[?1015$p\x1b[?2004$p"
                             "\x1bP$qr\x1b\\\x1bP$qs\x1b\\\x1bP$q\"q\x1b\\";
} // namespace

// --- libvterm callbacks ----------------------------------------------------------------------
struct TerminalCallbacks {
    static Terminal *t(void *user) { return static_cast<Terminal *>(user); }

    static int damage(VTermRect rect, void *user)
    {
        Terminal *term = t(user);
        term->addDamage(rect.start_row, rect.end_row, rect.start_col, rect.end_col);
        if (term->m_inCellRun) {
            term->m_runDamage[0] = rect.start_row;
            term->m_runDamage[1] = rect.end_row;
            term->m_runDamage[2] = rect.start_col;
            term->m_runDamage[3] = rect.end_col;
            term->m_runDamageSeen = true;
        }
        return 1;
    }

    static int movecursor(VTermPos pos, VTermPos oldpos, int, void *user)
    {
        Terminal *term = t(user);
        term->addDamage(oldpos.row, oldpos.row + 1, oldpos.col, oldpos.col + 1);
        term->addDamage(pos.row, pos.row + 1, pos.col, pos.col + 1);
        if (!term->m_inCellRun)
            term->m_cursorMoved = true;
        return 1;
    }

    static void fragment(QByteArray &pending, QByteArray &value, const VTermStringFragment &frag, bool &done)
    {
        if (frag.initial)
            pending.clear();
        pending.append(frag.str, qsizetype(frag.len));
        done = frag.final;
        if (done)
            value = pending;
    }

    static int settermprop(VTermProp prop, VTermValue *val, void *user)
    {
        Terminal *term = t(user);
        switch (prop) {
        case VTERM_PROP_CURSORVISIBLE:
            term->m_cursorLook.visible = val->boolean;
            break;
        case VTERM_PROP_CURSORBLINK:
            term->m_cursorLook.blink = val->boolean;
            break;
        case VTERM_PROP_CURSORSHAPE:
            term->m_cursorLook.shape = shapeFromVterm(val->number);
            break;
        case VTERM_PROP_ALTSCREEN:
            if (bool(val->boolean) != term->m_altScreen) {
                term->m_altScreen = val->boolean;
                term->m_altChanged = true;
            }
            if (!term->m_altScreen) {
                term->m_mainValid = false;
                term->m_mainCells.clear();
                term->m_mainContinued.clear();
            }
            break;
        case VTERM_PROP_TITLE: {
            bool done = false;
            QByteArray value;
            fragment(term->m_titlePending, value, val->string, done);
            if (done && !term->m_probing) {
                term->m_titleBytes = value;
                const QString title = QString::fromUtf8(value);
                if (title != term->m_title) {
                    term->m_title = title;
                    term->m_titleChanged = true;
                }
            }
            break;
        }
        case VTERM_PROP_ICONNAME: {
            bool done = false;
            QByteArray value;
            fragment(term->m_iconPending, value, val->string, done);
            if (done)
                term->m_iconBytes = value;
            break;
        }
        case VTERM_PROP_REVERSE:
            term->m_screenReverse = val->boolean;
            break;
        case VTERM_PROP_MOUSE:
            term->m_mouseMode = TerminalModes::MouseMode(qBound(0, val->number, 3));
            break;
        default:
            break;
        }
        return 1;
    }

    static int bell(void *user)
    {
        t(user)->m_bellPending = true;
        return 1;
    }

    static int resize(int, int, void *) { return 1; }

    static int sbPushline(int cols, const VTermScreenCell *cells, void *user)
    {
        Terminal *term = t(user);
        if (term->m_scrollback.limit() == 0)
            return 1;
        packLine(term->m_packScratch, term->m_spareLine, cols, cells);
        // libvterm moved the line flags up before the cells: row 0's flag now belongs to the
        // line after this one; this line's own is the one noted when it became row 0.
        term->m_scrollback.push(term->m_spareLine, term->m_pushFlagsKnown && term->m_row0Continued);
        term->m_row0Continued = term->isLineContinued(0);
        term->m_scrollbackChanged = true;
        return 1;
    }

    static void unpackInto(const ScrollbackBuffer::Line &line, VTermState *state, int cols, VTermScreenCell *cells)
    {
        VTermColor fg, bg;
        vterm_state_get_default_colors(state, &fg, &bg);
        unpackLine(line, fg, bg, cols, [cells](int col, const VTermScreenCell &c, bool) { cells[col] = c; });
    }

    static int sbPopline(int cols, VTermScreenCell *cells, void *user)
    {
        Terminal *term = t(user);
        ScrollbackBuffer::Line line;
        if (!term->m_scrollback.pop(line))
            return 0;
        unpackInto(line, term->m_state, cols, cells);
        if (term->m_recordPops)
            term->m_poppedLines.append(line);
        term->m_spareLine = std::move(line);
        term->m_scrollbackChanged = true;
        return 1;
    }

    static int sbClear(void *user)
    {
        Terminal *term = t(user);
        if (!term->m_scrollback.isEmpty()) {
            term->m_scrollback.clear();
            term->m_scrollbackChanged = true;
        }
        return 1;
    }

    static void output(const char *s, size_t len, void *user)
    {
        Terminal *term = t(user);
        if (term->m_probing)
            term->m_probeReply.append(s, qsizetype(len));
        else
            term->m_output.append(s, qsizetype(len));
    }

    static constexpr VTermScreenCallbacks kScreen = {
        .damage = &damage,
        .moverect = nullptr,
        .movecursor = &movecursor,
        .settermprop = &settermprop,
        .bell = &bell,
        .resize = &resize,
        .sb_pushline = &sbPushline,
        .sb_popline = &sbPopline,
        .sb_clear = &sbClear,
    };

    // The scratch terminal that re-wraps the saved main screen takes back the same lines the
    // real one popped from the scrollback.
    struct Replay {
        const QList<ScrollbackBuffer::Line> *lines;
        qsizetype next = 0;
        VTermState *state;
    };
    static int replayPopline(int cols, VTermScreenCell *cells, void *user)
    {
        auto *replay = static_cast<Replay *>(user);
        if (replay->next >= replay->lines->size())
            return 0;
        unpackInto(replay->lines->at(replay->next++), replay->state, cols, cells);
        return 1;
    }
    static constexpr VTermScreenCallbacks kReplay = {
        .damage = nullptr,
        .moverect = nullptr,
        .movecursor = nullptr,
        .settermprop = nullptr,
        .bell = nullptr,
        .resize = nullptr,
        .sb_pushline = nullptr,
        .sb_popline = &replayPopline,
        .sb_clear = nullptr,
    };
};

// --- Terminal ----------------------------------------------------------------------------------
struct Terminal::Probe {
    bool ok = false;
    QHash<int, bool> dec; // DECRQM answers
    int top = 0, bottom = 0, left = 0, right = 0;
    bool protectedPen = false;
    bool keypad = false;
    bool eightBit = false;
};

Terminal::Terminal(int cols, int rows, QObject *parent)
    : QObject(parent)
    , m_metrics(std::make_unique<GlyphMetrics>())
    , m_cols(qMax(2, cols))
    , m_rows(qMax(1, rows))
    , m_scrollback(kDefaultScrollbackLimit)
{
    m_vt = vterm_new(m_rows, m_cols);
    vterm_set_utf8(m_vt, 1);
    vterm_output_set_callback(m_vt, &TerminalCallbacks::output, this);
    m_screen = vterm_obtain_screen(m_vt);
    m_state = vterm_obtain_state(m_vt);
    vterm_screen_set_callbacks(m_screen, &TerminalCallbacks::kScreen, this);
    vterm_screen_enable_altscreen(m_screen, 1);
    vterm_screen_enable_reflow(m_screen, true);
    // Damage is merged into one rectangle and fetched after each feed(); scrolls are not
    // reported separately (a view redraws the damaged rows).
    vterm_screen_set_damage_merge(m_screen, VTERM_DAMAGE_SCROLL);
    vterm_screen_reset(m_screen, 1);
    m_tracker.reset();
    // Nothing to report about the initial state.
    vterm_screen_flush_damage(m_screen);
    std::fill(std::begin(m_damage), std::end(m_damage), -1);
    m_titleChanged = m_bellPending = m_altChanged = m_scrollbackChanged = m_cursorMoved = false;
    m_output.clear();
}

Terminal::~Terminal()
{
    vterm_free(m_vt);
}

void Terminal::write(const char *bytes, qsizetype size)
{
    if (size > 0)
        vterm_input_write(m_vt, bytes, size_t(size));
}

void Terminal::feed(QByteArrayView bytes)
{
    QByteArray joined;
    QByteArrayView chunk = bytes;
    if (!m_tracker.heldBytes().isEmpty()) {
        joined = m_tracker.takeHeldBytes();
        joined += bytes;
        chunk = joined;
    }
    if (chunk.isEmpty())
        return;

    m_row0Continued = isLineContinued(0);
    SequenceTracker::Result &r = m_scan;
    m_tracker.scan(chunk, r);
    const char *data = r.edited ? r.sanitised.constData() : chunk.data();
    qsizetype pos = 0;
    for (const SequenceTracker::Event &e : r.events) {
        write(data + pos, e.offset - pos);
        pos = e.offset;
        switch (e.kind) {
        case SequenceTracker::Event::Kind::CellRunStart:
            beginCellRun();
            break;
        case SequenceTracker::Event::Kind::CellRunEnd:
            if (e.rep) {
                if (repIsSafe(e.repCount))
                    write(data + pos, 1);
                else
                    write("\x18", 1); // CAN: the sequence is cancelled
                pos += 1;
            }
            endCellRun(e.rep, e.autowrap);
            break;
        case SequenceTracker::Event::Kind::AltScreenEnter:
            if (!m_altScreen)
                captureMainScreen();
            break;
        case SequenceTracker::Event::Kind::AltScreenLeave:
            if (m_altScreen)
                m_altTopRowContinued = isLineContinued(0);
            break;
        case SequenceTracker::Event::Kind::SaveCursor:
            captureSavedCursor();
            break;
        case SequenceTracker::Event::Kind::RestoreCursor:
            keepRestoredCursorInside(e.originMode);
            break;
        case SequenceTracker::Event::Kind::Reset:
            // RIS and DECSTR clear the mouse mode without telling (vterm_state_reset()).
            m_mouseMode = TerminalModes::MouseMode::None;
            break;
        }
    }
    write(data + pos, r.length - pos);
    if (r.lastClearEnd > r.lastRunEnd)
        m_deferredWrap = false;
    finishUpdate();
}

bool Terminal::repIsSafe(int count) const
{
    // libvterm's REP (state.c) writes the last character at the cursor, moves by its width and
    // repeats while left of min(cursor + count, row width): with width 0 it never ends (also
    // when nothing was written yet), and a double-width character written in the last column
    // has its right half stored past the row.
    const int width = m_lastGlyph.width;
    if (width < 1)
        return false;
    if (width < 2)
        return true;
    VTermPos pos;
    vterm_state_get_cursorpos(m_state, &pos);
    const VTermLineInfo *info = vterm_state_get_lineinfo(m_state, pos.row);
    const int rowWidth = info && info->doublewidth ? m_cols / 2 : m_cols;
    int end = int(quint32(pos.col) + quint32(count)); // libvterm's int arithmetic
    if (end > rowWidth)
        end = rowWidth;
    const int last = m_cols - 1; // a double-width character must not start here
    return !(end > last && pos.col <= last && (last - pos.col) % 2 == 0);
}

void Terminal::beginCellRun()
{
    // Per-cell damage for one text run: the last damage is the last character written.
    vterm_screen_set_damage_merge(m_screen, VTERM_DAMAGE_CELL);
    m_inCellRun = true;
    m_runDamageSeen = false;
}

void Terminal::endCellRun(bool rep, bool autowrap)
{
    m_inCellRun = false;
    vterm_screen_set_damage_merge(m_screen, VTERM_DAMAGE_SCROLL);
    if (m_runDamageSeen && m_runDamage[1] == m_runDamage[0] + 1) {
        const int row = m_runDamage[0];
        const int col = m_runDamage[2];
        const int width = m_runDamage[3] - m_runDamage[2];
        // libvterm (state.c on_text) leaves the cursor on a character that reaches the right
        // margin and wraps before the next one, if DECAWM is on. REP checks one width more
        // after its last copy, and leaves the last character (what it repeats) as it was.
        const VTermLineInfo *info = vterm_state_get_lineinfo(m_state, row);
        const int rowWidth = info && info->doublewidth ? m_cols / 2 : m_cols;
        const int reach = col + (rep ? 2 * width : width);
        m_deferredWrap = autowrap && width >= 1 && reach >= rowWidth;
        m_repWrapRow = row;
        m_repWrapCol = rep && m_deferredWrap ? col : -1;
        if (!rep) {
            m_lastGlyph = LastGlyph();
            m_lastGlyph.row = row;
            m_lastGlyph.col = col;
            m_lastGlyph.width = width;
            VTermScreenCell vc;
            std::memset(&vc, 0, sizeof vc);
            if (vterm_screen_get_cell(m_screen, VTermPos{row, col}, &vc)) {
                for (int i = 0; i < VTERM_MAX_CHARS_PER_CELL && vc.chars[i] && vc.chars[i] != kRightHalf; ++i)
                    m_lastGlyph.chars[size_t(i)] = char32_t(vc.chars[i]);
            }
        }
    }
    m_cursorMoved = false;
}

void Terminal::captureMainScreen()
{
    m_mainCells = currentCells();
    m_mainContinued = currentContinuation();
    m_mainScreenReverse = m_screenReverse;
    m_mainValid = true;
}

void Terminal::captureSavedCursor()
{
    m_savedCursor = cursor();
    m_savedPen = currentPen();
    m_savedValid = true;
    m_savedClamped = false;
}

void Terminal::keepRestoredCursorInside(bool originMode)
{
    // libvterm 0.3.3 keeps the DECSC position across resizes and restores it as it was, also
    // outside a smaller screen: the next line feed then scrolls a rectangle outside the
    // buffer (segfault in moverect), the next character writes past the row. Like xterm, a
    // resize clamps the slot into the screen (resize()), and here the restored cursor is put
    // where the slot says. Under origin mode the cursor is then kept inside the margins, as
    // xterm's DECRC does (CUP counts from the margins and stays inside them); doing that on
    // every restore, not only after a resize, keeps a preamble's restored slot equivalent.
    if (!m_savedValid)
        return;
    VTermPos pos;
    vterm_state_get_cursorpos(m_state, &pos);
    const bool moved = pos.row != m_savedCursor.row || pos.col != m_savedCursor.col;
    if (!(m_savedClamped && moved) && !originMode)
        return;
    int row = m_savedCursor.row;
    int col = m_savedCursor.col;
    if (originMode) {
        const Probe p = probe(true); // just after DECRC: the parser is at ground
        if (!p.ok)
            return;
        const int left = p.dec.value(69) ? p.left : 0;
        const int right = p.dec.value(69) ? p.right : m_cols;
        if (!moved && row >= p.top && row < p.bottom && col >= left && col < right)
            return;
        row -= p.top;
        col -= left;
    }
    const QByteArray cup = "\x1b[" + QByteArray::number(qMax(row, 0) + 1) + ';'
        + QByteArray::number(qMax(col, 0) + 1) + 'H';
    vterm_input_write(m_vt, cup.constData(), size_t(cup.size()));
}

void Terminal::addDamage(int startRow, int endRow, int startCol, int endCol)
{
    startRow = qBound(0, startRow, m_rows);
    endRow = qBound(0, endRow, m_rows);
    startCol = qBound(0, startCol, m_cols);
    endCol = qBound(0, endCol, m_cols);
    if (startRow >= endRow || startCol >= endCol)
        return;
    if (m_damage[0] < 0) {
        m_damage[0] = startRow;
        m_damage[1] = endRow;
        m_damage[2] = startCol;
        m_damage[3] = endCol;
        return;
    }
    m_damage[0] = qMin(m_damage[0], startRow);
    m_damage[1] = qMax(m_damage[1], endRow);
    m_damage[2] = qMin(m_damage[2], startCol);
    m_damage[3] = qMax(m_damage[3], endCol);
}

QRect Terminal::takeDamage()
{
    if (m_damage[0] < 0)
        return {};
    const QRect r(m_damage[2], m_damage[0], m_damage[3] - m_damage[2], m_damage[1] - m_damage[0]);
    std::fill(std::begin(m_damage), std::end(m_damage), -1);
    return r;
}

void Terminal::finishUpdate()
{
    vterm_screen_flush_damage(m_screen);
    // A cursor movement after the last character cancels its deferred wrap.
    if (m_cursorMoved)
        m_deferredWrap = false;
    m_cursorMoved = false;

    if (m_damage[0] >= 0)
        Q_EMIT damaged();
    if (std::exchange(m_titleChanged, false))
        Q_EMIT titleChanged(m_title);
    if (std::exchange(m_bellPending, false))
        Q_EMIT bell();
    if (std::exchange(m_altChanged, false))
        Q_EMIT altScreenChanged(m_altScreen);
    if (std::exchange(m_scrollbackChanged, false))
        Q_EMIT scrollbackChanged();
    flushOutput();
}

void Terminal::flushOutput()
{
    if (m_output.isEmpty())
        return;
    const QByteArray out = std::exchange(m_output, {});
    Q_EMIT outputRequested(out);
}

void Terminal::resize(int cols, int rows)
{
    cols = qMax(2, cols);
    rows = qMax(1, rows);
    if (cols == m_cols && rows == m_rows)
        return;
    const int oldCols = m_cols;
    const int oldRows = m_rows;
    const bool copy = m_altScreen && m_mainValid;
    m_recordPops = copy;
    m_poppedLines.clear();
    m_pushFlagsKnown = false; // libvterm's re-wrap pushes lines without their flags
    vterm_set_size(m_vt, rows, cols);
    m_pushFlagsKnown = true;
    if (m_savedValid && (m_savedCursor.row >= rows || m_savedCursor.col >= cols)) {
        // See keepRestoredCursorInside().
        m_savedCursor.row = qMin(m_savedCursor.row, rows - 1);
        m_savedCursor.col = qMin(m_savedCursor.col, cols - 1);
        m_savedClamped = true;
    }
    m_recordPops = false;
    m_cols = cols;
    m_rows = rows;
    if (copy)
        resizeMainScreenCopy(oldCols, oldRows);
    if (!m_altScreen)
        m_altTopRowContinued = false; // re-wrapped out of sight: not followed
    m_poppedLines.clear();
    addDamage(0, m_rows, 0, m_cols);
    finishUpdate();
}

void Terminal::resizeMainScreenCopy(int oldCols, int oldRows)
{
    // libvterm re-wraps the hidden main screen too. Let it do the same to the copy: draw the
    // copy into a scratch terminal of the old size, hide it behind the alternate screen
    // (libvterm resizes an inactive buffer differently), resize, and read it back.
    VTerm *vt = vterm_new(oldRows, oldCols);
    vterm_set_utf8(vt, 1);
    VTermScreen *screen = vterm_obtain_screen(vt);
    TerminalCallbacks::Replay replay{&m_poppedLines, 0, vterm_obtain_state(vt)};
    vterm_screen_set_callbacks(screen, &TerminalCallbacks::kReplay, &replay);
    vterm_screen_enable_altscreen(screen, 1);
    vterm_screen_enable_reflow(screen, true);
    vterm_screen_reset(screen, 1);

    QByteArray draw;
    PreambleWriter w(draw, oldCols, oldRows, *m_metrics);
    w.drawScreen(m_mainCells, m_mainContinued, m_mainScreenReverse);
    draw += "\x1b[0m\x1b[?1047h";
    vterm_input_write(vt, draw.constData(), size_t(draw.size()));
    vterm_set_size(vt, m_rows, m_cols);
    vterm_input_write(vt, "\x1b[?1047l", 8);

    readScreen(screen, m_cols, m_rows, m_screen, m_defaultFg, m_defaultBg, m_mainCells);
    m_mainContinued.resize(m_rows);
    VTermState *state = vterm_obtain_state(vt);
    for (int r = 0; r < m_rows; ++r) {
        const VTermLineInfo *info = vterm_state_get_lineinfo(state, r);
        m_mainContinued[r] = info && info->continuation;
    }
    m_mainScreenReverse = false;
    vterm_free(vt);
}

// --- Reading -----------------------------------------------------------------------------------
ScreenCell Terminal::cell(int row, int col) const
{
    ScreenCell out;
    if (row < 0 || row >= m_rows || col < 0 || col >= m_cols)
        return out;
    VTermScreenCell vc;
    std::memset(&vc, 0, sizeof vc);
    if (!vterm_screen_get_cell(m_screen, VTermPos{row, col}, &vc))
        return out;
    if (vc.chars[0] == kRightHalf) {
        const ScreenCell left = col > 0 ? cell(row, col - 1) : ScreenCell();
        toScreenCell(out, vc, true, &left, m_screen, m_defaultFg, m_defaultBg);
        return out;
    }
    toScreenCell(out, vc, false, nullptr, m_screen, m_defaultFg, m_defaultBg);
    return out;
}

// Only what a text reader needs from a libvterm cell.
static void copyChars(ScreenCell &out, const VTermScreenCell &c, bool rightHalf)
{
    out = ScreenCell();
    if (rightHalf) {
        out.width = 0;
        return;
    }
    for (int i = 0; i < VTERM_MAX_CHARS_PER_CELL && c.chars[i]; ++i)
        out.chars[size_t(i)] = char32_t(c.chars[i]);
    out.width = c.width == 2 ? 2 : 1;
}

void Terminal::readRowChars(int row, QList<ScreenCell> &out) const
{
    out.resize(m_cols);
    VTermScreenCell vc;
    for (int col = 0; col < m_cols; ++col) {
        std::memset(&vc, 0, sizeof vc);
        if (row < 0 || row >= m_rows || !vterm_screen_get_cell(m_screen, VTermPos{row, col}, &vc)) {
            out[col] = ScreenCell();
            continue;
        }
        copyChars(out[col], vc, vc.chars[0] == kRightHalf);
    }
}

void Terminal::readScrollbackChars(int index, QList<ScreenCell> &out) const
{
    if (index < 0 || index >= m_scrollback.size()) {
        out.clear();
        return;
    }
    const ScrollbackBuffer::Line &line = m_scrollback.at(index);
    const int cols = int(line[0] & 0xffff);
    out.resize(cols);
    const VTermColor none{};
    unpackLine<false>(line, none, none, cols,
                      [&](int col, const VTermScreenCell &c, bool rightHalf) { copyChars(out[col], c, rightHalf); });
}

bool Terminal::isLineContinued(int row) const
{
    if (row < 0 || row >= m_rows)
        return false;
    const VTermLineInfo *info = vterm_state_get_lineinfo(m_state, row);
    return info && info->continuation;
}

QList<ScreenCell> Terminal::currentCells() const
{
    QList<ScreenCell> cells;
    readScreen(m_screen, m_cols, m_rows, m_screen, m_defaultFg, m_defaultBg, cells);
    return cells;
}

QList<bool> Terminal::currentContinuation() const
{
    QList<bool> out(m_rows, false);
    for (int r = 0; r < m_rows; ++r)
        out[r] = isLineContinued(r);
    return out;
}

TerminalCursor Terminal::cursor() const
{
    VTermPos pos;
    vterm_state_get_cursorpos(m_state, &pos);
    TerminalCursor c = m_cursorLook;
    c.row = qBound(0, pos.row, m_rows - 1);
    c.col = qBound(0, pos.col, m_cols - 1);
    return c;
}

ScreenCell Terminal::currentPen() const
{
    ScreenCell pen;
    VTermValue v;
    vterm_state_get_penattr(m_state, VTERM_ATTR_BOLD, &v);
    pen.bold = v.boolean;
    vterm_state_get_penattr(m_state, VTERM_ATTR_UNDERLINE, &v);
    pen.underline = ScreenCell::Underline(qBound(0, v.number, 3));
    vterm_state_get_penattr(m_state, VTERM_ATTR_ITALIC, &v);
    pen.italic = v.boolean;
    vterm_state_get_penattr(m_state, VTERM_ATTR_BLINK, &v);
    pen.blink = v.boolean;
    vterm_state_get_penattr(m_state, VTERM_ATTR_REVERSE, &v);
    pen.reverse = v.boolean;
    vterm_state_get_penattr(m_state, VTERM_ATTR_CONCEAL, &v);
    pen.conceal = v.boolean;
    vterm_state_get_penattr(m_state, VTERM_ATTR_STRIKE, &v);
    pen.strike = v.boolean;
    vterm_state_get_penattr(m_state, VTERM_ATTR_FONT, &v);
    pen.font = quint8(qBound(0, v.number, 9));
    vterm_state_get_penattr(m_state, VTERM_ATTR_SMALL, &v);
    const int small = v.boolean;
    vterm_state_get_penattr(m_state, VTERM_ATTR_BASELINE, &v);
    pen.baseline = toBaseline(unsigned(small), unsigned(v.number));
    vterm_state_get_penattr(m_state, VTERM_ATTR_FOREGROUND, &v);
    pen.fg = toColor(v.color, true, m_screen, m_defaultFg);
    vterm_state_get_penattr(m_state, VTERM_ATTR_BACKGROUND, &v);
    pen.bg = toColor(v.color, false, m_screen, m_defaultBg);
    return pen;
}

// --- Scrollback --------------------------------------------------------------------------------
void Terminal::setScrollbackLimit(int lines)
{
    const int before = m_scrollback.size();
    m_scrollback.setLimit(lines);
    if (m_scrollback.size() != before)
        Q_EMIT scrollbackChanged();
}

bool Terminal::isScrollbackLineContinued(int index) const
{
    return index >= 0 && index < m_scrollback.size() && m_scrollback.isContinued(index);
}

QList<ScreenCell> Terminal::scrollbackLine(int index) const
{
    QList<ScreenCell> out;
    if (index < 0 || index >= m_scrollback.size())
        return out;
    const ScrollbackBuffer::Line &line = m_scrollback.at(index);
    const int cols = int(line[0] & 0xffff);
    out.resize(cols);
    VTermColor fg, bg;
    vterm_state_get_default_colors(m_state, &fg, &bg);
    unpackLine(line, fg, bg, cols, [&](int col, const VTermScreenCell &c, bool rightHalf) {
        toScreenCell(out[col], c, rightHalf, col > 0 ? &out[col - 1] : nullptr, m_screen, m_defaultFg, m_defaultBg);
    });
    return out;
}

// --- Colours -------------------------------------------------------------------------------------
void Terminal::setPalette(const QList<quint32> &colors)
{
    for (int i = 0; i < qMin<int>(16, int(colors.size())); ++i) {
        VTermColor c;
        vterm_color_rgb(&c, quint8(colors[i] >> 16), quint8(colors[i] >> 8), quint8(colors[i]));
        vterm_state_set_palette_color(m_state, i, &c);
    }
    addDamage(0, m_rows, 0, m_cols);
    finishUpdate();
}

void Terminal::setDefaultColors(quint32 fg, quint32 bg)
{
    m_defaultFg = fg & 0xffffff;
    m_defaultBg = bg & 0xffffff;
    VTermColor f, b;
    vterm_color_rgb(&f, quint8(fg >> 16), quint8(fg >> 8), quint8(fg));
    vterm_color_rgb(&b, quint8(bg >> 16), quint8(bg >> 8), quint8(bg));
    vterm_screen_set_default_colors(m_screen, &f, &b);
    addDamage(0, m_rows, 0, m_cols);
    finishUpdate();
}

// --- Input -------------------------------------------------------------------------------------
namespace {
VTermModifier toVterm(Terminal::Modifiers m)
{
    return VTermModifier(int(m.toInt()) & VTERM_ALL_MODS_MASK);
}

VTermKey toVterm(Terminal::Key key)
{
    using K = Terminal::Key;
    switch (key) {
    case K::Enter: return VTERM_KEY_ENTER;
    case K::Tab: return VTERM_KEY_TAB;
    case K::Backspace: return VTERM_KEY_BACKSPACE;
    case K::Escape: return VTERM_KEY_ESCAPE;
    case K::Up: return VTERM_KEY_UP;
    case K::Down: return VTERM_KEY_DOWN;
    case K::Left: return VTERM_KEY_LEFT;
    case K::Right: return VTERM_KEY_RIGHT;
    case K::Insert: return VTERM_KEY_INS;
    case K::Delete: return VTERM_KEY_DEL;
    case K::Home: return VTERM_KEY_HOME;
    case K::End: return VTERM_KEY_END;
    case K::PageUp: return VTERM_KEY_PAGEUP;
    case K::PageDown: return VTERM_KEY_PAGEDOWN;
    case K::KpMultiply: return VTERM_KEY_KP_MULT;
    case K::KpPlus: return VTERM_KEY_KP_PLUS;
    case K::KpComma: return VTERM_KEY_KP_COMMA;
    case K::KpMinus: return VTERM_KEY_KP_MINUS;
    case K::KpPeriod: return VTERM_KEY_KP_PERIOD;
    case K::KpDivide: return VTERM_KEY_KP_DIVIDE;
    case K::KpEnter: return VTERM_KEY_KP_ENTER;
    case K::KpEqual: return VTERM_KEY_KP_EQUAL;
    default:
        break;
    }
    if (key >= K::F1 && key <= K::F12)
        return VTermKey(VTERM_KEY_FUNCTION(1 + int(key) - int(K::F1)));
    if (key >= K::Kp0 && key <= K::Kp9)
        return VTermKey(VTERM_KEY_KP_0 + (int(key) - int(K::Kp0)));
    return VTERM_KEY_NONE;
}
} // namespace

void Terminal::sendKey(Key key, Modifiers modifiers)
{
    vterm_keyboard_key(m_vt, toVterm(key), toVterm(modifiers));
    flushOutput();
}

void Terminal::sendChar(char32_t ch, Modifiers modifiers)
{
    vterm_keyboard_unichar(m_vt, uint32_t(ch), toVterm(modifiers));
    flushOutput();
}

void Terminal::sendMouseMove(int row, int col, Modifiers modifiers)
{
    vterm_mouse_move(m_vt, qBound(0, row, m_rows - 1), qBound(0, col, m_cols - 1), toVterm(modifiers));
    flushOutput();
}

void Terminal::sendMouseButton(MouseButton button, bool pressed, Modifiers modifiers)
{
    vterm_mouse_button(m_vt, int(button), pressed, toVterm(modifiers));
    flushOutput();
}

void Terminal::startPaste()
{
    vterm_keyboard_start_paste(m_vt);
    flushOutput();
}

void Terminal::endPaste()
{
    vterm_keyboard_end_paste(m_vt);
    flushOutput();
}

void Terminal::sendPaste(const QString &text)
{
    // Line breaks go as CR, as typed; the bracket markers themselves are taken out of the
    // text so it cannot end the bracket early.
    QByteArray bytes = text.toUtf8();
    bytes.replace("\r\n", "\r");
    bytes.replace('\n', '\r');
    bytes.replace("\x1b[200~", "");
    bytes.replace("\x1b[201~", "");
    vterm_keyboard_start_paste(m_vt);
    m_output += bytes;
    vterm_keyboard_end_paste(m_vt);
    flushOutput();
}

void Terminal::sendFocus(bool focused)
{
    if (focused)
        vterm_state_focus_in(m_state);
    else
        vterm_state_focus_out(m_state);
    flushOutput();
}

bool Terminal::bracketedPaste() const
{
    return probe().dec.value(2004);
}

// --- Modes: asked from libvterm itself --------------------------------------------------------------
Terminal::Probe Terminal::probe(bool knownAtGround) const
{
    // libvterm keeps most modes private but answers DECRQM and DECRQSS like a real terminal:
    // ask it, with its replies kept away from outputRequested(). A sequence the parser is
    // in the middle of is cancelled first (CAN) and fed again afterwards.
    Probe p;
    QByteArray pending;
    const bool atGround = knownAtGround || m_tracker.parserAtGround();
    if (!atGround && !m_tracker.pendingSequence(pending))
        return p;
    m_probing = true;
    m_probeReply.clear();
    if (!atGround)
        vterm_input_write(m_vt, "\x18", 1);
    vterm_input_write(m_vt, kProbeQueries, sizeof kProbeQueries - 1);
    // DECKPAM has no query: the keypad's 0 says it (ESC O p in application mode).
    vterm_keyboard_key(m_vt, VTERM_KEY_KP_0, VTERM_MOD_NONE);
    if (!atGround)
        vterm_input_write(m_vt, pending.constData(), size_t(pending.size()));
    m_probing = false;

    QByteArray reply = std::exchange(m_probeReply, {});
    p.eightBit = reply.contains('\x9b');
    if (p.eightBit) {
        reply.replace("\x9b", "\x1b[");
        reply.replace("\x90", "\x1bP");
        reply.replace("\x9c", "\x1b\\");
        reply.replace("\x8f", "\x1bO");
    }
    p.keypad = reply.endsWith("\x1bOp");
    p.bottom = m_rows;
    p.right = m_cols;
    // DECRQM replies: CSI ? Pd ; Ps $ y (Ps 1 set, 2 reset).
    for (qsizetype i = reply.indexOf("\x1b[?"); i >= 0; i = reply.indexOf("\x1b[?", i + 1)) {
        const qsizetype semi = reply.indexOf(';', i);
        const qsizetype end = reply.indexOf("$y", i);
        if (semi < 0 || end < 0 || semi > end)
            continue;
        const int mode = reply.mid(i + 3, semi - i - 3).toInt();
        const int value = reply.mid(semi + 1, end - semi - 1).toInt();
        p.dec.insert(mode, value == 1);
    }
    // DECRQSS replies: DCS 1 $ r Pt ST.
    for (qsizetype i = reply.indexOf("\x1bP1$r"); i >= 0; i = reply.indexOf("\x1bP1$r", i + 1)) {
        const qsizetype end = reply.indexOf("\x1b\\", i);
        if (end < 0)
            continue;
        const QByteArray body = reply.mid(i + 5, end - i - 5);
        if (body.endsWith("\"q")) {
            p.protectedPen = body.startsWith('1');
            continue;
        }
        const QList<QByteArray> parts = body.chopped(1).split(';');
        if (parts.size() != 2)
            continue;
        if (body.endsWith('r')) {
            p.top = parts[0].toInt() - 1;
            p.bottom = parts[1].toInt();
        } else if (body.endsWith('s')) {
            p.left = parts[0].toInt() - 1;
            p.right = parts[1].toInt();
        }
    }
    p.ok = p.dec.size() >= 12;
    return p;
}

TerminalModes Terminal::modes() const
{
    const Probe p = probe();
    TerminalModes m;
    if (p.ok) {
        m.appCursorKeys = p.dec.value(1);
        m.originMode = p.dec.value(6);
        m.autowrap = p.dec.value(7);
        m.leftRightMarginMode = p.dec.value(69);
        m.focusReporting = p.dec.value(1004);
        m.bracketedPaste = p.dec.value(2004);
        m.mouseMode = p.dec.value(1003)   ? TerminalModes::MouseMode::Move
                    : p.dec.value(1002)   ? TerminalModes::MouseMode::Drag
                    : p.dec.value(1000)   ? TerminalModes::MouseMode::Click
                                          : TerminalModes::MouseMode::None;
        m.mouseProtocol = p.dec.value(1006)   ? TerminalModes::MouseProtocol::Sgr
                        : p.dec.value(1005)   ? TerminalModes::MouseProtocol::Utf8
                        : p.dec.value(1015)   ? TerminalModes::MouseProtocol::Rxvt
                                              : TerminalModes::MouseProtocol::X10;
        m.protectedPen = p.protectedPen;
        m.appKeypad = p.keypad;
        m.eightBitControls = p.eightBit;
    } else {
        m.autowrap = m_tracker.autowrap();
        m.mouseMode = m_mouseMode;
        m.eightBitControls = m_tracker.eightBitControls();
    }
    m.scrollTop = p.ok ? p.top : 0;
    m.scrollBottom = p.ok ? p.bottom : m_rows;
    m.scrollLeft = p.ok ? p.left : 0;
    m.scrollRight = p.ok ? p.right : m_cols;
    m.reverseVideo = m_screenReverse;
    m.insertMode = m_tracker.insertMode();
    m.newlineMode = m_tracker.newlineMode();
    m.charsets = m_tracker.charsets();
    m.glSet = m_tracker.glSet();
    m.singleShift = m_tracker.singleShift();
    m.pen = currentPen();
    m.savedCursorValid = m_savedValid;
    if (m_savedValid) {
        m.savedCursor = m_savedCursor;
        m.savedPen = m_savedPen;
    }
    m.pendingWrap = m_deferredWrap;
    m.lastGlyphWidth = m_lastGlyph.width;
    if (m_lastGlyph.width > 0)
        m.lastGlyph = m_lastGlyph.chars;
    const TerminalCursor c = cursor();
    m.combinesAtCursor = c.row == m_lastGlyph.row && c.col == m_lastGlyph.col + m_lastGlyph.width;
    return m;
}

TerminalSnapshot Terminal::snapshot() const
{
    TerminalSnapshot s;
    s.cols = m_cols;
    s.rows = m_rows;
    s.cells = currentCells();
    s.lineContinued = currentContinuation();
    s.cursor = cursor();
    s.altScreen = m_altScreen;
    s.title = m_title;
    s.modes = modes();
    return s;
}

// --- State preamble ---------------------------------------------------------------------------------
Terminal::GlyphRestore Terminal::writeLastGlyph(PreambleWriter &w, QByteArray &out, bool deferredWrap,
                                                const TerminalModes &m) const
{
    // Writes the last character again, as the preamble's last character, so the receiver
    // repeats it for REP, adds a combining character to it where the cursor is right behind
    // it, and, with `deferredWrap`, wraps before the next character.
    const LastGlyph &g = m_lastGlyph;
    if (g.width == 0 && g.chars[0] == 0 && !w.wroteGlyph())
        return GlyphRestore::None; // nothing written on either side
    ScreenCell glyph;
    glyph.chars = g.chars;
    if (glyph.chars[0] == 0)
        glyph.chars[0] = 0x301; // "nothing written": a zero-width character stands in
    const int span = qMax(1, g.width);
    const TerminalCursor cur = cursor();
    const bool mustBeInPlace = deferredWrap || (cur.row == g.row && cur.col == g.col + g.width);
    const bool fits = g.row >= 0 && g.row < m_rows && g.col >= 0 && g.col + span <= m_cols;
    const QList<ScreenCell> cells = currentCells();
    auto at = [&](int r, int c) -> const ScreenCell & { return cells.at(qsizetype(r) * m_cols + c); };
    auto blankSpan = [&](int r, int c) {
        if (r < 0 || r >= m_rows || c < 0 || c + span > m_cols)
            return false;
        for (int k = 0; k < span; ++k) {
            const ScreenCell &x = at(r, c + k);
            if (!x.isBlank() || x.width != 1 || x.fg != at(r, c).fg || x.bg != at(r, c).bg)
                return false;
        }
        return true;
    };
    // DCH (which keeps the next row's continuation flag) works inside the margins only; they
    // are still the whole screen unless this is the deferred-wrap case.
    auto keepWrapFlagsAt = [&](int r, int c) {
        if (!deferredWrap)
            return true;
        const int left = m.leftRightMarginMode ? m.scrollLeft : 0;
        const int right = m.leftRightMarginMode ? m.scrollRight : m_cols;
        return r >= m.scrollTop && r < m.scrollBottom && c >= left && c < right && right == m_cols;
    };
    // Writes it at (r, c) of the current screen; a blank cell is blanked again afterwards
    // (ECH and DCH keep the deferred wrap).
    auto write = [&](int r, int c, bool keepCursor) {
        ScreenCell now = at(r, c);
        if (m_screenReverse)
            now.reverse = !now.reverse;
        if (now.chars == glyph.chars) {
            w.writeGlyphAlone(r, c, now);
            return;
        }
        ScreenCell shown = now;
        shown.chars = glyph.chars;
        w.writeGlyphAlone(r, c, shown);
        if (!keepCursor)
            w.moveTo(r, c);
        w.erase(span, now.fg, now.bg, keepWrapFlagsAt(r, c));
    };

    // A deferred wrap left by REP: the cursor may be behind its last copy, and what it
    // repeats was written elsewhere. One REP from where its last copy went does the same.
    const bool repWrap = deferredWrap && m_repWrapCol >= 0 && g.width >= 1;
    auto repeat = [&](bool cellsMatter) {
        const int r = m_repWrapRow;
        const int c = m_repWrapCol;
        if (r < 0 || r >= m_rows || c < 0 || c + g.width > m_cols || (g.width == 2 && c == m_cols - 1))
            return false;
        ScreenCell copy = at(r, c);
        if (cellsMatter && copy.chars != glyph.chars)
            return false;
        if (m_screenReverse)
            copy.reverse = !copy.reverse;
        w.moveTo(r, c);
        w.setPen(copy);
        out += "\x1b[b"; // REP 1
        w.assumeCursor(cur.row, cur.col, true);
        return true;
    };
    // 1. Where it was, if that cell still shows it (not with its right half overwritten) or
    //    is blank.
    if (fits && (at(g.row, g.col).chars == glyph.chars ? !(at(g.row, g.col).width == 1 && g.width == 2)
                                                        : blankSpan(g.row, g.col))) {
        if (!repWrap) {
            write(g.row, g.col, deferredWrap);
            return GlyphRestore::InPlace;
        }
        const PreambleWriter::Mark mark = w.mark();
        write(g.row, g.col, false);
        if (repeat(true))
            return GlyphRestore::InPlace;
        w.rollBack(mark);
    }
    // 2. Where it was, on the alternate screen nobody sees (when the main one shows): what
    //    happened when it was written there before ?1047l, or when the cell changed since.
    if (fits && !m_altScreen) {
        out += "\x1b[?1047h"; // erases the alternate screen; keeps cursor and deferred wrap
        w.writeGlyphAlone(g.row, g.col, glyph);
        const bool ok = !repWrap || repeat(false);
        out += "\x1b[?1047l";
        return ok ? GlyphRestore::InPlace : GlyphRestore::Elsewhere;
    }
    // 3. Elsewhere in a blank cell (inside the margins once they are set, origin mode may be
    //    on): REP repeats the right character at least.
    const int top = deferredWrap ? m.scrollTop : 0;
    const int bottom = deferredWrap ? m.scrollBottom : m_rows;
    const int left = deferredWrap && m.leftRightMarginMode ? m.scrollLeft : 0;
    const int right = deferredWrap && m.leftRightMarginMode ? m.scrollRight : m_cols;
    for (int r = bottom - 1; r >= top; --r) {
        for (int c = right - span; c >= left; --c) {
            if (blankSpan(r, c) && !(cur.row == r && cur.col == c + g.width)) {
                write(r, c, false);
                return mustBeInPlace ? GlyphRestore::Elsewhere : GlyphRestore::InPlace;
            }
        }
    }
    return GlyphRestore::None;
}

QByteArray Terminal::statePreamble() const
{
    const TerminalModes m = modes();
    QByteArray out;
    PreambleWriter w(out, m_cols, m_rows, *m_metrics);

    // Title and icon name (OSC 0/1/2, xterm ctlseqs).
    if (!m_titleBytes.isEmpty() && m_titleBytes == m_iconBytes) {
        appendOsc(out, 0, m_titleBytes);
    } else {
        if (!m_iconBytes.isEmpty())
            appendOsc(out, 1, m_iconBytes);
        if (!m_titleBytes.isEmpty())
            appendOsc(out, 2, m_titleBytes);
    }

    // Cells: on the alternate screen, the main screen first, then the switch.
    if (!m_altScreen && m_altTopRowContinued) {
        out += "\x1b[?1047h";
        w.setTopRowContinued();
        out += "\x1b[?1047l";
    }
    if (m_altScreen) {
        if (m_mainValid)
            w.drawScreen(m_mainCells, m_mainContinued, m_mainScreenReverse);
        w.resetPen(); // the switch erases with the pen's colours
        out += m_savedValid ? "\x1b[?1049h" : "\x1b[?1047h";
        w.forgetCursor();
    }
    w.drawScreen(currentCells(), currentContinuation(), m_screenReverse);

    // DECSC slot: position, cursor look and pen as saved (ESC 7 saves them all).
    TerminalCursor look; // the receiver's cursor look so far (power-on)
    if (m_savedValid) {
        w.moveTo(qBound(0, m_savedCursor.row, m_rows - 1), qBound(0, m_savedCursor.col, m_cols - 1));
        appendCursorLook(out, look, m_savedCursor);
        w.setPen(m_savedPen);
        out += "\x1b" "7";
    }

    const TerminalCursor cur = cursor();
    const bool wrapAtCursor = m.pendingWrap && m.autowrap
        && (m_repWrapCol >= 0 || (cur.row == m_lastGlyph.row && cur.col == m_lastGlyph.col));
    if (!wrapAtCursor)
        writeLastGlyph(w, out, false, m);

    // Margins (DECSTBM, DECSLRM and DECLRMM home the cursor), then origin mode and autowrap.
    if (m.scrollTop != 0 || m.scrollBottom != m_rows) {
        appendCsi(out, QByteArray(QByteArray::number(m.scrollTop + 1) + ';' + QByteArray::number(m.scrollBottom) + 'r'));
        w.forgetCursor();
    }
    if (m.leftRightMarginMode) {
        appendDecMode(out, 69, true);
        if (m.scrollLeft != 0 || m.scrollRight != m_cols)
            appendCsi(out, QByteArray(QByteArray::number(m.scrollLeft + 1) + ';' + QByteArray::number(m.scrollRight) + 's'));
        w.forgetCursor();
    }
    if (m.originMode) {
        appendDecMode(out, 6, true);
        w.setOrigin(m.scrollTop, m.leftRightMarginMode ? m.scrollLeft : 0);
        w.forgetCursor();
    }
    if (!m.autowrap)
        appendDecMode(out, 7, false);

    // The cursor: on a deferred wrap the last character is written again to get there.
    if (!(wrapAtCursor && writeLastGlyph(w, out, true, m) == GlyphRestore::InPlace && w.deferredWrap()))
        w.moveTo(cur.row, cur.col);
    appendCursorLook(out, look, cur);

    // Pen and the modes that do not move the cursor.
    w.setPen(m.pen);
    if (m.protectedPen)
        appendCsi(out, "1\"q"); // DECSCA
    if (m.insertMode)
        appendCsi(out, "4h");
    if (m.newlineMode)
        appendCsi(out, "20h");
    for (int g = 0; g < 4; ++g) {
        if (m.charsets[size_t(g)]) {
            out += '\x1b';
            out += char('(' + g);
            out += m.charsets[size_t(g)];
        }
    }
    if (m.glSet == 1)
        out += '\x0e'; // SO
    else if (m.glSet == 2)
        out += "\x1bn"; // LS2
    else if (m.glSet == 3)
        out += "\x1bo"; // LS3
    if (m.appCursorKeys)
        appendDecMode(out, 1, true);
    if (m.appKeypad)
        out += "\x1b=";
    if (m.reverseVideo)
        appendDecMode(out, 5, true);
    switch (m.mouseMode) {
    case TerminalModes::MouseMode::Click: appendDecMode(out, 1000, true); break;
    case TerminalModes::MouseMode::Drag: appendDecMode(out, 1002, true); break;
    case TerminalModes::MouseMode::Move: appendDecMode(out, 1003, true); break;
    case TerminalModes::MouseMode::None: break;
    }
    switch (m.mouseProtocol) {
    case TerminalModes::MouseProtocol::Utf8: appendDecMode(out, 1005, true); break;
    case TerminalModes::MouseProtocol::Sgr: appendDecMode(out, 1006, true); break;
    case TerminalModes::MouseProtocol::Rxvt: appendDecMode(out, 1015, true); break;
    case TerminalModes::MouseProtocol::X10: break;
    }
    if (m.focusReporting)
        appendDecMode(out, 1004, true);
    if (m.bracketedPaste)
        appendDecMode(out, 2004, true);
    if (m.eightBitControls)
        out += "\x1b G"; // S8C1T
    if (m.singleShift == 2)
        out += "\x1bN"; // SS2
    else if (m.singleShift == 3)
        out += "\x1bO"; // SS3

    // Where the stream stopped: an incomplete character, an unfinished sequence.
    out += m_tracker.heldBytes();
    QByteArray pending;
    if (m_tracker.pendingSequence(pending))
        out += pending;
    return out;
}
