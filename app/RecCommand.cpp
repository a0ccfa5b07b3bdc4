#include "RecCommand.h"

#include "RawTerminal.h"
#include "SignalPipe.h"
#include "WriteAll.h"
#include "checkpoint/ClearDetector.h"
#include "pty/PtySession.h"
#include "record/Recorder.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSocketNotifier>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <memory>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("RecCommand", text);
}

// The host terminal's size: from whichever of stdin, stdout, stderr is a terminal, else
// $COLUMNS x $LINES, else 80x24.
void hostSize(int &cols, int &rows)
{
    for (int fd : {STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO}) {
        winsize ws = {};
        if (::isatty(fd) && ::ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0 && ws.ws_row > 0) {
            cols = ws.ws_col;
            rows = ws.ws_row;
            return;
        }
    }
    const int c = qEnvironmentVariableIntValue("COLUMNS");
    const int r = qEnvironmentVariableIntValue("LINES");
    cols = c > 0 ? c : 80;
    rows = r > 0 ? r : 24;
}

QString defaultFileName()
{
    const QString stem = u"castdeck-"_s + QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s);
    QString name = stem + u".cast"_s;
    for (int n = 2; QFileInfo::exists(name); ++n)
        name = u"%1-%2.cast"_s.arg(stem).arg(n);
    return name;
}

// Qt's messages (castdeck.record's) as our own notices, also in raw mode.
void printMessage(QtMsgType, const QMessageLogContext &, const QString &message)
{
    const QByteArray line = "castdeck: " + message.toLocal8Bit() + (RawTerminal::anyRaw() ? "\r\n" : "\n");
    [[maybe_unused]] const ssize_t n = ::write(STDERR_FILENO, line.constData(), size_t(line.size()));
}

QString seconds(qint64 us)
{
    return QString::number(double(us) / 1e6, 'f', 6);
}
} // namespace

