// SingleInstance: a running instance and later launches in one test process, each with a private
// socket name. The forwarding side blocks, as in a real second launch, so it runs on a thread
// while this thread's event loop serves.
#include "net/SingleInstance.h"

#include <QDataStream>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {
struct Forwarded
{
    bool accepted = false;
    QString error;
    qint64 elapsedMs = 0;
};

// Runs tryForward() on its own thread and keeps this thread's event loop turning meanwhile.
Forwarded forwardFromThread(const QString &serverName, const SingleInstance::Request &request, int timeoutMs = 5000)
{
    Forwarded result;
    std::unique_ptr<QThread> thread(QThread::create([&] {
        SingleInstance client(serverName);
        client.setTimeout(timeoutMs);
        QElapsedTimer clock;
        clock.start();
        result.accepted = client.tryForward(request);
        result.elapsedMs = clock.elapsed();
        result.error = client.errorString();
    }));
    thread->start();
    if (!QTest::qWaitFor([&] { return thread->isFinished(); }, timeoutMs + 5000))
        qFatal("tryForward did not return");
    thread->wait();
    return result;
}

struct Started
{
    SingleInstance::Role role = SingleInstance::Role::Primary;
    QString error;
    qint64 elapsedMs = 0;
};

// SingleInstance::start() on its own thread, as a second launch runs it.
Started startFromThread(const QString &serverName, int timeoutMs)
{
    Started result;
    SingleInstance::Request r;
    r.files = QStringList { u"/x.cast"_s };
    r.workingDirectory = u"/"_s;
    std::unique_ptr<QThread> thread(QThread::create([&] {
        SingleInstance launch(serverName);
        launch.setTimeout(timeoutMs);
        QElapsedTimer clock;
        clock.start();
        result.role = launch.start(r);
        result.elapsedMs = clock.elapsed();
        result.error = launch.errorString();
    }));
    thread->start();
    if (!QTest::qWaitFor([&] { return thread->isFinished(); }, 4 * timeoutMs + 5000))
        qFatal("start() did not return");
    thread->wait();
    return result;
}

SingleInstance::Request request(const QStringList &files, bool newTerminal = false)
{
    SingleInstance::Request r;
    r.files = files;
    r.workingDirectory = u"/home/user"_s;
    r.newTerminal = newTerminal;
    return r;
}

QByteArray frame(quint32 magic, quint16 version, quint32 length, const QByteArray &payload)
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_5);
    out << magic << version << length;
    return bytes + payload;
}

QByteArray payload(quint8 flags, const QString &cwd, quint32 count, const QStringList &files, const QString &token = {})
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_5);
    out << flags << cwd << count;
    for (const QString &f : files)
        out << f;
    out << token;
    return bytes;
}

QByteArray valid(const QByteArray &p)
{
    return frame(SingleInstance::Magic, SingleInstance::ProtocolVersion, quint32(p.size()), p);
}

// Leaves a socket file nobody listens on, like a CastDeck killed with SIGKILL does.
bool makeStaleSocket(const QString &path)
{
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un addr {};
    addr.sun_family = AF_UNIX;
    const QByteArray p = QFile::encodeName(path);
    if (fd < 0 || size_t(p.size()) >= sizeof addr.sun_path)
        return false;
    std::memcpy(addr.sun_path, p.constData(), size_t(p.size()));
    const bool bound = ::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0 && ::listen(fd, 1) == 0;
    ::close(fd);
    return bound && QFileInfo::exists(path);
}
} // namespace

