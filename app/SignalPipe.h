// SignalPipe: POSIX signals for the CLI commands' event loops (play, rec), by the self-pipe
// trick: the handler only writes the signal's number into a non-blocking pipe (it is
// async-signal-safe that way); a QSocketNotifier on the other end emits signalReceived() on
// the thread that owns the SignalPipe, where it is safe to act (stop a child, restore the
// terminal, quit).
//
// install() also sets the `ignored` signals to SIG_IGN (SIGPIPE: a reader that went away is a
// write error to report, not a reason to die). The destructor restores every disposition it
// changed and closes the pipe. One SignalPipe may be installed at a time in a process (the
// handler has one pipe to write to). Used on the main thread.
#pragma once

#include <QObject>

#include <csignal>
#include <initializer_list>
#include <memory>
#include <utility>
#include <vector>

class QSocketNotifier;

class SignalPipe : public QObject
{
    Q_OBJECT
public:
    explicit SignalPipe(QObject *parent = nullptr);
    ~SignalPipe() override;

    // Catches `handled` (SA_RESTART; each delivery becomes one signalReceived()) and ignores
    // `ignored`, saving their previous dispositions. False, with errno set, when the pipe
    // cannot be made; nothing is changed then.
    bool install(std::initializer_list<int> handled, std::initializer_list<int> ignored = {});
    bool isInstalled() const { return m_notifier != nullptr; }

Q_SIGNALS:
    // In the order they arrived; a signal delivered twice before the loop ran comes twice.
    void signalReceived(int signal);

private:
    void onReadable();

    int m_pipe[2] = {-1, -1};
    std::unique_ptr<QSocketNotifier> m_notifier;
    std::vector<std::pair<int, struct sigaction>> m_previous; // signal, disposition before install()
};
