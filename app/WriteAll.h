// writeAll(): the CLI commands' output loop (play's frames, rec's echo of the child's output
// to the host terminal): write(2) until every byte is out, retrying on EINTR and waiting in
// poll(2) while a non-blocking descriptor is full (a slow terminal, a pipe to a slow reader).
// Used on the main thread; blocks while the descriptor cannot take more.
#pragma once

#include <QByteArrayView>

// False on a real error (errno tells which: EPIPE for a reader that went away, with SIGPIPE
// ignored), after writing what could be written.
bool writeAll(int fd, QByteArrayView data);
