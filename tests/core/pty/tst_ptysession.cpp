#include "pty/PtySession.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <csignal>
#include <dirent.h>
#include <memory>
#include <pwd.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

constexpr int kTimeoutMs = 20000; // generous: two shared cores, an ASan build

// Open descriptors of this process, /proc/self/fd's own one included (it always is).
int openDescriptorCount()
{
    DIR *dir = ::opendir("/proc/self/fd");
    if (!dir)
        return -1;
    int count = 0;
    while (const dirent *entry = ::readdir(dir)) {
        if (entry->d_name[0] != '.')
            ++count;
    }
    ::closedir(dir);
    return count;
}

// True when no child of ours exists, not even an unreaped zombie. WNOWAIT: only look.
bool haveNoChildren()
{
    siginfo_t info {};
    return ::waitid(P_ALL, 0, &info, WEXITED | WNOHANG | WNOWAIT) == -1 && errno == ECHILD;
}

// A zombie still answers kill(pid, 0); only a reaped process gives ESRCH.
bool processGone(qint64 pid)
{
    return pid > 0 && ::kill(pid_t(pid), 0) == -1 && errno == ESRCH;
}

bool processAlive(qint64 pid)
{
    return pid > 0 && ::kill(pid_t(pid), 0) == 0;
}

// Records everything a session says, and whether output ever came after finished().
struct Collector {
    QByteArray output;
    int chunks = 0;
    qsizetype largestChunk = 0;
    QList<PtyExitStatus> statuses;
    bool dataAfterFinished = false;

    explicit Collector(PtySession *session)
    {
        QObject::connect(session, &PtySession::receivedData, session, [this](const QByteArray &data) {
            if (!statuses.isEmpty())
                dataAfterFinished = true;
            output += data;
            ++chunks;
            largestChunk = qMax(largestChunk, data.size());
        });
        QObject::connect(session, &PtySession::finished, session, [this](PtyExitStatus status) {
            statuses.append(status);
        });
    }
};

void setScript(PtySession &session, const QString &script, const QStringList &arguments = {})
{
    session.setProgram(u"/bin/sh"_s, QStringList{u"-c"_s, script, u"sh"_s} + arguments);
}

// A printf format that prints exactly `bytes`: every byte as a three-digit octal escape.
QString printfFormat(const QByteArray &bytes)
{
    QString format;
    for (const char c : bytes)
        format += u"\\%1"_s.arg(uint(uchar(c)), 3, 8, QChar(u'0'));
    return format;
}

QByteArray allByteValues()
{
    QByteArray bytes;
    for (int i = 0; i < 256; ++i)
        bytes.append(char(i));
    return bytes;
}

// "1\r\n2\r\n...": what `seq 1 n` shows through a pty in its default (cooked) mode.
QByteArray cookedSeq(int n)
{
    QByteArray out;
    for (int i = 1; i <= n; ++i) {
        out += QByteArray::number(i);
        out += "\r\n";
    }
    return out;
}

// Restores an environment variable of this process when the test ends.
class EnvironmentGuard
{
public:
    explicit EnvironmentGuard(const char *name)
        : m_name(name)
        , m_wasSet(qEnvironmentVariableIsSet(name))
        , m_value(qgetenv(name))
    {
    }
    ~EnvironmentGuard()
    {
        if (m_wasSet)
            qputenv(m_name, m_value);
        else
            qunsetenv(m_name);
    }

private:
    const char *m_name;
    bool m_wasSet;
    QByteArray m_value;
};

}

