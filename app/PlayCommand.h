// `castdeck play FILE [--from-last-clear] [--speed S] [--idle-time-limit S]`: plays a recording
// in the current terminal, like `asciinema play`: the output events' bytes go to stdout at
// their times.
//
// Data flow: FILE -> Recording -> Player (the clock: speed, idle-time limit) -> outputPlayed()
// -> stdout. Headless (QCoreApplication, no display); it writes no sidecar.
//
// --from-last-clear starts at the last clear checkpoint: the screen there is written first as
// a state preamble (Terminal::statePreamble(), for a fresh terminal of the recording's size;
// on a terminal it follows a soft reset and a clear). --idle-time-limit S shortens pauses
// longer than S seconds (the header's idle_time_limit by default; 0: none).
// With a terminal on stdin it goes raw (no echo) so `q` or Ctrl+C stop and space pauses; it
// is restored on every way out (the end, q, SIGINT, SIGTERM, SIGHUP). On a terminal, the modes
// the recording left on (alternate screen, hidden cursor, mouse, bracketed paste, SGR) are
// turned off at the end.
#pragma once

#include <QStringList>

class PlayCommand
{
public:
    static int run(const QStringList &args);
};
