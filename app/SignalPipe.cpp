#include "SignalPipe.h"

#include <QPointer>
#include <QSocketNotifier>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace {
using SigAction = struct sigaction; // the struct, not the function of the same name

// The write end for the handler; -1 while no SignalPipe is installed.
volatile sig_atomic_t g_writeFd = -1;

void onSignal(int signal)
{
    const int savedErrno = errno;
    const char byte = char(signal);
    [[maybe_unused]] const ssize_t n = ::write(g_writeFd, &byte, 1);
    errno = savedErrno;
}
} // namespace

SignalPipe::SignalPipe(QObject *parent)
    : QObject(parent)
{
}

SignalPipe::~SignalPipe()
{
    if (!isInstalled())
        return;
    m_notifier.reset();
    for (const auto &[signal, previous] : m_previous)
        ::sigaction(signal, &previous, nullptr);
    g_writeFd = -1;
    ::close(m_pipe[0]);
    ::close(m_pipe[1]);
}

bool SignalPipe::install(std::initializer_list<int> handled, std::initializer_list<int> ignored)
{
    if (isInstalled() || ::pipe2(m_pipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return false;
    g_writeFd = m_pipe[1];
    struct sigaction sa = {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    for (const int signal : handled) {
        m_previous.emplace_back(signal, SigAction{});
        ::sigaction(signal, &sa, &m_previous.back().second);
    }
    struct sigaction ignore = {};
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    for (const int signal : ignored) {
        m_previous.emplace_back(signal, SigAction{});
        ::sigaction(signal, &ignore, &m_previous.back().second);
    }
    m_notifier = std::make_unique<QSocketNotifier>(m_pipe[0], QSocketNotifier::Read);
    connect(m_notifier.get(), &QSocketNotifier::activated, this, &SignalPipe::onReadable);
    return true;
}

void SignalPipe::onReadable()
{
    char signal = 0;
    // One byte at a time: a slot may destroy this object, and then nothing more is read.
    const QPointer<SignalPipe> self(this);
    while (self && ::read(m_pipe[0], &signal, 1) == 1)
        Q_EMIT signalReceived(int(static_cast<unsigned char>(signal)));
}
