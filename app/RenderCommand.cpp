#include "RenderCommand.h"

#include "ColorScheme.h"
#include "OpenRecording.h"
#include "TerminalPainter.h"
#include "play/Player.h"
#include "play/Recording.h"
#include "terminal/Terminal.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QImage>
#include <QRegularExpression>
#include <QTextStream>

#include <cmath>
#include <cstring>
#include <limits>

using namespace Qt::StringLiterals;

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("RenderCommand", text);
}

struct Moment {
    enum class Kind { Time, End, LastClear, Checkpoint } kind = Kind::Time;
    qint64 timeUs = 0;
    qint64 checkpoint = 0;
};

// "12.5", "end", "last-clear", "checkpoint:3".
bool parseMoment(const QString &text, Moment &m)
{
    if (text == u"end"_s) {
        m.kind = Moment::Kind::End;
        return true;
    }
    if (text == u"last-clear"_s) {
        m.kind = Moment::Kind::LastClear;
        return true;
    }
    if (text.startsWith(u"checkpoint:"_s)) {
        bool ok = false;
        m.kind = Moment::Kind::Checkpoint;
        m.checkpoint = text.mid(11).toLongLong(&ok);
        return ok && m.checkpoint >= 0 && !text.mid(11).startsWith(u'+');
    }
    // Seconds: digits with an optional fraction (no sign, no exponent, no "inf").
    static const QRegularExpression seconds(u"^(\\d+(\\.\\d*)?|\\.\\d+)$"_s);
    if (!seconds.match(text).hasMatch())
        return false;
    const double s = text.toDouble();
    if (!std::isfinite(s) || s > 1e12)
        return false;
    m.kind = Moment::Kind::Time;
    m.timeUs = std::llround(s * 1e6);
    return true;
}
} // namespace

bool RenderCommand::needsGui(int argc, char **argv)
{
    for (int i = 2; i < argc; ++i)
        if (!std::strcmp(argv[i], "--png") || !std::strncmp(argv[i], "--png=", 6))
            return true;
    return false;
}

int RenderCommand::run(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Print the screen of a recording at one moment: after every event up to "
                                        "TIME, at the end, at the last clear or at a clear checkpoint."));
    parser.addHelpOption();
    const QCommandLineOption at(u"at"_s,
                                tr("The moment: seconds (12.5), end, last-clear or checkpoint:N (0-based, as "
                                   "`castdeck info` lists them)."),
                                u"TIME"_s);
    const QCommandLineOption text(u"text"_s, tr("Print the screen's rows, trailing blanks trimmed (the default)."));
    const QCommandLineOption png(u"png"_s, tr("Save a picture of the screen to OUT.png."), u"OUT.png"_s);
    parser.addOption(at);
    parser.addOption(text);
    parser.addOption(png);
    parser.addPositionalArgument(u"file"_s, tr("The .cast file."), u"FILE"_s);
    parser.process(args);

    QTextStream err(stderr);
    if (parser.positionalArguments().size() != 1) {
        err << tr("castdeck render: expected exactly one FILE (see castdeck render --help)") << Qt::endl;
        return 2;
    }
    if (!parser.isSet(at)) {
        err << tr("castdeck render: --at is required: seconds (12.5), end, last-clear or checkpoint:N") << Qt::endl;
        return 2;
    }
    Moment moment;
    if (!parseMoment(parser.value(at), moment)) {
        err << tr("castdeck render: --at expects seconds (12.5), end, last-clear or checkpoint:N, not \"%1\"")
                   .arg(parser.value(at))
            << Qt::endl;
        return 2;
    }
    if (parser.isSet(png) && !qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        err << tr("castdeck render: --png cannot paint in this process") << Qt::endl;
        return 1;
    }

    const QString path = parser.positionalArguments().constFirst();
    Recording recording;
    if (!openRecording(recording, path, err, u"castdeck render: "_s, tr("castdeck render: warning: %1")))
        return 1;

    Player player(&recording);
    const QList<Checkpoint> &checkpoints = recording.index().checkpoints;
    switch (moment.kind) {
    case Moment::Kind::Time:
        player.seek(moment.timeUs);
        break;
    case Moment::Kind::End:
        player.seekToEvent(std::numeric_limits<qint64>::max());
        break;
    case Moment::Kind::LastClear:
        if (!player.seekToLastClear()) {
            err << tr("castdeck render: %1 has no clear checkpoint").arg(path) << Qt::endl;
            return 1;
        }
        break;
    case Moment::Kind::Checkpoint:
        if (moment.checkpoint >= checkpoints.size()) {
            err << tr("castdeck render: %1 has %2 clear checkpoints (0 to %3), not %4")
                       .arg(path)
                       .arg(checkpoints.size())
                       .arg(checkpoints.size() - 1)
                       .arg(moment.checkpoint)
                << Qt::endl;
            return 1;
        }
        player.seek(checkpoints.at(moment.checkpoint).timeUs);
        break;
    }
    player.finishSeek();
    const Terminal &term = *player.terminal();

    if (parser.isSet(png)) {
        const ColorScheme scheme = ColorScheme::fromTheme(recording.header().theme, ColorScheme::dark());
        TerminalPainter::Frame frame;
        frame.cursorShown = term.cursor().visible;
        const QImage image = TerminalPainter::render(term, scheme, TerminalPainter::defaultFont(), 1, frame);
        if (image.isNull() || !image.save(parser.value(png), "PNG")) {
            err << tr("castdeck render: cannot write %1").arg(parser.value(png)) << Qt::endl;
            return 1;
        }
    }
    if (parser.isSet(text) || !parser.isSet(png)) {
        QByteArray out;
        for (QString row : term.snapshot().textRows()) {
            // textRows() drops blank cells; spaces written as such go too.
            while (row.endsWith(u' '))
                row.chop(1);
            out += row.toUtf8() + '\n';
        }
        QTextStream(stdout).flush();
        fwrite(out.constData(), 1, size_t(out.size()), stdout);
        fflush(stdout);
    }
    return 0;
}
