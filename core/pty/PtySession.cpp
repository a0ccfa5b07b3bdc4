#include "PtySession.h"

#include <KPtyDevice>
#include <KPtyProcess>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QSocketNotifier>

#include <cerrno>
#include <csignal>
#include <pwd.h>
#include <sys/types.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {
// One receivedData() at most. Large enough that a flood costs few signals and event loop
// passes (Linux hands out at most ~4 KB per read(2) of a pty master, so one chunk is many
// reads), small enough that the terminal model's work per pass stays short.
constexpr qsizetype kChunkSize = 64 * 1024;
// After the child exited, how long we wait for the pty to close when something else (a
// background job, a daemon) still holds it. The child's own output is in the kernel's buffers
// by then; this only bounds the wait for strangers.
constexpr int kDrainAfterExitMs = 250;
// The destructor cannot wait for stop()'s grace period: it blocks the GUI thread.
constexpr int kDestructorGraceMs = 500;
constexpr int kReapTimeoutMs = 5000;
}

PtySession::PtySession(QObject *parent)
    : QObject(parent)
    , m_readBuffer(kChunkSize, Qt::Uninitialized)
{
    m_killTimer.setSingleShot(true);
    connect(&m_killTimer, &QTimer::timeout, this, &PtySession::onKillTimeout);
    m_drainTimer.setSingleShot(true);
    connect(&m_drainTimer, &QTimer::timeout, this, &PtySession::onDrainTimeout);
}

PtySession::~PtySession()
{
    m_killTimer.stop();
    m_drainTimer.stop();
    m_readNotifier.reset(); // before its descriptor is closed
    if (!m_process)
        return;
    disconnect(m_process.get(), nullptr, this, nullptr);
    if (m_process->state() != QProcess::NotRunning) {
        // Closing the master hangs the terminal up, as closing a terminal window does: the
        // kernel sends SIGHUP to the child's session, and a child blocked writing to us (reading
        // paused) gets EIO instead of waiting forever.
        m_process->pty()->close();
        ::kill(pid_t(m_pid), SIGHUP);
        if (!m_process->waitForFinished(kDestructorGraceMs)) {
            m_process->kill();
            m_process->waitForFinished(kReapTimeoutMs);
        }
    }
    m_process.reset();
}

void PtySession::setProgram(const QString &program, const QStringList &arguments)
{
    m_program = program;
    m_arguments = arguments;
}

void PtySession::setWindowSize(int columns, int rows)
{
    // struct winsize holds unsigned shorts, and 0 means "unknown" to many programs.
    m_columns = qBound(1, columns, 0xffff);
    m_rows = qBound(1, rows, 0xffff);
    if (m_running && m_process->pty()->masterFd() >= 0)
        m_process->pty()->setWinSize(m_rows, m_columns); // the kernel sends SIGWINCH on a change
}

void PtySession::setReadingPaused(bool paused)
{
    if (m_paused == paused)
        return;
    m_paused = paused;
    if (!m_running)
        return;
    if (m_readNotifier)
        m_readNotifier->setEnabled(!m_paused && !m_ptyClosed);
    if (m_childExited) {
        // The drain deadline only runs while we read: a paused consumer must not lose the tail.
        if (m_paused)
            m_drainTimer.stop();
        else
            m_drainTimer.start(m_ptyClosed ? 0 : kDrainAfterExitMs);
    }
}

qint64 PtySession::pid() const
{
    return m_running && !m_childExited ? m_pid : 0;
}

bool PtySession::start()
{
    if (m_running) {
        m_errorString = u"the session is already running"_s;
        return false;
    }
    releasePty(); // what is left of a previous run
    m_process.reset();
    m_errorString.clear();
    m_exitStatus = {};
    m_pid = 0;
    m_childExited = false;
    m_ptyClosed = false;

    auto process = std::make_unique<KPtyProcess>();
    KPtyDevice *pty = process->pty();
    if (pty->masterFd() < 0) {
        m_errorString = u"cannot open a pseudo terminal: %1"_s.arg(pty->errorString());
        return false;
    }
    // We read the master ourselves (see the header); KPtyDevice must not take data from it.
    // Nothing has run the event loop since it was opened, so it has not read anything yet.
    pty->setSuspended(true);
    pty->setWinSize(m_rows, m_columns);

    if (m_program.isEmpty())
        process->setProgram(loginShell());
    else
        process->setProgram(m_program, m_arguments);
    process->setPtyChannels(KPtyProcess::AllChannels);
    // The pty replaces stdin, stdout and stderr in the child, so QProcess's pipes for them
    // would only cost descriptors and notifiers.
    process->setOutputChannelMode(KProcess::ForwardedChannels);
    process->setInputChannelMode(QProcess::ForwardedInputChannel);
    // An ignored signal stays ignored across exec(): started from nohup, every shell would
    // ignore SIGHUP and stop() could only kill it.
    process->setUnixProcessParameters(QProcess::UnixProcessFlag::ResetSignalHandlers);

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // Set when CastDeck was started from a shell; they would override the real size for
    // programs that read them first, and never follow a resize.
    environment.remove(u"COLUMNS"_s);
    environment.remove(u"LINES"_s);
    environment.insert(u"TERM"_s, u"xterm-256color"_s);
    environment.insert(u"COLORTERM"_s, u"truecolor"_s);
    if (!m_workingDirectory.isEmpty()) {
        // Shells keep the logical path (through symlinks) when PWD names their directory;
        // inherited, it would name ours.
        environment.insert(u"PWD"_s, QDir(m_workingDirectory).absolutePath());
        process->setWorkingDirectory(m_workingDirectory);
    }
    environment.insert(m_extraEnvironment);
    process->setProcessEnvironment(environment);

    connect(process.get(), &QProcess::finished, this, [this](int exitCode, QProcess::ExitStatus status) {
        onChildExited(exitCode, status == QProcess::CrashExit);
    });

    process->start();
    // Returns as soon as exec() succeeded or failed in the child; the pty plays no part in it.
    if (!process->waitForStarted()) {
        m_errorString = process->errorString();
        return false; // QProcess reaped the failed child; the pty closes with `process`
    }

    m_pid = process->processId();
    m_process = std::move(process);
    m_readNotifier = std::make_unique<QSocketNotifier>(pty->masterFd(), QSocketNotifier::Read);
    connect(m_readNotifier.get(), &QSocketNotifier::activated, this, &PtySession::onReadable);
    m_readNotifier->setEnabled(!m_paused);
    m_running = true;
    return true;
}

