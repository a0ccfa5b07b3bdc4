// castdeck: the executable is thin; the work is in castdeck_core and castdeck_ui.
#include "CommandLine.h"

#include <QApplication>
#include <QCoreApplication>
#include <QGuiApplication>

#include <cstring>

int main(int argc, char **argv)
{
    // `castdeck --needs-display ARGS...`: exit status 0 when `castdeck ARGS...` opens a
    // window, 1 when it runs without a display (./dev asks this before starting Xvfb).
    if (argc > 1 && !std::strcmp(argv[1], "--needs-display")) {
        argv[1] = argv[0];
        return CommandLine::classify(argc - 1, argv + 1) == CommandLine::Kind::Gui ? 0 : 1;
    }
    const CommandLine::Kind kind = CommandLine::classify(argc, argv);
    if (kind == CommandLine::Kind::HeadlessPainting) {
        if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
            qputenv("QT_QPA_PLATFORM", "offscreen"); // fonts without a display
        QGuiApplication app(argc, argv);
        CommandLine::setupApplication();
        return CommandLine::runHeadless(QCoreApplication::arguments());
    }
    if (kind == CommandLine::Kind::Headless) {
        QCoreApplication app(argc, argv);
        CommandLine::setupApplication();
        return CommandLine::runHeadless(QCoreApplication::arguments());
    }
    QApplication app(argc, argv);
    CommandLine::setupApplication();
    return CommandLine::runGui(QCoreApplication::arguments());
}
