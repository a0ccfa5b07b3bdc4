// TerminalPainter: draws a Terminal's cells with QPainter: backgrounds, text with its
// attributes, box drawing, selection, cursor. No widget needed: TerminalView paints with it,
// and so can `castdeck render --png` and the benchmarks, into a QImage.
//
// Data flow: Terminal (cells, scrollback, cursor) + ColorScheme + TerminalSelection ->
// TerminalPainter -> QPainter (a widget's viewport or a QImage). Used on the GUI thread (or
// any thread that paints on a QImage and owns the Terminal).
//
// How it draws a row: it reads the row's cells once, resolves each cell's colours (default
// and 16-colour cells through the ColorScheme, reverse, selection, block cursor), fills the
// background in runs of one colour, then draws text in runs: consecutive cells with the same
// colour and style whose characters the font has go out as one QGlyphRun with one glyph per
// cell, placed exactly on the cell grid. Wide characters, emoji, characters the font lacks
// and combining sequences go through GlyphCache's fallback layout, centred on their cells
// (scaled down when the fallback glyph is larger than the cells). Box-drawing and block
// characters are geometry (BoxDrawing). Then underlines, strike-through and the cursor.
#pragma once

#include "CellMetrics.h"
#include "ColorScheme.h"
#include "GlyphCache.h"
#include "GlyphMasks.h"
#include "terminal/ScreenCell.h"
#include "terminal/TerminalSnapshot.h"

#include <QFont>
#include <QGlyphRun>
#include <QImage>
#include <QList>
#include <QRect>
#include <QVarLengthArray>

#include <vector>

class QPainter;
class Terminal;
class TerminalSelection;

class TerminalPainter
{
public:
    // What is drawn besides the cells.
    struct Frame {
        int scrollOffset = 0;                        // lines scrolled back into the scrollback
        const TerminalSelection *selection = nullptr;
        bool cursorShown = true;  // false in the cursor blink's off phase, or to draw no cursor
        bool focused = true;      // false: a block cursor is drawn hollow
        bool blinkShown = true;   // false: blinking text is in its off phase
        bool flash = false;       // visual bell: colours inverted
    };

    // The system fixed font (QFontDatabase::FixedFont), with the settings a terminal needs.
    static QFont defaultFont();

    TerminalPainter();
    explicit TerminalPainter(const QFont &font, qreal devicePixelRatio = 1);

    // Recomputes the cell metrics for `font` at `devicePixelRatio`.
    void setFont(const QFont &font, qreal devicePixelRatio = 1);
    QFont font() const { return m_font; }
    const CellMetrics &metrics() const { return m_metrics; }
    void setColorScheme(const ColorScheme &scheme) { m_scheme = scheme; }
    const ColorScheme &colorScheme() const { return m_scheme; }

    // Paints what of `t` lies inside `rect` (logical pixels; the grid's top left cell at
    // 0,0), the area right of and below the grid in the scheme's background. Returns true when
    // blinking text is in `rect` (so a view keeps its blink timer running).
    bool paint(QPainter &p, const Terminal &t, const QRect &rect, const Frame &frame);
    bool paint(QPainter &p, const Terminal &t, const QRect &rect) { return paint(p, t, rect, Frame()); }

    // The whole screen, cols x rows cells, as an ARGB32_Premultiplied image of
    // cols * metrics.deviceWidth() by rows * metrics.deviceHeight() device pixels with
    // devicePixelRatio `dpr`.
    static QImage render(const Terminal &t, const ColorScheme &scheme, const QFont &font, qreal dpr,
                         const Frame &frame);
    static QImage render(const Terminal &t, const ColorScheme &scheme, const QFont &font, qreal dpr = 1)
    {
        return render(t, scheme, font, dpr, Frame());
    }

    // Cells whose text the last paint() put straight into a QImage (GlyphMasks) rather than
    // through QPainter: for tests and benchmarks.
    int directCells() const { return m_directCells; }

private:
    struct Row;
    bool paintRow(QPainter &p, const Row &row, const Frame &frame);
    void drawCell(QPainter &p, const ScreenCell &cell, int col, int yDev, QRgb fg);
    void drawShaped(QPainter &p, const ScreenCell &cell, int col, int yDev, QRgb fg, int style);
    void drawDecorations(QPainter &p, const ScreenCell &cell, int col, int yDev, QRgb fg);
    void drawCursor(QPainter &p, const Row &row, const Frame &frame);
    void addGlyph(QPainter &p, QRgb color, const QRawFont &font, quint32 glyph, QPointF position);
    void flushGlyphs(QPainter &p);
    void fillDevice(QPainter &p, int x, int y, int w, int h, QRgb rgb) const;
    // Sets m_target when `p` paints on a QImage that glyphs can be blended into directly.
    void findDirectTarget(QPainter &p);
    // `mask` in `fg` onto the cell at device pixel (xDev, yDev) of m_target; false when it
    // cannot (the caller paints the cell with QPainter).
    bool blendMask(const GlyphMasks::Mask &mask, int xDev, int yDev, QRgb fg);

    QRgb foregroundOf(const ScreenCell &c) const
    {
        if (c.fg.kind == ScreenCell::Color::Kind::Default)
            return m_scheme.foreground();
        if (c.fg.kind == ScreenCell::Color::Kind::Indexed && c.fg.index < ColorScheme::kPaletteSize)
            return m_scheme.paletteColor(c.fg.index);
        return c.fg.rgb;
    }
    QRgb backgroundOf(const ScreenCell &c) const
    {
        if (c.bg.kind == ScreenCell::Color::Kind::Default)
            return m_scheme.background();
        if (c.bg.kind == ScreenCell::Color::Kind::Indexed && c.bg.index < ColorScheme::kPaletteSize)
            return m_scheme.paletteColor(c.bg.index);
        return c.bg.rgb;
    }

    QFont m_font;
    CellMetrics m_metrics;
    ColorScheme m_scheme;
    GlyphCache m_glyphs;
    GlyphMasks m_masks;
    qreal m_glyphOffset = 0; // centres the font's advance in the cell (logical pixels)
    TerminalCursor::Shape m_cursorShape = TerminalCursor::Shape::Block; // of the frame being painted

    // Scratch, kept to avoid allocations per frame.
    QList<ScreenCell> m_cells;
    QList<QRgb> m_fg;
    QList<QRgb> m_bg;
    QGlyphRun m_run;
    // The glyphs of the row being painted, grouped by colour and font: one QGlyphRun (one
    // call into the paint engine) per group, however the colours alternate along the row.
    struct GlyphGroup {
        QRgb color = 0;
        QRawFont font;
        QVarLengthArray<quint32, 256> glyphs;
        QVarLengthArray<QPointF, 256> positions;
    };
    static constexpr int kMaxGroups = 32;
    std::vector<GlyphGroup> m_groups = std::vector<GlyphGroup>(kMaxGroups);
    int m_groupCount = 0;
    int m_lastGroup = 0;

    // The image being painted, at the grid's top left pixel, when glyphs can go straight into
    // it (RGB32 or ARGB32_Premultiplied, no clip, no transform but the device pixel ratio and a
    // whole-pixel offset, plain source-over); null otherwise.
    uchar *m_target = nullptr;
    qsizetype m_targetBpl = 0;
    int m_targetWidth = 0;  // device pixels right of and below the grid's top left
    int m_targetHeight = 0;
    int m_directCells = 0;
};
