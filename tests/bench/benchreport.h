#pragma once

#include "benchfigure.h"

#include <QList>
#include <QTextStream>

// The figures of one run, printed as they come, and the goals they are held against.
struct Bench
{
    struct Goal
    {
        QString text; // "cold big within 1.5x of warm demo"
        double value = 0;
        double limit = 0; // met when value <= limit
    };

    QList<BenchFigure> figures;
    QList<Goal> goals;
    QTextStream out{stdout};

    void add(const BenchFigure &f)
    {
        figures << f;
        out << f.line() << Qt::endl;
    }
    void addGoal(const QString &text, double value, double limit) { goals << Goal{text, value, limit}; }
    void printGoals()
    {
        if (goals.isEmpty())
            return;
        out << "goals:" << Qt::endl;
        for (const Goal &g : std::as_const(goals))
            out << "  " << (g.value >= 0 && g.value <= g.limit ? "met    " : "NOT MET") << "  " << g.text
                << ": " << QString::number(g.value, 'f', 2) << " (goal <= " << g.limit << ")" << Qt::endl;
    }
};
