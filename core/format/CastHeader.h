// CastHeader: the first line of an asciicast file (v1 object, v2 or v3 header).
//
// Keys this model does not know are kept in `extra` (and `extraTerm` for v3's "term"), so a
// rewrite preserves them. Value type; parse() and toJsonLine() are the only places that know the key names.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

struct CastTheme {
    QString fg;          // "#rrggbb"
    QString bg;
    QStringList palette; // 8 or 16 "#rrggbb" colours
    bool isValid() const { return !fg.isEmpty() && !bg.isEmpty() && (palette.size() == 8 || palette.size() == 16); }
    bool operator==(const CastTheme &) const = default;
};

struct CastHeader {
    int version = 2;
    int width = 80;  // columns (v3: term.cols)
    int height = 24; // rows (v3: term.rows)
    std::optional<qint64> timestamp;     // unix seconds
    std::optional<double> duration;      // v2 only
    std::optional<double> idleTimeLimit; // seconds
    QString command;
    QString title;
    QJsonObject env;     // values may be null
    bool hasEnv = false; // keep an explicit empty "env": {} on rewrite
    CastTheme theme;
    QString termType;    // v3 term.type (v2: env.TERM is used when writing v3)
    QString termVersion; // v3 term.version
    QStringList tags;    // v3
    QJsonObject extra;     // unknown top-level keys
    QJsonObject extraTerm; // unknown keys inside v3 "term"

    struct ParseResult {
        bool ok = false;
        QString error;          // what was expected
        QStringList warnings;   // e.g. size fallback
    };
    // Parses a v2/v3 header line or a v1 object (without its stdout array being used).
    static ParseResult parse(QByteArrayView json, CastHeader &out);
    // One line, '\n' included, in asciinema's key order with "version" first (the MIME
    // magic `{"version"` depends on it). `version` selects the dialect (2 or 3).
    QByteArray toJsonLine(int version) const;

    bool operator==(const CastHeader &) const = default;
};
