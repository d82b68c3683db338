#include "windowarguments.h"

#include <QFileInfo>

namespace kalito::cli {

namespace {

// QGuiApplication's and QApplication's command-line options (Qt 6.4 docs; xcb's too), with or
// without a value. Qt accepts them with one dash or two, and "-name=value".
const QStringList &qtOptionsWithValue()
{
    static const QStringList list = {QStringLiteral("platform"),
                                     QStringLiteral("platformpluginpath"),
                                     QStringLiteral("platformtheme"),
                                     QStringLiteral("plugin"),
                                     QStringLiteral("qwindowgeometry"),
                                     QStringLiteral("qwindowicon"),
                                     QStringLiteral("qwindowtitle"),
                                     QStringLiteral("session"),
                                     QStringLiteral("display"),
                                     QStringLiteral("geometry"),
                                     QStringLiteral("title"),
                                     QStringLiteral("icon"),
                                     QStringLiteral("name"),
                                     QStringLiteral("dialogs"),
                                     QStringLiteral("visual"),
                                     QStringLiteral("ncols"),
                                     QStringLiteral("style"),
                                     QStringLiteral("stylesheet"),
                                     QStringLiteral("qmljsdebugger")};
    return list;
}

const QStringList &qtFlags()
{
    static const QStringList list = {QStringLiteral("reverse"), QStringLiteral("nograb"),
                                     QStringLiteral("dograb"),  QStringLiteral("sync"),
                                     QStringLiteral("cmap"),    QStringLiteral("widgetcount")};
    return list;
}

} // namespace

void WindowArguments::addOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("read-only"), QStringLiteral("Open read-only.")});
    parser.addOption({QStringLiteral("busy-timeout"), QStringLiteral("Busy timeout in ms."),
                      QStringLiteral("ms"), QStringLiteral("5000")});
    parser.addPositionalArgument(QStringLiteral("PATH"), QStringLiteral("Database to open."));
}

bool WindowArguments::looksLikePath(const QString &argument)
{
    if (argument.contains(QLatin1Char('/')) || QFileInfo::exists(argument))
        return true;
    for (const char *suffix : {".db", ".sqlite", ".sqlite3", ".db3"}) {
        if (argument.endsWith(QLatin1String(suffix), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

QStringList WindowArguments::withoutQtOptions(const QStringList &arguments)
{
    QStringList rest;
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (i == 0 || !a.startsWith(QLatin1Char('-')) || a == QLatin1String("--")) {
            rest << a;
            continue;
        }
        QString name = a.mid(a.startsWith(QLatin1String("--")) ? 2 : 1);
        const bool inlineValue = name.contains(QLatin1Char('='));
        name = name.section(QLatin1Char('='), 0, 0);
        if (qtFlags().contains(name))
            continue;
        if (qtOptionsWithValue().contains(name)) {
            if (!inlineValue)
                ++i; // its value
            continue;
        }
        rest << a;
    }
    return rest;
}

QString WindowArguments::problem(const QStringList &arguments)
{
    // The first word decides first: `space --json x.db` is a subcommand this build lacks, not an
    // unknown --json.
    const QString first = arguments.value(1);
    if (!first.isEmpty() && !first.startsWith(QLatin1Char('-')) && !looksLikePath(first))
        return QStringLiteral("unknown subcommand '%1'").arg(first);
    QCommandLineParser parser;
    addOptions(parser);
    if (!parser.parse(withoutQtOptions(arguments)))
        return parser.errorText();
    const QStringList positional = parser.positionalArguments();
    for (const QString &p : positional) {
        if (!looksLikePath(p))
            return QStringLiteral("unexpected argument '%1' (not a database file)").arg(p);
    }
    if (positional.size() > 1)
        return QStringLiteral("give one database PATH, not %1 (%2)")
            .arg(positional.size())
            .arg(positional.join(QLatin1Char(' ')));
    bool ok = false;
    const int ms = parser.value(QStringLiteral("busy-timeout")).toInt(&ok);
    if (!ok || ms < 0)
        return QStringLiteral("--busy-timeout needs a number of milliseconds");
    return {};
}

} // namespace kalito::cli
