// CommandLine: decides what this process is (a window or a headless command) and runs it.
//
// `castdeck [FILE...]` opens the window; `castdeck info FILE` and the other commands run
// without a display. --help and --version work without a display too.
#pragma once

#include <QStringList>

class CommandLine
{
public:
    // HeadlessPainting: a headless command that paints (`render --png`): fonts need a
    // QGuiApplication, on the offscreen platform when there is no display.
    enum class Kind { Gui, Headless, HeadlessPainting };
    // Looks at the raw arguments before any QCoreApplication exists.
    static Kind classify(int argc, char **argv);
    // Names, version and translations shared by both kinds.
    static void setupApplication();
    static int runHeadless(const QStringList &arguments);
    static int runGui(const QStringList &arguments);
};
