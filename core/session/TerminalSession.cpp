#include "TerminalSession.h"

#include "pty/PtySession.h"
#include "terminal/Terminal.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QProcessEnvironment>

using namespace Qt::StringLiterals;

TerminalSession::TerminalSession(QObject *parent)
    : QObject(parent)
    , m_terminal(std::make_unique<Terminal>(80, 24))
    , m_pty(std::make_unique<PtySession>())
{
    connect(m_pty.get(), &PtySession::receivedData, this, [this](const QByteArray &bytes) {
        m_terminal->feed(bytes);
        if (m_recorder)
            m_recorder->recordOutput(bytes);
        Q_EMIT receivedOutput(bytes);
    });
    connect(m_terminal.get(), &Terminal::outputRequested, this, [this](const QByteArray &bytes) {
        m_pty->write(bytes);
        if (m_recorder)
            m_recorder->recordInput(bytes);
        Q_EMIT sentInput(bytes);
    });
    connect(m_terminal.get(), &Terminal::titleChanged, this, &TerminalSession::titleChanged);
    connect(m_pty.get(), &PtySession::finished, this, [this](PtyExitStatus status) {
        endRecording(castExitStatus(status));
        Q_EMIT finished(status);
    });
}

// The pty goes first: its destructor reaps the child, and no output may reach a dead terminal.
TerminalSession::~TerminalSession()
{
    m_pty.reset();
    endRecording(-1);
}

void TerminalSession::setProgram(const QString &program, const QStringList &arguments)
{
    m_pty->setProgram(program, arguments);
}

void TerminalSession::setWorkingDirectory(const QString &directory)
{
    m_pty->setWorkingDirectory(directory);
}

bool TerminalSession::start(int cols, int rows)
{
    m_terminal->resize(cols, rows);
    m_pty->setWindowSize(m_terminal->cols(), m_terminal->rows());
    if (!m_pty->start()) {
        m_errorString = m_pty->errorString();
        return false;
    }
    return true;
}

bool TerminalSession::isRunning() const
{
    return m_pty->isRunning();
}

QString TerminalSession::displayTitle() const
{
    const QString title = m_terminal->title();
    if (!title.trimmed().isEmpty())
        return title;
    const QString program = m_pty->program().isEmpty() ? PtySession::loginShell() : m_pty->program();
    return QFileInfo(program).fileName();
}

QString TerminalSession::commandLine() const
{
    const QString program = m_pty->program().isEmpty() ? PtySession::loginShell() : m_pty->program();
    QStringList parts{QFileInfo(program).fileName()};
    parts += m_pty->arguments();
    return parts.join(u' ');
}

void TerminalSession::resize(int cols, int rows)
{
    if (cols == m_terminal->cols() && rows == m_terminal->rows())
        return;
    m_terminal->resize(cols, rows);
    m_pty->setWindowSize(m_terminal->cols(), m_terminal->rows());
    if (m_recorder)
        m_recorder->recordResize(m_terminal->cols(), m_terminal->rows());
    Q_EMIT resized(m_terminal->cols(), m_terminal->rows());
}

void TerminalSession::stop(int graceMs)
{
    m_pty->stop(graceMs);
}

bool TerminalSession::startRecording(Recorder::Options options, QString *errorString)
{
    if (m_recorder) {
        if (errorString)
            *errorString = tr("This terminal is already being recorded.");
        return false;
    }
    CastHeader &h = options.header;
    h.width = m_terminal->cols();
    h.height = m_terminal->rows();
    if (h.timestamp <= 0)
        h.timestamp = QDateTime::currentSecsSinceEpoch();
    if (h.command.isEmpty() && !m_pty->program().isEmpty())
        h.command = commandLine();
    if (h.title.isEmpty() && !m_terminal->title().trimmed().isEmpty())
        h.title = m_terminal->title();
    if (!h.hasEnv) {
        const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        h.env.insert(u"TERM"_s, u"xterm-256color"_s);
        h.env.insert(u"SHELL"_s, env.value(u"SHELL"_s, PtySession::loginShell()));
        h.hasEnv = true;
    }

    auto *recorder = new Recorder(options, this);
    if (!recorder->start(errorString)) {
        delete recorder;
        return false;
    }
    m_recorder = recorder;
    // The writer asks us to stop reading while it is behind: the child blocks, nothing is lost.
    connect(recorder, &Recorder::backPressureChanged, m_pty.get(), &PtySession::setReadingPaused);
    connect(recorder, &Recorder::writeFailed, this, [this, recorder](const QString &message) {
        if (m_recorder == recorder) {
            m_recorder = nullptr;
            m_pty->setReadingPaused(false);
            Q_EMIT recordingFailed(message);
            Q_EMIT recordingChanged(false);
        }
        recorder->deleteLater();
    });
    connect(recorder, &Recorder::finished, recorder, &QObject::deleteLater);
    Q_EMIT recordingChanged(true);
    return true;
}

void TerminalSession::stopRecording()
{
    endRecording(-1);
}

void TerminalSession::endRecording(int exitStatus)
{
    Recorder *recorder = std::exchange(m_recorder, nullptr);
    if (!recorder)
        return;
    if (m_pty)
        m_pty->setReadingPaused(false);
    // The file is finished on the writer thread (exit event, fsync, sidecar) after this session
    // may be gone: the application keeps the recorder until finished() deletes it, and its
    // destructor waits for the writer when the application ends first.
    if (QCoreApplication *app = QCoreApplication::instance())
        recorder->setParent(app);
    recorder->stop(exitStatus);
    if (m_pty) // not from the destructor: nobody listens any more
        Q_EMIT recordingChanged(false);
}

int TerminalSession::castExitStatus(const PtyExitStatus &status)
{
    return status.signal ? 128 + status.signal : status.exitCode;
}
