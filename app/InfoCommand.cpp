#include "InfoCommand.h"

#include "checkpoint/CastIndexer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace {
double seconds(qint64 us)
{
    return double(us) / 1e6;
}

QString printable(const QByteArray &seq)
{
    QString s = QString::fromLatin1(seq);
    s.replace(u"\x1b"_s, u" ESC"_s);
    return s.trimmed();
}

QString tr(const char *text)
{
    return QCoreApplication::translate("InfoCommand", text);
}
} // namespace

QJsonObject InfoCommand::toJson(const QString &path, qint64 size, const CheckpointIndex &idx)
{
    QJsonObject events;
    events[u"total"_s] = idx.eventCount;
    for (const char *code : {"o", "i", "r", "m", "x"})
        events[QLatin1StringView(code)] = idx.eventsByCode.value(QByteArray(code));
    qint64 other = 0;
    for (auto it = idx.eventsByCode.begin(); it != idx.eventsByCode.end(); ++it)
        if (CastEvent::typeOf(it.key()) == CastEvent::Type::Unknown)
            other += it.value();
    events[u"other"_s] = other;

    QJsonArray checkpoints;
    for (const Checkpoint &c : idx.checkpoints) {
        checkpoints.append(QJsonObject{
            {u"time"_s, seconds(c.timeUs)},
            {u"event"_s, c.eventIndex},
            {u"line"_s, c.lineNumber},
            {u"lineOffset"_s, c.lineOffset},
            {u"sequenceEnd"_s, c.sequenceEnd >= 0 ? QJsonValue(c.sequenceEnd) : QJsonValue()},
            {u"sequence"_s, QString::fromLatin1(c.sequenceBytes())},
            {u"kind"_s, QString::fromLatin1(c.kindName())},
            {u"cols"_s, c.cols},
            {u"rows"_s, c.rows},
        });
    }
    QJsonArray markers;
    for (const CastMarker &m : idx.markers)
        markers.append(QJsonObject{{u"time"_s, seconds(m.timeUs)}, {u"event"_s, m.eventIndex}, {u"label"_s, m.label}});
    QJsonArray resizes;
    for (const CastResize &r : idx.resizes)
        resizes.append(QJsonObject{
            {u"time"_s, seconds(r.timeUs)}, {u"event"_s, r.eventIndex}, {u"cols"_s, r.cols}, {u"rows"_s, r.rows}});
    QJsonArray warnings;
    for (const CastDiagnostic &w : idx.warnings)
        warnings.append(w.toString());

    return QJsonObject{
        {u"file"_s, path},
        {u"size"_s, size},
        {u"format"_s, idx.format},
        {u"width"_s, idx.width},
        {u"height"_s, idx.height},
        {u"duration"_s, seconds(idx.durationUs)},
        {u"events"_s, events},
        {u"markers"_s, markers},
        {u"resizes"_s, resizes},
        {u"checkpoints"_s, checkpoints},
        {u"lastClearOffset"_s, idx.lastClearOffset() >= 0 ? QJsonValue(idx.lastClearOffset()) : QJsonValue()},
        {u"warnings"_s, warnings},
    };
}

int InfoCommand::run(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Describe an asciicast recording: format, duration, events, markers and "
                                        "clear checkpoints with their exact byte offsets."));
    parser.addHelpOption();
    const QCommandLineOption json(u"json"_s, tr("Print JSON (keys documented in README.md)."));
    const QCommandLineOption strict(u"strict"_s, tr("Fail on the first malformed or truncated line."));
    parser.addOption(json);
    parser.addOption(strict);
    parser.addPositionalArgument(u"file"_s, tr("The .cast file."), u"FILE"_s);
    parser.process(args);

    QTextStream out(stdout);
    QTextStream err(stderr);
    if (parser.positionalArguments().size() != 1) {
        err << tr("castdeck info: expected exactly one FILE (see castdeck info --help)") << Qt::endl;
        return 2;
    }
    const QString path = parser.positionalArguments().constFirst();
    CastIndexer indexer;
    indexer.setMode(parser.isSet(strict) ? CastReader::Mode::Strict : CastReader::Mode::Lenient);
    CheckpointIndex idx;
    if (indexer.index(path, idx) != CastIndexer::Result::Done) {
        err << u"castdeck info: "_s << indexer.errorString() << Qt::endl;
        return 1;
    }
    const qint64 size = QFileInfo(path).size();
    if (parser.isSet(json)) {
        out << QJsonDocument(toJson(path, size, idx)).toJson(QJsonDocument::Indented);
        return 0;
    }

    out << tr("File:        %1").arg(path) << '\n';
    out << tr("Format:      asciicast v%1").arg(idx.format) << '\n';
    out << tr("Size:        %1 bytes").arg(size) << '\n';
    out << tr("Terminal:    %1x%2").arg(idx.width).arg(idx.height) << '\n';
    out << tr("Duration:    %1 s").arg(seconds(idx.durationUs), 0, 'f', 6) << '\n';
    QStringList counts;
    for (auto it = idx.eventsByCode.begin(); it != idx.eventsByCode.end(); ++it)
        counts.append(u"%1 %2"_s.arg(QString::fromUtf8(it.key())).arg(it.value()));
    out << tr("Events:      %1 (%2)").arg(idx.eventCount).arg(counts.join(u", "_s)) << '\n';
    out << tr("Markers:     %1").arg(idx.markers.size()) << '\n';
    for (const CastMarker &m : std::as_const(idx.markers))
        out << u"  %1  %2\n"_s.arg(seconds(m.timeUs), 12, 'f', 6).arg(m.label);
    out << tr("Checkpoints: %1").arg(idx.checkpoints.size()) << '\n';
    if (!idx.checkpoints.isEmpty()) {
        out << u"  %1 %2 %3 %4 %5  %6\n"_s.arg(u"#"_s, 5)
                   .arg(tr("time"), 12)
                   .arg(tr("event"), 8)
                   .arg(tr("lineOffset"), 12)
                   .arg(tr("sequenceEnd"), 12)
                   .arg(tr("sequence"));
        for (qsizetype k = 0; k < idx.checkpoints.size(); ++k) {
            const Checkpoint &c = idx.checkpoints.at(k);
            out << u"  %1 %2 %3 %4 %5  %6\n"_s.arg(k, 5)
                       .arg(seconds(c.timeUs), 12, 'f', 6)
                       .arg(c.eventIndex, 8)
                       .arg(c.lineOffset, 12)
                       .arg(c.sequenceEnd, 12)
                       .arg(printable(c.sequenceBytes()));
        }
    }
    out << tr("Last clear:  %1")
               .arg(idx.lastClearOffset() >= 0 ? tr("byte %1").arg(idx.lastClearOffset()) : tr("none"))
        << '\n';
    if (!idx.warnings.isEmpty()) {
        out << tr("Warnings:") << '\n';
        for (const CastDiagnostic &w : std::as_const(idx.warnings))
            out << u"  "_s << w.toString() << '\n';
    }
    return 0;
}
