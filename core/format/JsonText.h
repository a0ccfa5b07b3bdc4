// JsonText: the JSON string codec of the asciicast format.
//
// Data flow: raw terminal output -> Utf8Decoder -> JsonText::appendEscaped -> file, and
// file -> JsonText::unescape -> decoded text -> ClearDetector / Terminal.
// The codec is exact about byte counts in both directions because clear checkpoints are
// byte offsets *in the file*: ESC is written as \u001b (six bytes), not one.
// Pure functions, usable from any thread.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

class JsonText
{
public:
    // Number of bytes `text` (valid UTF-8) takes once escaped by appendEscaped().
    static qsizetype escapedLength(QByteArrayView text);
    // Escaped length of one byte: 6 for control characters (\u00XX), 2 for " \ \n \r \t,
    // otherwise 1 (non-ASCII stays raw UTF-8, RFC 8259 section 7).
    static int escapedLength(char c) { return kEscapedLength[static_cast<unsigned char>(c)]; }
    // Appends `text` JSON-escaped (without surrounding quotes).
    static void appendEscaped(QByteArray &out, QByteArrayView text);

    struct Unescaped {
        bool ok = false;
        qsizetype end = 0; // index just after the closing quote in the input
        QByteArray error;  // what was expected, when !ok
    };
    // Decodes the JSON string starting at in[pos] (which must be the opening quote) and
    // appends its UTF-8 text to `out`. Lone surrogates become U+FFFD.
    static Unescaped unescape(QByteArrayView in, qsizetype pos, QByteArray &out);

    // Maps positions in the decoded text of a JSON string back to the file: for each
    // decoded end position `decodedEnds[i]` (sorted ascending, > 0), the offset in `raw`
    // just after the escape or character that produced decoded byte decodedEnds[i]-1.
    // `raw` is the string's content without quotes, as it stands in the file.
    static QList<qsizetype> rawEnds(QByteArrayView raw, const QList<qsizetype> &decodedEnds);

private:
    static const unsigned char kEscapedLength[256];
};
