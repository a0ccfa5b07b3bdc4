#include "OpenRecording.h"

#include "play/Recording.h"

#include <QTextStream>

bool openRecording(Recording &recording, const QString &path, QTextStream &err, const QString &errorPrefix,
                   const QString &warningFormat)
{
    Recording::Options options;
    options.saveIndex = false;
    options.buildKeyframes = false;
    recording.setOptions(options);
    recording.open(path);
    if (!recording.waitForReady()) {
        err << errorPrefix << recording.errorString() << Qt::endl;
        return false;
    }
    for (const QString &w : recording.warnings())
        err << warningFormat.arg(w) << Qt::endl;
    return true;
}
