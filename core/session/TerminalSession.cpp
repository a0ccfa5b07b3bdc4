#include "TerminalSession.h"

#include "pty/PtySession.h"
#include "terminal/Terminal.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

TerminalSession::TerminalSession(QObject *parent)
    : QObject(parent)
    , m_terminal(std::make_unique<Terminal>(80, 24))
    , m_pty(std::make_unique<PtySession>())
{
    connect(m_pty.get(), &PtySession::receivedData, this, [this](const QByteArray &bytes) {
        m_terminal->feed(bytes);
        Q_EMIT receivedOutput(bytes);
    });
    connect(m_terminal.get(), &Terminal::outputRequested, this, [this](const QByteArray &bytes) {
        m_pty->write(bytes);
        Q_EMIT sentInput(bytes);
    });
    connect(m_terminal.get(), &Terminal::titleChanged, this, &TerminalSession::titleChanged);
    connect(m_pty.get(), &PtySession::finished, this, &TerminalSession::finished);
}

// The pty goes first: its destructor reaps the child, and no output may reach a dead terminal.
TerminalSession::~TerminalSession()
{
    m_pty.reset();
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
    Q_EMIT resized(m_terminal->cols(), m_terminal->rows());
}

void TerminalSession::stop(int graceMs)
{
    m_pty->stop(graceMs);
}
