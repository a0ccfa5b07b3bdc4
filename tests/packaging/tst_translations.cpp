// Translations: the real castdeck binary speaks the language of its environment (LANG, LC_ALL,
// LANGUAGE; the libc locale need not be installed), and the window's menus are translated.
#include "MainWindow.h"
#include "Translations.h"

#include <QApplication>
#include <QMenuBar>
#include <QProcess>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
struct Run
{
    int exitCode = -1;
    QString out;
};

// castdeck ARGS with exactly the locale variables given (the others removed), without a display.
Run castdeck(const QStringList &args, const QStringList &localeVariables)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : { "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE", "DISPLAY", "WAYLAND_DISPLAY" })
        env.remove(QString::fromLatin1(name));
    for (const QString &assignment : localeVariables)
        env.insert(assignment.section(u'=', 0, 0), assignment.section(u'=', 1));
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(CASTDECK_BINARY), args);
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    return { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()) };
}

QStringList menuTitles(const MainWindow &w)
{
    QStringList titles;
    const QList<QAction *> actions = w.menuBar()->actions();
    for (const QAction *a : actions)
        titles.append(a->text());
    return titles;
}
} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void catalogues()
    {
        const QStringList languages = Translations::available();
        QVERIFY2(languages.contains(u"de"_s) && languages.contains(u"fr"_s), qPrintable(languages.join(u' ')));
    }

    void helpFollowsTheEnvironment_data()
    {
        QTest::addColumn<QStringList>("variables");
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QStringList>("expected");
        const QStringList help { u"--help"_s };
        const QStringList de { u"Zu öffnende Aufnahmen."_s, u"Zeigt die Hilfe zu den Kommandozeilenoptionen an."_s,
            u"Aufruf:"_s, u"Optionen:"_s };
        const QStringList fr { u"Enregistrements à ouvrir."_s, u"Affiche les informations de version."_s,
            u"Utilisation\u00a0:"_s };
        const QStringList en { u"Recordings to open."_s, u"Displays help on commandline options."_s, u"Usage:"_s };

        QTest::newRow("LANG=de_DE.UTF-8") << QStringList { u"LANG=de_DE.UTF-8"_s } << help << de;
        QTest::newRow("LC_ALL=de_DE.UTF-8") << QStringList { u"LC_ALL=de_DE.UTF-8"_s } << help << de;
        QTest::newRow("LC_ALL wins over LANG")
            << QStringList { u"LANG=fr_FR.UTF-8"_s, u"LC_ALL=de_DE.UTF-8"_s } << help << de;
        QTest::newRow("LANG=de_AT.UTF-8 falls back to de") << QStringList { u"LANG=de_AT.UTF-8"_s } << help << de;
        QTest::newRow("LANG=fr_FR.UTF-8") << QStringList { u"LANG=fr_FR.UTF-8"_s } << help << fr;
        QTest::newRow("LANGUAGE=fr:de picks fr")
            << QStringList { u"LANGUAGE=fr:de"_s, u"LANG=de_DE.UTF-8"_s } << help << fr;
        QTest::newRow("C.UTF-8 stays English") << QStringList { u"LANG=C.UTF-8"_s } << help << en;
        QTest::newRow("untranslated language stays English") << QStringList { u"LANG=es_ES.UTF-8"_s } << help << en;
        QTest::newRow("info --help in German")
            << QStringList { u"LANG=de_DE.UTF-8"_s } << QStringList { u"info"_s, u"--help"_s }
            << QStringList { u"Die .cast-Datei."_s };
    }

    void helpFollowsTheEnvironment()
    {
        QFETCH(QStringList, variables);
        QFETCH(QStringList, args);
        QFETCH(QStringList, expected);
        const Run r = castdeck(args, variables);
        QCOMPARE(r.exitCode, 0);
        for (const QString &text : std::as_const(expected))
            QVERIFY2(r.out.contains(text), qPrintable(u"missing \""_s + text + u"\" in:\n"_s + r.out));
    }

    // main() made the system locale German before QApplication existed, as a user's session does.
    void windowMenusInTheSystemLanguage()
    {
        QCOMPARE(QLocale::system().language(), QLocale::German);
        QCOMPARE(Translations::install(), u"de"_s);
        MainWindow w;
        const QStringList titles = menuTitles(w);
        QVERIFY2(titles.contains(u"&Datei"_s), qPrintable(titles.join(u", "_s)));
        QVERIFY2(titles.contains(u"&Ansicht"_s), qPrintable(titles.join(u", "_s)));
    }

    void windowMenus_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("file");
        QTest::newRow("de_DE") << u"de_DE"_s << u"de"_s << u"&Datei"_s;
        QTest::newRow("fr_FR") << u"fr_FR"_s << u"fr"_s << u"&Fichier"_s;
        QTest::newRow("fr_CA") << u"fr_CA"_s << u"fr"_s << u"&Fichier"_s;
        QTest::newRow("en_US") << u"en_US"_s << u"en"_s << u"&File"_s;
        QTest::newRow("ja_JP (none)") << u"ja_JP"_s << QString() << u"&File"_s;
    }

    void windowMenus()
    {
        QFETCH(QString, locale);
        QFETCH(QString, language);
        QFETCH(QString, file);
        QCOMPARE(Translations::install(QLocale(locale)), language);
        MainWindow w;
        const QStringList titles = menuTitles(w);
        QVERIFY2(titles.contains(file), qPrintable(titles.join(u", "_s)));
    }

    void installReplacesTheEarlierLanguage()
    {
        Translations::install(QLocale(u"de_DE"_s));
        Translations::install(QLocale(u"fr_FR"_s));
        QCOMPARE(QCoreApplication::translate("MainWindow", "&File"), u"&Fichier"_s);
        Translations::install(QLocale::c());
        QCOMPARE(QCoreApplication::translate("MainWindow", "&File"), u"&File"_s);
    }
};

int main(int argc, char **argv)
{
    // The session's locale, set before Qt reads it. CTest runs the suites with LC_ALL=C.UTF-8.
    qputenv("LC_ALL", "de_DE.UTF-8");
    qputenv("LANG", "de_DE.UTF-8");
    qunsetenv("LANGUAGE");
    qunsetenv("LC_MESSAGES");
    QApplication app(argc, argv);
    TestTranslations test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_translations.moc"
