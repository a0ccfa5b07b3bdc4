#include "HelpDialog.h"

#include "session/BackendInfo.h"

#include <QAction>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QMessageBox>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("HelpDialog", text);
}

QString row(const QString &keys, const QString &what)
{
    return u"<tr><td style='padding-right:16px'><b>%1</b></td><td>%2</td></tr>"_s.arg(keys.toHtmlEscaped(),
                                                                                     what.toHtmlEscaped());
}
} // namespace

QString HelpDialog::aboutHtml()
{
    return tr("<h2>CastDeck %1</h2>"
              "<p>A terminal that records, and a player for asciicast (.cast) recordings.</p>"
              "<p>Built with:</p><ul>"
              "<li>Qt %2 (running on %3) — LGPL-3.0-only</li>"
              "<li>KDE Frameworks KPty %4 — LGPL-2.0-or-later</li>"
              "<li>libvterm %5 — MIT</li></ul>"
              "<p>The asciicast format was designed by the asciinema project.</p>")
        .arg(QCoreApplication::applicationVersion(), QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion()),
             BackendInfo::kptyVersion(), BackendInfo::libvtermVersion());
}

QString HelpDialog::shortcutsHtml(const QList<QAction *> &actions)
{
    QString html = u"<h3>"_s + tr("Window").toHtmlEscaped() + u"</h3><table>"_s;
    for (const QAction *a : actions) {
        if (a->shortcut().isEmpty())
            continue;
        html += row(a->shortcut().toString(QKeySequence::NativeText), QString(a->text()).remove(u'&'));
    }
    html += u"</table><h3>"_s + tr("In a terminal").toHtmlEscaped() + u"</h3><table>"_s;
    html += row(u"Ctrl+Shift+C"_s, tr("Copy the selection"));
    html += row(u"Ctrl+Shift+V"_s, tr("Paste the clipboard"));
    html += row(u"Shift+Insert"_s, tr("Paste the primary selection (also: middle click)"));
    html += row(u"Shift+PgUp / Shift+PgDown"_s, tr("Scroll back / forward a page"));
    html += row(tr("Double / triple click"), tr("Select a word / a line"));
    html += row(tr("Shift+drag"), tr("Select even when the program uses the mouse"));
    html += u"</table>"_s;
    return html;
}

void HelpDialog::showAbout(QWidget *parent)
{
    QMessageBox::about(parent, tr("About CastDeck"), aboutHtml());
}

void HelpDialog::showShortcuts(QWidget *parent, const QList<QAction *> &actions)
{
    QDialog dialog(parent);
    dialog.setObjectName(u"shortcutsDialog"_s);
    dialog.setWindowTitle(tr("Keyboard Shortcuts"));
    auto *browser = new QTextBrowser(&dialog);
    browser->setHtml(shortcutsHtml(actions));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(browser);
    layout->addWidget(buttons);
    dialog.resize(520, 560);
    dialog.exec();
}
