#include "CastHeader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {
QByteArray jsonValue(const QJsonValue &v)
{
    // QJsonDocument serialises only objects and arrays; wrap and strip.
    const QByteArray wrapped = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

QByteArray jsonString(const QString &s)
{
    return jsonValue(QJsonValue(s));
}

QByteArray jsonNumber(double d)
{
    if (d == std::floor(d) && std::fabs(d) < 1e15)
        return QByteArray::number(qint64(d));
    return QByteArray::number(d, 'g', 15);
}

CastTheme parseTheme(const QJsonObject &o)
{
    CastTheme t;
    t.fg = o.value(u"fg"_s).toString();
    t.bg = o.value(u"bg"_s).toString();
    const QJsonValue pal = o.value(u"palette"_s);
    if (pal.isString())
        t.palette = pal.toString().split(u':', Qt::SkipEmptyParts);
    else if (pal.isArray())
        for (const QJsonValue &c : pal.toArray())
            t.palette.append(c.toString());
    return t;
}

QByteArray themeJson(const CastTheme &t)
{
    return "{\"fg\": " + jsonString(t.fg) + ", \"bg\": " + jsonString(t.bg) + ", \"palette\": "
        + jsonString(t.palette.join(u':')) + "}";
}

bool readSize(const QJsonObject &o, const QString &key, int &out)
{
    const QJsonValue v = o.value(key);
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    if (d < 1 || d > 10000 || d != std::floor(d))
        return false;
    out = int(d);
    return true;
}
} // namespace

CastHeader::ParseResult CastHeader::parse(QByteArrayView json, CastHeader &out)
{
    ParseResult r;
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(json.toByteArray(), &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject()) {
        r.error = u"a JSON object header (%1 at column %2)"_s.arg(err.errorString()).arg(err.offset + 1);
        return r;
    }
    QJsonObject o = doc.object();
    const QJsonValue ver = o.value(u"version"_s);
    if (!ver.isDouble()) {
        r.error = u"a \"version\" number in the header"_s;
        return r;
    }
    const int version = ver.toInt();
    if (version < 1 || version > 3) {
        r.error = u"version 1, 2 or 3 (found %1)"_s.arg(ver.toDouble());
        return r;
    }
    CastHeader h;
    h.version = version;
    o.remove(u"version"_s);

    QJsonObject sizeSource = o;
    if (version == 3) {
        const QJsonObject term = o.value(u"term"_s).toObject();
        sizeSource = QJsonObject{{u"width"_s, term.value(u"cols"_s)}, {u"height"_s, term.value(u"rows"_s)}};
        h.termType = term.value(u"type"_s).toString();
        h.termVersion = term.value(u"version"_s).toString();
        if (term.contains(u"theme"_s))
            h.theme = parseTheme(term.value(u"theme"_s).toObject());
        for (auto it = term.begin(); it != term.end(); ++it) {
            const QString k = it.key();
            if (k != u"cols"_s && k != u"rows"_s && k != u"type"_s && k != u"version"_s && k != u"theme"_s)
                h.extraTerm.insert(k, it.value());
        }
        o.remove(u"term"_s);
    }
    if (!readSize(sizeSource, u"width"_s, h.width)) {
        h.width = 80;
        r.warnings.append(u"header has no valid width; using 80 columns"_s);
    }
    if (!readSize(sizeSource, u"height"_s, h.height)) {
        h.height = 24;
        r.warnings.append(u"header has no valid height; using 24 rows"_s);
    }
    if (version != 3) {
        o.remove(u"width"_s);
        o.remove(u"height"_s);
    }

    auto take = [&o](const QString &key) {
        const QJsonValue v = o.value(key);
        o.remove(key);
        return v;
    };
    if (const QJsonValue v = take(u"timestamp"_s); v.isDouble())
        h.timestamp = qint64(v.toDouble());
    if (const QJsonValue v = take(u"duration"_s); v.isDouble())
        h.duration = v.toDouble();
    if (const QJsonValue v = take(u"idle_time_limit"_s); v.isDouble())
        h.idleTimeLimit = v.toDouble();
    h.command = take(u"command"_s).toString();
    h.title = take(u"title"_s).toString();
    if (o.contains(u"env"_s)) {
        h.hasEnv = true;
        h.env = take(u"env"_s).toObject();
    }
    if (version == 2 && o.contains(u"theme"_s))
        h.theme = parseTheme(take(u"theme"_s).toObject());
    if (version == 3 && o.contains(u"tags"_s))
        for (const QJsonValue &t : take(u"tags"_s).toArray())
            h.tags.append(t.toString());
    if (version == 1)
        o.remove(u"stdout"_s);
    h.extra = o;
    out = h;
    r.ok = true;
    return r;
}

QByteArray CastHeader::toJsonLine(int v) const
{
    QByteArray s = "{\"version\": " + QByteArray::number(v);
    if (v == 3) {
        QString type = termType;
        if (type.isEmpty())
            type = env.value(u"TERM"_s).toString();
        s += ", \"term\": {\"cols\": " + QByteArray::number(width) + ", \"rows\": " + QByteArray::number(height);
        if (!type.isEmpty())
            s += ", \"type\": " + jsonString(type);
        if (!termVersion.isEmpty())
            s += ", \"version\": " + jsonString(termVersion);
        if (theme.isValid())
            s += ", \"theme\": " + themeJson(theme);
        for (auto it = extraTerm.begin(); it != extraTerm.end(); ++it)
            s += ", " + jsonString(it.key()) + ": " + jsonValue(it.value());
        s += "}";
    } else {
        s += ", \"width\": " + QByteArray::number(width) + ", \"height\": " + QByteArray::number(height);
    }
    if (timestamp)
        s += ", \"timestamp\": " + QByteArray::number(*timestamp);
    if (duration && v == 2)
        s += ", \"duration\": " + jsonNumber(*duration);
    if (idleTimeLimit)
        s += ", \"idle_time_limit\": " + jsonNumber(*idleTimeLimit);
    if (!command.isEmpty())
        s += ", \"command\": " + jsonString(command);
    if (!title.isEmpty())
        s += ", \"title\": " + jsonString(title);
    if (hasEnv || !env.isEmpty())
        s += ", \"env\": " + QJsonDocument(env).toJson(QJsonDocument::Compact);
    if (v == 2 && theme.isValid())
        s += ", \"theme\": " + themeJson(theme);
    if (v == 3 && !tags.isEmpty())
        s += ", \"tags\": " + jsonValue(QJsonArray::fromStringList(tags));
    for (auto it = extra.begin(); it != extra.end(); ++it)
        s += ", " + jsonString(it.key()) + ": " + jsonValue(it.value());
    s += "}\n";
    return s;
}
