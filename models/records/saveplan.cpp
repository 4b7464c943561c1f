#include "records/saveplan.h"

#include <QDate>
#include <QDateTime>
#include <QTime>

#include <algorithm>

namespace modeldesk {

using namespace Qt::StringLiterals;

QString SavePlan::displayValue(const QVariant &value) {
    if (value.isNull())
        return u"NULL"_s;
    switch (value.metaType().id()) {
    case QMetaType::QString: {
        QString text = value.toString();
        text.replace(u'\'', u"''"_s);
        return u'\'' + text + u'\'';
    }
    case QMetaType::QDateTime:
        return u'\'' + value.toDateTime().toUTC().toString(Qt::ISODateWithMs) + u'\'';
    case QMetaType::QDate:
        return u'\'' + value.toDate().toString(Qt::ISODate) + u'\'';
    case QMetaType::QTime:
        return u'\'' + value.toTime().toString(u"HH:mm:ss"_s) + u'\'';
    case QMetaType::QByteArray:
        return u"<%1 bytes>"_s.arg(value.toByteArray().size());
    case QMetaType::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    default:
        return value.toString();
    }
}

QVariant SavePlan::value(const QList<QVariant> &keys, int step, const QString &column, bool *written) const {
    bool found = false;
    QVariant result;
    if (step >= 0 && step < steps.size()) {
        const PlanStep &s = steps.at(step);
        if (!s.generatedColumn.isEmpty() && s.generatedColumn == column) {
            found = true;
            result = keys.value(step);
        } else {
            const auto v = std::find_if(s.values.cbegin(), s.values.cend(), [&](const PlanValue &candidate) {
                return candidate.column == column;
            });
            found = v != s.values.cend();
            // A key only flows from an earlier step, so following references always ends.
            if (found)
                result = v->isReference() ? value(keys, v->fromStep, v->fromColumn) : v->value;
        }
    }
    if (written)
        *written = found;
    return result;
}

bool SavePlan::insertsOnly() const {
    for (const PlanStep &step : steps)
        if (step.action != PlanStep::Action::Insert)
            return false;
    return true;
}

QString SavePlan::toText() const {
    QString out;
    for (int i = 0; i < steps.size(); ++i) {
        const PlanStep &step = steps.at(i);
        const QString where = step.path.isEmpty() ? u"(root)"_s : step.path;
        out += u"%1. [%2] %3\n"_s.arg(i + 1).arg(where, step.sql);
        for (const PlanValue &value : step.values) {
            out += u"     "_s + value.column + u" = "_s;
            if (value.isReference())
                out += u"← %1.%2"_s.arg(value.fromStep + 1).arg(value.fromColumn);
            else
                out += displayValue(value.value);
            out += u'\n';
        }
        if (!step.generatedColumn.isEmpty())
            out += u"     → %1.%2 (generated)\n"_s.arg(i + 1).arg(step.generatedColumn);
    }
    return out;
}

} // namespace modeldesk