class TestPtySession : public QObject
{
    Q_OBJECT
private:
    int m_descriptorsBefore = 0;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(haveNoChildren());
        // Warm up whatever Qt and glibc open once per process (forkfd, NSS), so that the
        // per-test descriptor count compares like with like.
        (void)PtySession::loginShell();
        PtySession session;
        setScript(session, u"exit 0"_s);
        QSignalSpy finished(&session, &PtySession::finished);
        QVERIFY2(session.start(), qPrintable(session.errorString()));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kTimeoutMs);
    }

    void init()
    {
        m_descriptorsBefore = openDescriptorCount();
        QVERIFY(m_descriptorsBefore > 0);
    }

    // Every test: no descriptor and no child (not even a zombie) outlives its sessions.
    void cleanup()
    {
        QCOMPARE(openDescriptorCount(), m_descriptorsBefore);
        QVERIFY(haveNoChildren());
    }

    void outputBytes_data()
    {
        QTest::addColumn<QByteArray>("printed");
        QTest::addColumn<bool>("raw");
        QTest::addColumn<QByteArray>("expected");
        // Cooked (the pty's default): the line discipline turns "\n" into "\r\n" (ONLCR).
        QTest::newRow("ascii-cooked") << "hello\n"_ba << false << "hello\r\n"_ba;
        QTest::newRow("sgr-cooked") << "\x1b[1;31mred\x1b[0m\n"_ba << false << "\x1b[1;31mred\x1b[0m\r\n"_ba;
        QTest::newRow("no-output") << QByteArray() << false << QByteArray();
        // Raw (stty raw): output is passed byte for byte.
        QTest::newRow("lf-raw") << "a\nb\r\nc"_ba << true << "a\nb\r\nc"_ba;
        QTest::newRow("utf8-raw") << "h\xc3\xa9llo \xe6\xbc\xa2 \xf0\x9f\x98\x80"_ba << true
                                  << "h\xc3\xa9llo \xe6\xbc\xa2 \xf0\x9f\x98\x80"_ba;
        QTest::newRow("split-utf8-raw") << "\xe6\xbc"_ba << true << "\xe6\xbc"_ba;
        QTest::newRow("nul-and-high-raw") << QByteArray("\0\xff\0\xfe\x7f", 5) << true
                                          << QByteArray("\0\xff\0\xfe\x7f", 5);
        QTest::newRow("all-byte-values-raw") << allByteValues() << true << allByteValues();
    }
    void outputBytes()
    {
        QFETCH(QByteArray, printed);
        QFETCH(bool, raw);
        QFETCH(QByteArray, expected);
        PtySession session;
        Collector c(&session);
        setScript(session, raw ? u"stty raw; printf \"$1\""_s : u"printf \"$1\""_s, {printfFormat(printed)});
        QVERIFY2(session.start(), qPrintable(session.errorString()));
        QVERIFY(session.isRunning());
        QTRY_COMPARE_WITH_TIMEOUT(c.statuses.size(), 1, kTimeoutMs);
        QCOMPARE(c.output, expected);
        QCOMPARE(c.statuses.first(), PtyExitStatus::exited(0));
        QVERIFY(!c.dataAfterFinished);
        QVERIFY(!session.isRunning());
        QCOMPARE(session.pid(), 0);
    }

    // 5 MB, then exit at once: all of it arrives, in order, before finished().
    void largeOutput()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QByteArray content(5 * 1024 * 1024, Qt::Uninitialized);
        quint32 x = 2463534242u; // xorshift32: every byte value, deterministic
        for (char &byte : content) {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            byte = char(x >> 24);
        }
        const QString path = dir.filePath(u"big.bin"_s);
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QCOMPARE(file.write(content), content.size());
        }
        PtySession session;
        Collector c(&session);
        setScript(session, u"stty raw; cat \"$1\""_s, {path});
        QVERIFY2(session.start(), qPrintable(session.errorString()));
        QTRY_COMPARE_WITH_TIMEOUT(c.statuses.size(), 1, 60000);
        QCOMPARE(c.output.size(), content.size());
        QCOMPARE(QCryptographicHash::hash(c.output, QCryptographicHash::Sha256),
                 QCryptographicHash::hash(content, QCryptographicHash::Sha256));
        QCOMPARE(c.statuses.first(), PtyExitStatus::exited(0));
        QVERIFY(!c.dataAfterFinished);
        QVERIFY(c.largestChunk <= 64 * 1024);
        qInfo("5 MB arrived in %d chunks (largest %lld bytes)", c.chunks, qlonglong(c.largestChunk));
    }

    // The exit is seen on another channel than the output; the tail must still arrive. Many
    // short runs, since a lost tail is a race.
    void tailIsNotLostAtExit()
    {
        for (int run = 0; run < 25; ++run) {
            PtySession session;
            Collector c(&session);
            setScript(session, u"seq 1 2000; printf 'END-%s' \"$1\"; exit 3"_s, {QString::number(run)});
            QVERIFY2(session.start(), qPrintable(session.errorString()));
            QTRY_COMPARE_WITH_TIMEOUT(c.statuses.size(), 1, kTimeoutMs);
            QCOMPARE(c.output, QByteArray(cookedSeq(2000) + "END-" + QByteArray::number(run)));
            QCOMPARE(c.statuses.first(), PtyExitStatus::exited(3));
            QVERIFY(!c.dataAfterFinished);
        }
    }

    void exitCode_data()
    {
        QTest::addColumn<int>("code");
        QTest::newRow("0") << 0;
        QTest::newRow("1") << 1;
        QTest::newRow("42") << 42;
        QTest::newRow("255") << 255;
    }
    void exitCode()
    {
        QFETCH(int, code);
        PtySession session;
        QSignalSpy finished(&session, &PtySession::finished);
        setScript(session, u"exit %1"_s.arg(code));
        QVERIFY2(session.start(), qPrintable(session.errorString()));
        const qint64 pid = session.pid();
        QVERIFY(processAlive(pid) || processGone(pid)); // a real pid, possibly exited already
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kTimeoutMs);
        const auto status = finished.first().first().value<PtyExitStatus>();
        QCOMPARE(status.exitCode, code);
        QCOMPARE(status.signal, 0);
        QVERIFY(!status.crashed());
        QCOMPARE(status.succeeded(), code == 0);
        QVERIFY(processGone(pid));
    }

    void killedBySignal_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("signal");
        QTest::newRow("TERM") << u"TERM"_s << int(SIGTERM);
        QTest::newRow("KILL") << u"KILL"_s << int(SIGKILL);
        QTest::newRow("HUP") << u"HUP"_s << int(SIGHUP);
        QTest::newRow("INT") << u"INT"_s << int(SIGINT);
    }
    void killedBySignal()
    {
        QFETCH(QString, name);
        QFETCH(int, signal);
        PtySession session;
        Collector c(&session);
        setScript(session, u"echo before; kill -%1 $$; echo after"_s.arg(name));
        QVERIFY2(session.start(), qPrintable(session.errorString()));
        const qint64 pid = session.pid();
        QTRY_COMPARE_WITH_TIMEOUT(c.statuses.size(), 1, kTimeoutMs);
        QCOMPARE(c.statuses.first(), PtyExitStatus::killed(signal));
        QVERIFY(c.statuses.first().crashed());
        QCOMPARE(c.output, "before\r\n"_ba);
        QVERIFY(processGone(pid));
    }

    void stop_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<int>("graceMs");
        QTest::addColumn<int>("signal");
        QTest::addColumn<int>("minMs");
        QTest::addColumn<int>("maxMs");
        QTest::newRow("hup-ends-it") << u"echo ready; exec sleep 100"_s << 10000 << int(SIGHUP) << 0 << 5000;
        // QTimer may fire up to 5% early (coarse timers).
        QTest::newRow("hup-ignored-kill-after-grace")
            << u"trap '' HUP; echo ready; exec sleep 100"_s << 300 << int(SIGKILL) << 280 << 5000;
    }
    void stop()
    {
        QFETCH(QString, script);
        QFETCH(int, graceMs);
        QFETCH(int, signal);
        QFETCH(int, minMs);
        QFETCH(int, maxMs);
        PtySession session;
        Collector c(&session);
        setScript(session, script);
        QVERIFY2(session.start(), qPrintable(session.errorString()));
        const qint64 pid = session.pid();
        // Only once the trap is set (and the shell replaced by sleep) is the result defined.
        QTRY_VERIFY_WITH_TIMEOUT(c.output.contains("ready\r\n"), kTimeoutMs);
        QTest::qWait(50); // let exec happen; sleep inherits the ignored HUP either way
        QElapsedTimer timer;
        timer.start();
        session.stop(graceMs * 10);
        session.stop(graceMs); // the earlier deadline wins, in either order
        session.stop(graceMs * 10);
        QTRY_COMPARE_WITH_TIMEOUT(c.statuses.size(), 1, kTimeoutMs);
        const qint64 elapsed = timer.elapsed();
        QCOMPARE(c.statuses.first(), PtyExitStatus::killed(signal));
        QVERIFY2(elapsed >= minMs && elapsed <= maxMs, qPrintable(u"%1 ms"_s.arg(elapsed)));
        QVERIFY(processGone(pid));
        session.stop(); // idle: nothing happens
        QTest::qWait(50);
        QCOMPARE(c.statuses.size(), 1);
    }

    // A CastDeck started with SIGHUP ignored (nohup) must not hand that on: the shell would
    // survive stop()'s SIGHUP and always need the SIGKILL.
    void childDoesNotInheritIgnoredHangup()
    {
        struct sigaction ignore {}, previous {};
        ignore.sa_handler = SIG_IGN;
        QCOMPARE(::sigaction(SIGHUP, &ignore, &previous), 0);
        const auto restore = qScopeGuard([&] { ::sigaction(SIGHUP, &previous, nullptr); });
        PtySession session;
        Collector c(&session);
        setScript(session, u"echo ready; exec sleep 100"_s);
        QVERIFY2(session.start(), qPrintable(session.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(c.output.contains("ready\r\n"), kTimeoutMs);
        session.stop(8000); // a SIGKILL after this would mean the HUP was ignored
        QTRY_COMPARE_WITH_TIMEOUT(c.statuses.size(), 1, kTimeoutMs);
        QCOMPARE(c.statuses.first(), PtyExitStatus::killed(SIGHUP));
    }

    void windowSize_data()
    {
        QTest::addColumn<int>("columns");
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("newColumns");
        QTest::addColumn<int>("newRows");
        QTest::newRow("80x24-to-100x30") << 80 << 24 << 100 << 30;
        QTest::newRow("132x43-to-80x24") << 132 << 43 << 80 << 24;
        QTest::newRow("20x5-to-300x100") << 20 << 5 << 300 << 100;
        QTest::newRow("only-rows-change") << 80 << 24 << 80 << 50;
    }
    void windowSize()
    {
        QFETCH(int, columns);
        QFETCH(int, rows);
        QFETCH(int, newColumns);
        QFETCH(int, newRows);
        PtySession session;
        Collector c(&session);
        // The trap is set before the first line, so a resize after it is never missed.
        setScript(session, u"trap 'stty size; exit 0' WINCH; stty size; while :; do sleep 0.05; done"_s);
        session.setWindowSize(columns, rows);
        QCOMPARE(session.columns(), columns);
        QCOMPARE(session.rows(), rows);
        QVERIFY2(session.start(), qPrintable(session.errorString()));
        const QByteArray first = QByteArray::number(rows) + ' ' + QByteArray::number(columns) + "\r\n";
        QTRY_COMPARE_WITH_TIMEOUT(c.output, first, kTimeoutMs);
        session.setWindowSize(newColumns, newRows);
        QTRY_COMPARE_WITH_TIMEOUT(c.statuses.size(), 1, kTimeoutMs);
        QCOMPARE(c.output, QByteArray(first + QByteArray::number(newRows) + ' ' + QByteArray::number(newColumns) + "\r\n"));
        QCOMPARE(c.statuses.first(), PtyExitStatus::exited(0));
    }

    void windowSizeIsClamped()
    {
        PtySession session;
        session.setWindowSize(0, -3);
        QCOMPARE(session.columns(), 1);
        QCOMPARE(session.rows(), 1);
        session.setWindowSize(100000, 70000);
        QCOMPARE(session.columns(), 65535);
        QCOMPARE(session.rows(), 65535);
    }

    // The shell sees the directory we asked for, by the path we gave (PWD), not only the
    // resolved one.
    void workingDirectory()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QDir(dir.path()).mkdir(u"real"_s));
        QVERIFY(QFile::link(dir.filePath(u"real"_s), dir.filePath(u"link"_s)));
        PtySession session;
        Collector c(&session);
        setScript(session, u"pwd; pwd -P"_s);
        session.setWorkingDirectory(dir.filePath(u"link"_s));
        QVERIFY2(session.start(), qPrintable(session.errorString()));
        QTRY_COMPARE_WITH_TIMEOUT(c.statuses.size(), 1, kTimeoutMs);
        const QByteArray logical = QFile::encodeName(dir.filePath(u"link"_s));
        const QByteArray physical = QFile::encodeName(QFileInfo(dir.filePath(u"real"_s)).canonicalFilePath());
        QCOMPARE(c.output, QByteArray(logical + "\r\n" + physical + "\r\n"));
    }

    void environment_data()
    {
        QTest::addColumn<QString>("extraTerm");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("defaults") << QString() << "xterm-256color|truecolor|extra value|unset|unset"_ba;
        QTest::newRow("caller-overrides-term") << u"dumb"_s << "dumb|truecolor|extra value|unset|unset"_ba;
    }
    void environment()
    {
        QFETCH(QString, extraTerm);
        QFETCH(QByteArray, expected);
        const EnvironmentGuard term("TERM"), colorterm("COLORTERM"), columns("COLUMNS"), lines("LINES");
        // What a parent shell may have left us: none of it may reach the child.
        qputenv("TERM", "vt100");
        qunsetenv("COLORTERM");
        qputenv("COLUMNS", "999");
        qputenv("LINES", "99");
        PtySession session;
        Collector c(&session);
        setScript(session,
                  u"printf '%s|%s|%s|%s|%s' \"$TERM\" \"${COLORTERM-unset}\" \"$CASTDECK_EXTRA\" "
                  u"\"${COLUMNS-unset}\" \"${LINES-unset}\""_s);
        QProcessEnvironment extra;
        extra.insert(u"CASTDECK_EXTRA"_s, u"extra value"_s);
        if (!extraTerm.isEmpty())
            extra.insert(u"TERM"_s, extraTerm);
        session.setExtraEnvironment(extra);
        QVERIFY2(session.start(), qPrintable(session.errorString()));
        QTRY_COMPARE_WITH_TIMEOUT(c.statuses.size(), 1, kTimeoutMs);
        QCOMPARE(c.output, expected);
    }

    void chooseShell_data()
    {
        QTest::addColumn<QString>("shellVariable");
        QTest::addColumn<QString>("passwdShell");
        QTest::addColumn<QString>("expected");
        QTest::newRow("variable-wins") << u"/bin/bash"_s << u"/bin/sh"_s << u"/bin/bash"_s;
        QTest::newRow("no-variable-passwd") << QString() << u"/bin/bash"_s << u"/bin/bash"_s;
        QTest::newRow("neither-bin-sh") << QString() << QString() << u"/bin/sh"_s;
        QTest::newRow("stale-variable-passwd") << u"/nonexistent/zsh"_s << u"/bin/bash"_s << u"/bin/bash"_s;
        QTest::newRow("both-stale-bin-sh") << u"/nonexistent/zsh"_s << u"/nonexistent/fish"_s << u"/bin/sh"_s;
        QTest::newRow("relative-variable") << u"bash"_s << QString() << u"/bin/sh"_s;
        QTest::newRow("not-executable") << u"/etc/passwd"_s << QString() << u"/bin/sh"_s;
        QTest::newRow("directory") << u"/tmp"_s << u"/bin/bash"_s << u"/bin/bash"_s;
    }
    void chooseShell()
    {
        QFETCH(QString, shellVariable);
        QFETCH(QString, passwdShell);
        QFETCH(QString, expected);
        QCOMPARE(PtySession::chooseShell(shellVariable, passwdShell), expected);
    }

    void loginShellReadsEnvironmentThenPasswd()
    {
        const EnvironmentGuard shell("SHELL");
        qputenv("SHELL", "/bin/bash");
        QCOMPARE(PtySession::loginShell(), u"/bin/bash"_s);
        qputenv("SHELL", "/bin/sh");
        QCOMPARE(PtySession::loginShell(), u"/bin/sh"_s);
        qunsetenv("SHELL");
        const passwd *entry = ::getpwuid(::getuid());
        const QString passwdShell = entry && entry->pw_shell ? QFile::decodeName(entry->pw_shell) : QString();
        const bool usable = !passwdShell.isEmpty() && QFileInfo(passwdShell).isExecutable();
        QCOMPARE(PtySession::loginShell(), usable ? passwdShell : u"/bin/sh"_s);
    }

    // No program: the login shell, interactive on the pty; typed input reaches it.
    void defaultProgramIsLoginShell()
    {
        const EnvironmentGuard shell("SHELL");
        qputenv("SHELL", "/bin/sh");
        PtySession session;
        Collector c(&session);
        QVERIFY2(session.start(), qPrintable(session.errorString()));
        session.write("echo \"shell=$0 tty=$(tty)\"; exit 7\n");
        QTRY_COMPARE_WITH_TIMEOUT(c.statuses.size(), 1, kTimeoutMs);
        QCOMPARE(c.statuses.first(), PtyExitStatus::exited(7));
        // The echo of the typed line shows "$0"; only the shell's output has it expanded.
        QVERIFY2(c.output.contains("shell=/bin/sh tty=/dev/pts/"), c.output.constData());
    }

    // 200 KB of every byte value, far more than the pty holds at once: buffered, all delivered.
    void writeReachesChild()
    {
        QByteArray input;
        while (input.size() < 200000)
            input += allByteValues();
        input.truncate(200000);
        PtySession session;
        Collector c(&session);
        // Raw, no echo, no ^V handling: the line discipline passes every byte through.
        setScript(session, u"stty raw -echo -iexten; echo ready; head -c 200000 | md5sum"_s);
        QVERIFY2(session.start(), qPrintable(session.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(c.output.contains("ready\n"), kTimeoutMs);
        session.write(input);
        QTRY_COMPARE_WITH_TIMEOUT(c.statuses.size(), 1, kTimeoutMs);
        const QByteArray md5 = QCryptographicHash::hash(input, QCryptographicHash::Md5).toHex();
        QCOMPARE(c.output, QByteArray("ready\n" + md5 + "  -\n"));
        session.write("ignored"); // idle: no crash, nothing happens
    }

    // Paused before start: nothing is read, the child blocks in write(); after resuming
    // everything arrives in order.
    void pausedReadingBlocksTheChild()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString marker = dir.filePath(u"wrote-everything"_s);
        PtySession session;
        Collector c(&session);
        setScript(session, u"seq 1 100000; : > \"$1\""_s, {marker});
        session.setReadingPaused(true);
        QVERIFY(session.isReadingPaused());
        QVERIFY2(session.start(), qPrintable(session.errorString()));
        const qint64 pid = session.pid();
        QTest::qWait(800);
        QCOMPARE(c.chunks, 0);
        QVERIFY(!QFileInfo::exists(marker)); // seq is stuck: ~690 KB do not fit in the pty
        QVERIFY(processAlive(pid));
        QVERIFY(session.isRunning());
        QVERIFY(c.statuses.isEmpty());
        session.setReadingPaused(false);
        QTRY_COMPARE_WITH_TIMEOUT(c.statuses.size(), 1, kTimeoutMs);
        QCOMPARE(c.output, cookedSeq(100000));
        QVERIFY(QFileInfo::exists(marker));
        QVERIFY(!c.dataAfterFinished);
        QCOMPARE(c.statuses.first(), PtyExitStatus::exited(0));
    }

    // The recorder's way: pause from a receivedData slot, mid-stream.
    void pauseFromSlotMidStream()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString marker = dir.filePath(u"wrote-everything"_s);
        PtySession session;
        Collector c(&session);
        int chunksWhenPaused = -1;
        connect(&session, &PtySession::receivedData, &session, [&] {
            if (chunksWhenPaused < 0 && c.output.size() > 100000) {
                session.setReadingPaused(true);
                chunksWhenPaused = c.chunks;
            }
        });
        setScript(session, u"seq 1 100000; : > \"$1\""_s, {marker});
        QVERIFY2(session.start(), qPrintable(session.errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(chunksWhenPaused > 0, kTimeoutMs);
        QTest::qWait(600);
        QCOMPARE(c.chunks, chunksWhenPaused);
        QVERIFY(!QFileInfo::exists(marker));
        QVERIFY(c.statuses.isEmpty());
        session.setReadingPaused(false);
        QTRY_COMPARE_WITH_TIMEOUT(c.statuses.size(), 1, kTimeoutMs);
        QCOMPARE(c.output, cookedSeq(100000));
        QVERIFY(!c.dataAfterFinished);
    }

    // The child exits while we are paused: finished() waits for the data, the data for resume.
    void finishedWaitsWhilePaused()
    {
        PtySession session;
        Collector c(&session);
        setScript(session, u"printf tail; exit 5"_s);
        session.setReadingPaused(true);
        QVERIFY2(session.start(), qPrintable(session.errorString()));
        const qint64 pid = session.pid();
        QTRY_VERIFY_WITH_TIMEOUT(processGone(pid), kTimeoutMs); // exited and reaped
        // The reaping (forkfd) can be seen before the event loop has delivered it to us.
        QTRY_COMPARE_WITH_TIMEOUT(session.pid(), 0, kTimeoutMs);
        QTest::qWait(400); // longer than the drain deadline
        QVERIFY(c.statuses.isEmpty());
        QCOMPARE(c.chunks, 0);
        QVERIFY(session.isRunning());
        session.setReadingPaused(false);
        QTRY_COMPARE_WITH_TIMEOUT(c.statuses.size(), 1, kTimeoutMs);
        QCOMPARE(c.output, "tail"_ba);
        QCOMPARE(c.statuses.first(), PtyExitStatus::exited(5));
    }

    // A background job that ignores SIGHUP keeps the terminal open after the shell exited;
    // finished() must not wait for it.
    void strayHolderDoesNotDelayFinished()
    {
        PtySession session;
        Collector c(&session);
        setScript(session, u"trap '' HUP; sleep 3 & echo hi; exit 4"_s);
        QElapsedTimer timer;
        timer.start();
        QVERIFY2(session.start(), qPrintable(session.errorString()));
        QTRY_COMPARE_WITH_TIMEOUT(c.statuses.size(), 1, kTimeoutMs);
        QVERIFY2(timer.elapsed() < 2500, qPrintable(u"%1 ms"_s.arg(timer.elapsed())));
        QCOMPARE(c.output, "hi\r\n"_ba);
        QCOMPARE(c.statuses.first(), PtyExitStatus::exited(4));
        // The orphaned sleep was reparented: it is not our child, and not our business.
    }

    void startFailure_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QString>("directory");
        QTest::newRow("missing-program") << u"/nonexistent/program"_s << QString();
        QTest::newRow("program-not-in-path") << u"castdeck-no-such-program"_s << QString();
        QTest::newRow("missing-directory") << u"/bin/sh"_s << u"/nonexistent/directory"_s;
    }
    void startFailure()
    {
        QFETCH(QString, program);
        QFETCH(QString, directory);
        PtySession session;
        Collector c(&session);
        session.setProgram(program);
        session.setWorkingDirectory(directory);
        QVERIFY(!session.start());
        QVERIFY(!session.errorString().isEmpty());
        QVERIFY(!session.isRunning());
        QCOMPARE(session.pid(), 0);
        QTest::qWait(100);
        QVERIFY(c.statuses.isEmpty());
        QCOMPARE(c.chunks, 0);
        // And it can still be used.
        setScript(session, u"printf ok"_s);
        session.setWorkingDirectory(QString());
        QVERIFY2(session.start(), qPrintable(session.errorString()));
        QTRY_COMPARE_WITH_TIMEOUT(c.statuses.size(), 1, kTimeoutMs);
        QCOMPARE(c.output, "ok"_ba);
    }

    void startTwice()
    {
        PtySession session;
        Collector c(&session);
        setScript(session, u"printf \"run$1\"; exit \"$1\""_s, {u"1"_s});
        QVERIFY2(session.start(), qPrintable(session.errorString()));
        QVERIFY(!session.start()); // still running
        QTRY_COMPARE_WITH_TIMEOUT(c.statuses.size(), 1, kTimeoutMs);
        setScript(session, u"printf \"run$1\"; exit \"$1\""_s, {u"2"_s});
        QVERIFY2(session.start(), qPrintable(session.errorString()));
        QTRY_COMPARE_WITH_TIMEOUT(c.statuses.size(), 2, kTimeoutMs);
        QCOMPARE(c.output, "run1run2"_ba);
        QCOMPARE(c.statuses, (QList<PtyExitStatus>{PtyExitStatus::exited(1), PtyExitStatus::exited(2)}));
    }

    // The master descriptor must not leak into the child: it would keep the pty open.
    void childHoldsOnlyTheSlave()
    {
        PtySession session;
        Collector c(&session);
        setScript(session, u"for f in /proc/$$/fd/*; do readlink \"$f\"; done"_s);
        QVERIFY2(session.start(), qPrintable(session.errorString()));
        QTRY_COMPARE_WITH_TIMEOUT(c.statuses.size(), 1, kTimeoutMs);
        QVERIFY2(c.output.contains("/dev/pts/"), c.output.constData());
        QVERIFY2(!c.output.contains("ptmx"), c.output.constData());
    }

    void destructorReapsChild_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<bool>("paused");
        QTest::newRow("running") << u"echo ready; exec sleep 100"_s << false;
        QTest::newRow("ignoring-hup") << u"trap '' HUP; echo ready; exec sleep 100"_s << false;
        // Blocked in write() on a full pty: the hangup gets it out.
        QTest::newRow("blocked-writing") << u"echo ready; exec yes"_s << true;
    }
    void destructorReapsChild()
    {
        QFETCH(QString, script);
        QFETCH(bool, paused);
        auto session = std::make_unique<PtySession>();
        auto c = std::make_unique<Collector>(session.get());
        setScript(*session, script);
        QVERIFY2(session->start(), qPrintable(session->errorString()));
        const qint64 pid = session->pid();
        QTRY_VERIFY_WITH_TIMEOUT(c->output.contains("ready\r\n"), kTimeoutMs);
        session->setReadingPaused(paused);
        QTest::qWait(100);
        QVERIFY(processAlive(pid));
        QElapsedTimer timer;
        timer.start();
        session.reset();
        QVERIFY(processGone(pid)); // reaped before the destructor returned
        QVERIFY2(timer.elapsed() < 3000, qPrintable(u"%1 ms"_s.arg(timer.elapsed())));
        QVERIFY(c->statuses.isEmpty()); // the destructor emits nothing
    }

    void deleteFromSlot_data()
    {
        QTest::addColumn<bool>("inFinished");
        QTest::newRow("in-finished") << true;
        QTest::newRow("in-receivedData") << false;
    }
    void deleteFromSlot()
    {
        QFETCH(bool, inFinished);
        QPointer<PtySession> session = new PtySession;
        setScript(*session, inFinished ? u"printf bye"_s : u"exec yes"_s);
        int calls = 0;
        if (inFinished)
            connect(session, &PtySession::finished, session, [&] { ++calls; delete session.data(); });
        else
            connect(session, &PtySession::receivedData, session, [&] { ++calls; delete session.data(); });
        QVERIFY2(session->start(), qPrintable(session->errorString()));
        const qint64 pid = session->pid();
        QTRY_VERIFY_WITH_TIMEOUT(session.isNull(), kTimeoutMs);
        QTest::qWait(50);
        QCOMPARE(calls, 1);
        QVERIFY(processGone(pid));
    }
};

QTEST_GUILESS_MAIN(TestPtySession)
#include "tst_ptysession.moc"
