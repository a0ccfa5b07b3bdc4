// openRecording(): how the CLI commands that only read a recording (play, render) open it:
// FILE -> Recording (indexed from scratch or from a valid sidecar) with no sidecar written and
// no keyframe pass (a command plays or renders once and exits), waiting until it is Ready.
// Problems go to `err` in the command's words: "castdeck CMD: <error>" and one line per
// warning (a malformed line skipped, a truncated end). Main thread, blocking.
#pragma once

#include <QString>

class QTextStream;
class Recording;

// False when the file cannot be opened or read (the error is printed then). errorPrefix:
// "castdeck play: "; warningFormat: the command's translated "castdeck play: warning: %1".
bool openRecording(Recording &recording, const QString &path, QTextStream &err, const QString &errorPrefix,
                   const QString &warningFormat);
