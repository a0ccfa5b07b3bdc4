#include "CommandLine.h"

#include "InfoCommand.h"
#include "MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QGuiApplication>
#include <QScreen>
#include <QTextStream>
#include <QTimer>

#include <cstring>

using namespace Qt::StringLiterals;

namespace {
struct Command {
    const char *name;
    int (*run)(const QStringList &args);
};

const Command kCommands[] = {
    {"info", &InfoCommand::run},
};

const Command *findCommand(const QString &name)
{
    for (const Command &c : kCommands)
        if (name == QLatin1StringView(c.name))
            return &c;
    return nullptr;
}

void addCommonOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(
        QCoreApplication::translate("CommandLine",
                                    "Terminal recorder and player for asciicast (.cast) files.\n\n"
                                    "Commands (run without a display):\n"
                                    "  info FILE [--json] [--strict]   Describe a recording: format, duration,\n"
                                    "                                  events, markers and clear checkpoints.\n\n"
                                    "Without a command, CastDeck opens its window with the given recordings."));
    parser.addHelpOption();
    parser.addVersionOption();
}
} // namespace

CommandLine::Kind CommandLine::classify(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const char *a = argv[i];
        if (!std::strcmp(a, "--help") || !std::strcmp(a, "-h") || !std::strcmp(a, "--help-all")
            || !std::strcmp(a, "--version") || !std::strcmp(a, "-v"))
            return Kind::Headless;
    }
    if (argc > 1 && findCommand(QString::fromLocal8Bit(argv[1])))
        return Kind::Headless;
    return Kind::Gui;
}

void CommandLine::setupApplication()
{
    QCoreApplication::setOrganizationName(u"CastDeck"_s);
    QCoreApplication::setOrganizationDomain(u"castdeck.github.io"_s);
    QCoreApplication::setApplicationName(u"castdeck"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(CASTDECK_VERSION));
}

int CommandLine::runHeadless(const QStringList &arguments)
{
    if (arguments.size() > 1) {
        if (const Command *c = findCommand(arguments.at(1)))
            return c->run(arguments.mid(1));
    }
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addPositionalArgument(u"files"_s, QCoreApplication::translate("CommandLine", "Recordings to open."),
                                 u"[FILE...]"_s);
    parser.process(arguments); // handles --help and --version and exits
    return 0;
}

int CommandLine::runGui(const QStringList &arguments)
{
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.addPositionalArgument(u"files"_s, QCoreApplication::translate("CommandLine", "Recordings to open."),
                                 u"[FILE...]"_s);
    QCommandLineOption demo(u"headless-demo"_s,
                            QCoreApplication::translate("CommandLine",
                                                        "Run the demo for a machine without a display, save a "
                                                        "screenshot into DIR and quit."),
                            u"DIR"_s);
    parser.addOption(demo);
    parser.process(arguments);

    auto *window = new MainWindow;
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->resize(1100, 700);
    window->show();

    if (parser.isSet(demo)) {
        const QString dir = parser.value(demo);
        QTimer::singleShot(800, window, [window, dir] {
            QDir().mkpath(dir);
            const QString png = QDir(dir).absoluteFilePath(u"castdeck-window.png"_s);
            QPixmap shot = window->screen()->grabWindow(window->winId());
            if (shot.isNull())
                shot = window->grab();
            QTextStream out(stdout);
            if (shot.save(png))
                out << QCoreApplication::translate("CommandLine", "Screenshot of the window: %1").arg(png) << Qt::endl;
            else
                out << QCoreApplication::translate("CommandLine", "Could not save a screenshot to %1").arg(png)
                    << Qt::endl;
            window->close();
        });
    }
    return QApplication::exec();
}
