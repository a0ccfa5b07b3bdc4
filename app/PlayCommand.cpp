#include "PlayCommand.h"

#include "OpenRecording.h"
#include "RawTerminal.h"
#include "SignalPipe.h"
#include "WriteAll.h"
#include "play/Player.h"
#include "play/Recording.h"
#include "terminal/Terminal.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTextStream>
#include <QTimer>

#include <cerrno>
#include <cmath>
#include <csignal>
#include <cstring>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("PlayCommand", text);
}

// Undoes what the recording left on in the terminal the player followed.
QByteArray restoreSequences(const Terminal &t)
{
    const TerminalModes m = t.modes();
    QByteArray out = "\x1b[0m";
    if (t.isAltScreen())
        out += "\x1b[?1049l";
    if (m.mouseMode != TerminalModes::MouseMode::None)
        out += "\x1b[?1000l\x1b[?1002l\x1b[?1003l\x1b[?1006l";
    if (m.bracketedPaste)
        out += "\x1b[?2004l";
    if (m.appCursorKeys)
        out += "\x1b[?1l";
    if (m.appKeypad)
        out += "\x1b>";
    if (!t.cursor().visible)
        out += "\x1b[?25h";
    return out;
}
} // namespace

int PlayCommand::run(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Play a recording in this terminal. Keys: q or Ctrl+C stop, space pauses."));
    parser.addHelpOption();
    const QCommandLineOption fromLastClear(u"from-last-clear"_s,
                                           tr("Start at the last clear checkpoint (its screen is drawn first)."));
    const QCommandLineOption speed(u"speed"_s, tr("Playback speed, 0.25 to 16 (default 1)."), u"S"_s);
    const QCommandLineOption idle(u"idle-time-limit"_s,
                                  tr("Shorten pauses longer than S seconds (default: the recording's "
                                     "idle_time_limit; 0: keep every pause)."),
                                  u"S"_s);
    parser.addOption(fromLastClear);
    parser.addOption(speed);
    parser.addOption(idle);
    parser.addPositionalArgument(u"file"_s, tr("The .cast file."), u"FILE"_s);
    parser.process(args);

    QTextStream err(stderr);
    if (parser.positionalArguments().size() != 1) {
        err << tr("castdeck play: expected exactly one FILE (see castdeck play --help)") << Qt::endl;
        return 2;
    }
    double speedValue = 1;
    if (parser.isSet(speed)) {
        bool ok = false;
        speedValue = parser.value(speed).toDouble(&ok);
        if (!ok || !(speedValue >= Player::kMinSpeed && speedValue <= Player::kMaxSpeed)) {
            err << tr("castdeck play: --speed expects a number from 0.25 to 16, not \"%1\"").arg(parser.value(speed))
                << Qt::endl;
            return 2;
        }
    }
    std::optional<double> idleSeconds;
    if (parser.isSet(idle)) {
        bool ok = false;
        idleSeconds = parser.value(idle).toDouble(&ok);
        if (!ok || !std::isfinite(*idleSeconds) || *idleSeconds < 0) {
            err << tr("castdeck play: --idle-time-limit expects seconds (0 or more), not \"%1\"")
                       .arg(parser.value(idle))
                << Qt::endl;
            return 2;
        }
    }

    const QString path = parser.positionalArguments().constFirst();
    Recording recording;
    if (!openRecording(recording, path, err, u"castdeck play: "_s, tr("castdeck play: warning: %1")))
        return 1;

    Player player(&recording);
    player.setSpeed(speedValue);
    if (idleSeconds)
        player.setIdleTimeLimit(*idleSeconds > 0 ? std::optional<qint64>(std::llround(*idleSeconds * 1e6)) : std::nullopt);

    const bool ttyOut = ::isatty(STDOUT_FILENO);
    bool writeFailed = false;
    auto write = [&](QByteArrayView bytes) {
        if (!writeFailed && !writeAll(STDOUT_FILENO, bytes)) {
            writeFailed = true;
            QCoreApplication::exit(1);
        }
    };
    if (parser.isSet(fromLastClear)) {
        if (player.seekToLastClear()) {
            player.finishSeek();
            if (ttyOut)
                write("\x1b[!p\x1b[H\x1b[2J"); // DECSTR and a clear: the preamble expects a fresh terminal
            write(player.terminal()->statePreamble());
        } else {
            err << tr("castdeck play: %1 has no clear checkpoint; playing from the start").arg(path) << Qt::endl;
        }
    }

    SignalPipe signalPipe;
    RawTerminal tty(RawTerminal::Mode::Keys);
    std::unique_ptr<QSocketNotifier> keys;
    if (::isatty(STDIN_FILENO) && tty.makeRaw()) {
        keys = std::make_unique<QSocketNotifier>(STDIN_FILENO, QSocketNotifier::Read);
        QObject::connect(keys.get(), &QSocketNotifier::activated, &player, [&player, &keys] {
            char buf[64];
            const ssize_t n = ::read(STDIN_FILENO, buf, sizeof buf);
            if (n <= 0) {
                keys->setEnabled(false); // end of input: keep playing
                return;
            }
            for (ssize_t i = 0; i < n; ++i) {
                if (buf[i] == 'q' || buf[i] == 3 /* Ctrl+C */) {
                    QCoreApplication::exit(0);
                    return;
                }
                if (buf[i] == ' ')
                    player.togglePlay();
            }
        });
    }
    // Stop playing; the terminal is restored below. SIGPIPE: a reader that went away
    // (`castdeck play x | head`) is reported as a write error.
    if (signalPipe.install({SIGINT, SIGTERM, SIGHUP}, {SIGPIPE}))
        QObject::connect(&signalPipe, &SignalPipe::signalReceived, &player, [] { QCoreApplication::exit(130); });

    QObject::connect(&player, &Player::outputPlayed, &player, [&write](const QByteArray &data) { write(data); });
    QObject::connect(&player, &Player::finished, &player, [] { QCoreApplication::exit(0); });
    QTimer::singleShot(0, &player, &Player::play); // in the event loop: an empty recording ends at once
    int status = QCoreApplication::exec();
    tty.restore();
    if (ttyOut)
        writeAll(STDOUT_FILENO, restoreSequences(*player.terminal()));
    if (writeFailed) {
        err << tr("castdeck play: cannot write to the output: %1").arg(QString::fromLocal8Bit(std::strerror(errno)))
            << Qt::endl;
        status = 1;
    }
    return status;
}
