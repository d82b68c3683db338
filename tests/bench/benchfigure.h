#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <algorithm>

// The middle of several measurements (the upper one of the two middles), -1 for none.
inline double medianOf(QList<double> v)
{
    if (v.isEmpty())
        return -1;
    std::sort(v.begin(), v.end());
    return v.at(v.size() / 2);
}

// One measured figure, optionally beside what the sqlite3 CLI took for the equivalent query.
struct BenchFigure
{
    QString name;
    double value = 0;
    QString unit;
    double sqlite3Cli = -1; // < 0: not compared
    QString note;
    // Not empty: the figure could not be measured, and why. kalito-bench then exits 1, so a run
    // never looks complete while it lacks a figure it promises.
    QString unmeasured;

    static BenchFigure missing(const QString &name, const QString &why)
    {
        BenchFigure f;
        f.name = name;
        f.value = -1;
        f.unmeasured = why;
        return f;
    }

    QString line() const
    {
        if (!unmeasured.isEmpty())
            return QStringLiteral("%1: NOT MEASURED: %2").arg(name, -44).arg(unmeasured);
        QString s = QStringLiteral("%1: %2 %3").arg(name, -44).arg(value, 0, 'f', 2).arg(unit);
        if (sqlite3Cli >= 0)
            s += QStringLiteral("  (sqlite3 CLI %1 %2, ratio %3)")
                     .arg(sqlite3Cli, 0, 'f', 2)
                     .arg(unit)
                     .arg(sqlite3Cli > 0 ? value / sqlite3Cli : 0, 0, 'f', 2);
        if (!note.isEmpty())
            s += QStringLiteral("  [") + note + QLatin1Char(']');
        return s;
    }
    QJsonObject json() const
    {
        QJsonObject o{
            {QStringLiteral("name"), name}, {QStringLiteral("value"), value}, {QStringLiteral("unit"), unit}};
        if (sqlite3Cli >= 0)
            o.insert(QStringLiteral("sqlite3_cli"), sqlite3Cli);
        if (!note.isEmpty())
            o.insert(QStringLiteral("note"), note);
        if (!unmeasured.isEmpty())
            o.insert(QStringLiteral("unmeasured"), unmeasured);
        return o;
    }
};
