// The saved graph as compact JSON text, without building it as a QJsonObject first: a bulk import prints one
// per graph, and building the object (each value converted into Qt's CBOR storage, each string allocated
// again) cost as much as the save's own statements. The walk is savedGraph()'s; the text is the text
// QJsonDocument(savedGraph(...)).toJson(Compact) gives (tst_sqlitedirect compares them for every kind).
#include "records/jsontext.h"
#include "records/savedgraph.h"
#include "schema/fieldvalue.h"

#include <QVarLengthArray>

#include <charconv>
#include <cmath>

namespace modeldesk {

namespace {

using Kind = DataType::Kind;

// FieldValue::toJson(type, value) as JSON text: the kinds saves write most (keys, whole numbers, text,
// timestamps) directly, the others through toJson().
void appendFieldJson(QByteArray *out, const DataType &type, const QVariant &value) {
    if (value.isNull()) {
        out->append("null");
        return;
    }
    switch (type.kind) {
    case Kind::Integer:
    case Kind::BigInt:
    case Kind::SmallInt: {
        // toJson: a JSON number up to 2^53 - 1 (written as an integer), a string beyond.
        const qint64 number = value.toLongLong();
        const bool text = std::fabs(static_cast<double>(number)) > 9007199254740991.0;
        char digits[24];
        const auto end = std::to_chars(digits, digits + sizeof digits, number).ptr;
        if (text)
            out->append('"');
        out->append(digits, end - digits);
        if (text)
            out->append('"');
        return;
    }
    case Kind::Boolean:
        out->append(value.toBool() ? "true" : "false");
        return;
    case Kind::Date: {
        // A save's timestamp appears in every row it writes, and a bulk import's saves share it often.
        thread_local QDateTime lastTime;
        thread_local QByteArray lastText;
        const QDateTime time = value.toDateTime();
        if (lastText.isEmpty() || time != lastTime) {
            lastText.resize(0);
            // toJson's text (utcText with 'T' and 'Z'), without the detour through QJsonValue.
            JsonText::appendString(&lastText, FieldValue::utcTimestampText(time, u'T', u"Z"));
            lastTime = time;
        }
        out->append(lastText);
        return;
    }
    case Kind::Float:
    case Kind::Double:
    case Kind::DateOnly:
    case Kind::Time:
    case Kind::Json:
    case Kind::Blob:
    case Kind::Decimal:
        JsonText::appendValue(out, FieldValue::toJson(type, value));
        return;
    default: // toJson: the value as text
        if (value.metaType().id() == QMetaType::QString)
            JsonText::appendString(out, *static_cast<const QString *>(value.constData()));
        else
            JsonText::appendString(out, value.toString());
        return;
    }
}

// One member of an object being written: a column's value, a group of linked records, or a junction row's
// values under the through model's name.
struct Member {
    const QString *key = nullptr;
    const Column *column = nullptr;
    QVariant value;
    const PlanRecord::Children *group = nullptr;
    const Table *junctionTable = nullptr;
    int junctionStep = -1;
};
using Members = QVarLengthArray<Member, 24>;

// Adds every column statement `step` wrote into `table` (writtenValues() in savedgraph.cpp).
void addWrittenValues(Members *members, const Table &table, const SavePlan &plan, const QList<QVariant> &keys,
                      int step) {
    for (const Column &column : table.columns) {
        bool written = false;
        QVariant value = plan.value(keys, step, column.name, &written);
        if (written)
            members->append(Member{&column.attribute, &column, std::move(value), nullptr, nullptr, -1});
    }
}

struct Writer {
    const ResolvedSchema &resolved;
    const SavePlan &plan;
    const QList<QVariant> &keys;

    // The members in QJsonObject's order (by key, UTF-16), a repeated key keeping the member added last (as
    // QJsonObject::insert replaces), each written by writeMember().
    void writeObject(QByteArray *out, Members &members, const QString &model) const {
        // Insertion sort: stable, and objects have a few dozen members at most.
        for (qsizetype i = 1; i < members.size(); ++i)
            for (qsizetype j = i; j > 0 && *members[j].key < *members[j - 1].key; --j)
                std::swap(members[j], members[j - 1]);
        out->append('{');
        bool first = true;
        for (qsizetype i = 0; i < members.size(); ++i) {
            if (i + 1 < members.size() && *members[i + 1].key == *members[i].key)
                continue;
            if (!first)
                out->append(',');
            first = false;
            JsonText::appendString(out, *members[i].key);
            out->append(':');
            writeMember(out, members[i], model);
        }
        out->append('}');
    }

    void writeMember(QByteArray *out, const Member &member, const QString &model) const {
        if (member.column) {
            appendFieldJson(out, member.column->type, member.value);
        } else if (member.junctionTable) {
            Members values;
            addWrittenValues(&values, *member.junctionTable, plan, keys, member.junctionStep);
            writeObject(out, values, QString());
        } else if (member.group->toMany) {
            const QHash<QString, int> junctionRows =
                insertedJunctionRows(resolved, plan, model, member.group->alias);
            const ResolvedLink *link =
                junctionRows.isEmpty() ? nullptr : resolved.link(model, member.group->alias);
            out->append('[');
            for (qsizetype i = 0; i < member.group->records.size(); ++i) {
                if (i > 0)
                    out->append(',');
                const int child = member.group->records.at(i);
                const auto row = junctionRows.constFind(plan.records.at(child).path);
                if (row == junctionRows.cend())
                    writeRecord(out, child, nullptr, -1, nullptr);
                else
                    writeRecord(out, child, resolved.table(plan.steps.at(*row).table), *row,
                                &link->throughModel);
            }
            out->append(']');
        } else {
            writeRecord(out, member.group->records.first(), nullptr, -1, nullptr);
        }
    }

    // savedGraph(record), with a junction row's values under `through` when given.
    void writeRecord(QByteArray *out, int record, const Table *junctionTable, int junctionStep,
                     const QString *through) const {
        const PlanRecord &r = plan.records.at(record);
        const Table *table = resolved.tableForModel(r.model);
        Members members;
        if (r.step >= 0) {
            addWrittenValues(&members, *table, plan, keys, r.step);
        } else if (const Column *key = table->column(r.keyColumn)) {
            members.append(Member{&key->attribute, key, r.key, nullptr, nullptr, -1});
        }
        for (const PlanRecord::Children &group : r.children)
            if (group.toMany || !group.records.isEmpty())
                members.append(Member{&group.alias, nullptr, {}, &group, nullptr, -1});
        if (through)
            members.append(Member{through, nullptr, {}, nullptr, junctionTable, junctionStep});
        writeObject(out, members, r.model);
    }
};

} // namespace

void appendSavedGraphJson(QByteArray *out, const ResolvedSchema &resolved, const SavePlan &plan,
                          const QList<QVariant> &keys, int record) {
    Writer{resolved, plan, keys}.writeRecord(out, record, nullptr, -1, nullptr);
}

} // namespace modeldesk
