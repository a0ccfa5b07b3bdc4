#include "HeadlessDemo.h"

#include "MainWindow.h"
#include "PlayerTab.h"
#include "TerminalTab.h"
#include "checkpoint/ClearDetector.h"
#include "play/Player.h"
#include "play/Recording.h"
#include "record/Recorder.h"
#include "session/TerminalSession.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QPixmap>
#include <QScreen>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {
QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QString seconds(qint64 us)
{
    return QString::number(double(us) / 1e6, 'f', 3);
}

// A guard: whatever happens, the demo ends.
constexpr int kTimeLimitMs = 120000;
} // namespace

HeadlessDemo::HeadlessDemo(MainWindow *window, const QString &directory)
    : QObject(window)
    , m_window(window)
    , m_directory(QDir(directory).absolutePath())
{
}

QString HeadlessDemo::script()
{
    // Colour, `clear` (ESC[H ESC[2J ESC[3J), RIS, and a full-screen program on the alternate
    // screen (vim when there is one; the same switch by hand otherwise).
    return uR"SH(
colours() { for c in 31 32 33 34 35 36; do printf '\033[1;%sm%s\033[0m %s\n' "$c" "colour $c" "$1"; done; }
printf '\033]0;CastDeck demo\007'
echo "CastDeck demo: a recorded shell session"; colours "before any clear"; sleep 0.3
clear; echo "after clear"; colours "second screen"; sleep 0.3
printf '\033c'; echo "after a terminal reset (ESC c)"; ls --color=always / | head -12; sleep 0.3
if command -v vim.tiny >/dev/null; then vim.tiny -u NONE -c 'sleep 400m' -c 'qa!' /etc/hostname
else printf '\033[?1049h\033[H\033[2Jfull-screen program\n'; sleep 0.4; printf '\033[?1049l'; fi
printf '\033[H\033[2J\033[44;97m  the last screen: the player opens here  \033[0m\n'; colours "last screen"
printf '\033[38;5;208m256 colours\033[0m \033[38;2;120;200;80mtruecolor\033[0m  wide: 漢字  emoji: 🎬\n'
sleep 0.3
)SH"_s;
}

void HeadlessDemo::start()
{
    QDir().mkpath(m_directory);
    m_castPath = QDir(m_directory).filePath(u"castdeck-demo.cast"_s);
    QFile::remove(m_castPath);
    QFile::remove(m_castPath + u".idx"_s);
    QTimer::singleShot(kTimeLimitMs, this, [this] { finish(1, u"the demo took too long; stopped"_s); });

    out() << tr("Recording a scripted shell session into %1").arg(m_castPath) << Qt::endl;
    TerminalTab *tab = m_window->newTerminal(u"/bin/sh"_s, {u"-c"_s, script()});
    if (!tab->isRunning())
        return finish(1, tr("could not start /bin/sh: %1").arg(tab->errorString()));
    QString error;
    if (!tab->startRecording(m_castPath, 2, false, &error))
        return finish(1, tr("could not record: %1").arg(error));
    Recorder *recorder = tab->session()->recorder();
    connect(recorder, &Recorder::pruningDetected, this, [](const PruningPoint &p) {
        out() << u"pruningDetected: %1 at %2 s, line offset %3, sequence end %4, %5x%6"_s.arg(
                     QString::fromLatin1(ClearDetector::sequence(p.kind).name), seconds(p.timeUs))
                     .arg(p.lineOffset)
                     .arg(p.sequenceEnd)
                     .arg(p.cols)
                     .arg(p.rows)
              << Qt::endl;
    });
    connect(recorder, &Recorder::writeFailed, this,
            [this](const QString &message) { finish(1, tr("recording failed: %1").arg(message)); });
    connect(recorder, &Recorder::finished, this, &HeadlessDemo::onRecordingFinished);
}

void HeadlessDemo::onRecordingFinished()
{
    out() << tr("Recorded: %1").arg(m_castPath) << Qt::endl;
    PlayerTab *player = m_window->openRecording(m_castPath);
    auto check = [this, player] {
        const Recording::State s = player->recording()->state();
        if (s == Recording::State::Ready)
            onPlayerReady(player);
        else if (s == Recording::State::Failed)
            finish(1, tr("the player could not open the recording: %1").arg(player->recording()->errorString()));
    };
    connect(player->recording(), &Recording::stateChanged, this, check);
    check();
}

void HeadlessDemo::onPlayerReady(PlayerTab *player)
{
    disconnect(player->recording(), nullptr, this, nullptr);
    player->player()->finishSeek();
    const CheckpointIndex &index = player->recording()->index();
    out() << Qt::endl << tr("Clear checkpoints of %1 (sidecar %2):").arg(m_castPath, player->recording()->sidecarPath()) << Qt::endl;
    out() << u"  #  time (s)  kind                  line offset  sequence end  size    resumable"_s << Qt::endl;
    for (qsizetype i = 0; i < index.checkpoints.size(); ++i) {
        const Checkpoint &c = index.checkpoints.at(i);
        out() << u"%1  %2  %3  %4  %5  %6  %7"_s.arg(i, 3)
                     .arg(seconds(c.timeUs), 8)
                     .arg(QString::fromLatin1(c.kindName()), -20)
                     .arg(c.lineOffset, 11)
                     .arg(c.sequenceEnd, 12)
                     .arg(u"%1x%2"_s.arg(c.cols).arg(c.rows), -6)
                     .arg(c.isResumable() ? tr("yes") : tr("no"))
              << Qt::endl;
    }
    out() << tr("The player opened it at its last clear: %1 s of %2 s.")
                 .arg(seconds(player->player()->position()), seconds(player->player()->duration()))
          << Qt::endl;
    // Let the view paint the frame before the screenshot.
    QTimer::singleShot(600, this, [this] {
        const QString png = QDir(m_directory).filePath(u"castdeck-window.png"_s);
        QPixmap shot = m_window->screen()->grabWindow(m_window->winId());
        if (shot.isNull())
            shot = m_window->grab();
        if (!shot.save(png))
            return finish(1, tr("could not save a screenshot to %1").arg(png));
        out() << tr("Screenshot of the window: %1").arg(png) << Qt::endl;
        finish(0);
    });
}

void HeadlessDemo::finish(int code, const QString &message)
{
    if (!message.isEmpty())
        QTextStream(stderr) << "castdeck: demo: " << message << Qt::endl;
    m_exitCode = code;
    // Close without asking: the demo's shell has ended, or the demo gives up.
    QTimer::singleShot(0, qApp, [code] { QCoreApplication::exit(code); });
}
