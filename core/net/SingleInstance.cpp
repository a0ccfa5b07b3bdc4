#include "SingleInstance.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QDeadlineTimer>
#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLockFile>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QTimer>
#include <QUrl>

#include <optional>

#ifdef Q_OS_LINUX
#include <sys/socket.h>
#endif
#include <unistd.h>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcNet, "castdeck.net", QtWarningMsg)

namespace {
constexpr QDataStream::Version kStreamVersion = QDataStream::Qt_6_5;
constexpr quint8 kFlagNewTerminal = 0x01;
constexpr quint8 kFlagOpenDialog = 0x02;
constexpr quint8 kKnownFlags = kFlagNewTerminal | kFlagOpenDialog;
constexpr quint8 kStatusAccepted = 0;
constexpr quint8 kStatusRejected = 1;
constexpr qsizetype kMaxPathLength = 4096;
constexpr qsizetype kMaxTokenLength = 1024;
constexpr int kMaxPeers = 8;
// sockaddr_un::sun_path is 108 bytes on Linux, including the terminating NUL.
constexpr qsizetype kMaxSocketPath = 107;

// A bare name goes to QDir::tempPath(), as QLocalServer and QLocalSocket do with it.
QString socketPath(const QString &serverName)
{
    return QDir::isAbsolutePath(serverName) ? serverName : QDir(QDir::tempPath()).absoluteFilePath(serverName);
}

QByteArray frame(const QByteArray &payload)
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(kStreamVersion);
    out << SingleInstance::Magic << SingleInstance::ProtocolVersion << quint32(payload.size());
    bytes.append(payload);
    return bytes;
}

QByteArray encodeRequest(const SingleInstance::Request &request)
{
    QByteArray payload;
    QDataStream out(&payload, QIODevice::WriteOnly);
    out.setVersion(kStreamVersion);
    const quint8 flags = (request.newTerminal ? kFlagNewTerminal : 0) | (request.openDialog ? kFlagOpenDialog : 0);
    out << flags << request.workingDirectory << quint32(request.files.size());
    for (const QString &file : request.files)
        out << file;
    out << request.activationToken;
    return payload;
}

QByteArray encodeReply(quint8 status, const QString &reason)
{
    QByteArray payload;
    QDataStream out(&payload, QIODevice::WriteOnly);
    out.setVersion(kStreamVersion);
    out << status << reason;
    return payload;
}

enum class FrameState { NeedMore, Complete, Invalid };

// Looks at the bytes received so far. Garbage is recognised as early as its first byte: the magic
// is compared on whatever prefix has arrived.
FrameState inspectFrame(const QByteArray &bytes, quint32 *payloadLength, QString *why)
{
    const QByteArray magic = QByteArray::fromHex("43445349");
    const qsizetype prefix = std::min<qsizetype>(bytes.size(), magic.size());
    if (bytes.first(prefix) != magic.first(prefix)) {
        *why = SingleInstance::tr("not a CastDeck request (the first bytes are %1, expected %2)")
                   .arg(QString::fromLatin1(bytes.first(prefix).toHex(' ')), QString::fromLatin1(magic.toHex(' ')));
        return FrameState::Invalid;
    }
    if (bytes.size() < SingleInstance::HeaderSize)
        return FrameState::NeedMore;
    QDataStream in(bytes);
    in.setVersion(kStreamVersion);
    quint32 m = 0;
    quint16 version = 0;
    quint32 length = 0;
    in >> m >> version >> length;
    if (version != SingleInstance::ProtocolVersion) {
        *why = SingleInstance::tr("unsupported protocol version %1 (this CastDeck speaks version %2)")
                   .arg(version)
                   .arg(SingleInstance::ProtocolVersion);
        return FrameState::Invalid;
    }
    if (length > quint32(SingleInstance::MaxPayloadSize)) {
        *why = SingleInstance::tr("message of %1 bytes is larger than the limit of %2 bytes")
                   .arg(length)
                   .arg(SingleInstance::MaxPayloadSize);
        return FrameState::Invalid;
    }
    const qsizetype total = SingleInstance::HeaderSize + qsizetype(length);
    if (bytes.size() < total)
        return FrameState::NeedMore;
    if (bytes.size() > total) {
        *why = SingleInstance::tr("%1 unexpected bytes after the message").arg(bytes.size() - total);
        return FrameState::Invalid;
    }
    *payloadLength = length;
    return FrameState::Complete;
}

