#include "Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLoggingCategory>
#include <QPointer>
#include <QTranslator>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcI18n, "castdeck.i18n", QtWarningMsg)

namespace {
const QString kResourceDir = u":/i18n"_s;

// Strings Qt itself translates, listed here so that lupdate puts them into our catalogue: the
// help text QCommandLineParser prints (--help works without display and without Qt's own
// catalogues installed) and the standard dialog buttons. Texts exactly as in Qt 6.
[[maybe_unused]] const char *const kQtStrings[] = {
    QT_TRANSLATE_NOOP("QCommandLineParser", "Displays help on commandline options."),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Displays help, including generic Qt options."),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Displays version information."),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Usage: %1"),
    QT_TRANSLATE_NOOP("QCommandLineParser", "[options]"),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Options:"),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Arguments:"),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Unknown option '%1'."),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Unknown options: %1."),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Missing value after '%1'."),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Unexpected value after '%1'."),
    QT_TRANSLATE_NOOP("QPlatformTheme", "OK"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Close"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Open"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Discard"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Help"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&Yes"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&No"),
};

// What the last install() put in place, so that a second call replaces it.
QList<QPointer<QTranslator>> &installed()
{
    static QList<QPointer<QTranslator>> translators;
    return translators;
}

void removeInstalled()
{
    for (const QPointer<QTranslator> &t : std::as_const(installed())) {
        if (t) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    }
    installed().clear();
}

// Loads file_LANG.qm for the best of the locale's UI languages from dir; null when none exists.
QTranslator *load(const QLocale &locale, const QString &file, const QString &dir)
{
    auto *translator = new QTranslator(QCoreApplication::instance());
    if (translator->load(locale, file, u"_"_s, dir) && QCoreApplication::installTranslator(translator)) {
        installed().append(translator);
        return translator;
    }
    delete translator;
    return nullptr;
}
} // namespace

QString Translations::install(const QLocale &locale)
{
    removeInstalled();
    // Qt's catalogue goes in last: translators installed later are asked first, so Qt's own
    // translations of its strings win over the copies in ours.
    QTranslator *ours = load(locale, u"castdeck"_s, kResourceDir);
    const QTranslator *qt = load(locale, u"qtbase"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    qCDebug(lcI18n) << "UI languages" << locale.uiLanguages() << "castdeck:" << (ours ? ours->filePath() : QString())
                    << "qtbase:" << (qt ? qt->filePath() : QString());
    return ours ? ours->language() : QString();
}

QStringList Translations::available()
{
    QStringList languages;
    const QStringList files = QDir(kResourceDir).entryList({ u"castdeck_*.qm"_s }, QDir::Files, QDir::Name);
    for (const QString &f : files)
        languages.append(f.mid(9, f.size() - 9 - 3)); // castdeck_LANG.qm
    return languages;
}
