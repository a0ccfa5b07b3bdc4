// Translations: installs CastDeck's catalogue and Qt's own for the user's language.
//
// CastDeck's catalogues are compiled from translations/castdeck_LANG.ts and embedded under
// :/i18n (see translations/CMakeLists.txt); Qt's (qtbase_LANG.qm) come from the system when
// installed (Debian: qt6-translations-l10n). Qt's QCommandLineParser and standard button texts
// are also in our catalogue, so `castdeck --help` is translated without that package.
//
// Called once at startup from CommandLine::setupApplication, on the main thread, after the
// QCoreApplication exists and before any translated string is built.
#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

class Translations
{
public:
    // Installs the catalogues for the locale's UI languages (on Unix QLocale::system() reads
    // LANGUAGE, LC_ALL, LC_MESSAGES and LANG; the libc locale need not be installed), replacing
    // what an earlier call installed. Returns the language of CastDeck's catalogue that was
    // loaded ("de", "fr"; "en" holds the English plural forms), or an empty string when none
    // matches: the untranslated English text is then used, which is not an error.
    static QString install(const QLocale &locale = QLocale::system());

    // The languages CastDeck ships a catalogue for, e.g. {"de", "en", "fr"}.
    static QStringList available();
};
