// `castdeck rec`: the real binary, as a user, a script or another tool runs it: without a
// terminal (QProcess), inside a terminal (a PtySession: raw mode, resizes, signals), killed,
// under a file size limit; and next to Debian's asciinema both ways.
#include "TestData.h"
#include "checkpoint/CastIndexer.h"
#include "format/CastReader.h"
#include "pty/PtySession.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using TestData::fileBytes;

namespace {
constexpr int kTimeoutMs = 60000;

const QString kBinary = QStringLiteral(CASTDECK_BINARY);

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs castdeck (or `program`) without a terminal: stdin gets `input` and is then closed.
Run run(const QString &program, const QStringList &args, const QByteArray &input = {},
        const QProcessEnvironment &extra = {}, const QString &workingDirectory = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"DISPLAY"_s);
    env.remove(u"WAYLAND_DISPLAY"_s);
    env.insert(u"QT_QPA_PLATFORM"_s, u"xcb"_s); // a window would fail: the command needs none
    env.insert(extra);
    p.setProcessEnvironment(env);
    if (!workingDirectory.isEmpty())
        p.setWorkingDirectory(workingDirectory);
    p.start(program, args);
    if (!p.waitForStarted())
        return {};
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(kTimeoutMs)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

Run castdeck(const QStringList &args, const QByteArray &input = {}, const QProcessEnvironment &extra = {})
{
    return run(kBinary, args, input, extra);
}

struct Cast {
    CastHeader header;
    QList<CastEvent> events;
    QByteArray output; // all 'o' data
    QString error;
    int warnings = 0;
};

Cast readCast(const QString &path, CastReader::Mode mode = CastReader::Mode::Strict)
{
    Cast c;
    CastReader r;
    r.setMode(mode);
    if (!r.open(path)) {
        c.error = r.errorString();
        return c;
    }
    c.header = r.header();
    CastEvent ev;
    while (r.readNext(ev)) {
        if (ev.code == "o")
            c.output += ev.data;
        c.events.append(ev);
    }
    c.error = r.errorString();
    c.warnings = int(r.warnings().size());
    return c;
}

QList<QByteArray> codes(const Cast &c)
{
    QList<QByteArray> list;
    for (const CastEvent &e : c.events)
        list.append(e.code);
    return list;
}

// The shell's single quotes around `s`.
QString shellQuote(QString s)
{
    return u"'"_s + s.replace(u"'"_s, u"'\\''"_s) + u"'"_s;
}

bool processGone(qint64 pid)
{
    // Gone, or a zombie nobody reaped yet (it runs no more either way).
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray s = stat.readAll();
    const qsizetype paren = s.lastIndexOf(')');
    return paren < 0 || s.mid(paren + 2, 1) == "Z";
}

// castdeck rec inside a terminal: a PtySession runs a shell script that calls it.
struct InTerminal {
    PtySession pty;
    QByteArray output;
    QList<PtyExitStatus> exits;
    explicit InTerminal(const QString &script)
    {
        pty.setProgram(u"/bin/sh"_s, {u"-c"_s, script});
        QObject::connect(&pty, &PtySession::receivedData, &pty, [this](const QByteArray &d) { output += d; });
        QObject::connect(&pty, &PtySession::finished, &pty, [this](PtyExitStatus s) { exits.append(s); });
    }
    qint64 recorderPid() const
    {
        const QRegularExpressionMatch m = QRegularExpression(u"pid=(\\d+)"_s).match(QString::fromUtf8(output));
        return m.hasMatch() ? m.captured(1).toLongLong() : 0;
    }
};
} // namespace