// Reads one QString, checking the stream after it.
bool readString(QDataStream &in, QString *s)
{
    in >> *s;
    return in.status() == QDataStream::Ok;
}

std::optional<SingleInstance::Request> decodeRequest(const QByteArray &payload, QString *why)
{
    QDataStream in(payload);
    in.setVersion(kStreamVersion);
    SingleInstance::Request request;
    quint8 flags = 0;
    quint32 count = 0;
    in >> flags;
    if (in.status() != QDataStream::Ok || !readString(in, &request.workingDirectory)) {
        *why = SingleInstance::tr("truncated or malformed request");
        return std::nullopt;
    }
    if (flags & ~kKnownFlags) {
        *why = SingleInstance::tr("unknown request flags 0x%1").arg(flags, 2, 16, QLatin1Char('0'));
        return std::nullopt;
    }
    request.newTerminal = flags & kFlagNewTerminal;
    request.openDialog = flags & kFlagOpenDialog;
    if (!QDir::isAbsolutePath(request.workingDirectory)) {
        *why = SingleInstance::tr("the working directory \"%1\" is not an absolute path").arg(request.workingDirectory);
        return std::nullopt;
    }
    in >> count;
    if (in.status() != QDataStream::Ok) {
        *why = SingleInstance::tr("truncated or malformed request");
        return std::nullopt;
    }
    // Read the list one string at a time: QDataStream's QStringList operator would reserve
    // `count` elements up front, whatever the sender claims.
    if (count > quint32(SingleInstance::MaxFiles)) {
        *why = SingleInstance::tr("a request may name at most %1 files, this one claims %2")
                   .arg(SingleInstance::MaxFiles)
                   .arg(count);
        return std::nullopt;
    }
    for (quint32 i = 0; i < count; ++i) {
        QString file;
        if (!readString(in, &file)) {
            *why = SingleInstance::tr("truncated request (file %1 of %2)").arg(i + 1).arg(count);
            return std::nullopt;
        }
        if (!QDir::isAbsolutePath(file) || file.size() > kMaxPathLength || file.contains(QChar(0))) {
            *why = SingleInstance::tr("file %1 is not a usable absolute path: \"%2\"").arg(i + 1).arg(file.left(200));
            return std::nullopt;
        }
        request.files.append(file);
    }
    if (!readString(in, &request.activationToken) || request.activationToken.size() > kMaxTokenLength) {
        *why = SingleInstance::tr("truncated request or oversized activation token");
        return std::nullopt;
    }
    if (!in.atEnd()) {
        *why = SingleInstance::tr("unexpected bytes after the request");
        return std::nullopt;
    }
    return request;
}

// The display this process shows its windows on, as a file name part.
QString displayTag()
{
    QString display = qEnvironmentVariable("WAYLAND_DISPLAY");
    if (display.isEmpty())
        display = qEnvironmentVariable("DISPLAY");
    if (display.isEmpty())
        return u"nodisplay"_s;
    QString tag;
    for (QChar c : std::as_const(display))
        tag.append((c.isLetterOrNumber() && c.unicode() < 128) || c == u'.' || c == u'-' ? c : u'_');
    return tag;
}
} // namespace

SingleInstance::SingleInstance(const QString &serverName, QObject *parent)
    : QObject(parent)
    , m_serverName(serverName)
{
}

SingleInstance::~SingleInstance()
{
    // QLocalServer::close() (from its destructor) removes the socket file.
    for (auto it = m_peers.cbegin(); it != m_peers.cend(); ++it)
        it.key()->disconnect(this);
}

