// Utf8Decoder: turns raw pty output into valid UTF-8, chunk by chunk.
//
// Data flow: pty bytes -> Utf8Decoder -> CastWriter. A multi-byte sequence cut at a chunk
// end is held until the next chunk; invalid bytes become U+FFFD (one per maximal invalid
// subpart, as the Unicode standard's "best practice" in section 3.9 describes).
// Not thread-safe; owned by whoever feeds it (the writer thread in a recording).
#pragma once

#include <QByteArray>
#include <QByteArrayView>

class Utf8Decoder
{
public:
    // Appends the valid UTF-8 of `in` (after any bytes held from the previous call) to out.
    void decode(QByteArrayView in, QByteArray &out);
    // The same text without a copy when it can be: a view of `in` (an incomplete character at
    // its end held back) when nothing is held from before and `in` is valid; otherwise the
    // text is written into `scratch` (cleared first) and a view of it returned.
    QByteArrayView decodeView(QByteArrayView in, QByteArray &scratch);
    // Ends the stream: an incomplete held sequence becomes U+FFFD.
    void flush(QByteArray &out);
    // Bytes held back from the last chunk (0..3).
    int pendingBytes() const { return m_pendingSize; }

private:
    // The length of the valid UTF-8 prefix of in (up to the first invalid or incomplete
    // sequence).
    static qsizetype validLength(QByteArrayView in);

    char m_pending[4] = {};
    int m_pendingSize = 0;
};