class TestRec : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void recordsCommand_data()
    {
        QTest::addColumn<QStringList>("extraArgs");
        QTest::addColumn<int>("version");
        QTest::newRow("v2") << QStringList() << 2;
        QTest::newRow("v3") << QStringList{u"--v3"_s} << 3;
    }
    // Without a terminal: the command's output on stdout, its exit status ours, a valid file
    // with the header fields asked for and the size from $COLUMNS/$LINES; --verbose prints
    // each checkpoint as `castdeck info` later finds it.
    void recordsCommand()
    {
        QFETCH(QStringList, extraArgs);
        QFETCH(int, version);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"cmd.cast"_s);
        QProcessEnvironment env;
        env.insert(u"COLUMNS"_s, u"100"_s);
        env.insert(u"LINES"_s, u"30"_s);
        const QString command = u"printf 'hello \"q\" \\\\ \\033[2J world \\033[H\\033[2J\\n'; stty size; exit 3"_s;
        const Run r = castdeck(QStringList{u"rec"_s, path, u"--command"_s, command, u"--title"_s, u"My title"_s,
                                           u"--idle-time-limit"_s, u"2.5"_s, u"--verbose"_s}
                                   + extraArgs,
                               {}, env);
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.out.startsWith("hello \"q\" \\ \x1b[2J world \x1b[H\x1b[2J\r\n30 100\r\n"), r.out.constData());

        const Cast c = readCast(path);
        QVERIFY2(c.error.isEmpty(), qPrintable(c.error));
        QCOMPARE(c.header.version, version);
        QCOMPARE(c.header.width, 100);
        QCOMPARE(c.header.height, 30);
        QCOMPARE(c.header.title, u"My title"_s);
        QCOMPARE(c.header.command, command);
        QVERIFY(c.header.idleTimeLimit.has_value());
        QCOMPARE(*c.header.idleTimeLimit, 2.5);
        QCOMPARE(c.output, r.out);
        QCOMPARE(codes(c).constLast(), QByteArray("x"));
        QCOMPARE(c.events.constLast().data, QByteArray("3"));

        const Run info = castdeck({u"info"_s, u"--json"_s, path});
        QCOMPARE(info.exitCode, 0);
        const QJsonArray cps = QJsonDocument::fromJson(info.out).object().value(u"checkpoints"_s).toArray();
        QCOMPARE(cps.size(), 2);
        // stderr: the start notice, one line per checkpoint, the end notice.
        const QList<QByteArray> lines = r.err.trimmed().split('\n');
        QCOMPARE(lines.size(), 4);
        for (int k = 0; k < 2; ++k) {
            const QJsonObject cp = cps.at(k).toObject();
            const QByteArray expected = "castdeck: checkpoint " + cp.value(u"kind"_s).toString().toUtf8() + " at "
                + QByteArray::number(cp.value(u"time"_s).toDouble(), 'f', 6) + " s: lineOffset "
                + QByteArray::number(cp.value(u"lineOffset"_s).toInteger()) + ", sequenceEnd "
                + QByteArray::number(cp.value(u"sequenceEnd"_s).toInteger());
            QVERIFY2(lines.at(k + 1).startsWith(expected), lines.at(k + 1).constData());
        }
        QVERIFY(lines.constLast().contains("recording finished"));
        // The sidecar is there, and valid.
        CheckpointIndex idx;
        QVERIFY(idx.load(CheckpointIndex::sidecarPath(path)));
        QCOMPARE(idx.validate(path), CheckpointIndex::Validity::Valid);
        QCOMPARE(idx.checkpoints.size(), 2);
    }

    void stdinGoesToTheShell_data()
    {
        QTest::addColumn<bool>("capture");
        QTest::newRow("input-not-recorded") << false;
        QTest::newRow("capture-input") << true;
    }
    // The login shell by default ($SHELL); stdin is typed into it until its end, then an
    // end-of-file character ends it. Input is recorded only with --capture-input.
    void stdinGoesToTheShell()
    {
        QFETCH(bool, capture);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"shell.cast"_s);
        QProcessEnvironment env;
        env.insert(u"SHELL"_s, u"/bin/sh"_s);
        QStringList args{u"rec"_s, u"-q"_s, path};
        if (capture)
            args.append(u"--capture-input"_s);
        const Run r = castdeck(args, "echo from-$((6 * 7))\nexit 5\n", env);
        QCOMPARE(r.exitCode, 5);
        QVERIFY2(r.out.contains("from-42"), r.out.constData());
        QVERIFY2(r.err.isEmpty(), r.err.constData()); // -q
        const Cast c = readCast(path);
        QVERIFY2(c.error.isEmpty(), qPrintable(c.error));
        QCOMPARE(codes(c).contains("i"), capture);
        QVERIFY(c.output.contains("from-42"));
        QCOMPARE(c.events.constLast().data, QByteArray("5"));

        // Stdin at its end at once: the shell gets end-of-file and leaves.
        const Run eof = castdeck({u"rec"_s, u"-q"_s, u"--overwrite"_s, path}, {}, env);
        QCOMPARE(eof.exitCode, 0);
    }

    void existingFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"exists.cast"_s);
        QCOMPARE(castdeck({u"rec"_s, u"-q"_s, u"--v3"_s, path, u"-c"_s, u"printf 'one\\033[2J'"_s}).exitCode, 0);
        const QByteArray first = fileBytes(path);

        // Not replaced by accident.
        const Run refused = castdeck({u"rec"_s, u"-q"_s, path, u"-c"_s, u"echo two"_s});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("exists already") && refused.err.contains("--append"), refused.err.constData());
        QCOMPARE(fileBytes(path), first);

        // --append continues it: its format (v3 without asking), times go on.
        const Run appended = castdeck({u"rec"_s, u"-q"_s, u"--append"_s, path, u"-c"_s, u"printf 'two\\033[3J'"_s});
        QCOMPARE(appended.exitCode, 0);
        QVERIFY(fileBytes(path).startsWith(first));
        Cast c = readCast(path);
        QVERIFY2(c.error.isEmpty(), qPrintable(c.error));
        QCOMPARE(c.header.version, 3);
        QCOMPARE(c.output, QByteArray("one\x1b[2Jtwo\x1b[3J"));
        QCOMPARE(codes(c), (QList<QByteArray>{"o", "x", "o", "x"}));
        QVERIFY(c.events.at(2).timeUs >= c.events.at(1).timeUs);
        const QJsonObject info = QJsonDocument::fromJson(castdeck({u"info"_s, u"--json"_s, path}).out).object();
        QCOMPARE(info.value(u"checkpoints"_s).toArray().size(), 2);

        // --overwrite replaces it.
        QCOMPARE(castdeck({u"rec"_s, u"-q"_s, u"--overwrite"_s, path, u"-c"_s, u"printf three"_s}).exitCode, 0);
        c = readCast(path);
        QCOMPARE(c.header.version, 2);
        QCOMPARE(c.output, QByteArray("three"));

        const Run both = castdeck({u"rec"_s, u"--append"_s, u"--overwrite"_s, path});
        QCOMPARE(both.exitCode, 2);
    }

    void badArguments_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("idle-not-a-number") << QStringList { u"rec"_s, u"-i"_s, u"soon"_s,
            u"x.cast"_s } << 2 << QByteArray("--idle-time-limit: expected a number of seconds > 0, found \"soon\"");
        QTest::newRow("idle-zero") << QStringList { u"rec"_s, u"-i"_s, u"0"_s, u"x.cast"_s } << 2
                                   << QByteArray("found \"0\"");
        QTest::newRow("two-files") << QStringList { u"rec"_s, u"a.cast"_s, u"b.cast"_s } << 2
                                   << QByteArray("at most one FILE");
        QTest::newRow("unwritable") << QStringList{u"rec"_s, u"/nonexistent-dir/a.cast"_s, u"-c"_s, u"true"_s} << 1
                                    << QByteArray("/nonexistent-dir/a.cast: cannot write the recording");
    }
    void badArguments()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, message);
        const Run r = castdeck(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);
    }

    void defaultFileName()
    {
        QTemporaryDir dir;
        const Run r = run(kBinary, {u"rec"_s, u"-q"_s, u"-c"_s, u"echo hi"_s}, {}, {}, dir.path());
        QCOMPARE(r.exitCode, 0);
        const QStringList casts = QDir(dir.path()).entryList({u"castdeck-*.cast"_s});
        QCOMPARE(casts.size(), 1);
        QVERIFY2(QRegularExpression(u"^castdeck-\\d{8}-\\d{6}\\.cast$"_s).match(casts.constFirst()).hasMatch(),
                 qPrintable(casts.constFirst()));
    }

    // kill -9 in the middle of a recording: the file opens in `castdeck info` with a warning at
    // most (a line cut by the kill), and the recorded program does not outlive the recorder.
    void killNineLeavesReadableFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"killed.cast"_s);
        const QString pidFile = dir.filePath(u"child.pid"_s);
        QProcess p;
        p.setStandardOutputFile(QProcess::nullDevice());
        p.start(kBinary,
            { u"rec"_s, u"-q"_s, path, u"-c"_s,
                u"echo $$ > %1; i=0; while :; do printf 'line %d \\033[2J \\033[H\\033[2J \\\"q\\\"\\n' $i; i=$((i+1)); done"_s
                    .arg(shellQuote(pidFile)) });
        QVERIFY(p.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(path).size() > 300 * 1024, kTimeoutMs);
        ::kill(pid_t(p.processId()), SIGKILL);
        QVERIFY(p.waitForFinished());
        QCOMPARE(p.exitStatus(), QProcess::CrashExit);
        const qint64 childPid = fileBytes(pidFile).trimmed().toLongLong();
        QVERIFY(childPid > 0);
        QTRY_VERIFY_WITH_TIMEOUT(processGone(childPid), kTimeoutMs); // hung up with the pty

        const Run info = castdeck({u"info"_s, u"--json"_s, path});
        QCOMPARE(info.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(info.out).object();
        QVERIFY(o.value(u"warnings"_s).toArray().size() <= 1);
        QVERIFY(o.value(u"checkpoints"_s).toArray().size() > 100);
        QVERIFY(o.value(u"events"_s).toObject().value(u"o"_s).toInt() > 0);
        QCOMPARE(readCast(path, CastReader::Mode::Lenient).error, QString());
    }

    // A file size limit (RLIMIT_FSIZE, as on a full disk): reported once, the program runs to
    // its end, what was written stays valid (cut back to the last complete line).
    void fileSizeLimitReportsOnce()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"limited.cast"_s);
        // dash's ulimit -f counts 512-byte blocks: 20 KB.
        const Run r = run(u"/bin/sh"_s,
            { u"-c"_s,
                u"ulimit -f 40; exec %1 rec %2 -q -c 'seq 1 20000'"_s.arg(shellQuote(kBinary), shellQuote(path)) });
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.endsWith("19999\r\n20000\r\n"), r.out.right(100).constData());
        QCOMPARE(r.err.count("cannot write"), 1);
        QVERIFY2(r.err.contains(path.toUtf8()), r.err.constData());
        QVERIFY(QFileInfo(path).size() <= 40 * 512);
        QVERIFY(QFileInfo(path).size() > 0);
        const Run info = castdeck({u"info"_s, u"--json"_s, u"--strict"_s, path});
        QCOMPARE(info.exitCode, 0);
        QVERIFY(QJsonDocument::fromJson(info.out).object().value(u"warnings"_s).toArray().isEmpty());
    }

    // In a terminal: raw mode (Ctrl+C reaches the recorded program, not castdeck), the host's
    // size and its changes (SIGWINCH -> the program's pty and an 'r' event), and the terminal
    // settings restored afterwards.
    void inTerminalRawModeAndResize()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"tty.cast"_s);
        const QString before = dir.filePath(u"before"_s);
        const QString after = dir.filePath(u"after"_s);
        const QString inner =
            u"trap 'echo got-int; exit 4' INT; echo pid=$PPID; stty size; read x; stty size; sleep 20"_s;
        InTerminal t(u"stty -g > %1; %2 rec -q %3 -c %4; echo rc=$?; stty -g > %5"_s.arg(
            shellQuote(before), shellQuote(kBinary), shellQuote(path), shellQuote(inner), shellQuote(after)));
        t.pty.setWindowSize(90, 20);
        QVERIFY(t.pty.start());
        QTRY_VERIFY_WITH_TIMEOUT(t.output.contains("20 90"), kTimeoutMs);
        QVERIFY(t.recorderPid() > 0);
        t.pty.setWindowSize(100, 30); // SIGWINCH to castdeck, the foreground job
        QTRY_VERIFY_WITH_TIMEOUT(fileBytes(path).contains("\"r\", \"100x30\""), kTimeoutMs);
        t.pty.write("\r"); // raw: CR goes through; the program's pty makes it a newline
        QTRY_VERIFY_WITH_TIMEOUT(t.output.contains("30 100"), kTimeoutMs);
        t.pty.write("\x03");
        QTRY_VERIFY_WITH_TIMEOUT(!t.exits.isEmpty(), kTimeoutMs);
        QVERIFY2(t.output.contains("got-int"), t.output.constData());
        QVERIFY2(t.output.contains("rc=4"), t.output.constData());
        QCOMPARE(fileBytes(after), fileBytes(before));
        QVERIFY(!fileBytes(before).isEmpty());

        const Cast c = readCast(path);
        QVERIFY2(c.error.isEmpty(), qPrintable(c.error));
        QCOMPARE(c.header.width, 90);
        QCOMPARE(c.header.height, 20);
        QVERIFY(codes(c).contains("r"));
        QCOMPARE(c.events.constLast().data, QByteArray("4"));
    }

    void inTerminalSignalsEndRecording_data()
    {
        QTest::addColumn<int>("signal");
        QTest::newRow("SIGTERM") << int(SIGTERM);
        QTest::newRow("SIGHUP") << int(SIGHUP);
        QTest::newRow("SIGINT") << int(SIGINT);
    }
    // A signal to castdeck: the program is hung up, the recording finished with its status,
    // the terminal restored.
    void inTerminalSignalsEndRecording()
    {
        QFETCH(int, signal);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"signal.cast"_s);
        const QString before = dir.filePath(u"before"_s);
        const QString after = dir.filePath(u"after"_s);
        InTerminal t(u"stty -g > %1; %2 rec -q %3 -c 'echo pid=$PPID; sleep 60'; echo rc=$?; stty -g > %4"_s.arg(
            shellQuote(before), shellQuote(kBinary), shellQuote(path), shellQuote(after)));
        QVERIFY(t.pty.start());
        QTRY_VERIFY_WITH_TIMEOUT(t.recorderPid() > 0, kTimeoutMs);
        ::kill(pid_t(t.recorderPid()), signal);
        QTRY_VERIFY_WITH_TIMEOUT(!t.exits.isEmpty(), kTimeoutMs);
        QVERIFY2(t.output.contains("rc=129"), t.output.constData()); // sleep was hung up
        QCOMPARE(fileBytes(after), fileBytes(before));
        const Cast c = readCast(path);
        QVERIFY2(c.error.isEmpty(), qPrintable(c.error));
        QCOMPARE(codes(c).constLast(), QByteArray("x"));
        QCOMPARE(c.events.constLast().data, QByteArray("129"));
    }

    // A CastDeck recording plays in asciinema: `asciinema cat` and `asciinema play` print
    // exactly the recorded output.
    void asciinemaPlaysOurRecording()
    {
        const QString asciinema = QStandardPaths::findExecutable(u"asciinema"_s);
        if (asciinema.isEmpty())
            QSKIP("asciinema is not installed");
        QTemporaryDir dir;
        const QString path = dir.filePath(u"ours.cast"_s);
        const Run r = castdeck({ u"rec"_s, u"-q"_s, path, u"-c"_s,
            u"printf '\\033[1;31mred\\033[0m \\\"q\\\" \\\\ 漢字 😀\\033[2J\\n'; printf '\\033[?1049hx\\033[?1049l'"_s });
        QCOMPARE(r.exitCode, 0);
        const Cast c = readCast(path);
        QVERIFY(c.output.contains("漢字 😀"));
        QProcessEnvironment env;
        env.insert(u"ASCIINEMA_CONFIG_HOME"_s, dir.filePath(u"asciinema-config"_s));
        const Run cat = run(asciinema, {u"cat"_s, path}, {}, env);
        QCOMPARE(cat.exitCode, 0);
        QCOMPARE(cat.out, c.output);
        const Run play = run(asciinema, {u"play"_s, u"-s"_s, u"100"_s, path}, {}, env);
        QCOMPARE(play.exitCode, 0);
        QCOMPARE(play.out, c.output);
    }

    // A recording made by `asciinema rec` opens in CastDeck (Strict), its events as printed,
    // its clear checkpoints at the right bytes; and `castdeck rec --append` continues it.
    void asciinemaRecordingOpensInCastDeck()
    {
        const QString asciinema = QStandardPaths::findExecutable(u"asciinema"_s);
        if (asciinema.isEmpty())
            QSKIP("asciinema is not installed");
        QTemporaryDir dir;
        const QString path = dir.filePath(u"theirs.cast"_s);
        QProcessEnvironment env;
        env.insert(u"ASCIINEMA_CONFIG_HOME"_s, dir.filePath(u"asciinema-config"_s));
        const Run rec = run(asciinema,
            { u"rec"_s, u"-q"_s, u"-c"_s,
                u"printf 'a\\033[2Jb \"q\" \\\\ 漢字\\n'; sleep 0.2; printf '\\033[H\\033[2Jend'"_s, path },
            {}, env);
        QVERIFY2(rec.exitCode == 0, rec.err.constData());
        Cast c = readCast(path);
        QVERIFY2(c.error.isEmpty(), qPrintable(c.error));
        QCOMPARE(c.header.version, 2);
        QCOMPARE(c.output, QByteArray("a\x1b[2Jb \"q\" \\ 漢字\r\n\x1b[H\x1b[2Jend"));
        const QByteArray bytes = fileBytes(path);
        const QJsonObject info =
            QJsonDocument::fromJson(castdeck({ u"info"_s, u"--json"_s, u"--strict"_s, path }).out).object();
        const QJsonArray cps = info.value(u"checkpoints"_s).toArray();
        QCOMPARE(cps.size(), 2);
        const QByteArray clear("\\u001b[2J"), homeClear("\\u001b[H\\u001b[2J");
        QCOMPARE(
            bytes.mid(cps.at(0).toObject().value(u"sequenceEnd"_s).toInteger() - clear.size(), clear.size()), clear);
        QCOMPARE(
            bytes.mid(cps.at(1).toObject().value(u"sequenceEnd"_s).toInteger() - homeClear.size(), homeClear.size()),
            homeClear);

        const Run appended = castdeck({u"rec"_s, u"-q"_s, u"--append"_s, path, u"-c"_s, u"printf more"_s});
        QCOMPARE(appended.exitCode, 0);
        QVERIFY(fileBytes(path).startsWith(bytes));
        c = readCast(path);
        QVERIFY2(c.error.isEmpty(), qPrintable(c.error));
        QVERIFY(c.output.endsWith("endmore"));
        const Run cat = run(asciinema, {u"cat"_s, path}, {}, env);
        QCOMPARE(cat.out, c.output);
    }
};

QTEST_GUILESS_MAIN(TestRec)
#include "tst_rec.moc"
