// Helpers shared by the test suites: golden fixtures in tests/data and raw file bytes.
#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

namespace TestData {
// Path of a golden fixture in tests/data.
inline QString fixture(const char *name)
{
    return QStringLiteral(CASTDECK_TEST_DATA "/") + QLatin1StringView(name);
}

// The bytes of a file as they are on disk (empty if unreadable).
inline QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace TestData
