#include "BarePtyCat.h"

#include "OutputGenerator.h"

#include <QElapsedTimer>

#include <cerrno>
#include <cstdio>
#include <pty.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

qint64 BarePtyCat::prepareFile(QString &path, qint64 sizeMb, const QString &commandLine)
{
    const qint64 size = prepareInputFile(path, QStringLiteral("/tmp/castdeck-bench-pty-%1M.txt").arg(sizeMb),
                                         sizeMb * 1024 * 1024);
    if (size <= 0)
        return size;
    std::printf("command: %s\n", qPrintable(commandLine));
    std::printf("child:   cat %s (%lld bytes, default cooked pty: \\n -> \\r\\n)\n", qPrintable(path), qlonglong(size));
    return size;
}

BarePtyCat BarePtyCat::run(const QByteArray &filePath)
{
    BarePtyCat r;
    const qint64 cpuStart = processCpuNs();
    QElapsedTimer timer;
    timer.start();
    int master = -1;
    const pid_t pid = ::forkpty(&master, nullptr, nullptr, nullptr);
    if (pid < 0) {
        std::perror("forkpty");
        return r;
    }
    if (pid == 0) {
        ::execlp("cat", "cat", filePath.constData(), static_cast<char *>(nullptr));
        ::_exit(127);
    }
    static char buffer[64 * 1024];
    for (;;) {
        const ssize_t n = ::read(master, buffer, sizeof(buffer));
        if (n > 0) {
            r.bytes += n;
            ++r.reads;
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else {
            break; // EIO: cat exited and everything was read
        }
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    ::close(master);
    r.ns = timer.nsecsElapsed();
    r.cpuNs = processCpuNs() - cpuStart;
    return r;
}

qint64 BarePtyCat::processCpuNs()
{
    rusage usage {};
    ::getrusage(RUSAGE_SELF, &usage);
    return (qint64(usage.ru_utime.tv_sec) + usage.ru_stime.tv_sec) * 1000000000
        + (qint64(usage.ru_utime.tv_usec) + usage.ru_stime.tv_usec) * 1000;
}
