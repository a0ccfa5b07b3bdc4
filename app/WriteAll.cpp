#include "WriteAll.h"

#include <cerrno>
#include <poll.h>
#include <unistd.h>

bool writeAll(int fd, QByteArrayView data)
{
    const char *p = data.data();
    qsizetype size = data.size();
    while (size > 0) {
        const ssize_t n = ::write(fd, p, size_t(size));
        if (n > 0) {
            p += n;
            size -= n;
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            pollfd pfd = {fd, POLLOUT, 0};
            ::poll(&pfd, 1, -1);
        } else {
            return false;
        }
    }
    return true;
}
