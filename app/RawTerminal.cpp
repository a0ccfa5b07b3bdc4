#include "RawTerminal.h"

#include <atomic>
#include <unistd.h>

namespace {
// Read by Qt message handlers, which may run on any thread.
std::atomic<bool> g_anyRaw = false;
} // namespace

RawTerminal::RawTerminal(Mode mode)
    : m_mode(mode)
{
}

RawTerminal::~RawTerminal()
{
    restore();
}

bool RawTerminal::makeRaw()
{
    if (!m_raw && ::tcgetattr(STDIN_FILENO, &m_saved) != 0)
        return false;
    termios t = m_saved;
    if (m_mode == Mode::Passthrough) {
        ::cfmakeraw(&t);
    } else {
        t.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG | IEXTEN);
        t.c_iflag &= ~tcflag_t(IXON | ICRNL);
        t.c_cc[VMIN] = 1;
        t.c_cc[VTIME] = 0;
    }
    if (::tcsetattr(STDIN_FILENO, m_mode == Mode::Passthrough ? TCSADRAIN : TCSAFLUSH, &t) != 0)
        return false;
    m_raw = g_anyRaw = true;
    return true;
}

void RawTerminal::restore()
{
    if (m_raw)
        ::tcsetattr(STDIN_FILENO, m_mode == Mode::Passthrough ? TCSADRAIN : TCSAFLUSH, &m_saved);
    m_raw = g_anyRaw = false;
}

bool RawTerminal::anyRaw()
{
    return g_anyRaw;
}
