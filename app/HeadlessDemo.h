// HeadlessDemo: what `./dev run` shows on a machine without a display (under Xvfb). Records a
// scripted shell session (coloured output, `clear`, ESC c, a full-screen program) into a
// .cast, prints every pruningDetected as it happens, opens the result in the player at its
// last clear, saves a screenshot of the window and prints the paths and the checkpoint table.
// Then quits by itself.
#pragma once

#include <QObject>
#include <QString>

class MainWindow;
class PlayerTab;
class QTextStream;

class HeadlessDemo : public QObject
{
    Q_OBJECT
public:
    HeadlessDemo(MainWindow *window, const QString &directory);
    // Starts the demo; the application quits with exitCode() when it is over.
    void start();
    int exitCode() const { return m_exitCode; }

    // The shell script the demo records.
    static QString script();

private:
    void onRecordingFinished();
    void onPlayerReady(PlayerTab *player);
    void finish(int code, const QString &message = {});

    MainWindow *m_window;
    QString m_directory;
    QString m_castPath;
    int m_exitCode = 0;
};