int RecCommand::run(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Record a program (your login shell by default) in this terminal into an asciicast file, like "
           "`asciinema rec`. Clear checkpoints are found while recording and kept in FILE.idx."));
    parser.addHelpOption();
    const QCommandLineOption v3(u"v3"_s, tr("Write asciicast v3 (default: v2)."));
    const QCommandLineOption command({u"c"_s, u"command"_s},
        tr("The command to record, run with /bin/sh -c (default: your login shell)."), u"CMD"_s);
    const QCommandLineOption title({u"t"_s, u"title"_s}, tr("The recording's title."), u"T"_s);
    const QCommandLineOption idle({u"i"_s, u"idle-time-limit"_s},
        tr("Players shorten pauses longer than S seconds to S (stored in the header)."), u"S"_s);
    const QCommandLineOption captureInput(
        u"capture-input"_s, tr("Record what you type too ('i' events). Off by default: it includes passwords."));
    const QCommandLineOption append(u"append"_s, tr("Continue FILE: same format, times go on from its end."));
    const QCommandLineOption overwrite(u"overwrite"_s, tr("Replace FILE if it exists."));
    const QCommandLineOption verbose(u"verbose"_s, tr("Print every clear checkpoint to stderr as it is found."));
    const QCommandLineOption quiet({u"q"_s, u"quiet"_s}, tr("No notices at the start and the end."));
    parser.addOptions({v3, command, title, idle, captureInput, append, overwrite, verbose, quiet});
    parser.addPositionalArgument(
        u"file"_s, tr("Where to save the recording (default: castdeck-DATE-TIME.cast here)."), u"[FILE]"_s);
    parser.process(args);

    QTextStream err(stderr);
    auto error = [&err](const QString &message, int status) {
        err << u"castdeck rec: "_s << message << Qt::endl;
        return status;
    };
    if (parser.positionalArguments().size() > 1)
        return error(tr("expected at most one FILE (see castdeck rec --help)"), 2);
    if (parser.isSet(append) && parser.isSet(overwrite))
        return error(tr("--append and --overwrite contradict each other"), 2);
    double idleLimit = 0;
    if (parser.isSet(idle)) {
        bool ok = false;
        idleLimit = parser.value(idle).toDouble(&ok);
        if (!ok || !(idleLimit > 0))
            return error(
                tr("--idle-time-limit: expected a number of seconds > 0, found \"%1\"").arg(parser.value(idle)), 2);
    }
    const QString path =
        parser.positionalArguments().isEmpty() ? defaultFileName() : parser.positionalArguments().constFirst();
    const QFileInfo info(path);
    if (info.exists() && info.size() > 0 && !parser.isSet(append) && !parser.isSet(overwrite))
        return error(tr("%1 exists already; --append continues it, --overwrite replaces it").arg(path), 1);
    // The recorder's own log: its write failure comes as writeFailed() below, said once; the
    // rest (sidecar, preambles, fsync) with --verbose.
    QLoggingCategory::setFilterRules(
        parser.isSet(verbose) ? u"castdeck.record.info=true"_s : u"castdeck.record.warning=false"_s);
    qInstallMessageHandler(printMessage);

    int cols = 80, rows = 24;
    hostSize(cols, rows);
    const bool tty = ::isatty(STDIN_FILENO);

    Recorder::Options options;
    options.path = path;
    options.version = parser.isSet(v3) ? 3 : 2;
    options.append = parser.isSet(append);
    options.captureInput = parser.isSet(captureInput);
    CastHeader &header = options.header;
    header.width = cols;
    header.height = rows;
    header.timestamp = QDateTime::currentSecsSinceEpoch();
    if (parser.isSet(idle))
        header.idleTimeLimit = idleLimit;
    header.command = parser.value(command);
    header.title = parser.value(title);
    for (const char *name : {"SHELL", "TERM"}) {
        const QByteArray value = qgetenv(name);
        header.env.insert(
            QLatin1StringView(name), value.isNull() ? QJsonValue() : QJsonValue(QString::fromLocal8Bit(value)));
    }
    header.hasEnv = true;

    PtySession pty;
    if (parser.isSet(command))
        pty.setProgram(u"/bin/sh"_s, {u"-c"_s, parser.value(command)});
    pty.setWindowSize(cols, rows);
    QProcessEnvironment env;
    env.insert(u"CASTDECK_REC"_s, u"1"_s); // like ASCIINEMA_REC: a prompt can show it
    if (qEnvironmentVariableIsSet("TERM"))
        env.insert(u"TERM"_s, qEnvironmentVariable("TERM")); // the output goes to this terminal
    pty.setExtraEnvironment(env);

    // The child first: its output waits in the pty until the event loop runs, and a recording
    // is not left behind for a program that could not start.
    if (!pty.start())
        return error(
            tr("cannot start %1: %2")
                .arg(parser.isSet(command) ? parser.value(command) : PtySession::loginShell(), pty.errorString()),
            1);
    Recorder recorder(options);
    QString startError;
    if (!recorder.start(&startError))
        return error(startError, 1); // ~PtySession hangs the child up

    SignalPipe signalPipe;
    // A closed stdout is not a reason to stop recording, and a file size limit (RLIMIT_FSIZE)
    // is a write error to report, not a reason to die.
    if (!signalPipe.install({SIGWINCH, SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGCONT}, {SIGPIPE, SIGXFSZ}))
        return error(tr("cannot set up signal handling: %1").arg(QString::fromLocal8Bit(std::strerror(errno))), 1);
    // The terminal on stdin: raw while recording, restored on the way out.
    RawTerminal ttyGuard(RawTerminal::Mode::Passthrough);
    // In raw mode the terminal does not turn "\n" into "\r\n" for us.
    auto notice = [&](const QString &text) {
        err << u"castdeck: "_s << text << (ttyGuard.isRaw() ? "\r\n" : "\n");
        err.flush();
    };

    int exitCode = 0;
    bool stdoutOk = true;
    QObject::connect(&pty, &PtySession::receivedData, &recorder, [&](const QByteArray &data) {
        if (stdoutOk && !writeAll(STDOUT_FILENO, data))
            stdoutOk = false; // keep recording what the child prints
        recorder.recordOutput(data);
    });
    QObject::connect(&recorder, &Recorder::backPressureChanged, &pty, &PtySession::setReadingPaused);
    QObject::connect(&recorder, &Recorder::writeFailed, &recorder, [&](const QString &message) {
        notice(tr("%1; the program goes on without being recorded").arg(message));
    });
    if (parser.isSet(verbose)) {
        QObject::connect(&recorder, &Recorder::pruningDetected, &recorder, [&](const PruningPoint &p) {
            notice(tr("checkpoint %1 at %2 s: lineOffset %3, sequenceEnd %4, event %5, %6x%7")
                       .arg(QLatin1StringView(ClearDetector::sequence(p.kind).name), seconds(p.timeUs))
                       .arg(p.lineOffset)
                       .arg(p.sequenceEnd)
                       .arg(p.eventIndex)
                       .arg(p.cols)
                       .arg(p.rows));
        });
    }
    QObject::connect(&pty, &PtySession::finished, &recorder, [&](PtyExitStatus status) {
        exitCode = status.crashed() ? 128 + status.signal : status.exitCode;
        recorder.stop(exitCode);
    });
    QObject::connect(&recorder, &Recorder::finished, &recorder, [&] {
        ttyGuard.restore();
        if (!parser.isSet(quiet))
            notice(tr("recording finished: %1").arg(path));
        QCoreApplication::exit(exitCode);
    });

    // stdin -> the child (and 'i' events).
    std::unique_ptr<QSocketNotifier> stdinNotifier;
    if (::fcntl(STDIN_FILENO, F_GETFD) != -1) {
        stdinNotifier = std::make_unique<QSocketNotifier>(STDIN_FILENO, QSocketNotifier::Read);
        QObject::connect(stdinNotifier.get(), &QSocketNotifier::activated, &pty, [&] {
            char buffer[16 * 1024];
            const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
            if (n < 0 && (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK))
                return;
            if (n <= 0) {
                stdinNotifier->setEnabled(false);
                if (!tty) {
                    // The end of a script: tell the child as a terminal would (VEOF, Ctrl+D).
                    pty.write("\x04");
                }
                return;
            }
            const QByteArray data(buffer, n);
            pty.write(data);
            recorder.recordInput(data);
        });
    }

    // Signals.
    int stopSignals = 0;
    QObject::connect(&signalPipe, &SignalPipe::signalReceived, &pty, [&](int sig) {
        switch (sig) {
        case SIGWINCH: {
            int c = cols, r = rows;
            hostSize(c, r);
            if (c != cols || r != rows) {
                cols = c;
                rows = r;
                pty.setWindowSize(cols, rows);
                recorder.recordResize(cols, rows);
            }
            break;
        }
        case SIGCONT:
            // Back from a stop (job control): the shell we were suspended to reset the terminal.
            if (ttyGuard.isRaw())
                ttyGuard.makeRaw();
            break;
        default:
            // SIGTERM, SIGHUP, SIGINT, SIGQUIT: end the child like a closed terminal does
            // (SIGHUP, SIGKILL after 2 s; at once the second time). finished() follows.
            pty.stop(++stopSignals > 1 ? 0 : 2000);
            break;
        }
    });

    if (!parser.isSet(quiet)) {
        const QString what = parser.isSet(command) ? tr("the command") : tr("the shell");
        if (options.append && info.size() > 0)
            notice(tr("appending to %1 (%2x%3); the recording ends when %4 exits")
                       .arg(path)
                       .arg(cols)
                       .arg(rows)
                       .arg(what));
        else
            notice(tr("recording to %1 (%2x%3, asciicast v%4); the recording ends when %5 exits")
                       .arg(path)
                       .arg(cols)
                       .arg(rows)
                       .arg(options.version)
                       .arg(what));
    }
    if (tty && !ttyGuard.makeRaw())
        notice(tr("cannot switch the terminal to raw mode: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
    return QCoreApplication::exec();
}
