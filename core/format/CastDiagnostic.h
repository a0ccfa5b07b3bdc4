// CastDiagnostic: one problem found in a .cast file, located precisely enough for a human
// to open the file at the right place: file, 1-based line, byte offset of the line, and
// what was expected there.
#pragma once

#include <QString>
#include <QtGlobal>

struct CastDiagnostic {
    QString file;
    qint64 line = 0;    // 1-based line number
    qint64 offset = 0;  // byte offset of the line's start in the file
    QString message;    // what was wrong / expected, e.g. "truncated last line ignored"

    // "line 7 (byte 319): truncated last line ignored"
    QString toString() const;
    // "FILE: line 7 (byte 319): truncated last line ignored"
    QString toStringWithFile() const;

    bool operator==(const CastDiagnostic &) const = default;
};
