#include "BoxDrawing.h"

#include "CellMetrics.h"

#include <QPainter>
#include <QPainterPath>
#include <QVarLengthArray>

#include <array>

namespace {
// Arm weights of U+2500-U+257F, one string of four per character in the order up, right,
// down, left: 0 none, 1 light, 2 heavy, 3 double. "-" marks the ones drawn otherwise (dashes,
// arcs, diagonals). From the Unicode character names (e.g. U+2521 "down light and right up
// heavy" = up 2, right 2, down 1, left 0).
constexpr const char *kArms[0x80] = {
    "0101", "0202", "1010", "2020", "-", "-", "-", "-", "-", "-", "-", "-", "0110", "0210", "0120", "0220", // 2500
    "0011", "0012", "0021", "0022", "1100", "1200", "2100", "2200", "1001", "1002", "2001", "2002", "1110", "1210", "2110", "1120", // 2510
    "2120", "2210", "1220", "2220", "1011", "1012", "2011", "1021", "2021", "2012", "1022", "2022", "0111", "0112", "0211", "0212", // 2520
    "0121", "0122", "0221", "0222", "1101", "1102", "1201", "1202", "2101", "2102", "2201", "2202", "1111", "1112", "1211", "1212", // 2530
    "2111", "1121", "2121", "2112", "2211", "1122", "1221", "2212", "1222", "2122", "2221", "2222", "-", "-", "-", "-", // 2540
    "0303", "3030", "0310", "0130", "0330", "0013", "0031", "0033", "1300", "3100", "3300", "1003", "3001", "3003", "1310", "3130", // 2550
    "3330", "1013", "3031", "3033", "0313", "0131", "0333", "1303", "3101", "3303", "1313", "3131", "3333", "-", "-", "-", // 2560
    "-", "-", "-", "-", "0001", "1000", "0100", "0010", "0002", "2000", "0200", "0020", "0201", "1020", "0102", "2010", // 2570
};

enum Dir { Up, Right, Down, Left };

class Geometry
{
public:
    Geometry(QPainter &p, QPoint origin, const CellMetrics &m, const QColor &color)
        : m_p(p)
        , m_origin(origin)
        , m_dpr(m.devicePixelRatio())
        , m_w(m.deviceWidth())
        , m_h(m.deviceHeight())
        , m_light(m.lightLine())
        , m_heavy(m.heavyLine())
        , m_color(color)
    {
        // Double lines: two light strokes whose centres are one light width away from the
        // cell's centre line each, so a one-stroke gap stays between them.
        m_double = m_light;
    }

    // A rectangle in device pixels relative to the cell.
    void fill(int x, int y, int w, int h) const
    {
        if (w <= 0 || h <= 0)
            return;
        m_p.fillRect(QRectF((m_origin.x() + x) / m_dpr, (m_origin.y() + y) / m_dpr, w / m_dpr, h / m_dpr), m_color);
    }
    void fillAlpha(int x, int y, int w, int h, int alpha) const
    {
        QColor c = m_color;
        c.setAlpha(alpha);
        m_p.fillRect(QRectF((m_origin.x() + x) / m_dpr, (m_origin.y() + y) / m_dpr, w / m_dpr, h / m_dpr), c);
    }

    int thickness(int weight) const { return weight == 2 ? m_heavy : m_light; }
    // Lowest and highest edge (exclusive) across an axis centred at `c` of what an arm of
    // `weight` occupies.
    int lowEdge(int c, int weight) const
    {
        return weight == 3 ? c - m_double - m_light / 2 : c - thickness(weight) / 2;
    }
    int highEdge(int c, int weight) const
    {
        return weight == 3 ? c + m_double - m_light / 2 + m_light : c - thickness(weight) / 2 + thickness(weight);
    }