QString SingleInstance::defaultServerName()
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (dir.isEmpty())
        dir = QDir::tempPath();
    const QString uid = QString::number(::getuid());
    QString path = dir + u'/' + QStringLiteral(CASTDECK_APP_ID) + u'-' + uid + u'-' + displayTag() + u".socket"_s;
    if (path.toLocal8Bit().size() > kMaxSocketPath) {
        const QByteArray hash = QCryptographicHash::hash(path.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
        path = dir + u"/castdeck-"_s + uid + u'-' + QString::fromLatin1(hash) + u".socket"_s;
        if (path.toLocal8Bit().size() > kMaxSocketPath)
            path = QDir::tempPath() + u"/castdeck-"_s + uid + u'-' + QString::fromLatin1(hash) + u".socket"_s;
    }
    return path;
}

QStringList SingleInstance::resolveFiles(const QStringList &arguments, const QString &workingDirectory)
{
    QStringList files;
    const QDir base(workingDirectory);
    for (const QString &argument : arguments) {
        if (argument.isEmpty())
            continue;
        QString path = argument;
        if (argument.startsWith(u"file:"_s)) {
            const QUrl url(argument);
            if (url.isLocalFile())
                path = url.toLocalFile();
        }
        files.append(QDir::cleanPath(base.absoluteFilePath(path)));
    }
    return files;
}

QString SingleInstance::activationTokenFromEnvironment()
{
    const QString wayland = qEnvironmentVariable("XDG_ACTIVATION_TOKEN");
    return wayland.isEmpty() ? qEnvironmentVariable("DESKTOP_STARTUP_ID") : wayland;
}

bool SingleInstance::tryForward(const QStringList &files, const QString &workingDirectory)
{
    Request request;
    request.workingDirectory = QDir(workingDirectory).absolutePath();
    request.files = resolveFiles(files, request.workingDirectory);
    request.activationToken = activationTokenFromEnvironment();
    return tryForward(request);
}

bool SingleInstance::tryForward(const Request &request)
{
    const QDeadlineTimer deadline(m_timeoutMs);
    auto remaining = [&deadline] {
        return int(std::max<qint64>(1, deadline.remainingTime()));
    };
    QLocalSocket socket;
    socket.connectToServer(m_serverName);
    if (!socket.waitForConnected(remaining())) {
        m_errorString = tr("No CastDeck is running at %1 (%2).").arg(socketPath(m_serverName), socket.errorString());
        m_forwardFailure = ForwardFailure::NoServer;
        return false;
    }
    // Checked after connecting: with nobody running, this launch may still become the instance.
    const QByteArray payload = encodeRequest(request);
    if (payload.size() > MaxPayloadSize) {
        m_errorString = tr("The request (%1 files) is larger than the limit of %2 bytes.")
                            .arg(request.files.size())
                            .arg(MaxPayloadSize);
        m_forwardFailure = ForwardFailure::Rejected;
        return false;
    }
    m_forwardFailure = ForwardFailure::NoAnswer;
    socket.write(frame(payload));
    while (socket.bytesToWrite() > 0) {
        if (!socket.waitForBytesWritten(remaining())) {
            m_errorString = tr("Could not send the request to the running CastDeck at %1 (%2).")
                                .arg(socketPath(m_serverName), socket.errorString());
            return false;
        }
    }
    QByteArray reply;
    quint32 length = 0;
    QString why;
    for (;;) {
        reply += socket.readAll();
        const FrameState state = inspectFrame(reply, &length, &why);
        if (state == FrameState::Invalid) {
            m_errorString = tr("The program at %1 answered with something else than CastDeck's protocol: %2.")
                                .arg(socketPath(m_serverName), why);
            return false;
        }
        if (state == FrameState::Complete)
            break;
        if (deadline.hasExpired() || !socket.waitForReadyRead(remaining())) {
            reply += socket.readAll(); // the answer may have come with the hang-up
            if (inspectFrame(reply, &length, &why) == FrameState::Complete)
                break;
            if (socket.state() == QLocalSocket::UnconnectedState)
                m_errorString = tr("The running CastDeck at %1 closed the connection without answering.")
                                    .arg(socketPath(m_serverName));
            else
                m_errorString = tr("The running CastDeck at %1 did not answer within %2 ms.")
                                    .arg(socketPath(m_serverName))
                                    .arg(m_timeoutMs);
            return false;
        }
    }
    QDataStream in(reply.sliced(HeaderSize));
    in.setVersion(kStreamVersion);
    quint8 status = kStatusRejected;
    QString reason;
    in >> status >> reason;
    if (in.status() != QDataStream::Ok || status != kStatusAccepted) {
        m_errorString = tr("The running CastDeck rejected the request: %1").arg(reason);
        m_forwardFailure = ForwardFailure::Rejected;
        return false;
    }
    m_errorString.clear();
    m_forwardFailure = ForwardFailure::None;
    return true;
}

