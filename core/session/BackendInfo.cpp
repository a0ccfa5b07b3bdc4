#include "BackendInfo.h"

#include <kpty_version.h>
#include <vterm.h>

using namespace Qt::StringLiterals;

QString BackendInfo::kptyVersion()
{
    return QStringLiteral(KPTY_VERSION_STRING);
}

QString BackendInfo::libvtermVersion()
{
    return u"%1.%2.%3"_s.arg(VTERM_VERSION_MAJOR).arg(VTERM_VERSION_MINOR).arg(VTERM_VERSION_PATCH);
}