    // Draws the four arms.
    void lines(const std::array<int, 4> &arm) const
    {
        const int cx = m_w / 2;
        const int cy = m_h / 2;
        // A light or heavy line straight through (─ │ ┼ ├ ┬...): one rectangle instead of two
        // arms, the same pixels (each arm would end in the middle of the other's stroke).
        const bool across = arm[Left] && arm[Left] == arm[Right] && arm[Left] != 3;
        const bool down = arm[Up] && arm[Up] == arm[Down] && arm[Up] != 3;
        if (across)
            fill(0, cy - thickness(arm[Left]) / 2, m_w, thickness(arm[Left]));
        if (down)
            fill(cx - thickness(arm[Up]) / 2, 0, thickness(arm[Up]), m_h);
        // Horizontal arms run along x, across y; "before" is up, "after" is down.
        for (Dir d : {Right, Left}) {
            const int w = arm[d];
            if (!w || across)
                continue;
            const bool positive = d == Right;
            const int opposite = arm[positive ? Left : Right];
            for (const Stroke &s : strokes(w, arm[Up], arm[Down], opposite, cx, positive)) {
                const int top = cy + s.offset - s.thickness / 2;
                if (positive)
                    fill(s.inner, top, m_w - s.inner, s.thickness);
                else
                    fill(0, top, s.inner, s.thickness);
            }
        }
        for (Dir d : {Down, Up}) {
            const int w = arm[d];
            if (!w || down)
                continue;
            const bool positive = d == Down;
            const int opposite = arm[positive ? Up : Down];
            for (const Stroke &s : strokes(w, arm[Left], arm[Right], opposite, cy, positive)) {
                const int left = cx + s.offset - s.thickness / 2;
                if (positive)
                    fill(left, s.inner, s.thickness, m_h - s.inner);
                else
                    fill(left, 0, s.thickness, s.inner);
            }
        }
    }

    void dashes(bool horizontal, int weight, int count) const
    {
        const int t = thickness(weight);
        const int length = horizontal ? m_w : m_h;
        const int across = (horizontal ? m_h : m_w) / 2 - t / 2;
        for (int i = 0; i < count; ++i) {
            const int from = i * length / count;
            const int to = (i + 1) * length / count;
            const int gap = qMax(1, (to - from) / 3);
            const int a = from + gap / 2;
            const int b = to - (gap - gap / 2);
            if (horizontal)
                fill(a, across, b - a, t);
            else
                fill(across, a, t, b - a);
        }
    }

    // U+256D-U+2570: a quarter circle joining the centre lines of two arms; sx/sy: the
    // horizontal arm goes right (+1) or left (-1), the vertical one down (+1) or up (-1).
    void arc(int sx, int sy) const
    {
        const qreal xc = (m_w / 2 - m_light / 2) + m_light / 2.0;
        const qreal yc = (m_h / 2 - m_light / 2) + m_light / 2.0;
        const qreal r = qMin(m_w, m_h) / 2.0;
        const qreal k = 0.5523; // cubic Bezier approximation of a quarter circle
        QPainterPath path;
        path.moveTo(xc, sy > 0 ? m_h : 0);
        path.lineTo(xc, yc + sy * r);
        path.cubicTo(xc, yc + sy * r * (1 - k), xc + sx * r * (1 - k), yc, xc + sx * r, yc);
        path.lineTo(sx > 0 ? m_w : 0, yc);
        stroke(path);
    }

    // U+2571-U+2573: corner to corner, a little beyond the cell and clipped to it so that
    // diagonals in neighbouring cells meet.
    void diagonal(bool rising, bool falling) const
    {
        QPainterPath path;
        const qreal e = m_light; // overshoot, cut off by the clip
        if (rising) {
            path.moveTo(-e * m_w / m_h, m_h + e);
            path.lineTo(m_w + e * m_w / m_h, -e);
        }
        if (falling) {
            path.moveTo(-e * m_w / m_h, -e);
            path.lineTo(m_w + e * m_w / m_h, m_h + e);
        }
        m_p.save();
        m_p.setClipRect(QRectF(m_origin.x() / m_dpr, m_origin.y() / m_dpr, m_w / m_dpr, m_h / m_dpr), Qt::IntersectClip);
        stroke(path);
        m_p.restore();
    }

