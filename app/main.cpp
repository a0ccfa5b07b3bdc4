// castdeck: the executable is thin; the work is in castdeck_core and castdeck_ui.
#include "CommandLine.h"

#include <QApplication>
#include <QCoreApplication>

int main(int argc, char **argv)
{
    if (CommandLine::classify(argc, argv) == CommandLine::Kind::Headless) {
        QCoreApplication app(argc, argv);
        CommandLine::setupApplication();
        return CommandLine::runHeadless(QCoreApplication::arguments());
    }
    QApplication app(argc, argv);
    CommandLine::setupApplication();
    return CommandLine::runGui(QCoreApplication::arguments());
}
