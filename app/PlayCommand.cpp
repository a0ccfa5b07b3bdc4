#include "PlayCommand.h"

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
#include <iterator>
#include <fcntl.h>
#include <poll.h>
#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("PlayCommand", text);
}

// --- Signals: the handler only writes into a pipe; the event loop stops playing.
int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const int savedErrno = errno;
    const char byte = 1;
    [[maybe_unused]] const ssize_t n = ::write(g_signalPipe[1], &byte, 1);
    errno = savedErrno;
}

constexpr int kHandledSignals[] = {SIGINT, SIGTERM, SIGHUP};

struct SignalGuard {
    struct sigaction previous[std::size(kHandledSignals)] = {};
    struct sigaction previousPipe = {};
    bool installed = false;

    bool install()
    {
        if (::pipe2(g_signalPipe, O_CLOEXEC | O_NONBLOCK) != 0)
            return false;
        struct sigaction sa = {};
        sa.sa_handler = onSignal;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_RESTART;
        for (size_t k = 0; k < std::size(kHandledSignals); ++k)
            ::sigaction(kHandledSignals[k], &sa, &previous[k]);
        // A reader that went away (`castdeck play x | head`) is reported as a write error.
        struct sigaction ignore = {};
        ignore.sa_handler = SIG_IGN;
        sigemptyset(&ignore.sa_mask);
        ::sigaction(SIGPIPE, &ignore, &previousPipe);
        installed = true;
        return true;
    }
    ~SignalGuard()
    {
        if (!installed)
            return;
        for (size_t k = 0; k < std::size(kHandledSignals); ++k)
            ::sigaction(kHandledSignals[k], &previous[k], nullptr);
        ::sigaction(SIGPIPE, &previousPipe, nullptr);
        ::close(g_signalPipe[0]);
        ::close(g_signalPipe[1]);
        g_signalPipe[0] = g_signalPipe[1] = -1;
    }
};

// --- The terminal on stdin: no echo, no line editing, no signal keys while playing.
struct TtyGuard {
    termios saved = {};
    bool raw = false;

    bool makeRaw()
    {
        if (::tcgetattr(STDIN_FILENO, &saved) != 0)
            return false;
        termios t = saved;
        t.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG | IEXTEN);
        t.c_iflag &= ~tcflag_t(IXON | ICRNL);
        t.c_cc[VMIN] = 1;
        t.c_cc[VTIME] = 0;
        if (::tcsetattr(STDIN_FILENO, TCSAFLUSH, &t) != 0)
            return false;
        raw = true;
        return true;
    }
    void restore()
    {
        if (raw)
            ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        raw = false;
    }
    ~TtyGuard() { restore(); }
};

// Writes all of `data` to stdout (waiting when the terminal is slow). False on an error.
bool writeOut(QByteArrayView data)
{
    const char *p = data.data();
    qsizetype size = data.size();
    while (size > 0) {
        const ssize_t n = ::write(STDOUT_FILENO, p, size_t(size));
        if (n > 0) {
            p += n;
            size -= n;
        } else if (n < 0 && errno == EAGAIN) {
            pollfd pfd{STDOUT_FILENO, POLLOUT, 0};
            ::poll(&pfd, 1, 100);
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else {
            return false;
        }
    }
    return true;
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
    Recording::Options options;
    options.saveIndex = false;
    options.buildKeyframes = false;
    recording.setOptions(options);
    recording.open(path);
    if (!recording.waitForReady()) {
        err << u"castdeck play: "_s << recording.errorString() << Qt::endl;
        return 1;
    }
    for (const QString &w : recording.warnings())
        err << tr("castdeck play: warning: %1").arg(w) << Qt::endl;

    Player player(&recording);
    player.setSpeed(speedValue);
    if (idleSeconds)
        player.setIdleTimeLimit(*idleSeconds > 0 ? std::optional<qint64>(std::llround(*idleSeconds * 1e6)) : std::nullopt);

    const bool ttyOut = ::isatty(STDOUT_FILENO);
    bool writeFailed = false;
    auto write = [&](QByteArrayView bytes) {
        if (!writeFailed && !writeOut(bytes)) {
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

    SignalGuard signalGuard;
    TtyGuard tty;
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
    std::unique_ptr<QSocketNotifier> signals;
    if (signalGuard.install()) {
        signals = std::make_unique<QSocketNotifier>(g_signalPipe[0], QSocketNotifier::Read);
        QObject::connect(signals.get(), &QSocketNotifier::activated, &player, [] {
            char buf[16];
            while (::read(g_signalPipe[0], buf, sizeof buf) > 0) {
            }
            QCoreApplication::exit(130);
        });
    }

    QObject::connect(&player, &Player::outputPlayed, &player, [&write](const QByteArray &data) { write(data); });
    QObject::connect(&player, &Player::finished, &player, [] { QCoreApplication::exit(0); });
    QTimer::singleShot(0, &player, &Player::play); // in the event loop: an empty recording ends at once
    int status = QCoreApplication::exec();
    tty.restore();
    if (ttyOut)
        writeOut(restoreSequences(*player.terminal()));
    if (writeFailed) {
        err << tr("castdeck play: cannot write to the output: %1").arg(QString::fromLocal8Bit(std::strerror(errno)))
            << Qt::endl;
        status = 1;
    }
    return status;
}