    void block(char32_t ch) const
    {
        const int w = m_w;
        const int h = m_h;
        const int hw = w / 2;
        const int hh = h / 2;
        auto eighthsH = [h](int n) { return (h * n + 4) / 8; };
        auto eighthsW = [w](int n) { return (w * n + 4) / 8; };
        switch (ch) {
        case 0x2580: fill(0, 0, w, hh); return; // upper half
        case 0x2581: case 0x2582: case 0x2583: case 0x2584: case 0x2585: case 0x2586: case 0x2587: case 0x2588: {
            const int n = eighthsH(int(ch - 0x2580)); // lower n eighths
            fill(0, h - n, w, n);
            return;
        }
        case 0x2589: case 0x258a: case 0x258b: case 0x258c: case 0x258d: case 0x258e: case 0x258f:
            fill(0, 0, eighthsW(int(0x2590 - ch)), h); // left n eighths
            return;
        case 0x2590: fill(hw, 0, w - hw, h); return; // right half
        case 0x2591: fillAlpha(0, 0, w, h, 64); return;  // light shade
        case 0x2592: fillAlpha(0, 0, w, h, 128); return; // medium shade
        case 0x2593: fillAlpha(0, 0, w, h, 192); return; // dark shade
        case 0x2594: fill(0, 0, w, eighthsH(1)); return; // upper one eighth
        case 0x2595: { const int n = eighthsW(1); fill(w - n, 0, n, h); return; } // right one eighth
        default:
            break;
        }
        // U+2596-U+259F quadrants: bits upper-left 1, upper-right 2, lower-left 4, lower-right 8.
        static constexpr quint8 kQuadrants[10] = {4, 8, 1, 1 | 4 | 8, 1 | 8, 1 | 2 | 4, 1 | 2 | 8, 2, 2 | 4, 2 | 4 | 8};
        const quint8 q = kQuadrants[ch - 0x2596];
        if (q & 1) fill(0, 0, hw, hh);
        if (q & 2) fill(hw, 0, w - hw, hh);
        if (q & 4) fill(0, hh, hw, h - hh);
        if (q & 8) fill(hw, hh, w - hw, h - hh);
    }

private:
    struct Stroke {
        int offset;    // across the arm, from the centre line
        int thickness;
        int inner;     // where the stroke ends near the centre (start for positive arms, end for negative ones)
    };

    // The strokes of one arm of `weight`, `before`/`after` the perpendicular arms (up/down for
    // a horizontal arm, left/right for a vertical one), `opposite` the arm on the other side.
    QVarLengthArray<Stroke, 2> strokes(int weight, int before, int after, int opposite, int c, bool positive) const
    {
        QVarLengthArray<Stroke, 2> out;
        // The edge of what a perpendicular arm occupies on the near or far side of the centre.
        auto nearEdge = [&](int perp, bool nearSide) {
            // nearSide: the side the arm points to.
            const bool high = positive == nearSide;
            if (perp == 3) {
                // The stroke of a double arm on that side.
                const int offset = high ? m_double : -m_double;
                return positive ? c + offset - m_light / 2 : c + offset - m_light / 2 + m_light;
            }
            return positive ? lowEdge(c, perp) : highEdge(c, perp);
        };
        if (weight != 3) {
            const int t = thickness(weight);
            int inner = positive ? c - t / 2 : c - t / 2 + t;
            if (!opposite && (before || after)) {
                if (before == 3 || after == 3) {
                    // A double line running past (both sides present): stop at its near
                    // stroke; a double corner: reach its far stroke.
                    const bool through = before && after;
                    inner = nearEdge(before == 3 ? before : after, through);
                } else {
                    // Cover the perpendicular strokes fully (corners and tees stay square).
                    if (positive)
                        inner = qMin(before ? lowEdge(c, before) : inner, after ? lowEdge(c, after) : inner);
                    else
                        inner = qMax(before ? highEdge(c, before) : inner, after ? highEdge(c, after) : inner);
                }
            }
            out.append({0, t, inner});
            return out;
        }
        // Double arm: the stroke on the `before` side meets the perpendicular arm on that
        // side; without one it runs on to the opposite arm, or round the corner to the
        // perpendicular arm on the other side.
        for (int side : {-1, 1}) {
            const int p = side < 0 ? before : after;
            const int q = side < 0 ? after : before;
            int inner = c;
            if (p)
                inner = p == 3 ? nearEdge(p, true) : (positive ? lowEdge(c, p) : highEdge(c, p));
            else if (opposite)
                inner = c;
            else if (q)
                inner = q == 3 ? nearEdge(q, false) : (positive ? lowEdge(c, q) : highEdge(c, q));
            out.append({side * m_double, m_light, inner});
        }
        return out;
    }

