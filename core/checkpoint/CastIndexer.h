// CastIndexer: builds a CheckpointIndex by reading a cast file once, start to end.
//
// Data flow: file -> CastReader -> CastIndexer (ClearDetector on output, JsonText to map
// each match back to its escaped bytes, output bytes into the OutputHistogram) ->
// CheckpointIndex.
// Background-friendly: a progress callback that can cancel, and resumable: given an index
// of a prefix of the file (the file grew since), it continues where that index stopped.
// Runs on whichever thread calls index(); it owns its reader and detector.
#pragma once

#include "CheckpointIndex.h"

#include <QString>
#include <functional>

class CastIndexer
{
public:
    // Called every few MB with bytes done and the file's size; return false to cancel.
    using Progress = std::function<bool(qint64 done, qint64 total)>;
    // Called for every event read (keyframe builders, density strips).
    using EventHook = std::function<void(const CastEvent &event)>;
    enum class Result { Done, Cancelled, Failed };

    void setMode(CastReader::Mode mode) { m_mode = mode; }
    void setProgress(Progress progress) { m_progress = std::move(progress); }
    void setEventHook(EventHook hook) { m_hook = std::move(hook); }

    // Indexes `castPath` into `index`. If `index` already describes a prefix of this file
    // (validate() says Grown), reading resumes after it; if it is Valid, nothing is read.
    Result index(const QString &castPath, CheckpointIndex &index);
    QString errorString() const { return m_error; }

private:
    CastReader::Mode m_mode = CastReader::Mode::Lenient;
    Progress m_progress;
    EventHook m_hook;
    QString m_error;
};