class TestSingleInstance : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init() { QVERIFY(m_dir.isValid()); }

    void forwardsFilesAndActivation()
    {
        SingleInstance server(name(u"a"_s));
        QCOMPARE(server.listen(), SingleInstance::ListenResult::Listening);
        QSignalSpy files(&server, &SingleInstance::filesRequested);
        QSignalSpy terminal(&server, &SingleInstance::newTerminalRequested);
        QSignalSpy activation(&server, &SingleInstance::activationRequested);
        QSignalSpy rejected(&server, &SingleInstance::requestRejected);

        SingleInstance::Request r = request({ u"/data/one.cast"_s, u"/data/two words ü.cast"_s });
        r.activationToken = u"token-123"_s;
        const Forwarded f = forwardFromThread(server.serverName(), r);
        QVERIFY2(f.accepted, qPrintable(f.error));
        QTRY_COMPARE(activation.size(), 1);
        QCOMPARE(files.size(), 1);
        QCOMPARE(files.at(0).at(0).toStringList(), r.files);
        QCOMPARE(activation.at(0).at(0).toString(), u"token-123"_s);
        QCOMPARE(terminal.size(), 0);
        QCOMPARE(rejected.size(), 0);
    }

    void requestKinds_data()
    {
        QTest::addColumn<QStringList>("files");
        QTest::addColumn<bool>("newTerminal");
        QTest::addColumn<bool>("openDialog");
        QTest::newRow("only raise") << QStringList() << false << false;
        QTest::newRow("new terminal") << QStringList() << true << false;
        QTest::newRow("open dialog") << QStringList() << false << true;
        QTest::newRow("files and a terminal") << QStringList { u"/a.cast"_s } << true << false;
    }

    void requestKinds()
    {
        QFETCH(QStringList, files);
        QFETCH(bool, newTerminal);
        QFETCH(bool, openDialog);
        SingleInstance server(name(u"t"_s));
        QCOMPARE(server.listen(), SingleInstance::ListenResult::Listening);
        QSignalSpy filesSpy(&server, &SingleInstance::filesRequested);
        QSignalSpy terminal(&server, &SingleInstance::newTerminalRequested);
        QSignalSpy dialog(&server, &SingleInstance::openDialogRequested);
        QSignalSpy activation(&server, &SingleInstance::activationRequested);
        SingleInstance::Request r = request(files, newTerminal);
        r.openDialog = openDialog;
        const Forwarded f = forwardFromThread(server.serverName(), r);
        QVERIFY2(f.accepted, qPrintable(f.error));
        QTRY_COMPARE(activation.size(), 1); // always, and last
        QCOMPARE(filesSpy.size(), files.isEmpty() ? 0 : 1); // no files: nothing to open, only raise
        QCOMPARE(terminal.size(), newTerminal ? 1 : 0);
        QCOMPARE(dialog.size(), openDialog ? 1 : 0);
    }

    void relativeArgumentsResolvedAgainstTheLaunchDirectory()
    {
        SingleInstance server(name(u"r"_s));
        QCOMPARE(server.listen(), SingleInstance::ListenResult::Listening);
        QSignalSpy files(&server, &SingleInstance::filesRequested);
        std::unique_ptr<QThread> thread(QThread::create([name = server.serverName()] {
            SingleInstance client(name);
            client.tryForward(
                { u"rec.cast"_s, u"../up.cast"_s, u"file:///x/url%20name.cast"_s }, u"/home/user/casts"_s);
        }));
        thread->start();
        QTRY_COMPARE(files.size(), 1);
        thread->wait();
        QCOMPARE(files.at(0).at(0).toStringList(),
            (QStringList { u"/home/user/casts/rec.cast"_s, u"/home/user/up.cast"_s, u"/x/url name.cast"_s }));
    }

    void twoInstancesWithDifferentNamesStayApart()
    {
        SingleInstance first(name(u"first"_s));
        SingleInstance second(name(u"second"_s));
        QCOMPARE(first.listen(), SingleInstance::ListenResult::Listening);
        QCOMPARE(second.listen(), SingleInstance::ListenResult::Listening);
        QSignalSpy firstFiles(&first, &SingleInstance::filesRequested);
        QSignalSpy secondFiles(&second, &SingleInstance::filesRequested);

        QVERIFY(forwardFromThread(second.serverName(), request({ u"/b.cast"_s })).accepted);
        QVERIFY(forwardFromThread(first.serverName(), request({ u"/a.cast"_s })).accepted);
        QTRY_COMPARE(firstFiles.size(), 1);
        QTRY_COMPARE(secondFiles.size(), 1);
        QCOMPARE(firstFiles.at(0).at(0).toStringList(), QStringList { u"/a.cast"_s });
        QCOMPARE(secondFiles.at(0).at(0).toStringList(), QStringList { u"/b.cast"_s });
    }

    void secondListenSeesTheLiveInstanceAndLeavesItAlone()
    {
        SingleInstance running(name(u"live"_s));
        QCOMPARE(running.listen(), SingleInstance::ListenResult::Listening);
        SingleInstance later(running.serverName());
        QCOMPARE(later.listen(), SingleInstance::ListenResult::AnotherInstanceRunning);
        QVERIFY(!later.isListening());
        QVERIFY(later.errorString().contains(u"already running"_s));

        // The running one still owns the name and gets the files.
        QSignalSpy files(&running, &SingleInstance::filesRequested);
        QSignalSpy rejected(&running, &SingleInstance::requestRejected);
        QVERIFY(forwardFromThread(running.serverName(), request({ u"/c.cast"_s })).accepted);
        QTRY_COMPARE(files.size(), 1);
        QCOMPARE(rejected.size(), 0); // listen()'s probe connection is not an error
    }

    void staleSocketFromACrashIsReplaced()
    {
        const QString path = name(u"stale"_s);
        QVERIFY(makeStaleSocket(path));

        // Nobody answers: a launch finds out at once instead of waiting for its timeout.
        const Forwarded f = forwardFromThread(path, request({ u"/x.cast"_s }), 5000);
        QVERIFY(!f.accepted);
        QVERIFY2(f.elapsedMs < 1000, qPrintable(QString::number(f.elapsedMs)));
        QVERIFY(f.error.contains(path));

        SingleInstance server(path);
        QCOMPARE(server.listen(), SingleInstance::ListenResult::Listening);
        QSignalSpy files(&server, &SingleInstance::filesRequested);
        QVERIFY(forwardFromThread(path, request({ u"/x.cast"_s })).accepted);
        QTRY_COMPARE(files.size(), 1);
    }

    void startBecomesPrimaryThenForwards()
    {
        const QString path = name(u"start"_s);
        SingleInstance primary(path);
        primary.setTimeout(1000);
        QCOMPARE(primary.start(request({ u"/first.cast"_s })), SingleInstance::Role::Primary);
        QVERIFY(primary.isListening());
        QSignalSpy files(&primary, &SingleInstance::filesRequested);

        SingleInstance::Role role = SingleInstance::Role::Standalone;
        std::unique_ptr<QThread> thread(QThread::create([&] {
            SingleInstance second(path);
            role = second.start(request({ u"/second.cast"_s }));
        }));
        thread->start();
        QTRY_COMPARE(files.size(), 1);
        thread->wait();
        QCOMPARE(role, SingleInstance::Role::Forwarded);
        QCOMPARE(files.at(0).at(0).toStringList(), QStringList { u"/second.cast"_s });
    }

    void startWithAHungInstanceOpensItsOwnWindowSoon()
    {
        // Something holds the name and accepts, but never answers (a frozen CastDeck).
        QLocalServer frozen;
        const QString path = name(u"frozen"_s);
        QVERIFY(frozen.listen(path));
        const Started s = startFromThread(path, 300);
        QCOMPARE(s.role, SingleInstance::Role::Standalone);
        QVERIFY2(s.error.contains(u"did not answer within 300 ms"_s), qPrintable(s.error));
        QVERIFY2(s.elapsedMs < 1500, qPrintable(QString::number(s.elapsedMs))); // one timeout, no retries
    }

    void startWithAnInstanceThatHangsUp()
    {
        QLocalServer rude;
        const QString path = name(u"rude"_s);
        QVERIFY(rude.listen(path));
        connect(&rude, &QLocalServer::newConnection, &rude, [&rude] {
            while (QLocalSocket *c = rude.nextPendingConnection())
                c->abort();
        });
        const Started s = startFromThread(path, 3000);
        QCOMPARE(s.role, SingleInstance::Role::Standalone);
        QVERIFY2(s.error.contains(u"closed the connection without answering"_s), qPrintable(s.error));
    }

    void oversizeRequestWithNobodyRunningStillBecomesPrimary()
    {
        QStringList many;
        for (int i = 0; i < 300; ++i)
            many.append(u"/"_s + QString(1999, u'x'));
        SingleInstance first(name(u"bigfirst"_s));
        QCOMPARE(first.start(request(many)), SingleInstance::Role::Primary);
    }

    void garbageIsRejected_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("reason");
        const quint32 magic = SingleInstance::Magic;
        const quint16 v = SingleInstance::ProtocolVersion;
        const QByteArray good = payload(0, u"/home"_s, 1, { u"/a.cast"_s });

        QTest::newRow("http request") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\n\r\n") << u"not a CastDeck request"_s;
        QTest::newRow("one wrong byte") << QByteArray("\x43\x44\x53\x00", 4) << u"not a CastDeck request"_s;
        QTest::newRow("newer protocol") << frame(magic, v + 1, quint32(good.size()), good) << u"protocol version 2"_s;
        QTest::newRow("oversize, payload never sent")
            << frame(magic, v, quint32(SingleInstance::MaxPayloadSize) + 1, {}) << u"larger than the limit"_s;
        QTest::newRow("length 4 GB") << frame(magic, v, 0xffffffffu, {}) << u"larger than the limit"_s;
        QTest::newRow("trailing bytes") << valid(good) + "zz" << u"unexpected bytes after the message"_s;
        QTest::newRow("unknown flags") << valid(payload(0x84, u"/home"_s, 1, { u"/a.cast"_s }))
                                       << u"unknown request flags 0x84"_s;
        QTest::newRow("relative file") << valid(payload(0, u"/home"_s, 1, { u"a.cast"_s }))
                                       << u"not a usable absolute path"_s;
        QTest::newRow("relative cwd") << valid(payload(0, u"home"_s, 0, {})) << u"not an absolute path"_s;
        QTest::newRow("file count lies high")
            << valid(payload(0, u"/home"_s, 0xffffffffu, { u"/a.cast"_s })) << u"at most 4096 files"_s;
        QTest::newRow("file count lies low")
            << valid(payload(0, u"/home"_s, 0, { u"/a.cast"_s })) << u"unexpected bytes"_s;
        // Three files announced, one sent, and no token either.
        const QByteArray missing = payload(0, u"/home"_s, 3, { u"/a.cast"_s }).chopped(4);
        QTest::newRow("missing files") << valid(missing) << u"truncated request (file 2 of 3)"_s;
        QTest::newRow("empty payload") << valid({}) << u"truncated or malformed request"_s;
        QTest::newRow("odd UTF-16 byte count")
            << valid(QByteArray("\x00\x00\x00\x00\x03xyz", 8)) << u"truncated or malformed request"_s;
    }

    void garbageIsRejected()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, reason);
        SingleInstance server(name(u"g"_s));
        server.setTimeout(10000); // every row must be decided without waiting for the timeout
        QCOMPARE(server.listen(), SingleInstance::ListenResult::Listening);
        QSignalSpy files(&server, &SingleInstance::filesRequested);
        QSignalSpy activation(&server, &SingleInstance::activationRequested);
        QSignalSpy rejected(&server, &SingleInstance::requestRejected);

        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"^rejected a request: "_s));
        QLocalSocket raw;
        raw.connectToServer(server.serverName());
        QVERIFY(raw.waitForConnected(2000));
        raw.write(bytes);
        QVERIFY(rejected.wait(3000));
        QVERIFY2(rejected.at(0).at(0).toString().contains(reason), qPrintable(rejected.at(0).at(0).toString()));
        // The sender is told why, then disconnected.
        QTRY_COMPARE(raw.state(), QLocalSocket::UnconnectedState);
        const QByteArray reply = raw.readAll();
        QVERIFY(reply.size() > SingleInstance::HeaderSize);
        QCOMPARE(reply.at(SingleInstance::HeaderSize), '\x01');
        QCOMPARE(files.size(), 0);
        QCOMPARE(activation.size(), 0);
        QCOMPARE(rejected.size(), 1);

        // And the instance keeps serving.
        QVERIFY(forwardFromThread(server.serverName(), request({ u"/ok.cast"_s })).accepted);
        QTRY_COMPARE(files.size(), 1);
    }

    void oversizeRequestIsRefusedBeforeSending()
    {
        SingleInstance server(name(u"big"_s));
        QCOMPARE(server.listen(), SingleInstance::ListenResult::Listening);
        QSignalSpy files(&server, &SingleInstance::filesRequested);
        QSignalSpy rejected(&server, &SingleInstance::requestRejected);
        // 300 paths of 2000 characters: 1.2 MB of UTF-16, over the 1 MiB limit.
        QStringList many;
        for (int i = 0; i < 300; ++i)
            many.append(u"/"_s + QString(1999, QChar(char16_t(u'a' + i % 26))));
        const Forwarded f = forwardFromThread(server.serverName(), request(many));
        QVERIFY(!f.accepted);
        QVERIFY2(f.error.contains(u"larger than the limit"_s), qPrintable(f.error));
        QCOMPARE(rejected.size(), 0); // refused before sending; the server side is a row above
        QCOMPARE(files.size(), 0);
    }

    void incompleteRequestTimesOut()
    {
        SingleInstance server(name(u"slow"_s));
        server.setTimeout(300);
        QCOMPARE(server.listen(), SingleInstance::ListenResult::Listening);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"^rejected a request: "_s));
        QSignalSpy rejected(&server, &SingleInstance::requestRejected);
        QLocalSocket raw;
        raw.connectToServer(server.serverName());
        QVERIFY(raw.waitForConnected(2000));
        raw.write(valid(payload(0, u"/home"_s, 1, { u"/a.cast"_s })).left(12)); // then silence
        QVERIFY(rejected.wait(3000));
        QVERIFY(rejected.at(0).at(0).toString().contains(u"no complete request within 300 ms"_s));
        QTRY_COMPARE(raw.state(), QLocalSocket::UnconnectedState);
    }

    void hangUpMidRequestIsReported()
    {
        SingleInstance server(name(u"hup"_s));
        QCOMPARE(server.listen(), SingleInstance::ListenResult::Listening);
        QSignalSpy rejected(&server, &SingleInstance::requestRejected);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"^rejected a request: "_s));
        QSignalSpy files(&server, &SingleInstance::filesRequested);
        {
            QLocalSocket raw;
            raw.connectToServer(server.serverName());
            QVERIFY(raw.waitForConnected(2000));
            raw.write(valid(payload(0, u"/home"_s, 1, { u"/a.cast"_s })).chopped(3));
            QVERIFY(raw.waitForBytesWritten(2000));
        }
        QVERIFY(rejected.wait(3000));
        QVERIFY(rejected.at(0).at(0).toString().contains(u"closed after"_s));
        QCOMPARE(files.size(), 0);
    }

    void requestSplitIntoSingleBytesIsAccepted()
    {
        SingleInstance server(name(u"drip"_s));
        QCOMPARE(server.listen(), SingleInstance::ListenResult::Listening);
        QSignalSpy files(&server, &SingleInstance::filesRequested);
        QLocalSocket raw;
        raw.connectToServer(server.serverName());
        QVERIFY(raw.waitForConnected(2000));
        const QByteArray bytes = valid(payload(0, u"/home"_s, 1, { u"/drip.cast"_s }));
        for (char c : bytes) {
            raw.write(&c, 1);
            raw.flush();
            QCoreApplication::processEvents();
        }
        QTRY_COMPARE(files.size(), 1);
        QCOMPARE(files.at(0).at(0).toStringList(), QStringList { u"/drip.cast"_s });
        QTRY_COMPARE(raw.state(), QLocalSocket::UnconnectedState);
        QCOMPARE(raw.readAll().at(SingleInstance::HeaderSize), '\x00');
    }

    void noInstanceMeansNoForward()
    {
        const Forwarded f = forwardFromThread(name(u"nobody"_s), request({ u"/a.cast"_s }));
        QVERIFY(!f.accepted);
        QVERIFY(f.error.startsWith(u"No CastDeck is running"_s));
    }

    void closingTheInstanceRemovesItsSocket()
    {
        const QString path = name(u"close"_s);
        {
            SingleInstance server(path);
            QCOMPARE(server.listen(), SingleInstance::ListenResult::Listening);
            QVERIFY(QFileInfo::exists(path));
        }
        QVERIFY(!QFileInfo::exists(path));
    }

    void defaultNameIsPerUserAndDisplay_data()
    {
        QTest::addColumn<QByteArray>("runtimeDir");
        QTest::addColumn<QByteArray>("display");
        QTest::addColumn<QString>("expectedEnd");
        QTest::newRow("x11") << QByteArray() << QByteArray(":1") << u"-_1.socket"_s;
        QTest::newRow("long runtime dir") << QByteArray(90, 'd') << QByteArray(":0") << u".socket"_s;
    }

    void defaultNameIsPerUserAndDisplay()
    {
        QFETCH(QByteArray, runtimeDir);
        QFETCH(QByteArray, display);
        QFETCH(QString, expectedEnd);
        const QByteArray oldRuntime = qgetenv("XDG_RUNTIME_DIR");
        const QByteArray oldDisplay = qgetenv("DISPLAY");
        const QByteArray oldWayland = qgetenv("WAYLAND_DISPLAY");
        const QString runtime = m_dir.filePath(QString::fromLatin1(runtimeDir.isEmpty() ? "run" : runtimeDir));
        QVERIFY(QDir().mkpath(runtime));
        QVERIFY(QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtime));
        qputenv("DISPLAY", display);
        qunsetenv("WAYLAND_DISPLAY");
        const QString name = SingleInstance::defaultServerName();
        qputenv("XDG_RUNTIME_DIR", oldRuntime);
        qputenv("DISPLAY", oldDisplay);
        if (!oldWayland.isEmpty())
            qputenv("WAYLAND_DISPLAY", oldWayland);

        QVERIFY2(QFile::encodeName(name).size() <= 107, qPrintable(name)); // sockaddr_un
        QVERIFY(name.endsWith(expectedEnd));
        QVERIFY(name.contains(u'-' + QString::number(::getuid()) + u'-'));
        if (runtimeDir.isEmpty()) {
            QCOMPARE(
                name, runtime + u"/io.github.castdeck.CastDeck-"_s + QString::number(::getuid()) + u"-_1.socket"_s);
        } else {
            QVERIFY(!name.contains(u"CastDeck"_s));
            // The name still works.
            SingleInstance server(name);
            QCOMPARE(server.listen(), SingleInstance::ListenResult::Listening);
        }
    }

private:
    QString name(const QString &base) { return m_dir.filePath(base + QString::number(++m_counter)); }

    QTemporaryDir m_dir;
    int m_counter = 0;
};

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