    void stroke(const QPainterPath &devicePath) const
    {
        m_p.save();
        m_p.setRenderHint(QPainter::Antialiasing, true);
        m_p.translate(m_origin.x() / m_dpr, m_origin.y() / m_dpr);
        m_p.scale(1 / m_dpr, 1 / m_dpr);
        QPen pen(m_color, m_light, Qt::SolidLine, Qt::FlatCap, Qt::MiterJoin);
        m_p.setPen(pen);
        m_p.setBrush(Qt::NoBrush);
        m_p.drawPath(devicePath);
        m_p.restore();
    }

    QPainter &m_p;
    QPoint m_origin;
    qreal m_dpr;
    int m_w;
    int m_h;
    int m_light;
    int m_heavy;
    int m_double = 1;
    QColor m_color;
};
} // namespace

bool BoxDrawing::draw(QPainter &p, char32_t ch, QPoint deviceOrigin, const CellMetrics &m, const QColor &color)
{
    if (!handles(ch))
        return false;
    const Geometry g(p, deviceOrigin, m, color);
    if (ch >= 0x2580) {
        g.block(ch);
        return true;
    }
    const char *arms = kArms[ch - 0x2500];
    if (arms[0] != '-') {
        g.lines({arms[0] - '0', arms[1] - '0', arms[2] - '0', arms[3] - '0'});
        return true;
    }
    switch (ch) {
    case 0x2504: g.dashes(true, 1, 3); break;
    case 0x2505: g.dashes(true, 2, 3); break;
    case 0x2506: g.dashes(false, 1, 3); break;
    case 0x2507: g.dashes(false, 2, 3); break;
    case 0x2508: g.dashes(true, 1, 4); break;
    case 0x2509: g.dashes(true, 2, 4); break;
    case 0x250a: g.dashes(false, 1, 4); break;
    case 0x250b: g.dashes(false, 2, 4); break;
    case 0x254c: g.dashes(true, 1, 2); break;
    case 0x254d: g.dashes(true, 2, 2); break;
    case 0x254e: g.dashes(false, 1, 2); break;
    case 0x254f: g.dashes(false, 2, 2); break;
    case 0x256d: g.arc(1, 1); break;   // down and right
    case 0x256e: g.arc(-1, 1); break;  // down and left
    case 0x256f: g.arc(-1, -1); break; // up and left
    case 0x2570: g.arc(1, -1); break;  // up and right
    case 0x2571: g.diagonal(true, false); break;
    case 0x2572: g.diagonal(false, true); break;
    case 0x2573: g.diagonal(true, true); break;
    default: return false;
    }
    return true;
}

void BoxDrawing::drawHorizontalLine(QPainter &p, char32_t ch, QPoint deviceOrigin, int cells, const CellMetrics &m,
                                    const QColor &color)
{
    // The same strokes draw() makes for one cell, stretched over `cells`.
    const qreal dpr = m.devicePixelRatio();
    const int w = cells * m.deviceWidth();
    const int cy = m.deviceHeight() / 2;
    auto fill = [&](int y, int h) {
        p.fillRect(QRectF(deviceOrigin.x() / dpr, (deviceOrigin.y() + y) / dpr, w / dpr, h / dpr), color);
    };
    const int l = m.lightLine();
    if (ch == 0x2550) {
        fill(cy - l - l / 2, l);
        fill(cy + l - l / 2, l);
    } else {
        const int t = ch == 0x2501 ? m.heavyLine() : l;
        fill(cy - t / 2, t);
    }
}
