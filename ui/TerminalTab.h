// TerminalTab: one terminal in the main window: a TerminalSession (pty + model, maybe a
// recorder) under a TerminalView, with the recording strip (red indicator, elapsed time, file
// size, checkpoints) and a message bar for a failed recording or an ended program.
//
// Data flow: TerminalView <-> TerminalSession::terminal(); view size -> session->resize();
// Recorder::status() polled twice a second for the strip, pruningDetected for the counters.
// GUI thread.
#pragma once

#include "pty/PtyExitStatus.h"

#include <QDateTime>
#include <QWidget>

class QLabel;
class QTimer;
class TerminalSession;
class TerminalView;
struct PruningPoint;

class TerminalTab : public QWidget
{
    Q_OBJECT
public:
    explicit TerminalTab(QWidget *parent = nullptr);
    ~TerminalTab() override;

    TerminalSession *session() const { return m_session; }
    TerminalView *view() const { return m_view; }

    // Starts the program (empty: the login shell) in directory (empty: ours).
    bool start(const QString &program = {}, const QStringList &arguments = {}, const QString &directory = {});
    QString errorString() const { return m_errorString; }
    QString title() const;
    bool isRunning() const;

    // --- Recording ------------------------------------------------------------------------
    bool startRecording(const QString &path, int version, bool captureInput, QString *errorString = nullptr);
    void stopRecording();
    bool isRecording() const;
    QString recordingPath() const { return m_recordingPath; }
    void addMarker(const QString &label);
    void markCheckpoint();
    // "2026-11-21_14-03-07_bash.cast" in folder (made unique with a counter when taken).
    static QString recordingFileName(const QString &folder, const QString &command, const QDateTime &when);
    // The text of the recording strip (for tests and the accessibility name).
    QString recordingStatusText() const;

Q_SIGNALS:
    void titleChanged(const QString &title);
    void finished(PtyExitStatus status);
    void recordingChanged(bool recording);

private:
    void updateRecordingStrip();
    void showMessage(const QString &text, bool error);

    TerminalSession *m_session = nullptr;
    TerminalView *m_view = nullptr;
    QWidget *m_strip = nullptr;
    QLabel *m_recIndicator = nullptr;
    QLabel *m_recStatus = nullptr;
    QLabel *m_inputWarning = nullptr;
    QLabel *m_message = nullptr;
    QTimer *m_stripTimer = nullptr;
    QString m_errorString;
    QString m_recordingPath;
    int m_checkpoints = 0;
    qint64 m_lastCheckpointUs = -1;
};
