// `castdeck rec [FILE] [--v3] [--command CMD] [--title T] [--idle-time-limit S]
// [--capture-input] [--append] [--overwrite] [--verbose] [--quiet]`: records a program (the
// login shell by default) in the current terminal, like `asciinema rec`.
//
// Data flow: stdin -> PtySession (the child's pty) and, with --capture-input, -> Recorder
// ('i'); PtySession output -> stdout and -> Recorder ('o') -> writer thread -> FILE;
// SIGWINCH -> the pty's size and an 'r' event. Headless (QCoreApplication, no display).
//
// With a terminal on stdin it goes raw for the child's sake (the child's own pty does the
// line editing and the signals: Ctrl+C reaches the child, not us) and is restored on every
// way out we can see: the child's exit, SIGTERM, SIGHUP, SIGINT (signals arrive through a
// self-pipe, handled in the event loop). Without one (scripts, CI) stdin is forwarded until
// its end, then the child gets an end-of-file character, and the size is $COLUMNS x $LINES or
// 80x24. The exit status is the child's (128 + N when signal N killed it).
#pragma once

#include <QStringList>

class RecCommand
{
public:
    static int run(const QStringList &args);
};
