// `castdeck render FILE --at TIME|end|last-clear|checkpoint:N [--text] [--png OUT.png]`: the
// screen of a recording at one moment, as text (the default) or as a picture.
//
// Data flow: FILE (+ its sidecar when valid, keyframes included) -> Recording -> Player
// (seek, exact) -> Terminal -> TerminalSnapshot::textRows() -> stdout, or TerminalPainter ->
// PNG. Read-only: it writes no sidecar. Headless: --text needs no display; --png paints
// offscreen (a QGuiApplication on the offscreen platform when there is no display).
//
// --text prints exactly the screen's rows, one per line, trailing spaces trimmed, after every
// event up to the first one later than TIME (seconds, decimal; for files whose times never go
// back: every event with time <= TIME). `end`: every event; `last-clear` and `checkpoint:N`
// (0-based, as `castdeck info` numbers them): the time of that clear checkpoint.
// Exit status: 0; 1 for an unreadable file or a moment that does not exist; 2 for bad usage.
#pragma once

#include <QStringList>

class RenderCommand
{
public:
    static int run(const QStringList &args);
    // Whether these arguments (as main() sees them, the command first) paint a picture, and so
    // need a QGuiApplication.
    static bool needsGui(int argc, char **argv);
};