bool SingleInstance::isListening() const
{
    return m_server && m_server->isListening();
}

SingleInstance::ListenResult SingleInstance::listen()
{
    if (isListening())
        return ListenResult::Listening;
    // Two launches that both found a stale socket must not both remove it: the second would
    // delete the first one's fresh socket and leave it unreachable.
    QLockFile lock(socketPath(m_serverName) + u".lock"_s);
    if (!lock.tryLock(m_timeoutMs))
        qCWarning(lcNet) << "could not lock" << socketPath(m_serverName) + u".lock"_s << "- going on without it";
    return listenLocked();
}

SingleInstance::ListenResult SingleInstance::listenLocked()
{
    if (!m_server) {
        m_server = new QLocalServer(this);
        // No QLocalServer::UserAccessOption: with it, Qt binds in a temporary folder and renames
        // the socket over the final path, which would silently replace a live instance's
        // socket. The runtime folder is private to the user (0700), and peers are checked.
        connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::acceptConnections);
    }
    if (m_server->listen(m_serverName))
        return ListenResult::Listening;
    if (m_server->serverError() == QAbstractSocket::AddressInUseError) {
        if (someoneListens()) {
            m_errorString = tr("Another CastDeck is already running at %1.").arg(socketPath(m_serverName));
            return ListenResult::AnotherInstanceRunning;
        }
        // Nobody accepts on it: a CastDeck that crashed left the socket file behind.
        qCInfo(lcNet) << "removing the stale socket" << socketPath(m_serverName);
        QLocalServer::removeServer(m_serverName);
        if (m_server->listen(m_serverName))
            return ListenResult::Listening;
    }
    m_errorString = tr("Cannot listen at %1: %2").arg(socketPath(m_serverName), m_server->errorString());
    return ListenResult::Failed;
}

bool SingleInstance::someoneListens() const
{
    QLocalSocket probe;
    probe.connectToServer(m_serverName);
    const bool alive = probe.waitForConnected(std::min(m_timeoutMs, 1000));
    probe.abort();
    return alive;
}

SingleInstance::Role SingleInstance::start(const Request &request)
{
    if (tryForward(request))
        return Role::Forwarded;
    // An instance that is there but hangs, or refuses (a newer protocol), keeps its socket: this
    // launch opens a window of its own instead of waiting again.
    if (m_forwardFailure != ForwardFailure::NoServer)
        return Role::Standalone;
    // A few rounds cover the race of two launches: the one that loses listen() forwards to the
    // winner, which may still be starting up.
    for (int round = 0; round < 3; ++round) {
        switch (listen()) {
        case ListenResult::Listening:
            return Role::Primary;
        case ListenResult::Failed:
            return Role::Standalone;
        case ListenResult::AnotherInstanceRunning:
            if (tryForward(request))
                return Role::Forwarded;
            if (m_forwardFailure != ForwardFailure::NoServer)
                return Role::Standalone;
            break; // it went away in between: try to take its place
        }
    }
    return Role::Standalone;
}