void PtySession::write(QByteArrayView data)
{
    if (!m_running || m_childExited || data.isEmpty())
        return;
    m_process->pty()->write(data.constData(), data.size());
}

void PtySession::stop(int graceMs)
{
    if (!m_running || m_childExited)
        return;
    // The child is not reaped yet (m_childExited is set where QProcess reaps it), so the pid
    // cannot have been reused.
    ::kill(pid_t(m_pid), SIGHUP);
    if (graceMs <= 0)
        onKillTimeout();
    else if (!m_killTimer.isActive() || m_killTimer.remainingTime() > graceMs)
        m_killTimer.start(graceMs);
}

void PtySession::onKillTimeout()
{
    if (m_running && !m_childExited)
        m_process->kill();
}

PtySession::ReadResult PtySession::readChunk()
{
    const int fd = m_process->pty()->masterFd();
    char *const buffer = m_readBuffer.data();
    qsizetype size = 0;
    ReadResult result = ReadResult::ChunkFull;
    // Reading until EAGAIN (the master is non-blocking) collects what the kernel has into one
    // chunk: one signal and one event loop pass per chunk, not per kernel buffer.
    while (size < kChunkSize) {
        const ssize_t n = ::read(fd, buffer + size, size_t(kChunkSize - size));
        if (n > 0) {
            size += n;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            result = ReadResult::Drained;
            break;
        }
        // EIO: every slave descriptor is closed and the kernel had nothing left (it finishes
        // moving pending output into the master's buffer before it says so).
        result = ReadResult::Closed;
        break;
    }
    if (size > 0) {
        QPointer<PtySession> alive(this);
        Q_EMIT receivedData(QByteArray(buffer, size));
        if (!alive)
            return ReadResult::Deleted;
    }
    return result;
}

void PtySession::onReadable()
{
    const ReadResult result = readChunk();
    if (result != ReadResult::Closed)
        return; // Deleted: nothing of ours is left to touch
    m_ptyClosed = true;
    // A hung-up master stays readable (POLLHUP); stop listening.
    m_readNotifier->setEnabled(false);
    if (m_childExited)
        finish();
}

void PtySession::onChildExited(int exitCode, bool crashed)
{
    // QProcess reports a crash's signal number as the exit code.
    m_exitStatus = crashed ? PtyExitStatus::killed(exitCode) : PtyExitStatus::exited(exitCode);
    m_childExited = true;
    m_killTimer.stop();
    // The exit is reported on another channel (QProcess's pidfd) than the output and can
    // overtake output still in the pty: finished() must wait for the pty. Once our own slave
    // descriptor is closed too, the master reads EIO after the last byte. No emission here:
    // QProcess is still on the stack, and a slot connected to finished() may delete us.
    m_process->pty()->closeSlave();
    if (m_ptyClosed)
        m_drainTimer.start(0);
    else if (!m_paused)
        m_drainTimer.start(kDrainAfterExitMs);
}

void PtySession::onDrainTimeout()
{
    // Something else still holds the terminal (a background job that kept it). Deliver what is
    // there and end; closing the master in finish() hangs such strays up.
    if (!m_ptyClosed && readChunk() == ReadResult::Deleted)
        return;
    finish();
}

void PtySession::finish()
{
    if (!m_running)
        return;
    m_drainTimer.stop();
    m_killTimer.stop();
    m_running = false;
    releasePty();
    const PtyExitStatus status = m_exitStatus;
    Q_EMIT finished(status); // last: a slot may delete this session
}

void PtySession::releasePty()
{
    // The notifier goes first: a notifier on a closed (or reused) descriptor is undefined.
    // Deleting it here is fine even from its own activated() (QSocketNotifier guards that).
    m_readNotifier.reset();
    if (m_process && m_process->pty()->masterFd() >= 0)
        m_process->pty()->close();
}

QString PtySession::loginShell()
{
    QString passwdShell;
    // getpwuid_r: the non-reentrant getpwuid() shares a static buffer with any other thread.
    passwd entry {};
    passwd *found = nullptr;
    QByteArray buffer(16 * 1024, Qt::Uninitialized);
    if (::getpwuid_r(::getuid(), &entry, buffer.data(), size_t(buffer.size()), &found) == 0 && found
        && found->pw_shell)
        passwdShell = QFile::decodeName(found->pw_shell);
    return chooseShell(qEnvironmentVariable("SHELL"), passwdShell);
}

QString PtySession::chooseShell(const QString &shellVariable, const QString &passwdShell)
{
    for (const QString &candidate : {shellVariable, passwdShell}) {
        const QFileInfo info(candidate);
        if (!candidate.isEmpty() && info.isAbsolute() && info.isFile() && info.isExecutable())
            return candidate;
    }
    return u"/bin/sh"_s;
}
