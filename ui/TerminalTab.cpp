#include "TerminalTab.h"

#include "TerminalView.h"
#include "record/PruningPoint.h"
#include "record/Recorder.h"
#include "session/TerminalSession.h"
#include "terminal/Terminal.h"

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QRegularExpression>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
QString clock(qint64 ms)
{
    const qint64 s = ms / 1000;
    return u"%1:%2:%3"_s.arg(s / 3600, 2, 10, QLatin1Char('0'))
        .arg(s / 60 % 60, 2, 10, QLatin1Char('0'))
        .arg(s % 60, 2, 10, QLatin1Char('0'));
}
} // namespace

TerminalTab::TerminalTab(QWidget *parent)
    : QWidget(parent)
    , m_session(new TerminalSession(this))
{
    m_view = new TerminalView(m_session->terminal(), this);
    m_view->setObjectName(u"terminalView"_s);

    m_message = new QLabel(this);
    m_message->setObjectName(u"messageBar"_s);
    m_message->setWordWrap(true);
    m_message->setContentsMargins(8, 4, 8, 4);
    m_message->hide();

    m_strip = new QWidget(this);
    m_strip->setObjectName(u"recordingStrip"_s);
    auto *stripLayout = new QHBoxLayout(m_strip);
    stripLayout->setContentsMargins(8, 2, 8, 2);
    m_recIndicator = new QLabel(u"\u25CF "_s + tr("REC"), m_strip);
    m_recIndicator->setStyleSheet(u"color: #e01b24; font-weight: bold;"_s);
    m_recStatus = new QLabel(m_strip);
    m_recStatus->setObjectName(u"recordingStatus"_s);
    m_inputWarning = new QLabel(tr("Keyboard input is recorded"), m_strip);
    m_inputWarning->setObjectName(u"inputCaptureWarning"_s);
    m_inputWarning->setStyleSheet(u"color: #c64600; font-weight: bold;"_s);
    m_inputWarning->setToolTip(tr("Everything typed in this terminal, passwords included, goes into the recording."));
    stripLayout->addWidget(m_recIndicator);
    stripLayout->addWidget(m_recStatus, 1);
    stripLayout->addWidget(m_inputWarning);
    m_strip->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_message);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_strip);
    setFocusProxy(m_view);

    m_stripTimer = new QTimer(this);
    m_stripTimer->setInterval(500);
    connect(m_stripTimer, &QTimer::timeout, this, &TerminalTab::updateRecordingStrip);

    connect(m_view, &TerminalView::terminalSizeChanged, m_session, &TerminalSession::resize);
    connect(m_session, &TerminalSession::titleChanged, this, [this] { Q_EMIT titleChanged(title()); });
    connect(m_session, &TerminalSession::finished, this, [this](PtyExitStatus status) {
        if (!status.succeeded()) {
            showMessage(status.crashed() ? tr("The program was ended by signal %1.").arg(status.signal)
                                         : tr("The program exited with status %1.").arg(status.exitCode),
                        false);
        }
        Q_EMIT finished(status);
    });
    connect(m_session, &TerminalSession::recordingChanged, this, [this](bool recording) {
        m_strip->setVisible(recording);
        if (recording) {
            m_checkpoints = 0;
            m_lastCheckpointUs = -1;
            m_inputWarning->setVisible(m_session->recorder()->options().captureInput);
            connect(m_session->recorder(), &Recorder::pruningDetected, this, [this](const PruningPoint &p) {
                ++m_checkpoints;
                m_lastCheckpointUs = p.timeUs;
                updateRecordingStrip();
            });
            m_stripTimer->start();
            updateRecordingStrip();
        } else {
            m_stripTimer->stop();
        }
        Q_EMIT recordingChanged(recording);
    });
    connect(m_session, &TerminalSession::recordingFailed, this, [this](const QString &message) {
        showMessage(tr("Recording stopped: %1 The terminal goes on; %2 is valid up to the failure.")
                        .arg(message, QDir::toNativeSeparators(m_recordingPath)),
                    true);
    });
}

TerminalTab::~TerminalTab() = default;

bool TerminalTab::start(const QString &program, const QStringList &arguments, const QString &directory)
{
    if (!program.isEmpty())
        m_session->setProgram(program, arguments);
    if (!directory.isEmpty())
        m_session->setWorkingDirectory(directory);
    const QSize grid = m_view->gridSize();
    const bool ok = m_session->start(grid.width() > 1 ? grid.width() : 80, grid.height() > 0 ? grid.height() : 24);
    if (!ok) {
        m_errorString = m_session->errorString();
        showMessage(tr("Could not start the program: %1").arg(m_errorString), true);
    }
    return ok;
}

QString TerminalTab::title() const
{
    return m_session->displayTitle();
}

bool TerminalTab::isRunning() const
{
    return m_session->isRunning();
}

bool TerminalTab::startRecording(const QString &path, int version, bool captureInput, QString *errorString)
{
    Recorder::Options options;
    options.path = path;
    options.version = version;
    options.captureInput = captureInput;
    if (!m_session->startRecording(options, errorString))
        return false;
    m_recordingPath = path;
    m_message->hide();
    return true;
}

void TerminalTab::stopRecording()
{
    m_session->stopRecording();
}

bool TerminalTab::isRecording() const
{
    return m_session->isRecording();
}

void TerminalTab::addMarker(const QString &label)
{
    if (Recorder *r = m_session->recorder())
        r->addMarker(label);
}

void TerminalTab::markCheckpoint()
{
    if (Recorder *r = m_session->recorder())
        r->markCheckpoint();
}

QString TerminalTab::recordingFileName(const QString &folder, const QString &command, const QDateTime &when)
{
    QString name = QFileInfo(command.section(u' ', 0, 0)).fileName();
    name.replace(QRegularExpression(u"[^A-Za-z0-9._-]+"_s), u"-"_s);
    if (name.isEmpty())
        name = u"terminal"_s;
    const QString stem = when.toString(u"yyyy-MM-dd_HH-mm-ss"_s) + u'_' + name;
    const QDir dir(folder);
    QString candidate = dir.filePath(stem + u".cast"_s);
    for (int n = 2; QFileInfo::exists(candidate); ++n)
        candidate = dir.filePath(stem + u'-' + QString::number(n) + u".cast"_s);
    return candidate;
}

QString TerminalTab::recordingStatusText() const
{
    return m_recStatus->text();
}

void TerminalTab::updateRecordingStrip()
{
    Recorder *r = m_session->recorder();
    if (!r)
        return;
    const Recorder::Status s = r->status();
    const QLocale locale;
    QString text = tr("%1 · %2 · %n checkpoint(s)", nullptr, m_checkpoints)
                       .arg(clock(s.elapsedMs), locale.formattedDataSize(s.bytesWritten + s.pendingBytes));
    if (m_lastCheckpointUs >= 0)
        text += u" · "_s + tr("last at %1").arg(clock(m_lastCheckpointUs / 1000));
    text += u" · "_s + QFileInfo(m_recordingPath).fileName();
    m_recStatus->setText(text);
    m_recStatus->setToolTip(QDir::toNativeSeparators(m_recordingPath));
}

void TerminalTab::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? u"background: #fbe3e4; color: #8a1f11;"_s : u"background: #eef3fb; color: #1c3d6e;"_s);
    m_message->show();
}