void SingleInstance::acceptConnections()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        if (m_peers.size() >= kMaxPeers) {
            qCWarning(lcNet) << "too many connections at once; dropping one";
            socket->abort();
            socket->deleteLater();
            continue;
        }
#ifdef Q_OS_LINUX
        // Only this user's processes can reach the socket in a 0700 runtime folder; a socket in a
        // shared temporary folder might be reachable by others, so check who is talking.
        ucred peer {};
        socklen_t size = sizeof peer;
        if (::getsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_PEERCRED, &peer, &size) == 0 &&
            peer.uid != ::geteuid()) {
            qCWarning(lcNet) << "refusing a connection from uid" << peer.uid;
            socket->abort();
            socket->deleteLater();
            continue;
        }
#endif
        Peer &p = m_peers[socket];
        p.deadline = new QTimer(socket);
        p.deadline->setSingleShot(true);
        connect(p.deadline, &QTimer::timeout, this,
            [this, socket] { reject(socket, tr("no complete request within %1 ms").arg(m_timeoutMs)); });
        p.deadline->start(m_timeoutMs);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { readFrom(socket); });
        connect(socket, &QLocalSocket::disconnected, this, [this, socket] {
            const Peer peer = m_peers.value(socket);
            if (!peer.done && socket->bytesAvailable() > 0) {
                readFrom(socket); // everything may have come just before the hang-up
                if (!m_peers.value(socket).done)
                    reject(socket,
                        tr("the connection closed after %1 bytes of an incomplete request")
                            .arg(socket->bytesAvailable()));
            }
            // A connection that closes without a byte is a probe from listen(): not an error.
            m_peers.remove(socket);
            socket->deleteLater();
        });
        if (socket->bytesAvailable() > 0)
            readFrom(socket);
    }
}

void SingleInstance::readFrom(QLocalSocket *socket)
{
    auto it = m_peers.find(socket);
    if (it == m_peers.end() || it->done)
        return;
    const QByteArray bytes = socket->peek(HeaderSize + MaxPayloadSize + 1);
    quint32 length = 0;
    QString why;
    switch (inspectFrame(bytes, &length, &why)) {
    case FrameState::NeedMore:
        return;
    case FrameState::Invalid:
        reject(socket, why);
        return;
    case FrameState::Complete:
        break;
    }
    socket->skip(bytes.size());
    const std::optional<Request> request = decodeRequest(bytes.sliced(HeaderSize), &why);
    if (!request) {
        reject(socket, why);
        return;
    }
    finish(socket, kStatusAccepted, QString());
    qCDebug(lcNet) << "request: files" << request->files << "new terminal" << request->newTerminal << "open dialog"
                   << request->openDialog;
    if (!request->files.isEmpty())
        Q_EMIT filesRequested(request->files);
    if (request->newTerminal)
        Q_EMIT newTerminalRequested();
    if (request->openDialog)
        Q_EMIT openDialogRequested();
    Q_EMIT activationRequested(request->activationToken);
}

void SingleInstance::reject(QLocalSocket *socket, const QString &reason)
{
    auto it = m_peers.find(socket);
    if (it == m_peers.end() || it->done)
        return;
    qCWarning(lcNet).noquote() << "rejected a request:" << reason;
    finish(socket, kStatusRejected, reason);
    Q_EMIT requestRejected(reason);
}

void SingleInstance::finish(QLocalSocket *socket, quint8 status, const QString &reason)
{
    Peer &peer = m_peers[socket];
    peer.done = true;
    peer.deadline->stop();
    disconnect(socket, &QLocalSocket::readyRead, this, nullptr);
    if (socket->state() == QLocalSocket::ConnectedState) {
        socket->write(frame(encodeReply(status, reason)));
        socket->disconnectFromServer(); // after the reply is written
    }
}
