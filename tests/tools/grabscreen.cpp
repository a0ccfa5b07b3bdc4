// grabscreen OUT.png: saves the X screen (the whole root window) as a PNG. For screenshots of
// CastDeck under Xvfb driven by xdotool (the environment has no ImageMagick or xwd).
#include <QGuiApplication>
#include <QPixmap>
#include <QScreen>
#include <QTextStream>

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    if (argc != 2) {
        QTextStream(stderr) << "usage: grabscreen OUT.png\n";
        return 2;
    }
    const QPixmap shot = QGuiApplication::primaryScreen()->grabWindow(0);
    if (shot.isNull() || !shot.save(QString::fromLocal8Bit(argv[1]))) {
        QTextStream(stderr) << "grabscreen: could not grab the screen into " << argv[1] << "\n";
        return 1;
    }
    return 0;
}
