// TerminalSession: the one place where a pty and a terminal model meet (Konsole's Session).
//
// Data flow: child -> PtySession::receivedData -> Terminal::feed (-> views repaint) and, while
// recording, -> Recorder (-> writer thread -> .cast). Keys and pastes from a view ->
// Terminal::send*() -> Terminal::outputRequested -> PtySession::write (and the recorder's 'i'
// events when input capture is on). The terminal's replies (DA, DSR) take the same path.
//
// No widgets: the GUI's TerminalTab puts a TerminalView on top, tests drive it headless.
// Lives on the GUI thread.
#pragma once

#include "pty/PtyExitStatus.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

class PtySession;
class Terminal;

class TerminalSession : public QObject
{
    Q_OBJECT
public:
    explicit TerminalSession(QObject *parent = nullptr);
    ~TerminalSession() override;

    Terminal *terminal() const { return m_terminal.get(); }
    PtySession *pty() const { return m_pty.get(); }

    // Before start(): an empty program is the login shell.
    void setProgram(const QString &program, const QStringList &arguments = {});
    void setWorkingDirectory(const QString &directory);

    // Starts the program on a pty of cols x rows. False with errorString() on failure.
    bool start(int cols, int rows);
    QString errorString() const { return m_errorString; }
    bool isRunning() const;
    // What the session shows in a tab: the terminal title, else the program's name.
    QString displayTitle() const;
    // The command line as typed ("bash", "vim notes.txt").
    QString commandLine() const;

    // The terminal size changed (the view was resized): the model, the child's window size
    // (SIGWINCH) and the recording follow.
    void resize(int cols, int rows);

    // Asks the child to end (SIGHUP, SIGKILL after graceMs); finished() follows.
    void stop(int graceMs = 2000);

Q_SIGNALS:
    void titleChanged(const QString &title);
    void finished(PtyExitStatus status);
    // Output arrived from the child (after it went to the terminal model).
    void receivedOutput(const QByteArray &bytes);
    // Input went to the child (keys, pastes, replies).
    void sentInput(const QByteArray &bytes);
    // The size changed (after the terminal model was resized).
    void resized(int cols, int rows);

private:
    std::unique_ptr<Terminal> m_terminal;
    std::unique_ptr<PtySession> m_pty;
    QString m_errorString;
};
