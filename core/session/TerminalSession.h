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
#include "record/Recorder.h"

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

    // --- Recording ------------------------------------------------------------------------
    // Records from now on into options.path. The header's size, command, title, TERM/SHELL
    // and timestamp are filled in here unless set. False with *errorString when the file
    // cannot be written. The recorder's back pressure pauses reading the pty; the child's
    // exit ends the recording with its exit status.
    bool startRecording(Recorder::Options options, QString *errorString = nullptr);
    // Finishes the file (no exit event: the program goes on). The recorder finishes in the
    // background and deletes itself (it is the application's child until then).
    void stopRecording();
    // The running recording, else nullptr (also after a write failure).
    Recorder *recorder() const { return m_recorder; }
    bool isRecording() const { return m_recorder != nullptr; }
    // An 'x' exit status as asciinema writes it: the exit code, or 128 + signal.
    static int castExitStatus(const PtyExitStatus &status);

Q_SIGNALS:
    void titleChanged(const QString &title);
    void finished(PtyExitStatus status);
    // Output arrived from the child (after it went to the terminal model).
    void receivedOutput(const QByteArray &bytes);
    // Input went to the child (keys, pastes, replies).
    void sentInput(const QByteArray &bytes);
    // The size changed (after the terminal model was resized).
    void resized(int cols, int rows);
    // A recording started or ended (stopRecording(), the program's exit, a write failure).
    void recordingChanged(bool recording);
    void recordingFailed(const QString &message);

private:
    std::unique_ptr<Terminal> m_terminal;
    std::unique_ptr<PtySession> m_pty;
    void endRecording(int exitStatus);

    QString m_errorString;
    Recorder *m_recorder = nullptr; // child; outlives this session's use of it until finished()
};
