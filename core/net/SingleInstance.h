// SingleInstance: one CastDeck window per user and display; later launches hand their files over.
//
// Data flow: second process (`castdeck b.cast`, a file manager's double-click) -> tryForward()
// -> local socket -> the running process's SingleInstance -> filesRequested() /
// newTerminalRequested() / openDialogRequested() / activationRequested() -> MainWindow opens
// tabs and raises itself.
//
// The socket lives in the user's runtime directory ($XDG_RUNTIME_DIR, mode 0700) and its name
// carries the app id, the uid and the display, so two users, or one user on two displays, never
// reach each other's window. A socket file left behind by a crashed CastDeck is detected (nobody
// accepts on it) and replaced; a lock file keeps two processes starting at once from replacing
// each other's fresh socket.
//
// Wire format (big-endian, QDataStream Qt_6_5), the same frame both ways:
//   quint32 magic 'CDSI' | quint16 protocol version (1) | quint32 payload length (<= 1 MiB)
//   request payload: quint8 flags (bit 0: new terminal, bit 1: open dialog) | QString working directory |
//                    quint32 file count | that many QString absolute paths | QString activation token
//   reply payload:   quint8 status (0 accepted, 1 rejected) | QString reason
// Anything else (wrong magic, unknown version or flags, oversize, trailing bytes, relative paths,
// a message not complete within the timeout) is rejected with a reason and never emitted.
//
// Threads: the server side lives on the GUI thread. tryForward() blocks (it runs before the event
// loop, in the second process) and touches no server state, so tests may call it from another
// thread while this thread serves.
#pragma once

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

class QLocalServer;
class QLocalSocket;
class QTimer;

class SingleInstance : public QObject
{
    Q_OBJECT
public:
    static constexpr quint32 Magic = 0x43445349; // "CDSI"
    static constexpr quint16 ProtocolVersion = 1;
    static constexpr int HeaderSize = 10;
    static constexpr qint32 MaxPayloadSize = 1 << 20;
    static constexpr int MaxFiles = 4096;

    // What a launch asks the running instance to do.
    struct Request
    {
        QStringList files; // absolute paths (see resolveFiles())
        QString workingDirectory; // absolute; the launching process's current directory
        bool newTerminal = false; // `castdeck --new-terminal`
        bool openDialog = false; // `castdeck --open-recording`: show the dialog to open a recording
        QString activationToken; // XDG_ACTIVATION_TOKEN / DESKTOP_STARTUP_ID of the launch
        friend bool operator==(const Request &, const Request &) = default;
    };

    enum class ListenResult {
        Listening, // we are the running instance now
        AnotherInstanceRunning, // a live instance owns the name: forward to it
        Failed, // no socket (errorString()); run as a standalone window
    };

    enum class Role {
        Primary, // listening: open a window and serve later launches
        Forwarded, // the running instance accepted the request: exit with status 0
        Standalone, // neither worked (errorString()): open a window without serving
    };

    // serverName: an absolute socket path or a bare name (then in QDir::tempPath(), as
    // QLocalServer does). Tests use private names; the app uses defaultServerName().
    explicit SingleInstance(const QString &serverName = defaultServerName(), QObject *parent = nullptr);
    ~SingleInstance() override;

    // <runtime dir>/io.github.castdeck.CastDeck-<uid>-<display>.socket, shortened with a hash
    // when it would not fit into sockaddr_un.
    static QString defaultServerName();
    // Command-line arguments to absolute, clean paths: relative ones against workingDirectory,
    // file: URLs to local paths. The running instance and a forwarding launch use the same rule.
    static QStringList resolveFiles(const QStringList &arguments, const QString &workingDirectory);
    // XDG_ACTIVATION_TOKEN (Wayland) or DESKTOP_STARTUP_ID (X11) of this launch, if any.
    static QString activationTokenFromEnvironment();

    QString serverName() const { return m_serverName; }
    // Client side: the whole exchange (connect, send, wait for the reply) must finish within this.
    // Server side: a connection must deliver its complete message within this. Default 3000 ms.
    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    int timeout() const { return m_timeoutMs; }

    // --- The launch that finds CastDeck running -------------------------------------------------
    // Sends the request and waits for the running instance's answer. True only when it accepted;
    // false with errorString() when nobody listens, the instance rejected it or did not answer.
    bool tryForward(const Request &request);
    bool tryForward(const QStringList &files, const QString &workingDirectory);

    // --- The running instance -------------------------------------------------------------------
    // Starts serving, replacing a stale socket file. Emits the signals below from then on.
    ListenResult listen();
    bool isListening() const;
    // The usual start: forward when an instance runs, else listen; handles two launches racing.
    Role start(const Request &request);

    QString errorString() const { return m_errorString; }

Q_SIGNALS:
    // A valid request arrived (after it was acknowledged). Paths are absolute and non-empty.
    void filesRequested(const QStringList &files);
    void newTerminalRequested();
    void openDialogRequested();
    // Emitted last for every accepted request, also one without files: raise the window.
    void activationRequested(const QString &activationToken);
    // A connection sent something that is not a valid request; nothing else was emitted.
    void requestRejected(const QString &reason);

private:
    struct Peer
    {
        QTimer *deadline = nullptr;
        bool done = false;
    };
    // Why the last tryForward() failed: only NoServer makes listening worth a try.
    enum class ForwardFailure { None, NoServer, NoAnswer, Rejected };

    ListenResult listenLocked();
    bool someoneListens() const;
    void acceptConnections();
    void readFrom(QLocalSocket *socket);
    void reject(QLocalSocket *socket, const QString &reason);
    void finish(QLocalSocket *socket, quint8 status, const QString &reason);

    QString m_serverName;
    int m_timeoutMs = 3000;
    QLocalServer *m_server = nullptr;
    QHash<QLocalSocket *, Peer> m_peers;
    QString m_errorString;
    ForwardFailure m_forwardFailure = ForwardFailure::None;
};
