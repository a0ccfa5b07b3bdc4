#include "CommandLine.h"

#include "HeadlessDemo.h"
#include "InfoCommand.h"
#include "net/SingleInstance.h"
#include "PlayCommand.h"
#include "RenderCommand.h"
#include "RecCommand.h"
#include "MainWindow.h"
#include "Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDebug>
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
    const char *synopsis;
    const char *summary;
};

// One line per command for --help: its synopsis and what it does (translated each).
const Command kCommands[] = {
    {"info", &InfoCommand::run, "info FILE [--json] [--strict]",
     QT_TRANSLATE_NOOP("CommandLine", "Describe a recording: format, duration, events, markers and clear checkpoints.")},
    {"render", &RenderCommand::run, "render FILE --at TIME|end|last-clear|checkpoint:N [--text] [--png OUT.png]",
     QT_TRANSLATE_NOOP("CommandLine", "Print the screen at one moment.")},
    {"play", &PlayCommand::run, "play FILE [--from-last-clear] [--speed S] [--idle-time-limit S]",
     QT_TRANSLATE_NOOP("CommandLine", "Play a recording in this terminal.")},
    {"rec", &RecCommand::run, "rec [FILE] [--v3] [--command CMD] [--append] ...",
     QT_TRANSLATE_NOOP("CommandLine", "Record a program in this terminal.")},
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
    QString description = QCoreApplication::translate("CommandLine", "Terminal recorder and player for asciicast (.cast) files.")
        + u"\n\n"_s + QCoreApplication::translate("CommandLine", "Commands (run without a display):") + u'\n';
    for (const Command &c : kCommands) {
        description += u"  "_s + QLatin1StringView(c.synopsis) + u"\n      "_s
            + QCoreApplication::translate("CommandLine", c.summary) + u'\n';
    }
    description += u'\n' + QCoreApplication::translate("CommandLine", "Without a command, CastDeck opens its window with the given recordings.");
    parser.setApplicationDescription(description);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(u"files"_s, QCoreApplication::translate("CommandLine", "Recordings to open."),
                                 u"[FILE...]"_s);
    parser.addOption(QCommandLineOption(u"new-terminal"_s, QCoreApplication::translate("CommandLine", "Open a new terminal tab.")));
    parser.addOption(QCommandLineOption(
        u"new-window"_s,
        QCoreApplication::translate("CommandLine", "Open a window of its own even when CastDeck is already running.")));
    parser.addOption(QCommandLineOption(u"open-recording"_s,
                                        QCoreApplication::translate("CommandLine", "Show the dialog to open a recording.")));
    parser.addOption(QCommandLineOption(
        u"headless-demo"_s,
        QCoreApplication::translate("CommandLine", "Record a scripted session into DIR, open it in the player at its "
                                                   "last clear, save a screenshot there and quit."),
        u"DIR"_s));
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
    if (argc > 1 && !std::strcmp(argv[1], "render") && RenderCommand::needsGui(argc, argv))
        return Kind::HeadlessPainting;
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
    Translations::install(); // the system locale: LANGUAGE, LC_ALL, LC_MESSAGES, LANG
}

int CommandLine::runHeadless(const QStringList &arguments)
{
    if (arguments.size() > 1) {
        if (const Command *c = findCommand(arguments.at(1)))
            return c->run(arguments.mid(1));
    }
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.process(arguments); // handles --help and --version and exits
    return 0;
}

int CommandLine::runGui(const QStringList &arguments)
{
    // Wayland app id and X11 hints: the shell matches windows to share/applications/APPID.desktop.
    QGuiApplication::setDesktopFileName(QStringLiteral(CASTDECK_APP_ID));
    QCommandLineParser parser;
    addCommonOptions(parser);
    parser.process(arguments);
    const bool demo = parser.isSet(u"headless-demo"_s);

    // One running instance: a second launch hands its files to the first and ends.
    auto *instance = new SingleInstance(SingleInstance::defaultServerName(), qApp);
    const QStringList files = SingleInstance::resolveFiles(parser.positionalArguments(), QDir::currentPath());
    if (!demo) {
        SingleInstance::Request request;
        request.workingDirectory = QDir::currentPath();
        request.files = files;
        request.newTerminal = parser.isSet(u"new-terminal"_s);
        request.openDialog = parser.isSet(u"open-recording"_s);
        request.activationToken = SingleInstance::activationTokenFromEnvironment();
        if (parser.isSet(u"new-window"_s)) {
            instance->listen(); // serve later launches if nobody does; never forward
        } else {
            switch (instance->start(request)) {
            case SingleInstance::Role::Forwarded:
                return 0;
            case SingleInstance::Role::Standalone:
                qWarning().noquote() << instance->errorString();
                break;
            case SingleInstance::Role::Primary:
                break;
            }
        }
    }

    auto *window = new MainWindow;
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->resize(1100, 700);
    window->show();
    for (const QString &file : files)
        window->openRecording(file);
    // With nothing to open, CastDeck is a terminal: start one.
    if (!demo && ((files.isEmpty() && !parser.isSet(u"open-recording"_s)) || parser.isSet(u"new-terminal"_s)))
        window->newTerminal();
    if (parser.isSet(u"open-recording"_s))
        QTimer::singleShot(0, window, &MainWindow::showOpenDialog);

    QObject::connect(instance, &SingleInstance::filesRequested, window, [window](const QStringList &fs) {
        for (const QString &f : fs)
            window->openRecording(f);
    });
    QObject::connect(instance, &SingleInstance::newTerminalRequested, window, [window] { window->newTerminal(); });
    QObject::connect(instance, &SingleInstance::openDialogRequested, window, &MainWindow::showOpenDialog);
    QObject::connect(instance, &SingleInstance::activationRequested, window, [window](const QString &token) {
        if (!token.isEmpty())
            qputenv("XDG_ACTIVATION_TOKEN", token.toUtf8());
        window->setWindowState((window->windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
        window->show();
        window->raise();
        window->activateWindow();
    });

    if (demo) {
        auto *headless = new HeadlessDemo(window, parser.value(u"headless-demo"_s));
        headless->start();
    }
    return QApplication::exec();
}
