#include "CastDiagnostic.h"

using namespace Qt::StringLiterals;

QString CastDiagnostic::toString() const
{
    return u"line %1 (byte %2): %3"_s.arg(line).arg(offset).arg(message);
}

QString CastDiagnostic::toStringWithFile() const
{
    return file.isEmpty() ? toString() : file + u": "_s + toString();
}
