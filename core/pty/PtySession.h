// PtySession: one program (by default the user's login shell) running on a pseudo terminal.
//
// Data flow: child program -> pty -> PtySession::receivedData -> terminal model -> view, and
// -> recorder; keys and pastes -> write() -> pty -> child. Like Konsole's Pty, this is the one
// place where the pty and the rest meet, but it only moves bytes: no decoding, no emulation.
//
// Built on KPtyProcess (KF6Pty) for the fork, the controlling terminal and the reaping, but the
// output side reads the pty master itself: KPtyDevice reads one kernel buffer (about 4 KB) per
// event loop pass and copies it through a ring buffer, so consumers get a signal per 4 KB and
// the reading costs more CPU (tests/bench/pty). We read until the kernel has nothing more, up to
// 64 KB, and emit that once. Input goes through KPtyDevice, whose write buffering we want.
//
// Guarantees: every byte the child wrote is delivered before finished(); a child is never left
// running or unreaped once finished() was emitted or the session destroyed; no descriptor
// outlives the session. Lives on, and is used from, the GUI thread.
#pragma once

#include "PtyExitStatus.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <memory>

class KPtyProcess;
class QSocketNotifier;

class PtySession : public QObject
{
    Q_OBJECT
public:
    explicit PtySession(QObject *parent = nullptr);
    // Hangs up (closes the pty and sends SIGHUP), SIGKILLs a child still alive after 0.5 s, and
    // reaps it before returning: blocks that long only for a child that ignores SIGHUP. Emits
    // nothing.
    ~PtySession() override;

    // --- Before start() -----------------------------------------------------------------------
    // The program and its arguments. An empty program (the default) means loginShell(), with no
    // arguments. A program without a slash is looked up in PATH.
    void setProgram(const QString &program, const QStringList &arguments = {});
    QString program() const { return m_program; }
    QStringList arguments() const { return m_arguments; }
    // Empty (the default) keeps our own working directory.
    void setWorkingDirectory(const QString &directory) { m_workingDirectory = directory; }
    QString workingDirectory() const { return m_workingDirectory; }
    // The child gets our environment without COLUMNS and LINES (they would shadow the real
    // size), with TERM=xterm-256color, COLORTERM=truecolor, PWD for a working directory, and
    // then these variables, which win over all of that.
    void setExtraEnvironment(const QProcessEnvironment &variables) { m_extraEnvironment = variables; }
    QProcessEnvironment extraEnvironment() const { return m_extraEnvironment; }

    // --- Any time ----------------------------------------------------------------------------
    // The terminal size the child sees (TIOCSWINSZ). Set before start() for the first size;
    // while running, a change sends the child SIGWINCH. Clamped to 1..65535. Default 80x24.
    void setWindowSize(int columns, int rows);
    int columns() const { return m_columns; }
    int rows() const { return m_rows; }

    // Flow control for slow consumers (the recorder): while paused, the pty is not read, its
    // buffer fills up and the child blocks in write(), as on a slow terminal. Nothing is lost
    // or reordered. finished() waits too: it always comes after the last receivedData().
    void setReadingPaused(bool paused);
    bool isReadingPaused() const { return m_paused; }

    // --- Running -----------------------------------------------------------------------------
    // Starts the program. Returns false, with errorString(), when there is no pty or the
    // program could not be executed (not found, bad working directory); nothing is emitted
    // then. Also false while a child is still running; a session may be started again after
    // finished().
    bool start();
    // Input for the child, as if typed. Buffered when the pty is full. Ignored unless running.
    void write(QByteArrayView data);
    // Asks the child to end like a closed terminal window does: SIGHUP now, SIGKILL if it is
    // still alive after graceMs (0: at once). finished() follows as usual. Called again, the
    // earlier deadline wins.
    void stop(int graceMs = 2000);

    // From start() until finished() is emitted (including the short drain after the child
    // exited).
    bool isRunning() const { return m_running; }
    // The child's process id while it is alive (not yet reaped), else 0.
    qint64 pid() const;
    QString errorString() const { return m_errorString; }

    // The shell for a new session: $SHELL, else the passwd entry's shell, else /bin/sh.
    static QString loginShell();
    // loginShell()'s choice, given the two candidates: the first that is an absolute path to
    // an executable file wins, so a stale $SHELL (a shell since uninstalled) is skipped.
    static QString chooseShell(const QString &shellVariable, const QString &passwdShell);

Q_SIGNALS:
    // Output of the child, in order, in chunks of at most 64 KB. Raw bytes: may end inside a
    // UTF-8 sequence or an escape sequence.
    void receivedData(const QByteArray &data);
    // The child ended and everything it wrote was delivered. The session is idle again; its
    // pty is closed. A slot may delete the session. If something else still holds the terminal
    // (a background job ignoring SIGHUP), this comes 250 ms after the child's exit and closing
    // the pty hangs that up; its later output is not ours.
    void finished(PtyExitStatus status);

private:
    enum class ReadResult {
        Drained,   // read until the pty had nothing more for now
        ChunkFull, // stopped at one chunk; more may be waiting
        Closed,    // no slave descriptor is left and nothing is buffered: that was all
        Deleted,   // a slot connected to receivedData deleted this session
    };
    ReadResult readChunk();
    void onReadable();
    void onChildExited(int exitCode, bool crashed);
    void onDrainTimeout();
    void onKillTimeout();
    void finish();
    void releasePty();

    // Configuration.
    QString m_program;
    QStringList m_arguments;
    QString m_workingDirectory;
    QProcessEnvironment m_extraEnvironment;
    int m_columns = 80;
    int m_rows = 24;

    // State of the current run. The notifier is declared after the process so it goes first.
    std::unique_ptr<KPtyProcess> m_process;
    std::unique_ptr<QSocketNotifier> m_readNotifier;
    QByteArray m_readBuffer;   // scratch for read(2), one chunk
    QTimer m_killTimer;        // stop(): SIGKILL when the grace period is over
    QTimer m_drainTimer;       // after exit: give up waiting for the pty to close
    PtyExitStatus m_exitStatus;
    qint64 m_pid = 0;
    bool m_running = false;
    bool m_childExited = false; // reaped; we are draining the pty
    bool m_ptyClosed = false;   // read() said EIO: every slave descriptor is closed
    bool m_paused = false;
    QString m_errorString;
};
