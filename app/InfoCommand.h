// `castdeck info FILE [--json] [--strict]`: describes a recording from scratch (the sidecar
// is not trusted here; this is the reference the sidecar is checked against).
// The --json keys are documented in README.md and are stable.
#pragma once

#include <QJsonObject>
#include <QStringList>

class CheckpointIndex;

class InfoCommand
{
public:
    static int run(const QStringList &args);
    static QJsonObject toJson(const QString &path, qint64 size, const CheckpointIndex &index);
};
